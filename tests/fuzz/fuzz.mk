# fuzz.mk - fuzzing, included by the top Makefile.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="csv date"]
#       builds each target with clang -fsanitize=fuzzer,address,undefined
#       (the library too, in build/fuzz) and runs it for FUZZ_SECONDS,
#       starting from tests/fuzz/corpus/<target>; new inputs go to
#       build/fuzz/corpus/<target>, crashes to tests/fuzz/crashes/<target>/
#       (commit them with the fix: they are replayed from then on).
#   make fuzz-replay
#       builds each target with the normal $(CC) and flags and a small
#       replay main (tests/fuzz/replay.c) and runs it over the seed corpus
#       and every crash ever found; no libFuzzer needed.  `make check`
#       runs it with the sanitizer build.

FUZZ_TARGETS ?= csv date encoding config json
FUZZ_SECONDS ?= 30
FUZZ_CC      ?= clang
FUZZ_B       := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: fuzz fuzz-build fuzz-replay

$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(B)/libtsunagi.a
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c \
		$(B)/libtsunagi.a $(LDFLAGS) $(PKG_LIBS) -lm

fuzz-replay: $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
	@pass=0; fail=0; \
	for t in $(FUZZ_TARGETS); do \
	  out=$$(./$(B)/fuzz/replay_$$t tests/fuzz/corpus/$$t tests/fuzz/crashes/$$t 2>&1); \
	  last=$$(printf '%s\n' "$$out" | tail -n 1); \
	  p=$$(printf '%s\n' "$$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$$/\1/p'); \
	  f=$$(printf '%s\n' "$$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$$/\2/p'); \
	  if [ -z "$$p" ]; then p=0; f=1; fi; \
	  if [ "$$f" -ne 0 ]; then printf '%s\n' "$$out" | tail -n 40; fi; \
	  pass=$$((pass + p)); fail=$$((fail + f)); \
	done; \
	echo "fuzz-replay: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

# libFuzzer builds: the whole library with coverage instrumentation.
fuzz-build:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz: $(FUZZ_CC) is needed (apt-get install clang)"; exit 1; }
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		LDFLAGS="$(FUZZ_SAN)" $(FUZZ_B)/libtsunagi.a
	@for t in $(FUZZ_TARGETS); do \
	  echo "  FUZZ    $(FUZZ_B)/fuzz_$$t"; \
	  $(FUZZ_CC) $(filter-out -MMD -MP,$(subst -I$(B)/gen,-I$(FUZZ_B)/gen,$(ALL_CFLAGS))) \
		-O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -o $(FUZZ_B)/fuzz_$$t tests/fuzz/fuzz_$$t.c \
		$(FUZZ_B)/libtsunagi.a $(PKG_LIBS) -lm || exit 1; \
	done

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/corpus/$$t tests/fuzz/crashes/$$t; \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  ./$(FUZZ_B)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		-artifact_prefix=tests/fuzz/crashes/$$t/ \
		$(FUZZ_B)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done; \
	echo "fuzz: no crashes in $(FUZZ_SECONDS) s per target"
