/*
 * test_due_page.c - the due pager must give, a page at a time, exactly
 * the items the engine computes from the records, in the lists' order
 * (section, then date, state, kind, client, reference), whatever the
 * page size, forwards and backwards, within one section or across all,
 * for several "today"s, windows and kinds - from the cache and when the
 * cache cannot be used.
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
#include "tsunagi/cli.h"
#include "tsunagi/due_alarms.h"
#include "tsunagi/due_page.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_demo_open(&f->x, "page", 60, date_from_ymd(2026, 11, 23));
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

/* The alarm list's sections (due_alarms.h), for a fixed today. */
static int alarm_section(date_t on, enum due_state st, enum due_kind kind, void *ctx)
{
	return due_alarm_section(on, st, kind, *(const date_t *)ctx);
}

/* A copy of an item as fetched (its text is only valid during emit). */
typedef struct got {
	due_item it;
	int section;
	char text[256], text2[256];
} got;

typedef struct got_vec {
	got *v;
	size_t n, cap;
} got_vec;

static void emit(void *ctx, const due_item *it, int section)
{
	got_vec *g = ctx;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	g->v[g->n].it = *it;
	g->v[g->n].section = section;
	snprintf(g->v[g->n].text, sizeof g->v[g->n].text, "%s", it->text ? it->text : "");
	snprintf(g->v[g->n].text2, sizeof g->v[g->n].text2, "%s", it->text2 ? it->text2 : "");
	g->n++;
}

/* What the lists showed before paging: every item of the window from
 * the engine, long-missed monitorings dropped, stably split by section. */
typedef struct want {
	const due_item **v;
	int *section;
	size_t n;
	size_t counts[DUE_PAGE_MAX_SECTIONS];
	due_result res;
} want;

static void expected(db *d, const due_query *q, bool forget, bool sections, want *w)
{
	tsu_err e;
	size_t k = 0;

	memset(w, 0, sizeof *w);
	assert_int_equal(due_items_direct(d, q, &w->res, &e), TSU_OK);
	if (forget)
		due_list_forget_missed(&w->res.list, q->today);
	w->v = xcalloc(w->res.list.n + 1, sizeof *w->v);
	w->section = xcalloc(w->res.list.n + 1, sizeof *w->section);
	for (int s = 0; s < (sections ? DUE_ALARM_SECTIONS : 1); s++) {
		for (size_t i = 0; i < w->res.list.n; i++) {
			const due_item *it = &w->res.list.items[i];
			int sec = sections ? alarm_section(it->on, it->state, it->kind,
							   (void *)&q->today) : 0;
			if (sec != s)
				continue;
			w->v[k] = it;
			w->section[k++] = s;
			w->counts[s]++;
		}
	}
	w->n = k;
}

static void want_free(want *w)
{
	free(w->v);
	free(w->section);
	due_result_free(&w->res);
}

static void expect_same(const got *g, const due_item *b, int section)
{
	const due_item *a = &g->it;

	assert_int_equal(g->section, section);
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
	assert_string_equal(g->text, b->text ? b->text : "");
	assert_string_equal(g->text2, b->text2 ? b->text2 : "");
}

/* Walk the whole pager in pages of n, forwards or backwards, within
 * section sec (-1: all) and compare with the expected slice. */
static void walk(due_pager *p, const want *w, int sec, bool backward, size_t n)
{
	got_vec g = { 0 };
	size_t lo = 0, hi = w->n;
	tsu_err e;

	err_clear(&e);
	if (sec >= 0) {
		while (lo < w->n && w->section[lo] < sec)
			lo++;
		hi = lo;
		while (hi < w->n && w->section[hi] == sec)
			hi++;
	}
	for (;;) {
		size_t before = g.n;
		due_pos pos;
		const due_pos *from = NULL;

		if (g.n) {
			pos = due_pager_pos(p, &g.v[g.n - 1].it, g.v[g.n - 1].section);
			from = &pos;
		}
		size_t m = due_pager_fetch(p, from, sec, backward, n, emit, &g, &e);
		assert_int_equal(e.code, TSU_OK);
		assert_int_equal(m, g.n - before);
		assert_true(m <= n);
		if (m < n)
			break;
	}
	assert_int_equal(g.n, hi - lo);
	for (size_t i = 0; i < g.n; i++) {
		size_t j = backward ? hi - 1 - i : lo + i;
		expect_same(&g.v[i], w->v[j], w->section[j]);
	}
	free(g.v);
}

static void expect_pager_matches(db *d, const due_query *q, bool forget, bool sections)
{
	static const size_t pages[] = { 1, 3, 38, 100000 };
	date_t today = q->today;
	due_pager p;
	want w;
	tsu_err e;

	expected(d, q, forget, sections, &w);
	assert_int_equal(due_pager_open(d, q, forget, sections ? alarm_section : NULL, &today,
					sections ? DUE_ALARM_SECTIONS : 1, &p, &e), TSU_OK);
	assert_int_equal(p.total, w.n);
	for (int s = 0; s < 3; s++)
		assert_int_equal(p.counts[s], w.counts[s]);
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		walk(&p, &w, -1, false, pages[i]);
		walk(&p, &w, -1, true, pages[i]);
	}
	for (int s = 0; s < (sections ? DUE_ALARM_SECTIONS : 1); s++) {
		walk(&p, &w, s, false, 5);
		walk(&p, &w, s, true, 5);
	}
	due_pager_free(&p);
	want_free(&w);
}

static void expect_all_windows(db *d)
{
	static const int ymd[][3] = { { 2026, 11, 23 }, { 2026, 3, 31 }, { 2027, 2, 15 }, { 2025, 12, 1 } };

	for (size_t t = 0; t < sizeof ymd / sizeof ymd[0]; t++) {
		date_t today = date_from_ymd(ymd[t][0], ymd[t][1], ymd[t][2]);
		for (int k = -1; k < DUE_KIND_COUNT; k++) {
			unsigned kinds = k < 0 ? 0 : 1u << k;
			/* The alarm list: everything whose lead time has begun. */
			due_query alarms;
			/* A calendar day and a month, met monitorings too. */
			due_query day = { today, month_last_day(date_month(today)),
					  month_last_day(date_month(today)), true, kinds };
			due_query month = { today, month_first_day(date_month(today)),
					    month_last_day(date_month(today)), true, kinds };

			due_alarm_query(today, kinds, &alarms);
			expect_pager_matches(d, &alarms, true, true);
			expect_pager_matches(d, &day, false, false);
			expect_pager_matches(d, &month, false, false);
			expect_pager_matches(d, &month, false, true);
		}
	}
}

static void pager_gives_what_the_engine_gives(void **state)
{
	struct fx *f = *state;

	expect_all_windows(f->x.db);
}

/* With a support-level lead time other than the other certificates',
 * a day's certificates can differ in state: the pager splits the day
 * and still gives what the engine gives, in both directions. */
static void pager_with_a_lead_of_its_own_for_support_level(void **state)
{
	struct fx *f = *state;
	due_leads l;

	due_leads_default(&l);
	l.days[DUE_LEAD_CERTIFICATE] = 20;
	l.days[DUE_LEAD_SUPPORT_LEVEL] = 150;
	due_leads_set(&l);
	expect_all_windows(f->x.db);
	l.days[DUE_LEAD_CERTIFICATE] = 150;
	l.days[DUE_LEAD_SUPPORT_LEVEL] = 10;
	due_leads_set(&l);
	expect_all_windows(f->x.db);
	due_leads_set(NULL);
}

/* With every client dirty and the database read-only the cache cannot
 * be brought up to date: the pager holds the engine's items instead. */
static void pager_without_the_cache(void **state)
{
	struct fx *f = *state;
	tsu_err e;

	assert_int_equal(db_exec(db_prepare(f->x.db,
		"INSERT INTO due_dirty (client_id) SELECT id FROM client"
		" WHERE id NOT IN (SELECT client_id FROM due_dirty)"), &e), TSU_OK);
	db_close(f->x.db);
	f->x.db = NULL;
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_READONLY, &e), TSU_OK);
	{
		due_query q = { date_from_ymd(2026, 11, 23), DUE_SINCE_EVER,
				date_from_ymd(2026, 12, 23), false, 0 };
		date_t today = q.today;
		due_pager p;

		assert_int_equal(due_pager_open(f->x.db, &q, true, alarm_section, &today, DUE_ALARM_SECTIONS, &p, &e), TSU_OK);
		assert_true(p.from_memory);
		assert_true(p.total > 0);
		due_pager_free(&p);
	}
	expect_all_windows(f->x.db);
}

/* Fetching after an item that has gone (dealt with meanwhile) goes on
 * from where it was. */
static void fetch_after_an_item_that_has_gone(void **state)
{
	struct fx *f = *state;
	date_t today = date_from_ymd(2026, 11, 23);
	due_query q = { today, DUE_SINCE_EVER, today + 30, false, 0 };
	due_pager p;
	got_vec g = { 0 }, rest = { 0 };
	tsu_err e;
	due_pos pos;
	size_t i;

	assert_int_equal(due_pager_open(f->x.db, &q, true, alarm_section, &today, DUE_ALARM_SECTIONS, &p, &e), TSU_OK);
	assert_true(due_pager_fetch(&p, NULL, -1, false, 100000, emit, &g, &e) > 10);
	/* A key between two items: the same client and reference as item i,
	 * one stage later - no such item, the next is item i + 1. */
	for (i = 5; i + 1 < g.n; i++)
		if (g.v[i].it.kind != DUE_PLAN)
			break;
	pos = due_pager_pos(&p, &g.v[i].it, g.v[i].section);
	pos.stage += 1;
	assert_int_equal(due_pager_fetch(&p, &pos, -1, false, 1, emit, &rest, &e), 1);
	assert_int_equal(rest.v[0].it.client_id, g.v[i + 1].it.client_id);
	assert_int_equal(rest.v[0].it.ref_id, g.v[i + 1].it.ref_id);
	assert_int_equal(rest.v[0].it.on, g.v[i + 1].it.on);
	free(g.v);
	free(rest.v);
	due_pager_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pager_gives_what_the_engine_gives, setup, teardown),
		cmocka_unit_test_setup_teardown(pager_with_a_lead_of_its_own_for_support_level, setup, teardown),
		cmocka_unit_test_setup_teardown(pager_without_the_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(fetch_after_an_item_that_has_gone, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
