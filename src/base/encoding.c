/*
 * encoding.c - conversions between UTF-8, CP932 and EUC-JP over iconv(3).
 *
 * Every conversion goes through UTF-8: first the input is decoded (or, if
 * it is UTF-8, validated strictly), then encoded.  Splitting it so makes a
 * failure easy to place: a broken input byte is found while decoding, a
 * character the target lacks while encoding, and either is reported by
 * byte offset in the input, character index and code point.  Nothing is
 * ever skipped or replaced (no //IGNORE, no //TRANSLIT): a conversion
 * either gives all of the text or nothing.
 *
 * glibc's CP932 has the Windows mappings Excel files need (～ U+FF5E,
 * ① U+2460, ㈱ U+3231, 髙 U+9AD9, 﨑 U+FA11, user-defined 0xF040.. as
 * private use) and also writes 〜 U+301C as 0x8160 and ¥ U+00A5 as 0x5C,
 * which is what Japanese Windows users expect to see.
 */
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "tsunagi/encoding.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static const char *const iconv_names[] = { "UTF-8", "CP932", "EUC-JP" };

static bool enc_ok(enum enc enc)
{
	return (int)enc >= 0 && (size_t)enc < sizeof iconv_names / sizeof iconv_names[0];
}

const char *enc_name(enum enc enc)
{
	return enc_ok(enc) ? iconv_names[enc] : "?";
}

int enc_from_name(const char *name, enum enc *out, tsu_err *e)
{
	static const struct { const char *name; enum enc enc; } names[] = {
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 },
		{ "cp932", ENC_CP932 }, { "sjis", ENC_CP932 },
		{ "shift_jis", ENC_CP932 }, { "shift-jis", ENC_CP932 },
		{ "windows-31j", ENC_CP932 }, { "ms932", ENC_CP932 },
		{ "euc-jp", ENC_EUCJP }, { "eucjp", ENC_EUCJP },
	};

	for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].enc;
			return TSU_OK;
		}
	}
	char *shown = text_sanitize(name ? name : "", false);
	err_set(e, TSU_EINVAL,
		_("unknown encoding '%.40s'; use utf-8, cp932 (also sjis, shift_jis, windows-31j) or euc-jp"),
		shown);
	free(shown);
	return TSU_EINVAL;
}

enum enc enc_guess(const char *buf, size_t n)
{
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		return ENC_UTF8;
	return text_valid_utf8(buf, n, NULL) ? ENC_UTF8 : ENC_CP932;
}

/* Characters in valid UTF-8 s[0..n): the bytes that are not continuations. */
static size_t count_chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/*
 * Convert all of in[0..inlen) with cd into a heap buffer that grows on
 * E2BIG.  Returns 0, or the errno that stopped it (EILSEQ, EINVAL, ...)
 * with *done the input bytes consumed before the failure.  *out (caller
 * frees) always gets what was produced, NUL-terminated.
 */
static int iconv_all(iconv_t cd, const char *in, size_t inlen,
		     char **out, size_t *outlen, size_t *done)
{
	size_t cap = inlen * 2 + 16, used = 0;
	char *buf = xmalloc(cap + 1);
	char *ip = (char *)in;    /* iconv's prototype is not const */
	size_t left = inlen;
	int rc = 0;

	for (;;) {
		char *op = buf + used;
		size_t room = cap - used;
		/* Once all is read, a NULL input flushes any shift state. */
		bool flush = left == 0;
		size_t r = flush ? iconv(cd, NULL, NULL, &op, &room)
				 : iconv(cd, &ip, &left, &op, &room);
		used = (size_t)(op - buf);
		if (r != (size_t)-1) {
			if (flush)
				break;
			continue;
		}
		if (errno != E2BIG) {
			rc = errno;
			break;
		}
		cap *= 2;
		buf = xrealloc(buf, cap + 1);
	}
	buf[used] = '\0';
	*out = buf;
	*outlen = used;
	*done = inlen - left;
	return rc;
}

static int open_cd(enum enc from, enum enc to, iconv_t *cd, tsu_err *e)
{
	*cd = iconv_open(iconv_names[to], iconv_names[from]);
	if (*cd == (iconv_t)-1)
		return err_set(e, TSU_EFAIL,
			       _("cannot convert from %s to %s: the system's iconv does not support it (%s); install glibc's gconv modules or GNU libiconv"),
			       iconv_names[from], iconv_names[to], strerror(errno));
	return TSU_OK;
}

static int fail_input(enum enc from, const char *in, size_t off,
		      size_t chars, bool truncated, enc_fail *fail, tsu_err *e)
{
	unsigned byte = (unsigned char)in[off];

	if (fail) {
		fail->byte_offset = off;
		fail->char_index = chars;
		fail->cp = -1;
	}
	if (truncated)
		return err_set(e, TSU_EINVAL,
			       _("the input ends in the middle of a %s character (byte 0x%02X at offset %zu); the file may be cut short"),
			       iconv_names[from], byte, off);
	return err_set(e, TSU_EINVAL,
		       _("byte 0x%02X at offset %zu is not valid %s; check the file's encoding"),
		       byte, off, iconv_names[from]);
}

/* Quote the character itself only when it can be seen. */
static bool visible(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_ME:
		return false;
	default:
		return true;
	}
}

static int fail_output(enum enc to, int32_t cp, size_t in_off, size_t chars,
		       enc_fail *fail, tsu_err *e)
{
	if (fail) {
		fail->byte_offset = in_off;
		fail->char_index = chars;
		fail->cp = cp;
	}
	if (visible(cp)) {
		char glyph[5];
		glyph[text_encode(cp, glyph)] = '\0';
		return err_set(e, TSU_EINVAL,
			       _("character '%s' (U+%04X) at position %zu cannot be written in %s; replace it or write UTF-8"),
			       glyph, (unsigned)cp, chars + 1, iconv_names[to]);
	}
	return err_set(e, TSU_EINVAL,
		       _("character U+%04X at position %zu cannot be written in %s; remove it or write UTF-8"),
		       (unsigned)cp, chars + 1, iconv_names[to]);
}

/* The input offset of the character that starts at u8off in the UTF-8
 * decoding of in: decode again into exactly u8off bytes of room, and
 * iconv stops after the last whole character that fits. */
static size_t input_offset(enum enc from, const char *in, size_t inlen, size_t u8off)
{
	iconv_t cd = iconv_open("UTF-8", iconv_names[from]);
	char *buf, *op, *ip = (char *)in;
	size_t left = inlen, room = u8off;

	if (cd == (iconv_t)-1 || u8off == 0) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		return 0;
	}
	buf = xmalloc(u8off);
	op = buf;
	iconv(cd, &ip, &left, &op, &room);
	iconv_close(cd);
	free(buf);
	return inlen - left;
}

/* Decode in to UTF-8 (caller frees *u8). */
static int decode(enum enc from, const char *in, size_t inlen, char **u8,
		  size_t *u8len, enc_fail *fail, tsu_err *e)
{
	iconv_t cd;
	size_t done;
	int rc;

	*u8 = NULL;
	if (from == ENC_UTF8) {
		size_t bad;
		if (!text_valid_utf8(in, inlen, &bad))
			return fail_input(from, in, bad, count_chars(in, bad), false, fail, e);
		*u8 = xstrndup(in, inlen);
		*u8len = inlen;
		return TSU_OK;
	}
	if ((rc = open_cd(from, ENC_UTF8, &cd, e)) != TSU_OK)
		return rc;
	rc = iconv_all(cd, in, inlen, u8, u8len, &done);
	iconv_close(cd);
	if (rc == 0)
		return TSU_OK;
	size_t chars = count_chars(*u8, *u8len);
	x_free(u8);
	if (rc == EILSEQ || rc == EINVAL)
		return fail_input(from, in, done, chars, rc == EINVAL, fail, e);
	return err_set(e, TSU_EFAIL, _("converting from %s failed: %s"),
		       iconv_names[from], strerror(rc));
}

/* Encode valid UTF-8 u8 into to (caller frees *out). */
static int encode(enum enc from, enum enc to, const char *in, size_t inlen,
		  const char *u8, size_t u8len, char **out, size_t *outlen,
		  enc_fail *fail, tsu_err *e)
{
	iconv_t cd;
	size_t done;
	int32_t cp;
	int rc;

	if (to == ENC_UTF8) {
		*out = xstrndup(u8, u8len);
		*outlen = u8len;
		return TSU_OK;
	}
	if ((rc = open_cd(ENC_UTF8, to, &cd, e)) != TSU_OK)
		return rc;
	rc = iconv_all(cd, u8, u8len, out, outlen, &done);
	iconv_close(cd);
	if (rc == 0)
		return TSU_OK;
	x_free(out);
	*outlen = 0;
	if (rc == EILSEQ && text_decode(u8 + done, u8len - done, &cp) > 0) {
		size_t off = from == ENC_UTF8 ? done : input_offset(from, in, inlen, done);
		return fail_output(to, cp, off, count_chars(u8, done), fail, e);
	}
	return err_set(e, TSU_EFAIL, _("converting to %s failed: %s"),
		       iconv_names[to], strerror(rc));
}

int enc_convert(enum enc from, enum enc to, const char *in, size_t inlen,
		char **out, size_t *outlen, enc_fail *fail, tsu_err *e)
{
	char *u8;
	size_t u8len;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (fail) {
		fail->byte_offset = 0;
		fail->char_index = 0;
		fail->cp = 0;
	}
	if (!enc_ok(from) || !enc_ok(to))
		return err_set(e, TSU_EINVAL, _("unknown encoding; use utf-8, cp932 or euc-jp"));
	if ((rc = decode(from, in, inlen, &u8, &u8len, fail, e)) != TSU_OK)
		return rc;
	rc = encode(from, to, in, inlen, u8, u8len, out, outlen, fail, e);
	free(u8);
	return rc;
}
