/*
 * screen_plan.c - a plan (サービス等利用計画, 障害児支援利用計画 for a
 * child): its stage, period, monitoring interval, wishes, policy and
 * goals above the needs table in priority order.  The rules live in the
 * store (store_plan.h, store_cycle.h): pulling needs from the latest
 * assessment, moving rows, finalising with the consent date, changing
 * the interval from a month on and revising into a new draft.  A plan
 * the client consented to is read-only here (and in the store): E and
 * Enter open it and its rows to read, the keys that would change it say
 * so and point to R, a new version.  Finalising
 * names what the final plan lacks and asks again.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

typedef struct plan_state {
	ui_rows rows;           /* first: the shared confirm reads it */
	date_t pending_consent; /* finalising despite what the plan lacks */
	ui_screen *screen;      /* to redraw after the confirmation */
	int64_t linking;        /* the row whose provider is being picked */
} plan_state;

static const char *const head_skip[] = { "stage", "daily_activities", "overall_picture", NULL };

static const plan *the_plan(const plan_state *p)
{
	return p->rows.rec;
}

static void draw_row(ui_rows *r, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const plan_row *pr = row;
	char head[32];
	int cx = x, nw;

	snprintf(head, sizeof head, "%2d ", pr->priority);
	cx += ui_put_raw(w, y, cx, width, head, false);
	nw = (x + width - cx) / 3;
	ui_put_cut(w, y, cx, nw - 1, pr->need, true);
	cx += nw;
	ui_put_cut(w, y, cx, nw - 1, pr->goal, true);
	cx += nw;
	{
		/* The provider's name as the plan prints it (its first line). */
		char *prov = store_provider_cell(r->app->db, pr);
		char *svc;
		prov[strcspn(prov, "\n")] = '\0';
		svc = xasprintf("%s%s%s%s%s", pr->service_kind, pr->service_amount[0] ? " " : "",
				pr->service_amount, prov[0] ? " / " : "", prov);
		ui_put_cut(w, y, cx, x + width - cx, svc, true);
		free(svc);
		free(prov);
	}
}

static void init_row(ui_rows *r, void *row)
{
	plan_row *pr = row;
	pr->priority = store_plan_next_priority(r->app->db, r->id);
}

static void set_extra(plan_state *p)
{
	const plan *pl = the_plan(p);
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];

	free(p->rows.extra);
	p->rows.extra = NULL;
	if (!p->rows.have)
		return;
	date_format_iso(pl->period_from, from);
	date_format_iso(pl->period_to, to);
	if (strcmp(pl->stage, "draft") != 0) {
		char on[DATE_ISO_LEN];
		date_format_iso(pl->consented_on, on);
		p->rows.extra = xasprintf(_("Stage: %s   period %s - %s   monitoring every %d month(s)\n"
					    "Consented on %s: read-only; R starts a new version (変更).\n"),
					  store_enum_label(pl->stage), from, to, pl->monitoring_months, on);
		return;
	}
	p->rows.extra = xasprintf(_("Stage: %s   period %s - %s   monitoring every %d month(s)\n"),
				  store_enum_label(pl->stage), from, to, pl->monitoring_months);
}

static bool is_draft(const plan_state *p)
{
	return p->rows.have && strcmp(the_plan(p)->stage, "draft") == 0;
}

/* Only a draft changes (UI_NEED_WRITABLE): a consented plan is
 * read-only, here and in the store. */
static unsigned has(ui_app *app, ui_screen *s)
{
	plan_state *p = s->st;
	unsigned h = ui_rows_has(&p->rows);

	return is_draft(p) ? h : h & ~(unsigned)UI_NEED_WRITABLE;
}

/* A key that would change a consented plan: say why not and how. */
static const char *refusal(ui_screen *s, ui_action a, unsigned need)
{
	plan_state *p = s->st;

	if (need != UI_NEED_WRITABLE || !p->rows.have)
		return ui_rows_screen_refusal(s, a, need);
	if (strcmp(the_plan(p)->stage, "superseded") == 0)
		return _("This is a past version of the plan, kept as it was consented; open the plan in force to change it.");
	return _("The client consented to this plan, so it is read-only; press R to start a new version (変更).");
}

static void reload(plan_state *p, int64_t select)
{
	ui_rows_load(&p->rows, select);
	set_extra(p);
}

/* ---- actions ---- */

static void pull_needs(ui_app *app, plan_state *p)
{
	int64_t assessment_id;
	size_t added = 0;
	tsu_err e;

	assessment_id = store_latest_assessment(app->db, p->rows.client_id);
	if (!assessment_id) {
		ui_error(app, "%s", _("This client has no assessment yet; write one on the card's Assessments tab."));
		return;
	}
	if (store_plan_pull_needs(app->db, p->rows.id, assessment_id, &added, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	ui_message(app, _("%zu need(s) pulled from the assessment."), added);
	reload(p, 0);
}

static void move_row(ui_app *app, plan_state *p, int delta)
{
	const plan_row *pr = ui_rows_selected(&p->rows);
	bool moved = false;
	int64_t id;
	tsu_err e;

	if (!pr)
		return;
	id = pr->id;
	if (store_plan_row_move(app->db, pr->id, pr->version, delta, &moved, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	reload(p, id);
}

static void finalise_on(ui_app *app, plan_state *p, date_t on)
{
	tsu_err e;

	if (store_plan_finalise(app->db, p->rows.id, on, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", _("The plan is final; the monitorings follow its interval."));
	reload(p, 0);
	p->screen->dirty |= UI_D_BODY;
}

static void confirm_finalise(ui_app *app, void *arg, bool yes)
{
	plan_state *p = arg;

	if (yes)
		finalise_on(app, p, p->pending_consent);
	else
		ui_message(app, "%s", _("Not made final; the plan stays a draft."));
}

/* What the final plan lacks, as the question: one item a line. */
static char *lacking_question(char **miss, size_t n)
{
	strbuf b;

	sb_init(&b);
	sb_adds(&b, _("The final plan should have what this draft lacks:"));
	for (size_t i = 0; i < n && i < 6; i++)
		sb_addf(&b, "\n- %s", miss[i]);
	if (n > 6)
		sb_addf(&b, _("\n- and %zu more"), n - 6);
	sb_addf(&b, "\n%s", _("Make it final anyway?"));
	return sb_steal(&b);
}

static bool answer_finalise(ui_app *app, void *arg, ui_form *f)
{
	plan_state *p = arg;
	char *v = ui_field_get(&f->fields[0]), *q;
	char **miss = NULL;
	size_t n = 0;
	date_t on;
	tsu_err e;
	int rc = date_parse(v, &on, &e);

	free(v);
	if (rc == TSU_OK)
		rc = store_plan_missing(app->db, p->rows.id, &miss, &n, &e);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	if (n == 0) {
		finalise_on(app, p, on);
		return true;
	}
	/* Ask again, naming each gap (FORMS.md: the final plan fills
	 * 提供事業者名 ...); the prompt closes and the question stays. */
	p->pending_consent = on;
	q = lacking_question(miss, n);
	store_plan_missing_free(miss, n);
	ui_confirm(app, q, confirm_finalise, p);
	free(q);
	return true;
}

static void finalise(ui_app *app, plan_state *p)
{
	char iso[DATE_ISO_LEN];
	ui_prompt_field f = { "consented_on", _("consent date"), UI_F_DATE, 40, iso, NULL, NULL };

	if (strcmp(the_plan(p)->stage, "draft") != 0) {
		ui_error(app, "%s", _("Only a draft can be made final."));
		return;
	}
	date_format_iso(app->today, iso);
	ui_push(app, ui_prompt_screen(app, _("Make the plan final: the day the client consented"),
				      _("A date: 2025-04-01, 2025/4/1, R7.4.1 or 令和7年4月1日."),
				      &f, 1, answer_finalise, p));
}

static const char *const interval_values[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", NULL };

static bool answer_interval(ui_app *app, void *arg, ui_form *f)
{
	plan_state *p = arg;
	char *from_s = ui_field_get(&f->fields[0]);
	char *months_s = ui_field_get(&f->fields[1]);
	month_t from;
	tsu_err e;
	int rc = month_parse(from_s, &from, &e);

	if (rc == TSU_OK)
		rc = store_plan_set_interval(app->db, p->rows.id, from, atoi(months_s), &e);
	free(from_s);
	free(months_s);
	if (rc != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return false;
	}
	ui_message(app, "%s", _("Interval changed."));
	return true;
}

static void change_interval(ui_app *app, plan_state *p)
{
	char from[16], months[8];
	int y, m;
	ui_prompt_field f[2] = {
		{ "from", _("from month (YYYY-MM)"), UI_F_TEXT, 16, from, NULL, NULL },
		{ "months", _("every (months)"), UI_F_CHOICE, 0, months, interval_values, NULL },
	};

	month_to_ym(date_month(app->today), &y, &m);
	snprintf(from, sizeof from, "%04d-%02d", y, m);
	snprintf(months, sizeof months, "%d", the_plan(p)->monitoring_months);
	ui_push(app, ui_prompt_screen(app, _("Change the monitoring interval"),
				      _("The months before keep the interval they had."),
				      f, 2, answer_interval, p));
}

/* Exported for the monitoring screen too: start a revision of the
 * client's plan and open it. */
void ui_plan_revise(ui_app *app, int64_t client_id, int64_t plan_id)
{
	int64_t id = 0;
	tsu_err e;

	if (store_plan_revise(app->db, plan_id, app->today, &id, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		return;
	}
	ui_message(app, "%s", _("A revised draft was started from the plan."));
	ui_push(app, ui_plan_screen(app, client_id, id));
}

/* The picker's answer: the row links to the provider (a draft's edit). */
static void got_provider(ui_app *app, void *arg, int64_t provider_id)
{
	ui_screen *s = arg;
	plan_state *p = s->st;
	plan_row r;
	tsu_err e;

	if (store_record_get(app->db, &rt_plan_row, p->linking, &r, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
	} else {
		r.provider_id = provider_id;
		if (store_record_update(app->db, &rt_plan_row, &r, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
		else
			ui_message(app, _("The row of priority %d now names its provider from the register."), r.priority);
	}
	record_free(&rt_plan_row, &r);
	reload(p, p->linking);
	p->linking = 0;
	s->dirty |= UI_D_BODY;
}

static void pick_provider(ui_app *app, ui_screen *s)
{
	plan_state *p = s->st;
	const plan_row *row = ui_rows_selected(&p->rows);

	if (!row) {
		ui_message(app, "%s", _("Add a row first (n), then pick its provider."));
		return;
	}
	p->linking = row->id;
	ui_push(app, ui_providers_screen(app, got_provider, s));
}

/* ---- ops ---- */

static const ui_hint *hints(ui_screen *s)
{
	static const ui_hint draft_h[] = {
		{ UA_HELP, N_("help") }, { UA_HEADER, N_("plan") }, { UA_ROW_ADD, N_("add") },
		{ UA_PULL_NEEDS, N_("needs") }, { UA_ROW_UP, N_("up") }, { UA_FINALISE, N_("final") },
		{ UA_WEEKLY, N_("weekly") }, { UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	static const ui_hint final_h[] = {
		{ UA_HELP, N_("help") }, { UA_HEADER, N_("plan") }, { UA_INTERVAL, N_("interval") },
		{ UA_REVISE, N_("revise") }, { UA_WEEKLY, N_("weekly") }, { UA_PRINT, N_("print") },
		{ UA_BACK, N_("back") }, { UA_NONE, NULL },
	};
	plan_state *p = s->st;
	return p->rows.have && strcmp(the_plan(p)->stage, "draft") == 0 ? draft_h : final_h;
}

static void draw(ui_app *app, ui_screen *s)
{
	plan_state *p = s->st;
	const plan *pl = the_plan(p);
	char *title;

	title = xasprintf(_("Plan of %s (%s) - needs in priority order below"), p->rows.client_name,
			  p->rows.have ? store_enum_label(pl->stage) : "?");
	ui_rows_draw(&p->rows, title);
	free(title);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	plan_state *p = s->st;

	if (!p->rows.have)
		return false;
	s->dirty |= UI_D_BODY;
	p->screen = s;
	if (!is_draft(p)) {
		const plan_row *row = ui_rows_selected(&p->rows);
		switch (a) {
		case UA_HEADER:
			/* To read every field; nothing can be saved. */
			ui_push(app, ui_view_form(app, &rt_plan, p->rows.client_id, 0, p->rows.id));
			return true;
		case UA_OPEN:
		case UA_ROW_EDIT:
			if (row)
				ui_push(app, ui_view_form(app, &rt_plan_row, p->rows.client_id, p->rows.id, row->id));
			return true;
		default:
			break;
		}
	}
	switch (a) {
	case UA_PULL_NEEDS:
		pull_needs(app, p);
		return true;
	case UA_ROW_UP:
		move_row(app, p, -1);
		return true;
	case UA_ROW_DOWN:
		move_row(app, p, 1);
		return true;
	case UA_FINALISE:
		finalise(app, p);
		return true;
	case UA_INTERVAL:
		change_interval(app, p);
		return true;
	case UA_REVISE:
		ui_plan_revise(app, p->rows.client_id, p->rows.id);
		return true;
	case UA_WEEKLY:
		ui_push(app, ui_weekly_screen(app, p->rows.client_id, p->rows.id));
		return true;
	case UA_PROVIDER_PICK:
		pick_provider(app, s);
		return true;
	case UA_PRINT:
		ui_print(app, "plan", p->rows.client_id, p->rows.id);
		return true;
	case UA_SEND:
		ui_send(app, "plan", p->rows.client_id, p->rows.id);
		return true;
	default:
		return ui_rows_key(&p->rows, s, a);
	}
}

static void resume(ui_app *app, ui_screen *s)
{
	plan_state *p = s->st;
	reload(p, ui_take_saved(app, &rt_plan_row));
	s->dirty |= UI_D_BODY;
}

static void close_plan(ui_app *app, ui_screen *s)
{
	plan_state *p = s->st;
	ui_rows_free(&p->rows);
	free(p);
}

static const ui_screen_ops plan_ops = {
	.name = N_("Plan"),
	UI_CTX(UK_PLAN, UK_RECORD, UK_LIST, UK_GLOBAL),
	.hints = hints,
	.draw = draw,
	.key = key,
	.resize = ui_rows_screen_resize,
	.resume = resume,
	.close = close_plan,
	.has = has,
	.refusal = refusal,
};

ui_screen ui_plan_screen(ui_app *app, int64_t client_id, int64_t plan_id)
{
	plan_state *p = xcalloc(1, sizeof *p);
	ui_screen s = { &plan_ops, p, UI_D_BODY };

	p->rows.app = app;
	p->rows.rt = &rt_plan;
	p->rows.crt = &rt_plan_row;
	p->rows.client_id = client_id;
	p->rows.id = plan_id;
	p->rows.draw_row = draw_row;
	p->rows.init_row = init_row;
	p->rows.head_skip = head_skip;
	p->rows.ctx = p;
	if (!ui_rows_load(&p->rows, 0)) {
		close_plan(app, &s);
		return (ui_screen){ NULL, NULL, 0 };
	}
	set_extra(p);
	return s;
}

/* ---- a new plan ---- */

typedef struct new_plan {
	int64_t client_id;
} new_plan;

static bool answer_new(ui_app *app, void *arg, ui_form *f)
{
	int64_t client_id = (int64_t)(intptr_t)arg;
	char *from_s = ui_field_get(&f->fields[0]);
	char *to_s = ui_field_get(&f->fields[1]);
	char *months_s = ui_field_get(&f->fields[2]);
	plan p;
	tsu_err e;
	int rc;

	/* A new plan starts from what the store gives it (the wishes of
	 * the latest assessment among them). */
	store_record_new(app->db, &rt_plan, client_id, app->today, &p);
	p.client_id = client_id;
	p.written_on = app->today;
	p.monitoring_months = atoi(months_s);
	p.anchor_month = -1;
	rc = date_parse(from_s, &p.period_from, &e);
	if (rc == TSU_OK)
		rc = date_parse(to_s, &p.period_to, &e);
	if (rc == TSU_OK)
		rc = store_plan_add(app->db, &p, &e);
	free(from_s);
	free(to_s);
	free(months_s);
	if (rc != TSU_OK) {
		record_free(&rt_plan, &p);
		ui_error(app, "%s", e.msg);
		return false;
	}
	ui_pop(app);
	ui_push(app, ui_plan_screen(app, client_id, p.id));
	record_free(&rt_plan, &p);
	/* The prompt is gone already. */
	return false;
}

void ui_plan_new(ui_app *app, int64_t client_id)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	ui_prompt_field f[3] = {
		{ "period_from", _("period from"), UI_F_DATE, 40, from, NULL, NULL },
		{ "period_to", _("period to"), UI_F_DATE, 40, to, NULL, NULL },
		{ "months", _("monitoring every (months)"), UI_F_CHOICE, 0, "6", interval_values, NULL },
	};

	date_format_iso(app->today, from);
	date_format_iso(date_add_years(app->today, 1) - 1, to);
	ui_push(app, ui_prompt_screen(app, _("A new draft plan"), NULL, f, 3, answer_new,
				      (void *)(intptr_t)client_id));
}
