# Fixed phrases (定型文) in a note (issue 16, item 11): F3 in a note's
# text field lists the phrases of the note's kind from the config
# (phrase.phone lines replace the built-in phone ones, "\n" a line break)
# and then those for every kind (the built-in any ones, not replaced);
# its number inserts one at the cursor, C-t opens the list too, and Esc
# leaves the text as it was.  Another kind shows its built-in phrases.
# Outside a note F3 says what it is for.  The list is pinned at 80x24.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tsunagi"
cat > "$XDG_CONFIG_HOME/tsunagi/config" <<'C'
office = つなぎ相談支援センター
worker = 佐藤 花子
phrase.phone = 本人に電話。
phrase.phone = 相手: \n用件:
C
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 TSUNAGI_NOW=10:15 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys m
ui_wait "経過記録の新規作成: 山田花子"
ui_wait "F3:定型文"
ui_keys F3
ui_wait "電話の定型文"
ui_screen > "$T/screen"
cat > "$T/want" <<'X'
 tsunagi | 定型文     つなぎ相談支援センター / 佐藤 花子  2026-11-23 (R8.11.23)
電話の定型文（1〜9 か Enter でカーソル位置に入れます。Esc: 戻る）
> 1 本人に電話。
  2 相手:  / 用件:
  3 特に変わりなし。
  4 次回のモニタリングで確認する。
  5 主治医への情報提供を検討。











--------------------------------------------------------------------------------
本人に電話。



 Enter:入れる  q:戻る
X
diff "$T/want" "$T/screen" >&2 || fail "the phrase list is not as pinned"
ui_keys 1
ui_wait "経過記録の新規作成: 山田花子"
ui_type "薬は飲めている。"
ui_keys C-t
ui_wait "電話の定型文"
ui_keys 3
ui_wait "経過記録の新規作成: 山田花子"
# Esc on the list inserts nothing.
ui_keys F3
ui_wait "電話の定型文"
ui_keys Escape
ui_wait "経過記録の新規作成: 山田花子"
ui_keys F2
ui_wait "保存しました。"
[ "$(q "SELECT fact FROM note")" = "本人に電話。薬は飲めている。特に変わりなし。" ] || fail "note: $(q "SELECT fact FROM note")"

# A visit: the built-in visit phrases, a template of several lines.
ui_keys m
ui_wait "経過記録の新規作成: 山田花子"
ui_keys BTab BTab BTab Left
ui_wait "< 訪問 >"
ui_keys Tab Tab Tab
ui_keys F3
ui_wait "訪問の定型文"
ui_wait " 1 自宅訪問。"
ui_wait " 4 様子:  / 服薬:  / 本人の話:  / 次回:"
ui_keys 4
ui_wait "経過記録の新規作成: 山田花子"
ui_keys F2
ui_wait "保存しました。"
[ "$(q "SELECT kind || '|' || fact FROM note WHERE id = 2")" = "$(printf 'visit|様子: \n服薬: \n本人の話: \n次回: ')" ] ||
	fail "template: $(q "SELECT kind, fact FROM note WHERE id = 2")"

# F3 outside a note's form.
ui_keys Enter
ui_wait "[基本]"
ui_keys e
ui_wait "利用者"
ui_keys F3
ui_wait "定型文は支援経過記録で使えます。"
ui_keys Escape
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
