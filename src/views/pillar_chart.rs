use leptos::prelude::*;

use crate::chart::draw::Theme;
use crate::chart::pillars::{layout, PillarRow};
use crate::chart::render_svg;

/// The pillar chart, drawn by plotters into SVG at the width of its container and redrawn when
/// that width changes.
#[component]
pub fn PillarChart(rows: Signal<Vec<PillarRow>>) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(360.0);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());

    let svg = move || rows.with(|r| render_svg(&layout(r, width.get()), &Theme::LIGHT));
    view! {
        <div class="chart" data-testid="pillar-chart" node_ref=container inner_html=svg></div>
    }
}
