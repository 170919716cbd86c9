/*
 * store_plan.h - the plan's life cycle: draft -> final (with the consent
 * date) -> superseded when a newer plan becomes final; its monitoring
 * interval history, which the due engine reads.
 */
#ifndef TSUNAGI_STORE_PLAN_H
#define TSUNAGI_STORE_PLAN_H

#include "tsunagi/records.h"

/* Insert a plan (draft or final) with its first interval row.  When
 * the anchor month is not set, it is the month period_from falls in.  A
 * final plan supersedes the client's other final plans and older drafts. */
int store_plan_add(db *db, plan *p, tsu_err *e);
/* Make a draft final on the consent date; supersedes as above. */
int store_plan_finalise(db *db, int64_t plan_id, date_t consented_on, tsu_err *e);
/* Change the monitoring interval from month `from` on; the anchor stays. */
int store_plan_set_interval(db *db, int64_t plan_id, month_t from, int months, tsu_err *e);
/* The plan in force: the latest final plan that is not superseded, else
 * the latest draft.  TSU_ENOTFOUND when the client has none. */
int store_plan_in_force(db *db, int64_t client_id, plan *p, tsu_err *e);

/*
 * After consent a plan is read-only: its fields (but the delivery date,
 * the monitoring interval and the stage a newer version supersedes),
 * its needs rows, weekly slots and non-weekly services can be neither
 * changed nor deleted, and no row can be added to it.  A change is a new
 * version (store_plan_revise in store_cycle.h) that is a draft until it
 * is made final in turn.  These are the record_type guards of rt_plan
 * and of its row types (record.h); the refusal names the plan and says
 * how to start the new version.  Migration 0016 adds the same rule for
 * updates as triggers, for SQL that passes by the record store.
 */
int store_plan_guard(db *db, const record_type *rt, const void *rec, int64_t id, tsu_err *e);
int store_plan_child_guard(db *db, const record_type *rt, const void *rec, int64_t id, tsu_err *e);

/*
 * What the final plan should have and plan_id lacks (FORMS.md): the
 * date it was written, the wishes, the policy, the long- and short-term
 * goals, at least one needs row and the provider (提供事業者名) of every
 * row.  *out gets *n one-line messages (none when complete); free with
 * store_plan_missing_free.  Finalising asks again when there are any
 * (the UI) or needs --anyway (the CLI).
 */
int store_plan_missing(db *db, int64_t plan_id, char ***out, size_t *n, tsu_err *e);
void store_plan_missing_free(char **v, size_t n);

#endif
