/*
 * export.c - clients, notes and plans as CSV, and tables as JSON.  The
 * CSV goes through the shared writer (csv.c) so every export quotes and
 * neutralises cells alike; the JSON is a plain dump of the database's
 * own tables and columns (read from its schema, never from input), which
 * is what makes `import all` able to give back every byte.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/csv.h"
#include "tsunagi/export.h"
#include "tsunagi/i18n.h"
#include "tsunagi/import.h"
#include "tsunagi/json.h"
#include "tsunagi/store_client.h"
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
	db_stmt *s = db_prepare(d,
		"SELECT valid_from, valid_to FROM certificate WHERE client_id = :id"
		" AND kind = 'service' ORDER BY valid_to DESC, id DESC LIMIT 1");
	char *from = xstrdup(""), *to = xstrdup("");
	size_t decision = 0;

	db_bind_int64(s, ":id", c->id);
	if (db_step(s) == DB_ROW) {
		free(from);
		free(to);
		from = db_col_strdup(s, 0);
		to = db_col_strdup(s, 1);
	}
	db_reset(s);
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
	db_stmt *s = db_prepare(d, "SELECT id FROM client ORDER BY id");
	int64_t *ids = NULL;
	size_t n = 0;
	csv_out o;
	int rc;

	ncols = client_columns(fields, header);
	while ((rc = db_step(s)) == DB_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = db_col_int64(s, 0);
	}
	db_reset(s);
	if (rc < 0) {
		free(ids);
		return db_error(d, e, _("reading the clients"));
	}
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

/* Rows of a query as cells; words[i] (if not NULL) translates column i. */
static int query_rows(db *d, csv_out *o, db_stmt *s, size_t first, const char *const *const *words, tsu_err *e)
{
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		o->client_id = db_col_int64(s, 0);
		for (size_t i = 0; o->header[i]; i++) {
			const char *v = db_col_text(s, (int)(first + i));
			cell(o, words && words[i] ? word(v, words[i]) : v);
		}
		end_row(o);
	}
	db_reset(s);
	if (rc < 0)
		return db_error(d, e, _("reading for the export"));
	return TSU_OK;
}

static int export_notes_csv(db *d, export_doc *doc, tsu_err *e)
{
	static const char *const header[] = {
		"受給者証番号", "氏名", "日付", "時刻", "種別", "相手", "所要時間（分）", "S（主観的情報）",
		"O（客観的情報）", "A（アセスメント）", "P（計画）", "事実", "解釈", "次の対応", "次の対応の期日",
		"次の対応の完了日", NULL,
	};
	static const char *const *const words[16] = { [4] = note_words };
	db_stmt *s = db_prepare(d,
		"SELECT c.id, c.recipient_no, c.name, n.noted_on, n.noted_at, n.kind, n.with_whom, n.minutes,"
		" n.subjective, n.objective, n.assessment, n.plan, n.fact, n.interpretation, n.next_step,"
		" n.next_on, n.next_done_on"
		" FROM note n JOIN client c ON c.id = n.client_id"
		" ORDER BY n.noted_on, n.noted_at, n.id");
	csv_out o;

	start(&o, doc, header);
	return query_rows(d, &o, s, 1, words, e);
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
	static const char *const *const words[25] = { [3] = stage_words };
	db_stmt *s = db_prepare(d,
		"SELECT c.id, c.recipient_no, c.name, p.id, p.stage, p.written_on, p.consented_on,"
		" p.delivered_on, p.period_from, p.period_to, p.monitoring_months, p.wishes, p.policy,"
		" p.long_goal, p.short_goal, r.priority, r.need, r.goal, r.target_on, r.service_kind,"
		" r.service_detail, r.service_amount,"
		/* A row linked to the register: its provider as the plan prints it. */
		" coalesce((SELECT v.name || CASE WHEN v.contact_person = '' AND v.phone = '' THEN ''"
		"   ELSE '（' || v.contact_person"
		"   || CASE WHEN v.contact_person <> '' AND v.phone <> '' THEN '・' ELSE '' END"
		"   || v.phone || '）' END"
		"  FROM service_provider v WHERE v.id = r.provider_id), r.provider),"
		" r.client_role, r.review_on, r.remarks"
		" FROM plan p JOIN client c ON c.id = p.client_id"
		" LEFT JOIN plan_row r ON r.plan_id = p.id"
		" ORDER BY c.id, p.period_from, p.id, r.priority, r.id");
	csv_out o;

	start(&o, doc, header);
	return query_rows(d, &o, s, 1, words, e);
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

/* "name" quoted as an SQL identifier. */
static void ident(strbuf *b, const char *name)
{
	sb_addc(b, '"');
	for (; *name; name++) {
		if (*name == '"')
			sb_addc(b, '"');
		sb_addc(b, *name);
	}
	sb_addc(b, '"');
}

static void hex_value(strbuf *b, const char *key, const unsigned char *p, size_t n)
{
	sb_adds(b, "{\"");
	sb_adds(b, key);
	sb_adds(b, "\":\"");
	for (size_t i = 0; i < n; i++)
		sb_addf(b, "%02x", p[i]);
	sb_adds(b, "\"}");
}

static void put_value(strbuf *b, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		json_put_int(b, sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT:
		json_put_real(b, sqlite3_column_double(st, i));
		break;
	case SQLITE_TEXT: {
		const char *t = (const char *)sqlite3_column_text(st, i);
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		if (text_valid_utf8(t, n, NULL))
			json_put_string(b, t, n);
		else
			hex_value(b, "text_hex", (const unsigned char *)t, n);
		break;
	}
	case SQLITE_BLOB:
		hex_value(b, "blob_hex", sqlite3_column_blob(st, i), (size_t)sqlite3_column_bytes(st, i));
		break;
	default:
		sb_adds(b, "null");
	}
}

int export_table_columns(db *d, const char *table, char ***cols, size_t *n, strbuf *order)
{
	db_stmt *s = db_prepare(d, "SELECT name, pk FROM pragma_table_info(:t) ORDER BY cid");
	char *pk[32] = { 0 };
	int rc;

	*cols = NULL;
	*n = 0;
	db_bind_text(s, ":t", table);
	while ((rc = db_step(s)) == DB_ROW) {
		int k = db_col_int(s, 1);
		*cols = xrealloc(*cols, (*n + 1) * sizeof **cols);
		(*cols)[(*n)++] = db_col_strdup(s, 0);
		if (k > 0 && k <= 32)
			pk[k - 1] = (*cols)[*n - 1];
	}
	db_reset(s);
	if (order) {
		for (int k = 0; k < 32 && pk[k]; k++) {
			if (k)
				sb_adds(order, ", ");
			ident(order, pk[k]);
		}
		if (!pk[0])
			sb_adds(order, "rowid");
	}
	return rc < 0 ? TSU_EIO : TSU_OK;
}

void export_free_names(char **cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cols[i]);
	free(cols);
}

static int dump_table(db *d, const char *table, strbuf *out, tsu_err *e)
{
	strbuf sql, order;
	char **cols;
	size_t n;
	sqlite3_stmt *st = NULL;
	int rc, rows = 0;

	sb_init(&order);
	if (export_table_columns(d, table, &cols, &n, &order) != TSU_OK || n == 0) {
		sb_free(&order);
		export_free_names(cols, n);
		return err_set(e, TSU_EIO, _("cannot read the columns of table %s"), table);
	}
	/* Identifiers from the database's own schema, quoted; no values. */
	sb_init(&sql);
	sb_adds(&sql, "SELECT ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&sql, ", ");
		ident(&sql, cols[i]);
	}
	sb_adds(&sql, " FROM ");
	ident(&sql, table);
	sb_adds(&sql, " ORDER BY ");
	sb_adds(&sql, order.s);
	sb_free(&order);
	rc = sqlite3_prepare_v2(db_handle(d), sql.s, -1, &st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK) {
		export_free_names(cols, n);
		return db_error(d, e, _("reading for the export"));
	}
	sb_adds(out, "    ");
	json_put_string(out, table, strlen(table));
	sb_adds(out, ": [");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sb_adds(out, rows++ ? ",\n      {" : "\n      {");
		for (size_t i = 0; i < n; i++) {
			if (i)
				sb_addc(out, ',');
			json_put_string(out, cols[i], strlen(cols[i]));
			sb_addc(out, ':');
			put_value(out, st, (int)i);
		}
		sb_addc(out, '}');
	}
	sb_adds(out, rows ? "\n    ]" : "]");
	export_free_names(cols, n);
	if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_error(d, e, _("reading for the export"));
	}
	sqlite3_finalize(st);
	return TSU_OK;
}

int export_all_tables(db *d, char ***out, size_t *n)
{
	db_stmt *s = db_prepare(d,
		"SELECT name FROM sqlite_schema WHERE type = 'table'"
		" AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
		/* Facts about the file, what is derived from the records
		 * and rebuilt from them after an import (the due cache and
		 * its day counts, the client counts), and the UI sessions'
		 * drafts: unsaved text of one session, not records (their
		 * key is a session of this database, see 0013). */
		" AND name NOT IN ('meta', 'due_cache', 'due_dirty', 'due_day', 'client_count',"
		" 'draft', 'draft_field')"
		" ORDER BY rowid");
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = db_col_strdup(s, 0);
	}
	db_reset(s);
	return rc < 0 ? TSU_EIO : TSU_OK;
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
		if (export_all_tables(d, &tables, &n) != TSU_OK)
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
	export_free_names(tables, n);
	if (rc != TSU_OK)
		sb_free(out);
	return rc;
}
