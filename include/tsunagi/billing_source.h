/*
 * billing_source.h - load from the database what the billing rules
 * (billing.h) need for one month: the clients with an event in it, every
 * plan of theirs (with its interval history, for the monitoring months
 * and 初回加算), the month's monitorings, meetings, notes and not-done
 * months.
 */
#ifndef TSUNAGI_BILLING_SOURCE_H
#define TSUNAGI_BILLING_SOURCE_H

#include "tsunagi/billing.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef struct bill_source {
	bill_input in;          /* what bill_compute takes; points into the below */
	bill_client *clients;
	bill_plan *plans;
	due_interval *intervals;
	bill_monitoring *mons;
	bill_meeting *meetings;
	bill_note *notes;
	bill_skip *skips;
	char **strings;
	size_t nstrings;
} bill_source;

/* Load month m; category and workers_tenths go into s->in as given. */
int bill_source_load(db *d, month_t m, int category, int workers_tenths, bill_source *s, tsu_err *e);
void bill_source_free(bill_source *s);

#endif
