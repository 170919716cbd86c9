/*
 * screen_calendar.c - the month calendar: a Monday-first grid with
 * weekends and holidays marked, the number of monitorings and of other
 * due items on each day (from the due engine, never its own rules), and
 * the list of the day under the cursor: its meetings and scheduled visits
 * at their times first, then its due items.  A monitoring can be scheduled
 * or moved here (s on it, move to the day, s again); Enter opens the
 * client's card at the record.
 *
 * Speed: a month of a large office holds thousands of items, so the grid
 * reads only their number per day from the due cache's day index (after
 * due_cache_refresh has brought it up to date), and the items of the day
 * under the cursor a screenful at a time (ui_due.h): the last day of a
 * month holds every monitoring not yet scheduled.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/calendar.h"
#include "tsunagi/due.h"
#include "tsunagi/due_report.h"
#include "tsunagi/due_items.h"
#include "tsunagi/due_source.h"
#include "tsunagi/holiday.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_day.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/ui_due.h"
#include "tsunagi/xalloc.h"

typedef struct cal_state {
	ui_app *app;
	date_t cur;
	month_t month;
	cal_month cal;
	int other[31];          /* per day: due items that are not monitorings */
	ui_due_source day;      /* the cursor day's items */
	day_appt *appts;        /* the cursor day's meetings and visits */
	size_t nappts;
	ui_list list;
	bool list_focus;
	/* Scheduling: the monitoring being moved, or client 0. */
	int64_t move_client, move_id;
	char *move_label;
} cal_state;

/* ---- data ---- */

static void draw_item(void *ctx, ui_win *w, int y, int x, int width, const ui_due_row *row, bool sel);

static int grid_rows(void)
{
	return 1 + 6 * 2;       /* weekday heading, then two lines a week */
}

static int day_lines(ui_app *app)
{
	int h = app->body_h - 1 - grid_rows() - 2;
	return h > 1 ? h : 1;
}

/* The day's meetings and visits take the first lines, at most half of
 * them (the rest says how many more there are). */
static int appt_lines(const cal_state *c)
{
	int max = day_lines(c->app) / 2;
	return (int)c->nappts < max ? (int)c->nappts : max;
}

static int list_height(const cal_state *c)
{
	int h = day_lines(c->app) - appt_lines(c);
	return h > 1 ? h : 1;
}

static void load_day(cal_state *c)
{
	due_query q = { c->app->today, c->cur, c->cur, true, 0 };
	tsu_err e;

	day_appts_free(c->appts, c->nappts);
	if (store_day_appts(c->app->db, c->cur, c->cur, &c->appts, &c->nappts, &e) != TSU_OK)
		ui_error(c->app, "%s", e.msg);
	if (ui_due_source_open(&c->day, &q, false, NULL, NULL, 1, &e) != TSU_OK)
		ui_error(c->app, "%s", e.msg);
	ui_list_reload(&c->list, list_height(c));
}

static size_t day_count(const cal_state *c)
{
	return ui_due_source_count(&c->day, -1);
}

/* One day's count from the due cache's day index. */
static int count_day(void *ctx, const due_day_row *r, tsu_err *e)
{
	cal_state *c = ctx;
	bool open = r->open != 0;
	int n = (int)r->n;

	if (r->on < c->cal.first || r->on > c->cal.last)
		return TSU_OK;
	if (r->kind == DUE_MONITORING) {
		c->cal.days[r->on - c->cal.first].monitorings += n;
		if (open)
			c->cal.days[r->on - c->cal.first].due += n;
	} else if (open) {
		c->cal.days[r->on - c->cal.first].due += n;
		c->other[r->on - c->cal.first] += n;
	}
	return TSU_OK;
}

/* The month's numbers per day: from the due cache's day index, billing
 * from the engine (it is not cached); the items themselves only when the
 * cache cannot be used. */
static void count_month(cal_state *c)
{
	due_query bq = { c->app->today, c->cal.first, c->cal.last, true, 1u << DUE_BILLING };
	due_input none = { 0 };
	due_list b = { 0 };
	tsu_err e;

	memset(c->other, 0, sizeof c->other);
	if (due_cache_refresh(c->app->db, &e) < 0) {
		due_query q = { c->app->today, c->cal.first, c->cal.last, true, 0 };
		due_result r;
		if (due_items_get(c->app->db, &q, &r, &e) != TSU_OK) {
			ui_error(c->app, "%s", e.msg);
			return;
		}
		cal_month_count(&c->cal, &r.list);
		for (size_t i = 0; i < r.list.n; i++)
			if (r.list.items[i].kind != DUE_MONITORING && r.list.items[i].state != DUE_DONE)
				c->other[r.list.items[i].on - c->cal.first]++;
		due_result_free(&r);
		return;
	}
	/* The per-day counts the due cache keeps. */
	if (store_due_days_each(c->app->db, c->cal.first, c->cal.last, count_day, c, &e) != TSU_OK)
		ui_error(c->app, "%s", e.msg);
	due_compute(&none, &bq, &b);
	cal_month_count(&c->cal, &b);
	for (size_t i = 0; i < b.n; i++)
		if (b.items[i].state != DUE_DONE)
			c->other[b.items[i].on - c->cal.first]++;
	due_list_free(&b);
}

static void load_month(cal_state *c)
{
	c->month = date_month(c->cur);
	cal_month_init(&c->cal, c->month);
	count_month(c);
	load_day(c);
}

/* ---- drawing ---- */

/* A holiday's name in its cell.  One that does not fit loses "の日"
 * ("成人の日" -> "成人": the cell is already marked as a holiday) rather
 * than being cut to "成人の"; a name still too long ends with "…". */
static void put_holiday(int y, int x, int cols, const char *name)
{
	static const char tail[] = "の日";
	size_t n = name ? strlen(name) : 0, tn = sizeof tail - 1;
	char *stem;

	if (!n || text_width(name) <= cols || n <= tn || strcmp(name + n - tn, tail) != 0) {
		ui_put_cut(stdscr, y, x, cols, name ? name : "", true);
		return;
	}
	stem = xasprintf("%.*s", (int)(n - tn), name);
	ui_put_cut(stdscr, y, x, cols, stem, true);
	free(stem);
}

static int cell_w(ui_app *app)
{
	return app->cols / 7;
}

static void draw_cell(ui_app *app, cal_state *c, int y, int x, int w, date_t d)
{
	const cal_day *day = cal_month_day(&c->cal, d);
	char l1[64], l2[64];
	int attr = (int)A_NORMAL;
	bool cur = d == c->cur;

	if (!day) {
		ui_put_raw(stdscr, y, x, w, "", true);
		ui_put_raw(stdscr, y + 1, x, w, "", true);
		return;
	}
	{
		int dd, mm, yy;
		date_to_ymd(d, &yy, &mm, &dd);
		snprintf(l1, sizeof l1, "%2d%s%s", dd, day->holiday ? "*" : " ",
			 d == app->today ? "<" : " ");
	}
	if (day->holiday || day->weekday == WD_SUN)
		attr = ui_color(app, UI_C_OVERDUE);
	else if (day->weekday == WD_SAT)
		attr = ui_color(app, UI_C_UPCOMING) | (int)A_BOLD;
	if (cur)
		attr |= (int)A_REVERSE;
	wattron(stdscr, attr);
	ui_put_raw(stdscr, y, x, 4, l1, true);
	wattroff(stdscr, attr);
	put_holiday(y, x + 4, w - 4, day->holiday);
	l2[0] = '\0';
	{
		int other = c->other[d - c->cal.first];
		if (day->monitorings && other > 0)
			snprintf(l2, sizeof l2, " M%d +%d", day->monitorings, other);
		else if (day->monitorings)
			snprintf(l2, sizeof l2, " M%d", day->monitorings);
		else if (other > 0)
			snprintf(l2, sizeof l2, " +%d", other);
	}
	if (cur)
		wattron(stdscr, A_BOLD);
	ui_put_raw(stdscr, y + 1, x, w, l2, true);
	if (cur)
		wattroff(stdscr, A_BOLD);
}

static void draw_grid(ui_app *app, cal_state *c)
{
	int w = cell_w(app), y0 = app->body_y + 1;
	int y, m;

	for (int wd = 0; wd < 7; wd++) {
		char h[16];
		int attr = wd == WD_SUN ? ui_color(app, UI_C_OVERDUE)
			: wd == WD_SAT ? ui_color(app, UI_C_UPCOMING) | (int)A_BOLD : (int)A_NORMAL;
		snprintf(h, sizeof h, " %s", due_weekday(month_first_day(c->month) +
			 ((wd - c->cal.lead) % 7 + 7) % 7));
		wattron(stdscr, attr | A_UNDERLINE);
		ui_put_raw(stdscr, y0, wd * w, w, h, true);
		wattroff(stdscr, attr | A_UNDERLINE);
	}
	ui_put_raw(stdscr, y0, 7 * w, app->cols - 7 * w, "", true);
	for (int row = 0; row < 6; row++)
		for (int col = 0; col < 7; col++) {
			date_t d = c->cal.first - c->cal.lead + row * 7 + col;
			draw_cell(app, c, y0 + 1 + row * 2, col * w, w, d);
		}
	month_to_ym(c->month, &y, &m);
}

static void draw_head(ui_app *app, cal_state *c)
{
	char line[512], era[DATE_WAREKI_LEN], iso[DATE_ISO_LEN];
	int y, m;

	month_to_ym(c->month, &y, &m);
	date_format_wareki(c->cur, era, sizeof era);
	date_format_iso(c->cur, iso);
	if (c->move_client)
		snprintf(line, sizeof line, _("%04d-%02d  %s  scheduling %s: move to the day, s (Esc stops)"),
			 y, m, iso, c->move_label);
	else
		snprintf(line, sizeof line, _("%04d-%02d   %s (%s %s)"),
			 y, m, iso, era, due_weekday(c->cur));
	wattron(stdscr, A_BOLD);
	ui_put(stdscr, app->body_y, 0, app->cols, line, true);
	wattroff(stdscr, A_BOLD);
}

static void draw_item(void *ctx, ui_win *w, int y, int x, int width, const ui_due_row *row, bool sel)
{
	cal_state *c = ctx;
	const due_item *it = &row->it;
	const char *name = row->name;
	char *detail = due_item_detail(it);
	/* A met item's mark is a word (済 in Japanese), the others signs. */
	const char *mark = it->state == DUE_DONE ? _("ok") : it->state == DUE_OVERDUE ? "!!"
		: it->state == DUE_DUE ? "! " : " .";
	int nw = width / 3 > 24 ? 24 : width / 3;
	bool hl = sel && c->list_focus;

	if (hl)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (hl)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 4, mark, true);
	ui_put_cut(w, y, x + 5, nw, name ? name : _("(office)"), true);
	ui_put_cut(w, y, x + 5 + nw, width - 5 - nw, detail, true);
	free(detail);
	if (sel)
		wmove(w, y, x);
}

static void draw(ui_app *app, ui_screen *s)
{
	cal_state *c = s->st;
	int ly = app->body_y + 1 + grid_rows();

	draw_head(app, c);
	draw_grid(app, c);
	{
		char line[256];
		snprintf(line, sizeof line, _("%zu item(s) on this day    M: monitorings  +: other items  *: holiday"),
			 day_count(c));
		wattron(stdscr, A_UNDERLINE);
		ui_put_raw(stdscr, ly, 0, app->cols, line, true);
		wattroff(stdscr, A_UNDERLINE);
	}
	for (int i = 0; i < appt_lines(c); i++) {
		bool last = i == appt_lines(c) - 1 && (size_t)appt_lines(c) < c->nappts;
		char *t = last ? xasprintf(_("... and %zu more meetings and visits (tsunagi calendar lists them)"),
					   c->nappts - (size_t)i)
			       : cal_appt_line(&c->appts[i]);
		ui_put_raw(stdscr, ly + 1 + i, 0, 3, " @", true);
		ui_put(stdscr, ly + 1 + i, 3, app->cols - 3, t, true);
		free(t);
	}
	ly += appt_lines(c);
	c->list.dirty |= UI_LIST_ALL;
	ui_list_draw(&c->list, stdscr, ly + 1, 0, app->cols);
	for (int y = ly + 1 + (int)c->list.nrows; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	if (day_count(c) == 0)
		ui_put_raw(stdscr, ly + 1, 2, app->cols - 2, _("Nothing due on this day."), true);
}

/* ---- keys ---- */

static const ui_context grid_ctx[] = { UK_CALENDAR, UK_LIST, UK_GLOBAL };
static const ui_context list_ctx[] = { UK_LIST, UK_CALENDAR, UK_GLOBAL };

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	cal_state *c = s->st;
	*ctx = c->list_focus ? list_ctx : grid_ctx;
	*n = 3;
}

static int64_t scheduled_monitoring(ui_app *app, const due_item *it)
{
	/* The visit the item sits on, if it sits on one. */
	if (it->on == it->deadline && it->done_id == 0)
		return 0;
	if (it->done_id)
		return it->done_id;
	return store_scheduled_monitoring(app->db, it->client_id, it->on);
}

static void start_move(ui_app *app, cal_state *c)
{
	const ui_due_row *r = ui_list_selected(&c->list);
	const due_item *it = r ? &r->it : NULL;
	if (!it || it->kind != DUE_MONITORING || !it->client_id) {
		ui_message(app, "%s", _("Select a monitoring in the day's list first (Tab moves there)."));
		return;
	}
	if (it->state == DUE_DONE) {
		ui_message(app, "%s", _("This monitoring is done; there is nothing to schedule."));
		return;
	}
	c->move_client = it->client_id;
	c->move_id = scheduled_monitoring(app, it);
	free(c->move_label);
	c->move_label = text_sanitize(r->name ? r->name : "?", false);
	c->list_focus = false;
}

static void finish_move(ui_app *app, cal_state *c)
{
	tsu_err e;
	int64_t id = 0;
	char iso[DATE_ISO_LEN];

	if (store_monitoring_schedule(app->db, c->move_client, c->move_id, c->cur, &id, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
	} else {
		date_format_iso(c->cur, iso);
		ui_message(app, _("Monitoring of %s scheduled on %s."), c->move_label, iso);
	}
	c->move_client = c->move_id = 0;
	x_free(&c->move_label);
	load_month(c);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	cal_state *c = s->st;

	if (c->list_focus && ui_list_action(&c->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_DAY_PREV: case UA_DAY_NEXT: case UA_WEEK_PREV: case UA_WEEK_NEXT:
	case UA_MONTH_PREV: case UA_MONTH_NEXT: case UA_TODAY: {
		date_t to = ui_cal_step(c->cur, a, app->today);
		bool month_changes = date_month(to) != c->month;
		c->cur = to;
		if (month_changes)
			load_month(c);
		else
			load_day(c);
		s->dirty |= UI_D_BODY;
		return true;
	}
	case UA_FOCUS:
		c->list_focus = !c->list_focus && day_count(c) > 0;
		s->dirty |= UI_D_BODY;
		return true;
	case UA_SCHEDULE:
		if (c->move_client)
			finish_move(app, c);
		else
			start_move(app, c);
		s->dirty |= UI_D_BODY;
		return true;
	case UA_OPEN:
		if (c->move_client) {
			finish_move(app, c);
			s->dirty |= UI_D_BODY;
		} else {
			ui_due_open(app, ui_list_selected(&c->list));
		}
		return true;
	case UA_BACK:
		if (c->move_client) {
			c->move_client = c->move_id = 0;
			x_free(&c->move_label);
			ui_message(app, "%s", _("Not scheduled."));
			s->dirty |= UI_D_BODY;
			return true;
		}
		return false;
	case UA_CALENDAR:
		return true;
	default:
		return false;
	}
}

static void resize(ui_app *app, ui_screen *s)
{
	cal_state *c = s->st;
	ui_list_resize(&c->list, list_height(c));
	s->dirty |= UI_D_BODY;
}

static void resume(ui_app *app, ui_screen *s)
{
	cal_state *c = s->st;
	load_month(c);
	s->dirty |= UI_D_BODY;
}

static void close_cal(ui_app *app, ui_screen *s)
{
	cal_state *c = s->st;
	ui_list_free(&c->list);
	ui_due_source_close(&c->day);
	day_appts_free(c->appts, c->nappts);
	free(c->move_label);
	free(c);
}

static const ui_screen_ops cal_ops = {
	.name = N_("Calendar"),
	.contexts = contexts,
	UI_HINTS({ UA_HELP, N_("help") }, { UA_MONTH_NEXT, N_("month") },
		 { UA_FOCUS, N_("day list") }, { UA_OPEN, N_("open") },
		 { UA_SCHEDULE, N_("schedule") }, { UA_BACK, N_("back") }),
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_cal,
};

ui_screen ui_calendar_screen(ui_app *app)
{
	cal_state *c = xcalloc(1, sizeof *c);
	ui_screen s = { &cal_ops, c, UI_D_BODY };

	ui_list_source ls;

	c->app = app;
	c->cur = app->today;
	c->day.app = app;
	c->day.draw_row = draw_item;
	c->day.draw_ctx = c;
	ui_due_source_make(&c->day, &ls);
	ui_list_init(&c->list, &ls);
	load_month(c);
	return s;
}
