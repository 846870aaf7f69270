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

// `width`: the viewport's CSS width in px. The drawing for that width is put in place as the
// page's script would (its `noscript[data-width]` unwrapped); the other widths' are dropped.
export function contentFloor(html, width, rem = 16) {
  let out = cut(html, /<script\b[^>]*>[\s\S]*?<\/script>/g, 'script', 2);
  out = cut(out, /<link rel="modulepreload"[^>]*>/g, 'modulepreload', 0);
  out = cut(out, /<meta http-equiv="Content-Security-Policy"[^>]*>/g, 'policy');
  out = cut(out, /<template data-first="[a-z]+">[\s\S]*?<\/template>/g, 'English start', 0);
  // The rest of the page, fetched after the first paint, and the no-script refresh: inert text
  // for a browser with script, gone here so that only the first screen is parsed.
  out = cut(out, /<noscript data-later="[a-z]+"[^>]*>[\s\S]*?<\/noscript>/g, 'rest', 0);
  out = cut(out, /<noscript><meta http-equiv="refresh"[^>]*><\/noscript>/g, 'refresh', 0);
  const fits = (from, to) => (!from || width >= parseFloat(from) * rem) && !(to && width >= parseFloat(to) * rem);
  let drawn = 0;
  out = out.replace(/<noscript data-width="vi"((?: data-(?:from|to)="[^"]*")*)>([\s\S]*?)<\/noscript>/g, (_, attrs, inner) => {
    const from = attrs.match(/data-from="([^"]*)"/)?.[1];
    const to = attrs.match(/data-to="([^"]*)"/)?.[1];
    if (!fits(from, to)) return '';
    drawn++;
    return inner;
  });
  if (drawn < 1) throw new Error(`content floor: no drawing for a ${width}px screen in the page (update bench/content.mjs)`);
  return out;
}
