/*
 * due_source.c - the due pager as a list source (see ui_due.h).  With
 * headings, the rows are: heading 0, the items of section 0, heading 1,
 * ... ; every section has its heading, empty or not.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/ui_due.h"
#include "tsunagi/xalloc.h"

typedef struct collect {
	ui_due_source *s;
	void **out;
	size_t k;
} collect;

static char *client_name(db *d, int64_t id)
{
	char *name = store_client_name(d, id);

	return name ? name : xstrdup("?");
}

static void emit(void *ctx, const due_item *it, int section)
{
	collect *c = ctx;
	ui_due_row *r = xcalloc(1, sizeof *r);

	r->section = section;
	r->it = *it;
	r->it.text = it->text ? xstrdup(it->text) : NULL;
	r->it.text2 = it->text2 ? xstrdup(it->text2) : NULL;
	r->pos = due_pager_pos(&c->s->pager, it, section);
	r->name = it->client_id ? client_name(c->s->app->db, it->client_id) : NULL;
	c->out[c->k++] = r;
}

static void heading(collect *c, int section)
{
	ui_due_row *r = xcalloc(1, sizeof *r);

	r->heading = true;
	r->section = section;
	c->out[c->k++] = r;
}

/* Items of section sec after (before) pos, up to what is left of n. */
static void items(collect *c, const due_pos *pos, int sec, bool backward, size_t n)
{
	tsu_err e;
	size_t k0 = c->k;

	err_clear(&e);
	due_pager_fetch(&c->s->pager, pos, sec, backward, n - c->k, emit, c, &e);
	if (e.code != TSU_OK && c->k == k0)
		ui_error(c->s->app, "%s", e.msg);
}

static size_t src_fetch(void *ctx, const void *anchor, bool backward, size_t n, void **out)
{
	ui_due_source *s = ctx;
	const ui_due_row *a = anchor;
	collect c = { s, out, 0 };
	int sec;
	const due_pos *pos = NULL;

	if (!s->open || n == 0)
		return 0;
	/* One snapshot and one lock for the page and its names. */
	db_read_begin(s->app->db);
	if (!s->headings) {
		items(&c, a ? &a->pos : NULL, -1, backward, n);
	} else if (!backward) {
		if (!a) {
			sec = 0;
			heading(&c, 0);
		} else {
			sec = a->section;
			pos = a->heading ? NULL : &a->pos;
		}
		while (c.k < n) {
			items(&c, pos, sec, false, n);
			if (c.k >= n || ++sec >= s->nsections)
				break;
			heading(&c, sec);
			pos = NULL;
		}
	} else {
		if (!a) {
			sec = s->nsections - 1;
		} else if (a->heading) {
			sec = a->section - 1;
		} else {
			sec = a->section;
			pos = &a->pos;
		}
		while (sec >= 0 && c.k < n) {
			items(&c, pos, sec, true, n);
			if (c.k >= n)
				break;
			heading(&c, sec--);
			pos = NULL;
		}
	}
	db_read_end(s->app->db);
	if (backward) {
		for (size_t i = 0; i < c.k / 2; i++) {
			void *t = out[i];
			out[i] = out[c.k - 1 - i];
			out[c.k - 1 - i] = t;
		}
	}
	return c.k;
}

static size_t src_count(void *ctx)
{
	ui_due_source *s = ctx;

	if (!s->open)
		return 0;
	return s->pager.total + (s->headings ? (size_t)s->nsections : 0);
}

static void src_free(void *ctx, void *row)
{
	ui_due_row *r = row;

	free((char *)r->it.text);
	free((char *)r->it.text2);
	free(r->name);
	free(r);
}

static void src_draw(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	ui_due_source *s = ctx;
	s->draw_row(s->draw_ctx, w, y, x, width, row, sel);
}

int ui_due_source_open(ui_due_source *s, const due_query *q, bool forget_missed,
		       due_section_fn classify, void *ctx, int nsections, tsu_err *e)
{
	int rc;

	ui_due_source_close(s);
	s->nsections = nsections;
	rc = due_pager_open(s->app->db, q, forget_missed, classify, ctx, nsections, &s->pager, e);
	s->open = rc == TSU_OK;
	return rc;
}

void ui_due_source_make(ui_due_source *s, ui_list_source *out)
{
	out->ctx = s;
	out->fetch = src_fetch;
	out->count = src_count;
	out->free_row = src_free;
	out->draw_row = src_draw;
}

void ui_due_source_close(ui_due_source *s)
{
	if (s->open)
		due_pager_free(&s->pager);
	s->open = false;
}

size_t ui_due_source_count(const ui_due_source *s, int section)
{
	if (!s->open)
		return 0;
	if (section < 0)
		return s->pager.total;
	return section < DUE_PAGE_MAX_SECTIONS ? s->pager.counts[section] : 0;
}

void ui_due_open(ui_app *app, const ui_due_row *row)
{
	enum ui_card_tab tab;
	int64_t ref;

	if (!row || row->heading)
		return;
	if (!row->it.client_id) {
		/* The office's 国保連請求: the worksheet of the month billed. */
		if (row->it.kind == DUE_BILLING)
			ui_push(app, ui_billing_screen(app, row->it.month));
		return;
	}
	tab = ui_card_tab_for_due(&row->it, &ref);
	ui_push(app, ui_card_screen(app, row->it.client_id, tab, ref));
	/* The record itself where it has a screen (q goes back to the
	 * card's tab, then the list). */
	if (ref)
		ui_card_open_selected(app);
}

bool ui_due_row_is_item(const void *row, void *arg)
{
	return !((const ui_due_row *)row)->heading;
}
