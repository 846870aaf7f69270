// A real web server: Debian's nginx serving the built dist/ with deploy/nginx.conf
// (tests/tools/nginx.mjs starts it on a free loopback port, in a temporary folder). The page and
// an embed in Chromium under the server's headers, the data, and the headers themselves: types,
// caching, precompressed brotli and gzip, the Content-Security-Policy header (each page's own
// policy plus who may frame it, framing tried for real from another origin), nosniff, referrer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appFiles, DIST, launch, openPage, serve } from './harness.mjs';
import { startNginx } from '../tools/nginx.mjs';

let nginx, browser;
before(async () => {
  nginx = await startNginx(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

const files = readdirSync(DIST);
// Each page of the reader loads its own app: the overview's (index.html) is the one named here.
const APPS = ['index.html', 'xep-hang.html'].map((p) => appFiles(DIST, p));
const { wasm: WASM, glue: GLUE, loader: BOOT } = APPS[0];
const PAGES = files.filter((f) => f.endsWith('.html'));
const EMBEDS = PAGES.filter((f) => /^embed-\w+\.html$/.test(f));
const MANIFEST = JSON.parse(readFileSync(join(DIST, 'data/index.json'), 'utf8'));
const SNAPSHOT = MANIFEST.snapshots.find((s) => s.id === MANIFEST.default).versions[0];

/** One request, its headers and its body as sent (not decompressed). */
function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(new URL(path, nginx.url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const metaCsp = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
const IMMUTABLE = 'public, max-age=31536000, immutable';

test('nginx sends each type as what it is: WASM, JS, HTML, JSON', async () => {
  for (const [path, type] of [
    [WASM, /^application\/wasm$/],
    [GLUE, /^(?:text|application)\/javascript(?:; charset=utf-8)?$/],
    [BOOT, /^(?:text|application)\/javascript(?:; charset=utf-8)?$/],
    ['', /^text\/html; charset=utf-8$/],
    ['embed-pillars.html', /^text\/html; charset=utf-8$/],
    ['data/index.json', /^application\/json(?:; charset=utf-8)?$/],
    [SNAPSHOT.path, /^application\/json(?:; charset=utf-8)?$/],
    ['favicon.svg', /^image\/svg\+xml(?:; charset=utf-8)?$/],
  ]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers['content-type'], type, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
    assert.equal(r.headers['referrer-policy'], 'no-referrer', path);
  }
});

test('hashed assets are cached for ever; pages, data and other files are revalidated', async () => {
  const hashed = files.filter((f) => /-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$/.test(f));
  assert.ok(hashed.length >= 3, `hashed assets: ${hashed}`);
  for (const f of hashed) assert.equal((await get(f)).headers['cache-control'], IMMUTABLE, f);
  for (const path of ['', 'index.html', 'xep-hang.html', ...EMBEDS, 'data/index.json', SNAPSHOT.path, 'favicon.svg', 'sw.js']) {
    const r = await get(path);
    assert.equal(r.headers['cache-control'], 'no-cache', path);
    // Revalidation is cheap: the same ETag answers 304 with no body.
    assert.ok(r.headers.etag, `${path}: no ETag`);
    const again = await get(path, { 'if-none-match': r.headers.etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0, path);
  }
  // A missing asset is not cached for ever under a name that may exist tomorrow.
  const missing = await get('chiso-0000000000000000_bg.wasm');
  assert.equal(missing.status, 404);
  assert.notEqual(missing.headers['cache-control'], IMMUTABLE);
});

test('brotli or gzip as the reader accepts, sent from the precompressed files, the same bytes once decoded', async () => {
  for (const path of [...new Set(APPS.flatMap((a) => [a.wasm, a.glue, a.loader])), 'index.html', 'embed-pillars.html', 'data/index.json', SNAPSHOT.path]) {
    const raw = readFileSync(join(DIST, path));
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i, path);
    assert.deepEqual(br.body, readFileSync(join(DIST, `${path}.br`)), `${path}: the .br of make dist, as it is`);
    assert.ok(brotliDecompressSync(br.body).equals(raw), `${path}: brotli decodes to the file`);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.ok(gunzipSync(gz.body).equals(raw), `${path}: gzip decodes to the file`);
    const plain = await get(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.ok(plain.body.equals(raw), `${path}: sent as it is when nothing is accepted`);
  }
  for (const { wasm: path } of APPS) {
    const wasm = await get(path, { 'accept-encoding': 'br' });
    assert.ok(wasm.body.length * 2.5 < readFileSync(join(DIST, path)).length, `${path}: the WASM on the wire is under 40% of its size`);
  }
});

test('each page\'s CSP header is its own <meta> policy plus frame-ancestors: embeds anywhere, pages nowhere', async () => {
  assert.ok(PAGES.length >= 11, `pages: ${PAGES}`);
  assert.equal(EMBEDS.length, 8);
  const cases = PAGES.flatMap((f) => {
    const embed = EMBEDS.includes(f);
    const own = [[f, embed ? '*' : "'none'"]];
    if (f === 'index.html') own.push(['', "'none'"], ['?embed=pillars', '*'], ['?lang=en&embed=moves', '*'], ['?embed=nope', "'none'"], ['?embed=', "'none'"]);
    if (f === 'xep-hang.html') own.push(['xep-hang.html?embed=ranking', '*']);
    if (f === 'thay-doi.html') own.push(['thay-doi.html?embed=pillars', "'none'"]);
    return own.map(([path, ancestors]) => [path, f, ancestors]);
  });
  for (const [path, file, ancestors] of cases) {
    const r = await get(path);
    const meta = metaCsp(readFileSync(join(DIST, file), 'utf8'));
    assert.ok(meta, `${file}: no <meta> policy`);
    assert.equal(r.headers['content-security-policy'], `${meta}; frame-ancestors ${ancestors}`, path || '/');
    // Nothing older that would refuse what frame-ancestors allows.
    assert.equal(r.headers['x-frame-options'], undefined, path || '/');
  }
  // Anything else runs nothing and is framed by no one; the server's own map is not served.
  assert.equal((await get('data/index.json')).headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
  assert.equal((await get('csp.conf')).status, 404);
});

test('the service worker, under the server\'s headers, keeps the page and answers for it offline', async () => {
  const r = await get('sw.js');
  assert.match(r.headers['content-type'], /javascript/);
  // Its own policy: it may fetch from this site, and nothing else.
  assert.equal(r.headers['content-security-policy'], "default-src 'none'; connect-src 'self'");
  // Nothing varies with Save-Data: the same page for every reader.
  assert.doesNotMatch((await get('')).headers.vary ?? '', /save-data/i);
  const page = await openPage(browser);
  await watch(page);
  await page.goto(nginx.url);
  await page.getByTestId('headline').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // Polled from here: waitForFunction does not wait for an async predicate's answer.
  const kept = () => page.evaluate(async () => (await (await caches.open('chiso')).keys()).map((k) => k.url));
  for (let i = 0; !(await kept()).includes(`${nginx.url}${SNAPSHOT.path}`); i++) {
    assert.ok(i < 200, 'the snapshot was not kept');
    await page.waitForTimeout(100);
  }
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('body > .offline-note [lang=vi]').waitFor();
  assert.match(await page.locator('body > .offline-note').textContent(), /^Bản lưu ngoại tuyến, \d\d\/\d\d\/\d{4}: /);
  await page.getByTestId('headline').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Records CSP violations, and whether a pre-rendered chart was on screen before the app took over. */
function watch(page) {
  return page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new MutationObserver((_, obs) => {
      if ([...document.querySelectorAll('#boot .chart-svg svg')].some((e) => e.checkVisibility())) { obs.disconnect(); window.__prerendered = true; }
    }).observe(document, { childList: true, subtree: true });
  });
}

test('the page loads under the server\'s headers, draws its first chart, and the app takes over', async () => {
  const page = await openPage(browser);
  await watch(page);
  const encodings = new Map();
  page.on('response', (r) => encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding']));
  const response = await page.goto(nginx.url);
  assert.ok(response.headers()['content-security-policy'], 'the CSP came as a header');
  await page.waitForFunction(() => window.__prerendered);
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
  await page.locator('[data-testid=chart-pillars] svg').waitFor();
  assert.equal(encodings.get(`/${WASM}`), 'br', 'the WASM came brotli-compressed');
  assert.equal(encodings.get(`/${SNAPSHOT.path}`), 'br', 'the snapshot came brotli-compressed');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an embed page loads, shows its chart, and starts the app when its reader first interacts', async () => {
  const page = await openPage(browser);
  await watch(page);
  await page.goto(`${nginx.url}embed-pillars.html?lang=vi&theme=auto&snapshot=${MANIFEST.default}&v=${SNAPSHOT.version}`);
  await page.waitForFunction(() => window.__prerendered);
  await page.keyboard.press('Tab');
  await page.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a page of another origin can frame an embed, and cannot frame the page', { timeout: 60000 }, async () => {
  // The host page, from another origin (a server on another port), frames an embed page, the
  // page asked for an embed (as embeds were first published), the page and the ranking page.
  const frames = [['embed-pillars.html', true], ['?embed=pillars', true], ['', false], ['xep-hang.html', false]];
  const hostDir = mkdtempSync(join(tmpdir(), 'chiso-host-'));
  writeFileSync(join(hostDir, 'index.html'), `<!DOCTYPE html><html><head><link rel="icon" href="data:,"><title>host</title></head><body>${frames
    .map(([f], i) => `<iframe id="f${i}" src="${nginx.url}${f}" style="width:400px;height:300px;border:0"></iframe>`).join('')}</body></html>`);
  const host = await serve(hostDir);
  try {
    assert.notEqual(new URL(host.url).origin, new URL(nginx.url).origin);
    const page = await openPage(browser);
    const blocked = new Set();
    page.on('requestfailed', (r) => { if (r.failure()?.errorText === 'net::ERR_BLOCKED_BY_RESPONSE') blocked.add(r.url()); });
    await page.goto(host.url);
    for (const [i, [path, framable]] of frames.entries()) {
      const frame = await (await page.locator(`#f${i}`).elementHandle()).contentFrame();
      if (framable) {
        // The embed's chart is on screen inside the frame.
        await frame.locator('[data-testid=embed] .chart-svg svg:visible, #boot .chart-svg svg:visible').first().waitFor();
        assert.equal(frame.url(), nginx.url + path);
      } else {
        // Chromium refuses the answer and shows its error page in the frame instead.
        await page.waitForFunction((id) => { try { return !document.getElementById(id).contentDocument; } catch { return true; } }, `f${i}`);
        for (let tries = 0; !blocked.has(nginx.url + path) && tries < 100; tries++) await page.waitForTimeout(50);
        assert.ok(blocked.has(nginx.url + path), `${path || '/'} was not refused in a frame`);
        assert.match(frame.url(), /^chrome-error:/);
      }
    }
    // Each refusal is the page's frame-ancestors, said in the console; nothing else went wrong.
    const refusals = page.errors.filter((e) => /violates the following Content Security Policy directive: "frame-ancestors 'none'"/.test(e));
    assert.equal(refusals.length, 2, page.errors.join('\n'));
    assert.deepEqual(page.errors.filter((e) => !refusals.includes(e)), []);
    await page.context().close();
  } finally {
    await host.close();
    rmSync(hostDir, { recursive: true, force: true });
  }
});

test('the plain static server (make serve, the other browser tests) sends each file as it is, never a .br or .gz copy', async () => {
  const plain = await serve(DIST);
  try {
    for (const path of ['index.html', WASM, 'data/index.json']) {
      const r = await new Promise((ok, fail) => {
        request(new URL(path, plain.url), { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c)).on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', fail).end();
      });
      assert.equal(r.headers['content-encoding'], undefined, path);
      assert.ok(r.body.equals(readFileSync(join(DIST, path))), path);
    }
  } finally {
    await plain.close();
  }
});

test('nginx read deploy/nginx.conf without a warning', () => {
  // Errors for the missing files asked for above are expected; a warning is a configuration to fix.
  const warnings = nginx.log().split('\n').filter((l) => /\[(?:warn|crit|alert|emerg)\]/.test(l));
  assert.deepEqual(warnings, []);
});
