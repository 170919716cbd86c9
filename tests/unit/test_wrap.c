/*
 * test_wrap.c - where Japanese text breaks into lines (wrap.c): a word
 * such as 中等度 stays whole where the line holds a better place, breaks
 * come after 、。 and particles, never before 、。 or a small kana, latin
 * words break at spaces, and a line with no good place still breaks.
 * Widths: a full-width character is 1, an ASCII one 0.5.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/text.h"
#include "tsunagi/wrap.h"
#include "tsunagi/xalloc.h"

/* s wrapped at width, as "line|line". */
static char *wrapped(const char *s, double width)
{
	size_t n = strlen(s), brk[64], nb, from = 0;
	double *adv = xmalloc((n + 1) * sizeof *adv);
	strbuf b;

	for (size_t i = 0; i < n; i++)
		adv[i] = ((unsigned char)s[i] & 0xC0) == 0x80 ? -1 :
			s[i] == '\n' ? 0 : (unsigned char)s[i] < 0x80 ? 0.5 : 1;
	nb = wrap_lines(s, adv, width, brk, 64);
	sb_init(&b);
	for (size_t k = 0; k < nb; k++) {
		sb_addf(&b, "%.*s|", (int)(brk[k] - from), s + from);
		from = brk[k];
	}
	sb_adds(&b, s + from);
	free(adv);
	return sb_steal(&b);
}

#define assert_wraps(s, width, want) do { \
	char *got_ = wrapped((s), (width)); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

static void a_kanji_word_stays_whole(void **state)
{
	/* 中|等度 only when nothing better is on the line */
	assert_wraps("状態は中等度", 5, "状態は|中等度");
	assert_wraps("評価は中等度の低下", 4, "評価は|中等度の|低下");
	assert_wraps("実行状況 2 中等度", 6, "実行状況 2 |中等度");
	/* a particle ends the line: 計画変更の|必要性 */
	assert_wraps("計画変更の必要性", 6, "計画変更の|必要性");
	/* a change of script: 障害福祉|サービス|受給者証番号 */
	assert_wraps("障害福祉サービス受給者証番号", 7, "障害福祉|サービス|受給者証番号");
	/* a number with its counter: 週|3回, not 週3|回 */
	assert_wraps("掃除を週3回", 3.5, "掃除を|週3回");
	assert_wraps("週3回掃除", 2, "週|3回|掃除");
	/* a change of script near the end beats a particle at mid-line */
	assert_wraps("手順表を使って週3回掃除をする", 8, "手順表を使って|週3回掃除をする");
	/* fits: no break */
	assert_wraps("中等度", 3, "中等度");
	assert_wraps("", 3, "");
}

static void punctuation_is_the_best_break(void **state)
{
	assert_wraps("朝は起きられず、昼から活動する。夜は早く寝る", 9,
		     "朝は起きられず、|昼から活動する。|夜は早く寝る");
	/* 、。 and ） never start a line, （ never ends one */
	assert_wraps("あいう、えお", 3, "あい|う、|えお");
	assert_wraps("計画（案）です", 3, "計画|（案）|です");
	/* a small kana or ー never starts a line */
	assert_wraps("サービス", 2.5, "サー|ビス");
	assert_wraps("ちょっと", 3, "ちょっ|と");
	/* a comma near the start loses to a particle in the line's second
	 * half: the line is not left short */
	assert_wraps("ええ、自分で料理をしたい", 8, "ええ、自分で|料理をしたい");
}

static void latin_words_break_at_spaces(void **state)
{
	assert_wraps("GAS score improved", 6, "GAS score |improved");
	assert_wraps("Aさんの GAS +1", 4, "Aさんの |GAS +1");
	/* between Japanese and latin */
	assert_wraps("利用者ABCD", 3, "利用者|ABCD");
}

static void a_line_with_no_good_break_still_breaks(void **state)
{
	assert_wraps("受給者証番号", 4, "受給者証|番号");
	assert_wraps("abcdefghij", 2, "abcd|efgh|ij");
	/* wider than the line: one character a line */
	assert_wraps("中等度", 0.5, "中|等|度");
	/* a newline ends a line; its lines wrap on their own */
	assert_wraps("状態は中等度\n中等度", 5, "状態は|中等度\n中等度");
	/* only kinsoku places fit: take the last of them */
	assert_wraps("」」」」」", 2, "」」|」」|」");
}

static void places_are_classed(void **state)
{
	const char *s = "計画変更の必要性、サービス週3回";
	size_t n = strlen(s);

	assert_int_equal(wrap_class_at(s, n, 3), WRAP_WORD);          /* 計|画 */
	assert_int_equal(wrap_class_at(s, n, 15), WRAP_PARTICLE);     /* の|必 */
	assert_int_equal(wrap_class_at(s, n, 24), WRAP_NO);           /* 性|、 */
	assert_int_equal(wrap_class_at(s, n, 27), WRAP_PUNCT);        /* 、|サ */
	assert_int_equal(wrap_class_at(s, n, 39), WRAP_SCRIPT);       /* ス|週 */
	assert_int_equal(wrap_class_at(s, n, 42), WRAP_KANA);         /* 週|3 */
	assert_int_equal(wrap_class_at(s, n, 43), WRAP_WORD);         /* 3|回 */
	assert_int_equal(wrap_class_at(s, n, 1), WRAP_NO);            /* inside 計 */
	assert_int_equal(wrap_class_at(s, n, 0), WRAP_NO);
	/* です is no particle: 度で|す is kana, 度|で kana */
	assert_int_equal(wrap_class_at("中等度です", 15, 12), WRAP_KANA);
	assert_int_equal(wrap_class_at("自分でできる", 18, 9), WRAP_PARTICLE);
	assert_int_equal(wrap_class_at("ようになる", 15, 9), WRAP_KANA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_kanji_word_stays_whole),
		cmocka_unit_test(punctuation_is_the_best_break),
		cmocka_unit_test(latin_words_break_at_spaces),
		cmocka_unit_test(a_line_with_no_good_break_still_breaks),
		cmocka_unit_test(places_are_classed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
