// What happened next, in a real Chromium: were the 2024 goals reached (the follow-up on the
// overview), where the province stands among the 63 (the ranking page: every province, the page's
// own highlighted, unknown ranks shown as unknown, a province found by name, another ranking
// chosen), how ranks moved within one grouping, the averages with each year's method; the pages
// linked both ways keeping the language; the static ranking page without JavaScript; axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, useSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let server, browser;

useSite((env) => ({ server, browser } = env));

const tooltip = (page) => page.getByTestId('tooltip');

async function rankingPage(page, query = '') {
  await page.goto(`${server.url}xep-hang.html${query}`);
  await page.getByTestId('ranking-page').waitFor();
  for (const id of ['ranking', 'moves', 'averages']) {
    await page.locator(`[data-testid=chart-${id}] svg`).waitFor();
  }
  await page.locator('#boot').waitFor({ state: 'detached' });
}

test('the overview answers "were the 2024 goals reached?": 12/15 said to be a new set, each goal with its later report and status, by keyboard and in a table', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await page.goto(server.url);
  const followup = page.getByTestId('followup');
  await followup.waitFor();
  const set = followup.getByTestId('set-tally');
  assert.match(await set.textContent(), /^12\/15 15 chỉ tiêu chính quyền số năm 2024/);
  assert.match(await set.textContent(), /Bộ chỉ tiêu mới: không so sánh được với kết quả năm trước\./);
  const area = page.getByTestId('chart-followup');
  await area.locator('svg').waitFor();
  await area.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(page).textContent(), /^11 tháng năm 2023: 100%/);
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(page).textContent(), /^Mục tiêu 2024: 100%/);
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(page).textContent(), /^Đã báo cáo \(đến 15\/10\/2024\): 100%Tỷ lệ thủ tục/);
  assert.match(await tooltip(page).textContent(), /Tình trạng: Đạt/);
  assert.match(await page.getByTestId('summary-followup').textContent(), /^4 chỉ tiêu có mục tiêu năm 2024\. Theo báo cáo sau đó \(đến 15\/10\/2024\): 1 đạt, 0 chưa đạt, 3 chưa rõ\.$/);
  await page.getByTestId('table-switch-followup').click();
  const rows = page.getByTestId('table-followup').locator('tbody tr');
  assert.equal(await rows.count(), 5);
  // The city's figure is the city's, never the province's.
  assert.match(await rows.nth(3).textContent(), /chưa công bố/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the ranking page shows all 63 provinces, the page\'s own highlighted, unknown ranks as unknown, the mean marked; a province is found by name; the link keeps the view', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await rankingPage(page);
  assert.equal(await page.title(), 'Xếp hạng giữa các tỉnh, thành phố · Chỉ số');
  const summary = await page.getByTestId('summary-ranking').textContent();
  assert.match(summary, /^Xếp hạng DTI cấp tỉnh 2023: Tỉnh Bà Rịa – Vũng Tàu đứng thứ 10\/63 \(điểm 0,7353\)\./);
  assert.match(summary, /50 đơn vị chưa rõ thứ hạng\.$/);
  const svg = page.locator('[data-testid=chart-ranking] svg');
  assert.match(await svg.textContent(), /Trung bình cấp tỉnh 0,6783/);
  await page.getByTestId('table-switch-ranking').click();
  const rows = page.getByTestId('table-ranking').locator('tbody tr');
  assert.equal(await rows.count(), 63, 'every province, none dropped');
  assert.match(await rows.nth(9).textContent(), /^10\/63Bà Rịa - Vũng Tàu0,7353/);
  assert.match(await rows.nth(62).textContent(), /^chưa rõ/);
  await page.getByTestId('table-switch-ranking').click();

  // Find a province: its row's tooltip opens, and the link says which.
  await page.getByTestId('unit-finder').selectOption('tuyen-quang');
  await tooltip(page).waitFor();
  assert.match(await tooltip(page).textContent(), /^Tuyên QuangThứ hạng: 38\/63Điểm DTI: 0,6735/);
  assert.match(page.url(), /unit=tuyen-quang/);

  // Another ranking: the 34 after the merger, where the province is not a unit.
  await page.getByTestId('ranking-picker').selectOption('dti-2024-34');
  await page.waitForFunction(() => document.querySelector('[data-testid=summary-ranking]').textContent.includes('không phải là đơn vị'));
  assert.match(page.url(), /ranking=dti-2024-34/);
  const merged = await page.getByTestId('summary-ranking').textContent();
  assert.match(merged, /Tỉnh Bà Rịa – Vũng Tàu không phải là đơn vị trong nhóm này\./);

  // The link keeps the view: a reader opening it sees the same ranking.
  const fresh = await openPage(browser, { width: 412, height: 823 });
  await fresh.goto(page.url());
  await fresh.getByTestId('ranking-page').waitFor();
  await fresh.waitForFunction(() => document.querySelector('[data-testid=summary-ranking]')?.textContent.includes('34'));
  assert.equal(await fresh.getByTestId('ranking-picker').inputValue(), 'dti-2024-34');
  await fresh.context().close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('hovering a ranking row answers with its province; a finger tap too', async () => {
  const page = await openPage(browser, { width: 412, height: 823, hasTouch: true });
  await rankingPage(page);
  const row = (name) => page.locator('[data-testid=chart-ranking] svg text', { hasText: name }).first();
  await row(/Bà Rịa/).scrollIntoViewIfNeeded();
  const own = await row(/Bà Rịa/).boundingBox();
  await page.mouse.move(own.x + own.width / 2, own.y + own.height / 2);
  await tooltip(page).waitFor();
  assert.match(await tooltip(page).textContent(), /^Bà Rịa - Vũng TàuThứ hạng: 10\/63Điểm DTI: 0,7353Đơn vị của trang này/);
  // Where the boxes are (chart::mark::tooltip_box): the outline around the row under the pointer,
  // the tooltip 6 px below it, 260 px wide at most, inside the chart.
  const area = page.getByTestId('chart-ranking');
  const boxes = async () => ({ chart: await area.boundingBox(), focus: await area.locator('.mark-focus').boundingBox(), tip: await tooltip(page).boundingBox() });
  const near = (a, b, what) => assert.ok(Math.abs(a - b) < 0.5, `${what}: ${a} ≠ ${b}`);
  let { chart, focus, tip } = await boxes();
  assert.ok(focus.y <= own.y + own.height / 2 && own.y + own.height / 2 <= focus.y + focus.height, 'the outline is around the row');
  near(tip.y, focus.y + focus.height + 6, 'the tooltip sits 6 px below the outline');
  near(tip.width, Math.min(260, chart.width), 'the tooltip is 260 px wide at most');
  assert.ok(tip.x >= chart.x - 0.5 && tip.x + tip.width <= chart.x + chart.width + 0.5, 'the tooltip is inside the chart');
  // Screen readers hear the same words from the live region.
  const live = area.locator('[aria-live=polite]');
  await page.waitForFunction((el) => el.textContent.startsWith('Bà Rịa - Vũng Tàu. Thứ hạng: 10/63. Điểm DTI: 0,7353'), await live.elementHandle());
  // The next row down: the same boxes, moved, with its words.
  await page.mouse.move(own.x + own.width / 2, focus.y + focus.height + 4);
  await page.waitForFunction(() => !document.querySelector('[data-testid=chart-ranking] [data-testid=tooltip]').textContent.startsWith('Bà Rịa'));
  assert.match(await tooltip(page).textContent(), /^Thanh HóaThứ hạng: 11\/63/);
  const next = await boxes();
  assert.ok(next.focus.y >= focus.y + focus.height - 0.5 && next.focus.height === focus.height, 'the outline is on the next row');
  near(next.tip.y, next.focus.y + next.focus.height + 6, 'and the tooltip below it');
  await page.waitForFunction((el) => el.textContent.startsWith('Thanh Hóa. Thứ hạng: 11/63'), await live.elementHandle());
  await page.mouse.move(1, 1);
  await tooltip(page).waitFor({ state: 'detached' });
  await page.waitForFunction((el) => el.textContent === '', await live.elementHandle());
  await row(/Bắc Kạn/).scrollIntoViewIfNeeded();
  const last = await row(/Bắc Kạn/).boundingBox();
  await page.touchscreen.tap(last.x + last.width / 2, last.y + last.height / 2);
  await tooltip(page).waitFor();
  assert.match(await tooltip(page).textContent(), /Thứ hạng: chưa rõ/);
  await page.context().close();
});

test('moves are read within one grouping, 2022 → 2023; the averages carry each year\'s method', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await rankingPage(page, '?lang=en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.getByTestId('summary-moves').textContent(), /^13 provinces and cities are ranked in both 2022 and 2023 \(the same grouping of 63\)\. Bà Rịa – Vũng Tàu province: 28 → 10 \(up 18 places\)\.$/);
  const notes = page.getByTestId('notes-averages').locator('li');
  assert.equal(await notes.count(), 6);
  assert.match(await notes.first().textContent(), /^1\. 2020 framework: 1,000 points, 108 components\.$/);
  assert.match(await page.getByTestId('summary-averages').textContent(), /The method changed almost every year/);
  await page.context().close();
});

test('the two pages link to each other and keep the reader\'s language', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await page.goto(`${server.url}?lang=en`);
  await page.getByTestId('headline').waitFor();
  await page.getByTestId('page-nav').locator('[data-view=ranking]').click();
  await page.getByTestId('ranking-page').waitFor();
  assert.match(page.url(), /xep-hang\.html\?lang=en$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('page-nav').locator('[aria-current=page]').textContent(), 'Among the provinces and cities');
  await page.getByTestId('page-nav').locator('[data-view=overview]').click();
  await page.getByTestId('headline').waitFor();
  assert.match(page.url(), /\/\?lang=en$/);
  await page.context().close();
});

test('each page loads its own WASM; a link to the other page\'s app, as first published, reaches that page with the whole link, fetching no WASM on the way', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${server.url}?lang=en&theme=dark`);
  await page.getByTestId('headline').waitFor();
  await page.locator('[data-testid=chart-context] svg').waitFor();
  const overview = wasm.splice(0);
  assert.equal(overview.length, 1, overview.join(', '));
  // The nav keeps the language and the theme, and the ranking page has a WASM of its own.
  await page.getByTestId('page-nav').locator('[data-view=ranking]').click();
  await page.getByTestId('ranking-page').waitFor();
  await page.locator('[data-testid=chart-averages] svg').waitFor();
  assert.match(page.url(), /xep-hang\.html\?lang=en&theme=dark$/);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  const ranking = wasm.splice(0);
  assert.equal(ranking.length, 1, ranking.join(', '));
  assert.notEqual(ranking[0], overview[0]);
  const cases = [
    // The ranking page as first linked: `?view=ranking` on the overview, every parameter kept.
    ['?view=ranking&lang=en&theme=dark&ranking=dti-2022&unit=VN-01&utm_source=x#chart-moves', /\/xep-hang\.html\?view=ranking&lang=en&theme=dark&ranking=dti-2022&unit=VN-01&utm_source=x#chart-moves$/, ranking[0], 'ranking-page'],
    // The embed of a ranking chart on the overview's link, and the reverse.
    ['?embed=moves&lang=en', /\/xep-hang\.html\?embed=moves&lang=en$/, ranking[0], 'embed'],
    ['xep-hang.html?embed=pillars', /\/\?embed=pillars$/, overview[0], 'embed'],
    ['xep-hang.html?view=overview&lang=en', /\/\?view=overview&lang=en$/, overview[0], 'dashboard'],
    ['embed-moves.html?embed=headline', /\/\?embed=headline$/, overview[0], 'embed'],
  ];
  for (const [link, lands, loads, shows] of cases) {
    await page.goto(`${server.url}${link}`);
    await page.getByTestId(shows).waitFor();
    await page.locator(`[data-testid=${shows}] .chart-svg svg`).first().waitFor();
    assert.match(page.url(), lands, link);
    assert.deepEqual(wasm.splice(0), [loads], `${link}: only its page's WASM`);
  }
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.equal(await page.title(), 'Chỉ tiêu đạt trên số được giao · Chỉ số', 'the embed of the headline, as the last link asked');
  await page.context().close();
});

test('without JavaScript the ranking page shows the ranking, the moves and the averages, drawn at build time', async () => {
  const page = await openPage(browser, { width: 360, height: 740, javaScriptEnabled: false });
  await page.goto(`${server.url}xep-hang.html`);
  // Sent at once to the ranking page's static content, all of it (xep-hang.vi.html).
  await page.waitForURL(/\/xep-hang\.vi\.html$/);
  const boot = page.locator('#boot .static-vi');
  assert.equal(await boot.locator('.chart-svg svg:visible').count(), 3);
  assert.match(await boot.locator('#chart-ranking svg:visible').textContent(), /Bà Rịa - Vũng/);
  assert.equal(await boot.locator('#chart-ranking .chart-area.static:visible .mark').count(), 63);
  assert.equal(await boot.locator('#chart-averages .chart-notes li').count(), 6);
  assert.ok(await boot.locator('.sources li a').count() >= 10);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await page.context().close();
});

test('at 320 px every label of the ranking page\'s charts fits inside its chart and no two overlap', async () => {
  const page = await openPage(browser, { width: 320, height: 800, deviceScaleFactor: 2 });
  await rankingPage(page);
  const problems = await page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('#app .chart-svg svg')) {
      const w = svg.width.baseVal.value;
      const boxes = [...svg.querySelectorAll('text')].map((t) => ({ t: t.textContent.trim(), b: t.getBBox() }));
      for (const { t, b } of boxes) if (b.x < -0.5 || b.x + b.width > w + 0.5) out.push(`cut off: ${t}`);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].b, c = boxes[j].b;
        if (Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x) > 1 && Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y) > 1) out.push(`overlap: "${boxes[i].t}" / "${boxes[j].t}"`);
      }
    }
    return out;
  });
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const lang of ['vi', 'en']) {
  test(`axe-core finds no WCAG 2.1 A/AA violation on the ranking page (${lang})`, async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await rankingPage(page, `?lang=${lang}`);
    await page.getByTestId('table-switch-moves').click();
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

test('what changed: the log says figure by figure what each version changed and each figure over the reports; a link pinned to the first version says so quietly and links to it', async () => {
  const page = await openPage(browser, { width: 412, height: 823, javaScriptEnabled: false });
  await page.goto(`${server.url}thay-doi.html`);
  const log = page.locator('#boot .static-vi');
  const changes = await log.locator('.changes').first().textContent();
  assert.match(changes, /so với phiên bản 02478a74b21c/);
  assert.match(changes, /Thủ tục hành chính được giải quyết đúng hạn: khoảng 99% → gần 99%/);
  assert.match(changes, /Cơ quan có dữ liệu tích hợp vào IOC tỉnh · thời điểm: cả năm 2023 → ngày 29\/1\/2024/);
  const revisions = await log.locator('.revisions').textContent();
  assert.match(revisions, /Số chỉ tiêu đạt: 33\/39 \(11 tháng năm 2023\) → 35\/39 \(cả năm 2023\)/);
  assert.match(revisions, /98% \(11 tháng năm 2023\) → 100% \(đến 15\/10\/2024\)/);
  assert.doesNotMatch(revisions, /13\/16[^;]*12\/15/, 'a later set never continues the first');
  await page.context().close();

  // A reader of a link pinned to the first version: the figures they were given, and a quiet
  // note that newer data exist, with the log one click away.
  const pinned = await openPage(browser, { width: 412, height: 823 });
  await pinned.goto(`${server.url}?snapshot=ba-ria-vung-tau-2023&v=02478a74b21c`);
  await pinned.getByTestId('headline').waitFor();
  const note = pinned.getByTestId('version-note');
  assert.match(await note.textContent(), /Số liệu ghim ở phiên bản 02478a74b21c/);
  assert.match(await pinned.getByTestId('changes-link').getAttribute('href'), /thay-doi\.html\?lang=vi$/);
  await pinned.context().close();
});
