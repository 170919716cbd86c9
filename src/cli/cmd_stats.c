/*
 * cmd_stats.c - `tsunagi stats [--month YYYY-MM] [--format text|tsv|pdf]
 * [--initials] [-o FILE | --print [PRINTER]]`: the caseload health figures of the twelve
 * months up to the month (stats.h), for the monthly team meeting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/cli_stats.h"
#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/stats_report.h"

static void usage(void)
{
	fputs(_(
"Usage: tsunagi stats [--month YYYY-MM] [--format text|tsv|pdf] [--initials]\n"
"                     [-o FILE | --print [PRINTER]]\n"
"\n"
"Caseload health for the twelve months up to the month (default: this month):\n"
"monitorings done in their due month, notes written late, the oldest events\n"
"with nothing written, GAS attainment and the case load.\n"
"  --month YYYY-MM   the last month shown (R8.11 works too)\n"
"  --format text     a report (default); tsv: stable columns (see tsunagi(1));\n"
"                    pdf: an A4 page with bar charts (use -o FILE)\n"
"  --initials        initials instead of names\n"
"  -o FILE           write there instead of standard output\n"
"  --print [PRINTER] send the A4 page to a CUPS printer: PRINTER, else the\n"
"                    config's printer, else CUPS's default; the job's title\n"
"                    is \"tsunagi stats YYYY-MM\".  Put it last, or --print=P\n"
"Settings: record_delay_days (default 3), billing.workers (default 1).\n"), stdout);
}

static int render(cli_ctx *ctx, const char *format, const char *output, const char *print,
		  const stats_doc *doc)
{
	strbuf out;
	char *pdf = NULL;
	size_t len = 0;
	tsu_err e;
	int rc;

	if (strcmp(format, "pdf") == 0) {
		if (stats_report_pdf(doc, &pdf, &len, &e) != TSU_OK)
			return cli_fail(EXIT_FAIL, "%s", e.msg);
		if (print) {
			int y, m;
			char *title;

			month_to_ym(doc->s->month, &y, &m);
			title = xasprintf("tsunagi stats %04d-%02d", y, m);
			rc = cli_print_send(ctx, print, title, pdf, len);
			free(title);
		} else {
			rc = cli_write_output(ctx, output, pdf, len);
		}
		free(pdf);
		return rc;
	}
	sb_init(&out);
	if (strcmp(format, "tsv") == 0)
		stats_report_tsv(doc, &out);
	else
		stats_report_text(doc, &out);
	rc = cli_write_output(ctx, output, out.s ? out.s : "", out.len);
	sb_free(&out);
	return rc;
}

int cmd_stats(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "month", "format", "output", "print", NULL };
	static const char *const flags[] = { "initials", NULL };
	int ac;
	char **av = cli_spell_print(argc, argv, &ac);
	const char *month_s, *format, *output, *print;
	month_t month = date_month(ctx->today);
	bool initials;
	cli_args a;
	config cfg;
	stats s;
	stats_doc doc;
	tsu_err e;
	db *d;
	int rc = cli_parse("stats", ac - 1, av + 1, valued, flags, &a);

	free(av);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	month_s = cli_get(&a, "month");
	format = cli_get(&a, "format") ? cli_get(&a, "format") : "text";
	output = cli_get(&a, "output");
	print = cli_get(&a, "print");
	initials = cli_has(&a, "initials");
	if (a.npos > 0)
		rc = cli_usage("stats", _("unexpected argument '%s'"), a.pos[0]);
	else if (strcmp(format, "text") != 0 && strcmp(format, "tsv") != 0 && strcmp(format, "pdf") != 0)
		rc = cli_usage("stats", _("--format: '%s' is not one of text, tsv, pdf"), format);
	else if (month_s && month_parse(month_s, &month, &e) != TSU_OK)
		rc = cli_usage("stats", "--month: %s", e.msg);
	else if (print && (rc = cli_print_check("stats", print)) != EXIT_OK)
		;
	else if (print && output)
		rc = cli_usage("stats", _("--print sends to a printer; it cannot be combined with -o"));
	else if (print && cli_get(&a, "format") && strcmp(format, "pdf") != 0)
		rc = cli_usage("stats", _("--print sends the A4 PDF; leave out --format or give --format pdf"));
	else if (output)
		rc = cli_check_output(ctx, "-o", output);
	if (print)
		format = "pdf";
	/* The values are used after a is freed: keep copies. */
	format = format ? xstrdup(format) : NULL;
	output = output ? xstrdup(output) : NULL;
	print = print ? xstrdup(print) : NULL;
	cli_args_free(&a);
	if (rc == EXIT_OK && !(d = cli_db(ctx)))
		rc = EXIT_FAIL;
	if (rc != EXIT_OK)
		goto out;

	cli_config_warnings(ctx);
	config_defaults(&cfg);
	config_load(&cfg, &e);   /* a missing or bad file leaves the defaults */
	if (stats_get(d, month, ctx->today, cfg.record_delay_days, cfg.billing_workers, &s, &e) != TSU_OK) {
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	} else {
		doc = (stats_doc){ &s, cfg.office, cli_worker_name(ctx), initials };
		rc = render(ctx, format, output, print, &doc);
		stats_free(&s);
	}
	config_free(&cfg);
out:
	free((char *)format);
	free((char *)output);
	free((char *)print);
	return rc;
}
