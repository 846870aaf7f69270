use leptos::prelude::*;

use crate::fetch::Loaded;
use crate::i18n::{t, Key, Lang};
use crate::present::{pillar_rows, source_ref, tally_line, SourceRef};
use crate::views::PillarChart;

/// The ready state: the snapshot's headline figures and the pillar chart.
#[component]
pub fn Dashboard(loaded: Loaded, lang: RwSignal<Lang>) -> impl IntoView {
    let s = StoredValue::new(loaded.snapshot);
    let title = move || s.with_value(|s| lang.get().pick(&s.title).to_string());
    let unit = move || {
        s.with_value(|s| {
            let l = lang.get();
            let name = l.pick(&s.unit.name).to_string();
            match &s.unit.successor {
                Some(succ) => format!("{name} · {} {}", t(l, Key::FormerUnit), l.pick(&succ.name)),
                None => name,
            }
        })
    };
    let rows = Signal::derive(move || s.with_value(|s| pillar_rows(lang.get(), s)));
    let pillar_as_of = move || {
        s.with_value(|s| {
            s.pillar_tally()
                .map(|(t, _)| tally_line(lang.get(), s, t))
                .map(|l| format!("{} · {}", l.as_of, l.fraction))
                .unwrap_or_default()
        })
    };
    let tallies = move || {
        s.with_value(|s| {
            s.tallies
                .iter()
                .enumerate()
                .map(|(i, tally)| (i == 0, tally_line(lang.get(), s, tally)))
                .collect::<Vec<_>>()
        })
    };
    let notes = move || {
        s.with_value(|s| {
            s.notes
                .iter()
                .map(|n| lang.get().pick(n).to_string())
                .collect::<Vec<_>>()
        })
    };
    let sources = move || {
        s.with_value(|s| {
            s.sources
                .iter()
                .map(|src| source_ref(lang.get(), src))
                .collect::<Vec<_>>()
        })
    };

    view! {
        <article class="dashboard" data-testid="dashboard" data-snapshot=loaded.version.version.clone()>
            <p class="unit">{unit}</p>
            <h1>{title}</h1>
            <section class="tallies" aria-label=move || t(lang.get(), Key::IndicatorsMet)>
                {move || {
                    tallies()
                        .into_iter()
                        .map(|(headline, line)| view! { <Tally headline=headline line=line lang=lang /> })
                        .collect_view()
                }}
            </section>
            <figure class="pillars">
                <figcaption>
                    <strong>{move || t(lang.get(), Key::PillarChartTitle)}</strong>
                    " · "
                    {pillar_as_of}
                </figcaption>
                <PillarChart rows=rows />
            </figure>
            <ul class="notes">
                {move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <section class="sources">
                <h2>{move || t(lang.get(), Key::Sources)}</h2>
                <ol>
                    {move || {
                        sources()
                            .into_iter()
                            .map(|r| {
                                let id = format!("src-{}", r.id);
                                view! { <li id=id><SourceLink r=r /></li> }
                            })
                            .collect_view()
                    }}
                </ol>
            </section>
        </article>
    }
}

/// One tally: "33/39 indicators met · 84,6%", its as-of and its source.
#[component]
fn Tally(headline: bool, line: crate::present::TallyLine, lang: RwSignal<Lang>) -> impl IntoView {
    let class = if headline { "tally headline" } else { "tally" };
    view! {
        <div class=class data-testid=if headline { "headline" } else { "tally" }>
            <p class="figure">
                <span class="fraction" data-testid="fraction">{line.fraction.clone()}</span>
                " "
                <span class="label">{move || t(lang.get(), Key::IndicatorsMet)}</span>
                " · "
                <span class="rate" data-testid="rate">{line.rate.clone()}</span>
            </p>
            <p class="as-of" data-testid="as-of">{move || t(lang.get(), Key::AsOf)} ": " {line.as_of.clone()}</p>
            <p class="pillar-split">{line.pillars.clone()}</p>
            <p class="source" data-testid="source">
                {move || t(lang.get(), Key::Source)}
                ": "
                {line
                    .sources
                    .iter()
                    .enumerate()
                    .map(|(i, r)| view! {
                        {(i > 0).then_some("; ")}
                        <SourceLink r=r.clone() />
                    })
                    .collect_view()}
            </p>
        </div>
    }
}

/// A link to a source. Validation has already refused every URL that is not http(s).
#[component]
fn SourceLink(r: SourceRef) -> impl IntoView {
    view! {
        <span class="source-ref">
            <a href=r.url rel="noopener noreferrer external" target="_blank">{r.title}</a>
            " ("
            {r.detail}
            ")"
        </span>
    }
}
