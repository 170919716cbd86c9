# stress.mk - the reliability and security suite (tests/stress), included
# by the top Makefile.
#
#   make stress        the long versions against the normal build:
#                      1,000 CLI crash trials, 100 UI crash trials, every
#                      SSH/two-session/fault/hostile/confidentiality test
#   make stress-check  the short versions (a few dozen trials each, under
#                      ~3 minutes on 2 cores); `make check` runs it with
#                      the sanitizer build via CHECK_MORE
#
# Needs sshd and ssh (openssh-server, openssh-client), tmux, sqlite3,
# procps (ps) and util-linux (setsid).  Each test says clearly what is
# missing instead of skipping.

.PHONY: stress stress-check stress-build

STRESS_CC = $(CC) -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Wall -Wextra \
	-Werror -Wshadow -Wstrict-prototypes -O2 -g

# The helpers are plain programs without sanitizers: they drive and check
# tsunagi, whose build (normal or sanitizer) is the thing under test.
$(B)/stress/crashdrv: tests/stress/crashdrv.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(STRESS_CC) -o $@ $< $(shell pkg-config --libs sqlite3)

$(B)/stress/faultshim.so: tests/stress/faultshim.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(STRESS_CC) -fPIC -shared -o $@ $< -ldl

stress-build: all $(B)/stress/crashdrv $(B)/stress/faultshim.so

stress-check: stress-build
	@TSUNAGI_BIN=$(CURDIR)/$(B)/$(PROG) TSUNAGI_LOCALEDIR=$(CURDIR)/$(B)/locale \
		STRESS_B=$(CURDIR)/$(B)/stress STRESS_SAN=$(SAN) STRESS_LEVEL=quick \
		bash tests/stress/run.sh

stress:
	@$(MAKE) --no-print-directory B=build stress-build
	@TSUNAGI_BIN=$(CURDIR)/build/$(PROG) TSUNAGI_LOCALEDIR=$(CURDIR)/build/locale \
		STRESS_B=$(CURDIR)/build/stress STRESS_SAN= STRESS_LEVEL=long \
		bash tests/stress/run.sh
