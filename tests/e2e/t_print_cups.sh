# Printing to paper through a real CUPS scheduler (issue 14): the test
# starts its own cupsd (its own ServerRoot, spool, logs and state in a
# temporary directory, listening only on a private unix socket that lp
# finds through CUPS_SERVER) with a cups-pdf queue whose PDFs land in
# that directory.  `due --print`, `print plan --print` with the config's
# printer, and P on the alarm list and on a plan with the printer set on
# the settings screen each put a job in the queue whose PDF's text is the
# text of the PDF tsunagi writes with -o, whose title has no client's
# name, and whose request id is said; a missing printer, no default, a
# bad name, no lp and a stopped scheduler each say what to do in one
# line and print nothing.
#
# cups-pdf reads its settings from /etc/cups/cups-pdf-QUEUE.conf for a
# queue whose device is cups-pdf:/QUEUE: the path is compiled in
# (CP_CONFIG_PATH), not taken from the scheduler's ServerRoot, so the
# test writes that one file for its own uniquely named queue (Out = the
# private directory) and removes it with everything else at exit.
# cups-pdf runs only as root, as CI does ("make check" as root).
#
# What "its text matches" can check: cups-pdf takes PostScript, so CUPS
# turns our PDF into PostScript (pdftops) and cups-pdf's Ghostscript
# turns that back into a PDF.  With the filter's default renderer
# (Ghostscript's ps2write) the glyphs come back as outlines and the PDF
# has no text at all; with poppler's pdftops (set on the test's queue,
# pdftops-renderer-default) the fonts stay, but the PDF's one CID font
# loses its Unicode mapping in PostScript: the printer's PPD asks for
# language level 2, where pdftops splits the font into fonts of 256
# glyphs, and a Japanese character comes back as the low byte of its
# code (年, U+5E74, as "t").  So the test compares the page count and
# checks that every run of ASCII text of the PDF (dates, numbers, page
# numbers "1 / 1", the due list's English words under LANG=C) is in the
# printed text, where stray letters may stick to it; not the Japanese.
# (With language level 3 the text comes back whole: the codes are the
# text's code points, pdfw.c.)
# A raw queue that hands the PDF itself to cups-pdf gives
# a blank page (it reads PostScript), and the file: device of a raw queue
# wrote nothing here (CUPS 2.4.2), so cups-pdf is the closest real
# printer that can be checked.
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || fail "needs root: the cups-pdf backend runs only as root (CI runs make check as root)"
for p in cupsd lp lpstat lpadmin pdftotext; do
	command -v $p >/dev/null || [ -x /usr/sbin/$p ] || fail "$p is missing; run 'make deps'"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || fail "the cups-pdf backend is missing; run 'make deps'"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
[ -f "$PPD" ] || fail "$PPD is missing; run 'make deps'"
export PATH="$PATH:/usr/sbin"
# Under the sanitizers, LeakSanitizer's list of the suppressions it used
# (if tests/lsan.supp names any) would be more lines on stderr.
[ -n "${LSAN_OPTIONS:-}" ] && export LSAN_OPTIONS="$LSAN_OPTIONS:print_suppressions=0"

# The scheduler's tree: filters run as the lp user, so it must be able
# to enter it (the PDFs stay in out/, 0700 root).
C=$(mktemp -d /tmp/tsunagi-cups.XXXXXX)
chmod 755 "$C"
Q="tsunagi-e2e-$$"
QCONF="/etc/cups/cups-pdf-$Q.conf"
CUPSD_PID=
cups_stop() {
	if [ -n "$CUPSD_PID" ]; then
		kill "$CUPSD_PID" 2>/dev/null
		wait "$CUPSD_PID" 2>/dev/null
		CUPSD_PID=
	fi
}
_cups_cleanup() {
	cups_stop
	rm -f "$QCONF"
	rm -rf "$C"
	_cleanup
}
trap _cups_cleanup EXIT
trap 'exit 1' INT TERM HUP

mkdir -p "$C/root" "$C/spool" "$C/log" "$C/cache" "$C/state" "$C/tmp" "$C/out"
chmod 1777 "$C/tmp"
chmod 700 "$C/out"
cat > "$C/root/cups-files.conf" <<EOF
ServerRoot $C/root
RequestRoot $C/spool
TempDir $C/tmp
CacheDir $C/cache
StateDir $C/state
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
SystemGroup root
FileDevice No
EOF
cat > "$C/root/cupsd.conf" <<EOF
Listen $C/sock
LogLevel info
DirtyCleanInterval 0
Browsing No
DefaultShared No
WebInterface No
<Location />
  Order allow,deny
  Allow all
</Location>
EOF
cat > "$QCONF" <<EOF
Out $C/out
AnonDirName $C/out
Label 1
Spool $C/cups-pdf-spool
Log $C/log
EOF
export CUPS_SERVER="$C/sock"

cups_start() {
	cupsd -f -c "$C/root/cupsd.conf" -s "$C/root/cups-files.conf" &
	CUPSD_PID=$!
	local i=0
	until lpstat -r 2>/dev/null | grep -q "scheduler is running"; do
		kill -0 "$CUPSD_PID" 2>/dev/null || fail "cupsd did not start: $(tail -5 "$C/log/error_log" 2>/dev/null)"
		i=$((i + 1))
		[ $i -lt 200 ] || fail "cupsd did not answer on $C/sock"
		sleep 0.05
	done
}
cups_start
lpadmin -p "$Q" -E -v "cups-pdf:/$Q" -P "$PPD" -o pdftops-renderer-default=pdftops 2>/dev/null ||
	fail "lpadmin could not add the cups-pdf queue"
lpstat -p "$Q" | grep -q "is idle" || fail "the queue is not ready: $(lpstat -p "$Q")"

# wait_job ID: wait until CUPS has finished job ID and cups-pdf's PDF of
# it (job_N-TITLE.pdf, "Label 1") is there; echo its path.
wait_job() {
	local id=$1 i=0 f
	while :; do
		if lpstat -W completed -o "$Q" 2>/dev/null | grep -q "^$id "; then
			f=$(ls "$C"/out/job_"${id##*-}"-*.pdf 2>/dev/null | head -1)
			[ -n "$f" ] && [ -s "$f" ] && pdftotext "$f" - >/dev/null 2>&1 && { echo "$f"; return 0; }
		fi
		i=$((i + 1))
		[ $i -lt 1200 ] || fail "job $id did not come out of the queue: $(lpstat -l -o "$Q"; tail -5 "$C/log/error_log")"
		sleep 0.05
	done
}
# tokens PDF: the runs of printable ASCII in its text, sorted.
tokens() { pdftotext "$1" - | LC_ALL=C tr -c '\41-\176' '\n' | grep -v '^$' | LC_ALL=C sort; }
# same_text PRINTED WRITTEN WHAT: the PDF cups-pdf made of the job has
# the pages of the PDF tsunagi writes with -o and the same text, as far
# as PostScript keeps it (see the top: every ASCII run, in any order,
# stray letters of Japanese characters sticking to it).
same_text() {
	local pp wp
	pp=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
	wp=$(pdfinfo "$2" | sed -n 's/^Pages: *//p')
	[ -n "$pp" ] && [ "$pp" = "$wp" ] || fail "$3: the printed PDF has $pp pages, the written one $wp"
	tokens "$2" > "$T/written.tok"
	[ "$(wc -l < "$T/written.tok")" -gt 10 ] || fail "$3: too little text to compare"
	pdftotext "$1" - | tr -d '\n' > "$T/printed.txt"
	while IFS= read -r w; do
		grep -qF -- "$w" "$T/printed.txt" || fail "$3: the printed PDF lacks '$w'"
	done < "$T/written.tok"
}
# no_names: the job's control file (its IPP attributes: title, user)
# names none of the demo's clients.
no_names() {
	local ctl=$1 n i=0
	# cupsd writes a job's control file when it cleans its dirty files.
	until [ -s "$ctl" ]; do
		i=$((i + 1))
		[ $i -lt 600 ] || fail "no control file $ctl"
		sleep 0.05
	done
	while IFS= read -r n; do
		[ -n "$n" ] || continue
		grep -aqF "$n" "$ctl" && fail "the job's attributes hold the name $n"
	done < "$T/names"
	return 0
}

tsu demo --clients 3 >/dev/null 2>&1 || fail "demo"
sqlite3 "$DB" "SELECT name FROM client" > "$T/names"
sqlite3 "$DB" "SELECT kana FROM client" >> "$T/names" 2>/dev/null
[ -s "$T/names" ] || fail "no client names"
first=$(head -1 "$T/names")

# --- due --print PRINTER ------------------------------------------------
tsu due --print "$Q" > "$T/out1" 2> "$T/err1" || fail "due --print: $(cat "$T/err1")"
grep -q "^Sent to the printer as job $Q-1\.$" "$T/out1" || fail "due --print said: $(cat "$T/out1")"
pdf=$(wait_job "$Q-1")
tsu due --format pdf -o "$T/due.pdf" || fail "due pdf"
same_text "$pdf" "$T/due.pdf" "due --print"
grep -aqF "tsunagi due 2026-11-23" "$C/spool/c00001" || fail "the job's title is not 'tsunagi due 2026-11-23'"
no_names "$C/spool/c00001"

# --- print plan --print, the printer from the config ----------------------
printf 'office =\nworker =\nprinter = %s\n' "$Q" > "$XDG_CONFIG_HOME/tsunagi/config"
tsu print plan 1 --print > "$T/out2" 2> "$T/err2" || fail "print plan --print: $(cat "$T/err2")"
grep -q "^Sent to the printer as job $Q-2\.$" "$T/out2" || fail "print --print said: $(cat "$T/out2")"
pdf=$(wait_job "$Q-2")
tsu print plan 1 --format pdf -o "$T/plan.pdf" || fail "plan pdf"
same_text "$pdf" "$T/plan.pdf" "print plan --print"
grep -aqE "tsunagi plan-(draft|final)-1-[0-9]+" "$C/spool/c00002" || fail "the plan job's title is not its ids"
no_names "$C/spool/c00002"

# --- on screen: the settings' printer, P on the alarm list and a plan -----
printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config"
ui_start 100 30 "CUPS_SERVER=$CUPS_SERVER" "PATH=$PATH" --
ui_wait "Coming"
ui_keys S
ui_wait "Printer (CUPS)"
ui_keys Tab Tab
ui_type "$Q"
ui_keys F2
ui_wait "Saved in ~/.config/tsunagi/config."
grep -qx "printer = $Q" "$XDG_CONFIG_HOME/tsunagi/config" || fail "the settings did not save the printer: $(cat "$XDG_CONFIG_HOME/tsunagi/config")"
ui_keys a
ui_wait "Coming"
ui_keys P
ui_wait "Sent to the printer as job $Q-3."
pdf=$(wait_job "$Q-3")
same_text "$pdf" "$T/due.pdf" "P on the alarm list"
no_names "$C/spool/c00003"
ui_keys c
ui_wait "> 井上 太郎"
ui_keys j      # the list is in kana order; client 1 is the second
ui_wait "> $first"
ui_keys Enter
ui_wait "Basics"
for i in 1 2 3 4 5 6; do ui_keys Tab; done
ui_wait "final"
ui_keys Enter
ui_wait "Plan of $first"
ui_keys P
ui_wait "Sent to the printer as job $Q-4."
pdf=$(wait_job "$Q-4")
same_text "$pdf" "$T/plan.pdf" "P on a plan"
no_names "$C/spool/c00004"
# P on caseload health (T) sends its A4 page, titled by its month.
ui_keys T
ui_wait "tsunagi | Caseload health"
ui_keys P
ui_wait "Sent to the printer as job $Q-5."
pdf=$(wait_job "$Q-5")
tsu stats --format pdf -o "$T/stats.pdf" || fail "stats pdf"
same_text "$pdf" "$T/stats.pdf" "P on caseload health"
grep -aqF "tsunagi stats 2026-11" "$C/spool/c00005" || fail "the stats job's title is not 'tsunagi stats 2026-11'"
no_names "$C/spool/c00005"
ui_keys q
ui_wait "Plan of $first"
# P on the card's notes tab: the progress record of the last 3 months;
# P on a meeting: its minutes.
ui_keys q
ui_wait "[Plans]"
ui_keys 9
ui_wait "[Notes]"
ui_keys P
ui_wait "Sent to the printer as job $Q-6."
pdf=$(wait_job "$Q-6")
tsu print record 1 --from 2026-08-23 --to 2026-11-23 --format pdf -o "$T/record.pdf" || fail "record pdf"
same_text "$pdf" "$T/record.pdf" "P on the notes tab"
grep -aqF "tsunagi record-1-20260823-20261123" "$C/spool/c00006" || fail "the record job's title is not its ids: $(strings "$C/spool/c00006" | grep tsunagi)"
no_names "$C/spool/c00006"
ui_keys 0
ui_wait "[Meetings]"
ui_keys Enter
ui_wait "tsunagi | Meeting"
ui_keys P
ui_wait "Sent to the printer as job $Q-7."
pdf=$(wait_job "$Q-7")
tsu print meeting 1 --format pdf -o "$T/meeting.pdf" || fail "meeting pdf"
same_text "$pdf" "$T/meeting.pdf" "P on a meeting"
no_names "$C/spool/c00007"
ui_keys q
# D is the provider register now.
ui_keys D
ui_wait "Providers"
ui_keys Q
ui_wait_dead 5

# --- billing --print: the demo's last month's worksheet --------------------
tsu billing --month 2026-10 --print "$Q" > "$T/out6" 2> "$T/err6" || fail "billing --print: $(cat "$T/err6")"
grep -q "^Sent to the printer as job $Q-8\.$" "$T/out6" || fail "billing --print said: $(cat "$T/out6")"
pdf=$(wait_job "$Q-8")
tsu billing --month 2026-10 --format pdf -o "$T/billing.pdf" || fail "billing pdf"
same_text "$pdf" "$T/billing.pdf" "billing --print"
grep -aqF "tsunagi billing 2026-10" "$C/spool/c00008" || fail "the billing job's title is not 'tsunagi billing 2026-10'"
no_names "$C/spool/c00008"
expect_fail "billing csv to a printer" 2 "--print sends the A4 PDF" tsu billing --month 2026-10 --format csv --print "$Q"
expect_fail "stats with -o" 2 "cannot be combined with -o" tsu stats --print "$Q" -o "$T/y.pdf"

# --- what goes wrong says what to do, and prints nothing -----------------
printf 'office =\nworker =\n' > "$XDG_CONFIG_HOME/tsunagi/config"
expect_fail "unknown printer" 1 "^tsunagi: CUPS has no printer 'nosuch', so nothing was printed; 'lpstat -p' lists the printers$" \
	tsu due --print nosuch
expect_fail "no default" 1 "^tsunagi: CUPS has no default printer, so nothing was printed; give one with --print PRINTER" \
	tsu due --print
expect_fail "bad name" 2 "--print: 'a#b' is not a printer name" tsu due --print 'a#b'
expect_fail "with -o" 2 "cannot be combined with -o" tsu print plan 1 --print "$Q" -o "$T/x.pdf"
expect_fail "text" 2 "--print sends the A4 PDF" tsu print plan 1 --format text --print "$Q"
expect_fail "no lp" 1 "the CUPS client 'lp', which is not installed" env PATH=/nonexistent "$TSUNAGI_BIN" --db "$DB" due --print "$Q"
cups_stop
expect_fail "scheduler down" 1 "^tsunagi: the CUPS scheduler is not running, so nothing was printed" \
	tsu print plan 1 --print "$Q"
# On screen the same line, on the status line.
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
ui_start 100 30 "CUPS_SERVER=$CUPS_SERVER" "PATH=$PATH" --
ui_wait "Coming"
ui_keys P
ui_wait "the CUPS scheduler is not running"
ui_keys Q
ui_wait_dead 5
[ "$(ls "$C"/spool/c0* | wc -l)" = 8 ] || fail "a failed print left a job: $(ls "$C/spool")"
[ "$(ls "$C"/out/*.pdf | wc -l)" = 8 ] || fail "a failed print made a PDF: $(ls "$C/out")"
# Nothing of ours outside the data directory: no stray PDF in /tmp or HOME.
[ ! -e "$HOME/tsunagi-print" ] || fail "printing left files in ~/tsunagi-print: $(ls "$HOME/tsunagi-print")"
exit 0
