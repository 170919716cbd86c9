/*
 * wrap.h - where a line of Japanese text should break.  Japanese has no
 * spaces between words, so a printout that wraps wherever the width runs
 * out cuts words (中 / 等度).  This is the rule, as a pure function:
 * widths in, break positions out; the PDF engine (pdf.h) measures the
 * widths from the font (ttf.h) and sets the lines where this says.
 *
 * Every place between two characters gets a class, the better the
 * higher; a line ends at the best place that fits, so a word is cut only
 * when a line holds no better place (a word longer than the line, a long
 * kanji compound with nothing around it).
 */
#ifndef TSUNAGI_WRAP_H
#define TSUNAGI_WRAP_H

#include <stddef.h>

enum wrap_class {
	/* Never, unless nothing else fits: before 、。）」ー and small kana
	 * (kinsoku), after （「, before a space, inside a character. */
	WRAP_NO,
	/* Inside a word: a run of kanji (中|等度), of katakana, a latin
	 * word or a number, a number and its counter (3|回). */
	WRAP_WORD,
	/* Inside kana, between a word and its okurigana (問題|なし), a
	 * kanji before a number (週|3回). */
	WRAP_KANA,
	/* Where the script changes: kana to kanji, kanji and katakana,
	 * Japanese and latin (障害福祉|サービス, 使って|週3回). */
	WRAP_SCRIPT,
	/* After a particle: は が を に で と の へ も や から まで より
	 * when it follows a word or precedes one (計画変更の|必要性). */
	WRAP_PARTICLE,
	/* After 、。）」！？・, after a space, before （「. */
	WRAP_PUNCT,
};

/* The class of the place before byte i of s (n bytes; 0 < i < n, i at a
 * character's start; otherwise WRAP_NO). */
enum wrap_class wrap_class_at(const char *s, size_t n, size_t i);

/*
 * The soft line breaks of s in lines at most width wide: the byte
 * offsets where a line starts, in order (at most max of them; the
 * count is returned).  adv[i] is the width of the character (or
 * cluster: a base and its marks) starting at byte i of s, and negative
 * for every other byte; s's own newlines end lines and are not returned.
 * Spaces at the end of a line hang past the width.
 *
 * Each line ends at the best place that fits: the highest class, and
 * the last of them.  Among WRAP_SCRIPT, WRAP_PARTICLE and WRAP_PUNCT a
 * lower class wins when it leaves the line fuller by more than 0.1 (0.25)
 * of its width, so a line is not left short for a comma near its start;
 * a break inside a word (WRAP_WORD) or inside kana never beats a place
 * of a better class.  With no place at all (a character wider than the
 * line), a line holds one character.
 */
size_t wrap_lines(const char *s, const double *adv, double width, size_t *brk, size_t max);

#endif
