# Two SSH sessions that each type a new client (and a contact of the same
# client) and are both hung up keep both drafts, not one; the next start
# offers all of them, each reopens with its own text, and saving one
# leaves the other.
. "$(dirname "$0")/lib.sh"

tsu client add --name "共有 花子" --kana "きょうゆう はなこ" --birth 1970-03-03 >/dev/null || fail "client add"
A="$TMUX_SOCK-a" B="$TMUX_SOCK-b"
trap 'tmux -L "$A" kill-server 2>/dev/null; tmux -L "$B" kill-server 2>/dev/null; _cleanup' EXIT

new_client() {
	ui_wait "Overdue"
	ui_keys c n
	ui_wait "New client"
	ui_type "$1"
	ui_keys Tab
	ui_type "$2"
	ui_keys Tab
	ui_type "1990-01-0$3"
	ui_keys Tab
	ui_wait "1990-01-0$3"
}
hang_up() {
	local pid
	pid=$(ui_pid)
	kill -HUP -- "-$pid" 2>/dev/null || kill -HUP "$pid"
	ui_wait_dead 2 "tsunagi did not leave after SIGHUP"
	ui_history | grep -qF "open forms were kept as drafts" || fail "no message: $(ui_history)"
}

TMUX_SOCK=$A
ui_start 80 24 --
new_client "一番 太郎" "いちばん たろう" 1
TMUX_SOCK=$B
ui_start 80 24 --
# A's draft is already kept (moving between fields keeps it): offered.
ui_wait "client: 一番 太郎"
ui_keys q
new_client "二番 次郎" "にばん じろう" 2
# Both change the same client's phone in her form too.
for s in "$A" "$B"; do
	TMUX_SOCK=$s
	ui_keys Escape
	ui_wait "kept as a draft"
	ui_keys c
	ui_wait "共有 花子"
	ui_keys Enter
	ui_wait "[Basics]"
	ui_keys e
	ui_wait "Client: 共有 花子"
	ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
	ui_wait ">phone"
	ui_type "0$([ "$s" = "$A" ] && echo 1 || echo 2)-1111"
done
TMUX_SOCK=$A
hang_up
TMUX_SOCK=$B
hang_up
tmux -L "$A" kill-server 2>/dev/null
tmux -L "$B" kill-server 2>/dev/null

[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 4 ] ||
	fail "want 4 drafts, got: $(sqlite3 "$DB" "SELECT session, form, client_id, record_id FROM draft")"
[ "$(sqlite3 "$DB" "SELECT count(DISTINCT session) FROM draft")" = 2 ] || fail "not two sessions' drafts"
[ "$(sqlite3 "$DB" "SELECT group_concat(value, ',') FROM (SELECT value FROM draft_field WHERE name = 'name' ORDER BY value)")" = "一番 太郎,二番 次郎,共有 花子,共有 花子" ] ||
	fail "names: $(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'name'")"

# The next start offers all four; each comes back with its own text.
TMUX_SOCK=$A
ui_start 80 24 --
ui_wait "Unsaved drafts from an earlier session"
ui_wait "client: 一番 太郎"
ui_wait "client: 二番 次郎"
[ "$(ui_screen | grep -c "client: 共有 花子")" = 2 ] || fail "the two drafts of 共有 花子 are not both offered: $(ui_screen)"
row=$(ui_screen | grep -n "client: 二番 次郎" | cut -d: -f1)
first=$(ui_screen | grep -n "kept at" | cut -d: -f1)
for i in $(seq $((row - first - 1))); do ui_keys Down; done
ui_wait "> 20"
ui_screen | grep -q "^> .*client: 二番 次郎" || fail "cannot select 二番 次郎: $(ui_screen)"
ui_keys Enter
ui_wait "にばん じろう"
ui_screen | grep -q "いちばん" && fail "二番 次郎's draft came back with 一番 太郎's text"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT name FROM client WHERE name IN ('一番 太郎', '二番 次郎')")" = "二番 次郎" ] || fail "saving one draft saved another"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 3 ] || fail "saving one draft removed another"
# A new client's form does not take another session's new client: it
# says where that draft is.
ui_keys c n
ui_wait "New client"
ui_wait "1 unsaved draft of this form from another session is in the list"
ui_screen | grep -q "いちばん" && fail "a new form took another session's new client"
ui_keys Escape
# A client's own form brings back the newest earlier draft of it and
# says one more is in the list; saving it ends that one only.
ui_keys c
ui_wait "共有 花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "is back (1 more of this form is"
ui_wait "02-1111"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT phone FROM client WHERE name = '共有 花子'")" = "02-1111" ] || fail "phone not saved"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 2 ] || fail "want the drafts of 一番 太郎 and A's phone left: $(sqlite3 "$DB" "SELECT title FROM draft")"
[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'phone' AND value <> ''")" = "01-1111" ] || fail "A's phone draft went"
