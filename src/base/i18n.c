/*
 * i18n.c - binding the message catalogue.  $TSUNAGI_LOCALEDIR lets the
 * build tree (make run, the tests) use its own freshly built catalogues.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"

#define CACHE_SLOTS 1024
#define CACHE_PROBES 8

static struct { const char *msgid, *text; } cache[CACHE_SLOTS];

/* Translations do not change once the catalogue is bound, and msgids are
 * string literals with fixed addresses; a miss (or a full neighbourhood)
 * just asks gettext. */
const char *i18n_gettext(const char *msgid)
{
	size_t h = ((uintptr_t)msgid >> 3) % CACHE_SLOTS;

	for (int i = 0; i < CACHE_PROBES; i++) {
		size_t k = (h + (size_t)i) % CACHE_SLOTS;
		if (cache[k].msgid == msgid)
			return cache[k].text;
		if (!cache[k].msgid) {
			cache[k].msgid = msgid;
			cache[k].text = gettext(msgid);
			return cache[k].text;
		}
	}
	return gettext(msgid);
}

void i18n_init(void)
{
	const char *dir = getenv("TSUNAGI_LOCALEDIR");
	const char *cs = nl_langinfo(CODESET);

	memset(cache, 0, sizeof cache);
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
