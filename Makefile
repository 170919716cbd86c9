# tsunagi - a terminal case-load manager for 相談支援専門員.
#
#   make            build build/tsunagi
#   make run        build (installing packages via `make deps` if needed)
#                   and open tsunagi on your database, or on a demo one
#   make check      build with -Werror, then run every suite under
#                   AddressSanitizer + UndefinedBehaviorSanitizer
#   make deps       install the Debian/Ubuntu packages build and tests need
#   make bench      measure speed, bytes and memory on a generated office
#   make layers     check that the layers call only downward (in `check`)
#   make install    PREFIX=/usr/local DESTDIR= (binary, man page, data, .mo)
#   make uninstall, make clean
#
# Sources are found by wildcard: every src/**/*.c goes into the library,
# src/cli/main.c is the program, every tests/unit/test_*.c is a suite.

PROG     := tsunagi
VERSION  := 0.1.0

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/tsunagi
LOCALEDIR ?= $(PREFIX)/share/locale
PKGLIBDIR ?= $(PREFIX)/lib/tsunagi
DESTDIR  ?=

# The build directory; `make check` builds the sanitizer variant in its own.
B        ?= build$(if $(filter 1,$(SAN)),/san)
SAN      ?=

# The program links only the core libraries; the PDF writers and zlib
# are a module loaded when a PDF is asked for (src/report/pdf_dl.c).
# Tests link everything.
CORE_PKGS := ncursesw sqlite3 libutf8proc
PDF_PKGS := zlib
PKGS     := $(CORE_PKGS) $(PDF_PKGS)
# ncursesw.pc asks for _XOPEN_SOURCE=600; we define 700 ourselves.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS)))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
# The program takes SQLite, ncursesw and utf8proc in statically (their
# Debian .a files; STATIC=0 links the shared libraries): at start ld.so
# no longer maps four libraries and resolves SQLite's 1,600 symbols
# (libsqlite3.so is linked BIND_NOW), which was 1.6 M of the 2.0 M
# instructions of `tsunagi --version` and a third of its CPU time.  A
# newer SQLite or ncurses then needs a rebuild of tsunagi to take effect.
STATIC   ?= 1
ifeq ($(STATIC),1)
CORE_LIBS  = -Wl,-Bstatic $(shell pkg-config --libs $(CORE_PKGS)) -Wl,-Bdynamic
else
CORE_LIBS  = $(shell pkg-config --libs $(CORE_PKGS))
endif
PDF_LIBS   = $(shell pkg-config --libs $(PDF_PKGS))

CC       ?= cc
CFLAGS   ?= -O2 -g
ifeq ($(SAN),1)
CFLAGS   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
	-Iinclude -I$(B)/gen $(PKG_CFLAGS) \
	-DTSUNAGI_VERSION='"$(VERSION)"' -DTSUNAGI_LOCALEDIR='"$(LOCALEDIR)"' \
	-DTSUNAGI_DATADIR='"$(DATADIR)"' -DTSUNAGI_PKGLIBDIR='"$(PKGLIBDIR)"' -fPIC \
	$(CFLAGS) $(CPPFLAGS) -MMD -MP

PDF_SRC  := src/report/pdf.c src/report/pdfw.c src/report/ttf.c src/report/due_pdf.c src/report/print_pdf.c src/report/billing_pdf.c \
	    src/report/stats_pdf.c
PDF_OBJ  := $(PDF_SRC:src/%.c=$(B)/obj/%.o)
LIB_SRC  := $(filter-out src/cli/main.c src/report/pdf_dl.c $(PDF_SRC),$(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/gen/schema.o $(B)/obj/gen/demo_seed.o
MAIN_OBJ := $(B)/obj/cli/main.o $(B)/obj/report/pdf_dl.o
SCHEMA   := $(sort $(wildcard data/schema/*.sql))
DEMO     := $(sort $(wildcard data/demo/*.txt))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# One catalogue per language: data/po/LL.po plus any fragments LL-*.po.
LANGS    := $(sort $(basename $(notdir $(filter-out %.pot,$(wildcard data/po/??.po)))))
MO       := $(LANGS:%=$(B)/locale/%/LC_MESSAGES/tsunagi.mo)

.PHONY: all run check check-build unit e2e deps install uninstall clean \
	demo-db pot po-check FORCE

all: $(B)/$(PROG) $(B)/tsunagi-pdf.so $(MO)

# -rdynamic: the PDF module calls tsunagi's own functions in the program.
$(B)/$(PROG): $(MAIN_OBJ) $(B)/libtsunagi.a
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -rdynamic -o $@ $(MAIN_OBJ) -Wl,--whole-archive $(B)/libtsunagi.a \
		-Wl,--no-whole-archive $(CORE_LIBS) -ldl -lm

$(B)/tsunagi-pdf.so: $(PDF_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $^ $(PDF_LIBS) -lm

$(B)/libtsunagi.a: $(LIB_OBJ)
	@rm -f $@
	@$(AR) rcs $@ $^

$(B)/libtsunagi-pdf.a: $(PDF_OBJ)
	@rm -f $@
	@$(AR) rcs $@ $^

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The list of migration files: rewritten only when it changes, so that a
# migration that arrives by a merge with an older time stamp than the
# generated file still makes it again.
$(B)/gen/schema.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(notdir $(SCHEMA))' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

FORCE:

# Migrations are compiled in: each file becomes one C string, in order.
$(B)/gen/schema.c: $(SCHEMA) Makefile $(B)/gen/schema.list
	@mkdir -p $(dir $@)
	@{ echo '/* generated from data/schema by make; do not edit */'; \
	  echo '#include <stddef.h>'; \
	  echo 'const char *const schema_migrations[] = {'; \
	  for f in $(SCHEMA); do \
	    echo "/* $$f */"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    echo ','; \
	  done; \
	  echo 'NULL };'; \
	  echo 'const int schema_migration_count = $(words $(SCHEMA));'; } > $@.tmp
	@mv $@.tmp $@

$(B)/obj/gen/schema.o: $(B)/gen/schema.c
	@mkdir -p $(dir $@)
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The demo's records (seed.h) are compiled in the same way: each file
# one C string with its name, for the loader's file:line messages.
$(B)/gen/demo.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DEMO)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

$(B)/gen/demo_seed.c: $(DEMO) Makefile $(B)/gen/demo.list
	@mkdir -p $(dir $@)
	@{ echo '/* generated from data/demo by make; do not edit */'; \
	  echo '#include "tsunagi/seed.h"'; \
	  echo 'const seed_file seed_files[] = {'; \
	  for f in $(DEMO); do \
	    echo "{ \"$$f\","; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    echo '},'; \
	  done; \
	  echo '{ NULL, NULL } };'; } > $@.tmp
	@mv $@.tmp $@

$(B)/obj/gen/demo_seed.o: $(B)/gen/demo_seed.c
	@mkdir -p $(dir $@)
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The tests' shared fixture (tests/unit/fixture.h), linked into each.
$(B)/tests/fixture.o: tests/unit/fixture.c tests/unit/fixture.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/tests/fixture.o $(B)/libtsunagi.a $(B)/libtsunagi-pdf.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< $(B)/tests/fixture.o \
		$(B)/libtsunagi-pdf.a $(B)/libtsunagi.a $(LDFLAGS) $(PKG_LIBS) \
		$(shell pkg-config --libs cmocka) -lm

$(B)/locale/%/LC_MESSAGES/tsunagi.mo: data/po/%.po $(wildcard data/po/*-*.po)
	@mkdir -p $(dir $@)
	msgcat --use-first -o $@.po $< $(wildcard data/po/$*-*.po)
	msgfmt --check-format -o $@ $@.po
	@rm -f $@.po

# Open the user's database if there is one, else a demo database that is
# made once in the build tree.
run:
	@pkg-config --exists $(PKGS) cmocka 2>/dev/null || $(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	@db="$${TSUNAGI_DB:-}"; \
	if [ -z "$$db" ]; then \
	  xdg="$${XDG_DATA_HOME:-}"; case "$$xdg" in /*) ;; *) xdg="$$HOME/.local/share";; esac; \
	  db="$$xdg/tsunagi/tsunagi.db"; \
	fi; \
	if [ ! -f "$$db" ]; then \
	  db=$(B)/demo.db; \
	  [ -f "$$db" ] || TSUNAGI_LOCALEDIR=$(B)/locale ./$(B)/$(PROG) --db "$$db" demo; \
	  echo "tsunagi: no database of yours yet; showing the demo at $$db"; \
	fi; \
	if [ -t 0 ] && [ -t 1 ]; then \
	  TSUNAGI_LOCALEDIR=$(B)/locale exec ./$(B)/$(PROG) --db "$$db"; \
	else \
	  echo "make run: not on a terminal; showing the client list instead of the UI"; \
	  TSUNAGI_LOCALEDIR=$(B)/locale exec ./$(B)/$(PROG) --db "$$db" client list; \
	fi

# check: the normal build must be warning-free, then every suite runs
# against the sanitizer build.  Fragments add suites to CHECK_MORE.
CHECK_MORE := fuzz-replay stress-check po-check
# LeakSanitizer's suppressions (tests/lsan.supp; none needed now).
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp
check:
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory B=build/san SAN=1 all unit e2e $(CHECK_MORE)

unit: $(UNIT_BIN)
	@pass=0; fail=0; \
	for t in $(UNIT_BIN); do \
	  if TSUNAGI_LOCALEDIR=$(B)/locale ./$$t; then pass=$$((pass+1)); \
	  else fail=$$((fail+1)); echo "FAILED: $$t"; fi; \
	done; \
	echo "unit suites: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

e2e: all
	@TSUNAGI_BIN=$(CURDIR)/$(B)/$(PROG) TSUNAGI_LOCALEDIR=$(CURDIR)/$(B)/locale \
		bash tests/e2e/run.sh

# Debian/Ubuntu packages for building, testing and PDF output.  Printing
# (--print, P) runs the CUPS client lp (cups-client); its end-to-end test
# starts a private scheduler (cups) with a virtual PDF printer
# (printer-driver-cups-pdf, which brings Ghostscript) and reads the
# result with poppler-utils.
DEB_PKGS := gcc make pkg-config libncurses-dev libsqlite3-dev libutf8proc-dev \
	zlib1g-dev fonts-ipaexfont \
	libcmocka-dev gettext locales tmux sqlite3 poppler-utils \
	openssh-server openssh-client procps util-linux bsdutils strace python3 \
	cups cups-client printer-driver-cups-pdf

deps:
	@missing=$$(for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "make deps: missing packages; run as root:"; \
	    echo "  apt-get update && apt-get install -y" $$missing; exit 1; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing || exit 1; \
	fi; \
	for loc in UTF-8:ja_JP.UTF-8 EUC-JP:ja_JP.eucJP; do \
	  cs=$${loc%%:*}; name=$${loc#*:}; \
	  norm=$$(echo "$$name" | tr 'A-Z' 'a-z' | tr -d '-'); \
	  if ! locale -a 2>/dev/null | tr 'A-Z' 'a-z' | tr -d '-' | grep -qx "$$norm"; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	    else echo "make deps: the $$name locale is missing; run as root:"; \
	      echo "  localedef -i ja_JP -f $$cs $$name"; exit 1; fi; \
	    $$SUDO localedef -i ja_JP -f $$cs $$name || exit 1; \
	  fi; \
	done; \
	echo "make deps: all packages and the ja_JP.UTF-8 and ja_JP.eucJP locales are present"

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 $(B)/$(PROG) $(DESTDIR)$(BINDIR)/$(PROG)
	install -d $(DESTDIR)$(PKGLIBDIR)
	install -m 644 $(B)/tsunagi-pdf.so $(DESTDIR)$(PKGLIBDIR)/tsunagi-pdf.so
	install -m 644 man/tsunagi.1 $(DESTDIR)$(MANDIR)/man1/tsunagi.1
	for f in $(wildcard data/*.tsv); do install -m 644 $$f $(DESTDIR)$(DATADIR)/; done
	for mo in $(MO); do l=$${mo#$(B)/locale/}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$(dirname $$l); \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(PROG) $(DESTDIR)$(MANDIR)/man1/tsunagi.1
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(PKGLIBDIR)
	for mo in $(MO); do rm -f $(DESTDIR)$(LOCALEDIR)/$${mo#$(B)/locale/}; done

# Refresh the message template from the sources.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -o data/po/tsunagi.pot $(wildcard src/*/*.c)
	xgettext --from-code=UTF-8 -k_ -kN_ -L C -j -o data/po/tsunagi.pot include/tsunagi/*.h

# Every message in the sources has its Japanese translation, and each
# translation takes the arguments its message gives (msgfmt checks the
# format of every entry xgettext marks c-format; a catalogue entry
# written by hand has no flag, so it is checked only here).
po-check:
	@mkdir -p $(B)/po-check
	@xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -o $(B)/po-check/all.pot $(wildcard src/*/*.c)
	@xgettext --from-code=UTF-8 -k_ -kN_ -L C -j -o $(B)/po-check/all.pot include/tsunagi/*.h
	@msgcat --use-first -o $(B)/po-check/ja.po data/po/ja.po $(filter-out data/po/ja.po,$(wildcard data/po/ja-*.po))
	@msgmerge -q --no-fuzzy-matching -o $(B)/po-check/merged.po $(B)/po-check/ja.po $(B)/po-check/all.pot
	@msgfmt --check-format -o /dev/null $(B)/po-check/merged.po
	@n=$$(msgattrib --untranslated --no-obsolete $(B)/po-check/merged.po | grep -c '^msgid'); \
	f=$$(msgattrib --only-fuzzy --no-obsolete $(B)/po-check/merged.po | grep -c '^msgid'); \
	if [ "$$n" -gt 1 ] || [ "$$f" -gt 1 ]; then \
	  msgattrib --untranslated --no-obsolete $(B)/po-check/merged.po | grep -A3 '^#:' | head -40; \
	  msgattrib --only-fuzzy --no-obsolete $(B)/po-check/merged.po | grep -A3 '^#:' | head -40; \
	  echo "po-check: $$((n > 0 ? n - 1 : 0)) messages without a Japanese translation, $$((f > 0 ? f - 1 : 0)) whose translation takes other arguments; fix them in data/po/ja-*.po"; exit 1; \
	fi; echo "po-check: every message has its Japanese translation"

clean:
	rm -rf build

# Fuzzing targets and their corpus replay live beside the fuzzers, the
# benchmark beside its generator, the layers' check beside its script.
-include tests/fuzz/fuzz.mk
include tests/bench/bench.mk
include tests/stress/stress.mk
include tests/layers.mk

-include $(wildcard $(B)/obj/*/*.d $(B)/tests/*.d)
