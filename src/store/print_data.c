/*
 * print_data.c - the queries behind the record, meeting and summary
 * printouts (store_print.h): the notes of a period in date order, the
 * default meeting of the minutes, and the disclosure a summary print
 * records with its audit row.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_print.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static int note_order(const void *a, const void *b)
{
	const note *x = a, *y = b;
	int c;

	if (x->noted_on != y->noted_on)
		return x->noted_on < y->noted_on ? -1 : 1;
	if ((c = strcmp(x->noted_at, y->noted_at)) != 0)
		return c;   /* "" (no time) sorts before "09:30" */
	return x->id < y->id ? -1 : x->id > y->id;
}

int store_notes_in_period(db *d, int64_t client_id, date_t from, date_t to,
			  note **out, size_t *n, tsu_err *e)
{
	note *all = NULL;
	size_t nall = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_record_list(d, &rt_note, client_id, (void **)&all, &nall, e)) != TSU_OK)
		return rc;
	for (size_t i = 0; i < nall; i++) {
		bool in = (from == DATE_NONE || all[i].noted_on >= from) && (to == DATE_NONE || all[i].noted_on <= to);
		if (in) {
			if (k != i)
				all[k] = all[i];
			k++;
		} else {
			record_free(&rt_note, &all[i]);
		}
	}
	if (k)
		qsort(all, k, sizeof *all, note_order);
	else {
		free(all);
		all = NULL;
	}
	*out = all;
	*n = k;
	return TSU_OK;
}

int store_meeting_latest(db *d, int64_t client_id, date_t today, int64_t *id, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"SELECT id FROM meeting WHERE client_id = :client"
		" ORDER BY held_on <= :today DESC,"
		" CASE WHEN held_on <= :today THEN held_on END DESC, held_on, id DESC LIMIT 1");

	db_bind_int64(s, ":client", client_id);
	db_bind_date(s, ":today", today);
	*id = db_int64_or(s, 0);
	if (!*id)
		return err_set(e, TSU_ENOTFOUND, _("client %lld has no care-team meeting yet; add one on the card's meetings tab"),
			       (long long)client_id);
	return TSU_OK;
}

int store_disclosure_add(db *d, int64_t client_id, const char *party, const char *document,
			 date_t on, int64_t consent_id, int64_t *id, tsu_err *e)
{
	char *p = text_trim(party ? party : "");
	db_stmt *s;
	int rc;

	*id = 0;
	if (!p[0] || text_chars(p) > 200) {
		free(p);
		return err_set(e, TSU_EINVAL, _("to whom: give the party the summary is for (up to 200 characters), like --to ○○病院"));
	}
	if ((rc = db_begin(d, e)) != TSU_OK) {
		free(p);
		return rc;
	}
	s = db_prepare(d, "INSERT INTO disclosure (client_id, party, document, disclosed_on, consent_id)"
			  " VALUES (:client, :party, :document, :on, :consent)");
	db_bind_int64(s, ":client", client_id);
	db_bind_text(s, ":party", p);
	db_bind_text(s, ":document", document);
	db_bind_date(s, ":on", on);
	if (consent_id)
		db_bind_int64(s, ":consent", consent_id);
	else
		db_bind_null(s, ":consent");
	free(p);
	if ((rc = db_exec(s, e)) != TSU_OK)
		goto fail;
	*id = db_last_insert_id(d);
	if ((rc = db_audit(d, "disclosure", *id, "insert", e)) != TSU_OK)
		goto fail;
	if ((rc = db_commit(d, e)) != TSU_OK) {
		*id = 0;
		return rc;
	}
	return TSU_OK;
fail:
	db_rollback(d);
	*id = 0;
	return rc;
}
