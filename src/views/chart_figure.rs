//! One chart as a figure: title, as-of, legend, the plotters drawing, tooltips for pointer,
//! keyboard and touch, a text summary and a "view as table" switch with the same numbers.
//!
//! The drawing is the static layer: plotters draws it once per (data, width, options). Hover and
//! focus are an HTML overlay positioned from the same layout the hit-testing uses, so moving the
//! pointer never redraws the chart.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::mark::MarkKey;
use crate::chart::{hit, step, Options, Series};
use crate::chart_id::FigureId;
use crate::hooks::use_width;
use crate::i18n::{t, Key};
use crate::markup::class;
use crate::present::Table;
use crate::state::{chart_pending, ChartContext};
use crate::views::charts::ChartSpec;
use crate::views::shared::{Legend, SourceLinks};
use crate::views::tools::ChartTools;
use crate::views::tooltip;

#[component]
pub fn ChartFigure(
    spec: ChartSpec,
    /// Show the journalist's tools (embed, downloads, share).
    #[prop(optional)]
    tools: bool,
    /// The mark to open on load (from the link).
    #[prop(default = None)]
    initial: Option<MarkKey>,
    /// Called with the key of the mark a reader chose (click, tap, Enter).
    #[prop(optional)]
    on_select: Option<Arc<dyn Fn(Option<MarkKey>) + Send + Sync>>,
    /// Shown under the chart when a pillar is chosen and no mark belongs to it.
    #[prop(optional, into)]
    empty_pillar_note: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = expect_context::<ChartContext>();
    let lang = ctx.lang;
    let id = spec.id.as_str();
    let figure_id = FigureId::page(spec.id).to_string();
    let ChartSpec {
        title,
        as_of,
        sources,
        summary,
        table,
        legend,
        notes,
        draw,
        ..
    } = spec.clone();
    let hidden = RwSignal::new(Vec::<Series>::new());
    let show_table = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let pending_initial = StoredValue::new(initial);

    let area = NodeRef::<leptos::html::Div>::new();
    let width = use_width(area);
    let drawn_once = chart_pending();
    let drawn_once2 = drawn_once.clone();
    on_cleanup(drawn_once2);
    let drawn = Memo::new(move |_| {
        let w = width.get()?;
        let options = Options {
            theme: if ctx.dark.get() {
                crate::chart::Theme::DARK
            } else {
                crate::chart::Theme::LIGHT
            },
            highlight: ctx.pillar.get(),
            hidden: hidden.get(),
        };
        Some(draw(w, &options))
    });
    // A new drawing may have other marks (a series hidden): close any tooltip, except the one the
    // URL asked for, which opens on the first drawing.
    Effect::new(move |_| {
        let Some(d) = drawn.get() else { return };
        drawn_once();
        let wanted = pending_initial.try_update_value(|v| v.take()).flatten();
        match wanted.and_then(|k| d.marks.iter().position(|m| m.key == k)) {
            Some(i) => active.set(Some(i)),
            None => {
                if active.get_untracked().is_some_and(|i| i >= d.marks.len()) {
                    active.set(None);
                }
            }
        }
    });

    let marks_len = move || drawn.with(|d| d.as_ref().map_or(0, |d| d.marks.len()));
    let select = move |i: Option<usize>| {
        active.set(i);
        if let Some(cb) = &on_select {
            let key = i.and_then(|i| {
                drawn.with_untracked(|d| {
                    d.as_ref()
                        .and_then(|d| d.marks.get(i).map(|m| m.key.clone()))
                })
            });
            cb(key);
        }
    };
    let select = Arc::new(select);

    let local_point = move |x: f64, y: f64| -> Option<(f64, f64)> {
        let el = area.get_untracked()?;
        let r = el.get_bounding_client_rect();
        Some((x - r.left(), y - r.top()))
    };
    let hit_at = move |x: f64, y: f64, slop: f64| -> Option<usize> {
        let (lx, ly) = local_point(x, y)?;
        drawn.with_untracked(|d| d.as_ref().and_then(|d| hit(&d.marks, lx, ly, slop)))
    };

    // A mouse sends a move for every pixel: most stay on the mark already open, and setting the
    // signal anyway would notify everything that reads it, for nothing.
    let point = move |i: Option<usize>| {
        if active.get_untracked() != i {
            active.set(i);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            point(hit_at(
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
                4.0,
            ));
        }
    };
    let on_leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            point(None);
        }
    };
    let sel_down = select.clone();
    let on_down = move |ev: web_sys::PointerEvent| {
        // A finger is wide: accept a near miss, and a second tap on the same mark closes it.
        let slop = if ev.pointer_type() == "mouse" {
            4.0
        } else {
            16.0
        };
        let i = hit_at(f64::from(ev.client_x()), f64::from(ev.client_y()), slop);
        if ev.pointer_type() != "mouse" && i.is_some() && i == active.get_untracked() {
            sel_down(None);
        } else {
            sel_down(i);
        }
    };
    let sel_key = select.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = marks_len();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => step(n, active.get_untracked(), true),
            "ArrowLeft" | "ArrowUp" => step(n, active.get_untracked(), false),
            "Home" if n > 0 => Some(0),
            "End" if n > 0 => Some(n - 1),
            "Escape" => {
                if active.get_untracked().is_some() {
                    ev.prevent_default();
                    sel_key(None);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        sel_key(next);
    };
    let on_blur = move |_| active.set(None);

    let tooltip_id = format!("{id}-tooltip");
    let tip = std::cell::RefCell::new(None);
    let overlay = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(overlay) = overlay.get() else { return };
        // The live region is the overlay's last child (the boxes go in before it).
        let Some(live) = overlay.last_element_child() else {
            return;
        };
        let i = active.get();
        drawn.with(|d| {
            let (mark, width) = d
                .as_ref()
                .map_or((None, 0.0), |d| (i.and_then(|i| d.marks.get(i)), d.width));
            tip.replace_with(|old| {
                tooltip::update(&overlay, &live, old.take(), mark, width, &tooltip_id)
            });
        });
    });
    let help_id = format!("{id}-help");
    let summary_id = format!("{id}-summary");
    let empty_note = move || {
        let note = empty_pillar_note?;
        let p = ctx.pillar.get()?;
        let any = drawn.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.marks.iter().any(|m| m.pillar == Some(p)))
        });
        (!any).then(|| note.get())
    };

    view! {
        <figure class="chart-figure" data-testid=format!("figure-{id}") id=figure_id>
            <figcaption>
                <h2 class="chart-title">{move || title.get()}</h2>
                <p class="chart-subtitle" data-testid=format!("as-of-{id}")>{move || as_of.get()}</p>
                <p class="chart-subtitle" data-testid=format!("source-{id}")>
                    {move || t(lang.get(), Key::Source)} ": " {move || view! { <SourceLinks refs=sources.get() /> }}
                </p>
            </figcaption>
            <div class="chart-tools">
                <Legend items=legend hidden=hidden lang=lang />
                <button
                    type="button"
                    class="table-switch"
                    data-testid=format!("table-switch-{id}")
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|v| *v = !*v)
                >
                    {move || t(lang.get(), if show_table.get() { Key::ViewChart } else { Key::ViewTable })}
                </button>
            </div>
            <div class="chart-body" hidden=move || show_table.get()>
                <div
                    class="chart-area"
                    data-testid=format!("chart-{id}")
                    node_ref=area
                    tabindex="0"
                    role="group"
                    aria-roledescription=move || t(lang.get(), Key::Chart)
                    aria-label=move || title.get()
                    aria-describedby=format!("{summary_id} {help_id}")
                    on:pointermove=on_move
                    on:pointerleave=on_leave
                    on:pointerdown=on_down
                    on:keydown=on_key
                    on:blur=on_blur
                    style:height=move || drawn.with(|d| d.as_ref().map(|d| format!("{}px", d.height)))
                >
                    <div class="chart-svg" aria-hidden="true" inner_html=move || drawn.with(|d| d.as_ref().map(|d| d.svg.clone()))></div>
                    // Where views/tooltip.rs draws the open mark's outline and tooltip, and says
                    // it to screen readers (the live region: after the tooltip, as ever).
                    <div class="chart-overlay" node_ref=overlay>
                        <p class="sr-only" aria-live="polite"></p>
                    </div>
                </div>
                <p class="chart-help" id=help_id>{move || t(lang.get(), Key::ChartHelp)}</p>
                {move || empty_note().map(|n| view! { <p class="chart-note" data-testid=format!("empty-note-{id}")>{n}</p> })}
            </div>
            <div class="chart-table" data-testid=format!("table-{id}") hidden=move || !show_table.get()>
                // Built when asked for: most readers never open it, and a table held by the app
                // costs memory on every phone (the indicators table alone is hundreds of nodes).
                {move || show_table.get().then(|| view! { <TableView table=table /> })}
            </div>
            {move || {
                let n = notes.get();
                (!n.is_empty()).then(|| view! {
                    <ol class=class::CHART_NOTES data-testid=format!("notes-{id}")>
                        {n.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}
                    </ol>
                })
            }}
            <p class="chart-summary" id=summary_id data-testid=format!("summary-{id}")>{move || summary.get()}</p>
            {tools.then(|| view! { <ChartTools spec=spec drawn=drawn dark=ctx.dark lang=lang /> })}
        </figure>
    }
}

#[component]
fn TableView(table: Signal<Table>) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || table.with(|t| t.head.join(", "))>
            <table>
                <thead>
                    <tr>{move || table.with(|t| t.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr>
                </thead>
                <tbody>
                    {move || table.with(|t| t.rows.iter().map(|row| view! {
                        <tr>{row.iter().enumerate().map(|(i, c)| if i == 0 {
                            view! { <th scope="row">{c.clone()}</th> }.into_any()
                        } else {
                            view! { <td>{c.clone()}</td> }.into_any()
                        }).collect_view()}</tr>
                    }).collect_view())}
                </tbody>
            </table>
        </div>
    }
}
