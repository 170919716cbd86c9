# The alarm list at 80x24 in Japanese, the whole screen: each row says
# the days left once, in its column ("あと58日"), not again after the
# detail ("（あと58日）"), and a detail cut at the edge ends with "…"
# (issue 16, item 21).  Today is Monday 2026-11-23.
. "$(dirname "$0")/lib.sh"
LANG=ja_JP.UTF-8
export LANG

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-05-05 &&
tsu cert add 1 --kind support_level --from 2024-02-12 --to 2027-02-11 &&
tsu cert add 1 --kind community --from 2026-02-26 --to 2027-02-25 &&
tsu consent add 1 --with "A病院" --purpose "情報共有と緊急時の連絡のため" --from 2025-11-28 --to 2026-11-27 &&
tsu plan add 1 --from 2026-01-21 --to 2027-01-20 --monitoring-months 6 --final --consented 2026-01-20 &&
tsu plan add 2 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu monitoring add 2 --on 2026-09-12 &&
tsu monitoring add 2 --scheduled 2026-11-26
} >/dev/null || fail "fixture"

ui_start 80 24 --
ui_wait "これから (2)"
cat > "$T/want" <<'X'
 tsunagi | アラーム                                       2026-11-23 (R8.11.23)
期限切れ 1  今週 1  今月 1  これから 2  種類: 全て
  期限切れ (1)
> !! 2026-10-31 土  23日前        佐藤 花子      モニタリング 2026年10月分（実…
  今週 (1)
  !  2026-11-27 金  あと4日       山田 太郎      同意期限: A病院（情報共有と緊…
  今月のモニタリング (1)
  !  2026-11-26 木  あと3日       佐藤 花子      モニタリング 2026年11月分（訪…
  これから (2)
  !  2027-01-20 水  あと58日      山田 太郎      計画期間の終了
  !  2027-02-11 木  あと80日      山田 太郎      障害支援区分の認定の有効期限












 ?:ヘルプ  Enter:開く  m:記録  f:種類  p:週の印刷  c:利用者  Q:終了
X
ui_screen | sed 's/ *$//' > "$T/got"
sed 's/ *$//' "$T/want" | diff -u - "$T/got" >&2 || fail "the alarm list's screen differs"
# The command line keeps the count: it has no column for it.
tsu alarms | grep -q "計画期間の終了（あと58日）" || fail "tsunagi alarms lost the day count: $(tsu alarms | grep 計画期間)"
