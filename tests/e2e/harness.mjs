// The browser-test harness: a plain static file server (no rewrite rules, as any static host) over
// a copy of the release build, and the system Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = resolve(process.env.CHISO_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

/** A copy of dist/ that a test may change (break a data file, revise a snapshot). */
export function copyDist() {
  statSync(join(DIST, 'index.html')); // fails clearly when dist/ was not built
  const dir = mkdtempSync(join(tmpdir(), 'chiso-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return {
    dir,
    write(rel, content) { writeFileSync(join(dir, rel), content); },
    read(rel) { return readFileSync(join(dir, rel)); },
    remove() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * The app files a built page loads, read from the page and its loader: `{ loader, glue, wasm }`
 * (file names in `dir`), or `null` for a page with no app. Each page of the reader has a WASM of
 * its own (index.html the overview's, xep-hang.html the ranking's, each embed page its chart's
 * page's), so a test names the page whose files it means.
 */
export function appFiles(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const loader = html.match(/<script type="module" src="\.\/([^"]+\.js)"/)?.[1];
  if (!loader) return null;
  const source = readFileSync(join(dir, loader), 'utf8');
  return {
    loader,
    glue: source.match(/import\('\.\/([^']+\.js)'\)/)?.[1],
    wasm: source.match(/fetch\('\.\/([^']+\.wasm)'/)?.[1],
  };
}

/** Every reader's WASM in `dir` (one per page; not the studio's), by its pages. */
export function readerWasms(dir) {
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'studio.html').sort();
  const by = new Map();
  for (const page of pages) {
    const app = appFiles(dir, page);
    if (app) by.set(app.wasm, [...(by.get(app.wasm) ?? []), page]);
  }
  return [...by].map(([wasm, used]) => ({ wasm, pages: used }));
}

/**
 * Serves `root` on a free loopback port. Directory URLs get their index.html; nothing else is rewritten.
 * `log: true` records every request (`requests`, and `count(path)` for one path); `headScript`
 * ({ path, source }) serves a same-origin script at `path` and puts it first in the head of every
 * HTML page (the cross-engine tests' probe, where an engine reports no console to its driver).
 */
export async function serve(root, port = 0, { log = false, headScript } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (log) requests.push({ method: req.method, path: url.pathname, search: url.search, headers: req.headers });
    if (headScript && url.pathname === headScript.path) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(headScript.source);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(resolve(root))) { res.writeHead(403).end(); return; }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      let body = readFileSync(path);
      if (headScript && extname(path) === '.html') {
        body = body.toString('utf8').replace(/<head>/i, (h) => `${h}<script src="${headScript.path}"></script>`);
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}/`,
    requests,
    /** How many requests for `path` (`/data/index.json`) were served so far. */
    count: (path) => requests.filter((r) => r.path === path).length,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that records console errors and uncaught exceptions, for tests to assert none. */
export async function openPage(browser, { width = 1280, height = 900, ...rest } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...rest });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) page.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return page;
}

/**
 * What every test file needs, set up once for the file: a copy of dist/ (changed by `prepare`
 * first, if given), served, and one Chromium. `bind` receives { site, server, browser }.
 */
export function useSite(bind, prepare) {
  const env = {};
  before(async () => {
    env.site = copyDist();
    await prepare?.(env.site);
    env.server = await serve(env.site.dir);
    env.browser = await launch();
    bind(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    env.site?.remove();
  });
}

/** Records layout shifts from the page's first paint on; read them with `layoutShift`. */
export function trackLayoutShift(page) {
  return page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
}

/** The cumulative layout shift recorded so far (CLS without session windows: every shift counts). */
export function layoutShift(page) {
  return page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
}

export { sep };
