/*
 * billing_pdf.c - the billing worksheet as an A4 PDF (landscape, for the
 * office manager's desk): the three sections of the text in a ruled
 * table, a box to tick on every row.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"

static void add_row(pdf_table *t, const bill_sheet *s, const bill_row *r)
{
	char d[DATE_ISO_LEN], units[16];
	char *who = bill_row_who(s, r), *ev = bill_row_evidence(s, r), *item;
	const char *cells[7];

	date_format_iso(r->on, d);
	snprintf(units, sizeof units, "%d", r->units);
	item = r->note && *r->note ? xasprintf("%s\n%s", bill_row_label(r), r->note) : xstrdup(bill_row_label(r));
	cells[0] = "";
	cells[1] = d;
	cells[2] = who;
	cells[3] = item;
	cells[4] = r->section == BILL_PROBLEM ? "" : units;
	cells[5] = bill_status_label(r->status);
	cells[6] = ev;
	pdf_table_row(t, cells);
	free(who);
	free(ev);
	free(item);
}

int bill_sheet_pdf(const bill_sheet *s, char **pdf, size_t *len, tsu_err *e)
{
	const pdf_col cols[] = {
		{ "", 16, PDF_CENTER, true },
		{ _("Date"), 66, PDF_LEFT, false },
		{ _("Client"), 90, PDF_LEFT, false },
		{ _("Item"), 0, PDF_LEFT, false },
		{ _("Units"), 40, PDF_RIGHT, false },
		{ _("Status"), 60, PDF_LEFT, false },
		{ _("Record"), 200, PDF_LEFT, false },
	};
	char *month = bill_month_label(s->r.month), *title, *sub = bill_sheet_subtitle(s), *h;
	size_t counts[3] = { s->r.nbase, s->r.naddon, s->r.nproblem }, i = 0;
	pdf_setup st = { 0 };
	pdf_table *t;
	int rc;

	title = xasprintf(_("Billing worksheet for %s (a worksheet to check against, not the 国保連 transmission file)"), month);
	st.landscape = true;
	st.title = title;
	st.subtitle = sub;
	t = pdf_table_new(&st, cols, 7);
	for (int sec = BILL_BASE; sec <= BILL_PROBLEM; sec++) {
		if (sec == BILL_BASE)
			h = xasprintf(_("Billable: %zu items, %d units"), s->r.nbase, s->r.base_units);
		else if (sec == BILL_ADDON)
			h = xasprintf(_("加算 candidates: %zu (%d units with evidence, not in the total)"),
				      s->r.naddon, s->r.addon_units);
		else
			h = xasprintf(_("Problems before the 10th: %zu"), s->r.nproblem);
		pdf_table_section(t, h);
		free(h);
		for (size_t k = 0; k < counts[sec]; k++, i++)
			add_row(t, s, &s->r.rows[i]);
	}
	rc = pdf_table_render(t, pdf, len, e);
	pdf_table_free(t);
	free(title);
	free(sub);
	free(month);
	return rc;
}
