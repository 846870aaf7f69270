// The data editors' studio (studio.html), driven as an editor would: real files chosen through
// the file input (a snapshot JSON, the template workbook as XLSX or CSV, an image, broken and
// oversized files), dropped, or pasted; then the problems, the preview, the comparison with the
// published version and the downloads are checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openPage, useSite } from './harness.mjs';
import { unzip, withCell, zip } from './xlsx.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const GOOD = 'data/ba-ria-vung-tau-2023.json';
const TEMPLATE = 'templates/ba-ria-vung-tau-2023.xlsx';
const CSV_DIR = 'templates/ba-ria-vung-tau-2023';
let site, server, browser;
useSite((env) => ({ site, server, browser } = env));

const dir = mkdtempSync(join(tmpdir(), 'chiso-studio-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file for the file input, as an editor's file on disk. */
function file(name, bytes) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const goodText = () => site.read(GOOD).toString('utf8');
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

async function open(options) {
  const page = await openPage(browser, options);
  await page.goto(`${server.url}studio.html`);
  await page.getByTestId('studio-file').waitFor();
  return page;
}

/** Runs `start` and waits for the check it starts to end. */
async function checked(page, start) {
  const runs = Number(await page.getByTestId('studio-check').getAttribute('data-runs'));
  await start();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=studio-check]').dataset.runs) > n, runs, { timeout: 30000 });
}

/** Chooses files through the file input and waits for the check to end. */
const choose = (page, paths) => checked(page, () => page.getByTestId('studio-file').setInputFiles(paths));

/** The changes listed, as `kind loud: vi | en`. */
async function changes(page) {
  await page.getByTestId('studio-compare').waitFor({ timeout: 20000 });
  return page.getByTestId('change').evaluateAll((items) => items.map((li) =>
    `${li.dataset.kind} ${li.dataset.loud}: ${li.querySelector('[data-testid=change-vi]').textContent} | ${li.querySelector('[data-testid=change-en]').textContent}`));
}

const CHARTS = { overview: ['headline', 'pillars', 'indicators', 'followup', 'context'], ranking: ['ranking', 'moves', 'averages'] };

async function everyChart(page, which) {
  const preview = page.getByTestId('studio-preview');
  for (const id of CHARTS[which]) {
    await preview.locator(`[data-testid=chart-${id}] .chart-svg svg`).waitFor({ timeout: 20000 });
  }
}

function noErrors(page) {
  assert.deepEqual(page.errors, [], 'console errors, uncaught exceptions or failed requests');
}

const changedFullYear = () => goodText().replace('"met": 35,', '"met": 36,');

test('a JSON with one figure changed: no problem, the page previewed with every chart, exactly that change compared', async () => {
  const page = await open();
  await choose(page, file('ba-ria-vung-tau-2023.json', changedFullYear()));
  assert.match(await page.getByTestId('studio-ok').textContent(), /Không có lỗi.*No problems/s);
  assert.deepEqual(await changes(page), [
    'changed false: Số chỉ tiêu đạt, cả năm 2023: 35/39 → 36/39 | Tally, full year 2023: 35/39 → 36/39',
  ]);
  assert.equal(await page.getByTestId('studio-loud').count(), 0);
  assert.match(await page.getByTestId('studio-summary').textContent(), /1 thay đổi, 0 giá trị.*1 change, 0 values/s);
  const preview = page.getByTestId('studio-preview');
  await everyChart(page, 'overview');
  assert.equal(await preview.getByTestId('headline').getByTestId('fraction').textContent(), '36/39');
  assert.equal(await preview.getAttribute('lang'), 'vi');
  noErrors(page);
  await page.context().close();
});

test('the preview switches language, width and page, and stays in the studio', async () => {
  const page = await open();
  await choose(page, file('ba-ria-vung-tau-2023.json', changedFullYear()));
  const preview = page.getByTestId('studio-preview');
  await everyChart(page, 'overview');
  const title = () => preview.locator('h1').textContent();
  assert.match(await title(), /Chuyển đổi số/);
  await page.getByTestId('preview-en').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-preview] h1')?.textContent.startsWith('Digital transformation'));
  assert.equal(await preview.getAttribute('lang'), 'en');
  assert.match(await preview.getByTestId('figure-headline').locator('.chart-title').textContent(), /[A-Za-z]/);

  // A phone: the frame is 360 px wide and every chart is drawn for it.
  await page.getByTestId('preview-phone').click();
  assert.equal(await preview.getAttribute('data-width'), 'phone');
  assert.equal(Math.round((await preview.boundingBox()).width), 360);
  await page.waitForFunction(() => {
    const svgs = [...document.querySelectorAll('[data-testid=studio-preview] .chart-svg svg')];
    return svgs.length >= 5 && svgs.every((s) => s.getBoundingClientRect().width <= 330);
  });
  await page.getByTestId('preview-desktop').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-preview] [data-testid=chart-headline] .chart-svg svg')?.getBoundingClientRect().width > 600);

  // The page's own link to the ranking page switches the preview, and the studio stays.
  await preview.locator('a[data-view=ranking]').click();
  await everyChart(page, 'ranking');
  assert.match(page.url(), /studio\.html/);
  assert.equal(await page.getByTestId('preview-ranking').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('preview-overview').click();
  await everyChart(page, 'overview');
  noErrors(page);
  await page.context().close();
});

test('the downloads: the snapshot as published, its manifest entry with its SHA-256, the manifest with the old version archived', async () => {
  const page = await open();
  const given = changedFullYear();
  await choose(page, file('ba-ria-vung-tau-2023.json', given));
  await page.getByTestId('studio-takeaway').waitFor({ timeout: 20000 });
  const take = async (id) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const json = await take('download-json');
  assert.equal(json.name, 'ba-ria-vung-tau-2023.json');
  // Written as the published files are: the file given was, so the bytes are the same.
  assert.equal(json.bytes.toString('utf8'), given);
  const entryFile = await take('download-entry');
  const entry = JSON.parse(entryFile.bytes.toString('utf8'));
  const hash = sha256(json.bytes);
  assert.deepEqual(entry, { version: hash.slice(0, 12), path: GOOD, sha256: hash, published: entry.published });
  assert.match(entry.published, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(entryFile.name, `ba-ria-vung-tau-2023.${hash.slice(0, 12)}.entry.json`);
  assert.deepEqual(JSON.parse(await page.getByTestId('studio-entry').textContent()), entry);

  const manifest = JSON.parse((await take('download-manifest')).bytes.toString('utf8'));
  const published = JSON.parse(site.read('data/index.json').toString('utf8'));
  const old = published.snapshots[0].versions[0];
  const versions = manifest.snapshots[0].versions;
  assert.deepEqual(versions[0], entry);
  assert.deepEqual(versions[1], { ...old, path: `data/archive/ba-ria-vung-tau-2023.${old.version}.json` });
  assert.equal(versions.length, published.snapshots[0].versions.length + 1);

  // The steps, in both languages: archive the old version, put the new one in place, the manifest.
  const steps = await page.getByTestId('studio-steps').locator('li').allTextContents();
  assert.equal(steps.length, 4);
  assert.match(steps[0], new RegExp(`lưu trữ.*public/data/archive/ba-ria-vung-tau-2023\\.${old.version}\\.json.*archive`, 's'));
  assert.match(steps[1], /public\/data\/ba-ria-vung-tau-2023\.json/);
  assert.match(steps[2], /index\.json/);
  noErrors(page);
  await page.context().close();
});

test('broken JSON: the syntax problem at its line in both languages, the line shown, no preview', async () => {
  const page = await open();
  const text = goodText().replace('"met": 35,', '"met": 35');
  const brokenLine = text.split('\n').findIndex((l) => l.includes('"met": 35')) + 2;
  await choose(page, file('broken.json', text));
  const problems = page.getByTestId('studio-problem');
  assert.equal(await problems.count(), 1);
  const p = problems.first();
  assert.equal(await p.getAttribute('data-code'), 'syntax');
  assert.equal(await p.getAttribute('data-line'), String(brokenLine));
  const words = await p.textContent();
  assert.match(words, new RegExp(`JSON không hợp lệ ở dòng ${brokenLine}.*not valid JSON at line ${brokenLine}`, 's'));
  await p.getByTestId('studio-problem-show').click();
  const current = page.getByTestId('studio-source').locator('.line.current');
  assert.equal(await current.getAttribute('data-line'), String(brokenLine));
  assert.match(await current.textContent(), /"assigned": 39/);
  assert.match(await page.getByTestId('studio-line').textContent(), new RegExp(`dòng ${brokenLine} trên \\d+.*line ${brokenLine} of`, 's'));
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  assert.equal(await page.getByTestId('studio-compare').count(), 0);
  assert.equal(await page.getByTestId('studio-takeaway').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('a wrong value: its JSON path, and choosing it shows its line', async () => {
  const page = await open();
  const text = goodText().replace('"met": 35,', '"met": "35",');
  await choose(page, file('wrong.json', text));
  const p = page.getByTestId('studio-problem').first();
  assert.match(await p.textContent(), /\$\.tallies\[1\]\.overall\.met.*sai kiểu.*expected u32, found string "35"/s);
  await p.getByTestId('studio-problem-show').click();
  assert.match(await page.getByTestId('studio-source').locator('.line.current').textContent(), /"met": "35"/);
  // The line is scrolled into the text's view.
  const visible = await page.getByTestId('studio-source').evaluate((pre) => {
    const line = pre.querySelector('.line.current');
    const a = pre.getBoundingClientRect(), b = line.getBoundingClientRect();
    return b.top >= a.top && b.bottom <= a.bottom;
  });
  assert.ok(visible, 'the line is in view');
  noErrors(page);
  await page.context().close();
});

test('a deleted value is flagged loudly, and nothing is downloaded until the editor says it is meant', async () => {
  const page = await open();
  const s = JSON.parse(goodText());
  s.indicators.find((i) => i.id === 'tthc-dvctt-toan-trinh').result = null;
  await choose(page, file('deleted.json', JSON.stringify(s, null, 2) + '\n'));
  await page.getByTestId('studio-ok').waitFor();
  const list = await changes(page);
  assert.equal(list.length, 1);
  assert.match(list[0], /^became-unknown true: .*100%.* → chưa công bố \| .*100%.* → not published$/);
  const loud = page.getByTestId('studio-loud');
  assert.equal(await loud.getAttribute('role'), 'alert');
  assert.match(await loud.textContent(), /1 số liệu đang công bố sẽ bị xóa hoặc thành chưa rõ.*1 published figure will be removed or turn unknown/s);
  assert.match(await page.getByTestId('change').first().getAttribute('class'), /loud/);
  for (const id of ['download-json', 'download-entry', 'download-manifest']) {
    assert.equal(await page.getByTestId(id).isDisabled(), true, id);
  }
  await page.getByTestId('studio-confirm').check();
  assert.equal(await page.getByTestId('download-json').isDisabled(), false);
  noErrors(page);
  await page.context().close();
});

test('the published version cannot be loaded: said so, and no manifest is offered that would drop the others', async () => {
  const page = await openPage(browser);
  await page.route('**/data/index.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto(`${server.url}studio.html`);
  await page.getByTestId('studio-file').waitFor();
  await choose(page, file('ba-ria-vung-tau-2023.json', changedFullYear()));
  await page.getByTestId('studio-ok').waitFor();
  assert.match(await page.getByTestId('studio-unavailable').textContent(), /Không tải được.*could not be loaded.*HTTP 503/s);
  await everyChart(page, 'overview');
  assert.equal(await page.getByTestId('download-manifest').count(), 0);
  assert.match(await page.getByTestId('studio-no-manifest').textContent(), /public\/data\/archive\/ID\.VERSION\.json/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), changedFullYear());
  assert.deepEqual(page.errors.filter((e) => !e.includes('503')), []);
  await page.context().close();
});

test('a PNG named .xlsx is refused with a clear message and nothing else happens', async () => {
  const page = await open();
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await choose(page, file('so-lieu.xlsx', png));
  const refused = page.getByTestId('studio-refused');
  assert.match(await refused.textContent(), /không được đọc.*not read.*ảnh PNG.*PNG image/s);
  assert.equal(await page.getByTestId('studio-problem-show').count(), 0);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  assert.equal(await page.getByTestId('studio-compare').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('a 100 MB file is refused before it is read', async () => {
  const page = await open();
  const path = join(dir, 'huge.json');
  closeSync(openSync(path, 'w'));
  truncateSync(path, 100 * 1024 * 1024);
  await choose(page, path);
  const refused = page.getByTestId('studio-refused');
  assert.equal(await refused.getByTestId('studio-problem').getAttribute('data-code'), 'too_large');
  assert.match(await refused.textContent(), /104857600 byte.*104857600 bytes/s);
  noErrors(page);
  await page.context().close();
});

test('pasted JSON is checked as a file is, and a dropped file too', async () => {
  const page = await open();
  // Pasted: the text put in the box at once, as a paste does (typing 30 KB would take minutes).
  await page.getByTestId('studio-paste').evaluate((box, text) => {
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, changedFullYear());
  await checked(page, () => page.getByTestId('studio-paste-check').click());
  await page.getByTestId('studio-ok').waitFor();
  assert.equal((await changes(page)).length, 1);
  // A file dropped on the drop zone.
  const transfer = await page.evaluateHandle((text) => {
    const t = new DataTransfer();
    t.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return t;
  }, goodText().replace('"met": 35,', '"met": 35'));
  await checked(page, () => page.getByTestId('studio-drop').dispatchEvent('drop', { dataTransfer: transfer }));
  await page.getByTestId('studio-problems').waitFor();
  assert.match(await page.getByTestId('studio-files').textContent(), /dropped\.json/);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('the template XLSX as published gives back the published version exactly', async () => {
  const page = await open();
  await choose(page, file('mau.xlsx', site.read(TEMPLATE)));
  await page.getByTestId('studio-ok').waitFor();
  assert.deepEqual(await changes(page), []);
  assert.match(await page.getByTestId('studio-summary').textContent(), /Không có thay đổi|không có thay đổi/i);
  assert.match(await page.getByTestId('studio-unchanged').textContent(), /không có gì thay đổi.*nothing changed/s);
  await everyChart(page, 'overview');
  noErrors(page);
  await page.context().close();
});

test('the template XLSX with one figure changed: that one change, in Vietnamese and English', async () => {
  const page = await open();
  const xlsx = withCell(site.read(TEMPLATE), 'Kết quả', 'D3', '<c r="D3"><v>36</v></c>');
  await choose(page, file('so-lieu-moi.xlsx', xlsx));
  await page.getByTestId('studio-ok').waitFor();
  assert.deepEqual(await changes(page), [
    'changed false: Số chỉ tiêu đạt, cả năm 2023: 35/39 → 36/39 | Tally, full year 2023: 35/39 → 36/39',
  ]);
  await everyChart(page, 'overview');
  assert.equal(await page.getByTestId('studio-preview').getByTestId('headline').getByTestId('fraction').textContent(), '36/39');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), changedFullYear());
  noErrors(page);
  await page.context().close();
});

test('decimal commas, percentages and day-first dates in the CSV template are read, never guessed', async () => {
  const page = await open();
  const paths = readdirSync(join(site.dir, CSV_DIR)).map((name) => {
    let text = site.read(`${CSV_DIR}/${name}`).toString('utf8');
    // An editor who writes the percentage with its sign.
    if (name === 'so-lieu-khac.csv') text = text.replace('"93,55"', '"93,55%"');
    return file(name, text);
  });
  const csv = readFileSync(paths.find((p) => p.endsWith('so-lieu-khac.csv')), 'utf8');
  assert.match(csv, /"0,7353"/);
  assert.match(csv, /"93,55%"/);
  await choose(page, paths);
  await page.getByTestId('studio-ok').waitFor();
  // 0,7353, 93,55% and 29/01/2024 read as 0.7353, 93.55 and 2024-01-29: the published version.
  assert.deepEqual(await changes(page), []);
  assert.match(await page.getByTestId('studio-unchanged').textContent(), /nothing changed/);
  noErrors(page);
  await page.context().close();
});

test('an ambiguous number in a spreadsheet is flagged at its cell and shown there', async () => {
  const page = await open();
  const xlsx = withCell(site.read(TEMPLATE), 'Kết quả', 'D3', '<c r="D3" t="inlineStr"><is><t>1.035</t></is></c>');
  await choose(page, file('mo-ho.xlsx', xlsx));
  const p = page.locator('[data-testid=studio-problem][data-code=ambiguous]');
  assert.equal(await p.count(), 1);
  assert.match(await p.textContent(), /Kết quả!D3.*1035.*1,035.*1035.*1\.035/s);
  await p.getByTestId('studio-problem-show').click();
  assert.equal(await page.getByTestId('studio-cell').textContent(), '1.035');
  assert.match(await page.getByTestId('studio-where').textContent(), /trang “Kết quả”, ô D3.*sheet “Kết quả”, cell D3/s);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('a formula in the XLSX is a problem at its cell, never computed', async () => {
  const page = await open();
  const xlsx = withCell(site.read(TEMPLATE), 'Kết quả', 'D3', '<c r="D3"><f>SUM(D2,2)</f><v>35</v></c>');
  await choose(page, file('cong-thuc.xlsx', xlsx));
  const p = page.locator('[data-testid=studio-problem][data-code=formula]');
  assert.equal(await p.count(), 1);
  assert.match(await p.textContent(), /Kết quả!D3/);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('a zip bomb in an XLSX is refused before anything is inflated', async () => {
  const page = await open();
  const entries = unzip(site.read(TEMPLATE));
  // 64 MiB of zeros: a few dozen kilobytes once deflated.
  entries.set('xl/worksheets/sheet17.xml', Buffer.alloc(64 * 1024 * 1024));
  await choose(page, file('bom.xlsx', zip(entries)));
  const refused = page.getByTestId('studio-refused');
  assert.match(await refused.getByTestId('studio-problem').getAttribute('data-code'), /^zip_/);
  assert.match(await refused.textContent(), /không được đọc.*not read.*không giải nén.*it was not inflated/s);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('a broken XLSX is refused with a clear message', async () => {
  const page = await open();
  const xlsx = site.read(TEMPLATE);
  await choose(page, file('hong.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2))));
  const shown = page.locator('[data-testid=studio-refused], [data-testid=studio-problems]').first();
  assert.match(await shown.textContent(), /XLSX|bảng tính/);
  assert.equal(await page.getByTestId('studio-preview-step').count(), 0);
  noErrors(page);
  await page.context().close();
});

test('the studio is hardened as the pages are: strict CSP, integrity on every asset, no inline script, no violation, no other host', async () => {
  const html = site.read('studio.html').toString('utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(csp, 'CSP meta present');
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(name));
  assert.equal(directive('script-src'), "script-src 'self' 'wasm-unsafe-eval'");
  assert.deepEqual([...html.matchAll(/<script>/g)], [], 'no inline script');
  const sha384 = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
  const tags = [...html.matchAll(/<(?:script|link)[^>]*?(?:src|href)="\.\/([^"]+)"[^>]*?integrity="([^"]+)"/g)];
  for (const [, file, integrity] of tags) assert.equal(integrity, sha384(site.read(file)), file);
  const files = readdirSync(site.dir);
  for (const f of files.filter((f) => /^(chiso-studio-.*|studio-boot-.*)\.js$/.test(f))) {
    assert.ok(tags.some(([, file]) => file === f), `${f} has no integrity attribute`);
  }
  const wasm = files.find((f) => /^chiso-studio-.*\.wasm$/.test(f));
  const loader = site.read(files.find((f) => f.startsWith('studio-boot-'))).toString('utf8');
  assert.ok(loader.includes(`integrity: '${sha384(site.read(wasm))}'`), 'the WASM fetch checks its integrity');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  assert.equal(directive('style-src'), `style-src 'self' ${styles.join(' ')}`);

  const page = await openPage(browser);
  const hosts = new Set();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}studio.html`);
  await page.getByTestId('studio-file').waitFor();
  await choose(page, file('hardened.xlsx', withCell(site.read(TEMPLATE), 'Kết quả', 'D3', '<c r="D3"><v>36</v></c>')));
  await everyChart(page, 'overview');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.deepEqual([...hosts], [new URL(server.url).host]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  noErrors(page);
  await page.context().close();
});

test("the studio weighs nothing on a reader's page: none of its files fetched, none of its code in the reader's WASM", async () => {
  const page = await openPage(browser);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.getByTestId('headline').waitFor();
  await page.locator('[data-testid=chart-context] svg').waitFor();
  await page.goto(`${server.url}xep-hang.html`);
  await page.locator('[data-testid=chart-ranking] svg').waitFor();
  assert.deepEqual(fetched.filter((f) => /studio|templates\//.test(f)), []);
  const wasm = fetched.filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 1 && wasm.every((f) => !f.includes('studio')), wasm.join(', '));
  // The studio's words and the spreadsheet reader's are in the studio's WASM, not the reader's.
  const files = readdirSync(site.dir);
  // Each page of the reader has its own WASM: neither has them.
  const readers = files.filter((f) => f.endsWith('.wasm') && !f.startsWith('chiso-studio-'));
  assert.equal(readers.length, 2, readers.join(', '));
  const studio = site.read(files.find((f) => f.startsWith('chiso-studio-') && f.endsWith('.wasm')));
  for (const marker of ['Xưởng số liệu', 'xl/workbook.xml']) {
    assert.ok(studio.includes(Buffer.from(marker)), `the studio has ${marker}`);
    for (const reader of readers) assert.ok(!site.read(reader).includes(Buffer.from(marker)), `the reader's ${reader} has ${marker}`);
  }
  noErrors(page);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.1 A/AA violation in the studio (${colorScheme})`, async () => {
    // axe is injected as an inline script, which the page's CSP rightly forbids: bypass it here.
    const page = await open({ colorScheme, bypassCSP: true });
    const run = async (what) => {
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      assert.deepEqual(found, [], what);
    };
    await run('empty');
    await choose(page, file('axe-broken.json', goodText().replace('"met": 35,', '"met": "35",')));
    await page.getByTestId('studio-problem-show').first().click();
    await run('problems');
    const s = JSON.parse(goodText());
    s.indicators.find((i) => i.id === 'tthc-dvctt-toan-trinh').result = null;
    await choose(page, file('axe-deleted.json', JSON.stringify(s, null, 2) + '\n'));
    await everyChart(page, 'overview');
    await page.getByTestId('studio-takeaway').waitFor();
    await run('preview, comparison and downloads');
    await page.context().close();
  });
}
