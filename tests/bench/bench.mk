# make bench: an office of 10,000 clients (and 1,000 and 100,000), built
# once through the store's own code and cached in build/bench, then
# measured; see tests/bench/README.md.  Never part of `make check`.

BENCH_DIR := build/bench
BENCH_TOOLS := $(BENCH_DIR)/gen_office $(BENCH_DIR)/ptyrun $(BENCH_DIR)/runstat

$(BENCH_DIR)/gen_office: tests/bench/gen_office.c build/libtsunagi.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -o $@ $< build/libtsunagi.a $(PKG_LIBS) -lm

$(BENCH_DIR)/ptyrun: tests/bench/ptyrun.c
	@mkdir -p $(dir $@)
	@$(CC) -O2 -Wall -Wextra -Werror -o $@ $< -lutil

$(BENCH_DIR)/runstat: tests/bench/runstat.c
	@mkdir -p $(dir $@)
	@$(CC) -O2 -Wall -Wextra -Werror -o $@ $<

.PHONY: bench
bench:
	@$(MAKE) --no-print-directory B=build all $(BENCH_TOOLS)
	@BENCH_DIR=$(BENCH_DIR) TSUNAGI_BIN=$(CURDIR)/build/tsunagi \
		TSUNAGI_LOCALEDIR=$(CURDIR)/build/locale bash tests/bench/bench.sh
