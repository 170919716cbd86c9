/*
 * screen_drafts.c - forms left unsaved (a dropped link, a closed window,
 * or Esc): shown first on start so nothing typed is forgotten.  Enter
 * reopens the form with the text; d throws a draft away after asking.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct drafts_state {
	draft *v;
	size_t n;
	void **items;
	ui_array_source arr;
	ui_list list;
	int64_t pending;
} drafts_state;

static const ui_screen_ops drafts_ops;

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const draft *d = row;
	char when[32];

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	/* saved_at is kept in UTC; the worker reads her own clock. */
	time_utc_to_local(d->saved_at, when, sizeof when);
	ui_put(w, y, x + 2, 17, when, true);
	ui_put(w, y, x + 19, width - 19, d->title, true);
	if (sel)
		wmove(w, y, x);
}

static void load(ui_app *app, drafts_state *ds)
{
	ui_list_source src;
	tsu_err e;

	ui_list_free(&ds->list);
	draft_free_list(ds->v, ds->n);
	free(ds->items);
	ds->v = NULL;
	ds->n = 0;
	if (store_draft_list(app->db, &ds->v, &ds->n, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	ds->items = xcalloc(ds->n ? ds->n : 1, sizeof *ds->items);
	for (size_t i = 0; i < ds->n; i++)
		ds->items[i] = &ds->v[i];
	ds->arr.items = ds->items;
	ds->arr.n = ds->n;
	ds->arr.draw_row = draw_row;
	ds->arr.draw_ctx = ds;
	ui_array_source_make(&ds->arr, &src);
	ui_list_init(&ds->list, &src);
	ui_list_reload(&ds->list, ui_list_rows(app, drafts_ops.list_used));
}

static void draw(ui_app *app, ui_screen *s)
{
	drafts_state *ds = s->st;

	if (s->dirty & UI_D_BODY) {
		wattron(stdscr, A_BOLD);
		ui_put_raw(stdscr, app->body_y, 0, app->cols,
			   _("Unsaved drafts from an earlier session. Enter reopens one; q keeps them for later."), true);
		wattroff(stdscr, A_BOLD);
		wattron(stdscr, A_UNDERLINE);
		ui_put_raw(stdscr, app->body_y + 1, 0, 2, "", true);
		ui_put_raw(stdscr, app->body_y + 1, 2, 17, _("kept at"), true);
		ui_put_raw(stdscr, app->body_y + 1, 19, app->cols - 19, _("form"), true);
		wattroff(stdscr, A_UNDERLINE);
		ds->list.dirty |= UI_LIST_ALL;
	}
	ui_list_draw(&ds->list, stdscr, app->body_y + 2, 0, app->cols);
	if (ds->n == 0)
		ui_put_raw(stdscr, app->body_y + 2, 2, app->cols - 2, _("No drafts."), true);
}

static void confirm_discard(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	drafts_state *ds = s->st;
	tsu_err e;

	if (yes && ds->pending) {
		if (store_draft_delete(app->db, ds->pending, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
		else
			ui_message(app, "%s", _("The draft was thrown away."));
		load(app, ds);
	}
	ds->pending = 0;
	s->dirty |= UI_D_BODY;
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	drafts_state *ds = s->st;
	const draft *d = ui_list_selected(&ds->list);

	if (ui_list_action(&ds->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_OPEN:
		if (d)
			ui_push(app, ui_draft_form(app, d));
		return true;
	case UA_DISCARD:
		ds->pending = d->id;
		ui_confirm(app, _("Throw this draft away? The text in it will be lost."), confirm_discard, s);
		return true;
	default:
		return false;
	}
}

static void resume(ui_app *app, ui_screen *s)
{
	drafts_state *ds = s->st;
	load(app, ds);
	s->dirty |= UI_D_BODY;
	/* The last draft saved or thrown away: nothing is left to do here,
	 * so the work goes on where the list was opened from. */
	if (ds->n == 0)
		ui_pop(app);
}

static void close_drafts(ui_app *app, ui_screen *s)
{
	drafts_state *ds = s->st;
	ui_list_free(&ds->list);
	draft_free_list(ds->v, ds->n);
	free(ds->items);
	free(ds);
}

static const ui_screen_ops drafts_ops = {
	.name = N_("Drafts"),
	UI_CTX(UK_DRAFTS, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_OPEN, N_("reopen") }, { UA_DISCARD, N_("discard") },
		 { UA_BACK, N_("later") }, { UA_HELP, N_("help") }),
	UI_LIST_AT(drafts_state, list, 2),
	.draw = draw,
	.key = key,
	.resume = resume,
	.close = close_drafts,
};

ui_screen ui_drafts_screen(ui_app *app)
{
	drafts_state *ds = xcalloc(1, sizeof *ds);
	ui_screen s = { &drafts_ops, ds, UI_D_BODY };

	load(app, ds);
	return s;
}
