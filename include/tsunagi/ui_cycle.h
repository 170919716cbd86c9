/*
 * ui_cycle.h - the pure parts of the cycle's screens, kept apart from
 * curses so they are unit-tested: moving the calendar's cursor by day,
 * week and month, where a day sits in the month grid, and which hour
 * rows of the weekly schedule a slot covers.
 */
#ifndef TSUNAGI_UI_CYCLE_H
#define TSUNAGI_UI_CYCLE_H

#include <stdbool.h>

#include "tsunagi/date.h"
#include "tsunagi/record.h"
#include "tsunagi/ui_keys.h"
#include "tsunagi/ui_widget.h"

/* The cursor after a calendar action (UA_DAY_PREV ... UA_TODAY); a month
 * move keeps the day of the month, clamped to the month's end.  Other
 * actions leave it. */
date_t ui_cal_step(date_t cur, ui_action a, date_t today);

/* Row (week 0..5) and column (0 Monday .. 6 Sunday) of d in month m's
 * Monday-first grid; false when d is not in m. */
bool ui_cal_cell(month_t m, date_t d, int *row, int *col);

/* How many week rows month m's grid needs (4 to 6). */
int ui_cal_weeks(month_t m);

/* The weekly grid's hours: rows from UI_WEEK_FIRST_HOUR to
 * UI_WEEK_LAST_HOUR (each row one hour), columns 月 .. 土, 日・祝. */
enum { UI_WEEK_FIRST_HOUR = 0, UI_WEEK_LAST_HOUR = 23 };

/* True when a slot [start_min, end_min) covers part of hour h. */
bool ui_week_covers(int start_min, int end_min, int hour);

/* Days of the week as a worker lists them: 月水金, 月・水・金, 月〜金,
 * mon,wed, 祝 (the Sunday/holiday column); days[0] is Monday, days[6]
 * Sunday and holidays.  The number of days, or -1 with nothing set when
 * something else is in the text.  Blank: 0. */
int ui_week_parse_days(const char *s, bool days[7]);


/* ---- drawing shared by the record screens (cycle_view.c) ---- */

/* Text folded to lines of at most width columns (sanitized; a '\n'
 * starts a new line); at most max lines are written to out, each a heap
 * string; returns how many lines there are in all.  Pure. */
size_t ui_wrap(const char *text, int width, char **out, size_t max);

/* Draw text wrapped into the rectangle; blank lines below it; returns
 * the rows the text needed (may be more than height). */
int ui_draw_wrapped(ui_win *w, int y, int x, int height, int width, const char *text);

/* A record's shown fields as "label: value" text, one field a line
 * (long text indented on the lines after); choices translated; fields
 * in skip (NULL-terminated column names, may be NULL) left out.  Caller
 * frees. */
char *ui_record_text(const record_type *rt, const void *rec, const char *const *skip);

#endif
