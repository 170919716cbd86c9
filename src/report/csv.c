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
	/* The full-width ones all start with EF BC (most fields do not). */
	if ((unsigned char)s[0] != 0xEF || (unsigned char)s[1] != 0xBC)
		return false;
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
	/* Runs between double quotes in one piece, each quote doubled. */
	for (const char *p = s;;) {
		size_t n = strcspn(p, "\"");

		sb_addn(w->out, p, n);
		if (!p[n])
			break;
		sb_addn(w->out, "\"\"", 2);
		p += n + 1;
	}
	if (quote)
		sb_addc(w->out, '"');
}

void csv_field_int(csv_writer *w, int64_t v)
{
	char buf[24], *p = buf + sizeof buf;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	sep(w);
	/* By hand: a list has thousands of ids (sb_addf was a tenth of it). */
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	sb_addn(w->out, p, (size_t)(buf + sizeof buf - p));
}

void csv_end_row(csv_writer *w)
{
	sb_adds(w->out, "\r\n");
	w->col = 0;
}
