# A database on a network file system (NFS, SMB/CIFS, FUSE such as sshfs,
# 9P, Ceph...) is warned about once per process, on stderr, before the
# UI takes the screen.  No real mount is needed: TSUNAGI_TEST_FSTYPE
# (test only) stands in for the f_type statfs() reports.
. "$(dirname "$0")/../e2e/lib.sh"
tsu client add --name "網 一郎" --kana "あみ いちろう" --birth 1970-01-01 >/dev/null || fail "client add"
n=0
for t in 0x6969:NFS 0x517B:SMB 0xFF534D42:CIFS 0xFE534D42:SMB2 0x65735546:FUSE 0x01021997:9P 0x00C36400:Ceph; do
	out=$(TSUNAGI_TEST_FSTYPE=${t%%:*} tsu client list 2>&1 >/dev/null)
	[ "$(printf '%s\n' "$out" | grep -c 'network file system')" = 1 ] ||
		fail "${t#*:}: want one warning line, got: $out"
	printf '%s' "$out" | grep -qF "(${t#*:}" || fail "${t#*:}: the warning does not name the file system: $out"
	printf '%s' "$out" | grep -qF "$DB" || fail "${t#*:}: the warning does not name the database: $out"
	n=$((n + 1))
done
# The command still works, and its output is untouched.
TSUNAGI_TEST_FSTYPE=0x6969 tsu client list 2>/dev/null | grep -q "網 一郎" || fail "client list on NFS printed no client"
# Local file systems (ext4, tmpfs, xfs, btrfs, overlay) and the real one: no warning.
for t in 0xEF53 0x01021994 0x58465342 0x9123683E 0x794C7630; do
	out=$(TSUNAGI_TEST_FSTYPE=$t tsu client list 2>&1 >/dev/null)
	[ -z "$out" ] || fail "f_type $t warned: $out"
done
out=$(tsu client list 2>&1 >/dev/null)
[ -z "$out" ] || fail "the real file system of $T warned: $out"
# Japanese.
out=$(LANG=ja_JP.UTF-8 TSUNAGI_TEST_FSTYPE=0x6969 tsu client list 2>&1 >/dev/null)
printf '%s' "$out" | grep -q "ネットワーク" || fail "no Japanese warning: $out"
# The UI: warned before the screen starts, so the screen is not garbled
# (the warning stays on the terminal's normal screen, seen after leaving).
ui_start 80 24 TSUNAGI_TEST_FSTYPE=0x6969 --
ui_wait "Overdue"
ui_screen | grep -q "network file system" && { ui_screen >&2; fail "the warning landed inside the UI's screen"; }
[ "$(ui_screen | head -1 | grep -c 'tsunagi')" = 1 ] || { ui_screen >&2; fail "the title line is not on the first row"; }
ui_keys q
for i in $(seq 100); do ui_dead && break; ui_screen | grep -q "Quit" && ui_keys y; sleep 0.05; done
ui_dead || fail "the UI did not quit"
tmux -L "$TMUX_SOCK" capture-pane -p -J -S -100 -t t | grep -q "network file system" || { ui_screen >&2; fail "after the UI, the warning is not on the terminal"; }
echo "netfs: $n network types warned once, 5 local types and the real one quiet, Japanese, UI screen clean"
