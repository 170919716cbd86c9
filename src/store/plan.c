/*
 * plan.c - plan stages and monitoring intervals.  The generic record code
 * stores the fields; this file keeps the rules that span rows: one final
 * plan in force per client, the interval history the due engine needs,
 * a consented plan read-only with its rows (the guards every write of
 * the generic store passes) and what a final plan must have.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static int add_interval(db *d, int64_t plan_id, month_t from, int months, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"INSERT INTO plan_interval (plan_id, from_month, months)"
		" VALUES (:plan, :from, :months)"
		" ON CONFLICT (plan_id, from_month) DO UPDATE SET months = excluded.months");
	char buf[16];
	int y, m;

	month_to_ym(from, &y, &m);
	snprintf(buf, sizeof buf, "%04d-%02d", y, m);
	db_bind_int64(s, ":plan", plan_id);
	db_bind_text(s, ":from", buf);
	db_bind_int(s, ":months", months);
	return db_exec(s, e);
}

static int supersede_others(db *d, int64_t client_id, int64_t keep_id, tsu_err *e)
{
	db_stmt *sel = db_prepare(d,
		"SELECT id FROM plan WHERE client_id = :client AND id <> :keep"
		" AND (stage = 'final' OR (stage = 'draft' AND id < :keep))");
	db_stmt *upd = db_prepare(d,
		"UPDATE plan SET stage = 'superseded', version = version + 1 WHERE id = :id");
	int64_t *ids;
	size_t n;
	int rc;

	/* Collect first: audit rows are written per plan. */
	db_bind_int64(sel, ":client", client_id);
	db_bind_int64(sel, ":keep", keep_id);
	if ((rc = db_int64_all(sel, &ids, &n, _("updating the plans"), e)) != TSU_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		db_bind_int64(upd, ":id", ids[i]);
		if (db_exec(upd, e) != TSU_OK || db_audit(d, "plan", ids[i], "update", e) != TSU_OK) {
			free(ids);
			return TSU_EIO;
		}
	}
	free(ids);
	return TSU_OK;
}

int store_plan_add(db *d, plan *p, tsu_err *e)
{
	if (p->anchor_month < 0 && p->period_from != DATE_NONE)
		p->anchor_month = date_month(p->period_from);
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (store_record_add(d, &rt_plan, p, e) != TSU_OK)
		goto fail;
	if (add_interval(d, p->id, p->anchor_month, p->monitoring_months, e) != TSU_OK)
		goto fail;
	if (strcmp(p->stage, "final") == 0 && supersede_others(d, p->client_id, p->id, e) != TSU_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	p->id = 0;
	return e ? e->code : TSU_EFAIL;
}

int store_plan_finalise(db *d, int64_t plan_id, date_t consented_on, tsu_err *e)
{
	plan p;
	int rc;

	if (consented_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("a final plan needs the date the client consented; give the consent date"));
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (store_record_get(d, &rt_plan, plan_id, &p, e) != TSU_OK)
		goto fail;
	if (strcmp(p.stage, "draft") != 0) {
		err_set(e, TSU_EINVAL, _("plan %lld is %s, not a draft; only a draft can be made final"),
			(long long)plan_id, store_enum_label(p.stage));
		goto fail;
	}
	free(p.stage);
	p.stage = xstrdup("final");
	p.consented_on = consented_on;
	if (store_record_update(d, &rt_plan, &p, e) != TSU_OK)
		goto fail;
	if (supersede_others(d, p.client_id, p.id, e) != TSU_OK)
		goto fail;
	record_free(&rt_plan, &p);
	return db_commit(d, e);
fail:
	rc = e ? e->code : TSU_EFAIL;
	record_free(&rt_plan, &p);
	db_rollback(d);
	return rc;
}

int store_plan_set_interval(db *d, int64_t plan_id, month_t from, int months, tsu_err *e)
{
	plan p;
	int rc;

	if (months < 1 || months > 12)
		return err_set(e, TSU_EINVAL, _("monitoring interval: %d months is not allowed; use a whole number of months from 1 to 12"), months);
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (store_record_get(d, &rt_plan, plan_id, &p, e) != TSU_OK)
		goto fail;
	if (from < p.anchor_month) {
		err_set(e, TSU_EINVAL, _("the new interval cannot start before the plan's first monitoring month"));
		goto fail;
	}
	p.monitoring_months = months;
	if (store_record_update(d, &rt_plan, &p, e) != TSU_OK ||
	    add_interval(d, plan_id, from, months, e) != TSU_OK)
		goto fail;
	record_free(&rt_plan, &p);
	return db_commit(d, e);
fail:
	rc = e ? e->code : TSU_EFAIL;
	record_free(&rt_plan, &p);
	db_rollback(d);
	return rc;
}

int store_plan_in_force(db *d, int64_t client_id, plan *p, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT id FROM plan WHERE client_id = :client AND stage <> 'superseded'"
		" ORDER BY stage = 'final' DESC, id DESC LIMIT 1");
	int64_t id;

	db_bind_int64(s, ":client", client_id);
	id = db_int64_or(s, 0);
	if (!id) {
		record_init(&rt_plan, p);
		return err_set(e, TSU_ENOTFOUND, _("client %lld has no plan yet"), (long long)client_id);
	}
	return store_record_get(d, &rt_plan, id, p, e);
}

/* ---- a consented plan is read-only ---- */

/* What may still change on a plan after consent: the day it was handed
 * over (交付日 comes after consent), the monitoring interval the
 * municipality sets (its history is in plan_interval) and the range of
 * monitoring months its certificate writes, the stage when a
 * newer version supersedes it, and the link to a previous version that
 * SQLite clears when that one is deleted.  Everything the client agreed
 * to stays as it was; a change is a new version (store_plan_revise). */
static bool changeable_after_consent(const char *col)
{
	static const char *const cols[] = {
		"delivered_on", "monitoring_months", "monitoring_range_from", "monitoring_range_to",
		"stage", "previous_id", NULL,
	};

	for (const char *const *c = cols; *c; c++)
		if (strcmp(*c, col) == 0)
			return true;
	return false;
}

static int refuse_consented(const plan *p, tsu_err *e)
{
	char on[DATE_ISO_LEN];

	date_format_iso(p->consented_on, on);
	if (strcmp(p->stage, "superseded") == 0)
		return err_set(e, TSU_EINVAL,
			       _("plan %lld is a past version (consented %s) and is kept as it was; change the plan in force instead"),
			       (long long)p->id, on);
	return err_set(e, TSU_EINVAL,
		       _("plan %lld was consented on %s and can no longer be changed; start a new version with 'tsunagi plan revise %lld' (R on the plan screen)"),
		       (long long)p->id, on, (long long)p->id);
}

int store_plan_guard(db *d, const record_type *rt, const void *rec, int64_t id, tsu_err *e)
{
	const plan *nw = rec;
	plan old;
	int rc = TSU_OK;

	if (!id)
		return TSU_OK;   /* a new plan, draft or entered as final */
	if (store_record_get(d, rt, id, &old, e) != TSU_OK) {
		record_free(rt, &old);
		return e ? e->code : TSU_ENOTFOUND;
	}
	if (strcmp(old.stage, "draft") == 0) {
		record_free(rt, &old);
		return TSU_OK;
	}
	if (!nw) {
		rc = refuse_consented(&old, e);
	} else if (strcmp(nw->stage, old.stage) != 0 && strcmp(nw->stage, "superseded") != 0) {
		rc = refuse_consented(&old, e);
	} else {
		for (size_t i = 0; i < rt->nfields && rc == TSU_OK; i++) {
			const field *f = &rt->fields[i];
			char *a, *b;

			if (changeable_after_consent(f->col))
				continue;
			a = record_get(f, &old);
			b = record_get(f, nw);
			if (strcmp(a, b) != 0)
				rc = refuse_consented(&old, e);
			free(a);
			free(b);
		}
	}
	record_free(rt, &old);
	return rc;
}

/* The plan a stored needs row, weekly slot or non-weekly service
 * belongs to (0 when there is no such row). */
static int64_t stored_parent(db *d, const record_type *rt, int64_t id)
{
	db_stmt *s;

	if (rt == &rt_plan_row)
		s = db_prepare(d, "SELECT plan_id FROM plan_row WHERE id = :id");
	else if (rt == &rt_weekly_slot)
		s = db_prepare(d, "SELECT plan_id FROM weekly_slot WHERE id = :id");
	else
		s = db_prepare(d, "SELECT plan_id FROM non_weekly WHERE id = :id");
	db_bind_int64(s, ":id", id);
	return db_int64_or(s, 0);
}

static int check_parent_draft(db *d, int64_t plan_id, tsu_err *e)
{
	plan p;
	int rc = TSU_OK;

	if (!plan_id)
		return TSU_OK;   /* no such row: the write itself says so */
	if (store_record_get(d, &rt_plan, plan_id, &p, NULL) == TSU_OK && strcmp(p.stage, "draft") != 0)
		rc = refuse_consented(&p, e);
	record_free(&rt_plan, &p);
	return rc;
}

int store_plan_child_guard(db *d, const record_type *rt, const void *rec, int64_t id, tsu_err *e)
{
	/* Every row type under a plan has plan_id as its first field. */
	if (rec && check_parent_draft(d, *field_id(&rt->fields[0], (void *)rec), e) != TSU_OK)
		return TSU_EINVAL;
	if (id && check_parent_draft(d, stored_parent(d, rt, id), e) != TSU_OK)
		return TSU_EINVAL;
	return TSU_OK;
}

/* ---- what a final plan must have ---- */

static void add_missing(char ***out, size_t *n, char *msg)
{
	*out = xrealloc(*out, (*n + 1) * sizeof **out);
	(*out)[(*n)++] = msg;
}

static void missing_text(char ***out, size_t *n, const char *value, const char *label)
{
	char *t = text_trim(value);

	if (!*t)
		add_missing(out, n, xasprintf(_("%s is empty"), label));
	free(t);
}

static void missing_rows(db *d, int64_t plan_id, char ***out, size_t *n)
{
	plan_row *rows = NULL;
	size_t nrows = 0;
	strbuf prios;

	if (store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &nrows, NULL) != TSU_OK)
		return;
	if (nrows == 0)
		add_missing(out, n, xstrdup(_("the needs table has no rows")));
	sb_init(&prios);
	for (size_t i = 0; i < nrows; i++) {
		char *t = text_trim(rows[i].provider);
		if (!*t && !rows[i].provider_id)
			sb_addf(&prios, "%s%d", prios.len ? ", " : "", rows[i].priority);
		free(t);
	}
	if (prios.len)
		add_missing(out, n, xasprintf(_("provider (提供事業者名) is empty in the needs of priority %s"), prios.s));
	sb_free(&prios);
	record_free_list(&rt_plan_row, rows, nrows);
}

int store_plan_missing(db *d, int64_t plan_id, char ***out, size_t *n, tsu_err *e)
{
	plan p;

	*out = NULL;
	*n = 0;
	if (store_record_get(d, &rt_plan, plan_id, &p, e) != TSU_OK) {
		record_free(&rt_plan, &p);
		return e ? e->code : TSU_ENOTFOUND;
	}
	if (p.written_on == DATE_NONE)
		add_missing(out, n, xstrdup(_("the date the plan was written (計画作成日) is empty")));
	missing_text(out, n, p.wishes, _("wishes about life (生活に対する意向)"));
	missing_text(out, n, p.policy, _("overall support policy (総合的な援助の方針)"));
	missing_text(out, n, p.long_goal, _("long-term goal (長期目標)"));
	missing_text(out, n, p.short_goal, _("short-term goal (短期目標)"));
	missing_rows(d, plan_id, out, n);
	record_free(&rt_plan, &p);
	return TSU_OK;
}

void store_plan_missing_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
