// The page, the embed and the trust checks in the engines readers come with besides Chromium:
// Firefox ESR and WebKitGTK (iPhones run WebKit). The Chromium suites stay the full ones; these
// check what differs between engines. A check an engine cannot make says so and is skipped there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appFiles, copyDist, serve } from './harness.mjs';
import { ENGINES, PROBE, launchEngine, until } from './engines.mjs';

const MANIFEST = '/data/index.json';
const SNAPSHOT = '/data/ba-ria-vung-tau-2023.json';
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** How many times the page's data was fetched since `before` (a snapshot of the counts). */
const fetched = (server, before = { m: 0, s: 0 }) => ({ manifest: server.count(MANIFEST) - before.m, snapshot: server.count(SNAPSHOT) - before.s });
const counts = (server) => ({ m: server.count(MANIFEST), s: server.count(SNAPSHOT) });

/** The centre of the `index`th element of `selector`, scrolled into view, in viewport pixels. */
async function centreOf(page, selector, index = 0) {
  return page.evaluate(([s, i]) => {
    const el = document.querySelectorAll(s)[i];
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [selector, index]);
}

const TOOLTIP = '[data-testid=tooltip]';
const tooltipText = (page) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, TOOLTIP);

for (const name of ENGINES) describe(name, () => {
  let engine, site, server, hostDir, host;

  before(async () => {
    site = copyDist();
    server = await serve(site.dir, 0, { log: true, headScript: PROBE });
    // A host page of another origin (another port), as a newspaper embedding a chart.
    hostDir = mkdtempSync(join(tmpdir(), 'chiso-host-'));
    host = await serve(hostDir);
    const t0 = Date.now();
    engine = await launchEngine(name);
    console.log(`${name} ${engine.version} started in ${Date.now() - t0} ms`);
  });

  after(async () => {
    await engine?.close();
    await server?.close();
    await host?.close();
    site?.remove();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  async function ready(query = '', size) {
    const page = await engine.open(server.url + query, size);
    await page.waitFor('[data-testid=headline]');
    for (const id of ['headline', 'pillars', 'indicators', 'context']) await page.waitFor(`[data-testid=chart-${id}] svg`);
    return page;
  }

  describe('the page', () => {
    test('it loads in Vietnamese, draws its charts, and fetches the manifest and the snapshot once each', async () => {
      for (const path of ['', 'xep-hang.html', '?embed=pillars']) {
        const was = counts(server);
        const page = await engine.open(server.url + path);
        const drawn = path === 'xep-hang.html' ? '[data-testid=chart-ranking] svg'
          : path ? '.embed-main:not(.pending) [data-testid=embed] .chart-svg svg' : '[data-testid=chart-pillars] svg';
        await page.waitFor(drawn);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi', path);
        if (!path) {
          assert.equal(await page.evaluate(() => document.querySelector('[data-testid=headline] [data-testid=fraction]').textContent), '35/39');
          assert.match(await page.evaluate(() => document.querySelector('[data-testid=chart-pillars] svg').textContent), /81,3%/);
        }
        // Anything fetched twice would be asked for by now: the app has drawn from its data.
        await sleep(1000);
        assert.deepEqual(fetched(server, was), { manifest: 1, snapshot: 1 }, `${path || 'index.html'}: each fetched once`);
        assert.deepEqual(await page.errors(), [], path);
        await page.close();
      }
    });

    test('the language switch goes to English and back, charts and numbers included', async () => {
      const page = await ready();
      await page.click('[data-testid=lang-switch]');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.waitForFunction(() => document.querySelector('[data-testid=chart-pillars] svg').textContent.includes('81.3%'));
      assert.match(await page.evaluate(() => document.querySelector('[data-testid=summary-pillars]').textContent), /Digital government 13\/16 \(81.3%\)/);
      await page.click('[data-testid=lang-switch]');
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      await page.waitForFunction(() => document.querySelector('[data-testid=chart-pillars] svg').textContent.includes('81,3%'));
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    test('a pointer over a bar shows its tooltip; leaving hides it', async () => {
      const page = await ready();
      // The second <rect> is the first bar's track (the first is the background).
      const bar = await centreOf(page, '[data-testid=chart-pillars] svg rect', 1);
      await page.moveTo(1, 1);
      await page.moveTo(bar.x, bar.y);
      await page.waitFor(TOOLTIP);
      const text = await tooltipText(page);
      assert.match(text, /Chính quyền số: đạt 13\/16 chỉ tiêu \(81,3%\)/);
      assert.match(text, /Thời điểm: 11 tháng năm 2023/);
      await page.moveTo(2, 2);
      await page.waitForFunction((s) => !document.querySelector(s), TOOLTIP);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    test('Tab reaches a chart, arrow keys walk its marks, Escape dismisses', async () => {
      const page = await ready();
      await page.focus('[data-testid=table-switch-indicators]');
      await page.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'chart-indicators');
      await page.press('ArrowRight');
      await page.waitFor(TOOLTIP);
      assert.match(await tooltipText(page), /^11 tháng năm 2023: 100%/);
      await page.press('ArrowRight');
      await page.waitForFunction((s) => /^Mục tiêu 2024: 100%/.test(document.querySelector(s)?.textContent), TOOLTIP);
      await page.press('Escape');
      await page.waitForFunction((s) => !document.querySelector(s), TOOLTIP);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    test('"view as table" shows the same numbers as the chart', async () => {
      const page = await ready();
      await page.click('[data-testid=table-switch-pillars]');
      await page.waitFor('[data-testid=table-pillars] table');
      const rows = await page.evaluate(() => [...document.querySelectorAll('[data-testid=table-pillars] table tbody tr')]
        .map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.deepEqual(rows, [
        ['Chính quyền số', '13', '16', '81,3%'],
        ['Kinh tế số', '6', '8', '75,0%'],
        ['Xã hội số', '14', '15', '93,3%'],
      ]);
      await page.close();
    });
  });

  describe('the embed', () => {
    test('an embed page shows its chart, fetches nothing until its reader interacts, then the app draws it from data fetched once', async () => {
      const was = counts(server);
      const wasm = () => server.requests.filter((r) => r.path.endsWith('.wasm')).length;
      const wasmBefore = wasm();
      const page = await engine.open(`${server.url}embed-pillars.html?lang=vi&theme=auto`, { width: 600, height: 700 });
      await page.waitFor('#boot .chart-svg svg', { visible: true });
      await sleep(1000);
      assert.deepEqual(fetched(server, was), { manifest: 0, snapshot: 0 }, 'no data before the reader interacts');
      assert.equal(wasm() - wasmBefore, 0, 'no WASM before the reader interacts');
      await page.click('#boot .mark');
      await page.waitFor('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg');
      assert.match(await page.evaluate(() => document.querySelector('[data-testid=embed] .chart-svg svg').textContent), /13\/16 · 81,3%/);
      await sleep(1000);
      assert.deepEqual(fetched(server, was), { manifest: 1, snapshot: 1 }, 'each fetched once');
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    // A host page sizes the iframe from the embed's messages, as the embed dialog's snippet does.
    // Where scrollbars take width (Firefox's classic ones here), a scrollbar that comes and goes
    // inside the iframe while it grows must not make the embed report a height, then another,
    // then the first again: the heights settle in one direction, to the content's height.
    for (const [chart, width] of [['indicators', 360], ['pillars', 360], ['indicators', 600], ['context', 600]]) {
      test(`on a host page, the embed's height messages settle without wobble (${chart}, ${width} px)`, async () => {
        writeFileSync(join(hostDir, 'index.html'), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo</title>
          <link rel="icon" href="data:,"><script>window.heights = [];
          addEventListener('message', function (e) { var d = e.data; if (!d || d.type !== 'chiso:height') return;
            window.heights.push(d.height); document.querySelector('iframe').style.height = Math.ceil(d.height) + 'px'; });</script></head>
          <body style="margin:0"><iframe src="${server.url}embed-${chart}.html?lang=vi&theme=auto" title="${chart}" style="border:0;width:${width}px"></iframe>
          <div style="height:3000px"></div></body></html>`);
        const page = await engine.open(host.url, { width: 1280, height: 900 });
        // The host page scrolls: how wide a scrollbar is in this engine, as run here.
        const scrollbar = await page.evaluate(() => innerWidth - document.documentElement.clientWidth);
        if (name === 'firefox') assert.ok(scrollbar > 0, 'Firefox runs with classic scrollbars here, or no wobble could be seen');
        const frame = await page.frame('iframe');
        await frame.waitFor('#boot .chart-svg svg', { visible: true });
        await page.waitForFunction(() => window.heights.length > 0);
        await frame.click('#boot .mark');
        await frame.waitFor('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg');
        // Settled: no message for a second.
        let heights = [];
        await until(async () => {
          const now = await page.evaluate(() => window.heights.slice());
          const same = now.length === heights.length;
          heights = now;
          return same;
        }, { interval: 1000, what: 'the height messages to stop' });
        const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const outer = await page.evaluate(() => document.querySelector('iframe').clientHeight);
        console.log(`${name} ${chart} ${width} px (scrollbars ${scrollbar} px wide): heights ${heights.join(' → ')}; content ${content}, iframe ${outer}`);
        assert.equal(heights.at(-1), content, 'the last message is the content\'s height');
        assert.ok(Math.abs(outer - content) <= 1, `iframe ${outer} px, content ${content} px`);
        const steps = heights.slice(1).map((h, i) => Math.sign(h - heights[i])).filter((d) => d !== 0);
        assert.ok(steps.every((d) => d === steps[0]), `the heights wobble: ${heights.join(' → ')}`);
        assert.ok(heights.length <= 4, `too many height messages: ${heights.join(' → ')}`);
        assert.deepEqual(await frame.evaluate(() => window.__probe.errors), []);
        await page.close();
      });
    }

    test('an embed appears without layout shift', async (t) => {
      const page = await engine.open(`${server.url}embed-indicators.html?lang=vi&theme=auto`, { width: 600, height: 700 });
      const types = await page.evaluate(() => PerformanceObserver.supportedEntryTypes ?? []);
      if (!types.includes('layout-shift')) {
        const reason = `${name} reports no layout-shift entries (PerformanceObserver.supportedEntryTypes: ${types.join(', ')}); the Chromium suite checks this`;
        console.log(`skipped: ${reason}`);
        t.skip(reason);
        await page.close();
        return;
      }
      await page.click('#boot .mark');
      await page.waitFor('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg');
      await sleep(500);
      assert.equal(await page.evaluate(() => window.__probe.shifts.reduce((a, b) => a + b, 0)), 0);
      await page.close();
    });
  });

  describe('trust', () => {
    test('every script and the WASM carry their integrity, the CSP is there, and the page runs with them without a violation', async () => {
      const sha384 = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
      for (const file of ['index.html', 'embed-pillars.html']) {
        const html = site.read(file).toString('utf8');
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/, file);
        const tags = [...html.matchAll(/<(?:script|link)[^>]*?(?:src|href)="\.\/([^"]+\.js)"[^>]*?integrity="([^"]+)"/g)];
        // An embed page does not preload the glue: the loader asks for it, with its integrity, at
        // the reader's first touch (checked below).
        const least = file.startsWith('embed-') ? 1 : 2;
        assert.ok(tags.length >= least, `${file}: the loader${least > 1 ? ' and the glue carry their' : ' carries its'} integrity`);
        for (const [, f, integrity] of tags) assert.equal(integrity, sha384(site.read(f)), f);
      }
      // Each page of the reader has its own app: the page's and the embed's, each checked.
      for (const file of ['index.html', 'embed-indicators.html', 'xep-hang.html', 'embed-ranking.html']) {
        const { loader, glue, wasm } = appFiles(site.dir, file);
        assert.ok(site.read(loader).toString('utf8').includes(`m.integrity = '${sha384(site.read(glue))}'`), `${file}: the loader asks for the glue with its integrity`);
        assert.ok(site.read(loader).toString('utf8').includes(`integrity: '${sha384(site.read(wasm))}'`), `${file}: the WASM's integrity`);
      }

      const page = await ready('?lang=en');
      assert.deepEqual(await page.evaluate(() => window.__probe.violations), [], 'no CSP violation');
      assert.deepEqual(await page.errors(), []);
      await page.goto(`${server.url}embed-indicators.html?lang=en&theme=dark`);
      await page.click('#boot .mark');
      await page.waitFor('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg');
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    test('a tampered loader is refused: the pre-rendered page stays, no WASM is fetched', async () => {
      const { loader } = appFiles(site.dir, 'index.html');
      const original = site.read(loader);
      try {
        // A worker from an earlier test would answer with its good copy of the loader (cache first:
        // a hashed name's bytes never change), so the tampered file would never reach the page.
        const clean = await engine.open(`${server.url}favicon.svg`);
        await clean.evaluate(async () => {
          for (const r of (await navigator.serviceWorker?.getRegistrations?.()) ?? []) await r.unregister();
          for (const k of (await globalThis.caches?.keys?.()) ?? []) await caches.delete(k);
        });
        await clean.close();
        site.write(loader, Buffer.concat([original, Buffer.from('\n// changed\n')]));
        const wasm = () => server.requests.filter((r) => r.path.endsWith('.wasm')).length;
        const before = wasm();
        const page = await engine.open(server.url);
        await page.waitFor('#boot .chart-svg svg', { visible: true });
        await sleep(2500);
        assert.equal(wasm() - before, 0, 'the WASM was fetched: the loader ran');
        assert.equal(await page.evaluate(() => !!document.getElementById('app')), false);
        await page.close();
        // An English reader's page fetches its English content (index.en.html) and puts it in
        // place, its figures' rules allowed by the page's policy, in this engine too.
        const en = await engine.open(`${server.url}?lang=en`);
        await en.waitFor('#boot .static-en .chart-svg svg', { visible: true });
        assert.equal(await en.evaluate(() => getComputedStyle(document.querySelector('#boot .static-en .chart-area.static .mark')).position), 'absolute');
        assert.deepEqual(await en.evaluate(() => window.__probe.violations), [], 'no CSP violation');
        // (The one error is the tampered loader's, refused.)
        assert.deepEqual((await en.errors()).filter((e) => !/integrity|\/boot-[0-9a-f]+\.js$/.test(e)), []);
        await en.close();
      } finally {
        site.write(loader, original);
      }
    });

    test('the engine\'s own console has no CSP or preload warning for the page', async (t) => {
      if (!engine.engineConsole) {
        const reason = `${name}'s driver does not show the engine's own console (CSP parser warnings); the probe's violation check runs instead`;
        console.log(`skipped: ${reason}`);
        t.skip(reason);
        return;
      }
      for (const path of ['', '?embed=pillars']) {
        const was = counts(server);
        const lines = await engine.engineConsole(server.url + path, { wait: 7000 });
        console.log(`${name} console for ${path || 'index.html'}: ${lines.length ? lines.join(' | ') : 'nothing'}`);
        assert.deepEqual(lines.filter((l) => /Content-Security-Policy|preload|ERROR/i.test(l)), [], path);
        assert.deepEqual(fetched(server, was), { manifest: 1, snapshot: 1 }, `${path || 'index.html'}: each fetched once`);
      }
    });
  });
});
