#!/usr/bin/env bash
# Assembles the API reference page into OUTDIR (served at /api/docs/): our
# page, and Swagger UI's bundle from npm (pinned in package-lock.json).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build.sh OUTDIR}"
if [ ! -d "$here/node_modules/swagger-ui-dist" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent --ignore-scripts)
  touch "$here/node_modules"
fi
mkdir -p "$out"
cp "$here/index.html" "$here/init.js" "$here/docs.css" "$out/"
cp "$here/node_modules/swagger-ui-dist/swagger-ui.css" \
   "$here/node_modules/swagger-ui-dist/swagger-ui-bundle.js" "$out/"
