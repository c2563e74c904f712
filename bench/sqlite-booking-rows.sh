#!/usr/bin/env bash
# The ceiling SQLite itself sets on bookings per second here: one Python loop
# (no HTTP, no server) writing exactly the rows a free booking writes — the
# booking, its audit entry, 3 jobs (confirmation, reminder, follow-up) and 2
# notifications — into the real schema (`confer migrate`), with the server's
# settings (WAL, synchronous=NORMAL, foreign keys, 64 MiB cache), committing
# 1, 2, 4, 8 and 16 bookings together as the server's group commit does.
# Next to it, the raw single-row rate of booking-throughput.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-5}"
work=$(mktemp -d /tmp/confer-rows-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
DATA_DIR="$work" LOG_LEVEL=warn ./build/confer migrate >/dev/null
/usr/bin/python3 - "$work/confer.db" "$seconds" <<'PY'
import random, sqlite3, sys, time, uuid
path, seconds = sys.argv[1], float(sys.argv[2])
db = sqlite3.connect(path, isolation_level=None)
for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "cache_size=-65536",
               "wal_autocheckpoint=2000"):
    db.execute("PRAGMA " + pragma)
db.execute("INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at)"
           " VALUES ('s', 's@x.co', 'x', 'S', 'specialist', 0, 0), ('c', 'c@x.co', 'x', 'C', 'customer', 0, 0)")
db.execute("INSERT INTO services (id, specialist_id, title, duration_minutes, price, currency, created_at,"
           " updated_at) VALUES ('svc', 's', 'T', 5, 0, 'USD', 0, 0)")
def new_id():  # time first, as the server's UUIDv7
    return str(uuid.UUID(int=time.time_ns() << 64 | random.getrandbits(64)))
k = 0
def booking():
    global k
    start = 1800000000000 + (k % 700) * 86400000 + (k // 700) * 300000  # as bench/book.lua spreads them
    k += 1
    booking_id, now = new_id(), int(time.time() * 1000)
    db.execute("INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, from_state, to_state,"
               " detail, created_at) VALUES (?, 'c', 'booking.status_changed', 'booking', ?, 'pending',"
               " 'confirmed', 'free session', ?)", (new_id(), booking_id, now))
    for kind, run_at in (("booking.confirmed", now), ("booking.reminder", start - 86400000),
                         ("booking.followup", start + 1200000)):
        db.execute("INSERT INTO jobs (id, kind, payload, booking_id, run_at, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (new_id(), kind, '{"start":%d,"end":%d}' % (start, start + 300000), booking_id, run_at, now, now))
    for user, title in (("c", "Your booking is confirmed"), ("s", "You have a new booking")):
        db.execute("INSERT INTO notifications (id, user_id, kind, title, booking_id, created_at)"
                   " VALUES (?, ?, 'booking.confirmed', ?, ?, ?)", (new_id(), user, title, booking_id, now))
    db.execute("INSERT INTO bookings (id, specialist_id, customer_id, service_id, slot_id, start_at, end_at,"
               " guard_start_at, guard_end_at, status, payment_amount, payment_currency, created_at, updated_at)"
               " VALUES (?, 's', 'c', 'svc', 'x', ?, ?, ?, ?, 'confirmed', 0, 'USD', ?, ?)",
               (booking_id, start, start + 300000, start, start + 300000, now, now))
for together in (1, 2, 4, 8, 16):
    n, end = 0, time.time() + seconds
    while time.time() < end:
        db.execute("BEGIN IMMEDIATE")
        for _ in range(together):
            booking()
        db.execute("COMMIT")
        n += together
    print(f"{together:2d} per commit: {n / seconds:7.0f} bookings/s")
PY
