/*
 * store.h - what every store module shares: where the database lives,
 * field validation with messages a person can act on, and the names of
 * the enumerations the schema keeps as text.
 */
#ifndef TSUNAGI_STORE_H
#define TSUNAGI_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/date.h"
#include "tsunagi/err.h"
#include "tsunagi/phrases.h"
#include "tsunagi/text.h"

/*
 * The database path: explicit (from --db) if given, else $TSUNAGI_DB,
 * else $XDG_DATA_HOME/tsunagi/tsunagi.db with XDG_DATA_HOME defaulting
 * to ~/.local/share (a relative XDG_DATA_HOME is ignored, as the XDG
 * spec says).  Caller frees.  NULL with a message when no home is known.
 */
char *store_db_path(const char *explicit_path, tsu_err *e);

/* Limits on stored text, in characters. */
enum {
	STORE_NAME_MAX = TEXT_NAME_MAX, /* names and kana */
	STORE_SHORT_MAX = 300,     /* one-line fields: address, phone, provider */
	STORE_TEXT_MAX = 20000,    /* multi-line fields: notes, wishes, facts */
};

/*
 * Check a text value before it is stored: valid UTF-8, no NUL, at most
 * max characters; required fields must not be blank.  The message names
 * the field by its label, e.g. "name: 312 characters is too long (at
 * most 100); shorten it".  NULL counts as empty.
 */
int store_check_text(const char *label, const char *value, size_t max,
		     bool required, tsu_err *e);

/* Enumerations kept as text in the schema; each returns the index or -1. */
extern const char *const store_case_kinds[];       /* plan child transition retention */
extern const char *const store_cert_kinds[];       /* service day_service community support_level */
#define store_note_kinds note_kind_names               /* phrases.h: meeting visit phone ... */
extern const char *const store_contact_roles[];    /* family guardian doctor ... other */
extern const char *const store_sexes[];            /* "" female male other */
/* Why a case was closed (終結).  The project's list of the usual ends of
 * planning support (moved away, died, support no longer needed, taken
 * over by another office, the client's wish); no ministry list was found
 * to follow. */
extern const char *const store_close_reasons[];    /* moved died ended transferred wish other */
int store_enum_index(const char *const *names, const char *value);
/* The names joined with ", " for messages (static buffer per table). */
const char *store_enum_list(const char *const *names);
/* The translated label of an enumeration value for display. */
const char *store_enum_label(const char *value);

#endif
