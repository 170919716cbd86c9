/*
 * due_consent.c - a consent to share the client's information (個人情報
 * 使用同意) is due when it ends, unless it was withdrawn or a later one
 * with the same party covers it.  Matching "the same party" by the
 * party's name as typed is our rule; the lead time is the project's
 * default (due.h).
 */
#include <stdlib.h>
#include <string.h>

#include "due_engine.h"
#include "tsunagi/due.h"

static int cmp_consent_ptr(const void *a, const void *b)
{
	const due_consent *x = *(const due_consent *const *)a;
	const due_consent *y = *(const due_consent *const *)b;
	int c = en_cmp_id64(x->client_id, y->client_id);

	if (c == 0)
		c = strcmp(x->shared_with ? x->shared_with : "", y->shared_with ? y->shared_with : "");
	if (c == 0)
		c = en_cmp_id64(x->valid_to, y->valid_to);
	return c ? c : en_cmp_id64(x->id, y->id);
}

void due_rule_consents(engine *en)
{
	size_t n = en->in->nconsents;
	const due_consent **v = en_sorted_ptrs(en->in->consents, n, sizeof *en->in->consents,
					    cmp_consent_ptr);

	for (size_t i = 0; i < n; i++) {
		const due_consent *c = v[i];
		due_item *it;

		/* Renewed with the same party, or withdrawn: nothing to do. */
		if (i + 1 < n && v[i + 1]->client_id == c->client_id &&
		    strcmp(v[i + 1]->shared_with ? v[i + 1]->shared_with : "",
			   c->shared_with ? c->shared_with : "") == 0)
			continue;
		if (c->withdrawn_on != DATE_NONE)
			continue;
		if (!en_in_window(en, c->valid_to) || !en_active_client(en, c->client_id))
			continue;
		it = en_push(en, DUE_CONSENT, c->client_id, c->id, c->valid_to);
		it->text = c->shared_with;
		it->text2 = c->purpose;
	}
	free(v);
}
