/*
 * test_monitoring.c - the monitoring schedule: anchor + k*interval - 1,
 * interval changes that keep the anchor, the plan period's end month.
 * Includes the ministry's two worked examples from FORMS.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
	due_plan p = { 1, 1, DUE_STAGE_FINAL, from, to, date_month(from), months, NULL, 0 };
	return p;
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
	due_plan p = plan_of(D(2025, 4, 1), D(2025, 12, 15), 2);
	const month_t want[] = { M(2025, 5), M(2025, 7), M(2025, 9), M(2025, 11) };

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
