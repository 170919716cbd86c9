/*
 * billing.h - the billing worksheet's rules (issue 14): from one month's
 * plans, monitorings, meetings, notes and not-done months to the rows an
 * office checks before the 国保連 claim on the 10th.  Pure: no I/O and
 * no clock; the store fills the input (billing_source.h) or a unit test
 * builds it by hand.  The rows borrow the input's client records.
 *
 * Billable (section BILL_BASE), one row per client and kind:
 *   plan     a plan made final (consented) in the month, the 計画作成月:
 *            サービス利用支援費, or 障害児支援利用援助費 for a child's plan
 *   cont     a monitoring done in a month that is a monitoring month of
 *            its plan (monitoring_is_due_month, src/rules/monitoring.c):
 *            継続サービス利用支援費 / 継続障害児支援利用援助費
 * The category (機能強化型 (Ⅰ)-(Ⅳ), or none) picks the fee; the items
 * numbered 40 x workers and later in the month get the (Ⅱ) rate
 * (data/fees-2024.tsv says how the ministry counts and what we could not
 * confirm).  A second event of the same client in the month is not
 * counted again: it is a problem row (double).  A plan and a monitoring
 * in the same month bill the plan only (our reading of the 計画作成月
 * rule; the monitoring becomes a problem row).
 *
 * 加算 candidates (BILL_ADDON), each with the record that supports it
 * (status BILL_CANDIDATE, with what the worker must still confirm) or as
 * 要件未確認 (BILL_UNCONFIRMED, with what is missing); none is counted in
 * the totals:
 *   first      初回加算: a billable plan of a client with no other plan of
 *              ours consented in the 6 months before
 *   meeting    サービス担当者会議実施加算: a meeting held in the month of a
 *              billable monitoring
 *   provmon    サービス提供時モニタリング加算: a visit note whose 相手
 *              names a provider (事業所, 施設, ヘルパー ...)
 *   hosp1/2    入院時情報連携加算: a note about an admission (入院): (Ⅰ) by a
 *              visit or meeting, (Ⅱ) otherwise; a month recorded as not
 *              done because of a hospital stay without such a note is
 *              要件未確認
 *   discharge  退院・退所加算: a note about a discharge (退院, 退所)
 *   kyotaku    居宅介護支援事業所等連携加算: a note with a care manager
 *              (居宅介護支援, ケアマネ, 地域包括)
 *   intensive  集中支援加算: in a month with no billable item, two or more
 *              face-to-face notes with a visit among them, or a meeting;
 *              two face-to-face notes without a visit are 要件未確認
 *
 * Problems (BILL_PROBLEM, never counted): a monitoring in a month that is
 * not due (BILL_P_NOT_DUE), a plan without a consent date (a final one,
 * or a draft written in the month: BILL_P_NO_CONSENT), a monitoring
 * without its report (BILL_P_NO_REPORT; the billable row is BILL_CHECK),
 * a client with a billable item and no recipient number
 * (BILL_P_NO_RECIPIENT), the same event counted twice (BILL_P_DOUBLE), a
 * monitoring with no plan to judge it by (BILL_P_NO_PLAN).
 */
#ifndef TSUNAGI_BILLING_H
#define TSUNAGI_BILLING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/config.h"
#include "tsunagi/date.h"
#include "tsunagi/due.h"

/* ---- the fee table (data/fees-2024.tsv, compiled in) ---- */

typedef struct bill_fee {
	const char *code;       /* "plan.1", "cont.k2", "first" ... */
	const char *label;      /* as the 単位数表 names it */
	int units;
	bool confirmed;         /* false: not read in a source; see the TSV */
	const char *source;     /* the key of the source in the TSV's notes */
} bill_fee;

extern const bill_fee bill_fees[];
extern const size_t bill_fee_count;
/* The row of a code; NULL when there is none. */
const bill_fee *bill_fee_find(const char *code);

/* ---- settings ---- */

/* The category and the number of workers come from the config
 * (config.h: billing.category, billing.workers). */
enum { BILL_CATEGORY_MAX = CONFIG_CATEGORY_MAX };
const char *bill_category_name(int category);   /* "none", "1" .. "4" */

/* ---- input ---- */

typedef struct bill_client {
	int64_t id;
	const char *name, *kana;
	const char *recipient_no;       /* "" when missing */
	bool child;
} bill_client;

typedef struct bill_plan {
	int64_t id, client_id;
	enum due_plan_stage stage;
	date_t written_on, consented_on;        /* DATE_NONE when not given */
	due_plan sched;                 /* its months (id, period, anchor, intervals) */
} bill_plan;

typedef struct bill_monitoring {
	int64_t id, client_id, plan_id; /* plan_id 0: not linked */
	date_t done_on;
	bool has_report;                /* a row or the overall situation written */
} bill_monitoring;

typedef struct bill_meeting {
	int64_t id, client_id;
	date_t held_on;
} bill_meeting;

typedef struct bill_note {
	int64_t id, client_id;
	date_t noted_on;
	const char *kind;               /* meeting visit phone conference accompany */
	const char *with_whom;
	const char *text;               /* its parts joined, for the words looked for */
} bill_note;

typedef struct bill_skip {
	int64_t id, client_id;
	month_t month;
	const char *reason;             /* hospital postponed unreachable other */
} bill_skip;

/* Everything of one month; plans: every plan of the clients concerned
 * (earlier ones too, for 初回加算 and the monitoring months). */
typedef struct bill_input {
	month_t month;
	int category;                   /* 0 - 4 */
	int workers_tenths;             /* 10: one worker */
	const bill_client *clients; size_t nclients;   /* ascending id */
	const bill_plan *plans; size_t nplans;
	const bill_monitoring *mons; size_t nmons;
	const bill_meeting *meetings; size_t nmeetings;
	const bill_note *notes; size_t nnotes;
	const bill_skip *skips; size_t nskips;
} bill_input;

/* ---- output ---- */

enum bill_section { BILL_BASE, BILL_ADDON, BILL_PROBLEM };
enum bill_status {
	BILL_OK,                /* billable */
	BILL_CHECK,             /* billable once a problem is put right */
	BILL_CANDIDATE,         /* a 加算 with its evidence; confirm the rest */
	BILL_UNCONFIRMED,       /* 要件未確認: something is missing */
	BILL_NOT_BILLABLE,      /* a problem */
};
enum bill_ref { BILL_REF_CLIENT, BILL_REF_PLAN, BILL_REF_MONITORING, BILL_REF_MEETING,
		BILL_REF_NOTE, BILL_REF_SKIP };
enum bill_problem { BILL_P_NONE, BILL_P_NOT_DUE, BILL_P_NO_CONSENT, BILL_P_NO_REPORT,
		    BILL_P_NO_RECIPIENT, BILL_P_DOUBLE, BILL_P_NO_PLAN };

typedef struct bill_row {
	enum bill_section section;
	const bill_client *client;
	const char *item;               /* fee code, or "problem.NAME" */
	const bill_fee *fee;            /* NULL for a problem */
	enum bill_problem problem;
	date_t on;
	int units;                      /* 0 for a problem */
	int rank;                       /* a billable item's number in the month (1-based) */
	enum bill_status status;
	enum bill_ref ref;
	int64_t ref_id;
	char *evidence;                 /* the record, as "monitoring 2026-11-05 (#12)" */
	char *note;                     /* what to confirm, or what is missing; may be "" */
	const char *whom;               /* a note's 相手 (free text), or NULL */
} bill_row;

typedef struct bill_result {
	month_t month;
	int category, workers_tenths;
	bill_row *rows;                 /* base, then addon, then problem rows */
	size_t n;
	size_t nbase, naddon, nproblem;
	int base_units;                 /* the billable rows (OK and CHECK) */
	int addon_units;                /* candidates only, shown apart */
	int threshold;                  /* the first item number at the (Ⅱ) rate */
} bill_result;

/* Compute the month's rows.  Always succeeds (bad input gives problems). */
void bill_compute(const bill_input *in, bill_result *out);
void bill_result_free(bill_result *r);

/* The status and problem names used in CSV (stable: "billable", "check",
 * "candidate", "unconfirmed", "not_billable"; "not_due" ...). */
const char *bill_status_name(enum bill_status s);
const char *bill_problem_name(enum bill_problem p);
/* The problem's label, translated. */
const char *bill_problem_label(enum bill_problem p);
/* The status as the worksheet shows it, translated. */
const char *bill_status_label(enum bill_status s);

#endif
