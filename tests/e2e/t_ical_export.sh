# tsunagi export ical: RFC 5545 with CRLF, folded lines, escaped text,
# all-day events with stable UIDs (a re-export updates, not duplicates).
. "$(dirname "$0")/lib.sh"

{
tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 &&
tsu cert add 1 --kind service --from 2025-11-28 --to 2026-11-27 &&
tsu consent add 1 --with "A病院; 地域医療連携室, 相談員の田中さんと情報を共有するための長い名前の相手先" --purpose "情報共有" --from 2025-11-26 --to 2026-11-26 &&
tsu plan add 1 --from 2026-09-01 --to 2027-08-31 --monitoring-months 3 --final --consented 2026-08-25 &&
tsu monitoring add 1 --on 2026-11-10
} >/dev/null || fail "fixture"

tsu export ical -o "$T/a.ics" || fail "export"
# Every line ends in CRLF and is at most 75 octets.
[ "$(grep -c $'\r$' "$T/a.ics")" = "$(wc -l < "$T/a.ics")" ] || fail "a line without CRLF"
LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 } END { exit bad }' "$T/a.ics" || fail "line over 75 octets"
# Unfolded, every line is valid UTF-8 (no character cut in two).
sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n //g' "$T/a.ics" | iconv -f UTF-8 -t UTF-8 > /dev/null || fail "folding split a character"
tr -d '\r' < "$T/a.ics" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' > "$T/unfolded"

head -5 "$T/unfolded" > "$T/head"
expect_output "calendar header" cat "$T/head" <<'X'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//tsunagi//tsunagi//JA
CALSCALE:GREGORIAN
X-WR-CALNAME:tsunagi
X
grep -A8 "^UID:certificate-1-2026-11-27@tsunagi$" "$T/unfolded" > "$T/cert"
expect_output "certificate event" cat "$T/cert" <<'X'
UID:certificate-1-2026-11-27@tsunagi
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20261127
DTEND;VALUE=DATE:20261128
SUMMARY:山田 太郎: recipient certificate ends (in 4 days)
CATEGORIES:certificate
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
X
grep -q '^SUMMARY:山田 太郎: consent ends: A病院\\; 地域医療連携室\\, 相談員の田中さんと情報を共有するための長い名前の相手先 (情報共有) (in 3 days)$' "$T/unfolded" \
	|| fail "escaped, folded summary: $(grep consent "$T/unfolded")"
grep -q "^UID:monitoring-1-2026-11@tsunagi$" "$T/unfolded" || fail "monitoring month UID"
grep -q "^SUMMARY:山田 太郎: monitoring for 2026-11 (done)$" "$T/unfolded" || fail "done monitoring"
grep -q "^UID:billing-2026-12@tsunagi$" "$T/unfolded" || fail "billing UID"
[ "$(grep -c '^BEGIN:VEVENT' "$T/unfolded")" = "$(grep -c '^UID:' "$T/unfolded")" ] || fail "events without UID"
[ "$(grep '^UID:' "$T/unfolded" | sort | uniq -d | wc -l)" = 0 ] || fail "duplicate UIDs"
tail -1 "$T/unfolded" | grep -qx "END:VCALENDAR" || fail "end"

# The same data exports the same UIDs; a new visit in the month moves the
# event (same UID) instead of adding one.
tsu export ical > "$T/b.ics" || fail "export to stdout"
cmp -s "$T/a.ics" "$T/b.ics" || fail "re-export differs"
sqlite3 "$DB" "UPDATE monitoring SET done_on = '2026-11-12'" || fail "sql"
tsu export ical | tr -d '\r' | grep -A2 "^UID:monitoring-1-2026-11@tsunagi$" | grep -q "DTSTART;VALUE=DATE:20261112" || fail "moved event"
[ "$(tsu export ical | grep -c "^UID:monitoring-1-2026-11@")" = 1 ] || fail "event duplicated"

tsu export ical --initials | tr -d '\r' | grep -q "^SUMMARY:Y.T.: recipient certificate ends" || fail "--initials"
tsu export ical --initials | grep -q "山田" && fail "name in an --initials export"
expect_fail "unknown target" 2 "ical" tsu export calendar
expect_fail "extra argument" 2 "unexpected argument 'more'" tsu export ical more
exit 0
