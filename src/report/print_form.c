/*
 * print_form.c - the blocks a printed form is made of (print.h), and
 * their layout as 80-column text for a terminal or lp: fields as
 * "label  value" lines, boxes as 【label】 with the text indented, tables
 * as one record per row, and the weekly grid as hours against days.
 * Everything that enters a block is sanitized here, once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/print.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static char *clean(const char *s)
{
	return text_sanitize(s ? s : "", true);
}

/* ---- building ---- */

pform *pform_new(const char *title, const char *subtitle, bool landscape)
{
	pform *f = xcalloc(1, sizeof *f);

	f->title = clean(title);
	f->subtitle = clean(subtitle);
	f->landscape = landscape;
	return f;
}

static pblk *add(pform *f, pblk_kind kind)
{
	pblk *b;

	f->b = xrealloc(f->b, (f->n + 1) * sizeof *f->b);
	b = &f->b[f->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void pform_heading(pform *f, const char *text)
{
	add(f, PB_HEADING)->label = clean(text);
}

void pform_fields(pform *f, int per_line, const char *const *pairs, size_t npairs)
{
	pblk *b = add(f, PB_FIELDS);

	b->per_line = per_line < 1 ? 1 : per_line;
	b->nfields = npairs;
	b->labels = xcalloc(npairs ? npairs : 1, sizeof *b->labels);
	b->values = xcalloc(npairs ? npairs : 1, sizeof *b->values);
	for (size_t i = 0; i < npairs; i++) {
		b->labels[i] = clean(pairs[2 * i]);
		b->values[i] = clean(pairs[2 * i + 1]);
	}
}

void pform_text(pform *f, const char *label, const char *value)
{
	pblk *b = add(f, PB_TEXT);

	b->label = clean(label);
	b->value = clean(value);
}

pblk *pform_table(pform *f, const char *const *heads, const double *weights, size_t ncols)
{
	pblk *b = add(f, PB_TABLE);

	b->ncols = ncols;
	b->heads = xcalloc(ncols, sizeof *b->heads);
	b->weights = xcalloc(ncols, sizeof *b->weights);
	for (size_t i = 0; i < ncols; i++) {
		b->heads[i] = clean(heads[i]);
		b->weights[i] = weights ? weights[i] : 1;
	}
	return b;
}

static char **table_add(pblk *t, bool section)
{
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	t->section = xrealloc(t->section, (t->nrows + 1) * sizeof *t->section);
	t->section[t->nrows] = section;
	return t->rows[t->nrows++] = xcalloc(t->ncols, sizeof **t->rows);
}

void pform_table_row(pblk *t, const char *const *cells)
{
	char **r = table_add(t, false);

	for (size_t i = 0; i < t->ncols; i++)
		r[i] = clean(cells[i]);
}

void pform_table_section(pblk *t, const char *text)
{
	char **r = table_add(t, true);

	r[0] = clean(text);
	for (size_t i = 1; i < t->ncols; i++)
		r[i] = xstrdup("");
}

pblk *pform_week(pform *f, const char *side_label, const char *side_text)
{
	pblk *b = add(f, PB_WEEK);

	b->label = clean(side_label);
	b->value = clean(side_text);
	return b;
}

void pform_week_slot(pblk *w, int weekday, int start_min, int end_min, const char *activity)
{
	pslot *s;

	if (weekday < 0 || weekday > 6 || start_min < 0 || end_min > 1440 || start_min >= end_min)
		return;
	w->slots = xrealloc(w->slots, (w->nslots + 1) * sizeof *w->slots);
	s = &w->slots[w->nslots++];
	s->weekday = weekday;
	s->start_min = start_min;
	s->end_min = end_min;
	s->activity = text_sanitize(activity ? activity : "", false);
}

void pform_sign(pform *f, const char *label, const char *date_label, const char *date)
{
	pblk *b = add(f, PB_SIGN);

	b->label = clean(label);
	b->labels = xmalloc(sizeof *b->labels);
	b->values = xmalloc(sizeof *b->values);
	b->labels[0] = clean(date_label);
	b->values[0] = clean(date);
	b->nfields = 1;
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

void pform_free(pform *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		pblk *b = &f->b[i];
		free(b->label);
		free(b->value);
		free_strv(b->labels, b->nfields);
		free_strv(b->values, b->nfields);
		free_strv(b->heads, b->ncols);
		free(b->weights);
		for (size_t r = 0; r < b->nrows; r++)
			free_strv(b->rows[r], b->ncols);
		free(b->rows);
		free(b->section);
		for (size_t s = 0; s < b->nslots; s++)
			free(b->slots[s].activity);
		free(b->slots);
	}
	free(f->b);
	free(f->file_tag);
	free(f->title);
	free(f->subtitle);
	free(f);
}

/* ---- text ---- */

static void pad(strbuf *o, int n)
{
	while (n-- > 0)
		sb_addc(o, ' ');
}

static void rule(strbuf *o, char c)
{
	for (int i = 0; i < PRINT_TEXT_COLS; i++)
		sb_addc(o, c);
	sb_addc(o, '\n');
}

/* A line must not start with closing punctuation (禁則): when the break
 * falls before one, the character before it moves down with it. */
static size_t keep_with_punct(const char *p, size_t n)
{
	static const char *const closers[] = { "。", "、", "）", "」", "』", "！", "？", "・", ")", ",", ".", NULL };
	size_t back = n;

	if (!p[n])
		return n;
	for (size_t i = 0; closers[i]; i++)
		if (strncmp(p + n, closers[i], strlen(closers[i])) == 0) {
			while (back > 0 && ((unsigned char)p[back - 1] & 0xC0) == 0x80)
				back--;
			back = back > 0 ? back - 1 : 0;
			while (back > 0 && ((unsigned char)p[back] & 0xC0) == 0x80)
				back--;
			return back > 0 ? back : n;
		}
	return n;
}

/* Append s wrapped to width columns; the first line goes where the
 * caller left off (first_indent already written), the others after
 * indent spaces.  Empty text still ends the line. */
static void wrap(strbuf *o, const char *s, int indent, int width)
{
	bool first = true;

	if (width < 2)
		width = 2;
	do {
		const char *nl = strchr(s, '\n');
		size_t linelen = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xstrndup(s, linelen);
		const char *p = line;

		do {
			size_t n = text_fit(p, width, NULL);
			if (n == 0 && *p)
				n = 1;
			n = keep_with_punct(p, n);
			if (!first)
				pad(o, indent);
			first = false;
			sb_addn(o, p, n);
			sb_addc(o, '\n');
			p += n;
		} while (*p);
		free(line);
		s = nl ? nl + 1 : s + linelen;
	} while (*s);
}

static void text_centered(strbuf *o, const char *s)
{
	int w = text_width(s);

	if (w < PRINT_TEXT_COLS)
		pad(o, (PRINT_TEXT_COLS - w) / 2);
	wrap(o, s, 0, PRINT_TEXT_COLS);
}

static void text_fields(strbuf *o, const pblk *b)
{
	int lw = 0;

	for (size_t i = 0; i < b->nfields; i++)
		if (text_width(b->labels[i]) > lw)
			lw = text_width(b->labels[i]);
	if (lw > 28)
		lw = 28;
	for (size_t i = 0; i < b->nfields; i++) {
		int w = text_width(b->labels[i]);
		if (w > lw) {
			wrap(o, b->labels[i], 0, PRINT_TEXT_COLS);
			pad(o, lw + 2);
		} else {
			sb_adds(o, b->labels[i]);
			pad(o, lw - w + 2);
		}
		wrap(o, b->values[i], lw + 2, PRINT_TEXT_COLS - lw - 2);
	}
}

static void text_box(strbuf *o, const char *label, const char *value)
{
	sb_adds(o, "【");
	sb_adds(o, label);
	sb_adds(o, "】\n");
	if (value[0]) {
		pad(o, 2);
		wrap(o, value, 2, PRINT_TEXT_COLS - 2);
	}
}

/* A column head on one line: the PDF's line breaks dropped. */
static char *flat(const char *s)
{
	strbuf o;

	sb_init(&o);
	for (; *s; s++)
		if (*s != '\n')
			sb_addc(&o, *s);
	if (!o.s)
		sb_adds(&o, "");
	return sb_steal(&o);
}

static void text_table(strbuf *o, const pblk *b)
{
	char **heads = xcalloc(b->ncols, sizeof *heads);
	int lw = 0;

	for (size_t c = 0; c < b->ncols; c++)
		heads[c] = flat(b->heads[c]);
	for (size_t c = 1; c < b->ncols; c++)
		if (text_width(heads[c]) > lw)
			lw = text_width(heads[c]);
	if (lw > 24)
		lw = 24;
	for (size_t r = 0; r < b->nrows; r++) {
		char **row = b->rows[r];
		if (b->section[r]) {
			sb_adds(o, "◆ ");
			wrap(o, row[0], 2, PRINT_TEXT_COLS - 2);
			continue;
		}
		rule(o, '-');
		sb_adds(o, heads[0]);
		sb_adds(o, " ");
		wrap(o, row[0], 2, PRINT_TEXT_COLS - text_width(heads[0]) - 1);
		for (size_t c = 1; c < b->ncols; c++) {
			int w = text_width(heads[c]);
			pad(o, 2);
			if (w > lw) {
				wrap(o, heads[c], 2, PRINT_TEXT_COLS - 2);
				pad(o, lw + 4);
			} else {
				sb_adds(o, heads[c]);
				pad(o, lw - w + 2);
			}
			wrap(o, row[c], lw + 4, PRINT_TEXT_COLS - lw - 4);
		}
	}
	if (b->nrows)
		rule(o, '-');
	for (size_t c = 0; c < b->ncols; c++)
		free(heads[c]);
	free(heads);
}

/* The hours the grid shows: 6:00 to 24:00, earlier when a slot starts
 * before six. */
static int first_hour(const pblk *b)
{
	int h = 6;

	for (size_t i = 0; i < b->nslots; i++)
		if (b->slots[i].start_min / 60 < h)
			h = b->slots[i].start_min / 60;
	return h;
}

enum { WEEK_TIME_W = 6, WEEK_CELL_W = 10 };

static void text_week(strbuf *o, const pblk *b)
{
	static const char *const days[] = { "月", "火", "水", "木", "金", "土", "日・祝" };
	char buf[16];

	pad(o, WEEK_TIME_W);
	for (int d = 0; d < 7; d++) {
		sb_addc(o, '|');
		sb_adds(o, days[d]);
		pad(o, WEEK_CELL_W - 1 - text_width(days[d]));
	}
	sb_adds(o, "|\n");
	for (int h = first_hour(b); h < 24; h++) {
		snprintf(buf, sizeof buf, "%02d:00 ", h);
		sb_adds(o, buf);
		for (int d = 0; d < 7; d++) {
			const char *cell = "";
			int used = 0, n = 0;
			size_t len;

			for (size_t i = 0; i < b->nslots; i++) {
				const pslot *s = &b->slots[i];
				if (s->weekday != d || s->start_min >= (h + 1) * 60 || s->end_min <= h * 60)
					continue;
				if (n++ == 0)
					cell = s->start_min >= h * 60 ? s->activity : "｜";
			}
			sb_addc(o, '|');
			len = text_fit(cell, WEEK_CELL_W - 1 - (n > 1), &used);
			sb_addn(o, cell, len);
			if (n > 1) {
				sb_addc(o, '+');
				used++;
			}
			pad(o, WEEK_CELL_W - 1 - used);
		}
		sb_adds(o, "|\n");
	}
	if (b->label[0])
		text_box(o, b->label, b->value);
}

/* The text without spaces at the ends of lines (padding of empty values). */
static char *strip_trailing(strbuf *o, size_t *len)
{
	strbuf r;
	const char *p = o->s ? o->s : "";

	sb_init(&r);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t k = n;
		while (k > 0 && p[k - 1] == ' ')
			k--;
		sb_addn(&r, p, k);
		if (nl)
			sb_addc(&r, '\n');
		p += n + (nl != NULL);
	}
	sb_free(o);
	if (!r.s)
		sb_adds(&r, "");
	if (len)
		*len = r.len;
	return sb_steal(&r);
}

char *pform_render_text(const pform *f, size_t *len)
{
	strbuf o;

	sb_init(&o);
	text_centered(&o, f->title);
	if (f->subtitle[0])
		text_centered(&o, f->subtitle);
	rule(&o, '=');
	for (size_t i = 0; i < f->n; i++) {
		const pblk *b = &f->b[i];
		switch (b->kind) {
		case PB_HEADING:
			sb_addc(&o, '\n');
			sb_adds(&o, "■ ");
			wrap(&o, b->label, 2, PRINT_TEXT_COLS - 2);
			break;
		case PB_FIELDS:
			text_fields(&o, b);
			break;
		case PB_TEXT:
			text_box(&o, b->label, b->value);
			break;
		case PB_TABLE:
			text_table(&o, b);
			break;
		case PB_WEEK:
			text_week(&o, b);
			break;
		case PB_SIGN:
			sb_addc(&o, '\n');
			sb_adds(&o, b->label);
			sb_adds(&o, "  ______________________________  ");
			sb_adds(&o, b->labels[0]);
			/* a blank date: a line to write it on */
			sb_adds(&o, " ");
			sb_adds(&o, b->values[0][0] ? b->values[0] : "________________");
			sb_addc(&o, '\n');
			break;
		}
	}
	if (f->paged) {
		char *flat_text = strip_trailing(&o, NULL), *paged;
		paged = print_text_pages(flat_text, f->title, PRINT_TEXT_PAGE_LINES, len);
		free(flat_text);
		return paged;
	}
	return strip_trailing(&o, len);
}

/* ---- text pages ---- */

static void footer(strbuf *o, int page, int pages)
{
	char buf[32];
	int w;

	snprintf(buf, sizeof buf, "%d / %d", page, pages);
	w = (int)strlen(buf);
	sb_addc(o, '\n');
	pad(o, (PRINT_TEXT_COLS - w) / 2);
	sb_adds(o, buf);
	sb_addc(o, '\n');
}

char *print_text_pages(const char *text, const char *head, int lines, size_t *len)
{
	const char *p = text ? text : "";
	size_t nlines = 0;
	int first, rest, pages, page = 1, used = 0;
	strbuf o;

	if (lines < 8)
		lines = 8;
	for (const char *q = p; *q; q++)
		if (*q == '\n')
			nlines++;
	if (*p && p[strlen(p) - 1] != '\n')
		nlines++;
	/* Room for text: the footer takes two lines, a later page's head two. */
	first = lines - 2;
	rest = lines - 4;
	pages = nlines <= (size_t)first ? 1 : 1 + (int)((nlines - (size_t)first + (size_t)rest - 1) / (size_t)rest);
	sb_init(&o);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (used == (page == 1 ? first : rest)) {
			pad(&o, 0);
			for (; used < (page == 1 ? first : rest); used++)
				sb_addc(&o, '\n');
			footer(&o, page, pages);
			sb_addc(&o, '\f');
			page++;
			used = 0;
			sb_adds(&o, head ? head : "");
			sb_adds(&o, "\n\n");
		}
		sb_addn(&o, p, n);
		sb_addc(&o, '\n');
		used++;
		p += n + (nl != NULL);
	}
	/* The last page: its footer at the page's foot, like the others. */
	for (; used < (page == 1 ? first : rest); used++)
		sb_addc(&o, '\n');
	footer(&o, page, pages);
	if (len)
		*len = o.len;
	return sb_steal(&o);
}
