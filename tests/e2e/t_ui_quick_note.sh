# A phone note in a few keys (issue 16, item 10): m on the alarm list or
# the client list opens a note for the client under the cursor, a phone
# call dated today at the time it is, the cursor on its text; the card
# goes to a tab by its number and opens again on the last one used.
. "$(dirname "$0")/lib.sh"
export TSUNAGI_NOW=10:15

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
tsu consent add 2 --with "A病院" --purpose "情報共有" --from 2025-11-28 --to 2026-11-27 >/dev/null || fail "consent"
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 TSUNAGI_NOW=10:15 --
ui_wait "consent ends"
# The alarm list: the cursor is on the consent of 佐藤一郎; m, the text, F2.
ui_wait "> !  2026-11-27"
keys=0
ui_keys m; keys=$((keys + 1))
ui_wait "New progress note: 佐藤一郎"
ui_type "病院から電話。来週の受診に同行してほしいとのこと。"
ui_keys F2; keys=$((keys + 1))
ui_wait "Saved."
[ "$(q "SELECT client_id, noted_on, noted_at, kind, fact FROM note")" = "2|2026-11-23|10:15|phone|病院から電話。来週の受診に同行してほしいとのこと。" ] ||
	fail "note: $(q "SELECT * FROM note")"
echo "quick note from the alarm list: $keys keys plus the text"
[ $keys -le 6 ] || fail "$keys keys"
ui_wait "Overdue"

# The client list: search, m.
keys=0
ui_keys c; keys=$((keys + 1))
ui_wait "Active clients"
ui_keys /; keys=$((keys + 1))
ui_type "やまだ"
ui_wait "> 山田花子"
ui_keys Enter; keys=$((keys + 1))
ui_keys m; keys=$((keys + 1))
ui_wait "New progress note: 山田花子"
ui_type "本人から電話。"
ui_keys F2; keys=$((keys + 1))
ui_wait "Saved."
echo "quick note from the client list: $keys keys plus the search and the text"
[ $keys -le 6 ] || fail "$keys keys"
[ "$(q "SELECT client_id, kind, fact FROM note WHERE id = 2")" = "1|phone|本人から電話。" ] || fail "second note: $(q "SELECT * FROM note")"
ui_wait "Active clients"

# The card: 9 is the Notes tab; the next card opens there.
ui_keys Enter
ui_wait "[Basics]"
ui_keys 9
ui_wait "[Notes]"
ui_wait "本人から電話。"
ui_keys q
ui_wait "Active clients"
ui_keys Enter
ui_wait "[Notes]"
ui_keys 1
ui_wait "[Basics]"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
