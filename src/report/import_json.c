/*
 * import_json.c - `tsunagi import all FILE.json`: a whole database back
 * from the document export.c writes, into an empty database, in one
 * transaction.  Table and column names in the file are only ever looked
 * up in the database's own schema; the SQL is made of the schema's names,
 * the values are bound.  Foreign keys are checked once at the end, so
 * the tables may come in any order.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/export.h"
#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/json.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"

typedef struct loader {
	db *db;
	json_reader r;
	tsu_err *e;
	char **tables;          /* what the database has */
	size_t ntables;
	bool *loaded;
	size_t rows;
} loader;

static int bad_json(loader *l)
{
	return err_set(l->e, TSU_EINVAL, _("not a tsunagi export: %s"), l->r.err);
}

/* Expect token want; else say what came instead. */
static int expect(loader *l, json_token want, const char *where)
{
	json_token t = json_next(&l->r);

	if (t == want)
		return TSU_OK;
	if (t == JSON_ERROR)
		return bad_json(l);
	return err_set(l->e, TSU_EINVAL, _("%s: expected %s, found %s (line %zu)"),
		       where, json_token_name(want), json_token_name(t), l->r.line);
}

static int empty_check(loader *l)
{
	for (size_t i = 0; i < l->ntables; i++) {
		strbuf sql;
		sqlite3_stmt *st;
		int64_t n = 0;

		sb_init(&sql);
		sb_adds(&sql, "SELECT count(*) FROM \"");
		for (const char *p = l->tables[i]; *p; p++) {
			if (*p == '"')
				sb_addc(&sql, '"');
			sb_addc(&sql, *p);
		}
		sb_adds(&sql, "\"");
		if (sqlite3_prepare_v2(db_handle(l->db), sql.s, -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				n = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		sb_free(&sql);
		if (n > 0)
			return err_set(l->e, TSU_EINVAL,
				       _("%s already holds records (%lld in table %s); import all only loads into an empty database: give a new one with --db FILE"),
				       db_path(l->db), (long long)n, l->tables[i]);
	}
	return TSU_OK;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* {"text_hex": "..."} or {"blob_hex": "..."}: bind the bytes. */
static int bind_hex(loader *l, sqlite3_stmt *st, int idx, const char *where)
{
	bool blob;
	strbuf bytes;

	if (expect(l, JSON_KEY, where) != TSU_OK)
		return TSU_EINVAL;
	if (strcmp(l->r.str.s, "text_hex") != 0 && strcmp(l->r.str.s, "blob_hex") != 0)
		return err_set(l->e, TSU_EINVAL, _("%s: an object value must be {\"text_hex\": ...} or {\"blob_hex\": ...}"), where);
	blob = l->r.str.s[0] == 'b';
	if (expect(l, JSON_STRING, where) != TSU_OK)
		return TSU_EINVAL;
	if (l->r.str.len % 2)
		return err_set(l->e, TSU_EINVAL, _("%s: odd number of hex digits"), where);
	sb_init(&bytes);
	for (size_t i = 0; i < l->r.str.len; i += 2) {
		int hi = hexval(l->r.str.s[i]), lo = hexval(l->r.str.s[i + 1]);
		if (hi < 0 || lo < 0) {
			sb_free(&bytes);
			return err_set(l->e, TSU_EINVAL, _("%s: not a hex digit"), where);
		}
		sb_addc(&bytes, (char)(hi * 16 + lo));
	}
	if (blob)
		sqlite3_bind_blob(st, idx, bytes.s, (int)bytes.len, SQLITE_TRANSIENT);
	else
		sqlite3_bind_text(st, idx, bytes.s, (int)bytes.len, SQLITE_TRANSIENT);
	sb_free(&bytes);
	return expect(l, JSON_OBJECT_END, where);
}

static int load_row(loader *l, const char *table, sqlite3_stmt *st, char **cols, size_t ncols,
		    bool *seen, size_t rowno)
{
	char where[200];
	json_token t;

	snprintf(where, sizeof where, _("table %s, row %zu"), table, rowno);
	memset(seen, 0, ncols * sizeof *seen);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	while ((t = json_next(&l->r)) == JSON_KEY) {
		size_t c;
		for (c = 0; c < ncols && strcmp(cols[c], l->r.str.s) != 0; c++)
			;
		if (c == ncols) {
			char *k = text_sanitize(l->r.str.s, false);
			err_set(l->e, TSU_EINVAL, _("%s: this database has no column '%s' (was the file edited, or made by another schema?)"), where, k);
			free(k);
			return TSU_EINVAL;
		}
		if (seen[c])
			return err_set(l->e, TSU_EINVAL, _("%s: column %s is given twice"), where, cols[c]);
		seen[c] = true;
		int idx = (int)c + 1;
		switch (json_next(&l->r)) {
		case JSON_STRING:
			sqlite3_bind_text(st, idx, l->r.str.s, (int)l->r.str.len, SQLITE_TRANSIENT);
			break;
		case JSON_INT:
			sqlite3_bind_int64(st, idx, l->r.integer);
			break;
		case JSON_REAL:
			sqlite3_bind_double(st, idx, l->r.real);
			break;
		case JSON_NULL:
			sqlite3_bind_null(st, idx);
			break;
		case JSON_OBJECT:
			if (bind_hex(l, st, idx, where) != TSU_OK)
				return TSU_EINVAL;
			break;
		case JSON_ERROR:
			return bad_json(l);
		default:
			return err_set(l->e, TSU_EINVAL, _("%s, column %s: expected a string, a number or null"), where, cols[c]);
		}
	}
	if (t == JSON_ERROR)
		return bad_json(l);
	for (size_t c = 0; c < ncols; c++)
		if (!seen[c])
			return err_set(l->e, TSU_EINVAL, _("%s: column %s is missing"), where, cols[c]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		err_set(l->e, TSU_EINVAL, _("%s: cannot be loaded: %s"), where, sqlite3_errmsg(db_handle(l->db)));
		return TSU_EINVAL;
	}
	l->rows++;
	return TSU_OK;
}

static int load_table(loader *l, const char *name)
{
	size_t t, ncols;
	char **cols;
	strbuf sql;
	sqlite3_stmt *st = NULL;
	bool *seen;
	json_token tok;
	int rc = TSU_OK;
	size_t rowno = 0;

	/* Exports before schema 13 carried the drafts; they are one
	 * session's unsaved text in the database they were typed into
	 * (see export_all_tables), so they are read past, not loaded. */
	if (!strcmp(name, "draft") || !strcmp(name, "draft_field"))
		return expect(l, JSON_ARRAY, name) != TSU_OK ? TSU_EINVAL :
			json_skip(&l->r, JSON_ARRAY) == JSON_ARRAY_END ? TSU_OK : bad_json(l);
	for (t = 0; t < l->ntables && strcmp(l->tables[t], name) != 0; t++)
		;
	if (t == l->ntables) {
		char *k = text_sanitize(name, false);
		err_set(l->e, TSU_EINVAL, _("the file has a table '%s' this database does not have; was it made by another version?"), k);
		free(k);
		return TSU_EINVAL;
	}
	if (l->loaded[t])
		return err_set(l->e, TSU_EINVAL, _("table %s is in the file twice"), name);
	l->loaded[t] = true;
	name = l->tables[t];   /* the schema's own spelling from here on */
	if (export_table_columns(l->db, name, &cols, &ncols, NULL) != TSU_OK || !ncols) {
		export_free_names(cols, ncols);
		return err_set(l->e, TSU_EIO, _("cannot read the columns of table %s"), name);
	}
	sb_init(&sql);
	sb_adds(&sql, "INSERT INTO \"");
	sb_adds(&sql, name);   /* a schema table name: letters and '_' */
	sb_adds(&sql, "\" (");
	for (size_t c = 0; c < ncols; c++)
		sb_addf(&sql, "%s\"%s\"", c ? ", " : "", cols[c]);
	sb_adds(&sql, ") VALUES (");
	for (size_t c = 0; c < ncols; c++)
		sb_adds(&sql, c ? ", ?" : "?");
	sb_adds(&sql, ")");
	if (sqlite3_prepare_v2(db_handle(l->db), sql.s, -1, &st, NULL) != SQLITE_OK)
		rc = db_error(l->db, l->e, _("preparing the import"));
	sb_free(&sql);
	seen = xcalloc(ncols, sizeof *seen);
	if (rc == TSU_OK)
		rc = expect(l, JSON_ARRAY, name);
	while (rc == TSU_OK && (tok = json_next(&l->r)) != JSON_ARRAY_END) {
		if (tok == JSON_ERROR)
			rc = bad_json(l);
		else if (tok != JSON_OBJECT)
			rc = err_set(l->e, TSU_EINVAL, _("table %s: each row must be an object (line %zu)"), name, l->r.line);
		else
			rc = load_row(l, name, st, cols, ncols, seen, ++rowno);
	}
	sqlite3_finalize(st);
	free(seen);
	export_free_names(cols, ncols);
	return rc;
}

/* The header members, then the tables. */
static int load_document(loader *l)
{
	bool format = false, version = false, schema = false, content = false;
	json_token t;
	int rc;

	if ((rc = expect(l, JSON_OBJECT, _("the document"))) != TSU_OK)
		return rc;
	while ((t = json_next(&l->r)) == JSON_KEY) {
		const char *k = l->r.str.s;
		char key[32];
		snprintf(key, sizeof key, "%s", k);
		if (!strcmp(key, "tables")) {
			if (!format || !version || !schema || !content)
				return err_set(l->e, TSU_EINVAL, _("not a tsunagi export: format, format_version, schema_version and content must come before tables"));
			if ((rc = expect(l, JSON_OBJECT, "tables")) != TSU_OK)
				return rc;
			while ((t = json_next(&l->r)) == JSON_KEY) {
				char *name = xstrdup(l->r.str.s);
				rc = load_table(l, name);
				free(name);
				if (rc != TSU_OK)
					return rc;
			}
			if (t != JSON_OBJECT_END)
				return bad_json(l);
			continue;
		}
		t = json_next(&l->r);
		if (!strcmp(key, "format") && t == JSON_STRING && !strcmp(l->r.str.s, "tsunagi")) {
			format = true;
		} else if (!strcmp(key, "format_version") && t == JSON_INT) {
			if (l->r.integer != 1)
				return err_set(l->e, TSU_EINVAL, _("the file is in export format %lld; this tsunagi reads format 1: import it with a newer tsunagi"),
					       (long long)l->r.integer);
			version = true;
		} else if (!strcmp(key, "schema_version") && t == JSON_INT) {
			int have = db_user_version(l->db);
			if (l->r.integer < db_same_tables_since(l->db) || l->r.integer > have)
				return err_set(l->e, TSU_EINVAL, _("the file was exported from schema %lld, this database has schema %d; import it with the tsunagi that wrote it, then upgrade that database"),
					       (long long)l->r.integer, have);
			schema = true;
		} else if (!strcmp(key, "content") && t == JSON_STRING) {
			if (strcmp(l->r.str.s, "all") != 0)
				return err_set(l->e, TSU_EINVAL, _("the file holds only the %s export; import all needs the file of 'tsunagi export all --format json'"),
					       l->r.str.s[0] && strlen(l->r.str.s) < 20 ? l->r.str.s : "?");
			content = true;
		} else if (t == JSON_ERROR) {
			return bad_json(l);
		} else {
			return err_set(l->e, TSU_EINVAL, _("not a tsunagi export: unexpected member '%.30s' at line %zu"), key, l->r.line);
		}
	}
	if (t == JSON_ERROR)
		return bad_json(l);
	if (!format || !content)
		return err_set(l->e, TSU_EINVAL, _("not a tsunagi export: the format and content members are missing"));
	if ((t = json_next(&l->r)) != JSON_END)
		return bad_json(l);
	return TSU_OK;
}

static int foreign_keys(loader *l)
{
	db_stmt *s = db_prepare(l->db, "PRAGMA foreign_key_check");
	int rc = TSU_OK;

	if (db_step(s) == DB_ROW)
		rc = err_set(l->e, TSU_EINVAL, _("table %s, row id %lld refers to a %s row that is not in the file; nothing was imported"),
			     db_col_text(s, 0), (long long)db_col_int64(s, 1), db_col_text(s, 2));
	db_reset(s);
	return rc;
}

/* Every client loaded must have the fields every other path requires.
 * (The rest is loaded exactly as exported, stored bytes included.) */
static int clients_valid(loader *l)
{
	db_stmt *s = db_prepare(l->db, "SELECT id FROM client ORDER BY id");
	int rc = TSU_OK;

	while (rc == TSU_OK && db_step(s) == DB_ROW) {
		int64_t id = db_col_int64(s, 0);
		tsu_err why;
		client c;

		if (store_client_get(l->db, id, &c, l->e) != TSU_OK) {
			rc = TSU_EINVAL;
			break;
		}
		if (client_check_required(&c, &why) != TSU_OK)
			rc = err_set(l->e, TSU_EINVAL, _("table client, row id %lld: %s; nothing was imported"),
				     (long long)id, why.msg);
		client_free(&c);
	}
	db_reset(s);
	return rc;
}

int import_all_json(db *d, const char *buf, size_t len, size_t *rows, tsu_err *e)
{
	loader l = { .db = d, .e = e };
	int rc;

	if (rows)
		*rows = 0;
	if (export_all_tables(d, &l.tables, &l.ntables) != TSU_OK)
		return db_error(d, e, _("reading the list of tables"));
	l.loaded = xcalloc(l.ntables + 1, sizeof *l.loaded);
	json_reader_init(&l.r, buf, len);
	if ((rc = db_begin(d, e)) != TSU_OK)
		goto out;
	/* Checked at COMMIT instead of per row: tables in any order. */
	sqlite3_exec(db_handle(d), "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
	rc = empty_check(&l);
	if (rc == TSU_OK)
		rc = load_document(&l);
	if (rc == TSU_OK)
		rc = foreign_keys(&l);
	if (rc == TSU_OK)
		rc = clients_valid(&l);
	if (rc == TSU_OK)
		rc = db_commit(d, e);
	else
		db_rollback(d);
	if (rc == TSU_OK && rows)
		*rows = l.rows;
out:
	json_reader_free(&l.r);
	free(l.loaded);
	export_free_names(l.tables, l.ntables);
	return rc;
}
