/*
 * err.c - filling a tsu_err.
 */
#include <stdarg.h>
#include <stdio.h>

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
