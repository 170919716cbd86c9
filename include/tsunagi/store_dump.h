/*
 * store_dump.h - the database as tables of typed values: what the
 * lossless JSON export writes and `import all` loads back
 * (report/export.c, report/import_json.c), which keep the JSON.
 *
 * Table and column names only ever come from the database's own schema
 * (never from a file being imported: the caller looks a name up among
 * these first); the SQL is made of those names, quoted, and values are
 * always bound.  A dump is read inside the caller's read section and a
 * load runs inside the caller's db_begin/db_commit.
 */
#ifndef TSUNAGI_STORE_DUMP_H
#define TSUNAGI_STORE_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/db.h"
#include "tsunagi/err.h"

typedef enum dump_type { DUMP_NULL, DUMP_INT, DUMP_REAL, DUMP_TEXT, DUMP_BLOB } dump_type;

/* One stored value, as SQLite keeps it. */
typedef struct dump_value {
	dump_type type;
	int64_t i;              /* DUMP_INT */
	double r;               /* DUMP_REAL */
	const char *p;          /* DUMP_TEXT, DUMP_BLOB: len bytes (text as
	                         * stored: it may hold NUL bytes or be
	                         * invalid UTF-8) */
	size_t len;
} dump_value;

/* The tables a whole-database dump holds, in the schema's order: all but
 * SQLite's own, meta (facts about the file), what is derived from the
 * records and rebuilt from them (the due cache and its day counts, the
 * client counts) and the drafts (one session's unsaved text).  Free
 * with store_dump_free_names. */
int store_dump_tables(db *db, char ***out, size_t *n);
/* A table's columns, in order; none for a table the database lacks. */
int store_dump_columns(db *db, const char *table, char ***cols, size_t *n);
void store_dump_free_names(char **names, size_t n);

/* Called for each row of a table: its n values with the names of their
 * columns, in column order, valid during the call only. */
typedef void (*dump_row_fn)(void *ctx, const char *const *cols, const dump_value *v, size_t n);

/* Each row of table (one of store_dump_tables) by its primary key, else
 * by rowid.  TSU_EIO with e set when its columns cannot be read or on a
 * read error. */
int store_dump_rows(db *db, const char *table, dump_row_fn fn, void *ctx, tsu_err *e);

/* How many rows the table holds; -1 when it cannot be counted. */
int64_t store_dump_count(db *db, const char *table);

/* Loading: foreign keys are checked at the outermost commit instead of
 * at each row, so tables may come in any order (call after db_begin). */
int store_dump_defer_foreign_keys(db *db, tsu_err *e);

/* Rows into a table: values are given column by column, then the row
 * is inserted. */
typedef struct dump_insert dump_insert;

/* Inserting into table (one of store_dump_tables) the columns cols[0..n)
 * (names from store_dump_columns); NULL with e set when it cannot be. */
dump_insert *store_dump_insert_open(db *db, const char *table, char *const *cols, size_t n,
				    tsu_err *e);
/* Column i of the row being made takes v's value (copied). */
void store_dump_bind(dump_insert *ins, size_t i, const dump_value *v);
/* Insert the row made so far (columns given no value are NULL) and start
 * a new one; TSU_EINVAL with SQLite's reason in e when it is refused. */
int store_dump_insert_row(dump_insert *ins, tsu_err *e);
void store_dump_insert_close(dump_insert *ins);

/* After a load, the first row whose foreign key finds no parent (its
 * table, rowid and the parent table, names cut to size bytes); false
 * when every reference holds. */
bool store_dump_broken_reference(db *db, char *table, char *parent, size_t size, int64_t *rowid);

#endif
