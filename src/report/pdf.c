/*
 * pdf.c - A4 tables in PDF with cairo and pango (see pdf.h).  Rendering
 * is two passes over the same cairo context: the first lays out every
 * cell and assigns rows to pages, so the second can print "n / N" in the
 * footer and repeat the header and the table head on each page.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "tsunagi/i18n.h"
#include "tsunagi/pdf.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

#define A4_W (210.0 * PDF_MM)
#define A4_H (297.0 * PDF_MM)
#define PAD 3.0            /* cell padding, points */
#define RULE 0.5           /* line width */

typedef struct prow {
	bool section;
	char **cells;           /* ncols, or 1 for a section */
	PangoLayout **lay;
	double h;
	int page;
} prow;

struct pdf_table {
	pdf_setup s;
	char *font, *title, *subtitle, *pdf_title;
	pdf_col *cols;
	char **heads;
	double *x, *w;          /* column x offsets and widths */
	size_t ncols;
	prow *rows;
	size_t n, cap;
	PangoFontDescription *fd, *fd_bold;
	PangoContext *pctx;     /* while rendering: one for every layout */
	/* While measuring, per column (and one for section headings): cell
	 * text -> its layout; the keys are the rows' own cells. */
	GHashTable **laid;
	/* The default header and footer, laid out once for every page. */
	PangoLayout *title_l, *sub_l, *foot_l;
	/* While drawing: layout -> its drawing, recorded once (see show);
	 * a page's rows' heights -> its rules (see draw_rules). */
	GHashTable *drawn, *ruled;
};

/* ---- building ---- */

static char *clean_copy(const char *s)
{
	if (!s)
		return xstrdup("");
	return text_valid_utf8(s, strlen(s), NULL) ? xstrdup(s) : text_sanitize(s, true);
}

pdf_table *pdf_table_new(const pdf_setup *s, const pdf_col *cols, size_t ncols)
{
	pdf_table *t = xcalloc(1, sizeof *t);

	t->s = *s;
	t->font = xstrdup(s->font ? s->font : PDF_FONT);
	t->title = clean_copy(s->title);
	t->subtitle = clean_copy(s->subtitle);
	t->pdf_title = clean_copy(s->pdf_title ? s->pdf_title : s->title);
	if (t->s.font_size <= 0)
		t->s.font_size = 9;
	if (t->s.margin <= 0)
		t->s.margin = 12 * PDF_MM;
	t->ncols = ncols;
	t->cols = xcalloc(ncols ? ncols : 1, sizeof *t->cols);
	t->heads = xcalloc(ncols ? ncols : 1, sizeof *t->heads);
	memcpy(t->cols, cols, ncols * sizeof *cols);
	for (size_t i = 0; i < ncols; i++)
		t->heads[i] = clean_copy(cols[i].head);
	t->x = xcalloc(ncols ? ncols : 1, sizeof *t->x);
	t->w = xcalloc(ncols ? ncols : 1, sizeof *t->w);
	return t;
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
		for (size_t c = 0; c < ncells(t, &t->rows[i]); c++) {
			free(t->rows[i].cells[c]);
			if (t->rows[i].lay[c])
				g_object_unref(t->rows[i].lay[c]);
		}
		free(t->rows[i].cells);
		free(t->rows[i].lay);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->heads[i]);
	if (t->fd)
		pango_font_description_free(t->fd);
	if (t->fd_bold)
		pango_font_description_free(t->fd_bold);
	free(t->rows);
	free(t->heads);
	free(t->cols);
	free(t->x);
	free(t->w);
	free(t->font);
	free(t->title);
	free(t->subtitle);
	free(t->pdf_title);
	free(t);
}

/* ---- text ---- */

static PangoFontDescription *font_desc(const char *family, double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(family);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

/* A context for cr's surface with Japanese line breaking and the Japanese
 * forms of Han characters.  A table shares one among all its layouts:
 * making one per cell (pango_cairo_create_layout) was a third of the
 * time of a long due list. */
static PangoContext *ja_context(cairo_t *cr)
{
	PangoContext *ctx = pango_cairo_create_context(cr);

	pango_context_set_language(ctx, pango_language_from_string("ja"));
	return ctx;
}

void pdf_layout_text(PangoLayout *l, double w, const char *text)
{
	const PangoFontDescription *fd = pango_layout_get_font_description(l);
	double em = fd ? (double)pango_font_description_get_size(fd) / PANGO_SCALE : 0;
	size_t max = strlen(text) / 2 + 1, n;
	size_t (*runs)[2];
	PangoAttrList *al;

	pango_layout_set_text(l, text, -1);
	if (w <= 0 || em <= 0)
		return;
	runs = xmalloc(max * sizeof *runs);
	/* A full-width character is one em wide. */
	n = text_word_runs(text, (int)(w / em), runs, max);
	al = pango_attr_list_new();
	for (size_t i = 0; i < n; i++) {
		PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);

		a->start_index = (guint)runs[i][0];
		a->end_index = (guint)runs[i][1];
		pango_attr_list_insert(al, a);
	}
	pango_layout_set_attributes(l, n ? al : NULL);
	pango_attr_list_unref(al);
	free(runs);
}

static PangoLayout *layout(PangoContext *ctx, const PangoFontDescription *fd, double w,
			   enum pdf_align align, const char *text)
{
	PangoLayout *l = pango_layout_new(ctx);

	pango_layout_set_font_description(l, fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align == PDF_CENTER ? PANGO_ALIGN_CENTER :
				   align == PDF_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pdf_layout_text(l, w, text);
	return l;
}

static double layout_h(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/*
 * A cell's layout drawn into a recording surface, painted wherever the
 * cell appears (see show).
 */
typedef struct shown {
	unsigned uses;          /* rows that show the layout */
	cairo_surface_t *rec;   /* its drawing, once made */
} shown;

static void shown_free(void *p)
{
	shown *sh = p;

	if (sh->rec)
		cairo_surface_destroy(sh->rec);
	free(sh);
}

static shown *shown_of(pdf_table *t, PangoLayout *l)
{
	shown *sh = g_hash_table_lookup(t->drawn, l);

	if (!sh) {
		sh = xcalloc(1, sizeof *sh);
		g_hash_table_insert(t->drawn, l, sh);
	}
	return sh;
}

/* A layout that many rows show and that has this many characters or more
 * is drawn once and painted as a form; shorter, its glyphs cost less to
 * write out again than the form's placement (a matrix of six numbers and
 * a replay of the form when cairo analyses the page). */
#define FORM_MIN_CHARS 10

static cairo_surface_t *record(PangoLayout *l)
{
	PangoRectangle ink, logical;
	cairo_rectangle_t box;
	cairo_surface_t *rec;
	cairo_t *rc;

	pango_layout_get_pixel_extents(l, &ink, &logical);
	/* The box holds every glyph's ink, with a point to spare. */
	box.x = (ink.x < logical.x ? ink.x : logical.x) - 1;
	box.y = (ink.y < logical.y ? ink.y : logical.y) - 1;
	box.width = (ink.x + ink.width > logical.x + logical.width ?
		     ink.x + ink.width : logical.x + logical.width) - box.x + 1;
	box.height = (ink.y + ink.height > logical.y + logical.height ?
		      ink.y + ink.height : logical.y + logical.height) - box.y + 1;
	rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
	rc = cairo_create(rec);
	pango_cairo_show_layout(rc, l);
	cairo_destroy(rc);
	return rec;
}

/*
 * Draw a cell's layout with its top left corner at (x, y).  A long text
 * that several rows show (a month's "monitoring for 2026-11", a plan's
 * review) is drawn once into a recording surface and that is painted
 * wherever it appears: cairo's PDF surface writes a recording used as a
 * source once, as a form XObject, and each use is one "Do".  Drawn each
 * time, its glyphs were written out again on every row (one number per
 * glyph position, wrapped at 72 columns and deflated): most of a
 * long due list's instructions.  The glyphs and their places are the
 * same either way.
 */
static bool as_form(pdf_table *t, PangoLayout *l)
{
	shown *sh = g_hash_table_lookup(t->drawn, l);

	return sh && sh->uses >= 2 && g_utf8_strlen(pango_layout_get_text(l), -1) >= FORM_MIN_CHARS;
}

/* The passes of a page's rows (see draw_page_rows). */
enum pass { PASS_FILL, PASS_TEXT, PASS_FORMS };

static void show(pdf_table *t, cairo_t *cr, enum pass pass, PangoLayout *l, double x, double y)
{
	shown *sh;

	if (!as_form(t, l)) {
		if (pass == PASS_TEXT) {
			cairo_move_to(cr, x, y);
			pango_cairo_show_layout(cr, l);
		}
		return;
	}
	if (pass != PASS_FORMS)
		return;
	sh = g_hash_table_lookup(t->drawn, l);
	if (!sh->rec)
		sh->rec = record(l);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_set_source_surface(cr, sh->rec, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
}

double pdf_draw_text(cairo_t *cr, const char *font, double size, bool bold,
		     double x, double y, double w, enum pdf_align align, const char *text)
{
	PangoFontDescription *fd = font_desc(font ? font : PDF_FONT, size, bold);
	char *clean = clean_copy(text);
	PangoContext *ctx = ja_context(cr);
	PangoLayout *l = layout(ctx, fd, w, align, clean);
	double h = layout_h(l);

	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	g_object_unref(ctx);
	pango_font_description_free(fd);
	free(clean);
	return h;
}

/* ---- layout ---- */

static void column_widths(pdf_table *t, double left, double width)
{
	double fixed = 0, share;
	size_t nfree = 0;

	for (size_t i = 0; i < t->ncols; i++) {
		fixed += t->cols[i].width;
		nfree += t->cols[i].width <= 0;
	}
	share = nfree && width > fixed ? (width - fixed) / (double)nfree : 0;
	for (size_t i = 0; i < t->ncols; i++) {
		t->w[i] = t->cols[i].width > 0 ? t->cols[i].width : share;
		t->x[i] = i ? t->x[i - 1] + t->w[i - 1] : left;
	}
}

static double measure_row(pdf_table *t, prow *r, double full)
{
	double h = 0;

	for (size_t c = 0; c < ncells(t, r); c++) {
		double cw = (r->section ? full : t->w[c]) - 2 * PAD;
		double ch;

		if (!r->section && t->cols[c].checkbox) {
			ch = t->s.font_size;
		} else {
			/* The same text in the same column is laid out once and
			 * drawn wherever it appears: a due list repeats its
			 * dates, names and kinds of item many times. */
			GHashTable *laid = t->laid[r->section ? t->ncols : c];
			PangoLayout *l = g_hash_table_lookup(laid, r->cells[c]);

			if (!l) {
				l = layout(t->pctx, r->section ? t->fd_bold : t->fd, cw,
					   r->section ? PDF_LEFT : t->cols[c].align, r->cells[c]);
				g_hash_table_insert(laid, r->cells[c], l);
			}
			r->lay[c] = g_object_ref(l);
			shown_of(t, l)->uses++;
			ch = layout_h(l);
		}
		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD;
}

/* Rows to pages; a section heading never ends a page.  Returns the
 * number of pages. */
static int paginate(pdf_table *t, double top, double bottom)
{
	int page = 1;
	double y = top;
	bool empty = true;

	for (size_t i = 0; i < t->n; i++) {
		prow *r = &t->rows[i];
		double need = r->h;

		if (r->section && i + 1 < t->n && !t->rows[i + 1].section)
			need += t->rows[i + 1].h;
		if (!empty && y + need > bottom) {
			page++;
			y = top;
		}
		r->page = page;
		y += r->h;
		empty = false;
	}
	return page;
}

/* ---- drawing ---- */

/* The default header and footer share their layouts between pages: made
 * per page (a context, a font and a layout each time) they were a
 * twentieth of a 30-page due list. */
static PangoLayout *header_layout(pdf_table *t, double size, bool bold, double w, enum pdf_align align, const char *text)
{
	PangoFontDescription *fd = font_desc(t->font, size, bold);
	char *clean = clean_copy(text);
	PangoLayout *l = layout(t->pctx, fd, w, align, clean);

	pango_font_description_free(fd);
	free(clean);
	return l;
}

/* Drawn as text on each page, not as a form (see show): as a form, the
 * title's line changed the blank lines of `pdftotext -layout`. */
static void default_header(pdf_table *t, cairo_t *cr, const pdf_page *pg)
{
	cairo_move_to(cr, pg->left, t->s.margin);
	pango_cairo_show_layout(cr, t->title_l);
	cairo_move_to(cr, pg->left, t->s.margin + layout_h(t->title_l) + 2);
	pango_cairo_show_layout(cr, t->sub_l);
}

static double default_header_h(pdf_table *t, double w)
{
	t->title_l = header_layout(t, 14, true, w, PDF_LEFT, t->title);
	t->sub_l = header_layout(t, 9, false, w, PDF_LEFT, t->subtitle);
	return layout_h(t->title_l) + 2 + layout_h(t->sub_l);
}

static void default_footer(pdf_table *t, cairo_t *cr, const pdf_page *pg)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%d / %d", pg->page, pg->npages);
	if (!t->foot_l)
		t->foot_l = header_layout(t, 8, false, pg->right - pg->left, PDF_CENTER, buf);
	else
		pango_layout_set_text(t->foot_l, buf, -1);
	cairo_move_to(cr, pg->left, pg->bottom + 6);
	pango_cairo_show_layout(cr, t->foot_l);
}

static void draw_head(pdf_table *t, cairo_t *cr, PangoLayout **heads, double y, double h)
{
	cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
	cairo_rectangle(cr, t->x[0], y, t->x[t->ncols - 1] + t->w[t->ncols - 1] - t->x[0], h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (size_t c = 0; c < t->ncols; c++) {
		cairo_move_to(cr, t->x[c] + PAD, y + PAD);
		pango_cairo_show_layout(cr, heads[c]);
	}
}

static void draw_row(pdf_table *t, cairo_t *cr, enum pass pass, const prow *r, double y, double full)
{
	if (r->section) {
		if (pass == PASS_FILL) {
			cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
			cairo_rectangle(cr, t->x[0], y, full, r->h);
			cairo_fill(cr);
			cairo_set_source_rgb(cr, 0, 0, 0);
		}
		show(t, cr, pass, r->lay[0], t->x[0] + PAD, y + PAD);
		return;
	}
	/* An empty cell (a month's monitoring has no date) draws nothing:
	 * skipped, it costs nothing either. */
	for (size_t c = 0; c < t->ncols; c++) {
		if (!t->cols[c].checkbox && r->cells[c][0])
			show(t, cr, pass, r->lay[c], t->x[c] + PAD, y + PAD);
	}
}

/*
 * A page's rows in three passes: the section headings' shading, then
 * the text, then the forms (see show).  Nothing on a page overlaps, so
 * the order draws the same page; but cairo ends its text object (ET) at
 * every other kind of drawing and starts the next with a whole text
 * matrix (six numbers, the zeros the dearest to print), where text
 * after text moves on with two (Td).  Row by row, the forms between the
 * cells cost 5,800 text matrices on the week's 116-page due list.
 */
static void draw_page_rows(pdf_table *t, cairo_t *cr, double top, size_t from, size_t to, double full)
{
	for (enum pass pass = PASS_FILL; pass <= PASS_FORMS; pass++) {
		double y = top;

		for (size_t i = from; i < to; i++) {
			draw_row(t, cr, pass, &t->rows[i], y, full);
			y += t->rows[i].h;
		}
	}
}

static void line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
}

/* The inner column rules from y0 down to y1. */
static void inner_rules(pdf_table *t, cairo_t *cr, double y0, double y1)
{
	for (size_t c = 1; c < t->ncols && y1 > y0; c++)
		line(cr, t->x[c], y0, t->x[c], y1);
}

/*
 * A page's rules, and the check boxes, as one path stroked once: a line
 * under the head and each row, the outer edges, and the column rules
 * through each run of rows between section headings (which span the
 * table).  Drawn cell by cell, the strokes were a fifth of the PDF's
 * instructions, and every inner rule was drawn twice.
 */
static void rules_path(pdf_table *t, cairo_t *cr, double top, double head_h, size_t from, size_t to)
{
	double left = t->x[0], right = t->x[t->ncols - 1] + t->w[t->ncols - 1];
	double y = top + head_h, run = top;
	double side = t->s.font_size * 0.9;

	line(cr, left, top, right, top);
	line(cr, left, y, right, y);
	for (size_t i = from; i < to; i++) {
		const prow *r = &t->rows[i];

		if (r->section) {
			inner_rules(t, cr, run, y);
			run = y + r->h;
		} else {
			for (size_t c = 0; c < t->ncols; c++)
				if (t->cols[c].checkbox)
					cairo_rectangle(cr, t->x[c] + (t->w[c] - side) / 2, y + PAD + 0.5, side, side);
		}
		y += r->h;
		line(cr, left, y, right, y);
	}
	inner_rules(t, cr, run, y);
	line(cr, left, top, left, y);
	line(cr, right, top, right, y);
	cairo_save(cr);
	/* Square caps close the corners where two rules meet. */
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/*
 * The rules of a page, drawn once for every page whose rows have the same
 * heights (and the same section headings): recorded, and painted as one
 * form wherever they repeat.  A month's monitorings fill page after page
 * of one-line rows, and their rules, written out number by number, were
 * a fifth of a long due list's instructions.
 */
static void draw_rules(pdf_table *t, cairo_t *cr, double top, double head_h, size_t from, size_t to)
{
	strbuf key;
	cairo_surface_t *rec;
	double bottom = top + head_h;

	sb_init(&key);
	sb_addf(&key, "%.4f %.4f", top, head_h);
	for (size_t i = from; i < to; i++) {
		sb_addf(&key, t->rows[i].section ? " s%.4f" : " %.4f", t->rows[i].h);
		bottom += t->rows[i].h;
	}
	rec = g_hash_table_lookup(t->ruled, key.s);
	if (!rec) {
		double left = t->x[0], right = t->x[t->ncols - 1] + t->w[t->ncols - 1];
		cairo_rectangle_t box = { left - 2, top - 2, right - left + 4, bottom - top + 4 };
		cairo_t *rc;

		rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
		rc = cairo_create(rec);
		cairo_set_line_width(rc, RULE);
		rules_path(t, rc, top, head_h, from, to);
		cairo_destroy(rc);
		g_hash_table_insert(t->ruled, sb_steal(&key), rec);
	} else {
		sb_free(&key);
	}
	cairo_save(cr);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
}

/*
 * The page's paper, white, drawn first.  Invisible, but it makes the
 * page cheap to finish: cairo's PDF surface replays each page to see
 * what it can write natively, adding every drawing's box to one region
 * (pixman_region32_union).  Boxes of text scattered over the page made
 * that region hundreds of rectangles and the unions a fifth of all the
 * instructions of a long due list; once the region is the whole page,
 * each union sees the box inside it and returns at once.
 */
static void paper(cairo_t *cr, double pw, double ph)
{
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

/* Drop the layouts and pango's font map.  cairo's and fontconfig's own
 * caches stay until exit: cairo_debug_reset_static_data() and FcFini()
 * abort the program (an assertion in cairo's hash table) whenever
 * pango's font loading still holds a font, which happened in about one
 * PDF in six on Debian 12. */
static void release_fonts(pdf_table *t)
{
	PangoLayout *own[] = { t->title_l, t->sub_l, t->foot_l };

	for (size_t i = 0; i < t->n; i++)
		for (size_t c = 0; c < ncells(t, &t->rows[i]); c++)
			if (t->rows[i].lay[c]) {
				g_object_unref(t->rows[i].lay[c]);
				t->rows[i].lay[c] = NULL;
			}
	for (size_t k = 0; k < 3; k++)
		if (own[k])
			g_object_unref(own[k]);
	t->title_l = t->sub_l = t->foot_l = NULL;
	if (t->drawn)
		g_hash_table_destroy(t->drawn);
	if (t->ruled)
		g_hash_table_destroy(t->ruled);
	t->drawn = t->ruled = NULL;
	for (size_t c = 0; t->laid && c <= t->ncols; c++)
		g_hash_table_destroy(t->laid[c]);
	free(t->laid);
	t->laid = NULL;
	if (t->pctx)
		g_object_unref(t->pctx);
	t->pctx = NULL;
	pango_cairo_font_map_set_default(NULL);
}

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	sb_addn(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* True when the font list resolves to a font with Japanese glyphs. */
static bool has_japanese(cairo_t *cr, const PangoFontDescription *fd)
{
	PangoContext *ctx = ja_context(cr);
	PangoLayout *l = layout(ctx, fd, 0, PDF_LEFT, "日本語のかな");
	int unknown = pango_layout_get_unknown_glyphs_count(l);

	g_object_unref(l);
	g_object_unref(ctx);
	return unknown == 0;
}

int pdf_table_render(pdf_table *t, char **pdf, size_t *len, tsu_err *e)
{
	double pw = t->s.landscape ? A4_H : A4_W, ph = t->s.landscape ? A4_W : A4_H;
	double m = t->s.margin, full = pw - 2 * m, head_h = 0, hdr_h;
	pdf_page pg = { 0, 0, pw, ph, m, pw - m, 0, ph - m - 14 };
	PangoLayout **heads = xcalloc(t->ncols ? t->ncols : 1, sizeof *heads);
	strbuf out;
	cairo_surface_t *sf;
	cairo_t *cr;
	cairo_status_t st;
	size_t i = 0, first;

	/* cairo frees and allocates again, page after page, memory at the
	 * top of the heap; glibc gave it back to the kernel each time and
	 * took it again page fault by page fault: with the forms (see show)
	 * 400 brk calls and 1,500 page faults for the week's due list at
	 * 10,000 clients, some 60 ms of system time on a loaded machine.
	 * Kept while rendering; glibc's default again after. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	sb_init(&out);
	sf = cairo_pdf_surface_create_for_stream(collect, &out, pw, ph);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, t->pdf_title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "tsunagi");
	cr = cairo_create(sf);
	cairo_set_line_width(cr, RULE);
	t->pctx = ja_context(cr);
	t->drawn = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, shown_free);
	t->ruled = g_hash_table_new_full(g_str_hash, g_str_equal, free,
					 (GDestroyNotify)cairo_surface_destroy);
	t->laid = xcalloc(t->ncols + 1, sizeof *t->laid);
	for (size_t c = 0; c <= t->ncols; c++)
		t->laid[c] = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_object_unref);
	t->fd = font_desc(t->font, t->s.font_size, false);
	t->fd_bold = font_desc(t->font, t->s.font_size, true);
	if (!has_japanese(cr, t->fd)) {
		err_set(e, TSU_EFAIL, _("no Japanese font found for the PDF; install fonts-ipaexfont or fonts-noto-cjk"));
		goto fail;
	}

	hdr_h = t->s.header ? t->s.header_h : default_header_h(t, full);
	pg.top = m + hdr_h + 6;
	column_widths(t, m, full);
	for (size_t c = 0; c < t->ncols; c++) {
		heads[c] = layout(t->pctx, t->fd_bold, t->w[c] - 2 * PAD, t->cols[c].align, t->heads[c]);
		if (layout_h(heads[c]) + 2 * PAD > head_h)
			head_h = layout_h(heads[c]) + 2 * PAD;
	}
	for (size_t r = 0; r < t->n; r++)
		t->rows[r].h = measure_row(t, &t->rows[r], full);
	pg.npages = paginate(t, pg.top + head_h, pg.bottom);

	for (pg.page = 1; pg.page <= pg.npages; pg.page++) {
		double y = pg.top;

		paper(cr, pw, ph);
		if (t->s.header)
			t->s.header(cr, &pg, t->s.arg);
		else
			default_header(t, cr, &pg);
		if (t->ncols)
			draw_head(t, cr, heads, y, head_h);
		y += head_h;
		first = i;
		while (i < t->n && t->rows[i].page == pg.page)
			i++;
		draw_page_rows(t, cr, y, first, i, full);
		if (t->ncols)
			draw_rules(t, cr, pg.top, head_h, first, i);
		if (t->s.footer)
			t->s.footer(cr, &pg, t->s.arg);
		else
			default_footer(t, cr, &pg);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	for (size_t c = 0; c < t->ncols; c++)
		g_object_unref(heads[c]);
	free(heads);
	release_fonts(t);
	/* glibc's default (M_TRIM_THRESHOLD in mallopt(3)). */
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	if (st != CAIRO_STATUS_SUCCESS) {
		sb_free(&out);
		return err_set(e, TSU_EFAIL, _("could not make the PDF: %s"), cairo_status_to_string(st));
	}
	*len = out.len;
	*pdf = sb_steal(&out);
	return TSU_OK;
fail:
	cairo_destroy(cr);
	cairo_surface_destroy(sf);
	for (size_t c = 0; c < t->ncols; c++)
		if (heads[c])
			g_object_unref(heads[c]);
	free(heads);
	sb_free(&out);
	release_fonts(t);
	/* glibc's default (M_TRIM_THRESHOLD in mallopt(3)). */
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	return e ? e->code : TSU_EFAIL;
}
