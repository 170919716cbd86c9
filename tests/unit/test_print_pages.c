/*
 * test_print_pages.c - the logic under the record, meeting and summary
 * printouts: which consent covers a party on a day (consent.h: in force,
 * withdrawn, named in shared_with, the direction of a partial name, a
 * category), the text cut into numbered pages, and --initials on free
 * text (names whole and by part, the longest first).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/consent.h"
#include "tsunagi/print.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static date_t D(const char *s)
{
	date_t d;
	tsu_err e;
	assert_int_equal(date_parse(s, &d, &e), TSU_OK);
	return d;
}

static consent C(const char *with, const char *from, const char *to, const char *withdrawn)
{
	consent c;

	memset(&c, 0, sizeof c);
	c.id = 7;
	c.shared_with = (char *)with;
	c.purpose = (char *)"";
	c.valid_from = D(from);
	c.valid_to = D(to);
	c.withdrawn_on = withdrawn ? D(withdrawn) : DATE_NONE;
	return c;
}

static void a_consent_holds_from_its_first_to_its_last_day_until_withdrawn(void **state)
{
	consent c = C("○○病院", "2026-04-01", "2027-03-31", NULL);
	consent w = C("○○病院", "2026-04-01", "2027-03-31", "2026-11-20");

	(void)state;
	assert_false(consent_in_force(&c, D("2026-03-31")));
	assert_true(consent_in_force(&c, D("2026-04-01")));
	assert_true(consent_in_force(&c, D("2027-03-31")));
	assert_false(consent_in_force(&c, D("2027-04-01")));
	/* Withdrawn on the 20th: the 19th still held, the 20th not. */
	assert_true(consent_in_force(&w, D("2026-11-19")));
	assert_false(consent_in_force(&w, D("2026-11-20")));
}

static void a_party_is_covered_when_it_names_a_listed_party_folded_and_without_spaces(void **state)
{
	(void)state;
	/* Listed among others, with each separator. */
	assert_true(consent_names_party("サービス提供事業所・○○病院", "○○病院"));
	assert_true(consent_names_party("市役所、○○病院", "○○病院"));
	assert_true(consent_names_party("市役所／○○病院", "○○病院"));
	assert_true(consent_names_party("市役所\n○○病院", "○○病院"));
	/* A department of the listed party; width and spaces do not matter. */
	assert_true(consent_names_party("つなぎ総合病院", "つなぎ総合病院 地域連携室"));
	assert_true(consent_names_party("ＡＢＣクリニック", "abc クリニック"));
	/* Not the other way: a vaguer party is not what was consented. */
	assert_false(consent_names_party("つなぎ総合病院", "病院"));
	/* A category covers only a party named that way. */
	assert_false(consent_names_party("医療機関", "つなぎ総合病院"));
	assert_true(consent_names_party("サービス提供事業所・医療機関", "医療機関"));
	/* Nothing and one character cover nothing. */
	assert_false(consent_names_party("", "つなぎ総合病院"));
	assert_false(consent_names_party("院", "つなぎ総合病院"));
	assert_false(consent_names_party("つなぎ総合病院", ""));
}

static void the_covering_consent_must_be_in_force_and_name_the_party(void **state)
{
	consent v[3] = {
		C("○○病院", "2025-04-01", "2026-03-31", NULL),       /* ended */
		C("△△事業所", "2026-04-01", "2027-03-31", NULL),     /* another party */
		C("○○病院・△△事業所", "2026-04-01", "2027-03-31", NULL),
	};

	(void)state;
	v[2].id = 9;
	assert_ptr_equal(consent_covering(v, 3, "○○病院", D("2026-11-23")), &v[2]);
	assert_null(consent_covering(v, 2, "○○病院", D("2026-11-23")));
	assert_null(consent_covering(v, 3, "□□病院", D("2026-11-23")));
	assert_ptr_equal(consent_covering(v, 3, "○○病院", D("2026-01-10")), &v[0]);
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void text_pages_are_numbered_n_of_m_with_the_head_on_later_pages(void **state)
{
	strbuf in;
	char *out, *p2;
	size_t len;

	(void)state;
	/* 8 lines a page: 6 on the first, 4 on each later one. */
	sb_init(&in);
	for (int i = 1; i <= 15; i++)
		sb_addf(&in, "line %d\n", i);
	out = print_text_pages(in.s, "HEAD", 8, &len);
	assert_int_equal(len, strlen(out));
	/* 15 lines: 6 + 4 + 4 + 1 -> four pages. */
	assert_int_equal(count(out, "\f"), 3);
	assert_non_null(strstr(out, "1 / 4"));
	assert_non_null(strstr(out, "4 / 4"));
	assert_null(strstr(out, "5 / 4"));
	assert_int_equal(count(out, "HEAD\n\n"), 3);
	/* Every page has exactly 8 lines. */
	for (const char *pg = out; pg;) {
		const char *ff = strchr(pg, '\f');
		size_t n = ff ? (size_t)(ff - pg) : strlen(pg);
		char *one = xstrndup(pg, n);
		assert_int_equal(count(one, "\n"), 8);
		free(one);
		pg = ff ? ff + 1 : NULL;
	}
	/* The 7th line opens the second page after its head. */
	p2 = strchr(out, '\f');
	assert_non_null(p2);
	assert_int_equal(strncmp(p2 + 1, "HEAD\n\nline 7\n", 13), 0);
	free(out);
	/* A short text is one page, "1 / 1". */
	out = print_text_pages("one line\n", "HEAD", 8, NULL);
	assert_int_equal(count(out, "\f"), 0);
	assert_non_null(strstr(out, "1 / 1"));
	free(out);
	sb_free(&in);
}

static void initials_replace_known_names_whole_and_by_part_in_free_text(void **state)
{
	print_names r;
	char *s;

	(void)state;
	/* The client alone (print_names_load adds its contacts the same way). */
	memset(&r, 0, sizeof r);
	r.on = true;
	print_names_add_person(&r, "山田 太郎", "やまだ たろう");
	print_names_add_person(&r, "山田 花子", "やまだ はなこ");
	s = print_names_hide(&r, "山田 太郎さんと電話。太郎さんは元気、山田家の様子も母の山田 花子さんに聞いた。");
	assert_string_equal(s, "Y.T.さんと電話。T.さんは元気、Y.家の様子も母のY.H.さんに聞いた。");
	free(s);
	print_names_free(&r);
	/* Off: a copy. */
	r.on = false;
	s = print_names_hide(&r, "山田 太郎");
	assert_string_equal(s, "山田 太郎");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_consent_holds_from_its_first_to_its_last_day_until_withdrawn),
		cmocka_unit_test(a_party_is_covered_when_it_names_a_listed_party_folded_and_without_spaces),
		cmocka_unit_test(the_covering_consent_must_be_in_force_and_name_the_party),
		cmocka_unit_test(text_pages_are_numbered_n_of_m_with_the_head_on_later_pages),
		cmocka_unit_test(initials_replace_known_names_whole_and_by_part_in_free_text),
	};
	return cmocka_run_group_tests_name("print_pages", tests, NULL, NULL);
}
