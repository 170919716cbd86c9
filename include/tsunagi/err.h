/*
 * err.h - errors as values.
 *
 * Functions that can fail return an int status (TSU_OK or a negative
 * TSU_E* code) and, when given a tsu_err, fill it with one line that says
 * what was wrong and what to do.  The caller decides where it is shown.
 */
#ifndef TSUNAGI_ERR_H
#define TSUNAGI_ERR_H

#include <stddef.h>

enum {
	TSU_OK = 0,
	TSU_EFAIL = -1,     /* generic failure; message explains */
	TSU_EINVAL = -2,    /* bad input from the user */
	TSU_ENOTFOUND = -3, /* no such record */
	TSU_ECONFLICT = -4, /* row changed by another session meanwhile */
	TSU_EIO = -5,       /* disk, database or OS error */
	TSU_ENOMEM = -6,
};

typedef struct tsu_err {
	int code;
	char msg[512];
} tsu_err;

/* printf-style; a NULL e is allowed and ignored.  Returns code. */
int err_set(tsu_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void err_clear(tsu_err *e);

/*
 * Fatal errors: out of memory, or a statement that does not prepare (a
 * bug).  err_fatal runs the hook once (the UI registers one that keeps
 * the open forms as drafts and leaves curses, so the message lands on a
 * normal screen), prints "tsunagi: MESSAGE" on stderr and exits 1.  A
 * fatal error inside the hook skips it.
 */
void err_on_fatal(void (*hook)(void));
_Noreturn void err_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
