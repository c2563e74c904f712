#!/usr/bin/env bash
# Load test on loopback: GET /api/health, then GET /api/specialists/:id/slots
# for a 30-day range, each with wrk -t2 -c64 -d10s --latency, in the same run.
# Starts its own server on a fresh SQLite database and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/confer-bench.XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn
./build/confer seed-demo >/dev/null 2>&1
./build/confer serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.05; done
# Maya Chen: New York, Mon–Thu 9–12 and 13–17, Fri 9–13, 15-minute buffer;
# a 60-minute and a 30-minute service.
read -r specialist service < <(curl -s "http://127.0.0.1:$port/api/specialists?q=maya" |
  /usr/bin/python3 -c 'import json,sys,urllib.request as u; s=json.load(sys.stdin)["items"][0]["id"]; d=json.load(u.urlopen(sys.argv[1]+"/api/specialists/"+s)); print(s, [x["id"] for x in d["services"] if x["duration"]==60][0])' "http://127.0.0.1:$port")
from=$(date -u -d '+1 day' +%F); to=$(date -u -d '+30 days' +%F)
both="http://127.0.0.1:$port/api/specialists/$specialist/slots?from=$from&to=$to&tz=Europe/Berlin"
one="$both&serviceId=$service"
count() { curl -s "$1" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["slots"]))'; }
echo "30 days, one service: $(count "$one") slots, $(curl -s "$one" | wc -c) bytes"
echo "30 days, both services: $(count "$both") slots, $(curl -s "$both" | wc -c) bytes"
for target in "http://127.0.0.1:$port/api/health" "$one" "$both"; do
  echo "== wrk -t2 -c64 -d${WRK_SECONDS:-10}s --latency ${target#http://127.0.0.1:$port}"
  wrk -t2 -c64 -d"${WRK_SECONDS:-10}s" --latency "$target" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" 
done
