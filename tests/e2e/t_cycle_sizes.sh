# Every screen of the cycle fits 80x24 and 160x50: the title on the first
# row, the key hints on the last, no row wider than the terminal - with
# long Japanese text in the records so that cutting by display width is
# exercised.
. "$(dirname "$0")/lib.sh"

long=$(printf '長い文章%.0s' $(seq 60))
tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
sqlite3 "$DB" "
INSERT INTO assessment (client_id, assessed_on, health, client_wishes) VALUES (1, '2026-11-01', '$long', '$long');
INSERT INTO assessment_item (assessment_id, component, icf_code, qualifier, capacity, fact, interpretation, need)
  VALUES (1, 'd', 'd450', 2, 1, '$long', '$long', 1);
INSERT INTO plan (client_id, stage, written_on, consented_on, period_from, period_to, monitoring_months, anchor_month, wishes, policy)
  VALUES (1, 'final', '2026-11-01', '2026-11-02', '2026-11-01', '2027-10-31', 3, '2026-11', '$long', '$long');
INSERT INTO plan_interval (plan_id, from_month, months) VALUES (1, '2026-11', 3);
INSERT INTO plan_row (plan_id, priority, need, goal, service_kind) VALUES (1, 1, '$long', '$long', '$long');
INSERT INTO weekly_slot (plan_id, weekday, start_min, end_min, activity) VALUES (1, 6, 540, 720, '$long');
INSERT INTO monitoring (client_id, plan_id, done_on, situation) VALUES (1, 1, '2026-11-20', '$long');
INSERT INTO monitoring_row (monitoring_id, plan_row_id, attainment, gas) VALUES (1, 1, '$long', -1);
INSERT INTO note (client_id, noted_on, noted_at, kind, minutes, fact) VALUES (1, '2026-11-20', '10:00', 'visit', 60, '$long');
INSERT INTO meeting (client_id, held_on, attendees, agreed) VALUES (1, '2026-11-10', '$long', '$long');
INSERT INTO action_item (meeting_id, what, owner, due_on) VALUES (1, '$long', '$long', '2026-11-30');
" || fail "fixture"

check_frame() {
	local cols=$1 rows=$2 title=$3 hint=$4 s i
	for i in $(seq 100); do
		s=$(ui_screen; echo .)
		[ "$(printf '%s\n' "$s" | wc -l)" -eq $((rows + 1)) ] &&
			printf '%s\n' "$s" | sed -n "${rows}p" | grep -qF -- "$hint" && break
		sleep 0.05
	done
	s=$(printf '%s\n' "$s" | sed '$d')
	[ "$(printf '%s\n' "$s" | wc -l)" -eq "$rows" ] || fail "$title: not $rows rows"
	printf '%s\n' "$s" | head -n 1 | grep -q "^ tsunagi | $title" || fail "$title: first row is $(printf '%s\n' "$s" | head -n 1)"
	printf '%s\n' "$s" | tail -n 1 | grep -qF -- "$hint" || fail "$title: last row is $(printf '%s\n' "$s" | tail -n 1)"
	# No row wider than the terminal, counted in display columns.
	printf '%s\n' "$s" | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
for line in sys.stdin.read().split("\n"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > cols:
        sys.exit("too wide (%d): %s" % (w, line))
' "$cols" || fail "$title: a row is too wide"
}

for size in "80 24" "160 50"; do
	set -- $size
	ui_start "$1" "$2" --
	ui_wait "Overdue"
	ui_keys c
	ui_wait "> 山田花子"
	ui_keys Enter
	ui_wait "[Basics]"
	ui_keys Tab Tab Tab Tab Tab
	ui_wait "[Assessments]"
	ui_keys Enter
	ui_wait "Assessment of 山田花子"
	check_frame "$1" "$2" "Assessment" "?:help"
	ui_keys i
	ui_wait "ICF code or name"
	check_frame "$1" "$2" "ICF codes" "Esc:back"
	ui_keys Escape q Tab
	ui_wait "[Plans]"
	ui_keys Enter
	ui_wait "Plan of 山田花子"
	check_frame "$1" "$2" "Plan" "?:help"
	ui_keys I
	ui_wait "Change the monitoring interval"
	check_frame "$1" "$2" "Question" "F2:OK"
	ui_keys Escape w
	ui_wait "Weekly schedule of 山田花子"
	check_frame "$1" "$2" "Weekly schedule" "?:help"
	ui_keys o
	ui_wait "services that are not weekly"
	check_frame "$1" "$2" "Weekly schedule" "?:help"
	ui_keys q q Tab
	ui_wait "[Monitorings]"
	ui_wait "GAS trend of each goal"
	check_frame "$1" "$2" "Client card" "?:help"
	ui_keys Enter
	ui_wait "Monitoring of 山田花子"
	check_frame "$1" "$2" "Monitoring" "?:help"
	ui_keys q Tab
	ui_wait "[Notes]"
	ui_keys Enter
	ui_wait "Notes of 山田花子"
	check_frame "$1" "$2" "Notes" "?:help"
	ui_keys q Tab
	ui_wait "[Meetings]"
	ui_keys Enter
	ui_wait "Meeting of 山田花子"
	check_frame "$1" "$2" "Meeting" "?:help"
	ui_keys C
	ui_wait "item(s) on this day"
	check_frame "$1" "$2" "Calendar" "?:help"
	ui_keys q N
	ui_wait "Search all records"
	ui_type "長い"
	ui_keys Enter
	# the note, the monitoring and the assessment, each once
	ui_wait "3 found"
	check_frame "$1" "$2" "Search" "?:help"
	ui_keys Q
	ui_wait_dead 2 "Q did not leave tsunagi"
	tmux -L "$TMUX_SOCK" kill-server
done
