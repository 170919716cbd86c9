/*
 * due_cache.c - the due cache's rows (store_due_cache.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_due_cache.h"
#include "tsunagi/xalloc.h"

bool store_due_cache_stale(db *d)
{
	return db_int64_or(db_prepare(d, "SELECT EXISTS (SELECT 1 FROM due_dirty)"), 0) != 0;
}

int store_due_cache_dirty(db *d, int64_t **ids, size_t *n, tsu_err *e)
{
	return db_int64_all(db_prepare(d, "SELECT client_id FROM due_dirty ORDER BY client_id"), ids, n,
			    _("bringing the due list up to date"), e);
}

int store_due_cache_save(db *d, int64_t client_id, const due_item *items, size_t n, tsu_err *e)
{
	db_stmt *del = db_prepare(d, "DELETE FROM due_cache WHERE client_id = :c");
	db_stmt *ins = db_prepare(d,
		"INSERT INTO due_cache (client_id, due_on, kind, ref_id, stage, month,"
		" deadline, done_id, text, text2) VALUES (:c, :on, :kind, :ref, :stage,"
		" :month, :deadline, :done, :text, :text2)");
	db_stmt *clean = db_prepare(d, "DELETE FROM due_dirty WHERE client_id = :c");
	int rc;

	db_bind_int64(del, ":c", client_id);
	rc = db_exec(del, e);
	for (size_t i = 0; rc == TSU_OK && i < n; i++) {
		const due_item *it = &items[i];

		db_bind_int64(ins, ":c", client_id);
		db_bind_date(ins, ":on", it->on);
		db_bind_int(ins, ":kind", (int)it->kind);
		db_bind_int64(ins, ":ref", it->ref_id);
		db_bind_int(ins, ":stage", it->stage);
		db_bind_month(ins, ":month", it->month);
		db_bind_date(ins, ":deadline", it->deadline);
		db_bind_int64(ins, ":done", it->done_id);
		db_bind_text(ins, ":text", it->text);
		db_bind_text(ins, ":text2", it->text2);
		rc = db_exec(ins, e);
	}
	if (rc == TSU_OK) {
		db_bind_int64(clean, ":c", client_id);
		rc = db_exec(clean, e);
	}
	return rc;
}

static const char *text_or_null(db_stmt *st, int col)
{
	return db_col_text_or_null(st, col);
}

/* A date or month column's last text and its value: a walk's rows come
 * in date order, and a month's thousands of monitorings share their
 * deadline and month, so most rows parse nothing. */
typedef struct memo {
	bool set;
	char text[DATE_ISO_LEN];
	int32_t value;
} memo;

static bool memo_hit(memo *m, const char *t)
{
	return m->set && strncmp(t, m->text, sizeof m->text) == 0;
}

static int32_t memo_keep(memo *m, const char *t, int32_t value)
{
	m->set = strlen(t) < sizeof m->text;
	if (m->set)
		memcpy(m->text, t, strlen(t) + 1);
	m->value = value;
	return value;
}

static date_t memo_date(db_stmt *st, int col, memo *m)
{
	const char *t = db_col_text(st, col);

	return memo_hit(m, t) ? m->value : memo_keep(m, t, db_col_date(st, col));
}

static month_t memo_month(db_stmt *st, int col, memo *m)
{
	const char *t = db_col_text(st, col);

	return memo_hit(m, t) ? m->value : memo_keep(m, t, db_col_month(st, col));
}

int store_due_cache_each(db *d, const store_due_window *w, store_due_item_fn fn, void *ctx,
			 tsu_err *e)
{
	/* Constant statements: lists skip met monitorings through the
	 * partial index due_cache_open and never read those rows; a sheet
	 * skips, inside that index, what it would leave out (and reads no
	 * done_id: its WHERE makes it 0). */
	bool sheet = w->sheet_to != DATE_NONE && !w->include_done;
	db_stmt *st = w->include_done ? db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, done_id,"
		" text, text2 FROM due_cache WHERE due_on BETWEEN :from AND :to") :
		sheet ? db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, 0,"
		" text, text2 FROM due_cache WHERE due_on >= :from"
		" AND (due_on, kind) <= (:mto, :mkind)"
		" AND done_id = 0 AND (kind = :mon AND deadline >= :old"
		" OR kind <> :mon AND due_on <= :to)") :
		db_prepare(d,
		"SELECT client_id, due_on, kind, ref_id, stage, month, deadline, done_id,"
		" text, text2 FROM due_cache WHERE due_on BETWEEN :from AND :to"
		" AND done_id = 0");
	memo on = { 0 }, month = { 0 }, deadline = { 0 };
	int rc;

	if (sheet) {
		db_bind_date(st, ":mto", w->sheet_to);
		/* The scan of the index (due_on, kind) ends at the month's last
		 * monitoring when the sheet's days end before it: the month's
		 * end also dates thousands of certificates, consents, plans and
		 * action items (5,121 at 10,000 clients), once read and dropped. */
		db_bind_int(st, ":mkind", w->sheet_to > w->to ? (int)DUE_MONITORING : DUE_KIND_COUNT);
		db_bind_int(st, ":mon", (int)DUE_MONITORING);
		db_bind_date(st, ":old", w->mon_since);
	}
	db_bind_date(st, ":from", w->from);
	db_bind_date(st, ":to", w->to);
	while ((rc = db_step(st)) == DB_ROW) {
		due_item it = { 0 };
		int kind = db_col_int(st, 2);

		if (kind < 0 || kind >= DUE_KIND_COUNT || (w->kinds && !(w->kinds & (1u << kind))))
			continue;
		it.kind = (enum due_kind)kind;
		it.done_id = sheet ? 0 : db_col_int64(st, 7);
		it.client_id = db_col_int64(st, 0);
		it.on = memo_date(st, 1, &on);
		it.ref_id = db_col_int64(st, 3);
		it.stage = db_col_int(st, 4);
		it.month = memo_month(st, 5, &month);
		it.deadline = memo_date(st, 6, &deadline);
		it.text = text_or_null(st, 8);
		it.text2 = text_or_null(st, 9);
		fn(ctx, &it);
	}
	db_reset(st);
	return rc < 0 ? db_error(d, e, _("reading the due list")) : TSU_OK;
}

/* The columns an item is rebuilt from, in the page statements. */
#define ITEM_COLS "client_id, ref_id, stage, month, deadline, done_id, text, text2"
/* A split certificate day (store_due_page.cert): only support-level, or
 * all but support-level. */
#define CERT_FILTER " AND (:cert = 0 OR (coalesce(text, '') = 'support_level') = (:cert = 1))"

/* By set (enum store_due_set), forward and backward.  Kind 0 is
 * DUE_MONITORING and stage 1 DUE_MON_NOT_DONE: constants in the SQL
 * text, as in due_day's triggers (migration 0014). */
static const char *const sql_page[3][2] = {
	{	/* not met */
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id = 0 AND (kind <> 0 OR stage <> 1) AND (client_id, ref_id, stage) > (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id, ref_id, stage LIMIT :n",
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id = 0 AND (kind <> 0 OR stage <> 1) AND (client_id, ref_id, stage) < (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id DESC, ref_id DESC, stage DESC LIMIT :n",
	}, {	/* met */
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id <> 0 AND (client_id, ref_id, stage) > (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id, ref_id, stage LIMIT :n",
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id <> 0 AND (client_id, ref_id, stage) < (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id DESC, ref_id DESC, stage DESC LIMIT :n",
	}, {	/* recorded as not done */
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id = 0 AND kind = 0 AND stage = 1 AND (client_id, ref_id, stage) > (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id, ref_id, stage LIMIT :n",
		"SELECT " ITEM_COLS " FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND done_id = 0 AND kind = 0 AND stage = 1 AND (client_id, ref_id, stage) < (:c, :r, :s)" CERT_FILTER
		" ORDER BY client_id DESC, ref_id DESC, stage DESC LIMIT :n",
	},
};
_Static_assert(DUE_MONITORING == 0 && DUE_MON_NOT_DONE == 1, "the page statements' constants");

long store_due_cache_page(db *d, const store_due_page *pg, store_due_item_fn fn, void *ctx,
			  tsu_err *e)
{
	db_stmt *st = db_prepare(d, sql_page[pg->set][pg->backward]);
	long k = 0;
	int rc;

	db_bind_date(st, ":on", pg->on);
	db_bind_int(st, ":kind", (int)pg->kind);
	if (pg->has_key) {
		db_bind_int64(st, ":c", pg->client_id);
		db_bind_int64(st, ":r", pg->ref_id);
		db_bind_int(st, ":s", pg->stage);
	} else {
		db_bind_int64(st, ":c", pg->backward ? INT64_MAX : INT64_MIN);
		db_bind_int64(st, ":r", 0);
		db_bind_int(st, ":s", 0);
	}
	db_bind_int64(st, ":n", (int64_t)pg->n);
	db_bind_int(st, ":cert", pg->cert);
	while ((rc = db_step(st)) == DB_ROW) {
		due_item it = { 0 };

		it.on = pg->on;
		it.kind = pg->kind;
		it.client_id = db_col_int64(st, 0);
		it.ref_id = db_col_int64(st, 1);
		it.stage = db_col_int(st, 2);
		it.month = db_col_month(st, 3);
		it.deadline = db_col_date(st, 4);
		it.done_id = db_col_int64(st, 5);
		it.text = text_or_null(st, 6);
		it.text2 = text_or_null(st, 7);
		fn(ctx, &it);
		k++;
	}
	db_reset(st);
	if (rc < 0) {
		db_error(d, e, _("reading the due list"));
		return -1;
	}
	return k;
}

int64_t store_due_cache_count_certs(db *d, date_t on, bool sl, bool open, tsu_err *e)
{
	db_stmt *st = db_prepare(d,
		"SELECT count(*) FROM due_cache WHERE due_on = :on AND kind = :kind"
		" AND (done_id = 0) = :open AND (coalesce(text, '') = 'support_level') = :sl");
	int64_t n = -1;

	db_bind_date(st, ":on", on);
	db_bind_int(st, ":kind", DUE_CERTIFICATE);
	db_bind_int(st, ":open", open);
	db_bind_int(st, ":sl", sl);
	if (db_step(st) == DB_ROW)
		n = db_col_int64(st, 0);
	else
		db_error(d, e, _("reading the due list"));
	db_reset(st);
	return n;
}
