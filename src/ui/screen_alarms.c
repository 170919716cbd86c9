/*
 * screen_alarms.c - the start screen: every item whose lead time has
 * begun (due.h), from the due engine (never its own rules), in four
 * groups: overdue, the rest of this week, this month's open monitorings
 * and coming up.  Urgency shows as colour where the terminal has it and
 * always as a text marker ("!!" overdue, "! " due); Enter opens the
 * client's card at the record the item is about; p prints the week's
 * due sheet.  `tsunagi alarms` prints the same groups (due_alarms.h).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due.h"
#include "tsunagi/due_alarms.h"
#include "tsunagi/due_report.h"
#include "tsunagi/due_items.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_due.h"
#include "tsunagi/xalloc.h"

/*
 * The list is paged from the due cache (ui_due.h): opening it reads the
 * number of items per day and kind, and only the rows on screen are
 * read, so an office of 100,000 clients opens as fast as one of 1,000.
 */
typedef struct alarms_state {
	ui_app *app;
	ui_due_source src;
	int kind;               /* -1: every kind, else enum due_kind */
	ui_list list;
} alarms_state;

static const ui_screen_ops alarms_ops;

static int section_of(date_t on, enum due_state state, enum due_kind kind, void *ctx)
{
	const alarms_state *a = ctx;
	return due_alarm_section(on, state, kind, a->app->today);
}

static const char *section_title(int sec)
{
	return due_alarm_title(sec);
}

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const ui_due_row *row, bool sel);

/* Open the pager for the kind shown; the list is reloaded or refreshed
 * by the caller. */
static void open_source(alarms_state *a)
{
	ui_app *app = a->app;
	due_query q;
	tsu_err e;

	due_alarm_query(app->today, a->kind >= 0 ? 1u << a->kind : 0, &q);
	if (ui_due_source_open(&a->src, &q, true, section_of, a, DUE_ALARM_SECTIONS, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
}

static void load(alarms_state *a)
{
	open_source(a);
	ui_list_reload(&a->list, ui_list_rows(a->app, alarms_ops.list_used));
	/* Start on the first item of the first screen rather than a heading. */
	for (size_t i = 0; i < a->list.nrows; i++)
		if (ui_due_row_is_item(a->list.rows[i], NULL)) {
			ui_list_move(&a->list, (long)i);
			break;
		}
}

static const char *kind_label(int kind)
{
	static const char *const t[DUE_KIND_COUNT] = {
		N_("monitoring"), N_("certificate"), N_("plan"), N_("consent"),
		N_("action item"), N_("turning 18"), N_("billing"), N_("paperwork"),
		N_("next step"),
	};
	return kind >= 0 && kind < DUE_KIND_COUNT ? _(t[kind]) : _("all");
}

static const char *marker(enum due_state s)
{
	switch (s) {
	case DUE_OVERDUE: return "!!";
	case DUE_DUE: return "! ";
	case DUE_NOT_DONE: return " -";     /* recorded as not done, with its reason */
	default: return " .";
	}
}

static int state_color(const alarms_state *a, enum due_state s)
{
	switch (s) {
	case DUE_OVERDUE: return ui_color(a->app, UI_C_OVERDUE);
	case DUE_DUE: return ui_color(a->app, UI_C_DUE);
	default: return ui_color(a->app, UI_C_UPCOMING);
	}
}

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const ui_due_row *r, bool sel)
{
	alarms_state *a = ctx;
	const due_item *it = &r->it;
	char date[DATE_ISO_LEN], left[64], head[256];
	int cx = x + 2, attr;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	if (r->heading) {
		snprintf(head, sizeof head, "%s (%zu)", section_title(r->section),
			 ui_due_source_count(&a->src, r->section));
		wattron(w, A_BOLD | A_UNDERLINE);
		ui_put_raw(w, y, cx, width - 2, head, true);
		wattroff(w, A_BOLD | A_UNDERLINE);
		if (sel)
			wmove(w, y, x);
		return;
	}
	attr = state_color(a, it->state);
	wattron(w, attr);
	ui_put_raw(w, y, cx, 3, marker(it->state), true);
	wattroff(w, attr);
	cx += 3;
	date_format_iso(it->on, date);
	ui_put_raw(w, y, cx, 11, date, true);
	cx += 11;
	ui_put_raw(w, y, cx, 4, due_weekday(it->on), true);
	cx += 4;
	if (it->days_left < 0)
		snprintf(left, sizeof left, ngettext("%d day ago", "%d days ago", -it->days_left),
			 -it->days_left);
	else if (it->days_left == 0)
		snprintf(left, sizeof left, "%s", _("today"));
	else
		snprintf(left, sizeof left, ngettext("in %d day", "in %d days", it->days_left),
			 it->days_left);
	wattron(w, attr);
	ui_put_raw(w, y, cx, 14, left, true);
	wattroff(w, attr);
	cx += 14;
	{
		int nw = (x + width - cx) / 3;
		char *detail = due_item_detail_brief(it);
		if (nw > 24)
			nw = 24;
		ui_put_cut(w, y, cx, nw - 1, r->name ? r->name : _("(office)"), true);
		ui_put_raw(w, y, cx + nw - 1, 1, " ", false);
		cx += nw;
		ui_put_cut(w, y, cx, x + width - cx, detail, true);
		free(detail);
	}
	if (sel)
		wmove(w, y, x);
}

/* ---- ops ---- */

static void draw(ui_app *app, ui_screen *s)
{
	alarms_state *a = s->st;

	if (s->dirty & UI_D_BODY) {
		char line[512];
		snprintf(line, sizeof line, _("Overdue %zu  Week %zu  Month %zu  Coming %zu  kind: %s"),
			 ui_due_source_count(&a->src, DUE_ALARM_OVERDUE),
			 ui_due_source_count(&a->src, DUE_ALARM_WEEK),
			 ui_due_source_count(&a->src, DUE_ALARM_MONTH),
			 ui_due_source_count(&a->src, DUE_ALARM_COMING),
			 kind_label(a->kind));
		wattron(stdscr, A_BOLD);
		ui_put_raw(stdscr, app->body_y, 0, app->cols, line, true);
		wattroff(stdscr, A_BOLD);
		a->list.dirty |= UI_LIST_ALL;
	}
	ui_list_draw(&a->list, stdscr, app->body_y + 1, 0, app->cols);
}

/* After a move, step on past headings in the direction of the move (up
 * for page-up and top's opposite ...); when only headings lie that way,
 * back to the item the cursor was on. */
static void skip_headings(ui_list *l, ui_action a, size_t before)
{
	long dir = a == UA_UP || a == UA_PAGE_UP || a == UA_BOTTOM ? -1 : 1;
	size_t at = ui_list_selected_index(l);

	while (ui_list_selected(l) && !ui_due_row_is_item(ui_list_selected(l), NULL)) {
		ui_list_move(l, dir);
		if (ui_list_selected_index(l) == at)
			break;          /* the end of the list */
		at = ui_list_selected_index(l);
	}
	if (ui_list_selected(l) && !ui_due_row_is_item(ui_list_selected(l), NULL))
		ui_list_move(l, (long)before - (long)ui_list_selected_index(l));
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	alarms_state *st = s->st;
	size_t before = ui_list_selected_index(&st->list);

	if (ui_list_action(&st->list, a)) {
		skip_headings(&st->list, a, before);
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_OPEN:
		ui_due_open(app, ui_list_selected(&st->list));
		return true;
	case UA_FILTER_KIND:
		st->kind = st->kind + 1 >= DUE_KIND_COUNT ? -1 : st->kind + 1;
		load(st);
		s->dirty |= UI_D_BODY;
		return true;
	case UA_ALARMS:
		return true;
	case UA_PRINT_WEEK:
		ui_print_due_sheet(app);
		return true;
	case UA_SEND_WEEK:
		ui_send_due_sheet(app);
		return true;
	case UA_BACK:
		/* The start screen: q leaves only from here. */
		if (app->depth == 1) {
			app->quit = true;
			return true;
		}
		return false;
	default:
		return false;
	}
}

/* Back from another screen: records may have changed.  Count again and
 * read the rows on screen again from where they were (an item dealt
 * with is gone; the rows after it move up). */
static void resume(ui_app *app, ui_screen *s)
{
	alarms_state *a = s->st;

	open_source(a);
	ui_list_refresh(&a->list);
	s->dirty |= UI_D_BODY;
}

static void close_alarms(ui_app *app, ui_screen *s)
{
	alarms_state *a = s->st;
	ui_list_free(&a->list);
	ui_due_source_close(&a->src);
	free(a);
}

static int64_t alarm_client(ui_screen *s)
{
	alarms_state *st = s->st;
	const ui_due_row *row = ui_list_selected(&st->list);

	return row && !row->heading ? row->it.client_id : 0;
}

static const ui_screen_ops alarms_ops = {
	.name = N_("Alarms"),
	UI_CTX(UK_ALARMS, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_HELP, N_("help") }, { UA_OPEN, N_("open") },
		 { UA_QUICK_NOTE, N_("note") }, { UA_FILTER_KIND, N_("kind") },
		 { UA_PRINT_WEEK, N_("print week") }, { UA_CLIENTS, N_("clients") },
		 { UA_QUIT, N_("quit") }),
	UI_LIST_AT(alarms_state, list, 1),
	.draw = draw,
	.key = key,
	.resume = resume,
	.close = close_alarms,
	.client = alarm_client,
};

ui_screen ui_alarms_screen(ui_app *app)
{
	alarms_state *a = xcalloc(1, sizeof *a);
	ui_screen s = { &alarms_ops, a, UI_D_BODY };

	ui_list_source ls;

	a->app = app;
	a->kind = -1;
	a->src.app = app;
	a->src.headings = true;
	a->src.draw_row = draw_row;
	a->src.draw_ctx = a;
	ui_due_source_make(&a->src, &ls);
	ui_list_init(&a->list, &ls);
	load(a);
	return s;
}
