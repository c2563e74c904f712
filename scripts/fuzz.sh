#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and runs it for the
# given number of seconds (default 30). `make fuzz` runs it for 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
out=build-fuzz
mkdir -p "$out" "$out/corpus"
cp -n tests/fuzz/corpus/request_body/* "$out/corpus/" 2>/dev/null || true

sources=(tests/fuzz/request_body_fuzz.cpp src/http/json_body.cpp src/http/account_requests.cpp
         src/http/message.cpp src/http/compression.cpp src/domain/email_address.cpp src/app/time_zones.cpp
         src/security/password.cpp src/security/crypto.cpp src/security/encoding.cpp src/domain/utf8.cpp)
binary="$out/request_body_fuzz"
newest=$(ls -t "${sources[@]}" src/http/*.hpp src/app/*.hpp | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
  echo "building $binary with clang"
  clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DUSE_OS_TZDB=1 -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 -Isrc \
    "${sources[@]}" -o "$binary" \
    -lboost_json -lboost_url -ldate-tz -lsodium -lssl -lcrypto -lz -lbrotlienc
fi
"$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$out/corpus" 2>&1 | tail -n 12
