/*
 * consent.c - does a consent in force name the party a document goes to
 * (consent.h has the rule and why it is ours).
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/consent.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

bool consent_in_force(const consent *c, date_t day)
{
	if (c->valid_from == DATE_NONE || day < c->valid_from)
		return false;
	if (c->valid_to != DATE_NONE && day > c->valid_to)
		return false;
	return c->withdrawn_on == DATE_NONE || day < c->withdrawn_on;
}

/* s folded, without spaces (caller frees). */
static char *key(const char *s, size_t n)
{
	char *part = xstrndup(s, n), *f = text_fold(part), *w = f;

	for (char *r = f; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	free(part);
	return f;
}

/* The length of the separator at s, or 0. */
static size_t separator(const char *s)
{
	static const char *const seps[] = { "、", "，", "・", "／", "；", ",", "/", ";", "\n", NULL };

	for (size_t i = 0; seps[i]; i++)
		if (strncmp(s, seps[i], strlen(seps[i])) == 0)
			return strlen(seps[i]);
	return 0;
}

bool consent_names_party(const char *shared_with, const char *party)
{
	char *want = key(party ? party : "", party ? strlen(party) : 0);
	const char *p = shared_with ? shared_with : "";
	bool found = false;

	while (*p && !found && want[0]) {
		size_t n = 0, sep;
		char *k;

		while (p[n] && !separator(p + n))
			n++;
		sep = p[n] ? separator(p + n) : 0;
		k = key(p, n);
		found = text_chars(k) >= 2 && strstr(want, k) != NULL;
		free(k);
		p += n + sep;
	}
	free(want);
	return found;
}

const consent *consent_covering(const consent *v, size_t n, const char *party, date_t day)
{
	for (size_t i = 0; i < n; i++)
		if (consent_in_force(&v[i], day) && consent_names_party(v[i].shared_with, party))
			return &v[i];
	return NULL;
}
