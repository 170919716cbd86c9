/*
 * test_pdf.c - the PDF engine (pdf.c): a table's row grows to its
 * tallest cell, a row that does not fit goes to the next page under the
 * repeated head, a row taller than a page goes on over pages, the page
 * count is known to the drawing pass, and layouts are cached and wrapped
 * where wrap_lines says.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/pdf.h"
#include "tsunagi/xalloc.h"

#define LONG_CELL "利用者の生活は中等度の支援を要する。掃除や洗濯を自分でできるようになりたい。" \
	"週3回の訪問で手順表を一緒に確認している。"

typedef struct probe {
	pdf_table *t;
	double before, after, tallest;
	int pages_seen, npages_seen;
	bool dry_seen;
} probe;

static pdf_doc *doc(void)
{
	pdf_doc_setup s = { .pdf_title = "test" };
	tsu_err e = { 0 };
	pdf_doc *d = pdf_doc_new(&s, &e);

	assert_non_null(d);
	return d;
}

/* A two-column table with no head: 100 points, then the rest. */
static pdf_table *two_cols(void)
{
	const pdf_col cols[] = { { NULL, 100, PDF_LEFT, false }, { NULL, 0, PDF_LEFT, false } };
	pdf_setup st = { .font_size = PDF_PT_FORM };

	return pdf_table_new(&st, cols, 2);
}

static void measure_body(pdf_doc *d, void *arg)
{
	probe *p = arg;
	const pdf_page *pg = pdf_doc_page(d);

	/* the long cell in the first column, 100 points wide */
	p->tallest = pdf_layout_height(pdf_doc_layout(d, PDF_PT_FORM, false, 100 - 2 * PDF_PAD, PDF_LEFT, LONG_CELL));
	p->before = pdf_doc_y(d);
	pdf_doc_table(d, p->t);
	p->after = pdf_doc_y(d);
	p->dry_seen |= pdf_doc_dry(d);
	if (!pdf_doc_dry(d))
		p->npages_seen = pg->npages;
	p->pages_seen = pg->page;
}

static void run(pdf_doc *d, probe *p)
{
	char *pdf = NULL;
	size_t len = 0;
	tsu_err e = { 0 };

	assert_int_equal(pdf_doc_run(d, measure_body, p, &pdf, &len, &e), TSU_OK);
	assert_true(len > 100);
	assert_memory_equal(pdf, "%PDF", 4);
	free(pdf);
}

static void a_row_grows_to_its_tallest_cell(void **state)
{
	const char *row[] = { LONG_CELL, "短い" };
	pdf_doc *d = doc();
	probe p = { .t = two_cols() };

	pdf_table_row(p.t, row);
	run(d, &p);
	/* the long cell wraps into lines; the row is as tall as they are */
	assert_true(p.tallest > 4 * PDF_PT_FORM);
	assert_float_equal(p.after - p.before, p.tallest + 2 * PDF_PAD, 0.01);
	assert_true(p.dry_seen);
	assert_int_equal(p.npages_seen, 1);
	pdf_table_free(p.t);
	pdf_doc_free(d);
}

static void a_row_taller_than_a_page_goes_on_over_pages(void **state)
{
	const pdf_col cols[] = { { "見出し", 0, PDF_LEFT, false } };
	pdf_setup st = { .font_size = PDF_PT_FORM };
	pdf_doc *d = doc();
	probe p = { .t = pdf_table_new(&st, cols, 1) };
	strbuf b;
	const char *row[1];

	sb_init(&b);
	for (int i = 0; i < 150; i++)
		sb_addf(&b, "%d行目。\n", i);
	row[0] = b.s;
	pdf_table_row(p.t, row);
	row[0] = "次の行";
	pdf_table_row(p.t, row);
	run(d, &p);
	/* 150 lines do not fit on one A4 page; the drawing pass knows how
	 * many pages there are */
	assert_true(p.pages_seen >= 2);
	assert_int_equal(p.npages_seen, p.pages_seen);
	pdf_table_free(p.t);
	pdf_doc_free(d);
	sb_free(&b);
}

static void rows_that_do_not_fit_go_to_the_next_page(void **state)
{
	const char *row[] = { "行", "中等度" };
	pdf_doc *d = doc();
	probe p = { .t = two_cols() };

	for (int i = 0; i < 200; i++)
		pdf_table_row(p.t, row);
	run(d, &p);
	assert_true(p.pages_seen >= 2);
	/* the last page holds whole rows from its top */
	assert_true(p.after <= pdf_doc_page(d)->bottom);
	pdf_table_free(p.t);
	pdf_doc_free(d);
}

static void a_layout_is_made_once_and_keeps_words_whole(void **state)
{
	pdf_doc *d = doc();
	pdf_text *a = pdf_doc_layout(d, PDF_PT_FORM, false, 40, PDF_LEFT, "状態は中等度です"),
		*b = pdf_doc_layout(d, PDF_PT_FORM, false, 40, PDF_LEFT, "状態は中等度です");
	const char *text;
	bool whole = false;

	assert_ptr_equal(a, b);
	/* 40 points hold about four characters: a line starts at 中等度,
	 * none inside it */
	text = pdf_layout_string(a);
	assert_true(pdf_layout_lines(a) >= 2);
	for (size_t i = 0; i < pdf_layout_lines(a); i++) {
		const char *at = text + pdf_layout_line_start(a, i);

		assert_false(!strncmp(at, "等", strlen("等")) || !strncmp(at, "度", strlen("度")));
		whole |= !strncmp(at, "中等度", strlen("中等度"));
	}
	assert_true(whole);
	pdf_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_row_grows_to_its_tallest_cell),
		cmocka_unit_test(a_row_taller_than_a_page_goes_on_over_pages),
		cmocka_unit_test(rows_that_do_not_fit_go_to_the_next_page),
		cmocka_unit_test(a_layout_is_made_once_and_keeps_words_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
