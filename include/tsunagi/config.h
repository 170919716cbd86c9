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
 *	printer = office-laser
 *	phrase.phone = 本人に電話し、体調と生活の様子を確認した。
 *
 * lead.NAME = DAYS sets a lead time (leads.h: certificate, support_level,
 * plan, review, consent, action, transition, billing), 0 to 730 days.
 * billing.category: the 機能強化型 category of the office's fees, none
 * (the default), 1, 2, 3 or 4 (also written Ⅰ-Ⅳ or I-IV); billing.workers:
 * the number of 相談支援専門員 (常勤換算, 0.1 to 99.9, default 1), for the
 * (Ⅱ) rate of the part at 40 cases and above per worker (billing.h).
 * note_style: the fields a progress note's form shows, soap (S, O, A, P)
 * or fact (事実, 解釈; the default), or both; the next step either way.
 * printer: the CUPS queue that --print and P send to when no printer
 * is named; empty or absent: CUPS's default destination.
 * phrase.KIND = TEXT adds a fixed phrase for notes of KIND (phrases.h).
 * record_delay_days: a note written more than this many days after the
 * day it records is late in the caseload figures (stats.h), 0 to 365,
 * default 3.
 * A bad line is reported with its number and ignored; the rest applies.
 *
 * The settings screen (S) rewrites the file with config_save: the lines
 * of the settings it changes get their new values, every other line
 * (comments, bind.*, unknown ones) stays byte for byte.  A file that has
 * an office or a worker line, even an empty one, means the first start's
 * question for the two names was answered or skipped (names_set): it is
 * not asked again.
 */
#ifndef TSUNAGI_CONFIG_H
#define TSUNAGI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/leads.h"
#include "tsunagi/err.h"

typedef struct config_binding {
	char *action;   /* the name after "bind." */
	char *key;      /* as written: "q", "C-x", "F5", "Enter" */
} config_binding;

/* The parts of a note the worker writes (note_style = fact|soap|both). */
typedef enum config_note_style {
	NOTE_STYLE_FACT,        /* 事実 / 解釈 / 次の対応: the default */
	NOTE_STYLE_SOAP,        /* S / O / A / P */
	NOTE_STYLE_BOTH,
} config_note_style;
/* A fixed phrase of the config: phrase.KIND = text (phrases.h). */
typedef struct config_phrase {
	char *kind;     /* a note kind, or "any" */
	char *text;     /* with its line breaks */
} config_phrase;

typedef struct config {
	char *worker;           /* "" when not set */
	char *office;
	char *printer;          /* CUPS queue; "" for CUPS's default */
	int idle_minutes;       /* default 10; 0 turns the privacy screen off */
	config_binding *bindings;
	size_t nbindings;
	config_phrase *phrases; /* phrase.KIND lines, in file order */
	size_t nphrases;
	due_leads leads;        /* the defaults unless set */
	config_note_style note_style; /* which parts a note form shows */
	int billing_category;   /* 0 (none) - CONFIG_CATEGORY_MAX */
	int billing_workers;    /* tenths of a worker: 10 is one (billing and the caseload figures) */
	int record_delay_days;  /* default 3 (STATS_DELAY_DEFAULT) */
	char *warnings;         /* one line per ignored line, "" if none */
	bool names_set;         /* the file has an office or worker line */
} config;

/* A setting to write: key as in the file ("office", "lead.plan"). */
typedef struct config_change {
	const char *key;
	const char *value;
} config_change;

enum { CONFIG_CATEGORY_MAX = 4, CONFIG_WORKERS_TENTHS_MAX = 999 };
/* billing.category: "none", "1" .. "4" (also "Ⅰ".."Ⅳ", "I".."IV"); -1
 * when not one of them. */
int config_category_parse(const char *s);
/* billing.workers: "1", "1.5": tenths of a worker (10, 15); -1 when bad
 * or not from 0.1 to 99.9. */
int config_workers_parse(const char *s);

void config_defaults(config *c);
void config_free(config *c);
/* Parse text (the whole file) into c, which holds the defaults. */
void config_parse(config *c, const char *text, size_t len);
/* Load the user's file; a missing file is not an error. */
int config_load(config *c, tsu_err *e);
/* The file's path (caller frees), NULL when there is no home. */
char *config_path(void);

/* Why name is not a CUPS queue name (translated), or NULL when it is:
 * 1 to 127 bytes of printable characters other than space, '/', '\\',
 * '#' and quotes (lpadmin's rule), not starting with '-'. */
const char *config_bad_printer(const char *name);

/* Is value good for key (worker, office, printer, idle_minutes, lead.NAME)?
 * TSU_EINVAL with one line naming the key when not. */
int config_check(const char *key, const char *value, tsu_err *e);
/* The file's text with the changes: each line setting a changed key
 * says "key = value" (all of them when the key is there twice), other
 * lines are kept as they are, keys not yet there are added at the end.
 * Caller frees; *out_len is its length (a NUL byte in a line is kept). */
char *config_rewrite(const char *text, size_t len, const config_change *ch, size_t n, size_t *out_len);
/* Check every change (nothing is written when one is bad), then write
 * the rewritten file at path atomically: a 0600 temporary file in the
 * same directory (made 0700 when missing), fsync, rename.  A symbolic
 * link's target is rewritten. */
int config_save(const char *path, const config_change *ch, size_t n, tsu_err *e);

#endif
