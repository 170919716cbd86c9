/*
 * screen_monitoring.c - a monitoring record (モニタリング報告書): date,
 * method and the overall situation above one row per goal of the plan
 * it was made against (delivery as the providers tell it, the client's
 * view, attainment with a GAS score -2..+2, next steps, changes needed).
 * When the record says the plan must change, the screen offers to start
 * a revised plan (store_cycle.h decides what "must change" is).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

typedef struct mon_state {
	ui_rows rows;           /* first: the shared confirm reads it */
	plan_row *goals;        /* the plan's rows, to name each row's goal */
	size_t ngoals;
	bool offered;           /* the revision was offered on this visit */
} mon_state;

static const plan_row *goal_of(const mon_state *m, int64_t plan_row_id)
{
	for (size_t i = 0; i < m->ngoals; i++)
		if (m->goals[i].id == plan_row_id)
			return &m->goals[i];
	return NULL;
}

static void draw_row(ui_rows *r, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const mon_state *m = r->ctx;
	const monitoring_row *mr = row;
	const plan_row *g = goal_of(m, mr->plan_row_id);
	char head[64], gas[16];
	int cx = x, gw;

	if (mr->gas == FIELD_INT_NULL)
		snprintf(gas, sizeof gas, "  ");
	else
		snprintf(gas, sizeof gas, mr->gas ? "%+d" : "%d", mr->gas);   /* 0, not +0 */
	snprintf(head, sizeof head, "%2d GAS %-3s %s ", g ? g->priority : 0, gas,
		 mr->change_kind || mr->change_amount || mr->change_weekly ? "!" : " ");
	cx += ui_put_raw(w, y, cx, width, head, false);
	gw = (x + width - cx) / 2;
	ui_put_cut(w, y, cx, gw - 1, g ? g->goal : _("(goal removed from the plan)"), true);
	cx += gw;
	ui_put_cut(w, y, cx, x + width - cx, mr->attainment, true);
}

/* The goal a row rates, for the row's form: "goal 1: 一人で買い物に行く". */
static char *row_goal(ui_rows *r, const void *row)
{
	const mon_state *m = r->ctx;
	const plan_row *g = goal_of(m, ((const monitoring_row *)row)->plan_row_id);

	return g ? xasprintf(_("goal %d: %s"), g->priority, g->goal) : NULL;
}

/* n adds the row of the first goal that has none yet. */
static void first_unrated(ui_rows *r, void *row)
{
	const mon_state *m = r->ctx;
	const monitoring_row *have = r->rows;

	for (size_t i = 0; i < m->ngoals; i++) {
		bool rated = false;
		for (size_t k = 0; k < r->nrows && !rated; k++)
			rated = have[k].plan_row_id == m->goals[i].id;
		if (!rated) {
			((monitoring_row *)row)->plan_row_id = m->goals[i].id;
			return;
		}
	}
}

static void load_goals(mon_state *m)
{
	const monitoring *mo = m->rows.rec;
	void *v = NULL;
	tsu_err e;

	if (m->goals)
		record_free_list(&rt_plan_row, m->goals, m->ngoals);
	m->goals = NULL;
	m->ngoals = 0;
	if (!m->rows.have || !mo->plan_id)
		return;
	if (store_record_list(m->rows.app->db, &rt_plan_row, mo->plan_id, &v, &m->ngoals, &e) != TSU_OK) {
		ui_error(m->rows.app, "%s", e.msg);
		m->ngoals = 0;
		return;
	}
	m->goals = v;
}

static void reload(mon_state *m)
{
	ui_rows_load(&m->rows, ui_take_saved(m->rows.app, &rt_monitoring_row));
	load_goals(m);
}

static void revise_answer(ui_app *app, void *arg, bool yes)
{
	ui_screen *s = arg;
	mon_state *m = s->st;
	const monitoring *mo = m->rows.rec;

	if (yes && m->rows.have && mo->plan_id)
		ui_plan_revise(app, m->rows.client_id, mo->plan_id);
}

/* Offer a revision once per visit when the record asks for a change and
 * the plan it was made against is final. */
static void maybe_offer(ui_app *app, ui_screen *s)
{
	mon_state *m = s->st;
	const monitoring *mo = m->rows.rec;
	bool needed = false;
	plan p;
	tsu_err e;
	bool final = false;

	if (m->offered || !m->rows.have || !mo->plan_id)
		return;
	if (store_monitoring_change_needed(app->db, m->rows.id, &needed, &e) != TSU_OK || !needed)
		return;
	record_init(&rt_plan, &p);
	if (store_record_get(app->db, &rt_plan, mo->plan_id, &p, &e) == TSU_OK)
		final = strcmp(p.stage, "final") == 0;
	record_free(&rt_plan, &p);
	if (!final)
		return;
	m->offered = true;
	ui_confirm(app, _("This monitoring says the plan must change. Start a revised plan now?"),
		   revise_answer, s);
}

static void draw(ui_app *app, ui_screen *s)
{
	mon_state *m = s->st;
	char *title = xasprintf(_("Monitoring of %s - one row per goal below"), m->rows.client_name);
	ui_rows_draw(&m->rows, title);
	free(title);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	mon_state *m = s->st;
	const monitoring *mo = m->rows.rec;

	s->dirty |= UI_D_BODY;
	switch (a) {
	case UA_REVISE:
		if (m->rows.have && mo->plan_id)
			ui_plan_revise(app, m->rows.client_id, mo->plan_id);
		else
			ui_error(app, "%s", _("This monitoring is not linked to a plan."));
		return true;
	case UA_PRINT:
		ui_print(app, "monitoring", m->rows.client_id, m->rows.id);
		return true;
	case UA_SEND:
		ui_send(app, "monitoring", m->rows.client_id, m->rows.id);
		return true;
	default:
		return ui_rows_key(&m->rows, s, a);
	}
}

static void resume(ui_app *app, ui_screen *s)
{
	mon_state *m = s->st;
	reload(m);
	maybe_offer(app, s);
	s->dirty |= UI_D_BODY;
}

static void close_mon(ui_app *app, ui_screen *s)
{
	mon_state *m = s->st;
	if (m->goals)
		record_free_list(&rt_plan_row, m->goals, m->ngoals);
	ui_rows_free(&m->rows);
	free(m);
}

static const ui_screen_ops mon_ops = {
	.name = N_("Monitoring"),
	UI_CTX(UK_RECORD, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_HELP, N_("help") }, { UA_HEADER, N_("record") },
		 { UA_ROW_EDIT, N_("goal row") }, { UA_REVISE, N_("revise plan") },
		 { UA_PRINT, N_("print") }, { UA_BACK, N_("back") }),
	.draw = draw,
	.key = key,
	.resize = ui_rows_screen_resize,
	.resume = resume,
	.close = close_mon,
	.has = ui_rows_screen_has,
	.refusal = ui_rows_screen_refusal,
};

ui_screen ui_monitoring_screen(ui_app *app, int64_t client_id, int64_t monitoring_id)
{
	mon_state *m = xcalloc(1, sizeof *m);
	ui_screen s = { &mon_ops, m, UI_D_BODY };

	m->rows.app = app;
	m->rows.rt = &rt_monitoring;
	m->rows.crt = &rt_monitoring_row;
	m->rows.client_id = client_id;
	m->rows.id = monitoring_id;
	m->rows.draw_row = draw_row;
	m->rows.row_subtitle = row_goal;
	m->rows.init_row = first_unrated;
	m->rows.ctx = m;
	/* Every way in (the card, a visit scheduled on the calendar, the
	 * alarm list) finds one row per goal of the plan. */
	{
		tsu_err e;
		if (store_monitoring_fill_rows(app->db, monitoring_id, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
	}
	if (!ui_rows_load(&m->rows, 0)) {
		close_mon(app, &s);
		return (ui_screen){ NULL, NULL, 0 };
	}
	load_goals(m);
	return s;
}

static bool answer_new(ui_app *app, void *arg, ui_form *f)
{
	int64_t client_id = (int64_t)(intptr_t)arg;
	char *v = ui_field_get(&f->fields[0]);
	int64_t id = 0;
	date_t on;
	tsu_err e;
	int rc = date_parse(v, &on, &e);

	free(v);
	if (rc == TSU_OK)
		rc = store_monitoring_start(app->db, client_id, on, &id, &e);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	ui_pop(app);
	ui_push(app, ui_monitoring_screen(app, client_id, id));
	return false;   /* the prompt is gone already */
}

void ui_monitoring_new(ui_app *app, int64_t client_id)
{
	char iso[DATE_ISO_LEN];
	ui_prompt_field f = { "done_on", _("done on"), UI_F_DATE, 40, iso, NULL, NULL };

	date_format_iso(app->today, iso);
	ui_push(app, ui_prompt_screen(app, _("Record a monitoring: the day it was done"),
				      _("A scheduled visit of the client is filled in; the plan's goals become rows."),
				      &f, 1, answer_new, (void *)(intptr_t)client_id));
}
