#!/usr/bin/env bash
# Installs the Prism mock server (pinned by scripts/prism/package-lock.json)
# into .tools/prism for the vendor contract tests, only when it is missing or
# not the pinned version; then applies the deepObject fix that Stripe's form
# bodies need (see ../shared/contracts/README.md). Idempotent and safe to run
# from several test runs at once (a lock serializes them). Prints the path of
# the prism executable.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.tools/prism
bin="$dir/node_modules/.bin/prism"
mkdir -p "$dir"
exec 9>"$dir/.install.lock"
flock 9

installed_version() {
  node -p 'require(process.argv[1]).version' \
    "$PWD/$dir/node_modules/@stoplight/prism-cli/package.json" 2>/dev/null || true
}

if [ ! -x "$bin" ] || [ "$(installed_version)" != "5.14.2" ] ||
   ! cmp -s scripts/prism/package-lock.json "$dir/package-lock.json"; then
  cp scripts/prism/package.json scripts/prism/package-lock.json "$dir/"
  echo "Installing Prism 5.14.2 into $dir" >&2
  npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi

# Prism turns absent deepObject parameters into objects of undefined fields
# (Stripe form bodies then fail `required`); harmless for JSON APIs.
node -e 'const f=require.resolve("@stoplight/prism-http/dist/validator/deserializers/style/deepObject.js",{paths:[process.argv[1]]});const fs=require("fs");let s=fs.readFileSync(f,"utf8");if(!s.includes("ABSENT_DEEPOBJECT")){s=s.replace("function construct(currentPath, def) {","function construct(currentPath, def) {\n        const p0 = resolve(currentPath); if (!Object.keys(parameters).some(k => k === p0 || k.startsWith(p0 + \"[\"))) return undefined; /* ABSENT_DEEPOBJECT */");fs.writeFileSync(f,s)}' "$PWD/$dir/node_modules/@stoplight/prism-cli"
echo "$PWD/$bin"
