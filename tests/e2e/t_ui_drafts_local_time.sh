# The drafts list says when each draft was kept in the worker's own time
# (issue 16, item 5): kept at 15:30 UTC is 00:30 the next day in Tokyo.
. "$(dirname "$0")/lib.sh"

tsu client list >/dev/null || fail "database"
sqlite3 "$DB" "INSERT INTO draft (form, client_id, record_id, base_version, title, saved_at, session)
               VALUES ('client', 0, 0, 0, 'New client', '2026-11-22T15:30:00Z', '');
               INSERT INTO draft_field (draft_id, name, value) VALUES (1, 'name', '時刻 花子');" || fail "fixture"
ui_start 80 24 --
ui_wait "Unsaved drafts from an earlier session"
ui_screen | grep -q "^   *kept at  *form" || { ui_screen >&2; fail "the heading still names a zone"; }
ui_wait "2026-11-23 00:30"
ui_screen | grep -q "15:30" && fail "the UTC time is shown"
ui_keys q
ui_wait "Overdue"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
