/*
 * screen_assessment.c - an assessment after the ICF: the 基本情報 page
 * (health condition, wishes of the client and the family, family,
 * agencies, life history, medical situation) above its items grouped
 * by component (b, s, d, e, personal).  Each item keeps the fact apart
 * from the interpretation, flags strength and need, and may carry an
 * ICF code picked from the shipped list (i) with its qualifiers: d with
 * performance and capacity, e as barrier or facilitator.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/icf.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/ui_rows.h"
#include "tsunagi/xalloc.h"

typedef struct assess_state {
	ui_rows rows;           /* first: the shared confirm reads it */
	int64_t picking;        /* the item an ICF code is being picked for */
} assess_state;

static const char *component_name(const char *c)
{
	const char *ja = icf_component_ja(c);
	return ja ? ja : c;
}

/* The ICF notation of the qualifiers: d450.2 (b, s), d450.2 1
 * (performance, capacity), e310+2 (facilitator) or e310.2 (barrier). */
static void qualifiers(const assessment_item *it, char *buf, size_t n)
{
	char q[16] = "", c[16] = "";

	if (it->qualifier != FIELD_INT_NULL)
		snprintf(q, sizeof q, "%d", it->qualifier);
	if (it->capacity != FIELD_INT_NULL)
		snprintf(c, sizeof c, "%d", it->capacity);
	if (!q[0] && !c[0]) {
		buf[0] = '\0';
		return;
	}
	if (!strcmp(it->component, "e"))
		snprintf(buf, n, "%s%s", it->facilitator ? "+" : ".", q);
	else if (!strcmp(it->component, "d"))
		snprintf(buf, n, ".%s%s%s", q[0] ? q : "_", c[0] ? " " : "", c);
	else
		snprintf(buf, n, ".%s", q);
}

static void draw_row(ui_rows *r, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	const assessment_item *it = row;
	char code[64], q[40], flags[8];
	int cx = x, fw;

	ui_put(w, y, cx, 11, component_name(it->component), true);
	cx += 11;
	qualifiers(it, q, sizeof q);
	snprintf(code, sizeof code, "%s%s", it->icf_code, q);
	ui_put(w, y, cx, 12, code, true);
	cx += 12;
	snprintf(flags, sizeof flags, "%s%s ", it->strength ? "S" : " ", it->need ? "N" : " ");
	ui_put_raw(w, y, cx, 3, flags, true);
	cx += 3;
	fw = (x + width - cx) / 2;
	ui_put_cut(w, y, cx, fw - 1, it->fact, true);
	cx += fw;
	ui_put_cut(w, y, cx, x + width - cx, it->interpretation, true);
}

/* A new item joins the group of the selected one. */
static void init_row(ui_rows *r, void *row)
{
	assessment_item *it = row;
	const assessment_item *sel = ui_rows_selected(r);

	if (sel) {
		free(it->component);
		it->component = xstrdup(sel->component);
	}
	it->position = (int)r->nrows + 1;
}

static void set_extra(assess_state *a)
{
	free(a->rows.extra);
	a->rows.extra = xstrdup(_("Items: S strength, N need; fact | interpretation\n"));
}

static void got_code(ui_app *app, void *arg, const char *code)
{
	ui_screen *s = arg;
	assess_state *a = s->st;
	assessment_item it;
	tsu_err e;

	record_init(&rt_assessment_item, &it);
	if (store_record_get(app->db, &rt_assessment_item, a->picking, &it, &e) != TSU_OK ||
	    record_set(&rt_assessment_item, &it, record_field(&rt_assessment_item, "icf_code"), code, &e) != TSU_OK) {
		ui_error(app, "%s", e.msg);
	} else {
		if (store_record_update(app->db, &rt_assessment_item, &it, &e) != TSU_OK)
			ui_error(app, "%s", e.msg);
		else {
			const icf_entry *en = icf_lookup(code);
			ui_message(app, _("ICF code %s (%s) set."), code, en ? en->ja : "");
		}
	}
	record_free(&rt_assessment_item, &it);
	ui_rows_load(&a->rows, a->picking);
	s->dirty |= UI_D_BODY;
}

static void draw(ui_app *app, ui_screen *s)
{
	assess_state *a = s->st;
	char *title = xasprintf(_("Assessment of %s - ICF items by component below"), a->rows.client_name);
	ui_rows_draw(&a->rows, title);
	free(title);
}

static bool key(ui_app *app, ui_screen *s, ui_action act, ui_key k)
{
	assess_state *a = s->st;

	s->dirty |= UI_D_BODY;
	switch (act) {
	case UA_ICF_PICK: {
		const assessment_item *it = ui_rows_selected(&a->rows);
		a->picking = it->id;
		ui_push(app, ui_icf_screen(app, it->icf_code, it->component, got_code, s));
		return true;
	}
	case UA_PRINT:
		ui_print(app, "assessment", a->rows.client_id, a->rows.id);
		return true;
	case UA_SEND:
		ui_send(app, "assessment", a->rows.client_id, a->rows.id);
		return true;
	default:
		return ui_rows_key(&a->rows, s, act);
	}
}

static const char *refusal(ui_screen *s, ui_action a, unsigned need)
{
	if (a == UA_ICF_PICK && need == UI_NEED_ROW)
		return _("Add an item first (n), then pick its code.");
	return ui_rows_screen_refusal(s, a, need);
}

static const ui_screen_ops assess_ops = {
	.name = N_("Assessment"),
	UI_CTX(UK_ASSESSMENT, UK_RECORD, UK_LIST, UK_GLOBAL),
	UI_HINTS({ UA_HELP, N_("help") }, { UA_HEADER, N_("basics") },
		 { UA_ROW_ADD, N_("add item") }, { UA_ROW_EDIT, N_("edit") },
		 { UA_ICF_PICK, N_("ICF code") }, { UA_PRINT, N_("print") }, { UA_BACK, N_("back") }),
	.draw = draw,
	.key = key,
	.resize = ui_rows_screen_resize,
	.resume = ui_rows_screen_resume,
	.close = ui_rows_screen_close,
	.has = ui_rows_screen_has,
	.refusal = refusal,
};

ui_screen ui_assessment_screen(ui_app *app, int64_t client_id, int64_t assessment_id)
{
	assess_state *a = xcalloc(1, sizeof *a);
	ui_screen s = { &assess_ops, a, UI_D_BODY };

	a->rows.app = app;
	a->rows.rt = &rt_assessment;
	a->rows.crt = &rt_assessment_item;
	a->rows.client_id = client_id;
	a->rows.id = assessment_id;
	a->rows.draw_row = draw_row;
	a->rows.init_row = init_row;
	a->rows.ctx = a;
	if (!ui_rows_load(&a->rows, 0)) {
		ui_rows_screen_close(app, &s);
		return (ui_screen){ NULL, NULL, 0 };
	}
	set_extra(a);
	return s;
}
