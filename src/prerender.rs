//! Build-time work on the built page (native only): what crawlers and link previews read, since
//! they run no WASM.

use crate::export::{svg_document, Caption};
use crate::i18n::{t, Key, Lang};
use crate::present;
use crate::snapshot::Snapshot;

/// The texts of a link preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub title: String,
    pub description: String,
    /// Absolute where the site's URL is known, else relative to the page.
    pub image: String,
    pub image_alt: String,
}

pub fn preview(s: &Snapshot, image: String) -> Preview {
    let lang = Lang::Vi;
    Preview {
        title: format!("{} · {}", lang.pick(&s.title), t(lang, Key::AppName)),
        description: present::headline_summary(lang, s),
        image,
        image_alt: format!(
            "{}: {}",
            t(lang, Key::PillarChartTitle),
            present::pillar_summary(lang, s)
        ),
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const BEGIN: &str = "<!-- chiso:preview -->";
const END: &str = "<!-- /chiso:preview -->";

/// Puts OpenGraph and Twitter tags (and the description) into `html`'s head; running it again
/// replaces what it wrote before.
pub fn inject_preview(html: &str, p: &Preview) -> String {
    let html = match (html.find(BEGIN), html.find(END)) {
        (Some(a), Some(b)) if b > a => {
            let rest = &html[b + END.len()..];
            format!("{}{}", &html[..a], rest.strip_prefix('\n').unwrap_or(rest))
        }
        _ => html.to_string(),
    };
    let tags = [
        ("property", "og:type", "website".to_string()),
        ("property", "og:locale", "vi_VN".to_string()),
        ("property", "og:locale:alternate", "en_US".to_string()),
        ("property", "og:site_name", "Chỉ số".to_string()),
        ("property", "og:title", p.title.clone()),
        ("property", "og:description", p.description.clone()),
        ("property", "og:image", p.image.clone()),
        ("property", "og:image:alt", p.image_alt.clone()),
        ("name", "twitter:card", "summary_large_image".to_string()),
        ("name", "twitter:title", p.title.clone()),
        ("name", "twitter:description", p.description.clone()),
        ("name", "twitter:image", p.image.clone()),
        ("name", "twitter:image:alt", p.image_alt.clone()),
    ];
    let mut block = String::from(BEGIN);
    block.push('\n');
    for (kind, name, content) in tags {
        block.push_str(&format!(
            "  <meta {kind}=\"{name}\" content=\"{}\">\n",
            attr(&content)
        ));
    }
    block.push_str(END);
    // The static description says the headline too (search results show it).
    let mut out = replace_meta_description(&html, &p.description);
    if let Some(i) = out.find("</head>") {
        out.insert_str(i, &format!("{block}\n"));
    }
    out
}

fn replace_meta_description(html: &str, text: &str) -> String {
    let key = "<meta name=\"description\" content=\"";
    let Some(a) = html.find(key) else {
        return html.to_string();
    };
    let start = a + key.len();
    let Some(len) = html[start..].find('"') else {
        return html.to_string();
    };
    format!("{}{}{}", &html[..start], attr(text), &html[start + len..])
}

/// The image for link previews: the pillar chart with its caption, as SVG (rasterised by the
/// caller). 600 px wide, drawn at 2× into a 1200 px PNG.
pub fn preview_svg(s: &Snapshot) -> String {
    let lang = Lang::Vi;
    let rows = present::pillar_rows(lang, s);
    let drawn = crate::chart::bars_chart(&rows, 568.0, &crate::chart::Options::default());
    let (tally, _) = match s.pillar_tally() {
        Some(x) => x,
        None => return String::new(),
    };
    let line = present::tally_line(lang, s, tally);
    let caption = Caption {
        title: format!(
            "{}: {} {} ({})",
            present::capitalise(lang.pick(&s.unit.name)),
            line.fraction,
            t(lang, Key::IndicatorsMet),
            line.rate
        ),
        as_of: format!("{}: {}", t(lang, Key::AsOf), line.as_of),
        source: format!(
            "{}: {}",
            t(lang, Key::Source),
            line.sources
                .iter()
                .map(|r| r.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        summary: present::pillar_summary(lang, s),
    };
    svg_document(&drawn, &caption, &crate::chart::Theme::LIGHT)
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Width the charts are drawn at in the static page; they scale with the page until the app
/// redraws them at their real width.
const BOOT_WIDTH: f64 = 640.0;

/// The page as a reader without JavaScript (a crawler, a printer, a phone still fetching the WASM)
/// sees it: the headline figures, the four charts drawn by the same code as the app, and the
/// sources; in Vietnamese and in English, with the version note for a following and a pinned
/// link. The page's inline script ([`boot_script`]) marks `<html>` before the first paint and the
/// stylesheet shows the one variant the link asks for. The app replaces it, all at once, when it
/// is ready.
pub fn boot_markup(s: &Snapshot, version: &str, published: &str) -> Boot {
    let mut h = String::from("<div id=\"boot\" class=\"prerendered\">\n");
    h.push_str("<p class=\"loading\" role=\"status\">Đang tải phần tương tác… <span lang=\"en\">Loading the interactive charts…</span></p>\n");
    let mut css = String::new();
    for lang in [Lang::Vi, Lang::En] {
        let (html, rules) = static_page_in(lang, s, version, published);
        h.push_str(&html);
        css.push_str(&rules);
    }
    h.push_str("</div>");
    css.push_str(&static_dark_css());
    Boot { html: h, css }
}

fn static_page_in(lang: Lang, s: &Snapshot, version: &str, published: &str) -> (String, String) {
    use crate::export::ChartId;
    let tag = lang.tag();
    let mut css = String::new();
    let mut h = format!("<div class=\"static-{tag}\" lang=\"{tag}\">\n");
    h.push_str(&format!(
        "<header class=\"site\"><p class=\"brand\"><span class=\"name\">{}</span><span class=\"tagline\">{}</span></p></header>\n",
        t(lang, Key::AppName),
        t(lang, Key::Tagline)
    ));
    h.push_str("<main><article class=\"dashboard\">\n");
    let unit = match &s.unit.successor {
        Some(succ) => format!(
            "{} · {} {}",
            lang.pick(&s.unit.name),
            t(lang, Key::FormerUnit),
            lang.pick(&succ.name)
        ),
        None => lang.pick(&s.unit.name).to_string(),
    };
    h.push_str(&format!(
        "<p class=\"unit\">{}</p>\n<h1>{}</h1>\n<p class=\"version-note following\">{}</p><p class=\"version-note pinned\">{}</p>\n<section class=\"tallies\">\n",
        text(&unit),
        text(lang.pick(&s.title)),
        text(&present::version_note(lang, version, published, false)),
        text(&present::version_note(lang, version, published, true))
    ));
    for (i, tally) in s.tallies.iter().enumerate() {
        let line = present::tally_line(lang, s, tally);
        let sources: Vec<String> = line.sources.iter().map(source_link).collect();
        h.push_str(&format!(
            "<div class=\"tally{}\"><p class=\"figure\"><span class=\"fraction\">{}</span> <span class=\"label\">{}</span> · <span class=\"rate\">{}</span></p>\
             <p class=\"as-of\">{}: {}</p><p class=\"pillar-split\">{}</p><p class=\"source\">{}: {}</p></div>\n",
            if i == 0 { " headline" } else { "" },
            line.fraction,
            t(lang, Key::IndicatorsMet),
            line.rate,
            t(lang, Key::AsOf),
            text(&line.as_of),
            text(&line.pillars),
            t(lang, Key::Source),
            sources.join("; ")
        ));
    }
    h.push_str("</section>\n<section class=\"unknowns\">");
    h.push_str(&format!("<h2>{}</h2><ul>", t(lang, Key::WhatIsUnknown)));
    for n in &s.notes {
        h.push_str(&format!("<li>{}</li>", text(lang.pick(n))));
    }
    h.push_str("</ul></section>\n");
    for id in ChartId::ALL {
        // The Vietnamese page keeps the app's figure ids (links to `#chart-…` land on it).
        let scope = match lang {
            Lang::Vi => format!("chart-{}", id.as_str()),
            Lang::En => format!("chart-{}-en", id.as_str()),
        };
        let (figure, rules) = static_figure(lang, s, id, &scope);
        h.push_str(&figure);
        css.push_str(&rules);
    }
    h.push_str(&format!(
        "<section class=\"sources\"><h2>{}</h2><ol>",
        t(lang, Key::Sources)
    ));
    for src in &s.sources {
        let r = present::source_ref(lang, src);
        h.push_str(&format!(
            "<li><a href=\"{}\" rel=\"noopener noreferrer external\">{}</a> ({})</li>",
            attr(&r.url),
            text(&r.title),
            text(&r.detail)
        ));
    }
    h.push_str("</ol></section>\n</article></main>\n</div>\n");
    (h, css)
}

/// One chart as the app shows it (title, as-of, source, the drawing, its summary), drawn by the
/// same code, with marks that answer without script. `scope` is the figure's id.
fn static_figure(
    lang: Lang,
    s: &Snapshot,
    id: crate::export::ChartId,
    scope: &str,
) -> (String, String) {
    let drawn = present::draw(id, lang, s, BOOT_WIDTH, &crate::chart::Options::default());
    let (marks, rules) = static_marks(scope, &drawn);
    let summary = present::chart_summary(lang, id, s);
    let figure = format!(
        "<figure class=\"chart-figure\" id=\"{scope}\"><figcaption><h2 class=\"chart-title\">{}</h2>\
         <p class=\"chart-subtitle\">{}</p><p class=\"chart-subtitle\">{}</p></figcaption>\
         <div class=\"chart-area static\"><div class=\"chart-svg\" role=\"img\" aria-label=\"{}\">{}</div>{marks}</div>\
         <p class=\"chart-summary\">{}</p></figure>\n",
        text(present::chart_title(lang, id)),
        text(&present::chart_as_of(lang, id, s)),
        text(&present::chart_source(lang, id, s)),
        attr(&summary),
        fluid_svg(&drawn.svg),
        text(&summary),
    );
    (figure, rules)
}

/// An embed page's static content: the chart in Vietnamese and in English, each with the version
/// note and link back for a pinned and for a following link. The page's inline script (see
/// [`embed_script`]) marks `<html>` before the first paint, and the stylesheet shows the one
/// variant the link asks for, so nothing is swapped on screen.
pub fn embed_markup(
    s: &Snapshot,
    chart: crate::export::ChartId,
    version: &str,
    published: &str,
) -> Boot {
    let mut h = String::from("<div id=\"boot\" class=\"prerendered\">\n");
    let mut css = String::new();
    for lang in [Lang::Vi, Lang::En] {
        let tag = lang.tag();
        let (figure, rules) =
            static_figure(lang, s, chart, &format!("chart-{}-{tag}", chart.as_str()));
        css.push_str(&rules);
        let footer = |pinned: bool| {
            let pin = if pinned {
                format!("&amp;snapshot={}&amp;v={}", attr(&s.id), attr(version))
            } else {
                String::new()
            };
            format!(
                "<div class=\"{}\"><p class=\"version-note\">{}</p><a href=\"./?lang={tag}{pin}#chart-{}\" target=\"_blank\" rel=\"noopener\">{}</a></div>",
                if pinned { "pinned" } else { "following" },
                text(&present::version_note(lang, version, published, pinned)),
                chart.as_str(),
                t(lang, Key::SeeFullPage)
            )
        };
        h.push_str(&format!(
            "<main class=\"embed-main static-{tag}\" lang=\"{tag}\"><div class=\"embed\">{figure}\
             <footer class=\"embed-footer\">{}{}</footer></div></main>\n",
            footer(false),
            footer(true)
        ));
    }
    h.push_str("</div>");
    css.push_str(&static_dark_css());
    Boot { html: h, css }
}

/// A JavaScript string literal that cannot end its `<script>` element.
fn js_str(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace('<', "\\u003c")
}

/// The one inline script of the page and of an embed page, allowed by its hash. It runs before
/// the first paint:
/// it reads the link's `lang`, `theme` and `v` into `<html>` for the stylesheet, hides the static
/// chart when the link asks for other data than it was built from (the app then draws it), and
/// tells the host page the embed's height from the start. It reads no message.
pub fn boot_script(snapshot_id: &str, version: &str) -> String {
    format!(
        "(function(){{var q=new URLSearchParams(location.search),h=document.documentElement,s=q.get('snapshot'),v=q.get('v'),t=q.get('theme');\
if(q.get('lang')==='en')h.lang='en';\
if(t==='dark'||t==='light')h.setAttribute('data-theme',t);\
if(v)h.setAttribute('data-pinned','');\
if((s&&s!=={})||(v&&v!=={}))h.setAttribute('data-other','');\
if(window.parent!==window)addEventListener('DOMContentLoaded',function(){{var last=-1;new ResizeObserver(function(){{\
var x=Math.ceil(h.getBoundingClientRect().height);if(Math.abs(x-last)<1)return;last=x;\
window.parent.postMessage({{type:'chiso:height',height:x}},'*')}}).observe(h)}})}})();",
        js_str(snapshot_id),
        js_str(version)
    )
}

/// An embed page fetches the WASM and the data only once its reader interacts (see [`harden`]'s
/// loader), so it must not preload them. The JS glue's `modulepreload` stays: it is small, and it
/// carries the glue's integrity.
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
pub fn embed_head(
    html: &str,
    chart: crate::export::ChartId,
    script: &str,
) -> Result<String, String> {
    let open = "<html lang=\"vi\">";
    if !html.contains(open) {
        return Err("index.html has no <html lang=\"vi\">".into());
    }
    let mut out = html.replacen(
        open,
        &format!(
            "<html lang=\"vi\" data-embed=\"{}\" class=\"embedded\">",
            chart.as_str()
        ),
        1,
    );
    if let (Some(a), Some(b)) = (out.find("<title>"), out.find("</title>")) {
        out.replace_range(
            a + "<title>".len()..b,
            &format!(
                "{} · {}",
                present::chart_title(Lang::Vi, chart),
                t(Lang::Vi, Key::AppName)
            ),
        );
    }
    with_boot_script(&out, script)
}

/// Pre-rendered charts are drawn once, in the light theme. For a reader in the dark theme (their
/// setting, or `?theme=dark`), these rules give every light colour of the drawing its dark
/// counterpart, so the static chart already looks like the app's.
pub fn static_dark_css() -> String {
    use crate::chart::Theme;
    let (l, d) = (Theme::LIGHT, Theme::DARK);
    let pairs = [
        (l.background, d.background),
        (l.text, d.text),
        (l.muted, d.muted),
        (l.fill, d.fill),
        (l.goal, d.goal),
        (l.track, d.track),
        (l.track_stroke, d.track_stroke),
        (l.dim, d.dim),
    ];
    let hex = |c: plotters::style::RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    let mut rules = String::new();
    for (a, b) in pairs {
        for prop in ["fill", "stroke"] {
            rules.push_str(&format!(
                "{{S}} [{prop}=\"{}\"]{{{prop}:{}}}",
                hex(a),
                hex(b)
            ));
        }
    }
    let scoped = |root: &str| rules.replace("{S}", &format!("{root} .chart-area.static svg"));
    format!(
        "@media (prefers-color-scheme: dark){{{}}}\n{}\n",
        scoped(":root:not([data-theme=light])"),
        scoped(":root[data-theme=dark]")
    )
}

/// The static page and the stylesheet rules that place its marks and tooltips.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    pub html: String,
    pub css: String,
}

/// Makes a pre-rendered chart answer before any script runs: each mark gets a hit area that the
/// pointer hovers, a finger taps and Tab focuses, and the stylesheet shows its tooltip (the same
/// words as the app's) while it is hovered or focused. Positions are percentages of the chart, so
/// they follow the drawing as it scales; they live in the stylesheet because the CSP refuses
/// style attributes. Returns the markup and the rules, scoped to the figure `scope`.
pub fn static_marks(scope: &str, drawn: &crate::chart::Drawn) -> (String, String) {
    let (w, h) = (drawn.width.max(1.0), drawn.height.max(1.0));
    let pct = |v: f64, of: f64| format!("{:.2}%", v / of * 100.0);
    let mut html = String::new();
    let mut css = String::new();
    for (i, m) in drawn.marks.iter().enumerate() {
        let lines: String = m
            .tooltip
            .lines
            .iter()
            .map(|l| format!("<span>{}</span>", text(l)))
            .collect();
        html.push_str(&format!(
            "<span class=\"mark m{i}\" tabindex=\"0\" role=\"img\" aria-label=\"{}\"></span>\
             <span class=\"tooltip\" data-testid=\"tooltip\" data-key=\"{}\" aria-hidden=\"true\"><strong>{}</strong>{lines}</span>",
            attr(&m.tooltip.text()),
            attr(&m.key),
            text(&m.tooltip.title),
        ));
        // Hit areas are generous and may reach past the drawing; the page's may not.
        let r = crate::chart::mark::Rect {
            x0: m.hit.x0.clamp(0.0, w),
            y0: m.hit.y0.clamp(0.0, h),
            x1: m.hit.x1.clamp(0.0, w),
            y1: m.hit.y1.clamp(0.0, h),
        };
        let f = m.focus;
        css.push_str(&format!(
            "#{scope} .m{i}{{left:{};top:{};width:{};height:{}}}\
             #{scope} .m{i}+.tooltip{{left:clamp(0px,calc({} - min(130px,50%)),calc(100% - min(260px,100%)));top:calc({} + 6px)}}\n",
            pct(r.x0, w),
            pct(r.y0, h),
            pct(r.width(), w),
            pct(r.height(), h),
            pct((f.x0 + f.x1) / 2.0, w),
            pct(f.y1, h),
        ));
    }
    (html, css)
}

/// A source as the app links it (the same markup, so the same layout to the pixel).
fn source_link(r: &present::SourceRef) -> String {
    format!(
        "<span class=\"source-ref\"><a href=\"{}\" rel=\"noopener noreferrer external\" target=\"_blank\" lang=\"vi\">{}</a> ({})</span>",
        attr(&r.url),
        text(&r.title),
        text(&r.detail)
    )
}

/// Puts [`boot_markup`] in place of the `<div id="boot">…</div>` of `html` (the last element of
/// the body).
/// Returns the page and the rules [`harden`] must inline with the stylesheet.
pub fn inject_boot(html: &str, boot: Boot) -> Result<(String, String), String> {
    let start = html
        .find("<div id=\"boot\"")
        .ok_or("index.html has no <div id=\"boot\">")?;
    let end = html.rfind("</body>").ok_or("index.html has no </body>")?;
    Ok((
        format!("{}{}\n{}", &html[..start], boot.html, &html[end..]),
        boot.css,
    ))
}

/// The floor of `make bench`: the pillar and indicator charts as plain inline SVG in a page with
/// no script at all, drawn by the same code as the app.
pub fn static_page(s: &Snapshot) -> String {
    let lang = Lang::Vi;
    let o = crate::chart::Options::default();
    let pillars = crate::chart::bars_chart(&present::pillar_rows(lang, s), 640.0, &o);
    let indicators = crate::chart::dumbbell_chart(
        &present::indicator_rows(lang, s),
        &present::percent_ticks(lang),
        640.0,
        &o,
    );
    let fluid = |svg: &str| fluid_svg(svg);
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><link rel=\"icon\" href=\"data:,\">\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}}svg{{width:100%;height:auto}}svg text{{font-family:inherit}}</style></head><body>\n\
         <h1>{}</h1>\n<h2>{}</h2>\n{}\n<h2>{}</h2>\n{}\n</body></html>\n",
        t(lang, Key::AppName),
        present::headline_summary(lang, s),
        t(lang, Key::PillarChartTitle),
        fluid(&pillars.svg),
        t(lang, Key::IndicatorChartTitle),
        fluid(&indicators.svg),
    )
}

/// The same drawing, scaling with its container: the fixed `width` and `height` of plotters' root
/// `<svg>` give way to the stylesheet, and the `viewBox` keeps the proportions.
pub fn fluid_svg(svg: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_string();
    };
    let (open, rest) = svg.split_at(end);
    let mut tag = String::new();
    for part in open.split(' ') {
        if part.starts_with("width=\"") || part.starts_with("height=\"") {
            continue;
        }
        if !tag.is_empty() {
            tag.push(' ');
        }
        tag.push_str(part);
    }
    // Sized by the stylesheet (`.chart-svg svg`), not a style attribute, which the CSP refuses.
    format!("{tag}{rest}")
}

/// The Content-Security-Policy of the page: scripts only from this site (no inline script, no
/// eval; WebAssembly compilation allowed), styles only from this site or the one inlined
/// stylesheet named by its hash (`{STYLE}`), data only from this site, images also from `blob:`
/// (the PNG download draws one). Nothing from any other host.
pub const CSP: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'{STYLE}; \
img-src 'self' blob:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";

/// Inlines the stylesheet, so the first paint waits for no second round trip (a phone on a
/// 150 ms link saves one), and returns the CSP source that allows exactly that stylesheet.
pub fn inline_css(
    html: &str,
    extra: &str,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(String, String), String> {
    use sha2::Digest;
    let open = "<link rel=\"stylesheet\" href=\"./";
    let Some(start) = html.find(open) else {
        return Ok((html.to_string(), String::new()));
    };
    let end = start + html[start..].find('>').ok_or("unclosed stylesheet link")? + 1;
    let href_end = html[start + open.len()..]
        .find('"')
        .ok_or("bad stylesheet link")?;
    let name = &html[start + open.len()..start + open.len() + href_end];
    let css = read(name).ok_or_else(|| format!("{name} is missing"))?;
    let mut css = String::from_utf8(css).map_err(|e| format!("{name}: {e}"))?;
    css.push_str(extra);
    if css.contains("</") {
        return Err(format!("{name} contains \"</\" and cannot be inlined"));
    }
    let hash = format!(
        " 'sha256-{}'",
        base64(&sha2::Sha256::digest(css.as_bytes()))
    );
    Ok((
        format!("{}<style>{css}</style>{}", &html[..start], &html[end..]),
        hash,
    ))
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
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

pub fn harden(
    html: &str,
    extra_css: &str,
    warm: Warm,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(String, (String, String)), String> {
    let open = "<script type=\"module\">";
    let start = html
        .find(open)
        .ok_or("no inline module script in index.html (is this a Trunk build?)")?;
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
    let js = quoted(" from ").ok_or("no JS glue import in the loader")?;
    let wasm = quoted("module_or_path:").ok_or("no WASM path in the loader")?;
    let wasm_bytes =
        read(wasm.trim_start_matches("./")).ok_or_else(|| format!("{wasm} is missing"))?;
    // If the WASM cannot start (tampered, blocked, an old browser), the page says so instead of
    // loading for ever.
    let loader = format!(
        "// Starts Chỉ số: fetches the WASM with its integrity checked, then runs it.\n\
         const params = new URLSearchParams(location.search);\n\
         const root = document.documentElement;\n\
         const boot = document.getElementById('boot');\n\
         // An embed shows one chart, not the static page.\n\
         if (params.has('embed')) boot?.setAttribute('hidden', '');\n\
         if (root.dataset.embed && !root.hasAttribute('data-other') && boot) {{\n\
         \x20 // An embed page whose pre-rendered chart is on screen (it answers hover, tap and Tab by\n\
         \x20 // itself) fetches the app when the reader first touches, clicks or tabs into it: an\n\
         \x20 // article's reader who only looks downloads no WASM.\n\
         \x20 await new Promise((go) => {{\n\
         \x20   const events = ['pointerdown', 'keydown', 'focusin'];\n\
         \x20   const once = () => {{ for (const e of events) removeEventListener(e, once, true); go(); }};\n\
         \x20   for (const e of events) addEventListener(e, once, {{ capture: true, passive: true }});\n\
         \x20 }});\n\
         }} else {{\n\
         \x20 // The pre-rendered page is painted before anything else is fetched, so nothing competes\n\
         \x20 // with it (a frame that never comes, in a hidden frame, waits 1 s at most).\n\
         \x20 await new Promise((go) => {{ requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 1000); }});\n\
         }}\n\
         // The data the app will ask for, fetched beside the WASM rather than after it.\n\
         const preload = (href) => {{\n\
         \x20 const l = document.createElement('link');\n\
         \x20 l.rel = 'preload'; l.as = 'fetch'; l.crossOrigin = 'anonymous'; l.href = href;\n\
         \x20 document.head.append(l);\n\
         }};\n\
         preload('data/index.json');\n\
         const snapshot = params.get('snapshot'), version = params.get('v');\n\
         if ((!snapshot || snapshot === {snap}) && (!version || version === {ver})) preload({path});\n\
         const {{ default: init }} = await import('{js}');\n\
         try {{\n  await init({{ module_or_path: fetch('{wasm}', {{ integrity: '{}' }}) }});\n}} catch (e) {{\n\
         \x20 const p = document.querySelector('#boot .loading');\n\
         \x20 if (p) p.textContent = 'Không khởi động được ứng dụng. Hãy tải lại trang. / The app could not start. Please reload the page.';\n\
         \x20 throw e;\n}}\n",
        sri(&wasm_bytes),
        snap = js_str(warm.snapshot),
        ver = js_str(warm.version),
        path = js_str(warm.path),
    );
    let name = {
        use sha2::Digest;
        let h = sha2::Sha256::digest(loader.as_bytes());
        let hex: String = h.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("boot-{hex}.js")
    };
    let tag = format!(
        "<script type=\"module\" src=\"./{name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        sri(loader.as_bytes())
    );
    // The WASM is fetched by the loader after the first paint (see above), not preloaded.
    let mut out = without_eager_preloads(&format!("{}{}{}", &html[..start], tag, &html[end..]));
    let (inlined, style_src) = inline_css(&out, extra_css, &read)?;
    out = inlined;
    let csp = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        CSP.replace("{STYLE}", &style_src)
    );
    if !out.contains("Content-Security-Policy") {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_snapshot;

    const WARM: Warm = Warm {
        snapshot: "s",
        version: "0123456789ab",
        path: "data/s.json",
    };

    fn snapshot() -> Snapshot {
        parse_snapshot(include_bytes!("../public/data/ba-ria-vung-tau-2023.json")).expect("valid")
    }

    #[test]
    fn the_preview_carries_the_headline_figure() {
        let p = preview(&snapshot(), "og.png".into());
        assert!(p
            .description
            .starts_with("Đạt 33/39 chỉ tiêu (84,6%), 11 tháng năm 2023"));
        let html =
            "<html><head><meta name=\"description\" content=\"old\">\n</head><body></body></html>";
        let out = inject_preview(html, &p);
        assert!(
            out.contains("<meta property=\"og:description\" content=\"Đạt 33/39 chỉ tiêu (84,6%)")
        );
        assert!(out.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(out.contains("<meta property=\"og:image\" content=\"og.png\">"));
        assert!(out.contains("<meta name=\"description\" content=\"Đạt 33/39"));
        // Idempotent: a second run replaces, never duplicates.
        let again = inject_preview(&out, &p);
        assert_eq!(again.matches("og:title").count(), 1);
        assert_eq!(again, out);
    }

    #[test]
    fn quotes_in_data_cannot_break_out_of_the_attribute() {
        let mut p = preview(&snapshot(), "og.png".into());
        p.title = "\"><script>alert(1)</script>".into();
        let out = inject_preview("<head></head>", &p);
        assert!(!out.contains("<script>"));
        assert!(out.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn fluid_svgs_keep_the_view_box_and_lose_the_fixed_size() {
        let svg = "<svg width=\"640\" height=\"230\" viewBox=\"0 0 640 230\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>";
        assert_eq!(
            fluid_svg(svg),
            "<svg viewBox=\"0 0 640 230\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>"
        );
        let page = static_page(&snapshot());
        assert!(!page.contains("<script"));
        assert_eq!(page.matches("<svg").count(), 2);
        assert!(page.contains("13/16 · 81,3%"));
    }

    #[test]
    fn the_static_page_has_the_figures_the_charts_and_the_sources() {
        let html = "<html><body>\n<div id=\"boot\"><p>old</p></div>\n</body></html>";
        let (out, _) = inject_boot(html, boot_markup(&snapshot(), "02478a74b21c", "2026-11-27"))
            .expect("injected");
        assert!(!out.contains("<p>old</p>"));
        assert!(out.contains("<span class=\"fraction\">33/39</span>"));
        assert!(out.contains(
            "<p class=\"version-note following\">Luôn theo số liệu mới nhất: phiên bản 02478a74b21c (công bố 27/11/2026).</p>"
        ));
        assert!(out.contains("<p class=\"version-note pinned\">Data pinned to version 02478a74b21c (published 27 Nov 2026).</p>"));
        assert!(out.contains("<div class=\"static-en\" lang=\"en\">"));
        assert!(out.contains("<span class=\"rate\">84.6%</span>"));
        assert!(out.contains("id=\"chart-pillars-en\""));
        assert!(out.contains("<span class=\"rate\">84,6%</span>"));
        assert_eq!(
            out.matches("<svg").count(),
            8,
            "four charts in each language"
        );
        assert!(out.contains("0,5878 → 2023: 0,7353"));
        assert!(out.contains("https://dti.gov.vn/xep-hang-2022"));
        assert!(!out.contains("<script"));
        assert!(out.ends_with("</body></html>"));
    }

    #[test]
    fn the_stylesheet_is_inlined_and_allowed_by_its_hash_alone() {
        use sha2::Digest;
        let html = "<head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"x\"/>\n<script type=\"module\">\nimport init, * as b from './c.js';\nawait init({ module_or_path: './c_bg.wasm' });\n</script></head>";
        let read = |f: &str| match f {
            "main-1.css" => Some(b"body{color:red}".to_vec()),
            "c_bg.wasm" => Some(b"w".to_vec()),
            _ => None,
        };
        let (out, _) = harden(html, "", WARM, read).expect("hardened");
        assert!(out.contains("<style>body{color:red}</style>"));
        assert!(!out.contains("main-1.css"));
        let hash = base64(&sha2::Sha256::digest(b"body{color:red}"));
        assert!(out.contains(&format!("style-src 'self' 'sha256-{hash}';")));
        assert!(
            !out.contains("rel=\"preload\""),
            "nothing is fetched before the first paint"
        );
    }

    #[test]
    fn every_pre_rendered_mark_has_a_hit_area_a_tooltip_and_a_rule() {
        let s = snapshot();
        let drawn = present::draw(
            crate::export::ChartId::Pillars,
            Lang::Vi,
            &s,
            BOOT_WIDTH,
            &crate::chart::Options::default(),
        );
        let (html, css) = static_marks("chart-pillars", &drawn);
        let n = drawn.marks.len();
        assert!(n >= 3);
        assert_eq!(html.matches("tabindex=\"0\"").count(), n);
        assert_eq!(html.matches("class=\"tooltip\"").count(), n);
        assert_eq!(css.lines().count(), n);
        assert!(html.contains("aria-label=\"Chính quyền số: đạt 13/16 chỉ tiêu (81,3%). Thời điểm: 11 tháng năm 2023. Nguồn:"));
        assert!(css.starts_with("#chart-pillars .m0{left:"));
        // Every position is a percentage of the chart, inside it.
        for v in css
            .split([':', ';', '}'])
            .filter_map(|p| p.strip_suffix('%'))
        {
            if let Ok(x) = v.parse::<f64>() {
                assert!((0.0..=100.0).contains(&x), "{x}% in {css}");
            }
        }
        let mut hostile = drawn.clone();
        hostile.marks[0].tooltip.title = "<img src=x onerror=alert(1)>\"".into();
        let (html, _) = static_marks("chart-pillars", &hostile);
        assert!(!html.contains("<img"));
    }

    #[test]
    fn an_embed_page_carries_both_languages_both_notes_and_one_hashed_script() {
        use crate::export::ChartId;
        let s = snapshot();
        let boot = embed_markup(&s, ChartId::Pillars, "02478a74b21c", "2026-11-27");
        assert!(boot
            .html
            .contains("<main class=\"embed-main static-vi\" lang=\"vi\">"));
        assert!(boot
            .html
            .contains("<main class=\"embed-main static-en\" lang=\"en\">"));
        assert!(
            boot.html.contains("id=\"chart-pillars-vi\"")
                && boot.html.contains("id=\"chart-pillars-en\"")
        );
        assert!(boot
            .html
            .contains("Số liệu ghim ở phiên bản 02478a74b21c (công bố 27/11/2026)."));
        assert!(boot
            .html
            .contains("Following the latest data: version 02478a74b21c (published 27 Nov 2026)."));
        assert!(boot.html.contains("href=\"./?lang=en&amp;snapshot=ba-ria-vung-tau-2023&amp;v=02478a74b21c#chart-pillars\""));
        assert!(boot.css.contains("#chart-pillars-en .m0{"));
        assert_eq!(boot.html.matches("<svg").count(), 2);

        let script = boot_script("x</script><script>alert(1)//", "02478a74b21c");
        assert!(
            !script.contains("</script>"),
            "data cannot close the script"
        );
        assert!(!script.contains("message'"), "it listens to no message");
        let page = "<html lang=\"vi\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">\n<meta name=\"viewport\" content=\"width=device-width\"><title>Chỉ số</title></head><body></body></html>";
        let out = embed_head(page, ChartId::Pillars, &script).expect("embed page");
        assert!(out.contains("<html lang=\"vi\" data-embed=\"pillars\" class=\"embedded\">"));
        assert!(out.contains("<title>Chỉ tiêu đạt theo trụ cột · Chỉ số</title>"));
        use sha2::Digest;
        let hash = base64(&sha2::Sha256::digest(script.as_bytes()));
        assert!(out.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
        )));
        assert_eq!(out.matches("<script>").count(), 1);
        assert!(embed_head("<html>", ChartId::Pillars, &script).is_err());
    }

    #[test]
    fn an_embed_page_preloads_neither_the_wasm_nor_the_data() {
        let html = "<head><link rel=\"modulepreload\" href=\"./c.js\" integrity=\"x\"><link rel=\"preload\" href=\"./c_bg.wasm\" as=\"fetch\" type=\"application/wasm\"><link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\">\n<link rel=\"preload\" href=\"data/x.json\" as=\"fetch\" crossorigin=\"anonymous\">\n<title>t</title></head>";
        assert_eq!(
            without_eager_preloads(html),
            "<head><link rel=\"modulepreload\" href=\"./c.js\" integrity=\"x\"><title>t</title></head>"
        );
    }

    #[test]
    fn every_light_colour_of_a_static_chart_has_its_dark_rule() {
        let css = static_dark_css();
        for (light, dark) in [
            ("#FFFFFF", "#12171C"),
            ("#0B6A5A", "#4FD1B5"),
            ("#6B3FA0", "#C9A7FF"),
        ] {
            assert!(css.contains(&format!("[fill=\"{light}\"]{{fill:{dark}}}")));
            assert!(css.contains(&format!("[stroke=\"{light}\"]{{stroke:{dark}}}")));
        }
        assert!(css.starts_with("@media (prefers-color-scheme: dark){:root:not([data-theme=light]) .chart-area.static svg"));
        assert!(css.contains(":root[data-theme=dark] .chart-area.static svg [fill="));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn harden_moves_the_loader_out_of_line_and_adds_the_csp() {
        let html = "<html><head>\n<meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './chiso-abc.js';\nconst wasm = await init({ module_or_path: './chiso-abc_bg.wasm' });\n</script>\n</head></html>";
        let (out, (name, loader)) = harden(html, "", WARM, |f| {
            (f == "chiso-abc_bg.wasm").then(|| b"wasm".to_vec())
        })
        .expect("hardened");
        assert!(
            !out.contains("<script type=\"module\">"),
            "no inline script is left"
        );
        assert!(out.contains(&format!(
            "<script type=\"module\" src=\"./{name}\" integrity=\"sha384-"
        )));
        assert!(out.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(
            out.contains("style-src 'self';"),
            "no stylesheet, no style hash"
        );
        assert!(!CSP.contains("unsafe-inline") && !CSP.contains("'unsafe-eval'"));
        assert!(loader.contains(&format!("integrity: '{}'", sri(b"wasm"))));
        assert!(loader.contains("await import('./chiso-abc.js');"));
        // After the first paint, the data is fetched beside the WASM; an embed page waits for
        // its reader.
        assert!(loader.contains("requestAnimationFrame(() => setTimeout(go))"));
        assert!(loader.contains("preload('data/index.json');"));
        assert!(loader.contains(
            "if ((!snapshot || snapshot === \"s\") && (!version || version === \"0123456789ab\")) preload(\"data/s.json\");"
        ));
        assert!(loader.contains("['pointerdown', 'keydown', 'focusin']"));
        assert!(
            harden(html, "", WARM, |_| None).is_err(),
            "a missing WASM is an error"
        );
    }

    #[test]
    fn the_preview_image_shows_the_pillars() {
        let svg = preview_svg(&snapshot());
        assert!(svg.contains("Tỉnh Bà Rịa – Vũng Tàu: 33/39 chỉ tiêu đạt (84,6%)"));
        assert!(svg.contains("13/16 · 81,3%"));
    }
}
