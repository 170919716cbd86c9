/*
 * screen_prompt.c - a short question of a few fields over the screen
 * that asked it (the consent date of a plan, a new monitoring interval,
 * a search): the generic form widget, F2 (or Enter on the last field)
 * answers, Esc leaves.  What the answer means is the caller's: its
 * function gets the form and says whether the prompt may close.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

typedef struct prompt_state {
	ui_form form;
	char *title;
	char *foot;
	ui_prompt_fn fn;
	void *arg;
	ui_prompt_cancel_fn cancel;
} prompt_state;

static void contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	prompt_state *p = s->st;
	ui_form_contexts(&p->form, ctx, n);
}

static void draw(ui_app *app, ui_screen *s)
{
	prompt_state *p = s->st;

	for (int y = app->body_y; y < app->body_y + app->body_h; y++)
		ui_put_raw(stdscr, y, 0, app->cols, "", true);
	wattron(stdscr, A_BOLD);
	ui_put_raw(stdscr, app->body_y, 0, app->cols, p->title, true);
	wattroff(stdscr, A_BOLD);
	ui_put_raw(stdscr, app->body_y + app->body_h - 1, 0, app->cols, p->foot ? p->foot : "", true);
	ui_form_draw(&p->form, stdscr, app->body_y + 2, 0, app->body_h - 3, app->cols);
}

static bool key(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	prompt_state *p = s->st;
	bool last = p->form.cur + 1 >= p->form.n;

	if (a == UA_SAVE || (a == UA_FIELD_ENTER && last && p->form.n)) {
		if (p->fn(app, p->arg, &p->form))
			ui_pop(app);
		else
			s->dirty |= UI_D_BODY;
		return true;
	}
	if (a == UA_CANCEL) {
		ui_prompt_cancel_fn cancel = p->cancel;
		void *arg = p->arg;
		ui_pop(app);
		if (cancel)
			cancel(app, arg);
		return true;
	}
	if (a == UA_FORM_HELP)
		return false;
	if (ui_form_key(&p->form, a, k))
		s->dirty |= UI_D_BODY;
	return true;
}

static bool cursor(ui_screen *s)
{
	return true;
}

static void close_prompt(ui_app *app, ui_screen *s)
{
	prompt_state *p = s->st;
	ui_form_free(&p->form);
	free(p->title);
	free(p->foot);
	free(p);
}

static const ui_screen_ops prompt_ops = {
	.name = N_("Question"),
	.contexts = contexts,
	UI_HINTS({ UA_SAVE, N_("OK") }, { UA_CANCEL, N_("cancel") },
		 { UA_FIELD_NEXT, N_("next field") }),
	.draw = draw,
	.key = key,
	.close = close_prompt,
	.cursor = cursor,
};

ui_screen ui_prompt_screen(ui_app *app, const char *title, const char *foot,
			   const ui_prompt_field *fields, size_t n, ui_prompt_fn fn, void *arg)
{
	prompt_state *p = xcalloc(1, sizeof *p);
	ui_screen s = { &prompt_ops, p, UI_D_BODY };

	ui_form_init(&p->form);
	p->title = xstrdup(title);
	p->foot = foot ? xstrdup(foot) : NULL;
	p->fn = fn;
	p->arg = arg;
	for (size_t i = 0; i < n; i++) {
		ui_field *fd = ui_form_add(&p->form, fields[i].name, fields[i].label, fields[i].kind,
					   fields[i].max ? fields[i].max : 200);
		if (fields[i].choices)
			ui_field_set_choices(fd, fields[i].choices, fields[i].choice_labels);
		if (fields[i].value)
			ui_field_set(fd, fields[i].value);
	}
	p->form.changed = false;
	return s;
}

void ui_prompt_on_cancel(ui_screen *s, ui_prompt_cancel_fn fn)
{
	((prompt_state *)s->st)->cancel = fn;
}
