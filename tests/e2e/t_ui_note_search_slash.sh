# Searching notes works as on every list (issue 16, item 4): in the search
# across all notes, "/母" finds notes with 母 (the "/" starts the search, it
# is not searched for); on one client's notes "/" filters them as you type
# and Esc brings them all back.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }
q "INSERT INTO note (client_id, noted_on, noted_at, kind, fact) VALUES (1, '2026-11-20', '10:00', 'visit', '母と買い物に行った')"
q "INSERT INTO note (client_id, noted_on, kind, fact) VALUES (1, '2026-11-21', 'phone', '通院の予定を確認')"
q "INSERT INTO note (client_id, noted_on, kind, fact) VALUES (2, '2026-11-21', 'phone', '母から電話')"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys N
ui_wait "探す言葉を入れて Enter を押してください。"
ui_screen | grep -q "/ のあとに" && fail "the hint still asks for a /"
ui_type "/母"
ui_keys Enter
ui_wait "2 件"
ui_wait "山田花子"
ui_wait "佐藤一郎"
ui_keys q
ui_wait "アラーム"

# One client's notes: / filters them as you type.
ui_keys c
ui_wait "> 佐藤一郎"
ui_keys j Enter
ui_wait "[基本]"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait "[記録]"
ui_keys Enter
ui_wait "山田花子 の経過記録: 2 件"
ui_keys /
ui_type "かいもの"
ui_wait "山田花子 の経過記録: 0 件"
ui_wait "この利用者の記録に、その言葉はありません。"
ui_keys BSpace BSpace BSpace BSpace
ui_type "買い物"
ui_wait "山田花子 の経過記録: 1 件"
ui_wait "母と買い物に行った"
ui_screen | grep -q "通院の予定を確認" && fail "the filter kept a note without the text"
ui_keys Escape
ui_wait "山田花子 の経過記録: 2 件"
ui_wait "通院の予定を確認"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
