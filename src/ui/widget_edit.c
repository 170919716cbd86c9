/*
 * widget_edit.c - the line editor: text kept as code points so that the
 * cursor moves by character while the screen is addressed by column
 * (a kanji is one character, two columns).  Emacs line keys, paste of
 * long text, a character limit, and drawing with horizontal scroll.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/text.h"
#include "tsunagi/ui_widget.h"
#include "tsunagi/xalloc.h"

void ui_edit_init(ui_edit *ed, size_t max, bool multiline)
{
	memset(ed, 0, sizeof *ed);
	ed->max = max;
	ed->multiline = multiline;
}

void ui_edit_free(ui_edit *ed)
{
	x_free(&ed->cp);
	ed->len = ed->cap = ed->cur = 0;
}

static void reserve(ui_edit *ed, size_t n)
{
	if (n <= ed->cap)
		return;
	ed->cap = n < 32 ? 32 : n * 2;
	ed->cp = xrealloc(ed->cp, ed->cap * sizeof *ed->cp);
}

static bool acceptable(const ui_edit *ed, int32_t cp)
{
	if (cp == '\n')
		return ed->multiline;
	if (cp == '\t')
		return true;    /* kept; shown as a space */
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return false;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	return true;
}

bool ui_edit_insert(ui_edit *ed, int32_t cp)
{
	if (!acceptable(ed, cp))
		return false;
	if (ed->max && ed->len >= ed->max)
		return false;
	reserve(ed, ed->len + 1);
	memmove(ed->cp + ed->cur + 1, ed->cp + ed->cur, (ed->len - ed->cur) * sizeof *ed->cp);
	ed->cp[ed->cur++] = cp;
	ed->len++;
	ed->changed = true;
	return true;
}

bool ui_edit_insert_text(ui_edit *ed, const char *s)
{
	size_t n = strlen(s), i = 0;
	bool all = true;

	while (i < n) {
		int32_t cp;
		size_t l = text_decode(s + i, n - i, &cp);
		if (l == 0) {
			i++;            /* an invalid byte is dropped */
			continue;
		}
		i += l;
		if (cp == '\r')
			continue;
		if (!ui_edit_insert(ed, cp) && acceptable(ed, cp))
			all = false;
	}
	return all;
}

void ui_edit_set(ui_edit *ed, const char *s)
{
	size_t max = ed->max;
	ed->len = ed->cur = 0;
	ed->scroll = 0;
	ed->max = 0;            /* stored text is shown whole even if over */
	ui_edit_insert_text(ed, s ? s : "");
	ed->max = max;
	ed->changed = false;
}

char *ui_edit_get(const ui_edit *ed)
{
	char *out = xmalloc(ed->len * 4 + 1);
	size_t o = 0;

	for (size_t i = 0; i < ed->len; i++)
		o += text_encode(ed->cp[i], out + o);
	out[o] = '\0';
	return out;
}

static int cp_cols(int32_t cp)
{
	if (cp == '\n')
		return 2;       /* ^J */
	if (cp == '\t')
		return 1;
	return text_cp_width(cp);
}

int ui_edit_width(const ui_edit *ed, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to && i < ed->len; i++)
		w += cp_cols(ed->cp[i]);
	return w;
}

int ui_edit_cursor_col(const ui_edit *ed)
{
	return ui_edit_width(ed, 0, ed->cur);
}

static void delete_range(ui_edit *ed, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(ed->cp + from, ed->cp + to, (ed->len - to) * sizeof *ed->cp);
	ed->len -= to - from;
	if (ed->cur >= to)
		ed->cur -= to - from;
	else if (ed->cur > from)
		ed->cur = from;
	ed->changed = true;
}

static bool is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\n';
}

/* Lines matter only in multiline text: C-a/C-e/C-k/C-u work on the line
 * the cursor is in. */
static size_t line_start(const ui_edit *ed)
{
	size_t i = ed->cur;
	while (i > 0 && ed->cp[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const ui_edit *ed)
{
	size_t i = ed->cur;
	while (i < ed->len && ed->cp[i] != '\n')
		i++;
	return i;
}

bool ui_edit_apply(ui_edit *ed, ui_action a)
{
	switch (a) {
	case UA_LINE_START:
		ed->cur = line_start(ed);
		return true;
	case UA_LINE_END:
		ed->cur = line_end(ed);
		return true;
	case UA_CHAR_LEFT:
		if (ed->cur > 0)
			ed->cur--;
		return true;
	case UA_CHAR_RIGHT:
		if (ed->cur < ed->len)
			ed->cur++;
		return true;
	case UA_DEL_BACK:
		if (ed->cur > 0)
			delete_range(ed, ed->cur - 1, ed->cur);
		return true;
	case UA_DEL_FORWARD:
		if (ed->cur < ed->len)
			delete_range(ed, ed->cur, ed->cur + 1);
		return true;
	case UA_KILL_END: {
		size_t e = line_end(ed);
		/* At the end of a line, C-k joins the next one, as in emacs. */
		if (e == ed->cur && e < ed->len)
			e++;
		delete_range(ed, ed->cur, e);
		return true;
	}
	case UA_KILL_START:
		delete_range(ed, line_start(ed), ed->cur);
		return true;
	case UA_KILL_WORD: {
		size_t i = ed->cur;
		while (i > 0 && is_space(ed->cp[i - 1]))
			i--;
		while (i > 0 && !is_space(ed->cp[i - 1]))
			i--;
		delete_range(ed, i, ed->cur);
		return true;
	}
	default:
		return false;
	}
}

void ui_edit_scroll_to_cursor(ui_edit *ed, int cols)
{
	int col = ui_edit_cursor_col(ed);
	int curw = ed->cur < ed->len ? cp_cols(ed->cp[ed->cur]) : 1;

	if (cols < 2)
		cols = 2;
	if (col < ed->scroll)
		ed->scroll = col > cols / 3 ? col - cols / 3 : 0;
	if (col + curw > ed->scroll + cols)
		ed->scroll = col + curw - cols + cols / 4;
	if (ed->scroll < 0)
		ed->scroll = 0;
}

int ui_edit_draw(ui_edit *ed, ui_win *w, int y, int x, int cols, bool focused)
{
	int col = 0, out = 0, cursor = x;
	size_t i = 0;

	ui_edit_scroll_to_cursor(ed, cols);
	/* Skip to the first column shown; a wide character cut by the left
	 * edge is replaced by a space. */
	while (i < ed->len && col + cp_cols(ed->cp[i]) <= ed->scroll)
		col += cp_cols(ed->cp[i++]);
	wmove(w, y, x);
	if (col < ed->scroll && i < ed->len) {
		int part = col + cp_cols(ed->cp[i]) - ed->scroll;
		for (int k = 0; k < part && out < cols; k++, out++)
			waddch(w, '<');
		col += cp_cols(ed->cp[i++]);
	}
	if (ed->cur < i)
		cursor = x;
	for (; i <= ed->len; i++) {
		if (i == ed->cur)
			cursor = x + out;
		if (i == ed->len)
			break;
		int32_t cp = ed->cp[i];
		int cw = cp_cols(cp);
		if (out + cw > cols)
			break;
		if (cp == '\n') {
			wattron(w, A_BOLD);
			waddstr(w, "^J");
			wattroff(w, A_BOLD);
		} else if (cp == '\t') {
			waddch(w, ' ');
		} else {
			char buf[5];
			buf[text_encode(cp, buf)] = '\0';
			waddstr(w, buf);
		}
		out += cw;
	}
	for (; out < cols; out++)
		waddch(w, ' ');
	if (focused)
		wmove(w, y, cursor);
	return cursor;
}

/* ---- wrapped multi-line text ---- */

static int wrap_w(int32_t cp)
{
	return cp == '\t' ? 1 : text_cp_width(cp);
}

/* Where character i starts when the text is wrapped at cols (i == len:
 * where the cursor after the last character is). */
static void wrap_pos(const ui_edit *ed, int cols, size_t upto, int *row, int *col)
{
	int r = 0, c = 0;

	for (size_t i = 0; i < upto && i < ed->len; i++) {
		int32_t cp = ed->cp[i];
		if (cp == '\n') {
			r++;
			c = 0;
			continue;
		}
		if (c + wrap_w(cp) > cols) {
			r++;
			c = 0;
		}
		c += wrap_w(cp);
	}
	/* The character at upto itself may not fit on this line. */
	if (upto < ed->len ? ed->cp[upto] != '\n' && c + wrap_w(ed->cp[upto]) > cols : c >= cols) {
		r++;
		c = 0;
	}
	*row = r;
	*col = c;
}

int ui_edit_wrap_rows(const ui_edit *ed, int cols)
{
	int r, c;

	if (cols < 2)
		cols = 2;
	wrap_pos(ed, cols, ed->len, &r, &c);
	return r + 1;
}

bool ui_edit_move_line(ui_edit *ed, int dir)
{
	int cols = ed->wrap_cols > 1 ? ed->wrap_cols : 80;
	int r, c, tr, rows = ui_edit_wrap_rows(ed, cols);
	size_t best = ed->len + 1;

	wrap_pos(ed, cols, ed->cur, &r, &c);
	tr = r + dir;
	if (tr < 0 || tr >= rows)
		return false;
	/* The last position on the target line whose column is at most the
	 * cursor's; the line's first position when none is. */
	for (size_t i = 0; i <= ed->len; i++) {
		int ir, ic;
		wrap_pos(ed, cols, i, &ir, &ic);
		if (ir < tr)
			continue;
		if (ir > tr)
			break;
		if (best == ed->len + 1 || ic <= c)
			best = i;
		if (ic > c)
			break;
	}
	if (best <= ed->len)
		ed->cur = best;
	return true;
}

void ui_edit_draw_wrapped(ui_edit *ed, ui_win *w, int y, int x, int rows, int cols, bool focused)
{
	int r = 0, c = 0, cr, cc, total;
	bool more = false;

	if (cols < 3)
		cols = 3;
	/* Not focused, the last column is kept for "…". */
	if (!focused)
		cols--;
	else
		ed->wrap_cols = cols;
	total = ui_edit_wrap_rows(ed, cols);
	wrap_pos(ed, cols, ed->cur, &cr, &cc);
	if (!focused)
		ed->vscroll = 0;
	else if (cr < ed->vscroll)
		ed->vscroll = cr;
	else if (cr >= ed->vscroll + rows)
		ed->vscroll = cr - rows + 1;
	if (ed->vscroll > total - rows)
		ed->vscroll = total - rows > 0 ? total - rows : 0;
	for (int k = 0; k < rows; k++) {
		wmove(w, y + k, x);
		for (int j = 0; j < cols + !focused; j++)
			waddch(w, ' ');
	}
	for (size_t i = 0; i < ed->len; i++) {
		int32_t cp = ed->cp[i];
		char buf[5];
		if (cp == '\n') {
			r++;
			c = 0;
			continue;
		}
		if (c + wrap_w(cp) > cols) {
			r++;
			c = 0;
		}
		if (r >= ed->vscroll + rows) {
			more = true;
			break;
		}
		if (r >= ed->vscroll) {
			if (cp == '\t')
				buf[0] = ' ', buf[1] = '\0';
			else
				buf[text_encode(cp, buf)] = '\0';
			mvwaddstr(w, y + r - ed->vscroll, x + c, buf);
		}
		c += wrap_w(cp);
	}
	if (!focused && more) {
		/* The last column says the text goes on. */
		mvwaddstr(w, y + rows - 1, x + cols, "…");
	}
	if (focused)
		wmove(w, y + cr - ed->vscroll, x + cc);
}
