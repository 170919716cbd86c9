# Long text fields edit as several lines (issue 16, item 3): the text
# wraps at the screen's width, a new line is a line (not ^J), Up and
# Down move between its lines, C-u clears the line the cursor is on and
# nothing else, and a field not being edited shows its beginning.
# Compared as whole screens at 80x24.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
q() { sqlite3 "$DB" "$1"; }

expect_screen() {
	local name=$1 i
	cat > "$T/want.$name"
	for i in $(seq 100); do
		ui_screen | sed 's/ *$//' > "$T/got.$name"
		cmp -s "$T/want.$name" "$T/got.$name" && return 0
		sleep 0.05
	done
	diff -u "$T/want.$name" "$T/got.$name" >&2
	[ -n "${SNAP_OUT:-}" ] && cp "$T/got.$name" "$SNAP_OUT.$name"
	fail "screen '$name' differs"
}

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys Tab Tab Tab Tab
ui_wait "[インテーク]"
ui_keys n
ui_wait "インテークの新規作成: 山田花子"
ui_keys Tab Tab
ui_type "一人暮らしを続けたい。母が高齢になり、週末の買い物や通院の付き添いが難しくなってきたので、ヘルパーを使いたい。"
ui_keys Enter
ui_type "夜は不安。"
expect_screen typed <<'X'
 tsunagi | 入力                                           2026-11-23 (R8.11.23)
インテークの新規作成: 山田花子
 受付日        *:2026-11-23         = 2026-11-23  令和8年11月23日（月）
 相談経路       :
>主訴           :一人暮らしを続けたい。母が高齢になり、週末の買い物や通院の付き
                 添いが難しくなってきたので、ヘルパーを使いたい。
                 夜は不安。

 本人の希望     :
 家族の意向     :
 緊急度（1〜3） :1
 同意の取得     :[ ] いいえ
 備考           :









長文: Enter で改行、F4 または C-o で $EDITOR を開きます。
 F2:保存  Esc:離れる（下書き保存）  Tab:次の項目  F4:エディタ  F1:キー
X
# Up twice is the first screen line; C-e goes to the end of that line
# of text (it wraps over two screen lines) and C-u clears it up to its
# start, no more: the next line stays.
ui_keys Up Up C-e C-u
expect_screen cleared <<'X'
 tsunagi | 入力                                           2026-11-23 (R8.11.23)
インテークの新規作成: 山田花子
 受付日        *:2026-11-23         = 2026-11-23  令和8年11月23日（月）
 相談経路       :
>主訴           :
                 夜は不安。

 本人の希望     :
 家族の意向     :
 緊急度（1〜3） :1
 同意の取得     :[ ] いいえ
 備考           :










長文: Enter で改行、F4 または C-o で $EDITOR を開きます。
 F2:保存  Esc:離れる（下書き保存）  Tab:次の項目  F4:エディタ  F1:キー
X
ui_type "ヘルパーを使って一人暮らしを続けたい。週末の買い物と、月二回の通院の付き添いをお願いしたい。"
# Not edited, the field shows its beginning, cut with "…".
ui_keys Tab
ui_wait ">本人の希望"
ui_screen | grep -qxF " 主訴           :ヘルパーを使って一人暮らしを続けたい。週末の買い物と、月二回の…" ||
	{ ui_screen >&2; fail "the field does not show its beginning, cut with …"; }
ui_keys F2
ui_wait "保存しました。"
got=$(q "SELECT complaint FROM intake")
want="ヘルパーを使って一人暮らしを続けたい。週末の買い物と、月二回の通院の付き添いをお願いしたい。
夜は不安。"
[ "$got" = "$want" ] || fail "complaint: '$got'"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
