/*
 * cmd_import.c - `tsunagi import clients FILE` (a CSV roster) and
 * `tsunagi import all FILE.json` (a whole database from `export all`).
 * The report goes to stdout: the encoding, the columns used and every
 * problem by line and column; the verdict is the one line on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tsunagi/cli_data.h"
#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static void usage(void)
{
	fputs(_("Usage: tsunagi import clients FILE [--encoding auto|utf-8|cp932] [--dry-run] [--skip-bad]\n"
		"       tsunagi import all FILE.json\n"
		"\n"
		"clients: add the clients of a CSV roster (a header row naming the columns,\n"
		"  in Japanese or English: 氏名, フリガナ, 生年月日, 性別, 受給者証番号, …).\n"
		"  Nothing is imported if any row is bad; every problem is listed by line,\n"
		"  column and reason.\n"
		"  --encoding E  the file's encoding (default auto: UTF-8 or CP932)\n"
		"  --dry-run     check and report; write nothing\n"
		"  --skip-bad    import the good rows and list the bad ones\n"
		"all: load the JSON of 'tsunagi export all --format json' into an empty\n"
		"  database, every record, version and audit row as it was.\n"), stdout);
}

static void print_report(const import_report *r)
{
	printf(_("encoding: %s%s\n"), enc_name(r->encoding), r->guessed ? _(" (detected)") : "");
	if (r->columns && *r->columns)
		printf(_("columns: %s\n"), r->columns);
	for (size_t i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		char *why = text_sanitize(p->reason, false);
		if (p->column && p->header)
			printf(_("line %zu, column %zu (%s): %s\n"), p->line, p->column, p->header, why);
		else if (p->column)
			printf(_("line %zu, column %zu: %s\n"), p->line, p->column, why);
		else
			printf(_("line %zu: %s\n"), p->line, why);
		free(why);
	}
}

static int import_clients_cmd(cli_ctx *ctx, const cli_args *a)
{
	import_opts o = { .auto_encoding = true, .encoding = ENC_UTF8 };
	import_report r;
	const char *enc = cli_get(a, "encoding");
	struct stat sb;
	char *buf;
	size_t len;
	tsu_err e;
	db *d = NULL;
	int rc;

	if (a->npos != 3)
		return cli_usage("import", _("give one FILE: tsunagi import clients FILE"));
	if (enc && strcmp(enc, "auto") != 0) {
		o.auto_encoding = false;
		if (enc_from_name(enc, &o.encoding, &e) != TSU_OK || o.encoding == ENC_EUCJP)
			return cli_usage("import", _("--encoding: use auto, utf-8 or cp932"));
	}
	o.dry_run = cli_has(a, "dry-run");
	o.skip_bad = cli_has(a, "skip-bad");
	if (import_read_file(a->pos[2], &buf, &len, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	/* A dry run on a database that does not exist yet creates nothing. */
	if (!o.dry_run || stat(ctx->db_path, &sb) == 0) {
		if (!(d = cli_db(ctx))) {
			free(buf);
			return EXIT_FAIL;
		}
	}
	err_clear(&e);
	rc = import_clients(d, buf, len, &o, &r, &e);
	free(buf);
	print_report(&r);
	if (rc == TSU_OK) {
		if (o.dry_run)
			printf(_("dry run: %zu of %zu rows are good and would be imported; nothing was written\n"),
			       r.good, r.rows);
		else {
			ctx->committed = true;
			printf(_("imported %zu client(s) of %zu row(s), with %zu decision-period certificate(s)\n"),
			       r.imported, r.rows, r.certificates);
		}
		if (r.bad)
			printf(_("%zu bad row(s) skipped, listed above\n"), r.bad);
	}
	import_report_free(&r);
	if (rc != TSU_OK) {
		fflush(stdout);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	return EXIT_OK;
}

static int import_all_cmd(cli_ctx *ctx, const cli_args *a)
{
	char *buf;
	size_t len, rows = 0;
	tsu_err e;
	db *d;
	int rc;

	if (a->npos != 3)
		return cli_usage("import", _("give one FILE: tsunagi import all FILE.json"));
	if (cli_has(a, "encoding") || cli_has(a, "dry-run") || cli_has(a, "skip-bad"))
		return cli_usage("import", _("import all takes no options: it loads everything or nothing"));
	if (import_read_file(a->pos[2], &buf, &len, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	if (!(d = cli_db(ctx))) {
		free(buf);
		return EXIT_FAIL;
	}
	rc = import_all_json(d, buf, len, &rows, &e);
	free(buf);
	if (rc != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	cli_confirm(_("imported %zu row(s) into %s\n"), rows, ctx->db_path);
	return EXIT_OK;
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "encoding", NULL };
	static const char *const flags[] = { "dry-run", "skip-bad", NULL };
	cli_args a;
	int rc;

	if ((rc = cli_parse("import", argc, argv, valued, flags, &a)) != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		rc = EXIT_OK;
	} else if (a.npos < 2) {
		rc = cli_usage("import", _("import what? 'clients FILE' or 'all FILE.json'"));
	} else if (strcmp(a.pos[1], "clients") == 0) {
		rc = import_clients_cmd(ctx, &a);
	} else if (strcmp(a.pos[1], "all") == 0) {
		rc = import_all_cmd(ctx, &a);
	} else {
		char *s = text_sanitize(a.pos[1], false);
		rc = cli_usage("import", _("cannot import '%s'; use 'clients' or 'all'"), s);
		free(s);
	}
	cli_args_free(&a);
	return rc;
}
