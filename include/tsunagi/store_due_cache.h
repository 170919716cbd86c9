/*
 * store_due_cache.h - the rows of the due cache (tables due_cache and
 * due_dirty, migrations 0005 to 0014), as report/due_items.c and
 * report/due_page.c read and write them.  The store only loads and saves
 * rows; which items a client has is the engine's (due.h), and what
 * state a cached item is in today, which items a list shows and how
 * they are grouped is the report's (due_items.h, due_page.h).  The
 * statements are constant and cached; a walk reads its rows straight
 * from the statement, copying nothing.
 *
 * (The per-day counts of the cache, table due_day, are read through
 * store_due_days_each in store_lookup.h.)
 */
#ifndef TSUNAGI_STORE_DUE_CACHE_H
#define TSUNAGI_STORE_DUE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/err.h"

/* Whether some client's cached items are out of date (a trigger marked
 * it in due_dirty).  Cheap when none is: one look at an empty table.  A
 * read error counts as none. */
bool store_due_cache_stale(db *db);

/* The clients whose cached items are out of date, in id order: *ids is
 * malloc'd (NULL when none), their number in *n.  TSU_EIO with e set on
 * a read error. */
int store_due_cache_dirty(db *db, int64_t **ids, size_t *n, tsu_err *e);

/* Replace the client's cached items with items[0..n) as they are, and
 * mark the client up to date; inside the caller's transaction. */
int store_due_cache_save(db *db, int64_t client_id, const due_item *items, size_t n, tsu_err *e);

/* Called for each cached item read: every field as stored (state and
 * days_left zero: the caller works them out for its today); text and
 * text2 point into the row and are valid during the call only.  The
 * item is the caller's to change. */
typedef void (*store_due_item_fn)(void *ctx, due_item *it);

/* Which cached items store_due_cache_each reads. */
typedef struct store_due_window {
	date_t from, to;        /* the items dated from..to */
	bool include_done;      /* also the met monitorings; else only items
	                         * not met (done_id 0) */
	unsigned kinds;         /* bit (1u << kind); 0 means every kind */
	/* A sheet (sheet_to not DATE_NONE, include_done false): items not
	 * met up to `to`, and besides monitorings up to sheet_to whose
	 * deadline is on or after mon_since; the rest is skipped inside the
	 * index due_cache_open, unread. */
	date_t sheet_to;
	date_t mon_since;
} store_due_window;

/* Each cached item of w, in no set order; TSU_EIO with e set on a read
 * error (after the items read before it). */
int store_due_cache_each(db *db, const store_due_window *w, store_due_item_fn fn, void *ctx,
			 tsu_err *e);

/* The three sets a day's cached items of one kind fall in: not met,
 * met, and monitoring months recorded as not done (kind DUE_MONITORING,
 * stage DUE_MON_NOT_DONE, not met). */
enum store_due_set { STORE_DUE_OPEN, STORE_DUE_MET, STORE_DUE_NOT_DONE };

/* A page of one day's items of one kind and set, by the key (client,
 * reference, stage) in the indexes due_cache_open and due_cache_met:
 * never OFFSET, never the whole day. */
typedef struct store_due_page {
	date_t on;
	enum due_kind kind;
	enum store_due_set set;
	int cert;               /* certificates: 0 all, 1 only support-level,
	                         * 2 all but support-level */
	bool backward;          /* before the key, nearest first */
	bool has_key;           /* else from the start (backward: the end) */
	int64_t client_id, ref_id;
	int stage;              /* the key, as the cache keeps the stage */
	size_t n;               /* at most this many items */
} store_due_page;

/* The items of pg, each given to fn in key order (backward: reversed);
 * returns how many, or -1 with e set on a read error. */
long store_due_cache_page(db *db, const store_due_page *pg, store_due_item_fn fn, void *ctx,
			  tsu_err *e);

/* How many certificates dated `on`, not met (open) or met, are
 * support-level decisions (sl) or the others; -1 with e set on a read
 * error. */
int64_t store_due_cache_count_certs(db *db, date_t on, bool sl, bool open, tsu_err *e);

#endif
