/*
 * due_source.h - load from the database what the due engine needs for a
 * date window, and the names of the clients that have items.
 *
 * Only the window is read, through the indexes the schema has for it
 * (monitorings by done_on, certificates and consents by valid_to, open
 * action items by due_on), so a weekly list stays fast in a large office.
 * Records already met in the database (a certificate or consent renewed,
 * a draft under a final plan) are left out by the queries themselves.
 */
#ifndef TSUNAGI_DUE_SOURCE_H
#define TSUNAGI_DUE_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/due.h"
#include "tsunagi/err.h"

typedef struct due_source {
	due_input in;           /* what due_compute takes; points into the below */
	due_client *clients;
	due_plan *plans;
	due_interval *intervals;
	due_plan_row *rows;
	due_monitoring *monitorings;
	due_certificate *certificates;
	due_consent *consents;
	due_action *actions;
	due_skip *skips;
	due_certificate *decisions;
	due_action *nexts;
	char **strings;         /* every string the records point to */
	size_t nstrings;
} due_source;

/*
 * Load the records whose due items can fall in [from, to] (kinds: a
 * bit set of (1u << enum due_kind), 0 for all).  Items whose date is
 * before `from` cannot be computed from what is loaded; pass the start
 * of the overdue horizon as from.  Free with due_source_free.
 */
int due_source_load(db *db, date_t from, date_t to, unsigned kinds,
		    due_source *out, tsu_err *e);
void due_source_free(due_source *s);

/* Everything of one client the engine can use, for all of time (the due
 * cache computes a client's items from this).  A closed or missing client
 * loads as closed or empty and so has no items. */
int due_source_load_client(db *db, int64_t client_id, due_source *out, tsu_err *e);

/* A client as reports show them. */
typedef struct due_name {
	int64_t id;
	char *name;
	char *kana;
} due_name;

typedef struct due_names {
	due_name *v;            /* ascending by id */
	size_t n;
	/* private: the blocks the names and kana are copied into (a list
	 * names thousands: one malloc each cost more than reading them) */
	struct due_name_block *blocks;
} due_names;

/* The names of the clients that have items in l (billing has none). */
int due_names_load(db *db, const due_list *l, due_names *out, tsu_err *e);
/* The entry for id, or NULL. */
const due_name *due_names_find(const due_names *names, int64_t id);
void due_names_free(due_names *names);

#endif
