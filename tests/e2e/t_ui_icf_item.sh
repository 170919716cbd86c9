# An ICF item as a Japanese worker fills it in (issue 16, item 8): the
# components by their Japanese names, the component taken from a typed
# code, a code the ICF does not have refused with the nearest ones, and
# the picker showing only the item's component.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client add"
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys Tab Tab Tab Tab Tab
ui_wait "[アセスメント]"
ui_keys n
ui_wait "アセスメントの新規作成: 山田花子"
ui_keys F2
ui_keys Enter
ui_wait "山田花子 のアセスメント"
ui_keys n
ui_wait "アセスメント項目の新規作成"
ui_wait "< b: 心身機能 >"
ui_screen | grep -q "personal" && fail "English 'personal' on a Japanese screen"
ui_keys Tab
ui_type "b999"
ui_keys F2
ui_wait "「b999」は ICF のコードではありません。近いコード: b8"
[ "$(q "SELECT count(*) FROM assessment_item")" = 0 ] || fail "b999 was saved"
ui_keys C-u
ui_type "D450"
ui_keys F2
ui_wait "保存しました。"
[ "$(q "SELECT component, icf_code FROM assessment_item")" = "d|d450" ] ||
	fail "item: $(q "SELECT component, icf_code FROM assessment_item")"

# The picker lists d only, until a b code is typed.
ui_keys i
ui_wait "ICF コードか名称:"
ui_wait " d: 活動と参加 "
ui_screen | grep -q "b110" && fail "the picker lists b codes for a d item"
ui_keys C-u
ui_type "歩行"
ui_wait "d450"
ui_keys C-u
ui_type "b11"
ui_wait "b110"
ui_wait " b: 心身機能 "
ui_keys Escape
ui_wait "山田花子 のアセスメント"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
