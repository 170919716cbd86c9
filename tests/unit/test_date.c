/*
 * test_date.c - the date module as a specification: day numbers, month
 * arithmetic, the eras and their exact borders, every accepted way of
 * typing a date, and the message for every impossible one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tsunagi/date.h"

/* ---- helpers ------------------------------------------------------------ */

static date_t ymd(int y, int m, int d)
{
	date_t dt = date_from_ymd(y, m, d);

	assert_int_not_equal(dt, DATE_NONE);
	return dt;
}

/* Parses s and returns the ISO form; fails the test on an error. */
static const char *parsed(const char *s)
{
	static char buf[DATE_ISO_LEN];
	tsu_err e;
	date_t dt = DATE_NONE;
	int rc;

	err_clear(&e);
	rc = date_parse(s, &dt, &e);
	if (rc != TSU_OK)
		fail_msg("date_parse(\"%s\") failed: %s", s, e.msg);
	date_format_iso(dt, buf);
	return buf;
}

/* Parses s, expects TSU_EINVAL, and returns the message. */
static const char *rejected(const char *s)
{
	static tsu_err e;
	date_t dt = 12345;
	int rc;

	err_clear(&e);
	rc = date_parse(s, &dt, &e);
	if (rc != TSU_EINVAL)
		fail_msg("date_parse(\"%s\") gave %d, want TSU_EINVAL", s, rc);
	assert_int_equal(dt, 12345);  /* *out untouched on error */
	assert_int_equal(e.code, TSU_EINVAL);
	return e.msg;
}

static const char *month_parsed(const char *s)
{
	static char buf[16];
	tsu_err e;
	month_t mo = 0;
	int y, m;

	err_clear(&e);
	if (month_parse(s, &mo, &e) != TSU_OK)
		fail_msg("month_parse(\"%s\") failed: %s", s, e.msg);
	month_to_ym(mo, &y, &m);
	snprintf(buf, sizeof buf, "%04d-%02d", y, m);
	return buf;
}

static const char *month_rejected(const char *s)
{
	static tsu_err e;
	month_t mo = 7;

	err_clear(&e);
	if (month_parse(s, &mo, &e) != TSU_EINVAL)
		fail_msg("month_parse(\"%s\") was accepted", s);
	assert_int_equal(mo, 7);
	return e.msg;
}

static const char *wareki(date_t dt)
{
	static char buf[DATE_WAREKI_LEN];

	date_format_wareki(dt, buf, sizeof buf);
	return buf;
}

static const char *wareki_short(date_t dt)
{
	static char buf[DATE_WAREKI_LEN];

	date_format_wareki_short(dt, buf, sizeof buf);
	return buf;
}

static const char *iso(date_t dt)
{
	static char buf[DATE_ISO_LEN];

	date_format_iso(dt, buf);
	return buf;
}

/* ---- day numbers ---------------------------------------------------------- */

static void day_zero_is_1970_01_01(void **state)
{
	int y, m, d;

	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	date_to_ymd(0, &y, &m, &d);
	assert_int_equal(y, 1970);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
}

static void known_day_numbers_match_the_proleptic_gregorian_calendar(void **state)
{
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2025, 4, 1), 20179);
	assert_int_equal(date_from_ymd(2019, 5, 1), 18017);
	assert_int_equal(date_from_ymd(1912, 7, 30), -20974);
	assert_int_equal(date_from_ymd(1868, 1, 1), -37255);
	assert_int_equal(date_from_ymd(1, 1, 1), -719162);
	assert_int_equal(date_from_ymd(9999, 12, 31), 2932896);
}

/* Walk day by day from 1868 to 2200 with a naive counter. */
static void every_day_from_1868_to_2200_round_trips(void **state)
{
	int y = 1868, m = 1, d = 1, yy, mm, dd, wd = WD_WED;
	date_t n = date_from_ymd(1868, 1, 1);

	while (y <= 2200) {
		assert_int_equal(date_from_ymd(y, m, d), n);
		date_to_ymd(n, &yy, &mm, &dd);
		if (yy != y || mm != m || dd != d)
			fail_msg("%d-%d-%d came back as %d-%d-%d", y, m, d, yy, mm, dd);
		assert_int_equal(date_weekday(n), wd);
		n++;
		wd = (wd + 1) % 7;
		if (++d > date_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
}

static void leap_years_follow_the_gregorian_rule(void **state)
{
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2025));
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_false(date_valid_ymd(2025, 2, 29));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2025, 2), 28);
	assert_int_equal(date_days_in_month(2025, 4), 30);
	assert_int_equal(date_days_in_month(2025, 12), 31);
	assert_int_equal(date_days_in_month(2025, 13), 0);
}

static void impossible_days_have_no_day_number(void **state)
{
	assert_int_equal(date_from_ymd(2025, 2, 29), DATE_NONE);
	assert_int_equal(date_from_ymd(2025, 4, 31), DATE_NONE);
	assert_int_equal(date_from_ymd(2025, 13, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(2025, 0, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(2025, 1, 0), DATE_NONE);
	assert_int_equal(date_from_ymd(0, 1, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(10000, 1, 1), DATE_NONE);
}

static void date_none_has_no_parts_and_formats_as_empty(void **state)
{
	int y = 9, m = 9, d = 9;

	date_to_ymd(DATE_NONE, &y, &m, &d);
	assert_int_equal(y, 0);
	assert_int_equal(m, 0);
	assert_int_equal(d, 0);
	assert_string_equal(iso(DATE_NONE), "");
	assert_string_equal(wareki(DATE_NONE), "");
	assert_string_equal(wareki_short(DATE_NONE), "");
	assert_int_equal(date_weekday(DATE_NONE), -1);
	assert_string_equal(date_weekday_ja(-1), "");
	assert_int_equal(date_add_months(DATE_NONE, 1), DATE_NONE);
	assert_int_equal(date_week_start(DATE_NONE), DATE_NONE);
}

/* ---- weekdays ----------------------------------------------------------------- */

static void weekdays_are_iso_ordered_from_monday(void **state)
{
	assert_int_equal(date_weekday(ymd(1970, 1, 1)), WD_THU);
	assert_int_equal(date_weekday(ymd(2000, 1, 1)), WD_SAT);
	assert_int_equal(date_weekday(ymd(2025, 4, 1)), WD_TUE);
	assert_int_equal(date_weekday(ymd(2026, 5, 3)), WD_SUN);
	assert_int_equal(date_weekday(ymd(2026, 5, 4)), WD_MON);
	assert_int_equal(date_weekday(ymd(1912, 7, 30)), WD_TUE);
	assert_int_equal(date_weekday(ymd(1868, 1, 1)), WD_WED);
}

static void weekday_names_in_japanese_and_english(void **state)
{
	assert_string_equal(date_weekday_ja(WD_MON), "月");
	assert_string_equal(date_weekday_ja(WD_WED), "水");
	assert_string_equal(date_weekday_ja(WD_SAT), "土");
	assert_string_equal(date_weekday_ja(WD_SUN), "日");
	assert_string_equal(date_weekday_en(WD_MON), "Mon");
	assert_string_equal(date_weekday_en(WD_THU), "Thu");
	assert_string_equal(date_weekday_en(WD_SUN), "Sun");
	assert_string_equal(date_weekday_en(7), "");
}

static void week_starts_on_the_monday_on_or_before(void **state)
{
	assert_int_equal(date_week_start(ymd(2025, 4, 1)), ymd(2025, 3, 31));
	assert_int_equal(date_week_start(ymd(2025, 3, 31)), ymd(2025, 3, 31));
	assert_int_equal(date_week_start(ymd(2025, 4, 6)), ymd(2025, 3, 31));
	assert_int_equal(date_week_start(ymd(1970, 1, 1)), ymd(1969, 12, 29));
}

/* ---- months and years ------------------------------------------------------------ */

static void adding_a_month_to_january_31_clamps_to_the_end_of_february(void **state)
{
	assert_int_equal(date_add_months(ymd(2025, 1, 31), 1), ymd(2025, 2, 28));
	assert_int_equal(date_add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
	assert_int_equal(date_add_months(ymd(2025, 3, 31), 1), ymd(2025, 4, 30));
	assert_int_equal(date_add_months(ymd(2025, 3, 31), -1), ymd(2025, 2, 28));
	/* Clamping does not stick: two months from Jan 31 is Mar 31. */
	assert_int_equal(date_add_months(ymd(2025, 1, 31), 2), ymd(2025, 3, 31));
}

static void adding_months_crosses_years_both_ways(void **state)
{
	assert_int_equal(date_add_months(ymd(2025, 11, 15), 3), ymd(2026, 2, 15));
	assert_int_equal(date_add_months(ymd(2025, 2, 15), -3), ymd(2024, 11, 15));
	assert_int_equal(date_add_months(ymd(2025, 1, 1), -13), ymd(2023, 12, 1));
	assert_int_equal(date_add_months(ymd(2025, 4, 1), 0), ymd(2025, 4, 1));
	assert_int_equal(date_add_months(ymd(2025, 4, 1), 120), ymd(2035, 4, 1));
	assert_int_equal(date_add_months(ymd(9999, 12, 1), 1), DATE_NONE);
	assert_int_equal(date_add_months(ymd(2025, 1, 1), INT32_MAX), DATE_NONE);
}

static void adding_years_to_february_29_gives_february_28_in_a_common_year(void **state)
{
	assert_int_equal(date_add_years(ymd(2024, 2, 29), 1), ymd(2025, 2, 28));
	assert_int_equal(date_add_years(ymd(2024, 2, 29), 4), ymd(2028, 2, 29));
	assert_int_equal(date_add_years(ymd(2024, 2, 29), -100), ymd(1924, 2, 29));
	assert_int_equal(date_add_years(ymd(2000, 2, 29), 100), ymd(2100, 2, 28));
	assert_int_equal(date_add_years(ymd(2007, 4, 2), 18), ymd(2025, 4, 2));
	assert_int_equal(date_add_years(ymd(2025, 1, 1), INT32_MAX), DATE_NONE);
}

static void months_are_year_times_twelve_plus_month_index(void **state)
{
	int y, m;

	assert_int_equal(month_from_ym(2025, 4), 2025 * 12 + 3);
	month_to_ym(month_from_ym(2025, 12), &y, &m);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 12);
	month_to_ym(month_from_ym(2025, 1), &y, &m);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 1);
	assert_int_equal(date_month(ymd(2025, 4, 30)), month_from_ym(2025, 4));
	assert_int_equal(month_first_day(month_from_ym(2025, 4)), ymd(2025, 4, 1));
	assert_int_equal(month_last_day(month_from_ym(2025, 4)), ymd(2025, 4, 30));
	assert_int_equal(month_last_day(month_from_ym(2024, 2)), ymd(2024, 2, 29));
	assert_int_equal(month_last_day(month_from_ym(2025, 12)), ymd(2025, 12, 31));
	assert_int_equal(month_from_ym(2025, 12) + 1, month_from_ym(2026, 1));
}

/* ---- formatting ----------------------------------------------------------------- */

static void iso_format_is_zero_padded(void **state)
{
	assert_string_equal(iso(ymd(2025, 4, 1)), "2025-04-01");
	assert_string_equal(iso(ymd(1868, 1, 1)), "1868-01-01");
	assert_string_equal(iso(ymd(1, 1, 1)), "0001-01-01");
}

static void wareki_writes_the_first_year_as_gannen(void **state)
{
	assert_string_equal(wareki(ymd(2025, 4, 1)), "令和7年4月1日");
	assert_string_equal(wareki(ymd(2019, 5, 1)), "令和元年5月1日");
	assert_string_equal(wareki(ymd(2020, 1, 1)), "令和2年1月1日");
	assert_string_equal(wareki_short(ymd(2025, 4, 1)), "R7.4.1");
	assert_string_equal(wareki_short(ymd(2019, 5, 1)), "R1.5.1");
}

static void wareki_changes_era_on_the_exact_first_day(void **state)
{
	assert_string_equal(wareki(ymd(1912, 7, 30)), "大正元年7月30日");
	assert_string_equal(wareki_short(ymd(1912, 7, 30)), "T1.7.30");
	assert_string_equal(wareki(ymd(1926, 12, 24)), "大正15年12月24日");
	assert_string_equal(wareki_short(ymd(1926, 12, 24)), "T15.12.24");
	assert_string_equal(wareki(ymd(1926, 12, 25)), "昭和元年12月25日");
	assert_string_equal(wareki_short(ymd(1926, 12, 25)), "S1.12.25");
	assert_string_equal(wareki(ymd(1989, 1, 7)), "昭和64年1月7日");
	assert_string_equal(wareki_short(ymd(1989, 1, 7)), "S64.1.7");
	assert_string_equal(wareki(ymd(1989, 1, 8)), "平成元年1月8日");
	assert_string_equal(wareki_short(ymd(1989, 1, 8)), "H1.1.8");
	assert_string_equal(wareki(ymd(2019, 4, 30)), "平成31年4月30日");
	assert_string_equal(wareki_short(ymd(2019, 4, 30)), "H31.4.30");
	assert_string_equal(wareki(ymd(2019, 5, 1)), "令和元年5月1日");
	assert_string_equal(wareki_short(ymd(2019, 5, 1)), "R1.5.1");
}

static void wareki_before_taisho_falls_back_to_iso(void **state)
{
	assert_string_equal(wareki(ymd(1912, 7, 29)), "1912-07-29");
	assert_string_equal(wareki_short(ymd(1900, 4, 1)), "1900-04-01");
}

static void wareki_respects_a_small_buffer(void **state)
{
	char buf[8];

	memset(buf, 'x', sizeof buf);
	date_format_wareki_short(ymd(2025, 12, 31), buf, 5);
	assert_string_equal(buf, "R7.1");
	assert_int_equal(buf[5], 'x');
	date_format_wareki(ymd(2025, 12, 31), buf, 0);  /* writes nothing */
	assert_int_equal(buf[0], 'R');
}

/* ---- parsing: accepted forms ------------------------------------------------------ */

static void iso_slash_and_eight_digit_forms_parse(void **state)
{
	assert_string_equal(parsed("2025-04-01"), "2025-04-01");
	assert_string_equal(parsed("2025/4/1"), "2025-04-01");
	assert_string_equal(parsed("2025/04/01"), "2025-04-01");
	assert_string_equal(parsed("2025-4-1"), "2025-04-01");
	assert_string_equal(parsed("2025.4.1"), "2025-04-01");
	assert_string_equal(parsed("20250401"), "2025-04-01");
	assert_string_equal(parsed("2025年4月1日"), "2025-04-01");
}

static void surrounding_white_space_is_ignored(void **state)
{
	assert_string_equal(parsed("  2025-04-01\t"), "2025-04-01");
	assert_string_equal(parsed("\n20250401 "), "2025-04-01");
	assert_string_equal(parsed("\xe3\x80\x80R7.4.1\xe3\x80\x80"), "2025-04-01");  /* U+3000 */
}

static void era_long_forms_parse(void **state)
{
	assert_string_equal(parsed("令和7年4月1日"), "2025-04-01");
	assert_string_equal(parsed("令和元年5月1日"), "2019-05-01");
	assert_string_equal(parsed("令和1年5月1日"), "2019-05-01");
	assert_string_equal(parsed("平成31年4月30日"), "2019-04-30");
	assert_string_equal(parsed("平成元年1月8日"), "1989-01-08");
	assert_string_equal(parsed("昭和45年3月2日"), "1970-03-02");
	assert_string_equal(parsed("大正15年12月24日"), "1926-12-24");
	assert_string_equal(parsed("令和 7 年 4 月 1 日"), "2025-04-01");
	assert_string_equal(parsed("令和7年4月1"), "2025-04-01");
}

static void era_short_forms_parse_in_either_case(void **state)
{
	assert_string_equal(parsed("R7.4.1"), "2025-04-01");
	assert_string_equal(parsed("R7/4/1"), "2025-04-01");
	assert_string_equal(parsed("R7-4-1"), "2025-04-01");
	assert_string_equal(parsed("r7.4.1"), "2025-04-01");
	assert_string_equal(parsed("R07.04.01"), "2025-04-01");
	assert_string_equal(parsed("R 7.4.1"), "2025-04-01");
	assert_string_equal(parsed("H31.4.30"), "2019-04-30");
	assert_string_equal(parsed("h1.1.8"), "1989-01-08");
	assert_string_equal(parsed("S45.3.2"), "1970-03-02");
	assert_string_equal(parsed("s64.1.7"), "1989-01-07");
	assert_string_equal(parsed("T15.12.24"), "1926-12-24");
	assert_string_equal(parsed("t1.7.30"), "1912-07-30");
	assert_string_equal(parsed("R元.5.1"), "2019-05-01");
}

static void full_width_digits_letters_and_punctuation_are_folded(void **state)
{
	assert_string_equal(parsed("Ｒ７．４．１"), "2025-04-01");
	assert_string_equal(parsed("ｒ７／４／１"), "2025-04-01");
	assert_string_equal(parsed("２０２５－０４－０１"), "2025-04-01");
	assert_string_equal(parsed("２０２５／４／１"), "2025-04-01");
	assert_string_equal(parsed("２０２５０４０１"), "2025-04-01");
	assert_string_equal(parsed("令和７年４月１日"), "2025-04-01");
	assert_string_equal(parsed("Ｈ３１．４．３０"), "2019-04-30");
	/* Dashes an input method produces: U+2212 minus, U+30FC long mark. */
	assert_string_equal(parsed("2025\xe2\x88\x92" "04\xe2\x88\x92" "01"), "2025-04-01");
	assert_string_equal(parsed("2025ー04ー01"), "2025-04-01");
}

static void era_borders_parse_on_both_sides(void **state)
{
	assert_string_equal(parsed("T1.7.30"), "1912-07-30");
	assert_string_equal(parsed("1912-07-29"), "1912-07-29");
	assert_string_equal(parsed("T15.12.24"), "1926-12-24");
	assert_string_equal(parsed("S1.12.25"), "1926-12-25");
	assert_string_equal(parsed("昭和元年12月25日"), "1926-12-25");
	assert_string_equal(parsed("S64.1.7"), "1989-01-07");
	assert_string_equal(parsed("H1.1.8"), "1989-01-08");
	assert_string_equal(parsed("H31.4.30"), "2019-04-30");
	assert_string_equal(parsed("R1.5.1"), "2019-05-01");
}

static void parse_and_format_agree_on_every_day_of_the_eras(void **state)
{
	char buf[DATE_WAREKI_LEN];
	date_t dt, back;
	tsu_err e;

	for (dt = ymd(1912, 7, 30); dt <= ymd(2030, 12, 31); dt++) {
		date_format_wareki(dt, buf, sizeof buf);
		if (date_parse(buf, &back, &e) != TSU_OK || back != dt)
			fail_msg("%s did not parse back", buf);
		date_format_wareki_short(dt, buf, sizeof buf);
		if (date_parse(buf, &back, &e) != TSU_OK || back != dt)
			fail_msg("%s did not parse back", buf);
	}
}

static void leap_days_parse_only_in_leap_years(void **state)
{
	assert_string_equal(parsed("2024-02-29"), "2024-02-29");
	assert_string_equal(parsed("2000-02-29"), "2000-02-29");
	assert_string_equal(parsed("R6.2.29"), "2024-02-29");
	assert_string_equal(rejected("2100-02-29"),
		"2100-02-29: 2100 has no February 29; check the day");
}

/* ---- parsing: impossible dates and their messages ------------------------------------ */

static void february_29_of_a_common_year_is_rejected_with_the_reason(void **state)
{
	assert_string_equal(rejected("2025-02-29"),
		"2025-02-29: 2025 has no February 29; check the day");
	assert_string_equal(rejected("R7.2.29"),
		"R7.2.29: 2025 has no February 29; check the day");
}

static void a_day_past_the_end_of_the_month_is_rejected(void **state)
{
	assert_string_equal(rejected("2025-04-31"),
		"2025-04-31: 2025-04 has only 30 days; check the day");
	assert_string_equal(rejected("2024-02-30"),
		"2024-02-30: 2024-02 has only 29 days; check the day");
	assert_string_equal(rejected("2025-01-32"),
		"2025-01-32: 2025-01 has only 31 days; check the day");
}

static void day_zero_and_month_zero_and_thirteen_are_rejected(void **state)
{
	assert_string_equal(rejected("2025-04-00"),
		"2025-04-00: there is no day 0; the day is 1 to 30");
	assert_string_equal(rejected("2025-13-01"),
		"2025-13-01: there is no month 13; the month is 1 to 12");
	assert_string_equal(rejected("2025-00-10"),
		"2025-00-10: there is no month 0; the month is 1 to 12");
	assert_string_equal(rejected("R7.13.1"),
		"R7.13.1: there is no month 13; the month is 1 to 12");
}

static void a_day_before_an_era_began_is_rejected(void **state)
{
	assert_string_equal(rejected("R1.4.30"),
		"R1.4.30: Reiwa began on 2019-05-01 (R1.5.1); check the era or the date");
	assert_string_equal(rejected("H1.1.7"),
		"H1.1.7: Heisei began on 1989-01-08 (H1.1.8); check the era or the date");
	assert_string_equal(rejected("S1.12.24"),
		"S1.12.24: Showa began on 1926-12-25 (S1.12.25); check the era or the date");
	assert_string_equal(rejected("T1.7.29"),
		"T1.7.29: Taisho began on 1912-07-30 (T1.7.30); check the era or the date");
}

static void a_day_after_an_era_ended_is_rejected_with_the_right_era(void **state)
{
	assert_string_equal(rejected("S64.1.8"),
		"S64.1.8: Showa ended on 1989-01-07 (S64.1.7); use H1.1.8");
	assert_string_equal(rejected("H31.5.1"),
		"H31.5.1: Heisei ended on 2019-04-30 (H31.4.30); use R1.5.1");
	assert_string_equal(rejected("平成32年1月1日"),
		"平成32年1月1日: Heisei ended on 2019-04-30 (H31.4.30); use R2.1.1");
	assert_string_equal(rejected("T15.12.25"),
		"T15.12.25: Taisho ended on 1926-12-24 (T15.12.24); use S1.12.25");
}

static void year_zero_of_an_era_is_rejected(void **state)
{
	assert_string_equal(rejected("H0.1.1"),
		"H0.1.1: there is no year 0 of an era; the first year is 元年 (1)");
	assert_string_equal(rejected("令和0年5月1日"),
		"令和0年5月1日: there is no year 0 of an era; the first year is 元年 (1)");
}

static void years_outside_1868_to_9999_and_meiji_are_rejected(void **state)
{
	assert_string_equal(rejected("1867-12-31"),
		"1867-12-31: year 1867 is outside the years this program handles (1868 to 9999); check the year");
	assert_string_equal(rejected("0001-01-01"),
		"0001-01-01: year 1 is outside the years this program handles (1868 to 9999); check the year");
	assert_string_equal(rejected("R9000.1.1"),
		"R9000.1.1: year 11018 is outside the years this program handles (1868 to 9999); check the year");
	assert_string_equal(rejected("M45.7.29"),
		"M45.7.29: Meiji (明治) era dates are not supported; write the date in the Western calendar, like 1900-04-01");
	assert_string_equal(rejected("明治45年7月29日"),
		"明治45年7月29日: Meiji (明治) era dates are not supported; write the date in the Western calendar, like 1900-04-01");
	assert_string_equal(parsed("1868-01-01"), "1868-01-01");
	assert_string_equal(parsed("9999-12-31"), "9999-12-31");
}

static void text_that_is_not_a_date_is_rejected(void **state)
{
	assert_string_equal(rejected("abc"),
		"'abc' is not a date; write it like 2025-04-01 or R7.4.1");
	assert_string_equal(rejected("  abc  "),
		"'abc' is not a date; write it like 2025-04-01 or R7.4.1");
	assert_string_equal(rejected(""), "no date given; write it like 2025-04-01 or R7.4.1");
	assert_string_equal(rejected("   "), "no date given; write it like 2025-04-01 or R7.4.1");
	assert_string_equal(rejected(NULL), "no date given; write it like 2025-04-01 or R7.4.1");
	rejected("2025-04");          /* a month, not a date */
	rejected("2025-04-01x");
	rejected("2025-04-01 10:00");
	rejected("25-04-01");         /* two-digit years are ambiguous */
	rejected("2025401");
	rejected("202504011");
	rejected("2025--04-01");
	rejected("2025-004-01");
	rejected("X7.4.1");
	rejected("R");
	rejected("R.4.1");
	rejected("R12345.4.1");
	rejected("令和");
	rejected("慶応3年1月1日");
	rejected("R7.4.1日日");
	rejected("99999999999999999999");
}

static void a_long_input_is_cut_short_in_the_message(void **state)
{
	char in[300];
	const char *msg;

	memset(in, 'x', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	msg = rejected(in);
	assert_true(strlen(msg) < 120);
	assert_non_null(strstr(msg, "...' is not a date"));
	/* A cut never splits a multi-byte character. */
	msg = rejected("令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和令和");
	assert_non_null(strstr(msg, "令和...'"));
}

/* ---- month parsing ----------------------------------------------------------------- */

static void months_parse_in_iso_slash_and_era_forms(void **state)
{
	assert_string_equal(month_parsed("2025-04"), "2025-04");
	assert_string_equal(month_parsed("2025/4"), "2025-04");
	assert_string_equal(month_parsed("202504"), "2025-04");
	assert_string_equal(month_parsed("2025年4月"), "2025-04");
	assert_string_equal(month_parsed("R7.4"), "2025-04");
	assert_string_equal(month_parsed("r7/4"), "2025-04");
	assert_string_equal(month_parsed("令和7年4月"), "2025-04");
	assert_string_equal(month_parsed("令和元年5月"), "2019-05");
	assert_string_equal(month_parsed("Ｒ７．４"), "2025-04");
	assert_string_equal(month_parsed(" H31.4 "), "2019-04");
}

/* The one form months are stored in: exactly YYYY-MM both ways, and
 * anything else (the old parsers took "2026-4", "2026-04x") is no month. */
static void stored_months_are_exactly_yyyy_mm(void **state)
{
	char buf[MONTH_ISO_LEN];

	(void)state;
	month_format_iso(month_from_ym(2027, 1), buf);
	assert_string_equal(buf, "2027-01");
	month_format_iso(-1, buf);
	assert_string_equal(buf, "");
	assert_int_equal(month_from_iso("2027-01"), month_from_ym(2027, 1));
	assert_int_equal(month_from_iso("0999-12"), month_from_ym(999, 12));
	assert_int_equal(month_from_iso("2026-4"), -1);
	assert_int_equal(month_from_iso("2026-04x"), -1);
	assert_int_equal(month_from_iso("2026-13"), -1);
	assert_int_equal(month_from_iso("2026-00"), -1);
	assert_int_equal(month_from_iso("R8.4"), -1);
	assert_int_equal(month_from_iso(""), -1);
}

static void a_month_straddling_an_era_change_belongs_to_both_eras(void **state)
{
	assert_string_equal(month_parsed("S64.1"), "1989-01");
	assert_string_equal(month_parsed("H1.1"), "1989-01");
	assert_string_equal(month_parsed("T15.12"), "1926-12");
	assert_string_equal(month_parsed("S1.12"), "1926-12");
	assert_string_equal(month_parsed("R1.5"), "2019-05");
}

static void impossible_months_are_rejected_with_the_reason(void **state)
{
	assert_string_equal(month_rejected("2025-13"),
		"2025-13: there is no month 13; the month is 1 to 12");
	assert_string_equal(month_rejected("R1.4"),
		"R1.4: Reiwa began on 2019-05-01 (R1.5.1); check the era or the month");
	assert_string_equal(month_rejected("H31.5"),
		"H31.5: Heisei ended on 2019-04-30 (H31.4.30); use R1.5");
	assert_string_equal(month_rejected("S64.2"),
		"S64.2: Showa ended on 1989-01-07 (S64.1.7); use H1.2");
	assert_string_equal(month_rejected("H0.4"),
		"H0.4: there is no year 0 of an era; the first year is 元年 (1)");
	assert_string_equal(month_rejected("April"),
		"'April' is not a month; write it like 2025-04 or R7.4");
	assert_string_equal(month_rejected(""), "no month given; write it like 2025-04 or R7.4");
	month_rejected("2025-04-01");
	month_rejected("20250401");
}

/* ---- today ----------------------------------------------------------------------------- */

static void today_comes_from_tsunagi_today_in_any_accepted_form(void **state)
{
	date_t dt = DATE_NONE;
	tsu_err e;

	setenv("TSUNAGI_TODAY", "2025-04-01", 1);
	assert_int_equal(date_today(&dt, &e), TSU_OK);
	assert_int_equal(dt, ymd(2025, 4, 1));
	setenv("TSUNAGI_TODAY", "Ｒ７．１２．３１", 1);
	assert_int_equal(date_today(&dt, &e), TSU_OK);
	assert_int_equal(dt, ymd(2025, 12, 31));
	unsetenv("TSUNAGI_TODAY");
}

/* The holiday tables end in 2099; a today beyond what the program can
 * compute is refused where it comes in, never used (9999-12-31 once
 * indexed the weekday names with -1). */
static void today_outside_the_computed_years_is_refused(void **state)
{
	date_t dt = 42;
	tsu_err e;

	err_clear(&e);
	assert_int_equal(date_check_today("--today", date_from_ymd(2000, 1, 1), &e), TSU_OK);
	assert_int_equal(date_check_today("--today", date_from_ymd(2098, 12, 31), &e), TSU_OK);
	assert_int_equal(date_check_today("--today", date_from_ymd(1999, 12, 31), &e), TSU_EINVAL);
	assert_string_equal(e.msg, "--today: today must be between 2000-01-01 and 2098-12-31; give a date in that range");
	assert_int_equal(date_check_today("--today", date_from_ymd(2099, 1, 1), &e), TSU_EINVAL);
	assert_int_equal(date_check_today("--today", date_from_ymd(9999, 12, 31), &e), TSU_EINVAL);
	assert_int_equal(date_check_today("--today", DATE_NONE, &e), TSU_EINVAL);
	setenv("TSUNAGI_TODAY", "9999-12-31", 1);
	assert_int_equal(date_today(&dt, &e), TSU_EINVAL);
	assert_string_equal(e.msg, "TSUNAGI_TODAY: today must be between 2000-01-01 and 2098-12-31; give a date in that range");
	assert_int_equal(dt, 42);
	unsetenv("TSUNAGI_TODAY");
}

static void a_bad_tsunagi_today_is_an_error_naming_the_variable(void **state)
{
	date_t dt = 42;
	tsu_err e;

	err_clear(&e);
	setenv("TSUNAGI_TODAY", "2025-02-29", 1);
	assert_int_equal(date_today(&dt, &e), TSU_EINVAL);
	assert_string_equal(e.msg,
		"TSUNAGI_TODAY: 2025-02-29: 2025 has no February 29; check the day");
	setenv("TSUNAGI_TODAY", "tomorrow", 1);
	assert_int_equal(date_today(&dt, &e), TSU_EINVAL);
	assert_string_equal(e.msg,
		"TSUNAGI_TODAY: 'tomorrow' is not a date; write it like 2025-04-01 or R7.4.1");
	assert_int_equal(dt, 42);
	unsetenv("TSUNAGI_TODAY");
}

/* The local calendar day of the clock, as the C library sees it. */
static date_t clock_day(void)
{
	time_t now = time(NULL);
	struct tm tm;

	assert_non_null(localtime_r(&now, &tm));
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Without the variable (or with it empty) today is the clock's local day
 * (read before and after, so a midnight in between cannot fail it), in
 * a time zone far from UTC so that a UTC day would be caught. */
static void without_tsunagi_today_the_clock_gives_the_local_day(void **state)
{
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	date_t dt = DATE_NONE, before, after;
	tsu_err e;

	setenv("TZ", "Pacific/Kiritimati", 1);      /* UTC+14 */
	tzset();
	unsetenv("TSUNAGI_TODAY");
	before = clock_day();
	assert_int_equal(date_today(&dt, &e), TSU_OK);
	after = clock_day();
	assert_true(dt == before || dt == after);
	setenv("TSUNAGI_TODAY", "", 1);
	dt = DATE_NONE;
	before = clock_day();
	assert_int_equal(date_today(&dt, &e), TSU_OK);
	after = clock_day();
	assert_true(dt == before || dt == after);
	unsetenv("TSUNAGI_TODAY");
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static int tm_of(const char *s)
{
	int m = -7;
	tsu_err e;

	if (time_parse(s, &m, &e) != TSU_OK) {
		assert_non_null(strstr(e.msg, "is not a time of day"));
		return -1;
	}
	return m;
}

/* One parser for every form: the ways a worker types a time. */
static void times_are_read_in_the_forms_people_type(void **state)
{
	char b[TIME_LEN];

	(void)state;
	assert_int_equal(tm_of("9:00"), 540);
	assert_int_equal(tm_of("09:30"), 570);
	assert_int_equal(tm_of("0930"), 570);
	assert_int_equal(tm_of("930"), 570);
	assert_int_equal(tm_of("1015"), 615);
	assert_int_equal(tm_of("13"), 780);
	assert_int_equal(tm_of(" 9:30 "), 570);
	assert_int_equal(tm_of("24:00"), 1440);
	assert_int_equal(tm_of("０９：３０"), 570);
	assert_int_equal(tm_of("９時３０分"), 570);
	assert_int_equal(tm_of("9時30分"), 570);
	assert_int_equal(tm_of("9時30"), 570);
	assert_int_equal(tm_of("9時"), 540);
	assert_int_equal(tm_of("9時半"), 570);
	assert_int_equal(tm_of("午後3時"), 900);
	assert_int_equal(tm_of("午後 3:15"), 915);
	assert_int_equal(tm_of("午前9時"), 540);
	assert_int_equal(tm_of("午前0時"), 0);
	assert_int_equal(tm_of("午後12時"), 720);
	assert_int_equal(tm_of("午前12時"), 0);
	assert_int_equal(tm_of("24:30"), -1);
	assert_int_equal(tm_of("9:7"), -1);
	assert_int_equal(tm_of("9:60"), -1);
	assert_int_equal(tm_of("2460"), -1);
	assert_int_equal(tm_of("午後13時"), -1);
	assert_int_equal(tm_of("noon"), -1);
	assert_int_equal(tm_of("9時3分"), 543);
	assert_int_equal(tm_of("9時半分"), -1);
	assert_int_equal(tm_of("12345"), -1);
	assert_int_equal(tm_of(""), -1);
	time_format(570, b);
	assert_string_equal(b, "09:30");
	time_format(1440, b);
	assert_string_equal(b, "24:00");
	time_format(1441, b);
	assert_string_equal(b, "");
}

/* Draft times are kept in UTC and shown in the worker's zone. */
static void utc_times_show_in_the_local_zone(void **state)
{
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	char b[32];

	(void)state;
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	time_utc_to_local("2026-11-23T15:30:00Z", b, sizeof b);
	assert_string_equal(b, "2026-11-24 00:30");
	time_utc_to_local("2026-12-31T14:59:59Z", b, sizeof b);
	assert_string_equal(b, "2026-12-31 23:59");
	time_utc_to_local("not a time", b, sizeof b);
	assert_string_equal(b, "not a time");
	time_utc_to_local("", b, sizeof b);
	assert_string_equal(b, "");
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static void age_counts_full_years(void **state)
{
	(void)state;
	assert_int_equal(date_age(ymd(1980, 4, 1), ymd(2026, 3, 31)), 45);
	assert_int_equal(date_age(ymd(1980, 4, 1), ymd(2026, 4, 1)), 46);
	assert_int_equal(date_age(ymd(2008, 2, 29), ymd(2026, 2, 28)), 17);
	assert_int_equal(date_age(ymd(2008, 2, 29), ymd(2026, 3, 1)), 18);
	assert_int_equal(date_age(ymd(2008, 2, 29), ymd(2028, 2, 29)), 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_zero_is_1970_01_01),
		cmocka_unit_test(stored_months_are_exactly_yyyy_mm),
		cmocka_unit_test(times_are_read_in_the_forms_people_type),
		cmocka_unit_test(age_counts_full_years),
		cmocka_unit_test(utc_times_show_in_the_local_zone),
		cmocka_unit_test(known_day_numbers_match_the_proleptic_gregorian_calendar),
		cmocka_unit_test(every_day_from_1868_to_2200_round_trips),
		cmocka_unit_test(leap_years_follow_the_gregorian_rule),
		cmocka_unit_test(impossible_days_have_no_day_number),
		cmocka_unit_test(date_none_has_no_parts_and_formats_as_empty),
		cmocka_unit_test(weekdays_are_iso_ordered_from_monday),
		cmocka_unit_test(weekday_names_in_japanese_and_english),
		cmocka_unit_test(week_starts_on_the_monday_on_or_before),
		cmocka_unit_test(adding_a_month_to_january_31_clamps_to_the_end_of_february),
		cmocka_unit_test(adding_months_crosses_years_both_ways),
		cmocka_unit_test(adding_years_to_february_29_gives_february_28_in_a_common_year),
		cmocka_unit_test(months_are_year_times_twelve_plus_month_index),
		cmocka_unit_test(iso_format_is_zero_padded),
		cmocka_unit_test(wareki_writes_the_first_year_as_gannen),
		cmocka_unit_test(wareki_changes_era_on_the_exact_first_day),
		cmocka_unit_test(wareki_before_taisho_falls_back_to_iso),
		cmocka_unit_test(wareki_respects_a_small_buffer),
		cmocka_unit_test(iso_slash_and_eight_digit_forms_parse),
		cmocka_unit_test(surrounding_white_space_is_ignored),
		cmocka_unit_test(era_long_forms_parse),
		cmocka_unit_test(era_short_forms_parse_in_either_case),
		cmocka_unit_test(full_width_digits_letters_and_punctuation_are_folded),
		cmocka_unit_test(era_borders_parse_on_both_sides),
		cmocka_unit_test(parse_and_format_agree_on_every_day_of_the_eras),
		cmocka_unit_test(leap_days_parse_only_in_leap_years),
		cmocka_unit_test(february_29_of_a_common_year_is_rejected_with_the_reason),
		cmocka_unit_test(a_day_past_the_end_of_the_month_is_rejected),
		cmocka_unit_test(day_zero_and_month_zero_and_thirteen_are_rejected),
		cmocka_unit_test(a_day_before_an_era_began_is_rejected),
		cmocka_unit_test(a_day_after_an_era_ended_is_rejected_with_the_right_era),
		cmocka_unit_test(year_zero_of_an_era_is_rejected),
		cmocka_unit_test(years_outside_1868_to_9999_and_meiji_are_rejected),
		cmocka_unit_test(text_that_is_not_a_date_is_rejected),
		cmocka_unit_test(a_long_input_is_cut_short_in_the_message),
		cmocka_unit_test(months_parse_in_iso_slash_and_era_forms),
		cmocka_unit_test(a_month_straddling_an_era_change_belongs_to_both_eras),
		cmocka_unit_test(impossible_months_are_rejected_with_the_reason),
		cmocka_unit_test(today_comes_from_tsunagi_today_in_any_accepted_form),
		cmocka_unit_test(a_bad_tsunagi_today_is_an_error_naming_the_variable),
		cmocka_unit_test(today_outside_the_computed_years_is_refused),
		cmocka_unit_test(without_tsunagi_today_the_clock_gives_the_local_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
