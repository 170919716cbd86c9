/*
 * day.c - the calendar's appointments: meetings and scheduled monitoring
 * visits of a span of days, with their times (store_day.h).
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_day.h"
#include "tsunagi/xalloc.h"

int store_day_appts(db *d, date_t from, date_t to, day_appt **out, size_t *n, tsu_err *e)
{
	db_stmt *st = db_prepare(d,
		"SELECT k, id, client_id, d, t, name, place FROM ("
		"SELECT 0 AS k, m.id AS id, m.client_id AS client_id, m.held_on AS d,"
		" coalesce(m.held_at, '') AS t, c.name AS name, m.place AS place"
		" FROM meeting m JOIN client c ON c.id = m.client_id"
		" WHERE m.held_on BETWEEN :from AND :to"
		" UNION ALL"
		" SELECT 1, o.id, o.client_id, o.scheduled_on, coalesce(o.scheduled_at, ''), c.name, ''"
		" FROM monitoring o JOIN client c ON c.id = o.client_id"
		" WHERE o.done_on IS NULL AND o.scheduled_on BETWEEN :from AND :to"
		" AND c.status = 'active'"
		") ORDER BY d, t = '', t, k, id");
	day_appt *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	db_bind_date(st, ":from", from);
	db_bind_date(st, ":to", to);
	while ((rc = db_step(st)) == DB_ROW) {
		day_appt *a;
		const char *at = db_col_text(st, 4);

		if (k == cap) {
			cap = cap ? 2 * cap : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		a = &v[k++];
		memset(a, 0, sizeof *a);
		a->kind = db_col_int(st, 0) ? DAY_APPT_VISIT : DAY_APPT_MEETING;
		a->ref_id = db_col_int64(st, 1);
		a->client_id = db_col_int64(st, 2);
		a->on = db_col_date(st, 3);
		/* Stored as HH:MM by the forms (FF_TIME); anything else a
		 * program wrote is not shown as a time. */
		if (at && strlen(at) == 5)
			memcpy(a->at, at, 6);
		a->name = db_col_strdup(st, 5);
		a->place = db_col_strdup(st, 6);
	}
	db_reset(st);
	if (rc < 0) {
		day_appts_free(v, k);
		*out = NULL;
		*n = 0;
		return db_error(d, e, _("reading the meetings and visits"));
	}
	*out = v;
	*n = k;
	return TSU_OK;
}

void day_appts_free(day_appt *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].place);
	}
	free(v);
}
