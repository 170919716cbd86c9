/*
 * icf.c - looking up and searching the ICF list (icf.h).  The list is
 * small (a few hundred entries at most), so a linear scan is fast enough
 * for a picker that filters as the worker types.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tsunagi/icf.h"
#include "tsunagi/text.h"

const icf_entry *icf_lookup(const char *code)
{
	char *t;
	const icf_entry *found = NULL;

	if (!code)
		return NULL;
	t = text_trim(code);
	for (size_t i = 0; i < icf_count && !found; i++)
		if (strcasecmp(icf_entries[i].code, t) == 0)
			found = &icf_entries[i];
	free(t);
	return found;
}

size_t icf_search(const char *query, const icf_entry **out, size_t max)
{
	char *q = text_fold(query ? query : "");
	size_t n = 0;

	for (size_t i = 0; i < icf_count; i++) {
		const icf_entry *en = &icf_entries[i];
		bool hit = !q[0];
		const char *names[] = { en->code, en->ja, en->en };

		for (size_t k = 0; k < 3 && !hit; k++) {
			char *f = text_fold(names[k]);
			hit = strstr(f, q) != NULL;
			free(f);
		}
		if (!hit)
			continue;
		if (n < max && out)
			out[n] = en;
		n++;
	}
	free(q);
	return n;
}

const char *icf_component_of(const char *code)
{
	static const char *const comps[] = { "b", "s", "d", "e" };
	size_t len, digits = 0;

	if (!code || !code[0])
		return NULL;
	len = strlen(code);
	for (size_t i = 1; i < len; i++) {
		if (!isdigit((unsigned char)code[i]))
			return NULL;
		digits++;
	}
	if (digits < 1 || digits > 5)
		return NULL;
	for (size_t i = 0; i < 4; i++)
		if (tolower((unsigned char)code[0]) == comps[i][0])
			return comps[i];
	return NULL;
}

const char *icf_component_ja(const char *component)
{
	static const struct { const char *c, *ja; } names[] = {
		{ "b", "心身機能" }, { "s", "身体構造" }, { "d", "活動と参加" },
		{ "e", "環境因子" }, { "personal", "個人因子" },
	};

	for (size_t i = 0; component && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].c, component) == 0)
			return names[i].ja;
	return NULL;
}
