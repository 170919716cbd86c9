/*
 * loader.c - the store's bulk loaders' shared pieces (loader.h).
 */
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "tsunagi/xalloc.h"

void *vec_push(vec *a)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 32;
		a->v = xrealloc(a->v, a->cap * a->size);
	}
	return memset((char *)a->v + a->n++ * a->size, 0, a->size);
}

const char *vec_keep(vec *strings, db_stmt *st, int col)
{
	char **slot = vec_push(strings);

	*slot = db_col_strdup(st, col);
	return *slot;
}

int load_finish(db *d, db_stmt *st, int rc, const char *what, tsu_err *e)
{
	db_reset(st);
	return rc < 0 ? db_error(d, e, what) : TSU_OK;
}

void load_plan_schedule(db_stmt *st, int col, due_plan *p)
{
	const char *stage = db_col_text(st, col);

	p->stage = strcmp(stage, "final") == 0 ? DUE_STAGE_FINAL
		 : strcmp(stage, "superseded") == 0 ? DUE_STAGE_SUPERSEDED : DUE_STAGE_DRAFT;
	p->period_from = db_col_date(st, col + 1);
	p->period_to = db_col_date(st, col + 2);
	p->anchor = db_col_month(st, col + 3);
	if (p->anchor < 0 && p->period_from != DATE_NONE)
		p->anchor = date_month(p->period_from);
	p->months = db_col_int(st, col + 4);
}
