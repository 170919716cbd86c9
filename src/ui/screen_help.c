/*
 * screen_help.c - the keys of the screen below, made from the key table
 * (so the help is always what the keys do), with the names to use in
 * the config file to change them.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct help_state {
	char *text;             /* the help, lines split in place */
	char **lines;
	size_t n;
	ui_array_source arr;
	ui_list list;
	char *title;
} help_state;

static const ui_context help_ctx[] = { UK_LIST, UK_GLOBAL };
static const ui_hint help_hints[] = {
	{ UA_BACK, N_("back") }, { UA_DOWN, N_("down") }, { UA_UP, N_("up") },
	{ UA_NONE, NULL },
};

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	(void)s;
	*ctx = help_ctx;
	*n = sizeof help_ctx / sizeof help_ctx[0];
}

static const ui_hint *hints(ui_screen *s)
{
	(void)s;
	return help_hints;
}

static void draw_line(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const char *line = row;
	(void)ctx;
	/* Headings (lines that do not start with a space) in bold. */
	if (line[0] && line[0] != ' ')
		wattron(w, A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	ui_put_raw(w, y, x + 1, width - 1, line, true);
	wattroff(w, A_BOLD);
}

static void draw(ui_app *app, ui_screen *s)
{
	help_state *h = s->st;

	if (s->dirty & UI_D_BODY) {
		h->list.dirty = UI_LIST_ALL;
		ui_put_raw(stdscr, app->body_y, 0, app->cols, h->title, true);
	}
	ui_list_draw(&h->list, stdscr, app->body_y + 1, 0, app->cols);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	help_state *h = s->st;
	(void)app;
	(void)k;
	if (ui_list_action(&h->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	return false;
}

static void resize(ui_app *app, ui_screen *s)
{
	help_state *h = s->st;
	ui_list_resize(&h->list, app->body_h - 1);
	s->dirty |= UI_D_BODY;
}

static void close_help(ui_app *app, ui_screen *s)
{
	help_state *h = s->st;
	(void)app;
	ui_list_free(&h->list);
	free(h->lines);
	free(h->text);
	free(h->title);
	free(h);
}

static const ui_screen_ops help_ops = {
	.name = N_("Help"),
	.contexts = contexts,
	.hints = hints,
	.draw = draw,
	.key = key,
	.resize = resize,
	.close = close_help,
};

ui_screen ui_help_screen(ui_app *app, ui_screen *of)
{
	help_state *h = xcalloc(1, sizeof *h);
	const ui_context *ctx;
	size_t nctx;
	ui_list_source src;
	ui_screen s = { &help_ops, h, UI_D_BODY };
	char *p;

	of->ops->contexts(of, &ctx, &nctx);
	h->text = ui_keys_help(&app->keys, ctx, nctx);
	h->title = xasprintf(_("Keys of '%s'. Change one in the config file with a line like: bind.NAME = KEY"),
			     _(of->ops->name));
	for (p = h->text; *p;) {
		char *nl = strchr(p, '\n');
		h->lines = xrealloc(h->lines, (h->n + 1) * sizeof *h->lines);
		h->lines[h->n++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	h->arr.items = (void **)h->lines;
	h->arr.n = h->n;
	h->arr.draw_row = draw_line;
	ui_array_source_make(&h->arr, &src);
	ui_list_init(&h->list, &src);
	ui_list_reload(&h->list, app->body_h > 1 ? app->body_h - 1 : 1);
	return s;
}
