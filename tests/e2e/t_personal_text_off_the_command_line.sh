# Personal text need not go on the command line (readable in
# /proc/PID/cmdline, kept in shell history): every free-text option takes
# "-" for standard input and "@FILE" for a file; "@@" is a literal "@".
. "$(dirname "$0")/lib.sh"

printf 'やまだ はなこ\n' > "$T/kana.txt"
echo "山田 花子" | tsu client add --name - --kana @"$T/kana.txt" --birth 1980-01-01 > /dev/null || fail "client add"
[ "$(sqlite3 "$DB" "SELECT name || '|' || kana FROM client")" = "山田 花子|やまだ はなこ" ] ||
	fail "client: $(sqlite3 "$DB" "SELECT name, kana FROM client")"
printf '母 山田春子さんと電話。\n来週訪問。\n' | tsu note add 1 --on 2026-11-20 --kind phone --text - > /dev/null || fail "note add"
[ "$(sqlite3 "$DB" "SELECT fact FROM note")" = "$(printf '母 山田春子さんと電話。\n来週訪問。')" ] ||
	fail "note text: $(sqlite3 "$DB" "SELECT quote(fact) FROM note")"
printf '母 山田春子\n' > "$T/with.txt"
printf '山田花子さんの情報を相談支援のために共有\n' > "$T/purpose.txt"
tsu consent add 1 --with @"$T/with.txt" --purpose @"$T/purpose.txt" --from 2026-04-01 --to 2027-03-31 > /dev/null || fail "consent add"
[ "$(sqlite3 "$DB" "SELECT shared_with || '|' || purpose FROM consent")" = "母 山田春子|山田花子さんの情報を相談支援のために共有" ] ||
	fail "consent: $(sqlite3 "$DB" "SELECT shared_with, purpose FROM consent")"
echo "横浜市中区1-2-3" | tsu client edit 1 --address - > /dev/null || fail "client edit"
[ "$(sqlite3 "$DB" "SELECT address FROM client")" = "横浜市中区1-2-3" ] || fail "address"
tsu note add 1 --on 2026-11-21 --kind phone --text @@mention > /dev/null || fail "@@"
[ "$(sqlite3 "$DB" "SELECT fact FROM note WHERE noted_on = '2026-11-21'")" = "@mention" ] || fail "@@ is not a literal @"

n() { sqlite3 "$DB" "SELECT count(*) FROM note"; }
expect_fail "two options on stdin" 2 "only one option can read standard input" \
	tsu consent add 1 --with - --purpose - --from 2026-04-01 --to 2027-03-31
expect_fail "a missing file" 1 "cannot read .*nothere.txt" tsu note add 1 --on 2026-11-22 --kind phone --text @"$T/nothere.txt"
expect_fail "a device" 2 "is not a regular file" tsu note add 1 --on 2026-11-22 --kind phone --text @/dev/zero
mkfifo "$T/fifo"
expect_fail "a FIFO" 2 "is not a regular file" timeout 10 "$TSUNAGI_BIN" --db "$DB" note add 1 --on 2026-11-22 --kind phone --text @"$T/fifo"
printf 'a\0b' > "$T/nul.txt"
expect_fail "a NUL byte" 2 "holds a NUL byte" tsu note add 1 --on 2026-11-22 --kind phone --text @"$T/nul.txt"
head -c 1048577 /dev/zero | tr '\0' 'a' > "$T/big.txt"
expect_fail "too long" 2 "is longer than 1048576 bytes" tsu note add 1 --on 2026-11-22 --kind phone --text @"$T/big.txt"
[ "$(n)" = 2 ] || fail "a failed add left a note"
