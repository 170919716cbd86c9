/*
 * test_json.c - the JSON writer keeps every byte of a text and the pull
 * reader gives it back; malformed documents are refused with their line
 * and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/json.h"

static void writer_escapes_quotes_backslashes_and_controls(void **state)
{
	strbuf b;
	const char s[] = "a\"b\\c\nd\te\rf\x01g\x7Fh\x1B[31m";

	sb_init(&b);
	json_put_string(&b, s, sizeof s - 1);
	assert_string_equal(b.s, "\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u007Fh\\u001B[31m\"");
	sb_free(&b);
}

static void writer_keeps_utf8_as_it_is(void **state)
{
	strbuf b;
	const char *s = "髙橋 﨑 ① ㈱ ～ ﾀｶﾊｼ 😀 \u2028";

	sb_init(&b);
	json_put_string(&b, s, strlen(s));
	assert_int_equal(b.len, strlen(s) + 2);
	assert_memory_equal(b.s + 1, s, strlen(s));
	sb_free(&b);
}

/* Write s, read it back, compare byte for byte. */
static void round_trip(const char *s, size_t n)
{
	strbuf b;
	json_reader r;

	sb_init(&b);
	json_put_string(&b, s, n);
	json_reader_init(&r, b.s, b.len);
	assert_int_equal(json_next(&r), JSON_STRING);
	assert_int_equal(r.str.len, n);
	assert_memory_equal(r.str.s, s, n);
	assert_int_equal(json_next(&r), JSON_END);
	json_reader_free(&r);
	sb_free(&b);
}

static void every_byte_of_a_text_comes_back(void **state)
{
	char all[256 - 128 + 1];
	const char nul[] = "a\0b";

	for (int i = 0; i < 128; i++)
		all[i] = (char)i;
	round_trip(all, 128);
	round_trip(nul, 3);
	round_trip("", 0);
	round_trip("髙橋\n﨑\r\n①\t㈱～😀", strlen("髙橋\n﨑\r\n①\t㈱～😀"));
}

static void integers_round_trip_to_the_ends_of_int64(void **state)
{
	strbuf b;
	json_reader r;

	sb_init(&b);
	sb_adds(&b, "[");
	json_put_int(&b, INT64_MIN);
	sb_adds(&b, ",");
	json_put_int(&b, INT64_MAX);
	sb_adds(&b, ",0,-1]");
	json_reader_init(&r, b.s, b.len);
	assert_int_equal(json_next(&r), JSON_ARRAY);
	assert_int_equal(json_next(&r), JSON_INT);
	assert_true(r.integer == INT64_MIN);
	assert_int_equal(json_next(&r), JSON_INT);
	assert_true(r.integer == INT64_MAX);
	assert_int_equal(json_next(&r), JSON_INT);
	assert_int_equal(r.integer, 0);
	assert_int_equal(json_next(&r), JSON_INT);
	assert_int_equal(r.integer, -1);
	assert_int_equal(json_next(&r), JSON_ARRAY_END);
	assert_int_equal(json_next(&r), JSON_END);
	json_reader_free(&r);
	sb_free(&b);
}

static void reals_read_back_as_the_same_double(void **state)
{
	strbuf b;
	json_reader r;
	double vals[] = { 0.1, -2.5e-300, 1e20, 3.0 };

	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		sb_init(&b);
		json_put_real(&b, vals[i]);
		json_reader_init(&r, b.s, b.len);
		assert_int_equal(json_next(&r), JSON_REAL);
		assert_true(r.real == vals[i]);
		json_reader_free(&r);
		sb_free(&b);
	}
}

static void objects_and_arrays_give_their_tokens_in_order(void **state)
{
	const char *doc = " {\"a\": [1, \"x\", true, false, null, {}], \"b\" : {\"c\": []}}\n";
	json_token want[] = { JSON_OBJECT, JSON_KEY, JSON_ARRAY, JSON_INT, JSON_STRING,
		JSON_TRUE, JSON_FALSE, JSON_NULL, JSON_OBJECT, JSON_OBJECT_END, JSON_ARRAY_END,
		JSON_KEY, JSON_OBJECT, JSON_KEY, JSON_ARRAY, JSON_ARRAY_END, JSON_OBJECT_END,
		JSON_OBJECT_END, JSON_END, JSON_END };
	json_reader r;

	json_reader_init(&r, doc, strlen(doc));
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		json_token t = json_next(&r);
		if (t != want[i])
			fail_msg("token %zu: got %d, want %d (%s)", i, t, want[i], r.err);
	}
	json_reader_free(&r);
}

static void surrogate_pairs_decode_to_one_character(void **state)
{
	const char *doc = "\"\\uD83D\\uDE00 \\u9AD9\\u0000\"";
	json_reader r;

	json_reader_init(&r, doc, strlen(doc));
	assert_int_equal(json_next(&r), JSON_STRING);
	assert_int_equal(r.str.len, strlen("😀 髙") + 1);
	assert_memory_equal(r.str.s, "😀 髙\0", r.str.len);
	json_reader_free(&r);
}

/* The document must fail, with the message naming line and column. */
static void refused(const char *doc, const char *where)
{
	json_reader r;
	json_token t;

	json_reader_init(&r, doc, strlen(doc));
	while ((t = json_next(&r)) > JSON_END)
		;
	if (t != JSON_ERROR)
		fail_msg("accepted: %s", doc);
	if (!strstr(r.err, where))
		fail_msg("'%s': message '%s' lacks '%s'", doc, r.err, where);
	json_reader_free(&r);
}

static void malformed_documents_are_refused_at_their_place(void **state)
{
	refused("", "line 1, column 1");
	refused("[1,]", "column 4");
	refused("{\"a\" 1}", "column 6");
	refused("{\"a\":1,}", "column 8");
	refused("[1 2]", "column 4");
	refused("{\n\"a\":\n  tru}", "line 3, column 3");
	refused("[01]", "column 2");
	refused("[1.]", "column 2");
	refused("[99999999999999999999]", "column 2");
	refused("\"\\uDE00\"", "column 2");
	refused("\"\\uD83Dx\"", "column 2");
	refused("\"a\nb\"", "column 3");
	refused("\"\xC0\xAF\"", "column 2");
	refused("\"\\x\"", "column 2");
	refused("\"abc", "column 5");
	refused("{} x", "column 4");
	refused("[}", "column 2");
	refused("{\"a\":1]", "column 7");
	refused("{1:2}", "column 2");
}

static void nesting_is_limited(void **state)
{
	char deep[JSON_MAX_DEPTH + 2];

	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	refused(deep, "nested deeper");
}

static void skip_passes_over_a_whole_value(void **state)
{
	const char *doc = "[{\"a\":[1,{\"b\":2}]}, 7]";
	json_reader r;

	json_reader_init(&r, doc, strlen(doc));
	assert_int_equal(json_next(&r), JSON_ARRAY);
	assert_int_equal(json_skip(&r, json_next(&r)), JSON_OBJECT_END);
	assert_int_equal(json_next(&r), JSON_INT);
	assert_int_equal(r.integer, 7);
	json_reader_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writer_escapes_quotes_backslashes_and_controls),
		cmocka_unit_test(writer_keeps_utf8_as_it_is),
		cmocka_unit_test(every_byte_of_a_text_comes_back),
		cmocka_unit_test(integers_round_trip_to_the_ends_of_int64),
		cmocka_unit_test(reals_read_back_as_the_same_double),
		cmocka_unit_test(objects_and_arrays_give_their_tokens_in_order),
		cmocka_unit_test(surrogate_pairs_decode_to_one_character),
		cmocka_unit_test(malformed_documents_are_refused_at_their_place),
		cmocka_unit_test(nesting_is_limited),
		cmocka_unit_test(skip_passes_over_a_whole_value),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
