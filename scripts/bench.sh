#!/usr/bin/env bash
# `make bench`: the slot engine's Google Benchmark, then wrk on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
./build/slots_bench --benchmark_min_time=1
bash bench/wrk-slots.sh
bash bench/booking-throughput.sh
bash bench/sqlite-booking-rows.sh
