/*
 * test_cycle.c - the support cycle across rows, on a real temporary
 * database: needs pulled from an assessment, revisions and their stages,
 * the needs table's order, monitorings started and scheduled, GAS trends
 * across revisions, "change needed", the note search and the prep text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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

	fx_db_open(&f->x, "cycle");
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

static int64_t add_plan(db *d, int64_t cid, const char *stage, const char *consented)
{
	plan p;
	tsu_err e;
	int64_t id;

	record_init(&rt_plan, &p);
	p.client_id = cid;
	p.period_from = fx_date("2026-05-01");
	p.period_to = fx_date("2027-04-30");
	p.monitoring_months = 3;
	fx_set(&p.stage, stage);
	fx_set(&p.policy, "地域での一人暮らしを支える");
	if (consented)
		p.consented_on = fx_date(consented);
	assert_int_equal(store_plan_add(d, &p, &e), TSU_OK);
	id = p.id;
	record_free(&rt_plan, &p);
	return id;
}

static int64_t add_row(db *d, int64_t plan_id, int priority, const char *goal)
{
	plan_row r;
	tsu_err e;
	int64_t id;

	record_init(&rt_plan_row, &r);
	r.plan_id = plan_id;
	r.priority = priority;
	fx_set(&r.goal, goal);
	fx_set(&r.need, "ニーズ");
	assert_int_equal(store_record_add(d, &rt_plan_row, &r, &e), TSU_OK);
	id = r.id;
	record_free(&rt_plan_row, &r);
	return id;
}

/* A consented plan is read-only, so a final plan with rows is written
 * as a draft first and then made final, as a worker does. */
static void make_final(db *d, int64_t plan_id, const char *consented)
{
	tsu_err e;
	assert_int_equal(store_plan_finalise(d, plan_id, fx_date(consented), &e), TSU_OK);
}

static int64_t add_assessment(db *d, int64_t cid)
{
	assessment a;
	assessment_item it;
	tsu_err e;
	int64_t id;
	static const struct { const char *comp, *fact, *interp; int need, pos; } items[] = {
		{ "e", "母が週1回訪問", "母の高齢化", 1, 0 },
		{ "d", "掃除は声かけでできる", "", 1, 1 },
		{ "b", "夜中に目が覚める", "服薬の影響", 1, 2 },
		{ "personal", "絵が好き", "", 0, 3 },
	};

	record_init(&rt_assessment, &a);
	a.client_id = cid;
	a.assessed_on = fx_date("2026-04-01");
	assert_int_equal(store_record_add(d, &rt_assessment, &a, &e), TSU_OK);
	id = a.id;
	record_free(&rt_assessment, &a);
	for (size_t i = 0; i < 4; i++) {
		record_init(&rt_assessment_item, &it);
		it.assessment_id = id;
		it.position = items[i].pos;
		fx_set(&it.component, items[i].comp);
		fx_set(&it.fact, items[i].fact);
		fx_set(&it.interpretation, items[i].interp);
		it.need = items[i].need;
		assert_int_equal(store_record_add(d, &rt_assessment_item, &it, &e), TSU_OK);
		record_free(&rt_assessment_item, &it);
	}
	return id;
}

static void list_rows(db *d, int64_t plan_id, plan_row **rows, size_t *n)
{
	tsu_err e;
	assert_int_equal(store_record_list(d, &rt_plan_row, plan_id, (void **)rows, n, &e), TSU_OK);
}

static char *plan_stage(db *d, int64_t id)
{
	plan p;
	tsu_err e;
	char *s;

	assert_int_equal(store_record_get(d, &rt_plan, id, &p, &e), TSU_OK);
	s = xstrdup(p.stage);
	record_free(&rt_plan, &p);
	return s;
}

/* ---- pulling needs ---- */

static void pulled_needs_follow_component_order_after_existing_rows_and_link_items(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL), aid;
	plan_row *rows;
	size_t n, added;
	tsu_err e;

	add_row(f->x.db, pid, 1, "既存の目標");
	aid = add_assessment(f->x.db, f->client);
	assert_int_equal(store_plan_pull_needs(f->x.db, pid, aid, &added, &e), TSU_OK);
	assert_int_equal(added, 3);
	list_rows(f->x.db, pid, &rows, &n);
	assert_int_equal(n, 4);
	/* b before d before e; the personal item is no need. */
	assert_int_equal(rows[1].priority, 2);
	assert_string_equal(rows[1].need, "夜中に目が覚める\n服薬の影響");
	assert_int_equal(rows[2].priority, 3);
	assert_string_equal(rows[2].need, "掃除は声かけでできる");
	assert_int_equal(rows[3].priority, 4);
	assert_string_equal(rows[3].need, "母が週1回訪問\n母の高齢化");
	assert_true(rows[1].assessment_item_id > 0);
	record_free_list(&rt_plan_row, rows, n);
}

static void pulling_twice_adds_no_duplicate_rows(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL), aid = add_assessment(f->x.db, f->client);
	size_t added;
	tsu_err e;

	assert_int_equal(store_plan_pull_needs(f->x.db, pid, aid, &added, &e), TSU_OK);
	assert_int_equal(added, 3);
	assert_int_equal(store_plan_pull_needs(f->x.db, pid, aid, &added, &e), TSU_OK);
	assert_int_equal(added, 0);
	assert_int_equal(store_plan_next_priority(f->x.db, pid), 4);
}

static void needs_are_not_pulled_into_a_final_plan_or_across_clients(void **state)
{
	struct fx *f = *state;
	int64_t fin = add_plan(f->x.db, f->client, "final", "2026-04-25");
	int64_t other = fx_client(f->x.db, "佐藤 花子", "さとう はなこ", "1980-01-01");
	int64_t draft_other = add_plan(f->x.db, other, "draft", NULL);
	int64_t aid = add_assessment(f->x.db, f->client);
	size_t added = 99;
	tsu_err e;

	assert_int_equal(store_plan_pull_needs(f->x.db, fin, aid, &added, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "draft"));
	assert_int_equal(added, 0);
	assert_int_equal(store_plan_pull_needs(f->x.db, draft_other, aid, &added, &e), TSU_EINVAL);
	assert_int_equal(store_plan_next_priority(f->x.db, draft_other), 1);
}

/* ---- revising ---- */

static void revise_copies_a_final_plan_into_a_draft_that_supersedes_it_when_final(void **state)
{
	struct fx *f = *state;
	int64_t old = add_plan(f->x.db, f->client, "draft", NULL), nid = 0, rid;
	weekly_slot w;
	non_weekly nw;
	plan p, in_force;
	plan_row *rows;
	size_t n;
	tsu_err e;
	char *s;

	rid = add_row(f->x.db, old, 1, "週2回掃除をする");
	add_row(f->x.db, old, 2, "週4日通所を続ける");
	record_init(&rt_weekly_slot, &w);
	w.plan_id = old;
	w.weekday = 0;
	w.start_min = 600;
	w.end_min = 900;
	fx_set(&w.activity, "就労継続支援B型");
	assert_int_equal(store_record_add(f->x.db, &rt_weekly_slot, &w, &e), TSU_OK);
	record_free(&rt_weekly_slot, &w);
	record_init(&rt_non_weekly, &nw);
	nw.plan_id = old;
	fx_set(&nw.service, "短期入所");
	assert_int_equal(store_record_add(f->x.db, &rt_non_weekly, &nw, &e), TSU_OK);
	record_free(&rt_non_weekly, &nw);
	make_final(f->x.db, old, "2026-04-25");

	assert_int_equal(store_plan_revise(f->x.db, old, fx_date("2026-10-01"), &nid, &e), TSU_OK);
	assert_true(nid > old);
	assert_int_equal(store_record_get(f->x.db, &rt_plan, nid, &p, &e), TSU_OK);
	assert_string_equal(p.stage, "draft");
	assert_int_equal(p.previous_id, old);
	assert_int_equal(p.consented_on, DATE_NONE);
	assert_int_equal(p.written_on, fx_date("2026-10-01"));
	assert_string_equal(p.policy, "地域での一人暮らしを支える");
	assert_int_equal(p.monitoring_months, 3);
	record_free(&rt_plan, &p);
	list_rows(f->x.db, nid, &rows, &n);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].goal, "週2回掃除をする");
	assert_true(rows[0].id != rid);
	record_free_list(&rt_plan_row, rows, n);
	{
		weekly_slot *ws;
		non_weekly *nws;
		size_t k;
		assert_int_equal(store_record_list(f->x.db, &rt_weekly_slot, nid, (void **)&ws, &k, &e), TSU_OK);
		assert_int_equal(k, 1);
		assert_string_equal(ws[0].activity, "就労継続支援B型");
		record_free_list(&rt_weekly_slot, ws, k);
		assert_int_equal(store_record_list(f->x.db, &rt_non_weekly, nid, (void **)&nws, &k, &e), TSU_OK);
		assert_int_equal(k, 1);
		record_free_list(&rt_non_weekly, nws, k);
	}

	/* The old plan stays in force until the draft is finalised. */
	assert_int_equal(store_plan_in_force(f->x.db, f->client, &in_force, &e), TSU_OK);
	assert_int_equal(in_force.id, old);
	record_free(&rt_plan, &in_force);
	/* A second revision of the same plan is refused and names the first. */
	assert_int_equal(store_plan_revise(f->x.db, old, DATE_NONE, NULL, &e), TSU_EINVAL);
	s = xasprintf("plan %lld", (long long)nid);
	assert_non_null(strstr(e.msg, s));
	free(s);

	assert_int_equal(store_plan_finalise(f->x.db, nid, fx_date("2026-10-20"), &e), TSU_OK);
	s = plan_stage(f->x.db, old);
	assert_string_equal(s, "superseded");
	free(s);
	assert_int_equal(store_plan_in_force(f->x.db, f->client, &in_force, &e), TSU_OK);
	assert_int_equal(in_force.id, nid);
	record_free(&rt_plan, &in_force);
}

static void only_a_final_plan_can_be_revised(void **state)
{
	struct fx *f = *state;
	int64_t draft = add_plan(f->x.db, f->client, "draft", NULL);
	tsu_err e;

	assert_int_equal(store_plan_revise(f->x.db, draft, DATE_NONE, NULL, &e), TSU_EINVAL);
	assert_int_equal(store_plan_revise(f->x.db, 9999, DATE_NONE, NULL, &e), TSU_ENOTFOUND);
}

/* ---- order ---- */

static void moving_a_row_up_swaps_priorities_with_its_neighbour(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL);
	int64_t a = add_row(f->x.db, pid, 1, "A"), b = add_row(f->x.db, pid, 5, "B"), c = add_row(f->x.db, pid, 9, "C");
	plan_row *rows;
	size_t n;
	bool moved;
	tsu_err e;
	plan_row r;

	assert_int_equal(store_record_get(f->x.db, &rt_plan_row, c, &r, &e), TSU_OK);
	assert_int_equal(store_plan_row_move(f->x.db, c, r.version, -1, &moved, &e), TSU_OK);
	record_free(&rt_plan_row, &r);
	assert_true(moved);
	list_rows(f->x.db, pid, &rows, &n);
	assert_int_equal(rows[0].id, a);
	assert_int_equal(rows[1].id, c);
	assert_int_equal(rows[2].id, b);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rows[i].priority, (int)i + 1);
	record_free_list(&rt_plan_row, rows, n);
}

static void the_first_row_does_not_move_up_and_a_stale_version_is_a_conflict(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL);
	int64_t a = add_row(f->x.db, pid, 1, "A");
	bool moved = true;
	tsu_err e;

	add_row(f->x.db, pid, 2, "B");
	assert_int_equal(store_plan_row_move(f->x.db, a, 1, -1, &moved, &e), TSU_OK);
	assert_false(moved);
	assert_int_equal(store_plan_row_move(f->x.db, a, 1, +1, &moved, &e), TSU_OK);
	assert_true(moved);
	/* The row is now at version 2: a caller still holding 1 conflicts. */
	assert_int_equal(store_plan_row_move(f->x.db, a, 1, -1, &moved, &e), TSU_ECONFLICT);
	assert_false(moved);
}

static void renumbering_closes_gaps_left_by_a_deleted_row(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL);
	int64_t b;
	plan_row *rows;
	size_t n;
	tsu_err e;

	add_row(f->x.db, pid, 1, "A");
	b = add_row(f->x.db, pid, 2, "B");
	add_row(f->x.db, pid, 3, "C");
	assert_int_equal(store_record_delete(f->x.db, &rt_plan_row, b, &e), TSU_OK);
	assert_int_equal(store_plan_renumber(f->x.db, pid, &e), TSU_OK);
	list_rows(f->x.db, pid, &rows, &n);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].priority, 2);
	assert_string_equal(rows[1].goal, "C");
	record_free_list(&rt_plan_row, rows, n);
}

/* ---- monitoring ---- */

static void starting_a_monitoring_gives_one_row_per_goal_of_the_plan_in_force(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL), mid = 0;
	monitoring m;
	monitoring_row *rows;
	size_t n;
	tsu_err e;

	add_row(f->x.db, pid, 1, "A");
	add_row(f->x.db, pid, 2, "B");
	make_final(f->x.db, pid, "2026-04-25");
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-07-10"), &mid, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_monitoring, mid, &m, &e), TSU_OK);
	assert_int_equal(m.plan_id, pid);
	assert_int_equal(m.done_on, fx_date("2026-07-10"));
	record_free(&rt_monitoring, &m);
	assert_int_equal(store_record_list(f->x.db, &rt_monitoring_row, mid, (void **)&rows, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_true(rows[0].plan_row_id > 0 && rows[1].plan_row_id > 0);
	assert_int_equal(rows[0].gas, FIELD_INT_NULL);
	record_free_list(&rt_monitoring_row, rows, n);
}

static void a_scheduled_monitoring_is_filled_rather_than_doubled(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL);
	int64_t july = 0, oct = 0, done = 0;
	monitoring m;
	tsu_err e;

	add_row(f->x.db, pid, 1, "A");
	make_final(f->x.db, pid, "2026-04-25");
	assert_int_equal(store_monitoring_schedule(f->x.db, f->client, 0, fx_date("2026-07-15"), &july, &e), TSU_OK);
	assert_int_equal(store_monitoring_schedule(f->x.db, f->client, 0, fx_date("2026-10-15"), &oct, &e), TSU_OK);
	/* Moved on the calendar. */
	assert_int_equal(store_monitoring_schedule(f->x.db, f->client, july, fx_date("2026-07-20"), NULL, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_monitoring, july, &m, &e), TSU_OK);
	assert_int_equal(m.scheduled_on, fx_date("2026-07-20"));
	assert_int_equal(m.plan_id, pid);
	record_free(&rt_monitoring, &m);
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-07-22"), &done, &e), TSU_OK);
	assert_int_equal(done, july);
	/* Done now: it cannot be moved any more. */
	assert_int_equal(store_monitoring_schedule(f->x.db, f->client, july, fx_date("2026-07-25"), NULL, &e), TSU_EINVAL);
	assert_int_equal(store_monitoring_schedule(f->x.db, f->client, oct, DATE_NONE, NULL, &e), TSU_EINVAL);
}

static void a_monitoring_needs_a_plan(void **state)
{
	struct fx *f = *state;
	int64_t mid = 0;
	tsu_err e;

	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-07-10"), &mid, &e), TSU_ENOTFOUND);
	assert_int_equal(mid, 0);
}

static void set_row(db *d, int64_t mid, size_t i, int gas, bool change_weekly)
{
	monitoring_row *rows;
	size_t n;
	tsu_err e;

	assert_int_equal(store_record_list(d, &rt_monitoring_row, mid, (void **)&rows, &n, &e), TSU_OK);
	assert_true(i < n);
	rows[i].gas = gas;
	rows[i].change_weekly = change_weekly;
	assert_int_equal(store_record_update(d, &rt_monitoring_row, &rows[i], &e), TSU_OK);
	record_free_list(&rt_monitoring_row, rows, n);
}

static void change_needed_when_any_row_asks_for_a_change(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_plan(f->x.db, f->client, "draft", NULL), mid;
	bool needed = true;
	tsu_err e;

	add_row(f->x.db, pid, 1, "A");
	add_row(f->x.db, pid, 2, "B");
	make_final(f->x.db, pid, "2026-04-25");
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-07-10"), &mid, &e), TSU_OK);
	assert_int_equal(store_monitoring_change_needed(f->x.db, mid, &needed, &e), TSU_OK);
	assert_false(needed);
	set_row(f->x.db, mid, 1, 0, true);
	assert_int_equal(store_monitoring_change_needed(f->x.db, mid, &needed, &e), TSU_OK);
	assert_true(needed);
	assert_int_equal(store_monitoring_change_needed(f->x.db, 9999, &needed, &e), TSU_ENOTFOUND);
}

static void gas_trend_follows_a_goal_across_revisions_when_its_text_is_the_same(void **state)
{
	struct fx *f = *state;
	int64_t old = add_plan(f->x.db, f->client, "draft", NULL), nid, m1, m2, m3;
	gas_trend *t;
	size_t n;
	tsu_err e;

	add_row(f->x.db, old, 1, "週2回掃除をする");
	add_row(f->x.db, old, 2, "週4日通所を続ける");
	make_final(f->x.db, old, "2026-04-25");
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-07-10"), &m1, &e), TSU_OK);
	set_row(f->x.db, m1, 0, -1, false);
	set_row(f->x.db, m1, 1, 0, false);
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2026-10-09"), &m2, &e), TSU_OK);
	set_row(f->x.db, m2, 0, 0, false);
	/* Revised: goal 1 kept (typed with full-width digits), goal 2 rewritten. */
	assert_int_equal(store_plan_revise(f->x.db, old, fx_date("2026-10-15"), &nid, &e), TSU_OK);
	{
		plan_row *rows;
		size_t k;
		list_rows(f->x.db, nid, &rows, &k);
		fx_set(&rows[0].goal, "週２回 掃除をする");
		assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &rows[0], &e), TSU_OK);
		fx_set(&rows[1].goal, "週5日通所する");
		assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &rows[1], &e), TSU_OK);
		record_free_list(&rt_plan_row, rows, k);
	}
	assert_int_equal(store_plan_finalise(f->x.db, nid, fx_date("2026-10-20"), &e), TSU_OK);
	assert_int_equal(store_monitoring_start(f->x.db, f->client, fx_date("2027-01-12"), &m3, &e), TSU_OK);
	set_row(f->x.db, m3, 0, 1, false);
	set_row(f->x.db, m3, 1, 2, false);

	assert_int_equal(store_gas_trend(f->x.db, f->client, &t, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_int_equal(t[0].priority, 1);
	assert_int_equal(t[0].npoints, 3);
	assert_int_equal(t[0].points[0].on, fx_date("2026-07-10"));
	assert_int_equal(t[0].points[0].gas, -1);
	assert_int_equal(t[0].points[1].gas, 0);
	assert_int_equal(t[0].points[2].on, fx_date("2027-01-12"));
	assert_int_equal(t[0].points[2].gas, 1);
	/* The rewritten goal starts a new line: only its own score. */
	assert_string_equal(t[1].goal, "週5日通所する");
	assert_int_equal(t[1].npoints, 1);
	assert_int_equal(t[1].points[0].gas, 2);
	gas_trend_free(t, n);
}

/* ---- notes and the prep text ---- */

static void add_note(db *d, int64_t cid, const char *on, const char *at, const char *fact, const char *next)
{
	note n;
	tsu_err e;

	record_init(&rt_note, &n);
	n.client_id = cid;
	n.noted_on = fx_date(on);
	fx_set(&n.noted_at, at);
	fx_set(&n.fact, fact);
	fx_set(&n.next_step, next);
	assert_int_equal(store_record_add(d, &rt_note, &n, &e), TSU_OK);
	record_free(&rt_note, &n);
}

static void note_search_folds_finds_across_clients_newest_first_and_pages(void **state)
{
	struct fx *f = *state;
	int64_t other = fx_client(f->x.db, "佐藤 花子", "さとう はなこ", "1980-01-01");
	note_hit *h;
	size_t n;
	bool more;
	tsu_err e;

	add_note(f->x.db, f->client, "2026-10-01", "10:00", "ヘルパーと掃除をした", "");
	add_note(f->x.db, other, "2026-11-02", "09:00", "通院同行", "ﾍﾙﾊﾟｰ事業所に連絡する");
	add_note(f->x.db, f->client, "2026-11-02", "15:30", "電話で体調確認", "");
	add_note(f->x.db, other, "2026-09-15", "", "へるぱー 利用開始", "");

	assert_int_equal(store_note_search(f->x.db, "ヘルパー", 2, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	assert_int_equal(h[0].client_id, other);
	assert_string_equal(h[0].field, "next_step");
	assert_string_equal(h[0].client_name, "佐藤 花子");
	assert_int_equal(h[1].noted_on, fx_date("2026-10-01"));
	assert_string_equal(h[1].field, "fact");
	note_hit_free_list(h, n);
	assert_int_equal(store_note_search(f->x.db, "ヘルパー", 2, 2, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_int_equal(h[0].noted_on, fx_date("2026-09-15"));
	note_hit_free_list(h, n);
	assert_int_equal(store_note_search(f->x.db, "みつからない", 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 0);
	assert_null(h);
	assert_int_equal(store_note_search(f->x.db, "  ", 10, 0, &h, &n, &more, &e), TSU_EINVAL);
}

static void prep_text_is_kept_with_the_next_meeting(void **state)
{
	struct fx *f = *state;
	int64_t mid = 0, id, version, again;
	char *text;
	tsu_err e;

	assert_int_equal(store_prep_get(f->x.db, f->client, fx_date("2026-11-23"), &text, &id, &version, &e), TSU_OK);
	assert_string_equal(text, "");
	assert_int_equal(id, 0);
	free(text);
	assert_int_equal(store_prep_save(f->x.db, f->client, 0, 0, DATE_NONE, "x", NULL, &e), TSU_EINVAL);
	assert_int_equal(store_prep_save(f->x.db, f->client, 0, 0, fx_date("2026-11-30"), "体調の波に注意", &mid, &e), TSU_OK);
	assert_int_equal(store_prep_get(f->x.db, f->client, fx_date("2026-11-23"), &text, &id, &version, &e), TSU_OK);
	assert_string_equal(text, "体調の波に注意");
	assert_int_equal(id, mid);
	free(text);
	assert_int_equal(store_prep_save(f->x.db, f->client, id, version, DATE_NONE, "改訂", &again, &e), TSU_OK);
	assert_int_equal(again, mid);
	/* The old version again: refused, the other session's text stays. */
	assert_int_equal(store_prep_save(f->x.db, f->client, id, version, DATE_NONE, "古い", NULL, &e), TSU_ECONFLICT);
	/* After the meeting day it is no longer "next". */
	assert_int_equal(store_prep_get(f->x.db, f->client, fx_date("2026-12-01"), &text, &id, &version, &e), TSU_OK);
	assert_string_equal(text, "");
	free(text);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* A new certificate starts from what the client record says; a support
 * level and an amount are read as the certificate prints them. */
static void a_new_certificate_starts_from_the_client_and_reads_printed_numbers(void **state)
{
	struct fx *f = *state;
	client c;
	certificate ct;
	tsu_err e;

	assert_int_equal(store_client_get(f->x.db, f->client, &c, &e), TSU_OK);
	assert_int_equal(client_set(&c, "recipient-no", "1234567890", &e), TSU_OK);
	assert_int_equal(client_set(&c, "municipality", "横浜市", &e), TSU_OK);
	assert_int_equal(client_set(&c, "support-level", "区分3", &e), TSU_OK);
	assert_int_equal(client_set(&c, "copay-cap", "9,300円", &e), TSU_OK);
	assert_int_equal(c.support_level, 3);
	assert_int_equal(c.copay_cap_yen, 9300);
	assert_int_equal(store_client_update(f->x.db, &c, &e), TSU_OK);
	client_free(&c);

	store_record_new(f->x.db, &rt_certificate, f->client, date_from_ymd(2026, 11, 23), &ct);
	assert_string_equal(ct.number, "1234567890");
	assert_string_equal(ct.municipality, "横浜市");
	assert_int_equal(ct.support_level, 3);
	assert_int_equal(ct.copay_cap_yen, 9300);
	assert_int_equal(ct.valid_from, date_from_ymd(2026, 11, 23));
	assert_int_equal(record_set(&rt_certificate, &ct, record_field(&rt_certificate, "support_level"), "非該当", &e), TSU_OK);
	assert_int_equal(ct.support_level, 0);
	assert_int_equal(record_set(&rt_certificate, &ct, record_field(&rt_certificate, "copay_cap_yen"), "３７，２００円", &e), TSU_OK);
	assert_int_equal(ct.copay_cap_yen, 37200);
	assert_int_equal(record_set(&rt_certificate, &ct, record_field(&rt_certificate, "support_level"), "区分7", &e), TSU_EINVAL);
	assert_int_equal(ct.support_level, 0);
	record_free(&rt_certificate, &ct);
}

/* What the client and family said carries forward: intake -> a new
 * assessment -> a new plan, as starting text; pulling a need takes the
 * item's own wording of it when there is one. */
static void wishes_carry_forward_and_needs_take_their_wording(void **state)
{
	struct fx *f = *state;
	intake in;
	assessment a;
	plan p;
	assessment_item it;
	plan_row *rows;
	size_t n, added;
	int64_t pid, aid;
	tsu_err e;

	record_init(&rt_intake, &in);
	in.client_id = f->client;
	in.intake_on = fx_date("2026-03-01");
	fx_set(&in.client_wishes, "一人暮らしを続けたい");
	fx_set(&in.family_wishes, "無理をしないでほしい");
	assert_int_equal(store_record_add(f->x.db, &rt_intake, &in, &e), TSU_OK);
	record_free(&rt_intake, &in);

	store_record_new(f->x.db, &rt_assessment, f->client, fx_date("2026-04-01"), &a);
	assert_string_equal(a.client_wishes, "一人暮らしを続けたい");
	assert_string_equal(a.family_wishes, "無理をしないでほしい");
	a.client_id = f->client;
	fx_set(&a.client_wishes, "一人暮らしを続けて、料理を覚えたい");
	assert_int_equal(store_record_add(f->x.db, &rt_assessment, &a, &e), TSU_OK);
	aid = a.id;
	record_free(&rt_assessment, &a);

	store_record_new(f->x.db, &rt_plan, f->client, fx_date("2026-04-05"), &p);
	assert_string_equal(p.wishes, "Client: 一人暮らしを続けて、料理を覚えたい\nFamily: 無理をしないでほしい");
	record_free(&rt_plan, &p);

	record_init(&rt_assessment_item, &it);
	it.assessment_id = aid;
	fx_set(&it.component, "d");
	fx_set(&it.fact, "調理は見守りでできる");
	fx_set(&it.interpretation, "手順の記憶が不安");
	fx_set(&it.need_words, "自分で夕食を作れるようになりたい");
	it.need = true;
	assert_int_equal(store_record_add(f->x.db, &rt_assessment_item, &it, &e), TSU_OK);
	record_free(&rt_assessment_item, &it);
	pid = add_plan(f->x.db, f->client, "draft", NULL);
	assert_int_equal(store_plan_pull_needs(f->x.db, pid, aid, &added, &e), TSU_OK);
	assert_int_equal(added, 1);
	list_rows(f->x.db, pid, &rows, &n);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].need, "自分で夕食を作れるようになりたい");
	record_free_list(&rt_plan_row, rows, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_new_certificate_starts_from_the_client_and_reads_printed_numbers),
		T(pulled_needs_follow_component_order_after_existing_rows_and_link_items),
		T(wishes_carry_forward_and_needs_take_their_wording),
		T(pulling_twice_adds_no_duplicate_rows),
		T(needs_are_not_pulled_into_a_final_plan_or_across_clients),
		T(revise_copies_a_final_plan_into_a_draft_that_supersedes_it_when_final),
		T(only_a_final_plan_can_be_revised),
		T(moving_a_row_up_swaps_priorities_with_its_neighbour),
		T(the_first_row_does_not_move_up_and_a_stale_version_is_a_conflict),
		T(renumbering_closes_gaps_left_by_a_deleted_row),
		T(starting_a_monitoring_gives_one_row_per_goal_of_the_plan_in_force),
		T(a_scheduled_monitoring_is_filled_rather_than_doubled),
		T(a_monitoring_needs_a_plan),
		T(change_needed_when_any_row_asks_for_a_change),
		T(gas_trend_follows_a_goal_across_revisions_when_its_text_is_the_same),
		T(note_search_folds_finds_across_clients_newest_first_and_pages),
		T(prep_text_is_kept_with_the_next_meeting),
	};
	return cmocka_run_group_tests_name("cycle", tests, NULL, NULL);
}
