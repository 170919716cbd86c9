/*
 * cycle_grid.c - the calendar's and the weekly schedule's grid
 * arithmetic (ui_cycle.h); no terminal, no database.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "tsunagi/ui_cycle.h"

static date_t add_months_keep_day(date_t cur, int n)
{
	return date_add_months(cur, n);
}

date_t ui_cal_step(date_t cur, ui_action a, date_t today)
{
	switch (a) {
	case UA_DAY_PREV: return cur - 1;
	case UA_DAY_NEXT: return cur + 1;
	case UA_WEEK_PREV: return cur - 7;
	case UA_WEEK_NEXT: return cur + 7;
	case UA_MONTH_PREV: return add_months_keep_day(cur, -1);
	case UA_MONTH_NEXT: return add_months_keep_day(cur, 1);
	case UA_TODAY: return today;
	default: return cur;
	}
}

bool ui_cal_cell(month_t m, date_t d, int *row, int *col)
{
	date_t first = month_first_day(m);
	int lead, idx;

	if (d < first || d > month_last_day(m))
		return false;
	lead = date_weekday(first);
	idx = lead + (d - first);
	*row = idx / 7;
	*col = idx % 7;
	return true;
}

int ui_cal_weeks(month_t m)
{
	int r = 0, c = 0;

	ui_cal_cell(m, month_last_day(m), &r, &c);
	return r + 1;
}

bool ui_week_covers(int start_min, int end_min, int hour)
{
	return start_min < (hour + 1) * 60 && end_min > hour * 60;
}
