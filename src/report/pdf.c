/*
 * pdf.c - the PDF engine (see pdf.h): a document's pages, its font and
 * text, its layout cache, the wrapping of Japanese text, ruled tables
 * and page numbers.  A document runs its body twice over the same
 * writer: the first pass, muted, lays out every block and counts the
 * pages, so the second can print "n / N" and repeat the page head and
 * the table head on each page.
 *
 * Text is measured with the font's own advances (ttf.h) and written by
 * pdfw.h; there is no shaping: every character is its cmap glyph, which
 * is what Japanese text in a font like IPAex needs (no ligatures, no
 * kerning; a combining mark is drawn where it falls).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"
#include "tsunagi/text.h"
#include "tsunagi/ttf.h"
#include "tsunagi/wrap.h"
#include "tsunagi/xalloc.h"

#define PAD PDF_PAD
#define RULE 0.5           /* line width */
#define SHADE 0.85         /* a table's head and label cells */
#define SECTION_SHADE 0.93 /* a heading row across a table */

/* ---- text ---- */

static char *clean_copy(const char *s)
{
	if (!s)
		return xstrdup("");
	return text_valid_utf8(s, strlen(s), NULL) ? xstrdup(s) : text_sanitize(s, true);
}

typedef struct pline {
	size_t start, end;      /* bytes of the text */
	size_t g, ng;           /* its glyphs */
	double x, w;            /* from the layout's left; its width */
} pline;

struct pdf_text {
	char *key;              /* the text asked for (the cache's key) */
	char *text;             /* the text laid out (valid UTF-8) */
	double size, line_h, ascent, width;
	bool bold;
	pline *lines;
	size_t nlines;
	uint16_t *codes;
	const struct pdf_slot *slot;
	uint32_t hash;
};

/* One size, weight, width and alignment of text. */
typedef struct pdf_slot {
	double size, w;
	bool bold;
	enum pdf_align align;
} pdf_slot;

struct pdf_doc {
	pdf_doc_setup s;
	unsigned serial;        /* which document a table was measured for */
	char *title;
	pdf_page pg;
	double y, top0;         /* the flow; where it starts on this page */
	bool dry;
	ttf_font *font;
	const ttf_metrics *m;
	double ascent, line;    /* per point of type */
	pdfw *w;
	pdf_slot **slots;
	size_t nslots;
	/* The layout cache: an open-addressed table of every layout made,
	 * by slot and text.  The same text in the same place is laid out
	 * once and drawn wherever it appears, in both passes: a due list
	 * repeats its dates, names and kinds of item many times. */
	pdf_text **laid;
	size_t nlaid, caplaid;
};

/* The widths of s's characters by their first byte (wrap.h's adv; 0 for
 * a newline, -1 for other bytes) and their codes (pdfw_glyph). */
static void measure(pdf_doc *d, const char *s, size_t n, double size, double *adv, uint16_t *code)
{
	double scale = size / (d->m->units_per_em ? d->m->units_per_em : 1000);

	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		unsigned g;

		if (!k)
			k = 1;
		for (size_t j = i + 1; j < i + k && j < n; j++)
			adv[j] = -1;
		if (cp == '\n') {
			adv[i] = 0;
			code[i] = 0;
		} else {
			/* A tab is as wide as a space (the fields hold none). */
			code[i] = (uint16_t)pdfw_glyph(d->w, cp == '\t' ? ' ' : (uint32_t)cp, &g);
			adv[i] = ttf_advance(d->font, g) * scale;
		}
		i += k;
	}
}

/* Whether a paragraph of s is wider than w. */
static bool too_wide(const char *s, const double *adv, size_t n, double w)
{
	double x = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			x = 0;
		else if (adv[i] > 0 && (x += adv[i]) > w)
			return true;
	}
	return false;
}

/* Line [start, end): its glyphs and width.  A soft break drops the
 * spaces before it (ASCII and U+3000), as a typesetter does. */
static void add_line(pdf_text *l, const double *adv, const uint16_t *code, size_t start, size_t end,
		     bool soft, size_t *ng)
{
	pline *ln = &l->lines[l->nlines++];

	if (soft) {
		while (end > start && l->text[end - 1] == ' ')
			end--;
		while (end >= start + 3 && !memcmp(l->text + end - 3, "\xE3\x80\x80", 3))
			end -= 3;
	}
	ln->start = start;
	ln->end = end;
	ln->g = *ng;
	ln->w = 0;
	for (size_t i = start; i < end; i++)
		if (adv[i] >= 0) {
			l->codes[(*ng)++] = code[i];
			ln->w += adv[i];
		}
	ln->ng = *ng - ln->g;
	if (ln->w > l->width)
		l->width = ln->w;
}

/*
 * Lines at s's own newlines and, when a paragraph is wider than w, where
 * wrap_lines says.  The lines are fitted half a point short of w, as
 * they were when pango set them (so that rounding never makes a line
 * overhang its cell); a text that fits keeps its lines.
 */
static void break_lines(pdf_text *l, const double *adv, const uint16_t *code, double w)
{
	size_t n = strlen(l->text), nb = 0, k = 0, start = 0, ng = 0, nl = 1;
	size_t *brk = NULL;

	if (w > 0 && too_wide(l->text, adv, n, w)) {
		brk = xmalloc(n * sizeof *brk);
		nb = wrap_lines(l->text, adv, w - 0.5, brk, n);
	}
	for (size_t i = 0; i < n; i++)
		nl += l->text[i] == '\n';
	l->lines = xcalloc(nl + nb, sizeof *l->lines);
	l->codes = xmalloc((n ? n : 1) * sizeof *l->codes);
	for (size_t i = 0; i < n; i++) {
		if (k < nb && brk[k] == i) {
			add_line(l, adv, code, start, i, true, &ng);
			start = i;
			k++;
		}
		if (l->text[i] == '\n') {
			add_line(l, adv, code, start, i, false, &ng);
			start = i + 1;
		}
	}
	add_line(l, adv, code, start, n, false, &ng);
	free(brk);
}

static void align_lines(pdf_text *l, double w, enum pdf_align align)
{
	double box = w > 0 ? w : l->width;

	for (size_t i = 0; i < l->nlines; i++) {
		pline *ln = &l->lines[i];

		ln->x = align == PDF_CENTER ? (box - ln->w) / 2 : align == PDF_RIGHT ? box - ln->w : 0;
	}
}

static pdf_text *lay_out(pdf_doc *d, const pdf_slot *sl, const char *key)
{
	pdf_text *l = xcalloc(1, sizeof *l);
	size_t n;
	double *adv;
	uint16_t *code;

	l->key = xstrdup(key);
	l->text = clean_copy(key);
	l->size = sl->size;
	l->bold = sl->bold;
	l->slot = sl;
	l->line_h = d->line * sl->size;
	l->ascent = d->ascent * sl->size;
	n = strlen(l->text);
	adv = xmalloc((n ? n : 1) * sizeof *adv);
	code = xmalloc((n ? n : 1) * sizeof *code);
	measure(d, l->text, n, sl->size, adv, code);
	break_lines(l, adv, code, sl->w);
	align_lines(l, sl->w, sl->align);
	free(adv);
	free(code);
	return l;
}

static void text_free(pdf_text *l)
{
	free(l->key);
	free(l->text);
	free(l->lines);
	free(l->codes);
	free(l);
}

double pdf_layout_height(const pdf_text *l)
{
	return l->nlines * l->line_h;
}

double pdf_layout_width(const pdf_text *l)
{
	return l->width;
}

size_t pdf_layout_lines(const pdf_text *l)
{
	return l->nlines;
}

size_t pdf_layout_line_start(const pdf_text *l, size_t i)
{
	return i < l->nlines ? l->lines[i].start : strlen(l->text);
}

const char *pdf_layout_string(const pdf_text *l)
{
	return l->text;
}

double pdf_layout_cut(const pdf_text *l, double from, double limit)
{
	double best = from;

	for (size_t i = 0; i < l->nlines; i++) {
		double y0 = i * l->line_h, y1 = y0 + l->line_h;

		if (y0 >= from - 0.01 && y1 <= limit)
			best = y1;
	}
	return best;
}

/* The lines of l between from and to (points from its top), its top at
 * y - from. */
static void draw_lines(pdf_doc *d, const pdf_text *l, double x, double y, double from, double to)
{
	for (size_t i = 0; i < l->nlines; i++) {
		const pline *ln = &l->lines[i];
		double y0 = i * l->line_h;

		if (y0 < from - 0.01 || y0 + l->line_h > to + 0.01)
			continue;
		pdfw_text(d->w, x + ln->x, y - from + y0 + l->ascent, l->size, l->bold,
			  l->codes + ln->g, ln->ng);
	}
}

static void show(pdf_doc *d, const pdf_text *l, double x, double y)
{
	draw_lines(d, l, x, y, 0, pdf_layout_height(l));
}

/* ---- the layout cache ---- */

static uint32_t hash_of(const pdf_slot *sl, const char *s)
{
	uint32_t h = 2166136261u ^ (uint32_t)(uintptr_t)sl;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void cache_grow(pdf_doc *d)
{
	size_t cap = d->caplaid ? 2 * d->caplaid : 256;
	pdf_text **t = xcalloc(cap, sizeof *t);

	for (size_t i = 0; i < d->caplaid; i++) {
		pdf_text *l = d->laid[i];
		size_t k;

		if (!l)
			continue;
		for (k = l->hash & (cap - 1); t[k]; k = (k + 1) & (cap - 1))
			;
		t[k] = l;
	}
	free(d->laid);
	d->laid = t;
	d->caplaid = cap;
}

static pdf_slot *slot_of(pdf_doc *d, double size, bool bold, double w, enum pdf_align align)
{
	pdf_slot *sl;

	if (w < 0)
		w = 0;
	for (size_t i = 0; i < d->nslots; i++) {
		sl = d->slots[i];
		if (sl->size == size && sl->bold == bold && sl->w == w && sl->align == align)
			return sl;
	}
	sl = xcalloc(1, sizeof *sl);
	*sl = (pdf_slot){ size, w, bold, align };
	d->slots = xrealloc(d->slots, (d->nslots + 1) * sizeof *d->slots);
	d->slots[d->nslots++] = sl;
	return sl;
}

static pdf_text *slot_layout(pdf_doc *d, const pdf_slot *sl, const char *text)
{
	uint32_t h;
	size_t k;

	if (!text)
		text = "";
	if (2 * (d->nlaid + 1) > d->caplaid)
		cache_grow(d);
	h = hash_of(sl, text);
	for (k = h & (d->caplaid - 1); d->laid[k]; k = (k + 1) & (d->caplaid - 1))
		if (d->laid[k]->hash == h && d->laid[k]->slot == sl && !strcmp(d->laid[k]->key, text))
			return d->laid[k];
	d->laid[k] = lay_out(d, sl, text);
	d->laid[k]->hash = h;
	d->nlaid++;
	return d->laid[k];
}

pdf_text *pdf_doc_layout(pdf_doc *d, double size, bool bold, double w, enum pdf_align align,
			 const char *text)
{
	return slot_layout(d, slot_of(d, size, bold, w, align), text);
}

/* ---- the document ---- */

pdf_doc *pdf_doc_new(const pdf_doc_setup *s, tsu_err *e)
{
	static unsigned serial;
	pdf_doc *d;
	double pw = s->landscape ? PDF_A4_H : PDF_A4_W, ph = s->landscape ? PDF_A4_W : PDF_A4_H;
	double m = s->margin > 0 ? s->margin : PDF_MARGIN, upem;
	ttf_font *font = ttf_open_japanese(e);

	if (!font)
		return NULL;
	d = xcalloc(1, sizeof *d);
	d->s = *s;
	d->serial = ++serial;
	d->title = clean_copy(s->pdf_title);
	d->pg = (pdf_page){ 0, 0, pw, ph, m, pw - m, m, ph - m - PDF_FOOT_H };
	d->font = font;
	d->m = ttf_get_metrics(font);
	upem = d->m->units_per_em ? d->m->units_per_em : 1000;
	/* A line is the font's ascent and descent (hhea), no leading: what
	 * pango set, so rows and pages come out as they did. */
	d->ascent = d->m->ascent / upem;
	d->line = (d->m->ascent - d->m->descent) / upem;
	d->w = pdfw_new(font, d->title);
	return d;
}

void pdf_doc_free(pdf_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->caplaid; i++)
		if (d->laid[i])
			text_free(d->laid[i]);
	free(d->laid);
	for (size_t i = 0; i < d->nslots; i++)
		free(d->slots[i]);
	free(d->slots);
	pdfw_free(d->w);
	ttf_close(d->font);
	free(d->title);
	free(d);
}

const pdf_page *pdf_doc_page(const pdf_doc *d)
{
	return &d->pg;
}

bool pdf_doc_dry(const pdf_doc *d)
{
	return d->dry;
}

pdfw *pdf_doc_writer(pdf_doc *d)
{
	return d->w;
}

size_t pdf_doc_missing(const pdf_doc *d)
{
	return pdfw_missing(d->w);
}

double pdf_doc_y(const pdf_doc *d)
{
	return d->y;
}

void pdf_doc_set_y(pdf_doc *d, double y)
{
	d->y = y;
}

double pdf_doc_text(pdf_doc *d, double size, bool bold, double x, double y, double w,
		    enum pdf_align align, const char *text)
{
	pdf_text *l = pdf_doc_layout(d, size, bold, w, align, text);

	if (!d->dry)
		show(d, l, x, y);
	return pdf_layout_height(l);
}

void pdf_doc_lines(pdf_doc *d, const pdf_text *l, double x, double y, double from, double to)
{
	if (!d->dry)
		draw_lines(d, l, x, y, from, to);
}

void pdf_doc_box(pdf_doc *d, double x, double y, double w, double h, bool shade)
{
	if (d->dry)
		return;
	if (shade) {
		pdfw_rgb(d->w, SHADE, SHADE, SHADE);
		pdfw_rect(d->w, x, y, w, h);
		pdfw_fill(d->w);
		pdfw_rgb(d->w, 0, 0, 0);
	}
	pdfw_rect(d->w, x, y, w, h);
	pdfw_stroke(d->w);
}

static void begin_page(pdf_doc *d)
{
	d->pg.page++;
	d->y = d->pg.top;
	pdfw_page(d->w, d->pg.width, d->pg.height);
	pdfw_line_width(d->w, RULE);
	if (d->s.page_head)
		d->s.page_head(d, d->s.arg);
	d->top0 = d->y;
}

/* The last page says, under its page number, how many characters the
 * font has no glyph for (an emoji, a rare kanji of another font): each
 * printed as an empty box, which the reader should not take for a
 * character of the record. */
static void missing_note(pdf_doc *d)
{
	size_t n = pdfw_missing(d->w);
	char *note;

	if (!n || d->pg.page != d->pg.npages)
		return;
	note = xasprintf(ngettext("%zu character is not in the font and prints as an empty box",
				  "%zu characters are not in the font and print as empty boxes", n), n);
	pdf_doc_text(d, PDF_PT_FOOT, false, d->pg.left, d->pg.bottom + 6 + PDF_PT_FOOT * 1.4,
		     d->pg.right - d->pg.left, PDF_CENTER, note);
	free(note);
}

static void end_page(pdf_doc *d)
{
	if (d->dry)
		return;
	if (d->s.page_foot) {
		d->s.page_foot(d, &d->pg, d->s.arg);
	} else {
		char buf[32];

		snprintf(buf, sizeof buf, "%d / %d", d->pg.page, d->pg.npages);
		pdf_doc_text(d, PDF_PT_FOOT, false, d->pg.left, d->pg.bottom + 6,
			     d->pg.right - d->pg.left, PDF_CENTER, buf);
	}
	missing_note(d);
}

void pdf_doc_new_page(pdf_doc *d)
{
	end_page(d);
	begin_page(d);
}

bool pdf_doc_ensure(pdf_doc *d, double h)
{
	if (d->y + h <= d->pg.bottom)
		return false;
	pdf_doc_new_page(d);
	return true;
}

int pdf_doc_run(pdf_doc *d, void (*body)(pdf_doc *d, void *arg), void *arg,
		char **pdf, size_t *len, tsu_err *e)
{
	*pdf = NULL;
	*len = 0;
	for (int pass = 0; pass < 2; pass++) {
		d->dry = pass == 0;
		pdfw_mute(d->w, d->dry);
		d->pg.page = 0;
		begin_page(d);
		body(d, arg);
		end_page(d);
		d->pg.npages = d->pg.page;
	}
	return pdfw_finish(d->w, pdf, len, e);
}

/* ---- tables ---- */

typedef struct prow {
	bool section;
	char **cells;           /* ncols, or 1 for a section */
	pdf_text **lay;         /* the document's */
	double h;
} prow;

struct pdf_table {
	pdf_setup s;
	char *title, *subtitle, *pdf_title;
	pdf_col *cols;
	pdf_col_style *style;
	char **heads;
	bool has_head;
	double *x, *w;          /* column x offsets and widths */
	size_t ncols;
	prow *rows;
	size_t n, cap;
	/* Measured for the document with this serial: */
	unsigned serial;
	pdf_text **head_l;
	double head_h, full;
};

pdf_table *pdf_table_new(const pdf_setup *s, const pdf_col *cols, size_t ncols)
{
	pdf_table *t = xcalloc(1, sizeof *t);
	size_t nc = ncols ? ncols : 1;

	t->s = *s;
	t->title = clean_copy(s->title);
	t->subtitle = clean_copy(s->subtitle);
	t->pdf_title = clean_copy(s->pdf_title ? s->pdf_title : s->title);
	if (t->s.font_size <= 0)
		t->s.font_size = PDF_PT_LIST;
	if (t->s.margin <= 0)
		t->s.margin = PDF_MARGIN;
	t->ncols = ncols;
	t->cols = xcalloc(nc, sizeof *t->cols);
	t->style = xcalloc(nc, sizeof *t->style);
	t->heads = xcalloc(nc, sizeof *t->heads);
	t->head_l = xcalloc(nc, sizeof *t->head_l);
	memcpy(t->cols, cols, ncols * sizeof *cols);
	for (size_t i = 0; i < ncols; i++) {
		t->heads[i] = clean_copy(cols[i].head);
		t->has_head |= cols[i].head != NULL;
	}
	t->x = xcalloc(nc, sizeof *t->x);
	t->w = xcalloc(nc, sizeof *t->w);
	return t;
}

void pdf_table_style(pdf_table *t, size_t col, const pdf_col_style *st)
{
	if (col < t->ncols)
		t->style[col] = *st;
	t->serial = 0;
}

static prow *add_row(pdf_table *t, bool section, size_t ncells)
{
	prow *r;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	r = &t->rows[t->n++];
	memset(r, 0, sizeof *r);
	r->section = section;
	r->cells = xcalloc(ncells, sizeof *r->cells);
	r->lay = xcalloc(ncells, sizeof *r->lay);
	t->serial = 0;
	return r;
}

void pdf_table_section(pdf_table *t, const char *text)
{
	add_row(t, true, 1)->cells[0] = clean_copy(text);
}

void pdf_table_row(pdf_table *t, const char *const *cells)
{
	prow *r = add_row(t, false, t->ncols ? t->ncols : 1);

	for (size_t i = 0; i < t->ncols; i++)
		r->cells[i] = clean_copy(cells[i]);
}

static size_t ncells(const pdf_table *t, const prow *r)
{
	return r->section ? 1 : t->ncols;
}

void pdf_table_free(pdf_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		for (size_t c = 0; c < ncells(t, &t->rows[i]); c++)
			free(t->rows[i].cells[c]);
		free(t->rows[i].cells);
		free(t->rows[i].lay);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->heads[i]);
	free(t->rows);
	free(t->heads);
	free(t->head_l);
	free(t->cols);
	free(t->style);
	free(t->x);
	free(t->w);
	free(t->title);
	free(t->subtitle);
	free(t->pdf_title);
	free(t);
}

/* Fixed columns take their width; the others share what is left by
 * their weights. */
static void column_widths(pdf_table *t, double left, double width)
{
	double fixed = 0, parts = 0, rest;

	for (size_t i = 0; i < t->ncols; i++) {
		fixed += t->cols[i].width;
		if (t->cols[i].width <= 0)
			parts += t->style[i].weight > 0 ? t->style[i].weight : 1;
	}
	rest = parts > 0 && width > fixed ? width - fixed : 0;
	for (size_t i = 0; i < t->ncols; i++) {
		double part = t->style[i].weight > 0 ? t->style[i].weight : 1;

		t->w[i] = t->cols[i].width > 0 ? t->cols[i].width : rest * part / parts;
		t->x[i] = i ? t->x[i - 1] + t->w[i - 1] : left;
	}
}

static void measure_row(pdf_doc *d, pdf_table *t, prow *r)
{
	double h = 0, size = t->s.font_size;

	for (size_t c = 0; c < ncells(t, r); c++) {
		double ch;

		if (!r->section && t->cols[c].checkbox) {
			ch = size;
		} else {
			pdf_slot *sl = r->section ? slot_of(d, size, true, t->full - 2 * PAD, PDF_LEFT) :
				slot_of(d, size, false, t->w[c] - 2 * PAD, t->cols[c].align);

			r->lay[c] = slot_layout(d, sl, r->cells[c]);
			ch = pdf_layout_height(r->lay[c]);
		}
		if (ch > h)
			h = ch;
	}
	r->h = h + 2 * PAD;
}

/* Column widths, the head and every row's height, once a document. */
static void table_measure(pdf_doc *d, pdf_table *t)
{
	double size = t->s.font_size;

	if (t->serial == d->serial)
		return;
	t->serial = d->serial;
	t->full = d->pg.right - d->pg.left;
	column_widths(t, d->pg.left, t->full);
	t->head_h = 0;
	for (size_t c = 0; t->has_head && c < t->ncols; c++) {
		enum pdf_align al = t->style[c].head_center ? PDF_CENTER : t->cols[c].align;
		double h;

		t->head_l[c] = pdf_doc_layout(d, size, true, t->w[c] - 2 * PAD, al, t->heads[c]);
		h = pdf_layout_height(t->head_l[c]) + 2 * PAD;
		if (h > t->head_h)
			t->head_h = h;
	}
	for (size_t r = 0; r < t->n; r++)
		measure_row(d, t, &t->rows[r]);
}

static void draw_head(pdf_doc *d, pdf_table *t, double y)
{
	pdfw *w = d->w;

	if (d->dry || !t->has_head)
		return;
	pdfw_rgb(w, SHADE, SHADE, SHADE);
	pdfw_rect(w, t->x[0], y, t->full, t->head_h);
	pdfw_fill(w);
	pdfw_rgb(w, 0, 0, 0);
	for (size_t c = 0; c < t->ncols; c++)
		show(d, t->head_l[c], t->x[c] + PAD, y + PAD);
}

static void shade_cells(pdf_doc *d, pdf_table *t, const prow *r, double y, double h)
{
	pdfw *w = d->w;
	bool any = false;

	if (r->section) {
		pdfw_rgb(w, SECTION_SHADE, SECTION_SHADE, SECTION_SHADE);
		pdfw_rect(w, t->x[0], y, t->full, h);
		any = true;
	} else {
		pdfw_rgb(w, SHADE, SHADE, SHADE);
		for (size_t c = 0; c < t->ncols; c++)
			if (t->style[c].shade) {
				pdfw_rect(w, t->x[c], y, t->w[c], h);
				any = true;
			}
	}
	if (any)
		pdfw_fill(w);
	pdfw_rgb(w, 0, 0, 0);
}

static double cell_x(const pdf_table *t, const prow *r, size_t c)
{
	return (r->section ? t->x[0] : t->x[c]) + PAD;
}

/* The passes over a page's rows (see draw_rows). */
enum pass { PASS_FILL, PASS_TEXT };

static void draw_row(pdf_doc *d, pdf_table *t, enum pass pass, const prow *r, double y)
{
	if (pass == PASS_FILL) {
		shade_cells(d, t, r, y, r->h);
		return;
	}
	/* An empty cell (a month's monitoring has no date) draws nothing:
	 * skipped, it costs nothing either. */
	for (size_t c = 0; c < ncells(t, r); c++)
		if ((r->section || !t->cols[c].checkbox) && r->cells[c][0])
			show(d, r->lay[c], cell_x(t, r, c), y + PAD);
}

/*
 * Rows [from, to) from y in two passes: the shading, then the text.
 * Nothing on a page overlaps, so the order draws the same page; but a
 * fill between two cells ends the text object (ET), and the text after
 * it starts a new one, where text after text moves on with a Td.
 */
static void draw_rows(pdf_doc *d, pdf_table *t, double y0, size_t from, size_t to)
{
	if (d->dry)
		return;
	for (enum pass pass = PASS_FILL; pass <= PASS_TEXT; pass++) {
		double y = y0;

		for (size_t i = from; i < to; i++) {
			draw_row(d, t, pass, &t->rows[i], y);
			y += t->rows[i].h;
		}
	}
}

static void line(pdfw *w, double x0, double y0, double x1, double y1)
{
	pdfw_move(w, x0, y0);
	pdfw_line(w, x1, y1);
}

/* The inner column rules from y0 down to y1. */
static void inner_rules(pdf_table *t, pdfw *w, double y0, double y1)
{
	for (size_t c = 1; c < t->ncols && y1 > y0; c++)
		line(w, t->x[c], y0, t->x[c], y1);
}

static void check_box(pdf_table *t, pdfw *w, size_t c, double y)
{
	double side = t->s.font_size * 0.9;

	pdfw_rect(w, t->x[c] + (t->w[c] - side) / 2, y + PAD + 0.5, side, side);
}

/*
 * The rules of rows [from, to) under a head of head_h (0: none) at top,
 * and the check boxes, as one path stroked once: a line under the head
 * and each row, the outer edges, and the column rules through each run
 * of rows between section headings (which span the table).  Drawn cell
 * by cell, the strokes were a fifth of the PDF's instructions, and every
 * inner rule was drawn twice.
 */
static void rules_path(pdf_table *t, pdfw *w, double top, double head_h, size_t from, size_t to)
{
	double left = t->x[0], right = t->x[0] + t->full;
	double y = top + head_h, run = top;

	line(w, left, top, right, top);
	line(w, left, y, right, y);
	for (size_t i = from; i < to; i++) {
		const prow *r = &t->rows[i];

		if (r->section) {
			inner_rules(t, w, run, y);
			run = y + r->h;
		} else {
			for (size_t c = 0; c < t->ncols; c++)
				if (t->cols[c].checkbox)
					check_box(t, w, c, y);
		}
		y += r->h;
		line(w, left, y, right, y);
	}
	inner_rules(t, w, run, y);
	line(w, left, top, left, y);
	line(w, right, top, right, y);
	/* Square caps close the corners where two rules meet. */
	pdfw_square_caps(w, true);
	pdfw_stroke(w);
	pdfw_square_caps(w, false);
}

/* The rules of a page's part of the table. */
static void draw_rules(pdf_doc *d, pdf_table *t, double top, double head_h, size_t from, size_t to)
{
	if (d->dry || (from == to && head_h <= 0))
		return;
	rules_path(t, d->w, top, head_h, from, to);
}

/* A page's part of the table: its rows, then its rules. */
static void flush(pdf_doc *d, pdf_table *t, double top, double head_h, size_t from, size_t to)
{
	draw_rows(d, t, top + head_h, from, to);
	draw_rules(d, t, top, head_h, from, to);
}

/* A new page with the table's head on it; the rows from there on are
 * ruled from the returned top. */
static double next_page(pdf_doc *d, pdf_table *t)
{
	double top;

	pdf_doc_new_page(d);
	top = d->y;
	draw_head(d, t, top);
	d->y += t->head_h;
	return top;
}

/*
 * A row taller than a page: a whole line at a time in every cell, each
 * part ruled on its own, the head repeated on each page.  A single line
 * taller than a page is drawn whole.
 */
static void split_row(pdf_doc *d, pdf_table *t, const prow *r)
{
	size_t nc = ncells(t, r);
	double *done = xcalloc(nc, sizeof *done), *end = xcalloc(nc, sizeof *end);
	bool more = true, first = true;

	if (d->pg.bottom - d->y < 3 * t->s.font_size + 2 * PAD)
		next_page(d, t);
	while (more) {
		double avail = d->pg.bottom - d->y - 2 * PAD, h = 0;

		for (size_t c = 0; c < nc; c++) {
			double total = r->lay[c] ? pdf_layout_height(r->lay[c]) : 0;

			end[c] = total - done[c] <= avail ? total : pdf_layout_cut(r->lay[c], done[c], done[c] + avail);
			if (end[c] - done[c] > h)
				h = end[c] - done[c];
		}
		if (h <= 0)     /* no whole line fits on a page: draw them all */
			for (size_t c = 0; c < nc; c++)
				if (r->lay[c] && (end[c] = pdf_layout_height(r->lay[c])) - done[c] > h)
					h = end[c] - done[c];
		h += 2 * PAD;
		if (!d->dry) {
			shade_cells(d, t, r, d->y, h);
			for (size_t c = 0; c < nc; c++)
				if (r->lay[c] && end[c] > done[c])
					draw_lines(d, r->lay[c], (r->section ? t->x[0] : t->x[c]) + PAD,
						   d->y + PAD, done[c], end[c]);
			for (size_t c = 0; c < nc; c++) {
				double x = r->section ? t->x[0] : t->x[c], w = r->section ? t->full : t->w[c];

				if (first && !r->section && t->cols[c].checkbox && !(r->lay[c] && end[c] > done[c]))
					check_box(t, d->w, c, d->y);
				pdfw_rect(d->w, x, d->y, w, h);
			}
			pdfw_stroke(d->w);
		}
		d->y += h;
		first = false;
		more = false;
		for (size_t c = 0; c < nc; c++) {
			done[c] = end[c];
			more |= r->lay[c] && done[c] < pdf_layout_height(r->lay[c]) - 0.01;
		}
		if (more)
			next_page(d, t);
	}
	free(done);
	free(end);
}

/* What row i needs on its page: itself, and the row under a section
 * heading, which never ends a page. */
static double need(const pdf_table *t, size_t i)
{
	const prow *r = &t->rows[i];

	return r->h + (r->section && i + 1 < t->n && !t->rows[i + 1].section ? t->rows[i + 1].h : 0);
}

void pdf_doc_table(pdf_doc *d, pdf_table *t)
{
	double top, head_h, room, rows_top;
	size_t from = 0;

	if (!t->ncols)
		return;
	table_measure(d, t);
	/* A page's room for rows under the head. */
	room = d->pg.bottom - d->top0 - t->head_h;
	pdf_doc_ensure(d, t->head_h + (t->n ? (need(t, 0) < room ? need(t, 0) : room) : 0));
	top = d->y;
	head_h = t->head_h;
	draw_head(d, t, top);
	d->y += head_h;
	rows_top = d->y;
	for (size_t i = 0; i < t->n; i++) {
		const prow *r = &t->rows[i];
		double n = need(t, i);

		/* A row that does not fit goes to the next page, unless it is
		 * the first under the head there: then it is taller than a
		 * page and goes on over pages. */
		if (d->y + (n < room ? n : room) > d->pg.bottom && d->y > rows_top + 0.01) {
			flush(d, t, top, head_h, from, i);
			top = next_page(d, t);
			head_h = t->head_h;
			from = i;
			rows_top = d->y;
		}
		if (d->y + r->h > d->pg.bottom) {
			flush(d, t, top, head_h, from, i);
			split_row(d, t, r);
			top = d->y;
			head_h = 0;
			from = i + 1;
			rows_top = 0;
			continue;
		}
		d->y += r->h;
	}
	flush(d, t, top, head_h, from, t->n);
}

/* ---- a list: one table as a whole document ---- */

static void table_head(pdf_doc *d, void *arg)
{
	pdf_table *t = arg;
	double w = d->pg.right - d->pg.left, m = d->pg.top;

	if (t->s.header) {
		pdf_page pg = d->pg;

		pg.top = m + t->s.header_h + 6;
		if (!d->dry)
			t->s.header(d, &pg, t->s.arg);
		d->y = pg.top;
		return;
	}
	d->y = m + pdf_doc_text(d, PDF_PT_TITLE, true, d->pg.left, m, w, PDF_LEFT, t->title) + 2;
	d->y += pdf_doc_text(d, PDF_PT_LIST, false, d->pg.left, d->y, w, PDF_LEFT, t->subtitle) + 6;
}

static void table_foot(pdf_doc *d, const pdf_page *pg, void *arg)
{
	pdf_table *t = arg;

	t->s.footer(d, pg, t->s.arg);
}

static void table_body(pdf_doc *d, void *arg)
{
	pdf_doc_table(d, arg);
}

int pdf_table_render(pdf_table *t, char **pdf, size_t *len, tsu_err *e)
{
	pdf_doc_setup s = {
		.landscape = t->s.landscape, .margin = t->s.margin,
		.pdf_title = t->pdf_title, .page_head = table_head,
		.page_foot = t->s.footer ? table_foot : NULL, .arg = t,
	};
	pdf_doc *d = pdf_doc_new(&s, e);
	int rc;

	if (!d)
		return e ? e->code : TSU_EFAIL;
	rc = pdf_doc_run(d, table_body, t, pdf, len, e);
	pdf_doc_free(d);
	t->serial = 0;
	return rc;
}
