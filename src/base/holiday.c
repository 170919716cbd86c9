/*
 * holiday.c - Japanese national holidays, computed by the rules of the
 * Act on National Holidays (国民の祝日に関する法律) and the special acts of
 * 2019 (the accession) and of 2020 and 2021 (the Tokyo Games).
 *
 * Covered years: HOLIDAY_FIRST_YEAR (2000) to HOLIDAY_LAST_YEAR (2099),
 * the range of the equinox formula used; holiday_name() returns NULL for
 * any day outside them.  A year's days are worked out once and kept in a
 * small static cache, because the calendar asks about every cell it draws.
 * The cache makes holiday_name() unsafe to call from several threads at
 * once; the program has one thread.
 */
#include <string.h>

#include "tsunagi/holiday.h"

/*
 * The equinox days by the formula commonly used for 1980-2099:
 * day = int(20.8431 + 0.242194 (y - 1980) - int((y - 1980) / 4)) for
 * March and 23.2488 for September, in integer millionths so that no
 * floating-point rounding can move a day.
 */
static int equinox(int y, long base_millionths)
{
	long n;

	if (y < 1980 || y > 2099)
		return 0;
	n = y - 1980;
	return (int)((base_millionths + 242194L * n) / 1000000L - n / 4);
}

int holiday_vernal_equinox(int y)
{
	return equinox(y, 20843100L);
}

int holiday_autumnal_equinox(int y)
{
	return equinox(y, 23248800L);
}

/* One year: a name (or NULL) for each day of the year, 0 = January 1. */
struct year_table {
	int year;                     /* 0 when the slot is empty */
	date_t jan1;
	const char *name[366];
	bool national[366];           /* a 国民の祝日, not a derived day off */
};

static void set(struct year_table *t, int m, int d, const char *name)
{
	int i = date_from_ymd(t->year, m, d) - t->jan1;

	t->name[i] = name;
	t->national[i] = true;
}

/* The day of the month of the n-th Monday of month m. */
static int nth_monday(int y, int m, int n)
{
	int wd1 = date_weekday(date_from_ymd(y, m, 1));
	int first = 1 + (7 - wd1) % 7;

	return first + 7 * (n - 1);
}

static void add_fixed(struct year_table *t)
{
	int y = t->year;

	set(t, 1, 1, "元日");
	set(t, 2, 11, "建国記念の日");
	if (y <= 2018)
		set(t, 12, 23, "天皇誕生日");
	else if (y >= 2020)
		set(t, 2, 23, "天皇誕生日");
	set(t, 3, holiday_vernal_equinox(y), "春分の日");
	set(t, 4, 29, y <= 2006 ? "みどりの日" : "昭和の日");
	set(t, 5, 3, "憲法記念日");
	if (y >= 2007)
		set(t, 5, 4, "みどりの日");
	set(t, 5, 5, "こどもの日");
	set(t, 9, holiday_autumnal_equinox(y), "秋分の日");
	set(t, 11, 3, "文化の日");
	set(t, 11, 23, "勤労感謝の日");
}

/* Happy Monday days, and the days the Olympic acts moved in 2020-21. */
static void add_moving(struct year_table *t)
{
	int y = t->year;

	set(t, 1, nth_monday(y, 1, 2), "成人の日");
	if (y == 2020)
		set(t, 7, 23, "海の日");
	else if (y == 2021)
		set(t, 7, 22, "海の日");
	else
		set(t, 7, y >= 2003 ? nth_monday(y, 7, 3) : 20, "海の日");
	set(t, 9, y >= 2003 ? nth_monday(y, 9, 3) : 15, "敬老の日");
	if (y <= 2019)
		set(t, 10, nth_monday(y, 10, 2), "体育の日");
	else if (y == 2020)
		set(t, 7, 24, "スポーツの日");
	else if (y == 2021)
		set(t, 7, 23, "スポーツの日");
	else
		set(t, 10, nth_monday(y, 10, 2), "スポーツの日");
	if (y == 2020)
		set(t, 8, 10, "山の日");
	else if (y == 2021)
		set(t, 8, 8, "山の日");
	else if (y >= 2016)
		set(t, 8, 11, "山の日");
	if (y == 2019) {
		/* Treated as national holidays by the 2019 special act. */
		set(t, 5, 1, "即位の日");
		set(t, 10, 22, "即位礼正殿の儀");
	}
}

/*
 * 振替休日: a national holiday on a Sunday gives the next day off; from
 * 2007 the next day that is not itself a national holiday.
 */
static void add_substitutes(struct year_table *t, int ndays)
{
	int i, j;

	for (i = 0; i < ndays; i++) {
		if (!t->national[i] || date_weekday(t->jan1 + i) != WD_SUN)
			continue;
		j = i + 1;
		if (t->year >= 2007)
			while (j < ndays && t->national[j])
				j++;
		if (j < ndays && !t->name[j])
			t->name[j] = "振替休日";
	}
}

/*
 * 国民の休日: a day that is not a holiday, not a Sunday, with a national
 * holiday on both sides (May 4 before 2007; September 22 in some years).
 */
static void add_between(struct year_table *t, int ndays)
{
	int i;

	for (i = 1; i + 1 < ndays; i++)
		if (!t->name[i] && t->national[i - 1] && t->national[i + 1] &&
		    date_weekday(t->jan1 + i) != WD_SUN)
			t->name[i] = "国民の休日";
}

static void build(struct year_table *t, int y)
{
	int ndays = date_is_leap(y) ? 366 : 365;

	memset(t, 0, sizeof *t);
	t->year = y;
	t->jan1 = date_from_ymd(y, 1, 1);
	add_fixed(t);
	add_moving(t);
	add_substitutes(t, ndays);
	add_between(t, ndays);
}

const char *holiday_name(date_t dt)
{
	static struct year_table cache[4];
	struct year_table *t;
	int y;

	date_to_ymd(dt, &y, NULL, NULL);
	if (y < HOLIDAY_FIRST_YEAR || y > HOLIDAY_LAST_YEAR)
		return NULL;
	t = &cache[y & 3];
	if (t->year != y)
		build(t, y);
	return t->name[dt - t->jan1];
}
