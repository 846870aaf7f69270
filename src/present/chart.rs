//! Each chart as a whole: its title, as-of and source lines, its summary and its drawing, the same
//! on the page, in an embed and at build time.

use super::context::charted_context;
use super::{
    as_of_label, context_rows, context_summary, headline_rows, headline_summary, indicator_rows,
    indicator_summary, percent_ticks, pillar_rows, pillar_summary, source_line, unique,
};
use crate::chart::{bars_chart, dumbbell_chart, Drawn, Options};
use crate::chart_id::ChartId;
use crate::format;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::Snapshot;

pub fn chart_source_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
    match id {
        ChartId::Headline => unique(s.tallies.iter().flat_map(|t| t.sources.clone())),
        ChartId::Pillars => s
            .pillar_tally()
            .map(|(t, _)| t.sources.clone())
            .unwrap_or_default(),
        ChartId::Indicators => unique(s.indicators.iter().flat_map(|i| {
            let mut v = i.sources.clone();
            if let Some(r) = &i.result {
                v.extend(r.sources.clone());
            }
            if let Some(g) = &i.goal {
                v.extend(g.sources.clone());
            }
            v
        })),
        ChartId::Context => unique(charted_context(s).flat_map(|c| c.sources.clone())),
    }
}

pub fn chart_as_of_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
    match id {
        ChartId::Headline => s.tallies.iter().map(|t| t.as_of.clone()).collect(),
        ChartId::Pillars => s
            .pillar_tally()
            .map(|(t, _)| vec![t.as_of.clone()])
            .unwrap_or_default(),
        ChartId::Indicators => unique(
            s.indicators
                .iter()
                .filter_map(|i| i.result.as_ref().map(|r| r.as_of.clone())),
        ),
        ChartId::Context => unique(charted_context(s).map(|c| c.as_of.clone())),
    }
}

/// Which data version a chart shows: pinned to it, or following the latest.
pub fn version_note(lang: Lang, version: &str, published: &str, pinned: bool) -> String {
    let date = format::date(lang, published).unwrap_or_else(|| published.to_string());
    match (lang, pinned) {
        (Lang::Vi, true) => format!("Số liệu ghim ở phiên bản {version} (công bố {date})."),
        (Lang::En, true) => format!("Data pinned to version {version} (published {date})."),
        (Lang::Vi, false) => {
            format!("Luôn theo số liệu mới nhất: phiên bản {version} (công bố {date}).")
        }
        (Lang::En, false) => {
            format!("Following the latest data: version {version} (published {date}).")
        }
    }
}

pub fn chart_title(lang: Lang, id: ChartId) -> &'static str {
    t(
        lang,
        match id {
            ChartId::Headline => Key::HeadlineChartTitle,
            ChartId::Pillars => Key::PillarChartTitle,
            ChartId::Indicators => Key::IndicatorChartTitle,
            ChartId::Context => Key::ContextChartTitle,
        },
    )
}

/// "Thời điểm: 11 tháng năm 2023; cả năm 2023".
pub fn chart_as_of(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    let labels: Vec<String> = chart_as_of_ids(id, s)
        .iter()
        .map(|a| as_of_label(lang, s, a))
        .collect();
    format!("{}: {}", t(lang, Key::AsOf), labels.join("; "))
}

/// "Nguồn: title; title".
pub fn chart_source(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    source_line(lang, s, &chart_source_ids(id, s))
}

pub fn chart_summary(lang: Lang, id: ChartId, s: &Snapshot) -> String {
    match id {
        ChartId::Headline => headline_summary(lang, s),
        ChartId::Pillars => pillar_summary(lang, s),
        ChartId::Indicators => indicator_summary(lang, s),
        ChartId::Context => context_summary(lang, s),
    }
}

/// The chart `id` drawn at `width`, the same in the browser and at build time.
pub fn draw(id: ChartId, lang: Lang, s: &Snapshot, width: f64, o: &Options) -> Drawn {
    match id {
        ChartId::Headline => bars_chart(&headline_rows(lang, s), width, o),
        ChartId::Pillars => bars_chart(&pillar_rows(lang, s), width, o),
        ChartId::Indicators => {
            dumbbell_chart(&indicator_rows(lang, s), &percent_ticks(lang), width, o)
        }
        ChartId::Context => dumbbell_chart(&context_rows(lang, s), &[], width, o),
    }
}
