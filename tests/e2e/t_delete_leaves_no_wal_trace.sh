#!/usr/bin/env bash
# A deleted client's name, phone and notes do not stay in the -wal while
# a UI session is open: the UI holds no read snapshot between screens,
# and a delete ends with a truncating checkpoint.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 3 > /dev/null 2>&1 || fail "demo"
id=$(tsu client add --name '消去 試験子' --kana 'しょうきょ しけんこ' --birth 1980-01-01 --phone 090-9876-5432 | grep -o '[0-9]\+' | head -1)
[ -n "$id" ] || fail "client add printed no id"
tsu note add "$id" --on 2026-11-20 --kind phone --text 'メモ消去試験ノート' > /dev/null || fail "note add"

ui_start 100 30 --
ui_wait "Alarms"
ui_keys c
ui_wait "消去 試験子"
# Her card open: the UI has read her records.
ui_keys /
ui_type "しょうきょ"
ui_keys Enter
ui_wait "1/1"
ui_keys Enter
ui_wait "[Basics]"
for i in 1 2 3 4 5 6 7 8; do ui_keys Tab; done
ui_wait "[Notes]"
ui_wait "メモ消去試験ノート"

tsu client delete "$id" --yes > /dev/null || fail "client delete"
for f in "$DB" "$DB-wal"; do
	[ -e "$f" ] || continue
	grep -aq '試験子' "$f" && fail "the name is still in $(basename "$f")"
	grep -aq '090-9876-5432' "$f" && fail "the phone is still in $(basename "$f")"
	grep -aq 'メモ消去試験ノート' "$f" && fail "the note is still in $(basename "$f")"
done
ui_keys q
exit 0
