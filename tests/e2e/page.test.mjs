// The transparency page in a real Chromium: tooltips by mouse, keyboard and touch; language;
// pillar highlight; table view; the URL restoring a view; axe-core in both languages and themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, useSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let site, server, browser;

useSite((env) => ({ site, server, browser } = env));

async function ready(page, query = '') {
  await page.goto(server.url + query);
  await page.getByTestId('headline').waitFor();
  for (const id of ['headline', 'pillars', 'indicators', 'context']) {
    await page.locator(`[data-testid=chart-${id}] svg`).waitFor();
  }
}

const tooltip = (page) => page.getByTestId('tooltip');

test('hovering a bar shows its value, as-of and source; leaving hides it', async () => {
  const page = await openPage(browser);
  await ready(page);
  // The second <rect> is the first bar's track (the first is the background).
  await page.getByTestId('chart-pillars').scrollIntoViewIfNeeded();
  const bar = await page.locator('[data-testid=chart-pillars] svg rect').nth(1).boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  await tooltip(page).waitFor();
  const text = await tooltip(page).textContent();
  assert.match(text, /Chính quyền số: đạt 13\/16 chỉ tiêu \(81,3%\)/);
  assert.match(text, /Thời điểm: 11 tháng năm 2023/);
  assert.match(text, /Nguồn: Bà Rịa – Vũng Tàu hoàn thành 33\/39/);
  await page.mouse.move(2, 2);
  await tooltip(page).waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Tab reaches a chart, arrow keys walk its marks, Esc dismisses', async () => {
  const page = await openPage(browser);
  await ready(page);
  await page.getByTestId('table-switch-indicators').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'chart-indicators');
  await page.keyboard.press('ArrowRight');
  // A value is labelled with its as-of: the source gives it for 11 months, not for the year.
  assert.match(await tooltip(page).textContent(), /^11 tháng năm 2023: 100%/);
  assert.equal(await tooltip(page).getAttribute('data-key'), 'tthc-dvctt-toan-trinh:from');
  await page.keyboard.press('ArrowRight');
  // "100%" as the source says it, not "≥ 100%".
  assert.match(await tooltip(page).textContent(), /^Mục tiêu 2024: 100%/);
  await page.keyboard.press('End');
  assert.equal(await tooltip(page).getAttribute('data-key'), 'so-hoa-ket-qua-tthc:to');
  await page.keyboard.press('ArrowLeft');
  // A 2023 value that was never published is a mark of its own, said in words.
  assert.match(await tooltip(page).textContent(), /^2023: chưa công bố/);
  // The focused mark is outlined, visibly.
  assert.equal(await page.locator('[data-testid=chart-indicators] .mark-focus').count(), 1);
  await page.keyboard.press('Escape');
  await tooltip(page).waitFor({ state: 'detached' });
  await page.context().close();
});

test('tapping a dot on a touch screen shows its tooltip; tapping again closes it', async () => {
  const page = await openPage(browser, { width: 360, height: 800, isMobile: true, hasTouch: true });
  await ready(page);
  const dots = page.locator('[data-testid=chart-context] svg circle');
  assert.equal(await dots.count(), 4);
  await dots.nth(1).scrollIntoViewIfNeeded();
  const ring = await dots.nth(1).boundingBox();
  await page.touchscreen.tap(ring.x + ring.width / 2, ring.y + ring.height / 2);
  await tooltip(page).waitFor();
  assert.match(await tooltip(page).textContent(), /^2023: 0,7353/);
  await page.touchscreen.tap(ring.x + ring.width / 2, ring.y + ring.height / 2);
  await tooltip(page).waitFor({ state: 'detached' });
  await page.context().close();
});

test('the language switch changes chart texts and number formats', async () => {
  const page = await openPage(browser);
  await ready(page);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-pillars] svg').textContent.includes('81.3%'));
  assert.match(await page.getByTestId('summary-pillars').textContent(), /Digital government 13\/16 \(81.3%\)/);
  assert.match(await page.getByTestId('summary-context').textContent(), /0\.5878 → 2023: 0\.7353/);
  await page.getByTestId('chart-pillars').scrollIntoViewIfNeeded();
  const bar = await page.locator('[data-testid=chart-pillars] svg rect').nth(1).boundingBox();
  await page.mouse.move(bar.x + 5, bar.y + 5);
  assert.match(await tooltip(page).textContent(), /Digital government: 13 of 16 indicators met \(81.3%\)/);
  assert.match(await page.locator('.sources').textContent(), /VTC News · 27 Jan 2024/);
  await page.context().close();
});

test('choosing a pillar highlights it in every chart and goes into the URL', async () => {
  const page = await openPage(browser);
  await ready(page);
  const before = await page.locator('[data-testid=chart-pillars] svg').innerHTML();
  await page.locator('[data-testid=pillar-picker] [data-pillar=digital_economy]').click();
  assert.equal(await page.locator('[data-pillar=digital_economy]').getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /pillar=digital_economy/);
  await page.waitForFunction((b) => document.querySelector('[data-testid=chart-pillars] svg').innerHTML !== b, before);
  const svg = await page.locator('[data-testid=chart-pillars] svg').innerHTML();
  // The two other pillars' bars are dimmed, the chosen one is outlined.
  assert.equal((svg.match(/#5B978B/g) ?? []).length, 2);
  assert.equal((svg.match(/<rect/g) ?? []).length, 1 + 3 * 3 + 1);
  // No named indicator is tied to a pillar by the sources: the indicator chart says so.
  assert.match(await page.getByTestId('empty-note-indicators').textContent(), /không gắn chỉ tiêu nào/);
  await page.reload();
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.locator('[data-pillar=digital_economy]').getAttribute('aria-pressed'), 'true');
  await page.locator('[data-pillar=all]').click();
  assert.doesNotMatch(page.url(), /pillar=/);
  await page.context().close();
});

test('a legend entry hides and shows its series', async () => {
  const page = await openPage(browser);
  await ready(page);
  const circles = page.locator('[data-testid=chart-indicators] svg circle');
  assert.equal(await circles.count(), 9); // 5 results + 4 goals
  const goal = page.locator('[data-testid=figure-indicators] .legend-entry[data-series=secondary]');
  await goal.click();
  assert.equal(await goal.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chart-indicators] svg circle').length === 5);
  await goal.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chart-indicators] svg circle').length === 9);
  await page.context().close();
});

test('"view as table" shows the same numbers as the chart', async () => {
  const page = await openPage(browser);
  await ready(page);
  await page.getByTestId('table-switch-pillars').click();
  const table = page.getByTestId('table-pillars').locator('table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ['Chính quyền số', '13', '16', '81,3%'],
    ['Kinh tế số', '6', '8', '75,0%'],
    ['Xã hội số', '14', '15', '93,3%'],
  ]);
  assert.equal(await page.getByTestId('chart-pillars').isVisible(), false);
  await page.getByTestId('table-switch-pillars').click();
  assert.equal(await page.getByTestId('chart-pillars').isVisible(), true);
  await page.context().close();
});

test('a copied URL restores language, pillar and selected indicator', async () => {
  const page = await openPage(browser);
  await ready(page);
  // Choose things as a reader would, then open the URL they would copy.
  await page.getByTestId('lang-switch').click();
  await page.locator('[data-pillar=digital_society]').click();
  await page.getByTestId('table-switch-indicators').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const box = await page.locator('[data-testid=chart-indicators] .mark-focus').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const copied = page.url();
  assert.match(copied, /lang=en/);
  assert.match(copied, /pillar=digital_society/);
  assert.match(copied, /indicator=so-hoa-ket-qua-tthc/);
  await page.context().close();

  const fresh = await openPage(browser);
  await fresh.goto(copied);
  await fresh.getByTestId('headline').waitFor();
  assert.equal(await fresh.locator('html').getAttribute('lang'), 'en');
  assert.equal(await fresh.locator('[data-pillar=digital_society]').getAttribute('aria-pressed'), 'true');
  await tooltip(fresh).waitFor();
  assert.match(await tooltip(fresh).textContent(), /^2023: not published/);
  await fresh.context().close();
});

test('dark mode follows prefers-color-scheme, in the page and in the charts', async () => {
  const page = await openPage(browser, { colorScheme: 'dark' });
  await ready(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 23, 28)');
  assert.match(await page.locator('[data-testid=chart-pillars] svg').innerHTML(), /#12171C/);
  await page.context().close();
});

for (const lang of ['vi', 'en']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no WCAG 2.1 A/AA violation (${lang}, ${colorScheme})`, async () => {
      // axe is injected as an inline script, which the page's CSP rightly forbids: bypass it here.
      const page = await openPage(browser, { colorScheme, bypassCSP: true });
      await ready(page, `?lang=${lang}`);
      // Open a tooltip and a table too, so their markup is checked as well.
      await page.getByTestId('table-switch-headline').click();
      await page.getByTestId('table-switch-indicators').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      console.log(`axe ${lang}/${colorScheme}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}

test('at 320 px every chart label fits inside its chart and no two labels overlap', async () => {
  const page = await openPage(browser, { width: 320, height: 800, deviceScaleFactor: 2 });
  await ready(page);
  const report = await page.evaluate(() => {
    const problems = [];
    for (const svg of document.querySelectorAll('.chart-svg svg')) {
      const w = svg.width.baseVal.value;
      const boxes = [...svg.querySelectorAll('text')].map((t) => ({ t: t.textContent.trim(), b: t.getBBox() }));
      for (const { t, b } of boxes) {
        if (b.x < -0.5 || b.x + b.width > w + 0.5) problems.push(`cut off: ${t} (${b.x.toFixed(1)}–${(b.x + b.width).toFixed(1)} of ${w})`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].b, c = boxes[j].b;
          const overlap = Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x) > 1
            && Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y) > 1;
          if (overlap) problems.push(`overlap: "${boxes[i].t}" / "${boxes[j].t}"`);
        }
      }
    }
    return { charts: document.querySelectorAll('.chart-svg svg').length, problems };
  });
  assert.equal(report.charts, 5);
  assert.deepEqual(report.problems, []);
  // Vector graphics: crisp at device pixel ratio 2, and no sideways scrolling.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  await page.context().close();
});

test('the print stylesheet keeps the charts and the sources', async () => {
  const page = await openPage(browser);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  for (const id of ['headline', 'pillars', 'indicators', 'context']) {
    assert.equal(await page.getByTestId(`chart-${id}`).isVisible(), true, id);
  }
  assert.equal(await page.locator('#sources').isVisible(), true);
  assert.equal(await page.getByTestId('pillar-picker').isVisible(), false);
  await page.context().close();
});
