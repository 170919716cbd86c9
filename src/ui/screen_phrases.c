/*
 * screen_phrases.c - pick a fixed phrase or template (定型文, phrases.h)
 * for a progress note: the phrases of the note's kind and those for every
 * kind, one a row (line breaks shown as " / "), the selected one in full
 * below.  Enter or its number 1-9 gives it to the caller, which inserts
 * it at the cursor; Esc or q goes back with nothing.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/phrases.h"
#include "tsunagi/store.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/xalloc.h"

typedef struct phrases_state {
	char *phrases[PHRASES_MAX];
	size_t n;
	char *kind;
	void *items[PHRASES_MAX];
	ui_array_source arr;
	ui_list list;
	ui_phrase_fn fn;
	void *arg;
} phrases_state;

static const ui_screen_ops phrases_ops;

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	phrases_state *st = ctx;
	const char *text = row;
	size_t i = 0;
	char num[8];
	strbuf b;

	while (i < st->n && st->phrases[i] != text)
		i++;
	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	snprintf(num, sizeof num, i < 9 ? " %zu " : "   ", i + 1);
	ui_put_raw(w, y, x + 1, 3, num, false);
	sb_init(&b);
	for (const char *p = text; *p; p++)
		if (*p == '\n')
			sb_adds(&b, " / ");
		else
			sb_addc(&b, *p);
	ui_put_cut(w, y, x + 4, width - 4, b.s, true);
	sb_free(&b);
	if (sel)
		wmove(w, y, x);
}

static void draw(ui_app *app, ui_screen *s)
{
	phrases_state *st = s->st;
	const char *sel = ui_list_selected(&st->list);
	char *title = xasprintf(_("Fixed phrases for %s (1-9 or Enter inserts at the cursor, Esc: back)"),
				st->kind[0] ? store_enum_label(st->kind) : _("every kind"));
	int py = app->body_y + 1 + ui_list_rows(app, phrases_ops.list_used);

	wattron(stdscr, A_BOLD);
	ui_put_cut(stdscr, app->body_y, 0, app->cols, title, true);
	wattroff(stdscr, A_BOLD);
	free(title);
	st->list.dirty |= UI_LIST_ALL;
	ui_list_draw(&st->list, stdscr, app->body_y + 1, 0, app->cols);
	for (int y = app->body_y + 1 + (int)st->list.nrows; y < py; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	mvwhline(stdscr, py, 0, '-', app->cols);
	for (int y = py + 1; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	if (sel)
		ui_draw_wrapped(stdscr, py + 1, 0, app->body_y + app->body_h - py - 1, app->cols, sel);
	if (st->list.nrows)
		wmove(stdscr, app->body_y + 1 + (int)st->list.sel, 0);
}

static void pick(ui_app *app, phrases_state *st, const char *text)
{
	ui_phrase_fn fn = st->fn;
	void *arg = st->arg;
	char *copy = xstrdup(text);

	ui_pop(app);    /* frees st */
	fn(app, arg, copy);
	free(copy);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	phrases_state *st = s->st;
	const char *sel = ui_list_selected(&st->list);

	s->dirty |= UI_D_BODY;
	if (a >= UA_PICK_1 && a < UA_PICK_1 + UA_PICK_COUNT) {
		if ((size_t)(a - UA_PICK_1) < st->n)
			pick(app, st, st->phrases[a - UA_PICK_1]);
		return true;
	}
	if (a == UA_OPEN) {
		if (sel)
			pick(app, st, sel);
		return true;
	}
	/* back (q, Esc) and the other global actions are the app's. */
	return ui_list_action(&st->list, a) || a == UA_NONE;
}

static void close_phrases(ui_app *app, ui_screen *s)
{
	phrases_state *st = s->st;
	ui_list_free(&st->list);
	for (size_t i = 0; i < st->n; i++)
		free(st->phrases[i]);
	free(st->kind);
	free(st);
}

static const ui_screen_ops phrases_ops = {
	.name = N_("Fixed phrases"),
	UI_CTX(UK_PHRASES, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_OPEN, N_("insert") }, { UA_BACK, N_("back") }),
	UI_LIST_AT(phrases_state, list, 6),
	.draw = draw,
	.key = key,
	.close = close_phrases,
};

ui_screen ui_phrases_screen(ui_app *app, const char *kind, ui_phrase_fn fn, void *arg)
{
	phrases_state *st = xcalloc(1, sizeof *st);
	ui_screen s = { &phrases_ops, st, UI_D_BODY };
	const char *found[PHRASES_MAX];
	ui_list_source src;

	st->kind = xstrdup(kind ? kind : "");
	st->n = phrases_for(&app->cfg, st->kind, found, PHRASES_MAX);
	for (size_t i = 0; i < st->n; i++) {
		st->phrases[i] = xstrdup(found[i]);
		st->items[i] = st->phrases[i];
	}
	st->fn = fn;
	st->arg = arg;
	st->arr.items = st->items;
	st->arr.n = st->n;
	st->arr.draw_row = draw_row;
	st->arr.draw_ctx = st;
	ui_array_source_make(&st->arr, &src);
	ui_list_init(&st->list, &src);
	ui_list_reload(&st->list, ui_list_rows(app, phrases_ops.list_used));
	return s;
}
