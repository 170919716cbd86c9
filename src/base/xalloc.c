/*
 * xalloc.c - allocation that does not return NULL, and a string buffer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tsunagi/err.h"
#include "tsunagi/xalloc.h"

static void oom(void)
{
	err_fatal("out of memory; close other programs and try again");
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	strbuf b;
	va_list ap;
	int n;

	sb_init(&b);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	b.s = xrealloc(b.s, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.s;
}

void sb_init(strbuf *b)
{
	b->s = xmalloc(16);
	b->s[0] = '\0';
	b->len = 0;
	b->cap = 16;
}

void sb_free(strbuf *b)
{
	x_free(&b->s);
	b->len = b->cap = 0;
}

static void sb_grow(strbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 16;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void sb_addn(strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_adds(strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addc(strbuf *b, char c)
{
	sb_addn(b, &c, 1);
}

void sb_addf(strbuf *b, const char *fmt, ...)
{
	size_t room;
	va_list ap;
	int n;

	/* Format straight into the room there is; only when it does not fit
	 * is it formatted a second time, after growing. */
	sb_grow(b, 32);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	if ((size_t)n >= room) {
		sb_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *sb_steal(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	/* Leave b empty without allocating: stealing is usually the last
	 * use of a buffer, and sb_grow starts again from nothing. */
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}
