/*
 * cmd_record.c - `tsunagi contact|cert|consent|plan|monitoring|not-done|note add|list
 * CLIENT ...`: a client's records from the command line, so offices can
 * script migrations and tests can set up cases.  Options map to the
 * described fields of records.h; parsing and validation are the record
 * layer's, so the command line accepts exactly what the forms accept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/due_source.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

typedef struct opt_map {
	const char *opt;   /* without "--" */
	const char *col;   /* field of the record */
} opt_map;

typedef struct record_cmd {
	const char *name;               /* "cert" */
	const record_type *rt;
	const opt_map *map;             /* NULL-terminated */
	const char *const *required;    /* options that must be given */
	const char *const *flags;       /* options without a value */
	const char *usage;
	/* Before validation: the command's own defaults and flags. */
	int (*prepare)(cli_ctx *ctx, db *d, void *rec, const cli_args *a);
	/* Store it (default: store_record_add). */
	int (*add)(db *d, void *rec, tsu_err *e);
} record_cmd;

static int plan_prepare(cli_ctx *ctx, db *d, void *rec, const cli_args *a)
{
	plan *p = rec;

	if (cli_has(a, "final")) {
		free(p->stage);
		p->stage = xstrdup("final");
		if (p->consented_on == DATE_NONE)
			return cli_usage("plan add", _("--final needs --consented DATE (the day the client agreed)"));
	}
	if (p->written_on == DATE_NONE)
		p->written_on = ctx->today;
	return EXIT_OK;
}

static void month_str(month_t mo, char *buf, size_t n)
{
	int y, m;

	month_to_ym(mo, &y, &m);
	snprintf(buf, n, "%04d-%02d", y, m);
}

/* "2025-12, 2026-03, 2026-06" (at most the first 24). */
static char *months_text(const due_plan *p)
{
	month_t v[24];
	size_t n = monitoring_due_months(p, p->anchor, date_month(p->period_to), v, 24);
	strbuf b;

	sb_init(&b);
	for (size_t i = 0; i < n && i < 24; i++) {
		int y, m;
		month_to_ym(v[i], &y, &m);
		sb_addf(&b, "%s%04d-%02d", i ? ", " : "", y, m);
	}
	return b.s ? sb_steal(&b) : xstrdup("");
}

static int plan_add(db *d, void *rec, tsu_err *e)
{
	plan *p = rec;
	int rc = store_plan_add(d, rec, e);
	due_plan dp = { p->id, p->client_id, DUE_STAGE_DRAFT, p->period_from, p->period_to,
			p->anchor_month, p->monitoring_months, NULL, 0,
			p->monitoring_range_from, p->monitoring_range_to };

	/* Saved either way: the certificate is what it is; say where the
	 * two disagree so the worker can ask the municipality. */
	if (rc == TSU_OK && p->monitoring_range_from >= 0 &&
	    !monitoring_range_agrees(&dp, dp.range_from, dp.range_to,
				     monitoring_interval_at(&dp, dp.range_from))) {
		char *months = months_text(&dp);
		char a[16], z[16];
		month_str(p->monitoring_range_from, a, sizeof a);
		month_str(p->monitoring_range_to, z, sizeof z);
		cli_message(_("note: the certificate's monitoring months (every %d months, %s to %s) differ from the months the end-month rule gives: %s"),
			    p->monitoring_months, a, z, months);
		free(months);
	}
	return rc;
}

/* A month not done must be a monitoring month of the plan in force. */
static int skip_prepare(cli_ctx *ctx, db *d, void *rec, const cli_args *a)
{
	monitoring_skip *k = rec;
	due_source src;
	plan p;
	tsu_err e;
	int status = EXIT_OK;
	char mon[16];

	month_str(k->month, mon, sizeof mon);
	if (store_plan_in_force(d, k->client_id, &p, &e) != TSU_OK) {
		record_free(&rt_plan, &p);
		return cli_fail(EXIT_FAIL, _("%s; a month not done belongs to a plan's monitoring months"), e.msg);
	}
	k->plan_id = p.id;
	record_free(&rt_plan, &p);
	if (due_source_load_client(d, k->client_id, &src, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	for (size_t i = 0; i < src.in.nplans; i++) {
		const due_plan *dp = &src.in.plans[i];
		if (dp->id != k->plan_id || monitoring_is_due_month(dp, k->month))
			continue;
		char *months = months_text(dp);
		status = cli_fail(EXIT_USAGE, _("%s is not a monitoring month of the plan in force (its months: %s); give one of those"),
				  mon, months);
		free(months);
	}
	due_source_free(&src);
	return status;
}

static int monitoring_prepare(cli_ctx *ctx, db *d, void *rec, const cli_args *a)
{
	monitoring *m = rec;
	plan p;

	if (m->done_on == DATE_NONE && m->scheduled_on == DATE_NONE)
		return cli_usage("monitoring add", _("give --on DATE (done) or --scheduled DATE"));
	if (store_plan_in_force(d, m->client_id, &p, NULL) == TSU_OK)
		m->plan_id = p.id;
	record_free(&rt_plan, &p);
	return EXIT_OK;
}

static int note_prepare(cli_ctx *ctx, db *d, void *rec, const cli_args *a)
{
	note *n = rec;

	if (!n->fact[0] && !n->subjective[0] && !n->objective[0] && !n->assessment[0] && !n->plan[0])
		return cli_usage("note add", _("the note is empty; give --text TEXT (or the SOAP fields)"));
	return EXIT_OK;
}

static const opt_map cert_map[] = {
	{ "kind", "kind" }, { "from", "valid_from" }, { "to", "valid_to" },
	{ "number", "number" }, { "municipality", "municipality" },
	{ "support-level", "support_level" }, { "copay-cap", "copay_cap_yen" },
	{ "remarks", "remarks" }, { NULL, NULL },
};
static const char *const cert_required[] = { "kind", "from", "to", NULL };

static const opt_map contact_map[] = {
	{ "role", "role" }, { "name", "name" }, { "kana", "kana" }, { "relation", "relation" },
	{ "organization", "organization" }, { "phone", "phone" }, { "address", "address" },
	{ "remarks", "remarks" }, { NULL, NULL },
};
static const char *const contact_required[] = { "name", NULL };

static const opt_map consent_map[] = {
	{ "with", "shared_with" }, { "purpose", "purpose" }, { "from", "valid_from" },
	{ "to", "valid_to" }, { "withdrawn", "withdrawn_on" }, { "remarks", "remarks" },
	{ NULL, NULL },
};
static const char *const consent_required[] = { "with", "purpose", "from", "to", NULL };

static const opt_map plan_map[] = {
	{ "from", "period_from" }, { "to", "period_to" },
	{ "monitoring-months", "monitoring_months" }, { "anchor", "anchor_month" },
	{ "written", "written_on" }, { "consented", "consented_on" },
	{ "delivered", "delivered_on" }, { "wishes", "wishes" }, { "policy", "policy" },
	{ "long-goal", "long_goal" }, { "short-goal", "short_goal" },
	{ "remarks", "remarks" }, { "cert-months-from", "monitoring_range_from" },
	{ "cert-months-to", "monitoring_range_to" }, { NULL, NULL },
};
static const char *const plan_required[] = { "from", "to", "monitoring-months", NULL };
static const char *const plan_flags[] = { "final", NULL };

static const opt_map monitoring_map[] = {
	{ "on", "done_on" }, { "scheduled", "scheduled_on" }, { "at", "scheduled_at" }, { "method", "method" },
	{ "situation", "situation" }, { "remarks", "remarks" }, { NULL, NULL },
};

static const opt_map skip_map[] = {
	{ "month", "month" }, { "reason", "reason" }, { "text", "detail" }, { NULL, NULL },
};
static const char *const skip_required[] = { "month", "reason", NULL };

static const opt_map note_map[] = {
	{ "on", "noted_on" }, { "at", "noted_at" }, { "kind", "kind" },
	{ "minutes", "minutes" }, { "text", "fact" }, { "fact", "fact" },
	{ "interpretation", "interpretation" }, { "next-step", "next_step" },
	{ "subjective", "subjective" }, { "objective", "objective" },
	{ "assessment", "assessment" }, { "plan", "plan" }, { "with", "with_whom" },
	{ "next-on", "next_on" }, { NULL, NULL },
};
static const char *const note_required[] = { "on", "kind", NULL };

static const record_cmd record_cmds[] = {
	{ "cert", &rt_certificate, cert_map, cert_required, NULL,
	  N_("Usage: tsunagi cert add CLIENT --kind service|day_service|community|support_level\n"
	     "                --from DATE --to DATE [--number N] [--municipality M]\n"
	     "                [--support-level 0-6] [--copay-cap YEN] [--remarks TEXT]\n"
	     "       tsunagi cert list CLIENT\n"), NULL, NULL },
	{ "contact", &rt_contact, contact_map, contact_required, NULL,
	  N_("Usage: tsunagi contact add CLIENT --name NAME [--role family|guardian|doctor|\n"
	     "                provider|school|municipality|other] [--kana KANA] [--relation R]\n"
	     "                [--organization O] [--phone P] [--address A] [--remarks TEXT]\n"
	     "       tsunagi contact list CLIENT\n"
	     "A child's printed forms name the guardian contact as 保護者氏名, else the\n"
	     "first family contact.\n"), NULL, NULL },
	{ "consent", &rt_consent, consent_map, consent_required, NULL,
	  N_("Usage: tsunagi consent add CLIENT --with WHOM --purpose TEXT --from DATE --to DATE\n"
	     "                [--withdrawn DATE] [--remarks TEXT]\n"
	     "       tsunagi consent list CLIENT\n"), NULL, NULL },
	{ "plan", &rt_plan, plan_map, plan_required, plan_flags,
	  N_("Usage: tsunagi plan add CLIENT --from DATE --to DATE --monitoring-months 1-12\n"
	     "                [--final --consented DATE] [--written DATE] [--anchor YYYY-MM]\n"
	     "                [--cert-months-from YYYY-MM --cert-months-to YYYY-MM]\n"
	     "                [--wishes T] [--policy T] [--long-goal T] [--short-goal T]\n"
	     "       tsunagi plan list CLIENT\n"
	     "       tsunagi plan edit|row add|revise|final PLAN ...  ('plan edit --help')\n"
	     "The anchor month (first month of the monitoring cycle) defaults to the\n"
	     "month of --from.  Monitoring months follow the end-month rule: the month\n"
	     "the period ends, and back from it every N months, none before anchor + N - 1.\n"
	     "--cert-months-from/-to: the range the certificate writes, as in\n"
	     "3月ごと(R8.7〜R9.4); a note says so when it differs from the months computed.\n"
	     "--final enters a plan consented on paper as it is; a draft is made final\n"
	     "with 'tsunagi plan final'.\n"), plan_prepare, plan_add },
	{ "monitoring", &rt_monitoring, monitoring_map, NULL, NULL,
	  N_("Usage: tsunagi monitoring add CLIENT --on DATE [--method visit|office|other]\n"
	     "                [--situation TEXT]\n"
	     "       tsunagi monitoring add CLIENT --scheduled DATE [--at TIME]\n"
	     "       tsunagi monitoring list CLIENT\n"), monitoring_prepare, NULL },
	{ "not-done", &rt_monitoring_skip, skip_map, skip_required, NULL,
	  N_("Usage: tsunagi not-done add CLIENT --month YYYY-MM\n"
	     "                --reason hospital|postponed|unreachable|other [--text TEXT]\n"
	     "       tsunagi not-done list CLIENT\n"
	     "A monitoring month of the plan in force that could not be done, and why\n"
	     "(in hospital, postponed at the client's wish, could not be reached, other:\n"
	     "say what in --text).  The month then shows as not done, not as missed.\n"), skip_prepare, NULL },
	{ "note", &rt_note, note_map, note_required, NULL,
	  N_("Usage: tsunagi note add CLIENT --on DATE\n"
	     "                --kind meeting|visit|phone|conference|accompany\n"
	     "                --text TEXT [--at TIME] [--minutes N] [--with WHOM]\n"
	     "                [--interpretation T] [--next-step T [--next-on DATE]]\n"
	     "                [--subjective T --objective T --assessment T --plan T]\n"
	     "       tsunagi note list CLIENT\n"
	     "       tsunagi note done NOTE [--on DATE]\n"
	     "--with: whom the contact was with (本人, 母, 事業所の職員 ...).\n"
	     "--next-on: the date of the next step (次の対応); it is on the alarm list\n"
	     "until marked done with 'tsunagi note done NOTE' (today unless --on).\n"), note_prepare, NULL },
};

static const char **map_options(const opt_map *map)
{
	size_t n = 0;
	const char **v;

	while (map[n].opt)
		n++;
	v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = map[i].opt;
	return v;
}

static int record_add(cli_ctx *ctx, const record_cmd *rc, const cli_args *a)
{
	char *cmd = xasprintf("%s add", rc->name);
	void *rec = xcalloc(1, rc->rt->size);
	const field *parent = &rc->rt->fields[0];
	tsu_err e;
	int64_t client_id;
	int status = EXIT_OK;
	db *d;

	record_init(rc->rt, rec);
	if (a->npos != 1) {
		status = cli_usage(cmd, _("give the client (an id or a recipient number) first"));
		goto out;
	}
	for (const char *const *r = rc->required; r && *r; r++)
		if (!cli_has(a, *r)) {
			status = cli_usage(cmd, _("--%s is required"), *r);
			goto out;
		}
	/* Every value is checked before the database is touched. */
	for (const opt_map *m = rc->map; m->opt; m++) {
		const char *v = cli_get(a, m->opt);
		const field *fd = record_field(rc->rt, m->col);
		char *text = NULL, *opt;
		int bad;

		if (!v)
			continue;
		if (fd->type == FT_TEXT) {
			opt = xasprintf("--%s", m->opt);
			status = cli_text_arg(opt, v, &text);
			free(opt);
			if (status != EXIT_OK)
				goto out;
			v = text;
		}
		bad = record_set(rc->rt, rec, fd, v, &e) != TSU_OK;
		free(text);
		if (bad) {
			status = cli_fail(EXIT_USAGE, "%s", e.msg);
			goto out;
		}
	}
	if (!(d = cli_db(ctx))) {
		status = EXIT_FAIL;
		goto out;
	}
	if (store_client_resolve(d, a->pos[0], &client_id, &e) != TSU_OK) {
		status = cli_fail(EXIT_FAIL, "%s", e.msg);
		goto out;
	}
	*field_id(parent, rec) = client_id;
	if (rc->prepare && (status = rc->prepare(ctx, d, rec, a)) != EXIT_OK)
		goto out;
	if ((rc->add ? rc->add(d, rec, &e) : store_record_add(d, rc->rt, rec, &e)) != TSU_OK) {
		status = cli_fail(EXIT_FAIL, "%s", e.msg);
		goto out;
	}
	ctx->committed = true;
	printf("%lld\n", (long long)REC_ID(rec));
out:
	record_free(rc->rt, rec);
	free(rec);
	free(cmd);
	return status;
}

/* One line per record, tab-separated, with a header of column names. */
static int record_list(cli_ctx *ctx, const record_cmd *rc, const cli_args *a)
{
	const record_type *rt = rc->rt;
	tsu_err e;
	int64_t client_id;
	void *v;
	size_t n;
	db *d;

	if (a->npos != 1) {
		char *cmd = xasprintf("%s list", rc->name);
		int s = cli_usage(cmd, _("give the client (an id or a recipient number)"));
		free(cmd);
		return s;
	}
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_client_resolve(d, a->pos[0], &client_id, &e) != TSU_OK ||
	    store_record_list(d, rt, client_id, &v, &n, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	fputs("id", stdout);
	for (size_t f = 0; f < rt->nfields; f++)
		printf("\t%s", rt->fields[f].col);
	putchar('\n');
	for (size_t i = 0; i < n; i++) {
		void *rec = (char *)v + i * rt->size;
		printf("%lld", (long long)REC_ID(rec));
		for (size_t f = 0; f < rt->nfields; f++) {
			char *val = record_get(&rt->fields[f], rec);
			char *clean = text_sanitize(val, false);
			printf("\t%s", clean);
			free(clean);
			free(val);
		}
		putchar('\n');
	}
	record_free_list(rt, v, n);
	return EXIT_OK;
}

/* `note done NOTE [--on DATE]`: the note's next step leaves the alarms. */
static int note_done(cli_ctx *ctx, const record_cmd *rc, int argc, char **argv)
{
	static const char *const valued[] = { "on", NULL };
	const char *v;
	char *end;
	long long id;
	date_t on;
	cli_args a;
	tsu_err e;
	int status;
	db *d;

	if ((status = cli_parse("note done", argc, argv, valued, NULL, &a)) != EXIT_OK)
		return status;
	if (a.help) {
		fputs(_(rc->usage), stdout);
		goto out;
	}
	on = ctx->today;
	if (a.npos != 1 || (id = strtoll(a.pos[0], &end, 10)) <= 0 || *end) {
		status = cli_usage("note done", _("give the note's id (the number 'note list' shows)"));
		goto out;
	}
	if ((v = cli_get(&a, "on")) && date_parse(v, &on, &e) != TSU_OK) {
		status = cli_usage("note done", _("--on: %s"), e.msg);
		goto out;
	}
	if (!(d = cli_db(ctx))) {
		status = EXIT_FAIL;
		goto out;
	}
	if (store_note_next_done(d, id, on, &e) != TSU_OK) {
		status = cli_fail(EXIT_FAIL, "%s", e.msg);
		goto out;
	}
	ctx->committed = true;
out:
	cli_args_free(&a);
	return status;
}

static int record_command(cli_ctx *ctx, const char *name, int argc, char **argv)
{
	const record_cmd *rc = NULL;
	const char **valued;
	cli_args a;
	int status;

	for (size_t i = 0; i < sizeof record_cmds / sizeof record_cmds[0]; i++)
		if (!strcmp(record_cmds[i].name, name))
			rc = &record_cmds[i];
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(_(rc->usage), stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (!strcmp(name, "plan") && (!strcmp(argv[1], "edit") || !strcmp(argv[1], "revise") ||
				      !strcmp(argv[1], "final") || !strcmp(argv[1], "row")))
		return cmd_plan_version(ctx, argc, argv);
	if (!strcmp(name, "note") && !strcmp(argv[1], "done"))
		return note_done(ctx, rc, argc - 2, argv + 2);
	if (strcmp(argv[1], "add") && strcmp(argv[1], "list"))
		return cli_usage(name, !strcmp(name, "note") ?
				 _("unknown subcommand '%s'; use add, list or done") :
				 _("unknown subcommand '%s'; use add or list"), argv[1]);
	valued = map_options(rc->map);
	status = cli_parse(name, argc - 2, argv + 2,
			   !strcmp(argv[1], "add") ? valued : NULL,
			   !strcmp(argv[1], "add") ? rc->flags : NULL, &a);
	free(valued);
	if (status != EXIT_OK)
		return status;
	if (a.help)
		fputs(_(rc->usage), stdout);
	else if (!strcmp(argv[1], "add"))
		status = record_add(ctx, rc, &a);
	else
		status = record_list(ctx, rc, &a);
	cli_args_free(&a);
	return status;
}

int cmd_cert(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "cert", argc, argv); }
int cmd_consent(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "consent", argc, argv); }
int cmd_contact(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "contact", argc, argv); }
int cmd_plan(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "plan", argc, argv); }
int cmd_monitoring(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "monitoring", argc, argv); }
int cmd_note(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "note", argc, argv); }
int cmd_not_done(cli_ctx *ctx, int argc, char **argv) { return record_command(ctx, "not-done", argc, argv); }
