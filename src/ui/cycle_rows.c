/*
 * cycle_rows.c - a record above the list of its rows, the shape of the
 * assessment, plan, monitoring and meeting screens (ui_rows.h).  The
 * record is edited in the generic form (E), its rows in child forms.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	ui_rows *r = ctx;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	r->draw_row(r, w, y, x + 2, width - 2, row, sel);
	if (sel)
		wmove(w, y, x);
}

static void free_rows(ui_rows *r)
{
	ui_list_free(&r->list);
	if (r->rows)
		record_free_list(r->crt, r->rows, r->nrows);
	r->rows = NULL;
	r->nrows = 0;
	x_free(&r->items);
}

static bool has_id(const void *row, void *arg)
{
	return REC_ID(row) == *(int64_t *)arg;
}

int ui_rows_head_height(const ui_rows *r)
{
	int h = (r->app->body_h - 2) / 2;
	return h < 3 ? 3 : h;
}

static int list_height(const ui_rows *r)
{
	return ui_list_rows(r->app, 2 + ui_rows_head_height(r));
}

bool ui_rows_load(ui_rows *r, int64_t select_id)
{
	ui_app *app = r->app;
	size_t keep = r->items ? ui_list_selected_index(&r->list) : 0;
	ui_list_source src;
	tsu_err e;
	void *v = NULL;

	free_rows(r);
	if (!r->client_name) {
		client c;
		r->client_name = store_client_get(app->db, r->client_id, &c, &e) == TSU_OK
			? xstrdup(c.name) : xstrdup("?");
		client_free(&c);
	}
	if (!r->rec)
		r->rec = xcalloc(1, r->rt->size);
	else if (r->have)
		record_free(r->rt, r->rec);
	r->have = store_record_get(app->db, r->rt, r->id, r->rec, &e) == TSU_OK;
	if (!r->have) {
		record_init(r->rt, r->rec);
		ui_error(app, "%s", e.msg);
		record_free(r->rt, r->rec);
		memset(r->rec, 0, r->rt->size);
	}
	if (r->have && store_record_list(app->db, r->crt, r->id, &v, &r->nrows, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		v = NULL;
		r->nrows = 0;
	}
	r->rows = v;
	r->items = xcalloc(r->nrows ? r->nrows : 1, sizeof *r->items);
	for (size_t i = 0; i < r->nrows; i++)
		r->items[i] = (char *)r->rows + i * r->crt->size;
	r->arr.items = r->items;
	r->arr.n = r->nrows;
	r->arr.draw_row = draw_row;
	r->arr.draw_ctx = r;
	ui_array_source_make(&r->arr, &src);
	ui_list_init(&r->list, &src);
	ui_list_reload(&r->list, list_height(r));
	if (select_id)
		ui_list_seek(&r->list, has_id, &select_id);
	else if (keep)
		ui_list_move(&r->list, (long)(keep < r->nrows ? keep : r->nrows - 1));
	return r->have;
}

void ui_rows_free(ui_rows *r)
{
	free_rows(r);
	if (r->rec) {
		if (r->have)
			record_free(r->rt, r->rec);
		free(r->rec);
	}
	free(r->client_name);
	free(r->extra);
	memset(r, 0, sizeof *r);
}

void ui_rows_draw(ui_rows *r, const char *title)
{
	ui_app *app = r->app;
	int hh = ui_rows_head_height(r), y = app->body_y;
	char *text = r->have ? ui_record_text(r->rt, r->rec, r->head_skip) : xstrdup("");
	int need;

	if (r->extra) {
		char *t = xasprintf("%s%s", r->extra, text);
		free(text);
		text = t;
	}
	wattron(stdscr, A_BOLD);
	ui_put(stdscr, y, 0, app->cols, title, true);
	wattroff(stdscr, A_BOLD);
	need = ui_draw_wrapped(stdscr, y + 1, 1, hh, app->cols - 1, text);
	if (need > hh) {
		char more[128];
		snprintf(more, sizeof more, _("(%d more lines: E shows every field)"), need - hh + 1);
		wattron(stdscr, A_DIM);
		ui_put_raw(stdscr, y + hh, 1, app->cols - 1, more, true);
		wattroff(stdscr, A_DIM);
	}
	free(text);
	mvwhline(stdscr, y + 1 + hh, 0, '-', app->cols);
	r->list.dirty |= UI_LIST_ALL;
	ui_list_draw(&r->list, stdscr, y + 2 + hh, 0, app->cols);
	for (int row = y + 2 + hh + (int)r->list.nrows; row < app->body_y + app->body_h; row++)
		ui_put_raw(stdscr, row, 0, app->cols, "", true);
	if (r->nrows == 0)
		ui_put_raw(stdscr, y + 2 + hh, 2, app->cols - 2, _("No rows yet. Press n to add one."), true);
	else
		wmove(stdscr, y + 2 + hh + (int)r->list.sel, 0);
}

static void confirm_delete(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	ui_rows *r = s->st;     /* every screen keeps ui_rows first */
	tsu_err e;

	if (!yes || !r->pending_delete)
		return;
	if (store_record_delete(app->db, r->crt, r->pending_delete, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", _("Deleted."));
	r->pending_delete = 0;
	ui_rows_load(r, 0);
	s->dirty |= UI_D_BODY;
}

const void *ui_rows_selected(const ui_rows *r)
{
	return r->nrows ? ui_list_selected(&r->list) : NULL;
}

/* The form of a row (id 0: a new one from init), titled with what the
 * row is about when the screen says. */
static void push_row_form(ui_app *app, ui_rows *r, int64_t id, const void *row)
{
	ui_screen f = ui_child_form(app, r->crt, r->client_id, r->id, id, id ? NULL : row);
	char *about = r->row_subtitle && f.ops ? r->row_subtitle(r, row) : NULL;

	if (about && *about)
		ui_form_title_add(&f, about);
	free(about);
	ui_push(app, f);
}

bool ui_rows_key(ui_rows *r, ui_screen *s, ui_action a)
{
	ui_app *app = r->app;
	const void *row = ui_rows_selected(r);

	if (ui_list_action(&r->list, a)) {
		s->dirty |= UI_D_BODY;
		return true;
	}
	switch (a) {
	case UA_HEADER:
		ui_push(app, ui_record_form(app, r->rt, r->client_id, r->id));
		return true;
	case UA_ROW_ADD: {
		void *init = xcalloc(1, r->crt->size);
		record_init(r->crt, init);
		if (r->init_row)
			r->init_row(r, init);
		push_row_form(app, r, 0, init);
		record_free(r->crt, init);
		free(init);
		return true;
	}
	case UA_OPEN:
	case UA_ROW_EDIT:
		if (row)
			push_row_form(app, r, REC_ID(row), row);
		return true;
	case UA_ROW_DELETE: {
		char *q = xasprintf(_("Delete this %s? It cannot be undone."), _(r->crt->label));
		r->pending_delete = REC_ID(row);
		ui_confirm(app, q, confirm_delete, s);
		free(q);
		return true;
	}
	default:
		return false;
	}
}

unsigned ui_rows_has(const ui_rows *r)
{
	unsigned h = ui_list_has(&r->list);

	return r->have ? h : h & ~(unsigned)(UI_NEED_RECORD | UI_NEED_PRINTABLE);
}

unsigned ui_rows_screen_has(ui_app *app, ui_screen *s)
{
	return ui_rows_has(s->st);
}

const char *ui_rows_screen_refusal(ui_screen *s, ui_action a, unsigned need)
{
	return a == UA_ROW_DELETE && need == UI_NEED_ROW ? _("Nothing to delete here.") : NULL;
}

void ui_rows_resize(ui_rows *r)
{
	ui_list_resize(&r->list, list_height(r));
}

void ui_rows_screen_resize(ui_app *app, ui_screen *s)
{
	ui_rows_resize((ui_rows *)s->st);
	s->dirty |= UI_D_BODY;
}

void ui_rows_screen_resume(ui_app *app, ui_screen *s)
{
	ui_rows *r = s->st;

	/* A row just saved (a new one too) is where the work goes on. */
	ui_rows_load(r, ui_take_saved(app, r->crt));
	s->dirty |= UI_D_BODY;
}

void ui_rows_screen_close(ui_app *app, ui_screen *s)
{
	ui_rows_free((ui_rows *)s->st);
	free(s->st);
}
