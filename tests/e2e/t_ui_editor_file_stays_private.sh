# $EDITOR's file stays in the data directory and goes away: it is made
# in a 0700 directory beside the database (not $TMPDIR), which is removed
# with everything the editor left in it (a swap file); only a regular
# file of UTF-8 without NUL is read back, else one line says why and the
# field keeps its text (a NUL, a FIFO, a directory, 2 MiB); a hangup
# during the editor ends it and keeps what it wrote in the draft, also
# from an editor that ignores the hangup; a directory left by kill -9 is
# reported by check and removed at the next start.
. "$(dirname "$0")/lib.sh"

tsu client add --name "編集 試験" --kana "へんしゅう しけん" --birth 1975-05-05 >/dev/null || fail "client add"
mkdir -p "$T/tmp"
cat > "$T/editor" <<'X'
#!/bin/sh
# What to do is in $T/mode; the file's path goes to $T/edlog.
echo "$1" > "$EDT/edlog"
case $(cat "$EDT/mode") in
nul)	printf 'abc\000def\n' > "$1" ;;
fifo)	rm "$1"; mkfifo "$1" ;;
dir)	rm "$1"; mkdir "$1"; echo "秘密" > "$1/inside" ;;
big)	head -c 2097152 /dev/zero | tr '\0' 'a' > "$1" ;;
swap)	printf '%s\n' "$(cat "$1")" "編集 試験さんの追記" > "$(dirname "$1")/.text.txt.swp"
	printf '%s\n' "$(cat "$1")" "編集 試験さんの追記" > "$1"
	rm "$(dirname "$1")/.text.txt.swp" 2>/dev/null; : > "$(dirname "$1")/.text.txt.swp.left"
	echo "swap of 編集 試験" > "$(dirname "$1")/.text.txt.swo" ;;
hang)	echo "ハングアップ前の文" > "$1"; echo "swap of 編集 試験" > "$(dirname "$1")/.text.txt.swp"
	exec sleep 30 ;;
stubborn) trap '' HUP TERM; echo "頑固な編集" > "$1"; exec sleep 30 ;;
esac
X
chmod +x "$T/editor"
mode() { echo "$1" > "$T/mode"; }
edir() { dirname "$(cat "$T/edlog")"; }
leftover_dirs() { ls -a "$T" | grep -E '\.edit[A-Za-z0-9]{6}$'; }

open_remarks() {
	ui_keys c Enter
	ui_wait "[Basics]"
	ui_keys e
	ui_wait "Client: 編集 試験"
	ui_keys BTab
	ui_wait ">remarks"
}

ui_start 80 24 EDITOR="$T/editor" EDT="$T" TMPDIR="$T/tmp" --
ui_wait "Overdue"
open_remarks
ui_type "元の文"
for m in nul fifo dir big; do
	mode $m
	ui_keys F4
	case $m in
	nul) ui_wait "NUL byte" ;;
	fifo|dir) ui_wait "other than a plain file" ;;
	big) ui_wait "larger than 1024 KiB" ;;
	esac
	ui_wait "元の文"
	d=$(edir)
	case $d in "$T"/tsunagi.db.edit??????) ;; *) fail "$m: the editor's file was not beside the database: $d" ;; esac
	[ ! -e "$d" ] || fail "$m: the editor's directory was left: $(ls -la "$d")"
done
ui_screen | grep -q "abc" && fail "text cut at the NUL reached the field"
[ -z "$(ls -A "$T/tmp")" ] || fail "something was written in \$TMPDIR: $(ls -A "$T/tmp")"

# An editor that leaves swap files: the text comes back, the files go.
mode swap
ui_keys F4
ui_wait "  編集 試験さんの追記"
[ ! -e "$(edir)" ] || fail "swap: the editor's directory was left: $(ls -la "$(edir)")"
ui_keys F2
ui_wait "Saved."
[ "$(sqlite3 "$DB" "SELECT remarks FROM client")" = "元の文
編集 試験さんの追記" ] || fail "remarks: $(sqlite3 "$DB" "SELECT remarks FROM client")"

# A hangup while the editor runs: the editor ends, what it wrote is the
# draft, its swap file goes with the directory.
open_remarks
mode hang
ui_keys F4
for i in $(seq 100); do [ -e "$T/edlog" ] && [ -e "$(edir)/.text.txt.swp" ] && break; sleep 0.05; done
d=$(edir)
[ -e "$d/.text.txt.swp" ] || fail "hang: the editor did not start"
pid=$(ui_pid)
kill -HUP -- "-$pid" 2>/dev/null || kill -HUP "$pid"
ui_wait_dead 3 "tsunagi did not leave after SIGHUP during the editor"
[ ! -e "$d" ] || fail "hang: the editor's directory was left: $(ls -la "$d")"
[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'remarks'")" = "ハングアップ前の文" ] ||
	fail "hang: the draft does not hold the editor's text: $(sqlite3 "$DB" "SELECT name, value FROM draft_field")"
ui_history | grep -qF "open forms were kept as drafts" || fail "hang: no message: $(ui_history)"
tmux -L "$TMUX_SOCK" kill-server
sqlite3 "$DB" "DELETE FROM draft"

# An editor that ignores SIGHUP and SIGTERM is ended all the same.
rm -f "$T/edlog"
ui_start 80 24 EDITOR="$T/editor" EDT="$T" TMPDIR="$T/tmp" --
ui_wait "Overdue"
open_remarks
mode stubborn
ui_keys F4
for i in $(seq 100); do [ -e "$T/edlog" ] && grep -q "頑固" "$(cat "$T/edlog")" 2>/dev/null && break; sleep 0.05; done
d=$(edir)
pid=$(ui_pid)
kill -HUP -- "-$pid" 2>/dev/null || kill -HUP "$pid"
ui_wait_dead 5 "tsunagi did not leave after SIGHUP with an editor that ignores it"
[ ! -e "$d" ] || fail "stubborn: the editor's directory was left"
[ "$(sqlite3 "$DB" "SELECT value FROM draft_field WHERE name = 'remarks'")" = "頑固な編集" ] ||
	fail "stubborn: the draft does not hold the editor's text"
tmux -L "$TMUX_SOCK" kill-server
sqlite3 "$DB" "DELETE FROM draft"

# kill -9 during the editor leaves the directory: check reports it, the
# next start removes it once it is a minute old and its lock is free.
rm -f "$T/edlog"
ui_start 80 24 EDITOR="$T/editor" EDT="$T" TMPDIR="$T/tmp" --
ui_wait "Overdue"
open_remarks
mode hang
ui_keys F4
for i in $(seq 100); do [ -e "$T/edlog" ] && [ -e "$(edir)/.text.txt.swp" ] && break; sleep 0.05; done
d=$(edir)
pid=$(ui_pid)
tsu client list > /dev/null || fail "client list"
[ -e "$d" ] || fail "the directory of a running editor was removed"
touch -d '2 minutes ago' "$d"
tsu client list > /dev/null || fail "client list"
[ -e "$d" ] || fail "the directory of a running tsunagi was removed (its lock is held)"
kill -KILL "$pid"
for i in $(seq 60); do ui_dead && break; sleep 0.05; done
tmux -L "$TMUX_SOCK" kill-server
touch -d '2 minutes ago' "$d"
tsu check > "$T/check" 2>&1 && fail "check passed with a leftover editor directory"
grep -qF "$d: a leftover \$EDITOR directory" "$T/check" || fail "check did not report $d: $(cat "$T/check")"
[ -e "$d" ] || fail "check removed the directory (it only reports)"
tsu client list > /dev/null || fail "client list"
[ ! -e "$d" ] || fail "the stale editor directory was not removed: $(ls -la "$d")"
[ -z "$(leftover_dirs)" ] || fail "editor directories left: $(leftover_dirs)"
