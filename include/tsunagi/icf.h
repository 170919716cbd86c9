/*
 * icf.h - the ICF categories an assessment item can be coded with: every
 * chapter (b1-b8, s1-s8, d1-d9, e1-e5) and the common second-level
 * categories, with their Japanese and English names.  data/icf.tsv is
 * the source (it says where the names come from); src/base/icf_data.c
 * holds the same list compiled in, and test_icf checks they agree.
 */
#ifndef TSUNAGI_ICF_H
#define TSUNAGI_ICF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct icf_entry {
	const char *code;        /* "d450" */
	const char *component;   /* "b", "s", "d" or "e" */
	const char *ja;          /* 歩行 */
	const char *en;          /* Walking */
} icf_entry;

/* The list in data/icf.tsv's order (by component, then code). */
extern const icf_entry icf_entries[];
extern const size_t icf_count;

/* The entry with this code (case and surrounding space ignored), or NULL. */
const icf_entry *icf_lookup(const char *code);

/*
 * The entries whose code, Japanese or English name contains query once
 * both are folded with text_fold (so "D45", "ｗａｌｋ" and "歩行" all find
 * d450), in list order; a blank query matches all.
 * Up to max pointers into icf_entries are stored in out; returns the
 * number of matches, which may be more than max.
 */
size_t icf_search(const char *query, const icf_entry **out, size_t max);
/* The same, only entries of component ("b", "s", "d", "e"; NULL or any
 * other value: all). */
size_t icf_search_in(const char *query, const char *component, const icf_entry **out, size_t max);

/*
 * Whether code is an ICF code: a component letter, a chapter the ICF has
 * (every chapter is in the list: b1-b8, s1-s8, d1-d9, e1-e5) and 1, 3, 4
 * or 5 digits in all (chapter, second, third, fourth level).  The list
 * holds only the common second-level categories, so a well-formed code of
 * an existing chapter is accepted even when it is not listed.  On a bad
 * code: false, with up to 3 listed codes nearest to it in near
 * (NULL-terminated).
 */
bool icf_code_valid(const char *code, const icf_entry *near[4]);

/* The component a code belongs to - "b", "s", "d" or "e" for a
 * well-formed code (letter then 1 to 5 digits), listed or not - or NULL. */
const char *icf_component_of(const char *code);

/* The Japanese name of a component as the forms print it:
 * b 心身機能, s 身体構造, d 活動と参加, e 環境因子, personal 個人因子;
 * NULL for anything else. */
const char *icf_component_ja(const char *component);

/*
 * Whether q is a value of the ICF's generic qualifier: 0 no problem, 1
 * mild, 2 moderate, 3 severe, 4 complete (the five-point scale, e.g. as
 * the IOM summarises WHO's ICF: books.nap.edu/openbook.php?record_id=10411
 * &page=264), 8 not specified, 9 not applicable (WHO ICF, annex 2's
 * coding guidelines, from memory: not confirmed from a stored source).
 */
bool icf_qualifier_valid(int q);

#endif
