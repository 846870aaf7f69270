use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::mark::{MarkEnd, MarkKey};
use crate::chart_id::ChartId;
use crate::i18n::{pillar_name, t, Key, Lang};
use crate::markup::class;
use crate::present::{self, tally_line};
use crate::route::View;
use crate::snapshot::{Loaded, Pillar};
use crate::state::{page_base, route, update_route, AppReady, ChartContext, SnapshotMeta};
use crate::views::cards::Cards;
use crate::views::chart_figure::ChartFigure;
use crate::views::charts;
use crate::views::nav::PageNav;
use crate::views::shared::{SetTally, Tally, UnitLine};

/// The ready state: the transparency page for one snapshot.
#[component]
pub fn Dashboard(loaded: Loaded, lang: RwSignal<Lang>) -> impl IntoView {
    let ctx = expect_context::<ChartContext>();
    provide_context(SnapshotMeta::new(&loaded, &route()));
    // The page is built in steps, one task each (the top, then each chart, then the cards), so no
    // step holds the main thread long on a slow phone; it is invisible until the last chart has
    // drawn, so the steps are never seen.
    const STEPS: u8 = 6;
    let step = RwSignal::new(0u8);
    Effect::new(move |_| {
        let now = step.get();
        if now < STEPS {
            set_timeout(move || step.set(now + 1), std::time::Duration::ZERO);
        }
    });
    let from = move |k: u8| Memo::new(move |_| step.get() >= k);
    let ready = use_context::<AppReady>();
    Effect::new(move |_| {
        if step.get() >= STEPS {
            if let Some(a) = ready {
                a.ready.set(true);
            }
        }
    });
    let s = StoredValue::new(loaded.snapshot);
    let title = move || s.with_value(|s| lang.get().pick(&s.title).to_string());
    let unit = Signal::derive(move || s.with_value(|s| present::unit_line(lang.get(), s)));
    let unit_sources =
        Signal::derive(move || s.with_value(|s| present::unit_sources(lang.get(), s)));
    let tallies = move || {
        s.with_value(|s| {
            present::tallies_latest_first(s)
                .into_iter()
                .enumerate()
                .map(|(i, tally)| (i == 0, tally_line(lang.get(), s, tally)))
                .collect::<Vec<_>>()
        })
    };
    // The link names the indicator whose figures are open; its first end is the mark to open.
    let on_indicator = Arc::new(|key: Option<MarkKey>| {
        update_route(|r| r.indicator = key.map(|k| k.row));
    });
    let initial_indicator = route().indicator.map(|id| MarkKey::end(id, MarkEnd::From));
    let spec = move |id: ChartId| charts::spec(id, s, lang, ctx.ranking);

    let notes = move || {
        s.with_value(|s| {
            s.notes
                .iter()
                .map(|n| lang.get().pick(n).to_string())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <article class="dashboard" data-testid="dashboard" data-snapshot=loaded.version.version.clone()>
            <UnitLine line=unit sources=unit_sources lang=lang />
            <h1>{title}</h1>
            <VersionNote lang=lang />
            <PageNav current=View::Overview lang=lang />
            <section class=class::TALLIES aria-label=move || t(lang.get(), Key::IndicatorsMet)>
                {move || tallies().into_iter().map(|(headline, line)| view! { <Tally headline=headline line=line lang=lang /> }).collect_view()}
            </section>
            <section class=class::UNKNOWNS data-testid="unknowns">
                <h2>{move || t(lang.get(), Key::WhatIsUnknown)}</h2>
                <ul>{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
            <PillarPicker pillar=ctx.pillar lang=lang />
            {let shown = from(1); move || shown.get().then(|| view! { <ChartFigure spec=spec(ChartId::Headline) tools=true /> })}
            {let shown = from(2); move || shown.get().then(|| view! { <ChartFigure spec=spec(ChartId::Pillars) tools=true /> })}
            {let shown = from(3); let initial = initial_indicator.clone(); let on_select = on_indicator.clone();
             move || shown.get().then(|| view! {
                <ChartFigure
                    spec=spec(ChartId::Indicators)
                    tools=true
                    initial=initial.clone()
                    on_select=on_select.clone()
                    empty_pillar_note=Signal::derive(move || t(lang.get(), Key::NoIndicatorInPillar).to_string())
                />
            })}
            {let shown = from(4); move || shown.get().then(|| view! {
                <section class="followup" data-testid="followup">
                    <h2>{move || t(lang.get(), Key::FollowupHeading)}</h2>
                    {move || s.with_value(|s| present::set_tallies(lang.get(), s)).into_iter().map(|x| view! { <SetTally t=x lang=lang /> }).collect_view()}
                </section>
                <ChartFigure spec=spec(ChartId::Followup) tools=true />
            })}
            {let shown = from(5); move || shown.get().then(|| view! { <ChartFigure spec=spec(ChartId::Context) tools=true /> })}
            {let shown = from(6); move || shown.get().then(|| view! { <Cards s=s lang=lang /> })}
        </article>
    }
}

/// Which data version this is: pinned or following the latest, and whether newer data exist.
#[component]
pub fn VersionNote(lang: RwSignal<Lang>) -> impl IntoView {
    let m = expect_context::<SnapshotMeta>();
    let newer = m.version != m.latest;
    let latest_href = format!(
        "{}{}",
        page_base(),
        crate::route::Route {
            lang: Some(lang.get_untracked()),
            ..Default::default()
        }
        .query()
    );
    // The change log says figure by figure what the newer data changed.
    let changes_href = format!(
        "{}{}{}",
        page_base(),
        crate::route::CHANGES_FILE,
        crate::route::Route {
            lang: Some(lang.get_untracked()),
            ..Default::default()
        }
        .query()
    );
    let m2 = m.clone();
    let text =
        move || crate::present::version_note(lang.get(), &m2.version, &m2.published, m2.pinned);
    view! {
        <p class="version-note" data-testid="version-note" data-pinned=m.pinned.to_string()>
            {text}
            {newer.then(|| view! {
                " "
                <a href=latest_href data-testid="newer-data">{move || t(lang.get(), Key::NewerData)}</a>
                " "
                <a href=changes_href data-testid="changes-link">{move || t(lang.get(), Key::SeeChanges)}</a>
            })}
        </p>
    }
}

/// Buttons that choose a pillar to highlight in every chart; the choice goes into the URL.
#[component]
fn PillarPicker(pillar: RwSignal<Option<Pillar>>, lang: RwSignal<Lang>) -> impl IntoView {
    let choose = move |p: Option<Pillar>| {
        pillar.set(p);
        update_route(|r| r.pillar = p);
    };
    let options: Vec<Option<Pillar>> = std::iter::once(None)
        .chain(Pillar::ALL.into_iter().map(Some))
        .collect();
    view! {
        <div class="pillar-picker" role="group" aria-label=move || t(lang.get(), Key::ChoosePillar) data-testid="pillar-picker">
            <span class="picker-label">{move || t(lang.get(), Key::ChoosePillar)}</span>
            {options.into_iter().map(|p| view! {
                <button
                    type="button"
                    data-pillar=p.map_or("all", |p| p.as_str())
                    aria-pressed=move || (pillar.get() == p).to_string()
                    on:click=move |_| choose(p)
                >
                    {move || p.map_or_else(|| t(lang.get(), Key::AllPillars), |p| pillar_name(lang.get(), p))}
                </button>
            }).collect_view()}
        </div>
    }
}
