# A monitoring month that could not be done, from the UI: on the card's
# monitorings tab x opens the "not done" form at the month that needs it
# (the latest open monitoring month up to this one), the reason is a
# choice; saved, the month shows as not done on the card's basics and on
# the alarm list, and Enter there opens the card's "Not done" tab.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }

tsu client add --name "佐藤 一郎" --kana "さとう いちろう" --birth 1970-01-01 >/dev/null || fail "client add"
# Monthly from September; today is 2026-11-23: October missed, November open.
tsu plan add 1 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 >/dev/null || fail "plan add"
tsu monitoring add 1 --on 2026-09-15 >/dev/null || fail "monitoring"

ui_start 100 30 --
ui_wait "Alarms"
ui_keys c
ui_wait "> 佐藤 一郎"
ui_keys Enter
ui_wait "[Basics]"
ui_wait "monitoring months"
ui_screen | grep -q "2026-09 done, 2026-10 missed, 2026-11, 2026-12" || fail "basics: $(ui_screen)"
ui_keys Tab Tab Tab Tab Tab Tab Tab
ui_wait "[Monitorings]"
ui_wait "x:not done"
ui_keys x
ui_wait "New monitoring not done: 佐藤 一郎"
ui_screen | grep -q "2026-11" || fail "month not filled in: $(ui_screen)"
# The reason: the second choice, postponed at the client's wish.
ui_keys Tab Right
ui_wait "postponed at the client's wish"
ui_keys F2
ui_wait "[Monitorings]"
[ "$(q "SELECT month, reason FROM monitoring_skip")" = "2026-11|postponed" ] ||
	fail "stored: $(q "SELECT * FROM monitoring_skip")"
ui_keys Tab Tab Tab
ui_wait "[Not done]"
ui_wait "2026-11  postponed at the client's wish"
# Past the last tab (the crisis plan) the card wraps to the basics.
ui_keys Tab Tab
ui_wait "[Basics]"
ui_wait "2026-11 not done: postponed"
# On the alarm list: not done, and Enter goes to the record.
ui_keys a

ui_wait " - 2026-11-30 Mon in 7 days     佐藤 一郎             monitoring for 2026-11 (not done: postponed"
ui_keys j j j Enter
ui_wait "[Not done]"
ui_wait "> 2026-11  postponed at the client's wish"
