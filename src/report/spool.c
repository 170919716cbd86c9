/*
 * spool.c - a finished PDF to a CUPS printer through `lp` (see spool.h).
 *
 * lp runs with LC_ALL=C so that its request id and its errors can be
 * read (our own messages are translated).  Its standard output and
 * error come back through one pipe; the document goes in through
 * another (or, for a file, the file itself is its standard input).
 * When lp fails, `lpstat -r` tells a scheduler that is not running from
 * a printer that does not exist: lp says "does not exist" for both.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsunagi/config.h"
#include "tsunagi/i18n.h"
#include "tsunagi/spool.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

/* What is kept of the child's output: lp says one or two lines. */
enum { OUT_MAX = 8192 };

const char *spool_printer(const char *given, const char *configured)
{
	if (given && *given)
		return given;
	if (configured && *configured)
		return configured;
	return NULL;
}

const char *spool_bad_name(const char *name)
{
	return config_bad_printer(name);
}

/* Plain printable ASCII, so no name can be in it unnoticed. */
static bool good_title(const char *t)
{
	if (!*t || strlen(t) > 255)
		return false;
	for (; *t; t++)
		if (*t < 0x20 || *t > 0x7e)
			return false;
	return true;
}

bool spool_parse_request(const char *out, spool_job *job)
{
	static const char key[] = "request id is ";
	const char *p = strstr(out, key);
	size_t n;

	if (!p)
		return false;
	p += sizeof key - 1;
	n = strcspn(p, " \t\r\n");
	if (n == 0 || n >= sizeof job->id)
		return false;
	memcpy(job->id, p, n);
	job->id[n] = '\0';
	return true;
}

/* The program in $PATH (caller frees), NULL when it is not there. */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL, *found = NULL;

	if (!path || !*path)
		path = "/usr/bin:/bin";
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/%s", *dir ? dir : ".", name);
		struct stat st;

		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	free(copy);
	return found;
}

static void cloexec(int fd)
{
	fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* In the child: stdin from in_fd, stdout and stderr to out_fd, nothing
 * else open, the C locale; never returns. */
static void child(const char *prog, char *const argv[], int in_fd, int out_fd)
{
	long max = sysconf(_SC_OPEN_MAX);

	if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(out_fd, 2) < 0)
		_exit(126);
	if (max < 0 || max > 4096)
		max = 4096;
	for (int fd = 3; fd < max; fd++)
		close(fd);
	setenv("LC_ALL", "C", 1);
	unsetenv("LANGUAGE");
	signal(SIGPIPE, SIG_DFL);
	execv(prog, argv);
	_exit(127);
}

/* Feed data (or nothing when in_fd is the child's input already) and
 * collect the output until the child closes it. */
static void pump(int wfd, const char *data, size_t len, int rfd, strbuf *out)
{
	size_t off = 0;
	char buf[1024];

	if (wfd >= 0 && len == 0) {
		close(wfd);
		wfd = -1;
	}
	while (rfd >= 0) {
		struct pollfd p[2] = { { rfd, POLLIN, 0 }, { wfd, POLLOUT, 0 } };
		int r = poll(p, wfd >= 0 ? 2 : 1, -1);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (wfd >= 0 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(wfd, data + off, len - off > 65536 ? 65536 : len - off);
			if (w > 0)
				off += (size_t)w;
			if ((w < 0 && errno != EINTR && errno != EAGAIN) || off == len) {
				close(wfd);      /* done, or lp stopped reading */
				wfd = -1;
			}
		}
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t k = read(rfd, buf, sizeof buf);
			if (k > 0 && out->len < OUT_MAX)
				sb_addn(out, buf, (size_t)k);
			else if (k == 0 || (k < 0 && errno != EINTR))
				rfd = -1;
		}
	}
	if (wfd >= 0)
		close(wfd);
}

/* Run prog with argv; its input is in_fd when >= 0, else data.  The
 * exit status (-1: it could not be run) and its output in *out. */
static int run(const char *prog, char *const argv[], int in_fd, const char *data, size_t len,
	       strbuf *out)
{
	int inp[2] = { -1, -1 }, outp[2];
	struct sigaction ign = { 0 }, old;
	int status = -1, rd;
	pid_t pid;

	if (pipe(outp) != 0)
		return -1;
	if (in_fd < 0 && pipe(inp) != 0) {
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	cloexec(outp[0]);
	cloexec(outp[1]);
	if (in_fd < 0) {
		cloexec(inp[0]);
		cloexec(inp[1]);
	}
	/* lp ending early must not end us with SIGPIPE. */
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	pid = fork();
	if (pid == 0)
		child(prog, argv, in_fd >= 0 ? in_fd : inp[0], outp[1]);
	close(outp[1]);
	if (in_fd < 0)
		close(inp[0]);
	if (pid < 0) {
		close(outp[0]);
		if (in_fd < 0)
			close(inp[1]);
		sigaction(SIGPIPE, &old, NULL);
		return -1;
	}
	if (in_fd < 0)
		fcntl(inp[1], F_SETFL, O_NONBLOCK);
	rd = outp[0];
	pump(in_fd < 0 ? inp[1] : -1, data, len, rd, out);
	close(rd);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	sigaction(SIGPIPE, &old, NULL);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Is the scheduler down?  (`lpstat -r`; false when that cannot tell.) */
static bool scheduler_down(void)
{
	char *prog = find_program("lpstat");
	char *argv[] = { (char *)"lpstat", (char *)"-r", NULL };
	strbuf out;
	bool down = false;

	if (!prog)
		return false;
	sb_init(&out);
	if (run(prog, argv, -1, NULL, 0, &out) >= 0 && out.s)
		down = strstr(out.s, "not running") != NULL;
	sb_free(&out);
	free(prog);
	return down;
}

/* lp failed: the reason in one line the worker can act on. */
static int explain(const char *printer, const char *out, tsu_err *e)
{
	char *shown, *line;
	int rc;

	if (scheduler_down())
		return err_set(e, TSU_EFAIL, _("the CUPS scheduler is not running, so nothing was printed; start it (systemctl start cups) or ask the administrator"));
	if (strstr(out, "No default destination") || strstr(out, "no default destination"))
		return err_set(e, TSU_EFAIL, _("CUPS has no default printer, so nothing was printed; give one with --print PRINTER, set the printer on the settings screen (S), or make one the default with 'lpoptions -d PRINTER'"));
	shown = text_sanitize(printer ? printer : "", false);
	if (strstr(out, "does not exist"))
		rc = err_set(e, TSU_EFAIL, _("CUPS has no printer '%s', so nothing was printed; 'lpstat -p' lists the printers"), shown);
	else if (strstr(out, "not accepting"))
		rc = err_set(e, TSU_EFAIL, _("the printer '%s' is not accepting jobs, so nothing was printed; 'cupsaccept %s' lets it take them"), shown, shown);
	else {
		line = xstrndup(out, strcspn(out, "\r\n"));
		free(shown);
		shown = text_sanitize(line[0] ? line : _("no message"), false);
		free(line);
		rc = err_set(e, TSU_EFAIL, _("lp failed (%s); nothing was printed"), shown);
	}
	free(shown);
	return rc;
}

static int send_doc(const char *printer, const char *title, int in_fd, const char *pdf, size_t len,
		spool_job *job, tsu_err *e)
{
	char *argv[6], *prog;
	const char *why;
	strbuf out;
	int n = 0, rc;

	job->id[0] = '\0';
	if (printer && *printer && (why = spool_bad_name(printer)) != NULL) {
		char *shown = text_sanitize(printer, false);
		rc = err_set(e, TSU_EINVAL, _("'%s' is not a printer name: %s; 'lpstat -p' lists the printers"), shown, why);
		free(shown);
		return rc;
	}
	if (!good_title(title))
		return err_set(e, TSU_EINVAL, _("the print job's title must be plain ASCII without names"));
	if (!(prog = find_program("lp")))
		return err_set(e, TSU_EFAIL, _("printing needs the CUPS client 'lp', which is not installed; install cups-client, or save a PDF and print it elsewhere"));
	argv[n++] = (char *)"lp";
	if (printer && *printer) {
		argv[n++] = (char *)"-d";
		argv[n++] = (char *)printer;
	}
	argv[n++] = (char *)"-t";
	argv[n++] = (char *)title;
	argv[n] = NULL;
	sb_init(&out);
	rc = run(prog, argv, in_fd, pdf, len, &out);
	free(prog);
	sb_addc(&out, '\0');
	if (rc < 0)
		rc = err_set(e, TSU_EFAIL, _("lp could not be run (%s); nothing was printed"), strerror(errno));
	else if (rc != 0)
		rc = explain(printer, out.s, e);
	else {
		if (!spool_parse_request(out.s, job))
			snprintf(job->id, sizeof job->id, "?");
		rc = TSU_OK;
	}
	sb_free(&out);
	return rc;
}

int spool_send(const char *printer, const char *title, const char *pdf, size_t len,
	       spool_job *job, tsu_err *e)
{
	return send_doc(printer, title, -1, pdf, len, job, e);
}

int spool_send_file(const char *printer, const char *title, const char *path,
		    spool_job *job, tsu_err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY), rc;
	struct stat st;

	job->id[0] = '\0';
	if (fd < 0)
		return err_set(e, TSU_EIO, _("cannot read %s: %s; check its permissions"), path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, TSU_EINVAL, _("%s is not a regular file; give the PDF file to print"), path);
	}
	rc = send_doc(printer, title, fd, NULL, 0, job, e);
	close(fd);
	return rc;
}
