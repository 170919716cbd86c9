/*
 * test_pdfw.c - the PDF writer (pdfw.c): its cross-reference table
 * points at its objects, its text reads back through pdftotext (the
 * ToUnicode map) in Japanese and ASCII, a character the font lacks is
 * counted, bold is the outline stroked too, and numbers are written
 * with two decimals at most.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "tsunagi/pdf.h"
#include "tsunagi/pdfw.h"
#include "tsunagi/text.h"
#include "tsunagi/ttf.h"
#include "tsunagi/xalloc.h"

static ttf_font *font(void)
{
	tsu_err e = { 0 };
	ttf_font *f = ttf_open_japanese(&e);

	if (!f)
		fail_msg("%s", e.msg);
	return f;
}

/* Glyphs of UTF-8 s (at most 64). */
static size_t glyphs(pdfw *w, const char *s, uint16_t *g)
{
	size_t n = strlen(s), k = 0;

	for (size_t i = 0; i < n && k < 64;) {
		int32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);

		g[k++] = (uint16_t)pdfw_glyph(w, (uint32_t)cp, NULL);
		i += len ? len : 1;
	}
	return k;
}

static void text(pdfw *w, double x, double y, bool bold, const char *s)
{
	uint16_t g[64];
	size_t n = glyphs(w, s, g);

	pdfw_text(w, x, y, 12, bold, g, n);
}

static char *finish(pdfw *w, size_t *len)
{
	char *pdf = NULL;
	tsu_err e = { 0 };

	assert_int_equal(pdfw_finish(w, &pdf, len, &e), TSU_OK);
	assert_non_null(pdf);
	assert_memory_equal(pdf, "%PDF-1.", 7);
	return pdf;
}

static char *num(double v)
{
	strbuf b;

	sb_init(&b);
	pdfw_num(&b, v);
	return sb_steal(&b);
}

#define NUM(v, want) do { char *s_ = num(v); assert_string_equal(s_, want); free(s_); } while (0)

static void numbers_have_two_decimals_at_most(void **state)
{
	NUM(0, "0");
	NUM(-0.001, "0");
	NUM(3, "3");
	NUM(12.5, "12.5");
	NUM(0.1, "0.1");
	NUM(-3.256, "-3.26");
	NUM(-0.25, "-0.25");
	NUM(2.999, "3");
	NUM(841.89, "841.89");
	NUM(1234.567, "1234.57");
	NUM(-7, "-7");
	/* Out of any page, or not a number: 0, never an out-of-range
	 * conversion. */
	NUM(1e300, "0");
	NUM(-1e300, "0");
	NUM(0.0 / 0.0, "0");
	NUM(999999.994, "999999.99");
}

/* Where key first occurs in s[0..n), or NULL (memmem is GNU's). */
static const char *find(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, key, k))
			return s + i;
	return NULL;
}

/* The number after key in s (at most until end), or -1. */
static long number_after(const char *s, const char *end, const char *key)
{
	const char *p = find(s, (size_t)(end - s), key);

	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static void the_xref_table_points_at_every_object(void **state)
{
	ttf_font *f = font();
	pdfw *w = pdfw_new(f, "表題 title");
	size_t len, n;
	char *pdf, *end;
	long xref, size;
	const char *p;

	pdfw_page(w, 595.276, 841.89);
	text(w, 50, 50, false, "一ページ目");
	pdfw_page(w, 841.89, 595.276);
	pdfw_rect(w, 10, 10, 100, 20);
	pdfw_stroke(w);
	pdf = finish(w, &len);
	end = pdf + len;
	/* startxref names where the table starts. */
	xref = number_after(pdf + len - 40, end, "startxref\n");
	assert_true(xref > 0 && (size_t)xref < len);
	assert_memory_equal(pdf + xref, "xref\n0 ", 7);
	n = (size_t)strtol(pdf + xref + 7, NULL, 10);
	size = number_after(pdf + xref, end, "/Size ");
	assert_int_equal(size, (long)n);
	p = strchr(pdf + xref + 7, '\n') + 1;
	assert_memory_equal(p, "0000000000 65535 f \n", 20);
	for (size_t i = 1; i < n; i++) {
		char head[32];
		long off;

		p += 20;
		assert_memory_equal(p + 10, " 00000 n \n", 10);
		off = strtol(p, NULL, 10);
		snprintf(head, sizeof head, "%zu 0 obj\n", i);
		assert_true(off > 0 && (size_t)off < len);
		assert_memory_equal(pdf + off, head, strlen(head));
	}
	assert_memory_equal(p + 20, "trailer\n", 8);
	/* Two pages of two sizes, the title in UTF-16, the creator. */
	assert_non_null(find(pdf, len, "/Count 2"));
	assert_non_null(find(pdf, len, "/MediaBox [0 0 841.89 595.276]"));
	assert_non_null(find(pdf, len, "/Title <FEFF8868984C0020007400690074006C0065>"));
	assert_non_null(find(pdf, len, "/Creator (tsunagi)"));
	assert_int_equal(pdfw_missing(w), 0);
	free(pdf);
	pdfw_free(w);
	ttf_close(f);
}

/* The first page's content stream, inflated. */
static char *page_content(const char *pdf, size_t len)
{
	const char *c = find(pdf, len, "/Contents "), *s;
	char key[32], *out;
	long n = c ? strtol(c + 10, NULL, 10) : -1, slen;
	uLongf olen = 1 << 20;

	assert_true(n > 0);
	snprintf(key, sizeof key, "\n%ld 0 obj\n", n);
	s = find(pdf, len, key);
	assert_non_null(s);
	slen = number_after(s, pdf + len, "/Length ");
	s = find(s, (size_t)(pdf + len - s), "stream\n") + 7;
	out = xcalloc(olen + 1, 1);
	assert_int_equal(uncompress((Bytef *)out, &olen, (const Bytef *)s, (uLong)slen), Z_OK);
	return out;
}

static void bold_strokes_the_outline_and_plain_does_not(void **state)
{
	ttf_font *f = font();
	pdfw *w = pdfw_new(f, NULL);
	size_t len;
	char *pdf, *c, *bold, *plain;

	pdfw_page(w, 595.276, 841.89);
	text(w, 50, 50, true, "太字");
	text(w, 50, 80, false, "普通");
	pdf = finish(w, &len);
	c = page_content(pdf, len);
	/* 12 points: an outline of 0.36 points, fill and stroke (2 Tr),
	 * then back to fill only (0 Tr) for the plain text. */
	bold = strstr(c, "0.36 w\n2 Tr\n");
	plain = strstr(c, "0 Tr\n");
	assert_non_null(bold);
	assert_non_null(plain);
	assert_true(plain > bold);
	/* y is turned: 50 from the top of 841.89 is 791.89 from its foot,
	 * and the next line 30 points lower, relative (Td). */
	assert_non_null(strstr(c, "50 791.89 Td\n<"));
	assert_non_null(strstr(c, "0 -30 Td\n<"));
	free(c);
	free(pdf);
	pdfw_free(w);
	ttf_close(f);
}

static void a_character_the_font_lacks_is_counted(void **state)
{
	ttf_font *f = font();
	pdfw *w = pdfw_new(f, NULL);
	size_t len;
	char *pdf;

	pdfw_page(w, 595.276, 841.89);
	/* U+1F600 (an emoji) is in no Japanese font of Debian's. */
	text(w, 50, 50, false, "顔\xF0\x9F\x98\x80です");
	assert_int_equal(pdfw_missing(w), 1);
	pdf = finish(w, &len);
	free(pdf);
	pdfw_free(w);
	ttf_close(f);
}

/* The codes are the text's code points (a PDF printed through
 * PostScript keeps its codes, not its ToUnicode map); a character above
 * U+FFFF takes a private-use code, mapped back by ToUnicode. */
static void codes_are_the_code_points(void **state)
{
	ttf_font *f = font();
	pdfw *w = pdfw_new(f, NULL);
	unsigned g, big, again;
	uint16_t c[2];
	size_t len;
	char *pdf;

	assert_int_equal(pdfw_glyph(w, 0x4E00, &g), 0x4E00);     /* 一 */
	assert_int_equal(g, ttf_glyph(f, 0x4E00));
	assert_int_equal(pdfw_glyph(w, 'A', NULL), 'A');
	big = pdfw_glyph(w, 0x20BB7, NULL);                      /* 𠮷 */
	assert_true(big >= 0xE000 && big <= 0xF8FF);
	again = pdfw_glyph(w, 0x20BB7, NULL);
	assert_int_equal(again, big);
	/* A private-use character whose code the big one took gets another. */
	assert_int_not_equal(pdfw_glyph(w, big, NULL), big);
	c[0] = 0x4E00;
	c[1] = (uint16_t)big;
	pdfw_page(w, 595.276, 841.89);
	pdfw_text(w, 50, 50, 12, false, c, 2);
	pdf = finish(w, &len);
	/* The CIDToGIDMap is a stream, not /Identity. */
	assert_null(find(pdf, len, "/CIDToGIDMap /Identity"));
	assert_non_null(find(pdf, len, "/CIDToGIDMap "));
	free(pdf);
	pdfw_free(w);
	ttf_close(f);
}

static void a_muted_writer_draws_nothing(void **state)
{
	ttf_font *f = font();
	pdfw *w = pdfw_new(f, NULL);
	size_t len;
	char *pdf, *c;

	pdfw_mute(w, true);
	pdfw_page(w, 100, 100);
	text(w, 10, 10, false, "\xF0\x9F\x98\x80");
	pdfw_mute(w, false);
	pdfw_page(w, 595.276, 841.89);
	pdf = finish(w, &len);
	assert_non_null(find(pdf, len, "/Count 1"));
	assert_int_equal(pdfw_missing(w), 0);
	c = page_content(pdf, len);
	assert_string_equal(c, "");
	free(c);
	free(pdf);
	pdfw_free(w);
	ttf_close(f);
}

static void body(pdf_doc *d, void *arg)
{
	const pdf_page *pg = pdf_doc_page(d);

	pdf_doc_text(d, PDF_PT_TITLE, true, pg->left, pg->top, 0, PDF_LEFT, "見出し Heading");
	pdf_doc_text(d, PDF_PT_FORM, false, pg->left, pg->top + 30, 0, PDF_LEFT, arg);
}

static size_t len_of_last;

/* The text on the first page, then a second page. */
static void two_pages(pdf_doc *d, void *arg)
{
	const pdf_page *pg = pdf_doc_page(d);

	pdf_doc_text(d, PDF_PT_FORM, false, pg->left, pg->top, 0, PDF_LEFT, arg);
	pdf_doc_new_page(d);
	pdf_doc_text(d, PDF_PT_FORM, false, pg->left, pg->top, 0, PDF_LEFT, "二ページ目");
}

/* The text as pdftotext reads it: ToUnicode maps each glyph back. */
static char *read_back(const char *pdf, size_t len)
{
	char dir[] = "/tmp/test_pdfw.XXXXXX", path[64], cmd[160];
	FILE *fp;
	strbuf b;
	char buf[512];
	size_t n;

	if (system("pdftotext -v >/dev/null 2>&1") != 0)
		fail_msg("pdftotext (poppler-utils) is needed: make deps");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.pdf", dir);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(pdf, 1, len, fp), len);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s -", path);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	sb_init(&b);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&b, buf, n);
	assert_int_equal(pclose(fp), 0);
	unlink(path);
	rmdir(dir);
	return sb_steal(&b);
}

static void text_reads_back_as_written(void **state)
{
	static const char line[] = "サービス等利用計画（案） 週3回 ABC-xyz 123.45 ① ㈱";
	pdf_doc_setup s = { .pdf_title = "t" };
	tsu_err e = { 0 };
	pdf_doc *d = pdf_doc_new(&s, &e);
	char *pdf = NULL, *txt;
	size_t len = 0;

	assert_non_null(d);
	assert_int_equal(pdf_doc_run(d, body, (void *)line, &pdf, &len, &e), TSU_OK);
	assert_int_equal(pdf_doc_missing(d), 0);
	txt = read_back(pdf, len);
	assert_non_null(strstr(txt, "見出し Heading\n"));
	assert_non_null(strstr(txt, line));
	free(txt);
	free(pdf);
	pdf_doc_free(d);
}

/* A document whose text has a character the font lacks says so on its
 * last page, and only there. */
static void the_last_page_counts_the_missing_characters(void **state)
{
	pdf_doc_setup s = { .pdf_title = "t" };
	tsu_err e = { 0 };
	pdf_doc *d = pdf_doc_new(&s, &e);
	char *pdf = NULL, *txt, *note;

	assert_non_null(d);
	assert_int_equal(pdf_doc_run(d, two_pages, (void *)"顔\xF0\x9F\x98\x80と\xF0\x9F\x98\x81", &pdf, &len_of_last, &e), TSU_OK);
	assert_int_equal(pdf_doc_missing(d), 2);
	txt = read_back(pdf, len_of_last);
	note = strstr(txt, "2 characters are not in the font and print as empty boxes");
	assert_non_null(note);
	/* after the second page's break, not on the first */
	assert_non_null(strchr(txt, '\f'));
	assert_true(note > strchr(txt, '\f'));
	/* The boxes still copy as the characters they stand for. */
	assert_non_null(strstr(txt, "顔\xF0\x9F\x98\x80と\xF0\x9F\x98\x81"));
	free(txt);
	free(pdf);
	pdf_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_have_two_decimals_at_most),
		cmocka_unit_test(the_xref_table_points_at_every_object),
		cmocka_unit_test(bold_strokes_the_outline_and_plain_does_not),
		cmocka_unit_test(a_character_the_font_lacks_is_counted),
		cmocka_unit_test(a_muted_writer_draws_nothing),
		cmocka_unit_test(codes_are_the_code_points),
		cmocka_unit_test(text_reads_back_as_written),
		cmocka_unit_test(the_last_page_counts_the_missing_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
