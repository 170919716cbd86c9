/*
 * keys.c - the default key table, bindings from the config file, key
 * names and the help text made from the table.  Pure data and string
 * work: the only curses use is its key code constants.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_keys.h"

#define K(...) { __VA_ARGS__ }
#define F(k) UI_FN(k)
#define C(c) UI_CTRL(c)

static const ui_keydef defaults[] = {
	{ UA_HELP, "help", UK_GLOBAL, K('?', F(KEY_F(1))), N_("show the keys of this screen") },
	{ UA_BACK, "back", UK_GLOBAL, K('q', 27), N_("back to the previous screen") },
	{ UA_QUIT, "quit", UK_GLOBAL, K('Q'), N_("leave tsunagi") },
	{ UA_ALARMS, "alarms", UK_GLOBAL, K('a'), N_("the alarm list (what is due)") },
	{ UA_CLIENTS, "clients", UK_GLOBAL, K('c'), N_("the client list") },
	{ UA_REDRAW, "redraw", UK_GLOBAL, K(C('l')), N_("redraw the screen") },
	{ UA_CALENDAR, "calendar", UK_GLOBAL, K('C'), N_("the month calendar of monitorings and due items") },
	{ UA_NOTES_SEARCH, "notes-search", UK_GLOBAL, K('N'), N_("search every client's notes, intakes, assessments and monitorings") },
	{ UA_QUICK_NOTE, "quick-note", UK_GLOBAL, K('m'), N_("a phone note for the client under the cursor, dated now") },
	{ UA_PROVIDERS, "providers", UK_GLOBAL, K('D'), N_("the provider register (事業所): add, edit, delete") },
	{ UA_SETTINGS, "settings", UK_GLOBAL, K('S'), N_("settings: office and worker names, printer, privacy screen, lead times") },
	{ UA_BILLING, "billing", UK_GLOBAL, K('B'), N_("the billing worksheet of last month (国保連請求)") },
	{ UA_STATS, "stats", UK_GLOBAL, K('T'), N_("caseload health: monitorings on time, late notes, GAS, the case load") },

	{ UA_UP, "up", UK_LIST, K('k', F(KEY_UP), C('p')), N_("previous row") },
	{ UA_DOWN, "down", UK_LIST, K('j', F(KEY_DOWN), C('n')), N_("next row") },
	{ UA_PAGE_UP, "page-up", UK_LIST, K(F(KEY_PPAGE), C('b')), N_("previous page") },
	{ UA_PAGE_DOWN, "page-down", UK_LIST, K(F(KEY_NPAGE), C('f'), ' '), N_("next page") },
	{ UA_TOP, "top", UK_LIST, K('g', F(KEY_HOME)), N_("first row") },
	{ UA_BOTTOM, "bottom", UK_LIST, K('G', F(KEY_END)), N_("last row") },
	{ UA_OPEN, "open", UK_LIST, K('\n'), N_("open the selected row") },
	{ UA_SEARCH, "search", UK_LIST, K('/'), N_("search as you type (Enter keeps, Esc clears)") },

	{ UA_FILTER_KIND, "filter-kind", UK_ALARMS, K('f'), N_("show one kind of item, then the next, then all") },
	{ UA_PRINT_WEEK, "print-week", UK_ALARMS, K('p'), N_("print this week's due sheet to a PDF in ~/tsunagi-print/") },
	{ UA_SEND_WEEK, "send-week", UK_ALARMS, K('P'), N_("send the week's sheet to the printer") },

	{ UA_NEW_CLIENT, "new-client", UK_CLIENTS, K('n'), N_("add a new client") },
	{ UA_FILTER_STATUS, "filter-status", UK_CLIENTS, K('s'), N_("show active, closed or all clients") },
	{ UA_FILTER_CASE, "filter-case", UK_CLIENTS, K('f'), N_("show one case kind, then the next, then all") },

	{ UA_NEXT_TAB, "next-tab", UK_CARD, K('\t', F(KEY_RIGHT), 'l'), N_("next tab") },
	{ UA_PREV_TAB, "prev-tab", UK_CARD, K(F(KEY_BTAB), F(KEY_LEFT), 'h'), N_("previous tab") },
	{ UA_ADD, "add", UK_CARD, K('n'), N_("add a record on this tab") },
	{ UA_EDIT, "edit", UK_CARD, K('e'), N_("edit the selected record (or the client on the first tab)") },
	{ UA_DELETE, "delete", UK_CARD, K('d'), N_("delete the selected record (asks first)") },
	{ UA_NOT_DONE, "not-done", UK_CARD, K('x'), N_("record a monitoring month as not done, with its reason") },
	{ UA_CLOSE_CASE, "close-case", UK_CARD, K('X'), N_("close the case (終結): the date, why, and how support ended") },
	{ UA_CARD_PRINT, "card-print", UK_CARD, K('p'), N_("print to a PDF in ~/tsunagi-print/: the notes tab the progress record (last 3 months), the meetings tab the selected meeting's minutes, the others the case summary (asks to whom)") },
	{ UA_CARD_SEND, "card-send", UK_CARD, K('P'), N_("send the same to the printer (CUPS): the progress record, the meeting's minutes or the case summary") },

	{ UA_DISCARD, "discard", UK_DRAFTS, K('d'), N_("throw the selected draft away (asks first)") },

	{ UA_FIELD_NEXT, "field-next", UK_FORM, K('\t', F(KEY_DOWN)), N_("next field (Enter too, except in long text)") },
	{ UA_FIELD_PREV, "field-prev", UK_FORM, K(F(KEY_BTAB), F(KEY_UP)), N_("previous field") },
	{ UA_SAVE, "save", UK_FORM, K(F(KEY_F(2)), C('s')), N_("save the form") },
	{ UA_CANCEL, "cancel", UK_FORM, K(27), N_("leave the form; unsaved text is kept as a draft") },
	{ UA_EXT_EDITOR, "editor", UK_FORM, K(F(KEY_F(4)), C('o')), N_("edit this field in $EDITOR") },
	{ UA_FORM_HELP, "form-help", UK_FORM, K(F(KEY_F(1))), N_("show the keys of the form") },
	{ UA_PHRASE, "phrase", UK_FORM, K(F(KEY_F(3)), C('t')), N_("a note's fixed phrases (定型文) for its kind: insert one at the cursor") },

	{ UA_LINE_START, "line-start", UK_EDIT, K(C('a'), F(KEY_HOME)), N_("to the start of the line") },
	{ UA_LINE_END, "line-end", UK_EDIT, K(C('e'), F(KEY_END)), N_("to the end of the line") },
	{ UA_CHAR_LEFT, "char-left", UK_EDIT, K(C('b'), F(KEY_LEFT)), N_("one character left (choices: previous)") },
	{ UA_CHAR_RIGHT, "char-right", UK_EDIT, K(C('f'), F(KEY_RIGHT)), N_("one character right (choices: next)") },
	{ UA_DEL_BACK, "delete-back", UK_EDIT, K(F(KEY_BACKSPACE), C('h')), N_("delete the character before the cursor") },
	{ UA_DEL_FORWARD, "delete-forward", UK_EDIT, K(F(KEY_DC), C('d')), N_("delete the character under the cursor") },
	{ UA_KILL_END, "kill-end", UK_EDIT, K(C('k')), N_("delete to the end of the line") },
	{ UA_KILL_START, "kill-start", UK_EDIT, K(C('u')), N_("delete to the start of the line") },
	{ UA_KILL_WORD, "kill-word", UK_EDIT, K(C('w')), N_("delete the word before the cursor") },

	{ UA_ROW_ADD, "row-add", UK_RECORD, K('n'), N_("add a row (item, need, goal, action item)") },
	{ UA_ROW_EDIT, "row-edit", UK_RECORD, K('e'), N_("edit the selected row (Enter too)") },
	{ UA_ROW_DELETE, "row-delete", UK_RECORD, K('d'), N_("delete the selected row (asks first)") },
	{ UA_ROW_UP, "row-up", UK_RECORD, K('K'), N_("move the selected row up (earlier priority)") },
	{ UA_ROW_DOWN, "row-down", UK_RECORD, K('J'), N_("move the selected row down") },
	{ UA_HEADER, "header", UK_RECORD, K('E'), N_("edit the record's own fields (date, wishes, goals ...)") },
	{ UA_PRINT, "print", UK_RECORD, K('p'), N_("print this record to a PDF in ~/tsunagi-print/") },
	{ UA_SEND, "send", UK_RECORD, K('P'), N_("send this record to the printer (CUPS)") },
	{ UA_REVISE, "revise", UK_RECORD, K('R'), N_("start a revised plan: a new draft copied from the plan") },

	{ UA_ICF_PICK, "icf-pick", UK_ASSESSMENT, K('i'), N_("pick the selected item's ICF code from the list") },

	{ UA_PULL_NEEDS, "pull-needs", UK_PLAN, K('A'), N_("pull the needs flagged in the latest assessment into rows") },
	{ UA_FINALISE, "finalise", UK_PLAN, K('F'), N_("make the draft final (asks the consent date)") },
	{ UA_INTERVAL, "interval", UK_PLAN, K('I'), N_("change the monitoring interval from a month on") },
	{ UA_WEEKLY, "weekly", UK_PLAN, K('w'), N_("the weekly schedule of this plan") },
	{ UA_PROVIDER_PICK, "provider-pick", UK_PLAN, K('L'), N_("link the selected row to a provider picked from the register") },

	{ UA_ITEM_DONE, "item-done", UK_MEETING, K('x'), N_("mark the action item done today (again: not done)") },

	{ UA_NEXT_DONE, "next-done", UK_NOTES, K('x'), N_("mark the note's dated next step done today (again: not done)") },
	{ UA_SEARCH_FILTER, "search-filter", UK_NOTES, K('f'), N_("search of every record: narrow it to dates and one kind") },

	{ UA_DAY_PREV, "day-prev", UK_CALENDAR, K('h', F(KEY_LEFT)), N_("previous day") },
	{ UA_DAY_NEXT, "day-next", UK_CALENDAR, K('l', F(KEY_RIGHT)), N_("next day") },
	{ UA_WEEK_PREV, "week-prev", UK_CALENDAR, K('k', F(KEY_UP)), N_("a week back") },
	{ UA_WEEK_NEXT, "week-next", UK_CALENDAR, K('j', F(KEY_DOWN)), N_("a week on") },
	{ UA_MONTH_PREV, "month-prev", UK_CALENDAR, K('[', F(KEY_PPAGE)), N_("previous month") },
	{ UA_MONTH_NEXT, "month-next", UK_CALENDAR, K(']', F(KEY_NPAGE)), N_("next month") },
	{ UA_TODAY, "today", UK_CALENDAR, K('t'), N_("back to today") },
	{ UA_FOCUS, "focus", UK_CALENDAR, K('\t'), N_("move between the month and the day's list") },
	{ UA_SCHEDULE, "schedule", UK_CALENDAR, K('s'), N_("schedule the selected monitoring on a day: s, move to the day, s again (Esc stops)") },

	{ UA_CELL_LEFT, "cell-left", UK_WEEKLY, K('h', F(KEY_LEFT)), N_("the day before") },
	{ UA_CELL_RIGHT, "cell-right", UK_WEEKLY, K('l', F(KEY_RIGHT)), N_("the day after") },
	{ UA_CELL_UP, "cell-up", UK_WEEKLY, K('k', F(KEY_UP)), N_("an hour earlier") },
	{ UA_CELL_DOWN, "cell-down", UK_WEEKLY, K('j', F(KEY_DOWN)), N_("an hour later") },
	{ UA_NON_WEEKLY, "non-weekly", UK_WEEKLY, K('o'), N_("the services that are not weekly, and the overall picture") },

	{ UA_PROVIDER_ADD, "provider-add", UK_PROVIDERS, K('n'), N_("add a provider") },
	{ UA_PROVIDER_EDIT, "provider-edit", UK_PROVIDERS, K('e'), N_("edit the selected provider") },
	{ UA_PROVIDER_DELETE, "provider-delete", UK_PROVIDERS, K('d'), N_("delete the selected provider (asks first; refused while a plan row links to it)") },

	{ UA_BILL_PREV, "billing-prev", UK_BILLING, K('h', F(KEY_LEFT)), N_("the month before") },
	{ UA_BILL_NEXT, "billing-next", UK_BILLING, K('l', F(KEY_RIGHT)), N_("the month after") },
	{ UA_BILL_PRINT, "billing-print", UK_BILLING, K('p'), N_("print the worksheet to a PDF in ~/tsunagi-print/") },
	{ UA_BILL_SEND, "billing-send", UK_BILLING, K('P'), N_("send the worksheet to the printer (CUPS)") },
	{ UA_STATS_PREV, "stats-month-prev", UK_STATS, K(F(KEY_LEFT), 'h'), N_("the twelve months up to the month before") },
	{ UA_STATS_NEXT, "stats-month-next", UK_STATS, K(F(KEY_RIGHT), 'l'), N_("the twelve months up to the month after") },
	{ UA_STATS_PRINT, "stats-print", UK_STATS, K('p'), N_("save this page with bar charts as a PDF in ~/tsunagi-print/") },
	{ UA_STATS_SEND, "stats-send", UK_STATS, K('P'), N_("send this page to the printer (CUPS)") },
};

void ui_keys_defaults(ui_keymap *km)
{
	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		km->defs[defaults[i].action] = defaults[i];
}

static const struct { const char *name; ui_key key; } named[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "S-Tab", F(KEY_BTAB) },
	{ "Space", ' ' }, { "Up", F(KEY_UP) }, { "Down", F(KEY_DOWN) },
	{ "Left", F(KEY_LEFT) }, { "Right", F(KEY_RIGHT) }, { "Home", F(KEY_HOME) },
	{ "End", F(KEY_END) }, { "PgUp", F(KEY_PPAGE) }, { "PgDn", F(KEY_NPAGE) },
	{ "Backspace", F(KEY_BACKSPACE) }, { "Delete", F(KEY_DC) },
};

ui_key ui_key_parse(const char *s)
{
	int32_t cp;
	size_t len;

	if (!s || !*s)
		return 0;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(named[i].name, s) == 0)
			return named[i].key;
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] && !s[3]) {
		char c = s[2];
		if (c >= 'a' && c <= 'z')
			return C(c);
		if (c >= '@' && c <= '_')
			return C(c);
		return 0;
	}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		int n = s[1] - '0';
		if (s[2] >= '0' && s[2] <= '9' && !s[3])
			n = n * 10 + (s[2] - '0');
		else if (s[2])
			return 0;
		return n >= 1 && n <= 12 ? F(KEY_F(n)) : 0;
	}
	len = text_decode(s, strlen(s), &cp);
	if (len == 0 || s[len] || cp < 0x20 || cp == 0x7f)
		return 0;
	return cp;
}

const char *ui_key_name(ui_key k, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == k) {
			snprintf(buf, n, "%s", named[i].name);
			return buf;
		}
	if (UI_IS_FN(k)) {
		int code = k & ~UI_KEY_FN;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, n, "F%d", code - KEY_F0);
		else
			snprintf(buf, n, "<%d>", code);
		return buf;
	}
	if (k > 0 && k < 0x20) {
		snprintf(buf, n, "C-%c", (char)(k + 'a' - 1));
		return buf;
	}
	if (n >= 5) {
		size_t len = text_encode(k, buf);
		buf[len] = '\0';
	} else if (n) {
		buf[0] = '\0';
	}
	return buf;
}

const char *ui_keys_first(const ui_keymap *km, ui_action a, char *buf, size_t n)
{
	if (a <= UA_NONE || a >= UA_COUNT || !km->defs[a].keys[0]) {
		if (n)
			buf[0] = '\0';
		return buf;
	}
	return ui_key_name(km->defs[a].keys[0], buf, n);
}

void ui_keys_bind(ui_keymap *km, const config_binding *b, size_t n, strbuf *warnings)
{
	for (size_t i = 0; i < n; i++) {
		ui_keydef *d = NULL;
		ui_key k;

		for (int a = 1; a < UA_COUNT; a++)
			if (km->defs[a].name && strcmp(km->defs[a].name, b[i].action) == 0)
				d = &km->defs[a];
		if (!d) {
			sb_addf(warnings, _("bind.%s: there is no such action; see the help screen (?) for the names\n"), b[i].action);
			continue;
		}
		k = ui_key_parse(b[i].key);
		if (!k) {
			sb_addf(warnings, _("bind.%s: unknown key '%s'; write it like q, C-x, F5, Enter or PgDn\n"), b[i].action, b[i].key);
			continue;
		}
		/* The first binding of an action replaces its defaults; later
		 * ones add to it. */
		{
			bool fresh = true;
			for (size_t j = 0; j < i; j++)
				if (strcmp(b[j].action, b[i].action) == 0 && ui_key_parse(b[j].key))
					fresh = false;
			if (fresh)
				memset(d->keys, 0, sizeof d->keys);
		}
		for (int j = 0; j < UI_KEYS_MAX; j++)
			if (!d->keys[j]) {
				d->keys[j] = k;
				break;
			}
	}
}

ui_action ui_keys_lookup(const ui_keymap *km, const ui_context *ctx, size_t nctx, ui_key k)
{
	if (!k)
		return UA_NONE;
	for (size_t c = 0; c < nctx; c++)
		for (int a = 1; a < UA_COUNT; a++) {
			const ui_keydef *d = &km->defs[a];
			if (d->context != ctx[c])
				continue;
			for (int j = 0; j < UI_KEYS_MAX && d->keys[j]; j++)
				if (d->keys[j] == k)
					return (ui_action)a;
		}
	return UA_NONE;
}

static const char *context_title(ui_context c)
{
	static const char *const titles[UK_CONTEXT_COUNT] = {
		N_("Everywhere"), N_("Lists"), N_("Alarm list"), N_("Client list"),
		N_("Client card"), N_("Drafts"), N_("Forms"), N_("Editing text"),
		N_("Records (assessment, plan, monitoring, meeting)"), N_("Assessment"),
		N_("Plan"), N_("Meeting"), N_("Calendar"), N_("Weekly schedule"),
		N_("Provider register"),
		N_("Progress notes"), N_("Billing worksheet"),
		N_("Caseload health"),
	};
	return _(titles[c]);
}

char *ui_keys_help(const ui_keymap *km, const ui_context *ctx, size_t nctx)
{
	strbuf b;

	sb_init(&b);
	for (size_t c = 0; c < nctx; c++) {
		sb_addf(&b, "%s\n", context_title(ctx[c]));
		for (int a = 1; a < UA_COUNT; a++) {
			const ui_keydef *d = &km->defs[a];
			char keys[64] = "", name[16];
			int w;

			if (d->context != ctx[c] || !d->name)
				continue;
			for (int j = 0; j < UI_KEYS_MAX && d->keys[j]; j++) {
				if (j)
					strncat(keys, " ", sizeof keys - strlen(keys) - 1);
				strncat(keys, ui_key_name(d->keys[j], name, sizeof name),
					sizeof keys - strlen(keys) - 1);
			}
			if (!keys[0])
				snprintf(keys, sizeof keys, "-");
			w = text_width(keys);
			sb_addf(&b, "  %s%*s  %s  (%s)\n", keys, w < 22 ? 22 - w : 0, "",
				_(d->help), d->name);
		}
		sb_adds(&b, "\n");
	}
	return sb_steal(&b);
}

ui_key ui_key_from_curses(int rc, uint32_t wch)
{
	if (rc == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return '\n';
		return F((int32_t)wch);
	}
	if (wch == '\r')
		return '\n';
	if (wch == 127 || wch == 8)
		return F(KEY_BACKSPACE);
	return (ui_key)wch;
}
