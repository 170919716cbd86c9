/*
 * db.c - the thin SQLite wrapper: opening with the project's pragmas and
 * file modes, migrations under PRAGMA user_version, a per-connection
 * statement cache with named binds, nested transactions, audit rows and
 * optimistic-concurrency checks.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif
#include <time.h>
#include <unistd.h>

#include "tsunagi/db.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

extern const char *const schema_migrations[];
extern const int schema_migration_count;

struct db_stmt {
	sqlite3_stmt *st;
	db *owner;
	const char *sql;        /* the caller's literal, for the fast lookup */
	struct db_stmt *next;
};

#define STMT_BUCKETS 64

struct db {
	sqlite3 *h;
	char *path;
	char login[64];
	int depth;              /* transaction nesting */
	int read_depth;         /* read section nesting */
	bool read_open;         /* the outermost read section began a transaction */
	bool check_due;         /* today's integrity check has not been done */
	struct db_stmt *cache[STMT_BUCKETS];
};

static void die_sql(db *d, const char *what, const char *sql)
{
	/* A statement that does not prepare is a bug in the program (or a
	 * schema changed behind tsunagi's back), not something the user can
	 * act on: undo the half-done change, say so and stop.  The rollback
	 * comes first so that the fatal hook's drafts are really written. */
	char msg[512];

	snprintf(msg, sizeof msg, "internal error: %s: %s (in: %.200s); please report this; the change under way was not saved",
		 what, sqlite3_errmsg(d->h), sql);

	if (sqlite3_get_autocommit(d->h) == 0)
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	d->depth = 0;
	d->read_depth = 0;
	d->read_open = false;
	err_fatal("%s", msg);
}

/* Looked up on first use (audit rows, a printout's worker): a passwd
 * lookup is a dozen system calls (nsswitch.conf, nscd's socket,
 * /etc/passwd) that a command that only reads never needs. */
static void set_login(db *d)
{
	struct passwd *pw = getpwuid(getuid());
	const char *name = pw ? pw->pw_name : getenv("USER");

	if (name && *name)
		snprintf(d->login, sizeof d->login, "%s", name);
	else
		snprintf(d->login, sizeof d->login, "uid%ld", (long)getuid());
}

/* Which of the database's files is read-only: name that one. */
static int readonly_error(const db *d, tsu_err *e, const char *what)
{
	const char *suffix[] = { "", "-wal", "-shm" };

	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", d->path, suffix[i]);
		if (access(p, F_OK) == 0 && access(p, W_OK) != 0) {
			err_set(e, TSU_EIO, _("%s: %s is read-only; run: chmod 600 '%s'"), what, p, p);
			free(p);
			return TSU_EIO;
		}
		free(p);
	}
	return err_set(e, TSU_EIO, _("%s: the database is read-only; check the permissions of %s"), what, d->path);
}

int db_error(db *d, tsu_err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(d->h) & 0xff;
	const char *m = sqlite3_errmsg(d->h);
	int sys = sqlite3_system_errno(d->h);

	/* A full disk while growing the -shm or -wal file comes back as an
	 * I/O error; the errno behind it says what the user must do. */
	if (rc == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;
	switch (rc) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, TSU_EIO, _("%s: the database is busy (another tsunagi is writing); try again in a moment"), what);
	case SQLITE_FULL:
		return err_set(e, TSU_EIO, _("%s: the disk is full; free some space and try again (nothing was saved)"), what);
	case SQLITE_READONLY:
		return readonly_error(d, e, what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(e, TSU_EIO, _("%s: the database file %s is damaged; restore it from a backup with 'tsunagi restore FILE'"), what, d->path);
	case SQLITE_IOERR:
		return err_set(e, TSU_EIO, _("%s: disk input/output error (%s); check the disk and try again (nothing was saved)"), what, m);
	case SQLITE_CANTOPEN:
		return err_set(e, TSU_EIO, _("%s: cannot open %s; check that its directory exists and is writable"), what, d->path);
	case SQLITE_CONSTRAINT:
		return err_set(e, TSU_EINVAL, _("%s: the value is not allowed here (%s)"), what, m);
	default:
		return err_set(e, TSU_EIO, _("%s: database error: %s"), what, m);
	}
}

static int exec_simple(db *d, const char *sql, tsu_err *e, const char *what)
{
	if (sqlite3_exec(d->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(d, e, what);
	return TSU_OK;
}

/* mkdir -p with 0700 for the directories it creates. */
static int make_parent_dirs(const char *path, tsu_err *e)
{
	char *p = xstrdup(path);
	char *slash = strrchr(p, '/');
	int rc = TSU_OK;

	if (!slash || slash == p) {
		free(p);
		return TSU_OK;
	}
	*slash = '\0';
	for (char *q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;
			*q = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				rc = err_set(e, TSU_EIO, _("cannot create the directory %s: %s"), p, strerror(errno));
				break;
			}
			*q = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

/* Create the file 0600 before SQLite sees it: SQLite gives its -wal and
 * -shm files the main file's mode. */
static int precreate(const char *path, tsu_err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0)
		return err_set(e, TSU_EIO, _("cannot create %s: %s; check the directory's permissions"), path, strerror(errno));
	close(fd);
	return TSU_OK;
}

/* A file of the database set: ours, and not writable by anyone else. */
static int private_file(const char *path, bool must_exist, tsu_err *e)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return must_exist ? err_set(e, TSU_EIO, _("cannot read %s: %s"), path, strerror(errno)) : TSU_OK;
	if (sb.st_uid != geteuid())
		return err_set(e, TSU_EINVAL, _("%s belongs to another user (uid %u); tsunagi opens only files of your own: give --db a database of your own"),
			       path, (unsigned)sb.st_uid);
	if (sb.st_mode & 022)
		return err_set(e, TSU_EINVAL, _("%s can be written by others (mode %03o); run: chmod 600 '%s'"),
			       path, (unsigned)(sb.st_mode & 0777), path);
	return TSU_OK;
}

/* The directory: ours and closed to others' writes, or a sticky one
 * such as /tmp where others cannot replace our files. */
static int private_dir(const char *path, tsu_err *e)
{
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	struct stat sb;
	int rc = TSU_OK;

	if (stat(dir, &sb) != 0)
		rc = err_set(e, TSU_EIO, _("cannot read the directory %s: %s"), dir, strerror(errno));
	else if (sb.st_mode & S_ISVTX)
		rc = TSU_OK;
	else if (sb.st_uid != geteuid())
		rc = err_set(e, TSU_EINVAL, _("the directory %s belongs to another user (uid %u), who could replace the database; keep it in a directory of your own (--db FILE)"),
			     dir, (unsigned)sb.st_uid);
	else if (sb.st_mode & 022)
		rc = err_set(e, TSU_EINVAL, _("the directory %s can be written by others (mode %03o); run: chmod go-w '%s'"),
			     dir, (unsigned)(sb.st_mode & 0777), dir);
	free(copy);
	return rc;
}

int db_check_private(const char *path, tsu_err *e)
{
	const char *suffix[] = { "-wal", "-shm" };
	int rc;

	if ((rc = private_dir(path, e)) != TSU_OK || (rc = private_file(path, true, e)) != TSU_OK)
		return rc;
	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		rc = private_file(p, false, e);
		free(p);
		if (rc != TSU_OK)
			return rc;
	}
	return TSU_OK;
}

/* A read-only spell (chmod 400 on the database, one read) leaves a -shm
 * of mode 0400 that makes every later write fail: put our own -wal and
 * -shm back to 0600 (db_check_private has made sure they are ours). */
static void fix_journal_modes(const char *path)
{
	const char *suffix[] = { "-wal", "-shm" };
	struct stat sb;

	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid() &&
		    (sb.st_mode & 0777) != 0600)
			chmod(p, 0600);
		free(p);
	}
}

/* The first table or column of ref missing from h, in e. */
static int compare_schema(sqlite3 *ref, sqlite3 *h, int version, const char *name, tsu_err *e)
{
	sqlite3_stmt *tabs = NULL, *cols = NULL, *has = NULL;
	int rc = TSU_OK;

	if (sqlite3_prepare_v2(ref, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &tabs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(ref, "SELECT name FROM pragma_table_info(?1)", -1, &cols, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", -1, &has, NULL) != SQLITE_OK)
		rc = err_set(e, TSU_EIO, _("%s: cannot read its schema: %s"), name, sqlite3_errmsg(h));
	while (rc == TSU_OK && sqlite3_step(tabs) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tabs, 0);

		sqlite3_bind_text(cols, 1, t, -1, SQLITE_STATIC);
		while (rc == TSU_OK && sqlite3_step(cols) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(cols, 0);
			sqlite3_bind_text(has, 1, t, -1, SQLITE_STATIC);
			sqlite3_bind_text(has, 2, c, -1, SQLITE_STATIC);
			if (sqlite3_step(has) != SQLITE_ROW || sqlite3_column_int(has, 0) != 1)
				rc = err_set(e, TSU_EINVAL, _("%s lacks %s.%s, which a tsunagi database of schema %d has; it is not a whole tsunagi database"),
					     name, t, c, version);
			sqlite3_reset(has);
		}
		sqlite3_reset(cols);
	}
	sqlite3_finalize(tabs);
	sqlite3_finalize(cols);
	sqlite3_finalize(has);
	return rc;
}

int db_schema_matches(struct sqlite3 *h, int version, const char *name, tsu_err *e)
{
	sqlite3 *ref = NULL;
	int rc = TSU_OK;

	if (version < 1 || version > schema_migration_count)
		return err_set(e, TSU_EINVAL, _("%s has schema %d, which this tsunagi does not know"), name, version);
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		rc = err_set(e, TSU_ENOMEM, _("out of memory"));
	for (int i = 0; rc == TSU_OK && i < version; i++)
		if (sqlite3_exec(ref, schema_migrations[i], NULL, NULL, NULL) != SQLITE_OK)
			rc = err_set(e, TSU_EIO, _("building schema %d: %s"), version, sqlite3_errmsg(ref));
	if (rc == TSU_OK)
		rc = compare_schema(ref, h, version, name, e);
	sqlite3_close(ref);
	return rc;
}

int db_schema_version(void)
{
	return schema_migration_count;
}

/* Whether a migration leaves the exported tables and their columns as
 * they were: its SQL only creates indexes (comments aside), or it says
 * so with a line "-- tables unchanged" (triggers and clean-ups of
 * derived rows, whose bodies a statement splitter this simple cannot
 * read) or "-- exported tables unchanged" (it changes only tables that
 * `export all` leaves out, see store_dump_tables). */
static bool has_marker(const char *sql, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	if (!strncmp(sql, line, n) && sql[n] == '\n')
		return true;
	for (p = sql; (p = strstr(p, line)) != NULL; p += n)
		if (p > sql && p[-1] == '\n' && p[n] == '\n')
			return true;
	return false;
}

static bool index_only(const char *sql)
{
	const char *p = sql;

	if (has_marker(sql, "-- tables unchanged") || has_marker(sql, "-- exported tables unchanged"))
		return true;
	for (;;) {
		p += strspn(p, " \t\r\n");
		if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
			continue;
		}
		if (!*p)
			return true;
		if (strncmp(p, "CREATE INDEX ", 13) != 0)
			return false;
		p += strcspn(p, ";");
		if (*p)
			p++;
	}
}

int db_same_tables_since(db *d)
{
	int v = db_user_version(d);

	while (v > 1 && v <= schema_migration_count && index_only(schema_migrations[v - 1]))
		v--;
	return v;
}

int db_user_version(db *d)
{
	return (int)db_int64_or(db_prepare(d, "PRAGMA user_version"), -1);
}

static int migrate(db *d, tsu_err *e)
{
	int have = db_user_version(d);
	int want = db_schema_version();

	if (have > want)
		return err_set(e, TSU_EFAIL, _("%s was written by a newer tsunagi (schema %d; this one knows up to %d); install the newer tsunagi to open it"),
			       d->path, have, want);
	if (have == want)
		return TSU_OK;
	if (db_begin(d, e) != TSU_OK)
		return e ? e->code : TSU_EFAIL;
	for (int i = have; i < want; i++) {
		if (sqlite3_exec(d->h, schema_migrations[i], NULL, NULL, NULL) != SQLITE_OK) {
			db_error(d, e, _("upgrading the database"));
			db_rollback(d);
			return TSU_EIO;
		}
	}
	char sql[64];
	/* user_version cannot be bound; the value is our own integer. */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", want);
	if (exec_simple(d, sql, e, _("upgrading the database")) != TSU_OK) {
		db_rollback(d);
		return TSU_EIO;
	}
	return db_commit(d, e);
}

/*
 * The day's integrity check.  Once a day (by the clock, not
 * TSUNAGI_TODAY) the database gets a full PRAGMA integrity_check, as
 * `tsunagi check` does; pages damaged later are still caught by SQLite
 * as it reads them.  Not quick_check: it does not compare indexes with
 * their tables, so a flipped byte in an index page passed it, and a
 * damaged index can silently leave items out of the due list.
 *
 * It used to run inside the day's first db_open: 0.3 s at 1,000 clients,
 * ~1 s at 10,000 and 28 s at 100,000 before the first command of the day
 * printed anything.  Now db_open only reads what the last check found
 * (meta: quick_check_day, the clock day of the last completed check, an
 * old name kept; integrity_problem, its first line when it was not
 * "ok") and says whether today's is still due; the program runs it after
 * its output in a process of its own (`tsunagi check --daily`, started
 * by the command line and the UI), which reads through a read-only
 * connection (a WAL reader never blocks a writer) and then writes the
 * two meta rows in one short transaction.  A lock file beside the
 * database (db_check_lock) keeps it to one check at a time; a checker
 * that is killed loses its lock and the next command starts another.
 * A database this open has just created is new and whole: it is marked
 * checked at once.
 */

static bool has_meta(db *d)
{
	return db_int64_or(db_prepare(d, "SELECT count(*) FROM sqlite_schema"
					 " WHERE type = 'table' AND name = 'meta'"), 0) != 0;
}

static bool checked_today(db *d)
{
	char day[16];
	db_stmt *s;
	bool same = false;

	if (!has_meta(d))
		return false;
	date_clock_day(day);
	s = db_prepare(d, "SELECT value FROM meta WHERE key = 'quick_check_day'");
	if (db_step(s) == DB_ROW)
		same = strcmp(db_col_text(s, 0), day) == 0;
	db_reset(s);
	return same;
}

bool db_check_problem(db *d, char *buf, size_t n)
{
	db_stmt *s;
	bool found = false;

	if (n)
		buf[0] = '\0';
	if (!has_meta(d))
		return false;
	s = db_prepare(d, "SELECT value FROM meta WHERE key = 'integrity_problem'");
	if (db_step(s) == DB_ROW) {
		found = true;
		if (n)
			snprintf(buf, n, "%s", db_col_text(s, 0));
	}
	db_reset(s);
	return found;
}

bool db_check_due(const db *d)
{
	return d->check_due;
}

/* The day's check and what it found, in one short write. */
static int record_check(db *d, const char *result, tsu_err *e)
{
	char day[16];
	db_stmt *s;

	date_clock_day(day);
	if (db_begin(d, e) != TSU_OK)
		return e ? e->code : TSU_EIO;
	s = db_prepare(d, "INSERT OR REPLACE INTO meta (key, value) VALUES ('quick_check_day', :day)");
	db_bind_text(s, ":day", day);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (strcmp(result, "ok") == 0) {
		s = db_prepare(d, "DELETE FROM meta WHERE key = 'integrity_problem'");
	} else {
		s = db_prepare(d, "INSERT OR REPLACE INTO meta (key, value) VALUES ('integrity_problem', :r)");
		db_bind_text(s, ":r", result);
	}
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return e ? e->code : TSU_EIO;
}

static int damaged(const char *path, const char *res, tsu_err *e)
{
	return err_set(e, TSU_EIO, _("the database file %s is damaged (%s); restore it from a backup with 'tsunagi restore FILE'"), path, res);
}

char *db_check_lock_path(const char *path)
{
	return xasprintf("%s-check.lock", path);
}

int db_check_lock(const char *path)
{
	char *p = db_check_lock_path(path);
	int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

	free(p);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

bool db_check_running(const char *path)
{
	int fd = db_check_lock(path);

	if (fd < 0)
		return true;
	close(fd);
	return false;
}

/* For tests only: TSUNAGI_TEST_CHECK_WAIT names a FIFO the checker reads
 * to its end while it holds its read transaction, so a test can write
 * to the database meanwhile (a checker must never block a writer). */
static void test_wait(void)
{
	const char *p = getenv("TSUNAGI_TEST_CHECK_WAIT");
	char buf[64];
	int fd;

	if (!p || !*p || (fd = open(p, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	while (read(fd, buf, sizeof buf) > 0)
		;
	close(fd);
}

/* "*** in database main ***\nOn tree page 106 ..." -> "On tree page 106 ...":
 * one line for the messages. */
static void one_line(char *res)
{
	static const char head[] = "*** in database main ***";
	size_t n = strlen(head);

	if (strncmp(res, head, n) == 0)
		memmove(res, res + n + strspn(res + n, " \n"), strlen(res + n + strspn(res + n, " \n")) + 1);
	for (char *p = res; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

int db_check_run(const char *path, char *res, size_t n, tsu_err *e)
{
	db *d;
	db_stmt *s;
	int rc, lock = db_check_lock(path);

	if (lock < 0)
		return err_set(e, TSU_EFAIL, _("another tsunagi is checking %s already"), path);
	if ((rc = db_open(&d, path, DB_READONLY | DB_NO_MIGRATE, e)) != TSU_OK) {
		close(lock);
		return rc;
	}
	db_read_begin(d);
	if (db_int64_or(db_prepare(d, "SELECT count(*) FROM sqlite_schema"), 0) > 0)
		test_wait();
	s = db_prepare(d, "PRAGMA integrity_check");
	rc = db_step(s);
	snprintf(res, n, "%s", rc == DB_ROW ? db_col_text(s, 0) : "");
	db_reset(s);
	db_read_end(d);
	if (rc < 0) {
		int code = sqlite3_extended_errcode(d->h) & 0xff;
		/* SQLite refused a page: that is the finding.  Anything
		 * else (busy, I/O) is not, and leaves the check due. */
		if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) {
			db_error(d, e, _("checking the database"));
			db_close(d);
			close(lock);
			return e ? e->code : TSU_EIO;
		}
		snprintf(res, n, "%s", sqlite3_errmsg(d->h));
	}
	db_close(d);
	one_line(res);
	/* The result is written by a connection of its own, opened now:
	 * the read-only one never takes the write lock. */
	if ((rc = db_open(&d, path, DB_NO_MIGRATE, e)) == TSU_OK) {
		rc = has_meta(d) ? record_check(d, res, e) : TSU_OK;
		/* A client deleted while the check read could not have the
		 * WAL truncated behind it (db_wal_truncate waits only 2 s for
		 * readers): truncate it now.  Each try takes what it can
		 * without waiting (no busy handler), so no writer waits for
		 * more than one checkpoint; a reader in the way gets a few
		 * moments to finish. */
		sqlite3_busy_timeout(d->h, 0);
		for (int i = 0; i < 20 && sqlite3_wal_checkpoint_v2(d->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) == SQLITE_BUSY; i++) {
			struct timespec ts = { 0, 50 * 1000000L };
			nanosleep(&ts, NULL);
		}
		db_close(d);
	}
	close(lock);
	if (rc != TSU_OK)
		return rc;
	return strcmp(res, "ok") == 0 ? TSU_OK : damaged(path, res, e);
}

int db_check_clear(db *d, tsu_err *e)
{
	return has_meta(d) ? record_check(d, "ok", e) : TSU_OK;
}

/*
 * SQLite's file locks and the WAL's shared memory are not reliable on a
 * network file system: two sessions on two machines can damage the
 * database.  db_open warns once per process when the file is on one.
 * TSUNAGI_TEST_FSTYPE (for tests only, e.g. 0x6969) stands in for the
 * detected file system type, so the warning can be checked without a
 * network mount.
 */
static const struct { unsigned long magic; const char *name; } netfs[] = {
	{ 0x6969, "NFS" },
	{ 0x517B, "SMB" },
	{ 0xFF534D42, "CIFS" },
	{ 0xFE534D42, "SMB2" },
	{ 0x65735546, "FUSE, e.g. sshfs" },
	{ 0x5346414F, "AFS" },
	{ 0x6B414653, "AFS" },
	{ 0x73757245, "Coda" },
	{ 0x01021997, "9P" },
	{ 0x00C36400, "Ceph" },
	{ 0x564C, "NCP" },
	{ 0x0BD00BD0, "Lustre" },
	{ 0x47504653, "GPFS" },
	{ 0x01161970, "GFS2" },
	{ 0x7461636F, "OCFS2" },
	{ 0x20030528, "OrangeFS" },
};

static const char *netfs_name(const char *path)
{
	const char *test = getenv("TSUNAGI_TEST_FSTYPE");
	unsigned long type = 0;
	bool known = false;

	if (test && *test) {
		type = strtoul(test, NULL, 0);
		known = true;
	}
#ifdef __linux__
	struct statfs fs;
	if (!known && statfs(path, &fs) == 0) {
		/* f_type is signed on some architectures: keep 32 bits. */
		type = (unsigned long)fs.f_type & 0xFFFFFFFFUL;
		known = true;
	}
#endif
	if (!known)
		return NULL;
	for (size_t i = 0; i < sizeof netfs / sizeof netfs[0]; i++)
		if (netfs[i].magic == type)
			return netfs[i].name;
	return NULL;
}

static void warn_netfs(const char *path)
{
	static bool warned;
	const char *name;
	char *safe;

	if (warned)
		return;
	name = netfs_name(path);
	if (!name)
		return;
	warned = true;
	/* Before the UI starts its screen (it opens the database first),
	 * so the line never lands inside the full-screen display. */
	safe = text_sanitize(path, false);
	fprintf(stderr, "tsunagi: ");
	fprintf(stderr, _("warning: %s is on a network file system (%s); SQLite's locking is not reliable there, so keep the database on a local disk"), safe, name);
	fputc('\n', stderr);
	free(safe);
}

int db_open(db **out, const char *path, int flags, tsu_err *e)
{
	struct stat sb;
	db *d;
	int oflags;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (!(flags & DB_CREATE) || (flags & DB_READONLY))
			return err_set(e, TSU_ENOTFOUND, _("no database at %s; create one with 'tsunagi client add' or 'tsunagi demo', or give --db FILE"), path);
		if (make_parent_dirs(path, e) != TSU_OK || private_dir(path, e) != TSU_OK ||
		    precreate(path, e) != TSU_OK)
			return e ? e->code : TSU_EIO;
	} else if (!S_ISREG(sb.st_mode)) {
		return err_set(e, TSU_EINVAL, _("%s is not a regular file; give --db a database file"), path);
	}
	if (db_check_private(path, e) != TSU_OK)
		return e ? e->code : TSU_EINVAL;
	if (!(flags & DB_READONLY))
		fix_journal_modes(path);

	warn_netfs(path);

	d = xcalloc(1, sizeof *d);
	d->path = xstrdup(path);
	oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &d->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_error(d, e, _("opening the database"));
		db_close(d);
		return TSU_EIO;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, 5000);

	/* Read something first so a file that is not a database is caught
	 * before any pragma tries to write to it. */
	if (sqlite3_exec(d->h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
		db_error(d, e, _("opening the database"));
		db_close(d);
		return TSU_EIO;
	}
	if (!(flags & DB_READONLY) &&
	    exec_simple(d, "PRAGMA journal_mode = WAL", e, _("opening the database")) != TSU_OK)
		goto fail;
	/* temp_store = MEMORY: statement journals, sorts and temporary
	 * tables never spill to /var/tmp, where deleting a client used to
	 * copy its pages (found by the confidentiality test). */
	if (exec_simple(d, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
			   " PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY",
			   e, _("opening the database")) != TSU_OK)
		goto fail;

	if (!(flags & DB_NO_MIGRATE)) {
		bool fresh = db_user_version(d) == 0;
		char res[200];

		/* What the last day's check found stops every command until
		 * a restore (or a `tsunagi check` that finds it whole). */
		if (db_check_problem(d, res, sizeof res)) {
			damaged(path, res, e);
			goto fail;
		}
		if (!(flags & DB_READONLY) && migrate(d, e) != TSU_OK)
			goto fail;
		if ((flags & DB_READONLY) && db_user_version(d) > db_schema_version()) {
			err_set(e, TSU_EFAIL, _("%s was written by a newer tsunagi; install the newer tsunagi to open it"), path);
			goto fail;
		}
		d->check_due = !checked_today(d);
		/* Best effort: failing to note it only has it checked. */
		if (d->check_due && fresh && !(flags & DB_READONLY) && record_check(d, "ok", NULL) == TSU_OK)
			d->check_due = false;
	}
	*out = d;
	return TSU_OK;
fail:
	db_close(d);
	return e ? (e->code ? e->code : TSU_EIO) : TSU_EIO;
}

void db_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < STMT_BUCKETS; i++) {
		struct db_stmt *s = d->cache[i], *n;
		for (; s; s = n) {
			n = s->next;
			sqlite3_finalize(s->st);
			free(s);
		}
	}
	if (d->h)
		sqlite3_close(d->h);
	free(d->path);
	free(d);
}

const char *db_path(const db *d) { return d->path; }
const char *db_login(const db *d)
{
	/* The handle is never const itself: only the login is filled in. */
	db *w = (db *)d;

	if (!w->login[0])
		set_login(w);
	return w->login;
}
struct sqlite3 *db_handle(db *d) { return d->h; }

void db_read_begin(db *d)
{
	if (d->read_depth++ == 0 && d->depth == 0 && sqlite3_get_autocommit(d->h))
		d->read_open = sqlite3_exec(d->h, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK;
}

void db_read_end(db *d)
{
	if (d->read_depth <= 0 || --d->read_depth > 0)
		return;
	if (d->read_open && !sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL);
	d->read_open = false;
}

void db_wal_truncate(db *d)
{
	if (d->depth > 0 || d->read_open || sqlite3_get_autocommit(d->h) == 0)
		return;
	/* Readers (an open UI between two reads) get a moment to finish;
	 * one that keeps its snapshot only costs the truncation. */
	sqlite3_busy_timeout(d->h, 2000);
	sqlite3_wal_checkpoint_v2(d->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_busy_timeout(d->h, 5000);
}

int db_begin(db *d, tsu_err *e)
{
	char sql[32];

	if (d->read_open)
		return err_set(e, TSU_EFAIL, "internal error: saving inside a read section");
	if (d->depth == 0) {
		if (exec_simple(d, "BEGIN IMMEDIATE", e, _("starting to save")) != TSU_OK)
			return e ? e->code : TSU_EIO;
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT s%d", d->depth);
		if (exec_simple(d, sql, e, _("starting to save")) != TSU_OK)
			return e ? e->code : TSU_EIO;
	}
	d->depth++;
	return TSU_OK;
}

int db_commit(db *d, tsu_err *e)
{
	char sql[32];

	if (d->depth <= 0)
		return err_set(e, TSU_EFAIL, "internal error: commit without a transaction");
	if (d->depth == 1) {
		if (exec_simple(d, "COMMIT", e, _("saving")) != TSU_OK) {
			/* COMMIT can fail (disk full, I/O): roll the whole
			 * transaction back so nothing is half-written. */
			db_rollback(d);
			return e ? e->code : TSU_EIO;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE s%d", d->depth - 1);
		if (exec_simple(d, sql, e, _("saving")) != TSU_OK)
			return e ? e->code : TSU_EIO;
	}
	d->depth--;
	return TSU_OK;
}

void db_rollback(db *d)
{
	char sql[64];

	if (d->depth <= 0)
		return;
	if (d->depth == 1) {
		if (sqlite3_get_autocommit(d->h) == 0)
			sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO s%d; RELEASE s%d", d->depth - 1, d->depth - 1);
		sqlite3_exec(d->h, sql, NULL, NULL, NULL);
	}
	d->depth--;
}

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

db_stmt *db_prepare(db *d, const char *sql)
{
	unsigned b = hash_str(sql) % STMT_BUCKETS;
	struct db_stmt *s;

	for (s = d->cache[b]; s; s = s->next)
		if (s->sql == sql || strcmp(sqlite3_sql(s->st), sql) == 0)
			return s;
	s = xcalloc(1, sizeof *s);
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK || !s->st)
		die_sql(d, "preparing a statement", sql);
	s->owner = d;
	s->sql = sql;
	s->next = d->cache[b];
	d->cache[b] = s;
	return s;
}

static int param(db_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s->st, name);
	if (i == 0)
		die_sql(s->owner, "no such parameter", name);
	return i;
}

void db_bind_int(db_stmt *s, const char *name, int v)
{
	sqlite3_bind_int(s->st, param(s, name), v);
}

void db_bind_int64(db_stmt *s, const char *name, int64_t v)
{
	sqlite3_bind_int64(s->st, param(s, name), v);
}

void db_bind_text(db_stmt *s, const char *name, const char *v)
{
	if (v)
		sqlite3_bind_text(s->st, param(s, name), v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, param(s, name));
}

void db_bind_month(db_stmt *s, const char *name, month_t m)
{
	char buf[MONTH_ISO_LEN];

	month_format_iso(m, buf);
	if (!buf[0]) {
		sqlite3_bind_null(s->st, param(s, name));
		return;
	}
	sqlite3_bind_text(s->st, param(s, name), buf, -1, SQLITE_TRANSIENT);
}

void db_bind_date(db_stmt *s, const char *name, date_t d)
{
	char buf[DATE_ISO_LEN];

	if (d == DATE_NONE) {
		sqlite3_bind_null(s->st, param(s, name));
		return;
	}
	date_format_iso(d, buf);
	sqlite3_bind_text(s->st, param(s, name), buf, -1, SQLITE_TRANSIENT);
}

void db_bind_null(db_stmt *s, const char *name)
{
	sqlite3_bind_null(s->st, param(s, name));
}

int db_step(db_stmt *s)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return -rc;
}

void db_reset(db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

bool db_col_null(db_stmt *s, int i)
{
	return sqlite3_column_type(s->st, i) == SQLITE_NULL;
}

int db_col_int(db_stmt *s, int i)
{
	return sqlite3_column_int(s->st, i);
}

int64_t db_col_int64(db_stmt *s, int i)
{
	return sqlite3_column_int64(s->st, i);
}

const char *db_col_text(db_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s->st, i);
	return t ? (const char *)t : "";
}

const char *db_col_text_or_null(db_stmt *s, int i)
{
	/* One call where db_col_null and db_col_text were two: NULL is the
	 * one value sqlite3_column_text gives NULL for (but out of memory,
	 * which xmalloc's policy does not expect either). */
	return (const char *)sqlite3_column_text(s->st, i);
}

char *db_col_strdup(db_stmt *s, int i)
{
	return xstrdup(db_col_text(s, i));
}

/* Stored dates are always 'YYYY-MM-DD'; this is on every hot path of
 * the due list, so no sscanf. */
date_t db_col_date(db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);
	int v[8];

	for (int k = 0, j = 0; k < 10; k++) {
		if (k == 4 || k == 7) {
			if (t[k] != '-')
				return DATE_NONE;
			continue;
		}
		if (t[k] < '0' || t[k] > '9')
			return DATE_NONE;
		v[j++] = t[k] - '0';
	}
	if (t[10] != '\0')
		return DATE_NONE;
	return date_from_ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3],
			     v[4] * 10 + v[5], v[6] * 10 + v[7]);
}

month_t db_col_month(db_stmt *s, int i)
{
	return month_from_iso(db_col_text(s, i));
}

int db_exec(db_stmt *s, tsu_err *e)
{
	int rc = db_step(s);

	if (rc < 0) {
		db_error(s->owner, e, _("saving"));
		db_reset(s);
		return e ? e->code : TSU_EIO;
	}
	db_reset(s);
	return TSU_OK;
}

int64_t db_int64_or(db_stmt *s, int64_t dflt)
{
	int64_t v = dflt;

	if (db_step(s) == DB_ROW && !db_col_null(s, 0))
		v = db_col_int64(s, 0);
	db_reset(s);
	return v;
}

int db_int64_all(db_stmt *s, int64_t **ids, size_t *n, const char *what, tsu_err *e)
{
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = db_col_int64(s, 0);
	}
	db_reset(s);
	if (rc < 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_error(s->owner, e, what);
	}
	return TSU_OK;
}

int64_t db_last_insert_id(db *d)
{
	return sqlite3_last_insert_rowid(d->h);
}

int db_changes(db *d)
{
	return sqlite3_changes(d->h);
}

int db_audit(db *d, const char *table, int64_t row_id, const char *action, tsu_err *e)
{
	db_stmt *s = db_prepare(d,
		"INSERT INTO audit (login, tbl, row_id, action)"
		" VALUES (:login, :tbl, :row, :action)");

	db_bind_text(s, ":login", db_login(d));
	db_bind_text(s, ":tbl", table);
	db_bind_int64(s, ":row", row_id);
	db_bind_text(s, ":action", action);
	return db_exec(s, e);
}

int db_check_updated(db *d, const char *select_sql, int64_t id, tsu_err *e)
{
	db_stmt *s;

	if (db_changes(d) > 0)
		return TSU_OK;
	s = db_prepare(d, select_sql);
	db_bind_int64(s, ":id", id);
	if (db_step(s) == DB_ROW) {
		db_reset(s);
		return err_set(e, TSU_ECONFLICT, _("this record was changed by another session while you edited it; your text is kept: reload to see the other change, then apply yours again"));
	}
	db_reset(s);
	return err_set(e, TSU_ENOTFOUND, _("this record was deleted by another session; your text is kept"));
}
