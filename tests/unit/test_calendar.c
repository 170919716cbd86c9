/*
 * test_calendar.c - the month view: its days, Monday-first grid offset,
 * holidays, due counts per day and the TSV form.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tsunagi/calendar.h"

static date_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void calendar_november_2026_starts_on_a_sunday_with_two_holidays(void **s)
{
	cal_month c;

	cal_month_init(&c, month_from_ym(2026, 11));
	assert_int_equal(c.ndays, 30);
	assert_int_equal(c.lead, 6);
	assert_string_equal(c.days[2].holiday, "文化の日");
	assert_string_equal(c.days[22].holiday, "勤労感謝の日");
	assert_null(c.days[23].holiday);
	assert_int_equal(c.days[22].weekday, WD_MON);
}

static void calendar_february_of_a_leap_year_has_29_days(void **s)
{
	cal_month c;

	cal_month_init(&c, month_from_ym(2024, 2));
	assert_int_equal(c.ndays, 29);
	assert_int_equal(c.last, D(2024, 2, 29));
	assert_non_null(cal_month_day(&c, D(2024, 2, 29)));
	assert_null(cal_month_day(&c, D(2024, 3, 1)));
}

static void calendar_counts_due_items_per_day_but_not_done_ones(void **s)
{
	due_item items[] = {
		{ .on = D(2026, 11, 30), .kind = DUE_MONITORING, .state = DUE_DUE },
		{ .on = D(2026, 11, 30), .kind = DUE_CERTIFICATE, .state = DUE_DUE },
		{ .on = D(2026, 11, 10), .kind = DUE_MONITORING, .state = DUE_DONE },
		{ .on = D(2026, 12, 1), .kind = DUE_ACTION, .state = DUE_UPCOMING },
	};
	due_list l = { items, 4, 4 };
	cal_month c;

	cal_month_init(&c, month_from_ym(2026, 11));
	cal_month_count(&c, &l);
	assert_int_equal(cal_month_day(&c, D(2026, 11, 30))->due, 2);
	assert_int_equal(cal_month_day(&c, D(2026, 11, 30))->monitorings, 1);
	assert_int_equal(cal_month_day(&c, D(2026, 11, 10))->due, 0);
	assert_int_equal(cal_month_day(&c, D(2026, 11, 10))->monitorings, 1);
}

static void calendar_tsv_has_date_weekday_holiday_and_count(void **s)
{
	due_item it = { .on = D(2026, 11, 3), .kind = DUE_ACTION, .state = DUE_OVERDUE };
	due_list l = { &it, 1, 1 };
	cal_month c;
	strbuf b;

	cal_month_init(&c, month_from_ym(2026, 11));
	cal_month_count(&c, &l);
	sb_init(&b);
	cal_month_tsv(&c, &b);
	assert_true(strncmp(b.s, "2026-11-01\tSun\t\t0\n2026-11-02\tMon\t\t0\n"
			    "2026-11-03\tTue\t文化の日\t1\n", strlen("2026-11-01\tSun\t\t0\n2026-11-02\tMon\t\t0\n"
			    "2026-11-03\tTue\t文化の日\t1\n")) == 0);
	assert_non_null(strstr(b.s, "2026-11-30\tMon\t\t0\n"));
	sb_free(&b);
}

static void calendar_text_grid_marks_holidays_and_counts(void **s)
{
	due_item it = { .on = D(2026, 11, 23), .kind = DUE_ACTION, .state = DUE_DUE };
	due_list l = { &it, 1, 1 };
	cal_month c;
	strbuf b;

	cal_month_init(&c, month_from_ym(2026, 11));
	cal_month_count(&c, &l);
	sb_init(&b);
	cal_month_text(&c, &l, NULL, &b);
	assert_non_null(strstr(b.s, "2026-11  令和8年11月\n"));
	/* Monday 23 opens its row, marked as a holiday, with 1 item under it. */
	assert_non_null(strstr(b.s, "\n 23*"));
	assert_non_null(strstr(b.s, "\n  (1)\n"));
	assert_non_null(strstr(b.s, "3 文化の日, 23 勤労感謝の日"));
	sb_free(&b);
}

static void calendar_lists_meetings_and_visits_with_their_times(void **s)
{
	day_appt v[] = {
		{ D(2026, 11, 25), "10:00", DAY_APPT_MEETING, 2, 7, "佐藤 花子", "相談室" },
		{ D(2026, 11, 25), "", DAY_APPT_VISIT, 1, 9, "山田\x1b[2J太郎", "" },
	};
	strbuf b;
	char *line = cal_appt_line(&v[0]);

	assert_string_equal(line, "10:00  meeting  佐藤 花子  @相談室");
	free(line);
	sb_init(&b);
	cal_appts_text(v, 2, &b);
	/* No time: blanks where it would be; control characters shown
	 * as placeholders, never sent to the terminal. */
	assert_non_null(strstr(b.s, "\nMeetings and visits this month:\n"
				    "  2026-11-25 (Wed) 10:00  meeting  佐藤 花子  @相談室\n"
				    "  2026-11-25 (Wed)        monitoring visit  山田"));
	assert_null(strchr(b.s, 0x1b));
	sb_free(&b);
	sb_init(&b);
	cal_appts_text(v, 0, &b);
	assert_string_equal(b.s, "\nMeetings and visits this month:\n  (none)\n");
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calendar_november_2026_starts_on_a_sunday_with_two_holidays),
		cmocka_unit_test(calendar_february_of_a_leap_year_has_29_days),
		cmocka_unit_test(calendar_counts_due_items_per_day_but_not_done_ones),
		cmocka_unit_test(calendar_tsv_has_date_weekday_holiday_and_count),
		cmocka_unit_test(calendar_text_grid_marks_holidays_and_counts),
		cmocka_unit_test(calendar_lists_meetings_and_visits_with_their_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
