// make bench: how long a chart takes to answer a pointer, as a reader's mouse meets it.
//
// The move is real input: `Input.dispatchMouseEvent` through the DevTools protocol, so the browser
// hit-tests it, fires pointerover/enter/move and the mouse events, and hands it to the page as it
// would a mouse's. The clock starts at the event's own timestamp (when the browser took the input)
// and stops when the main thread has finished the frame that shows the answer: a message posted
// from each frame's requestAnimationFrame runs only after that frame's style, layout, paint and
// commit, and the first of them to find the tooltip saying what was asked stops it. A frame is
// missed when that comes after the end of the first frame to begin after the input (frames begin
// every 16.7 ms; their begin times are read from requestAnimationFrame, which runs every frame
// while measuring).
//
// Four moves, each from rest: beside the chart (`idle`: the floor, a move that no script
// answers), onto a mark from there (`enter`: a tooltip appears), within the same mark (`within`:
// nothing should change), and onto the next mark (`across`: the tooltip changes).

export const FRAME_MS = 1000 / 60;

// In the page, once: `window.__clock.arm(answered)` starts a measure for the next mouse move, and
// `window.__clock.result()` resolves with it: { latency, missed }, or null when `answered()` did
// not come true within a second. `answered` is asked after each frame's paint, so whatever drew the
// answer (an event handler, a microtask, a requestAnimationFrame callback), it is the frame that
// painted it that counts.
export const CLOCK = () => {
  const FRAME = 1000 / 60;
  let armed = null;
  let tick = null;
  let running = true;
  // A message posted in a frame runs after that frame's style, layout, paint and commit. One
  // channel for all: the clock should cost the frames it measures as little as it can.
  const after = new MessageChannel();
  after.port1.onmessage = () => { const a = armed; if (a && a.answered()) a.done(performance.now()); };
  const loop = (ts) => {
    tick = ts;
    if (armed && armed.t0 != null) after.port2.postMessage(null);
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  addEventListener('pointermove', (e) => {
    if (armed && armed.t0 == null && e.isTrusted && e.pointerType === 'mouse') {
      armed.t0 = e.timeStamp;
      armed.tick = tick;
    }
  }, { capture: true });
  let result = null;
  window.__clock = {
    arm(answered) {
      let done;
      result = new Promise((ok) => { done = ok; });
      const a = { t0: null, tick: null, answered, done: null };
      const timer = setTimeout(() => { armed = null; done(null); }, 1000);
      a.done = (end) => {
        clearTimeout(timer);
        armed = null;
        // The first frame to begin after the input, and the time it should be done by.
        const first = a.tick + FRAME * Math.max(1, Math.ceil((a.t0 - a.tick) / FRAME));
        done({ latency: end - a.t0, missed: Math.max(0, Math.ceil((end - first - FRAME) / FRAME)) });
      };
      armed = a;
    },
    result: () => result,
    stop() { running = false; },
  };
};

// In the page, once, after CLOCK: the ranking chart's side. `window.__hover.arm(kind)` arms the
// clock for what the next move should do to the tooltip of the chart area `scope`.
export const PROBE = (scope) => {
  const area = document.querySelector(scope);
  const tip = () => [...area.querySelectorAll('[data-testid=tooltip]')].find((t) => t.checkVisibility()) ?? null;
  window.__hover = {
    arm(kind) {
      const before = tip()?.dataset.key ?? null;
      const answered = {
        enter: (t) => t != null,
        within: (t) => t != null && t.dataset.key === before,
        across: (t) => t != null && t.dataset.key !== before,
        leave: (t) => t == null,
        idle: (t) => t == null,
      }[kind];
      window.__clock.arm(() => answered(tip()));
    },
    // Where a mark of the chart is: `at` of the way down its height (scrolled into the middle of
    // the window), and a point beside the chart, level with it.
    point(at) {
      const top = area.getBoundingClientRect().top + scrollY;
      scrollTo(0, top + at * area.offsetHeight - innerHeight / 2);
      const r = area.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + at * r.height, outside: Math.max(1, r.left / 2) };
    },
    // Just below the focus outline of the mark open now: on the next mark down.
    below() {
      const f = area.querySelector('.mark-focus')?.getBoundingClientRect();
      return f ? f.bottom + Math.min(4, f.height / 2) : null;
    },
  };
};

async function move(tab, cdp, kind, x, y) {
  await tab.evaluate((k) => window.__hover.arm(k), kind);
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  // Asked for only once the answer is (most likely) on screen: a DevTools call is a task on the
  // page's main thread, which would otherwise compete with the frames being measured.
  await new Promise((ok) => setTimeout(ok, 120));
  return tab.evaluate(() => window.__clock.result());
}

async function rest(tab) {
  await tab.evaluate(() => new Promise((ok) => { let n = 4; const f = () => (--n ? requestAnimationFrame(f) : setTimeout(ok, 30)); requestAnimationFrame(f); }));
}

/**
 * `count` marks spread down the chart `scope` (a selector), each entered from beside the chart,
 * moved within, then left for the next mark down. Returns { idle, enter, within, across }, each a list
 * of { latency, missed } (null where the tooltip did not answer as it should).
 */
export async function hoverChart(tab, cdp, scope, count) {
  await tab.evaluate(CLOCK);
  await tab.evaluate(PROBE, scope);
  const out = { idle: [], enter: [], within: [], across: [] };
  for (let i = 0; i < count; i++) {
    // Between 10% and 90% of the chart's height: below its axis, above its foot, on a mark.
    const p = await tab.evaluate((at) => window.__hover.point(at), 0.1 + (0.8 * (i + 0.5)) / count);
    await rest(tab);
    await move(tab, cdp, 'leave', p.outside, p.y);
    await rest(tab);
    out.idle.push(await move(tab, cdp, 'idle', p.outside, p.y + 2));
    await rest(tab);
    out.enter.push(await move(tab, cdp, 'enter', p.x, p.y));
    await rest(tab);
    out.within.push(await move(tab, cdp, 'within', p.x + 3, p.y + 1));
    await rest(tab);
    const y = await tab.evaluate(() => window.__hover.below());
    out.across.push(y == null ? null : await move(tab, cdp, 'across', p.x, y));
    await rest(tab);
  }
  await move(tab, cdp, 'leave', 1, 1);
  await tab.evaluate(() => window.__clock.stop());
  return out;
}
