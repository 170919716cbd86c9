/*
 * ui_app.h - what the screens share: the application context, the table
 * of operations each screen fills in (as tig's view_ops), and the
 * constructors of the screens.  One screen per file in src/ui/screen_*.c.
 *
 * The loop (app.c) reads one key, looks it up in the contexts the top
 * screen names, checks the action's needs (dispatch.c: refused with one
 * message when the screen lacks what it needs), hands the action to the
 * screen, and draws once: a
 * screen's key handler only changes state and sets dirty flags; its draw
 * function draws what the flags say.  Nothing draws while idle.
 */
#ifndef TSUNAGI_UI_APP_H
#define TSUNAGI_UI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/config.h"
#include "tsunagi/db.h"
#include "tsunagi/record.h"
#include "tsunagi/records.h"
#include "tsunagi/store_draft.h"
#include "tsunagi/ui.h"
#include "tsunagi/ui_keys.h"
#include "tsunagi/ui_widget.h"

typedef struct ui_app ui_app;
typedef struct ui_screen ui_screen;

/* What a screen must redraw (screen->dirty). */
enum {
	UI_D_BODY = 1,          /* everything of the screen */
	UI_D_PART = 2,          /* what the screen's own state says (e.g. two rows) */
	UI_D_CLEAR = 4,         /* the layout changed: erase the body, then draw it all */
};

/* A short hint on the status line: the action's first key and a word. */
typedef struct ui_hint {
	ui_action action;
	const char *label;      /* N_() */
} ui_hint;

typedef struct ui_screen_ops {
	const char *name;       /* N_() title */
	/* The key contexts in lookup order, as data (UI_CTX(...)); a screen
	 * whose contexts depend on its state (typing a search) gives the
	 * hook instead, which wins. */
	const ui_context *ctx;
	size_t nctx;
	void (*contexts)(ui_screen *s, const ui_context **ctx, size_t *n);
	/* Typing text all the time (a picker searching as you type): a
	 * printable character is text, never an action, whatever it is
	 * bound to; the hints and the help leave such keys out. */
	bool typing;
	/* Hints for the status line, UA_NONE-terminated: data (UI_HINTS(...))
	 * or, when they depend on the state, the hook. */
	const ui_hint *hint_list;
	const ui_hint *(*hints)(ui_screen *s);
	/* A list screen (UI_LIST_AT(state type, member, rows)): where its
	 * ui_list is in the state and how many body rows the rest of the
	 * screen takes (at least 1).  The app then gives the list its height
	 * on resize (when .resize is NULL) and knows whether a row is
	 * selected (UI_NEED_ROW). */
	size_t list_at;
	int list_used;          /* 0: not a list screen */
	/* Draw into the body (rows app->body_y .. + body_h). */
	void (*draw)(ui_app *app, ui_screen *s);
	/* An action (UA_NONE for an unbound key) and the key; true when the
	 * screen used it.  Unused global actions are the app's.  An action
	 * whose needs (UI_ACTIONS) the screen does not meet never gets here. */
	bool (*key)(ui_app *app, ui_screen *s, ui_action a, ui_key k);
	/* The body changed size; NULL: the list (a list screen) gets its
	 * height and the body is drawn again. */
	void (*resize)(ui_app *app, ui_screen *s);
	/* The screen is on top again (what it shows may have changed). */
	void (*resume)(ui_app *app, ui_screen *s);
	/* Keep what was typed as a draft (the session is ending); may be
	 * NULL. */
	void (*save_draft)(ui_app *app, ui_screen *s);
	void (*close)(ui_app *app, ui_screen *s);
	/* Show the terminal cursor (forms, search). */
	bool (*cursor)(ui_screen *s);
	/* The client the screen is on (its selected row's, a card's), for
	 * actions about "this client" (UI_NEED_CLIENT); 0 or NULL: none. */
	int64_t (*client)(ui_screen *s);
	/* What else the screen has for the actions' needs (UI_NEED_* bits
	 * but the client's).  NULL: a list screen has a row when one is
	 * selected, and every other need is met. */
	unsigned (*has)(ui_app *app, ui_screen *s);
	/* The message refusing action a for the unmet need (one UI_NEED_*
	 * bit), translated, where the screen says it better than the need's
	 * own; NULL (or a NULL hook): the need's. */
	const char *(*refusal)(ui_screen *s, ui_action a, unsigned need);
} ui_screen_ops;

/* Data fields of ui_screen_ops: the contexts, the hints (the UA_NONE end
 * is added), a list screen's list and rows. */
#define UI_CTX(...) .ctx = (const ui_context[]){ __VA_ARGS__ }, \
	.nctx = sizeof (const ui_context[]){ __VA_ARGS__ } / sizeof (ui_context)
#define UI_HINTS(...) .hint_list = (const ui_hint[]){ __VA_ARGS__, { UA_NONE, NULL } }
#define UI_LIST_AT(type, member, used) .list_at = offsetof(type, member), .list_used = (used)

struct ui_screen {
	const ui_screen_ops *ops;
	void *st;
	unsigned dirty;
};

enum { UI_STACK_MAX = 12 };

/* Colour pairs (0 when the terminal has none or NO_COLOR is set). */
enum { UI_C_OVERDUE = 1, UI_C_DUE, UI_C_UPCOMING, UI_C_TITLE, UI_C_ERROR, UI_C_COUNT };

typedef void (*ui_confirm_fn)(ui_app *app, void *arg, bool yes);

/* Where keep_draft put a form's text. */
typedef enum { UI_DRAFT_IN_DB, UI_DRAFT_IN_FILE, UI_DRAFT_LOST, UI_DRAFT_KINDS } ui_draft_kept;

struct ui_app {
	const ui_host *host;
	char session[33];       /* this session's id: its drafts are its own */
	char started[24];       /* when it started, UTC ISO 8601 like saved_at */
	int drafts[UI_DRAFT_KINDS];     /* how the forms' drafts went (counts) */
	char draft_lost_why[512];       /* the last reason one was not kept */
	db *db;
	date_t today;
	config cfg;
	int last_card_tab;      /* enum ui_card_tab a card opens on: the last one used */
	/* The record a form has just saved, so that the list under it
	 * lands on it (ui_take_saved). */
	const record_type *saved_rt;
	int64_t saved_id;
	ui_keymap keys;
	ui_screen stack[UI_STACK_MAX];
	int depth;
	int rows, cols;
	int body_y, body_h;     /* the rows between the title and status lines */
	bool colors;
	bool too_small, privacy, quit;
	bool redraw_all;        /* title, status and the top screen */
	bool status_dirty;
	char msg[512];
	bool msg_error;
	char damage[512];       /* what the day's check found, shown until the end */
	/* A yes/no question over the screen. */
	char *confirm_text;
	ui_confirm_fn confirm_fn;
	void *confirm_arg;
};

/* ---- the app (app.c, dispatch.c) ---- */

/* The rows a list gets: the body's height less the `used` rows above and
 * below it (headings, a foot), at least one. */
static inline int ui_list_rows(const ui_app *app, int used)
{
	int h = app->body_h - used;

	return h > 1 ? h : 1;
}

/* A screen's contexts and hints (its data, or its hooks). */
void ui_screen_contexts(ui_screen *s, const ui_context **ctx, size_t *n);
const ui_hint *ui_screen_hints(ui_screen *s);
/* A list screen's list (NULL: not one) and the rows it gets. */
ui_list *ui_screen_list(ui_screen *s);
int ui_screen_list_rows(const ui_app *app, const ui_screen *s);
/* Give a list screen's list its height and draw the body again (the
 * resize of a list screen, for one that does more on resize). */
void ui_list_screen_resize(ui_app *app, ui_screen *s);
/* What a screen with list l has (a has hook's start): every need but a
 * row when none is selected. */
static inline unsigned ui_list_has(const ui_list *l)
{
	return ui_list_selected(l) ? ~0u : ~(unsigned)UI_NEED_ROW;
}
/* The UI_NEED_* bits screen s meets now. */
unsigned ui_screen_has(ui_app *app, ui_screen *s);
/* The action key k is in screen s's contexts (UA_NONE: none). */
ui_action ui_screen_action(ui_app *app, ui_screen *s, ui_key k);
/* Hand action a (of key k) to screen s: refused with its need's message
 * when s does not meet the action's needs (true), else the screen's
 * handler's answer; false leaves it to the app's global actions. */
bool ui_dispatch(ui_app *app, ui_screen *s, ui_action a, ui_key k);
/* While a yes/no question is open, key k answers it when it is a
 * UK_CONFIRM action (bind.yes, bind.no) and is taken in any case
 * (true); false when no question is open. */
bool ui_confirm_key(ui_app *app, ui_key k);
/* One key from the terminal, as the loop hands it on (app.c): the
 * privacy screen, an open question, else the top screen's action
 * through ui_dispatch, then the global actions. */
void ui_handle_key(ui_app *app, ui_key k);

/* Push a screen made by a constructor below (NULL is ignored). */
void ui_push(ui_app *app, ui_screen s);
/* Close the top screen; the one below resumes. */
void ui_pop(ui_app *app);
/* A message on the status line until the next key. */
void ui_message(ui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(ui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Ask text (already translated; one line of the box per '\n'-separated
 * line, at most nine) and call fn with the answer. */
void ui_confirm(ui_app *app, const char *text, ui_confirm_fn fn, void *arg);
/* Hand the terminal to $EDITOR and back; NULL with a message if it failed. */
char *ui_run_editor(ui_app *app, const char *text);
/* Colour attribute of a pair (A_NORMAL without colour). */
int ui_color(const ui_app *app, int pair);

/* ---- screens ---- */

ui_screen ui_alarms_screen(ui_app *app);
ui_screen ui_clients_screen(ui_app *app);
/* Select this client when the client list shows again. */
void ui_clients_focus(ui_app *app, int64_t client_id);
ui_screen ui_help_screen(ui_app *app, ui_screen *of);
ui_screen ui_drafts_screen(ui_app *app);

/* Card tabs, in order. */
/* The card's tabs: the client's basics, then the record kinds that have
 * a tab, in REC_RECORD_KINDS order (records.h). */
#define REC_TAB(id, label) UI_TAB_##id,
#define REC_NO_TAB
#define UI_TAB_ENUM(name, label, parent, order, check, guard, form, tab) tab
enum ui_card_tab {
	UI_TAB_BASICS,
	REC_RECORD_KINDS(UI_TAB_ENUM)
	UI_TAB_COUNT
};
#undef UI_TAB_ENUM
#undef REC_TAB
#undef REC_NO_TAB
/* The card of a client, on a tab, with the row of record ref_id selected
 * (0: the first). */
ui_screen ui_card_screen(ui_app *app, int64_t client_id, enum ui_card_tab tab, int64_t ref_id);
/* On the card just opened: open the selected record's own screen (a
 * plan, a monitoring, a meeting, an assessment); nothing on a tab whose
 * records are edited in place. */
void ui_card_open_selected(ui_app *app);
/* The card tab (and the record on it, in *ref) that a due item is about;
 * the alarm list and the calendar open the card there. */
struct due_item;
enum ui_card_tab ui_card_tab_for_due(const struct due_item *it, int64_t *ref);

/* Forms: a client (id 0: a new one), a described record of a client
 * (record id 0: a new one), or a saved draft.  A draft of the same form
 * is restored into it. */
ui_screen ui_client_form(ui_app *app, int64_t client_id);
ui_screen ui_record_form(ui_app *app, const record_type *rt, int64_t client_id, int64_t record_id);
/* A new progress note of the client: a phone call, dated today at the
 * time it is, the cursor on its text. */
ui_screen ui_quick_note(ui_app *app, int64_t client_id);
/* The id of the record of kind rt a form saved just before this screen
 * came back on top (0: none); asking clears it. */
int64_t ui_take_saved(ui_app *app, const record_type *rt);
/* Add to a form's title what the record is about (" - GOAL"). */
void ui_form_title_add(ui_screen *form, const char *about);
/* A new described record of a client, filled from init first. */
ui_screen ui_record_form_from(ui_app *app, const record_type *rt, int64_t client_id, const void *init);
ui_screen ui_draft_form(ui_app *app, const draft *d);
/* A record whose parent is another record (an assessment item, a plan
 * row, an action item ...): saved under parent_id, shown and kept as a
 * draft under the client.  init (may be NULL) fills a new one. */
ui_screen ui_child_form(ui_app *app, const record_type *rt, int64_t client_id,
			int64_t parent_id, int64_t record_id, const void *init);
/* The same form to read only (a consented plan and its rows): the keys
 * move between fields, Esc leaves, nothing is saved or kept as a draft. */
ui_screen ui_view_form(ui_app *app, const record_type *rt, int64_t client_id,
		       int64_t parent_id, int64_t record_id);

/* A short question of a few fields (screen_prompt.c).  fn gets the
 * answers when the worker confirms (F2, or Enter on the last field) and
 * returns true to close the prompt, false to keep it (after ui_error). */
typedef bool (*ui_prompt_fn)(ui_app *app, void *arg, ui_form *answers);
typedef struct ui_prompt_field {
	const char *name;
	const char *label;              /* translated */
	ui_field_kind kind;
	size_t max;                     /* characters; 0: 200 */
	const char *value;              /* initial text, or NULL */
	const char *const *choices;     /* UI_F_CHOICE */
	const char *const *choice_labels;
} ui_prompt_field;
ui_screen ui_prompt_screen(ui_app *app, const char *title, const char *foot,
			   const ui_prompt_field *fields, size_t n, ui_prompt_fn fn, void *arg);
/* Call fn (with the prompt's arg) after Esc has closed the prompt s. */
typedef void (*ui_prompt_cancel_fn)(ui_app *app, void *arg);
void ui_prompt_on_cancel(ui_screen *s, ui_prompt_cancel_fn fn);

/* The billing worksheet of month m (B; Enter on the alarm list's
 * 国保連請求 item): billable items, 加算 candidates, problems; Enter opens
 * the record a row comes from, p saves the PDF (screen_billing.c). */
ui_screen ui_billing_screen(ui_app *app, month_t m);
/* Save the worksheet as ~/tsunagi-print/billing-YYYY-MM.pdf, 0600, or
 * (send: P) send it to the printer as "tsunagi billing YYYY-MM". */
struct bill_sheet;
void ui_print_billing(ui_app *app, const struct bill_sheet *s, bool send);

/* The settings screen (S): office, worker, idle minutes and lead times,
 * saved into the config file and applied at once (screen_settings.c). */
ui_screen ui_settings_screen(ui_app *app);
/* The first start: when the config file names neither an office nor a
 * worker, ask both once over the start screen. */
void ui_first_start(ui_app *app);

/* ---- the cycle's screens ---- */

/* An assessment: its basic page and its ICF items by component. */
ui_screen ui_assessment_screen(ui_app *app, int64_t client_id, int64_t assessment_id);
/* A plan: header, goals, the needs table, stage and interval. */
ui_screen ui_plan_screen(ui_app *app, int64_t client_id, int64_t plan_id);
/* The plan's weekly schedule (週間計画表). */
ui_screen ui_weekly_screen(ui_app *app, int64_t client_id, int64_t plan_id);
/* A monitoring record with a row per goal of its plan. */
ui_screen ui_monitoring_screen(ui_app *app, int64_t client_id, int64_t monitoring_id);
/* The month calendar of due items, from today's month. */
ui_screen ui_calendar_screen(ui_app *app);
/* Notes: one client's (client_id > 0) or a search across all (0). */
ui_screen ui_notes_screen(ui_app *app, int64_t client_id);
/* Ask the period and interval of a new draft plan, then open it. */
void ui_plan_new(ui_app *app, int64_t client_id);
/* Start a revised draft of plan_id (store_plan_revise) and open it. */
void ui_plan_revise(ui_app *app, int64_t client_id, int64_t plan_id);
/* Ask the day a monitoring was done, start it (store_monitoring_start)
 * and open it. */
void ui_monitoring_new(ui_app *app, int64_t client_id);
/* Print a record ("assessment", "plan", "weekly", "monitoring") of the
 * client to a PDF file under ~/tsunagi-print/ (mode 0600) and say where. */
void ui_print(ui_app *app, const char *what, int64_t client_id, int64_t record_id);
/* The notes' p: the 支援経過記録 of the last UI_RECORD_MONTHS months
 * (from the same day UI_RECORD_MONTHS months back to today). */
enum { UI_RECORD_MONTHS = 3 };
void ui_print_record(ui_app *app, int64_t client_id, bool send);
/* The card's p: ask to whom, check the consents (ask again when none in
 * force names that party), record the disclosure, print the summary.
 * send (P, for both): to the printer instead of ~/tsunagi-print/. */
void ui_print_summary(ui_app *app, int64_t client_id, bool send);
/* The alarm list's p: this week's due sheet (`tsunagi due` as PDF) to
 * ~/tsunagi-print/due-<Monday>.pdf, 0600. */
void ui_print_due_sheet(ui_app *app);
/* P: the same form or due sheet sent to the printer through CUPS
 * (spool.h) — the settings' printer, else CUPS's default — and the job
 * id or the reason it failed on the status line.  ui_send_pdf sends any
 * finished PDF; title must hold no personal data ("tsunagi stats
 * 2026-11", ids and dates only). */
void ui_send(ui_app *app, const char *what, int64_t client_id, int64_t record_id);
void ui_send_due_sheet(ui_app *app);
void ui_send_pdf(ui_app *app, const char *title, const char *pdf, size_t len);
/* Pick an ICF code (icf.h), the search starting with start; fn gets
 * the code after the picker has closed. */
typedef void (*ui_icf_fn)(ui_app *app, void *arg, const char *code);
/* The fixed phrases (定型文) of a note kind: fn gets the one picked
 * (screen_phrases.c; nothing when Esc leaves). */
typedef void (*ui_phrase_fn)(ui_app *app, void *arg, const char *text);
ui_screen ui_phrases_screen(ui_app *app, const char *kind, ui_phrase_fn fn, void *arg);
/* The ICF picker; with component ("b" ...) it lists only that one's codes
 * until a code of another is typed. */
ui_screen ui_icf_screen(ui_app *app, const char *start, const char *component, ui_icf_fn fn, void *arg);
/* The provider register (事業所).  With fn, a picker: Enter closes it
 * and gives fn the selected provider's id; without, Enter edits. */
typedef void (*ui_provider_fn)(ui_app *app, void *arg, int64_t provider_id);
ui_screen ui_providers_screen(ui_app *app, ui_provider_fn fn, void *arg);
/* A meeting with its action items. */
ui_screen ui_meeting_screen(ui_app *app, int64_t client_id, int64_t meeting_id);

/* Caseload health (T, src/ui/screen_stats.c): the figures of stats.h
 * for the twelve months up to a month (←/→ move it) as a table with
 * small bar charts; p saves the PDF page as
 * ~/tsunagi-print/stats-YYYY-MM.pdf and P sends it to the printer
 * (ui_print_stats; send). */
ui_screen ui_stats_screen(ui_app *app);
void ui_print_stats(ui_app *app, month_t month, bool send);
/* Whether the terminal named term can draw the eighth blocks (▏ .. █):
 * not a vt100-class or Linux console one, whose fonts lack them. */
bool ui_stats_blocks_ok(const char *term);
/* A bar of value out of max in width cells: eighth blocks, or '#' for
 * each whole cell when ascii (caller frees; no padding). */
char *ui_stats_bar(int value, int max, int width, bool ascii);

/* A record type by its table name, among those that have forms. */
const record_type *ui_form_record_type(const char *table);
/* The client form's fields, made from CLIENT_FIELDS (store_client.h;
 * form_client.c). */
void ui_client_form_fields(ui_form *f);
/* Choices of a field from enum values, labelled by store_enum_label ("" as "-"). */
void ui_field_enum_choices(ui_field *fd, const char *const *values);

#endif
