/*
 * screen_notes.c - progress notes: one client's, newest first, with the
 * selected note in full beside (or under) the list; or, opened with no
 * client (N), a search across every client's written records: notes,
 * intakes, assessments and monitorings (store_text_search does the
 * matching), narrowed by f to dates and one kind; each hit shows the
 * client, date, kind and the text around the match, and Enter opens the
 * record.  n adds, e or Enter edits in the generic note form; x marks the
 * note's dated next step done (it leaves the alarm list).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_search.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/xalloc.h"

enum { SEARCH_LIMIT = 200 };

typedef struct notes_state {
	ui_app *app;
	int64_t client_id;      /* 0: search every client's notes */
	char *client_name;
	/* One client's notes. */
	note *notes;
	size_t nnotes;
	/* Search hits, and the search's filters. */
	text_hit *hits;
	size_t nhits;
	bool more;
	date_t from, to;
	unsigned kinds;         /* one TS_ bit, or 0 for every kind */
	ui_edit query;
	bool typing;
	void **items;
	ui_array_source arr;
	ui_list list;
	int64_t pending_delete;
} notes_state;

static bool wide(ui_app *app)
{
	return app->cols >= 120;
}

static int list_height(ui_app *app)
{
	int h = wide(app) ? app->body_h - 2 : (app->body_h - 2) / 2;
	return h > 1 ? h : 1;
}

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel);

static void free_rows(notes_state *ns)
{
	ui_list_free(&ns->list);
	if (ns->notes)
		record_free_list(&rt_note, ns->notes, ns->nnotes);
	ns->notes = NULL;
	ns->nnotes = 0;
	text_hit_free_list(ns->hits, ns->nhits);
	ns->hits = NULL;
	ns->nhits = 0;
	x_free(&ns->items);
}

static bool has_id(const void *row, void *arg)
{
	return REC_ID(row) == *(int64_t *)arg;
}

/* Whether any of a note's texts holds the query (folded: kana, width,
 * case). */
static bool note_matches(const note *n, const char *q)
{
	const char *const t[] = { n->subjective, n->objective, n->assessment, n->plan,
				  n->fact, n->interpretation, n->next_step };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (text_fold_contains(t[i], q))
			return true;
	return false;
}

static void load(notes_state *ns, int64_t select_id)
{
	ui_app *app = ns->app;
	ui_list_source src;
	size_t n = 0;
	tsu_err e;

	free_rows(ns);
	if (ns->client_id) {
		void *v = NULL;
		if (store_record_list(app->db, &rt_note, ns->client_id, &v, &ns->nnotes, &e) != TSU_OK) {
			ui_error(app, "%s", e.msg);
			ns->nnotes = 0;
		}
		ns->notes = v;
		/* "/" on one client's notes filters them as you type, the
		 * way the client list does. */
		char *q = ui_edit_get(&ns->query);
		ns->items = xcalloc(ns->nnotes ? ns->nnotes : 1, sizeof *ns->items);
		for (size_t i = 0; i < ns->nnotes; i++)
			if (!q[0] || note_matches(&ns->notes[i], q))
				ns->items[n++] = &ns->notes[i];
		free(q);
	} else {
		char *q = ui_edit_get(&ns->query);
		char *t = text_trim(q);
		text_query tq = { t, ns->from, ns->to, ns->kinds };
		if (t[0] && store_text_search(app->db, &tq, SEARCH_LIMIT, 0, &ns->hits, &ns->nhits,
					      &ns->more, &e) != TSU_OK) {
			ui_error(app, "%s", e.msg);
			ns->nhits = 0;
		}
		free(t);
		free(q);
		n = ns->nhits;
		ns->items = xcalloc(n ? n : 1, sizeof *ns->items);
		for (size_t i = 0; i < n; i++)
			ns->items[i] = &ns->hits[i];
	}
	ns->arr.items = ns->items;
	ns->arr.n = n;
	ns->arr.draw_row = draw_row;
	ns->arr.draw_ctx = ns;
	ui_array_source_make(&ns->arr, &src);
	ui_list_init(&ns->list, &src);
	ui_list_reload(&ns->list, list_height(app));
	if (select_id && ns->client_id)
		ui_list_seek(&ns->list, has_id, &select_id);
}

/* ---- drawing ---- */

static const char *first_text(const note *n)
{
	const char *const t[] = { n->subjective, n->objective, n->assessment, n->plan,
				  n->fact, n->interpretation, n->next_step };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i][0])
			return t[i];
	return "";
}

/* A hit's kind as its row shows it: a note by its own kind (電話). */
static const char *hit_kind(const text_hit *h)
{
	return h->kind == TS_NOTE && h->note_kind[0] ? store_enum_label(h->note_kind)
						     : _(store_text_kind_label(h->kind));
}

/* The record a hit points to, and its type. */
static const record_type *hit_type(const text_hit *h)
{
	switch (h->kind) {
	case TS_INTAKE: return &rt_intake;
	case TS_ASSESSMENT: return &rt_assessment;
	case TS_MONITORING: return &rt_monitoring;
	default: return &rt_note;
	}
}

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	notes_state *ns = ctx;
	char head[128], iso[DATE_ISO_LEN];
	int cx = x + 2;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	if (ns->client_id) {
		const note *n = row;
		date_format_iso(n->noted_on, iso);
		snprintf(head, sizeof head, "%s %-5s %s", iso, n->noted_at, store_enum_label(n->kind));
		cx += ui_put(w, y, cx, width - 2, head, false);
		cx += ui_put_raw(w, y, cx, 1, " ", false);
		if (n->minutes != FIELD_INT_NULL) {
			snprintf(head, sizeof head, _("%dmin "), n->minutes);
			cx += ui_put_raw(w, y, cx, x + width - cx, head, false);
		}
		ui_put(w, y, cx, x + width - cx, first_text(n), true);
	} else {
		const text_hit *h = row;
		int nw = width / 5 > 14 ? 14 : width / 5, kw = 13;
		char *words = ui_edit_get(&ns->query), *snip = store_text_snippet(h->text, words, 1 << 20);
		date_format_iso(h->on, iso);
		snprintf(head, sizeof head, "%s ", iso);
		cx += ui_put_raw(w, y, cx, width - 2, head, false);
		ui_put_cut(w, y, cx, nw - 1, h->client_name, true);
		ui_put_raw(w, y, cx + nw - 1, 1, " ", false);
		cx += nw;
		ui_put_raw(w, y, cx, kw, hit_kind(h), true);
		cx += kw;
		/* The text from its start when it fits, else from a little
		 * before the match. */
		if (text_width(snip) > x + width - cx) {
			free(snip);
			snip = store_text_snippet(h->text, words, 6);
		}
		ui_put_cut(w, y, cx, x + width - cx, snip, true);
		free(snip);
		free(words);
	}
	if (sel)
		wmove(w, y, x);
}

static char *preview_text(notes_state *ns)
{
	const void *row = ui_list_selected(&ns->list);

	if (!row)
		return xstrdup("");
	if (ns->client_id)
		return ui_record_text(&rt_note, row, NULL);
	{
		const text_hit *h = row;
		const record_type *rt = hit_type(h);
		void *rec = xcalloc(1, rt->size);
		char iso[DATE_ISO_LEN], *t, *out;
		tsu_err e;
		record_init(rt, rec);
		if (store_record_get(ns->app->db, rt, h->record_id, rec, &e) != TSU_OK) {
			record_free(rt, rec);
			free(rec);
			return xstrdup(e.msg);
		}
		date_format_iso(h->on, iso);
		t = ui_record_text(rt, rec, NULL);
		/* The matching field first: an assessment's or a
		 * monitoring's match may be in one of its rows. */
		out = xasprintf("%s  %s  %s\n%s: %s\n\n%s", h->client_name, iso, hit_kind(h),
				_(h->field), h->text, t);
		free(t);
		record_free(rt, rec);
		free(rec);
		return out;
	}
}

/* The search's count and filters, for the right end of its line:
 * "12 found  intake  2026-10-01~2026-11-30". */
static void filters_line(notes_state *ns, char *line, size_t n)
{
	char from[DATE_ISO_LEN] = "", to[DATE_ISO_LEN] = "";
	int len = snprintf(line, n, ns->more ? _("%zu+ found") : _("%zu found"), ns->nhits);

	if (ns->kinds && len > 0 && (size_t)len < n)
		len += snprintf(line + len, n - (size_t)len, "  %s", _(store_text_kind_label(ns->kinds)));
	if (ns->from != DATE_NONE)
		date_format_iso(ns->from, from);
	if (ns->to != DATE_NONE)
		date_format_iso(ns->to, to);
	if ((from[0] || to[0]) && len > 0 && (size_t)len < n) {
		line[len++] = ' ';
		line[len++] = ' ';
		/* TRANSLATORS: a range of dates, either end may be empty. */
		snprintf(line + len, n - (size_t)len, _("%s~%s"), from, to);
	}
}

/* The width of that part: more when there are filters to show. */
static int right_w(const notes_state *ns)
{
	return ns->kinds || ns->from != DATE_NONE || ns->to != DATE_NONE ? 46 : 24;
}

static void draw(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	int y = app->body_y, lw = wide(app) ? app->cols / 2 : app->cols;
	char line[512];

	if (ns->client_id) {
		bool filtered = ns->typing || ns->query.len;
		snprintf(line, sizeof line, _("Notes of %s: %zu"), ns->client_name,
			 filtered ? ns->arr.n : ns->nnotes);
		wattron(stdscr, A_BOLD);
		ui_put(stdscr, y, 0, filtered ? app->cols / 2 : app->cols, line, true);
		wattroff(stdscr, A_BOLD);
		if (filtered) {
			int x = app->cols / 2 + ui_put_raw(stdscr, y, app->cols / 2, app->cols / 2, "/", false);
			ui_edit_draw(&ns->query, stdscr, y, x, app->cols - x, ns->typing);
		}
	} else {
		int x = ui_put_raw(stdscr, y, 0, app->cols / 2, _("Search all records: "), false);
		ui_edit_draw(&ns->query, stdscr, y, x, app->cols - x - right_w(ns), ns->typing);
		filters_line(ns, line, sizeof line);
		ui_put_raw(stdscr, y, app->cols - right_w(ns), right_w(ns), line, true);
	}
	ns->list.dirty |= UI_LIST_ALL;
	ui_list_draw(&ns->list, stdscr, y + 1, 0, lw);
	for (int r = y + 1 + (int)ns->list.nrows; r < y + 1 + list_height(app); r++)
		ui_put_raw(stdscr, r, 0, lw, "", true);
	if (ns->list.nrows == 0)
		ui_put_raw(stdscr, y + 1, 2, lw - 2,
			   !ns->client_id ? _("Type what to look for and press Enter.")
			   : ns->query.len ? _("No note of this client holds that text.")
			   : _("No notes yet. Press n to add one."), true);
	{
		char *t = preview_text(ns);
		if (wide(app)) {
			for (int r = y + 1; r < app->body_y + app->body_h; r++)
				ui_put_raw(stdscr, r, lw, 1, "|", false);
			ui_draw_wrapped(stdscr, y + 1, lw + 2, app->body_h - 1, app->cols - lw - 2, t);
		} else {
			int py = y + 1 + list_height(app);
			ui_put_raw(stdscr, py, 0, app->cols, "", true);
			mvwhline(stdscr, py, 0, '-', app->cols);
			ui_draw_wrapped(stdscr, py + 1, 0, app->body_y + app->body_h - py - 1, app->cols, t);
		}
		free(t);
	}
	if (ns->typing && ns->client_id)
		ui_edit_draw(&ns->query, stdscr, y, app->cols / 2 + 1, app->cols - app->cols / 2 - 1, true);
	else if (ns->typing)
		ui_edit_draw(&ns->query, stdscr, y, text_width(_("Search all records: ")),
			     app->cols - text_width(_("Search all records: ")) - right_w(ns), true);
	else if (ns->list.nrows)
		wmove(stdscr, y + 1 + (int)ns->list.sel, 0);
}

/* ---- keys ---- */

static const ui_context list_ctx[] = { UK_NOTES, UK_RECORD, UK_LIST, UK_GLOBAL };
static const ui_context typing_ctx[] = { UK_SEARCH, UK_EDIT };

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	notes_state *ns = s->st;
	if (ns->typing) {
		*ctx = typing_ctx;
		*n = sizeof typing_ctx / sizeof typing_ctx[0];
	} else {
		*ctx = list_ctx;
		*n = sizeof list_ctx / sizeof list_ctx[0];
	}
}

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint client_h[] = {
		{ UA_HELP, N_("help") }, { UA_ROW_ADD, N_("add") }, { UA_ROW_EDIT, N_("edit") },
		{ UA_ROW_DELETE, N_("delete") }, { UA_NEXT_DONE, N_("step done") }, { UA_PRINT, N_("print") },
		{ UA_SEARCH, N_("search") }, { UA_NOTES_SEARCH, N_("search all") },
		{ UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	static const ui_hint search_h[] = {
		{ UA_HELP, N_("help") }, { UA_SEARCH, N_("search") }, { UA_SEARCH_FILTER, N_("dates, kind") },
		{ UA_OPEN, N_("open") }, { UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	notes_state *ns = s->st;
	return ns->client_id ? client_h : search_h;
}

static void confirm_delete(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	notes_state *ns = s->st;
	tsu_err e;

	if (!yes || !ns->pending_delete)
		return;
	if (store_record_delete(app->db, &rt_note, ns->pending_delete, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", _("Deleted."));
	ns->pending_delete = 0;
	load(ns, 0);
}

/* x: the selected note's dated next step done today, or again not done. */
static void toggle_next_done(ui_app *app, notes_state *ns, int64_t id)
{
	note n;
	tsu_err e;
	bool undo;
	int rc;

	if (store_record_get(app->db, &rt_note, id, &n, &e) != TSU_OK) {
		record_free(&rt_note, &n);
		ui_error(app, "%s", e.msg);
		return;
	}
	undo = n.next_on != DATE_NONE && n.next_done_on != DATE_NONE;
	if (undo) {
		n.next_done_on = DATE_NONE;
		rc = store_record_update(app->db, &rt_note, &n, &e);
	} else {
		rc = store_note_next_done(app->db, id, app->today, &e);
	}
	if (rc != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", undo ? _("Next step marked not done.") : _("Next step marked done today."));
	record_free(&rt_note, &n);
	load(ns, id);
}

/* Enter on a hit: the record itself, on its own screen. */
static void open_hit(ui_app *app, const text_hit *h)
{
	switch (h->kind) {
	case TS_ASSESSMENT:
		ui_push(app, ui_assessment_screen(app, h->client_id, h->record_id));
		break;
	case TS_MONITORING:
		ui_push(app, ui_monitoring_screen(app, h->client_id, h->record_id));
		break;
	default:
		ui_push(app, ui_record_form(app, hit_type(h), h->client_id, h->record_id));
		break;
	}
}

static const char *const filter_kinds[] = { "all", "note", "intake", "assessment", "monitoring", NULL };

static bool answer_filters(ui_app *app, void *arg, ui_form *f)
{
	ui_screen *s = arg;
	notes_state *ns = s->st;
	char *from = ui_field_get(&f->fields[0]), *to = ui_field_get(&f->fields[1]);
	char *kind = ui_field_get(&f->fields[2]);
	date_t a = DATE_NONE, b = DATE_NONE;
	tsu_err e;
	int rc = from[0] ? date_parse(from, &a, &e) : TSU_OK;

	if (rc == TSU_OK && to[0])
		rc = date_parse(to, &b, &e);
	if (rc == TSU_OK && a != DATE_NONE && b != DATE_NONE && a > b)
		rc = err_set(&e, TSU_EINVAL, "%s", _("search: the from date is after the to date; swap them or clear one"));
	if (rc == TSU_OK) {
		ns->from = a;
		ns->to = b;
		ns->kinds = 0;
		for (unsigned i = 1; filter_kinds[i]; i++)
			if (!strcmp(kind, filter_kinds[i]))
				ns->kinds = 1u << (i - 1);
	}
	free(from);
	free(to);
	free(kind);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	load(ns, 0);
	s->dirty |= UI_D_BODY;
	return true;
}

/* f: the search's dates (from, to; empty is open) and one kind or all. */
static void ask_filters(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	const char *labels[6];
	char from[DATE_ISO_LEN] = "", to[DATE_ISO_LEN] = "";
	const char *kind = "all";
	ui_prompt_field f[3];

	labels[0] = _("every kind");
	for (size_t i = 1; filter_kinds[i]; i++)
		labels[i] = _(store_text_kind_label(1u << (i - 1)));
	labels[5] = NULL;
	for (size_t i = 1; filter_kinds[i]; i++)
		if (ns->kinds == 1u << (i - 1))
			kind = filter_kinds[i];
	if (ns->from != DATE_NONE)
		date_format_iso(ns->from, from);
	if (ns->to != DATE_NONE)
		date_format_iso(ns->to, to);
	f[0] = (ui_prompt_field){ "from", _("from (date)"), UI_F_DATE, 40, from, NULL, NULL };
	f[1] = (ui_prompt_field){ "to", _("to (date)"), UI_F_DATE, 40, to, NULL, NULL };
	f[2] = (ui_prompt_field){ "kind", _("kind of record"), UI_F_CHOICE, 0, kind, filter_kinds, labels };
	ui_push(app, ui_prompt_screen(app, _("Narrow the search"),
				      _("Empty dates leave that end open. F2 applies, Esc leaves it as it was."),
				      f, 3, answer_filters, s));
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	notes_state *ns = s->st;
	const void *row = ui_list_selected(&ns->list);

	if (ns->typing) {
		/* Esc on the empty search of every note: nothing to search,
		 * so the worker wants out, as the hint's "back" says. */
		if (a == UA_SEARCH_CLEAR && !ns->client_id && ns->query.len == 0 && ns->list.nrows == 0) {
			ui_pop(app);
			return true;
		}
		if (a == UA_SEARCH_KEEP || a == UA_SEARCH_CLEAR) {
			ns->typing = false;
			if (a == UA_SEARCH_CLEAR && ns->client_id)
				ui_edit_set(&ns->query, "");
			if (a == UA_SEARCH_KEEP || ns->client_id)
				load(ns, 0);
		} else if (ns->query.len == 0 &&
			   ui_keys_lookup(&app->keys, list_ctx, sizeof list_ctx / sizeof list_ctx[0], k) == UA_SEARCH) {
			/* The search key ("/", bind.search) starts a search
			 * on every list: typed into an empty search, it is
			 * that key, not the text. */
		} else if (!ui_edit_apply(&ns->query, a) && a == UA_NONE && !UI_IS_FN(k) && k >= 0x20) {
			ui_edit_insert(&ns->query, k);
			if (ns->client_id)
				load(ns, 0);
		} else if (ns->client_id) {
			load(ns, 0);
		}
		s->dirty |= UI_D_BODY;
		return true;
	}
	if (ui_list_action(&ns->list, a)) {
		s->dirty |= UI_D_BODY;
		return true;
	}
	switch (a) {
	case UA_SEARCH:
		ns->typing = true;
		s->dirty |= UI_D_BODY;
		return true;
	case UA_NOTES_SEARCH:
		if (!ns->client_id) {
			ns->typing = true;
			s->dirty |= UI_D_BODY;
			return true;
		}
		return false;
	case UA_ROW_ADD:
		if (ns->client_id)
			ui_push(app, ui_record_form(app, &rt_note, ns->client_id, 0));
		return true;
	case UA_OPEN:
	case UA_ROW_EDIT:
		if (!row)
			return true;       /* Enter on an empty list */
		if (ns->client_id)
			ui_push(app, ui_record_form(app, &rt_note, ns->client_id, REC_ID(row)));
		else
			open_hit(app, row);
		return true;
	case UA_SEARCH_FILTER:
		if (!ns->client_id)
			ask_filters(app, s);
		return true;
	case UA_PRINT:
	case UA_SEND:
		ui_print_record(app, ns->client_id, a == UA_SEND);
		return true;
	case UA_NEXT_DONE:
		if (ns->client_id)
			toggle_next_done(app, ns, REC_ID(row));
		s->dirty |= UI_D_BODY;
		return true;
	case UA_ROW_DELETE:
		if (!ns->client_id)
			return true;
		ns->pending_delete = REC_ID(row);
		ui_confirm(app, _("Delete this progress note? It cannot be undone."), confirm_delete, s);
		return true;
	default:
		return false;
	}
}

static void resize(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	ui_list_resize(&ns->list, list_height(app));
	s->dirty |= UI_D_BODY;
}

static void resume(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	const void *row = ui_list_selected(&ns->list);
	int64_t saved = ui_take_saved(app, &rt_note);

	load(ns, saved && ns->client_id ? saved : row && ns->client_id ? REC_ID(row) : 0);
	s->dirty |= UI_D_BODY;
}

/* The search of every record prints nothing: a note is one client's. */
static unsigned has(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	unsigned h = ui_list_has(&ns->list);

	return ns->client_id ? h : h & ~(unsigned)UI_NEED_PRINTABLE;
}

static bool cursor(ui_screen *s)
{
	notes_state *ns = s->st;
	return ns->typing;
}

static void close_notes(ui_app *app, ui_screen *s)
{
	notes_state *ns = s->st;
	free_rows(ns);
	ui_edit_free(&ns->query);
	free(ns->client_name);
	free(ns);
}

static const ui_screen_ops notes_ops = {
	.name = N_("Notes"),
	.contexts = contexts,
	.hints = hints,
	.has = has,
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_notes,
	.cursor = cursor,
};

/* The same screen, named for what it does when it searches every record. */
static const ui_screen_ops search_ops = {
	.name = N_("Search"),
	.contexts = contexts,
	.hints = hints,
	.has = has,
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_notes,
	.cursor = cursor,
};

ui_screen ui_notes_screen(ui_app *app, int64_t client_id)
{
	notes_state *ns = xcalloc(1, sizeof *ns);
	ui_screen s = { client_id ? &notes_ops : &search_ops, ns, UI_D_BODY };

	ns->app = app;
	ns->client_id = client_id;
	ui_edit_init(&ns->query, 200, false);
	ns->from = ns->to = DATE_NONE;
	if (client_id) {
		client c;
		tsu_err e;
		if (store_client_get(app->db, client_id, &c, &e) == TSU_OK)
			ns->client_name = xstrdup(c.name);
		else
			ns->client_name = xstrdup("?");
		client_free(&c);
	} else {
		ns->client_name = xstrdup("");
		ns->typing = true;
	}
	load(ns, 0);
	return s;
}
