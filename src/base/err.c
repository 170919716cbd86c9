/*
 * err.c - filling a tsu_err.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "tsunagi/err.h"

int err_set(tsu_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void err_clear(tsu_err *e)
{
	if (e) {
		e->code = 0;
		e->msg[0] = '\0';
	}
}

static void (*fatal_hook)(void);

void err_on_fatal(void (*hook)(void))
{
	fatal_hook = hook;
}

void err_fatal(const char *fmt, ...)
{
	static volatile int in_fatal;
	void (*hook)(void) = fatal_hook;
	va_list ap;

	/* The hook may itself fail (no memory to keep a draft): the second
	 * time round, only the message. */
	if (!in_fatal++ && hook)
		hook();
	fputs("tsunagi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}
