/*
 * csvread.c - the RFC 4180 reader behind `tsunagi import`.  It works on
 * bytes and keeps line and field numbers as it goes, so that a person
 * can find the cell a message is about in the spreadsheet it came from.
 * It is also a fuzz target (tests/fuzz/fuzz_csv.c).
 */
#include <stdio.h>
#include <string.h>

#include "tsunagi/csvread.h"
#include "tsunagi/i18n.h"
#include "tsunagi/xalloc.h"

void csvr_init(csvr *r, const char *buf, size_t len)
{
	memset(r, 0, sizeof *r);
	r->buf = buf;
	r->len = len;
	r->line = 1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		r->pos = 3;
		r->had_bom = true;
	}
}

void csvr_record_init(csvr_record *rec)
{
	memset(rec, 0, sizeof *rec);
}

static void clear_fields(csvr_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->fields[i]);
	rec->n = 0;
}

void csvr_record_free(csvr_record *rec)
{
	clear_fields(rec);
	free(rec->fields);
	free(rec->lens);
	memset(rec, 0, sizeof *rec);
}

bool csvr_record_blank(const csvr_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		if (rec->lens[i] > 0)
			return false;
	return true;
}

static void push_field(csvr_record *rec, strbuf *f)
{
	if (rec->n == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->fields = xrealloc(rec->fields, rec->cap * sizeof *rec->fields);
		rec->lens = xrealloc(rec->lens, rec->cap * sizeof *rec->lens);
	}
	rec->lens[rec->n] = f->len;
	rec->fields[rec->n] = sb_steal(f);
	rec->n++;
}

/* At a line break?  Consumes it (CRLF, LF or CR) and counts the line. */
static bool take_eol(csvr *r)
{
	if (r->pos >= r->len)
		return false;
	if (r->buf[r->pos] == '\n') {
		r->pos++;
		r->line++;
		return true;
	}
	if (r->buf[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->buf[r->pos] == '\n')
			r->pos++;
		r->line++;
		return true;
	}
	return false;
}

/* After a malformed field: drop the rest of the physical line. */
static void skip_line(csvr *r)
{
	while (r->pos < r->len && r->buf[r->pos] != '\n' && r->buf[r->pos] != '\r')
		r->pos++;
	take_eol(r);
}

static int bad(csvr *r, csvr_record *rec, strbuf *f, size_t column, bool skip,
	       tsu_err *e, const char *why)
{
	r->err_line = r->line;
	r->err_column = column;
	snprintf(r->err_what, sizeof r->err_what, "%s", why);
	err_set(e, TSU_EINVAL, _("line %zu, column %zu: %s"), r->line, column, why);
	if (skip)
		skip_line(r);
	rec->end_line = r->line;
	sb_free(f);
	return TSU_EINVAL;
}

/* A quoted field, r->pos just after the opening quote. */
static int quoted(csvr *r, csvr_record *rec, strbuf *f, tsu_err *e)
{
	size_t column = rec->n + 1;

	for (;;) {
		if (r->pos >= r->len) {
			/* Report where the field began, not the end of the file. */
			r->err_line = rec->line;
			r->err_column = column;
			snprintf(r->err_what, sizeof r->err_what,
				 _("a quoted field is never closed (the file ends at line %zu); add the closing quote"), r->line);
			return err_set(e, TSU_EINVAL, _("line %zu, column %zu: %s"), rec->line, column, r->err_what);
		}
		char c = r->buf[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
				sb_addc(f, '"');
				r->pos += 2;
				continue;
			}
			r->pos++;
			return TSU_OK;
		}
		sb_addc(f, c);
		r->pos++;
		if (c == '\n' || (c == '\r' && (r->pos >= r->len || r->buf[r->pos] != '\n')))
			r->line++;
	}
}

int csvr_next(csvr *r, csvr_record *rec, tsu_err *e)
{
	strbuf f;

	clear_fields(rec);
	if (r->pos >= r->len)
		return 0;
	rec->line = r->line;
	sb_init(&f);
	for (;;) {
		size_t column = rec->n + 1;
		if (r->pos < r->len && r->buf[r->pos] == '"') {
			r->pos++;
			if (quoted(r, rec, &f, e) != TSU_OK) {
				sb_free(&f);
				rec->end_line = r->line;
				return TSU_EINVAL;
			}
			if (r->pos < r->len && r->buf[r->pos] != ',' &&
			    r->buf[r->pos] != '\r' && r->buf[r->pos] != '\n')
				return bad(r, rec, &f, column, true, e,
					   _("text after the closing quote of a quoted field; put the whole field in quotes and double any quote inside it"));
		} else {
			while (r->pos < r->len) {
				char c = r->buf[r->pos];
				if (c == ',' || c == '\r' || c == '\n')
					break;
				if (c == '"')
					return bad(r, rec, &f, column, true, e,
						   _("a quote inside an unquoted field; put the field in quotes and double the quote (\"\")"));
				sb_addc(&f, c);
				r->pos++;
			}
		}
		push_field(rec, &f);
		sb_init(&f);
		if (r->pos < r->len && r->buf[r->pos] == ',') {
			r->pos++;
			continue;
		}
		take_eol(r);
		break;
	}
	sb_free(&f);
	/* The record ends on the line before the one the reader is now on,
	 * unless the input ended without a final line break. */
	rec->end_line = r->pos >= r->len && r->len > 0 &&
		r->buf[r->len - 1] != '\n' && r->buf[r->len - 1] != '\r' ? r->line : r->line - 1;
	return 1;
}
