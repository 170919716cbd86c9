#!/usr/bin/env bash
# An interrupted restore (or backup, export) leaves no full copy of the
# database behind: SIGTERM and SIGHUP remove it on the spot; a copy left
# by kill -9 is reported by check and removed by the next command, but
# never one a running tsunagi still holds, a new one, or one not ours.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 2 > /dev/null 2>&1 || fail "demo"
tsu backup "$T/b.db" > /dev/null || fail "backup"
leftovers() { ls "$T" | grep -E '\.(restore|tmp)[A-Za-z0-9]{6}'; }

# A restore that blocks while it copies: its -wal is a FIFO nobody writes.
mkfifo "$T/b.db-wal"
start_restore() {
	"$TSUNAGI_BIN" --db "$DB" restore "$T/b.db" > /dev/null 2>&1 &
	pid=$!
	for i in $(seq 1 200); do [ -n "$(leftovers | grep -e '-wal$')" ] && return 0; sleep 0.05; done
	fail "the restore never started its copy"
}

for sig in TERM HUP; do
	start_restore
	kill -$sig $pid
	wait $pid && fail "restore survived SIG$sig"
	[ -z "$(leftovers)" ] || fail "SIG$sig left a copy: $(leftovers)"
done

start_restore
kill -KILL $pid
wait $pid
copy=$(leftovers | grep -v -e '-wal$')
[ -n "$copy" ] || fail "kill -9 left nothing (test setup)"
tsu client list > /dev/null || fail "client list"
[ -e "$T/$copy" ] || fail "a copy younger than a minute was removed"
touch -d '2 minutes ago' "$T/$copy" "$T/$copy-wal"
: > "$T/x.db.tmpAbC123"
touch -d '2 minutes ago' "$T/x.db.tmpAbC123"
cp -p "$T/x.db.tmpAbC123" "$T/y.db.tmpZzZ999"
chown 65534 "$T/y.db.tmpZzZ999"
tsu check > "$T/check" 2>&1 && fail "check passed with leftover copies"
grep -q "$T/$copy: a leftover temporary copy" "$T/check" || fail "check did not report $copy: $(cat "$T/check")"
grep -q "x.db.tmpAbC123: a leftover" "$T/check" || fail "check did not report x.db.tmpAbC123"
grep -q "y.db.tmpZzZ999" "$T/check" && fail "check reported a file not ours"
[ -e "$T/$copy" ] || fail "check removed a copy (it only reports)"

# A copy that a running restore holds is not stale, however old.
mv "$T/$copy-wal" "$T/moved"
start_restore
mv "$T/moved" "$T/$copy-wal"
held=$(leftovers | grep -e '-wal$' | grep -vxF "$copy-wal")
held=${held%-wal}
touch -d '2 minutes ago' "$T/$held" "$T/$held-wal"
tsu client list > /dev/null || fail "client list"
[ ! -e "$T/$copy" ] && [ ! -e "$T/$copy-wal" ] || fail "the copy left by kill -9 was not removed"
[ ! -e "$T/x.db.tmpAbC123" ] || fail "the stale .tmp copy was not removed"
[ -e "$T/y.db.tmpZzZ999" ] || fail "a file of another user was removed"
[ -e "$T/$held" ] && [ -e "$T/$held-wal" ] || fail "the copy of a running restore was removed"
kill -TERM $pid
wait $pid
rm -f "$T/y.db.tmpZzZ999"
[ -z "$(leftovers)" ] || fail "left: $(leftovers)"
tsu check > /dev/null || fail "check after all"
exit 0
