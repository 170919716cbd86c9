/*
 * config.h - the user's settings, from $XDG_CONFIG_HOME/tsunagi/config
 * (default ~/.config/tsunagi/config):
 *
 *	# comments and blank lines are ignored
 *	worker = 山田 花子
 *	office = つなぎ相談支援センター
 *	idle_minutes = 10
 *	bind.quit = q
 *	lead.certificate = 90
 *	note_style = fact
 *
 * lead.NAME = DAYS sets a lead time (due.h: certificate, support_level,
 * plan, review, consent, action, transition, billing), 0 to 730 days.
 * note_style: the fields a progress note's form shows, soap (S, O, A, P)
 * or fact (事実, 解釈; the default), or both; the next step either way.
 * A bad line is reported with its number and ignored; the rest applies.
 */
#ifndef TSUNAGI_CONFIG_H
#define TSUNAGI_CONFIG_H

#include <stddef.h>

#include "tsunagi/due.h"
#include "tsunagi/err.h"

typedef struct config_binding {
	char *action;   /* the name after "bind." */
	char *key;      /* as written: "q", "C-x", "F5", "Enter" */
} config_binding;

typedef struct config {
	char *worker;           /* "" when not set */
	char *office;
	int idle_minutes;       /* default 10; 0 turns the privacy screen off */
	config_binding *bindings;
	size_t nbindings;
	due_leads leads;        /* the defaults unless set */
	unsigned note_hide;     /* FF_STYLE_* of the note style not chosen; 0: both shown */
	char *warnings;         /* one line per ignored line, "" if none */
} config;

void config_defaults(config *c);
void config_free(config *c);
/* Parse text (the whole file) into c, which holds the defaults. */
void config_parse(config *c, const char *text, size_t len);
/* Load the user's file; a missing file is not an error. */
int config_load(config *c, tsu_err *e);
/* The file's path (caller frees), NULL when there is no home. */
char *config_path(void);

#endif
