#!/usr/bin/env bash
# The marketplace at scale: seeds a database with `confer seed-scale`, serves
# it, and loads every read route a user hits with wrk (each beside
# GET /api/health in the same run, ROUNDS rounds), then booking writes, then
# /api/health while the slowest route is under load. Prints req/s, the ratio
# to health, p50 and p99 per route (median over the rounds, and the spread).
#
#   bench/scale.sh                       10k specialists / 1M bookings, both databases
#   ENGINES=sqlite SPECIALISTS=1000 BOOKINGS=100000 bench/scale.sh
#   GROWTH=1 bench/scale.sh              1k → 10k specialists and 5k → 50k bookings of
#                                        one specialist: the growth per route
#   ROUTES="list_first profile" ...      only these routes
#   STRICT=1                             fail when any answer is not 2xx (make test's run)
#   CONFER_BIN=path                      the server binary (default ./build/confer)
#   KEEP=dir                             keep the results (results.tsv) in dir
#   SEEDED_SQLITE=file                   copy this seeded SQLite database (and migrate it)
#                                        instead of seeding: old and new binaries on the same data
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${CONFER_BIN:-./build/confer}")
engines=${ENGINES:-sqlite postgres}
seconds=${WRK_SECONDS:-5}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-32}
all_routes="list_first list_deep search specialty language price available_on profile slots_busy
  slots_idle bookings_first bookings_deep earnings notifications"
routes=${ROUTES:-$all_routes}
work=$(mktemp -d /tmp/confer-scale.XXXXXX)
chmod 755 "$work"  # the PostgreSQL server runs as user postgres
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  for pg in "$work"/pg-*; do [ -d "$pg" ] && bash scripts/pg-test-cluster.sh stop "$pg" >/dev/null 2>&1; done
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$work/results.tsv" "$KEEP/" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
: >"$work/results.tsv"

# wrk → "req/s p50-ms p99-ms non-2xx"
measure() {  # url-base paths-file token connections
  local out
  out=$(wrk -t2 -c"$4" -d"${seconds}s" --timeout 5s --latency -s bench/scale.lua "$1" -- "$2" "$3")
  echo "$out" | /usr/bin/python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errors = re.search(r"Socket errors:.*timeout (\d+)", text)
print(rps.group(1) if rps else 0, ms("50%"), ms("99%"), int(bad.group(1)) if bad else 0,
      int(errors.group(1)) if errors else 0)'
}

# Serves DATABASE_URL/DATA_DIR on a free port; sets $server and $base.
serve() {
  local port; port=$(free_port)
  PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn "$bin" serve >>"$work/server.log" 2>&1 &
  server=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 400); do curl -sf "$base/api/health" >/dev/null && return; sleep 0.05; done
  echo "the server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1
}

stop_server() { kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""; }

# What bench/book.lua books: prints "service token".
booking_setup() {
  /usr/bin/python3 bench/booking_setup.py "$base" scale-bench | cut -d' ' -f1-2
}

record() {  # engine size route round rps p50 p99 non2xx timeouts
  printf '%s\t' "$@" | sed 's/\t$/\n/' >>"$work/results.tsv"
  echo "  $3 round $4: $5 req/s, p50 $6 ms, p99 $7 ms${8:+, $8 not 2xx}"
}

run_size() {  # engine size-label specialists customers bookings busy busy-bookings
  local engine=$1 size=$2
  local data="$work/data-$engine-$size"; mkdir -p "$data"
  export DATA_DIR="$data" DATABASE_URL=""
  local database="$data/confer.db"
  if [ "$engine" = postgres ]; then
    DATABASE_URL=$(bash scripts/pg-test-cluster.sh start "$work/pg-$size")
    database=$DATABASE_URL
  fi
  echo "== $engine, $size: $3 specialists, $4 customers, $5 bookings ($6 with $7 each)"
  local started=$SECONDS
  if [ "$engine" = sqlite ] && [ -n "${SEEDED_SQLITE:-}" ]; then
    cp "$SEEDED_SQLITE" "$data/confer.db"  # seeded before (by an older binary, say)
    "$bin" migrate >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
    echo "  copied $SEEDED_SQLITE, migrated in $((SECONDS - started)) s"
  else
    "$bin" seed-scale --specialists "$3" --customers "$4" --bookings "$5" --busy "$6" \
      --busy-bookings "$7" >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
    echo "  seeded in $((SECONDS - started)) s"
  fi
  serve
  mkdir -p "$work/targets"
  /usr/bin/python3 bench/scale_targets.py "$base" "$database" "$work/targets" "$6" | sed 's/^/  /'
  echo "/api/health" >"$work/targets/health.paths"; : >"$work/targets/health.token"
  for round in $(seq "$rounds"); do
    for route in $routes; do
      # shellcheck disable=SC2046
      record "$engine" "$size" health "$round" $(measure "$base" "$work/targets/health.paths" "" "$connections")
      record "$engine" "$size" "$route" "$round" $(measure "$base" "$work/targets/$route.paths" \
        "$(cat "$work/targets/$route.token")" "$connections")
    done
  done
  if [ -z "${ROUTES:-}" ] || [[ " $routes " == *" writes "* ]]; then
    read -r service token < <(booking_setup)
    local day; day=$(( ($(date -u +%s) / 86400 + 1) * 86400 ))
    for round in $(seq "$rounds"); do
      local out; out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s bench/book.lua "$base" \
        -- "$day" "$service" "$token" 2 "$(( (round - 1) * 700 * 96 ))")
      local rps p50 p99 bad
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
      record "$engine" "$size" writes "$round" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "${bad:-0}" 0
    done
  fi
  # /api/health while the slowest route is under load.
  local slowest
  slowest=$(/usr/bin/python3 - "$work/results.tsv" "$engine" "$size" <<'PY'
import collections, statistics, sys
rates = collections.defaultdict(list)
for line in open(sys.argv[1]):
    e, s, route, _, rps, *_ = line.rstrip("\n").split("\t")
    if e == sys.argv[2] and s == sys.argv[3] and route not in ("health", "writes"):
        rates[route].append(float(rps))
print(min(rates, key=lambda r: statistics.median(rates[r])) if rates else "")
PY
)
  if [ -n "$slowest" ]; then
    wrk -t1 -c"$connections" -d"$((seconds + 2))s" -s bench/scale.lua "$base" -- \
      "$work/targets/$slowest.paths" "$(cat "$work/targets/$slowest.token")" >/dev/null &
    local loader=$!
    sleep 1
    record "$engine" "$size" "health-beside-$slowest" 1 \
      $(wrk_health_light)
    wait "$loader" || true
  fi
  stop_server
  if [ "$engine" = postgres ]; then bash scripts/pg-test-cluster.sh stop "$work/pg-$size" >/dev/null; fi
  rm -rf "$data"
}

wrk_health_light() {
  local out
  out=$(wrk -t1 -c4 -d"${seconds}s" --latency -s bench/scale.lua "$base" -- "$work/targets/health.paths" "")
  echo "$out" | awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {bad=$5}
    END {print r, p50, p99, bad+0, 0}' | while read -r r a b c d; do echo "$r $(to_ms "$a") $(to_ms "$b") $c $d"; done
}

to_ms() { /usr/bin/python3 -c 'import re,sys; m=re.match(r"([\d.]+)(us|ms|s)$", sys.argv[1]); print(float(m.group(1))*{"us":0.001,"ms":1,"s":1000}[m.group(2)] if m else "nan")' "$1"; }

for engine in $engines; do
  if [ -n "${GROWTH:-}" ]; then
    run_size "$engine" small 1000 5000 100000 "${BUSY:-10}" 5000
    run_size "$engine" large 10000 50000 1000000 "${BUSY:-10}" 50000
  else
    run_size "$engine" "${SPECIALISTS:-10000}" "${SPECIALISTS:-10000}" "${CUSTOMERS:-50000}" \
      "${BOOKINGS:-1000000}" "${BUSY:-10}" "${BUSY_BOOKINGS:-5200}"
  fi
done
/usr/bin/python3 bench/scale_report.py "$work/results.tsv"
