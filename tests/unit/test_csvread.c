/*
 * test_csvread.c - the CSV reader as RFC 4180 says and Excel writes:
 * quoting, line breaks inside fields, CRLF/LF/CR, the BOM, and the line
 * and column of every malformed record, with recovery after it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/csvread.h"

/* Reads all of s and returns the records joined as "a|b/c|d/" with each
 * record's first line as "@L" in front; errors as "!L:C". */
static char *read_all(const char *s, size_t n)
{
	static char out[4096];
	csvr r;
	csvr_record rec;
	tsu_err e;
	int rc;
	size_t o = 0;

	csvr_init(&r, s, n);
	csvr_record_init(&rec);
	out[0] = '\0';
	while ((rc = csvr_next(&r, &rec, &e)) != 0) {
		if (rc < 0) {
			o += (size_t)snprintf(out + o, sizeof out - o, "!%zu:%zu/", r.err_line, r.err_column);
			continue;
		}
		o += (size_t)snprintf(out + o, sizeof out - o, "@%zu ", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "", rec.fields[i]);
		o += (size_t)snprintf(out + o, sizeof out - o, "/");
	}
	csvr_record_free(&rec);
	return out;
}

#define R(s) read_all((s), sizeof(s) - 1)

static void plain_fields_split_on_commas_and_lines(void **state)
{
	assert_string_equal(R("a,b,c\nd,e,f\n"), "@1 a|b|c/@2 d|e|f/");
}

static void crlf_lf_and_lone_cr_all_end_a_record(void **state)
{
	assert_string_equal(R("a\r\nb\nc\rd"), "@1 a/@2 b/@3 c/@4 d/");
}

static void last_record_needs_no_line_break(void **state)
{
	assert_string_equal(R("a,b"), "@1 a|b/");
	assert_string_equal(R("a,b\r\n"), "@1 a|b/");
}

static void empty_input_has_no_records(void **state)
{
	assert_string_equal(R(""), "");
	assert_string_equal(R("\xEF\xBB\xBF"), "");
}

static void trailing_comma_gives_an_empty_last_field(void **state)
{
	assert_string_equal(R("a,\n,\n"), "@1 a|/@2 |/");
}

static void quoted_field_keeps_commas_quotes_and_line_breaks(void **state)
{
	assert_string_equal(R("\"東京都千代田区1-1, 2F\",\"say \"\"hi\"\"\"\r\n"),
			    "@1 東京都千代田区1-1, 2F|say \"hi\"/");
	assert_string_equal(R("x,\"line1\r\nline2\nline3\"\r\ny\r\n"),
			    "@1 x|line1\r\nline2\nline3/@4 y/");
}

static void empty_quoted_field_is_empty(void **state)
{
	assert_string_equal(R("\"\",a"), "@1 |a/");
}

static void bom_is_skipped_and_remembered(void **state)
{
	const char s[] = "\xEF\xBB\xBF" "氏名,電話\r\n";
	csvr r;
	csvr_record rec;

	csvr_init(&r, s, sizeof s - 1);
	csvr_record_init(&rec);
	assert_true(r.had_bom);
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_int_equal(rec.n, 2);
	assert_string_equal(rec.fields[0], "氏名");
	csvr_record_free(&rec);
}

static void nul_byte_is_kept_with_its_length(void **state)
{
	const char s[] = "a\0b,c";
	csvr r;
	csvr_record rec;

	csvr_init(&r, s, sizeof s - 1);
	csvr_record_init(&rec);
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_int_equal(rec.lens[0], 3);
	assert_memory_equal(rec.fields[0], "a\0b", 3);
	csvr_record_free(&rec);
}

static void stray_quote_is_an_error_at_its_line_and_column(void **state)
{
	assert_string_equal(R("a,b\nc,d\"x,e\nf\n"), "@1 a|b/!2:2/@3 f/");
}

static void text_after_closing_quote_is_an_error(void **state)
{
	assert_string_equal(R("\"a\"b,c\nd\n"), "!1:1/@2 d/");
}

static void unclosed_quote_is_reported_at_the_record_start(void **state)
{
	csvr r;
	csvr_record rec;
	tsu_err e;
	const char s[] = "a\nb,\"open\nmore\nlines";

	csvr_init(&r, s, sizeof s - 1);
	csvr_record_init(&rec);
	assert_int_equal(csvr_next(&r, &rec, &e), 1);
	assert_int_equal(csvr_next(&r, &rec, &e), TSU_EINVAL);
	assert_int_equal(r.err_line, 2);
	assert_int_equal(r.err_column, 2);
	assert_non_null(strstr(e.msg, "line 2, column 2"));
	assert_non_null(strstr(e.msg, "line 4"));
	assert_int_equal(csvr_next(&r, &rec, &e), 0);
	csvr_record_free(&rec);
}

static void record_lines_count_breaks_inside_quotes(void **state)
{
	csvr r;
	csvr_record rec;
	const char s[] = "\"a\nb\nc\",d\r\ne\r\n";

	csvr_init(&r, s, sizeof s - 1);
	csvr_record_init(&rec);
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_int_equal(rec.line, 1);
	assert_int_equal(rec.end_line, 3);
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_int_equal(rec.line, 4);
	assert_int_equal(rec.end_line, 4);
	csvr_record_free(&rec);
}

static void blank_records_are_recognised(void **state)
{
	csvr r;
	csvr_record rec;
	const char s[] = ",,\n\nx\n";

	csvr_init(&r, s, sizeof s - 1);
	csvr_record_init(&rec);
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_true(csvr_record_blank(&rec));
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_true(csvr_record_blank(&rec));
	assert_int_equal(csvr_next(&r, &rec, NULL), 1);
	assert_false(csvr_record_blank(&rec));
	csvr_record_free(&rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_fields_split_on_commas_and_lines),
		cmocka_unit_test(crlf_lf_and_lone_cr_all_end_a_record),
		cmocka_unit_test(last_record_needs_no_line_break),
		cmocka_unit_test(empty_input_has_no_records),
		cmocka_unit_test(trailing_comma_gives_an_empty_last_field),
		cmocka_unit_test(quoted_field_keeps_commas_quotes_and_line_breaks),
		cmocka_unit_test(empty_quoted_field_is_empty),
		cmocka_unit_test(bom_is_skipped_and_remembered),
		cmocka_unit_test(nul_byte_is_kept_with_its_length),
		cmocka_unit_test(stray_quote_is_an_error_at_its_line_and_column),
		cmocka_unit_test(text_after_closing_quote_is_an_error),
		cmocka_unit_test(unclosed_quote_is_reported_at_the_record_start),
		cmocka_unit_test(record_lines_count_breaks_inside_quotes),
		cmocka_unit_test(blank_records_are_recognised),
	};
	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
