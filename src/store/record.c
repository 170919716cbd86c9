/*
 * record.c - the generic implementation behind record_type: one place
 * that validates, binds, reads and versions every described table.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tsunagi/i18n.h"
#include "tsunagi/record.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/icf.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

char **field_text(const field *f, void *rec) { return (char **)((char *)rec + f->off); }
date_t *field_date(const field *f, void *rec) { return (date_t *)((char *)rec + f->off); }
int *field_int(const field *f, void *rec) { return (int *)((char *)rec + f->off); }
bool *field_bool(const field *f, void *rec) { return (bool *)((char *)rec + f->off); }
int64_t *field_id(const field *f, void *rec) { return (int64_t *)((char *)rec + f->off); }
month_t *field_month(const field *f, void *rec) { return (month_t *)((char *)rec + f->off); }

#define CFIELD(type, f, rec) ((type)((const char *)(rec) + (f)->off))

const field *record_field(const record_type *rt, const char *col)
{
	for (size_t i = 0; i < rt->nfields; i++)
		if (strcmp(rt->fields[i].col, col) == 0)
			return &rt->fields[i];
	return NULL;
}

void record_init(const record_type *rt, void *rec)
{
	memset(rec, 0, rt->size);
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		switch (f->type) {
		case FT_TEXT:
			*field_text(f, rec) = xstrdup("");
			break;
		case FT_CHOICE:
			*field_text(f, rec) = xstrdup(f->dflt ? f->dflt : f->choices[0]);
			break;
		case FT_DATE:
			*field_date(f, rec) = DATE_NONE;
			break;
		case FT_MONTH:
			*field_month(f, rec) = -1;
			break;
		case FT_INT:
			*field_int(f, rec) = (f->flags & FF_NULLABLE) ? FIELD_INT_NULL : f->min;
			break;
		case FT_BOOL:
		case FT_ID:
			break;
		}
	}
}

void record_free(const record_type *rt, void *rec)
{
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		if (f->type == FT_TEXT || f->type == FT_CHOICE)
			x_free(field_text(f, rec));
	}
}

void record_free_list(const record_type *rt, void *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		record_free(rt, (char *)v + i * rt->size);
	free(v);
}

void record_copy(const record_type *rt, void *dst, const void *src)
{
	memcpy(dst, src, rt->size);
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		if (f->type == FT_TEXT || f->type == FT_CHOICE)
			*field_text(f, dst) = xstrdup(*CFIELD(char *const *, f, src));
	}
}

static int parse_int(const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end != s && *end == '\0';
}

/* A whole number as the field's form writes it: "9,300円" for an amount,
 * "区分3" or "非該当" for a support level, full-width digits anywhere. */
static int parse_field_int(const field *f, const char *s, long *out)
{
	if (parse_int(s, out))
		return 1;
	if ((f->flags & FF_LEVEL) && !strcmp(s, "非該当")) {
		*out = 0;
		return 1;
	}
	return text_parse_number(s, f->flags & FF_LEVEL ? "区分" : NULL,
				 f->flags & FF_YEN ? "円" : NULL, out);
}

/* An ICF code, kept in lower case; the record's component follows it, so
 * typing d450 is enough.  A code the ICF does not have is refused with
 * the nearest listed ones. */
static int set_icf_code(const record_type *rt, void *rec, const field *f, const char *label,
			const char *t, tsu_err *e)
{
	const icf_entry *near[4];
	const field *comp = record_field(rt, "component");
	char *code = xstrdup(t);

	for (char *p = code; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!icf_code_valid(code, near)) {
		strbuf b;
		sb_init(&b);
		for (size_t i = 0; near[i]; i++)
			sb_addf(&b, "%s%s", i ? ", " : "", near[i]->code);
		err_set(e, TSU_EINVAL, _("%s: '%s' is not an ICF code; the nearest listed are %s (i in the assessment picks one)"),
			label, t, b.len ? b.s : "-");
		sb_free(&b);
		free(code);
		return TSU_EINVAL;
	}
	free(*field_text(f, rec));
	*field_text(f, rec) = code;
	if (comp && comp->type == FT_CHOICE) {
		free(*field_text(comp, rec));
		*field_text(comp, rec) = xstrdup(icf_component_of(code));
	}
	return TSU_OK;
}

int record_set(const record_type *rt, void *rec, const field *f, const char *text, tsu_err *e)
{
	const char *label = _(f->label);
	char *t = text_trim(text ? text : "");
	int rc = TSU_OK;

	switch (f->type) {
	case FT_TEXT:
		if ((f->flags & FF_TIME) && *t) {
			/* A time is kept in one form, however it was typed. */
			char hhmm[TIME_LEN];
			int min;
			tsu_err te;
			if (time_parse(t, &min, &te) != TSU_OK) {
				rc = err_set(e, TSU_EINVAL, "%s: %s", label, te.msg);
				break;
			}
			time_format(min, hhmm);
			free(*field_text(f, rec));
			*field_text(f, rec) = xstrdup(hhmm);
			break;
		}
		if ((f->flags & FF_ICF) && *t) {
			rc = set_icf_code(rt, rec, f, label, t, e);
			break;
		}
		/* Text is stored as typed (only checked). */
		if (store_check_text(label, text, f->max, false, e) != TSU_OK) {
			rc = TSU_EINVAL;
			break;
		}
		free(*field_text(f, rec));
		*field_text(f, rec) = xstrdup(text ? text : "");
		break;
	case FT_CHOICE:
		if (store_enum_index(f->choices, t) < 0) {
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not one of %s"), label, t, store_enum_list(f->choices));
			break;
		}
		free(*field_text(f, rec));
		*field_text(f, rec) = xstrdup(t);
		break;
	case FT_DATE: {
		date_t d = DATE_NONE;
		tsu_err de;
		if (*t && date_parse(t, &d, &de) != TSU_OK) {
			rc = err_set(e, TSU_EINVAL, "%s: %s", label, de.msg);
			break;
		}
		*field_date(f, rec) = d;
		break;
	}
	case FT_MONTH: {
		month_t m = -1;
		tsu_err me;
		if (*t && month_parse(t, &m, &me) != TSU_OK) {
			rc = err_set(e, TSU_EINVAL, "%s: %s", label, me.msg);
			break;
		}
		*field_month(f, rec) = m;
		break;
	}
	case FT_INT: {
		long v;
		if (!*t && (f->flags & FF_NULLABLE)) {
			*field_int(f, rec) = FIELD_INT_NULL;
			break;
		}
		if (!parse_field_int(f, t, &v) || v < f->min || v > f->max_int) {
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not a whole number from %d to %d"), label, t, f->min, f->max_int);
			break;
		}
		*field_int(f, rec) = (int)v;
		break;
	}
	case FT_BOOL:
		if (!strcmp(t, "1") || !strcasecmp(t, "yes") || !strcasecmp(t, "y") || !strcmp(t, "有") || !strcmp(t, "はい"))
			*field_bool(f, rec) = true;
		else if (!*t || !strcmp(t, "0") || !strcasecmp(t, "no") || !strcasecmp(t, "n") || !strcmp(t, "無") || !strcmp(t, "いいえ"))
			*field_bool(f, rec) = false;
		else
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not yes or no"), label, t);
		break;
	case FT_ID: {
		long v;
		if (!*t) {
			*field_id(f, rec) = 0;
			break;
		}
		if (!parse_int(t, &v) || v <= 0) {
			rc = err_set(e, TSU_EINVAL, _("%s: '%s' is not a record number"), label, t);
			break;
		}
		*field_id(f, rec) = v;
		break;
	}
	}
	free(t);
	return rc;
}

char *record_get(const field *f, const void *rec)
{
	char buf[DATE_ISO_LEN];

	switch (f->type) {
	case FT_TEXT:
	case FT_CHOICE:
		return xstrdup(*CFIELD(char *const *, f, rec));
	case FT_DATE:
		date_format_iso(*CFIELD(const date_t *, f, rec), buf);
		return xstrdup(buf);
	case FT_MONTH:
		month_format_iso(*CFIELD(const month_t *, f, rec), buf);
		return xstrdup(buf);
	case FT_INT: {
		int v = *CFIELD(const int *, f, rec);
		return v == FIELD_INT_NULL ? xstrdup("") : xasprintf("%d", v);
	}
	case FT_BOOL:
		return xstrdup(*CFIELD(const bool *, f, rec) ? "yes" : "no");
	case FT_ID: {
		int64_t v = *CFIELD(const int64_t *, f, rec);
		return v ? xasprintf("%lld", (long long)v) : xstrdup("");
	}
	}
	return xstrdup("");
}

int record_validate(const record_type *rt, const void *rec, tsu_err *e)
{
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		const char *label = _(f->label);
		bool req = f->flags & FF_REQUIRED;

		switch (f->type) {
		case FT_TEXT:
			if (store_check_text(label, *CFIELD(char *const *, f, rec), f->max, req, e) != TSU_OK)
				return TSU_EINVAL;
			break;
		case FT_CHOICE:
			if (store_enum_index(f->choices, *CFIELD(char *const *, f, rec)) < 0)
				return err_set(e, TSU_EINVAL, _("%s: must be one of %s"), label, store_enum_list(f->choices));
			break;
		case FT_DATE:
			if (req && *CFIELD(const date_t *, f, rec) == DATE_NONE)
				return err_set(e, TSU_EINVAL, _("%s: a date is needed (like 2025-04-01 or R7.4.1)"), label);
			break;
		case FT_MONTH:
			if (req && *CFIELD(const month_t *, f, rec) < 0)
				return err_set(e, TSU_EINVAL, _("%s: a month is needed (like 2025-04)"), label);
			break;
		case FT_INT: {
			int v = *CFIELD(const int *, f, rec);
			if (v == FIELD_INT_NULL && (f->flags & FF_NULLABLE))
				break;
			if (v < f->min || v > f->max_int)
				return err_set(e, TSU_EINVAL, _("%s: %d is not from %d to %d"), label, v, f->min, f->max_int);
			break;
		}
		case FT_ID:
			if (req && *CFIELD(const int64_t *, f, rec) <= 0)
				return err_set(e, TSU_EINVAL, _("%s: missing"), label);
			break;
		case FT_BOOL:
			break;
		}
	}
	return rt->check ? rt->check(rec, e) : TSU_OK;
}

static void bind_fields(db_stmt *s, const record_type *rt, const void *rec)
{
	char name[64];

	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		snprintf(name, sizeof name, ":%s", f->col);
		switch (f->type) {
		case FT_TEXT:
		case FT_CHOICE:
			db_bind_text(s, name, *CFIELD(char *const *, f, rec));
			break;
		case FT_DATE:
			db_bind_date(s, name, *CFIELD(const date_t *, f, rec));
			break;
		case FT_MONTH:
			db_bind_month(s, name, *CFIELD(const month_t *, f, rec));
			break;
		case FT_INT: {
			int v = *CFIELD(const int *, f, rec);
			if (v == FIELD_INT_NULL)
				db_bind_null(s, name);
			else
				db_bind_int(s, name, v);
			break;
		}
		case FT_BOOL:
			db_bind_int(s, name, *CFIELD(const bool *, f, rec) ? 1 : 0);
			break;
		case FT_ID: {
			int64_t v = *CFIELD(const int64_t *, f, rec);
			if (v)
				db_bind_int64(s, name, v);
			else
				db_bind_null(s, name);
			break;
		}
		}
	}
}

static void read_fields(db_stmt *s, const record_type *rt, void *rec)
{
	REC_ID(rec) = db_col_int64(s, 0);
	REC_VERSION(rec) = db_col_int64(s, 1);
	for (size_t i = 0; i < rt->nfields; i++) {
		const field *f = &rt->fields[i];
		int c = (int)i + 2;
		switch (f->type) {
		case FT_TEXT:
		case FT_CHOICE:
			*field_text(f, rec) = db_col_strdup(s, c);
			break;
		case FT_DATE:
			*field_date(f, rec) = db_col_date(s, c);
			break;
		case FT_MONTH:
			*field_month(f, rec) = db_col_month(s, c);
			break;
		case FT_INT:
			*field_int(f, rec) = db_col_null(s, c) ? FIELD_INT_NULL : db_col_int(s, c);
			break;
		case FT_BOOL:
			*field_bool(f, rec) = db_col_int(s, c) != 0;
			break;
		case FT_ID:
			*field_id(f, rec) = db_col_null(s, c) ? 0 : db_col_int64(s, c);
			break;
		}
	}
}

/* A new progress note is dated the day it is written (note.written_on,
 * migration 0025; the record-delay figure of stats.h): the program's
 * today, which TSUNAGI_TODAY and --today fix. */
int store_note_set_written(db *d, int64_t id, date_t on, tsu_err *e)
{
	db_stmt *s = db_prepare(d, "UPDATE note SET written_on = :on WHERE id = :id");

	db_bind_date(s, ":on", on);
	db_bind_int64(s, ":id", id);
	return db_exec(s, e);
}

static int note_written(db *d, const record_type *rt, int64_t id, tsu_err *e)
{
	date_t today;

	if (strcmp(rt->table, "note") != 0)
		return TSU_OK;
	if (date_today(&today, e) != TSU_OK)
		return e ? e->code : TSU_EINVAL;
	return store_note_set_written(d, id, today, e);
}

int store_record_add(db *d, const record_type *rt, void *rec, tsu_err *e)
{
	db_stmt *s;

	if (record_validate(rt, rec, e) != TSU_OK)
		return TSU_EINVAL;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (rt->guard && rt->guard(d, rt, rec, 0, e) != TSU_OK)
		goto fail;
	s = db_prepare(d, rt->sql_insert);
	bind_fields(s, rt, rec);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	REC_ID(rec) = db_last_insert_id(d);
	REC_VERSION(rec) = 1;
	if (db_audit(d, rt->table, REC_ID(rec), "insert", e) != TSU_OK ||
	    note_written(d, rt, REC_ID(rec), e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK) {
		REC_ID(rec) = 0;
		return e ? e->code : TSU_EIO;
	}
	return TSU_OK;
fail:
	db_rollback(d);
	REC_ID(rec) = 0;
	return e ? e->code : TSU_EFAIL;
}

int store_record_get(db *d, const record_type *rt, int64_t id, void *rec, tsu_err *e)
{
	db_stmt *s = db_prepare(d, rt->sql_select);
	int rc;

	db_bind_int64(s, ":id", id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		memset(rec, 0, rt->size);
		read_fields(s, rt, rec);
		db_reset(s);
		return TSU_OK;
	}
	db_reset(s);
	record_init(rt, rec);
	if (rc < 0)
		return db_error(d, e, _("reading"));
	return err_set(e, TSU_ENOTFOUND, _("no %s with id %lld"), _(rt->label), (long long)id);
}

int store_record_update(db *d, const record_type *rt, void *rec, tsu_err *e)
{
	db_stmt *s;

	if (record_validate(rt, rec, e) != TSU_OK)
		return TSU_EINVAL;
	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (rt->guard && rt->guard(d, rt, rec, REC_ID(rec), e) != TSU_OK)
		goto fail;
	s = db_prepare(d, rt->sql_update);
	bind_fields(s, rt, rec);
	db_bind_int64(s, ":id", REC_ID(rec));
	db_bind_int64(s, ":version", REC_VERSION(rec));
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_check_updated(d, rt->sql_select, REC_ID(rec), e) != TSU_OK)
		goto fail;
	if (db_audit(d, rt->table, REC_ID(rec), "update", e) != TSU_OK)
		goto fail;
	if (db_commit(d, e) != TSU_OK)
		return e ? e->code : TSU_EIO;
	REC_VERSION(rec)++;
	return TSU_OK;
fail:
	db_rollback(d);
	return e ? e->code : TSU_EFAIL;
}

int store_record_delete(db *d, const record_type *rt, int64_t id, tsu_err *e)
{
	db_stmt *s;

	if (db_begin(d, e) != TSU_OK)
		return TSU_EIO;
	if (rt->guard && rt->guard(d, rt, NULL, id, e) != TSU_OK)
		goto fail;
	s = db_prepare(d, rt->sql_delete);
	db_bind_int64(s, ":id", id);
	if (db_exec(s, e) != TSU_OK)
		goto fail;
	if (db_changes(d) == 0) {
		err_set(e, TSU_ENOTFOUND, _("no %s with id %lld"), _(rt->label), (long long)id);
		goto fail;
	}
	if (db_audit(d, rt->table, id, "delete", e) != TSU_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return e ? e->code : TSU_EFAIL;
}

int store_record_list(db *d, const record_type *rt, int64_t parent_id,
		      void **out, size_t *n, tsu_err *e)
{
	db_stmt *s = db_prepare(d, rt->sql_list);
	size_t cap = 8, len = 0;
	char *v = xmalloc(cap * rt->size);
	int rc;

	db_bind_int64(s, ":parent", parent_id);
	while ((rc = db_step(s)) == DB_ROW) {
		if (len == cap) {
			cap *= 2;
			v = xrealloc(v, cap * rt->size);
		}
		memset(v + len * rt->size, 0, rt->size);
		read_fields(s, rt, v + len * rt->size);
		len++;
	}
	db_reset(s);
	if (rc < 0) {
		record_free_list(rt, v, len);
		*out = NULL;
		*n = 0;
		return db_error(d, e, _("reading"));
	}
	*out = v;
	*n = len;
	return TSU_OK;
}
