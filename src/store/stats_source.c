/*
 * stats_source.c - reads what the caseload health figures need
 * (stats.h): every client, the plans and monitorings of the twelve
 * months, the notes recorded in them, the unwritten events and the GAS
 * scores of the current plans' goals.
 *
 * "Unwritten" is decided here: a monitoring done with nothing written
 * in it (no overall situation or remarks, no row with any text or GAS
 * score) or a meeting held with no agenda, agreement or remarks, and
 * in either case no progress note of the client dated that day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "tsunagi/i18n.h"
#include "tsunagi/stats.h"
#include "tsunagi/store.h"
#include "tsunagi/xalloc.h"
#include "tsunagi/store_cycle.h"

typedef struct sloader {
	db *db;
	date_t from, to, cutoff;
	vec clients, plans, intervals, owners, mons, skips, notes, events, gas, strings;
} sloader;

static const char *keep(sloader *L, db_stmt *st, int col)
{
	return vec_keep(&L->strings, st, col);
}

static int done(sloader *L, db_stmt *st, int rc, const char *what, tsu_err *e)
{
	return load_finish(L->db, st, rc, what, e);
}

static void bind_window(sloader *L, db_stmt *st)
{
	db_bind_date(st, ":from", L->from);
	db_bind_date(st, ":to", L->to);
}

static int kind_index(const char *k)
{
	for (int i = 0; store_case_kinds[i]; i++)
		if (strcmp(store_case_kinds[i], k) == 0)
			return i;
	return -1;
}

/* A client starts on the earlier of its first intake and its first
 * plan's period; lacking both, on the day its record was made. */
static int load_clients(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT c.id, c.case_kind, c.support_level, c.status, c.closed_on,"
		" min(coalesce(i.first, p.first, substr(c.created_at, 1, 10)),"
		"     coalesce(p.first, i.first, substr(c.created_at, 1, 10)))"
		" FROM client c"
		" LEFT JOIN (SELECT client_id, min(intake_on) AS first FROM intake GROUP BY client_id) i"
		"   ON i.client_id = c.id"
		" LEFT JOIN (SELECT client_id, min(period_from) AS first FROM plan GROUP BY client_id) p"
		"   ON p.client_id = c.id"
		" ORDER BY c.id");
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		stats_client *c = vec_push(&L->clients);

		c->id = db_col_int64(st, 0);
		c->kind = kind_index(db_col_text(st, 1));
		c->level = db_col_null(st, 2) ? -1 : db_col_int(st, 2);
		c->closed = strcmp(db_col_text(st, 3), "closed") == 0;
		c->closed_on = c->closed ? db_col_date(st, 4) : DATE_NONE;
		c->start_on = db_col_date(st, 5);
	}
	return done(L, st, rc, _("reading the clients"), e);
}

static int load_plans(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, " LOAD_PLAN_SCHEDULE_COLS("")
		" FROM plan WHERE period_to >= :from AND period_from <= :to"
		" ORDER BY client_id, id");
	int rc;

	bind_window(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		due_plan *p = vec_push(&L->plans);

		p->id = db_col_int64(st, 0);
		p->client_id = db_col_int64(st, 1);
		load_plan_schedule(st, 2, p);
	}
	return done(L, st, rc, _("reading the plans"), e);
}

/* The interval history of the plans loaded (plan id order), then each
 * plan pointed at its run of rows. */
static int load_intervals(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT " LOAD_INTERVAL_COLS("i.") " FROM plan_interval i"
		" JOIN plan p ON p.id = i.plan_id"
		" WHERE p.period_to >= :from AND p.period_from <= :to"
		" ORDER BY i.plan_id, i.from_month");
	int rc;

	bind_window(L, st);
	while ((rc = db_step(st)) == DB_ROW)
		load_interval(st, 0, &L->owners, &L->intervals);
	if ((rc = done(L, st, rc, _("reading the monitoring intervals"), e)) != TSU_OK)
		return rc;
	load_link_intervals(L->plans.v, L->plans.n, sizeof(due_plan), 0, &L->owners, &L->intervals);
	return TSU_OK;
}

static int load_monitorings(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, done_on FROM monitoring"
		" WHERE done_on BETWEEN :from AND :to ORDER BY client_id, done_on");
	int rc;

	bind_window(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		due_monitoring *m = vec_push(&L->mons);

		m->id = db_col_int64(st, 0);
		m->client_id = db_col_int64(st, 1);
		m->done_on = db_col_date(st, 2);
		m->scheduled_on = DATE_NONE;
	}
	return done(L, st, rc, _("reading the monitorings"), e);
}

static int load_skips(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT id, client_id, month, reason FROM monitoring_skip"
		" WHERE month BETWEEN :from AND :to ORDER BY client_id, month");
	int rc;

	db_bind_month(st, ":from", date_month(L->from));
	db_bind_month(st, ":to", date_month(L->to));
	while ((rc = db_step(st)) == DB_ROW) {
		due_skip *k = vec_push(&L->skips);

		k->id = db_col_int64(st, 0);
		k->client_id = db_col_int64(st, 1);
		k->month = db_col_month(st, 2);
		k->reason = keep(L, st, 3);
	}
	return done(L, st, rc, _("reading the months not done"), e);
}

static int load_notes(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT noted_on, written_on FROM note WHERE noted_on BETWEEN :from AND :to");
	int rc;

	bind_window(L, st);
	while ((rc = db_step(st)) == DB_ROW) {
		stats_note *n = vec_push(&L->notes);

		n->noted_on = db_col_date(st, 0);
		n->written_on = db_col_date(st, 1);
	}
	return done(L, st, rc, _("reading the progress notes"), e);
}

static int load_unwritten(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT m.id, m.client_id, 0, m.done_on, c.name, c.kana"
		" FROM monitoring m JOIN client c ON c.id = m.client_id"
		" WHERE m.done_on <= :cut AND c.status = 'active'"
		" AND NOT " STORE_MONITORING_REPORTED("m")
		" AND NOT EXISTS (SELECT 1 FROM note n WHERE n.client_id = m.client_id"
		"      AND n.noted_on = m.done_on)"
		" UNION ALL"
		" SELECT g.id, g.client_id, 1, g.held_on, c.name, c.kana"
		" FROM meeting g JOIN client c ON c.id = g.client_id"
		" WHERE g.held_on <= :cut AND c.status = 'active'"
		" AND g.agenda = '' AND g.agreed = '' AND g.remarks = ''"
		" AND NOT EXISTS (SELECT 1 FROM note n WHERE n.client_id = g.client_id"
		"      AND n.noted_on = g.held_on)");
	int rc;

	db_bind_date(st, ":cut", L->cutoff);
	while ((rc = db_step(st)) == DB_ROW) {
		stats_event *ev = vec_push(&L->events);

		ev->id = db_col_int64(st, 0);
		ev->client_id = db_col_int64(st, 1);
		ev->kind = db_col_int(st, 2) ? STATS_EV_MEETING : STATS_EV_MONITORING;
		ev->on = db_col_date(st, 3);
		ev->name = keep(L, st, 4);
		ev->kana = keep(L, st, 5);
	}
	return done(L, st, rc, _("reading the monitorings and meetings"), e);
}

/* Every GAS score of the active clients up to the cut-off day. */
static int load_gas(sloader *L, tsu_err *e)
{
	db_stmt *st = db_prepare(L->db,
		"SELECT m.client_id, m.id, r.plan_row_id, m.done_on, r.gas"
		" FROM monitoring_row r JOIN monitoring m ON m.id = r.monitoring_id"
		" JOIN client c ON c.id = m.client_id"
		" WHERE r.gas IS NOT NULL AND r.plan_row_id IS NOT NULL"
		" AND m.done_on <= :cut AND c.status = 'active'"
		" ORDER BY m.client_id, m.done_on, m.id, r.plan_row_id");
	int rc;

	db_bind_date(st, ":cut", L->cutoff);
	while ((rc = db_step(st)) == DB_ROW) {
		stats_gas *g = vec_push(&L->gas);

		g->client_id = db_col_int64(st, 0);
		g->monitoring_id = db_col_int64(st, 1);
		g->row_id = db_col_int64(st, 2);
		g->on = db_col_date(st, 3);
		g->gas = db_col_int(st, 4);
	}
	return done(L, st, rc, _("reading the GAS scores"), e);
}

static void publish(sloader *L, stats_source *out)
{
	out->clients = L->clients.v;
	out->plans = L->plans.v;
	out->intervals = L->intervals.v;
	out->monitorings = L->mons.v;
	out->skips = L->skips.v;
	out->notes = L->notes.v;
	out->unwritten = L->events.v;
	out->gas = L->gas.v;
	out->strings = L->strings.v;
	out->nstrings = L->strings.n;
	out->in = (stats_input){
		out->clients, L->clients.n, out->plans, L->plans.n,
		out->monitorings, L->mons.n, out->skips, L->skips.n,
		out->notes, L->notes.n, out->unwritten, L->events.n, out->gas, L->gas.n,
	};
}

int stats_source_load(db *d, month_t month, date_t today, stats_source *out, tsu_err *e)
{
	sloader L = { .db = d };
	int rc;

	memset(out, 0, sizeof *out);
	L.from = month_first_day(month - (STATS_MONTHS - 1));
	L.to = month_last_day(month);
	L.cutoff = today < L.to ? today : L.to;
	L.clients.size = sizeof(stats_client);
	L.plans.size = sizeof(due_plan);
	L.intervals.size = sizeof(due_interval);
	L.owners.size = sizeof(int64_t);
	L.mons.size = sizeof(due_monitoring);
	L.skips.size = sizeof(due_skip);
	L.notes.size = sizeof(stats_note);
	L.events.size = sizeof(stats_event);
	L.gas.size = sizeof(stats_gas);
	L.strings.size = sizeof(char *);
	db_read_begin(d);
	if ((rc = load_clients(&L, e)) == TSU_OK && (rc = load_plans(&L, e)) == TSU_OK &&
	    (rc = load_intervals(&L, e)) == TSU_OK && (rc = load_monitorings(&L, e)) == TSU_OK &&
	    (rc = load_skips(&L, e)) == TSU_OK && (rc = load_notes(&L, e)) == TSU_OK &&
	    (rc = load_unwritten(&L, e)) == TSU_OK)
		rc = load_gas(&L, e);
	db_read_end(d);
	free(L.owners.v);
	publish(&L, out);
	if (rc != TSU_OK)
		stats_source_free(out);
	return rc;
}

void stats_source_free(stats_source *s)
{
	for (size_t i = 0; i < s->nstrings; i++)
		free(s->strings[i]);
	free(s->strings);
	free(s->clients);
	free(s->plans);
	free(s->intervals);
	free(s->monitorings);
	free(s->skips);
	free(s->notes);
	free(s->unwritten);
	free(s->gas);
	memset(s, 0, sizeof *s);
}

int stats_get(db *d, month_t month, date_t today, int delay_days, int workers,
	      stats *out, tsu_err *e)
{
	stats_source src;
	int rc = stats_source_load(d, month, today, &src, e);

	if (rc != TSU_OK)
		return rc;
	stats_compute(&src.in, month, today, delay_days, workers, out);
	stats_source_free(&src);
	return TSU_OK;
}
