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

#endif
