# One note style at a time (issue 16, item 11): the note form shows the
# 事実/解釈 fields by default and the SOAP ones with note_style = soap, never
# both; a note written in the other style keeps its text in sight.
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$DB" "$1"; }

tsu client add --name 山田花子 --kana ヤマダハナコ --birth 1980-04-01 >/dev/null || fail "client"

# Default: fact.  n on the card's Notes tab; the SOAP fields are not there.
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys 9
ui_wait "[Notes]"
ui_keys n
ui_wait "New progress note: 山田花子"
ui_wait "with whom"
ui_wait "fact"
ui_wait "interpretation"
ui_screen | grep -q "S: subjective" && fail "the fact style shows the SOAP fields"
ui_keys Escape
ui_wait "[Notes]"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null

# note_style = soap: S, O, A, P and no fact; the text typed goes to S.
mkdir -p "$XDG_CONFIG_HOME/tsunagi"
echo "note_style = soap" >> "$XDG_CONFIG_HOME/tsunagi/config"
q "DELETE FROM draft"
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys m
ui_wait "New progress note: 山田花子"
ui_wait "S: subjective"
ui_wait "P: plan"
ui_screen | grep -q "interpretation" && fail "the SOAP style shows the fact fields"
ui_type "本人より電話。眠れないとのこと。"
ui_keys F2
ui_wait "Saved."
[ "$(q "SELECT subjective, fact FROM note")" = "本人より電話。眠れないとのこと。|" ] || fail "note: $(q "SELECT * FROM note")"
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null

# A fact-style note opened under soap: its fact stays in the form.
tsu note add 1 --on 2026-11-20 --kind visit --text "自宅訪問。" >/dev/null || fail "fact note"
ui_start 80 24 --
ui_wait "Overdue"
ui_keys c
ui_wait "> 山田花子"
ui_keys Enter
ui_wait "[Basics]"
ui_keys 9
ui_wait "[Notes]"
ui_keys Enter
ui_wait "Notes of 山田花子: 2"
ui_keys G
ui_keys e
ui_wait "progress note: 山田花子"
ui_wait "自宅訪問。"
ui_wait "S: subjective"
ui_keys Escape
ui_keys Q
ui_wait_dead 2 "Q did not leave tsunagi"
