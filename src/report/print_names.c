/*
 * print_names.c - --initials on the record, meeting and summary
 * printouts: the names tsunagi knows for a client (the client's own and
 * those of its contacts, whole and by part: "山田 太郎", "山田", "太郎")
 * are replaced in every text printed, free text included, by initials
 * from their kana ("Y.T.", "Y.", "T.").  A name written nowhere in the
 * records cannot be found this way; the meeting's attendee list hides
 * the names it cannot map (print_meeting.c).
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/print.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

static void add(print_names *r, const char *from, const char *to)
{
	if (text_chars(from) < 2)
		return;     /* one character is too likely a word of the text */
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->from[i], from) == 0)
			return;
	r->from = xrealloc(r->from, (r->n + 1) * sizeof *r->from);
	r->to = xrealloc(r->to, (r->n + 1) * sizeof *r->to);
	/* Longest first, so "山田 太郎" is replaced before "山田". */
	size_t at = r->n;
	while (at > 0 && strlen(r->from[at - 1]) < strlen(from)) {
		r->from[at] = r->from[at - 1];
		r->to[at] = r->to[at - 1];
		at--;
	}
	r->from[at] = xstrdup(from);
	r->to[at] = xstrdup(to);
	r->n++;
}

/* Split at ASCII and ideographic spaces and '・' (text_initials' parts). */
static size_t parts(const char *s, char **out, size_t max)
{
	size_t n = 0;

	while (*s && n < max) {
		size_t k = 0;
		while (s[k] == ' ')
			s++;
		if (!strncmp(s, "\u3000", 3) || !strncmp(s, "・", 3)) {
			s += 3;
			continue;
		}
		while (s[k] && s[k] != ' ' && strncmp(s + k, "\u3000", 3) && strncmp(s + k, "・", 3))
			k++;
		if (k)
			out[n++] = xstrndup(s, k);
		s += k;
	}
	return n;
}

/* The whole name, and each part when name and kana have as many parts. */
void print_names_add_person(print_names *r, const char *name, const char *kana)
{
	char *np[4], *kp[4], *whole = text_initials(kana);
	size_t nn = parts(name, np, 4), nk = parts(kana, kp, 4);

	if (!whole[0]) {
		free(whole);
		whole = xstrdup("?.");
	}
	add(r, name, whole);
	for (size_t i = 0; i < nn; i++) {
		char *ini = i < nk && nn == nk ? text_initials(kp[i]) : xstrdup("?.");
		if (nn > 1)
			add(r, np[i], ini[0] ? ini : "?.");
		free(ini);
	}
	for (size_t i = 0; i < nn; i++)
		free(np[i]);
	for (size_t i = 0; i < nk; i++)
		free(kp[i]);
	free(whole);
}

void print_names_load(db *d, const client *c, bool initials, print_names *r)
{
	contact *cs = NULL;
	size_t nc = 0;

	memset(r, 0, sizeof *r);
	r->on = initials;
	if (!initials)
		return;
	print_names_add_person(r, c->name, c->kana);
	if (store_record_list(d, &rt_contact, c->id, (void **)&cs, &nc, NULL) == TSU_OK)
		for (size_t i = 0; i < nc; i++)
			print_names_add_person(r, cs[i].name, cs[i].kana);
	record_free_list(&rt_contact, cs, nc);
}

void print_names_free(print_names *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->from[i]);
		free(r->to[i]);
	}
	free(r->from);
	free(r->to);
	memset(r, 0, sizeof *r);
}

char *print_names_hide(const print_names *r, const char *text)
{
	strbuf o;
	const char *p = text ? text : "";

	if (!r->on)
		return xstrdup(p);
	sb_init(&o);
	while (*p) {
		size_t i;
		for (i = 0; i < r->n; i++)
			if (strncmp(p, r->from[i], strlen(r->from[i])) == 0)
				break;
		if (i < r->n) {
			sb_adds(&o, r->to[i]);
			p += strlen(r->from[i]);
		} else {
			size_t k = 1;
			while ((p[k] & 0xC0) == 0x80)
				k++;
			sb_addn(&o, p, k);
			p += k;
		}
	}
	if (!o.s)
		sb_adds(&o, "");
	return sb_steal(&o);
}
