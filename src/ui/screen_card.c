/*
 * screen_card.c - one client's card: her basics and, tab by tab, her
 * records.  Every tab is a list of described records, so the rows, the
 * forms and the delete are the same code for contacts, certificates,
 * consents, intake and the rest.  The cycle's records (assessments,
 * plans, monitorings, notes, meetings) open their own screens on Enter;
 * the monitorings tab also shows each goal's GAS trend.  The basics tab
 * ends with the monitoring months of the plan in force and any paperwork
 * that disagrees (issue 13), from the due engine; x records a monitoring
 * month as not done, on the "Not done" tab.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due.h"
#include "tsunagi/due_report.h"
#include "tsunagi/due_source.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

static const ui_screen_ops card_ops;

/* The basics, then each record kind with a tab (REC_RECORD_KINDS), in
 * the order of enum ui_card_tab, which the same list makes. */
static struct card_tab {
	const char *label;      /* N_() */
	const record_type *rt;  /* NULL: the basics */
} tabs[UI_TAB_COUNT];
/* The tab actions (ui_keys.h) come from the same list, in the same order. */
_Static_assert((int)UA_TAB_COUNT == (int)UI_TAB_COUNT, "a tab action per tab");
_Static_assert((int)(UA_TAB_CRISIS - UA_TAB_BASICS) == (int)UI_TAB_CRISIS, "tab actions in tab order");

static void tabs_init(void)
{
	int k = 0;

	if (tabs[0].label)
		return;
	tabs[k++].label = N_("Basics");
	for (const record_type *const *t = rec_all_types; *t; t++)
		if ((*t)->tab && k < UI_TAB_COUNT) {
			tabs[k].label = (*t)->tab;
			tabs[k++].rt = *t;
		}
}

typedef struct card_state {
	ui_app *app;
	int64_t client_id;
	client c;
	bool have_client;
	enum ui_card_tab tab;
	/* The tab's rows: records (a block of n) or basics lines. */
	void *recs;
	size_t nrecs;
	char **lines;           /* basics: "label\tvalue" */
	void **items;
	size_t nitems;
	ui_array_source arr;
	ui_list list;
	int64_t pending_delete;
	gas_trend *trend;       /* the monitorings tab: each goal's GAS scores */
	size_t ntrend;
} card_state;

/* Rows the GAS trend takes under the monitorings list. */
static int trend_height(const card_state *cs)
{
	int h = cs->ntrend ? (int)cs->ntrend + 1 : 0;
	int max = (cs->app->body_h - 2) / 2;
	return h > max ? max : h;
}

/* The Plans tab has a line of column headings above its rows. */
static int head_rows(const card_state *cs)
{
	return cs->tab == UI_TAB_PLANS ? 1 : 0;
}

static int tab_list_height(const card_state *cs)
{
	int h = ui_list_rows(cs->app, 2) - trend_height(cs) - head_rows(cs);
	return h > 1 ? h : 1;
}

/* The Plans tab's fixed columns: stage, period, interval, consented,
 * written (x offsets from the row's start; the last runs to the end). */
static const int plan_cols[] = { 2, 14, 38, 52, 64 };

static void draw_plan_cells(ui_win *w, int y, int x, int width, const char *const cell[5])
{
	for (int i = 0; i < 5; i++) {
		int cx = x + plan_cols[i];
		int cw = i < 4 ? plan_cols[i + 1] - plan_cols[i] - 1 : width - plan_cols[i];
		if (cw < 1 || plan_cols[i] >= width)
			break;
		ui_put(w, y, cx, cw, cell[i], true);
		if (i < 4)
			ui_put_raw(w, y, cx + cw, 1, " ", false);
	}
}

static void draw_plan_row(ui_win *w, int y, int x, int width, const plan *p)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN], on[DATE_ISO_LEN], wr[DATE_ISO_LEN];
	char period[32], every[64];
	const char *cell[5];

	date_format_iso(p->period_from, from);
	date_format_iso(p->period_to, to);
	date_format_iso(p->consented_on, on);
	date_format_iso(p->written_on, wr);
	snprintf(period, sizeof period, "%s〜%s", from, to);
	if (p->monitoring_months == 1)
		snprintf(every, sizeof every, "%s", _("monthly"));
	else
		snprintf(every, sizeof every, _("every %d months"), p->monitoring_months);
	cell[0] = store_enum_label(p->stage);
	cell[1] = period;
	cell[2] = every;
	cell[3] = on[0] ? on : "-";
	cell[4] = wr[0] ? wr : "-";
	draw_plan_cells(w, y, x, width, cell);
}

/* ---- rows ---- */

static char *summary(const record_type *rt, const void *rec)
{
	strbuf b;
	int shown = 0;

	sb_init(&b);
	for (size_t i = 0; i < rt->nfields && shown < 6; i++) {
		const field *f = &rt->fields[i];
		char *v;

		if (f->flags & (FF_HIDDEN | FF_PARENT))
			continue;
		v = record_get(f, rec);
		if (v[0]) {
			const char *show = v;
			if (f->type == FT_CHOICE)
				show = store_enum_label(v);
			else if (f->type == FT_BOOL)
				show = strcmp(v, "yes") == 0 ? _(f->label) : NULL;
			if (show) {
				sb_addf(&b, "%s%s", b.len ? "  " : "", show);
				shown++;
			}
		}
		free(v);
	}
	return b.s ? sb_steal(&b) : xstrdup("");
}

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	card_state *cs = ctx;

	if (sel)
		wattron(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x, 1, sel ? ">" : " ", false);
	if (sel)
		wattroff(w, A_REVERSE | A_BOLD);
	ui_put_raw(w, y, x + 1, 1, " ", false);
	if (cs->tab == UI_TAB_BASICS) {
		const char *line = row;
		const char *tab = strchr(line, '\t');
		int lw = width / 3 > 24 ? 24 : width / 3;
		char *label = xstrndup(line, (size_t)(tab - line));
		ui_put_raw(w, y, x + 2, lw, label, true);
		ui_put_cut(w, y, x + 2 + lw, width - 2 - lw, tab + 1, true);
		free(label);
	} else if (cs->tab == UI_TAB_PLANS) {
		draw_plan_row(w, y, x, width, row);
	} else {
		char *s = summary(tabs[cs->tab].rt, row);
		ui_put_cut(w, y, x + 2, width - 2, s, true);
		free(s);
	}
	if (sel)
		wmove(w, y, x);
}

static void free_tab(card_state *cs)
{
	const record_type *rt = tabs[cs->tab].rt;

	ui_list_free(&cs->list);
	if (cs->recs)
		record_free_list(rt, cs->recs, cs->nrecs);
	cs->recs = NULL;
	cs->nrecs = 0;
	for (size_t i = 0; cs->lines && i < cs->nitems; i++)
		free(cs->lines[i]);
	x_free(&cs->lines);
	x_free(&cs->items);
	cs->nitems = 0;
	gas_trend_free(cs->trend, cs->ntrend);
	cs->trend = NULL;
	cs->ntrend = 0;
}

/* The client's monitoring and mismatch items for all of time, from the
 * engine (the same rules as the alarm list). */
static bool client_due(card_state *cs, due_source *src, due_list *l)
{
	due_query q = { cs->app->today, date_from_ymd(1900, 1, 1), date_from_ymd(2399, 12, 31), true,
			(1u << DUE_MONITORING) | (1u << DUE_MISMATCH) };
	tsu_err e;

	memset(l, 0, sizeof *l);
	if (due_source_load_client(cs->app->db, cs->client_id, src, &e) != TSU_OK) {
		ui_error(cs->app, "%s", e.msg);
		return false;
	}
	due_compute(&src->in, &q, l);
	return true;
}

/* "monitoring months  2025-12 done, 2026-03 not done: in hospital, 2026-06"
 * and one line per paperwork mismatch. */
static void add_due_lines(card_state *cs)
{
	due_source src;
	due_list l;
	strbuf b;

	if (!client_due(cs, &src, &l))
		return;
	sb_init(&b);
	for (size_t i = 0; i < l.n; i++) {
		const due_item *it = &l.items[i];
		int y, m;

		if (it->kind != DUE_MONITORING)
			continue;
		month_to_ym(it->month, &y, &m);
		sb_addf(&b, "%s%04d-%02d", b.len ? ", " : "", y, m);
		if (it->state == DUE_DONE)
			sb_addf(&b, " %s", _("done"));
		else if (it->state == DUE_NOT_DONE)
			sb_addf(&b, " %s: %s", _("not done"), store_enum_label(it->text ? it->text : ""));
		else if (it->state == DUE_OVERDUE)
			sb_addf(&b, " %s", _("missed"));
	}
	if (b.len && cs->nitems < 30)
		cs->lines[cs->nitems++] = xasprintf("%s\t%s", _("monitoring months"), b.s);
	sb_free(&b);
	for (size_t i = 0; i < l.n && cs->nitems < 31; i++) {
		char *what;

		if (l.items[i].kind != DUE_MISMATCH)
			continue;
		what = due_item_detail(&l.items[i]);
		cs->lines[cs->nitems++] = xasprintf("%s\t%s", _("paperwork"), what);
		free(what);
	}
	due_list_free(&l);
	due_source_free(&src);
}

/* x: a new "not done" record, for the month that most needs one: the
 * latest monitoring month up to this one that is neither done nor
 * recorded as not done. */
static void record_not_done(ui_app *app, card_state *cs)
{
	monitoring_skip k;
	due_source src;
	due_list l;
	plan p;

	record_init(&rt_monitoring_skip, &k);
	k.client_id = cs->client_id;
	if (store_plan_in_force(app->db, cs->client_id, &p, NULL) == TSU_OK)
		k.plan_id = p.id;
	record_free(&rt_plan, &p);
	if (client_due(cs, &src, &l)) {
		for (size_t i = 0; i < l.n; i++) {
			const due_item *it = &l.items[i];
			if (it->kind == DUE_MONITORING && it->month <= date_month(app->today) &&
			    (it->state == DUE_OVERDUE || it->state == DUE_DUE))
				k.month = it->month;
		}
		due_list_free(&l);
		due_source_free(&src);
	}
	ui_push(app, ui_record_form_from(app, &rt_monitoring_skip, cs->client_id, &k));
	record_free(&rt_monitoring_skip, &k);
}

/* 終結: the date (today), why, and a summary; the card shows it after. */
static bool answer_close(ui_app *app, void *arg, ui_form *f)
{
	ui_screen *s = arg;
	card_state *cs = s->st;
	char *on_text = ui_field_get(&f->fields[0]);
	char *reason = ui_field_get(&f->fields[1]);
	char *summary = ui_field_get(&f->fields[2]);
	date_t on = DATE_NONE;
	tsu_err e;
	int rc = *on_text ? date_parse(on_text, &on, &e) : TSU_OK;

	if (rc == TSU_OK)
		rc = store_client_close_why(app->db, cs->client_id, on, reason, summary, &e);
	free(on_text);
	free(reason);
	free(summary);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	ui_message(app, "%s", _("The case is closed; the client is kept under closed clients."));
	return true;
}

static void ask_close(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;
	const char *labels[8];
	char iso[DATE_ISO_LEN];
	ui_prompt_field f[3];
	size_t n = 0;

	if (!strcmp(cs->c.status, "closed")) {
		ui_message(app, "%s", _("This case is closed already."));
		return;
	}
	for (; store_close_reasons[n] && n < 7; n++)
		labels[n] = store_enum_label(store_close_reasons[n]);
	labels[n] = NULL;
	date_format_iso(app->today, iso);
	f[0] = (ui_prompt_field){ "closed_on", _("closed on"), UI_F_DATE, 40, iso, NULL, NULL };
	f[1] = (ui_prompt_field){ "reason", _("reason"), UI_F_CHOICE, 0, "ended", store_close_reasons, labels };
	f[2] = (ui_prompt_field){ "summary", _("summary"), UI_F_LONG, STORE_TEXT_MAX, "", NULL, NULL };
	ui_push(app, ui_prompt_screen(app, _("Close the case (終結)"),
				      _("The client and every record stay; the card shows why and when."),
				      f, 3, answer_close, s));
}

static void load_basics(card_state *cs)
{
	cs->lines = xcalloc(32, sizeof *cs->lines);
	for (const client_field *f = client_fields; f->name && cs->nitems < 28; f++) {
		char *v;
		if (!client_field_editable(f))
			continue;   /* the case's state: below */
		v = client_field_show(&cs->c, f, cs->app->today);
		cs->lines[cs->nitems++] = xasprintf("%s\t%s", _(f->label), v);
		free(v);
	}
	if (!strcmp(cs->c.status, "closed")) {
		char d[DATE_ISO_LEN], *reason = NULL, *summary = NULL;
		date_format_iso(cs->c.closed_on, d);
		cs->lines[cs->nitems++] = xasprintf("%s\t%s", _("closed on"), d);
		if (store_client_closing(cs->app->db, cs->client_id, &reason, &summary, NULL) == TSU_OK) {
			if (reason[0])
				cs->lines[cs->nitems++] = xasprintf("%s\t%s", _("reason"), store_enum_label(reason));
			if (summary[0])
				cs->lines[cs->nitems++] = xasprintf("%s\t%s", _("summary"), summary);
		}
		free(reason);
		free(summary);
	}
	add_due_lines(cs);
	cs->items = xcalloc(cs->nitems, sizeof *cs->items);
	for (size_t i = 0; i < cs->nitems; i++)
		cs->items[i] = cs->lines[i];
}

static void load_records(card_state *cs)
{
	const record_type *rt = tabs[cs->tab].rt;
	tsu_err e;

	if (store_record_list(cs->app->db, rt, cs->client_id, &cs->recs, &cs->nrecs, &e) != TSU_OK) {
		ui_error(cs->app, "%s", e.msg);
		cs->recs = NULL;
		cs->nrecs = 0;
	}
	cs->items = xcalloc(cs->nrecs ? cs->nrecs : 1, sizeof *cs->items);
	for (size_t i = 0; i < cs->nrecs; i++)
		cs->items[i] = (char *)cs->recs + i * rt->size;
	cs->nitems = cs->nrecs;
}

static bool has_id(const void *row, void *arg)
{
	return REC_ID(row) == *(int64_t *)arg;
}

/* (Re)load the client and the tab; select the record ref_id if given,
 * else the row at index keep. */
static void load_tab(card_state *cs, int64_t ref_id, size_t keep)
{
	ui_list_source src;
	tsu_err e;

	free_tab(cs);
	if (cs->have_client)
		client_free(&cs->c);
	cs->have_client = store_client_get(cs->app->db, cs->client_id, &cs->c, &e) == TSU_OK;
	if (!cs->have_client) {
		client_free(&cs->c);
		client_init(&cs->c);
		ui_error(cs->app, "%s", e.msg);
	}
	if (cs->tab == UI_TAB_BASICS)
		load_basics(cs);
	else
		load_records(cs);
	if (cs->tab == UI_TAB_MONITORINGS &&
	    store_gas_trend(cs->app->db, cs->client_id, &cs->trend, &cs->ntrend, &e) != TSU_OK) {
		ui_error(cs->app, "%s", e.msg);
		cs->trend = NULL;
		cs->ntrend = 0;
	}
	cs->arr.items = cs->items;
	cs->arr.n = cs->nitems;
	cs->arr.draw_row = draw_row;
	cs->arr.draw_ctx = cs;
	ui_array_source_make(&cs->arr, &src);
	ui_list_init(&cs->list, &src);
	ui_list_reload(&cs->list, tab_list_height(cs));
	if (ref_id && cs->tab != UI_TAB_BASICS)
		ui_list_seek(&cs->list, has_id, &ref_id);
	else if (keep)
		ui_list_move(&cs->list, (long)keep);
}

/* ---- ops ---- */

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint edit_hints[] = {
		{ UA_HELP, N_("help") }, { UA_NEXT_TAB, N_("tab") }, { UA_ADD, N_("add") },
		{ UA_EDIT, N_("edit") }, { UA_DELETE, N_("delete") }, { UA_CARD_PRINT, N_("print") },
		{ UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	static const ui_hint basics_hints[] = {
		{ UA_HELP, N_("help") }, { UA_NEXT_TAB, N_("tab") }, { UA_EDIT, N_("edit") },
		{ UA_CARD_PRINT, N_("print") }, { UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	static const ui_hint monitoring_hints[] = {
		{ UA_HELP, N_("help") }, { UA_NEXT_TAB, N_("tab") }, { UA_ADD, N_("add") },
		{ UA_NOT_DONE, N_("not done") }, { UA_EDIT, N_("edit") }, { UA_BACK, N_("back") },
		{ UA_NONE, NULL },
	};
	card_state *cs = s->st;
	if (cs->tab == UI_TAB_BASICS)
		return basics_hints;
	if (cs->tab == UI_TAB_MONITORINGS || cs->tab == UI_TAB_NOT_DONE)
		return monitoring_hints;
	return edit_hints;
}

static void draw_header(ui_app *app, card_state *cs)
{
	const char *labels[UI_TAB_COUNT];
	char info[256];
	int x;

	wattron(stdscr, A_BOLD);
	x = ui_put(stdscr, app->body_y, 0, app->cols / 2, cs->c.name, false);
	wattroff(stdscr, A_BOLD);
	x += ui_put_raw(stdscr, app->body_y, x, 2, "  ", false);
	x += ui_put(stdscr, app->body_y, x, app->cols / 4, cs->c.kana, false);
	snprintf(info, sizeof info, "  %s  %s  #%lld", store_enum_label(cs->c.case_kind),
		 store_enum_label(cs->c.status), (long long)cs->client_id);
	ui_put_raw(stdscr, app->body_y, x, app->cols - x, info, true);
	for (int i = 0; i < UI_TAB_COUNT; i++)
		labels[i] = _(tabs[i].label);
	ui_tabs_draw(stdscr, app->body_y + 1, 0, app->cols, labels, UI_TAB_COUNT, cs->tab);
}

static void draw_trend(ui_app *app, card_state *cs)
{
	int h = trend_height(cs), y = app->body_y + 2 + tab_list_height(cs);

	if (!h)
		return;
	wattron(stdscr, A_UNDERLINE);
	ui_put_raw(stdscr, y, 0, app->cols, _("GAS trend of each goal (oldest first)"), true);
	wattroff(stdscr, A_UNDERLINE);
	for (int i = 0; i + 1 < h; i++) {
		const gas_trend *t = &cs->trend[i];
		strbuf b;
		char head[16];
		int x, gw = app->cols / 3;

		snprintf(head, sizeof head, "%2d ", t->priority);
		x = ui_put_raw(stdscr, y + 1 + i, 0, 3, head, false);
		ui_put(stdscr, y + 1 + i, x, gw - 1, t->goal, true);
		sb_init(&b);
		for (size_t p = 0; p < t->npoints; p++)
			sb_addf(&b, t->points[p].gas ? "%s%+d" : "%s%d", p ? " -> " : " ", t->points[p].gas);
		ui_put_raw(stdscr, y + 1 + i, x + gw - 1, app->cols - x - gw + 1, b.s ? b.s : "", true);
		sb_free(&b);
	}
}

static void draw(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;

	if (s->dirty & UI_D_BODY) {
		draw_header(app, cs);
		cs->list.dirty |= UI_LIST_ALL;
	}
	if ((s->dirty & UI_D_BODY) && head_rows(cs)) {
		const char *head[5] = { _("Stage"), _("Period"), _("Monitoring"), _("Consented"), _("Written") };
		ui_put_raw(stdscr, app->body_y + 2, 0, app->cols, "", true);
		wattron(stdscr, A_UNDERLINE);
		draw_plan_cells(stdscr, app->body_y + 2, 0, app->cols, head);
		wattroff(stdscr, A_UNDERLINE);
	}
	ui_list_draw(&cs->list, stdscr, app->body_y + 2 + head_rows(cs), 0, app->cols);
	if (s->dirty & UI_D_BODY)
		draw_trend(app, cs);
	if (cs->nitems == 0) {
		char line[256];
		snprintf(line, sizeof line, "%s", _("Nothing here yet. Press n to add."));
		ui_put_raw(stdscr, app->body_y + 2 + head_rows(cs), 2, app->cols - 2, line, true);
	}
}

static void set_tab(ui_app *app, ui_screen *s, int tab)
{
	card_state *cs = s->st;
	free_tab(cs);
	cs->tab = (enum ui_card_tab)((tab + UI_TAB_COUNT) % UI_TAB_COUNT);
	app->last_card_tab = (int)cs->tab;
	load_tab(cs, 0, 0);
	s->dirty |= UI_D_BODY;
	app->status_dirty = true;
}

static void confirm_delete(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	card_state *cs = s->st;
	const record_type *rt = tabs[cs->tab].rt;
	size_t keep = ui_list_selected_index(&cs->list);
	tsu_err e;

	if (!yes || !cs->pending_delete)
		return;
	if (store_record_delete(app->db, rt, cs->pending_delete, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", _("Deleted."));
	cs->pending_delete = 0;
	load_tab(cs, 0, keep ? keep - 1 : 0);
	s->dirty |= UI_D_BODY;
}

/* The cycle's records open their own screens (a note in the generic
 * form on e, the client's notes screen on Enter). */
static bool open_screen(ui_app *app, card_state *cs, ui_action a, const void *row)
{
	int64_t id = REC_ID(row);

	switch (cs->tab) {
	case UI_TAB_ASSESSMENTS:
		ui_push(app, ui_assessment_screen(app, cs->client_id, id));
		return true;
	case UI_TAB_PLANS:
		ui_push(app, ui_plan_screen(app, cs->client_id, id));
		return true;
	case UI_TAB_MONITORINGS:
		ui_push(app, ui_monitoring_screen(app, cs->client_id, id));
		return true;
	case UI_TAB_MEETINGS:
		ui_push(app, ui_meeting_screen(app, cs->client_id, id));
		return true;
	case UI_TAB_NOTES:
		if (a != UA_OPEN)
			return false;
		ui_push(app, ui_notes_screen(app, cs->client_id));
		return true;
	default:
		return false;
	}
}

void ui_card_open_selected(ui_app *app)
{
	ui_screen *s = app->depth ? &app->stack[app->depth - 1] : NULL;
	card_state *cs;
	const void *row;

	if (!s || s->ops != &card_ops)
		return;
	cs = s->st;
	row = ui_list_selected(&cs->list);
	if (row && cs->tab != UI_TAB_BASICS && cs->tab != UI_TAB_NOTES)
		open_screen(app, cs, UA_OPEN, row);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	card_state *cs = s->st;
	const void *row = ui_list_selected(&cs->list);
	const struct card_tab *t = &tabs[cs->tab];

	if (ui_list_action(&cs->list, a)) {
		s->dirty |= UI_D_PART;
		return true;
	}
	/* tab-basics ... (1-9 and 0 by default): that tab. */
	if (a >= UA_TAB_BASICS && a < UA_TAB_BASICS + UA_TAB_COUNT) {
		set_tab(app, s, (int)(a - UA_TAB_BASICS));
		return true;
	}
	switch (a) {
	case UA_NEXT_TAB:
		set_tab(app, s, (int)cs->tab + 1);
		return true;
	case UA_PREV_TAB:
		set_tab(app, s, (int)cs->tab - 1);
		return true;
	case UA_OPEN:
		if (!cs->have_client)
			return true;
		/* fall through */
	case UA_EDIT:
		if (row && open_screen(app, cs, a, row))
			return true;
		if (cs->tab == UI_TAB_BASICS)
			ui_push(app, ui_client_form(app, cs->client_id));
		else if (row)
			ui_push(app, ui_record_form(app, t->rt, cs->client_id, REC_ID(row)));
		return true;
	case UA_ADD:
		if (cs->tab == UI_TAB_BASICS)
			ui_message(app, "%s", _("Nothing to add on this tab; Tab moves to the next one."));
		else if (cs->tab == UI_TAB_PLANS)
			ui_plan_new(app, cs->client_id);
		else if (cs->tab == UI_TAB_MONITORINGS)
			ui_monitoring_new(app, cs->client_id);
		else
			ui_push(app, ui_record_form(app, t->rt, cs->client_id, 0));
		return true;
	case UA_NOT_DONE:
		record_not_done(app, cs);
		return true;
	case UA_CLOSE_CASE:
		ask_close(app, s);
		return true;
	case UA_CARD_PRINT:
	case UA_CARD_SEND:
		/* The notes tab: the progress record; the meetings tab: the
		 * selected meeting's minutes; any other: the case summary.
		 * P sends the same to the printer. */
		if (cs->tab == UI_TAB_NOTES)
			ui_print_record(app, cs->client_id, a == UA_CARD_SEND);
		else if (cs->tab == UI_TAB_MEETINGS && row && a == UA_CARD_SEND)
			ui_send(app, "meeting", cs->client_id, REC_ID(row));
		else if (cs->tab == UI_TAB_MEETINGS && row)
			ui_print(app, "meeting", cs->client_id, REC_ID(row));
		else
			ui_print_summary(app, cs->client_id, a == UA_CARD_SEND);
		return true;
	case UA_DELETE: {
		char *q = xasprintf(_("Delete this %s? It cannot be undone."), _(t->rt->label));
		cs->pending_delete = REC_ID(row);
		ui_confirm(app, q, confirm_delete, s);
		free(q);
		return true;
	}
	default:
		return false;
	}
}

static void resize(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;
	ui_list_resize(&cs->list, tab_list_height(cs));
	s->dirty |= UI_D_BODY;
}

static void resume(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;
	const void *row = ui_list_selected(&cs->list);
	int64_t id = row && cs->tab != UI_TAB_BASICS ? REC_ID(row) : 0;
	size_t keep = ui_list_selected_index(&cs->list);
	int64_t saved = tabs[cs->tab].rt ? ui_take_saved(app, tabs[cs->tab].rt) : 0;

	if (saved)
		id = saved;
	load_tab(cs, id, id ? 0 : keep);
	s->dirty |= UI_D_BODY;
}

static void close_card(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;
	free_tab(cs);
	if (cs->have_client)
		client_free(&cs->c);
	else
		client_free(&cs->c);
	free(cs);
}

static int64_t card_client(ui_screen *s)
{
	card_state *cs = s->st;
	return cs->have_client ? cs->client_id : 0;
}

/* A row is a record's on every tab but the basics (lines of text). */
static unsigned card_has(ui_app *app, ui_screen *s)
{
	card_state *cs = s->st;
	return cs->tab == UI_TAB_BASICS ? ~(unsigned)UI_NEED_ROW : ui_list_has(&cs->list);
}

static const char *card_refusal(ui_screen *s, ui_action a, unsigned need)
{
	return a == UA_DELETE && need == UI_NEED_ROW ? _("Nothing to delete here.") : NULL;
}

static const ui_screen_ops card_ops = {
	.name = N_("Client card"),
	UI_CTX(UK_CARD, UK_LIST, UK_GLOBAL),
	.hints = hints,
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_card,
	.client = card_client,
	.has = card_has,
	.refusal = card_refusal,
};

ui_screen ui_card_screen(ui_app *app, int64_t client_id, enum ui_card_tab tab, int64_t ref_id)
{
	card_state *cs = xcalloc(1, sizeof *cs);
	ui_screen s = { &card_ops, cs, UI_D_BODY };

	tabs_init();
	cs->app = app;
	cs->client_id = client_id;
	cs->tab = tab;
	load_tab(cs, ref_id, 0);
	return s;
}

enum ui_card_tab ui_card_tab_for_due(const due_item *it, int64_t *ref)
{
	*ref = 0;
	switch (it->kind) {
	case DUE_CERTIFICATE: *ref = it->ref_id; return UI_TAB_CERTIFICATES;
	case DUE_CONSENT: *ref = it->ref_id; return UI_TAB_CONSENTS;
	case DUE_PLAN:
		if (it->stage == DUE_PLAN_END)
			*ref = it->ref_id;
		return UI_TAB_PLANS;
	case DUE_MONITORING:
		if (!it->done_id && it->stage == DUE_MON_NOT_DONE)
			return UI_TAB_NOT_DONE;
		*ref = it->done_id;
		return UI_TAB_MONITORINGS;
	case DUE_MISMATCH:
		if (it->stage == DUE_MISMATCH_RANGE)
			return UI_TAB_PLANS;
		*ref = it->ref_id;
		return UI_TAB_CERTIFICATES;
	case DUE_ACTION: return UI_TAB_MEETINGS;
	case DUE_NEXT: *ref = it->ref_id; return UI_TAB_NOTES;
	default: return UI_TAB_BASICS;
	}
}
