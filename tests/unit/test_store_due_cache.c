/*
 * test_store_due_cache.c - the due cache's rows (store_due_cache.h): a
 * new client is out of date until its items are saved; saved items read
 * back field for field (NULL text stays NULL) within a window, by kind,
 * with or without the met ones, and a sheet's window skips the old
 * monitorings and the other kinds after its end; a day's page walks by
 * key both ways through each set, a split certificate day by its
 * filter, and the certificates are counted apart.  (test_due_items.c
 * and test_due_page.c compare the whole path with the engine.)
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
#include "tsunagi/store_due_cache.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	int64_t client;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "duecache");
	f->client = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "1980-01-01");
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

/* Items read, with their text copied. */
typedef struct seen {
	due_item it[32];
	char text[32][32], text2[32][32];
	bool has_text[32], has_text2[32];
	size_t n;
} seen;

static void see(void *ctx, due_item *it)
{
	seen *s = ctx;

	assert_true(s->n < 32);
	assert_int_equal(it->state, 0);
	s->has_text[s->n] = it->text != NULL;
	s->has_text2[s->n] = it->text2 != NULL;
	snprintf(s->text[s->n], 32, "%s", it->text ? it->text : "");
	snprintf(s->text2[s->n], 32, "%s", it->text2 ? it->text2 : "");
	s->it[s->n++] = *it;
}

static const due_item *find(const seen *s, enum due_kind kind, int64_t ref)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->it[i].kind == kind && s->it[i].ref_id == ref)
			return &s->it[i];
	return NULL;
}

static void save(struct fx *f, const due_item *items, size_t n)
{
	tsu_err e;

	assert_int_equal(db_begin(f->x.db, &e), TSU_OK);
	assert_int_equal(store_due_cache_save(f->x.db, f->client, items, n, &e), TSU_OK);
	assert_int_equal(db_commit(f->x.db, &e), TSU_OK);
}

static void saved_items_read_back_field_for_field(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	int64_t *ids;
	size_t n;
	tsu_err e;
	const due_item items[] = {
		{ .on = fx_date("2026-11-30"), .kind = DUE_MONITORING, .client_id = f->client, .ref_id = 7,
		  .month = month_from_ym(2026, 11), .deadline = fx_date("2026-11-30") },
		{ .on = fx_date("2026-11-12"), .kind = DUE_MONITORING, .client_id = f->client, .ref_id = 7,
		  .month = month_from_ym(2026, 10), .deadline = fx_date("2026-10-31"), .done_id = 5 },
		{ .on = fx_date("2026-12-10"), .kind = DUE_CERTIFICATE, .client_id = f->client, .ref_id = 3,
		  .month = -1, .deadline = fx_date("2026-12-10"), .text = "support_level" },
		{ .on = fx_date("2026-12-20"), .kind = DUE_CONSENT, .client_id = f->client, .ref_id = 4,
		  .month = -1, .deadline = fx_date("2026-12-20"), .text = "母", .text2 = "情報提供" },
	};
	store_due_window all = { .from = fx_date("2026-11-01"), .to = fx_date("2026-12-31"),
				 .include_done = true, .sheet_to = DATE_NONE };
	store_due_window open = all, certs = all;
	seen s = { 0 };
	const due_item *it;

	/* The new client is out of date until its items are saved. */
	assert_true(store_due_cache_stale(d));
	assert_int_equal(store_due_cache_dirty(d, &ids, &n, &e), TSU_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], f->client);
	free(ids);
	save(f, items, 4);
	assert_false(store_due_cache_stale(d));
	assert_int_equal(store_due_cache_dirty(d, &ids, &n, &e), TSU_OK);
	assert_int_equal(n, 0);
	assert_null(ids);

	assert_int_equal(store_due_cache_each(d, &all, see, &s, &e), TSU_OK);
	assert_int_equal(s.n, 4);
	assert_non_null(it = find(&s, DUE_CONSENT, 4));
	assert_int_equal(it->client_id, f->client);
	assert_int_equal(it->on, fx_date("2026-12-20"));
	assert_int_equal(it->month, -1);
	assert_int_equal(it->deadline, fx_date("2026-12-20"));
	assert_string_equal(s.text[it - s.it], "母");
	assert_string_equal(s.text2[it - s.it], "情報提供");
	assert_non_null(it = find(&s, DUE_CERTIFICATE, 3));
	assert_false(s.has_text2[it - s.it]);
	for (size_t i = 0; i < s.n; i++)
		if (s.it[i].kind == DUE_MONITORING) {
			assert_false(s.has_text[i]);
			assert_int_equal(s.it[i].month, s.it[i].done_id ? month_from_ym(2026, 10) : month_from_ym(2026, 11));
		}

	/* Without the met ones; only some kinds; a narrower window. */
	memset(&s, 0, sizeof s);
	open.include_done = false;
	assert_int_equal(store_due_cache_each(d, &open, see, &s, &e), TSU_OK);
	assert_int_equal(s.n, 3);
	for (size_t i = 0; i < s.n; i++)
		assert_int_equal(s.it[i].done_id, 0);
	memset(&s, 0, sizeof s);
	certs.kinds = (1u << DUE_CERTIFICATE) | (1u << DUE_CONSENT);
	certs.to = fx_date("2026-12-15");
	assert_int_equal(store_due_cache_each(d, &certs, see, &s, &e), TSU_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].kind, DUE_CERTIFICATE);

	/* Saving again replaces the client's items. */
	save(f, items + 2, 1);
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_each(d, &all, see, &s, &e), TSU_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].ref_id, 3);
}

static void a_sheet_skips_old_monitorings_and_later_kinds(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	tsu_err e;
	const due_item items[] = {
		/* A monitoring long missed, a recent one, one up to the month's end. */
		{ .on = fx_date("2026-06-30"), .kind = DUE_MONITORING, .ref_id = 1,
		  .month = month_from_ym(2026, 6), .deadline = fx_date("2026-06-30") },
		{ .on = fx_date("2026-10-31"), .kind = DUE_MONITORING, .ref_id = 1,
		  .month = month_from_ym(2026, 10), .deadline = fx_date("2026-10-31") },
		{ .on = fx_date("2026-11-30"), .kind = DUE_MONITORING, .ref_id = 1,
		  .month = month_from_ym(2026, 11), .deadline = fx_date("2026-11-30") },
		/* Other kinds: one in the week, one after it in the month. */
		{ .on = fx_date("2026-11-25"), .kind = DUE_ACTION, .ref_id = 2, .month = -1,
		  .deadline = fx_date("2026-11-25") },
		{ .on = fx_date("2026-11-28"), .kind = DUE_ACTION, .ref_id = 3, .month = -1,
		  .deadline = fx_date("2026-11-28") },
	};
	store_due_window w = { .from = fx_date("1900-01-01"), .to = fx_date("2026-11-26"),
			       .sheet_to = fx_date("2026-11-30"), .mon_since = fx_date("2026-08-23") };
	seen s = { 0 };

	save(f, items, 5);
	assert_int_equal(store_due_cache_each(d, &w, see, &s, &e), TSU_OK);
	assert_int_equal(s.n, 3);
	assert_null(find(&s, DUE_ACTION, 3));
	assert_non_null(find(&s, DUE_ACTION, 2));
	for (size_t i = 0; i < s.n; i++)
		if (s.it[i].kind == DUE_MONITORING)
			assert_true(s.it[i].deadline >= fx_date("2026-10-31"));
}

static void pages_walk_by_key_both_ways(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	tsu_err e;
	date_t day = fx_date("2026-12-10");
	due_item items[7];
	store_due_page pg = { .on = day, .kind = DUE_CERTIFICATE, .set = STORE_DUE_OPEN, .n = 2 };
	seen s = { 0 };

	/* Certificates 1..5 on one day, the odd ones support-level. */
	for (int i = 0; i < 5; i++)
		items[i] = (due_item){ .on = day, .kind = DUE_CERTIFICATE, .ref_id = i + 1, .month = -1,
				       .deadline = day, .text = i % 2 ? "service" : "support_level" };
	/* A met monitoring and a month recorded as not done, that day. */
	items[5] = (due_item){ .on = day, .kind = DUE_MONITORING, .ref_id = 9, .month = month_from_ym(2026, 12),
			       .deadline = fx_date("2026-12-31"), .done_id = 4 };
	items[6] = (due_item){ .on = day, .kind = DUE_MONITORING, .ref_id = 8, .stage = DUE_MON_NOT_DONE,
			       .month = month_from_ym(2026, 12), .deadline = fx_date("2026-12-31"),
			       .text = "入院" };
	save(f, items, 7);

	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 2);
	assert_int_equal(s.it[0].ref_id, 1);
	assert_int_equal(s.it[1].ref_id, 2);
	assert_int_equal(s.it[0].on, day);
	assert_int_equal(s.it[0].kind, DUE_CERTIFICATE);
	pg.has_key = true;
	pg.client_id = f->client;
	pg.ref_id = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 2);
	assert_int_equal(s.it[0].ref_id, 3);
	assert_int_equal(s.it[1].ref_id, 4);
	pg.ref_id = 4;
	pg.n = 10;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 1);
	assert_int_equal(s.it[0].ref_id, 5);
	/* Backward: from the end, then before a key, nearest first. */
	pg.backward = true;
	pg.has_key = false;
	pg.n = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 2);
	assert_int_equal(s.it[0].ref_id, 5);
	assert_int_equal(s.it[1].ref_id, 4);
	pg.has_key = true;
	pg.ref_id = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 1);
	assert_int_equal(s.it[0].ref_id, 1);
	/* A split day: only support-level, all but support-level. */
	pg = (store_due_page){ .on = day, .kind = DUE_CERTIFICATE, .set = STORE_DUE_OPEN, .n = 10, .cert = 1 };
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 3);
	for (size_t i = 0; i < s.n; i++)
		assert_string_equal(s.text[i], "support_level");
	pg.cert = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 2);
	assert_int_equal(store_due_cache_count_certs(d, day, true, true, &e), 3);
	assert_int_equal(store_due_cache_count_certs(d, day, false, true, &e), 2);
	assert_int_equal(store_due_cache_count_certs(d, day, true, false, &e), 0);
	/* The monitoring sets: not met (none: the one left is not done),
	 * met, not done. */
	pg = (store_due_page){ .on = day, .kind = DUE_MONITORING, .set = STORE_DUE_OPEN, .n = 10 };
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 0);
	pg.set = STORE_DUE_MET;
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 1);
	assert_int_equal(s.it[0].done_id, 4);
	pg.set = STORE_DUE_NOT_DONE;
	memset(&s, 0, sizeof s);
	assert_int_equal(store_due_cache_page(d, &pg, see, &s, &e), 1);
	assert_int_equal(s.it[0].ref_id, 8);
	assert_int_equal(s.it[0].stage, DUE_MON_NOT_DONE);
	assert_string_equal(s.text[0], "入院");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(saved_items_read_back_field_for_field),
		T(a_sheet_skips_old_monitorings_and_later_kinds),
		T(pages_walk_by_key_both_ways),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
