/*
 * store_lookup.h - the small questions screens and printouts ask of a
 * client's records ("the latest assessment", "the visit on that day"),
 * answered in one place so that ui/ and report/ hold no SQL and two
 * layers never ask the same thing in two ways.
 */
#ifndef TSUNAGI_STORE_LOOKUP_H
#define TSUNAGI_STORE_LOOKUP_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/due.h"

/* The client's latest assessment (by date, then the newest): its id, 0
 * when there is none.  What `A` pulls needs from and `print assessment`
 * prints by default. */
int64_t store_latest_assessment(db *db, int64_t client_id);

/* The plan `print plan` takes by default: the newest version that is not
 * superseded, else the newest; 0 when the client has no plan. */
int64_t store_latest_plan(db *db, int64_t client_id);

/* The latest monitoring that was done; 0 when none. */
int64_t store_latest_done_monitoring(db *db, int64_t client_id);

/* The first open (not done) monitoring of the client scheduled on `on`;
 * 0 when none. */
int64_t store_scheduled_monitoring(db *db, int64_t client_id, date_t on);

/* The client's name, or NULL when there is no such client.  Caller frees. */
char *store_client_name(db *db, int64_t client_id);

/* Every client's id, closed ones too, in id order: *ids is malloc'd
 * (NULL when none), their number in *n; TSU_EIO with e set on a read
 * error. */
int store_client_ids(db *db, int64_t **ids, size_t *n, tsu_err *e);

/* A plan's interval changes (plan_interval) in month order: *out is
 * malloc'd (NULL when none), the count returned. */
size_t store_plan_intervals(db *db, int64_t plan_id, due_interval **out);

/* A day's count of due items of one kind in the due cache (table
 * due_day): open is 1 not met, 0 met, 2 recorded as not done. */
typedef struct due_day_row {
	date_t on;
	int kind;
	int open;
	int64_t n;
} due_day_row;

/* Each day from..to with items, in no set order; fn's error (not TSU_OK)
 * stops the walk and is returned, a read error is TSU_EIO with a
 * message.  A month is a few hundred rows, however large the office. */
typedef int (*due_day_fn)(void *ctx, const due_day_row *r, tsu_err *e);
int store_due_days_each(db *db, date_t from, date_t to, due_day_fn fn, void *ctx, tsu_err *e);

#endif
