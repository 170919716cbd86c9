/*
 * test_provider.c - the provider register (事業所): stored once with no
 * client, listed by name, linked from plan rows; a linked provider is
 * not deleted (the refusal names the plan), a link to a provider not in
 * the register is refused, a consented plan's link cannot be changed even
 * by plain SQL, and the plan's 提供事業者名 column prints the provider as
 * it is now (name, contact person, phone), falling back to the row's
 * own text.
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
#include <unistd.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/print.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	int64_t client, plan, row, provider;
};

static int64_t add_provider(db *d, const char *name, const char *person, const char *phone)
{
	service_provider p;
	tsu_err e;

	record_init(&rt_service_provider, &p);
	fx_set(&p.name, name);
	fx_set(&p.service_kinds, "居宅介護");
	fx_set(&p.contact_person, person);
	fx_set(&p.phone, phone);
	assert_int_equal(store_record_add(d, &rt_service_provider, &p, &e), TSU_OK);
	record_free(&rt_service_provider, &p);
	return p.id;
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	plan p;
	plan_row r;
	tsu_err e;

	fx_db_open(&f->x, "provider");
	f->client = fx_client(f->x.db, "山田 太郎", "やまだ たろう", "1980-04-02");

	record_init(&rt_plan, &p);
	p.client_id = f->client;
	p.period_from = fx_date("2026-05-01");
	p.period_to = fx_date("2027-04-30");
	p.written_on = fx_date("2026-04-20");
	p.monitoring_months = 3;
	assert_int_equal(store_plan_add(f->x.db, &p, &e), TSU_OK);
	f->plan = p.id;
	record_free(&rt_plan, &p);

	f->provider = add_provider(f->x.db, "つなぎヘルパー", "鈴木", "045-000-0000");
	record_init(&rt_plan_row, &r);
	r.plan_id = f->plan;
	fx_set(&r.need, "掃除ができるようになりたい");
	fx_set(&r.goal, "週2回掃除をする");
	fx_set(&r.provider, "前に手で書いた事業所");
	r.provider_id = f->provider;
	assert_int_equal(store_record_add(f->x.db, &rt_plan_row, &r, &e), TSU_OK);
	f->row = r.id;
	record_free(&rt_plan_row, &r);
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

static void register_has_no_owner_and_lists_by_name(void **state)
{
	struct fx *f = *state;
	service_provider *v;
	size_t n;
	tsu_err e;

	add_provider(f->x.db, "あおば就労センター", "", "");
	assert_int_equal(store_record_list(f->x.db, &rt_service_provider, STORE_PROVIDERS, (void **)&v, &n, &e), TSU_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "あおば就労センター");
	assert_string_equal(v[1].name, "つなぎヘルパー");
	assert_string_equal(v[1].contact_person, "鈴木");
	record_free_list(&rt_service_provider, v, n);
}

/* Two sessions edit one provider: the second save is refused as a
 * conflict that keeps its text (it used to end in "internal error:
 * unknown table service_provider"), and a deleted one says so. */
static void a_stale_provider_edit_is_a_conflict_not_an_internal_error(void **state)
{
	struct fx *f = *state;
	service_provider a, b;
	tsu_err e;

	assert_int_equal(store_record_get(f->x.db, &rt_service_provider, f->provider, &a, &e), TSU_OK);
	assert_int_equal(store_record_get(f->x.db, &rt_service_provider, f->provider, &b, &e), TSU_OK);
	fx_set(&a.phone, "045-111-1111");
	assert_int_equal(store_record_update(f->x.db, &rt_service_provider, &a, &e), TSU_OK);
	fx_set(&b.phone, "045-222-2222");
	assert_int_equal(store_record_update(f->x.db, &rt_service_provider, &b, &e), TSU_ECONFLICT);
	assert_non_null(strstr(e.msg, "changed by another session"));
	record_free(&rt_service_provider, &b);
	assert_int_equal(store_record_get(f->x.db, &rt_service_provider, f->provider, &b, &e), TSU_OK);
	assert_string_equal(b.phone, "045-111-1111");
	record_free(&rt_service_provider, &a);
	record_free(&rt_service_provider, &b);
}

static void a_provider_needs_a_name(void **state)
{
	struct fx *f = *state;
	service_provider p;
	tsu_err e;

	record_init(&rt_service_provider, &p);
	fx_set(&p.name, "   ");
	assert_int_equal(store_record_add(f->x.db, &rt_service_provider, &p, &e), TSU_EINVAL);
	assert_int_equal(p.id, 0);
	record_free(&rt_service_provider, &p);
}

static void linked_provider_is_not_deleted_and_the_refusal_names_the_plan(void **state)
{
	struct fx *f = *state;
	plan_row r;
	tsu_err e;
	char want[64];

	assert_int_equal(store_record_delete(f->x.db, &rt_service_provider, f->provider, &e), TSU_EINVAL);
	snprintf(want, sizeof want, "plan %lld", (long long)f->plan);
	assert_non_null(strstr(e.msg, want));
	assert_non_null(strstr(e.msg, "1 plan rows"));
	/* Unlinked, it goes. */
	assert_int_equal(store_record_get(f->x.db, &rt_plan_row, f->row, &r, &e), TSU_OK);
	r.provider_id = 0;
	assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &r, &e), TSU_OK);
	record_free(&rt_plan_row, &r);
	assert_int_equal(store_record_delete(f->x.db, &rt_service_provider, f->provider, &e), TSU_OK);
}

static void link_to_a_provider_not_in_the_register_is_refused(void **state)
{
	struct fx *f = *state;
	plan_row r;
	tsu_err e;

	assert_int_equal(store_record_get(f->x.db, &rt_plan_row, f->row, &r, &e), TSU_OK);
	r.provider_id = 9999;
	assert_int_equal(store_record_update(f->x.db, &rt_plan_row, &r, &e), TSU_ENOTFOUND);
	assert_non_null(strstr(e.msg, "9999"));
	record_free(&rt_plan_row, &r);
	assert_int_equal(store_record_get(f->x.db, &rt_plan_row, f->row, &r, &e), TSU_OK);
	assert_int_equal(r.provider_id, f->provider);
	record_free(&rt_plan_row, &r);
}

static void cell_prints_the_provider_as_it_is_now(void **state)
{
	struct fx *f = *state;
	plan_row r;
	service_provider p;
	tsu_err e;
	char *cell;

	assert_int_equal(store_record_get(f->x.db, &rt_plan_row, f->row, &r, &e), TSU_OK);
	cell = store_provider_cell(f->x.db, &r);
	assert_string_equal(cell, "つなぎヘルパー\n（鈴木・045-000-0000）");
	free(cell);
	assert_int_equal(store_record_get(f->x.db, &rt_service_provider, f->provider, &p, &e), TSU_OK);
	fx_set(&p.contact_person, "");
	fx_set(&p.phone, "045-111-2222");
	assert_int_equal(store_record_update(f->x.db, &rt_service_provider, &p, &e), TSU_OK);
	record_free(&rt_service_provider, &p);
	cell = store_provider_cell(f->x.db, &r);
	assert_string_equal(cell, "つなぎヘルパー\n（045-111-2222）");
	free(cell);
	r.provider_id = 0;
	cell = store_provider_cell(f->x.db, &r);
	assert_string_equal(cell, "前に手で書いた事業所");
	free(cell);
	record_free(&rt_plan_row, &r);
}

/* The final plan's table cell, from the form as built for printing. */
static char *provider_cell_of_plan(struct fx *f)
{
	print_opts o = { .office = "つなぎ相談支援センター", .worker = "佐藤 花子" };
	pform *pf;
	tsu_err e;
	char *cell = NULL;

	o.today = fx_date("2026-11-23");
	assert_int_equal(print_build(f->x.db, PRINT_PLAN, f->client, f->plan, &o, &pf, &e), TSU_OK);
	for (size_t i = 0; i < pf->n; i++)
		if (pf->b[i].kind == PB_TABLE && pf->b[i].ncols == 9 && pf->b[i].nrows == 1)
			cell = xstrdup(pf->b[i].rows[0][5]);
	pform_free(pf);
	assert_non_null(cell);
	return cell;
}

static void consented_plan_prints_the_edited_provider_and_keeps_its_link(void **state)
{
	struct fx *f = *state;
	service_provider p;
	tsu_err e;
	char **missing, *cell, *sql;
	size_t nmissing;

	/* A linked row has its provider: the final plan lacks nothing there. */
	assert_int_equal(store_plan_missing(f->x.db, f->plan, &missing, &nmissing, &e), TSU_OK);
	for (size_t i = 0; i < nmissing; i++)
		assert_null(strstr(missing[i], "提供事業者名"));
	store_plan_missing_free(missing, nmissing);
	assert_int_equal(store_plan_finalise(f->x.db, f->plan, fx_date("2026-04-28"), &e), TSU_OK);

	cell = provider_cell_of_plan(f);
	assert_string_equal(cell, "つなぎヘルパー\n（鈴木・045-000-0000）");
	free(cell);
	assert_int_equal(store_record_get(f->x.db, &rt_service_provider, f->provider, &p, &e), TSU_OK);
	fx_set(&p.phone, "045-999-9999");
	assert_int_equal(store_record_update(f->x.db, &rt_service_provider, &p, &e), TSU_OK);
	record_free(&rt_service_provider, &p);
	cell = provider_cell_of_plan(f);
	assert_string_equal(cell, "つなぎヘルパー\n（鈴木・045-999-9999）");
	free(cell);

	/* The link itself is part of what was signed. */
	sql = xasprintf("UPDATE plan_row SET provider_id = NULL WHERE id = %lld", (long long)f->row);
	assert_int_not_equal(sqlite3_exec(db_handle(f->x.db), sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(register_has_no_owner_and_lists_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(a_provider_needs_a_name, setup, teardown),
		cmocka_unit_test_setup_teardown(a_stale_provider_edit_is_a_conflict_not_an_internal_error, setup, teardown),
		cmocka_unit_test_setup_teardown(linked_provider_is_not_deleted_and_the_refusal_names_the_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(link_to_a_provider_not_in_the_register_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(cell_prints_the_provider_as_it_is_now, setup, teardown),
		cmocka_unit_test_setup_teardown(consented_plan_prints_the_edited_provider_and_keeps_its_link, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
