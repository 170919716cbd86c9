/*
 * due.c - the due engine: turns the records of due_input into due items
 * for a date window, each with its state relative to "today".  Pure: no
 * I/O, no clock, the input is never changed.  The rules are listed in
 * include/tsunagi/due.h and DESIGN.md §2; each lives in a file of its own
 * (due_engine.h lists them), the monitoring schedule in monitoring.c.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due.h"
#include "due_engine.h"
#include "tsunagi/xalloc.h"

static const char *const kind_names[DUE_KIND_COUNT] = {
	"monitoring", "certificate", "plan", "consent", "action", "transition", "billing",
	"mismatch", "next",
};
static const char *const state_names[] = { "overdue", "due", "upcoming", "done", "not_done" };

const char *due_kind_name(enum due_kind k)
{
	return (unsigned)k < DUE_KIND_COUNT ? kind_names[k] : "";
}

int due_kind_from_name(const char *name)
{
	for (int k = 0; k < DUE_KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

const char *due_state_name(enum due_state s)
{
	return (unsigned)s <= DUE_NOT_DONE ? state_names[s] : "";
}

enum due_state due_state_for(date_t on, date_t today, int lead_days)
{
	if (on < today)
		return DUE_OVERDUE;
	if (on - today <= lead_days)
		return DUE_DUE;
	return DUE_UPCOMING;
}

/* ---- lead times ---- */

/* Installed by due_leads_set; the defaults (base/leads.c) until then. */
static due_leads leads;
static bool leads_set;

static const due_leads *current_leads(void)
{
	if (!leads_set) {
		due_leads_default(&leads);
		leads_set = true;
	}
	return &leads;
}

void due_leads_set(const due_leads *l)
{
	if (l)
		leads = *l;
	else
		due_leads_default(&leads);
	leads_set = true;
}

const due_leads *due_leads_get(void)
{
	return current_leads();
}

int due_leads_max(void)
{
	int m = 0;

	for (int k = 0; k < DUE_LEAD_COUNT; k++)
		if (current_leads()->days[k] > m)
			m = current_leads()->days[k];
	return m;
}

int due_item_lead(const due_item *it)
{
	switch (it->kind) {
	case DUE_CERTIFICATE:
		return it->text && strcmp(it->text, "support_level") == 0 ?
		       DUE_LEAD_SUPPORT_LEVEL : DUE_LEAD_CERTIFICATE;
	case DUE_PLAN:
		return it->stage == DUE_PLAN_REVIEW ? DUE_LEAD_PLAN_REVIEW : DUE_LEAD_PLAN_END;
	case DUE_CONSENT: return DUE_LEAD_CONSENT;
	case DUE_ACTION: return DUE_LEAD_ACTION;
	case DUE_TRANSITION: return DUE_LEAD_TRANSITION;
	case DUE_BILLING: return DUE_LEAD_BILLING;
	case DUE_MISMATCH: return DUE_LEAD_MISMATCH;
	case DUE_NEXT: return DUE_LEAD_NEXT;
	default: return -1;
	}
}

/*
 * The part of an item that depends on today, from the part that does
 * not: the cache (src/report/due_items.c) stores items without it and
 * restates them on every read; due_compute does the same at its end, so
 * the rules for states live here only.
 */
void due_item_restate(due_item *it, date_t today)
{
	int lead = due_item_lead(it);

	it->days_left = it->on - today;
	if (it->kind == DUE_MONITORING) {
		if (it->done_id)
			it->state = DUE_DONE;
		else if (it->stage == DUE_MON_NOT_DONE)
			it->state = DUE_NOT_DONE;
		else if (it->deadline < today)
			it->state = DUE_OVERDUE;
		else
			it->state = it->month <= date_month(today) ? DUE_DUE : DUE_UPCOMING;
		return;
	}
	if (lead < 0)
		return;
	it->state = due_state_for(it->on, today, current_leads()->days[lead]);
	if (it->kind == DUE_CERTIFICATE)
		it->stage = it->days_left <= 30 ? 30 : it->days_left <= 60 ? 60 :
			    it->days_left <= 90 ? 90 : 0;
}

void due_list_free(due_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

/* ---- the engine's helpers (due_engine.h) ---- */


bool en_wanted(const engine *en, enum due_kind k)
{
	return en->q->kinds == 0 || (en->q->kinds & (1u << k));
}

bool en_in_window(const engine *en, date_t on)
{
	return on != DATE_NONE && on >= en->q->from && on <= en->q->to;
}

due_item *en_push(engine *en, enum due_kind kind, int64_t client_id, int64_t ref_id, date_t on)
{
	due_list *l = en->out;
	due_item *it;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->on = it->deadline = on;
	it->kind = kind;
	it->client_id = client_id;
	it->ref_id = ref_id;
	it->days_left = on - en->q->today;
	it->month = date_month(on);
	return it;
}

int en_cmp_id64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

int en_cmp_client_ptr(const void *a, const void *b)
{
	return en_cmp_id64((*(const due_client *const *)a)->id, (*(const due_client *const *)b)->id);
}

static date_t mon_date(const due_monitoring *m)
{
	return m->done_on != DATE_NONE ? m->done_on : m->scheduled_on;
}

int en_cmp_mon_ptr(const void *a, const void *b)
{
	const due_monitoring *x = *(const due_monitoring *const *)a;
	const due_monitoring *y = *(const due_monitoring *const *)b;
	int c = en_cmp_id64(x->client_id, y->client_id);

	if (c == 0)
		c = en_cmp_id64(mon_date(x), mon_date(y));
	return c ? c : en_cmp_id64(x->id, y->id);
}

void *en_sorted_ptrs(const void *base, size_t n, size_t size,
			 int (*cmp)(const void *, const void *))
{
	const void **v = xmalloc((n ? n : 1) * sizeof *v);

	for (size_t i = 0; i < n; i++)
		v[i] = (const char *)base + i * size;
	if (n > 1)
		qsort(v, n, sizeof *v, cmp);
	return v;
}

/* The client if it is known and active, else NULL. */
const due_client *en_active_client(const engine *en, int64_t id)
{
	size_t lo = 0, hi = en->in->nclients;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (en->clients[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < en->in->nclients && en->clients[lo]->id == id)
		return en->clients[lo]->closed ? NULL : en->clients[lo];
	return NULL;
}

/* Index of the client's first monitoring in en->mons. */
static size_t first_mon(const engine *en, int64_t client_id)
{
	size_t lo = 0, hi = en->in->nmonitorings;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (en->mons[mid]->client_id < client_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first monitoring done (done) or only scheduled (!done) in month m. */
const due_monitoring *en_mon_in_month(const engine *en, int64_t client_id, month_t m, bool done)
{
	for (size_t i = first_mon(en, client_id); i < en->in->nmonitorings; i++) {
		const due_monitoring *mo = en->mons[i];
		date_t d = done ? mo->done_on : mo->scheduled_on;

		if (mo->client_id != client_id)
			break;
		if (done != (mo->done_on != DATE_NONE) || d == DATE_NONE)
			continue;
		if (date_month(d) == m)
			return mo;
	}
	return NULL;
}

int en_cmp_skip_ptr(const void *a, const void *b)
{
	const due_skip *x = *(const due_skip *const *)a;
	const due_skip *y = *(const due_skip *const *)b;
	int c = en_cmp_id64(x->client_id, y->client_id);

	if (c == 0)
		c = en_cmp_id64(x->month, y->month);
	return c ? c : en_cmp_id64(x->id, y->id);
}

/* The month's not-done record (the latest if there are several). */
const due_skip *en_skip_in_month(const engine *en, int64_t client_id, month_t m)
{
	size_t lo = 0, hi = en->in->nskips;
	const due_skip *found = NULL;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const due_skip *k = en->skips[mid];
		if (k->client_id < client_id || (k->client_id == client_id && k->month < m))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < en->in->nskips && en->skips[lo]->client_id == client_id &&
	       en->skips[lo]->month == m; lo++)
		found = en->skips[lo];
	return found;
}

static int cmp_item(const void *a, const void *b)
{
	const due_item *x = a, *y = b;
	int c = en_cmp_id64(x->on, y->on);

	if (c == 0)
		c = (int)x->state - (int)y->state;
	if (c == 0)
		c = (int)x->kind - (int)y->kind;
	if (c == 0)
		c = en_cmp_id64(x->client_id, y->client_id);
	if (c == 0)
		c = en_cmp_id64(x->ref_id, y->ref_id);
	/* A plan's end and a review row can share a number; so can a
	 * certificate and a plan, both mismatches. */
	if (c == 0 && (x->kind == DUE_PLAN || x->kind == DUE_MISMATCH))
		c = x->stage - y->stage;
	return c ? c : en_cmp_id64(x->month, y->month);
}

size_t due_compute(const due_input *in, const due_query *q, due_list *out)
{
	engine en = { in, q, out, NULL, NULL, NULL, NULL, NULL };

	out->n = 0;
	if (q->from == DATE_NONE || q->to == DATE_NONE || q->from > q->to)
		return 0;
	en.clients = en_sorted_ptrs(in->clients, in->nclients, sizeof *in->clients, en_cmp_client_ptr);
	en.mons = en_sorted_ptrs(in->monitorings, in->nmonitorings, sizeof *in->monitorings, en_cmp_mon_ptr);
	en.rows = en_sorted_ptrs(in->rows, in->nrows, sizeof *in->rows, en_cmp_row_ptr);
	en.skips = en_sorted_ptrs(in->skips, in->nskips, sizeof *in->skips, en_cmp_skip_ptr);
	en.decisions = en_sorted_ptrs(in->decisions, in->ndecisions, sizeof *in->decisions, en_cmp_cert_ptr);

	if (en_wanted(&en, DUE_MONITORING) || en_wanted(&en, DUE_PLAN) || en_wanted(&en, DUE_MISMATCH))
		due_rule_plans(&en);
	if (en_wanted(&en, DUE_CERTIFICATE))
		due_rule_certificates(&en);
	if (en_wanted(&en, DUE_CONSENT))
		due_rule_consents(&en);
	if (en_wanted(&en, DUE_ACTION))
		due_rule_actions(&en);
	if (en_wanted(&en, DUE_NEXT))
		due_rule_nexts(&en);
	if (en_wanted(&en, DUE_TRANSITION))
		due_rule_transitions(&en);
	if (en_wanted(&en, DUE_BILLING))
		due_rule_billing(&en);

	free(en.clients);
	free(en.mons);
	free(en.rows);
	free(en.skips);
	free(en.decisions);
	for (size_t i = 0; i < out->n; i++)
		due_item_restate(&out->items[i], q->today);
	due_sort(out);
	return out->n;
}

void due_sort(due_list *l)
{
	size_t i = 1;

	/* The cache's index gives a sheet's items in this order (a week's
	 * 5,404 at 10,000 clients): one pass finds whether qsort is needed
	 * (glibc's is a stable merge sort: skipping it changes nothing). */
	while (i < l->n && cmp_item(&l->items[i - 1], &l->items[i]) <= 0)
		i++;
	if (i < l->n)
		qsort(l->items, l->n, sizeof *l->items, cmp_item);
}

/* Our rule, not the ministry's (DUE_MISSED_MONITORING_DAYS in due.h): a
 * month that cannot be made up stays in sight for a while, then is
 * history; a month recorded as not done needs nothing once it is out. */
bool due_item_forgotten(enum due_kind kind, enum due_state state, date_t deadline, date_t today)
{
	if (kind != DUE_MONITORING)
		return false;
	if (state == DUE_NOT_DONE)
		return deadline < today;
	return state == DUE_OVERDUE && deadline < today - DUE_MISSED_MONITORING_DAYS;
}

void due_list_forget_missed(due_list *l, date_t today)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		if (!due_item_forgotten(it->kind, it->state, it->deadline, today))
			l->items[k++] = *it;
	}
	l->n = k;
}
