/*
 * print_pdf.c - a form's blocks (print.h) on the PDF engine (pdf.h):
 * label/value grids and tables are the engine's tables (shaded labels,
 * rows that grow to their tallest cell, the head repeated on each page),
 * labelled text boxes continue on the next page when long, the weekly
 * grid draws each slot as a box over its hours, and the signature line.
 * The page, the font, the text and the page numbers are the engine's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/pdf.h"
#include "tsunagi/print.h"
#include "tsunagi/xalloc.h"

#define PAD PDF_PAD
#define FONT_PT PDF_PT_FORM
#define LABEL_W 92.0
#define MIN_BOX 26.0

typedef struct pctx {
	const pform *f;
	pdf_doc *d;
	pdf_table **tables;           /* per block: its grid or table */
	int ntext;                    /* text boxes laid out (the dry pass) */
	double end_y;                 /* where the dry pass ended */
	double extra;                 /* added to each text box (fill_page) */
	bool sized;
} pctx;

/* The content box of the page being laid out. */
#define PG(c) pdf_doc_page((c)->d)
#define WIDTH(c) (PG(c)->right - PG(c)->left)

static double put(pctx *c, double size, bool bold, double x, double y, double w,
		  enum pdf_align al, const char *text)
{
	return pdf_doc_text(c->d, size, bold, x, y, w, al, text);
}

/* ---- pages ---- */

/* The title and subtitle on the first page, the title in small type on
 * the others. */
static void page_head(pdf_doc *d, void *arg)
{
	pctx *c = arg;
	const pdf_page *pg = pdf_doc_page(d);
	double w = pg->right - pg->left, y = pg->top;

	if (pg->page == 1) {
		y += pdf_doc_text(d, PDF_PT_TITLE, true, pg->left, y, w, PDF_CENTER, c->f->title) + 2;
		if (c->f->subtitle[0])
			y += pdf_doc_text(d, PDF_PT_SMALL, false, pg->left, y, w, PDF_RIGHT, c->f->subtitle);
		y += 6;
	} else {
		y += pdf_doc_text(d, PDF_PT_SMALL, false, pg->left, y, w, PDF_LEFT, c->f->title) + 4;
	}
	pdf_doc_set_y(d, y);
}

/* ---- blocks ---- */

static void heading(pctx *c, const char *text)
{
	double h = pdf_layout_height(pdf_doc_layout(c->d, FONT_PT, true, WIDTH(c), PDF_LEFT, text));
	double y;

	pdf_doc_ensure(c->d, h + 4 + 30);   /* never alone at the foot of a page */
	y = pdf_doc_y(c->d) + 3;
	put(c, FONT_PT, true, PG(c)->left, y, WIDTH(c), PDF_LEFT, text);
	pdf_doc_set_y(c->d, y + h + 2);
}

/* Label/value pairs, per_line to a row: a table with no head whose label
 * columns are shaded. */
static pdf_table *fields_table(pctx *c, const pblk *b)
{
	int per = b->per_line > 0 ? b->per_line : 1;
	double pairw = WIDTH(c) / per, lw = pairw * 0.42 < LABEL_W ? pairw * 0.42 : LABEL_W;
	pdf_col *cols = xcalloc((size_t)per * 2, sizeof *cols);
	const char **cells = xcalloc((size_t)per * 2, sizeof *cells);
	pdf_setup st = { .font_size = FONT_PT };
	pdf_table *t;

	for (int k = 0; k < per; k++) {
		cols[2 * k] = (pdf_col){ .width = lw };
		cols[2 * k + 1] = (pdf_col){ .width = pairw - lw };
	}
	t = pdf_table_new(&st, cols, (size_t)per * 2);
	for (int k = 0; k < per; k++)
		pdf_table_style(t, (size_t)(2 * k), &(pdf_col_style){ .shade = true });
	for (size_t i = 0; i < b->nfields; i += (size_t)per) {
		for (size_t k = 0; k < (size_t)per; k++) {
			bool have = i + k < b->nfields;

			cells[2 * k] = have ? b->labels[i + k] : "";
			cells[2 * k + 1] = have ? b->values[i + k] : "";
		}
		pdf_table_row(t, cells);
	}
	free(cols);
	free(cells);
	return t;
}

/* A ruled table: its heads centred and bold, its widths by weight. */
static pdf_table *form_table(const pblk *b)
{
	pdf_col *cols = xcalloc(b->ncols ? b->ncols : 1, sizeof *cols);
	pdf_setup st = { .font_size = FONT_PT };
	pdf_table *t;

	for (size_t i = 0; i < b->ncols; i++)
		cols[i] = (pdf_col){ .head = b->heads[i] };
	t = pdf_table_new(&st, cols, b->ncols);
	for (size_t i = 0; i < b->ncols; i++)
		pdf_table_style(t, i, &(pdf_col_style){ .weight = b->weights[i], .head_center = true });
	for (size_t r = 0; r < b->nrows; r++) {
		if (b->section && b->section[r])
			pdf_table_section(t, b->rows[r][0]);
		else
			pdf_table_row(t, (const char *const *)b->rows[r]);
	}
	free(cols);
	return t;
}

static void table(pctx *c, size_t i, pdf_table *(*make)(pctx *c, const pblk *b))
{
	if (!c->tables[i])
		c->tables[i] = make(c, &c->f->b[i]);
	pdf_doc_table(c->d, c->tables[i]);
}

static pdf_table *make_fields(pctx *c, const pblk *b)
{
	return fields_table(c, b);
}

static pdf_table *make_table(pctx *c, const pblk *b)
{
	return form_table(b);
}

/* A labelled box; a text longer than the page goes on over pages, a
 * whole line at a time. */
static void text_box(pctx *c, const char *label, const char *value)
{
	double vw = WIDTH(c) - LABEL_W, left = PG(c)->left;
	pdf_text *v = pdf_doc_layout(c->d, FONT_PT, false, vw - 2 * PAD, PDF_LEFT, value);
	pdf_text *a = pdf_doc_layout(c->d, FONT_PT, false, LABEL_W - 2 * PAD, PDF_LEFT, label);
	double total = pdf_layout_height(v), done = 0, la = pdf_layout_height(a);

	pdf_doc_ensure(c->d, (total < 3 * FONT_PT ? total : 3 * FONT_PT) + 2 * PAD + 2);
	c->ntext++;
	do {
		double y = pdf_doc_y(c->d), avail = PG(c)->bottom - y - 2 * PAD, end, h;

		end = total - done <= avail ? total : pdf_layout_cut(v, done, done + avail);
		if (end <= done && y > PG(c)->top + 40) {
			pdf_doc_new_page(c->d);   /* nothing fits: next page */
			continue;
		}
		if (end <= done)
			end = total;   /* a single line taller than a page */
		h = end - done + 2 * PAD;
		if (h < la + 2 * PAD)
			h = la + 2 * PAD;
		if (h < MIN_BOX)
			h = MIN_BOX;
		if (done == 0 && end >= total)
			h += c->extra;  /* a whole box: the page's spare room */
		if (y + h > PG(c)->bottom)
			h = PG(c)->bottom - y;
		pdf_doc_box(c->d, left, y, LABEL_W, h, true);
		pdf_doc_box(c->d, left + LABEL_W, y, vw, h, false);
		put(c, FONT_PT, false, left + PAD, y + PAD, LABEL_W - 2 * PAD, PDF_LEFT, label);
		pdf_doc_lines(c->d, v, left + LABEL_W + PAD, y + PAD, done, end);
		pdf_doc_set_y(c->d, y + h);
		done = end;
		if (done < total)
			pdf_doc_new_page(c->d);
	} while (done < total);
}

/* ---- the weekly grid ---- */

static int week_first_hour(const pblk *b)
{
	int h = 6;

	for (size_t i = 0; i < b->nslots; i++)
		if (b->slots[i].start_min / 60 < h)
			h = b->slots[i].start_min / 60;
	return h;
}

/* Side-by-side lanes for overlapping slots of one day. */
static void slot_lane(const pblk *b, size_t i, int *lane, int *lanes)
{
	const pslot *s = &b->slots[i];

	*lane = 0;
	*lanes = 1;
	for (size_t k = 0; k < b->nslots; k++) {
		const pslot *o = &b->slots[k];
		if (k == i || o->weekday != s->weekday || o->start_min >= s->end_min || o->end_min <= s->start_min)
			continue;
		(*lanes)++;
		if (k < i)
			(*lane)++;
	}
}

/* The slots, each a box over its hours with its activity inside (a slot
 * is as long as its time, so a long activity is cut at its end). */
static void week_slots(pctx *c, const pblk *b, double left, double top, double dw, double rowh, int h0)
{
	pdfw *w = pdf_doc_writer(c->d);

	for (size_t i = 0; i < b->nslots && !pdf_doc_dry(c->d); i++) {
		const pslot *s = &b->slots[i];
		int lane, lanes;
		double lw, x, y, h;

		slot_lane(b, i, &lane, &lanes);
		lw = dw / lanes;
		x = left + s->weekday * dw + lane * lw;
		y = top + (s->start_min - h0 * 60) / 60.0 * rowh;
		h = (s->end_min - s->start_min) / 60.0 * rowh;
		pdfw_rgb(w, 0.95, 0.95, 1.0);
		pdfw_rect(w, x + 1, y, lw - 2, h);
		pdfw_fill(w);
		pdfw_rgb(w, 0, 0, 0);
		pdfw_rect(w, x + 1, y, lw - 2, h);
		pdfw_stroke(w);
		pdfw_save(w);
		pdfw_rect(w, x + 1, y, lw - 2, h);
		pdfw_clip(w);
		put(c, PDF_PT_SMALL, false, x + 2, y + 1, lw - 4, PDF_LEFT, s->activity);
		pdfw_restore(w);
	}
}

static void week(pctx *c, const pblk *b)
{
	static const char *const days[] = { "月", "火", "水", "木", "金", "土", "日・祝" };
	int h0 = week_first_hour(b), hours = 24 - h0;
	double left = PG(c)->left, full = WIDTH(c), gridw = full * 0.7, tw = 30, dw = (gridw - tw) / 7;
	double headh = FONT_PT + 2 * PAD + 2, rowh = 17, top, sidex = left + gridw + 6;
	double bottom = PG(c)->bottom;
	char buf[24];

	if (hours * rowh + headh > bottom - pdf_doc_y(c->d) - 8)
		rowh = (bottom - pdf_doc_y(c->d) - 8 - headh) / hours;
	if (rowh < 10) {
		pdf_doc_new_page(c->d);
		rowh = (bottom - pdf_doc_y(c->d) - 8 - headh) / hours;
	}
	top = pdf_doc_y(c->d);
	pdf_doc_box(c->d, left, top, tw, headh, true);
	for (int d = 0; d < 7; d++) {
		pdf_doc_box(c->d, left + tw + d * dw, top, dw, headh, true);
		put(c, FONT_PT, true, left + tw + d * dw, top + PAD, dw, PDF_CENTER, days[d]);
	}
	for (int h = 0; h < hours; h++) {
		double y = top + headh + h * rowh;
		snprintf(buf, sizeof buf, "%d:00", h0 + h);
		pdf_doc_box(c->d, left, y, tw, rowh, false);
		put(c, PDF_PT_SMALL, false, left + 1, y + 1, tw - 2, PDF_RIGHT, buf);
		for (int d = 0; d < 7; d++)
			pdf_doc_box(c->d, left + tw + d * dw, y, dw, rowh, false);
	}
	week_slots(c, b, left + tw, top + headh, dw, rowh, h0);
	/* The box beside the grid, as tall as the grid. */
	if (b->label[0]) {
		double sw = PG(c)->right - sidex, gh = headh + hours * rowh;
		pdf_doc_box(c->d, sidex, top, sw, headh, true);
		put(c, FONT_PT, true, sidex + PAD, top + PAD, sw - 2 * PAD, PDF_CENTER, b->label);
		pdf_doc_box(c->d, sidex, top + headh, sw, gh - headh, false);
		pdf_doc_lines(c->d, pdf_doc_layout(c->d, FONT_PT, false, sw - 2 * PAD, PDF_LEFT, b->value),
			      sidex + PAD, top + headh + PAD, 0, gh - headh - 2 * PAD);
	}
	pdf_doc_set_y(c->d, top + headh + hours * rowh + 6);
}

static void rule(pctx *c, double x0, double x1, double y)
{
	pdfw *w = pdf_doc_writer(c->d);

	pdfw_move(w, x0, y);
	pdfw_line(w, x1, y);
	pdfw_stroke(w);
}

static void sign(pctx *c, const pblk *b)
{
	double x = PG(c)->left + WIDTH(c) * 0.45, right = PG(c)->right, y;

	pdf_doc_ensure(c->d, 40);
	y = pdf_doc_y(c->d) + 14;
	put(c, FONT_PT, false, x, y, 0, PDF_LEFT, b->label);
	rule(c, x + 80, right - 130, y + FONT_PT + 3);
	{
		/* The date beside its label, or a blank line to write it on. */
		double dx = right - 125;
		char *v = xasprintf("%s %s", b->labels[0], b->values[0]);

		put(c, FONT_PT, false, dx, y, 125, PDF_LEFT, v);
		free(v);
		if (!b->values[0][0]) {
			double w = pdf_layout_width(pdf_doc_layout(c->d, FONT_PT, false, 0, PDF_LEFT, b->labels[0]));

			rule(c, dx + w + 4, right, y + FONT_PT + 3);
		}
	}
	pdf_doc_set_y(c->d, y + 20);
}

/* ---- the document ---- */

static void body(pdf_doc *d, void *arg)
{
	pctx *c = arg;
	const pform *f = c->f;

	c->d = d;
	if (pdf_doc_dry(d)) {
		c->ntext = 0;
	} else if (!c->sized) {
		/* A form that fits on one page and asks for it shares out what
		 * is left at the bottom among its text boxes: room to write in
		 * by hand instead of an empty third of a page. */
		c->sized = true;
		if (f->fill_page && PG(c)->npages == 1 && c->ntext > 0 && PG(c)->bottom - c->end_y > 2)
			c->extra = (PG(c)->bottom - c->end_y - 2) / c->ntext;
	}
	for (size_t i = 0; i < f->n; i++) {
		const pblk *b = &f->b[i];
		switch (b->kind) {
		case PB_HEADING: heading(c, b->label); break;
		case PB_FIELDS: table(c, i, make_fields); break;
		case PB_TEXT: text_box(c, b->label, b->value); break;
		case PB_TABLE: table(c, i, make_table); break;
		case PB_WEEK: week(c, b); break;
		case PB_SIGN: sign(c, b); break;
		}
		pdf_doc_set_y(d, pdf_doc_y(d) + 3);
	}
	if (pdf_doc_dry(d))
		c->end_y = pdf_doc_y(d);
}

int pform_render_pdf(const pform *f, char **pdf, size_t *len, tsu_err *e)
{
	pctx c = { .f = f };
	pdf_doc_setup s = { .landscape = f->landscape, .pdf_title = f->title, .page_head = page_head, .arg = &c };
	pdf_doc *d;
	int rc;

	*pdf = NULL;
	*len = 0;
	d = pdf_doc_new(&s, e);
	if (!d)
		return e ? e->code : TSU_EFAIL;
	c.tables = xcalloc(f->n ? f->n : 1, sizeof *c.tables);
	rc = pdf_doc_run(d, body, &c, pdf, len, e);
	for (size_t i = 0; i < f->n; i++)
		pdf_table_free(c.tables[i]);
	free(c.tables);
	pdf_doc_free(d);
	return rc;
}
