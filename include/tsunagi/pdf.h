/*
 * pdf.h - A4 printouts made in-process with cairo and pango: a page
 * header and footer on every page, and a ruled table whose cells wrap
 * Japanese text properly (pango, PANGO_WRAP_WORD_CHAR, language ja),
 * whose head repeats on every page, and whose rows never split across
 * pages.  fontconfig picks an installed Japanese font; cairo embeds the
 * subset used.  The due list uses it; the plan and monitoring printouts
 * reuse it.
 *
 *	pdf_table *t = pdf_table_new(&setup, cols, 4);
 *	pdf_table_section(t, "2026-11-23 (月)");
 *	pdf_table_row(t, cells);
 *	rc = pdf_table_render(t, &buf, &len, &e);
 *	pdf_table_free(t);
 */
#ifndef TSUNAGI_PDF_H
#define TSUNAGI_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "tsunagi/err.h"

/* The default font list: the first one installed is used. */
#define PDF_FONT "IPAexGothic, Noto Sans CJK JP, IPAGothic, sans-serif"

/* Set text on a wrapping layout w points wide with its Japanese words
 * kept whole (text_word_runs: 中等度 never becomes 中 / 等度; a line
 * breaks after a particle, at punctuation or between words); a word
 * wider than the line may still break where it must. */
struct _PangoLayout;
void pdf_layout_text(struct _PangoLayout *l, double w, const char *text);

/* Points per millimetre (cairo's PDF unit is the point, 1/72 inch). */
#define PDF_MM (72.0 / 25.4)

enum pdf_align { PDF_LEFT, PDF_CENTER, PDF_RIGHT };

/* Where a header or footer callback may draw. */
typedef struct pdf_page {
	int page, npages;           /* 1-based */
	double width, height;       /* the sheet, in points */
	double left, right;         /* the content's x range */
	double top, bottom;         /* the table's y range */
} pdf_page;

typedef void (*pdf_draw_fn)(cairo_t *cr, const pdf_page *pg, void *arg);

typedef struct pdf_setup {
	bool landscape;
	const char *font;           /* NULL: PDF_FONT */
	double font_size;           /* table text in points; 0: 9 */
	double margin;              /* points; 0: 12 mm */
	/* The header: either a callback drawing in [top margin, header_h],
	 * or (header NULL) the title and subtitle lines below.  The footer
	 * callback defaults to the page number, "n / N", centred. */
	const char *title;
	const char *subtitle;
	pdf_draw_fn header, footer;
	double header_h;            /* height reserved for a header callback */
	void *arg;
	const char *pdf_title;      /* document metadata; NULL: title */
} pdf_setup;

typedef struct pdf_col {
	const char *head;           /* column title, repeated on each page */
	double width;               /* points; 0 shares the remaining width */
	enum pdf_align align;
	bool checkbox;              /* draw an empty box to tick, ignore text */
} pdf_col;

typedef struct pdf_table pdf_table;

/* cols is copied; strings given later are copied too. */
pdf_table *pdf_table_new(const pdf_setup *s, const pdf_col *cols, size_t ncols);
/* A heading row across the whole table (shaded, bold). */
void pdf_table_section(pdf_table *t, const char *text);
/* A row of ncols cells (NULL is empty). */
void pdf_table_row(pdf_table *t, const char *const *cells);
/* Lay out and draw the whole document into memory; *pdf (caller frees)
 * holds *len bytes.  TSU_EFAIL with a message when cairo fails or no
 * font is found. */
int pdf_table_render(pdf_table *t, char **pdf, size_t *len, tsu_err *e);
void pdf_table_free(pdf_table *t);

/* Draw text at (x, y) within width w (wrapped; w <= 0: one line) in the
 * setup's font at size pt, bold or not; returns the height used.  For
 * header and footer callbacks. */
double pdf_draw_text(cairo_t *cr, const char *font, double size, bool bold,
		     double x, double y, double w, enum pdf_align align, const char *text);

#endif
