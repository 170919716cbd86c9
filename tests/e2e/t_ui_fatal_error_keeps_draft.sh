# A fatal error while a form is open (here: an internal error, a statement
# that cannot be prepared because the audit table was dropped behind
# tsunagi's back) must not leave the terminal in curses mode with the typed
# text lost: the change under way is rolled back, the form is kept as a
# draft, the screen is given back and the message is readable.
. "$(dirname "$0")/lib.sh"

tsu client list >/dev/null || fail "could not create the database"
ui_start 80 24 --
ui_wait "Alarms"
ui_keys c
ui_keys n
ui_wait "New client"
ui_type "Fatal Hanako"
ui_keys Tab
ui_type "ふぇいたる はなこ"
ui_keys Tab
ui_type "1980-04-01"
ui_wait "1980-04-01"
sqlite3 "$DB" "DROP TABLE audit" || fail "could not drop the audit table"
ui_keys F2
ui_wait_dead 10
ui_history | grep -q "tsunagi: stopped; open forms were kept as drafts" ||
	{ ui_history >&2; fail "where the text went is not said"; }
ui_history | grep -q "tsunagi: internal error: preparing a statement" ||
	{ ui_history >&2; fail "the message is not on the screen"; }
# The terminal left the alternate screen: the last lines are the shell's,
# not the form's frame.
ui_history | tail -n 3 | grep -q "New client" && fail "the form is still on the screen"
# Nothing half-saved, and the typed text is a draft.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client")" = 0 ] || fail "the client was saved without its audit row"
sqlite3 "$DB" "SELECT value FROM draft_field" | grep -qx "Fatal Hanako" ||
	fail "the typed name was not kept as a draft: $(sqlite3 "$DB" "SELECT * FROM draft_field")"
