# tsunagi alarms: every item whose lead time has begun, in the alarm
# list's four groups (overdue, this week, this month's monitorings,
# coming up) as TSV, CSV and text; a support-level decision 80 days ahead
# is on it, a certificate 94 days ahead is not; lead times from the
# config file; --initials; usage errors.  Today is Monday 2026-11-23.
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu client add --name "佐藤 花子" --kana "さとう はなこ" --birth 1990-05-05 &&
tsu cert add 1 --kind support_level --from 2024-02-12 --to 2027-02-11 &&
# (a community certificate: a service one ending after the plan would
# also be a paperwork mismatch, which is not what this test is about)
tsu cert add 1 --kind community --from 2026-02-26 --to 2027-02-25 &&
tsu consent add 1 --with "A病院" --purpose "情報共有" --from 2025-11-28 --to 2026-11-27 &&
tsu plan add 1 --from 2026-01-21 --to 2027-01-20 --monitoring-months 6 --final --consented 2026-01-20 &&
tsu plan add 2 --from 2026-09-01 --to 2027-08-31 --monitoring-months 1 --final --consented 2026-08-25 &&
tsu monitoring add 2 --on 2026-09-12 &&
tsu monitoring add 2 --scheduled 2026-11-26
} >/dev/null || fail "fixture"

# October was missed; November's visit is scheduled on the 26th (this
# month's group, not this week's); the plan ends in 58 days (lead 60);
# the support-level decision ends in 80 days (lead 90); the service
# certificate in 94 days, December's monitoring and the billing deadline
# (17 days, lead 5) have not begun.
expect_output "tsv" tsu alarms --format tsv <<'X'
overdue	2026-10-31	monitoring	2	佐藤 花子	monitoring for 2026-10 (missed)
week	2026-11-27	consent	1	山田 太郎	consent ends: A病院 (情報共有) (in 4 days)
month	2026-11-26	monitoring	2	佐藤 花子	monitoring for 2026-11 (visit scheduled)
coming	2027-01-20	plan	1	山田 太郎	plan period ends (in 58 days)
coming	2027-02-11	certificate	1	山田 太郎	support-level decision ends (in 80 days)
X

expect_output "csv" sh -c "\"$TSUNAGI_BIN\" --db \"$DB\" alarms --format csv --initials | tr -d '\r'" <<'X'
﻿group,due_on,kind,client_id,client_name,detail
overdue,2026-10-31,monitoring,2,S.H.,monitoring for 2026-10 (missed)
week,2026-11-27,consent,1,Y.T.,consent ends (in 4 days)
month,2026-11-26,monitoring,2,S.H.,monitoring for 2026-11 (visit scheduled)
coming,2027-01-20,plan,1,Y.T.,plan period ends (in 58 days)
coming,2027-02-11,certificate,1,Y.T.,support-level decision ends (in 80 days)
X

expect_output "text" tsu alarms --kind certificate,plan,consent <<'X'
Alarms as of 2026-11-23 (Mon)
Overdue (0)
  (nothing)

This week (1)
  !  2026-11-27 Fri in 4 days    山田 太郎            consent ends: A病院 (情報共有) (in 4 days)

This month's monitorings (0)
  (nothing)

Coming up (2)
  !  2027-01-20 Wed in 58 days   山田 太郎            plan period ends (in 58 days)
  !  2027-02-11 Thu in 80 days   山田 太郎            support-level decision ends (in 80 days)
X

# The same for the screen: the alarm list is what `alarms` prints.  With
# lead times from the config file the list follows; a bad line is named
# and keeps its default.
mkdir -p "$XDG_CONFIG_HOME/tsunagi"
printf 'lead.support_level = 60\nlead.certificate = 100\nlead.billing = 17\nlead.plan = soon\n' \
	> "$XDG_CONFIG_HOME/tsunagi/config"
tsu alarms --format tsv > "$T/out" 2> "$T/err" || fail "alarms with a config"
grep -q "config line 4: a lead time must be a whole number of days from 0 to 730; the line is ignored" "$T/err" ||
	fail "bad config line not reported: $(cat "$T/err")"
expect_output "lead times from the config" cut -f1-3,6 "$T/out" <<'X'
overdue	2026-10-31	monitoring	monitoring for 2026-10 (missed)
week	2026-11-27	consent	consent ends: A病院 (情報共有) (in 4 days)
month	2026-11-26	monitoring	monitoring for 2026-11 (visit scheduled)
coming	2026-12-10	billing	billing deadline for 2026-11 (in 17 days)
coming	2027-01-20	plan	plan period ends (in 58 days)
coming	2027-02-25	certificate	community support certificate ends (in 94 days)
X
rm "$XDG_CONFIG_HOME/tsunagi/config"

# A day later in the week the consent is still this week's; after the
# week it would be overdue.
TSUNAGI_TODAY=2026-11-28 tsu alarms --format tsv --kind consent > "$T/out" || fail "later today"
grep -q $'^overdue\t2026-11-27\tconsent' "$T/out" || fail "the consent is not overdue on the 28th: $(cat "$T/out")"

# The demo's first adult has a support-level decision ending in 80 days:
# under "coming up" from the first day.
"$TSUNAGI_BIN" --db "$T/demo.db" demo --clients 5 >/dev/null 2>&1 || fail "demo"
"$TSUNAGI_BIN" --db "$T/demo.db" alarms --format tsv > "$T/demo.tsv" || fail "demo alarms"
grep -q $'^coming\t2027-02-11\tcertificate\t[0-9]*\t[^\t]*\tsupport-level decision ends (in 80 days)$' "$T/demo.tsv" ||
	fail "the demo's support-level decision is not coming up: $(cat "$T/demo.tsv")"

expect_fail "bad format" 2 "--format: 'html' is not one of text, tsv, csv" tsu alarms --format html
expect_fail "bad kind" 2 "unknown kind 'visits' \(kinds: monitoring, certificate, plan, consent, action, transition, billing, mismatch, next\)" tsu alarms --kind visits
tsu alarms --kind next,mismatch > /dev/null || fail "alarms takes every kind the due list takes"
expect_fail "extra argument" 2 "unexpected argument 'now'" tsu alarms now
tsu alarms --help | grep -q "^Usage: tsunagi alarms" || fail "--help"
exit 0
