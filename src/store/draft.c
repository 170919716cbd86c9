/*
 * draft.c - forms in progress (store_draft.h).  Apart from the records
 * because a draft is not a record: it holds text as typed, valid or
 * not, and is never audited or reported.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/i18n.h"
#include "tsunagi/json.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/xalloc.h"

void draft_init(draft *d)
{
	memset(d, 0, sizeof *d);
	d->session = xstrdup("");
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
	free(d->session);
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
		"INSERT INTO draft (session, form, client_id, record_id, base_version, title)"
		" VALUES (:session, :form, :client, :record, :version, :title)"
		" ON CONFLICT (session, form, client_id, record_id) DO UPDATE SET"
		" base_version = excluded.base_version, title = excluded.title,"
		" saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
	db_bind_text(s, ":session", d->session);
	db_bind_text(s, ":form", d->form);
	db_bind_int64(s, ":client", d->client_id);
	db_bind_int64(s, ":record", d->record_id);
	db_bind_int64(s, ":version", d->base_version);
	db_bind_text(s, ":title", d->title);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	s = db_prepare(h, "SELECT id FROM draft WHERE session = :session AND form = :form"
		" AND client_id = :client AND record_id = :record");
	db_bind_text(s, ":session", d->session);
	db_bind_text(s, ":form", d->form);
	db_bind_int64(s, ":client", d->client_id);
	db_bind_int64(s, ":record", d->record_id);
	d->id = db_int64_or(s, 0);
	/* The text now lives in this session's draft. */
	if (d->replaces && d->replaces != d->id) {
		s = db_prepare(h, "DELETE FROM draft WHERE id = :id");
		db_bind_int64(s, ":id", d->replaces);
		if (db_exec(s, e) != TSU_OK)
			goto fail;
	}
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

#define DRAFT_COLUMNS "id, form, client_id, record_id, base_version, title, saved_at, session"

static void read_draft(db_stmt *s, draft *d)
{
	d->id = db_col_int64(s, 0);
	d->form = db_col_strdup(s, 1);
	d->client_id = db_col_int64(s, 2);
	d->record_id = db_col_int64(s, 3);
	d->base_version = db_col_int64(s, 4);
	d->title = db_col_strdup(s, 5);
	d->saved_at = db_col_strdup(s, 6);
	d->session = db_col_strdup(s, 7);
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

int store_draft_find(db *h, const char *session, const char *others_before, const char *form,
		     int64_t client_id, int64_t record_id, draft *d, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "SELECT " DRAFT_COLUMNS " FROM draft"
		" WHERE form = :form AND client_id = :client AND record_id = :record"
		" AND (session = :session OR saved_at <= :before)"
		" ORDER BY session = :session DESC, saved_at DESC, id DESC LIMIT 1");
	db_bind_text(s, ":session", session);
	db_bind_text(s, ":before", others_before ? others_before : "");
	db_bind_text(s, ":form", form);
	db_bind_int64(s, ":client", client_id);
	db_bind_int64(s, ":record", record_id);
	return get_one(h, s, d, e);
}

int64_t store_draft_count_for(db *h, const char *form, int64_t client_id, int64_t record_id)
{
	db_stmt *s = db_prepare(h, "SELECT count(*) FROM draft"
		" WHERE form = :form AND client_id = :client AND record_id = :record");
	db_bind_text(s, ":form", form);
	db_bind_int64(s, ":client", client_id);
	db_bind_int64(s, ":record", record_id);
	return db_int64_or(s, 0);
}

int store_draft_end(db *h, const char *session, const char *form, int64_t client_id,
		    int64_t record_id, int64_t also_id, tsu_err *e)
{
	db_stmt *s = db_prepare(h, "DELETE FROM draft WHERE id = :also OR (session = :session"
		" AND form = :form AND client_id = :client AND record_id = :record)");
	db_bind_int64(s, ":also", also_id);
	db_bind_text(s, ":session", session);
	db_bind_text(s, ":form", form);
	db_bind_int64(s, ":client", client_id);
	db_bind_int64(s, ":record", record_id);
	return db_exec(s, e);
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

/* ---- the fallback file: a draft the database would not take ---- */

/*
 * When the database cannot be written (a full disk, an I/O error) the
 * draft goes to "DB.draft-XXXXXX" beside the database: mkstemp makes it
 * 0600 in the 0700 data directory, and the next start loads it into the
 * drafts and removes it (store_draft_take_files).  One JSON object:
 * session, form, client_id, record_id, base_version, title, fields.
 */
enum { DRAFT_FILE_MAX = 16 << 20 };

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

static void put_member(strbuf *b, const char *key, const char *value)
{
	json_put_string(b, key, strlen(key));
	sb_addc(b, ':');
	json_put_string(b, value, strlen(value));
}

static void draft_json(const draft *d, strbuf *b)
{
	sb_init(b);
	sb_addc(b, '{');
	put_member(b, "session", d->session);
	sb_addc(b, ',');
	put_member(b, "form", d->form);
	sb_adds(b, ",\"client_id\":");
	json_put_int(b, d->client_id);
	sb_adds(b, ",\"record_id\":");
	json_put_int(b, d->record_id);
	sb_adds(b, ",\"base_version\":");
	json_put_int(b, d->base_version);
	sb_addc(b, ',');
	put_member(b, "title", d->title);
	sb_adds(b, ",\"fields\":{");
	for (size_t i = 0; i < d->n; i++) {
		if (i)
			sb_addc(b, ',');
		put_member(b, d->names[i], d->values[i]);
	}
	sb_adds(b, "}}\n");
}

int store_draft_write_file(db *h, const draft *d, char **path, tsu_err *e)
{
	char *tmpl = xasprintf("%s.draft-XXXXXX", db_path(h));
	strbuf b;
	int fd, saved;

	*path = NULL;
	if ((fd = mkstemp(tmpl)) < 0) {
		saved = errno;
		free(tmpl);
		return err_set(e, TSU_EIO, _("cannot make a draft file beside the database: %s"), strerror(saved));
	}
	draft_json(d, &b);
	if (fchmod(fd, 0600) != 0 || write_all(fd, b.s, b.len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmpl);
		free(tmpl);
		sb_free(&b);
		return err_set(e, TSU_EIO, _("cannot write a draft file beside the database: %s"), strerror(saved));
	}
	sb_free(&b);
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmpl);
		free(tmpl);
		return err_set(e, TSU_EIO, _("cannot write a draft file beside the database: %s"), strerror(saved));
	}
	*path = tmpl;
	return TSU_OK;
}

static int64_t member_int(json_reader *r, json_token t, bool *ok)
{
	if (t != JSON_INT)
		*ok = false;
	return t == JSON_INT ? r->integer : 0;
}

static void member_str(json_reader *r, json_token t, char **to, bool *ok)
{
	if (t != JSON_STRING) {
		*ok = false;
		return;
	}
	free(*to);
	*to = xstrdup(r->str.s);
}

static bool read_fields_json(json_reader *r, draft *d)
{
	json_token t;

	if (json_next(r) != JSON_OBJECT)
		return false;
	while ((t = json_next(r)) == JSON_KEY) {
		char *name = xstrdup(r->str.s);
		bool ok = json_next(r) == JSON_STRING;
		if (ok)
			draft_put(d, name, r->str.s);
		free(name);
		if (!ok)
			return false;
	}
	return t == JSON_OBJECT_END;
}

/* The draft in buf (a file of store_draft_write_file); false when it is
 * not one. */
static bool parse_draft(const char *buf, size_t len, draft *d)
{
	json_reader r;
	json_token t;
	bool ok = true, form = false;

	draft_init(d);
	json_reader_init(&r, buf, len);
	if (json_next(&r) != JSON_OBJECT)
		ok = false;
	while (ok && (t = json_next(&r)) == JSON_KEY) {
		char key[16];
		snprintf(key, sizeof key, "%s", r.str.s);
		if (!strcmp(key, "fields")) {
			ok = read_fields_json(&r, d);
			continue;
		}
		t = json_next(&r);
		if (!strcmp(key, "session"))
			member_str(&r, t, &d->session, &ok);
		else if (!strcmp(key, "form")) {
			member_str(&r, t, &d->form, &ok);
			form = true;
		}
		else if (!strcmp(key, "title"))
			member_str(&r, t, &d->title, &ok);
		else if (!strcmp(key, "client_id"))
			d->client_id = member_int(&r, t, &ok);
		else if (!strcmp(key, "record_id"))
			d->record_id = member_int(&r, t, &ok);
		else if (!strcmp(key, "base_version"))
			d->base_version = member_int(&r, t, &ok);
		else
			ok = false;
	}
	ok = ok && form && d->form[0] && json_next(&r) == JSON_END;
	json_reader_free(&r);
	return ok;
}

/* The file's text when it is a regular file of ours of a sane size. */
static char *read_own_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	strbuf b;
	char buf[8192];
	ssize_t k;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid() ||
	    sb.st_size > DRAFT_FILE_MAX) {
		close(fd);
		return NULL;
	}
	sb_init(&b);
	while ((k = read(fd, buf, sizeof buf)) > 0 && b.len <= DRAFT_FILE_MAX)
		sb_addn(&b, buf, (size_t)k);
	close(fd);
	if (k < 0 || b.len > DRAFT_FILE_MAX) {
		sb_free(&b);
		return NULL;
	}
	*len = b.len;
	return sb_steal(&b);
}

/* Is name "BASE.draft-" and six letters or digits? */
static bool draft_file_name(const char *name, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && !strncmp(name + n, ".draft-", 7) &&
		strlen(name + n + 7) == 6 &&
		strspn(name + n + 7, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == 6;
}

int store_draft_take_files(db *h, int *taken, tsu_err *e)
{
	char *copy = xstrdup(db_path(h)), *dir, *base;
	char *copy2 = xstrdup(db_path(h));
	DIR *dp;
	struct dirent *de;
	int rc = TSU_OK;

	*taken = 0;
	dir = dirname(copy);
	base = basename(copy2);
	if (!(dp = opendir(dir))) {
		free(copy);
		free(copy2);
		return TSU_OK;
	}
	while (rc == TSU_OK && (de = readdir(dp))) {
		char *path, *text;
		size_t len = 0;
		draft d;
		int r;

		if (!draft_file_name(de->d_name, base))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (!(text = read_own_file(path, &len)) || !parse_draft(text, len, &d)) {
			if (text)
				draft_free(&d);
			free(text);
			rc = err_set(e, TSU_EINVAL, _("%s is not a draft file tsunagi can read; move it away"), path);
			free(path);
			break;
		}
		free(text);
		d.id = 0;
		r = store_draft_save(h, &d, e);
		/* A client deleted meanwhile takes its drafts with it. */
		if (r == TSU_OK || r == TSU_ENOTFOUND) {
			unlink(path);
			if (r == TSU_OK)
				++*taken;
		} else {
			rc = r;
		}
		draft_free(&d);
		free(path);
	}
	closedir(dp);
	free(copy);
	free(copy2);
	return rc;
}
