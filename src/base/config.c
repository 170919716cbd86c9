/*
 * config.c - reading the user's settings file.  The parser takes bytes,
 * not a file, so it can be fuzzed; every value is checked and a line that
 * fails is reported and skipped, never half-applied.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/phrases.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"


int config_category_parse(const char *s)
{
	static const char *const names[][4] = {
		{ "none", "0", "", NULL }, { "1", "I", "Ⅰ", NULL }, { "2", "II", "Ⅱ", NULL },
		{ "3", "III", "Ⅲ", NULL }, { "4", "IV", "Ⅳ", NULL },
	};

	if (!s)
		return -1;
	for (int c = 0; c <= CONFIG_CATEGORY_MAX; c++)
		for (int i = 0; names[c][i]; i++)
			if (strcmp(s, names[c][i]) == 0)
				return c;
	return -1;
}

int config_workers_parse(const char *s)
{
	int whole = 0, tenth = 0, digits = 0;

	if (!s)
		return -1;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if ((whole = whole * 10 + (*s - '0')) > 99)
			return -1;
	if (digits == 0)
		return -1;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return -1;
		tenth = *s++ - '0';
	}
	if (*s)
		return -1;
	whole = whole * 10 + tenth;
	return whole >= 1 && whole <= CONFIG_WORKERS_TENTHS_MAX ? whole : -1;
}

void config_defaults(config *c)
{
	memset(c, 0, sizeof *c);
	c->worker = xstrdup("");
	c->office = xstrdup("");
	c->printer = xstrdup("");
	c->idle_minutes = 10;
	c->billing_workers = 10;
	due_leads_default(&c->leads);
	c->note_style = NOTE_STYLE_FACT;
	c->record_delay_days = 3;
	c->warnings = xstrdup("");
}

void config_free(config *c)
{
	for (size_t i = 0; i < c->nbindings; i++) {
		free(c->bindings[i].action);
		free(c->bindings[i].key);
	}
	for (size_t i = 0; i < c->nphrases; i++) {
		free(c->phrases[i].kind);
		free(c->phrases[i].text);
	}
	free(c->phrases);
	free(c->bindings);
	free(c->worker);
	free(c->office);
	free(c->printer);
	free(c->warnings);
	memset(c, 0, sizeof *c);
}

static void warn(config *c, strbuf *w, size_t lineno, const char *why)
{
	sb_addf(w, _("config line %zu: %s; the line is ignored\n"), lineno, why);
}

/* lpadmin's rule (printable, no space, '/', '#', at most 127 bytes)
 * with the quotes and '\\' that CUPS also refuses, and no leading '-'
 * so the name can never read as an option. */
const char *config_bad_printer(const char *name)
{
	size_t n = strlen(name);

	if (n == 0)
		return _("the printer name is empty");
	if (n > 127)
		return _("a printer name is at most 127 bytes");
	if (name[0] == '-')
		return _("a printer name does not start with '-'");
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '#' || c == '"' || c == '\'')
			return _("a printer name has no spaces, control characters, '/', '\\', '#' or quotes");
	}
	if (!text_valid_utf8(name, n, NULL))
		return _("the text is not valid UTF-8");
	return NULL;
}

/* Why val is not a good value of key (worker, office, idle_minutes,
 * lead.NAME, printer), translated, or NULL when it is; "unknown" for other keys.
 * The parser and the settings screen share it; saving also refuses
 * control characters in a name (a file written by hand may have them,
 * and everything that shows a name sanitises it). */
static const char *bad_value(const char *key, const char *val, bool saving)
{
	char *end;
	long v;

	if (!text_valid_utf8(val, strlen(val), NULL))
		return _("the text is not valid UTF-8");
	if (strcmp(key, "worker") == 0 || strcmp(key, "office") == 0) {
		for (const char *p = val; saving && *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return _("the name must be one line of text without control characters");
		return text_chars(val) > TEXT_NAME_MAX ? _("the name is too long") : NULL;
	}
	if (strcmp(key, "printer") == 0)
		return val[0] ? config_bad_printer(val) : NULL;   /* "": CUPS's default */
	if (strcmp(key, "idle_minutes") == 0) {
		errno = 0;
		v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < 0 || v > 1440)
			return _("idle_minutes must be a whole number from 0 to 1440");
		return NULL;
	}
	if (strcmp(key, "billing.category") == 0)
		return config_category_parse(val) < 0
			? _("billing.category must be none, 1, 2, 3 or 4 (機能強化型（Ⅰ）〜（Ⅳ）)") : NULL;
	if (strcmp(key, "billing.workers") == 0)
		return config_workers_parse(val) < 0
			? _("billing.workers must be the number of 相談支援専門員 from 0.1 to 99.9 (常勤換算, e.g. 1.5)") : NULL;
	if (strcmp(key, "record_delay_days") == 0) {
		errno = 0;
		v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < 0 || v > 365)
			return _("the days must be a whole number from 0 to 365");
		return NULL;
	}
	if (strncmp(key, "lead.", 5) == 0) {
		if (due_lead_from_name(key + 5) < 0)
			return _("unknown lead time (lead.certificate, lead.support_level, lead.plan, lead.review, lead.consent, lead.action, lead.transition, lead.billing, lead.mismatch, lead.next)");
		errno = 0;
		v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < 0 || v > DUE_LEAD_MAX_DAYS)
			return _("a lead time must be a whole number of days from 0 to 730");
		return NULL;
	}
	return _("unknown setting");
}

int config_check(const char *key, const char *value, tsu_err *e)
{
	const char *why = bad_value(key, value, true);

	return why ? err_set(e, TSU_EINVAL, _("%s: %s"), key, why) : TSU_OK;
}

/* phrase.KIND = TEXT: one more fixed phrase for notes of KIND. */
static void phrase_line(config *c, strbuf *w, size_t lineno, const char *kind, const char *val)
{
	char *text;

	if (!phrase_kind_known(kind)) {
		warn(c, w, lineno, _("unknown note kind after phrase. (meeting, visit, phone, conference, accompany or any)"));
		return;
	}
	if (!val[0]) {
		warn(c, w, lineno, _("a phrase needs its text after ="));
		return;
	}
	text = phrase_unescape(val);
	if (text_chars(text) > PHRASE_TEXT_MAX) {
		free(text);
		warn(c, w, lineno, _("a phrase can be at most 500 characters"));
		return;
	}
	c->phrases = xrealloc(c->phrases, (c->nphrases + 1) * sizeof *c->phrases);
	c->phrases[c->nphrases].kind = xstrdup(kind);
	c->phrases[c->nphrases].text = text;
	c->nphrases++;
}

static void set_line(config *c, strbuf *w, size_t lineno, char *line)
{
	char *eq = strchr(line, '=');
	char *key, *val;
	const char *why;

	if (!eq) {
		warn(c, w, lineno, _("expected 'name = value'"));
		return;
	}
	*eq = '\0';
	key = text_trim(line);
	val = text_trim(eq + 1);
	if (!text_valid_utf8(val, strlen(val), NULL) || !text_valid_utf8(key, strlen(key), NULL)) {
		warn(c, w, lineno, _("the text is not valid UTF-8"));
	} else if (strcmp(key, "worker") == 0 || strcmp(key, "office") == 0 ||
		   strcmp(key, "idle_minutes") == 0 || strncmp(key, "lead.", 5) == 0 ||
		   strcmp(key, "printer") == 0) {
		if ((why = bad_value(key, val, false)) != NULL) {
			warn(c, w, lineno, why);
		} else if (key[0] == 'p') {
			free(c->printer);
			c->printer = val;
			val = NULL;
		} else if (key[0] == 'w' || key[0] == 'o') {
			char **dst = key[0] == 'w' ? &c->worker : &c->office;
			free(*dst);
			*dst = val;
			val = NULL;
			c->names_set = true;
		} else if (key[0] == 'i') {
			c->idle_minutes = (int)strtol(val, NULL, 10);
		} else {
			c->leads.days[due_lead_from_name(key + 5)] = (int)strtol(val, NULL, 10);
		}
	} else if (strcmp(key, "billing.category") == 0 || strcmp(key, "billing.workers") == 0) {
		if ((why = bad_value(key, val, false)) != NULL)
			warn(c, w, lineno, why);
		else if (key[8] == 'c')
			c->billing_category = config_category_parse(val);
		else
			c->billing_workers = config_workers_parse(val);
	} else if (strcmp(key, "record_delay_days") == 0) {
		if ((why = bad_value(key, val, false)) != NULL)
			warn(c, w, lineno, why);
		else
			c->record_delay_days = (int)strtol(val, NULL, 10);
	} else if (strcmp(key, "note_style") == 0) {
		if (strcmp(val, "soap") == 0)
			c->note_style = NOTE_STYLE_SOAP;
		else if (strcmp(val, "fact") == 0)
			c->note_style = NOTE_STYLE_FACT;
		else if (strcmp(val, "both") == 0)
			c->note_style = NOTE_STYLE_BOTH;
		else
			warn(c, w, lineno, _("note_style must be soap, fact or both"));
	} else if (strncmp(key, "phrase.", 7) == 0) {
		phrase_line(c, w, lineno, key + 7, val);
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

/* ---- writing: the settings screen's changes into the file ---- */

/* The name before '=' of a setting line [p, end), trimmed as the
 * parser trims it (caller frees), or NULL for a comment, a blank line
 * or a line without '='. */
static char *line_key(const char *p, const char *end)
{
	const char *eq;
	char *raw, *key;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p == '#' || !(eq = memchr(p, '=', (size_t)(end - p))))
		return NULL;
	raw = xstrndup(p, (size_t)(eq - p));
	key = text_trim(raw);
	free(raw);
	return key;
}

static void put_setting(strbuf *b, const config_change *c)
{
	if (c->value[0])
		sb_addf(b, "%s = %s", c->key, c->value);
	else
		sb_addf(b, "%s =", c->key);
}

char *config_rewrite(const char *text, size_t len, const config_change *ch, size_t n, size_t *out_len)
{
	bool *done = xcalloc(n ? n : 1, sizeof *done);
	strbuf b;
	size_t i = 0;

	sb_init(&b);
	while (i < len) {
		size_t start = i, end, j;
		char *key;

		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;
		if (end > start && text[end - 1] == '\r')
			end--;
		key = memchr(text + start, '\0', end - start) ? NULL :
			line_key(text + start, text + end);
		for (j = 0; key && j < n; j++)
			if (strcmp(ch[j].key, key) == 0)
				break;
		if (!key || j == n) {
			free(key);
			sb_addn(&b, text + start, i - start);
			continue;
		}
		free(key);
		/* Every line of the key gets the value (the last one is
		 * the one that counts when read), its line end kept. */
		done[j] = true;
		put_setting(&b, &ch[j]);
		if (i > end)
			sb_addn(&b, text + end, i - end);
		else
			sb_addc(&b, '\n');
	}
	if (b.len && b.s[b.len - 1] != '\n')
		sb_addc(&b, '\n');
	for (size_t j = 0; j < n; j++)
		if (!done[j]) {
			bool again = false;
			for (size_t k = 0; k < j; k++)
				again |= strcmp(ch[k].key, ch[j].key) == 0;
			if (!again) {
				put_setting(&b, &ch[j]);
				sb_addc(&b, '\n');
			}
		}
	free(done);
	*out_len = b.len;
	return b.s ? sb_steal(&b) : xstrdup("");
}

/* The directory of path, made (0700) with its parent when missing. */
static int make_dir_of(const char *path, tsu_err *e)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc = TSU_OK;

	if (slash && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno == ENOENT) {
			char *up = strrchr(dir, '/');
			if (up && up != dir) {
				*up = '\0';
				mkdir(dir, 0700);
				*up = '/';
			}
			mkdir(dir, 0700);
		}
		if (access(dir, W_OK) != 0)
			rc = err_set(e, TSU_EIO, _("cannot write in %s: %s; check that it is a directory you may write"),
				     dir, strerror(errno));
	}
	free(dir);
	return rc;
}

/* The file's text, "" when it does not exist. */
static int read_existing(const char *path, strbuf *b, tsu_err *e)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char buf[4096];
	ssize_t k;

	if (fd < 0)
		return errno == ENOENT ? TSU_OK :
			err_set(e, TSU_EIO, _("cannot read %s: %s; check its permissions"), path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, TSU_EIO, _("%s is not a regular file; replace it with a text file of settings"), path);
	}
	while ((k = read(fd, buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR))
		if (k > 0)
			sb_addn(b, buf, (size_t)k);
	close(fd);
	if (k < 0)
		return err_set(e, TSU_EIO, _("cannot read %s: %s; check its permissions"), path, strerror(errno));
	if (b->len >= (1u << 20))
		return err_set(e, TSU_EIO, _("%s is larger than 1 MiB; it is not a settings file, move it away"), path);
	return TSU_OK;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

static void fsync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int config_save(const char *path, const config_change *ch, size_t n, tsu_err *e)
{
	char *real = NULL, *tmp, *text;
	struct stat st;
	strbuf old;
	size_t tlen;
	int fd, rc, saved;

	for (size_t i = 0; i < n; i++)
		if ((rc = config_check(ch[i].key, ch[i].value, e)) != TSU_OK)
			return rc;
	sb_init(&old);
	/* A link (a dotfiles checkout) keeps being one: its target is
	 * what is rewritten. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (!(real = realpath(path, NULL)))
			return err_set(e, TSU_EIO, _("%s is a link to nothing; remove it or make it point to a file"), path);
		path = real;
	}
	if ((rc = make_dir_of(path, e)) != TSU_OK || (rc = read_existing(path, &old, e)) != TSU_OK) {
		sb_free(&old);
		free(real);
		return rc;
	}
	text = config_rewrite(old.s ? old.s : "", old.len, ch, n, &tlen);
	sb_free(&old);
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = err_set(e, TSU_EIO, _("cannot write %s: %s; check its directory's permissions"), path, strerror(errno));
	} else if (fchmod(fd, 0600) != 0 || write_all(fd, text, tlen) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		rc = err_set(e, TSU_EIO, _("cannot write %s: %s; nothing was changed"), path, strerror(saved));
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		rc = err_set(e, TSU_EIO, _("cannot write %s: %s; nothing was changed"), path, strerror(saved));
	} else {
		fsync_dir(path);
		rc = TSU_OK;
	}
	free(tmp);
	free(text);
	free(real);
	return rc;
}
