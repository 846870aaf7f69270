// Trust: bad data, network faults and hostile input never break the page. Each case is loaded in
// a real Chromium from a plain static server; the page must name the file and the field in both
// languages, keep the rest of the app working, and never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { appFiles, openPage, serve, useSite } from './harness.mjs';

const GOOD = 'data/ba-ria-vung-tau-2023.json';
const BAD = 'data/broken.json';
let site, server, browser, good;

useSite((env) => ({ site, server, browser } = env), (copy) => {
  good = JSON.parse(copy.read(GOOD).toString('utf8'));
  // A second snapshot in the manifest, whose file each case breaks in its own way.
  const manifest = JSON.parse(copy.read('data/index.json').toString('utf8'));
  manifest.snapshots.push({
    id: 'broken', title: { vi: 'Bộ hỏng', en: 'Broken set' }, period: { result_year: 2023, goal_year: 2024 },
    versions: [{ version: '0'.repeat(12), path: BAD, sha256: '0'.repeat(64), published: '2026-11-27' }],
  });
  copy.write('data/index.json', JSON.stringify(manifest));
});

const clone = () => JSON.parse(JSON.stringify(good));
const json = (o) => JSON.stringify(o);

const CASES = [
  ['truncated', site => site.read(GOOD).subarray(0, 600), '$', /JSON không hợp lệ ở dòng/, /not valid JSON at line/],
  ['an HTML error page', () => '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', '$', /JSON không hợp lệ/, /not valid JSON/],
  ['10 MB', () => json(clone()) + ' '.repeat(10 * 1024 * 1024), '$', /vượt giới hạn 1048576 byte/, /over the limit/],
  ['20 000 levels deep', () => '['.repeat(20000) + ']'.repeat(20000), '$', /lồng nhau quá sâu/, /nested too deeply/],
  ['numbers as strings', () => { const s = clone(); s.tallies[0].overall.met = '33'; return json(s); }, '$.tallies[0].overall.met', /sai kiểu: cần số nguyên không âm/, /expected u32, found string "33"/],
  ['negative counts', () => { const s = clone(); s.tallies[0].pillars[1].met = -6; return json(s); }, '$.tallies[0].pillars[1].met', /sai kiểu/, /expected u32/],
  ['1e308 as a count', () => json(clone()).replace('"met":33', '"met":1e308'), '$.tallies[0].overall.met', /sai kiểu/, /expected u32/],
  ['1e308 as a percentage', () => json(clone()).replace('"value":98', '"value":1e308'), '$.indicators[4].result.value', /nằm ngoài khoảng 0–100/, /outside 0–100/],
  ['NaN spelled out', () => json(clone()).replace('"value":98', '"value":NaN'), '$', /JSON không hợp lệ/, /not valid JSON/],
  ['Infinity spelled out', () => json(clone()).replace('"value":98', '"value":Infinity'), '$', /JSON không hợp lệ/, /not valid JSON/],
  ['invalid UTF-8', () => Buffer.concat([Buffer.from(json(clone()).slice(0, 100)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(json(clone()).slice(100))]), '$', /không phải văn bản UTF-8/, /not UTF-8/],
  ['a top-level array', () => '[1,2,3]', '$', /sai kiểu: cần đối tượng JSON/, /expected an object, found a list/],
  ['null', () => 'null', '$', /sai kiểu/, /found null/],
  ['an unknown schema version', () => { const s = clone(); s.schema_version = 2; return json(s); }, '$.schema_version', /phiên bản lược đồ 2 không được hỗ trợ/, /schema version 2 is not supported/],
  ['an empty file', () => '', '$', /tệp rỗng/, /the file is empty/],
  ['a javascript: link', () => { const s = clone(); s.sources[0].url = 'javascript:alert(document.cookie)'; return json(s); }, '$.sources[0].url', /không phải liên kết http\(s\)/, /is not an http\(s\) link/],
  ['a data: link', () => { const s = clone(); s.sources[1].url = 'data:text/html,<script>alert(1)</script>'; return json(s); }, '$.sources[1].url', /không phải liên kết http\(s\)/, /not an http\(s\) link/],
  ['bidi controls in a name', () => { const s = clone(); s.indicators[0].name.vi = 'Tỷ lệ \u202E93/33\u202C'; return json(s); }, '$.indicators[0].name.vi', /ký tự điều khiển ẩn U\+202E/, /control character U\+202E/],
  ['a 5 MB name', () => { const s = clone(); s.indicators[0].name.vi = 'x'.repeat(5 * 1024 * 1024); return json(s); }, '$', /vượt giới hạn/, /over the limit/],
  ['a 900 KB name', () => { const s = clone(); s.indicators[0].name.en = 'y'.repeat(900 * 1024); return json(s); }, '$.indicators[0].name.en', /văn bản dài 921600 ký tự/, /921600 characters long/],
];
for (const key of ['schema_version', 'id', 'title', 'unit', 'period', 'as_of', 'sources', 'tallies', 'indicators', 'goals', 'initiatives', 'context']) {
  CASES.push([`no "${key}"`, () => { const s = clone(); delete s[key]; return json(s); }, `$.${key}`, new RegExp(`thiếu trường bắt buộc \`${key}\``), new RegExp(`required field \`${key}\` is missing`)]);
}

for (const [name, make, path, vi, en] of CASES) {
  test(`bad snapshot: ${name}`, async () => {
    site.write(BAD, make(site));
    const page = await openPage(browser, { width: 360, height: 800 });
    await page.goto(`${server.url}?snapshot=broken`);
    const panel = page.getByTestId('load-error');
    await panel.waitFor();
    assert.equal(await page.getByTestId('error-file').textContent(), BAD);
    const problems = await panel.getByTestId('problem').allTextContents();
    const hit = problems.find((p) => p.startsWith(`${path}: `));
    assert.ok(hit, `no problem at ${path}: ${problems.slice(0, 3).join(' | ')}`);
    assert.match(hit, vi);
    assert.match(hit, en);
    // The rest of the app works: the language switch, and the other snapshot through the picker.
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await panel.locator('h2').textContent(), /could not be loaded/);
    await page.getByTestId('snapshot-picker').selectOption('ba-ria-vung-tau-2023');
    await page.getByTestId('headline').waitFor();
    assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
    assert.deepEqual(page.errors.filter((e) => e.startsWith('pageerror')), [], 'uncaught error');
    await page.context().close();
  });
}

test('a broken manifest is named, in both languages, with a retry that recovers', async () => {
  const manifest = site.read('data/index.json');
  try {
    site.write('data/index.json', '{"schema_version": 1, "default": "nope", "snapshots": []}');
    const page = await openPage(browser);
    await page.goto(server.url);
    const panel = page.getByTestId('load-error');
    await panel.waitFor();
    assert.equal(await page.getByTestId('error-file').textContent(), 'data/index.json');
    const text = await panel.textContent();
    assert.match(text, /\$\.default: bộ số liệu `nope` không có trong `snapshots`/);
    assert.match(text, /snapshot `nope` is not in `snapshots`/);
    site.write('data/index.json', manifest);
    await page.getByTestId('retry').click();
    await page.getByTestId('headline').waitFor();
    assert.deepEqual(page.errors.filter((e) => e.startsWith('pageerror')), []);
    await page.context().close();
  } finally {
    site.write('data/index.json', manifest);
  }
});

/** Loads the page with the snapshot request answered by `handler`, then checks the message and the retry. */
async function networkCase({ handler, message, contextOptions = {}, after }) {
  const page = await openPage(browser, contextOptions);
  let answer = handler;
  await page.route(`**/${GOOD}`, (route) => answer(route, page));
  await page.goto(server.url);
  const panel = page.getByTestId('load-error');
  await panel.waitFor({ timeout: 20000 });
  assert.equal(await page.getByTestId('error-file').textContent(), GOOD);
  assert.match(await panel.textContent(), message);
  await after?.(page);
  answer = (route) => route.continue();
  await page.getByTestId('retry').click();
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
  assert.deepEqual(page.errors.filter((e) => e.startsWith('pageerror')), []);
  await page.context().close();
}

test('network: 404', () => networkCase({
  handler: (route) => route.fulfill({ status: 404, body: 'not found' }),
  message: /Không tìm thấy tệp số liệu \(HTTP 404\)/,
}));

test('network: 500', () => networkCase({
  handler: (route) => route.fulfill({ status: 500, body: 'oops' }),
  message: /Máy chủ trả lỗi HTTP 500/,
}));

test('network: a response that never finishes times out', () => networkCase({
  handler: () => {}, // never answered
  message: /không trả lời sau 10 giây/,
}));

test('network: a dropped connection, then offline, each said, then a retry that recovers', async () => {
  const page = await openPage(browser);
  let connected = false;
  await page.route(`**/${GOOD}`, (route) => (connected ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(server.url);
  const panel = page.getByTestId('load-error');
  await panel.waitFor();
  assert.equal(await page.getByTestId('error-file').textContent(), GOOD);
  assert.match(await panel.textContent(), /Không kết nối được tới máy chủ/);
  await page.context().setOffline(true);
  await page.getByTestId('retry').click();
  await page.waitForFunction(() => /không có kết nối mạng/.test(document.querySelector('[data-testid=load-error]')?.textContent ?? ''));
  await page.context().setOffline(false);
  connected = true;
  await page.getByTestId('retry').click();
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
  assert.deepEqual(page.errors.filter((e) => e.startsWith('pageerror')), []);
  await page.context().close();
});

test('network: a slow response shows progress, then the page', async () => {
  const page = await openPage(browser);
  await page.route(`**/${GOOD}`, async (route) => { await new Promise((r) => setTimeout(r, 4000)); await route.continue(); });
  await page.goto(server.url);
  const slow = page.locator('[data-testid=slow]:visible').first();
  await slow.waitFor();
  assert.match(await slow.textContent(), /Mạng chậm: đã chờ [2-9] giây \(tối đa 10 giây\)/);
  // Meanwhile the pre-rendered figures are on screen.
  assert.equal(await page.locator('#boot .static-vi .tally.headline .fraction').textContent(), '35/39');
  await page.getByTestId('headline').waitFor();
  await page.context().close();
});

test('hostile markup in names is shown as inert text', async () => {
  const s = clone();
  s.indicators[0].name.vi = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Tên';
  s.title.vi = '<b onmouseover="window.__pwned=3">Tiêu đề</b>';
  site.write(BAD, json(s));
  const page = await openPage(browser);
  await page.goto(`${server.url}?snapshot=broken`);
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.locator('h1').textContent(), '<b onmouseover="window.__pwned=3">Tiêu đề</b>');
  await page.getByTestId('table-switch-indicators').click();
  assert.match(await page.getByTestId('table-indicators').textContent(), /<img src=x onerror="window.__pwned=1"><script>/);
  assert.match(await page.locator('[data-testid=chart-indicators] svg').innerHTML(), /&lt;img src=x/);
  assert.equal(await page.locator('main img, main b, main script').count(), 0);
  await page.locator('h1').hover();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});

test('hardening: strict CSP, integrity on every asset, no request to another host, no violation', async () => {
  const html = site.read('index.html').toString('utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(csp, 'CSP meta present');
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  const sha384 = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
  // Each page of the reader loads its own app (loader, glue, WASM): every file is some page's.
  const tags = ['index.html', 'xep-hang.html'].flatMap((page) =>
    [...site.read(page).toString('utf8').matchAll(/<(?:script|link)[^>]*?(?:src|href)="\.\/([^"]+)"[^>]*?integrity="([^"]+)"/g)]);
  const covered = tags.map(([, file]) => file);
  for (const [, file, integrity] of tags) assert.equal(integrity, sha384(site.read(file)), file);
  // The studio's own files are its page's (studio.test.mjs holds them to the same rules).
  const studio = (f) => f.startsWith('chiso-studio-') || f.startsWith('studio-boot-');
  // The service worker is registered, not loaded by a tag: registration has no integrity, and it
  // needs none to keep the rest checked (what it answers from its copy still meets the integrity
  // of the request it answers: the loader's, the glue's, the WASM's).
  const built = readdirSync(site.dir).filter((f) => /\.js$/.test(f) && !studio(f) && f !== 'sw.js');
  for (const f of built) assert.ok(covered.includes(f), `${f} has no integrity attribute`);
  // The stylesheet is inlined (one round trip less), and each pre-rendered figure is followed by
  // the rules that place its marks: each is allowed by its own hash, and nothing else is.
  // The page's script puts the English page (index.en.html) into it for an English reader: its
  // figures' rules are allowed too.
  const inline = (h) => [...h.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const styles = inline(html);
  const english = inline(site.read('index.en.html').toString('utf8'));
  // And the rest of the page, fetched once the first chart is painted, from index.vi.html.
  const rest = inline(site.read('index.vi.html').toString('utf8'));
  assert.ok(styles.length >= 1 + 1, 'the stylesheet and the rules of the first figure are inline');
  assert.ok(rest.length >= 1 + 5 && english.length >= 1 + 5, 'and the rest\'s, and the English page\'s');
  assert.ok(html.indexOf('<style>') < html.indexOf('<body'), 'the stylesheet is in the head');
  const styleSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src'));
  const hash = (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const allowed = styleSrc.split(' ').slice(2);
  assert.equal(styleSrc.split(' ').slice(0, 2).join(' '), "style-src 'self'");
  assert.equal(new Set(allowed).size, allowed.length, 'each hash once');
  assert.deepEqual(new Set(allowed), new Set([...styles, ...rest, ...english].map(hash)));
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  // The page and each embed page: exactly one inline script, allowed by its own hash, and nothing
  // else inline.
  const embeds = readdirSync(site.dir).filter((f) => /^embed-\w+\.html$/.test(f));
  assert.equal(embeds.length, 8);
  for (const f of ['index.html', 'xep-hang.html', ...embeds]) {
    const e = site.read(f).toString('utf8');
    const ecsp = e.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    const inline = [...e.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(inline.length, 1, f);
    const escript = ecsp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(escript, `script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`, f);
    assert.doesNotMatch(ecsp, /unsafe-inline|'unsafe-eval'/);
    assert.doesNotMatch(inline[0], /addEventListener\(['"]message/, `${f} listens to no message`);
  }
  // Each page's loader checks its own WASM, and every reader's WASM is some page's.
  const wasms = readdirSync(site.dir).filter((f) => f.endsWith('.wasm') && !studio(f));
  const loaded = new Set();
  for (const f of ['index.html', 'xep-hang.html', ...embeds]) {
    const { loader, wasm } = appFiles(site.dir, f);
    assert.ok(site.read(loader).toString('utf8').includes(`integrity: '${sha384(site.read(wasm))}'`), `${f}: the WASM fetch checks its integrity`);
    loaded.add(wasm);
  }
  assert.deepEqual([...loaded].sort(), wasms.sort());
  assert.equal(appFiles(site.dir, 'embed-moves.html').wasm, appFiles(site.dir, 'xep-hang.html').wasm, 'an embed loads its chart\'s page\'s WASM');
  assert.equal(appFiles(site.dir, 'embed-pillars.html').wasm, appFiles(site.dir, 'index.html').wasm);
  assert.notEqual(appFiles(site.dir, 'index.html').wasm, appFiles(site.dir, 'xep-hang.html').wasm, 'each page has its own WASM');

  const page = await openPage(browser);
  const hosts = new Set();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  await page.locator('[data-testid=chart-context] svg').waitFor();
  await page.goto(`${server.url}?embed=indicators`);
  await page.locator('[data-testid=embed] .chart-svg svg').waitFor();
  for (const q of ['lang=en&theme=dark', 'lang=vi&snapshot=ba-ria-vung-tau-2023']) {
    await page.goto(`${server.url}embed-indicators.html?${q}`);
    await page.keyboard.press('Tab');
    await page.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
  }
  assert.deepEqual([...hosts], [new URL(server.url).host]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.context().close();
});

test('each page fetches the manifest and the snapshot once: the loader\'s request is the one the app reads', async () => {
  const logged = await serve(site.dir, 0, { log: true });
  const data = () => [logged.count('/data/index.json'), logged.count(`/${GOOD}`)];
  try {
    for (const path of ['', 'xep-hang.html', '?embed=pillars', 'embed-pillars.html?lang=vi&theme=auto']) {
      const page = await openPage(browser);
      const was = data();
      await page.goto(logged.url + path);
      if (path.startsWith('embed-')) await page.locator('#boot .mark:visible').first().click();
      await page.locator(path === 'xep-hang.html' ? '[data-testid=chart-ranking] svg'
        : path ? '.embed-main:not(.pending) [data-testid=embed] .chart-svg svg' : '[data-testid=chart-pillars] svg').waitFor();
      await page.waitForTimeout(1000);
      assert.deepEqual(data().map((n, i) => n - was[i]), [1, 1], `${path || 'index.html'}: the manifest and the snapshot, once each`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  } finally {
    await logged.close();
  }
});

test('a tampered WASM does not run, and the page says so instead of going blank', async () => {
  const { wasm } = appFiles(site.dir, 'index.html');
  const original = site.read(wasm);
  try {
    const bad = Buffer.from(original);
    bad[bad.length - 10] ^= 0xff;
    site.write(wasm, bad);
    const page = await openPage(browser);
    await page.goto(server.url);
    await page.waitForFunction(() => /could not start/.test(document.body.textContent));
    assert.equal(await page.getByTestId('headline').count(), 0);
    await page.context().close();
  } finally {
    site.write(wasm, original);
  }
});

for (const embed of ['?embed=pillars', 'embed-pillars.html']) test(`the embed sends only its height (its own message and AMP's) and ignores every incoming message (${embed})`, async () => {
  const page = await openPage(browser);
  await page.setContent(`<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>
    <iframe id="f" src="${server.url}${embed}" style="width:360px;height:200px;border:0"></iframe>
    <script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));</script></body></html>`);
  const frame = page.frameLocator('#f');
  if (embed.startsWith('embed-')) await frame.locator('#boot .mark:visible').first().focus();
  await frame.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
  await page.waitForFunction(() => window.got.length > 0 && window.got.length % 2 === 0);
  // Each height twice: as the embed dialog's snippet reads it, then as AMP's amp-iframe does.
  const got = await page.evaluate(() => window.got);
  assert.equal(got.length % 2, 0, JSON.stringify(got));
  for (let i = 0; i < got.length; i += 2) {
    const [m, amp] = [got[i], got[i + 1]];
    assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
    assert.equal(m.type, 'chiso:height');
    assert.equal(typeof m.height, 'number');
    assert.deepEqual(amp, { sentinel: 'amp', type: 'embed-size', height: m.height });
  }
  const before = await frame.locator('body').innerHTML();
  await page.evaluate(() => {
    const w = document.getElementById('f').contentWindow;
    for (const m of [{ type: 'chiso:height', height: 1 }, { type: 'navigate', url: 'javascript:alert(1)' }, '<script>alert(1)</script>', { lang: 'en' }]) w.postMessage(m, '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await frame.locator('body').innerHTML(), before);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'vi');
  await page.context().close();
});
