//! Under the charts: the general goals, the local initiatives, the figures that stand alone, how
//! to read the figures, and the sources the page cites. Words from `present`, class names from
//! `markup`, as on the static page.

use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::markup::class;
use crate::present;
use crate::snapshot::Snapshot;
use crate::views::shared::{SourceLink, SourceNote};

#[component]
pub fn Cards(s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <GoalCards s=s lang=lang />
        <InitiativeCards s=s lang=lang />
        <FigureCards s=s lang=lang />
        <section class=class::METHODOLOGY>
            <h2>{move || t(lang.get(), Key::Methodology)}</h2>
            <p>{move || t(lang.get(), Key::MethodologyText)}</p>
        </section>
        <SourceList s=s lang=lang />
    }
}

#[component]
fn GoalCards(s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <section class=class::CARDS data-testid="goals">
            <h2>{move || s.with_value(|s| present::goals_heading(lang.get(), s))}</h2>
            <ul class=class::CARD_LIST>
                {move || s.with_value(|s| present::goal_cards(lang.get(), s)).into_iter().map(|g| view! {
                    <li class=class::CARD><p>{g.text}</p><SourceNote refs=g.sources lang=lang /></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn InitiativeCards(s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <section class=class::CARDS data-testid="initiatives">
            <h2>{move || t(lang.get(), Key::Initiatives)}</h2>
            <ul class=class::CARD_LIST>
                {move || s.with_value(|s| present::initiative_cards(lang.get(), s)).into_iter().map(|i| view! {
                    <li class=class::CARD>
                        <h3>{i.name}</h3>
                        <p class=class::BY>{i.by}</p>
                        <p>{i.description}</p>
                        <p class=class::SERVICES_LABEL>{move || t(lang.get(), Key::Services)}":"</p>
                        <ul lang="vi">{i.services.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                        <SourceNote refs=i.sources lang=lang />
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn FigureCards(s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <section class=class::CARDS data-testid="other-figures">
            <h2>{move || t(lang.get(), Key::OtherFigures)}</h2>
            <ul class=class::FIGURE_LIST>
                {move || s.with_value(|s| present::figure_cards(lang.get(), s)).into_iter().map(|f| view! {
                    <li class=class::CARD>
                        <p class=class::FIGURE_VALUE>{f.value}</p>
                        <p>{f.name}</p>
                        <p class=class::AS_OF>{f.as_of}</p>
                        <SourceNote refs=f.sources lang=lang />
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The sources the page cites, each linked; none that nothing on the page cites.
#[component]
fn SourceList(s: StoredValue<Snapshot>, lang: RwSignal<Lang>) -> impl IntoView {
    let refs = move || {
        s.with_value(|s| {
            present::cited_sources(s)
                .into_iter()
                .map(|src| present::source_ref(lang.get(), src))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class=class::SOURCES id="sources">
            <h2>{move || t(lang.get(), Key::Sources)}</h2>
            <ol>{move || refs().into_iter().map(|r| view! { <li><SourceLink r=r /></li> }).collect_view()}</ol>
        </section>
    }
}
