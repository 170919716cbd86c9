/*
 * ptyrun.c - drive a full-screen program in a pseudo-terminal and measure
 * what a person over a slow link feels: the time from start (or from a
 * key) to the last byte the program writes, and how many bytes it wrote.
 *
 *	ptyrun COLS ROWS SCRIPT -- COMMAND [ARG ...]
 *
 * SCRIPT is a file of lines:
 *	first NAME [BYTES]    from start to the first full frame: the last
 *	                      byte before a quiet spell that follows at least
 *	                      BYTES bytes (default 1)
 *	key NAME BYTES        send BYTES (C escapes: \e \r \n \t \xHH), then
 *	                      time to the last byte of the answer
 *	idle NAME SECONDS     bytes written while nothing is typed
 *	rss NAME              the program's peak resident memory (VmHWM)
 *	quit BYTES            send BYTES and wait for the program to end
 * Results go to stdout, one line each: "NAME ms=12.3 bytes=456" (idle:
 * "NAME bytes=0", rss: "NAME kb=6000").  A step ends after QUIET ms of
 * silence ($PTYRUN_QUIET, default 150); the time reported is to the last
 * byte, so the quiet wait is not counted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static pid_t child;
static int quiet_ms = 150;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Read until quiet_ms without output once at least min_bytes came (or
 * limit_ms in all); returns bytes and sets *last to the time the last
 * byte came. */
static long drain_min(double start, double *last, double limit_ms, long min_bytes)
{
	char buf[65536];
	long total = 0;

	*last = start;
	for (;;) {
		struct pollfd p = { .fd = master, .events = POLLIN };
		int r = poll(&p, 1, total < min_bytes ? 10000 : quiet_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		ssize_t n = read(master, buf, sizeof buf);
		if (n <= 0)
			break;
		total += n;
		*last = now_ms();
		if (limit_ms > 0 && *last - start > limit_ms)
			break;
	}
	return total;
}

static long drain(double start, double *last, double limit_ms)
{
	return drain_min(start, last, limit_ms, 1);
}

static size_t unescape(const char *s, char *out)
{
	size_t n = 0;

	while (*s) {
		if (*s != '\\') {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'e': out[n++] = 27; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 'n': out[n++] = '\n'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case '\\': out[n++] = '\\'; s++; break;
		case 'x': {
			char hex[3] = { s[1], s[2], 0 };
			out[n++] = (char)strtol(hex, NULL, 16);
			s += 3;
			break;
		}
		default: out[n++] = '\\'; break;
		}
	}
	return n;
}

static long peak_kb(void)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)child);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	struct winsize ws = { 0 };
	double t0, last;
	char line[1024], name[128], arg[900], bytes[900];
	FILE *script;
	int i;

	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fprintf(stderr, "usage: ptyrun COLS ROWS SCRIPT -- COMMAND [ARG ...]\n");
		return 2;
	}
	if (getenv("PTYRUN_QUIET"))
		quiet_ms = atoi(getenv("PTYRUN_QUIET"));
	ws.ws_col = (unsigned short)atoi(argv[1]);
	ws.ws_row = (unsigned short)atoi(argv[2]);
	if (!(script = fopen(argv[3], "r"))) {
		perror(argv[3]);
		return 1;
	}
	t0 = now_ms();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0) {
		perror("forkpty");
		return 1;
	}
	if (child == 0) {
		execvp(argv[5], argv + 5);
		perror(argv[5]);
		_exit(127);
	}
	while (fgets(line, sizeof line, script)) {
		line[strcspn(line, "\n")] = '\0';
		name[0] = arg[0] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		long min_bytes = 1;
		if (sscanf(line, "first %127s %ld", name, &min_bytes) >= 1) {
			long n = drain_min(t0, &last, 0, min_bytes);
			printf("%s ms=%.1f bytes=%ld\n", name, last - t0, n);
		} else if (sscanf(line, "key %127s %899[^\n]", name, arg) == 2) {
			size_t len = unescape(arg, bytes);
			double t = now_ms();
			if (write(master, bytes, len) != (ssize_t)len)
				perror("write");
			long n = drain(t, &last, 0);
			printf("%s ms=%.2f bytes=%ld\n", name, last - t, n);
		} else if (sscanf(line, "idle %127s %899s", name, arg) == 2) {
			double t = now_ms(), secs = atof(arg);
			long n = 0;
			while (now_ms() - t < secs * 1e3) {
				char buf[4096];
				struct pollfd p = { .fd = master, .events = POLLIN };
				int left = (int)(secs * 1e3 - (now_ms() - t));
				if (poll(&p, 1, left > 0 ? left : 0) > 0) {
					ssize_t r = read(master, buf, sizeof buf);
					if (r <= 0)
						break;
					n += r;
				}
			}
			printf("%s bytes=%ld\n", name, n);
		} else if (sscanf(line, "rss %127s", name) == 1) {
			printf("%s kb=%ld\n", name, peak_kb());
		} else if (sscanf(line, "quit %899[^\n]", arg) == 1) {
			size_t len = unescape(arg, bytes);
			if (write(master, bytes, len) != (ssize_t)len)
				perror("write");
			drain(now_ms(), &last, 2000);
		} else {
			fprintf(stderr, "ptyrun: cannot read script line: %s\n", line);
		}
		fflush(stdout);
	}
	fclose(script);
	for (i = 0; i < 40; i++) {
		if (waitpid(child, NULL, WNOHANG) == child)
			return 0;
		usleep(50000);
	}
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);
	return 0;
}
