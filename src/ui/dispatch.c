/*
 * dispatch.c - what a key does once the loop (app.c) has it: the
 * status line's message, the yes/no question over the screen (its keys
 * are UK_CONFIRM actions), the screens' data (contexts, hints, a list
 * screen's list), and the one place where an action's needs
 * (UI_ACTIONS) are checked before the screen's handler sees it.
 * Nothing here draws, so it is unit-tested without a terminal.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "tsunagi/i18n.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

/* ---- messages and the question ---- */

static void set_message(ui_app *app, bool error, const char *fmt, va_list ap)
{
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	app->msg_error = error;
	app->status_dirty = true;
}

void ui_message(ui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(app, false, fmt, ap);
	va_end(ap);
}

void ui_error(ui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(app, true, fmt, ap);
	va_end(ap);
	beep();
}

void ui_confirm(ui_app *app, const char *text, ui_confirm_fn fn, void *arg)
{
	free(app->confirm_text);
	app->confirm_text = xstrdup(text);
	app->confirm_fn = fn;
	app->confirm_arg = arg;
}

static void answer_confirm(ui_app *app, bool yes)
{
	ui_confirm_fn fn = app->confirm_fn;
	void *arg = app->confirm_arg;

	x_free(&app->confirm_text);
	app->confirm_fn = NULL;
	app->confirm_arg = NULL;
	/* The box covered parts of the screen, halves of wide characters
	 * too: the terminal then blanks the other half, which curses does
	 * not know, so the whole screen is sent again (as C-l does). */
	clearok(curscr, TRUE);
	app->redraw_all = true;
	if (fn)
		fn(app, arg, yes);
}

bool ui_confirm_key(ui_app *app, ui_key k)
{
	static const ui_context confirm_ctx[] = { UK_CONFIRM };
	ui_action a;

	if (!app->confirm_text)
		return false;
	a = ui_keys_lookup(&app->keys, confirm_ctx, 1, k);
	if (a == UA_YES || a == UA_NO)
		answer_confirm(app, a == UA_YES);
	return true;
}

/* ---- the screens' data ---- */

void ui_screen_contexts(ui_screen *s, const ui_context **ctx, size_t *n)
{
	if (s->ops->contexts) {
		s->ops->contexts(s, ctx, n);
		return;
	}
	*ctx = s->ops->ctx;
	*n = s->ops->nctx;
}

const ui_hint *ui_screen_hints(ui_screen *s)
{
	return s->ops->hints ? s->ops->hints(s) : s->ops->hint_list;
}

ui_list *ui_screen_list(ui_screen *s)
{
	return s->ops->list_used > 0 ? (ui_list *)((char *)s->st + s->ops->list_at) : NULL;
}

int ui_screen_list_rows(const ui_app *app, const ui_screen *s)
{
	return ui_list_rows(app, s->ops->list_used);
}

void ui_list_screen_resize(ui_app *app, ui_screen *s)
{
	ui_list *l = ui_screen_list(s);

	if (l)
		ui_list_resize(l, ui_screen_list_rows(app, s));
	s->dirty |= UI_D_BODY;
}

unsigned ui_screen_has(ui_app *app, ui_screen *s)
{
	unsigned have = ~0u & ~(unsigned)UI_NEED_CLIENT;
	ui_list *l;

	if (s->ops->has)
		have = s->ops->has(app, s) & ~(unsigned)UI_NEED_CLIENT;
	else if ((l = ui_screen_list(s)))
		have &= ui_list_has(l);
	if (s->ops->client && s->ops->client(s))
		have |= UI_NEED_CLIENT;
	return have;
}

ui_action ui_screen_action(ui_app *app, ui_screen *s, ui_key k)
{
	const ui_context *ctx;
	size_t nctx;

	if (s->ops->typing && ui_key_is_text(k))
		return UA_NONE;
	ui_screen_contexts(s, &ctx, &nctx);
	return ui_keys_lookup(&app->keys, ctx, nctx, k);
}

bool ui_dispatch(ui_app *app, ui_screen *s, ui_action a, ui_key k)
{
	unsigned unmet = ui_action_unmet(&app->keys, a, ui_screen_has(app, s));

	if (unmet) {
		const char *why = s->ops->refusal ? s->ops->refusal(s, a, unmet) : NULL;
		bool error;
		const char *own = ui_need_message(unmet, &error);

		if (!why)
			why = own;
		if (error)
			ui_error(app, "%s", why);
		else
			ui_message(app, "%s", why);
		return true;
	}
	return s->ops->key(app, s, a, k);
}
