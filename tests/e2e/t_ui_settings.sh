# The settings screen (S, issue 16 item 17): it shows the config file's
# values, refuses a bad one naming the field and writes nothing, and a
# save rewrites only what changed (comments, bind.* and unknown lines
# stay), 0600, applied at once: the title line, the lead times on the
# alarm list, and the office and worker on a plan printed from the UI.
. "$(dirname "$0")/lib.sh"

CF="$XDG_CONFIG_HOME/tsunagi/config"
cat > "$CF" <<'C'
# my own notes
office =
worker =
bind.quit = Q
lead.plan = 45
colour = blue
C
tsu demo --clients 2 >/dev/null 2>&1 || fail "demo"
cp "$CF" "$T/config.before"
ui_start 80 24 --
ui_wait "Coming 5"
ui_screen | grep -q "billing deadline" && fail "billing is on the list before its lead time was changed"

ui_keys S
ui_wait "Lead: certificate"
ui_screen > "$T/screen"
diff -u - "$T/screen" >&2 <<'X' || fail "the settings screen differs"
 tsunagi | Settings                                       2026-11-23 (R8.11.23)
Settings (lead times: days ahead, 0-730; idle minutes 0: never hide)

>Office (事業者名)        :
 Worker (専門員)          :
 Printer (CUPS)           :
 Idle minutes to hide     :10
 Lead: certificate        :90
 Lead: support level      :90
 Lead: plan period end    :45
 Lead: plan row review    :30
 Lead: consent            :30
 Lead: action item        :7
 Lead: turning 18         :180
 Lead: billing            :5
 Lead: paperwork mismatch :30
 Lead: a note's next step :7
 Fee category (none, 1-4) :none
 Workers (常勤換算)       :1.0
 Note late after (days)   :3


Saved in ~/.config/tsunagi/config; the file's other lines are kept.
 F2:OK  Esc:cancel  Tab:next field
X

# A bad value: one line naming the field, and the file is as it was.
ui_type "ひだまり相談支援センター"
ui_keys Tab
ui_type "佐藤 花子"
for i in 1 2 3 4 5 6 7 8 9 10; do ui_keys Tab; done
ui_keys C-u
ui_type "731"
ui_keys F2
ui_wait "lead.billing: a lead time must be a whole number of days from 0 to 730"
cmp -s "$CF" "$T/config.before" || fail "a bad value changed the file: $(cat "$CF")"
ui_wait "Lead: certificate"

# Saved: the changed values replace theirs, everything else stays.
ui_keys C-u
ui_type "20"
# The record-delay days (caseload health), five fields down (past the
# fee category and workers): a bad value is refused naming it, then 5
# is kept.
ui_keys Tab Tab Tab Tab Tab C-u
ui_type "400"
ui_keys F2
ui_wait "record_delay_days: the days must be a whole number from 0 to 365"
cmp -s "$CF" "$T/config.before" || fail "a bad delay changed the file: $(cat "$CF")"
ui_keys C-u
ui_type "5"
ui_keys F2
ui_wait "Saved in ~/.config/tsunagi/config."
diff -u - "$CF" >&2 <<'X' || fail "the saved file differs"
# my own notes
office = ひだまり相談支援センター
worker = 佐藤 花子
bind.quit = Q
lead.plan = 45
colour = blue
lead.billing = 20
record_delay_days = 5
X
[ "$(stat -c %a "$CF")" = 600 ] || fail "the config file is mode $(stat -c %a "$CF")"
[ "$(ls -A "$XDG_CONFIG_HOME/tsunagi")" = config ] || fail "left behind: $(ls -A "$XDG_CONFIG_HOME/tsunagi")"

# Applied without a restart: the title line and the lead time.
ui_wait "ひだまり相談支援センター / 佐藤 花子"
ui_wait "Coming 6"
ui_wait "billing deadline for 2026-11"

# The billing worksheet's fee category and workers (issue 14): a bad one
# is refused, good ones are saved and the billing screen (B) uses them.
ui_keys S
ui_wait "Fee category (none, 1-4) :none"
for i in $(seq 1 14); do ui_keys Tab; done
ui_keys C-u
ui_type "9"
ui_keys F2
ui_wait "billing.category: billing.category must be none, 1, 2, 3 or 4"
ui_keys C-u
ui_type "2"
ui_keys Tab C-u
ui_type "1.5"
ui_keys F2
ui_wait "Saved in ~/.config/tsunagi/config."
tail -2 "$CF" | diff -u - <(printf 'billing.category = 2\nbilling.workers = 1.5\n') >&2 || fail "billing settings not saved: $(cat "$CF")"
ui_keys B
ui_wait "機能強化型（Ⅱ）, 1.5 workers"
ui_keys q
ui_wait "billing deadline for 2026-11"

# A plan printed from the screen carries the new names.
ui_keys c
ui_wait "> 岡田 結衣"
ui_keys Enter
ui_wait "Basics"
for i in 1 2 3 4 5 6; do ui_keys Tab; done
ui_wait "final"
ui_keys Enter
ui_wait "Plan of 岡田 結衣"
ui_keys p
ui_wait "tsunagi-print"
pdf=$(ls "$HOME"/tsunagi-print/plan-*.pdf | head -1)
[ -f "$pdf" ] || fail "no plan PDF"
pdftotext "$pdf" - | tr -d ' \n' > "$T/plan.flat" || fail "pdftotext"
grep -qF "ひだまり相談支援センター" "$T/plan.flat" || fail "the printed plan lacks the saved office"
grep -qF "佐藤花子" "$T/plan.flat" || fail "the printed plan lacks the saved worker"
ui_keys Q
ui_wait_dead 5
