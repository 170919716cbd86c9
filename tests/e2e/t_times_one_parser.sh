# Times of day are read by one parser on every path (issue 16, item 6):
# "1015" in the note form, 9時半 and 午後3時 on the command line, the
# weekly grid's 0930; a time that is none says so in one line and
# changes nothing.
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }

tsu note add 1 --on 2026-11-23 --kind phone --text 電話 --at "９時半" >/dev/null || fail "9時半 refused"
tsu note add 1 --on 2026-11-23 --kind phone --text 電話 --at "午後3時" >/dev/null || fail "午後3時 refused"
expect_fail "25時" 2 "'25時' is not a time of day; write it like 9:30" \
	tsu note add 1 --on 2026-11-23 --kind phone --text 電話 --at "25時"
[ "$(q "SELECT group_concat(noted_at, ' ') FROM (SELECT noted_at FROM note ORDER BY id)")" = "09:30 15:00" ] ||
	fail "CLI times: $(q "SELECT noted_at FROM note")"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait "[Notes]"
ui_keys n
ui_wait "New progress note: 山田花子"
ui_keys Tab
ui_type "1015"
ui_keys Tab Tab Tab Tab
ui_type "電話で通院の予定を確認"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT noted_at FROM note WHERE id = 3")" = "10:15" ] ||
	fail "the note form kept '$(q "SELECT noted_at FROM note WHERE id = 3")', not 10:15"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
