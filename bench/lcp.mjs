// Page load of the marketplace ("/") and a profile ("/specialists/<id>") in
// Debian's headless Chromium (playwright-core from web/, no downloaded
// browser) against a running `confer serve`. Each of ROUNDS rounds opens
// each page in a new browser context (a cold HTTP cache) and, once the page
// is drawn (its heading is there and no spinner is left) and has settled,
// reads from the page itself:
//   LCP        the last largest-contentful-paint entry's startTime
//   TTFB       the navigation's responseStart
//   first api  when the first /api/ request started (resource timing)
//   api done   when the last /api/ response so far ended
//   bytes      transferSize of the document and every resource so far
// all in ms from navigation start. Prints one line per page: the median over
// the rounds and the min–max, and what the LCP element was. Exits 1 when a
// page does not load or shows an error.
//
//   BASE_URL=http://127.0.0.1:8080 node bench/lcp.mjs [specialistId]
//   ROUNDS=5   rounds per page (default 3)
//   CHROMIUM=path   the browser (default /usr/bin/chromium)
// Without a specialist id, the first of GET /api/specialists?pageSize=1 (of
// the first server).
//
// BASE_URL may name several servers, space-separated (say, one serving the
// web app before a change and one after, over the same database): each
// round then loads each page from each server in turn, so that a busy spell
// of the machine falls on all of them alike, and the lines name the server.
import { createRequire } from "node:module";

const { chromium } = createRequire(new URL("../web/package.json", import.meta.url))("playwright-core");

const bases = (process.env.BASE_URL ?? "http://127.0.0.1:8080").split(/[\s,]+/).filter(Boolean).map((b) => b.replace(/\/$/, ""));
const rounds = Number(process.env.ROUNDS ?? 3);
const SETTLE_MS = 300; // after the page is drawn: a late, larger paint still counts
const READY_TIMEOUT_MS = 15_000;

async function firstSpecialist(base) {
  const response = await fetch(`${base}/api/specialists?pageSize=1`);
  if (!response.ok) throw new Error(`GET /api/specialists answered ${response.status}`);
  const { items } = await response.json();
  if (!items?.length) throw new Error("the marketplace lists no specialist: seed the database first");
  return items[0].id;
}

// Runs in the page: the figures above, from its own performance timeline.
function readFigures() {
  return new Promise((resolve) => {
    const lcp = [];
    const observer = new PerformanceObserver((list) => lcp.push(...list.getEntries()));
    observer.observe({ type: "largest-contentful-paint", buffered: true });
    // Buffered entries arrive in a task of their own.
    setTimeout(() => {
      lcp.push(...observer.takeRecords());
      observer.disconnect();
      const last = lcp.at(-1);
      const [navigation] = performance.getEntriesByType("navigation");
      const resources = performance.getEntriesByType("resource");
      const api = resources.filter((r) => new URL(r.name).pathname.startsWith("/api/"));
      const element = last?.element;
      resolve({
        lcp: last ? last.startTime : null,
        lcpElement: element ? `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"` : last ? "(removed)" : "none",
        ttfb: navigation.responseStart,
        firstApi: api.length ? Math.min(...api.map((r) => r.startTime)) : null,
        apiDone: api.length ? Math.max(...api.map((r) => r.responseEnd)) : null,
        bytes: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      });
    }, 50);
  });
}

// Waits until the page is drawn: its heading is there and no spinner is left.
// Polled from here (page.waitForFunction would evaluate a string, which the
// app's Content-Security-Policy forbids).
async function drawn(page, path) {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (!(await page.evaluate(() => !!document.querySelector("h1") && !document.querySelector("[role=status]")))) {
    if (Date.now() > until) throw new Error(`${path} was not drawn within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function measure(browser, base, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(base + path, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? "nothing"}`);
    await drawn(page, path);
    const alert = await page.$("[role=alert]");
    if (alert) throw new Error(`${path} shows an error: ${(await alert.textContent())?.trim()}`);
    if (errors.length) throw new Error(`${path} threw: ${errors[0]}`);
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(readFigures);
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
// "312 ms (290–340)": median and spread, or "–" when a round had no value.
function summary(values, unit = "ms", scale = 1, digits = 0) {
  if (values.some((v) => v === null)) return "–";
  const show = (v) => (v / scale).toFixed(digits);
  return `${show(median(values))} ${unit} (${show(Math.min(...values))}–${show(Math.max(...values))})`;
}

let failed = false;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  // As the e2e test: a fresh temporary profile per launch, kept off the
  // network. And without the browser's own omnibox popup, which Chromium
  // otherwise builds in the background while the first page loads (some
  // hundreds of ms of script parsing that a two-core machine takes from the
  // page being measured).
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-features=PreloadTopChromeWebUI"],
});
try {
  const specialist = process.argv[2] ?? (await firstSpecialist(bases[0]));
  const pages = [["marketplace", "/"], ["profile", `/specialists/${encodeURIComponent(specialist)}`]];
  const runs = bases.flatMap((base) => pages.map(([name, path]) => ({ base, name, path, results: [], failed: false })));
  // Alternating pages (and servers) round by round, so that a slow spell of
  // the machine falls on all rather than on one.
  for (let round = 0; round < rounds; round++)
    for (const run of runs) {
      if (run.failed) continue;
      try {
        run.results.push(await measure(browser, run.base, run.path));
      } catch (error) {
        console.error(`${run.base} ${run.name} ${run.path}: ${error.message}`);
        run.failed = true;
        failed = true;
      }
    }
  for (const { base, name, path, results, failed: broke } of runs) {
    if (broke) continue;
    const column = (key) => results.map((r) => r[key]);
    console.log(
      `${bases.length > 1 ? `${base} ` : ""}${name.padEnd(11)} ${path}  LCP ${summary(column("lcp"))}  TTFB ${summary(column("ttfb"), "ms", 1, 1)}` +
        `  first /api/ ${summary(column("firstApi"))}  /api/ done ${summary(column("apiDone"))}` +
        `  transferred ${summary(column("bytes"), "KB", 1024, 1)}  [${results.length} rounds; LCP element ${results[0].lcpElement}]`,
    );
  }
} catch (error) {
  console.error(error.message);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
