/*
 * test_holiday.c - Japanese holidays as a specification: whole years
 * checked day by day (2019, 2020, 2021, 2026, 2027), then each rule on
 * its own: Happy Mondays, equinoxes, substitute holidays before and after
 * the 2007 change, in-between holidays, and the covered range of years.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/holiday.h"

struct hol {
	int m, d;
	const char *name;
};

static date_t ymd(int y, int m, int d)
{
	date_t dt = date_from_ymd(y, m, d);

	assert_int_not_equal(dt, DATE_NONE);
	return dt;
}

static const char *name_on(int y, int m, int d)
{
	return holiday_name(ymd(y, m, d));
}

static void assert_holiday(int y, int m, int d, const char *want)
{
	const char *got = name_on(y, m, d);

	if (!got || strcmp(got, want) != 0)
		fail_msg("%d-%02d-%02d: got %s, want %s", y, m, d, got ? got : "no holiday", want);
}

static void assert_no_holiday(int y, int m, int d)
{
	const char *got = name_on(y, m, d);

	if (got)
		fail_msg("%d-%02d-%02d: got %s, want no holiday", y, m, d, got);
}

/* Every day of year y: exactly the n listed days are holidays. */
static void assert_year(int y, const struct hol *list, size_t n)
{
	date_t dt, end = ymd(y, 12, 31);
	size_t i = 0;
	int yy, m, d;

	for (dt = ymd(y, 1, 1); dt <= end; dt++) {
		const char *got = holiday_name(dt);

		date_to_ymd(dt, &yy, &m, &d);
		if (i < n && list[i].m == m && list[i].d == d) {
			assert_holiday(y, m, d, list[i].name);
			i++;
		} else if (got) {
			fail_msg("%d-%02d-%02d: unexpected holiday %s", y, m, d, got);
		}
	}
	assert_int_equal(i, n);
}

#define ASSERT_YEAR(y, list) assert_year((y), (list), sizeof(list) / sizeof((list)[0]))

/* ---- whole years ----------------------------------------------------------- */

static void year_2019_has_the_accession_days_and_no_emperors_birthday(void **state)
{
	static const struct hol h[] = {
		{ 1, 1, "元日" }, { 1, 14, "成人の日" }, { 2, 11, "建国記念の日" },
		{ 3, 21, "春分の日" }, { 4, 29, "昭和の日" }, { 4, 30, "国民の休日" },
		{ 5, 1, "即位の日" }, { 5, 2, "国民の休日" }, { 5, 3, "憲法記念日" },
		{ 5, 4, "みどりの日" }, { 5, 5, "こどもの日" }, { 5, 6, "振替休日" },
		{ 7, 15, "海の日" }, { 8, 11, "山の日" }, { 8, 12, "振替休日" },
		{ 9, 16, "敬老の日" }, { 9, 23, "秋分の日" }, { 10, 14, "体育の日" },
		{ 10, 22, "即位礼正殿の儀" }, { 11, 3, "文化の日" }, { 11, 4, "振替休日" },
		{ 11, 23, "勤労感謝の日" },
	};
	ASSERT_YEAR(2019, h);
}

static void year_2020_has_the_olympic_days_moved_into_summer(void **state)
{
	static const struct hol h[] = {
		{ 1, 1, "元日" }, { 1, 13, "成人の日" }, { 2, 11, "建国記念の日" },
		{ 2, 23, "天皇誕生日" }, { 2, 24, "振替休日" }, { 3, 20, "春分の日" },
		{ 4, 29, "昭和の日" }, { 5, 3, "憲法記念日" }, { 5, 4, "みどりの日" },
		{ 5, 5, "こどもの日" }, { 5, 6, "振替休日" }, { 7, 23, "海の日" },
		{ 7, 24, "スポーツの日" }, { 8, 10, "山の日" }, { 9, 21, "敬老の日" },
		{ 9, 22, "秋分の日" }, { 11, 3, "文化の日" }, { 11, 23, "勤労感謝の日" },
	};
	ASSERT_YEAR(2020, h);
}

static void year_2021_has_the_olympic_days_moved_again(void **state)
{
	static const struct hol h[] = {
		{ 1, 1, "元日" }, { 1, 11, "成人の日" }, { 2, 11, "建国記念の日" },
		{ 2, 23, "天皇誕生日" }, { 3, 20, "春分の日" }, { 4, 29, "昭和の日" },
		{ 5, 3, "憲法記念日" }, { 5, 4, "みどりの日" }, { 5, 5, "こどもの日" },
		{ 7, 22, "海の日" }, { 7, 23, "スポーツの日" }, { 8, 8, "山の日" },
		{ 8, 9, "振替休日" }, { 9, 20, "敬老の日" }, { 9, 23, "秋分の日" },
		{ 11, 3, "文化の日" }, { 11, 23, "勤労感謝の日" },
	};
	ASSERT_YEAR(2021, h);
}

static void year_2026_has_a_silver_week_and_a_may_substitute(void **state)
{
	static const struct hol h[] = {
		{ 1, 1, "元日" }, { 1, 12, "成人の日" }, { 2, 11, "建国記念の日" },
		{ 2, 23, "天皇誕生日" }, { 3, 20, "春分の日" }, { 4, 29, "昭和の日" },
		{ 5, 3, "憲法記念日" }, { 5, 4, "みどりの日" }, { 5, 5, "こどもの日" },
		{ 5, 6, "振替休日" }, { 7, 20, "海の日" }, { 8, 11, "山の日" },
		{ 9, 21, "敬老の日" }, { 9, 22, "国民の休日" }, { 9, 23, "秋分の日" },
		{ 10, 12, "スポーツの日" }, { 11, 3, "文化の日" }, { 11, 23, "勤労感謝の日" },
	};
	ASSERT_YEAR(2026, h);
}

/*
 * 2027 worked out by hand: Jan 1 is a Friday, so the Mondays are Jan 11
 * (2nd), Jul 19 (3rd), Sep 20 (3rd), Oct 11 (2nd); the vernal equinox,
 * March 21, is a Sunday, so Monday March 22 is a substitute holiday.
 */
static void year_2027_has_a_substitute_for_the_sunday_equinox(void **state)
{
	static const struct hol h[] = {
		{ 1, 1, "元日" }, { 1, 11, "成人の日" }, { 2, 11, "建国記念の日" },
		{ 2, 23, "天皇誕生日" }, { 3, 21, "春分の日" }, { 3, 22, "振替休日" },
		{ 4, 29, "昭和の日" }, { 5, 3, "憲法記念日" }, { 5, 4, "みどりの日" },
		{ 5, 5, "こどもの日" }, { 7, 19, "海の日" }, { 8, 11, "山の日" },
		{ 9, 20, "敬老の日" }, { 9, 23, "秋分の日" }, { 10, 11, "スポーツの日" },
		{ 11, 3, "文化の日" }, { 11, 23, "勤労感謝の日" },
	};
	ASSERT_YEAR(2027, h);
}

/* ---- fixed days and renamed days ------------------------------------------- */

static void emperors_birthday_moved_from_december_23_to_february_23(void **state)
{
	assert_holiday(2018, 12, 23, "天皇誕生日");
	assert_no_holiday(2019, 12, 23);
	assert_no_holiday(2019, 2, 23);
	assert_holiday(2020, 2, 23, "天皇誕生日");
	assert_no_holiday(2020, 12, 23);
}

static void april_29_was_greenery_day_until_2006_then_showa_day(void **state)
{
	assert_holiday(2006, 4, 29, "みどりの日");
	assert_holiday(2007, 4, 29, "昭和の日");
	assert_holiday(2007, 5, 4, "みどりの日");
}

static void mountain_day_starts_in_2016(void **state)
{
	assert_no_holiday(2015, 8, 11);
	assert_holiday(2016, 8, 11, "山の日");
}

static void sports_day_replaced_health_and_sports_day_in_2020(void **state)
{
	assert_holiday(2019, 10, 14, "体育の日");
	assert_holiday(2022, 10, 10, "スポーツの日");
	assert_no_holiday(2020, 10, 12);
	assert_no_holiday(2021, 10, 11);
}

/* ---- Happy Mondays ------------------------------------------------------------ */

static void coming_of_age_day_is_the_second_monday_of_january(void **state)
{
	assert_holiday(2000, 1, 10, "成人の日");
	assert_holiday(2024, 1, 8, "成人の日");   /* Jan 1 a Monday */
	assert_holiday(2025, 1, 13, "成人の日");
	assert_no_holiday(2025, 1, 15);
}

static void marine_and_respect_for_aged_days_became_mondays_in_2003(void **state)
{
	assert_holiday(2002, 7, 20, "海の日");
	assert_holiday(2002, 9, 15, "敬老の日");
	assert_holiday(2003, 7, 21, "海の日");
	assert_holiday(2003, 9, 15, "敬老の日");  /* the 3rd Monday that year */
	assert_holiday(2004, 9, 20, "敬老の日");
	assert_no_holiday(2004, 9, 15);
	assert_no_holiday(2004, 7, 20);
}

/* ---- equinoxes ------------------------------------------------------------------ */

static void equinox_days_follow_the_standard_formula(void **state)
{
	assert_int_equal(holiday_vernal_equinox(2000), 20);
	assert_int_equal(holiday_vernal_equinox(2023), 21);
	assert_int_equal(holiday_vernal_equinox(2024), 20);
	assert_int_equal(holiday_vernal_equinox(2025), 20);
	assert_int_equal(holiday_vernal_equinox(2027), 21);
	assert_int_equal(holiday_vernal_equinox(2092), 19);
	assert_int_equal(holiday_autumnal_equinox(2011), 23);
	assert_int_equal(holiday_autumnal_equinox(2012), 22);  /* first 22nd since 1896 */
	assert_int_equal(holiday_autumnal_equinox(2025), 23);
	assert_int_equal(holiday_autumnal_equinox(2028), 22);
	assert_int_equal(holiday_autumnal_equinox(2044), 22);
	assert_holiday(2012, 9, 22, "秋分の日");
	assert_holiday(2023, 3, 21, "春分の日");
}

static void equinox_formula_is_zero_outside_1980_to_2099(void **state)
{
	assert_int_equal(holiday_vernal_equinox(1979), 0);
	assert_int_equal(holiday_autumnal_equinox(2100), 0);
	assert_int_equal(holiday_vernal_equinox(1980), 20);
	assert_int_equal(holiday_autumnal_equinox(2099), 23);
}

/* ---- substitute holidays (振替休日) --------------------------------------------- */

static void before_2007_a_sunday_holiday_moves_to_monday(void **state)
{
	assert_int_equal(date_weekday(ymd(2006, 1, 1)), WD_SUN);
	assert_holiday(2006, 1, 2, "振替休日");
	assert_holiday(2001, 9, 24, "振替休日");
	assert_holiday(2002, 5, 6, "振替休日");   /* こどもの日 on a Sunday */
	assert_holiday(2003, 11, 24, "振替休日");
}

static void from_2007_a_sunday_holiday_moves_to_the_next_non_holiday(void **state)
{
	assert_int_equal(date_weekday(ymd(2008, 5, 4)), WD_SUN);
	assert_holiday(2008, 5, 5, "こどもの日");
	assert_holiday(2008, 5, 6, "振替休日");
	assert_int_equal(date_weekday(ymd(2009, 5, 3)), WD_SUN);
	assert_holiday(2009, 5, 6, "振替休日");  /* past May 4 and May 5 */
	assert_no_holiday(2009, 5, 7);
}

static void a_saturday_holiday_gets_no_substitute(void **state)
{
	assert_int_equal(date_weekday(ymd(2019, 11, 23)), WD_SAT);
	assert_no_holiday(2019, 11, 25);
	assert_no_holiday(2019, 11, 24);
}

/* ---- in-between holidays (国民の休日) ---------------------------------------------- */

static void a_weekday_between_two_holidays_is_a_holiday(void **state)
{
	assert_holiday(2009, 9, 22, "国民の休日");
	assert_holiday(2015, 9, 22, "国民の休日");
	assert_holiday(2026, 9, 22, "国民の休日");
	assert_holiday(2032, 9, 21, "国民の休日");
	assert_no_holiday(2025, 9, 22);
}

static void before_2007_may_4_was_an_in_between_holiday_except_on_sunday(void **state)
{
	assert_holiday(2004, 5, 4, "国民の休日");
	assert_holiday(2002, 5, 4, "国民の休日");  /* a Saturday still counts */
	assert_int_equal(date_weekday(ymd(2003, 5, 4)), WD_SUN);
	assert_no_holiday(2003, 5, 4);
}

/* ---- range and cache ----------------------------------------------------------------- */

static void holidays_are_known_from_2000_to_2099_only(void **state)
{
	assert_null(holiday_name(ymd(1999, 1, 1)));
	assert_null(holiday_name(ymd(2100, 1, 1)));
	assert_null(holiday_name(DATE_NONE));
	assert_holiday(HOLIDAY_FIRST_YEAR, 1, 1, "元日");
	assert_holiday(HOLIDAY_LAST_YEAR, 11, 23, "勤労感謝の日");
	assert_false(holiday_is(ymd(2025, 4, 1)));
	assert_true(holiday_is(ymd(2025, 1, 1)));
}

/* Jumping between many years must not mix up cached years. */
static void asking_across_many_years_gives_stable_answers(void **state)
{
	int y, count2026 = 0, round;
	date_t dt;

	for (round = 0; round < 3; round++)
		for (y = 2000; y <= 2099; y += 13) {
			assert_holiday(y, 1, 1, "元日");
			assert_holiday(y, 11, 3, "文化の日");
		}
	for (dt = ymd(2026, 1, 1); dt <= ymd(2026, 12, 31); dt++) {
		if (holiday_is(dt))
			count2026++;
		assert_holiday(2030, 1, 1, "元日");  /* another year in between */
	}
	assert_int_equal(count2026, 18);
}

/* Every year in range: 16 to 24 days off, no Sunday ever an extra day off. */
static void every_covered_year_has_a_plausible_number_of_holidays(void **state)
{
	int y, n;
	date_t dt;

	for (y = HOLIDAY_FIRST_YEAR; y <= HOLIDAY_LAST_YEAR; y++) {
		n = 0;
		for (dt = ymd(y, 1, 1); dt <= ymd(y, 12, 31); dt++) {
			const char *s = holiday_name(dt);
			if (!s)
				continue;
			n++;
			if (date_weekday(dt) == WD_SUN &&
			    (!strcmp(s, "振替休日") || !strcmp(s, "国民の休日")))
				fail_msg("%d: %s on a Sunday", y, s);
		}
		if (n < 15 || n > 24)
			fail_msg("%d has %d holidays", y, n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(year_2019_has_the_accession_days_and_no_emperors_birthday),
		cmocka_unit_test(year_2020_has_the_olympic_days_moved_into_summer),
		cmocka_unit_test(year_2021_has_the_olympic_days_moved_again),
		cmocka_unit_test(year_2026_has_a_silver_week_and_a_may_substitute),
		cmocka_unit_test(year_2027_has_a_substitute_for_the_sunday_equinox),
		cmocka_unit_test(emperors_birthday_moved_from_december_23_to_february_23),
		cmocka_unit_test(april_29_was_greenery_day_until_2006_then_showa_day),
		cmocka_unit_test(mountain_day_starts_in_2016),
		cmocka_unit_test(sports_day_replaced_health_and_sports_day_in_2020),
		cmocka_unit_test(coming_of_age_day_is_the_second_monday_of_january),
		cmocka_unit_test(marine_and_respect_for_aged_days_became_mondays_in_2003),
		cmocka_unit_test(equinox_days_follow_the_standard_formula),
		cmocka_unit_test(equinox_formula_is_zero_outside_1980_to_2099),
		cmocka_unit_test(before_2007_a_sunday_holiday_moves_to_monday),
		cmocka_unit_test(from_2007_a_sunday_holiday_moves_to_the_next_non_holiday),
		cmocka_unit_test(a_saturday_holiday_gets_no_substitute),
		cmocka_unit_test(a_weekday_between_two_holidays_is_a_holiday),
		cmocka_unit_test(before_2007_may_4_was_an_in_between_holiday_except_on_sunday),
		cmocka_unit_test(holidays_are_known_from_2000_to_2099_only),
		cmocka_unit_test(asking_across_many_years_gives_stable_answers),
		cmocka_unit_test(every_covered_year_has_a_plausible_number_of_holidays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
