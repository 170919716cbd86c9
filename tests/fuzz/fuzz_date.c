/*
 * fuzz_date.c - the date parser on any text.  A date it accepts must
 * format and parse back to the same day, in ISO and in the era form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char buf[DATE_WAREKI_LEN];
	date_t d, again;
	month_t m;
	tsu_err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d, &e) == TSU_OK) {
		date_format_iso(d, buf);
		if (date_parse(buf, &again, &e) != TSU_OK || again != d)
			abort();
		date_format_wareki(d, buf, sizeof buf);
		if (date_parse(buf, &again, &e) == TSU_OK && again != d)
			abort();
	}
	month_parse(s, &m, &e);
	free(s);
	return 0;
}
