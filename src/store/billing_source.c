/*
 * billing_source.c - one month's records for the billing worksheet
 * (billing_source.h).  Each query is bounded by the month through the
 * indexes the schema has (monitoring_by_done, meeting_by_day,
 * note_by_client, monitoring_skip_by_month); the plans are those of the
 * clients concerned only.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "tsunagi/billing_source.h"
#include "tsunagi/i18n.h"
#include "tsunagi/xalloc.h"
#include "tsunagi/store_cycle.h"

typedef struct loader {
	db *db;
	month_t month;
	vec clients, plans, ivs, iv_plan, mons, meetings, notes, skips, strings;
} loader;

static const char *keep(loader *L, db_stmt *st, int col)
{
	return vec_keep(&L->strings, st, col);
}

static void bind_month(loader *L, db_stmt *st)
{
	db_bind_date(st, ":a", month_first_day(L->month));
	db_bind_date(st, ":z", month_last_day(L->month));
}

static int finish(loader *L, db_stmt *st, int rc, const char *what, tsu_err *e)
{
	return load_finish(L->db, st, rc, what, e);
}

/* The clients with anything in the month. */
#define CONCERNED \
	"(SELECT client_id FROM plan WHERE consented_on BETWEEN :a AND :z" \
	" UNION SELECT client_id FROM plan WHERE written_on BETWEEN :a AND :z" \
	" UNION SELECT client_id FROM monitoring WHERE done_on BETWEEN :a AND :z" \
	" UNION SELECT client_id FROM meeting WHERE held_on BETWEEN :a AND :z" \
	" UNION SELECT client_id FROM note WHERE noted_on BETWEEN :a AND :z" \
	" UNION SELECT client_id FROM monitoring_skip WHERE month = substr(:a, 1, 7))"

static int load_clients(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, name, kana, recipient_no, case_kind FROM client WHERE id IN " CONCERNED
		" ORDER BY id");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		bill_client *c = vec_push(&L->clients);
		c->id = db_col_int64(st, 0);
		c->name = keep(L, st, 1);
		c->kana = keep(L, st, 2);
		c->recipient_no = keep(L, st, 3);
		c->child = strcmp(db_col_text(st, 4), "child") == 0;
	}
	return finish(L, st, rc, _("reading the month's clients"), e);
}

static int load_plans(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, written_on, consented_on, " LOAD_PLAN_SCHEDULE_COLS("")
		" FROM plan WHERE client_id IN " CONCERNED
		" ORDER BY id");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		bill_plan *p = vec_push(&L->plans);

		p->id = p->sched.id = db_col_int64(st, 0);
		p->client_id = p->sched.client_id = db_col_int64(st, 1);
		p->written_on = db_col_date(st, 2);
		p->consented_on = db_col_date(st, 3);
		load_plan_schedule(st, 4, &p->sched);
		p->stage = p->sched.stage;
	}
	return finish(L, st, rc, _("reading the plans"), e);
}

static int load_intervals(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT " LOAD_INTERVAL_COLS("") " FROM plan_interval WHERE plan_id IN"
		" (SELECT id FROM plan WHERE client_id IN " CONCERNED ") ORDER BY plan_id, from_month");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW)
		load_interval(st, 0, &L->iv_plan, &L->ivs);
	return finish(L, st, rc, _("reading the monitoring intervals"), e);
}

static int load_monitorings(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT m.id, m.client_id, coalesce(m.plan_id, 0), m.done_on,"
		" " STORE_MONITORING_REPORTED("m")
		" FROM monitoring m WHERE m.done_on BETWEEN :a AND :z ORDER BY m.id");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		bill_monitoring *m = vec_push(&L->mons);
		m->id = db_col_int64(st, 0);
		m->client_id = db_col_int64(st, 1);
		m->plan_id = db_col_int64(st, 2);
		m->done_on = db_col_date(st, 3);
		m->has_report = db_col_int(st, 4) != 0;
	}
	return finish(L, st, rc, _("reading the monitorings"), e);
}

static int load_meetings(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, held_on FROM meeting WHERE held_on BETWEEN :a AND :z ORDER BY id");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		bill_meeting *m = vec_push(&L->meetings);
		m->id = db_col_int64(st, 0);
		m->client_id = db_col_int64(st, 1);
		m->held_on = db_col_date(st, 2);
	}
	return finish(L, st, rc, _("reading the meetings"), e);
}

static int load_notes(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, noted_on, kind, with_whom,"
		" subjective || ' ' || objective || ' ' || assessment || ' ' || plan || ' ' || fact"
		" || ' ' || interpretation || ' ' || next_step"
		" FROM note WHERE noted_on BETWEEN :a AND :z ORDER BY noted_on, id");
	int rc;

	bind_month(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		bill_note *n = vec_push(&L->notes);
		n->id = db_col_int64(st, 0);
		n->client_id = db_col_int64(st, 1);
		n->noted_on = db_col_date(st, 2);
		n->kind = keep(L, st, 3);
		n->with_whom = keep(L, st, 4);
		n->text = keep(L, st, 5);
	}
	return finish(L, st, rc, _("reading the notes"), e);
}

static int load_skips(loader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, month, reason FROM monitoring_skip"
		" WHERE month = substr(:a, 1, 7) ORDER BY id");
	int rc;

	db_bind_date(st, ":a", month_first_day(L->month));
	while ((rc = db_step(st)) == DB_ROW) {
		bill_skip *s = vec_push(&L->skips);
		s->id = db_col_int64(st, 0);
		s->client_id = db_col_int64(st, 1);
		s->month = db_col_month(st, 2);
		s->reason = keep(L, st, 3);
	}
	return finish(L, st, rc, _("reading the months not done"), e);
}

int bill_source_load(db *d, month_t m, int category, int workers_tenths, bill_source *s, tsu_err *e)
{
	loader L = { .db = d, .month = m };
	int rc;

	L.clients.size = sizeof(bill_client);
	L.plans.size = sizeof(bill_plan);
	L.ivs.size = sizeof(due_interval);
	L.iv_plan.size = sizeof(int64_t);
	L.mons.size = sizeof(bill_monitoring);
	L.meetings.size = sizeof(bill_meeting);
	L.notes.size = sizeof(bill_note);
	L.skips.size = sizeof(bill_skip);
	L.strings.size = sizeof(char *);
	memset(s, 0, sizeof *s);
	db_read_begin(d);
	rc = load_clients(&L, e);
	if (rc == TSU_OK) rc = load_plans(&L, e);
	if (rc == TSU_OK) rc = load_intervals(&L, e);
	if (rc == TSU_OK) rc = load_monitorings(&L, e);
	if (rc == TSU_OK) rc = load_meetings(&L, e);
	if (rc == TSU_OK) rc = load_notes(&L, e);
	if (rc == TSU_OK) rc = load_skips(&L, e);
	db_read_end(d);
	load_link_intervals(L.plans.v, L.plans.n, sizeof(bill_plan), offsetof(bill_plan, sched),
			    &L.iv_plan, &L.ivs);
	free(L.iv_plan.v);
	s->clients = L.clients.v;
	s->plans = L.plans.v;
	s->intervals = L.ivs.v;
	s->mons = L.mons.v;
	s->meetings = L.meetings.v;
	s->notes = L.notes.v;
	s->skips = L.skips.v;
	s->strings = L.strings.v;
	s->nstrings = L.strings.n;
	s->in = (bill_input){ .month = m, .category = category, .workers_tenths = workers_tenths,
		.clients = s->clients, .nclients = L.clients.n, .plans = s->plans, .nplans = L.plans.n,
		.mons = s->mons, .nmons = L.mons.n, .meetings = s->meetings, .nmeetings = L.meetings.n,
		.notes = s->notes, .nnotes = L.notes.n, .skips = s->skips, .nskips = L.skips.n };
	if (rc != TSU_OK)
		bill_source_free(s);
	return rc;
}

void bill_source_free(bill_source *s)
{
	for (size_t i = 0; i < s->nstrings; i++)
		free(s->strings[i]);
	free(s->strings);
	free(s->clients);
	free(s->plans);
	free(s->intervals);
	free(s->mons);
	free(s->meetings);
	free(s->notes);
	free(s->skips);
	memset(s, 0, sizeof *s);
}
