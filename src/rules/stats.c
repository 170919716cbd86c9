/*
 * stats.c - the caseload health figures (stats.h says what each one
 * counts).  Pure: no I/O, no clock.  The monitoring months come from the
 * schedule of src/rules/monitoring.c, never computed here again.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/stats.h"
#include "tsunagi/xalloc.h"

int stats_permille(int num, int den)
{
	if (den <= 0)
		return -1;
	return (int)(((long long)num * 2000 + den) / (2LL * den));
}

int stats_month_rate(const stats_month *m)
{
	return stats_permille(m->met, m->met + m->not_done + m->missed);
}

int stats_late_rate(const stats_month *m)
{
	return stats_permille(m->late, m->notes - m->unknown);
}

int stats_per_worker_tenths(const stats *s)
{
	int w = s->workers > 0 ? s->workers : 10;   /* tenths of a worker */

	return (s->counted * 200 + w) / (2 * w);
}

static bool covers(const due_plan *p, month_t m)
{
	return p->period_from != DATE_NONE && p->period_to != DATE_NONE &&
	       date_month(p->period_from) <= m && m <= date_month(p->period_to);
}

/* The first index of client id in an array sorted by client id (a
 * field client_id), by binary search. */
#define FIRST_OF(arr, n, id, out) do { \
	size_t lo_ = 0, hi_ = (n); \
	while (lo_ < hi_) { \
		size_t mid_ = lo_ + (hi_ - lo_) / 2; \
		if ((arr)[mid_].client_id < (id)) lo_ = mid_ + 1; else hi_ = mid_; \
	} \
	(out) = lo_; \
} while (0)

/* The plan in effect for client id in month m (see stats.h), or NULL. */
static const due_plan *plan_in(const stats_input *in, int64_t id, month_t m)
{
	const due_plan *best = NULL, *draft = NULL;
	bool any_final = false;
	size_t i;

	FIRST_OF(in->plans, in->nplans, id, i);
	for (; i < in->nplans && in->plans[i].client_id == id; i++) {
		const due_plan *p = &in->plans[i];

		if (p->stage == DUE_STAGE_DRAFT) {
			if (covers(p, m) && (!draft || p->id > draft->id))
				draft = p;
			continue;
		}
		any_final = true;
		if (covers(p, m) && (!best || p->id > best->id))
			best = p;
	}
	return any_final ? best : draft;
}

static bool done_in(const stats_input *in, int64_t id, month_t m)
{
	size_t i;

	FIRST_OF(in->monitorings, in->nmonitorings, id, i);
	for (; i < in->nmonitorings && in->monitorings[i].client_id == id; i++)
		if (in->monitorings[i].done_on != DATE_NONE && date_month(in->monitorings[i].done_on) == m)
			return true;
	return false;
}

static bool skipped_in(const stats_input *in, int64_t id, month_t m)
{
	size_t i;

	FIRST_OF(in->skips, in->nskips, id, i);
	for (; i < in->nskips && in->skips[i].client_id == id; i++)
		if (in->skips[i].month == m)
			return true;
	return false;
}

/* The month's last day the client was still ours (closed_on's month
 * counts; a closed client without a date counts for no month). */
static bool served_in(const stats_client *c, month_t m)
{
	if (c->closed_on != DATE_NONE)
		return m <= date_month(c->closed_on);
	return !c->closed;
}

static void count_monitoring(const stats_input *in, month_t today_m, stats_month *sm)
{
	for (size_t i = 0; i < in->nclients; i++) {
		const stats_client *c = &in->clients[i];
		const due_plan *p;

		if (sm->month > today_m || !served_in(c, sm->month))
			continue;
		if (!(p = plan_in(in, c->id, sm->month)) || !monitoring_is_due_month(p, sm->month))
			continue;
		sm->due++;
		if (done_in(in, c->id, sm->month))
			sm->met++;
		else if (skipped_in(in, c->id, sm->month))
			sm->not_done++;
		else if (sm->month == today_m)
			sm->open++;
		else
			sm->missed++;
	}
}

static void count_notes(const stats_input *in, int delay, stats_month *sm)
{
	for (size_t i = 0; i < in->nnotes; i++) {
		const stats_note *n = &in->notes[i];

		if (n->noted_on == DATE_NONE || date_month(n->noted_on) != sm->month)
			continue;
		sm->notes++;
		if (n->written_on == DATE_NONE)
			sm->unknown++;
		else if (n->written_on - n->noted_on > delay)
			sm->late++;
	}
}

static void count_clients(const stats_input *in, stats_month *sm)
{
	for (size_t i = 0; i < in->nclients; i++) {
		const stats_client *c = &in->clients[i];

		if (c->start_on != DATE_NONE && date_month(c->start_on) == sm->month)
			sm->started++;
		if (c->closed_on != DATE_NONE && date_month(c->closed_on) == sm->month)
			sm->closed++;
	}
}

static void add_month(stats_month *t, const stats_month *m)
{
	t->due += m->due;
	t->met += m->met;
	t->not_done += m->not_done;
	t->missed += m->missed;
	t->open += m->open;
	t->notes += m->notes;
	t->late += m->late;
	t->unknown += m->unknown;
	t->started += m->started;
	t->closed += m->closed;
}

static bool active_on(const stats_client *c, date_t day)
{
	if (c->start_on != DATE_NONE && c->start_on > day)
		return false;
	if (c->closed_on != DATE_NONE)
		return c->closed_on > day;
	return !c->closed;
}

static void count_load(const stats_input *in, stats *s)
{
	for (size_t i = 0; i < in->nclients; i++) {
		const stats_client *c = &in->clients[i];

		if (!active_on(c, s->cutoff))
			continue;
		s->active++;
		if (c->kind >= 0 && c->kind < STATS_KINDS)
			s->by_kind[c->kind]++;
		s->by_level[c->level >= 0 && c->level <= 6 ? c->level : STATS_LEVEL_NONE]++;
		/* Planning (計画相談) and child (障害児相談) cases; the
		 * community ones (地域移行, 地域定着) are another service. */
		if (c->kind == 0 || c->kind == 1)
			s->counted++;
	}
}

/* The score of row at monitoring mon among g[lo, hi), or NULL. */
static const stats_gas *score_at(const stats_gas *g, size_t lo, size_t hi, int64_t mon, int64_t row)
{
	for (size_t i = lo; i < hi; i++)
		if (g[i].monitoring_id == mon && g[i].row_id == row)
			return &g[i];
	return NULL;
}

/* in->gas is sorted by client, then date and monitoring: each client's
 * last monitoring is its latest, the one before it the previous. */
static void count_gas(const stats_input *in, date_t cutoff, stats *s)
{
	const stats_gas *g = in->gas;
	size_t i = 0;

	while (i < in->ngas) {
		size_t lo = i, hi;
		int64_t client = g[i].client_id, last = 0, prev = 0;

		for (; i < in->ngas && g[i].client_id == client; i++) {
			if (g[i].on > cutoff || g[i].monitoring_id == last)
				continue;
			prev = last;
			last = g[i].monitoring_id;
		}
		hi = i;
		for (size_t k = lo; k < hi && last; k++) {
			const stats_gas *before;

			if (g[k].monitoring_id != last)
				continue;
			s->gas_goals++;
			s->gas_ok += g[k].gas >= 0;
			if (!prev || !(before = score_at(g, lo, hi, prev, g[k].row_id)))
				continue;
			s->gas_pairs++;
			s->gas_prev_ok += before->gas >= 0;
			s->gas_pair_ok += g[k].gas >= 0;
			if (g[k].gas > before->gas)
				s->gas_up++;
			else if (g[k].gas == before->gas)
				s->gas_same++;
			else
				s->gas_down++;
		}
	}
}

static int cmp_event(const void *a, const void *b)
{
	const stats_event *x = a, *y = b;

	if (x->on != y->on)
		return (x->on > y->on) - (x->on < y->on);
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return (x->id > y->id) - (x->id < y->id);
}

static void pick_unwritten(const stats_input *in, stats *s)
{
	stats_event *all = xcalloc(in->nunwritten ? in->nunwritten : 1, sizeof *all);
	size_t n = 0;

	for (size_t i = 0; i < in->nunwritten; i++)
		if (in->unwritten[i].on != DATE_NONE && in->unwritten[i].on <= s->cutoff)
			all[n++] = in->unwritten[i];
	qsort(all, n, sizeof *all, cmp_event);
	s->unwritten_all = n;
	for (size_t i = 0; i < n && i < STATS_UNWRITTEN_MAX; i++) {
		s->unwritten[i] = all[i];
		s->unwritten[i].name = xstrdup(all[i].name ? all[i].name : "");
		s->unwritten[i].kana = xstrdup(all[i].kana ? all[i].kana : "");
		s->nunwritten++;
	}
	free(all);
}

void stats_compute(const stats_input *in, month_t month, date_t today, int delay_days,
		   int workers, stats *out)
{
	date_t last = month_last_day(month);

	memset(out, 0, sizeof *out);
	out->month = month;
	out->today = today;
	out->cutoff = today < last ? today : last;
	out->delay_days = delay_days;
	out->workers = workers > 0 ? workers : 10;
	for (int k = 0; k < STATS_MONTHS; k++) {
		stats_month *sm = &out->m[k];

		sm->month = month - (STATS_MONTHS - 1) + k;
		count_monitoring(in, date_month(today), sm);
		count_notes(in, delay_days, sm);
		count_clients(in, sm);
		add_month(&out->total, sm);
	}
	count_load(in, out);
	count_gas(in, out->cutoff, out);
	pick_unwritten(in, out);
}

void stats_free(stats *s)
{
	for (size_t i = 0; i < s->nunwritten; i++) {
		free((char *)s->unwritten[i].name);
		free((char *)s->unwritten[i].kana);
	}
	s->nunwritten = 0;
}
