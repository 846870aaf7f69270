// make bench, the growth case: what the ranking page costs as the data grows to the 1 MiB limit.
// `chiso-gen dist bench/out/scale` has written snapshots of ¼, ½ and all of the limit into a copy
// of dist/ (bench/out/scale/site) and their native validation times (bench/out/scale/manifest.json).
// Each is opened as `xep-hang.html?snapshot=ID&v=VERSION&ranking=ID`: the pre-rendered page was
// built from the bundled snapshot, so a link to other data hides it and the app draws the big one.
// On the phone profile of bench/run.mjs, a few interleaved runs (SCALE_RUNS, default 3), medians:
// validation (native, and in the browser from the snapshot's last byte to the page built), the
// first chart, hover latency on the ranking chart (bench/hover.mjs), JS heap and WASM memory after load. A benchmark,
// not a test: it reports and never fails the build.
import { createServer } from 'node:http';
import { readFileSync, statSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { hoverChart, FRAME_MS } from './hover.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'out', 'scale');
const SITE = join(OUT, 'site');
const RUNS = Number(process.env.SCALE_RUNS ?? 3);
const HOVERS = Number(process.env.SCALE_HOVERS ?? 7);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-precise-memory-info'];
// The same phone as bench/run.mjs: 4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms round trip.
const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.625, cpu: 4,
  net: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) } };

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };
const bodies = new Map();

// Brotli, compressed once ahead of time as a CDN would have it cached (PNGs as they are).
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { precompress(p); continue; }
    const raw = readFileSync(p);
    bodies.set(p, extname(p) === '.png' ? { raw } : { raw, br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) });
  }
}

function serve() {
  precompress(SITE);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = normalize(join(SITE, decodeURIComponent(url.pathname)));
    if (!path.startsWith(SITE)) { res.writeHead(403).end(); return; }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    const b = bodies.get(path);
    if (!b) { res.writeHead(404).end(); return; }
    const br = b.br && (req.headers['accept-encoding'] ?? '').includes('br');
    const body = br ? b.br : b.raw;
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'content-length': body.length };
    if (br) headers['content-encoding'] = 'br';
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Before any script of the page: when the app's page is in the DOM, when its first chart is on
// screen (the app's: the static page is hidden, and the app's stays invisible until every chart
// of the page is drawn), and the WASM's linear memory (not in the JS heap).
const HOOKS = () => {
  const seen = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility({ visibilityProperty: true }));
  new MutationObserver((_, obs) => {
    if (window.__page == null && document.querySelector('#app article[data-snapshot]')) window.__page = performance.now();
    if (seen('#app .chart-area[data-testid^=chart-] svg')) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => performance.mark('chart')));
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  const keep = (r) => { const m = r?.instance?.exports?.memory; if (m instanceof WebAssembly.Memory) window.__wasmMemory = m; return r; };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
};

// The ranking page (hovered) and the overview, where every indicator is drawn.
const PAGES = [
  { name: 'ranking', title: 'ranking page (xep-hang.html)', file: 'xep-hang.html', ranking: true, hover: true },
  { name: 'overview', title: 'overview (index.html)', file: '' },
].filter((p) => !process.env.SCALE_PAGES || process.env.SCALE_PAGES.split(',').includes(p.name));

async function measure(browser, origin, page, snap) {
  const context = await browser.newContext({ viewport: PHONE.viewport, isMobile: PHONE.isMobile, hasTouch: PHONE.hasTouch, deviceScaleFactor: PHONE.deviceScaleFactor });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE.net);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  await tab.addInitScript(HOOKS);
  const path = `/${page.file}?snapshot=${snap.id}&v=${snap.version}${page.ranking ? `&ranking=${snap.ranking}` : ''}`;
  await tab.goto(origin + path, { waitUntil: 'commit' });
  await tab.waitForFunction(() => performance.getEntriesByName('chart').length > 0, null, { timeout: 120000, polling: 250 });
  await tab.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 60000, polling: 250 }).catch(() => {});
  await tab.waitForLoadState('networkidle').catch(() => {});
  const out = await tab.evaluate((file) => {
    const snapshot = performance.getEntriesByType('resource').find((r) => r.name.endsWith(file));
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {
      firstChart: performance.getEntriesByName('chart')[0]?.startTime ?? null,
      snapshotEnd: snapshot?.responseEnd ?? null,
      snapshotWire: snapshot?.transferSize ?? null,
      validate: snapshot && window.__page != null ? window.__page - snapshot.responseEnd : null,
      bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
      nodes: document.querySelectorAll('*').length,
    };
  }, snap.path);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  out.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  out.wasm = await tab.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  if (page.hover) out.hover = await hoverChart(tab, cdp, '#app [data-testid=chart-ranking]', HOVERS);
  out.errors = errors;
  await context.close();
  return out;
}

function median(xs) {
  const v = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const num = (v, digits = 0) => (v == null ? '–' : v.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const KINDS = ['enter', 'within', 'across', 'idle'];
const ANSWERS = ['enter', 'within', 'across'];
const latencies = (hs) => hs.filter(Boolean).map((h) => h.latency);
const hoverCell = (hs) => (latencies(hs).length ? `${num(median(latencies(hs)), 1)} (${num(Math.max(...latencies(hs)), 1)})` : '–');
const inFirst = (hover) => {
  const all = ANSWERS.flatMap((k) => hover[k]);
  return `${all.filter((h) => h && h.missed === 0).length}/${all.length}`;
};

// Columns: heading, cell, and the key whose growth is shown (none: not a measure that grows).
const COLUMNS = {
  native: ['native parse ms', (r) => num(r.native, 1), 'native'],
  json: ['(JSON alone)', (r) => num(r.json, 1), 'json'],
  wire: ['wire KB', (r) => num(r.wire / 1024, 1), 'wire'],
  validate: ['bytes→page ms', (r) => num(r.validate), 'validate'],
  firstChart: ['first chart ms', (r) => num(r.firstChart), 'firstChart'],
  enter: ['enter ms (worst)', (r) => hoverCell(r.hover.enter), 'enter'],
  across: ['across ms (worst)', (r) => hoverCell(r.hover.across), 'across'],
  within: ['within ms (worst)', (r) => hoverCell(r.hover.within), 'within'],
  inFrame: ['in 1st frame', (r) => inFirst(r.hover), null],
  idle: ['idle move ms (worst)', (r) => hoverCell(r.hover.idle), null],
  nodes: ['DOM nodes', (r) => num(r.nodes), 'nodes'],
  heap: ['JS heap MB', (r) => num(r.heap / 1048576, 2), 'heap'],
  wasm: ['WASM MB', (r) => num(r.wasm / 1048576, 1), 'wasm'],
};

function table(facts, page, results) {
  const rows = facts.snapshots.map((s) => {
    const r = results[s.id];
    const m = (k) => median(r.map((x) => x[k]));
    return {
      s,
      native: s.native.parse_ms,
      json: s.native.json_ms,
      wire: m('snapshotWire'),
      validate: m('validate'),
      firstChart: m('firstChart'),
      // Every hover of every run, pooled: the worst is the worst of them all.
      hover: Object.fromEntries(KINDS.map((k) => [k, r.flatMap((x) => x.hover?.[k] ?? [])])),
      ...Object.fromEntries(KINDS.map((k) => [k, median(latencies(r.flatMap((x) => x.hover?.[k] ?? [])))])),
      nodes: m('nodes'),
      heap: m('heap'),
      wasm: m('wasm'),
      runs: r.length,
    };
  });
  const cols = (page.hover
    ? ['native', 'json', 'wire', 'validate', 'firstChart', 'enter', 'across', 'within', 'inFrame', 'idle', 'heap', 'wasm']
    : ['validate', 'firstChart', 'nodes', 'heap', 'wasm']).map((k) => COLUMNS[k]);
  const name = (s) => (s.id === 'bench-scale-bundled' ? 'bundled' : `${s.id.replace('bench-scale-', '')}%`);
  const label = (s) => `${name(s)} (${(s.bytes / 1024).toFixed(0)} KB, ${s.indicators} ind., ${s.units} units)`;
  const lines = [
    `\n## growth to the ${facts.limit / 1048576} MiB limit: ${page.title}, phone (${RUNS} interleaved runs, medians${page.hover ? `; ${HOVERS} hovers a run` : ''})\n`,
    `| snapshot | ${cols.map((c) => c[0]).join(' | ')} | runs |`,
    `|---|${cols.map(() => '---:').join('|')}|---:|`,
    ...rows.map((r) => `| ${label(r.s)} | ${cols.map((c) => c[1](r)).join(' | ')} | ${r.runs} |`),
  ];
  // How each grows: ½ ÷ ¼ and 1 ÷ ½ (the data doubles each time: linear is ~2×).
  const [q, h, f] = ['25', '50', '100'].map((n) => rows.find((r) => r.s.id === `bench-scale-${n}`));
  if (q && h && f) {
    const grow = cols.filter((c) => c[2]);
    lines.push('', `| growth | ${grow.map((c) => c[0]).join(' | ')} |`, `|---|${grow.map(() => '---:').join('|')}|`);
    for (const [a, b, n] of [[h, q, '½ ÷ ¼'], [f, h, '1 ÷ ½']]) {
      lines.push(`| ${n} (bytes ${ratio(a.s.bytes, b.s.bytes)}) | ${grow.map((c) => ratio(a[c[2]], b[c[2]])).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  const facts = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
  // `SCALE_SNAPSHOTS=bundled,100` measures only those (a quicker look while working).
  const only = process.env.SCALE_SNAPSHOTS?.split(',');
  if (only) facts.snapshots = facts.snapshots.filter((s) => only.includes(s.id.replace('bench-scale-', '')));
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results = Object.fromEntries(PAGES.map((p) => [p.name, Object.fromEntries(facts.snapshots.map((s) => [s.id, []]))]));
  for (let run = 0; run < RUNS; run++) {
    for (const snap of facts.snapshots) {
      for (const page of PAGES) {
        try {
          const r = await measure(browser, origin, page, snap);
          for (const e of r.errors) console.error(`scale ${page.name} ${snap.id}: page error: ${e}`);
          results[page.name][snap.id].push(r);
        } catch (e) {
          console.error(`scale ${page.name} ${snap.id}: ${e.message.split('\n')[0]}`);
        }
      }
    }
  }
  await browser.close();
  server.close();
  const text = [
    ...PAGES.map((p) => table(facts, p, results[p.name])),
    '',
    `native: parse_snapshot in chiso-gen, the least of many runs (${facts.native_profile} build, this machine, no throttling). bytes→page: from the snapshot's last byte to the app's page in the DOM (validation, then building the page). first chart: the app's, on screen (the pre-rendered page is of the bundled data and hides itself). hover (bench/hover.mjs): a real mouse move (DevTools Input.dispatchMouseEvent), from the event's timestamp to the end of the main thread's work on the first frame that shows the answer, median (worst) of every hover of every run: onto a mark from beside the chart (enter), within it (within: nothing changes), onto the next mark (across), and beside the chart (idle move: no script answers it, the floor); in 1st frame: answers whose frame was done within the first frame to begin after the input (${FRAME_MS.toFixed(1)} ms a frame), of all moves; a move the tooltip did not answer as it should counts as missed. JS heap after a forced GC; WASM: the app's linear memory.`,
  ].join('\n');
  console.log(text);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(OUT, 'report.md'), `# make bench, growth — ${new Date().toISOString()}\n${text}\n`);
  console.log(`\nwritten: bench/out/scale/report.md, bench/out/scale/results.json (${Math.round((Date.now() - started) / 1000)} s)`);
}

main().catch((e) => { console.error(`bench scale: ${e.message}`); }).finally(() => process.exit(0));
