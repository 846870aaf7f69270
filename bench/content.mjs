// The content floor of one of our built pages (issue #16 §6): the same first screen, with the
// same stylesheet, words and drawing, and none of our machinery. `make bench` loads it beside the
// page and beside the floor of the page's first chart, so that the gap splits in two:
//   content floor ÷ chart floor: what the page shows above and around its first chart costs;
//   page ÷ content floor: what our script, policy, other drawings and English start cost.
// Made from the built page itself, so it follows the page; a marker that is no longer there
// throws rather than measuring something else.

// Cut every match of `re` (global), and insist on at least `min` of them.
function cut(html, re, what, min = 1) {
  const n = (html.match(re) ?? []).length;
  if (n < min) throw new Error(`content floor: no ${what} in the page (the markup changed: update bench/content.mjs)`);
  return html.replace(re, '');
}

// Which of the drawings' widths (`w-narrow`, …) a screen `width` px wide shows, read from the page's
// own rules (`.chart-area.static.w-…{display:none|block}`, then each `@media (min-width:…rem)`).
function shownWidths(html, width, rem) {
  const shown = new Map();
  const rule = /\.chart-area\.static\.(w-[a-z]+)\{display:(none|block)\}/g;
  const media = /@media \(min-width:([\d.]+)rem\)\{((?:\.chart-area\.static\.w-[a-z]+\{display:(?:none|block)\})+)\}/g;
  const css = html.match(/<style>[\s\S]*?<\/style>/)?.[0] ?? '';
  for (const [, c, d] of css.replace(media, '').matchAll(rule)) shown.set(c, d === 'block');
  for (const [, from, rules] of css.matchAll(media)) {
    if (width >= parseFloat(from) * rem) for (const [, c, d] of rules.matchAll(rule)) shown.set(c, d === 'block');
  }
  return shown;
}

// Cut the `<div …>` that starts at `i`, whole (its nested divs with it).
function cutDiv(html, i) {
  const tag = /<div\b|<\/div>/g;
  tag.lastIndex = i;
  let depth = 0;
  for (let m; (m = tag.exec(html));) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(0, i) + html.slice(m.index + m[0].length);
  }
  throw new Error('content floor: a drawing is not closed');
}

// `width`: the viewport's CSS width in px. Only the first chart's drawing for that width is kept,
// as the page's script and stylesheet would show it; the other widths' are dropped.
export function contentFloor(html, width, rem = 16) {
  let out = cut(html, /<script\b[^>]*>[\s\S]*?<\/script>/g, 'script', 2);
  out = cut(out, /<link rel="modulepreload"[^>]*>/g, 'modulepreload', 0);
  out = cut(out, /<meta http-equiv="Content-Security-Policy"[^>]*>/g, 'policy');
  out = cut(out, /<template data-first="[a-z]+">[\s\S]*?<\/template>/g, 'English start', 0);
  // The rest of the page, fetched after the first paint, and the no-script refresh: inert text
  // for a browser with script, gone here so that only the first screen is parsed.
  out = cut(out, /<noscript data-later="[a-z]+"[^>]*>[\s\S]*?<\/noscript>/g, 'rest', 0);
  out = cut(out, /<noscript><meta http-equiv="refresh"[^>]*><\/noscript>/g, 'refresh', 0);
  // A wider screen's drawings, held back as text until the page's script puts the one that fits.
  out = out.replace(/<noscript data-width="vi"((?: data-(?:from|to)="[^"]*")*)>([\s\S]*?)<\/noscript>/g, (_, attrs, inner) => {
    const from = attrs.match(/data-from="([^"]*)"/)?.[1];
    const to = attrs.match(/data-to="([^"]*)"/)?.[1];
    return (!from || width >= parseFloat(from) * rem) && !(to && width >= parseFloat(to) * rem) ? inner : '';
  });
  const shown = shownWidths(out, width, rem);
  for (const [c, on] of shown) {
    if (on) continue;
    for (let i; (i = out.indexOf(`<div class="chart-area static ${c}">`)) >= 0;) out = cutDiv(out, i);
  }
  const drawn = (out.match(/<div class="chart-area static w-[a-z]+">/g) ?? []).length;
  if (drawn !== 1) throw new Error(`content floor: ${drawn} drawings for a ${width}px screen, not one (update bench/content.mjs)`);
  return out;
}
