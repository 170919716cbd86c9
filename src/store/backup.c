/*
 * backup.c - backup and restore (see backup.h).  Both write a temporary
 * file beside the target and rename it into place, so a failure at any
 * point leaves the old file as it was, and neither ever shows anyone a
 * half-written database.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tsunagi/backup.h"
#include "tsunagi/i18n.h"
#include "tsunagi/tmpguard.h"
#include "tsunagi/xalloc.h"

static int sql_fail(sqlite3 *h, tsu_err *e, const char *what)
{
	int rc = h ? sqlite3_errcode(h) & 0xff : SQLITE_ERROR;

	if (rc == SQLITE_FULL)
		return err_set(e, TSU_EIO, _("%s: the disk is full; free some space and try again"), what);
	return err_set(e, TSU_EIO, _("%s: %s"), what, h ? sqlite3_errmsg(h) : "out of memory");
}

static void pause_briefly(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

static int fsync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static void fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	fsync_path(dirname(copy), true);
	free(copy);
}

/* "ok" from PRAGMA integrity_check, or the first problem in e. */
static int integrity(sqlite3 *h, const char *name, tsu_err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return err_set(e, TSU_EIO, _("%s is not a readable database: %s"), name, sqlite3_errmsg(h));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		err_set(e, TSU_EIO, _("%s is not a readable database: %s"), name, sqlite3_errmsg(h));
		sqlite3_finalize(st);
		return TSU_EIO;
	}
	if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		err_set(e, TSU_EIO, _("%s is damaged (integrity_check: %.200s)"), name, sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return TSU_EIO;
	}
	sqlite3_finalize(st);
	return TSU_OK;
}

/* Copy all of src into dst in one step (one consistent snapshot),
 * waiting while a checkpoint holds the source. */
static int copy_db(sqlite3 *dst, sqlite3 *src, tsu_err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, tries = 0;

	if (!b)
		return sql_fail(dst, e, _("starting the copy"));
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 200)
			break;
		pause_briefly();
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			return err_set(e, TSU_EIO, _("the database stayed busy for 10 seconds; try again in a moment"));
		return sql_fail(dst, e, _("copying the database"));
	}
	/* A backup is one self-contained file, whatever the source's mode. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(dst, e, _("finishing the copy"));
	return TSU_OK;
}

/* A private temporary file beside path (caller frees the name), guarded
 * in *slot so that a signal removes it (see tmpguard.h). */
static char *temp_beside(const char *path, const char *what, int *slot, tsu_err *e)
{
	char *tmp = xasprintf("%s.%sXXXXXX", path, what);
	int fd = mkstemp(tmp);

	if (fd < 0) {
		err_set(e, TSU_EIO, _("cannot create a file beside %s: %s; check the directory"), path, strerror(errno));
		free(tmp);
		return NULL;
	}
	fchmod(fd, 0600);
	close(fd);
	*slot = tmp_guard(tmp);
	return tmp;
}

static void remove_with_journals(const char *path)
{
	const char *suffix[] = { "", "-journal", "-wal", "-shm" };

	for (size_t i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int backup_write(db *d, const char *path, tsu_err *e)
{
	sqlite3 *dst = NULL;
	char *tmp;
	int rc, slot = -1;

	if (same_file(path, db_path(d)))
		return err_set(e, TSU_EINVAL, _("%s is the database itself; give another file for the backup"), path);
	if (!(tmp = temp_beside(path, "tmp", &slot, e)))
		return TSU_EIO;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = sql_fail(dst, e, _("creating the backup"));
		goto fail;
	}
	if ((rc = copy_db(dst, db_handle(d), e)) != TSU_OK)
		goto fail;
	if ((rc = integrity(dst, path, e)) != TSU_OK)
		goto fail;
	sqlite3_close(dst);
	dst = NULL;
	if (fsync_path(tmp, false) != 0 || rename(tmp, path) != 0) {
		rc = err_set(e, TSU_EIO, _("could not write %s: %s; the old file (if any) is unchanged"), path, strerror(errno));
		goto fail;
	}
	tmp_release(slot);
	fsync_dir_of(path);
	free(tmp);
	return TSU_OK;
fail:
	if (dst)
		sqlite3_close(dst);
	remove_with_journals(tmp);
	tmp_release(slot);
	free(tmp);
	return rc;
}

/* Open a backup file read-only without touching it or anything beside it. */
static int open_backup(const char *path, sqlite3 **h, tsu_err *e)
{
	strbuf uri;
	int rc;

	sb_init(&uri);
	sb_adds(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7F)
			sb_addf(&uri, "%%%02X", *p);
		else
			sb_addc(&uri, (char)*p);
	}
	sb_adds(&uri, "?immutable=1");
	rc = sqlite3_open_v2(uri.s, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	sb_free(&uri);
	if (rc != SQLITE_OK) {
		err_set(e, TSU_EIO, _("cannot open %s: %s"), path, *h ? sqlite3_errmsg(*h) : "out of memory");
		sqlite3_close(*h);
		*h = NULL;
		return TSU_EIO;
	}
	return TSU_OK;
}

static int check_open(sqlite3 *h, const char *path, int *schema, tsu_err *e)
{
	sqlite3_stmt *st;
	int have = -1, tables = 0;

	if (integrity(h, path, e) != TSU_OK)
		return TSU_EIO;
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			have = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
			       " AND name IN ('client', 'audit')", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (have < 1 || tables != 2)
		return err_set(e, TSU_EINVAL, _("%s is an SQLite file but not a tsunagi database"), path);
	if (have > db_schema_version())
		return err_set(e, TSU_EINVAL, _("%s was written by a newer tsunagi (schema %d; this one knows up to %d); restore it with the newer tsunagi"),
			       path, have, db_schema_version());
	if (db_schema_matches(h, have, path, e) != TSU_OK)
		return TSU_EINVAL;
	if (schema)
		*schema = have;
	return TSU_OK;
}

/* The SQLite header, read without opening the file with SQLite. */
static int check_header(const char *path, tsu_err *e)
{
	char head[16];
	int fd;
	ssize_t n;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, TSU_ENOTFOUND, _("cannot read %s: %s"), path, strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
		return err_set(e, TSU_EINVAL, _("%s is not a tsunagi backup (not an SQLite database)"), path);
	return TSU_OK;
}

int backup_check(const char *path, int *schema, tsu_err *e)
{
	sqlite3 *h;
	int rc;

	if ((rc = check_header(path, e)) != TSU_OK)
		return rc;
	if (open_backup(path, &h, e) != TSU_OK)
		return TSU_EIO;
	rc = check_open(h, path, schema, e);
	sqlite3_close(h);
	return rc;
}

/* Take the database for ourselves, or say it is in use.  In WAL mode
 * every open connection holds a shared lock on the file for as long as
 * it is open, so leaving WAL mode (which needs an exclusive lock) only
 * succeeds when no one else has it open; BEGIN EXCLUSIVE then keeps
 * everyone out until the files are swapped. */
static int take_over(const char *path, sqlite3 **h, tsu_err *e)
{
	if (sqlite3_open_v2(path, h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		goto busy;
	if (sqlite3_exec(*h, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(*h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(*h, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
		goto busy;
	return TSU_OK;
busy:
	if (*h && ((sqlite3_errcode(*h) & 0xff) == SQLITE_BUSY || (sqlite3_errcode(*h) & 0xff) == SQLITE_LOCKED))
		err_set(e, TSU_EINVAL, _("%s is in use by another tsunagi (or another program); close it there and try again; nothing was changed"), path);
	else
		sql_fail(*h, e, _("opening the database to replace"));
	sqlite3_close(*h);
	*h = NULL;
	return e->code ? e->code : TSU_EIO;
}

static char *kept_name(const char *path, date_t today)
{
	int y, m, d;
	char *name;
	struct stat sb;

	date_to_ymd(today, &y, &m, &d);
	name = xasprintf("%s.replaced-%04d-%02d-%02d", path, y, m, d);
	for (int i = 2; lstat(name, &sb) == 0 && i < 1000; i++) {
		free(name);
		name = xasprintf("%s.replaced-%04d-%02d-%02d-%d", path, y, m, d, i);
	}
	return name;
}

/* Copy the bytes of file from into out (an open descriptor). */
static int copy_into(const char *from, int out)
{
	char buf[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (in < 0)
		return -1;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	close(in);
	return n < 0 || fsync(out) != 0 ? -1 : 0;
}

/* Keep the old database under a new name without a moment where path
 * is missing: a hard link, or a copy where links are not possible. */
static int keep_old(const char *path, const char *kept, tsu_err *e)
{
	int out;

	if (link(path, kept) == 0)
		return TSU_OK;
	out = open(kept, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out >= 0 && copy_into(path, out) == 0) {
		close(out);
		return TSU_OK;
	}
	err_set(e, TSU_EIO, _("cannot keep the old database as %s: %s; nothing was changed"), kept, strerror(errno));
	if (out >= 0) {
		close(out);
		unlink(kept);
	}
	return TSU_EIO;
}

/* Copy from (and from-wal when there is one) into the private file tmp
 * (and tmp-wal), never opening from with SQLite: the source stays as it
 * is, without even a -shm beside it. */
static int stage_files(const char *from, const char *tmp, tsu_err *e)
{
	char *wal = xasprintf("%s-wal", from), *twal = NULL;
	int out = open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC), rc = TSU_OK;

	if (out < 0 || copy_into(from, out) != 0)
		rc = err_set(e, TSU_EIO, _("cannot copy %s: %s; nothing was changed"), from, strerror(errno));
	if (out >= 0)
		close(out);
	if (rc == TSU_OK && access(wal, F_OK) == 0) {
		twal = xasprintf("%s-wal", tmp);
		out = open(twal, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (out < 0 || copy_into(wal, out) != 0)
			rc = err_set(e, TSU_EIO, _("cannot copy %s: %s; nothing was changed"), wal, strerror(errno));
		if (out >= 0)
			close(out);
	}
	free(wal);
	free(twal);
	return rc;
}

/* Stage the backup set from into tmp, fold its -wal in and check it as
 * the one self-contained file that will be installed. */
static int stage_backup(const char *from, const char *tmp, int *schema, tsu_err *e)
{
	sqlite3 *h = NULL;
	int rc;

	if ((rc = stage_files(from, tmp, e)) != TSU_OK)
		return rc;
	if (sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = err_set(e, TSU_EINVAL, _("%s is not a readable database: %s"), from, h ? sqlite3_errmsg(h) : "out of memory");
	else
		rc = check_open(h, from, schema, e);
	sqlite3_close(h);
	if (rc == TSU_OK && fsync_path(tmp, false) != 0)
		rc = err_set(e, TSU_EIO, _("could not write %s: %s; nothing was changed"), tmp, strerror(errno));
	return rc;
}

int backup_restore(const char *from, const char *path, date_t today, char **kept,
		   int *schema, tsu_err *e)
{
	sqlite3 *old = NULL;
	struct stat sb;
	char *tmp = NULL;
	int rc, slot = -1;

	*kept = NULL;
	if (same_file(from, path))
		return err_set(e, TSU_EINVAL, _("%s is the database itself; give the backup file"), from);
	if ((rc = check_header(from, e)) != TSU_OK)
		return rc;
	if (!(tmp = temp_beside(path, "restore", &slot, e)))
		return TSU_EIO;
	if ((rc = stage_backup(from, tmp, schema, e)) != TSU_OK)
		goto out;
	if (stat(path, &sb) == 0 && (rc = take_over(path, &old, e)) != TSU_OK)
		goto out;
	if (old) {
		*kept = kept_name(path, today);
		if ((rc = keep_old(path, *kept, e)) != TSU_OK) {
			x_free(kept);
			goto out;
		}
	}
	/* Stale journals of the old database must not meet the new one. */
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, (const char *[]){ "-journal", "-wal", "-shm" }[i]);
		unlink(p);
		free(p);
	}
	if (rename(tmp, path) != 0) {
		rc = err_set(e, TSU_EIO, _("could not put the backup in place: %s; the old database is unchanged"), strerror(errno));
		if (*kept)
			unlink(*kept);
		x_free(kept);
		goto out;
	}
	remove_with_journals(tmp);
	tmp_release(slot);
	x_free(&tmp);
	fsync_dir_of(path);
	rc = TSU_OK;
out:
	if (old) {
		sqlite3_exec(old, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(old);
	}
	if (tmp) {
		remove_with_journals(tmp);
		tmp_release(slot);
		free(tmp);
	}
	return rc;
}
