/*
 * screen_billing.c - the billing worksheet of a month (B, or Enter on
 * the alarm list's 国保連請求 item): the same sections as `tsunagi
 * billing` (billable, 加算 candidates, problems), one line a row, and
 * the selected row's record and what to confirm at the foot.  h/l (or
 * ←/→) go to the month before or after, Enter opens the record a row
 * comes from on the client's card, p saves the PDF in ~/tsunagi-print/.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing_report.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct line {
	const bill_row *r;      /* NULL: a heading */
	char *text;             /* a heading's text */
} line;

static const ui_screen_ops billing_ops;

typedef struct billing_state {
	ui_app *app;
	month_t month;
	bill_sheet sheet;
	bool loaded;
	line *lines;
	size_t nlines;
	void **items;
	ui_array_source arr;
	ui_list list;
} billing_state;

enum { FOOT_ROWS = 2 };

static void draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	billing_state *bs = ctx;
	const line *l = row;
	const bill_row *r = l->r;
	char d[DATE_ISO_LEN], units[16];
	char *who;
	int col = x;

	if (!r) {
		wattron(w, A_BOLD);
		ui_put(w, y, x, width, l->text, true);
		wattroff(w, A_BOLD);
		return;
	}
	if (sel)
		wattron(w, A_REVERSE);
	date_format_iso(r->on, d);
	who = bill_row_who(&bs->sheet, r);
	ui_put_raw(w, y, col, 2, sel ? "> " : "  ", true);
	col += 2;
	ui_put(w, y, col, 6, d + 5, true);
	col += 6;
	ui_put_cut(w, y, col, 13, who, true);
	col += 13;
	snprintf(units, sizeof units, "%5d", r->units);
	if (width - (col - x) > 20) {
		int rest = width - (col - x), label = rest - 6 - 14;
		ui_put_cut(w, y, col, label, bill_row_label(r), true);
		ui_put(w, y, col + label, 6, r->section == BILL_PROBLEM ? "" : units, true);
		ui_put_cut(w, y, col + label + 6, 14, bill_status_label(r->status), true);
	}
	if (sel) {
		wattroff(w, A_REVERSE);
		wmove(w, y, x);
	}
	free(who);
}

static void add_heading(billing_state *bs, char *text)
{
	bs->lines[bs->nlines++] = (line){ NULL, text };
}

static void build_lines(billing_state *bs)
{
	const bill_result *r = &bs->sheet.r;
	size_t counts[3] = { r->nbase, r->naddon, r->nproblem }, i = 0;

	bs->lines = xcalloc(r->n + 3, sizeof *bs->lines);
	for (int sec = BILL_BASE; sec <= BILL_PROBLEM; sec++) {
		if (sec == BILL_BASE)
			add_heading(bs, xasprintf(_("Billable: %zu items, %d units"), r->nbase, r->base_units));
		else if (sec == BILL_ADDON)
			add_heading(bs, xasprintf(_("加算 candidates: %zu (%d units with evidence, not in the total)"),
						  r->naddon, r->addon_units));
		else
			add_heading(bs, xasprintf(_("Problems before the 10th: %zu"), r->nproblem));
		for (size_t k = 0; k < counts[sec]; k++, i++)
			bs->lines[bs->nlines++] = (line){ &r->rows[i], NULL };
	}
	bs->items = xcalloc(bs->nlines, sizeof *bs->items);
	for (size_t k = 0; k < bs->nlines; k++)
		bs->items[k] = &bs->lines[k];
}

static void unload(billing_state *bs)
{
	ui_list_free(&bs->list);
	for (size_t k = 0; k < bs->nlines; k++)
		free(bs->lines[k].text);
	free(bs->lines);
	free(bs->items);
	bs->lines = NULL;
	bs->items = NULL;
	bs->nlines = 0;
	if (bs->loaded)
		bill_sheet_free(&bs->sheet);
	bs->loaded = false;
}

/* From the top, the first row that is not a heading (the heading above
 * it stays in view). */
static void first_item(billing_state *bs)
{
	const line *l;

	for (size_t k = 0; k < bs->nlines; k++) {
		l = ui_list_selected(&bs->list);
		if (!l || l->r)
			return;
		ui_list_move(&bs->list, 1);
	}
}

static void load(billing_state *bs)
{
	ui_app *app = bs->app;
	const char *worker = app->cfg.worker[0] ? app->cfg.worker : db_login(app->db);
	ui_list_source src;
	tsu_err e;

	unload(bs);
	if (bill_sheet_build(app->db, bs->month, app->cfg.billing_category, app->cfg.billing_workers,
			     false, app->cfg.office, worker, app->today, &bs->sheet, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
		memset(&bs->sheet, 0, sizeof bs->sheet);
		bs->sheet.r.month = bs->month;
	} else {
		bs->loaded = true;
	}
	build_lines(bs);
	bs->arr.items = bs->items;
	bs->arr.n = bs->nlines;
	bs->arr.draw_row = draw_row;
	bs->arr.draw_ctx = bs;
	ui_array_source_make(&bs->arr, &src);
	ui_list_init(&bs->list, &src);
	ui_list_reload(&bs->list, ui_list_rows(app, billing_ops.list_used));
	first_item(bs);
}

static void draw_foot(ui_app *app, billing_state *bs)
{
	const line *l = ui_list_selected(&bs->list);
	int y = app->body_y + app->body_h - FOOT_ROWS;
	char *ev = l && l->r ? bill_row_evidence(&bs->sheet, l->r) : xstrdup("");

	ui_put_cut(stdscr, y, 0, app->cols, ev, true);
	ui_put_cut(stdscr, y + 1, 0, app->cols, l && l->r && l->r->note ? l->r->note : "", true);
	free(ev);
}

static void draw(ui_app *app, ui_screen *s)
{
	billing_state *bs = s->st;

	if (s->dirty & UI_D_BODY) {
		char *month = bill_month_label(bs->month), *head;

		head = xasprintf(_("%s  %s, %d.%d workers  (a worksheet to check against, not the 国保連 file)"),
				 month, bill_category_label(app->cfg.billing_category),
				 app->cfg.billing_workers / 10, app->cfg.billing_workers % 10);
		wattron(stdscr, A_BOLD);
		ui_put_cut(stdscr, app->body_y, 0, app->cols, head, true);
		wattroff(stdscr, A_BOLD);
		wattron(stdscr, A_UNDERLINE);
		ui_put_raw(stdscr, app->body_y + 1, 0, 8, "", true);
		ui_put(stdscr, app->body_y + 1, 8, 13, _("client"), true);
		ui_put(stdscr, app->body_y + 1, 21, app->cols - 21 - 20, _("item"), true);
		ui_put(stdscr, app->body_y + 1, app->cols - 20, 6, _("units"), true);
		ui_put(stdscr, app->body_y + 1, app->cols - 14, 14, _("status"), true);
		wattroff(stdscr, A_UNDERLINE);
		bs->list.dirty |= UI_LIST_ALL;
		free(head);
		free(month);
	}
	ui_list_draw(&bs->list, stdscr, app->body_y + 2, 0, app->cols);
	draw_foot(app, bs);
}

/* The card tab of the record a row comes from. */
static void open_row(ui_app *app, const bill_row *r)
{
	enum ui_card_tab tab;
	bool open = true;

	switch (r->ref) {
	case BILL_REF_PLAN: tab = UI_TAB_PLANS; break;
	case BILL_REF_MONITORING: tab = UI_TAB_MONITORINGS; break;
	case BILL_REF_MEETING: tab = UI_TAB_MEETINGS; break;
	case BILL_REF_NOTE: tab = UI_TAB_NOTES; open = false; break;
	case BILL_REF_SKIP: tab = UI_TAB_NOT_DONE; open = false; break;
	default: tab = UI_TAB_BASICS; open = false; break;
	}
	ui_push(app, ui_card_screen(app, r->client->id, tab, r->ref == BILL_REF_CLIENT ? 0 : r->ref_id));
	if (open)
		ui_card_open_selected(app);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	billing_state *bs = s->st;
	const line *l = ui_list_selected(&bs->list);

	if (ui_list_action(&bs->list, a)) {
		/* Headings are passed over in the direction of the move. */
		l = ui_list_selected(&bs->list);
		if (l && !l->r && (a == UA_UP || a == UA_DOWN)) {
			ui_list_move(&bs->list, a == UA_UP ? -1 : 1);
			l = ui_list_selected(&bs->list);
			if (l && !l->r)
				ui_list_move(&bs->list, a == UA_UP ? 1 : -1);
		}
		s->dirty |= UI_D_PART;
		return true;
	}
	switch (a) {
	case UA_OPEN:
		if (l && l->r)
			open_row(app, l->r);
		return true;
	case UA_BILL_PREV:
	case UA_BILL_NEXT:
		bs->month += a == UA_BILL_PREV ? -1 : 1;
		load(bs);
		s->dirty |= UI_D_BODY | UI_D_CLEAR;
		return true;
	case UA_BILL_PRINT:
	case UA_BILL_SEND:
		if (bs->loaded)
			ui_print_billing(app, &bs->sheet, a == UA_BILL_SEND);
		return true;
	default:
		return false;
	}
}

static void resume(ui_app *app, ui_screen *s)
{
	billing_state *bs = s->st;
	size_t at = ui_list_selected_index(&bs->list);

	/* The record may have changed: the month again, on the same row. */
	load(bs);
	ui_list_top(&bs->list);
	ui_list_move(&bs->list, (long)at);
	first_item(bs);
	s->dirty |= UI_D_BODY | UI_D_CLEAR;
}

static void close_billing(ui_app *app, ui_screen *s)
{
	billing_state *bs = s->st;
	unload(bs);
	free(bs);
}

static int64_t client(ui_screen *s)
{
	billing_state *bs = s->st;
	const line *l = ui_list_selected(&bs->list);
	return l && l->r ? l->r->client->id : 0;
}

static const ui_screen_ops billing_ops = {
	.name = N_("Billing worksheet"),
	UI_CTX(UK_BILLING, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_OPEN, N_("open") }, { UA_BILL_PREV, N_("month before") },
		 { UA_BILL_NEXT, N_("month after") }, { UA_BILL_PRINT, N_("PDF") },
		 { UA_BILL_SEND, N_("printer") }, { UA_BACK, N_("back") }, { UA_HELP, N_("help") }),
	UI_LIST_AT(billing_state, list, 2 + FOOT_ROWS),
	.draw = draw,
	.key = key,
	.resume = resume,
	.close = close_billing,
	.client = client,
};

ui_screen ui_billing_screen(ui_app *app, month_t m)
{
	billing_state *bs = xcalloc(1, sizeof *bs);
	ui_screen s = { &billing_ops, bs, UI_D_BODY };

	bs->app = app;
	bs->month = m;
	load(bs);
	return s;
}
