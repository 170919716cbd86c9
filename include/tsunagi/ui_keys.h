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

typedef enum ui_context {
	UK_GLOBAL,      /* every screen that is not typing text */
	UK_LIST,        /* moving in a list */
	UK_ALARMS,
	UK_CLIENTS,
	UK_CARD,
	UK_DRAFTS,
	UK_FORM,        /* in a form: fields, save, cancel */
	UK_EDIT,        /* editing one line of text */
	UK_RECORD,      /* the cycle's record screens: rows, header, print */
	UK_ASSESSMENT,
	UK_PLAN,
	UK_MEETING,
	UK_CALENDAR,
	UK_WEEKLY,
	UK_PROVIDERS,   /* the provider register (事業所) */
	UK_NOTES,       /* a client's progress notes */
	UK_BILLING,     /* the billing worksheet */
	UK_STATS,       /* caseload health */
	UK_CONTEXT_COUNT
} ui_context;

typedef enum ui_action {
	UA_NONE,
	/* global */
	UA_HELP, UA_BACK, UA_QUIT, UA_ALARMS, UA_CLIENTS, UA_REDRAW,
	UA_CALENDAR, UA_NOTES_SEARCH, UA_QUICK_NOTE, UA_PROVIDERS, UA_SETTINGS,
	UA_STATS,
	/* list */
	UA_UP, UA_DOWN, UA_PAGE_UP, UA_PAGE_DOWN, UA_TOP, UA_BOTTOM, UA_OPEN,
	UA_SEARCH,
	/* alarms */
	UA_FILTER_KIND, UA_PRINT_WEEK, UA_SEND_WEEK,
	/* clients */
	UA_NEW_CLIENT, UA_FILTER_STATUS, UA_FILTER_CASE,
	/* card */
	UA_NEXT_TAB, UA_PREV_TAB, UA_ADD, UA_EDIT, UA_DELETE, UA_NOT_DONE, UA_CLOSE_CASE,
	UA_CARD_PRINT, UA_CARD_SEND,
	/* drafts */
	UA_DISCARD,
	/* form */
	UA_FIELD_NEXT, UA_FIELD_PREV, UA_SAVE, UA_CANCEL, UA_EXT_EDITOR,
	UA_FORM_HELP, UA_PHRASE,
	/* line editing */
	UA_LINE_START, UA_LINE_END, UA_CHAR_LEFT, UA_CHAR_RIGHT,
	UA_DEL_BACK, UA_DEL_FORWARD, UA_KILL_END, UA_KILL_START, UA_KILL_WORD,
	/* record screens (assessment, plan, monitoring, meeting, notes) */
	UA_ROW_ADD, UA_ROW_EDIT, UA_ROW_DELETE, UA_ROW_UP, UA_ROW_DOWN,
	UA_HEADER, UA_PRINT, UA_SEND, UA_REVISE,
	/* assessment */
	UA_ICF_PICK,
	/* plan */
	UA_PULL_NEEDS, UA_FINALISE, UA_INTERVAL, UA_WEEKLY, UA_PROVIDER_PICK,
	/* meeting */
	UA_ITEM_DONE,
	/* notes */
	UA_NEXT_DONE,
	UA_SEARCH_FILTER,
	/* calendar */
	UA_DAY_PREV, UA_DAY_NEXT, UA_WEEK_PREV, UA_WEEK_NEXT, UA_MONTH_PREV,
	UA_MONTH_NEXT, UA_TODAY, UA_FOCUS, UA_SCHEDULE,
	/* weekly schedule */
	UA_CELL_LEFT, UA_CELL_RIGHT, UA_CELL_UP, UA_CELL_DOWN, UA_NON_WEEKLY,
	/* provider register */
	UA_PROVIDER_ADD, UA_PROVIDER_EDIT, UA_PROVIDER_DELETE,

	UA_BILLING, UA_BILL_PREV, UA_BILL_NEXT, UA_BILL_PRINT, UA_BILL_SEND,
	/* caseload health */
	UA_STATS_PREV, UA_STATS_NEXT, UA_STATS_PRINT, UA_STATS_SEND,
	UA_COUNT
} ui_action;

enum { UI_KEYS_MAX = 4 };

typedef struct ui_keydef {
	ui_action action;
	const char *name;          /* for bind.<name> */
	ui_context context;
	ui_key keys[UI_KEYS_MAX];  /* 0 ends */
	const char *help;          /* N_() text */
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

/* Parse a key name: "q", "C-x", "F5", "Enter", "Esc", "Tab", "S-Tab",
 * "Space", "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn",
 * "Backspace", "Delete", or one character.  Returns 0 when unknown. */
ui_key ui_key_parse(const char *name);
/* The key's name as above, into buf (at least 16 bytes). */
const char *ui_key_name(ui_key k, char *buf, size_t n);

/* The first key bound to an action, as a name (for hints); "" if none. */
const char *ui_keys_first(const ui_keymap *km, ui_action a, char *buf, size_t n);

/* Help text for the given contexts: a heading per context, then one
 * line per action, "  KEYS  help" with the keys column padded.  Caller
 * frees. */
char *ui_keys_help(const ui_keymap *km, const ui_context *ctx, size_t nctx);

/* Normalise what curses returned: Backspace forms, CR, keypad Enter. */
ui_key ui_key_from_curses(int rc, uint32_t wch);

#endif
