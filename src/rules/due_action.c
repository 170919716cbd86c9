/*
 * due_action.c - what the worker wrote she would do by a date: a care
 * meeting's action item (its owner and deadline) and a note's dated next
 * step (次の対応) are due on their date until marked done.  A rule of
 * our own: the records carry the date, no ministry text sets it.
 */
#include "due_engine.h"
#include "tsunagi/due.h"

void due_rule_actions(engine *en)
{
	for (size_t i = 0; i < en->in->nactions; i++) {
		const due_action *a = &en->in->actions[i];
		due_item *it;

		if (a->done_on != DATE_NONE || !en_in_window(en, a->due_on) ||
		    !en_active_client(en, a->client_id))
			continue;
		it = en_push(en, DUE_ACTION, a->client_id, a->id, a->due_on);
		it->text = a->what;
	}
}

/* A note's next step: the same rule on the note's own date and words. */
void due_rule_nexts(engine *en)
{
	for (size_t i = 0; i < en->in->nnexts; i++) {
		const due_action *a = &en->in->nexts[i];
		due_item *it;

		if (a->done_on != DATE_NONE || !en_in_window(en, a->due_on) ||
		    !en_active_client(en, a->client_id))
			continue;
		it = en_push(en, DUE_NEXT, a->client_id, a->id, a->due_on);
		it->text = a->what;
	}
}
