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

void load_interval(db_stmt *st, int col, vec *owners, vec *intervals)
{
	month_t from = db_col_month(st, col + 1);
	due_interval *iv;

	if (from < 0)
		return;
	*(int64_t *)vec_push(owners) = db_col_int64(st, col);
	iv = vec_push(intervals);
	iv->from = from;
	iv->months = db_col_int(st, col + 2);
}

void load_link_intervals(void *plans, size_t n, size_t stride, size_t offset,
			 const vec *owners, const vec *intervals)
{
	const int64_t *owner = owners->v;

	for (size_t i = 0; i < n; i++) {
		due_plan *p = (due_plan *)((char *)plans + i * stride + offset);
		size_t lo = 0, hi = owners->n;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (owner[mid] < p->id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < owners->n && owner[lo] == p->id) {
			p->intervals = (due_interval *)intervals->v + lo;
			p->nintervals = 0;
			while (lo < owners->n && owner[lo] == p->id) {
				p->nintervals++;
				lo++;
			}
		}
	}
}
