/*
 * test_phrases.c - fixed phrases for notes (phrases.h): the built-in ones
 * by kind, the config's phrase.KIND lines replacing them kind by kind,
 * the any ones after, "\n" as a line break, and bad lines reported and
 * skipped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tsunagi/config.h"
#include "tsunagi/phrases.h"
#include "tsunagi/store.h"

static void parse(config *c, const char *text)
{
	config_defaults(c);
	config_parse(c, text, strlen(text));
}

static void builtin_phrases_of_the_kind_then_the_any_ones(void **state)
{
	config c;
	const char *p[PHRASES_MAX];
	size_t n;

	(void)state;
	parse(&c, "");
	n = phrases_for(&c, "phone", p, PHRASES_MAX);
	assert_true(n > 3);
	assert_string_equal(p[0], "本人に電話し、体調と生活の様子を確認した。");
	assert_string_equal(p[1], PHRASE_PHONE_MOTHER);
	assert_string_equal(p[n - 3], "特に変わりなし。");
	/* A template: several lines. */
	assert_non_null(strchr(p[n - 4], '\n'));
	n = phrases_for(&c, "visit", p, PHRASES_MAX);
	assert_string_equal(p[0], PHRASE_VISIT);
	/* Every note kind has phrases of its own, before the any ones. */
	for (size_t i = 0; store_note_kinds[i]; i++) {
		const char *any[PHRASES_MAX];
		size_t nany = phrases_for(&c, "any", any, PHRASES_MAX);
		assert_true(phrases_for(&c, store_note_kinds[i], p, PHRASES_MAX) > nany);
	}
	/* No kind yet: the any ones. */
	assert_int_equal(phrases_for(&c, "", p, PHRASES_MAX), 3);
	/* At most max. */
	assert_int_equal(phrases_for(&c, "phone", p, 2), 2);
	config_free(&c);
}

static void config_lines_replace_the_kind_they_name(void **state)
{
	config c;
	const char *p[PHRASES_MAX];
	size_t n;

	(void)state;
	parse(&c, "phrase.phone = 母に電話。\n"
		  "phrase.phone = 相手: \\n用件: \\\\ 以上\n"
		  "phrase.any = 様子を見る。\n");
	assert_string_equal(c.warnings, "");
	n = phrases_for(&c, "phone", p, PHRASES_MAX);
	assert_int_equal(n, 3);
	assert_string_equal(p[0], "母に電話。");
	assert_string_equal(p[1], "相手: \n用件: \\ 以上");
	assert_string_equal(p[2], "様子を見る。");
	/* visit keeps its built-in ones, then the config's any one. */
	n = phrases_for(&c, "visit", p, PHRASES_MAX);
	assert_string_equal(p[0], PHRASE_VISIT);
	assert_string_equal(p[n - 1], "様子を見る。");
	config_free(&c);
}

static void bad_phrase_lines_are_reported_and_skipped(void **state)
{
	config c;
	char long_line[2200] = "phrase.visit = ";

	(void)state;
	for (int i = 0; i < 501; i++)
		strcat(long_line, "あ");
	strcat(long_line, "\n");
	parse(&c, "phrase.fax = 送信した。\nphrase.phone =\n");
	config_parse(&c, long_line, strlen(long_line));
	assert_int_equal(c.nphrases, 0);
	assert_non_null(strstr(c.warnings, "config line 1: unknown note kind after phrase. (meeting, visit, phone, conference, accompany or any)"));
	assert_non_null(strstr(c.warnings, "config line 2: a phrase needs its text after ="));
	assert_non_null(strstr(c.warnings, "config line 1: a phrase can be at most 500 characters"));
	config_free(&c);
}

static void the_kinds_are_the_note_kinds_and_any(void **state)
{
	(void)state;
	for (size_t i = 0; store_note_kinds[i]; i++)
		assert_true(phrase_kind_known(store_note_kinds[i]));
	assert_true(phrase_kind_known("any"));
	assert_false(phrase_kind_known("fax"));
	assert_false(phrase_kind_known(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_phrases_of_the_kind_then_the_any_ones),
		cmocka_unit_test(config_lines_replace_the_kind_they_name),
		cmocka_unit_test(bad_phrase_lines_are_reported_and_skipped),
		cmocka_unit_test(the_kinds_are_the_note_kinds_and_any),
	};
	return cmocka_run_group_tests_name("phrases", tests, NULL, NULL);
}
