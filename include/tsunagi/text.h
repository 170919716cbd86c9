/*
 * text.h - UTF-8 text: validation, display width, folding for search and
 * sort keys, and the sanitizer that keeps stored text from ever reaching a
 * terminal or a report raw.  Nothing here rewrites stored text: folding
 * and sanitizing return new strings.
 */
#ifndef TSUNAGI_TEXT_H
#define TSUNAGI_TEXT_H

/* The longest name (a person, kana, an office) in characters: the
 * database's limit (STORE_NAME_MAX) and the config file's. */
#define TEXT_NAME_MAX 100

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/xalloc.h"

/* True when s[0..n) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF).
 * On false, *bad (if given) is the byte offset of the first bad byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);

/* Decode one code point at s (n bytes available).  Returns the byte length
 * (1..4) and stores the code point, or returns 0 and stores U+FFFD for an
 * invalid sequence (the caller should skip one byte). */
size_t text_decode(const char *s, size_t n, int32_t *cp);
/* Encode cp into buf (4 bytes); returns the length. */
size_t text_encode(int32_t cp, char *buf);

/* Display width in terminal columns of one code point and of a string, as
 * ncursesw draws it under a UTF-8 locale: East Asian wide and full-width
 * 2, combining marks 0, ambiguous-width 1, controls 0 (they are sanitized
 * before drawing anyway). */
int text_cp_width(int32_t cp);
int text_width(const char *s);
int text_width_n(const char *s, size_t n);

/* The longest prefix of s that fits in cols columns, as a byte length;
 * never splits a character.  *used (if given) gets its width. */
size_t text_fit(const char *s, int cols, int *used);

/* s cut to cols columns (caller frees): a copy when it fits; otherwise
 * the longest prefix that fits in cols - 1 columns followed by "…"
 * (U+2026, one column), so a cut shows; never splits a character.
 * Empty for cols <= 0. */
char *text_cut(const char *s, int cols);

/* Number of code points in s. */
size_t text_chars(const char *s);

/*
 * Folding for search and sort keys (caller frees): NFKC (half-width
 * katakana to full-width, full-width ASCII to ASCII), case folding, and
 * katakana to hiragana, so "ﾔﾏﾀﾞ", "ヤマダ", "やまだ" give one key.
 * Also: runs of spaces (U+3000 included) become one ASCII space, with none
 * at the ends; hyphen and dash variants become '-', 〜 and ～ become '~';
 * zero-width characters and variation selectors are dropped; common
 * variant kanji of names fold to the usual form (髙 -> 高, 﨑 -> 崎).
 * Invalid UTF-8 bytes are dropped from the key.
 */
char *text_fold(const char *s);
/* The same, always through the full Unicode mapping (text_fold takes a
 * shortcut for plain kana, kanji and ASCII; the tests compare the two). */
char *text_fold_full(const char *s);
/* True when needle's fold is a substring of hay's fold. */
bool text_fold_contains(const char *hay, const char *needle);

/*
 * A whole number as people write it: full-width digits, thousands
 * separators ("9,300", "９，３００"), spaces, and the word the form puts
 * around it, prefix before ("区分3") and suffix after ("9,300円"; "¥9,300"
 * too when the suffix is 円).  Either may be NULL.  False when it is not
 * such a number or does not fit in a long.
 */
bool text_parse_number(const char *s, const char *prefix, const char *suffix, long *out);

/*
 * Sanitize for display (caller frees): C0 controls and DEL become caret
 * notation (ESC -> "^[", BEL -> "^G"), C1 controls become "<U+009B>",
 * bidi overrides and other invisible format characters become "<U+202E>",
 * invalid bytes become "\xNN".  Tab becomes a space; with multiline true,
 * '\n' is kept, otherwise it becomes "^J".
 */
char *text_sanitize(const char *s, bool multiline);
/* The same, appended to b (no copy of its own). */
void text_sanitize_append(strbuf *b, const char *s, bool multiline);

/* Trim ASCII and ideographic (U+3000) space at both ends (caller frees). */
char *text_trim(const char *s);

/* First character of the romanised (Hepburn, upper case) reading of a
 * kana string: "やまだ" -> 'Y', "ジョウ" -> 'J'; 0 when none. */
char text_kana_initial(const char *kana);
/* Initials of a kana reading, one per part separated by spaces (ASCII or
 * U+3000) or '・': "やまだ たろう" -> "Y.T.", a part without one gives
 * "?." (caller frees). */
char *text_initials(const char *kana);

#endif
