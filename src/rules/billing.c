/*
 * billing.c - the billing worksheet's rules (see billing.h for what each
 * row means and data/fees-2024.tsv for the fees and their sources).
 *
 * Which month a plan or monitoring belongs to: the plan's consent date
 * (the day it was made final: the 計画作成月 is the month the plan is
 * delivered after the client's consent), the monitoring's done date.
 * The words looked for in notes are ours, not a ministry list: the
 * worksheet shows each note it used, so the worker judges it.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing.h"
#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/xalloc.h"

const char *bill_category_name(int category)
{
	static const char *const names[] = { "none", "1", "2", "3", "4" };
	return category >= 0 && category <= BILL_CATEGORY_MAX ? names[category] : "none";
}

/* ---- names ---- */

const char *bill_status_name(enum bill_status s)
{
	static const char *const names[] = { "billable", "check", "candidate", "unconfirmed", "not_billable" };
	return names[s];
}

const char *bill_status_label(enum bill_status s)
{
	static const char *const labels[] = { N_("billable"), N_("check first"), N_("candidate"),
					      N_("requirements unconfirmed"), N_("not billable") };
	return _(labels[s]);
}

const char *bill_problem_name(enum bill_problem p)
{
	static const char *const names[] = { "", "not_due", "no_consent", "no_report", "no_recipient",
					     "double", "no_plan" };
	return names[p];
}

const char *bill_problem_label(enum bill_problem p)
{
	static const char *const labels[] = {
		"", N_("monitoring in a month that is not due"), N_("plan without a consent date"),
		N_("monitoring without its report"), N_("no recipient certificate number"),
		N_("the same event counted twice"), N_("monitoring without a plan"),
	};
	return p == BILL_P_NONE ? "" : _(labels[p]);
}

/* ---- building rows ---- */

typedef struct rows {
	bill_row *v;
	size_t n, cap;
} rows;

static bill_row *push(rows *r, enum bill_section sec, const bill_client *c, date_t on)
{
	bill_row *row;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	row = memset(&r->v[r->n++], 0, sizeof *row);
	row->section = sec;
	row->client = c;
	row->on = on;
	return row;
}

static const bill_client *client_of(const bill_input *in, int64_t id)
{
	size_t lo = 0, hi = in->nclients;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (in->clients[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < in->nclients && in->clients[lo].id == id ? &in->clients[lo] : NULL;
}

static const bill_plan *plan_by_id(const bill_input *in, int64_t id)
{
	size_t lo = 0, hi = in->nplans;

	/* The store gives the plans in id order; a hand-made input that
	 * does not is searched through. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (in->plans[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < in->nplans && in->plans[lo].id == id)
		return &in->plans[lo];
	for (size_t i = 0; i < in->nplans; i++)
		if (in->plans[i].id == id)
			return &in->plans[i];
	return NULL;
}

/* ---- each client's records, found without scanning them all ---- */

typedef struct bill_index {
	const bill_plan **plans;        /* by client, then id */
	const bill_note **notes;        /* by client, then day */
	const bill_meeting **meetings;  /* by client, then day */
	size_t np, nn, nmt;
} bill_index;

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static int plan_ptr_cmp(const void *a, const void *b)
{
	const bill_plan *x = *(const bill_plan *const *)a, *y = *(const bill_plan *const *)b;
	return x->client_id != y->client_id ? CMP(x->client_id, y->client_id) : CMP(x->id, y->id);
}

static int note_ptr_cmp(const void *a, const void *b)
{
	const bill_note *x = *(const bill_note *const *)a, *y = *(const bill_note *const *)b;
	if (x->client_id != y->client_id)
		return CMP(x->client_id, y->client_id);
	return x->noted_on != y->noted_on ? CMP(x->noted_on, y->noted_on) : CMP(x->id, y->id);
}

static int meeting_ptr_cmp(const void *a, const void *b)
{
	const bill_meeting *x = *(const bill_meeting *const *)a, *y = *(const bill_meeting *const *)b;
	if (x->client_id != y->client_id)
		return CMP(x->client_id, y->client_id);
	return x->held_on != y->held_on ? CMP(x->held_on, y->held_on) : CMP(x->id, y->id);
}

static void index_build(const bill_input *in, bill_index *ix)
{
	ix->np = in->nplans;
	ix->nn = in->nnotes;
	ix->nmt = in->nmeetings;
	ix->plans = xcalloc(ix->np + 1, sizeof *ix->plans);
	ix->notes = xcalloc(ix->nn + 1, sizeof *ix->notes);
	ix->meetings = xcalloc(ix->nmt + 1, sizeof *ix->meetings);
	for (size_t i = 0; i < ix->np; i++)
		ix->plans[i] = &in->plans[i];
	for (size_t i = 0; i < ix->nn; i++)
		ix->notes[i] = &in->notes[i];
	for (size_t i = 0; i < ix->nmt; i++)
		ix->meetings[i] = &in->meetings[i];
	qsort(ix->plans, ix->np, sizeof *ix->plans, plan_ptr_cmp);
	qsort(ix->notes, ix->nn, sizeof *ix->notes, note_ptr_cmp);
	qsort(ix->meetings, ix->nmt, sizeof *ix->meetings, meeting_ptr_cmp);
}

static void index_free(bill_index *ix)
{
	free(ix->plans);
	free(ix->notes);
	free(ix->meetings);
}

/* The first of n pointers (sorted by client) whose record is the
 * client's; *end past its last.  The client id is read at offset off. */
static size_t client_range(const void *const *v, size_t n, size_t off, int64_t client, size_t *end)
{
	size_t lo = 0, hi = n, e;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (*(const int64_t *)((const char *)v[mid] + off) < client)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (e = lo; e < n && *(const int64_t *)((const char *)v[e] + off) == client; e++)
		;
	*end = e;
	return lo;
}

#define RANGE(ix, arr, n, type, client, end) \
	client_range((const void *const *)(ix)->arr, (ix)->n, offsetof(type, client_id), (client), (end))

/* The plan a monitoring is judged by: its own, else the client's
 * consented plan whose period holds the day (the latest such). */
static const bill_plan *plan_for(const bill_input *in, const bill_index *ix, const bill_monitoring *m)
{
	const bill_plan *best = m->plan_id ? plan_by_id(in, m->plan_id) : NULL;
	size_t end, i;

	if (best)
		return best;
	for (i = RANGE(ix, plans, np, bill_plan, m->client_id, &end); i < end; i++) {
		const bill_plan *p = ix->plans[i];
		if (p->stage == DUE_STAGE_DRAFT)
			continue;
		if (p->sched.period_from <= m->done_on && m->done_on <= p->sched.period_to
		    && (!best || p->id > best->id))
			best = p;
	}
	return best;
}

static char *plan_evidence(const bill_plan *p)
{
	char c[DATE_ISO_LEN], w[DATE_ISO_LEN];

	date_format_iso(p->consented_on, c);
	date_format_iso(p->written_on, w);
	if (p->consented_on == DATE_NONE)
		return xasprintf(_("plan #%lld written %s, no consent date"), (long long)p->id, w[0] ? w : "-");
	return xasprintf(_("plan #%lld consented %s"), (long long)p->id, c);
}

static char *mon_evidence(const bill_monitoring *m)
{
	char d[DATE_ISO_LEN];

	date_format_iso(m->done_on, d);
	return xasprintf(_("monitoring #%lld done %s"), (long long)m->id, d);
}

static char *note_evidence(const bill_note *n)
{
	char d[DATE_ISO_LEN];

	date_format_iso(n->noted_on, d);
	return xasprintf(_("note #%lld %s (%s)"), (long long)n->id, d, store_enum_label(n->kind));
}

static bool in_month(const bill_input *in, date_t d)
{
	return d != DATE_NONE && date_month(d) == in->month;
}

/* ---- the billable items ---- */

/* A base event of the month before ranking. */
typedef struct event {
	const bill_client *client;
	bool plan;                      /* else a monitoring */
	const bill_plan *p;
	const bill_monitoring *m;
	date_t on;
} event;

static int event_cmp(const void *a, const void *b)
{
	const event *x = a, *y = b;

	if (x->client->id != y->client->id)
		return x->client->id < y->client->id ? -1 : 1;
	if (x->plan != y->plan)
		return x->plan ? -1 : 1;        /* the plan first: it is the one billed */
	if (x->on != y->on)
		return x->on < y->on ? -1 : 1;
	{
		int64_t ix = x->plan ? x->p->id : x->m->id, iy = y->plan ? y->p->id : y->m->id;
		return ix < iy ? -1 : ix > iy;
	}
}

static void problem(rows *pr, const bill_client *c, enum bill_problem p, date_t on,
		    enum bill_ref ref, int64_t id, char *evidence, char *note)
{
	bill_row *r = push(pr, BILL_PROBLEM, c, on);

	r->problem = p;
	r->status = BILL_NOT_BILLABLE;
	r->ref = ref;
	r->ref_id = id;
	r->evidence = evidence;
	r->note = note ? note : xstrdup("");
	r->item = p == BILL_P_NOT_DUE ? "problem.not_due" : p == BILL_P_NO_CONSENT ? "problem.no_consent"
		: p == BILL_P_NO_REPORT ? "problem.no_report" : p == BILL_P_NO_RECIPIENT ? "problem.no_recipient"
		: p == BILL_P_DOUBLE ? "problem.double" : "problem.no_plan";
}

/* Collect the month's plans and due monitorings as events; problems for
 * what cannot be billed. */
static size_t collect(const bill_input *in, const bill_index *ix, event *ev, rows *pr)
{
	size_t n = 0;

	for (size_t i = 0; i < in->nplans; i++) {
		const bill_plan *p = &in->plans[i];
		const bill_client *c = client_of(in, p->client_id);

		if (!c)
			continue;
		if (p->stage != DUE_STAGE_DRAFT && p->consented_on == DATE_NONE
		    && in_month(in, p->written_on)) {
			problem(pr, c, BILL_P_NO_CONSENT, p->written_on, BILL_REF_PLAN, p->id, plan_evidence(p),
				xstrdup(_("a final plan needs the consent date; enter it before billing")));
			continue;
		}
		if (p->stage == DUE_STAGE_DRAFT) {
			if (in_month(in, p->written_on))
				problem(pr, c, BILL_P_NO_CONSENT, p->written_on, BILL_REF_PLAN, p->id,
					plan_evidence(p),
					xstrdup(_("still a draft: the month's plan is billable once consented and delivered")));
			continue;
		}
		if (in_month(in, p->consented_on))
			ev[n++] = (event){ c, true, p, NULL, p->consented_on };
	}
	for (size_t i = 0; i < in->nmons; i++) {
		const bill_monitoring *m = &in->mons[i];
		const bill_client *c = client_of(in, m->client_id);
		const bill_plan *p;

		if (!c || !in_month(in, m->done_on))
			continue;
		if (!(p = plan_for(in, ix, m))) {
			problem(pr, c, BILL_P_NO_PLAN, m->done_on, BILL_REF_MONITORING, m->id, mon_evidence(m),
				xstrdup(_("no plan covers the day; link the monitoring to its plan")));
			continue;
		}
		if (!monitoring_is_due_month(&p->sched, in->month)) {
			problem(pr, c, BILL_P_NOT_DUE, m->done_on, BILL_REF_MONITORING, m->id, mon_evidence(m),
				xasprintf(_("plan #%lld has no monitoring month here; not billable"), (long long)p->id));
			continue;
		}
		ev[n++] = (event){ c, false, p, m, m->done_on };
	}
	qsort(ev, n, sizeof *ev, event_cmp);
	return n;
}

static const char *fee_code(bool plan, bool child, int category, bool over)
{
	static char code[32];
	const char *kind = plan ? (child ? "cplan" : "plan") : (child ? "ccont" : "cont");

	if (over)
		snprintf(code, sizeof code, "%s.2", kind);
	else if (category > 0)
		snprintf(code, sizeof code, "%s.k%d", kind, category & 7);
	else
		snprintf(code, sizeof code, "%s.1", kind);
	return code;
}

static void base_rows(const bill_input *in, bill_result *out, rows *br, rows *pr,
		      const event *ev, size_t n)
{
	int rank = 0;

	/* 40 per worker: the items numbered 40 * W and later (W in tenths). */
	out->threshold = (40 * in->workers_tenths + 9) / 10;
	for (size_t i = 0; i < n; i++) {
		const event *e = &ev[i];
		const bill_fee *fee;
		bill_row *r;

		if (i > 0 && ev[i - 1].client == e->client) {
			const event *first = &ev[i - 1];
			while (first > ev && (first - 1)->client == e->client)
				first--;
			problem(pr, e->client, BILL_P_DOUBLE, e->on,
				e->plan ? BILL_REF_PLAN : BILL_REF_MONITORING, e->plan ? e->p->id : e->m->id,
				e->plan ? plan_evidence(e->p) : mon_evidence(e->m),
				first->plan ? xasprintf(_("already billed this month by plan #%lld; counted once"),
							(long long)first->p->id)
					    : xasprintf(_("already billed this month by monitoring #%lld; counted once"),
							(long long)first->m->id));
			continue;
		}
		rank++;
		fee = bill_fee_find(fee_code(e->plan, e->client->child, in->category,
					     out->threshold > 0 && rank >= out->threshold));
		r = push(br, BILL_BASE, e->client, e->on);
		r->fee = fee;
		r->item = fee->code;
		r->units = fee->units;
		r->rank = rank;
		r->status = BILL_OK;
		r->ref = e->plan ? BILL_REF_PLAN : BILL_REF_MONITORING;
		r->ref_id = e->plan ? e->p->id : e->m->id;
		r->evidence = e->plan ? plan_evidence(e->p) : mon_evidence(e->m);
		r->note = xstrdup(fee->confirmed ? "" : _("units not confirmed in a source; check the 告示"));
		if (!e->plan && !e->m->has_report) {
			r->status = BILL_CHECK;
			problem(pr, e->client, BILL_P_NO_REPORT, e->on, BILL_REF_MONITORING, e->m->id,
				mon_evidence(e->m), xstrdup(_("write the monitoring report (its rows or the overall situation)")));
		}
		if (!e->client->recipient_no || !*e->client->recipient_no) {
			r->status = BILL_CHECK;
			problem(pr, e->client, BILL_P_NO_RECIPIENT, e->on, BILL_REF_CLIENT, e->client->id,
				xstrdup(_("client record")), xstrdup(_("enter the 受給者証番号 on the client's basic tab")));
		}
	}
}

/* ---- 加算 candidates ---- */

static bool has_word(const char *s, const char *const *words)
{
	if (!s)
		return false;
	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return true;
	return false;
}

static bool note_says(const bill_note *n, const char *const *words)
{
	return has_word(n->with_whom, words) || has_word(n->text, words);
}

static bool face_to_face(const bill_note *n)
{
	return strcmp(n->kind, "visit") == 0 || strcmp(n->kind, "meeting") == 0
		|| strcmp(n->kind, "accompany") == 0 || strcmp(n->kind, "conference") == 0;
}

static void addon(rows *ar, const bill_client *c, const char *code, date_t on, enum bill_status st,
		  enum bill_ref ref, int64_t id, char *evidence, char *note)
{
	const bill_fee *fee = bill_fee_find(code);
	bill_row *r = push(ar, BILL_ADDON, c, on);

	r->fee = fee;
	r->item = fee->code;
	r->units = fee->units;
	r->status = st;
	r->ref = ref;
	r->ref_id = id;
	r->evidence = evidence;
	r->note = note;
}

/* Does the client have a billable row of this kind in rows? */
static const bill_row *billed(const rows *br, const bill_client *c, bool plan)
{
	size_t lo = 0, hi = br->n;

	/* The billable rows are in client order. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (br->v[mid].client->id < c->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < br->n && br->v[lo].client == c; lo++)
		if ((br->v[lo].ref == BILL_REF_PLAN) == plan)
			return &br->v[lo];
	return NULL;
}

static void first_addon(const bill_input *in, const bill_index *ix, const rows *br, rows *ar)
{
	for (size_t i = 0; i < br->n; i++) {
		const bill_row *r = &br->v[i];
		const bill_plan *p = r->ref == BILL_REF_PLAN ? plan_by_id(in, r->ref_id) : NULL;
		date_t since;
		bool earlier = false;
		size_t k, end;

		if (!p)
			continue;
		since = date_add_months(p->consented_on, -6);
		for (k = RANGE(ix, plans, np, bill_plan, p->client_id, &end); k < end; k++) {
			const bill_plan *q = ix->plans[k];
			if (q != p && q->consented_on != DATE_NONE
			    && q->consented_on >= since && q->consented_on < month_first_day(in->month))
				earlier = true;
		}
		if (earlier)
			continue;
		addon(ar, r->client, "first", r->on, BILL_CANDIDATE, BILL_REF_PLAN, p->id,
		      xasprintf(_("%s; no plan of ours in the 6 months before"), r->evidence),
		      xstrdup(_("confirm: a new client, or no 障害福祉サービス used in the 6 months before")));
	}
}

static void meeting_addon(const bill_input *in, const rows *br, rows *ar)
{
	for (size_t i = 0; i < in->nmeetings; i++) {
		const bill_meeting *mt = &in->meetings[i];
		const bill_client *c = client_of(in, mt->client_id);
		char d[DATE_ISO_LEN];

		if (!c || !in_month(in, mt->held_on) || !billed(br, c, false))
			continue;
		date_format_iso(mt->held_on, d);
		addon(ar, c, "meeting", mt->held_on, BILL_CANDIDATE, BILL_REF_MEETING, mt->id,
		      xasprintf(_("meeting #%lld held %s in a monitoring month"), (long long)mt->id, d),
		      xstrdup(_("confirm: the meeting reviewed the plan with the providers, and its minutes are kept")));
	}
}

static const char *const provider_words[] = { "事業所", "施設", "作業所", "ヘルパー", "事業者", "センター", NULL };
static const char *const admit_words[] = { "入院", NULL };
static const char *const discharge_words[] = { "退院", "退所", NULL };
static const char *const caremgr_words[] = { "居宅介護支援", "ケアマネ", "介護支援専門員", "地域包括", NULL };

/* The 相手 of the note a row rests on (free text: the report hides it
 * with --initials). */
static void whom(rows *ar, const bill_note *n)
{
	ar->v[ar->n - 1].whom = n->with_whom;
}

static void note_addons(const bill_input *in, const bill_index *ix, rows *ar)
{
	for (size_t i = 0; i < in->nnotes; i++) {
		const bill_note *n = &in->notes[i];
		const bill_client *c = client_of(in, n->client_id);

		if (!c || !in_month(in, n->noted_on))
			continue;
		if (strcmp(n->kind, "visit") == 0 && has_word(n->with_whom, provider_words))
			addon(ar, c, "provmon", n->noted_on, BILL_CANDIDATE, BILL_REF_NOTE, n->id, note_evidence(n),
			      xstrdup(_("confirm: the visit saw the service being provided, and the record says so"))), whom(ar, n);
		if (note_says(n, admit_words) && !note_says(n, discharge_words))
			addon(ar, c, strcmp(n->kind, "visit") == 0 || strcmp(n->kind, "meeting") == 0 ? "hosp1" : "hosp2",
			      n->noted_on, BILL_CANDIDATE, BILL_REF_NOTE, n->id, note_evidence(n),
			      xstrdup(_("confirm: the hospital was given the client's information (visit: (Ⅰ), other means: (Ⅱ))"))), whom(ar, n);
		if (note_says(n, discharge_words))
			addon(ar, c, "discharge", n->noted_on, BILL_CANDIDATE, BILL_REF_NOTE, n->id, note_evidence(n),
			      xstrdup(_("confirm: information from the hospital or facility was used for the plan"))), whom(ar, n);
		if (note_says(n, caremgr_words))
			addon(ar, c, "kyotaku", n->noted_on, BILL_CANDIDATE, BILL_REF_NOTE, n->id, note_evidence(n),
			      xstrdup(_("confirm: information given to the care manager, a visit, or a meeting attended as the 加算 requires"))), whom(ar, n);
	}
	/* A hospital stay on record without a note of the information given. */
	for (size_t i = 0; i < in->nskips; i++) {
		const bill_skip *s = &in->skips[i];
		const bill_client *c = client_of(in, s->client_id);
		bool noted = false;
		size_t k, end;

		if (!c || s->month != in->month || strcmp(s->reason, "hospital") != 0)
			continue;
		for (k = RANGE(ix, notes, nn, bill_note, c->id, &end); k < end; k++)
			if (in_month(in, ix->notes[k]->noted_on) && note_says(ix->notes[k], admit_words))
				noted = true;
		if (!noted)
			addon(ar, c, "hosp2", month_first_day(s->month), BILL_UNCONFIRMED, BILL_REF_SKIP, s->id,
			      xasprintf(_("monitoring month not done: in hospital (#%lld)"), (long long)s->id),
			      xstrdup(_("missing: a note of the information given to the hospital (入院)")));
	}
}

/* 集中支援加算: only in a month without a plan or monitoring billed. */
static void intensive_addon(const bill_input *in, const bill_index *ix, const rows *br, rows *ar)
{
	for (size_t ci = 0; ci < in->nclients; ci++) {
		const bill_client *c = &in->clients[ci];
		const bill_note *last = NULL;
		int faces = 0, visits = 0;
		size_t i, end;

		if (billed(br, c, true) || billed(br, c, false))
			continue;
		for (i = RANGE(ix, notes, nn, bill_note, c->id, &end); i < end; i++) {
			const bill_note *n = ix->notes[i];
			if (!in_month(in, n->noted_on) || !face_to_face(n))
				continue;
			faces++;
			visits += strcmp(n->kind, "visit") == 0;
			last = n;
		}
		for (i = RANGE(ix, meetings, nmt, bill_meeting, c->id, &end); i < end; i++) {
			const bill_meeting *mt = ix->meetings[i];
			char d[DATE_ISO_LEN];

			if (!in_month(in, mt->held_on))
				continue;
			date_format_iso(mt->held_on, d);
			addon(ar, c, "intensive", mt->held_on, BILL_CANDIDATE, BILL_REF_MEETING, mt->id,
			      xasprintf(_("meeting #%lld held %s outside the plan and monitoring months"), (long long)mt->id, d),
			      xstrdup(_("confirm: held at the request of the client or the municipality to review the plan")));
			faces = 0;      /* one 集中支援加算 a month */
			last = NULL;
			break;
		}
		if (faces >= 2 && last) {
			char *ev = note_evidence(last);

			addon(ar, c, "intensive", last->noted_on, visits ? BILL_CANDIDATE : BILL_UNCONFIRMED,
			      BILL_REF_NOTE, last->id,
			      xasprintf(_("%d face-to-face notes this month, the last: %s"), faces, ev),
			      xstrdup(visits ? _("confirm: the meetings were asked for by the client or the municipality")
					     : _("missing: one of the meetings must be a visit to the home")));
			whom(ar, last);
			free(ev);
		}
	}
}

static int row_cmp(const void *a, const void *b)
{
	const bill_row *x = a, *y = b;

	if (x->client->id != y->client->id)
		return x->client->id < y->client->id ? -1 : 1;
	if (x->on != y->on)
		return x->on < y->on ? -1 : 1;
	return x->ref_id < y->ref_id ? -1 : x->ref_id > y->ref_id;
}

static void append(bill_result *out, rows *r)
{
	if (r->n > 1 && r->v[0].section != BILL_BASE)
		qsort(r->v, r->n, sizeof *r->v, row_cmp);
	out->rows = xrealloc(out->rows, (out->n + r->n + 1) * sizeof *out->rows);
	if (r->n)
		memcpy(out->rows + out->n, r->v, r->n * sizeof *r->v);
	out->n += r->n;
	free(r->v);
}

void bill_compute(const bill_input *in, bill_result *out)
{
	rows br = { 0 }, ar = { 0 }, pr = { 0 };
	event *ev = xcalloc(in->nplans + in->nmons + 1, sizeof *ev);
	bill_index ix;
	size_t n;

	memset(out, 0, sizeof *out);
	out->month = in->month;
	out->category = in->category;
	out->workers_tenths = in->workers_tenths;
	index_build(in, &ix);
	n = collect(in, &ix, ev, &pr);
	base_rows(in, out, &br, &pr, ev, n);
	free(ev);
	first_addon(in, &ix, &br, &ar);
	meeting_addon(in, &br, &ar);
	note_addons(in, &ix, &ar);
	intensive_addon(in, &ix, &br, &ar);
	index_free(&ix);
	for (size_t i = 0; i < br.n; i++)
		out->base_units += br.v[i].units;
	for (size_t i = 0; i < ar.n; i++)
		if (ar.v[i].status == BILL_CANDIDATE)
			out->addon_units += ar.v[i].units;
	out->nbase = br.n;
	out->naddon = ar.n;
	out->nproblem = pr.n;
	append(out, &br);
	append(out, &ar);
	append(out, &pr);
}

void bill_result_free(bill_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].evidence);
		free(r->rows[i].note);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}
