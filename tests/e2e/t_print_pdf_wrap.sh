# A plan's long cells in the PDF (issue 12, one PDF engine): a cell
# wraps between words, never inside 中等度 or 知的障害; a row grows to
# its tallest cell, so the next row starts below all of it; a row taller
# than a page goes on over pages under the repeated table head, every
# line printed once.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 >/dev/null || fail "client"
tsu plan add 1 --from 2026-10-01 --to 2027-03-31 --monitoring-months 3 >/dev/null || fail "plan"
# Row 1: a need that must wrap in its narrow column, beside a short goal.
tsu plan row add 1 --need "ひとりでの生活は中等度の知的障害のため買い物や金銭管理に支援が必要" \
	--goal "週3回の買い物を続ける" >/dev/null || fail "row 1"
tsu plan row add 1 --need "次の課題" --goal "通所を続ける" >/dev/null || fail "row 2"
tsu print plan 1 --format pdf -o "$T/plan.pdf" || fail "print plan"
pdftotext -bbox "$T/plan.pdf" "$T/plan.bbox" || fail "pdftotext"

# Fields of a bbox line split on < > ": $3 xMin, $5 yMin, $7 xMax, $9 yMax,
# $11 the word (a line of a cell: CJK has no spaces to split it on).
at=$(awk -F'[<>"]' '/>ひとりでの/ { print $3, $5 }' "$T/plan.bbox")
[ -n "$at" ] || fail "the need's first line is not in the PDF"
awk -F'[<>"]' -v at="$at" '
	BEGIN { split(at, a, " "); x = a[1]; y = a[2] }
	/<word / && $3 + 0 > x - 1 && $3 + 0 < x + 1 && $5 + 0 >= y - 1 && $11 != "次の課題" {
		cell = cell $11 "|"; if ($9 + 0 > bottom) bottom = $9 + 0
	}
	/<word / && $11 == "次の課題" { next_y = $5 + 0 }
	END { print cell; print bottom; print next_y }' "$T/plan.bbox" > "$T/cell"
lines=$(sed -n 1p "$T/cell")
[ "$(printf '%s' "$lines" | tr -d '|')" = "ひとりでの生活は中等度の知的障害のため買い物や金銭管理に支援が必要" ] ||
	fail "the need is not whole in its column: $lines"
[ "$(printf '%s' "$lines" | tr -cd '|' | wc -c)" -ge 3 ] || fail "the need does not wrap: $lines"
case "$lines" in *中等度*) ;; *) fail "中等度 is broken: $lines" ;; esac
case "$lines" in *知的障害*) ;; *) fail "知的障害 is broken: $lines" ;; esac
case "$lines" in *金銭管理*) ;; *) fail "金銭管理 is broken: $lines" ;; esac
# The next row starts under the last line of the tall cell.
bottom=$(sed -n 2p "$T/cell") next=$(sed -n 3p "$T/cell")
awk -v b="$bottom" -v n="$next" 'BEGIN { exit !(n > b) }' ||
	fail "row 2 (y=$next) is not under row 1's last line (y=$bottom)"

# A need of 90 sentences is taller than a page: the row goes on over
# pages, each page under the table's head, every sentence once.
long=""
for i in $(seq 10 99); do long="${long}項目${i}は中等度。"; done
tsu plan row add 1 --need "$long" --goal "手順表を使う" >/dev/null || fail "long row"
tsu print plan 1 --format pdf -o "$T/long.pdf" || fail "print long plan"
pages=$(pdfinfo "$T/long.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 3 ] || fail "a row taller than a page did not go on over pages ($pages pages)"
for p in $(seq 2 "$pages"); do
	pdftotext -f "$p" -l "$p" "$T/long.pdf" - | grep -q "解決すべき課題" ||
		fail "page $p lacks the table's head"
done
# The need's column, page after page, without the head repeated at the
# top of each: a line that a page break cuts in mid-sentence goes on at
# the top of the next page's column, where plain pdftotext would read
# the other columns' heads in between.
pdftotext -bbox "$T/long.pdf" "$T/long.bbox" || fail "pdftotext long"
x=$(awk -F'[<>"]' '/>項目10/ { print $3; exit }' "$T/long.bbox")
[ -n "$x" ] || fail "the long need is not in the PDF"
awk -F'[<>"]' -v x="$x" '/<word / && $3 + 0 > x - 1 && $3 + 0 < x + 1 &&
	$11 != "解決すべき課題（本人の" && $11 != "ニーズ）" { printf "%s", $11 }' "$T/long.bbox" |
	grep -o "項目[0-9]*は中等度。" | sort | uniq -c > "$T/counts"
[ "$(wc -l < "$T/counts")" -eq 90 ] || fail "sentences lost: $(wc -l < "$T/counts") of 90"
awk '$1 != 1 { print; bad = 1 } END { exit bad }' "$T/counts" || fail "a sentence is printed twice"
pdftotext -layout "$T/long.pdf" - | grep -q "次の課題" || fail "the row after the long one is lost"
exit 0
