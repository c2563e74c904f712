#!/usr/bin/env bash
# `make bench`: the slot engine's and the compressors' Google Benchmarks, then
# wrk on loopback, then the job workers' drain rate.
set -euo pipefail
cd "$(dirname "$0")/.."
./build/slots_bench --benchmark_min_time=1
./build/compression_bench --benchmark_min_time=1
bash bench/wrk-slots.sh
bash bench/booking-throughput.sh
bash bench/sqlite-booking-rows.sh
bash bench/job-drain.sh
