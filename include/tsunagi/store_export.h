/*
 * store_export.h - what the CSV exports read (report/export.c, which
 * writes the cells): the client roster's decision period, the progress
 * notes and the plans, each row as text cells in the export's column
 * order.  Stored text is given as it is stored ("" for NULL); the report
 * translates the few coded words.
 */
#ifndef TSUNAGI_STORE_EXPORT_H
#define TSUNAGI_STORE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/err.h"

/* The client's latest service certificate's decision period (支給決定期間:
 * valid_from and valid_to as stored), both "" when it has none.  Caller
 * frees both. */
void store_export_decision_period(db *db, int64_t client_id, char **from, char **to);

/* Called for each row: the client's id and the row's n cells, valid
 * during the call only. */
typedef void (*store_export_row_fn)(void *ctx, int64_t client_id, const char *const *cells,
				    size_t n);

/* Each progress note with its client, by date, time and id, in
 * STORE_EXPORT_NOTE_CELLS cells: recipient number, name, date, time,
 * kind (as stored), with whom, minutes, S, O, A, P, fact,
 * interpretation, next step, its date, the day it was done.  TSU_EIO
 * with e set on a read error (after the rows before it). */
enum { STORE_EXPORT_NOTE_CELLS = 16 };
int store_export_notes_each(db *db, store_export_row_fn fn, void *ctx, tsu_err *e);

/* Each plan row with its plan and client (a plan without rows: one row,
 * the row's cells ""), by client, period, plan, priority and row id, in
 * STORE_EXPORT_PLAN_CELLS cells: recipient number, name, plan id, stage
 * (as stored), written, consented and delivered on, period from and to,
 * monitoring months, wishes, policy, long and short goal, then the row's
 * priority, need, goal, target date, service kind, detail, amount,
 * provider (a provider of the register as the plan prints it: name
 * (contact・phone)), the client's role, review date and remarks. */
enum { STORE_EXPORT_PLAN_CELLS = 25 };
int store_export_plans_each(db *db, store_export_row_fn fn, void *ctx, tsu_err *e);

#endif
