/*
 * wrap.c - where Japanese text breaks into lines (see wrap.h).
 *
 * The places a line must not break follow the kinsoku rules of JIS X
 * 4051 as the W3C's "Requirements for Japanese Text Layout" (JLREQ,
 * https://www.w3.org/TR/jlreq/, its line-breaking rules) describes them:
 * no line starts with a closing bracket, 、。, ・：；！？, …‥, a small kana,
 * ー or an iteration mark (々ゝゞヽヾ), and none ends with an opening
 * bracket.  (Checked against the JLREQ note and a summary of the rules
 * found with the project's search; the section numbers were not.)
 * Preferring a break after a particle or at a change of script, so that
 * a word stays whole, is not in JLREQ (which allows a break between any
 * two kanji); it is this project's choice for forms whose columns are
 * narrow (issue 12).  The particle test is a heuristic (a は after a
 * kanji may be part of a word); a wrong guess costs a slightly worse
 * break, never a cut word where a better break exists.
 */
#include <string.h>

#include "tsunagi/text.h"
#include "tsunagi/wrap.h"

/* What a character is, for breaking. */
enum kind { K_KANJI, K_HIRA, K_KATA, K_ALNUM, K_DIGIT, K_OTHER, K_SPACE, K_OPEN, K_CLOSE, K_NL };

static bool is_open(int32_t c)
{
	if (c < 0x80)
		return c && strchr("([{", c);
	return c == 0x3008 || c == 0x300A || c == 0x300C || c == 0x300E || c == 0x3010 ||
		c == 0x3014 || c == 0x3016 || c == 0x3018 || c == 0x301D ||   /* 〈《「『【〔〖〘〝 */
		c == 0xFF08 || c == 0xFF3B || c == 0xFF5B ||                  /* （［｛ */
		c == 0x2018 || c == 0x201C;                                   /* ‘“ */
}

static bool is_close(int32_t c)
{
	if (c < 0x80)
		return c && strchr(")]},.;:!?%", c);
	return c == 0x3001 || c == 0x3002 ||                                 /* 、。 */
		c == 0x3009 || c == 0x300B || c == 0x300D || c == 0x300F || c == 0x3011 ||
		c == 0x3015 || c == 0x3017 || c == 0x3019 || c == 0x301F ||   /* 〉》」』】〕〗〙〟 */
		c == 0xFF09 || c == 0xFF3D || c == 0xFF5D ||                  /* ）］｝ */
		c == 0xFF0C || c == 0xFF0E || c == 0xFF1A || c == 0xFF1B ||   /* ，．：； */
		c == 0xFF01 || c == 0xFF1F || c == 0x30FB || c == 0xFF65 ||   /* ！？・･ */
		c == 0x2019 || c == 0x201D || c == 0x2026 || c == 0x2025;     /* ’”…‥ */
}

/* Small kana, ー and the iteration marks: part of the word before them,
 * never a line's first character. */
static bool is_small(int32_t c)
{
	static const char small[] = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶーゝゞヽヾ々";
	char buf[5];
	size_t k = 0;

	if (c < 0x3005 || c > 0x30FE)
		return false;
	/* encode c (3 bytes in this range) and look it up */
	buf[k++] = (char)(0xE0 | (c >> 12));
	buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[k++] = (char)(0x80 | (c & 0x3F));
	buf[k] = '\0';
	return strstr(small, buf) != NULL;
}

static enum kind kind_of(int32_t c)
{
	if (c == '\n' || c == '\r')
		return K_NL;
	if (c == ' ' || c == '\t' || c == 0x3000)
		return K_SPACE;
	if (is_open(c))
		return K_OPEN;
	if (is_close(c))
		return K_CLOSE;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) ||
	    c == 0x3005 || c == 0x3006)                                  /* 々 〆 */
		return K_KANJI;
	if (c >= 0x3041 && c <= 0x309F)
		return K_HIRA;
	if ((c >= 0x30A1 && c <= 0x30FF) || c == 0x31F0 || (c >= 0xFF66 && c <= 0xFF9F))
		return K_KATA;
	if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
		return K_DIGIT;
	if ((c > ' ' && c < 0x7F) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
	    (c >= 0xC0 && c < 0x2000))
		return K_ALNUM;   /* latin letters (and ASCII signs: +1, a/b) */
	return K_OTHER;
}

/* The character before byte i (its start in *at), or 0 at the start. */
static int32_t char_before(const char *s, size_t i, size_t *at)
{
	int32_t c = 0;
	size_t j = i;

	if (i == 0) {
		*at = 0;
		return 0;
	}
	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
	if (!text_decode(s + j, i - j, &c))
		c = (unsigned char)s[j];
	*at = j;
	return c;
}

static int32_t char_at(const char *s, size_t n, size_t i)
{
	int32_t c = 0;

	if (i >= n || !text_decode(s + i, n - i, &c))
		return i < n ? (unsigned char)s[i] : 0;
	return c;
}

static const char *const particles1 = "はがをにでとのへもや";

static bool one_of(int32_t c, const char *list)
{
	char buf[5] = { 0 };

	if (c < 0x3041 || c > 0x309F)
		return false;
	buf[0] = (char)(0xE0 | (c >> 12));
	buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[2] = (char)(0x80 | (c & 0x3F));
	return strstr(list, buf) != NULL;
}

/*
 * Whether the hiragana ending at byte i (before the character b) is a
 * particle: one of から まで より or a single は が を に で と の へ も
 * や, after a word (not hiragana) or before one; を always.  で before
 * す, し or き is です, でした, できる: not taken.
 */
static bool particle_before(const char *s, size_t i, int32_t b)
{
	size_t at, at2;
	int32_t a = char_before(s, i, &at), a2 = char_before(s, at, &at2), prev;
	enum kind kb = kind_of(b);
	bool before_word = kb == K_KANJI || kb == K_KATA || kb == K_ALNUM || kb == K_DIGIT || kb == K_OPEN;

	if ((a2 == 0x304B && a == 0x3089) || (a2 == 0x307E && a == 0x3067) ||
	    (a2 == 0x3088 && a == 0x308A)) {           /* から まで より */
		prev = char_before(s, at2, &at);
	} else if (one_of(a, particles1)) {
		if (a == 0x3092)                            /* を */
			return true;
		if (a == 0x3067 && (b == 0x3059 || b == 0x3057 || b == 0x304D))
			return false;                       /* です でし でき */
		prev = a2;
	} else {
		return false;
	}
	return before_word || (prev != 0 && kind_of(prev) != K_HIRA && kind_of(prev) != K_SPACE &&
			       kind_of(prev) != K_NL);
}

/* a before b, by script (neither a space, a bracket nor punctuation). */
static enum wrap_class by_script(enum kind a, enum kind b)
{
	if (a == K_OTHER || b == K_OTHER || b == K_HIRA)
		return WRAP_KANA;
	if (a == b)
		return a == K_HIRA ? WRAP_KANA : WRAP_WORD;
	if ((a == K_DIGIT && (b == K_KANJI || b == K_ALNUM)) || (a == K_ALNUM && b == K_DIGIT))
		return WRAP_WORD;                           /* 3回, A4, 2a */
	if (a == K_KANJI && b == K_DIGIT)
		return WRAP_KANA;                           /* 週3回: the number is the word's */
	return WRAP_SCRIPT;
}

enum wrap_class wrap_class_at(const char *s, size_t n, size_t i)
{
	size_t at;
	int32_t a, b;
	enum kind ka, kb;

	if (i == 0 || i >= n || ((unsigned char)s[i] & 0xC0) == 0x80)
		return WRAP_NO;
	a = char_before(s, i, &at);
	b = char_at(s, n, i);
	ka = kind_of(a);
	kb = kind_of(b);
	if (kb == K_SPACE || kb == K_NL || kb == K_CLOSE || is_small(b) || ka == K_OPEN)
		return WRAP_NO;
	if (ka == K_SPACE || ka == K_NL)
		return WRAP_PUNCT;
	if (ka == K_CLOSE)
		return a < 0x80 && (kb == K_ALNUM || kb == K_DIGIT) ? WRAP_WORD : WRAP_PUNCT;
	if (kb == K_OPEN)
		return b < 0x80 && (ka == K_ALNUM || ka == K_DIGIT) ? WRAP_WORD : WRAP_PUNCT;
	if (ka == K_HIRA && particle_before(s, i, b))
		return WRAP_PARTICLE;
	return by_script(ka, kb);
}

static bool hangs(const char *s, size_t i)
{
	return s[i] == ' ' || s[i] == '\t' || !strncmp(s + i, "\xE3\x80\x80", 3);   /* U+3000 */
}

/*
 * A place's worth: its class, and how full it leaves the line (0..1).
 * The classes from WRAP_SCRIPT up are a fraction apart, so a place of a
 * lower one of them much further along wins (a particle at half the
 * line loses to a change of script near its end: 手順表を使って|週3回);
 * every other class is a whole apart, so no fill makes a break inside a
 * word beat a better place on the line.
 */
static double worth(enum wrap_class c, double fill)
{
	static const double base[] = {
		[WRAP_NO] = -10, [WRAP_WORD] = 0, [WRAP_KANA] = 1,
		[WRAP_SCRIPT] = 2, [WRAP_PARTICLE] = 2.1, [WRAP_PUNCT] = 2.25,
	};

	return base[c] + fill;
}

size_t wrap_lines(const char *s, const double *adv, double width, size_t *brk, size_t max)
{
	size_t n = strlen(s), nb = 0, start = 0;

	while (start < n && nb < max) {
		size_t best = 0;
		double best_worth = -100, x = 0, sp = 0;
		size_t p;

		for (p = start; p <= n; p++) {
			if (p < n && adv[p] < 0 && s[p] != '\n')
				continue;           /* inside a character or a cluster */
			if (p > start) {
				double fill = x - sp;

				if (fill > width)
					break;
				if (p == n || s[p] == '\n')
					break;
				double v = worth(wrap_class_at(s, n, p), width > 0 ? fill / width : 0);

				if (v >= best_worth) {
					best = p;
					best_worth = v;
				}
			}
			if (p < n && s[p] == '\n')
				break;
			sp = hangs(s, p) ? sp + adv[p] : 0;
			x += adv[p];
		}
		if (p >= n || s[p] == '\n') {
			if (p < n && x - sp <= width) {
				start = p + 1;      /* the line ends at its newline */
				continue;
			}
			if (p >= n && x - sp <= width)
				break;
		}
		/* The line is too long: end it at the best place (with none,
		 * one character is wider than the line, and p is past it). */
		if (best)
			p = best;
		if (p >= n || s[p] == '\n') {
			start = p + 1;
			continue;
		}
		brk[nb++] = p;
		start = p;
	}
	return nb;
}
