/*
 * due_page.h - due items a screenful at a time, for lists that may show
 * a whole office (the alarm list, a calendar day).
 *
 * Opening a pager reads only how many items there are per day and kind
 * (table due_day, kept by triggers on the due cache) and sorts those
 * groups; the items themselves are read from the cache's indexes a page
 * at a time, by key, after or before a given item.  So opening, a row
 * down and a page down cost the same at 1,000 clients and at 100,000.
 *
 * Order: by section (the caller's classifier of date and state: the
 * alarm list's overdue / this week / later), then as due_sort orders
 * (date, state, kind, client, reference, stage).  For an item not yet
 * met the state follows from its date and kind alone (a monitoring item
 * sits in its own month), which is what lets a whole group of the same
 * day and kind share one state without reading its items.  The one
 * exception is a certificate: a support-level decision has its own lead
 * time, so when the two lead times differ, a day whose certificates
 * would differ in state is split in two groups (support-level and the
 * others), each counted with one query.
 *
 * When the cache cannot be brought up to date (a read-only database, a
 * long lock) the pager holds the items computed from the records
 * instead; fetching works the same.  Billing, which is not cached, is
 * always held in memory.
 */
#ifndef TSUNAGI_DUE_PAGE_H
#define TSUNAGI_DUE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/due_items.h"
#include "tsunagi/err.h"

enum { DUE_PAGE_MAX_SECTIONS = 4 };

/* Which section an item of this date, state and kind belongs to, in
 * [0, nsections), or -1 to leave it out (the alarm list leaves out
 * items whose lead time has not begun). */
typedef int (*due_section_fn)(date_t on, enum due_state state, enum due_kind kind, void *ctx);

/* Where an item is in the pager's order. */
typedef struct due_pos {
	int section;
	date_t on;
	enum due_state state;
	enum due_kind kind;
	int64_t client_id, ref_id;
	int stage;
} due_pos;

/* Items of one day, kind and state, sorted by client, reference, stage. */
typedef struct due_group {
	int section;
	date_t on;
	enum due_state state;
	enum due_kind kind;
	size_t n;
	const due_item *mem;    /* held in memory (billing, fallback); else NULL */
	int cert;               /* certificates only: 0 all, 1 only support-level,
	                         * 2 all but support-level */
} due_group;

typedef struct due_pager {
	db *db;
	due_query q;
	bool forget_missed;     /* leave out long-missed monitoring months */
	due_group *groups;
	size_t ngroups;
	size_t counts[DUE_PAGE_MAX_SECTIONS];
	size_t total;
	bool from_memory;       /* the cache could not be used */
	due_result held;        /* what mem groups point into */
} due_pager;

/*
 * Open a pager over the items of q (q->kinds and q->include_done
 * honoured), each put in a section by classify (NULL: all in section 0).
 * forget_missed leaves out monitoring months missed more than
 * DUE_MISSED_MONITORING_DAYS ago, as the lists do.
 */
int due_pager_open(db *db, const due_query *q, bool forget_missed,
		   due_section_fn classify, void *ctx, int nsections,
		   due_pager *out, tsu_err *e);
void due_pager_free(due_pager *p);

/* An item's place in p's order. */
due_pos due_pager_pos(const due_pager *p, const due_item *it, int section);

/* Called for each item fetched; the item and its text are valid during
 * the call only. */
typedef void (*due_emit_fn)(void *ctx, const due_item *it, int section);

/*
 * Up to n items strictly after from (or, with backward, strictly before
 * it, nearest first), NULL meaning from the start (the end), only in
 * section sec unless sec is -1.  Returns how many were emitted; on a
 * database error, the number emitted before it, with e set.
 */
size_t due_pager_fetch(due_pager *p, const due_pos *from, int sec, bool backward,
		       size_t n, due_emit_fn emit, void *ctx, tsu_err *e);

#endif
