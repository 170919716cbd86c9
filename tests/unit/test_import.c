/*
 * test_import.c - the client roster import as a specification: the
 * fixtures in tests/data (a CP932 roster with 髙橋, 﨑, ①, ㈱, ～,
 * half-width readings, era dates and a quoted address with a comma and a
 * line break; the same in UTF-8 with and without a BOM; one file per
 * kind of bad row) go in whole, or not at all, with every problem named
 * by line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/import.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "import");
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

static int run(db *d, const char *file, import_opts o, import_report *r, tsu_err *e)
{
	char *path = xasprintf("tests/data/%s", file);
	char *buf;
	size_t len;
	int rc;

	if (import_read_file(path, &buf, &len, e) != TSU_OK)
		fail_msg("cannot read %s (run from the top directory): %s", path, e->msg);
	free(path);
	err_clear(e);
	rc = import_clients(d, buf, len, &o, r, e);
	free(buf);
	return rc;
}

static const import_opts AUTO = { .auto_encoding = true };

static int64_t clients(db *d)
{
	return store_client_count(d, &(client_filter){ .include_closed = true });
}

/* Whether some problem is at line:column and its reason contains text. */
static bool has_problem(const import_report *r, size_t line, size_t column, const char *text)
{
	for (size_t i = 0; i < r->nproblems; i++)
		if (r->problems[i].line == line && r->problems[i].column == column &&
		    strstr(r->problems[i].reason, text))
			return true;
	return false;
}

static void dump_problems(const import_report *r)
{
	for (size_t i = 0; i < r->nproblems; i++)
		print_message("  %zu:%zu %s\n", r->problems[i].line, r->problems[i].column, r->problems[i].reason);
}

/* Every field of every client, one line each, in id order. */
static char *roster_text(db *d)
{
	strbuf b;
	sb_init(&b);
	for (int64_t id = 1; ; id++) {
		client c;
		tsu_err e;
		if (store_client_get(d, id, &c, &e) != TSU_OK) {
			client_free(&c);
			break;
		}
		for (const client_field *f = client_fields; f->name; f++) {
			char *v = client_get(&c, f->name);
			sb_addf(&b, "%s=%s|", f->name, v);
			free(v);
		}
		sb_addc(&b, '\n');
		client_free(&c);
	}
	return sb_steal(&b);
}

static void check_roster(db *d)
{
	client c;
	tsu_err e;
	certificate *certs;
	size_t n;
	char iso[DATE_ISO_LEN];

	assert_int_equal(store_client_get(d, 1, &c, &e), TSU_OK);
	assert_string_equal(c.name, "髙橋 一郎");
	assert_string_equal(c.kana, "ﾀｶﾊｼ ｲﾁﾛｳ");
	date_format_iso(c.birth_on, iso);
	assert_string_equal(iso, "1970-03-02");
	assert_string_equal(c.sex, "male");
	assert_string_equal(c.address, "神奈川県横浜市中区1-2-3, ㈱つなぎビル\n2階");
	assert_string_equal(c.recipient_no, "1234567890");
	assert_int_equal(c.support_level, 3);
	assert_string_equal(c.remarks, "通院は月2回～3回");
	client_free(&c);
	assert_int_equal(store_record_list(d, &rt_certificate, 1, (void **)&certs, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	date_format_iso(certs[0].valid_from, iso);
	assert_string_equal(iso, "2025-04-01");
	date_format_iso(certs[0].valid_to, iso);
	assert_string_equal(iso, "2026-03-31");
	assert_string_equal(certs[0].kind, "service");
	assert_string_equal(certs[0].number, "1234567890");
	record_free_list(&rt_certificate, certs, n);

	assert_int_equal(store_client_get(d, 2, &c, &e), TSU_OK);
	assert_string_equal(c.name, "山﨑 花子");
	date_format_iso(c.birth_on, iso);
	assert_string_equal(iso, "1990-05-10");
	assert_string_equal(c.sex, "female");
	assert_int_equal(c.support_level, 0);
	assert_string_equal(c.remarks, "手帳①あり");
	client_free(&c);

	assert_int_equal(store_client_get(d, 3, &c, &e), TSU_OK);
	assert_string_equal(c.case_kind, "child");
	assert_int_equal(c.support_level, -1);
	client_free(&c);
	/* Half-width readings are searchable in any kana. */
	assert_int_equal(store_client_count(d, &(client_filter){ .search = "たかはし" }), 1);
	assert_int_equal(store_client_count(d, &(client_filter){ .search = "ヤマザキ" }), 1);
}

static void cp932_roster_is_detected_and_imported_whole(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "roster-cp932.csv", AUTO, &r, &e), TSU_OK);
	assert_int_equal(r.encoding, ENC_CP932);
	assert_true(r.guessed);
	assert_int_equal(r.rows, 3);
	assert_int_equal(r.imported, 3);
	assert_int_equal(r.certificates, 2);
	assert_int_equal(r.nproblems, 0);
	import_report_free(&r);
	check_roster(f->x.db);
}

static void utf8_roster_with_and_without_bom_gives_the_same_clients(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;
	char *a, *b;
	db *d2;
	char *p2 = xasprintf("%s/2.db", f->x.dir);

	assert_int_equal(run(f->x.db, "roster-utf8.csv", AUTO, &r, &e), TSU_OK);
	assert_int_equal(r.encoding, ENC_UTF8);
	assert_false(r.had_bom);
	import_report_free(&r);
	check_roster(f->x.db);
	assert_int_equal(db_open(&d2, p2, DB_CREATE, &e), TSU_OK);
	assert_int_equal(run(d2, "roster-utf8-bom.csv", AUTO, &r, &e), TSU_OK);
	assert_true(r.had_bom);
	import_report_free(&r);
	a = roster_text(f->x.db);
	b = roster_text(d2);
	assert_string_equal(a, b);
	free(a);
	free(b);
	db_close(d2);
	free(p2);
}

static void given_encoding_overrides_detection(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	/* CP932 bytes read as UTF-8 are broken in every Japanese cell. */
	assert_int_equal(run(f->x.db, "roster-cp932.csv", (import_opts){ .encoding = ENC_UTF8 }, &r, &e), TSU_EINVAL);
	assert_false(r.guessed);
	assert_true(has_problem(&r, 1, 1, "not valid UTF-8"));
	assert_int_equal(clients(f->x.db), 0);
	import_report_free(&r);
	assert_int_equal(run(f->x.db, "roster-cp932.csv", (import_opts){ .encoding = ENC_CP932 }, &r, &e), TSU_OK);
	import_report_free(&r);
	check_roster(f->x.db);
}

static void impossible_dates_stop_the_import_and_name_line_and_column(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-date.csv", AUTO, &r, &e), TSU_EINVAL);
	if (!has_problem(&r, 3, 3, "February 29") || !has_problem(&r, 4, 3, "2019-05-01"))
		dump_problems(&r);
	assert_true(has_problem(&r, 3, 3, "February 29"));
	assert_true(has_problem(&r, 4, 3, "2019-05-01"));
	assert_string_equal(r.problems[0].header, "生年月日");
	assert_int_equal(r.good, 1);
	assert_int_equal(r.bad, 2);
	assert_int_equal(r.imported, 0);
	assert_int_equal(clients(f->x.db), 0);
	assert_non_null(strstr(e.msg, "--skip-bad"));
	import_report_free(&r);
}

static void skip_bad_imports_the_good_rows_and_lists_the_rest(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-date.csv", (import_opts){ .auto_encoding = true, .skip_bad = true }, &r, &e), TSU_OK);
	assert_int_equal(r.imported, 1);
	assert_int_equal(r.bad, 2);
	assert_int_equal(r.nproblems, 2);
	assert_int_equal(clients(f->x.db), 1);
	import_report_free(&r);
}

static void dry_run_reports_and_writes_nothing(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "roster-cp932.csv", (import_opts){ .auto_encoding = true, .dry_run = true }, &r, &e), TSU_OK);
	assert_int_equal(r.good, 3);
	assert_int_equal(r.imported, 0);
	assert_int_equal(clients(f->x.db), 0);
	import_report_free(&r);
	/* Without a database at all. */
	assert_int_equal(run(NULL, "bad-date.csv", (import_opts){ .auto_encoding = true, .dry_run = true }, &r, &e), TSU_EINVAL);
	assert_int_equal(r.bad, 2);
	import_report_free(&r);
}

static void missing_name_is_a_bad_row(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-name.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 3, 1, "empty"));
	assert_int_equal(clients(f->x.db), 0);
	import_report_free(&r);
}

static void duplicate_recipient_number_in_the_file_is_a_bad_row(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-duplicate.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 3, 4, "line 2"));
	assert_int_equal(clients(f->x.db), 0);
	import_report_free(&r);
}

static void recipient_number_already_in_the_database_is_a_bad_row(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "roster-utf8.csv", AUTO, &r, &e), TSU_OK);
	import_report_free(&r);
	assert_int_equal(run(f->x.db, "roster-cp932.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_int_equal(r.bad, 3);
	assert_true(has_problem(&r, 2, 6, "already client 1"));
	assert_int_equal(clients(f->x.db), 3);
	import_report_free(&r);
}

static void fields_over_their_limits_are_bad_rows(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-long.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 3, 1, "101 characters"));
	assert_true(has_problem(&r, 4, 4, "10 digits"));
	import_report_free(&r);
}

static void broken_encoding_is_a_bad_row_at_its_cell(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-encoding-cp932.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_int_equal(r.encoding, ENC_CP932);
	if (!has_problem(&r, 3, 2, "CP932"))
		dump_problems(&r);
	assert_true(has_problem(&r, 3, 2, "CP932"));
	assert_int_equal(r.good, 1);
	import_report_free(&r);
	assert_int_equal(clients(f->x.db), 0);
}

static void malformed_csv_and_extra_cells_are_bad_rows(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-quote.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 3, 1, "quote"));
	import_report_free(&r);
	assert_int_equal(run(f->x.db, "bad-cells.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 3, 5, "5 cells"));
	import_report_free(&r);
	assert_int_equal(clients(f->x.db), 0);
}

static void unknown_columns_are_reported_not_dropped(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(run(f->x.db, "bad-unknown-column.csv", AUTO, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 1, 3, "unknown column"));
	assert_string_equal(r.problems[0].header, "血液型");
	assert_int_equal(clients(f->x.db), 0);
	import_report_free(&r);
	/* With --skip-bad the known columns are imported. */
	assert_int_equal(run(f->x.db, "bad-unknown-column.csv", (import_opts){ .auto_encoding = true, .skip_bad = true }, &r, &e), TSU_OK);
	assert_int_equal(r.imported, 1);
	import_report_free(&r);
}

static int import_text(db *d, const char *text, import_report *r, tsu_err *e)
{
	return import_clients(d, text, strlen(text), &AUTO, r, e);
}

static void english_headers_and_split_names_are_understood(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;
	client c;

	assert_int_equal(import_text(f->x.db,
		"Family name,Given name,セイ,メイ,Birth date,Sex,Case kind,Co-payment cap (yen)\n"
		"山田,太郎,ﾔﾏﾀﾞ,ﾀﾛｳ,１９８０年？,M,plan,\"9,300円\"\n", &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 2, 5, "birth"));
	import_report_free(&r);
	assert_int_equal(import_text(f->x.db,
		"Family name,Given name,セイ,メイ,Birth date,Sex,Case kind,Co-payment cap (yen)\n"
		"山田,太郎,ﾔﾏﾀﾞ,ﾀﾛｳ,１９８０/１/２,M,地域定着支援,\"9,300円\"\n", &r, &e), TSU_OK);
	import_report_free(&r);
	assert_int_equal(store_client_get(f->x.db, 1, &c, &e), TSU_OK);
	assert_string_equal(c.name, "山田 太郎");
	assert_string_equal(c.kana, "ﾔﾏﾀﾞ ﾀﾛｳ");
	assert_string_equal(c.case_kind, "retention");
	assert_int_equal(c.copay_cap_yen, 9300);
	client_free(&c);
}

static void a_file_without_a_name_column_is_refused(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;

	assert_int_equal(import_text(f->x.db, "フリガナ,生年月日\nやまだ,1980-01-01\n", &r, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "no name column"));
	import_report_free(&r);
	assert_int_equal(import_text(f->x.db, "", &r, &e), TSU_EINVAL);
	import_report_free(&r);
}

static void closed_clients_keep_their_closing_date(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;
	client c;
	char iso[DATE_ISO_LEN];

	assert_int_equal(import_text(f->x.db, "氏名,フリガナ,生年月日,状態,終結日\n山田 太郎,やまだ たろう,1980-01-01,終結,R7.3.31\n", &r, &e), TSU_OK);
	import_report_free(&r);
	assert_int_equal(store_client_get(f->x.db, 1, &c, &e), TSU_OK);
	assert_string_equal(c.status, "closed");
	date_format_iso(c.closed_on, iso);
	assert_string_equal(iso, "2025-03-31");
	client_free(&c);
	assert_int_equal(import_text(f->x.db, "氏名,状態\n山田 花子,終結\n", &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 2, 2, "closing date"));
	import_report_free(&r);
}

static void a_childs_guardian_becomes_a_family_contact(void **state)
{
	struct fx *f = *state;
	import_report r;
	contact *cs;
	size_t n;
	tsu_err e;
	char *long_name;

	assert_int_equal(import_text(f->x.db,
		"氏名,フリガナ,生年月日,相談区分,保護者氏名\n"
		"佐藤 蓮,さとう れん,2016-05-05,child,佐藤 恵子\n"
		"山田 太郎,やまだ たろう,1980-01-01,plan,\n", &r, &e), TSU_OK);
	assert_int_equal(r.imported, 2);
	import_report_free(&r);
	assert_int_equal(store_record_list(f->x.db, &rt_contact, 1, (void **)&cs, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_string_equal(cs[0].role, "family");
	assert_string_equal(cs[0].name, "佐藤 恵子");
	assert_string_equal(cs[0].relation, "保護者");
	record_free_list(&rt_contact, cs, n);
	/* A blank cell adds no contact. */
	assert_int_equal(store_record_list(f->x.db, &rt_contact, 2, (void **)&cs, &n, &e), TSU_OK);
	assert_int_equal(n, 0);
	record_free_list(&rt_contact, cs, n);
	/* Too long a name is that row's problem, and nothing is imported. */
	long_name = xasprintf("氏名,フリガナ,生年月日,保護者\n鈴木 一,すずき はじめ,2015-01-01,%0*d\n", 120, 0);
	assert_int_equal(import_text(f->x.db, long_name, &r, &e), TSU_EINVAL);
	assert_true(has_problem(&r, 2, 4, "too long"));
	import_report_free(&r);
	free(long_name);
	assert_int_equal(clients(f->x.db), 2);
}

static void formula_neutralising_quote_is_undone(void **state)
{
	struct fx *f = *state;
	import_report r;
	tsu_err e;
	client c;

	assert_int_equal(import_text(f->x.db, "氏名,フリガナ,生年月日,備考\n山田 太郎,やまだ たろう,1980-01-01,'=1+1\n", &r, &e), TSU_OK);
	import_report_free(&r);
	assert_int_equal(store_client_get(f->x.db, 1, &c, &e), TSU_OK);
	assert_string_equal(c.remarks, "=1+1");
	client_free(&c);
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(cp932_roster_is_detected_and_imported_whole),
		T(utf8_roster_with_and_without_bom_gives_the_same_clients),
		T(given_encoding_overrides_detection),
		T(impossible_dates_stop_the_import_and_name_line_and_column),
		T(skip_bad_imports_the_good_rows_and_lists_the_rest),
		T(dry_run_reports_and_writes_nothing),
		T(missing_name_is_a_bad_row),
		T(duplicate_recipient_number_in_the_file_is_a_bad_row),
		T(recipient_number_already_in_the_database_is_a_bad_row),
		T(fields_over_their_limits_are_bad_rows),
		T(broken_encoding_is_a_bad_row_at_its_cell),
		T(malformed_csv_and_extra_cells_are_bad_rows),
		T(unknown_columns_are_reported_not_dropped),
		T(english_headers_and_split_names_are_understood),
		T(a_file_without_a_name_column_is_refused),
		T(closed_clients_keep_their_closing_date),
		T(a_childs_guardian_becomes_a_family_contact),
		T(formula_neutralising_quote_is_undone),
	};
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
