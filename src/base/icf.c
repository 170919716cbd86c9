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
	return icf_search_in(query, NULL, out, max);
}

size_t icf_search_in(const char *query, const char *component, const icf_entry **out, size_t max)
{
	char *q = text_fold(query ? query : "");
	bool only = component && icf_component_ja(component) && strcmp(component, "personal") != 0;
	size_t n = 0;

	for (size_t i = 0; i < icf_count; i++) {
		const icf_entry *en = &icf_entries[i];
		bool hit = !q[0];
		const char *names[] = { en->code, en->ja, en->en };

		if (only && strcmp(en->component, component) != 0)
			continue;
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

/* How far a listed code is from a typed one: the longer the common
 * prefix the nearer, then the nearer the number. */
static long distance(const char *typed, const char *listed)
{
	size_t common = 0;
	long a, b;

	while (typed[common] && tolower((unsigned char)typed[common]) == listed[common])
		common++;
	a = strtol(typed + 1, NULL, 10);
	b = strtol(listed + 1, NULL, 10);
	/* Compare numbers at the same number of digits. */
	for (size_t la = strlen(typed + 1), lb = strlen(listed + 1); la < lb; la++)
		a *= 10;
	for (size_t la = strlen(typed + 1), lb = strlen(listed + 1); lb < la; lb++)
		b *= 10;
	return (long)(10 - (common > 9 ? 9 : common)) * 1000000L + labs(a - b);
}

bool icf_code_valid(const char *code, const icf_entry *near[4])
{
	const char *comp = icf_component_of(code);
	size_t digits = code ? strlen(code) - 1 : 0;
	char chapter[3] = { 0 };
	long best[3] = { -1, -1, -1 };

	near[0] = NULL;
	if (comp && (digits == 1 || digits == 3 || digits == 4 || digits == 5)) {
		chapter[0] = comp[0];
		chapter[1] = code[1];
		if (icf_lookup(chapter))
			return true;
	}
	if (!code || !code[0])
		return false;
	/* The three listed codes nearest to it, of its component when it
	 * names one. */
	for (size_t n = 0; n < 3; n++)
		near[n] = NULL;
	for (size_t i = 0; i < icf_count; i++) {
		const icf_entry *en = &icf_entries[i];
		long d;
		if (comp && en->component[0] != comp[0])
			continue;
		d = distance(code, en->code);
		for (size_t k = 0; k < 3; k++) {
			if (best[k] < 0 || d < best[k]) {
				for (size_t m = 2; m > k; m--) {
					best[m] = best[m - 1];
					near[m] = near[m - 1];
				}
				best[k] = d;
				near[k] = en;
				break;
			}
		}
	}
	near[3] = NULL;
	return false;
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

bool icf_qualifier_valid(int q)
{
	return (q >= 0 && q <= 4) || q == 8 || q == 9;
}
