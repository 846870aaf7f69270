// make bench: Chỉ số beside the same two charts built with uPlot, Chart.js, ECharts and Vega-Lite,
// and a static SVG page (the floor), in headless Chromium, served with compression as a CDN
// would. Desktop without throttling, and a mid-range phone (4× CPU slowdown, 1.6 Mbps, 150 ms
// round trip, 412×823). Several interleaved runs; medians; ratios to ours. A benchmark, not a
// test: it reports and never fails the build.
import { createServer } from 'node:http';
import { readFileSync, statSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CLOCK } from './hover.mjs';
import { contentFloor } from './content.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const RUNS = Number(process.env.RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-precise-memory-info'];

const ROOTS = {
  chiso: process.env.CHISO_DIST ?? join(root, 'dist'),
  static: join(here, 'out', 'static'),
  content: join(here, 'out', 'content'),
  uplot: join(here, 'out', 'pages', 'uplot'),
  chartjs: join(here, 'out', 'pages', 'chartjs'),
  echarts: join(here, 'out', 'pages', 'echarts'),
  vegalite: join(here, 'out', 'pages', 'vegalite'),
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };
const cache = new Map();

function compressed(path, enc) {
  const key = `${path}:${enc}`;
  if (!cache.has(key)) {
    const raw = readFileSync(path);
    const body = enc === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : enc === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, body);
  }
  return cache.get(key);
}

function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { precompress(p); continue; }
    for (const enc of ['br', 'gzip', 'identity']) compressed(p, enc);
  }
}

function serve() {
  // Compressed once, ahead of time, as a CDN would have it cached: no request pays for brotli.
  for (const dir of Object.values(ROOTS)) if (existsSync(dir)) precompress(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const [, site, ...rest] = url.pathname.split('/');
    const base = ROOTS[site];
    if (!base) { res.writeHead(404).end(); return; }
    let path = normalize(join(base, decodeURIComponent(rest.join('/'))));
    if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const accept = req.headers['accept-encoding'] ?? '';
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const enc = type.startsWith('image/png') ? 'identity' : accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : 'identity';
      const body = compressed(path, enc);
      const headers = { 'content-type': type, 'cache-control': 'no-store', 'content-length': body.length };
      if (enc !== 'identity') headers['content-encoding'] = enc;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 }, cpu: 1, net: null },
  phone: { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.625, cpu: 4,
    net: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) } },
};

// Our page's hooks, the same contract the peer pages implement themselves.
// `drawn`: what counts as our first chart: the pre-rendered one counts (it is what a reader sees),
// on the page and in the embed page alike.
// The static page draws each chart at three widths and a screen shows one: only a drawing on
// screen counts, and only a bar on screen is pointed at.
const OURS = (drawn) => {
  const shown = (sel) => [...document.querySelectorAll(sel)].find((e) => e.checkVisibility());
  const chart = () => shown('[data-testid=chart-pillars] svg, #chart-pillars svg, #chart-pillars-vi svg');
  new MutationObserver((_, obs) => {
    if (document.querySelector(drawn) && shown(drawn)) { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => performance.mark('chart'))); }
  }).observe(document, { childList: true, subtree: true });
  window.__probe = () => {
    const c = chart(); if (!c) return null;
    c.scrollIntoView({ block: 'center' });
    const r = c.querySelectorAll('rect')[1].getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  // A tooltip that shows: the pre-rendered chart has one per mark, shown by CSS on hover.
  window.__tip = () => [...document.querySelectorAll('#chart-pillars [data-testid=tooltip], #chart-pillars-vi [data-testid=tooltip]')].some((t) => t.checkVisibility());
};
const COMMON = () => {
  window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
};

const VERSION = JSON.parse(readFileSync(join(ROOTS.chiso, 'data', 'index.json'), 'utf8')).snapshots[0].versions[0].version;
const PAGES = [
  { name: 'Chỉ số (page)', path: '/chiso/', ours: '.chart-svg svg' },
  // The embed as the embed dialog's snippet links it: its own page, pinned to the latest version.
  { name: 'Chỉ số (embed)', path: `/chiso/embed-pillars.html?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023&v=${VERSION}`, ours: '.chart-svg svg' },
  { name: 'static SVG', path: '/static/', floor: true },
  { name: 'uPlot', path: '/uplot/' },
  { name: 'Chart.js', path: '/chartjs/' },
  { name: 'ECharts', path: '/echarts/' },
  { name: 'Vega-Lite', path: '/vegalite/' },
];

// `ONLY=uPlot,static` measures our two pages beside just those (a quicker look while working);
// `LIGHTHOUSE=0` skips Lighthouse. `make bench` runs everything.
const ONLY = process.env.ONLY?.split(',').map((s) => s.trim().toLowerCase());
if (ONLY) PAGES.splice(0, PAGES.length, ...PAGES.filter((p) => p.ours || ONLY.some((o) => p.name.toLowerCase().includes(o))));

// A fresh tab under the profile, with the hooks that mark the first chart.
async function open(browser, page, profile) {
  const p = PROFILES[profile];
  const context = await browser.newContext({ viewport: p.viewport, isMobile: p.isMobile, hasTouch: p.hasTouch, deviceScaleFactor: p.deviceScaleFactor });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (p.net) await cdp.send('Network.emulateNetworkConditions', p.net);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
  await tab.addInitScript(COMMON);
  // The floor has no script: its chart is drawn when the parser reaches the SVG. It is watched by
  // the same hook as ours, so that both pay the same for being watched.
  if (page.ours || page.floor) await tab.addInitScript(OURS, page.ours ?? 'svg');
  return { context, tab, cdp };
}

// When the first chart, the first contentful paint and DOMContentLoaded came (navigation start = 0).
const PAINT = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    firstChart: performance.getEntriesByName('chart')[0]?.startTime ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    dcl: nav.domContentLoadedEventEnd || null,
  };
};

async function measure(browser, origin, page, profile) {
  const { context, tab, cdp } = await open(browser, page, profile);
  const out = {};
  await tab.goto(origin + page.path, { waitUntil: 'commit' });
  // Hover readiness: keep pointing at the first pillar bar until a tooltip answers.
  const deadline = Date.now() + 60000;
  out.hoverReady = null;
  if (!page.floor) {
    while (Date.now() < deadline) {
      const probe = await tab.evaluate(() => (window.__probe && window.__tip ? window.__probe() : null)).catch(() => null);
      if (probe) {
        await tab.mouse.move(probe.x, probe.y + (Math.random() - 0.5));
        const t = await tab.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(window.__tip() ? performance.now() : null))));
        if (t) { out.hoverReady = t; break; }
      }
      await tab.waitForTimeout(25);
    }
  }
  await tab.waitForFunction(() => performance.getEntriesByName('chart').length > 0, null, { timeout: 60000 }).catch(() => {});
  await tab.waitForLoadState('networkidle').catch(() => {});
  Object.assign(out, await tab.evaluate(() => {
    const chart = performance.getEntriesByName('chart')[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const total = nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0);
    const before = chart == null ? null : nav.transferSize + res.filter((r) => r.responseEnd <= chart).reduce((s, r) => s + r.transferSize, 0);
    return { firstChart: chart, bytes: total, bytesBefore: before, requests: 1 + res.length, cls: window.__cls };
  }));
  Object.assign(out, await tab.evaluate(PAINT));
  // Ours is loaded once the app has taken over (an embed page waits for its reader: it stays static).
  if (page.ours) await tab.waitForFunction(() => !document.getElementById('boot') || document.documentElement.dataset.embed, null, { timeout: 60000 }).catch(() => {});
  // JS heap after load (after a forced GC), before the interactions below add their own.
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  out.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // Tooltip latency: from the mouse event's timestamp to the end of the frame that paints the
  // tooltip (bench/hover.mjs).
  if (out.hoverReady) {
    await tab.evaluate(CLOCK);
    const lat = [];
    for (let i = 0; i < 3; i++) {
      await tab.mouse.move(1, 1);
      await tab.waitForTimeout(150);
      const probe = await tab.evaluate(() => window.__probe());
      // The probe may scroll, and a scroll moves no real mouse but may send a move of its own.
      await tab.waitForTimeout(50);
      await tab.evaluate(() => window.__clock.arm(() => window.__tip()));
      await tab.mouse.move(probe.x, probe.y);
      // Read once the answer is on screen: a DevTools call would compete with the frames measured.
      await tab.waitForTimeout(120);
      lat.push((await tab.evaluate(() => window.__clock.result()))?.latency ?? null);
    }
    await tab.evaluate(() => window.__clock.stop());
    out.tooltip = median(lat);
  }
  if (page.path === '/chiso/') {
    out.lang = await tab.evaluate(() => new Promise((ok) => {
      const t0 = performance.now();
      document.querySelector('[data-testid=lang-switch]').click();
      const f = () => (document.documentElement.lang === 'en' && document.querySelector('[data-testid=chart-pillars] svg')?.textContent.includes('81.3%') ? requestAnimationFrame(() => ok(performance.now() - t0)) : requestAnimationFrame(f));
      f();
    }));
  }
  await context.close();
  return out;
}

function median(xs) {
  const v = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const fmt = (v, unit) => v == null ? '–' : unit === 'KB' ? (v / 1024).toFixed(1) : unit === 'MB' ? (v / 1048576).toFixed(2) : unit === 'x' ? `${v.toFixed(2)}×` : unit === 'cls' ? v.toFixed(3) : Math.round(v).toString();

function table(profile, results) {
  const cols = [['wire KB', 'bytes', 'KB'], ['req', 'requests', ''], ['KB→chart', 'bytesBefore', 'KB'], ['chart ms', 'firstChart', ''], ['FCP ms', 'fcp', ''], ['DCL ms', 'dcl', ''], ['hover ms', 'hoverReady', ''], ['tip ms', 'tooltip', ''], ['lang ms', 'lang', ''], ['heap MB', 'heap', 'MB'], ['CLS', 'cls', 'cls']];
  const rows = PAGES.map((p) => [p.name, ...cols.map(([, k]) => median(results[p.name].map((r) => r[k])))]);
  const ours = rows[0];
  const lines = [`\n## ${profile} (${RUNS} interleaved runs, medians)\n`, `| page | ${cols.map((c) => c[0]).join(' | ')} | ours÷it: chart | ours÷it: wire |`, `|---|${cols.map(() => '---:').join('|')}|---:|---:|`];
  for (const r of rows) {
    const ratio = (i) => (r[i] && ours[i] ? ours[i] / r[i] : null);
    lines.push(`| ${r[0]} | ${cols.map(([, , u], i) => fmt(r[i + 1], u)).join(' | ')} | ${fmt(ratio(4), 'x')} | ${fmt(ratio(1), 'x')} |`);
  }
  return lines.join('\n');
}

// Issue #16 §6: on the phone, each of our pages and every embed page (pinned, as the embed dialog
// links it) beside the static floor, interleaved: the first chart, FCP and DCL, and the first
// chart's ratio to the floor (the target is 1.1×). Each page is held to the floor of the chart it
// shows first, in its language (`chiso-prerender --static-page`: that chart alone as inline SVG,
// no script), and, as before, to the pillar chart's (`static/`).
async function firstPaints(browser, origin) {
  const embeds = readdirSync(ROOTS.chiso).filter((f) => /^embed-[a-z]+\.html$/.test(f)).sort();
  const ours = [
    { name: 'index.html', path: '/chiso/', ours: '.chart-svg svg', first: 'headline.vi' },
    { name: 'xep-hang.html', path: '/chiso/xep-hang.html', ours: '.chart-svg svg', first: 'ranking.vi' },
    // An English reader's: the page, and its English content fetched beside it (index.en.html).
    { name: 'index.html?lang=en', path: '/chiso/?lang=en', ours: '.static-en .chart-svg svg', first: 'headline.en' },
    { name: 'xep-hang.html?lang=en', path: '/chiso/xep-hang.html?lang=en', ours: '.static-en .chart-svg svg', first: 'ranking.en' },
    ...embeds.map((f) => ({ name: f, path: `/chiso/${f}?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023&v=${VERSION}`, ours: '.chart-svg svg', first: `${f.slice(6, -5)}.vi` })),
  ];
  // A Vietnamese reader's page has a content floor (bench/content.mjs, written by `contentFloors`).
  for (const p of ours) if (!p.name.includes('lang=en')) p.content = `content ${p.name}`;
  const floors = [...new Set(ours.map((p) => p.first))].sort().map((f) => ({ name: `floor ${f}`, path: `/static/${f}.html`, floor: true }));
  const contents = ours.filter((p) => p.content).map((p) => ({ name: p.content, path: `/content/${p.name}`, floor: true, ours: '.chart-svg svg', first: p.first }));
  const pages = [{ name: 'static SVG (floor)', path: '/static/', floor: true }, ...floors, ...contents, ...ours];
  const results = Object.fromEntries(pages.map((p) => [p.name, Array(RUNS).fill(null)]));
  for (let run = 0; run < RUNS; run++) {
    for (const page of pages) {
      const { context, tab } = await open(browser, page, 'phone');
      try {
        await tab.goto(origin + page.path, { waitUntil: 'load' });
        await tab.waitForFunction(() => performance.getEntriesByName('chart').length > 0, null, { timeout: 30000 });
        results[page.name][run] = await tab.evaluate(PAINT);
      } catch (e) {
        console.error(`first paint ${page.name}: ${e.message.split('\n')[0]}`);
      }
      await context.close();
    }
  }
  const m = (name, k) => median(results[name].filter(Boolean).map((r) => r[k]));
  // The ratio run by run (a page beside its floor, loaded moments apart), then its median and
  // quartiles: the machine's drift between runs moves both alike and cancels.
  const ratios = (name, floorName) => results[name].map((r, i) => r && results[floorName][i] ? r.firstChart / results[floorName][i].firstChart : null).filter(Number.isFinite).sort((a, b) => a - b);
  const q = (v, f) => v.length ? v[Math.min(v.length - 1, Math.floor(v.length * f))] : null;
  const span = (r) => (r.length ? `${fmt(q(r, 0.25), 'x')}–${fmt(q(r, 0.75), 'x')}` : '');
  // The content floor splits the gap: what the first screen's content costs (content ÷ its floor)
  // and what our machinery costs on top (chart ÷ content floor).
  const lines = [`\n## first paint, phone (${RUNS} interleaved runs; medians, and the ratio's median with its quartiles run by run; issue #16 §6: chart ≤ 1.1× the floor of the same chart)\n`,
    '| page | chart ms | FCP ms | DCL ms | its floor | floor ms | chart ÷ its floor | quartiles | chart ÷ content floor | quartiles | chart ÷ pillar floor |', '|---|---:|---:|---:|---|---:|---:|---|---:|---|---:|'];
  for (const p of pages) {
    const own = p.first ? `floor ${p.first}` : null;
    const r = own ? ratios(p.name, own) : [];
    const c = p.content ? ratios(p.name, p.content) : [];
    const pillar = ratios(p.name, pages[0].name);
    lines.push(`| ${p.name} | ${fmt(m(p.name, 'firstChart'))} | ${fmt(m(p.name, 'fcp'))} | ${fmt(m(p.name, 'dcl'))} | ${p.first ?? ''} | ${fmt(own ? m(own, 'firstChart') : null)} | ${fmt(q(r, 0.5), 'x')} | ${span(r)} | ${fmt(q(c, 0.5), 'x')} | ${span(c)} | ${fmt(q(pillar, 0.5), 'x')} |`);
  }
  return lines.join('\n');
}

// Each of our Vietnamese pages' content floor (bench/content.mjs), for the phone's width.
function contentFloors() {
  mkdirSync(ROOTS.content, { recursive: true });
  const pages = readdirSync(ROOTS.chiso).filter((f) => f === 'index.html' || f === 'xep-hang.html' || /^embed-[a-z]+\.html$/.test(f));
  for (const f of pages) writeFileSync(join(ROOTS.content, f), contentFloor(readFileSync(join(ROOTS.chiso, f), 'utf8'), PROFILES.phone.viewport.width));
}

// The server lives in this process: Lighthouse must run beside it, not block it.
async function lighthouse(url, label) {
  const bin = join(here, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const outFile = join(here, 'out', `lighthouse-${label}.json`);
  try {
    await promisify(execFile)(process.execPath, [bin, url, '--quiet', '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json', `--output-path=${outFile}`, `--chrome-flags=${ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 240000, maxBuffer: 64 << 20 });
    const r = JSON.parse(readFileSync(outFile, 'utf8'));
    return Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  }
}

async function main() {
  mkdirSync(join(here, 'out'), { recursive: true });
  // The content floors are made below, from our pages.
  const needed = process.env.PAINT === 'only' ? ['chiso', 'static'] : Object.keys(ROOTS).filter((k) => k !== 'content');
  for (const [name, dir] of Object.entries(ROOTS)) if (needed.includes(name) && !existsSync(join(dir, 'index.html'))) throw new Error(`${name}: ${dir}/index.html is missing`);
  contentFloors();
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const report = [`# make bench — ${new Date().toISOString()}`];
  const all = {};
  // `PAINT=only` measures the first paint alone (below).
  for (const profile of process.env.PAINT === 'only' ? [] : Object.keys(PROFILES)) {
    const results = Object.fromEntries(PAGES.map((p) => [p.name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const page of PAGES) {
        try {
          results[page.name].push(await measure(browser, origin, page, profile));
        } catch (e) {
          console.error(`${profile} ${page.name}: ${e.message.split('\n')[0]}`);
        }
      }
    }
    all[profile] = results;
    const t = table(profile, results);
    console.log(t);
    report.push(t);
  }
  const paint = await firstPaints(browser, origin);
  console.log(paint);
  report.push(paint);
  await browser.close();
  const lh = [];
  for (const [label, path] of process.env.LIGHTHOUSE === '0' || process.env.PAINT === 'only' ? [] : [['page', PAGES[0].path], ['embed', PAGES[1].path]]) {
    const scores = await lighthouse(origin + path, label);
    const line = `Lighthouse (mobile) ${label}: ${scores.error ?? `Performance ${scores.performance}, Accessibility ${scores.accessibility}, Best Practices ${scores['best-practices']}, SEO ${scores.seo}`}`;
    console.log(line);
    lh.push(line);
  }
  report.push('', ...lh);
  server.close();
  writeFileSync(join(here, 'out', 'results.json'), JSON.stringify(all, null, 2));
  writeFileSync(join(here, 'out', 'report.md'), report.join('\n') + '\n');
  console.log(`\nwritten: bench/out/report.md, bench/out/results.json`);
}

main().catch((e) => { console.error(`bench: ${e.message}`); }).finally(() => process.exit(0));
