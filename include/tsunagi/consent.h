/*
 * consent.h - whether a client's consent to share information (同意書,
 * `consent`) covers handing a document to a party on a given day.
 *
 * Our decision (no ministry text fixes how a consent names its parties;
 * the 指定基準 require the consent in writing before information is given
 * to others, not a matching rule):
 *   - in force: valid_from <= day <= valid_to, and not withdrawn on or
 *     before the day (withdrawn_on is the first day it no longer holds);
 *   - covers the party: shared_with lists parties separated by 、 ， , ・
 *     ／ / ; ； or line breaks; a listed party of at least two characters
 *     covers the party named when, folded (text_fold: width, kana, case)
 *     and without spaces, the name given contains it: "○○病院" covers
 *     "○○病院" and "○○病院 地域連携室"; a category ("医療機関") covers
 *     only a party named that way, never "○○病院" - naming the category
 *     to print anyway is the worker's call, and it is recorded.
 *   - purpose is not matched: it says why, not with whom; it is shown.
 */
#ifndef TSUNAGI_CONSENT_H
#define TSUNAGI_CONSENT_H

#include <stdbool.h>
#include <stddef.h>

#include "tsunagi/records.h"

bool consent_in_force(const consent *c, date_t day);
/* True when shared_with names party (the rule above). */
bool consent_names_party(const char *shared_with, const char *party);
/* The first of v[0..n) in force on day that names party, or NULL. */
const consent *consent_covering(const consent *v, size_t n, const char *party, date_t day);

#endif
