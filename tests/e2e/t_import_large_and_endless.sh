# A large roster's duplicate recipient numbers are found across the whole
# file (a hash set, not a scan per row), and an endless input stops at the
# size limit with a message, changing nothing.
. "$(dirname "$0")/lib.sh"

awk 'BEGIN { print "氏名,フリガナ,生年月日,受給者証番号";
	for (i = 0; i < 20000; i++) printf "山田 %d,やまだ,1980-01-01,%d\n", i, 1000000000 + i;
	print "重複 花子,ちょうふく,1980-01-01,1000000007" }' > "$T/big.csv"
rc=0; tsu import clients "$T/big.csv" > "$T/out" 2>&1 || rc=$?
[ $rc = 1 ] || fail "a duplicate at the end: exit $rc"
grep -q "^line 20002, column 4 (受給者証番号): recipient number 1000000007 is also on line 9; each client needs their own" "$T/out" ||
	fail "duplicate not named: $(grep -v '^encoding\|^columns' "$T/out" | head -3)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client")" = 0 ] || fail "rows were imported"
tsu import clients "$T/big.csv" --skip-bad > "$T/out" 2>&1 || fail "skip-bad"
grep -q "^imported 20000 client(s) of 20001 row(s)" "$T/out" || fail "skip-bad: $(tail -2 "$T/out")"

expect_fail "an endless input" 1 "/dev/zero is larger than 64 MiB; split it into smaller files" \
	timeout 60 "$TSUNAGI_BIN" --db "$DB" import clients /dev/zero
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client")" = 20000 ] || fail "the database changed"
