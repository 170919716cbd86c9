/*
 * due_report.c - the due list as text and as CSV, and the wording of a
 * due item that every output (and the UI's alarm list) shares.  Stored
 * text only ever reaches the output through text_sanitize.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/csv.h"
#include "tsunagi/due_report.h"
#include "tsunagi/holiday.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"

enum { COLS = 80, BOX_W = 4, MARK_W = 6, WHO_W = 20 };

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

const char *due_weekday(date_t d)
{
	int wd = date_weekday(d);

	return wd >= 0 && wd < 7 ? _(weekdays[wd]) : "";
}

void due_doc_free(due_doc *d)
{
	sb_free(&d->text);
	free(d->spans);
	d->spans = NULL;
	d->nspans = 0;
}

const due_span *due_doc_span_at(const due_doc *d, size_t off)
{
	for (size_t i = 0; i < d->nspans; i++)
		if (off >= d->spans[i].start && off < d->spans[i].end)
			return &d->spans[i];
	return NULL;
}

static void span_add(due_doc *d, size_t start, int64_t client_id)
{
	/* Grows in powers of two: a list can have tens of thousands. */
	if ((d->nspans & (d->nspans - 1)) == 0)
		d->spans = xrealloc(d->spans, (d->nspans ? 2 * d->nspans : 1) * sizeof *d->spans);
	d->spans[d->nspans++] = (due_span){ start, d->text.len, client_id };
}

/* ---- wording ---- */

static const char *cert_label(const char *kind)
{
	if (!kind)
		return _("certificate");
	if (strcmp(kind, "service") == 0)
		return _("recipient certificate");
	if (strcmp(kind, "day_service") == 0)
		return _("day-service certificate");
	if (strcmp(kind, "community") == 0)
		return _("community support certificate");
	if (strcmp(kind, "support_level") == 0)
		return _("support-level decision");
	return _("certificate");
}

static void add_days(strbuf *b, const due_item *it)
{
	if (it->days_left > 0)
		sb_addf(b, ngettext(" (in %d day)", " (in %d days)", it->days_left), it->days_left);
	else if (it->days_left == 0)
		sb_adds(b, _(" (today)"));
	else
		sb_addf(b, ngettext(" (%d day late)", " (%d days late)", -it->days_left), -it->days_left);
}

static char *item_detail(const due_item *it, bool initials, bool days);

char *due_item_detail(const due_item *it)
{
	return due_item_detail_as(it, false);
}

char *due_item_detail_as(const due_item *it, bool initials)
{
	return item_detail(it, initials, true);
}

char *due_item_detail_brief(const due_item *it)
{
	return item_detail(it, false, false);
}

/* The detail; with DAYS the day count is added where the kind has one
 * (a screen showing it in a column of its own leaves it out: say it once). */
static char *item_detail(const due_item *it, bool initials, bool days)
{
	strbuf b;
	int y, m;
	/* Stored text is sanitized; the wording around it is the program's.
	 * With --initials the free text of records (a consent's party and
	 * purpose, an action item, a note's next step, a review's need) can hold any name, so
	 * only the program's wording is left; a monitoring's text is the
	 * not-done reason and a mismatch's the certificate kind, both from
	 * fixed lists, so only their text2 (the worker's own words) goes.
	 * Most items (monitorings) have none: no copies then. */
	bool keep = !initials || it->kind == DUE_CERTIFICATE;
	bool keep1 = keep || it->kind == DUE_MONITORING || it->kind == DUE_MISMATCH;
	char *text = keep1 && it->text && *it->text ? text_sanitize(it->text, false) : NULL;
	char *text2 = keep && it->text2 && *it->text2 ? text_sanitize(it->text2, false) : NULL;

	sb_init(&b);
	month_to_ym(it->month, &y, &m);
	switch (it->kind) {
	case DUE_MONITORING:
		sb_addf(&b, _("monitoring for %04d-%02d"), y, m);
		if (it->state == DUE_DONE)
			sb_adds(&b, _(" (done)"));
		else if (it->state == DUE_NOT_DONE && text2)
			sb_addf(&b, _(" (not done: %s: %s)"), store_enum_label(text ? text : ""), text2);
		else if (it->state == DUE_NOT_DONE)
			sb_addf(&b, _(" (not done: %s)"), store_enum_label(text ? text : ""));
		else if (it->on != it->deadline)
			sb_adds(&b, _(" (visit scheduled)"));
		else if (it->state == DUE_OVERDUE)
			sb_adds(&b, _(" (missed)"));
		break;
	case DUE_CERTIFICATE:
		sb_addf(&b, _("%s ends"), cert_label(it->text));
		if (days)
			add_days(&b, it);
		break;
	case DUE_PLAN:
		if (it->stage == DUE_PLAN_REVIEW && !text)
			sb_adds(&b, _("plan review"));
		else if (it->stage == DUE_PLAN_REVIEW)
			sb_addf(&b, _("review: %s"), text);
		else
			sb_adds(&b, _("plan period ends"));
		if (days)
			add_days(&b, it);
		break;
	case DUE_CONSENT:
		if (!text && !text2)
			sb_adds(&b, _("consent ends"));
		else if (text2)
			sb_addf(&b, _("consent ends: %s (%s)"), text ? text : "", text2);
		else
			sb_addf(&b, _("consent ends: %s"), text);
		if (days)
			add_days(&b, it);
		break;
	case DUE_ACTION:
		if (text)
			sb_addf(&b, _("action: %s"), text);
		else
			sb_adds(&b, _("meeting action item"));
		if (days)
			add_days(&b, it);
		break;
	case DUE_NEXT:
		if (text)
			sb_addf(&b, _("next step: %s"), text);
		else
			sb_adds(&b, _("a note's next step"));
		add_days(&b, it);
		break;
	case DUE_TRANSITION:
		sb_adds(&b, _("turns 18: to adult services"));
		if (days)
			add_days(&b, it);
		break;
	case DUE_BILLING:
		sb_addf(&b, _("billing deadline for %04d-%02d"), y, m);
		if (days)
			add_days(&b, it);
		break;
	case DUE_MISMATCH: {
		char iso[DATE_ISO_LEN];
		int y2, m2;

		date_format_iso(it->deadline, iso);
		if (it->stage == DUE_MISMATCH_RANGE) {
			month_to_ym(date_month(it->deadline), &y2, &m2);
			sb_addf(&b, _("the certificate's monitoring months (%04d-%02d to %04d-%02d) differ from the plan's; check the interval and the period"),
				y, m, y2, m2);
		} else if (it->stage == DUE_MISMATCH_EARLIER) {
			sb_addf(&b, _("%s ends %s, before the plan period"), cert_label(text), iso);
		} else {
			sb_addf(&b, _("%s ends %s, after the plan period"), cert_label(text), iso);
		}
		break;
	}
	default:
		break;
	}
	free(text);
	free(text2);
	return sb_steal(&b);
}

/* due_item_who's text into b, emptied first. */
static void who_into(strbuf *b, const due_report *r, const due_item *it)
{
	const due_name *nm = it->client_id ? due_names_find(r->names, it->client_id) : NULL;
	char *raw;

	b->len = 0;
	sb_addn(b, "", 0);
	if (!nm) {
		sb_adds(b, it->client_id ? "?" : "");
	} else if (!r->initials) {
		text_sanitize_append(b, nm->name, false);
	} else {
		raw = text_initials(nm->kana);
		text_sanitize_append(b, raw, false);
		free(raw);
	}
}

char *due_item_who(const due_report *r, const due_item *it)
{
	strbuf b = { 0 };

	who_into(&b, r, it);
	return sb_steal(&b);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether item_detail words a and b alike: it reads only these. */
static bool worded_alike(const due_item *a, const due_item *b)
{
	return a->kind == b->kind && a->state == b->state && a->month == b->month &&
	       a->stage == b->stage && a->days_left == b->days_left &&
	       a->deadline == b->deadline && (a->on == a->deadline) == (b->on == b->deadline) &&
	       same_text(a->text, b->text) && same_text(a->text2, b->text2);
}

const char *due_words_what(due_words *w, const due_item *it, bool initials)
{
	if (w->what && worded_alike(&w->key, it))
		return w->what;
	free(w->what);
	w->what = due_item_detail_as(it, initials);
	w->key = *it;
	w->what_cols = 0;
	return w->what;
}

const char *due_words_who(due_words *w, const due_report *r, const due_item *it)
{
	if (w->who && w->who_id == it->client_id)
		return w->who;
	/* One buffer for every name: a list names thousands. */
	who_into(&w->who_buf, r, it);
	w->who = w->who_buf.s;
	w->who_id = it->client_id;
	w->who_cols = 0;
	return w->who;
}

void due_words_free(due_words *w)
{
	free(w->what);
	sb_free(&w->who_buf);
	memset(w, 0, sizeof *w);
}

/* ---- text ---- */

/* The first n bytes of s (used columns wide) padded to w columns. */
static void fitted_cell(strbuf *b, const char *s, size_t n, int used, int w)
{
	static const char blanks[] = "                                        ";

	sb_addn(b, s, n);
	while (used < w) {
		int k = w - used < (int)sizeof blanks - 1 ? w - used : (int)sizeof blanks - 1;
		sb_addn(b, blanks, (size_t)k);
		used += k;
	}
}

/* s cut and padded to exactly w columns. */
static void cell(strbuf *b, const char *s, int w)
{
	int used = 0;
	size_t n = text_fit(s, w, &used);

	fitted_cell(b, s, n, used, w);
}

/* How much of s ends a line: cut to w columns, no trailing blanks. */
static size_t last_fit(const char *s, int w)
{
	size_t n = text_fit(s, w, NULL);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

/* The line's detail and name, from w: cut to their columns once per
 * wording and per name (a month's monitorings share one wording). */
static void what_cell(strbuf *b, due_words *w, int cols)
{
	if (w->what_cols != cols) {
		w->what_n = last_fit(w->what, cols);
		w->what_cols = cols;
	}
	sb_addn(b, w->what, w->what_n);
	sb_addc(b, '\n');
}

static void who_cell(strbuf *b, due_words *w, int cols)
{
	if (w->who_cols != cols) {
		w->who_n = text_fit(w->who, cols, &w->who_used);
		w->who_cols = cols;
	}
	fitted_cell(b, w->who, w->who_n, w->who_used, cols);
}

/* The date column: MM-DD, with the year when it is not the sheet's
 * (an overdue item from last year); wide when any line needs the year. */
static date_t ref_day(const due_report *r)
{
	return r->overdue_only ? r->today : r->from;
}

static bool other_year(const due_report *r, date_t d)
{
	int y1, y2, m, dd;

	date_to_ymd(d, &y1, &m, &dd);
	date_to_ymd(ref_day(r), &y2, &m, &dd);
	return y1 != y2;
}

bool due_report_wide_dates(const due_report *r)
{
	for (size_t i = 0; i < r->n && (r->items[i].on < r->from || r->overdue_only); i++)
		if (other_year(r, r->items[i].on))
			return true;
	for (size_t i = 0; i < r->nmons; i++)
		if (r->mons[i].on != r->mons[i].deadline && other_year(r, r->mons[i].on))
			return true;
	return false;
}

void due_report_mark(const due_report *r, const due_item *it, enum due_mark how, char *buf, size_t n)
{
	int y, m, dd;

	buf[0] = '\0';
	if (how == DUE_MARK_DAY) {
		if (it->state == DUE_OVERDUE)
			snprintf(buf, n, "%s", _("late"));
		return;
	}
	/* A monitoring not scheduled is due any day of its month. */
	if (how == DUE_MARK_MONTH && it->on == it->deadline)
		return;
	/* date_format_iso's bytes, MM-DD its tail: by hand, as a list has
	 * thousands of dates (snprintf's for dates it cannot write). */
	if (n >= DATE_ISO_LEN) {
		date_format_iso(it->on, buf);
		if (buf[0] && !other_year(r, it->on))
			memmove(buf, buf + 5, 6);
		if (buf[0])
			return;
	}
	date_to_ymd(it->on, &y, &m, &dd);
	if (other_year(r, it->on))
		snprintf(buf, n, "%04d-%02d-%02d", y, m, dd);
	else
		snprintf(buf, n, "%02d-%02d", m, dd);
}

char *due_report_months_title(const due_report *r)
{
	month_t a = date_month(r->from), z = date_month(r->to);
	strbuf b;
	int y, m;

	sb_init(&b);
	for (month_t k = a; k <= z; k++) {
		month_to_ym(k, &y, &m);
		sb_addf(&b, "%s%04d-%02d", k > a ? ", " : "", y, m);
	}
	{
		char *months = sb_steal(&b);
		char *t = xasprintf(_("Monitorings not yet done, %s (%zu)"), months, r->nmons);
		free(months);
		sb_free(&b);
		return t;
	}
}

/* mark_w: the date column, MARK_W or 11 with years (once per report). */
static void item_line(const due_report *r, due_doc *d, due_words *w, const due_item *it,
		      enum due_mark how, int mark_w)
{
	strbuf *b = &d->text;
	size_t start = b->len;
	char mark[16];

	due_words_who(w, r, it);
	due_words_what(w, it, r->initials);
	due_report_mark(r, it, how, mark, sizeof mark);
	sb_adds(b, "[ ] ");
	cell(b, mark, mark_w);
	if (it->kind == DUE_BILLING) {
		/* The office's own item: its text takes the name column too. */
		what_cell(b, w, COLS - BOX_W - mark_w);
	} else {
		who_cell(b, w, WHO_W);
		sb_addc(b, ' ');
		what_cell(b, w, COLS - BOX_W - mark_w - WHO_W - 1);
	}
	span_add(d, start, it->client_id);
}

static void day_heading(strbuf *b, date_t day)
{
	char iso[DATE_ISO_LEN], era[DATE_WAREKI_LEN];
	const char *hol = holiday_name(day);

	date_format_iso(day, iso);
	date_format_wareki(day, era, sizeof era);
	sb_addf(b, "%s (%s)  %s", iso, due_weekday(day), era);
	if (hol)
		sb_addf(b, "  %s", hol);
	sb_addc(b, '\n');
}

static void header(const due_report *r, strbuf *b)
{
	char a[DATE_ISO_LEN], z[DATE_ISO_LEN], era[DATE_WAREKI_LEN];
	char *worker = text_sanitize(r->worker ? r->worker : "", false);
	int used = 0;

	date_format_iso(r->from, a);
	date_format_iso(r->to, z);
	if (r->overdue_only) {
		date_format_iso(r->today, a);
		sb_addf(b, _("Overdue items as of %s"), a);
	} else {
		sb_addf(b, _("Due list %s (%s) - %s (%s)"), a, due_weekday(r->from), z, due_weekday(r->to));
	}
	sb_addc(b, '\n');
	date_format_iso(r->today, a);
	date_format_wareki(r->today, era, sizeof era);
	sb_adds(b, _("Worker: "));
	sb_addn(b, worker, text_fit(worker, 30, &used));
	sb_adds(b, "    ");
	sb_addf(b, _("Printed: %s (%s)"), a, era);
	sb_addc(b, '\n');
	if (!r->overdue_only) {
		date_format_iso(r->from, a);
		sb_addf(b, _("Days are counted from %s (%s), the sheet's first day."), a, due_weekday(r->from));
		sb_addc(b, '\n');
	}
	for (int i = 0; i < COLS; i++)
		sb_addc(b, '=');
	sb_addc(b, '\n');
	free(worker);
}

void due_report_text(const due_report *r, due_doc *out)
{
	strbuf *b = &out->text;
	size_t i = 0, noverdue = 0;
	bool show_empty = r->to - r->from < 14;
	int mark_w = due_report_wide_dates(r) ? 11 : MARK_W;
	due_words w = { 0 };

	memset(out, 0, sizeof *out);
	sb_init(b);
	header(r, b);

	for (size_t k = 0; k < r->n; k++)
		if (r->items[k].on < r->from || r->overdue_only)
			noverdue++;
	if (noverdue) {
		sb_addf(b, _("Overdue (%zu)"), noverdue);
		sb_addc(b, '\n');
		for (; i < r->n && (r->items[i].on < r->from || r->overdue_only); i++)
			item_line(r, out, &w, &r->items[i], DUE_MARK_DATE, mark_w);
		sb_addc(b, '\n');
	}
	if (r->nmons) {
		char *t = due_report_months_title(r);

		sb_adds(b, t);
		sb_addc(b, '\n');
		free(t);
		for (size_t k = 0; k < r->nmons; k++)
			item_line(r, out, &w, &r->mons[k], DUE_MARK_MONTH, mark_w);
		sb_addc(b, '\n');
	}
	if (!r->overdue_only) {
		for (date_t day = r->from; day <= r->to; day++) {
			bool any = i < r->n && r->items[i].on == day;

			if (!any && !show_empty)
				continue;
			day_heading(b, day);
			if (!any) {
				sb_adds(b, "    ");
				sb_adds(b, _("(nothing due)"));
				sb_addc(b, '\n');
			}
			for (; i < r->n && r->items[i].on == day; i++)
				item_line(r, out, &w, &r->items[i], DUE_MARK_DAY, mark_w);
			sb_addc(b, '\n');
		}
	}
	for (int k = 0; k < COLS; k++)
		sb_addc(b, '-');
	sb_addc(b, '\n');
	sb_addf(b, ngettext("%zu item", "%zu items", r->n + r->nmons), r->n + r->nmons);
	sb_addc(b, '\n');
	due_words_free(&w);
}

/* ---- CSV ---- */

static void csv_item(const due_report *r, due_doc *out, csv_writer *w, due_words *words,
		     const due_item *it, const char *section)
{
	char iso[DATE_ISO_LEN];
	size_t start = out->text.len;
	const char *who = due_words_who(words, r, it), *what = due_words_what(words, it, r->initials);

	date_format_iso(it->on, iso);
	csv_field(w, iso);
	csv_field(w, due_state_name(it->state));
	csv_field(w, due_kind_name(it->kind));
	csv_field_int(w, it->client_id);
	csv_field(w, who);
	csv_field(w, what);
	csv_field(w, section);
	csv_end_row(w);
	span_add(out, start, it->client_id);
}

void due_report_csv(const due_report *r, due_doc *out)
{
	static const char *const cols[] = {
		"due_on", "state", "kind", "client_id", "client_name", "detail", "section",
	};
	csv_writer w;
	due_words words = { 0 };
	size_t i = 0;

	memset(out, 0, sizeof *out);
	sb_init(&out->text);
	csv_init(&w, &out->text);
	for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++)
		csv_field(&w, cols[k]);
	csv_end_row(&w);
	for (; i < r->n && (r->items[i].on < r->from || r->overdue_only); i++)
		csv_item(r, out, &w, &words, &r->items[i], "overdue");
	for (size_t k = 0; k < r->nmons; k++)
		csv_item(r, out, &w, &words, &r->mons[k], "monitoring");
	for (; i < r->n; i++)
		csv_item(r, out, &w, &words, &r->items[i], "day");
	due_words_free(&words);
}
