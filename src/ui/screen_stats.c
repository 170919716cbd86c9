/*
 * screen_stats.c - caseload health (T): the figures of stats.h for the
 * twelve months up to a month, as a table with a small bar chart per
 * rate (eighth blocks ▏▎▍▌▋▊▉█, or '#' where the terminal cannot draw
 * them), then the case load, GAS and the oldest unwritten events.
 * ←/→ move the month; j/k scroll the lines under the table when they
 * do not fit; p saves the A4 page as a PDF like the other screens.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/stats_report.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct stats_state {
	month_t month;
	stats s;
	bool loaded;
	bool ascii;
	int scroll;             /* summary lines scrolled off (j/k) */
	int more;               /* summary lines below the screen */
} stats_state;

static void load(ui_app *app, stats_state *st)
{
	tsu_err e;

	if (st->loaded)
		stats_free(&st->s);
	st->loaded = stats_get(app->db, st->month, app->today, app->cfg.record_delay_days,
			       app->cfg.billing_workers, &st->s, &e) == TSU_OK;
	if (!st->loaded)
		ui_error(app, "%s", e.msg);
}

/* A rate cell: "83.3%" right-aligned in 7 columns, then its bar. */
static void rate_cell(stats_state *st, int y, int x, int permille, int bar)
{
	char r[16], *b;

	stats_rate_text(permille, r, sizeof r);
	ui_put_raw(stdscr, y, x, 7, "", true);
	ui_put_raw(stdscr, y, x + 7 - (int)strlen(r), (int)strlen(r), r, false);
	b = ui_stats_bar(permille, 1000, bar, st->ascii);
	ui_put_raw(stdscr, y, x + 8, bar, b, true);
	free(b);
}

static void num_cell(int y, int x, int w, int v)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%*d", w, v);
	ui_put_raw(stdscr, y, x, w, buf, true);
}

static void month_row(ui_app *app, stats_state *st, int y, const char *label,
		      const stats_month *m, int bar)
{
	int x = 11;

	ui_put_raw(stdscr, y, 0, 11, label, true);
	rate_cell(st, y, x, stats_month_rate(m), bar);
	x += 8 + bar + 1;
	rate_cell(st, y, x, stats_late_rate(m), bar);
	x += 8 + bar + 1;
	num_cell(y, x, 5, m->started);
	num_cell(y, x + 5, 5, m->closed);
	if (x + 10 < app->cols)
		ui_put_raw(stdscr, y, x + 10, app->cols - x - 10, "", true);
}

static void head_rows(ui_app *app, stats_state *st, int bar)
{
	char a[32], z[32], cut[16], *title;
	int x = 11;

	stats_month_label(st->s.m[0].month, a, sizeof a);
	stats_month_label(st->month, z, sizeof z);
	date_format_iso(st->s.cutoff, cut);
	title = xasprintf(_("Caseload health, %s to %s (as of %s)\n"), a, z, cut);
	title[strcspn(title, "\n")] = '\0';
	wattron(stdscr, A_BOLD);
	ui_put_raw(stdscr, app->body_y, 0, app->cols, title, true);
	wattroff(stdscr, A_BOLD);
	free(title);
	wattron(stdscr, A_UNDERLINE);
	ui_put_raw(stdscr, app->body_y + 1, 0, 11, _("month"), true);
	ui_put_raw(stdscr, app->body_y + 1, x, 8 + bar + 1, _("monitoring on time"), true);
	x += 8 + bar + 1;
	ui_put_raw(stdscr, app->body_y + 1, x, 8 + bar + 1, _("notes written late"), true);
	x += 8 + bar + 1;
	ui_put_raw(stdscr, app->body_y + 1, x, 5, _("new"), true);
	ui_put_raw(stdscr, app->body_y + 1, x + 5, app->cols - x - 5 > 0 ? app->cols - x - 5 : 0,
		   _("closed"), true);
	wattroff(stdscr, A_UNDERLINE);
}

static void summary(ui_app *app, stats_state *st, int y)
{
	stats_doc d = { &st->s, app->cfg.office, app->cfg.worker, false };
	strbuf b;
	char *line, *nl;
	int skip = st->scroll;

	sb_init(&b);
	stats_summary_lines(&d, &b);
	st->more = 0;
	for (line = b.s; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (*line && skip > 0)
			skip--;
		else if (*line && y < app->body_y + app->body_h)
			ui_put_cut(stdscr, y++, 0, app->cols, line, true);
		else if (*line)
			st->more++;
		if (!nl)
			break;
	}
	sb_free(&b);
	for (; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
}

static void draw(ui_app *app, ui_screen *s)
{
	stats_state *st = s->st;
	int bar = (app->cols - 11 - 2 * 9 - 10) / 2, y = app->body_y + 2;
	char label[32];

	if (!(s->dirty & (UI_D_BODY | UI_D_PART)))
		return;
	if (bar < 1)
		bar = 1;
	if (!st->loaded) {
		for (int r = 0; r < app->body_h; r++)
			ui_put_raw(stdscr, app->body_y + r, 0, app->cols, "", true);
		return;
	}
	head_rows(app, st, bar);
	for (int k = 0; k < STATS_MONTHS && y < app->body_y + app->body_h; k++, y++) {
		stats_month_label(st->s.m[k].month, label, sizeof label);
		month_row(app, st, y, label, &st->s.m[k], bar);
	}
	if (y < app->body_y + app->body_h) {
		wattron(stdscr, A_BOLD);
		month_row(app, st, y++, _("total"), &st->s.total, bar);
		wattroff(stdscr, A_BOLD);
	}
	summary(app, st, y);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	stats_state *st = s->st;

	switch (a) {
	case UA_STATS_PREV:
	case UA_STATS_NEXT:
		st->month += a == UA_STATS_PREV ? -1 : 1;
		load(app, st);
		s->dirty |= UI_D_BODY;
		return true;
	case UA_STATS_PRINT:
	case UA_STATS_SEND:
		ui_print_stats(app, st->month, a == UA_STATS_SEND);
		return true;
	case UA_DOWN:
	case UA_UP:
		/* The lines under the table scroll when they do not fit. */
		if (a == UA_DOWN ? st->more > 0 : st->scroll > 0) {
			st->scroll += a == UA_DOWN ? 1 : -1;
			s->dirty |= UI_D_BODY;
		}
		return true;
	default:
		return false;
	}
}

static void resize(ui_app *app, ui_screen *s)
{
	s->dirty |= UI_D_BODY | UI_D_CLEAR;
}

/* Back from another screen (a note written, a setting changed). */
static void resume(ui_app *app, ui_screen *s)
{
	load(app, s->st);
	s->dirty |= UI_D_BODY;
}

static void close_stats(ui_app *app, ui_screen *s)
{
	stats_state *st = s->st;

	if (st->loaded)
		stats_free(&st->s);
	free(st);
}

static const ui_screen_ops stats_ops = {
	.name = N_("Caseload health"),
	UI_CTX(UK_STATS, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_STATS_PREV, N_("month before") }, { UA_STATS_NEXT, N_("month after") },
		 { UA_STATS_PRINT, N_("PDF") }, { UA_STATS_SEND, N_("printer") },
		 { UA_BACK, N_("back") }, { UA_HELP, N_("help") }),
	.draw = draw,
	.key = key,
	.resize = resize,
	.resume = resume,
	.close = close_stats,
};

ui_screen ui_stats_screen(ui_app *app)
{
	stats_state *st = xcalloc(1, sizeof *st);
	ui_screen s = { &stats_ops, st, UI_D_BODY };

	st->month = date_month(app->today);
	st->ascii = !ui_stats_blocks_ok(getenv("TERM"));
	load(app, st);
	return s;
}
