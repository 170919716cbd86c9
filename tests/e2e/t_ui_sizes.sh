# Every screen fits 80x24 and 160x50: the title stays on the first row and
# the key hints on the last, nothing wraps.  Shrinking below 80x24 shows a
# notice, and growing back brings the screen back.
. "$(dirname "$0")/lib.sh"

tsu demo --clients 30 >/dev/null || fail "demo"

# check_frame COLS ROWS TITLE HINT: the screen is drawn whole at that size.
check_frame() {
	local cols=$1 rows=$2 title=$3 hint=$4 s i
	# Wait for the frame to be complete (the status row drawn last).
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
	printf '%s\n' "$s" | awk -v c="$cols" 'length($0) > c * 3 { bad = 1 } END { exit bad }' || fail "$title: a row is too long"
}

for size in "80 24" "160 50"; do
	set -- $size
	ui_start "$1" "$2" --
	ui_wait "Overdue"
	check_frame "$1" "$2" "Alarms" "?:help"
	ui_keys c
	ui_wait "Active clients"
	check_frame "$1" "$2" "Clients" "/:search"
	ui_keys Enter
	ui_wait "[Basics]"
	check_frame "$1" "$2" "Client card" "Tab:tab"
	for tab in Contacts Certificates Consents Intake Assessments Plans Monitorings Notes Meetings "Not done" "Crisis plan"; do
		ui_keys Tab
		ui_wait "[$tab]"
		check_frame "$1" "$2" "Client card" "?:help"
	done
	ui_keys Tab e
	ui_wait "Client: "
	check_frame "$1" "$2" "Form" "F2:save"
	ui_keys F1
	ui_wait "Keys of 'Form'"
	check_frame "$1" "$2" "Help" "q:back"
	ui_keys q Escape
	ui_wait "[Basics]"
	ui_keys Q
	ui_wait_dead 2 "Q did not leave tsunagi"
	tmux -L "$TMUX_SOCK" kill-server
done

# Too small, then large enough again.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "Active clients"
ui_resize 60 20
ui_wait "The terminal is 60x20; tsunagi needs at least 80x24."
ui_resize 80 24
ui_wait "Active clients"
check_frame 80 24 "Clients" "/:search"
ui_resize 100 30
ui_wait "Active clients"
check_frame 100 30 "Clients" "/:search"
