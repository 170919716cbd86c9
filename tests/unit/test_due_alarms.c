/*
 * test_due_alarms.c - lead times (due.h, the config file's lead.NAME),
 * the alarm list's groups (due_alarms.h) and the weekly sheet's
 * sections and counting (due_report.h), all with a fixed today.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "tsunagi/config.h"
#include "tsunagi/due.h"
#include "tsunagi/due_alarms.h"
#include "tsunagi/due_report.h"

#define D(y, m, d) date_from_ymd(y, m, d)

/* An item not met of kind k dated `on`, restated for today. */
static due_item item(enum due_kind k, date_t on, const char *text, int stage, date_t today)
{
	due_item it = { 0 };

	it.on = it.deadline = on;
	it.kind = k;
	it.month = date_month(on);
	it.text = text;
	it.stage = stage;
	if (k == DUE_MONITORING)
		it.deadline = month_last_day(it.month);
	due_item_restate(&it, today);
	return it;
}

/* Due on the lead's first day, upcoming the day before it begins. */
static void expect_lead(enum due_kind k, const char *text, int stage, int days)
{
	date_t today = D(2026, 11, 23);

	assert_int_equal(item(k, today + days, text, stage, today).state, DUE_DUE);
	assert_int_equal(item(k, today + days + 1, text, stage, today).state, DUE_UPCOMING);
	assert_int_equal(item(k, today - 1, text, stage, today).state, DUE_OVERDUE);
}

static void each_kind_has_the_issues_lead_time(void **s)
{
	(void)s;
	due_leads_set(NULL);
	expect_lead(DUE_CERTIFICATE, "service", 0, 90);
	expect_lead(DUE_CERTIFICATE, "day_service", 0, 90);
	expect_lead(DUE_CERTIFICATE, "support_level", 0, 90);
	expect_lead(DUE_PLAN, NULL, DUE_PLAN_END, 60);
	expect_lead(DUE_PLAN, NULL, DUE_PLAN_REVIEW, 30);
	expect_lead(DUE_CONSENT, NULL, 0, 30);
	expect_lead(DUE_ACTION, NULL, 0, 7);
	expect_lead(DUE_TRANSITION, NULL, 0, 180);
	expect_lead(DUE_BILLING, NULL, 0, 5);
	assert_int_equal(due_leads_max(), 180);
}

static void a_monitoring_is_due_from_the_first_of_its_month(void **s)
{
	date_t today = D(2026, 11, 23);

	(void)s;
	assert_int_equal(item(DUE_MONITORING, D(2026, 11, 30), NULL, 0, today).state, DUE_DUE);
	assert_int_equal(item(DUE_MONITORING, D(2026, 12, 1), NULL, 0, today).state, DUE_UPCOMING);
	assert_int_equal(item(DUE_MONITORING, D(2026, 10, 31), NULL, 0, today).state, DUE_OVERDUE);
	/* Nothing to set for it. */
	assert_int_equal(due_item_lead(&(due_item){ .kind = DUE_MONITORING }), -1);
}

static void lead_times_come_from_the_config_file(void **s)
{
	static const char text[] =
		"lead.support_level = 120\n"
		"lead.plan=45\n"
		"lead.transition = 365\n"
		"lead.billing = 0\n"
		"lead.certificates = 10\n"     /* unknown name */
		"lead.consent = -1\n"          /* negative */
		"lead.action = 731\n"          /* too long */
		"lead.certificate = 9x\n";     /* not a number */
	config c;
	date_t today = D(2026, 11, 23);

	(void)s;
	config_defaults(&c);
	config_parse(&c, text, sizeof text - 1);
	assert_int_equal(c.leads.days[DUE_LEAD_SUPPORT_LEVEL], 120);
	assert_int_equal(c.leads.days[DUE_LEAD_PLAN_END], 45);
	assert_int_equal(c.leads.days[DUE_LEAD_TRANSITION], 365);
	assert_int_equal(c.leads.days[DUE_LEAD_BILLING], 0);
	/* Bad lines keep the default and say which line. */
	assert_int_equal(c.leads.days[DUE_LEAD_CERTIFICATE], 90);
	assert_int_equal(c.leads.days[DUE_LEAD_CONSENT], 30);
	assert_int_equal(c.leads.days[DUE_LEAD_ACTION], 7);
	assert_non_null(strstr(c.warnings, "config line 5: unknown lead time"));
	assert_non_null(strstr(c.warnings, "config line 6: a lead time must be"));
	assert_non_null(strstr(c.warnings, "config line 7: a lead time must be"));
	assert_non_null(strstr(c.warnings, "config line 8: a lead time must be"));
	assert_null(strstr(c.warnings, "config line 1:"));

	due_leads_set(&c.leads);
	expect_lead(DUE_CERTIFICATE, "support_level", 0, 120);
	expect_lead(DUE_CERTIFICATE, "service", 0, 90);
	expect_lead(DUE_PLAN, NULL, DUE_PLAN_END, 45);
	expect_lead(DUE_TRANSITION, NULL, 0, 365);
	assert_int_equal(item(DUE_BILLING, today, NULL, 0, today).state, DUE_DUE);
	assert_int_equal(item(DUE_BILLING, today + 1, NULL, 0, today).state, DUE_UPCOMING);
	assert_int_equal(due_leads_max(), 365);
	due_leads_set(NULL);
	config_free(&c);
}

static int section(enum due_kind k, date_t on, const char *text, int stage, date_t today)
{
	due_item it = item(k, on, text, stage, today);
	return due_alarm_section(it.on, it.state, it.kind, today);
}

static void alarm_groups_for_a_fixed_today(void **s)
{
	/* A Wednesday: the week is 2026-11-23 (Mon) to 2026-11-29 (Sun). */
	date_t today = D(2026, 11, 25);

	(void)s;
	due_leads_set(NULL);
	assert_int_equal(section(DUE_ACTION, today - 1, NULL, 0, today), DUE_ALARM_OVERDUE);
	assert_int_equal(section(DUE_MONITORING, D(2026, 10, 31), NULL, 0, today), DUE_ALARM_OVERDUE);
	assert_int_equal(section(DUE_ACTION, today, NULL, 0, today), DUE_ALARM_WEEK);
	assert_int_equal(section(DUE_ACTION, D(2026, 11, 29), NULL, 0, today), DUE_ALARM_WEEK);
	assert_int_equal(section(DUE_ACTION, D(2026, 11, 30), NULL, 0, today), DUE_ALARM_COMING);
	/* This month's monitorings, scheduled this week or at the month's end. */
	assert_int_equal(section(DUE_MONITORING, D(2026, 11, 26), NULL, 0, today), DUE_ALARM_MONTH);
	assert_int_equal(section(DUE_MONITORING, D(2026, 11, 30), NULL, 0, today), DUE_ALARM_MONTH);
	/* Next month's has not begun. */
	assert_int_equal(section(DUE_MONITORING, D(2026, 12, 31), NULL, 0, today), -1);
	/* A certificate 80 days ahead is coming up; 91 days ahead, not yet. */
	assert_int_equal(section(DUE_CERTIFICATE, today + 80, "support_level", 0, today), DUE_ALARM_COMING);
	assert_int_equal(section(DUE_CERTIFICATE, today + 60, "support_level", 0, today), DUE_ALARM_COMING);
	assert_int_equal(section(DUE_CERTIFICATE, today + 91, "service", 0, today), -1);
	assert_int_equal(section(DUE_PLAN, today + 60, NULL, DUE_PLAN_END, today), DUE_ALARM_COMING);
	assert_int_equal(section(DUE_PLAN, today + 61, NULL, DUE_PLAN_END, today), -1);
	assert_int_equal(section(DUE_TRANSITION, today + 170, NULL, 0, today), DUE_ALARM_COMING);
	/* Met: nothing to do. */
	assert_int_equal(due_alarm_section(today, DUE_DONE, DUE_MONITORING, today), -1);
	assert_string_equal(due_alarm_name(DUE_ALARM_MONTH), "month");
	assert_string_equal(due_alarm_name(DUE_ALARM_COMING), "coming");
}

static void the_alarm_query_reaches_the_longest_lead_and_the_months_end(void **s)
{
	due_query q;
	due_leads l;

	(void)s;
	due_leads_set(NULL);
	due_alarm_query(D(2026, 11, 25), 0, &q);
	assert_int_equal(q.to, D(2026, 11, 25) + 180);
	due_leads_default(&l);
	for (int k = 0; k < DUE_LEAD_COUNT; k++)
		l.days[k] = 3;
	due_leads_set(&l);
	due_alarm_query(D(2026, 11, 2), 0, &q);
	assert_int_equal(q.to, D(2026, 11, 30));
	due_leads_set(NULL);
}

/* ---- the weekly sheet ---- */

static due_name name_v[] = { { 1, (char *)"山田 花子", (char *)"やまだ はなこ" },
			     { 2, (char *)"佐藤 一郎", (char *)"さとう いちろう" } };
static const due_names names = { name_v, 2, NULL };

static void sheet_counts_from_its_first_day_and_lists_the_months_monitorings(void **s)
{
	/* Printed on Thursday 2026-11-26 for next week, Mon 2026-11-30 to
	 * Sun 2026-12-06. */
	date_t today = D(2026, 11, 26), from = D(2026, 11, 30);
	due_item items[3], mons[2];
	due_report r = { items, 3, mons, 2, &names, today, from, from + 6, false, false, "w" };
	due_doc doc;

	(void)s;
	due_leads_set(NULL);
	/* Overdue from last year, the year shown. */
	items[0] = item(DUE_ACTION, D(2025, 12, 20), "電話する", 0, today);
	items[0].client_id = 1;
	/* A consent ending on Wednesday the 2nd: 2 days from the sheet's
	 * Monday (6 from the day it was printed). */
	items[1] = item(DUE_CONSENT, D(2026, 12, 2), "病院", 0, today);
	items[1].client_id = 2;
	items[2] = item(DUE_BILLING, D(2026, 12, 10) - 6, NULL, 0, today);
	items[2].on = D(2026, 12, 4);
	for (int i = 0; i < 3; i++)
		items[i].days_left = items[i].on - from;
	/* November's monitoring not scheduled; December's on the 3rd. */
	mons[0] = item(DUE_MONITORING, D(2026, 11, 30), NULL, 0, today);
	mons[0].client_id = 1;
	mons[1] = item(DUE_MONITORING, D(2026, 12, 3), NULL, 0, today);
	mons[1].client_id = 2;

	due_report_text(&r, &doc);
	assert_non_null(strstr(doc.text.s, "Days are counted from 2026-11-30 (Mon), the sheet's first day."));
	assert_non_null(strstr(doc.text.s, "[ ] 2025-12-20 山田 花子"));
	assert_non_null(strstr(doc.text.s, "Monitorings not yet done, 2026-11, 2026-12 (2)\n"
					   "[ ]            山田 花子            monitoring for 2026-11\n"
					   "[ ] 12-03      佐藤 一郎            monitoring for 2026-12 (visit scheduled)\n"));
	assert_non_null(strstr(doc.text.s, "consent ends: 病院 (in 2 days)"));
	assert_null(strstr(doc.text.s, "in 6 days"));
	assert_non_null(strstr(doc.text.s, "5 items"));
	due_doc_free(&doc);

	due_report_csv(&r, &doc);
	assert_non_null(strstr(doc.text.s, "due_on,state,kind,client_id,client_name,detail,section\r\n"
					   "2025-12-20,overdue,action,1,山田 花子,action: 電話する (345 days late),overdue\r\n"
					   "2026-11-30,due,monitoring,1,山田 花子,monitoring for 2026-11,monitoring\r\n"
					   "2026-12-03,upcoming,monitoring,2,佐藤 一郎,monitoring for 2026-12 (visit scheduled),monitoring\r\n"
					   "2026-12-02,due,consent,2,佐藤 一郎,consent ends: 病院 (in 2 days),day\r\n"));
	due_doc_free(&doc);
}

static void sheet_dates_of_this_year_have_no_year(void **s)
{
	date_t today = D(2026, 11, 23), from = today;
	due_item items[1];
	due_report r = { items, 1, NULL, 0, &names, today, from, from + 6, false, false, "w" };
	due_doc doc;

	(void)s;
	items[0] = item(DUE_ACTION, D(2026, 11, 2), "電話する", 0, today);
	items[0].client_id = 1;
	items[0].days_left = items[0].on - from;
	assert_false(due_report_wide_dates(&r));
	due_report_text(&r, &doc);
	assert_non_null(strstr(doc.text.s, "[ ] 11-02 山田 花子"));
	due_doc_free(&doc);
}

/* A sheet words a run of alike lines once (due_words): each line must
 * still read exactly as due_item_detail_as and due_item_who word it,
 * when the next item differs in any one thing the wording reads. */
static void sheet_words_each_line_as_its_item(void **s)
{
	date_t today = D(2026, 11, 23);
	char a1[] = "電話する", a2[] = "電話する", b[] = "訪問する";
	due_item v[12];
	due_report r = { v, 12, NULL, 0, &names, today, today, today + 6, false, false, "w" };
	due_words w = { 0 };
	size_t n = 0;

	(void)s;
	due_leads_set(NULL);
	v[n] = item(DUE_MONITORING, D(2026, 11, 30), NULL, 0, today), v[n++].client_id = 1;
	v[n] = v[n - 1], v[n++].client_id = 2;                   /* alike: another client */
	v[n] = v[n - 1], v[n++].on = D(2026, 11, 25);            /* a visit scheduled */
	v[n] = v[n - 1], v[n].month--, v[n++].deadline -= 30;    /* another month */
	v[n] = item(DUE_MONITORING, D(2026, 11, 30), NULL, 0, today);
	v[n].client_id = 1, v[n].stage = DUE_MON_NOT_DONE, v[n].state = DUE_NOT_DONE;
	v[n].text = "hospital", n++;
	v[n] = v[n - 1], v[n++].text2 = "入院中";                /* the reason's detail */
	v[n] = item(DUE_ACTION, D(2026, 11, 2), a1, 0, today), v[n++].client_id = 1;
	v[n] = v[n - 1], v[n++].text = a2;                       /* alike, another copy */
	v[n] = v[n - 1], v[n++].text = b;                        /* another text */
	v[n] = v[n - 1], v[n++].days_left--;                     /* another day count */
	v[n] = item(DUE_BILLING, D(2026, 12, 10), NULL, 0, today), v[n++].month = date_month(today);
	v[n] = v[n - 1], v[n++].month--;                         /* another month billed */
	assert_int_equal(n, 12);
	for (int initials = 0; initials < 2; initials++) {
		r.initials = initials;
		for (size_t i = 0; i < n; i++) {
			char *what = due_item_detail_as(&v[i], initials), *who = due_item_who(&r, &v[i]);

			assert_string_equal(due_words_what(&w, &v[i], initials), what);
			assert_string_equal(due_words_who(&w, &r, &v[i]), who);
			free(what);
			free(who);
		}
		due_words_free(&w);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_kind_has_the_issues_lead_time),
		cmocka_unit_test(a_monitoring_is_due_from_the_first_of_its_month),
		cmocka_unit_test(lead_times_come_from_the_config_file),
		cmocka_unit_test(alarm_groups_for_a_fixed_today),
		cmocka_unit_test(the_alarm_query_reaches_the_longest_lead_and_the_months_end),
		cmocka_unit_test(sheet_counts_from_its_first_day_and_lists_the_months_monitorings),
		cmocka_unit_test(sheet_dates_of_this_year_have_no_year),
		cmocka_unit_test(sheet_words_each_line_as_its_item),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
