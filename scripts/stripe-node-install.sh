#!/usr/bin/env bash
# Installs Stripe's official Node library (pinned by scripts/stripe-node/
# package-lock.json) into .tools/stripe-node for the webhook-signature test,
# only when it is missing or the pin changed. Prints the node_modules folder.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.tools/stripe-node
mkdir -p "$dir"
exec 9>"$dir/.install.lock"
flock 9
if [ ! -f "$dir/node_modules/stripe/package.json" ] ||
   ! cmp -s scripts/stripe-node/package-lock.json "$dir/package-lock.json"; then
  cp scripts/stripe-node/package.json scripts/stripe-node/package-lock.json "$dir/"
  echo "Installing the stripe npm package into $dir" >&2
  npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
echo "$PWD/$dir/node_modules"
