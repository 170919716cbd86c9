/*
 * cli.c - what every command shares: opening the database once, messages
 * in the one-line form, date arguments, the worker's name, and writing an
 * output file only when all of it is ready.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsunagi/cli.h"
#include "tsunagi/config.h"
#include "tsunagi/due.h"
#include "tsunagi/i18n.h"
#include "tsunagi/text.h"
#include "tsunagi/tmpguard.h"
#include "tsunagi/xalloc.h"

db *cli_db(cli_ctx *ctx)
{
	tsu_err e;

	if (ctx->db)
		return ctx->db;
	if (db_open(&ctx->db, ctx->db_path, DB_CREATE, &e) != TSU_OK) {
		cli_message("%s", e.msg);
		ctx->db = NULL;
	}
	return ctx->db;
}

pid_t cli_check_start(cli_ctx *ctx, bool detach)
{
	pid_t pid;

	if (db_check_running(ctx->db_path))
		return 0;
	/* Whatever the command printed is out before the check starts. */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return 0;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		/* Its own session: closing the terminal does not stop it. */
		setsid();
		if (detach && fork() != 0)
			_exit(0);
		if (fd >= 0) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
		}
		/* Nothing of the parent's (the terminal, SQLite's files)
		 * goes with it; the path is the only argument. */
		for (int i = 3; i < 1024; i++)
			close(i);
		execl("/proc/self/exe", "tsunagi", "--db", ctx->db_path, "check", "--daily", (char *)NULL);
		_exit(127);
	}
	if (detach) {
		/* The middle process exits at once; the checker is init's. */
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		return 0;
	}
	return pid;
}

/* Every message quotes what it was given (file names, arguments, stored
 * text): control characters and escape sequences in it are shown as
 * placeholders, so a file name cannot clear or retitle the terminal. */
static void vmessage(const char *fmt, va_list ap)
{
	char *raw, *safe;
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	raw = xmalloc((size_t)n + 1);
	vsnprintf(raw, (size_t)n + 1, fmt, ap);
	safe = text_sanitize(raw, false);
	fputs(safe, stderr);
	free(safe);
	free(raw);
}

void cli_confirm(const char *fmt, ...)
{
	va_list ap;
	char *raw, *safe;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	raw = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(raw, (size_t)n + 1, fmt, ap);
	va_end(ap);
	safe = text_sanitize(raw, true);
	fputs(safe, stdout);
	free(safe);
	free(raw);
}

void cli_message(const char *fmt, ...)
{
	va_list ap;

	fputs("tsunagi: ", stderr);
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_fail(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("tsunagi: ", stderr);
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	char *tail;

	fputs("tsunagi: ", stderr);
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	tail = text_sanitize(cmd, false);
	fprintf(stderr, _("; see 'tsunagi %s --help'\n"), tail);
	free(tail);
	return EXIT_USAGE;
}

int cli_due_kinds(const char *cmd, const char *list, unsigned *kinds)
{
	char *copy = xstrdup(list), *save = NULL;

	*kinds = 0;
	for (char *k = strtok_r(copy, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		int kind = due_kind_from_name(k);
		if (kind < 0) {
			char *shown = text_sanitize(k, false);
			strbuf names;
			int rc;

			sb_init(&names);
			for (int i = 0; i < DUE_KIND_COUNT; i++)
				sb_addf(&names, "%s%s", i ? ", " : "", due_kind_name((enum due_kind)i));
			rc = cli_usage(cmd, _("--kind: unknown kind '%s' (kinds: %s)"), shown, names.s);
			sb_free(&names);
			free(shown);
			free(copy);
			return rc;
		}
		*kinds |= 1u << kind;
	}
	free(copy);
	if (*kinds == 0)
		return cli_usage(cmd, _("--kind needs at least one kind"));
	return EXIT_OK;
}

int cli_date_arg(const char *opt, const char *value, date_t *out)
{
	tsu_err e;

	if (date_parse(value, out, &e) != TSU_OK)
		return cli_fail(EXIT_USAGE, "%s: %s", opt, e.msg);
	return EXIT_OK;
}

const char *cli_worker_name(cli_ctx *ctx)
{
	static char name[256];
	config c;
	tsu_err e;

	if (name[0])
		return name;
	config_defaults(&c);
	config_load(&c, &e);
	if (c.worker[0]) {
		snprintf(name, sizeof name, "%s", c.worker);
	} else {
		struct passwd *pw = getpwuid(getuid());
		snprintf(name, sizeof name, "%s", pw && pw->pw_name ? pw->pw_name : "");
	}
	config_free(&c);
	return name;
}

void cli_config_warnings(const cli_ctx *ctx)
{
	const char *p = ctx->config_warnings;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);

		cli_message("%s", line);
		free(line);
		p += n + (nl ? 1 : 0);
	}
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Split PATH into its directory's identity and its last name. */
static int dir_and_base(const char *path, struct stat *dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	char *d;
	int rc;

	*base = slash ? slash + 1 : path;
	d = slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
	rc = stat(d, dir);
	free(d);
	return rc;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether PATH is, or would become, the database, one of its SQLite side
 * files or a copy restore keeps beside it.  By identity, not by name: the
 * same file reached through another name or a link is still the database;
 * a name not yet made counts when its directory is the database's. */
static bool is_database_file(const char *db_path, const char *path)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };
	struct stat out, f, out_dir, db_dir;
	const char *out_base, *db_base;
	bool exists = stat(path, &out) == 0;

	for (size_t i = 0; exists && i < sizeof side / sizeof side[0]; i++) {
		char *p = xasprintf("%s%s", db_path, side[i]);
		bool same = stat(p, &f) == 0 && same_file(&f, &out);
		free(p);
		if (same)
			return true;
	}
	if (dir_and_base(path, &out_dir, &out_base) != 0 ||
	    dir_and_base(db_path, &db_dir, &db_base) != 0 || !same_file(&out_dir, &db_dir))
		return false;
	size_t n = strlen(db_base);
	if (strncmp(out_base, db_base, n) != 0)
		return false;
	out_base += n;
	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++)
		if (strcmp(out_base, side[i]) == 0)
			return true;
	return strncmp(out_base, ".replaced-", 10) == 0;
}

int cli_check_output(cli_ctx *ctx, const char *opt, const char *path)
{
	if (ctx && ctx->db_path && is_database_file(ctx->db_path, path))
		return cli_fail(EXIT_USAGE, _("%s %s is the database or one of its files; write to another file"), opt, path);
	return EXIT_OK;
}

/* A FIFO, terminal or device named by -o (/dev/stdout, a pipe to lp) is
 * written to as it is, like a shell redirection would. */
static int write_special(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return cli_fail(EXIT_FAIL, _("cannot open %s: %s; check the path"), path, strerror(errno));
	if (write_all(fd, buf, len) != 0) {
		int rc = cli_fail(EXIT_FAIL, _("could not write %s: %s"), path, strerror(errno));
		close(fd);
		return rc;
	}
	if (close(fd) != 0 && errno != EINTR)
		return cli_fail(EXIT_FAIL, _("could not write %s: %s"), path, strerror(errno));
	return EXIT_OK;
}

int cli_write_output(cli_ctx *ctx, const char *path, const char *buf, size_t len)
{
	struct stat st;
	char *tmp;
	int fd, slot;

	if (!path || strcmp(path, "-") == 0) {
		/* Exports keep stored text exactly (they are data); on a
		 * terminal, control characters and escape sequences in it
		 * are shown as placeholders instead of acting. */
		char *safe = NULL;
		int bad;
		if (isatty(STDOUT_FILENO)) {
			char *z = xmalloc(len + 1);
			memcpy(z, buf, len);
			z[len] = '\0';
			safe = text_sanitize(z, true);
			free(z);
			buf = safe;
			len = strlen(safe);
		}
		fflush(stdout);
		bad = write_all(STDOUT_FILENO, buf, len);
		free(safe);
		if (bad != 0)
			return cli_fail(EXIT_FAIL, _("could not write the output: %s"), strerror(errno));
		return EXIT_OK;
	}
	if (!*path)
		return cli_fail(EXIT_USAGE, _("-o: the file name is empty; give a file, or - for standard output"));
	if (cli_check_output(ctx, "-o", path) != EXIT_OK)
		return EXIT_USAGE;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return cli_fail(EXIT_FAIL, _("%s is a directory; give a file name"), path);
		if (!S_ISREG(st.st_mode))
			return write_special(path, buf, len);
	}
	/* Write beside the target, then rename: a reader never sees half a
	 * file, and a failure leaves the old file as it was. */
	tmp = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		int rc = cli_fail(EXIT_FAIL, _("cannot create %s: %s; check the directory"), path, strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, 0600);
	slot = tmp_guard(tmp);
	if (write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		int rc = cli_fail(EXIT_FAIL, _("could not write %s: %s; nothing was written"), path, strerror(errno));
		close(fd);
		unlink(tmp);
		tmp_release(slot);
		free(tmp);
		return rc;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		int rc = cli_fail(EXIT_FAIL, _("could not write %s: %s; nothing was written"), path, strerror(errno));
		unlink(tmp);
		tmp_release(slot);
		free(tmp);
		return rc;
	}
	tmp_release(slot);
	free(tmp);
	return EXIT_OK;
}

/* Personal text on the command line is readable by every local user in
 * /proc/PID/cmdline and stays in the shell's history: "-" and "@FILE"
 * keep it off the command line. */
enum { TEXT_ARG_MAX = 1 << 20 };

static int read_text_fd(const char *opt, const char *what, int fd, char **out)
{
	strbuf b;
	char buf[8192];
	ssize_t n;

	sb_init(&b);
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			sb_free(&b);
			return cli_fail(EXIT_FAIL, _("%s: cannot read %s: %s"), opt, what, strerror(errno));
		}
		if (b.len + (size_t)n > TEXT_ARG_MAX) {
			sb_free(&b);
			return cli_fail(EXIT_USAGE, _("%s: %s is longer than %d bytes; give a shorter text"), opt, what, TEXT_ARG_MAX);
		}
		sb_addn(&b, buf, (size_t)n);
	}
	if (memchr(b.s ? b.s : "", '\0', b.len)) {
		sb_free(&b);
		return cli_fail(EXIT_USAGE, _("%s: %s holds a NUL byte; give plain text"), opt, what);
	}
	/* The newline a shell's echo or a here-document ends with. */
	if (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	if (b.len && b.s[b.len - 1] == '\r')
		b.s[--b.len] = '\0';
	*out = b.s ? sb_steal(&b) : xstrdup("");
	return EXIT_OK;
}

int cli_text_arg(const char *opt, const char *value, char **out)
{
	static bool stdin_used;
	struct stat st;
	int fd, rc;

	*out = NULL;
	if (strcmp(value, "-") == 0) {
		if (stdin_used)
			return cli_fail(EXIT_USAGE, _("%s -: only one option can read standard input; give the others as @FILE"), opt);
		stdin_used = true;
		return read_text_fd(opt, _("standard input"), STDIN_FILENO, out);
	}
	if (value[0] != '@') {
		*out = xstrdup(value);
		return EXIT_OK;
	}
	if (value[1] == '@') {
		*out = xstrdup(value + 1);
		return EXIT_OK;
	}
	fd = open(value + 1, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return cli_fail(EXIT_FAIL, _("%s: cannot read %s: %s; a text starting with @ is written @@"), opt, value + 1, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return cli_fail(EXIT_USAGE, _("%s: %s is not a regular file; give a text file"), opt, value + 1);
	}
	rc = read_text_fd(opt, value + 1, fd, out);
	close(fd);
	return rc;
}

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; list && *list; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static void args_put(cli_args *a, const char *k, const char *v)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->keys[i], k) == 0) {
			a->vals[i] = v;
			return;
		}
	a->keys = xrealloc(a->keys, (a->n + 1) * sizeof *a->keys);
	a->vals = xrealloc(a->vals, (a->n + 1) * sizeof *a->vals);
	a->keys[a->n] = k;
	a->vals[a->n] = v;
	a->n++;
}

int cli_parse(const char *cmd, int argc, char **argv, const char *const *valued,
	      const char *const *flags, cli_args *out)
{
	memset(out, 0, sizeof *out);
	out->pos = xcalloc((size_t)argc + 1, sizeof *out->pos);
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (strcmp(arg, "--") == 0) {
			while (++i < argc)
				out->pos[out->npos++] = argv[i];
			break;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			out->help = 1;
			continue;
		}
		if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
			out->pos[out->npos++] = arg;
			continue;
		}
		const char *name = arg + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		if (in_list(flags, name, n) && !eq) {
			args_put(out, xstrndup(name, n), "");
		} else if (in_list(valued, name, n)) {
			const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v) {
				cli_args_free(out);
				return cli_usage(cmd, _("--%.*s needs a value"), (int)n, name);
			}
			args_put(out, xstrndup(name, n), v);
		} else {
			cli_args_free(out);
			return cli_usage(cmd, _("unknown option '--%.*s'"), (int)n, name);
		}
	}
	return EXIT_OK;
}

void cli_args_free(cli_args *a)
{
	for (size_t i = 0; i < a->n; i++)
		free((char *)a->keys[i]);
	free(a->keys);
	free(a->vals);
	free(a->pos);
	memset(a, 0, sizeof *a);
}

const char *cli_get(const cli_args *a, const char *key)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->keys[i], key) == 0)
			return a->vals[i];
	return NULL;
}

int cli_has(const cli_args *a, const char *key)
{
	return cli_get(a, key) != NULL;
}
