/*
 * ui_widget.h - the UI's building blocks, which know nothing of clients
 * or records: a line editor, a paged list, a form of fields, and the
 * small pieces (message line, confirm, tabs).  The logic of each (what
 * the text is, where the cursor is, which rows must be redrawn) is kept
 * apart from its drawing so it can be tested without a terminal.
 */
#ifndef TSUNAGI_UI_WIDGET_H
#define TSUNAGI_UI_WIDGET_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/ui_keys.h"

typedef struct _win_st ui_win;   /* curses WINDOW, without curses.h */

/* ---- line editor (widget_edit.c) ----------------------------------- */

/*
 * Text as code points.  The cursor is an index in characters (cur); its
 * column on screen is the sum of the widths before it, kept apart
 * because a kanji is one character and two columns.  '\n' is allowed
 * when multiline and is shown as "^J".
 */
typedef struct ui_edit {
	int32_t *cp;
	size_t len, cap;
	size_t cur;             /* 0..len */
	size_t max;             /* most characters accepted; 0: no limit */
	bool multiline;
	int scroll;             /* first column shown */
	int vscroll;            /* wrapped: first line shown */
	int wrap_cols;          /* wrapped: the width of the last draw (0: never wrapped) */
	bool changed;
} ui_edit;

void ui_edit_init(ui_edit *ed, size_t max, bool multiline);
void ui_edit_free(ui_edit *ed);
/* Replace the text (invalid UTF-8 bytes are dropped); cursor at end. */
void ui_edit_set(ui_edit *ed, const char *utf8);
char *ui_edit_get(const ui_edit *ed);          /* caller frees */
/* Insert one character or a pasted run; false when the limit stopped it
 * (what fits is inserted).  Control characters are refused, but '\n'
 * in a multiline editor. */
bool ui_edit_insert(ui_edit *ed, int32_t cp);
bool ui_edit_insert_text(ui_edit *ed, const char *utf8);
/* Apply an editing action (UA_LINE_START ... UA_KILL_WORD); false when
 * the action is not an editing one. */
bool ui_edit_apply(ui_edit *ed, ui_action a);
/* Display width of the characters [from, to). */
int ui_edit_width(const ui_edit *ed, size_t from, size_t to);
/* The cursor's column from the start of the text. */
int ui_edit_cursor_col(const ui_edit *ed);
/* Keep the cursor inside a window of cols columns (adjusts scroll). */
void ui_edit_scroll_to_cursor(ui_edit *ed, int cols);
/* Draw at (y, x) in cols columns; the cursor is left where it belongs
 * when focused.  Returns the cursor column on screen. */
int ui_edit_draw(ui_edit *ed, ui_win *w, int y, int x, int cols, bool focused);

/*
 * Multi-line text wrapped at the display width: '\n' breaks a line, a
 * character that would cross the right edge starts the next one (never
 * half a wide character).  ui_edit_wrap_rows counts the screen lines the
 * text takes at cols (at least 1).  ui_edit_draw_wrapped draws rows lines
 * from the one that keeps the cursor in view (focused) or from the
 * beginning (not focused, ending in "…" when more follows), and remembers
 * cols for ui_edit_move_line, which moves the cursor one screen line up
 * (dir -1) or down (+1) near the same column; false on the first or last
 * line (the caller moves to another field).
 */
int ui_edit_wrap_rows(const ui_edit *ed, int cols);
void ui_edit_draw_wrapped(ui_edit *ed, ui_win *w, int y, int x, int rows, int cols, bool focused);
bool ui_edit_move_line(ui_edit *ed, int dir);

/* ---- paged list (widget_list.c) ------------------------------------ */

/*
 * A list of rows that come from a source a page at a time: only the
 * rows on screen are held.  The source returns rows after (or before) a
 * given row, so a database can page by key, never by OFFSET.
 */
typedef struct ui_list_source {
	void *ctx;
	/* Up to n rows after `anchor` (NULL: from the first) or, with
	 * backward, before it (NULL: from the last), written in list order
	 * into out; returns how many. */
	size_t (*fetch)(void *ctx, const void *anchor, bool backward, size_t n, void **out);
	/* How many rows there are in all. */
	size_t (*count)(void *ctx);
	void (*free_row)(void *ctx, void *row);
	/* Draw one row in width columns at (y, x). */
	void (*draw_row)(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool selected);
} ui_list_source;

enum {
	UI_LIST_NONE = 0,
	UI_LIST_ROWS = 1,       /* rows old_sel and sel need redrawing */
	UI_LIST_ALL = 2,        /* the whole list needs redrawing */
};

typedef struct ui_list {
	ui_list_source src;
	void **rows;            /* the rows on screen, [0, nrows) */
	size_t nrows;
	int height;             /* rows on screen */
	size_t sel;             /* selected row, index into rows */
	size_t old_sel;
	size_t first;           /* absolute index of rows[0] */
	size_t total;
	unsigned dirty;
} ui_list;

void ui_list_init(ui_list *l, const ui_list_source *src);
void ui_list_free(ui_list *l);
/* Fill from the first row. */
void ui_list_reload(ui_list *l, int height);
/* Change the height, keeping the selected row in view. */
void ui_list_resize(ui_list *l, int height);
/* Move by delta rows (page moves pass +-height). */
void ui_list_move(ui_list *l, long delta);
void ui_list_top(ui_list *l);
void ui_list_bottom(ui_list *l);
/* Select the first row for which match(row, arg) holds, paging through
 * the source; false (selection unchanged) when none does. */
bool ui_list_seek(ui_list *l, bool (*match)(const void *row, void *arg), void *arg);
/* Reload from the start and select the row match picks. */
void ui_list_reload_at(ui_list *l, int height, bool (*match)(const void *row, void *arg), void *arg);
/* Take row (owned by the list from now) as the selected one, at absolute
 * index, and fill the screen around it. */
void ui_list_reload_around(ui_list *l, int height, void *row, size_t index);
/* Read the rows on screen again (another screen may have changed them),
 * keeping the place. */
void ui_list_refresh(ui_list *l);
const void *ui_list_selected(const ui_list *l);
size_t ui_list_selected_index(const ui_list *l);   /* absolute */
/* Apply a moving action (UA_UP ... UA_BOTTOM); false for any other. */
bool ui_list_action(ui_list *l, ui_action a);
/* Draw what dirty says at (y, x) in width columns, then clear dirty. */
void ui_list_draw(ui_list *l, ui_win *w, int y, int x, int width);

/* An in-memory source over an array of pointers (the caller keeps the
 * rows; free_row is a no-op).  draw_row is the caller's. */
typedef struct ui_array_source {
	void **items;
	size_t n;
	void (*draw_row)(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool selected);
	void *draw_ctx;
} ui_array_source;
void ui_array_source_make(ui_array_source *a, ui_list_source *out);

/* ---- form (widget_form.c) ------------------------------------------ */

typedef enum ui_field_kind {
	UI_F_TEXT,
	UI_F_LONG,      /* multi-line text: Enter is a new line; $EDITOR */
	UI_F_DATE,      /* shows ISO and era beside what was typed */
	UI_F_CHOICE,    /* Left/Right or Space cycles */
	UI_F_CHECK,     /* Space toggles */
} ui_field_kind;

typedef struct ui_field {
	const char *name;       /* stable key (drafts) */
	char *label;            /* shown, already translated */
	ui_field_kind kind;
	bool required;
	ui_edit ed;             /* TEXT, LONG, DATE */
	const char *const *choices;     /* CHOICE: values, NULL-terminated */
	char **choice_labels;           /* shown, translated, parallel */
	size_t nchoices;
	size_t choice;
	bool checked;           /* CHECK */
} ui_field;

typedef struct ui_form {
	ui_field *fields;
	size_t n, cur;
	int top;                /* first field shown */
	bool changed;           /* anything typed since load/save */
	int label_w;
} ui_form;

void ui_form_init(ui_form *f);
void ui_form_free(ui_form *f);
/* Add a field; label is copied. */
ui_field *ui_form_add(ui_form *f, const char *name, const char *label, ui_field_kind kind, size_t max);
/* choice labels are copied */
void ui_field_set_choices(ui_field *fd, const char *const *values, const char *const *labels);
ui_field *ui_form_find(ui_form *f, const char *name);
/* A field's value as text: text as typed, the choice's value, "yes"/"no". */
char *ui_field_get(const ui_field *fd);   /* caller frees */
/* Set a field from text (an unknown choice leaves the choice as is). */
void ui_field_set(ui_field *fd, const char *text);
/*
 * Handle a key in the form: an action from the UK_FORM/UK_EDIT tables
 * or a character typed.  Returns true when the form used it (the form
 * needs a redraw then).  Save, cancel and editor are left to the caller.
 */
bool ui_form_key(ui_form *f, ui_action a, ui_key k);
/* The key contexts of the form's current field: the form's and the
 * editing keys, UK_LINE (Enter) on all but a long text, UK_CHOICE
 * (Space, y, n) on a choice or a yes/no field. */
void ui_form_contexts(const ui_form *f, const ui_context **ctx, size_t *n);
/* Put the cursor on the field called name (no change when there is none). */
void ui_form_focus(ui_form *f, const char *name);
/* Draw in the rectangle; the cursor is placed in the current field. */
void ui_form_draw(ui_form *f, ui_win *w, int y, int x, int height, int width);

/*
 * Edit text in $VISUAL/$EDITOR (default vi): written to a 0600 file in a
 * fresh 0700 directory beside the database (tmp_edit_dir), which is
 * removed afterwards with whatever the editor left in it (swap and
 * backup files).  Only a regular file of at most 1 MiB of UTF-8 without
 * NUL is read back.  The terminal must have been handed back (endwin)
 * by the caller.  Returns the new text (caller frees) or NULL with a
 * one-line message in run->err.
 */
typedef struct ui_editor_run {
	const char *db_path;            /* the directory is made beside it */
	volatile sig_atomic_t *stop;    /* set by a hangup: end the editor */
	bool interrupted;               /* out: *stop ended the editor */
	char err[512];                  /* out: why NULL was returned */
} ui_editor_run;
char *ui_edit_external(const char *text, ui_editor_run *run);

/* ---- small pieces (widget_misc.c) ---------------------------------- */

/* Draw s sanitized, cut to cols columns, padded with spaces when pad. */
int ui_put(ui_win *w, int y, int x, int cols, const char *s, bool pad);
/* The same for text that is already safe (the program's own). */
int ui_put_raw(ui_win *w, int y, int x, int cols, const char *s, bool pad);
/* As ui_put, but text that does not fit ends with "…" so the cut shows
 * (text_cut: a wide character is never split). */
int ui_put_cut(ui_win *w, int y, int x, int cols, const char *s, bool pad);
/* A tab bar: labels with the current one marked [like this]. */
void ui_tabs_draw(ui_win *w, int y, int x, int width, const char *const *labels, size_t n, size_t cur);
/* A centred box with lines of text (the program's own) and a border of
 * ASCII/line-drawing characters. */
void ui_box_draw(ui_win *w, const char *const *lines, size_t n);

#endif
