/*
 * test_ttf.c - the TrueType reader (ttf.c): a small font built here
 * byte by byte (cmap format 4 with both kinds of segment, a composite
 * glyph, short loca), the installed IPAexGothic (fonts-ipaexfont, which
 * `make deps` installs), subsets whose every table and checksum is
 * checked, and damaged or wrong files that give one-line errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "tsunagi/ttf.h"
#include "tsunagi/xalloc.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

/* ---- bytes ---- */

typedef struct bytes {
	unsigned char p[4096];
	size_t n;
} bytes;

static void b16(bytes *b, unsigned v)
{
	b->p[b->n++] = (unsigned char)(v >> 8);
	b->p[b->n++] = (unsigned char)v;
}

static void b32(bytes *b, uint32_t v)
{
	b16(b, v >> 16);
	b16(b, v & 0xFFFF);
}

static void bzero_(bytes *b, size_t n)
{
	memset(b->p + b->n, 0, n);
	b->n += n;
}

static unsigned r16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t r32(const unsigned char *p)
{
	return (uint32_t)r16(p) << 16 | r16(p + 2);
}

static uint32_t sum32(const unsigned char *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i < n; i += 4) {
		uint32_t w = 0;

		for (size_t k = 0; k < 4; k++)
			w = w << 8 | (i + k < n ? p[i + k] : 0);
		s += w;
	}
	return s;
}

/* A table of a font file held in memory: NULL when absent. */
static const unsigned char *find_table(const unsigned char *f, const char *tag, size_t *len)
{
	unsigned n = r16(f + 4);

	for (unsigned i = 0; i < n; i++) {
		const unsigned char *r = f + 12 + 16 * i;

		if (memcmp(r, tag, 4) == 0) {
			*len = r32(r + 12);
			return f + r32(r + 8);
		}
	}
	return NULL;
}

/*
 * A font of three glyphs: 0 .notdef (empty), 1 a triangle, 2 a
 * composite of glyph 1.  'A' -> 1 and 'B' -> 2 by delta, 'a' -> 2 and
 * 'b' -> 1 through the glyph id array.  Advances 500, 600, 700 units of
 * 1000.  Its PostScript name is "Test-Font".
 */
static void tiny_font(bytes *out)
{
	bytes t[8] = { 0 };
	const char *tags[8] = { "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name" };
	size_t at;

	/* cmap: one subtable (3,1) format 4, segments A-B, a-b, FFFF. */
	bytes *c = &t[0];
	b16(c, 0), b16(c, 1), b16(c, 3), b16(c, 1), b32(c, 12);
	size_t sub = c->n;
	b16(c, 4), b16(c, 0), b16(c, 0), b16(c, 6), b16(c, 4), b16(c, 1), b16(c, 2);
	b16(c, 'B'), b16(c, 'b'), b16(c, 0xFFFF), b16(c, 0);     /* ends, pad */
	b16(c, 'A'), b16(c, 'a'), b16(c, 0xFFFF);                /* starts */
	b16(c, (unsigned)(1 - 'A') & 0xFFFF), b16(c, 0), b16(c, 1); /* deltas */
	b16(c, 0), b16(c, 4), b16(c, 0);                         /* range offsets */
	b16(c, 2), b16(c, 1);                                    /* glyph ids of a, b */
	c->p[sub + 2] = (unsigned char)((c->n - sub) >> 8);
	c->p[sub + 3] = (unsigned char)(c->n - sub);

	/* glyf: glyph 1, one contour of three on-curve points (23 bytes,
	 * padded to 24); glyph 2 (16 bytes) a composite of glyph 1 moved by
	 * (10, 0). */
	bytes *g = &t[1];
	b16(g, 1), b16(g, 0), b16(g, 0), b16(g, 100), b16(g, 100);
	b16(g, 2), b16(g, 0);                   /* end point 2, no instructions */
	g->p[g->n++] = 0x37, g->p[g->n++] = 0x37, g->p[g->n++] = 0x37; /* on, short x y, positive */
	g->p[g->n++] = 0, g->p[g->n++] = 100, g->p[g->n++] = 0;         /* x */
	g->p[g->n++] = 0, g->p[g->n++] = 0, g->p[g->n++] = 100;         /* y */
	bzero_(g, 1);
	b16(g, 0xFFFF), b16(g, 10), b16(g, 0), b16(g, 110), b16(g, 100);
	b16(g, 0x0002), b16(g, 1);              /* ARGS_ARE_XY_VALUES, glyph 1 */
	g->p[g->n++] = 10, g->p[g->n++] = 0;

	bytes *h = &t[2];
	b32(h, 0x00010000), b32(h, 0x00010000), b32(h, 0), b32(h, 0x5F0F3CF5);
	b16(h, 0), b16(h, 1000);
	bzero_(h, 16);
	b16(h, 0), b16(h, (unsigned)-200 & 0xFFFF), b16(h, 900), b16(h, 800);
	b16(h, 0), b16(h, 8), b16(h, 2), b16(h, 0), b16(h, 0);  /* loca short */

	bytes *hh = &t[3];
	b32(hh, 0x00010000), b16(hh, 800), b16(hh, (unsigned)-200 & 0xFFFF);
	bzero_(hh, 26);
	b16(hh, 3);

	bytes *m = &t[4];
	b16(m, 500), b16(m, 0), b16(m, 600), b16(m, 0), b16(m, 700), b16(m, 10);

	bytes *l = &t[5];
	b16(l, 0), b16(l, 0), b16(l, 12), b16(l, (unsigned)g->n / 2);

	bytes *mx = &t[6];
	b32(mx, 0x00005000), b16(mx, 3);

	bytes *nm = &t[7];
	b16(nm, 0), b16(nm, 1), b16(nm, 18);
	b16(nm, 3), b16(nm, 1), b16(nm, 0x409), b16(nm, 6), b16(nm, 18), b16(nm, 0);
	for (const char *s = "Test-Font"; *s; s++)
		b16(nm, (unsigned char)*s);

	out->n = 0;
	b32(out, 0x00010000), b16(out, 8), b16(out, 128), b16(out, 3), b16(out, 0);
	at = 12 + 16 * 8;
	for (int i = 0; i < 8; i++) {
		memcpy(out->p + out->n, tags[i], 4);
		out->n += 4;
		b32(out, sum32(t[i].p, t[i].n)), b32(out, (uint32_t)at), b32(out, (uint32_t)t[i].n);
		at += (t[i].n + 3) / 4 * 4;
	}
	for (int i = 0; i < 8; i++) {
		memcpy(out->p + out->n, t[i].p, t[i].n);
		out->n += t[i].n;
		bzero_(out, (4 - t[i].n % 4) % 4);
	}
}

static char *write_file(fx_db *fx, const char *name, const void *p, size_t n)
{
	char *path = xmalloc(strlen(fx->dir) + strlen(name) + 2);
	FILE *fp;

	sprintf(path, "%s/%s", fx->dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* ---- the small font ---- */

static void tiny_glyphs_and_metrics(void **state)
{
	(void)state;
	fx_db fx;
	bytes b;
	tsu_err e = { 0 };
	ttf_font *f;

	fx_dir(&fx, "ttf");
	tiny_font(&b);
	char *path = write_file(&fx, "tiny.ttf", b.p, b.n);
	f = ttf_open(path, 0, &e);
	assert_non_null(f);
	assert_int_equal(ttf_glyph(f, 'A'), 1);
	assert_int_equal(ttf_glyph(f, 'B'), 2);
	assert_int_equal(ttf_glyph(f, 'a'), 2);
	assert_int_equal(ttf_glyph(f, 'b'), 1);
	assert_int_equal(ttf_glyph(f, 'C'), 0);
	assert_int_equal(ttf_glyph(f, '@'), 0);
	assert_int_equal(ttf_glyph(f, 0x65E5), 0);
	assert_int_equal(ttf_glyph(f, 0x1F600), 0);
	assert_int_equal(ttf_advance(f, 0), 500);
	assert_int_equal(ttf_advance(f, 2), 700);
	assert_int_equal(ttf_advance(f, 99), 700);  /* past the metrics: the last */
	const ttf_metrics *m = ttf_get_metrics(f);
	assert_int_equal(m->units_per_em, 1000);
	assert_int_equal(m->ascent, 800);
	assert_int_equal(m->descent, -200);
	assert_int_equal(m->cap_height, 800);       /* no OS/2: the ascent */
	assert_int_equal(m->bbox[1], -200);
	assert_int_equal(m->bbox[3], 800);
	assert_int_equal(m->num_glyphs, 3);
	assert_string_equal(ttf_ps_name(f), "Test-Font");
	ttf_close(f);
	free(path);
	fx_db_close(&fx);
}

/* Check a subset's directory and checksums; the length of each glyph
 * through its loca (long offsets) into lens[0..n). */
static void check_subset(const unsigned char *s, size_t len, unsigned n, size_t *lens)
{
	size_t tl, loca_n, glyf_n, hmtx_n;
	const unsigned char *head, *loca, *glyf, *hmtx, *hhea;
	unsigned nt = r16(s + 4);
	char prev[5] = "";

	assert_int_equal(r32(s), 0x00010000);
	assert_true(len % 4 == 0);
	for (unsigned i = 0; i < nt; i++) {
		const unsigned char *r = s + 12 + 16 * i;
		char tag[5] = { (char)r[0], (char)r[1], (char)r[2], (char)r[3], 0 };
		uint32_t off = r32(r + 8), n_ = r32(r + 12);

		assert_true(strcmp(prev, tag) < 0);         /* sorted by tag */
		memcpy(prev, tag, 5);
		assert_true(off % 4 == 0 && off + n_ <= len);
		if (strcmp(tag, "head"))
			assert_int_equal(r32(r + 4), sum32(s + off, n_));
	}
	assert_int_equal(sum32(s, len), 0xB1B0AFBAu);       /* head's adjustment */
	head = find_table(s, "head", &tl);
	assert_non_null(head);
	assert_int_equal(r16(head + 50), 1);               /* long loca */
	hhea = find_table(s, "hhea", &tl);
	assert_int_equal(r16(hhea + 34), n);               /* a metric per glyph */
	hmtx = find_table(s, "hmtx", &hmtx_n);
	assert_non_null(hmtx);
	assert_int_equal(hmtx_n, 4 * (size_t)n);
	loca = find_table(s, "loca", &loca_n);
	glyf = find_table(s, "glyf", &glyf_n);
	assert_non_null(glyf);
	assert_int_equal(loca_n, 4 * ((size_t)n + 1));
	for (unsigned g = 0; g < n; g++) {
		assert_true(r32(loca + 4 * g) <= r32(loca + 4 * g + 4));
		lens[g] = r32(loca + 4 * g + 4) - r32(loca + 4 * g);
	}
	assert_true(r32(loca + 4 * n) <= glyf_n);
}

static void tiny_subset_adds_the_parts(void **state)
{
	(void)state;
	fx_db fx;
	bytes b;
	tsu_err e = { 0 };
	unsigned char used[3] = { 0, 0, 1 }; /* only the composite */
	size_t lens[3], len;
	char *out = NULL;

	fx_dir(&fx, "ttf");
	tiny_font(&b);
	char *path = write_file(&fx, "tiny.ttf", b.p, b.n);
	ttf_font *f = ttf_open(path, 0, &e);
	assert_non_null(f);
	assert_int_equal(ttf_subset(f, used, &out, &len, &e), 0);
	check_subset((unsigned char *)out, len, 3, lens);
	assert_int_equal(lens[0], 0);      /* .notdef: empty in this font */
	assert_int_equal(lens[1], 24);     /* the triangle, a part of glyph 2 */
	assert_int_equal(lens[2], 16);     /* the composite */
	size_t hl;
	const unsigned char *hmtx = find_table((unsigned char *)out, "hmtx", &hl);
	assert_int_equal(r16(hmtx + 4), 600);
	assert_int_equal(r16(hmtx + 8), 700);
	assert_int_equal(r16(hmtx + 10), 10);
	free(out);

	/* Nothing asked: glyph 0 alone. */
	memset(used, 0, sizeof used);
	assert_int_equal(ttf_subset(f, used, &out, &len, &e), 0);
	check_subset((unsigned char *)out, len, 3, lens);
	assert_int_equal(lens[1] + lens[2], 0);
	free(out);
	ttf_close(f);
	free(path);
	fx_db_close(&fx);
}

/* ---- the installed Japanese font ---- */

static void ipaex_glyphs(void **state)
{
	(void)state;
	tsu_err e = { 0 };
	ttf_font *f = ttf_open(IPAEX, 0, &e);

	assert_non_null(f);
	const ttf_metrics *m = ttf_get_metrics(f);
	assert_string_equal(ttf_ps_name(f), "IPAexGothic");
	assert_true(m->num_glyphs > 10000);
	assert_true(m->ascent > 0 && m->descent < 0);
	/* Kanji and kana are full width; latin letters are proportional and
	 * narrower (IPAexGothic's are). */
	unsigned hi = ttf_glyph(f, 0x65E5), a = ttf_glyph(f, 0x3042), kanji = ttf_glyph(f, 0x9AD9);
	assert_true(hi && a && kanji);
	assert_int_equal(ttf_advance(f, hi), m->units_per_em);
	assert_int_equal(ttf_advance(f, a), m->units_per_em);
	unsigned i = ttf_glyph(f, 'i'), w = ttf_glyph(f, 'W');
	assert_true(i && w && i != w);
	assert_true(ttf_advance(f, i) < ttf_advance(f, w));
	assert_true(ttf_advance(f, w) < m->units_per_em);
	assert_int_equal(ttf_glyph(f, 0xE000), 0);     /* private use */
	assert_int_equal(ttf_glyph(f, 0x10FFFF), 0);
	ttf_close(f);
}

static void ipaex_subset_is_small_and_whole(void **state)
{
	(void)state;
	tsu_err e = { 0 };
	ttf_font *f = ttf_open(IPAEX, 0, &e);
	assert_non_null(f);
	unsigned n = ttf_get_metrics(f)->num_glyphs;
	unsigned char *used = xcalloc(n, 1);
	size_t *lens = xcalloc(n, sizeof *lens), len;
	const char *text[] = { "日", "本", "語", "中", "等", "度", "A", "z" };
	unsigned gid[8];
	char *out;

	for (int k = 0; k < 8; k++) {
		uint32_t cp = 0;
		const unsigned char *s = (const unsigned char *)text[k];

		cp = s[0] < 0x80 ? s[0] : (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		gid[k] = ttf_glyph(f, cp);
		assert_true(gid[k] > 0);
		used[gid[k]] = 1;
	}
	assert_int_equal(ttf_subset(f, used, &out, &len, &e), 0);
	check_subset((unsigned char *)out, len, n, lens);
	for (int k = 0; k < 8; k++)
		assert_true(lens[gid[k]] > 0);
	size_t nonempty = 0;
	for (unsigned g = 0; g < n; g++)
		nonempty += lens[g] > 0;
	assert_true(nonempty >= 8 && nonempty <= 12);  /* the eight, .notdef, parts */
	/* The tables besides the glyphs are a few per cent of the font. */
	assert_true(len < 600 * 1024);
	free(out);
	free(lens);
	free(used);
	ttf_close(f);
}

static void finds_a_japanese_font(void **state)
{
	(void)state;
	tsu_err e = { 0 };
	ttf_font *f;

	unsetenv("TSUNAGI_PDF_FONT");
	f = ttf_open_japanese(&e);
	assert_non_null(f);
	assert_true(ttf_glyph(f, 0x65E5) > 0);
	ttf_close(f);
}

/* ---- wrong files ---- */

static void wrong_files_say_why(void **state)
{
	(void)state;
	fx_db fx;
	bytes b;
	tsu_err e = { 0 };

	fx_dir(&fx, "ttf");
	tiny_font(&b);

	/* A font without Japanese, named by the variable. */
	char *tiny = write_file(&fx, "tiny.ttf", b.p, b.n);
	setenv("TSUNAGI_PDF_FONT", tiny, 1);
	assert_null(ttf_open_japanese(&e));
	assert_non_null(strstr(e.msg, "has no Japanese glyphs"));
	setenv("TSUNAGI_PDF_FONT", "/nonexistent/font.ttf", 1);
	assert_null(ttf_open_japanese(&e));
	assert_non_null(strstr(e.msg, "/nonexistent/font.ttf"));
	unsetenv("TSUNAGI_PDF_FONT");

	/* CFF outlines. */
	bytes otto = b;
	otto.p[0] = 'O', otto.p[1] = 'T', otto.p[2] = 'T', otto.p[3] = 'O';
	char *p = write_file(&fx, "cff.otf", otto.p, otto.n);
	assert_null(ttf_open(p, 0, &e));
	assert_non_null(strstr(e.msg, "CFF"));
	free(p);

	/* Not a font at all, and too short to be one. */
	p = write_file(&fx, "text.ttf", "hello, this is not a font\n", 26);
	assert_null(ttf_open(p, 0, &e));
	assert_non_null(strstr(e.msg, "not a TrueType font"));
	free(p);
	p = write_file(&fx, "short.ttf", "\0\1\0\0", 4);
	assert_null(ttf_open(p, 0, &e));
	free(p);

	/* Every truncation of the small font is refused or reads safely
	 * (under ASan, a read past the end would stop the test). */
	for (size_t n = 12; n < b.n; n += 7) {
		p = write_file(&fx, "cut.ttf", b.p, n);
		ttf_font *f = ttf_open(p, 0, NULL);
		if (f) {
			unsigned char used[3] = { 1, 1, 1 };
			char *out;
			size_t len;

			(void)ttf_glyph(f, 'a');
			(void)ttf_glyph(f, 'B');
			(void)ttf_advance(f, 2);
			if (ttf_subset(f, used, &out, &len, NULL) == 0)
				free(out);
			ttf_close(f);
		}
		free(p);
	}
	/* Tables whose offsets point anywhere. */
	for (int k = 0; k < 8; k++) {
		bytes bad = b;
		unsigned char *r = bad.p + 12 + 16 * k;

		r[8] = 0x7F, r[9] = 0xFF;          /* the offset far past the end */
		p = write_file(&fx, "bad.ttf", bad.p, bad.n);
		ttf_font *f = ttf_open(p, 0, NULL);
		if (f) {
			(void)ttf_glyph(f, 'A');
			ttf_close(f);
		}
		free(p);
	}
	free(tiny);
	fx_db_close(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tiny_glyphs_and_metrics),
		cmocka_unit_test(tiny_subset_adds_the_parts),
		cmocka_unit_test(ipaex_glyphs),
		cmocka_unit_test(ipaex_subset_is_small_and_whole),
		cmocka_unit_test(finds_a_japanese_font),
		cmocka_unit_test(wrong_files_say_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
