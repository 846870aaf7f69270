// An embed wherever a journalist publishes (issue #16 §3): a host that strips scripts keeps the
// fixed-size iframe, which must show the whole chart at every common column width; an AMP page
// sizes `amp-iframe` from the embed's `embed-size` messages; a host that only takes a link finds
// the embed's oEmbed answer (a build given the site's address writes them) and embeds its iframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, copyDist, openPage, serve, useSite } from './harness.mjs';

let site, server, browser;
useSite((env) => ({ site, server, browser } = env));

/** The article columns the fixed height is computed for (`prerender::COLUMNS`). */
const COLUMNS = [320, 360, 414, 600, 680, 740];
const OVERVIEW = ['headline', 'pillars', 'indicators', 'followup', 'context'];
const RANKING = ['ranking', 'moves', 'averages'];
const CHARTS = [...OVERVIEW, ...RANKING];

/** The fixed heights the build wrote for the embed dialog, by chart. */
function builtHeights(html) {
  const content = html.match(/<meta name="chiso-embed-heights" content="([^"]*)">/)?.[1];
  assert.ok(content, 'the page gives the embed dialog the fixed heights');
  return Object.fromEntries(content.split(' ').map((e) => e.split(':')).map(([c, h]) => [c, Number(h)]));
}

/** A page of another origin, as a newspaper's (a second server over an empty folder). */
async function hostSite() {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-host-'));
  const host = await serve(dir);
  return {
    url: host.url,
    page(name, body) {
      writeFileSync(join(dir, name), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo</title><link rel="icon" href="data:,"></head>\n<body style="margin:0">${body}</body></html>`);
      return host.url + name;
    },
    async close() { await host.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** The fixed-size snippets exactly as the embed dialog offers them, with the label it shows. */
async function fixedSnippets() {
  const page = await openPage(browser);
  const out = {};
  for (const [path, charts] of [['', OVERVIEW], ['xep-hang.html', RANKING]]) {
    await page.goto(server.url + path);
    for (const id of charts) {
      await page.getByTestId(`embed-${id}`).click();
      const dialog = page.getByTestId(`embed-dialog-${id}`);
      await dialog.waitFor();
      out[id] = {
        fixed: await dialog.getByTestId(`fixed-${id}`).inputValue(),
        label: await dialog.locator(`label[for=fixed-${id}]`).textContent(),
      };
      await dialog.locator('button.close').click();
    }
  }
  await page.context().close();
  return out;
}

let snippets;
const dialogSnippets = () => (snippets ??= fixedSnippets());

test('the embed dialog offers each chart the fixed height the build computed, and says which columns it fits', async () => {
  const heights = builtHeights(readFileSync(join(DIST, 'index.html'), 'utf8'));
  assert.deepEqual(builtHeights(readFileSync(join(DIST, 'xep-hang.html'), 'utf8')), heights);
  const s = await dialogSnippets();
  for (const id of CHARTS) {
    assert.ok(heights[id] > 300, `${id}: ${heights[id]} px`);
    assert.match(s[id].fixed, new RegExp(`^<iframe src="[^"]+embed-${id}\\.html\\?[^"]+" title="[^"]+" width="100%" height="${heights[id]}" `));
    assert.doesNotMatch(s[id].fixed, /<script/);
    assert.match(s[id].label, /320–740 px/);
  }
  console.log(`fixed heights (px): ${CHARTS.map((c) => `${c} ${heights[c]}`).join(', ')}`);
});

// A host that strips scripts: the iframe keeps the height the snippet gives it. At each column
// width, in each way the embed may show (no script in the frame at all; pre-rendered, in each
// language; drawn by the app once its reader touched it), nothing is cut: the content ends inside
// the frame, which neither scrolls nor hides anything.
const MODES = [
  { name: 'no script', sandbox: true },
  { name: 'pre-rendered, vi, pinned' },
  { name: 'pre-rendered, en, following', en: true },
  { name: 'drawn by the app, vi, pinned', app: true },
  { name: 'drawn by the app, en, following', en: true, app: true },
];
for (const chart of CHARTS) {
  test(`the fixed-size iframe shows the whole ${chart} chart at ${COLUMNS.join(', ')} px`, async () => {
    const s = (await dialogSnippets())[chart];
    const height = Number(s.fixed.match(/ height="(\d+)"/)[1]);
    const host = await hostSite();
    const report = [];
    try {
      for (const mode of MODES) {
        let snippet = s.fixed;
        if (mode.en) snippet = snippet.replace('lang=vi', 'lang=en').replace(/&amp;snapshot=[^"&]+&amp;v=[0-9a-f]+/, '');
        if (mode.sandbox) snippet = snippet.replace('<iframe ', '<iframe sandbox="allow-same-origin" ');
        const url = host.page(`fixed-${chart}.html`, COLUMNS.map((w) => `<div style="width:${w}px">${snippet}</div>`).join('\n'));
        const page = await openPage(browser, { width: 1280, height: 900 });
        await page.goto(url);
        const measured = [];
        for (const [i, w] of COLUMNS.entries()) {
          const frame = page.frameLocator('iframe').nth(i);
          const el = page.locator('iframe').nth(i);
          await el.scrollIntoViewIfNeeded();
          await frame.locator('#boot .chart-svg svg').filter({ visible: true }).first().waitFor();
          const f = await (await el.elementHandle()).contentFrame();
          if (mode.app) {
            await f.locator('#boot .mark').filter({ visible: true }).first().focus();
            await f.locator('.embed-main:not(.pending) [data-testid=embed] .chart-svg svg').waitFor();
            await f.evaluate(() => document.activeElement?.blur());
          }
          if (mode.sandbox) {
            // No script ran: the inline script would have marked the pinned link.
            assert.equal(await f.evaluate(() => document.documentElement.hasAttribute('data-pinned')), false);
          } else {
            assert.equal(await f.evaluate(() => document.documentElement.lang), mode.en ? 'en' : 'vi');
            assert.equal(await f.evaluate(() => document.documentElement.hasAttribute('data-pinned')), !mode.en);
          }
          const m = await f.evaluate(() => {
            const html = document.documentElement;
            return {
              content: Math.ceil(html.getBoundingClientRect().height),
              scroll: html.scrollHeight, client: html.clientHeight,
              wide: html.scrollWidth, clientWidth: html.clientWidth,
              svgBottom: Math.max(...[...document.querySelectorAll('.chart-svg svg')].filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().bottom)),
            };
          });
          measured.push(`${w}:${m.content}`);
          const where = `${chart}, ${mode.name}, ${w} px column: content ${m.content} px in a ${height} px frame`;
          assert.ok(m.content <= height, `cut: ${where}`);
          assert.ok(m.scroll <= m.client, `the frame scrolls (${m.scroll} > ${m.client}): ${where}`);
          assert.ok(m.wide <= m.clientWidth, `cut on the side (${m.wide} > ${m.clientWidth}): ${where}`);
          assert.ok(m.svgBottom <= height, `the drawing ends at ${m.svgBottom}: ${where}`);
        }
        report.push(`${mode.name}: ${measured.join(' ')}`);
        // A frame sandboxed without scripts logs each script it did not run; nothing else.
        assert.deepEqual(page.errors.filter((e) => !(mode.sandbox && /Blocked script execution/.test(e))), []);
        await page.context().close();
      }
    } finally {
      await host.close();
    }
    console.log(`${chart}, fixed ${height} px — content heights by column:\n  ${report.join('\n  ')}`);
  });
}

// AMP: `amp-iframe` resizes to the `embed-size` messages of its frame (sentinel `amp`). The host
// here does what amp-iframe does when it accepts: sets the frame to the height asked for.
test('an embed tells an AMP host its height (embed-size), and again, without wobble, when its width changes', async () => {
  const host = await hostSite();
  try {
    const url = host.page('amp.html', `<script>window.amp = []; window.ours = [];
      addEventListener('message', function (e) {
        var f = document.querySelector('iframe'), d = e.data;
        if (e.source !== f.contentWindow || !d) return;
        if (d.sentinel === 'amp' && d.type === 'embed-size') { window.amp.push(d.height); f.style.height = d.height + 'px'; }
        if (d.type === 'chiso:height') window.ours.push(d.height);
      });</script>
      <iframe src="${server.url}embed-indicators.html?lang=vi&theme=auto" title="Chỉ số" style="border:0;width:360px;height:300px"></iframe>`);
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(url);
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    const settle = async () => {
      let n = -1;
      for (;;) {
        await page.waitForTimeout(700);
        const now = await page.evaluate(() => window.amp.length);
        if (now === n && now > 0) break;
        n = now;
      }
      return page.evaluate(() => ({ amp: window.amp.slice(), ours: window.ours.slice() }));
    };
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const first = await settle();
    const narrow = await content();
    assert.equal(first.amp.at(-1), narrow, `the last embed-size is the content's height: ${first.amp.join(' → ')}`);
    assert.deepEqual(first.amp, first.ours, 'the same heights as the chiso:height messages');
    const steps = (hs) => hs.slice(1).map((h, i) => Math.sign(h - hs[i])).filter((d) => d !== 0);
    assert.ok(steps(first.amp).every((d) => d === steps(first.amp)[0]), `wobble: ${first.amp.join(' → ')}`);

    await page.evaluate(() => { document.querySelector('iframe').style.width = '680px'; });
    const second = await settle();
    const wide = await content();
    const after = second.amp.slice(first.amp.length);
    assert.ok(after.length >= 1 && after.length <= 3, `one new height, or a few settling: ${after.join(' → ')}`);
    assert.equal(after.at(-1), wide);
    assert.notEqual(wide, narrow, 'a wider column is another height');
    assert.ok(steps(after).every((d) => d === steps(after)[0]), `wobble: ${after.join(' → ')}`);
    assert.equal(await page.evaluate(() => document.querySelector('iframe').clientHeight), wide);
    console.log(`embed-size: 360 px ${first.amp.join(' → ')}; 680 px ${after.join(' → ')}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await host.close();
  }
});

// A build without the site's address has no oEmbed: no file, no link (never a wrong address).
test('a build without SITE_URL writes no oEmbed file and no discovery link', { skip: process.env.CHISO_SITE_URL || process.env.SITE_URL ? 'dist/ was built with a site address' : false }, () => {
  const files = readdirSync(DIST);
  assert.deepEqual(files.filter((f) => /^oembed-/.test(f)), []);
  for (const f of files.filter((f) => /^embed-\w+\.html$/.test(f))) {
    assert.doesNotMatch(readFileSync(join(DIST, f), 'utf8'), /application\/json\+oembed/, f);
  }
});

// A host that only takes a link, as an oEmbed consumer does it: fetch the pasted page, find its
// discovery link, fetch the JSON, check it, put its `html` in a page, and see the chart.
test('with SITE_URL, each embed page advertises its oEmbed answer, and its html embeds the chart', async () => {
  const copy = copyDist();
  const own = await serve(copy.dir);
  const host = await hostSite();
  try {
    const bin = resolve('target/release/chiso-prerender');
    assert.ok(existsSync(bin), 'make dist builds chiso-prerender');
    const out = execFileSync(bin, ['--oembed', copy.dir], { env: { ...process.env, CHISO_SITE_URL: own.url }, encoding: 'utf8' });
    assert.match(out, /8 oEmbed files and links/);
    const heights = builtHeights(readFileSync(join(copy.dir, 'index.html'), 'utf8'));
    const bodies = [];
    for (const chart of CHARTS) {
      const pasted = `${own.url}embed-${chart}.html`;
      const page = await (await fetch(pasted)).text();
      const link = page.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/);
      assert.ok(link, `${chart}: a discovery link`);
      assert.equal(link[1], `${own.url}oembed-${chart}.json`);
      assert.equal(page.match(/<link rel="alternate" type="application\/json\+oembed"/g).length, 1);
      const res = await fetch(link[1]);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      const o = await res.json();
      const title = page.match(/<title>(.+?) · Chỉ số<\/title>/)[1];
      assert.deepEqual(
        { version: o.version, type: o.type, title: o.title, provider_name: o.provider_name, provider_url: o.provider_url, width: o.width, height: o.height },
        { version: '1.0', type: 'rich', title, provider_name: 'Chỉ số', provider_url: own.url, width: 740, height: heights[chart] },
      );
      assert.equal(o.html, `<iframe src="${own.url}embed-${chart}.html?lang=vi&amp;theme=auto" title="${title} — Chỉ số" width="100%" height="${heights[chart]}" loading="lazy" style="border:0;width:100%" data-chiso-embed></iframe>`);
      bodies.push(`<div style="width:414px">${o.html}</div>`);
    }
    // Running it again replaces the links, never adds a second.
    execFileSync(bin, ['--oembed', copy.dir], { env: { ...process.env, CHISO_SITE_URL: own.url } });
    assert.equal(readFileSync(join(copy.dir, 'embed-pillars.html'), 'utf8').match(/json\+oembed/g).length, 1);
    // Not an absolute address: an error, no link written.
    assert.throws(() => execFileSync(bin, ['--oembed', copy.dir], { env: { ...process.env, CHISO_SITE_URL: 'chiso/' }, stdio: 'pipe' }));

    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(host.page('pasted.html', bodies.join('\n')));
    for (const [i, chart] of CHARTS.entries()) {
      const el = page.locator('iframe').nth(i);
      await el.scrollIntoViewIfNeeded();
      const f = await (await el.elementHandle()).contentFrame();
      await f.locator('#boot .chart-svg svg').filter({ visible: true }).first().waitFor();
      const m = await f.evaluate(() => ({ content: Math.ceil(document.documentElement.getBoundingClientRect().height), scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
      assert.ok(m.content <= heights[chart] && m.scroll <= m.client, `${chart}: ${JSON.stringify(m)}`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await host.close();
    await own.close();
    copy.remove();
  }
});
