# A client's records from the command line: certificates, consents,
# plans, monitorings and notes, in every date form.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana やまだ --birth 1970-03-02 --recipient-no 1400000001 >/dev/null || fail setup
expect_output "cert" tsu cert add 1400000001 --kind service --from R8.4.1 --to 2027/3/31 --number 1400000001 <<'X'
1
X
expect_output "consent" tsu consent add 1 --with "A事業所" --purpose "計画作成" --from 2026-04-01 --to 2027-03-31 <<'X'
1
X
expect_output "draft plan" tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 6 --written 2026-03-20 <<'X'
1
X
expect_output "final plan" tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 --final --consented 2026-03-28 <<'X'
2
X
expect_output "monitoring" tsu monitoring add 1 --on 2026-06-15 <<'X'
1
X
expect_output "note" tsu note add 1 --on 2026-11-20 --at 14:30 --kind visit --minutes 45 --text "自宅訪問。元気そう。" <<'X'
1
X
expect_output "cert list" tsu cert list 1 <<'X'
id	client_id	kind	number	municipality	valid_from	valid_to	support_level	copay_cap_yen	remarks
1	1	service	1400000001		2026-04-01	2027-03-31			
X
expect_output "plan list, newest first: the final plan superseded the draft" tsu plan list 1 <<'X'
id	client_id	stage	previous_id	written_on	consented_on	delivered_on	period_from	period_to	monitoring_months	anchor_month	wishes	policy	long_goal	short_goal	daily_activities	overall_picture	remarks	monitoring_range_from	monitoring_range_to
2	1	final		2026-11-23	2026-03-28		2026-04-01	2027-03-31	3	2026-04									
1	1	superseded		2026-03-20			2026-04-01	2027-03-31	6	2026-04									
X
expect_output "monitoring list: linked to the plan in force" tsu monitoring list 1 <<'X'
id	client_id	plan_id	scheduled_on	scheduled_at	done_on	method	situation	change_needed	remarks
1	1	2			2026-06-15	visit		no	
X
tsu note list 1 | grep -q "自宅訪問。元気そう。" || fail "note text"
[ "$(sqlite3 "$DB" "SELECT noted_at, minutes FROM note")" = "14:30|45" ] || fail "note time"
