/*
 * due_alarms.c - the alarm list's groups and its whole content for
 * `tsunagi alarms` (see due_alarms.h).  The items come from the same
 * pager the UI pages through (due_page.h), so the two cannot differ.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/due_alarms.h"
#include "tsunagi/due_items.h"
#include "tsunagi/due_page.h"
#include "tsunagi/i18n.h"
#include "tsunagi/xalloc.h"

int due_alarm_section(date_t on, enum due_state state, enum due_kind kind, date_t today)
{
	if (state == DUE_OVERDUE)
		return DUE_ALARM_OVERDUE;
	/* A month recorded as not done stays with the month's monitorings,
	 * with its reason, until the month is out (the pager forgets it). */
	if (state == DUE_NOT_DONE)
		return DUE_ALARM_MONTH;
	if (state != DUE_DUE)
		return -1;      /* upcoming: its lead time has not begun; or met */
	if (kind == DUE_MONITORING)
		return DUE_ALARM_MONTH;
	return on <= date_week_start(today) + 6 ? DUE_ALARM_WEEK : DUE_ALARM_COMING;
}

const char *due_alarm_title(int section)
{
	static const char *const t[DUE_ALARM_SECTIONS] = {
		N_("Overdue"), N_("This week"), N_("This month's monitorings"), N_("Coming up"),
	};
	return section >= 0 && section < DUE_ALARM_SECTIONS ? _(t[section]) : "";
}

const char *due_alarm_name(int section)
{
	static const char *const t[DUE_ALARM_SECTIONS] = { "overdue", "week", "month", "coming" };
	return section >= 0 && section < DUE_ALARM_SECTIONS ? t[section] : "";
}

void due_alarm_query(date_t today, unsigned kinds, due_query *q)
{
	int ahead = due_leads_max();

	/* A monitoring's lead is its month: the list looks to the month's
	 * end at least. */
	if (month_last_day(date_month(today)) - today > ahead)
		ahead = month_last_day(date_month(today)) - today;
	*q = (due_query){ today, DUE_SINCE_EVER, today + ahead, false, kinds };
}

static int classify(date_t on, enum due_state state, enum due_kind kind, void *ctx)
{
	return due_alarm_section(on, state, kind, *(const date_t *)ctx);
}

static char *keep(due_alarms *a, const char *s)
{
	if (!s)
		return NULL;
	if ((a->nstrings & (a->nstrings - 1)) == 0)
		a->strings = xrealloc(a->strings, (a->nstrings ? 2 * a->nstrings : 1) * sizeof *a->strings);
	return a->strings[a->nstrings++] = xstrdup(s);
}

static void emit(void *ctx, const due_item *it, int section)
{
	due_alarms *a = ctx;
	due_list *l = &a->list;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
		a->section = xrealloc(a->section, l->cap * sizeof *a->section);
	}
	l->items[l->n] = *it;
	l->items[l->n].text = keep(a, it->text);
	l->items[l->n].text2 = keep(a, it->text2);
	a->section[l->n++] = section;
	a->counts[section]++;
}

int due_alarms_get(db *d, date_t today, unsigned kinds, due_alarms *out, tsu_err *e)
{
	due_pager p;
	due_query q;
	date_t t = today;
	int rc;

	memset(out, 0, sizeof *out);
	due_alarm_query(today, kinds, &q);
	if ((rc = due_pager_open(d, &q, true, classify, &t, DUE_ALARM_SECTIONS, &p, e)) != TSU_OK)
		return rc;
	err_clear(e);
	db_read_begin(d);
	due_pager_fetch(&p, NULL, -1, false, p.total, emit, out, e);
	db_read_end(d);
	due_pager_free(&p);
	if (e->code != TSU_OK) {
		due_alarms_free(out);
		return e->code;
	}
	return TSU_OK;
}

void due_alarms_free(due_alarms *a)
{
	for (size_t i = 0; i < a->nstrings; i++)
		free(a->strings[i]);
	free(a->strings);
	free(a->section);
	due_list_free(&a->list);
	memset(a, 0, sizeof *a);
}
