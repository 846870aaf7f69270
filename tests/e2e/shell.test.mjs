// The app shell in a real Chromium on the release build: it mounts, shows the real headline, and
// states every failure in both languages without going blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite, trackLayoutShift, layoutShift } from './harness.mjs';

const SNAPSHOT = 'data/ba-ria-vung-tau-2023.json';
let site, server, browser;

useSite((env) => ({ site, server, browser } = env));

test('the app mounts and leads with the latest tally, 35/39, with its as-of and sources; the 11-month 33/39 is the earlier report', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  const headline = page.getByTestId('headline');
  await headline.waitFor();
  assert.equal(await headline.getByTestId('fraction').textContent(), '35/39');
  assert.equal(await headline.getByTestId('rate').textContent(), '89,7%');
  assert.match(await headline.getByTestId('as-of').textContent(), /cả năm 2023/);
  assert.match(await headline.textContent(), /theo trụ cột: chưa công bố/);
  const sources = headline.getByTestId('source').locator('a');
  assert.equal(await sources.count(), 2);
  assert.match(await sources.first().textContent(), /Sở TT-TT làm tốt vai trò/);
  assert.match(await sources.first().getAttribute('href'), /^https:\/\/baobariavungtau\.com\.vn\//);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  // The 11-month tally is there too, said to be the earlier report, with its pillar split.
  const earlier = page.getByTestId('tally');
  assert.equal(await earlier.getByTestId('fraction').textContent(), '33/39');
  assert.match(await earlier.textContent(), /^Báo cáo trước đó/);
  assert.match(await earlier.textContent(), /Chính quyền số 13\/16/);
  // The boot text is gone once the app is up.
  assert.equal(await page.locator('#boot').count(), 0);
  // Each data file is fetched once (a reactive double fetch once hid here).
  await page.locator('[data-testid=chart-context] svg').waitFor();
  assert.equal(requests.filter((p) => p === '/data/index.json').length, 1);
  assert.equal(requests.filter((p) => p === `/${SNAPSHOT}`).length, 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the pillar chart is drawn by plotters with the real figures', async () => {
  const page = await openPage(browser, { width: 360, height: 740, isMobile: true, hasTouch: true });
  await page.goto(server.url);
  const chart = page.getByTestId('chart-pillars').locator('svg');
  await chart.waitFor();
  const labels = ['Chính quyền số', 'Kinh tế số', 'Xã hội số', '13/16 · 81,3%', '6/8 · 75,0%', '14/15 · 93,3%'];
  const text = await chart.textContent();
  for (const s of labels) assert.ok(text.includes(s), `chart lacks ${s}`);
  // Fits the phone: no horizontal scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const box = await chart.boundingBox();
  assert.ok(box.width <= 360 && box.width > 250, `chart is ${box.width}px wide`);
  // Redrawn to its container when the window grows, not stretched.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-pillars] svg').getAttribute('width') > 800);
  const wide = await chart.textContent();
  for (const s of labels) assert.ok(wide.includes(s), `wide chart lacks ${s}`);
  await page.context().close();
});

test('the language switch changes texts, number format and <html lang>', async () => {
  const page = await openPage(browser);
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  const sw = page.getByTestId('lang-switch');
  assert.equal(await sw.textContent(), 'English');
  await sw.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByTestId('headline').getByTestId('rate').textContent(), '89.7%');
  assert.match(await page.getByTestId('headline').textContent(), /indicators met/);
  assert.equal(await sw.textContent(), 'Tiếng Việt');
  assert.match(page.url(), /[?&]lang=en/);
  await page.reload();
  await page.getByTestId('headline').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.context().close();
});

test('a broken snapshot shows a bilingual error naming the file and field, and retry recovers', async () => {
  const good = site.read(SNAPSHOT);
  const broken = JSON.parse(good.toString('utf8'));
  broken.tallies[0].overall.met = 40;
  site.write(SNAPSHOT, JSON.stringify(broken));
  try {
    const page = await openPage(browser);
    await page.goto(server.url);
    const panel = page.getByTestId('load-error');
    await panel.waitFor();
    assert.equal(await panel.getByTestId('error-file').textContent(), SNAPSHOT);
    const problem = await panel.getByTestId('problem').first().textContent();
    assert.match(problem, /\$\.tallies\[0\]\.overall\.met/);
    assert.match(problem, /số đạt \(40\) lớn hơn số được giao \(39\)/);
    assert.match(problem, /met \(40\) is more than assigned \(39\)/);
    // The rest of the app still works: the language switch answers.
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await panel.locator('h2').textContent(), /could not be loaded/);

    site.write(SNAPSHOT, good);
    await panel.getByTestId('retry').click();
    await page.getByTestId('headline').waitFor();
    assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
    await page.context().close();
  } finally {
    site.write(SNAPSHOT, good);
  }
});

test('a missing manifest and a non-JSON snapshot are each named', async () => {
  const manifest = site.read('data/index.json');
  const good = site.read(SNAPSHOT);
  try {
    const { rmSync } = await import('node:fs');
    rmSync(`${site.dir}/data/index.json`);
    let page = await openPage(browser);
    await page.goto(server.url);
    await page.getByTestId('load-error').waitFor();
    assert.equal(await page.getByTestId('error-file').textContent(), 'data/index.json');
    assert.match(await page.getByTestId('load-error').textContent(), /HTTP 404/);
    await page.context().close();

    site.write('data/index.json', manifest);
    site.write(SNAPSHOT, '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>');
    page = await openPage(browser);
    await page.goto(server.url);
    await page.getByTestId('load-error').waitFor();
    assert.equal(await page.getByTestId('error-file').textContent(), SNAPSHOT);
    assert.match(await page.getByTestId('problem').first().textContent(), /JSON không hợp lệ ở dòng 1/);
    await page.context().close();
  } finally {
    site.write('data/index.json', manifest);
    site.write(SNAPSHOT, good);
  }
});

// Each page has its own WASM: each shows the panel.
for (const file of ['', 'xep-hang.html']) test(`a WASM panic shows an error panel, not a blank page (${file || 'index.html'})`, async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}${file}?panic-test=1`);
  const panel = page.getByTestId('panic');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Ứng dụng gặp lỗi/);
  assert.match(await panel.textContent(), /The app stopped on an error/);
  await page.context().close();
});

test('a broken ranking is named on the ranking page, and retry recovers; the overview, which shows no ranking, does not read it', async () => {
  const good = site.read(SNAPSHOT);
  const broken = JSON.parse(good.toString('utf8'));
  broken.rankings[0].year = 'năm 2022';
  site.write(SNAPSHOT, JSON.stringify(broken));
  try {
    const page = await openPage(browser);
    await page.goto(`${server.url}xep-hang.html`);
    const panel = page.getByTestId('load-error');
    await panel.waitFor();
    assert.equal(await panel.getByTestId('error-file').textContent(), SNAPSHOT);
    assert.match(await panel.getByTestId('problem').first().textContent(), /\$\.rankings\[0\]\.year/);
    site.write(SNAPSHOT, good);
    await panel.getByTestId('retry').click();
    await page.getByTestId('ranking-page').waitFor();
    await page.locator('[data-testid=chart-ranking] svg').waitFor();

    site.write(SNAPSHOT, JSON.stringify(broken));
    await page.goto(server.url);
    await page.getByTestId('headline').waitFor();
    assert.equal(await page.getByTestId('headline').getByTestId('fraction').textContent(), '35/39');
    assert.equal(await page.getByTestId('load-error').count(), 0);
    await page.context().close();
  } finally {
    site.write(SNAPSHOT, good);
  }
});

test('without JavaScript the page still shows the real figures, the four charts and the sources', async () => {
  const page = await openPage(browser, { width: 360, height: 740, javaScriptEnabled: false });
  await page.goto(server.url);
  // The page itself holds its first chart and what leads to it; the rest is in its page of its
  // own (index.vi.html), where the page sends a reader without script at once.
  await page.waitForURL(/\/index\.vi\.html$/);
  assert.equal(await page.locator('head link[rel=canonical]').getAttribute('href'), './');
  const boot = page.locator('#boot');
  assert.match(await boot.locator('.static-vi .tally.headline .fraction').textContent(), /^35\/39$/);
  assert.equal(await boot.locator('.static-vi .tally.headline .rate').textContent(), '89,7%');
  assert.match(await boot.locator('.static-vi .tallies .tally:not(.headline)').textContent(), /^Báo cáo trước đó33\/39/);
  // Every section the app shows, with the same words: goals, initiatives, other figures, method.
  assert.match(await boot.locator('.static-vi .cards').first().textContent(), /^Mục tiêu năm 2024/);
  assert.match(await boot.locator('.static-vi .cards').nth(1).textContent(), /vào thứ Hai và thứ Năm/);
  assert.match(await boot.locator('.static-vi .cards').nth(2).textContent(), /gần 99%/);
  assert.equal(await boot.locator('.static-vi .methodology').count(), 1);
  // Every source is cited by something on the page, by its title, linked.
  assert.match(await boot.locator('.static-vi .unit').textContent(), /từ 01\/07\/2025 · Nguồn: Thành phố Hồ Chí Minh sáp nhập/);
  assert.equal(await boot.locator('.chart-svg svg:visible').count(), 5, 'the overview\'s five charts, in Vietnamese');
  assert.equal(await boot.locator('.static-en').isVisible(), false);
  assert.match(await boot.locator('#chart-pillars svg:visible').textContent(), /13\/16 · 81,3%/);
  assert.match(await boot.locator('#chart-context').textContent(), /0,5878 → 2023: 0,7353/);
  assert.equal(await boot.locator('.static-vi .sources li a').count(), 11);
  assert.doesNotMatch(await boot.locator('.static-vi').textContent(), /seed-|Quyết định 17\/QĐ-UBQGCĐS/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  // The English page is a page of its own, linked from the Vietnamese one (and back), named in the
  // head for crawlers.
  assert.equal(await page.locator('head link[rel=alternate][hreflang=en]').getAttribute('href'), 'index.en.html');
  await boot.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\/index\.en\.html$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Chỉ số · Official figures, with their sources');
  assert.equal(await boot.locator('.static-en .tally.headline .rate').textContent(), '89.7%');
  assert.equal(await boot.locator('.chart-svg svg:visible').count(), 5, 'the five charts, in English');
  assert.match(await boot.locator('#chart-pillars-en svg:visible').textContent(), /13\/16 · 81\.3%/);
  assert.equal(await boot.locator('.static-en .sources li a').count(), 11);
  assert.equal(await boot.locator('.static-vi').count(), 0);
  assert.equal(await page.locator('head link[rel=alternate][hreflang=vi]').getAttribute('href'), './');
  await boot.getByRole('link', { name: 'Tiếng Việt' }).click();
  await page.waitForURL(/\/index\.vi\.html$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  // A browser that does not follow the refresh shows the page's start and a link to the rest.
  const still = await openPage(browser, { width: 360, height: 740, javaScriptEnabled: false });
  await still.route('**/index.vi.html', (r) => r.fulfill({ status: 204 }));
  await still.goto(server.url);
  await still.locator('#boot .static-vi .rest-link a').waitFor();
  assert.equal(await still.locator('#boot .static-vi .rest-link a').getAttribute('href'), 'index.vi.html');
  assert.equal(await still.locator('#boot .static-vi .rest-link a').textContent(), 'Đọc cả trang');
  assert.equal(await still.locator('#boot #chart-headline svg:visible').count(), 1);
  await still.context().close();
  await page.context().close();
});

test('the English page sends a reader with script to the app in English, keeping the link', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await page.route('**/*.wasm', () => {});
  await page.goto(`${server.url}index.en.html?theme=dark#chart-context-en`);
  await page.waitForURL(/\/\?theme=dark&lang=en#chart-context-en$/);
  const boot = page.locator('#boot');
  await boot.locator('.static-en').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await boot.locator('.static-en .tally.headline .rate').textContent(), '89.7%');
  // The ranking's too, and a link that asks for Vietnamese keeps it.
  await page.goto(`${server.url}xep-hang.en.html?lang=vi`);
  await page.waitForURL(/\/xep-hang\.html\?lang=vi$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  // The Vietnamese page sends them on as the link is, in Vietnamese.
  await page.goto(`${server.url}index.vi.html?theme=dark#chart-context`);
  await page.waitForURL(/\/\?theme=dark#chart-context$/);
  await page.locator('#boot #chart-context svg').first().waitFor({ state: 'attached' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without JavaScript each chart is drawn near the width it is seen at, so its words are the app\'s size on a phone as on a desktop', async () => {
  for (const width of [360, 412, 768, 1280]) {
    const page = await openPage(browser, { width, height: 800, javaScriptEnabled: false });
    await page.goto(server.url);
    await page.waitForURL(/\/index\.vi\.html$/);
    const scales = await page.locator('#boot .static-vi .chart-svg svg:visible').evaluateAll((svgs) =>
      svgs.map((s) => s.getBoundingClientRect().width / s.viewBox.baseVal.width));
    assert.equal(scales.length, 5, `${width}px: one drawing of each chart`);
    for (const k of scales) assert.ok(k > 0.85 && k < 1.2, `${width}px: a drawing is shown at ${k.toFixed(2)}× its size`);
    await page.context().close();
  }
});

// Before the first paint a reader with script parses the first chart and what leads to it; the
// rest is held in `<noscript data-later>` (plain text to a browser with script) and put in place
// once that chart is on screen (issue #16 §6). Without script it is all markup, as the test above shows.
test('with script, the page paints its first chart first and then puts the rest in place, whole, in the reader\'s language', async () => {
  const raw = String(site.read('index.html'));
  // (The English start, in a template at the end, is inert: never shown, styled or laid out.)
  const live = raw.replace(/<template data-first="en">[\s\S]*?<\/template>/, '').replace(/<noscript data-(?:later|width)[^>]*>[\s\S]*?<\/noscript>/g, '');
  assert.equal((live.match(/<figure/g) ?? []).length, 1, 'one chart parsed before the first paint');
  assert.match(live, /id="chart-headline"/);
  // Its phone drawing is markup (parsing it costs less than reading it as text and parsing it
  // again from script); a wider screen's waits for the width.
  assert.equal((live.match(/<svg/g) ?? []).length, 1, 'its phone drawing');
  assert.match(live, /<div class="chart-area static w-narrow">/);
  // The rest is not in the page at all: it is in its page of its own (index.vi.html, issue #16 §6),
  // fetched once the first chart is painted.
  assert.doesNotMatch(raw, /id="chart-pillars"|class="cards"/);
  assert.match(String(site.read('index.vi.html')), /<noscript data-later="vi">[\s\S]*id="chart-pillars"/);
  const page = await openPage(browser, { width: 412, height: 823 });
  await page.route('**/*.wasm', () => {});
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  // Which drawing of the first chart is shown before anything else: the phone's.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.__first = [...document.querySelectorAll('#chart-headline .chart-area')].filter((a) => a.checkVisibility()).map((a) => a.classList[2]);
  }));
  await page.goto(`${server.url}#chart-context`);
  const boot = page.locator('#boot');
  assert.deepEqual(await page.evaluate(() => window.__first), ['w-narrow']);
  await page.waitForFunction(() => !document.querySelector('noscript[data-later="vi"]'));
  assert.ok(asked.includes('/index.vi.html') && !asked.includes('/index.en.html'), asked.join(' '));
  assert.equal(await boot.locator('.static-vi .chart-svg svg:visible').count(), 5);
  assert.equal(await boot.locator('.static-vi .cards').count(), 3);
  assert.equal(await boot.locator('.rest-link').count(), 0);
  assert.equal(await boot.locator('.static-vi .sources li a').count(), 11);
  // The English page is for a reader whose link asks for it: this one carries only its start, in
  // a template (never shown, styled or laid out here); the rest is in its page of its own
  // (index.en.html), never fetched for a Vietnamese reader (issue #16 §5).
  assert.equal(await page.locator('noscript[data-later="en"]').count(), 0);
  assert.match(raw, /<template data-first="en"><div class="static-en"/);
  assert.doesNotMatch(raw, /id="chart-pillars-en"/);
  assert.doesNotMatch(await page.locator('body').innerText(), /<svg|<figure|static-en/);
  const quiet = await openPage(browser, { width: 412, height: 823, javaScriptEnabled: false });
  await quiet.goto(server.url);
  await quiet.waitForURL(/\/index\.vi\.html$/);
  const height = () => document.documentElement.scrollHeight;
  // (Not to the pixel: off-screen charts are laid out at a stand-in height until they near the
  // screen, and not the same ones in both; the held-back markup laid out as text made it 14× longer.)
  const [withScript, without] = [await page.evaluate(height), await quiet.evaluate(height)];
  assert.ok(withScript < without * 1.5, `${withScript}px with script, ${without}px without`);
  await quiet.context().close();
  assert.equal(await boot.locator('.static-en').count(), 0);
  // A link to a chart lands on it, though the chart came after the parser had finished.
  assert.equal(await boot.locator('#chart-context').isVisible(), true);
  const top = await boot.locator('#chart-context').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the linked chart is at ${top}px`);
  // Its marks answer as the first chart's do.
  await boot.locator('#chart-pillars .mark:visible').first().focus();
  assert.equal(await boot.locator('#chart-pillars .tooltip:visible').count(), 1);

  // Every drawing comes in the end, so that a turned phone or a wider window shows its own.
  assert.equal(await boot.locator('#chart-headline .chart-area').count(), 3);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await boot.locator('#chart-headline .chart-area.w-wide').isVisible(), true);

  // A reader in English gets the start of the English page from the page itself, and the rest
  // from the English page (index.en.html) once their first chart is painted.
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // (What is there when the English content first appears, before anything else runs.)
  await page.addInitScript(() => new MutationObserver((_, o) => {
    const areas = document.querySelectorAll('#boot .static-en .chart-area');
    if (areas.length) { window.__firstEn = [...areas].map((a) => a.classList[2]); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true }));
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(`${server.url}?lang=en#chart-context-en`);
  await boot.locator('.static-en').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__firstEn), ['w-narrow'], 'the phone\'s drawing of their first chart, at once');
  assert.equal(await page.locator('template[data-first]').count(), 0, 'moved, not copied');
  // Parsed as the page is: its first chart first, the rest once that is painted.
  await page.waitForFunction(() => !document.querySelector('noscript[data-later="en"]'));
  assert.ok(fetched.includes('/index.en.html'), fetched.join(' '));
  assert.equal(await boot.locator('.static-en .chart-svg svg:visible').count(), 5);
  assert.equal(await boot.locator('.static-en .cards').count(), 3);
  assert.equal(await page.locator('noscript[data-later="vi"]').count(), 1);
  // Its link to a chart lands on it, though the chart came after the page.
  await page.waitForFunction(() => Math.abs(document.getElementById('chart-context-en').getBoundingClientRect().top) < 5);
  // Its rules came with it, allowed by the page's policy: the marks are placed and answer.
  await boot.locator('#chart-pillars-en .mark:visible').first().focus();
  assert.equal(await boot.locator('#chart-pillars-en .tooltip:visible').count(), 1);
  // A Vietnamese reader never fetches it.
  fetched.length = 0;
  await page.goto(server.url);
  await page.waitForFunction(() => !document.querySelector('noscript[data-later="vi"]'));
  assert.ok(!fetched.includes('/index.en.html'), fetched.join(' '));
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const wide = await openPage(browser, { width: 1280, height: 800 });
  await wide.route('**/*.wasm', () => {});
  await wide.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.__first = [...document.querySelectorAll('#chart-headline .chart-area')].filter((a) => a.checkVisibility()).map((a) => a.classList[2]);
  }));
  await wide.goto(server.url);
  assert.deepEqual(await wide.evaluate(() => window.__first), ['w-wide']);
  await wide.context().close();
});

test('before the WASM arrives, the pre-rendered charts answer a mouse, a finger and Tab with the app\'s own tooltips', async () => {
  const page = await openPage(browser, { width: 412, height: 823, hasTouch: true });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const boot = page.locator('#boot');
  const visibleTips = (scope) => scope.locator('.tooltip').evaluateAll((ts) => ts.filter((t) => t.checkVisibility()).map((t) => t.textContent));
  assert.deepEqual(await visibleTips(boot), [], 'no tooltip before any pointer');

  // A mouse over the first pillar bar.
  const pillars = boot.locator('#chart-pillars');
  await pillars.scrollIntoViewIfNeeded();
  const bar = await pillars.locator('svg:visible rect').nth(1).boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  const [hovered] = await visibleTips(pillars);
  assert.match(hovered, /^Chính quyền số: đạt 13\/16 chỉ tiêu \(81,3%\)Thời điểm: 11 tháng năm 2023Nguồn: /);
  await page.mouse.move(1, 1);
  assert.deepEqual(await visibleTips(boot), []);

  // A finger on the headline bar.
  const headline = boot.locator('#chart-headline');
  await headline.locator('.mark:visible').first().tap();
  assert.match((await visibleTips(headline))[0], /^Đạt 35\/39 chỉ tiêu \(89,7%\)/);

  // Tab walks the indicator marks; an unknown end says so in words.
  const indicators = boot.locator('#chart-indicators');
  await indicators.locator('.mark:visible').first().focus();
  const first = await visibleTips(indicators);
  await page.keyboard.press('Tab');
  const second = await visibleTips(indicators);
  assert.equal(first.length, 1);
  assert.equal(second.length, 1);
  assert.notEqual(first[0], second[0]);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label').length > 20), true);
  assert.match((await indicators.locator('.tooltip').allTextContents()).join('|'), /chưa công bố/);

  // Once the WASM arrives, the app takes over; the reader who had tabbed into the indicator
  // chart is still in it, and the app says the very same words for the same bar.
  release();
  await boot.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'chart-indicators');
  const area = page.getByTestId('chart-pillars');
  await area.scrollIntoViewIfNeeded();
  const box = await area.locator('svg rect').nth(1).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await area.getByTestId('tooltip').textContent(), hovered);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('before the WASM, the pre-rendered page is in the language the link asks for, and never shows other data than the link pins', async () => {
  const page = await openPage(browser, { width: 412, height: 823 });
  await page.route('**/*.wasm', () => {});
  await page.goto(`${server.url}?lang=en`);
  const boot = page.locator('#boot');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Chỉ số · Official figures, with their sources');
  assert.equal(await boot.locator('.static-vi').isVisible(), false);
  assert.match(await boot.locator('.static-en h1').textContent(), /Digital transformation/);
  assert.equal(await boot.locator('.static-en .tally.headline .rate').textContent(), '89.7%');
  assert.match(await boot.locator('.static-en .version-note:visible').textContent(), /^Following the latest data/);
  assert.match(await boot.locator('#chart-pillars-en svg:visible').textContent(), /13\/16 · 81\.3%/);
  // Pinned to the version it was built from: the same figures, said to be pinned.
  const version = JSON.parse(site.read('data/index.json')).snapshots[0].versions[0].version;
  await page.goto(`${server.url}?snapshot=ba-ria-vung-tau-2023&v=${version}`);
  assert.match(await boot.locator('.static-vi .version-note:visible').textContent(), new RegExp(`^Số liệu ghim ở phiên bản ${version}`));
  // Pinned to another version: no figure is shown until the app has loaded that version.
  await page.goto(`${server.url}?snapshot=ba-ria-vung-tau-2023&v=000000000000`);
  assert.equal(await boot.locator('.static-vi').isVisible(), false);
  assert.equal(await boot.locator('.loading').isVisible(), true);
  await page.context().close();
});

for (const [width, height] of [[412, 823], [1280, 900]]) {
  test(`the app takes over from the pre-rendered page in one step, with no layout shift (${width} px)`, async () => {
    const page = await openPage(browser, { width, height });
    await trackLayoutShift(page);
    await page.goto(server.url);
    await page.getByTestId('headline').waitFor();
    await page.locator('#boot').waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#app').isVisible(), true);
    assert.equal(await page.locator('#app.pending').count(), 0);
    const cls = await layoutShift(page);
    assert.equal(cls, 0, `CLS ${cls}`);
    await page.context().close();
  });
}

// What both pages show (brand, unit line, tallies, the cards, source links, legends) has one home for its
// words (`present`) and its class names (`markup::class`); this compares the two DOMs, piece by
// piece, in both languages. Tags may differ only where the app's piece is interactive (a legend
// entry is a button in the app, a label in the static page).
test('the static page and the app show the shared pieces alike, in both languages', async () => {
  const shape = (root) => root.evaluateAll((els) => els.map(function walk(el) {
    const kids = [...el.children].map(walk);
    return {
      class: el.getAttribute('class') ?? '',
      text: kids.length ? undefined : el.textContent.replace(/\s+/g, ' ').trim(),
      all: el.textContent.replace(/\s+/g, ' ').trim(),
      kids,
    };
  }));
  // Without script, what the page holds back until its first chart is painted sits in a
  // `<noscript>` of the dashboard (issue #16 §6).
  const top = (sel) => `.dashboard > ${sel}, .dashboard > noscript > ${sel}`;
  const pieces = (scope, chartScope) => ({
    brand: scope.locator('header.site .brand'),
    unit: scope.locator(top('.unit')),
    tallies: scope.locator('.tallies > div'),
    sources: scope.locator('.sources .source-ref'),
    unknowns: scope.locator(top('.unknowns')),
    cards: scope.locator(top('.cards')),
    methodology: scope.locator(top('.methodology')),
    legends: chartScope.locator('.legend'),
  });
  const read = async (p) => Object.fromEntries(await Promise.all(Object.entries(p).map(async ([k, v]) => [k, await shape(v)])));

  const quiet = await openPage(browser, { width: 412, height: 823, javaScriptEnabled: false });
  await quiet.goto(server.url);
  await quiet.waitForURL(/\/index\.vi\.html$/);
  const staticVi = await read(pieces(quiet.locator('#boot .static-vi'), quiet.locator('#boot .static-vi .chart-figure')));
  await quiet.goto(`${server.url}index.en.html`);
  const staticEn = await read(pieces(quiet.locator('#boot .static-en'), quiet.locator('#boot .static-en .chart-figure')));
  await quiet.context().close();

  const page = await openPage(browser, { width: 412, height: 823 });
  await page.goto(server.url);
  await page.locator('#boot').waitFor({ state: 'detached' });
  await page.getByTestId('other-figures').waitFor();
  const appVi = await read(pieces(page.locator('#app'), page.locator('#app .chart-figure')));
  await page.getByTestId('lang-switch').click();
  await page.locator('html[lang=en]').waitFor();
  const appEn = await read(pieces(page.locator('#app'), page.locator('#app .chart-figure')));
  await page.context().close();

  for (const [lang, st, app] of [['vi', staticVi, appVi], ['en', staticEn, appEn]]) {
    for (const piece of ['brand', 'unit', 'tallies', 'sources', 'unknowns', 'cards', 'methodology']) {
      assert.ok(st[piece].length > 0, `${lang} ${piece}: the static page shows it`);
      assert.deepEqual(app[piece], st[piece], `${lang} ${piece}: the same classes and words`);
    }
    // Each of the four charts has its legend on both pages: the same entries, classes and words.
    const entries = (legends) => legends.map((l) => ({ class: l.class, entries: l.kids.map((e) => ({ class: e.class, text: e.all, swatch: e.kids[0]?.class })) }));
    assert.equal(st.legends.length, 5, `${lang}: a legend for each chart`);
    assert.deepEqual(entries(app.legends), entries(st.legends), `${lang} legends`);
  }
});
