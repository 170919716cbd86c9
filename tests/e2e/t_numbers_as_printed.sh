# Values a worker copies from the certificate are taken as printed (issue
# 16, item 9): 区分3 and 9,300円 on the command line and in the form, and a
# new certificate starts with the client's number, municipality, support
# level and cap filled in.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 --recipient-no 1234567890 \
	--municipality 横浜市 --support-level 区分3 --copay-cap "9,300円" >/dev/null || fail "client add refused 区分3 / 9,300円"
[ "$(q "SELECT support_level, copay_cap_yen FROM client")" = "3|9300" ] || fail "client: $(q "SELECT support_level, copay_cap_yen FROM client")"
expect_fail "区分7" 1 "区分7" tsu client edit 1 --support-level 区分7
[ "$(q "SELECT support_level FROM client")" = 3 ] || fail "a refused level changed the client"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys Tab Tab
ui_wait "[受給者証]"
ui_keys n
ui_wait "受給者証の新規作成: 山田花子"
ui_wait "1234567890"
ui_wait "横浜市"
ui_wait "9300"
ui_screen > "$T/form"
grep -E "区分|支援区分" "$T/form" | grep -q 3 || { cat "$T/form" >&2; fail "the support level was not filled in"; }
# The level and cap typed as printed, the dates of the paper.
ui_keys Tab Tab Tab Tab
ui_keys C-u
ui_type "2027-03-31"
ui_keys Tab C-u
ui_type "区分4"
ui_keys Tab C-u
ui_type "３７，２００円"
ui_keys F2
ui_wait "保存しました。"
[ "$(q "SELECT number, municipality, valid_to, support_level, copay_cap_yen FROM certificate")" = "1234567890|横浜市|2027-03-31|4|37200" ] ||
	fail "certificate: $(q "SELECT * FROM certificate")"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
