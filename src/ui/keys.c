/*
 * keys.c - the default key table, bindings from the config file, key
 * names and the help text made from the table.  Pure data and string
 * work: the only curses use is its key code constants.
 */
#include <ctype.h>
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

#define UA_DEF(id, name, ctx, keys, needs, help) { UA_##id, name, ctx, keys, needs, help, NULL },
static const ui_keydef defaults[] = {
	UI_ACTIONS(UA_DEF)
};
#undef UA_DEF

/* The card's tabs, from the tab list (records.h): the id for the name,
 * the label for the help. */
#define REC_TAB(id, label) { #id, label },
#define REC_NO_TAB
#define UA_TAB_DEF(name, label, parent, order, check, guard, form, tab) tab
static const struct { const char *id, *label; } tab_defs[UA_TAB_COUNT] = {
	{ "BASICS", N_("Basics") },
	REC_RECORD_KINDS(UA_TAB_DEF)
};
#undef UA_TAB_DEF
#undef REC_TAB
#undef REC_NO_TAB

/* Tab i's action: "tab-" and the id in lower case, '_' as '-'; keys 1-9
 * then 0 for the first ten tabs. */
static ui_keydef tab_action(int i)
{
	static char names[UA_TAB_COUNT][32];
	ui_keydef d = { UA_TAB_BASICS + i, names[i], UK_CARD, { 0 }, 0,
			N_("to the tab %s"), tab_defs[i].label };

	if (!names[i][0]) {
		size_t n = (size_t)snprintf(names[i], sizeof names[i], "tab-%s", tab_defs[i].id);
		for (size_t j = 4; j < n && j < sizeof names[i]; j++)
			names[i][j] = names[i][j] == '_' ? '-' : (char)tolower((unsigned char)names[i][j]);
	}
	if (i < 10)
		d.keys[0] = i < 9 ? '1' + i : '0';
	return d;
}

/* The phrase picker's numbers: pick-N on the key N. */
#define UA_PICK_DEF(n) { UA_PICK_##n, "pick-" #n, UK_PHRASES, { '0' + n }, 0, \
			 N_("insert the phrase numbered %s"), #n },
static const ui_keydef pick_defs[] = {
	UI_PICK_NUMBERS(UA_PICK_DEF)
};
#undef UA_PICK_DEF

void ui_keys_defaults(ui_keymap *km)
{
	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		km->defs[defaults[i].action] = defaults[i];
	for (int i = 0; i < UA_TAB_COUNT; i++)
		km->defs[UA_TAB_BASICS + i] = tab_action(i);
	for (int i = 0; i < UA_PICK_COUNT; i++)
		km->defs[pick_defs[i].action] = pick_defs[i];
}

unsigned ui_action_unmet(const ui_keymap *km, ui_action a, unsigned have)
{
	unsigned missing;

	if (a <= UA_NONE || a >= UA_COUNT)
		return 0;
	missing = km->defs[a].needs & ~have;
	return missing & -missing;      /* the first, in UI_NEEDS order */
}

const char *ui_need_message(unsigned need, bool *error)
{
#define UN_MSG(id, err, msg) [UI_NEED_BIT_##id] = { err, msg },
	static const struct { bool error; const char *msg; } m[UI_NEED_COUNT] = { UI_NEEDS(UN_MSG) };
#undef UN_MSG
	for (int i = 0; i < UI_NEED_COUNT; i++)
		if (need == 1u << i) {
			if (error)
				*error = m[i].error;
			return _(m[i].msg);
		}
	if (error)
		*error = false;
	return "";
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

bool ui_key_is_text(ui_key k)
{
	return !UI_IS_FN(k) && k >= 0x20;
}

const char *ui_keys_first(const ui_keymap *km, ui_action a, bool typing, char *buf, size_t n)
{
	if (a > UA_NONE && a < UA_COUNT)
		for (int j = 0; j < UI_KEYS_MAX && km->defs[a].keys[j]; j++)
			if (!typing || !ui_key_is_text(km->defs[a].keys[j]))
				return ui_key_name(km->defs[a].keys[j], buf, n);
	if (n)
		buf[0] = '\0';
	return buf;
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
#define UK_TITLE(id, title) [UK_##id] = title,
	static const char *const titles[UK_CONTEXT_COUNT] = { UI_CONTEXTS(UK_TITLE) };
#undef UK_TITLE
	return _(titles[c]);
}

char *ui_keys_help(const ui_keymap *km, const ui_context *ctx, size_t nctx, bool typing)
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
				if (typing && ui_key_is_text(d->keys[j]))
					continue;
				if (keys[0])
					strncat(keys, " ", sizeof keys - strlen(keys) - 1);
				strncat(keys, ui_key_name(d->keys[j], name, sizeof name),
					sizeof keys - strlen(keys) - 1);
			}
			if (!keys[0] && d->keys[0])
				continue;       /* every key is text here */
			if (!keys[0])
				snprintf(keys, sizeof keys, "-");
			w = text_width(keys);
			sb_addf(&b, "  %s%*s  ", keys, w < 22 ? 22 - w : 0, "");
			if (d->help_arg)
				sb_addf(&b, _(d->help), _(d->help_arg));
			else
				sb_adds(&b, _(d->help));
			sb_addf(&b, "  (%s)\n", d->name);
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
