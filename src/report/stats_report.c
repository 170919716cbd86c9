/*
 * stats_report.c - the caseload health figures as text and TSV
 * (stats_report.h).  The PDF page is in stats_pdf.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/xalloc.h"

void stats_month_label(month_t m, char *buf, size_t n)
{
	int y, mo;

	month_to_ym(m, &y, &mo);
	/* TRANSLATORS: a month; Japanese writes 2027年1月 */
	snprintf(buf, n, _("%04d-%02d"), y, mo);
}

void stats_rate_text(int permille, char *buf, size_t n)
{
	if (permille < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%d.%d%%", permille / 10, permille % 10);
}

/* The TSV's form: "83.3", "" when nothing counts. */
static void rate_plain(int permille, char *buf, size_t n)
{
	if (permille < 0)
		buf[0] = '\0';
	else
		snprintf(buf, n, "%d.%d", permille / 10, permille % 10);
}

char *stats_event_who(const stats_doc *d, const stats_event *ev)
{
	char *raw, *out;

	if (!d->initials)
		return text_sanitize(ev->name ? ev->name : "", false);
	raw = text_initials(ev->kana ? ev->kana : "");
	out = text_sanitize(raw, false);
	free(raw);
	return out;
}

const char *stats_event_label(enum stats_event_kind k)
{
	return k == STATS_EV_MEETING ? _("care-team meeting") : _("monitoring");
}

const char *stats_level_label(int slot, char *buf, size_t n)
{
	if (slot == 0)
		snprintf(buf, n, "%s", _("not applicable"));
	else if (slot >= 1 && slot <= 6)
		snprintf(buf, n, _("level %d"), slot);
	else
		snprintf(buf, n, "%s", _("not entered"));
	return buf;
}

/* s padded with spaces to width columns (right-aligned when right). */
static void cell(strbuf *b, const char *s, int width, bool right)
{
	int w = text_width(s);

	if (right)
		for (int i = w; i < width; i++)
			sb_addc(b, ' ');
	sb_adds(b, s);
	if (!right)
		for (int i = w; i < width; i++)
			sb_addc(b, ' ');
}

static void num(strbuf *b, int v, int width)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", v);
	sb_addc(b, ' ');
	cell(b, buf, width, true);
}

static void text_head(const stats_doc *d, strbuf *out)
{
	const stats *s = d->s;
	char a[32], z[32], cut[16];

	stats_month_label(s->m[0].month, a, sizeof a);
	stats_month_label(s->month, z, sizeof z);
	date_format_iso(s->cutoff, cut);
	sb_addf(out, _("Caseload health, %s to %s (as of %s)\n"), a, z, cut);
}

/* The widths of the monthly table's columns after the month. */
static const int mcols[] = { 5, 5, 8, 8, 8, 7, 5, 5, 7, 5, 5 };

static void month_line(strbuf *out, const char *label, const stats_month *m)
{
	char r[16];
	int i = 0;

	cell(out, label, 11, false);
	num(out, m->due, mcols[i++]);
	num(out, m->met, mcols[i++]);
	num(out, m->not_done, mcols[i++]);
	num(out, m->missed, mcols[i++]);
	num(out, m->open, mcols[i++]);
	stats_rate_text(stats_month_rate(m), r, sizeof r);
	sb_addc(out, ' ');
	cell(out, r, mcols[i++], true);
	num(out, m->notes, mcols[i++]);
	num(out, m->late, mcols[i++]);
	stats_rate_text(stats_late_rate(m), r, sizeof r);
	sb_addc(out, ' ');
	cell(out, r, mcols[i++], true);
	num(out, m->started, mcols[i++]);
	num(out, m->closed, mcols[i++]);
	sb_addc(out, '\n');
}

static void month_table(const stats_doc *d, strbuf *out)
{
	const char *heads[] = {
		_("due"), _("met"), _("w/reason"), _("missed"), _("this month"), _("on time"),
		_("notes"), _("notes late"), _("late rate"), _("new"), _("closed"),
	};
	char label[32];

	sb_addf(out, _("\nMonitoring done in its month (met; not done with a reason is apart, not met),\n"
		       "notes written more than %d days after their day (late), clients new and closed:\n"),
		d->s->delay_days);
	cell(out, _("month"), 11, false);
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		sb_addc(out, ' ');
		cell(out, heads[i], mcols[i], true);
	}
	sb_addc(out, '\n');
	for (int k = 0; k < STATS_MONTHS; k++) {
		stats_month_label(d->s->m[k].month, label, sizeof label);
		month_line(out, label, &d->s->m[k]);
	}
	month_line(out, _("total"), &d->s->total);
	if (d->s->total.unknown)
		sb_addf(out, _("%d notes from before tsunagi kept the day they were written are not in the late rate.\n"),
			d->s->total.unknown);
}

static void load_text(const stats_doc *d, strbuf *out)
{
	const stats *s = d->s;
	char buf[32];
	int t = stats_per_worker_tenths(s);

	sb_addf(out, _("\nActive clients: %d\n"), s->active);
	sb_adds(out, _("  by kind:"));
	for (int k = 0; k < STATS_KINDS; k++)
		sb_addf(out, " %s %d", _(store_enum_label(store_case_kinds[k])), s->by_kind[k]);
	sb_adds(out, _("\n  by support level:"));
	for (int l = 0; l < STATS_LEVELS; l++)
		if (s->by_level[l])
			sb_addf(out, " %s %d", stats_level_label(l, buf, sizeof buf), s->by_level[l]);
	sb_addc(out, '\n');
	sb_addf(out, _("  planning and child cases per worker: %d / %d.%d = %d.%d (threshold %d%s)\n"),
		s->counted, s->workers / 10, s->workers % 10, t / 10, t % 10, STATS_CASE_THRESHOLD,
		t >= STATS_CASE_THRESHOLD * 10 ? _(", reached") : "");
}

static void gas_text(const stats_doc *d, strbuf *out)
{
	const stats *s = d->s;
	char a[16], b[16], c[16];

	stats_rate_text(stats_permille(s->gas_ok, s->gas_goals), a, sizeof a);
	sb_addf(out, _("\nGAS: goals at 0 or above at their latest monitoring: %d of %d (%s)\n"),
		s->gas_ok, s->gas_goals, a);
	stats_rate_text(stats_permille(s->gas_prev_ok, s->gas_pairs), b, sizeof b);
	stats_rate_text(stats_permille(s->gas_pair_ok, s->gas_pairs), c, sizeof c);
	sb_addf(out, _("  goals scored twice or more: %d; at 0 or above %s before, %s now; up %d, same %d, down %d\n"),
		s->gas_pairs, b, c, s->gas_up, s->gas_same, s->gas_down);
}

static void unwritten_text(const stats_doc *d, strbuf *out)
{
	const stats *s = d->s;

	sb_addf(out, _("\nOldest unwritten (done with no note or report yet): %zu\n"), s->unwritten_all);
	for (size_t i = 0; i < s->nunwritten; i++) {
		const stats_event *ev = &s->unwritten[i];
		char day[16], *who = stats_event_who(d, ev);

		date_format_iso(ev->on, day);
		sb_addf(out, _("  %s  %s  %s (id %lld), %d days ago\n"), day, stats_event_label(ev->kind),
			who, (long long)ev->client_id, (int)(s->cutoff - ev->on));
		free(who);
	}
	if (s->unwritten_all > s->nunwritten)
		sb_addf(out, _("  and %zu more\n"), s->unwritten_all - s->nunwritten);
}

void stats_summary_lines(const stats_doc *d, strbuf *out)
{
	load_text(d, out);
	gas_text(d, out);
	unwritten_text(d, out);
}

void stats_report_text(const stats_doc *d, strbuf *out)
{
	text_head(d, out);
	month_table(d, out);
	load_text(d, out);
	gas_text(d, out);
	unwritten_text(d, out);
}

static void tsv_month(strbuf *out, const char *label, const stats_month *m)
{
	char r1[16], r2[16];

	rate_plain(stats_month_rate(m), r1, sizeof r1);
	rate_plain(stats_late_rate(m), r2, sizeof r2);
	sb_addf(out, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%s\t%d\t%d\n", label,
		m->due, m->met, m->not_done, m->missed, m->open, r1,
		m->notes, m->late, m->unknown, r2, m->started, m->closed);
}

static void tsv_figure(strbuf *out, const char *fig, const char *key, int v)
{
	sb_addf(out, "%s\t%s\t%d\n", fig, key, v);
}

static void tsv_figures(const stats *s, strbuf *out)
{
	static const char *const gas_keys[] = { "goals", "ok", "pairs", "prev_ok", "pair_ok", "up", "same", "down" };
	const int gas_vals[] = { s->gas_goals, s->gas_ok, s->gas_pairs, s->gas_prev_ok, s->gas_pair_ok,
				 s->gas_up, s->gas_same, s->gas_down };
	char key[16], r[16], cut[16];
	int t = stats_per_worker_tenths(s);

	sb_adds(out, "\nfigure\tkey\tvalue\n");
	tsv_figure(out, "active", "all", s->active);
	for (int k = 0; k < STATS_KINDS; k++)
		tsv_figure(out, "kind", store_case_kinds[k], s->by_kind[k]);
	for (int l = 0; l < STATS_LEVELS; l++) {
		if (l == STATS_LEVEL_NONE)
			snprintf(key, sizeof key, "none");
		else
			snprintf(key, sizeof key, "%d", l);
		tsv_figure(out, "level", key, s->by_level[l]);
	}
	tsv_figure(out, "caseload", "counted", s->counted);
	sb_addf(out, "caseload\tworkers\t%d.%d\n", s->workers / 10, s->workers % 10);
	sb_addf(out, "caseload\tper_worker\t%d.%d\n", t / 10, t % 10);
	tsv_figure(out, "caseload", "threshold", STATS_CASE_THRESHOLD);
	for (size_t i = 0; i < sizeof gas_keys / sizeof gas_keys[0]; i++) {
		tsv_figure(out, "gas", gas_keys[i], gas_vals[i]);
		if (i == 1) {
			rate_plain(stats_permille(s->gas_ok, s->gas_goals), r, sizeof r);
			sb_addf(out, "gas\trate\t%s\n", r);
		}
	}
	tsv_figure(out, "setting", "record_delay_days", s->delay_days);
	date_format_iso(s->cutoff, cut);
	sb_addf(out, "setting\tcutoff\t%s\n", cut);
}

void stats_report_tsv(const stats_doc *d, strbuf *out)
{
	const stats *s = d->s;
	char label[16];

	sb_adds(out, "month\tmon_due\tmon_met\tmon_not_done\tmon_missed\tmon_open\tmon_rate"
		"\tnotes\tnotes_late\tnotes_unknown\tlate_rate\tstarted\tclosed\n");
	for (int k = 0; k < STATS_MONTHS; k++) {
		int y, m;

		month_to_ym(s->m[k].month, &y, &m);
		snprintf(label, sizeof label, "%04d-%02d", y, m);
		tsv_month(out, label, &s->m[k]);
	}
	tsv_month(out, "total", &s->total);
	tsv_figures(s, out);
	sb_adds(out, "\nunwritten_on\tevent\tclient_id\tclient\tdays\n");
	for (size_t i = 0; i < s->nunwritten; i++) {
		const stats_event *ev = &s->unwritten[i];
		char day[16], *who = stats_event_who(d, ev);

		date_format_iso(ev->on, day);
		/* A tab in a name would break the line: the sanitizer keeps
		 * none, but be sure. */
		for (char *p = who; *p; p++)
			if (*p == '\t')
				*p = ' ';
		sb_addf(out, "%s\t%s\t%lld\t%s\t%d\n", day,
			ev->kind == STATS_EV_MEETING ? "meeting" : "monitoring",
			(long long)ev->client_id, who, (int)(s->cutoff - ev->on));
		free(who);
	}
}
