/*
 * due_sheet.c - what the weekly due sheet lists (see due_sheet in
 * due_report.h): the items of the window from the due list, split into
 * overdue, the months' open monitorings and the days.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due_report.h"

static bool sheet_month(const due_sheet *s, const due_item *it)
{
	return !s->r.overdue_only && it->kind == DUE_MONITORING &&
	       it->month >= date_month(s->r.from) && it->month <= date_month(s->r.to);
}

static void select_items(due_sheet *s)
{
	const due_list *all = &s->res.list;
	date_t ref = s->r.overdue_only ? s->r.today : s->r.from;
	size_t n = 0, nm = 0;

	for (size_t i = 0; i < all->n; i++) {
		due_item it = all->items[i];

		if (it.state == DUE_DONE)
			continue;
		it.days_left = it.on - ref;
		if (sheet_month(s, &it))
			s->mons[nm++] = it;
		else if (s->r.overdue_only ? it.state == DUE_OVERDUE
					   : it.on <= s->r.to)
			s->sel[n++] = it;
	}
	s->r.items = s->sel;
	s->r.n = n;
	s->r.mons = s->mons;
	s->r.nmons = nm;
}

int due_sheet_build(db *d, date_t today, date_t from, date_t to, unsigned kinds,
		    bool overdue_only, bool initials, const char *worker,
		    due_sheet *out, tsu_err *e)
{
	due_query q = { today, DUE_SINCE_EVER, to, false, kinds };
	date_t month_end = month_last_day(date_month(to));
	int rc;

	memset(out, 0, sizeof *out);
	out->r = (due_report){ .names = &out->names, .today = today, .from = from, .to = to,
			       .overdue_only = overdue_only, .initials = initials, .worker = worker };
	if (overdue_only)
		q.to = today;
	else if (month_end > q.to)
		q.to = month_end;       /* the months' monitorings dated at their end */
	if ((rc = due_items_get(d, &q, &out->res, e)) != TSU_OK)
		return rc;
	due_list_forget_missed(&out->res.list, today);
	out->sel = xmalloc((out->res.list.n ? out->res.list.n : 1) * sizeof *out->sel);
	out->mons = xmalloc((out->res.list.n ? out->res.list.n : 1) * sizeof *out->mons);
	select_items(out);
	{
		/* Names of both lists. */
		due_list both = { xmalloc((out->r.n + out->r.nmons + 1) * sizeof *both.items), 0, 0 };

		memcpy(both.items, out->sel, out->r.n * sizeof *both.items);
		memcpy(both.items + out->r.n, out->mons, out->r.nmons * sizeof *both.items);
		both.n = out->r.n + out->r.nmons;
		rc = due_names_load(d, &both, &out->names, e);
		free(both.items);
	}
	if (rc != TSU_OK)
		due_sheet_free(out);
	return rc;
}

void due_sheet_free(due_sheet *s)
{
	due_names_free(&s->names);
	free(s->sel);
	free(s->mons);
	due_result_free(&s->res);
	memset(s, 0, sizeof *s);
}
