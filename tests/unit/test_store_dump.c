/*
 * test_store_dump.c - the database as tables of typed values
 * (store_dump.h): a table's rows come out in its primary key's order
 * with every value as stored (a blob, NULL, a real, text holding a NUL
 * byte or invalid UTF-8) and go back in identically; names that need
 * quoting work; the whole dump leaves out the file's and the derived
 * tables; a refused row says why, and a load with deferred foreign keys
 * finds the row whose parent is missing.
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
#include "tsunagi/store_dump.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "dump");
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

static void sql(db *d, const char *s)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db_handle(d), s, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fail_msg("%s: %s", s, msg ? msg : "?");
}

/* What a dump gave: each value copied, one line of columns per row. */
typedef struct got {
	dump_value v[64];
	char *bytes[64];
	size_t n, ncols;
	char cols[8][32];
} got;

static void keep_row(void *ctx, const char *const *cols, const dump_value *v, size_t n)
{
	got *g = ctx;

	assert_true(g->n + n <= 64);
	g->ncols = n;
	for (size_t i = 0; i < n && i < 8; i++)
		snprintf(g->cols[i], sizeof g->cols[i], "%s", cols[i]);
	for (size_t i = 0; i < n; i++) {
		dump_value *k = &g->v[g->n];
		*k = v[i];
		g->bytes[g->n] = NULL;
		if (v[i].type == DUMP_TEXT || v[i].type == DUMP_BLOB) {
			g->bytes[g->n] = xmalloc(v[i].len + 1);
			if (v[i].len)
				memcpy(g->bytes[g->n], v[i].p, v[i].len);
			k->p = g->bytes[g->n];
		}
		g->n++;
	}
}

static void got_free(got *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->bytes[i]);
	memset(g, 0, sizeof *g);
}

static void same_value(const dump_value *a, const dump_value *b)
{
	assert_int_equal(a->type, b->type);
	switch (a->type) {
	case DUMP_INT:
		assert_int_equal(a->i, b->i);
		break;
	case DUMP_REAL:
		assert_true(a->r == b->r);
		break;
	case DUMP_TEXT:
	case DUMP_BLOB:
		assert_int_equal(a->len, b->len);
		if (a->len)
			assert_memory_equal(a->p, b->p, a->len);
		break;
	default:
		break;
	}
}

/* Load what g holds into table, column names from the schema. */
static void load(db *d, const char *table, const got *g)
{
	char **cols;
	size_t n;
	tsu_err e;
	dump_insert *ins;

	assert_int_equal(store_dump_columns(d, table, &cols, &n), TSU_OK);
	assert_int_equal(n, g->ncols);
	assert_non_null(ins = store_dump_insert_open(d, table, cols, n, &e));
	for (size_t r = 0; r < g->n / n; r++) {
		for (size_t c = 0; c < n; c++)
			store_dump_bind(ins, c, &g->v[r * n + c]);
		assert_int_equal(store_dump_insert_row(ins, &e), TSU_OK);
	}
	store_dump_insert_close(ins);
	store_dump_free_names(cols, n);
}

static void a_blob_a_null_and_odd_text_go_out_and_back_as_stored(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	got one = { 0 }, two = { 0 };
	tsu_err e;

	sql(d, "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB, n, r REAL, s TEXT);"
	       "CREATE TABLE u (id INTEGER PRIMARY KEY, b BLOB, n, r REAL, s TEXT);"
	       /* Out of order: the dump follows the primary key. */
	       "INSERT INTO t VALUES (3, x'00ff10', NULL, 1.5, CAST(x'610062' AS TEXT));"
	       "INSERT INTO t VALUES (1, x'', 7, NULL, CAST(x'ff41' AS TEXT));"
	       "INSERT INTO t VALUES (2, NULL, 'x', -0.25, '');");
	assert_int_equal(store_dump_rows(d, "t", keep_row, &one, &e), TSU_OK);
	assert_int_equal(one.ncols, 5);
	assert_string_equal(one.cols[0], "id");
	assert_string_equal(one.cols[4], "s");
	assert_int_equal(one.n, 15);
	/* Row 1 (id 1): an empty blob, an integer, NULL, invalid UTF-8. */
	assert_int_equal(one.v[0].i, 1);
	assert_int_equal(one.v[1].type, DUMP_BLOB);
	assert_int_equal(one.v[1].len, 0);
	assert_int_equal(one.v[2].type, DUMP_INT);
	assert_int_equal(one.v[2].i, 7);
	assert_int_equal(one.v[3].type, DUMP_NULL);
	assert_int_equal(one.v[4].type, DUMP_TEXT);
	assert_int_equal(one.v[4].len, 2);
	assert_memory_equal(one.v[4].p, "\xff" "A", 2);
	/* Row 2: NULL, text, a real, empty text. */
	assert_int_equal(one.v[5].i, 2);
	assert_int_equal(one.v[6].type, DUMP_NULL);
	assert_int_equal(one.v[7].type, DUMP_TEXT);
	assert_true(one.v[8].type == DUMP_REAL && one.v[8].r == -0.25);
	assert_true(one.v[9].type == DUMP_TEXT && one.v[9].len == 0);
	/* Row 3: a blob with a NUL byte, text with one. */
	assert_int_equal(one.v[10].i, 3);
	assert_int_equal(one.v[11].type, DUMP_BLOB);
	assert_int_equal(one.v[11].len, 3);
	assert_memory_equal(one.v[11].p, "\0\xff\x10", 3);
	assert_int_equal(one.v[12].type, DUMP_NULL);
	assert_int_equal(one.v[14].len, 3);
	assert_memory_equal(one.v[14].p, "a\0b", 3);

	assert_int_equal(db_begin(d, &e), TSU_OK);
	load(d, "u", &one);
	assert_int_equal(db_commit(d, &e), TSU_OK);
	assert_int_equal(store_dump_count(d, "u"), 3);
	assert_int_equal(store_dump_rows(d, "u", keep_row, &two, &e), TSU_OK);
	assert_int_equal(two.n, one.n);
	for (size_t i = 0; i < one.n; i++)
		same_value(&one.v[i], &two.v[i]);
	/* And SQLite agrees, types included. */
	assert_int_equal(db_int64_or(db_prepare(d,
		"SELECT count(*) FROM t JOIN u USING (id) WHERE t.b IS u.b AND typeof(t.b) = typeof(u.b)"
		" AND t.n IS u.n AND typeof(t.n) = typeof(u.n) AND t.r IS u.r AND t.s IS u.s"
		" AND typeof(t.s) = typeof(u.s)"), -1), 3);
	got_free(&one);
	got_free(&two);
}

static void names_are_quoted_and_rows_follow_a_composite_key(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	got g = { 0 }, back = { 0 };
	tsu_err e;

	sql(d, "CREATE TABLE \"we\"\"ird\" (a INTEGER, \"b\"\"c\" TEXT, PRIMARY KEY (\"b\"\"c\", a));"
	       "CREATE TABLE \"we\"\"ird2\" (a INTEGER, \"b\"\"c\" TEXT, PRIMARY KEY (\"b\"\"c\", a));"
	       "INSERT INTO \"we\"\"ird\" VALUES (1, 'z'), (2, 'a'), (0, 'a');");
	assert_int_equal(store_dump_rows(d, "we\"ird", keep_row, &g, &e), TSU_OK);
	assert_string_equal(g.cols[1], "b\"c");
	assert_int_equal(g.n, 6);
	assert_int_equal(g.v[0].i, 0);
	assert_int_equal(g.v[2].i, 2);
	assert_int_equal(g.v[4].i, 1);
	assert_memory_equal(g.v[5].p, "z", 1);
	load(d, "we\"ird2", &g);
	assert_int_equal(store_dump_rows(d, "we\"ird2", keep_row, &back, &e), TSU_OK);
	assert_int_equal(back.n, g.n);
	for (size_t i = 0; i < g.n; i++)
		same_value(&g.v[i], &back.v[i]);
	got_free(&g);
	got_free(&back);
}

static bool has(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

static void the_whole_dump_leaves_out_the_file_and_what_is_derived(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	char **t, **cols;
	size_t n, ncols;
	got g = { 0 };
	tsu_err e;

	fx_client(d, "山田 太郎", "やまだ たろう", "1980-01-01");
	assert_int_equal(store_dump_tables(d, &t, &n), TSU_OK);
	assert_true(has(t, n, "client"));
	assert_true(has(t, n, "note"));
	assert_true(has(t, n, "certificate"));
	assert_true(has(t, n, "audit"));
	for (const char *const *x = (const char *const[]){ "meta", "due_cache", "due_dirty", "due_day",
							    "client_count", "draft", "draft_field", NULL }; *x; x++)
		assert_false(has(t, n, *x));
	for (size_t i = 0; i < n; i++)
		assert_true(strncmp(t[i], "sqlite_", 7) != 0);
	store_dump_free_names(t, n);

	assert_int_equal(store_dump_count(d, "client"), 1);
	assert_int_equal(store_dump_count(d, "no_such_table"), -1);
	assert_int_equal(store_dump_columns(d, "no_such_table", &cols, &ncols), TSU_OK);
	assert_int_equal(ncols, 0);
	store_dump_free_names(cols, ncols);
	assert_int_equal(store_dump_rows(d, "no_such_table", keep_row, &g, &e), TSU_EIO);
	assert_non_null(strstr(e.msg, "no_such_table"));
	assert_int_equal(g.n, 0);
}

static void a_refused_row_says_why_and_a_missing_parent_is_found(void **state)
{
	struct fx *f = *state;
	db *d = f->x.db;
	char *kcols[] = { "id", "v" }, *ccols[] = { "id", "p_id" };
	char table[64], parent[64];
	int64_t rowid = 0;
	dump_value id = { .type = DUMP_INT, .i = 1 }, none = { .type = DUMP_NULL },
		   nine = { .type = DUMP_INT, .i = 9 };
	dump_insert *ins;
	tsu_err e;

	sql(d, "CREATE TABLE k (id INTEGER PRIMARY KEY, v TEXT NOT NULL);"
	       "CREATE TABLE p (id INTEGER PRIMARY KEY);"
	       "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));");
	assert_int_equal(db_begin(d, &e), TSU_OK);
	assert_non_null(ins = store_dump_insert_open(d, "k", kcols, 2, &e));
	store_dump_bind(ins, 0, &id);
	store_dump_bind(ins, 1, &none);
	assert_int_equal(store_dump_insert_row(ins, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "NOT NULL"));
	/* The statement goes on: the next row is a new one. */
	store_dump_bind(ins, 0, &id);
	store_dump_bind(ins, 1, &(dump_value){ .type = DUMP_TEXT, .p = "v", .len = 1 });
	assert_int_equal(store_dump_insert_row(ins, &e), TSU_OK);
	store_dump_insert_close(ins);
	/* A column the table lacks: the statement cannot be made. */
	assert_null(store_dump_insert_open(d, "k", ccols, 2, &e));

	/* Foreign keys checked per row: refused at once. */
	assert_non_null(ins = store_dump_insert_open(d, "c", ccols, 2, &e));
	store_dump_bind(ins, 0, &id);
	store_dump_bind(ins, 1, &nine);
	assert_int_equal(store_dump_insert_row(ins, &e), TSU_EINVAL);
	assert_non_null(strstr(e.msg, "FOREIGN KEY"));
	store_dump_insert_close(ins);
	db_rollback(d);

	/* Deferred: loaded, and the check after the load finds it. */
	assert_int_equal(db_begin(d, &e), TSU_OK);
	assert_int_equal(store_dump_defer_foreign_keys(d, &e), TSU_OK);
	assert_false(store_dump_broken_reference(d, table, parent, sizeof table, &rowid));
	assert_non_null(ins = store_dump_insert_open(d, "c", ccols, 2, &e));
	store_dump_bind(ins, 0, &id);
	store_dump_bind(ins, 1, &nine);
	assert_int_equal(store_dump_insert_row(ins, &e), TSU_OK);
	store_dump_insert_close(ins);
	assert_true(store_dump_broken_reference(d, table, parent, sizeof table, &rowid));
	assert_string_equal(table, "c");
	assert_string_equal(parent, "p");
	assert_int_equal(rowid, 1);
	db_rollback(d);
	assert_int_equal(store_dump_count(d, "c"), 0);
	assert_int_equal(store_dump_count(d, "k"), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_blob_a_null_and_odd_text_go_out_and_back_as_stored),
		T(names_are_quoted_and_rows_follow_a_composite_key),
		T(the_whole_dump_leaves_out_the_file_and_what_is_derived),
		T(a_refused_row_says_why_and_a_missing_parent_is_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
