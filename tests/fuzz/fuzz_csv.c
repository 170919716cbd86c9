/*
 * fuzz_csv.c - the CSV reader on any bytes, then the roster import's
 * checks on the same bytes (a dry run without a database), which also
 * drives header mapping, encoding detection and every cell check.
 */
#include <stdint.h>
#include <stdlib.h>

#include "tsunagi/csvread.h"
#include "tsunagi/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	csvr r;
	csvr_record rec;
	import_report rep;
	import_opts o = { .auto_encoding = true, .dry_run = true };
	tsu_err e;
	int rc;
	size_t records = 0;

	csvr_init(&r, (const char *)data, size);
	csvr_record_init(&rec);
	while ((rc = csvr_next(&r, &rec, &e)) != 0) {
		if (rc > 0 && (rec.n == 0 || rec.line > rec.end_line))
			abort();
		if (++records > size + 1)
			abort();   /* every record consumes input */
	}
	csvr_record_free(&rec);
	import_clients(NULL, (const char *)data, size, &o, &rep, &e);
	import_report_free(&rep);
	return 0;
}
