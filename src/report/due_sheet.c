/*
 * due_sheet.c - what the weekly due sheet lists (see due_sheet in
 * due_report.h): the items of the window from the due list, split into
 * overdue, the months' open monitorings and the days.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due_report.h"

/* The months whose monitorings the sheet lists (from > to: none). */
typedef struct sheet_months {
	month_t from, to;
} sheet_months;

/* Where an item goes: 0 left out, 1 the items, 2 the monitorings. */
static int place(const due_sheet *s, const sheet_months *m, const due_item *it)
{
	if (it->state == DUE_DONE)
		return 0;
	if (it->kind == DUE_MONITORING && it->month >= m->from && it->month <= m->to)
		return 2;
	return (s->r.overdue_only ? it->state == DUE_OVERDUE : it->on <= s->r.to) ? 1 : 0;
}

static void select_items(due_sheet *s)
{
	due_list *all = &s->res.list;
	date_t ref = s->r.overdue_only ? s->r.today : s->r.from;
	/* Worked out once, not twice per item (2 M instructions a week at
	 * 10,000 clients). */
	sheet_months m = { date_month(s->r.from), date_month(s->r.to) };
	size_t n = 0, nm = 0, kept = 0, copied = 0;
	bool mons_stay;

	if (s->r.overdue_only)
		m = (sheet_months){ 1, 0 };
	for (size_t i = 0; i < all->n; i++) {
		int k = place(s, &m, &all->items[i]);
		n += k == 1;
		nm += k == 2;
	}
	/* The larger part stays where it was read (moved up over what is
	 * left out), the other is copied, sized exactly: a week's sheet at
	 * 10,000 clients has 4,019 monitorings, a third of a megabyte. */
	mons_stay = nm >= n;
	s->sel = xmalloc(((mons_stay ? n : nm) ? (mons_stay ? n : nm) : 1) * sizeof *s->sel);
	for (size_t i = 0; i < all->n; i++) {
		due_item it = all->items[i];
		int k = place(s, &m, &it);

		it.days_left = it.on - ref;
		if (k == 0)
			continue;
		if ((k == 2) == mons_stay)
			all->items[kept++] = it;
		else
			s->sel[copied++] = it;
	}
	all->n = kept;
	s->r.items = mons_stay ? s->sel : all->items;
	s->r.n = n;
	s->r.mons = mons_stay ? all->items : s->sel;
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
	if (overdue_only || month_end < q.to)
		month_end = q.to;
	/* The months' monitorings are dated at their end. */
	if ((rc = due_items_get_sheet(d, &q, month_end, &out->res, e)) != TSU_OK)
		return rc;
	/* The names of every client the query gave (a few more than the
	 * sheet shows, no copy of the lists), before select_items leaves
	 * only part of the list in place. */
	rc = due_names_load(d, &out->res.list, &out->names, e);
	if (rc != TSU_OK) {
		due_sheet_free(out);
		return rc;
	}
	select_items(out);
	return TSU_OK;
}

void due_sheet_free(due_sheet *s)
{
	due_names_free(&s->names);
	free(s->sel);
	free(s->mons);
	due_result_free(&s->res);
	memset(s, 0, sizeof *s);
}
