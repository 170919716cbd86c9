/*
 * stats_pdf.c - the caseload health figures as one A4 page for the
 * monthly team meeting: three bar charts by month drawn with the
 * engine's writer, pdfw.h (monitoring compliance, late notes, clients new and closed), the
 * monthly numbers, the case load and GAS, and the oldest unwritten
 * events.  Part of the PDF module (tsunagi-pdf.so).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"
#include "tsunagi/store.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/xalloc.h"

#define CHART_H 92.0

typedef struct page {
	pdf_doc *d;
	pdfw *pw;
	double x, w, y, bottom;
} page;

static double text_at(page *p, double size, bool bold, double x, double y, double w,
		      enum pdf_align al, const char *s)
{
	return pdf_doc_text(p->d, size, bold, x, y, w, al, s);
}

static void line(page *p, double size, bool bold, const char *s)
{
	p->y += text_at(p, size, bold, p->x, p->y, p->w, PDF_LEFT, s) + 2;
}

static void short_month(month_t m, char *buf, size_t n)
{
	int y, mo;

	month_to_ym(m, &y, &mo);
	/* TRANSLATORS: a month's short label under a chart's bar */
	snprintf(buf, n, _("%d/%02d"), y % 100, mo);
}

/* One chart: a title, a frame with the scale, and for each month one or
 * two bars (values v[k], w[k]; w NULL for one) against max. */
static void chart(page *p, const stats *s, const char *title, const int *v, const int *w,
		  int max, bool percent)
{
	double top, x0 = p->x + 28, x1 = p->x + p->w, h = CHART_H, slot = (x1 - x0) / STATS_MONTHS;
	char buf[32];

	line(p, 9, true, title);
	top = p->y + 8;
	pdfw_line_width(p->pw, 0.5);
	pdfw_rgb(p->pw, 0.6, 0.6, 0.6);
	for (int g = 0; g <= 2; g++) {
		double gy = top + h - h * g / 2.0;
		pdfw_move(p->pw, x0, gy);
		pdfw_line(p->pw, x1, gy);
		pdfw_stroke(p->pw);
		if (percent)
			snprintf(buf, sizeof buf, "%d%%", 50 * g);
		else
			snprintf(buf, sizeof buf, "%d", max * g / 2);
		pdfw_rgb(p->pw, 0, 0, 0);
		text_at(p, 7, false, p->x, gy - 5, 24, PDF_RIGHT, buf);
		pdfw_rgb(p->pw, 0.6, 0.6, 0.6);
	}
	for (int k = 0; k < STATS_MONTHS; k++) {
		double bx = x0 + k * slot + slot * 0.15, bw = slot * (w ? 0.35 : 0.7);

		for (int b = 0; b < (w ? 2 : 1); b++) {
			int val = b ? w[k] : v[k];
			double bh;

			if (val < 0)
				continue;
			bh = max > 0 ? h * (val > max ? max : val) / max : 0;
			pdfw_rgb(p->pw, b ? 0.85 : 0.25, b ? 0.45 : 0.45, b ? 0.25 : 0.75);
			pdfw_rect(p->pw, bx + b * bw, top + h - bh, bw, bh);
			pdfw_fill(p->pw);
			pdfw_rgb(p->pw, 0, 0, 0);
			if (percent)
				snprintf(buf, sizeof buf, "%d", (val + 5) / 10);
			else
				snprintf(buf, sizeof buf, "%d", val);
			text_at(p, 6, false, bx + b * bw - 4, top + h - bh - 8, bw + 8, PDF_CENTER, buf);
		}
		short_month(s->m[k].month, buf, sizeof buf);
		pdfw_rgb(p->pw, 0, 0, 0);
		text_at(p, 7, false, x0 + k * slot, top + h + 2, slot, PDF_CENTER, buf);
	}
	p->y = top + h + 14;
}

static void charts(page *p, const stats *s)
{
	int rate[STATS_MONTHS], late[STATS_MONTHS], started[STATS_MONTHS], closed[STATS_MONTHS], max = 4;
	char title[160];

	for (int k = 0; k < STATS_MONTHS; k++) {
		rate[k] = stats_month_rate(&s->m[k]);
		late[k] = stats_late_rate(&s->m[k]);
		started[k] = s->m[k].started;
		closed[k] = s->m[k].closed;
		if (started[k] > max)
			max = started[k];
		if (closed[k] > max)
			max = closed[k];
	}
	max = (max + 3) / 4 * 4;
	chart(p, s, _("Monitoring done in its due month (%)"), rate, NULL, 1000, true);
	snprintf(title, sizeof title, _("Notes written more than %d days after their day (%%)"), s->delay_days);
	chart(p, s, title, late, NULL, 1000, true);
	chart(p, s, _("Clients new (blue) and closed (orange)"), started, closed, max, false);
}

/* The monthly numbers as a ruled grid. */
static void table(page *p, const stats *s)
{
	const char *heads[] = { _("month"), _("due"), _("met"), _("w/reason"), _("missed"), _("this month"),
				_("on time"), _("notes"), _("notes late"), _("late rate"), _("new"), _("closed") };
	const size_t nc = sizeof heads / sizeof heads[0];
	double cw0 = 60, cw = (p->w - cw0) / (double)(nc - 1), rh = 11;

	for (int r = -1; r <= STATS_MONTHS; r++) {
		const stats_month *m = r < 0 ? NULL : r == STATS_MONTHS ? &s->total : &s->m[r];
		char cells[12][32];

		if (!m) {
			for (size_t c = 0; c < nc; c++)
				snprintf(cells[c], sizeof cells[c], "%s", heads[c]);
		} else {
			if (r == STATS_MONTHS)
				snprintf(cells[0], sizeof cells[0], "%s", _("total"));
			else
				stats_month_label(m->month, cells[0], sizeof cells[0]);
			snprintf(cells[1], sizeof cells[1], "%d", m->due);
			snprintf(cells[2], sizeof cells[2], "%d", m->met);
			snprintf(cells[3], sizeof cells[3], "%d", m->not_done);
			snprintf(cells[4], sizeof cells[4], "%d", m->missed);
			snprintf(cells[5], sizeof cells[5], "%d", m->open);
			stats_rate_text(stats_month_rate(m), cells[6], sizeof cells[6]);
			snprintf(cells[7], sizeof cells[7], "%d", m->notes);
			snprintf(cells[8], sizeof cells[8], "%d", m->late);
			stats_rate_text(stats_late_rate(m), cells[9], sizeof cells[9]);
			snprintf(cells[10], sizeof cells[10], "%d", m->started);
			snprintf(cells[11], sizeof cells[11], "%d", m->closed);
		}
		for (size_t c = 0; c < nc; c++) {
			double cx = c == 0 ? p->x : p->x + cw0 + (double)(c - 1) * cw;
			text_at(p, 7, r < 0 || r == STATS_MONTHS, cx + 2, p->y + 1,
				(c == 0 ? cw0 : cw) - 4, c == 0 ? PDF_LEFT : PDF_RIGHT, cells[c]);
		}
		pdfw_rgb(p->pw, 0.6, 0.6, 0.6);
		pdfw_move(p->pw, p->x, p->y + rh);
		pdfw_line(p->pw, p->x + p->w, p->y + rh);
		pdfw_stroke(p->pw);
		pdfw_rgb(p->pw, 0, 0, 0);
		p->y += rh;
	}
	p->y += 6;
}

static void figures(page *p, const stats_doc *d)
{
	const stats *s = d->s;
	strbuf b;
	char *nl, lv[32], r1[16], r2[16], r3[16];
	int t = stats_per_worker_tenths(s);

	sb_init(&b);
	sb_addf(&b, _("Active clients: %d"), s->active);
	sb_adds(&b, " (");
	for (int k = 0; k < STATS_KINDS; k++)
		sb_addf(&b, "%s%s %d", k ? ", " : "", _(store_enum_label(store_case_kinds[k])), s->by_kind[k]);
	sb_adds(&b, ") ");
	for (int l = 0; l < STATS_LEVELS; l++)
		if (s->by_level[l])
			sb_addf(&b, " %s %d", stats_level_label(l, lv, sizeof lv), s->by_level[l]);
	line(p, 8, false, b.s);
	sb_free(&b);
	sb_init(&b);
	sb_addf(&b, _("  planning and child cases per worker: %d / %d.%d = %d.%d (threshold %d%s)\n"),
		s->counted, s->workers / 10, s->workers % 10, t / 10, t % 10, STATS_CASE_THRESHOLD,
		t >= STATS_CASE_THRESHOLD * 10 ? _(", reached") : "");
	stats_rate_text(stats_permille(s->gas_ok, s->gas_goals), r1, sizeof r1);
	sb_addf(&b, _("\nGAS: goals at 0 or above at their latest monitoring: %d of %d (%s)\n"),
		s->gas_ok, s->gas_goals, r1);
	stats_rate_text(stats_permille(s->gas_prev_ok, s->gas_pairs), r2, sizeof r2);
	stats_rate_text(stats_permille(s->gas_pair_ok, s->gas_pairs), r3, sizeof r3);
	sb_addf(&b, _("  goals scored twice or more: %d; at 0 or above %s before, %s now; up %d, same %d, down %d\n"),
		s->gas_pairs, r2, r3, s->gas_up, s->gas_same, s->gas_down);
	for (char *q = b.s; q && *q; q = nl + 1) {
		nl = strchr(q, '\n');
		if (nl)
			*nl = '\0';
		if (*q)
			line(p, 8, false, q);
		if (!nl)
			break;
	}
	sb_free(&b);
}

static void unwritten(page *p, const stats_doc *d)
{
	const stats *s = d->s;
	char head[160], row[512];

	snprintf(head, sizeof head, _("\nOldest unwritten (done with no note or report yet): %zu\n"),
		 s->unwritten_all);
	line(p, 9, true, head + 1);
	for (size_t i = 0; i < s->nunwritten && p->y < p->bottom - 10; i++) {
		const stats_event *ev = &s->unwritten[i];
		char day[16], *who = stats_event_who(d, ev);

		date_format_iso(ev->on, day);
		snprintf(row, sizeof row, _("  %s  %s  %s (id %lld), %d days ago\n"), day,
			 stats_event_label(ev->kind), who, (long long)ev->client_id, (int)(s->cutoff - ev->on));
		row[strcspn(row, "\n")] = '\0';
		line(p, 8, false, row);
		free(who);
	}
}

static void head(page *p, const stats_doc *d)
{
	const stats *s = d->s;
	char a[32], z[32], cut[16], today[16], buf[512];

	stats_month_label(s->m[0].month, a, sizeof a);
	stats_month_label(s->month, z, sizeof z);
	date_format_iso(s->cutoff, cut);
	date_format_iso(s->today, today);
	snprintf(buf, sizeof buf, _("Caseload health, %s to %s (as of %s)\n"), a, z, cut);
	buf[strcspn(buf, "\n")] = '\0';
	line(p, 14, true, buf);
	snprintf(buf, sizeof buf, _("Office: %s   Worker: %s   Printed: %s"),
		 d->office ? d->office : "", d->worker ? d->worker : "", today);
	line(p, 8, false, buf);
	p->y += 4;
}

/* The one page, drawn in both of the engine's passes. */
static void body(pdf_doc *d, void *arg)
{
	const stats_doc *doc = arg;
	const pdf_page *pg = pdf_doc_page(d);
	page p = { d, pdf_doc_writer(d), pg->left, pg->right - pg->left, pdf_doc_y(d), pg->bottom };

	head(&p, doc);
	charts(&p, doc->s);
	table(&p, doc->s);
	figures(&p, doc);
	unwritten(&p, doc);
	pdf_doc_set_y(d, p.y);
}

int stats_report_pdf(const stats_doc *d, char **pdf, size_t *len, tsu_err *e)
{
	char title[64];
	pdf_doc_setup s = { .pdf_title = title };
	pdf_doc *doc;
	int rc;

	snprintf(title, sizeof title, "%s", _("Caseload health"));
	doc = pdf_doc_new(&s, e);
	if (!doc)
		return e ? e->code : TSU_EFAIL;
	rc = pdf_doc_run(doc, body, (void *)d, pdf, len, e);
	pdf_doc_free(doc);
	return rc;
}
