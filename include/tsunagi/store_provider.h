/*
 * store_provider.h - the office's provider register (事業所): one record
 * per service provider, which plan rows link to (plan_row.provider_id),
 * so its name, contact person and phone are typed once and every print
 * shows them as they are now.
 */
#ifndef TSUNAGI_STORE_PROVIDER_H
#define TSUNAGI_STORE_PROVIDER_H

#include "tsunagi/records.h"

/* The register's list SQL has no parent: list it with parent id 0. */
#define STORE_PROVIDERS 0

/* Guard of rt_service_provider: a provider a plan row links to is not deleted;
 * the refusal says which plan and client, and how many rows. */
int store_provider_guard(db *db, const record_type *rt, const void *rec, int64_t id, tsu_err *e);

/* Guard of rt_plan_row: a consented plan's rows are read-only
 * (store_plan_child_guard) and a link names a provider of the register. */
int store_plan_row_guard(db *db, const record_type *rt, const void *rec, int64_t id, tsu_err *e);

/*
 * What the plan's 提供事業者名（担当者名・電話） column shows for a row:
 * the linked provider's name, then "（contact person・phone）" on a
 * second line as far as they are known; the row's own text when it links
 * to none (or the provider is gone).  Caller frees.  The column and what
 * it holds are the model form's (FORMS.md, the needs table); how the
 * three go into the one cell (name, then the rest in the heading's own
 * brackets) is our layout: no ministry text fixing it was found.
 */
char *store_provider_cell(db *db, const plan_row *r);

/* The provider's one-line label for lists and pickers: "name (phone)". */
char *store_provider_line(const service_provider *p);

#endif
