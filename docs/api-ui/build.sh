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
# Swagger UI's bundle and styles precompressed (brotli and gzip, node's zlib)
# beside them, made again only when the npm copy is newer.
dist="$here/node_modules/swagger-ui-dist"
if [ ! -f "$out/swagger-ui-bundle.js.br" ] || [ "$dist/swagger-ui-bundle.js" -nt "$out/swagger-ui-bundle.js.br" ]; then
  node -e '
    const zlib = require("zlib"), fs = require("fs");
    for (const file of process.argv.slice(1)) {
      const data = fs.readFileSync(file);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      fs.writeFileSync(file + ".gz", zlib.gzipSync(data, { level: 9 }));
    }' "$out/swagger-ui-bundle.js" "$out/swagger-ui.css"
else
  touch "$out/swagger-ui-bundle.js.br" "$out/swagger-ui-bundle.js.gz" "$out/swagger-ui.css.br" "$out/swagger-ui.css.gz"
fi
