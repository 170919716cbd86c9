# The client register from the command line: add, list (text and tsv),
# search across kana forms, show, edit, close, delete.
. "$(dirname "$0")/lib.sh"

expect_output "add first" tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth S45.3.2 --recipient-no 1400000001 --municipality 横浜市 <<'X'
1
X
expect_output "add second" tsu client add --name "佐藤 花子" --kana "ｻﾄｳ ﾊﾅｺ" --birth ２０１５－０１－０１ --kind child <<'X'
2
X
expect_output "add third" tsu client add --name "伊藤 誠" --kana "イトウ マコト" --birth 令和元年5月1日 --kind=retention <<'X'
3
X

expect_output "list, sorted by kana" tsu client list <<'X'
   ID  Name              Kana                Birth       Case kind       Status
    3  伊藤 誠           イトウ マコト       2019-05-01  retention       active
    2  佐藤 花子         ｻﾄｳ ﾊﾅｺ             2015-01-01  child           active
    1  山田 太郎         やまだ たろう       1970-03-02  planning        active
X

expect_output "tsv" tsu client list --format tsv <<'X'
3	伊藤 誠	イトウ マコト	2019-05-01	retention	active
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	active
1	山田 太郎	やまだ たろう	1970-03-02	plan	active
X

expect_output "hiragana finds half-width katakana" tsu client list --format tsv --search さとう <<'X'
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	active
X
expect_output "katakana finds hiragana" tsu client list --format tsv --search ヤマダ <<'X'
1	山田 太郎	やまだ たろう	1970-03-02	plan	active
X
expect_output "kind filter" tsu client list --format tsv --kind child <<'X'
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	active
X

tsu client edit 1 --phone 045-123-4567 --support-level 3 || fail "edit"
tsu client show 1400000001 > "$T/show" || fail "show by recipient number"
grep -q '^phone  *045-123-4567$' "$T/show" || fail "show lacks the phone: $(cat "$T/show")"
grep -q '^birth date  *1970-03-02 (昭和45年3月2日, age 56)$' "$T/show" || fail "show lacks birth/age: $(cat "$T/show")"
grep -q '^support level  *3$' "$T/show" || fail "show lacks support level"

tsu client close 2 --on 2026-11-01 || fail "close"
expect_output "closed are hidden" tsu client list --format tsv <<'X'
3	伊藤 誠	イトウ マコト	2019-05-01	retention	active
1	山田 太郎	やまだ たろう	1970-03-02	plan	active
X
expect_output "--closed" tsu client list --format tsv --closed <<'X'
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	closed
X
expect_fail "close twice" 1 "already closed" tsu client close 2
expect_fail "delete needs --yes" 2 "add --yes" tsu client delete 3
tsu client delete 3 --yes || fail "delete"
expect_output "--all after delete" tsu client list --all --format tsv <<'X'
1	山田 太郎	やまだ たろう	1970-03-02	plan	active
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	closed
X
