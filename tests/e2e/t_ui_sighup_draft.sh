# A dropped SSH link mid-edit: SIGHUP to the process group makes tsunagi
# keep the open form as a draft and leave within 2 seconds; the next start
# offers the draft, and reopening it brings back every character.
. "$(dirname "$0")/lib.sh"

tsu client add --name "田中 三郎" --kana "たなか さぶろう" --birth 1960-06-06 >/dev/null || fail "client add"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c Enter
ui_wait "[Basics]"
ui_keys Tab
ui_wait "[Contacts]"
ui_keys n
ui_wait "New contact: 田中 三郎"
ui_keys Tab
ui_type "田中 花"
ui_keys Tab Tab
ui_type "長女"
ui_wait "長女"
pid=$(ui_pid)
kill -HUP -- "-$pid" 2>/dev/null || kill -HUP "$pid"
ui_wait_dead 2 "tsunagi did not leave after SIGHUP"
[ "$(sqlite3 "$DB" "SELECT form, client_id, record_id FROM draft")" = "contact|1|0" ] ||
	fail "no draft kept: $(sqlite3 "$DB" "SELECT * FROM draft")"
tmux -L "$TMUX_SOCK" kill-server

# The next start offers it.
ui_start 80 24 --
ui_wait "Unsaved drafts from an earlier session"
ui_wait "contact: 田中 三郎"
ui_keys Enter
ui_wait "New contact: 田中 三郎"
ui_wait "田中 花"
ui_wait "長女"
ui_keys F2
# The last draft saved: the empty list gives way to the alarm list.
ui_wait "Overdue (0)"
ui_screen | grep -q "Unsaved drafts" && fail "the empty drafts list stayed"
[ "$(sqlite3 "$DB" "SELECT name, relation FROM contact")" = "田中 花|長女" ] || fail "contact not saved"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "draft left after saving"

# SIGTERM in a form that was left unsaved with Esc: the draft is kept too.
ui_keys c Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: 田中 三郎"
ui_keys C-e
ui_type "様"
ui_keys Escape
ui_wait "kept as a draft"
[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'name'")" = "田中 三郎様" ] || fail "Esc did not keep the draft"
ui_keys e
ui_wait "is back"
ui_wait "田中 三郎様"
kill -TERM "$(ui_pid)"
ui_wait_dead 2 "tsunagi did not leave after SIGTERM"
[ "$(sqlite3 "$DB" "SELECT name FROM client")" = "田中 三郎" ] || fail "the draft was saved as the record"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null

# Saving a form and ending its draft are one transaction: when the draft
# cannot be removed, nothing is saved, the text stays on screen, and the
# next F2 saves it once.  (A trigger behind tsunagi's back refuses it.)
sqlite3 "$DB" "DELETE FROM draft; CREATE TRIGGER keep_drafts BEFORE DELETE ON draft
	BEGIN SELECT RAISE(ABORT, 'drafts are kept by this test'); END;"
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c n
ui_wait "New client"
ui_type "松本 一"
ui_keys Tab
ui_type "まつもと はじめ"
ui_keys Tab
ui_type "1990-01-02"
ui_keys F2
ui_wait "drafts are kept by this test"
ui_wait "New client"
ui_wait "まつもと はじめ"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM client WHERE kana = 'まつもと はじめ'")" = 0 ] ||
	fail "the client was saved although its draft could not be removed"
sqlite3 -cmd ".timeout 5000" "$DB" "DROP TRIGGER keep_drafts"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM client WHERE kana = 'まつもと はじめ'")" = 1 ] ||
	fail "the client was not saved once"
[ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "the draft was left after saving"
