# The help screen at 80x25 wraps a key's line that is wider than the
# screen instead of cutting it ("(filter-kin"): the rest goes on under
# the description, so every key's config name is there whole; the title
# fits (issue 16, item 21).  In English (the whole screen) and in Japanese.
. "$(dirname "$0")/lib.sh"

ui_start 80 25 --
ui_wait "?:help"
ui_keys '?'
ui_wait "Keys of 'Alarms'"
cat > "$T/want" <<'X'
 tsunagi | Help                                           2026-11-23 (R8.11.23)
Keys of 'Alarms'. To change one, config file: bind.NAME = KEY
>Alarm list
   f                       show one kind of item, then the next, then all
                           (filter-kind)
   p                       print this week's due sheet to a PDF in
                           ~/tsunagi-print/  (print-week)
   P                       send the week's sheet to the printer  (send-week)

 Lists
   k Up C-p                previous row  (up)
   j Down C-n              next row  (down)
   PgUp C-b                previous page  (page-up)
   PgDn C-f Space          next page  (page-down)
   g Home                  first row  (top)
   G End                   last row  (bottom)
   Enter                   open the selected row  (open)
   /                       search as you type (Enter keeps, Esc clears)
                           (search)

 Everywhere
   ? F1                    show the keys of this screen  (help)
   q Esc                   back to the previous screen  (back)
   Q                       leave tsunagi  (quit)
 q:back  j:down  k:up
X
ui_screen | sed 's/ *$//' > "$T/got"
sed 's/ *$//' "$T/want" | diff -u - "$T/got" >&2 || fail "the help screen differs"

# Wider, the lines are wrapped again to the new width: one line a key.
ui_resize 100 25
ui_wait "then the next, then all  (filter-kind)"
ui_wait "~/tsunagi-print/  (print-week)"
ui_keys q
ui_wait "?:help"
ui_keys Q
ui_wait_dead
tmux -L "$TMUX_SOCK" kill-server

# Japanese: no line is cut, and each config name is on the screen whole.
LANG=ja_JP.UTF-8
export LANG
ui_start 80 25 --
ui_wait "?:ヘルプ"
ui_keys '?'
ui_wait "のキー"
ui_screen > "$T/ja"
for name in filter-kind print-week search quit; do
	grep -q "($name)" "$T/ja" || { cat "$T/ja" >&2; fail "($name) is not whole on the Japanese help"; }
done
if grep -q '…' "$T/ja"; then
	cat "$T/ja" >&2
	fail "a line of the Japanese help is cut"
fi
