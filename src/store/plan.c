/*
 * plan.c - plan stages and monitoring intervals.  The generic record code
 * stores the fields; this file keeps the rules that span rows: one final
 * plan in force per client, and the interval history the due engine needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_plan.h"
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
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	/* Collect first: audit rows are written per plan. */
	db_bind_int64(sel, ":client", client_id);
	db_bind_int64(sel, ":keep", keep_id);
	while ((rc = db_step(sel)) == DB_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = db_col_int64(sel, 0);
	}
	db_reset(sel);
	if (rc < 0) {
		free(ids);
		return db_error(d, e, _("updating the plans"));
	}
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
