/*
 * monitoring.c - the monitoring schedule of a plan: which months are
 * monitoring months under the rule anchor + k*interval - 1, with interval
 * changes that keep the anchor (the ministry's worked examples are in
 * FORMS.md).  Kept apart from due.c because the plan and calendar screens
 * ask the same question without wanting due items.
 */
#include "tsunagi/due.h"

int monitoring_interval_at(const due_plan *p, month_t m)
{
	int n;

	if (!p->intervals || p->nintervals == 0)
		return p->months;
	n = p->intervals[0].months;
	for (size_t i = 1; i < p->nintervals; i++) {
		if (p->intervals[i].from > m)
			break;
		n = p->intervals[i].months;
	}
	return n;
}

bool monitoring_is_due_month(const due_plan *p, month_t m)
{
	int n;

	if (m < p->anchor)
		return false;
	if (p->period_to != DATE_NONE && m > date_month(p->period_to))
		return false;
	n = monitoring_interval_at(p, m);
	if (n <= 0)
		return false;
	/* m = anchor + k*n - 1  <=>  (m - anchor + 1) is a positive multiple of n */
	return (m - p->anchor + 1) % n == 0;
}

size_t monitoring_due_months(const due_plan *p, month_t lo, month_t hi,
			     month_t *out, size_t max)
{
	size_t count = 0;

	if (lo < p->anchor)
		lo = p->anchor;
	if (p->period_to != DATE_NONE && hi > date_month(p->period_to))
		hi = date_month(p->period_to);
	for (month_t m = lo; m <= hi; m++) {
		if (!monitoring_is_due_month(p, m))
			continue;
		if (count < max)
			out[count] = m;
		count++;
	}
	return count;
}
