/*
 * leads.h - the lead times as a setting: their names in the config file
 * (lead.NAME = DAYS), their defaults and their bounds.  Base, so that the
 * config reader knows them without the rules; the rules install them
 * (due_leads_set in due.h) and use them.
 */
#ifndef TSUNAGI_LEADS_H
#define TSUNAGI_LEADS_H

/*
 * Lead times in days: an item's state turns from upcoming to due this
 * many days before its date, and the alarm list shows it from then on
 * (a monitoring: from the 1st of its month, not settable).  The defaults
 * are the ones issue 13 asked for, chosen to leave time to act (a
 * support-level renewal needs an application and an assessment first);
 * they are not a ministry rule.  Each can be set in the config file as
 * lead.NAME = DAYS (config.h); due_leads_set() installs them for the
 * process, before any item is computed.
 */
enum due_lead {
	DUE_LEAD_CERTIFICATE,   /* service, day_service, community: 90 */
	DUE_LEAD_SUPPORT_LEVEL, /* support_level certificate: 90 */
	DUE_LEAD_PLAN_END,      /* the plan period's end: 60 */
	DUE_LEAD_PLAN_REVIEW,   /* a plan row's review date: 30 */
	DUE_LEAD_CONSENT,       /* 30 */
	DUE_LEAD_ACTION,        /* 7 */
	DUE_LEAD_TRANSITION,    /* a child's 18th birthday: 180 */
	DUE_LEAD_BILLING,       /* 5 */
	DUE_LEAD_MISMATCH,      /* paperwork that disagrees: 30 */
	DUE_LEAD_NEXT,          /* a note's next step: 7 */
	DUE_LEAD_COUNT
};
enum { DUE_LEAD_MAX_DAYS = 730 };

typedef struct due_leads {
	int days[DUE_LEAD_COUNT];
} due_leads;

/* The defaults above. */
void due_leads_default(due_leads *l);
/* The config key's NAME for a lead ("certificate", "support_level",
 * "plan", "review", "consent", "action", "transition", "billing"); -1
 * for an unknown name. */
const char *due_lead_name(enum due_lead k);
int due_lead_from_name(const char *name);

#endif
