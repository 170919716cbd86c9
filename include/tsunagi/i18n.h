/*
 * i18n.h - gettext glue.  Every user-facing string goes through _();
 * N_() marks strings in static tables that are translated where shown.
 */
#ifndef TSUNAGI_I18N_H
#define TSUNAGI_I18N_H

#include <libintl.h>

/* gettext through a small cache keyed by the message's address: lists
 * and screens translate the same literals thousands of times, and each
 * gettext() call costs about 3,000 instructions. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

#define _(s) i18n_gettext(s)
#define N_(s) (s)

/* Bind the text domain: $TSUNAGI_LOCALEDIR, else the compiled-in path. */
void i18n_init(void);

#endif
