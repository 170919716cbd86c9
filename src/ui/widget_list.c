/*
 * widget_list.c - a list that holds only the rows on screen and asks its
 * source for more by key (rows after or before a row), so a case load of
 * any size opens and scrolls in constant time.  It records what moved
 * so a row down redraws two rows, not the screen.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/ui_widget.h"
#include "tsunagi/xalloc.h"

void ui_list_init(ui_list *l, const ui_list_source *src)
{
	memset(l, 0, sizeof *l);
	l->src = *src;
}

static void drop_rows(ui_list *l, size_t from, size_t to)
{
	if (!l->rows || to <= from)
		return;
	for (size_t i = from; i < to; i++)
		l->src.free_row(l->src.ctx, l->rows[i]);
	memmove(l->rows + from, l->rows + to, (l->nrows - to) * sizeof *l->rows);
	l->nrows -= to - from;
}

static void clear_rows(ui_list *l)
{
	drop_rows(l, 0, l->nrows);
}

void ui_list_free(ui_list *l)
{
	if (l->rows)
		clear_rows(l);
	x_free(&l->rows);
}

static void set_height(ui_list *l, int height)
{
	if (height < 1)
		height = 1;
	l->rows = xrealloc(l->rows, (size_t)height * 2 * sizeof *l->rows);
	l->height = height;
}

void ui_list_reload(ui_list *l, int height)
{
	clear_rows(l);
	set_height(l, height);
	l->total = l->src.count(l->src.ctx);
	l->nrows = l->src.fetch(l->src.ctx, NULL, false, (size_t)l->height, l->rows);
	l->first = 0;
	l->sel = l->old_sel = 0;
	l->dirty = UI_LIST_ALL;
}

/* Append up to k rows after the last; drop as many from the front as
 * the height requires.  Returns how many came. */
static size_t more_after(ui_list *l, size_t k)
{
	size_t m, over;

	if (l->nrows == 0)
		return 0;
	m = l->src.fetch(l->src.ctx, l->rows[l->nrows - 1], false, k, l->rows + l->nrows);
	l->nrows += m;
	over = l->nrows > (size_t)l->height ? l->nrows - (size_t)l->height : 0;
	if (over) {
		drop_rows(l, 0, over);
		l->first += over;
	}
	return m;
}

/* Prepend up to k rows before the first, dropping from the end. */
static size_t more_before(ui_list *l, size_t k)
{
	void **tmp;
	size_t m;

	if (l->nrows == 0)
		return 0;
	if (k > (size_t)l->height)
		k = (size_t)l->height;
	tmp = xmalloc(k * sizeof *tmp);
	m = l->src.fetch(l->src.ctx, l->rows[0], true, k, tmp);
	memmove(l->rows + m, l->rows, l->nrows * sizeof *l->rows);
	memcpy(l->rows, tmp, m * sizeof *tmp);
	free(tmp);
	l->nrows += m;
	l->first = l->first >= m ? l->first - m : 0;
	if (l->nrows > (size_t)l->height)
		drop_rows(l, (size_t)l->height, l->nrows);
	return m;
}

static void mark_rows(ui_list *l, size_t old)
{
	if (l->dirty & UI_LIST_ROWS && l->old_sel != old)
		l->dirty |= UI_LIST_ALL;
	l->old_sel = old;
	l->dirty |= UI_LIST_ROWS;
}

void ui_list_move(ui_list *l, long delta)
{
	size_t old = l->sel;
	long target;

	if (l->nrows == 0)
		return;
	target = (long)l->sel + delta;
	if (target >= (long)l->nrows) {
		size_t want = (size_t)(target - (long)l->nrows + 1);
		size_t before = l->first;
		/* Scroll in steps no larger than a screen. */
		while (want > 0) {
			size_t step = want > (size_t)l->height ? (size_t)l->height : want;
			size_t m = more_after(l, step);
			if (m == 0)
				break;
			want -= m;
		}
		target -= (long)(l->first - before);
		if (target >= (long)l->nrows)
			target = (long)l->nrows - 1;
		if (l->first != before)
			l->dirty |= UI_LIST_ALL;
	} else if (target < 0) {
		size_t before = l->first;
		more_before(l, (size_t)(-target));
		target += (long)(before - l->first);
		if (target < 0)
			target = 0;
		if (l->first != before)
			l->dirty |= UI_LIST_ALL;
	}
	l->sel = (size_t)target;
	if (l->total < l->first + l->nrows)
		l->total = l->first + l->nrows;
	if (l->sel != old)
		mark_rows(l, old);
}

void ui_list_top(ui_list *l)
{
	if (l->first == 0) {
		size_t old = l->sel;
		l->sel = 0;
		if (old != 0)
			mark_rows(l, old);
		return;
	}
	ui_list_reload(l, l->height);
}

void ui_list_bottom(ui_list *l)
{
	void **tmp;
	size_t m;

	clear_rows(l);
	l->total = l->src.count(l->src.ctx);
	tmp = xmalloc((size_t)l->height * sizeof *tmp);
	m = l->src.fetch(l->src.ctx, NULL, true, (size_t)l->height, tmp);
	memcpy(l->rows, tmp, m * sizeof *tmp);
	free(tmp);
	l->nrows = m;
	l->first = l->total >= m ? l->total - m : 0;
	l->sel = m ? m - 1 : 0;
	l->dirty = UI_LIST_ALL;
}

void ui_list_resize(ui_list *l, int height)
{
	size_t h;

	if (height < 1)
		height = 1;
	if (height == l->height && l->rows) {
		l->dirty = UI_LIST_ALL;
		return;
	}
	h = (size_t)height;
	if (h < l->nrows) {
		/* Keep the selected row in view: drop from the end first. */
		size_t keep_from = l->sel >= h ? l->sel - h + 1 : 0;
		if (keep_from) {
			drop_rows(l, 0, keep_from);
			l->first += keep_from;
			l->sel -= keep_from;
		}
		if (l->nrows > h)
			drop_rows(l, h, l->nrows);
		set_height(l, height);
	} else {
		set_height(l, height);
		if (l->nrows > 0 && l->nrows < h) {
			more_after(l, h - l->nrows);
			if (l->nrows < h) {
				size_t m = more_before(l, h - l->nrows);
				l->sel += m;
			}
		} else if (l->nrows == 0) {
			ui_list_reload(l, height);
		}
	}
	l->dirty = UI_LIST_ALL;
}

const void *ui_list_selected(const ui_list *l)
{
	return l->nrows ? l->rows[l->sel] : NULL;
}

size_t ui_list_selected_index(const ui_list *l)
{
	return l->first + l->sel;
}

bool ui_list_seek(ui_list *l, bool (*match)(const void *row, void *arg), void *arg)
{
	enum { CHUNK = 256 };
	void **chunk = xmalloc(CHUNK * sizeof *chunk);
	void *anchor = NULL;
	size_t index = 0, found = (size_t)-1, m;
	void *hit = NULL;

	/* Walk the source from the start until a row matches. */
	while (!hit && (m = l->src.fetch(l->src.ctx, anchor, false, CHUNK, chunk)) > 0) {
		if (anchor)
			l->src.free_row(l->src.ctx, anchor);
		anchor = NULL;
		for (size_t i = 0; i < m; i++) {
			if (!hit && match(chunk[i], arg)) {
				hit = chunk[i];
				found = index + i;
			} else if (i + 1 < m || hit) {
				l->src.free_row(l->src.ctx, chunk[i]);
			}
		}
		if (!hit)
			anchor = chunk[m - 1];
		index += m;
		if (m < CHUNK)
			break;
	}
	if (anchor)
		l->src.free_row(l->src.ctx, anchor);
	free(chunk);
	if (!hit)
		return false;
	ui_list_reload_around(l, l->height, hit, found);
	return true;
}

void ui_list_reload_around(ui_list *l, int height, void *row, size_t index)
{
	/* The window: the row, then the rows after it, then before it if
	 * the end of the list leaves room. */
	clear_rows(l);
	set_height(l, height);
	l->total = l->src.count(l->src.ctx);
	l->rows[0] = row;
	l->nrows = 1;
	l->first = index;
	l->sel = 0;
	more_after(l, (size_t)l->height - 1);
	if (l->nrows < (size_t)l->height)
		l->sel += more_before(l, (size_t)l->height - l->nrows);
	if (l->total < l->first + l->nrows)
		l->total = l->first + l->nrows;
	l->dirty = UI_LIST_ALL;
}

void ui_list_refresh(ui_list *l)
{
	void *prev = NULL, **tmp;
	size_t m, k, sel = l->sel;

	if (l->nrows == 0) {
		ui_list_reload(l, l->height);
		return;
	}
	m = l->src.fetch(l->src.ctx, l->rows[0], true, 1, &prev);
	tmp = xmalloc((size_t)l->height * sizeof *tmp);
	k = l->src.fetch(l->src.ctx, m ? prev : NULL, false, (size_t)l->height, tmp);
	if (m)
		l->src.free_row(l->src.ctx, prev);
	clear_rows(l);
	memcpy(l->rows, tmp, k * sizeof *tmp);
	free(tmp);
	l->nrows = k;
	l->total = l->src.count(l->src.ctx);
	if (!m)
		l->first = 0;
	l->sel = sel < k ? sel : (k ? k - 1 : 0);
	l->dirty = UI_LIST_ALL;
}

void ui_list_reload_at(ui_list *l, int height, bool (*match)(const void *row, void *arg), void *arg)
{
	ui_list_reload(l, height);
	if (match && !ui_list_seek(l, match, arg))
		ui_list_reload(l, height);
}

void ui_list_draw(ui_list *l, ui_win *w, int y, int x, int width)
{
	if (l->dirty & UI_LIST_ALL) {
		for (int i = 0; i < l->height; i++) {
			if ((size_t)i < l->nrows) {
				l->src.draw_row(l->src.ctx, w, y + i, x, width, l->rows[i], (size_t)i == l->sel);
			} else {
				wmove(w, y + i, x);
				for (int k = 0; k < width; k++)
					waddch(w, ' ');
			}
		}
	} else if (l->dirty & UI_LIST_ROWS) {
		if (l->old_sel < l->nrows && l->old_sel != l->sel)
			l->src.draw_row(l->src.ctx, w, y + (int)l->old_sel, x, width, l->rows[l->old_sel], false);
		if (l->sel < l->nrows)
			l->src.draw_row(l->src.ctx, w, y + (int)l->sel, x, width, l->rows[l->sel], true);
	}
	l->old_sel = l->sel;
	l->dirty = UI_LIST_NONE;
}

/* ---- an in-memory source ---- */

static size_t array_index_of(const ui_array_source *a, const void *row)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i] == row)
			return i;
	return a->n;
}

static size_t array_fetch(void *ctx, const void *anchor, bool backward, size_t n, void **out)
{
	ui_array_source *a = ctx;
	size_t from, to;

	if (!backward) {
		from = anchor ? array_index_of(a, anchor) + 1 : 0;
		if (from > a->n)
			from = a->n;
		to = from + n > a->n ? a->n : from + n;
	} else {
		to = anchor ? array_index_of(a, anchor) : a->n;
		from = to > n ? to - n : 0;
	}
	for (size_t i = from; i < to; i++)
		out[i - from] = a->items[i];
	return to - from;
}

static size_t array_count(void *ctx)
{
	return ((ui_array_source *)ctx)->n;
}

static void array_free_row(void *ctx, void *row)
{
}

static void array_draw_row(void *ctx, ui_win *w, int y, int x, int width, const void *row, bool sel)
{
	ui_array_source *a = ctx;
	a->draw_row(a->draw_ctx, w, y, x, width, row, sel);
}

void ui_array_source_make(ui_array_source *a, ui_list_source *out)
{
	out->ctx = a;
	out->fetch = array_fetch;
	out->count = array_count;
	out->free_row = array_free_row;
	out->draw_row = array_draw_row;
}

bool ui_list_action(ui_list *l, ui_action a)
{
	switch (a) {
	case UA_UP: ui_list_move(l, -1); return true;
	case UA_DOWN: ui_list_move(l, 1); return true;
	case UA_PAGE_UP: ui_list_move(l, -(long)l->height); return true;
	case UA_PAGE_DOWN: ui_list_move(l, l->height); return true;
	case UA_TOP: ui_list_top(l); return true;
	case UA_BOTTOM: ui_list_bottom(l); return true;
	default: return false;
	}
}
