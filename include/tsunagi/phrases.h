/*
 * phrases.h - fixed phrases and templates (定型文) for progress notes, by
 * note kind (issue 16, item 11).  The worker keeps them in the config
 * file, several lines per kind:
 *
 *	phrase.phone = 本人に電話し、体調と生活の様子を確認した。
 *	phrase.visit = 様子: \n服薬: \n次回:
 *	phrase.any = 特に変わりなし。
 *
 * KIND is a note kind (meeting visit phone conference accompany) or any
 * (offered for every kind); "\n" in the text is a line break (a template),
 * "\\" a backslash.  A kind with phrase lines in the config shows only
 * those; a kind without any shows the built-in ones below, which are the
 * project's own suggestions (no public source lists such phrases).  In a
 * note's form F3 or C-t opens them and Enter inserts one at the cursor.
 */
#ifndef TSUNAGI_PHRASES_H
#define TSUNAGI_PHRASES_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/config.h"

/* The kinds of a progress note, as stored (note.kind); the store's
 * store_note_kinds is this list. */
extern const char *const note_kind_names[];   /* meeting visit phone conference accompany */

/* Built-in phrases the demo's notes are also written from. */
#define PHRASE_VISIT "自宅訪問。"
#define PHRASE_PHONE_MOTHER "母より電話。"
#define PHRASE_ACCOMPANY_CLINIC "通院に同行。"
#define PHRASE_CONFERENCE "サービス担当者会議を開催。"
#define PHRASE_CONFERENCE_SHARED "各事業所の状況を共有。"

/* Most phrases one kind offers (its own and the any ones). */
enum { PHRASES_MAX = 64, PHRASE_TEXT_MAX = 500 };

/* Whether kind can be written after "phrase." (a note kind or any). */
bool phrase_kind_known(const char *kind);

/*
 * The phrases a note of kind offers, in order: the config's phrase.KIND
 * lines, or the built-in ones for kind when there are none; then the
 * phrase.any lines, or the built-in any ones.  Fills out (pointers into
 * c or the built-in table) and returns how many, at most max.
 */
size_t phrases_for(const config *c, const char *kind, const char **out, size_t max);

/* The value of a phrase line with "\n" and "\\" turned into a line break
 * and a backslash (caller frees). */
char *phrase_unescape(const char *value);

#endif
