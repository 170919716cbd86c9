# Two sessions on one database: the UI (two of them, in two tmux windows)
# and the CLI edit the same client and the same note.  The second save is
# refused as a conflict and keeps its text on screen; nothing is
# overwritten silently (the knowing second F2 changes only the fields the
# user typed in); each session sees the other's committed work.
. "$(dirname "$0")/../e2e/lib.sh"

# With two sessions on one server, lib.sh's "-t t" can resolve to the
# window named "tsunagi" in the newest session (a prefix match), so every
# target here is an exact session: =t: and =u:.
ui_keys() { tmux -L "$TMUX_SOCK" send-keys -t =t: "$@"; }
ui_type() { tmux -L "$TMUX_SOCK" send-keys -t =t: -l "$1"; }
ui_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t =t:; }
# A second UI in session "u" of the same tmux server.
u_start() {
	tmux -L "$TMUX_SOCK" new-session -d -s u -x 80 -y 24 \
		env TERM=xterm-256color "$TSUNAGI_BIN" --db "$DB" || fail "tmux (u) did not start"
}
u_keys() { tmux -L "$TMUX_SOCK" send-keys -t =u: "$@"; }
u_type() { tmux -L "$TMUX_SOCK" send-keys -t =u: -l "$1"; }
u_wait() {
	local i
	for i in $(seq 200); do
		tmux -L "$TMUX_SOCK" capture-pane -p -t =u: | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	tmux -L "$TMUX_SOCK" capture-pane -p -t =u: >&2
	fail "window u never showed '$1'"
}
q() { sqlite3 "$DB" "$1"; }

tsu client add --name "並行 一子" --kana "へいこう いちこ" --birth 1966-06-16 >/dev/null || fail "client add"
tsu note add 1 --on 2026-11-20 --kind phone --text "最初の記録" >/dev/null || fail "note add"
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 >/dev/null || fail "plan add"

# 1. The UI edits the phone while the CLI changes the address.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: 並行 一子"
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait ">phone"
ui_type "03-0000-1111"
tsu client edit 1 --address "東京都港区1-1" >/dev/null || fail "CLI edit"
ui_keys F2
ui_wait "changed"
ui_wait "03-0000-1111"
[ "$(q "SELECT phone || '|' || address FROM client")" = "|東京都港区1-1" ] || fail "the conflicting save went through"
# The knowing second save keeps the CLI's address: only typed fields change.
ui_keys F2
ui_wait "Saved."
got=$(q "SELECT phone || '|' || address FROM client")
[ "$got" = "03-0000-1111|東京都港区1-1" ] || fail "the second save overwrote the other session's address: $got"
# The CLI sees the UI's work.
tsu client show 1 | grep -q "03-0000-1111" || fail "the CLI does not see the UI's phone"
# The CLI's edit made after the UI saved is refused nowhere, and the UI shows it.
tsu client edit 1 --municipality "港区" >/dev/null || fail "CLI edit after the UI"
ui_keys q
ui_wait "clients"
ui_keys Enter
ui_wait "港区"

# 2. Two UIs edit the same note; the second save is a conflict.
ui_keys Tab Tab Tab Tab Tab Tab Tab Tab
ui_wait "最初の記録"
ui_keys e
ui_wait "最初の記録"
u_start
u_wait "Overdue"
u_keys c Enter
u_wait "[Basics]"
u_keys Tab Tab Tab Tab Tab Tab Tab Tab
u_wait "最初の記録"
u_keys e
u_wait "最初の記録"
# Each appends to the fact field (the last field a C-e can reach is
# wherever the cursor is; type at the fact field found by its label).
ui_keys BTab
u_keys BTab
for i in $(seq 12); do
	ui_screen | grep -q ">fact" && break
	ui_keys BTab
	sleep 0.05
done
for i in $(seq 12); do
	tmux -L "$TMUX_SOCK" capture-pane -p -t =u: | grep -q ">fact" && break
	u_keys BTab
	sleep 0.05
done
ui_keys C-e
ui_type "（Aの追記）"
u_keys C-e
u_type "（Bの追記）"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT fact FROM note")" = "最初の記録（Aの追記）" ] || fail "A's note save: $(q "SELECT fact FROM note")"
u_keys F2
u_wait "changed"
u_wait "最初の記録（Bの追記）"
[ "$(q "SELECT fact FROM note")" = "最初の記録（Aの追記）" ] || fail "B overwrote A's note silently"
[ "$(q "SELECT count(*) FROM draft")" -ge 1 ] || fail "B's text was not kept as a draft on the conflict"

# 3. Each sees the other's committed work: a note the CLI adds now shows
# in A's card once it is opened again; A's note text is in the CLI's export.
tsu note add 1 --on 2026-11-21 --kind visit --text "CLIからの記録" >/dev/null || fail "note add 2"
ui_keys q
ui_wait "clients"
ui_keys Enter
# The card opens again on the tab used last (issue 16, item 10): Notes.
ui_wait "[Notes]"
ui_wait "CLIからの記録"
tsu export notes -o "$T/notes.csv" || fail "export notes"
grep -q "（Aの追記）" "$T/notes.csv" || fail "the CLI does not see A's note"
# The plan the CLI added is in the UI's plans tab.
ui_keys BTab BTab
ui_wait "2026-04-01"

# 4. Two UIs edit the same plan's own fields; the second save is a
# conflict and keeps its text.
ui_keys Enter
ui_wait "2026-04-01"
u_keys Escape
u_wait "kept as a draft"
for i in $(seq 12); do
	tmux -L "$TMUX_SOCK" capture-pane -p -t =u: | grep -q "\[Plans\]" && break
	u_keys Tab
	sleep 0.1
done
u_wait "2026-04-01"
u_keys Enter
ui_keys E
u_keys E
for i in $(seq 30); do
	ui_screen | grep -q ">overall" && break
	ui_keys Tab
	sleep 0.05
done
ui_screen | grep -q ">overall" || { ui_screen >&2; fail "A never reached the policy field"; }
for i in $(seq 30); do
	tmux -L "$TMUX_SOCK" capture-pane -p -t =u: | grep -q ">overall" && break
	u_keys Tab
	sleep 0.05
done
tmux -L "$TMUX_SOCK" capture-pane -p -t =u: | grep -q ">overall" || fail "B never reached the policy field"
ui_type "Aの方針"
u_type "Bの方針"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT policy FROM plan")" = "Aの方針" ] || fail "A's plan save: $(q "SELECT policy FROM plan")"
u_keys F2
u_wait "changed"
u_wait "Bの方針"
[ "$(q "SELECT policy FROM plan")" = "Aの方針" ] || fail "B overwrote A's plan silently"
echo "two-sessions: client (UI vs CLI), note and plan (UI vs UI), each other's work visible; no silent overwrite"
