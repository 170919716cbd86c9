/*
 * test_billing.c - the billing worksheet's rules (billing.h) on case
 * loads built by hand, each answer worked out in the comment beside it:
 * the fee table is data/fees-2024.tsv, plans and due monitorings are
 * billed at the category's fee, the part at 40 and above per worker at
 * the (Ⅱ) rate, 加算 candidates come with their evidence or as
 * unconfirmed, and the problems are listed and never counted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing.h"
#include "tsunagi/config.h"
#include "tsunagi/xalloc.h"

#define D(y, m, d) date_from_ymd(y, m, d)
#define M(y, m) month_from_ym(y, m)

static void fee_table_is_data_fees_2024_tsv_row_by_row(void **state)
{
	FILE *f = fopen("data/fees-2024.tsv", "r");
	char line[1024];
	size_t i = 0;

	(void)state;
	assert_non_null(f);   /* the suites run from the top of the tree */
	while (fgets(line, sizeof line, f)) {
		char *cols[5], *save = NULL, *p;
		size_t n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (p = strtok_r(line, "\t", &save); p && n < 5; p = strtok_r(NULL, "\t", &save))
			cols[n++] = p;
		assert_int_equal(n, 5);
		assert_true(i < bill_fee_count);
		assert_string_equal(bill_fees[i].code, cols[0]);
		assert_string_equal(bill_fees[i].label, cols[1]);
		assert_int_equal(bill_fees[i].units, atoi(cols[2]));
		assert_int_equal(bill_fees[i].confirmed, strcmp(cols[3], "yes") == 0);
		assert_string_equal(bill_fees[i].source, cols[4]);
		i++;
	}
	fclose(f);
	assert_int_equal(i, bill_fee_count);
	/* The two figures the issue quotes. */
	assert_int_equal(bill_fee_find("plan.1")->units, 1522);
	assert_int_equal(bill_fee_find("cont.1")->units, 1260);
}

static void config_reads_category_and_workers(void **state)
{
	(void)state;
	assert_int_equal(config_category_parse("none"), 0);
	assert_int_equal(config_category_parse("2"), 2);
	assert_int_equal(config_category_parse("Ⅳ"), 4);
	assert_int_equal(config_category_parse("III"), 3);
	assert_int_equal(config_category_parse("5"), -1);
	assert_int_equal(config_workers_parse("1"), 10);
	assert_int_equal(config_workers_parse("1.5"), 15);
	assert_int_equal(config_workers_parse("0.5"), 5);
	assert_int_equal(config_workers_parse("0"), -1);
	assert_int_equal(config_workers_parse("1.55"), -1);
	assert_int_equal(config_workers_parse("x"), -1);
	assert_int_equal(config_workers_parse("100"), -1);
}

/* ---- a small case load ---- */

enum { MAXN = 64 };

typedef struct load {
	bill_client c[MAXN];
	bill_plan p[MAXN];
	bill_monitoring m[MAXN * 2];
	bill_meeting mt[8];
	bill_note n[16];
	bill_skip s[4];
	size_t nc, np, nm, nmt, nn, ns;
	bill_input in;
	bill_result r;
} load;

/* Client id with a final plan #id, 2026-04-01 to 2027-03-31, every 3
 * months from 2026-04, consented 2026-04-03.  By the end-month rule
 * (monitoring.c) its monitoring months are 2026-06, 09, 12 and 2027-03. */
static void add_client(load *l, int64_t id, bool child)
{
	l->c[l->nc++] = (bill_client){ id, "名前", "なまえ", "1400000001", child };
	l->p[l->np++] = (bill_plan){ id, id, DUE_STAGE_FINAL, D(2026, 4, 1), D(2026, 4, 3),
		{ id, id, DUE_STAGE_FINAL, D(2026, 4, 1), D(2027, 3, 31), M(2026, 4), 3, NULL, 0, 0, 0 } };
}

static void add_mon(load *l, int64_t id, int64_t client, date_t on, bool report)
{
	l->m[l->nm++] = (bill_monitoring){ id, client, client, on, report };
}

static void add_note(load *l, int64_t id, int64_t client, date_t on, const char *kind,
		     const char *whom, const char *text)
{
	l->n[l->nn++] = (bill_note){ id, client, on, kind, whom, text };
}

static void run(load *l, month_t m, int category, int workers)
{
	l->in = (bill_input){ m, category, workers, l->c, l->nc, l->p, l->np, l->m, l->nm,
			      l->mt, l->nmt, l->n, l->nn, l->s, l->ns };
	bill_compute(&l->in, &l->r);
}

static const bill_row *find(const bill_result *r, const char *item, int64_t client)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].item, item) == 0 && r->rows[i].client->id == client)
			return &r->rows[i];
	return NULL;
}

static void a_due_monitoring_is_billed_a_monitoring_in_another_month_is_not(void **state)
{
	load *l = xcalloc(1, sizeof *l);
	const bill_row *row;

	(void)state;
	add_client(l, 1, false);
	add_client(l, 2, true);
	add_mon(l, 10, 1, D(2026, 9, 12), true);        /* 2026-09: due */
	add_mon(l, 11, 2, D(2026, 9, 20), true);        /* a child: 継続障害児支援利用援助 */
	add_mon(l, 12, 1, D(2026, 10, 5), true);        /* 2026-10: not due */
	run(l, M(2026, 9), 0, 10);
	assert_int_equal(l->r.nbase, 2);
	assert_int_equal(l->r.nproblem, 0);
	row = find(&l->r, "cont.1", 1);
	assert_non_null(row);
	assert_int_equal(row->units, 1260);
	assert_int_equal(row->status, BILL_OK);
	assert_int_equal(row->ref, BILL_REF_MONITORING);
	assert_int_equal(row->ref_id, 10);
	assert_non_null(find(&l->r, "ccont.1", 2));
	assert_int_equal(l->r.base_units, 1260 + 1371);
	bill_result_free(&l->r);

	run(l, M(2026, 10), 0, 10);
	assert_int_equal(l->r.nbase, 0);
	assert_int_equal(l->r.base_units, 0);
	row = find(&l->r, "problem.not_due", 1);
	assert_non_null(row);
	assert_int_equal(row->ref_id, 12);
	assert_int_equal(row->status, BILL_NOT_BILLABLE);
	bill_result_free(&l->r);
	free(l);
}

static void the_plan_month_bills_the_plan_at_the_category_fee(void **state)
{
	load *l = xcalloc(1, sizeof *l);

	(void)state;
	add_client(l, 1, false);
	add_client(l, 2, true);
	run(l, M(2026, 4), 2, 10);      /* 機能強化型（Ⅱ） */
	assert_int_equal(find(&l->r, "plan.k2", 1)->units, 1764);
	assert_non_null(find(&l->r, "cplan.k2", 2));
	/* Both are new: 初回加算 candidates with the plan as evidence. */
	assert_int_equal(find(&l->r, "first", 1)->status, BILL_CANDIDATE);
	assert_int_equal(find(&l->r, "first", 1)->ref_id, 1);
	assert_int_equal(l->r.addon_units, 600);
	bill_result_free(&l->r);
	free(l);
}

/* 41 clients with a monitoring in 2026-09; one worker: the items
 * numbered 40 and 41 are at the (Ⅱ) rate: 39 x 1260 + 2 x 606 = 50352.
 * 1.5 workers: the (Ⅱ) rate would start at item 60, so all 41 at 1260 =
 * 51660.  機能強化型（Ⅰ） with one worker: 39 x 1613 + 2 x 606 = 64119. */
static void the_part_at_40_and_above_per_worker_is_at_the_second_rate(void **state)
{
	load *l = xcalloc(1, sizeof *l);

	(void)state;
	for (int64_t id = 1; id <= 41; id++) {
		add_client(l, id, false);
		add_mon(l, 100 + id, id, D(2026, 9, 1) + (date_t)(id % 28), true);
	}
	run(l, M(2026, 9), 0, 10);
	assert_int_equal(l->r.nbase, 41);
	assert_int_equal(l->r.threshold, 40);
	assert_string_equal(find(&l->r, "cont.1", 39)->item, "cont.1");
	assert_null(find(&l->r, "cont.1", 40));
	assert_int_equal(find(&l->r, "cont.2", 40)->rank, 40);
	assert_int_equal(find(&l->r, "cont.2", 41)->units, 606);
	assert_int_equal(l->r.base_units, 50352);
	bill_result_free(&l->r);

	run(l, M(2026, 9), 0, 15);
	assert_int_equal(l->r.threshold, 60);
	assert_int_equal(l->r.base_units, 51660);
	bill_result_free(&l->r);

	run(l, M(2026, 9), 1, 10);
	assert_int_equal(l->r.base_units, 64119);
	bill_result_free(&l->r);
	free(l);
}

static void problems_are_listed_and_never_counted(void **state)
{
	load *l = xcalloc(1, sizeof *l);
	const bill_row *row;

	(void)state;
	add_client(l, 1, false);
	add_client(l, 2, false);
	add_client(l, 3, false);
	add_client(l, 4, false);
	l->c[2].recipient_no = "";
	/* Client 1: twice in a due month, the first without its report. */
	add_mon(l, 10, 1, D(2026, 9, 2), false);
	add_mon(l, 11, 1, D(2026, 9, 25), true);
	/* Client 2: a revised plan consented in the month and a monitoring:
	 * the plan is billed, the monitoring is the double. */
	l->p[l->np++] = (bill_plan){ 20, 2, DUE_STAGE_FINAL, D(2026, 9, 1), D(2026, 9, 15),
		{ 20, 2, DUE_STAGE_FINAL, D(2026, 9, 1), D(2027, 8, 31), M(2026, 9), 3, NULL, 0, 0, 0 } };
	add_mon(l, 12, 2, D(2026, 9, 10), true);
	/* Client 3: no recipient number. */
	add_mon(l, 13, 3, D(2026, 9, 3), true);
	/* Client 4: a draft written in the month, and a final plan without
	 * its consent date (the schema forbids it; the rules still say so). */
	l->p[l->np++] = (bill_plan){ 21, 4, DUE_STAGE_DRAFT, D(2026, 9, 8), DATE_NONE,
		{ 21, 4, DUE_STAGE_DRAFT, D(2026, 10, 1), D(2027, 9, 30), M(2026, 10), 3, NULL, 0, 0, 0 } };
	l->p[l->np++] = (bill_plan){ 22, 4, DUE_STAGE_FINAL, D(2026, 9, 9), DATE_NONE,
		{ 22, 4, DUE_STAGE_FINAL, D(2026, 10, 1), D(2027, 9, 30), M(2026, 10), 3, NULL, 0, 0, 0 } };
	run(l, M(2026, 9), 0, 10);

	/* Billed: client 1 once (monitoring 10, to check), client 2's plan,
	 * client 3's monitoring (to check): 1260 + 1522 + 1260 = 4042. */
	assert_int_equal(l->r.nbase, 3);
	assert_int_equal(l->r.base_units, 4042);
	row = find(&l->r, "cont.1", 1);
	assert_int_equal(row->ref_id, 10);
	assert_int_equal(row->status, BILL_CHECK);
	assert_int_equal(find(&l->r, "problem.no_report", 1)->ref_id, 10);
	assert_int_equal(find(&l->r, "problem.double", 1)->ref_id, 11);
	assert_int_equal(find(&l->r, "plan.1", 2)->ref_id, 20);
	assert_int_equal(find(&l->r, "problem.double", 2)->ref_id, 12);
	assert_int_equal(find(&l->r, "cont.1", 3)->status, BILL_CHECK);
	assert_int_equal(find(&l->r, "problem.no_recipient", 3)->ref, BILL_REF_CLIENT);
	assert_int_equal(l->r.nproblem, 6);
	for (size_t i = 0; i < l->r.n; i++)
		if (l->r.rows[i].section == BILL_PROBLEM) {
			assert_int_equal(l->r.rows[i].units, 0);
			assert_int_equal(l->r.rows[i].status, BILL_NOT_BILLABLE);
		}
	{
		int consent = 0;
		for (size_t i = 0; i < l->r.n; i++)
			consent += l->r.rows[i].problem == BILL_P_NO_CONSENT && l->r.rows[i].client->id == 4;
		assert_int_equal(consent, 2);
	}
	bill_result_free(&l->r);
	free(l);
}

static void addons_come_with_their_record_or_what_is_missing(void **state)
{
	load *l = xcalloc(1, sizeof *l);
	const bill_row *row;

	(void)state;
	for (int64_t id = 1; id <= 4; id++)
		add_client(l, id, false);
	/* Client 1: a monitoring and a meeting in the due month, a visit to
	 * the day service, an admission by visit, a discharge conference,
	 * and the care manager on the phone. */
	add_mon(l, 10, 1, D(2026, 9, 12), true);
	l->mt[l->nmt++] = (bill_meeting){ 30, 1, D(2026, 9, 12) };
	add_note(l, 40, 1, D(2026, 9, 12), "visit", "生活介護事業所 ひかり", "作業の様子を見た");
	add_note(l, 41, 1, D(2026, 9, 14), "visit", "市民病院", "入院に当たり情報を伝えた");
	add_note(l, 42, 1, D(2026, 9, 28), "conference", "市民病院", "退院前カンファレンス");
	add_note(l, 43, 1, D(2026, 9, 29), "phone", "ケアマネ 佐藤", "介護保険の利用開始");
	/* Client 2: an admission told by phone: (Ⅱ). */
	add_note(l, 44, 2, D(2026, 9, 2), "phone", "病院", "入院した");
	/* Client 3: in hospital on record, nothing noted: unconfirmed. */
	l->s[l->ns++] = (bill_skip){ 50, 3, M(2026, 9), "hospital" };
	/* Client 4: nothing billed; two face-to-face notes without a visit,
	 * then (in 2026-11) two with one. */
	add_note(l, 45, 4, D(2026, 10, 2), "meeting", "本人", "面接");
	add_note(l, 46, 4, D(2026, 10, 20), "accompany", "本人", "通院同行");
	add_note(l, 47, 4, D(2026, 11, 2), "visit", "本人と母", "自宅訪問");
	add_note(l, 48, 4, D(2026, 11, 20), "meeting", "本人", "面接");
	run(l, M(2026, 9), 0, 10);
	assert_int_equal(find(&l->r, "meeting", 1)->ref_id, 30);
	assert_int_equal(find(&l->r, "provmon", 1)->ref_id, 40);
	assert_int_equal(find(&l->r, "hosp1", 1)->ref_id, 41);
	assert_int_equal(find(&l->r, "discharge", 1)->ref_id, 42);
	assert_int_equal(find(&l->r, "kyotaku", 1)->ref_id, 43);
	assert_string_equal(find(&l->r, "kyotaku", 1)->whom, "ケアマネ 佐藤");
	row = find(&l->r, "hosp2", 2);
	assert_int_equal(row->status, BILL_CANDIDATE);
	assert_int_equal(row->ref_id, 44);
	assert_null(find(&l->r, "hosp1", 2));
	row = find(&l->r, "hosp2", 3);
	assert_int_equal(row->status, BILL_UNCONFIRMED);
	assert_int_equal(row->ref, BILL_REF_SKIP);
	assert_true(strlen(row->note) > 0);
	/* No 初回加算: the plans were consented in April. */
	assert_null(find(&l->r, "first", 1));
	/* Not counted in the total; the candidates' units are apart:
	 * 100 + 100 + 300 + 300 + 100 + 150 = 1050 (the unconfirmed not). */
	assert_int_equal(l->r.base_units, 1260);
	assert_int_equal(l->r.addon_units, 1050);
	bill_result_free(&l->r);

	run(l, M(2026, 10), 0, 10);
	row = find(&l->r, "intensive", 4);
	assert_int_equal(row->status, BILL_UNCONFIRMED);
	bill_result_free(&l->r);
	run(l, M(2026, 11), 0, 10);
	row = find(&l->r, "intensive", 4);
	assert_int_equal(row->status, BILL_CANDIDATE);
	assert_int_equal(row->ref_id, 48);
	bill_result_free(&l->r);
	free(l);
}

/* A plan consented within the 6 months before is no 初回加算. */
static void no_first_addon_after_a_recent_plan(void **state)
{
	load *l = xcalloc(1, sizeof *l);

	(void)state;
	add_client(l, 1, false);        /* consented 2026-04-03 */
	l->p[0].stage = DUE_STAGE_SUPERSEDED;
	l->p[l->np++] = (bill_plan){ 2, 1, DUE_STAGE_FINAL, D(2026, 9, 1), D(2026, 9, 4),
		{ 2, 1, DUE_STAGE_FINAL, D(2026, 9, 1), D(2027, 8, 31), M(2026, 9), 3, NULL, 0, 0, 0 } };
	run(l, M(2026, 9), 0, 10);
	assert_non_null(find(&l->r, "plan.1", 1));
	assert_null(find(&l->r, "first", 1));
	bill_result_free(&l->r);
	/* Consented 2026-11-04 instead: more than 6 months after April. */
	l->p[1].consented_on = D(2026, 11, 4);
	run(l, M(2026, 11), 0, 10);
	assert_non_null(find(&l->r, "first", 1));
	bill_result_free(&l->r);
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fee_table_is_data_fees_2024_tsv_row_by_row),
		cmocka_unit_test(config_reads_category_and_workers),
		cmocka_unit_test(a_due_monitoring_is_billed_a_monitoring_in_another_month_is_not),
		cmocka_unit_test(the_plan_month_bills_the_plan_at_the_category_fee),
		cmocka_unit_test(the_part_at_40_and_above_per_worker_is_at_the_second_rate),
		cmocka_unit_test(problems_are_listed_and_never_counted),
		cmocka_unit_test(addons_come_with_their_record_or_what_is_missing),
		cmocka_unit_test(no_first_addon_after_a_recent_plan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
