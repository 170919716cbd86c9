/*
 * i18n.c - binding the message catalogue.  $TSUNAGI_LOCALEDIR lets the
 * build tree (make run, the tests) use its own freshly built catalogues.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"

void i18n_init(void)
{
	const char *dir = getenv("TSUNAGI_LOCALEDIR");
	const char *cs = nl_langinfo(CODESET);

	/* Messages are UTF-8 (the UI and the reports need that).  In a
	 * locale of another character set (EUC-JP, Shift_JIS) Japanese
	 * UTF-8 would be garbled on the terminal, so messages stay in
	 * English, which every character set shows. */
	if (cs && strcmp(cs, "UTF-8") != 0)
		setlocale(LC_MESSAGES, "C");

	bindtextdomain("tsunagi", dir && *dir ? dir : TSUNAGI_LOCALEDIR);
	bind_textdomain_codeset("tsunagi", "UTF-8");
	textdomain("tsunagi");
}
