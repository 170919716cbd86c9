/*
 * cmd_plan.c - a plan's versions from the command line: `tsunagi plan
 * edit|revise|final|row`.  A draft can be edited and given needs rows; a
 * consented plan is read-only (the store refuses, and the message says
 * how to go on), so a change starts a new version with `plan revise`,
 * which is a draft until `plan final` makes it final in turn.  `plan
 * final` names what the final plan lacks (FORMS.md) and changes nothing
 * unless --anyway is given.  (`plan add` and `plan list` are the record
 * commands of cmd_record.c.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

typedef struct opt_col {
	const char *opt;   /* without "--" */
	const char *col;   /* field of the record */
} opt_col;

static const opt_col edit_opts[] = {
	{ "from", "period_from" }, { "to", "period_to" }, { "written", "written_on" },
	{ "delivered", "delivered_on" }, { "wishes", "wishes" }, { "policy", "policy" },
	{ "long-goal", "long_goal" }, { "short-goal", "short_goal" },
	{ "daily-activities", "daily_activities" }, { "overall-picture", "overall_picture" },
	{ "remarks", "remarks" }, { NULL, NULL },
};

static const opt_col row_opts[] = {
	{ "priority", "priority" }, { "need", "need" }, { "goal", "goal" },
	{ "target", "target_on" }, { "service-kind", "service_kind" },
	{ "service-detail", "service_detail" }, { "amount", "service_amount" },
	{ "provider", "provider" }, { "role", "client_role" }, { "review", "review_on" },
	{ "remarks", "remarks" }, { "provider-id", "provider_id" }, { NULL, NULL },
};

static const char *const usage_text = N_(
"Usage: tsunagi plan edit PLAN [--from DATE] [--to DATE] [--written DATE]\n"
"                [--delivered DATE] [--wishes T] [--policy T] [--long-goal T]\n"
"                [--short-goal T] [--daily-activities T] [--overall-picture T]\n"
"                [--remarks T]\n"
"       tsunagi plan row add PLAN --need T --goal T [--priority N]\n"
"                [--target DATE] [--service-kind T] [--service-detail T]\n"
"                [--amount T] [--provider T] [--role T] [--review DATE]\n"
"                [--remarks T]\n"
"       tsunagi plan row edit ROW [the options of row add]\n"
"       tsunagi plan revise PLAN [--written DATE]\n"
"       tsunagi plan final PLAN --consented DATE [--anyway]\n"
"PLAN is a plan id (see 'tsunagi plan list CLIENT'), ROW the id 'row add'\n"
"printed.  A draft can be edited; a plan the client consented to is\n"
"read-only, except its delivery date:\n"
"'plan revise' starts a new version (変更) as a draft with the needs rows,\n"
"weekly schedule and services copied, and 'plan final' makes it final,\n"
"superseding the old one.  'plan final' refuses a plan that lacks what the\n"
"final plan must have (the date written, wishes, policy, goals, needs rows\n"
"and every row's provider) and names it; --anyway makes it final as it is.\n");

static const char *const provider_usage = N_(
"--provider-id N links a row to provider N of the register ('tsunagi provider\n"
"list'); the plan then prints that provider's name, contact person and phone\n"
"as they are when printed.  --provider-id '' removes the link.\n");

static int usage(void)
{
	fputs(_(usage_text), stdout);
	fputs(_(provider_usage), stdout);
	return EXIT_OK;
}

static const char **opt_names(const opt_col *m)
{
	size_t n = 0;
	const char **v;

	while (m[n].opt)
		n++;
	v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = m[i].opt;
	return v;
}

static int parse_plan_id(const char *cmd, const cli_args *a, int64_t *id)
{
	char *end;
	long long v;

	if (a->npos != 1)
		return cli_usage(cmd, a->npos ? _("unexpected argument '%s'") : _("give the plan id (see 'tsunagi plan list CLIENT')"),
				 a->npos ? a->pos[1] : "");
	v = strtoll(a->pos[0], &end, 10);
	if (!a->pos[0][0] || *end || v <= 0) {
		char *shown = text_sanitize(a->pos[0], false);
		int rc = cli_usage(cmd, _("'%s' is not a plan id; give the number 'tsunagi plan list CLIENT' shows"), shown);
		free(shown);
		return rc;
	}
	*id = v;
	return EXIT_OK;
}

/* Set the record's fields from the options given, checking each. */
static int apply_opts(const record_type *rt, void *rec, const opt_col *m, const cli_args *a)
{
	for (; m->opt; m++) {
		const char *v = cli_get(a, m->opt);
		const field *fd = record_field(rt, m->col);
		char *text = NULL, *opt;
		tsu_err e;
		int bad, rc;

		if (!v)
			continue;
		if (fd->type == FT_TEXT) {
			opt = xasprintf("--%s", m->opt);
			rc = cli_text_arg(opt, v, &text);
			free(opt);
			if (rc != EXIT_OK)
				return rc;
			v = text;
		}
		bad = record_set(rt, rec, fd, v, &e) != TSU_OK;
		free(text);
		if (bad)
			return cli_fail(EXIT_USAGE, "%s", e.msg);
	}
	return EXIT_OK;
}

static int load_plan(cli_ctx *ctx, int64_t id, db **d, plan *p)
{
	tsu_err e;

	record_init(&rt_plan, p);
	if (!(*d = cli_db(ctx)))
		return EXIT_FAIL;
	record_free(&rt_plan, p);
	if (store_record_get(*d, &rt_plan, id, p, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	return EXIT_OK;
}

static int plan_edit(cli_ctx *ctx, const cli_args *a)
{
	int64_t id;
	plan p;
	tsu_err e;
	db *d;
	int rc;

	if ((rc = parse_plan_id("plan edit", a, &id)) != EXIT_OK)
		return rc;
	if ((rc = load_plan(ctx, id, &d, &p)) != EXIT_OK) {
		record_free(&rt_plan, &p);
		return rc;
	}
	rc = apply_opts(&rt_plan, &p, edit_opts, a);
	if (rc == EXIT_OK && store_record_update(d, &rt_plan, &p, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	if (rc == EXIT_OK) {
		ctx->committed = true;
		printf("%lld\n", (long long)id);
	}
	record_free(&rt_plan, &p);
	return rc;
}

static int plan_row_add(cli_ctx *ctx, const cli_args *a)
{
	int64_t id;
	plan_row r;
	tsu_err e;
	db *d;
	int rc;

	record_init(&rt_plan_row, &r);
	if ((rc = parse_plan_id("plan row add", a, &id)) != EXIT_OK ||
	    (rc = apply_opts(&rt_plan_row, &r, row_opts, a)) != EXIT_OK)
		goto out;
	if (!r.need[0] && !r.goal[0]) {
		rc = cli_usage("plan row add", _("the row is empty; give --need TEXT and --goal TEXT"));
		goto out;
	}
	if (!(d = cli_db(ctx))) {
		rc = EXIT_FAIL;
		goto out;
	}
	r.plan_id = id;
	if (!cli_has(a, "priority"))
		r.priority = store_plan_next_priority(d, id);
	if (store_record_add(d, &rt_plan_row, &r, &e) != TSU_OK) {
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
		goto out;
	}
	ctx->committed = true;
	printf("%lld\n", (long long)r.id);
out:
	record_free(&rt_plan_row, &r);
	return rc;
}

static int plan_row_edit(cli_ctx *ctx, const cli_args *a)
{
	int64_t id;
	plan_row r;
	tsu_err e;
	db *d;
	int rc;

	record_init(&rt_plan_row, &r);
	if ((rc = parse_plan_id("plan row edit", a, &id)) != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	record_free(&rt_plan_row, &r);
	if (store_record_get(d, &rt_plan_row, id, &r, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	else if ((rc = apply_opts(&rt_plan_row, &r, row_opts, a)) == EXIT_OK &&
		 store_record_update(d, &rt_plan_row, &r, &e) != TSU_OK)
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	if (rc == EXIT_OK) {
		ctx->committed = true;
		printf("%lld\n", (long long)id);
	}
	record_free(&rt_plan_row, &r);
	return rc;
}

static int plan_revise(cli_ctx *ctx, const cli_args *a)
{
	date_t written = ctx->today;
	int64_t id, nid = 0;
	tsu_err e;
	db *d;
	int rc;

	if ((rc = parse_plan_id("plan revise", a, &id)) != EXIT_OK)
		return rc;
	if (cli_get(a, "written") && (rc = cli_date_arg("--written", cli_get(a, "written"), &written)) != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_plan_revise(d, id, written, &nid, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	printf("%lld\n", (long long)nid);
	return EXIT_OK;
}

/* The list as one line: "a; b; c" (caller frees). */
static char *join_missing(char **v, size_t n)
{
	strbuf b;

	sb_init(&b);
	for (size_t i = 0; i < n; i++)
		sb_addf(&b, "%s%s", i ? "; " : "", v[i]);
	return sb_steal(&b);
}

static int plan_final(cli_ctx *ctx, const cli_args *a)
{
	date_t on;
	int64_t id;
	char **miss = NULL, *list;
	size_t n = 0;
	tsu_err e;
	db *d;
	int rc;

	if ((rc = parse_plan_id("plan final", a, &id)) != EXIT_OK)
		return rc;
	if (!cli_get(a, "consented"))
		return cli_usage("plan final", _("--consented DATE is required (the day the client agreed)"));
	if ((rc = cli_date_arg("--consented", cli_get(a, "consented"), &on)) != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (store_plan_missing(d, id, &miss, &n, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	list = join_missing(miss, n);
	store_plan_missing_free(miss, n);
	if (n && !cli_has(a, "anyway")) {
		rc = cli_fail(EXIT_FAIL, _("plan %lld is not ready to be final: %s; fill these in (plan edit, plan row add), or give --anyway to make it final as it is"),
			      (long long)id, list);
		free(list);
		return rc;
	}
	if (store_plan_finalise(d, id, on, &e) != TSU_OK) {
		free(list);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	ctx->committed = true;
	if (n)
		cli_message(_("plan %lld is final although %s"), (long long)id, list);
	free(list);
	printf("%lld\n", (long long)id);
	return EXIT_OK;
}

int cmd_plan_version(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const none[] = { NULL };
	static const char *const revise_opts[] = { "written", NULL };
	static const char *const final_opts[] = { "consented", NULL };
	static const char *const final_flags[] = { "anyway", NULL };
	const char *sub = argv[1];
	const char **valued = NULL;
	const char *const *flags = none;
	char *cmd;
	cli_args a;
	int rc, skip = 2;
	bool row_edit = false;

	if (!strcmp(sub, "row")) {
		if (argc < 3 || (strcmp(argv[2], "add") != 0 && strcmp(argv[2], "edit") != 0))
			return cli_usage("plan row", _("use 'plan row add PLAN --need T --goal T ...' or 'plan row edit ROW ...'"));
		row_edit = !strcmp(argv[2], "edit");
		skip = 3;
		valued = opt_names(row_opts);
	} else if (!strcmp(sub, "edit")) {
		valued = opt_names(edit_opts);
	}
	cmd = xasprintf("plan %s", sub);
	rc = cli_parse(cmd, argc - skip, argv + skip,
		       valued ? valued : !strcmp(sub, "revise") ? revise_opts :
		       !strcmp(sub, "final") ? final_opts : none,
		       !strcmp(sub, "final") ? final_flags : flags, &a);
	free(valued);
	free(cmd);
	if (rc != EXIT_OK)
		return rc;
	if (a.help)
		rc = usage();
	else if (!strcmp(sub, "edit"))
		rc = plan_edit(ctx, &a);
	else if (!strcmp(sub, "row"))
		rc = row_edit ? plan_row_edit(ctx, &a) : plan_row_add(ctx, &a);
	else if (!strcmp(sub, "revise"))
		rc = plan_revise(ctx, &a);
	else
		rc = plan_final(ctx, &a);
	cli_args_free(&a);
	return rc;
}
