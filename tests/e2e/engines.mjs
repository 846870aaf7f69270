// The other engines readers come with: Firefox ESR (puppeteer-core over WebDriver BiDi, no
// geckodriver) and WebKitGTK (MiniBrowser driven by WebKitWebDriver under Xvfb, through
// selenium-webdriver). Nothing is downloaded: both are Debian's (`make setup-firefox`,
// `make setup-webkit`). Each engine gets the same small page API, so a test is written once:
//
//   const engine = await launchEngine('webkit');
//   const page = await engine.open(url, { width: 1280, height: 900 });
//   await page.waitFor('[data-testid=headline]');
//   await page.hover('[data-testid=chart-pillars] svg rect:nth-of-type(2)');
//   await page.press('Tab');
//   assert.deepEqual(await page.errors(), []);
//
// WebKit's driver is classic WebDriver: it reports no console and intercepts no request. So the
// server counts requests (`serve(…, { log: true })`), a same-origin probe script put first in every
// page records errors, rejections and CSP violations (`PROBE`), and the engine's own console (what
// the page's scripts cannot see: a CSP directive it does not know, a preload it did not use) is read
// from a MiniBrowser of its own, run without automation, which prints it (`engineConsole`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** The engines the cross-engine suites run in (`CHISO_ENGINES=firefox` narrows it). */
export const ENGINES = (process.env.CHISO_ENGINES ?? 'firefox,webkit').split(',').filter(Boolean);

/** Put first in every page's head by the test server: what went wrong, as the page saw it. */
export const PROBE = {
  path: '/__probe.js',
  source: `(function () {
  var p = window.__probe = { errors: [], violations: [] };
  addEventListener('error', function (e) {
    if (e.target && e.target !== window) p.errors.push('resource: ' + (e.target.src || e.target.href || e.target.tagName));
    else p.errors.push('pageerror: ' + e.message);
  }, true);
  addEventListener('unhandledrejection', function (e) { p.errors.push('unhandledrejection: ' + (e.reason && e.reason.message || e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { p.violations.push(e.violatedDirective + ' ' + e.blockedURI); });
  // Layout shifts, where the engine reports them (Chromium only, today).
  p.shifts = [];
  if ((PerformanceObserver.supportedEntryTypes || []).indexOf('layout-shift') >= 0) {
    new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (!e.hadRecentInput) p.shifts.push(e.value); }); })
      .observe({ type: 'layout-shift', buffered: true });
  }
  var error = console.error;
  console.error = function () { p.errors.push('console: ' + [].slice.call(arguments).join(' ')); return error.apply(console, arguments); };
})();`,
};

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Polls `check` until it returns something truthy; fails after `timeout` ms with `what`. */
export async function until(check, { timeout = 30000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

/** The script that finds the first element of `selector` that is laid out (visible). */
const VISIBLE = (selector) => `return [...document.querySelectorAll(${JSON.stringify(selector)})]
  .find((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; }) ?? null;`;

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

export async function launchEngine(name) {
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${name}`);
}

// ---------------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi.

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Classic scrollbars, which take width from the page, as on a desktop with them set: an
      // embed must not change its height when one appears inside it.
      'widget.gtk.overlay-scrollbars.enabled': false,
    },
  });
  const wrap = (frame, page) => ({
    evaluate: (fn, ...args) => frame.evaluate(fn, ...args),
    // Visible: any match laid out (puppeteer's own option looks at the first match only, and a
    // pre-rendered chart has a hidden variant for each other width).
    waitFor: (selector, { timeout = 30000, visible = false } = {}) => (visible
      ? until(async () => (await frame.evaluateHandle(new Function(VISIBLE(selector)))).asElement(), { timeout, what: selector })
      : frame.waitForSelector(selector, { timeout })),
    async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
      return until(() => frame.evaluate(fn, arg), { timeout, what: String(fn) });
    },
    async click(selector) {
      const el = await until(async () => (await frame.evaluateHandle(new Function(VISIBLE(selector)))).asElement(), { what: selector });
      await el.click();
    },
    async hover(selector) {
      const el = await until(async () => (await frame.evaluateHandle(new Function(VISIBLE(selector)))).asElement(), { what: selector });
      await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.mouse.move(1, 1); // the same point twice sends no event
      await el.hover();
    },
    focus: (selector) => frame.evaluate((s) => document.querySelector(s).focus(), selector),
  });
  return {
    name: 'firefox',
    version: await browser.version(),
    async open(url, { width = 1280, height = 900 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      const seen = [];
      page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') seen.push(`console: ${m.text()}`); });
      await page.goto(url);
      return {
        ...wrap(page.mainFrame(), page),
        goto: (u) => page.goto(u),
        async press(key) { await page.keyboard.press(key); },
        async moveTo(x, y) { await page.mouse.move(x, y); },
        /** The iframe `selector`'s document, with the same API. */
        async frame(selector) {
          const handle = await page.waitForSelector(selector);
          return wrap(await handle.contentFrame(), page);
        },
        async errors() {
          const probe = await page.evaluate(() => window.__probe ?? { errors: [], violations: [] });
          return [...new Set([...seen, ...probe.errors, ...probe.violations.map((v) => `csp: ${v}`)])];
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// WebKit: MiniBrowser through WebKitWebDriver, in an X server of its own.

async function launchWebKit() {
  const { Builder, Key, By } = await import('selenium-webdriver');
  // Xvfb picks a free display and says which (`-displayfd`), so runs beside others never clash.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = `:${(await new Promise((ok, fail) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) ok(out.trim()); });
    xvfb.once('exit', (c) => fail(new Error(`Xvfb exited (${c})`)));
  }))}`;
  const env = { ...process.env, DISPLAY: display };
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
  const stop = () => { driverProcess.kill(); xvfb.kill(); };
  let driver;
  try {
    await until(() => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok), { timeout: 20000, what: 'WebKitWebDriver' });
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
  } catch (e) {
    stop();
    throw e;
  }
  // No window manager: the keyboard goes where the X pointer is, so it rests on the window.
  const pointerOnWindow = () => new Promise((ok) => spawn('xdotool', ['mousemove', '5', '200'], { env, stdio: 'ignore' }).on('exit', ok).on('error', ok));
  const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, End: Key.END, Home: Key.HOME, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN };
  const run = (fn, args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  // Every call into an iframe enters it and leaves it again: the driver keeps one current frame.
  const api = (enter) => {
    const inFrame = async (f) => { await enter(); try { return await f(); } finally { await driver.switchTo().defaultContent(); } };
    const visible = (selector) => inFrame(() => driver.executeScript(VISIBLE(selector)));
    return {
      evaluate: (fn, ...args) => inFrame(() => run(fn, args)),
      async waitFor(selector, { timeout = 30000, visible: mustShow = false } = {}) {
        await until(() => (mustShow ? visible(selector) : inFrame(() => driver.findElements(By.css(selector)).then((l) => l.length > 0))), { timeout, what: selector });
      },
      async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
        return until(() => inFrame(() => run(fn, [arg])), { timeout, what: String(fn) });
      },
      async click(selector) {
        await until(() => visible(selector), { what: selector });
        await inFrame(async () => {
          const el = await driver.executeScript(VISIBLE(selector));
          await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
          await driver.actions().move({ origin: el }).press().release().perform();
        });
      },
      async hover(selector) {
        await until(() => visible(selector), { what: selector });
        await inFrame(async () => {
          const el = await driver.executeScript(VISIBLE(selector));
          await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
          await driver.actions().move({ x: 1, y: 1 }).perform(); // the same point twice sends no event
          await driver.actions().move({ origin: el }).perform();
        });
      },
      focus: (selector) => inFrame(() => driver.executeScript('document.querySelector(arguments[0]).focus()', selector)),
    };
  };
  const top = api(async () => {});
  return {
    name: 'webkit',
    version: (await driver.getCapabilities()).get('browserVersion'),
    display,
    async open(url, { width = 1280, height = 900 } = {}) {
      // The window's size is the viewport's plus MiniBrowser's toolbar: set it, measure, correct.
      await driver.manage().window().setRect({ x: 0, y: 0, width, height });
      // Under load the first measure can come before the window has its new size (the
      // correction was then negative: "Invalid width value"); measure until it is sensible.
      for (let tries = 0; tries < 10; tries += 1) {
        const [w, h] = await driver.executeScript('return [innerWidth, innerHeight]');
        if (w === width && h === height) break;
        const nw = width * 2 - w, nh = height * 2 - h;
        if (Number.isFinite(nw) && Number.isFinite(nh) && nw > 0 && nh > 0 && w > 0 && h > 0) {
          await driver.manage().window().setRect({ width: nw, height: nh });
          break;
        }
        await new Promise((ok) => setTimeout(ok, 200));
      }
      await pointerOnWindow();
      await driver.get(url);
      return {
        ...top,
        goto: (u) => driver.get(u),
        async press(key) { await driver.actions().sendKeys(KEYS[key] ?? key).perform(); },
        async moveTo(x, y) { await driver.actions().move({ x: Math.round(x), y: Math.round(y) }).perform(); },
        async frame(selector) {
          await top.waitFor(selector);
          return api(async () => driver.switchTo().frame(await driver.findElement(By.css(selector))));
        },
        async errors() {
          const probe = await driver.executeScript('return window.__probe || { errors: [], violations: [] }');
          return [...new Set([...probe.errors, ...probe.violations.map((v) => `csp: ${v}`)])];
        },
        close: () => driver.get('about:blank'),
      };
    },
    /**
     * The engine's own console for one page load: what a reader's Web Inspector would show (a CSP
     * directive it does not know, a preload it never used), which no script on the page can see.
     * A MiniBrowser without automation prints it; it is given `wait` ms, then closed.
     */
    async engineConsole(url, { wait = 6000 } = {}) {
      const home = mkdtempSync(join(tmpdir(), 'chiso-minibrowser-'));
      const browser = spawn(MINIBROWSER, ['--enable-write-console-messages-to-stdout=true', url], {
        env: { ...env, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      // Console messages come on either stream, depending on the process that logs them.
      browser.stdout.on('data', (d) => { out += d; });
      browser.stderr.on('data', (d) => { out += d; });
      await sleep(wait);
      const exited = new Promise((ok) => browser.once('exit', ok));
      browser.kill();
      await exited;
      rmSync(home, { recursive: true, force: true });
      return out.split('\n').filter((l) => l.includes('CONSOLE '));
    },
    async close() {
      try { await driver.quit(); } finally { stop(); }
    },
  };
}
