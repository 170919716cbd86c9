/*
 * ui_due.h - a paged list source over due items (due_page.h), for the
 * screens that may list a whole office: the alarm list and the
 * calendar's day list.  Only the rows on screen are held; each carries
 * its own copy of the item's text and the client's name, read when the
 * row is fetched.
 */
#ifndef TSUNAGI_UI_DUE_H
#define TSUNAGI_UI_DUE_H

#include "tsunagi/due_page.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/ui_widget.h"

typedef struct ui_due_row {
	bool heading;           /* a section's heading: section only */
	int section;
	due_item it;            /* text and text2 point into the row */
	due_pos pos;
	char *name;             /* the client's name; NULL for billing */
} ui_due_row;

typedef void (*ui_due_draw_fn)(void *ctx, ui_win *w, int y, int x, int width,
			       const ui_due_row *row, bool selected);

typedef struct ui_due_source {
	ui_app *app;
	due_pager pager;
	bool open;
	int nsections;
	bool headings;          /* a heading row before each section */
	ui_due_draw_fn draw_row;
	void *draw_ctx;
} ui_due_source;

/*
 * Open (or open again, for a changed query or after records changed) the
 * pager behind s; the list built on it must be reloaded or refreshed
 * after.  On failure s lists nothing and e says why.
 */
int ui_due_source_open(ui_due_source *s, const due_query *q, bool forget_missed,
		       due_section_fn classify, void *ctx, int nsections, tsu_err *e);
void ui_due_source_make(ui_due_source *s, ui_list_source *out);
void ui_due_source_close(ui_due_source *s);
/* Items in a section, and in all. */
size_t ui_due_source_count(const ui_due_source *s, int section);
/* Enter on a row: the client's card at the record the item is about
 * (billing, the office's own item, says there is no client; a heading
 * or no row does nothing). */
void ui_due_open(ui_app *app, const ui_due_row *row);
/* A row: is it an item (not a heading)?  For ui_list_seek. */
bool ui_due_row_is_item(const void *row, void *arg);

#endif
