#!/usr/bin/env bash
# Everything `make test` runs after the build: the use cases on in-memory
# ports, unit tests (CTest), the API
# black-box suite on SQLite and PostgreSQL (pytest), a short fuzz run, and the
# web app (Vitest, then end to end in Chromium with axe-core).
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
status=0

# One throwaway PostgreSQL for the C++ unit tests; stopped whatever happens.
pg_dir=$(mktemp -d /tmp/confer-unit-pg.XXXXXX)
trap 'bash scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
if CONFER_TEST_POSTGRES_URL=$(bash scripts/pg-test-cluster.sh start "$pg_dir"); then
  export CONFER_TEST_POSTGRES_URL
else
  echo "PostgreSQL did not start: see $pg_dir/*.log"; cat "$pg_dir"/*.log || true; status=1
fi

echo "== use cases on in-memory ports (no database)"
build/confer_usecase_tests --gtest_brief=1 || status=1

echo "== unit tests (ctest, SQLite and PostgreSQL)"
(cd build && ctest --output-on-failure -j 2) || status=1

echo "== fuzzing request bodies (30 s)"
bash scripts/fuzz.sh 30 || status=1

echo "== API tests on SQLite and PostgreSQL (pytest)"
/usr/bin/python3 -m pytest tests/api -q -rs -p no:cacheprovider || status=1

echo "== the scale bench, small: every read route and booking writes on both databases, all 2xx"
STRICT=1 SPECIALISTS=200 CUSTOMERS=1000 BOOKINGS=20000 BUSY=2 BUSY_BOOKINGS=3000 WRK_SECONDS=1 \
  ROUNDS=1 bash bench/scale.sh | tail -40 || status=1

echo "== web app: Vitest, then end to end in Chromium with axe-core"
bash scripts/web-tests.sh || status=1

echo "== make test took $(( $(date +%s) - started )) s after the build; exit status $status"
exit $status
