/*
 * test_ui_actions.c - the dispatcher without a terminal: an action's
 * needs (UI_ACTIONS) are checked in one place before the screen's
 * handler runs, and the keys that once bypassed the key table (the
 * yes/no question, a search's Enter and Esc, a form's check box, the
 * card's tab numbers, the pickers' keys) are actions that bind.NAME
 * changes.
 */
#include <curses.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/ui_app.h"

/* A key as the loop hands it on (app.c's ui_handle_key, without the
 * global actions, which open real screens). */
static void press(ui_app *app, ui_key k)
{
	ui_screen *s = &app->stack[app->depth - 1];

	app->msg[0] = '\0';
	if (!ui_confirm_key(app, k))
		ui_dispatch(app, s, ui_screen_action(app, s, k), k);
}

/* A screen that records what reached its handler. */
typedef struct fake {
	int64_t client;         /* what .client says */
	unsigned has;           /* what .has says */
	ui_action got;          /* the last action its handler saw */
	int calls;
} fake;

static bool fake_key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	fake *f = s->st;

	f->got = a;
	f->calls++;
	return true;
}

static int64_t fake_client(ui_screen *s)
{
	return ((fake *)s->st)->client;
}

static unsigned fake_has(ui_app *app, ui_screen *s)
{
	return ((fake *)s->st)->has;
}

static void fake_resize(ui_app *app, ui_screen *s)
{
}

static void fake_close(ui_app *app, ui_screen *s)
{
}

static const ui_screen_ops fake_ops = {
	.name = "fake",
	UI_CTX(UK_RECORD, UK_CARD, UK_LIST, UK_GLOBAL),
	.key = fake_key,
	.resize = fake_resize,
	.close = fake_close,
	.client = fake_client,
	.has = fake_has,
};

static void app_with(ui_app *app, fake *f)
{
	memset(app, 0, sizeof *app);
	ui_keys_defaults(&app->keys);
	app->stack[0] = (ui_screen){ &fake_ops, f, 0 };
	app->depth = 1;
}

static const char *const choose_client =
	"Select a client first: on the alarm list, the client list or a card.";

static void an_action_needing_a_client_is_refused_without_one(void **state)
{
	fake f = { .client = 0, .has = ~0u };
	ui_app app;

	(void)state;
	app_with(&app, &f);
	/* The global quick note and the card's close-case both need one. */
	assert_true(ui_dispatch(&app, &app.stack[0], UA_QUICK_NOTE, 'm'));
	assert_string_equal(app.msg, choose_client);
	assert_false(app.msg_error);
	press(&app, 'X');
	assert_string_equal(app.msg, choose_client);
	assert_int_equal(f.calls, 0);
	/* With a client selected the handler gets it. */
	f.client = 7;
	press(&app, 'X');
	assert_int_equal(f.calls, 1);
	assert_int_equal(f.got, UA_CLOSE_CASE);
	assert_string_equal(app.msg, "");
}

static void needs_are_checked_in_order_with_one_message(void **state)
{
	fake f = { .client = 1, .has = ~0u & ~(unsigned)(UI_NEED_ROW | UI_NEED_WRITABLE) };
	ui_app app;

	(void)state;
	app_with(&app, &f);
	/* row-delete needs a record that may change and a row: the first
	 * unmet one speaks, once, as an error. */
	assert_int_equal(ui_action_unmet(&app.keys, UA_ROW_DELETE, f.has), UI_NEED_WRITABLE);
	press(&app, 'd');
	assert_string_equal(app.msg, "This record is read-only here.");
	assert_true(app.msg_error);
	assert_int_equal(f.calls, 0);
	f.has |= UI_NEED_WRITABLE;
	press(&app, 'd');
	assert_string_equal(app.msg, "Nothing is selected here.");
	assert_int_equal(f.calls, 0);
	f.has |= UI_NEED_ROW;
	press(&app, 'd');
	assert_int_equal(f.calls, 1);
	assert_int_equal(f.got, UA_ROW_DELETE);
	/* An action with no needs is never refused; leaving, help and
	 * moving need nothing. */
	assert_int_equal(ui_action_unmet(&app.keys, UA_NEXT_TAB, 0), 0);
	for (ui_action a = UA_HELP; a <= UA_STATS; a++)
		if (a != UA_QUICK_NOTE)
			assert_int_equal(app.keys.defs[a].needs, 0);
	for (ui_action a = UA_UP; a <= UA_SEARCH; a++)
		assert_int_equal(app.keys.defs[a].needs, 0);
}

static int answered = -1;

static void on_answer(ui_app *app, void *arg, bool yes)
{
	answered = yes;
}

static void the_yes_no_keys_are_rebindable(void **state)
{
	config_binding b[] = { { .action = "yes", .key = "j" }, { .action = "no", .key = "k" } };
	fake f = { .client = 1, .has = ~0u };
	strbuf warn;
	ui_app app;

	(void)state;
	app_with(&app, &f);
	sb_init(&warn);
	ui_keys_bind(&app.keys, b, 2, &warn);
	assert_int_equal(warn.len, 0);
	/* y is no longer yes: the question stays, nothing is answered. */
	answered = -1;
	ui_confirm(&app, "Delete?", on_answer, NULL);
	press(&app, 'y');
	assert_int_equal(answered, -1);
	assert_non_null(app.confirm_text);
	press(&app, 'j');
	assert_int_equal(answered, 1);
	assert_null(app.confirm_text);
	ui_confirm(&app, "Delete?", on_answer, NULL);
	press(&app, 'k');
	assert_int_equal(answered, 0);
	assert_null(app.confirm_text);
	assert_int_equal(f.calls, 0);
	sb_free(&warn);
}

static void search_and_check_box_keys_are_rebindable(void **state)
{
	config_binding b[] = { { .action = "search-keep", .key = "F9" },
			       { .action = "check-yes", .key = "C-y" } };
	static const ui_context typing[] = { UK_SEARCH, UK_EDIT };
	ui_keymap km;
	strbuf warn;
	ui_form f;
	const ui_context *ctx;
	size_t n;

	(void)state;
	ui_keys_defaults(&km);
	assert_int_equal(ui_keys_lookup(&km, typing, 2, '\n'), UA_SEARCH_KEEP);
	assert_int_equal(ui_keys_lookup(&km, typing, 2, 27), UA_SEARCH_CLEAR);
	sb_init(&warn);
	ui_keys_bind(&km, b, 2, &warn);
	assert_int_equal(warn.len, 0);
	assert_int_equal(ui_keys_lookup(&km, typing, 2, UI_FN(KEY_F(9))), UA_SEARCH_KEEP);
	assert_int_equal(ui_keys_lookup(&km, typing, 2, '\n'), UA_NONE);
	/* A check box's yes, as the form looks it up. */
	ui_form_init(&f);
	ui_form_add(&f, "ok", "ok", UI_F_CHECK, 0);
	ui_form_contexts(&f, &ctx, &n);
	assert_int_equal(ui_keys_lookup(&km, ctx, n, 'y'), UA_NONE);
	assert_true(ui_form_key(&f, ui_keys_lookup(&km, ctx, n, UI_CTRL('y')), UI_CTRL('y')));
	assert_true(f.fields[0].checked);
	ui_form_free(&f);
	/* Enter: on to the next field from a one-line field (field-enter),
	 * a line break in a long text. */
	ui_form_init(&f);
	ui_form_add(&f, "name", "name", UI_F_TEXT, 10);
	ui_form_add(&f, "text", "text", UI_F_LONG, 0);
	ui_form_contexts(&f, &ctx, &n);
	assert_int_equal(ui_keys_lookup(&km, ctx, n, '\n'), UA_FIELD_ENTER);
	f.cur = 1;
	ui_form_contexts(&f, &ctx, &n);
	assert_int_equal(ui_keys_lookup(&km, ctx, n, '\n'), UA_NONE);
	ui_form_free(&f);
	sb_free(&warn);
}

/* The card's tabs are actions made from the tab list: tab-basics ...
 * on 1-9 and 0 for the first ten, each one rebindable, and a tab key
 * reaches the screen as its action (the old key then does nothing). */
static void card_tab_keys_are_rebindable_actions(void **state)
{
	static const ui_context card[] = { UK_CARD };
	fake f = { .client = 1, .has = ~0u };
	ui_app app;
	char *help;

	(void)state;
	app_with(&app, &f);
	assert_int_equal(UA_TAB_COUNT, UI_TAB_COUNT);
	assert_string_equal(app.keys.defs[UA_TAB_BASICS].name, "tab-basics");
	assert_string_equal(app.keys.defs[UA_TAB_NOT_DONE].name, "tab-not-done");
	assert_string_equal(app.keys.defs[UA_TAB_CRISIS].name, "tab-crisis");
	assert_int_equal(ui_keys_lookup(&app.keys, card, 1, '1'), UA_TAB_BASICS);
	assert_int_equal(ui_keys_lookup(&app.keys, card, 1, '2'), UA_TAB_CONTACTS);
	assert_int_equal(ui_keys_lookup(&app.keys, card, 1, '9'), UA_TAB_NOTES);
	assert_int_equal(ui_keys_lookup(&app.keys, card, 1, '0'), UA_TAB_MEETINGS);
	assert_int_equal(app.keys.defs[UA_TAB_NOT_DONE].keys[0], 0);
	help = ui_keys_help(&app.keys, card, 1, false);
	assert_non_null(strstr(help, "  1                       to the tab Basics  (tab-basics)\n"));
	assert_non_null(strstr(help, "  -                       to the tab Crisis plan  (tab-crisis)\n"));
	free(help);
	for (int i = 0; i < UA_TAB_COUNT; i++) {
		ui_action a = (ui_action)(UA_TAB_BASICS + i);
		char name[32], key[] = "F7";
		config_binding b = { .action = name, .key = key };
		strbuf warn;

		app_with(&app, &f);
		snprintf(name, sizeof name, "%s", app.keys.defs[a].name);
		sb_init(&warn);
		ui_keys_bind(&app.keys, &b, 1, &warn);
		assert_int_equal(warn.len, 0);
		f.calls = 0;
		if (i < 10) {
			press(&app, i < 9 ? '1' + i : '0');
			assert_int_equal(f.got, UA_NONE);
		}
		press(&app, UI_FN(KEY_F(7)));
		assert_int_equal(f.got, a);
		assert_int_equal(f.calls, i < 10 ? 2 : 1);
		sb_free(&warn);
	}
}

/* A picker that types as you search (the ICF codes): printable keys are
 * text whatever they are bound to, the list's and the app's other keys
 * (arrows, Enter, Esc) are their actions, rebindable; the hints and the
 * help show only keys that are not text. */
static const ui_screen_ops typing_ops = {
	.name = "typing",
	UI_CTX(UK_EDIT, UK_LIST, UK_GLOBAL),
	.typing = true,
	.key = fake_key,
	.resize = fake_resize,
	.close = fake_close,
	.client = fake_client,
	.has = fake_has,
};

static void a_typing_picker_takes_text_and_its_actions(void **state)
{
	static const ui_context typing_ctx[] = { UK_EDIT, UK_LIST, UK_GLOBAL };
	char buf[16], back[] = "back", f10[] = "F10";
	config_binding b = { .action = back, .key = f10 };
	fake f = { .client = 0, .has = ~0u };
	strbuf warn;
	ui_app app;
	char *help;

	(void)state;
	app_with(&app, &f);
	app.stack[0].ops = &typing_ops;
	for (const char *t = "qjk/a m"; *t; t++) {
		press(&app, (ui_key)*t);
		assert_int_equal(f.got, UA_NONE);
	}
	assert_string_equal(app.msg, "");       /* m: no quick note's refusal */
	press(&app, 27);
	assert_int_equal(f.got, UA_BACK);
	press(&app, UI_FN(KEY_DOWN));
	assert_int_equal(f.got, UA_DOWN);
	press(&app, UI_FN(KEY_NPAGE));
	assert_int_equal(f.got, UA_PAGE_DOWN);
	press(&app, '\n');
	assert_int_equal(f.got, UA_OPEN);
	press(&app, UI_CTRL('b'));
	assert_int_equal(f.got, UA_CHAR_LEFT);
	assert_string_equal(ui_keys_first(&app.keys, UA_BACK, true, buf, sizeof buf), "Esc");
	assert_string_equal(ui_keys_first(&app.keys, UA_BACK, false, buf, sizeof buf), "q");
	help = ui_keys_help(&app.keys, typing_ctx, 3, true);
	assert_non_null(strstr(help, "  Esc                     back to the previous screen  (back)\n"));
	assert_non_null(strstr(help, "  Down C-n                next row  (down)\n"));
	assert_null(strstr(help, "(alarms)"));
	assert_null(strstr(help, "(search)"));
	free(help);
	/* bind.back = F10: Esc does nothing, F10 goes back. */
	sb_init(&warn);
	ui_keys_bind(&app.keys, &b, 1, &warn);
	assert_int_equal(warn.len, 0);
	press(&app, 27);
	assert_int_equal(f.got, UA_NONE);
	press(&app, UI_FN(KEY_F(10)));
	assert_int_equal(f.got, UA_BACK);
	sb_free(&warn);
}

/* The fixed phrases picker's numbers are pick-1 ... pick-9, each
 * rebindable and reaching the screen as its action. */
static const ui_screen_ops phrases_like_ops = {
	.name = "phrases",
	UI_CTX(UK_PHRASES, UK_LIST, UK_GLOBAL),
	.key = fake_key,
	.resize = fake_resize,
	.close = fake_close,
	.client = fake_client,
	.has = fake_has,
};

static void phrase_numbers_are_rebindable_actions(void **state)
{
	fake f = { .client = 0, .has = ~0u };
	ui_app app;

	(void)state;
	assert_int_equal(UA_PICK_COUNT, 9);
	for (int i = 0; i < UA_PICK_COUNT; i++) {
		ui_action a = (ui_action)(UA_PICK_1 + i);
		char name[32], key[] = "F6";
		config_binding b = { .action = name, .key = key };
		strbuf warn;

		app_with(&app, &f);
		app.stack[0].ops = &phrases_like_ops;
		snprintf(name, sizeof name, "pick-%d", i + 1);
		assert_string_equal(app.keys.defs[a].name, name);
		press(&app, '1' + i);
		assert_int_equal(f.got, a);
		sb_init(&warn);
		ui_keys_bind(&app.keys, &b, 1, &warn);
		assert_int_equal(warn.len, 0);
		press(&app, '1' + i);
		assert_int_equal(f.got, UA_NONE);
		press(&app, UI_FN(KEY_F(6)));
		assert_int_equal(f.got, a);
		sb_free(&warn);
	}
	/* q and Esc stay back. */
	press(&app, 'q');
	assert_int_equal(f.got, UA_BACK);
	press(&app, 27);
	assert_int_equal(f.got, UA_BACK);
}

/* A long text's arrows are line-up and line-down (its own context):
 * between its lines, then on to the field before; rebindable, and
 * without them Up is the form's previous field. */
static ui_action form_lookup(const ui_keymap *km, ui_form *f, ui_key k)
{
	const ui_context *ctx;
	size_t n;

	ui_form_contexts(f, &ctx, &n);
	return ui_keys_lookup(km, ctx, n, k);
}

static void a_long_texts_arrows_are_line_actions(void **state)
{
	char name[] = "line-up", key[] = "F9";
	config_binding b = { .action = name, .key = key };
	ui_keymap km;
	strbuf warn;
	ui_form f;
	ui_field *fd;

	(void)state;
	ui_keys_defaults(&km);
	ui_form_init(&f);
	ui_form_add(&f, "name", "name", UI_F_TEXT, 10);
	fd = ui_form_add(&f, "text", "text", UI_F_LONG, 0);
	ui_edit_set(&fd->ed, "ab\ncd");
	fd->ed.wrap_cols = 20;
	f.cur = 1;
	assert_int_equal(form_lookup(&km, &f, UI_FN(KEY_UP)), UA_LINE_UP);
	assert_int_equal(form_lookup(&km, &f, UI_FN(KEY_DOWN)), UA_LINE_DOWN);
	assert_true(ui_form_key(&f, UA_LINE_UP, UI_FN(KEY_UP)));
	assert_int_equal(f.cur, 1);
	assert_int_equal(fd->ed.cur, 2);        /* after "ab" */
	assert_true(ui_form_key(&f, UA_LINE_UP, UI_FN(KEY_UP)));
	assert_int_equal(f.cur, 0);             /* from the first line on */
	/* A one-line field's Up is the previous field. */
	assert_int_equal(form_lookup(&km, &f, UI_FN(KEY_UP)), UA_FIELD_PREV);
	sb_init(&warn);
	ui_keys_bind(&km, &b, 1, &warn);
	assert_int_equal(warn.len, 0);
	f.cur = 1;
	assert_int_equal(form_lookup(&km, &f, UI_FN(KEY_UP)), UA_FIELD_PREV);
	assert_int_equal(form_lookup(&km, &f, UI_FN(KEY_F(9))), UA_LINE_UP);
	sb_free(&warn);
	ui_form_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_action_needing_a_client_is_refused_without_one),
		cmocka_unit_test(needs_are_checked_in_order_with_one_message),
		cmocka_unit_test(the_yes_no_keys_are_rebindable),
		cmocka_unit_test(search_and_check_box_keys_are_rebindable),
		cmocka_unit_test(card_tab_keys_are_rebindable_actions),
		cmocka_unit_test(a_typing_picker_takes_text_and_its_actions),
		cmocka_unit_test(phrase_numbers_are_rebindable_actions),
		cmocka_unit_test(a_long_texts_arrows_are_line_actions),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
