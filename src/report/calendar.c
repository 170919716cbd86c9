/*
 * calendar.c - the month view's computation and its two printed forms.
 * The grid is Monday first, as Japanese office calendars are, with
 * holidays from holiday.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/calendar.h"
#include "tsunagi/due_report.h"
#include "tsunagi/holiday.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"

enum { CELL_W = 11 };

void cal_month_init(cal_month *c, month_t m)
{
	memset(c, 0, sizeof *c);
	c->month = m;
	c->first = month_first_day(m);
	c->last = month_last_day(m);
	c->ndays = c->last - c->first + 1;
	c->lead = date_weekday(c->first);
	for (int i = 0; i < c->ndays; i++) {
		c->days[i].on = c->first + i;
		c->days[i].weekday = date_weekday(c->first + i);
		c->days[i].holiday = holiday_name(c->first + i);
	}
}

const cal_day *cal_month_day(const cal_month *c, date_t d)
{
	return d >= c->first && d <= c->last ? &c->days[d - c->first] : NULL;
}

void cal_month_count(cal_month *c, const due_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		cal_day *d;

		if (it->on < c->first || it->on > c->last)
			continue;
		d = &c->days[it->on - c->first];
		if (it->state != DUE_DONE)
			d->due++;
		if (it->kind == DUE_MONITORING)
			d->monitorings++;
	}
}

/* Text padded with blanks to w columns (never cut: cells are short). */
static void pad(strbuf *b, const char *s, int w)
{
	int used = text_width(s);

	sb_adds(b, s);
	for (; used < w; used++)
		sb_addc(b, ' ');
}

static void end_line(strbuf *b)
{
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	sb_addc(b, '\n');
}

static void grid(const cal_month *c, strbuf *b)
{
	int cells = c->lead + c->ndays;

	for (int wd = 0; wd < 7; wd++) {
		char h[32];
		snprintf(h, sizeof h, "  %s", due_weekday(c->first + ((wd - c->lead) + 7) % 7));
		pad(b, h, CELL_W);
	}
	end_line(b);
	for (int row = 0; row * 7 < cells; row++) {
		for (int line = 0; line < 2; line++) {
			for (int col = 0; col < 7; col++) {
				int i = row * 7 + col - c->lead;
				char s[32] = "";

				if (i >= 0 && i < c->ndays) {
					const cal_day *d = &c->days[i];
					if (line == 0)
						snprintf(s, sizeof s, " %2d%s", i + 1, d->holiday ? "*" : "");
					else if (d->due)
						snprintf(s, sizeof s, "  (%d)", d->due);
				}
				pad(b, s, CELL_W);
			}
			end_line(b);
		}
	}
}

static void monitoring_list(const cal_month *c, const due_list *l, const due_names *names, strbuf *b)
{
	bool any = false;

	sb_adds(b, _("Monitorings this month:"));
	sb_addc(b, '\n');
	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		const due_name *nm;
		char iso[DATE_ISO_LEN], *who, *what;
		int used = 0;

		if (it->kind != DUE_MONITORING || it->on < c->first || it->on > c->last)
			continue;
		nm = names ? due_names_find(names, it->client_id) : NULL;
		who = text_sanitize(nm ? nm->name : "?", false);
		what = due_item_detail(it);
		date_format_iso(it->on, iso);
		sb_addf(b, "  %s (%s)  ", iso, due_weekday(it->on));
		sb_addn(b, who, text_fit(who, 20, &used));
		for (; used < 20; used++)
			sb_addc(b, ' ');
		sb_adds(b, "  ");
		sb_addn(b, what, text_fit(what, 80 - 21 - 22, NULL));
		end_line(b);
		free(who);
		free(what);
		any = true;
	}
	if (!any) {
		sb_adds(b, "  ");
		sb_adds(b, _("(none)"));
		sb_addc(b, '\n');
	}
}

void cal_month_text(const cal_month *c, const due_list *l, const due_names *names, strbuf *out)
{
	char era[DATE_WAREKI_LEN], *cut;
	int y, m;
	bool any = false;

	month_to_ym(c->month, &y, &m);
	date_format_wareki(c->first, era, sizeof era);
	/* "令和8年11月1日" -> "令和8年11月": the era month without its day. */
	cut = strstr(era, "月");
	if (cut)
		cut[strlen("月")] = '\0';
	sb_addf(out, "%04d-%02d  %s\n\n", y, m, era);
	grid(c, out);
	sb_addc(out, '\n');
	sb_adds(out, _("* holidays:"));
	for (int i = 0; i < c->ndays; i++) {
		if (!c->days[i].holiday)
			continue;
		sb_addf(out, "%s %d %s", any ? "," : "", i + 1, c->days[i].holiday);
		any = true;
	}
	if (!any)
		sb_addf(out, " %s", _("(none)"));
	sb_adds(out, "\n");
	sb_adds(out, _("(n) items due that day"));
	sb_adds(out, "\n\n");
	monitoring_list(c, l, names, out);
}

char *cal_appt_line(const day_appt *a)
{
	char *who = text_sanitize(a->name, false), *place = text_sanitize(a->place, false), *s;

	s = xasprintf("%-5s  %s  %s%s%s", a->at[0] ? a->at : "",
		      a->kind == DAY_APPT_MEETING ? _("meeting") : _("monitoring visit"),
		      who, place[0] ? "  @" : "", place);
	free(who);
	free(place);
	return s;
}

void cal_appts_text(const day_appt *v, size_t n, strbuf *out)
{
	sb_addc(out, '\n');
	sb_adds(out, _("Meetings and visits this month:"));
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		char iso[DATE_ISO_LEN], *line = cal_appt_line(&v[i]);

		date_format_iso(v[i].on, iso);
		sb_addf(out, "  %s (%s) ", iso, due_weekday(v[i].on));
		sb_addn(out, line, text_fit(line, 80 - 18, NULL));
		end_line(out);
		free(line);
	}
	if (n == 0) {
		sb_adds(out, "  ");
		sb_adds(out, _("(none)"));
		sb_addc(out, '\n');
	}
}

void cal_month_tsv(const cal_month *c, strbuf *out)
{
	static const char *const wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	for (int i = 0; i < c->ndays; i++) {
		char iso[DATE_ISO_LEN];
		const cal_day *d = &c->days[i];

		date_format_iso(d->on, iso);
		sb_addf(out, "%s\t%s\t%s\t%d\n", iso, wd[d->weekday], d->holiday ? d->holiday : "", d->due);
	}
}
