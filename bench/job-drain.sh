#!/usr/bin/env bash
# Do the job workers keep up with bookings? On each database (ENGINES,
# default "sqlite postgres"):
#   1. a server with no job workers takes bookings for BENCH_SECONDS (default
#      60) with wrk: the booking rate B and the jobs they left due (N, from
#      /api/health), so J = N / bookings jobs per booking;
#   2. one `confer worker` process at a time drains them, alternately one job
#      per transaction and at a time (JOB_BATCH=1 JOB_CONCURRENCY=1: the
#      worker before batches) and with the defaults, two rounds each; the
#      drain rate D in jobs/s is the jobs done until /api/health says none is
#      due, or DRAIN_SECONDS (default 15) have passed, over that time (the
#      health probe's second of lag included, so D is if anything low);
#   3. the ratio D / (B · J): how many times faster than bookings make jobs
#      the default worker clears them (target ≥ 2).
# Emails go to the file outbox (DATA_DIR/outbox), as with no SMTP_URL set.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-60}"
drain_seconds="${DRAIN_SECONDS:-15}"
engines="${ENGINES:-sqlite postgres}"
binary="${CONFER_BIN:-./build/confer}"
BENCH_NAME=drain-bench
source bench/lib.sh
due_jobs() { curl -sf "http://127.0.0.1:$port/api/health" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs"]["due"])'; }

# Waits until the server's health probe (once a second) has seen the latest
# jobs: two equal readings a second and a half apart.
settled_due() {
  local before after
  before=$(due_jobs); sleep 1.5; after=$(due_jobs)
  while [ "$before" != "$after" ]; do before=$after; sleep 1.5; after=$(due_jobs); done
  echo "$after"
}

book_for() {  # round → bookings committed
  local base; base=$(( ($(date -u +%s) / 86400 + 1) * 86400 ))
  local out; out=$(wrk -t2 -c16 -d"${seconds}s" -s bench/book.lua "http://127.0.0.1:$port" \
    -- "$base" "$service" "$token" 2 "$(( ($1 - 1) * 700 * 96 ))")
  local total non2xx
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
  echo $(( total - non2xx ))
}

drain() {  # label, then env assignments for the worker → prints the line, sets rate
  local label="$1"; shift
  local due left started elapsed
  due=$(settled_due)
  # Each drain starts from an empty outbox (the full one is moved aside, not
  # emptied, which would keep the file system busy): a folder of 100,000
  # files makes every new one dearer.
  [ -d "$data/outbox" ] && mv "$data/outbox" "$data/outbox-$(date +%s%N)"
  started=$(date +%s.%N)
  env DATA_DIR="$data" DATABASE_URL="$url" LOG_LEVEL=warn JOB_POLL_MS=50 "$@" \
    "$binary" worker >>"$data/worker.log" 2>&1 &
  local worker=$!
  echo "$worker" >>"$work/pids"
  # Until none is due, or for DRAIN_SECONDS at most (the worker of old takes
  # many minutes for a minute of bookings).
  local deadline; deadline=$(/usr/bin/python3 -c "import time; print(time.time() + $drain_seconds)")
  while [ "$(due_jobs)" != "0" ] && /usr/bin/python3 -c "import sys, time; sys.exit(time.time() > $deadline)"; do
    sleep 0.2
  done
  kill -TERM "$worker"; wait "$worker" 2>/dev/null || true
  elapsed=$(/usr/bin/python3 -c "import time; print(time.time() - $started)")
  left=$(settled_due)
  rate=$(/usr/bin/python3 -c "print(round(($due - $left) / $elapsed))")
  echo "  $label: $(( due - left )) of $due jobs in $(printf '%.1f' "$elapsed") s: $rate jobs/s"
}

run_engine() {  # engine DATABASE_URL
  url="$2"; data="$work/data-$1"; port=$(free_port); mkdir -p "$data"
  DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn DATABASE_URL="$url" JOB_WORKERS=0 \
    "$binary" serve >"$data/log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.05; done
  read -r service token _ < <(/usr/bin/python3 bench/booking_setup.py "http://127.0.0.1:$port" "drain-$1")
  echo "== $1 (${seconds} s of bookings, then drains of ${drain_seconds} s at most, alternating)"
  local booked jobs per_booking booking_rate
  booked=$(book_for 1); jobs=$(settled_due)
  booking_rate=$(( booked / seconds ))
  per_booking=$(/usr/bin/python3 -c "print(round($jobs / max(1, $booked), 2))")
  echo "  bookings: $booked in ${seconds} s ($booking_rate/s), $jobs jobs due ($per_booking per booking)"
  local before=() after=()
  for round in 1 2; do
    drain "round $round, one job per transaction, one at a time (JOB_BATCH=1 JOB_CONCURRENCY=1)" \
      JOB_BATCH=1 JOB_CONCURRENCY=1
    before+=("$rate")
    drain "round $round, defaults (JOB_BATCH=32 JOB_CONCURRENCY=4)"
    after+=("$rate")
  done
  /usr/bin/python3 -c "
made = $booking_rate * $per_booking
def mean(rates):  # a drain that found nothing due measured nothing
    rates = [r for r in rates if r > 0]
    return sum(rates) / len(rates) if rates else 0
before, after = mean([${before[*]/%/,}]), mean([${after[*]/%/,}])
print(f'  jobs made by bookings: {made:.0f}/s; drained {before:.0f} jobs/s = {before / made:.1f}x that one at a time, {after:.0f} jobs/s = {after / made:.1f}x with the defaults (target 2x; means of the rounds that found jobs due)')"
}

for engine in $engines; do
  case "$engine" in
    sqlite) run_engine sqlite "" ;;
    postgres) run_engine postgres "$(bash scripts/pg-test-cluster.sh start "$work/pg")" ;;
  esac
done
