/*
 * test_icf.c - the ICF list: the compiled-in table is data/icf.tsv entry
 * by entry, every chapter is there, codes sit under their component, and
 * lookup and search find categories by code and by either name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/icf.h"
#include "tsunagi/xalloc.h"

static void compiled_table_matches_data_icf_tsv_exactly(void **state)
{
	FILE *f = fopen("data/icf.tsv", "r");
	char line[1024];
	size_t i = 0;

	(void)state;
	assert_non_null(f);   /* the suites run from the top of the tree */
	while (fgets(line, sizeof line, f)) {
		char *cols[4], *save = NULL, *p;
		size_t n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (p = strtok_r(line, "\t", &save); p && n < 4; p = strtok_r(NULL, "\t", &save))
			cols[n++] = p;
		assert_int_equal(n, 4);
		assert_null(p);
		assert_true(i < icf_count);
		assert_string_equal(icf_entries[i].code, cols[0]);
		assert_string_equal(icf_entries[i].component, cols[1]);
		assert_string_equal(icf_entries[i].ja, cols[2]);
		assert_string_equal(icf_entries[i].en, cols[3]);
		i++;
	}
	fclose(f);
	assert_int_equal(i, icf_count);
}

static void every_chapter_of_every_component_is_listed(void **state)
{
	static const struct { char c; int last; } comps[] = { { 'b', 8 }, { 's', 8 }, { 'd', 9 }, { 'e', 5 } };
	char code[16];

	(void)state;
	for (size_t k = 0; k < 4; k++)
		for (int ch = 1; ch <= comps[k].last; ch++) {
			snprintf(code, sizeof code, "%c%d", comps[k].c, ch);
			assert_non_null(icf_lookup(code));
		}
	assert_null(icf_lookup("b9"));
	assert_null(icf_lookup("d0"));
}

static void codes_are_unique_and_belong_to_their_component_and_chapter(void **state)
{
	(void)state;
	for (size_t i = 0; i < icf_count; i++) {
		const icf_entry *en = &icf_entries[i];
		assert_string_equal(icf_component_of(en->code), en->component);
		assert_true(en->ja[0] && en->en[0]);
		if (strlen(en->code) > 2) {
			char chapter[3] = { en->code[0], en->code[1], 0 };
			assert_non_null(icf_lookup(chapter));
		}
		for (size_t k = i + 1; k < icf_count; k++)
			assert_string_not_equal(en->code, icf_entries[k].code);
	}
}

static void lookup_ignores_case_and_space(void **state)
{
	const icf_entry *en = icf_lookup(" D450 ");

	(void)state;
	assert_non_null(en);
	assert_string_equal(en->ja, "歩行");
	assert_string_equal(en->en, "Walking");
	assert_null(icf_lookup("d4501"));
	assert_null(icf_lookup(NULL));
}

static void search_finds_by_code_japanese_or_english_name(void **state)
{
	const icf_entry *out[8];

	(void)state;
	assert_int_equal(icf_search("d45", out, 8), 1);
	assert_string_equal(out[0]->code, "d450");
	assert_int_equal(icf_search("ｗａｌｋ", out, 8), 1);  /* full-width folds */
	assert_string_equal(out[0]->code, "d450");
	assert_true(icf_search("睡眠", out, 8) >= 1);
	assert_string_equal(out[0]->code, "b134");
	assert_int_equal(icf_search("no such category", out, 8), 0);
	/* More matches than room: the count says so. */
	assert_int_equal(icf_search("", out, 8), icf_count);
	assert_string_equal(out[0]->code, icf_entries[0].code);
}

static void component_of_reads_the_letter_of_a_well_formed_code(void **state)
{
	(void)state;
	assert_string_equal(icf_component_of("e310"), "e");
	assert_string_equal(icf_component_of("s7502"), "s");
	assert_null(icf_component_of("x100"));
	assert_null(icf_component_of("d"));
	assert_null(icf_component_of("d45a"));
	assert_null(icf_component_of(""));
	assert_string_equal(icf_component_ja("d"), "活動と参加");
	assert_string_equal(icf_component_ja("personal"), "個人因子");
	assert_null(icf_component_ja("x"));
}

/* Codes the ICF has: its chapters and the levels under them; b999 (no
 * chapter b9) and two-digit codes are not, and the nearest listed ones
 * are offered. */
static void codes_the_icf_does_not_have_are_refused_with_the_nearest(void **state)
{
	const icf_entry *near[4];

	(void)state;
	assert_true(icf_code_valid("d450", near));
	assert_true(icf_code_valid("d4500", near));     /* third level, not listed */
	assert_true(icf_code_valid("b410", near));      /* second level, not listed */
	assert_true(icf_code_valid("e1", near));
	assert_false(icf_code_valid("b999", near));
	assert_non_null(near[0]);
	assert_string_equal(near[0]->code, "b8");
	assert_non_null(near[2]);
	assert_null(near[3]);
	for (size_t i = 0; near[i]; i++)
		assert_string_equal(near[i]->component, "b");
	assert_false(icf_code_valid("d45", near));
	assert_string_equal(near[0]->code, "d450");
	assert_false(icf_code_valid("e6", near));
	assert_false(icf_code_valid("x450", near));
	assert_non_null(near[0]);
	assert_false(icf_code_valid("", near));
}

/* The picker's list for one component has no other's codes. */
static void search_in_a_component_keeps_to_it(void **state)
{
	const icf_entry *out[400];
	size_t n, all;

	(void)state;
	n = icf_search_in("", "d", out, 400);
	assert_true(n > 0 && n < icf_count);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(out[i]->component, "d");
	all = icf_search_in("", NULL, out, 400);
	assert_int_equal(all, icf_count);
	assert_int_equal(icf_search_in("", "personal", out, 400), icf_count);
	assert_int_equal(icf_search_in("歩行", NULL, out, 400), 2);
	assert_int_equal(icf_search_in("歩行", "b", out, 400), 1);
	assert_string_equal(out[0]->code, "b770");
	assert_int_equal(icf_search_in("歩行", "d", out, 400), 1);
	assert_string_equal(out[0]->code, "d450");
}

static void qualifiers_are_the_icf_scale_and_8_9(void **state)
{
	static const int ok[] = { 0, 1, 2, 3, 4, 8, 9 }, bad[] = { -1, 5, 6, 7, 10, 44 };

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(icf_qualifier_valid(ok[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(icf_qualifier_valid(bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiled_table_matches_data_icf_tsv_exactly),
		cmocka_unit_test(every_chapter_of_every_component_is_listed),
		cmocka_unit_test(codes_are_unique_and_belong_to_their_component_and_chapter),
		cmocka_unit_test(lookup_ignores_case_and_space),
		cmocka_unit_test(codes_the_icf_does_not_have_are_refused_with_the_nearest),
		cmocka_unit_test(search_in_a_component_keeps_to_it),
		cmocka_unit_test(search_finds_by_code_japanese_or_english_name),
		cmocka_unit_test(component_of_reads_the_letter_of_a_well_formed_code),
		cmocka_unit_test(qualifiers_are_the_icf_scale_and_8_9),
	};
	return cmocka_run_group_tests_name("icf", tests, NULL, NULL);
}
