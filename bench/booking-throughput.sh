#!/usr/bin/env bash
# Committed bookings per second through the HTTP API (wrk, distinct slots),
# next to the raw single-row insert rate of the same database in the same run:
#   SQLite: one INSERT per transaction, WAL, synchronous=NORMAL (as the
#   server), twice: into a bare table of its own, and into the server's own
#   bookings table (its indexes and foreign keys, while the server idles).
#   PostgreSQL: pgbench inserting into the same bookings table, exclusion
#   constraints and all.
# Disk sync speed swings from minute to minute here: the API and the raw
# rate alternate for ROUNDS rounds (default 3) and the median ratio counts.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-10}"
rounds="${ROUNDS:-3}"
# start_server runs in a process substitution (a subshell): its server's pid
# goes into $work/pids, so that the clean-up can stop it.
BENCH_NAME=book-bench
source bench/lib.sh

# Starts a server on $1 (DATABASE_URL or empty), sets up a 24/7 specialist with
# a free 5-minute service and a customer; prints
# "port service token specialist customer data-folder".
start_server() {
  local url="$1" data="$work/data-$RANDOM" port
  port=$(free_port); mkdir -p "$data"
  # Jobs (emails) are written with each booking; their delivery is left to
  # workers elsewhere (confer worker), so it does not share these two cores.
  DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn DATABASE_URL="$url" JOB_WORKERS=0 \
    ./build/confer serve >"$data/log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.05; done
  echo -n "$port "
  /usr/bin/python3 bench/booking_setup.py "http://127.0.0.1:$port" | tr '\n' ' '
  echo "$data"
}

run_wrk() {  # port service token round → committed bookings/s
  local base; base=$(( ($(date -u +%s) / 86400 + 1) * 86400 ))
  local out; out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s bench/book.lua "http://127.0.0.1:$1" \
    -- "$base" "$2" "$3" 2 "$(( ($4 - 1) * 700 * 96 ))")
  local total non2xx
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
  echo "  p99 $(echo "$out" | awk '$1=="99%" {print $2}'), $non2xx refused" >&2
  /usr/bin/python3 -c "print(round(($total - $non2xx) / $seconds))"
}

raw_sqlite() {  # one INSERT per transaction, WAL, synchronous=NORMAL → commits/s
  /usr/bin/python3 - "$work/raw.db" "$seconds" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
db.execute("CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, specialist_id TEXT, start_at BIGINT, end_at BIGINT)")
n, first = 0, db.execute("SELECT COUNT(*) FROM t").fetchone()[0]
end = time.time() + float(sys.argv[2]) / 2
while time.time() < end:
    k = first + n
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t VALUES (?, 's', ?, ?)", (str(k), k, k + 1)); db.execute("COMMIT"); n += 1
print(round(n / (float(sys.argv[2]) / 2)))
PY
}

raw_sqlite_bookings() {  # the same, into the server's bookings table → commits/s
  /usr/bin/python3 - "$data_dir/confer.db" "$seconds" "$specialist" "$customer" "$service" <<'PY'
import random, sqlite3, sys, time, uuid
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("PRAGMA synchronous=NORMAL"); db.execute("PRAGMA foreign_keys=ON")
specialist, customer, service = sys.argv[3:6]
# Five-minute bookings from 2100 on, one every ten minutes: clear of the API's.
# Ids lead with the time, as the server's UUIDv7 do (new keys on the last page).
n, first = 0, 4102444800000 + db.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] * 600000
end = time.time() + float(sys.argv[2]) / 2
while time.time() < end:
    t = first + n * 600000
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO bookings (id, specialist_id, customer_id, service_id, slot_id, start_at, end_at,"
               " guard_start_at, guard_end_at, status, payment_amount, payment_currency, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, 'x', ?, ?, ?, ?, 'confirmed', 0, 'USD', 0, 0)",
               (str(uuid.UUID(int=time.time_ns() << 64 | random.getrandbits(64))), specialist, customer, service, t, t + 300000, t, t + 300000))
    db.execute("COMMIT"); n += 1
print(round(n / (float(sys.argv[2]) / 2)))
PY
}

raw_postgres() {  # pgbench into the bookings table, constraints and all → commits/s
  local out
  out=$(cd "$work" && runuser -u postgres -- pgbench -n -h 127.0.0.1 -p "$pg_port" -U postgres \
    -c 16 -j 2 -T "$seconds" -f "$work/insert.sql" confer 2>&1 || true)
  local tps; tps=$(echo "$out" | awk '/^tps/ {print int($3)}')
  [ -n "$tps" ] || { echo "pgbench failed: $out" >&2; exit 1; }
  echo "$tps"
}

# Rounds of API then raw; prints each round and the median ratio. With a
# second raw function, its rate and ratio too.
compare() {  # label port service token raw-function [raw-function]
  local ratios=() ratios2=()
  for round in $(seq "$rounds"); do
    local api raw raw2 line
    api=$(run_wrk "$2" "$3" "$4" "$round")
    raw=$($5)
    ratios+=("$(/usr/bin/python3 -c "print($api / $raw)")")
    line="$1 round $round: API $api bookings/s, raw $raw commits/s, ratio $(/usr/bin/python3 -c "print(f'{$api/$raw:.0%}')")"
    if [ -n "${6:-}" ]; then
      raw2=$($6)
      ratios2+=("$(/usr/bin/python3 -c "print($api / $raw2)")")
      line+="; into its bookings table $raw2 commits/s, ratio $(/usr/bin/python3 -c "print(f'{$api/$raw2:.0%}')")"
    fi
    echo "$line"
  done
  median() {
    /usr/bin/python3 -c "import statistics, sys; v = [float(x) for x in sys.argv[2:]]; print(f'{sys.argv[1]}: median ratio {statistics.median(v):.0%} (' + ', '.join(f'{x:.0%}' for x in v) + ')')" "$@"
  }
  median "$1" "${ratios[@]}"
  if [ -n "${6:-}" ]; then median "$1 (raw into its bookings table)" "${ratios2[@]}"; fi
}

echo "== SQLite"
read -r port service token specialist customer data_dir < <(start_server "")
compare SQLite "$port" "$service" "$token" raw_sqlite raw_sqlite_bookings

echo "== PostgreSQL"
admin=$(bash scripts/pg-test-cluster.sh start "$work/pg")
read -r port service token specialist customer _ < <(start_server "$admin")
pg_port=$(echo "$admin" | sed -E 's|.*:([0-9]+)/.*|\1|')
cat >"$work/insert.sql" <<SQL
\set s random(1, 2000000000)
INSERT INTO bookings (id, specialist_id, customer_id, service_id, slot_id, start_at, end_at, guard_start_at, guard_end_at, status, payment_amount, payment_currency, created_at, updated_at) VALUES (gen_random_uuid()::text, '$specialist', '$customer', '$service', 'x', 100000000000000 + :s::bigint * 600000, 100000000000000 + :s::bigint * 600000 + 300000, 100000000000000 + :s::bigint * 600000, 100000000000000 + :s::bigint * 600000 + 300000, 'confirmed', 0, 'USD', 0, 0) ON CONFLICT DO NOTHING;
SQL
chmod 644 "$work/insert.sql"
compare PostgreSQL "$port" "$service" "$token" raw_postgres
