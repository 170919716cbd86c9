/*
 * test_due.c - the due engine, one rule per test: states and lead times,
 * what counts as met, which plan is in force, closed clients, billing and
 * the 18th birthday.  Inputs are built by hand; "today" is always given.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tsunagi/due.h"

static date_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }
static month_t M(int y, int m) { return month_from_ym(y, m); }

static const due_client adult = { 1, 0, false, false };

static due_query window(date_t today, date_t from, date_t to)
{
	due_query q = { today, from, to, false, 0 };
	return q;
}

/* The items of one kind (the rest are dropped), computed into l. */
static size_t run(const due_input *in, due_query q, enum due_kind kind, due_list *l)
{
	q.kinds = 1u << kind;
	return due_compute(in, &q, l);
}

static due_plan plan_of(int64_t id, date_t from, date_t to, int months, enum due_plan_stage st)
{
	due_plan p = { id, 1, st, from, to, date_month(from), months, NULL, 0, 0, 0 };
	return p;
}

/* ---- monitoring ---- */

static void monitoring_unmet_past_month_is_overdue_on_its_last_day(void **s)
{
	due_plan p = plan_of(10, D(2016, 5, 1), D(2017, 4, 30), 3, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2016, 8, 3), D(2016, 1, 1), D(2016, 8, 31)), DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].on, D(2016, 7, 31));
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	assert_int_equal(l.items[0].month, M(2016, 7));
	assert_int_equal(l.items[0].ref_id, 10);
	due_list_free(&l);
}

static void monitoring_month_is_due_from_its_first_day(void **s)
{
	due_plan p = plan_of(10, D(2016, 5, 1), D(2017, 4, 30), 3, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	run(&in, window(D(2016, 6, 30), D(2016, 6, 1), D(2016, 7, 31)), DUE_MONITORING, &l);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	run(&in, window(D(2016, 7, 1), D(2016, 6, 1), D(2016, 7, 31)), DUE_MONITORING, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	run(&in, window(D(2016, 7, 31), D(2016, 6, 1), D(2016, 7, 31)), DUE_MONITORING, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	due_list_free(&l);
}

static void monitoring_record_in_the_month_meets_it(void **s)
{
	due_plan p = plan_of(10, D(2016, 5, 1), D(2017, 4, 30), 3, DUE_STAGE_FINAL);
	due_monitoring mo[] = { { 7, 1, D(2016, 7, 20), DATE_NONE }, { 8, 1, D(2016, 9, 30), DATE_NONE } };
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1,
			 .monitorings = mo, .nmonitorings = 2 };
	due_list l = { 0 };
	due_query q = window(D(2016, 11, 2), D(2016, 5, 1), D(2016, 11, 30));

	/* July met; a September record does not meet October. */
	assert_int_equal(run(&in, q, DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].month, M(2016, 10));
	assert_int_equal(l.items[0].state, DUE_OVERDUE);

	q.include_done = true;
	assert_int_equal(run(&in, q, DUE_MONITORING, &l), 2);
	assert_int_equal(l.items[0].state, DUE_DONE);
	assert_int_equal(l.items[0].on, D(2016, 7, 20));
	assert_int_equal(l.items[0].done_id, 7);
	due_list_free(&l);
}

/* A month recorded as not done: its own state with the reason, not
 * overdue; a monitoring done in the month after all still meets it. */
static void monitoring_month_not_done_keeps_its_reason(void **s)
{
	due_plan p = plan_of(10, D(2016, 5, 1), D(2017, 4, 30), 3, DUE_STAGE_FINAL);
	due_skip k[] = { { 3, 1, M(2016, 7), "hospital", "入院中" }, { 4, 1, M(2016, 10), "other", "台風" } };
	due_monitoring mo = { 7, 1, D(2016, 10, 28), DATE_NONE };
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1,
			 .skips = k, .nskips = 2, .monitorings = &mo, .nmonitorings = 1 };
	due_list l = { 0 };
	due_query q = window(D(2016, 11, 2), D(2016, 5, 1), D(2016, 11, 30));

	assert_int_equal(run(&in, q, DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].month, M(2016, 7));
	assert_int_equal(l.items[0].state, DUE_NOT_DONE);
	assert_int_equal(l.items[0].stage, DUE_MON_NOT_DONE);
	assert_string_equal(l.items[0].text, "hospital");
	assert_string_equal(l.items[0].text2, "入院中");
	assert_string_equal(due_state_name(l.items[0].state), "not_done");
	/* Not done in its own month too, before the month is out. */
	run(&in, window(D(2016, 7, 10), D(2016, 7, 1), D(2016, 7, 31)), DUE_MONITORING, &l);
	assert_int_equal(l.items[0].state, DUE_NOT_DONE);
	/* October: done after all. */
	q.include_done = true;
	assert_int_equal(run(&in, q, DUE_MONITORING, &l), 2);
	assert_int_equal(l.items[1].state, DUE_DONE);
	assert_null(l.items[1].text);
	due_list_free(&l);
}

/* The plan in force against the service certificate's decision period. */
static void mismatch_when_the_certificate_ends_on_another_day(void **s)
{
	due_plan p = plan_of(10, D(2025, 10, 1), D(2026, 8, 31), 6, DUE_STAGE_FINAL);
	due_certificate c[] = {
		{ 20, 1, "service", D(2025, 10, 1), D(2026, 9, 30) },
		{ 21, 1, "day_service", D(2025, 10, 1), D(2026, 8, 31) },       /* agrees */
		{ 22, 1, "service", D(2024, 10, 1), D(2025, 9, 30) },           /* the one before */
		{ 23, 1, "support_level", D(2025, 10, 1), D(2026, 5, 31) },     /* not a decision period */
	};
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1,
			 .decisions = c, .ndecisions = 4 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2026, 1, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l), 1);
	assert_int_equal(l.items[0].on, D(2025, 10, 1));
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	assert_int_equal(l.items[0].ref_id, 20);
	assert_int_equal(l.items[0].stage, DUE_MISMATCH_LATER);
	assert_int_equal(l.items[0].deadline, D(2026, 9, 30));
	assert_string_equal(l.items[0].text, "service");
	/* Due 30 days before the plan starts. */
	run(&in, window(D(2025, 9, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	/* A certificate ending earlier; then a corrected one agrees. */
	c[0].valid_to = D(2026, 7, 31);
	run(&in, window(D(2026, 1, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l);
	assert_int_equal(l.items[0].stage, DUE_MISMATCH_EARLIER);
	c[2] = (due_certificate){ 24, 1, "service", D(2025, 10, 1), D(2026, 8, 31) };
	assert_int_equal(run(&in, window(D(2026, 1, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l), 0);
	due_list_free(&l);
}

static void mismatch_when_the_certificate_range_disagrees(void **s)
{
	due_plan p = plan_of(10, D(2025, 9, 1), D(2026, 6, 30), 3, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	p.range_from = M(2025, 11);
	p.range_to = M(2026, 5);
	assert_int_equal(run(&in, window(D(2025, 9, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l), 1);
	assert_int_equal(l.items[0].stage, DUE_MISMATCH_RANGE);
	assert_int_equal(l.items[0].ref_id, 10);
	assert_int_equal(l.items[0].month, M(2025, 11));
	assert_int_equal(l.items[0].deadline, D(2026, 5, 31));
	p.range_from = M(2025, 12);
	p.range_to = M(2026, 6);
	assert_int_equal(run(&in, window(D(2025, 9, 5), D(2025, 1, 1), D(2026, 12, 31)), DUE_MISMATCH, &l), 0);
	due_list_free(&l);
}

static void monitoring_scheduled_visit_places_the_item_but_the_month_end_decides_overdue(void **s)
{
	due_plan p = plan_of(10, D(2016, 5, 1), D(2017, 4, 30), 3, DUE_STAGE_FINAL);
	due_monitoring mo = { 7, 1, DATE_NONE, D(2016, 7, 12) };
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1,
			 .monitorings = &mo, .nmonitorings = 1 };
	due_list l = { 0 };

	run(&in, window(D(2016, 7, 20), D(2016, 7, 1), D(2016, 7, 31)), DUE_MONITORING, &l);
	assert_int_equal(l.items[0].on, D(2016, 7, 12));
	assert_int_equal(l.items[0].deadline, D(2016, 7, 31));
	assert_int_equal(l.items[0].state, DUE_DUE);
	due_list_free(&l);
}

static void monitoring_in_february_of_a_leap_year_ends_on_the_29th(void **s)
{
	due_plan p = plan_of(10, D(2023, 12, 1), D(2024, 11, 30), 3, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2024, 1, 1), D(2024, 2, 1), D(2024, 2, 29)), DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].on, D(2024, 2, 29));
	assert_int_equal(run(&in, window(D(2025, 1, 1), D(2025, 1, 1), D(2025, 3, 31)), DUE_MONITORING, &l), 0);
	due_list_free(&l);
}

static void monitoring_monthly_plan_from_the_31st_has_each_month_end(void **s)
{
	due_plan p = plan_of(10, D(2025, 1, 31), D(2025, 12, 31), 1, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 1, 1), D(2025, 1, 1), D(2025, 4, 30)), DUE_MONITORING, &l), 4);
	assert_int_equal(l.items[0].on, D(2025, 1, 31));
	assert_int_equal(l.items[1].on, D(2025, 2, 28));
	assert_int_equal(l.items[3].on, D(2025, 4, 30));
	due_list_free(&l);
}

static void monitoring_across_the_era_change_keeps_each_month(void **s)
{
	due_plan p = plan_of(10, D(2019, 4, 1), D(2020, 3, 31), 1, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2019, 5, 10), D(2019, 4, 1), D(2019, 5, 31)), DUE_MONITORING, &l), 2);
	assert_int_equal(l.items[0].on, D(2019, 4, 30));
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	assert_int_equal(l.items[1].on, D(2019, 5, 31));
	assert_int_equal(l.items[1].state, DUE_DUE);
	due_list_free(&l);
}

static void monitoring_plan_period_across_a_year_end_continues_in_january(void **s)
{
	due_plan p = plan_of(10, D(2025, 10, 1), D(2026, 9, 30), 2, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 10, 1), D(2025, 10, 1), D(2026, 3, 31)), DUE_MONITORING, &l), 3);
	assert_int_equal(l.items[0].month, M(2025, 11));
	assert_int_equal(l.items[1].month, M(2026, 1));
	assert_int_equal(l.items[2].month, M(2026, 3));
	due_list_free(&l);
}

/* ---- the plan in force ---- */

static void final_plan_replaces_its_draft(void **s)
{
	due_plan p[] = {
		plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 1, DUE_STAGE_FINAL),
		plan_of(11, D(2025, 6, 1), D(2026, 5, 31), 3, DUE_STAGE_DRAFT),
	};
	due_input in = { .clients = &adult, .nclients = 1, .plans = p, .nplans = 2 };
	due_list l = { 0 };

	/* The newer draft is not in force while a final plan is. */
	assert_int_equal(run(&in, window(D(2025, 6, 1), D(2025, 6, 1), D(2025, 6, 30)), DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].ref_id, 10);
	due_list_free(&l);
}

static void latest_draft_is_in_force_when_there_is_no_final_plan(void **s)
{
	due_plan p[] = {
		plan_of(11, D(2025, 4, 1), D(2026, 3, 31), 3, DUE_STAGE_DRAFT),
		plan_of(12, D(2025, 4, 1), D(2026, 3, 31), 1, DUE_STAGE_DRAFT),
	};
	due_input in = { .clients = &adult, .nclients = 1, .plans = p, .nplans = 2 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 4, 1), D(2025, 4, 1), D(2025, 4, 30)), DUE_MONITORING, &l), 1);
	assert_int_equal(l.items[0].ref_id, 12);
	due_list_free(&l);
}

static void superseded_plan_produces_nothing(void **s)
{
	due_plan p = plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 1, DUE_STAGE_SUPERSEDED);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };
	due_query q = window(D(2025, 4, 1), D(2025, 1, 1), D(2025, 4, 30));

	assert_int_equal(due_compute(&in, &q, &l), 1);   /* billing only */
	assert_int_equal(l.items[0].kind, DUE_BILLING);
	due_list_free(&l);
}

static void closed_client_produces_nothing(void **s)
{
	const due_client closed = { 1, D(2010, 1, 1), true, true };
	due_plan p = plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 1, DUE_STAGE_FINAL);
	due_certificate c = { 5, 1, "service", D(2025, 4, 1), D(2025, 9, 30) };
	due_consent co = { 6, 1, "A病院", "", D(2025, 9, 30), DATE_NONE };
	due_action a = { 7, 1, "連絡", D(2025, 5, 1), DATE_NONE };
	due_input in = { .clients = &closed, .nclients = 1, .plans = &p, .nplans = 1,
			 .certificates = &c, .ncertificates = 1, .consents = &co, .nconsents = 1,
			 .actions = &a, .nactions = 1 };
	due_list l = { 0 };
	due_query q = window(D(2025, 4, 12), D(2025, 1, 1), D(2030, 12, 31));

	q.kinds = ~(1u << DUE_BILLING);
	assert_int_equal(due_compute(&in, &q, &l), 0);
	due_list_free(&l);
}

static void plan_period_end_is_due_sixty_days_before(void **s)
{
	due_plan p = plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 6, DUE_STAGE_FINAL);
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1 };
	due_list l = { 0 };
	date_t end = D(2026, 3, 31);

	assert_int_equal(run(&in, window(end - 61, end - 61, end), DUE_PLAN, &l), 1);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	assert_int_equal(l.items[0].stage, DUE_PLAN_END);
	run(&in, window(end - 60, end - 61, end), DUE_PLAN, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	run(&in, window(end + 1, end - 31, end), DUE_PLAN, &l);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	due_list_free(&l);
}

static void review_date_of_a_plan_row_is_due_and_met_by_a_monitoring_in_its_month(void **s)
{
	due_plan p = plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 6, DUE_STAGE_FINAL);
	due_plan_row r = { 30, 10, 1, D(2025, 9, 15), "一人で買い物に行きたい" };
	due_monitoring mo = { 7, 1, D(2025, 9, 2), DATE_NONE };
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1, .rows = &r, .nrows = 1 };
	due_list l = { 0 };
	due_query q = window(D(2025, 8, 20), D(2025, 8, 1), D(2025, 9, 30));

	assert_int_equal(run(&in, q, DUE_PLAN, &l), 1);
	assert_int_equal(l.items[0].stage, DUE_PLAN_REVIEW);
	assert_int_equal(l.items[0].ref_id, 30);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_string_equal(l.items[0].text, "一人で買い物に行きたい");
	in.monitorings = &mo;
	in.nmonitorings = 1;
	assert_int_equal(run(&in, q, DUE_PLAN, &l), 0);
	due_list_free(&l);
}

/* ---- certificates ---- */

static void certificate_end_lead_time_boundaries_89_90_91_days(void **s)
{
	date_t end = D(2026, 3, 31);
	due_certificate c = { 5, 1, "service", D(2025, 4, 1), end };
	due_input in = { .clients = &adult, .nclients = 1, .certificates = &c, .ncertificates = 1 };
	due_list l = { 0 };

	run(&in, window(end - 91, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	assert_int_equal(l.items[0].stage, 0);
	run(&in, window(end - 90, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_int_equal(l.items[0].stage, 90);
	assert_int_equal(l.items[0].days_left, 90);
	run(&in, window(end - 89, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_int_equal(l.items[0].stage, 90);
	due_list_free(&l);
}

static void certificate_stages_are_90_60_and_30_days(void **s)
{
	date_t end = D(2026, 3, 31);
	due_certificate c = { 5, 1, "service", D(2025, 4, 1), end };
	due_input in = { .clients = &adult, .nclients = 1, .certificates = &c, .ncertificates = 1 };
	due_list l = { 0 };

	run(&in, window(end - 61, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].stage, 90);
	run(&in, window(end - 60, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].stage, 60);
	run(&in, window(end - 30, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].stage, 30);
	run(&in, window(end + 3, end - 91, end), DUE_CERTIFICATE, &l);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	due_list_free(&l);
}

static void certificate_renewed_with_the_same_kind_is_met(void **s)
{
	due_certificate c[] = {
		{ 5, 1, "service", D(2024, 4, 1), D(2025, 3, 31) },
		{ 6, 1, "service", D(2025, 4, 1), D(2026, 3, 31) },
		{ 7, 1, "support_level", D(2022, 4, 1), D(2025, 3, 31) },
	};
	due_input in = { .clients = &adult, .nclients = 1, .certificates = c, .ncertificates = 3 };
	due_list l = { 0 };

	/* Only the support level's end remains (overdue); the new service
	 * certificate is outside the window. */
	assert_int_equal(run(&in, window(D(2025, 4, 10), D(2025, 1, 1), D(2025, 4, 30)), DUE_CERTIFICATE, &l), 1);
	assert_int_equal(l.items[0].ref_id, 7);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	assert_string_equal(l.items[0].text, "support_level");
	due_list_free(&l);
}

/* ---- consents ---- */

static void consent_end_is_due_thirty_days_before(void **s)
{
	due_consent c = { 6, 1, "A病院", "情報共有", D(2025, 9, 30), DATE_NONE };
	due_input in = { .clients = &adult, .nclients = 1, .consents = &c, .nconsents = 1 };
	due_list l = { 0 };

	run(&in, window(D(2025, 8, 30), D(2025, 8, 1), D(2025, 9, 30)), DUE_CONSENT, &l);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	run(&in, window(D(2025, 8, 31), D(2025, 8, 1), D(2025, 9, 30)), DUE_CONSENT, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_string_equal(l.items[0].text, "A病院");
	assert_string_equal(l.items[0].text2, "情報共有");
	due_list_free(&l);
}

static void withdrawn_consent_produces_nothing(void **s)
{
	due_consent c = { 6, 1, "A病院", "", D(2025, 9, 30), D(2025, 6, 1) };
	due_input in = { .clients = &adult, .nclients = 1, .consents = &c, .nconsents = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 9, 1), D(2025, 1, 1), D(2025, 12, 31)), DUE_CONSENT, &l), 0);
	due_list_free(&l);
}

static void consent_renewed_with_the_same_party_is_met(void **s)
{
	due_consent c[] = {
		{ 6, 1, "A病院", "", D(2025, 9, 30), DATE_NONE },
		{ 8, 1, "A病院", "", D(2026, 9, 30), DATE_NONE },
		{ 9, 1, "B事業所", "", D(2025, 9, 30), DATE_NONE },
	};
	due_input in = { .clients = &adult, .nclients = 1, .consents = c, .nconsents = 3 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 9, 1), D(2025, 1, 1), D(2025, 12, 31)), DUE_CONSENT, &l), 1);
	assert_int_equal(l.items[0].ref_id, 9);
	due_list_free(&l);
}

/* ---- action items ---- */

static void action_item_is_due_seven_days_before_until_done(void **s)
{
	due_action a = { 7, 1, "主治医に連絡", D(2025, 5, 15), DATE_NONE };
	due_input in = { .clients = &adult, .nclients = 1, .actions = &a, .nactions = 1 };
	due_list l = { 0 };
	due_query q = window(D(2025, 5, 7), D(2025, 5, 1), D(2025, 5, 31));

	run(&in, q, DUE_ACTION, &l);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	q.today = D(2025, 5, 8);
	run(&in, q, DUE_ACTION, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_string_equal(l.items[0].text, "主治医に連絡");
	q.today = D(2025, 5, 16);
	run(&in, q, DUE_ACTION, &l);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	a.done_on = D(2025, 5, 16);
	assert_int_equal(run(&in, q, DUE_ACTION, &l), 0);
	due_list_free(&l);
}

/* ---- a note's next step ---- */

static void next_step_is_due_seven_days_before_until_marked_done(void **s)
{
	due_action n = { 12, 1, "日程の確認の電話", D(2026, 12, 10), DATE_NONE };
	due_client closed = { 1, DATE_NONE, false, true };
	due_input in = { .clients = &adult, .nclients = 1, .nexts = &n, .nnexts = 1 };
	due_list l = { 0 };
	due_query q = window(D(2026, 12, 2), D(2026, 12, 1), D(2026, 12, 31));

	assert_int_equal(run(&in, q, DUE_NEXT, &l), 1);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	assert_int_equal(l.items[0].ref_id, 12);
	assert_int_equal(l.items[0].client_id, 1);
	assert_int_equal(l.items[0].days_left, 8);
	assert_int_equal(due_item_lead(&l.items[0]), DUE_LEAD_NEXT);
	q.today = D(2026, 12, 3);
	run(&in, q, DUE_NEXT, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	assert_string_equal(l.items[0].text, "日程の確認の電話");
	q.today = D(2026, 12, 11);
	run(&in, q, DUE_NEXT, &l);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	/* Outside the window, of another kind asked for, or of a closed
	 * client: nothing. */
	assert_int_equal(run(&in, window(q.today, D(2027, 1, 1), D(2027, 1, 31)), DUE_NEXT, &l), 0);
	assert_int_equal(run(&in, q, DUE_ACTION, &l), 0);
	in.clients = &closed;
	assert_int_equal(run(&in, q, DUE_NEXT, &l), 0);
	in.clients = &adult;
	n.done_on = D(2026, 12, 11);
	assert_int_equal(run(&in, q, DUE_NEXT, &l), 0);
	assert_string_equal(due_kind_name(DUE_NEXT), "next");
	assert_int_equal(due_kind_from_name("next"), DUE_NEXT);
	assert_int_equal(due_lead_from_name("next"), DUE_LEAD_NEXT);
	due_list_free(&l);
}

/* ---- transition at 18 ---- */

static void child_turning_18_is_due_180_days_before(void **s)
{
	due_client c = { 3, D(2008, 6, 10), true, false };
	due_input in = { .clients = &c, .nclients = 1 };
	due_list l = { 0 };
	date_t on = D(2026, 6, 10);

	assert_int_equal(run(&in, window(on - 181, D(2026, 1, 1), D(2026, 12, 31)), DUE_TRANSITION, &l), 1);
	assert_int_equal(l.items[0].on, on);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);
	assert_int_equal(l.items[0].client_id, 3);
	run(&in, window(on - 180, D(2026, 1, 1), D(2026, 12, 31)), DUE_TRANSITION, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);
	due_list_free(&l);
}

static void adult_turning_18_has_no_transition(void **s)
{
	due_client c = { 3, D(2008, 6, 10), false, false };
	due_input in = { .clients = &c, .nclients = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2026, 1, 1), D(2026, 1, 1), D(2026, 12, 31)), DUE_TRANSITION, &l), 0);
	due_list_free(&l);
}

static void child_born_on_february_29_turns_18_on_february_28(void **s)
{
	due_client c = { 3, D(2008, 2, 29), true, false };
	due_input in = { .clients = &c, .nclients = 1 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2026, 1, 1), D(2026, 1, 1), D(2026, 12, 31)), DUE_TRANSITION, &l), 1);
	assert_int_equal(l.items[0].on, D(2026, 2, 28));
	due_list_free(&l);
}

/* ---- billing ---- */

static void billing_deadline_is_the_10th_for_the_month_before_once_for_the_office(void **s)
{
	due_client two[] = { { 1, 0, false, false }, { 2, 0, false, false } };
	due_input in = { .clients = two, .nclients = 2 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2025, 7, 4), D(2025, 7, 1), D(2025, 8, 31)), DUE_BILLING, &l), 2);
	assert_int_equal(l.items[0].on, D(2025, 7, 10));
	assert_int_equal(l.items[0].month, M(2025, 6));
	assert_int_equal(l.items[0].client_id, 0);
	assert_int_equal(l.items[0].state, DUE_UPCOMING);   /* 6 days */
	assert_int_equal(l.items[1].on, D(2025, 8, 10));
	run(&in, window(D(2025, 7, 5), D(2025, 7, 1), D(2025, 7, 31)), DUE_BILLING, &l);
	assert_int_equal(l.items[0].state, DUE_DUE);        /* 5 days */
	/* A passed deadline is not kept as overdue. */
	assert_int_equal(run(&in, window(D(2025, 7, 11), D(2025, 7, 1), D(2025, 7, 31)), DUE_BILLING, &l), 0);
	due_list_free(&l);
}

static void billing_in_january_is_for_december(void **s)
{
	due_input in = { 0 };
	due_list l = { 0 };

	assert_int_equal(run(&in, window(D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 31)), DUE_BILLING, &l), 1);
	assert_int_equal(l.items[0].month, M(2025, 12));
	due_list_free(&l);
}

/* ---- the whole ---- */

static void items_are_sorted_by_date_then_state_and_kind_filter_applies(void **s)
{
	due_plan p = plan_of(10, D(2025, 4, 1), D(2026, 3, 31), 3, DUE_STAGE_FINAL);
	due_certificate c = { 5, 1, "service", D(2025, 4, 1), D(2025, 6, 30) };
	due_action a = { 7, 1, "連絡", D(2025, 6, 30), DATE_NONE };
	due_input in = { .clients = &adult, .nclients = 1, .plans = &p, .nplans = 1,
			 .certificates = &c, .ncertificates = 1, .actions = &a, .nactions = 1 };
	due_list l = { 0 };
	due_query q = window(D(2025, 6, 1), D(2025, 6, 1), D(2025, 7, 31));

	assert_int_equal(due_compute(&in, &q, &l), 5);
	assert_int_equal(l.items[0].kind, DUE_BILLING);     /* June 10 */
	assert_int_equal(l.items[1].on, D(2025, 6, 30));
	assert_int_equal(l.items[1].kind, DUE_MONITORING);
	assert_int_equal(l.items[2].kind, DUE_CERTIFICATE);
	assert_int_equal(l.items[3].kind, DUE_ACTION);
	assert_int_equal(l.items[4].on, D(2025, 7, 10));
	/* Later: the action, now overdue, is a day earlier than the monitoring. */
	a.due_on = D(2025, 6, 29);
	q.today = D(2025, 6, 30);
	q.kinds = (1u << DUE_ACTION) | (1u << DUE_MONITORING);
	assert_int_equal(due_compute(&in, &q, &l), 2);
	assert_int_equal(l.items[0].state, DUE_OVERDUE);
	assert_int_equal(l.items[1].state, DUE_DUE);
	q.kinds = (1u << DUE_CERTIFICATE) | (1u << DUE_ACTION);
	assert_int_equal(due_compute(&in, &q, &l), 2);
	due_list_free(&l);
}

static void kind_names_round_trip(void **s)
{
	for (int k = 0; k < DUE_KIND_COUNT; k++)
		assert_int_equal(due_kind_from_name(due_kind_name(k)), k);
	assert_int_equal(due_kind_from_name("nonsense"), -1);
	assert_string_equal(due_state_name(DUE_OVERDUE), "overdue");
}

/* A missed month stays on the lists DUE_MISSED_MONITORING_DAYS after its
 * deadline, a month recorded as not done until its deadline; other kinds
 * never drop off by age. */
static void missed_monitorings_leave_the_lists_after_their_horizon(void **state)
{
	date_t today = date_from_ymd(2026, 11, 23);
	date_t edge = today - DUE_MISSED_MONITORING_DAYS;

	(void)state;
	assert_false(due_item_forgotten(DUE_MONITORING, DUE_OVERDUE, edge, today));
	assert_true(due_item_forgotten(DUE_MONITORING, DUE_OVERDUE, edge - 1, today));
	assert_false(due_item_forgotten(DUE_MONITORING, DUE_NOT_DONE, today, today));
	assert_true(due_item_forgotten(DUE_MONITORING, DUE_NOT_DONE, today - 1, today));
	assert_false(due_item_forgotten(DUE_MONITORING, DUE_DUE, edge - 400, today));
	assert_false(due_item_forgotten(DUE_CERTIFICATE, DUE_OVERDUE, edge - 400, today));
	assert_false(due_item_forgotten(DUE_ACTION, DUE_OVERDUE, edge - 400, today));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(monitoring_unmet_past_month_is_overdue_on_its_last_day),
		cmocka_unit_test(monitoring_month_is_due_from_its_first_day),
		cmocka_unit_test(monitoring_record_in_the_month_meets_it),
		cmocka_unit_test(monitoring_month_not_done_keeps_its_reason),
		cmocka_unit_test(mismatch_when_the_certificate_ends_on_another_day),
		cmocka_unit_test(mismatch_when_the_certificate_range_disagrees),
		cmocka_unit_test(monitoring_scheduled_visit_places_the_item_but_the_month_end_decides_overdue),
		cmocka_unit_test(monitoring_in_february_of_a_leap_year_ends_on_the_29th),
		cmocka_unit_test(monitoring_monthly_plan_from_the_31st_has_each_month_end),
		cmocka_unit_test(monitoring_across_the_era_change_keeps_each_month),
		cmocka_unit_test(monitoring_plan_period_across_a_year_end_continues_in_january),
		cmocka_unit_test(final_plan_replaces_its_draft),
		cmocka_unit_test(latest_draft_is_in_force_when_there_is_no_final_plan),
		cmocka_unit_test(superseded_plan_produces_nothing),
		cmocka_unit_test(closed_client_produces_nothing),
		cmocka_unit_test(plan_period_end_is_due_sixty_days_before),
		cmocka_unit_test(review_date_of_a_plan_row_is_due_and_met_by_a_monitoring_in_its_month),
		cmocka_unit_test(certificate_end_lead_time_boundaries_89_90_91_days),
		cmocka_unit_test(certificate_stages_are_90_60_and_30_days),
		cmocka_unit_test(certificate_renewed_with_the_same_kind_is_met),
		cmocka_unit_test(consent_end_is_due_thirty_days_before),
		cmocka_unit_test(withdrawn_consent_produces_nothing),
		cmocka_unit_test(consent_renewed_with_the_same_party_is_met),
		cmocka_unit_test(action_item_is_due_seven_days_before_until_done),
		cmocka_unit_test(next_step_is_due_seven_days_before_until_marked_done),
		cmocka_unit_test(child_turning_18_is_due_180_days_before),
		cmocka_unit_test(adult_turning_18_has_no_transition),
		cmocka_unit_test(child_born_on_february_29_turns_18_on_february_28),
		cmocka_unit_test(billing_deadline_is_the_10th_for_the_month_before_once_for_the_office),
		cmocka_unit_test(billing_in_january_is_for_december),
		cmocka_unit_test(items_are_sorted_by_date_then_state_and_kind_filter_applies),
		cmocka_unit_test(kind_names_round_trip),
		cmocka_unit_test(missed_monitorings_leave_the_lists_after_their_horizon),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
