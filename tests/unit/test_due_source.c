/*
 * test_due_source.c - loading the engine's input from a real database:
 * the window bounds what is read, closed clients and records already met
 * (renewed certificates, withdrawn consents, done action items, drafts
 * under a final plan) never load, and interval history reaches its plan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tsunagi/due_source.h"

static const char *const fixture[] = {
	"INSERT INTO client (id, name, kana, birth_on, case_kind, status) VALUES"
	" (1, '山田 太郎', 'やまだ たろう', '1980-01-01', 'plan', 'active'),"
	" (2, '佐藤 花子', 'さとう はなこ', '2008-12-10', 'child', 'active'),"
	" (3, '鈴木 一郎', 'すずき いちろう', '1970-01-01', 'plan', 'closed')",
	"INSERT INTO plan (id, client_id, stage, period_from, period_to, monitoring_months, anchor_month, consented_on) VALUES"
	" (10, 1, 'final', '2026-05-01', '2027-04-30', 6, '2026-05', '2026-05-01'),"
	" (11, 1, 'draft', '2026-11-01', '2027-10-31', 3, '2026-11', NULL),"
	" (12, 2, 'draft', '2026-04-01', '2027-03-31', 1, '2026-04', NULL),"
	" (13, 3, 'final', '2026-04-01', '2027-03-31', 1, '2026-04', '2026-04-01'),"
	" (14, 2, 'superseded', '2025-04-01', '2026-03-31', 1, '2025-04', NULL)",
	"INSERT INTO plan_interval (plan_id, from_month, months) VALUES"
	" (10, '2026-05', 1), (10, '2026-08', 6), (11, '2026-11', 3), (12, '2026-04', 1), (13, '2026-04', 1)",
	"INSERT INTO certificate (id, client_id, kind, valid_from, valid_to) VALUES"
	" (20, 1, 'service', '2025-12-01', '2026-11-30'),"
	" (21, 2, 'day_service', '2025-12-01', '2026-11-30'),"
	" (22, 2, 'day_service', '2026-12-01', '2027-11-30'),"
	" (23, 3, 'service', '2025-12-01', '2026-11-30')",
	"INSERT INTO consent (id, client_id, shared_with, purpose, valid_from, valid_to, withdrawn_on) VALUES"
	" (30, 1, 'A病院', '情報共有', '2025-12-01', '2026-11-27', NULL),"
	" (31, 1, 'B事業所', '', '2025-12-01', '2026-11-27', '2026-06-01')",
	"INSERT INTO meeting (id, client_id, held_on) VALUES (40, 1, '2026-11-01')",
	"INSERT INTO action_item (id, meeting_id, what, due_on, done_on) VALUES"
	" (41, 40, '主治医に連絡', '2026-11-25', NULL), (42, 40, '見学', '2026-11-24', '2026-11-20')",
	"INSERT INTO note (id, client_id, noted_on, kind, next_step, next_on, next_done_on) VALUES"
	" (60, 1, '2026-11-02', 'phone', '日程の確認', '2026-11-28', NULL),"
	" (61, 1, '2026-11-02', 'phone', '書類を届ける', '2026-11-24', '2026-11-20'),"
	" (62, 3, '2026-11-02', 'phone', '電話', '2026-11-24', NULL),"
	" (63, 1, '2026-11-02', 'visit', '', NULL, NULL)",
	"INSERT INTO monitoring (id, client_id, done_on, scheduled_on) VALUES"
	" (50, 1, '2026-10-20', NULL), (51, 2, NULL, '2026-11-26'), (52, 1, '2025-01-10', NULL)",
	NULL
};

static db *open_fixture(char *path)
{
	db *d;
	tsu_err e;
	int fd;

	strcpy(path, "/tmp/test_due_source.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(db_open(&d, path, DB_CREATE, &e), TSU_OK);
	for (int i = 0; fixture[i]; i++)
		assert_int_equal(db_exec(db_prepare(d, fixture[i]), &e), TSU_OK);
	return d;
}

static void close_fixture(db *d, const char *path)
{
	char aux[300];

	db_close(d);
	unlink(path);
	snprintf(aux, sizeof aux, "%s-wal", path);
	unlink(aux);
	snprintf(aux, sizeof aux, "%s-shm", path);
	unlink(aux);
}

static void source_loads_only_active_unmet_records_of_the_window(void **s)
{
	char path[64];
	db *d = open_fixture(path);
	due_source src;
	tsu_err e;

	assert_int_equal(due_source_load(d, date_from_ymd(2026, 11, 1), date_from_ymd(2026, 12, 31), 0, &src, &e), TSU_OK);
	/* Plans: 10 (final of 1) and 12 (draft of 2, no final); not 11
	 * (draft under a final), 13 (closed client), 14 (superseded). */
	assert_int_equal(src.in.nplans, 2);
	assert_int_equal(src.in.plans[0].id, 10);
	assert_int_equal(src.in.plans[1].id, 12);
	assert_int_equal(src.in.plans[0].nintervals, 2);
	assert_int_equal(src.in.plans[0].intervals[1].from, month_from_ym(2026, 8));
	assert_int_equal(src.in.plans[0].intervals[1].months, 6);
	assert_int_equal(src.in.plans[1].nintervals, 0);
	/* Certificates: 20 only (21 renewed by 22, 23 closed client). */
	assert_int_equal(src.in.ncertificates, 1);
	assert_int_equal(src.in.certificates[0].id, 20);
	/* Consents: 30 only (31 withdrawn). */
	assert_int_equal(src.in.nconsents, 1);
	assert_string_equal(src.in.consents[0].shared_with, "A病院");
	/* Action items: 41 only (42 done). */
	assert_int_equal(src.in.nactions, 1);
	assert_int_equal(src.in.actions[0].client_id, 1);
	/* Next steps: 60 only (61 done, 62 closed client, 63 no date). */
	assert_int_equal(src.in.nnexts, 1);
	assert_int_equal(src.in.nexts[0].id, 60);
	assert_string_equal(src.in.nexts[0].what, "日程の確認");
	/* Monitorings of the window's months only; the scheduled one too. */
	assert_int_equal(src.in.nmonitorings, 1);
	assert_int_equal(src.in.monitorings[0].scheduled_on, date_from_ymd(2026, 11, 26));
	/* Clients: 1 and 2, once each. */
	assert_int_equal(src.in.nclients, 2);
	assert_true(src.in.clients[1].child);
	due_source_free(&src);
	close_fixture(d, path);
}

static void source_and_engine_together_give_the_due_items(void **s)
{
	char path[64];
	db *d = open_fixture(path);
	due_source src;
	due_list l = { 0 };
	due_names names;
	due_query q = { date_from_ymd(2026, 11, 23), date_from_ymd(2026, 11, 1), date_from_ymd(2026, 11, 30), false, 0 };
	tsu_err e;

	assert_int_equal(due_source_load(d, q.from, q.to, 0, &src, &e), TSU_OK);
	due_compute(&src.in, &q, &l);
	/* The billing deadline of 11-10 has passed; the rest by date: */
	assert_int_equal(l.n, 5);
	assert_int_equal(l.items[0].kind, DUE_ACTION);         /* 11-25 */
	assert_int_equal(l.items[1].kind, DUE_MONITORING);     /* 11-26, scheduled, client 2 */
	assert_int_equal(l.items[1].client_id, 2);
	assert_int_equal(l.items[1].on, date_from_ymd(2026, 11, 26));
	assert_int_equal(l.items[2].kind, DUE_CONSENT);        /* 11-27 */
	assert_int_equal(l.items[3].kind, DUE_NEXT);           /* 11-28, the note's step */
	assert_int_equal(l.items[3].ref_id, 60);
	assert_int_equal(l.items[4].kind, DUE_CERTIFICATE);    /* 11-30 */
	assert_int_equal(due_names_load(d, &l, &names, &e), TSU_OK);
	assert_int_equal(names.n, 2);
	assert_string_equal(due_names_find(&names, 2)->kana, "さとう はなこ");
	assert_null(due_names_find(&names, 3));
	due_names_free(&names);
	due_list_free(&l);
	due_source_free(&src);
	close_fixture(d, path);
}

/* due_names_load reads names three ways (a lookup per client; a pass
 * over every client with the wanted ids sorted, or marked in a bitmap):
 * each must name every client of the list once, ascending, a client
 * that is gone with "". */
static void expect_names_of(db *d, const int64_t *ids, size_t n)
{
	due_list l = { 0 };
	due_names names;
	size_t distinct = 0;
	tsu_err e;

	l.items = calloc(n, sizeof *l.items);
	l.n = n;
	for (size_t i = 0; i < n; i++)
		l.items[i].client_id = ids[i];
	assert_int_equal(due_names_load(d, &l, &names, &e), TSU_OK);
	for (size_t i = 1; i < names.n; i++)
		assert_true(names.v[i - 1].id < names.v[i].id);
	for (size_t i = 0; i < n; i++) {
		const due_name *nm = due_names_find(&names, ids[i]);
		db_stmt *st = db_prepare(d, "SELECT name, kana FROM client WHERE id = :id");
		bool first = true;

		assert_non_null(nm);
		db_bind_int64(st, ":id", ids[i]);
		if (db_step(st) == DB_ROW) {
			assert_string_equal(nm->name, db_col_text(st, 0));
			assert_string_equal(nm->kana, db_col_text(st, 1));
		} else {
			assert_string_equal(nm->name, "");
			assert_string_equal(nm->kana, "");
		}
		db_reset(st);
		for (size_t k = 0; k < i; k++)
			first = first && ids[k] != ids[i];
		distinct += first;
	}
	assert_int_equal(names.n, distinct);
	due_names_free(&names);
	free(l.items);
}

static void names_load_names_each_client_once_every_way(void **s)
{
	char path[64];
	db *d = open_fixture(path);
	int64_t ids[1300];
	size_t n = 0;
	tsu_err e;

	assert_int_equal(db_exec(db_prepare(d,
		"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 600)"
		" INSERT INTO client (name, kana) SELECT 'Name ' || i, 'かな ' || i FROM k"
		" WHERE i NOT IN (SELECT id FROM client)"), &e), TSU_OK);
	/* gone: two clients, and the largest id */
	assert_int_equal(db_exec(db_prepare(d, "DELETE FROM client WHERE id IN (77, 78, 600)"), &e), TSU_OK);
	/* many of few, each twice and out of order: the bitmap */
	for (int64_t i = 599; i >= 1; i--)
		ids[n++] = i;
	for (int64_t i = 1; i <= 599; i += 2)
		ids[n++] = i;
	expect_names_of(d, ids, n);
	/* every other one: the bitmap, the pass skipping the rest */
	expect_names_of(d, ids + 599, 300);
	/* one above the largest: sorted, a lookup each */
	ids[n++] = 100000;
	expect_names_of(d, ids, n);
	/* a few: a lookup each */
	expect_names_of(d, ids + 590, 20);
	/* every seventh, four times: from the bitmap, a lookup each */
	n = 0;
	for (int r = 0; r < 4; r++)
		for (int64_t i = 7; i <= 599; i += 7)
			ids[n++] = i;
	expect_names_of(d, ids, n);
	close_fixture(d, path);
}

static void source_finds_the_child_turning_18_in_the_window(void **s)
{
	char path[64];
	db *d = open_fixture(path);
	due_source src;
	due_list l = { 0 };
	due_query q = { date_from_ymd(2026, 11, 23), date_from_ymd(2026, 12, 1), date_from_ymd(2026, 12, 31), false,
			1u << DUE_TRANSITION };
	tsu_err e;

	assert_int_equal(due_source_load(d, q.from, q.to, q.kinds, &src, &e), TSU_OK);
	assert_int_equal(due_compute(&src.in, &q, &l), 1);
	assert_int_equal(l.items[0].on, date_from_ymd(2026, 12, 10));
	assert_int_equal(l.items[0].state, DUE_DUE);
	due_list_free(&l);
	due_source_free(&src);
	close_fixture(d, path);
}

/* An item as the two paths are compared: what and when, whose, which record. */
static void item_line(const due_item *it, char *buf, size_t n)
{
	char on[DATE_ISO_LEN];

	date_format_iso(it->on, on);
	snprintf(buf, n, "%s %s c%lld r%lld s%d st%d", on, due_kind_name(it->kind),
		 (long long)it->client_id, (long long)it->ref_id, it->stage, (int)it->state);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The lines of a list, billing left out (it belongs to no client), sorted. */
static size_t lines_of(const due_list *l, char (*out)[96], size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n && k < max; i++)
		if (l->items[i].kind != DUE_BILLING)
			item_line(&l->items[i], out[k++], sizeof out[0]);
	qsort(out, k, sizeof out[0], cmp_line);
	return k;
}

/*
 * The window's SQL leaves out, for speed, what the rules would drop
 * anyway (a draft under a final plan, a renewed certificate, a withdrawn
 * or renewed consent, done items, closed clients); the per-client load
 * reads everything and leaves every decision to the rules.  Both must
 * give the same items: this fails when the SQL and the rules disagree.
 */
static void window_sql_and_the_rules_agree(void **s)
{
	static const char *const more[] = {
		/* A consent renewed with the same party: only the new one counts. */
		"INSERT INTO consent (id, client_id, shared_with, purpose, valid_from, valid_to, withdrawn_on) VALUES"
		" (32, 2, 'C学校', '', '2025-12-01', '2026-11-25', NULL),"
		" (33, 2, 'C学校', '', '2026-11-26', '2027-11-25', NULL)",
		/* A certificate renewed early and one not renewed, for client 1. */
		"INSERT INTO certificate (id, client_id, kind, valid_from, valid_to) VALUES"
		" (24, 1, 'community', '2025-12-15', '2026-12-14'),"
		" (25, 1, 'support_level', '2024-01-01', '2026-12-20'),"
		" (26, 1, 'support_level', '2026-12-01', '2029-11-30')",
		NULL
	};
	char path[64];
	db *d = open_fixture(path);
	due_query q = { date_from_ymd(2026, 11, 23), date_from_ymd(2026, 11, 1), date_from_ymd(2027, 1, 31), false, 0 };
	due_source src;
	due_list win = { 0 }, all = { 0 };
	static char a[64][96], b[64][96];
	size_t na, nb;
	tsu_err e;

	for (int i = 0; more[i]; i++)
		assert_int_equal(db_exec(db_prepare(d, more[i]), &e), TSU_OK);
	assert_int_equal(due_source_load(d, q.from, q.to, 0, &src, &e), TSU_OK);
	due_compute(&src.in, &q, &win);
	due_source_free(&src);
	/* Client by client, every record read: the active clients 1 and 2. */
	for (int64_t c = 1; c <= 2; c++) {
		due_list one = { 0 };

		assert_int_equal(due_source_load_client(d, c, &src, &e), TSU_OK);
		due_compute(&src.in, &q, &one);
		for (size_t i = 0; i < one.n; i++) {
			all.items = realloc(all.items, (all.n + 1) * sizeof *all.items);
			assert_non_null(all.items);
			all.items[all.n++] = one.items[i];
		}
		free(one.items);
		due_source_free(&src);
	}
	na = lines_of(&all, a, 64);
	nb = lines_of(&win, b, 64);
	for (size_t i = 0; i < na || i < nb; i++)
		if (i >= na || i >= nb || strcmp(a[i], b[i]) != 0)
			fail_msg("item %zu: per client '%s', window '%s'", i, i < na ? a[i] : "-", i < nb ? b[i] : "-");
	/* Not an empty agreement: the window holds the fixture's items. */
	assert_true(nb >= 6);
	free(all.items);
	due_list_free(&win);
	close_fixture(d, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(source_loads_only_active_unmet_records_of_the_window),
		cmocka_unit_test(source_and_engine_together_give_the_due_items),
		cmocka_unit_test(names_load_names_each_client_once_every_way),
		cmocka_unit_test(source_finds_the_child_turning_18_in_the_window),
		cmocka_unit_test(window_sql_and_the_rules_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
