# The printouts as pdftotext -layout reads them (issue 16, item 22): a
# heading or a grade word is never broken inside a word (計画変更の /
# 必要性, 障害福祉サービス / 受給者証番号, 中等度, 軽度); GAS 0 is "0",
# not "+0"; a plan without consent leaves a blank line for the date, not
# "年 月 日" to fill in; the prep sheet's lists use the era dates of its
# header (令和8年11月20日), the tables keep R8.11.28 in their cells; the
# assessment, on one A4 page, gives the room left at the bottom to its
# text boxes instead of leaving the bottom third empty.
. "$(dirname "$0")/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/tsunagi"
printf 'worker = 佐藤 花子\noffice = つなぎ相談支援センター\n' > "$XDG_CONFIG_HOME/tsunagi/config"
tsu demo --clients 2 >/dev/null 2>&1 || fail "demo"
pdf() { # FORM [ARGS]: $T/FORM.txt, the PDF's text as laid out
	local form=$1; shift
	tsu print "$form" 1 "$@" --format pdf -o "$T/$form.pdf" || fail "print $form"
	pdftotext -layout "$T/$form.pdf" "$T/$form.txt" || fail "pdftotext $form"
}
has() { # FORM TEXT: TEXT on one line of the laid-out FORM
	grep -qF -- "$2" "$T/$1.txt" || { cat "$T/$1.txt" >&2; fail "$1: '$2' is not on one line"; }
}
hasnt() {
	if grep -qE -- "$2" "$T/$1.txt"; then
		grep -nE -- "$2" "$T/$1.txt" >&2
		fail "$1: '$2' is printed"
	fi
}

pdf monitoring
has monitoring "必要性"
has monitoring "受給者証番号"
has monitoring "GAS 0"
hasnt monitoring "GAS \+0"
# the monitoring report has no consent yet: 同意日 and a line, no 年 月 日
has monitoring "同意日"
hasnt monitoring "同意日 +年"

pdf assessment
has assessment "中等度"
has assessment "軽度"
hasnt assessment "^ *(中|軽) "

# The last row of the ICF table (個人因子) sits near the foot of the
# 842-point page (it was at about 530 with the bottom third empty), and
# the page is still one.
pdfinfo "$T/assessment.pdf" | grep -q "^Pages: *1$" || fail "the assessment is not one page"
y=$(pdftotext -bbox "$T/assessment.pdf" - | sed -n 's/.*yMin="\([0-9]*\)[.0-9]*".*>個人因子<.*/\1/p')
[ -n "$y" ] && [ "$y" -gt 700 ] || fail "the assessment leaves its bottom empty: 個人因子 at y=$y"

pdf plan
has plan "受給者証番号"
has plan "同意日 令和"
# the table's cells: R8.11.28 (達成時期, 評価時期)
has plan "R8.11.28"

pdf prep
hasnt prep "・R[0-9]"
has prep "・令和8年11月20日"
# every R-date in the tables, every 令和 date outside them: the text form
tsu print prep 1 > "$T/prep.text" || fail "prep text"
if grep -nE "R[0-9]+\.[0-9]+\.[0-9]+" "$T/prep.text" >&2; then fail "the prep sheet mixes date styles"; fi

# The weekly schedule's long label (issue 16, item 7) wraps inside its
# shaded cell at word boundaries: every line of it lies left of the
# cell's text (the value column), and no line cuts 実現する or 全体像.
tsu print weekly 1 --format pdf -o "$T/weekly.pdf" || fail "print weekly"
pdftotext -bbox "$T/weekly.pdf" "$T/weekly.bbox" || fail "pdftotext weekly"
# Fields of a bbox line split on < > ": $3 xMin, $5 yMin, $7 xMax, $11 the word.
at=$(awk -F'[<>"]' '/家事の手順が身につき/ { print $3, $5 }' "$T/weekly.bbox")
[ -n "$at" ] || fail "the weekly PDF lacks the overall picture's text"
awk -F'[<>"]' -v at="$at" '
	BEGIN { split(at, a, " "); vx = a[1]; vy = a[2] }
	/<word / && $3 + 0 < vx - 20 && $5 + 0 >= vy - 1 { lines = lines $11 "|"; if ($7 + 0 > vx - 2) over = over " " $11 }
	END { print lines; if (over != "") { print "over: " over; exit 1 } }' "$T/weekly.bbox" > "$T/label" ||
	fail "the label runs into the text column: $(cat "$T/label")"
lines=$(cat "$T/label")
[ "$(printf '%s' "$lines" | tr -d '|')" = "サービス提供によって実現する生活の全体像" ] ||
	fail "the label is not whole in its cell: $lines"
case "$lines" in *"全体像"*) ;; *) fail "全体像 is broken: $lines" ;; esac
case "$lines" in *"実現する"*) ;; *) fail "実現する is broken: $lines" ;; esac
