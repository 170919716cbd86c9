/*
 * test_ui_cycle.c - the cycle screens' grid arithmetic: the calendar
 * cursor by day, week and month, where a day sits in the Monday-first
 * month grid, the weekly schedule's hour rows and times, and text
 * folded by display width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/ui_cycle.h"

static date_t d(int y, int m, int dd)
{
	return date_from_ymd(y, m, dd);
}

static void calendar_moves_by_day_week_and_month(void **state)
{
	date_t today = d(2026, 11, 23);

	(void)state;
	assert_int_equal(ui_cal_step(today, UA_DAY_NEXT, today), d(2026, 11, 24));
	assert_int_equal(ui_cal_step(today, UA_DAY_PREV, today), d(2026, 11, 22));
	assert_int_equal(ui_cal_step(today, UA_WEEK_NEXT, today), d(2026, 11, 30));
	assert_int_equal(ui_cal_step(d(2026, 11, 30), UA_WEEK_NEXT, today), d(2026, 12, 7));
	assert_int_equal(ui_cal_step(today, UA_MONTH_NEXT, today), d(2026, 12, 23));
	assert_int_equal(ui_cal_step(d(2027, 1, 5), UA_MONTH_PREV, today), d(2026, 12, 5));
	assert_int_equal(ui_cal_step(d(2027, 5, 5), UA_TODAY, today), today);
	assert_int_equal(ui_cal_step(today, UA_OPEN, today), today);
}

static void month_move_from_the_31st_lands_on_the_last_day(void **state)
{
	(void)state;
	assert_int_equal(ui_cal_step(d(2027, 1, 31), UA_MONTH_NEXT, 0), d(2027, 2, 28));
	assert_int_equal(ui_cal_step(d(2028, 3, 31), UA_MONTH_PREV, 0), d(2028, 2, 29));
}

static void november_2026_starts_on_sunday_in_the_first_row(void **state)
{
	int row = -1, col = -1;

	(void)state;
	/* 2026-11-01 is a Sunday: the last column of the first row. */
	assert_true(ui_cal_cell(month_from_ym(2026, 11), d(2026, 11, 1), &row, &col));
	assert_int_equal(row, 0);
	assert_int_equal(col, 6);
	assert_true(ui_cal_cell(month_from_ym(2026, 11), d(2026, 11, 23), &row, &col));
	assert_int_equal(row, 4);
	assert_int_equal(col, 0);
	assert_true(ui_cal_cell(month_from_ym(2026, 11), d(2026, 11, 30), &row, &col));
	assert_int_equal(row, 5);
	assert_int_equal(ui_cal_weeks(month_from_ym(2026, 11)), 6);
	assert_false(ui_cal_cell(month_from_ym(2026, 11), d(2026, 12, 1), &row, &col));
}

static void february_2027_needs_four_rows(void **state)
{
	(void)state;
	/* 2027-02-01 is a Monday and February has 28 days. */
	assert_int_equal(ui_cal_weeks(month_from_ym(2027, 2)), 4);
}

static void a_slot_covers_the_hours_it_overlaps(void **state)
{
	(void)state;
	/* 9:30-11:00 shows in the 9 and 10 o'clock rows, not at 11. */
	assert_false(ui_week_covers(570, 660, 8));
	assert_true(ui_week_covers(570, 660, 9));
	assert_true(ui_week_covers(570, 660, 10));
	assert_false(ui_week_covers(570, 660, 11));
}

static void text_folds_by_display_width(void **state)
{
	char *lines[8];
	size_t n;

	(void)state;
	/* Kanji are two columns: three fit in six. */
	n = ui_wrap("買い物に行く\nok", 6, lines, 8);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "買い物");
	assert_string_equal(lines[1], "に行く");
	assert_string_equal(lines[2], "ok");
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	/* Only max lines are written; the count is of all. */
	n = ui_wrap("abcdefgh", 2, lines, 2);
	assert_int_equal(n, 4);
	free(lines[0]);
	free(lines[1]);
	/* Control characters never reach the screen. */
	n = ui_wrap("a\x1b[2Jb", 40, lines, 8);
	assert_int_equal(n, 1);
	assert_null(strchr(lines[0], '\x1b'));
	free(lines[0]);
}

static const char *days_of(const char *s)
{
	static char out[8];
	bool d[7];
	int n = ui_week_parse_days(s, d);

	if (n < 0)
		return "bad";
	for (int i = 0; i < 7; i++)
		out[i] = d[i] ? "MTWtFSs"[i] : '.';
	out[7] = '\0';
	return out;
}

/* Days as a worker lists them for a slot on several days. */
static void days_are_read_as_people_list_them(void **state)
{
	(void)state;
	assert_string_equal(days_of("月水金"), "M.W.F..");
	assert_string_equal(days_of("月・水・金"), "M.W.F..");
	assert_string_equal(days_of("月、水、金"), "M.W.F..");
	assert_string_equal(days_of("月曜日, 水曜"), "M.W....");
	assert_string_equal(days_of("月〜金"), "MTWtF..");
	assert_string_equal(days_of("月~水 土"), "MTW..S.");
	assert_string_equal(days_of("日祝"), "......s");
	assert_string_equal(days_of("mon,WED"), "M.W....");
	assert_string_equal(days_of(""), ".......");
	assert_string_equal(days_of("金〜月"), "bad");
	assert_string_equal(days_of("〜金"), "bad");
	assert_string_equal(days_of("月〜"), "bad");
	assert_string_equal(days_of("毎日"), "bad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_are_read_as_people_list_them),
		cmocka_unit_test(calendar_moves_by_day_week_and_month),
		cmocka_unit_test(month_move_from_the_31st_lands_on_the_last_day),
		cmocka_unit_test(november_2026_starts_on_sunday_in_the_first_row),
		cmocka_unit_test(february_2027_needs_four_rows),
		cmocka_unit_test(a_slot_covers_the_hours_it_overlaps),
		cmocka_unit_test(text_folds_by_display_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
