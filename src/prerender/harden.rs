//! The hardening of a built page: the CSP, the loader that replaces Trunk's inline script (with
//! the WASM's integrity checked), the inlined stylesheet, and the one small inline script allowed
//! by its hash.

use super::base64;
use crate::chart_id::ChartId;
use crate::i18n::{loader_t, Lang, LoaderKey};
use crate::present;
use crate::route::{param, ThemeChoice, View};

/// A JavaScript string literal that cannot end its `<script>` element.
pub(super) fn js_str(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace('<', "\\u003c")
}

/// The one inline script of the page and of an embed page, allowed by its hash. It runs before
/// the first paint:
/// it reads the link's `lang`, `theme` and `v` into `<html>` for the stylesheet (and gives an
/// English reader the English `title_en`), hides the static
/// chart when the link asks for other data than it was built from (the app then draws it), and
/// tells the host page the embed's height from the start and whenever it changes: as the embed
/// dialog's snippet reads it (`chiso:height`), and as AMP's `amp-iframe` does (`embed-size`, with
/// AMP's sentinel). It reads no message. Once the first chart is painted (the first contentful
/// paint after `DOMContentLoaded`, as the browser reports it: a frame may be drawn and not yet
/// shown while a page loads, so an animation frame does not say it; at once in a hidden tab,
/// which paints nothing; 3 s at most), it puts in place the markup the page holds back for the
/// reader's language (see `page::later`; a reader in another language than the first has no chart
/// painted before it, so theirs is put in place at once), and goes to the link's `#figure` if that was in it
/// (again for a few frames: the figures above it are laid out at a stand-in height until they
/// near the screen). Of the first chart, it puts in place the drawing the screen shows as soon as
/// the parser has read it (`page::width_later`), before the first paint; the other drawings come
/// with the rest. The first language's phone drawing is markup already: on a phone, a reader in
/// that language has the parser watched by nothing.
///
/// In the first language the rest after the first chart is not in the page at all but in its page
/// of its own (`data-src`, see `language::rest_from`): once that chart is painted the script
/// fetches that page and takes the same held-back markup from it; if it cannot be had, that
/// reader waits for the app, which shows all of it.
///
/// A reader in another language than the first finds the start of their static content in the
/// page itself, in a `<template>` (see `language::with_first_part`): as soon as the parser has
/// read it (not at `DOMContentLoaded`, which waits for the loader's module to arrive), the script
/// moves it into place and puts in the drawing the screen shows, and once that is painted, fetches
/// the rest as above, then goes to the `#figure`. A page without one (an embed page, the
/// change log) holds both languages itself.
pub fn boot_script(snapshot_id: &str, version: &str, title_en: &str, ranking: &str) -> String {
    // The names and values come from `route`, so the script reads the link as the app does:
    // `lang` is English only when it is exactly `en`, a theme is forced only by a value that
    // forces one, and an empty `snapshot` or `v` is no value.
    let forced: Vec<String> = ThemeChoice::ALL
        .into_iter()
        .filter(|t| t.forced_dark().is_some())
        .map(|t| format!("t==={}", js_str(t.as_str())))
        .collect();
    format!(
        "(function(){{var q=new URLSearchParams(location.search),h=document.documentElement,s=q.get({}),v=q.get({}),t=q.get({}),r=q.get({});\
if(q.get({})==={}){{h.lang={};addEventListener('DOMContentLoaded',function(){{document.title={}}})}}\
if({})h.setAttribute('data-theme',t);\
if(v)h.setAttribute('data-pinned','');\
if((s&&s!=={})||(v&&v!=={})||(r&&r!=={}))h.setAttribute('data-other','');\
if(window.parent!==window)addEventListener('DOMContentLoaded',function(){{var last=-1;new ResizeObserver(function(){{\
var x=Math.ceil(h.getBoundingClientRect().height);if(Math.abs(x-last)<1)return;last=x;\
var p=window.parent;p.postMessage({{type:'chiso:height',height:x}},'*');p.postMessage({{sentinel:'amp',type:'embed-size',height:x}},'*')}}).observe(h)}});\
var put=function(n){{n.replaceWith(document.createRange().createContextualFragment(n.textContent))}},\
wq='noscript[{width}=\"'+h.lang+'\"]',mq=function(x){{return!!x&&matchMedia('(min-width:'+x+')').matches}},\
fits=function(n){{var f=n.getAttribute('data-from');return(!f||mq(f))&&!mq(n.getAttribute('data-to'))}},\
tf='template[data-first=\"'+h.lang+'\"]',own=!1,lead=function(t){{var b=document.getElementById('boot');if(t&&b){{b.appendChild(t.content);t.remove();own=!0}}}},\
mo=new MutationObserver(function(){{var t=own||h.lang==={first}?null:document.querySelector(tf);if(t&&t.nextSibling)lead(t);\
document.querySelectorAll(wq).forEach(function(n){{if(n.nextSibling&&fits(n))put(n)}})}});\
if(h.lang!=={first}||mq({wider}))mo.observe(h,{{childList:true,subtree:true}});\
var target=function(){{var id=location.hash.slice(1);try{{id=decodeURIComponent(id)}}catch(e){{}}return id}},\
later=function(had){{var id=target();if(typeof had!=='boolean')had=!id||!!document.getElementById(id);\
var sel='noscript[{later}=\"'+h.lang+'\"]',m='<noscript {later}=\"'+h.lang+'\">',\
f=[].map.call(document.querySelectorAll(sel+'[data-src]'),function(n){{return fetch(n.getAttribute('data-src')).then(function(r){{return r.ok?r.text():''}}).then(function(x){{\
var a=x.indexOf(m),z=a<0?-1:x.indexOf('</noscript>',a);if(z<0)throw 0;n.textContent=x.slice(a+m.length,z)}}).catch(function(){{n.remove()}})}}),\
all=function(){{document.querySelectorAll(sel+','+wq).forEach(put);\
if(!had){{var e=document.getElementById(id),k=0,go=function(){{e.scrollIntoView();if(++k<4)requestAnimationFrame(go)}};if(e)go()}}}};\
f.length?Promise.all(f).then(all):all()}};\
addEventListener('DOMContentLoaded',function(){{mo.disconnect();lead(document.querySelector(tf));\
var id=target(),had=!id||!!document.getElementById(id);document.querySelectorAll(wq).forEach(function(n){{if(fits(n))put(n)}});\
h.lang==={first}||own?painted(function(){{later(had)}}):later()}});\
function painted(f){{var P=window.PerformanceObserver,o,fcp='first-contentful-paint';\
if(document.hidden)return f();\
if(performance.getEntriesByName(fcp).length||!P||(P.supportedEntryTypes||[]).indexOf('paint')<0)return requestAnimationFrame(function(){{setTimeout(f)}});\
o=new P(function(l){{if(l.getEntriesByName(fcp).length){{o.disconnect();setTimeout(f)}}}});o.observe({{type:'paint'}});setTimeout(f,3000)}}}})();",
        js_str(param::SNAPSHOT),
        js_str(param::VERSION),
        js_str(param::THEME),
        js_str(param::RANKING),
        js_str(param::LANG),
        js_str(Lang::En.tag()),
        js_str(Lang::En.tag()),
        js_str(title_en),
        forced.join("||"),
        js_str(snapshot_id),
        js_str(version),
        js_str(ranking),
        later = super::page::LATER,
        first = js_str(Lang::default().tag()),
        width = super::page::WIDTH,
        wider = js_str(super::page::SHOWN_FROM[1].unwrap_or("0")),
    )
}

/// No page preloads the WASM or the data: the loader (see [`harden`]) fetches them once the page
/// is painted, or, in an embed page, once its reader interacts (the data by `fetch()`, which the app
/// takes over: see [`crate::load::EARLY_DATA`]). The JS glue's `modulepreload`
/// stays: it is small, and it carries the glue's integrity.
pub fn without_eager_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link rel=\"preload\"") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..end];
        if !(tag.contains(".wasm\"") || tag.contains("as=\"fetch\"")) {
            out.push_str(tag);
        }
        rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
    }
    out.push_str(rest);
    out
}

/// Puts `script` first in the head of a finished page, allowed by its hash in the CSP.
pub fn with_boot_script(html: &str, script: &str) -> Result<String, String> {
    use sha2::Digest;
    let hash = format!(
        "'sha256-{}'",
        base64(&sha2::Sha256::digest(script.as_bytes()))
    );
    let csp = "script-src 'self' 'wasm-unsafe-eval'";
    if !html.contains(csp) {
        return Err("no CSP to allow the inline script (run harden first)".into());
    }
    let mut out = html.replacen(csp, &format!("{csp} {hash}"), 1);
    let at = out
        .find("<meta name=\"viewport\"")
        .ok_or("no viewport meta in the head")?;
    out.insert_str(at, &format!("<script>{script}</script>\n  "));
    Ok(out)
}

/// Makes a finished page an embed page: `<html>` names the chart, the title is the chart's, and
/// the inline script goes first in the head, allowed by its hash in the CSP.
pub fn embed_head(html: &str, chart: ChartId, script: &str) -> Result<String, String> {
    let open = "<html lang=\"vi\">";
    if !html.contains(open) {
        return Err("index.html has no <html lang=\"vi\">".into());
    }
    let out = html.replacen(
        open,
        &format!(
            "<html lang=\"vi\" data-embed=\"{}\" class=\"embedded\">",
            chart.as_str()
        ),
        1,
    );
    let out = with_title(&out, &present::document_title(Lang::Vi, Some(chart)));
    // The glue is fetched, with its integrity, by the loader once the reader interacts (an
    // article's reader who only looks pays for the chart alone).
    with_boot_script(&without_glue_preload(&out), script)
}

/// The page without its static `<link rel="modulepreload">` of the JS glue.
fn without_glue_preload(html: &str) -> String {
    let open = "<link rel=\"modulepreload\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
    }
    out.push_str(rest);
    out
}

/// Makes a finished page one page of a snapshot other than the overview: `<html data-view>`
/// names it (the app reads it), the title is the page's, the inline script goes first.
pub fn view_head(html: &str, view: View, script: &str) -> Result<String, String> {
    let open = "<html lang=\"vi\">";
    if !html.contains(open) {
        return Err("index.html has no <html lang=\"vi\">".into());
    }
    let out = html.replacen(
        open,
        &format!("<html lang=\"vi\" data-view=\"{}\">", view.as_str()),
        1,
    );
    let out = with_title(&out, &present::page_title(Lang::Vi, view));
    with_boot_script(&out, script)
}

/// A page that needs no app (the change log): the loader and the glue's preload go, so the page
/// fetches no WASM; the CSP stays as strict.
pub fn without_app(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.split_inclusive('\n') {
        let mut l = line.to_string();
        for open in [
            "<script type=\"module\" src=\"./boot-",
            "<link rel=\"modulepreload\"",
        ] {
            while let Some(i) = l.find(open) {
                let close = if open.starts_with("<script") {
                    "</script>"
                } else {
                    ">"
                };
                match l[i..].find(close) {
                    Some(j) => l.replace_range(i..i + j + close.len(), ""),
                    None => break,
                }
            }
        }
        out.push_str(&l);
    }
    out
}

/// Puts `title` in the page's `<title>`: the built pages take it from
/// [`present::document_title`], as the app does, not from the template's text.
pub fn with_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if b > a => {
            format!("{}<title>{}{}", &html[..a], super::text(title), &html[b..])
        }
        _ => html.to_string(),
    }
}

/// The Content-Security-Policy of the page: scripts only from this site (no eval; WebAssembly
/// compilation allowed; [`with_boot_script`] adds the hash of the one inline script), styles only
/// from this site or the inline stylesheets, each named by its hash (`{STYLE}`, see
/// [`style_hashes`]), data only from this site, images also from `blob:` (the PNG download draws
/// one). Nothing from any other host. Only directives every engine knows: WebKit warns on every
/// page about one it does not (`manifest-src`, dropped: the site has no web manifest, and
/// `default-src 'none'` covers one).
pub const CSP: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'{STYLE}; \
img-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// Inlines the stylesheet, so the first paint waits for no second round trip (a phone on a
/// 150 ms link saves one); [`style_hashes`] then allows it in the CSP.
pub fn inline_css(
    html: &str,
    extra: &str,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<String, String> {
    let open = "<link rel=\"stylesheet\" href=\"./";
    let Some(start) = html.find(open) else {
        return Ok(html.to_string());
    };
    let end = start + html[start..].find('>').ok_or("unclosed stylesheet link")? + 1;
    let href_end = html[start + open.len()..]
        .find('"')
        .ok_or("bad stylesheet link")?;
    let name = &html[start + open.len()..start + open.len() + href_end];
    let css = read(name).ok_or_else(|| format!("{name} is missing"))?;
    let css = String::from_utf8(css).map_err(|e| format!("{name}: {e}"))?;
    let mut css = super::stylesheet::without_comments(&css);
    css.push_str(extra);
    if css.contains("</") {
        return Err(format!("{name} contains \"</\" and cannot be inlined"));
    }
    Ok(format!(
        "{}<style>{css}</style>{}",
        &html[..start],
        &html[end..]
    ))
}

/// The CSP sources that allow exactly the page's inline stylesheets, each by its hash: the one
/// in the head, and the one after each pre-rendered figure. Any other `<style>` (one injected by
/// a compromised host, say) is refused.
pub fn style_hashes(html: &str) -> Result<String, String> {
    use sha2::Digest;
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<style>") {
        let body = &rest[i + "<style>".len()..];
        let end = body.find("</style>").ok_or("unclosed <style>")?;
        let hash = base64(&sha2::Sha256::digest(&body.as_bytes()[..end]));
        let source = format!(" 'sha256-{hash}'");
        if !out.contains(&source) {
            out.push_str(&source);
        }
        rest = &body[end..];
    }
    Ok(out)
}

/// `sha384-…`, as subresource integrity writes it.
pub fn sri(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha384-{}", base64(&sha2::Sha384::digest(bytes)))
}

/// Replaces Trunk's inline loader with an external one that fetches the WASM with its integrity
/// checked, and puts the CSP first in the head. `read` gives the bytes of a built file by name.
/// Returns the new HTML and the loader file (name, contents) to write.
/// The snapshot the built pages show: the loader fetches it beside the WASM.
#[derive(Debug, Clone, Copy)]
pub struct Warm<'a> {
    pub snapshot: &'a str,
    pub version: &'a str,
    pub path: &'a str,
}

/// `page` is the page whose WASM `html` loads: each page has its own (see
/// [`View::in_build`]), and a link to another page's app goes to that page's file.
pub fn harden(
    html: &str,
    extra_css: &str,
    warm: Warm,
    page: View,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(String, (String, String)), String> {
    let trunk = trunk_loader(html, "index.html")?;
    // Which page a link asks for, read as the app reads it (`app::App`): the embed's chart's page
    // (`?embed=`, else the embed page's `<html data-embed>`), else `?view=`, else the page's own
    // `<html data-view>`, else the overview.
    let js_map = |pairs: Vec<(&str, &str)>| {
        let entries: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("[{},{}]", js_str(k), js_str(v)))
            .collect();
        format!("new Map([{}])", entries.join(","))
    };
    let chart_pages = js_map(
        ChartId::ALL
            .into_iter()
            .map(|c| (c.as_str(), View::of(c).as_str()))
            .collect(),
    );
    let page_files = js_map(
        View::ALL
            .into_iter()
            .map(|v| {
                (
                    v.as_str(),
                    if v.file().is_empty() { "./" } else { v.file() },
                )
            })
            .collect(),
    );
    let (js, wasm) = (&trunk.js, &trunk.wasm);
    let wasm_bytes =
        read(wasm.trim_start_matches("./")).ok_or_else(|| format!("{wasm} is missing"))?;
    let glue_bytes = read(js.trim_start_matches("./")).ok_or_else(|| format!("{js} is missing"))?;
    // If the WASM cannot start (tampered, blocked, an old browser), the page says so instead of
    // loading for ever.
    let words = |k| {
        format!(
            "{} + ' ', span('en', {})",
            js_str(loader_t(Lang::Vi, k)),
            js_str(loader_t(Lang::En, k))
        )
    };
    let loader = format!(
        "// Starts Chỉ số: fetches the WASM with its integrity checked, then runs it.\n\
         const params = new URLSearchParams(location.search);\n\
         const root = document.documentElement;\n\
         // This page's WASM draws its own page's charts alone: a link to another page's app (the\n\
         // ranking's `?view=` on the overview, as first published, or the `?embed=` of a chart on\n\
         // another page) goes to that page's file, the whole link kept, before anything is fetched.\n\
         const pages = {page_files}, charts = {chart_pages};\n\
         const view = charts.get(params.get({embed})) ?? charts.get(root.dataset.embed)\n\
         \x20 ?? (pages.has(params.get({view_param})) ? params.get({view_param}) : root.dataset.view ?? {overview});\n\
         if (view !== {here}) {{\n\
         \x20 location.replace(pages.get(view) + location.search + location.hash);\n\
         \x20 await new Promise(() => {{}});\n\
         }}\n\
         const boot = document.getElementById('boot');\n\
         const span = (lang, textContent) => Object.assign(document.createElement('span'), {{ lang, textContent }});\n\
         {offline}\
         // An embed shows one chart, not the static page.\n\
         if (params.has({embed})) boot?.setAttribute('hidden', '');\n\
         // A reader whose browser asks to save data (Chromium's `navigator.connection.saveData`, set\n\
         // with the Save-Data header it sends) keeps the pre-rendered page, as an embed's reader does.\n\
         const quiet = !root.dataset.embed && navigator.connection?.saveData === true;\n\
         if ((root.dataset.embed || quiet) && !root.hasAttribute('data-other') && boot) {{\n\
         \x20 // An embed page, or a page whose reader saves data, whose pre-rendered charts are on screen\n\
         \x20 // (they answer hover, tap and Tab by themselves) fetches the app when the reader first touches,\n\
         \x20 // clicks or tabs into it (a page: into a chart or a control, not a scroll): a reader who\n\
         \x20 // only looks downloads no WASM and no data. The page's loading line says so meanwhile.\n\
         \x20 const line = quiet && boot.querySelector('.loading'), was = line && [...line.childNodes];\n\
         \x20 if (line) line.replaceChildren({save_data});\n\
         \x20 if (quiet) keep();\n\
         \x20 await new Promise((go) => {{\n\
         \x20   const events = ['pointerdown', 'keydown', 'focusin'];\n\
         \x20   const once = (e) => {{\n\
         \x20     if (quiet && !e.target.closest?.('.chart-figure, button, select, input, summary')) return;\n\
         \x20     for (const e of events) removeEventListener(e, once, true);\n\
         \x20     go();\n\
         \x20   }};\n\
         \x20   for (const e of events) addEventListener(e, once, {{ capture: true, passive: true }});\n\
         \x20 }});\n\
         \x20 if (line) line.replaceChildren(...was);\n\
         }} else {{\n\
         \x20 // The pre-rendered page is painted before anything else is fetched, so nothing competes\n\
         \x20 // with it (a frame that never comes, in a hidden frame, waits 1 s at most).\n\
         \x20 await new Promise((go) => {{ requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 1000); }});\n\
         }}\n\
         // The data the app will ask for, fetched beside the WASM rather than after it. The app\n\
         // reads these very requests (by path), so each file is fetched once in every engine: a\n\
         // <link rel=preload> is not handed to fetch() by WebKit, which then asked twice.\n\
         const early = window[{early}] = {{}};\n\
         const start = (path) => {{\n\
         \x20 const abort = new AbortController();\n\
         \x20 const response = copy(path, fetch(path, {{ signal: abort.signal }}));\n\
         \x20 response.catch(() => {{}}); // a failure is the app's to tell, when it reads the response\n\
         \x20 early[path] = {{ response, abort }};\n\
         }};\n\
         start({manifest});\n\
         const snapshot = params.get({snapshot_param}), version = params.get({version_param});\n\
         if ((!snapshot || snapshot === {snap}) && (!version || version === {ver})) start({path});\n\
         // The JS glue with its integrity: an embed page does not preload it (a reader who only\n\
         // looks does not pay for it), so it is asked for here, checked as the preload would be.\n\
         if (!document.querySelector('link[rel=modulepreload][href=\"{js}\"]')) {{\n\
         \x20 const m = document.createElement('link');\n\
         \x20 m.rel = 'modulepreload'; m.href = '{js}'; m.integrity = '{glue_sri}'; m.crossOrigin = 'anonymous';\n\
         \x20 document.head.append(m);\n\
         }}\n\
         const {{ default: init }} = await import('{js}');\n\
         try {{\n  await init({{ module_or_path: copy('{wasm}', fetch('{wasm}', {{ integrity: '{}' }})) }});\n}} catch (e) {{\n\
         \x20 document.querySelector('#boot .loading')?.replaceChildren({cannot_start});\n\
         \x20 throw e;\n}}\n\
         // The app runs, with its WASM and data: the worker may keep them for offline reading.\n\
         keep();\n",
        sri(&wasm_bytes),
        glue_sri = sri(&glue_bytes),
        snap = js_str(warm.snapshot),
        ver = js_str(warm.version),
        path = js_str(warm.path),
        early = js_str(crate::load::EARLY_DATA),
        manifest = js_str(crate::load::MANIFEST_PATH),
        embed = js_str(param::EMBED),
        view_param = js_str(param::VIEW),
        overview = js_str(View::Overview.as_str()),
        here = js_str(page.as_str()),
        snapshot_param = js_str(param::SNAPSHOT),
        version_param = js_str(param::VERSION),
        offline = super::offline::loader_part(),
        save_data = words(LoaderKey::SaveData),
        cannot_start = words(LoaderKey::CannotStart),
    );
    // The WASM is fetched by the loader after the first paint (see above), not preloaded.
    with_external_loader(html, &trunk, "boot", loader, extra_css, read)
}

/// The files the reader's app is made of, as Trunk's page names them (the JS glue and the WASM),
/// without the leading `./`.
pub fn app_files(html: &str) -> Result<[String; 2], String> {
    let trunk = trunk_loader(html, "index.html")?;
    let name = |s: &str| s.trim_start_matches("./").to_string();
    Ok([name(&trunk.js), name(&trunk.wasm)])
}

/// The page's icon (`<link rel="icon" href="…">`), as the page names it, if it has one.
pub fn icon(html: &str) -> Option<&str> {
    let open = "<link rel=\"icon\" href=\"";
    let start = html.find(open)? + open.len();
    let len = html[start..].find('"')?;
    Some(html[start..start + len].trim_start_matches("./"))
}

/// Trunk's inline loader in a built page: where it stands, and the JS glue and WASM it names.
pub(super) struct TrunkLoader {
    start: usize,
    end: usize,
    pub js: String,
    pub wasm: String,
}

/// Finds Trunk's inline loader in `page`'s HTML, or says why this is not a Trunk build.
pub(super) fn trunk_loader(html: &str, page: &str) -> Result<TrunkLoader, String> {
    let open = "<script type=\"module\">";
    let start = html
        .find(open)
        .ok_or_else(|| format!("no inline module script in {page} (is this a Trunk build?)"))?;
    let end =
        start + html[start..].find("</script>").ok_or("unclosed <script>")? + "</script>".len();
    let inline = &html[start..end];
    let quoted = |after: &str| -> Option<String> {
        let i = inline.find(after)? + after.len();
        let rest = &inline[i..];
        let q = rest.find('\'')? + 1;
        let len = rest[q..].find('\'')?;
        Some(rest[q..q + len].to_string())
    };
    Ok(TrunkLoader {
        start,
        end,
        js: quoted(" from ").ok_or_else(|| format!("no JS glue import in {page}'s loader"))?,
        wasm: quoted("module_or_path:")
            .ok_or_else(|| format!("no WASM path in {page}'s loader"))?,
    })
}

/// The page with Trunk's inline loader (`trunk`, found in `html`) replaced by `loader`, written as `PREFIX-HASH.js` and
/// loaded with its integrity; no eager preload of the WASM or the data, the stylesheet inlined
/// (with `extra_css`), and the CSP first in the head. Returns the page and the loader file
/// (name, contents) to write. Every page with an app (the reader's, the studio) goes this way.
pub(super) fn with_external_loader(
    html: &str,
    trunk: &TrunkLoader,
    prefix: &str,
    loader: String,
    extra_css: &str,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(String, (String, String)), String> {
    let TrunkLoader { start, end, .. } = *trunk;
    let name = {
        use sha2::Digest;
        let h = sha2::Sha256::digest(loader.as_bytes());
        let hex: String = h.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("{prefix}-{hex}.js")
    };
    let tag = format!(
        "<script type=\"module\" src=\"./{name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        sri(loader.as_bytes())
    );
    let mut out = without_eager_preloads(&format!("{}{}{}", &html[..start], tag, &html[end..]));
    out = inline_css(&out, extra_css, &read)?;
    if !out.contains("Content-Security-Policy") {
        let csp = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            CSP.replace("{STYLE}", &style_hashes(&out)?)
        );
        let at = out
            .find("<meta charset=\"utf-8\">")
            .map(|i| i + "<meta charset=\"utf-8\">".len());
        let at = at
            .or_else(|| out.find("<head>").map(|i| i + 6))
            .ok_or("no <head>")?;
        out.insert_str(at, &format!("\n  {csp}"));
    }
    Ok((out, (name, loader)))
}

/// Who may show a built page in a frame. `frame-ancestors` works only in an HTTP header (a
/// `<meta>` policy ignores it), so the page cannot say it itself: the server adds it (see
/// [`nginx_csp_map`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// An embed: any site's article may frame it.
    Anywhere,
    /// A page: no site may frame it, ours included (no clickjacking of its buttons).
    Nowhere,
}

impl Framing {
    pub fn directive(self) -> &'static str {
        match self {
            Framing::Anywhere => "frame-ancestors *",
            Framing::Nowhere => "frame-ancestors 'none'",
        }
    }
}

/// The policy a finished page carries in its `<meta http-equiv="Content-Security-Policy">`.
pub fn meta_csp(html: &str) -> Option<&str> {
    let open = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(open)? + open.len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

/// The policy of a finished page as an HTTP header: the page's own `<meta>` policy, read back
/// from the page as written (so the header and the meta cannot disagree on a hash), and who may
/// frame it.
pub fn header_csp(html: &str, framing: Framing) -> Result<String, String> {
    let meta = meta_csp(html).ok_or("no Content-Security-Policy meta in the page")?;
    Ok(format!("{meta}; {}", framing.directive()))
}

/// A built page as the server sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// `embed-CHART.html`: framed anywhere.
    Embed,
    /// A page with the app: framed nowhere, except as an embed when its link says `?embed=CHART`
    /// (how embeds were first published; the app then shows that chart alone).
    App,
    /// A page without the app (the change log): framed nowhere.
    Static,
}

/// The entries of the nginx `map` from `"$uri?embed=$arg_embed"` to the `Content-Security-Policy`
/// header of each built page (`deploy/nginx.conf` includes them): each page's own policy (see
/// [`header_csp`]) and who may frame it. Keys are regular expressions anchored at the file name,
/// so the site may live in any folder of the host. `pages` are (file name, finished HTML, kind).
pub fn nginx_csp_map(pages: &[(&str, &str, Served)]) -> Result<String, String> {
    let mut out = String::from(
        "# Written by chiso-prerender: the Content-Security-Policy header of each page, its <meta>\n\
         # policy plus frame-ancestors. Keys: \"$uri?embed=$arg_embed\". Rebuilt with every\n\
         # `make dist`; reload nginx after publishing (the hashes change with the pages).\n",
    );
    let charts = ChartId::ALL
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join("|");
    for &(file, html, served) in pages {
        if file.is_empty()
            || !file
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            return Err(format!("{file:?}: not a plain file name"));
        }
        let key = format!("~(?:^|/){}\\?embed=", file.replace('.', "\\."));
        let mut entry = |key: String, framing: Framing| -> Result<(), String> {
            let policy = header_csp(html, framing).map_err(|e| format!("{file}: {e}"))?;
            // nginx would read `$` as a variable and `"`, `\` as the end of the value.
            if policy.contains(['"', '\\', '$', '\n', '{', '}']) {
                return Err(format!(
                    "{file}: the policy cannot be written as an nginx value"
                ));
            }
            out.push_str(&format!("\"{key}\" \"{policy}\";\n"));
            Ok(())
        };
        match served {
            Served::Embed => entry(key, Framing::Anywhere)?,
            Served::App => {
                // The first match wins: an embed's link before the page's.
                entry(format!("{key}(?:{charts})$"), Framing::Anywhere)?;
                entry(key, Framing::Nowhere)?;
            }
            Served::Static => entry(key, Framing::Nowhere)?,
        }
    }
    // The service worker's own policy: a worker's is its script's header, and the map's default
    // would forbid its every fetch().
    out.push_str(&format!(
        "\"~(?:^|/){}\\?embed=\" \"{}\";\n",
        super::SW_FILE.replace('.', "\\."),
        super::SW_CSP
    ));
    Ok(out)
}
