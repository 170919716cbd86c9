/*
 * stats.h - caseload health (issue 14): the figures of the monthly team
 * meeting, for the twelve months up to a chosen month.
 *
 * stats_compute (src/rules/stats.c) is pure: it takes plain data that
 * stats_source_load (src/store/stats_source.c) reads or a unit test
 * builds by hand.  The figures:
 *
 *   monitoring compliance (モニタリング期限遵守率)
 *       for each client and month of the window, the plan in effect in
 *       the month (the highest id among the client's final and superseded
 *       plans whose period covers the month; drafts only for a client
 *       without such a plan, as the due engine does) says whether it is a
 *       monitoring month (monitoring_is_due_month, src/rules/monitoring.c).
 *       A due month is met by a monitoring done in it; else it is "not
 *       done" when recorded so with a reason (monitoring_skip), shown
 *       apart and not counted as met; else "open" while it is the month
 *       of today (not yet late), else missed.  rate = met / (met +
 *       not done + missed).  Months after a client's closing, and months
 *       after today, are not counted.
 *   record delay (記録遅延率)
 *       notes by the month of the day they record (noted_on): late when
 *       written (note.written_on, migration 0025) more than delay_days
 *       days after that day.  Notes from before 0025 have no written
 *       date and are counted apart as unknown, not in the rate.
 *   unwritten events
 *       a monitoring done or a meeting held, on or before the cut-off day,
 *       with nothing written: the store's query decides (see
 *       stats_source.c); listed oldest first.
 *   GAS attainment
 *       for each active client, the goals (plan rows) scored at the
 *       latest monitoring with any GAS score up to the cut-off day: the
 *       share at 0 or above; for the goals also scored at the monitoring
 *       before it, the share then and now and how many went up, stayed
 *       or went down.  (A goal is a plan row: a goal rewritten in a new
 *       plan version is a new goal.)
 *   case load
 *       clients active on the cut-off day (started on or before it and
 *       not closed by then) by kind and support level; started and closed
 *       per month; the planning and child cases per worker against 40.
 *
 * The cut-off day is the chosen month's last day, or today when that is
 * earlier.
 */
#ifndef TSUNAGI_STATS_H
#define TSUNAGI_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/err.h"

enum { STATS_MONTHS = 12, STATS_KINDS = 4, STATS_LEVELS = 8, STATS_UNWRITTEN_MAX = 10 };
/* Support-level slots: 0 非該当, 1..6 区分1..6, 7 not entered. */
enum { STATS_LEVEL_NONE = 7 };
/* The record-delay default (days), the config key record_delay_days. */
enum { STATS_DELAY_DEFAULT = 3, STATS_DELAY_MAX = 365 };
/* The case count per worker at which the fee table's lower rate starts
 * (issue 14: "the (Ⅱ) rate for the part of the case count at 40 and
 * above per worker").  The ministry's way of counting (which cases, the
 * average of which months) was not confirmed from a public source: the
 * figure is an indication, see stats_compute. */
enum { STATS_CASE_THRESHOLD = 40 };

/* ---- input ---- */

typedef struct stats_client {
	int64_t id;
	int kind;               /* index in store_case_kinds: plan child transition retention */
	int level;              /* 0..6, or -1 not entered */
	date_t start_on;        /* first intake, plan or the record's creation; DATE_NONE unknown */
	date_t closed_on;       /* DATE_NONE while active */
	bool closed;            /* status closed (closed_on may be missing) */
} stats_client;

typedef struct stats_note {
	date_t noted_on, written_on;    /* written_on DATE_NONE: unknown */
} stats_note;

enum stats_event_kind { STATS_EV_MONITORING, STATS_EV_MEETING };

typedef struct stats_event {
	int64_t id, client_id;
	enum stats_event_kind kind;
	date_t on;
	const char *name, *kana;        /* the client's; stats copies them */
} stats_event;

/* One GAS score of a goal (plan row), at a monitoring done on `on`. */
typedef struct stats_gas {
	int64_t client_id, monitoring_id, row_id;
	date_t on;
	int gas;                /* -2 .. 2 */
} stats_gas;

typedef struct stats_input {
	const stats_client *clients; size_t nclients;
	/* These three ascending by client id: */
	const due_plan *plans; size_t nplans;           /* any stage */
	const due_monitoring *monitorings; size_t nmonitorings;   /* done ones */
	const due_skip *skips; size_t nskips;
	const stats_note *notes; size_t nnotes;
	const stats_event *unwritten; size_t nunwritten;
	const stats_gas *gas; size_t ngas;              /* by client, date, monitoring */
} stats_input;

/* ---- output ---- */

typedef struct stats_month {
	month_t month;
	int due, met, not_done, missed, open;   /* monitoring months */
	int notes, late, unknown;               /* notes recorded in the month */
	int started, closed;                    /* clients */
} stats_month;

typedef struct stats {
	month_t month;          /* the chosen month, the window's last */
	date_t today, cutoff;
	int delay_days, workers;        /* workers in tenths (config billing.workers): 10 is one */
	stats_month m[STATS_MONTHS];    /* oldest first */
	stats_month total;      /* sums; month 0 */
	int active, by_kind[STATS_KINDS], by_level[STATS_LEVELS];
	int counted;            /* active planning and child cases (the 40 count) */
	int gas_goals, gas_ok;  /* goals scored; at 0 or above at the latest */
	int gas_pairs, gas_prev_ok, gas_pair_ok;   /* scored twice: ok before, ok now */
	int gas_up, gas_same, gas_down;
	stats_event unwritten[STATS_UNWRITTEN_MAX];
	size_t nunwritten, unwritten_all;
} stats;

/* The figures of in for the twelve months up to `month`.  Free with
 * stats_free. */
void stats_compute(const stats_input *in, month_t month, date_t today, int delay_days,
		   int workers, stats *out);
void stats_free(stats *s);

/* A share in tenths of a percent, rounded half up; -1 when den is 0. */
int stats_permille(int num, int den);
/* The compliance rate of a month (permille, -1 when nothing was due). */
int stats_month_rate(const stats_month *m);
int stats_late_rate(const stats_month *m);
/* The active cases per worker against the threshold, in tenths. */
int stats_per_worker_tenths(const stats *s);

/* ---- loading (src/store/stats_source.c) ---- */

typedef struct stats_source {
	stats_input in;
	stats_client *clients;
	due_plan *plans;
	due_interval *intervals;
	due_monitoring *monitorings;
	due_skip *skips;
	stats_note *notes;
	stats_event *unwritten;
	stats_gas *gas;
	char **strings;
	size_t nstrings;
} stats_source;

/* Read what stats_compute needs for the twelve months up to `month`
 * (the cut-off day as above).  Free with stats_source_free. */
int stats_source_load(db *db, month_t month, date_t today, stats_source *out, tsu_err *e);
void stats_source_free(stats_source *s);

/* Load and compute in one go. */
int stats_get(db *db, month_t month, date_t today, int delay_days, int workers,
	      stats *out, tsu_err *e);

#endif
