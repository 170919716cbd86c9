# The alarm list is read a screenful at a time: paging through it from
# top to bottom shows exactly the items and groups `tsunagi alarms`
# prints, in its order, each group under its heading with its count;
# back from a card after a monitoring was recorded, the item is gone,
# the counts follow and the cursor stays where it was.
. "$(dirname "$0")/lib.sh"

# Billing's lead time from the config file (default 5 days): the office's
# deadline on 2026-12-10 is then on the list.
mkdir -p "$XDG_CONFIG_HOME/tsunagi"
echo "lead.billing = 20" >> "$XDG_CONFIG_HOME/tsunagi/config"
tsu demo --clients 150 >/dev/null 2>&1 || fail "demo"
tsu alarms --format tsv > "$T/alarms.tsv" || fail "alarms tsv"
[ "$(wc -l < "$T/alarms.tsv")" -gt 60 ] || fail "the demo has too few items to page: $(wc -l < "$T/alarms.tsv")"
grep -q $'^coming\t2026-12-10\tbilling\t0\t\tbilling deadline for 2026-11' "$T/alarms.tsv" ||
	fail "lead.billing = 20 did not put billing on the list"

# What the list should hold, row by row: "heading|Title (N)" or
# "item|date|name" (billing: "(office)").
python3 - "$T/alarms.tsv" > "$T/want" <<'PY' || fail "expected rows"
import sys
groups = ["overdue", "week", "month", "coming"]
titles = ["Overdue", "This week", "This month's monitorings", "Coming up"]
secs = [[], [], [], []]
for line in open(sys.argv[1], encoding="utf-8"):
    group, due_on, kind, cid, name, detail = line.rstrip("\n").split("\t")
    secs[groups.index(group)].append((due_on, name if kind != "billing" else "(office)"))
for title, items in zip(titles, secs):
    print("heading|%s (%d)" % (title, len(items)))
    for d, n in items:
        print("item|%s|%s" % (d, n))
PY
counts=$(awk -F'[(|)]+' '/^heading/ { printf "%s ", $(NF-1) }' "$T/want")
set -- $counts
head_line="Overdue $1  Week $2  Month $3  Coming $4"

ui_start 80 24 --
ui_wait "$head_line"
# Page down until the list's last row is on screen, keeping every screen;
# after each key, wait until the page has changed.
last=$(tail -n 1 "$T/want")
last_date=$(echo "$last" | cut -d'|' -f2)
last_name=$(echo "$last" | cut -d'|' -f3)
rows() { ui_screen | sed -n '3,23p'; }
: > "$T/screens"
cur=$(rows)
for i in $(seq 1 40); do
	{ printf '%s\n' "$cur"; echo "=="; } >> "$T/screens"
	printf '%s\n' "$cur" | grep -F -- "$last_date" | grep -qF -- "$last_name" && break
	[ "$i" -lt 40 ] || fail "40 pages and the last row ($last) never showed"
	prev=$cur
	ui_keys NPage
	n=0
	while cur=$(rows); [ "$cur" = "$prev" ]; do
		[ $n -lt 200 ] || fail "NPage did not move the list at page $i"
		sleep 0.05; n=$((n + 1))
	done
done
python3 - "$T/want" "$T/screens" <<'PY' || fail "paging did not show the list in order"
import re, sys
want = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
screens = open(sys.argv[2], encoding="utf-8").read().split("==\n")[:-1]
item = re.compile(r"^[> ] (?:!!|! | \.| -) (\d{4}-\d\d-\d\d) \S+ (?:\d+ days? ago|today|in \d+ days?)\s+(.+?)(?:\s{2,}|$)")
head = re.compile(r"^[> ] ((?:Overdue|This week|This month's monitorings|Coming up) \(\d+\))")
pos = -1
covered = 0
for sc in screens:
    got = []
    for line in sc.splitlines():
        m = head.match(line)
        if m:
            got.append("heading|" + m.group(1))
            continue
        m = item.match(line)
        if m:
            got.append("item|%s|%s" % (m.group(1), m.group(2)))
        elif line.strip():
            sys.exit("unreadable row: %r" % line)
    # Each screen is a run of the expected rows, at or after the last
    # one, overlapping or touching what was seen.
    at = next((k for k in range(max(pos, 0), len(want))
               if want[k:k + len(got)] == got and k <= covered), None)
    if at is None:
        sys.exit("screen not found in order after row %d:\n%s" % (covered, "\n".join(got)))
    pos, covered = at, max(covered, at + len(got))
if covered != len(want):
    sys.exit("saw %d of %d rows" % (covered, len(want)))
PY

# Back to the top, down to the first overdue monitoring (a
# paperwork mismatch can come first); deal with it behind the list's
# back, then open and leave a card: the list reads itself again.
k=$(awk -F'\t' '$1 == "overdue" && $3 == "monitoring" { print NR; exit }' "$T/alarms.tsv")
[ -n "$k" ] || fail "no overdue monitoring in the demo"
# g goes to the first item, never to a heading.
ui_keys g
first1=$(awk -F'|' '$1 == "item" { print $2; exit }' "$T/want")
ui_wait "> !! $first1"
for i in $(seq 2 "$k"); do ui_keys j; done
first=$(awk -F'|' -v k="$k" '$1 == "item" && ++n == k { print $2 "|" $3; exit }' "$T/want")
second=$(awk -F'|' -v k="$k" '$1 == "item" && ++n == k + 1 { print $3; exit }' "$T/want")
ui_wait "> !! ${first%%|*}"
ui_screen | grep -q "^> !! ${first%%|*} .*${first#*|}" || fail "the first overdue monitoring is not selected"
cid=$(sed -n "${k}p" "$T/alarms.tsv" | cut -f4)
mon=$(sed -n "${k}p" "$T/alarms.tsv" | cut -f2)
tsu monitoring add "$cid" --on "${mon%-*}-15" >/dev/null || fail "monitoring add"
ui_keys Enter
ui_wait "Monitorings"
ui_keys q
ui_wait "Overdue $(( $1 - 1 ))  Week $2  Month $3  Coming $4"
ui_wait "Overdue ($(( $1 - 1 )))"
ui_screen | grep -q "^> !! .*$second" || fail "the cursor did not stay in place: $(ui_screen)"

# Enter on the office's own item (billing) opens the worksheet of the
# month it bills (issue 14).
ui_keys f f f f f f f
ui_wait "kind: billing"
ui_keys Enter
ui_wait "Billing worksheet"
ui_wait "Billable: "
ui_keys q
ui_wait "kind: billing"

# The calendar's day list is read the same way: on the day of the first
# certificate on the alarm list, Tab to the list and Enter opens the
# first item's client, at the record the item is about (the demo is the
# same on every run: that day's first item is the certificate).
day=$(awk -F'\t' '$3 == "certificate" { print $2 "|" $5; exit }' "$T/alarms.tsv")
n=$(( ( $(date -u -d "${day%%|*}" +%s) - $(date -u -d 2026-11-23 +%s) ) / 86400 ))
ui_keys a
ui_keys C
ui_wait "item(s) on this day"
for i in $(seq 1 "$n"); do ui_keys l; done
ui_wait "  ${day%%|*} ("
ui_keys Tab Enter
ui_wait "${day#*|}"
ui_wait "[Certificates]"
ui_screen | grep -q "^> .*${day%%|*}" || fail "the certificate ending ${day%%|*} is not selected"
