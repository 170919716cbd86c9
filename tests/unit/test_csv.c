/*
 * test_csv.c - the CSV writer: RFC 4180 quoting, CRLF rows, and cells a
 * spreadsheet would run as formulas neutralised (half- and full-width).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tsunagi/csv.h"

static char *row(const char *const *cells, size_t n)
{
	strbuf b;
	csv_writer w;

	sb_init(&b);
	csv_init(&w, &b);
	for (size_t i = 0; i < n; i++)
		csv_field(&w, cells[i]);
	csv_end_row(&w);
	return sb_steal(&b);
}

static void csv_plain_fields_are_joined_by_commas_and_end_with_crlf(void **s)
{
	const char *c[] = { "山田 太郎", "abc", "" };
	char *r = row(c, 3);

	assert_string_equal(r, "山田 太郎,abc,\r\n");
	free(r);
}

static void csv_field_with_comma_quote_or_newline_is_quoted_and_quotes_doubled(void **s)
{
	const char *c[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere" };
	char *r = row(c, 4);

	assert_string_equal(r, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
	free(r);
}

static void csv_formula_cells_get_a_quote_in_front(void **s)
{
	const char *c[] = { "=1+1", "+81", "-x", "@SUM(A1)", "\tx", "\rx" };
	char *r = row(c, 6);

	assert_string_equal(r, "'=1+1,'+81,'-x,'@SUM(A1),'\tx,\"'\rx\"\r\n");
	free(r);
}

static void csv_full_width_formula_signs_are_neutralised_too(void **s)
{
	const char *c[] = { "＝1+1", "＋1", "－1", "＠x", "あ=1" };
	char *r = row(c, 5);

	assert_string_equal(r, "'＝1+1,'＋1,'－1,'＠x,あ=1\r\n");
	free(r);
}

static void csv_neutralised_cell_that_needs_quotes_keeps_the_mark_inside(void **s)
{
	const char *c[] = { "=HYPERLINK(\"x\",\"y\")" };
	char *r = row(c, 1);

	assert_string_equal(r, "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
	free(r);
}

static void csv_numbers_are_written_as_is(void **s)
{
	strbuf b;
	csv_writer w;

	sb_init(&b);
	csv_init(&w, &b);
	csv_field_int(&w, -3);
	csv_field_int(&w, 12);
	csv_field(&w, NULL);
	csv_field_int(&w, 0);
	csv_field_int(&w, INT64_MAX);
	csv_field_int(&w, INT64_MIN);
	csv_end_row(&w);
	assert_string_equal(b.s, "-3,12,,0,9223372036854775807,-9223372036854775808\r\n");
	sb_free(&b);
}

static void csv_quotes_at_either_end_and_in_a_row_are_doubled(void **s)
{
	const char *c[] = { "\"a\"\"b\"", "\"", "\xEF\xBC\x8Bx", "\xEF\xBD\x81" };
	char *r = row(c, 4);

	assert_string_equal(r, "\"\"\"a\"\"\"\"b\"\"\",\"\"\"\"," "'\xEF\xBC\x8Bx,\xEF\xBD\x81\r\n");
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_plain_fields_are_joined_by_commas_and_end_with_crlf),
		cmocka_unit_test(csv_field_with_comma_quote_or_newline_is_quoted_and_quotes_doubled),
		cmocka_unit_test(csv_formula_cells_get_a_quote_in_front),
		cmocka_unit_test(csv_full_width_formula_signs_are_neutralised_too),
		cmocka_unit_test(csv_neutralised_cell_that_needs_quotes_keeps_the_mark_inside),
		cmocka_unit_test(csv_numbers_are_written_as_is),
		cmocka_unit_test(csv_quotes_at_either_end_and_in_a_row_are_doubled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
