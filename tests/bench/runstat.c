/*
 * runstat.c - run a command N times as a whole process and print the
 * median, min and max wall time and the largest peak resident memory:
 *
 *	runstat N NAME -- COMMAND [ARG ...]
 *	-> "NAME median_ms=4.10 min_ms=3.90 max_ms=5.00 peak_kb=5120 runs=N"
 *
 * Standard output of the command goes to /dev/null; a failing run is
 * reported and makes runstat exit 1.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;
	double *ms;
	long peak = 0;

	if (n < 1 || argc < 5 || strcmp(argv[3], "--") != 0) {
		fprintf(stderr, "usage: runstat N NAME -- COMMAND [ARG ...]\n");
		return 2;
	}
	ms = calloc((size_t)n, sizeof *ms);
	for (int i = 0; i < n; i++) {
		struct timespec a, b;
		struct rusage ru;
		int status;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &a);
		pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);
			dup2(fd, 1);
			execvp(argv[4], argv + 4);
			_exit(127);
		}
		wait4(pid, &status, 0, &ru);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "runstat: %s failed (status %d)\n", argv[2], status);
			return 1;
		}
		ms[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp);
	printf("%s median_ms=%.2f min_ms=%.2f max_ms=%.2f peak_kb=%ld runs=%d\n",
	       argv[2], ms[n / 2], ms[0], ms[n - 1], peak, n);
	free(ms);
	return 0;
}
