/*
 * screen_clients.c - the case load in kana order, paged from SQLite by
 * key (never loaded whole), with a search that narrows as it is typed
 * (kanji, hiragana or katakana, half- or full-width: the store folds
 * both sides) and filters by status and case kind.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

enum { ST_ACTIVE, ST_CLOSED, ST_ALL, ST_COUNT };

typedef struct clients_state {
	ui_app *app;
	ui_list list;
	client_filter filter;
	int status;             /* ST_* */
	int kind;               /* index in store_case_kinds, -1 all */
	ui_edit search;
	char *search_text;      /* what the filter points to */
	bool searching;
	int64_t focus_id;       /* select this client on resume */
} clients_state;

static const ui_screen_ops clients_ops;

/* ---- the source: keyset pages of client_row ---- */

static size_t src_fetch(void *ctx, const void *anchor, bool backward, size_t n, void **out)
{
	clients_state *c = ctx;
	client_row *rows = xcalloc(n ? n : 1, sizeof *rows);
	size_t got = 0;
	tsu_err e;

	if (store_client_page(c->app->db, &c->filter, anchor, backward, n, rows, &got, &e) != TSU_OK) {
		ui_error(c->app, "%s", e.msg);
		got = 0;
	}
	for (size_t i = 0; i < got; i++) {
		client_row *r = xmalloc(sizeof *r);
		*r = rows[i];
		out[i] = r;
	}
	free(rows);
	return got;
}

static size_t src_count(void *ctx)
{
	clients_state *c = ctx;
	return (size_t)store_client_count(c->app->db, &c->filter);
}

static void src_free(void *ctx, void *row)
{
	client_row_free(row);
	free(row);
}

typedef struct cols { int name, kana, kind, birth, recip; } cols;

static cols layout(int width)
{
	cols c = { 0, 0, 12, 11, 11 };
	int rest = width - 2 - c.kind - c.birth - c.recip;
	c.name = rest / 2;
	c.kana = rest - c.name;
	return c;
}

static void src_draw(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const client_row *r = row;
	cols c = layout(width);
	char birth[DATE_ISO_LEN];
	const char *kind = strcmp(r->status, "closed") == 0 ? store_enum_label("closed")
		: store_enum_label(r->case_kind);
	int cx = x;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, cx, 1, sel ? ">" : " ", true);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, cx + 1, 1, " ", false);
	cx += 2;
	ui_put(w, y, cx, c.name - 1, r->name, true);
	ui_put_raw(w, y, cx + c.name - 1, 1, " ", false);
	cx += c.name;
	ui_put(w, y, cx, c.kana - 1, r->kana, true);
	ui_put_raw(w, y, cx + c.kana - 1, 1, " ", false);
	cx += c.kana;
	ui_put_raw(w, y, cx, c.kind, kind, true);
	cx += c.kind;
	date_format_iso(r->birth_on, birth);
	ui_put_raw(w, y, cx, c.birth, birth, true);
	cx += c.birth;
	ui_put(w, y, cx, x + width - cx, r->recipient_no, true);
	if (sel)
		wmove(w, y, x);
}

/* ---- state ---- */

static void apply_filter(clients_state *c)
{
	c->filter.include_closed = c->status == ST_ALL;
	c->filter.only_closed = c->status == ST_CLOSED;
	c->filter.case_kind = c->kind >= 0 ? store_case_kinds[c->kind] : NULL;
	free(c->search_text);
	c->search_text = ui_edit_get(&c->search);
	c->filter.search = c->search_text[0] ? c->search_text : NULL;
}

static void reload(ui_app *app, ui_screen *s)
{
	clients_state *c = s->st;
	apply_filter(c);
	ui_list_reload(&c->list, ui_list_rows(app, clients_ops.list_used));
	s->dirty |= UI_D_BODY;
}

/* Select client id if the filter shows her; else keep the place. */
static bool focus(ui_app *app, ui_screen *s, int64_t id)
{
	clients_state *c = s->st;
	client_row *r = xmalloc(sizeof *r);
	tsu_err e;

	if (store_client_row(app->db, id, r, &e) != TSU_OK) {
		free(r);
		return false;
	}
	if ((c->status == ST_ACTIVE && strcmp(r->status, "active")) ||
	    (c->status == ST_CLOSED && strcmp(r->status, "closed")) ||
	    (c->kind >= 0 && strcmp(r->case_kind, store_case_kinds[c->kind])) ||
	    (c->filter.search && !text_fold_contains(r->name, c->filter.search) &&
	     !text_fold_contains(r->kana, c->filter.search))) {
		client_row_free(r);
		free(r);
		return false;
	}
	ui_list_reload_around(&c->list, ui_list_rows(app, clients_ops.list_used), r,
			      (size_t)store_client_position(app->db, &c->filter, r));
	s->dirty |= UI_D_BODY;
	return true;
}

/* ---- ops ---- */

static const ui_context ctx_list[] = { UK_CLIENTS, UK_LIST, UK_GLOBAL };
static const ui_context ctx_search[] = { UK_SEARCH, UK_EDIT };

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	clients_state *c = s->st;
	if (c->searching) {
		*ctx = ctx_search;
		*n = sizeof ctx_search / sizeof ctx_search[0];
	} else {
		*ctx = ctx_list;
		*n = sizeof ctx_list / sizeof ctx_list[0];
	}
}

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint list_hints[] = {
		{ UA_HELP, N_("help") }, { UA_OPEN, N_("open") }, { UA_SEARCH, N_("search") },
		{ UA_QUICK_NOTE, N_("note") }, { UA_NEW_CLIENT, N_("new") }, { UA_FILTER_STATUS, N_("active/closed") },
		{ UA_FILTER_CASE, N_("kind") }, { UA_ALARMS, N_("alarms") },
		{ UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	static const ui_hint search_hints[] = { { UA_NONE, NULL } };
	clients_state *c = s->st;
	return c->searching ? search_hints : list_hints;
}

static const char *status_title(int st)
{
	static const char *const t[ST_COUNT] = { N_("Active clients"), N_("Closed clients"), N_("All clients") };
	return _(t[st]);
}

static void draw_header(ui_app *app, clients_state *c)
{
	char line[512], pos[64];
	cols cl = layout(app->cols);
	int x = 2, y = app->body_y;

	if (c->list.total)
		snprintf(pos, sizeof pos, "%zu/%zu", ui_list_selected_index(&c->list) + 1, c->list.total);
	else
		snprintf(pos, sizeof pos, "0/0");
	snprintf(line, sizeof line, "%s  %s: %s  ", status_title(c->status), _("kind"),
		 c->kind >= 0 ? store_enum_label(store_case_kinds[c->kind]) : _("all"));
	wattron(stdscr, A_BOLD);
	x = ui_put_raw(stdscr, y, 0, app->cols - 12, line, false);
	wattroff(stdscr, A_BOLD);
	if (c->searching || c->search.len) {
		int lw = ui_put_raw(stdscr, y, x, app->cols - 12 - x, _("search: "), false);
		int ew = app->cols - 12 - x - lw;
		if (ew > 30)
			ew = 30;
		if (ew > 2)
			ui_edit_draw(&c->search, stdscr, y, x + lw, ew, false);
		x += lw + (ew > 2 ? ew : 0);
	}
	ui_put_raw(stdscr, y, x, app->cols - 12 - x, "", true);
	ui_put_raw(stdscr, y, app->cols - 12, 12, pos, true);
	wattron(stdscr, A_UNDERLINE);
	x = 2;
	ui_put_raw(stdscr, y + 1, 0, 2, "", true);
	ui_put_raw(stdscr, y + 1, x, cl.name, _("name"), true);
	x += cl.name;
	ui_put_raw(stdscr, y + 1, x, cl.kana, _("kana"), true);
	x += cl.kana;
	ui_put_raw(stdscr, y + 1, x, cl.kind, _("case kind"), true);
	x += cl.kind;
	ui_put_raw(stdscr, y + 1, x, cl.birth, _("birth date"), true);
	x += cl.birth;
	ui_put_raw(stdscr, y + 1, x, app->cols - x, _("recipient number"), true);
	wattroff(stdscr, A_UNDERLINE);
}

static void draw_position(ui_app *app, clients_state *c)
{
	char pos[64];
	snprintf(pos, sizeof pos, "%zu/%zu", c->list.total ? ui_list_selected_index(&c->list) + 1 : 0, c->list.total);
	ui_put_raw(stdscr, app->body_y, app->cols - 12, 12, pos, true);
}

static void draw(ui_app *app, ui_screen *s)
{
	clients_state *c = s->st;

	if (s->dirty & UI_D_BODY) {
		draw_header(app, c);
		c->list.dirty |= UI_LIST_ALL;
		if (c->list.nrows == 0)
			c->list.dirty |= UI_LIST_ALL;
	} else {
		draw_position(app, c);
	}
	ui_list_draw(&c->list, stdscr, app->body_y + 2, 0, app->cols);
	if (c->list.nrows == 0)
		ui_put_raw(stdscr, app->body_y + 2, 2, app->cols - 2,
			   c->filter.search ? _("No client matches the search.") :
			   _("No clients here yet. Press n to add one."), true);
	if (c->searching) {
		/* The cursor goes into the search field. */
		int x = text_width(status_title(c->status)) + 2;
		char line[256];
		snprintf(line, sizeof line, "%s: %s  ", _("kind"),
			 c->kind >= 0 ? store_enum_label(store_case_kinds[c->kind]) : _("all"));
		x += text_width(line) + text_width(_("search: "));
		wmove(stdscr, app->body_y, x + ui_edit_cursor_col(&c->search) - c->search.scroll);
	}
}

static void open_selected(ui_app *app, clients_state *c)
{
	const client_row *r = ui_list_selected(&c->list);
	if (r)
		ui_push(app, ui_card_screen(app, r->id, (enum ui_card_tab)app->last_card_tab, 0));
}

static bool search_key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	clients_state *c = s->st;

	if (a == UA_SEARCH_KEEP) {
		c->searching = false;
		s->dirty |= UI_D_BODY;
		return true;
	}
	if (a == UA_SEARCH_CLEAR) {
		c->searching = false;
		ui_edit_set(&c->search, "");
		reload(app, s);
		return true;
	}
	if (a == UA_NONE && UI_IS_FN(k)) {
		/* Up and down still move in the list while searching. */
		ui_action la = ui_keys_lookup(&app->keys, (ui_context[]){ UK_LIST }, 1, k);
		if (ui_list_action(&c->list, la))
			s->dirty |= UI_D_PART;
		return true;
	}
	if (a != UA_NONE ? ui_edit_apply(&c->search, a) : ui_edit_insert(&c->search, k)) {
		reload(app, s);
		return true;
	}
	return true;
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	clients_state *c = s->st;

	if (c->searching)
		return search_key(app, s, a, k);
	if (ui_list_action(&c->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_OPEN:
		open_selected(app, c);
		return true;
	case UA_SEARCH:
		c->searching = true;
		s->dirty |= UI_D_BODY;
		return true;
	case UA_NEW_CLIENT:
		ui_push(app, ui_client_form(app, 0));
		return true;
	case UA_FILTER_STATUS:
		c->status = (c->status + 1) % ST_COUNT;
		reload(app, s);
		return true;
	case UA_FILTER_CASE: {
		int n = 0;
		while (store_case_kinds[n])
			n++;
		c->kind = c->kind + 1 >= n ? -1 : c->kind + 1;
		reload(app, s);
		return true;
	}
	case UA_CLIENTS:
		return true;    /* already here */
	default:
		return false;
	}
}

static void resume(ui_app *app, ui_screen *s)
{
	clients_state *c = s->st;
	int64_t id = c->focus_id;
	const client_row *r = ui_list_selected(&c->list);

	if (!id && r)
		id = r->id;
	c->focus_id = 0;
	if (!id || !focus(app, s, id))
		ui_list_refresh(&c->list);
	s->dirty |= UI_D_BODY;
}

static bool cursor(ui_screen *s)
{
	return ((clients_state *)s->st)->searching;
}

static void close_clients(ui_app *app, ui_screen *s)
{
	clients_state *c = s->st;
	ui_list_free(&c->list);
	ui_edit_free(&c->search);
	free(c->search_text);
	free(c);
}

static int64_t selected_client(ui_screen *s)
{
	clients_state *c = s->st;
	const client_row *r = ui_list_selected(&c->list);

	return r ? r->id : 0;
}

static const ui_screen_ops clients_ops = {
	.name = N_("Clients"),
	.contexts = contexts,
	.hints = hints,
	UI_LIST_AT(clients_state, list, 2),
	.draw = draw,
	.key = key,
	.resume = resume,
	.close = close_clients,
	.cursor = cursor,
	.client = selected_client,
};

ui_screen ui_clients_screen(ui_app *app)
{
	clients_state *c = xcalloc(1, sizeof *c);
	ui_list_source src = { c, src_fetch, src_count, src_free, src_draw };
	ui_screen s = { &clients_ops, c, UI_D_BODY };

	c->app = app;
	c->kind = -1;
	ui_edit_init(&c->search, STORE_NAME_MAX, false);
	c->search_text = xstrdup("");
	ui_list_init(&c->list, &src);
	apply_filter(c);
	ui_list_reload(&c->list, ui_list_rows(app, clients_ops.list_used));
	return s;
}

void ui_clients_focus(ui_app *app, int64_t client_id)
{
	for (int i = app->depth - 1; i >= 0; i--)
		if (app->stack[i].ops == &clients_ops)
			((clients_state *)app->stack[i].st)->focus_id = client_id;
}
