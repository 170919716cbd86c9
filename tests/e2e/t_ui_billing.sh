# The billing screen at 80x24 on the demo case load: B opens last month's
# worksheet (the whole screen is checked), Enter on a row opens the
# record it comes from, h/l change the month, p saves the PDF in
# ~/tsunagi-print/, and Enter on the alarm list's 国保連請求 item opens
# the worksheet of the month it bills.
. "$(dirname "$0")/lib.sh"

tsu demo >/dev/null 2>&1 || fail "demo"
printf 'office =\nworker =\nlead.billing = 30\n' > "$XDG_CONFIG_HOME/tsunagi/config"

ui_start 80 24 --
ui_wait "Alarms"
ui_keys B
ui_wait "Billable: 10 items, 12973 units"
ui_wait "monitoring #11 done 2026-10-03"
ui_screen > "$T/screen"
cat > "$T/want" <<'X'
 tsunagi | Billing worksheet                              2026-11-23 (R8.11.23)
2026-10  not 機能強化型, 1.0 workers  (a worksheet to check against, not the 国…
        client       item                                   units status
Billable: 10 items, 12973 units
> 10-03 森 健一      継続サービス利用支援費（Ⅰ）             1260 billable
  10-01 鈴木 拓也    継続サービス利用支援費（Ⅰ）             1260 check first
  10-04 加藤 大輔    サービス利用支援費（Ⅰ）                 1522 billable
  10-24 加藤 美咲    継続サービス利用支援費（Ⅰ）             1260 check first
  10-20 田中 花子    継続サービス利用支援費（Ⅰ）             1260 billable
  10-10 加藤 誠      継続サービス利用支援費（Ⅰ）             1260 billable
  10-01 佐々木 愛    継続サービス利用支援費（Ⅰ）             1260 billable
  10-07 小川 誠      継続サービス利用支援費（Ⅰ）             1260 billable
  10-12 伊藤 悠真    継続障害児支援利用援助費（Ⅰ）           1371 billable
  10-24 長谷川 明美  継続サービス利用支援費（Ⅰ）             1260 billable
加算 candidates: 8 (1500 units with evidence, not in the total)
  10-01 中村 翔太    入院時情報連携加算（Ⅱ）                  150 requirements …
  10-03 森 健一      サービス担当者会議実施加算               100 candidate
  10-03 森 健一      サービス提供時モニタリング加算           100 candidate
  10-19 鈴木 誠      集中支援加算                             300 candidate
  10-04 加藤 大輔    初回加算                                 300 candidate
  10-03 加藤 美咲    入院時情報連携加算（Ⅰ）                  300 candidate
monitoring #11 done 2026-10-03

 Enter:open  h:month before  l:month after  p:PDF  P:printer  q:back  ?:help
X
diff -u "$T/want" "$T/screen" >&2 || fail "the billing screen differs"

# The plan row: Enter opens the plan it comes from.
ui_keys j j
ui_wait "plan #12 consented 2026-10-04"
ui_keys Enter
ui_wait "Plan"
ui_screen | grep -q "加藤 大輔" || fail "not the plan of the row"
ui_keys q
ui_wait "[Plans]"
ui_keys q
ui_wait "plan #12 consented 2026-10-04"

# Down to the problems: the one without a recipient number says what to do.
ui_keys G
ui_wait "no consent date"
ui_screen | grep -q "Problems before the 10th: 5" || fail "problems heading"
ui_keys k
ui_wait "enter the 受給者証番号 on the client's basic tab"

# l: the month after; p: the PDF.
ui_keys l
ui_wait "2026-11  not 機能強化型"
ui_wait "Billable: 3 items, 4729 units"
ui_keys p
ui_wait "Saved the PDF as $HOME/tsunagi-print/billing-2026-11.pdf"
[ "$(stat -c %a "$HOME/tsunagi-print/billing-2026-11.pdf")" = 600 ] || fail "PDF mode"
pdftotext "$HOME/tsunagi-print/billing-2026-11.pdf" - | grep -q "Billing worksheet for 2026-11" || fail "PDF text"
ui_keys h
ui_wait "2026-10  not 機能強化型"

# The alarm list's billing item (lead.billing 30 days: shown from
# 2026-11-10) opens the worksheet of the month it bills.
ui_keys q
ui_wait "Alarms"
for i in 1 2 3 4 5 6 7; do ui_keys f; done
ui_wait "kind: billing"
ui_wait "> !  2026-12-10 Thu in 17 days    (office)       billing deadline for 2026-11"
ui_keys Enter
ui_wait "2026-11  not 機能強化型"
ui_wait "Billable: 3 items, 4729 units"
