// Readers who save data or lose the connection (issue #16 §4), in Chromium against a plain static
// server that logs every request:
// - a reader whose browser asks to save data keeps the pre-rendered page and fetches neither the
//   WASM nor the data until they touch a chart; without Save-Data the app loads at once;
// - a page a reader has opened stays readable offline (the service worker, sw.js), and says
//   "bản lưu ngoại tuyến, DATE" / "offline copy, DATE" in the page's language when it shows a
//   kept copy, never online; a pinned link stays pinned offline; online, a new version shows at
//   once (the pages and the data go to the network first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyDist, launch, serve } from './harness.mjs';

const SNAPSHOT = 'data/ba-ria-vung-tau-2023.json';
let site, server, browser;
before(async () => {
  site = copyDist();
  server = await serve(site.dir, 0, { log: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

/** Requests since `from` (an index into the server's log) for the WASM and for data files. */
const since = (from) => {
  const list = server.requests.slice(from).map((r) => r.path);
  return { wasm: list.filter((p) => p.endsWith('.wasm')), data: list.filter((p) => p.startsWith('/data/')) };
};

/**
 * A page whose browser asks to save data. Chromium's DevTools protocol sets it as the browser
 * would (`Emulation.setDataSaverOverride`: `navigator.connection.saveData`, and the `Save-Data: on`
 * header on the page's requests); the test fails rather than fake it if this Chromium lacks the
 * command.
 */
async function savingData(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  return page;
}

for (const [file, chart] of [['', 'headline'], ['xep-hang.html', 'ranking']]) {
  test(`Save-Data: /${file} keeps its pre-rendered charts and loads the app only when a chart is touched`, async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await savingData(context);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const from = server.requests.length;
    await page.goto(server.url + file);
    assert.equal(await page.evaluate(() => navigator.connection.saveData), true);
    // Loaded and idle: the charts are the pre-rendered ones, answering by themselves.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    assert.deepEqual(since(from), { wasm: [], data: [] }, 'nothing fetched before the reader touches a chart');
    // The server was told too (the same files for every reader: nothing varies with it).
    assert.ok(server.requests.slice(from).some((r) => r.headers['save-data'] === 'on'), 'Save-Data: on');
    const line = page.locator('#boot .loading');
    assert.match(await line.textContent(), /Chế độ tiết kiệm dữ liệu: biểu đồ tương tác chỉ tải khi bạn chạm vào một biểu đồ\./);
    assert.match(await line.locator('[lang=en]').textContent(), /^Data saver: the interactive charts load only when you touch a chart\.$/);
    const mark = page.locator('#boot .static-vi .chart-area.static:visible .mark').first();
    await mark.hover();
    assert.ok(await page.locator('#boot .static-vi .chart-area.static:visible .mark:hover + .tooltip').isVisible(), 'the no-JS tooltip answers');
    // A tap elsewhere (the heading, as a scroll would start) is not a touch on a chart.
    await page.locator('#boot .static-vi h1').click();
    await page.waitForTimeout(1000);
    assert.deepEqual(since(from).wasm, [], 'a tap outside the charts loads nothing');
    // The reader taps a chart: the app loads, as an embed's does, and replaces the page.
    await mark.click();
    await page.getByTestId(`chart-${chart}`).waitFor({ timeout: 30000 });
    await page.waitForFunction(() => !document.getElementById('boot'));
    assert.equal(since(from).wasm.length, 1, 'the WASM, once');
    assert.ok(since(from).data.includes(`/${SNAPSHOT}`), 'and the snapshot');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('without Save-Data nothing waits: the app loads at once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const from = server.requests.length;
  await page.goto(server.url);
  assert.equal(await page.evaluate(() => navigator.connection.saveData), false);
  await page.getByTestId('headline').waitFor();
  assert.equal(since(from).wasm.length, 1);
  assert.equal(await page.locator('.offline-note').count(), 0);
  await context.close();
});

/** The URLs the service worker keeps, once it controls the page. */
const kept = (page) => page.evaluate(async () => (await (await caches.open('chiso')).keys()).map((r) => r.url));

/** Waits until the worker keeps every one of `urls` (polled here: the cache is read in the page). */
async function keeps(page, urls) {
  for (const end = Date.now() + 20000; ;) {
    const k = await kept(page);
    const left = urls.filter((u) => !k.includes(u));
    if (!left.length) return;
    if (Date.now() > end) assert.fail(`not kept: ${left.join(', ')} (kept: ${k.join(', ')})`);
    await page.waitForTimeout(100);
  }
}

/** The day as the app writes it: 27/11/2026 in Vietnamese, 27 Nov 2026 in English. */
function day(d = new Date()) {
  const two = (n) => String(n).padStart(2, '0');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return { vi: `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`, en: `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}` };
}

test('offline: a page the reader opened is read again offline, and says it is a kept copy', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // First visit: the worker keeps the page, its files and the data it showed.
  const wasm = site.read('index.html').toString('utf8').match(/chiso-[0-9a-f]{16}\.js/)[0].replace('.js', '_bg.wasm');
  // And the rest of the static page, fetched from index.vi.html once the first chart was painted.
  const wanted = [server.url, `${server.url}${wasm}`, `${server.url}data/index.json`, `${server.url}${SNAPSHOT}`, `${server.url}index.vi.html`];
  await keeps(page, wanted);
  assert.equal(await page.locator('.offline-note').count(), 0, 'online, no note');
  const today = day();

  await context.setOffline(true);
  // Offline, the whole static page is there before the app, as online: its rest from the kept file.
  await page.addInitScript(() => new MutationObserver((_, o) => {
    if (document.querySelector('#boot .static-vi .cards')) { window.__rest = true; o.disconnect(); }
  }).observe(document, { childList: true, subtree: true }));
  await page.reload();
  await page.waitForFunction(() => window.__rest);
  const note = page.locator('body > .offline-note');
  await note.waitFor();
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(await note.locator('[lang=vi]').textContent(), `Bản lưu ngoại tuyến, ${today.vi}: không có mạng, số liệu có thể không phải mới nhất.`);
  assert.ok(await note.locator('[lang=vi]').isVisible());
  assert.ok(!(await note.locator('[lang=en]').isVisible()), 'in the page\'s language only');
  // Its charts (pre-rendered, then the app's, on the kept WASM and data).
  await page.locator('.chart-svg svg').first().waitFor();
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
  assert.ok(await note.isVisible(), 'the note stays when the app takes over');

  // In English, from the same kept page.
  await page.goto(`${server.url}?lang=en`);
  await note.waitFor();
  assert.equal(await note.locator('[lang=en]').textContent(), `Offline copy, ${today.en}: no connection, the figures may not be the latest.`);
  assert.ok(await note.locator('[lang=en]').isVisible());
  assert.ok(!(await note.locator('[lang=vi]').isVisible()));
  await page.getByTestId('headline').waitFor();
  assert.match(await page.getByTestId('headline').textContent(), /35\/39/);

  // A page never opened is not kept (offline, the browser says so, as without a worker).
  assert.ok(!(await kept(page)).some((u) => u.endsWith('xep-hang.html')));

  // Online again: no note, ever.
  await context.setOffline(false);
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.locator('.offline-note').count(), 0);
  // An English reader's page fetches its English content (index.en.html): kept as it is read, so
  // that offline the English page is there before the app, as online.
  assert.ok(!(await kept(page)).some((u) => u.endsWith('index.en.html')), 'not for a Vietnamese reader');
  await page.goto(`${server.url}?lang=en`);
  await keeps(page, [`${server.url}index.en.html`]);
  await context.setOffline(true);
  // (The app may take over at once from the kept WASM: what the page showed before it is noted.)
  await page.addInitScript(() => new MutationObserver((_, o) => {
    const rate = document.querySelector('#boot .static-en .tally.headline .rate');
    if (rate) { window.__staticEn = rate.textContent; o.disconnect(); }
  }).observe(document, { childList: true, subtree: true }));
  await page.reload();
  await page.waitForFunction(() => window.__staticEn);
  assert.equal(await page.evaluate(() => window.__staticEn), '89.7%');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: a pinned link stays pinned to its version; online, a new version shows at once', async () => {
  const oldBytes = site.read(SNAPSHOT);
  const oldManifest = site.read('data/index.json');
  const manifest = JSON.parse(oldManifest.toString('utf8'));
  const latest = manifest.snapshots[0].versions[0];
  const archived = manifest.snapshots[0].versions[1];
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // The reader opens the page pinned to the earlier version (11 months: 33/39).
    await page.goto(`${server.url}?snapshot=ba-ria-vung-tau-2023&v=${archived.version}`);
    await page.getByTestId('headline').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await keeps(page, [`${server.url}${archived.path}`]);
    const pinned = await page.getByTestId('headline').textContent();
    assert.match(await page.getByTestId('version-note').textContent(), new RegExp(archived.version));

    await context.setOffline(true);
    await page.reload();
    await page.locator('body > .offline-note').waitFor();
    await page.getByTestId('headline').waitFor();
    assert.equal(await page.getByTestId('headline').textContent(), pinned, 'the same version, offline');
    assert.match(await page.getByTestId('version-note').textContent(), new RegExp(archived.version));
    await context.setOffline(false);

    // A revision is published; an online reload shows it, with no note (no stale "latest").
    await page.goto(server.url);
    await page.getByTestId('headline').waitFor();
    assert.match(await page.getByTestId('headline').textContent(), /35\/39/);
    const revised = JSON.parse(oldBytes.toString('utf8'));
    revised.tallies[1].overall.met = 36;
    const newBytes = Buffer.from(JSON.stringify(revised, null, 2));
    const sha = createHash('sha256').update(newBytes).digest('hex');
    site.write(`data/archive/ba-ria-vung-tau-2023.${latest.version}.json`, oldBytes);
    site.write(SNAPSHOT, newBytes);
    manifest.snapshots[0].versions = [
      { version: sha.slice(0, 12), path: SNAPSHOT, sha256: sha, published: '2026-12-01' },
      { ...latest, path: `data/archive/ba-ria-vung-tau-2023.${latest.version}.json` },
      archived,
    ];
    site.write('data/index.json', JSON.stringify(manifest));
    await page.reload();
    await page.waitForFunction(() => /36\/39/.test(document.querySelector('[data-testid=headline]')?.textContent ?? ''), null, { timeout: 20000 });
    assert.equal(await page.locator('.offline-note').count(), 0);
    // And offline now, the kept copy is the new one.
    await context.setOffline(true);
    await page.reload();
    await page.locator('body > .offline-note').waitFor();
    await page.waitForFunction(() => /36\/39/.test(document.querySelector('[data-testid=headline]')?.textContent ?? ''), null, { timeout: 20000 });
  } finally {
    await context.close();
    site.write(SNAPSHOT, oldBytes);
    site.write('data/index.json', oldManifest);
  }
});

test('a tampered copy of the WASM in the worker\'s cache is refused by the page\'s integrity check', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const wasm = `${server.url}${site.read('index.html').toString('utf8').match(/chiso-[0-9a-f]{16}\.js/)[0].replace('.js', '_bg.wasm')}`;
  await keeps(page, [wasm]);
  // Cache first: the copy is what the page gets, and its integrity is checked all the same.
  await page.evaluate(async (u) => (await caches.open('chiso')).put(u, new Response(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]), { headers: { 'content-type': 'application/wasm' } })), wasm);
  await page.reload();
  await page.waitForFunction(() => /Không khởi động được ứng dụng/.test(document.querySelector('#boot .loading')?.textContent ?? ''), null, { timeout: 20000 });
  assert.ok(await page.locator('#boot .static-vi .chart-svg svg:visible').count() > 0, 'the pre-rendered page stays');
  await context.close();
});

test('the studio is left to the network: no worker answers for it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}studio.html`);
  await page.waitForFunction(() => !document.querySelector('#boot .loading'), null, { timeout: 30000 }).catch(() => {});
  assert.equal((await kept(page)).filter((u) => /studio/.test(u)).length, 0, 'nothing of the studio kept');
  await context.setOffline(true);
  const offline = await page.reload().then(() => 'loaded', () => 'failed');
  assert.equal(offline, 'failed', 'offline, the studio is not served from a copy');
  assert.deepEqual(errors, []);
  await context.close();
});
