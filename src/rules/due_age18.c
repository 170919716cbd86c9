/*
 * due_age18.c - a child client turns 18: 児童福祉法 第4条 defines a child
 * (児童, and so 障害児) as under 満十八歳, so the child's plan (障害児支援
 * 利用援助) gives way to adult planning (計画相談支援) and the paperwork
 * must move over.  Source: 児童福祉法 (昭和22年法律第164号) 第4条, read
 * on iuris.jp's copy of the act (施行 2024-04-01).  The 180-day lead is
 * the project's default (due.h).
 */
#include "due_engine.h"
#include "tsunagi/due.h"

void due_rule_transitions(engine *en)
{
	for (size_t i = 0; i < en->in->nclients; i++) {
		const due_client *c = &en->in->clients[i];
		date_t on;

		if (c->closed || !c->child || c->birth_on == DATE_NONE)
			continue;
		on = date_add_years(c->birth_on, 18);
		if (!en_in_window(en, on))
			continue;
		en_push(en, DUE_TRANSITION, c->id, 0, on);
	}
}
