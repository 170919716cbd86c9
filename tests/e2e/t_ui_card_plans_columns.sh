# The card's Plans tab has column headings and fixed columns (issue 16,
# item 16): stage, period, interval, consent and written dates line up
# under their headings, a version per row; compared as a whole screen at
# 80x24 in Japanese.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

{
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 &&
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 --written 2026-03-20 \
	--wishes "一人で暮らしたい" --policy "地域での生活を支える" --long-goal "一人暮らし" --short-goal "家事に慣れる" &&
tsu plan row add 1 --need "買い物ができない" --goal "一人で買い物に行く" --provider "ヘルパーA" &&
tsu plan final 1 --consented 2026-03-28 &&
tsu plan revise 1
} >/dev/null 2>&1 || fail "fixture"

ui_start 80 24 --
ui_wait "アラーム"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[基本]"
ui_keys 7
ui_wait "[計画]"
ui_wait "本計画"
ui_screen | sed -n '3,6p' | sed 's/ *$//' > "$T/got"
cat > "$T/want" <<'X'
 基本   連絡先   受給者証   同意   インテーク   アセスメント  [計画]           >
  段階        期間                    モニタリング  同意日      作成日
> 計画案      2026-04-01〜2027-03-31  3か月ごと     -           2026-11-23
  本計画      2026-04-01〜2027-03-31  3か月ごと     2026-03-28  2026-03-20
X
diff -u "$T/want" "$T/got" >&2 || fail "the Plans tab's columns differ"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
