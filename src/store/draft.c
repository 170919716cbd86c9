/*
 * draft.c - forms in progress (store_draft.h).  Apart from the records
 * because a draft is not a record: it holds text as typed, valid or
 * not, and is never audited or reported.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/xalloc.h"

void draft_init(draft *d)
{
	memset(d, 0, sizeof *d);
	d->form = xstrdup("");
	d->title = xstrdup("");
	d->saved_at = xstrdup("");
}

void draft_free(draft *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->names[i]);
		free(d->values[i]);
	}
	free(d->names);
	free(d->values);
	free(d->form);
	free(d->title);
	free(d->saved_at);
	memset(d, 0, sizeof *d);
}

void draft_free_list(draft *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		draft_free(&v[i]);
	free(v);
}

void draft_put(draft *d, const char *name, const char *value)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->names[i], name) == 0) {
			free(d->values[i]);
			d->values[i] = xstrdup(value ? value : "");
			return;
		}
	d->names = xrealloc(d->names, (d->n + 1) * sizeof *d->names);
	d->values = xrealloc(d->values, (d->n + 1) * sizeof *d->values);
	d->names[d->n] = xstrdup(name);
	d->values[d->n] = xstrdup(value ? value : "");
	d->n++;
}

const char *draft_value(const draft *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->names[i], name) == 0)
			return d->values[i];
	return NULL;
}

int store_draft_save(db *h, draft *d, tsu_err *e)
{
	db_stmt *s;

	if (db_begin(h, e) != TSU_OK)
		return TSU_EIO;
	/* A client deleted meanwhile (by another session) takes its forms
	 * with it: no draft that could never be opened again. */
	if (d->client_id) {
		s = db_prepare(h, "SELECT count(*) FROM client WHERE id = :client");
		db_bind_int64(s, ":client", d->client_id);
		if (db_int64_or(s, 0) == 0) {
			db_rollback(h);
			return err_set(e, TSU_ENOTFOUND, _("client %lld was deleted meanwhile, so the form was not kept"),
				       (long long)d->client_id);
		}
	}
	s = db_prepare(h,
		"INSERT INTO draft (form, client_id, record_id, base_version, title)"
		" VALUES (:form, :client, :record, :version, :title)"
		" ON CONFLICT (form, client_id, record_id) DO UPDATE SET"
		" base_version = excluded.base_version, title = excluded.title,"
		" saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
	db_bind_text(s, ":form", d->form);
	db_bind_int64(s, ":client", d->client_id);
	db_bind_int64(s, ":record", d->record_id);
	db_bind_int64(s, ":version", d->base_version);
	db_bind_text(s, ":title", d->title);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	s = db_prepare(h, "SELECT id FROM draft WHERE form = :form AND client_id = :client AND record_id = :record");
	db_bind_text(s, ":form", d->form);
	db_bind_int64(s, ":client", d->client_id);
	db_bind_int64(s, ":record", d->record_id);
	d->id = db_int64_or(s, 0);
	s = db_prepare(h, "DELETE FROM draft_field WHERE draft_id = :id");
	db_bind_int64(s, ":id", d->id);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	for (size_t i = 0; i < d->n; i++) {
		s = db_prepare(h, "INSERT INTO draft_field (draft_id, name, value) VALUES (:id, :name, :value)");
		db_bind_int64(s, ":id", d->id);
		db_bind_text(s, ":name", d->names[i]);
		db_bind_text(s, ":value", d->values[i]);
		if (db_exec(s, e) != TSU_OK)
			goto fail;
	}
	return db_commit(h, e);
fail:
	db_rollback(h);
	return e ? e->code : TSU_EIO;
}

#define DRAFT_COLUMNS "id, form, client_id, record_id, base_version, title, saved_at"

static void read_draft(db_stmt *s, draft *d)
{
	d->id = db_col_int64(s, 0);
	d->form = db_col_strdup(s, 1);
	d->client_id = db_col_int64(s, 2);
	d->record_id = db_col_int64(s, 3);
	d->base_version = db_col_int64(s, 4);
	d->title = db_col_strdup(s, 5);
	d->saved_at = db_col_strdup(s, 6);
}

static int read_fields(db *h, draft *d, tsu_err *e)
{
	db_stmt *s;
	int rc;

	s = db_prepare(h, "SELECT name, value FROM draft_field WHERE draft_id = :id ORDER BY name");
	db_bind_int64(s, ":id", d->id);
	while ((rc = db_step(s)) == DB_ROW)
		draft_put(d, db_col_text(s, 0), db_col_text(s, 1));
	db_reset(s);
	return rc < 0 ? db_error(h, e, _("reading a draft")) : TSU_OK;
}

static int get_one(db *h, db_stmt *s, draft *d, tsu_err *e)
{
	int rc = db_step(s);

	memset(d, 0, sizeof *d);
	if (rc == DB_ROW) {
		read_draft(s, d);
		db_reset(s);
		return read_fields(h, d, e);
	}
	db_reset(s);
	draft_init(d);
	if (rc < 0)
		return db_error(h, e, _("reading a draft"));
	return err_set(e, TSU_ENOTFOUND, _("no such draft"));
}

int store_draft_find(db *h, const char *form, int64_t client_id, int64_t record_id,
		     draft *d, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "SELECT " DRAFT_COLUMNS " FROM draft"
		" WHERE form = :form AND client_id = :client AND record_id = :record");
	db_bind_text(s, ":form", form);
	db_bind_int64(s, ":client", client_id);
	db_bind_int64(s, ":record", record_id);
	return get_one(h, s, d, e);
}

int store_draft_get(db *h, int64_t id, draft *d, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "SELECT " DRAFT_COLUMNS " FROM draft WHERE id = :id");
	db_bind_int64(s, ":id", id);
	return get_one(h, s, d, e);
}

int store_draft_delete(db *h, int64_t id, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "DELETE FROM draft WHERE id = :id");
	db_bind_int64(s, ":id", id);
	return db_exec(s, e);
}

int store_draft_list(db *h, draft **out, size_t *n, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "SELECT " DRAFT_COLUMNS " FROM draft ORDER BY saved_at DESC, id DESC");
	draft *v = NULL;
	size_t k = 0;
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		v = xrealloc(v, (k + 1) * sizeof *v);
		memset(&v[k], 0, sizeof v[k]);
		read_draft(s, &v[k]);
		k++;
	}
	db_reset(s);
	if (rc < 0) {
		draft_free_list(v, k);
		return db_error(h, e, _("reading the drafts"));
	}
	for (size_t i = 0; i < k; i++)
		if (read_fields(h, &v[i], e) != TSU_OK) {
			draft_free_list(v, k);
			return TSU_EIO;
		}
	*out = v;
	*n = k;
	return TSU_OK;
}

int64_t store_draft_count(db *h)
{
	return db_int64_or(db_prepare(h, "SELECT count(*) FROM draft"), 0);
}
