/*
 * test_stats.c - the caseload health figures (stats.h) of a small case
 * load whose right answers are worked out by hand below, read from a
 * real database; the TSV's columns; the rounding of the rates.
 *
 * Today 2026-11-20, month 2026-11: the window is 2025-12 .. 2026-11.
 *
 * Client 1 (plan, 区分3, intake 2025-11-10): final plan 10, 2025-12-01 ..
 *   2026-11-30, every 3 months.  End-month rule: 11, 8, 5, 2 (2026-02 is
 *   anchor + 3 - 1, so nothing in 2025-12).  Done 02-15 (met), 05-31
 *   (met), 06-10 (not a due month); 08 recorded not done (入院) -> not
 *   done; 11 not yet done, this month -> open.
 * Client 2 (child, no level, intake 2026-03-05): superseded plan 20,
 *   2026-04-01 .. 2026-09-30 monthly: 4 .. 9; final plan 21, 2026-10-01
 *   .. 2027-03-31 monthly: 10, 11.  Done every month but July -> 7 met,
 *   1 missed.  A draft plan 22 (3-monthly) is ignored: the client has
 *   final plans.
 * Client 3 (plan, 区分2, intake 2025-06-01, closed 2026-06-15): final
 *   plan 30, 2025-07-01 .. 2026-06-30 every 6 months: 2025-12 (met),
 *   2026-06 (closed that month, still counted: missed).
 * Client 4 (transition, 区分4): only a draft plan 40, 2026-09-01 ..
 *   2027-02-28 every 2 months: 2027-02, 2026-12, 2026-10; 10 in the
 *   window, not done -> missed.  Starts 2026-09-01 (its plan).
 * Client 5 (plan, 区分6): no intake, no plan; record made 2026-11-03.
 *
 * Monitoring by month (due/met/not done/missed/open):
 *   2025-12 1/1  2026-02 1/1  04 1/1  05 2/2  06 2/1 missed 1
 *   07 1/0 missed 1  08 2/1 not done 1  09 1/1  10 2/1 missed 1
 *   11 2/1 open 1  -> total 15 due, 10 met, 1 not done, 3 missed,
 *   1 open; rate 10 / 14 = 71.4%.
 * Notes (late: written more than 3 days after): 05-31 written 06-01 on
 *   time; 07-01 written 07-05 late; 07-10 written 07-13 on time; 08-02
 *   written unknown; 2025-11-30 outside the window.  July 2 notes 1
 *   late (50.0%); total 4 notes, 1 late, 1 unknown: 1 / 3 = 33.3%.
 * Unwritten up to 11-20: client 1's monitoring 02-15 (nothing written,
 *   no note that day: 278 days), client 2's meeting 09-20 (61 days),
 *   client 2's monitoring 11-05 (15 days).  Not: client 1's 05-31 (a
 *   note that day), 06-10 (situation), client 2's 10-15 (a GAS row),
 *   client 1's meeting 10-01 (agreed), client 3's meeting (closed),
 *   client 1's meeting 11-25 (after today).
 * GAS: client 1 latest scored monitoring 06-10: row 101 0, row 102 -1;
 *   before it 05-31: 101 -1, 102 0 -> 2 goals, 1 ok; 2 pairs, 1 ok
 *   before, 1 ok now, 1 up, 1 down.  Client 2 latest 10-15: row 211
 *   +1; before it 09-01 scored only row 201 -> 1 goal, 1 ok, no pair.
 *   Client 3 is closed.  Total 3 goals, 2 ok (66.7%).
 * Case load on 11-20: clients 1, 2, 4, 5 (3 closed): plan 2, child 1,
 *   transition 1; 区分3, 4, 6 one each, one not entered; planning and
 *   child 3, with 2 workers 1.5 each.  Started: 2026-03 (2), 2026-09
 *   (4), 2026-11 (5); closed: 2026-06 (3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tsunagi/stats.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/ui_app.h"

static const char *const fixture[] = {
	"INSERT INTO client (id, name, kana, birth_on, case_kind, status, closed_on, support_level, created_at) VALUES"
	" (1, '山田 太郎', 'やまだ たろう', '1980-01-01', 'plan', 'active', NULL, 3, '2026-12-01T00:00:00Z'),"
	" (2, '佐藤 花子', 'さとう はなこ', '2010-12-10', 'child', 'active', NULL, NULL, '2026-12-01T00:00:00Z'),"
	" (3, '鈴木 一郎', 'すずき いちろう', '1970-01-01', 'plan', 'closed', '2026-06-15', 2, '2026-12-01T00:00:00Z'),"
	" (4, '高橋 次郎', 'たかはし じろう', '1975-01-01', 'transition', 'active', NULL, 4, '2026-12-01T00:00:00Z'),"
	" (5, '伊藤 三郎', 'いとう さぶろう', '1990-01-01', 'plan', 'active', NULL, 6, '2026-11-03T01:00:00Z')",
	"INSERT INTO intake (client_id, intake_on) VALUES (1, '2025-11-10'), (2, '2026-03-05'), (3, '2025-06-01')",
	"INSERT INTO plan (id, client_id, stage, period_from, period_to, monitoring_months, anchor_month, consented_on) VALUES"
	" (10, 1, 'final', '2025-12-01', '2026-11-30', 3, '2025-12', '2025-12-01'),"
	" (20, 2, 'superseded', '2026-04-01', '2026-09-30', 1, '2026-04', '2026-04-01'),"
	" (21, 2, 'final', '2026-10-01', '2027-03-31', 1, '2026-10', '2026-10-01'),"
	" (22, 2, 'draft', '2026-07-01', '2026-12-31', 3, '2026-07', NULL),"
	" (30, 3, 'final', '2025-07-01', '2026-06-30', 6, '2025-07', '2025-07-01'),"
	" (40, 4, 'draft', '2026-09-01', '2027-02-28', 2, '2026-09', NULL)",
	"INSERT INTO plan_row (id, plan_id, goal) VALUES (101, 10, 'a'), (102, 10, 'b'),"
	" (201, 20, 'c'), (211, 21, 'd'), (301, 30, 'e')",
	"INSERT INTO monitoring (id, client_id, done_on, situation) VALUES"
	" (1001, 1, '2026-02-15', ''), (1002, 1, '2026-05-31', ''), (1003, 1, '2026-06-10', '様子'),"
	" (2001, 2, '2026-04-10', '良好'), (2002, 2, '2026-05-10', '良好'), (2003, 2, '2026-06-10', '良好'),"
	" (2005, 2, '2026-08-31', '良好'), (2006, 2, '2026-09-01', '良好'), (2007, 2, '2026-10-15', ''),"
	" (2008, 2, '2026-11-05', ''), (3001, 3, '2025-12-20', '良好')",
	"INSERT INTO monitoring (id, client_id, scheduled_on) VALUES (1004, 1, '2026-11-27')",
	"INSERT INTO monitoring_row (monitoring_id, plan_row_id, gas) VALUES"
	" (1002, 101, -1), (1002, 102, 0), (1003, 101, 0), (1003, 102, -1),"
	" (2006, 201, -2), (2007, 211, 1), (3001, 301, 2)",
	"INSERT INTO monitoring_skip (client_id, plan_id, month, reason) VALUES (1, 10, '2026-08', 'hospital')",
	"INSERT INTO note (client_id, noted_on, kind, written_on) VALUES"
	" (1, '2026-05-31', 'visit', '2026-06-01'), (2, '2026-07-01', 'phone', '2026-07-05'),"
	" (2, '2026-07-10', 'phone', '2026-07-13'), (1, '2026-08-02', 'phone', NULL),"
	" (1, '2025-11-30', 'phone', '2025-12-10')",
	"INSERT INTO meeting (client_id, held_on, agreed) VALUES"
	" (2, '2026-09-20', ''), (1, '2026-10-01', '合意'), (3, '2026-05-01', ''), (1, '2026-11-25', '')",
	NULL
};

static char path[64];
static db *d;

static int setup(void **state)
{
	tsu_err e;
	int fd;

	(void)state;
	strcpy(path, "/tmp/test_stats.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(db_open(&d, path, DB_CREATE, &e), TSU_OK);
	for (int i = 0; fixture[i]; i++)
		if (db_exec(db_prepare(d, fixture[i]), &e) != TSU_OK)
			fail_msg("fixture %d: %s", i, e.msg);
	return 0;
}

static int teardown(void **state)
{
	char aux[80];

	(void)state;
	db_close(d);
	unlink(path);
	snprintf(aux, sizeof aux, "%s-wal", path);
	unlink(aux);
	snprintf(aux, sizeof aux, "%s-shm", path);
	unlink(aux);
	return 0;
}

static date_t day(const char *s)
{
	date_t dt;

	assert_int_equal(date_parse(s, &dt, NULL), TSU_OK);
	return dt;
}

static month_t mon(const char *s)
{
	month_t m;

	assert_int_equal(month_parse(s, &m, NULL), TSU_OK);
	return m;
}

static void get(month_t m, int delay, int workers, stats *s)   /* workers in tenths */
{
	tsu_err e;

	if (stats_get(d, m, day("2026-11-20"), delay, workers, s, &e) != TSU_OK)
		fail_msg("%s", e.msg);
}

static void expect_month(const stats_month *m, int due, int met, int nd, int missed, int open)
{
	assert_int_equal(m->due, due);
	assert_int_equal(m->met, met);
	assert_int_equal(m->not_done, nd);
	assert_int_equal(m->missed, missed);
	assert_int_equal(m->open, open);
}

static void monitoring_by_hand(void **state)
{
	stats s;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	assert_int_equal(s.m[0].month, mon("2025-12"));
	assert_int_equal(s.cutoff, day("2026-11-20"));
	expect_month(&s.m[0], 1, 1, 0, 0, 0);          /* 2025-12 */
	expect_month(&s.m[1], 0, 0, 0, 0, 0);          /* 2026-01 */
	expect_month(&s.m[2], 1, 1, 0, 0, 0);          /* 02 */
	expect_month(&s.m[3], 0, 0, 0, 0, 0);          /* 03 */
	expect_month(&s.m[4], 1, 1, 0, 0, 0);          /* 04 */
	expect_month(&s.m[5], 2, 2, 0, 0, 0);          /* 05 */
	expect_month(&s.m[6], 2, 1, 0, 1, 0);          /* 06 */
	expect_month(&s.m[7], 1, 0, 0, 1, 0);          /* 07 */
	expect_month(&s.m[8], 2, 1, 1, 0, 0);          /* 08 */
	expect_month(&s.m[9], 1, 1, 0, 0, 0);          /* 09 */
	expect_month(&s.m[10], 2, 1, 0, 1, 0);         /* 10 */
	expect_month(&s.m[11], 2, 1, 0, 0, 1);         /* 11 */
	expect_month(&s.total, 15, 10, 1, 3, 1);
	assert_int_equal(stats_month_rate(&s.total), 714);
	assert_int_equal(stats_month_rate(&s.m[8]), 500);   /* not done is not met */
	assert_int_equal(stats_month_rate(&s.m[11]), 1000); /* open is not late yet */
	assert_int_equal(stats_month_rate(&s.m[1]), -1);
	stats_free(&s);
}

static void notes_by_hand(void **state)
{
	stats s;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	assert_int_equal(s.m[5].notes, 1);
	assert_int_equal(s.m[5].late, 0);
	assert_int_equal(s.m[7].notes, 2);
	assert_int_equal(s.m[7].late, 1);
	assert_int_equal(stats_late_rate(&s.m[7]), 500);
	assert_int_equal(s.m[8].unknown, 1);
	assert_int_equal(stats_late_rate(&s.m[8]), -1);
	assert_int_equal(s.total.notes, 4);
	assert_int_equal(s.total.late, 1);
	assert_int_equal(s.total.unknown, 1);
	assert_int_equal(stats_late_rate(&s.total), 333);
	stats_free(&s);
	/* With 4 days the 4-day note is on time. */
	get(mon("2026-11"), 4, 20, &s);
	assert_int_equal(s.total.late, 0);
	stats_free(&s);
	/* With 2 days the 3-day note is late too. */
	get(mon("2026-11"), 2, 20, &s);
	assert_int_equal(s.total.late, 2);
	stats_free(&s);
}

static void unwritten_by_hand(void **state)
{
	stats s;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	assert_int_equal(s.unwritten_all, 3);
	assert_int_equal(s.nunwritten, 3);
	assert_int_equal(s.unwritten[0].on, day("2026-02-15"));
	assert_int_equal(s.unwritten[0].client_id, 1);
	assert_int_equal(s.unwritten[0].kind, STATS_EV_MONITORING);
	assert_int_equal(s.cutoff - s.unwritten[0].on, 278);
	assert_int_equal(s.unwritten[1].on, day("2026-09-20"));
	assert_int_equal(s.unwritten[1].kind, STATS_EV_MEETING);
	assert_int_equal(s.unwritten[1].client_id, 2);
	assert_string_equal(s.unwritten[1].name, "佐藤 花子");
	assert_int_equal(s.unwritten[2].on, day("2026-11-05"));
	assert_int_equal(s.unwritten[2].kind, STATS_EV_MONITORING);
	stats_free(&s);
}

static void gas_by_hand(void **state)
{
	stats s;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	assert_int_equal(s.gas_goals, 3);
	assert_int_equal(s.gas_ok, 2);
	assert_int_equal(stats_permille(s.gas_ok, s.gas_goals), 667);
	assert_int_equal(s.gas_pairs, 2);
	assert_int_equal(s.gas_prev_ok, 1);
	assert_int_equal(s.gas_pair_ok, 1);
	assert_int_equal(s.gas_up, 1);
	assert_int_equal(s.gas_same, 0);
	assert_int_equal(s.gas_down, 1);
	stats_free(&s);
	/* In May: client 1's latest is 05-31 (no previous), client 2 has
	 * none yet. */
	get(mon("2026-05"), 3, 20, &s);
	assert_int_equal(s.gas_goals, 2);
	assert_int_equal(s.gas_ok, 1);
	assert_int_equal(s.gas_pairs, 0);
	stats_free(&s);
}

static void caseload_by_hand(void **state)
{
	stats s;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	assert_int_equal(s.active, 4);
	assert_int_equal(s.by_kind[0], 2);
	assert_int_equal(s.by_kind[1], 1);
	assert_int_equal(s.by_kind[2], 1);
	assert_int_equal(s.by_kind[3], 0);
	assert_int_equal(s.by_level[3], 1);
	assert_int_equal(s.by_level[4], 1);
	assert_int_equal(s.by_level[6], 1);
	assert_int_equal(s.by_level[STATS_LEVEL_NONE], 1);
	assert_int_equal(s.by_level[2], 0);
	assert_int_equal(s.counted, 3);
	assert_int_equal(s.workers, 20);
	assert_int_equal(stats_per_worker_tenths(&s), 15);
	assert_int_equal(s.m[3].started, 1);    /* 2026-03 */
	assert_int_equal(s.m[9].started, 1);    /* 2026-09 */
	assert_int_equal(s.m[11].started, 1);   /* 2026-11 */
	assert_int_equal(s.m[6].closed, 1);     /* 2026-06 */
	assert_int_equal(s.total.started, 3);
	assert_int_equal(s.total.closed, 1);
	stats_free(&s);
	/* At the end of October client 5 had not started; in May client 3
	 * was still ours and client 4 not yet. */
	get(mon("2026-10"), 3, 10, &s);
	assert_int_equal(s.cutoff, day("2026-10-31"));
	assert_int_equal(s.active, 3);
	assert_int_equal(s.workers, 10);
	assert_int_equal(stats_per_worker_tenths(&s), 20);
	expect_month(&s.m[11], 2, 1, 0, 1, 0);
	stats_free(&s);
	get(mon("2026-05"), 3, 0, &s);
	assert_int_equal(s.active, 3);          /* 1, 2, 3 */
	assert_int_equal(s.workers, 10);        /* 0 workers counts as 1 */
	stats_free(&s);
}

static void tsv_columns(void **state)
{
	stats s;
	stats_doc doc;
	strbuf b;

	(void)state;
	get(mon("2026-11"), 3, 20, &s);
	doc = (stats_doc){ &s, "", "", false };
	sb_init(&b);
	stats_report_tsv(&doc, &b);
	assert_non_null(strstr(b.s, "month\tmon_due\tmon_met\tmon_not_done\tmon_missed\tmon_open\tmon_rate"
				    "\tnotes\tnotes_late\tnotes_unknown\tlate_rate\tstarted\tclosed\n"
				    "2025-12\t1\t1\t0\t0\t0\t100.0\t0\t0\t0\t\t0\t0\n"));
	assert_non_null(strstr(b.s, "\ntotal\t15\t10\t1\t3\t1\t71.4\t4\t1\t1\t33.3\t3\t1\n"));
	assert_non_null(strstr(b.s, "\nfigure\tkey\tvalue\nactive\tall\t4\n"));
	assert_non_null(strstr(b.s, "\ncaseload\tper_worker\t1.5\n"));
	assert_non_null(strstr(b.s, "\ngas\trate\t66.7\n"));
	assert_non_null(strstr(b.s, "\nunwritten_on\tevent\tclient_id\tclient\tdays\n"
				    "2026-02-15\tmonitoring\t1\t山田 太郎\t278\n"));
	sb_free(&b);
	/* Initials hide the names. */
	doc.initials = true;
	sb_init(&b);
	stats_report_tsv(&doc, &b);
	assert_null(strstr(b.s, "山田"));
	assert_non_null(strstr(b.s, "\t1\tY.T.\t278\n"));
	sb_free(&b);
	stats_free(&s);
}

static void rates_round(void **state)
{
	(void)state;
	assert_int_equal(stats_permille(2, 3), 667);
	assert_int_equal(stats_permille(1, 8), 125);
	assert_int_equal(stats_permille(1, 3), 333);
	assert_int_equal(stats_permille(0, 0), -1);
	assert_int_equal(stats_permille(5, 5), 1000);
}

/* The screen's bars: eighth blocks, or '#' per whole cell. */
static void bars_in_eighths_or_ascii(void **state)
{
	struct { int v, max, w; bool ascii; const char *want; } cases[] = {
		{ 1000, 1000, 4, false, "████" },
		{ 500, 1000, 4, false, "██" },
		{ 333, 1000, 20, false, "██████▋" },     /* 53.3 eighths: 6 and 5/8 */
		{ 1, 1000, 4, false, "" },               /* under half an eighth */
		{ 20, 1000, 4, false, "▏" },
		{ 2000, 1000, 3, false, "███" },         /* capped */
		{ 333, 1000, 20, true, "#######" },      /* 6.66 cells round to 7 */
		{ 500, 1000, 4, true, "##" },
		{ -1, 1000, 4, false, "" },              /* no rate */
		{ 5, 0, 4, false, "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *b = ui_stats_bar(cases[i].v, cases[i].max, cases[i].w, cases[i].ascii);
		assert_string_equal(b, cases[i].want);
		free(b);
	}
	assert_true(ui_stats_blocks_ok("xterm-256color"));
	assert_true(ui_stats_blocks_ok("screen"));
	assert_false(ui_stats_blocks_ok("vt100"));
	assert_false(ui_stats_blocks_ok("vt220"));
	assert_false(ui_stats_blocks_ok("linux"));
	assert_false(ui_stats_blocks_ok(""));
	assert_false(ui_stats_blocks_ok(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(monitoring_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(notes_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritten_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(gas_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(caseload_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(tsv_columns, setup, teardown),
		cmocka_unit_test(rates_round),
		cmocka_unit_test(bars_in_eighths_or_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
