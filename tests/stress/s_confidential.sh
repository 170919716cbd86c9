# Confidentiality.  Under umask 022:
#  1. every file tsunagi creates is 0600 and every directory 0700: the
#     database with its -wal and -shm (default XDG place and --db), the
#     exports, due CSV and PDF, iCalendar, backups, restore's kept copy,
#     print PDFs (when this binary has `print`), also over an existing
#     0644 file.  (The $EDITOR temp file, 0600 in a 0700 directory and
#     removed afterwards, is checked by tests/e2e/t_ui_conflict_editor.sh.)
#  2. every file or directory a session creates (traced with strace, CLI
#     and UI) is the database, its -wal/-shm/-journal, or what the user
#     asked for: no logs, no stray temp files, in HOME, XDG dirs or /tmp;
#  3. the idle privacy screen shows no name, and a key brings it back
#     (TSUNAGI_IDLE_SECONDS, a test-only override of idle_minutes);
#  4. the audit table holds no personal text;
#  5. after `client delete ID --yes` and a checkpoint, the client's name,
#     kana (also folded to katakana), address, phone and note text are
#     nowhere in the data directory (grep -a): not in live rows (client,
#     its sort/search keys, records, due_cache, drafts) nor in freed pages.
# STRESS_LEVEL=long puts the client among 400 demo clients (deeper
# b-trees, more pages touched) and adds a second round of deletions.
. "$(dirname "$0")/../e2e/lib.sh"
umask 022
command -v strace >/dev/null || fail "strace is missing (apt-get install strace): it shows which files a session creates"
command -v sqlite3 >/dev/null || fail "sqlite3 is missing"
if [ "$STRESS_LEVEL" = long ]; then demo=400 rounds=3; else demo=15 rounds=1; fi

REAL=$TSUNAGI_BIN
TR=$T/trace OUT=$T/out CWD=$T/cwd
mkdir -p "$TR" "$OUT" "$CWD"
cd "$CWD" || fail "cd"
DATA=$XDG_DATA_HOME/tsunagi
DDB=$DATA/tsunagi.db
# Every run of tsunagi here is traced: what it creates, renames or links.
# (LeakSanitizer cannot run under ptrace: leaks are left to the other
# tests in a sanitizer build.)
cat > "$T/tsu-traced" <<X
#!/bin/sh
ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}detect_leaks=0; export ASAN_OPTIONS
exec strace -f -qq -o "$TR/run.\$\$" -s 200 -e trace=execve,open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat "$REAL" "\$@"
X
chmod 755 "$T/tsu-traced"
TSUNAGI_BIN=$T/tsu-traced
ts() { "$TSUNAGI_BIN" "$@"; }            # the default database (XDG)
q() { sqlite3 "$DDB" "$1"; }
mode() { stat -c %a "$1"; }
want_mode() {   # FILE MODE DESC
	[ -e "$1" ] || fail "$3: $1 does not exist"
	[ "$(mode "$1")" = "$2" ] || fail "$3: $1 is $(mode "$1"), want $2"
}

# --- the secret client ---------------------------------------------------
NAME="秘匿太郎ZQX" KANA="ひとくぬぬぽ たろう" ADDR="秘匿町ZQX九丁目" PHONE="090-7373-1919"
# What must not survive the deletion (UTF-8 bytes; -i for the folded keys).
PATS=("秘匿太郎" "ZQX" "ぬぬぽ" "ヌヌポ" "秘匿町" "7373-1919" "面談記録QQW")
ts demo --clients $demo >/dev/null 2>&1 || fail "demo (default database)"
ts client add --name "$NAME" --kana "$KANA" --birth 1977-07-07 --address "$ADDR" --phone "$PHONE" >/dev/null ||
	fail "client add (default database)"
ID=$(q "SELECT id FROM client WHERE kana LIKE 'ひとく%'")
[ -n "$ID" ] || fail "the secret client is not in the database"
ts cert add $ID --kind service --from 2026-04-01 --to 2027-01-31 --number 7373 >/dev/null || fail "cert add"
ts consent add $ID --with "${NAME}の家族" --purpose "${NAME}の情報共有" --from 2026-04-01 --to 2026-12-31 >/dev/null || fail "consent add"
ts plan add $ID --from 2026-04-01 --to 2027-03-31 --monitoring-months 1 >/dev/null || fail "plan add"
ts monitoring add $ID --on 2026-10-15 >/dev/null || fail "monitoring add"
long=$(for i in $(seq 60); do printf '面談記録QQW %s 行%d。' "$NAME" "$i"; done)
ts note add $ID --on 2026-11-20 --kind visit --text "$long" >/dev/null || fail "note add (long, overflow pages)"
ts due --from 2026-11-01 --days 90 >/dev/null || fail "due (fills the due cache)"
[ "$(q "SELECT count(*) FROM due_cache WHERE client_id = $ID AND (text LIKE '%秘匿%' OR text2 LIKE '%秘匿%')")" -ge 1 ] ||
	echo "note: the due cache holds no text with the name (nothing to leak there)" >&2

# --- modes: the default place ------------------------------------------------
for d in "$HOME/.local" "$HOME/.local/share" "$DATA"; do want_mode "$d" 700 "directory tsunagi created"; done
want_mode "$DDB" 600 "database (XDG)"

# --- the UI: -wal/-shm while open, the privacy screen, a draft ------------
tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s t -x 100 -y 30 \
	env TSUNAGI_IDLE_SECONDS=3 TERM=xterm-256color "$TSUNAGI_BIN" || fail "tmux did not start"
tmux -L "$TMUX_SOCK" set-option -t t remain-on-exit on >/dev/null
ui_wait "Overdue" 20
ui_keys c
ui_wait "Active clients"
ui_keys /
ui_type "ZQX"
ui_keys Enter
ui_wait "search: ZQX"
ui_wait "$NAME"
want_mode "$DDB-wal" 600 "WAL (XDG)"
want_mode "$DDB-shm" 600 "shared memory (XDG)"
# Open the client's form and type into it (quickly: the privacy screen
# comes after 3 s without a key and eats the key that ends it).
ui_keys Enter
ui_wait "[Basics]"
ui_keys e
ui_wait "Client: $NAME"
ui_keys BTab
ui_type "下書き${NAME}"
ui_wait "下書き"
# Idle past 3 s: the privacy screen, without the name, kana or address.
ui_wait "Press any key" 10
scr=$(ui_screen)
for p in "秘匿" "ZQX" "ぬぬぽ" "$PHONE" "下書き"; do
	printf '%s' "$scr" | grep -qF -- "$p" && { printf '%s\n' "$scr" >&2; fail "the privacy screen shows '$p'"; }
done
ui_keys Space
ui_wait "Client: $NAME" 5
ui_gone "Press any key" 5
ui_wait "下書き"
# End the session with SIGTERM: the open form is kept as a draft (with
# the client's name in it).
pid=$(pgrep -P "$(ui_pid)" | head -1)
[ -n "$pid" ] || fail "no tsunagi process under strace"
kill -TERM "$pid"
for i in $(seq 100); do ui_dead && break; sleep 0.05; done
ui_dead || fail "the UI did not end on SIGTERM"
[ "$(q "SELECT count(*) FROM draft WHERE client_id = $ID")" -ge 1 ] || fail "the UI kept no draft of the open form"

# --- the audit table holds no personal text ---------------------------------
[ "$(q "SELECT count(*) FROM audit")" -ge 5 ] || fail "the audit table is (nearly) empty"
sqlite3 "$DDB" ".dump audit" > "$T/audit.sql"
for p in "${PATS[@]}" "$NAME"; do
	grep -a -i -qF -- "$p" "$T/audit.sql" && fail "the audit table holds '$p': $(grep -a -i -F -- "$p" "$T/audit.sql" | head -3)"
done

# --- modes: --db, exports, backups, restore, print ---------------------------
td() { "$TSUNAGI_BIN" --db "$T/new/deep/x.db" "$@"; }
td client add --name "別の人" --kana "べつのひと" --birth 1980-01-01 >/dev/null || fail "client add (--db)"
want_mode "$T/new" 700 "directory made for --db"
want_mode "$T/new/deep" 700 "directory made for --db"
want_mode "$T/new/deep/x.db" 600 "database (--db)"
# Retried: the server of the session above may still be going away.
for try in 1 2 3 4 5; do
	tmux -L "$TMUX_SOCK" new-session -d -s w -x 100 -y 30 env TERM=xterm-256color \
		"$TSUNAGI_BIN" --db "$T/new/deep/x.db" && break
	[ $try = 5 ] && fail "tmux (w) did not start"
	sleep 0.2
done
for i in $(seq 100); do [ -e "$T/new/deep/x.db-shm" ] && break; sleep 0.05; done
want_mode "$T/new/deep/x.db-wal" 600 "WAL (--db)"
want_mode "$T/new/deep/x.db-shm" 600 "shared memory (--db)"
tmux -L "$TMUX_SOCK" kill-session -t =w   # SIGHUP: that UI ends
printf 'old\n' > "$OUT/over.csv"; chmod 644 "$OUT/over.csv"
outs=(clients.csv all.json due.csv due.pdf cal.ics over.csv backup.db)
ts export clients -o "$OUT/clients.csv" || fail "export clients"
ts export all -o "$OUT/all.json" || fail "export all"
ts due --from 2026-11-01 --days 90 --format csv -o "$OUT/due.csv" || fail "due csv"
ts due --from 2026-11-01 --days 90 --format pdf -o "$OUT/due.pdf" || fail "due pdf"
ts export ical -o "$OUT/cal.ics" || fail "export ical"
ts export clients -o "$OUT/over.csv" || fail "export over an existing 0644 file"
ts backup "$OUT/backup.db" >/dev/null || fail "backup"
printed="print: not in this binary"
if ts --help 2>&1 | grep -qE '^ +print '; then
	for f in plan assessment weekly monitoring prep; do
		rc=0; ts print $f $ID -o "$OUT/print-$f.pdf" >/dev/null 2>"$T/err" || rc=$?
		if [ $rc = 0 ]; then outs+=("print-$f.pdf")
		else grep -qiE 'no |none|not ' "$T/err" || fail "print $f: exit $rc: $(cat "$T/err")"; fi
	done
	printed="print: $(printf '%s\n' "${outs[@]}" | grep -c '^print-') PDFs"
fi
for f in "${outs[@]}"; do want_mode "$OUT/$f" 600 "output"; done
# Restore on its own database (its kept copy is a whole database).
td backup "$OUT/x-backup.db" >/dev/null || fail "backup (--db)"
td note add 1 --on 2026-11-20 --kind phone --text "後で" >/dev/null || fail "note add (--db)"
for i in $(seq 100); do [ -e "$T/new/deep/x.db-shm" ] || break; sleep 0.05; done
td restore "$OUT/x-backup.db" >/dev/null || fail "restore"
want_mode "$T/new/deep/x.db" 600 "restored database"
kept=$(ls "$T/new/deep/" | grep 'replaced-' | head -1)
[ -n "$kept" ] || fail "restore kept no copy of the replaced database"
want_mode "$T/new/deep/$kept" 600 "restore's kept copy"

# --- delete the client; nothing of them is left ------------------------------
ts client delete $ID --yes >/dev/null || fail "client delete"
for r in $(seq 2 $rounds); do   # long: more deletions churn the pages
	other=$(q "SELECT id FROM client WHERE id <> $ID ORDER BY id DESC LIMIT 1")
	ts client delete "$other" --yes >/dev/null || fail "client delete (round $r)"
done
q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null || fail "checkpoint"
sqlite3 "$DDB" .dump > "$T/dump.sql"
leaks=""
for p in "${PATS[@]}"; do
	for f in $(find "$DATA" -type f); do
		if LC_ALL=C grep -a -i -qF -- "$p" "$f"; then
			where=$(grep -a -i -F -- "$p" "$T/dump.sql" | cut -c1-120 | head -2)
			leaks="$leaks
'$p' in $f (${where:-not in any live row: freed or stale page})"
		fi
	done
done
[ -z "$leaks" ] || fail "the deleted client is still in the data directory:$leaks"
free=$(q "PRAGMA freelist_count")

# --- what every session created ----------------------------------------------
# Successful creations only; paths as given (absolute here, or relative
# to $CWD), each with the command that made it.
for f in "$TR"/run.*; do
	cmd=$(grep -m1 'execve(' "$f" | sed -E 's/.*\[("[^"]*"(, )?)//; s/\].*//; s/", "/ /g; s/"//g')
	grep -v ' = -1 ' "$f" | grep -E 'O_CREAT|mkdir|rename|link' | sed -E 's/^[0-9]+ +//' |
	while IFS= read -r l; do
		case "$l" in
		rename*|link*|symlink*) p=$(printf '%s\n' "$l" | sed -E 's/^[a-z0-9]+\((AT_FDCWD, )?"[^"]*", (AT_FDCWD, )?"([^"]*)".*/\3/') ;;
		*) p=$(printf '%s\n' "$l" | sed -E 's/^[a-z0-9]+\((AT_FDCWD, )?"([^"]*)".*/\2/') ;;
		esac
		printf '%s\t%s\n' "$p" "$cmd"
	done
done | sort -u -t "$(printf '\t')" -k1,1 > "$T/created"
bad=""
while IFS="$(printf '\t')" read -r p cmd; do
	case "$p" in
	/*) ;; *) p=$CWD/$p ;;
	esac
	case "$p" in
	"$DDB"|"$DDB"-wal|"$DDB"-shm|"$DDB"-journal) continue ;;
	"$HOME"|"$HOME/.local"|"$HOME/.local/share"|"$DATA"|"$T"|"$T/new"|"$T/new/deep"|/tmp|"${TMPDIR:-/tmp}") continue ;;
	"$T/new/deep/x.db"*) continue ;;   # its -wal, -shm, -journal, restore temp, kept copy
	"$OUT"/*) continue ;;   # outputs asked for and their temp siblings
	esac
	bad="$bad
$p (by: $cmd)"
done < "$T/created"
[ -z "$bad" ] || fail "a session created files nobody asked for (logs? temp files?):$bad"
# Temp siblings of outputs were renamed into place: nothing else is left.
left=$(ls -A "$OUT" | grep -vxF -f <(printf '%s\n' "${outs[@]}" x-backup.db) || true)
[ -z "$left" ] || fail "left in the output directory: $left"

echo "confidential: ${#outs[@]} outputs 0600, dbs/wal/shm/kept copy 0600 in 0700 dirs, $(wc -l < "$T/created") created paths all expected, privacy screen blank, audit clean, deleted client gone from $(find "$DATA" -type f | wc -l) files (freelist $free pages), $demo demo clients, $rounds deletions; $printed; editor temp file: t_ui_conflict_editor"
