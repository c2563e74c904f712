// Writes `<file>.br` (brotli, highest quality) and `<file>.gz` (gzip, level 9)
// beside every compressible file of at least 1 KB in the built app (web/dist,
// or the directory given), so that `confer serve` can send a client that
// accepts them the smaller file without compressing on each request. A
// variant that would not be smaller is not written. Quiet on success; any
// failure ends the build (exit status 1).
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const COMPRESSIBLE = new Set([".js", ".css", ".html", ".svg", ".json", ".webmanifest", ".txt", ".map"]);
const MIN_BYTES = 1024; // below this the saving is smaller than a response's headers

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

async function precompress(file) {
  const original = await readFile(file);
  const variants = {
    ".br": await brotli(original, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    ".gz": await gzip(original, { level: zlib.constants.Z_BEST_COMPRESSION }),
  };
  // The variants carry the original's modification time, as `gzip -k` does,
  // so a server dating a response by its file dates each variant alike.
  const { atime, mtime } = await stat(file);
  for (const [suffix, bytes] of Object.entries(variants)) {
    if (bytes.length >= original.length) continue;
    await writeFile(file + suffix, bytes);
    await utimes(file + suffix, atime, mtime);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, "../dist"));
try {
  const work = [];
  for await (const file of filesUnder(root)) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    if ((await stat(file)).size < MIN_BYTES) continue;
    work.push(precompress(file));
  }
  await Promise.all(work);
} catch (error) {
  console.error(`precompress: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
