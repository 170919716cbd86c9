/*
 * stats_report.h - the caseload health figures (stats.h) as text, TSV
 * and an A4 PDF page with bar charts for the monthly team meeting.
 *
 * The TSV is three tables, each with its own head line, separated by an
 * empty line; the column names are stable:
 *   month mon_due mon_met mon_not_done mon_missed mon_open mon_rate
 *     notes notes_late notes_unknown late_rate started closed
 *     (one line per month, YYYY-MM, oldest first, then "total"; a rate
 *     is a percentage with one decimal, empty when nothing counts)
 *   figure key value
 *     (active all; kind plan|child|transition|retention; level 0..6|none;
 *     caseload counted|workers|per_worker|threshold; gas goals|ok|rate|
 *     pairs|prev_ok|pair_ok|up|same|down; setting record_delay_days|
 *     cutoff)
 *   unwritten_on event client_id client days
 *     (event monitoring|meeting; client the name, or initials)
 */
#ifndef TSUNAGI_STATS_REPORT_H
#define TSUNAGI_STATS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/err.h"
#include "tsunagi/stats.h"
#include "tsunagi/text.h"

typedef struct stats_doc {
	const stats *s;
	const char *office, *worker;    /* for the PDF's head; may be "" */
	bool initials;                  /* names as initials from the kana */
} stats_doc;

/* "2027年1月" under a Japanese locale, else "2027-01". */
void stats_month_label(month_t m, char *buf, size_t n);
/* A permille as "83.3%", or "-" when < 0. */
void stats_rate_text(int permille, char *buf, size_t n);
/* The client of an unwritten event as shown: name or initials, sanitized
 * (caller frees). */
char *stats_event_who(const stats_doc *d, const stats_event *ev);
/* "monitoring" / "meeting", translated. */
const char *stats_event_label(enum stats_event_kind k);
/* A support-level slot's label: 非該当, 区分1 .. 区分6, 未入力. */
const char *stats_level_label(int slot, char *buf, size_t n);

void stats_report_text(const stats_doc *d, strbuf *out);
/* The text report's parts after the monthly table (case load, GAS,
 * unwritten events), lines ending in '\n', for the screen. */
void stats_summary_lines(const stats_doc *d, strbuf *out);
void stats_report_tsv(const stats_doc *d, strbuf *out);
/* The A4 page (in the PDF module; src/cli/pdf_dl.c loads it). */
int stats_report_pdf(const stats_doc *d, char **pdf, size_t *len, tsu_err *e);

#endif
