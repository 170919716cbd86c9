/*
 * widget_form.c - a form of typed fields: text, long text, dates shown
 * as ISO and era beside what was typed, choices and check boxes; moving
 * between fields; and long text handed to $EDITOR through a private
 * directory beside the database.  It knows field kinds, never what a field means.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tsunagi/date.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/tmpguard.h"
#include "tsunagi/ui_widget.h"
#include "tsunagi/xalloc.h"

void ui_form_init(ui_form *f)
{
	memset(f, 0, sizeof *f);
}

void ui_form_free(ui_form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		ui_field *fd = &f->fields[i];
		free(fd->label);
		ui_edit_free(&fd->ed);
		for (size_t c = 0; c < fd->nchoices; c++)
			free(fd->choice_labels[c]);
		free(fd->choice_labels);
	}
	free(f->fields);
	memset(f, 0, sizeof *f);
}

ui_field *ui_form_add(ui_form *f, const char *name, const char *label, ui_field_kind kind, size_t max)
{
	ui_field *fd;
	int w;

	f->fields = xrealloc(f->fields, (f->n + 1) * sizeof *f->fields);
	fd = &f->fields[f->n++];
	memset(fd, 0, sizeof *fd);
	fd->name = name;
	fd->label = xstrdup(label);
	fd->kind = kind;
	ui_edit_init(&fd->ed, max, kind == UI_F_LONG);
	w = text_width(label);
	if (w > f->label_w)
		f->label_w = w;
	return fd;
}

void ui_field_set_choices(ui_field *fd, const char *const *values, const char *const *labels)
{
	size_t n = 0;

	while (values[n])
		n++;
	fd->choices = values;
	fd->nchoices = n;
	fd->choice_labels = xcalloc(n ? n : 1, sizeof *fd->choice_labels);
	for (size_t i = 0; i < n; i++)
		fd->choice_labels[i] = xstrdup(labels ? labels[i] : values[i]);
	fd->choice = 0;
}

ui_field *ui_form_find(ui_form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

char *ui_field_get(const ui_field *fd)
{
	switch (fd->kind) {
	case UI_F_CHOICE:
		return xstrdup(fd->nchoices ? fd->choices[fd->choice] : "");
	case UI_F_CHECK:
		return xstrdup(fd->checked ? "yes" : "no");
	default:
		return ui_edit_get(&fd->ed);
	}
}

void ui_field_set(ui_field *fd, const char *text)
{
	if (!text)
		text = "";
	switch (fd->kind) {
	case UI_F_CHOICE:
		for (size_t i = 0; i < fd->nchoices; i++)
			if (strcmp(fd->choices[i], text) == 0)
				fd->choice = i;
		break;
	case UI_F_CHECK:
		fd->checked = !strcmp(text, "yes") || !strcmp(text, "1");
		break;
	default:
		ui_edit_set(&fd->ed, text);
		break;
	}
}

static void move_field(ui_form *f, int d)
{
	if (f->n == 0)
		return;
	f->cur = (f->cur + (d > 0 ? 1 : f->n - 1)) % f->n;
}

static bool choice_key(ui_field *fd, ui_action a, ui_key k)
{
	if (fd->nchoices == 0)
		return false;
	if (a == UA_CHAR_LEFT)
		fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
	else if (a == UA_CHAR_RIGHT || a == UA_CHOICE_NEXT)
		fd->choice = (fd->choice + 1) % fd->nchoices;
	else
		return false;
	return true;
}

void ui_form_contexts(const ui_form *f, const ui_context **ctx, size_t *n)
{
	static const ui_context long_ctx[] = { UK_LONG, UK_FORM, UK_EDIT };
	static const ui_context line_ctx[] = { UK_FORM, UK_LINE, UK_EDIT };
	static const ui_context choice_ctx[] = { UK_FORM, UK_CHOICE, UK_LINE, UK_EDIT };
	ui_field_kind kind = f->n ? f->fields[f->cur].kind : UI_F_TEXT;

	if (kind == UI_F_CHOICE || kind == UI_F_CHECK) {
		*ctx = choice_ctx;
		*n = sizeof choice_ctx / sizeof choice_ctx[0];
	} else if (kind == UI_F_LONG) {
		/* Enter is a line break here. */
		*ctx = long_ctx;
		*n = sizeof long_ctx / sizeof long_ctx[0];
	} else {
		*ctx = line_ctx;
		*n = sizeof line_ctx / sizeof line_ctx[0];
	}
}

bool ui_form_key(ui_form *f, ui_action a, ui_key k)
{
	ui_field *fd;

	if (f->n == 0)
		return false;
	fd = &f->fields[f->cur];
	/* line-up, line-down (the arrows; UK_LONG, a long text's only)
	 * move between its lines, and on from its first or last line to
	 * the field before or after. */
	if (a == UA_LINE_UP || a == UA_LINE_DOWN) {
		int dir = a == UA_LINE_UP ? -1 : 1;
		if (!ui_edit_move_line(&fd->ed, dir))
			move_field(f, dir);
		return true;
	}
	if (a == UA_FIELD_NEXT || a == UA_FIELD_ENTER) {
		move_field(f, 1);
		return true;
	}
	if (a == UA_FIELD_PREV) {
		move_field(f, -1);
		return true;
	}
	switch (fd->kind) {
	case UI_F_CHOICE:
		if (!choice_key(fd, a, k))
			return false;
		f->changed = true;
		return true;
	case UI_F_CHECK:
		if (a == UA_CHOICE_NEXT || a == UA_CHAR_LEFT || a == UA_CHAR_RIGHT)
			fd->checked = !fd->checked;
		else if (a == UA_CHECK_YES)
			fd->checked = true;
		else if (a == UA_CHECK_NO)
			fd->checked = false;
		else
			return false;
		f->changed = true;
		return true;
	default:
		if (a != UA_NONE && ui_edit_apply(&fd->ed, a)) {
			f->changed |= fd->ed.changed;
			return true;
		}
		if (a == UA_NONE && !UI_IS_FN(k) && (k >= 0x20 || k == '\n')) {
			ui_edit_insert(&fd->ed, k);
			f->changed |= fd->ed.changed;
			return true;
		}
		return false;
	}
}

static void draw_date_hint(ui_field *fd, ui_win *w, int y, int x, int cols)
{
	char *t = ui_edit_get(&fd->ed);
	char iso[DATE_ISO_LEN], era[DATE_WAREKI_LEN], line[600];
	date_t d;
	tsu_err e;

	if (!*t)
		line[0] = '\0';
	else if (date_parse(t, &d, &e) == TSU_OK) {
		date_format_iso(d, iso);
		date_format_wareki(d, era, sizeof era);
		/* TRANSLATORS: ISO date, era date and weekday; Japanese
		 * writes the weekday in full-width parentheses. */
		snprintf(line, sizeof line, _("= %s  %s (%s)"), iso, era, _(date_weekday_en(date_weekday(d))));
	} else {
		snprintf(line, sizeof line, "? %s", e.msg);
	}
	ui_put_raw(w, y, x, cols, line, true);
	free(t);
}

/* Screen lines field i takes: a long text being edited opens to show
 * its lines (at most half the form), everything else one line. */
static int field_rows(ui_form *f, size_t i, int vw, int height)
{
	ui_field *fd = &f->fields[i];
	int most = height / 2 > 3 ? height / 2 : (height < 3 ? height : 3);
	int need;

	if (fd->kind != UI_F_LONG || i != f->cur)
		return 1;
	need = ui_edit_wrap_rows(&fd->ed, vw) + 1;     /* a line to type on */
	if (need < 3)
		need = 3;
	return need < most ? need : most;
}

void ui_form_draw(ui_form *f, ui_win *w, int y, int x, int height, int width)
{
	int lw = f->label_w < width / 3 ? f->label_w : width / 3;
	int vx = x + lw + 3, vw = width - lw - 3;
	int cy = -1, cx = 0, row = 0, used = 0;

	if (height < 1 || vw < 4)
		return;
	if ((int)f->cur < f->top)
		f->top = (int)f->cur;
	/* The field being edited is seen whole. */
	for (;;) {
		used = 0;
		for (size_t i = (size_t)f->top; i <= f->cur; i++)
			used += field_rows(f, i, vw, height);
		if (used <= height || f->top >= (int)f->cur)
			break;
		f->top++;
	}
	for (size_t i = (size_t)f->top; row < height; i++) {
		ui_field *fd;
		bool focus;
		int h;

		if (i >= f->n) {
			ui_put_raw(w, y + row, x, width, "", true);
			row++;
			continue;
		}
		fd = &f->fields[i];
		focus = i == f->cur;
		h = field_rows(f, i, vw, height);
		if (h > height - row)
			h = height - row;
		if (focus)
			wattron(w, A_BOLD);
		ui_put_raw(w, y + row, x, 1, focus ? ">" : " ", false);
		ui_put_raw(w, y + row, x + 1, lw, fd->label, true);
		ui_put_raw(w, y + row, x + 1 + lw, 2, fd->required ? "*:" : " :", false);
		if (focus)
			wattroff(w, A_BOLD);
		for (int k = 1; k < h; k++)
			ui_put_raw(w, y + row + k, x, lw + 3, "", true);
		switch (fd->kind) {
		case UI_F_CHOICE: {
			char buf[256];
			snprintf(buf, sizeof buf, "< %s >", fd->nchoices ? fd->choice_labels[fd->choice] : "");
			ui_put(w, y + row, vx, vw, buf, true);
			if (focus) {
				cy = y + row;
				cx = vx + 2;
			}
			break;
		}
		case UI_F_CHECK:
			ui_put_raw(w, y + row, vx, vw, fd->checked ? _("[x] yes") : _("[ ] no"), true);
			if (focus) {
				cy = y + row;
				cx = vx + 1;
			}
			break;
		case UI_F_DATE: {
			int ew = vw > 40 ? 18 : vw / 2;
			int c = ui_edit_draw(&fd->ed, w, y + row, vx, ew, focus);
			draw_date_hint(fd, w, y + row, vx + ew + 1, vw - ew - 1);
			if (focus) {
				cy = y + row;
				cx = c;
			}
			break;
		}
		case UI_F_LONG:
			ui_edit_draw_wrapped(&fd->ed, w, y + row, vx, h, vw, focus);
			if (focus)
				getyx(w, cy, cx);
			break;
		default: {
			int c = ui_edit_draw(&fd->ed, w, y + row, vx, vw, focus);
			if (focus) {
				cy = y + row;
				cx = c;
			}
			break;
		}
		}
		row += h;
	}
	if (cy >= 0)
		wmove(w, cy, cx);
}

/* ---- $EDITOR ---- */

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* The most an edited text may be: far more than any field holds. */
enum { EDIT_MAX = 1 << 20 };

/* The editor's file, when it is still a regular file of a sane size and
 * holds text; else NULL with the reason in run->err. */
static char *read_back(const char *path, ui_editor_run *run)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	strbuf b;
	char buf[8192];
	ssize_t k = 0;
	const char *nul;

	if (fd < 0) {
		snprintf(run->err, sizeof run->err, _("cannot read the editor's file back (%s); the field keeps its old text"),
			 strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		snprintf(run->err, sizeof run->err, "%s",
			 _("the editor left something other than a plain file; the field keeps its old text"));
		return NULL;
	}
	sb_init(&b);
	while (b.len <= EDIT_MAX && ((k = read(fd, buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR)))
		if (k > 0)
			sb_addn(&b, buf, (size_t)k);
	close(fd);
	if (k < 0 || b.len > EDIT_MAX) {
		if (k < 0)
			snprintf(run->err, sizeof run->err, _("cannot read the editor's file back (%s); the field keeps its old text"),
				 strerror(errno));
		else
			snprintf(run->err, sizeof run->err, _("the edited text is larger than %d KiB; the field keeps its old text"),
				 EDIT_MAX >> 10);
		sb_free(&b);
		return NULL;
	}
	if (b.len && (nul = memchr(b.s, '\0', b.len)) != NULL) {
		snprintf(run->err, sizeof run->err,
			 _("the edited text has a NUL byte (at byte %zu), which a field cannot hold; the field keeps its old text"),
			 (size_t)(nul - b.s) + 1);
		sb_free(&b);
		return NULL;
	}
	if (b.len && !text_valid_utf8(b.s, b.len, NULL)) {
		snprintf(run->err, sizeof run->err, "%s",
			 _("the edited text is not UTF-8; save it as UTF-8 in the editor (the field keeps its old text)"));
		sb_free(&b);
		return NULL;
	}
	if (!b.s)
		return xstrdup("");
	return sb_steal(&b);
}

/* Wait for the editor; when *stop is set (a hangup) ask it to end, and
 * after two seconds make it. */
static int wait_editor(pid_t pid, ui_editor_run *run)
{
	int status = 0, waited = 0;
	pid_t r;

	for (;;) {
		r = waitpid(pid, &status, run->stop && *run->stop ? WNOHANG : 0);
		if (r == pid) {
			/* The hangup reached the editor too and ended it. */
			if (run->stop && *run->stop)
				run->interrupted = true;
			return status;
		}
		if (r < 0 && errno != EINTR)
			return -1;
		if (run->stop && *run->stop) {
			struct timespec ts = { 0, 50 * 1000000L };
			if (!run->interrupted)
				kill(pid, SIGTERM);
			else if (++waited == 40)
				kill(pid, SIGKILL);
			run->interrupted = true;
			nanosleep(&ts, NULL);
		}
	}
}

char *ui_edit_external(const char *text, ui_editor_run *run)
{
	const char *editor = getenv("VISUAL");
	char *dir, *path, *out = NULL;
	char why[256];
	int fd, status, lock;
	pid_t pid;

	run->interrupted = false;
	run->err[0] = '\0';
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	if (!(dir = tmp_edit_dir(run->db_path, &lock, why, sizeof why))) {
		snprintf(run->err, sizeof run->err, _("cannot make a private directory for the editor beside the database: %s"), why);
		return NULL;
	}
	path = xasprintf("%s/text.txt", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, text, strlen(text)) < 0 || (text[0] && write_all(fd, "\n", 1) < 0)) {
		snprintf(run->err, sizeof run->err, _("cannot write the editor's file: %s"), strerror(errno));
		goto done;
	}
	close(fd);
	fd = -1;
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0) {
		snprintf(run->err, sizeof run->err, _("cannot start the editor: %s"), strerror(errno));
		goto done;
	}
	status = wait_editor(pid, run);
	/* A hangup: what the editor wrote to its file is kept (in the
	 * draft); its swap file goes with the directory. */
	if (!run->interrupted && (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		snprintf(run->err, sizeof run->err, _("the editor '%s' failed; the text was not changed (set $EDITOR)"), editor);
		goto done;
	}
	if ((out = read_back(path, run)) != NULL) {
		size_t n = strlen(out);
		/* Editors end the file with a newline; the text did not. */
		if (n && out[n - 1] == '\n')
			out[--n] = '\0';
		if (n && out[n - 1] == '\r')
			out[--n] = '\0';
	}
done:
	if (fd >= 0)
		close(fd);
	tmp_remove_tree(dir);
	if (lock >= 0)
		close(lock);
	free(path);
	free(dir);
	return out;
}

void ui_form_focus(ui_form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0) {
			f->cur = i;
			return;
		}
}
