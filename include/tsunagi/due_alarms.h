/*
 * due_alarms.h - the alarm list's items and groups, shared by the UI's
 * start screen and `tsunagi alarms` so that both show exactly the same.
 *
 * An item is on the list once its lead time has begun (due.h: its state
 * is overdue or due; a monitoring from the 1st of its month), in four
 * groups, in this order:
 *   overdue   past its date and not met (missed monitoring months for
 *             DUE_MISSED_MONITORING_DAYS after the month)
 *   week      the rest of this week (Monday to Sunday)
 *   month     this month's monitorings not yet done, scheduled or not
 *   coming    everything else whose lead time has begun
 */
#ifndef TSUNAGI_DUE_ALARMS_H
#define TSUNAGI_DUE_ALARMS_H

#include <stddef.h>

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/err.h"

enum {
	DUE_ALARM_OVERDUE, DUE_ALARM_WEEK, DUE_ALARM_MONTH, DUE_ALARM_COMING,
	DUE_ALARM_SECTIONS
};

/* The group of an item, or -1 when its lead time has not begun (or it
 * is met). */
int due_alarm_section(date_t on, enum due_state state, enum due_kind kind, date_t today);
/* "Overdue", "This week", "This month's monitorings", "Coming up",
 * translated. */
const char *due_alarm_title(int section);
/* "overdue", "week", "month", "coming": for tsv and CSV. */
const char *due_alarm_name(int section);
/* The query behind the list: everything overdue, up to the longest lead
 * time ahead (kinds: 0 for all). */
void due_alarm_query(date_t today, unsigned kinds, due_query *q);

/* The whole list, in its order, each item with its own copy of its text. */
typedef struct due_alarms {
	due_list list;
	int *section;           /* per item */
	char **strings;
	size_t nstrings;
	size_t counts[DUE_ALARM_SECTIONS];
} due_alarms;

int due_alarms_get(db *d, date_t today, unsigned kinds, due_alarms *out, tsu_err *e);
void due_alarms_free(due_alarms *a);

#endif
