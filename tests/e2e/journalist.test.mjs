// What a journalist does: embed each chart on a page of another origin (the iframe sizes itself),
// download PNG/SVG/CSV/JSON and check their content, copy a link, and pin an embed to a version
// that keeps its figures after the data are revised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, useSite, trackLayoutShift, layoutShift, serve } from './harness.mjs';

const SNAPSHOT = 'data/ba-ria-vung-tau-2023.json';
const CHARTS = ['headline', 'pillars', 'indicators', 'context'];
let site, server, browser;

useSite((env) => ({ site, server, browser } = env));

async function ready(page, query = '') {
  await page.goto(server.url + query);
  await page.getByTestId('headline').waitFor();
}

/** The snippets exactly as the embed dialog offers them. */
async function snippets() {
  const page = await openPage(browser);
  await ready(page);
  const out = {};
  for (const id of CHARTS) {
    await page.getByTestId(`embed-${id}`).click();
    const dialog = page.getByTestId(`embed-dialog-${id}`);
    await dialog.waitFor();
    out[id] = { scripted: await dialog.getByTestId(`snippet-${id}`).inputValue(), fixed: await dialog.getByTestId(`fixed-${id}`).inputValue() };
    await dialog.locator('button.close').click();
  }
  await page.context().close();
  return out;
}

test('the embed dialog offers a titled, lazy, borderless iframe that pins the version, and a fixed one', async () => {
  const s = await snippets();
  for (const id of CHARTS) {
    assert.match(s[id].scripted, new RegExp(`^<iframe src="${server.url.replace(/[.]/g, '\\.')}embed-${id}\\.html\\?lang=vi&amp;theme=auto&amp;snapshot=ba-ria-vung-tau-2023&amp;v=[0-9a-f]{12}"`));
    assert.match(s[id].scripted, / title="[^"]+ — Chỉ số"/);
    assert.match(s[id].scripted, /width="100%"/);
    assert.match(s[id].scripted, /loading="lazy"/);
    assert.match(s[id].scripted, /style="border:0;width:100%"/);
    assert.match(s[id].scripted, /<script>addEventListener\("message"/);
    assert.doesNotMatch(s[id].fixed, /<script/);
    assert.match(s[id].fixed, /height="\d+"/);
  }
});

test('the embed dialog is modal while open, closes with Escape or its button, and gives the focus back', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await ready(page);
  const dialog = page.getByTestId('embed-dialog-pillars');
  // Only an open dialog is in the document: closed, it holds no nodes.
  assert.equal(await page.locator('dialog').count(), 0);
  await page.getByTestId('embed-pillars').click();
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('dialog')), true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'embed-pillars');
  await page.getByTestId('embed-pillars').click();
  await dialog.locator('button.close').click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'embed-pillars');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const width of [360, 1200]) {
  test(`on a host page of another origin, each embed ends at its content's height (${width} px)`, async () => {
    const s = await snippets();
    const hostDir = mkdtempSync(join(tmpdir(), 'chiso-host-'));
    writeFileSync(join(hostDir, 'index.html'), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>Báo</title><link rel="icon" href="data:,">
      <style>body{background:#111;color:#eee;margin:0 auto;max-width:700px;padding:8px;font-family:serif}</style></head>
      <body><h1>Bài báo</h1>${CHARTS.map((id) => `<p>Đoạn văn.</p>${s[id].scripted}`).join('\n')}</body></html>`);
    const host = await serve(hostDir);
    try {
      assert.notEqual(new URL(host.url).origin, new URL(server.url).origin);
      const page = await openPage(browser, { width, height: 900 });
      await page.goto(host.url);
      const frames = page.locator('iframe[data-chiso-embed]');
      assert.equal(await frames.count(), 4);
      for (let i = 0; i < 4; i++) {
        const el = frames.nth(i);
        await el.scrollIntoViewIfNeeded();
        const frame = await (await el.elementHandle()).contentFrame();
        // The pre-rendered chart reports its height first; the app, fetched when the reader
        // first interacts, reports its own.
        await frame.locator('#boot .chart-svg svg:visible').first().waitFor();
        await frame.locator('#boot .mark:visible').first().focus();
        await frame.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
        // The iframe follows the height the embed reports, until both agree.
        await page.waitForFunction(async (idx) => {
          const f = document.querySelectorAll('iframe[data-chiso-embed]')[idx];
          return f.style.height !== '';
        }, i);
        let content, outer;
        for (let tries = 0; tries < 50; tries++) {
          content = await frame.evaluate(() => document.documentElement.scrollHeight);
          outer = await el.evaluate((f) => f.clientHeight);
          if (Math.abs(content - outer) <= 1) break;
          await page.waitForTimeout(100);
        }
        assert.ok(Math.abs(content - outer) <= 1, `iframe ${CHARTS[i]}: ${outer}px tall, content ${content}px`);
        const inner = await frame.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
        assert.ok(inner.sw <= inner.cw, `iframe ${CHARTS[i]} scrolls sideways`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      await host.close();
      rmSync(hostDir, { recursive: true, force: true });
    }
  });
}

for (const path of ['?embed=indicators', 'embed-indicators.html?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023', 'embed-indicators.html?lang=en&theme=dark']) {
  test(`an embed appears without layout shift (${path})`, async () => {
    const page = await openPage(browser, { width: 360, height: 700 });
    await trackLayoutShift(page);
    await page.goto(`${server.url}${path}`);
    // An embed page fetches the app on the reader's first interaction (focus, here: not an
    // input, so no shift after it could be excused).
    if (path.startsWith('embed-')) await page.locator('#boot .mark:visible').first().focus();
    await page.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await layoutShift(page), 0);
    assert.equal(await page.locator('#boot').count(), 0, 'the static chart has made way');
    await page.context().close();
  });
}

test('an embed page fetches no WASM and no data until its reader interacts, and its tooltips work meanwhile', async () => {
  const page = await openPage(browser, { width: 360, height: 700 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}embed-pillars.html?lang=vi&theme=auto`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const bar = await page.locator('#boot .static-vi svg:visible rect').nth(1).boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  assert.equal(await page.locator('#boot .tooltip').evaluateAll((ts) => ts.filter((t) => t.checkVisibility()).length), 1);
  assert.deepEqual(fetched.filter((f) => /\.wasm$|\/data\//.test(f)), [], 'nothing fetched for a reader who only looks');
  // A key press is an interaction: the app arrives and takes over with the same chart.
  await page.keyboard.press('Tab');
  await page.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
  assert.equal(fetched.filter((f) => f.endsWith('.wasm')).length, 1);
  assert.match(await page.locator('[data-testid=embed] .chart-svg svg').textContent(), /13\/16 · 81,3%/);
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await page.title(), 'Chỉ tiêu đạt theo trụ cột · Chỉ số', 'the app keeps the embed\'s title');
  // The Tab that woke the app had focused the static chart: the focus is now on the app's.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'chart-pillars');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an embed page shows its chart before the WASM: in the language and theme asked, pinned or following, and answers a pointer', async () => {
  const version = JSON.parse(site.read('data/index.json')).snapshots[0].versions[0].version;
  const page = await openPage(browser, { width: 360, height: 700 });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  const shown = () => page.locator('#boot main').evaluateAll((ms) => ms.filter((m) => m.checkVisibility()).map((m) => m.getAttribute('lang')));
  const note = () => page.locator('#boot .version-note').evaluateAll((ps) => ps.filter((p) => p.checkVisibility()).map((p) => p.textContent));

  await page.goto(`${server.url}embed-pillars.html?lang=vi&theme=auto&snapshot=ba-ria-vung-tau-2023&v=${version}`);
  assert.deepEqual(await shown(), ['vi']);
  const published = JSON.parse(site.read('data/index.json')).snapshots[0].versions[0].published.split('-').reverse().join('/');
  assert.deepEqual(await note(), [`Số liệu ghim ở phiên bản ${version} (công bố ${published}).`]);
  const link = page.locator('#boot .static-vi .pinned a');
  assert.equal(await link.getAttribute('href'), `./?lang=vi&snapshot=ba-ria-vung-tau-2023&v=${version}#chart-pillars`);
  const bar = await page.locator('#boot .static-vi svg:visible rect').nth(1).boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  const tips = await page.locator('#boot .tooltip').evaluateAll((ts) => ts.filter((t) => t.checkVisibility()).map((t) => t.textContent));
  assert.equal(tips.length, 1);
  assert.match(tips[0], /^Chính quyền số: đạt 13\/16 chỉ tiêu \(81,3%\)/);

  await page.goto(`${server.url}embed-pillars.html?lang=en&theme=dark`);
  assert.deepEqual(await shown(), ['en']);
  assert.equal(await page.title(), 'Indicators met by pillar · Chỉ số');
  assert.match((await note())[0], /^Following the latest data: version [0-9a-f]{12}/);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  // Drawn once in light colours; the dark theme's colours are given by the stylesheet.
  assert.equal(await page.locator('#boot .static-en svg rect').first().evaluate((r) => getComputedStyle(r).fill), 'rgb(18, 23, 28)');
  assert.match(await page.locator('#boot .static-en .chart-title').textContent(), /Indicators met by pillar/);

  // Other data than it was built from: the static chart steps aside for the app.
  await page.goto(`${server.url}embed-pillars.html?v=000000000000`);
  assert.deepEqual(await shown(), []);
  release();
  await page.getByTestId('load-error').waitFor();
  assert.deepEqual(page.errors.filter((e) => !/HTTP 404/.test(e)), []);
  await page.context().close();
});

test('the embed view shows title, as-of, source, version and a link back; theme=dark on a dark page', async () => {
  const page = await openPage(browser, { width: 300, height: 700 });
  await page.goto(`${server.url}?embed=pillars&lang=en&theme=dark`);
  const embed = page.getByTestId('embed');
  await embed.locator('.chart-svg svg').waitFor();
  assert.match(await embed.locator('.chart-title').textContent(), /Indicators met by pillar/);
  assert.match(await page.getByTestId('as-of-pillars').textContent(), /As of: first 11 months of 2023/);
  assert.match(await page.getByTestId('source-pillars').textContent(), /Source: Bà Rịa – Vũng Tàu hoàn thành 33\/39/);
  assert.match(await page.getByTestId('version-note').textContent(), /Following the latest data/);
  assert.match(await page.getByTestId('full-page-link').getAttribute('href'), /\?lang=en#chart-pillars$/);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 23, 28)');
  assert.match(await embed.locator('.chart-svg svg').innerHTML(), /#12171C/);
  // No site header, no language switch, nothing wider than the 300 px column.
  assert.equal(await page.getByTestId('lang-switch').count(), 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 300));
  await page.context().close();
});

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

test('PNG download: 2× the chart with its title, source and as-of drawn in', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await ready(page);
  const svgW = await page.locator('[data-testid=chart-pillars] svg').evaluate((s) => s.width.baseVal.value);
  const svgH = await page.locator('[data-testid=chart-pillars] svg').evaluate((s) => s.height.baseVal.value);
  const { name, bytes } = await download(page, 'png-pillars');
  assert.equal(name, 'ba-ria-vung-tau-2023-tru-cot.png');
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const w = bytes.readUInt32BE(16), h = bytes.readUInt32BE(20);
  assert.equal(w, 2 * (svgW + 32));
  assert.equal(h, 2 * (svgH + 120));
  // It decodes, and is not blank: the browser reads it back and finds dark title pixels at the top.
  const dark = await page.evaluate(async (b64) => {
    // A blob: URL, as the page's CSP allows (no data: images).
    const bin = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([bin], { type: 'image/png' }));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, 120).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) n++;
    return n;
  }, bytes.toString('base64'));
  assert.ok(dark > 200, `only ${dark} dark pixels in the title band`);
  await page.context().close();
});

test('SVG download: parses, has <title> and <desc>, and carries the figures and the source', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await ready(page);
  const { name, bytes } = await download(page, 'svg-pillars');
  assert.equal(name, 'ba-ria-vung-tau-2023-tru-cot.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return { err: err?.textContent ?? null, title: doc.querySelector('title')?.textContent, desc: doc.querySelector('desc')?.textContent, text: doc.documentElement.textContent };
  }, bytes.toString('utf8'));
  assert.equal(parsed.err, null);
  assert.equal(parsed.title, 'Chỉ tiêu đạt theo trụ cột');
  assert.match(parsed.desc, /Chính quyền số 13\/16 \(81,3%\)/);
  for (const s of ['13/16 · 81,3%', '6/8 · 75,0%', '14/15 · 93,3%', 'Thời điểm: 11 tháng năm 2023', 'Nguồn: Bà Rịa – Vũng Tàu hoàn thành']) {
    assert.ok(parsed.text.includes(s), `SVG lacks ${s}`);
  }
  await page.context().close();
});

test('CSV download: BOM, header, the snapshot numbers, then source and as-of', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await ready(page);
  const snap = JSON.parse(site.read(SNAPSHOT).toString('utf8'));
  const { name, bytes } = await download(page, 'csv-pillars');
  assert.equal(name, 'ba-ria-vung-tau-2023-tru-cot.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[0], 'Trụ cột,Đạt,Được giao,Tỷ lệ');
  const rows = lines.slice(1, 4).map((l) => l.split(',').slice(1, 3).map(Number));
  assert.deepEqual(rows, snap.tallies[0].pillars.map((p) => [p.met, p.assigned]));
  assert.match(lines[5], /^Nguồn: Bà Rịa – Vũng Tàu hoàn thành/);
  assert.equal(lines[6], 'Thời điểm: 11 tháng năm 2023');

  const indicators = (await download(page, 'csv-indicators')).bytes.toString('utf8').slice(1).split('\r\n');
  // header, one row per indicator, a blank line, source, as-of, and the final line break
  assert.equal(indicators.length, 1 + snap.indicators.length + 4);
  await page.context().close();
});

test('JSON download is the snapshot file itself', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await ready(page);
  const { name, bytes } = await download(page, 'json-pillars');
  assert.match(name, /^ba-ria-vung-tau-2023-[0-9a-f]{12}\.json$/);
  assert.deepEqual(bytes, site.read(SNAPSHOT));
  await page.context().close();
});

test('copy link gives a URL pinned to the version on screen', async () => {
  const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await ready(page);
  await page.getByTestId('copy-link-indicators').click();
  await page.getByText('Đã chép liên kết.').waitFor();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(url, /\?lang=vi&snapshot=ba-ria-vung-tau-2023&v=[0-9a-f]{12}#chart-indicators$/);
  await page.context().close();
});

test('a pinned embed keeps its figures after the snapshot is revised; the unpinned one follows', async () => {
  const oldBytes = site.read(SNAPSHOT);
  const oldManifest = site.read('data/index.json');
  const manifest = JSON.parse(oldManifest.toString('utf8'));
  const old = manifest.snapshots[0].versions[0];
  try {
    // A revision as a data editor would publish it: the old file archived under its version.
    mkdirSync(join(site.dir, 'data/archive'), { recursive: true });
    const archived = `data/archive/ba-ria-vung-tau-2023.${old.version}.json`;
    site.write(archived, oldBytes);
    const revised = JSON.parse(oldBytes.toString('utf8'));
    revised.tallies[1].overall.met = 36;
    const newBytes = Buffer.from(JSON.stringify(revised, null, 2));
    const sha = createHash('sha256').update(newBytes).digest('hex');
    site.write(SNAPSHOT, newBytes);
    manifest.snapshots[0].versions = [
      { version: sha.slice(0, 12), path: SNAPSHOT, sha256: sha, published: '2026-12-01' },
      { ...old, path: archived },
    ];
    site.write('data/index.json', JSON.stringify(manifest));

    const page = await openPage(browser, { width: 400 });
    await page.goto(`${server.url}?embed=headline&snapshot=ba-ria-vung-tau-2023&v=${old.version}`);
    await page.locator('[data-testid=embed] .chart-svg svg').waitFor();
    assert.match(await page.locator('[data-testid=embed] .chart-svg svg').textContent(), /35\/39/);
    assert.match(await page.getByTestId('version-note').textContent(), new RegExp(`ghim ở phiên bản ${old.version}`));
    await page.getByTestId('newer-data').waitFor();

    await page.goto(`${server.url}?embed=headline`);
    await page.locator('[data-testid=embed] .chart-svg svg').waitFor();
    assert.match(await page.locator('[data-testid=embed] .chart-svg svg').textContent(), /36\/39/);
    assert.equal(await page.getByTestId('newer-data').count(), 0);
    await page.context().close();
  } finally {
    site.write(SNAPSHOT, oldBytes);
    site.write('data/index.json', oldManifest);
  }
});

test('the static HTML (no WASM) carries OpenGraph and Twitter tags with the real headline and chart image', async () => {
  const html = site.read('index.html').toString('utf8');
  const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`))?.[1];
  assert.match(meta('property', 'og:title'), /Bà Rịa – Vũng Tàu/);
  assert.match(meta('property', 'og:description'), /^Đạt 35\/39 chỉ tiêu \(89,7%\), cả năm 2023; theo trụ cột: chưa công bố\. Báo cáo trước đó: đạt 33\/39/);
  assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
  const image = meta('property', 'og:image');
  assert.match(image, /og-ba-ria-vung-tau-2023\.png$/);
  const png = site.read(image.split('/').pop());
  assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]);
  assert.equal(png.readUInt32BE(16), 1200);
  // A crawler fetching the page gets the same HTML from the static server.
  const res = await fetch(server.url);
  assert.match(await res.text(), /og:description" content="Đạt 35\/39/);
});
