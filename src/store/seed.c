/*
 * seed.c - records as data (seed.h): a seed file read into blocks, and
 * each block made through the store's calls (store_record_add,
 * store_plan_add, store_plan_finalise, store_plan_revise, record_set and
 * client_set for the fields, as a form would).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/i18n.h"
#include "tsunagi/records.h"
#include "tsunagi/seed.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

enum verb { V_ADD, V_SET, V_UPDATE, V_FINALISE, V_REVISE };
static const char *const verbs[] = { "add", "set", "update", "finalise", "revise", NULL };

typedef struct sfield { char *col, *value; int line; } sfield;

typedef struct sblock {
	char *section, *file, *label;   /* label may be NULL */
	int line;
	enum verb verb;
	const record_type *rt;          /* NULL: the client */
	sfield *f;
	size_t nf;
} sblock;

enum bind_kind { B_ID, B_DATE, B_MONTH, B_TEXT, B_REC };

typedef struct sbind {
	char *name;
	enum bind_kind kind;
	int64_t id;
	date_t date;
	month_t month;
	char *text;
	const record_type *rt;          /* B_REC */
	void *rec;
	bool owned;
} sbind;

struct seed {
	sblock *b;
	size_t nb;
	sbind *v;
	size_t nv;
};

/* The client's columns and the names client_set knows them by (until
 * the client is a described record: then record_set by column). */
static const struct { const char *col, *name; bool date; } client_cols[] = {
	{ "name", "name", false }, { "kana", "kana", false }, { "birth_on", "birth", true },
	{ "sex", "sex", false }, { "case_kind", "kind", false }, { "recipient_no", "recipient-no", false },
	{ "municipality", "municipality", false }, { "address", "address", false },
	{ "phone", "phone", false }, { "housing", "housing", false }, { "disability", "disability", false },
	{ "handbook_kind", "handbook-kind", false }, { "handbook_grade", "handbook-grade", false },
	{ "support_level", "support-level", false }, { "copay_cap_yen", "copay-cap", false },
	{ "remarks", "remarks", false },
};

static int client_col(const char *col)
{
	for (size_t i = 0; i < sizeof client_cols / sizeof client_cols[0]; i++)
		if (!strcmp(client_cols[i].col, col))
			return (int)i;
	return -1;
}

int seed_client_set(client *c, const char *col, const char *text, tsu_err *e)
{
	int k = client_col(col);

	if (k < 0)
		return err_set(e, TSU_EINVAL, _("%s has no column '%s'"), "client", col);
	return client_set(c, client_cols[k].name, text, e);
}

/* e's message prefixed with file:line. */
static int at(tsu_err *e, const char *file, int line)
{
	char msg[sizeof e->msg];

	snprintf(msg, sizeof msg, "%s", e->msg);
	return err_set(e, e->code ? e->code : TSU_EFAIL, "%s:%d: %s", file, line, msg);
}

/* ---- bindings ---- */

static void bind_clear(sbind *v)
{
	if (v->kind == B_REC && v->owned) {
		record_free(v->rt, v->rec);
		free(v->rec);
	}
	x_free(&v->text);
	v->rec = NULL;
}

static sbind *bind_find(const seed *s, const char *name)
{
	for (size_t i = s->nv; i-- > 0;)
		if (!strcmp(s->v[i].name, name))
			return &s->v[i];
	return NULL;
}

static sbind *bind_push(seed *s, const char *name)
{
	s->v = xrealloc(s->v, (s->nv + 1) * sizeof *s->v);
	memset(&s->v[s->nv], 0, sizeof s->v[s->nv]);
	s->v[s->nv].name = xstrdup(name);
	return &s->v[s->nv++];
}

static void bind_pop(seed *s)
{
	bind_clear(&s->v[--s->nv]);
	free(s->v[s->nv].name);
}

/* The binding of name, emptied, or a new one. */
static sbind *bind_slot(seed *s, const char *name)
{
	sbind *v = bind_find(s, name);

	if (!v)
		return bind_push(s, name);
	bind_clear(v);
	return v;
}

void seed_bind_id(seed *s, const char *name, int64_t id)
{
	sbind *v = bind_slot(s, name);
	v->kind = B_ID;
	v->id = id;
}

void seed_bind_date(seed *s, const char *name, date_t d)
{
	sbind *v = bind_slot(s, name);
	v->kind = B_DATE;
	v->date = d;
}

void seed_bind_month(seed *s, const char *name, month_t m)
{
	sbind *v = bind_slot(s, name);
	v->kind = B_MONTH;
	v->month = m;
}

void seed_bind_text(seed *s, const char *name, const char *text)
{
	sbind *v = bind_slot(s, name);
	v->kind = B_TEXT;
	v->text = xstrdup(text);
}

static void bind_rec(seed *s, const char *name, const record_type *rt, void *rec)
{
	sbind *v = bind_slot(s, name);
	v->kind = B_REC;
	v->rt = rt;
	v->rec = rec;
	v->owned = true;
}

/* ---- references: $name or $name.column ---- */

typedef struct sref { char name[64], col[64]; } sref;

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Read a reference at *p (after the '$'); advances *p past it. */
static bool read_ref(const char **p, sref *r)
{
	size_t n = 0;

	r->name[0] = r->col[0] = '\0';
	while (ident_char(**p) && n + 1 < sizeof r->name)
		r->name[n++] = *(*p)++;
	r->name[n] = '\0';
	if (!n)
		return false;
	if (**p == '.') {
		(*p)++;
		n = 0;
		while (ident_char(**p) && n + 1 < sizeof r->col)
			r->col[n++] = *(*p)++;
		r->col[n] = '\0';
		if (!n)
			return false;
	}
	return !ident_char(**p);
}

/* The field of a record binding, or NULL with e set. */
static const field *ref_field(const sbind *v, const sref *r, field_type want, const char *what, tsu_err *e)
{
	const field *f = v->kind == B_REC ? record_field(v->rt, r->col) : NULL;

	if (!f || f->type != want) {
		err_set(e, TSU_EINVAL, _("'$%s.%s' is not a %s"), r->name, r->col, what);
		return NULL;
	}
	return f;
}

static const sbind *ref_bind(const seed *s, const sref *r, tsu_err *e)
{
	const sbind *v = bind_find(s, r->name);

	if (!v)
		err_set(e, TSU_EINVAL, _("'$%s' is not known here"), r->name);
	return v;
}

static int ref_date(const seed *s, const sref *r, date_t *out, tsu_err *e)
{
	const sbind *v = ref_bind(s, r, e);
	const field *f;

	if (!v)
		return TSU_EINVAL;
	if (!r->col[0] && v->kind == B_DATE) {
		*out = v->date;
		return TSU_OK;
	}
	if (!r->col[0] || !(f = ref_field(v, r, FT_DATE, _("date"), e)))
		return r->col[0] ? TSU_EINVAL : err_set(e, TSU_EINVAL, _("'$%s' is not a %s"), r->name, _("date"));
	*out = *field_date(f, v->rec);
	return TSU_OK;
}

static int ref_id(const seed *s, const sref *r, int64_t *out, tsu_err *e)
{
	const sbind *v = ref_bind(s, r, e);
	const field *f;

	if (!v)
		return TSU_EINVAL;
	if (!r->col[0] && (v->kind == B_ID || v->kind == B_REC)) {
		*out = v->kind == B_ID ? v->id : REC_ID(v->rec);
		return TSU_OK;
	}
	if (!r->col[0] || !(f = ref_field(v, r, FT_ID, _("record"), e)))
		return r->col[0] ? TSU_EINVAL : err_set(e, TSU_EINVAL, _("'$%s' is not a %s"), r->name, _("record"));
	*out = *field_id(f, v->rec);
	return TSU_OK;
}

static int ref_month(const seed *s, const sref *r, month_t *out, tsu_err *e)
{
	const sbind *v = ref_bind(s, r, e);
	const field *f;

	if (!v)
		return TSU_EINVAL;
	if (!r->col[0] && v->kind == B_MONTH) {
		*out = v->month;
		return TSU_OK;
	}
	if (!r->col[0] || !(f = ref_field(v, r, FT_MONTH, _("month"), e)))
		return r->col[0] ? TSU_EINVAL : err_set(e, TSU_EINVAL, _("'$%s' is not a %s"), r->name, _("month"));
	*out = *field_month(f, v->rec);
	return TSU_OK;
}

/* The text of a reference inside a value (caller frees). */
static char *ref_text(const seed *s, const sref *r, tsu_err *e)
{
	const sbind *v = ref_bind(s, r, e);
	const field *f;
	char buf[DATE_ISO_LEN];

	if (!v)
		return NULL;
	if (r->col[0]) {
		if (v->kind != B_REC || !(f = record_field(v->rt, r->col))) {
			err_set(e, TSU_EINVAL, _("'$%s.%s' is not a %s"), r->name, r->col, _("field"));
			return NULL;
		}
		return record_get(f, v->rec);
	}
	switch (v->kind) {
	case B_TEXT:
		return xstrdup(v->text);
	case B_DATE:
		date_format_iso(v->date, buf);
		return xstrdup(buf);
	case B_MONTH:
		month_format_iso(v->month, buf);
		return xstrdup(buf);
	case B_ID:
		return xasprintf("%lld", (long long)v->id);
	case B_REC:
		return xasprintf("%lld", (long long)REC_ID(v->rec));
	}
	return NULL;
}

/* ---- values ---- */

/* A date expression; with s NULL only its form is checked. */
static int eval_date(const seed *s, const char *x, date_t *out, tsu_err *e)
{
	const char *p = x;
	date_t d = DATE_NONE;
	sref r;

	if (!*x) {
		*out = DATE_NONE;
		return TSU_OK;
	}
	if (!strncmp(p, "today", 5) && !ident_char(p[5])) {
		p += 5;
		strcpy(r.name, "today");
		r.col[0] = '\0';
	} else if (*p != '$' || (p++, !read_ref(&p, &r))) {
		goto bad;
	}
	if (s && ref_date(s, &r, &d, e) != TSU_OK)
		return TSU_EINVAL;
	while (*p) {
		char op = *p++;
		long n = 0;
		if (op == '/' && !strncmp(p, "last", 4)) {
			p += 4;
			if (s)
				d = month_last_day(date_month(d));
			continue;
		}
		if ((op != '+' && op != '-' && op != '/') || !isdigit((unsigned char)*p))
			goto bad;
		while (isdigit((unsigned char)*p) && n < 100000)
			n = n * 10 + (*p++ - '0');
		if (op == '/' && (n < 1 || n > 31))
			goto bad;
		if (op == '/') {
			if (s)
				d = month_first_day(date_month(d)) + (date_t)(n - 1);
		} else if (*p == 'm' || *p == 'y') {
			int k = (int)(op == '-' ? -n : n);
			bool months = *p++ == 'm';
			if (s)
				d = months ? date_add_months(d, k) : date_add_years(d, k);
		} else if (s) {
			d += (date_t)(op == '-' ? -n : n);
		}
	}
	*out = d;
	return TSU_OK;
bad:
	return err_set(e, TSU_EINVAL, _("'%s' is not a date: write today or $name, then +N, -N, +Nm, +Ny, /N or /last"), x);
}

/* A reference as a whole value ("$name", "$name.column"), or "". */
static int value_ref(const char *x, sref *r, bool *empty, tsu_err *e)
{
	const char *p = x + 1;

	*empty = !*x;
	if (*empty)
		return TSU_OK;
	if (*x != '$' || !read_ref(&p, r) || *p)
		return err_set(e, TSU_EINVAL, _("'%s' is not a reference: write $name or $name.column"), x);
	return TSU_OK;
}

/* The value with ${...} replaced and \n, \\ read (caller frees); with
 * s NULL the references are only checked for form. */
static char *expand(const seed *s, const char *x, tsu_err *e)
{
	strbuf b;

	sb_init(&b);
	for (const char *p = x; *p; p++) {
		if (*p == '\\' && (p[1] == 'n' || p[1] == '\\')) {
			sb_addc(&b, *++p == 'n' ? '\n' : '\\');
		} else if (p[0] == '$' && p[1] == '{') {
			const char *q = p + 2;
			sref r;
			char *t;
			if (!read_ref(&q, &r) || *q != '}') {
				err_set(e, TSU_EINVAL, _("'%s': write ${name} or ${name.column}"), x);
				goto fail;
			}
			if (s) {
				if (!(t = ref_text(s, &r, e)))
					goto fail;
				sb_adds(&b, t);
				free(t);
			}
			p = q;
		} else {
			sb_addc(&b, *p);
		}
	}
	if (!b.s)
		sb_adds(&b, "");
	return sb_steal(&b);
fail:
	sb_free(&b);
	return NULL;
}

/* Set one field of a record from a value; s NULL: check its form only
 * (literal text is tried on a scratch record). */
static int set_field(const seed *s, const record_type *rt, void *rec, const field *f, const char *x, tsu_err *e)
{
	sref r;
	bool empty;
	int rc;

	switch (f->type) {
	case FT_DATE: {
		date_t d;
		if ((rc = eval_date(s, x, &d, e)) == TSU_OK && rec)
			*field_date(f, rec) = d;
		return rc;
	}
	case FT_ID: {
		int64_t id = 0;
		if ((rc = value_ref(x, &r, &empty, e)) != TSU_OK || empty || !s)
			goto id_out;
		rc = ref_id(s, &r, &id, e);
id_out:
		if (rc == TSU_OK && rec)
			*field_id(f, rec) = id;
		return rc;
	}
	case FT_MONTH:
		if (*x == '$') {
			month_t m = -1;
			if ((rc = value_ref(x, &r, &empty, e)) == TSU_OK && s)
				rc = ref_month(s, &r, &m, e);
			if (rc == TSU_OK && rec)
				*field_month(f, rec) = m;
			return rc;
		}
		break;
	default:
		break;
	}
	char *t = expand(s, x, e);
	if (!t)
		return TSU_EINVAL;
	if (rec) {
		rc = record_set(rt, rec, f, t, e);
	} else if (strstr(x, "${")) {
		rc = TSU_OK;            /* known when it runs */
	} else {
		void *scratch = xcalloc(1, rt->size);
		record_init(rt, scratch);
		rc = record_set(rt, scratch, f, t, e);
		record_free(rt, scratch);
		free(scratch);
	}
	free(t);
	return rc;
}

/* The same for a client's column; c NULL: check only. */
static int set_client_col(const seed *s, client *c, int k, const char *x, tsu_err *e)
{
	char *t;
	int rc;

	if (client_cols[k].date) {
		date_t d;
		char buf[DATE_ISO_LEN];
		if ((rc = eval_date(s, x, &d, e)) != TSU_OK || !c)
			return rc;
		date_format_iso(d, buf);
		return seed_client_set(c, client_cols[k].col, buf, e);
	}
	if (!(t = expand(s, x, e)))
		return TSU_EINVAL;
	if (c) {
		rc = seed_client_set(c, client_cols[k].col, t, e);
	} else if (strstr(x, "${")) {
		rc = TSU_OK;
	} else {
		client probe;
		client_init(&probe);
		rc = seed_client_set(&probe, client_cols[k].col, t, e);
		client_free(&probe);
	}
	free(t);
	return rc;
}

/* ---- reading ---- */

static bool pseudo_field(enum verb v, const char *col)
{
	if (v == V_UPDATE)
		return !strcmp(col, "id") || !strcmp(col, "first");
	if (v == V_FINALISE || v == V_REVISE)
		return !strcmp(col, "id") || !strcmp(col, "on");
	return false;
}

/* A field line of block b: the column is the kind's, the value in form. */
static int check_field(const sblock *b, const char *col, const char *x, tsu_err *e)
{
	const field *f;
	int k;

	if (pseudo_field(b->verb, col)) {
		sref r;
		bool empty;
		date_t d;
		if (!strcmp(col, "on"))
			return eval_date(NULL, x, &d, e);
		if (value_ref(x, &r, &empty, e) != TSU_OK)
			return TSU_EINVAL;
		return empty ? err_set(e, TSU_EINVAL, _("%s: a reference is needed"), col) : TSU_OK;
	}
	if (b->verb == V_FINALISE || b->verb == V_REVISE)
		return err_set(e, TSU_EINVAL, _("%s %s takes only id and on, not '%s'"), verbs[b->verb], "plan", col);
	if (!b->rt) {
		if ((k = client_col(col)) < 0)
			return err_set(e, TSU_EINVAL, _("%s has no column '%s'"), "client", col);
		return set_client_col(NULL, NULL, k, x, e);
	}
	if (!(f = record_field(b->rt, col)))
		return err_set(e, TSU_EINVAL, _("%s has no column '%s'"), b->rt->table, col);
	return set_field(NULL, b->rt, NULL, f, x, e);
}

static const record_type *kind_named(const char *name)
{
	for (size_t i = 0; rec_all_types[i]; i++)
		if (!strcmp(rec_all_types[i]->table, name))
			return rec_all_types[i];
	return NULL;
}

/* "[verb kind label]" into b. */
static int read_header(sblock *b, char *h, tsu_err *e)
{
	char *tok[4] = { NULL }, whole[128];
	int n = 0, vi = -1;
	bool client_kind;

	snprintf(whole, sizeof whole, "%s", h);
	for (char *p = strtok(h, " \t"); p; p = strtok(NULL, " \t"))
		if (n < 4)
			tok[n++] = p;
		else
			n++;
	for (int i = 0; tok[0] && verbs[i]; i++)
		if (!strcmp(verbs[i], tok[0]))
			vi = i;
	if (vi < 0 || n < 2 || n > 3)
		return err_set(e, TSU_EINVAL, _("'[%s]' is not a block: write [VERB KIND LABEL] with VERB one of %s"),
			       whole, "add set update finalise revise");
	b->verb = (enum verb)vi;
	client_kind = !strcmp(tok[1], "client");
	b->rt = client_kind ? NULL : kind_named(tok[1]);
	if (!client_kind && !b->rt)
		return err_set(e, TSU_EINVAL, _("'%s' is not a record kind"), tok[1]);
	if ((client_kind && b->verb != V_SET && b->verb != V_UPDATE) ||
	    ((b->verb == V_FINALISE || b->verb == V_REVISE) && b->rt != &rt_plan))
		return err_set(e, TSU_EINVAL, _("%s cannot be made with %s"), tok[1], tok[0]);
	if (n == 3 && (b->verb == V_SET || b->verb == V_FINALISE))
		return err_set(e, TSU_EINVAL, _("%s takes no label"), tok[0]);
	if (n == 3) {
		const char *p = tok[2];
		while (ident_char(*p))
			p++;
		if (*p || p == tok[2])
			return err_set(e, TSU_EINVAL, _("'%s' is not a label: letters, digits and _ only"), tok[2]);
	}
	b->label = xstrdup(tok[2]);
	return TSU_OK;
}

static void block_free(sblock *b)
{
	for (size_t i = 0; i < b->nf; i++) {
		free(b->f[i].col);
		free(b->f[i].value);
	}
	free(b->f);
	free(b->section);
	free(b->file);
	free(b->label);
}

/* One line into the seed; the section is carried in *section. */
static int read_line(seed *s, const char *file, int line, char *l, char **section, bool *in_block,
		     tsu_err *e)
{
	if (!strncmp(l, "==", 2)) {
		char *name = text_trim(l + 2);
		if (!*name) {
			free(name);
			return err_set(e, TSU_EINVAL, _("a section needs a name: == NAME"));
		}
		free(*section);
		*section = name;
		*in_block = false;
		return TSU_OK;
	}
	if (*l == '[') {
		size_t n = strlen(l);
		if (l[n - 1] != ']')
			return err_set(e, TSU_EINVAL, _("a block header ends with ]"));
		if (!*section)
			return err_set(e, TSU_EINVAL, _("a block before the first section (== NAME)"));
		l[n - 1] = '\0';
		*in_block = true;
		s->b = xrealloc(s->b, (s->nb + 1) * sizeof *s->b);
		sblock *b = memset(&s->b[s->nb++], 0, sizeof *s->b);
		b->section = xstrdup(*section);
		b->file = xstrdup(file);
		b->line = line;
		return read_header(b, l + 1, e);
	}
	char *colon = strchr(l, ':');
	char *p = l;
	while (ident_char(*p))
		p++;
	if (!colon || p != colon || p == l)
		return err_set(e, TSU_EINVAL, _("'%s' is not 'column: value', [VERB KIND LABEL] or == SECTION"), l);
	if (!*in_block)
		return err_set(e, TSU_EINVAL, _("a field outside a block"));
	sblock *b = &s->b[s->nb - 1];
	*colon = '\0';
	const char *x = colon + 1;
	while (*x == ' ' || *x == '\t')
		x++;
	for (size_t i = 0; i < b->nf; i++)
		if (!strcmp(b->f[i].col, l))
			return err_set(e, TSU_EINVAL, _("%s is given twice in the block"), l);
	if (check_field(b, l, x, e) != TSU_OK)
		return TSU_EINVAL;
	b->f = xrealloc(b->f, (b->nf + 1) * sizeof *b->f);
	b->f[b->nf++] = (sfield){ xstrdup(l), xstrdup(x), line };
	return TSU_OK;
}

int seed_parse(seed *s, const char *file, const char *text, tsu_err *e)
{
	size_t keep = s->nb;
	char *section = NULL;
	bool in_block = false;
	int line = 0, rc = TSU_OK;

	for (const char *p = text; rc == TSU_OK && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *l = xstrndup(p, n);
		size_t m = strlen(l);
		line++;
		while (m && (l[m - 1] == ' ' || l[m - 1] == '\t' || l[m - 1] == '\r'))
			l[--m] = '\0';
		if (m && *l != '#' && (rc = read_line(s, file, line, l, &section, &in_block, e)) != TSU_OK)
			rc = at(e, file, line);
		free(l);
		p += n + (nl ? 1 : 0);
	}
	free(section);
	if (rc != TSU_OK)
		while (s->nb > keep)
			block_free(&s->b[--s->nb]);
	return rc;
}

seed *seed_new(void)
{
	return xcalloc(1, sizeof(seed));
}

void seed_free(seed *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nb; i++)
		block_free(&s->b[i]);
	while (s->nv)
		bind_pop(s);
	free(s->b);
	free(s->v);
	free(s);
}

int seed_load(seed **out, tsu_err *e)
{
	seed *s = seed_new();

	for (const seed_file *f = seed_files; f->name; f++)
		if (seed_parse(s, f->name, f->text, e) != TSU_OK) {
			seed_free(s);
			*out = NULL;
			return TSU_EINVAL;
		}
	*out = s;
	return TSU_OK;
}

bool seed_has(const seed *s, const char *section)
{
	for (size_t i = 0; i < s->nb; i++)
		if (!strcmp(s->b[i].section, section))
			return true;
	return false;
}

/* ---- making ---- */

static const sfield *block_field(const sblock *b, const char *col)
{
	for (size_t i = 0; i < b->nf; i++)
		if (!strcmp(b->f[i].col, col))
			return &b->f[i];
	return NULL;
}

/* Every field of b that is a column, onto rec (or the client c); inside
 * them $KIND is rec itself. */
static int apply(seed *s, const sblock *b, void *rec, client *c, tsu_err *e)
{
	int rc = TSU_OK;

	if (b->rt) {
		sbind *v = bind_push(s, b->rt->table);
		v->kind = B_REC;
		v->rt = b->rt;
		v->rec = rec;
	}
	for (size_t i = 0; rc == TSU_OK && i < b->nf; i++) {
		const sfield *sf = &b->f[i];
		if (pseudo_field(b->verb, sf->col))
			continue;
		rc = b->rt ? set_field(s, b->rt, rec, record_field(b->rt, sf->col), sf->value, e)
			   : set_client_col(s, c, client_col(sf->col), sf->value, e);
		if (rc != TSU_OK)
			rc = at(e, b->file, sf->line);
	}
	if (b->rt)
		bind_pop(s);
	return rc;
}

/* The block's pseudo-field col as an id or a date (want_date). */
static int pseudo(const seed *s, const sblock *b, const char *col, int64_t *id, date_t *d, tsu_err *e)
{
	const sfield *sf = block_field(b, col);
	sref r;
	bool empty;
	int rc;

	if (!sf) {
		err_set(e, TSU_EINVAL, _("%s %s needs '%s:'"), verbs[b->verb], b->rt ? b->rt->table : "client", col);
		return at(e, b->file, b->line);
	}
	if (d)
		rc = eval_date(s, sf->value, d, e);
	else if ((rc = value_ref(sf->value, &r, &empty, e)) == TSU_OK)
		rc = ref_id(s, &r, id, e);
	return rc == TSU_OK ? TSU_OK : at(e, b->file, sf->line);
}

static int run_update_client(seed *s, db *d, const sblock *b, tsu_err *e)
{
	client c;
	int64_t id;
	int rc;

	if ((rc = pseudo(s, b, "id", &id, NULL, e)) != TSU_OK)
		return rc;
	if ((rc = store_client_get(d, id, &c, e)) == TSU_OK && (rc = apply(s, b, NULL, &c, e)) == TSU_OK)
		rc = store_client_update(d, &c, e);
	client_free(&c);
	return rc;
}

/* The record an update block changes, read into rec. */
static int update_target(seed *s, db *d, const sblock *b, void *rec, tsu_err *e)
{
	int64_t id;
	void *list = NULL;
	size_t n = 0;
	int rc;

	if (!block_field(b, "first"))
		return pseudo(s, b, "id", &id, NULL, e) != TSU_OK ? TSU_EINVAL
			: store_record_get(d, b->rt, id, rec, e);
	if ((rc = pseudo(s, b, "first", &id, NULL, e)) != TSU_OK ||
	    (rc = store_record_list(d, b->rt, id, &list, &n, e)) != TSU_OK)
		return rc;
	if (n == 0) {
		err_set(e, TSU_EINVAL, _("there is no %s under %s"), b->rt->table, block_field(b, "first")->value);
		rc = at(e, b->file, b->line);
	} else
		record_copy(b->rt, rec, list);
	record_free_list(b->rt, list, n);
	return rc;
}

static int run_block(seed *s, db *d, const sblock *b, tsu_err *e)
{
	void *rec = NULL;
	int64_t id = 0, nid = 0;
	date_t on;
	int rc = TSU_EFAIL;

	switch (b->verb) {
	case V_SET:
		return TSU_OK;
	case V_FINALISE:
		if ((rc = pseudo(s, b, "id", &id, NULL, e)) == TSU_OK && (rc = pseudo(s, b, "on", NULL, &on, e)) == TSU_OK)
			rc = store_plan_finalise(d, id, on, e);
		return rc;
	case V_REVISE:
		if ((rc = pseudo(s, b, "id", &id, NULL, e)) != TSU_OK || (rc = pseudo(s, b, "on", NULL, &on, e)) != TSU_OK ||
		    (rc = store_plan_revise(d, id, on, &nid, e)) != TSU_OK)
			return rc;
		rec = xcalloc(1, b->rt->size);
		rc = store_record_get(d, b->rt, nid, rec, e);
		break;
	case V_UPDATE:
		if (!b->rt)
			return run_update_client(s, d, b, e);
		rec = xcalloc(1, b->rt->size);     /* update_target fills it */
		if ((rc = update_target(s, d, b, rec, e)) == TSU_OK && (rc = apply(s, b, rec, NULL, e)) == TSU_OK)
			rc = store_record_update(d, b->rt, rec, e);
		break;
	case V_ADD:
		rec = xcalloc(1, b->rt->size);
		record_init(b->rt, rec);
		if ((rc = apply(s, b, rec, NULL, e)) == TSU_OK)
			rc = b->rt == &rt_plan ? store_plan_add(d, rec, e) : store_record_add(d, b->rt, rec, e);
		break;
	}
	if (rc == TSU_OK && b->label) {
		bind_rec(s, b->label, b->rt, rec);
		return TSU_OK;
	}
	record_free(b->rt, rec);
	free(rec);
	return rc;
}

int seed_run(seed *s, db *d, const char *section, tsu_err *e)
{
	for (size_t i = 0; i < s->nb; i++)
		if (!strcmp(s->b[i].section, section) && run_block(s, d, &s->b[i], e) != TSU_OK) {
			if (!strstr(e->msg, s->b[i].file))
				at(e, s->b[i].file, s->b[i].line);
			return e->code ? e->code : TSU_EFAIL;
		}
	return TSU_OK;
}

int seed_set(seed *s, const char *section, const record_type *rt, void *rec, tsu_err *e)
{
	int rc = TSU_OK;

	for (size_t i = 0; rc == TSU_OK && i < s->nb; i++) {
		const sblock *b = &s->b[i];
		if (b->verb != V_SET || b->rt != rt || strcmp(b->section, section))
			continue;
		rc = apply(s, b, rec, NULL, e);
	}
	return rc;
}

int seed_set_client(seed *s, const char *section, client *c, tsu_err *e)
{
	int rc = TSU_OK;

	for (size_t i = 0; rc == TSU_OK && i < s->nb; i++)
		if (s->b[i].verb == V_SET && !s->b[i].rt && !strcmp(s->b[i].section, section))
			rc = apply(s, &s->b[i], NULL, c, e);
	return rc;
}
