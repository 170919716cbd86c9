/*
 * json.c - the JSON writer and pull reader of json.h.  Written here, not
 * taken from a library, because the export needs exactly two promises a
 * general library does not make in writing: every byte of every text
 * comes back, and a malformed file is refused with its line and column
 * before anything is written.  The reader is a fuzz target.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/json.h"
#include "tsunagi/text.h"

/* ---- writing ---------------------------------------------------------- */

void json_put_string(strbuf *b, const char *s, size_t n)
{
	size_t run = 0;

	sb_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char hex[8];

		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\r')
			esc = "\\r";
		else if (c == '\t')
			esc = "\\t";
		else if (c < 0x20 || c == 0x7F) {
			snprintf(hex, sizeof hex, "\\u%04X", c);
			esc = hex;
		}
		if (!esc)
			continue;
		sb_addn(b, s + run, i - run);
		sb_adds(b, esc);
		run = i + 1;
	}
	sb_addn(b, s + run, n - run);
	sb_addc(b, '"');
}

void json_put_int(strbuf *b, int64_t v)
{
	sb_addf(b, "%" PRId64, v);
}

void json_put_real(strbuf *b, double v)
{
	size_t start = b->len;

	if (!isfinite(v)) {
		sb_adds(b, "null");
		return;
	}
	sb_addf(b, "%.17g", v);
	/* Keep it a real when it reads like an integer. */
	if (!strpbrk(b->s + start, ".eE"))
		sb_adds(b, ".0");
}

/* ---- reading ---------------------------------------------------------- */

enum {
	S_VALUE,        /* a value must come */
	S_FIRST_ITEM,   /* after '[': a value or ']' */
	S_FIRST_KEY,    /* after '{': a key or '}' */
	S_KEY,          /* after ',' in an object */
	S_COLON,        /* after a key */
	S_AFTER,        /* after a value */
	S_DONE,
	S_ERROR,
};

void json_reader_init(json_reader *r, const char *buf, size_t len)
{
	memset(r, 0, sizeof *r);
	r->buf = buf;
	r->len = len;
	r->line = 1;
	r->state = S_VALUE;
	sb_init(&r->str);
}

void json_reader_free(json_reader *r)
{
	sb_free(&r->str);
}

static json_token fail(json_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static json_token fail(json_reader *r, const char *fmt, ...)
{
	char what[150];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(r->err, sizeof r->err, _("line %zu, column %zu: %s"),
		 r->line, r->pos - r->line_start + 1, what);
	r->state = S_ERROR;
	return JSON_ERROR;
}

static void skip_space(json_reader *r)
{
	while (r->pos < r->len) {
		char c = r->buf[r->pos];
		if (c == '\n') {
			r->line++;
			r->line_start = r->pos + 1;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			break;
		}
		r->pos++;
	}
}

static int hex4(const char *s, size_t n)
{
	int v = 0;

	if (n < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static json_token escape(json_reader *r)
{
	const char *p = r->buf + r->pos;   /* at the backslash */
	size_t left = r->len - r->pos;
	char out[4];
	int cp, lo;

	if (left < 2)
		return fail(r, _("a string is never closed"));
	switch (p[1]) {
	case '"': sb_addc(&r->str, '"'); break;
	case '\\': sb_addc(&r->str, '\\'); break;
	case '/': sb_addc(&r->str, '/'); break;
	case 'b': sb_addc(&r->str, '\b'); break;
	case 'f': sb_addc(&r->str, '\f'); break;
	case 'n': sb_addc(&r->str, '\n'); break;
	case 'r': sb_addc(&r->str, '\r'); break;
	case 't': sb_addc(&r->str, '\t'); break;
	case 'u':
		if ((cp = hex4(p + 2, left - 2)) < 0)
			return fail(r, _("\\u must be followed by four hex digits"));
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return fail(r, _("a low surrogate \\u%04X without a high one before it"), (unsigned)cp);
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (left < 12 || p[6] != '\\' || p[7] != 'u' ||
			    (lo = hex4(p + 8, left - 8)) < 0xDC00 || lo > 0xDFFF)
				return fail(r, _("a high surrogate \\u%04X without a low one after it"), (unsigned)cp);
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			r->pos += 6;
		}
		r->pos += 4;
		sb_addn(&r->str, out, text_encode(cp, out));
		break;
	default:
		return fail(r, _("unknown escape \\%c in a string"), p[1] > 0x20 && p[1] < 0x7F ? p[1] : '?');
	}
	r->pos += 2;
	return JSON_STRING;
}

/* A string at r->pos (the opening quote) into r->str. */
static json_token string(json_reader *r, json_token kind)
{
	r->str.len = 0;
	r->str.s[0] = '\0';
	r->pos++;
	for (;;) {
		size_t start = r->pos;
		/* Copy plain ASCII runs at once. */
		while (r->pos < r->len) {
			unsigned char c = (unsigned char)r->buf[r->pos];
			if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
				break;
			r->pos++;
		}
		sb_addn(&r->str, r->buf + start, r->pos - start);
		if (r->pos >= r->len)
			return fail(r, _("a string is never closed"));
		unsigned char c = (unsigned char)r->buf[r->pos];
		if (c == '"') {
			r->pos++;
			return kind;
		}
		if (c == '\\') {
			if (escape(r) == JSON_ERROR)
				return JSON_ERROR;
		} else if (c < 0x20) {
			return fail(r, _("a control character (0x%02X) inside a string must be escaped"), c);
		} else {
			int32_t cp;
			size_t n = text_decode(r->buf + r->pos, r->len - r->pos, &cp);
			if (n == 0)
				return fail(r, _("byte 0x%02X is not valid UTF-8"), c);
			sb_addn(&r->str, r->buf + r->pos, n);
			r->pos += n;
		}
	}
}

static bool digit(json_reader *r, size_t at)
{
	return at < r->len && r->buf[at] >= '0' && r->buf[at] <= '9';
}

static json_token number(json_reader *r)
{
	size_t start = r->pos, p = r->pos;
	bool neg = false, real = false;
	uint64_t mag = 0;
	bool overflow = false;

	if (r->buf[p] == '-') {
		neg = true;
		p++;
	}
	if (!digit(r, p))
		return fail(r, _("a number needs a digit"));
	if (r->buf[p] == '0' && digit(r, p + 1))
		return fail(r, _("a number must not start with 0"));
	while (digit(r, p)) {
		unsigned d = (unsigned)(r->buf[p] - '0');
		if (mag > (UINT64_MAX - d) / 10)
			overflow = true;
		else
			mag = mag * 10 + d;
		p++;
	}
	if (p < r->len && r->buf[p] == '.') {
		real = true;
		if (!digit(r, ++p))
			return fail(r, _("a digit must follow the decimal point"));
		while (digit(r, p))
			p++;
	}
	if (p < r->len && (r->buf[p] == 'e' || r->buf[p] == 'E')) {
		real = true;
		p++;
		if (p < r->len && (r->buf[p] == '+' || r->buf[p] == '-'))
			p++;
		if (!digit(r, p))
			return fail(r, _("an exponent needs a digit"));
		while (digit(r, p))
			p++;
	}
	if (real) {
		char tmp[64];
		if (p - start >= sizeof tmp)
			return fail(r, _("a number with too many digits"));
		memcpy(tmp, r->buf + start, p - start);
		tmp[p - start] = '\0';
		errno = 0;
		r->real = strtod(tmp, NULL);
		if (errno == ERANGE && isinf(r->real))
			return fail(r, _("a number too large"));
		r->pos = p;
		return JSON_REAL;
	}
	if (overflow || (!neg && mag > (uint64_t)INT64_MAX) || (neg && mag > (uint64_t)INT64_MAX + 1))
		return fail(r, _("a whole number beyond the 64-bit range"));
	r->integer = neg ? (mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag) : (int64_t)mag;
	r->pos = p;
	return JSON_INT;
}

static json_token literal(json_reader *r, const char *word, json_token t)
{
	size_t n = strlen(word);

	if (r->len - r->pos < n || memcmp(r->buf + r->pos, word, n) != 0)
		return fail(r, _("unexpected text; expected a value"));
	r->pos += n;
	return t;
}

static json_token push(json_reader *r, char c, int state, json_token t)
{
	if (r->depth >= JSON_MAX_DEPTH)
		return fail(r, _("nested deeper than %d levels"), JSON_MAX_DEPTH);
	r->stack[r->depth++] = c;
	r->pos++;
	r->state = state;
	return t;
}

static json_token value(json_reader *r)
{
	json_token t;

	if (r->pos >= r->len)
		return fail(r, _("the text ends where a value should be"));
	switch (r->buf[r->pos]) {
	case '{': return push(r, '{', S_FIRST_KEY, JSON_OBJECT);
	case '[': return push(r, '[', S_FIRST_ITEM, JSON_ARRAY);
	case '"': t = string(r, JSON_STRING); break;
	case 't': t = literal(r, "true", JSON_TRUE); break;
	case 'f': t = literal(r, "false", JSON_FALSE); break;
	case 'n': t = literal(r, "null", JSON_NULL); break;
	default:
		if (r->buf[r->pos] == '-' || (r->buf[r->pos] >= '0' && r->buf[r->pos] <= '9'))
			t = number(r);
		else
			return fail(r, _("unexpected character; expected a value"));
	}
	if (t != JSON_ERROR)
		r->state = S_AFTER;
	return t;
}

static json_token key(json_reader *r)
{
	json_token t;

	if (r->pos >= r->len || r->buf[r->pos] != '"')
		return fail(r, _("expected a member name in double quotes"));
	t = string(r, JSON_KEY);
	if (t != JSON_ERROR)
		r->state = S_COLON;
	return t;
}

static json_token close_container(json_reader *r, json_token t)
{
	r->depth--;
	r->pos++;
	r->state = S_AFTER;
	return t;
}

json_token json_next(json_reader *r)
{
	skip_space(r);
	switch (r->state) {
	case S_ERROR:
		return JSON_ERROR;
	case S_DONE:
		return JSON_END;
	case S_VALUE:
		return value(r);
	case S_FIRST_ITEM:
		if (r->pos < r->len && r->buf[r->pos] == ']')
			return close_container(r, JSON_ARRAY_END);
		return value(r);
	case S_FIRST_KEY:
		if (r->pos < r->len && r->buf[r->pos] == '}')
			return close_container(r, JSON_OBJECT_END);
		return key(r);
	case S_KEY:
		return key(r);
	case S_COLON:
		if (r->pos >= r->len || r->buf[r->pos] != ':')
			return fail(r, _("expected ':' after the member name"));
		r->pos++;
		skip_space(r);
		return value(r);
	default:   /* S_AFTER */
		break;
	}
	if (r->depth == 0) {
		if (r->pos < r->len)
			return fail(r, _("text after the end of the document"));
		r->state = S_DONE;
		return JSON_END;
	}
	char top = r->stack[r->depth - 1];
	if (r->pos >= r->len)
		return fail(r, _("the text ends inside %s"), top == '{' ? _("an object") : _("an array"));
	char c = r->buf[r->pos];
	if (c == ',') {
		r->pos++;
		skip_space(r);
		if (top == '{')
			return key(r);
		return value(r);
	}
	if (top == '{' && c == '}')
		return close_container(r, JSON_OBJECT_END);
	if (top == '[' && c == ']')
		return close_container(r, JSON_ARRAY_END);
	return fail(r, top == '{' ? _("expected ',' or '}'") : _("expected ',' or ']'"));
}

json_token json_skip(json_reader *r, json_token t)
{
	int depth = 0;

	for (;;) {
		if (t == JSON_ERROR || t == JSON_END)
			return t;
		if (t == JSON_OBJECT || t == JSON_ARRAY)
			depth++;
		else if (t == JSON_OBJECT_END || t == JSON_ARRAY_END)
			depth--;
		if (depth == 0 && t != JSON_KEY)
			return t;
		t = json_next(r);
	}
}

const char *json_token_name(json_token t)
{
	switch (t) {
	case JSON_OBJECT: return _("an object");
	case JSON_OBJECT_END: return _("the end of an object");
	case JSON_ARRAY: return _("an array");
	case JSON_ARRAY_END: return _("the end of an array");
	case JSON_KEY: return _("a member name");
	case JSON_STRING: return _("a string");
	case JSON_INT: return _("a whole number");
	case JSON_REAL: return _("a number");
	case JSON_TRUE: case JSON_FALSE: return _("true or false");
	case JSON_NULL: return "null";
	case JSON_END: return _("the end of the document");
	default: return _("an error");
	}
}
