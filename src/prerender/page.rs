//! The static page and the embed pages: the charts drawn at build time by the same code as the
//! app, in both languages, with marks whose tooltips the stylesheet shows on hover, tap and focus.

use super::{attr, text};
use crate::chart_id::{ChartId, FigureId};
use crate::i18n::{t, Key, Lang};
use crate::markup;
use crate::present;
use crate::route::{Route, View};
use crate::snapshot::Snapshot;

/// The widths the charts are drawn at in the static page, each with the class that shows it to the
/// screens nearest that width (`style/main.css`): a phone's chart is 328–398 px wide, a tablet's
/// about 500–900, a desktop's 928. Drawn near the width it is seen at, a chart's words are read at
/// the app's size on a phone too (one drawing scaled to every screen shrank them to 7 px there),
/// and the app's redraw at the exact width changes next to nothing on screen.
pub(crate) const BOOT_WIDTHS: [(f64, &str); 3] =
    [(360.0, "w-narrow"), (640.0, "w-medium"), (928.0, "w-wide")];

/// The screen width from which each of [`BOOT_WIDTHS`] is the one shown (until the next's): the
/// stylesheet's rules ([`static_css`]) and the page's script (which puts in place, before the
/// first paint, only the drawing of the first chart that the screen shows, see [`width_later`])
/// both read them here.
pub(crate) const SHOWN_FROM: [Option<&str>; 3] = [None, Some("34rem"), Some("50rem")];

/// The attribute that marks markup held back until the first chart is on screen (see [`later`]).
pub(crate) const LATER: &str = "data-later";

/// Markup a reader with JavaScript gets once the first chart is painted, and a reader without it
/// at once: `<noscript data-later="LANG">`. With scripting on, a browser reads a `noscript`'s
/// contents as plain text (it tokenises no tags, builds no nodes, styles and lays out nothing),
/// so the HTML parsed before the first paint is what the first chart needs; the page's inline
/// script ([`super::boot_script`]) then puts the markup of the reader's language in its place,
/// once that chart is painted. Without scripting the same bytes are the page's markup, so readers
/// without JavaScript, crawlers and printers get all of it, as before.
fn later(lang: Lang, html: &str) -> String {
    if html.is_empty() {
        return String::new();
    }
    // The markup's own text is escaped (`&lt;`), so only a tag could close the element early.
    debug_assert!(!html.to_ascii_lowercase().contains("</noscript"));
    format!("<noscript {LATER}=\"{}\">{html}</noscript>\n", lang.tag())
}

/// One drawing of the first chart in another language than the first (the start of the English
/// page, which every page carries in a template: see `language::with_first_part`), held back like
/// [`later`] markup, but put in place by the page's script as soon as the parser has read it when
/// the screen shows that width (`data-from`, `data-to`: see [`SHOWN_FROM`]); the other widths'
/// drawings come with the rest of the page. A Vietnamese reader parses that template and never
/// shows it: its drawings stay plain text. Of the first language's first chart, only the wider
/// screens' drawings are held back so: the phone's is markup, shown by the stylesheet alone, and a
/// phone's reader waits for no script (reading a drawing as text and parsing it again from script
/// cost more than parsing it: the ranking's embed page on a phone, 4× CPU, 1.6 Mbps, 763 → 663
/// ms to its first chart in one run). The two wider drawings stay text: as markup, a reader in
/// English, whose start comes after them, parsed them all before theirs (755 → 910 ms).
fn width_later(lang: Lang, i: usize, area: &str) -> String {
    let bound = |name: &str, v: Option<&Option<&str>>| match v {
        Some(Some(w)) => format!(" {name}=\"{w}\""),
        _ => String::new(),
    };
    format!(
        "<noscript {WIDTH}=\"{}\"{}{}>{area}</noscript>",
        lang.tag(),
        bound("data-from", SHOWN_FROM.get(i)),
        bound("data-to", SHOWN_FROM.get(i + 1)),
    )
}

/// The attribute that marks a drawing of the first chart held back until the screen's width is
/// known (see [`width_later`]).
pub(crate) const WIDTH: &str = "data-width";

/// A language's static content in a page that holds both (an embed page, the change log), as it
/// is sent: the first language's as [`alone`]; the other language, which the page shows only to a
/// reader whose link asks for it, all [`later`]. `close` closes what `body` left open.
fn paced(lang: Lang, body: &str, first: usize, close: &str) -> String {
    if lang == Lang::default() {
        alone(lang, body, first, close)
    } else {
        later(lang, &format!("{body}{close}"))
    }
}

/// The page as a reader without JavaScript (a crawler, a printer, a phone still fetching the WASM)
/// sees it, in one language: the headline figures, the four charts drawn by the same code as the
/// app, and the sources, with the version note for a following and a pinned link. The page's
/// inline script ([`boot_script`]) marks `<html>` before the first paint and the stylesheet shows
/// the variant the link asks for. The app replaces it, all at once, when it is ready.
///
/// In the first language it is the page itself (`index.html`): before the first paint a reader
/// with script parses only down to its first chart; the rest comes [`later`]. In another language
/// it is a page of its own (`View::file_in`), all markup: readers without script and crawlers
/// read it there (the first page links to it), and the first page's script fetches it for a
/// reader in that language, so a Vietnamese reader's page does not carry it (issue #16 §5: it was
/// a quarter of the page's bytes).
pub fn boot_markup(lang: Lang, s: &Snapshot, version: &str, published: &str) -> Boot {
    let mut h = String::from("<div id=\"boot\" class=\"prerendered\">\n");
    h.push_str(&loading(lang));
    h.push_str(&static_page_in(lang, s, version, published));
    h.push_str("</div>");
    Boot {
        html: h,
        css: static_css(),
    }
}

/// "Loading…", on the first page only: a page in another language is read without script (with
/// script, its reader is sent to the app).
fn loading(lang: Lang) -> String {
    if lang == Lang::default() {
        "<p class=\"loading\" role=\"status\">Đang tải phần tương tác… <span lang=\"en\">Loading the interactive charts…</span></p>\n".into()
    } else {
        String::new()
    }
}

/// A page's static content in its own language, as it is sent: what comes before the end of its
/// first chart (`first`, a byte offset of `body`) is markup, and the rest [`later`]. In another
/// language than the first (a page of its own) too: a reader without script reads all of it
/// there, and the first page's script, which fetches it for a reader in that language, parses it
/// as a page would, the first chart first.
fn alone(lang: Lang, body: &str, first: usize, close: &str) -> String {
    format!("{}{}{close}", &body[..first], later(lang, &body[first..]))
}

/// The ranking page as a reader without JavaScript sees it (`xep-hang.html`), in one language as
/// [`boot_markup`] is: the unit, the default ranking with the page's own unit highlighted, the
/// moves and the averages with their notes, and the sources.
pub fn ranking_markup(lang: Lang, s: &Snapshot, version: &str, published: &str) -> Boot {
    let mut h = String::from("<div id=\"boot\" class=\"prerendered\">\n");
    h.push_str(&loading(lang));
    {
        let tag = lang.tag();
        let mut b = format!("<div class=\"static-{tag}\" lang=\"{tag}\">\n");
        b.push_str(&format!(
            "<header class=\"{}\">{}{}</header>\n<main><article class=\"dashboard ranking-page\">\n",
            markup::class::SITE,
            markup::brand(lang),
            switch(View::Ranking, lang)
        ));
        b.push_str(&format!(
            "{}\n<h1>{}</h1>\n<p class=\"version-note following\">{}</p><p class=\"version-note pinned\">{}</p>\n{}",
            markup::unit(lang, &present::unit_line(lang, s), &present::unit_sources(lang, s)),
            text(lang.pick(&s.title)),
            text(&present::version_note(lang, version, published, false)),
            text(&present::version_note(lang, version, published, true)),
            markup::page_nav(lang, View::Ranking),
        ));
        let mut first = None;
        for &id in View::Ranking.charts() {
            b.push_str(&static_figure(
                lang,
                s,
                id,
                FigureId::static_page(id, lang),
                first.is_none(),
            ));
            first.get_or_insert(b.len());
        }
        let cited: Vec<present::SourceRef> = present::ranking_page_sources(s)
            .into_iter()
            .map(|src| present::source_ref(lang, src))
            .collect();
        b.push_str(&markup::sources(lang, &cited));
        h.push_str(&alone(
            lang,
            &b,
            first.unwrap_or(b.len()),
            "\n</article></main>\n</div>\n",
        ));
    }
    h.push_str("</div>");
    Boot {
        html: h,
        css: static_css(),
    }
}

/// One published version of a snapshot, as the change log reads it.
pub struct Published<'a> {
    pub version: &'a str,
    pub published: &'a str,
    pub snapshot: &'a Snapshot,
}

/// The change log (`thay-doi.html`), computed at build time from every published version, newest
/// first: each version against the one before it, figure by figure, and each figure as each later
/// report of the latest version gave it. In both languages; it needs no script.
pub fn changes_markup(versions: &[Published]) -> Boot {
    let mut page = String::from("<div id=\"boot\" class=\"prerendered changes-page\">\n");
    for lang in [Lang::Vi, Lang::En] {
        let tag = lang.tag();
        let mut h = format!("<div class=\"static-{tag}\" lang=\"{tag}\">\n");
        h.push_str(&format!(
            "<header class=\"{}\">{}</header>\n<main><article class=\"dashboard\">\n",
            markup::class::SITE,
            markup::brand(lang)
        ));
        if let Some(latest) = versions.first() {
            h.push_str(&format!(
                "{}\n<h1>{}</h1>\n<p>{}</p>\n{}",
                markup::unit(
                    lang,
                    &present::unit_line(lang, latest.snapshot),
                    &present::unit_sources(lang, latest.snapshot)
                ),
                text(t(lang, Key::PageChanges)),
                text(t(lang, Key::ChangesIntro)),
                markup::page_nav(lang, View::Overview).replace(" aria-current=\"page\"", ""),
            ));
        }
        for pair in versions.windows(2) {
            let (new, old) = (&pair[0], &pair[1]);
            let changes = crate::diff::diff(old.snapshot, new.snapshot);
            let lines: Vec<present::ChangeLine> = changes
                .iter()
                .map(|c| present::change_line(lang, old.snapshot, new.snapshot, c))
                .collect();
            let date = |d: &str| crate::format::date(lang, d).unwrap_or_else(|| d.to_string());
            let heading = match lang {
                Lang::Vi => format!(
                    "Phiên bản {} (công bố {}) so với phiên bản {} (công bố {})",
                    new.version,
                    date(new.published),
                    old.version,
                    date(old.published)
                ),
                Lang::En => format!(
                    "Version {} (published {}) against version {} (published {})",
                    new.version,
                    date(new.published),
                    old.version,
                    date(old.published)
                ),
            };
            h.push_str(&markup::change_list(
                &heading,
                &present::changes_summary(lang, &changes),
                &lines,
            ));
        }
        if let Some(latest) = versions.first() {
            let lines: Vec<present::RevisionLine> = crate::diff::revisions(latest.snapshot)
                .iter()
                .map(|r| present::revision_line(lang, latest.snapshot, r))
                .collect();
            h.push_str(&markup::revision_list(t(lang, Key::OverTime), &lines));
        }
        // No chart: the first language's page is all markup.
        page.push_str(&paced(lang, &h, h.len(), "</article></main>\n</div>\n"));
    }
    page.push_str("</div>");
    Boot {
        html: page,
        css: String::new(),
    }
}

/// The link from the static page of `view` in `lang` to the same page in the other language: its
/// page of its own (`View::file_in`), which a reader without script reads as it is and a reader
/// with script is sent on from, to the app.
fn switch(view: View, lang: Lang) -> String {
    markup::other_language(lang, &view.file_in(lang.other()))
}

fn static_page_in(lang: Lang, s: &Snapshot, version: &str, published: &str) -> String {
    let tag = lang.tag();
    let mut h = format!("<div class=\"static-{tag}\" lang=\"{tag}\">\n");
    h.push_str(&format!(
        "<header class=\"{}\">{}{}</header>\n",
        markup::class::SITE,
        markup::brand(lang),
        switch(View::Overview, lang)
    ));
    h.push_str("<main><article class=\"dashboard\">\n");
    h.push_str(&format!(
        "{}\n<h1>{}</h1>\n<p class=\"version-note following\">{}</p><p class=\"version-note pinned\">{}</p>\n{}<section class=\"{}\">\n",
        markup::unit(lang, &present::unit_line(lang, s), &present::unit_sources(lang, s)),
        text(lang.pick(&s.title)),
        text(&present::version_note(lang, version, published, false)),
        text(&present::version_note(lang, version, published, true)),
        markup::page_nav(lang, View::Overview),
        markup::class::TALLIES,
    ));
    for (i, tally) in present::tallies_latest_first(s).into_iter().enumerate() {
        let line = present::tally_line(lang, s, tally);
        h.push_str(&markup::tally(lang, &line, i == 0));
        h.push('\n');
    }
    h.push_str(&format!(
        "</section>\n<section class=\"{}\">",
        markup::class::UNKNOWNS
    ));
    h.push_str(&format!("<h2>{}</h2><ul>", t(lang, Key::WhatIsUnknown)));
    for n in &s.notes {
        h.push_str(&format!("<li>{}</li>", text(lang.pick(n))));
    }
    h.push_str("</ul></section>\n");
    let mut first = None;
    for &id in View::Overview.charts() {
        if id == ChartId::Followup {
            // What happened next: a later year's set, said to be a new one, before the chart.
            h.push_str(&format!(
                "<section class=\"followup\"><h2>{}</h2>",
                text(t(lang, Key::FollowupHeading))
            ));
            for x in present::set_tallies(lang, s) {
                h.push_str(&markup::set_tally(lang, &x));
            }
            h.push_str("</section>\n");
        }
        h.push_str(&static_figure(
            lang,
            s,
            id,
            FigureId::static_page(id, lang),
            first.is_none(),
        ));
        first.get_or_insert(h.len());
    }
    // Every section the app shows, with the same words: the goals, the initiatives, the other
    // figures, how to read them and the sources they cite.
    let goals: Vec<String> = present::goal_cards(lang, s)
        .iter()
        .map(|g| markup::goal_card(lang, g))
        .collect();
    let initiatives: Vec<String> = present::initiative_cards(lang, s)
        .iter()
        .map(|i| markup::initiative_card(lang, i))
        .collect();
    let figures: Vec<String> = present::figure_cards(lang, s)
        .iter()
        .map(|f| markup::figure_card(lang, f))
        .collect();
    h.push_str(&markup::cards(
        &present::goals_heading(lang, s),
        markup::class::CARD_LIST,
        &goals,
    ));
    h.push_str(&markup::cards(
        t(lang, Key::Initiatives),
        markup::class::CARD_LIST,
        &initiatives,
    ));
    h.push_str(&markup::cards(
        t(lang, Key::OtherFigures),
        markup::class::FIGURE_LIST,
        &figures,
    ));
    h.push_str(&markup::methodology(lang));
    let cited: Vec<present::SourceRef> = present::cited_sources(s)
        .into_iter()
        .map(|src| present::source_ref(lang, src))
        .collect();
    h.push_str(&markup::sources(lang, &cited));
    alone(
        lang,
        &h,
        first.unwrap_or(h.len()),
        "\n</article></main>\n</div>\n",
    )
}

/// One chart as the app shows it (title, as-of, source, the drawing, its summary), drawn by the
/// same code, with its legend, and with marks that answer without script. `figure` is its id.
///
/// The rules that place its marks follow it in a `<style>` of its own (allowed by its hash, see
/// [`super::style_hashes`]), not in the head: the first chart is painted without waiting for
/// the rules of the 23 other drawings on the page.
/// `first`: the first chart a reader parses (of a page in its own language, or of the first
/// language in an embed page): markup before the first paint, its drawings held back by width
/// ([`width_later`]) but for the first language's phone drawing.
fn static_figure(lang: Lang, s: &Snapshot, id: ChartId, figure: FigureId, first: bool) -> String {
    let by_width = |i: usize| first && (lang != Lang::default() || i > 0);
    let scope = figure.to_string();
    let pick = present::Pick::default();
    let summary = present::chart_summary(lang, id, s, &pick);
    let mut areas = String::new();
    let mut rules = String::new();
    for (i, (width, class)) in BOOT_WIDTHS.into_iter().enumerate() {
        let drawn = present::draw(id, lang, s, &pick, width, &crate::chart::Options::default());
        let (marks, css) = static_marks(&format!("#{scope} .{class}"), &drawn);
        let area = format!(
            "<div class=\"chart-area static {class}\"><div class=\"chart-svg\" role=\"img\" aria-label=\"{}\">{}</div>{marks}</div>",
            attr(&summary),
            fluid_svg(&drawn.svg),
        );
        if by_width(i) {
            areas.push_str(&width_later(lang, i, &area));
        } else {
            areas.push_str(&area);
        }
        rules.push_str(&css);
    }
    let figure = format!(
        "<figure class=\"chart-figure\" id=\"{scope}\"><figcaption><h2 class=\"chart-title\">{}</h2>\
         <p class=\"chart-subtitle\">{}</p><p class=\"chart-subtitle\">{}: {}</p></figcaption>\
         <div class=\"chart-tools\">{}</div>{areas}{}<p class=\"chart-summary\">{}</p></figure>\n<style>{rules}</style>\n",
        text(present::chart_title(lang, id)),
        text(&present::chart_as_of(lang, id, s, &pick)),
        text(t(lang, Key::Source)),
        markup::source_links(&present::chart_source_refs(lang, id, s, &pick)),
        markup::legend(&present::legend(lang, id, s)),
        markup::chart_notes(&present::chart_notes(lang, id, s)),
        text(&summary),
    );
    figure
}

/// An embed page's static content: the chart in Vietnamese and in English, each with the version
/// note and link back for a pinned and for a following link. The page's inline script (see
/// [`super::boot_script`]) marks `<html>` before the first paint, and the stylesheet shows the one
/// variant the link asks for, so nothing is swapped on screen.
pub fn embed_markup(s: &Snapshot, chart: ChartId, version: &str, published: &str) -> Boot {
    let mut h = String::from("<div id=\"boot\" class=\"prerendered\">\n");
    for lang in [Lang::Vi, Lang::En] {
        let tag = lang.tag();
        // Both languages are in the page: only the first language's chart is markup before the
        // first paint (see [`paced`]).
        let figure = static_figure(
            lang,
            s,
            chart,
            FigureId::embed(chart, lang),
            lang == Lang::default(),
        );
        let footer = |pinned: bool| {
            let pin = pinned.then_some((s.id.as_str(), version));
            format!(
                "<div class=\"{}\"><p class=\"version-note\">{}</p><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a></div>",
                if pinned { "pinned" } else { "following" },
                text(&present::version_note(lang, version, published, pinned)),
                attr(&Route::page_link("./", lang, pin, chart)),
                t(lang, Key::SeeFullPage)
            )
        };
        let main = format!(
            "<main class=\"embed-main static-{tag}\" lang=\"{tag}\"><div class=\"embed\">{figure}\
             <footer class=\"embed-footer\">{}{}</footer></div></main>\n",
            footer(false),
            footer(true)
        );
        // The one chart is the page: all of it is the first chart.
        h.push_str(&paced(lang, &main, main.len(), ""));
    }
    h.push_str("</div>");
    Boot {
        html: h,
        css: static_css(),
    }
}

/// The rules of the pre-rendered charts that [`super::harden`] inlines with the stylesheet: which
/// drawing a screen shows ([`SHOWN_FROM`]), and the dark theme's colours ([`static_dark_css`]).
pub fn static_css() -> String {
    let hide = |c: &str| format!(".chart-area.static.{c}{{display:none}}");
    let show = |c: &str| format!(".chart-area.static.{c}{{display:block}}");
    let mut css: String = BOOT_WIDTHS[1..].iter().map(|(_, c)| hide(c)).collect();
    css.push('\n');
    for (i, from) in SHOWN_FROM.iter().enumerate() {
        if let Some(from) = from {
            css.push_str(&format!(
                "@media (min-width:{from}){{{}{}}}\n",
                hide(BOOT_WIDTHS[i - 1].1),
                show(BOOT_WIDTHS[i].1)
            ));
        }
    }
    css + &static_dark_css()
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

/// The static page, and the rules [`super::harden`] inlines with the stylesheet (the dark theme's
/// colours for the drawings; the rules that place the marks follow each figure).
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    pub html: String,
    pub css: String,
}

/// Makes a pre-rendered chart answer before any script runs: each mark gets a hit area that the
/// pointer hovers, a finger taps and Tab focuses, and the stylesheet shows its tooltip (the same
/// words as the app's) while it is hovered or focused. Positions are percentages of the chart, so
/// they follow the drawing as it scales; they live in the stylesheet because the CSP refuses
/// style attributes. Returns the markup and the rules, scoped to the CSS selector `scope` (the
/// drawing's own, as one figure holds a drawing for each of [`BOOT_WIDTHS`]).
pub fn static_marks(scope: &str, drawn: &crate::chart::Drawn) -> (String, String) {
    use crate::chart::mark::{TOOLTIP_GAP, TOOLTIP_MAX_WIDTH};
    let (w, h) = (drawn.width.max(1.0), drawn.height.max(1.0));
    let pct = |v: f64, of: f64| format!("{:.2}%", v / of * 100.0);
    // The app's tooltip geometry (`chart::mark::tooltip_box`) in CSS: as wide as the chart at most,
    // centred on the mark and inside the chart, below its focus outline. Whole numbers of px print
    // without a fraction (`260`, `130`, `6`).
    let (max, half, gap) = (TOOLTIP_MAX_WIDTH, TOOLTIP_MAX_WIDTH / 2.0, TOOLTIP_GAP);
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
            attr(&m.key.to_string()),
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
            "{scope} .m{i}{{left:{};top:{};width:{};height:{}}}\
             {scope} .m{i}+.tooltip{{left:clamp(0px,calc({} - min({half}px,50%)),calc(100% - min({max}px,100%)));top:calc({} + {gap}px)}}\n",
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

/// Puts [`boot_markup`] in place of the `<div id="boot">…</div>` of `html` (the last element of
/// the body).
/// Returns the page and the rules [`super::harden`] must inline with the stylesheet.
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
    floor_page(
        lang,
        s,
        &format!(
            "<h2>{}</h2>\n{}\n<h2>{}</h2>\n{}",
            t(lang, Key::PillarChartTitle),
            fluid_svg(&pillars.svg),
            t(lang, Key::IndicatorChartTitle),
            fluid_svg(&indicators.svg),
        ),
    )
}

/// `make bench`'s floor for one chart: the page of [`static_page`] with that chart alone, in
/// `lang`, as plain inline SVG drawn by the same code as the app. A page is held to the floor of
/// the chart it shows first (issue #16 §6: the HTML before the first chart close to what that
/// chart needs), so a 63-row ranking is not held to a three-bar chart's floor.
pub fn static_chart_page(s: &Snapshot, chart: ChartId, lang: Lang) -> String {
    let drawn = present::draw(
        chart,
        lang,
        s,
        &present::Pick::default(),
        640.0,
        &crate::chart::Options::default(),
    );
    floor_page(
        lang,
        s,
        &format!(
            "<h2>{}</h2>\n{}",
            text(present::chart_title(lang, chart)),
            fluid_svg(&drawn.svg)
        ),
    )
}

/// A floor page: no script, a line of style, the headline as its title, then `charts`.
fn floor_page(lang: Lang, s: &Snapshot, charts: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><link rel=\"icon\" href=\"data:,\">\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}}svg{{width:100%;height:auto}}svg text{{font-family:inherit}}</style></head><body>\n\
         <h1>{}</h1>\n{charts}\n</body></html>\n",
        lang.tag(),
        t(lang, Key::AppName),
        text(&present::headline_summary(lang, s)),
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
