# The exit status reports the change itself: a command that committed
# exits 0 even when its confirmation cannot be written (a warning says so),
# so a script that retries on failure does not make a second client; a
# command that only prints fails when its output cannot be written.
. "$(dirname "$0")/lib.sh"

n() { sqlite3 "$DB" "SELECT count(*) FROM client"; }
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 >/dev/full 2>"$T/err" ||
	fail "client add exited $? after committing"
grep -q "the change was saved, but its confirmation could not be written" "$T/err" || fail "no warning: $(cat "$T/err")"
[ "$(n)" = 1 ] || fail "want one client, have $(n)"

printf '氏名,フリガナ,生年月日\n佐藤 花子,さとう はなこ,1990-02-03\n' > "$T/roster.csv"
tsu import clients "$T/roster.csv" >/dev/full 2>"$T/err" || fail "import exited $? after committing"
[ "$(n)" = 2 ] || fail "want two clients, have $(n)"
tsu note add 1 --on 2026-11-20 --kind phone --text "電話" >/dev/full 2>/dev/null || fail "note add exited $?"
tsu client edit 1 --phone 090-0000-0000 >/dev/full 2>/dev/null || fail "client edit exited $?"
tsu backup "$T/b.db" >/dev/full 2>"$T/err" || fail "backup exited $? after writing the copy"
[ -s "$T/b.db" ] || fail "no backup"

# Read-only commands: the output is the work, so a failed write fails.
expect_fail_out() { local rc=0; "$@" >/dev/full 2>"$T/err" || rc=$?; [ $rc = 1 ] || fail "$*: exit $rc, want 1"; }
expect_fail_out tsu client list
expect_fail_out tsu due --week this
grep -q "could not write the output" "$T/err" || fail "no message: $(cat "$T/err")"
