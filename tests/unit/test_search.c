/*
 * test_search.c - the search across every client's written records
 * (store_search.h), on a real temporary database: notes, intakes,
 * assessments with their ICF items and monitorings with their rows;
 * folding, newest first, each record once, the date and kind filters,
 * paging, refusals, and the snippet around the match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_search.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	int64_t a, b;           /* two clients */
	int64_t note, intake, assessment, monitoring;
};

static void add(db *d, const record_type *rt, void *rec)
{
	tsu_err e;
	int rc = store_record_add(d, rt, rec, &e);
	if (rc != TSU_OK)
		fail_msg("%s", e.msg);
}

/* Client a: a note (Nov 2), an intake (Apr 1), an assessment whose item
 * says ヘルパー (May 10) and a monitoring whose row says it (Oct 20).
 * Client b: a note in half-width kana (Nov 5) and one with nothing. */
static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	note n;
	intake in;
	assessment as;
	assessment_item it;
	monitoring mo;
	monitoring_row mr;

	fx_db_open(&f->x, "search");
	f->a = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "1980-01-01");
	f->b = fx_client(f->x.db, "佐藤 花子", "さとう はなこ", "1980-01-01");

	record_init(&rt_note, &n);
	n.client_id = f->a;
	n.noted_on = fx_date("2026-11-02");
	fx_set(&n.noted_at, "10:00");
	fx_set(&n.kind, "phone");
	fx_set(&n.fact, "母から電話。ヘルパーの曜日を変えたい");
	add(f->x.db, &rt_note, &n);
	f->note = n.id;
	record_free(&rt_note, &n);

	record_init(&rt_note, &n);
	n.client_id = f->b;
	n.noted_on = fx_date("2026-11-05");
	fx_set(&n.subjective, "ﾍﾙﾊﾟｰさんが来ない日がある");
	add(f->x.db, &rt_note, &n);
	record_free(&rt_note, &n);

	record_init(&rt_note, &n);
	n.client_id = f->b;
	n.noted_on = fx_date("2026-11-06");
	fx_set(&n.fact, "通院同行");
	add(f->x.db, &rt_note, &n);
	record_free(&rt_note, &n);

	record_init(&rt_intake, &in);
	in.client_id = f->a;
	in.intake_on = fx_date("2026-04-01");
	fx_set(&in.complaint, "一人暮らしを続けたい。家事はヘルパーに頼みたい");
	add(f->x.db, &rt_intake, &in);
	f->intake = in.id;
	record_free(&rt_intake, &in);

	record_init(&rt_assessment, &as);
	as.client_id = f->a;
	as.assessed_on = fx_date("2026-05-10");
	fx_set(&as.health, "統合失調症。服薬は自己管理");
	add(f->x.db, &rt_assessment, &as);
	f->assessment = as.id;
	record_init(&rt_assessment_item, &it);
	it.assessment_id = as.id;
	fx_set(&it.component, "d");
	fx_set(&it.fact, "調理はできないが、ヘルパーと一緒なら作れる");
	add(f->x.db, &rt_assessment_item, &it);
	record_free(&rt_assessment_item, &it);
	record_init(&rt_assessment_item, &it);
	it.assessment_id = as.id;
	fx_set(&it.component, "d");
	fx_set(&it.fact, "掃除はヘルパーが週1回");
	add(f->x.db, &rt_assessment_item, &it);
	record_free(&rt_assessment_item, &it);
	record_free(&rt_assessment, &as);

	record_init(&rt_monitoring, &mo);
	mo.client_id = f->a;
	mo.done_on = fx_date("2026-10-20");
	fx_set(&mo.situation, "落ち着いて暮らしている");
	add(f->x.db, &rt_monitoring, &mo);
	f->monitoring = mo.id;
	record_init(&rt_monitoring_row, &mr);
	mr.monitoring_id = mo.id;
	fx_set(&mr.delivery, "ヘルパーは予定どおり週2回");
	add(f->x.db, &rt_monitoring_row, &mr);
	record_free(&rt_monitoring_row, &mr);
	record_free(&rt_monitoring, &mo);
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

static text_query Q(const char *words)
{
	return (text_query){ .words = words, .from = DATE_NONE, .to = DATE_NONE, .kinds = 0 };
}

static void every_kind_newest_first_each_record_once(void **state)
{
	struct fx *f = *state;
	text_query q = Q("へるぱー");
	text_hit *h;
	size_t n;
	bool more;
	tsu_err e;

	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 5);
	assert_false(more);
	/* b's half-width ﾍﾙﾊﾟｰ (Nov 5), a's note (Nov 2), monitoring (Oct
	 * 20, by its row), assessment (May 10, two items: once), intake. */
	assert_int_equal(h[0].client_id, f->b);
	assert_int_equal(h[0].kind, TS_NOTE);
	assert_string_equal(h[0].field, "S: subjective");
	assert_int_equal(h[1].record_id, f->note);
	assert_string_equal(h[1].at, "10:00");
	assert_string_equal(h[1].note_kind, "phone");
	assert_string_equal(h[1].field, "fact");
	assert_string_equal(h[1].client_name, "山田 太郎");
	assert_int_equal(h[2].kind, TS_MONITORING);
	assert_int_equal(h[2].record_id, f->monitoring);
	assert_int_equal(h[2].on, fx_date("2026-10-20"));
	assert_string_equal(h[2].field, "service delivery");
	assert_string_equal(h[2].text, "ヘルパーは予定どおり週2回");
	assert_int_equal(h[3].kind, TS_ASSESSMENT);
	assert_int_equal(h[3].record_id, f->assessment);
	assert_string_equal(h[3].field, "fact");
	assert_int_equal(h[4].kind, TS_INTAKE);
	assert_int_equal(h[4].record_id, f->intake);
	assert_string_equal(h[4].field, "chief complaint");
	text_hit_free_list(h, n);
}

static void filters_by_kind_and_date(void **state)
{
	struct fx *f = *state;
	text_query q = Q("ヘルパー");
	text_hit *h;
	size_t n;
	bool more;
	tsu_err e;

	q.kinds = TS_INTAKE | TS_ASSESSMENT;
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].kind, TS_ASSESSMENT);
	assert_int_equal(h[1].kind, TS_INTAKE);
	text_hit_free_list(h, n);

	q.kinds = 0;
	q.from = fx_date("2026-05-10");
	q.to = fx_date("2026-11-02");
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].record_id, f->note);
	assert_int_equal(h[2].record_id, f->assessment);
	text_hit_free_list(h, n);

	q.from = DATE_NONE;
	q.to = fx_date("2026-04-30");
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, TS_INTAKE);
	text_hit_free_list(h, n);
}

static void pages_and_refusals(void **state)
{
	struct fx *f = *state;
	text_query q = Q("ヘルパー");
	text_hit *h;
	size_t n;
	bool more;
	tsu_err e;

	assert_int_equal(store_text_search(f->x.db, &q, 2, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	text_hit_free_list(h, n);
	assert_int_equal(store_text_search(f->x.db, &q, 2, 4, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_int_equal(h[0].kind, TS_INTAKE);
	text_hit_free_list(h, n);

	q = Q("みつからない");
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_OK);
	assert_int_equal(n, 0);
	assert_null(h);
	q = Q(" 　");
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_EINVAL);
	q = Q("ヘルパー");
	q.from = fx_date("2026-12-01");
	q.to = fx_date("2026-11-01");
	assert_int_equal(store_text_search(f->x.db, &q, 10, 0, &h, &n, &more, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "from date is after the to date"));
	assert_null(h);
}

static void snippet_starts_near_the_match(void **state)
{
	char *s;
	(void)state;

	s = store_text_snippet("一行目。\n二行目はここまで。母からヘルパーのこと", "へるぱー", 3);
	assert_string_equal(s, "…母からヘルパーのこと");
	free(s);
	/* Near the start: no cut, line breaks become spaces. */
	s = store_text_snippet("母\nﾍﾙﾊﾟｰ", "ヘルパー", 5);
	assert_string_equal(s, "母 ﾍﾙﾊﾟｰ");
	free(s);
	s = store_text_snippet("関係のない文", "ヘルパー", 5);
	assert_string_equal(s, "関係のない文");
	free(s);
	s = store_text_snippet("", "ヘルパー", 5);
	assert_string_equal(s, "");
	free(s);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_kind_newest_first_each_record_once),
		T(filters_by_kind_and_date),
		T(pages_and_refusals),
		T(snippet_starts_near_the_match),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
