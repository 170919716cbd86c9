# tsunagi due as CSV (UTF-8 with BOM, or CP932 for Excel) and as PDF:
# the same items in each; formula cells neutralised; the PDF has the
# Japanese text and an embedded font; a character the encoding lacks
# stops with a message naming the client, and nothing is written.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "=1+1 髙橋" --kana "たかはし" --birth 1975-05-05 &&
tsu cert add 1 --kind service --from 2025-11-28 --to 2026-11-27 &&
tsu cert add 2 --kind day_service --from 2025-11-26 --to 2026-11-25 &&
tsu consent add 1 --with "A病院, 地域連携室" --purpose "情報共有" --from 2025-11-26 --to 2026-11-26
} >/dev/null || fail "fixture"

expect_output "csv" sh -c "\"$TSUNAGI_BIN\" --db \"$DB\" due --format csv | tr -d '\r'" <<'X'
﻿due_on,state,kind,client_id,client_name,detail,section
2026-11-25,due,certificate,2,'=1+1 髙橋,day-service certificate ends (in 2 days),day
2026-11-26,due,consent,1,山田 太郎,"consent ends: A病院, 地域連携室 (情報共有) (in 3 days)",day
2026-11-27,due,certificate,1,山田 太郎,recipient certificate ends (in 4 days),day
X
tsu due --format csv > "$T/utf8.csv" || fail "csv"
[ "$(head -c 3 "$T/utf8.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "no BOM"
[ "$(grep -c $'\r$' "$T/utf8.csv")" = 4 ] || fail "rows not ended by CRLF"

# CP932 for Excel: no BOM, and decoded back it is the UTF-8 file.
tsu due --format csv --encoding cp932 -o "$T/sjis.csv" || fail "cp932 csv"
iconv -f CP932 -t UTF-8 "$T/sjis.csv" > "$T/back.csv" || fail "not valid CP932"
tail -c +4 "$T/utf8.csv" | cmp - "$T/back.csv" || fail "CP932 CSV differs from the UTF-8 one"
[ "$(stat -c %a "$T/sjis.csv")" = 600 ] || fail "output file mode"
tsu due --kind consent --encoding euc-jp > "$T/euc.txt" || fail "euc-jp text"
expect_fail "髙 is not in EUC-JP" 1 "髙橋 \(id 2\).*U\+9AD9.*EUC-JP" tsu due --encoding euc-jp
iconv -f EUC-JP -t UTF-8 "$T/euc.txt" | grep -q "山田 太郎" || fail "EUC-JP text"

# PDF: the Japanese text comes back and every font is embedded.
tsu due --format pdf -o "$T/due.pdf" || fail "pdf"
[ "$(head -c 5 "$T/due.pdf")" = "%PDF-" ] || fail "not a PDF"
pdftotext -layout "$T/due.pdf" "$T/due.txt" || fail "pdftotext"
for s in "山田 太郎" "勤労感謝の日" "令和8年11月23日" "A病院, 地域連携室" "Due list 2026-11-23 (Mon) - 2026-11-29 (Sun)"; do
	grep -qF "$s" "$T/due.txt" || fail "PDF lacks '$s': $(cat "$T/due.txt")"
done
pdffonts "$T/due.pdf" > "$T/fonts" || fail "pdffonts"
# One font: the subset (a tag of six capitals and +) of a Japanese
# TrueType font, a CID font with Identity-H encoding (pdfw.c).
grep -Eq "^[A-Z]{6}\+(IPAexGothic|IPAexMincho|IPAGothic|IPAPGothic|IPAMincho|TakaoGothic|TakaoPGothic|VL-Gothic-Regular|DroidSansFallback)[A-Za-z-]* +CID TrueType +Identity-H" "$T/fonts" ||
	fail "no Japanese font: $(cat "$T/fonts")"
[ "$(sed 1,2d "$T/fonts" | wc -l)" -eq 1 ] || fail "more than one font: $(cat "$T/fonts")"
awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts" || fail "a font is not embedded: $(cat "$T/fonts")"
grep -Eq "^ *1 ?/ ?1$" "$T/due.txt" || fail "no page number"
tsu due --format pdf > "$T/stdout.pdf" || fail "pdf to stdout"
[ "$(head -c 5 "$T/stdout.pdf")" = "%PDF-" ] || fail "stdout not a PDF"
# No usable font: one line saying what to do, and no file.
TSUNAGI_PDF_FONT=/nonexistent/font.ttf expect_fail "a font that is not there" 1 "/nonexistent/font.ttf" \
	tsu due --format pdf
printf 'not a font\n' > "$T/bad.ttf"
TSUNAGI_PDF_FONT="$T/bad.ttf" expect_fail "a file that is no font" 1 "not a TrueType font" \
	tsu due --format pdf -o "$T/nofont.pdf"
[ ! -e "$T/nofont.pdf" ] || fail "a PDF was written without a font"

# A long list breaks into pages with the header repeated.
for i in $(seq 1 70); do
	tsu client add --name "利用者 $i" --kana "りようしゃ" --birth 1980-01-01 >/dev/null &&
	tsu cert add $((i + 2)) --kind service --from 2025-11-26 --to 2026-11-25 >/dev/null || fail "many"
done
tsu due --format pdf -o "$T/long.pdf" || fail "long pdf"
pages=$(pdfinfo "$T/long.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 2 ] || fail "70 items on $pages page"
pdftotext -f 2 -l 2 "$T/long.pdf" - | grep -q "Due list 2026-11-23" || fail "header not repeated on page 2"
pdftotext -f 2 -l 2 "$T/long.pdf" - | grep -Eq "^ *2 ?/ ?$pages$" || fail "page number"

# 𠮷 (U+20BB7) is not in CP932: exit 1, the client named, nothing written.
tsu client add --name "𠮷田 一" --kana "よしだ はじめ" --birth 1990-01-01 >/dev/null || fail "client"
tsu cert add 73 --kind service --from 2025-11-26 --to 2026-11-26 >/dev/null || fail "cert"
expect_fail "missing character" 1 "𠮷田 一.*'𠮷' \(U\+20BB7\).*CP932" tsu due --format csv --encoding cp932
rm -f "$T/x.csv"
expect_fail "nothing half-written" 1 "U\+20BB7" tsu due --encoding cp932 -o "$T/x.csv"
[ ! -e "$T/x.csv" ] || fail "a file was written"
exit 0
