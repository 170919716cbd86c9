/*
 * date.c - civil dates as day numbers, Japanese eras (和暦), parsing what
 * a person types and formatting it back.
 *
 * A date_t counts days from 1970-01-01 in the proleptic Gregorian calendar;
 * valid dates are those of years 1 to 9999.  Parsing accepts years 1868 to
 * 9999 only: the eras before 大正 are not supported, and older dates have
 * no place in a case load.  date_today() gives every day the rules and
 * screens use (TSUNAGI_TODAY or --today fix it for tests).  The clock is
 * read elsewhere only for what must follow real time: date_clock_day (the
 * day's integrity check; tests set its clock), time_now (a new note's
 * time; TSUNAGI_NOW fixes it) and the UI's idle timer.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tsunagi/date.h"
#include "tsunagi/i18n.h"

#define YEAR_MIN 1
#define YEAR_MAX 9999
#define PARSE_YEAR_MIN 1868
#define PARSE_YEAR_MAX 9999

/* ---- civil arithmetic ------------------------------------------------ */

/*
 * Days from civil: the year is counted from March so that the leap day
 * is the last day of a year; 400-year cycles of 146097 days.  719468 is
 * the day number of 1970-01-01 counted from 0000-03-01.
 */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t cycle, yoc, doy, doc;

	if (m <= 2)
		y -= 1;
	cycle = (y >= 0 ? y : y - 399) / 400;
	yoc = y - cycle * 400;                          /* 0..399 */
	doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;   /* 0..365 */
	doc = yoc * 365 + yoc / 4 - yoc / 100 + doy;    /* 0..146096 */
	return cycle * 146097 + doc - 719468;
}

static void civil_from_days(int64_t z, int *py, int *pm, int *pd)
{
	int64_t cycle, doc, yoc, y, doy, mp;
	int m;

	z += 719468;
	cycle = (z >= 0 ? z : z - 146096) / 146097;
	doc = z - cycle * 146097;
	yoc = (doc - doc / 1460 + doc / 36524 - doc / 146096) / 365;
	y = yoc + cycle * 400;
	doy = doc - (365 * yoc + yoc / 4 - yoc / 100);
	mp = (5 * doy + 2) / 153;                       /* March = 0 */
	*pd = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*pm = m;
	*py = (int)(y + (m <= 2));
}

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 &&
	       d >= 1 && d <= date_days_in_month(y, m);
}

date_t date_from_ymd(int y, int m, int d)
{
	if (!date_valid_ymd(y, m, d))
		return DATE_NONE;
	return (date_t)days_from_civil(y, m, d);
}

/* The day numbers of 0001-01-01 and 9999-12-31. */
static bool in_range(date_t dt)
{
	return dt != DATE_NONE && dt >= -719162 && dt <= 2932896;
}

void date_to_ymd(date_t dt, int *y, int *m, int *d)
{
	int yy = 0, mm = 0, dd = 0;

	if (in_range(dt))
		civil_from_days(dt, &yy, &mm, &dd);
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}

/* 1970-01-01 was a Thursday.  -1 for DATE_NONE. */
int date_weekday(date_t dt)
{
	int64_t r;

	if (dt == DATE_NONE)
		return -1;
	r = ((int64_t)dt + WD_THU) % 7;
	return (int)(r < 0 ? r + 7 : r);
}

date_t date_week_start(date_t dt)
{
	if (!in_range(dt))
		return DATE_NONE;
	return dt - date_weekday(dt);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static date_t add_months64(date_t dt, int64_t months)
{
	int y, m, d, dim;
	int64_t total, ny;

	if (!in_range(dt))
		return DATE_NONE;
	date_to_ymd(dt, &y, &m, &d);
	total = (int64_t)y * 12 + (m - 1) + months;
	ny = floor_div(total, 12);
	if (ny < YEAR_MIN || ny > YEAR_MAX)
		return DATE_NONE;
	m = (int)(total - ny * 12) + 1;
	dim = date_days_in_month((int)ny, m);
	return date_from_ymd((int)ny, m, d > dim ? dim : d);
}

date_t date_add_months(date_t dt, int months)
{
	return add_months64(dt, months);
}

date_t date_add_years(date_t dt, int years)
{
	return add_months64(dt, (int64_t)years * 12);
}

month_t month_from_ym(int y, int m)
{
	return y * 12 + (m - 1);
}

void month_to_ym(month_t mo, int *y, int *m)
{
	int64_t yy = floor_div(mo, 12);

	if (y)
		*y = (int)yy;
	if (m)
		*m = (int)(mo - yy * 12) + 1;
}

/* DATE_NONE (the same sentinel value) for DATE_NONE. */
month_t date_month(date_t dt)
{
	int y, m;

	if (!in_range(dt))
		return DATE_NONE;
	date_to_ymd(dt, &y, &m, NULL);
	return month_from_ym(y, m);
}

date_t month_first_day(month_t mo)
{
	int y, m;

	month_to_ym(mo, &y, &m);
	return date_from_ymd(y, m, 1);
}

date_t month_last_day(month_t mo)
{
	int y, m;

	month_to_ym(mo, &y, &m);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

/* ---- eras ------------------------------------------------------------ */

/* In order; an era ends the day before the next one begins. */
static const struct era {
	const char *kanji;
	char letter;
	const char *roman;       /* N_(), translated where shown */
	int y, m, d;             /* first day */
} eras[] = {
	{ "大正", 'T', N_("Taisho"), 1912, 7, 30 },
	{ "昭和", 'S', N_("Showa"), 1926, 12, 25 },
	{ "平成", 'H', N_("Heisei"), 1989, 1, 8 },
	{ "令和", 'R', N_("Reiwa"), 2019, 5, 1 },
};
#define N_ERAS ((int)(sizeof eras / sizeof eras[0]))
#define ERA_MEIJI (-2)

static date_t era_first(int i)
{
	return date_from_ymd(eras[i].y, eras[i].m, eras[i].d);
}

/* The last day of era i, or DATE_NONE for the current era. */
static date_t era_last(int i)
{
	return i + 1 < N_ERAS ? era_first(i + 1) - 1 : DATE_NONE;
}

/* The era dt falls in, or -1 before 大正. */
static int era_of(date_t dt)
{
	int i;

	if (!in_range(dt))
		return -1;
	for (i = N_ERAS - 1; i >= 0; i--)
		if (dt >= era_first(i))
			return i;
	return -1;
}

/* ---- formatting ------------------------------------------------------ */

void date_format_iso(date_t dt, char *buf)
{
	int y, m, d;

	if (!in_range(dt)) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(dt, &y, &m, &d);
	/* By hand: snprintf was a tenth of a long listing.  in_range keeps
	 * the year to four digits. */
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

void date_format_wareki(date_t dt, char *buf, size_t n)
{
	int i = era_of(dt), y, m, d, ey;
	char iso[DATE_ISO_LEN];

	if (n == 0)
		return;
	if (i < 0) {
		date_format_iso(dt, iso);
		snprintf(buf, n, "%s", iso);
		return;
	}
	date_to_ymd(dt, &y, &m, &d);
	ey = y - eras[i].y + 1;
	if (ey == 1)
		snprintf(buf, n, "%s元年%d月%d日", eras[i].kanji, m, d);
	else
		snprintf(buf, n, "%s%d年%d月%d日", eras[i].kanji, ey, m, d);
}

void date_format_wareki_short(date_t dt, char *buf, size_t n)
{
	int i = era_of(dt), y, m, d;
	char iso[DATE_ISO_LEN];

	if (n == 0)
		return;
	if (i < 0) {
		date_format_iso(dt, iso);
		snprintf(buf, n, "%s", iso);
		return;
	}
	date_to_ymd(dt, &y, &m, &d);
	snprintf(buf, n, "%c%d.%d.%d", eras[i].letter, y - eras[i].y + 1, m, d);
}

const char *date_weekday_ja(int wd)
{
	static const char *const ja[7] = { "月", "火", "水", "木", "金", "土", "日" };
	return wd >= 0 && wd < 7 ? ja[wd] : "";
}

const char *date_weekday_en(int wd)
{
	static const char *const en[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	return wd >= 0 && wd < 7 ? en[wd] : "";
}

/* ---- parsing: folding and scanning ------------------------------------ */

#define PARSE_MAX 128   /* longer input is not a date */
#define ECHO_MAX 60     /* bytes of the input repeated in a message */

/*
 * Fold full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space
 * to a space and the dashes an input method may produce to '-'.  The
 * result is never longer than the input.
 */
static void fold(const char *in, char *out)
{
	const unsigned char *p = (const unsigned char *)in;
	char *o = out;

	while (*p) {
		if (p[0] >= 0xE0 && p[0] <= 0xEF && (p[1] & 0xC0) == 0x80 &&
		    (p[2] & 0xC0) == 0x80) {
			unsigned cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
			int c = -1;

			if (cp >= 0xFF01 && cp <= 0xFF5E)
				c = (int)(cp - 0xFEE0);
			else if (cp == 0x3000)
				c = ' ';
			else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x30FC)
				c = '-';
			if (c >= 0) {
				*o++ = (char)c;
				p += 3;
				continue;
			}
		}
		*o++ = (char)*p++;
	}
	*o = '\0';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void skip_ws(const char **p)
{
	while (is_space(**p))
		(*p)++;
}

static bool eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

/* Digits as a number; *nd is how many (0 when none; at most 9 read). */
static long read_num(const char **p, int *nd)
{
	long v = 0;

	*nd = 0;
	while (**p >= '0' && **p <= '9') {
		if (*nd == 9)
			return v;  /* too long: the caller sees a digit left over */
		v = v * 10 + (**p - '0');
		(*p)++;
		(*nd)++;
	}
	return v;
}

/* An era name or letter: 0..N_ERAS-1, ERA_MEIJI, or -1 for none. */
static int scan_era(const char **p)
{
	const char *q;
	char c;
	int i;

	for (i = 0; i < N_ERAS; i++)
		if (eat(p, eras[i].kanji))
			return i;
	if (eat(p, "明治"))
		return ERA_MEIJI;
	c = **p;
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c < 'A' || c > 'Z')
		return -1;
	q = *p + 1;
	skip_ws(&q);
	if (!((*q >= '0' && *q <= '9') || strncmp(q, "元", strlen("元")) == 0))
		return -1;
	for (i = 0; i < N_ERAS; i++)
		if (c == eras[i].letter) {
			*p += 1;
			return i;
		}
	if (c == 'M') {
		*p += 1;
		return ERA_MEIJI;
	}
	return -1;
}

static bool eat_sep(const char **p, const char *kanji)
{
	skip_ws(p);
	if (**p == '-' || **p == '/' || **p == '.') {
		(*p)++;
	} else if (!eat(p, kanji)) {
		return false;
	}
	skip_ws(p);
	return true;
}

/* What a date or month says, before it is checked. */
struct parts {
	int era;          /* index into eras[], ERA_MEIJI, or -1 */
	long y, m, d;     /* y is the era year when era >= 0 */
};

/* Reads the shape of a date (want_day) or a month; false if it has none. */
static bool scan(const char *s, bool want_day, struct parts *pt)
{
	const char *p = s;
	int nd;

	memset(pt, 0, sizeof *pt);
	skip_ws(&p);
	pt->era = scan_era(&p);
	skip_ws(&p);
	if (pt->era != -1) {
		if (eat(&p, "元")) {
			pt->y = 1;
		} else {
			pt->y = read_num(&p, &nd);
			if (nd == 0 || nd > 4)
				return false;
		}
	} else {
		pt->y = read_num(&p, &nd);
		skip_ws(&p);
		if (*p == '\0' && nd == (want_day ? 8 : 6)) {
			/* 20250401 or 202504 */
			long v = pt->y;
			if (want_day) {
				pt->d = v % 100;
				v /= 100;
			}
			pt->m = v % 100;
			pt->y = v / 100;
			return true;
		}
		if (nd != 4)
			return false;
	}
	if (!eat_sep(&p, "年"))
		return false;
	pt->m = read_num(&p, &nd);
	if (nd == 0 || nd > 2)
		return false;
	if (want_day) {
		if (!eat_sep(&p, "月"))
			return false;
		pt->d = read_num(&p, &nd);
		if (nd == 0 || nd > 2)
			return false;
		skip_ws(&p);
		eat(&p, "日");
	} else {
		skip_ws(&p);
		eat(&p, "月");
	}
	skip_ws(&p);
	return *p == '\0';
}

/* The trimmed input, cut at a character boundary, for messages. */
static void make_echo(const char *s, char *echo, size_t n)
{
	size_t len;

	while (is_space(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len > n - 4) {
		len = n - 4;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		memcpy(echo, s, len);
		memcpy(echo + len, "...", 4);
		return;
	}
	memcpy(echo, s, len);
	echo[len] = '\0';
}

/* ---- parsing: checking -------------------------------------------------- */

static void short_month(int era, int y, int m, char *buf, size_t n)
{
	snprintf(buf, n, "%c%d.%d", eras[era].letter, y - eras[era].y + 1, m);
}

/* The Gregorian year, month range and Meiji checks shared by dates and months. */
static int check_year_month(const char *echo, const struct parts *pt, int *gy, tsu_err *e)
{
	long y = pt->y;

	if (pt->era == ERA_MEIJI)
		return err_set(e, TSU_EINVAL,
			_("%s: Meiji (明治) era dates are not supported; write the date in the Western calendar, like 1900-04-01"),
			echo);
	if (pt->era >= 0) {
		if (y == 0)
			return err_set(e, TSU_EINVAL,
				_("%s: there is no year 0 of an era; the first year is 元年 (1)"), echo);
		y += eras[pt->era].y - 1;
	}
	if (y < PARSE_YEAR_MIN || y > PARSE_YEAR_MAX)
		return err_set(e, TSU_EINVAL,
			_("%s: year %ld is outside the years this program handles (%d to %d); check the year"),
			echo, y, PARSE_YEAR_MIN, PARSE_YEAR_MAX);
	if (pt->m < 1 || pt->m > 12)
		return err_set(e, TSU_EINVAL,
			_("%s: there is no month %ld; the month is 1 to 12"), echo, pt->m);
	*gy = (int)y;
	return TSU_OK;
}

/* Whether [first, last] overlaps era i; else an error naming the border. */
static int check_era(const char *echo, int i, date_t first, date_t last, bool day, tsu_err *e)
{
	char iso[DATE_ISO_LEN], wa[DATE_WAREKI_LEN], use[DATE_WAREKI_LEN];
	date_t b;
	int y, m;

	if (last < era_first(i)) {
		b = era_first(i);
		date_format_iso(b, iso);
		date_format_wareki_short(b, wa, sizeof wa);
		return err_set(e, TSU_EINVAL, day
			? _("%s: %s began on %s (%s); check the era or the date")
			: _("%s: %s began on %s (%s); check the era or the month"),
			echo, _(eras[i].roman), iso, wa);
	}
	b = era_last(i);
	if (b != DATE_NONE && first > b) {
		date_format_iso(b, iso);
		date_format_wareki_short(b, wa, sizeof wa);
		if (day) {
			date_format_wareki_short(first, use, sizeof use);
		} else {
			date_to_ymd(first, &y, &m, NULL);
			short_month(era_of(first), y, m, use, sizeof use);
		}
		return err_set(e, TSU_EINVAL, _("%s: %s ended on %s (%s); use %s"),
			echo, _(eras[i].roman), iso, wa, use);
	}
	return TSU_OK;
}

static int not_a(const char *echo, bool day, tsu_err *e)
{
	if (echo[0] == '\0')
		return err_set(e, TSU_EINVAL, day
			? _("no date given; write it like 2025-04-01 or R7.4.1")
			: _("no month given; write it like 2025-04 or R7.4"));
	return err_set(e, TSU_EINVAL, day
		? _("'%s' is not a date; write it like 2025-04-01 or R7.4.1")
		: _("'%s' is not a month; write it like 2025-04 or R7.4"), echo);
}

/* Scans s as a date (day) or a month; the day number of its first day. */
static int parse_common(const char *s, bool day, date_t *out, tsu_err *e)
{
	char buf[PARSE_MAX + 1], echo[ECHO_MAX];
	struct parts pt;
	date_t first, last;
	int gy = 0, m, dim, rc;

	if (!s)
		s = "";
	make_echo(s, echo, sizeof echo);
	if (strlen(s) > PARSE_MAX)
		return not_a(echo, day, e);
	fold(s, buf);
	if (!scan(buf, day, &pt))
		return not_a(echo, day, e);
	rc = check_year_month(echo, &pt, &gy, e);
	if (rc != TSU_OK)
		return rc;
	m = (int)pt.m;
	dim = date_days_in_month(gy, m);
	if (day) {
		if (pt.d == 0)
			return err_set(e, TSU_EINVAL,
				_("%s: there is no day 0; the day is 1 to %d"), echo, dim);
		if (pt.d > dim && m == 2 && pt.d == 29)
			return err_set(e, TSU_EINVAL,
				_("%s: %d has no February 29; check the day"), echo, gy);
		if (pt.d > dim)
			return err_set(e, TSU_EINVAL,
				_("%s: %d-%02d has only %d days; check the day"), echo, gy, m, dim);
		first = last = date_from_ymd(gy, m, (int)pt.d);
	} else {
		first = date_from_ymd(gy, m, 1);
		last = date_from_ymd(gy, m, dim);
	}
	if (pt.era >= 0) {
		rc = check_era(echo, pt.era, first, last, day, e);
		if (rc != TSU_OK)
			return rc;
	}
	*out = first;
	return TSU_OK;
}

int date_parse(const char *s, date_t *out, tsu_err *e)
{
	date_t dt;
	int rc = parse_common(s, true, &dt, e);

	if (rc == TSU_OK)
		*out = dt;
	return rc;
}

void month_format_iso(month_t m, char buf[MONTH_ISO_LEN])
{
	int y, mo;

	if (m < 0) {
		buf[0] = '\0';
		return;
	}
	month_to_ym(m, &y, &mo);
	y %= 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + mo / 10);
	buf[6] = (char)('0' + mo % 10);
	buf[7] = '\0';
}

/* On the due list's hot path: no sscanf. */
month_t month_from_iso(const char *s)
{
	int y = 0, m;

	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (s[4] != '-' || s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9' || s[7])
		return -1;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	return m >= 1 && m <= 12 ? month_from_ym(y, m) : -1;
}

int month_parse(const char *s, month_t *out, tsu_err *e)
{
	date_t dt;
	int rc = parse_common(s, false, &dt, e);

	if (rc == TSU_OK)
		*out = date_month(dt);
	return rc;
}

/* ---- today ------------------------------------------------------------- */

/* An empty TSUNAGI_TODAY counts as unset. */
int date_today(date_t *out, tsu_err *e)
{
	const char *env = getenv("TSUNAGI_TODAY");
	struct tm tm;
	time_t now;
	tsu_err why;
	date_t dt;

	if (env && *env) {
		err_clear(&why);
		if (date_parse(env, &dt, &why) != TSU_OK)
			return err_set(e, TSU_EINVAL, _("TSUNAGI_TODAY: %s"), why.msg);
		if (date_check_today("TSUNAGI_TODAY", dt, e) != TSU_OK)
			return TSU_EINVAL;
		*out = dt;
		return TSU_OK;
	}
	now = time(NULL);
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return err_set(e, TSU_EFAIL,
			_("cannot read the system clock; set TSUNAGI_TODAY to today's date, like 2025-04-01"));
	dt = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (dt == DATE_NONE)
		return err_set(e, TSU_EFAIL,
			_("the system clock gives an impossible date; set TSUNAGI_TODAY to today's date, like 2025-04-01"));
	if (date_check_today(_("the system clock"), dt, e) != TSU_OK)
		return TSU_EFAIL;
	*out = dt;
	return TSU_OK;
}

int date_age(date_t birth, date_t on)
{
	int by, bm, bd, ty, tm, td, age;

	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &ty, &tm, &td);
	age = ty - by;
	if (tm < bm || (tm == bm && td < bd))
		age--;
	return age;
}

/* ---- times of day ----------------------------------------------------- */

/* One token of a typed time, folded to ASCII: digits (also full-width),
 * ':' (also '：'), 'h' 時, 'm' 分, 'H' 半, 'a' 午前, 'p' 午後; spaces
 * (also U+3000) are skipped.  0 at the end, '?' for anything else. */
static char time_token(const char **pp)
{
	static const struct { const char *utf8; char tok; } words[] = {
		{ "：", ':' }, { "時", 'h' }, { "分", 'm' }, { "半", 'H' },
		{ "午前", 'a' }, { "午後", 'p' }, { "　", ' ' },
	};
	const unsigned char *p = (const unsigned char *)*pp;

	if (!*p)
		return 0;
	if (*p < 0x80) {
		*pp += 1;
		return isdigit(*p) || *p == ':' || *p == ' ' ? (char)*p : '?';
	}
	/* U+FF10..U+FF19, full-width digits: EF BC 90..99. */
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
		*pp += 3;
		return (char)('0' + (p[2] - 0x90));
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].utf8);
		if (!strncmp(*pp, words[i].utf8, n)) {
			*pp += n;
			return words[i].tok;
		}
	}
	return '?';
}

int time_parse(const char *s, int *minutes, tsu_err *e)
{
	char t[32];
	size_t n = 0;
	const char *p = s ? s : "";
	char c;
	int h = 0, m = 0, hd = 0, md = 0, ampm = 0;
	size_t i = 0;

	while ((c = time_token(&p)) != 0) {
		if (c == '?' || n + 1 >= sizeof t)
			goto bad;
		if (c != ' ')
			t[n++] = c;
	}
	t[n] = '\0';
	if (t[i] == 'a' || t[i] == 'p')
		ampm = t[i++];
	while (isdigit((unsigned char)t[i]) && hd < 4) {
		h = h * 10 + (t[i++] - '0');
		hd++;
	}
	if (hd == 0)
		goto bad;
	if (t[i] == ':' && hd <= 2) {
		i++;
		while (isdigit((unsigned char)t[i]) && md < 2) {
			m = m * 10 + (t[i++] - '0');
			md++;
		}
		if (md != 2)
			goto bad;
	} else if (t[i] == 'h' && hd <= 2) {
		i++;
		if (t[i] == 'H') {
			m = 30;
			i++;
		} else {
			while (isdigit((unsigned char)t[i]) && md < 2) {
				m = m * 10 + (t[i++] - '0');
				md++;
			}
			if (md > 0 && t[i] == 'm')
				i++;
		}
	} else if (hd >= 3) {
		m = h % 100;
		h /= 100;
	}
	if (t[i])
		goto bad;
	if (ampm) {
		if (h > 12)
			goto bad;
		if (ampm == 'p' && h < 12)
			h += 12;
		else if (ampm == 'a' && h == 12)
			h = 0;
	}
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		goto bad;
	*minutes = h * 60 + m;
	return TSU_OK;
bad:
	return err_set(e, TSU_EINVAL, _("'%s' is not a time of day; write it like 9:30, 0930 or 9時30分"), s ? s : "");
}

static time_t (*clock_now)(void);

void date_clock_set(time_t (*now)(void))
{
	clock_now = now;
}

void date_clock_day(char buf[16])
{
	time_t now = clock_now ? clock_now() : time(NULL);
	struct tm tm;

	if (now == (time_t)-1 || !localtime_r(&now, &tm)) {
		snprintf(buf, 16, "0000-00-00");
		return;
	}
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

int time_now(void)
{
	const char *env = getenv("TSUNAGI_NOW");
	time_t now = time(NULL);
	struct tm tm;
	int m;

	if (env && *env && time_parse(env, &m, NULL) == TSU_OK)
		return m;
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return 0;
	return tm.tm_hour * 60 + tm.tm_min;
}

void time_format(int minutes, char *buf)
{
	if (minutes < 0 || minutes > 1440) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, TIME_LEN, "%02d:%02d", minutes / 60, minutes % 60);
}

void time_utc_to_local(const char *utc, char *buf, size_t n)
{
	struct tm tm = { 0 };
	time_t t;
	int y, mo, d, h, mi, sec;
	char z;

	if (!utc || sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &z) != 7 ||
	    z != 'Z') {
		snprintf(buf, n, "%.16s", utc ? utc : "");
		return;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (t == (time_t)-1 || !localtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, n, "%.16s", utc);
}

/* The holiday tables cover 2000-2099 (holiday.h); a today in 2098 still
 * sees a year ahead with its holidays. */
int date_check_today(const char *what, date_t dt, tsu_err *e)
{
	int y;

	date_to_ymd(dt, &y, NULL, NULL);
	if (dt == DATE_NONE || y < TODAY_FIRST_YEAR || y > TODAY_LAST_YEAR)
		return err_set(e, TSU_EINVAL,
			_("%s: today must be between %d-01-01 and %d-12-31; give a date in that range"),
			what, TODAY_FIRST_YEAR, TODAY_LAST_YEAR);
	return TSU_OK;
}
