# Under a Japanese locale the command line speaks Japanese (data/po/ja.po
# and its fragments): the help, the client list with its columns still
# aligned in display width, the client card's labels, and the one-line
# errors.  Machine-readable output (tsv) keeps its identifiers.
LANG_OVERRIDE=ja_JP.UTF-8
. "$(dirname "$0")/lib.sh"

locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' ||
	fail "the ja_JP.UTF-8 locale is missing; run as root: localedef -i ja_JP -f UTF-8 ja_JP.UTF-8"

# --help: the usage line first, option names untouched.
"$TSUNAGI_BIN" --help > "$T/help" || fail "--help exited $?"
[ "$(head -n 1 "$T/help")" = "使い方: tsunagi [--db FILE] [--today DATE] [COMMAND ...]" ] ||
	fail "--help does not start with the Japanese usage line: $(head -n 1 "$T/help")"
grep -qx '  -V, --version    バージョンを表示' "$T/help" || fail "--help lacks the --version line"
grep -qx '  check                整合性・スキーマの版・ファイルの権限を確認' "$T/help" ||
	fail "--help lacks the aligned check line"
tsu client --help > "$T/chelp" || fail "client --help exited $?"
[ "$(head -n 1 "$T/chelp")" = "使い方: tsunagi client add --name NAME --kana KANA --birth DATE [--FIELD VALUE ...]" ] ||
	fail "client --help: $(head -n 1 "$T/chelp")"
# The continuation lines move by one column with the wider "使い方:".
[ "$(sed -n 2p "$T/chelp")" = "        tsunagi client list [--all|--closed] [--kind K] [--search TEXT]" ] ||
	fail "client --help continuation not aligned: $(sed -n 2p "$T/chelp")"

expect_output "add first" tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth S45.3.2 --recipient-no 1400000001 --municipality 横浜市 <<'X'
1
X
expect_output "add second" tsu client add --name "佐藤 花子" --kana "ｻﾄｳ ﾊﾅｺ" --birth 2015-01-01 --kind child <<'X'
2
X

# Header and rows line up: Name 16, Kana 18, Birth 10, Case kind 14
# display columns, two blanks between.
expect_output "client list in Japanese" tsu client list <<'X'
   ID  氏名              ふりがな            生年月日    支援の種類      状態
    2  佐藤 花子         ｻﾄｳ ﾊﾅｺ             2015-01-01  障害児相談      支援中
    1  山田 太郎         やまだ たろう       1970-03-02  計画相談        支援中
X
expect_output "tsv keeps identifiers" tsu client list --format tsv <<'X'
2	佐藤 花子	ｻﾄｳ ﾊﾅｺ	2015-01-01	child	active
1	山田 太郎	やまだ たろう	1970-03-02	plan	active
X

# The client card: labels in a 24-column field (the widest,
# 利用者負担上限月額（円）, whole), then the value.
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 > /dev/null || fail "plan add"
tsu client show 1 > "$T/show" || fail "client show exited $?"
for line in \
	'ID                       1' \
	'氏名                     山田 太郎' \
	'ふりがな                 やまだ たろう' \
	'生年月日                 1970-03-02（昭和45年3月2日、56歳）' \
	'支援の種類               計画相談' \
	'受給者証番号             1400000001' \
	'市町村                   横浜市' \
	'状態                     支援中' \
	'計画:' \
	'  #1 計画案 2026-04-01〜2027-03-31、モニタリングは3か月ごと' \
	'利用者負担上限月額（円） '; do
	grep -qxF -- "$line" "$T/show" || fail "client show lacks '$line': $(cat "$T/show")"
done
grep -q '[A-Za-z]\{4,\}' "$T/show" && fail "client show has English left: $(grep '[A-Za-z]\{4,\}' "$T/show")"

# Errors: one line, in Japanese.  The date's own words come from the
# date module (ja-date.po); the label before them from ja.po.
expect_fail "impossible date" 1 '^tsunagi: 生年月日: 2025-02-30: 2025年2月は28日までです。日を確かめてください$' \
	tsu client add --name x --kana x --birth 2025-02-30
expect_fail "missing option" 2 '^tsunagi: --kana（並べ替えと検索に使う読み）は必須です。「tsunagi client add --help」を参照してください$' \
	tsu client add --name x --birth 1970-01-01
expect_fail "unknown command" 2 '^tsunagi: 不明なコマンド「frobnicate」です。「tsunagi --help」を参照してください$' \
	tsu frobnicate
expect_fail "period reversed" 1 '^tsunagi: 有効期間（開始） 2026-04-01 が有効期間（終了） 2026-03-31 より後になっています。' \
	tsu cert add 1 --kind service --from 2026-04-01 --to 2026-03-31
expect_fail "no such client" 1 '^tsunagi: 利用者 99 が見つかりません。' tsu client show 99
exit 0
