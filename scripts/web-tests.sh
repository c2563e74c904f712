#!/usr/bin/env bash
# The web app's tests: Vitest for the logic that lives in the browser (time
# zones, money, form checks), then the end-to-end run in Debian's Chromium
# against a real `confer serve` (web/e2e/booking.e2e.mjs; screenshots in
# tests/artifacts/e2e/, axe-core on the main pages).
set -euo pipefail
cd "$(dirname "$0")/../web"
npx --no-install vitest run
node e2e/booking.e2e.mjs
