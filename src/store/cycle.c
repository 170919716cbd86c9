/*
 * cycle.c - plan and monitoring rules that span rows (store_cycle.h):
 * needs pulled from an assessment, revisions, the order of the needs
 * table, monitorings started or scheduled, and the GAS trend.  The
 * generic record store writes each row with its audit entry; this file
 * only decides which rows and wraps them in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

#define FAIL_CODE(e) ((e) && (e)->code ? (e)->code : TSU_EFAIL)

static void set_text(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s ? s : "");
}

/* ---- pulling needs ---- */

static bool row_links_item(const plan_row *rows, size_t n, int64_t item_id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].assessment_item_id == item_id)
			return true;
	return false;
}

int store_plan_next_priority(db *d, int64_t plan_id)
{
	db_stmt *s = db_prepare(d, "SELECT coalesce(max(priority), 0) FROM plan_row WHERE plan_id = :plan");
	int64_t max;

	db_bind_int64(s, ":plan", plan_id);
	max = db_int64_or(s, 0);
	return max >= 99 ? 99 : (int)max + 1;
}

static int add_need_row(db *d, int64_t plan_id, const assessment_item *it, int priority, tsu_err *e)
{
	plan_row r;
	int rc;

	record_init(&rt_plan_row, &r);
	r.plan_id = plan_id;
	r.priority = priority > 99 ? 99 : priority;
	r.assessment_item_id = it->id;
	/* The item's own wording of the need when the worker gave one; else
	 * what was seen and what it means, as a start to edit. */
	if (it->need_words[0]) {
		set_text(&r.need, it->need_words);
	} else if (it->interpretation[0] && it->fact[0]) {
		free(r.need);
		r.need = xasprintf("%s\n%s", it->fact, it->interpretation);
	} else {
		set_text(&r.need, it->fact[0] ? it->fact : it->interpretation);
	}
	rc = store_record_add(d, &rt_plan_row, &r, e);
	record_free(&rt_plan_row, &r);
	return rc;
}

int store_plan_pull_needs(db *d, int64_t plan_id, int64_t assessment_id, size_t *added, tsu_err *e)
{
	plan p;
	assessment a;
	assessment_item *items = NULL;
	plan_row *rows = NULL;
	size_t nitems = 0, nrows = 0, count = 0;
	int rc = TSU_OK, next;

	if (added)
		*added = 0;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	/* store_record_get initialises its record whatever happens. */
	if (store_record_get(d, &rt_plan, plan_id, &p, e) != TSU_OK) {
		record_init(&rt_assessment, &a);
		goto fail;
	}
	if (store_record_get(d, &rt_assessment, assessment_id, &a, e) != TSU_OK)
		goto fail;
	if (strcmp(p.stage, "draft") != 0) {
		err_set(e, TSU_EINVAL, _("plan %lld is %s; needs are pulled into a draft only (revise the plan first)"),
			(long long)plan_id, store_enum_label(p.stage));
		goto fail;
	}
	if (p.client_id != a.client_id) {
		err_set(e, TSU_EINVAL, _("assessment %lld belongs to another client than plan %lld; pick this client's assessment"),
			(long long)assessment_id, (long long)plan_id);
		goto fail;
	}
	if (store_record_list(d, &rt_assessment_item, assessment_id, (void **)&items, &nitems, e) != TSU_OK ||
	    store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &nrows, e) != TSU_OK)
		goto fail;
	next = store_plan_next_priority(d, plan_id);
	for (size_t i = 0; i < nitems; i++) {
		if (!items[i].need || row_links_item(rows, nrows, items[i].id))
			continue;
		if (add_need_row(d, plan_id, &items[i], next++, e) != TSU_OK)
			goto fail;
		count++;
	}
	if (db_commit(d, e) != TSU_OK)
		goto out_err;
	if (added)
		*added = count;
	goto out;
fail:
	db_rollback(d);
out_err:
	rc = FAIL_CODE(e);
out:
	record_free_list(&rt_assessment_item, items, nitems);
	record_free_list(&rt_plan_row, rows, nrows);
	record_free(&rt_plan, &p);
	record_free(&rt_assessment, &a);
	return rc;
}

/* ---- revising ---- */

/* Copy every child row of type rt from plan `from` to plan `to`; the
 * parent column is the record's first field (plan_id). */
static int copy_children(db *d, const record_type *rt, int64_t from, int64_t to, tsu_err *e)
{
	char *v = NULL;
	size_t n = 0;
	int rc = TSU_OK;

	if (store_record_list(d, rt, from, (void **)&v, &n, e) != TSU_OK)
		return FAIL_CODE(e);
	for (size_t i = 0; i < n && rc == TSU_OK; i++) {
		void *r = v + i * rt->size;
		*field_id(&rt->fields[0], r) = to;
		rc = store_record_add(d, rt, r, e);
	}
	record_free_list(rt, v, n);
	return rc;
}

/* The interval history after the anchor (store_plan_add writes the
 * first row); the copy keeps the due months the old plan had. */
static int copy_intervals(db *d, int64_t from, int64_t to, month_t anchor, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT from_month, months FROM plan_interval WHERE plan_id = :plan ORDER BY from_month");
	db_stmt *ins = db_prepare(d,
		"INSERT INTO plan_interval (plan_id, from_month, months) VALUES (:plan, :from, :months)"
		" ON CONFLICT (plan_id, from_month) DO UPDATE SET months = excluded.months");
	char **months = NULL;
	int *vals = NULL, rc;
	size_t n = 0;
	char a[16];
	int y, m;

	month_to_ym(anchor, &y, &m);
	snprintf(a, sizeof a, "%04d-%02d", y, m);
	db_bind_int64(s, ":plan", from);
	while ((rc = db_step(s)) == DB_ROW) {
		months = xrealloc(months, (n + 1) * sizeof *months);
		vals = xrealloc(vals, (n + 1) * sizeof *vals);
		months[n] = db_col_strdup(s, 0);
		vals[n++] = db_col_int(s, 1);
	}
	db_reset(s);
	rc = rc < 0 ? db_error(d, e, _("reading the plan's intervals")) : TSU_OK;
	for (size_t i = 0; i < n; i++) {
		if (rc == TSU_OK && strcmp(months[i], a) != 0) {
			db_bind_int64(ins, ":plan", to);
			db_bind_text(ins, ":from", months[i]);
			db_bind_int(ins, ":months", vals[i]);
			rc = db_exec(ins, e);
		}
		free(months[i]);
	}
	free(months);
	free(vals);
	return rc;
}

static int64_t draft_revision_of(db *d, int64_t plan_id)
{
	db_stmt *s = db_prepare(d, "SELECT id FROM plan WHERE previous_id = :id AND stage = 'draft' ORDER BY id LIMIT 1");

	db_bind_int64(s, ":id", plan_id);
	return db_int64_or(s, 0);
}

int store_plan_revise(db *d, int64_t plan_id, date_t written_on, int64_t *new_id, tsu_err *e)
{
	plan old, p;
	int64_t other;
	int rc;

	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	record_init(&rt_plan, &p);
	if (store_record_get(d, &rt_plan, plan_id, &old, e) != TSU_OK)
		goto fail;
	if (strcmp(old.stage, "final") != 0) {
		err_set(e, TSU_EINVAL, _("plan %lld is %s; only the final plan in force can be revised"),
			(long long)plan_id, store_enum_label(old.stage));
		goto fail;
	}
	if ((other = draft_revision_of(d, plan_id)) != 0) {
		err_set(e, TSU_EINVAL, _("plan %lld already has a draft revision (plan %lld); continue that one"),
			(long long)plan_id, (long long)other);
		goto fail;
	}
	record_free(&rt_plan, &p);
	record_copy(&rt_plan, &p, &old);
	p.id = 0;
	p.version = 0;
	set_text(&p.stage, "draft");
	p.previous_id = plan_id;
	p.written_on = written_on;
	p.consented_on = DATE_NONE;
	p.delivered_on = DATE_NONE;
	if (store_plan_add(d, &p, e) != TSU_OK ||
	    copy_intervals(d, plan_id, p.id, p.anchor_month, e) != TSU_OK ||
	    copy_children(d, &rt_plan_row, plan_id, p.id, e) != TSU_OK ||
	    copy_children(d, &rt_weekly_slot, plan_id, p.id, e) != TSU_OK ||
	    copy_children(d, &rt_non_weekly, plan_id, p.id, e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK) {
		rc = FAIL_CODE(e);
		goto out;
	}
	if (new_id)
		*new_id = p.id;
	rc = TSU_OK;
	goto out;
fail:
	rc = FAIL_CODE(e);
	db_rollback(d);
out:
	record_free(&rt_plan, &old);
	record_free(&rt_plan, &p);
	return rc;
}

/* ---- the order of the needs table ---- */

/* Priorities 1..n over rows (already in list order); writes changed ones. */
static int renumber_rows(db *d, plan_row *rows, size_t n, tsu_err *e)
{
	for (size_t i = 0; i < n; i++) {
		int want = i + 1 > 99 ? 99 : (int)i + 1;
		if (rows[i].priority == want)
			continue;
		rows[i].priority = want;
		if (store_record_update(d, &rt_plan_row, &rows[i], e) != TSU_OK)
			return FAIL_CODE(e);
	}
	return TSU_OK;
}

int store_plan_renumber(db *d, int64_t plan_id, tsu_err *e)
{
	plan_row *rows = NULL;
	size_t n = 0;
	int rc;

	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	rc = store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &n, e);
	if (rc == TSU_OK)
		rc = renumber_rows(d, rows, n, e);
	if (rc == TSU_OK)
		rc = db_commit(d, e);
	else
		db_rollback(d);
	record_free_list(&rt_plan_row, rows, n);
	return rc;
}

int store_plan_row_move(db *d, int64_t row_id, int64_t version, int delta, bool *moved, tsu_err *e)
{
	plan_row me, *rows = NULL;
	size_t n = 0, at = 0;
	int rc = TSU_OK, tmp;

	if (moved)
		*moved = false;
	if (delta != -1 && delta != 1)
		return err_set(e, TSU_EINVAL, _("a row moves one place up or down at a time"));
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (store_record_get(d, &rt_plan_row, row_id, &me, e) != TSU_OK) {
		record_free(&rt_plan_row, &me);
		db_rollback(d);
		return FAIL_CODE(e);
	}
	if (me.version != version) {
		rc = err_set(e, TSU_ECONFLICT, _("this plan row was changed in another session meanwhile; reload it and move it again"));
		goto fail;
	}
	if (store_record_list(d, &rt_plan_row, me.plan_id, (void **)&rows, &n, e) != TSU_OK ||
	    renumber_rows(d, rows, n, e) != TSU_OK)
		goto fail;
	while (at < n && rows[at].id != row_id)
		at++;
	if (at < n && !((delta < 0 && at == 0) || (delta > 0 && at + 1 >= n))) {
		plan_row *a = &rows[at], *b = &rows[at + delta];
		tmp = a->priority;
		a->priority = b->priority;
		b->priority = tmp;
		if (store_record_update(d, &rt_plan_row, a, e) != TSU_OK ||
		    store_record_update(d, &rt_plan_row, b, e) != TSU_OK)
			goto fail;
		if (moved)
			*moved = true;
	}
	if (db_commit(d, e) != TSU_OK) {
		rc = FAIL_CODE(e);
		if (moved)
			*moved = false;
	}
	goto out;
fail:
	if (rc == TSU_OK)
		rc = FAIL_CODE(e);
	if (moved)
		*moved = false;
	db_rollback(d);
out:
	record_free_list(&rt_plan_row, rows, n);
	record_free(&rt_plan_row, &me);
	return rc;
}

/* ---- monitoring ---- */

int store_monitoring_schedule(db *d, int64_t client_id, int64_t monitoring_id, date_t on,
			      int64_t *id, tsu_err *e)
{
	monitoring m;
	plan p;
	int rc;

	if (on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("a monitoring is scheduled on a day; give the date"));
	if (monitoring_id) {
		if (store_record_get(d, &rt_monitoring, monitoring_id, &m, e) != TSU_OK) {
			record_free(&rt_monitoring, &m);
			return FAIL_CODE(e);
		}
		if (m.client_id != client_id)
			rc = err_set(e, TSU_EINVAL, _("monitoring %lld is another client's"), (long long)monitoring_id);
		else if (m.done_on != DATE_NONE)
			rc = err_set(e, TSU_EINVAL, _("monitoring %lld is already done; only a scheduled one can be moved"),
				     (long long)monitoring_id);
		else {
			m.scheduled_on = on;
			rc = store_record_update(d, &rt_monitoring, &m, e);
		}
	} else {
		record_init(&rt_monitoring, &m);
		m.client_id = client_id;
		m.scheduled_on = on;
		if (store_plan_in_force(d, client_id, &p, NULL) == TSU_OK)
			m.plan_id = p.id;
		record_free(&rt_plan, &p);
		rc = store_record_add(d, &rt_monitoring, &m, e);
	}
	if (rc == TSU_OK && id)
		*id = m.id;
	record_free(&rt_monitoring, &m);
	return rc;
}

/* The client's scheduled, not done monitoring nearest to day, or 0. */
static int64_t scheduled_near(db *d, int64_t client_id, date_t day)
{
	db_stmt *s = db_prepare(d,
		"SELECT id FROM monitoring WHERE client_id = :client AND done_on IS NULL"
		" AND scheduled_on IS NOT NULL"
		" ORDER BY abs(julianday(scheduled_on) - julianday(:day)), scheduled_on, id LIMIT 1");
	char iso[DATE_ISO_LEN];

	date_format_iso(day, iso);
	db_bind_int64(s, ":client", client_id);
	db_bind_text(s, ":day", iso);
	return db_int64_or(s, 0);
}

static int add_missing_rows(db *d, int64_t monitoring_id, int64_t plan_id, tsu_err *e)
{
	plan_row *rows = NULL;
	monitoring_row *have = NULL, r;
	size_t n = 0, nh = 0;
	int rc;

	if ((rc = store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &n, e)) != TSU_OK)
		return rc;
	if ((rc = store_record_list(d, &rt_monitoring_row, monitoring_id, (void **)&have, &nh, e)) != TSU_OK) {
		record_free_list(&rt_plan_row, rows, n);
		return rc;
	}
	for (size_t i = 0; i < n && rc == TSU_OK; i++) {
		bool found = false;
		for (size_t k = 0; k < nh && !found; k++)
			found = have[k].plan_row_id == rows[i].id;
		if (found)
			continue;
		record_init(&rt_monitoring_row, &r);
		r.monitoring_id = monitoring_id;
		r.plan_row_id = rows[i].id;
		rc = store_record_add(d, &rt_monitoring_row, &r, e);
		record_free(&rt_monitoring_row, &r);
	}
	record_free_list(&rt_plan_row, rows, n);
	record_free_list(&rt_monitoring_row, have, nh);
	return rc;
}

int store_monitoring_fill_rows(db *d, int64_t monitoring_id, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT count(*) FROM monitoring_row WHERE monitoring_id = :id");
	monitoring m;
	plan p;
	int rc;

	db_bind_int64(s, ":id", monitoring_id);
	if (db_int64_or(s, 1) > 0)
		return TSU_OK;
	record_init(&rt_monitoring, &m);
	record_init(&rt_plan, &p);
	if ((rc = db_begin(d, e)) != TSU_OK)
		goto out;
	rc = store_record_get(d, &rt_monitoring, monitoring_id, &m, e);
	if (rc == TSU_OK && !m.plan_id) {
		rc = store_plan_in_force(d, m.client_id, &p, e);
		if (rc == TSU_ENOTFOUND) {      /* no plan: no goals to rate */
			db_rollback(d);
			rc = TSU_OK;
			goto out;
		}
		if (rc == TSU_OK) {
			m.plan_id = p.id;
			rc = store_record_update(d, &rt_monitoring, &m, e);
		}
	}
	if (rc == TSU_OK)
		rc = add_missing_rows(d, monitoring_id, m.plan_id, e);
	if (rc == TSU_OK)
		rc = db_commit(d, e);
	else
		db_rollback(d);
out:
	record_free(&rt_monitoring, &m);
	record_free(&rt_plan, &p);
	return rc;
}

int store_monitoring_start(db *d, int64_t client_id, date_t done_on, int64_t *monitoring_id, tsu_err *e)
{
	monitoring m;
	plan p;
	int64_t sched;
	int rc;

	if (done_on == DATE_NONE)
		return err_set(e, TSU_EINVAL, _("done on: a date is needed (like 2025-04-01 or R7.4.1)"));
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	record_init(&rt_monitoring, &m);
	if (store_plan_in_force(d, client_id, &p, e) != TSU_OK)
		goto fail;
	if ((sched = scheduled_near(d, client_id, done_on)) != 0) {
		record_free(&rt_monitoring, &m);
		if (store_record_get(d, &rt_monitoring, sched, &m, e) != TSU_OK)
			goto fail;
		m.done_on = done_on;
		m.plan_id = p.id;
		rc = store_record_update(d, &rt_monitoring, &m, e);
	} else {
		m.client_id = client_id;
		m.plan_id = p.id;
		m.done_on = done_on;
		rc = store_record_add(d, &rt_monitoring, &m, e);
	}
	if (rc != TSU_OK || add_missing_rows(d, m.id, p.id, e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK)
		goto out_err;
	if (monitoring_id)
		*monitoring_id = m.id;
	rc = TSU_OK;
	goto out;
fail:
	db_rollback(d);
out_err:
	rc = FAIL_CODE(e);
out:
	record_free(&rt_plan, &p);
	record_free(&rt_monitoring, &m);
	return rc;
}

int store_monitoring_change_needed(db *d, int64_t monitoring_id, bool *needed, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT m.change_needed OR EXISTS (SELECT 1 FROM monitoring_row r WHERE r.monitoring_id = m.id"
		" AND (r.change_kind OR r.change_amount OR r.change_weekly)) FROM monitoring m WHERE m.id = :id");
	int rc;

	*needed = false;
	db_bind_int64(s, ":id", monitoring_id);
	rc = db_step(s);
	if (rc == DB_ROW)
		*needed = db_col_int(s, 0) != 0;
	db_reset(s);
	if (rc < 0)
		return db_error(d, e, _("reading the monitoring"));
	if (rc != DB_ROW)
		return err_set(e, TSU_ENOTFOUND, _("no %s with id %lld"), _("monitoring"), (long long)monitoring_id);
	return TSU_OK;
}

/* ---- GAS trend ---- */

/* Append the scores of plan row row_id to t. */
static int add_scores(db *d, gas_trend *t, int64_t row_id, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT m.done_on, r.gas, m.id FROM monitoring_row r JOIN monitoring m ON m.id = r.monitoring_id"
		" WHERE r.plan_row_id = :row AND r.gas IS NOT NULL AND m.done_on IS NOT NULL");
	int rc;

	db_bind_int64(s, ":row", row_id);
	while ((rc = db_step(s)) == DB_ROW) {
		gas_point *pt;
		t->points = xrealloc(t->points, (t->npoints + 1) * sizeof *t->points);
		pt = &t->points[t->npoints++];
		pt->on = db_col_date(s, 0);
		pt->gas = db_col_int(s, 1);
		pt->monitoring_id = db_col_int64(s, 2);
	}
	db_reset(s);
	return rc < 0 ? db_error(d, e, _("reading the monitorings")) : TSU_OK;
}

static int cmp_point(const void *a, const void *b)
{
	const gas_point *x = a, *y = b;

	if (x->on != y->on)
		return x->on < y->on ? -1 : 1;
	return x->monitoring_id < y->monitoring_id ? -1 : x->monitoring_id > y->monitoring_id;
}

/* A goal's key for following it across revisions: folded (width, case,
 * kana, dashes) and without spaces. */
static char *goal_key(const char *goal)
{
	char *f = text_fold(goal), *w = f;

	for (const char *r = f; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	return f;
}

/* The row of plan_id whose goal key is fold (first in priority order). */
static int64_t row_with_goal(db *d, int64_t plan_id, const char *fold, tsu_err *e)
{
	plan_row *rows = NULL;
	size_t n = 0;
	int64_t found = 0;

	if (store_record_list(d, &rt_plan_row, plan_id, (void **)&rows, &n, e) != TSU_OK)
		return -1;
	for (size_t i = 0; i < n && !found; i++) {
		char *f = goal_key(rows[i].goal);
		if (strcmp(f, fold) == 0)
			found = rows[i].id;
		free(f);
	}
	record_free_list(&rt_plan_row, rows, n);
	return found;
}

static int64_t previous_plan(db *d, int64_t plan_id)
{
	db_stmt *s = db_prepare(d, "SELECT previous_id FROM plan WHERE id = :id");

	db_bind_int64(s, ":id", plan_id);
	return db_int64_or(s, 0);
}

static int trace_goal(db *d, const plan *p, gas_trend *t, tsu_err *e)
{
	char *fold = goal_key(t->goal);
	int64_t prev = p->previous_id, row;
	int rc = add_scores(d, t, t->plan_row_id, e);

	/* Walk back through the revisions; the bound guards against a cycle. */
	for (int hops = 0; rc == TSU_OK && fold[0] && prev && hops < 1000; hops++) {
		row = row_with_goal(d, prev, fold, e);
		if (row < 0)
			rc = FAIL_CODE(e);
		else if (row > 0)
			rc = add_scores(d, t, row, e);
		prev = previous_plan(d, prev);
	}
	free(fold);
	if (t->npoints)
		qsort(t->points, t->npoints, sizeof *t->points, cmp_point);
	return rc;
}

int store_gas_trend(db *d, int64_t client_id, gas_trend **out, size_t *n, tsu_err *e)
{
	plan p;
	plan_row *rows = NULL;
	size_t nrows = 0;
	gas_trend *t;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_plan_in_force(d, client_id, &p, e)) != TSU_OK) {
		record_free(&rt_plan, &p);
		return rc;
	}
	if ((rc = store_record_list(d, &rt_plan_row, p.id, (void **)&rows, &nrows, e)) != TSU_OK) {
		record_free(&rt_plan, &p);
		return rc;
	}
	t = nrows ? xcalloc(nrows, sizeof *t) : NULL;
	for (size_t i = 0; i < nrows && rc == TSU_OK; i++) {
		t[i].plan_row_id = rows[i].id;
		t[i].priority = rows[i].priority;
		t[i].goal = xstrdup(rows[i].goal);
		rc = trace_goal(d, &p, &t[i], e);
	}
	record_free_list(&rt_plan_row, rows, nrows);
	record_free(&rt_plan, &p);
	if (rc != TSU_OK) {
		gas_trend_free(t, nrows);
		return rc;
	}
	*out = t;
	*n = nrows;
	return TSU_OK;
}

void gas_trend_free(gas_trend *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].goal);
		free(t[i].points);
	}
	free(t);
}
