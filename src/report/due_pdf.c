/*
 * due_pdf.c - the due list as an A4 PDF for the Monday meeting: the
 * same sections as the text list (overdue, then each day with its era
 * date and holiday) in a ruled table with a box to tick on every row.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tsunagi/due_report.h"
#include "tsunagi/holiday.h"
#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"
#include "tsunagi/text.h"

static void add_item(pdf_table *t, const due_report *r, due_words *w, const due_item *it,
		     enum due_mark how)
{
	char mark[16];
	const char *who = due_words_who(w, r, it), *what = due_words_what(w, it, r->initials);
	const char *cells[4];

	due_report_mark(r, it, how, mark, sizeof mark);
	cells[0] = "";
	cells[1] = mark;
	cells[2] = who;
	cells[3] = what;
	pdf_table_row(t, cells);
}

static void day_section(pdf_table *t, date_t day, bool empty)
{
	char iso[DATE_ISO_LEN], era[DATE_WAREKI_LEN], *s;
	const char *hol = holiday_name(day);

	date_format_iso(day, iso);
	date_format_wareki(day, era, sizeof era);
	s = xasprintf("%s (%s)  %s%s%s%s%s", iso, due_weekday(day), era, hol ? "  " : "", hol ? hol : "",
		      empty ? "  " : "", empty ? _("(nothing due)") : "");
	pdf_table_section(t, s);
	free(s);
}

int due_report_pdf(const due_report *r, char **pdf, size_t *len, tsu_err *e)
{
	const pdf_col cols[] = {
		{ "", 16, PDF_CENTER, true },
		/* Wider when an overdue date shows its year. */
		{ _("Date"), due_report_wide_dates(r) ? 60 : 38, PDF_LEFT, false },
		{ _("Client"), 120, PDF_LEFT, false },
		{ _("What is due"), 0, PDF_LEFT, false },
	};
	char a[DATE_ISO_LEN], z[DATE_ISO_LEN], era[DATE_WAREKI_LEN];
	char *title, *sub, *worker = text_sanitize(r->worker ? r->worker : "", false);
	pdf_setup s = { 0 };
	pdf_table *t;
	due_words w = { 0 };
	size_t i = 0, noverdue = 0;
	int rc;

	date_format_iso(r->from, a);
	date_format_iso(r->to, z);
	if (r->overdue_only) {
		date_format_iso(r->today, a);
		title = xasprintf(_("Overdue items as of %s"), a);
	} else {
		title = xasprintf(_("Due list %s (%s) - %s (%s)"), a, due_weekday(r->from), z, due_weekday(r->to));
	}
	date_format_iso(r->today, a);
	date_format_wareki(r->today, era, sizeof era);
	{
		char *printed = xasprintf(_("Printed: %s (%s)"), a, era);
		char *count = xasprintf(ngettext("%zu item", "%zu items", r->n + r->nmons), r->n + r->nmons);
		char *from = NULL;

		if (!r->overdue_only) {
			char f[DATE_ISO_LEN];
			date_format_iso(r->from, f);
			from = xasprintf(_("Days counted from %s (%s)"), f, due_weekday(r->from));
		}
		sub = xasprintf("%s%s    %s    %s%s%s", _("Worker: "), worker, printed, count,
				from ? "    " : "", from ? from : "");
		free(printed);
		free(count);
		free(from);
	}
	s.title = title;
	s.subtitle = sub;
	t = pdf_table_new(&s, cols, 4);

	for (size_t k = 0; k < r->n; k++)
		if (r->items[k].on < r->from || r->overdue_only)
			noverdue++;
	if (noverdue) {
		char *h = xasprintf(_("Overdue (%zu)"), noverdue);
		pdf_table_section(t, h);
		free(h);
		for (; i < r->n && (r->items[i].on < r->from || r->overdue_only); i++)
			add_item(t, r, &w, &r->items[i], DUE_MARK_DATE);
	}
	if (r->nmons) {
		char *h = due_report_months_title(r);
		pdf_table_section(t, h);
		free(h);
		for (size_t k = 0; k < r->nmons; k++)
			add_item(t, r, &w, &r->mons[k], DUE_MARK_MONTH);
	}
	if (!r->overdue_only) {
		bool show_empty = r->to - r->from < 14;

		for (date_t day = r->from; day <= r->to; day++) {
			bool any = i < r->n && r->items[i].on == day;

			if (!any && !show_empty)
				continue;
			day_section(t, day, !any);
			for (; i < r->n && r->items[i].on == day; i++)
				add_item(t, r, &w, &r->items[i], DUE_MARK_DAY);
		}
	}
	due_words_free(&w);
	rc = pdf_table_render(t, pdf, len, e);
	pdf_table_free(t);
	free(title);
	free(sub);
	free(worker);
	return rc;
}
