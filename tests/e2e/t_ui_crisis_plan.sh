# The crisis plan (クライシスプラン: warning signs, what to do, whom to
# call) is a tab of the client card like every other record kind: the
# tab comes from the one list of record kinds (records.h), the form and
# the list from its description.  Compared as a whole screen at 80x24.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 花子" --kana "やまだ はなこ" --birth 1980-04-01 >/dev/null || fail "client add"

ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田 花子"
ui_keys Enter
ui_wait "[Basics]"
# The last tab, one step back from the first.
ui_keys BTab
ui_wait "[Crisis plan]"
ui_wait "Nothing here yet. Press n to add."
ui_keys n
ui_wait "New crisis plan: 山田 花子"
ui_type "眠れない夜が続く"
ui_keys Tab
ui_type "頓服を飲み、相談員に電話"
ui_keys Tab
ui_type "母 090-0000-0000"
ui_keys F2
ui_wait "Saved."
ui_screen | sed 's/ *$//' > "$T/got"
cat > "$T/want" <<'X'
 tsunagi | Client card                                    2026-11-23 (R8.11.23)
山田 花子  やまだ はなこ  planning  active  #1
< Plans   Monitorings   Notes   Meetings   Not done  [Crisis plan]
> 眠れない夜が続く  頓服を飲み、相談員に電話  母 090-0000-0000



















Saved.
X
diff -u "$T/want" "$T/got" >&2 || fail "the crisis plan tab differs"
[ "$(sqlite3 "$DB" "SELECT warning_signs || '|' || actions || '|' || whom_to_call FROM crisis_plan WHERE client_id = 1")" = \
	"眠れない夜が続く|頓服を飲み、相談員に電話|母 090-0000-0000" ] || fail "the crisis plan was not stored"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
