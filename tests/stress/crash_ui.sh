# crash_ui.sh [TRIALS] - SIGKILL the full-screen UI at a random moment
# around saving a new client.  The pane stays after death (remain-on-exit),
# so the last screen shows what the user was told: if the saved client's
# card was on screen, the client must be in the database; and after every
# trial PRAGMA integrity_check is ok.
. "$(dirname "$0")/../e2e/lib.sh"
trials=${1:-10}
acked=0
for t in $(seq "$trials"); do
	ui_start 80 24 --
	ui_wait "Overdue"
	ui_keys c
	ui_wait "clients"
	ui_keys n
	ui_wait "New client"
	ui_type "画面試験 $t"
	ui_keys Tab
	ui_type "がめん しけん"
	ui_keys Tab
	ui_type "1975-05-05"
	ui_wait "1975-05-05"
	pid=$(ui_pid)
	ui_keys F2
	# 0..11 ms after F2 reached tmux: saving takes a few ms, so some kills
	# land before, some during and some after it.
	sleep "0.0$(printf %02d $((RANDOM % 12)))"
	kill -KILL "$pid"
	for i in $(seq 40); do ui_dead && break; sleep 0.05; done
	ui_dead || fail "trial $t: the UI did not die"
	scr=$(ui_screen)
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	r=$(sqlite3 "$DB" "PRAGMA integrity_check") || fail "trial $t: sqlite3 cannot read the database"
	[ "$r" = ok ] || fail "trial $t: integrity_check: $r"
	n=$(sqlite3 "$DB" "SELECT count(*) FROM client WHERE name = '画面試験 $t'")
	if printf '%s\n' "$scr" | grep -q "がめん しけん.*#[0-9]"; then
		acked=$((acked + 1))
		[ "$n" = 1 ] || { printf '%s\n' "$scr" >&2; fail "trial $t: the card of the saved client was shown but the client is not in the database"; }
	fi
	[ "$n" -le 1 ] || fail "trial $t: the client was saved $n times"
done
echo "crash-ui: $trials trials, $acked saved before the kill and present, integrity ok"
