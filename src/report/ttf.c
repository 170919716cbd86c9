/*
 * ttf.c - a TrueType font file read for the PDF engine (see ttf.h).
 *
 * Every read goes through a bounds check against its table, so a
 * damaged file gives an error or glyph 0, never a read past the map.
 * Table layouts are those of the OpenType specification
 * (learn.microsoft.com/typography/opentype/spec: "cmap", "head",
 * "hhea", "hmtx", "maxp", "loca", "glyf", "OS/2", "post", "name"; the
 * font collection header under "The OpenType Font File").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/i18n.h"
#include "tsunagi/ttf.h"
#include "tsunagi/xalloc.h"

/* A table: where it is in the map, and how long. */
typedef struct span {
	const unsigned char *p;
	size_t n;
} span;

struct ttf_font {
	unsigned char *map;
	size_t size;
	span head, hhea, hmtx, maxp, loca, glyf, cmap, os2, post, name;
	span cvt, fpgm, prep;
	span sub;           /* the cmap subtable in use */
	int sub_format;     /* 4 or 12 */
	bool long_loca;
	unsigned nhmetrics;
	ttf_metrics m;
	char ps[64];
};

/* ---- reading big-endian numbers within a span ---- */

static bool has(span s, size_t off, size_t n)
{
	return off <= s.n && n <= s.n - off;
}

static unsigned u16(span s, size_t off)
{
	return has(s, off, 2) ? (unsigned)s.p[off] << 8 | s.p[off + 1] : 0;
}

static int i16(span s, size_t off)
{
	return (int16_t)u16(s, off);
}

static uint32_t u32(span s, size_t off)
{
	return has(s, off, 4) ? (uint32_t)s.p[off] << 24 | (uint32_t)s.p[off + 1] << 16 |
					(uint32_t)s.p[off + 2] << 8 | s.p[off + 3]
			      : 0;
}

static span sub_span(span s, size_t off, size_t n)
{
	if (!has(s, off, n))
		return (span){ NULL, 0 };
	return (span){ s.p + off, n };
}

/* ---- opening ---- */

static span table(span file, size_t dir, const char *tag)
{
	unsigned n = u16(file, dir + 4);

	for (unsigned i = 0; i < n; i++) {
		size_t r = dir + 12 + 16 * (size_t)i;

		if (has(file, r, 16) && memcmp(file.p + r, tag, 4) == 0)
			return sub_span(file, u32(file, r + 8), u32(file, r + 12));
	}
	return (span){ NULL, 0 };
}

/* The best Unicode subtable: format 12 (all planes) before format 4. */
static void pick_cmap(ttf_font *f)
{
	unsigned n = u16(f->cmap, 2);
	int best = 0;

	for (unsigned i = 0; i < n; i++) {
		size_t r = 4 + 8 * (size_t)i;
		unsigned plat = u16(f->cmap, r), enc = u16(f->cmap, r + 2);
		uint32_t off = u32(f->cmap, r + 4);
		unsigned fmt = u16(f->cmap, off);
		size_t len;
		int rank;

		if (!(plat == 0 || (plat == 3 && (enc == 1 || enc == 10))))
			continue;
		if (fmt == 12)
			rank = 2, len = u32(f->cmap, off + 4);
		else if (fmt == 4)
			rank = 1, len = u16(f->cmap, off + 2);
		else
			continue;
		if (rank > best && has(f->cmap, off, len)) {
			best = rank;
			f->sub = sub_span(f->cmap, off, len);
			f->sub_format = (int)fmt;
		}
	}
}

/* The PostScript name, kept to the characters a PDF name may hold
 * unescaped and a subset tag expects. */
static void read_ps_name(ttf_font *f)
{
	unsigned count = u16(f->name, 2), strings = u16(f->name, 4);
	size_t o = 0;

	for (unsigned i = 0; i < count; i++) {
		size_t r = 6 + 12 * (size_t)i;
		unsigned plat = u16(f->name, r), id = u16(f->name, r + 6);
		span s = sub_span(f->name, strings + (size_t)u16(f->name, r + 10), u16(f->name, r + 8));
		size_t step = plat == 3 || plat == 0 ? 2 : 1;

		if (id != 6 || !s.p || plat == 2)
			continue;
		for (size_t k = step - 1; k < s.n && o + 1 < sizeof f->ps; k += step) {
			unsigned char c = s.p[k];

			if (step == 2 && s.p[k - 1])
				continue;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
				f->ps[o++] = (char)c;
		}
		if (o)
			break;
	}
	f->ps[o] = '\0';
	if (!o)
		strcpy(f->ps, "Font");
}

static bool parse(ttf_font *f, unsigned index, const char *path, tsu_err *e)
{
	span file = { f->map, f->size };
	size_t dir = 0;
	uint32_t tag = u32(file, 0);

	if (tag == 0x74746366) { /* 'ttcf' */
		if (index >= u32(file, 8)) {
			err_set(e, TSU_EFAIL, _("%s: the font collection has no face %u"), path, index);
			return false;
		}
		dir = u32(file, 12 + 4 * (size_t)index);
		tag = u32(file, dir);
	}
	if (tag == 0x4f54544f) { /* 'OTTO' */
		err_set(e, TSU_EFAIL, _("%s: its glyphs are CFF outlines, which tsunagi cannot embed; use a TrueType font such as IPAexGothic (fonts-ipaexfont)"), path);
		return false;
	}
	if (tag != 0x00010000 && tag != 0x74727565) { /* 'true' */
		err_set(e, TSU_EFAIL, _("%s: not a TrueType font file"), path);
		return false;
	}
	f->head = table(file, dir, "head");
	f->hhea = table(file, dir, "hhea");
	f->hmtx = table(file, dir, "hmtx");
	f->maxp = table(file, dir, "maxp");
	f->loca = table(file, dir, "loca");
	f->glyf = table(file, dir, "glyf");
	f->cmap = table(file, dir, "cmap");
	f->os2 = table(file, dir, "OS/2");
	f->post = table(file, dir, "post");
	f->name = table(file, dir, "name");
	f->cvt = table(file, dir, "cvt ");
	f->fpgm = table(file, dir, "fpgm");
	f->prep = table(file, dir, "prep");
	if (!f->glyf.p || !f->loca.p) {
		err_set(e, TSU_EFAIL, _("%s: no TrueType outlines (glyf table); use a TrueType font such as IPAexGothic (fonts-ipaexfont)"), path);
		return false;
	}
	if (!has(f->head, 0, 54) || !has(f->hhea, 0, 36) || !has(f->maxp, 0, 6) || !f->cmap.p) {
		err_set(e, TSU_EFAIL, _("%s: the font's tables are damaged (head, hhea, maxp or cmap)"), path);
		return false;
	}
	f->m.units_per_em = u16(f->head, 18);
	f->m.bbox[0] = i16(f->head, 36);
	f->m.bbox[1] = i16(f->head, 38);
	f->m.bbox[2] = i16(f->head, 40);
	f->m.bbox[3] = i16(f->head, 42);
	f->long_loca = i16(f->head, 50) == 1;
	f->m.ascent = i16(f->hhea, 4);
	f->m.descent = i16(f->hhea, 6);
	f->nhmetrics = u16(f->hhea, 34);
	f->m.num_glyphs = u16(f->maxp, 4);
	f->m.cap_height = u16(f->os2, 0) >= 2 && has(f->os2, 88, 2) ? i16(f->os2, 88) : f->m.ascent;
	f->m.italic_angle = (int32_t)u32(f->post, 4) / 65536;
	if (f->m.units_per_em < 16 || f->m.units_per_em > 16384 || !f->m.num_glyphs ||
	    !f->nhmetrics || f->nhmetrics > f->m.num_glyphs ||
	    !has(f->hmtx, 0, 4 * (size_t)f->nhmetrics) ||
	    !has(f->loca, 0, (f->long_loca ? 4 : 2) * ((size_t)f->m.num_glyphs + 1))) {
		err_set(e, TSU_EFAIL, _("%s: the font's tables are damaged (head, hhea, hmtx or loca)"), path);
		return false;
	}
	pick_cmap(f);
	if (!f->sub.p) {
		err_set(e, TSU_EFAIL, _("%s: the font has no Unicode character map"), path);
		return false;
	}
	read_ps_name(f);
	return true;
}

ttf_font *ttf_open(const char *path, unsigned index, tsu_err *e)
{
	ttf_font *f;
	struct stat st;
	void *map;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		err_set(e, TSU_EIO, _("%s: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 12) {
		close(fd);
		err_set(e, TSU_EFAIL, _("%s: not a TrueType font file"), path);
		return NULL;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		err_set(e, TSU_EIO, _("%s: %s"), path, strerror(errno));
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->map = map;
	f->size = (size_t)st.st_size;
	if (!parse(f, index, path, e)) {
		ttf_close(f);
		return NULL;
	}
	return f;
}

void ttf_close(ttf_font *f)
{
	if (!f)
		return;
	munmap(f->map, f->size);
	free(f);
}

/*
 * Where Debian's (and Ubuntu's) packages put their Japanese TrueType
 * gothic fonts, read from the packages' file lists (bookworm:
 * fonts-ipaexfont-gothic 00401-5, fonts-ipafont-gothic 00303-23,
 * fonts-takao-gothic 00303.01-3, fonts-vlgothic 20220612-1,
 * fonts-droid-fallback 6.0.1r16-1.1).  fonts-japanese-gothic.ttf is
 * the alternatives link that the IPA and Takao packages provide.
 */
static const char *const japanese_fonts[] = {
	"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf",
	"/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
};

static bool japanese(const ttf_font *f)
{
	return ttf_glyph(f, 0x65E5) && ttf_glyph(f, 0x3042) && ttf_glyph(f, 0x30AB); /* 日あカ */
}

ttf_font *ttf_open_japanese(tsu_err *e)
{
	const char *env = getenv("TSUNAGI_PDF_FONT");
	ttf_font *f;

	if (env && *env) {
		if (!(f = ttf_open(env, 0, e)))
			return NULL;
		if (japanese(f))
			return f;
		ttf_close(f);
		err_set(e, TSU_EFAIL, _("%s (TSUNAGI_PDF_FONT) has no Japanese glyphs; name a Japanese TrueType font or unset it"), env);
		return NULL;
	}
	for (size_t i = 0; i < sizeof japanese_fonts / sizeof *japanese_fonts; i++) {
		if (access(japanese_fonts[i], R_OK) != 0 || !(f = ttf_open(japanese_fonts[i], 0, NULL)))
			continue;
		if (japanese(f))
			return f;
		ttf_close(f);
	}
	err_set(e, TSU_EFAIL, _("no Japanese TrueType font found for the PDF; install fonts-ipaexfont"));
	return NULL;
}

const ttf_metrics *ttf_get_metrics(const ttf_font *f)
{
	return &f->m;
}

const char *ttf_ps_name(const ttf_font *f)
{
	return f->ps;
}

/* ---- characters and glyphs ---- */

static unsigned glyph4(const ttf_font *f, uint32_t cp)
{
	span s = f->sub;
	size_t segs = u16(s, 6) / 2, ends = 14, starts = ends + 2 * segs + 2;
	size_t deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
	size_t lo = 0, hi = segs;

	if (cp > 0xFFFF)
		return 0;
	while (lo < hi) { /* the first segment whose end is >= cp */
		size_t mid = (lo + hi) / 2;

		if (u16(s, ends + 2 * mid) < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == segs || u16(s, starts + 2 * lo) > cp)
		return 0;
	unsigned delta = u16(s, deltas + 2 * lo), ro = u16(s, ranges + 2 * lo);
	if (!ro)
		return (cp + delta) & 0xFFFF;
	unsigned g = u16(s, ranges + 2 * lo + ro + 2 * (cp - u16(s, starts + 2 * lo)));
	return g ? (g + delta) & 0xFFFF : 0;
}

static unsigned glyph12(const ttf_font *f, uint32_t cp)
{
	span s = f->sub;
	size_t lo = 0, hi = u32(s, 12);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, g = 16 + 12 * mid;

		if (u32(s, g + 4) < cp)
			lo = mid + 1;
		else if (u32(s, g) > cp)
			hi = mid;
		else
			return u32(s, g + 8) + (cp - u32(s, g));
	}
	return 0;
}

unsigned ttf_glyph(const ttf_font *f, uint32_t cp)
{
	unsigned g = f->sub_format == 12 ? glyph12(f, cp) : glyph4(f, cp);

	return g < f->m.num_glyphs ? g : 0;
}

unsigned ttf_advance(const ttf_font *f, unsigned gid)
{
	if (gid >= f->nhmetrics)
		gid = f->nhmetrics - 1;
	return u16(f->hmtx, 4 * (size_t)gid);
}

/* ---- subsetting ---- */

/* Glyph g's outline, empty when the loca entries are out of order or
 * point past the glyf table. */
static span glyph_data(const ttf_font *f, unsigned g)
{
	size_t a, b;

	if (f->long_loca) {
		a = u32(f->loca, 4 * (size_t)g);
		b = u32(f->loca, 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)u16(f->loca, 2 * (size_t)g);
		b = 2 * (size_t)u16(f->loca, 2 * (size_t)g + 2);
	}
	if (b <= a)
		return (span){ NULL, 0 };
	return sub_span(f->glyf, a, b - a);
}

/* Mark the parts of composite glyph g; true when one was new. */
static bool mark_parts(const ttf_font *f, unsigned g, unsigned char *used)
{
	span d = glyph_data(f, g);
	size_t o = 10;
	bool added = false;
	unsigned flags;

	if (!d.p || i16(d, 0) >= 0)
		return false;
	do {
		unsigned part;

		if (!has(d, o, 4))
			break;
		flags = u16(d, o);
		part = u16(d, o + 2);
		if (part < f->m.num_glyphs && !used[part])
			used[part] = 1, added = true;
		o += 4 + (flags & 0x0001 ? 4 : 2);                 /* ARG_1_AND_2_ARE_WORDS */
		o += flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0;
	} while (flags & 0x0020);                                  /* MORE_COMPONENTS */
	return added;
}

typedef struct buf {
	unsigned char *p;
	size_t n, cap;
} buf;

static void put(buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void put16(buf *b, unsigned v)
{
	unsigned char c[2] = { (unsigned char)(v >> 8), (unsigned char)v };

	put(b, c, 2);
}

static void put32(buf *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 8), (unsigned char)v };

	put(b, c, 4);
}

static void set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void pad4(buf *b)
{
	static const unsigned char z[3];

	put(b, z, (4 - b->n % 4) % 4);
}

static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;

	for (size_t i = 0; i < n; i += 4) {
		uint32_t w = 0;

		for (size_t k = 0; k < 4; k++)
			w = w << 8 | (i + k < n ? p[i + k] : 0);
		sum += w;
	}
	return sum;
}

int ttf_subset(const ttf_font *f, const unsigned char *used_in, char **out, size_t *len,
	       tsu_err *e)
{
	unsigned n = f->m.num_glyphs;
	unsigned char *used = xmalloc(n);
	buf glyf = { 0 }, loca = { 0 }, hmtx = { 0 }, headt = { 0 }, hhea = { 0 }, file = { 0 };
	struct { const char *tag; const unsigned char *p; size_t n; } t[9];
	size_t nt = 0, at;
	unsigned pow2 = 1, log2 = 0;

	memcpy(used, used_in, n);
	used[0] = 1;
	for (bool more = true; more;) {
		more = false;
		for (unsigned g = 0; g < n; g++)
			if (used[g] && mark_parts(f, g, used))
				more = true;
	}
	for (unsigned g = 0; g < n; g++) {
		span d = used[g] ? glyph_data(f, g) : (span){ NULL, 0 };
		unsigned adv = used[g] ? ttf_advance(f, g) : 0;
		size_t lsb = g < f->nhmetrics ? 4 * (size_t)g + 2
					       : 4 * (size_t)f->nhmetrics + 2 * (size_t)(g - f->nhmetrics);

		put32(&loca, (uint32_t)glyf.n);
		if (d.p) {
			put(&glyf, d.p, d.n);
			pad4(&glyf);
		}
		put16(&hmtx, adv);
		put16(&hmtx, used[g] ? u16(f->hmtx, lsb) : 0);
	}
	put32(&loca, (uint32_t)glyf.n);
	free(used);
	if (glyf.n > UINT32_MAX / 2) {
		free(glyf.p), free(loca.p), free(hmtx.p);
		return err_set(e, TSU_EFAIL, _("the font's glyphs are too big to embed"));
	}
	/* head: long loca offsets, checksum adjustment set below. */
	put(&headt, f->head.p, f->head.n);
	set32(headt.p + 8, 0);
	headt.p[50] = 0, headt.p[51] = 1;
	/* hhea: every glyph has its whole metric in the new hmtx. */
	put(&hhea, f->hhea.p, f->hhea.n);
	hhea.p[34] = (unsigned char)(n >> 8), hhea.p[35] = (unsigned char)n;

	/* The tables in the order of their tags. */
#define TABLE(tg, ptr, len_)                                                    \
	do {                                                                    \
		if (ptr) {                                                      \
			t[nt].tag = tg, t[nt].p = ptr, t[nt].n = len_;          \
			nt++;                                                   \
		}                                                               \
	} while (0)
	TABLE("cvt ", f->cvt.p, f->cvt.n);
	TABLE("fpgm", f->fpgm.p, f->fpgm.n);
	TABLE("glyf", glyf.p ? glyf.p : (const unsigned char *)"", glyf.n);
	TABLE("head", headt.p, headt.n);
	TABLE("hhea", hhea.p, hhea.n);
	TABLE("hmtx", hmtx.p, hmtx.n);
	TABLE("loca", loca.p, loca.n);
	TABLE("maxp", f->maxp.p, f->maxp.n);
	TABLE("prep", f->prep.p, f->prep.n);
#undef TABLE

	while (pow2 * 2 <= nt)
		pow2 *= 2, log2++;
	put32(&file, 0x00010000);
	put16(&file, (unsigned)nt);
	put16(&file, pow2 * 16);
	put16(&file, log2);
	put16(&file, (unsigned)nt * 16 - pow2 * 16);
	at = 12 + 16 * nt;
	for (size_t i = 0; i < nt; i++) {
		put(&file, t[i].tag, 4);
		put32(&file, checksum(t[i].p, t[i].n));
		put32(&file, (uint32_t)at);
		put32(&file, (uint32_t)t[i].n);
		at += (t[i].n + 3) / 4 * 4;
	}
	size_t head_at = 0;
	for (size_t i = 0; i < nt; i++) {
		if (t[i].p == headt.p)
			head_at = file.n;
		put(&file, t[i].p, t[i].n);
		pad4(&file);
	}
	set32(file.p + head_at + 8, 0xB1B0AFBAu - checksum(file.p, file.n));
	free(glyf.p), free(loca.p), free(hmtx.p), free(headt.p), free(hhea.p);
	*out = (char *)file.p;
	*len = file.n;
	return 0;
}
