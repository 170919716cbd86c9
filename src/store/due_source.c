/*
 * due_source.c - reads what the due engine needs for a date window: one
 * query per kind of record, each bounded by the window through an index,
 * each joined to its client so closed clients never load.  Records that
 * the database already shows as met (renewed certificates and consents,
 * withdrawn consents, done action items and next steps, drafts under a final plan) are
 * left out here, in SQL, so they are never even read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "tsunagi/due_source.h"
#include "tsunagi/i18n.h"
#include "tsunagi/xalloc.h"

typedef struct loader {
	db *db;
	due_source *src;
	vec clients, plans, intervals, iv_plan, rows, mons, certs, consents, actions, skips,
	    decisions, nexts, strings;
	date_t from, to;
} loader;

static const char *keep(loader *L, db_stmt *st, int col)
{
	return vec_keep(&L->strings, st, col);
}

/* Every query ends its columns with the client's id, case kind and
 * birth date, starting at column `at`. */
static void add_client(loader *L, db_stmt *st, int at)
{
	due_client *c = vec_push(&L->clients);

	c->id = db_col_int64(st, at);
	c->child = strcmp(db_col_text(st, at + 1), "child") == 0;
	c->birth_on = db_col_date(st, at + 2);
	c->closed = false;    /* the queries read active clients only */
}

static int finish(loader *L, db_stmt *st, int rc, const char *what, tsu_err *e)
{
	return load_finish(L->db, st, rc, what, e);
}

#define CLIENT_COLS " c.id, c.case_kind, c.birth_on"

/* The certificate's monitoring range on a plan: 0 when not entered. */
static month_t range_month(db_stmt *st, int col)
{
	month_t m = db_col_month(st, col);
	return m > 0 ? m : 0;
}

static int load_plans(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT p.id, " LOAD_PLAN_SCHEDULE_COLS("p.") ","
		CLIENT_COLS ", p.monitoring_range_from,"
		" p.monitoring_range_to"
		" FROM plan p JOIN client c ON c.id = p.client_id"
		" WHERE p.stage <> 'superseded' AND p.period_to >= :from"
		" AND p.period_from <= :to AND c.status = 'active'"
		" AND (p.stage = 'final' OR NOT EXISTS (SELECT 1 FROM plan f"
		"      WHERE f.client_id = p.client_id AND f.stage = 'final'))");
	int rc;

	/* A monitoring month's item sits on its last day unless a visit is
	 * scheduled, even past the end of the period in that month: a plan
	 * counts for the window's whole months. */
	db_bind_date(st, ":from", month_first_day(date_month(L->from)));
	db_bind_date(st, ":to", month_last_day(date_month(L->to)));
	while ((rc = db_step(st)) == DB_ROW) {
		due_plan *p = vec_push(&L->plans);

		p->id = db_col_int64(st, 0);
		load_plan_schedule(st, 1, p);
		p->client_id = db_col_int64(st, 6);
		add_client(L, st, 6);
		p->range_from = range_month(st, 9);
		p->range_to = range_month(st, 10);
	}
	return finish(L, st, rc, _("reading the plans"), e);
}

static int cmp_plan_id(const void *a, const void *b)
{
	int64_t x = ((const due_plan *)a)->id, y = ((const due_plan *)b)->id;
	return (x > y) - (x < y);
}

/* Interval history: only plans whose interval was ever changed have more
 * than one row; the others keep using plan.monitoring_months. */
static int load_intervals(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT " LOAD_INTERVAL_COLS("") " FROM plan_interval"
		" WHERE plan_id IN (SELECT plan_id FROM plan_interval"
		"                   GROUP BY plan_id HAVING count(*) > 1)"
		" ORDER BY plan_id, from_month");
	due_plan *plans = L->plans.v;
	int rc;

	if (L->plans.n == 0)
		return TSU_OK;
	qsort(plans, L->plans.n, sizeof *plans, cmp_plan_id);
	while ((rc = db_step(st)) == DB_ROW) {
		due_plan key = { .id = db_col_int64(st, 0) };

		if (bsearch(&key, plans, L->plans.n, sizeof *plans, cmp_plan_id))
			load_interval(st, 0, &L->iv_plan, &L->intervals);
	}
	return finish(L, st, rc, _("reading the monitoring intervals"), e);
}

static int load_rows(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT r.id, r.plan_id, r.priority, r.review_on, r.need"
		" FROM plan_row r WHERE r.review_on BETWEEN :from AND :to");
	int rc;

	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
	while ((rc = db_step(st)) == DB_ROW) {
		due_plan_row *r = vec_push(&L->rows);

		r->id = db_col_int64(st, 0);
		r->plan_id = db_col_int64(st, 1);
		r->priority = db_col_int(st, 2);
		r->review_on = db_col_date(st, 3);
		r->need = keep(L, st, 4);
	}
	return finish(L, st, rc, _("reading the plans' review dates"), e);
}

/* Records and visits scheduled in the window's whole months: a month is
 * met by any record in it.  The first half reads only columns an index
 * on (done_on, client_id) would cover. */
static int load_monitorings(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, done_on, NULL FROM monitoring"
		" WHERE done_on BETWEEN :from AND :to"
		" UNION ALL"
		" SELECT id, client_id, done_on, scheduled_on FROM monitoring"
		" WHERE done_on IS NULL AND scheduled_on BETWEEN :from AND :to");
	int rc;

	db_bind_date(st, ":from", month_first_day(date_month(L->from)));
	db_bind_date(st, ":to", month_last_day(date_month(L->to)));
	while ((rc = db_step(st)) == DB_ROW) {
		due_monitoring *m = vec_push(&L->mons);

		m->id = db_col_int64(st, 0);
		m->client_id = db_col_int64(st, 1);
		m->done_on = db_col_date(st, 2);
		m->scheduled_on = db_col_date(st, 3);
	}
	return finish(L, st, rc, _("reading the monitorings"), e);
}

/* Months recorded as not done, in the window's whole months. */
static int load_skips(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, month, reason, detail FROM monitoring_skip"
		" WHERE month BETWEEN :from AND :to");
	char a[16], b[16];
	int y, m, rc;

	month_to_ym(date_month(L->from), &y, &m);
	snprintf(a, sizeof a, "%04d-%02d", y, m);
	month_to_ym(date_month(L->to), &y, &m);
	snprintf(b, sizeof b, "%04d-%02d", y, m);
	db_bind_text(st, ":from", a);
	db_bind_text(st, ":to", b);
	while ((rc = db_step(st)) == DB_ROW) {
		due_skip *k = vec_push(&L->skips);

		k->id = db_col_int64(st, 0);
		k->client_id = db_col_int64(st, 1);
		k->month = db_col_month(st, 2);
		k->reason = keep(L, st, 3);
		k->detail = keep(L, st, 4);
	}
	return finish(L, st, rc, _("reading the months not done"), e);
}

/* The decision periods of plans that start in the window (a mismatch
 * is dated the plan's first day). */
/* A certificate from its id, kind, valid_from, valid_to and client id. */
static void read_certificate(loader *L, db_stmt *st, due_certificate *c)
{
	c->id = db_col_int64(st, 0);
	c->kind = keep(L, st, 1);
	c->valid_from = db_col_date(st, 2);
	c->valid_to = db_col_date(st, 3);
	c->client_id = db_col_int64(st, 4);
}

static int load_decisions(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT DISTINCT ce.id, ce.kind, ce.valid_from, ce.valid_to, ce.client_id"
		" FROM plan p JOIN certificate ce ON ce.client_id = p.client_id"
		" WHERE p.stage <> 'superseded' AND p.period_from BETWEEN :from AND :to"
		" AND ce.kind IN ('service', 'day_service')"
		" AND ce.valid_from <= p.period_to AND ce.valid_to >= p.period_from");
	int rc;

	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
	while ((rc = db_step(st)) == DB_ROW) {
		read_certificate(L, st, vec_push(&L->decisions));
	}
	return finish(L, st, rc, _("reading the certificates"), e);
}

static int load_certificates(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT ce.id, ce.kind, ce.valid_from, ce.valid_to," CLIENT_COLS
		" FROM certificate ce JOIN client c ON c.id = ce.client_id"
		" WHERE ce.valid_to BETWEEN :from AND :to AND c.status = 'active'"
		" AND NOT EXISTS (SELECT 1 FROM certificate n WHERE n.client_id = ce.client_id"
		"      AND n.kind = ce.kind AND n.valid_to > ce.valid_to)");
	int rc;

	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
	while ((rc = db_step(st)) == DB_ROW) {
		read_certificate(L, st, vec_push(&L->certs));
		add_client(L, st, 4);
	}
	return finish(L, st, rc, _("reading the certificates"), e);
}

static int load_consents(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT co.id, co.shared_with, co.purpose, co.valid_to," CLIENT_COLS
		" FROM consent co JOIN client c ON c.id = co.client_id"
		" WHERE co.valid_to BETWEEN :from AND :to AND co.withdrawn_on IS NULL"
		" AND c.status = 'active'"
		" AND NOT EXISTS (SELECT 1 FROM consent n WHERE n.client_id = co.client_id"
		"      AND n.shared_with = co.shared_with AND n.valid_to > co.valid_to)");
	int rc;

	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
	while ((rc = db_step(st)) == DB_ROW) {
		due_consent *c = vec_push(&L->consents);

		c->id = db_col_int64(st, 0);
		c->shared_with = keep(L, st, 1);
		c->purpose = keep(L, st, 2);
		c->valid_to = db_col_date(st, 3);
		c->withdrawn_on = DATE_NONE;
		c->client_id = db_col_int64(st, 4);
		add_client(L, st, 4);
	}
	return finish(L, st, rc, _("reading the consents"), e);
}

/* Rows of (id, text, due date, client ...) not done in the window: a
 * meeting's action items and a note's next steps take the same shape. */
static int load_dated(loader *L, const char *sql, vec *v, const char *what, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db, sql);
	int rc;

	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
	while ((rc = db_step(st)) == DB_ROW) {
		due_action *a = vec_push(v);

		a->id = db_col_int64(st, 0);
		a->what = keep(L, st, 1);
		a->due_on = db_col_date(st, 2);
		a->done_on = DATE_NONE;
		a->client_id = db_col_int64(st, 3);
		add_client(L, st, 3);
	}
	return finish(L, st, rc, what, e);
}

static int load_actions(loader *L, tsu_err *e)
{
	return load_dated(L,
		"SELECT a.id, a.what, a.due_on," CLIENT_COLS
		" FROM action_item a JOIN meeting m ON m.id = a.meeting_id"
		" JOIN client c ON c.id = m.client_id"
		" WHERE a.done_on IS NULL AND a.due_on BETWEEN :from AND :to"
		" AND c.status = 'active'",
		&L->actions, _("reading the meetings' action items"), e);
}

/* Notes' next steps not yet done (the partial index note_next_open). */
static int load_nexts(loader *L, tsu_err *e)
{
	return load_dated(L,
		"SELECT n.id, n.next_step, n.next_on," CLIENT_COLS
		" FROM note n JOIN client c ON c.id = n.client_id"
		" WHERE n.next_on IS NOT NULL AND n.next_done_on IS NULL"
		" AND n.next_on BETWEEN :from AND :to AND c.status = 'active'",
		&L->nexts, _("reading the notes' next steps"), e);
}

/* Children who turn 18 in the window (a day of slack for February 29). */
static int load_children(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT" CLIENT_COLS " FROM client c"
		" WHERE c.case_kind = 'child' AND c.status = 'active'"
		" AND c.birth_on BETWEEN :lo AND :hi");
	int rc;

	db_bind_date(st, ":lo", date_add_years(L->from, -18) - 1);
	db_bind_date(st, ":hi", date_add_years(L->to, -18) + 1);
	while ((rc = db_step(st)) == DB_ROW)
		add_client(L, st, 0);
	return finish(L, st, rc, _("reading the clients"), e);
}

static int cmp_client(const void *a, const void *b)
{
	int64_t x = ((const due_client *)a)->id, y = ((const due_client *)b)->id;
	return (x > y) - (x < y);
}

/* Sort and drop the duplicate client entries. */
static void unique_clients(loader *L)
{
	due_client *c = L->clients.v;
	size_t n = 0;

	if (L->clients.n == 0)
		return;
	qsort(c, L->clients.n, sizeof *c, cmp_client);
	for (size_t i = 0; i < L->clients.n; i++)
		if (n == 0 || c[n - 1].id != c[i].id)
			c[n++] = c[i];
	L->clients.n = n;
}

static void loader_init(loader *L, due_source *out)
{
	memset(out, 0, sizeof *out);
	L->clients.size = sizeof(due_client);
	L->plans.size = sizeof(due_plan);
	L->intervals.size = sizeof(due_interval);
	L->iv_plan.size = sizeof(int64_t);
	L->rows.size = sizeof(due_plan_row);
	L->mons.size = sizeof(due_monitoring);
	L->certs.size = sizeof(due_certificate);
	L->consents.size = sizeof(due_consent);
	L->actions.size = sizeof(due_action);
	L->skips.size = sizeof(due_skip);
	L->decisions.size = sizeof(due_certificate);
	L->nexts.size = sizeof(due_action);
	L->strings.size = sizeof(char *);
}

/* Hand the loaded arrays to out and point its due_input at them. */
static void publish(loader *L, due_source *out)
{
	out->clients = L->clients.v;
	out->plans = L->plans.v;
	out->intervals = L->intervals.v;
	out->rows = L->rows.v;
	out->monitorings = L->mons.v;
	out->certificates = L->certs.v;
	out->consents = L->consents.v;
	out->actions = L->actions.v;
	out->skips = L->skips.v;
	out->decisions = L->decisions.v;
	out->nexts = L->nexts.v;
	out->strings = L->strings.v;
	out->nstrings = L->strings.n;
	out->in = (due_input){
		out->clients, L->clients.n, out->plans, L->plans.n, out->rows, L->rows.n,
		out->monitorings, L->mons.n, out->certificates, L->certs.n,
		out->consents, L->consents.n, out->actions, L->actions.n,
		out->skips, L->skips.n, out->decisions, L->decisions.n,
		out->nexts, L->nexts.n,
	};
}

static bool want(unsigned kinds, enum due_kind k)
{
	return kinds == 0 || (kinds & (1u << k));
}

int due_source_load(db *d, date_t from, date_t to, unsigned kinds,
		    due_source *out, tsu_err *e)
{
	loader L = { .db = d, .src = out, .from = from, .to = to };
	int rc = TSU_OK;

	loader_init(&L, out);

	if (want(kinds, DUE_MONITORING) || want(kinds, DUE_PLAN) || want(kinds, DUE_MISMATCH)) {
		if ((rc = load_plans(&L, e)) != TSU_OK || (rc = load_monitorings(&L, e)) != TSU_OK)
			goto done;
	}
	if ((want(kinds, DUE_MONITORING) || want(kinds, DUE_MISMATCH)) &&
	    (rc = load_intervals(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_MONITORING) && (rc = load_skips(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_MISMATCH) && (rc = load_decisions(&L, e)) != TSU_OK)
		goto done;
	load_link_intervals(L.plans.v, L.plans.n, sizeof(due_plan), 0, &L.iv_plan, &L.intervals);
	if (want(kinds, DUE_PLAN) && (rc = load_rows(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_CERTIFICATE) && (rc = load_certificates(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_CONSENT) && (rc = load_consents(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_ACTION) && (rc = load_actions(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_NEXT) && (rc = load_nexts(&L, e)) != TSU_OK)
		goto done;
	if (want(kinds, DUE_TRANSITION) && (rc = load_children(&L, e)) != TSU_OK)
		goto done;
done:
	free(L.iv_plan.v);
	unique_clients(&L);
	publish(&L, out);
	if (rc != TSU_OK)
		due_source_free(out);
	return rc;
}

/* ---- one client, all of time (for the cache in src/report/due_items.c) ---- */

static int client_records(loader *L, int64_t id, tsu_err *e)
{
	static const char *const sql[] = {
		"SELECT id, case_kind, birth_on, status FROM client WHERE id = :c",
		"SELECT id, " LOAD_PLAN_SCHEDULE_COLS("") ","
		" monitoring_range_from, monitoring_range_to"
		" FROM plan WHERE client_id = :c AND stage <> 'superseded' ORDER BY id",
		"SELECT " LOAD_INTERVAL_COLS("i.") " FROM plan_interval i"
		" JOIN plan p ON p.id = i.plan_id WHERE p.client_id = :c"
		" AND p.stage <> 'superseded' ORDER BY i.plan_id, i.from_month",
		"SELECT r.id, r.plan_id, r.priority, r.review_on, r.need FROM plan_row r"
		" JOIN plan p ON p.id = r.plan_id WHERE p.client_id = :c"
		" AND p.stage <> 'superseded' AND r.review_on IS NOT NULL",
		"SELECT id, done_on, CASE WHEN done_on IS NULL THEN scheduled_on END"
		" FROM monitoring WHERE client_id = :c",
		"SELECT id, kind, valid_from, valid_to FROM certificate WHERE client_id = :c",
		"SELECT id, shared_with, purpose, valid_to, withdrawn_on FROM consent"
		" WHERE client_id = :c",
		"SELECT a.id, a.what, a.due_on, a.done_on FROM action_item a"
		" JOIN meeting m ON m.id = a.meeting_id WHERE m.client_id = :c",
		"SELECT id, month, reason, detail FROM monitoring_skip WHERE client_id = :c",
		"SELECT id, kind, valid_from, valid_to FROM certificate WHERE client_id = :c"
		" AND kind IN ('service', 'day_service')",
		"SELECT id, next_step, next_on, next_done_on FROM note"
		" WHERE client_id = :c AND next_on IS NOT NULL",
	};
	int rc = DB_DONE;

	for (size_t q = 0; q < sizeof sql / sizeof sql[0] && rc >= 0; q++) {
		db_stmt *st = db_prepare(L->db, sql[q]);

		db_bind_int64(st, ":c", id);
		while ((rc = db_step(st)) == DB_ROW) {
			switch (q) {
			case 0: {
				due_client *c = vec_push(&L->clients);
				c->id = db_col_int64(st, 0);
				c->child = strcmp(db_col_text(st, 1), "child") == 0;
				c->birth_on = db_col_date(st, 2);
				c->closed = strcmp(db_col_text(st, 3), "active") != 0;
				break;
			}
			case 1: {
				due_plan *p = vec_push(&L->plans);
				p->id = db_col_int64(st, 0);
				p->client_id = id;
				load_plan_schedule(st, 1, p);
				p->range_from = range_month(st, 6);
				p->range_to = range_month(st, 7);
				break;
			}
			case 2:
				load_interval(st, 0, &L->iv_plan, &L->intervals);
				break;
			case 3: {
				due_plan_row *r = vec_push(&L->rows);
				r->id = db_col_int64(st, 0);
				r->plan_id = db_col_int64(st, 1);
				r->priority = db_col_int(st, 2);
				r->review_on = db_col_date(st, 3);
				r->need = keep(L, st, 4);
				break;
			}
			case 4: {
				due_monitoring *m = vec_push(&L->mons);
				m->id = db_col_int64(st, 0);
				m->client_id = id;
				m->done_on = db_col_date(st, 1);
				m->scheduled_on = db_col_date(st, 2);
				break;
			}
			case 5: {
				due_certificate *c = vec_push(&L->certs);
				c->id = db_col_int64(st, 0);
				c->client_id = id;
				c->kind = keep(L, st, 1);
				c->valid_from = db_col_date(st, 2);
				c->valid_to = db_col_date(st, 3);
				break;
			}
			case 6: {
				due_consent *c = vec_push(&L->consents);
				c->id = db_col_int64(st, 0);
				c->client_id = id;
				c->shared_with = keep(L, st, 1);
				c->purpose = keep(L, st, 2);
				c->valid_to = db_col_date(st, 3);
				c->withdrawn_on = db_col_date(st, 4);
				break;
			}
			case 7: {
				due_action *a = vec_push(&L->actions);
				a->id = db_col_int64(st, 0);
				a->client_id = id;
				a->what = keep(L, st, 1);
				a->due_on = db_col_date(st, 2);
				a->done_on = db_col_date(st, 3);
				break;
			}
			case 8: {
				due_skip *k = vec_push(&L->skips);
				k->id = db_col_int64(st, 0);
				k->client_id = id;
				k->month = db_col_month(st, 1);
				k->reason = keep(L, st, 2);
				k->detail = keep(L, st, 3);
				break;
			}
			case 9: {
				due_certificate *c = vec_push(&L->decisions);
				c->id = db_col_int64(st, 0);
				c->client_id = id;
				c->kind = keep(L, st, 1);
				c->valid_from = db_col_date(st, 2);
				c->valid_to = db_col_date(st, 3);
				break;
			}
			case 10: {
				due_action *a = vec_push(&L->nexts);
				a->id = db_col_int64(st, 0);
				a->client_id = id;
				a->what = keep(L, st, 1);
				a->due_on = db_col_date(st, 2);
				a->done_on = db_col_date(st, 3);
				break;
			}
			}
		}
		db_reset(st);
	}
	return rc < 0 ? db_error(L->db, e, _("reading a client's records")) : TSU_OK;
}

int due_source_load_client(db *d, int64_t client_id, due_source *out, tsu_err *e)
{
	loader L = { .db = d, .src = out };
	int rc;

	loader_init(&L, out);
	rc = client_records(&L, client_id, e);
	/* Plans and their intervals both came in plan id order.  As in the
	 * window loader, a single setting is no history: the plan's own
	 * monitoring_months rules then. */
	load_link_intervals(L.plans.v, L.plans.n, sizeof(due_plan), 0, &L.iv_plan, &L.intervals);
	for (size_t i = 0; i < L.plans.n; i++) {
		due_plan *p = (due_plan *)L.plans.v + i;
		if (p->nintervals == 1) {
			p->intervals = NULL;
			p->nintervals = 0;
		}
	}
	free(L.iv_plan.v);
	publish(&L, out);
	if (rc != TSU_OK)
		due_source_free(out);
	return rc;
}

void due_source_free(due_source *s)
{
	for (size_t i = 0; i < s->nstrings; i++)
		free(s->strings[i]);
	free(s->strings);
	free(s->clients);
	free(s->plans);
	free(s->intervals);
	free(s->rows);
	free(s->monitorings);
	free(s->certificates);
	free(s->consents);
	free(s->actions);
	free(s->skips);
	free(s->decisions);
	free(s->nexts);
	memset(s, 0, sizeof *s);
}

/* ---- client names for the report ---- */

/* The names' text, copied into blocks freed together. */
struct due_name_block {
	struct due_name_block *next;
	size_t used, cap;
	char text[];
};

static char *names_keep(due_names *out, const char *s)
{
	size_t n = strlen(s) + 1;
	struct due_name_block *b = out->blocks;

	if (!b || b->cap - b->used < n) {
		size_t cap = n > 16384 ? n : 16384;

		b = xmalloc(sizeof *b + cap);
		b->next = out->blocks;
		b->used = 0;
		b->cap = cap;
		out->blocks = b;
	}
	memcpy(b->text + b->used, s, n);
	b->used += n;
	return b->text + b->used - n;
}

static void name_add(due_names *out, int64_t id, const char *name, const char *kana)
{
	out->v[out->n].id = id;
	out->v[out->n].name = names_keep(out, name);
	out->v[out->n++].kana = names_keep(out, kana);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The ids a list names, each once: bit id of a bitmap of max + 1 bits. */
typedef struct id_bits {
	uint64_t *w;
	int64_t max;
} id_bits;

static bool has_bit(const id_bits *b, int64_t id)
{
	return id >= 0 && id <= b->max && (b->w[id >> 6] >> (id & 63) & 1);
}

/* Fill out->v for every id of want (u of them) by one pass over the
 * client table in id order: cheaper than a lookup per id once a list
 * names a good part of the case load. */
static int names_by_scan(db *d, const id_bits *want, size_t u, due_names *out, tsu_err *e)
{
	db_stmt *st = db_prepare(d, "SELECT id, name, kana FROM client INDEXED BY client_names ORDER BY id");
	int64_t next = 0;       /* ids below it are named */
	int rc = DB_DONE;

	while (out->n < u && (rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);

		if (id > want->max)
			break;
		for (; next < id; next++)
			if (has_bit(want, next))
				name_add(out, next, "", "");
		if (has_bit(want, id))
			name_add(out, id, db_col_text(st, 1), db_col_text(st, 2));
		next = id + 1;
	}
	db_reset(st);
	if (out->n < u && rc < 0)
		return db_error(d, e, _("reading the clients' names"));
	for (; out->n < u && next <= want->max; next++)
		if (has_bit(want, next))
			name_add(out, next, "", "");
	return TSU_OK;
}

/* The ids of l's clients, ascending, each once, in *ids (*u of them);
 * with a bitmap when they are many of few (the scan's case), which
 * *bits keeps (w NULL otherwise). */
static void list_ids(db *d, const due_list *l, int64_t **ids, size_t *u, id_bits *bits)
{
	size_t n = 0;

	*ids = xmalloc((l->n ? l->n : 1) * sizeof **ids);
	*u = 0;
	memset(bits, 0, sizeof *bits);
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].client_id)
			(*ids)[n++] = l->items[i].client_id;
	if (n > 256)
		bits->max = db_int64_or(db_prepare(d, "SELECT max(id) FROM client"), 0);
	/* A sheet of 5,404 items names 4,614 of 10,000 clients: marking
	 * bits is cheaper than sorting them (1.5 M instructions). */
	if (n > 256 && bits->max >= 0 && bits->max < (int64_t)(8 * n)) {
		bits->w = xcalloc((size_t)(bits->max >> 6) + 1, sizeof *bits->w);
		for (size_t i = 0; i < n; i++) {
			int64_t id = (*ids)[i];

			if (id > 0 && id <= bits->max)
				bits->w[id >> 6] |= (uint64_t)1 << (id & 63);
		}
		/* An id the bitmap cannot hold (above the largest: a client
		 * added since max(id) was read) takes the sorting way. */
		for (size_t i = 0; bits->w && i < n; i++) {
			if ((*ids)[i] <= 0 || (*ids)[i] > bits->max) {
				free(bits->w);
				bits->w = NULL;
			}
		}
		if (bits->w) {
			for (int64_t k = 0; k <= bits->max >> 6; k++)
				for (uint64_t w = bits->w[k]; w; w &= w - 1)
					(*ids)[(*u)++] = (k << 6) + __builtin_ctzll(w);
			return;
		}
	}
	if (n > 1)
		qsort(*ids, n, sizeof **ids, cmp_i64);
	for (size_t i = 0; i < n; i++)
		if (*u == 0 || (*ids)[*u - 1] != (*ids)[i])
			(*ids)[(*u)++] = (*ids)[i];
}

int due_names_load(db *d, const due_list *l, due_names *out, tsu_err *e)
{
	db_stmt *st = db_prepare(d, "SELECT name, kana FROM client INDEXED BY client_names WHERE id = :id");
	int64_t *ids;
	size_t u;
	id_bits bits;
	int rc = TSU_OK;

	memset(out, 0, sizeof *out);
	list_ids(d, l, &ids, &u, &bits);
	out->v = xcalloc(u ? u : 1, sizeof *out->v);
	/* A lookup costs about what reading five rows in order does. */
	if (bits.w && u > 256 && (int64_t)u * 5 > bits.max) {
		rc = names_by_scan(d, &bits, u, out, e);
		free(bits.w);
		free(ids);
		if (rc != TSU_OK)
			due_names_free(out);
		return rc;
	}
	free(bits.w);
	db_read_begin(d);
	for (size_t i = 0; i < u; i++) {
		int step;

		db_bind_int64(st, ":id", ids[i]);
		step = db_step(st);
		if (step < 0) {
			db_reset(st);
			rc = db_error(d, e, _("reading the clients' names"));
			break;
		}
		if (step == DB_ROW)
			name_add(out, ids[i], db_col_text(st, 0), db_col_text(st, 1));
		else
			name_add(out, ids[i], "", "");
		db_reset(st);
	}
	db_read_end(d);
	free(ids);
	if (rc != TSU_OK)
		due_names_free(out);
	return rc;
}

const due_name *due_names_find(const due_names *names, int64_t id)
{
	size_t lo = 0, hi = names->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (names->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < names->n && names->v[lo].id == id ? &names->v[lo] : NULL;
}

void due_names_free(due_names *names)
{
	while (names->blocks) {
		struct due_name_block *b = names->blocks;

		names->blocks = b->next;
		free(b);
	}
	free(names->v);
	memset(names, 0, sizeof *names);
}
