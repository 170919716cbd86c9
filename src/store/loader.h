/*
 * loader.h - what the store's bulk loaders share (due_source.c,
 * billing_source.c, stats_source.c): a growable array of fixed-size
 * elements, a pool of copied strings that the loaded records point into,
 * and the end of a query's loop.  Private to src/store/.
 */
#ifndef TSUNAGI_STORE_LOADER_H
#define TSUNAGI_STORE_LOADER_H

#include <stddef.h>

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/err.h"

/* A growable array of elements of `size` bytes; zero it and set size. */
typedef struct vec { void *v; size_t n, cap, size; } vec;

/* A new zeroed element at the end. */
void *vec_push(vec *a);

/* Column col of the current row copied into the pool `strings` (a vec of
 * char *); the copy lives until the pool is freed. */
const char *vec_keep(vec *strings, db_stmt *st, int col);

/* The end of a loop over st: reset it, and a read error (rc < 0) as
 * TSU_EIO with "reading ...: what" in e. */
int load_finish(db *d, db_stmt *st, int rc, const char *what, tsu_err *e);

/* A plan's schedule as every loader reads it, from five columns in this
 * order starting at a query's column `col`: */
#define LOAD_PLAN_SCHEDULE_COLS(P) \
	P "stage, " P "period_from, " P "period_to, " P "anchor_month, " P "monitoring_months"
/* into p's stage, period, anchor month (the period's first month when
 * none is stored) and interval.  One reading, so that the due list, the
 * billing worksheet and caseload health cannot take a plan two ways. */
void load_plan_schedule(db_stmt *st, int col, due_plan *p);

/* A plan's interval history as every loader reads it: three columns
 * (plan id, from month, months) from `col`, appended to owners (int64_t
 * plan ids) and intervals (due_interval); a malformed month is skipped. */
#define LOAD_INTERVAL_COLS(I) I "plan_id, " I "from_month, " I "months"
void load_interval(db_stmt *st, int col, vec *owners, vec *intervals);

/* Point each of n plans at its run of intervals (owners in plan id
 * order, as the queries sort them).  The plans are elements of `stride`
 * bytes with their due_plan `offset` bytes in (a bill_plan holds one). */
void load_link_intervals(void *plans, size_t n, size_t stride, size_t offset,
			 const vec *owners, const vec *intervals);

#endif
