/*
 * billing_report.c - the billing worksheet as text and CSV (see
 * billing_report.h); the PDF is billing_pdf.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/csv.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"

int bill_sheet_build(db *d, month_t m, int category, int workers_tenths, bool initials,
		     const char *office, const char *worker, date_t today, bill_sheet *s, tsu_err *e)
{
	memset(s, 0, sizeof *s);
	if (bill_source_load(d, m, category, workers_tenths, &s->src, e) != TSU_OK)
		return e->code;
	bill_compute(&s->src.in, &s->r);
	s->initials = initials;
	s->office = office ? office : "";
	s->worker = worker ? worker : "";
	s->today = today;
	return TSU_OK;
}

void bill_sheet_free(bill_sheet *s)
{
	bill_result_free(&s->r);
	bill_source_free(&s->src);
}

char *bill_month_label(month_t m)
{
	int y, mo;

	month_to_ym(m, &y, &mo);
	return xasprintf(_("%04d-%02d"), y, mo);
}

char *bill_row_who(const bill_sheet *s, const bill_row *r)
{
	if (s->initials)
		return text_initials(r->client->kana);
	return text_sanitize(r->client->name, false);
}

const char *bill_row_label(const bill_row *r)
{
	return r->fee ? r->fee->label : bill_problem_label(r->problem);
}

char *bill_row_evidence(const bill_sheet *s, const bill_row *r)
{
	char *ev = text_sanitize(r->evidence, false), *out;

	if (s->initials || !r->whom || !*r->whom)
		return ev;
	{
		char *w = text_sanitize(r->whom, false);
		out = xasprintf(_("%s, with %s"), ev, w);
		free(w);
	}
	free(ev);
	return out;
}

const char *bill_category_label(int category)
{
	static const char *const labels[] = { N_("not 機能強化型"), "機能強化型（Ⅰ）", "機能強化型（Ⅱ）",
					      "機能強化型（Ⅲ）", "機能強化型（Ⅳ）" };
	return category > 0 && category <= BILL_CATEGORY_MAX ? labels[category] : _(labels[0]);
}

char *bill_sheet_subtitle(const bill_sheet *s)
{
	char today[DATE_ISO_LEN];
	char *office = text_sanitize(s->office, false), *worker = text_sanitize(s->worker, false), *out;

	date_format_iso(s->today, today);
	out = xasprintf(_("Office: %s  Worker: %s  Made: %s  Category: %s  Workers: %d.%d (the (Ⅱ) rate from item %d)"),
			office, worker, today, bill_category_label(s->r.category),
			s->r.workers_tenths / 10, s->r.workers_tenths % 10, s->r.threshold);
	free(office);
	free(worker);
	return out;
}

static const char *section_title(enum bill_section sec)
{
	return sec == BILL_BASE ? _("Billable")
		: sec == BILL_ADDON ? _("加算 candidates (not counted: confirm each first)")
		: _("Problems to put right before the 10th (not billable as they are)");
}

static void text_row(const bill_sheet *s, const bill_row *r, strbuf *out)
{
	char d[DATE_ISO_LEN];
	char *who = bill_row_who(s, r), *ev = bill_row_evidence(s, r);

	date_format_iso(r->on, d);
	sb_addf(out, "  %s  %s (#%lld", d, who, (long long)r->client->id);
	if (r->client->recipient_no[0])
		sb_addf(out, _(", recipient no. %s"), r->client->recipient_no);
	sb_addf(out, ")  %s", bill_row_label(r));
	if (r->section != BILL_PROBLEM)
		sb_addf(out, _("  %d units"), r->units);
	sb_addf(out, "  [%s]\n", bill_status_label(r->status));
	sb_addf(out, _("      record: %s\n"), ev);
	if (r->note && *r->note)
		sb_addf(out, "      %s\n", r->note);
	free(who);
	free(ev);
}

void bill_sheet_text(const bill_sheet *s, strbuf *out)
{
	char *month = bill_month_label(s->r.month), *sub = bill_sheet_subtitle(s);
	size_t counts[3] = { s->r.nbase, s->r.naddon, s->r.nproblem };
	size_t i = 0;

	sb_addf(out, _("Billing worksheet for %s (a worksheet to check against, not the 国保連 transmission file)\n"), month);
	sb_addf(out, "%s\n", sub);
	for (int sec = BILL_BASE; sec <= BILL_PROBLEM; sec++) {
		sb_addf(out, "\n[%s] (%zu)\n", section_title((enum bill_section)sec), counts[sec]);
		if (!counts[sec])
			sb_addf(out, "  %s\n", _("(none)"));
		for (size_t k = 0; k < counts[sec]; k++, i++)
			text_row(s, &s->r.rows[i], out);
		if (sec == BILL_BASE)
			sb_addf(out, _("  Total: %zu items, %d units\n"), s->r.nbase, s->r.base_units);
		else if (sec == BILL_ADDON)
			sb_addf(out, _("  加算 candidates with evidence: %d units (not in the total)\n"), s->r.addon_units);
	}
	free(month);
	free(sub);
}

static const char *section_name(enum bill_section sec)
{
	return sec == BILL_BASE ? "billable" : sec == BILL_ADDON ? "addon" : "problem";
}

void bill_sheet_csv(const bill_sheet *s, strbuf *out)
{
	static const char *const head[] = { "month", "client_id", "client_name", "recipient_no", "section",
					    "item", "label", "date", "units", "evidence", "status", "note" };
	char month[16], d[DATE_ISO_LEN];
	csv_writer w;
	int y, mo;

	month_to_ym(s->r.month, &y, &mo);
	snprintf(month, sizeof month, "%04d-%02d", y % 10000, mo % 100);
	csv_init(&w, out);
	for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
		csv_field(&w, head[k]);
	csv_end_row(&w);
	for (size_t i = 0; i < s->r.n; i++) {
		const bill_row *r = &s->r.rows[i];
		char *who = bill_row_who(s, r), *ev = bill_row_evidence(s, r);

		date_format_iso(r->on, d);
		csv_field(&w, month);
		csv_field_int(&w, r->client->id);
		csv_field(&w, who);
		csv_field(&w, r->client->recipient_no);
		csv_field(&w, section_name(r->section));
		csv_field(&w, r->item);
		csv_field(&w, bill_row_label(r));
		csv_field(&w, d);
		csv_field_int(&w, r->units);
		csv_field(&w, ev);
		csv_field(&w, bill_status_name(r->status));
		csv_field(&w, r->note);
		csv_end_row(&w);
		free(who);
		free(ev);
	}
}
