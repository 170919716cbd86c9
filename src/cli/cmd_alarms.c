/*
 * cmd_alarms.c - `tsunagi alarms`: the alarm list of the start screen,
 * every item whose lead time has begun in its group, as text, TSV or
 * CSV for scripts and tests.  The items and groups come from the same
 * code as the screen's (due_alarms.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/cli.h"
#include "tsunagi/csv.h"
#include "tsunagi/due_alarms.h"
#include "tsunagi/due_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"

static void usage(void)
{
	fputs(_(
"Usage: tsunagi alarms [--format text|tsv|csv] [--kind K,...] [--initials]\n"
"\n"
"The alarm list of the start screen: every item whose lead time has begun\n"
"(see LEAD TIMES in tsunagi(1)), in four groups: overdue, this week, this\n"
"month's monitorings not yet done, and coming up.\n"
"  --format text|tsv|csv  text (default); tsv or csv with the columns\n"
"                         group, due_on, kind, client_id, client_name, detail\n"
"                         (group: overdue, week, month, coming)\n"
"  --kind K,...           only these kinds: monitoring, certificate, plan,\n"
"                         consent, action, transition, billing, mismatch, next\n"
"  --initials             initials from the kana (Y.T.) instead of names\n"), stdout);
}

static void tsv_field(strbuf *b, const char *s, bool last)
{
	char *clean = text_sanitize(s, false);

	/* A tab in stored text would add a column. */
	for (char *p = clean; *p; p++)
		if (*p == '\t')
			*p = ' ';
	sb_adds(b, clean);
	sb_addc(b, last ? '\n' : '\t');
	free(clean);
}

static void relative(const due_item *it, char *buf, size_t n)
{
	if (it->days_left < 0)
		snprintf(buf, n, ngettext("%d day ago", "%d days ago", -it->days_left), -it->days_left);
	else if (it->days_left == 0)
		snprintf(buf, n, "%s", _("today"));
	else
		snprintf(buf, n, ngettext("in %d day", "in %d days", it->days_left), it->days_left);
}

static const char *marker(enum due_state s)
{
	return s == DUE_OVERDUE ? "!!" : "! ";
}

static void render(const due_alarms *al, const due_report *r, const char *format, strbuf *b)
{
	csv_writer w;
	char iso[DATE_ISO_LEN];
	int sec = -1;

	if (strcmp(format, "csv") == 0) {
		static const char *const cols[] = {
			"group", "due_on", "kind", "client_id", "client_name", "detail",
		};
		sb_adds(b, CSV_BOM);
		csv_init(&w, b);
		for (size_t i = 0; i < 6; i++)
			csv_field(&w, cols[i]);
		csv_end_row(&w);
	} else if (strcmp(format, "text") == 0) {
		date_format_iso(r->today, iso);
		sb_addf(b, _("Alarms as of %s (%s)"), iso, due_weekday(r->today));
		sb_addc(b, '\n');
	}
	for (size_t i = 0; i <= al->list.n; i++) {
		const due_item *it = i < al->list.n ? &al->list.items[i] : NULL;
		char *who, *what, idbuf[24], left[64];

		if (strcmp(format, "text") == 0) {
			/* Every group's heading, empty or not. */
			int upto = it ? al->section[i] : DUE_ALARM_SECTIONS - 1;
			for (; sec < upto; ) {
				sec++;
				if (sec > 0 || i > 0)
					sb_addc(b, '\n');
				sb_addf(b, "%s (%zu)\n", due_alarm_title(sec), al->counts[sec]);
				if (al->counts[sec] == 0) {
					sb_adds(b, "  ");
					sb_adds(b, _("(nothing)"));
					sb_addc(b, '\n');
				}
			}
		}
		if (!it)
			break;
		who = it->client_id ? due_item_who(r, it) : xstrdup(_("(office)"));
		what = due_item_detail_as(it, r->initials);
		date_format_iso(it->on, iso);
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)it->client_id);
		if (strcmp(format, "csv") == 0) {
			csv_field(&w, due_alarm_name(al->section[i]));
			csv_field(&w, iso);
			csv_field(&w, due_kind_name(it->kind));
			csv_field_int(&w, it->client_id);
			csv_field(&w, it->client_id ? who : "");
			csv_field(&w, what);
			csv_end_row(&w);
		} else if (strcmp(format, "tsv") == 0) {
			tsv_field(b, due_alarm_name(al->section[i]), false);
			tsv_field(b, iso, false);
			tsv_field(b, due_kind_name(it->kind), false);
			tsv_field(b, idbuf, false);
			tsv_field(b, it->client_id ? who : "", false);
			tsv_field(b, what, true);
		} else {
			relative(it, left, sizeof left);
			sb_adds(b, "  ");
			sb_adds(b, marker(it->state));
			sb_addc(b, ' ');
			sb_adds(b, iso);
			sb_addc(b, ' ');
			cli_cell(b, due_weekday(it->on), 4);
			cli_cell(b, left, 13);
			cli_cell(b, who, 20);
			sb_addc(b, ' ');
			sb_adds(b, what);
			sb_addc(b, '\n');
		}
		free(who);
		free(what);
	}
}

int cmd_alarms(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "format", "kind", NULL };
	static const char *const flags[] = { "initials", NULL };
	cli_args a;
	const char *format;
	unsigned kinds = 0;
	due_alarms al;
	due_names names = { 0 };
	strbuf b;
	tsu_err e;
	db *d;
	bool initials;
	int rc = cli_parse("alarms", argc - 1, argv + 1, valued, flags, &a);

	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	format = cli_get(&a, "format") ? cli_get(&a, "format") : "text";
	initials = cli_has(&a, "initials");
	if (a.npos > 0)
		rc = cli_usage("alarms", _("unexpected argument '%s'"), a.pos[0]);
	else if (strcmp(format, "text") != 0 && strcmp(format, "tsv") != 0 && strcmp(format, "csv") != 0)
		rc = cli_usage("alarms", _("--format: '%s' is not one of text, tsv, csv"), format);
	else if (cli_get(&a, "kind"))
		rc = cli_due_kinds("alarms", cli_get(&a, "kind"), &kinds);
	cli_args_free(&a);
	if (rc != EXIT_OK)
		return rc;
	cli_config_warnings(ctx);
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	if (due_alarms_get(d, ctx->today, kinds, &al, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	if (due_names_load(d, &al.list, &names, &e) != TSU_OK) {
		due_alarms_free(&al);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	{
		due_report r = { .names = &names, .today = ctx->today, .initials = initials };

		sb_init(&b);
		render(&al, &r, format, &b);
		rc = cli_write_output(ctx, NULL, b.s, b.len);
		sb_free(&b);
	}
	due_names_free(&names);
	due_alarms_free(&al);
	return rc;
}
