# A progress note's 相手 and its next step with a date (issue 16, item 11):
# the step is on the alarm list, the due list and iCal until marked done,
# from the command line (note done) or with x on the client's notes; bad
# input is refused with one line and changes nothing.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"
[ "$(tsu note add 1 --on 2026-11-20 --kind phone --text "母より電話。" --with 母 \
	--next-step "日程の確認の電話" --next-on 2026-11-26)" = 1 ] || fail "note add"
[ "$(tsu note add 1 --on 2026-11-21 --kind visit --text "自宅訪問。" --next-step "様子を見る")" = 2 ] ||
	fail "note without a date"
[ "$(q "SELECT with_whom, next_step, next_on, next_done_on IS NULL FROM note WHERE id = 1")" = "母|日程の確認の電話|2026-11-26|1" ] ||
	fail "stored: $(q "SELECT * FROM note")"

# Refused, nothing stored: a date without a step, a bad date, done twice,
# done on a note without a dated step, done before the note.
expect_fail "date without step" 1 "say what the next step is" \
	tsu note add 1 --on 2026-11-20 --kind phone --text x --next-on 2026-11-30
expect_fail "bad date" 2 "next step by" \
	tsu note add 1 --on 2026-11-20 --kind phone --text x --next-step y --next-on 2026-13-40
[ "$(q "SELECT count(*) FROM note")" = 2 ] || fail "a refused note was stored"
expect_fail "no dated step" 1 "note 2 has no next step with a date" tsu note done 2
expect_fail "before the note" 1 "cannot be done before" tsu note done 1 --on 2026-11-19
expect_fail "not a note id" 2 "give the note's id" tsu note done abc
expect_fail "no such note" 1 "no progress note with id 9" tsu note done 9

# On the lists, with the step's words; --initials keeps only ours.
tsu alarms --format tsv | grep -qF "week	2026-11-26	next	1	山田花子	next step: 日程の確認の電話 (in 3 days)" ||
	fail "alarms: $(tsu alarms --format tsv)"
tsu due --kind next | grep -qF "next step: 日程の確認の電話" || fail "due: $(tsu due --kind next)"
tsu alarms --initials | grep -q "日程の確認" && fail "--initials shows the step's words"
tsu alarms --initials | grep -qF "a note's next step" || fail "--initials: $(tsu alarms --initials)"
tsu export ical -o "$T/due.ics" 2>/dev/null || fail "ical"
grep -q "UID:next-1-2026-11-26@tsunagi" "$T/due.ics" || fail "ical: $(grep UID "$T/due.ics")"

# Done from the command line: off the lists; a second time is refused.
tsu note done 1 || fail "note done"
[ "$(q "SELECT next_done_on FROM note WHERE id = 1")" = 2026-11-23 ] || fail "done on"
expect_fail "done twice" 1 "already marked done on 2026-11-23" tsu note done 1
tsu alarms --format tsv | grep -q "	next	" && fail "a done step is still on the alarms"

# The UI at 80x24: a new dated step on the alarm list, x on the client's
# notes marks it done, x again not done.
tsu note add 1 --on 2026-11-22 --kind visit --text "訪問。" --next-step "主治医に連絡" \
	--next-on 2026-11-25 >/dev/null || fail "third note"
ui_start 80 24 --
ui_wait "next step: 主治医に連絡"
ui_keys c
ui_wait "Active clients"
ui_keys Enter
ui_wait "[Basics]"
ui_keys 9
ui_wait "[Notes]"
ui_keys Enter
ui_wait "Notes of 山田花子: 3"
ui_wait "step done"
ui_keys x
ui_wait "Next step marked done today."
[ "$(q "SELECT next_done_on FROM note WHERE id = 3")" = 2026-11-23 ] || fail "x: $(q "SELECT * FROM note WHERE id = 3")"
ui_keys x
ui_wait "Next step marked not done."
[ "$(q "SELECT next_done_on IS NULL FROM note WHERE id = 3")" = 1 ] || fail "x again"
ui_keys x
ui_wait "Next step marked done today."
ui_keys a
ui_wait "Alarms"
ui_gone "主治医に連絡"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
