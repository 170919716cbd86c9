/*
 * import.c - a client roster from CSV.  Offices keep their case load in
 * Excel sheets with their own headings, in CP932; this maps the headings
 * it knows (Japanese or English), decodes and checks every cell, and only
 * then writes, all in one transaction.  Nothing is guessed silently: the
 * encoding it detected, the columns it used and every problem, by line
 * and column, go into the report.  (The JSON import is in import_json.c.)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tsunagi/csv.h"
#include "tsunagi/csvread.h"
#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/records.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* ---- the headings ------------------------------------------------------ */

/* The headings of the client's own fields are in CLIENT_FIELDS
 * (store_client.h), the first being what `export clients` writes.  These
 * are the import's own: a name in two halves, the decision period (it
 * makes a certificate) and a child's guardian.  All are compared folded
 * (NFKC, case, kana) with spaces, brackets and separators removed, so
 * 支給決定期間（開始） and "Decision From" match. */
static const struct alias_set {
	const char *field;
	const char *const names[14];
} aliases[] = {
	{ "family", { "姓", "氏", "family name", "last name", "surname", NULL } },
	{ "given", { "名", "given name", "first name", NULL } },
	{ "kana-family", { "セイ", "姓フリガナ", "フリガナ姓", "family kana", NULL } },
	{ "kana-given", { "メイ", "名フリガナ", "フリガナ名", "given kana", NULL } },
	{ "decision-from", { "支給決定期間開始", "支給決定開始日", "支給期間開始", "支給決定期間から",
			     "decision from", "decision period from", "certificate from", NULL } },
	{ "decision-to", { "支給決定期間終了", "支給決定終了日", "支給期間終了", "支給決定期間まで",
			   "decision to", "decision period to", "certificate to", NULL } },
	/* A child's 保護者: kept as a family contact (relation 保護者), which
	 * the printed forms show as 保護者氏名. */
	{ "guardian", { "保護者氏名", "保護者", "保護者名", "guardian", "guardian name", "parent", NULL } },
};
#define NALIASES (sizeof aliases / sizeof aliases[0])

const char *const *import_client_aliases(const char *fname)
{
	const client_field *f = client_field_named(fname);

	if (f)
		return f->aliases;
	for (size_t i = 0; i < NALIASES; i++)
		if (strcmp(aliases[i].field, fname) == 0)
			return aliases[i].names;
	return NULL;
}

/* Folded, without spaces, brackets or separators (caller frees). */
static char *header_key(const char *s)
{
	char *f = text_fold(s), *w = f;

	for (const char *r = f; *r; r++)
		if (!strchr(" ()[]{}<>_-/:.・", *r) || (unsigned char)*r >= 0x80)
			*w++ = *r;
	*w = '\0';
	/* The folded ideographic brackets and the middle dot are multi-byte;
	 * drop them too. */
	static const char *const wide[] = { "・", "「", "」", "【", "】", "〔", "〕", NULL };
	for (const char *const *p = wide; *p; p++) {
		char *hit;
		size_t n = strlen(*p);
		while ((hit = strstr(f, *p)) != NULL)
			memmove(hit, hit + n, strlen(hit + n) + 1);
	}
	return f;
}

static bool header_is(const char *key, const char *const *names)
{
	bool found = false;

	for (const char *const *n = names; *n && !found; n++) {
		char *a = header_key(*n);
		found = strcmp(a, key) == 0;
		free(a);
	}
	return found;
}

static const char *field_for_header(const char *header)
{
	char *k = header_key(header);
	const char *found = NULL;

	for (const client_field *f = client_fields; f->name && !found; f++)
		if (header_is(k, f->aliases))
			found = f->name;
	for (size_t i = 0; i < NALIASES && !found; i++)
		if (header_is(k, aliases[i].names))
			found = aliases[i].field;
	free(k);
	return found;
}

/* ---- reading the file ------------------------------------------------ */

int import_read_file(const char *path, char **out, size_t *len, tsu_err *e)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	strbuf b;
	char chunk[65536];
	ssize_t n;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return err_set(e, TSU_EIO, _("cannot read %s: %s; check the file name"), path, strerror(errno));
	sb_init(&b);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = errno;
			sb_free(&b);
			if (fd != STDIN_FILENO)
				close(fd);
			return err_set(e, TSU_EIO, _("cannot read %s: %s"), path, strerror(err));
		}
		if (b.len + (size_t)n > IMPORT_MAX_BYTES) {
			sb_free(&b);
			if (fd != STDIN_FILENO)
				close(fd);
			return err_set(e, TSU_EINVAL, _("%s is larger than %d MiB; split it into smaller files"),
				       path, IMPORT_MAX_BYTES >> 20);
		}
		sb_addn(&b, chunk, (size_t)n);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*len = b.len;
	*out = sb_steal(&b);
	sb_free(&b);
	return TSU_OK;
}

/* ---- the report ---------------------------------------------------------- */

void import_report_free(import_report *r)
{
	for (size_t i = 0; i < r->nproblems; i++) {
		free(r->problems[i].header);
		free(r->problems[i].reason);
	}
	free(r->problems);
	free(r->columns);
	memset(r, 0, sizeof *r);
}

static void problem(import_report *r, size_t line, size_t column, const char *header, const char *reason)
{
	import_problem *p;

	r->problems = xrealloc(r->problems, (r->nproblems + 1) * sizeof *r->problems);
	p = &r->problems[r->nproblems++];
	p->line = line;
	p->column = column;
	p->header = header ? text_sanitize(header, false) : NULL;
	p->reason = xstrdup(reason);
}

static int by_place(const void *a, const void *b)
{
	const import_problem *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return 0;
}

/* ---- decoding cells ---------------------------------------------------- */

/* Count the cells with non-ASCII bytes that decode in each encoding. */
static enum enc guess_encoding(const char *buf, size_t len)
{
	csvr rd;
	csvr_record rec;
	size_t u8 = 0, sj = 0;
	int rc;

	if (enc_guess(buf, len) == ENC_UTF8)
		return ENC_UTF8;
	csvr_init(&rd, buf, len);
	csvr_record_init(&rec);
	while ((rc = csvr_next(&rd, &rec, NULL)) != 0) {
		if (rc < 0)
			continue;
		for (size_t i = 0; i < rec.n; i++) {
			char *out;
			size_t outlen;
			bool ascii = true;
			for (size_t j = 0; j < rec.lens[i] && ascii; j++)
				ascii = (unsigned char)rec.fields[i][j] < 0x80;
			if (ascii)
				continue;
			u8 += text_valid_utf8(rec.fields[i], rec.lens[i], NULL);
			if (enc_convert(ENC_CP932, ENC_UTF8, rec.fields[i], rec.lens[i], &out, &outlen, NULL, NULL) == TSU_OK) {
				sj++;
				free(out);
			}
		}
	}
	csvr_record_free(&rec);
	return u8 > sj ? ENC_UTF8 : ENC_CP932;
}

/* A cell as UTF-8 with line breaks as LF (caller frees), or NULL with
 * the reason in e. */
static char *decode_cell(enum enc enc, const char *s, size_t n, tsu_err *e)
{
	char *u8;
	size_t len, bad;
	tsu_err ce;

	if (memchr(s, '\0', n)) {
		err_set(e, TSU_EINVAL, _("the cell holds a NUL byte; remove it"));
		return NULL;
	}
	if (enc == ENC_UTF8) {
		if (!text_valid_utf8(s, n, &bad)) {
			err_set(e, TSU_EINVAL, _("byte 0x%02X at position %zu of the cell is not valid UTF-8; check the file's encoding (--encoding)"),
				(unsigned char)s[bad], bad + 1);
			return NULL;
		}
		u8 = xstrndup(s, n);
	} else if (enc_convert(enc, ENC_UTF8, s, n, &u8, &len, NULL, &ce) != TSU_OK) {
		err_set(e, TSU_EINVAL, _("broken %s text in the cell: %s"), enc_name(enc), ce.msg);
		return NULL;
	}
	/* A cell's bytes are its value (line breaks included, CR or not):
	 * an export read back gives every stored text exactly.  Undo the
	 * one quote an exporter puts before a cell a spreadsheet would run
	 * as a formula (csv_needs_neutral), also before quotes that lead
	 * to one. */
	if (u8[0] == '\'' && csv_needs_neutral(u8 + 1))
		memmove(u8, u8 + 1, strlen(u8));
	return u8;
}

/* ---- values as offices write them ------------------------------------- */

static bool folded_is(const char *folded, const char *const *names)
{
	for (; *names; names++) {
		char *f = text_fold(*names);
		bool eq = strcmp(f, folded) == 0;
		free(f);
		if (eq)
			return true;
	}
	return false;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* The value client_set should see for a cell (caller frees), read by
 * the field's type: a choice by its words (NULL for none of them), a
 * support level as "区分3" or "非該当", numbers in full-width digits and
 * an amount as "9,300円".  Anything else goes as it is. */
static char *translate(const client_field *fd, const char *text)
{
	char *f, *out = NULL;

	if (fd->type == CT_CHOICE) {
		const char *v = client_choice_value(fd->choice, text);
		return v ? xstrdup(v) : NULL;
	}
	if (fd->type != CT_LEVEL && fd->type != CT_YEN && !(fd->flags & CF_DIGITS))
		return xstrdup(text);
	f = text_fold(text);
	if (fd->type == CT_LEVEL) {
		static const char *const none[] = { "非該当", NULL };
		const char *p = f;
		char *k = text_fold("区分");
		if (!strncmp(p, k, strlen(k)))
			p += strlen(k);
		free(k);
		out = xstrdup(folded_is(f, none) ? "0" : all_digits(p) ? p : NULL);
	} else {
		/* Full-width digits, and "9,300円" for an amount. */
		char *w = f, *yen = text_fold("円");
		size_t yl = strlen(yen);
		for (char *r = f; *r; r++) {
			if (fd->type == CT_YEN && (*r == ',' || !strncmp(r, yen, yl))) {
				if (*r != ',')
					r += yl - 1;
				continue;
			}
			*w++ = *r;
		}
		*w = '\0';
		free(yen);
		if (all_digits(f))
			out = xstrdup(f);
	}
	free(f);
	return out ? out : xstrdup(text);
}

/* ---- one row ------------------------------------------------------------- */

typedef struct column {
	const char *field;      /* NULL: unknown */
	char *header;           /* UTF-8 */
} column;

typedef struct row {
	client c;
	char *guardian;         /* 保護者氏名, NULL when none */
	certificate cert;
	bool has_cert, closed;
	date_t closed_on;
	size_t line;
} row;

typedef struct importer {
	db *db;
	import_report *r;
	enum enc enc;
	column *cols;
	size_t ncols;
	row *rows;
	size_t nrows, rows_cap;
	/* Recipient numbers of every row so far: an open-addressing hash
	 * set (a linear scan made a 1,000,000-row roster quadratic). */
	struct seen { char *no; size_t line; } *seen;
	size_t nseen, cap;
} importer;

static int col_of(const importer *im, const char *fname)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->cols[i].field && !strcmp(im->cols[i].field, fname))
			return (int)i;
	return -1;
}

/* Check one field alone, so the problem names its own column. */
static int check_client_field(const char *fname, const char *value, tsu_err *e)
{
	client probe;
	int rc;

	/* The required fields filled in, so that only FNAME is judged. */
	client_init(&probe);
	rc = client_set(&probe, "name", "x", e);
	if (rc == TSU_OK)
		rc = client_set(&probe, "kana", "x", e);
	if (rc == TSU_OK)
		rc = client_set(&probe, "birth", "2000-01-01", e);
	if (rc == TSU_OK)
		rc = client_set(&probe, fname, value, e);
	if (rc == TSU_OK)
		rc = client_validate(&probe, e);
	client_free(&probe);
	return rc;
}

static void cell_problem(importer *im, size_t line, int col, const char *reason)
{
	problem(im->r, line, col >= 0 ? (size_t)col + 1 : 0,
		col >= 0 ? im->cols[col].header : NULL, reason);
}

static bool set_date(importer *im, size_t line, int col, char **cells, date_t *out)
{
	tsu_err e;
	char *t;
	bool ok = true;

	*out = DATE_NONE;
	if (col < 0)
		return true;
	t = text_trim(cells[col]);
	if (*t && date_parse(t, out, &e) != TSU_OK) {
		cell_problem(im, line, col, e.msg);
		ok = false;
	}
	free(t);
	return ok;
}

/* The name (or kana) from one column, or from its two halves. */
static char *joined(importer *im, char **cells, const char *whole, const char *first,
		    const char *second, int *col)
{
	int w = col_of(im, whole), a = col_of(im, first), b = col_of(im, second);

	*col = w >= 0 ? w : a;
	if (w >= 0)
		return xstrdup(cells[w]);
	if (a >= 0 && b >= 0) {
		char *x = text_trim(cells[a]), *y = text_trim(cells[b]);
		char *s = *x && *y ? xasprintf("%s %s", x, y) : xasprintf("%s%s", x, y);
		free(x);
		free(y);
		return s;
	}
	return a >= 0 ? xstrdup(cells[a]) : xstrdup("");
}

static bool set_client_cell(importer *im, row *rw, const char *fname, const char *value, int col)
{
	const client_field *f = client_field_named(fname);
	tsu_err e;
	char *v = translate(f, value);
	bool ok;

	if (!v)
		err_set(&e, TSU_EINVAL, "%s", _(f->choice->import_hint));
	ok = v && check_client_field(fname, v, &e) == TSU_OK &&
	     client_set(&rw->c, fname, v, &e) == TSU_OK;

	if (!ok)
		cell_problem(im, rw->line, col, e.msg);
	free(v);
	return ok;
}

static bool read_status(importer *im, row *rw, char **cells)
{
	int sc = col_of(im, "status"), cc = col_of(im, "closed-on");
	bool ok = set_date(im, rw->line, cc, cells, &rw->closed_on);

	rw->closed = rw->closed_on != DATE_NONE;
	if (sc >= 0) {
		/* By the words of CLIENT_FIELDS' status; empty is active. */
		const char *st = client_choice_value(&client_statuses, cells[sc]);
		char *f = text_fold(cells[sc]);
		if (st && !strcmp(st, "closed")) {
			rw->closed = true;
		} else if (!st) {
			cell_problem(im, rw->line, sc, _(client_statuses.import_hint));
			ok = false;
		} else if (*f && rw->closed) {
			cell_problem(im, rw->line, sc, _("status: the client has a closing date but is marked active; write 終結 or remove the date"));
			ok = false;
		}
		free(f);
	}
	if (ok && rw->closed && rw->closed_on == DATE_NONE) {
		cell_problem(im, rw->line, sc, _("status: a closed client needs the closing date (終結日)"));
		ok = false;
	}
	return ok;
}

static bool read_certificate(importer *im, row *rw, char **cells)
{
	int fc = col_of(im, "decision-from"), tc = col_of(im, "decision-to");
	date_t from, to;
	tsu_err e;
	bool ok_from = set_date(im, rw->line, fc, cells, &from);
	bool ok = set_date(im, rw->line, tc, cells, &to) && ok_from;

	if (!ok || (from == DATE_NONE && to == DATE_NONE))
		return ok;
	if (from == DATE_NONE || to == DATE_NONE) {
		cell_problem(im, rw->line, from == DATE_NONE ? fc : tc,
			     _("decision period: give both its start and its end, or neither"));
		return false;
	}
	record_init(&rt_certificate, &rw->cert);
	rw->has_cert = true;
	rw->cert.valid_from = from;
	rw->cert.valid_to = to;
	free(rw->cert.kind);
	rw->cert.kind = xstrdup("service");
	free(rw->cert.number);
	rw->cert.number = xstrdup(rw->c.recipient_no);
	free(rw->cert.municipality);
	rw->cert.municipality = xstrdup(rw->c.municipality);
	rw->cert.client_id = 1;   /* set for validation; the real id comes on insert */
	if (record_validate(&rt_certificate, &rw->cert, &e) != TSU_OK) {
		cell_problem(im, rw->line, fc, e.msg);
		return false;
	}
	return true;
}

static void seen_grow(importer *im);

static size_t seen_hash(const char *s)
{
	size_t h = 1469598103934665603u;   /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot holding NO, or the empty one where it belongs. */
static struct seen *seen_slot(importer *im, const char *no)
{
	size_t i;

	if (!im->cap)
		seen_grow(im);
	for (i = seen_hash(no) & (im->cap - 1); im->seen[i].no; i = (i + 1) & (im->cap - 1))
		if (strcmp(im->seen[i].no, no) == 0)
			break;
	return &im->seen[i];
}

static void seen_grow(importer *im)
{
	struct seen *old = im->seen;
	size_t oldcap = im->cap;

	im->cap = oldcap ? oldcap * 2 : 1024;
	im->seen = xcalloc(im->cap, sizeof *im->seen);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].no)
			*seen_slot(im, old[i].no) = old[i];
	free(old);
}

static bool duplicate_recipient(importer *im, row *rw, int col)
{
	const char *no = rw->c.recipient_no;
	char msg[300];

	if (!*no)
		return false;
	struct seen *slot = seen_slot(im, no);
	if (slot->no) {
		snprintf(msg, sizeof msg, _("recipient number %s is also on line %zu; each client needs their own"),
			 no, slot->line);
		cell_problem(im, rw->line, col, msg);
		return true;
	}
	slot->no = xstrdup(no);
	slot->line = rw->line;
	if (++im->nseen * 2 > im->cap)
		seen_grow(im);
	if (im->db) {
		int64_t other = store_client_by_recipient(im->db, no, 0);
		if (other) {
			snprintf(msg, sizeof msg, _("recipient number %s is already client %lld's in the database; check the number"),
				 no, (long long)other);
			cell_problem(im, rw->line, col, msg);
			return true;
		}
	}
	return false;
}

/* 保護者氏名, when the roster has the column and the cell is not blank. */
static bool read_guardian(importer *im, row *rw, char **cells)
{
	int col = col_of(im, "guardian");
	char *t;
	tsu_err e;

	if (col < 0)
		return true;
	t = text_trim(cells[col]);
	if (!*t) {
		free(t);
		return true;
	}
	if (store_check_text(_("guardian's name"), t, STORE_NAME_MAX, false, &e) != TSU_OK) {
		cell_problem(im, rw->line, col, e.msg);
		free(t);
		return false;
	}
	rw->guardian = t;
	return true;
}

/* Decode and check one record; a good one is appended to im->rows. */
static void read_row(importer *im, const csvr_record *rec)
{
	char **cells = xcalloc(im->ncols, sizeof *cells);
	bool ok = true;
	row rw;
	tsu_err e;
	int col;

	memset(&rw, 0, sizeof rw);
	rw.line = rec->line;
	rw.closed_on = DATE_NONE;
	client_init(&rw.c);
	if (rec->n > im->ncols) {
		snprintf(e.msg, sizeof e.msg, _("the row has %zu cells but the header only %zu columns; check for a stray comma or quote"),
			 rec->n, im->ncols);
		problem(im->r, rec->line, im->ncols + 1, NULL, e.msg);
		ok = false;
	}
	for (size_t i = 0; i < im->ncols; i++) {
		cells[i] = i < rec->n ? decode_cell(im->enc, rec->fields[i], rec->lens[i], &e) : xstrdup("");
		if (!cells[i]) {
			cell_problem(im, rec->line, (int)i, e.msg);
			cells[i] = xstrdup("");
			ok = false;
		}
	}
	if (ok) {
		char *name = joined(im, cells, "name", "family", "given", &col);
		ok &= set_client_cell(im, &rw, "name", name, col);
		free(name);
		name = joined(im, cells, "kana", "kana-family", "kana-given", &col);
		if (col >= 0)
			ok &= set_client_cell(im, &rw, "kana", name, col);
		free(name);
		/* The other fields a worker edits, each from its column; the
		 * names (above) may come in two halves, the state below. */
		for (const client_field *f = client_fields; f->name; f++)
			if (client_field_editable(f) && !(f->flags & CF_NAME) &&
			    (col = col_of(im, f->name)) >= 0)
				ok &= set_client_cell(im, &rw, f->name, cells[col], col);
		ok &= read_status(im, &rw, cells);
		ok &= read_certificate(im, &rw, cells);
		ok &= read_guardian(im, &rw, cells);
		if (duplicate_recipient(im, &rw, col_of(im, "recipient-no")))
			ok = false;
		/* The row as a whole: a required field without a column or
		 * with an empty cell is this row's problem, not the commit's. */
		if (ok && client_validate(&rw.c, &e) != TSU_OK) {
			cell_problem(im, rec->line, -1, e.msg);
			ok = false;
		}
	}
	for (size_t i = 0; i < im->ncols; i++)
		free(cells[i]);
	free(cells);
	if (!ok) {
		im->r->bad++;
		client_free(&rw.c);
		free(rw.guardian);
		if (rw.has_cert)
			record_free(&rt_certificate, &rw.cert);
		return;
	}
	im->r->good++;
	if (im->nrows == im->rows_cap) {
		im->rows_cap = im->rows_cap ? im->rows_cap * 2 : 256;
		im->rows = xrealloc(im->rows, im->rows_cap * sizeof *im->rows);
	}
	im->rows[im->nrows++] = rw;
}

/* ---- the header ------------------------------------------------------ */

static int read_header(importer *im, const csvr_record *rec, tsu_err *e)
{
	strbuf shown;

	im->ncols = rec->n;
	im->cols = xcalloc(rec->n, sizeof *im->cols);
	sb_init(&shown);
	for (size_t i = 0; i < rec->n; i++) {
		tsu_err ce;
		char *h = decode_cell(im->enc, rec->fields[i], rec->lens[i], &ce);
		if (!h) {
			problem(im->r, rec->line, i + 1, NULL, ce.msg);
			im->cols[i].header = xstrdup("");
			continue;
		}
		im->cols[i].header = h;
		im->cols[i].field = *h ? field_for_header(h) : NULL;
		if (!im->cols[i].field) {
			char msg[200];
			snprintf(msg, sizeof msg, _("unknown column; rename it to a known heading (see tsunagi(1), IMPORT) or remove the column"));
			problem(im->r, rec->line, i + 1, h, msg);
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (im->cols[j].field && !strcmp(im->cols[j].field, im->cols[i].field)) {
				char msg[200];
				snprintf(msg, sizeof msg, _("the same field as column %zu; keep one of them"), j + 1);
				problem(im->r, rec->line, i + 1, h, msg);
				im->cols[i].field = NULL;
				break;
			}
		if (im->cols[i].field) {
			char *s = text_sanitize(h, false);
			sb_addf(&shown, "%s%s → %s", shown.len ? ", " : "", s, im->cols[i].field);
			free(s);
		}
	}
	im->r->columns = sb_steal(&shown);
	sb_free(&shown);
	if (col_of(im, "name") < 0 && col_of(im, "family") < 0)
		return err_set(e, TSU_EINVAL, _("line %zu: the header has no name column (氏名, or 姓 and 名); the first row must name the columns"),
			       rec->line);
	return TSU_OK;
}

/* ---- writing ---------------------------------------------------------- */

static int add_guardian(db *d, int64_t client_id, const char *name, tsu_err *e)
{
	contact g;
	int rc;

	record_init(&rt_contact, &g);
	g.client_id = client_id;
	free(g.role);
	g.role = xstrdup("family");
	free(g.name);
	g.name = xstrdup(name);
	free(g.relation);
	g.relation = xstrdup("保護者");
	rc = store_record_add(d, &rt_contact, &g, e);
	record_free(&rt_contact, &g);
	return rc;
}

static int write_row(importer *im, row *rw, tsu_err *e)
{
	if (db_begin(im->db, e) != TSU_OK)
		return TSU_EIO;
	if (store_client_add(im->db, &rw->c, e) != TSU_OK)
		goto fail;
	if (rw->has_cert) {
		rw->cert.client_id = rw->c.id;
		if (store_record_add(im->db, &rt_certificate, &rw->cert, e) != TSU_OK)
			goto fail;
	}
	if (rw->guardian && add_guardian(im->db, rw->c.id, rw->guardian, e) != TSU_OK)
		goto fail;
	if (rw->closed && store_client_close(im->db, rw->c.id, rw->closed_on, e) != TSU_OK)
		goto fail;
	return db_commit(im->db, e);
fail:
	db_rollback(im->db);
	return e->code ? e->code : TSU_EFAIL;
}

static int write_rows(importer *im, bool skip_bad, tsu_err *e)
{
	tsu_err re;

	if (db_begin(im->db, e) != TSU_OK)
		return TSU_EIO;
	for (size_t i = 0; i < im->nrows; i++) {
		row *rw = &im->rows[i];
		if (write_row(im, rw, &re) == TSU_OK) {
			im->r->imported++;
			im->r->certificates += rw->has_cert;
			continue;
		}
		problem(im->r, rw->line, 0, NULL, re.msg);
		im->r->good--;
		im->r->bad++;
		if (!skip_bad) {
			db_rollback(im->db);
			im->r->imported = im->r->certificates = 0;
			return err_set(e, TSU_EINVAL, _("line %zu could not be saved (%s); nothing was imported"), rw->line, re.msg);
		}
	}
	if (db_commit(im->db, e) != TSU_OK) {
		im->r->imported = im->r->certificates = 0;
		return TSU_EIO;
	}
	return TSU_OK;
}

static void importer_free(importer *im)
{
	for (size_t i = 0; i < im->ncols; i++)
		free(im->cols[i].header);
	free(im->cols);
	for (size_t i = 0; i < im->nrows; i++) {
		client_free(&im->rows[i].c);
		free(im->rows[i].guardian);
		if (im->rows[i].has_cert)
			record_free(&rt_certificate, &im->rows[i].cert);
	}
	free(im->rows);
	for (size_t i = 0; i < im->cap; i++)
		free(im->seen[i].no);
	free(im->seen);
}

int import_clients(db *d, const char *buf, size_t len, const import_opts *o,
		   import_report *r, tsu_err *e)
{
	importer im = { .db = d, .r = r };
	csvr rd;
	csvr_record rec;
	tsu_err pe;
	bool header = false;
	int rc = TSU_OK;

	memset(r, 0, sizeof *r);
	if (!d && !o->dry_run)
		return err_set(e, TSU_EFAIL, "internal error: import without a database");
	r->guessed = o->auto_encoding;
	r->encoding = im.enc = o->auto_encoding ? guess_encoding(buf, len) : o->encoding;
	csvr_init(&rd, buf, len);
	r->had_bom = rd.had_bom;
	csvr_record_init(&rec);
	while (rc == TSU_OK && (rc = csvr_next(&rd, &rec, &pe)) != 0) {
		if (rc < 0) {
			problem(r, rec.line, rd.err_column, NULL, rd.err_what);
			if (!header) {
				rc = err_set(e, TSU_EINVAL, _("the header row is not valid CSV: %s"), pe.msg);
				break;
			}
			r->rows++;
			r->bad++;
			rc = TSU_OK;
			continue;
		}
		rc = TSU_OK;
		if (csvr_record_blank(&rec))
			continue;
		if (!header) {
			header = true;
			rc = read_header(&im, &rec, e);
			continue;
		}
		r->rows++;
		read_row(&im, &rec);
	}
	csvr_record_free(&rec);
	if (rc == TSU_OK && !header)
		rc = err_set(e, TSU_EINVAL, _("the file has no rows; the first row must name the columns (氏名, フリガナ, 生年月日, …)"));
	if (rc == TSU_OK && r->nproblems && !o->skip_bad)
		rc = err_set(e, TSU_EINVAL, _("%zu problem(s) in %zu of %zu rows; nothing was imported: fix them, or use --skip-bad to import the %zu good rows"),
			     r->nproblems, r->bad, r->rows, r->good);
	if (rc == TSU_OK && !o->dry_run && im.nrows)
		rc = write_rows(&im, o->skip_bad, e);
	if (r->nproblems > 1)
		qsort(r->problems, r->nproblems, sizeof *r->problems, by_place);
	importer_free(&im);
	return rc;
}
