/*
 * main.c - tsunagi's entry point: locale, global options, and the table
 * of commands.  With no command it opens the full-screen UI.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "tsunagi/cli.h"
#include "tsunagi/cli_data.h"
#include "tsunagi/cli_print.h"
#include "tsunagi/cli_stats.h"
#include "tsunagi/config.h"
#include "tsunagi/due.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/tmpguard.h"
#include "tsunagi/ui.h"
#include "tsunagi/xalloc.h"

/* The help in sections, so a new command changes only its section's
 * translation. */
static const char *const help_sections[] = {
	N_(
"Usage: tsunagi [--db FILE] [--today DATE] [COMMAND ...]\n"
"\n"
"A case-load manager for consultation support specialists (相談支援専門員).\n"
"With no command, tsunagi opens the full-screen UI; press ? there for keys.\n"
"\n"
"Global options:\n"
"  --db FILE        the database (default: $TSUNAGI_DB, else\n"
"                   $XDG_DATA_HOME/tsunagi/tsunagi.db); never empty\n"
"  --today DATE     act as if today were DATE (also $TSUNAGI_TODAY),\n"
"                   2000-01-01 to 2098-12-31\n"
"  -h, --help       this help;  -V, --version  the version\n"),
	N_(
"Clients:\n"
"  client add --name NAME --kana KANA --birth DATE [--kind plan|child|\n"
"             transition|retention] [--recipient-no N] [--municipality M]\n"
"             [--sex S] [--address A] [--phone P]\n"
"  client list [--all|--closed] [--kind K] [--search TEXT] [--format text|tsv]\n"
"  client show CLIENT\n"
"  client edit CLIENT --FIELD VALUE ...   (fields as for add, and more:\n"
"             see 'tsunagi client edit --help')\n"
"  client close CLIENT [--on DATE] [--reason R] [--summary T]\n"
"  client delete CLIENT --yes\n"),
	N_(
"Records of a client (CLIENT is an id or a recipient number):\n"
"  cert add CLIENT --kind service|day_service|community|support_level\n"
"             --from DATE --to DATE [--number N] [--municipality M]\n"
"  consent add CLIENT --with WHOM --purpose TEXT --from DATE --to DATE\n"
"  plan add CLIENT --from DATE --to DATE --monitoring-months 1-12\n"
"             [--final --consented DATE] [--written DATE] [--anchor YYYY-MM]\n"
"             [--cert-months-from YYYY-MM --cert-months-to YYYY-MM]\n"
"  monitoring add CLIENT --on DATE [--method visit|office|other]\n"
"  not-done add CLIENT --month YYYY-MM\n"
"             --reason hospital|postponed|unreachable|other [--text TEXT]\n"
"  note add CLIENT --on DATE --kind meeting|visit|phone|conference|accompany\n"
"             --text TEXT [--at TIME] [--minutes N] [--with WHOM]\n"
"             [--next-step T [--next-on DATE]]\n"
"  note done NOTE [--on DATE]   (the note's next step leaves the alarms)\n"),
	N_(
"Contacts (家族・関係者; a child's guardian or family contact is printed as\n"
"保護者氏名):\n"
"  contact add CLIENT --name NAME [--role family|guardian|doctor|provider|school|\n"
"             municipality|other] [--kana K] [--relation R] [--phone P]\n"),
	N_(
"Plan versions (PLAN is an id from 'plan list CLIENT'; a consented plan is\n"
"read-only, a change is a new version):\n"
"  plan edit PLAN [--policy T ...]        a draft's fields\n"
"  plan row add PLAN --need T --goal T [--provider T ...];  plan row edit ROW\n"
"  plan revise PLAN [--written DATE]      a new version (変更), as a draft\n"
"  plan final PLAN --consented DATE [--anyway]   refuses what lacks a provider,\n"
"                                          goals ... unless --anyway\n"
"  print plan CLIENT [--id N] -o DIR      plan-draft-C-N.pdf (計画案) or\n"
"                                          plan-final-C-N.pdf (計画)\n"),
	N_(
"Provider register (事業所; a plan row links to one and the plan prints\n"
"its name, contact person and phone as they are now):\n"
"  provider add --name NAME [--kinds T] [--person NAME] [--phone P]\n"
"             [--address A];  provider list;  provider edit ID [--phone P ...]\n"
"  provider delete ID --yes   refused while a plan row links to it\n"
"  plan row add|edit ... --provider-id ID   link the row to the provider\n"),
	N_(
"Due items and calendar:\n"
"  alarms [--format text|tsv|csv] [--kind K,...] [--initials]\n"
"      the alarm list: what is overdue, this week, this month's monitorings\n"
"      and coming up (lead times: lead.NAME in the config, see tsunagi(1))\n"
"  due [--week this|next|DATE] [--from DATE --days N] [--overdue]\n"
"      [--kind K,...] [--format text|pdf|csv] [--encoding utf-8|cp932|euc-jp]\n"
"      [--initials] [-o FILE | --print [PRINTER]]   the weekly sheet, the\n"
"      month's open monitorings in their own section, days counted from its\n"
"      first day\n"
"  calendar [--month YYYY-MM] [--format text|tsv]\n"
"  billing --month YYYY-MM [--format text|pdf|csv] [--encoding utf-8|cp932]\n"
"      [--no-bom] [--initials] [-o FILE | --print [PRINTER]]   the month's\n"
"      billing worksheet: billable items, 加算 candidates, problems (to check\n"
"      against; not the 国保連 file)\n"
"  export ical [--initials] [-o FILE]\n"
"  print assessment|plan|weekly|monitoring|prep CLIENT [--id N]\n"
"        [--format text|pdf] [--initials] [-o FILE]   the forms, A4 or text\n"
"  --print [PRINTER]   on due, print, billing and stats: the A4 PDF to a CUPS\n"
"        printer (lp): PRINTER, else the config's printer, else CUPS's\n"
"        default; the job's title has no names (\"tsunagi due 2026-11-23\")\n"),
	N_(
"Printouts for an inspection or a hospital (same options as the forms):\n"
"  print record CLIENT [--from DATE] [--to DATE]   支援経過記録, pages n / m\n"
"  print meeting CLIENT [--id N]                   サービス担当者会議の要点\n"
"  print summary CLIENT --to WHOM [--yes]          情報提供書: needs a consent\n"
"        in force naming WHOM, or --yes; every one printed is recorded\n"),
	N_(
"Caseload health:\n"
"  stats [--month YYYY-MM] [--format text|tsv|pdf] [--initials]\n"
"        [-o FILE | --print [PRINTER]]\n"
"      the twelve months up to the month: monitorings done in their due\n"
"      month, notes written late (record_delay_days), unwritten events,\n"
"      GAS attainment, the case load per worker (billing.workers)\n"),
	N_(
"Import, export and backup:\n"
"  import clients FILE [--encoding auto|utf-8|cp932] [--dry-run] [--skip-bad]\n"
"  import all FILE.json   load 'export all' into an empty database\n"
"  export clients|notes|plans|all [--format csv|json]\n"
"         [--encoding utf-8|cp932] [--no-bom] [-o FILE]\n"
"  backup FILE            a whole 0600 copy, also while others write\n"
"  restore FILE           replace the database; the old one is kept beside it\n"),
	N_(
"Database:\n"
"  demo [--clients N]   fill the database with a realistic demo case load\n"
"  check                integrity, schema version and file modes\n"),
	N_(
"Settings ($XDG_CONFIG_HOME/tsunagi/config, else ~/.config/tsunagi/config):\n"
"  office, worker (the names on printouts), printer (CUPS queue; empty: the\n"
"  default), idle_minutes, lead.NAME, bind.ACTION,\n"
"  billing.category (none, 1-4: 機能強化型), billing.workers (相談支援専門員, 1.5),\n"
"  record_delay_days (a note later than this is late in stats, default 3);\n"
"  S in the UI edits them.  The UI's first start asks the office and worker\n"
"  once (Esc skips and writes them empty).\n"),
	N_(
"Note phrases (定型文): phrase.KIND = TEXT in the settings, KIND one of meeting,\n"
"  visit, phone, conference, accompany or any; F3 in a note's text inserts one.\n"),
	N_(
"Dates may be written 2025-04-01, 2025/4/1, 令和7年4月1日 or R7.4.1.\n"
"A free-text value may be - (standard input) or @FILE, to keep personal text\n"
"off the command line; @@ starts a literal @.\n"
"Exit status: 0 done, 1 failure (the message says why), 2 bad usage;\n"
"a change that was saved exits 0 even if its confirmation cannot be printed.\n"
"See tsunagi(1) for more.\n"),
};

static void no_core_files(void)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

static void print_help(void)
{
	for (size_t i = 0; i < sizeof help_sections / sizeof help_sections[0]; i++) {
		if (i)
			putchar('\n');
		fputs(_(help_sections[i]), stdout);
	}
}

static const struct command {
	const char *name;
	int (*fn)(cli_ctx *, int, char **);
} commands[] = {
	{ "client", cmd_client },
	{ "cert", cmd_cert },
	{ "consent", cmd_consent },
	{ "contact", cmd_contact },
	{ "plan", cmd_plan },
	{ "monitoring", cmd_monitoring },
	{ "note", cmd_note },
	{ "not-done", cmd_not_done },
	{ "provider", cmd_provider },
	{ "due", cmd_due },
	{ "alarms", cmd_alarms },
	{ "calendar", cmd_calendar },
	{ "billing", cmd_billing },
	{ "stats", cmd_stats },
	{ "print", cmd_print },
	{ "export", cmd_export },
	{ "import", cmd_import },
	{ "backup", cmd_backup },
	{ "restore", cmd_restore },
	{ "demo", cmd_demo },
	{ "check", cmd_check },
};

/* The UI's way to the database and the day's check (ui.h). */
static db *host_db(void *arg)
{
	return cli_db(arg);
}

static pid_t host_check(void *arg)
{
	return cli_check_start(arg, false);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	cli_ctx ctx = { .prog = "tsunagi" };
	const char *db_opt = NULL, *today_opt = NULL;
	char *db_path;
	tsu_err e;
	int c, rc;
	bool check_due = false;

	/* Everything tsunagi writes (database, drafts, exports, PDFs) is
	 * private: files 0600 and directories 0700 whatever the umask. */
	umask(077);
	/* A core file would hold whatever personal text is in memory. */
	no_core_files();
	setlocale(LC_ALL, "");
	i18n_init();

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db_opt = optarg; break;
		case 't': today_opt = optarg; break;
		case 'h': print_help(); return EXIT_OK;
		case 'V': printf("tsunagi %s\n", TSUNAGI_VERSION); return EXIT_OK;
		case ':':
			return cli_fail(EXIT_USAGE, _("%s needs a value; see 'tsunagi --help'"), argv[optind - 1]);
		default:
			return cli_fail(EXIT_USAGE, _("unknown option '%s'; see 'tsunagi --help'"), argv[optind - 1]);
		}
	}

	if (today_opt) {
		if (cli_date_arg("--today", today_opt, &ctx.today) != EXIT_OK)
			return EXIT_USAGE;
		if (date_check_today("--today", ctx.today, &e) != TSU_OK)
			return cli_fail(EXIT_USAGE, "%s", e.msg);
		/* The store dates a new note's writing by date_today()
		 * (note.written_on): --today must reach it too. */
		char iso[16];
		date_format_iso(ctx.today, iso);
		setenv("TSUNAGI_TODAY", iso, 1);
	} else if (date_today(&ctx.today, &e) != TSU_OK) {
		return cli_fail(EXIT_USAGE, "%s", e.msg);
	}
	db_path = store_db_path(db_opt, &e);
	if (!db_path)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx.db_path = db_path;
	/* Copies left by a kill -9 may keep deleted clients; check only
	 * reports them. */
	if (optind >= argc || strcmp(argv[optind], "check") != 0)
		tmp_clean_stale(db_path);

	/* Lead times from the config file, for every command and the UI;
	 * a bad line keeps the default (the UI and the due commands say
	 * which line). */
	{
		config cfg;

		config_defaults(&cfg);
		if (config_load(&cfg, &e) == TSU_OK)
			due_leads_set(&cfg.leads);
		ctx.config_warnings = cfg.warnings;
		cfg.warnings = NULL;
		config_free(&cfg);
	}

	if (optind >= argc) {
		ui_host host = { ctx.today, &ctx, host_db, host_check };

		rc = ui_run(&host);
	} else {
		const char *name = argv[optind];
		const struct command *cmd = NULL;
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(commands[i].name, name) == 0)
				cmd = &commands[i];
		if (!cmd)
			rc = cli_fail(EXIT_USAGE, _("unknown command '%s'; see 'tsunagi --help'"), name);
		else
			rc = cmd->fn(&ctx, argc - optind, argv + optind);
	}
	if (ctx.db) {
		check_due = db_check_due(ctx.db);
		db_close(ctx.db);
	}
	free(ctx.config_warnings);
	/* The exit status reports the change: once it is committed, a
	 * confirmation that cannot be written is only a warning, so that a
	 * script that retries on failure does not make the change twice. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (ctx.committed && rc == EXIT_OK) {
			fprintf(stderr, "tsunagi: %s\n", _("warning: the change was saved, but its confirmation could not be written (disk full or closed pipe?)"));
			rc = EXIT_OK;
		} else {
			fprintf(stderr, "tsunagi: %s\n", _("could not write the output (disk full or closed pipe?)"));
			rc = EXIT_FAIL;
		}
	}
	/* The day's integrity check, after the output and detached: the
	 * command ends now and the check finishes on its own (tsunagi(1),
	 * THE DAY'S CHECK).  The UI starts its own after its first frame;
	 * `check` has just run the whole check itself and only reads, so it
	 * starts none (one it started would write into the file it was
	 * asked to look at). */
	if (check_due && optind < argc && strcmp(argv[optind], "check") != 0)
		cli_check_start(&ctx, true);
	free(db_path);
	return rc;
}
