# tsunagi print: every form of the demo's complete cycle as PDF and text.
# The PDFs give back their Japanese labels and text through pdftotext,
# embed their fonts, and the plan, weekly schedule and monitoring are A4
# landscape; the weekly schedule's text is pinned; --initials hides the
# name; bad usage and a missing record say what to do.
. "$(dirname "$0")/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tsunagi"
printf 'worker = 佐藤 花子\noffice = つなぎ相談支援センター\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu demo --clients 2 2>/dev/null || fail "demo"
name=$(tsu client show 1 | sed -n 's/^name  *//p')
[ "$name" = "岡田 結衣" ] || fail "the demo's client 1 is not 岡田 結衣: $(tsu client show 1 | head -3)"
check_pdf() { # FORM SIZE LABELS...
	local form=$1 size=$2; shift 2
	tsu print "$form" 1 --format pdf -o "$T/$form.pdf" || fail "print $form pdf"
	[ "$(stat -c %a "$T/$form.pdf")" = 600 ] || fail "$form: mode"
	pdfinfo "$T/$form.pdf" | grep -q "Page size: *$size pts" || fail "$form: page size $(pdfinfo "$T/$form.pdf" | grep 'Page size')"
	pdffonts "$T/$form.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' || fail "$form: a font is not embedded"
	# -raw: the text in the order it is drawn (a label's lines, then its
	# value), not regrouped by position, which joins a value's line to
	# the first line of a label that wraps beside it.
	pdftotext -raw "$T/$form.pdf" "$T/$form.txt" || fail "$form: pdftotext"
	tr -d ' \n' < "$T/$form.txt" > "$T/$form.flat"
	for s in "$@" "$name" "つなぎ相談支援センター" "佐藤花子"; do
		grep -qF "$(printf '%s' "$s" | tr -d ' \n')" "$T/$form.flat" || fail "$form PDF lacks '$s'"
	done
}
check_pdf plan "841.89 x 595.276" "サービス等利用計画" "優先順位" "解決すべき課題（本人のニーズ）" \
	"支援目標" "達成時期" "提供事業者名" "課題解決のための本人の役割" "評価時期" "その他留意事項" \
	"総合的な援助の方針" "利用者同意署名欄" "手順表を使って"
check_pdf weekly "841.89 x 595.276" "週間計画表" "日・祝" "主な日常生活上の活動" "週単位以外のサービス" \
	"サービス提供によって実現する生活の全体像" "就労継続支援B型" "通院（精神科）"
check_pdf monitoring "841.89 x 595.276" "モニタリング報告書" "モニタリング実施日" "全体の状況" \
	"サービス提供状況" "本人の感想・満足度" "計画変更の必要性" "GAS+1" "夜中に目が覚める日が続いている"
check_pdf assessment "595.276 x 841.89" "申請者の現状（基本情報）" "生年月日" "住環境" "本人の主訴と希望" \
	"心身機能（b）" "活動と参加（d）" "環境因子（e）" "個人因子" "事実" "解釈" "調理以外の家事"
check_pdf prep "595.276 x 841.89" "会議前の確認シート" "最近の変化" "来月大切なこと" "服薬支援"

# The weekly schedule as text, exactly (for lp: at most 80 columns).
expect_output "weekly text" tsu print weekly 1 <<'X'
                                   週間計画表
                             出力日 令和8年11月23日
================================================================================
利用者氏名                    岡田 結衣
障害福祉サービス受給者証番号  1400100000
地域相談支援受給者証番号
通所受給者証番号
障害支援区分                  区分4
相談支援事業者名              つなぎ相談支援センター
計画作成担当者                佐藤 花子
計画作成日                    令和8年9月13日
      |月       |火       |水       |木       |金       |土       |日・祝   |
06:00 |         |         |         |         |         |         |         |
07:00 |         |         |         |         |         |         |         |
08:00 |         |         |         |         |         |         |         |
09:00 |         |         |         |         |         |         |         |
10:00 |就労継続 |就労継続 |         |就労継続 |就労継続 |         |         |
11:00 |｜       |｜       |         |｜       |｜       |         |         |
12:00 |｜       |｜       |         |｜       |｜       |         |         |
13:00 |｜       |｜       |         |｜       |｜       |         |         |
14:00 |｜       |｜       |         |｜       |｜       |         |         |
15:00 |         |         |         |         |         |         |         |
16:00 |         |         |         |         |         |         |         |
17:00 |         |         |         |         |         |         |         |
18:00 |         |         |         |         |         |         |         |
19:00 |         |         |         |         |         |         |         |
20:00 |         |         |         |         |         |         |         |
21:00 |         |         |         |         |         |         |         |
22:00 |         |         |         |         |         |         |         |
23:00 |         |         |         |         |         |         |         |
【主な日常生活上の活動】
  7:00 起床・服薬
  9:30 作業所へ（バス）
  16:00 帰宅・買い物
  22:30 服薬・就寝
【週単位以外のサービス】
  通院（精神科）：月2回、母が同行。月1回は相談支援専門員が同行。
【サービス提供によって実現する生活の全体像】
  家事の手順が身につき、週4日働きながら、今のアパートで安心して暮らしている。
X
for form in plan weekly monitoring assessment prep; do
	w=$(tsu print $form 1 | wc -L)
	[ "$w" -le 80 ] || fail "$form: a line is $w columns wide"
done

# --initials: no name, no address; --id picks another record.
tsu print assessment 1 --initials > "$T/init.txt" || fail "initials"
grep -q "^氏名 *O\.Y\.$" "$T/init.txt" || fail "no initials: $(head -8 "$T/init.txt")"
! grep -q "岡田" "$T/init.txt" || fail "the name leaks with --initials"
tsu print plan 1 --id 2 > "$T/old.txt" || fail "--id of the superseded plan"
cmp -s "$T/old.txt" <(tsu print plan 1) && fail "--id 2 printed the plan in force"
grep -q "週2回・各1時間" "$T/old.txt" || fail "the first version is not the one printed"
tsu print plan 1 | grep -q "週3回・各1時間" || fail "the plan in force is not the revision"
expect_fail "another client's plan" 1 "belongs to another client" tsu print plan 1 --id 4
expect_fail "unknown form" 2 "unknown form 'bill'" tsu print bill 1
expect_fail "bad format" 2 "--format: 'csv'" tsu print plan 1 --format csv
expect_fail "bad id" 2 "--id: 'x'" tsu print plan 1 --id x
expect_fail "no client" 2 "give the form and the client" tsu print plan
tsu client add --name "新規 一郎" --kana "しんき いちろう" --birth 1990-01-01 >/dev/null || fail "client add"
expect_fail "no monitoring" 1 "no monitoring done yet" tsu print monitoring 3
expect_fail "no plan" 1 "no plan yet" tsu print weekly 3
echo "ok t_print_forms"
