/*
 * json.h - a small JSON writer and a pull reader (RFC 8259), enough for
 * the lossless export of a whole database and nothing more.
 *
 * The writer escapes '"', '\\' and every control character (\n, \r, \t
 * by name, the rest and DEL as \u00XX) and keeps all other UTF-8 as it
 * is, so a text goes out and comes back byte for byte, NUL bytes too.
 *
 * The reader hands out one token at a time and checks the grammar as it
 * goes (commas, colons, nesting up to JSON_MAX_DEPTH), so a file of any
 * size is read without building a tree.  Strings are decoded (escapes,
 * surrogate pairs) into r->str with their length; invalid UTF-8, a lone
 * surrogate or a raw control character is an error.  Numbers must be
 * integers that fit int64, or plain decimals (r->real).
 *
 *	json_reader r;
 *	json_reader_init(&r, buf, len);
 *	while ((t = json_next(&r)) > JSON_END) ...
 *	if (t == JSON_ERROR) puts(r.err);   // "line 3, column 7: ..."
 *	json_reader_free(&r);
 */
#ifndef TSUNAGI_JSON_H
#define TSUNAGI_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/xalloc.h"

/* ---- writing ---------------------------------------------------------- */

/* A string value or key, n bytes of UTF-8 (the caller checks validity). */
void json_put_string(strbuf *b, const char *s, size_t n);
void json_put_int(strbuf *b, int64_t v);
/* A double that reads back as the same double (%.17g, never NaN/inf). */
void json_put_real(strbuf *b, double v);

/* ---- reading ---------------------------------------------------------- */

typedef enum json_token {
	JSON_ERROR = -1,
	JSON_END = 0,       /* the one top-level value is complete */
	JSON_OBJECT,        /* { */
	JSON_OBJECT_END,    /* } */
	JSON_ARRAY,         /* [ */
	JSON_ARRAY_END,     /* ] */
	JSON_KEY,           /* a member name, in str */
	JSON_STRING,        /* in str */
	JSON_INT,           /* in integer */
	JSON_REAL,          /* in real */
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL,
} json_token;

#define JSON_MAX_DEPTH 64

typedef struct json_reader {
	const char *buf;
	size_t len, pos;
	size_t line, line_start;    /* for messages */
	int depth;
	char stack[JSON_MAX_DEPTH]; /* '{' or '[' */
	int state;                  /* what may come next (json.c) */
	strbuf str;                 /* the last key or string, NUL-terminated */
	int64_t integer;
	double real;
	char err[200];              /* "line L, column C: what" */
} json_reader;

void json_reader_init(json_reader *r, const char *buf, size_t len);
void json_reader_free(json_reader *r);
json_token json_next(json_reader *r);
/* Skip the value that starts with token t (already read).  Returns t's
 * last token (JSON_ERROR on an error). */
json_token json_skip(json_reader *r, json_token t);
/* The token's name for messages: "an object", "a string", ... */
const char *json_token_name(json_token t);

#endif
