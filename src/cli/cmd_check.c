/*
 * cmd_check.c - `tsunagi check`: is the database whole, of a schema this
 * program knows, and private?  It reads only; nothing is migrated or
 * repaired here.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/tmpguard.h"
#include "tsunagi/xalloc.h"

/* Returns 1 for a problem.  A directory that others can list is only
 * a warning: it may be a shared place the user chose with --db. */
static int check_mode(const char *path, mode_t want, int must_exist, int is_dir)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return 0;
		printf(_("PROBLEM  %s: %s\n"), path, strerror(errno));
		return 1;
	}
	if (sb.st_uid != geteuid() && !(is_dir && (sb.st_mode & S_ISVTX))) {
		printf(_("PROBLEM  %s: belongs to another user (uid %u); use a database in a directory of your own (--db FILE)\n"),
		       path, (unsigned)sb.st_uid);
		return 1;
	}
	if (is_dir && (sb.st_mode & 022) && !(sb.st_mode & S_ISVTX)) {
		printf(_("PROBLEM  %s: directory mode %03o lets others replace files in it; run: chmod go-w '%s'\n"),
		       path, (unsigned)(sb.st_mode & 0777), path);
		return 1;
	}
	if ((sb.st_mode & 0777 & ~want) != 0 && is_dir) {
		printf(_("WARNING  %s: directory mode %03o lets others list it; a private 0700 directory is safer\n"),
		       path, (unsigned)(sb.st_mode & 0777));
		return 0;
	}
	if (!is_dir && !must_exist && (sb.st_mode & 0600) != 0600) {
		/* A -wal or -shm: tsunagi must be able to write it. */
		printf(_("PROBLEM  %s: mode %03o: tsunagi cannot write it and every change will fail; run: chmod 600 '%s'\n"),
		       path, (unsigned)(sb.st_mode & 0777), path);
		return 1;
	}
	if ((sb.st_mode & 0777 & ~want) != 0) {
		printf(_("PROBLEM  %s: mode %03o lets others read it; run: chmod %03o '%s'\n"),
		       path, (unsigned)(sb.st_mode & 0777), (unsigned)want, path);
		return 1;
	}
	printf(_("ok       %s: mode %03o\n"), path, (unsigned)(sb.st_mode & 0777));
	return 0;
}

static void report_leftover(const char *path, void *arg)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		printf(_("PROBLEM  %s: a leftover $EDITOR directory (it may keep typed text); run: rm -r '%s'\n"),
		       path, path);
		return;
	}
	printf(_("PROBLEM  %s: a leftover temporary copy of the database (it may keep deleted clients); run: rm '%s'\n"),
	       path, path);
}

/* Owner and mode of the database, its -wal and -shm and its directory. */
static int check_files(const char *path)
{
	const char *suffixes[] = { "-wal", "-shm" };
	int problems = check_mode(path, 0600, 1, 0);
	char *dir = xstrdup(path);
	const char *where;

	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);
		problems += check_mode(p, 0600, 0, 0);
		free(p);
	}
	where = dirname(dir);
	problems += check_mode(where, 0700, 1, 1);
	problems += tmp_stale(where, report_leftover, NULL);
	free(dir);
	return problems;
}

static bool forget_problem(const char *path)
{
	char res[200];
	bool had;
	db *d;

	if (db_open(&d, path, DB_NO_MIGRATE, NULL) != TSU_OK)
		return false;
	had = db_check_problem(d, res, sizeof res) && db_check_clear(d, NULL) == TSU_OK;
	db_close(d);
	return had;
}

/* The day's check: what the background process runs. */
static int check_daily(cli_ctx *ctx)
{
	char res[200];
	tsu_err e;

	if (db_check_run(ctx->db_path, res, sizeof res, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	printf(_("ok       integrity\n"));
	return EXIT_OK;
}

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
	bool whole = false, recorded;
	int problems = 0, rc, have, want;
	tsu_err e;
	db *d;
	db_stmt *s;

	if (argc > 1) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			fputs(_("Usage: tsunagi check [--daily]\n"
				"Checks the database's integrity, schema version and file modes.\n"
				"--daily: only the day's integrity check, its result kept in the database\n"
				"(what tsunagi runs by itself in the background once a day).\n"), stdout);
			return EXIT_OK;
		}
		if (!strcmp(argv[1], "--daily") && argc == 2)
			return check_daily(ctx);
		return cli_usage("check", _("unexpected '%s'"), argv[1]);
	}
	if (db_open(&d, ctx->db_path, DB_READONLY | DB_NO_MIGRATE, &e) != TSU_OK) {
		/* Say what is wrong with each file (owner, mode) before giving up. */
		if (e.code == TSU_EINVAL)
			check_files(ctx->db_path);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}

	printf(_("database %s\n"), ctx->db_path);
	have = db_user_version(d);
	want = db_schema_version();
	if (have > want) {
		printf(_("PROBLEM  schema %d is newer than this tsunagi knows (%d); install the newer tsunagi\n"), have, want);
		problems++;
	} else if (have < want) {
		printf(_("ok       schema %d; it will be upgraded to %d when tsunagi next writes\n"), have, want);
	} else {
		printf(_("ok       schema %d\n"), have);
	}
	if (have <= want) {
		if (db_schema_matches(db_handle(d), have, ctx->db_path, &e) == TSU_OK) {
			printf(_("ok       tables and columns of schema %d\n"), have);
		} else {
			printf(_("PROBLEM  %s; restore a backup with 'tsunagi restore FILE'\n"), e.msg);
			problems++;
		}
	}

	s = db_prepare(d, "PRAGMA integrity_check");
	while ((rc = db_step(s)) == DB_ROW) {
		const char *r = db_col_text(s, 0);
		if (strcmp(r, "ok") == 0) {
			printf(_("ok       integrity\n"));
			whole = true;
		} else {
			printf(_("PROBLEM  integrity: %s\n"), r);
			problems++;
		}
	}
	db_reset(s);
	if (rc < 0) {
		db_error(d, &e, _("checking integrity"));
		printf("PROBLEM  %s\n", e.msg);
		problems++;
	}
	if (have == want) {
		s = db_prepare(d, "PRAGMA foreign_key_check");
		rc = db_step(s);
		if (rc == DB_ROW) {
			printf(_("PROBLEM  a %s row refers to a missing record; restore from a backup\n"), db_col_text(s, 0));
			problems++;
		} else if (rc == DB_DONE) {
			printf(_("ok       references\n"));
		}
		db_reset(s);
	}
	recorded = db_check_problem(d, NULL, 0);
	db_close(d);
	/* A problem the day's check recorded that is gone now (a false
	 * alarm, or a file put back by hand) no longer stops commands. */
	if (recorded && whole && problems == 0 && forget_problem(ctx->db_path))
		printf(_("ok       the problem the day's check had recorded is gone; commands work again\n"));

	problems += check_files(ctx->db_path);

	if (problems) {
		printf(_("%d problem(s) found\n"), problems);
		return EXIT_FAIL;
	}
	printf(_("no problems found\n"));
	return EXIT_OK;
}
