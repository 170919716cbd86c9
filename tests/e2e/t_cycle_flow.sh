# A client's whole cycle on screen, in Japanese: an assessment with an ICF
# item typed in Japanese, its need pulled into a draft plan with a
# 3-monthly interval, the plan finalised with a consent date (asked
# again, as it lacks a provider), the
# monitorings on the calendar in January and April (and not in between),
# one scheduled from the calendar, recorded with a GAS score, the change
# it asks for turned into a revised draft, and the card's GAS trend.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' ||
	fail "the ja_JP.UTF-8 locale is missing; run as root: localedef -i ja_JP -f UTF-8 ja_JP.UTF-8"

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

# The assessment: the health condition, then an item of d with its fact
# and interpretation apart, flagged as a need.
ui_keys n
ui_wait "アセスメントの新規作成: 山田花子"
ui_keys Tab
ui_type "脳性麻痺"
ui_keys F2
ui_wait "脳性麻痺"
ui_keys Enter
ui_wait "山田花子 のアセスメント"
ui_wait "健康状態: 脳性麻痺"
ui_keys n
ui_wait "アセスメント項目の新規作成"
ui_keys Right Right
ui_wait "< d: 活動と参加 >"
ui_keys Tab Tab Tab Tab Tab
ui_type "買い物に一人で行けない"
ui_keys Tab
ui_type "道順の不安が大きい"
ui_keys Tab Tab Space
ui_wait "[x] はい"
ui_keys F2
ui_wait "買い物に一人で行けない"
# Its ICF code from the list, found by its Japanese name.
ui_keys i
ui_wait "ICF コードか名称:"
ui_type "物品とサービス"
ui_wait "d620"
ui_keys Enter
ui_wait "ICF コード d620（物品とサービスの入手）を設定しました。"
ui_wait "活動と参加 d620"
[ "$(q "SELECT component, icf_code, need, fact, interpretation FROM assessment_item")" = \
  "d|d620|1|買い物に一人で行けない|道順の不安が大きい" ] || fail "item: $(q "SELECT * FROM assessment_item")"

# A draft plan, monitoring every 3 months; its need pulled in.
ui_keys q
ui_wait "[アセスメント]"
ui_keys Tab
ui_wait "[計画]"
ui_keys n
ui_wait "新しい計画案"
ui_keys Tab Tab Left Left Left
ui_wait "< 3 >"
ui_keys F2
ui_wait "山田花子 の計画（計画案）"
ui_wait "モニタリング 3か月ごと"
ui_keys A
ui_wait "アセスメントからニーズを 1 件取り込みました。"
ui_wait " 1 買い物に一人で行けない"
# The goal of the row.
ui_keys e
ui_wait "計画の項目: 山田花子"
ui_keys Tab Tab
ui_type "一人で買い物に行く"
ui_keys F2
ui_wait "一人で買い物に行く"

# Final on the consent date.
ui_keys F
ui_wait "計画の確定: 利用者が同意した日"
ui_keys C-u
ui_type "R8.11.25"
ui_keys F2
# The draft has no provider, wishes, policy or goals: it asks again.
ui_wait "この案には欠けています"
ui_wait "優先順位 1 のニーズの提供事業者名が空です"
ui_keys y
ui_wait "計画を確定しました"
[ "$(q "SELECT stage, consented_on, monitoring_months, anchor_month FROM plan")" = "final|2026-11-25|3|2026-11" ] ||
	fail "plan: $(q "SELECT stage, consented_on, monitoring_months, anchor_month FROM plan")"

# Printed from the screen: a private PDF under ~/tsunagi-print.
ui_keys p
ui_wait "PDFを "
pdf="$HOME/tsunagi-print/plan-final-1-1.pdf"
[ -f "$pdf" ] || fail "no $pdf"
[ "$(stat -c %a "$pdf")" = 600 ] || fail "$pdf is mode $(stat -c %a "$pdf")"
[ "$(stat -c %a "$HOME/tsunagi-print")" = 700 ] || fail "the print folder is not private"
if command -v pdftotext >/dev/null; then
	pdftotext "$pdf" - | grep -q "一人で買い物に行く" || fail "the plan's PDF lacks the goal"
fi

# The calendar: the plan runs 2026-11-23 to 2027-11-22, so by the
# end-month rule its monitorings are November 2027 and every 3 months back
# from it: none in December or January, one at the end of February (the
# month it is due, nothing scheduled yet), and again in May.
ui_keys C
ui_wait "2026年11月"
ui_keys ]
ui_wait "2026年12月"
ui_screen | grep -q " M1" && fail "a monitoring shows in December"
ui_keys ]
ui_wait "2027年1月"
ui_screen | grep -q " M1" && fail "a monitoring shows in January"
ui_keys ]
ui_wait "2027年2月"
ui_wait " M1"
ui_keys ] ] ]
ui_wait "2027年5月"
ui_wait " M1"
# Back in February, on the 28th the item is listed; schedule it on the 17th.
ui_keys [ [ [
ui_wait "2027年2月   2027-02-23"
ui_keys l l l l l
ui_wait "2027-02-28"
ui_wait "この日の項目 1 件"
ui_keys Tab s
ui_wait "山田花子 さんの予定"
ui_keys h h h h h h h h h h h
ui_wait "2027-02-17"
ui_keys s
ui_wait "山田花子 さんのモニタリングを 2027-02-17 に予定しました。"
[ "$(q "SELECT scheduled_on, done_on IS NULL FROM monitoring")" = "2027-02-17|1" ] ||
	fail "scheduled: $(q "SELECT * FROM monitoring")"
ui_wait "この日の項目 1 件"

# Enter opens her card at the monitorings; record one done today.
ui_keys Tab Enter
ui_wait "[モニタリング]"
ui_keys n
ui_wait "モニタリングの記録: 実施日"
ui_keys F2
ui_wait "山田花子 のモニタリング"
ui_wait "一人で買い物に行く"
ui_keys Enter
ui_type "週2回の同行援護"
ui_keys Tab
ui_type "楽しい"
ui_keys Tab
ui_type "一部達成"
ui_keys Tab
ui_type "1"
ui_keys Tab Tab Space
ui_keys F2
# It asks for a change of service kind: a revision is offered.
ui_wait "今すぐ変更案を作りますか"
[ "$(q "SELECT m.done_on, m.scheduled_on, r.gas, r.change_kind, r.delivery FROM monitoring m JOIN monitoring_row r ON r.monitoring_id = m.id")" = \
  "2026-11-23|2027-02-17|1|1|週2回の同行援護" ] || fail "monitoring: $(q "SELECT * FROM monitoring_row")"
ui_keys y
ui_wait "計画をもとに変更案を作成しました。"
ui_wait "山田花子 の計画（計画案）"
[ "$(q "SELECT id, stage, coalesce(previous_id, 0) FROM plan ORDER BY id" | tr '\n' ' ')" = "1|final|0 2|draft|1 " ] ||
	fail "plans: $(q "SELECT id, stage, previous_id FROM plan")"
[ "$(q "SELECT count(*) FROM plan_row WHERE plan_id = 2 AND goal = '一人で買い物に行く'")" = 1 ] || fail "revised rows"

# Back on the card: the goal's GAS trend.
ui_keys q q
ui_wait "目標ごとの GAS の推移"
ui_wait "一人で買い物に行く"
ui_screen | grep -q "一人で買い物に行く *+1" || fail "GAS trend: $(ui_screen)"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "a draft was left"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
