/*
 * test_encoding.c - the rules of encoding.c: names, CP932 and EUC-JP round
 * trips with the Windows characters office files carry, and failures that
 * say exactly where they are and return nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/encoding.h"

/* Converts in (length n) and expects success; returns the output. */
static char *convert_ok(enum enc from, enum enc to, const char *in, size_t n, size_t *outlen)
{
	char *out = NULL;
	enc_fail fail;
	tsu_err e = { 0 };

	int rc = enc_convert(from, to, in, n, &out, outlen, &fail, &e);
	if (rc != TSU_OK)
		fail_msg("%s -> %s: %s", enc_name(from), enc_name(to), e.msg);
	assert_non_null(out);
	assert_int_equal(out[*outlen], '\0');
	return out;
}

/* Converts and expects failure with nothing returned; fills fail and e. */
static void convert_fails(enum enc from, enum enc to, const char *in, size_t n,
			  enc_fail *fail, tsu_err *e)
{
	char *out = (char *)"untouched";
	size_t outlen = 99;

	assert_int_equal(enc_convert(from, to, in, n, &out, &outlen, fail, e), TSU_EINVAL);
	assert_null(out);
	assert_int_equal(outlen, 0);
	assert_int_equal(e->code, TSU_EINVAL);
	assert_null(strchr(e->msg, '\n'));
}

/* ---- names ---------------------------------------------------------------- */

static void from_name_accepts_every_listed_name_in_any_case(void **state)
{
	static const struct { const char *name; enum enc enc; } cases[] = {
		{ "utf-8", ENC_UTF8 }, { "UTF8", ENC_UTF8 }, { "Utf-8", ENC_UTF8 },
		{ "cp932", ENC_CP932 }, { "CP932", ENC_CP932 }, { "sjis", ENC_CP932 },
		{ "Shift_JIS", ENC_CP932 }, { "windows-31j", ENC_CP932 },
		{ "Windows-31J", ENC_CP932 }, { "euc-jp", ENC_EUCJP }, { "EUC-JP", ENC_EUCJP },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum enc got = (enum enc)-1;
		tsu_err e = { 0 };
		assert_int_equal(enc_from_name(cases[i].name, &got, &e), TSU_OK);
		assert_int_equal(got, cases[i].enc);
	}
}

static void from_name_rejects_unknown_names_listing_the_accepted_ones(void **state)
{
	enum enc got = ENC_EUCJP;
	tsu_err e = { 0 };

	assert_int_equal(enc_from_name("latin1", &got, &e), TSU_EINVAL);
	assert_int_equal(got, ENC_EUCJP);
	assert_non_null(strstr(e.msg, "latin1"));
	assert_non_null(strstr(e.msg, "utf-8"));
	assert_non_null(strstr(e.msg, "cp932"));
	assert_non_null(strstr(e.msg, "euc-jp"));
	assert_int_equal(enc_from_name("", &got, &e), TSU_EINVAL);
	assert_int_equal(enc_from_name(NULL, &got, NULL), TSU_EINVAL);
	/* a hostile name is shown sanitized */
	assert_int_equal(enc_from_name("x\x1b[2J", &got, &e), TSU_EINVAL);
	assert_null(strchr(e.msg, 0x1b));
}

static void name_gives_the_iconv_spelling(void **state)
{
	assert_string_equal(enc_name(ENC_UTF8), "UTF-8");
	assert_string_equal(enc_name(ENC_CP932), "CP932");
	assert_string_equal(enc_name(ENC_EUCJP), "EUC-JP");
}

/* ---- round trips ------------------------------------------------------------ */

static void cp932_round_trips_windows_characters_with_their_bytes(void **state)
{
	const char *text = "髙﨑①㈱～";
	static const char want[] = "\xFB\xFC" "\xFA\xB1" "\x87\x40" "\x87\x8A" "\x81\x60";
	size_t n, m;
	char *sjis = convert_ok(ENC_UTF8, ENC_CP932, text, strlen(text), &n);

	assert_int_equal(n, sizeof want - 1);
	assert_memory_equal(sjis, want, n);
	char *back = convert_ok(ENC_CP932, ENC_UTF8, sjis, n, &m);
	assert_int_equal(m, strlen(text));
	assert_string_equal(back, text);
	free(sjis);
	free(back);
}

static void cp932_writes_wave_dash_like_fullwidth_tilde(void **state)
{
	size_t n;
	char *sjis = convert_ok(ENC_UTF8, ENC_CP932, "1〜3", strlen("1〜3"), &n);

	assert_int_equal(n, 4);
	assert_memory_equal(sjis, "1\x81\x60" "3", 4);
	free(sjis);
}

static void cp932_halfwidth_katakana_is_one_byte_each(void **state)
{
	size_t n;
	char *sjis = convert_ok(ENC_UTF8, ENC_CP932, "ｱｲｳ", strlen("ｱｲｳ"), &n);

	assert_int_equal(n, 3);
	assert_memory_equal(sjis, "\xB1\xB2\xB3", 3);
	free(sjis);
	char *u8 = convert_ok(ENC_CP932, ENC_UTF8, "\xB1", 1, &n);
	assert_string_equal(u8, "ｱ");
	free(u8);
}

static void eucjp_round_trips_kanji_and_kana(void **state)
{
	const char *text = "山田太郎 やまだ たろう ヤマダ 相談支援";
	size_t n, m;
	char *euc = convert_ok(ENC_UTF8, ENC_EUCJP, text, strlen(text), &n);

	assert_memory_equal(euc, "\xBB\xB3\xC5\xC4", 4);    /* 山田 */
	char *back = convert_ok(ENC_EUCJP, ENC_UTF8, euc, n, &m);
	assert_string_equal(back, text);
	free(euc);
	free(back);
}

static void cp932_to_eucjp_goes_through_unicode(void **state)
{
	size_t n;
	char *euc = convert_ok(ENC_CP932, ENC_EUCJP, "\x82\xA0\x88\x9F", 4, &n);   /* あ亜 */

	assert_int_equal(n, 4);
	assert_memory_equal(euc, "\xA4\xA2\xB0\xA1", 4);
	free(euc);
}

static void utf8_to_utf8_copies_valid_text(void **state)
{
	size_t n;
	char *out = convert_ok(ENC_UTF8, ENC_UTF8, "やまだ", strlen("やまだ"), &n);

	assert_string_equal(out, "やまだ");
	free(out);
}

static void empty_input_gives_empty_output(void **state)
{
	size_t n = 99;
	char *out = convert_ok(ENC_UTF8, ENC_CP932, "", 0, &n);

	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	free(out);
}

static void output_larger_than_twice_the_input_grows_the_buffer(void **state)
{
	enum { N = 20000 };
	char *in = malloc(N);
	size_t n;

	memset(in, '\xB1', N);    /* ｱ: one byte in CP932, three in UTF-8 */
	char *out = convert_ok(ENC_CP932, ENC_UTF8, in, N, &n);
	assert_int_equal(n, 3 * N);
	for (size_t i = 0; i < n; i += 3)
		assert_memory_equal(out + i, "ｱ", 3);
	free(in);
	free(out);
}

/* ---- failures -------------------------------------------------------------- */

static void missing_emoji_in_cp932_is_placed_by_char_and_byte(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_UTF8, ENC_CP932, "abc😀", strlen("abc😀"), &f, &e);
	assert_int_equal(f.char_index, 3);
	assert_int_equal(f.byte_offset, 3);
	assert_int_equal(f.cp, 0x1F600);
	assert_string_equal(e.msg, "character '😀' (U+1F600) at position 4 cannot be written in CP932; replace it or write UTF-8");
}

static void e_acute_is_missing_from_cp932_but_not_eucjp(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };
	size_t n;

	convert_fails(ENC_UTF8, ENC_CP932, "あé", strlen("あé"), &f, &e);
	assert_int_equal(f.char_index, 1);
	assert_int_equal(f.byte_offset, 3);
	assert_int_equal(f.cp, 0xE9);
	assert_non_null(strstr(e.msg, "U+00E9"));
	/* EUC-JP has it from JIS X 0212 */
	char *euc = convert_ok(ENC_UTF8, ENC_EUCJP, "é", strlen("é"), &n);
	assert_memory_equal(euc, "\x8F\xAB\xB1", 3);
	free(euc);
}

static void circled_digit_is_missing_from_eucjp(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_UTF8, ENC_EUCJP, "山田①", strlen("山田①"), &f, &e);
	assert_int_equal(f.char_index, 2);
	assert_int_equal(f.byte_offset, 6);
	assert_int_equal(f.cp, 0x2460);
	assert_string_equal(e.msg, "character '①' (U+2460) at position 3 cannot be written in EUC-JP; replace it or write UTF-8");
}

static void missing_character_from_cp932_input_is_placed_in_the_input(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	/* ｱあ① in CP932: ① is at input byte 3, character 2 */
	convert_fails(ENC_CP932, ENC_EUCJP, "\xB1\x82\xA0\x87\x40", 5, &f, &e);
	assert_int_equal(f.byte_offset, 3);
	assert_int_equal(f.char_index, 2);
	assert_int_equal(f.cp, 0x2460);
}

static void invisible_missing_character_is_named_by_code_point_only(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_UTF8, ENC_CP932, "a\xE2\x80\xAE" "b", 5, &f, &e);
	assert_int_equal(f.cp, 0x202E);
	assert_string_equal(e.msg, "character U+202E at position 2 cannot be written in CP932; remove it or write UTF-8");
}

static void broken_cp932_byte_is_reported_with_its_offset(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	/* あ then 0x82 followed by a space, which is no trail byte */
	convert_fails(ENC_CP932, ENC_UTF8, "\x82\xA0\x82 x", 5, &f, &e);
	assert_int_equal(f.byte_offset, 2);
	assert_int_equal(f.char_index, 1);
	assert_int_equal(f.cp, -1);
	assert_string_equal(e.msg, "byte 0x82 at offset 2 is not valid CP932; check the file's encoding");

	convert_fails(ENC_CP932, ENC_UTF8, "abc\xFF", 4, &f, &e);
	assert_int_equal(f.byte_offset, 3);
	assert_int_equal(f.cp, -1);
}

static void cp932_cut_in_a_character_says_so(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_CP932, ENC_UTF8, "a\x82", 2, &f, &e);
	assert_int_equal(f.byte_offset, 1);
	assert_int_equal(f.char_index, 1);
	assert_int_equal(f.cp, -1);
	assert_non_null(strstr(e.msg, "ends in the middle of a CP932 character"));
}

static void invalid_utf8_input_is_reported_before_encoding(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_UTF8, ENC_CP932, "あ\xFFい", 7, &f, &e);
	assert_int_equal(f.byte_offset, 3);
	assert_int_equal(f.char_index, 1);
	assert_int_equal(f.cp, -1);
	assert_string_equal(e.msg, "byte 0xFF at offset 3 is not valid UTF-8; check the file's encoding");

	/* an overlong '/' is not let through to iconv */
	convert_fails(ENC_UTF8, ENC_UTF8, "a\xC0\xAF", 3, &f, &e);
	assert_int_equal(f.byte_offset, 1);
}

static void broken_eucjp_byte_is_reported(void **state)
{
	enc_fail f;
	tsu_err e = { 0 };

	convert_fails(ENC_EUCJP, ENC_UTF8, "\xA4\xA2\xA4", 3, &f, &e);
	assert_int_equal(f.byte_offset, 2);
	assert_int_equal(f.char_index, 1);
	assert_non_null(strstr(e.msg, "EUC-JP"));
}

static void failure_without_fail_or_err_still_returns_nothing(void **state)
{
	char *out = NULL;
	size_t n = 5;

	assert_int_equal(enc_convert(ENC_UTF8, ENC_CP932, "😀", 4, &out, &n, NULL, NULL), TSU_EINVAL);
	assert_null(out);
	assert_int_equal(n, 0);
}

/* ---- guessing -------------------------------------------------------------- */

static void guess_says_utf8_for_valid_utf8_or_a_bom_else_cp932(void **state)
{
	assert_int_equal(enc_guess("", 0), ENC_UTF8);
	assert_int_equal(enc_guess("name,kana\n", 10), ENC_UTF8);
	assert_int_equal(enc_guess("山田", strlen("山田")), ENC_UTF8);
	assert_int_equal(enc_guess("\xEF\xBB\xBF" "a", 4), ENC_UTF8);
	assert_int_equal(enc_guess("\xEF\xBB\xBF\x82\xA0", 5), ENC_UTF8);
	assert_int_equal(enc_guess("\x8E\x52\x93\x63", 4), ENC_CP932);   /* 山田 */
	assert_int_equal(enc_guess("\xB1\xB2", 2), ENC_CP932);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(from_name_accepts_every_listed_name_in_any_case),
		cmocka_unit_test(from_name_rejects_unknown_names_listing_the_accepted_ones),
		cmocka_unit_test(name_gives_the_iconv_spelling),
		cmocka_unit_test(cp932_round_trips_windows_characters_with_their_bytes),
		cmocka_unit_test(cp932_writes_wave_dash_like_fullwidth_tilde),
		cmocka_unit_test(cp932_halfwidth_katakana_is_one_byte_each),
		cmocka_unit_test(eucjp_round_trips_kanji_and_kana),
		cmocka_unit_test(cp932_to_eucjp_goes_through_unicode),
		cmocka_unit_test(utf8_to_utf8_copies_valid_text),
		cmocka_unit_test(empty_input_gives_empty_output),
		cmocka_unit_test(output_larger_than_twice_the_input_grows_the_buffer),
		cmocka_unit_test(missing_emoji_in_cp932_is_placed_by_char_and_byte),
		cmocka_unit_test(e_acute_is_missing_from_cp932_but_not_eucjp),
		cmocka_unit_test(circled_digit_is_missing_from_eucjp),
		cmocka_unit_test(missing_character_from_cp932_input_is_placed_in_the_input),
		cmocka_unit_test(invisible_missing_character_is_named_by_code_point_only),
		cmocka_unit_test(broken_cp932_byte_is_reported_with_its_offset),
		cmocka_unit_test(cp932_cut_in_a_character_says_so),
		cmocka_unit_test(invalid_utf8_input_is_reported_before_encoding),
		cmocka_unit_test(broken_eucjp_byte_is_reported),
		cmocka_unit_test(failure_without_fail_or_err_still_returns_nothing),
		cmocka_unit_test(guess_says_utf8_for_valid_utf8_or_a_bom_else_cp932),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
