# The day's integrity check runs after a command's output, in a process
# of its own (tsunagi(1), THE DAY'S CHECK): the command does not wait for
# it, a writer is not blocked by it, one runs at a time, a killed one is
# started again by the next command, what it finds stops the next
# command (and shows on the UI's status line), and `tsunagi check` lifts
# a recorded problem that is gone.  The checker is held at a point of its
# read transaction by TSUNAGI_TEST_CHECK_WAIT (a FIFO it reads to EOF).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 -cmd ".timeout 2000" "$DB" "$1"; }
new_day() { q "UPDATE meta SET value = '2000-01-01' WHERE key = 'quick_check_day'"; }
checked_today() { [ "$(q "SELECT count(*) FROM meta WHERE key = 'quick_check_day' AND value = date('now', 'localtime')")" = 1 ]; }
# The pids of the day's checkers of $DB (argv: tsunagi --db $DB check --daily).
checkers() {
	local p
	for p in /proc/[0-9]*; do
		[ "$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)" = "tsunagi --db $DB check --daily " ] && echo "${p#/proc/}"
	done
	return 0
}
wait_checker() {   # wait until one checker of $DB runs; print its pid
	local i=0 p
	while [ $i -lt 200 ]; do
		p=$(checkers)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.05; i=$((i + 1))
	done
	fail "no day's check was started"
}
wait_no_checker() {
	local i=0
	while [ $i -lt 200 ]; do
		[ -z "$(checkers)" ] && return 0
		sleep 0.05; i=$((i + 1))
	done
	fail "the day's check is still running: $(checkers)"
}

tsu demo --clients 30 >/dev/null 2>&1 || fail "demo"
# A database made now is new and whole: checked at once, nothing started.
checked_today || fail "a new database is not marked checked"
tsu client list >/dev/null || fail "client list"
[ -z "$(checkers)" ] || fail "a check started on a database checked today"

# 1. The command does not wait for the check, nor does a writer.
new_day
mkfifo "$T/hold"
export TSUNAGI_TEST_CHECK_WAIT=$T/hold
timeout 20 "$TSUNAGI_BIN" --db "$DB" due --week this > "$T/due" 2> "$T/err" ||
	fail "due with the check held: exit $? ($(cat "$T/err"))"
grep -q "items" "$T/due" || fail "due printed: $(cat "$T/due")"
pid=$(wait_checker)
exec 3> "$T/hold"      # the checker is in its read transaction now
day_check_running "$DB" || fail "the running check does not hold its lock"
timeout 20 "$TSUNAGI_BIN" --db "$DB" client add --name 並行 --kana へいこう --birth 1990-01-01 > "$T/out" 2> "$T/err" ||
	fail "a write while the check reads: exit $? ($(cat "$T/err"))"
tsu client list | grep -q 並行 || fail "the write made during the check is not there"
# Another command meanwhile starts no second check.
tsu due >/dev/null || fail "due during the check"
[ "$(checkers)" = "$pid" ] || fail "a second check started: $(checkers)"
checked_today && fail "the check recorded before it ran"
# A client deleted meanwhile: the delete cannot truncate the WAL past
# the checker's read; the check does when it ends (with a UI open, so the
# check's connection is not the last one, whose close would do it anyway).
ui_start 100 30 -- 3>&-     # the tmux server must not keep the FIFO open
ui_wait "Alarms"
id=$(tsu client add --name '消去 試験子' --kana 'しょうきょ しけんこ' --birth 1980-01-01 --phone 090-9876-5432 | grep -o '[0-9]\+' | head -1)
[ -n "$id" ] || fail "client add printed no id"
tsu client delete "$id" --yes > /dev/null || fail "client delete during the check"
exec 3>&-              # let it run to the end
wait_day_checked "$DB"
wait_no_checker
for f in "$DB" "$DB-wal"; do
	[ -e "$f" ] || continue
	grep -aq '090-9876-5432' "$f" && fail "the deleted phone is still in $(basename "$f") after the check"
done
ui_keys q
ui_wait_dead 10 "the UI did not quit"
tmux -L "$TMUX_SOCK" kill-server
[ "$(q "SELECT count(*) FROM meta WHERE key = 'integrity_problem'")" = 0 ] || fail "a whole database has a problem recorded"

# 2. A killed check is started again by the next command.
new_day
tsu client list >/dev/null || fail "client list"
pid=$(wait_checker)
kill "$pid"
wait_no_checker
day_check_running "$DB" && fail "a killed check still holds the lock"
checked_today && fail "a killed check was recorded as done"
unset TSUNAGI_TEST_CHECK_WAIT
tsu client list >/dev/null || fail "client list after the kill"
wait_day_checked "$DB"
wait_no_checker

# 3. Damage it finds stops the next command, which changes nothing.
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$T/whole.db"
psz=$(q "PRAGMA page_size")
page=$(q "SELECT pageno FROM dbstat WHERE name = 'note_by_client' AND pagetype = 'leaf' LIMIT 1")
[ -n "$page" ] || fail "no index page to damage"
new_day
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
printf '\xff\xff\xff\xff' | dd of="$DB" bs=1 seek=$(( (page - 1) * psz + psz - 64 )) conv=notrunc status=none
tsu client list > "$T/out" 2> "$T/err" || fail "the first command read the damaged page: $(cat "$T/err")"
wait_day_checked "$DB"
wait_no_checker
sum=$(md5sum < "$DB")
expect_fail "command after the check found damage" 1 "is damaged \(.*page.*\); restore it from a backup with 'tsunagi restore FILE'" tsu due
expect_fail "a write after the check found damage" 1 "is damaged" tsu client add --name 損傷 --kana そんしょう --birth 1990-01-01
[ "$(md5sum < "$DB")" = "$sum" ] || fail "a refused command wrote to the damaged file"
rc=0; tsu check > "$T/out" || rc=$?
[ $rc = 1 ] && grep -q "^PROBLEM  integrity" "$T/out" || fail "check on the damaged file: exit $rc: $(cat "$T/out")"

# 4. The UI shows what the check finds on its status line, and reaps it.
cp "$DB" "$T/damaged.db"
q "DELETE FROM meta WHERE key = 'integrity_problem'"
new_day
ui_start 100 30 --
ui_wait "is damaged" 30
uipid=$(ui_pid)
wait_no_checker
zombies=$(ps --ppid "$uipid" -o stat= | grep -c Z || true)
[ "$zombies" = 0 ] || fail "the UI left $zombies zombie(s)"
ui_keys j
ui_wait "is damaged"   # it stays after a key
ui_keys q
checked_today || fail "the UI's check did not record its result"

# 5. A recorded problem that is gone (the file put back) is lifted by check.
cp "$T/whole.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
q "INSERT OR REPLACE INTO meta (key, value) VALUES ('integrity_problem', 'On tree page 3 cell 0: test')"
expect_fail "a recorded problem stops commands" 1 "is damaged \(On tree page 3 cell 0: test\)" tsu client list
tsu check > "$T/out" || fail "check of the whole file: $(cat "$T/out")"
grep -q "commands work again" "$T/out" || fail "check did not say the problem was lifted: $(cat "$T/out")"
tsu client list | grep -q 並行 || fail "commands still refused after check"
echo "daily check: off the critical path, writer not blocked, one at a time, restarted after a kill, damage stops the next command and shows in the UI"
