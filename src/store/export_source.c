/*
 * export_source.c - what the CSV exports read (store_export.h).
 */
#include <stdlib.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_export.h"
#include "tsunagi/xalloc.h"

void store_export_decision_period(db *d, int64_t client_id, char **from, char **to)
{
	db_stmt *s = db_prepare(d,
		"SELECT valid_from, valid_to FROM certificate WHERE client_id = :id"
		" AND kind = 'service' ORDER BY valid_to DESC, id DESC LIMIT 1");

	db_bind_int64(s, ":id", client_id);
	if (db_step(s) == DB_ROW) {
		*from = db_col_strdup(s, 0);
		*to = db_col_strdup(s, 1);
	} else {
		*from = xstrdup("");
		*to = xstrdup("");
	}
	db_reset(s);
}

/* Each row of s: column 0 the client's id, then n cells. */
static int rows_each(db *d, db_stmt *s, size_t n, store_export_row_fn fn, void *ctx, tsu_err *e)
{
	const char *cells[STORE_EXPORT_PLAN_CELLS];
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		for (size_t i = 0; i < n; i++)
			cells[i] = db_col_text(s, (int)i + 1);
		fn(ctx, db_col_int64(s, 0), cells, n);
	}
	db_reset(s);
	return rc < 0 ? db_error(d, e, _("reading for the export")) : TSU_OK;
}

int store_export_notes_each(db *d, store_export_row_fn fn, void *ctx, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT c.id, c.recipient_no, c.name, n.noted_on, n.noted_at, n.kind, n.with_whom, n.minutes,"
		" n.subjective, n.objective, n.assessment, n.plan, n.fact, n.interpretation, n.next_step,"
		" n.next_on, n.next_done_on"
		" FROM note n JOIN client c ON c.id = n.client_id"
		" ORDER BY n.noted_on, n.noted_at, n.id");

	return rows_each(d, s, STORE_EXPORT_NOTE_CELLS, fn, ctx, e);
}

int store_export_plans_each(db *d, store_export_row_fn fn, void *ctx, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT c.id, c.recipient_no, c.name, p.id, p.stage, p.written_on, p.consented_on,"
		" p.delivered_on, p.period_from, p.period_to, p.monitoring_months, p.wishes, p.policy,"
		" p.long_goal, p.short_goal, r.priority, r.need, r.goal, r.target_on, r.service_kind,"
		" r.service_detail, r.service_amount,"
		/* A row linked to the register: its provider as the plan prints it. */
		" coalesce((SELECT v.name || CASE WHEN v.contact_person = '' AND v.phone = '' THEN ''"
		"   ELSE '（' || v.contact_person"
		"   || CASE WHEN v.contact_person <> '' AND v.phone <> '' THEN '・' ELSE '' END"
		"   || v.phone || '）' END"
		"  FROM service_provider v WHERE v.id = r.provider_id), r.provider),"
		" r.client_role, r.review_on, r.remarks"
		" FROM plan p JOIN client c ON c.id = p.client_id"
		" LEFT JOIN plan_row r ON r.plan_id = p.id"
		" ORDER BY c.id, p.period_from, p.id, r.priority, r.id");

	return rows_each(d, s, STORE_EXPORT_PLAN_CELLS, fn, ctx, e);
}
