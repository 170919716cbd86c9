/*
 * pdfw.h - a PDF file written by hand, for the PDF engine (pdf.h): pages
 * of a given size, their content streams deflated, the rules, boxes and
 * shading the printouts draw, and text in one embedded TrueType font
 * (ttf.h): a Type0 font with /Identity-H encoding over a CIDFontType2
 * whose CIDs are the text's own code points (a CIDToGIDMap gives their
 * glyphs), the subset of the glyphs used, their widths, and a ToUnicode
 * map so that the text can be searched and copied (pdftotext) as it was
 * written.
 *
 * The format is ISO 32000-1 (PDF 1.7): 7.5 the file structure (objects,
 * xref, trailer), 8 graphics, 9.7 composite fonts, 9.10.3 ToUnicode.
 *
 * Coordinates are in points from the top left corner of the page, y
 * downwards, as the engine lays pages out; the writer turns them into
 * PDF's own (y upwards).  Text is placed by its baseline.
 *
 * Muted (pdfw_mute), a writer draws nothing: the engine's dry pass runs
 * the same drawing code only to measure.
 */
#ifndef TSUNAGI_PDFW_H
#define TSUNAGI_PDFW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/err.h"
#include "tsunagi/ttf.h"
#include "tsunagi/xalloc.h"

typedef struct pdfw pdfw;

/* A writer using font (borrowed: it must outlive the writer); title
 * goes into the document's Info (UTF-8, NULL: none). */
pdfw *pdfw_new(const ttf_font *font, const char *title);
void pdfw_free(pdfw *w);

/* Draw nothing while muted. */
void pdfw_mute(pdfw *w, bool mute);
bool pdfw_muted(const pdfw *w);

/* A new page width x height points (the one before it ends). */
void pdfw_page(pdfw *w, double width, double height);

/* The graphics state, as PDF's: saved and restored around a clip. */
void pdfw_save(pdfw *w);
void pdfw_restore(pdfw *w);
void pdfw_line_width(pdfw *w, double lw);
/* Square caps (true) or PDF's butt caps. */
void pdfw_square_caps(pdfw *w, bool square);
/* Both the stroking and the filling colour, components 0..1. */
void pdfw_rgb(pdfw *w, double r, double g, double b);

/* The path, then what to do with it. */
void pdfw_move(pdfw *w, double x, double y);
void pdfw_line(pdfw *w, double x, double y);
void pdfw_rect(pdfw *w, double x, double y, double width, double height);
void pdfw_stroke(pdfw *w);
void pdfw_fill(pdfw *w);
/* Intersect the clip with the path (and end it). */
void pdfw_clip(pdfw *w);

/* The code to draw code point cp with (pdfw_text), and in *gid (when
 * not NULL) its glyph in the writer's font, 0 when the font has none.
 * The code is cp itself below U+10000 (else a private-use one), and the
 * ToUnicode map gives cp back for it. */
unsigned pdfw_glyph(pdfw *w, uint32_t cp, unsigned *gid);
/* The glyphs of codes[0..n) (pdfw_glyph's) from (x, baseline y) at size
 * points, one after another by their advances; bold is the font's
 * outline stroked too ("fake bold": a Japanese font has no bold face).
 * A character the font lacks draws the font's .notdef box and is
 * counted. */
void pdfw_text(pdfw *w, double x, double y, double size, bool bold, const uint16_t *codes,
	       size_t n);
/* Characters drawn that the font has no glyph for. */
size_t pdfw_missing(const pdfw *w);

/* A number with at most two decimals, rounded half away from zero, no
 * trailing zeros ("12.5", "-0.25", "3", "0"): PDF's own notation,
 * without printf. */
void pdfw_num(strbuf *b, double v);

/* End the last page and write the file: *pdf (caller frees) holds *len
 * bytes.  TSU_EFAIL with e set when the font's subset cannot be made;
 * the writer is spent either way (free it). */
int pdfw_finish(pdfw *w, char **pdf, size_t *len, tsu_err *e);

#endif
