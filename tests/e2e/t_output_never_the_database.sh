# -o, backup and restore never write over the database, its SQLite side
# files or the copy restore keeps beside it, whatever name reaches them;
# a FIFO or device given as -o is written to as it is.
. "$(dirname "$0")/lib.sh"

tsu client add --name "山田 太郎" --kana "やまだ たろう" --birth 1980-01-01 >/dev/null || fail "client add"
tsu plan add 1 --from 2026-04-01 --to 2027-03-31 --monitoring-months 3 >/dev/null || fail "plan add"
sum() { sqlite3 "$DB" "SELECT count(*) FROM client"; }
cd "$T"
ln "$DB" "$T/hardlink.db"
ln -s "$DB" "$T/symlink.db"
for out in "$DB" "./tsunagi.db" "$T/hardlink.db" "$T/symlink.db" "$DB-wal" "$DB-shm" \
	   "$DB-journal" "$DB.replaced-2026-01-01"; do
	expect_fail "export -o $out" 2 "is the database or one of its files" tsu export clients -o "$out"
	expect_fail "due -o $out" 2 "is the database or one of its files" tsu due -o "$out"
	expect_fail "print -o $out" 2 "is the database or one of its files" tsu print plan 1 --format text -o "$out"
	expect_fail "export ical -o $out" 2 "is the database or one of its files" tsu export ical -o "$out"
done
[ "$(sum)" = 1 ] || fail "the database was changed"
[ ! -e "$DB-journal" ] && [ ! -e "$DB.replaced-2026-01-01" ] || fail "a side file was made"
sqlite3 "$DB" "PRAGMA integrity_check" | grep -qx ok || fail "database damaged"

# A FIFO stays a FIFO and gets the output.
mkfifo "$T/pipe"
cat "$T/pipe" > "$T/got" &
reader=$!
tsu export clients -o "$T/pipe" || fail "export to a FIFO"
wait $reader
[ -p "$T/pipe" ] || fail "the FIFO was replaced by a file"
grep -q "山田 太郎" "$T/got" || fail "the FIFO did not get the export"
# A device too.
tsu due -o /dev/null || fail "due -o /dev/null"
[ -c /dev/null ] || fail "/dev/null replaced"
# A directory is refused with a message.
mkdir "$T/dir"
expect_fail "export -o a directory" 1 "is a directory" tsu export clients -o "$T/dir"
