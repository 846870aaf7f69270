//! The pieces the static page shows too: the brand, the unit line, a tally, a source link, a
//! chart's legend. Their words come from `present`, their class names from [`crate::markup`],
//! which also writes the static page's HTML of them; a browser test compares the two.

use leptos::prelude::*;

use crate::chart::Series;
use crate::i18n::{t, Key, Lang};
use crate::markup::class;
use crate::present::{LegendItem, SourceRef, TallyLine};

/// The site's name and tagline.
#[component]
pub fn Brand(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class=class::BRAND>
            <span class=class::BRAND_NAME>{move || t(lang.get(), Key::AppName)}</span>
            <span class=class::TAGLINE>{move || t(lang.get(), Key::Tagline)}</span>
        </p>
    }
}

/// The unit line above the title, with the sources that say the unit was merged.
#[component]
pub fn UnitLine(
    #[prop(into)] line: Signal<String>,
    #[prop(into)] sources: Signal<Vec<SourceRef>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    view! {
        <p class=class::UNIT>
            {move || line.get()}
            {move || {
                let refs = sources.get();
                (!refs.is_empty()).then(|| view! {
                    " "
                    <span class=class::SOURCE_NOTE>"· " {t(lang.get(), Key::Source)} ": " <SourceLinks refs=refs /></span>
                })
            }}
        </p>
    }
}

/// Several sources, linked, one after another.
#[component]
pub fn SourceLinks(refs: Vec<SourceRef>) -> impl IntoView {
    refs.into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                {(i > 0).then_some("; ")}
                <SourceLink r=r />
            }
        })
        .collect_view()
}

/// "Nguồn: …" under a card: each source by its title, linked, with publisher and date.
#[component]
pub fn SourceNote(refs: Vec<SourceRef>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class=class::SOURCE_NOTE>
            {move || t(lang.get(), Key::Source)}": "
            <SourceLinks refs=refs />
        </p>
    }
}

/// One tally: "33/39 indicators met · 84,6%", its as-of, its split by pillar and its source.
#[component]
pub fn Tally(headline: bool, line: TallyLine, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <div class=if headline { class::TALLY_HEADLINE } else { class::TALLY } data-testid=if headline { "headline" } else { "tally" }>
            {(!headline).then(|| view! { <p class=class::EARLIER>{move || t(lang.get(), Key::EarlierReport)}</p> })}
            <p class=class::FIGURE>
                <span class=class::FRACTION data-testid="fraction">{line.fraction.clone()}</span>
                " "
                <span class=class::LABEL>{move || t(lang.get(), Key::IndicatorsMet)}</span>
                " · "
                <span class=class::RATE data-testid="rate">{line.rate.clone()}</span>
            </p>
            <p class=class::AS_OF data-testid="as-of">{move || t(lang.get(), Key::AsOf)} ": " {line.as_of.clone()}</p>
            <p class=class::PILLAR_SPLIT>{line.pillars.clone()}</p>
            <p class=class::SOURCE data-testid="source">
                {move || t(lang.get(), Key::Source)}
                ": "
                <SourceLinks refs=line.sources.clone() />
            </p>
        </div>
    }
}

/// A tally of a later year's indicator set: said to be a new set, never a continuation.
#[component]
pub fn SetTally(t: crate::present::SetTally, lang: RwSignal<Lang>) -> impl IntoView {
    let t_ = t;
    view! {
        <div class=class::SET_TALLY data-testid="set-tally">
            <p class=class::FIGURE>
                <span class=class::FRACTION>{t_.fraction.clone()}</span>
                " "
                <span class=class::LABEL>{t_.set.clone()}</span>
            </p>
            <p class=class::AS_OF>{move || crate::i18n::t(lang.get(), Key::AsOf)} ": " {t_.as_of.clone()}</p>
            <p class=class::CAVEAT>{t_.caveat.clone()}</p>
            <p class=class::SOURCE>{move || crate::i18n::t(lang.get(), Key::Source)} ": " <SourceLinks refs=t_.sources.clone() /></p>
        </div>
    }
}

/// A link to a source. Validation has already refused every URL that is not http(s).
#[component]
pub fn SourceLink(r: SourceRef) -> impl IntoView {
    view! {
        <span class=class::SOURCE_REF>
            <a href=r.url rel="noopener noreferrer external" target="_blank" lang="vi">{r.title}</a>
            " ("
            {r.detail}
            ")"
        </span>
    }
}

/// A chart's legend: each entry a button that hides or shows its series.
#[component]
pub fn Legend(
    #[prop(into)] items: Signal<Vec<LegendItem>>,
    hidden: RwSignal<Vec<Series>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    view! {
        <div class=class::LEGEND role="group" aria-label=move || t(lang.get(), Key::Legend)>
            {move || items
                .get()
                .into_iter()
                .map(|e| {
                    let s = e.series;
                    let on = move || !hidden.with(|h| h.contains(&s));
                    view! {
                        <button
                            type="button"
                            class=class::LEGEND_ENTRY
                            data-series=s.as_str()
                            aria-pressed=move || on().to_string()
                            on:click=move |_| hidden.update(|h| {
                                if let Some(i) = h.iter().position(|x| *x == s) { h.remove(i); } else { h.push(s); }
                            })
                        >
                            <span class=format!("{} {}", class::SWATCH, e.swatch) aria-hidden="true"></span>
                            {e.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
