/*
 * dump.c - the database as tables of typed values (store_dump.h).  The
 * one place besides db.c that makes SQL at run time: the statements
 * name the tables and columns of the database's own schema, so they are
 * prepared here, for one table's rows, and finalized after, not kept in
 * db.c's cache of constant statements.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_dump.h"
#include "tsunagi/xalloc.h"

int store_dump_tables(db *d, char ***out, size_t *n)
{
	db_stmt *s = db_prepare(d,
		"SELECT name FROM sqlite_schema WHERE type = 'table'"
		" AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
		/* Facts about the file, what is derived from the records
		 * and rebuilt from them after an import (the due cache and
		 * its day counts, the client counts), and the UI sessions'
		 * drafts: unsaved text of one session, not records (their
		 * key is a session of this database, see 0013). */
		" AND name NOT IN ('meta', 'due_cache', 'due_dirty', 'due_day', 'client_count',"
		" 'draft', 'draft_field')"
		" ORDER BY rowid");
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = db_col_strdup(s, 0);
	}
	db_reset(s);
	return rc < 0 ? TSU_EIO : TSU_OK;
}

void store_dump_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* "name" quoted as an SQL identifier. */
static void ident(strbuf *b, const char *name)
{
	sb_addc(b, '"');
	for (; *name; name++) {
		if (*name == '"')
			sb_addc(b, '"');
		sb_addc(b, *name);
	}
	sb_addc(b, '"');
}

/* A table's columns in order, and (if order is given) its ORDER BY: the
 * primary key's columns, else rowid. */
static int table_info(db *d, const char *table, char ***cols, size_t *n, strbuf *order)
{
	db_stmt *s = db_prepare(d, "SELECT name, pk FROM pragma_table_info(:t) ORDER BY cid");
	char *pk[32] = { 0 };
	int rc;

	*cols = NULL;
	*n = 0;
	db_bind_text(s, ":t", table);
	while ((rc = db_step(s)) == DB_ROW) {
		int k = db_col_int(s, 1);
		*cols = xrealloc(*cols, (*n + 1) * sizeof **cols);
		(*cols)[(*n)++] = db_col_strdup(s, 0);
		if (k > 0 && k <= 32)
			pk[k - 1] = (*cols)[*n - 1];
	}
	db_reset(s);
	if (order) {
		for (int k = 0; k < 32 && pk[k]; k++) {
			if (k)
				sb_adds(order, ", ");
			ident(order, pk[k]);
		}
		if (!pk[0])
			sb_adds(order, "rowid");
	}
	return rc < 0 ? TSU_EIO : TSU_OK;
}

int store_dump_columns(db *d, const char *table, char ***cols, size_t *n)
{
	return table_info(d, table, cols, n, NULL);
}

static void column_value(sqlite3_stmt *st, int i, dump_value *v)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		v->type = DUMP_INT;
		v->i = sqlite3_column_int64(st, i);
		break;
	case SQLITE_FLOAT:
		v->type = DUMP_REAL;
		v->r = sqlite3_column_double(st, i);
		break;
	case SQLITE_TEXT:
		v->type = DUMP_TEXT;
		v->p = (const char *)sqlite3_column_text(st, i);
		v->len = (size_t)sqlite3_column_bytes(st, i);
		break;
	case SQLITE_BLOB:
		v->type = DUMP_BLOB;
		v->p = sqlite3_column_blob(st, i);
		v->len = (size_t)sqlite3_column_bytes(st, i);
		break;
	default:
		v->type = DUMP_NULL;
	}
}

int store_dump_rows(db *d, const char *table, dump_row_fn fn, void *ctx, tsu_err *e)
{
	strbuf sql, order;
	char **cols;
	size_t n;
	sqlite3_stmt *st = NULL;
	dump_value *v;
	int rc;

	sb_init(&order);
	if (table_info(d, table, &cols, &n, &order) != TSU_OK || n == 0) {
		sb_free(&order);
		store_dump_free_names(cols, n);
		return err_set(e, TSU_EIO, _("cannot read the columns of table %s"), table);
	}
	/* Identifiers from the database's own schema, quoted; no values. */
	sb_init(&sql);
	sb_adds(&sql, "SELECT ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&sql, ", ");
		ident(&sql, cols[i]);
	}
	sb_adds(&sql, " FROM ");
	ident(&sql, table);
	sb_adds(&sql, " ORDER BY ");
	sb_adds(&sql, order.s);
	sb_free(&order);
	rc = sqlite3_prepare_v2(db_handle(d), sql.s, -1, &st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK) {
		store_dump_free_names(cols, n);
		return db_error(d, e, _("reading for the export"));
	}
	v = xcalloc(n, sizeof *v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++)
			column_value(st, (int)i, &v[i]);
		fn(ctx, (const char *const *)cols, v, n);
	}
	free(v);
	store_dump_free_names(cols, n);
	if (rc != SQLITE_DONE)
		rc = db_error(d, e, _("reading for the export"));
	else
		rc = TSU_OK;
	sqlite3_finalize(st);
	return rc;
}

int64_t store_dump_count(db *d, const char *table)
{
	strbuf sql;
	sqlite3_stmt *st;
	int64_t n = -1;

	sb_init(&sql);
	sb_adds(&sql, "SELECT count(*) FROM ");
	ident(&sql, table);
	if (sqlite3_prepare_v2(db_handle(d), sql.s, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sb_free(&sql);
	return n;
}

int store_dump_defer_foreign_keys(db *d, tsu_err *e)
{
	return db_exec(db_prepare(d, "PRAGMA defer_foreign_keys = ON"), e);
}

struct dump_insert {
	db *db;
	sqlite3_stmt *st;
};

dump_insert *store_dump_insert_open(db *d, const char *table, char *const *cols, size_t n,
				    tsu_err *e)
{
	dump_insert *ins;
	strbuf sql;
	sqlite3_stmt *st = NULL;

	sb_init(&sql);
	sb_adds(&sql, "INSERT INTO ");
	ident(&sql, table);
	sb_adds(&sql, " (");
	for (size_t c = 0; c < n; c++) {
		if (c)
			sb_adds(&sql, ", ");
		ident(&sql, cols[c]);
	}
	sb_adds(&sql, ") VALUES (");
	for (size_t c = 0; c < n; c++)
		sb_adds(&sql, c ? ", ?" : "?");
	sb_adds(&sql, ")");
	if (sqlite3_prepare_v2(db_handle(d), sql.s, -1, &st, NULL) != SQLITE_OK) {
		sb_free(&sql);
		sqlite3_finalize(st);
		db_error(d, e, _("preparing the import"));
		return NULL;
	}
	sb_free(&sql);
	ins = xcalloc(1, sizeof *ins);
	ins->db = d;
	ins->st = st;
	return ins;
}

void store_dump_bind(dump_insert *ins, size_t i, const dump_value *v)
{
	int idx = (int)i + 1;

	switch (v->type) {
	case DUMP_INT:
		sqlite3_bind_int64(ins->st, idx, v->i);
		break;
	case DUMP_REAL:
		sqlite3_bind_double(ins->st, idx, v->r);
		break;
	case DUMP_TEXT:
		sqlite3_bind_text(ins->st, idx, v->p, (int)v->len, SQLITE_TRANSIENT);
		break;
	case DUMP_BLOB:
		sqlite3_bind_blob(ins->st, idx, v->p, (int)v->len, SQLITE_TRANSIENT);
		break;
	default:
		sqlite3_bind_null(ins->st, idx);
	}
}

int store_dump_insert_row(dump_insert *ins, tsu_err *e)
{
	int rc = TSU_OK;

	if (sqlite3_step(ins->st) != SQLITE_DONE)
		rc = err_set(e, TSU_EINVAL, "%s", sqlite3_errmsg(db_handle(ins->db)));
	sqlite3_reset(ins->st);
	sqlite3_clear_bindings(ins->st);
	return rc;
}

void store_dump_insert_close(dump_insert *ins)
{
	if (!ins)
		return;
	sqlite3_finalize(ins->st);
	free(ins);
}

bool store_dump_broken_reference(db *d, char *table, char *parent, size_t size, int64_t *rowid)
{
	db_stmt *s = db_prepare(d, "PRAGMA foreign_key_check");
	bool broken = db_step(s) == DB_ROW;

	if (broken) {
		snprintf(table, size, "%s", db_col_text(s, 0));
		*rowid = db_col_int64(s, 1);
		snprintf(parent, size, "%s", db_col_text(s, 2));
	}
	db_reset(s);
	return broken;
}
