/*
 * cmd_export_data.c - `tsunagi export clients|notes|plans|all`: CSV (the
 * default, UTF-8 with a BOM for Excel, or CP932) or JSON.  Everything is
 * built and converted in memory first; only a complete export is
 * written, to a 0600 file replaced atomically, or to standard output.
 * `export ical` lives in cmd_export.c, which hands the rest to this.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli_data.h"
#include "tsunagi/export.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static void usage(void)
{
	fputs(_("Usage: tsunagi export clients|notes|plans|all [--format csv|json]\n"
		"                      [--encoding utf-8|cp932] [--no-bom] [-o FILE]\n"
		"\n"
		"clients  the client roster, in the columns 'import clients' reads\n"
		"notes    progress notes, by date\n"
		"plans    plans, one row per need\n"
		"all      the whole database as JSON; 'tsunagi import all FILE' loads it\n"
		"         into an empty database exactly as it was\n"
		"  --format csv|json  CSV (default; all: json)\n"
		"  --encoding E       CSV in utf-8 (default, with a BOM for Excel) or cp932;\n"
		"                     a character CP932 lacks is an error naming row and column\n"
		"  --no-bom           UTF-8 CSV without the byte order mark\n"
		"  -o FILE            write FILE (created 0600, complete or not at all)\n"), stdout);
}

static char **spell_out(int argc, char **argv)
{
	char **v = xcalloc((size_t)argc + 1, sizeof *v);

	for (int i = 0; i < argc; i++)
		v[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
	return v;
}

static int run(cli_ctx *ctx, const cli_args *a)
{
	const char *fmt = cli_get(a, "format"), *encname = cli_get(a, "encoding");
	export_what what;
	enum enc enc = ENC_UTF8;
	bool json;
	char *buf = NULL;
	size_t len = 0;
	tsu_err e;
	db *d;
	int rc;

	if (a->npos != 2)
		return cli_usage("export", a->npos < 2 ? _("export what? clients, notes, plans, all or ical")
				 : _("too many arguments"));
	if (export_what_from_name(a->pos[1], &what, &e) != TSU_OK) {
		char *s = text_sanitize(e.msg, false);
		rc = cli_usage("export", "%s", s);
		free(s);
		return rc;
	}
	if (fmt && strcmp(fmt, "csv") != 0 && strcmp(fmt, "json") != 0)
		return cli_usage("export", _("--format: use csv or json"));
	json = fmt ? strcmp(fmt, "json") == 0 : what == EXPORT_ALL;
	if (!json && what == EXPORT_ALL)
		return cli_usage("export", _("'export all' is JSON only; export clients, notes or plans as CSV"));
	if (encname) {
		if (json)
			return cli_usage("export", _("--encoding applies to CSV; JSON is always UTF-8"));
		if (enc_from_name(encname, &enc, &e) != TSU_OK || enc == ENC_EUCJP)
			return cli_usage("export", _("--encoding: use utf-8 or cp932"));
	}
	if (cli_has(a, "no-bom") && (json || enc != ENC_UTF8))
		return cli_usage("export", _("--no-bom applies to UTF-8 CSV only"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (json) {
		strbuf out;
		if (export_json(d, what, &out, &e) != TSU_OK)
			return cli_fail(EXIT_FAIL, _("%s; nothing was written"), e.msg);
		len = out.len;
		buf = sb_steal(&out);
		sb_free(&out);
	} else {
		export_doc doc;
		if (export_csv(d, what, &doc, &e) != TSU_OK)
			return cli_fail(EXIT_FAIL, _("%s; nothing was written"), e.msg);
		rc = export_encode(&doc, enc, !cli_has(a, "no-bom"), &buf, &len, &e);
		export_doc_free(&doc);
		if (rc != TSU_OK)
			return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	rc = cli_write_output(ctx, cli_get(a, "output"), buf, len);
	free(buf);
	return rc;
}

int cmd_export_data(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "format", "encoding", "output", NULL };
	static const char *const flags[] = { "no-bom", NULL };
	char **av = spell_out(argc, argv);
	cli_args a;
	int rc = cli_parse("export", argc, av, valued, flags, &a);

	if (rc == EXIT_OK) {
		if (a.help) {
			usage();
		} else {
			rc = run(ctx, &a);
		}
		cli_args_free(&a);
	}
	free(av);
	return rc;
}
