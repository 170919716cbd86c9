# PDF output comes from a module loaded on demand: without it, a PDF
# request fails with one line that says what to do, writes nothing, and
# everything else works.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1970-03-02 >/dev/null || fail setup
export TSUNAGI_PDF_MODULE="$T/missing/tsunagi-pdf.so"
expect_fail "PDF without the module" 1 "PDF output is not available.*--format text" tsu due --format pdf -o "$T/due.pdf"
[ ! -e "$T/due.pdf" ] || fail "a file was written"
tsu due > "$T/due.txt" || fail "text output needs no module"
grep -q "^Due list" "$T/due.txt" || fail "text due list: $(head -3 "$T/due.txt")"
unset TSUNAGI_PDF_MODULE
tsu due --format pdf -o "$T/due.pdf" || fail "PDF with the module beside the program"
head -c 5 "$T/due.pdf" | grep -q "%PDF-" || fail "not a PDF"
