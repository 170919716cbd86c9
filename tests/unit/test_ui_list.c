/*
 * test_ui_list.c - the paged list without a terminal: it holds only a
 * screenful of rows, scrolls by asking for rows after or before the
 * ones it has, and marks only the two changed rows when the selection
 * moves inside the screen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tsunagi/ui_widget.h"

/* A source of the numbers 0..n-1 that counts what it was asked for. */
typedef struct numbers {
	size_t n;
	size_t fetched, live;
} numbers;

static size_t num_fetch(void *ctx, const void *anchor, bool backward, size_t k, void **out)
{
	numbers *s = ctx;
	size_t from, to;

	if (!backward) {
		from = anchor ? (size_t)*(const int *)anchor + 1 : 0;
		to = from + k > s->n ? s->n : from + k;
	} else {
		to = anchor ? (size_t)*(const int *)anchor : s->n;
		from = to > k ? to - k : 0;
	}
	for (size_t i = from; i < to; i++) {
		int *r = malloc(sizeof *r);
		*r = (int)i;
		out[i - from] = r;
		s->live++;
	}
	s->fetched += to - from;
	return to - from;
}

static size_t num_count(void *ctx) { return ((numbers *)ctx)->n; }
static void num_free(void *ctx, void *row) { ((numbers *)ctx)->live--; free(row); }
static void num_draw(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	(void)ctx; (void)w; (void)y; (void)x; (void)width; (void)row; (void)sel;
}

static void make(ui_list *l, numbers *s, size_t n, int height)
{
	ui_list_source src = { s, num_fetch, num_count, num_free, num_draw };
	memset(s, 0, sizeof *s);
	s->n = n;
	ui_list_init(l, &src);
	ui_list_reload(l, height);
}

static int sel_value(const ui_list *l)
{
	return *(const int *)ui_list_selected(l);
}

static void opening_a_long_list_fetches_one_screen(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 10000, 20);
	assert_int_equal(s.fetched, 20);
	assert_int_equal(l.nrows, 20);
	assert_int_equal(l.total, 10000);
	assert_int_equal(sel_value(&l), 0);
	ui_list_free(&l);
	assert_int_equal(s.live, 0);
}

static void a_row_down_inside_the_screen_marks_two_rows(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 100, 10);
	l.dirty = UI_LIST_NONE;
	ui_list_move(&l, 1);
	assert_int_equal(l.dirty, UI_LIST_ROWS);
	assert_int_equal(l.old_sel, 0);
	assert_int_equal(l.sel, 1);
	assert_int_equal(s.fetched, 10);
	ui_list_free(&l);
}

static void moving_past_the_bottom_scrolls_by_one_row(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 100, 10);
	ui_list_move(&l, 9);
	l.dirty = UI_LIST_NONE;
	ui_list_move(&l, 1);
	assert_int_equal(sel_value(&l), 10);
	assert_int_equal(l.first, 1);
	assert_int_equal(l.nrows, 10);
	assert_int_equal(s.fetched, 11);
	assert_true(l.dirty & UI_LIST_ALL);
	assert_int_equal(s.live, 10);
	ui_list_free(&l);
}

static void page_down_and_up_come_back_to_the_same_row(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 100, 10);
	ui_list_move(&l, 3);
	ui_list_move(&l, 10);
	assert_int_equal(sel_value(&l), 13);
	ui_list_move(&l, 10);
	assert_int_equal(sel_value(&l), 23);
	ui_list_move(&l, -10);
	ui_list_move(&l, -10);
	assert_int_equal(sel_value(&l), 3);
	assert_int_equal(ui_list_selected_index(&l), 3);
	ui_list_move(&l, -10);
	assert_int_equal(sel_value(&l), 0);
	ui_list_free(&l);
	assert_int_equal(s.live, 0);
}

static void bottom_shows_the_last_page_and_stops_there(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 10000, 20);
	ui_list_bottom(&l);
	assert_int_equal(sel_value(&l), 9999);
	assert_int_equal(ui_list_selected_index(&l), 9999);
	ui_list_move(&l, 1);
	assert_int_equal(sel_value(&l), 9999);
	assert_true(s.fetched < 100);
	ui_list_top(&l);
	assert_int_equal(sel_value(&l), 0);
	ui_list_free(&l);
}

static void a_short_list_never_moves_past_its_end(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 3, 10);
	ui_list_move(&l, 5);
	assert_int_equal(sel_value(&l), 2);
	ui_list_move(&l, -50);
	assert_int_equal(sel_value(&l), 0);
	ui_list_free(&l);
}

static void an_empty_list_has_no_selection(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 0, 10);
	ui_list_move(&l, 1);
	ui_list_bottom(&l);
	assert_null(ui_list_selected(&l));
	ui_list_free(&l);
}

static bool is_value(const void *row, void *arg)
{
	return *(const int *)row == *(int *)arg;
}

static void seek_selects_a_row_far_down_and_keeps_the_screen_full(void **state)
{
	ui_list l;
	numbers s;
	int want = 995;

	(void)state;
	make(&l, &s, 1000, 10);
	assert_true(ui_list_seek(&l, is_value, &want));
	assert_int_equal(sel_value(&l), 995);
	assert_int_equal(ui_list_selected_index(&l), 995);
	assert_int_equal(l.nrows, 10);
	want = 5000;
	assert_false(ui_list_seek(&l, is_value, &want));
	assert_int_equal(sel_value(&l), 995);
	ui_list_free(&l);
	assert_int_equal(s.live, 0);
}

static void shrinking_keeps_the_selected_row_in_view(void **state)
{
	ui_list l;
	numbers s;

	(void)state;
	make(&l, &s, 100, 20);
	ui_list_move(&l, 15);
	ui_list_resize(&l, 5);
	assert_int_equal(sel_value(&l), 15);
	assert_true(l.sel < 5);
	ui_list_resize(&l, 20);
	assert_int_equal(sel_value(&l), 15);
	assert_int_equal(l.nrows, 20);
	ui_list_free(&l);
	assert_int_equal(s.live, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opening_a_long_list_fetches_one_screen),
		cmocka_unit_test(a_row_down_inside_the_screen_marks_two_rows),
		cmocka_unit_test(moving_past_the_bottom_scrolls_by_one_row),
		cmocka_unit_test(page_down_and_up_come_back_to_the_same_row),
		cmocka_unit_test(bottom_shows_the_last_page_and_stops_there),
		cmocka_unit_test(a_short_list_never_moves_past_its_end),
		cmocka_unit_test(an_empty_list_has_no_selection),
		cmocka_unit_test(seek_selects_a_row_far_down_and_keeps_the_screen_full),
		cmocka_unit_test(shrinking_keeps_the_selected_row_in_view),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
