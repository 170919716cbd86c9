/*
 * text.c - UTF-8 text: strict decoding, terminal display width, search and
 * sort keys (folding), the display sanitizer, trimming and kana initials.
 *
 * Everything that reads user text goes through here, so the rules for what
 * is valid, how wide it is on screen and what counts as "the same name"
 * live in one place.  The functions never modify their input.
 */
#include <langinfo.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* ---- decoding and validation ---------------------------------------- */

/* Continuation byte range allowed right after lead byte b0 (RFC 3629
 * table): this is what rejects overlongs, surrogates and > U+10FFFF. */
static void second_byte_range(unsigned char b0, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (b0 == 0xE0)
		*lo = 0xA0;
	else if (b0 == 0xED)
		*hi = 0x9F;
	else if (b0 == 0xF0)
		*lo = 0x90;
	else if (b0 == 0xF4)
		*hi = 0x8F;
}

size_t text_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo, hi;
	size_t len;
	int32_t c;

	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2;
		c = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		c = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	second_byte_range(p[0], &lo, &hi);
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	*cp = c;
	return len;
}

size_t text_encode(int32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | (cp >> 18));
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = text_decode(s + i, n - i, &cp);
		if (len == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

size_t text_chars(const char *s)
{
	size_t n = 0, len = strlen(s);
	int32_t cp;

	for (size_t i = 0; i < len; n++) {
		size_t k = text_decode(s + i, len - i, &cp);
		i += k ? k : 1;
	}
	return n;
}

/* ---- display width --------------------------------------------------- */

/*
 * Why wcwidth first: ncursesw places characters by the C library's
 * wcwidth(), so under a UTF-8 locale the only width that keeps our
 * columns in step with what it draws is wcwidth's own answer.  glibc and
 * utf8proc agree on everything Japanese text uses (kana, kanji, full-width
 * forms 2; half-width katakana and ambiguous ○※→─① 1), but differ on
 * spacing combining marks of Indic scripts, Hangul medial jamo, and a few
 * symbols such as U+3248..U+324F and U+4DC0..U+4DFF, which glibc makes
 * wide.  Outside a UTF-8 locale (tests, reports written under LANG=C)
 * wcwidth knows nothing beyond ASCII, so utf8proc's table is used:
 * ambiguous 1, combining 0, controls 0.  wcwidth's -1 (controls,
 * unassigned) is never passed on: controls are 0 and anything else falls
 * back to utf8proc.
 */
static bool ctype_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int cp_width(int32_t cp, bool use_wcwidth)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x7F)
		return 1;
	if (cp > 0x10FFFF)
		return 1;
	if (use_wcwidth) {
		int w = wcwidth((wchar_t)cp);
		if (w >= 0)
			return w;
	}
	return utf8proc_charwidth(cp);
}

int text_cp_width(int32_t cp)
{
	return cp_width(cp, ctype_is_utf8());
}

/* An invalid byte counts one column: it is drawn as one replacement
 * glyph by a terminal and as "\xNN" once sanitized. */
int text_width_n(const char *s, size_t n)
{
	bool wc = ctype_is_utf8();
	int w = 0;
	int32_t cp;

	for (size_t i = 0; i < n;) {
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			w++;
			i++;
			continue;
		}
		w += cp_width(cp, wc);
		i += k;
	}
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* Whether s starts with hiragana (U+3041..U+3096), katakana
 * (U+30A1..U+30FA) or a CJK unified ideograph (U+4E00..U+9FFF): two
 * columns under both width tables (glibc's wcwidth in any UTF-8 locale,
 * utf8proc's; test_text checks every one), so names need no lookup.
 * Lead bytes E3..E9 take any continuation byte. */
static bool wide_kana_kanji(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t cp;

	if (n < 3 || p[0] < 0xE3 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return false;
	cp = (int32_t)((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
	return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* Zero-width characters (combining marks) right after the last character
 * that fits are kept with it, so a base is never parted from its mark. */
size_t text_fit(const char *s, int cols, int *used)
{
	int wc = -1;    /* ctype_is_utf8(), asked at the first non-ASCII */
	size_t n = strlen(s), i = 0;
	int w = 0;
	int32_t cp;

	if (cols < 0)
		cols = 0;
	while (i < n) {
		size_t k;
		int cw;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			if (w >= cols)
				break;
			w++;
			i++;
			continue;
		}
		if (wide_kana_kanji(s + i, n - i)) {
			k = 3;
			cw = 2;
		} else {
			if (wc < 0)
				wc = ctype_is_utf8();
			k = text_decode(s + i, n - i, &cp);
			cw = k ? cp_width(cp, wc) : 1;
		}
		if (w + cw > cols)
			break;
		w += cw;
		i += k ? k : 1;
	}
	if (used)
		*used = w;
	return i;
}

char *text_cut(const char *s, int cols)
{
	int used = 0;
	size_t n;

	if (cols <= 0)
		return xstrdup("");
	n = text_fit(s, cols, &used);
	if (!s[n])
		return xstrdup(s);
	n = text_fit(s, cols - 1, NULL);
	return xasprintf("%.*s\xE2\x80\xA6", (int)n, s); /* U+2026 */
}

/* ---- folding ---------------------------------------------------------- */

/*
 * Variant kanji common in personal and place names, folded to the form an
 * IME offers first, so a search for 高橋 finds 髙橋.  Only variants of one
 * character are listed, never distinct names (斎藤 and 斉藤 stay apart).
 * Sorted by the variant for bsearch.
 */
static const struct kanji_variant { int32_t from, to; } kanji_variants[] = {
	{ 0x5152, 0x5150 }, /* 兒 -> 児 */
	{ 0x51A8, 0x5BCC }, /* 冨 -> 富 */
	{ 0x570B, 0x56FD }, /* 國 -> 国 */
	{ 0x5713, 0x5186 }, /* 圓 -> 円 */
	{ 0x58FD, 0x5BFF }, /* 壽 -> 寿 */
	{ 0x5BE6, 0x5B9F }, /* 實 -> 実 */
	{ 0x5D5C, 0x5D0E }, /* 嵜 -> 崎 */
	{ 0x5EE3, 0x5E83 }, /* 廣 -> 広 */
	{ 0x5FB7, 0x5FB3 }, /* 德 -> 徳 */
	{ 0x60E0, 0x6075 }, /* 惠 -> 恵 */
	{ 0x66FB, 0x6607 }, /* 曻 -> 昇 */
	{ 0x689D, 0x6761 }, /* 條 -> 条 */
	{ 0x69C7, 0x69D9 }, /* 槇 -> 槙 */
	{ 0x6AFB, 0x685C }, /* 櫻 -> 桜 */
	{ 0x6FA4, 0x6CA2 }, /* 澤 -> 沢 */
	{ 0x6FF1, 0x6D5C }, /* 濱 -> 浜 */
	{ 0x6FF5, 0x6D5C }, /* 濵 -> 浜 */
	{ 0x7028, 0x702C }, /* 瀨 -> 瀬 */
	{ 0x771E, 0x771F }, /* 眞 -> 真 */
	{ 0x85CF, 0x8535 }, /* 藏 -> 蔵 */
	{ 0x9089, 0x8FBA }, /* 邉 -> 辺 */
	{ 0x908A, 0x8FBA }, /* 邊 -> 辺 */
	{ 0x9AD9, 0x9AD8 }, /* 髙 -> 高 */
	{ 0x9F4A, 0x6589 }, /* 齊 -> 斉 */
	{ 0x9F4B, 0x658E }, /* 齋 -> 斎 */
	{ 0xFA11, 0x5D0E }, /* 﨑 -> 崎 */
};

static int variant_cmp(const void *key, const void *elem)
{
	int32_t k = *(const int32_t *)key;
	int32_t f = ((const struct kanji_variant *)elem)->from;

	return (k > f) - (k < f);
}

static int32_t fold_kanji(int32_t cp)
{
	const struct kanji_variant *v;

	if (cp < 0x5152 || cp > 0xFA11)
		return cp;
	v = bsearch(&cp, kanji_variants, sizeof kanji_variants / sizeof kanji_variants[0],
		    sizeof kanji_variants[0], variant_cmp);
	return v ? v->to : cp;
}

/* The input with invalid bytes dropped.  WAVE DASH U+301C becomes '~'
 * here, before utf8proc's lumping would make it '-': people write
 * "1〜3" and "1～3" (which NFKC makes "1~3") for the same range. */
static char *fold_clean(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1), *w = out;
	int32_t cp;

	for (size_t i = 0; i < n;) {
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (cp == 0x301C) {
			*w++ = '~';
		} else {
			memcpy(w, s + i, k);
			w += k;
		}
		i += k;
	}
	*w = '\0';
	return out;
}

/* Append the hiragana for one code point of NFKC output (katakana
 * U+30A1..U+30F6 shift down by 0x60; ヷヸヹヺ have no precomposed
 * hiragana and become the base plus a combining voiced mark). */
static void add_folded_cp(strbuf *b, int32_t cp)
{
	char buf[8];
	size_t k;

	if (cp >= 0x30A1 && cp <= 0x30F6)
		cp -= 0x60;
	else if (cp == 0x30FD || cp == 0x30FE)
		cp -= 0x60;    /* ヽヾ -> ゝゞ */
	else if (cp >= 0x30F7 && cp <= 0x30FA) {
		static const int32_t base[] = { 0x308F, 0x3090, 0x3091, 0x3092 };
		k = text_encode(base[cp - 0x30F7], buf);
		k += text_encode(0x3099, buf + k);
		sb_addn(b, buf, k);
		return;
	} else
		cp = fold_kanji(cp);
	k = text_encode(cp, buf);
	sb_addn(b, buf, k);
}

/* Whether cp is one whose NFKC, case fold, ignorable and lump mapping
 * (below) is at most a shift to ASCII, so text made only of such code
 * points folds without utf8proc: hiragana, katakana and ー, the CJK
 * unified ideographs, 、。「」『』, printable ASCII, tab, newline, form
 * feed and carriage return (which STRIPCC makes spaces), and the
 * full-width ASCII forms.  test_text checks every one of them against
 * the full mapping (text_fold_full). */
static bool fast_cp(int32_t cp)
{
	return (cp >= 0x20 && cp <= 0x7E) || cp == 0x09 || cp == 0x0A || cp == 0x0C || cp == 0x0D ||
	       (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FC ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3001 || cp == 0x3002 ||
	       (cp >= 0x300C && cp <= 0x300F) || (cp >= 0xFF01 && cp <= 0xFF5E);
}

/* The whole fold in one pass for text made only of fast_cp code points
 * (and 〜, which fold_clean makes '~'): full-width ASCII to ASCII,
 * letters to lower case, runs of spaces and line breaks to one space,
 * katakana to hiragana, variant kanji to the usual form.  NULL when some
 * code point is not one of them. */
static char *fast_fold(const char *s)
{
	size_t n = strlen(s), w = 0;
	char *out = xmalloc(2 * n + 1);
	bool space = false;
	int32_t cp;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (c < 0x80) {
			cp = c;
			k = 1;
		} else if (c >= 0xE1 && c <= 0xEC && i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
			   ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			/* Three bytes, U+1000..U+CFFF: kana and kanji, inline. */
			cp = (c & 0x0F) << 12 | ((unsigned char)s[i + 1] & 0x3F) << 6 | ((unsigned char)s[i + 2] & 0x3F);
			k = 3;
			if (!fast_cp(cp)) {
				free(out);
				return NULL;
			}
		} else {
			k = text_decode(s + i, n - i, &cp);
			if (k == 0 || (cp != 0x301C && !fast_cp(cp))) {
				free(out);
				return NULL;
			}
		}
		i += k;
		if (cp == 0x301C)
			cp = '~';
		else if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) {
			if (cp == 0x0B) {
				free(out);
				return NULL;
			}
			space = w > 0;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F) {
			free(out);
			return NULL;
		}
		if (space)
			out[w++] = ' ';
		space = false;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0x30A1 && cp <= 0x30F6)
			cp -= 0x60;
		else if (cp >= 0x4E00)
			cp = fold_kanji(cp);
		if (cp < 0x80) {
			out[w++] = (char)cp;
		} else if (cp >= 0x800 && cp <= 0xFFFF) {
			out[w++] = (char)(0xE0 | cp >> 12);
			out[w++] = (char)(0x80 | (cp >> 6 & 0x3F));
			out[w++] = (char)(0x80 | (cp & 0x3F));
		} else {
			w += text_encode(cp, out + w);
		}
	}
	out[w] = '\0';
	return out;
}

static char *fold(const char *s, bool fast)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t mlen;
	char *clean, *quick;
	const char *src;
	bool space = false;
	strbuf b;
	int32_t cp;

	/* Most notes are kana, kanji and ASCII: no need for utf8proc. */
	if (fast && (quick = fast_fold(s ? s : "")) != NULL)
		return quick;
	clean = fold_clean(s ? s : "");
	/* STRIPCC turns tabs and newlines into spaces and drops other
	 * controls; IGNORE drops default-ignorables (zero-width space, soft
	 * hyphen, variation selectors, so 葛󠄀 folds to 葛); LUMP makes the
	 * many spaces and hyphens (U+3000, U+2212, U+2010) ASCII. */
	mlen = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &mapped,
			    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
			    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
			    UTF8PROC_LUMP | UTF8PROC_STRIPCC);
	if (mlen < 0) {
		/* Only out of memory can fail on valid input; keep going
		 * with the unnormalized text rather than dying. */
		free(mapped);
		mapped = NULL;
		mlen = (utf8proc_ssize_t)strlen(clean);
	}
	src = mapped ? (const char *)mapped : clean;

	sb_init(&b);
	for (size_t i = 0; i < (size_t)mlen;) {
		size_t k = text_decode(src + i, (size_t)mlen - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			sb_addc(&b, ' ');
		space = false;
		add_folded_cp(&b, cp);
	}
	free(mapped);
	free(clean);
	return b.s;    /* the buffer itself: sb_steal would start a new one */
}

char *text_fold(const char *s)
{
	return fold(s, true);
}

char *text_fold_full(const char *s)
{
	return fold(s, false);
}

bool text_fold_contains(const char *hay, const char *needle)
{
	char *h = text_fold(hay), *n = text_fold(needle);
	bool found = strstr(h, n) != NULL;

	free(h);
	free(n);
	return found;
}

/* ---- sanitizing -------------------------------------------------------- */

/*
 * Code points shown as "<U+XXXX>" rather than drawn: C1 controls, format
 * characters (bidi embeddings, overrides and isolates, LRM/RLM, zero-width
 * joiners, BOM, ...), the line and paragraph separators, and code points
 * unassigned in utf8proc's Unicode version, whose width terminals guess
 * differently.  Private-use characters (外字 from CP932 files) are kept.
 */
static bool category_as_code(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CN:
	case UTF8PROC_CATEGORY_CS:
		return true;
	default:
		return false;
	}
}

/* The answer for each code point of the BMP, looked up once per process
 * (2 bits: 0 not yet known, 1 shown, 2 as a code): a list of names asks
 * about the same few hundred kanji and kana again and again. */
static bool shown_as_code(int32_t cp)
{
	static unsigned char known[0x10000 / 4];
	unsigned sh, v;

	if (cp >= 0x80 && cp < 0xA0)
		return true;
	if (cp >= 0x10000)
		return category_as_code(cp);
	sh = ((unsigned)cp & 3) * 2;
	v = (known[cp >> 2] >> sh) & 3;
	if (!v) {
		v = category_as_code(cp) ? 2 : 1;
		known[cp >> 2] |= (unsigned char)(v << sh);
	}
	return v == 2;
}

char *text_sanitize(const char *s, bool multiline)
{
	strbuf b;

	sb_init(&b);
	text_sanitize_append(&b, s, multiline);
	return b.s;    /* the buffer itself: sb_steal would start a new one */
}

void text_sanitize_append(strbuf *out, const char *s, bool multiline)
{
	size_t n = strlen(s ? s : ""), run = 0;
	int32_t cp;

	/* Runs of characters shown as they are are copied in one piece:
	 * names and notes are nearly always nothing else. */
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		/* Kana and kanji: three bytes whose lead byte allows any
		 * continuation, decoded here rather than by text_decode. */
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			cp = (int32_t)((c & 0x0F) << 12 | ((unsigned char)s[i + 1] & 0x3F) << 6 | ((unsigned char)s[i + 2] & 0x3F));
			k = 3;
		} else {
			k = text_decode(s + i, n - i, &cp);
		}
		if (k > 0 && cp >= 0xA0 && !shown_as_code(cp)) {
			i += k;
			continue;
		}
		if (i > run)
			sb_addn(out, s + run, i - run);
		if (k == 0) {
			sb_addf(out, "\\x%02X", (unsigned)c);
			k = 1;
		} else if (cp == '\t')
			sb_addc(out, ' ');
		else if (cp == '\n' && multiline)
			sb_addc(out, '\n');
		else if (cp < 0x20) {
			sb_addc(out, '^');
			sb_addc(out, (char)(cp + 0x40));
		} else if (cp == 0x7F)
			sb_adds(out, "^?");
		else
			sb_addf(out, "<U+%04X>", (unsigned)cp);
		i += k;
		run = i;
	}
	if (n > run)
		sb_addn(out, s + run, n - run);
}

/* ---- trimming ---------------------------------------------------------- */

static size_t space_len(const char *p, const char *end)
{
	if (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
		return 1;
	if (end - p >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

char *text_trim(const char *s)
{
	const char *p = s ? s : "", *end = p + strlen(p);
	size_t k;

	while ((k = space_len(p, end)) > 0)
		p += k;
	for (;;) {
		if (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r')))
			end--;
		else if (end - p >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	return xstrndup(p, (size_t)(end - p));
}

/* ---- kana initials ----------------------------------------------------- */

/* Hepburn initial of each hiragana U+3041..U+3096; '*' marks small tsu,
 * which doubles the next consonant and so takes the next kana's initial
 * (っと -> "tto" -> T). */
static const char hira_initial[] =
	"AAIIUUEEOO"          /* ぁあぃいぅうぇえぉお */
	"KGKGKGKGKG"          /* かがきぎくぐけげこご */
	"SZSJSZSZSZ"          /* さざしじすずせぜそぞ */
	"TDCJ*TZTDTD"         /* ただちぢっつづてでとど */
	"NNNNN"               /* なにぬねの */
	"HBPHBPFBPHBPHBP"     /* はばぱひびぴふぶぷへべぺほぼぽ */
	"MMMMM"               /* まみむめも */
	"YYYYYY"              /* ゃやゅゆょよ */
	"RRRRR"               /* らりるれろ */
	"WWIEON"              /* ゎわゐゑをん */
	"VKK";                /* ゔゕゖ */

/* A Latin letter with diacritics: its base letter, else 0. */
static char latin_base(int32_t cp)
{
	utf8proc_int32_t buf[8];
	int last;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE |
						      UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
						      UTF8PROC_CASEFOLD, &last);

	if (n >= 1 && n <= 8 && buf[0] >= 'a' && buf[0] <= 'z')
		return (char)(buf[0] - 'a' + 'A');
	return 0;
}

/* The initial of an already folded string, stopping at end. */
static char folded_initial(const char *p, const char *end)
{
	int32_t cp;

	while (p < end) {
		size_t k = text_decode(p, (size_t)(end - p), &cp);
		if (k == 0)
			return 0;
		p += k;
		if (cp >= 'a' && cp <= 'z')
			return (char)(cp - 'a' + 'A');
		if (cp < 0x80)
			return 0;
		if (cp >= 0x3041 && cp <= 0x3096) {
			char c = hira_initial[cp - 0x3041];
			int32_t next = 0;
			if (c == '*')
				continue;
			/* わ゙ゐ゙ゑ゙を゙ (from ヷヸヹヺ) read va vi ve vo */
			if ((cp == 0x308F || (cp >= 0x3090 && cp <= 0x3092)) &&
			    text_decode(p, (size_t)(end - p), &next) && next == 0x3099)
				return 'V';
			return c;
		}
		return latin_base(cp);
	}
	return 0;
}

char text_kana_initial(const char *kana)
{
	char *f = text_fold(kana);
	char c = folded_initial(f, f + strlen(f));

	free(f);
	return c;
}

/* Parts are separated by spaces (ASCII or U+3000, which folding has made
 * one ASCII space) and by the middle dot of foreign names (ジョン・スミス).
 * Returns the separator's length at p, 0 when p is not one. */
static size_t part_separator(const char *p, const char *end)
{
	if (*p == ' ')
		return 1;
	if (end - p >= 3 && memcmp(p, "\xE3\x83\xBB", 3) == 0)
		return 3;
	return 0;
}

char *text_initials(const char *kana)
{
	char *f = text_fold(kana);
	const char *p = f, *end = f + strlen(f);
	strbuf b;

	sb_init(&b);
	while (p < end) {
		const char *q = p;
		size_t sep = 0;
		while (q < end && (sep = part_separator(q, end)) == 0)
			q++;
		if (q > p) {
			char c = folded_initial(p, q);
			sb_addc(&b, c ? c : '?');
			sb_addc(&b, '.');
		}
		p = q + sep;
	}
	free(f);
	return b.s;    /* the buffer itself: sb_steal would start a new one */
}

bool text_parse_number(const char *s, const char *prefix, const char *suffix, long *out)
{
	char *f = text_fold(s ? s : ""), *p = f, *end;
	char digits[32];
	size_t n = 0, run = 0;
	bool commas = false, ok = false;
	long v;

	if (suffix && !strcmp(suffix, "円") && !strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	if (prefix && !strncmp(p, prefix, strlen(prefix)))
		p += strlen(prefix);
	p += strspn(p, " ");
	/* Digits, with commas only between groups of three. */
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof digits)
				goto out;
			digits[n++] = *p;
			run++;
		} else if (*p == ',' && run > 0 && (!commas || run == 3) && n > 0) {
			if (commas == false && run > 3)
				goto out;
			commas = true;
			run = 0;
		} else {
			break;
		}
	}
	if (n == 0 || (commas && run != 3))
		goto out;
	digits[n] = '\0';
	p += strspn(p, " ");
	if (suffix && !strncmp(p, suffix, strlen(suffix)))
		p += strlen(suffix);
	p += strspn(p, " ");
	if (*p)
		goto out;
	errno = 0;
	v = strtol(digits, &end, 10);
	if (errno || *end)
		goto out;
	*out = v;
	ok = true;
out:
	free(f);
	return ok;
}
