/*
 * cycle_grid.c - the calendar's and the weekly schedule's grid
 * arithmetic (ui_cycle.h); no terminal, no database.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/text.h"
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

int ui_week_parse_days(const char *s, bool days[7])
{
	static const struct { const char *w; int d; } names[] = {
		{ "月", 0 }, { "火", 1 }, { "水", 2 }, { "木", 3 }, { "金", 4 }, { "土", 5 },
		{ "日", 6 }, { "祝", 6 },
		{ "mon", 0 }, { "tue", 1 }, { "wed", 2 }, { "thu", 3 }, { "fri", 4 },
		{ "sat", 5 }, { "sun", 6 },
	};
	char *f = text_fold(s ? s : "");
	const char *p = f;
	int n = 0, from = -1;
	bool range = false;

	memset(days, 0, 7 * sizeof days[0]);
	while (*p) {
		static const char *const skip[] = { "曜日", "曜", "、", "・", " ", ",", "/" };
		size_t k;
		for (k = 0; k < sizeof skip / sizeof skip[0]; k++)
			if (!strncmp(p, skip[k], strlen(skip[k])))
				break;
		if (k < sizeof skip / sizeof skip[0]) {
			p += strlen(skip[k]);
			continue;
		}
		if (*p == '~' || *p == '-') {
			if (from < 0 || range)
				goto bad;
			range = true;
			p++;
			continue;
		}
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (!strncmp(p, names[k].w, strlen(names[k].w)))
				break;
		if (k == sizeof names / sizeof names[0])
			goto bad;
		p += strlen(names[k].w);
		if (range) {
			if (names[k].d < from)
				goto bad;
			for (int d = from; d <= names[k].d; d++)
				days[d] = true;
			range = false;
		}
		days[names[k].d] = true;
		from = names[k].d;
	}
	if (range)
		goto bad;
	for (int d = 0; d < 7; d++)
		n += days[d];
	free(f);
	return n;
bad:
	memset(days, 0, 7 * sizeof days[0]);
	free(f);
	return -1;
}

bool ui_week_covers(int start_min, int end_min, int hour)
{
	return start_min < (hour + 1) * 60 && end_min > hour * 60;
}
