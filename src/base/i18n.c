/*
 * i18n.c - binding the message catalogue.  $TSUNAGI_LOCALEDIR lets the
 * build tree (make run, the tests) use its own freshly built catalogues.
 */
#include <stdlib.h>

#include "tsunagi/i18n.h"

void i18n_init(void)
{
	const char *dir = getenv("TSUNAGI_LOCALEDIR");

	bindtextdomain("tsunagi", dir && *dir ? dir : TSUNAGI_LOCALEDIR);
	bind_textdomain_codeset("tsunagi", "UTF-8");
	textdomain("tsunagi");
}
