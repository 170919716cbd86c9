/*
 * ui_keys.h - keys as data: every thing a key can do is an action with a
 * name (for "bind.<name> = KEY" in the config file), the context where it
 * applies, its default keys and its help text.  The help screen is made
 * from this table, so it cannot drift from what the keys do.  Nothing
 * here touches the terminal; it is unit-tested on its own.
 */
#ifndef TSUNAGI_UI_KEYS_H
#define TSUNAGI_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/config.h"
#include "tsunagi/records.h"
#include "tsunagi/xalloc.h"

/*
 * A key: a Unicode code point (control keys are 1..31, Esc 27, Enter
 * 10, Tab 9), or a curses function key code marked with UI_KEY_FN.
 */
typedef int32_t ui_key;
#define UI_KEY_FN 0x40000000
#define UI_FN(k) (UI_KEY_FN | (int32_t)(k))
#define UI_IS_FN(k) (((k) & UI_KEY_FN) != 0)
#define UI_CTRL(c) ((c) & 0x1f)

/* The key contexts, each with the title its keys have on the help
 * screen: X(ID, N_("title")). */
#define UI_CONTEXTS(X) \
	X(GLOBAL, N_("Everywhere")) /* every screen that is not typing text */ \
	X(LIST, N_("Lists")) /* moving in a list */ \
	X(ALARMS, N_("Alarm list")) \
	X(CLIENTS, N_("Client list")) \
	X(CARD, N_("Client card")) \
	X(DRAFTS, N_("Drafts")) \
	X(FORM, N_("Forms")) /* in a form: fields, save, cancel */ \
	X(EDIT, N_("Editing text")) /* editing one line of text */ \
	X(RECORD, N_("Records (assessment, plan, monitoring, meeting)")) /* the cycle's record screens: rows, header, print */ \
	X(ASSESSMENT, N_("Assessment")) \
	X(PLAN, N_("Plan")) \
	X(MEETING, N_("Meeting")) \
	X(CALENDAR, N_("Calendar")) \
	X(WEEKLY, N_("Weekly schedule")) \
	X(PROVIDERS, N_("Provider register")) /* the provider register (事業所) */ \
	X(NOTES, N_("Progress notes")) /* a client's progress notes */ \
	X(PHRASES, N_("Fixed phrases")) /* the fixed phrases (定型文) picker */ \
	X(BILLING, N_("Billing worksheet")) /* the billing worksheet */ \
	X(STATS, N_("Caseload health")) /* caseload health */ \
	X(CONFIRM, N_("Questions (yes or no)")) /* a question over the screen */ \
	X(SEARCH, N_("Typing a search")) /* typing into a list's search */ \
	X(CHOICE, N_("Choice and yes/no fields")) /* in a form, on a choice or a check box */ \
	X(LINE, N_("One-line fields")) /* in a form, on any field but a long text */ \
	X(LONG, N_("Long text fields")) /* in a form, on a long text */

#define UK_ENUM(id, title) UK_##id,
typedef enum ui_context {
	UI_CONTEXTS(UK_ENUM)
	UK_CONTEXT_COUNT
} ui_context;
#undef UK_ENUM

/*
 * What an action needs before a screen may act on it (neomutt's checks
 * before a function runs): the dispatcher (app.c) asks the screen what
 * it has (ui_screen_ops.has, and .client for a client) and refuses an
 * action whose needs are not met with the need's one message, checked
 * in this order; the screen's handler then never sees it.
 * X(ID, error (beeps), N_("message")).
 */
#define UI_NEEDS(X) \
	X(CLIENT, false, N_("Select a client first: on the alarm list, the client list or a card.")) \
	X(RECORD, true, N_("The record could not be read; go back and open it again.")) /* the screen's own record (a plan, a meeting ...) */ \
	X(WRITABLE, true, N_("This record is read-only here.")) /* the screen's record may change (a consented plan may not) */ \
	X(ROW, false, N_("Nothing is selected here.")) /* a row of the list selected */ \
	X(PRINTABLE, true, N_("This screen has nothing to print."))

#define UN_BIT(id, error, msg) UI_NEED_BIT_##id,
enum { UI_NEEDS(UN_BIT) UI_NEED_COUNT };
#undef UN_BIT
#define UN_FLAG(id, error, msg) UI_NEED_##id = 1u << UI_NEED_BIT_##id,
enum { UI_NEEDS(UN_FLAG) };
#undef UN_FLAG

/*
 * Every action, once: X(ID, "config-name", context, default keys,
 * needs, N_("help text")).  The enum below, the default key table, the
 * names `bind.NAME` takes, the preconditions the dispatcher checks and
 * the help screen are all made from this list (keys.c); K(...) lists
 * the default keys, F() a function key, C() a control key; needs are
 * UI_NEED_* bits (0: none).  A new key is one line here and its case in
 * a screen.
 */
#define UI_ACTIONS(X) \
	X(HELP, "help", UK_GLOBAL, K('?', F(KEY_F(1))), 0, N_("show the keys of this screen")) \
	X(BACK, "back", UK_GLOBAL, K('q', 27), 0, N_("back to the previous screen")) \
	X(QUIT, "quit", UK_GLOBAL, K('Q'), 0, N_("leave tsunagi")) \
	X(ALARMS, "alarms", UK_GLOBAL, K('a'), 0, N_("the alarm list (what is due)")) \
	X(CLIENTS, "clients", UK_GLOBAL, K('c'), 0, N_("the client list")) \
	X(REDRAW, "redraw", UK_GLOBAL, K(C('l')), 0, N_("redraw the screen")) \
	X(CALENDAR, "calendar", UK_GLOBAL, K('C'), 0, N_("the month calendar of monitorings and due items")) \
	X(NOTES_SEARCH, "notes-search", UK_GLOBAL, K('N'), 0, N_("search every client's notes, intakes, assessments and monitorings")) \
	X(QUICK_NOTE, "quick-note", UK_GLOBAL, K('m'), UI_NEED_CLIENT, N_("a phone note for the client under the cursor, dated now")) \
	X(PROVIDERS, "providers", UK_GLOBAL, K('D'), 0, N_("the provider register (事業所): add, edit, delete")) \
	X(SETTINGS, "settings", UK_GLOBAL, K('S'), 0, N_("settings: office and worker names, printer, privacy screen, lead times")) \
	X(BILLING, "billing", UK_GLOBAL, K('B'), 0, N_("the billing worksheet of last month (国保連請求)")) \
	X(STATS, "stats", UK_GLOBAL, K('T'), 0, N_("caseload health: monitorings on time, late notes, GAS, the case load")) \
	X(UP, "up", UK_LIST, K('k', F(KEY_UP), C('p')), 0, N_("previous row")) \
	X(DOWN, "down", UK_LIST, K('j', F(KEY_DOWN), C('n')), 0, N_("next row")) \
	X(PAGE_UP, "page-up", UK_LIST, K(F(KEY_PPAGE), C('b')), 0, N_("previous page")) \
	X(PAGE_DOWN, "page-down", UK_LIST, K(F(KEY_NPAGE), C('f'), ' '), 0, N_("next page")) \
	X(TOP, "top", UK_LIST, K('g', F(KEY_HOME)), 0, N_("first row")) \
	X(BOTTOM, "bottom", UK_LIST, K('G', F(KEY_END)), 0, N_("last row")) \
	X(OPEN, "open", UK_LIST, K('\n'), 0, N_("open the selected row")) \
	X(SEARCH, "search", UK_LIST, K('/'), 0, N_("search as you type (Enter keeps, Esc clears)")) \
	X(FILTER_KIND, "filter-kind", UK_ALARMS, K('f'), 0, N_("show one kind of item, then the next, then all")) \
	X(PRINT_WEEK, "print-week", UK_ALARMS, K('p'), 0, N_("print this week's due sheet to a PDF in ~/tsunagi-print/")) \
	X(SEND_WEEK, "send-week", UK_ALARMS, K('P'), 0, N_("send the week's sheet to the printer")) \
	X(NEW_CLIENT, "new-client", UK_CLIENTS, K('n'), 0, N_("add a new client")) \
	X(FILTER_STATUS, "filter-status", UK_CLIENTS, K('s'), 0, N_("show active, closed or all clients")) \
	X(FILTER_CASE, "filter-case", UK_CLIENTS, K('f'), 0, N_("show one case kind, then the next, then all")) \
	X(NEXT_TAB, "next-tab", UK_CARD, K('\t', F(KEY_RIGHT), 'l'), 0, N_("next tab")) \
	X(PREV_TAB, "prev-tab", UK_CARD, K(F(KEY_BTAB), F(KEY_LEFT), 'h'), 0, N_("previous tab")) \
	X(ADD, "add", UK_CARD, K('n'), UI_NEED_CLIENT, N_("add a record on this tab")) \
	X(EDIT, "edit", UK_CARD, K('e'), UI_NEED_CLIENT, N_("edit the selected record (or the client on the first tab)")) \
	X(DELETE, "delete", UK_CARD, K('d'), UI_NEED_ROW, N_("delete the selected record (asks first)")) \
	X(NOT_DONE, "not-done", UK_CARD, K('x'), UI_NEED_CLIENT, N_("record a monitoring month as not done, with its reason")) \
	X(CLOSE_CASE, "close-case", UK_CARD, K('X'), UI_NEED_CLIENT, N_("close the case (終結): the date, why, and how support ended")) \
	X(CARD_PRINT, "card-print", UK_CARD, K('p'), UI_NEED_CLIENT, N_("print to a PDF in ~/tsunagi-print/: the notes tab the progress record (last 3 months), the meetings tab the selected meeting's minutes, the others the case summary (asks to whom)")) \
	X(CARD_SEND, "card-send", UK_CARD, K('P'), UI_NEED_CLIENT, N_("send the same to the printer (CUPS): the progress record, the meeting's minutes or the case summary")) \
	X(DISCARD, "discard", UK_DRAFTS, K('d'), UI_NEED_ROW, N_("throw the selected draft away (asks first)")) \
	X(FIELD_NEXT, "field-next", UK_FORM, K('\t', F(KEY_DOWN)), 0, N_("next field (Enter too, except in long text)")) \
	X(FIELD_PREV, "field-prev", UK_FORM, K(F(KEY_BTAB), F(KEY_UP)), 0, N_("previous field")) \
	X(SAVE, "save", UK_FORM, K(F(KEY_F(2)), C('s')), 0, N_("save the form")) \
	X(CANCEL, "cancel", UK_FORM, K(27), 0, N_("leave the form; unsaved text is kept as a draft")) \
	X(EXT_EDITOR, "editor", UK_FORM, K(F(KEY_F(4)), C('o')), 0, N_("edit this field in $EDITOR")) \
	X(FORM_HELP, "form-help", UK_FORM, K(F(KEY_F(1))), 0, N_("show the keys of the form")) \
	X(PHRASE, "phrase", UK_FORM, K(F(KEY_F(3)), C('t')), 0, N_("a note's fixed phrases (定型文) for its kind: insert one at the cursor")) \
	X(LINE_START, "line-start", UK_EDIT, K(C('a'), F(KEY_HOME)), 0, N_("to the start of the line")) \
	X(LINE_END, "line-end", UK_EDIT, K(C('e'), F(KEY_END)), 0, N_("to the end of the line")) \
	X(CHAR_LEFT, "char-left", UK_EDIT, K(C('b'), F(KEY_LEFT)), 0, N_("one character left (choices: previous)")) \
	X(CHAR_RIGHT, "char-right", UK_EDIT, K(C('f'), F(KEY_RIGHT)), 0, N_("one character right (choices: next)")) \
	X(DEL_BACK, "delete-back", UK_EDIT, K(F(KEY_BACKSPACE), C('h')), 0, N_("delete the character before the cursor")) \
	X(DEL_FORWARD, "delete-forward", UK_EDIT, K(F(KEY_DC), C('d')), 0, N_("delete the character under the cursor")) \
	X(KILL_END, "kill-end", UK_EDIT, K(C('k')), 0, N_("delete to the end of the line")) \
	X(KILL_START, "kill-start", UK_EDIT, K(C('u')), 0, N_("delete to the start of the line")) \
	X(KILL_WORD, "kill-word", UK_EDIT, K(C('w')), 0, N_("delete the word before the cursor")) \
	X(ROW_ADD, "row-add", UK_RECORD, K('n'), UI_NEED_RECORD | UI_NEED_WRITABLE, N_("add a row (item, need, goal, action item)")) \
	X(ROW_EDIT, "row-edit", UK_RECORD, K('e'), UI_NEED_ROW, N_("edit the selected row (Enter too)")) \
	X(ROW_DELETE, "row-delete", UK_RECORD, K('d'), UI_NEED_WRITABLE | UI_NEED_ROW, N_("delete the selected row (asks first)")) \
	X(ROW_UP, "row-up", UK_RECORD, K('K'), UI_NEED_WRITABLE | UI_NEED_ROW, N_("move the selected row up (earlier priority)")) \
	X(ROW_DOWN, "row-down", UK_RECORD, K('J'), UI_NEED_WRITABLE | UI_NEED_ROW, N_("move the selected row down")) \
	X(HEADER, "header", UK_RECORD, K('E'), UI_NEED_RECORD, N_("edit the record's own fields (date, wishes, goals ...)")) \
	X(PRINT, "print", UK_RECORD, K('p'), UI_NEED_PRINTABLE, N_("print this record to a PDF in ~/tsunagi-print/")) \
	X(SEND, "send", UK_RECORD, K('P'), UI_NEED_PRINTABLE, N_("send this record to the printer (CUPS)")) \
	X(REVISE, "revise", UK_RECORD, K('R'), UI_NEED_RECORD, N_("start a revised plan: a new draft copied from the plan")) \
	X(ICF_PICK, "icf-pick", UK_ASSESSMENT, K('i'), UI_NEED_ROW, N_("pick the selected item's ICF code from the list")) \
	X(PULL_NEEDS, "pull-needs", UK_PLAN, K('A'), UI_NEED_RECORD | UI_NEED_WRITABLE, N_("pull the needs flagged in the latest assessment into rows")) \
	X(FINALISE, "finalise", UK_PLAN, K('F'), UI_NEED_RECORD, N_("make the draft final (asks the consent date)")) \
	X(INTERVAL, "interval", UK_PLAN, K('I'), UI_NEED_RECORD, N_("change the monitoring interval from a month on")) \
	X(WEEKLY, "weekly", UK_PLAN, K('w'), UI_NEED_RECORD, N_("the weekly schedule of this plan")) \
	X(PROVIDER_PICK, "provider-pick", UK_PLAN, K('L'), UI_NEED_WRITABLE | UI_NEED_ROW, N_("link the selected row to a provider picked from the register")) \
	X(ITEM_DONE, "item-done", UK_MEETING, K('x'), UI_NEED_ROW, N_("mark the action item done today (again: not done)")) \
	X(NEXT_DONE, "next-done", UK_NOTES, K('x'), UI_NEED_ROW, N_("mark the note's dated next step done today (again: not done)")) \
	X(SEARCH_FILTER, "search-filter", UK_NOTES, K('f'), 0, N_("search of every record: narrow it to dates and one kind")) \
	X(DAY_PREV, "day-prev", UK_CALENDAR, K('h', F(KEY_LEFT)), 0, N_("previous day")) \
	X(DAY_NEXT, "day-next", UK_CALENDAR, K('l', F(KEY_RIGHT)), 0, N_("next day")) \
	X(WEEK_PREV, "week-prev", UK_CALENDAR, K('k', F(KEY_UP)), 0, N_("a week back")) \
	X(WEEK_NEXT, "week-next", UK_CALENDAR, K('j', F(KEY_DOWN)), 0, N_("a week on")) \
	X(MONTH_PREV, "month-prev", UK_CALENDAR, K('[', F(KEY_PPAGE)), 0, N_("previous month")) \
	X(MONTH_NEXT, "month-next", UK_CALENDAR, K(']', F(KEY_NPAGE)), 0, N_("next month")) \
	X(TODAY, "today", UK_CALENDAR, K('t'), 0, N_("back to today")) \
	X(FOCUS, "focus", UK_CALENDAR, K('\t'), 0, N_("move between the month and the day's list")) \
	X(SCHEDULE, "schedule", UK_CALENDAR, K('s'), 0, N_("schedule the selected monitoring on a day: s, move to the day, s again (Esc stops)")) \
	X(CELL_LEFT, "cell-left", UK_WEEKLY, K('h', F(KEY_LEFT)), 0, N_("the day before")) \
	X(CELL_RIGHT, "cell-right", UK_WEEKLY, K('l', F(KEY_RIGHT)), 0, N_("the day after")) \
	X(CELL_UP, "cell-up", UK_WEEKLY, K('k', F(KEY_UP)), 0, N_("an hour earlier")) \
	X(CELL_DOWN, "cell-down", UK_WEEKLY, K('j', F(KEY_DOWN)), 0, N_("an hour later")) \
	X(NON_WEEKLY, "non-weekly", UK_WEEKLY, K('o'), 0, N_("the services that are not weekly, and the overall picture")) \
	X(PROVIDER_ADD, "provider-add", UK_PROVIDERS, K('n'), 0, N_("add a provider")) \
	X(PROVIDER_EDIT, "provider-edit", UK_PROVIDERS, K('e'), UI_NEED_ROW, N_("edit the selected provider")) \
	X(PROVIDER_DELETE, "provider-delete", UK_PROVIDERS, K('d'), UI_NEED_ROW, N_("delete the selected provider (asks first; refused while a plan row links to it)")) \
	X(BILL_PREV, "billing-prev", UK_BILLING, K('h', F(KEY_LEFT)), 0, N_("the month before")) \
	X(BILL_NEXT, "billing-next", UK_BILLING, K('l', F(KEY_RIGHT)), 0, N_("the month after")) \
	X(BILL_PRINT, "billing-print", UK_BILLING, K('p'), 0, N_("print the worksheet to a PDF in ~/tsunagi-print/")) \
	X(BILL_SEND, "billing-send", UK_BILLING, K('P'), 0, N_("send the worksheet to the printer (CUPS)")) \
	X(STATS_PREV, "stats-month-prev", UK_STATS, K(F(KEY_LEFT), 'h'), 0, N_("the twelve months up to the month before")) \
	X(STATS_NEXT, "stats-month-next", UK_STATS, K(F(KEY_RIGHT), 'l'), 0, N_("the twelve months up to the month after")) \
	X(STATS_PRINT, "stats-print", UK_STATS, K('p'), 0, N_("save this page with bar charts as a PDF in ~/tsunagi-print/")) \
	X(STATS_SEND, "stats-send", UK_STATS, K('P'), 0, N_("send this page to the printer (CUPS)")) \
	X(YES, "yes", UK_CONFIRM, K('y', 'Y'), 0, N_("yes: do what the question says")) \
	X(NO, "no", UK_CONFIRM, K('n', 'N', 27, 'q'), 0, N_("no: leave everything as it is")) \
	X(SEARCH_KEEP, "search-keep", UK_SEARCH, K('\n'), 0, N_("stop typing; the list stays searched")) \
	X(SEARCH_CLEAR, "search-clear", UK_SEARCH, K(27), 0, N_("stop typing; a list's search is cleared (an empty search of every record leaves)")) \
	X(FIELD_ENTER, "field-enter", UK_LINE, K('\n'), 0, N_("on to the next field; on a question's last field, answer it")) \
	X(CHOICE_NEXT, "choice-next", UK_CHOICE, K(' '), 0, N_("the next choice; a yes/no field changes")) \
	X(CHECK_YES, "check-yes", UK_CHOICE, K('y', 'Y'), 0, N_("a yes/no field: yes")) \
	X(CHECK_NO, "check-no", UK_CHOICE, K('n', 'N'), 0, N_("a yes/no field: no")) \
	X(LINE_UP, "line-up", UK_LONG, K(F(KEY_UP)), 0, N_("a line up in the text; from its first line, the previous field")) \
	X(LINE_DOWN, "line-down", UK_LONG, K(F(KEY_DOWN)), 0, N_("a line down in the text; from its last line, the next field"))

/*
 * The client card's tabs are actions too, made from the tab list itself
 * (records.h) so that a new tab has its action from the same line:
 * UA_TAB_BASICS, then UA_TAB_<ID> for each REC_TAB of REC_RECORD_KINDS,
 * in the order of enum ui_card_tab (ui_app.h).  Their names are
 * "tab-" and the id in lower case ("tab-basics", "tab-not-done"), their
 * context UK_CARD, their default keys 1-9 and 0 for the first ten tabs
 * (none for the rest), their help "to the tab LABEL" (keys.c).
 */
#define REC_TAB(id, label) UA_TAB_##id,
#define REC_NO_TAB
#define UA_TAB_ENUM(name, label, parent, order, check, guard, form, tab) tab
/*
 * The fixed phrases picker's numbers: pick-1 ... pick-9 (UK_PHRASES,
 * keys 1-9), each inserting the phrase of its row number.
 */
#define UI_PICK_NUMBERS(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9)
#define UA_PICK_ENUM(n) UA_PICK_##n,
#define UA_ENUM(id, ...) UA_##id,
typedef enum ui_action {
	UA_NONE,
	UI_ACTIONS(UA_ENUM)
	UA_TAB_BASICS,
	REC_RECORD_KINDS(UA_TAB_ENUM)
	UI_PICK_NUMBERS(UA_PICK_ENUM)
	UA_COUNT
} ui_action;
#undef UA_ENUM
#undef UA_TAB_ENUM
#undef UA_PICK_ENUM
#undef REC_TAB
#undef REC_NO_TAB
enum { UA_TAB_COUNT = UA_PICK_1 - UA_TAB_BASICS, UA_PICK_COUNT = UA_COUNT - UA_PICK_1 };

enum { UI_KEYS_MAX = 4 };

typedef struct ui_keydef {
	ui_action action;
	const char *name;          /* for bind.<name> */
	ui_context context;
	ui_key keys[UI_KEYS_MAX];  /* 0 ends */
	unsigned needs;            /* UI_NEED_* */
	const char *help;          /* N_() text */
	const char *help_arg;      /* N_() text for the help's %s; NULL: none */
} ui_keydef;

typedef struct ui_keymap {
	ui_keydef defs[UA_COUNT];  /* indexed by action; defs[0] unused */
} ui_keymap;

/* The default table (indexed by action). */
void ui_keys_defaults(ui_keymap *km);

/*
 * Apply the config file's bindings: each replaces the keys of the action
 * it names.  Unknown actions or keys are reported, one line each, in
 * warnings (appended); the rest apply.
 */
void ui_keys_bind(ui_keymap *km, const config_binding *b, size_t n, strbuf *warnings);

/* The action of key in the first of the contexts (in order) that binds
 * it; UA_NONE when none does. */
ui_action ui_keys_lookup(const ui_keymap *km, const ui_context *ctx, size_t nctx, ui_key k);

/* The first need (one UI_NEED_* bit) of action a that what a screen has
 * (UI_NEED_* bits) does not meet; 0 when all are met. */
unsigned ui_action_unmet(const ui_keymap *km, ui_action a, unsigned have);
/* A need's message (one UI_NEED_* bit), translated, and whether it is an
 * error (beeps) rather than a hint. */
const char *ui_need_message(unsigned need, bool *error);

/* Parse a key name: "q", "C-x", "F5", "Enter", "Esc", "Tab", "S-Tab",
 * "Space", "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn",
 * "Backspace", "Delete", or one character.  Returns 0 when unknown. */
ui_key ui_key_parse(const char *name);
/* The key's name as above, into buf (at least 16 bytes). */
const char *ui_key_name(ui_key k, char *buf, size_t n);

/* Whether k is a character a screen that types text (ui_screen_ops
 * .typing) takes as text: printable, not a function or control key. */
bool ui_key_is_text(ui_key k);

/* The first key bound to an action, as a name (for hints); "" if none.
 * typing: the first that is not text (ui_key_is_text). */
const char *ui_keys_first(const ui_keymap *km, ui_action a, bool typing, char *buf, size_t n);

/* Help text for the given contexts: a heading per context, then one
 * line per action, "  KEYS  help" with the keys column padded.  typing:
 * for a screen that types text, without the keys that are text there
 * (and the actions left with none).  Caller frees. */
char *ui_keys_help(const ui_keymap *km, const ui_context *ctx, size_t nctx, bool typing);

/* Normalise what curses returned: Backspace forms, CR, keypad Enter. */
ui_key ui_key_from_curses(int rc, uint32_t wch);

#endif
