/*
 * i18n.h - gettext glue.  Every user-facing string goes through _();
 * N_() marks strings in static tables that are translated where shown.
 */
#ifndef TSUNAGI_I18N_H
#define TSUNAGI_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the text domain: $TSUNAGI_LOCALEDIR, else the compiled-in path. */
void i18n_init(void);

#endif
