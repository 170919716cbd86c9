/*
 * xalloc.h - allocation helpers.  Out of memory is fatal in a program of
 * this size: the helpers print one line and exit rather than making every
 * caller handle NULL.  x_free() frees and clears the pointer.
 */
#ifndef TSUNAGI_XALLOC_H
#define TSUNAGI_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);          /* NULL stays NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define x_free(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

/* A growable byte buffer, always NUL-terminated. */
typedef struct strbuf {
	char *s;
	size_t len, cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);
void sb_addc(strbuf *b, char c);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(strbuf *b);             /* caller frees; b is left empty (s NULL) */

#endif
