//! The markup that the static page and the app both show: the site's brand, the unit line, a
//! tally, a source link, a chart's legend.
//!
//! Their words come from one pure function each in [`crate::present`]; their class names come from
//! [`class`], which the app's components (`views/shared.rs`) and the static page's HTML (written
//! here, natively, by [`crate::prerender`]) both use. A native test pins the static side, and the
//! browser test "the static page and the app show the shared pieces alike" compares the two DOMs,
//! piece by piece, in both languages. Pure, and free of Leptos, so it costs the WASM only the
//! class names the app uses.

use crate::i18n::{t, Key, Lang};
use crate::present::{FigureCard, GoalCard, InitiativeCard, LegendItem, SourceRef, TallyLine};

/// The class names of the shared pieces.
pub mod class {
    /// `<header>` of the site.
    pub const SITE: &str = "site";
    pub const BRAND: &str = "brand";
    pub const BRAND_NAME: &str = "name";
    pub const TAGLINE: &str = "tagline";
    /// The unit line above the title.
    pub const UNIT: &str = "unit";
    pub const TALLIES: &str = "tallies";
    pub const TALLY: &str = "tally";
    /// The first tally, the one the page leads with.
    pub const TALLY_HEADLINE: &str = "tally headline";
    pub const FIGURE: &str = "figure";
    pub const FRACTION: &str = "fraction";
    pub const LABEL: &str = "label";
    pub const RATE: &str = "rate";
    pub const AS_OF: &str = "as-of";
    pub const PILLAR_SPLIT: &str = "pillar-split";
    pub const SOURCE: &str = "source";
    pub const SOURCE_REF: &str = "source-ref";
    pub const LEGEND: &str = "legend";
    pub const LEGEND_ENTRY: &str = "legend-entry";
    pub const SWATCH: &str = "swatch";
    /// Over a tally that is not the latest.
    pub const EARLIER: &str = "earlier";
    /// "Nguồn: …" under a card, and after the unit line.
    pub const SOURCE_NOTE: &str = "source-note";
    pub const UNKNOWNS: &str = "unknowns";
    pub const CARDS: &str = "cards";
    pub const CARD_LIST: &str = "card-list";
    pub const FIGURE_LIST: &str = "card-list figures";
    pub const CARD: &str = "card";
    pub const BY: &str = "by";
    pub const SERVICES_LABEL: &str = "services-label";
    pub const FIGURE_VALUE: &str = "figure-value";
    pub const METHODOLOGY: &str = "methodology";
    pub const SOURCES: &str = "sources";
    /// What a reader comparing a chart's figures must know, under the chart.
    pub const CHART_NOTES: &str = "chart-notes";
    /// The links between the pages of a snapshot.
    pub const PAGE_NAV: &str = "page-nav";
    /// A tally of a later year's indicator set.
    pub const SET_TALLY: &str = "tally set-tally";
    pub const CAVEAT: &str = "caveat";
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for HTML element content.
pub fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The site's name and tagline.
pub fn brand(lang: Lang) -> String {
    format!(
        "<p class=\"{}\"><span class=\"{}\">{}</span><span class=\"{}\">{}</span></p>",
        class::BRAND,
        class::BRAND_NAME,
        text(t(lang, Key::AppName)),
        class::TAGLINE,
        text(t(lang, Key::Tagline))
    )
}

/// A static page's way to the same page in the other language, at `href` (its own file), where
/// the app has its language switch: readers without script change language by it, and crawlers
/// find the other page by it.
pub fn other_language(lang: Lang, href: &str) -> String {
    let other = lang.other().tag();
    format!(
        "<div class=\"site-controls\"><a class=\"lang-switch\" href=\"{}\" hreflang=\"{other}\" lang=\"{other}\">{}</a></div>",
        attr(href),
        text(t(lang, Key::SwitchLanguage))
    )
}

/// The unit line ([`crate::present::unit_line`]) and the sources that say the unit was merged.
pub fn unit(lang: Lang, line: &str, sources: &[SourceRef]) -> String {
    let note = if sources.is_empty() {
        String::new()
    } else {
        format!(
            " <span class=\"{}\">· {}: {}</span>",
            class::SOURCE_NOTE,
            text(t(lang, Key::Source)),
            source_links(sources)
        )
    };
    format!("<p class=\"{}\">{}{note}</p>", class::UNIT, text(line))
}

/// A source as the app links it: its title, linked, with publisher and date.
pub fn source_link(r: &SourceRef) -> String {
    format!(
        "<span class=\"{}\"><a href=\"{}\" rel=\"noopener noreferrer external\" target=\"_blank\" lang=\"vi\">{}</a> ({})</span>",
        class::SOURCE_REF,
        attr(&r.url),
        text(&r.title),
        text(&r.detail)
    )
}

/// Several sources, linked, one after another.
pub fn source_links(refs: &[SourceRef]) -> String {
    refs.iter().map(source_link).collect::<Vec<_>>().join("; ")
}

/// One tally: "33/39 chỉ tiêu đạt · 84,6%", its as-of, its split by pillar and its sources. The
/// page leads with the latest (`headline`); an earlier one says it is an earlier report.
pub fn tally(lang: Lang, line: &TallyLine, headline: bool) -> String {
    let sources: Vec<String> = line.sources.iter().map(source_link).collect();
    let earlier = if headline {
        String::new()
    } else {
        format!(
            "<p class=\"{}\">{}</p>",
            class::EARLIER,
            text(t(lang, Key::EarlierReport))
        )
    };
    format!(
        "<div class=\"{}\">{earlier}<p class=\"{}\"><span class=\"{}\">{}</span> <span class=\"{}\">{}</span> · <span class=\"{}\">{}</span></p>\
         <p class=\"{}\">{}: {}</p><p class=\"{}\">{}</p><p class=\"{}\">{}: {}</p></div>",
        if headline { class::TALLY_HEADLINE } else { class::TALLY },
        class::FIGURE,
        class::FRACTION,
        text(&line.fraction),
        class::LABEL,
        text(t(lang, Key::IndicatorsMet)),
        class::RATE,
        text(&line.rate),
        class::AS_OF,
        text(t(lang, Key::AsOf)),
        text(&line.as_of),
        class::PILLAR_SPLIT,
        text(&line.pillars),
        class::SOURCE,
        text(t(lang, Key::Source)),
        sources.join("; ")
    )
}

/// A chart's legend as the static page shows it: the same entries as the app's, which are
/// buttons that hide and show a series; here, with no script to answer a press, plain labels.
pub fn legend(items: &[LegendItem]) -> String {
    let mut h = format!("<div class=\"{}\">", class::LEGEND);
    for i in items {
        h.push_str(&format!(
            "<span class=\"{}\" data-series=\"{}\"><span class=\"{} {}\" aria-hidden=\"true\"></span>{}</span>",
            class::LEGEND_ENTRY,
            i.series.as_str(),
            class::SWATCH,
            i.swatch,
            text(&i.label)
        ));
    }
    h.push_str("</div>");
    h
}

/// The links between the pages of a snapshot, in `lang` (the app's keep the reader's theme and
/// pinned version too).
pub fn page_nav(lang: Lang, current: crate::route::View) -> String {
    use crate::route::{Route, View};
    let links: String = View::ALL
        .into_iter()
        .map(|v| {
            let href = format!(
                "./{}{}",
                v.file(),
                Route {
                    lang: Some(lang),
                    ..Route::default()
                }
                .query()
            );
            format!(
                "<a href=\"{}\" data-view=\"{}\"{}>{}</a>",
                attr(&href),
                v.as_str(),
                if v == current {
                    " aria-current=\"page\""
                } else {
                    ""
                },
                text(crate::present::page_name(lang, v))
            )
        })
        .collect();
    format!(
        "<nav class=\"{}\" aria-label=\"{}\">{links}</nav>\n",
        class::PAGE_NAV,
        attr(t(lang, Key::Pages))
    )
}

/// One version against the one before it, figure by figure: "what: old → new", a value that
/// disappeared or turned unknown marked, each with the sources that say so.
pub fn change_list(heading: &str, summary: &str, lines: &[crate::present::ChangeLine]) -> String {
    let items: String = lines
        .iter()
        .map(|l| {
            format!(
                "<li{}>{}<span class=\"what\">{}</span>: {} → {}{}</li>",
                if l.loud { " class=\"loud\"" } else { "" },
                if l.loud { "⚠ " } else { "" },
                text(&l.what),
                text(&l.old),
                text(&l.new),
                if l.source.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", source_links(&l.source))
                }
            )
        })
        .collect();
    format!(
        "<section class=\"changes\"><h2>{}</h2><p>{}</p><ul>{items}</ul></section>\n",
        text(heading),
        text(summary)
    )
}

/// Each figure as each later report gave it: "33/39 (11 tháng năm 2023) → 35/39 (cả năm 2023)".
pub fn revision_list(heading: &str, lines: &[crate::present::RevisionLine]) -> String {
    let items: String = lines
        .iter()
        .map(|l| {
            let sources: Vec<crate::present::SourceRef> =
                l.steps.iter().flat_map(|s| s.sources.clone()).collect();
            let mut uniq: Vec<crate::present::SourceRef> = Vec::new();
            for r in sources {
                if !uniq.iter().any(|u| u.id == r.id) {
                    uniq.push(r);
                }
            }
            format!(
                "<li><span class=\"what\">{}</span>: {} ({})</li>",
                text(&l.what),
                text(&l.values),
                source_links(&uniq)
            )
        })
        .collect();
    format!(
        "<section class=\"revisions\"><h2>{}</h2><ul>{items}</ul></section>\n",
        text(heading)
    )
}

/// The notes under a chart, in a list.
pub fn chart_notes(notes: &[String]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let items: String = notes
        .iter()
        .map(|n| format!("<li>{}</li>", text(n)))
        .collect();
    format!("<ol class=\"{}\">{items}</ol>", class::CHART_NOTES)
}

/// A tally of a later year's indicator set: its fraction, the set it counts, its as-of, that it
/// does not continue the result year's, its sources.
pub fn set_tally(lang: Lang, t_: &crate::present::SetTally) -> String {
    format!(
        "<div class=\"{}\"><p class=\"{}\"><span class=\"{}\">{}</span> <span class=\"{}\">{}</span></p>\
         <p class=\"{}\">{}: {}</p><p class=\"{}\">{}</p><p class=\"{}\">{}: {}</p></div>",
        class::SET_TALLY,
        class::FIGURE,
        class::FRACTION,
        text(&t_.fraction),
        class::LABEL,
        text(&t_.set),
        class::AS_OF,
        text(t(lang, Key::AsOf)),
        text(&t_.as_of),
        class::CAVEAT,
        text(&t_.caveat),
        class::SOURCE,
        text(t(lang, Key::Source)),
        source_links(&t_.sources)
    )
}

/// "Nguồn: …" under a card: each source by its title, linked, with publisher and date.
pub fn source_note(lang: Lang, refs: &[SourceRef]) -> String {
    format!(
        "<p class=\"{}\">{}: {}</p>",
        class::SOURCE_NOTE,
        text(t(lang, Key::Source)),
        source_links(refs)
    )
}

/// A section of cards under its heading.
pub fn cards(heading: &str, list_class: &str, items: &[String]) -> String {
    format!(
        "<section class=\"{}\"><h2>{}</h2><ul class=\"{list_class}\">{}</ul></section>",
        class::CARDS,
        text(heading),
        items.concat()
    )
}

pub fn goal_card(lang: Lang, g: &GoalCard) -> String {
    format!(
        "<li class=\"{}\"><p>{}</p>{}</li>",
        class::CARD,
        text(&g.text),
        source_note(lang, &g.sources)
    )
}

pub fn initiative_card(lang: Lang, i: &InitiativeCard) -> String {
    let services: String = i
        .services
        .iter()
        .map(|x| format!("<li>{}</li>", text(x)))
        .collect();
    format!(
        "<li class=\"{}\"><h3>{}</h3><p class=\"{}\">{}</p><p>{}</p><p class=\"{}\">{}:</p><ul lang=\"vi\">{services}</ul>{}</li>",
        class::CARD,
        text(&i.name),
        class::BY,
        text(&i.by),
        text(&i.description),
        class::SERVICES_LABEL,
        text(t(lang, Key::Services)),
        source_note(lang, &i.sources)
    )
}

pub fn figure_card(lang: Lang, f: &FigureCard) -> String {
    format!(
        "<li class=\"{}\"><p class=\"{}\">{}</p><p>{}</p><p class=\"{}\">{}</p>{}</li>",
        class::CARD,
        class::FIGURE_VALUE,
        text(&f.value),
        text(&f.name),
        class::AS_OF,
        text(&f.as_of),
        source_note(lang, &f.sources)
    )
}

/// How the figures are read: where they come from, what is computed, what unknown means.
pub fn methodology(lang: Lang) -> String {
    format!(
        "<section class=\"{}\"><h2>{}</h2><p>{}</p></section>",
        class::METHODOLOGY,
        text(t(lang, Key::Methodology)),
        text(t(lang, Key::MethodologyText))
    )
}

/// The sources the page cites, each linked.
pub fn sources(lang: Lang, refs: &[SourceRef]) -> String {
    let items: String = refs
        .iter()
        .map(|r| format!("<li>{}</li>", source_link(r)))
        .collect();
    format!(
        "<section class=\"{}\"><h2>{}</h2><ol>{items}</ol></section>",
        class::SOURCES,
        text(t(lang, Key::Sources))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> TallyLine {
        TallyLine {
            fraction: "33/39".into(),
            rate: "84,6%".into(),
            as_of: "11 tháng năm 2023".into(),
            pillars: "Chính quyền số 13/16".into(),
            sources: vec![SourceRef {
                id: "a".into(),
                title: "Tin <b>".into(),
                url: "https://x.example/?a=1&b=\"2\"".into(),
                detail: "VTC News · 27/01/2024".into(),
            }],
        }
    }

    #[test]
    fn the_static_tally_has_the_apps_class_names_and_escapes_data() {
        let h = tally(Lang::Vi, &line(), true);
        assert!(h.starts_with("<div class=\"tally headline\"><p class=\"figure\"><span class=\"fraction\">33/39</span> <span class=\"label\">chỉ tiêu đạt</span> · <span class=\"rate\">84,6%</span></p>"));
        assert!(h.contains("<p class=\"as-of\">Thời điểm: 11 tháng năm 2023</p>"));
        assert!(h.contains("<p class=\"pillar-split\">Chính quyền số 13/16</p>"));
        assert!(h.contains("<p class=\"source\">Nguồn: <span class=\"source-ref\"><a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer external\" target=\"_blank\" lang=\"vi\">Tin &lt;b&gt;</a> (VTC News · 27/01/2024)</span></p>"));
        assert!(tally(Lang::En, &line(), false)
            .starts_with("<div class=\"tally\"><p class=\"earlier\">Earlier report</p>"));
    }

    #[test]
    fn the_static_brand_unit_and_legend_have_the_apps_class_names() {
        assert_eq!(
            brand(Lang::En),
            "<p class=\"brand\"><span class=\"name\">Chỉ số</span><span class=\"tagline\">Official figures, with their sources</span></p>"
        );
        assert_eq!(
            unit(Lang::Vi, "a < b", &[]),
            "<p class=\"unit\">a &lt; b</p>"
        );
        assert!(unit(Lang::En, "x", &line().sources).starts_with(
            "<p class=\"unit\">x <span class=\"source-note\">· Source: <span class=\"source-ref\">"
        ));
        let items = [LegendItem {
            series: crate::chart::Series::Secondary,
            label: "Được giao".into(),
            swatch: "swatch-track",
        }];
        assert_eq!(
            legend(&items),
            "<div class=\"legend\"><span class=\"legend-entry\" data-series=\"secondary\"><span class=\"swatch swatch-track\" aria-hidden=\"true\"></span>Được giao</span></div>"
        );
    }
}
