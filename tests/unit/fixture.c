/*
 * fixture.c - the unit tests' shared fixture (fixture.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "tsunagi/cli.h"
#include "tsunagi/store_client.h"
#include "tsunagi/xalloc.h"

void fx_dir(fx_db *f, const char *tag)
{
	snprintf(f->dir, sizeof f->dir, "/tmp/tsunagi-%s-XXXXXX", tag);
	assert_non_null(mkdtemp(f->dir));
	f->path = NULL;
	f->db = NULL;
}

void fx_db_open(fx_db *f, const char *tag)
{
	tsu_err e;

	fx_dir(f, tag);
	f->path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(db_open(&f->db, f->path, DB_CREATE, &e), TSU_OK);
}

void fx_demo_open(fx_db *f, const char *tag, int clients, date_t today)
{
	char n[16];
	char *argv[] = { "demo", "--clients", n, NULL };
	cli_ctx ctx = { 0 };

	snprintf(n, sizeof n, "%d", clients);
	fx_dir(f, tag);
	f->path = xasprintf("%s/t.db", f->dir);
	ctx.db_path = f->path;
	ctx.today = today;
	ctx.prog = "tsunagi";
	assert_int_equal(cmd_demo(&ctx, 3, argv), EXIT_OK);
	f->db = ctx.db;
}

void fx_db_close(fx_db *f)
{
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	if (f->db)
		db_close(f->db);
	f->db = NULL;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f->path);
	f->path = NULL;
}

date_t fx_date(const char *s)
{
	date_t d;
	tsu_err e;

	assert_int_equal(date_parse(s, &d, &e), TSU_OK);
	return d;
}

void fx_set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

int64_t fx_client(db *d, const char *name, const char *kana, const char *birth)
{
	client c;
	tsu_err e;

	client_init(&c);
	assert_int_equal(client_set(&c, "name", name, &e), TSU_OK);
	assert_int_equal(client_set(&c, "kana", kana, &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", birth, &e), TSU_OK);
	assert_int_equal(store_client_add(d, &c, &e), TSU_OK);
	client_free(&c);
	return c.id;
}
