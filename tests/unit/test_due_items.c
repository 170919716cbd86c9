/*
 * test_due_items.c - the due cache must give exactly what the engine
 * gives from the records, for any window and any today, and must follow
 * every kind of change: a monitoring recorded, a certificate renewed, a
 * consent withdrawn, an interval changed, a client closed or deleted, an
 * action item done - including changes made behind tsunagi's back.
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
#include "tsunagi/cli.h"
#include "tsunagi/due_items.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	date_t today;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	f->today = date_from_ymd(2026, 11, 23);
	fx_demo_open(&f->x, "due", 60, f->today);
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

static void expect_same_item(const due_item *a, const due_item *b)
{
	assert_int_equal(a->on, b->on);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->state, b->state);
	assert_int_equal(a->client_id, b->client_id);
	assert_int_equal(a->ref_id, b->ref_id);
	assert_int_equal(a->days_left, b->days_left);
	assert_int_equal(a->stage, b->stage);
	assert_int_equal(a->month, b->month);
	assert_int_equal(a->deadline, b->deadline);
	assert_int_equal(a->done_id, b->done_id);
	assert_string_equal(a->text ? a->text : "", b->text ? b->text : "");
	assert_string_equal(a->text2 ? a->text2 : "", b->text2 ? b->text2 : "");
}

/* Cache and engine agree for several todays, windows and options. */
static void expect_cache_matches_engine(db *d, date_t today)
{
	/* The last four: single month-end days (today is 2026-11-23), where
	 * a month's monitoring item sits past the end of a plan's period. */
	static const int spans[][2] = { { -92, 6 }, { 0, 30 }, { -400, 400 }, { 30, 31 },
					{ 7, 7 }, { 38, 38 }, { 69, 69 }, { 97, 97 } };
	tsu_err e;

	for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++) {
		for (int done = 0; done < 2; done++) {
			for (int k = -1; k < DUE_KIND_COUNT; k++) {
				due_query q = { today, today + spans[s][0], today + spans[s][1],
						done, k < 0 ? 0 : 1u << k };
				due_result a, b;

				assert_int_equal(due_items_get(d, &q, &a, &e), TSU_OK);
				assert_int_equal(due_items_direct(d, &q, &b, &e), TSU_OK);
				assert_int_equal(a.list.n, b.list.n);
				for (size_t i = 0; i < a.list.n; i++)
					expect_same_item(&a.list.items[i], &b.list.items[i]);
				due_result_free(&a);
				due_result_free(&b);
			}
		}
	}
	/* The per-day counts the calendar reads agree with the cache. */
	/* open: 1 not met, 0 met, 2 a monitoring month recorded as not done. */
#define OPEN_OF(g) "(CASE WHEN " g ".done_id <> 0 THEN 0 WHEN " g ".kind = 0 AND " g ".stage = 1 THEN 2 ELSE 1 END)"
	assert_int_equal(db_int64_or(db_prepare(d,
		"SELECT count(*) FROM (SELECT due_on, kind, " OPEN_OF("due_cache") " AS o, count(*) AS c"
		" FROM due_cache GROUP BY 1, 2, 3) g LEFT JOIN due_day y ON y.due_on = g.due_on"
		" AND y.kind = g.kind AND y.open = g.o WHERE y.n IS NOT g.c"), -1), 0);
	assert_int_equal(db_int64_or(db_prepare(d,
		"SELECT count(*) FROM due_day y WHERE n <> (SELECT count(*) FROM due_cache g"
		" WHERE g.due_on = y.due_on AND g.kind = y.kind AND " OPEN_OF("g") " = y.open)"), -1), 0);
#undef OPEN_OF
}

/* What a sheet keeps of a full read: every open item up to to, the open
 * monitorings up to mons_to, nothing due_list_forget_missed drops. */
static bool sheet_keeps(const due_item *it, date_t to)
{
	return it->kind == DUE_MONITORING || it->on <= to;
}

/* due_items_get_sheet skips rows inside the index; it must give exactly
 * the items a full read keeps, in the same order, through the cache and
 * without it, for several todays and windows. */
static void expect_sheet_matches_full_read(db *d, date_t today)
{
	/* The last: a week and its month's end, the day that dates the
	 * month's monitorings and many plans, certificates and consents,
	 * where the sheet's scan of the index stops after the monitorings. */
	const int spans[][3] = { { 0, 6, 7 }, { -3, 3, 38 }, { 0, 0, 0 }, { 7, 13, 97 },
				 { -400, 6, 30 }, { 0, 30, 30 },
				 { 0, 6, month_last_day(date_month(today + 6)) - today } };
	tsu_err e;

	for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++) {
		for (int k = -1; k < DUE_KIND_COUNT; k++) {
			due_query q = { today, today + spans[s][0], today + spans[s][1],
					false, k < 0 ? 0 : 1u << k };
			due_query all = q;
			date_t mons_to = today + spans[s][2];
			due_result a, b;
			size_t j = 0;

			all.to = mons_to;
			assert_int_equal(due_items_get_sheet(d, &q, mons_to, &a, &e), TSU_OK);
			assert_int_equal(due_items_get(d, &all, &b, &e), TSU_OK);
			due_list_forget_missed(&b.list, today);
			for (size_t i = 0; i < b.list.n; i++) {
				if (!sheet_keeps(&b.list.items[i], q.to))
					continue;
				assert_true(j < a.list.n);
				expect_same_item(&a.list.items[j++], &b.list.items[i]);
			}
			assert_int_equal(j, a.list.n);
			due_result_free(&a);
			due_result_free(&b);
		}
	}
}

static void sheet_reads_what_it_keeps(void **state)
{
	struct fx *f = *state;

	expect_sheet_matches_full_read(f->x.db, f->today);
	expect_sheet_matches_full_read(f->x.db, f->today + 45);
	expect_sheet_matches_full_read(f->x.db, f->today + 200);
	expect_sheet_matches_full_read(f->x.db, f->today - 200);
}

static int sqlite3_exec_like(db *d, const char *sql, tsu_err *e)
{
	(void)e;
	return sqlite3_exec(db_handle(d), sql, NULL, NULL, NULL) == SQLITE_OK ? TSU_OK : TSU_EIO;
}

static int64_t count(db *d, const char *sql)
{
	return db_int64_or(db_prepare(d, sql), -1);
}

static void cache_gives_what_the_engine_gives(void **state)
{
	struct fx *f = *state;

	expect_cache_matches_engine(f->x.db, f->today);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_dirty"), 0);
	assert_true(count(f->x.db, "SELECT count(*) FROM due_cache") > 100);
	/* The demo has a month not done and paperwork that disagrees, so
	 * the new items and due_day's third kind of count are tried. */
	assert_true(count(f->x.db, "SELECT count(*) FROM due_day WHERE open = 2 AND n > 0") > 0);
	assert_true(count(f->x.db, "SELECT count(*) FROM due_cache WHERE kind = 7") > 0);
	/* The state comes from today alone: other days agree too. */
	expect_cache_matches_engine(f->x.db, f->today + 45);
	expect_cache_matches_engine(f->x.db, f->today - 200);
}

static void cache_follows_changes_made_through_the_store(void **state)
{
	struct fx *f = *state;
	tsu_err e;
	monitoring m;
	certificate c;
	plan p;

	expect_cache_matches_engine(f->x.db, f->today);
	/* A monitoring in this month for client 2. */
	record_init(&rt_monitoring, &m);
	m.client_id = 2;
	m.done_on = f->today - 2;
	assert_int_equal(store_record_add(f->x.db, &rt_monitoring, &m, &e), TSU_OK);
	record_free(&rt_monitoring, &m);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_dirty"), 1);
	/* A renewed certificate for client 3. */
	record_init(&rt_certificate, &c);
	c.client_id = 3;
	c.valid_from = f->today;
	c.valid_to = f->today + 365;
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &c, &e), TSU_OK);
	record_free(&rt_certificate, &c);
	/* Client 4's interval changes from next month on. */
	if (store_plan_in_force(f->x.db, 4, &p, &e) == TSU_OK)
		assert_int_equal(store_plan_set_interval(f->x.db, p.id, date_month(f->today) + 1, 1, &e), TSU_OK);
	record_free(&rt_plan, &p);
	/* Client 5 closes, client 6 is deleted. */
	assert_int_equal(store_client_close(f->x.db, 5, f->today, &e), TSU_OK);
	assert_int_equal(store_client_delete(f->x.db, 6, &e), TSU_OK);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_cache WHERE client_id = 6"), 0);
	expect_cache_matches_engine(f->x.db, f->today);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_cache WHERE client_id = 5"), 0);
}

static void cache_follows_changes_made_behind_its_back(void **state)
{
	struct fx *f = *state;
	tsu_err e;

	plan_row r;
	int64_t draft;
	char *row_sql, *period_sql;

	/* A consented plan is read-only (migration 0016), so the plan and
	 * its row changed behind the cache's back are those of a client
	 * whose plan in force is a draft. */
	draft = count(f->x.db, "SELECT max(id) FROM plan WHERE stage = 'draft' AND client_id NOT IN"
			     " (SELECT client_id FROM plan WHERE stage = 'final')");
	assert_true(draft > 0);
	record_init(&rt_plan_row, &r);
	r.plan_id = draft;
	r.review_on = f->today + 40;
	assert_int_equal(store_record_add(f->x.db, &rt_plan_row, &r, &e), TSU_OK);
	record_free(&rt_plan_row, &r);
	row_sql = xasprintf("UPDATE plan_row SET review_on = '2026-11-25' WHERE id = %lld", (long long)r.id);
	period_sql = xasprintf("UPDATE plan SET period_to = '2026-12-05' WHERE id = %lld", (long long)draft);
	expect_cache_matches_engine(f->x.db, f->today);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_dirty"), 0);
	/* As another program would: plain SQL, no store code; one change
	 * at a time, so each trigger is checked on its own. */
	const char *const changes[] = {
		"UPDATE consent SET withdrawn_on = '2026-11-01' WHERE client_id = 7",
		"UPDATE action_item SET done_on = '2026-11-20'",
		row_sql,
		"DELETE FROM monitoring WHERE client_id = 8",
		"UPDATE client SET case_kind = 'child', birth_on = '2009-01-10' WHERE id = 9",
		period_sql,
		"DELETE FROM certificate WHERE client_id = 11",
		"UPDATE plan_interval SET months = 1 WHERE plan_id IN (SELECT id FROM plan WHERE client_id = 12)",
		/* issue 13: months not done, the certificate's range, a
		 * decision period that no longer matches the plan */
		"INSERT INTO monitoring_skip (client_id, month, reason, detail)"
		" SELECT client_id, substr(done_on, 1, 7), 'unreachable', '' FROM monitoring WHERE client_id = 13",
		"DELETE FROM monitoring WHERE client_id = 13",
		"UPDATE monitoring_skip SET reason = 'postponed' WHERE client_id = 4",
		"DELETE FROM monitoring_skip WHERE client_id = 4",
		"UPDATE plan SET monitoring_range_from = anchor_month, monitoring_range_to = substr(period_to, 1, 7) WHERE client_id = 14",
		"UPDATE certificate SET valid_to = date(valid_to, '-1 day') WHERE client_id = 15",
		"UPDATE plan SET monitoring_months = 5 WHERE client_id = 16",
		/* issue 16: notes' next steps set, done, moved, deleted */
		"UPDATE note SET next_step = '日程の確認の電話', next_on = date(noted_on, '+190 day') WHERE client_id = 17",
		"UPDATE note SET next_done_on = '2026-11-20' WHERE id = (SELECT min(id) FROM note WHERE client_id = 17)",
		"UPDATE note SET next_on = date(next_on, '+3 day') WHERE id = (SELECT max(id) FROM note WHERE client_id = 17)",
		"INSERT INTO note (client_id, noted_on, kind, next_step, next_on) VALUES (18, '2026-11-20', 'phone', '書類', '2026-11-26')",
		"DELETE FROM note WHERE id = (SELECT max(id) FROM note WHERE client_id = 17)",
	};
	for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		print_message("change: %s\n", changes[i]);
		assert_int_equal(sqlite3_exec_like(f->x.db, changes[i], &e), TSU_OK);
		assert_true(count(f->x.db, "SELECT count(*) FROM due_dirty") >= 1);
		expect_cache_matches_engine(f->x.db, f->today);
	}
	/* The notes' steps made items, and the one marked done left. */
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_cache WHERE kind = 8 AND client_id = 18"), 1);
	assert_true(count(f->x.db, "SELECT count(*) FROM due_cache WHERE kind = 8 AND client_id = 17") > 0);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_cache g JOIN note n ON n.id = g.ref_id"
				      " WHERE g.kind = 8 AND n.next_done_on IS NOT NULL"), 0);
	free(row_sql);
	free(period_sql);
}

/* Found on the plan screen: the interval's upsert made the triggers'
 * INSERT OR IGNORE fail once the client was already dirty. */
static void interval_change_in_the_first_month_of_a_dirty_client(void **state)
{
	struct fx *f = *state;
	certificate c;
	plan p;
	tsu_err e;

	record_init(&rt_certificate, &c);
	c.client_id = 4;
	c.valid_from = f->today;
	c.valid_to = f->today + 100;
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &c, &e), TSU_OK);
	record_free(&rt_certificate, &c);
	assert_int_equal(count(f->x.db, "SELECT count(*) FROM due_dirty WHERE client_id = 4"), 1);
	assert_int_equal(store_plan_in_force(f->x.db, 4, &p, &e), TSU_OK);
	assert_int_equal(store_plan_set_interval(f->x.db, p.id, p.anchor_month, 1, &e), TSU_OK);
	record_free(&rt_plan, &p);
	expect_cache_matches_engine(f->x.db, f->today);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(cache_gives_what_the_engine_gives, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_reads_what_it_keeps, setup, teardown),
		cmocka_unit_test_setup_teardown(cache_follows_changes_made_through_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(cache_follows_changes_made_behind_its_back, setup, teardown),
		cmocka_unit_test_setup_teardown(interval_change_in_the_first_month_of_a_dirty_client, setup, teardown),
	};
	return cmocka_run_group_tests_name("due_items", tests, NULL, NULL);
}
