# Two sessions on one database: saving a client another session changed
# meanwhile is refused and shown, the typed text stays, and a second F2
# saves it knowingly.  Long text goes through $EDITOR in a private 0600
# file inside a 0700 directory, removed afterwards.
. "$(dirname "$0")/lib.sh"

tsu client add --name "高橋 健" --kana "たかはし けん" --birth 1980-02-02 >/dev/null || fail "client add"

cat > "$T/editor" <<'X'
#!/bin/sh
# Record the modes of the file and its directory, then add a line.
stat -c '%a' "$1" "$(dirname "$1")" > "$EDLOG"
echo "$1" >> "$EDLOG"
printf '%s\n%s\n' "$(cat "$1")" "二行目も書いた" > "$1"
X
chmod +x "$T/editor"

ui_start 80 24 EDITOR="$T/editor" EDLOG="$T/edlog" --
ui_wait "Overdue"
ui_keys c Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: 高橋 健"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait ">phone"
ui_type "045-000-0000"

# Meanwhile, another session changes her.
tsu client edit 1 --address "横浜市中区" >/dev/null || fail "client edit"
ui_keys F2
ui_wait "changed"
ui_wait "045-000-0000"
[ "$(sqlite3 "$DB" "SELECT phone FROM client")" = "" ] || fail "the conflicting save went through"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT phone FROM client")" = "045-000-0000" ] || fail "the second save did not go through"

# Remarks in $EDITOR.
ui_keys e
ui_wait "Client: 高橋 健"
ui_keys BTab
ui_wait ">remarks"
ui_type "一行目"
ui_keys F4
ui_wait "  二行目も書いた"
[ "$(sed -n 1p "$T/edlog")" = 600 ] || fail "temp file mode $(sed -n 1p "$T/edlog")"
[ "$(sed -n 2p "$T/edlog")" = 700 ] || fail "temp dir mode $(sed -n 2p "$T/edlog")"
f=$(sed -n 3p "$T/edlog")
[ ! -e "$f" ] && [ ! -e "$(dirname "$f")" ] || fail "the temporary file or directory was left behind"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT remarks FROM client")" = "一行目
二行目も書いた" ] || fail "remarks: $(sqlite3 "$DB" "SELECT remarks FROM client")"
