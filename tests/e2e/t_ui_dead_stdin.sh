# A terminal that goes away without a SIGHUP (the pty is not tsunagi's
# controlling terminal, so only reads fail): tsunagi notices the dead
# input, keeps the open form as a draft and leaves within 2 seconds
# without spinning the CPU.
. "$(dirname "$0")/lib.sh"

tsu client add --name "田中 三郎" --kana "たなか さぶろう" --birth 1960-06-06 >/dev/null || fail "client add"

python3 - "$TSUNAGI_BIN" "$DB" <<'PY' || fail "dead input was not handled"
import fcntl, os, pty, select, struct, subprocess, sys, termios, time

binary, db = sys.argv[1], sys.argv[2]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
# No new session and no TIOCSCTTY: the pty is only tsunagi's stdin and
# stdout, so closing the other end gives it read errors, not SIGHUP.
p = subprocess.Popen([binary, "--db", db], stdin=slave, stdout=slave,
                     stderr=subprocess.DEVNULL, env=dict(os.environ, TERM="xterm-256color"))
os.close(slave)
seen = b""

def settle(want, limit=10.0):
    global seen
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        if want in seen:
            return
    sys.exit("screen never showed %r" % want)

settle(b"Overdue")
os.write(master, b"c")
settle("田中".encode())
os.write(master, b"n")
settle(b"New client")
os.write(master, "鈴木 一".encode())
settle("一".encode())  # the last character typed is on screen
os.close(master)
start = time.time()
while p.poll() is None and time.time() - start < 2.0:
    time.sleep(0.05)
if p.poll() is None:
    with open("/proc/%d/stat" % p.pid) as f:
        ticks = sum(int(x) for x in f.read().split()[13:15])
    p.kill()
    sys.exit("tsunagi still running 2 s after its terminal went away (%d CPU ticks)" % ticks)
print("left in %.2f s" % (time.time() - start))
PY
[ "$(sqlite3 "$DB" "SELECT form FROM draft")" = "client" ] || fail "no draft kept: $(sqlite3 "$DB" "SELECT * FROM draft")"
sqlite3 "$DB" "SELECT value FROM draft_field" | grep -q "鈴木 一" || fail "the typed name is not in the draft"
