//! The four charts of a snapshot, each described once (title, as-of, source, summary, table,
//! legend, drawing) and shown by the full page, the embed view and the downloads alike.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::{bars_chart, dumbbell_chart, Drawn, Options, Series};
use crate::export::ChartId;
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

fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn source_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
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
        ChartId::Context => {
            let rows = present::context_rows(Lang::Vi, s);
            unique(
                s.context
                    .iter()
                    .filter(|c| rows.iter().any(|r| r.key == c.series))
                    .flat_map(|c| c.sources.clone()),
            )
        }
    }
}

fn as_of_ids(id: ChartId, s: &Snapshot) -> Vec<String> {
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
        ChartId::Context => {
            let rows = present::context_rows(Lang::Vi, s);
            unique(
                s.context
                    .iter()
                    .filter(|c| rows.iter().any(|r| r.key == c.series))
                    .map(|c| c.as_of.clone()),
            )
        }
    }
}

pub fn spec(id: ChartId, s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> ChartSpec {
    let key = move |k: Key| Signal::derive(move || t(lang.get(), k).to_string());
    let title = key(match id {
        ChartId::Headline => Key::HeadlineChartTitle,
        ChartId::Pillars => Key::PillarChartTitle,
        ChartId::Indicators => Key::IndicatorChartTitle,
        ChartId::Context => Key::ContextChartTitle,
    });
    let as_of = Signal::derive(move || {
        s.with_value(|s| {
            let l = lang.get();
            let labels: Vec<String> = as_of_ids(id, s)
                .iter()
                .map(|a| {
                    s.as_of_label(a)
                        .map_or_else(|| a.clone(), |x| l.pick(x).to_string())
                })
                .collect();
            format!("{}: {}", t(l, Key::AsOf), labels.join("; "))
        })
    });
    let source = Signal::derive(move || {
        s.with_value(|s| {
            let titles: Vec<String> = source_ids(id, s)
                .iter()
                .filter_map(|i| s.source(i))
                .map(|x| x.title.clone())
                .collect();
            format!("{}: {}", t(lang.get(), Key::Source), titles.join("; "))
        })
    });
    let text = move |f: fn(Lang, &Snapshot) -> String| {
        Signal::derive(move || s.with_value(|s| f(lang.get(), s)))
    };
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
    let (summary, tbl, legend, draw): (_, _, _, DrawFn) = match id {
        ChartId::Headline => (
            text(present::headline_summary),
            table(present::headline_table),
            bars_legend(),
            Arc::new(move |w: f64, o: &Options| {
                s.with_value(|s| bars_chart(&present::headline_rows(lang.get(), s), w, o))
            }),
        ),
        ChartId::Pillars => (
            text(present::pillar_summary),
            table(present::pillar_table),
            bars_legend(),
            Arc::new(move |w: f64, o: &Options| {
                s.with_value(|s| bars_chart(&present::pillar_rows(lang.get(), s), w, o))
            }),
        ),
        ChartId::Indicators => (
            text(present::indicator_summary),
            table(present::indicator_table),
            vec![
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
            Arc::new(move |w: f64, o: &Options| {
                let l = lang.get();
                s.with_value(|s| {
                    dumbbell_chart(
                        &present::indicator_rows(l, s),
                        &present::percent_ticks(l),
                        w,
                        o,
                    )
                })
            }),
        ),
        ChartId::Context => (
            text(present::context_summary),
            table(present::context_table),
            vec![
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
            Arc::new(move |w: f64, o: &Options| {
                s.with_value(|s| dumbbell_chart(&present::context_rows(lang.get(), s), &[], w, o))
            }),
        ),
    };
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
