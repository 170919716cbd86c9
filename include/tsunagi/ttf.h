/*
 * ttf.h - a TrueType font file, read for the PDF engine (pdf.h): the
 * glyph of a character, its advance, the metrics a PDF's font
 * descriptor names, and a subset of the file holding only the glyphs a
 * document used, to embed (a CIDFontType2 font program, glyph ids kept,
 * so the PDF's CIDs are the glyph ids: CIDToGIDMap /Identity).
 *
 * Only fonts with TrueType outlines (a 'glyf' table) are read: the
 * IPAex, IPA, Takao, VL and Droid Japanese fonts of Debian are; Noto
 * Sans CJK (CFF outlines) is not.  The format is Apple's and
 * Microsoft's: "TrueType Reference Manual" (developer.apple.com/fonts/
 * TrueType-Reference-Manual) and the OpenType specification
 * (learn.microsoft.com/typography/opentype/spec), tables cmap, head,
 * hhea, hmtx, maxp, loca, glyf, OS/2, post and name.
 *
 * The file is mapped read-only and never copied whole; a font is
 * immutable once open, so one may serve several documents.
 */
#ifndef TSUNAGI_TTF_H
#define TSUNAGI_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/err.h"

typedef struct ttf_font ttf_font;

/* The metrics of a PDF FontDescriptor, in font units. */
typedef struct ttf_metrics {
	unsigned units_per_em;
	int ascent, descent;            /* hhea (descent negative) */
	int cap_height;                 /* OS/2 sCapHeight, else ascent */
	int bbox[4];                    /* head: xMin yMin xMax yMax */
	int italic_angle;               /* post, whole degrees */
	unsigned num_glyphs;            /* maxp */
} ttf_metrics;

/* Open the font at path (a .ttf, or face index of a .ttc collection).
 * NULL with a one-line message in e when the file cannot be read or is
 * not a TrueType font with glyf outlines. */
ttf_font *ttf_open(const char *path, unsigned index, tsu_err *e);
void ttf_close(ttf_font *f);

/* The first Japanese TrueType font installed: $TSUNAGI_PDF_FONT when
 * set (a path), else the fonts Debian's packages install (fonts-ipaexfont,
 * fonts-ipafont, fonts-takao, fonts-vlgothic, fonts-droid-fallback).
 * NULL with e set ("no Japanese TrueType font ...; install
 * fonts-ipaexfont") when none opens. */
ttf_font *ttf_open_japanese(tsu_err *e);

const ttf_metrics *ttf_get_metrics(const ttf_font *f);
/* The PostScript name (name id 6), for /BaseFont: never NULL, only
 * [A-Za-z0-9-] ("Font" when the file has none). */
const char *ttf_ps_name(const ttf_font *f);

/* The glyph of code point cp (cmap format 12 or 4); 0 (.notdef) when
 * the font has none. */
unsigned ttf_glyph(const ttf_font *f, uint32_t cp);
/* The advance width of glyph gid in font units (hmtx). */
unsigned ttf_advance(const ttf_font *f, unsigned gid);

/*
 * A font program holding the glyphs with used[gid] != 0 (num_glyphs
 * flags; glyph 0 and the parts of a composite glyph are added), every
 * other glyph empty, glyph ids unchanged: the tables head, hhea, maxp,
 * hmtx, loca, glyf and cvt, fpgm, prep when present.  *out (caller
 * frees) holds *len bytes.  -1 with e set when the font's tables are
 * damaged.
 */
int ttf_subset(const ttf_font *f, const unsigned char *used, char **out, size_t *len,
	       tsu_err *e);

#endif
