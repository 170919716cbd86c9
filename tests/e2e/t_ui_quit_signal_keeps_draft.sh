# C-\ (SIGQUIT) ends the UI like SIGTERM: the open form is kept as a draft,
# the terminal is given back, and no core file can hold the typed text
# (tsunagi sets its core size limit to 0 at start).
. "$(dirname "$0")/lib.sh"

tsu client add --name "田中 三郎" --kana "たなか さぶろう" --birth 1960-06-06 >/dev/null || fail "client add"
cd "$T"
ui_start 80 24 --
ui_wait "Overdue"
pid=$(ui_pid)
grep -Eq '^Max core file size +0 +0 ' "/proc/$pid/limits" || fail "core files allowed: $(grep core "/proc/$pid/limits")"
ui_keys c Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: 田中 三郎"
ui_keys C-e
ui_type "様"
ui_wait "田中 三郎様"
ui_keys 'C-\'
ui_wait_dead 2 "tsunagi did not leave after C-\\"
ui_history | grep -qF "open forms were kept as drafts" || fail "no message: $(ui_history)"
[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'name'")" = "田中 三郎様" ] ||
	fail "no draft kept: $(sqlite3 "$DB" "SELECT * FROM draft_field")"
ls "$T" | grep -q '^core' && fail "a core file was written"
exit 0
