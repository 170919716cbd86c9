# I/O faults through tests/stress/faultshim.so (LD_PRELOAD): pwrite and
# fdatasync (what SQLite uses), write (exports) and fsync fail with EIO or
# ENOSPC at the Nth call.  The CLI must say so in one clear line and exit
# 1, the database must stay whole with nothing half-written, and the next
# command (fault cleared) must work.  The UI must show the message, keep
# the typed text on screen, and save it once the fault is gone.
#
# With a sanitizer build the ASan runtime must come first in the initial
# library list, so the shim is preloaded after it.
. "$(dirname "$0")/../e2e/lib.sh"
shim=$STRESS_B/faultshim.so
[ -f "$shim" ] || fail "no $shim; build it with make stress-build"
if [ "${STRESS_SAN:-}" = 1 ]; then
	preload="$(${CC:-gcc} -print-file-name=libasan.so):$shim"
else
	preload=$shim
fi
if [ "$STRESS_LEVEL" = long ]; then ats="1 2 3 4 5 6 7 8 10 12 15 20"; else ats="1 2 4"; fi

faulty() { LD_PRELOAD=$preload FAULT_PATH="$T/" "$@"; }
check_db() {
	local r
	r=$(sqlite3 "$DB" "PRAGMA integrity_check") || fail "$1: sqlite3 cannot read the database"
	[ "$r" = ok ] || fail "$1: integrity_check: $r"
}

tsu client add --name "障害 試験" --kana "しょうがい しけん" --birth 1970-07-07 >/dev/null || fail "client add"
trials=0 failed_ok=0
for call in pwrite fdatasync write fsync; do
	for errno in EIO ENOSPC; do
		for at in $ats; do
			trials=$((trials + 1))
			tag="f-$call-$errno-$at"
			rc=0
			FAULT_CALLS=$call FAULT_ERRNO=$errno FAULT_AT=$at FAULT_COUNT=-1 \
				faulty "$TSUNAGI_BIN" --db "$DB" note add 1 --on 2026-11-20 --kind phone \
				--text "$tag" > "$T/out" 2> "$T/err" || rc=$?
			n=$(sqlite3 "$DB" "SELECT count(*) FROM note WHERE fact = '$tag'")
			if [ $rc -eq 0 ]; then
				[ "$n" = 1 ] && grep -qx '[0-9]*' "$T/out" || fail "$tag: reported success but not saved ($n)"
			else
				failed_ok=$((failed_ok + 1))
				[ $rc -eq 1 ] || fail "$tag: exit $rc ($(cat "$T/err"))"
				[ "$(wc -l < "$T/err")" -eq 1 ] || fail "$tag: want one line: $(cat "$T/err")"
				grep -Eq 'disk|full|input/output' "$T/err" || fail "$tag: unclear message: $(cat "$T/err")"
				if [ "$errno" = ENOSPC ] && [ "$call" = pwrite ]; then
					grep -q 'full' "$T/err" || fail "$tag: ENOSPC not called a full disk: $(cat "$T/err")"
				fi
				[ "$n" = 0 ] || fail "$tag: failed but saved anyway"
			fi
			check_db "$tag"
			# The fault is gone: the same command works.
			tsu note add 1 --on 2026-11-20 --kind phone --text "$tag-again" >/dev/null ||
				fail "$tag: tsunagi does not go on once the fault is cleared"
		done
	done
done
[ $failed_ok -gt 0 ] || fail "no fault ever reached tsunagi: is the shim working?"

# Exports: a failing write of the output file is reported, never a
# truncated file presented as done.
for errno in EIO ENOSPC; do
	trials=$((trials + 1))
	rc=0
	FAULT_CALLS=write,fsync FAULT_ERRNO=$errno FAULT_AT=1 FAULT_COUNT=-1 \
		faulty "$TSUNAGI_BIN" --db "$DB" export notes -o "$T/notes.csv" > "$T/out" 2> "$T/err" || rc=$?
	[ $rc -eq 1 ] || fail "export with $errno on write: exit $rc, stderr: $(cat "$T/err")"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "export $errno: want one line: $(cat "$T/err")"
	trials=$((trials + 1))
	rc=0
	FAULT_CALLS=write,fsync FAULT_ERRNO=$errno FAULT_AT=1 FAULT_COUNT=-1 \
		faulty "$TSUNAGI_BIN" --db "$DB" backup "$T/backup.db" > "$T/out" 2> "$T/err" || rc=$?
	if [ $rc -eq 0 ]; then
		[ "$(sqlite3 "$T/backup.db" "PRAGMA integrity_check")" = ok ] || fail "backup $errno: a damaged copy reported done"
	else
		[ "$(wc -l < "$T/err")" -eq 1 ] || fail "backup $errno (write): want one line: $(cat "$T/err")"
	fi
	rm -f "$T/backup.db"
	FAULT_CALLS=pwrite,fdatasync FAULT_ERRNO=$errno FAULT_AT=1 FAULT_COUNT=-1 \
		FAULT_PATH="$T/backup2" LD_PRELOAD=$preload \
		"$TSUNAGI_BIN" --db "$DB" backup "$T/backup2.db" > "$T/out" 2> "$T/err" && 
		fail "backup with $errno on the copy reported success"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "backup $errno: want one line: $(cat "$T/err")"
	[ ! -e "$T/backup2.db" ] || fail "backup $errno: a failed backup left a file at the target"
	ls "$T" | grep -q 'backup2.db.tmp' && fail "backup $errno: the temporary file was left behind"
done
check_db "exports"

# The UI: the fault is on while FAULT_FLAG exists.
ui_start 80 24 LD_PRELOAD="$preload" FAULT_PATH="$T/" FAULT_FLAG="$T/flag" FAULT_CALLS=pwrite,fdatasync FAULT_ERRNO=ENOSPC --
ui_wait "Overdue"
ui_keys c Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: 障害 試験"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait ">phone"
ui_type "099-111-2222"
touch "$T/flag"
ui_keys F2
ui_wait "full"
ui_wait "099-111-2222"
[ "$(sqlite3 "$DB" "SELECT phone FROM client")" = "" ] || fail "UI: saved during the fault"
check_db "UI during the fault"
rm -f "$T/flag"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT phone FROM client")" = "099-111-2222" ] || fail "UI: not saved once the fault cleared"
# A new client during the fault; then saved once it clears.
ui_keys q
ui_wait "clients"
ui_keys n
ui_wait "New client"
ui_type "故障中 登録"
ui_keys Tab
ui_type "こしょうちゅう とうろく"
ui_keys Tab
ui_type "1990-09-09"
ui_wait "1990-09-09"
touch "$T/flag"
ui_keys F2
ui_wait "full"
ui_wait "故障中 登録"
rm -f "$T/flag"
ui_keys F2
ui_wait "こしょうちゅう とうろく"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client WHERE name = '故障中 登録'")" = 1 ] ||
	fail "UI: the new client was not saved (exactly once) after the fault"
check_db "UI after the fault"
echo "faults: $trials CLI trials ($failed_ok refused cleanly), UI save during and after a full disk"
