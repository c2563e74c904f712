#!/usr/bin/env bash
# Builds the web app into web/dist. Installs its npm packages with `npm ci`
# (pinned by web/package-lock.json; install scripts off, see web/.npmrc) only
# when node_modules is missing or the lockfile changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.confer-lock
if [ ! -d node_modules ] || ! cmp -s package-lock.json "$stamp"; then
  echo "Installing the web app's npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
# Rebuild only when a source is newer than the last build.
if [ -f dist/index.html ] && [ -z "$(find src scripts index.html package.json package-lock.json vite.config.ts tsconfig.json \
    -newer dist/index.html -print -quit)" ]; then
  echo "Web app in web/dist is up to date"
  exit 0
fi
npm run --silent build >/dev/null
echo "Web app built into web/dist"
