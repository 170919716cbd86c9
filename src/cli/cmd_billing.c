/*
 * cmd_billing.c - `tsunagi billing --month YYYY-MM`: the month's billing
 * worksheet (billing.h) as text, CSV or an A4 PDF.  A worksheet to check
 * the claim against, not the 国保連 transmission file.  The fee category
 * and the number of workers come from the config (billing.category,
 * billing.workers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/cli.h"
#include "tsunagi/csv.h"
#include "tsunagi/encoding.h"
#include "tsunagi/i18n.h"

static void usage(void)
{
	fputs(_(
"Usage: tsunagi billing --month YYYY-MM [--format text|pdf|csv]\n"
"                       [--encoding utf-8|cp932] [--no-bom] [--initials]\n"
"                       [-o FILE | --print [PRINTER]]\n"
"\n"
"The billing worksheet of a month, to check before the claim on the 10th (it\n"
"is not the 国保連 transmission file): the billable plans (サービス利用支援,\n"
"障害児支援利用援助) and monitorings (継続...) with their fee and units, the\n"
"加算 candidates with the record behind each or what is missing, and the\n"
"problems to put right first.  The fee category and the number of workers\n"
"are billing.category and billing.workers in the config (S in the UI).\n"
"  --month YYYY-MM        the month of the services (required)\n"
"  --format text|pdf|csv  text (default), an A4 PDF, or CSV (month,client_id,\n"
"                         client_name,recipient_no,section,item,label,date,\n"
"                         units,evidence,status,note)\n"
"  --encoding E           text and CSV: utf-8 (default; CSV with a BOM) or cp932\n"
"  --no-bom               CSV in UTF-8 without the BOM\n"
"  --initials             initials from the kana instead of names, no 相手\n"
"  -o FILE                write to FILE instead of standard output\n"
"  --print [PRINTER]      send the A4 PDF to a CUPS printer: PRINTER, else the\n"
"                         config's printer, else CUPS's default; the job's\n"
"                         title is \"tsunagi billing YYYY-MM\", without names.\n"
"                         Put it last, or write --print=PRINTER\n"), stdout);
}

typedef struct bill_opts {
	month_t month;
	const char *format, *output;
	char *print;            /* --print's printer ("" default); NULL: not printing */
	enum enc enc;
	bool initials, no_bom;
} bill_opts;

static int parse_opts(const cli_args *a, bill_opts *o)
{
	const char *month = cli_get(a, "month"), *enc = cli_get(a, "encoding");
	tsu_err e;

	memset(o, 0, sizeof *o);
	if (a->npos > 0)
		return cli_usage("billing", _("unexpected argument '%s'"), a->pos[0]);
	if (!month)
		return cli_usage("billing", "%s", _("--month YYYY-MM is required (the month of the services)"));
	if (month_parse(month, &o->month, &e) != TSU_OK)
		return cli_usage("billing", _("--month: '%s' is not a month; write it as YYYY-MM, e.g. 2026-11"), month);
	o->format = cli_get(a, "format") ? cli_get(a, "format") : "text";
	if (strcmp(o->format, "text") != 0 && strcmp(o->format, "csv") != 0 && strcmp(o->format, "pdf") != 0)
		return cli_usage("billing", _("--format: '%s' is not one of text, pdf, csv"), o->format);
	o->initials = cli_has(a, "initials");
	o->no_bom = cli_has(a, "no-bom");
	o->output = cli_get(a, "output");
	if (cli_get(a, "print")) {
		int rc = cli_print_check("billing", cli_get(a, "print"));

		if (rc != EXIT_OK)
			return rc;
		if (o->output)
			return cli_usage("billing", _("--print sends to a printer; it cannot be combined with -o"));
		if (cli_get(a, "format") && strcmp(o->format, "pdf") != 0)
			return cli_usage("billing", _("--print sends the A4 PDF; leave out --format or give --format pdf"));
		o->format = "pdf";
		o->print = xstrdup(cli_get(a, "print"));
	}
	o->enc = ENC_UTF8;
	if (enc) {
		if (strcmp(enc, "utf-8") != 0 && strcmp(enc, "cp932") != 0)
			return cli_usage("billing", _("--encoding: '%s' is not one of utf-8, cp932"), enc);
		if (strcmp(o->format, "pdf") == 0)
			return cli_usage("billing", "%s", _("--encoding applies to text and CSV, not to PDF"));
		if (enc_from_name(enc, &o->enc, &e) != TSU_OK)
			return cli_usage("billing", "--encoding: %s", e.msg);
	}
	if (o->no_bom && (strcmp(o->format, "csv") != 0 || o->enc != ENC_UTF8))
		return cli_usage("billing", "%s", _("--no-bom applies to UTF-8 CSV only"));
	return EXIT_OK;
}

static int render(cli_ctx *ctx, const bill_opts *o, const bill_sheet *s)
{
	strbuf b;
	char *buf = NULL;
	size_t len = 0;
	tsu_err e;
	int rc;

	if (strcmp(o->format, "pdf") == 0) {
		if (bill_sheet_pdf(s, &buf, &len, &e) != TSU_OK)
			return cli_fail(EXIT_FAIL, "%s", e.msg);
		if (o->print) {
			int y, m;
			char *title;

			month_to_ym(o->month, &y, &m);
			title = xasprintf("tsunagi billing %04d-%02d", y, m);
			rc = cli_print_send(ctx, o->print, title, buf, len);
			free(title);
		} else {
			rc = cli_write_output(ctx, o->output, buf, len);
		}
		free(buf);
		return rc;
	}
	sb_init(&b);
	if (strcmp(o->format, "csv") == 0) {
		if (o->enc == ENC_UTF8 && !o->no_bom)
			sb_adds(&b, CSV_BOM);
		bill_sheet_csv(s, &b);
	} else {
		bill_sheet_text(s, &b);
	}
	if (o->enc != ENC_UTF8) {
		enc_fail fail;
		if (enc_convert(ENC_UTF8, o->enc, b.s, b.len, &buf, &len, &fail, &e) != TSU_OK) {
			sb_free(&b);
			return cli_fail(EXIT_FAIL, _("%s; use --encoding utf-8; nothing was written"), e.msg);
		}
		sb_free(&b);
	} else {
		len = b.len;
		buf = sb_steal(&b);
	}
	rc = cli_write_output(ctx, o->output, buf, len);
	free(buf);
	return rc;
}

int cmd_billing(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "month", "format", "encoding", "output", "print", NULL };
	static const char *const flags[] = { "initials", "no-bom", NULL };
	int ac;
	char **av = cli_spell_print(argc, argv, &ac);
	cli_args a;
	bill_opts o;
	bill_sheet s;
	config c;
	tsu_err e;
	db *d;
	int rc = cli_parse("billing", ac - 1, av + 1, valued, flags, &a);

	free(av);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	rc = parse_opts(&a, &o);
	cli_args_free(&a);
	if (rc != EXIT_OK) {
		free(o.print);
		return rc;
	}
	if (!(d = cli_db(ctx))) {
		free(o.print);
		return EXIT_FAIL;
	}
	cli_config_warnings(ctx);
	config_defaults(&c);
	config_load(&c, &e);
	if (bill_sheet_build(d, o.month, c.billing_category, c.billing_workers, o.initials, c.office,
			     cli_worker_name(ctx), ctx->today, &s, &e) != TSU_OK) {
		config_free(&c);
		free(o.print);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	rc = render(ctx, &o, &s);
	bill_sheet_free(&s);
	config_free(&c);
	free(o.print);
	return rc;
}
