#!/usr/bin/env bash
# import clients: a CP932 roster from Excel goes in whole; a file with a
# bad row changes nothing and lists every problem by line and column;
# --dry-run writes nothing (not even a new database); --skip-bad imports
# the good rows.
. "$(dirname "$0")/lib.sh"
D="$(cd "$(dirname "$0")/../data" && pwd)"

# A dry run against no database creates none.
tsu import clients "$D/roster-cp932.csv" --dry-run > "$T/out" || fail "dry run failed"
grep -q '^encoding: CP932 (detected)$' "$T/out" || fail "dry run: encoding not reported: $(cat "$T/out")"
grep -q 'dry run: 3 of 3 rows are good' "$T/out" || fail "dry run: $(cat "$T/out")"
[ ! -e "$DB" ] || fail "dry run created the database"

tsu import clients "$D/roster-cp932.csv" > "$T/out" || fail "import failed: $(cat "$T/out")"
grep -q '^imported 3 client(s) of 3 row(s), with 2 decision-period certificate(s)$' "$T/out" || fail "import: $(cat "$T/out")"
tsu client list --format tsv > "$T/list" || fail "client list"
grep -q '髙橋 一郎' "$T/list" || fail "髙橋 missing: $(cat "$T/list")"
grep -q '山﨑 花子' "$T/list" || fail "山﨑 missing"
tsu client list --search たかはし | grep -q '髙橋' || fail "half-width reading not searchable"

# Every problem, by line and column; nothing imported; one line on stderr.
rc=0
tsu import clients "$D/bad-date.csv" > "$T/out" 2> "$T/err" || rc=$?
[ $rc -eq 1 ] || fail "bad rows: exit $rc"
grep -q '^line 3, column 3 (生年月日): .*2025 has no February 29' "$T/out" || fail "bad rows: $(cat "$T/out")"
grep -q '^line 4, column 3 (生年月日): .*Reiwa began on 2019-05-01' "$T/out" || fail "bad rows: $(cat "$T/out")"
[ "$(wc -l < "$T/err")" -eq 1 ] || fail "want one line on stderr: $(cat "$T/err")"
grep -q 'nothing was imported' "$T/err" || fail "stderr: $(cat "$T/err")"
[ "$(tsu client list --all --format tsv | grep -c .)" -eq "$(grep -c . "$T/list")" ] || fail "a bad file changed the register"

# The same roster again: every recipient number is already taken.
rc=0
tsu import clients "$D/roster-utf8-bom.csv" > "$T/out" 2> "$T/err" || rc=$?
[ $rc -eq 1 ] || fail "duplicates: exit $rc"
[ "$(grep -c 'is already client' "$T/out")" -eq 3 ] || fail "duplicates: $(cat "$T/out")"

# --skip-bad imports the good row and lists the others.
tsu import clients "$D/bad-date.csv" --skip-bad > "$T/out" || fail "skip-bad failed"
grep -q '^imported 1 client(s) of 3 row(s)' "$T/out" || fail "skip-bad: $(cat "$T/out")"
grep -q '^2 bad row(s) skipped' "$T/out" || fail "skip-bad: $(cat "$T/out")"

# Unknown columns are reported, not dropped silently.
rc=0
tsu import clients "$D/bad-unknown-column.csv" > "$T/out" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "unknown column: exit $rc"
grep -q '^line 1, column 3 (血液型): unknown column' "$T/out" || fail "unknown column: $(cat "$T/out")"

expect_fail "bad encoding name" 2 'encoding' tsu import clients "$D/roster-utf8.csv" --encoding latin1
expect_fail "missing file" 1 'cannot read' tsu import clients "$T/nonexistent.csv"
exit 0
