/*
 * date.h - civil dates, Japanese eras (和暦) and parsing.
 *
 * A date is a day number: days since 1970-01-01 in the proleptic Gregorian
 * calendar.  Arithmetic is plain integer arithmetic; DATE_NONE marks an
 * absent date (a NULL column).  No function here reads the clock.
 */
#ifndef TSUNAGI_DATE_H
#define TSUNAGI_DATE_H

#include <stdbool.h>
#include <time.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/err.h"

typedef int32_t date_t;
#define DATE_NONE INT32_MIN

/* A month as a single number: year * 12 + (month - 1). */
typedef int32_t month_t;

/* Weekdays, ISO order. */
enum { WD_MON, WD_TUE, WD_WED, WD_THU, WD_FRI, WD_SAT, WD_SUN };

bool date_valid_ymd(int y, int m, int d);
/* Returns DATE_NONE when y-m-d is not a real day. */
date_t date_from_ymd(int y, int m, int d);
void date_to_ymd(date_t dt, int *y, int *m, int *d);
int date_weekday(date_t dt);                /* WD_MON .. WD_SUN */
int date_days_in_month(int y, int m);
bool date_is_leap(int y);

/* Months; a day past the end of the target month is clamped to its end. */
date_t date_add_months(date_t dt, int months);
date_t date_add_years(date_t dt, int years);  /* Feb 29 -> Feb 28 */
month_t date_month(date_t dt);
date_t month_first_day(month_t m);
date_t month_last_day(month_t m);
month_t month_from_ym(int y, int m);
void month_to_ym(month_t mo, int *y, int *m);

/* The Monday on or before dt. */
date_t date_week_start(date_t dt);

/*
 * Parse a date typed by a person.  Accepts:
 *   2025-04-01  2025/4/1  20250401
 *   令和7年4月1日  令和元年5月1日  R7.4.1  R7/4/1  r7.4.1  H31.4.30
 *   S45.3.2  T15.12.24  (平成/昭和/大正 too, long and short forms)
 * with full-width digits, letters and punctuation folded first, and
 * surrounding white space ignored.  An impossible date is an error that
 * says why ("2025-02-29: 2025 has no February 29",
 * "R1.4.30: Reiwa began on 2019-05-01").  Returns TSU_OK or TSU_EINVAL.
 */
int date_parse(const char *s, date_t *out, tsu_err *e);

/* A month as stored: "YYYY-MM" ("" for -1, no month), and back (-1 for
 * anything but exactly "YYYY-MM" with a month 1-12).  The database's
 * months go through these only (db_col_month, db_bind_month). */
#define MONTH_ISO_LEN 8
void month_format_iso(month_t m, char buf[MONTH_ISO_LEN]);
month_t month_from_iso(const char *s);

/* Parse "YYYY-MM" (or era forms of a month such as R7.4). */
int month_parse(const char *s, month_t *out, tsu_err *e);

/*
 * A time of day as the worker types it, into minutes after midnight
 * (0..1440): 9:30, 09:30, 0930, 930, 9 (whole hours), full-width digits
 * and colon, 9時, 9時30分, 9時半, with 午前/午後 before it.  One parser
 * for every form (notes, the weekly grid, the CLI's --at).
 */
int time_parse(const char *s, int *minutes, tsu_err *e);
/* The time of day now, in minutes: $TSUNAGI_NOW (as time_parse reads
 * it) when set, for tests, else the local clock. */
int time_now(void);
/* "HH:MM" (24:00 for 1440); buf holds TIME_LEN bytes.  "" when out of range. */
#define TIME_LEN 6
void time_format(int minutes, char *buf);

/* A UTC time as SQLite's strftime writes it ("YYYY-MM-DDTHH:MM:SSZ") in
 * the local time zone, to the minute ("YYYY-MM-DD HH:MM"); the text as it
 * is (cut to 16 characters) when it is not such a time. */
void time_utc_to_local(const char *utc, char *buf, size_t n);

/* Full years from birth to on (a birthday on 29 February counts from
 * 1 March in other years). */
int date_age(date_t birth, date_t on);

/* Formatting.  Buffers: DATE_ISO_LEN and DATE_WAREKI_LEN bytes suffice. */
#define DATE_ISO_LEN 11
#define DATE_WAREKI_LEN 40
void date_format_iso(date_t dt, char *buf);            /* 2025-04-01; "" for DATE_NONE */
void date_format_wareki(date_t dt, char *buf, size_t n);       /* 令和7年4月1日, 令和元年5月1日 */
void date_format_wareki_short(date_t dt, char *buf, size_t n); /* R7.4.1 */
/* Short Japanese weekday "月".."日" and English "Mon".."Sun". */
const char *date_weekday_ja(int wd);
const char *date_weekday_en(int wd);

/*
 * "Today": $TSUNAGI_TODAY if set (any form date_parse reads), else the
 * local date from the clock.  The only place the program reads the clock
 * for a date.  Returns TSU_EINVAL with a message for a bad TSUNAGI_TODAY.
 */
int date_today(date_t *out, tsu_err *e);

/*
 * The wall clock's local day as "YYYY-MM-DD", never TSUNAGI_TODAY: for
 * what must follow the real calendar (the day's integrity check).  Tests
 * replace the clock with date_clock_set (NULL puts time() back).
 */
void date_clock_day(char buf[16]);
void date_clock_set(time_t (*now)(void));

/*
 * Whether DT can be "today": the years whose holidays, eras and lead times
 * the program computes (TODAY_FIRST_YEAR to TODAY_LAST_YEAR, leaving room
 * for the longest look ahead).  TSU_EINVAL with a message saying so.
 */
#define TODAY_FIRST_YEAR 2000
#define TODAY_LAST_YEAR 2098
int date_check_today(const char *what, date_t dt, tsu_err *e);

#endif
