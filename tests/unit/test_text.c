/*
 * test_text.c - the rules of text.c: strict UTF-8, display widths that
 * match what ncursesw draws, folding for search and sort keys, the
 * sanitizer that keeps escape sequences off the terminal, trimming and
 * kana initials.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* Checks a heap string and frees it. */
#define assert_str_free(expr, want) do { \
	char *got_ = (expr); \
	assert_non_null(got_); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

static void assert_invalid_at(const char *s, size_t n, size_t want_bad)
{
	size_t bad = (size_t)-1;

	assert_false(text_valid_utf8(s, n, &bad));
	assert_int_equal(bad, want_bad);
}

/* ---- validation and decoding ---------------------------------------- */

static void valid_utf8_accepts_ascii_kana_kanji_and_emoji(void **state)
{
	const char *s = "abc やまだ ヤマダ ﾔﾏﾀﾞ 山田 髙﨑 ① 😀";

	assert_true(text_valid_utf8(s, strlen(s), NULL));
	assert_true(text_valid_utf8("", 0, NULL));
}

static void valid_utf8_accepts_every_boundary_code_point(void **state)
{
	static const char *const ok[] = {
		"\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
		"\xEE\x80\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(text_valid_utf8(ok[i], strlen(ok[i]), NULL));
}

static void valid_utf8_rejects_overlong_forms_at_their_offset(void **state)
{
	assert_invalid_at("ab\xC0\xAF", 4, 2);
	assert_invalid_at("\xC1\xBF", 2, 0);
	assert_invalid_at("x\xE0\x80\xAF", 4, 1);
	assert_invalid_at("\xE0\x9F\xBF", 3, 0);
	assert_invalid_at("\xF0\x80\x80\xAF", 4, 0);
	assert_invalid_at("\xF0\x8F\xBF\xBF", 4, 0);
}

static void valid_utf8_rejects_surrogates(void **state)
{
	assert_invalid_at("\xED\xA0\x80", 3, 0);
	assert_invalid_at("あ\xED\xBF\xBF", 6, 3);
}

static void valid_utf8_rejects_code_points_beyond_10ffff(void **state)
{
	assert_invalid_at("\xF4\x90\x80\x80", 4, 0);
	assert_invalid_at("\xF5\x80\x80\x80", 4, 0);
	assert_invalid_at("a\xFF", 2, 1);
	assert_invalid_at("a\xFE", 2, 1);
}

static void valid_utf8_rejects_truncated_sequences(void **state)
{
	assert_invalid_at("\xE3\x81", 2, 0);       /* あ without its last byte */
	assert_invalid_at("ab\xE3", 3, 2);
	assert_invalid_at("\xE3\x81" "a", 3, 0);
	assert_invalid_at("\xF0\x9F\x98", 3, 0);
	assert_invalid_at("\x80", 1, 0);          /* a lone continuation byte */
	/* The length counts: a valid string cut in a character is invalid. */
	assert_invalid_at("やまだ", 4, 3);
}

static void decode_gives_length_and_code_point_or_zero_and_fffd(void **state)
{
	int32_t cp = 0;

	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode("é", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_decode("髙", 3, &cp), 3);
	assert_int_equal(cp, 0x9AD9);
	assert_int_equal(text_decode("😀", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(text_decode("\xC0\x80", 2, &cp), 0);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("", 0, &cp), 0);
}

static void encode_round_trips_through_decode(void **state)
{
	static const int32_t cps[] = { 0, 'a', 0x7F, 0x80, 0x7FF, 0x800, 0x3042,
				       0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF };
	char buf[4];
	int32_t cp;

	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		size_t n = text_encode(cps[i], buf);
		assert_int_equal(text_decode(buf, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
}

static void encode_writes_fffd_for_surrogates_and_out_of_range(void **state)
{
	char buf[4];

	assert_int_equal(text_encode(0xD800, buf), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_int_equal(text_encode(0x110000, buf), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_int_equal(text_encode(-1, buf), 3);
}

static void chars_counts_code_points_and_each_invalid_byte(void **state)
{
	assert_int_equal(text_chars(""), 0);
	assert_int_equal(text_chars("abc"), 3);
	assert_int_equal(text_chars("山田 太郎"), 5);
	assert_int_equal(text_chars("a\xFF\xFE" "b"), 4);
}

/* ---- width --------------------------------------------------------------- */

/* The representative set: code point and the width ncursesw gives it. */
static const struct { int32_t cp; int width; } width_set[] = {
	{ 'A', 1 }, { '~', 1 }, { ' ', 1 },
	{ 0x3042, 2 }, { 0x3093, 2 },                 /* あ ん */
	{ 0x30A2, 2 }, { 0x30F4, 2 }, { 0x30FC, 2 },  /* ア ヴ ー */
	{ 0xFF71, 1 }, { 0xFF9E, 1 }, { 0xFF70, 1 },  /* ｱ ﾞ ｰ */
	{ 0x5C71, 2 }, { 0x7530, 2 },                 /* 山 田 */
	{ 0x9AD9, 2 }, { 0xFA11, 2 },                 /* 髙 﨑 */
	{ 0xFF11, 2 }, { 0xFF21, 2 }, { 0xFF41, 2 },  /* １ Ａ ａ */
	{ 0x2460, 1 }, { 0x3231, 2 },                 /* ① ㈱ */
	{ 0xFF5E, 2 }, { 0x301C, 2 },                 /* ～ 〜 */
	{ 0x25CB, 1 }, { 0x203B, 1 }, { 0x2192, 1 }, { 0x2500, 1 }, /* ○※→─ */
	{ 0x0301, 0 }, { 0x3099, 0 }, { 0x309A, 0 },  /* combining marks */
	{ 0x3000, 2 }, { 0x1F600, 2 }, { 0x200B, 0 },
};

static void cp_width_agrees_with_wcwidth_under_c_utf8(void **state)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		skip();
	for (size_t i = 0; i < sizeof width_set / sizeof width_set[0]; i++) {
		int32_t cp = width_set[i].cp;
		assert_int_equal(wcwidth((wchar_t)cp), width_set[i].width);
		assert_int_equal(text_cp_width(cp), wcwidth((wchar_t)cp));
	}
	/* where glibc and utf8proc differ, a UTF-8 locale follows glibc */
	assert_int_equal(text_cp_width(0x3248), wcwidth(0x3248));
	assert_int_equal(text_cp_width(0x4DC0), wcwidth(0x4DC0));
	assert_int_equal(text_cp_width(0x0903), wcwidth(0x0903));
	setlocale(LC_CTYPE, "C");
}

/*
 * Outside a UTF-8 locale the utf8proc table is used; for Japanese text it
 * must give glibc's widths too, over whole blocks: ASCII, Latin-1, general
 * punctuation, arrows, box drawing, circled numbers, CJK symbols, kana,
 * CJK compatibility, kanji, and half- and full-width forms.  The eight
 * circled numbers on black squares U+3248..U+324F are the one known
 * difference there (glibc 2, utf8proc 1).
 */
static void cp_width_outside_utf8_locale_matches_wcwidth_on_japanese_blocks(void **state)
{
	static const int32_t ranges[][2] = {
		{ 0x20, 0x7E }, { 0xA0, 0xFF }, { 0x2000, 0x206F }, { 0x2190, 0x21FF },
		{ 0x2460, 0x24FF }, { 0x2500, 0x25FF }, { 0x3000, 0x30FF },
		{ 0x3200, 0x33FF }, { 0x4E00, 0x9FFF }, { 0xF900, 0xFAFF },
		{ 0xFF00, 0xFFEF },
	};
	static signed char want[0x10000];

	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		skip();
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
			want[cp] = (signed char)wcwidth((wchar_t)cp);
	setlocale(LC_CTYPE, "C");
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
			if (want[cp] < 0 || (cp >= 0x3248 && cp <= 0x324F))
				continue;    /* unassigned or controls; the known gap */
			if (text_cp_width(cp) != want[cp])
				fail_msg("U+%04X: text_cp_width %d, wcwidth %d", (unsigned)cp,
					 text_cp_width(cp), want[cp]);
		}
	}
	for (size_t i = 0; i < sizeof width_set / sizeof width_set[0]; i++)
		assert_int_equal(text_cp_width(width_set[i].cp), width_set[i].width);
}

/* text_fit takes kana and kanji as two columns without a lookup: each
 * one's fit, and the blocks around them, must agree with text_cp_width
 * in a UTF-8 locale and outside one. */
static void fit_of_kana_and_kanji_agrees_with_cp_width(void **state)
{
	static const int32_t ranges[][2] = { { 0x2FF0, 0x3100 }, { 0x4DF0, 0xA010 } };
	static const char *const locales[] = { "C.UTF-8", "C" };

	for (size_t l = 0; l < 2; l++) {
		if (!setlocale(LC_CTYPE, locales[l]))
			skip();
		for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
			for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
				char buf[8] = "";
				int used = -1, w = text_cp_width(cp);

				buf[text_encode(cp, buf)] = '\0';
				assert_int_equal(text_fit(buf, 2, &used), strlen(buf));
				if (used != w)
					fail_msg("%s U+%04X: text_fit %d, text_cp_width %d", locales[l],
						 (unsigned)cp, used, w);
				assert_int_equal(text_fit(buf, w - 1, &used), w > 0 ? 0 : strlen(buf));
			}
		}
	}
	setlocale(LC_CTYPE, "C");
}

static void cp_width_of_controls_is_zero(void **state)
{
	assert_int_equal(text_cp_width(0x1B), 0);
	assert_int_equal(text_cp_width(0x07), 0);
	assert_int_equal(text_cp_width(0x7F), 0);
	assert_int_equal(text_cp_width(0x9B), 0);
	assert_int_equal(text_cp_width('\n'), 0);
}

static void width_sums_kanji_halfwidth_kana_and_ascii(void **state)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	assert_int_equal(text_width("山田 ﾀﾛｳ①"), 2 + 2 + 1 + 3 + 1);
	assert_int_equal(text_width("ガ"), 2);
	assert_int_equal(text_width("か\xE3\x82\x99"), 2);   /* か + combining dakuten */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width_n("山田太郎", 6), 4);
	setlocale(LC_CTYPE, "C");
	assert_int_equal(text_width("山田 ﾀﾛｳ①"), 9);
}

static void width_counts_an_invalid_byte_as_one_column(void **state)
{
	assert_int_equal(text_width("a\xFF" "b"), 3);
	assert_int_equal(text_width("\xE3\x81"), 2);
}

static void fit_never_splits_a_wide_character_at_the_edge(void **state)
{
	int used = -1;

	assert_int_equal(text_fit("あいう", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit("aあ", 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit("あ", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("ﾔﾏﾀﾞ", 3, &used), 9);
	assert_int_equal(used, 3);
}

static void fit_takes_everything_that_fits_and_nothing_for_zero_columns(void **state)
{
	int used = -1;

	assert_int_equal(text_fit("abc", 10, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(text_fit("山田", 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit("abc", 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("abc", -3, NULL), 0);
	assert_int_equal(text_fit("", 5, &used), 0);
	assert_int_equal(used, 0);
}

static void cut_ends_with_an_ellipsis_and_never_splits_a_wide_character(void **state)
{
	char *c;

	/* fits: unchanged */
	c = text_cut("成人の日", 8);
	assert_string_equal(c, "成人の日");
	free(c);
	/* 7 columns: three wide characters then the one-column "…" */
	c = text_cut("成人の日", 7);
	assert_string_equal(c, "成人の\xE2\x80\xA6");
	assert_int_equal(text_width(c), 7);
	free(c);
	/* 6 columns: the third wide character would cross the edge */
	c = text_cut("成人の日", 6);
	assert_string_equal(c, "成人\xE2\x80\xA6");
	assert_int_equal(text_width(c), 5);
	free(c);
	c = text_cut("(filter-kind)", 12);
	assert_string_equal(c, "(filter-kin\xE2\x80\xA6");
	free(c);
	c = text_cut("abc", 1);
	assert_string_equal(c, "\xE2\x80\xA6");
	free(c);
	c = text_cut("abc", 0);
	assert_string_equal(c, "");
	free(c);
}

static void fit_keeps_a_combining_mark_with_its_base(void **state)
{
	int used = -1;

	/* か + U+3099 + き: two columns take the base and its mark */
	assert_int_equal(text_fit("か\xE3\x82\x99き", 2, &used), 6);
	assert_int_equal(used, 2);
}

static void fit_keeps_a_combining_mark_after_ascii_at_the_edge(void **state)
{
	int used = -1;

	/* e + U+0301, then f: one column takes the e and its accent */
	assert_int_equal(text_fit("e\xCC\x81" "f", 1, &used), 3);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit("e\xCC\x81" "f", 0, &used), 0);
	/* ASCII then wide: the wide one that would cross the edge stays out */
	assert_int_equal(text_fit("ab山", 3, &used), 2);
	assert_int_equal(used, 2);
	/* a control character is zero columns, as before the fast path */
	assert_int_equal(text_fit("a\tb", 2, &used), 3);
	assert_int_equal(used, 2);
}

/* ---- string buffers ------------------------------------------------------- */

static void sb_addf_formats_across_the_buffer_s_growth(void **state)
{
	strbuf b;
	char want[300];

	(void)state;
	sb_init(&b);
	want[0] = '\0';
	/* Lengths that end just before, at and after each power of two. */
	for (int i = 0; i < 40; i++) {
		sb_addf(&b, "%0*d|", i % 9 + 1, i);
		snprintf(want + strlen(want), sizeof want - strlen(want), "%0*d|", i % 9 + 1, i);
		assert_string_equal(b.s, want);
		assert_int_equal(b.len, strlen(want));
		assert_true(b.cap > b.len);
	}
	sb_free(&b);
	sb_init(&b);
	sb_addf(&b, "%s-%s", "とても長い文字列が一度に入るかどうかを確かめるための文です",
		"and a second part that is long as well");
	assert_string_equal(b.s, "とても長い文字列が一度に入るかどうかを確かめるための文です"
			    "-and a second part that is long as well");
	sb_free(&b);
}

/* ---- folding -------------------------------------------------------------- */

static void fold_makes_halfwidth_katakana_katakana_and_hiragana_one_key(void **state)
{
	char *a = text_fold("ﾔﾏﾀﾞ ﾀﾛｳ"), *b = text_fold("ヤマダ タロウ"), *c = text_fold("やまだ たろう");

	assert_string_equal(a, "やまだ たろう");
	assert_string_equal(b, a);
	assert_string_equal(c, a);
	free(a);
	free(b);
	free(c);
	assert_str_free(text_fold("ｶﾞｯｺｳ"), "がっこう");
	assert_str_free(text_fold("ﾊﾟﾋﾟﾌﾟ"), "ぱぴぷ");
}

static void fold_makes_fullwidth_letters_and_digits_lowercase_ascii(void **state)
{
	assert_str_free(text_fold("ＡＢＣ１"), "abc1");
	assert_str_free(text_fold("ABC abc"), "abc abc");
	assert_str_free(text_fold("Straße"), "strasse");
}

static void fold_collapses_spaces_to_one_ascii_space_and_trims(void **state)
{
	assert_str_free(text_fold("やまだ　たろう"), "やまだ たろう");
	assert_str_free(text_fold("　 やまだ 　\t たろう\n "), "やまだ たろう");
	assert_str_free(text_fold("   "), "");
	assert_str_free(text_fold(""), "");
	assert_str_free(text_fold(NULL), "");
}

static void fold_keeps_the_long_vowel_mark_and_maps_vu_and_small_kana(void **state)
{
	assert_str_free(text_fold("ラーメン"), "らーめん");
	assert_str_free(text_fold("ﾗｰﾒﾝ"), "らーめん");
	assert_str_free(text_fold("ヴァイオリン"), "ゔぁいおりん");
	assert_str_free(text_fold("ヵヶ"), "ゕゖ");
	assert_str_free(text_fold("ヽヾ"), "ゝゞ");
	assert_str_free(text_fold("ヷ"), "わ\xE3\x82\x99");
}

static void fold_drops_invalid_bytes_and_controls(void **state)
{
	assert_str_free(text_fold("ab\xFF" "c"), "abc");
	assert_str_free(text_fold("\xE3\x81" "やま"), "やま");
	assert_str_free(text_fold("a\x1b[31mb"), "a[31mb");
	assert_str_free(text_fold("や\xE2\x80\x8Bま"), "やま");    /* zero-width space */
}

static void fold_unifies_name_variant_kanji_but_not_distinct_names(void **state)
{
	assert_str_free(text_fold("髙橋"), "高橋");
	assert_str_free(text_fold("山﨑"), "山崎");
	assert_str_free(text_fold("渡邊 渡邉"), "渡辺 渡辺");
	assert_true(text_fold_contains("髙橋 﨑子", "高橋"));
	char *a = text_fold("斎藤"), *b = text_fold("斉藤");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
}

static void fold_unifies_wave_dashes_and_hyphens(void **state)
{
	assert_str_free(text_fold("1〜3"), "1~3");
	assert_str_free(text_fold("1～3"), "1~3");
	assert_str_free(text_fold("1−2−3"), "1-2-3");
	assert_str_free(text_fold("０９０‐１２３４"), "090-1234");
}

static void fold_sort_keys_follow_gojuon_order(void **state)
{
	static const char *const names[] = { "アオキ", "いとう", "ｶﾄｳ", "さとう", "タナカ", "やまだ", "ヤマモト", "わたなべ" };
	char *prev = text_fold(names[0]);

	for (size_t i = 1; i < sizeof names / sizeof names[0]; i++) {
		char *k = text_fold(names[i]);
		assert_true(strcmp(prev, k) < 0);
		free(prev);
		prev = k;
	}
	free(prev);
	/* family name first: the space sorts before any kana */
	char *a = text_fold("やまだ たろう"), *b = text_fold("やまだい はなこ");
	assert_true(strcmp(a, b) < 0);
	free(a);
	free(b);
}

static void fold_contains_matches_across_kana_forms_and_widths(void **state)
{
	assert_true(text_fold_contains("山田 ヤマダ タロウ", "ﾀﾛｳ"));
	assert_true(text_fold_contains("やまだ たろう", "タロウ"));
	assert_true(text_fold_contains("ＡＢＣ商事", "abc"));
	assert_true(text_fold_contains("anything", ""));
	assert_false(text_fold_contains("やまだ", "やまもと"));
	assert_false(text_fold_contains("", "a"));
}

/* ---- sanitizing ------------------------------------------------------------ */

static void assert_no_byte(const char *s, char byte)
{
	assert_null(memchr(s, byte, strlen(s)));
}

static void sanitize_turns_escape_sequences_into_caret_notation(void **state)
{
	char *a = text_sanitize("\x1b[31mred\x1b[0m", false);
	char *b = text_sanitize("\x1b]0;title\x07", false);

	assert_string_equal(a, "^[[31mred^[[0m");
	assert_string_equal(b, "^[]0;title^G");
	assert_no_byte(a, 0x1b);
	assert_no_byte(b, 0x1b);
	assert_no_byte(b, 0x07);
	free(a);
	free(b);
	assert_str_free(text_sanitize("a\x7f" "b\x01", false), "a^?b^A");
	assert_str_free(text_sanitize("\x1c\x1f", false), "^\\^_");
}

static void sanitize_shows_c1_controls_as_code_points(void **state)
{
	char *s = text_sanitize("a\xC2\x9B" "31mb\xC2\x85", true);

	assert_string_equal(s, "a<U+009B>31mb<U+0085>");
	assert_null(strstr(s, "\xC2\x9B"));
	free(s);
}

static void sanitize_shows_bidi_and_invisible_format_characters(void **state)
{
	assert_str_free(text_sanitize("abc\xE2\x80\xAE" "cba", false), "abc<U+202E>cba");
	assert_str_free(text_sanitize("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", false),
			"<U+202A><U+202B><U+202C><U+202D>");
	assert_str_free(text_sanitize("\xE2\x81\xA6x\xE2\x81\xA9", false), "<U+2066>x<U+2069>");
	assert_str_free(text_sanitize("\xE2\x80\x8E\xE2\x80\x8F", false), "<U+200E><U+200F>");
	assert_str_free(text_sanitize("a\xE2\x80\xA8" "b\xE2\x80\xA9", false), "a<U+2028>b<U+2029>");
	assert_str_free(text_sanitize("\xEF\xBB\xBFx", false), "<U+FEFF>x");
	assert_str_free(text_sanitize("\xEF\xBF\xBF", false), "<U+FFFF>");
}

/* The per-code-point answers are cached: asking twice gives the same,
 * and appending keeps what the buffer held. */
static void sanitize_appends_and_answers_the_same_the_second_time(void **state)
{
	strbuf b;

	for (int i = 0; i < 2; i++) {
		assert_str_free(text_sanitize("山田\xE2\x80\xAEやまだ\xEF\xBB\xBF", false), "山田<U+202E>やまだ<U+FEFF>");
		assert_str_free(text_sanitize("\xEF\xBF\xBF鈴木", false), "<U+FFFF>鈴木");
		/* Kana and kanji take a short cut: a cut or broken one
		 * still shows its bytes. */
		assert_str_free(text_sanitize("あ\xE3\x81", false), "あ\\xE3\\x81");
		assert_str_free(text_sanitize("\xE3\x41\x81い", false), "\\xE3A\\x81い");
		assert_str_free(text_sanitize("\xED\x95\x9C", false), "\xED\x95\x9C");
	}
	sb_init(&b);
	sb_adds(&b, "1\t");
	text_sanitize_append(&b, "佐藤\x1b[2J", false);
	sb_addc(&b, '\t');
	text_sanitize_append(&b, NULL, false);
	text_sanitize_append(&b, "", false);
	assert_string_equal(b.s, "1\t佐藤^[[2J\t");
	sb_free(&b);
}

static void sanitize_shows_invalid_bytes_as_hex(void **state)
{
	assert_str_free(text_sanitize("a\xFF" "b\x82", false), "a\\xFFb\\x82");
	assert_str_free(text_sanitize("\xED\xA0\x80", false), "\\xED\\xA0\\x80");
}

static void sanitize_tab_becomes_space_and_newline_depends_on_multiline(void **state)
{
	assert_str_free(text_sanitize("a\tb\nc\r\n", false), "a b^Jc^M^J");
	assert_str_free(text_sanitize("a\tb\nc\r\n", true), "a b\nc^M\n");
}

static void sanitize_leaves_japanese_text_and_private_use_alone(void **state)
{
	const char *s = "山田 太郎（ﾀﾛｳ）①㈱～〜 髙﨑 ○※→─ 😀 \xEE\x80\x80";

	assert_str_free(text_sanitize(s, false), s);
	assert_str_free(text_sanitize("", true), "");
}

/* ---- trimming -------------------------------------------------------------- */

static void trim_removes_ascii_and_ideographic_space_at_both_ends_only(void **state)
{
	assert_str_free(text_trim("　 やまだ　たろう \t　\n"), "やまだ　たろう");
	assert_str_free(text_trim("abc"), "abc");
	assert_str_free(text_trim("　　 "), "");
	assert_str_free(text_trim(""), "");
	assert_str_free(text_trim("あ"), "あ");
	assert_str_free(text_trim(" \xE3\x80"), "\xE3\x80");    /* half of U+3000 is not a space */
}

/* ---- kana initials --------------------------------------------------------- */

static void kana_initial_follows_hepburn(void **state)
{
	static const struct { const char *kana; char want; } cases[] = {
		{ "やまだ", 'Y' }, { "ジョウ", 'J' }, { "ｼﾞｮｳ", 'J' },
		{ "あ", 'A' }, { "い", 'I' }, { "う", 'U' }, { "え", 'E' }, { "お", 'O' },
		{ "が", 'G' }, { "ざ", 'Z' }, { "じ", 'J' }, { "だ", 'D' }, { "ぢ", 'J' },
		{ "づ", 'Z' }, { "ば", 'B' }, { "ぱ", 'P' }, { "し", 'S' }, { "ち", 'C' },
		{ "つ", 'T' }, { "ふ", 'F' }, { "ん", 'N' }, { "を", 'O' }, { "ゔ", 'V' },
		{ "きょう", 'K' }, { "しょう", 'S' }, { "ちょう", 'C' }, { "じゅん", 'J' },
		{ "ひろし", 'H' }, { "まさお", 'M' }, { "りょう", 'R' }, { "わたなべ", 'W' },
		{ "ヴィ", 'V' }, { "ヷ", 'V' }, { "ﾊﾟﾝ", 'P' }, { "っと", 'T' },
		{ "  　やまだ", 'Y' }, { "Smith", 'S' }, { "ｓｍｉｔｈ", 'S' }, { "émile", 'E' },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (text_kana_initial(cases[i].kana) != cases[i].want)
			fail_msg("%s: got '%c', want '%c'", cases[i].kana,
				 text_kana_initial(cases[i].kana), cases[i].want);
}

static void kana_initial_is_zero_without_kana_or_latin(void **state)
{
	assert_int_equal(text_kana_initial("山田"), 0);
	assert_int_equal(text_kana_initial(""), 0);
	assert_int_equal(text_kana_initial("123"), 0);
	assert_int_equal(text_kana_initial("ー"), 0);
	assert_int_equal(text_kana_initial("っ"), 0);
	assert_int_equal(text_kana_initial("\xFF"), 0);
}

static void initials_take_one_letter_per_part_of_the_reading(void **state)
{
	assert_str_free(text_initials("やまだ たろう"), "Y.T.");
	assert_str_free(text_initials("ヤマダ　タロウ"), "Y.T.");
	assert_str_free(text_initials("ｼﾞｮｳ ｹﾝ"), "J.K.");
	assert_str_free(text_initials("ちば　しょうこ"), "C.S.");
	assert_str_free(text_initials("ジョン・スミス"), "J.S.");
	assert_str_free(text_initials("  さとう   はなこ  "), "S.H.");
	assert_str_free(text_initials("やまだ"), "Y.");
}

static void initials_mark_a_part_without_an_initial_with_a_question_mark(void **state)
{
	assert_str_free(text_initials("山田 たろう"), "?.T.");
	assert_str_free(text_initials(""), "");
	assert_str_free(text_initials(NULL), "");
}

static long num(const char *s, const char *prefix, const char *suffix)
{
	long v = -42;
	return text_parse_number(s, prefix, suffix, &v) ? v : -1;
}

/* Numbers as the certificate prints them and a worker copies them. */
static void numbers_are_read_as_people_write_them(void **state)
{
	(void)state;
	assert_int_equal(num("9300", NULL, "円"), 9300);
	assert_int_equal(num("9,300", NULL, "円"), 9300);
	assert_int_equal(num("9,300円", NULL, "円"), 9300);
	assert_int_equal(num("９，３００円", NULL, "円"), 9300);
	assert_int_equal(num("￥9,300", NULL, "円"), 9300);
	assert_int_equal(num(" 37,200 円 ", NULL, "円"), 37200);
	assert_int_equal(num("1,000,000", NULL, NULL), 1000000);
	assert_int_equal(num("区分3", "区分", NULL), 3);
	assert_int_equal(num("区分　３", "区分", NULL), 3);
	assert_int_equal(num("３", "区分", NULL), 3);
	assert_int_equal(num("93,00", NULL, "円"), -1);
	assert_int_equal(num("9300,000", NULL, NULL), -1);
	assert_int_equal(num(",300", NULL, NULL), -1);
	assert_int_equal(num("9,300ドル", NULL, "円"), -1);
	assert_int_equal(num("区分3", NULL, NULL), -1);
	assert_int_equal(num("3区分", "区分", NULL), -1);
	assert_int_equal(num("", NULL, NULL), -1);
	assert_int_equal(num("99999999999999999999", NULL, NULL), -1);
}

/* text_fold's shortcut for plain text gives what the full Unicode
 * mapping gives: every code point the shortcut takes, alone, between
 * letters, after a space and next to a combining mark (which sends the
 * text the long way), and whole sentences of notes. */
static void fold_shortcut_agrees_with_the_full_mapping(void **state)
{
	static const int32_t ranges[][2] = {
		{ 0x01, 0x1F }, { 0x20, 0x7F }, { 0x3001, 0x3002 }, { 0x301C, 0x301C }, { 0x300C, 0x300F },
		{ 0x3041, 0x3096 }, { 0x30A1, 0x30FC }, { 0x4E00, 0x9FFF }, { 0xFF01, 0xFF5E },
	};
	static const char *const texts[] = {
		"母から電話。ヘルパーの曜日を変えたい\n次回は 12/3（木）",
		"ＡＢＣ　ｄｅｆ　１２３ ﾍﾙﾊﾟｰ 髙橋 「就労継続支援Ｂ型」",
		"作業所に週4日通えている。\r\n\t昼食もとれている。",
		"  Visit\fto  the OFFICE  ", "", "〜1〜3～",
	};
	(void)state;
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
			char c[8], buf[4][32];
			c[text_encode(cp, c)] = '\0';
			snprintf(buf[0], sizeof buf[0], "%s", c);
			snprintf(buf[1], sizeof buf[1], "aB%sQz", c);
			snprintf(buf[2], sizeof buf[2], "x %s", c);
			snprintf(buf[3], sizeof buf[3], "%s\xE3\x82\x99", c);
			for (int k = 0; k < 4; k++) {
				char *a = text_fold(buf[k]), *b = text_fold_full(buf[k]);
				if (strcmp(a, b) != 0)
					fail_msg("U+%04X in '%s': shortcut '%s', full '%s'", (unsigned)cp, buf[k], a, b);
				free(a);
				free(b);
			}
		}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *a = text_fold(texts[i]), *b = text_fold_full(texts[i]);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_shortcut_agrees_with_the_full_mapping),
		cmocka_unit_test(fit_of_kana_and_kanji_agrees_with_cp_width),
		cmocka_unit_test(sanitize_appends_and_answers_the_same_the_second_time),
		cmocka_unit_test(valid_utf8_accepts_ascii_kana_kanji_and_emoji),
		cmocka_unit_test(valid_utf8_accepts_every_boundary_code_point),
		cmocka_unit_test(valid_utf8_rejects_overlong_forms_at_their_offset),
		cmocka_unit_test(valid_utf8_rejects_surrogates),
		cmocka_unit_test(valid_utf8_rejects_code_points_beyond_10ffff),
		cmocka_unit_test(valid_utf8_rejects_truncated_sequences),
		cmocka_unit_test(decode_gives_length_and_code_point_or_zero_and_fffd),
		cmocka_unit_test(encode_round_trips_through_decode),
		cmocka_unit_test(encode_writes_fffd_for_surrogates_and_out_of_range),
		cmocka_unit_test(chars_counts_code_points_and_each_invalid_byte),
		cmocka_unit_test(cp_width_agrees_with_wcwidth_under_c_utf8),
		cmocka_unit_test(cp_width_outside_utf8_locale_matches_wcwidth_on_japanese_blocks),
		cmocka_unit_test(cp_width_of_controls_is_zero),
		cmocka_unit_test(width_sums_kanji_halfwidth_kana_and_ascii),
		cmocka_unit_test(width_counts_an_invalid_byte_as_one_column),
		cmocka_unit_test(fit_never_splits_a_wide_character_at_the_edge),
		cmocka_unit_test(fit_takes_everything_that_fits_and_nothing_for_zero_columns),
		cmocka_unit_test(fit_keeps_a_combining_mark_with_its_base),
		cmocka_unit_test(cut_ends_with_an_ellipsis_and_never_splits_a_wide_character),
		cmocka_unit_test(fit_keeps_a_combining_mark_after_ascii_at_the_edge),
		cmocka_unit_test(sb_addf_formats_across_the_buffer_s_growth),
		cmocka_unit_test(fold_makes_halfwidth_katakana_katakana_and_hiragana_one_key),
		cmocka_unit_test(fold_makes_fullwidth_letters_and_digits_lowercase_ascii),
		cmocka_unit_test(fold_collapses_spaces_to_one_ascii_space_and_trims),
		cmocka_unit_test(fold_keeps_the_long_vowel_mark_and_maps_vu_and_small_kana),
		cmocka_unit_test(fold_drops_invalid_bytes_and_controls),
		cmocka_unit_test(fold_unifies_name_variant_kanji_but_not_distinct_names),
		cmocka_unit_test(fold_unifies_wave_dashes_and_hyphens),
		cmocka_unit_test(fold_sort_keys_follow_gojuon_order),
		cmocka_unit_test(fold_contains_matches_across_kana_forms_and_widths),
		cmocka_unit_test(sanitize_turns_escape_sequences_into_caret_notation),
		cmocka_unit_test(sanitize_shows_c1_controls_as_code_points),
		cmocka_unit_test(sanitize_shows_bidi_and_invisible_format_characters),
		cmocka_unit_test(sanitize_shows_invalid_bytes_as_hex),
		cmocka_unit_test(sanitize_tab_becomes_space_and_newline_depends_on_multiline),
		cmocka_unit_test(sanitize_leaves_japanese_text_and_private_use_alone),
		cmocka_unit_test(trim_removes_ascii_and_ideographic_space_at_both_ends_only),
		cmocka_unit_test(kana_initial_follows_hepburn),
		cmocka_unit_test(numbers_are_read_as_people_write_them),
		cmocka_unit_test(kana_initial_is_zero_without_kana_or_latin),
		cmocka_unit_test(initials_take_one_letter_per_part_of_the_reading),
		cmocka_unit_test(initials_mark_a_part_without_an_initial_with_a_question_mark),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
