/*
 * screen_providers.c - the provider register (事業所): every provider
 * with its kinds of service, contact person and phone.  n adds one, e
 * edits (the form of its described fields), d deletes after asking (the
 * store refuses while a plan row links to it and the message says
 * where).  Opened to pick (the plan's L), Enter gives the selected
 * provider to the caller and closes; otherwise Enter edits.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct providers_state {
	service_provider *v;
	size_t n;
	void **items;
	ui_array_source arr;
	ui_list list;
	int64_t pending;        /* the provider a delete asks about */
	ui_provider_fn fn;      /* picking: who gets the provider; NULL: the register */
	void *arg;
} providers_state;

static const ui_screen_ops providers_ops;

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const service_provider *p = row;
	int cx = x + 2, nw = (width - 2 - 16) / 2;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	ui_put(w, y, cx, nw - 1, p->name, true);
	cx += nw;
	ui_put(w, y, cx, nw - 1, p->contact_person[0] ? p->contact_person : p->service_kinds, true);
	cx += nw;
	ui_put(w, y, cx, x + width - cx, p->phone, true);
	if (sel)
		wmove(w, y, x);
}

static void load(ui_app *app, providers_state *ps, int64_t select)
{
	ui_list_source src;
	tsu_err e;

	ui_list_free(&ps->list);
	record_free_list(&rt_service_provider, ps->v, ps->n);
	free(ps->items);
	ps->v = NULL;
	ps->n = 0;
	if (store_record_list(app->db, &rt_service_provider, STORE_PROVIDERS, (void **)&ps->v, &ps->n, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	ps->items = xcalloc(ps->n ? ps->n : 1, sizeof *ps->items);
	for (size_t i = 0; i < ps->n; i++)
		ps->items[i] = &ps->v[i];
	ps->arr.items = ps->items;
	ps->arr.n = ps->n;
	ps->arr.draw_row = draw_row;
	ps->arr.draw_ctx = ps;
	ui_array_source_make(&ps->arr, &src);
	ui_list_init(&ps->list, &src);
	ui_list_reload(&ps->list, ui_list_rows(app, providers_ops.list_used));
	for (size_t i = 0; select && i < ps->n; i++)
		if (ps->v[i].id == select)
			for (size_t k = 0; k < i; k++)
				ui_list_action(&ps->list, UA_DOWN);
}

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint reg[] = {
		{ UA_PROVIDER_ADD, N_("add") }, { UA_OPEN, N_("edit") },
		{ UA_PROVIDER_DELETE, N_("delete") }, { UA_BACK, N_("back") },
		{ UA_HELP, N_("help") }, { UA_NONE, NULL },
	};
	static const ui_hint pick[] = {
		{ UA_OPEN, N_("pick") }, { UA_PROVIDER_ADD, N_("add") },
		{ UA_PROVIDER_EDIT, N_("edit") }, { UA_BACK, N_("back") },
		{ UA_HELP, N_("help") }, { UA_NONE, NULL },
	};
	providers_state *ps = s->st;
	return ps->fn ? pick : reg;
}

static void draw(ui_app *app, ui_screen *s)
{
	providers_state *ps = s->st;
	int nw = (app->cols - 2 - 16) / 2;

	if (s->dirty & UI_D_BODY) {
		wattron(stdscr, A_BOLD);
		ui_put_raw(stdscr, app->body_y, 0, app->cols,
			   ps->fn ? _("Pick the row's provider: Enter links it; n adds one to the register.")
				  : _("Provider register (事業所): plan rows link to these; one edit reaches every print."), true);
		wattroff(stdscr, A_BOLD);
		wattron(stdscr, A_UNDERLINE);
		ui_put_raw(stdscr, app->body_y + 1, 0, 2, "", true);
		ui_put_raw(stdscr, app->body_y + 1, 2, nw, _("provider name"), true);
		ui_put_raw(stdscr, app->body_y + 1, 2 + nw, nw, _("contact person"), true);
		ui_put_raw(stdscr, app->body_y + 1, 2 + 2 * nw, app->cols - 2 - 2 * nw, _("phone"), true);
		wattroff(stdscr, A_UNDERLINE);
		ps->list.dirty |= UI_LIST_ALL;
	}
	ui_list_draw(&ps->list, stdscr, app->body_y + 2, 0, app->cols);
	if (ps->n == 0)
		ui_put_raw(stdscr, app->body_y + 2, 2, app->cols - 2, _("No providers yet; n adds one."), true);
}

static void confirm_delete(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	providers_state *ps = s->st;
	tsu_err e;

	if (yes && ps->pending) {
		if (store_record_delete(app->db, &rt_service_provider, ps->pending, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
		else
			ui_message(app, "%s", _("The provider was deleted."));
		load(app, ps, 0);
	}
	ps->pending = 0;
	s->dirty |= UI_D_BODY;
}

static void edit(ui_app *app, const service_provider *p)
{
	if (p)
		ui_push(app, ui_record_form(app, &rt_service_provider, 0, p->id));
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	providers_state *ps = s->st;
	const service_provider *p = ui_list_selected(&ps->list);

	if (ui_list_action(&ps->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_OPEN:
		if (p && ps->fn) {
			ui_provider_fn fn = ps->fn;
			void *arg = ps->arg;
			int64_t id = p->id;
			ui_pop(app);
			fn(app, arg, id);
			return true;
		}
		edit(app, p);
		return true;
	case UA_PROVIDER_EDIT:
		edit(app, p);
		return true;
	case UA_PROVIDER_ADD:
		ui_push(app, ui_record_form(app, &rt_service_provider, 0, 0));
		return true;
	case UA_PROVIDER_DELETE: {
		char *q = xasprintf(_("Delete %s from the register? It cannot be undone."), p->name);
		ps->pending = p->id;
		ui_confirm(app, q, confirm_delete, s);
		free(q);
		return true;
	}
	default:
		return false;
	}
}

/* Back from a form: the list as stored, the same provider selected. */
static void resume(ui_app *app, ui_screen *s)
{
	providers_state *ps = s->st;
	const service_provider *p = ui_list_selected(&ps->list);
	load(app, ps, p ? p->id : 0);
	s->dirty |= UI_D_BODY;
}

static void close_providers(ui_app *app, ui_screen *s)
{
	providers_state *ps = s->st;
	ui_list_free(&ps->list);
	record_free_list(&rt_service_provider, ps->v, ps->n);
	free(ps->items);
	free(ps);
}

static const ui_screen_ops providers_ops = {
	.name = N_("Providers"),
	UI_CTX(UK_PROVIDERS, UK_LIST, UK_GLOBAL),
	.hints = hints,
	UI_LIST_AT(providers_state, list, 2),
	.draw = draw,
	.key = key,
	.resume = resume,
	.close = close_providers,
};

ui_screen ui_providers_screen(ui_app *app, ui_provider_fn fn, void *arg)
{
	providers_state *ps = xcalloc(1, sizeof *ps);
	ui_screen s = { &providers_ops, ps, UI_D_BODY };

	ps->fn = fn;
	ps->arg = arg;
	load(app, ps, 0);
	return s;
}
