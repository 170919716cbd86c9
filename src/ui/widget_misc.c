/*
 * widget_misc.c - the small drawing pieces every screen uses: text cut
 * to a width (stored text always through the sanitizer; ui_put_cut ends
 * a cut with "…"), a tab bar and
 * a centred box.  Only ASCII and curses line drawing in the chrome, so
 * nothing depends on how a terminal sizes ambiguous-width characters.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/text.h"
#include "tsunagi/ui_widget.h"
#include "tsunagi/xalloc.h"

int ui_put_raw(ui_win *w, int y, int x, int cols, const char *s, bool pad)
{
	int used = 0;
	size_t n;

	if (cols <= 0)
		return 0;
	n = text_fit(s ? s : "", cols, &used);
	wmove(w, y, x);
	if (n)
		waddnstr(w, s, (int)n);
	if (pad)
		for (int i = used; i < cols; i++)
			waddch(w, ' ');
	return used;
}

int ui_put(ui_win *w, int y, int x, int cols, const char *s, bool pad)
{
	char *safe = text_sanitize(s ? s : "", false);
	int used = ui_put_raw(w, y, x, cols, safe, pad);
	free(safe);
	return used;
}

int ui_put_cut(ui_win *w, int y, int x, int cols, const char *s, bool pad)
{
	char *safe, *cut;
	int used;

	if (cols <= 0)
		return 0;
	safe = text_sanitize(s ? s : "", false);
	cut = text_cut(safe, cols);
	used = ui_put_raw(w, y, x, cols, cut, pad);
	free(cut);
	free(safe);
	return used;
}

void ui_tabs_draw(ui_win *w, int y, int x, int width, const char *const *labels, size_t n, size_t cur)
{
	int col = 0;

	wmove(w, y, x);
	for (size_t i = 0; i < n && col < width; i++) {
		int lw = text_width(labels[i]) + 2;
		/* When the tabs do not fit, the ones before the current one
		 * give way (shown as "<"). */
		if (i < cur) {
			int rest = 0;
			for (size_t j = i; j <= cur && j < n; j++)
				rest += text_width(labels[j]) + 3;
			if (col + rest > width) {
				if (col == 0) {
					waddch(w, '<');
					col++;
				}
				continue;
			}
		}
		/* The last column says when tabs continue to the right. */
		if (col + lw > width - (i + 1 < n ? 1 : 0)) {
			for (; col < width - 1; col++)
				waddch(w, ' ');
			waddch(w, '>');
			col++;
			break;
		}
		if (i == cur)
			wattron(w, A_REVERSE | A_BOLD);
		waddch(w, i == cur ? '[' : ' ');
		waddstr(w, labels[i]);
		waddch(w, i == cur ? ']' : ' ');
		if (i == cur)
			wattroff(w, A_REVERSE | A_BOLD);
		col += lw;
		if (col < width) {
			waddch(w, ' ');
			col++;
		}
	}
	for (; col < width; col++)
		waddch(w, ' ');
}

void ui_box_draw(ui_win *w, const char *const *lines, size_t n)
{
	int maxw = 0, rows, cols, bw, bh, y0, x0;

	getmaxyx(w, rows, cols);
	for (size_t i = 0; i < n; i++) {
		int lw = text_width(lines[i]);
		if (lw > maxw)
			maxw = lw;
	}
	bw = maxw + 4 > cols ? cols : maxw + 4;
	bh = (int)n + 2 > rows ? rows : (int)n + 2;
	y0 = (rows - bh) / 2;
	x0 = (cols - bw) / 2;
	mvwaddch(w, y0, x0, ACS_ULCORNER);
	whline(w, ACS_HLINE, bw - 2);
	mvwaddch(w, y0, x0 + bw - 1, ACS_URCORNER);
	for (int i = 1; i < bh - 1; i++) {
		mvwaddch(w, y0 + i, x0, ACS_VLINE);
		waddch(w, ' ');
		ui_put_raw(w, y0 + i, x0 + 2, bw - 4, (size_t)(i - 1) < n ? lines[i - 1] : "", true);
		waddch(w, ' ');
		mvwaddch(w, y0 + i, x0 + bw - 1, ACS_VLINE);
	}
	mvwaddch(w, y0 + bh - 1, x0, ACS_LLCORNER);
	whline(w, ACS_HLINE, bw - 2);
	mvwaddch(w, y0 + bh - 1, x0 + bw - 1, ACS_LRCORNER);
}
