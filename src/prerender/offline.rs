//! Reading offline: the service worker the build writes beside the pages (`sw.js`), and the part
//! of the page's loader that registers it and says when the page shows a kept copy.
//!
//! The protocol between the two lives here, in one place: the worker stamps every copy it keeps
//! with the time it was fetched ([`STAMP`]); when the network fails and it answers from a copy, it
//! marks a page's `<html>` with that time ([`OFFLINE_ATTR`]) and tells the page of a data file by a
//! message (`{ offline: TIME }`); the loader then says "bản lưu ngoại tuyến, DATE" / "offline copy,
//! DATE" above the page, in its language.

use super::harden::js_str;
use crate::format::MONTHS_EN;
use crate::i18n::{loader_t, Lang, LoaderKey};

/// The worker's file, beside the pages: its scope is their folder, wherever the site lives.
pub const SW_FILE: &str = "sw.js";

/// The header on each copy the worker keeps: when it was fetched (milliseconds since 1970).
pub const STAMP: &str = "x-chiso-fetched";

/// The attribute of `<html>` on a page the worker answered from its copy: when it was fetched.
pub const OFFLINE_ATTR: &str = "data-offline";

/// The worker's own Content-Security-Policy, as the server sends it with `sw.js` (see
/// [`super::nginx_csp_map`]): a worker's policy is its script's header, and the default one of
/// deploy/nginx.conf (`default-src 'none'`) would forbid the worker's every `fetch()`.
pub const SW_CSP: &str = "default-src 'none'; connect-src 'self'";

/// The service worker. `pages`: the reader's pages it keeps (the site's folder itself, `""`, is the
/// first page's); `assets`: the files whose name changes with their content (the loader, the JS
/// glue, the WASM), answered from the cache first; `files`: other files the pages show that no
/// script asks for (the icon); `fetched`: each page's static content in another language, which
/// the page's script fetches for a reader in that language (kept as a reader gets it, never
/// fetched ahead: a Vietnamese reader needs none of it). The pages, those and `data/*.json` go to the network first, so an online reader always gets the latest, and come from the cache only when the network
/// fails. Anything else (the studio and its files, the embed pages, the change log) is left to
/// the browser, as if there were no worker.
pub fn service_worker(pages: &[&str], assets: &[&str], files: &[&str], fetched: &[&str]) -> String {
    let list = |l: &[&str]| l.iter().map(|s| js_str(s)).collect::<Vec<_>>().join(", ");
    format!(
        "// Chỉ số's service worker, written by chiso-prerender with each build (src/prerender/offline.rs):\n\
// a page a reader has opened stays readable offline, and says so.\n\
const CACHE = 'chiso';\n\
const ASSETS = [{assets}];\n\
const PAGES = ['', {pages}];\n\
const FILES = [{files}];\n\
const FETCHED = [{fetched}];\n\
const STAMP = {stamp};\n\
const HASHED = /-[0-9a-f]{{16}}(?:_bg)?\\.(?:js|wasm)$/;\n\
const base = new URL('./', location).pathname;\n\
/** The file a URL names, relative to the site's folder, or null for any other. */\n\
const file = (url) => {{\n\
  const u = new URL(url);\n\
  return u.origin === location.origin && u.pathname.startsWith(base) ? decodeURIComponent(u.pathname.slice(base.length)) : null;\n\
}};\n\
/** How a request is answered: 'asset' (cache first), 'page' or 'data' (network first), or null (not at all). */\n\
const kind = (url, navigate) => {{\n\
  const f = file(url);\n\
  if (f === null) return null;\n\
  if (navigate) return PAGES.includes(f) ? 'page' : null;\n\
  return ASSETS.includes(f) ? 'asset' : FILES.includes(f) || FETCHED.includes(f) || /^data\\/[^?]*\\.json$/.test(f) ? 'data' : null;\n\
}};\n\
/** A page is kept under its address without the query: the page reads `?lang=`, `?v=` itself. */\n\
const key = (url, k) => {{ const u = new URL(url); u.hash = ''; if (k === 'page') u.search = ''; return u.href; }};\n\
/** A copy to keep: the response with the time it was fetched. */\n\
const stamped = async (res) => {{\n\
  const headers = new Headers(res.headers);\n\
  headers.set(STAMP, String(Date.now()));\n\
  return new Response(await res.blob(), {{ status: res.status, statusText: res.statusText, headers }});\n\
}};\n\
const keep = async (cache, at, res) => {{ if (res.ok) await cache.put(at, await stamped(res)); }};\n\
\n\
// An earlier build's hashed files go once no kept page needs them: a page names its loader, a\n\
// loader its glue and WASM.\n\
async function prune(cache) {{\n\
  const all = await cache.keys();\n\
  const hashed = all.filter((r) => HASHED.test(r.url));\n\
  let text = '';\n\
  for (const r of all) if (kind(r.url, true) === 'page') text += await (await cache.match(r)).text();\n\
  for (let pass = 0; pass < 2; pass++) for (const r of hashed) {{\n\
    if (r.url.endsWith('.js') && text.includes(file(r.url))) text += await (await cache.match(r)).text();\n\
  }}\n\
  for (const r of hashed) if (!ASSETS.includes(file(r.url)) && !text.includes(file(r.url))) await cache.delete(r);\n\
}}\n\
\n\
addEventListener('install', () => skipWaiting());\n\
addEventListener('activate', (e) => e.waitUntil(caches.open(CACHE).then(prune).then(() => clients.claim())));\n\
\n\
// The loader's list, once the worker is ready: the page and what it fetched before the worker\n\
// answered for it (its first visit), kept as the reader got them (the loader's copies, else from\n\
// the browser's own cache).\n\
addEventListener('message', (e) => {{\n\
  const {{ page, files, copies = [] }} = e.data ?? {{}};\n\
  if (typeof page !== 'string' || !Array.isArray(files) || !Array.isArray(copies)) return;\n\
  e.waitUntil((async () => {{\n\
    const cache = await caches.open(CACHE);\n\
    // The loader's own copies first ([url, type, Blob]): nothing fetched twice.\n\
    for (const [url, type, blob] of copies) {{\n\
      const k = kind(String(url), false);\n\
      if (k && blob instanceof Blob && !(await cache.match(key(url, k)))) {{\n\
        await keep(cache, key(url, k), new Response(blob, {{ headers: {{ 'content-type': String(type) }} }}));\n\
      }}\n\
    }}\n\
    const also = FILES.map((f) => new URL(f, location.origin + base).href);\n\
    for (const [url, navigate] of [[page, true], ...[...files, ...also].map((f) => [String(f), false])]) {{\n\
      const k = kind(url, navigate);\n\
      if (!k || (await cache.match(key(url, k)))) continue;\n\
      try {{ await keep(cache, key(url, k), await fetch(key(url, k), {{ cache: 'force-cache' }})); }} catch {{}}\n\
    }}\n\
    await prune(cache);\n\
  }})());\n\
}});\n\
\n\
addEventListener('fetch', (e) => {{\n\
  const r = e.request;\n\
  const k = r.method === 'GET' ? kind(r.url, r.mode === 'navigate') : null;\n\
  if (k === 'asset') e.respondWith(caches.open(CACHE).then(async (cache) => {{\n\
    const hit = await cache.match(r.url);\n\
    if (hit) return hit;\n\
    const res = await fetch(r);\n\
    e.waitUntil(keep(cache, r.url, res.clone()));\n\
    return res;\n\
  }}));\n\
  else if (k) e.respondWith(fresh(e, k));\n\
}});\n\
\n\
/** The network first; its copy when the network fails, and the page told when that copy was fetched. */\n\
async function fresh(e, k) {{\n\
  const cache = await caches.open(CACHE);\n\
  const at = key(e.request.url, k);\n\
  try {{\n\
    const res = await fetch(e.request);\n\
    e.waitUntil(keep(cache, at, res.clone()));\n\
    return res;\n\
  }} catch (error) {{\n\
    const hit = await cache.match(at);\n\
    if (!hit) throw error;\n\
    const when = Number(hit.headers.get(STAMP)) || 0;\n\
    if (k === 'page') {{\n\
      const html = (await hit.text()).replace('<html ', `<html {attr}=\"${{when}}\" `);\n\
      return new Response(html, {{ status: hit.status, statusText: hit.statusText, headers: hit.headers }});\n\
    }}\n\
    const client = await clients.get(e.clientId);\n\
    client?.postMessage({{ offline: when }});\n\
    return hit;\n\
  }}\n\
}}\n",
        assets = list(assets),
        pages = list(pages),
        files = list(files),
        fetched = list(fetched),
        stamp = js_str(STAMP),
        attr = OFFLINE_ATTR,
    )
}

/// The loader's part (after its `span()` helper): it says when the page shows a kept copy (the worker marked `<html>`, or
/// told of a data file), and `keep()` registers the worker and hands it the page and what the
/// page fetched. Where there is no worker (an engine or a context without one), the page works
/// as before. Embed pages do not register it: an article's reader did not open our page.
pub fn loader_part() -> String {
    let words = |k| (js_str(loader_t(Lang::Vi, k)), js_str(loader_t(Lang::En, k)));
    let (vi, en) = words(LoaderKey::OfflineCopy);
    let months = MONTHS_EN
        .iter()
        .map(|m| js_str(m))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "// Offline: a page or a data file the service worker ({sw}) answered from its copy says so,\n\
// above the page and in its language, with the day the copy was fetched (the oldest, if several),\n\
// written as the app writes a day.\n\
// Reading `navigator.serviceWorker` throws where storage is refused (Firefox without cookies).\n\
const worker = (() => {{ try {{ return navigator.serviceWorker; }} catch {{ return undefined; }} }})();\n\
let oldest = Infinity;\n\
const offline = (at) => {{\n\
\x20 if (!(at > 0 && at < oldest)) return;\n\
\x20 oldest = at;\n\
\x20 const d = new Date(at), day = d.getDate(), m = d.getMonth() + 1, y = d.getFullYear();\n\
\x20 const two = (n) => String(n).padStart(2, '0');\n\
\x20 const say = (lang, text, date) => span(lang, text.replace('{{date}}', date));\n\
\x20 let note = document.querySelector('body > .offline-note');\n\
\x20 if (!note) {{\n\
\x20   note = Object.assign(document.createElement('p'), {{ className: 'offline-note' }});\n\
\x20   note.setAttribute('role', 'status');\n\
\x20   document.body.prepend(note);\n\
\x20 }}\n\
\x20 note.replaceChildren(say('vi', {vi}, `${{two(day)}}/${{two(m)}}/${{y}}`), say('en', {en}, `${{day}} ${{[{months}][m - 1]}} ${{y}}`));\n\
}};\n\
offline(Number(root.getAttribute({attr})));\n\
worker?.addEventListener('message', (e) => offline(Number(e.data?.offline)));\n\
worker?.startMessages?.();\n\
// On a first visit (no worker answers yet), what the loader fetches (the data, the WASM) is copied\n\
// for the worker, which then need not fetch it again (WebKit's worker does not share the page's cache).\n\
const copies = [];\n\
const copy = (path, response) => {{\n\
\x20 if (worker && !worker.controller && !root.dataset.embed) copies.push(response.then((r) => r.ok && r.clone().blob()\n\
\x20   .then((b) => [new URL(path, location.href).href, r.headers.get('content-type'), b])).catch(() => null));\n\
\x20 return response;\n\
}};\n\
const keep = () => {{\n\
\x20 if (!worker || root.dataset.embed) return;\n\
\x20 worker.register({sw_path}).then(() => Promise.all([worker.ready, ...copies])).then(([r, ...c]) => {{\n\
\x20   // What the page got (not a request that failed: `responseStatus` 0), where the engine says.\n\
\x20   const tell = (files, copies) => r.active?.postMessage({{ page: location.href, copies,\n\
\x20     files: files.filter((e) => !(e.responseStatus < 200 || e.responseStatus > 299)).map((e) => e.name) }});\n\
\x20   tell(performance.getEntriesByType('resource'), c.filter(Boolean));\n\
\x20   // And what finishes later (data the app asks for itself, before the worker answers for the page).\n\
\x20   new PerformanceObserver((l) => tell(l.getEntries(), [])).observe({{ type: 'resource' }});\n\
\x20 }}).catch(() => {{}}); // no worker here (an engine without one): the page works as before\n\
}};\n",
        sw = SW_FILE,
        sw_path = js_str(&format!("./{SW_FILE}")),
        attr = js_str(OFFLINE_ATTR),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_answers_only_for_the_readers_pages_assets_and_data() {
        let sw = service_worker(
            &["index.html", "xep-hang.html"],
            &["boot-0123456789abcdef.js"],
            &["favicon.svg"],
            &["index.en.html"],
        );
        assert!(sw.contains("const PAGES = ['', \"index.html\", \"xep-hang.html\"];"));
        assert!(sw.contains("const ASSETS = [\"boot-0123456789abcdef.js\"];"));
        assert!(sw.contains("const FILES = [\"favicon.svg\"];"));
        assert!(sw.contains("const STAMP = \"x-chiso-fetched\";"));
        assert!(sw.contains("const FETCHED = [\"index.en.html\"];"));
        assert!(sw.contains(
            "FILES.includes(f) || FETCHED.includes(f) || /^data\\/[^?]*\\.json$/.test(f) ? 'data'"
        ));
        // Network first for pages and data: the cache only when fetch() fails.
        assert!(sw.contains("const res = await fetch(e.request);"));
        assert!(sw.contains("`<html data-offline=\"${when}\" `"));
        assert!(sw.contains("client?.postMessage({ offline: when });"));
        // Its scope is the folder it is in: relative, never the host's root.
        assert!(sw.contains("new URL('./', location).pathname"));
        assert!(!sw.contains("'/'"));
        // The page may register it as it is: `worker-src` falls back to `child-src`, then to
        // `script-src`, whose 'self' allows ./sw.js (in a <meta> policy too). Nothing to add.
        let csp = super::super::CSP;
        assert!(csp.contains("script-src 'self'") && !csp.contains("worker-src"));
        assert!(!csp.contains("child-src"));
    }

    #[test]
    fn the_loader_says_offline_in_both_languages_as_the_app_writes_a_day() {
        let part = loader_part();
        assert!(part.contains("\"Bản lưu ngoại tuyến, {date}: "));
        assert!(part.contains("\"Offline copy, {date}: "));
        assert!(part.contains("\"Jan\",\"Feb\",\"Mar\""));
        assert!(part.contains("`${two(day)}/${two(m)}/${y}`"));
        assert_eq!(
            crate::format::date(Lang::Vi, "2026-02-03").as_deref(),
            Some("03/02/2026")
        );
        assert_eq!(
            crate::format::date(Lang::En, "2026-02-03").as_deref(),
            Some("3 Feb 2026")
        );
        assert!(part.contains("worker.register(\"./sw.js\")"));
        assert!(part.contains("if (!worker || root.dataset.embed) return;"));
    }
}
