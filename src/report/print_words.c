/*
 * print_words.c - the words every printout writes the same way: dates in
 * 和暦, a GAS score, the client's name (or initials), a note's kind.
 * Below the form builders (print_build.c, print_assess.c, print_prep.c,
 * print_record.c, print_meeting.c, print_summary.c), which all use them
 * and none of which the others need for these.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/print.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

char *print_date(date_t d)
{
	char buf[DATE_WAREKI_LEN];

	if (d == DATE_NONE)
		return xstrdup("");
	date_format_wareki(d, buf, sizeof buf);
	return xstrdup(buf);
}

char *print_date_short(date_t d)
{
	char buf[DATE_WAREKI_LEN];

	if (d == DATE_NONE)
		return xstrdup("");
	date_format_wareki_short(d, buf, sizeof buf);
	return xstrdup(buf);
}

char *print_gas(int gas)
{
	return gas ? xasprintf("%+d", gas) : xstrdup("0");
}

char *print_client_name(const client *c, bool initials)
{
	return initials ? client_initials(c) : xstrdup(c->name);
}

const char *print_note_kind(const char *k)
{
	static const struct { const char *k, *ja; } t[] = {
		{ "meeting", "面談" }, { "visit", "訪問" }, { "phone", "電話" },
		{ "conference", "会議" }, { "accompany", "同行" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].k, k) == 0)
			return t[i].ja;
	return k;
}
