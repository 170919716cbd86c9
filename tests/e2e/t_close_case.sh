# Closing a case (終結) with its date, reason and summary, from the card
# (X) and from the command line (issue 16, item 16); the card's basics
# say why and when, and the client leaves the active list, records kept.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
tsu client add --name 佐藤一郎 --kana サトウイチロウ --birth 1975-01-01 >/dev/null || fail "client"
tsu note add 1 --on 2026-11-20 --kind visit --text "自宅訪問" >/dev/null || fail "note"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 佐藤一郎"
ui_keys j Enter
ui_wait "[基本]"
ui_keys X
ui_wait "終結"
ui_wait "< 支援の必要がなくなった >"
ui_keys Tab Right
ui_wait "< 他の事業所へ移行 >"
ui_keys Tab
ui_type "隣の市の相談支援事業所へ引き継いだ。"
ui_keys F2
ui_wait "終結しました"
ui_wait "他の事業所へ移行"
ui_wait "隣の市の相談支援事業所へ引き継いだ。"
[ "$(q "SELECT status, closed_on, closed_reason, closing_summary FROM client WHERE id = 1")" = \
  "closed|2026-11-23|transferred|隣の市の相談支援事業所へ引き継いだ。" ] || fail "client: $(q "SELECT * FROM client WHERE id = 1")"
[ "$(q "SELECT count(*) FROM note WHERE client_id = 1")" = 1 ] || fail "the records went with the closing"
ui_keys X
ui_wait "すでに終結しています"
ui_keys q
ui_wait "在籍中の利用者"
ui_screen | grep -q "山田花子" && fail "a closed client is still on the active list"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"

# The command line: the summary from standard input, a bad reason refused.
expect_fail "bad reason" 2 "--reason: 「busy」は" tsu client close 2 --reason busy
expect_fail "other without words" 1 "要約に内容を" tsu client close 2 --reason other
printf '県外へ転居した。\n' | tsu client close 2 --on 2026-11-30 --reason moved --summary - >/dev/null || fail "close"
[ "$(q "SELECT status, closed_on, closed_reason, closing_summary FROM client WHERE id = 2")" = \
  "closed|2026-11-30|moved|県外へ転居した。" ] || fail "client 2: $(q "SELECT * FROM client WHERE id = 2")"
