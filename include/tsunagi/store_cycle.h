/*
 * store_cycle.h - the rules of the support cycle that span several rows:
 * pulling needs from an assessment into a plan, revising a final plan,
 * ordering the needs table, starting and scheduling monitorings, the GAS
 * trend of each goal, "change needed", the search across all notes and
 * the stored text of the "before the meeting" sheet.
 *
 * Every writing function is one transaction (nesting inside a caller's)
 * and writes its audit rows through the generic record store.
 */
#ifndef TSUNAGI_STORE_CYCLE_H
#define TSUNAGI_STORE_CYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/records.h"

/* ---- the plan ---- */

/*
 * Add a plan row to draft plan_id for each item of assessment_id flagged
 * as a need that no row of the plan links to yet (plan_row.
 * assessment_item_id), in the assessment's order (component b s d e
 * personal, then position).  The row's need is the item's fact, with its
 * interpretation on a second line when given; the priorities continue
 * after the plan's last row.  *added (may be NULL) gets the number of
 * rows added.  The plan must be a draft of the assessment's client.
 */
int store_plan_pull_needs(db *db, int64_t plan_id, int64_t assessment_id,
			  size_t *added, tsu_err *e);

/*
 * Start a revision of final plan plan_id: a new draft with every field,
 * row, weekly slot and non-weekly service copied, previous_id set, stage
 * draft, the consent and delivery dates cleared and written_on set to
 * written_on (DATE_NONE leaves it empty).  The old plan stays final (in
 * force) until the new one is finalised; store_plan_finalise then
 * supersedes it.  A plan that already has a draft revision is refused
 * (the message names it).  *new_id gets the draft's id.
 */
int store_plan_revise(db *db, int64_t plan_id, date_t written_on, int64_t *new_id, tsu_err *e);

/* The priority a new last row of the plan gets (1 for an empty plan). */
int store_plan_next_priority(db *db, int64_t plan_id);

/*
 * Move row row_id one place up (delta -1) or down (+1) in its plan's
 * priority order, swapping priorities with its neighbour.  version is
 * the row's version as the caller last read it: TSU_ECONFLICT when the
 * row changed meanwhile.  The plan's priorities are first made 1..n.
 * *moved (may be NULL) is false when the row was already first or last.
 */
int store_plan_row_move(db *db, int64_t row_id, int64_t version, int delta,
			bool *moved, tsu_err *e);

/* Make the plan's priorities 1..n in their current (priority, id) order;
 * only rows whose priority changes are written. */
int store_plan_renumber(db *db, int64_t plan_id, tsu_err *e);

/* ---- monitoring ---- */

/*
 * Schedule a monitoring for the calendar: with monitoring_id 0, a new
 * monitoring of client_id on the plan in force (scheduled_on = on, not
 * done); otherwise move that monitoring's scheduled_on to on (a done one
 * is refused).  *id (may be NULL) gets the monitoring's id.
 */
int store_monitoring_schedule(db *db, int64_t client_id, int64_t monitoring_id,
			      date_t on, int64_t *id, tsu_err *e);

/*
 * Record that a monitoring of client_id was done on done_on against the
 * plan in force (a final plan, else the latest draft; TSU_ENOTFOUND
 * without one).  It fills a scheduled monitoring if the client has one
 * not yet done (the one scheduled nearest to done_on), else adds one, and
 * gives it one monitoring_row per row of the plan (plan_row_id set) that
 * it does not have yet.  *monitoring_id gets its id.
 */
/*
 * A monitoring that has no rows yet (one scheduled from the calendar, or
 * added on its own) gets one row per goal of its plan - the plan in force
 * when it names none, which it then names.  Nothing changes for one with
 * rows, or for a client without a plan.
 */
int store_monitoring_fill_rows(db *db, int64_t monitoring_id, tsu_err *e);
int store_monitoring_start(db *db, int64_t client_id, date_t done_on,
			   int64_t *monitoring_id, tsu_err *e);

/* *needed: the monitoring says the plan must change - its own
 * change_needed flag, or a row asking to change the service kind, the
 * amount or the weekly schedule.  The UI then offers a revision. */
int store_monitoring_change_needed(db *db, int64_t monitoring_id, bool *needed, tsu_err *e);

/* One GAS score of a goal: the monitoring's done_on and its score. */
typedef struct gas_point {
	date_t on;
	int gas;                /* -2 .. +2 */
	int64_t monitoring_id;
} gas_point;

/* A goal (plan row) of the plan in force and its scores, oldest first. */
typedef struct gas_trend {
	int64_t plan_row_id;
	int priority;
	char *goal;             /* as stored; sanitize before showing */
	gas_point *points;
	size_t npoints;
} gas_trend;

/*
 * The GAS trend of each goal of client_id's plan in force, in priority
 * order.  A goal's scores are those of its own row and, following the
 * plan's previous_id chain back through revisions, of the row of each
 * earlier plan whose goal text is the same after text_fold with the
 * spaces removed (so full-/half-width, case, katakana/hiragana and
 * spacing differences do not break the line; a reworded goal starts a
 * new one), taking the first such row of each earlier plan in priority
 * order.  An empty goal is not followed back.  Only done
 * monitorings with a score count; same-day scores keep monitoring order.
 * *out (caller frees with gas_trend_free) is NULL when n is 0.
 */
int store_gas_trend(db *db, int64_t client_id, gas_trend **out, size_t *n, tsu_err *e);
void gas_trend_free(gas_trend *t, size_t n);

/* ---- notes ---- */

/* A note found by store_note_search. */
typedef struct note_hit {
	int64_t note_id, client_id;
	date_t noted_on;
	char *noted_at;         /* "HH:MM" or "" */
	char *kind;
	char *client_name, *client_kana;
	const char *field;      /* column of the first field that matched */
	char *text;             /* that field's text as stored (sanitize it) */
} note_hit;

/*
 * Notes of every client whose text (S, O, A, P, fact, interpretation,
 * next step) contains query once both are folded with text_fold: newest
 * first (date, time, id), skipping offset hits and returning at most
 * limit.  *more is true when further hits follow.  A blank query is
 * refused.  *out: caller frees with note_hit_free_list.
 */
int store_note_search(db *db, const char *query, size_t limit, size_t offset,
		      note_hit **out, size_t *n, bool *more, tsu_err *e);
void note_hit_free_list(note_hit *h, size_t n);

/* ---- the "before the meeting" sheet ---- */

/*
 * The sheet's edited text is kept as the agenda (議題) of the client's
 * next care-team meeting: the earliest meeting held on or after today.
 * store_prep_get gives that text ("" when there is none or it is empty)
 * and the meeting's id and version (0 when there is no such meeting).
 * Caller frees *text.
 */
int store_prep_get(db *db, int64_t client_id, date_t today, char **text,
		   int64_t *meeting_id, int64_t *version, tsu_err *e);
/*
 * Save the sheet's text: into meeting_id's agenda if given (version
 * checked; TSU_ECONFLICT when it changed), else into a new meeting of the
 * client on held_on (required then), linked to the plan in force.
 * *saved_id (may be NULL) gets the meeting's id.
 */
int store_prep_save(db *db, int64_t client_id, int64_t meeting_id, int64_t version,
		    date_t held_on, const char *text, int64_t *saved_id, tsu_err *e);

/*
 * SQL: whether monitoring M (a table alias, as a string literal) has its
 * report written: the overall situation or remarks, or any row's
 * delivery, satisfaction, attainment, next steps, remarks or GAS.  The
 * one definition the billing worksheet ("a monitoring without its
 * report") and caseload health ("done with nothing written") share.
 */
#define STORE_MONITORING_REPORTED(M) \
	"(" M ".situation <> '' OR " M ".remarks <> '' OR EXISTS (SELECT 1 FROM monitoring_row r" \
	" WHERE r.monitoring_id = " M ".id AND (r.delivery <> '' OR r.satisfaction <> ''" \
	" OR r.attainment <> '' OR r.next_steps <> '' OR r.remarks <> '' OR r.gas IS NOT NULL)))"

#endif
