/*
 * export.c - clients, notes and plans as CSV, and tables as JSON.  The
 * CSV goes through the shared writer (csv.c) so every export quotes and
 * neutralises cells alike, from the rows store_export.h reads; the JSON
 * is a plain dump of the database's own tables and columns as the store
 * gives them (store_dump.h: read from its schema, never from input),
 * which is what makes `import all` able to give back every byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/csv.h"
#include "tsunagi/export.h"
#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/json.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_dump.h"
#include "tsunagi/store_export.h"
#include "tsunagi/store_lookup.h"
#include "tsunagi/text.h"

int export_what_from_name(const char *name, export_what *out, tsu_err *e)
{
	static const char *const names[] = { "clients", "notes", "plans", "all" };

	for (size_t i = 0; i < 4; i++)
		if (name && strcmp(name, names[i]) == 0) {
			*out = (export_what)i;
			return TSU_OK;
		}
	return err_set(e, TSU_EINVAL, _("cannot export '%.40s'; use clients, notes, plans, all or ical"), name ? name : "");
}

const char *export_what_name(export_what w)
{
	static const char *const names[] = { "clients", "notes", "plans", "all" };
	return (unsigned)w < 4 ? names[w] : "?";
}

void export_doc_free(export_doc *d)
{
	sb_free(&d->text);
	free(d->cells);
	memset(d, 0, sizeof *d);
}

/* ---- CSV ----------------------------------------------------------------- */

typedef struct csv_out {
	export_doc *doc;
	csv_writer w;
	size_t row;
	int64_t client_id;
	const char *const *header;
	size_t col;
} csv_out;

static void cell(csv_out *o, const char *s)
{
	export_doc *d = o->doc;

	d->cells = xrealloc(d->cells, (d->ncells + 1) * sizeof *d->cells);
	d->cells[d->ncells++] = (export_cell){ d->text.len, o->row, o->header[o->col], o->client_id };
	o->col++;
	csv_field(&o->w, s);
}

static void end_row(csv_out *o)
{
	csv_end_row(&o->w);
	o->row++;
	o->col = 0;
}

static void start(csv_out *o, export_doc *d, const char *const *header)
{
	memset(d, 0, sizeof *d);
	sb_init(&d->text);
	o->doc = d;
	o->row = 1;
	o->col = 0;
	o->client_id = 0;
	o->header = header;
	csv_init(&o->w, &d->text);
	for (size_t i = 0; header[i]; i++)
		cell(o, header[i]);
	end_row(o);
}

/* A value by a fixed table of words; unknown values go out as they are. */
static const char *word(const char *v, const char *const *pairs)
{
	for (; *pairs; pairs += 2)
		if (strcmp(v, pairs[0]) == 0)
			return pairs[1];
	return v;
}

static const char *const note_words[] = { "meeting", "面談", "visit", "訪問", "phone", "電話",
	"conference", "会議", "accompany", "同行", NULL };
static const char *const stage_words[] = { "draft", "案", "final", "本計画", "superseded", "過去の計画", NULL };

/*
 * The clients' columns: every CF_EXPORT field of CLIENT_FIELDS
 * (store_client.h) in its order, headed by its first import heading, with
 * the latest service certificate's decision period just before the
 * case's state (status, closing date).  fields[] gets the field of each
 * column, NULL for the two decision columns.
 */
static const char *const decision_columns[] = { "decision-from", "decision-to" };

static size_t client_columns(const client_field **fields, const char **header)
{
	size_t n = 0;
	bool decision = false;

	for (const client_field *f = client_fields; f->name; f++) {
		if (!(f->flags & CF_EXPORT))
			continue;
		if (!client_field_editable(f) && !decision) {
			for (size_t i = 0; i < 2; i++, n++) {
				fields[n] = NULL;
				header[n] = import_client_aliases(decision_columns[i])[0];
			}
			decision = true;
		}
		fields[n] = f;
		header[n++] = f->aliases[0];
	}
	for (size_t i = 0; !decision && i < 2; i++, n++) {
		fields[n] = NULL;
		header[n] = import_client_aliases(decision_columns[i])[0];
	}
	header[n] = NULL;
	return n;
}

/* A field as the export writes it: a choice by its word, a support
 * level as 区分3 or 非該当, dates ISO. */
static char *export_value(const client *c, const client_field *f)
{
	char *v = client_get(c, f->name);

	if (f->type == CT_CHOICE) {
		char *w = xstrdup(client_choice_word(f->choice, v));
		free(v);
		return w;
	}
	if (f->type == CT_LEVEL && *v) {
		char *w = strcmp(v, "0") == 0 ? xstrdup("非該当") : xasprintf("区分%s", v);
		free(v);
		return w;
	}
	return v;
}

static void write_client(db *d, csv_out *o, const client *c, const client_field *const *fields, size_t ncols)
{
	char *from, *to;
	size_t decision = 0;

	store_export_decision_period(d, c->id, &from, &to);
	o->client_id = c->id;
	for (size_t i = 0; i < ncols; i++) {
		char *v;
		if (!fields[i]) {
			cell(o, decision++ ? to : from);
			continue;
		}
		v = export_value(c, fields[i]);
		cell(o, v);
		free(v);
	}
	end_row(o);
	free(from);
	free(to);
}

static int export_clients_csv(db *d, export_doc *doc, tsu_err *e)
{
	/* Every field and the two decision columns, NULL-terminated. */
#define ONE(...) + 1
	static const char *header[0 CLIENT_FIELDS(ONE) + 3];
	const client_field *fields[0 CLIENT_FIELDS(ONE) + 2];
#undef ONE
	size_t ncols;
	int64_t *ids;
	size_t n;
	csv_out o;

	ncols = client_columns(fields, header);
	if (store_client_ids(d, &ids, &n, e) != TSU_OK)
		return e->code;
	start(&o, doc, header);
	for (size_t i = 0; i < n; i++) {
		client c;
		if (store_client_get(d, ids[i], &c, e) != TSU_OK) {
			client_free(&c);
			free(ids);
			export_doc_free(doc);
			return e->code;
		}
		write_client(d, &o, &c, fields, ncols);
		client_free(&c);
	}
	free(ids);
	return TSU_OK;
}

/* A row of an export's cells; words[i] (if not NULL) translates cell i. */
typedef struct row_out {
	csv_out o;
	const char *const *const *words;
} row_out;

static void put_row(void *ctx, int64_t client_id, const char *const *cells, size_t n)
{
	row_out *r = ctx;
	csv_out *o = &r->o;

	o->client_id = client_id;
	for (size_t i = 0; i < n && o->header[i]; i++)
		cell(o, r->words[i] ? word(cells[i], r->words[i]) : cells[i]);
	end_row(o);
}

static int export_notes_csv(db *d, export_doc *doc, tsu_err *e)
{
	static const char *const header[] = {
		"受給者証番号", "氏名", "日付", "時刻", "種別", "相手", "所要時間（分）", "S（主観的情報）",
		"O（客観的情報）", "A（アセスメント）", "P（計画）", "事実", "解釈", "次の対応", "次の対応の期日",
		"次の対応の完了日", NULL,
	};
	static const char *const *const words[STORE_EXPORT_NOTE_CELLS] = { [4] = note_words };
	_Static_assert(sizeof header / sizeof *header == STORE_EXPORT_NOTE_CELLS + 1, "a header per cell");
	row_out r = { .words = words };

	start(&r.o, doc, header);
	return store_export_notes_each(d, put_row, &r, e);
}

static int export_plans_csv(db *d, export_doc *doc, tsu_err *e)
{
	static const char *const header[] = {
		"受給者証番号", "氏名", "計画番号", "段階", "計画作成日", "同意日", "交付日",
		"計画期間開始", "計画期間終了", "モニタリング期間（月）", "生活に対する意向",
		"総合的な援助の方針", "長期目標", "短期目標", "優先順位", "解決すべき課題",
		"支援目標", "達成時期", "サービス種類", "サービス内容", "量（頻度・時間）",
		"提供事業者", "本人の役割", "評価時期", "その他留意事項", NULL,
	};
	static const char *const *const words[STORE_EXPORT_PLAN_CELLS] = { [3] = stage_words };
	_Static_assert(sizeof header / sizeof *header == STORE_EXPORT_PLAN_CELLS + 1, "a header per cell");
	row_out r = { .words = words };

	start(&r.o, doc, header);
	return store_export_plans_each(d, put_row, &r, e);
}

int export_csv(db *d, export_what what, export_doc *out, tsu_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (what == EXPORT_ALL)
		return err_set(e, TSU_EINVAL, _("'export all' is JSON only (--format json); export clients, notes or plans as CSV"));
	/* One read section: a consistent picture while others write. */
	db_read_begin(d);
	rc = what == EXPORT_CLIENTS ? export_clients_csv(d, out, e) :
	     what == EXPORT_NOTES ? export_notes_csv(d, out, e) : export_plans_csv(d, out, e);
	db_read_end(d);
	if (rc != TSU_OK)
		export_doc_free(out);
	return rc;
}

int export_encode(const export_doc *doc, enum enc enc, bool bom,
		  char **buf, size_t *len, tsu_err *e)
{
	enc_fail fail;
	tsu_err ce;
	const export_cell *c = NULL;

	if (enc == ENC_UTF8) {
		strbuf b;
		sb_init(&b);
		if (bom)
			sb_adds(&b, CSV_BOM);
		sb_addn(&b, doc->text.s, doc->text.len);
		*len = b.len;
		*buf = sb_steal(&b);
		sb_free(&b);
		return TSU_OK;
	}
	if (enc_convert(ENC_UTF8, enc, doc->text.s, doc->text.len, buf, len, &fail, &ce) == TSU_OK)
		return TSU_OK;
	for (size_t i = 0; i < doc->ncells && doc->cells[i].offset <= fail.byte_offset; i++)
		c = &doc->cells[i];
	if (!c || fail.cp < 0)
		return err_set(e, TSU_EINVAL, _("%s; use --encoding utf-8; nothing was written"), ce.msg);
	char ch[8] = "";
	ch[text_encode(fail.cp, ch)] = '\0';
	char *shown = text_sanitize(ch, false);
	err_set(e, TSU_EINVAL,
		_("row %zu (client id %lld), column %s: the character '%s' (U+%04X) cannot be written in %s; use --encoding utf-8 or change the record; nothing was written"),
		c->row, (long long)c->client_id, c->column, shown, (unsigned)fail.cp, enc_name(enc));
	free(shown);
	return TSU_EINVAL;
}

/* ---- JSON ---------------------------------------------------------------- */

static void hex_value(strbuf *b, const char *key, const unsigned char *p, size_t n)
{
	sb_adds(b, "{\"");
	sb_adds(b, key);
	sb_adds(b, "\":\"");
	for (size_t i = 0; i < n; i++)
		sb_addf(b, "%02x", p[i]);
	sb_adds(b, "\"}");
}

static void put_value(strbuf *b, const dump_value *v)
{
	switch (v->type) {
	case DUMP_INT:
		json_put_int(b, v->i);
		break;
	case DUMP_REAL:
		json_put_real(b, v->r);
		break;
	case DUMP_TEXT:
		if (text_valid_utf8(v->p, v->len, NULL))
			json_put_string(b, v->p, v->len);
		else
			hex_value(b, "text_hex", (const unsigned char *)v->p, v->len);
		break;
	case DUMP_BLOB:
		hex_value(b, "blob_hex", (const unsigned char *)v->p, v->len);
		break;
	default:
		sb_adds(b, "null");
	}
}

typedef struct json_rows {
	strbuf *out;
	size_t rows;
} json_rows;

static void put_json_row(void *ctx, const char *const *cols, const dump_value *v, size_t n)
{
	json_rows *j = ctx;
	strbuf *out = j->out;

	sb_adds(out, j->rows++ ? ",\n      {" : "\n      {");
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addc(out, ',');
		json_put_string(out, cols[i], strlen(cols[i]));
		sb_addc(out, ':');
		put_value(out, &v[i]);
	}
	sb_addc(out, '}');
}

static int dump_table(db *d, const char *table, strbuf *out, tsu_err *e)
{
	json_rows j = { out, 0 };
	int rc;

	sb_adds(out, "    ");
	json_put_string(out, table, strlen(table));
	sb_adds(out, ": [");
	rc = store_dump_rows(d, table, put_json_row, &j, e);
	sb_adds(out, j.rows ? "\n    ]" : "]");
	return rc;
}

int export_json(db *d, export_what what, strbuf *out, tsu_err *e)
{
	static const char *const clients[] = { "client", NULL };
	static const char *const notes[] = { "note", NULL };
	static const char *const plans[] = { "plan", "plan_interval", "plan_row", "weekly_slot", "non_weekly", NULL };
	char **tables = NULL;
	size_t n = 0;
	int rc = TSU_OK;

	if (what == EXPORT_ALL) {
		if (store_dump_tables(d, &tables, &n) != TSU_OK)
			return db_error(d, e, _("reading the list of tables"));
	} else {
		const char *const *list = what == EXPORT_CLIENTS ? clients : what == EXPORT_NOTES ? notes : plans;
		for (; *list; list++) {
			tables = xrealloc(tables, (n + 1) * sizeof *tables);
			tables[n++] = xstrdup(*list);
		}
	}
	sb_init(out);
	sb_adds(out, "{\n  \"format\": \"tsunagi\",\n  \"format_version\": 1,\n");
	sb_addf(out, "  \"schema_version\": %d,\n", db_user_version(d));
	sb_addf(out, "  \"content\": \"%s\",\n  \"tables\": {\n", export_what_name(what));
	/* One read section, so the tables agree with each other. */
	db_read_begin(d);
	for (size_t i = 0; rc == TSU_OK && i < n; i++) {
		rc = dump_table(d, tables[i], out, e);
		sb_adds(out, i + 1 < n ? ",\n" : "\n");
	}
	db_read_end(d);
	sb_adds(out, "  }\n}\n");
	store_dump_free_names(tables, n);
	if (rc != TSU_OK)
		sb_free(out);
	return rc;
}
