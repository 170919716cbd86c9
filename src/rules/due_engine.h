/*
 * due_engine.h - the due engine's working state and helpers, shared by
 * the engine (due.c) and its rules, one file each: due_plan.c (the plan
 * in force: monitoring months, plan end, review dates, paperwork that
 * disagrees), due_certificate.c, due_consent.c, due_action.c (action
 * items and a note's next step), due_age18.c and due_billing.c.  Private
 * to src/rules/.
 */
#ifndef TSUNAGI_RULES_DUE_ENGINE_H
#define TSUNAGI_RULES_DUE_ENGINE_H

#include "tsunagi/due.h"

typedef struct engine {
	const due_input *in;
	const due_query *q;
	due_list *out;
	const due_client **clients;       /* by id */
	const due_monitoring **mons;      /* by client, then date */
	const due_plan_row **rows;        /* by plan */
	const due_skip **skips;           /* by client, then month */
	const due_certificate **decisions; /* by client, kind, valid_to */
} engine;

/* Whether the query asks for kind k; whether a day is in its window. */
bool en_wanted(const engine *en, enum due_kind k);
bool en_in_window(const engine *en, date_t on);
/* A new item on the output list, its day's fields filled. */
due_item *en_push(engine *en, enum due_kind kind, int64_t client_id, int64_t ref_id, date_t on);
int en_cmp_id64(int64_t a, int64_t b);
/* Pointers to the n elements of base, sorted by cmp; caller frees. */
void *en_sorted_ptrs(const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* The client if it is known and active, else NULL. */
const due_client *en_active_client(const engine *en, int64_t id);
/* The first monitoring done (done) or only scheduled (!done) in month m. */
const due_monitoring *en_mon_in_month(const engine *en, int64_t client_id, month_t m, bool done);
/* The month's not-done record (the latest if there are several). */
const due_skip *en_skip_in_month(const engine *en, int64_t client_id, month_t m);

/* The orders of en's indexes (due.c sorts with them). */
int en_cmp_client_ptr(const void *a, const void *b);
int en_cmp_mon_ptr(const void *a, const void *b);
int en_cmp_row_ptr(const void *a, const void *b);
int en_cmp_skip_ptr(const void *a, const void *b);
int en_cmp_cert_ptr(const void *a, const void *b);

/* The rules: each adds its kind's items for the window. */
void due_rule_plans(engine *en);
void due_rule_certificates(engine *en);
void due_rule_consents(engine *en);
void due_rule_actions(engine *en);
void due_rule_nexts(engine *en);
void due_rule_transitions(engine *en);
void due_rule_billing(engine *en);

#endif
