use std::sync::Arc;

use leptos::prelude::*;

use crate::app::set_query;
use crate::chart::{bars_chart, dumbbell_chart, Series};
use crate::fetch::Loaded;
use crate::i18n::{pillar_name, t, Key, Lang};
use crate::present::{self, source_ref, tally_line, SourceRef};
use crate::snapshot::{Pillar, Snapshot};
use crate::views::chart_figure::{ChartContext, ChartFigure, LegendEntry};

/// The ready state: the transparency page for one snapshot.
#[component]
pub fn Dashboard(loaded: Loaded, lang: RwSignal<Lang>) -> impl IntoView {
    let ctx = expect_context::<ChartContext>();
    let s = StoredValue::new(loaded.snapshot);
    // Reads the snapshot in the current language; every text on the page goes through this.
    let with = move |f: fn(Lang, &Snapshot) -> String| {
        Signal::derive(move || s.with_value(|s| f(lang.get(), s)))
    };

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
    let tallies = move || {
        s.with_value(|s| {
            s.tallies
                .iter()
                .enumerate()
                .map(|(i, tally)| (i == 0, tally_line(lang.get(), s, tally)))
                .collect::<Vec<_>>()
        })
    };
    let key = move |k: Key| Signal::derive(move || t(lang.get(), k).to_string());
    let year_label = move |first: bool| {
        Signal::derive(move || {
            s.with_value(|s| match (first, lang.get()) {
                (true, Lang::Vi) => format!("Kết quả {}", s.period.result_year),
                (true, Lang::En) => format!("{} result", s.period.result_year),
                (false, Lang::Vi) => format!("Mục tiêu {}", s.period.goal_year),
                (false, Lang::En) => format!("{} goal", s.period.goal_year),
            })
        })
    };
    let pillar_as_of = move || {
        s.with_value(|s| {
            s.pillar_tally()
                .map(|(t, _)| tally_line(lang.get(), s, t))
                .map(|l| format!("{} · {}", l.as_of, l.fraction))
                .unwrap_or_default()
        })
    };
    let sources_line = move |ids: fn(&Snapshot) -> Vec<String>| {
        Signal::derive(move || {
            s.with_value(|s| {
                let titles: Vec<String> = ids(s)
                    .iter()
                    .filter_map(|id| s.source(id))
                    .map(|x| x.title.clone())
                    .collect();
                format!("{}: {}", t(lang.get(), Key::Source), titles.join("; "))
            })
        })
    };

    let bars_legend = vec![
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
    ];
    let pillars_legend = bars_legend.clone();
    let indicator_legend = vec![
        LegendEntry {
            series: Series::Primary,
            label: year_label(true),
            swatch: "swatch-dot",
        },
        LegendEntry {
            series: Series::Secondary,
            label: year_label(false),
            swatch: "swatch-ring",
        },
    ];
    let context_legend = vec![
        LegendEntry {
            series: Series::Primary,
            label: Signal::derive(|| "2022".to_string()),
            swatch: "swatch-dot",
        },
        LegendEntry {
            series: Series::Secondary,
            label: Signal::derive(|| "2023".to_string()),
            swatch: "swatch-ring",
        },
    ];

    let draw_headline = Arc::new(move |w: f64, o: &crate::chart::Options| {
        s.with_value(|s| bars_chart(&present::headline_rows(lang.get(), s), w, o))
    });
    let draw_pillars = Arc::new(move |w: f64, o: &crate::chart::Options| {
        s.with_value(|s| bars_chart(&present::pillar_rows(lang.get(), s), w, o))
    });
    let draw_indicators = Arc::new(move |w: f64, o: &crate::chart::Options| {
        let l = lang.get();
        s.with_value(|s| {
            dumbbell_chart(
                &present::indicator_rows(l, s),
                &present::percent_ticks(l),
                w,
                o,
            )
        })
    });
    let draw_context = Arc::new(move |w: f64, o: &crate::chart::Options| {
        s.with_value(|s| dumbbell_chart(&present::context_rows(lang.get(), s), &[], w, o))
    });
    let on_indicator = Arc::new(|key: Option<String>| {
        // Mark keys are `indicator-id:from|to`; the URL names the indicator.
        let id = key
            .as_deref()
            .and_then(|k| k.split(':').next())
            .unwrap_or("");
        set_query("indicator", id);
    });
    let initial_indicator = crate::app::query("indicator").map(|id| format!("{id}:from"));

    let goals = move || {
        s.with_value(|s| {
            s.goals
                .iter()
                .map(|g| (lang.get().pick(&g.text).to_string(), g.sources.clone()))
                .collect::<Vec<_>>()
        })
    };
    let initiatives = move || s.with_value(|s| s.initiatives.clone());
    let others = move || {
        s.with_value(|s| {
            present::single_figures(s)
                .into_iter()
                .map(|c| {
                    let l = lang.get();
                    (
                        l.pick(&c.name).to_string(),
                        present::figure_text(l, c),
                        s.as_of_label(&c.as_of)
                            .map(|a| l.pick(a).to_string())
                            .unwrap_or_default(),
                        c.sources.clone(),
                    )
                })
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
                {move || tallies().into_iter().map(|(headline, line)| view! { <Tally headline=headline line=line lang=lang /> }).collect_view()}
            </section>
            <section class="unknowns" data-testid="unknowns">
                <h2>{move || t(lang.get(), Key::WhatIsUnknown)}</h2>
                <ul>{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
            <PillarPicker pillar=ctx.pillar lang=lang />
            <ChartFigure
                id="headline"
                title=key(Key::HeadlineChartTitle)
                subtitle=sources_line(|s| unique(s.tallies.iter().flat_map(|t| t.sources.clone())))
                summary=with(present::headline_summary)
                table=Signal::derive(move || s.with_value(|s| present::headline_table(lang.get(), s)))
                legend=bars_legend
                draw=draw_headline
            />
            <ChartFigure
                id="pillars"
                title=key(Key::PillarChartTitle)
                subtitle=Signal::derive(pillar_as_of)
                summary=with(present::pillar_summary)
                table=Signal::derive(move || s.with_value(|s| present::pillar_table(lang.get(), s)))
                legend=pillars_legend
                draw=draw_pillars
            />
            <ChartFigure
                id="indicators"
                title=key(Key::IndicatorChartTitle)
                subtitle=sources_line(|s| unique(s.indicators.iter().flat_map(|i| i.sources.clone())))
                summary=with(present::indicator_summary)
                table=Signal::derive(move || s.with_value(|s| present::indicator_table(lang.get(), s)))
                legend=indicator_legend
                draw=draw_indicators
                initial=initial_indicator.unwrap_or_default()
                on_select=on_indicator
                empty_pillar_note=key(Key::NoIndicatorInPillar)
            />
            <ChartFigure
                id="context"
                title=key(Key::ContextChartTitle)
                subtitle=sources_line(|s| unique(present::context_rows(Lang::Vi, s).iter().flat_map(|r| context_sources(s, &r.key))))
                summary=with(present::context_summary)
                table=Signal::derive(move || s.with_value(|s| present::context_table(lang.get(), s)))
                legend=context_legend
                draw=draw_context
            />
            <section class="cards" data-testid="goals">
                <h2>{move || t(lang.get(), Key::Goals)}</h2>
                <ul class="card-list">
                    {move || goals().into_iter().map(|(text, ids)| view! {
                        <li class="card"><p>{text}</p><SourceNote ids=ids /></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="cards" data-testid="initiatives">
                <h2>{move || t(lang.get(), Key::Initiatives)}</h2>
                <ul class="card-list">
                    {move || initiatives().into_iter().map(|i| {
                        let l = lang.get();
                        view! {
                            <li class="card">
                                <h3>{l.pick(&i.name).to_string()}</h3>
                                <p class="by">{l.pick(&i.by).to_string()}</p>
                                <p>{l.pick(&i.description).to_string()}</p>
                                <p class="services-label">{t(l, Key::Services)}":"</p>
                                <ul lang="vi">{i.services.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                <SourceNote ids=i.sources.clone() />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <section class="cards" data-testid="other-figures">
                <h2>{move || t(lang.get(), Key::OtherFigures)}</h2>
                <ul class="card-list figures">
                    {move || others().into_iter().map(|(name, value, as_of, ids)| view! {
                        <li class="card"><p class="figure-value">{value}</p><p>{name}</p><p class="as-of">{as_of}</p><SourceNote ids=ids /></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="methodology">
                <h2>{move || t(lang.get(), Key::Methodology)}</h2>
                <p>{move || t(lang.get(), Key::MethodologyText)}</p>
            </section>
            <section class="sources" id="sources">
                <h2>{move || t(lang.get(), Key::Sources)}</h2>
                <ol>
                    {move || sources().into_iter().map(|r| {
                        let id = format!("src-{}", r.id);
                        view! { <li id=id><SourceLink r=r /></li> }
                    }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

/// Ids in first-seen order, each once.
fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn context_sources(s: &Snapshot, series: &str) -> Vec<String> {
    s.context
        .iter()
        .filter(|c| c.series == series)
        .flat_map(|c| c.sources.clone())
        .collect()
}

/// "Nguồn: [1] [3]" — links to the entries of the sources list.
#[component]
fn SourceNote(ids: Vec<String>) -> impl IntoView {
    let lang = expect_context::<ChartContext>().lang;
    view! {
        <p class="source-note">
            {move || t(lang.get(), Key::Source)}": "
            {ids.iter().enumerate().map(|(i, id)| view! {
                {(i > 0).then_some(", ")}
                <a href=format!("#src-{id}")>{id.clone()}</a>
            }).collect_view()}
        </p>
    }
}

/// Buttons that choose a pillar to highlight in every chart; the choice goes into the URL.
#[component]
fn PillarPicker(pillar: RwSignal<Option<Pillar>>, lang: RwSignal<Lang>) -> impl IntoView {
    let choose = move |p: Option<Pillar>| {
        pillar.set(p);
        set_query("pillar", p.map_or("", |p| p.as_str()));
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
            <a href=r.url rel="noopener noreferrer external" target="_blank" lang="vi">{r.title}</a>
            " ("
            {r.detail}
            ")"
        </span>
    }
}
