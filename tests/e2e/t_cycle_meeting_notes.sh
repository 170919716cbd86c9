# A care-team meeting with an action item that shows on the alarm list
# until x marks it done; progress notes of a client and the search across
# every client's notes (N), which opens the note found.
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 佐藤一郎"
ui_keys j Enter
ui_wait "山田花子  ヤマダハナコ"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait "[Meetings]"
ui_keys n
ui_wait "New meeting: 山田花子"
ui_keys Tab Tab
ui_type "本人、母、生活介護事業所"
ui_keys F2
ui_wait "本人、母、生活介護事業所"
ui_keys Enter
ui_wait "Meeting of 山田花子"
ui_keys n
ui_wait "New action item: 山田花子"
ui_type "移動支援の事業所を探す"
ui_keys Tab
ui_type "相談員"
ui_keys Tab
ui_type "2026-11-27"
ui_keys F2
ui_wait "[ ] 2026-11-27 相談員"
[ "$(q "SELECT what, owner, due_on, done_on IS NULL, meeting_id FROM action_item")" = "移動支援の事業所を探す|相談員|2026-11-27|1|1" ] ||
	fail "action item: $(q "SELECT * FROM action_item")"
# It is on the alarm list this week.
ui_keys a
ui_wait "移動支援の事業所を探す"
ui_keys c
ui_wait "Active clients"
ui_keys j Enter
# The card opens on the tab last used.
ui_wait "[Meetings]"
ui_keys Enter
ui_wait "Meeting of 山田花子"
ui_keys x
ui_wait "Marked done today."
ui_wait "[x] 2026-11-27"
[ "$(q "SELECT done_on FROM action_item")" = "2026-11-23" ] || fail "done: $(q "SELECT * FROM action_item")"
ui_keys a
ui_wait "Overdue"
ui_screen | grep -q "移動支援の事業所を探す" && fail "a done action item is still on the alarm list"

# Notes: one for each client, then the search finds only hers.
q "INSERT INTO note (client_id, noted_on, noted_at, kind, minutes, fact) VALUES (1, '2026-11-20', '10:00', 'visit', 60, '自宅で昼食を作っていた')"
q "INSERT INTO note (client_id, noted_on, kind, fact) VALUES (2, '2026-11-21', 'phone', '通院の予定を確認')"
ui_keys N
ui_wait "Search all records:"
ui_type "昼食"
ui_keys Enter
ui_wait "1 found"
ui_wait "山田花子"
ui_screen | grep -q "佐藤一郎" && fail "the search found the other client's note"
ui_keys Enter
ui_wait "progress note: 山田花子"
ui_wait "自宅で昼食を作っていた"
ui_keys Escape
ui_wait "Search all records:"
ui_keys q
ui_wait "Overdue"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
