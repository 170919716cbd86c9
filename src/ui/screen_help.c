/*
 * screen_help.c - the keys of the screen below, made from the key table
 * (so the help is always what the keys do), with the names to use in
 * the config file to change them.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct help_state {
	char *text;             /* the help as made, one key a line */
	char **lines;           /* it wrapped to the screen (owned) */
	size_t n;
	ui_array_source arr;
	ui_list list;
	char *title;
} help_state;

static void wrap(help_state *h, int cols);

static void draw_line(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const char *line = row;
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
		ui_put_cut(stdscr, app->body_y, 0, app->cols, h->title, true);
	}
	ui_list_draw(&h->list, stdscr, app->body_y + 1, 0, app->cols);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	help_state *h = s->st;
	if (ui_list_action(&h->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	return false;
}

static void resize(ui_app *app, ui_screen *s)
{
	help_state *h = s->st;
	/* Wrapped again to the new width (back at the top). */
	wrap(h, app->cols - 1);
	ui_list_reload(&h->list, ui_screen_list_rows(app, s));
	s->dirty |= UI_D_BODY;
}

static void close_help(ui_app *app, ui_screen *s)
{
	help_state *h = s->st;
	ui_list_free(&h->list);
	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->text);
	free(h->title);
	free(h);
}

static const ui_screen_ops help_ops = {
	.name = N_("Help"),
	UI_CTX(UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_BACK, N_("back") }, { UA_DOWN, N_("down") }, { UA_UP, N_("up") }),
	UI_LIST_AT(help_state, list, 1),
	.draw = draw,
	.key = key,
	.resize = resize,
	.close = close_help,
};

/* Add one line of the help, wrapped to cols columns: a break at the
 * last space that fits, else where the width ends (never inside a
 * character); the rest goes on indented under the description, so a
 * long line is read whole instead of cut. */
static void add_wrapped(help_state *h, const char *line, int cols)
{
	int indent = 0;

	while (line[indent] == ' ')
		indent++;
	if (line[0] == ' ' && (int)strlen(line) > 26)
		indent = 26;    /* under the description: "  KEYS<pad to 22>  " */
	if (indent > cols / 2)
		indent = 0;
	for (bool first = true;; first = false) {
		const char *p = line;
		int pad = first ? 0 : indent;
		size_t n = text_fit(p, cols - pad, NULL), cut = n;

		if (p[n]) {
			for (size_t i = n; i > 0; i--)
				if (p[i] == ' ' && i > (size_t)(first ? indent : 0)) {
					cut = i;
					break;
				}
			if (cut == 0 && n == 0) {   /* not even one character fits */
				int32_t cp;
				size_t k = text_decode(p, strlen(p), &cp);
				n = k ? k : 1;
			}
			if (cut == 0)
				cut = n;
		}
		h->lines = xrealloc(h->lines, (h->n + 1) * sizeof *h->lines);
		h->lines[h->n++] = xasprintf("%*s%.*s", pad, "", (int)cut, p);
		line = p + cut;
		while (*line == ' ')
			line++;
		if (!*line)
			break;
	}
}

static void wrap(help_state *h, int cols)
{
	const char *p = h->text;

	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	h->n = 0;
	if (cols < 8)
		cols = 8;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *one = xasprintf("%.*s", (int)len, p);

		add_wrapped(h, one, cols);
		free(one);
		if (!nl)
			break;
		p = nl + 1;
	}
	h->arr.items = (void **)h->lines;
	h->arr.n = h->n;
}

/* The contexts of screen of, then those of its other states: typing a
 * list's search (not on a screen that is always typing), a form's
 * one-line, choice and long text fields, a yes/no question over any screen (each
 * once). */
static void help_contexts(ui_screen *of, ui_context *out, size_t *n)
{
	static const struct { ui_context with, also; } modes[] = {
		{ UK_LIST, UK_SEARCH }, { UK_FORM, UK_LINE }, { UK_FORM, UK_CHOICE }, { UK_FORM, UK_LONG },
		{ UK_GLOBAL, UK_CONFIRM },
	};
	const ui_context *ctx;
	size_t nctx;
	bool seen[UK_CONTEXT_COUNT] = { false };

	ui_screen_contexts(of, &ctx, &nctx);
	*n = 0;
	for (size_t i = 0; i < nctx; i++)
		if (!seen[ctx[i]]) {
			seen[ctx[i]] = true;
			out[(*n)++] = ctx[i];
		}
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
		if (seen[modes[m].with] && !seen[modes[m].also] &&
		    !(of->ops->typing && modes[m].also == UK_SEARCH)) {
			seen[modes[m].also] = true;
			out[(*n)++] = modes[m].also;
		}
}

ui_screen ui_help_screen(ui_app *app, ui_screen *of)
{
	help_state *h = xcalloc(1, sizeof *h);
	ui_context ctx[UK_CONTEXT_COUNT];
	size_t nctx;
	ui_list_source src;
	ui_screen s = { &help_ops, h, UI_D_BODY };

	help_contexts(of, ctx, &nctx);
	h->text = ui_keys_help(&app->keys, ctx, nctx, of->ops->typing);
	h->title = xasprintf(_("Keys of '%s'. To change one, config file: bind.NAME = KEY"),
			     _(of->ops->name));
	/* Each row is drawn after a one-column marker. */
	wrap(h, app->cols - 1);
	h->arr.draw_row = draw_line;
	ui_array_source_make(&h->arr, &src);
	ui_list_init(&h->list, &src);
	ui_list_reload(&h->list, ui_screen_list_rows(app, &s));
	return s;
}
