/*
 * test_ui_store.c - what the UI asks of the store: drafts that keep text
 * as typed and are found again by form and record, and keyset paging of
 * the case load in kana order that pages both ways and knows a row's
 * place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_draft.h"

static db *open_db(fx_db *x)
{
	fx_db_open(x, "uistore");
	return x->db;
}

/* d may have been closed and opened again by the test. */
static void close_db(fx_db *x, db *d)
{
	x->db = d;
	fx_db_close(x);
}

static void add(db *d, const char *name, const char *kana, const char *kind);

/* Clients 1..n, so that drafts have someone to belong to. */
static void add_clients(db *d, int n)
{
	for (int i = 0; i < n; i++)
		add(d, "山田 太郎", "やまだ たろう", "plan");
}

static void a_draft_keeps_text_as_typed_and_is_found_by_form_and_record(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	draft dr, got;
	tsu_err e;

	(void)state;
	add_clients(d, 8);
	draft_init(&dr);
	free(dr.form);
	dr.form = strdup("intake");
	dr.client_id = 7;
	dr.record_id = 0;
	draft_put(&dr, "complaint", "一人で暮らしたい\nでも不安");
	draft_put(&dr, "intake_on", "R8.2.30");   /* not a date: kept anyway */
	assert_int_equal(store_draft_save(d, &dr, &e), TSU_OK);
	assert_true(dr.id > 0);
	assert_int_equal(store_draft_find(d, "", NULL, "intake", 7, 0, &got, &e), TSU_OK);
	assert_string_equal(draft_value(&got, "complaint"), "一人で暮らしたい\nでも不安");
	assert_string_equal(draft_value(&got, "intake_on"), "R8.2.30");
	draft_free(&got);
	assert_int_equal(store_draft_find(d, "", NULL, "intake", 8, 0, &got, &e), TSU_ENOTFOUND);
	draft_free(&got);

	/* Saving again replaces, never duplicates. */
	draft_put(&dr, "complaint", "書き直し");
	assert_int_equal(store_draft_save(d, &dr, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 1);
	assert_int_equal(store_draft_find(d, "", NULL, "intake", 7, 0, &got, &e), TSU_OK);
	assert_string_equal(draft_value(&got, "complaint"), "書き直し");
	assert_int_equal(got.n, 2);
	assert_int_equal(store_draft_delete(d, got.id, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 0);
	draft_free(&got);
	draft_free(&dr);
	close_db(&x, d);
}

static void the_draft_list_has_every_draft_with_its_fields(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	draft a, *v;
	size_t n;
	tsu_err e;

	(void)state;
	add_clients(d, 2);
	for (int i = 0; i < 3; i++) {
		draft_init(&a);
		free(a.form);
		a.form = strdup(i == 0 ? "client" : "contact");
		a.client_id = i;
		draft_put(&a, "name", i == 2 ? "三" : "一");
		assert_int_equal(store_draft_save(d, &a, &e), TSU_OK);
		draft_free(&a);
	}
	assert_int_equal(store_draft_list(d, &v, &n, &e), TSU_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_non_null(draft_value(&v[i], "name"));
	draft_free_list(v, n);
	close_db(&x, d);
}

static void add(db *d, const char *name, const char *kana, const char *kind)
{
	client c;
	tsu_err e;

	client_init(&c);
	assert_int_equal(client_set(&c, "name", name, &e), TSU_OK);
	assert_int_equal(client_set(&c, "kana", kana, &e), TSU_OK);
	assert_int_equal(client_set(&c, "kind", kind, &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
	assert_int_equal(store_client_add(d, &c, &e), TSU_OK);
	client_free(&c);
}

static void free_rows(client_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		client_row_free(&r[i]);
}

/* A form left open while another session deletes its client keeps no
 * draft that could never be opened again, and deleting a client (also
 * with plain SQL) takes its drafts along. */
static void drafts_belong_to_their_client(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	draft dr, got;
	tsu_err e;

	(void)state;
	add_clients(d, 2);
	draft_init(&dr);
	free(dr.form);
	dr.form = strdup("client");
	dr.client_id = 1;
	draft_put(&dr, "name", "山田 太郎");
	assert_int_equal(store_draft_save(d, &dr, &e), TSU_OK);
	assert_int_equal(store_client_delete(d, 1, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 0);
	/* Esc in the session that still has the form open. */
	dr.id = 0;
	assert_int_equal(store_draft_save(d, &dr, &e), TSU_ENOTFOUND);
	assert_non_null(strstr(e.msg, "deleted"));
	assert_int_equal(store_draft_count(d), 0);
	/* Behind tsunagi's back: the trigger refuses the draft too. */
	assert_int_not_equal(db_exec(db_prepare(d, "INSERT INTO draft (form, client_id, record_id, base_version, title)"
						" VALUES ('client', 1, 0, 0, 'x')"), &e), TSU_OK);
	dr.client_id = 2;
	dr.id = 0;
	assert_int_equal(store_draft_save(d, &dr, &e), TSU_OK);
	assert_int_equal(db_exec(db_prepare(d, "DELETE FROM client WHERE id = 2"), &e), TSU_OK);
	assert_int_equal(store_draft_find(d, "", NULL, "client", 2, 0, &got, &e), TSU_ENOTFOUND);
	draft_free(&got);
	draft_free(&dr);
	close_db(&x, d);
}

static void set_str(char **to, const char *s)
{
	free(*to);
	*to = strdup(s);
}

/* A new client's form of one session. */
static void session_draft(draft *d, const char *session, const char *name)
{
	draft_init(d);
	set_str(&d->session, session);
	set_str(&d->form, "client");
	set_str(&d->title, name);
	draft_put(d, "name", name);
}

/* Two sessions that each typed a new client and were both hung up keep
 * two drafts; a session replaces only its own; a form opened in a third
 * session finds the newest and, once it keeps its own, takes it over. */
static void each_session_keeps_its_own_drafts(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	draft a, b, c, got;
	tsu_err e;

	(void)state;
	session_draft(&a, "session-a", "青木 一");
	session_draft(&b, "session-b", "別所 二");
	assert_int_equal(store_draft_save(d, &a, &e), TSU_OK);
	assert_int_equal(store_draft_save(d, &b, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 2);
	assert_int_not_equal(a.id, b.id);
	/* Each finds its own first. */
	assert_int_equal(store_draft_find(d, "session-a", NULL, "client", 0, 0, &got, &e), TSU_OK);
	assert_string_equal(draft_value(&got, "name"), "青木 一");
	draft_free(&got);
	assert_int_equal(store_draft_find(d, "session-b", NULL, "client", 0, 0, &got, &e), TSU_OK);
	assert_string_equal(draft_value(&got, "name"), "別所 二");
	assert_string_equal(got.session, "session-b");
	draft_free(&got);
	/* A session saving again replaces only its own. */
	draft_put(&a, "name", "青木 一郎");
	assert_int_equal(store_draft_save(d, &a, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 2);
	assert_int_equal(store_draft_count_for(d, "client", 0, 0), 2);
	/* A third session goes on from b's draft: its own replaces it. */
	session_draft(&c, "session-c", "別所 二");
	c.replaces = b.id;
	assert_int_equal(store_draft_save(d, &c, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 2);
	assert_int_equal(store_draft_get(d, b.id, &got, &e), TSU_ENOTFOUND);
	draft_free(&got);
	/* Another session's draft is found only when it was kept before
	 * the time given (the start of the session that asks). */
	assert_int_equal(store_draft_find(d, "session-d", NULL, "client", 0, 0, &got, &e), TSU_ENOTFOUND);
	draft_free(&got);
	assert_int_equal(store_draft_find(d, "session-d", "2000-01-01T00:00:00Z", "client", 0, 0, &got, &e), TSU_ENOTFOUND);
	draft_free(&got);
	assert_int_equal(store_draft_find(d, "session-d", "9999-01-01T00:00:00Z", "client", 0, 0, &got, &e), TSU_OK);
	draft_free(&got);
	/* Saving the record ends that session's draft, not a's. */
	assert_int_equal(store_draft_end(d, "session-c", "client", 0, 0, 0, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 1);
	assert_int_equal(store_draft_find(d, "session-c", "9999-01-01T00:00:00Z", "client", 0, 0, &got, &e), TSU_OK);
	assert_string_equal(got.session, "session-a");
	assert_string_equal(draft_value(&got, "name"), "青木 一郎");
	draft_free(&got);
	draft_free(&a);
	draft_free(&b);
	draft_free(&c);
	close_db(&x, d);
}

/* When the database will not take a draft, it goes to a 0600 file
 * beside it; the next start loads it (every field, byte for byte) and
 * removes the file.  A file that is not a draft is left and named. */
static void a_draft_file_is_private_and_comes_back(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	const char *path = x.path;
	char *file, *bogus;
	draft a, got;
	struct stat sb;
	tsu_err e;
	int n;
	FILE *fp;

	(void)state;
	add_clients(d, 1);
	session_draft(&a, "session-a", "青木 一");
	set_str(&a.form, "contact");
	a.client_id = 1;
	a.base_version = 3;
	draft_put(&a, "remarks", "一行目\n\"引用\"\t\\ \x1b[2J 終わり");
	assert_int_equal(store_draft_write_file(d, &a, &file, &e), TSU_OK);
	assert_int_equal(strncmp(file, path, strlen(path)), 0);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_draft_count(d), 0);
	assert_int_equal(store_draft_take_files(d, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_int_not_equal(stat(file, &sb), 0);
	assert_int_equal(store_draft_find(d, "session-a", NULL, "contact", 1, 0, &got, &e), TSU_OK);
	assert_string_equal(got.session, "session-a");
	assert_int_equal(got.base_version, 3);
	assert_string_equal(draft_value(&got, "remarks"), "一行目\n\"引用\"\t\\ \x1b[2J 終わり");
	assert_string_equal(draft_value(&got, "name"), "青木 一");
	draft_free(&got);
	free(file);

	bogus = malloc(strlen(path) + 16);
	sprintf(bogus, "%s.draft-AbC123", path);
	fp = fopen(bogus, "w");
	assert_non_null(fp);
	fputs("{\"form\": 3}", fp);
	fclose(fp);
	assert_int_equal(store_draft_take_files(d, &n, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "draft-AbC123"));
	assert_int_equal(stat(bogus, &sb), 0);
	unlink(bogus);
	free(bogus);
	draft_free(&a);
	close_db(&x, d);
}

extern const char *const schema_migrations[];

/* A database of schema 12 with a draft upgrades with the draft whole,
 * in session '' (0013 builds both draft tables again). */
static void drafts_of_schema_12_survive_the_upgrade(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	const char *path = x.path;
	sqlite3 *h;
	draft got;
	tsu_err e;

	(void)state;
	db_close(d);
	unlink(path);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < 12; i++)
		assert_int_equal(sqlite3_exec(h, schema_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"INSERT INTO draft (form, client_id, record_id, title) VALUES ('client', 0, 0, '新規');"
		"INSERT INTO draft_field (draft_id, name, value) VALUES (1, 'name', '古田 一'), (1, 'kana', 'ふるた');"
		"PRAGMA user_version = 12", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(db_open(&d, path, 0, &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 1);
	assert_int_equal(store_draft_find(d, "any", "9999-01-01T00:00:00Z", "client", 0, 0, &got, &e), TSU_OK);
	assert_string_equal(got.session, "");
	assert_string_equal(got.title, "新規");
	assert_string_equal(draft_value(&got, "name"), "古田 一");
	assert_string_equal(draft_value(&got, "kana"), "ふるた");
	draft_free(&got);
	/* The triggers came back: deleting a client takes its drafts. */
	add_clients(d, 1);
	assert_int_equal(db_exec(db_prepare(d, "INSERT INTO draft (form, client_id, record_id) VALUES ('contact', 1, 0)"), &e), TSU_OK);
	assert_int_equal(db_exec(db_prepare(d, "DELETE FROM client WHERE id = 1"), &e), TSU_OK);
	assert_int_equal(store_draft_count(d), 1);
	close_db(&x, d);
}

static void pages_follow_kana_order_forward_and_backward(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	client_row r[3], b[3];
	size_t n;
	tsu_err e;
	client_filter all = { 0 };

	(void)state;
	add(d, "渡辺 一", "ワタナベ ハジメ", "plan");
	add(d, "青木 二", "あおき じ", "plan");
	add(d, "伊藤 三", "ｲﾄｳ ｻﾝ", "child");
	add(d, "上田 四", "うえだ し", "plan");
	add(d, "遠藤 五", "えんどう ご", "plan");
	assert_int_equal(store_client_page(d, &all, NULL, false, 3, r, &n, &e), TSU_OK);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].name, "青木 二");
	assert_string_equal(r[1].name, "伊藤 三");   /* half-width kana sorts as kana */
	assert_string_equal(r[2].name, "上田 四");
	/* After the last row of a page. */
	assert_int_equal(store_client_page(d, &all, &r[2], false, 3, b, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].name, "遠藤 五");
	assert_string_equal(b[1].name, "渡辺 一");
	assert_int_equal(store_client_position(d, &all, &b[1]), 4);
	free_rows(b, n);
	/* Before a row, in list order. */
	assert_int_equal(store_client_page(d, &all, &r[2], true, 3, b, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].name, "青木 二");
	assert_string_equal(b[1].name, "伊藤 三");
	free_rows(b, n);
	/* From the end. */
	assert_int_equal(store_client_page(d, &all, NULL, true, 2, b, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].name, "遠藤 五");
	assert_string_equal(b[1].name, "渡辺 一");
	free_rows(b, n);
	free_rows(r, 3);
	close_db(&x, d);
}

static void paging_applies_the_search_and_the_filters(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	client_row r[5];
	size_t n;
	tsu_err e;
	client_filter f = { 0 };

	(void)state;
	add(d, "山田 花子", "ヤマダ ハナコ", "plan");
	add(d, "山本 一郎", "やまもと いちろう", "child");
	add(d, "佐藤 花", "さとう はな", "plan");
	f.search = "はなこ";
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].name, "山田 花子");
	free_rows(r, n);
	f.search = "山";
	f.case_kind = "child";
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].name, "山本 一郎");
	free_rows(r, n);
	assert_int_equal(store_client_close(d, 2, 20000, &e), TSU_OK);
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 0);
	f.only_closed = true;
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	free_rows(r, n);
	assert_int_equal(store_client_row(d, 3, &r[0], &e), TSU_OK);
	assert_string_equal(r[0].kana, "さとう はな");
	free_rows(r, 1);
	assert_int_equal(store_client_row(d, 99, &r[0], &e), TSU_ENOTFOUND);
	close_db(&x, d);
}

/* A worker with the certificate in hand types its number: the client's
 * recipient number and her certificates' numbers are searched (digits
 * only, full-width too); a name search never matches a number. */
static void a_recipient_number_finds_its_client(void **state)
{
	fx_db x;
	db *d = open_db(&x);
	client_row r[5];
	size_t n;
	tsu_err e;
	client_filter f = { 0 };
	client c;

	(void)state;
	add(d, "山田 花子", "ヤマダ ハナコ", "plan");
	add(d, "佐藤 花", "さとう はな", "child");
	assert_int_equal(store_client_get(d, 1, &c, &e), TSU_OK);
	assert_int_equal(client_set(&c, "recipient-no", "1412345678", &e), TSU_OK);
	assert_int_equal(store_client_update(d, &c, &e), TSU_OK);
	client_free(&c);
	assert_int_equal(db_exec(db_prepare(d, "INSERT INTO certificate (client_id, kind, number, valid_from, valid_to)"
					       " VALUES (2, 'day_service', '1598765432', '2026-04-01', '2027-03-31')"), &e), TSU_OK);
	f.search = "12345";
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].name, "山田 花子");
	free_rows(r, n);
	assert_int_equal(store_client_count(d, &f), 1);
	f.search = "９８７６";
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].name, "佐藤 花");
	free_rows(r, n);
	f.search = "14";          /* too short to be a number search */
	assert_int_equal(store_client_page(d, &f, NULL, false, 5, r, &n, &e), TSU_OK);
	assert_int_equal(n, 0);
	close_db(&x, d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_recipient_number_finds_its_client),
		cmocka_unit_test(a_draft_keeps_text_as_typed_and_is_found_by_form_and_record),
		cmocka_unit_test(the_draft_list_has_every_draft_with_its_fields),
		cmocka_unit_test(drafts_belong_to_their_client),
		cmocka_unit_test(each_session_keeps_its_own_drafts),
		cmocka_unit_test(a_draft_file_is_private_and_comes_back),
		cmocka_unit_test(drafts_of_schema_12_survive_the_upgrade),
		cmocka_unit_test(pages_follow_kana_order_forward_and_backward),
		cmocka_unit_test(paging_applies_the_search_and_the_filters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
