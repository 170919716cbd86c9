/*
 * test_export.c - exports as a specification: the roster CSV gives back
 * the file it was imported from, byte for byte; CP932 exports name the
 * row and column of a character CP932 lacks; the JSON of a whole
 * database loads into an empty one and exports again identically, NUL
 * bytes and escape sequences included; import all refuses a database
 * with records, a partial export and a broken file, changing nothing.
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

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/export.h"
#include "tsunagi/import.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;          /* a, the one exported */
	db *a, *b;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	tsu_err e;
	char *p;

	fx_db_open(&f->x, "export");
	f->a = f->x.db;
	p = xasprintf("%s/b.db", f->x.dir);
	assert_int_equal(db_open(&f->b, p, DB_CREATE, &e), TSU_OK);
	free(p);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->b);
	fx_db_close(&f->x);
	free(f);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	char *buf;
	tsu_err e;

	if (import_read_file(path, &buf, len, &e) != TSU_OK)
		fail_msg("%s", e.msg);
	return buf;
}

static void import_file(db *d, const char *path)
{
	size_t len;
	char *buf = slurp(path, &len);
	import_opts o = { .auto_encoding = true };
	import_report r;
	tsu_err e;

	if (import_clients(d, buf, len, &o, &r, &e) != TSU_OK)
		fail_msg("import %s: %s", path, e.msg);
	import_report_free(&r);
	free(buf);
}

static void roster_csv_round_trips_byte_for_byte(void **state)
{
	struct fx *f = *state;
	size_t want_len, len;
	char *want = slurp("tests/data/clients-roundtrip.csv", &want_len), *got;
	export_doc doc;
	tsu_err e;

	import_file(f->a, "tests/data/clients-roundtrip.csv");
	assert_int_equal(export_csv(f->a, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	assert_int_equal(export_encode(&doc, ENC_UTF8, true, &got, &len, &e), TSU_OK);
	assert_int_equal(len, want_len);
	assert_memory_equal(got, want, len);
	free(got);
	export_doc_free(&doc);
	free(want);
}

/* Every stored text comes back from export + import byte for byte: values
 * that look like formulas, values that look already neutralised, and
 * line breaks of every kind (a lone CR once came back as LF, and a stored
 * '=1 came back as =1). */
static void every_value_round_trips_through_csv(void **state)
{
	static const char *const values[] = {
		"'=1", "''=1", "=1+1", "'abc", "'", "''", "-", "+81", "@x", "\tx",
		"'\tx", "＝1", "'＝1", "a\rb", "a\r\nb", "a\nb", "\r", "\nx", "'\nx",
		"\"quoted\", and, commas\"", "plain",
	};
	struct fx *f = *state;
	size_t n = sizeof values / sizeof values[0], len;
	export_doc doc;
	import_report r;
	import_opts o = { .encoding = ENC_UTF8 };
	char *buf;
	tsu_err e;

	for (size_t i = 0; i < n; i++) {
		client c;
		client_init(&c);
		assert_int_equal(client_set(&c, "name", "山田 花子", &e), TSU_OK);
		assert_int_equal(client_set(&c, "kana", "やまだ はなこ", &e), TSU_OK);
		assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
		assert_int_equal(client_set(&c, "remarks", values[i], &e), TSU_OK);
		assert_int_equal(client_set(&c, "address", values[i], &e), TSU_OK);
		assert_int_equal(store_client_add(f->a, &c, &e), TSU_OK);
		client_free(&c);
	}
	assert_int_equal(export_csv(f->a, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	assert_int_equal(export_encode(&doc, ENC_UTF8, true, &buf, &len, &e), TSU_OK);
	assert_int_equal(import_clients(f->b, buf, len, &o, &r, &e), TSU_OK);
	assert_int_equal(r.imported, n);
	import_report_free(&r);
	for (size_t i = 0; i < n; i++) {
		client c;
		assert_int_equal(store_client_get(f->b, (int64_t)i + 1, &c, &e), TSU_OK);
		assert_string_equal(c.remarks, values[i]);
		assert_string_equal(c.address, values[i]);
		client_free(&c);
	}
	free(buf);
	export_doc_free(&doc);
}

static void cp932_export_reads_back_as_the_same_text(void **state)
{
	struct fx *f = *state;
	export_doc doc;
	char *sj, *u8;
	size_t sjlen, u8len;
	tsu_err e;

	import_file(f->a, "tests/data/roster-cp932.csv");
	assert_int_equal(export_csv(f->a, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	assert_int_equal(export_encode(&doc, ENC_CP932, true, &sj, &sjlen, &e), TSU_OK);
	assert_true(sjlen < 3 || memcmp(sj, "\xEF\xBB\xBF", 3) != 0);
	assert_int_equal(enc_convert(ENC_CP932, ENC_UTF8, sj, sjlen, &u8, &u8len, NULL, &e), TSU_OK);
	assert_int_equal(u8len, doc.text.len);
	assert_memory_equal(u8, doc.text.s, u8len);
	free(sj);
	free(u8);
	export_doc_free(&doc);
}

static void character_cp932_lacks_names_row_and_column(void **state)
{
	struct fx *f = *state;
	export_doc doc;
	client c;
	char *out = NULL;
	size_t len;
	tsu_err e;

	import_file(f->a, "tests/data/roster-utf8.csv");
	assert_int_equal(store_client_get(f->a, 2, &c, &e), TSU_OK);
	free(c.address);
	c.address = xstrdup("川崎市 𠮷野家2階");
	assert_int_equal(store_client_update(f->a, &c, &e), TSU_OK);
	client_free(&c);
	assert_int_equal(export_csv(f->a, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	assert_int_equal(export_encode(&doc, ENC_CP932, false, &out, &len, &e), TSU_EINVAL);
	assert_null(out);
	assert_non_null(strstr(e.msg, "row 3"));
	assert_non_null(strstr(e.msg, "client id 2"));
	assert_non_null(strstr(e.msg, "住所"));
	assert_non_null(strstr(e.msg, "U+20BB7"));
	export_doc_free(&doc);
}

static void notes_csv_has_one_row_per_note_by_date(void **state)
{
	struct fx *f = *state;
	note n;
	export_doc doc;
	tsu_err e;

	import_file(f->a, "tests/data/roster-utf8.csv");
	for (int i = 0; i < 2; i++) {
		record_init(&rt_note, &n);
		n.client_id = 2 - i;
		n.noted_on = date_from_ymd(2026, 11, 20 - i);
		free(n.kind);
		n.kind = xstrdup(i ? "visit" : "phone");
		free(n.subjective);
		n.subjective = xstrdup(i ? "=危険" : "眠れない, と");
		free(n.with_whom);
		n.with_whom = xstrdup(i ? "本人" : "母");
		if (!i) {
			free(n.next_step);
			n.next_step = xstrdup("日程の確認");
			n.next_on = date_from_ymd(2026, 11, 27);
		}
		assert_int_equal(store_record_add(f->a, &rt_note, &n, &e), TSU_OK);
		record_free(&rt_note, &n);
	}
	assert_int_equal(export_csv(f->a, EXPORT_NOTES, &doc, &e), TSU_OK);
	assert_non_null(strstr(doc.text.s, "受給者証番号,氏名,日付,時刻,種別,相手,"));
	assert_non_null(strstr(doc.text.s, ",次の対応,次の対応の期日,次の対応の完了日\r\n"));
	assert_non_null(strstr(doc.text.s, "\r\n1234567890,髙橋 一郎,2026-11-19,,訪問,本人,,'=危険,"));
	assert_non_null(strstr(doc.text.s, "\r\n1234567891,山﨑 花子,2026-11-20,,電話,母,,\"眠れない, と\","));
	assert_non_null(strstr(doc.text.s, ",日程の確認,2026-11-27,\r\n"));
	assert_true(strstr(doc.text.s, "2026-11-19") < strstr(doc.text.s, "2026-11-20"));
	export_doc_free(&doc);
	assert_int_equal(export_csv(f->a, EXPORT_ALL, &doc, &e), TSU_EINVAL);
}

/* Text no form would let in, written straight into the database. */
static void add_hostile_text(db *d)
{
	sqlite3_stmt *st;
	const char text[] = "a\0b\x1b[2J\x01\x7f\r\n髙﨑①㈱～😀\"\\";

	assert_int_equal(sqlite3_prepare_v2(db_handle(d),
		"UPDATE client SET remarks = ?1 WHERE id = 1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, (int)sizeof text - 1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_exec(db_handle(d),
		"UPDATE client SET address = CAST(x'ff41' AS TEXT) WHERE id = 2", NULL, NULL, NULL), SQLITE_OK);
}

static void json_all_loads_into_an_empty_database_identically(void **state)
{
	struct fx *f = *state;
	strbuf one, two;
	size_t rows;
	tsu_err e;

	import_file(f->a, "tests/data/roster-cp932.csv");
	add_hostile_text(f->a);
	assert_int_equal(store_client_close(f->a, 3, date_from_ymd(2026, 1, 31), &e), TSU_OK);
	assert_int_equal(export_json(f->a, EXPORT_ALL, &one, &e), TSU_OK);
	assert_non_null(strstr(one.s, "\"remarks\":\"a\\u0000b\\u001B[2J\\u0001\\u007F\\r\\n髙﨑①㈱～😀\\\"\\\\\""));
	assert_non_null(strstr(one.s, "\"address\":{\"text_hex\":\"ff41\"}"));
	assert_non_null(strstr(one.s, "\"audit\": ["));
	assert_int_equal(import_all_json(f->b, one.s, one.len, &rows, &e), TSU_OK);
	assert_true(rows > 3);
	assert_int_equal(export_json(f->b, EXPORT_ALL, &two, &e), TSU_OK);
	assert_int_equal(one.len, two.len);
	assert_memory_equal(one.s, two.s, one.len);
	sb_free(&one);
	sb_free(&two);
}

static void import_all_refuses_a_database_with_records(void **state)
{
	struct fx *f = *state;
	strbuf doc;
	tsu_err e;

	import_file(f->a, "tests/data/roster-utf8.csv");
	assert_int_equal(export_json(f->a, EXPORT_ALL, &doc, &e), TSU_OK);
	assert_int_equal(import_all_json(f->a, doc.s, doc.len, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "empty database"));
	sb_free(&doc);
}

static int64_t count(db *d)
{
	return db_int64_or(db_prepare(d, "SELECT (SELECT count(*) FROM client) + (SELECT count(*) FROM audit)"), -1);
}

static void import_all_refuses_partial_broken_and_dangling_files(void **state)
{
	struct fx *f = *state;
	strbuf doc;
	tsu_err e;
	char *bad;

	import_file(f->a, "tests/data/roster-utf8.csv");
	assert_int_equal(export_json(f->a, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	assert_int_equal(import_all_json(f->b, doc.s, doc.len, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "clients export"));
	sb_free(&doc);

	assert_int_equal(export_json(f->a, EXPORT_ALL, &doc, &e), TSU_OK);
	/* Cut short: the whole load is rolled back. */
	assert_int_equal(import_all_json(f->b, doc.s, doc.len - 40, NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "line"));
	assert_int_equal(count(f->b), 0);
	/* A certificate whose client is not in the file. */
	bad = xstrdup(doc.s);
	char *cert = strstr(bad, "\"certificate\": [");
	assert_non_null(cert);
	char *cid = strstr(cert, "\"client_id\":1,");
	assert_non_null(cid);
	cid[strlen("\"client_id\":")] = '7';
	assert_int_equal(import_all_json(f->b, bad, strlen(bad), NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "certificate"));
	assert_int_equal(count(f->b), 0);
	free(bad);
	/* An unknown column. */
	bad = xstrdup(doc.s);
	char *k = strstr(bad, "\"kana\"");
	memcpy(k, "\"kanb\"", 6);
	assert_int_equal(import_all_json(f->b, bad, strlen(bad), NULL, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "kanb"));
	assert_int_equal(count(f->b), 0);
	free(bad);
	sb_free(&doc);
}

/* The export with its schema_version member set to v. */
static char *with_schema(const strbuf *doc, int v)
{
	const char *at = strstr(doc->s, "\"schema_version\": ");
	const char *end;

	assert_non_null(at);
	end = strchr(at, ',');
	return xasprintf("%.*s\"schema_version\": %d%s", (int)(at - doc->s), doc->s, v, end);
}

static void import_all_takes_an_export_of_an_older_schema_with_the_same_tables(void **state)
{
	struct fx *f = *state;
	int have = db_schema_version();
	strbuf doc;
	tsu_err e;
	char *old;

	char want[64];
	int since = db_same_tables_since(f->b);

	/* 0018-client-closing adds two client columns and is the last
	 * migration that changes a table: an export from any schema before
	 * it lacks them.  (0016 only adds triggers, so before 0018 an export
	 * of 0014's schema loaded as it was; before 0014, exports of 9.)
	 * Numbers are counted, not named: migration files may leave numbers
	 * out. */
	assert_int_equal(since, have);
	import_file(f->a, "tests/data/roster-utf8.csv");
	assert_int_equal(export_json(f->a, EXPORT_ALL, &doc, &e), TSU_OK);
	old = with_schema(&doc, since - 1);
	assert_int_equal(import_all_json(f->b, old, strlen(old), NULL, &e), TSU_EINVAL);
	snprintf(want, sizeof want, "exported from schema %d", since - 1);
	assert_non_null(strstr(e.msg, want));
	free(old);
	old = with_schema(&doc, have + 1);
	assert_int_equal(import_all_json(f->b, old, strlen(old), NULL, &e), TSU_EINVAL);
	free(old);
	assert_int_equal(count(f->b), 0);
	old = with_schema(&doc, since);
	assert_int_equal(import_all_json(f->b, old, strlen(old), NULL, &e), TSU_OK);
	assert_int_equal(count(f->b), count(f->a));
	free(old);
	sb_free(&doc);
}

/* Drafts are one UI session's unsaved text, not records: export all
 * leaves them out, and an export of schema 12 that still carries them
 * (without the session column of 0013) loads, drafts read past. */
static void drafts_stay_out_of_export_all_and_older_exports_with_drafts_load(void **state)
{
	struct fx *f = *state;
	strbuf doc;
	draft d;
	tsu_err e;
	char *old, *at;

	import_file(f->a, "tests/data/roster-utf8.csv");
	draft_init(&d);
	free(d.session);
	d.session = xstrdup("s1");
	d.client_id = 1;
	draft_put(&d, "remarks", "下書きだけの文");
	assert_int_equal(store_draft_save(f->a, &d, &e), TSU_OK);
	draft_free(&d);
	assert_int_equal(export_json(f->a, EXPORT_ALL, &doc, &e), TSU_OK);
	assert_null(strstr(doc.s, "\"draft"));
	assert_null(strstr(doc.s, "下書きだけの文"));
	at = strstr(doc.s, "\"tables\": {\n");
	assert_non_null(at);
	at += strlen("\"tables\": {\n");
	old = xasprintf("%.*s    \"draft\": [{\"id\": 1, \"form\": \"client\", \"client_id\": 1, \"record_id\": 0,"
			" \"base_version\": 0, \"title\": \"t\", \"saved_at\": \"2026-01-01T00:00:00Z\"}],\n"
			"    \"draft_field\": [{\"draft_id\": 1, \"name\": \"remarks\", \"value\": \"古い下書き\"}],\n%s",
			(int)(at - doc.s), doc.s, at);
	assert_int_equal(import_all_json(f->b, old, strlen(old), NULL, &e), TSU_OK);
	assert_int_equal(count(f->b), count(f->a));
	assert_int_equal(store_draft_count(f->b), 0);
	free(old);
	sb_free(&doc);
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(roster_csv_round_trips_byte_for_byte),
		T(every_value_round_trips_through_csv),
		T(cp932_export_reads_back_as_the_same_text),
		T(character_cp932_lacks_names_row_and_column),
		T(notes_csv_has_one_row_per_note_by_date),
		T(json_all_loads_into_an_empty_database_identically),
		T(import_all_refuses_a_database_with_records),
		T(import_all_refuses_partial_broken_and_dangling_files),
		T(import_all_takes_an_export_of_an_older_schema_with_the_same_tables),
		T(drafts_stay_out_of_export_all_and_older_exports_with_drafts_load),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
