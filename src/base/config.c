/*
 * config.c - reading the user's settings file.  The parser takes bytes,
 * not a file, so it can be fuzzed; every value is checked and a line that
 * fails is reported and skipped, never half-applied.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/record.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

void config_defaults(config *c)
{
	memset(c, 0, sizeof *c);
	c->worker = xstrdup("");
	c->office = xstrdup("");
	c->idle_minutes = 10;
	due_leads_default(&c->leads);
	c->note_hide = FF_STYLE_SOAP;
	c->warnings = xstrdup("");
}

void config_free(config *c)
{
	for (size_t i = 0; i < c->nbindings; i++) {
		free(c->bindings[i].action);
		free(c->bindings[i].key);
	}
	free(c->bindings);
	free(c->worker);
	free(c->office);
	free(c->warnings);
	memset(c, 0, sizeof *c);
}

static void warn(config *c, strbuf *w, size_t lineno, const char *why)
{
	(void)c;
	sb_addf(w, _("config line %zu: %s; the line is ignored\n"), lineno, why);
}

/* lead.NAME = DAYS */
static void set_lead(config *c, strbuf *w, size_t lineno, const char *name, const char *val)
{
	int k = due_lead_from_name(name);
	char *end;
	long v;

	if (k < 0) {
		warn(c, w, lineno, _("unknown lead time (lead.certificate, lead.support_level, lead.plan, lead.review, lead.consent, lead.action, lead.transition, lead.billing, lead.mismatch, lead.next)"));
		return;
	}
	errno = 0;
	v = strtol(val, &end, 10);
	if (errno || end == val || *end || v < 0 || v > DUE_LEAD_MAX_DAYS) {
		warn(c, w, lineno, _("a lead time must be a whole number of days from 0 to 730"));
		return;
	}
	c->leads.days[k] = (int)v;
}

static void set_line(config *c, strbuf *w, size_t lineno, char *line)
{
	char *eq = strchr(line, '=');
	char *key, *val;

	if (!eq) {
		warn(c, w, lineno, _("expected 'name = value'"));
		return;
	}
	*eq = '\0';
	key = text_trim(line);
	val = text_trim(eq + 1);
	if (!text_valid_utf8(val, strlen(val), NULL) || !text_valid_utf8(key, strlen(key), NULL)) {
		warn(c, w, lineno, _("the text is not valid UTF-8"));
	} else if (strcmp(key, "worker") == 0 || strcmp(key, "office") == 0) {
		if (text_chars(val) > STORE_NAME_MAX) {
			warn(c, w, lineno, _("the name is too long"));
		} else {
			char **dst = key[0] == 'w' ? &c->worker : &c->office;
			free(*dst);
			*dst = val;
			val = NULL;
		}
	} else if (strcmp(key, "idle_minutes") == 0) {
		char *end;
		long v;
		errno = 0;
		v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < 0 || v > 1440)
			warn(c, w, lineno, _("idle_minutes must be a whole number from 0 to 1440"));
		else
			c->idle_minutes = (int)v;
	} else if (strcmp(key, "note_style") == 0) {
		if (strcmp(val, "soap") == 0)
			c->note_hide = FF_STYLE_FACT;
		else if (strcmp(val, "fact") == 0)
			c->note_hide = FF_STYLE_SOAP;
		else if (strcmp(val, "both") == 0)
			c->note_hide = 0;
		else
			warn(c, w, lineno, _("note_style must be soap, fact or both"));
	} else if (strncmp(key, "lead.", 5) == 0) {
		set_lead(c, w, lineno, key + 5, val);
	} else if (strncmp(key, "bind.", 5) == 0 && key[5] && val[0]) {
		c->bindings = xrealloc(c->bindings, (c->nbindings + 1) * sizeof *c->bindings);
		c->bindings[c->nbindings].action = xstrdup(key + 5);
		c->bindings[c->nbindings].key = xstrdup(val);
		c->nbindings++;
	} else {
		warn(c, w, lineno, _("unknown setting"));
	}
	free(key);
	free(val);
}

void config_parse(config *c, const char *text, size_t len)
{
	strbuf w;
	size_t lineno = 0, i = 0;

	sb_init(&w);
	sb_adds(&w, c->warnings);
	while (i < len) {
		size_t start = i, end;
		char *line, *p;

		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;
		lineno++;
		if (memchr(text + start, '\0', end - start)) {
			warn(c, &w, lineno, _("the line contains a NUL byte"));
			continue;
		}
		if (end > start && text[end - 1] == '\r')
			end--;
		line = xstrndup(text + start, end - start);
		p = line + strspn(line, " \t");
		if (*p && *p != '#')
			set_line(c, &w, lineno, p);
		free(line);
	}
	free(c->warnings);
	c->warnings = sb_steal(&w);
	sb_free(&w);
}

char *config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/tsunagi/config", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/tsunagi/config", home);
	return NULL;
}

int config_load(config *c, tsu_err *e)
{
	char *path = config_path();
	FILE *f;
	strbuf b;
	char buf[4096];
	size_t n;
	struct stat st;
	int fd;

	if (!path)
		return TSU_OK;
	/* O_NONBLOCK: a FIFO or device put where the config belongs must
	 * not hang every command; only a regular file is read. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		int rc = errno == ENOENT ? TSU_OK :
			err_set(e, TSU_EIO, _("cannot read %s: %s; check its permissions"), path, strerror(errno));
		free(path);
		return rc;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		int rc = err_set(e, TSU_EIO, _("%s is not a regular file; replace it with a text file of settings"), path);
		close(fd);
		free(path);
		return rc;
	}
	f = fdopen(fd, "r");
	if (!f) {
		int rc = err_set(e, TSU_EIO, _("cannot read %s: %s; check its permissions"), path, strerror(errno));
		close(fd);
		free(path);
		return rc;
	}
	sb_init(&b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && b.len < (1u << 20))
		sb_addn(&b, buf, n);
	fclose(f);
	config_parse(c, b.s, b.len);
	sb_free(&b);
	free(path);
	return TSU_OK;
}
