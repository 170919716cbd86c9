/*
 * test_backup.c - backups are whole and private; a restore checks the
 * backup first, refuses a database someone has open, and keeps the one
 * it replaces beside it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "tsunagi/backup.h"
#include "tsunagi/db.h"
#include "tsunagi/store_client.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	char *bak;
};

static int64_t add(db *d, const char *name)
{
	client c;
	tsu_err e;
	int64_t id;

	client_init(&c);
	free(c.name);
	c.name = xstrdup(name);
	assert_int_equal(client_set(&c, "kana", "かな", &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
	assert_int_equal(store_client_add(d, &c, &e), TSU_OK);
	id = c.id;
	client_free(&c);
	return id;
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "backup");
	f->bak = xasprintf("%s/backup.db", f->x.dir);
	add(f->x.db, "山田 太郎");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fx_db_close(&f->x);
	free(f->bak);
	free(f);
	return 0;
}

static int64_t clients_in(const char *path)
{
	db *d;
	tsu_err e;
	int64_t n;

	assert_int_equal(db_open(&d, path, DB_NO_MIGRATE, &e), TSU_OK);
	n = db_int64_or(db_prepare(d, "SELECT count(*) FROM client"), -1);
	db_close(d);
	return n;
}

static void backup_is_whole_private_and_self_contained(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	tsu_err e;
	int schema;

	umask(022);
	assert_int_equal(backup_write(f->x.db, f->bak, &e), TSU_OK);
	assert_int_equal(stat(f->bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char *wal = xasprintf("%s-wal", f->bak);
	assert_int_not_equal(access(wal, F_OK), 0);
	free(wal);
	assert_int_equal(backup_check(f->bak, &schema, &e), TSU_OK);
	assert_int_equal(schema, db_schema_version());
	assert_int_equal(clients_in(f->bak), 1);
}

static void backup_refuses_to_overwrite_the_database_itself(void **state)
{
	struct fx *f = *state;
	tsu_err e;

	assert_int_equal(backup_write(f->x.db, f->x.path, &e), TSU_EINVAL);
	assert_int_equal(clients_in(f->x.path), 1);
}

static void restore_refuses_a_database_another_connection_has_open(void **state)
{
	struct fx *f = *state;
	char *kept = NULL;
	tsu_err e;

	assert_int_equal(backup_write(f->x.db, f->bak, &e), TSU_OK);
	add(f->x.db, "山田 花子");
	/* f->x.db is still open, as another session's would be. */
	assert_int_equal(backup_restore(f->bak, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "in use"));
	assert_null(kept);
	assert_int_equal(db_int64_or(db_prepare(f->x.db, "SELECT count(*) FROM client"), -1), 2);
}

static void restore_keeps_the_replaced_database_beside_it(void **state)
{
	struct fx *f = *state;
	char *kept = NULL, *kept2 = NULL;
	struct stat sb;
	tsu_err e;

	assert_int_equal(backup_write(f->x.db, f->bak, &e), TSU_OK);
	add(f->x.db, "山田 花子");
	db_close(f->x.db);
	f->x.db = NULL;
	assert_int_equal(backup_restore(f->bak, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_OK);
	assert_non_null(kept);
	assert_non_null(strstr(kept, "t.db.replaced-2026-11-23"));
	assert_int_equal(clients_in(f->x.path), 1);
	assert_int_equal(clients_in(kept), 2);
	assert_int_equal(stat(f->x.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* A second restore the same day keeps another name. */
	assert_int_equal(backup_restore(f->bak, f->x.path, date_from_ymd(2026, 11, 23), &kept2, NULL, &e), TSU_OK);
	assert_string_not_equal(kept, kept2);
	assert_int_equal(clients_in(kept), 2);
	free(kept);
	free(kept2);
}

static void restore_checks_the_backup_before_touching_anything(void **state)
{
	struct fx *f = *state;
	char *kept = NULL, *junk = xasprintf("%s/junk.db", f->x.dir);
	FILE *fp;
	sqlite3 *h;
	tsu_err e;

	db_close(f->x.db);
	f->x.db = NULL;
	/* Not a database. */
	fp = fopen(junk, "w");
	fputs("氏名,フリガナ\n", fp);
	fclose(fp);
	assert_int_equal(backup_restore(junk, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	/* A database from a newer tsunagi. */
	unlink(junk);
	assert_int_equal(sqlite3_open(junk, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE client (id); CREATE TABLE audit (id); PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(backup_restore(junk, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "newer"));
	/* Some other SQLite file. */
	unlink(junk);
	assert_int_equal(sqlite3_open(junk, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE t (x); PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(backup_restore(junk, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "not a tsunagi database"));
	assert_null(kept);
	assert_int_equal(clients_in(f->x.path), 1);
	free(junk);
}

static void damaged_backup_fails_integrity_check(void **state)
{
	struct fx *f = *state;
	FILE *fp;
	tsu_err e;
	char page[4096];

	assert_int_equal(backup_write(f->x.db, f->bak, &e), TSU_OK);
	/* Scribble over the b-tree page headers after the first page. */
	fp = fopen(f->bak, "r+b");
	assert_non_null(fp);
	memset(page, 0x5A, sizeof page);
	for (long pg = 1; pg < 8; pg++) {
		fseek(fp, pg * 4096, SEEK_SET);
		fwrite(page, 1, 12, fp);
	}
	fclose(fp);
	assert_int_not_equal(backup_check(f->bak, NULL, &e), TSU_OK);
}

static void restore_refuses_a_file_without_every_table_and_column(void **state)
{
	struct fx *f = *state;
	char *kept = NULL, *junk = xasprintf("%s/junk.db", f->x.dir);
	sqlite3 *h;
	tsu_err e;

	/* Plausible user_version and the two tables once looked for, no more. */
	assert_int_equal(sqlite3_open(junk, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE client (id); CREATE TABLE audit (id); PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(backup_restore(junk, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "lacks"));
	assert_null(kept);
	/* A real backup with one table dropped. */
	unlink(junk);
	assert_int_equal(backup_write(f->x.db, junk, &e), TSU_OK);
	assert_int_equal(sqlite3_open(junk, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "DROP TABLE crisis_plan", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	db_close(f->x.db);
	f->x.db = NULL;
	assert_int_equal(backup_restore(junk, f->x.path, date_from_ymd(2026, 11, 23), &kept, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "crisis_plan"));
	assert_null(kept);
	assert_int_equal(clients_in(f->x.path), 1);
	free(junk);
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(backup_is_whole_private_and_self_contained),
		T(backup_refuses_to_overwrite_the_database_itself),
		T(restore_refuses_a_database_another_connection_has_open),
		T(restore_keeps_the_replaced_database_beside_it),
		T(restore_checks_the_backup_before_touching_anything),
		T(damaged_backup_fails_integrity_check),
		T(restore_refuses_a_file_without_every_table_and_column),
	};
	return cmocka_run_group_tests_name("backup", tests, NULL, NULL);
}
