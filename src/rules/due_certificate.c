/*
 * due_certificate.c - a certificate (受給者証: the service or day-service
 * decision, the community support decision, the support level) is due
 * when its validity ends, unless one of the same kind for the client ends
 * later (it was renewed).  The 90/60/30-day stages and the lead times are
 * the project's choice (due.h), not a ministry rule.
 */
#include <stdlib.h>
#include <string.h>

#include "due_engine.h"
#include "tsunagi/due.h"

int en_cmp_cert_ptr(const void *a, const void *b)
{
	const due_certificate *x = *(const due_certificate *const *)a;
	const due_certificate *y = *(const due_certificate *const *)b;
	int c = en_cmp_id64(x->client_id, y->client_id);

	if (c == 0)
		c = strcmp(x->kind ? x->kind : "", y->kind ? y->kind : "");
	if (c == 0)
		c = en_cmp_id64(x->valid_to, y->valid_to);
	return c ? c : en_cmp_id64(x->id, y->id);
}

void due_rule_certificates(engine *en)
{
	size_t n = en->in->ncertificates;
	const due_certificate **v = en_sorted_ptrs(en->in->certificates, n,
						sizeof *en->in->certificates, en_cmp_cert_ptr);

	for (size_t i = 0; i < n; i++) {
		const due_certificate *c = v[i];
		due_item *it;

		/* Renewed: a certificate of the same kind ends later. */
		if (i + 1 < n && v[i + 1]->client_id == c->client_id &&
		    strcmp(v[i + 1]->kind ? v[i + 1]->kind : "", c->kind ? c->kind : "") == 0)
			continue;
		if (!en_in_window(en, c->valid_to) || !en_active_client(en, c->client_id))
			continue;
		it = en_push(en, DUE_CERTIFICATE, c->client_id, c->id, c->valid_to);
		it->text = c->kind;
	}
	free(v);
}
