# Keys that once bypassed the key table are actions (issue 12): with
# bind.yes / bind.no the question's box shows and takes the new keys and
# y no longer answers; the help lists the question's and a search's keys
# with their names.  An action that needs a row is refused with its one
# message on an empty list.  The card's tab keys are actions too: with
# bind.tab-contacts = F5, F5 shows the contacts tab and 2 does nothing;
# with bind.search = F6 a "/" typed into the empty search of every record
# is text, no longer the search key passed over.
. "$(dirname "$0")/lib.sh"

tsu provider add --name "Aoba Work" --phone 045-222-2222 >/dev/null || fail provider
tsu client add --name "Ito Mei" --kana "イトウ メイ" --birth 1990-02-03 >/dev/null || fail client
printf 'office =\nworker =\nbind.yes = j\nbind.no = k\nbind.tab-contacts = F5\nbind.search = F6\n' > "$XDG_CONFIG_HOME/tsunagi/config"
q() { sqlite3 "$DB" "$1"; }

ui_start 80 24 --
ui_wait "Alarms"
ui_keys D
ui_wait "Aoba Work"
ui_keys d
ui_wait "j: yes    k: no"
# y first (no longer an answer), then k (no): had y said yes, the
# provider would be gone.
ui_keys y k
ui_gone "j: yes"
[ "$(q "SELECT count(*) FROM service_provider")" = 1 ] || fail "y or k deleted"

# The help of the register ends with the question's and a search's keys.
ui_keys '?'
ui_wait "Keys of 'Providers'"
ui_keys G
ui_wait "(search-keep)"
ui_wait "question says  (yes)"
ui_screen | grep -q "^ *j  *yes: do what" || fail "the help does not show j for yes"
ui_keys q
ui_wait "Aoba Work"

ui_keys d
ui_wait "j: yes    k: no"
ui_keys j
ui_wait "The provider was deleted."
[ "$(q "SELECT count(*) FROM service_provider")" = 0 ] || fail "j did not delete"

# Nothing left: e (needs a row) is refused with the one message.
ui_keys e
ui_wait "Nothing is selected here."

# The card: 2 no longer goes to the contacts tab, so h (previous tab)
# after it wraps from the basics to the last tab; F5 goes to contacts.
ui_keys c
ui_wait "Ito Mei"
ui_keys Enter
ui_wait "[Basics]"
ui_keys 2 h
ui_wait "[Crisis plan]"
ui_keys F5
ui_wait "[Contacts]"

ui_keys N
ui_wait "Type what to look for and press Enter."
ui_type "/zq"
ui_wait "Search all records: /zq"
ui_keys Escape
ui_wait "F6:search"
ui_keys q
ui_wait "[Contacts]"
ui_keys Q
ui_wait_dead
