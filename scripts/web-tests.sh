#!/usr/bin/env bash
# The web app's tests: first that the API types (web/src/shared/api/schema.d.ts)
# are the ones docs/openapi.yaml generates (a stale file fails here), then
# Vitest for the logic and components that live in the browser (time zones,
# money, form checks and server field errors, tabs, the folder rules), then
# the end-to-end run in Debian's Chromium against a real `confer serve` that
# the script starts on a free loopback port with a fresh DATA_DIR
# (web/e2e/booking.e2e.mjs; screenshots in tests/artifacts/e2e/, axe-core on
# the main pages). Needs build/confer; builds web/dist when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$root/build/confer" ]; then
  echo "build/confer is missing: run make build first" >&2
  exit 1
fi
if [ ! -d "$root/web/node_modules" ] || [ ! -f "$root/web/dist/index.html" ]; then
  bash "$root/scripts/build-web.sh"
fi
cd "$root/web"
echo "-- API types generated from docs/openapi.yaml"
if ! npm run --silent api-types:check; then
  echo "web/src/shared/api/schema.d.ts is stale: docs/openapi.yaml changed. Run \`npm run api-types\` in web/ and commit it." >&2
  exit 1
fi
echo "-- vitest"
npx --no-install vitest run
echo "-- end to end (Chromium: ${CHROMIUM:-/usr/bin/chromium})"
node e2e/booking.e2e.mjs
