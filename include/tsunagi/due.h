/*
 * due.h - the due engine: from records and "today" to due items.
 *
 * Pure functions, no I/O and no clock.  The input is plain data that the
 * store fills (src/store/due_source.c) or a unit test builds by hand; the
 * engine never frees or changes it, and the items it returns borrow the
 * input's strings, so keep the input alive while the items are used.
 *
 * Rules (DESIGN.md §2):
 *   monitoring   a due month of the plan in force (see monitoring_*), met
 *                by a monitoring record done in that month; the item sits
 *                on a visit scheduled in the month, else on the month's
 *                last day; due from the 1st of the month, overdue once the
 *                month has passed unmet; a month recorded as not done
 *                (a monitoring_skip with its reason) and not met is in
 *                state DUE_NOT_DONE instead (stage DUE_MON_NOT_DONE,
 *                text the reason, text2 the worker's words)
 *   certificate  valid_to; due 90 days before (support level: 90;
 *                stages 90, 60, 30); met when a certificate of the same
 *                kind ends later
 *   plan         the plan in force's period_to, due 60 days before, and
 *                its rows' review dates, due 30 days before
 *   consent      valid_to unless withdrawn; due 30 days before; met when
 *                a consent with the same party ends later
 *   action       a meeting action item's deadline until it is done; due 7
 *                days before
 *   transition   a child case's 18th birthday; due 180 days before
 *   billing      the 10th of each month, for the month before; due 5 days
 *                before; one item for the office (client id 0); the
 *                program keeps no claim records, so a past deadline counts
 *                as met
 *   mismatch     the paperwork of the plan in force disagrees: the service
 *                or day-service certificate whose decision period overlaps
 *                the plan's and starts last (then: entered last) ends on
 *                another day than the plan
 *                (stage DUE_MISMATCH_EARLIER/LATER, ref the certificate,
 *                text its kind, deadline its valid_to), or the
 *                certificate's monitoring range entered on the plan
 *                disagrees with the computed months (DUE_MISMATCH_RANGE,
 *                ref the plan, month the range's first month, deadline
 *                the last day of its last); dated the plan's first day,
 *                due 30 days before, overdue after: it stays until the
 *                paperwork is put right
 *   next         a progress note's next step (次の対応) with a date, until
 *                the worker marks it done (note.next_done_on); due 7 days
 *                before (ref the note, text the step's words)
 * The numbers of days are the lead times (enum due_lead), settable.
 * Closed clients and clients missing from the input produce nothing (but
 * billing).  The plan in force of a client is its latest (highest id)
 * final plan, else its latest draft; superseded plans produce nothing.
 */
#ifndef TSUNAGI_DUE_H
#define TSUNAGI_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/leads.h"

enum due_kind {
	DUE_MONITORING,
	DUE_CERTIFICATE,
	DUE_PLAN,
	DUE_CONSENT,
	DUE_ACTION,
	DUE_TRANSITION,
	DUE_BILLING,
	DUE_MISMATCH,
	DUE_NEXT,
	DUE_KIND_COUNT
};

/* In order of urgency; DUE_DONE only appears when asked for.  DUE_NOT_DONE:
 * a monitoring month recorded as not done, with its reason (kept apart
 * from overdue so reports can count the two). */
enum due_state { DUE_OVERDUE, DUE_DUE, DUE_UPCOMING, DUE_DONE, DUE_NOT_DONE };

/* A monitoring item's stage. */
enum { DUE_MON_OPEN = 0, DUE_MON_NOT_DONE = 1 };

/* What a DUE_MISMATCH item is about. */
enum due_mismatch_what {
	DUE_MISMATCH_EARLIER = 1,       /* the certificate ends before the plan */
	DUE_MISMATCH_LATER = 2,         /* the certificate ends after the plan */
	DUE_MISMATCH_RANGE = 3,         /* the certificate's monitoring range */
};

/* What a DUE_PLAN item is about. */
enum due_plan_what { DUE_PLAN_END, DUE_PLAN_REVIEW };

enum due_plan_stage { DUE_STAGE_DRAFT, DUE_STAGE_FINAL, DUE_STAGE_SUPERSEDED };

/* Install l for every later computation (NULL: the defaults). */
void due_leads_set(const due_leads *l);
const due_leads *due_leads_get(void);
/* The longest lead time installed. */
int due_leads_max(void);
/* ---- input ---- */

typedef struct due_client {
	int64_t id;
	date_t birth_on;        /* DATE_NONE if not known */
	bool child;             /* case kind 'child' */
	bool closed;
} due_client;

/* One setting of a plan's monitoring interval, from the month it takes
 * effect. */
typedef struct due_interval {
	month_t from;
	int months;             /* 1 to 12 */
} due_interval;

typedef struct due_plan {
	int64_t id, client_id;
	enum due_plan_stage stage;
	date_t period_from, period_to;
	month_t anchor;         /* the month the period starts */
	int months;             /* the current interval, used when no history */
	const due_interval *intervals;  /* ascending by from; may be NULL */
	size_t nintervals;
	/* The monitoring range written on the certificate ("3月ごと(R8.7〜
	 * R9.4)": first and last month), checked against the computed months;
	 * 0 when not entered. */
	month_t range_from, range_to;
} due_plan;

typedef struct due_plan_row {
	int64_t id, plan_id;
	int priority;
	date_t review_on;       /* DATE_NONE: no review date */
	const char *need;
} due_plan_row;

typedef struct due_monitoring {
	int64_t id, client_id;
	date_t done_on;         /* DATE_NONE while only scheduled */
	date_t scheduled_on;
} due_monitoring;

/* A monitoring month that could not be done, with its reason. */
typedef struct due_skip {
	int64_t id, client_id;
	month_t month;
	const char *reason;     /* hospital, postponed, unreachable, other */
	const char *detail;     /* the worker's words; may be NULL */
} due_skip;

typedef struct due_certificate {
	int64_t id, client_id;
	const char *kind;       /* service, day_service, community, support_level */
	date_t valid_from, valid_to;
} due_certificate;

typedef struct due_consent {
	int64_t id, client_id;
	const char *shared_with;
	const char *purpose;
	date_t valid_to;
	date_t withdrawn_on;    /* DATE_NONE unless withdrawn */
} due_consent;

typedef struct due_action {
	int64_t id, client_id;  /* client: the meeting's */
	const char *what;
	date_t due_on;          /* DATE_NONE: no deadline, no item */
	date_t done_on;
} due_action;

typedef struct due_input {
	const due_client *clients; size_t nclients;
	const due_plan *plans; size_t nplans;
	const due_plan_row *rows; size_t nrows;
	const due_monitoring *monitorings; size_t nmonitorings;
	const due_certificate *certificates; size_t ncertificates;
	const due_consent *consents; size_t nconsents;
	const due_action *actions; size_t nactions;
	const due_skip *skips; size_t nskips;
	/* Service and day-service certificates, the decision periods the
	 * plans are checked against (DUE_MISMATCH); may share nothing with
	 * certificates above, which holds those whose end is due. */
	const due_certificate *decisions; size_t ndecisions;
	/* Notes' next steps: id the note's, what the step, due_on its date,
	 * done_on the day marked done. */
	const due_action *nexts; size_t nnexts;
} due_input;

/* ---- output ---- */

typedef struct due_item {
	date_t on;
	enum due_kind kind;
	enum due_state state;
	int64_t client_id;      /* 0 for billing */
	int64_t ref_id;         /* plan, plan row, certificate, consent, action item, note or
	                         * (monitoring) plan id; 0 for transition and billing */
	int days_left;          /* on - today (negative when past) */
	int stage;              /* certificate: 90, 60 or 30 once reached, else 0;
	                         * plan: enum due_plan_what; monitoring:
	                         * DUE_MON_*; mismatch: enum due_mismatch_what */
	month_t month;          /* monitoring: the due month; billing: the month billed */
	date_t deadline;        /* monitoring: the month's last day; mismatch:
	                         * see above; else == on */
	int64_t done_id;        /* monitoring met: the record's id */
	const char *text;       /* borrowed: certificate kind, consent party,
	                         * action item, note's next step, review row's need, not-done
	                         * reason; else NULL */
	const char *text2;      /* borrowed: consent purpose, not-done detail;
	                         * else NULL */
} due_item;

/* Which lead (enum due_lead) applies to an item, by its kind, plan stage
 * and certificate kind; -1 for a monitoring. */
int due_item_lead(const due_item *it);

typedef struct due_query {
	date_t today;
	date_t from, to;        /* items whose date falls in [from, to] */
	bool include_done;      /* also met monitoring months (on the day done) */
	unsigned kinds;         /* bit (1u << kind); 0 means every kind */
} due_query;

typedef struct due_list {
	due_item *items;
	size_t n, cap;
} due_list;

/*
 * Compute the due items of in for q, sorted by date, then state, kind,
 * client and reference.  Returns the number of items; out is reset first.
 * Free with due_list_free.
 */
size_t due_compute(const due_input *in, const due_query *q, due_list *out);
void due_list_free(due_list *l);

/* Set an item's state, days_left and (certificates) stage for today from
 * its date, kind, month, deadline and done_id. */
void due_item_restate(due_item *it, date_t today);
/* Sort as due_compute does: by date, state, kind, client, reference
 * (then a plan item's stage: an end and a review can share a number). */
void due_sort(due_list *l);

/*
 * How far back lists look for overdue items.  An overdue certificate,
 * consent, plan end or action item stays on every list until it is dealt
 * with (renewed, withdrawn, done): nothing drops off by age.  A missed
 * monitoring month cannot be made up, so it is shown for
 * DUE_MISSED_MONITORING_DAYS after the month and is history after that.
 */
#define DUE_SINCE_EVER date_from_ymd(1900, 1, 1)
enum { DUE_MISSED_MONITORING_DAYS = 92 };
/* Whether a list leaves an item out: a monitoring overdue for longer
 * than that, or a month recorded as not done once it is past.  The one
 * statement of the rule; the cache's paged reader (report/due_page.c)
 * asks it per row. */
bool due_item_forgotten(enum due_kind kind, enum due_state state, date_t deadline, date_t today);
/* Drop the items due_item_forgotten leaves out (order kept).  Those stay on
 * the record: the card, the calendar, iCal. */
void due_list_forget_missed(due_list *l, date_t today);

/* State of a date relative to today for a lead time in days, unmet. */
enum due_state due_state_for(date_t on, date_t today, int lead_days);

/* Kind names for --kind and the CSV ("monitoring", "certificate", "plan",
 * "consent", "action", "transition", "billing", "mismatch", "next"); -1 for an
 * unknown name. */
const char *due_kind_name(enum due_kind k);
int due_kind_from_name(const char *name);
/* "overdue", "due", "upcoming", "done", "not_done". */
const char *due_state_name(enum due_state s);

/* ---- monitoring schedule (src/rules/monitoring.c) ---- */

/* The interval in effect in month m: the latest setting that starts on
 * or before m (the first setting for months before it; p->months when
 * the plan has no history). */
int monitoring_interval_at(const due_plan *p, month_t m);

/* True when m is a monitoring month of p by the end-month rule (see
 * monitoring.c): m is the month the plan period ends, or it is a multiple
 * of n months before it and not before anchor + n - 1, n the interval in
 * effect in m. */
bool monitoring_is_due_month(const due_plan *p, month_t m);

/* The monitoring months of p in [lo, hi], ascending, at most max of them
 * written to out; returns how many there are in all. */
size_t monitoring_due_months(const due_plan *p, month_t lo, month_t hi,
			     month_t *out, size_t max);

/* Whether a certificate's range "every n months (from to to)" agrees
 * with p: within [from, to] the monitoring months of p are exactly from,
 * from + n, ..., to.  True when no range is given (from or to <= 0). */
bool monitoring_range_agrees(const due_plan *p, month_t from, month_t to, int n);

/* The reasons a monitoring month was not done (monitoring_skip.reason). */
extern const char *const due_skip_reasons[];   /* hospital postponed unreachable other */

#endif
