/*
 * stats_bar.c - the caseload health screen's small bar charts
 * (screen_stats.c): eighth blocks, or '#' on a terminal whose font lacks
 * them.  Apart from the screen so that tests need no curses or PDF.
 */
#include <stdbool.h>
#include <string.h>

#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

bool ui_stats_blocks_ok(const char *term)
{
	static const char *const plain[] = { "vt", "linux", "dumb", "ansi", "cons", "pcansi", NULL };

	if (!term || !*term)
		return false;
	for (int i = 0; plain[i]; i++)
		if (strncmp(term, plain[i], strlen(plain[i])) == 0)
			return false;
	return true;
}

char *ui_stats_bar(int value, int max, int width, bool ascii)
{
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	strbuf b;
	long eighths;

	if (value < 0 || max <= 0 || width <= 0)
		return xstrdup("");
	sb_init(&b);
	if (value > max)
		value = max;
	eighths = ((long)value * width * 8 + max / 2) / max;
	if (ascii) {
		for (long i = 0; i < (eighths + 4) / 8; i++)
			sb_addc(&b, '#');
	} else {
		for (long i = 0; i < eighths / 8; i++)
			sb_adds(&b, "█");
		sb_adds(&b, part[eighths % 8]);
	}
	return b.s ? sb_steal(&b) : xstrdup("");
}
