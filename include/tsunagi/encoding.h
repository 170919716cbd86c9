/*
 * encoding.h - one wrapper over iconv(3) for the encodings the Japanese
 * office world uses: UTF-8, CP932 (Windows Shift_JIS, what Excel writes)
 * and EUC-JP.  Conversions are all-or-nothing and say where they failed.
 */
#ifndef TSUNAGI_ENCODING_H
#define TSUNAGI_ENCODING_H

#include <stddef.h>
#include <stdint.h>

#include "tsunagi/err.h"

enum enc { ENC_UTF8, ENC_CP932, ENC_EUCJP };

/* "utf-8"/"utf8", "cp932"/"sjis"/"shift_jis"/"windows-31j", "euc-jp"
 * (case-insensitive).  Returns TSU_OK or TSU_EINVAL with a message listing
 * the accepted names. */
int enc_from_name(const char *name, enum enc *out, tsu_err *e);
const char *enc_name(enum enc enc);    /* "UTF-8", "CP932", "EUC-JP" */

/* Where a conversion failed. */
typedef struct enc_fail {
	size_t byte_offset;    /* in the input */
	size_t char_index;     /* 0-based character index in the input (UTF-8 input) */
	int32_t cp;            /* the code point that has no mapping, or -1 for a broken input byte */
} enc_fail;

/*
 * Convert in[0..inlen) from one encoding to another.  On success *out is
 * a NUL-terminated heap buffer (caller frees) of *outlen bytes.  On
 * failure nothing is returned, *fail says where, and e says, e.g.,
 * "character '①' (U+2460) at position 5 cannot be written in EUC-JP".
 * CP932's usual mappings are honoured (～ U+FF5E, ① U+2460, ㈱ U+3231,
 * 髙 U+9AD9, 﨑 U+FA11).
 */
int enc_convert(enum enc from, enum enc to, const char *in, size_t inlen,
		char **out, size_t *outlen, enc_fail *fail, tsu_err *e);

/* Guess between UTF-8 and CP932 for file contents: UTF-8 when the bytes
 * are valid UTF-8 (a BOM counts), CP932 otherwise. */
enum enc enc_guess(const char *buf, size_t n);

#endif
