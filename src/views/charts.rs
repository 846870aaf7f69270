//! The four charts of a snapshot, each described once (title, as-of, source, summary, table,
//! legend, drawing) and shown by the full page, the embed view and the downloads alike.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::{Drawn, Options, Series};
use crate::chart_id::ChartId;
use crate::i18n::{t, Key, Lang};
use crate::present::{self, Table};
use crate::snapshot::Snapshot;

/// How a chart is drawn at a width with the reader's options; reads whatever signals it needs.
pub type DrawFn = Arc<dyn Fn(f64, &Options) -> Drawn + Send + Sync>;

/// A legend entry: which series, its label, and the CSS class of its swatch.
#[derive(Clone)]
pub struct LegendEntry {
    pub series: Series,
    pub label: Signal<String>,
    pub swatch: &'static str,
}

/// Everything a figure needs to show one chart, in the reader's language (reactive).
#[derive(Clone)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: Signal<String>,
    /// "Thời điểm: 11 tháng năm 2023".
    pub as_of: Signal<String>,
    /// "Nguồn: …".
    pub source: Signal<String>,
    pub summary: Signal<String>,
    pub table: Signal<Table>,
    pub legend: Vec<LegendEntry>,
    pub draw: DrawFn,
}

pub fn spec(id: ChartId, s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> ChartSpec {
    let key = move |k: Key| Signal::derive(move || t(lang.get(), k).to_string());
    let title = Signal::derive(move || present::chart_title(lang.get(), id).to_string());
    let as_of = Signal::derive(move || s.with_value(|s| present::chart_as_of(lang.get(), id, s)));
    let source = Signal::derive(move || s.with_value(|s| present::chart_source(lang.get(), id, s)));
    let table = move |f: fn(Lang, &Snapshot) -> Table| {
        Signal::derive(move || s.with_value(|s| f(lang.get(), s)))
    };
    let year = move |first: bool| {
        Signal::derive(move || {
            s.with_value(|s| match (first, lang.get()) {
                (true, Lang::Vi) => format!("Kết quả {}", s.period.result_year),
                (true, Lang::En) => format!("{} result", s.period.result_year),
                (false, Lang::Vi) => format!("Mục tiêu {}", s.period.goal_year),
                (false, Lang::En) => format!("{} goal", s.period.goal_year),
            })
        })
    };
    let bars_legend = || {
        vec![
            LegendEntry {
                series: Series::Primary,
                label: key(Key::Met),
                swatch: "swatch-fill",
            },
            LegendEntry {
                series: Series::Secondary,
                label: key(Key::Assigned),
                swatch: "swatch-track",
            },
        ]
    };
    let context_years = move |first: bool| {
        Signal::derive(move || {
            s.with_value(|s| {
                let mut years: Vec<i32> = s
                    .context
                    .iter()
                    .filter_map(|c| s.as_of.iter().find(|a| a.id == c.as_of).map(|a| a.year))
                    .collect();
                years.sort_unstable();
                let y = if first { years.first() } else { years.last() };
                y.map_or_else(String::new, |y| y.to_string())
            })
        })
    };
    let legend = match id {
        ChartId::Headline | ChartId::Pillars => bars_legend(),
        ChartId::Indicators => vec![
            LegendEntry {
                series: Series::Primary,
                label: year(true),
                swatch: "swatch-dot",
            },
            LegendEntry {
                series: Series::Secondary,
                label: year(false),
                swatch: "swatch-ring",
            },
        ],
        ChartId::Context => vec![
            LegendEntry {
                series: Series::Primary,
                label: context_years(true),
                swatch: "swatch-dot",
            },
            LegendEntry {
                series: Series::Secondary,
                label: context_years(false),
                swatch: "swatch-ring",
            },
        ],
    };
    let tbl = table(match id {
        ChartId::Headline => present::headline_table,
        ChartId::Pillars => present::pillar_table,
        ChartId::Indicators => present::indicator_table,
        ChartId::Context => present::context_table,
    });
    let summary =
        Signal::derive(move || s.with_value(|s| present::chart_summary(lang.get(), id, s)));
    let draw: DrawFn = Arc::new(move |w: f64, o: &Options| {
        s.with_value(|s| present::draw(id, lang.get(), s, w, o))
    });
    ChartSpec {
        id,
        title,
        as_of,
        source,
        summary,
        table: tbl,
        legend,
        draw,
    }
}
