/*
 * pdf.c - the PDF engine (see pdf.h): a document's pages, its font and
 * text, its layout cache, the wrapping of Japanese text, ruled tables
 * and page numbers.  A document runs its body twice over the same cairo
 * context: the first pass lays out every block and counts the pages, so
 * the second can print "n / N" and repeat the page head and the table
 * head on each page.
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

static PangoFontDescription *font_desc(const char *family, double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(family);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

/* A context for cr's surface with Japanese line breaking and the Japanese
 * forms of Han characters.  A document shares one among all its layouts:
 * making one per cell (pango_cairo_create_layout) was a third of the
 * time of a long due list. */
static PangoContext *ja_context(cairo_t *cr)
{
	PangoContext *ctx = pango_cairo_create_context(cr);

	pango_context_set_language(ctx, pango_language_from_string("ja"));
	return ctx;
}

/* Whether pango wrapped a line of l (not only at s's own newlines). */
static bool soft_wrapped(PangoLayout *l)
{
	GSList *lines = pango_layout_get_lines_readonly(l);

	for (GSList *it = lines ? lines->next : NULL; it; it = it->next)
		if (!((PangoLayoutLine *)it->data)->is_paragraph_start)
			return true;
	return false;
}

/* The width of each cluster of l's text, by its first byte (wrap.h's
 * adv); newlines are 0, other bytes -1. */
static double *cluster_widths(PangoLayout *l, const char *text, size_t n)
{
	double *adv = xmalloc((n ? n : 1) * sizeof *adv);
	PangoLayoutIter *it = pango_layout_get_iter(l);

	for (size_t i = 0; i < n; i++)
		adv[i] = text[i] == '\n' ? 0 : -1;
	/* A line's end comes as a cluster of no width at the next line's
	 * first byte; that line's own cluster comes after it. */
	do {
		int i = pango_layout_iter_get_index(it);
		PangoRectangle r;

		pango_layout_iter_get_cluster_extents(it, NULL, &r);
		if (i >= 0 && (size_t)i < n && text[i] != '\n')
			adv[i] = (double)r.width / PANGO_SCALE;
	} while (pango_layout_iter_next_cluster(it));
	pango_layout_iter_free(it);
	return adv;
}

/* text with a newline at each break, the spaces before it dropped. */
static char *with_breaks(const char *text, const size_t *brk, size_t nb)
{
	strbuf b;
	size_t from = 0;

	sb_init(&b);
	for (size_t k = 0; k < nb; k++) {
		size_t end = brk[k];

		while (end > from && text[end - 1] == ' ')
			end--;
		while (end >= from + 3 && !memcmp(text + end - 3, "\xE3\x80\x80", 3))   /* U+3000 */
			end -= 3;
		sb_addn(&b, text + from, end - from);
		sb_addc(&b, '\n');
		from = brk[k];
	}
	sb_adds(&b, text + from);
	return sb_steal(&b);
}

/*
 * Pango fits lines itself, breaking wherever Unicode allows (between any
 * two kanji).  When it had to wrap, the lines are fitted again from the
 * widths it measured, where wrap_lines says, and set with newlines.  The
 * lines are fitted half a point short of w so that shaping them apart
 * (a kerning pair split at a break) never makes pango wrap them again.
 */
void pdf_layout_text(PangoLayout *l, double w, const char *text)
{
	size_t n = strlen(text), nb, *brk;
	double *adv;
	char *set;

	pango_layout_set_attributes(l, NULL);
	pango_layout_set_text(l, text, -1);
	if (w <= 0 || !soft_wrapped(l))
		return;
	adv = cluster_widths(l, text, n);
	brk = xmalloc(n * sizeof *brk);
	nb = wrap_lines(text, adv, w - 0.5, brk, n);
	if (nb) {
		set = with_breaks(text, brk, nb);
		pango_layout_set_text(l, set, -1);
		free(set);
	}
	free(brk);
	free(adv);
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

double pdf_layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

double pdf_layout_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

double pdf_layout_cut(PangoLayout *l, double from, double limit)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double best = from;

	do {
		int y0, y1;

		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if ((double)y0 / PANGO_SCALE >= from - 0.01 && (double)y1 / PANGO_SCALE <= limit)
			best = (double)y1 / PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return best;
}

static void draw_lines(cairo_t *cr, PangoLayout *l, double x, double y, double from, double to)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		int y0, y1;
		PangoRectangle r;

		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if ((double)y0 / PANGO_SCALE < from - 0.01 || (double)y1 / PANGO_SCALE > to + 0.01)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		cairo_move_to(cr, x + (double)r.x / PANGO_SCALE,
			      y - from + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
		pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

double pdf_draw_text(cairo_t *cr, const char *font, double size, bool bold,
		     double x, double y, double w, enum pdf_align align, const char *text)
{
	PangoFontDescription *fd = font_desc(font ? font : PDF_FONT, size, bold);
	char *clean = clean_copy(text);
	PangoContext *ctx = ja_context(cr);
	PangoLayout *l = layout(ctx, fd, w, align, clean);
	double h = pdf_layout_height(l);

	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	g_object_unref(ctx);
	pango_font_description_free(fd);
	free(clean);
	return h;
}

/* ---- the document ---- */

/* One layout cache: the layouts of one size, weight, width and
 * alignment, by their text.  The same text in the same place is laid out
 * once and drawn wherever it appears, in both passes: a due list repeats
 * its dates, names and kinds of item many times. */
typedef struct pdf_slot {
	double size, w;
	bool bold;
	enum pdf_align align;
	PangoFontDescription *fd;
	GHashTable *laid;       /* text (owned) -> layout */
} pdf_slot;

struct pdf_doc {
	pdf_doc_setup s;
	unsigned serial;        /* which document a table was measured for */
	char *font, *title;
	pdf_page pg;
	double y, top0;         /* the flow; where it starts on this page */
	bool dry;
	strbuf out;
	cairo_surface_t *sf, *scratch;
	cairo_t *cr, *scratch_cr;
	PangoContext *pctx;
	pdf_slot **slots;
	size_t nslots;
	/* A table cell's layout -> how many rows show it and, once drawn,
	 * its drawing (see show). */
	GHashTable *drawn;
};

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	sb_addn(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
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
	sl->size = size;
	sl->bold = bold;
	sl->w = w;
	sl->align = align;
	sl->fd = font_desc(d->font, size, bold);
	sl->laid = g_hash_table_new_full(g_str_hash, g_str_equal, free, g_object_unref);
	d->slots = xrealloc(d->slots, (d->nslots + 1) * sizeof *d->slots);
	d->slots[d->nslots++] = sl;
	return sl;
}

static PangoLayout *slot_layout(pdf_doc *d, pdf_slot *sl, const char *text)
{
	PangoLayout *l;
	char *clean;

	if (!text)
		text = "";
	l = g_hash_table_lookup(sl->laid, text);
	if (l)
		return l;
	clean = clean_copy(text);
	l = layout(d->pctx, sl->fd, sl->w, sl->align, clean);
	free(clean);
	g_hash_table_insert(sl->laid, xstrdup(text), l);
	return l;
}

PangoLayout *pdf_doc_layout(pdf_doc *d, double size, bool bold, double w, enum pdf_align align,
			    const char *text)
{
	return slot_layout(d, slot_of(d, size, bold, w, align), text);
}

/*
 * A table cell's layout drawn into a recording surface, painted wherever
 * the cell appears (see show).
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

/* One more row shows l (counted once a document, when tables measure). */
static void count_use(pdf_doc *d, PangoLayout *l)
{
	shown *sh = g_hash_table_lookup(d->drawn, l);

	if (!sh) {
		sh = xcalloc(1, sizeof *sh);
		g_hash_table_insert(d->drawn, l, sh);
	}
	sh->uses++;
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
 * Whether a cell's layout is drawn as a form.  A long text that several
 * rows show (a month's "monitoring for 2026-11", a plan's review) is
 * drawn once into a recording surface and that is painted wherever it
 * appears: cairo's PDF surface writes a recording used as a source once,
 * as a form XObject, and each use is one "Do".  Drawn each time, its
 * glyphs were written out again on every row (one number per glyph
 * position, wrapped at 72 columns and deflated): most of a long due
 * list's instructions.  The glyphs and their places are the same either
 * way.
 */
static bool as_form(pdf_doc *d, PangoLayout *l)
{
	shown *sh = g_hash_table_lookup(d->drawn, l);

	return sh && sh->uses >= 2 && g_utf8_strlen(pango_layout_get_text(l), -1) >= FORM_MIN_CHARS;
}

/* The passes over a page's rows (see draw_rows). */
enum pass { PASS_FILL, PASS_TEXT, PASS_FORMS };

static void show(pdf_doc *d, enum pass pass, PangoLayout *l, double x, double y)
{
	shown *sh;

	if (!as_form(d, l)) {
		if (pass == PASS_TEXT) {
			cairo_move_to(d->cr, x, y);
			pango_cairo_show_layout(d->cr, l);
		}
		return;
	}
	if (pass != PASS_FORMS)
		return;
	sh = g_hash_table_lookup(d->drawn, l);
	if (!sh->rec)
		sh->rec = record(l);
	cairo_save(d->cr);
	cairo_translate(d->cr, x, y);
	cairo_set_source_surface(d->cr, sh->rec, 0, 0);
	cairo_paint(d->cr);
	cairo_restore(d->cr);
}

/* True when the font list resolves to a font with Japanese glyphs. */
static bool has_japanese(pdf_doc *d)
{
	PangoLayout *l = pdf_doc_layout(d, PDF_PT_LIST, false, 0, PDF_LEFT, "日本語のかな");

	return pango_layout_get_unknown_glyphs_count(l) == 0;
}

pdf_doc *pdf_doc_new(const pdf_doc_setup *s, tsu_err *e)
{
	static unsigned serial;
	pdf_doc *d = xcalloc(1, sizeof *d);
	double pw = s->landscape ? PDF_A4_H : PDF_A4_W, ph = s->landscape ? PDF_A4_W : PDF_A4_H;
	double m = s->margin > 0 ? s->margin : PDF_MARGIN;

	d->s = *s;
	d->serial = ++serial;
	d->font = xstrdup(s->font ? s->font : PDF_FONT);
	d->title = clean_copy(s->pdf_title);
	d->pg = (pdf_page){ 0, 0, pw, ph, m, pw - m, m, ph - m - PDF_FOOT_H };
	sb_init(&d->out);
	d->sf = cairo_pdf_surface_create_for_stream(collect, &d->out, pw, ph);
	cairo_pdf_surface_set_metadata(d->sf, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(d->sf, CAIRO_PDF_METADATA_CREATOR, "tsunagi");
	d->cr = cairo_create(d->sf);
	cairo_set_line_width(d->cr, RULE);
	d->scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	d->scratch_cr = cairo_create(d->scratch);
	d->pctx = ja_context(d->cr);
	d->drawn = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, shown_free);
	if (!has_japanese(d)) {
		err_set(e, TSU_EFAIL, _("no Japanese font found for the PDF; install fonts-ipaexfont or fonts-noto-cjk"));
		pdf_doc_free(d);
		return NULL;
	}
	return d;
}

/* Drop the layouts and pango's font map.  cairo's and fontconfig's own
 * caches stay until exit: cairo_debug_reset_static_data() and FcFini()
 * abort the program (an assertion in cairo's hash table) whenever
 * pango's font loading still holds a font, which happened in about one
 * PDF in six on Debian 12. */
void pdf_doc_free(pdf_doc *d)
{
	if (!d)
		return;
	/* The drawings first: they hold references to nothing of the
	 * layouts, but the layouts are their keys. */
	g_hash_table_destroy(d->drawn);
	for (size_t i = 0; i < d->nslots; i++) {
		g_hash_table_destroy(d->slots[i]->laid);
		pango_font_description_free(d->slots[i]->fd);
		free(d->slots[i]);
	}
	free(d->slots);
	if (d->pctx)
		g_object_unref(d->pctx);
	if (d->cr)
		cairo_destroy(d->cr);
	if (d->sf)
		cairo_surface_destroy(d->sf);
	cairo_destroy(d->scratch_cr);
	cairo_surface_destroy(d->scratch);
	pango_cairo_font_map_set_default(NULL);
	sb_free(&d->out);
	free(d->font);
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

cairo_t *pdf_doc_cairo(pdf_doc *d)
{
	return d->dry ? d->scratch_cr : d->cr;
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
	PangoLayout *l = pdf_doc_layout(d, size, bold, w, align, text);

	if (!d->dry) {
		cairo_move_to(d->cr, x, y);
		pango_cairo_show_layout(d->cr, l);
	}
	return pdf_layout_height(l);
}

void pdf_doc_lines(pdf_doc *d, PangoLayout *l, double x, double y, double from, double to)
{
	if (!d->dry)
		draw_lines(d->cr, l, x, y, from, to);
}

void pdf_doc_box(pdf_doc *d, double x, double y, double w, double h, bool shade)
{
	if (d->dry)
		return;
	if (shade) {
		cairo_set_source_rgb(d->cr, SHADE, SHADE, SHADE);
		cairo_rectangle(d->cr, x, y, w, h);
		cairo_fill(d->cr);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
	}
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_stroke(d->cr);
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
static void paper(pdf_doc *d)
{
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	cairo_rectangle(d->cr, 0, 0, d->pg.width, d->pg.height);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static void begin_page(pdf_doc *d)
{
	d->pg.page++;
	d->y = d->pg.top;
	if (!d->dry)
		paper(d);
	if (d->s.page_head)
		d->s.page_head(d, d->s.arg);
	d->top0 = d->y;
}

static void end_page(pdf_doc *d)
{
	if (d->dry)
		return;
	if (d->s.page_foot) {
		d->s.page_foot(d->cr, &d->pg, d->s.arg);
	} else {
		char buf[32];

		snprintf(buf, sizeof buf, "%d / %d", d->pg.page, d->pg.npages);
		pdf_doc_text(d, PDF_PT_FOOT, false, d->pg.left, d->pg.bottom + 6,
			     d->pg.right - d->pg.left, PDF_CENTER, buf);
	}
	cairo_show_page(d->cr);
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
	cairo_status_t st;

	*pdf = NULL;
	*len = 0;
	/* cairo frees and allocates again, page after page, memory at the
	 * top of the heap; glibc gave it back to the kernel each time and
	 * took it again page fault by page fault: with the forms (see show)
	 * 400 brk calls and 1,500 page faults for the week's due list at
	 * 10,000 clients, some 60 ms of system time on a loaded machine.
	 * Kept while rendering; glibc's default again after. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	for (int pass = 0; pass < 2; pass++) {
		d->dry = pass == 0;
		d->pg.page = 0;
		begin_page(d);
		body(d, arg);
		end_page(d);
		d->pg.npages = d->pg.page;
	}
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(d->sf);
	st = cairo_surface_status(d->sf);
	cairo_surface_destroy(d->sf);
	d->sf = NULL;
	/* glibc's default (M_TRIM_THRESHOLD in mallopt(3)). */
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, TSU_EFAIL, _("could not make the PDF: %s"), cairo_status_to_string(st));
	*len = d->out.len;
	*pdf = d->out.s ? sb_steal(&d->out) : xstrdup("");
	return TSU_OK;
}

/* ---- tables ---- */

typedef struct prow {
	bool section;
	char **cells;           /* ncols, or 1 for a section */
	PangoLayout **lay;      /* the document's */
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
	PangoLayout **head_l;
	double head_h, full;
	/* A page's rows' heights -> its rules, recorded (see draw_rules). */
	GHashTable *ruled;
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
	if (t->ruled)
		g_hash_table_destroy(t->ruled);
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
			count_use(d, r->lay[c]);
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
	if (t->ruled)
		g_hash_table_destroy(t->ruled);
	t->ruled = g_hash_table_new_full(g_str_hash, g_str_equal, free,
					 (GDestroyNotify)cairo_surface_destroy);
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
	cairo_t *cr = d->cr;

	if (d->dry || !t->has_head)
		return;
	cairo_set_source_rgb(cr, SHADE, SHADE, SHADE);
	cairo_rectangle(cr, t->x[0], y, t->full, t->head_h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (size_t c = 0; c < t->ncols; c++) {
		cairo_move_to(cr, t->x[c] + PAD, y + PAD);
		pango_cairo_show_layout(cr, t->head_l[c]);
	}
}

static void shade_cells(pdf_doc *d, pdf_table *t, const prow *r, double y, double h)
{
	cairo_t *cr = d->cr;
	bool any = false;

	if (r->section) {
		cairo_set_source_rgb(cr, SECTION_SHADE, SECTION_SHADE, SECTION_SHADE);
		cairo_rectangle(cr, t->x[0], y, t->full, h);
		any = true;
	} else {
		cairo_set_source_rgb(cr, SHADE, SHADE, SHADE);
		for (size_t c = 0; c < t->ncols; c++)
			if (t->style[c].shade) {
				cairo_rectangle(cr, t->x[c], y, t->w[c], h);
				any = true;
			}
	}
	if (any)
		cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static double cell_x(const pdf_table *t, const prow *r, size_t c)
{
	return (r->section ? t->x[0] : t->x[c]) + PAD;
}

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
			show(d, pass, r->lay[c], cell_x(t, r, c), y + PAD);
}

/*
 * Rows [from, to) from y in three passes: the shading, then the text,
 * then the forms (see show).  Nothing on a page overlaps, so the order
 * draws the same page; but cairo ends its text object (ET) at every
 * other kind of drawing and starts the next with a whole text matrix
 * (six numbers, the zeros the dearest to print), where text after text
 * moves on with two (Td).  Row by row, the forms between the cells cost
 * 5,800 text matrices on the week's 116-page due list.
 */
static void draw_rows(pdf_doc *d, pdf_table *t, double y0, size_t from, size_t to)
{
	if (d->dry)
		return;
	for (enum pass pass = PASS_FILL; pass <= PASS_FORMS; pass++) {
		double y = y0;

		for (size_t i = from; i < to; i++) {
			draw_row(d, t, pass, &t->rows[i], y);
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

static void check_box(pdf_table *t, cairo_t *cr, size_t c, double y)
{
	double side = t->s.font_size * 0.9;

	cairo_rectangle(cr, t->x[c] + (t->w[c] - side) / 2, y + PAD + 0.5, side, side);
}

/*
 * The rules of rows [from, to) under a head of head_h (0: none) at top,
 * and the check boxes, as one path stroked once: a line under the head
 * and each row, the outer edges, and the column rules through each run
 * of rows between section headings (which span the table).  Drawn cell
 * by cell, the strokes were a fifth of the PDF's instructions, and every
 * inner rule was drawn twice.
 */
static void rules_path(pdf_table *t, cairo_t *cr, double top, double head_h, size_t from, size_t to)
{
	double left = t->x[0], right = t->x[0] + t->full;
	double y = top + head_h, run = top;

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
					check_box(t, cr, c, y);
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
 * The rules of a page's part of the table, drawn once for every page
 * whose rows have the same heights (and the same section headings):
 * recorded, and painted as one form wherever they repeat.  A month's
 * monitorings fill page after page of one-line rows, and their rules,
 * written out number by number, were a fifth of a long due list's
 * instructions.
 */
static void draw_rules(pdf_doc *d, pdf_table *t, double top, double head_h, size_t from, size_t to)
{
	cairo_surface_t *rec;
	double bottom = top + head_h;
	strbuf key;

	if (d->dry || (from == to && head_h <= 0))
		return;
	sb_init(&key);
	sb_addf(&key, "%.4f %.4f", top, head_h);
	for (size_t i = from; i < to; i++) {
		sb_addf(&key, t->rows[i].section ? " s%.4f" : " %.4f", t->rows[i].h);
		bottom += t->rows[i].h;
	}
	rec = g_hash_table_lookup(t->ruled, key.s);
	if (!rec) {
		double left = t->x[0], right = t->x[0] + t->full;
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
	cairo_save(d->cr);
	cairo_set_source_surface(d->cr, rec, 0, 0);
	cairo_paint(d->cr);
	cairo_restore(d->cr);
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
			for (size_t c = 0; c < nc; c++) {
				double x = r->section ? t->x[0] : t->x[c], w = r->section ? t->full : t->w[c];

				if (r->lay[c] && end[c] > done[c])
					draw_lines(d->cr, r->lay[c], x + PAD, d->y + PAD, done[c], end[c]);
				else if (first && !r->section && t->cols[c].checkbox)
					check_box(t, d->cr, c, d->y);
				cairo_rectangle(d->cr, x, d->y, w, h);
			}
			cairo_stroke(d->cr);
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
			t->s.header(d->cr, &pg, t->s.arg);
		d->y = pg.top;
		return;
	}
	d->y = m + pdf_doc_text(d, PDF_PT_TITLE, true, d->pg.left, m, w, PDF_LEFT, t->title) + 2;
	d->y += pdf_doc_text(d, PDF_PT_LIST, false, d->pg.left, d->y, w, PDF_LEFT, t->subtitle) + 6;
}

static void table_foot(cairo_t *cr, const pdf_page *pg, void *arg)
{
	pdf_table *t = arg;

	t->s.footer(cr, pg, t->s.arg);
}

static void table_body(pdf_doc *d, void *arg)
{
	pdf_doc_table(d, arg);
}

int pdf_table_render(pdf_table *t, char **pdf, size_t *len, tsu_err *e)
{
	pdf_doc_setup s = {
		.landscape = t->s.landscape, .font = t->s.font, .margin = t->s.margin,
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
