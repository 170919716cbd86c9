# A client's name, kana and birth date are required on every path: the
# CLI's add and edit, the CSV and JSON imports and the form.  An empty
# value is refused with the field named, and nothing changes.
. "$(dirname "$0")/lib.sh"

n() { sqlite3 "$DB" "SELECT count(*) FROM client"; }
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 >/dev/null || fail "client add"
expect_fail "add --kana ''" 1 "kana: must not be empty" tsu client add --name "佐藤" --kana '' --birth 1980-01-01
expect_fail "add --kana ' '" 1 "kana: must not be empty" tsu client add --name "佐藤" --kana '  ' --birth 1980-01-01
expect_fail "add --birth ''" 1 "birth date: must not be empty" tsu client add --name "佐藤" --kana さとう --birth ''
expect_fail "add --name ''" 1 "name: must not be empty" tsu client add --name '' --kana さとう --birth 1980-01-01
expect_fail "edit --birth ''" 1 "birth date: must not be empty" tsu client edit 1 --birth ''
expect_fail "edit --kana ''" 1 "kana: must not be empty" tsu client edit 1 --kana ''
[ "$(n)" = 1 ] || fail "a client was added"
[ "$(sqlite3 "$DB" "SELECT kana || '|' || birth_on FROM client")" = "やまだ たろう|1980-01-01" ] ||
	fail "the client was changed: $(sqlite3 "$DB" "SELECT kana, birth_on FROM client")"

# CSV: the row without a birth date is the row's problem.
printf '氏名,フリガナ,生年月日\n佐藤 花子,さとう はなこ,\n鈴木 一,すずき はじめ,1990-01-01\n' > "$T/r.csv"
rc=0; tsu import clients "$T/r.csv" > "$T/out" 2>&1 || rc=$?
[ $rc = 1 ] || fail "import of a row without birth date: exit $rc"
grep -q "^line 2, column 3 (生年月日): birth date: must not be empty" "$T/out" || fail "import: $(cat "$T/out")"
[ "$(n)" = 1 ] || fail "import added clients"
printf '氏名,生年月日\n佐藤 花子,1990-01-01\n' > "$T/r.csv"
rc=0; tsu import clients "$T/r.csv" > "$T/out" 2>&1 || rc=$?
grep -q "kana: must not be empty" "$T/out" || fail "import without kana: $(cat "$T/out")"

# JSON: a client without a birth date in the file is refused as a whole.
tsu export all --format json -o "$T/all.json" || fail "export all"
sed 's/"birth_on": *"1980-01-01"/"birth_on": null/' "$T/all.json" > "$T/bad.json"
grep -q '"birth_on": *null' "$T/bad.json" || fail "the test could not plant a null birth date"
rm -f "$T/empty.db"
rc=0; "$TSUNAGI_BIN" --db "$T/empty.db" import all "$T/bad.json" 2> "$T/err" > /dev/null || rc=$?
[ $rc = 1 ] || fail "import all with a null birth date: exit $rc"
grep -q "table client, row id 1: birth date: must not be empty; nothing was imported" "$T/err" || fail "import all: $(cat "$T/err")"
[ "$(sqlite3 "$T/empty.db" "SELECT count(*) FROM client")" = 0 ] || fail "import all loaded the client"

# The form: a new client with a name only is not saved.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c n
ui_wait "New client"
ui_type "高橋 一"
ui_keys F2
ui_wait "kana: must not be empty"
ui_wait "高橋 一"
[ "$(n)" = 1 ] || fail "the form saved a client without kana"
