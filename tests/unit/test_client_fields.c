/*
 * test_client_fields.c - the client is described once (CLIENT_FIELDS in
 * store_client.h), and every place that needs its fields is made from
 * that description.  These tests walk the description and check each
 * field where it must be: a column of the schema (a field added without
 * its migration fails here), the form, the import's headings and the
 * export's columns, the command line's options; and that a value of
 * every field goes into the database and comes back.
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
#include "tsunagi/store_client.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

static int setup(void **state)
{
	fx_db *f = xcalloc(1, sizeof *f);

	fx_db_open(f, "client-fields");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx_db *f = *state;

	fx_db_close(f);
	free(f);
	return 0;
}

static bool table_has_column(db *d, const char *col)
{
	sqlite3_stmt *st;
	bool found = false;

	assert_int_equal(sqlite3_prepare_v2(db_handle(d), "SELECT name FROM pragma_table_info('client')",
					    -1, &st, NULL), SQLITE_OK);
	while (!found && sqlite3_step(st) == SQLITE_ROW)
		found = strcmp((const char *)sqlite3_column_text(st, 0), col) == 0;
	sqlite3_finalize(st);
	return found;
}

/* Each field is a column of table client (its migration is there), and
 * so are the derived keys. */
static void every_client_field_is_a_column_of_the_schema(void **state)
{
	fx_db *f = *state;
	size_t n = 0;

	for (const client_field *cf = client_fields; cf->name; cf++, n++) {
		if (!table_has_column(f->db, cf->col))
			fail_msg("client field '%s': no column client.%s; add its migration under data/schema/",
				 cf->name, cf->col);
		assert_ptr_equal(client_field_named(cf->name), cf);
		assert_non_null(cf->label);
		if (cf->type == CT_CHOICE)
			assert_non_null(cf->choice);
	}
	assert_true(n >= 18);
	assert_true(table_has_column(f->db, "sort_key"));
	assert_true(table_has_column(f->db, "search_key"));
}

/* A value every field of its type takes, as a worker types it. */
static const char *sample(const client_field *cf)
{
	switch (cf->type) {
	case CT_DATE: return "1980-04-02";
	case CT_CHOICE: return cf->choice->values[1];
	case CT_LEVEL: return "3";
	case CT_YEN: return "9300";
	case CT_TEXT: break;
	}
	if (cf->flags & CF_DIGITS)
		return "1400100001";
	return "山田";
}

/* Every field a worker edits goes into the database through the
 * generated SQL and comes back as it was set; the state does not. */
static void every_client_field_is_saved_and_read_back(void **state)
{
	fx_db *f = *state;
	client c, back;
	tsu_err e;

	client_init(&c);
	for (const client_field *cf = client_fields; cf->name; cf++) {
		if (!client_field_editable(cf)) {
			assert_int_equal(client_set(&c, cf->name, sample(cf), &e), TSU_EINVAL);
			continue;
		}
		if (client_set(&c, cf->name, sample(cf), &e) != TSU_OK)
			fail_msg("client field '%s': %s", cf->name, e.msg);
	}
	assert_int_equal(store_client_add(f->db, &c, &e), TSU_OK);
	assert_int_equal(store_client_get(f->db, c.id, &back, &e), TSU_OK);
	for (const client_field *cf = client_fields; cf->name; cf++) {
		char *a = client_get(&c, cf->name), *b = client_get(&back, cf->name);
		if (strcmp(a, b) != 0)
			fail_msg("client field '%s': saved '%s', read '%s'", cf->name, a, b);
		free(a);
		free(b);
	}
	assert_string_equal(back.status, "active");
	/* And an update writes them too. */
	assert_int_equal(client_set(&back, "remarks", "更新", &e), TSU_OK);
	assert_int_equal(store_client_update(f->db, &back, &e), TSU_OK);
	client_free(&c);
	assert_int_equal(store_client_get(f->db, back.id, &c, &e), TSU_OK);
	assert_string_equal(c.remarks, "更新");
	assert_int_equal(c.version, 2);
	client_free(&c);
	client_free(&back);
}

/* The form shows every field a worker edits, with its widget, and
 * nothing else. */
static void every_editable_client_field_is_in_the_form(void **state)
{
	ui_form form;
	size_t editable = 0;

	(void)state;
	ui_form_init(&form);
	ui_client_form_fields(&form);
	for (const client_field *cf = client_fields; cf->name; cf++) {
		ui_field *fd = ui_form_find(&form, cf->name);
		if (!client_field_editable(cf)) {
			assert_null(fd);
			continue;
		}
		editable++;
		if (!fd)
			fail_msg("client field '%s' is not in the form", cf->name);
		assert_int_equal(fd->required, (cf->flags & CF_REQUIRED) != 0);
		switch (cf->type) {
		case CT_DATE: assert_int_equal(fd->kind, UI_F_DATE); break;
		case CT_CHOICE: assert_int_equal(fd->kind, UI_F_CHOICE); break;
		default:
			assert_int_equal(fd->kind, cf->flags & CF_MULTILINE ? UI_F_LONG : UI_F_TEXT);
			break;
		}
	}
	assert_int_equal(form.n, editable);
	ui_form_free(&form);
}

/* Does a roster whose only column is headed `heading` read it as fname? */
static void heading_reads_as(const char *heading, const char *fname)
{
	import_opts o = { .auto_encoding = true, .dry_run = true };
	import_report r;
	tsu_err e;
	char *csv = xasprintf("%s\n", heading), *want = xasprintf("→ %s", fname);

	memset(&r, 0, sizeof r);
	import_clients(NULL, csv, strlen(csv), &o, &r, &e);
	if (!r.columns || !strstr(r.columns, want) || strchr(r.columns, ','))
		fail_msg("'%s': the import reads heading '%s' as '%s'", fname, heading,
			 r.columns ? r.columns : "(nothing)");
	import_report_free(&r);
	free(csv);
	free(want);
}

/* The import knows each field by each of its headings (and no heading
 * stands for two fields, its own columns' included); the export heads
 * the field's column with the first. */
static void every_client_field_has_import_headings_and_an_export_column(void **state)
{
	static const char *const extras[] = {
		"family", "given", "kana-family", "kana-given", "decision-from", "decision-to", "guardian", NULL,
	};
	fx_db *f = *state;
	export_doc doc;
	tsu_err e;
	char *header;

	assert_int_equal(export_csv(f->db, EXPORT_CLIENTS, &doc, &e), TSU_OK);
	header = xstrndup(doc.text.s, strcspn(doc.text.s, "\r\n"));
	for (const client_field *cf = client_fields; cf->name; cf++) {
		assert_non_null(cf->aliases);
		assert_non_null(cf->aliases[0]);
		assert_ptr_equal(import_client_aliases(cf->name), cf->aliases);
		for (const char *const *a = cf->aliases; *a; a++)
			heading_reads_as(*a, cf->name);
		if ((cf->flags & CF_EXPORT) && !strstr(header, cf->aliases[0]))
			fail_msg("client field '%s': no column '%s' in the export", cf->name, cf->aliases[0]);
	}
	for (const char *const *x = extras; *x; x++)
		for (const char *const *a = import_client_aliases(*x); *a; a++)
			heading_reads_as(*a, *x);
	free(header);
	export_doc_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_client_field_is_a_column_of_the_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(every_client_field_is_saved_and_read_back, setup, teardown),
		cmocka_unit_test(every_editable_client_field_is_in_the_form),
		cmocka_unit_test_setup_teardown(every_client_field_has_import_headings_and_an_export_column,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
