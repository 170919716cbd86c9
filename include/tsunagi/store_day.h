/*
 * store_day.h - the appointments of a span of days for the calendar:
 * meetings (担当者会議) at their time and monitoring visits scheduled and
 * not yet done, at theirs (issue 16, item 19).  Not due items: a meeting
 * is not something due, it is where the worker will be.
 */
#ifndef TSUNAGI_STORE_DAY_H
#define TSUNAGI_STORE_DAY_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/err.h"
#include "tsunagi/db.h"

enum day_appt_kind { DAY_APPT_MEETING, DAY_APPT_VISIT };

typedef struct day_appt {
	date_t on;
	char at[6];             /* "HH:MM", or "" when no time was given */
	enum day_appt_kind kind;
	int64_t client_id;
	int64_t ref_id;         /* the meeting's or the monitoring's id */
	char *name;             /* the client's name */
	char *place;            /* a meeting's place; "" for a visit */
} day_appt;

/*
 * The appointments on the days from..to, by day, then time (those
 * without a time last that day), then kind and id.  Visits of closed
 * clients are left out (they will not happen); meetings stay, as held.
 * Free with day_appts_free.
 */
int store_day_appts(db *d, date_t from, date_t to, day_appt **out, size_t *n, tsu_err *e);
void day_appts_free(day_appt *v, size_t n);

#endif
