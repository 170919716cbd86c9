/*
 * test_monitoring.c - the monitoring schedule: the end-month rule (the
 * period's last month always, the others counted back from it by the
 * interval, none before anchor + interval - 1), interval changes from
 * their month on, every interval 1 to 12, periods that are not a whole
 * number of intervals, the certificate's explicit range.  Includes the
 * ministry's two worked examples from FORMS.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due.h"

static month_t M(int y, int m) { return month_from_ym(y, m); }
static date_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* All monitoring months of p between lo and hi, compared with want[]. */
static void expect_months(const due_plan *p, month_t lo, month_t hi, const month_t *want, size_t nwant)
{
	month_t got[64];
	size_t n = monitoring_due_months(p, lo, hi, got, 64);

	assert_int_equal(n, nwant);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

static due_plan plan_of(date_t from, date_t to, int months)
{
	due_plan p = { 1, 1, DUE_STAGE_FINAL, from, to, date_month(from), months, NULL, 0, 0, 0 };
	return p;
}

/* Every monitoring month of p as "YYYY-MM YYYY-MM ...". */
static void expect_text(const due_plan *p, const char *want)
{
	month_t got[64];
	size_t n = monitoring_due_months(p, date_month(p->period_from) - 24,
					 date_month(p->period_to) + 24, got, 64);
	char buf[64 * 8 + 1] = "";

	for (size_t i = 0; i < n && i < 64; i++) {
		int y, m;
		month_to_ym(got[i], &y, &m);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%04d-%02d", i ? " " : "", y, m);
	}
	if (strcmp(buf, want) != 0) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
		date_format_iso(p->period_from, a);
		date_format_iso(p->period_to, b);
		fail_msg("%s..%s every %d: got \"%s\", want \"%s\"", a, b, p->months, buf, want);
	}
}

/* The example (FORMS.md): valid 2025-09-01 to 2026-06-30, every
 * 3 months: December, March, June, not November, February, May. */
static void monitoring_end_month_rule_counts_back_from_june(void **s)
{
	due_plan p = plan_of(D(2025, 9, 1), D(2026, 6, 30), 3);

	expect_text(&p, "2025-12 2026-03 2026-06");
	assert_false(monitoring_is_due_month(&p, M(2025, 11)));
	assert_false(monitoring_is_due_month(&p, M(2025, 9)));
}

/* Periods that are not a whole number of intervals: 3 to 36 months,
 * intervals 2 to 12, starting on the 1st and in mid-month.  Each list
 * ends with the period's end month and steps back by the interval; the
 * first month is never before anchor + interval - 1. */
static void monitoring_end_month_rule_on_uneven_periods(void **s)
{
	static const struct { int y1, m1, d1, y2, m2, d2, n; const char *want; } c[] = {
		/* 9 months from mid-April, every 2 */
		{ 2025, 4, 15, 2025, 12, 14, 2, "2025-06 2025-08 2025-10 2025-12" },
		/* 3 months, every 6: only the end month */
		{ 2025, 1, 1, 2025, 3, 31, 6, "2025-03" },
		/* 3 months from mid-month, every 2 */
		{ 2026, 2, 16, 2026, 4, 15, 2, "2026-04" },
		/* 36 months from mid-October, every 5 */
		{ 2024, 10, 16, 2027, 9, 15, 5, "2025-03 2025-08 2026-01 2026-06 2026-11 2027-04 2027-09" },
		/* 10 months, every 4 */
		{ 2026, 7, 1, 2027, 4, 30, 4, "2026-12 2027-04" },
		/* 15 months, every 7 */
		{ 2025, 1, 1, 2026, 3, 31, 7, "2025-08 2026-03" },
		/* 19 months from mid-June, every 8 */
		{ 2025, 6, 10, 2026, 12, 9, 8, "2026-04 2026-12" },
		/* 24 months, every 9 */
		{ 2024, 4, 1, 2026, 3, 31, 9, "2025-06 2026-03" },
		/* 15 months, every 10 */
		{ 2025, 2, 1, 2026, 4, 30, 10, "2026-04" },
		/* 36 months from mid-January, every 11 */
		{ 2024, 1, 15, 2026, 12, 14, 11, "2025-02 2026-01 2026-12" },
		/* 20 months, every 12 */
		{ 2025, 5, 1, 2026, 12, 31, 12, "2026-12" },
		/* 11 months from the 20th, every 3 */
		{ 2025, 8, 20, 2026, 6, 19, 3, "2025-12 2026-03 2026-06" },
		/* 14 months, every 6 */
		{ 2025, 4, 1, 2026, 5, 31, 6, "2025-11 2026-05" },
	};

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		due_plan p = plan_of(D(c[i].y1, c[i].m1, c[i].d1), D(c[i].y2, c[i].m2, c[i].d2), c[i].n);
		expect_text(&p, c[i].want);
	}
}

/* Every interval 1 to 12 over one April-to-March year: the end month
 * always, and the count back from it. */
static void monitoring_every_interval_from_one_to_twelve(void **s)
{
	static const char *const want[13] = {
		NULL,
		"2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 2026-02 2026-03",
		"2025-05 2025-07 2025-09 2025-11 2026-01 2026-03",
		"2025-06 2025-09 2025-12 2026-03",
		"2025-07 2025-11 2026-03",
		"2025-10 2026-03",       /* 5: Oct (not May: before Aug) */
		"2025-09 2026-03",
		"2026-03",               /* 7: Aug is before Oct */
		"2026-03",
		"2026-03",
		"2026-03",
		"2026-03",
		"2026-03",
	};

	for (int n = 1; n <= 12; n++) {
		due_plan p = plan_of(D(2025, 4, 1), D(2026, 3, 31), n);
		expect_text(&p, want[n]);
		assert_true(monitoring_is_due_month(&p, M(2026, 3)));
	}
}

/* Over 24 months every interval that divides it gives a whole count, the
 * first one at anchor + n - 1, as counting forward did. */
static void monitoring_whole_periods_agree_with_the_forward_count(void **s)
{
	static const int whole[] = { 1, 2, 3, 4, 6, 8, 12 };

	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		int n = whole[i];
		due_plan p = plan_of(D(2025, 4, 1), D(2027, 3, 31), n);
		for (month_t m = M(2025, 4); m <= M(2027, 3); m++)
			assert_int_equal(monitoring_is_due_month(&p, m), (m - M(2025, 4) + 1) % n == 0);
	}
}

/* A change to a longer interval in an uneven period: months before the
 * change stay, the new interval counts back from the end month. */
static void monitoring_interval_change_in_an_uneven_period(void **s)
{
	/* 2025-09 to 2026-06: monthly from September, every 4 months from
	 * December: Sep, Oct, Nov, then Feb and Jun. */
	const due_interval iv[] = { { M(2025, 9), 1 }, { M(2025, 12), 4 } };
	due_plan p = plan_of(D(2025, 9, 1), D(2026, 6, 30), 4);

	p.intervals = iv;
	p.nintervals = 2;
	expect_text(&p, "2025-09 2025-10 2025-11 2026-02 2026-06");
	assert_int_equal(monitoring_interval_at(&p, M(2025, 11)), 1);
	assert_int_equal(monitoring_interval_at(&p, M(2025, 12)), 4);
}

static void monitoring_shorter_interval_from_mid_period(void **s)
{
	/* Every 6 months, then every 2 from 2026-01 in 2025-04..2026-06:
	 * the six-monthly months before January (end - m a multiple of 6:
	 * 2025-06, 2025-12), then every 2 back from June: 2026-02, 04, 06. */
	const due_interval iv[] = { { M(2025, 4), 6 }, { M(2026, 1), 2 } };
	due_plan p = plan_of(D(2025, 4, 1), D(2026, 6, 30), 2);

	p.intervals = iv;
	p.nintervals = 2;
	expect_text(&p, "2025-12 2026-02 2026-04 2026-06");
}

/* The certificate writes "3月ごと(R8.7〜R9.4)": the months agree. */
static void monitoring_range_that_agrees(void **s)
{
	due_plan p = plan_of(D(2026, 5, 1), D(2027, 4, 30), 3);

	assert_true(monitoring_range_agrees(&p, M(2026, 7), M(2027, 4), 3));
	/* A range over part of the period agrees too. */
	assert_true(monitoring_range_agrees(&p, M(2026, 10), M(2027, 1), 3));
	/* No range: nothing to check. */
	assert_true(monitoring_range_agrees(&p, 0, 0, 3));
}

static void monitoring_range_that_disagrees(void **s)
{
	/* 2025-09..2026-06, every 3: Dec, Mar, Jun.  A municipality counting
	 * forward writes 3月ごと(R7.11〜R8.5). */
	due_plan p = plan_of(D(2025, 9, 1), D(2026, 6, 30), 3);

	assert_false(monitoring_range_agrees(&p, M(2025, 11), M(2026, 5), 3));
	/* One that starts in the first month (Sep, Dec, Mar, Jun). */
	assert_false(monitoring_range_agrees(&p, M(2025, 9), M(2026, 6), 3));
	/* A range that is no whole number of steps. */
	assert_false(monitoring_range_agrees(&p, M(2025, 12), M(2026, 5), 3));
	/* The ministry's second example after the change: 6月ごと(H28.10〜H29.4). */
	{
		const due_interval iv[] = { { M(2016, 5), 1 }, { M(2016, 8), 6 } };
		due_plan q = plan_of(D(2016, 5, 1), D(2017, 4, 30), 6);
		q.intervals = iv;
		q.nintervals = 2;
		assert_true(monitoring_range_agrees(&q, M(2016, 5), M(2016, 7), 1));
		assert_true(monitoring_range_agrees(&q, M(2016, 10), M(2017, 4), 6));
		assert_false(monitoring_range_agrees(&q, M(2016, 8), M(2017, 2), 6));
	}
}

static void monitoring_three_monthly_from_may_falls_in_july_october_january_april(void **s)
{
	due_plan p = plan_of(D(2016, 5, 1), D(2017, 4, 30), 3);
	const month_t want[] = { M(2016, 7), M(2016, 10), M(2017, 1), M(2017, 4) };

	expect_months(&p, M(2016, 1), M(2018, 12), want, 4);
}

static void monitoring_monthly_then_six_monthly_keeps_the_anchor(void **s)
{
	/* May, June, July monthly; from August six-monthly: October, April. */
	const due_interval iv[] = { { M(2016, 5), 1 }, { M(2016, 8), 6 } };
	due_plan p = plan_of(D(2016, 5, 1), D(2017, 4, 30), 6);
	const month_t want[] = { M(2016, 5), M(2016, 6), M(2016, 7), M(2016, 10), M(2017, 4) };

	p.intervals = iv;
	p.nintervals = 2;
	expect_months(&p, M(2016, 1), M(2018, 12), want, 5);
}

static void monitoring_interval_change_mid_period_applies_from_its_month(void **s)
{
	/* Three-monthly from April (June, September), then monthly from
	 * October: October, November, ... March. */
	const due_interval iv[] = { { M(2025, 4), 3 }, { M(2025, 10), 1 } };
	due_plan p = plan_of(D(2025, 4, 1), D(2026, 3, 31), 1);
	const month_t want[] = { M(2025, 6), M(2025, 9), M(2025, 10), M(2025, 11), M(2025, 12),
				 M(2026, 1), M(2026, 2), M(2026, 3) };

	p.intervals = iv;
	p.nintervals = 2;
	expect_months(&p, M(2025, 1), M(2026, 12), want, 8);
	assert_int_equal(monitoring_interval_at(&p, M(2025, 9)), 3);
	assert_int_equal(monitoring_interval_at(&p, M(2025, 10)), 1);
}

static void monitoring_interval_twelve_means_once_a_year(void **s)
{
	due_plan p = plan_of(D(2024, 10, 1), D(2026, 9, 30), 12);
	const month_t want[] = { M(2025, 9), M(2026, 9) };

	expect_months(&p, M(2024, 1), M(2027, 12), want, 2);
}

static void monitoring_months_stop_after_the_period_end_month(void **s)
{
	/* 9 months, every 2: counted back from December. */
	due_plan p = plan_of(D(2025, 4, 1), D(2025, 12, 15), 2);
	const month_t want[] = { M(2025, 6), M(2025, 8), M(2025, 10), M(2025, 12) };

	expect_months(&p, M(2025, 1), M(2026, 12), want, 4);
	assert_false(monitoring_is_due_month(&p, M(2026, 1)));
}

static void monitoring_period_end_month_itself_counts(void **s)
{
	due_plan p = plan_of(D(2025, 7, 1), D(2025, 12, 1), 6);

	assert_true(monitoring_is_due_month(&p, M(2025, 12)));
}

static void monitoring_nothing_before_the_anchor(void **s)
{
	due_plan p = plan_of(D(2025, 4, 1), D(2026, 3, 31), 1);

	assert_false(monitoring_is_due_month(&p, M(2025, 3)));
	assert_true(monitoring_is_due_month(&p, M(2025, 4)));
}

static void monitoring_plan_starting_on_the_31st_is_anchored_in_its_month(void **s)
{
	due_plan p = plan_of(D(2025, 1, 31), D(2025, 12, 31), 1);
	const month_t want[] = { M(2025, 1), M(2025, 2), M(2025, 3) };

	expect_months(&p, M(2024, 12), M(2025, 3), want, 3);
}

static void monitoring_schedule_crosses_the_era_change(void **s)
{
	/* Heisei 31 to Reiwa 1: nothing special, months are months. */
	due_plan p = plan_of(D(2019, 2, 1), D(2020, 1, 31), 3);
	const month_t want[] = { M(2019, 4), M(2019, 7), M(2019, 10), M(2020, 1) };

	expect_months(&p, M(2019, 1), M(2020, 12), want, 4);
}

static void monitoring_due_months_reports_total_beyond_max(void **s)
{
	due_plan p = plan_of(D(2025, 1, 1), D(2026, 12, 31), 1);
	month_t got[3];

	assert_int_equal(monitoring_due_months(&p, M(2025, 1), M(2026, 12), got, 3), 24);
	assert_int_equal(got[2], M(2025, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(monitoring_end_month_rule_counts_back_from_june),
		cmocka_unit_test(monitoring_end_month_rule_on_uneven_periods),
		cmocka_unit_test(monitoring_every_interval_from_one_to_twelve),
		cmocka_unit_test(monitoring_whole_periods_agree_with_the_forward_count),
		cmocka_unit_test(monitoring_interval_change_in_an_uneven_period),
		cmocka_unit_test(monitoring_shorter_interval_from_mid_period),
		cmocka_unit_test(monitoring_range_that_agrees),
		cmocka_unit_test(monitoring_range_that_disagrees),
		cmocka_unit_test(monitoring_three_monthly_from_may_falls_in_july_october_january_april),
		cmocka_unit_test(monitoring_monthly_then_six_monthly_keeps_the_anchor),
		cmocka_unit_test(monitoring_interval_change_mid_period_applies_from_its_month),
		cmocka_unit_test(monitoring_interval_twelve_means_once_a_year),
		cmocka_unit_test(monitoring_months_stop_after_the_period_end_month),
		cmocka_unit_test(monitoring_period_end_month_itself_counts),
		cmocka_unit_test(monitoring_nothing_before_the_anchor),
		cmocka_unit_test(monitoring_plan_starting_on_the_31st_is_anchored_in_its_month),
		cmocka_unit_test(monitoring_schedule_crosses_the_era_change),
		cmocka_unit_test(monitoring_due_months_reports_total_beyond_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
