/*
 * csvread.h - an RFC 4180 CSV reader over a byte buffer, for imports.
 *
 * Fields may be quoted, and a quoted field may hold commas, doubled
 * quotes and line breaks.  Records end in CRLF, LF or a lone CR; a UTF-8
 * byte order mark at the start is skipped.  The reader does not look at
 * encodings: fields are the file's bytes (quotes undone), each with its
 * length, so a NUL byte inside a field is kept and can be reported.
 *
 * Errors name the physical line and the column (field number), and the
 * reader then skips to the next line so that every bad record of a file
 * can be listed in one pass.
 *
 *	csvr r;
 *	csvr_record rec;
 *	csvr_init(&r, buf, len);
 *	csvr_record_init(&rec);
 *	while ((rc = csvr_next(&r, &rec, &e)) != 0)
 *		if (rc > 0) use(rec.fields, rec.lens, rec.n, rec.line);
 *		else report(rec.line, r.err_column, e.msg);
 *	csvr_record_free(&rec);
 */
#ifndef TSUNAGI_CSVREAD_H
#define TSUNAGI_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/err.h"

typedef struct csvr {
	const char *buf;
	size_t len;
	size_t pos;
	size_t line;        /* physical line (1-based) at pos */
	bool had_bom;
	/* Where the last error was (set when csvr_next returns < 0). */
	size_t err_line;    /* physical line of the offending byte */
	size_t err_column;  /* field number, 1-based */
	char err_what[256]; /* the reason alone, without the place */
} csvr;

typedef struct csvr_record {
	char **fields;      /* each NUL-terminated, may hold NUL bytes too */
	size_t *lens;       /* byte lengths */
	size_t n;           /* fields in this record (at least 1) */
	size_t cap;
	size_t line;        /* physical line where the record starts */
	size_t end_line;    /* physical line where it ends */
} csvr_record;

/* buf must outlive the reader; a leading UTF-8 BOM is skipped. */
void csvr_init(csvr *r, const char *buf, size_t len);

void csvr_record_init(csvr_record *rec);
void csvr_record_free(csvr_record *rec);

/*
 * Read the next record into rec (replacing what it held).  Returns 1 for
 * a record, 0 at the end of the input, or TSU_EINVAL for a malformed
 * record: e says "line L, column C: what; what to do", rec->line is the
 * record's first line, and the next call resumes after the bad line.
 */
int csvr_next(csvr *r, csvr_record *rec, tsu_err *e);

/* True when every field of rec is empty (a blank or ",,," line). */
bool csvr_record_blank(const csvr_record *rec);

#endif
