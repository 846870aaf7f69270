// Size budgets: what a reader pays at most, from budgets.json. dist/ is served by nginx with
// deploy/nginx.conf (brotli, as a reader gets it) and loaded in Chromium; each measure is compared
// with its budget, and a measure over it fails with the budget's name, the measure and the
// overshoot. Raising a budget is a deliberate change to budgets.json alone.
//
// "Before the first chart" is make bench's "KB→chart" (bench/run.mjs): the document's transfer
// size plus that of every resource that finished before the frame showing the first chart
// (`.chart-svg svg` on screen) was painted. On a fast link, requests that the chart does not wait
// for (the loader, the JS glue) sometimes finish first and sometimes not; so that the measure does
// not depend on the race, every request but the document's is held until the chart is on screen,
// and let go then. A chart that cannot appear without one of them (a blocking stylesheet, a chart
// only the app draws) waits for HOLD_MS, then gets everything, and pays for what it fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, launch, readerWasms } from './harness.mjs';
import { startNginx } from '../tools/nginx.mjs';

const BUDGETS_FILE = resolve('budgets.json');
const { budgets } = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8'));
const HOLD_MS = 10000;

const files = readdirSync(DIST);
// Each page of the reader has its own WASM (the overview's, the ranking's): the budget is each one's.
const WASMS = readerWasms(DIST);
const EMBEDS = files.filter((f) => /^embed-\w+\.html$/.test(f)).sort();
const PAGES = ['index.html', 'xep-hang.html'];
const MANIFEST = JSON.parse(readFileSync(join(DIST, 'data/index.json'), 'utf8'));
const VERSION = MANIFEST.snapshots.find((s) => s.id === MANIFEST.default).versions[0].version;
/** An embed as the embed dialog links it: pinned to the version on screen. */
const embedLink = (f) => `${f}?lang=vi&theme=auto&snapshot=${MANIFEST.default}&v=${VERSION}`;

let nginx, browser;
before(async () => {
  nginx = await startNginx(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

const kb = (n) => `${n.toLocaleString('en')} bytes (${(n / 1024).toFixed(1)} KB)`;

/** Fails, naming the budget, when any measure is over it; reports every measure either way. */
function check(t, id, measures) {
  const budget = budgets[id];
  assert.ok(budget && Number.isInteger(budget.bytes), `budgets.json has no budget "${id}"`);
  for (const m of measures) t.diagnostic(`${id}: ${m.what}: ${kb(m.bytes)} of ${kb(budget.bytes)}${m.detail ? ` (${m.detail})` : ''}`);
  // A budget set at today's measure, above the target it works towards: the gap, said each run.
  if (budget.target !== undefined) {
    assert.ok(Number.isInteger(budget.target) && budget.target < budget.bytes, `"${id}": a target is below its budget`);
    for (const m of measures.filter((x) => x.bytes > budget.target)) {
      t.diagnostic(`${id}: ${m.what} is ${kb(m.bytes - budget.target)} over the target ${kb(budget.target)} (${budget.why ?? ''})`);
    }
  }
  const over = measures.filter((m) => m.bytes > budget.bytes);
  assert.deepEqual(over.map((m) => m.what), [], `over budget "${id}" (${budget.measure}):\n${over
    .map((m) => `  ${m.what}: ${kb(m.bytes)}, ${kb(m.bytes - budget.bytes)} (${(100 * (m.bytes / budget.bytes - 1)).toFixed(1)}%) over its ${kb(budget.bytes)}${m.detail ? `\n    ${m.detail}` : ''}`)
    .join('\n')}\n  (the budgets are in ${BUDGETS_FILE}; raising one is a deliberate, reviewed change)`);
}

/** A fresh tab that marks the frame that first shows a chart (as bench/run.mjs does). */
async function tab() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(() => {
    const shown = () => [...document.querySelectorAll('.chart-svg svg')].find((e) => e.checkVisibility());
    new MutationObserver((_, obs) => {
      if (shown()) { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => performance.mark('chart'))); }
    }).observe(document, { childList: true, subtree: true });
  });
  const encodings = [];
  page.on('response', async (r) => encodings.push([r.url(), (await r.allHeaders())['content-encoding']]));
  return { page, context, encodings };
}

/** What Chromium fetched, as [name, transfer size, finished at], the document first. */
const fetched = (page) => page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return [[nav.name, nav.transferSize, nav.responseEnd], ...performance.getEntriesByType('resource').map((r) => [r.name, r.transferSize, r.responseEnd])];
});
const name = (url) => new URL(url).pathname.slice(1) || 'index.html';
const listed = (list) => list.map(([url, bytes]) => `${name(url)} ${bytes.toLocaleString('en')}`).join(', ');

function assertBrotli(encodings, what) {
  // Compressible responses came brotli-compressed: the measure is of what a reader gets.
  const plain = encodings.filter(([url, enc]) => /\.(html|js|wasm|json|svg)$|\/$/.test(new URL(url).pathname) && enc !== 'br');
  assert.deepEqual(plain, [], `${what}: not sent with brotli`);
}

/**
 * Loads `path` once: what arrived before its first chart (see the top of the file) and, with
 * `idle`, everything fetched once it is loaded and idle, untouched (the held requests let go).
 */
async function load(path, { idle = false } = {}) {
  const { page, context, encodings } = await tab();
  const held = [];
  let open = false;
  const letGo = () => { open = true; for (const r of held.splice(0)) r.continue().catch(() => {}); };
  await page.route('**/*', (route) => (open || route.request().isNavigationRequest() ? route.continue() : held.push(route)));
  await page.goto(nginx.url + path, { waitUntil: 'commit' });
  const marked = (timeout) => page.waitForFunction(() => performance.getEntriesByName('chart').length > 0, null, { timeout });
  let waited = false;
  try {
    await marked(HOLD_MS);
  } catch {
    waited = true; // the chart needs something held: it gets it, and pays for it
  }
  letGo();
  if (waited) await marked(30000);
  // What finished before the chart is in the timeline by now.
  const chart = await page.evaluate(() => performance.getEntriesByName('chart')[0].startTime);
  const what = path.split('?')[0];
  const before = (await fetched(page)).filter(([, , end], i) => i === 0 || end <= chart);
  const out = { first: { what, bytes: sum(before), detail: `fetched: ${listed(before)}${waited ? `; the chart waited for a held request (${HOLD_MS} ms)` : ''}` } };
  if (idle) {
    await page.waitForLoadState('networkidle');
    const all = await fetched(page);
    // Untouched, an embed has not started the app.
    assert.equal(all.filter(([url]) => url.endsWith('.wasm')).length, 0, `${path} fetched the WASM before its reader touched it`);
    out.idle = { what, bytes: sum(all), detail: `fetched: ${listed(all)}` };
  }
  assertBrotli(encodings, path);
  await context.close();
  return out;
}
const sum = (list) => list.reduce((s, [, b]) => s + b, 0);

// Byte counts do not depend on timing: pages are measured side by side, and each embed is loaded
// once for both of its budgets.
let embeds;
const embedMeasures = () => (embeds ??= Promise.all(EMBEDS.map((e) => load(embedLink(e), { idle: true }))));

test('budget: bytes before the first chart, each page', async (t) => {
  const measures = await Promise.all(PAGES.map((p) => load(p)));
  check(t, 'page-first-chart', measures.map((m) => m.first));
});

test('budget: bytes before the first chart, each embed', async (t) => {
  check(t, 'embed-first-chart', (await embedMeasures()).map((m) => m.first));
});

test('budget: bytes an embed costs until its reader interacts', async (t) => {
  check(t, 'embed-until-interaction', (await embedMeasures()).map((m) => m.idle));
});

test('budget: each reader\'s WASM, brotli', async (t) => {
  // index.html's and xep-hang.html's, each also loaded by the embed pages of its page's charts.
  for (const page of PAGES) assert.ok(WASMS.some((w) => w.pages.includes(page)), `${page} loads no WASM`);
  assert.equal(WASMS.length, PAGES.length, `one WASM per page: ${JSON.stringify(WASMS)}`);
  const measures = await Promise.all(WASMS.map(({ wasm, pages }) => new Promise((ok, fail) => {
    request(new URL(wasm, nginx.url), { headers: { 'accept-encoding': 'br' } }, (res) => {
      assert.equal(res.headers['content-encoding'], 'br', `${wasm}: not sent with brotli`);
      const chunks = [];
      res.on('data', (c) => chunks.push(c)).on('end', () => ok({
        what: `${wasm} (${pages.filter((p) => !p.startsWith('embed-')).join(', ')} and ${pages.filter((p) => p.startsWith('embed-')).length} embed pages)`,
        bytes: Buffer.concat(chunks).length,
        detail: `${readFileSync(join(DIST, wasm)).length.toLocaleString('en')} bytes uncompressed`,
      }));
    }).on('error', fail).end();
  })));
  check(t, 'wasm', measures);
});
