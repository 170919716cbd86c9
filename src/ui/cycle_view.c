/*
 * cycle_view.c - what the record screens of the cycle (assessment,
 * plan, monitoring, meeting, notes) draw alike: a record's fields as
 * labelled text and text folded into a rectangle by display width.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"
#include "tsunagi/ui_cycle.h"
#include "tsunagi/xalloc.h"

size_t ui_wrap(const char *text, int width, char **out, size_t max)
{
	char *clean = text_sanitize(text ? text : "", true);
	const char *p = clean;
	size_t n = 0;

	if (width < 1)
		width = 1;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t linelen = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, linelen);
		const char *q = line;

		do {
			size_t fit = text_fit(q, width, NULL);
			if (fit == 0 && *q) {
				/* A character wider than the width: take it anyway. */
				int32_t cp;
				fit = text_decode(q, strlen(q), &cp);
				if (!fit)
					fit = 1;
			}
			if (n < max)
				out[n] = xstrndup(q, fit);
			n++;
			q += fit;
		} while (*q);
		free(line);
		p += linelen;
		if (*p == '\n')
			p++;
	}
	free(clean);
	return n;
}

int ui_draw_wrapped(ui_win *w, int y, int x, int height, int width, const char *text)
{
	size_t max = height > 0 ? (size_t)height : 0;
	char **lines = xcalloc(max + 1, sizeof *lines);
	size_t n = ui_wrap(text, width, lines, max);
	int row = 0;

	for (; row < height; row++) {
		ui_put_raw(w, y + row, x, width, (size_t)row < n ? lines[row] : "", true);
		if ((size_t)row < n && (size_t)row < max)
			free(lines[row]);
	}
	free(lines);
	return (int)n;
}

static bool skipped(const char *const *skip, const char *col)
{
	for (; skip && *skip; skip++)
		if (strcmp(*skip, col) == 0)
			return true;
	return false;
}

char *ui_record_text(const record_type *rt, const void *rec, const char *const *skip)
{
	strbuf b;

	sb_init(&b);
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		char *v;
		const char *show;

		if ((f->flags & (FF_HIDDEN | FF_PARENT)) || skipped(skip, f->col))
			continue;
		v = record_get(f, rec);
		show = v;
		if (f->type == FT_CHOICE && v[0])
			show = store_enum_label(v);
		else if (f->type == FT_BOOL)
			show = strcmp(v, "yes") == 0 ? _("yes") : _("no");
		if (f->flags & FF_MULTILINE && strchr(show, '\n')) {
			sb_addf(&b, "%s:\n", _(f->label));
			for (const char *p = show; *p;) {
				const char *nl = strchr(p, '\n');
				size_t len = nl ? (size_t)(nl - p) : strlen(p);
				sb_addf(&b, "  %.*s\n", (int)len, p);
				p += len + (nl ? 1 : 0);
			}
		} else {
			sb_addf(&b, "%s: %s\n", _(f->label), show);
		}
		free(v);
	}
	return b.s ? sb_steal(&b) : xstrdup("");
}
