/*
 * due_items.h - the due items for a window, as every screen and report
 * asks for them.
 *
 * Items come from the due cache (table due_cache): each client's items
 * are computed by the engine once, after any change to its records
 * (triggers mark the client dirty), and only their state is worked out
 * again for today on each read.  When the cache cannot be brought up to
 * date (a read-only database, a long lock) the items are computed
 * directly from the records instead, with the same result.
 */
#ifndef TSUNAGI_DUE_ITEMS_H
#define TSUNAGI_DUE_ITEMS_H

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/due_source.h"
#include "tsunagi/err.h"

typedef struct due_result {
	due_list list;          /* sorted as due_compute sorts */
	/* private: what the items' text points into */
	char **strings;
	size_t nstrings;
	due_source src;
} due_result;

/* The items of q (q->include_done and q->kinds honoured). */
int due_items_get(db *db, const due_query *q, due_result *out, tsu_err *e);
void due_result_free(due_result *r);
/* For a sheet: the open items of q (q->include_done false) up to q->to,
 * and the open monitorings up to mons_to (a month's end, their date when
 * not scheduled), then due_list_forget_missed (q->today).  Through the
 * cache the rest is skipped inside the index, unread: the other kinds
 * after q->to and the monitorings missed long ago (a week's sheet of
 * 10,000 clients read 10,760 rows to show 5,404).  Without the cache,
 * every kind up to mons_to, as due_items_get gives them. */
int due_items_get_sheet(db *db, const due_query *q, date_t mons_to, due_result *out, tsu_err *e);

/* Recompute the dirty clients' cached items; returns how many clients
 * were recomputed, or a negative TSU_E* code. */
int due_cache_refresh(db *db, tsu_err *e);

/* The items of q computed straight from the records, bypassing the cache
 * (the fallback, and what tests compare the cache with). */
int due_items_direct(db *db, const due_query *q, due_result *out, tsu_err *e);

#endif
