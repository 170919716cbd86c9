/*
 * pdf.h - the one PDF engine of every printout (the due list, billing,
 * the caseload figures and the forms of print.h): A4 pages with their
 * margins, the font and its sizes, text measured from the font's own
 * advances (one layout cache per document), wrapping that keeps
 * Japanese words whole (wrap.h), ruled tables whose head repeats on every
 * page and whose rows grow to their tallest cell, and "n / N" page
 * numbers.  The font is the first Japanese TrueType font installed
 * (ttf.h); the file is written by pdfw.h, which embeds the subset used.
 *
 * A list is one table:
 *
 *	pdf_table *t = pdf_table_new(&setup, cols, 4);
 *	pdf_table_section(t, "2026-11-23 (月)");
 *	pdf_table_row(t, cells);
 *	rc = pdf_table_render(t, &buf, &len, &e);
 *	pdf_table_free(t);
 *
 * A form is a flow of blocks run twice by pdf_doc_run (a dry pass that
 * counts the pages, then the drawing one); its body calls pdf_doc_text,
 * pdf_doc_ensure and pdf_doc_table:
 *
 *	pdf_doc *d = pdf_doc_new(&ds, &e);
 *	rc = pdf_doc_run(d, body, arg, &buf, &len, &e);
 *	pdf_doc_free(d);
 */
#ifndef TSUNAGI_PDF_H
#define TSUNAGI_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/err.h"
#include "tsunagi/pdfw.h"

/* Points per millimetre (PDF's unit is the point, 1/72 inch). */
#define PDF_MM (72.0 / 25.4)

/* The sheet, its margins and the room under the content for the page
 * number. */
#define PDF_A4_W (210.0 * PDF_MM)
#define PDF_A4_H (297.0 * PDF_MM)
#define PDF_MARGIN (12.0 * PDF_MM)
#define PDF_FOOT_H 14.0
/* Between a cell's rules and its text. */
#define PDF_PAD 3.0

/* Text sizes in points. */
#define PDF_PT_LIST 9.0         /* a list's table (due, billing) */
#define PDF_PT_FORM 8.5         /* a form's text and tables */
#define PDF_PT_SMALL 7.5        /* a form's subtitle and running head */
#define PDF_PT_FOOT 8.0         /* the page number */
#define PDF_PT_TITLE 14.0       /* a document's title */

/* A text laid out in lines (pdf_doc_layout). */
typedef struct pdf_text pdf_text;

enum pdf_align { PDF_LEFT, PDF_CENTER, PDF_RIGHT };

/* Where a header or footer callback may draw. */
typedef struct pdf_page {
	int page, npages;           /* 1-based */
	double width, height;       /* the sheet, in points */
	double left, right;         /* the content's x range */
	double top, bottom;         /* the table's y range */
} pdf_page;

typedef struct pdf_doc pdf_doc;

/* A header or footer: draws on d with pdf_doc_text and pdf_doc_writer. */
typedef void (*pdf_draw_fn)(pdf_doc *d, const pdf_page *pg, void *arg);

typedef struct pdf_setup {
	bool landscape;
	double font_size;           /* table text in points; 0: PDF_PT_LIST */
	double margin;              /* points; 0: PDF_MARGIN */
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
	const char *head;           /* column title, repeated on each page;
	                             * a table whose heads are all NULL has
	                             * no head row */
	double width;               /* points; 0 shares the remaining width */
	enum pdf_align align;
	bool checkbox;              /* draw an empty box to tick, ignore text */
} pdf_col;

/* More of a column, for the forms (pdf_table_style). */
typedef struct pdf_col_style {
	double weight;              /* a sharing column's part (0: 1) */
	bool shade;                 /* a label column: shaded, like the head */
	bool head_center;           /* the head centred whatever align says */
} pdf_col_style;

typedef struct pdf_table pdf_table;

/* cols is copied; strings given later are copied too.  A row grows to
 * its tallest cell; a row that does not fit in what is left of the page
 * goes to the next one, under the repeated head, and a row taller than a
 * page goes on over pages a whole line at a time. */
pdf_table *pdf_table_new(const pdf_setup *s, const pdf_col *cols, size_t ncols);
/* Column col's style (before the table is drawn). */
void pdf_table_style(pdf_table *t, size_t col, const pdf_col_style *st);
/* A heading row across the whole table (shaded, bold). */
void pdf_table_section(pdf_table *t, const char *text);
/* A row of ncols cells (NULL is empty). */
void pdf_table_row(pdf_table *t, const char *const *cells);
/* Lay out and draw the whole document into memory; *pdf (caller frees)
 * holds *len bytes.  TSU_EFAIL with a message when no Japanese font is
 * found or the font is damaged. */
int pdf_table_render(pdf_table *t, char **pdf, size_t *len, tsu_err *e);
void pdf_table_free(pdf_table *t);

/* ---- a document: a flow of blocks over pages ---- */

typedef struct pdf_doc_setup {
	bool landscape;
	double margin;              /* points; 0: PDF_MARGIN */
	const char *pdf_title;      /* document metadata */
	/* Called at the top of every page in both passes: draws the page's
	 * head with pdf_doc_text and sets the flow's y below it.  NULL: the
	 * flow starts at the top margin. */
	void (*page_head)(pdf_doc *d, void *arg);
	/* Called at the foot of every page in the drawing pass only; NULL:
	 * "n / N" centred under the content. */
	pdf_draw_fn page_foot;
	void *arg;
} pdf_doc_setup;

/* A document with its font and PDF writer; NULL with e set (ttf.h's
 * one line) when no Japanese TrueType font is installed. */
pdf_doc *pdf_doc_new(const pdf_doc_setup *s, tsu_err *e);
void pdf_doc_free(pdf_doc *d);
/* Run body twice, a dry pass that only measures and counts the pages and
 * then the drawing one, and hand over the PDF (*pdf: caller frees). */
int pdf_doc_run(pdf_doc *d, void (*body)(pdf_doc *d, void *arg), void *arg,
		char **pdf, size_t *len, tsu_err *e);

/* The page being laid out: its number, the page count (known in the
 * drawing pass), the sheet and the content box. */
const pdf_page *pdf_doc_page(const pdf_doc *d);
/* True in the measuring pass: draw nothing (pdf_doc_writer's writer is
 * muted then, and draws nothing). */
bool pdf_doc_dry(const pdf_doc *d);
/* The writer of the page, for rules, boxes and colours (pdfw.h): its
 * line width is the rules' and its colour black between blocks. */
pdfw *pdf_doc_writer(pdf_doc *d);
/* Characters drawn so far that the font has no glyph for (each shows
 * as the font's empty box). */
size_t pdf_doc_missing(const pdf_doc *d);
/* The flow's position: where the next block starts. */
double pdf_doc_y(const pdf_doc *d);
void pdf_doc_set_y(pdf_doc *d, double y);
/* Room for h more points, else the next page.  True when a page began. */
bool pdf_doc_ensure(pdf_doc *d, double h);
void pdf_doc_new_page(pdf_doc *d);

/* The document's layout of text in its font at size, bold or not, w
 * points wide (w <= 0: one line per paragraph), aligned: laid out once
 * per document and kept (the document frees it).  A wrapping layout's
 * lines break where wrap_lines says: a Japanese word such as 中等度 is
 * cut only when its line holds no better place. */
pdf_text *pdf_doc_layout(pdf_doc *d, double size, bool bold, double w,
			 enum pdf_align align, const char *text);
double pdf_layout_height(const pdf_text *l);
/* The widest line's width. */
double pdf_layout_width(const pdf_text *l);
/* The number of lines, and where line i starts in the text laid out
 * (a byte offset into pdf_layout_string's). */
size_t pdf_layout_lines(const pdf_text *l);
size_t pdf_layout_line_start(const pdf_text *l, size_t i);
const char *pdf_layout_string(const pdf_text *l);
/* Where the last whole line of l that starts at or after from and ends
 * at or before limit ends (points from its top); from when none does. */
double pdf_layout_cut(const pdf_text *l, double from, double limit);
/* The whole lines of l from `from` to `to` (points from its top), drawn
 * with l's top at y - from: a part of a text that goes on over pages,
 * no line drawn twice (skipped in the dry pass). */
void pdf_doc_lines(pdf_doc *d, const pdf_text *l, double x, double y, double from, double to);
/* Draw text at (x, y) (skipped in the dry pass); returns its height. */
double pdf_doc_text(pdf_doc *d, double size, bool bold, double x, double y, double w,
		    enum pdf_align align, const char *text);
/* A ruled rectangle, shaded like a table's head when shade. */
void pdf_doc_box(pdf_doc *d, double x, double y, double w, double h, bool shade);
/* The table t at the flow's y across the content's width (t's setup
 * gives only its font size); the flow goes on under it. */
void pdf_doc_table(pdf_doc *d, pdf_table *t);

#endif
