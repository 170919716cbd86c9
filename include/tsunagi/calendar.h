/*
 * calendar.h - one month as the calendar shows it: its days with weekday
 * and holiday, how many due items fall on each, and the month's
 * monitorings.  The command line prints it (text grid, TSV); the UI's
 * calendar screen draws the same struct.
 */
#ifndef TSUNAGI_CALENDAR_H
#define TSUNAGI_CALENDAR_H

#include <stdbool.h>

#include "tsunagi/date.h"
#include "tsunagi/due.h"
#include "tsunagi/due_source.h"
#include "tsunagi/store_day.h"
#include "tsunagi/xalloc.h"

typedef struct cal_day {
	date_t on;
	int weekday;            /* WD_MON .. WD_SUN */
	const char *holiday;    /* static name, or NULL */
	int due;                /* items on this day that are not done */
	int monitorings;        /* monitoring items on this day, done or not */
} cal_day;

typedef struct cal_month {
	month_t month;
	date_t first, last;
	int ndays;
	int lead;               /* blank cells before the 1st in a Monday-first grid */
	cal_day days[31];
} cal_month;

void cal_month_init(cal_month *c, month_t m);
/* Count the items of l that fall in the month. */
void cal_month_count(cal_month *c, const due_list *l);
/* The day's entry, or NULL when d is not in the month. */
const cal_day *cal_month_day(const cal_month *c, date_t d);

/* A month grid in 80 columns (Monday first, holidays marked '*', the
 * number of due items under each day), the month's holidays, then its
 * monitorings with client and state.  names may be NULL. */
void cal_month_text(const cal_month *c, const due_list *l, const due_names *names, strbuf *out);
/* An appointment as the day list shows it, without its day: the time
 * (or blanks), what it is, the client, a meeting's place. */
char *cal_appt_line(const day_appt *a);
/* The month's meetings and visits (store_day_appts), a line each with the
 * day, after a heading; "(none)" when there are none. */
void cal_appts_text(const day_appt *v, size_t n, strbuf *out);

/* One line per day: ISO date, Mon..Sun, holiday name or "", due count. */
void cal_month_tsv(const cal_month *c, strbuf *out);

#endif
