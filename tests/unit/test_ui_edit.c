/*
 * test_ui_edit.c - the line editor without a terminal: the cursor moves
 * by character while columns count kanji as two, emacs line keys, the
 * character limit, pasted text and multi-line text.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/ui_widget.h"

#define assert_text(ed, want) do { \
	char *got_ = ui_edit_get(ed); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

static void cursor_counts_characters_and_columns_apart(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_set(&ed, "山田a");
	assert_int_equal(ed.len, 3);
	assert_int_equal(ed.cur, 3);
	assert_int_equal(ui_edit_cursor_col(&ed), 5);
	ui_edit_apply(&ed, UA_CHAR_LEFT);
	ui_edit_apply(&ed, UA_CHAR_LEFT);
	assert_int_equal(ed.cur, 1);
	assert_int_equal(ui_edit_cursor_col(&ed), 2);
	ui_edit_free(&ed);
}

static void typing_inserts_at_the_cursor(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_insert_text(&ed, "やだ");
	ui_edit_apply(&ed, UA_CHAR_LEFT);
	ui_edit_insert(&ed, 0x307E);   /* ま */
	assert_text(&ed, "やまだ");
	assert_true(ed.changed);
	ui_edit_free(&ed);
}

static void emacs_keys_kill_to_end_start_and_word(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_set(&ed, "山田 太郎 さん");
	ui_edit_apply(&ed, UA_KILL_WORD);
	assert_text(&ed, "山田 太郎 ");
	ui_edit_apply(&ed, UA_KILL_WORD);
	assert_text(&ed, "山田 ");
	ui_edit_apply(&ed, UA_LINE_START);
	assert_int_equal(ed.cur, 0);
	ui_edit_apply(&ed, UA_CHAR_RIGHT);
	ui_edit_apply(&ed, UA_KILL_END);
	assert_text(&ed, "山");
	ui_edit_apply(&ed, UA_LINE_END);
	ui_edit_insert(&ed, 0x672C);   /* 本 */
	ui_edit_apply(&ed, UA_CHAR_LEFT);
	ui_edit_apply(&ed, UA_KILL_START);
	assert_text(&ed, "本");
	assert_int_equal(ed.cur, 0);
	ui_edit_free(&ed);
}

static void delete_back_and_forward_take_one_character(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_set(&ed, "ｱイう");
	ui_edit_apply(&ed, UA_DEL_BACK);
	assert_text(&ed, "ｱイ");
	ui_edit_apply(&ed, UA_LINE_START);
	ui_edit_apply(&ed, UA_DEL_FORWARD);
	assert_text(&ed, "イ");
	ui_edit_apply(&ed, UA_DEL_BACK);   /* at the start: nothing */
	assert_text(&ed, "イ");
	ui_edit_free(&ed);
}

static void limit_stops_typing_and_cuts_a_long_paste(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 4, false);
	assert_false(ui_edit_insert_text(&ed, "相談支援専門員"));
	assert_text(&ed, "相談支援");
	assert_false(ui_edit_insert(&ed, 'x'));
	ui_edit_free(&ed);
}

static void control_characters_are_refused_but_newline_in_long_text(void **state)
{
	ui_edit one, many;

	(void)state;
	ui_edit_init(&one, 0, false);
	ui_edit_init(&many, 0, true);
	assert_false(ui_edit_insert(&one, 27));
	assert_false(ui_edit_insert(&one, '\n'));
	assert_false(ui_edit_insert(&one, 0x9b));
	ui_edit_insert_text(&many, "一行目\r\n二行目\x1b");
	assert_text(&many, "一行目\n二行目");
	assert_text(&one, "");
	ui_edit_free(&one);
	ui_edit_free(&many);
}

static void line_keys_work_on_the_current_line_of_long_text(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, true);
	ui_edit_set(&ed, "abc\ndef");
	ui_edit_apply(&ed, UA_LINE_START);
	assert_int_equal(ed.cur, 4);
	ui_edit_apply(&ed, UA_KILL_END);
	assert_text(&ed, "abc\n");
	ui_edit_apply(&ed, UA_CHAR_LEFT);
	ui_edit_apply(&ed, UA_KILL_END);   /* at a line's end: joins */
	assert_text(&ed, "abc");
	ui_edit_free(&ed);
}

static void scroll_keeps_the_cursor_in_view(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_set(&ed, "あいうえおかきくけこさしすせそ");   /* 30 columns */
	ui_edit_scroll_to_cursor(&ed, 10);
	assert_true(ui_edit_cursor_col(&ed) - ed.scroll < 10);
	assert_true(ui_edit_cursor_col(&ed) >= ed.scroll);
	ui_edit_apply(&ed, UA_LINE_START);
	ui_edit_scroll_to_cursor(&ed, 10);
	assert_int_equal(ed.scroll, 0);
	ui_edit_free(&ed);
}

static void invalid_utf8_bytes_are_dropped_on_set(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, false);
	ui_edit_set(&ed, "a\xff\xfe" "b");
	assert_text(&ed, "ab");
	assert_false(ed.changed);
	ui_edit_free(&ed);
}

/* Wrapped lines: a new line breaks, a wide character never straddles
 * the edge, and Up/Down move a screen line keeping the column. */
static void long_text_wraps_by_width_and_moves_by_screen_line(void **state)
{
	ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 0, true);
	ui_edit_set(&ed, "");
	assert_int_equal(ui_edit_wrap_rows(&ed, 10), 1);
	/* 6 kanji = 12 columns: 5 on the first line of 10, 1 on the next. */
	ui_edit_set(&ed, "一二三四五六\nabc");
	assert_int_equal(ui_edit_wrap_rows(&ed, 10), 3);
	assert_int_equal(ui_edit_wrap_rows(&ed, 11), 3);
	assert_int_equal(ui_edit_wrap_rows(&ed, 12), 2);
	ed.wrap_cols = 10;
	/* The cursor is after "abc" (line 3, column 3). */
	assert_int_equal(ed.cur, 10);
	assert_true(ui_edit_move_line(&ed, -1));
	assert_int_equal(ed.cur, 6);            /* after 六 (column 2 of line 2) */
	assert_true(ui_edit_move_line(&ed, -1));
	assert_int_equal(ed.cur, 1);            /* after 一, column 2 */
	assert_false(ui_edit_move_line(&ed, -1));
	assert_true(ui_edit_move_line(&ed, 1));
	assert_int_equal(ed.cur, 6);
	assert_true(ui_edit_move_line(&ed, 1));
	assert_int_equal(ed.cur, 9);            /* column 2 of "abc" */
	assert_false(ui_edit_move_line(&ed, 1));
	/* Exactly full lines: "abcde" at 5 columns is one line, the cursor
	 * after it starts the next. */
	ui_edit_set(&ed, "abcde");
	assert_int_equal(ui_edit_wrap_rows(&ed, 5), 2);
	assert_int_equal(ui_edit_wrap_rows(&ed, 6), 1);
	ui_edit_free(&ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(long_text_wraps_by_width_and_moves_by_screen_line),
		cmocka_unit_test(cursor_counts_characters_and_columns_apart),
		cmocka_unit_test(typing_inserts_at_the_cursor),
		cmocka_unit_test(emacs_keys_kill_to_end_start_and_word),
		cmocka_unit_test(delete_back_and_forward_take_one_character),
		cmocka_unit_test(limit_stops_typing_and_cuts_a_long_paste),
		cmocka_unit_test(control_characters_are_refused_but_newline_in_long_text),
		cmocka_unit_test(line_keys_work_on_the_current_line_of_long_text),
		cmocka_unit_test(scroll_keeps_the_cursor_in_view),
		cmocka_unit_test(invalid_utf8_bytes_are_dropped_on_set),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
