/*
 * cmd_due.c - `tsunagi due`: the due list for a week (or any window) as
 * text, CSV or PDF.  The whole output is built in memory, converted to
 * the chosen encoding and only then written, so a character the encoding
 * lacks stops it with nothing half-written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/csv.h"
#include "tsunagi/due_report.h"
#include "tsunagi/due_items.h"
#include "tsunagi/encoding.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"

/* How far back overdue items are looked for: about a quarter.  A missed
 * monitoring month cannot be made good later, so older ones are history
 * rather than tasks, and the list stays fast in a large office. */

static void usage(void)
{
	fputs(_(
"Usage: tsunagi due [--week this|next|DATE] [--from DATE --days N] [--overdue]\n"
"                   [--kind K,...] [--format text|pdf|csv]\n"
"                   [--encoding utf-8|cp932|euc-jp] [--initials]\n"
"                   [-o FILE | --print [PRINTER]]\n"
"\n"
"The due sheet: overdue items, the open monitorings of the months the week\n"
"touches (a monitoring is due any day of its month; the visit's day when one\n"
"is scheduled), then each day of the week (Monday to Sunday).  \"in N days\"\n"
"counts from the sheet's first day, not from the day it is printed.\n"
"  --week this|next|DATE  the week of today (default), next week, or the\n"
"                         week that holds DATE\n"
"  --from DATE --days N   N days from DATE instead of a week\n"
"  --overdue              only the overdue items\n"
"  --kind K,...           only these kinds: monitoring, certificate, plan,\n"
"                         consent, action, transition, billing, mismatch, next\n"
"  --format text|pdf|csv  text (default) for a terminal or lp, an A4 PDF,\n"
"                         or CSV (due_on,state,kind,client_id,client_name,detail,\n"
"                         section: overdue, monitoring or day)\n"
"  --encoding E           text and CSV: utf-8 (default; CSV with a BOM),\n"
"                         cp932 for Excel, or euc-jp\n"
"  --initials             initials from the kana (Y.T.) instead of names\n"
"  -o FILE                write to FILE instead of standard output\n"
"  --print [PRINTER]      send the A4 PDF to a CUPS printer: PRINTER, else the\n"
"                         config's printer, else CUPS's default; the job's\n"
"                         title is \"tsunagi due MONDAY\", without names\n"), stdout);
}

typedef struct due_opts {
	date_t from, to;
	bool overdue_only, initials;
	unsigned kinds;
	const char *format, *output;
	const char *print;      /* --print's printer ("" default); NULL: not printing */
	enum enc enc;
	bool enc_given;
} due_opts;

static int parse_window(cli_ctx *ctx, const cli_args *a, due_opts *o)
{
	const char *week = cli_get(a, "week"), *from = cli_get(a, "from"), *days = cli_get(a, "days");
	date_t day = ctx->today;

	if (week && (from || days))
		return cli_usage("due", _("--week cannot be combined with --from or --days"));
	if (from || days) {
		long n = 7;
		char *end;

		o->from = ctx->today;
		if (from && cli_date_arg("--from", from, &o->from) != EXIT_OK)
			return EXIT_USAGE;
		if (days) {
			n = strtol(days, &end, 10);
			if (*days == '\0' || *end || n < 1 || n > 366)
				return cli_usage("due", _("--days: '%s' is not a number of days from 1 to 366"), days);
		}
		o->to = o->from + (date_t)n - 1;
		return EXIT_OK;
	}
	if (week && strcmp(week, "next") == 0)
		day = ctx->today + 7;
	else if (week && strcmp(week, "this") != 0 && cli_date_arg("--week", week, &day) != EXIT_OK)
		return EXIT_USAGE;
	o->from = date_week_start(day);
	o->to = o->from + 6;
	return EXIT_OK;
}

static int parse_opts(cli_ctx *ctx, const cli_args *a, due_opts *o)
{
	const char *enc = cli_get(a, "encoding");
	tsu_err e;
	int rc;

	memset(o, 0, sizeof *o);
	if (a->npos > 0)
		return cli_usage("due", _("unexpected argument '%s'"), a->pos[0]);
	if ((rc = parse_window(ctx, a, o)) != EXIT_OK)
		return rc;
	o->overdue_only = cli_has(a, "overdue");
	o->initials = cli_has(a, "initials");
	o->output = cli_get(a, "output");
	o->print = cli_get(a, "print");
	o->format = cli_get(a, "format") ? cli_get(a, "format") : "text";
	if (o->print) {
		if ((rc = cli_print_check("due", o->print)) != EXIT_OK)
			return rc;
		if (o->output)
			return cli_usage("due", _("--print sends to a printer; it cannot be combined with -o"));
		if (cli_get(a, "format") && strcmp(o->format, "pdf") != 0)
			return cli_usage("due", _("--print sends the A4 PDF; leave out --format or give --format pdf"));
		o->format = "pdf";
	}
	if (strcmp(o->format, "text") != 0 && strcmp(o->format, "csv") != 0 && strcmp(o->format, "pdf") != 0)
		return cli_usage("due", _("--format: '%s' is not one of text, pdf, csv"), o->format);
	if (cli_get(a, "kind") && (rc = cli_due_kinds("due", cli_get(a, "kind"), &o->kinds)) != EXIT_OK)
		return rc;
	o->enc = ENC_UTF8;
	if (enc) {
		if (enc_from_name(enc, &o->enc, &e) != TSU_OK)
			return cli_usage("due", "--encoding: %s", e.msg);
		if (strcmp(o->format, "pdf") == 0)
			return cli_usage("due", _("--encoding applies to text and CSV, not to PDF"));
		o->enc_given = true;
	}
	return EXIT_OK;
}

/* Convert doc to the encoding; on a missing character, name the client.
 * UTF-8 without a BOM takes doc's own text (no copy of a list's
 * hundreds of kilobytes). */
static int encode(due_doc *doc, const due_names *names, enum enc enc, bool bom,
		  char **buf, size_t *len)
{
	enc_fail fail;
	tsu_err e;
	const due_span *sp;
	const due_name *nm;

	if (enc == ENC_UTF8 && !bom) {
		*len = doc->text.len;
		*buf = sb_steal(&doc->text);
		return EXIT_OK;
	}
	if (enc == ENC_UTF8) {
		strbuf b;

		sb_init(&b);
		if (bom)
			sb_adds(&b, CSV_BOM);
		sb_addn(&b, doc->text.s, doc->text.len);
		*len = b.len;
		*buf = sb_steal(&b);
		return EXIT_OK;
	}
	if (enc_convert(ENC_UTF8, enc, doc->text.s, doc->text.len, buf, len, &fail, &e) == TSU_OK)
		return EXIT_OK;
	sp = due_doc_span_at(doc, fail.byte_offset);
	nm = sp && sp->client_id ? due_names_find(names, sp->client_id) : NULL;
	if (nm && fail.cp >= 0) {
		char ch[8] = "", *who = text_sanitize(nm->name, false);
		int rc;

		ch[text_encode(fail.cp, ch)] = '\0';
		rc = cli_fail(EXIT_FAIL, _("client %s (id %lld): the character '%s' (U+%04X) cannot be written in %s; use --encoding utf-8, or change the record; nothing was written"),
			      who, (long long)nm->id, ch, (unsigned)fail.cp, enc_name(enc));
		free(who);
		return rc;
	}
	return cli_fail(EXIT_FAIL, _("%s; use --encoding utf-8; nothing was written"), e.msg);
}

static int render(cli_ctx *ctx, const due_opts *o, const due_report *r)
{
	due_doc doc;
	char *buf = NULL;
	size_t len = 0;
	tsu_err e;
	int rc;

	if (strcmp(o->format, "pdf") == 0) {
		if (due_report_pdf(r, &buf, &len, &e) != TSU_OK)
			return cli_fail(EXIT_FAIL, "%s", e.msg);
		if (o->print) {
			char iso[DATE_ISO_LEN], *title;

			date_format_iso(o->from, iso);
			title = xasprintf("tsunagi due %s", iso);
			rc = cli_print_send(ctx, o->print, title, buf, len);
			free(title);
		} else {
			rc = cli_write_output(ctx, o->output, buf, len);
		}
		free(buf);
		return rc;
	}
	if (strcmp(o->format, "csv") == 0)
		due_report_csv(r, &doc);
	else
		due_report_text(r, &doc);
	rc = encode(&doc, r->names, o->enc, strcmp(o->format, "csv") == 0, &buf, &len);
	due_doc_free(&doc);
	if (rc == EXIT_OK)
		rc = cli_write_output(ctx, o->output, buf, len);
	free(buf);
	return rc;
}

int cmd_due(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "week", "from", "days", "kind", "format", "encoding", "output",
					      "print", NULL };
	static const char *const flags[] = { "overdue", "initials", NULL };
	int ac;
	char **av = cli_spell_print(argc, argv, &ac);
	cli_args a;
	due_opts o;
	due_sheet sheet;
	tsu_err e;
	db *d;
	int rc = cli_parse("due", ac - 1, av + 1, valued, flags, &a);

	free(av);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	rc = parse_opts(ctx, &a, &o);
	cli_args_free(&a);
	if (rc != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;

	cli_config_warnings(ctx);
	if (due_sheet_build(d, ctx->today, o.from, o.to, o.kinds, o.overdue_only, o.initials,
			    cli_worker_name(ctx), &sheet, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	rc = render(ctx, &o, &sheet.r);
	due_sheet_free(&sheet);
	return rc;
}
