/*
 * ui_rows.h - the shape the cycle's record screens share: a record (an
 * assessment, a plan, a monitoring, a meeting) shown as labelled text
 * above the list of its child rows (items, needs, goals, action items),
 * with the same keys to edit the record, add, edit and delete rows.
 * Each screen adds its own keys and row drawing on top (cycle_rows.c).
 */
#ifndef TSUNAGI_UI_ROWS_H
#define TSUNAGI_UI_ROWS_H

#include "tsunagi/ui_app.h"

typedef struct ui_rows ui_rows;

typedef void (*ui_rows_draw_fn)(ui_rows *r, ui_win *w, int y, int x, int width,
				const void *row, bool selected);

struct ui_rows {
	ui_app *app;
	const record_type *rt;          /* the record */
	const record_type *crt;         /* its rows */
	int64_t client_id, id;
	void *rec;                      /* rt->size, valid when have */
	bool have;
	char *client_name;
	void *rows;                     /* crt records, nrows of them */
	size_t nrows;
	void **items;
	ui_array_source arr;
	ui_list list;
	const char *const *head_skip;   /* fields not shown in the head */
	char *extra;                    /* more head text (the screen's), or NULL */
	ui_rows_draw_fn draw_row;
	/* Fill a new row after record_init (priority, component ...); may
	 * be NULL. */
	void (*init_row)(ui_rows *r, void *row);
	/* What a row is about, shown in its form's title (a monitoring
	 * row: the goal it rates); caller frees; may be NULL. */
	char *(*row_subtitle)(ui_rows *r, const void *row);
	void *ctx;                      /* the screen's state */
	int64_t pending_delete;
	ui_screen *screen;              /* for confirm callbacks */
};

/* Read the record and its rows; select the row select_id (0: keep the
 * place).  false (after ui_error) when the record cannot be read. */
bool ui_rows_load(ui_rows *r, int64_t select_id);
void ui_rows_free(ui_rows *r);
/* The head's height for the body (about half, at most what it needs). */
int ui_rows_head_height(const ui_rows *r);
/* Draw the title line, the head and the rows. */
void ui_rows_draw(ui_rows *r, const char *title);
/* The keys all record screens share (moving, E, n, e/Enter, d); true
 * when used. */
bool ui_rows_key(ui_rows *r, ui_screen *s, ui_action a);
void ui_rows_resize(ui_rows *r);

/* What a record screen has for the actions' needs: its record (and so
 * something to print) when it was read, a row when one is selected. */
unsigned ui_rows_has(const ui_rows *r);

/* Screen operations for a screen whose state begins with its ui_rows:
 * what it has (ui_rows_has), a delete with no row refused as the card
 * does, relayout, reload on return, and free the rows and the state. */
unsigned ui_rows_screen_has(ui_app *app, ui_screen *s);
const char *ui_rows_screen_refusal(ui_screen *s, ui_action a, unsigned need);
void ui_rows_screen_resize(ui_app *app, ui_screen *s);
void ui_rows_screen_resume(ui_app *app, ui_screen *s);
void ui_rows_screen_close(ui_app *app, ui_screen *s);
/* The selected row, or NULL. */
const void *ui_rows_selected(const ui_rows *r);

#endif
