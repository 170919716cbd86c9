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
#include "tsunagi/i18n.h"
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
	db_stmt *del = db_prepare(d, "DELETE FROM due_cache WHERE client_id = :c");
	db_stmt *ins = db_prepare(d,
		"INSERT INTO due_cache (client_id, due_on, kind, ref_id, stage, month,"
		" deadline, done_id, text, text2) VALUES (:c, :on, :kind, :ref, :stage,"
		" :month, :deadline, :done, :text, :text2)");
	db_stmt *clean = db_prepare(d, "DELETE FROM due_dirty WHERE client_id = :c");
	int rc;

	if ((rc = due_source_load_client(d, id, &src, e)) != TSU_OK)
		return rc;
	due_compute(&src.in, &q, &l);
	db_bind_int64(del, ":c", id);
	rc = db_exec(del, e);
	for (size_t i = 0; rc == TSU_OK && i < l.n; i++) {
		const due_item *it = &l.items[i];

		db_bind_int64(ins, ":c", id);
		db_bind_date(ins, ":on", it->on);
		db_bind_int(ins, ":kind", (int)it->kind);
		db_bind_int64(ins, ":ref", it->ref_id);
		/* A certificate's stage depends on today: worked out on reading. */
		db_bind_int(ins, ":stage", it->kind == DUE_CERTIFICATE ? 0 : it->stage);
		db_bind_month(ins, ":month", it->month);
		db_bind_date(ins, ":deadline", it->deadline);
		db_bind_int64(ins, ":done", it->done_id);
		db_bind_text(ins, ":text", it->text);
		db_bind_text(ins, ":text2", it->text2);
		rc = db_exec(ins, e);
	}
	if (rc == TSU_OK) {
		db_bind_int64(clean, ":c", id);
		rc = db_exec(clean, e);
	}
	due_list_free(&l);
	due_source_free(&src);
	return rc;
}

int due_cache_refresh(db *d, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT client_id FROM due_dirty ORDER BY client_id");
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	/* Cheap when nothing changed: one look at an empty table. */
	if (db_int64_or(db_prepare(d, "SELECT EXISTS (SELECT 1 FROM due_dirty)"), 0) == 0)
		return 0;
	if ((rc = db_begin(d, e)) != TSU_OK)
		return rc;
	while ((rc = db_step(s)) == DB_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = db_col_int64(s, 0);
	}
	db_reset(s);
	rc = rc < 0 ? db_error(d, e, _("bringing the due list up to date")) : TSU_OK;
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

static const char *keep(due_result *r, db_stmt *st, int col)
{
	if (db_col_null(st, col))
		return NULL;
	if (r->nstrings % 64 == 0)
		r->strings = xrealloc(r->strings, (r->nstrings + 64) * sizeof *r->strings);
	r->strings[r->nstrings] = db_col_strdup(st, col);
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

/* sheet_to: DATE_NONE, or a sheet's query (see due_items_get_sheet). */
static int from_cache(db *d, const due_query *q, date_t sheet_to, due_result *out, tsu_err *e)
{
	/* Constant statements: lists skip met monitorings through the
	 * partial index due_cache_open and never read those rows; a sheet
	 * skips, inside that index, what it would leave out. */
	bool sheet = sheet_to != DATE_NONE && !q->include_done;
	db_stmt *st = q->include_done ? db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, done_id,"
		" text, text2 FROM due_cache WHERE due_on BETWEEN :from AND :to") :
		sheet ? db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, done_id,"
		" text, text2 FROM due_cache WHERE due_on >= :from"
		" AND (due_on, kind) <= (:mto, :mkind)"
		" AND done_id = 0 AND (kind = :mon AND deadline >= :old"
		" OR kind <> :mon AND due_on <= :to)") :
		db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, done_id,"
		" text, text2 FROM due_cache WHERE due_on BETWEEN :from AND :to"
		" AND done_id = 0");
	int rc;

	if (sheet) {
		db_bind_date(st, ":mto", sheet_to);
		/* The scan of the index (due_on, kind) ends at the month's last
		 * monitoring when the sheet's days end before it: the month's
		 * end also dates thousands of certificates, consents, plans and
		 * action items (5,121 at 10,000 clients), once read and dropped. */
		db_bind_int(st, ":mkind", sheet_to > q->to ? (int)DUE_MONITORING : DUE_KIND_COUNT);
		db_bind_int(st, ":mon", (int)DUE_MONITORING);
		db_bind_date(st, ":old", q->today - DUE_MISSED_MONITORING_DAYS);
	}
	db_bind_date(st, ":from", q->from);
	db_bind_date(st, ":to", q->to);
	while ((rc = db_step(st)) == DB_ROW) {
		due_item it = { 0 };

		int kind = db_col_int(st, 2);
		if (kind < 0 || kind >= DUE_KIND_COUNT || !wanted(q, (enum due_kind)kind))
			continue;
		it.kind = (enum due_kind)kind;
		it.done_id = db_col_int64(st, 7);
		if (it.done_id && !q->include_done)
			continue;
		it.client_id = db_col_int64(st, 0);
		it.on = db_col_date(st, 1);
		it.ref_id = db_col_int64(st, 3);
		it.stage = db_col_int(st, 4);
		it.month = db_col_month(st, 5);
		it.deadline = db_col_date(st, 6);
		it.text = keep(out, st, 8);
		it.text2 = keep(out, st, 9);
		due_item_restate(&it, q->today);
		push(&out->list, &it);
	}
	db_reset(st);
	if (rc < 0)
		return db_error(d, e, _("reading the due list"));
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

void due_list_forget_missed(due_list *l, date_t today)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		if (it->kind == DUE_MONITORING && it->state == DUE_OVERDUE &&
		    it->deadline < today - DUE_MISSED_MONITORING_DAYS)
			continue;
		/* Recorded as not done: nothing to do once the month is out. */
		if (it->kind == DUE_MONITORING && it->state == DUE_NOT_DONE && it->deadline < today)
			continue;
		l->items[k++] = *it;
	}
	l->n = k;
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
