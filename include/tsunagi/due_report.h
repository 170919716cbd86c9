/*
 * due_report.h - the printable due list: text for a terminal or `lp`,
 * CSV for a spreadsheet and an A4 PDF, all from the same selected items.
 * Everything is built in memory; the caller converts the encoding and
 * writes it only when the whole output is ready.
 */
#ifndef TSUNAGI_DUE_REPORT_H
#define TSUNAGI_DUE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/due_items.h"
#include "tsunagi/due_source.h"
#include "tsunagi/err.h"
#include "tsunagi/xalloc.h"

typedef struct due_report {
	const due_item *items;  /* the items to print, sorted by date */
	size_t n;
	const due_item *mons;   /* the open monitorings of the months the
	                         * sheet touches (their own section), by date */
	size_t nmons;
	const due_names *names;
	date_t today;
	date_t from, to;        /* the days listed; items before from are "overdue" */
	bool overdue_only;      /* only the overdue section */
	bool initials;          /* "Y.T." from the kana instead of names */
	const char *worker;
} due_report;

/*
 * The weekly sheet (or any window) as `due` and the alarm list's p
 * print it.  A monitoring is due any day of its month, so every
 * monitoring of the months [from, to] touches that is not yet done goes
 * in its own section (dated by its visit when one is scheduled) rather
 * than under the month's last day.  Everything else not done: overdue
 * when dated before from (late as of the sheet's first day), else under
 * its day.  On the sheet "in N days" counts from `from` (from today for
 * an overdue-only list), not from the day it is printed.
 */
typedef struct due_sheet {
	due_report r;           /* ready for due_report_text/csv/pdf */
	/* private */
	due_result res;
	due_names names;
	due_item *sel, *mons;   /* sel: the smaller of r.items and r.mons
	                         * (the larger is in res.list); mons unused */
} due_sheet;

int due_sheet_build(db *d, date_t today, date_t from, date_t to, unsigned kinds,
		    bool overdue_only, bool initials, const char *worker,
		    due_sheet *out, tsu_err *e);
void due_sheet_free(due_sheet *s);

/* Where each item's text is in the output, to name the client when a
 * character cannot be written in the chosen encoding. */
typedef struct due_span {
	size_t start, end;
	int64_t client_id;
} due_span;

typedef struct due_doc {
	strbuf text;            /* UTF-8 */
	due_span *spans;
	size_t nspans;
} due_doc;

void due_doc_free(due_doc *d);
/* The span holding byte offset off, or NULL. */
const due_span *due_doc_span_at(const due_doc *d, size_t off);

/* Text: a header, the overdue items, the month's open monitorings, then
 * each day of [from, to] with its weekday, era date and holiday; columns aligned by display width in 80
 * columns, a "[ ]" box to tick on every line. */
void due_report_text(const due_report *r, due_doc *out);

/* CSV (RFC 4180, CRLF, no BOM: the caller adds it for UTF-8): columns
 * due_on, state, kind, client_id, client_name, detail, section (overdue,
 * monitoring or day), rows in the sheet's order. */
void due_report_csv(const due_report *r, due_doc *out);

/* A4 portrait PDF with the header on every page and page numbers.
 * *pdf (caller frees) holds *len bytes. */
int due_report_pdf(const due_report *r, char **pdf, size_t *len, tsu_err *e);

/* What an item is about, translated and sanitized (caller frees):
 * "monitoring for 2026-11", "service certificate ends (in 30 days)". */
char *due_item_detail(const due_item *it);
/* The same; with INITIALS, free text from records is left out (only the
 * program's wording remains), for --initials output. */
char *due_item_detail_as(const due_item *it, bool initials);
/* The same without the day count ("in 30 days"), for a screen that shows
 * it in a column of its own. */
char *due_item_detail_brief(const due_item *it);
/* Who: the client's name, or initials with r->initials; sanitized;
 * "" for billing (caller frees). */
char *due_item_who(const due_report *r, const due_item *it);

/* The wording of a sheet's lines, made once for a run of lines worded
 * alike (a month's monitorings, a client's several items): the same
 * text as due_item_detail_as and due_item_who, owned by w, valid until
 * the next call of the same function.  One report (one initials) per
 * due_words.  Start zeroed; due_words_free. */
typedef struct due_words {
	due_item key;
	char *what;
	int64_t who_id;
	char *who;              /* who_buf's text, reused name after name */
	strbuf who_buf;
	/* The text list's cells of what and who, fitted once per wording
	 * (0 cols: not yet): byte lengths and the name's width. */
	int what_cols, who_cols, who_used;
	size_t what_n, who_n;
} due_words;
const char *due_words_what(due_words *w, const due_item *it, bool initials);
const char *due_words_who(due_words *w, const due_report *r, const due_item *it);
void due_words_free(due_words *w);

/* For the text and PDF renderers: whether a dated line needs the year
 * (an overdue date from another year than the sheet's first day); the
 * date shown for an item (DUE_MARK_DATE: MM-DD, or YYYY-MM-DD from
 * another year; DUE_MARK_MONTH the same, empty for a monitoring not
 * scheduled; DUE_MARK_DAY under its day: "late" when overdue); the title of
 * the monitoring section (caller frees). */
bool due_report_wide_dates(const due_report *r);
enum due_mark { DUE_MARK_DAY, DUE_MARK_DATE, DUE_MARK_MONTH };
void due_report_mark(const due_report *r, const due_item *it, enum due_mark how, char *buf, size_t n);
char *due_report_months_title(const due_report *r);

/* The translated short weekday, "Mon" .. "Sun" (月 .. 日 in Japanese). */
const char *due_weekday(date_t d);

#endif
