/*
 * cmd_calendar.c - `tsunagi calendar [--month YYYY-MM] [--format
 * text|tsv]`: the month grid with holidays and the number of due items
 * per day, the month's monitorings below it, then its meetings and
 * scheduled visits with their times.
 */
#include <stdio.h>
#include <string.h>

#include "tsunagi/calendar.h"
#include "tsunagi/cli.h"
#include "tsunagi/due_items.h"
#include "tsunagi/i18n.h"

static void usage(void)
{
	fputs(_(
"Usage: tsunagi calendar [--month YYYY-MM] [--format text|tsv]\n"
"\n"
"The month (default: this month) as a grid, Monday first: holidays marked\n"
"'*', the number of due items under each day, the month's monitorings below,\n"
"then its meetings and scheduled monitoring visits with their times.\n"
"  --month YYYY-MM   the month to show (R8.11 works too)\n"
"  --format tsv      one line per day: date, weekday (Mon..Sun), holiday\n"
"                    name or empty, number of due items\n"), stdout);
}

int cmd_calendar(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "month", "format", NULL };
	static const char *const flags[] = { NULL };
	const char *month_s, *format;
	month_t month = date_month(ctx->today);
	cli_args a;
	cal_month cal;
	due_result res;
	due_list l;
	due_names names = { 0 };
	due_query q;
	day_appt *appts = NULL;
	size_t nappts = 0;
	strbuf out;
	tsu_err e;
	db *d;
	int rc = cli_parse("calendar", argc - 1, argv + 1, valued, flags, &a);

	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		usage();
		cli_args_free(&a);
		return EXIT_OK;
	}
	month_s = cli_get(&a, "month");
	format = cli_get(&a, "format") ? cli_get(&a, "format") : "text";
	if (a.npos > 0)
		rc = cli_usage("calendar", _("unexpected argument '%s'"), a.pos[0]);
	else if (strcmp(format, "text") != 0 && strcmp(format, "tsv") != 0)
		rc = cli_usage("calendar", _("--format: '%s' is not one of text, tsv"), format);
	else if (month_s && month_parse(month_s, &month, &e) != TSU_OK)
		rc = cli_usage("calendar", "--month: %s", e.msg);
	cli_args_free(&a);
	if (rc != EXIT_OK)
		return rc;
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;

	cal_month_init(&cal, month);
	q = (due_query){ ctx->today, cal.first, cal.last, true, 0 };
	if (due_items_get(d, &q, &res, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	l = res.list;
	cal_month_count(&cal, &l);
	sb_init(&out);
	if (strcmp(format, "tsv") == 0) {
		cal_month_tsv(&cal, &out);
	} else if (due_names_load(d, &l, &names, &e) != TSU_OK ||
		   store_day_appts(d, cal.first, cal.last, &appts, &nappts, &e) != TSU_OK) {
		rc = cli_fail(EXIT_FAIL, "%s", e.msg);
	} else {
		cal_month_text(&cal, &l, &names, &out);
		cal_appts_text(appts, nappts, &out);
	}
	if (rc == EXIT_OK)
		rc = cli_write_output(ctx, NULL, out.s ? out.s : "", out.len);
	sb_free(&out);
	due_names_free(&names);
	day_appts_free(appts, nappts);
	due_result_free(&res);
	return rc;
}
