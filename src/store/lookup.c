/*
 * lookup.c - small questions about a client's records (store_lookup.h).
 */
#include <stdlib.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/xalloc.h"

static int64_t id_of_client(db *d, const char *sql, int64_t client_id)
{
	db_stmt *s = db_prepare(d, sql);

	db_bind_int64(s, ":client", client_id);
	return db_int64_or(s, 0);
}

int64_t store_latest_assessment(db *d, int64_t client_id)
{
	return id_of_client(d, "SELECT id FROM assessment WHERE client_id = :client"
			    " ORDER BY assessed_on DESC, id DESC LIMIT 1", client_id);
}

int64_t store_latest_plan(db *d, int64_t client_id)
{
	return id_of_client(d, "SELECT id FROM plan WHERE client_id = :client"
			    " ORDER BY stage = 'superseded', id DESC LIMIT 1", client_id);
}

int64_t store_latest_done_monitoring(db *d, int64_t client_id)
{
	return id_of_client(d, "SELECT id FROM monitoring WHERE client_id = :client AND done_on IS NOT NULL"
			    " ORDER BY done_on DESC, id DESC LIMIT 1", client_id);
}

int64_t store_scheduled_monitoring(db *d, int64_t client_id, date_t on)
{
	db_stmt *s = db_prepare(d,
		"SELECT id FROM monitoring WHERE client_id = :client AND done_on IS NULL"
		" AND scheduled_on = :on ORDER BY id LIMIT 1");

	db_bind_int64(s, ":client", client_id);
	db_bind_date(s, ":on", on);
	return db_int64_or(s, 0);
}

char *store_client_name(db *d, int64_t client_id)
{
	db_stmt *s = db_prepare(d, "SELECT name FROM client INDEXED BY client_names WHERE id = :id");
	char *name;

	db_bind_int64(s, ":id", client_id);
	name = db_step(s) == DB_ROW ? db_col_strdup(s, 0) : NULL;
	db_reset(s);
	return name;
}

int store_due_days_each(db *d, date_t from, date_t to, due_day_fn fn, void *ctx, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "SELECT due_on, kind, open, n FROM due_day"
				   " WHERE due_on BETWEEN :from AND :to AND n > 0");
	int rc = DB_DONE, frc = TSU_OK;

	db_bind_date(s, ":from", from);
	db_bind_date(s, ":to", to);
	while (frc == TSU_OK && (rc = db_step(s)) == DB_ROW) {
		due_day_row r = { db_col_date(s, 0), db_col_int(s, 1), db_col_int(s, 2), db_col_int64(s, 3) };

		if (r.on != DATE_NONE)
			frc = fn(ctx, &r, e);
	}
	db_reset(s);
	if (frc != TSU_OK)
		return frc;
	return rc < 0 ? db_error(d, e, _("reading the due list")) : TSU_OK;
}

size_t store_plan_intervals(db *d, int64_t plan_id, due_interval **out)
{
	db_stmt *s = db_prepare(d, "SELECT from_month, months FROM plan_interval"
				   " WHERE plan_id = :plan ORDER BY from_month");
	due_interval *v = NULL;
	size_t n = 0;

	db_bind_int64(s, ":plan", plan_id);
	while (db_step(s) == DB_ROW) {
		month_t m = db_col_month(s, 0);

		if (m < 0)
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n].from = m;
		v[n++].months = db_col_int(s, 1);
	}
	db_reset(s);
	*out = v;
	return n;
}

int store_client_ids(db *d, int64_t **ids, size_t *n, tsu_err *e)
{
	return db_int64_all(db_prepare(d, "SELECT id FROM client ORDER BY id"), ids, n,
			    _("reading the clients"), e);
}
