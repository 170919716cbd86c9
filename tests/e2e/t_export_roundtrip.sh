#!/usr/bin/env bash
# Round trips: roster CSV -> import -> export gives the same bytes; CP932
# export reads back as the same text; a character CP932 lacks stops the
# export naming row and column with nothing written; JSON of everything
# -> an empty database -> JSON again is identical; exports are 0600.
. "$(dirname "$0")/lib.sh"
D="$(cd "$(dirname "$0")/../data" && pwd)"

tsu import clients "$D/clients-roundtrip.csv" > /dev/null || fail "import"
tsu export clients -o "$T/out.csv" || fail "export clients"
cmp "$D/clients-roundtrip.csv" "$T/out.csv" || fail "CSV round trip differs"
[ "$(stat -c %a "$T/out.csv")" = 600 ] || fail "export mode $(stat -c %a "$T/out.csv")"

tsu export clients --encoding cp932 -o "$T/out932.csv" || fail "export cp932"
tail -c +4 "$T/out.csv" > "$T/nobom.csv"
iconv -f CP932 -t UTF-8 "$T/out932.csv" | cmp - "$T/nobom.csv" || fail "CP932 export differs"
tsu export clients --no-bom | cmp - "$T/nobom.csv" || fail "--no-bom"

tsu note add 1 --on 2026-11-20 --kind phone --text $'電話あり\n"次回" 12/1, 訪問' > /dev/null || fail "note add"
tsu export notes > "$T/notes.csv" || fail "export notes"
grep -q '^1234567890,髙橋 一郎,2026-11-20,' "$T/notes.csv" || fail "notes: $(cat "$T/notes.csv")"
tsu export plans > /dev/null || fail "export plans"

# JSON of everything, into an empty database, and out again.
tsu export all -o "$T/all.json" || fail "export all"
[ "$(stat -c %a "$T/all.json")" = 600 ] || fail "json mode"
"$TSUNAGI_BIN" --db "$T/new.db" import all "$T/all.json" > "$T/out" || fail "import all: $(cat "$T/out")"
"$TSUNAGI_BIN" --db "$T/new.db" export all -o "$T/all2.json" || fail "export all again"
cmp "$T/all.json" "$T/all2.json" || fail "JSON round trip differs"
expect_fail "import all into a database with records" 1 'empty database' tsu import all "$T/all.json"

# A character CP932 lacks: named, and the old file stays as it was.
tsu client edit 2 --address '川崎市 𠮷野家ビル' > /dev/null || fail "client edit"
echo old > "$T/keep.csv"
expect_fail "CP932 lacks a character" 1 'row 3 .*住所.*U\+20BB7' tsu export clients --encoding cp932 -o "$T/keep.csv"
[ "$(cat "$T/keep.csv")" = old ] || fail "a failed export touched the file"
ls "$T" | grep -q 'keep.csv.tmp' && fail "a temporary file was left"
expect_fail "all is JSON" 2 'JSON' tsu export all --format csv
exit 0
