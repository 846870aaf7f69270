//! The charts of a snapshot, each described once (title, as-of, source, summary, table, legend,
//! notes, drawing) and shown by the pages, the embed view and the downloads alike.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::{Drawn, Options};
use crate::chart_id::ChartId;
use crate::i18n::Lang;
use crate::present::{self, LegendItem, Pick, Table};
use crate::snapshot::Snapshot;

/// How a chart is drawn at a width with the reader's options; reads whatever signals it needs.
pub type DrawFn = Arc<dyn Fn(f64, &Options) -> Drawn + Send + Sync>;

/// Everything a figure needs to show one chart, in the reader's language (reactive).
#[derive(Clone)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: Signal<String>,
    /// "Thời điểm: 11 tháng năm 2023".
    pub as_of: Signal<String>,
    /// "Nguồn: …", as text (downloads draw it).
    pub source: Signal<String>,
    /// The same sources as the page links them.
    pub sources: Signal<Vec<present::SourceRef>>,
    pub summary: Signal<String>,
    pub table: Signal<Table>,
    pub legend: Signal<Vec<LegendItem>>,
    /// What a reader comparing the figures must know, under the chart (a method that changed).
    pub notes: Signal<Vec<String>>,
    pub draw: DrawFn,
}

pub fn spec(
    id: ChartId,
    s: StoredValue<Snapshot>,
    lang: RwSignal<Lang>,
    ranking: RwSignal<Option<String>>,
) -> ChartSpec {
    let pick = move || Pick {
        ranking: ranking.get(),
    };
    let of = move |f: fn(Lang, ChartId, &Snapshot, &Pick) -> String| {
        Signal::derive(move || s.with_value(|s| f(lang.get(), id, s, &pick())))
    };
    let draw: DrawFn = Arc::new(move |w: f64, o: &Options| {
        s.with_value(|s| present::draw(id, lang.get(), s, &pick(), w, o))
    });
    ChartSpec {
        id,
        title: Signal::derive(move || present::chart_title(lang.get(), id).to_string()),
        as_of: of(present::chart_as_of),
        source: of(present::chart_source),
        sources: Signal::derive(move || {
            s.with_value(|s| present::chart_source_refs(lang.get(), id, s, &pick()))
        }),
        summary: of(present::chart_summary),
        table: Signal::derive(move || {
            s.with_value(|s| present::chart_table(lang.get(), id, s, &pick()))
        }),
        legend: Signal::derive(move || s.with_value(|s| present::legend(lang.get(), id, s))),
        notes: Signal::derive(move || s.with_value(|s| present::chart_notes(lang.get(), id, s))),
        draw,
    }
}
