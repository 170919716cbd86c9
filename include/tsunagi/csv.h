/*
 * csv.h - an RFC 4180 CSV writer for everything tsunagi exports: fields
 * quoted when they hold a comma, quote, CR or LF, rows ended by CRLF, and
 * cells that a spreadsheet would run as a formula neutralised.
 */
#ifndef TSUNAGI_CSV_H
#define TSUNAGI_CSV_H

#include <stdbool.h>
#include <stdint.h>

#include "tsunagi/xalloc.h"

/* The UTF-8 byte order mark Excel needs to read UTF-8 CSV. */
#define CSV_BOM "\xEF\xBB\xBF"

typedef struct csv_writer {
	strbuf *out;
	int col;                /* fields written in the current row */
} csv_writer;

void csv_init(csv_writer *w, strbuf *out);
/*
 * One text field.  A cell starting with = + - @ (or the full-width
 * ＝ ＋ － ＠), a tab, CR or LF (or quotes before one) gets a single quote
 * in front, so that a
 * spreadsheet shows it as text instead of running it (CSV injection).
 * NULL is an empty field.
 */
void csv_field(csv_writer *w, const char *s);
/* A number of our own: written as is, never neutralised. */
void csv_field_int(csv_writer *w, int64_t v);
void csv_end_row(csv_writer *w);

/* True when s would be neutralised by csv_field. */
bool csv_needs_neutral(const char *s);
/* Whether S starts with what a spreadsheet reads as a formula. */
bool csv_formula_lead(const char *s);

#endif
