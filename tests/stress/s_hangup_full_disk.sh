# A hangup on a full disk never claims drafts that were not kept (issue
# 15, item 4).  With the database's writes failing (ENOSPC through
# faultshim.so while a flag file exists), the open form goes to a 0600
# DB.draft-XXXXXX file in the data directory and the message says so;
# the next start offers it, and saving it removes the file.  With every
# write in the data directory failing, the message says the text is lost,
# and nothing claims it was kept.
. "$(dirname "$0")/../e2e/lib.sh"
shim=$STRESS_B/faultshim.so
[ -f "$shim" ] || fail "no $shim; build it with make stress-build"
if [ "${STRESS_SAN:-}" = 1 ]; then
	preload="$(${CC:-gcc} -print-file-name=libasan.so):$shim"
else
	preload=$shim
fi
draft_files() { ls "$T" | grep -E '^tsunagi\.db\.draft-[A-Za-z0-9]{6}$'; }

tsu client add --name "満杯 試験" --kana "まんぱい しけん" --birth 1966-06-06 >/dev/null || fail "client add"

open_contact() {
	ui_wait "Overdue"
	ui_keys c Enter
	ui_wait "[Basics]"
	ui_keys Tab
	ui_wait "[Contacts]"
	ui_keys n
	ui_wait "New contact: 満杯 試験"
	ui_keys Tab
	ui_type "$1"
	ui_wait "$1"
}
hang_up() {
	local pid
	pid=$(ui_pid)
	kill -HUP -- "-$pid" 2>/dev/null || kill -HUP "$pid"
	for i in $(seq 60); do ui_dead && break; sleep 0.05; done
	ui_dead || fail "$1: tsunagi did not leave within 3 seconds of SIGHUP"
}

# 1. The database cannot be written: the draft goes to a file.
ui_start 80 24 LD_PRELOAD="$preload" FAULT_PATH="$T/" FAULT_FLAG="$T/flag" \
	FAULT_CALLS=pwrite,fdatasync FAULT_ERRNO=ENOSPC --
open_contact "満杯中の連絡先"
touch "$T/flag"
hang_up "full database"
rm -f "$T/flag"
ui_history | grep -qF "open forms were kept as drafts" && fail "claimed drafts were kept: $(ui_history)"
ui_history | grep -qF "could not be written, so 1 open form was kept in a draft file in $T" ||
	fail "no message about the draft file: $(ui_history)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "a draft reached the database during the fault"
[ "$(draft_files | wc -l)" = 1 ] || fail "want one draft file, got: $(ls -la "$T")"
f=$T/$(draft_files)
[ "$(stat -c %a "$f")" = 600 ] || fail "draft file mode $(stat -c %a "$f")"
grep -qF "満杯中の連絡先" "$f" || fail "the draft file lacks the text"
tmux -L "$TMUX_SOCK" kill-server

# The next start offers it, and saving it removes the file.
ui_start 80 24 --
ui_wait "Unsaved drafts from an earlier session"
ui_wait "contact: 満杯 試験"
[ -z "$(draft_files)" ] || fail "the draft file was left after it was loaded"
ui_keys Enter
ui_wait "満杯中の連絡先"
ui_keys F2
# The last draft saved: the drafts list gives way to the alarm list.
ui_wait "Overdue ("
[ "$(sqlite3 "$DB" "SELECT name FROM contact")" = "満杯中の連絡先" ] || fail "contact not saved"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "draft left after saving"
tmux -L "$TMUX_SOCK" kill-server

# 2. Nothing can be written in the data directory: the text is lost, and
# the message says so.
ui_start 80 24 LD_PRELOAD="$preload" FAULT_PATH="$T/" FAULT_FLAG="$T/flag" FAULT_ERRNO=ENOSPC --
open_contact "失われる連絡先"
touch "$T/flag"
hang_up "full disk"
rm -f "$T/flag"
ui_history | grep -qF "kept as drafts" && fail "claimed drafts were kept: $(ui_history)"
ui_history | grep -qF "kept in a draft file" && fail "claimed a draft file: $(ui_history)"
ui_history | grep -qF "1 open form could not be kept and its text is lost" || fail "no message about the lost text: $(ui_history)"
[ -z "$(draft_files)" ] || fail "a broken draft file was left: $(draft_files)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "a draft reached the database"
[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after the faults"
echo "hangup-full-disk: 2 hangups (draft file, lost), each said what happened"
