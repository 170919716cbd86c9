/*
 * csv.c - the CSV writer (see csv.h).  Kept apart from any report so the
 * due list, the exports and later printouts write CSV the same way.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "tsunagi/csv.h"

void csv_init(csv_writer *w, strbuf *out)
{
	w->out = out;
	w->col = 0;
}

bool csv_needs_neutral(const char *s)
{
	static const char *const full[] = { "\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0" };

	if (!s || !*s)
		return false;
	if (strchr("=+-@\t\r", s[0]))
		return true;
	for (size_t i = 0; i < sizeof full / sizeof full[0]; i++)
		if (strncmp(s, full[i], 3) == 0)
			return true;
	return false;
}

static void sep(csv_writer *w)
{
	if (w->col++ > 0)
		sb_addc(w->out, ',');
}

void csv_field(csv_writer *w, const char *s)
{
	bool neutral, quote;

	sep(w);
	if (!s)
		return;
	neutral = csv_needs_neutral(s);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sb_addc(w->out, '"');
	if (neutral)
		sb_addc(w->out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sb_addc(w->out, '"');
		sb_addc(w->out, *p);
	}
	if (quote)
		sb_addc(w->out, '"');
}

void csv_field_int(csv_writer *w, int64_t v)
{
	sep(w);
	sb_addf(w->out, "%" PRId64, v);
}

void csv_end_row(csv_writer *w)
{
	sb_adds(w->out, "\r\n");
	w->col = 0;
}
