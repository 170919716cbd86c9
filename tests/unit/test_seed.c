/*
 * test_seed.c - the demo's records as data (seed.h, data/demo): the
 * compiled-in files read; a malformed line is refused with its file:line
 * and keeps nothing of its file; date values (today, months, /N, /last,
 * another field); and the sections the demo and the tests rely on make
 * what they say: the provider register, client 1's complete cycle (two
 * plan versions, the monitoring with its rows, the revised row) and a
 * set block on a generated certificate.
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
#include "tsunagi/records.h"
#include "tsunagi/seed.h"
#include "tsunagi/store_client.h"
#include "tsunagi/xalloc.h"

static void builtin_files_read_and_have_the_demo_sections(void **state)
{
	seed *s;
	tsu_err e;
	size_t files = 0;

	for (const seed_file *f = seed_files; f->name; f++)
		files++;
	assert_true(files >= 1);
	/* A malformed line of data/demo fails here, with its file:line. */
	if (seed_load(&s, &e) != TSU_OK)
		fail_msg("%s", e.msg);
	assert_true(seed_has(s, "providers"));
	assert_true(seed_has(s, "client-1"));
	assert_true(seed_has(s, "client-6"));
	assert_true(seed_has(s, "first-adult"));
	assert_true(seed_has(s, "client-4/last-due-month"));
	assert_true(seed_has(s, "billing-month"));
	assert_false(seed_has(s, "client-99"));
	seed_free(s);
}

/* A file with one bad line: refused with bad.txt:line, nothing kept. */
static void malformed_lines_are_refused_with_file_and_line(void **state)
{
	static const struct { const char *text; int line; } bad[] = {
		{ "== s\n[add nosuch]\n", 2 },
		{ "== s\n[frobnicate note]\n", 2 },
		{ "== s\n[add note\n", 2 },
		{ "== s\n[add note n extra]\n", 2 },
		{ "== s\n[set note n]\n", 2 },
		{ "== s\n[finalise note]\n", 2 },
		{ "== s\n[add client]\n", 2 },
		{ "# no section yet\n[add note]\n", 2 },
		{ "client_id: $client\n", 1 },
		{ "== s\n[add note]\nnoted_on: yesterday\n", 3 },
		{ "== s\n[add note]\nnoted_on: today+3w\n", 3 },
		{ "== s\n[add note]\nnoted_on: today/32\n", 3 },
		{ "== s\n[add note]\nminutes: many\n", 3 },
		{ "== s\n[add note]\nkind: letter\n", 3 },
		{ "== s\n[add note]\nno_such: 1\n", 3 },
		{ "== s\n[add note]\nclient_id: 5\n", 3 },
		{ "== s\n[add note]\nfact: ${unclosed\n", 3 },
		{ "== s\n[add note]\n\n# a comment\nthis is not a field\n", 5 },
		{ "== s\n[add note]\nkind: visit\nkind: phone\n", 4 },
		{ "== s\n[finalise plan]\nid: $p\nfact: x\n", 4 },
		{ "== s\n[set client]\nbirth_on: today+\n", 3 },
		{ "== s\n[set client]\nshoe_size: 24\n", 3 },
		{ "== s\n[add note]\n==\n", 3 },
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		seed *s = seed_new();
		tsu_err e;
		char want[32];
		snprintf(want, sizeof want, "bad.txt:%d: ", bad[i].line);
		assert_int_equal(seed_parse(s, "ok.txt", "== s\n[add note]\nkind: visit\n", &e), TSU_OK);
		err_clear(&e);
		if (seed_parse(s, "bad.txt", bad[i].text, &e) == TSU_OK)
			fail_msg("accepted: %s", bad[i].text);
		if (strncmp(e.msg, want, strlen(want)) != 0)
			fail_msg("%s gave '%s', not %s...", bad[i].text, e.msg, want);
		assert_true(strlen(e.msg) > strlen(want));
		/* The good file stays, nothing of the bad one does. */
		assert_true(seed_has(s, "s"));
		seed_free(s);
		if (strncmp(bad[i].text, "== s\n", 5) != 0)
			continue;
		s = seed_new();
		assert_int_not_equal(seed_parse(s, "bad.txt", bad[i].text, &e), TSU_OK);
		assert_false(seed_has(s, "s"));
		seed_free(s);
	}
}

static void set_blocks_read_dates_as_offsets(void **state)
{
	seed *s = seed_new();
	certificate c;
	plan p;
	tsu_err e;

	assert_int_equal(seed_parse(s, "t.txt",
				    "== x\n"
				    "[set certificate]\n"
				    "valid_from: today-1m/1+2\n"
				    "valid_to: $certificate.valid_from+9m/last\n"
				    "number: ${no}-${certificate.valid_from}\n"
				    "support_level: 区分3\n"
				    "[set plan]\n"
				    "period_from: $day+1y\n"
				    "period_to: today/31\n"
				    "anchor_month: $m\n"
				    "written_on:\n", &e), TSU_OK);
	/* "-29d" is no offset: that file is refused as a whole, x stays. */
	assert_int_not_equal(seed_parse(s, "t2.txt", "== y\n[set certificate]\nvalid_to: today-29d\n", &e), TSU_OK);
	assert_non_null(strstr(e.msg, "t2.txt:3: "));
	assert_false(seed_has(s, "y"));
	assert_true(seed_has(s, "x"));
	seed_bind_date(s, "today", fx_date("2026-03-31"));
	seed_bind_date(s, "day", fx_date("2024-02-29"));
	seed_bind_month(s, "m", date_month(fx_date("2025-07-01")));
	seed_bind_text(s, "no", "1500");
	record_init(&rt_certificate, &c);
	assert_int_equal(seed_set(s, "x", &rt_certificate, &c, &e), TSU_OK);
	assert_int_equal(c.valid_from, fx_date("2026-02-03"));
	assert_int_equal(c.valid_to, fx_date("2026-11-30"));
	assert_string_equal(c.number, "1500-2026-02-03");
	assert_int_equal(c.support_level, 3);
	record_free(&rt_certificate, &c);
	record_init(&rt_plan, &p);
	p.written_on = fx_date("2026-01-01");
	assert_int_equal(seed_set(s, "x", &rt_plan, &p, &e), TSU_OK);
	assert_int_equal(p.period_from, fx_date("2025-02-28"));
	assert_int_equal(p.period_to, fx_date("2026-03-31"));
	assert_int_equal(p.anchor_month, date_month(fx_date("2025-07-01")));
	assert_int_equal(p.written_on, DATE_NONE);
	record_free(&rt_plan, &p);
	/* A name not bound is an error with the file:line, not a crash. */
	seed_free(s);
	s = seed_new();
	assert_int_equal(seed_parse(s, "t.txt", "== x\n[set certificate]\nvalid_to: $nobody+1\n", &e), TSU_OK);
	seed_bind_date(s, "today", fx_date("2026-03-31"));
	record_init(&rt_certificate, &c);
	assert_int_not_equal(seed_set(s, "x", &rt_certificate, &c, &e), TSU_OK);
	assert_non_null(strstr(e.msg, "t.txt:3: "));
	assert_non_null(strstr(e.msg, "nobody"));
	assert_int_equal(c.valid_to, DATE_NONE);
	record_free(&rt_certificate, &c);
	seed_free(s);
}

/* The builtin providers and client 1's complete cycle, on a fixed today. */
static void demo_sections_make_the_register_and_client_1s_cycle(void **state)
{
	fx_db x;
	seed *s;
	tsu_err e;
	service_provider *pv = NULL;
	plan *plans = NULL;
	plan_row *rows = NULL;
	monitoring *mons = NULL;
	monitoring_row *mrows = NULL;
	size_t npv = 0, nplans = 0, nrows = 0, nmons = 0, nmrows = 0;
	date_t today = fx_date("2026-12-07");

	fx_db_open(&x, "seed");
	int64_t cid = fx_client(x.db, "山田 太郎", "やまだ たろう", "1980-04-01");
	assert_int_equal(seed_load(&s, &e), TSU_OK);
	seed_bind_date(s, "today", today);
	seed_bind_id(s, "client", cid);
	assert_int_equal(seed_run(s, x.db, "providers", &e), TSU_OK);
	assert_int_equal(seed_run(s, x.db, "client-1", &e), TSU_OK);

	assert_int_equal(store_record_list(x.db, &rt_service_provider, 0, (void **)&pv, &npv, &e), TSU_OK);
	assert_int_equal(npv, 4);
	record_free_list(&rt_service_provider, pv, npv);

	/* Two versions: the revision final, the first superseded. */
	assert_int_equal(store_record_list(x.db, &rt_plan, cid, (void **)&plans, &nplans, &e), TSU_OK);
	assert_int_equal(nplans, 2);
	int fin = strcmp(plans[0].stage, "final") == 0 ? 0 : 1;
	assert_string_equal(plans[fin].stage, "final");
	assert_string_equal(plans[1 - fin].stage, "superseded");
	assert_int_equal(plans[1 - fin].period_from, fx_date("2026-07-01"));
	assert_int_equal(plans[1 - fin].period_to, fx_date("2027-06-30"));
	assert_int_equal(plans[1 - fin].monitoring_months, 3);
	assert_non_null(strchr(plans[1 - fin].daily_activities, '\n'));
	/* The revised row of the new version, linked to the register. */
	assert_int_equal(store_record_list(x.db, &rt_plan_row, plans[fin].id, (void **)&rows, &nrows, &e), TSU_OK);
	assert_int_equal(nrows, 3);
	assert_string_equal(rows[0].goal, "手順表を使って週3回掃除をする");
	assert_true(rows[0].provider_id > 0);
	assert_int_equal(rows[2].provider_id, 0);
	record_free_list(&rt_plan_row, rows, nrows);
	/* The monitoring on the tenth of the plan's fourth month, a row per goal. */
	assert_int_equal(store_record_list(x.db, &rt_monitoring, cid, (void **)&mons, &nmons, &e), TSU_OK);
	assert_int_equal(nmons, 1);
	assert_int_equal(mons[0].done_on, fx_date("2026-10-10"));
	assert_int_equal(store_record_list(x.db, &rt_monitoring_row, mons[0].id, (void **)&mrows, &nmrows, &e), TSU_OK);
	assert_int_equal(nmrows, 3);
	assert_int_equal(mrows[2].gas, -1);
	record_free_list(&rt_monitoring_row, mrows, nmrows);
	record_free_list(&rt_monitoring, mons, nmons);
	record_free_list(&rt_plan, plans, nplans);

	/* An update of a client by column name: the recipient number. */
	assert_int_equal(seed_parse(s, "t.txt", "== u\n[update client]\nid: $client\nrecipient_no: 1400000001\n", &e),
			 TSU_OK);
	assert_int_equal(seed_run(s, x.db, "u", &e), TSU_OK);
	client c;
	assert_int_equal(store_client_get(x.db, cid, &c, &e), TSU_OK);
	assert_string_equal(c.recipient_no, "1400000001");
	client_free(&c);
	seed_free(s);
	fx_db_close(&x);
}

/* A block whose record the store refuses: the store's message after the
 * file:line, and nothing of the block kept. */
static void a_refused_block_names_its_line(void **state)
{
	fx_db x;
	seed *s = seed_new();
	tsu_err e;
	note *n = NULL;
	size_t nn = 0;

	fx_db_open(&x, "seedbad");
	int64_t cid = fx_client(x.db, "山田 花子", "やまだ はなこ", "1990-01-01");
	assert_int_equal(seed_parse(s, "run.txt",
				    "== r\n"
				    "[add note]\n"
				    "client_id: $client\n"
				    "kind: visit\n", &e), TSU_OK);
	seed_bind_id(s, "client", cid);
	assert_int_not_equal(seed_run(s, x.db, "r", &e), TSU_OK);
	assert_non_null(strstr(e.msg, "run.txt:2: "));
	assert_int_equal(store_record_list(x.db, &rt_note, cid, (void **)&n, &nn, &e), TSU_OK);
	assert_int_equal(nn, 0);
	record_free_list(&rt_note, n, nn);
	seed_free(s);
	fx_db_close(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_files_read_and_have_the_demo_sections),
		cmocka_unit_test(malformed_lines_are_refused_with_file_and_line),
		cmocka_unit_test(set_blocks_read_dates_as_offsets),
		cmocka_unit_test(demo_sections_make_the_register_and_client_1s_cycle),
		cmocka_unit_test(a_refused_block_names_its_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
