/*
 * due_page.c - due items a page at a time (see due_page.h).
 *
 * The pager's index is a sorted array of groups: one per day, kind and
 * state, counted by table due_day.  Fetching finds the group of the key
 * by binary search and reads on from the cache's partial indexes
 * (due_cache_open for items not met, due_cache_met for met ones) with a
 * key after (client, reference, stage), through store_due_cache_page:
 * never OFFSET, never the whole day.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due_page.h"
#include "tsunagi/store_due_cache.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/xalloc.h"

static int cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Group order: section, date, state, kind. */
static int cmp_group_key(int sa, date_t oa, int ta, int ka, int sb, date_t ob, int tb, int kb)
{
	int c = cmp_int(sa, sb);

	if (!c)
		c = cmp_int(oa, ob);
	if (!c)
		c = cmp_int(ta, tb);
	return c ? c : cmp_int(ka, kb);
}

static int cmp_groups(const void *a, const void *b)
{
	const due_group *x = a, *y = b;
	return cmp_group_key(x->section, x->on, x->state, x->kind,
			     y->section, y->on, y->state, y->kind);
}

/* The stage as the cache keeps it (a plan item's end or review, a
 * monitoring month not done, what a mismatch is about); the
 * certificate's reached stage is worked out on reading. */
static int key_stage(enum due_kind kind, int stage)
{
	return kind == DUE_CERTIFICATE ? 0 : stage;
}

/* Within a group: client, reference, stage. */
static int cmp_in_group(const due_item *it, const due_pos *p)
{
	int c = cmp_int(it->client_id, p->client_id);

	if (!c)
		c = cmp_int(it->ref_id, p->ref_id);
	return c ? c : cmp_int(key_stage(it->kind, it->stage), p->stage);
}

static bool wanted(const due_query *q, int kind)
{
	return q->kinds == 0 || (q->kinds & (1u << kind));
}

/* The state of an item not met, from its date and kind (and for a
 * certificate whether it is a support-level one): what due_item_restate
 * gives an item of the cache on that day. */
static enum due_state open_state(enum due_kind kind, bool support_level, date_t on, date_t today,
				 date_t *deadline)
{
	due_item it = { 0 };

	it.on = on;
	it.kind = kind;
	it.month = date_month(on);
	it.deadline = kind == DUE_MONITORING ? month_last_day(it.month) : on;
	it.text = support_level ? "support_level" : NULL;
	due_item_restate(&it, today);
	*deadline = it.deadline;
	return it.state;
}

/* What the lists leave out (due_item_forgotten), when this pager does. */
static bool forgotten(const due_pager *p, enum due_kind kind, enum due_state st, date_t deadline)
{
	return p->forget_missed && due_item_forgotten(kind, st, deadline, p->q.today);
}

typedef struct group_vec {
	due_group *v;
	size_t n, cap;
} group_vec;

static due_group *add_group(group_vec *g)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 256;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	memset(&g->v[g->n], 0, sizeof g->v[g->n]);
	return &g->v[g->n++];
}

/* Groups over items held in memory (sorted as due_sort sorts): one per
 * run of equal section, date, state and kind.  The items must stay
 * where they are. */
static void groups_of_items(due_pager *p, group_vec *g, const due_list *l,
			    due_section_fn classify, void *ctx)
{
	for (size_t i = 0; i < l->n; i++) {
		const due_item *it = &l->items[i];
		int sec;

		if (!wanted(&p->q, it->kind) || (it->state == DUE_DONE && !p->q.include_done))
			continue;
		if (forgotten(p, it->kind, it->state, it->deadline))
			continue;
		sec = classify ? classify(it->on, it->state, it->kind, ctx) : 0;
		if (sec < 0)
			continue;
		if (g->n) {
			due_group *last = &g->v[g->n - 1];
			if (last->mem && last->section == sec && last->on == it->on &&
			    last->state == it->state && last->kind == it->kind &&
			    last->mem + last->n == it) {
				last->n++;
				continue;
			}
		}
		due_group *gr = add_group(g);
		gr->section = sec;
		gr->on = it->on;
		gr->state = it->state;
		gr->kind = it->kind;
		gr->n = 1;
		gr->mem = it;
	}
}

/* Add the group of a day and kind (cert: the due_group.cert filter,
 * n < 0: count it first); nothing when classify leaves it out. */
static int add_day_group(due_pager *p, group_vec *g, date_t on, enum due_kind kind,
			 enum due_state state, int cert, int64_t n,
			 due_section_fn classify, void *ctx, tsu_err *e)
{
	int sec = classify ? classify(on, state, kind, ctx) : 0;
	due_group *gr;

	if (sec < 0)
		return TSU_OK;
	if (n < 0 && (n = store_due_cache_count_certs(p->db, on, cert == 1, state != DUE_DONE, e)) < 0)
		return TSU_EIO;
	if (n == 0)
		return TSU_OK;
	gr = add_group(g);
	gr->section = sec;
	gr->on = on;
	gr->state = state;
	gr->kind = kind;
	gr->n = (size_t)n;
	gr->cert = cert;
	return TSU_OK;
}

typedef struct day_walk {
	due_pager *p;
	group_vec *g;
	due_section_fn classify;
	void *ctx;
} day_walk;

/* One day's count of one kind (open: 1 not met, 0 met, 2 not done): its
 * group, or two when the day's certificates differ in state. */
static int group_of_day(void *arg, const due_day_row *r, tsu_err *e)
{
	day_walk *w = arg;
	due_pager *p = w->p;
	date_t on = r->on, deadline;
	int kind = r->kind, open = r->open, grc;
	enum due_state state, sl_state;

	if (kind < 0 || kind >= DUE_KIND_COUNT || !wanted(&p->q, kind))
		return TSU_OK;
	if (!open && !p->q.include_done)
		return TSU_OK;
	if (open == 2) {
		state = DUE_NOT_DONE;
		deadline = month_last_day(date_month(on));
	} else {
		state = open ? open_state((enum due_kind)kind, false, on, p->q.today, &deadline) : DUE_DONE;
	}
	if (open && forgotten(p, (enum due_kind)kind, state, deadline))
		return TSU_OK;
	sl_state = open == 1 && kind == DUE_CERTIFICATE ?
		   open_state(DUE_CERTIFICATE, true, on, p->q.today, &deadline) : state;
	if (sl_state == state)
		return add_day_group(p, w->g, on, (enum due_kind)kind, state, 0, r->n, w->classify, w->ctx, e);
	grc = add_day_group(p, w->g, on, DUE_CERTIFICATE, sl_state, 1, -1, w->classify, w->ctx, e);
	if (grc == TSU_OK)
		grc = add_day_group(p, w->g, on, DUE_CERTIFICATE, state, 2, -1, w->classify, w->ctx, e);
	return grc;
}

static int groups_of_cache(due_pager *p, group_vec *g, due_section_fn classify, void *ctx, tsu_err *e)
{
	day_walk w = { p, g, classify, ctx };

	return store_due_days_each(p->db, p->q.from, p->q.to, group_of_day, &w, e);
}

int due_pager_open(db *d, const due_query *q, bool forget_missed,
		   due_section_fn classify, void *ctx, int nsections,
		   due_pager *out, tsu_err *e)
{
	group_vec g = { 0 };
	tsu_err ignored;
	int rc = TSU_OK;

	memset(out, 0, sizeof *out);
	out->db = d;
	out->q = *q;
	out->forget_missed = forget_missed;
	if (nsections < 1 || nsections > DUE_PAGE_MAX_SECTIONS)
		return err_set(e, TSU_EINVAL, "due pager: %d sections", nsections);

	if (due_cache_refresh(d, &ignored) < 0) {
		/* Everything in memory, computed from the records. */
		out->from_memory = true;
		if ((rc = due_items_direct(d, q, &out->held, e)) != TSU_OK)
			return rc;
		due_sort(&out->held.list);
		groups_of_items(out, &g, &out->held.list, classify, ctx);
	} else {
		/* Billing is not cached: the engine gives it for the window. */
		due_input none = { 0 };
		due_query bq = *q;

		bq.kinds = 1u << DUE_BILLING;
		if (wanted(q, DUE_BILLING))
			due_compute(&none, &bq, &out->held.list);
		groups_of_items(out, &g, &out->held.list, classify, ctx);
		rc = groups_of_cache(out, &g, classify, ctx, e);
	}
	if (rc != TSU_OK) {
		free(g.v);
		due_pager_free(out);
		return rc;
	}
	if (g.n > 1)
		qsort(g.v, g.n, sizeof *g.v, cmp_groups);
	for (size_t i = 0; i < g.n; i++) {
		int s = g.v[i].section;
		if (s < 0 || s >= nsections) {
			free(g.v);
			due_pager_free(out);
			return err_set(e, TSU_EINVAL, "due pager: section %d out of range", s);
		}
		out->counts[s] += g.v[i].n;
		out->total += g.v[i].n;
	}
	out->groups = g.v;
	out->ngroups = g.n;
	return TSU_OK;
}

void due_pager_free(due_pager *p)
{
	free(p->groups);
	due_result_free(&p->held);
	memset(p, 0, sizeof *p);
}

due_pos due_pager_pos(const due_pager *p, const due_item *it, int section)
{
	due_pos pos = { section, it->on, it->state, it->kind, it->client_id, it->ref_id,
			key_stage(it->kind, it->stage) };

	return pos;
}

/* The first group whose key is >= pos's (or > with after). */
static size_t group_lower(const due_pager *p, const due_pos *pos, bool after)
{
	size_t lo = 0, hi = p->ngroups;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const due_group *g = &p->groups[mid];
		int c = cmp_group_key(g->section, g->on, g->state, g->kind,
				      pos->section, pos->on, pos->state, pos->kind);
		if (c < 0 || (after && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

typedef struct page_read {
	due_pager *p;
	const due_group *g;
	due_emit_fn emit;
	void *ctx;
} page_read;

static void paged_item(void *ctx, due_item *it)
{
	page_read *r = ctx;

	due_item_restate(it, r->p->q.today);
	r->emit(r->ctx, it, r->g->section);
}

/* Items of a group after (before) key, or from its start (end) when key
 * is NULL; up to n.  Returns how many were emitted, or -1 on error. */
static long fetch_group(due_pager *p, const due_group *g, const due_pos *key, bool backward,
			size_t n, due_emit_fn emit, void *ctx, tsu_err *e)
{
	long k = 0;

	if (g->mem) {
		/* Sorted by client, reference, stage within the group. */
		size_t lo = 0, hi = g->n;
		if (key) {
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				int c = cmp_in_group(&g->mem[mid], key);
				if (backward ? c < 0 : c <= 0)
					lo = mid + 1;
				else
					hi = mid;
			}
		} else {
			lo = backward ? g->n : 0;
		}
		if (!backward) {
			for (size_t i = lo; i < g->n && (size_t)k < n; i++, k++)
				emit(ctx, &g->mem[i], g->section);
		} else {
			for (size_t i = lo; i > 0 && (size_t)k < n; i--, k++)
				emit(ctx, &g->mem[i - 1], g->section);
		}
		return k;
	}

	store_due_page pg = {
		.on = g->on, .kind = g->kind, .cert = g->cert, .backward = backward, .n = n,
		.set = g->state == DUE_DONE ? STORE_DUE_MET :
		       g->state == DUE_NOT_DONE ? STORE_DUE_NOT_DONE : STORE_DUE_OPEN,
	};
	page_read r = { p, g, emit, ctx };

	if (key) {
		pg.has_key = true;
		pg.client_id = key->client_id;
		pg.ref_id = key->ref_id;
		pg.stage = key->stage;
	}
	return store_due_cache_page(p->db, &pg, paged_item, &r, e);
}

size_t due_pager_fetch(due_pager *p, const due_pos *from, int sec, bool backward,
		       size_t n, due_emit_fn emit, void *ctx, tsu_err *e)
{
	size_t got = 0;
	long gi;
	const due_pos *key = NULL;

	if (!from && sec >= 0) {
		/* From the start (end) of the section. */
		due_pos edge = { sec, backward ? INT32_MAX : INT32_MIN, 0, 0, 0, 0, 0 };
		gi = (long)group_lower(p, &edge, backward) - (backward ? 1 : 0);
	} else if (!from) {
		gi = backward ? (long)p->ngroups - 1 : 0;
	} else if (!backward) {
		gi = (long)group_lower(p, from, false);
		if (gi < (long)p->ngroups) {
			const due_group *g = &p->groups[gi];
			if (!cmp_group_key(g->section, g->on, g->state, g->kind,
					   from->section, from->on, from->state, from->kind))
				key = from;
		}
	} else {
		/* The last group whose key is <= from's. */
		gi = (long)group_lower(p, from, true) - 1;
		if (gi >= 0) {
			const due_group *g = &p->groups[gi];
			if (!cmp_group_key(g->section, g->on, g->state, g->kind,
					   from->section, from->on, from->state, from->kind))
				key = from;
		}
	}
	while (got < n && gi >= 0 && gi < (long)p->ngroups) {
		const due_group *g = &p->groups[gi];
		long k;

		if (sec >= 0 && g->section != sec) {
			/* Groups are in section order: past the section, stop. */
			if (backward ? g->section < sec : g->section > sec)
				break;
		} else {
			k = fetch_group(p, g, key, backward, n - got, emit, ctx, e);
			if (k < 0)
				break;
			got += (size_t)k;
		}
		key = NULL;
		gi += backward ? -1 : 1;
	}
	return got;
}
