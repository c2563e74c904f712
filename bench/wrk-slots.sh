#!/usr/bin/env bash
# Load test on loopback: GET /api/health, then GET /api/specialists/:id/slots
# for a 30-day range, each with wrk -t2 -c64 -d10s --latency, in the same run.
# Starts its own server on a fresh SQLite database and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/confer-bench.XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn
bin=${CONFER_BIN:-./build/confer}
"$bin" seed-demo >/dev/null 2>&1
"$bin" serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.05; done
# Maya Chen: New York, Mon–Thu 9–12 and 13–17, Fri 9–13, 15-minute buffer;
# a 60-minute and a 30-minute service.
read -r specialist sixty thirty < <(curl -s "http://127.0.0.1:$port/api/specialists?q=maya" |
  /usr/bin/python3 -c 'import json,sys,urllib.request as u; s=json.load(sys.stdin)["items"][0]["id"]; d=json.load(u.urlopen(sys.argv[1]+"/api/specialists/"+s)); by={x["duration"]: x["id"] for x in d["services"]}; print(s, by[60], by[30])' "http://127.0.0.1:$port")
from=$(date -u -d '+1 day' +%F); to=$(date -u -d '+30 days' +%F)
both="http://127.0.0.1:$port/api/specialists/$specialist/slots?from=$from&to=$to&tz=Europe/Berlin"
declare -A target=([health]="http://127.0.0.1:$port/api/health" [sixty]="$both&serviceId=$sixty"
  [thirty]="$both&serviceId=$thirty" [both]="$both")
declare -A label=([sixty]="60-minute service" [thirty]="30-minute service (the issue's scenario)"
  [both]="both services")
count() { curl -s "$1" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["slots"]))'; }
for name in sixty thirty both; do
  echo "30 days, ${label[$name]}: $(count "${target[$name]}") slots, $(curl -s "${target[$name]}" | wc -c) bytes"
done
# Health and the slot lists alternate for ROUNDS rounds, so that a noisy
# minute hits all; the ratios are reported per round and as the median.
rate() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
declare -A ratios=()
for round in $(seq "${ROUNDS:-3}"); do
  declare -A got=()
  for name in health sixty thirty both; do
    out=$(wrk -t2 -c64 -d"${WRK_SECONDS:-10}s" --latency "${target[$name]}")
    got[$name]=$(rate "$out")
    echo "round $round $name: $(rate "$out") req/s, p50 $(echo "$out" | awk '$1=="50%" {print $2}'), p99 $(echo "$out" | awk '$1=="99%" {print $2}')$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | sed 's/^/, /')"
  done
  for name in sixty thirty both; do
    ratios[$name]+="$(/usr/bin/python3 -c "print(${got[$name]}/${got[health]})") "
  done
done
for name in sixty thirty both; do
  /usr/bin/python3 - "${label[$name]}" "${ratios[$name]}" <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[2].split()]
print(f"slots/health, {sys.argv[1]}: " + ", ".join(f"{x:.0%}" for x in v) + f"; median {statistics.median(v):.0%}")
PY
done
