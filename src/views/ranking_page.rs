//! The ranking page: where the unit stands among the others in one ranking (chosen by the reader,
//! the latest that ranks it by default), a province found by name, how ranks moved between two
//! years of one grouping, and the provincial average over the years with each year's method.

use leptos::prelude::*;

use crate::chart::mark::MarkKey;
use crate::chart_id::ChartId;
use crate::i18n::{t, Key, Lang};
use crate::markup::class;
use crate::present;
use crate::route::View;
use crate::snapshot::{Loaded, Snapshot};
use crate::state::{mark_ready, route, update_route, ChartContext, SnapshotMeta};
use crate::views::chart_figure::ChartFigure;
use crate::views::charts;
use crate::views::dashboard::VersionNote;
use crate::views::nav::PageNav;
use crate::views::shared::{SourceLink, UnitLine};

#[component]
pub fn RankingPage(loaded: Loaded, lang: RwSignal<Lang>) -> impl IntoView {
    let ctx = expect_context::<ChartContext>();
    provide_context(SnapshotMeta::new(&loaded, &route()));
    mark_ready();
    let s = StoredValue::new(loaded.snapshot);
    let title = move || s.with_value(|s| lang.get().pick(&s.title).to_string());
    let unit = Signal::derive(move || s.with_value(|s| present::unit_line(lang.get(), s)));
    let unit_sources =
        Signal::derive(move || s.with_value(|s| present::unit_sources(lang.get(), s)));
    let spec = move |id: ChartId| charts::spec(id, s, lang, ctx.ranking);
    // The province the reader looked for: its row's tooltip opens, and the link keeps it.
    let looked_for = RwSignal::new(route().unit);
    view! {
        <article class="dashboard ranking-page" data-testid="ranking-page" data-snapshot=loaded.version.version.clone()>
            <UnitLine line=unit sources=unit_sources lang=lang />
            <h1>{title}</h1>
            <VersionNote lang=lang />
            <PageNav current=View::Ranking lang=lang />
            <div class="ranking-controls">
                <RankingPicker s=s lang=lang ranking=ctx.ranking />
                <UnitFinder s=s lang=lang ranking=ctx.ranking looked_for=looked_for />
            </div>
            {move || {
                let initial = looked_for.get().map(MarkKey::row);
                view! { <ChartFigure spec=spec(ChartId::Ranking) tools=true initial=initial /> }
            }}
            <ChartFigure spec=spec(ChartId::Moves) tools=true />
            <ChartFigure spec=spec(ChartId::Averages) tools=true />
            <section class=class::SOURCES id="sources">
                <h2>{move || t(lang.get(), Key::Sources)}</h2>
                <ol>
                    {move || s.with_value(|s| {
                        present::ranking_page_sources(s)
                            .into_iter()
                            .map(|src| present::source_ref(lang.get(), src))
                            .collect::<Vec<_>>()
                    }).into_iter().map(|r| view! { <li><SourceLink r=r /></li> }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

/// Chooses which ranking the chart shows; the choice goes into the link.
#[component]
fn RankingPicker(
    s: StoredValue<Snapshot>,
    lang: RwSignal<Lang>,
    ranking: RwSignal<Option<String>>,
) -> impl IntoView {
    let current = move || {
        s.with_value(|s| {
            present::ranking(s, ranking.get().as_deref())
                .map(|r| r.id.clone())
                .unwrap_or_default()
        })
    };
    let options = move || {
        s.with_value(|s| {
            s.rankings
                .iter()
                .map(|r| (r.id.clone(), lang.get().pick(&r.name).to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label class="select">
            <span>{move || t(lang.get(), Key::ChooseRanking)}</span>
            <select data-testid="ranking-picker" on:change=move |ev| {
                let id = event_target_value(&ev);
                update_route(|r| r.ranking = Some(id.clone()));
                ranking.set(Some(id));
            }>
                {move || options().into_iter().map(|(id, name)| {
                    let selected = id == current();
                    view! { <option value=id selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// Finds a province by name in the ranking shown: its row's tooltip opens.
#[component]
fn UnitFinder(
    s: StoredValue<Snapshot>,
    lang: RwSignal<Lang>,
    ranking: RwSignal<Option<String>>,
    looked_for: RwSignal<Option<String>>,
) -> impl IntoView {
    // Every unit the ranking shows, ranked or not, by name.
    let units = move || {
        s.with_value(|s| {
            let Some(r) = present::ranking(s, ranking.get().as_deref()) else {
                return Vec::new();
            };
            let chart = present::ranking_chart(lang.get(), s, r);
            let mut list: Vec<(String, String)> = chart
                .rows
                .into_iter()
                .map(|row| (row.key, row.name))
                .collect();
            crate::order::sort_by_key(&mut list, |a| a.1.clone());
            list
        })
    };
    view! {
        <label class="select">
            <span>{move || t(lang.get(), Key::FindUnit)}</span>
            <select data-testid="unit-finder" on:change=move |ev| {
                let id = event_target_value(&ev);
                let id = (!id.is_empty()).then_some(id);
                update_route(|r| r.unit = id.clone());
                looked_for.set(id);
            }>
                <option value="">"—"</option>
                {move || units().into_iter().map(|(id, name)| {
                    let selected = looked_for.get().as_deref() == Some(id.as_str());
                    view! { <option value=id selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
