# make layers: the layers call only downward (tests/layers.sh says what
# is checked: no SQL in src/ui and src/report, no cli header below
# src/cli, no store header in src/base).  Part of `make check`.
.PHONY: layers
layers:
	@bash tests/layers.sh

CHECK_MORE += layers
