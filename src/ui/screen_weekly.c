/*
 * screen_weekly.c - the plan's weekly schedule (週間計画表): a grid of
 * 月 火 水 木 金 土 and 日・祝 as one column against the hours of the
 * day, each cell the activity or service in it; o turns to the services
 * that are not weekly (週単位以外のサービス), and E edits the plan's
 * main daily activities and overall picture.  A slot is typed as day,
 * start, end (HH:MM) and activity.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/db.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

enum { TIME_W = 6, NHOURS = UI_WEEK_LAST_HOUR - UI_WEEK_FIRST_HOUR + 1 };

typedef struct weekly_state {
	ui_rows nw;             /* first: the plan and its non-weekly services */
	weekly_slot *slots;
	size_t nslots;
	int day, hour;          /* the cursor */
	int top;                /* first hour shown */
	bool other;             /* showing the non-weekly services */
	int64_t editing;        /* the slot in the prompt (0: a new one) */
	int64_t pending_delete;
} weekly_state;

static const char *const day_values[] = { "0", "1", "2", "3", "4", "5", "6", NULL };

static const char *day_label(int d)
{
	static const char *const ja[7] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun/hol"),
	};
	return _(ja[d]);
}

static void load_slots(ui_app *app, weekly_state *w)
{
	void *v = NULL;
	tsu_err e;

	if (w->slots)
		record_free_list(&rt_weekly_slot, w->slots, w->nslots);
	w->slots = NULL;
	w->nslots = 0;
	if (store_record_list(app->db, &rt_weekly_slot, w->nw.id, &v, &w->nslots, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		w->nslots = 0;
		return;
	}
	w->slots = v;
}

static const weekly_slot *slot_at(const weekly_state *w, int day, int hour)
{
	for (size_t i = 0; i < w->nslots; i++)
		if (w->slots[i].weekday == day &&
		    ui_week_covers(w->slots[i].start_min, w->slots[i].end_min, hour))
			return &w->slots[i];
	return NULL;
}

static int grid_rows(ui_app *app)
{
	int h = app->body_h - 2;
	return h < NHOURS ? h : NHOURS;
}

/* ---- drawing ---- */

static void draw_nw_row(ui_rows *r, ui_win *win, int y, int x, int width, const void *row, bool sel)
{
	const non_weekly *n = row;
	int sw = width / 3;

	ui_put(win, y, x, sw - 1, n->service, true);
	ui_put(win, y, x + sw, width - sw, n->detail, true);
}

static void draw_grid(ui_app *app, weekly_state *w)
{
	int cw = (app->cols - TIME_W) / 7, y0 = app->body_y + 1, rows = grid_rows(app);
	char t[16];

	ui_put_raw(stdscr, y0, 0, TIME_W, "", true);
	for (int d = 0; d < 7; d++) {
		wattron(stdscr, A_UNDERLINE | (d == w->day ? A_BOLD : 0));
		ui_put_raw(stdscr, y0, TIME_W + d * cw, cw, day_label(d), true);
		wattroff(stdscr, A_UNDERLINE | A_BOLD);
	}
	for (int r = 0; r < rows; r++) {
		int hour = w->top + r, y = y0 + 1 + r;
		snprintf(t, sizeof t, "%02d:00 ", hour);
		ui_put_raw(stdscr, y, 0, TIME_W, t, true);
		for (int d = 0; d < 7; d++) {
			const weekly_slot *s = slot_at(w, d, hour);
			bool cur = d == w->day && hour == w->hour;
			char *cell;
			if (!s)
				cell = xstrdup(cur ? "[ ]" : " .");
			else if (s->start_min >= hour * 60 || hour == w->top)
				cell = xasprintf(" %s", s->activity);
			else
				cell = xstrdup(" |");
			if (cur)
				wattron(stdscr, A_REVERSE);
			ui_put(stdscr, y, TIME_W + d * cw, cw, cell, true);
			if (cur)
				wattroff(stdscr, A_REVERSE);
			free(cell);
		}
	}
	for (int y = y0 + 1 + rows; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	/* What the cursor is on, in full. */
	{
		const weekly_slot *s = slot_at(w, w->day, w->hour);
		char a[TIME_LEN], b[TIME_LEN], line[512];
		if (s) {
			time_format(s->start_min, a);
			time_format(s->end_min, b);
			snprintf(line, sizeof line, "%s %s-%s ", day_label(s->weekday), a, b);
			{
				int x = ui_put_raw(stdscr, app->body_y, 0, app->cols, line, true);
				x = text_width(line);
				ui_put(stdscr, app->body_y, x, app->cols - x, s->activity, true);
			}
		}
	}
}

static void draw(ui_app *app, ui_screen *s)
{
	weekly_state *w = s->st;
	char *title;

	if (w->other) {
		title = xasprintf(_("Weekly schedule of %s: services that are not weekly (o: the grid)"),
				  w->nw.client_name);
		ui_rows_draw(&w->nw, title);
		free(title);
		return;
	}
	title = xasprintf(_("Weekly schedule of %s (Enter: the slot at the cursor)"), w->nw.client_name);
	wattron(stdscr, A_BOLD);
	ui_put(stdscr, app->body_y, 0, app->cols, title, true);
	wattroff(stdscr, A_BOLD);
	free(title);
	draw_grid(app, w);
	{
		int cw = (app->cols - TIME_W) / 7;
		wmove(stdscr, app->body_y + 2 + (w->hour - w->top), TIME_W + w->day * cw);
	}
}

/* ---- slots ---- */

/* The slot as typed; with "also on" days, the same slot on each of them
 * too, all saved in one transaction (月・水・金 10:00-15:00 is one form). */
static bool answer_slot(ui_app *app, void *arg, ui_form *f)
{
	ui_screen *s = arg;
	weekly_state *w = s->st;
	char *day = ui_field_get(&f->fields[0]);
	char *from = ui_field_get(&f->fields[1]);
	char *to = ui_field_get(&f->fields[2]);
	char *what = ui_field_get(&f->fields[3]);
	char *also = ui_field_get(&f->fields[4]);
	bool days[7];
	int a = -1, b = -1;
	weekly_slot sl;
	tsu_err e;
	int rc = TSU_OK;

	record_init(&rt_weekly_slot, &sl);
	if (w->editing)
		rc = store_record_get(app->db, &rt_weekly_slot, w->editing, &sl, &e);
	if (rc == TSU_OK)
		rc = time_parse(from, &a, &e);
	if (rc == TSU_OK)
		rc = time_parse(to, &b, &e);
	if (rc == TSU_OK && a >= b) {
		err_set(&e, TSU_EINVAL, _("start and end: times such as 9:00 and 12:30, the end after the start"));
		rc = TSU_EINVAL;
	}
	if (rc == TSU_OK && ui_week_parse_days(also, days) < 0)
		rc = err_set(&e, TSU_EINVAL, _("also on: '%s' is not a list of days; write them like 水金 or 月〜金"), also);
	if (rc == TSU_OK)
		rc = db_begin(app->db, &e);
	if (rc == TSU_OK) {
		sl.plan_id = w->nw.id;
		sl.weekday = atoi(day);
		sl.start_min = a;
		sl.end_min = b;
		free(sl.activity);
		sl.activity = xstrdup(what);
		rc = w->editing ? store_record_update(app->db, &rt_weekly_slot, &sl, &e)
				: store_record_add(app->db, &rt_weekly_slot, &sl, &e);
		for (int d = 0; d < 7 && rc == TSU_OK; d++) {
			if (!days[d] || d == atoi(day))
				continue;
			sl.id = 0;
			sl.weekday = d;
			rc = store_record_add(app->db, &rt_weekly_slot, &sl, &e);
		}
		if (rc == TSU_OK)
			rc = db_commit(app->db, &e);
		else
			db_rollback(app->db);
	}
	record_free(&rt_weekly_slot, &sl);
	free(day);
	free(from);
	free(to);
	free(what);
	free(also);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	load_slots(app, w);
	s->dirty |= UI_D_BODY;
	ui_message(app, "%s", _("Saved."));
	return true;
}

static void edit_slot(ui_app *app, ui_screen *s, bool force_new)
{
	weekly_state *w = s->st;
	const weekly_slot *sl = force_new ? NULL : slot_at(w, w->day, w->hour);
	char day[4], a[TIME_LEN], b[TIME_LEN];
	const char *labels[8];
	ui_prompt_field f[5];

	for (int d = 0; d < 7; d++)
		labels[d] = day_label(d);
	labels[7] = NULL;
	snprintf(day, sizeof day, "%d", sl ? sl->weekday : w->day);
	time_format(sl ? sl->start_min : w->hour * 60, a);
	time_format(sl ? sl->end_min : w->hour * 60 + 60, b);
	w->editing = sl ? sl->id : 0;
	f[0] = (ui_prompt_field){ "weekday", _("day"), UI_F_CHOICE, 0, day, day_values, labels };
	f[1] = (ui_prompt_field){ "start", _("start (HH:MM)"), UI_F_TEXT, 12, a, NULL, NULL };
	f[2] = (ui_prompt_field){ "end", _("end (HH:MM)"), UI_F_TEXT, 12, b, NULL, NULL };
	f[3] = (ui_prompt_field){ "activity", _("activity or service"), UI_F_TEXT, STORE_SHORT_MAX,
				  sl ? sl->activity : "", NULL, NULL };
	f[4] = (ui_prompt_field){ "also", _("also on (e.g. 水金)"), UI_F_TEXT, 20, "", NULL, NULL };
	ui_push(app, ui_prompt_screen(app, sl ? _("A slot of the weekly schedule") : _("A new slot"),
				      _("Times: 9:00, 0930 or 13; Sunday and holidays share one column."),
				      f, 5, answer_slot, s));
}

static void confirm_delete_slot(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	weekly_state *w = s->st;
	tsu_err e;

	if (!yes || !w->pending_delete)
		return;
	if (store_record_delete(app->db, &rt_weekly_slot, w->pending_delete, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	w->pending_delete = 0;
	load_slots(app, w);
	s->dirty |= UI_D_BODY;
}

/* ---- ops ---- */

static const ui_context grid_ctx[] = { UK_WEEKLY, UK_RECORD, UK_LIST, UK_GLOBAL };
static const ui_context other_ctx[] = { UK_RECORD, UK_LIST, UK_WEEKLY, UK_GLOBAL };

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	weekly_state *w = s->st;
	*ctx = w->other ? other_ctx : grid_ctx;
	*n = 4;
}

static void clamp_view(ui_app *app, weekly_state *w)
{
	int rows = grid_rows(app);

	if (w->hour < UI_WEEK_FIRST_HOUR)
		w->hour = UI_WEEK_FIRST_HOUR;
	if (w->hour > UI_WEEK_LAST_HOUR)
		w->hour = UI_WEEK_LAST_HOUR;
	if (w->hour < w->top)
		w->top = w->hour;
	if (w->hour >= w->top + rows)
		w->top = w->hour - rows + 1;
	if (w->top > UI_WEEK_LAST_HOUR - rows + 1)
		w->top = UI_WEEK_LAST_HOUR - rows + 1;
	if (w->top < UI_WEEK_FIRST_HOUR)
		w->top = UI_WEEK_FIRST_HOUR;
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	weekly_state *w = s->st;

	s->dirty |= UI_D_BODY;
	if (a == UA_NON_WEEKLY) {
		w->other = !w->other;
		s->dirty |= UI_D_CLEAR;
		return true;
	}
	if (a == UA_PRINT || a == UA_SEND) {
		(a == UA_PRINT ? ui_print : ui_send)(app, "weekly", w->nw.client_id, w->nw.id);
		return true;
	}
	if (w->other)
		return ui_rows_key(&w->nw, s, a);
	switch (a) {
	case UA_CELL_LEFT: w->day = (w->day + 6) % 7; return true;
	case UA_CELL_RIGHT: w->day = (w->day + 1) % 7; return true;
	case UA_CELL_UP: w->hour--; clamp_view(app, w); return true;
	case UA_CELL_DOWN: w->hour++; clamp_view(app, w); return true;
	case UA_OPEN:
	case UA_ROW_EDIT:
		edit_slot(app, s, false);
		return true;
	case UA_ROW_ADD:
		edit_slot(app, s, true);
		return true;
	case UA_ROW_DELETE: {
		const weekly_slot *sl = slot_at(w, w->day, w->hour);
		if (!sl) {
			ui_message(app, "%s", _("Nothing to delete here."));
			return true;
		}
		w->pending_delete = sl->id;
		ui_confirm(app, _("Delete this slot of the weekly schedule?"), confirm_delete_slot, s);
		return true;
	}
	case UA_HEADER:
		ui_push(app, ui_record_form(app, &rt_plan, w->nw.client_id, w->nw.id));
		return true;
	default:
		return false;
	}
}

static void resize(ui_app *app, ui_screen *s)
{
	weekly_state *w = s->st;
	ui_rows_resize(&w->nw);
	clamp_view(app, w);
	s->dirty |= UI_D_BODY;
}

static void resume(ui_app *app, ui_screen *s)
{
	weekly_state *w = s->st;
	ui_rows_load(&w->nw, 0);
	load_slots(app, w);
	s->dirty |= UI_D_BODY;
}

static void close_weekly(ui_app *app, ui_screen *s)
{
	weekly_state *w = s->st;
	if (w->slots)
		record_free_list(&rt_weekly_slot, w->slots, w->nslots);
	ui_rows_free(&w->nw);
	free(w);
}

/* The grid's cursor is always on a cell (a slot or an empty hour); the
 * services that are not weekly are rows. */
static unsigned has(ui_app *app, ui_screen *s)
{
	weekly_state *w = s->st;
	unsigned h = ui_rows_has(&w->nw);

	return w->other ? h : h | UI_NEED_ROW;
}

static const ui_screen_ops weekly_ops = {
	.name = N_("Weekly schedule"),
	.contexts = contexts,
	UI_HINTS({ UA_HELP, N_("help") }, { UA_OPEN, N_("slot") }, { UA_ROW_ADD, N_("add") },
		 { UA_ROW_DELETE, N_("delete") }, { UA_NON_WEEKLY, N_("not weekly") },
		 { UA_PRINT, N_("print") }, { UA_BACK, N_("back") }),
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_weekly,
	.has = has,
	.refusal = ui_rows_screen_refusal,
};

static const char *const plan_head[] = {
	"stage", "written_on", "consented_on", "delivered_on", "period_from", "period_to",
	"monitoring_months", "anchor_month", "wishes", "policy", "long_goal", "short_goal",
	"remarks", NULL,
};

ui_screen ui_weekly_screen(ui_app *app, int64_t client_id, int64_t plan_id)
{
	weekly_state *w = xcalloc(1, sizeof *w);
	ui_screen s = { &weekly_ops, w, UI_D_BODY };

	w->nw.app = app;
	w->nw.rt = &rt_plan;
	w->nw.crt = &rt_non_weekly;
	w->nw.client_id = client_id;
	w->nw.id = plan_id;
	w->nw.draw_row = draw_nw_row;
	w->nw.head_skip = plan_head;
	w->nw.ctx = w;
	w->hour = 9;
	w->top = 6;
	if (!ui_rows_load(&w->nw, 0)) {
		close_weekly(app, &s);
		return (ui_screen){ NULL, NULL, 0 };
	}
	load_slots(app, w);
	clamp_view(app, w);
	return s;
}
