/*
 * print_pdf.c - a form's blocks (print.h) laid out on A4 with cairo and
 * pango: ruled label/value grids with shaded labels, labelled text boxes
 * that continue on the next page when long, tables whose head repeats
 * on every page, the weekly grid with each slot drawn as a box over its
 * hours, and the signature line.  The layout runs twice: a dry pass
 * counts the pages so the second can print "n / N".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"
#include "tsunagi/print.h"
#include "tsunagi/xalloc.h"

#define A4_W (210.0 * PDF_MM)
#define A4_H (297.0 * PDF_MM)
#define PAD 2.5
#define FONT_PT 8.5
#define LABEL_W 92.0
#define MIN_BOX 26.0

typedef struct pctx {
	const pform *f;
	cairo_t *cr;
	bool dry;
	int page, npages;
	int ntext;                    /* text boxes laid out (the dry pass) */
	double extra;                 /* added to each text box (fill_page) */
	double pw, ph, left, right, top, bottom, y;
	PangoFontDescription *fd, *fdb, *fds, *fdt;
} pctx;

static PangoFontDescription *font(double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(PDF_FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

static PangoLayout *lay(pctx *c, const PangoFontDescription *fd, double w, PangoAlignment al, const char *text)
{
	PangoLayout *l = pango_cairo_create_layout(c->cr);

	pango_context_set_language(pango_layout_get_context(l), pango_language_from_string("ja"));
	pango_layout_context_changed(l);
	pango_layout_set_font_description(l, fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, al);
	pdf_layout_text(l, w, text);
	return l;
}

static double lh(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Text in a box, returning its height; drawn unless dry. */
static double put(pctx *c, const PangoFontDescription *fd, double x, double y, double w,
		  PangoAlignment al, const char *text)
{
	PangoLayout *l = lay(c, fd, w, al, text);
	double h = lh(l);

	if (!c->dry) {
		cairo_move_to(c->cr, x, y);
		pango_cairo_show_layout(c->cr, l);
	}
	g_object_unref(l);
	return h;
}

static void box(pctx *c, double x, double y, double w, double h, bool shade)
{
	if (c->dry)
		return;
	if (shade) {
		cairo_set_source_rgb(c->cr, 0.88, 0.88, 0.88);
		cairo_rectangle(c->cr, x, y, w, h);
		cairo_fill(c->cr);
		cairo_set_source_rgb(c->cr, 0, 0, 0);
	}
	cairo_rectangle(c->cr, x, y, w, h);
	cairo_stroke(c->cr);
}

/* ---- pages ---- */

static void start_page(pctx *c)
{
	double w = c->right - c->left, y = c->top;

	c->page++;
	if (c->page == 1) {
		y += put(c, c->fdt, c->left, y, w, PANGO_ALIGN_CENTER, c->f->title) + 2;
		if (c->f->subtitle[0])
			y += put(c, c->fds, c->left, y, w, PANGO_ALIGN_RIGHT, c->f->subtitle);
		y += 6;
	} else {
		y += put(c, c->fds, c->left, y, w, PANGO_ALIGN_LEFT, c->f->title) + 4;
	}
	c->y = y;
}

static void end_page(pctx *c)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%d / %d", c->page, c->npages);
	put(c, c->fds, c->left, c->bottom + 8, c->right - c->left, PANGO_ALIGN_CENTER, buf);
	if (!c->dry)
		cairo_show_page(c->cr);
}

/* Room for h more points, else a new page.  True when a page began. */
static bool ensure(pctx *c, double h)
{
	if (c->y + h <= c->bottom)
		return false;
	end_page(c);
	start_page(c);
	return true;
}

/* ---- blocks ---- */

static void heading(pctx *c, const char *text)
{
	PangoLayout *l = lay(c, c->fdb, c->right - c->left, PANGO_ALIGN_LEFT, text);
	double h = lh(l);

	g_object_unref(l);
	ensure(c, h + 4 + 30);   /* never alone at the foot of a page */
	c->y += 3;
	put(c, c->fdb, c->left, c->y, c->right - c->left, PANGO_ALIGN_LEFT, text);
	c->y += h + 2;
}

static void fields(pctx *c, const pblk *b)
{
	int per = b->per_line;
	double pairw = (c->right - c->left) / per;
	double lw = pairw * 0.42 < LABEL_W ? pairw * 0.42 : LABEL_W;

	for (size_t i = 0; i < b->nfields; i += (size_t)per) {
		double h = 0;
		for (size_t k = i; k < i + (size_t)per && k < b->nfields; k++) {
			PangoLayout *a = lay(c, c->fd, lw - 2 * PAD, PANGO_ALIGN_LEFT, b->labels[k]);
			PangoLayout *v = lay(c, c->fd, pairw - lw - 2 * PAD, PANGO_ALIGN_LEFT, b->values[k]);
			if (lh(a) > h)
				h = lh(a);
			if (lh(v) > h)
				h = lh(v);
			g_object_unref(a);
			g_object_unref(v);
		}
		h += 2 * PAD;
		ensure(c, h);
		for (size_t k = i; k < i + (size_t)per && k < b->nfields; k++) {
			double x = c->left + (double)(k - i) * pairw;
			box(c, x, c->y, lw, h, true);
			box(c, x + lw, c->y, pairw - lw, h, false);
			put(c, c->fd, x + PAD, c->y + PAD, lw - 2 * PAD, PANGO_ALIGN_LEFT, b->labels[k]);
			put(c, c->fd, x + lw + PAD, c->y + PAD, pairw - lw - 2 * PAD, PANGO_ALIGN_LEFT, b->values[k]);
		}
		c->y += h;
	}
}

/* Where the last whole line of l that ends at or before limit ends. */
static double cut_at(PangoLayout *l, double from, double limit)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double best = from;

	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if ((double)y0 / PANGO_SCALE >= from && (double)y1 / PANGO_SCALE <= limit)
			best = (double)y1 / PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return best;
}

/* A labelled box; a text longer than the page goes on over pages. */
static void text_box(pctx *c, const char *label, const char *value)
{
	double vw = c->right - c->left - LABEL_W;
	PangoLayout *v = lay(c, c->fd, vw - 2 * PAD, PANGO_ALIGN_LEFT, value);
	PangoLayout *a = lay(c, c->fd, LABEL_W - 2 * PAD, PANGO_ALIGN_LEFT, label);
	double total = lh(v), done = 0, la = lh(a);

	ensure(c, (total < 3 * FONT_PT ? total : 3 * FONT_PT) + 2 * PAD + 2);
	c->ntext++;
	do {
		double avail = c->bottom - c->y - 2 * PAD, end, h;

		end = total - done <= avail ? total : cut_at(v, done, done + avail);
		if (end <= done && c->y > c->top + 40) {
			ensure(c, c->bottom);   /* nothing fits: next page */
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
		if (c->y + h > c->bottom)
			h = c->bottom - c->y;
		box(c, c->left, c->y, LABEL_W, h, true);
		box(c, c->left + LABEL_W, c->y, vw, h, false);
		put(c, c->fd, c->left + PAD, c->y + PAD, LABEL_W - 2 * PAD, PANGO_ALIGN_LEFT, label);
		if (!c->dry) {
			cairo_save(c->cr);
			cairo_rectangle(c->cr, c->left + LABEL_W, c->y + PAD - 0.5, vw, end - done + 1);
			cairo_clip(c->cr);
			cairo_move_to(c->cr, c->left + LABEL_W + PAD, c->y + PAD - done);
			pango_cairo_show_layout(c->cr, v);
			cairo_restore(c->cr);
		}
		c->y += h;
		done = end;
		if (done < total)
			ensure(c, c->bottom);
	} while (done < total);
	g_object_unref(v);
	g_object_unref(a);
}

static void col_widths(pctx *c, const pblk *b, double *x, double *w)
{
	double sum = 0, full = c->right - c->left;

	for (size_t i = 0; i < b->ncols; i++)
		sum += b->weights[i];
	for (size_t i = 0; i < b->ncols; i++) {
		w[i] = full * b->weights[i] / (sum > 0 ? sum : 1);
		x[i] = i ? x[i - 1] + w[i - 1] : c->left;
	}
}

static double row_height(pctx *c, const pblk *b, size_t r, const double *w, bool head)
{
	double h = 0;

	for (size_t i = 0; i < (b->section && !head && b->section[r] ? 1 : b->ncols); i++) {
		const char *t = head ? b->heads[i] : b->rows[r][i];
		double cw = !head && b->section[r] ? c->right - c->left : w[i];
		PangoLayout *l = lay(c, head || (!head && b->section[r]) ? c->fdb : c->fd, cw - 2 * PAD,
				     PANGO_ALIGN_LEFT, t);
		if (lh(l) > h)
			h = lh(l);
		g_object_unref(l);
	}
	return h + 2 * PAD;
}

static void table_head(pctx *c, const pblk *b, const double *x, const double *w, double hh)
{
	for (size_t i = 0; i < b->ncols; i++) {
		box(c, x[i], c->y, w[i], hh, true);
		put(c, c->fdb, x[i] + PAD, c->y + PAD, w[i] - 2 * PAD, PANGO_ALIGN_CENTER, b->heads[i]);
	}
	c->y += hh;
}

static void table(pctx *c, const pblk *b)
{
	double *x = xcalloc(b->ncols, sizeof *x), *w = xcalloc(b->ncols, sizeof *w), hh;

	col_widths(c, b, x, w);
	hh = row_height(c, b, 0, w, true);
	ensure(c, hh + (b->nrows ? row_height(c, b, 0, w, false) : 0));
	table_head(c, b, x, w, hh);
	for (size_t r = 0; r < b->nrows; r++) {
		double h = row_height(c, b, r, w, false);
		if (ensure(c, h))
			table_head(c, b, x, w, hh);
		if (b->section[r]) {
			box(c, c->left, c->y, c->right - c->left, h, true);
			put(c, c->fdb, c->left + PAD, c->y + PAD, c->right - c->left - 2 * PAD, PANGO_ALIGN_LEFT, b->rows[r][0]);
		} else {
			for (size_t i = 0; i < b->ncols; i++) {
				box(c, x[i], c->y, w[i], h, false);
				put(c, c->fd, x[i] + PAD, c->y + PAD, w[i] - 2 * PAD, PANGO_ALIGN_LEFT, b->rows[r][i]);
			}
		}
		c->y += h;
	}
	free(x);
	free(w);
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

static void week(pctx *c, const pblk *b)
{
	static const char *const days[] = { "月", "火", "水", "木", "金", "土", "日・祝" };
	int h0 = week_first_hour(b), hours = 24 - h0;
	double full = c->right - c->left, gridw = full * 0.7, tw = 30, dw = (gridw - tw) / 7;
	double headh = FONT_PT + 2 * PAD + 2, rowh = 17, top, sidex = c->left + gridw + 6;
	char buf[24];

	if (hours * rowh + headh > c->bottom - c->y - 8)
		rowh = (c->bottom - c->y - 8 - headh) / hours;
	if (rowh < 10) {
		ensure(c, c->bottom);
		rowh = (c->bottom - c->y - 8 - headh) / hours;
	}
	top = c->y;
	box(c, c->left, top, tw, headh, true);
	for (int d = 0; d < 7; d++) {
		box(c, c->left + tw + d * dw, top, dw, headh, true);
		put(c, c->fdb, c->left + tw + d * dw, top + PAD, dw, PANGO_ALIGN_CENTER, days[d]);
	}
	for (int h = 0; h < hours; h++) {
		double y = top + headh + h * rowh;
		snprintf(buf, sizeof buf, "%d:00", h0 + h);
		box(c, c->left, y, tw, rowh, false);
		put(c, c->fds, c->left + 1, y + 1, tw - 2, PANGO_ALIGN_RIGHT, buf);
		for (int d = 0; d < 7; d++)
			box(c, c->left + tw + d * dw, y, dw, rowh, false);
	}
	for (size_t i = 0; i < b->nslots && !c->dry; i++) {
		const pslot *s = &b->slots[i];
		int lane, lanes;
		double lw, x, y, h;

		slot_lane(b, i, &lane, &lanes);
		lw = dw / lanes;
		x = c->left + tw + s->weekday * dw + lane * lw;
		y = top + headh + (s->start_min - h0 * 60) / 60.0 * rowh;
		h = (s->end_min - s->start_min) / 60.0 * rowh;
		cairo_set_source_rgb(c->cr, 0.95, 0.95, 1.0);
		cairo_rectangle(c->cr, x + 1, y, lw - 2, h);
		cairo_fill(c->cr);
		cairo_set_source_rgb(c->cr, 0, 0, 0);
		cairo_rectangle(c->cr, x + 1, y, lw - 2, h);
		cairo_stroke(c->cr);
		cairo_save(c->cr);
		cairo_rectangle(c->cr, x + 1, y, lw - 2, h);
		cairo_clip(c->cr);
		put(c, c->fds, x + 2, y + 1, lw - 4, PANGO_ALIGN_LEFT, s->activity);
		cairo_restore(c->cr);
	}
	/* The box beside the grid. */
	if (b->label[0]) {
		double sw = c->right - sidex, gh = headh + hours * rowh;
		box(c, sidex, top, sw, headh, true);
		put(c, c->fdb, sidex + PAD, top + PAD, sw - 2 * PAD, PANGO_ALIGN_CENTER, b->label);
		box(c, sidex, top + headh, sw, gh - headh, false);
		if (!c->dry) {
			cairo_save(c->cr);
			cairo_rectangle(c->cr, sidex, top + headh, sw, gh - headh);
			cairo_clip(c->cr);
			put(c, c->fd, sidex + PAD, top + headh + PAD, sw - 2 * PAD, PANGO_ALIGN_LEFT, b->value);
			cairo_restore(c->cr);
		}
	}
	c->y = top + headh + hours * rowh + 6;
}

static void sign(pctx *c, const pblk *b)
{
	double x = c->left + (c->right - c->left) * 0.45;

	ensure(c, 40);
	c->y += 14;
	put(c, c->fd, x, c->y, 0, PANGO_ALIGN_LEFT, b->label);
	if (!c->dry) {
		cairo_move_to(c->cr, x + 80, c->y + FONT_PT + 3);
		cairo_line_to(c->cr, c->right - 130, c->y + FONT_PT + 3);
		cairo_stroke(c->cr);
	}
	{
		/* The date beside its label, or a blank line to write it on. */
		double dx = c->right - 125;
		char *v = xasprintf("%s %s", b->labels[0], b->values[0]);

		put(c, c->fd, dx, c->y, 125, PANGO_ALIGN_LEFT, v);
		free(v);
		if (!b->values[0][0] && !c->dry) {
			PangoLayout *l = lay(c, c->fd, 0, PANGO_ALIGN_LEFT, b->labels[0]);
			int w, h;

			pango_layout_get_size(l, &w, &h);
			g_object_unref(l);
			cairo_move_to(c->cr, dx + (double)w / PANGO_SCALE + 4, c->y + FONT_PT + 3);
			cairo_line_to(c->cr, c->right, c->y + FONT_PT + 3);
			cairo_stroke(c->cr);
		}
	}
	c->y += 20;
}

/* ---- the document ---- */

static void run(pctx *c)
{
	c->page = 0;
	start_page(c);
	for (size_t i = 0; i < c->f->n; i++) {
		const pblk *b = &c->f->b[i];
		switch (b->kind) {
		case PB_HEADING: heading(c, b->label); break;
		case PB_FIELDS: fields(c, b); break;
		case PB_TEXT: text_box(c, b->label, b->value); break;
		case PB_TABLE: table(c, b); break;
		case PB_WEEK: week(c, b); break;
		case PB_SIGN: sign(c, b); break;
		}
		c->y += 3;
	}
	end_page(c);
}

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	sb_addn(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

static bool has_japanese(pctx *c)
{
	PangoLayout *l = lay(c, c->fd, 0, PANGO_ALIGN_LEFT, "日本語のかな");
	int unknown = pango_layout_get_unknown_glyphs_count(l);

	g_object_unref(l);
	return unknown == 0;
}

int pform_render_pdf(const pform *f, char **pdf, size_t *len, tsu_err *e)
{
	pctx c = { .f = f };
	double m = 12 * PDF_MM;
	cairo_surface_t *sf;
	cairo_status_t st;
	strbuf out;
	bool ok;

	*pdf = NULL;
	*len = 0;
	c.pw = f->landscape ? A4_H : A4_W;
	c.ph = f->landscape ? A4_W : A4_H;
	c.left = m;
	c.right = c.pw - m;
	c.top = m;
	c.bottom = c.ph - m - 12;
	sb_init(&out);
	sf = cairo_pdf_surface_create_for_stream(collect, &out, c.pw, c.ph);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, f->title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "tsunagi");
	c.cr = cairo_create(sf);
	cairo_set_line_width(c.cr, 0.5);
	c.fd = font(FONT_PT, false);
	c.fdb = font(FONT_PT, true);
	c.fds = font(7.5, false);
	c.fdt = font(14, true);
	ok = has_japanese(&c);
	if (ok) {
		c.dry = true;
		run(&c);
		c.npages = c.page;
		/* A form that fits on one page and asks for it shares out what
		 * is left at the bottom among its text boxes: room to write in
		 * by hand instead of an empty third of a page. */
		if (f->fill_page && c.npages == 1 && c.ntext > 0 && c.bottom - c.y > 2)
			c.extra = (c.bottom - c.y - 2) / c.ntext;
		c.dry = false;
		run(&c);
	}
	cairo_destroy(c.cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	pango_font_description_free(c.fd);
	pango_font_description_free(c.fdb);
	pango_font_description_free(c.fds);
	pango_font_description_free(c.fdt);
	/* One document per command: drop pango's font map (see pdf.c's
	 * release_fonts for why cairo's and fontconfig's caches stay). */
	pango_cairo_font_map_set_default(NULL);
	if (!ok || st != CAIRO_STATUS_SUCCESS) {
		sb_free(&out);
		if (!ok)
			return err_set(e, TSU_EFAIL, _("no Japanese font found for the PDF; install fonts-ipaexfont or fonts-noto-cjk"));
		return err_set(e, TSU_EFAIL, _("could not make the PDF: %s"), cairo_status_to_string(st));
	}
	*len = out.len;
	*pdf = sb_steal(&out);
	return TSU_OK;
}
