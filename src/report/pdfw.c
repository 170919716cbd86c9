/*
 * pdfw.c - a PDF file written by hand (see pdfw.h).
 *
 * Objects 1 to 5 are known from the start (the catalog, the page tree,
 * the font, the Info dictionary, the pages' shared resources), so each
 * page is written out as soon as it ends: its content stream, deflated,
 * and its page object.  The font's parts and the objects that list the
 * pages come last, then the cross-reference table (ISO 32000-1, 7.5.4:
 * one 20-byte line per object) and the trailer.
 *
 * The graphics state is tracked so that an operator is written only when
 * it changes something: a due list of 116 pages sets its colour, line
 * width and font size a handful of times, not once a cell, and keeps one
 * text object open from cell to cell, moving on with a relative Td.
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "tsunagi/i18n.h"
#include "tsunagi/pdfw.h"
#include "tsunagi/text.h"

/* Objects known before the pages. */
enum { OBJ_CATALOG = 1, OBJ_PAGES, OBJ_FONT, OBJ_INFO, OBJ_RES, OBJ_FIRST_FREE };

/* Fake bold: the outline stroked this wide, per point of type. */
#define BOLD_STROKE 0.03

typedef struct gstate {
	double lw;
	double fill[3], stroke[3];
	bool square;
	double tf;              /* font size set (0: none yet) */
	int tr;                 /* text render mode */
} gstate;

/* What the caller asked for, written out when something is drawn. */
typedef struct want {
	double lw;
	double rgb[3];
	bool square;
} want;

#define MAX_SAVE 16

struct pdfw {
	const ttf_font *font;
	const ttf_metrics *m;
	char *title;
	bool mute;
	strbuf out;             /* the file so far */
	size_t *off;            /* object number -> its offset */
	size_t noff, capoff;
	unsigned next;          /* the next free object number */
	unsigned *kids;         /* the page objects */
	size_t nkids, capkids;
	/* The page being drawn. */
	bool open;
	double width, height;
	strbuf page;
	bool in_text;
	/* The path being built, written out when it is painted, after the
	 * state that painting needs (8.5.2: between a path's construction
	 * and its painting no other operator may come). */
	strbuf path;
	double tx, ty;          /* the text line's start (PDF's coordinates) */
	gstate gs;
	want w;
	gstate save_gs[MAX_SAVE];
	want save_w[MAX_SAVE];
	int nsave, deep;        /* saved states, and saves past MAX_SAVE */
	/* The glyphs drawn (by glyph id), and the codes (CIDs) of the text:
	 * each code's glyph and the code point it stands for, and whether it
	 * was drawn (by CID, 65,536 of each, made at the first glyph). */
	unsigned char *used;
	uint16_t *cid_gid;
	uint32_t *cid_cp;
	unsigned char *cid_used;
	unsigned next_pua;      /* where to look for a free code (see code_of) */
	size_t missing;
	/* One deflate stream and its output buffer for every stream of the
	 * file: made once, reset for each.  compress2() made and freed its
	 * 270 KB of state per page, and glibc gave that memory back to the
	 * kernel and took it again each time: 500 brk calls for 116 pages,
	 * more system time than all the rest. */
	z_stream z;
	bool z_ready;
	unsigned char *zbuf;
	size_t zcap;
};

/* ---- numbers ---- */

/* v in hundredths, rounded half away from zero.  A coordinate beyond
 * any page (or NaN, from a layout gone wrong) is written as 0 rather
 * than converted out of range, which C leaves undefined. */
static long long hundredths(double v)
{
	if (!(v > -1e12 && v < 1e12))
		return 0;
	return (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
}

/* v as pdfw_num writes it. */
static double round2(double v)
{
	return (double)hundredths(v) / 100;
}

static void add_uint(strbuf *b, unsigned long long n)
{
	char buf[24];
	size_t i = sizeof buf;

	do {
		buf[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	sb_addn(b, buf + i, sizeof buf - i);
}

/* Room for n more bytes at the end of b, written there and then kept
 * by grew(): a page's operators are written byte by byte, and a call
 * per byte was a tenth of a long due list's instructions. */
static char *room(strbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	return b->s + b->len;
}

static void grew(strbuf *b, size_t n)
{
	b->len += n;
	b->s[b->len] = '\0';
}

/* v as pdfw_num writes it, at p (at most 24 bytes); its length. */
static size_t fmt_num(char *p, double v)
{
	long long h = hundredths(v);
	unsigned long long a = h < 0 ? (unsigned long long)-h : (unsigned long long)h, ip = a / 100;
	unsigned frac = (unsigned)(a % 100);
	char digits[24];
	size_t n = 0, k = 0;

	if (h < 0)
		p[n++] = '-';
	do {
		digits[k++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (k)
		p[n++] = digits[--k];
	if (frac) {
		p[n++] = '.';
		p[n++] = (char)('0' + frac / 10);
		if (frac % 10)
			p[n++] = (char)('0' + frac % 10);
	}
	return n;
}

void pdfw_num(strbuf *b, double v)
{
	grew(b, fmt_num(room(b, 24), v));
}

/* A page's size to a thousandth of a point: A4 is 595.276 x 841.89,
 * as pdfinfo names it. */
static void num3(strbuf *b, double v)
{
	unsigned long long t = (unsigned long long)(v * 1000 + 0.5);

	add_uint(b, t / 1000);
	if (t % 1000) {
		char f[4] = { (char)('0' + t % 1000 / 100), (char)('0' + t % 100 / 10), (char)('0' + t % 10), 0 };
		size_t n = 3;

		while (f[n - 1] == '0')
			n--;
		sb_addc(b, '.');
		sb_addn(b, f, n);
	}
}

/* Numbers, each followed by a space, then the operator and a newline. */
static void op(strbuf *b, const double *v, size_t n, const char *name)
{
	size_t len = strlen(name), k = 0;
	char *p = room(b, n * 25 + len + 1);

	for (size_t i = 0; i < n; i++) {
		k += fmt_num(p + k, v[i]);
		p[k++] = ' ';
	}
	memcpy(p + k, name, len);
	p[k + len] = '\n';
	grew(b, k + len + 1);
}

/* ---- the writer ---- */

pdfw *pdfw_new(const ttf_font *font, const char *title)
{
	pdfw *w = xcalloc(1, sizeof *w);

	w->font = font;
	w->m = ttf_get_metrics(font);
	w->title = xstrdup(title);
	sb_init(&w->out);
	sb_init(&w->page);
	sb_init(&w->path);
	w->next = OBJ_FIRST_FREE;
	w->used = xcalloc(w->m->num_glyphs ? w->m->num_glyphs : 1, 1);
	w->next_pua = 0xF8FF;
	/* The header; the comment's bytes above 127 mark the file binary. */
	sb_adds(&w->out, "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n");
	return w;
}

void pdfw_free(pdfw *w)
{
	if (!w)
		return;
	if (w->z_ready)
		deflateEnd(&w->z);
	free(w->zbuf);
	sb_free(&w->out);
	sb_free(&w->page);
	sb_free(&w->path);
	free(w->off);
	free(w->kids);
	free(w->used);
	free(w->cid_gid);
	free(w->cid_cp);
	free(w->cid_used);
	free(w->title);
	free(w);
}

void pdfw_mute(pdfw *w, bool mute)
{
	w->mute = mute;
}

bool pdfw_muted(const pdfw *w)
{
	return w->mute;
}

size_t pdfw_missing(const pdfw *w)
{
	return w->missing;
}

/* Object n starts here. */
static void obj_begin(pdfw *w, unsigned n)
{
	if (n >= w->capoff) {
		size_t cap = w->capoff ? 2 * w->capoff : 64;

		while (cap <= n)
			cap *= 2;
		w->off = xrealloc(w->off, cap * sizeof *w->off);
		memset(w->off + w->capoff, 0, (cap - w->capoff) * sizeof *w->off);
		w->capoff = cap;
	}
	if (n >= w->noff)
		w->noff = n + 1;
	w->off[n] = w->out.len;
	add_uint(&w->out, n);
	sb_adds(&w->out, " 0 obj\n");
}

static void obj_end(pdfw *w)
{
	sb_adds(&w->out, "endobj\n");
}

static void ref(strbuf *b, unsigned n)
{
	add_uint(b, n);
	sb_adds(b, " 0 R");
}

/* zlib's memLevel: 6 hashes 2^13 byte triples where the default (8)
 * hashes 2^15, and each stream's reset clears the table: 7.7 M of the
 * week's due list's instructions at 8 for 116 pages of 11 KB.  The
 * file comes out 0.2% bigger. */
#define MEM_LEVEL 6

static int deflate_all(z_stream *z)
{
	return deflate(z, Z_FINISH);
}

/* A stream object of data[0..n), deflated when deflate says so; extra
 * goes into its dictionary.  -1 when zlib fails. */
static int stream_obj(pdfw *w, unsigned n, const char *data, size_t len, bool deflate,
		      const char *extra)
{
	if (deflate) {
		size_t need;

		if (!w->z_ready) {
			if (deflateInit2(&w->z, Z_BEST_SPEED, Z_DEFLATED, 15, MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK)
				return -1;
			w->z_ready = true;
		} else if (deflateReset(&w->z) != Z_OK) {
			return -1;
		}
		need = deflateBound(&w->z, (uLong)len) + 64;
		if (need > w->zcap) {
			w->zcap = need;
			w->zbuf = xrealloc(w->zbuf, need);
		}
		w->z.next_in = (Bytef *)(uintptr_t)data;
		w->z.avail_in = (uInt)len;
		w->z.next_out = w->zbuf;
		w->z.avail_out = (uInt)w->zcap;
		if (deflate_all(&w->z) != Z_STREAM_END)
			return -1;
		data = (const char *)w->zbuf;
		len = w->zcap - w->z.avail_out;
	}
	obj_begin(w, n);
	sb_adds(&w->out, "<< /Length ");
	add_uint(&w->out, len);
	if (deflate)
		sb_adds(&w->out, " /Filter /FlateDecode");
	if (extra)
		sb_adds(&w->out, extra);
	sb_adds(&w->out, " >>\nstream\n");
	sb_addn(&w->out, data, len);
	sb_adds(&w->out, "\nendstream\n");
	obj_end(w);
	return 0;
}

/* ---- pages ---- */

static void end_text(pdfw *w)
{
	if (w->in_text) {
		sb_adds(&w->page, "ET\n");
		w->in_text = false;
	}
}

static void end_page(pdfw *w)
{
	unsigned content, page;
	strbuf *o = &w->out;

	if (!w->open)
		return;
	end_text(w);
	while (w->nsave > 0 || w->deep > 0)
		pdfw_restore(w);
	content = w->next++;
	page = w->next++;
	/* deflate fails only without memory (its state is zlib's own
	 * allocation); the page is written plain then all the same. */
	if (stream_obj(w, content, w->page.s ? w->page.s : "", w->page.len, true, NULL) < 0)
		stream_obj(w, content, w->page.s ? w->page.s : "", w->page.len, false, NULL);
	obj_begin(w, page);
	sb_adds(o, "<< /Type /Page /Parent ");
	ref(o, OBJ_PAGES);
	sb_adds(o, " /MediaBox [0 0 ");
	num3(o, w->width);
	sb_addc(o, ' ');
	num3(o, w->height);
	sb_adds(o, "] /Resources ");
	ref(o, OBJ_RES);
	sb_adds(o, " /Contents ");
	ref(o, content);
	sb_adds(o, " >>\n");
	obj_end(w);
	if (w->nkids == w->capkids) {
		w->capkids = w->capkids ? 2 * w->capkids : 16;
		w->kids = xrealloc(w->kids, w->capkids * sizeof *w->kids);
	}
	w->kids[w->nkids++] = page;
	w->open = false;
}

void pdfw_page(pdfw *w, double width, double height)
{
	if (w->mute)
		return;
	end_page(w);
	w->open = true;
	w->width = width;
	w->height = height;
	w->page.len = 0;
	if (w->page.s)
		w->page.s[0] = '\0';
	/* PDF's initial graphics state (8.4.1): black, 1 point lines, butt
	 * caps; no font. */
	w->gs = (gstate){ .lw = 1 };
	w->w = (want){ .lw = 1 };
	w->nsave = w->deep = 0;
	w->in_text = false;
	w->path.len = 0;
}

/* ---- the graphics state ---- */

void pdfw_save(pdfw *w)
{
	if (w->mute || !w->open)
		return;
	end_text(w);
	sb_adds(&w->page, "q\n");
	if (w->nsave < MAX_SAVE) {
		w->save_gs[w->nsave] = w->gs;
		w->save_w[w->nsave++] = w->w;
	} else {
		w->deep++;
	}
}

void pdfw_restore(pdfw *w)
{
	if (w->mute || !w->open || (w->nsave == 0 && w->deep == 0))
		return;
	end_text(w);
	sb_adds(&w->page, "Q\n");
	if (w->deep > 0) {
		/* Past what is tracked: nothing is known of the state now. */
		w->deep--;
		w->gs = (gstate){ .lw = -1, .fill = { -1, -1, -1 }, .stroke = { -1, -1, -1 }, .tf = -1, .tr = -1 };
		w->gs.square = !w->w.square;
		return;
	}
	w->nsave--;
	w->gs = w->save_gs[w->nsave];
	w->w = w->save_w[w->nsave];
}

void pdfw_line_width(pdfw *w, double lw)
{
	w->w.lw = lw;
}

void pdfw_square_caps(pdfw *w, bool square)
{
	w->w.square = square;
}

void pdfw_rgb(pdfw *w, double r, double g, double b)
{
	w->w.rgb[0] = r;
	w->w.rgb[1] = g;
	w->w.rgb[2] = b;
}

static bool same_rgb(const double *a, const double *b)
{
	return round2(a[0]) == round2(b[0]) && round2(a[1]) == round2(b[1]) && round2(a[2]) == round2(b[2]);
}

static void sync_fill(pdfw *w)
{
	if (same_rgb(w->gs.fill, w->w.rgb))
		return;
	op(&w->page, w->w.rgb, 3, "rg");
	memcpy(w->gs.fill, w->w.rgb, sizeof w->gs.fill);
}

static void sync_stroke_rgb(pdfw *w)
{
	if (same_rgb(w->gs.stroke, w->w.rgb))
		return;
	op(&w->page, w->w.rgb, 3, "RG");
	memcpy(w->gs.stroke, w->w.rgb, sizeof w->gs.stroke);
}

static void sync_lw(pdfw *w, double lw)
{
	if (round2(w->gs.lw) == round2(lw))
		return;
	op(&w->page, &lw, 1, "w");
	w->gs.lw = lw;
}

static void sync_stroke(pdfw *w)
{
	sync_stroke_rgb(w);
	sync_lw(w, w->w.lw);
	if (w->gs.square != w->w.square) {
		sb_adds(&w->page, w->w.square ? "2 J\n" : "0 J\n");
		w->gs.square = w->w.square;
	}
}

/* ---- paths ---- */

/* Whether drawing goes anywhere. */
static bool drawing(const pdfw *w)
{
	return !w->mute && w->open;
}

enum paint { PAINT_STROKE, PAINT_FILL, PAINT_CLIP };

/* The path, painted: the state its painting needs, the path, then the
 * painting operator. */
static void paint(pdfw *w, enum paint how)
{
	static const char *const ops[] = { "S\n", "f\n", "W n\n" };

	if (!drawing(w) || !w->path.len)
		return;
	end_text(w);
	if (how == PAINT_STROKE)
		sync_stroke(w);
	else if (how == PAINT_FILL)
		sync_fill(w);
	sb_addn(&w->page, w->path.s, w->path.len);
	sb_adds(&w->page, ops[how]);
	w->path.len = 0;
	w->path.s[0] = '\0';
}

void pdfw_move(pdfw *w, double x, double y)
{
	double v[2] = { x, w->height - y };

	if (drawing(w))
		op(&w->path, v, 2, "m");
}

void pdfw_line(pdfw *w, double x, double y)
{
	double v[2] = { x, w->height - y };

	if (drawing(w))
		op(&w->path, v, 2, "l");
}

void pdfw_rect(pdfw *w, double x, double y, double width, double height)
{
	/* From the bottom left corner, upwards. */
	double v[4] = { x, w->height - y - height, width, height };

	if (drawing(w))
		op(&w->path, v, 4, "re");
}

void pdfw_stroke(pdfw *w)
{
	paint(w, PAINT_STROKE);
}

void pdfw_fill(pdfw *w)
{
	paint(w, PAINT_FILL);
}

void pdfw_clip(pdfw *w)
{
	paint(w, PAINT_CLIP);
}

/* ---- text ---- */

#define NCID 65536

/* A free code for cp: a private-use one (U+E000-U+F8FF) not taken, from
 * the top down; 0 when all are. */
static unsigned free_code(pdfw *w)
{
	for (; w->next_pua >= 0xE000; w->next_pua--)
		if (!w->cid_cp[w->next_pua])
			return w->next_pua--;
	return 0;
}

/*
 * The code (CID) of code point cp: cp itself when it is in the BMP and
 * its code is free (or already cp's); a free private-use code for a
 * character above U+FFFF, or for one whose code a character above U+FFFF
 * took.  CIDs that are the text's code points keep the text whole where
 * the ToUnicode map is lost: a PDF printed through PostScript (pdftops,
 * then Ghostscript, as CUPS does) comes back with its codes as the
 * text, and glyph ids as CIDs came back as other letters ("GXH" for
 * "due").
 */
static unsigned code_of(pdfw *w, uint32_t cp)
{
	if (cp && cp < NCID && (!w->cid_cp[cp] || w->cid_cp[cp] == cp))
		return cp;
	for (unsigned c = 0xF8FF; c >= 0xE000 && c > w->next_pua; c--)
		if (w->cid_cp[c] == cp)
			return c;
	return free_code(w);
}

unsigned pdfw_glyph(pdfw *w, uint32_t cp, unsigned *gid)
{
	unsigned g = ttf_glyph(w->font, cp), c;

	if (g >= w->m->num_glyphs)
		g = 0;
	if (!w->cid_gid) {
		w->cid_gid = xcalloc(NCID, sizeof *w->cid_gid);
		w->cid_cp = xcalloc(NCID, sizeof *w->cid_cp);
		w->cid_used = xcalloc(NCID, 1);
	}
	c = code_of(w, cp);
	w->cid_gid[c] = (uint16_t)(c ? g : 0);
	w->cid_cp[c] = c ? cp : 0;
	if (gid)
		*gid = c ? g : 0;
	return c;
}

static void hex4(strbuf *b, unsigned v)
{
	static const char hex[] = "0123456789ABCDEF";
	char s[4] = { hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15] };

	sb_addn(b, s, 4);
}

/* <glyph ids in hex> Tj, the glyphs noted as used. */
static void hex_glyphs(pdfw *w, strbuf *b, const uint16_t *cids, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char *p = room(b, 4 * n + 6), *q = p;

	*q++ = '<';
	for (size_t i = 0; i < n; i++) {
		unsigned c = cids[i], g = w->cid_gid ? w->cid_gid[c] : 0;

		q[0] = hex[c >> 12 & 15];
		q[1] = hex[c >> 8 & 15];
		q[2] = hex[c >> 4 & 15];
		q[3] = hex[c & 15];
		q += 4;
		w->used[g] = 1;
		if (w->cid_used)
			w->cid_used[c] = 1;
		if (!g)
			w->missing++;
	}
	memcpy(q, "> Tj\n", 5);
	grew(b, (size_t)(q - p) + 5);
}

void pdfw_text(pdfw *w, double x, double y, double size, bool bold, const uint16_t *cids,
	       size_t n)
{
	strbuf *p = &w->page;
	double v[2];

	if (w->mute || !w->open || !n)
		return;
	if (!w->in_text) {
		sb_adds(p, "BT\n");
		w->in_text = true;
		w->tx = w->ty = 0;
	}
	sync_fill(w);
	if (round2(w->gs.tf) != round2(size)) {
		sb_adds(p, "/F1 ");
		op(p, &size, 1, "Tf");
		w->gs.tf = size;
	}
	if (bold) {
		sync_stroke_rgb(w);
		sync_lw(w, size * BOLD_STROKE);
	}
	if (w->gs.tr != (bold ? 2 : 0)) {
		sb_adds(p, bold ? "2 Tr\n" : "0 Tr\n");
		w->gs.tr = bold ? 2 : 0;
	}
	/* Td moves from the start of the last line; the position kept is
	 * the one written, so that rounding never adds up. */
	v[0] = round2(x - w->tx);
	v[1] = round2(w->height - y - w->ty);
	op(p, v, 2, "Td");
	w->tx += v[0];
	w->ty += v[1];
	hex_glyphs(w, p, cids, n);
}

/* ---- the font ---- */

static double per_mille(const pdfw *w, double units)
{
	return units * 1000.0 / (w->m->units_per_em ? w->m->units_per_em : 1000);
}

static void add_int(strbuf *b, long v)
{
	if (v < 0)
		sb_addc(b, '-');
	add_uint(b, (unsigned long long)(v < 0 ? -v : v));
}

/* Six capital letters naming this subset (ISO 32000-1, 9.6.4), from
 * the glyphs it holds. */
static void subset_tag(const pdfw *w, char tag[8])
{
	uint32_t h = 2166136261u;

	for (unsigned g = 0; g < w->m->num_glyphs; g++)
		if (w->used[g]) {
			h = (h ^ (g & 0xFF)) * 16777619u;
			h = (h ^ (g >> 8)) * 16777619u;
		}
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h = h / 26 + (h << 27);
	}
	tag[6] = '+';
	tag[7] = '\0';
}

/* Whether code c was drawn. */
static bool cid_drawn(const pdfw *w, unsigned c)
{
	return w->cid_used && w->cid_used[c];
}

/* /W: the drawn codes' advances, in runs of consecutive codes. */
static void widths(pdfw *w, strbuf *b)
{
	sb_adds(b, " /W [");
	for (unsigned c = 0; c < NCID;) {
		if (!cid_drawn(w, c)) {
			c++;
			continue;
		}
		sb_addc(b, ' ');
		add_uint(b, c);
		sb_adds(b, " [");
		for (; c < NCID && cid_drawn(w, c); c++) {
			sb_addc(b, ' ');
			add_int(b, (long)(per_mille(w, ttf_advance(w->font, w->cid_gid[c])) + 0.5));
		}
		sb_adds(b, " ]");
	}
	sb_adds(b, " ]");
}

/* The CIDToGIDMap stream's bytes (9.7.4.2): two per code up to the
 * highest drawn, the glyph id big-endian. */
static void cid_to_gid(const pdfw *w, strbuf *b)
{
	unsigned top = 0;
	char *p;

	for (unsigned c = 0; c < NCID; c++)
		if (cid_drawn(w, c))
			top = c;
	p = room(b, 2 * (top + 1));
	for (unsigned c = 0; c <= top; c++) {
		unsigned g = cid_drawn(w, c) ? w->cid_gid[c] : 0;

		p[2 * c] = (char)(g >> 8);
		p[2 * c + 1] = (char)(g & 0xFF);
	}
	grew(b, 2 * (top + 1));
}

/* A code point as UTF-16BE hex (a surrogate pair above U+FFFF). */
static void utf16_hex(strbuf *b, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		hex4(b, 0xD800 + (cp >> 10));
		hex4(b, 0xDC00 + (cp & 0x3FF));
	} else {
		hex4(b, cp);
	}
}

/* The ToUnicode CMap (9.10.3; its syntax is Adobe's Technical Note
 * 5411): each drawn code to the code point it stands for, in blocks
 * of at most 100 bfchar lines. */
static void to_unicode(pdfw *w, strbuf *b)
{
	unsigned count = 0;

	sb_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (unsigned c = 1; c < NCID; c++) {
		if (!cid_drawn(w, c) || !w->cid_cp[c])
			continue;
		if (count % 100 == 0) {
			unsigned left = 0;

			if (count)
				sb_adds(b, "endbfchar\n");
			for (unsigned k = c; k < NCID && left < 100; k++)
				left += cid_drawn(w, k) && w->cid_cp[k];
			add_uint(b, left);
			sb_adds(b, " beginbfchar\n");
		}
		sb_addc(b, '<');
		hex4(b, c);
		sb_adds(b, "> <");
		utf16_hex(b, w->cid_cp[c]);
		sb_adds(b, ">\n");
		count++;
	}
	if (count)
		sb_adds(b, "endbfchar\n");
	sb_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static int write_font(pdfw *w, tsu_err *e)
{
	unsigned cid = w->next++, desc = w->next++, file = w->next++, tu = w->next++, map = w->next++;
	const ttf_metrics *m = w->m;
	char tag[8], *prog = NULL;
	size_t plen = 0;
	strbuf *o = &w->out, b;
	int rc;

	w->used[0] = 1;
	subset_tag(w, tag);
	if (ttf_subset(w->font, w->used, &prog, &plen, e) != 0)
		return TSU_EFAIL;
	obj_begin(w, OBJ_FONT);
	sb_adds(o, "<< /Type /Font /Subtype /Type0 /BaseFont /");
	sb_adds(o, tag);
	sb_adds(o, ttf_ps_name(w->font));
	sb_adds(o, " /Encoding /Identity-H /DescendantFonts [");
	ref(o, cid);
	sb_adds(o, "] /ToUnicode ");
	ref(o, tu);
	sb_adds(o, " >>\n");
	obj_end(w);

	obj_begin(w, cid);
	sb_adds(o, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /");
	sb_adds(o, tag);
	sb_adds(o, ttf_ps_name(w->font));
	sb_adds(o, " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
		" /FontDescriptor ");
	ref(o, desc);
	sb_adds(o, " /CIDToGIDMap ");
	ref(o, map);
	widths(w, o);
	sb_adds(o, " >>\n");
	obj_end(w);

	obj_begin(w, desc);
	sb_adds(o, "<< /Type /FontDescriptor /FontName /");
	sb_adds(o, tag);
	sb_adds(o, ttf_ps_name(w->font));
	/* Flags 4: symbolic, the glyphs are named by the font's own ids. */
	sb_adds(o, " /Flags 4 /FontBBox [");
	for (int i = 0; i < 4; i++) {
		sb_addc(o, ' ');
		add_int(o, (long)per_mille(w, m->bbox[i]));
	}
	sb_adds(o, " ] /ItalicAngle ");
	add_int(o, m->italic_angle);
	sb_adds(o, " /Ascent ");
	add_int(o, (long)per_mille(w, m->ascent));
	sb_adds(o, " /Descent ");
	add_int(o, (long)per_mille(w, m->descent));
	sb_adds(o, " /CapHeight ");
	add_int(o, (long)per_mille(w, m->cap_height));
	/* StemV is required and not in a TrueType file; 80 is a regular
	 * weight's usual stem. */
	sb_adds(o, " /StemV 80 /FontFile2 ");
	ref(o, file);
	sb_adds(o, " >>\n");
	obj_end(w);

	sb_init(&b);
	sb_adds(&b, " /Length1 ");
	add_uint(&b, plen);
	rc = stream_obj(w, file, prog, plen, true, b.s);
	sb_free(&b);
	free(prog);
	if (rc < 0)
		return err_set(e, TSU_EFAIL, _("could not make the PDF: compressing the font failed"));
	sb_init(&b);
	to_unicode(w, &b);
	rc = stream_obj(w, tu, b.s, b.len, true, NULL);
	b.len = 0;
	if (rc == 0) {
		cid_to_gid(w, &b);
		rc = stream_obj(w, map, b.s, b.len, true, NULL);
	}
	sb_free(&b);
	if (rc < 0)
		return err_set(e, TSU_EFAIL, _("could not make the PDF: compressing the font failed"));
	return TSU_OK;
}

/* ---- the document ---- */

/* A text string of UTF-8 s: UTF-16BE with its byte order mark (7.9.2.2). */
static void text_string(strbuf *b, const char *s)
{
	size_t n = strlen(s);

	sb_adds(b, "<FEFF");
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);

		i += k ? k : 1;
		utf16_hex(b, (uint32_t)cp);
	}
	sb_addc(b, '>');
}

static void write_tail(pdfw *w)
{
	strbuf *o = &w->out;
	size_t xref;

	obj_begin(w, OBJ_PAGES);
	sb_adds(o, "<< /Type /Pages /Kids [");
	for (size_t i = 0; i < w->nkids; i++) {
		sb_addc(o, ' ');
		ref(o, w->kids[i]);
	}
	sb_adds(o, " ] /Count ");
	add_uint(o, w->nkids);
	sb_adds(o, " >>\n");
	obj_end(w);

	obj_begin(w, OBJ_RES);
	sb_adds(o, "<< /Font << /F1 ");
	ref(o, OBJ_FONT);
	sb_adds(o, " >> >>\n");
	obj_end(w);

	obj_begin(w, OBJ_INFO);
	sb_adds(o, "<< ");
	if (w->title && *w->title) {
		sb_adds(o, "/Title ");
		text_string(o, w->title);
		sb_addc(o, ' ');
	}
	sb_adds(o, "/Creator (tsunagi) >>\n");
	obj_end(w);

	obj_begin(w, OBJ_CATALOG);
	sb_adds(o, "<< /Type /Catalog /Pages ");
	ref(o, OBJ_PAGES);
	sb_adds(o, " >>\n");
	obj_end(w);

	/* 7.5.4: each entry exactly 20 bytes, the free list's head first. */
	xref = o->len;
	sb_adds(o, "xref\n0 ");
	add_uint(o, w->noff);
	sb_adds(o, "\n0000000000 65535 f \n");
	for (size_t i = 1; i < w->noff; i++)
		sb_addf(o, "%010zu 00000 n \n", w->off[i]);
	sb_adds(o, "trailer\n<< /Size ");
	add_uint(o, w->noff);
	sb_adds(o, " /Root ");
	ref(o, OBJ_CATALOG);
	sb_adds(o, " /Info ");
	ref(o, OBJ_INFO);
	sb_adds(o, " >>\nstartxref\n");
	add_uint(o, xref);
	sb_adds(o, "\n%%EOF\n");
}

int pdfw_finish(pdfw *w, char **pdf, size_t *len, tsu_err *e)
{
	*pdf = NULL;
	*len = 0;
	w->mute = false;
	if (!w->nkids && !w->open)
		pdfw_page(w, 595.276, 841.89);   /* a PDF has at least one page */
	end_page(w);
	if (write_font(w, e) != TSU_OK)
		return TSU_EFAIL;
	write_tail(w);
	*len = w->out.len;
	*pdf = sb_steal(&w->out);
	return TSU_OK;
}
