/*
 * test_plan_versions.c - a plan the client consented to stands up to an
 * inspection: it is read-only on every path through the store (and to
 * plain SQL updates, by the triggers of migration 0016), a change is a
 * new version that is a draft until made final, and finalising names
 * what the final plan lacks (FORMS.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	int64_t client;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "planv");
	f->client = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "1980-01-01");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fx_db_close(&f->x);
	free(f);
	return 0;
}

/* A complete draft: every field FORMS.md asks of the final plan. */
static int64_t add_draft(db *d, int64_t cid)
{
	plan p;
	tsu_err e;
	int64_t id;

	record_init(&rt_plan, &p);
	p.client_id = cid;
	p.written_on = fx_date("2026-04-20");
	p.period_from = fx_date("2026-05-01");
	p.period_to = fx_date("2027-04-30");
	p.monitoring_months = 3;
	fx_set(&p.wishes, "一人暮らしを続けたい");
	fx_set(&p.policy, "地域での一人暮らしを支える");
	fx_set(&p.long_goal, "自分で家事ができる");
	fx_set(&p.short_goal, "週2回掃除をする");
	assert_int_equal(store_plan_add(d, &p, &e), TSU_OK);
	id = p.id;
	record_free(&rt_plan, &p);
	return id;
}

static int64_t add_row(db *d, int64_t plan_id, int priority, const char *provider, tsu_err *e)
{
	plan_row r;
	int64_t id;

	record_init(&rt_plan_row, &r);
	r.plan_id = plan_id;
	r.priority = priority;
	fx_set(&r.need, "掃除ができない");
	fx_set(&r.goal, "週2回掃除をする");
	fx_set(&r.service_kind, "居宅介護");
	fx_set(&r.provider, provider);
	if (store_record_add(d, &rt_plan_row, &r, e) != TSU_OK)
		id = 0;
	else
		id = r.id;
	record_free(&rt_plan_row, &r);
	return id;
}

static int64_t add_final(struct fx *f)
{
	int64_t id = add_draft(f->x.db, f->client);
	tsu_err e;

	assert_true(add_row(f->x.db, id, 1, "ヘルパーステーションA 090-0000-0000", &e) > 0);
	assert_int_equal(store_plan_finalise(f->x.db, id, fx_date("2026-04-25"), &e), TSU_OK);
	return id;
}

static void a_consented_plans_fields_cannot_be_changed(void **state)
{
	struct fx *f = *state;
	int64_t id = add_final(f);
	plan p, again;
	tsu_err e;

	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &p, &e), TSU_OK);
	fx_set(&p.policy, "書き換えた方針");
	assert_int_equal(store_record_update(f->x.db, &rt_plan, &p, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "consented on 2026-04-25"));
	assert_non_null(strstr(e.msg, "plan revise"));
	assert_null(strchr(e.msg, '\n'));
	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &again, &e), TSU_OK);
	assert_string_equal(again.policy, "地域での一人暮らしを支える");
	record_free(&rt_plan, &again);
	record_free(&rt_plan, &p);
}

static void a_consented_plan_can_still_be_delivered_and_get_a_new_interval(void **state)
{
	struct fx *f = *state;
	int64_t id = add_final(f);
	plan p;
	tsu_err e;

	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &p, &e), TSU_OK);
	p.delivered_on = fx_date("2026-04-28");
	assert_int_equal(store_record_update(f->x.db, &rt_plan, &p, &e), TSU_OK);
	record_free(&rt_plan, &p);
	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2026, 10), 6, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &p, &e), TSU_OK);
	assert_int_equal(p.delivered_on, fx_date("2026-04-28"));
	assert_int_equal(p.monitoring_months, 6);
	record_free(&rt_plan, &p);
}

static void a_consented_plans_rows_cannot_be_added_changed_or_deleted(void **state)
{
	struct fx *f = *state;
	int64_t id = add_final(f);
	plan_row *rows;
	weekly_slot w;
	size_t n;
	tsu_err e;

	assert_int_equal(add_row(f->x.db, id, 2, "B事業所", &e), 0);
	assert_non_null(strstr(e.msg, "plan revise"));
	assert_int_equal(store_record_list(f->x.db, &rt_plan_row, id, (void **)&rows, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	fx_set(&rows[0].provider, "");
	assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &rows[0], &e), TSU_EINVAL);
	assert_int_equal(store_record_delete(f->x.db, &rt_plan_row, rows[0].id, &e), TSU_EINVAL);
	record_free_list(&rt_plan_row, rows, n);
	assert_int_equal(store_record_list(f->x.db, &rt_plan_row, id, (void **)&rows, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].provider, "ヘルパーステーションA 090-0000-0000");
	record_free_list(&rt_plan_row, rows, n);

	record_init(&rt_weekly_slot, &w);
	w.plan_id = id;
	w.start_min = 600;
	w.end_min = 660;
	fx_set(&w.activity, "通所");
	assert_int_equal(store_record_add(f->x.db, &rt_weekly_slot, &w, &e), TSU_EINVAL);
	record_free(&rt_weekly_slot, &w);
	/* Nor can the plan itself be deleted. */
	assert_int_equal(store_record_delete(f->x.db, &rt_plan, id, &e), TSU_EINVAL);
}

static void plain_sql_cannot_change_a_consented_plan_either(void **state)
{
	struct fx *f = *state;
	int64_t id = add_final(f);
	sqlite3 *h = db_handle(f->x.db);
	char *sql;

	sql = xasprintf("UPDATE plan SET policy = 'x' WHERE id = %lld", (long long)id);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(h), "read-only"));
	free(sql);
	sql = xasprintf("UPDATE plan_row SET provider = '' WHERE plan_id = %lld", (long long)id);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	/* The delivery date may still be set. */
	sql = xasprintf("UPDATE plan SET delivered_on = '2026-04-30' WHERE id = %lld", (long long)id);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
}

static void a_draft_stays_editable(void **state)
{
	struct fx *f = *state;
	int64_t id = add_draft(f->x.db, f->client), rid;
	plan p;
	tsu_err e;

	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &p, &e), TSU_OK);
	fx_set(&p.policy, "新しい方針");
	assert_int_equal(store_record_update(f->x.db, &rt_plan, &p, &e), TSU_OK);
	record_free(&rt_plan, &p);
	rid = add_row(f->x.db, id, 1, "", &e);
	assert_true(rid > 0);
	assert_int_equal(store_record_delete(f->x.db, &rt_plan_row, rid, &e), TSU_OK);
}

static void a_change_is_a_new_version_that_is_a_draft_until_final(void **state)
{
	struct fx *f = *state;
	int64_t old = add_final(f), nid = 0;
	plan_row *rows;
	plan p;
	size_t n;
	tsu_err e;

	assert_int_equal(store_plan_revise(f->x.db, old, fx_date("2026-10-01"), &nid, &e), TSU_OK);
	/* The needs rows came along and can be changed in the new draft. */
	assert_int_equal(store_record_list(f->x.db, &rt_plan_row, nid, (void **)&rows, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	fx_set(&rows[0].provider, "ヘルパーステーションB");
	assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &rows[0], &e), TSU_OK);
	record_free_list(&rt_plan_row, rows, n);
	/* The consented version is still in force and unchanged. */
	assert_int_equal(store_plan_in_force(f->x.db, f->client, &p, &e), TSU_OK);
	assert_int_equal(p.id, old);
	record_free(&rt_plan, &p);
	assert_int_equal(store_plan_finalise(f->x.db, nid, fx_date("2026-10-10"), &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_plan, old, &p, &e), TSU_OK);
	assert_string_equal(p.stage, "superseded");
	record_free(&rt_plan, &p);
	/* Both versions are read-only now. */
	assert_int_equal(add_row(f->x.db, old, 2, "C", &e), 0);
	assert_non_null(strstr(e.msg, "past version"));
	assert_int_equal(add_row(f->x.db, nid, 2, "C", &e), 0);
	assert_non_null(strstr(e.msg, "consented on 2026-10-10"));
}

static void finalising_names_what_the_final_plan_lacks(void **state)
{
	struct fx *f = *state;
	int64_t id;
	char **miss;
	size_t n;
	plan p;
	tsu_err e;

	/* Complete: nothing to say. */
	id = add_draft(f->x.db, f->client);
	assert_true(add_row(f->x.db, id, 1, "A事業所", &e) > 0);
	assert_int_equal(store_plan_missing(f->x.db, id, &miss, &n, &e), TSU_OK);
	assert_int_equal(n, 0);
	store_plan_missing_free(miss, n);
	/* Providers empty in two rows, the policy blank. */
	assert_true(add_row(f->x.db, id, 2, "", &e) > 0);
	assert_true(add_row(f->x.db, id, 3, "  ", &e) > 0);
	assert_int_equal(store_record_get(f->x.db, &rt_plan, id, &p, &e), TSU_OK);
	fx_set(&p.policy, " ");
	p.written_on = DATE_NONE;
	assert_int_equal(store_record_update(f->x.db, &rt_plan, &p, &e), TSU_OK);
	record_free(&rt_plan, &p);
	assert_int_equal(store_plan_missing(f->x.db, id, &miss, &n, &e), TSU_OK);
	assert_int_equal(n, 3);
	assert_non_null(strstr(miss[0], "計画作成日"));
	assert_non_null(strstr(miss[1], "総合的な援助の方針"));
	assert_non_null(strstr(miss[2], "提供事業者名"));
	assert_non_null(strstr(miss[2], "priority 2, 3"));
	store_plan_missing_free(miss, n);
}

static void a_plan_without_needs_rows_lacks_them(void **state)
{
	struct fx *f = *state;
	int64_t id = add_draft(f->x.db, f->client);
	char **miss;
	size_t n;
	tsu_err e;

	assert_int_equal(store_plan_missing(f->x.db, id, &miss, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_non_null(strstr(miss[0], "no rows"));
	store_plan_missing_free(miss, n);
	assert_int_equal(store_plan_missing(f->x.db, 9999, &miss, &n, &e), TSU_ENOTFOUND);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_consented_plans_fields_cannot_be_changed),
		T(a_consented_plan_can_still_be_delivered_and_get_a_new_interval),
		T(a_consented_plans_rows_cannot_be_added_changed_or_deleted),
		T(plain_sql_cannot_change_a_consented_plan_either),
		T(a_draft_stays_editable),
		T(a_change_is_a_new_version_that_is_a_draft_until_final),
		T(finalising_names_what_the_final_plan_lacks),
		T(a_plan_without_needs_rows_lacks_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
