/*
 * test_store.c - the store as a specification: migrations, refusal of a
 * newer database, file modes, version conflicts, audit rows without
 * personal text, the described records' SQL, and the client register.
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
#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
};

/* The wall clock the day's check reads: 2026-11-23 03:00 UTC, the same
 * day in UTC and in Japan. */
static time_t fixed_clock(void)
{
	return (time_t)1795402800;
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	tsu_err e;

	date_clock_set(fixed_clock);

	/* In a directory that does not exist yet: db_open makes it. */
	fx_dir(&f->x, "test");
	f->x.path = xasprintf("%s/sub/dir/t.db", f->x.dir);
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_CREATE, &e), TSU_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fx_db_close(&f->x);
	free(f);
	return 0;
}

static void new_database_is_migrated_to_the_latest_schema(void **state)
{
	struct fx *f = *state;
	assert_int_equal(db_user_version(f->x.db), db_schema_version());
	assert_true(db_schema_version() >= 1);
}

static void the_daily_quick_check_is_remembered_in_meta(void **state)
{
	struct fx *f = *state;
	char day[16];
	db_stmt *s = db_prepare(f->x.db, "SELECT count(*) FROM meta WHERE key = 'quick_check_day'"
				       " AND value = :day");

	/* The fixture's database was made under the clock set in setup. */
	date_clock_day(day);
	assert_string_equal(day, "2026-11-23");
	db_bind_text(s, ":day", day);
	assert_int_equal(db_int64_or(s, 0), 1);
}

static void meta_set(const char *path, const char *sql)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* A new day: db_open only says the check is due; db_check_run (what the
 * background process runs) records it, and then it is not due. */
static void the_days_check_is_due_on_a_new_day_and_run_apart(void **state)
{
	struct fx *f = *state;
	char res[200];
	tsu_err e;

	assert_false(db_check_due(f->x.db));   /* a new database is whole */
	db_close(f->x.db);
	meta_set(f->x.path, "UPDATE meta SET value = '2000-01-01' WHERE key = 'quick_check_day'");
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_CREATE, &e), TSU_OK);
	assert_true(db_check_due(f->x.db));
	assert_int_equal(db_check_run(f->x.path, res, sizeof res, &e), TSU_OK);
	assert_string_equal(res, "ok");
	assert_false(db_check_problem(f->x.db, res, sizeof res));
	db_close(f->x.db);
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_CREATE, &e), TSU_OK);
	assert_false(db_check_due(f->x.db));
}

/* One check at a time: while the lock is held, another is refused. */
static void only_one_days_check_runs_at_a_time(void **state)
{
	struct fx *f = *state;
	char res[200];
	tsu_err e;
	int fd = db_check_lock(f->x.path);

	assert_true(fd >= 0);
	assert_true(db_check_running(f->x.path));
	assert_int_equal(db_check_run(f->x.path, res, sizeof res, &e), TSU_EFAIL);
	assert_non_null(strstr(e.msg, "checking"));
	close(fd);
	assert_false(db_check_running(f->x.path));
	assert_int_equal(db_check_run(f->x.path, res, sizeof res, &e), TSU_OK);
}

/* A problem the check recorded refuses every open until it is lifted. */
static void a_recorded_problem_refuses_the_open_until_lifted(void **state)
{
	struct fx *f = *state;
	char res[200];
	db *d;
	tsu_err e;

	db_close(f->x.db);
	f->x.db = NULL;
	meta_set(f->x.path, "INSERT INTO meta (key, value) VALUES ('integrity_problem', 'On tree page 7 cell 2: test')");
	assert_int_equal(db_open(&d, f->x.path, DB_CREATE, &e), TSU_EIO);
	assert_null(d);
	assert_non_null(strstr(e.msg, "is damaged (On tree page 7 cell 2: test)"));
	assert_non_null(strstr(e.msg, "tsunagi restore"));
	/* check and backup open it as it is, and see the record. */
	assert_int_equal(db_open(&d, f->x.path, DB_NO_MIGRATE, &e), TSU_OK);
	assert_true(db_check_problem(d, res, sizeof res));
	assert_string_equal(res, "On tree page 7 cell 2: test");
	assert_int_equal(db_check_clear(d, &e), TSU_OK);
	db_close(d);
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_CREATE, &e), TSU_OK);
	assert_false(db_check_due(f->x.db));
}

static void database_and_directories_are_private_under_umask_022(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	char *wal = xasprintf("%s-wal", f->x.path);
	char *dir = xasprintf("%s/sub/dir", f->x.dir);
	char *p2 = xasprintf("%s/other/x.db", f->x.dir);
	mode_t old = umask(022);
	db *d2;
	tsu_err e;

	fx_client(f->x.db, "山田 太郎", "やまだ たろう", "S45.3.2");
	assert_int_equal(stat(f->x.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(wal, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	/* A second database made under umask 022 is private too. */
	assert_int_equal(db_open(&d2, p2, DB_CREATE, &e), TSU_OK);
	assert_int_equal(stat(p2, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	db_close(d2);
	umask(old);
	free(wal);
	free(dir);
	free(p2);
}

static void newer_database_is_refused_with_a_message(void **state)
{
	struct fx *f = *state;
	sqlite3 *h;
	db *d;
	tsu_err e;

	db_close(f->x.db);
	f->x.db = NULL;
	assert_int_equal(sqlite3_open(f->x.path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_not_equal(db_open(&d, f->x.path, DB_CREATE, &e), TSU_OK);
	assert_null(d);
	assert_non_null(strstr(e.msg, "newer tsunagi"));
	/* Nothing was written: the version is still the newer one. */
	assert_int_equal(sqlite3_open(f->x.path, &h), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 999);
	sqlite3_finalize(st);
	sqlite3_close(h);
	/* Reopen for teardown. */
	assert_int_equal(sqlite3_open(f->x.path, &h), SQLITE_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_schema_version());
	sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(db_open(&f->x.db, f->x.path, DB_CREATE, &e), TSU_OK);
}

static void a_file_that_is_not_a_database_is_refused(void **state)
{
	struct fx *f = *state;
	char *p = xasprintf("%s/junk.db", f->x.dir);
	FILE *fp = fopen(p, "w");
	db *d;
	tsu_err e;

	fputs("this is not a database, just some text that is long enough.........\n", fp);
	fclose(fp);
	assert_int_not_equal(db_open(&d, p, DB_CREATE, &e), TSU_OK);
	assert_non_null(strstr(e.msg, "damaged"));
	free(p);
}

static void missing_database_without_create_says_how_to_make_one(void **state)
{
	struct fx *f = *state;
	char *p = xasprintf("%s/none.db", f->x.dir);
	db *d;
	tsu_err e;

	assert_int_equal(db_open(&d, p, 0, &e), TSU_ENOTFOUND);
	assert_non_null(strstr(e.msg, "tsunagi demo"));
	assert_int_not_equal(access(p, F_OK), 0);
	free(p);
}

static void update_with_a_stale_version_is_a_conflict_and_changes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t id = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "S45.3.2");
	client a, b, now;
	tsu_err e;

	/* Two sessions read the same version. */
	assert_int_equal(store_client_get(f->x.db, id, &a, &e), TSU_OK);
	assert_int_equal(store_client_get(f->x.db, id, &b, &e), TSU_OK);
	client_set(&a, "phone", "045-000-0001", &e);
	assert_int_equal(store_client_update(f->x.db, &a, &e), TSU_OK);
	assert_int_equal(a.version, 2);
	client_set(&b, "phone", "045-999-9999", &e);
	assert_int_equal(store_client_update(f->x.db, &b, &e), TSU_ECONFLICT);
	assert_non_null(strstr(e.msg, "another session"));
	/* b's text is still there for the user to apply again. */
	assert_string_equal(b.phone, "045-999-9999");
	assert_int_equal(store_client_get(f->x.db, id, &now, &e), TSU_OK);
	assert_string_equal(now.phone, "045-000-0001");
	client_free(&a);
	client_free(&b);
	client_free(&now);
}

static void record_update_with_a_stale_version_is_a_conflict(void **state)
{
	struct fx *f = *state;
	int64_t id = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "S45.3.2");
	note n, a, b;
	tsu_err e;

	record_init(&rt_note, &n);
	n.client_id = id;
	assert_int_equal(record_set(&rt_note, &n, record_field(&rt_note, "noted_on"), "R8.11.20", &e), TSU_OK);
	assert_int_equal(record_set(&rt_note, &n, record_field(&rt_note, "kind"), "visit", &e), TSU_OK);
	assert_int_equal(record_set(&rt_note, &n, record_field(&rt_note, "fact"), "訪問", &e), TSU_OK);
	assert_int_equal(store_record_add(f->x.db, &rt_note, &n, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_note, n.id, &a, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_note, n.id, &b, &e), TSU_OK);
	assert_int_equal(store_record_update(f->x.db, &rt_note, &a, &e), TSU_OK);
	assert_int_equal(store_record_update(f->x.db, &rt_note, &b, &e), TSU_ECONFLICT);
	assert_int_equal(store_record_delete(f->x.db, &rt_note, n.id, &e), TSU_OK);
	assert_int_equal(store_record_update(f->x.db, &rt_note, &a, &e), TSU_ENOTFOUND);
	record_free(&rt_note, &n);
	record_free(&rt_note, &a);
	record_free(&rt_note, &b);
}

static void every_change_writes_an_audit_row_without_personal_text(void **state)
{
	struct fx *f = *state;
	int64_t id = fx_client(f->x.db, "秘密 花子", "ひみつ はなこ", "S45.3.2");
	client c;
	tsu_err e;
	db_stmt *s;

	store_client_get(f->x.db, id, &c, &e);
	client_set(&c, "address", "横浜市中区1-2-3", &e);
	assert_int_equal(store_client_update(f->x.db, &c, &e), TSU_OK);
	assert_int_equal(store_client_close(f->x.db, id, date_from_ymd(2026, 11, 23), &e), TSU_OK);
	client_free(&c);

	s = db_prepare(f->x.db, "SELECT count(*) FROM audit WHERE tbl = 'client' AND row_id = :id");
	db_bind_int64(s, ":id", id);
	assert_int_equal(db_int64_or(s, 0), 3);
	s = db_prepare(f->x.db, "SELECT count(*) FROM audit WHERE login = '' OR at = ''");
	assert_int_equal(db_int64_or(s, -1), 0);
	/* No column of the audit table holds the name or the address. */
	s = db_prepare(f->x.db, "SELECT count(*) FROM audit WHERE login || tbl || action || at"
			      " LIKE '%秘密%' OR login || tbl || action || at LIKE '%横浜%'");
	assert_int_equal(db_int64_or(s, -1), 0);
}

static void failed_insert_leaves_no_row_and_no_audit(void **state)
{
	struct fx *f = *state;
	client c;
	tsu_err e;
	db_stmt *s;

	client_init(&c);
	client_set(&c, "name", "重複 一郎", &e);
	client_set(&c, "kana", "ちょうふく いちろう", &e);
	client_set(&c, "birth", "1970-01-01", &e);
	client_set(&c, "recipient-no", "1234567890", &e);
	assert_int_equal(store_client_add(f->x.db, &c, &e), TSU_OK);
	c.id = 0;
	assert_int_equal(store_client_add(f->x.db, &c, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "1234567890"));
	client_free(&c);
	s = db_prepare(f->x.db, "SELECT count(*) FROM client");
	assert_int_equal(db_int64_or(s, 0), 1);
	s = db_prepare(f->x.db, "SELECT count(*) FROM audit");
	assert_int_equal(db_int64_or(s, 0), 1);
}

static void client_fields_are_validated_with_the_field_named(void **state)
{
	client c;
	tsu_err e;
	char *long_name = xmalloc(STORE_NAME_MAX * 3 + 10);

	(void)state;
	client_init(&c);
	assert_int_equal(client_set(&c, "birth", "2025-02-29", &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "February 29"));
	assert_int_equal(client_set(&c, "kind", "adult", &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "plan, child, transition, retention"));
	assert_int_equal(client_set(&c, "support-level", "7", &e), TSU_EINVAL);
	assert_int_equal(client_set(&c, "nonsense", "x", &e), TSU_EINVAL);
	long_name[0] = '\0';
	for (int i = 0; i < STORE_NAME_MAX + 1; i++)
		strcat(long_name, "山");
	assert_int_equal(client_set(&c, "name", long_name, &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "too long"));
	/* Invalid UTF-8 is refused as it is typed, and c keeps its value. */
	assert_int_equal(client_set(&c, "name", "\xff\xfe", &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "UTF-8"));
	assert_string_equal(c.name, long_name);
	assert_int_equal(client_set(&c, "name", "  ", &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_int_equal(client_set(&c, "name", "x", &e), TSU_OK);
	/* Kana and birth date are required on every path, the CLI's edit
	 * and the forms included: empty, they are refused here. */
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_string_equal(e.msg, "kana: must not be empty");
	assert_int_equal(client_set(&c, "kana", "えっくす", &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_string_equal(e.msg, "birth date: must not be empty");
	assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", "", &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
	assert_int_equal(client_set(&c, "recipient-no", "12345", &e), TSU_OK);
	assert_int_equal(client_validate(&c, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "10 digits"));
	client_free(&c);
	free(long_name);
}

static int collect(const client *c, void *arg)
{
	strbuf *b = arg;
	sb_addf(b, "%s|", c->name);
	return 0;
}

static void clients_sort_by_kana_and_search_folds_kana_and_width(void **state)
{
	struct fx *f = *state;
	client_filter flt = { 0 };
	strbuf b;
	tsu_err e;

	fx_client(f->x.db, "渡辺 健一", "わたなべ けんいち", "S45.3.2");
	fx_client(f->x.db, "佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "S45.3.2");
	fx_client(f->x.db, "伊藤 誠", "イトウ マコト", "S45.3.2");
	sb_init(&b);
	assert_int_equal(store_client_each(f->x.db, &flt, collect, &b, &e), TSU_OK);
	assert_string_equal(b.s, "伊藤 誠|佐藤 花子|渡辺 健一|");
	/* Hiragana finds a half-width katakana reading, spaces ignored. */
	sb_free(&b);
	sb_init(&b);
	flt.search = "さとうはな";
	assert_int_equal(store_client_each(f->x.db, &flt, collect, &b, &e), TSU_OK);
	assert_string_equal(b.s, "佐藤 花子|");
	sb_free(&b);
	sb_init(&b);
	flt.search = "いとう";
	store_client_each(f->x.db, &flt, collect, &b, &e);
	assert_string_equal(b.s, "伊藤 誠|");
	sb_free(&b);
	sb_init(&b);
	flt.search = "渡辺";
	store_client_each(f->x.db, &flt, collect, &b, &e);
	assert_string_equal(b.s, "渡辺 健一|");
	sb_free(&b);
}

static int collect_row(const client_row *r, void *arg)
{
	strbuf *b = arg;
	char iso[DATE_ISO_LEN];

	date_format_iso(r->birth_on, iso);
	sb_addf(b, "%lld %s %s %s %s %s|", (long long)r->id, r->name, r->kana, iso, r->case_kind, r->status);
	return strcmp(r->name, "佐藤 花子") == 0;   /* stops after her */
}

/* The listing's rows: the list order and filter of store_client_each,
 * only the list row's columns, and fn can stop it. */
static void client_rows_each_lists_in_order_and_stops_when_asked(void **state)
{
	struct fx *f = *state;
	client_filter flt = { .include_closed = true };
	strbuf b;
	tsu_err e;
	int64_t w = fx_client(f->x.db, "渡辺 健一", "わたなべ けんいち", "S45.3.2");
	int64_t s = fx_client(f->x.db, "佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "S45.3.2");
	int64_t i = fx_client(f->x.db, "伊藤 誠", "イトウ マコト", "S45.3.2");
	char *want;

	assert_int_equal(store_client_close(f->x.db, i, date_from_ymd(2026, 1, 1), &e), TSU_OK);
	sb_init(&b);
	assert_int_equal(store_client_rows_each(f->x.db, &flt, collect_row, &b, &e), TSU_OK);
	/* Active first (佐藤 stops it), the closed 伊藤 never reached. */
	want = xasprintf("%lld 佐藤 花子 ｻﾄｳ ﾊﾅｺ 1970-03-02 plan active|", (long long)s);
	assert_string_equal(b.s, want);
	free(want);
	sb_free(&b);
	sb_init(&b);
	flt.search = "わたなべ";
	assert_int_equal(store_client_rows_each(f->x.db, &flt, collect_row, &b, &e), TSU_OK);
	want = xasprintf("%lld 渡辺 健一 わたなべ けんいち 1970-03-02 plan active|", (long long)w);
	assert_string_equal(b.s, want);
	free(want);
	sb_free(&b);
}

static void closed_clients_are_listed_only_when_asked(void **state)
{
	struct fx *f = *state;
	client_filter act = { 0 }, all = { .include_closed = true }, closed = { .only_closed = true };
	tsu_err e;
	int64_t id = fx_client(f->x.db, "A", "あ", "S45.3.2");

	fx_client(f->x.db, "B", "い", "S45.3.2");
	assert_int_equal(store_client_close(f->x.db, id, date_from_ymd(2026, 1, 1), &e), TSU_OK);
	assert_int_equal(store_client_close(f->x.db, id, date_from_ymd(2026, 1, 1), &e), TSU_EINVAL);
	assert_int_equal(store_client_count(f->x.db, &act), 1);
	assert_int_equal(store_client_count(f->x.db, &all), 2);
	assert_int_equal(store_client_count(f->x.db, &closed), 1);
	/* The counts are kept by triggers: they follow deletions and even
	 * changes made with plain SQL. */
	assert_int_equal(store_client_delete(f->x.db, id, &e), TSU_OK);
	assert_int_equal(store_client_count(f->x.db, &closed), 0);
	assert_int_equal(sqlite3_exec(db_handle(f->x.db),
		"UPDATE client SET status = 'closed'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_client_count(f->x.db, &act), 0);
	assert_int_equal(store_client_count(f->x.db, &closed), 1);
	assert_int_equal(store_client_count(f->x.db, &all), 1);
}

static void described_records_sql_matches_their_fields(void **state)
{
	struct fx *f = *state;
	sqlite3 *h = db_handle(f->x.db);

	for (const record_type *const *t = rec_all_types; *t; t++) {
		const record_type *rt = *t;
		sqlite3_stmt *st;
		char name[64];

		assert_int_equal(sqlite3_prepare_v2(h, rt->sql_select, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_column_count(st), (int)rt->nfields + 2);
		for (size_t i = 0; i < rt->nfields; i++)
			assert_string_equal(sqlite3_column_name(st, (int)i + 2), rt->fields[i].col);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(h, rt->sql_insert, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_bind_parameter_count(st), (int)rt->nfields);
		for (size_t i = 0; i < rt->nfields; i++) {
			snprintf(name, sizeof name, ":%s", rt->fields[i].col);
			assert_int_not_equal(sqlite3_bind_parameter_index(st, name), 0);
		}
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(h, rt->sql_update, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_bind_parameter_count(st), (int)rt->nfields + 2);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(h, rt->sql_list, -1, &st, NULL), SQLITE_OK);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(h, rt->sql_delete, -1, &st, NULL), SQLITE_OK);
		sqlite3_finalize(st);
	}
}

static void certificate_period_must_not_end_before_it_starts(void **state)
{
	struct fx *f = *state;
	certificate c;
	tsu_err e;

	record_init(&rt_certificate, &c);
	c.client_id = fx_client(f->x.db, "A", "あ", "S45.3.2");
	record_set(&rt_certificate, &c, record_field(&rt_certificate, "valid_from"), "2026-04-01", &e);
	record_set(&rt_certificate, &c, record_field(&rt_certificate, "valid_to"), "2026-03-31", &e);
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &c, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "2026-04-01"));
	assert_int_equal(c.id, 0);
	assert_int_equal(record_set(&rt_certificate, &c, record_field(&rt_certificate, "kind"), "passport", &e), TSU_EINVAL);
	assert_int_equal(record_set(&rt_certificate, &c, record_field(&rt_certificate, "valid_to"), "R9.3.31", &e), TSU_OK);
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &c, &e), TSU_OK);
	record_free(&rt_certificate, &c);
}

static int64_t add_plan(db *d, int64_t client_id, const char *stage, int y, int months)
{
	plan p;
	tsu_err e;

	record_init(&rt_plan, &p);
	p.client_id = client_id;
	p.period_from = date_from_ymd(y, 5, 1);
	p.period_to = date_from_ymd(y + 1, 4, 30);
	p.monitoring_months = months;
	free(p.stage);
	p.stage = xstrdup(stage);
	if (strcmp(stage, "final") == 0)
		p.consented_on = date_from_ymd(y, 4, 25);
	assert_int_equal(store_plan_add(d, &p, &e), TSU_OK);
	assert_int_equal(p.anchor_month, month_from_ym(y, 5));
	record_free(&rt_plan, &p);
	return p.id;
}

static const char *stage_of(db *d, int64_t id)
{
	static char buf[16];
	plan p;
	tsu_err e;

	assert_int_equal(store_record_get(d, &rt_plan, id, &p, &e), TSU_OK);
	snprintf(buf, sizeof buf, "%s", p.stage);
	record_free(&rt_plan, &p);
	return buf;
}

static void final_plan_supersedes_the_previous_final_and_drafts(void **state)
{
	struct fx *f = *state;
	int64_t c = fx_client(f->x.db, "A", "あ", "S45.3.2");
	int64_t old = add_plan(f->x.db, c, "final", 2025, 6);
	int64_t draft = add_plan(f->x.db, c, "draft", 2026, 3);
	plan p;
	tsu_err e;

	assert_int_equal(store_plan_in_force(f->x.db, c, &p, &e), TSU_OK);
	assert_int_equal(p.id, old);   /* a final plan beats a newer draft */
	record_free(&rt_plan, &p);
	assert_int_equal(store_plan_finalise(f->x.db, draft, DATE_NONE, &e), TSU_EINVAL);
	assert_int_equal(store_plan_finalise(f->x.db, draft, date_from_ymd(2026, 4, 28), &e), TSU_OK);
	assert_string_equal(stage_of(f->x.db, old), "superseded");
	assert_string_equal(stage_of(f->x.db, draft), "final");
	assert_int_equal(store_plan_finalise(f->x.db, draft, date_from_ymd(2026, 4, 28), &e), TSU_EINVAL);
	assert_int_equal(store_plan_in_force(f->x.db, c, &p, &e), TSU_OK);
	assert_int_equal(p.id, draft);
	record_free(&rt_plan, &p);
}

static void interval_change_keeps_the_anchor_and_is_recorded(void **state)
{
	struct fx *f = *state;
	int64_t c = fx_client(f->x.db, "A", "あ", "S45.3.2");
	int64_t id = add_plan(f->x.db, c, "final", 2016, 1);
	tsu_err e;
	db_stmt *s;

	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2016, 8), 6, &e), TSU_OK);
	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2016, 8), 13, &e), TSU_EINVAL);
	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2016, 8), 0, &e), TSU_EINVAL);
	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2016, 1), 3, &e), TSU_EINVAL);
	s = db_prepare(f->x.db, "SELECT group_concat(from_month || ':' || months, ' ') FROM"
			      " (SELECT * FROM plan_interval WHERE plan_id = :id ORDER BY from_month)");
	db_bind_int64(s, ":id", id);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "2016-05:1 2016-08:6");
	db_reset(s);
	assert_string_equal(stage_of(f->x.db, id), "final");
}

/* Municipalities set 4 months and other intervals: every whole number
 * of months 1 to 12 is stored, as a plan's interval and as a change. */
static void any_interval_from_one_to_twelve_is_stored(void **state)
{
	struct fx *f = *state;
	int64_t c = fx_client(f->x.db, "A", "あ", "S45.3.2");
	tsu_err e;
	db_stmt *s;

	for (int n = 1; n <= 12; n++)
		add_plan(f->x.db, c, "draft", 2016 + n, n);
	int64_t id = add_plan(f->x.db, c, "final", 2030, 4);
	assert_int_equal(store_plan_set_interval(f->x.db, id, month_from_ym(2030, 9), 7, &e), TSU_OK);
	s = db_prepare(f->x.db, "SELECT group_concat(from_month || ':' || months, ' ') FROM"
			      " (SELECT * FROM plan_interval WHERE plan_id = :id ORDER BY from_month)");
	db_bind_int64(s, ":id", id);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "2030-05:4 2030-09:7");
	db_reset(s);
}

/* A month not done needs its reason; "other" needs the worker's words. */
static void monitoring_not_done_other_needs_words(void **state)
{
	struct fx *f = *state;
	monitoring_skip k;
	tsu_err e;

	record_init(&rt_monitoring_skip, &k);
	k.client_id = fx_client(f->x.db, "A", "あ", "S45.3.2");
	assert_int_equal(store_record_add(f->x.db, &rt_monitoring_skip, &k, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "month"));
	k.month = month_from_ym(2026, 3);
	free(k.reason);
	k.reason = xstrdup("other");
	assert_int_equal(store_record_add(f->x.db, &rt_monitoring_skip, &k, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "other"));
	free(k.detail);
	k.detail = xstrdup("台風で訪問できず");
	assert_int_equal(store_record_add(f->x.db, &rt_monitoring_skip, &k, &e), TSU_OK);
	record_free(&rt_monitoring_skip, &k);
}

static void final_plan_without_consent_date_is_refused(void **state)
{
	struct fx *f = *state;
	plan p;
	tsu_err e;

	record_init(&rt_plan, &p);
	p.client_id = fx_client(f->x.db, "A", "あ", "S45.3.2");
	p.period_from = date_from_ymd(2026, 4, 1);
	p.period_to = date_from_ymd(2027, 3, 31);
	p.monitoring_months = 13;
	assert_int_equal(store_plan_add(f->x.db, &p, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "from 1 to 12"));
	p.monitoring_months = 12;
	free(p.stage);
	p.stage = xstrdup("final");
	assert_int_equal(store_plan_add(f->x.db, &p, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "consent"));
	record_free(&rt_plan, &p);
}

static void nested_transactions_roll_back_only_the_inner_part(void **state)
{
	struct fx *f = *state;
	tsu_err e;
	db_stmt *s;

	assert_int_equal(db_begin(f->x.db, &e), TSU_OK);
	fx_client(f->x.db, "Outer", "そと", "S45.3.2");
	assert_int_equal(db_begin(f->x.db, &e), TSU_OK);
	fx_client(f->x.db, "Inner", "なか", "S45.3.2");
	db_rollback(f->x.db);
	assert_int_equal(db_commit(f->x.db, &e), TSU_OK);
	s = db_prepare(f->x.db, "SELECT group_concat(name) FROM client");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "Outer");
	db_reset(s);
}

/* A read section sees one snapshot: a write by another connection
 * after its first read is not seen until it ends.  It nests, refuses a
 * write inside, and inside a write transaction changes nothing. */
static void read_sections_see_one_snapshot_and_refuse_writes(void **state)
{
	struct fx *f = *state;
	db *other;
	tsu_err e;
	const char *count = "SELECT count(*) FROM client";

	fx_client(f->x.db, "One", "いち", "S45.3.2");
	assert_int_equal(db_open(&other, f->x.path, 0, &e), TSU_OK);
	db_read_begin(f->x.db);
	db_read_begin(f->x.db);
	assert_int_equal(db_int64_or(db_prepare(f->x.db, count), -1), 1);
	fx_client(other, "Two", "に", "S45.3.2");
	db_read_end(f->x.db);
	assert_int_equal(db_int64_or(db_prepare(f->x.db, count), -1), 1);
	assert_int_equal(db_begin(f->x.db, &e), TSU_EFAIL);
	assert_non_null(strstr(e.msg, "read section"));
	db_read_end(f->x.db);
	assert_int_equal(db_int64_or(db_prepare(f->x.db, count), -1), 2);
	/* An extra end is harmless. */
	db_read_end(f->x.db);

	assert_int_equal(db_begin(f->x.db, &e), TSU_OK);
	db_read_begin(f->x.db);
	fx_client(f->x.db, "Three", "さん", "S45.3.2");
	db_read_end(f->x.db);
	assert_int_equal(db_commit(f->x.db, &e), TSU_OK);
	assert_int_equal(db_int64_or(db_prepare(other, count), -1), 3);
	db_close(other);
}

static void db_path_follows_option_env_and_xdg(void **state)
{
	char *p;
	tsu_err e;

	(void)state;
	setenv("HOME", "/home/w", 1);
	unsetenv("TSUNAGI_DB");
	unsetenv("XDG_DATA_HOME");
	p = store_db_path(NULL, &e);
	assert_string_equal(p, "/home/w/.local/share/tsunagi/tsunagi.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/dir", 1);   /* ignored, as the spec says */
	p = store_db_path(NULL, &e);
	assert_string_equal(p, "/home/w/.local/share/tsunagi/tsunagi.db");
	free(p);
	setenv("XDG_DATA_HOME", "/data", 1);
	p = store_db_path(NULL, &e);
	assert_string_equal(p, "/data/tsunagi/tsunagi.db");
	free(p);
	setenv("TSUNAGI_DB", "/env.db", 1);
	p = store_db_path(NULL, &e);
	assert_string_equal(p, "/env.db");
	free(p);
	p = store_db_path("/opt.db", &e);
	assert_string_equal(p, "/opt.db");
	free(p);
	unsetenv("TSUNAGI_DB");
	unsetenv("XDG_DATA_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(new_database_is_migrated_to_the_latest_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(the_daily_quick_check_is_remembered_in_meta, setup, teardown),
		cmocka_unit_test_setup_teardown(the_days_check_is_due_on_a_new_day_and_run_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(only_one_days_check_runs_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(a_recorded_problem_refuses_the_open_until_lifted, setup, teardown),
		cmocka_unit_test_setup_teardown(client_rows_each_lists_in_order_and_stops_when_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(database_and_directories_are_private_under_umask_022, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_database_is_refused_with_a_message, setup, teardown),
		cmocka_unit_test_setup_teardown(a_file_that_is_not_a_database_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_database_without_create_says_how_to_make_one, setup, teardown),
		cmocka_unit_test_setup_teardown(update_with_a_stale_version_is_a_conflict_and_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(record_update_with_a_stale_version_is_a_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(every_change_writes_an_audit_row_without_personal_text, setup, teardown),
		cmocka_unit_test_setup_teardown(failed_insert_leaves_no_row_and_no_audit, setup, teardown),
		cmocka_unit_test(client_fields_are_validated_with_the_field_named),
		cmocka_unit_test_setup_teardown(clients_sort_by_kana_and_search_folds_kana_and_width, setup, teardown),
		cmocka_unit_test_setup_teardown(closed_clients_are_listed_only_when_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(described_records_sql_matches_their_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(certificate_period_must_not_end_before_it_starts, setup, teardown),
		cmocka_unit_test_setup_teardown(final_plan_supersedes_the_previous_final_and_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(interval_change_keeps_the_anchor_and_is_recorded, setup, teardown),
		cmocka_unit_test_setup_teardown(any_interval_from_one_to_twelve_is_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(monitoring_not_done_other_needs_words, setup, teardown),
		cmocka_unit_test_setup_teardown(final_plan_without_consent_date_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(nested_transactions_roll_back_only_the_inner_part, setup, teardown),
		cmocka_unit_test_setup_teardown(read_sections_see_one_snapshot_and_refuse_writes, setup, teardown),
		cmocka_unit_test(db_path_follows_option_env_and_xdg),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
