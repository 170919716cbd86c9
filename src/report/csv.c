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

/* = + - @ (ASCII or full-width), TAB, CR or LF at the start of S. */
bool csv_formula_lead(const char *s)
{
	static const char *const full[] = { "\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0" };

	if (!s || !*s)
		return false;
	if (strchr("=+-@\t\r\n", s[0]))
		return true;
	for (size_t i = 0; i < sizeof full / sizeof full[0]; i++)
		if (strncmp(s, full[i], 3) == 0)
			return true;
	return false;
}

/* A value a spreadsheet would run as a formula gets a leading quote; so
 * does one that already looks quoted that way ('=1, ''=1 ...), so that
 * the reader's "drop one quote before a formula" gives back every value
 * exactly. */
bool csv_needs_neutral(const char *s)
{
	if (!s)
		return false;
	while (*s == '\'')
		s++;
	return csv_formula_lead(s);
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
