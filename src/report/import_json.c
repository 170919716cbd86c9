/*
 * import_json.c - `tsunagi import all FILE.json`: a whole database back
 * from the document export.c writes, into an empty database, in one
 * transaction.  Table and column names in the file are only ever looked
 * up in the database's own schema; the SQL is made of the schema's names,
 * the values are bound.  Foreign keys are checked once at the end, so
 * the tables may come in any order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/json.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_dump.h"
#include "tsunagi/store_lookup.h"
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
		int64_t n = store_dump_count(l->db, l->tables[i]);

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
static int bind_hex(loader *l, dump_insert *ins, size_t col, const char *where)
{
	bool blob;
	strbuf bytes;
	dump_value v = { 0 };

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
	v.type = blob ? DUMP_BLOB : DUMP_TEXT;
	v.p = bytes.s;
	v.len = bytes.len;
	store_dump_bind(ins, col, &v);
	sb_free(&bytes);
	return expect(l, JSON_OBJECT_END, where);
}

static int load_row(loader *l, const char *table, dump_insert *ins, char **cols, size_t ncols,
		    bool *seen, size_t rowno)
{
	char where[200];
	json_token t;
	tsu_err why;

	snprintf(where, sizeof where, _("table %s, row %zu"), table, rowno);
	memset(seen, 0, ncols * sizeof *seen);
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
		dump_value v = { .type = DUMP_NULL };
		switch (json_next(&l->r)) {
		case JSON_STRING:
			v = (dump_value){ .type = DUMP_TEXT, .p = l->r.str.s, .len = l->r.str.len };
			break;
		case JSON_INT:
			v = (dump_value){ .type = DUMP_INT, .i = l->r.integer };
			break;
		case JSON_REAL:
			v = (dump_value){ .type = DUMP_REAL, .r = l->r.real };
			break;
		case JSON_NULL:
			break;
		case JSON_OBJECT:
			if (bind_hex(l, ins, c, where) != TSU_OK)
				return TSU_EINVAL;
			continue;
		case JSON_ERROR:
			return bad_json(l);
		default:
			return err_set(l->e, TSU_EINVAL, _("%s, column %s: expected a string, a number or null"), where, cols[c]);
		}
		store_dump_bind(ins, c, &v);
	}
	if (t == JSON_ERROR)
		return bad_json(l);
	for (size_t c = 0; c < ncols; c++)
		if (!seen[c])
			return err_set(l->e, TSU_EINVAL, _("%s: column %s is missing"), where, cols[c]);
	if (store_dump_insert_row(ins, &why) != TSU_OK)
		return err_set(l->e, TSU_EINVAL, _("%s: cannot be loaded: %s"), where, why.msg);
	l->rows++;
	return TSU_OK;
}

static int load_table(loader *l, const char *name)
{
	size_t t, ncols;
	char **cols;
	dump_insert *ins;
	bool *seen;
	json_token tok;
	int rc = TSU_OK;
	size_t rowno = 0;

	/* Exports before schema 13 carried the drafts; they are one
	 * session's unsaved text in the database they were typed into
	 * (see store_dump_tables), so they are read past, not loaded. */
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
	if (store_dump_columns(l->db, name, &cols, &ncols) != TSU_OK || !ncols) {
		store_dump_free_names(cols, ncols);
		return err_set(l->e, TSU_EIO, _("cannot read the columns of table %s"), name);
	}
	if (!(ins = store_dump_insert_open(l->db, name, cols, ncols, l->e))) {
		store_dump_free_names(cols, ncols);
		return l->e->code;
	}
	seen = xcalloc(ncols, sizeof *seen);
	rc = expect(l, JSON_ARRAY, name);
	while (rc == TSU_OK && (tok = json_next(&l->r)) != JSON_ARRAY_END) {
		if (tok == JSON_ERROR)
			rc = bad_json(l);
		else if (tok != JSON_OBJECT)
			rc = err_set(l->e, TSU_EINVAL, _("table %s: each row must be an object (line %zu)"), name, l->r.line);
		else
			rc = load_row(l, name, ins, cols, ncols, seen, ++rowno);
	}
	store_dump_insert_close(ins);
	free(seen);
	store_dump_free_names(cols, ncols);
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
	char table[64], parent[64];
	int64_t rowid;

	if (store_dump_broken_reference(l->db, table, parent, sizeof table, &rowid))
		return err_set(l->e, TSU_EINVAL, _("table %s, row id %lld refers to a %s row that is not in the file; nothing was imported"),
			       table, (long long)rowid, parent);
	return TSU_OK;
}

/* Every client loaded must have the fields every other path requires.
 * (The rest is loaded exactly as exported, stored bytes included.) */
static int clients_valid(loader *l)
{
	int64_t *ids;
	size_t n;
	int rc;

	if ((rc = store_client_ids(l->db, &ids, &n, l->e)) != TSU_OK)
		return rc;
	for (size_t i = 0; rc == TSU_OK && i < n; i++) {
		tsu_err why;
		client c;

		if (store_client_get(l->db, ids[i], &c, l->e) != TSU_OK) {
			rc = TSU_EINVAL;
			break;
		}
		if (client_check_required(&c, &why) != TSU_OK)
			rc = err_set(l->e, TSU_EINVAL, _("table client, row id %lld: %s; nothing was imported"),
				     (long long)ids[i], why.msg);
		client_free(&c);
	}
	free(ids);
	return rc;
}

int import_all_json(db *d, const char *buf, size_t len, size_t *rows, tsu_err *e)
{
	loader l = { .db = d, .e = e };
	int rc;

	if (rows)
		*rows = 0;
	if (store_dump_tables(d, &l.tables, &l.ntables) != TSU_OK)
		return db_error(d, e, _("reading the list of tables"));
	l.loaded = xcalloc(l.ntables + 1, sizeof *l.loaded);
	json_reader_init(&l.r, buf, len);
	if ((rc = db_begin(d, e)) != TSU_OK)
		goto out;
	/* Checked at COMMIT instead of per row: tables in any order. */
	rc = store_dump_defer_foreign_keys(d, e);
	if (rc == TSU_OK)
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
	store_dump_free_names(l.tables, l.ntables);
	return rc;
}
