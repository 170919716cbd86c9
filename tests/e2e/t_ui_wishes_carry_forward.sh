# What the client and the family said at intake is carried forward as
# starting text (issue 16, item 14): into a new assessment's wishes, and
# from the assessment into a new plan's 生活に対する意向.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
q "INSERT INTO intake (client_id, intake_on, complaint, client_wishes, family_wishes)
   VALUES (1, '2026-11-01', '一人暮らしが不安', '一人暮らしを続けたい', '無理をしないでほしい')" || fail "intake"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys 6
ui_wait "[アセスメント]"
ui_keys n
ui_wait "アセスメントの新規作成: 山田花子"
ui_wait "一人暮らしを続けたい"
ui_wait "無理をしないでほしい"
ui_keys F2
ui_wait "保存しました。"
[ "$(q "SELECT client_wishes || '|' || family_wishes FROM assessment")" = "一人暮らしを続けたい|無理をしないでほしい" ] ||
	fail "assessment: $(q "SELECT * FROM assessment")"
ui_keys 7
ui_wait "[計画]"
ui_keys n
ui_wait "新しい計画案"
ui_keys F2
ui_wait "生活に対する意向"
[ "$(q "SELECT wishes FROM plan")" = "本人: 一人暮らしを続けたい
家族: 無理をしないでほしい" ] || fail "plan wishes: $(q "SELECT wishes FROM plan")"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
