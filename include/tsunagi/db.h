/*
 * db.h - the one thin wrapper over SQLite.
 *
 * Statements are prepared once per connection and cached by their SQL
 * text; parameters are bound by name (":name").  Transactions nest: the
 * outermost db_begin() is BEGIN IMMEDIATE, inner ones are savepoints.
 * Nothing here builds SQL from values.
 *
 *	db_stmt *st = db_prepare(db, "SELECT name FROM client WHERE id = :id");
 *	db_bind_int64(st, ":id", id);
 *	while (db_step(st) == DB_ROW)
 *		puts(db_col_text(st, 0));
 *	db_reset(st);
 */
#ifndef TSUNAGI_DB_H
#define TSUNAGI_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/err.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

enum { DB_ROW = 1, DB_DONE = 0 };   /* db_step; negative is an error */

enum db_open_flags {
	DB_CREATE = 1,      /* create the file (and its 0700 directory) if missing */
	DB_READONLY = 2,
	DB_NO_MIGRATE = 4,  /* open as is (for check and backup) */
};

/*
 * Open (and, unless DB_NO_MIGRATE, migrate) the database at path: WAL,
 * synchronous=FULL, foreign keys, busy timeout, secure_delete, temp_store
 * in memory.  A database whose last daily integrity check found damage
 * is refused (TSU_EIO, saying so and how to restore); db_check_due then
 * says whether today's check is still to be run (see db_check_run).
 * The file and its -wal/-shm are made 0600 whatever the umask.  A database
 * from a newer tsunagi is refused with a message that says so, and so is
 * a set that db_check_private finds open to others.
 */
int db_open(db **out, const char *path, int flags, tsu_err *e);
/* Refuse (TSU_EINVAL, one line saying how to fix it) a database, -wal or
 * -shm that another user owns or others can write, and a directory that
 * others can write or another user owns (unless it is sticky). */
int db_check_private(const char *path, tsu_err *e);
/*
 * The day's full integrity check, off the critical path: the program
 * calls db_check_run in a process of its own after its output when
 * db_check_due says so.  db_check_run takes the lock (TSU_EFAIL when
 * another check holds it), runs PRAGMA integrity_check through a
 * read-only connection, then records the clock day and what it found in
 * meta in one short write; TSU_OK when whole, else TSU_EIO with the
 * problem in e and its first line in res.
 */
bool db_check_due(const db *db);
int db_check_run(const char *path, char *res, size_t n, tsu_err *e);
/* The problem the last check recorded (its first line in buf); false
 * when none is. */
bool db_check_problem(db *db, char *buf, size_t n);
/* Forget a recorded problem and note today's check as done (after
 * `tsunagi check` found the database whole). */
int db_check_clear(db *db, tsu_err *e);
/* The lock: an fd holding it, or -1 when another process holds it (or
 * the lock file cannot be made); db_check_running only looks. */
int db_check_lock(const char *path);
bool db_check_running(const char *path);
char *db_check_lock_path(const char *path);   /* caller frees */
struct sqlite3;
/* Has the open database h (named name in messages) every table and
 * column, by name, that the compiled-in migrations give schema version?
 * TSU_EINVAL names the first one missing. */
int db_schema_matches(struct sqlite3 *h, int version, const char *name, tsu_err *e);
void db_close(db *db);
const char *db_path(const db *db);
/* The login name written into audit rows (default: from getpwuid). */
const char *db_login(const db *db);
/* The raw handle, for the few places that need the SQLite API itself:
 * the online backup, the text search, the whole-table dump and load
 * (store/dump.c, whose SQL names tables at run time) and the schema
 * check of `tsunagi check`.  Everything else uses the functions below;
 * src/ui and src/report never touch SQLite (`make layers` checks). */
struct sqlite3 *db_handle(db *db);

/* The last SQLite error, as a one-line message with advice. */
int db_error(db *db, tsu_err *e, const char *what);

/* Transactions; nest freely.  db_commit/db_rollback close the innermost. */
int db_begin(db *db, tsu_err *e);
int db_commit(db *db, tsu_err *e);
void db_rollback(db *db);

/*
 * A read section: the statements between db_read_begin and db_read_end
 * see one snapshot and take SQLite's locks once, instead of once each
 * (two fcntl calls and a stat per statement: a list that looks up a
 * thousand names spent most of its time there).  Nests; inside a write
 * transaction it does nothing.  No writes inside one: db_begin refuses.
 */
void db_read_begin(db *db);
void db_read_end(db *db);
/* After a delete: copy the WAL into the database and truncate it, so the
 * deleted text (zeroed by secure_delete) is gone from both files.  Waits
 * up to 2 s for readers; does nothing inside a transaction. */
void db_wal_truncate(db *db);

/* Prepared statements, cached per connection; never finalize them. */
db_stmt *db_prepare(db *db, const char *sql);
void db_bind_int(db_stmt *st, const char *name, int v);
void db_bind_int64(db_stmt *st, const char *name, int64_t v);
void db_bind_text(db_stmt *st, const char *name, const char *s);   /* NULL binds NULL */
void db_bind_date(db_stmt *st, const char *name, date_t d);        /* DATE_NONE binds NULL */
void db_bind_month(db_stmt *st, const char *name, month_t m);      /* -1 binds NULL */
void db_bind_null(db_stmt *st, const char *name);
int db_step(db_stmt *st);                 /* DB_ROW, DB_DONE or < 0 */
void db_reset(db_stmt *st);               /* reset and clear bindings */

bool db_col_null(db_stmt *st, int i);
int db_col_int(db_stmt *st, int i);
int64_t db_col_int64(db_stmt *st, int i);
const char *db_col_text(db_stmt *st, int i);   /* "" for NULL; valid until next step */
const char *db_col_text_or_null(db_stmt *st, int i);   /* NULL for NULL; else as db_col_text */
char *db_col_strdup(db_stmt *st, int i);       /* caller frees; "" for NULL */
date_t db_col_date(db_stmt *st, int i);        /* DATE_NONE for NULL or bad text */
month_t db_col_month(db_stmt *st, int i);      /* -1 for NULL or anything but YYYY-MM */

/* Run a statement that returns no rows; TSU_OK or an error in e. */
int db_exec(db_stmt *st, tsu_err *e);
/* One integer from a one-row query, or dflt. */
int64_t db_int64_or(db_stmt *st, int64_t dflt);
/* The first column of every row as integers (an id list; *ids NULL when
 * none, caller frees); a read error as "reading ...: what" in e, with
 * nothing returned. */
int db_int64_all(db_stmt *st, int64_t **ids, size_t *n, const char *what, tsu_err *e);
int64_t db_last_insert_id(db *db);
int db_changes(db *db);

/* Append an audit row (inside the caller's transaction). */
int db_audit(db *db, const char *table, int64_t row_id, const char *action, tsu_err *e);

/*
 * Optimistic concurrency: after an UPDATE ... WHERE id = :id AND
 * version = :version, call this.  0 changes means the row was changed
 * or deleted by another session: TSU_ECONFLICT / TSU_ENOTFOUND with a
 * message that says so and that the typed text was kept.  select_sql is
 * the table's constant "SELECT ... WHERE id = :id" (a record type's
 * sql_select), so every table is covered without a list to keep.
 */
int db_check_updated(db *db, const char *select_sql, int64_t id, tsu_err *e);

/* Schema version the program writes, and what the file has. */
int db_schema_version(void);
int db_user_version(db *db);
/* The oldest schema whose tables are the ones of the schema the database
 * has: the migrations after it only add indexes, so an export of any
 * schema from it up to the database's loads as it is. */
int db_same_tables_since(db *db);

#endif
