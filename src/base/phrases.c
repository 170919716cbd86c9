/*
 * phrases.c - the fixed phrases and templates (定型文) for progress notes
 * (phrases.h): the built-in ones and the choice between them and the
 * config's phrase.KIND lines.
 *
 * The built-in phrases are the project's own suggestions of what a
 * 相談支援専門員 writes again and again in 支援経過記録 (the opening of a
 * visit, a call, an accompaniment, a meeting, and a few templates); they
 * are not taken from any public source and none was found that lists
 * such phrases.  Workers replace them per kind in the config file.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/phrases.h"
#include "tsunagi/xalloc.h"

static const struct { const char *kind, *text; } builtin[] = {
	{ "phone", "本人に電話し、体調と生活の様子を確認した。" },
	{ "phone", PHRASE_PHONE_MOTHER },
	{ "phone", "本人より電話。" },
	{ "phone", "事業所より電話。" },
	{ "phone", "日程調整の電話。" },
	{ "phone", "相手: \n用件: \n対応: " },
	{ "visit", PHRASE_VISIT },
	{ "visit", "服薬状況を確認した。" },
	{ "visit", "生活に大きな変化はない。" },
	{ "visit", "様子: \n服薬: \n本人の話: \n次回: " },
	{ "meeting", "事業所にて本人と面談。" },
	{ "meeting", "本人・家族と面談。" },
	{ "meeting", "計画の内容を説明し、同意を得た。" },
	{ "conference", PHRASE_CONFERENCE },
	{ "conference", PHRASE_CONFERENCE_SHARED },
	{ "conference", "合意事項は会議の記録を参照。" },
	{ "accompany", PHRASE_ACCOMPANY_CLINIC },
	{ "accompany", "事業所の見学に同行。" },
	{ "accompany", "役所の手続きに同行。" },
	{ "any", "特に変わりなし。" },
	{ "any", "次回のモニタリングで確認する。" },
	{ "any", "主治医への情報提供を検討。" },
};

const char *const note_kind_names[] = { "meeting", "visit", "phone", "conference", "accompany", NULL };

bool phrase_kind_known(const char *kind)
{
	if (strcmp(kind, "any") == 0)
		return true;
	for (size_t i = 0; note_kind_names[i]; i++)
		if (strcmp(kind, note_kind_names[i]) == 0)
			return true;
	return false;
}

/* Append kind's phrases to out: the config's, else the built-in ones. */
static size_t add_kind(const config *c, const char *kind, const char **out, size_t n, size_t max)
{
	bool own = false;

	for (size_t i = 0; i < c->nphrases; i++)
		if (strcmp(c->phrases[i].kind, kind) == 0) {
			own = true;
			if (n < max)
				out[n++] = c->phrases[i].text;
		}
	if (own)
		return n;
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcmp(builtin[i].kind, kind) == 0 && n < max)
			out[n++] = builtin[i].text;
	return n;
}

size_t phrases_for(const config *c, const char *kind, const char **out, size_t max)
{
	size_t n = 0;

	if (kind && kind[0] && strcmp(kind, "any") != 0)
		n = add_kind(c, kind, out, n, max);
	return add_kind(c, "any", out, n, max);
}

char *phrase_unescape(const char *value)
{
	char *out = xmalloc(strlen(value) + 1), *w = out;

	for (const char *p = value; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			*w++ = '\n';
			p++;
		} else if (p[0] == '\\' && p[1] == '\\') {
			*w++ = '\\';
			p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return out;
}
