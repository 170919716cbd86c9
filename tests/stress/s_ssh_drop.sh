# A dropped SSH link: our own sshd on 127.0.0.1 (own host key, config and
# authorised key), `ssh -tt` from inside tmux (a real terminal at 80x24),
# tsunagi opened on the far side, text typed into a form, then the ssh
# client is SIGKILLed.  The server-side tsunagi must keep the form as a
# draft and be gone within 2 seconds without spinning the CPU; the next
# login offers the draft.  Once with LANG sent over the link (SendEnv /
# AcceptEnv), once without: then tsunagi must refuse in one clear line,
# and works when the remote command sets LANG itself (as a profile would).
# The client reads no ssh_config (-F /dev/null): Debian's sends LANG.
# Never skipped: if sshd cannot run, the test fails and says why.
. "$(dirname "$0")/../e2e/lib.sh"
SSHD=${SSHD:-/usr/sbin/sshd}
[ -x "$SSHD" ] || fail "no $SSHD: install openssh-server"
command -v ssh >/dev/null || fail "no ssh: install openssh-client"
command -v ssh-keygen >/dev/null || fail "no ssh-keygen: install openssh-client"
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 0755 /run/sshd || fail "cannot create /run/sshd (sshd's privilege separation directory)"
fi
user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" || fail "ssh-keygen (host key)"
ssh-keygen -q -t ed25519 -N '' -f "$T/userkey" || fail "ssh-keygen (user key)"
cp "$T/userkey.pub" "$T/authorized_keys"
sshd_pid=
_ssh_cleanup() {
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
	_cleanup
}
trap _ssh_cleanup EXIT

start_sshd() {
	local port try
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 30000))
		cat > "$T/sshd_config" <<X
Port $port
ListenAddress 127.0.0.1
HostKey $T/hostkey
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AcceptEnv LANG LC_*
PrintMotd no
PrintLastLog no
X
		"$SSHD" -t -f "$T/sshd_config" 2> "$T/sshd.err" ||
			fail "sshd rejects its test config: $(cat "$T/sshd.err")"
		"$SSHD" -D -e -f "$T/sshd_config" 2> "$T/sshd.log" &
		sshd_pid=$!
		for i in $(seq 40); do
			grep -q "listening on" "$T/sshd.log" && { PORT=$port; return 0; }
			kill -0 "$sshd_pid" 2>/dev/null || break
			sleep 0.05
		done
		kill "$sshd_pid" 2>/dev/null
		wait "$sshd_pid" 2>/dev/null
		sshd_pid=
		grep -q "Address already in use" "$T/sshd.log" || break
	done
	fail "sshd does not start: $(tail -n 3 "$T/sshd.log")"
}
start_sshd

# ssh_ui LANG_SENT [REMOTE_ENV...]: log in inside tmux and open tsunagi.
ssh_ui() {
	local sent=$1; shift
	local lang_opts=()
	[ -n "$sent" ] && lang_opts=(-o "SendEnv=LANG")
	# Retried: right after a kill-server the old server can still be
	# going away ("server exited unexpectedly").
	local try
	for try in 1 2 3 4 5; do
		tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s t -x 80 -y 24 \
			env TERM=xterm-256color ${sent:+LANG=$sent} \
			ssh -F /dev/null -tt -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
			-o LogLevel=ERROR -o BatchMode=yes "${lang_opts[@]}" \
			-i "$T/userkey" -p "$PORT" "$user@127.0.0.1" \
			env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
			TSUNAGI_TODAY="$TSUNAGI_TODAY" TSUNAGI_LOCALEDIR="${TSUNAGI_LOCALEDIR:-}" \
			ASAN_OPTIONS="${ASAN_OPTIONS:-}" "$@" "$TSUNAGI_BIN" --db "$DB" && break
		[ $try = 5 ] && fail "tmux did not start"
		sleep 0.2
	done
	tmux -L "$TMUX_SOCK" set-option -t t remain-on-exit on >/dev/null
}

server_pid() {
	local p
	for i in $(seq 100); do
		p=$(pgrep -n -f -- "--db $DB" | head -n 1)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.05
	done
	fail "no tsunagi on the server side"
}

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }

# drop_link WHO: type into a contact form, SIGKILL the ssh client, then
# check the server side.
drop_link() {
	local who=$1 pid spid t0 last=0 first gone=0
	ui_wait "Overdue"
	ui_keys c Enter
	ui_wait "[Basics]"
	ui_keys Tab
	ui_wait "[Contacts]"
	ui_keys n
	ui_wait "New contact"
	ui_keys Tab
	ui_type "$who"
	ui_wait "$who"
	spid=$(server_pid)
	first=$(ticks "$spid")
	pid=$(ui_pid)
	kill -KILL "$pid"
	t0=$(date +%s%N)
	for i in $(seq 60); do
		if [ ! -d "/proc/$spid" ] || [ "$(awk '{print $3}' "/proc/$spid/stat" 2>/dev/null)" = Z ]; then
			gone=1
			break
		fi
		last=$(ticks "$spid") || true
		sleep 0.05
	done
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ $gone = 1 ] || fail "$who: the server-side tsunagi ($spid) is still there after 3 s (CPU ticks $first -> $(ticks "$spid"))"
	[ $ms -le 2000 ] || fail "$who: the server-side tsunagi took $ms ms to leave"
	[ -z "$last" ] && last=$first
	[ $((last - first)) -le 60 ] || fail "$who: tsunagi spun the CPU after the link dropped ($((last - first)) ticks)"
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'name'")" = "$who" ] ||
		fail "$who: no draft kept: $(sqlite3 "$DB" "SELECT form, name, value FROM draft JOIN draft_field ON draft_id = draft.id" 2>&1)"
	echo "ssh: $who: server side gone in $ms ms, $((last - first)) CPU ticks, draft kept"
}

# The next login offers the draft; F2 saves it, leaving no draft.
take_draft() {
	local who=$1
	ui_wait "Unsaved drafts from an earlier session"
	ui_keys Enter
	ui_wait "$who"
	ui_keys F2
	# The last draft saved: the drafts list gives way to the alarm list.
	ui_wait "Overdue ("
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM contact WHERE name = '$who'")" = 1 ] || fail "$who: the draft was not saved"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft")" = 0 ] || fail "$who: draft left after saving"
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
}

tsu client add --name "遠隔 一郎" --kana "えんかく いちろう" --birth 1970-01-01 >/dev/null || fail "client add"
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' || fail "the ja_JP.UTF-8 locale is missing: localedef -i ja_JP -f UTF-8 ja_JP.UTF-8"

# 1. LANG sent over the link (Japanese UI).
ssh_ui ja_JP.UTF-8
ui_wait "アラーム"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
ssh_ui C.UTF-8
drop_link "送信 花子"
ssh_ui C.UTF-8
take_draft "送信 花子"

# 2. No LANG on the far side: a clear refusal, not a garbled screen.
out=$(timeout 20 ssh -F /dev/null -tt -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o LogLevel=ERROR -o BatchMode=yes -i "$T/userkey" -p "$PORT" "$user@127.0.0.1" \
	env TERM=xterm-256color HOME="$HOME" TSUNAGI_LOCALEDIR="${TSUNAGI_LOCALEDIR:-}" \
	"$TSUNAGI_BIN" --db "$DB" < /dev/null 2>&1) && fail "without LANG: tsunagi did not refuse"
printf '%s' "$out" | grep -q "LANG" || fail "without LANG: the refusal does not name LANG: $out"
# ... and with LANG set by the remote side itself.
ssh_ui "" LANG=C.UTF-8
drop_link "未送信 次郎"
ssh_ui "" LANG=C.UTF-8
take_draft "未送信 次郎"
