#!/usr/bin/env bash
# Installs the Debian packages Confer builds, runs and tests with — only those
# missing, quietly. Safe to run again and again; `make run` and `make test` call it.
set -euo pipefail

runtime_and_build=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libpq-dev
  libhowardhinnant-date-dev tzdata libical-dev
  libsodium-dev libssl-dev libcurl4-openssl-dev
  libspdlog-dev libfmt-dev libcli11-dev
  zlib1g-dev libbrotli-dev
)
test_only=(
  postgresql postgresql-contrib
  libgtest-dev libgmock-dev libbenchmark-dev wrk
  clang libclang-rt-14-dev
  python3 python3-pytest python3-requests python3-yaml
  python3-aiosmtpd python3-dateutil python3-icalendar python3-brotli
  chromium
)

wanted=("${runtime_and_build[@]}")
if [ "${1:-}" = "--test" ]; then wanted+=("${test_only[@]}"); fi

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
# Node.js and npm: the machine's own install (NodeSource ships npm inside nodejs)
# conflicts with Debian's npm package, so only install Debian's when none is there.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
