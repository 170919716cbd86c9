/*
 * leads.c - the lead times' config names and defaults (leads.h).
 */
#include <string.h>

#include "tsunagi/leads.h"

/* Issue 13's defaults (see leads.h): a choice of the project, not a rule
 * from a ministry notice; no public source sets how early a worker
 * should start.  What they leave time for: renewing a support-level
 * decision takes a doctor's opinion and an assessment interview again
 * (https://shogai-home.com/?p=2253, a secondary source).  The review
 * date's 30 days is the value the program had before; the issue names
 * no other. */
/* A note's next step takes an action item's 7 days: a step the worker
 * set for themself, like a meeting's (issue 16 names no number). */
static const int lead_defaults[DUE_LEAD_COUNT] = { 90, 90, 60, 30, 30, 7, 180, 5, 30, 7 };
static const char *const lead_names[DUE_LEAD_COUNT] = {
	"certificate", "support_level", "plan", "review", "consent", "action", "transition", "billing",
	"mismatch", "next",
};

void due_leads_default(due_leads *l)
{
	memcpy(l->days, lead_defaults, sizeof l->days);
}

const char *due_lead_name(enum due_lead k)
{
	return (unsigned)k < DUE_LEAD_COUNT ? lead_names[k] : "";
}

int due_lead_from_name(const char *name)
{
	for (int k = 0; k < DUE_LEAD_COUNT; k++)
		if (strcmp(name, lead_names[k]) == 0)
			return k;
	return -1;
}
