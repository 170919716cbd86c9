/*
 * screen_icf.c - pick an ICF code from the list shipped with tsunagi
 * (icf.h): type part of a code or a name in Japanese or English, move
 * to the category, Enter gives it to the caller.  The list is searched
 * in memory on every key; it is a few hundred entries.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/icf.h"
#include "tsunagi/store.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

enum { MAX_SHOWN = 1000 };

typedef struct icf_state {
	ui_edit query;
	const icf_entry **hits;
	size_t nhits, total;
	void **items;
	ui_array_source arr;
	ui_list list;
	ui_icf_fn fn;
	void *arg;
	char component[16];     /* the item's component: the list shows only its codes */
	const char *shown;      /* the component shown now, or NULL for all */
} icf_state;

static const ui_screen_ops icf_ops;

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const icf_entry *e = row;
	char code[16];
	int cx = x + 2;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	snprintf(code, sizeof code, "%-6s", e->code);
	ui_put_raw(w, y, cx, 7, code, true);
	cx += 7;
	{
		int jw = (x + width - cx) / 2;
		ui_put(w, y, cx, jw, e->ja, true);
		cx += jw;
	}
	ui_put(w, y, cx, x + width - cx, e->en, true);
	if (sel)
		wmove(w, y, x);
}

static void search(ui_app *app, icf_state *st)
{
	char *q = ui_edit_get(&st->query);
	ui_list_source src;

	ui_list_free(&st->list);
	/* Only the item's component, unless a code of another is typed. */
	st->shown = icf_component_of(q);
	if (!st->shown && icf_component_ja(st->component) && strcmp(st->component, "personal") != 0)
		st->shown = st->component;
	st->total = icf_search_in(q, st->shown, st->hits, MAX_SHOWN);
	st->nhits = st->total < MAX_SHOWN ? st->total : MAX_SHOWN;
	for (size_t i = 0; i < st->nhits; i++)
		st->items[i] = (void *)st->hits[i];
	st->arr.items = st->items;
	st->arr.n = st->nhits;
	st->arr.draw_row = draw_row;
	st->arr.draw_ctx = st;
	ui_array_source_make(&st->arr, &src);
	ui_list_init(&st->list, &src);
	ui_list_reload(&st->list, ui_list_rows(app, icf_ops.list_used));
	free(q);
}

static void draw(ui_app *app, ui_screen *s)
{
	icf_state *st = s->st;
	const char *label = _("ICF code or name: ");
	int x;
	char count[64];

	x = ui_put_raw(stdscr, app->body_y, 0, app->cols / 2, label, false);
	snprintf(count, sizeof count, _("%zu found  (Esc: back)"), st->total);
	ui_put_raw(stdscr, app->body_y, app->cols - 28, 28, count, true);
	mvwhline(stdscr, app->body_y + 1, 0, '-', app->cols);
	if (st->shown) {
		char *only = xasprintf(" %s ", store_enum_label(st->shown));
		ui_put_raw(stdscr, app->body_y + 1, 2, app->cols - 4, only, false);
		free(only);
	}
	st->list.dirty |= UI_LIST_ALL;
	ui_list_draw(&st->list, stdscr, app->body_y + 2, 0, app->cols);
	for (int y = app->body_y + 2 + (int)st->list.nrows; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	ui_edit_draw(&st->query, stdscr, app->body_y, x, app->cols - 28 - x, true);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	icf_state *st = s->st;

	s->dirty |= UI_D_BODY;
	if (a == UA_OPEN) {
		const icf_entry *e = ui_list_selected(&st->list);
		ui_icf_fn fn = st->fn;
		void *arg = st->arg;
		if (!e)
			return true;
		ui_pop(app);
		fn(app, arg, e->code);
		return true;
	}
	if (ui_list_action(&st->list, a))
		return true;
	if (a != UA_NONE && ui_edit_apply(&st->query, a)) {
		search(app, st);
		return true;
	}
	if (a == UA_NONE && ui_key_is_text(k)) {
		ui_edit_insert(&st->query, k);
		search(app, st);
		return true;
	}
	/* back (Esc), help, redraw and the other global actions are the
	 * app's. */
	return a == UA_NONE;
}

static bool cursor(ui_screen *s)
{
	return true;
}

static void close_icf(ui_app *app, ui_screen *s)
{
	icf_state *st = s->st;
	ui_list_free(&st->list);
	ui_edit_free(&st->query);
	free(st->hits);
	free(st->items);
	free(st);
}

static const ui_screen_ops icf_ops = {
	.name = N_("ICF codes"),
	/* Typing owns the printable keys (.typing), so the list's keys that
	 * are not text move it (arrows, pages) and Esc goes back. */
	UI_CTX(UK_EDIT, UK_LIST, UK_GLOBAL),
	.typing = true,
	UI_HINTS({ UA_OPEN, N_("pick") }, { UA_BACK, N_("back") }),
	UI_LIST_AT(icf_state, list, 2),
	.draw = draw,
	.key = key,
	.close = close_icf,
	.cursor = cursor,
};

ui_screen ui_icf_screen(ui_app *app, const char *start, const char *component, ui_icf_fn fn, void *arg)
{
	icf_state *st = xcalloc(1, sizeof *st);
	ui_screen s = { &icf_ops, st, UI_D_BODY };

	snprintf(st->component, sizeof st->component, "%s", component ? component : "");
	ui_edit_init(&st->query, 40, false);
	if (start)
		ui_edit_set(&st->query, start);
	st->hits = xcalloc(MAX_SHOWN, sizeof *st->hits);
	st->items = xcalloc(MAX_SHOWN, sizeof *st->items);
	st->fn = fn;
	st->arg = arg;
	search(app, st);
	return s;
}
