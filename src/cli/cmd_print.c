/*
 * cmd_print.c - `tsunagi print FORM CLIENT`: the assessment, the plan,
 * the weekly schedule, the monitoring report or the "before the meeting"
 * sheet, the progress record, a meeting's minutes or the case summary
 * (情報提供書), as an A4 PDF or as 80-column text for lp.  The whole output is
 * built in memory and only then written (-o FILE atomically, 0600).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/cli.h"
#include "tsunagi/cli_print.h"
#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_print.h"
#include "tsunagi/text.h"

static void usage(void)
{
	fputs(_(
"Usage: tsunagi print assessment|plan|weekly|monitoring|prep CLIENT [--id N]\n"
"                     [--format text|pdf] [--initials]\n"
"                     [-o FILE | --print [PRINTER]]\n"
"       tsunagi print record CLIENT [--from DATE] [--to DATE] [options]\n"
"       tsunagi print meeting CLIENT [--id N] [options]\n"
"       tsunagi print summary CLIENT --to WHOM [--yes] [options]\n"
"\n"
"Print a form of FORMS.md for CLIENT (an id or a recipient number):\n"
"  assessment  申請者の現状(基本情報) and the ICF items (A4 portrait)\n"
"  plan        サービス等利用計画 / 障害児支援利用計画 (A4 landscape)\n"
"  weekly      週間計画表 of the plan (A4 landscape)\n"
"  monitoring  モニタリング報告書 (A4 landscape)\n"
"  prep        the one-page sheet before the care-team meeting\n"
"  record      支援経過記録: the notes from --from (default: the first) to\n"
"              --to (default: the print date), oldest first, in pages n / m\n"
"  meeting     サービス担当者会議の要点 of meeting --id N (default: the\n"
"              latest held, else the next planned)\n"
"  summary     情報提供書 / フェイスシート for the party --to WHOM names.  A\n"
"              consent in force that names the party must cover it, or\n"
"              the print is refused unless --yes (or --anyway) is given;\n"
"              every summary printed is recorded as a disclosure\n"
"  --id N           that record instead of the latest (for prep: a meeting)\n"
"  --format text|pdf  80-column text (default) for a terminal or lp, or PDF\n"
"  --initials       initials from the kana (Y.T.) instead of names; the\n"
"                   assessment leaves out the address and phone too\n"
"  -o FILE          write to FILE (mode 0600) instead of standard output\n"
"  -o DIR           write into that directory under the form's own name,\n"
"                   printed: plan-draft-C-N.pdf for a draft plan (計画案),\n"
"                   plan-final-C-N.pdf for the final one (計画), weekly-...\n"
"                   the same; monitoring-C-N.pdf, assessment-C-N.pdf ...\n"
"  --print [PRINTER]  send the A4 PDF to a CUPS printer: PRINTER, else the\n"
"                   config's printer, else CUPS's default; the job's title\n"
"                   is the file name above (\"tsunagi plan-final-3-12\"),\n"
"                   without names.  Put it last, or write --print=PRINTER\n"
"A draft plan prints as サービス等利用計画（案）, the final one without （案）;\n"
"the title follows the services (障害児支援利用計画 for a child's day services,\n"
"both names when the plan has both kinds).  --id N reprints any version.\n"), stdout);
}

static int parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	*id = 0;
	if (!s)
		return EXIT_OK;
	v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0) {
		char *shown = text_sanitize(s, false);
		int rc = cli_usage("print", _("--id: '%s' is not a record number"), shown);
		free(shown);
		return rc;
	}
	*id = v;
	return EXIT_OK;
}

/* --from/--to of a record, --to WHOM of a summary; refused elsewhere. */
static int period_and_party(const cli_args *a, int kind, print_opts *o)
{
	const char *from = cli_get(a, "from"), *to = cli_get(a, "to");

	o->from = o->to = DATE_NONE;
	if (kind == PRINT_SUMMARY) {
		if (from)
			return cli_usage("print", _("--from is for the record; a summary takes --to WHOM"));
		if (!to || !*to)
			return cli_usage("print", _("a summary needs --to WHOM: the party it is for, like --to ○○病院"));
		o->party = to;
		return EXIT_OK;
	}
	if (kind != PRINT_RECORD && (from || to))
		return cli_usage("print", _("--from and --to are for the record (and --to WHOM for the summary)"));
	if (from && cli_date_arg("--from", from, &o->from) != EXIT_OK)
		return EXIT_USAGE;
	if (to && cli_date_arg("--to", to, &o->to) != EXIT_OK)
		return EXIT_USAGE;
	if (o->from != DATE_NONE && o->to != DATE_NONE && o->from > o->to)
		return cli_usage("print", _("--from is after --to; give the period's first day first"));
	return EXIT_OK;
}

/* A summary: the consent check (refused without one unless --yes), then
 * the disclosure recorded before the document leaves. */
static int disclose(cli_ctx *ctx, db *d, const cli_args *a, int64_t client_id, const print_opts *o)
{
	int64_t consent_id, id;
	char iso[DATE_ISO_LEN];
	tsu_err e;

	if (print_summary_consent(d, client_id, o->party, o->today, &consent_id, NULL, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	if (!consent_id && !cli_has(a, "yes") && !cli_has(a, "anyway")) {
		char *shown = text_sanitize(o->party, false);
		date_format_iso(o->today, iso);
		cli_fail(EXIT_FAIL, _("no consent in force on %s names '%s'; check the client's consents, or add --yes to print it anyway (the disclosure is recorded)"),
			 iso, shown);
		free(shown);
		return EXIT_FAIL;
	}
	if (store_disclosure_add(d, client_id, o->party, STORE_DISCLOSURE_SUMMARY, o->today, consent_id, &id, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	return EXIT_OK;
}

static int run(cli_ctx *ctx, const cli_args *a)
{
	const char *format = cli_get(a, "format") ? cli_get(a, "format") : "text";
	const char *output = cli_get(a, "output"), *printer = cli_get(a, "print");
	print_opts o = { .today = ctx->today, .initials = cli_has(a, "initials") };
	int64_t client_id, id;
	pform *f = NULL;
	char *buf = NULL, *in_dir = NULL, *title, *title_full = NULL;
	size_t len = 0;
	struct stat st;
	config cfg;
	tsu_err e;
	int kind, rc;
	db *d;

	if (a->npos != 2)
		return cli_usage("print", a->npos < 2 ? _("give the form and the client, like 'print plan 12'")
					      : _("unexpected argument '%s'"), a->npos < 2 ? "" : a->pos[2]);
	if ((kind = print_kind_from_name(a->pos[0])) < 0) {
		char *shown = text_sanitize(a->pos[0], false);
		rc = cli_usage("print", _("unknown form '%s' (forms: assessment, plan, weekly, monitoring, prep, record, meeting, summary)"), shown);
		free(shown);
		return rc;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "pdf") != 0)
		return cli_usage("print", _("--format: '%s' is not one of text, pdf"), format);
	if (parse_id(cli_get(a, "id"), &id) != EXIT_OK)
		return EXIT_USAGE;
	if (id && (kind == PRINT_RECORD || kind == PRINT_SUMMARY))
		return cli_usage("print", _("--id is not for the %s; it prints the client's own records"), a->pos[0]);
	if (period_and_party(a, kind, &o) != EXIT_OK)
		return EXIT_USAGE;
	if (printer) {
		if ((rc = cli_print_check("print", printer)) != EXIT_OK)
			return rc;
		if (output)
			return cli_usage("print", _("--print sends to a printer; it cannot be combined with -o"));
		if (cli_get(a, "format") && strcmp(format, "pdf") != 0)
			return cli_usage("print", _("--print sends the A4 PDF; leave out --format or give --format pdf"));
		format = "pdf";
	} else if (strcmp(format, "pdf") == 0 && (!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO))
		return cli_usage("print", _("a PDF is not for the terminal; give -o FILE or pipe it (| lp)"));
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_client_resolve(d, a->pos[1], &client_id, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);

	config_defaults(&cfg);
	config_load(&cfg, &e);   /* a missing or bad file leaves the defaults */
	o.office = cfg.office;
	o.worker = cli_worker_name(ctx);
	rc = print_build(d, (print_kind)kind, client_id, id, &o, &f, &e);
	if (rc == TSU_OK) {
		if (strcmp(format, "pdf") == 0)
			rc = pform_render_pdf(f, &buf, &len, &e);
		else
			buf = pform_render_text(f, &len);
	}
	/* The document is made: the disclosure is recorded (or refused)
	 * before any byte of it leaves. */
	if (rc == TSU_OK && kind == PRINT_SUMMARY && disclose(ctx, d, a, client_id, &o) != EXIT_OK) {
		free(buf);
		pform_free(f);
		config_free(&cfg);
		return EXIT_FAIL;
	}
	/* -o DIR: the file gets the form's own name (the 計画案 and the
	 * 計画 apart), said on standard output. */
	if (rc == TSU_OK && output && stat(output, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *name = print_file_name(f, (print_kind)kind, client_id, id);
		size_t nl = strlen(name);
		if (strcmp(format, "text") == 0 && nl > 4)
			strcpy(name + nl - 4, ".txt");
		in_dir = xasprintf("%s%s%s", output, output[strlen(output) - 1] == '/' ? "" : "/", name);
		free(name);
		output = in_dir;
	}
	/* The job's title: the file name without ".pdf", ids only. */
	if (rc == TSU_OK && printer) {
		title = print_file_name(f, (print_kind)kind, client_id, id);
		title[strlen(title) - 4] = '\0';
		title_full = xasprintf("tsunagi %s", title);
		free(title);
	}
	pform_free(f);
	config_free(&cfg);
	if (rc != TSU_OK) {
		free(in_dir);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	if (printer) {
		rc = cli_print_send(ctx, printer, title_full, buf, len);
		free(title_full);
		free(buf);
		return rc;
	}
	rc = cli_write_output(ctx, output, buf, len);
	if (rc == EXIT_OK && in_dir)
		printf("%s\n", in_dir);
	free(in_dir);
	free(buf);
	return rc;
}

int cmd_print(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "id", "format", "output", "print", "from", "to", NULL };
	static const char *const flags[] = { "initials", "yes", "anyway", NULL };
	int n;
	char **v = cli_spell_print(argc - 1, argv + 1, &n);
	cli_args a;
	int rc;

	rc = cli_parse("print", n, v, valued, flags, &a);
	free(v);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	rc = run(ctx, &a);
	cli_args_free(&a);
	return rc;
}
