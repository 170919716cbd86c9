/*
 * print.h - the forms a worker hands over (FORMS.md): the assessment's
 * 基本情報 and ICF items, the plan (サービス等利用計画 / 障害児支援利用計画),
 * the weekly schedule (週間計画表), the monitoring report (モニタリング
 * 報告書) and the one-page "before the meeting" sheet.
 *
 * A form is built once from the database as a list of blocks (a pform);
 * the same blocks are then laid out either as an A4 PDF (pdf.h)
 * or as 80-column text for lp.  The forms are official Japanese forms, so
 * their labels are Japanese in every locale.  Every stored text passes
 * through text_sanitize when it enters a block.
 *
 *	pform *f;
 *	if (print_build(db, PRINT_PLAN, client_id, 0, &opts, &f, &e) == TSU_OK) {
 *		char *txt = pform_render_text(f, &len);      or
 *		rc = pform_render_pdf(f, &pdf, &len, &e);
 *		pform_free(f);
 *	}
 */
#ifndef TSUNAGI_PRINT_H
#define TSUNAGI_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsunagi/date.h"
#include "tsunagi/db.h"
#include "tsunagi/err.h"
#include "tsunagi/records.h"
#include "tsunagi/service_kind.h"

/* ---- the blocks of a form ---- */

typedef enum pblk_kind {
	PB_HEADING,     /* a heading line across the page */
	PB_FIELDS,      /* label/value pairs, per_line pairs to a row (PDF) */
	PB_TEXT,        /* a labelled box of multi-line text */
	PB_TABLE,       /* a ruled table; in text, one record per row */
	PB_WEEK,        /* the weekly grid, with a text box beside it */
	PB_SIGN,        /* a signature line */
} pblk_kind;

typedef struct pslot {
	int weekday, start_min, end_min;   /* 0 Mon .. 6 Sun/holiday */
	char *activity;
} pslot;

typedef struct pblk {
	pblk_kind kind;
	char *label, *value;          /* HEADING text; TEXT, SIGN, WEEK side box */
	/* FIELDS: labels[i], values[i]; TABLE: heads[i] with weights[i];
	 * SIGN: the date's label and the date ("" blank) in labels[0], values[0] */
	char **labels, **values;
	size_t nfields;
	int per_line;
	char **heads;
	double *weights;              /* relative column widths */
	size_t ncols;
	char ***rows;                 /* nrows rows of ncols cells */
	bool *section;                /* a section row: rows[i][0] only */
	size_t nrows;
	pslot *slots;                 /* WEEK */
	size_t nslots;
} pblk;

typedef struct pform {
	char *title;
	char *subtitle;               /* a line under the title (may be "") */
	bool landscape;               /* PDF: A4 landscape */
	int64_t record_id;            /* the plan or monitoring printed (0: not said) */
	char *file_tag;               /* the file name's last part instead of an
	                               * id (a record's period), or NULL */
	bool draft;                   /* a draft plan's form (計画案) */
	bool fill_page;               /* PDF: a one-page form spreads the room
	                               * left at the bottom over its text boxes */
	bool paged;                   /* text: in pages of PRINT_TEXT_PAGE_LINES
	                               * lines with "n / m" (print_text_pages) */
	pblk *b;
	size_t n;
} pform;

pform *pform_new(const char *title, const char *subtitle, bool landscape);
void pform_free(pform *f);
void pform_heading(pform *f, const char *text);
/* pairs: label0, value0, label1, value1, ... (npairs pairs). */
void pform_fields(pform *f, int per_line, const char *const *pairs, size_t npairs);
void pform_text(pform *f, const char *label, const char *value);
pblk *pform_table(pform *f, const char *const *heads, const double *weights, size_t ncols);
void pform_table_row(pblk *t, const char *const *cells);
void pform_table_section(pblk *t, const char *text);
/* The weekly grid; side_label/side_text: the box beside it. */
pblk *pform_week(pform *f, const char *side_label, const char *side_text);
void pform_week_slot(pblk *w, int weekday, int start_min, int end_min, const char *activity);
/* The signature line under label, and beside it date_label ("同意日")
 * with the date, or a blank line to write it on when date is "". */
void pform_sign(pform *f, const char *label, const char *date_label, const char *date);

/* The form as text of at most PRINT_TEXT_COLS columns a line, for a
 * terminal or lp; caller frees; *len (may be NULL) gets its length. */
enum { PRINT_TEXT_COLS = 80 };
char *pform_render_text(const pform *f, size_t *len);
/*
 * text cut into pages of `lines` lines (a form feed between two pages):
 * each page ends with a blank line and "n / m" centred, and a page after
 * the first starts with `head` and a blank line, so a long record stays
 * readable when its sheets come apart.  lines below 8 count as 8.
 * Caller frees; *len (may be NULL) gets the length.
 */
enum { PRINT_TEXT_PAGE_LINES = 64 };
char *print_text_pages(const char *text, const char *head, int lines, size_t *len);
/* The form as an A4 PDF (landscape when f->landscape); *pdf: caller
 * frees.  TSU_EFAIL with a message when no Japanese font is found. */
int pform_render_pdf(const pform *f, char **pdf, size_t *len, tsu_err *e);

/* ---- the forms ---- */

typedef enum print_kind {
	PRINT_ASSESSMENT, PRINT_PLAN, PRINT_WEEKLY, PRINT_MONITORING, PRINT_PREP,
	PRINT_RECORD, PRINT_MEETING, PRINT_SUMMARY,
} print_kind;

/* "assessment", "plan", "weekly", "monitoring", "prep", "record",
 * "meeting", "summary" -> kind, or -1. */
int print_kind_from_name(const char *name);

typedef struct print_opts {
	const char *office;     /* 相談支援事業者名 (config "office"), may be "" */
	const char *worker;     /* 計画作成担当者 (config "worker" or the login) */
	bool initials;          /* names as initials from the kana (Y.T.) */
	date_t today;           /* the print date; the prep sheet's "now" */
	date_t from, to;        /* record: the period (DATE_NONE: open) */
	const char *party;      /* summary: to whom (情報提供先); the consent
	                         * that covers it is printed when there is one */
} print_opts;

/*
 * Build the form of kind k for client_id.  id names the record: the
 * assessment, the plan (plan and weekly), the monitoring, or the meeting
 * whose agenda holds the prep text; 0 takes the latest: the newest
 * assessment, the newest plan not superseded (a draft revision if one is
 * under way, else the plan in force), the newest monitoring done, and for
 * prep the next meeting (store_prep_get).  A record of another client is
 * refused.  *out: caller frees with pform_free.
 */
int print_build(db *db, print_kind k, int64_t client_id, int64_t id,
		const print_opts *o, pform **out, tsu_err *e);

/*
 * The drawn "before the meeting" summary of client_id as of today
 * (caller frees): 【最近の変化】 from the notes of the last 60 days and
 * the latest monitoring's overall situation; 【安定していること・不安定
 * なこと】 from each goal's last two GAS scores; 【来月大切なこと】 from
 * the latest monitoring's next steps and change flags, open action items
 * and the notes' next steps.  The sheet prints the stored text
 * (store_prep_get) instead when there is one.
 */
char *print_prep_summary(db *db, int64_t client_id, date_t today, tsu_err *e);

/* ---- shared by the print module's own files (src/report/print_*.c) ---- */

/* 令和8年4月1日 / R8.4.1; "" for DATE_NONE (caller frees). */
char *print_date(date_t d);
char *print_date_short(date_t d);
/* A note's kind as the forms write it: 面談, 訪問, 電話, 会議, 同行. */
const char *print_note_kind(const char *kind);
/* A GAS score as written on the forms: "+1", "0", "-2" (no sign on 0). */
char *print_gas(int gas);
struct client;
/* The client's name, or initials from the kana (caller frees). */
char *print_client_name(const struct client *c, bool initials);
/* The client's recipient numbers by certificate kind (print_head.c):
 * the newest certificate of each kind, and the client's own number where
 * none is recorded (a child's is the 通所 one).  "" when unknown. */
typedef struct print_numbers {
	char *service;          /* 障害福祉サービス受給者証番号 */
	char *community;        /* 地域相談支援受給者証番号 */
	char *day;              /* 通所受給者証番号 */
} print_numbers;
void print_numbers_load(db *db, const struct client *c, print_numbers *n);
void print_numbers_free(print_numbers *n);
/* 保護者氏名: the contact with role guardian, else the first family
 * contact; initials from the kana with --initials (caller frees). */
char *print_guardian_name(db *db, int64_t client_id, bool initials);
/* Which laws the plan's services (needs rows and non-weekly services)
 * come under; it chooses the form's title (service_kind.h). */
void print_service_mix(db *db, int64_t plan_id, service_mix *m);
/* The monitoring months as the certificate writes them, one stretch per
 * interval of the plan's history: "毎月(R9.1〜R9.3)、6月ごと(R9.9〜R10.3)";
 * the months are those of the rules (monitoring_due_months).  Caller
 * frees; "" when the plan has none. */
char *print_monitoring_months(db *db, const plan *p);
/* The PDF's file name for form f of kind k: plan-draft-<client>-<id>.pdf
 * and plan-final-<client>-<id>.pdf (weekly the same) so the 計画案 and
 * the 計画 are two documents, never one file printed over the other;
 * <form>-<client>-<id>.pdf for the others.  id is the record printed
 * (f->record_id when the form says it).  Caller frees. */
char *print_file_name(const pform *f, print_kind k, int64_t client_id, int64_t id);
int print_build_assessment(db *db, int64_t client_id, int64_t id, const print_opts *o,
			   pform **out, tsu_err *e);
int print_build_prep(db *db, int64_t client_id, int64_t id, const print_opts *o,
		     pform **out, tsu_err *e);
int print_build_record(db *db, int64_t client_id, const print_opts *o, pform **out, tsu_err *e);
int print_build_meeting(db *db, int64_t client_id, int64_t id, const print_opts *o,
			pform **out, tsu_err *e);
int print_build_summary(db *db, int64_t client_id, const print_opts *o, pform **out, tsu_err *e);

/* --initials on free text (print_names.c): the client's and its
 * contacts' names, whole and by part, replaced by initials from their
 * kana.  Off (initials false): print_names_hide copies. */
typedef struct print_names {
	char **from, **to;
	size_t n;
	bool on;
} print_names;
void print_names_load(db *db, const struct client *c, bool initials, print_names *r);
/* One person's name (whole, and by part when the kana has as many parts). */
void print_names_add_person(print_names *r, const char *name, const char *kana);
char *print_names_hide(const print_names *r, const char *text);
void print_names_free(print_names *r);

/*
 * The consent check of a summary for o->party on o->today (consent.h has
 * the rule): *consent_id the covering consent's id, 0 when none covers
 * it; *why (caller frees, may be NULL) one line saying which consent
 * covers it or that none does.
 */
int print_summary_consent(db *db, int64_t client_id, const char *party, date_t on,
			  int64_t *consent_id, char **why, tsu_err *e);

#endif
