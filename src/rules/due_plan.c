/*
 * due_plan.c - the items of the plan in force: its monitoring months
 * (the schedule is monitoring.c's, from the MHLW 相談支援関係 Q&A cited
 * there), its period's end, the review dates of its rows, and paperwork
 * that disagrees with it (the certificate's decision period and
 * monitoring months, FORMS.md).  The lead times are the project's
 * defaults (due.h), not a ministry rule.
 */
#include <stdlib.h>
#include <string.h>

#include "due_engine.h"
#include "tsunagi/due.h"


static void monitoring_items(engine *en, const due_plan *p)
{
	month_t lo = date_month(en->q->from), hi = date_month(en->q->to);

	for (month_t m = lo; m <= hi; m++) {
		const due_monitoring *done, *sched;
		const due_skip *skip;
		date_t on, end = month_last_day(m);
		due_item *it;

		if (!monitoring_is_due_month(p, m))
			continue;
		done = en_mon_in_month(en, p->client_id, m, true);
		if (done && !en->q->include_done)
			continue;
		sched = done ? NULL : en_mon_in_month(en, p->client_id, m, false);
		/* A monitoring done after all meets the month. */
		skip = done ? NULL : en_skip_in_month(en, p->client_id, m);
		on = done ? done->done_on : sched ? sched->scheduled_on : end;
		if (!en_in_window(en, on))
			continue;
		it = en_push(en, DUE_MONITORING, p->client_id, p->id, on);
		it->month = m;
		it->deadline = end;
		if (done)
			it->done_id = done->id;
		if (skip) {
			it->stage = DUE_MON_NOT_DONE;
			it->text = skip->reason;
			it->text2 = skip->detail;
		}
	}
}

int en_cmp_row_ptr(const void *a, const void *b)
{
	const due_plan_row *x = *(const due_plan_row *const *)a;
	const due_plan_row *y = *(const due_plan_row *const *)b;
	int c = en_cmp_id64(x->plan_id, y->plan_id);
	return c ? c : en_cmp_id64(x->id, y->id);
}

static void review_items(engine *en, const due_plan *p)
{
	size_t lo = 0, hi = en->in->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (en->rows[mid]->plan_id < p->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < en->in->nrows && en->rows[i]->plan_id == p->id; i++) {
		const due_plan_row *r = en->rows[i];
		due_item *it;

		if (!en_in_window(en, r->review_on))
			continue;
		/* A review is made at a monitoring in its month. */
		if (en_mon_in_month(en, p->client_id, date_month(r->review_on), true))
			continue;
		it = en_push(en, DUE_PLAN, p->client_id, r->id, r->review_on);
		it->stage = DUE_PLAN_REVIEW;
		it->text = r->need;
	}
}

/* The certificate of kind whose decision period overlaps the plan's and
 * starts last; NULL if none is recorded. */
static const due_certificate *decision_of(const engine *en, const due_plan *p, const char *kind)
{
	const due_certificate *best = NULL;
	size_t lo = 0, hi = en->in->ndecisions;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (en->decisions[mid]->client_id < p->client_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < en->in->ndecisions && en->decisions[i]->client_id == p->client_id; i++) {
		const due_certificate *c = en->decisions[i];

		if (!c->kind || strcmp(c->kind, kind) != 0)
			continue;
		if (c->valid_from > p->period_to || c->valid_to < p->period_from)
			continue;
		/* The latest issued: the one starting last, then the newest
		 * record (a corrected certificate entered again). */
		if (!best || c->valid_from > best->valid_from ||
		    (c->valid_from == best->valid_from && c->id > best->id))
			best = c;
	}
	return best;
}

/* The paperwork: the plan ends with the decision period it serves, and
 * the months the certificate writes are the months computed. */
static void mismatch_items(engine *en, const due_plan *p)
{
	static const char *const kinds[] = { "service", "day_service" };
	due_item *it;

	if (!en_in_window(en, p->period_from))
		return;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const due_certificate *c = decision_of(en, p, kinds[k]);

		if (!c || c->valid_to == p->period_to)
			continue;
		it = en_push(en, DUE_MISMATCH, p->client_id, c->id, p->period_from);
		it->stage = c->valid_to < p->period_to ? DUE_MISMATCH_EARLIER : DUE_MISMATCH_LATER;
		it->deadline = c->valid_to;
		it->text = c->kind;
	}
	if (p->range_from > 0 && p->range_to > 0 &&
	    !monitoring_range_agrees(p, p->range_from, p->range_to,
				     monitoring_interval_at(p, p->range_from))) {
		it = en_push(en, DUE_MISMATCH, p->client_id, p->id, p->period_from);
		it->stage = DUE_MISMATCH_RANGE;
		it->month = p->range_from;
		it->deadline = month_last_day(p->range_to);
	}
}

static void plan_items(engine *en, const due_plan *p)
{
	if (en_wanted(en, DUE_MONITORING))
		monitoring_items(en, p);
	if (en_wanted(en, DUE_MISMATCH))
		mismatch_items(en, p);
	if (!en_wanted(en, DUE_PLAN))
		return;
	if (en_in_window(en, p->period_to)) {
		due_item *it = en_push(en, DUE_PLAN, p->client_id, p->id, p->period_to);
		it->stage = DUE_PLAN_END;
	}
	review_items(en, p);
}

static int cmp_plan_ptr(const void *a, const void *b)
{
	const due_plan *x = *(const due_plan *const *)a, *y = *(const due_plan *const *)b;
	int c = en_cmp_id64(x->client_id, y->client_id);
	return c ? c : en_cmp_id64(x->id, y->id);
}

/* A final plan beats any draft; among equals the latest (highest id). */
void due_rule_plans(engine *en)
{
	size_t n = en->in->nplans;
	const due_plan **v = en_sorted_ptrs(en->in->plans, n, sizeof *en->in->plans, cmp_plan_ptr);

	for (size_t i = 0; i < n;) {
		const due_plan *best = NULL;
		size_t j = i;

		for (; j < n && v[j]->client_id == v[i]->client_id; j++) {
			if (v[j]->stage == DUE_STAGE_SUPERSEDED)
				continue;
			if (!best || v[j]->stage == DUE_STAGE_FINAL || best->stage != DUE_STAGE_FINAL)
				best = v[j];
		}
		if (best && en_active_client(en, best->client_id))
			plan_items(en, best);
		i = j;
	}
	free(v);
}
