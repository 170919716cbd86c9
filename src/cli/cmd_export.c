/*
 * cmd_export.c - `tsunagi export ical [--initials] [-o FILE]`: due items
 * and monitorings from a year back to a year ahead as all-day events.
 * UIDs are made of the kind, the record's id and the date (a monitoring:
 * its plan and month), so importing a newer export updates the events.
 * Every other target (clients, notes, plans, all) is cmd_export_data's.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/cli_data.h"
#include "tsunagi/due_report.h"
#include "tsunagi/due_items.h"
#include "tsunagi/i18n.h"
#include "tsunagi/ical.h"

enum { ICAL_SPAN_DAYS = 366 };

static void usage(void)
{
	fputs(_(
"Usage: tsunagi export ical [--initials] [-o FILE]\n"
"\n"
"Due items and monitorings from a year ago to a year ahead as an iCalendar\n"
"file (RFC 5545) of all-day events; importing a newer export updates the\n"
"events instead of adding copies.\n"
"  --initials   initials from the kana (Y.T.) instead of names\n"
"  -o FILE      write to FILE instead of standard output\n"), stdout);
}

/* "monitoring-12-2026-07@tsunagi": stable across exports. */
static char *uid_of(const due_item *it)
{
	char iso[DATE_ISO_LEN];
	int y, m;

	date_format_iso(it->on, iso);
	month_to_ym(it->month, &y, &m);
	switch (it->kind) {
	case DUE_MONITORING:
		return xasprintf("monitoring-%lld-%04d-%02d@tsunagi", (long long)it->ref_id, y, m);
	case DUE_BILLING:
		return xasprintf("billing-%04d-%02d@tsunagi", y, m);
	case DUE_MISMATCH:
		/* A certificate and a plan can share a number. */
		return xasprintf("mismatch-%d-%lld-%s@tsunagi", it->stage, (long long)it->ref_id, iso);
	case DUE_TRANSITION:
		return xasprintf("transition-%lld-%s@tsunagi", (long long)it->client_id, iso);
	case DUE_PLAN:
		return xasprintf("%s-%lld-%s@tsunagi", it->stage == DUE_PLAN_REVIEW ? "review" : "plan",
				 (long long)it->ref_id, iso);
	default:
		return xasprintf("%s-%lld-%s@tsunagi", due_kind_name(it->kind), (long long)it->ref_id, iso);
	}
}

static void events(const due_list *l, const due_report *r, date_t today, strbuf *b)
{
	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		char *uid = uid_of(it), *who = due_item_who(r, it), *what = due_item_detail_as(it, r->initials);
		char *summary = *who ? xasprintf("%s: %s", who, what) : xstrdup(what);
		ical_event ev = { uid, it->on, today, summary, NULL, due_kind_name(it->kind) };

		ical_event_add(b, &ev);
		free(uid);
		free(who);
		free(what);
		free(summary);
	}
}

static int export_ical(cli_ctx *ctx, const cli_args *a)
{
	due_result res;
	due_list l;
	due_names names = { 0 };
	due_query q = { ctx->today, ctx->today - ICAL_SPAN_DAYS, ctx->today + ICAL_SPAN_DAYS, true, 0 };
	strbuf out;
	tsu_err e;
	db *d;
	int rc;

	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (due_items_get(d, &q, &res, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	l = res.list;
	if (due_names_load(d, &l, &names, &e) != TSU_OK) {
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	} else {
		due_report r = { l.items, l.n, NULL, 0, &names, ctx->today, q.from, q.to, false,
				 cli_has(a, "initials"), NULL };

		sb_init(&out);
		ical_begin(&out, "tsunagi");
		events(&l, &r, ctx->today, &out);
		ical_end(&out);
		rc = cli_write_output(ctx, cli_get(a, "output"), out.s, out.len);
		sb_free(&out);
	}
	due_names_free(&names);
	due_result_free(&res);
	return rc;
}

/* The export target: the first argument that is neither an option nor
 * an option's value; NULL when none is given. */
static const char *target_of(int argc, char **argv)
{
	static const char *const valued[] = { "-o", "--output", "--format", "--encoding", NULL };

	for (int i = 1; i < argc; i++) {
		bool takes_value = false;

		if (argv[i][0] != '-')
			return argv[i];
		for (size_t k = 0; valued[k]; k++)
			if (strcmp(argv[i], valued[k]) == 0)
				takes_value = true;
		if (takes_value)
			i++;
	}
	return NULL;
}

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "output", NULL };
	static const char *const flags[] = { "initials", NULL };
	const char *target = target_of(argc, argv);
	char **av;
	cli_args a;
	int rc;

	/* clients, notes, plans and all belong to the data exports. */
	if (!target || strcmp(target, "ical") != 0) {
		if (!target && (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)))
			usage();
		return cmd_export_data(ctx, argc, argv);
	}
	av = xcalloc((size_t)argc + 1, sizeof *av);
	for (int i = 0; i < argc; i++)
		av[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
	rc = cli_parse("export", argc - 1, av + 1, valued, flags, &a);
	free(av);
	if (rc != EXIT_OK)
		return rc;
	if (a.help)
		usage();
	else if (a.npos > 1)
		rc = cli_usage("export", _("unexpected argument '%s'"), a.pos[1]);
	else
		rc = export_ical(ctx, &a);
	cli_args_free(&a);
	return rc;
}
