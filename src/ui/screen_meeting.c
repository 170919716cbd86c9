/*
 * screen_meeting.c - a care-team meeting (サービス担当者会議): date,
 * place, attendees and what was agreed above its action items, each
 * with owner, deadline, indicator and done date.  Open items feed the
 * alarm list through the due engine until x marks them done.  p prints
 * the minutes (サービス担当者会議の要点) to ~/tsunagi-print/.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

typedef struct meeting_state {
	ui_rows rows;           /* first: the shared confirm reads it */
} meeting_state;

static void draw_item(ui_rows *r, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const action_item *a = row;
	char due[DATE_ISO_LEN], done[DATE_ISO_LEN], head[64];
	int cx = x, ow;

	date_format_iso(a->due_on, due);
	date_format_iso(a->done_on, done);
	snprintf(head, sizeof head, "[%s] %-10s ", a->done_on != DATE_NONE ? "x" : " ", due);
	cx += ui_put_raw(w, y, cx, width, head, false);
	ow = (x + width - cx) / 4;
	ui_put_cut(w, y, cx, ow, a->owner, true);
	cx += ow;
	ui_put_cut(w, y, cx, x + width - cx, a->what, true);
}

static void draw(ui_app *app, ui_screen *s)
{
	meeting_state *m = s->st;
	char *title = xasprintf(_("Meeting of %s - action items below"), m->rows.client_name);
	ui_rows_draw(&m->rows, title);
	free(title);
}

static void toggle_done(ui_app *app, meeting_state *m)
{
	const action_item *sel = ui_rows_selected(&m->rows);
	action_item a;
	tsu_err e;

	record_copy(&rt_action_item, &a, sel);
	a.done_on = a.done_on == DATE_NONE ? app->today : DATE_NONE;
	if (store_record_update(app->db, &rt_action_item, &a, &e) != TSU_OK)
		ui_error(app, "%s", e.msg);
	else
		ui_message(app, "%s", a.done_on != DATE_NONE ? _("Marked done today.") : _("Marked not done."));
	record_free(&rt_action_item, &a);
	ui_rows_load(&m->rows, 0);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	meeting_state *m = s->st;

	if (a == UA_PRINT) {
		ui_print(app, "meeting", m->rows.client_id, m->rows.id);
		return true;
	}
	if (a == UA_SEND) {
		ui_send(app, "meeting", m->rows.client_id, m->rows.id);
		return true;
	}
	if (a == UA_ITEM_DONE) {
		toggle_done(app, m);
		s->dirty |= UI_D_BODY;
		return true;
	}
	return ui_rows_key(&m->rows, s, a);
}

static const ui_screen_ops meeting_ops = {
	.name = N_("Meeting"),
	UI_CTX(UK_MEETING, UK_RECORD, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_HELP, N_("help") }, { UA_HEADER, N_("meeting") },
		 { UA_ROW_ADD, N_("add item") }, { UA_ROW_EDIT, N_("edit") },
		 { UA_ITEM_DONE, N_("done") }, { UA_PRINT, N_("print") }, { UA_BACK, N_("back") }),
	.draw = draw,
	.key = key,
	.resize = ui_rows_screen_resize,
	.resume = ui_rows_screen_resume,
	.close = ui_rows_screen_close,
	.has = ui_rows_screen_has,
	.refusal = ui_rows_screen_refusal,
};

ui_screen ui_meeting_screen(ui_app *app, int64_t client_id, int64_t meeting_id)
{
	meeting_state *m = xcalloc(1, sizeof *m);
	ui_screen s = { &meeting_ops, m, UI_D_BODY };

	m->rows.app = app;
	m->rows.rt = &rt_meeting;
	m->rows.crt = &rt_action_item;
	m->rows.client_id = client_id;
	m->rows.id = meeting_id;
	m->rows.draw_row = draw_item;
	m->rows.ctx = m;
	if (!ui_rows_load(&m->rows, 0)) {
		ui_rows_screen_close(app, &s);
		return (ui_screen){ NULL, NULL, 0 };
	}
	return s;
}
