/*
 * due_items.c - due items through the cache.  The engine stays the one
 * place that knows the rules: the cache stores its output for all of
 * time, per client, and due_item_restate() gives each item its state for
 * today when it is read.  Billing, the one item that depends on today
 * alone, is computed on every read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due_items.h"
#include "tsunagi/store_due_cache.h"
#include "tsunagi/xalloc.h"

static int refresh_client(db *d, int64_t id, tsu_err *e)
{
	due_source src;
	due_list l = { 0 };
	/* All of time, every kind but billing (which belongs to no client). */
	due_query q = { .today = date_from_ymd(2000, 1, 1),
			.from = date_from_ymd(1900, 1, 1), .to = date_from_ymd(2399, 12, 31),
			.include_done = true,
			.kinds = ((1u << DUE_KIND_COUNT) - 1) & ~(1u << DUE_BILLING) };
	int rc;

	if ((rc = due_source_load_client(d, id, &src, e)) != TSU_OK)
		return rc;
	due_compute(&src.in, &q, &l);
	/* A certificate's stage depends on today: worked out on reading. */
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].kind == DUE_CERTIFICATE)
			l.items[i].stage = 0;
	rc = store_due_cache_save(d, id, l.items, l.n, e);
	due_list_free(&l);
	due_source_free(&src);
	return rc;
}

int due_cache_refresh(db *d, tsu_err *e)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	/* Cheap when nothing changed: one look at an empty table. */
	if (!store_due_cache_stale(d))
		return 0;
	if ((rc = db_begin(d, e)) != TSU_OK)
		return rc;
	rc = store_due_cache_dirty(d, &ids, &n, e);
	for (size_t i = 0; rc == TSU_OK && i < n; i++)
		rc = refresh_client(d, ids[i], e);
	free(ids);
	if (rc != TSU_OK) {
		db_rollback(d);
		return rc;
	}
	rc = db_commit(d, e);
	return rc == TSU_OK ? (int)n : rc;
}

static const char *keep(due_result *r, const char *text)
{
	if (!text)
		return NULL;
	if (r->nstrings % 64 == 0)
		r->strings = xrealloc(r->strings, (r->nstrings + 64) * sizeof *r->strings);
	r->strings[r->nstrings] = xstrdup(text);
	return r->strings[r->nstrings++];
}

static void push(due_list *l, const due_item *it)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->n++] = *it;
}

static bool wanted(const due_query *q, enum due_kind k)
{
	return q->kinds == 0 || (q->kinds & (1u << k));
}

static void add_billing(const due_query *q, due_list *out)
{
	due_input none = { 0 };
	due_query bq = *q;
	due_list b = { 0 };

	if (!wanted(q, DUE_BILLING))
		return;
	bq.kinds = 1u << DUE_BILLING;
	due_compute(&none, &bq, &b);
	for (size_t i = 0; i < b.n; i++)
		push(out, &b.items[i]);
	due_list_free(&b);
}

typedef struct cache_read {
	const due_query *q;
	due_result *out;
} cache_read;

static void cached_item(void *ctx, due_item *it)
{
	cache_read *r = ctx;

	if (it->done_id && !r->q->include_done)
		return;
	it->text = keep(r->out, it->text);
	it->text2 = keep(r->out, it->text2);
	due_item_restate(it, r->q->today);
	push(&r->out->list, it);
}

/* sheet_to: DATE_NONE, or a sheet's query (see due_items_get_sheet). */
static int from_cache(db *d, const due_query *q, date_t sheet_to, due_result *out, tsu_err *e)
{
	store_due_window w = { .from = q->from, .to = q->to, .include_done = q->include_done,
			       .kinds = q->kinds, .sheet_to = sheet_to,
			       .mon_since = q->today - DUE_MISSED_MONITORING_DAYS };
	cache_read r = { q, out };
	int rc;

	if ((rc = store_due_cache_each(d, &w, cached_item, &r, e)) != TSU_OK)
		return rc;
	add_billing(q, &out->list);
	due_sort(&out->list);
	return TSU_OK;
}

int due_items_direct(db *d, const due_query *q, due_result *out, tsu_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = due_source_load(d, q->from, q->to, q->kinds, &out->src, e)) != TSU_OK)
		return rc;
	due_compute(&out->src.in, q, &out->list);
	return TSU_OK;
}

static int items_get(db *d, const due_query *q, date_t sheet_to, due_result *out, tsu_err *e)
{
	tsu_err ignored;

	memset(out, 0, sizeof *out);
	/* A cache that cannot be brought up to date is not used at all. */
	if (due_cache_refresh(d, &ignored) < 0) {
		due_query all = *q;

		if (sheet_to != DATE_NONE && sheet_to > all.to)
			all.to = sheet_to;
		return due_items_direct(d, &all, out, e);
	}
	return from_cache(d, q, sheet_to, out, e);
}

int due_items_get(db *d, const due_query *q, due_result *out, tsu_err *e)
{
	return items_get(d, q, DATE_NONE, out, e);
}

int due_items_get_sheet(db *d, const due_query *q, date_t mons_to, due_result *out, tsu_err *e)
{
	int rc = items_get(d, q, mons_to < q->to ? q->to : mons_to, out, e);

	if (rc == TSU_OK)
		due_list_forget_missed(&out->list, q->today);
	return rc;
}

void due_result_free(due_result *r)
{
	due_list_free(&r->list);
	for (size_t i = 0; i < r->nstrings; i++)
		free(r->strings[i]);
	free(r->strings);
	due_source_free(&r->src);
	memset(r, 0, sizeof *r);
}
