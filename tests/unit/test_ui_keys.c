/*
 * test_ui_keys.c - keys as data: the default table, key names both
 * ways, bindings from the config file and the generated help.
 */
#include <curses.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/ui_keys.h"
#include "tsunagi/ui_widget.h"

static const ui_context list_ctx[] = { UK_CLIENTS, UK_LIST, UK_GLOBAL };

static void j_and_down_move_down_in_a_list(void **state)
{
	ui_keymap km;

	(void)state;
	ui_keys_defaults(&km);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'j'), UA_DOWN);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, UI_FN(KEY_DOWN)), UA_DOWN);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'n'), UA_NEW_CLIENT);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, '?'), UA_HELP);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'Z'), UA_NONE);
}

static void a_form_binds_no_printable_key(void **state)
{
	ui_keymap km;

	(void)state;
	ui_keys_defaults(&km);
	for (int a = 1; a < UA_COUNT; a++) {
		const ui_keydef *d = &km.defs[a];
		if (d->context != UK_FORM && d->context != UK_EDIT)
			continue;
		for (int j = 0; j < UI_KEYS_MAX && d->keys[j]; j++)
			assert_false(!UI_IS_FN(d->keys[j]) && d->keys[j] >= 0x20);
	}
}

static void every_action_has_a_name_a_key_and_help(void **state)
{
	ui_keymap km;

	(void)state;
	ui_keys_defaults(&km);
	for (int a = 1; a < UA_COUNT; a++) {
		assert_non_null(km.defs[a].name);
		assert_non_null(km.defs[a].help);
		assert_int_equal(km.defs[a].action, a);
		/* The card's tabs after the tenth have no number key left:
		 * next-tab reaches them, bind.tab-NAME gives them one. */
		if (a < UA_TAB_BASICS + 10)
			assert_true(km.defs[a].keys[0] != 0);
	}
}

static void key_names_parse_and_print_back(void **state)
{
	const char *names[] = { "q", "C-x", "F5", "Enter", "Esc", "Tab", "S-Tab",
		"PgDn", "Backspace", "Space", "Delete", "/", "あ" };
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		ui_key k = ui_key_parse(names[i]);
		assert_true(k != 0);
		assert_string_equal(ui_key_name(k, buf, sizeof buf), names[i]);
	}
	assert_int_equal(ui_key_parse("C-x"), 24);
	assert_int_equal(ui_key_parse("F13"), 0);
	assert_int_equal(ui_key_parse("qq"), 0);
	assert_int_equal(ui_key_parse(""), 0);
}

static void a_binding_replaces_the_defaults_of_its_action(void **state)
{
	ui_keymap km;
	config_binding b[] = {
		{ "quit", "C-x" }, { "down", "J" }, { "down", "F6" },
		{ "nosuch", "x" }, { "up", "notakey" },
	};
	strbuf w;

	(void)state;
	sb_init(&w);
	ui_keys_defaults(&km);
	ui_keys_bind(&km, b, 5, &w);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 24), UA_QUIT);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'Q'), UA_NONE);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'J'), UA_DOWN);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, UI_FN(KEY_F(6))), UA_DOWN);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'j'), UA_NONE);
	assert_int_equal(ui_keys_lookup(&km, list_ctx, 3, 'k'), UA_UP);
	assert_non_null(strstr(w.s, "bind.nosuch"));
	assert_non_null(strstr(w.s, "bind.up"));
	sb_free(&w);
}

static void help_lists_each_action_of_the_screen_with_its_keys(void **state)
{
	ui_keymap km;
	char *h;
	config_binding b[] = { { "new-client", "F9" } };
	strbuf w;

	(void)state;
	sb_init(&w);
	ui_keys_defaults(&km);
	ui_keys_bind(&km, b, 1, &w);
	h = ui_keys_help(&km, list_ctx, 3, false);
	assert_non_null(strstr(h, "F9"));
	assert_non_null(strstr(h, "add a new client"));
	assert_non_null(strstr(h, "(new-client)"));
	assert_non_null(strstr(h, "j Down C-n"));
	assert_null(strstr(h, "save the form"));
	free(h);
	sb_free(&w);
}

static void curses_backspace_and_return_forms_are_normalised(void **state)
{
	(void)state;
	assert_int_equal(ui_key_from_curses(OK, 127), UI_FN(KEY_BACKSPACE));
	assert_int_equal(ui_key_from_curses(OK, 8), UI_FN(KEY_BACKSPACE));
	assert_int_equal(ui_key_from_curses(OK, '\r'), '\n');
	assert_int_equal(ui_key_from_curses(KEY_CODE_YES, KEY_ENTER), '\n');
	assert_int_equal(ui_key_from_curses(OK, 0x3042), 0x3042);
}

/* A key as a form screen hands it on: looked up in the contexts of the
 * current field (a choice's Space, a check box's y and n are actions). */
static bool press(const ui_keymap *km, ui_form *f, ui_key k)
{
	const ui_context *ctx;
	size_t n;

	ui_form_contexts(f, &ctx, &n);
	return ui_form_key(f, ui_keys_lookup(km, ctx, n, k), k);
}

/* The form widget's key handling, also free of the terminal. */
static void form_moves_between_fields_and_cycles_choices(void **state)
{
	static const char *const vals[] = { "plan", "child", NULL };
	ui_keymap km;
	ui_form f;
	ui_field *fd;
	char *v;

	(void)state;
	ui_keys_defaults(&km);
	ui_form_init(&f);
	ui_form_add(&f, "name", "name", UI_F_TEXT, 10);
	fd = ui_form_add(&f, "kind", "kind", UI_F_CHOICE, 0);
	ui_field_set_choices(fd, vals, NULL);
	ui_form_add(&f, "ok", "ok", UI_F_CHECK, 0);
	ui_form_add(&f, "long", "long", UI_F_LONG, 0);
	assert_true(ui_form_key(&f, UA_NONE, 0x5C71));   /* 山 */
	assert_true(press(&km, &f, '\n'));
	assert_int_equal(f.cur, 1);
	press(&km, &f, ' ');
	v = ui_field_get(&f.fields[1]);
	assert_string_equal(v, "child");
	free(v);
	ui_form_key(&f, UA_FIELD_NEXT, '\t');
	press(&km, &f, 'y');
	assert_true(f.fields[2].checked);
	press(&km, &f, 'n');
	assert_false(f.fields[2].checked);
	press(&km, &f, ' ');
	assert_true(f.fields[2].checked);
	ui_form_key(&f, UA_FIELD_NEXT, '\t');
	press(&km, &f, 'a');
	press(&km, &f, '\n');     /* a long text's line break */
	press(&km, &f, 'b');
	assert_int_equal(f.cur, 3);
	v = ui_field_get(&f.fields[3]);
	assert_string_equal(v, "a\nb");
	free(v);
	ui_form_key(&f, UA_FIELD_NEXT, '\t');
	assert_int_equal(f.cur, 0);
	ui_form_key(&f, UA_FIELD_PREV, 0);
	assert_int_equal(f.cur, 3);
	assert_true(f.changed);
	v = ui_field_get(&f.fields[0]);
	assert_string_equal(v, "山");
	free(v);
	ui_form_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(j_and_down_move_down_in_a_list),
		cmocka_unit_test(a_form_binds_no_printable_key),
		cmocka_unit_test(every_action_has_a_name_a_key_and_help),
		cmocka_unit_test(key_names_parse_and_print_back),
		cmocka_unit_test(a_binding_replaces_the_defaults_of_its_action),
		cmocka_unit_test(help_lists_each_action_of_the_screen_with_its_keys),
		cmocka_unit_test(curses_backspace_and_return_forms_are_normalised),
		cmocka_unit_test(form_moves_between_fields_and_cycles_choices),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
