/*
 * billing_report.h - the billing worksheet as text, CSV and A4 PDF
 * (tsunagi billing, the billing screen).  A worksheet to check the month
 * against before the claim, not the 国保連 transmission file.
 */
#ifndef TSUNAGI_BILLING_REPORT_H
#define TSUNAGI_BILLING_REPORT_H

#include "tsunagi/billing_source.h"
#include "tsunagi/xalloc.h"

typedef struct bill_sheet {
	bill_source src;
	bill_result r;
	bool initials;          /* initials from the kana, no 相手 text */
	const char *office, *worker;    /* borrowed */
	date_t today;
} bill_sheet;

int bill_sheet_build(db *d, month_t m, int category, int workers_tenths, bool initials,
		     const char *office, const char *worker, date_t today, bill_sheet *s, tsu_err *e);
void bill_sheet_free(bill_sheet *s);

/* "2026-11" (Japanese: 2026年11月); caller frees. */
char *bill_month_label(month_t m);
/* The client's name, or initials; sanitized (caller frees). */
char *bill_row_who(const bill_sheet *s, const bill_row *r);
/* The item's label: the fee's, or the problem's (not freed). */
const char *bill_row_label(const bill_row *r);
/* The evidence with the 相手 (not with initials) (caller frees). */
char *bill_row_evidence(const bill_sheet *s, const bill_row *r);
/* The category as shown: 機能強化型（Ⅱ）, or "none" (translated). */
const char *bill_category_label(int category);
/* The header line: office, worker, category, workers (caller frees). */
char *bill_sheet_subtitle(const bill_sheet *s);

void bill_sheet_text(const bill_sheet *s, strbuf *out);
/* CSV with stable columns (month, client_id, client_name, recipient_no,
 * section, item, label, date, units, evidence, status, note), no BOM. */
void bill_sheet_csv(const bill_sheet *s, strbuf *out);
/* In the PDF module (src/report/billing_pdf.c). */
int bill_sheet_pdf(const bill_sheet *s, char **pdf, size_t *len, tsu_err *e);

#endif
