use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::chart::draw::Theme;
use crate::chart::pillars::{layout, PillarRow};
use crate::chart::render_svg;

/// The pillar chart, drawn by plotters into SVG at the width of its container and redrawn when
/// that width changes (a `ResizeObserver`, so rotating a phone or opening a sidebar both count).
#[component]
pub fn PillarChart(rows: Signal<Vec<PillarRow>>) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = use_width(container);
    let svg = move || {
        width
            .get()
            .map(|w| rows.with(|r| render_svg(&layout(r, w), &Theme::LIGHT)))
    };
    view! { <div class="chart" data-testid="pillar-chart" node_ref=container inner_html=svg></div> }
}

/// The content width of `el` in CSS px, once it is known, kept up to date.
fn use_width(el: NodeRef<leptos::html::Div>) -> ReadSignal<Option<f64>> {
    let (width, set_width) = signal(None::<f64>);
    Effect::new(move |_| {
        let Some(node) = el.get() else { return };
        let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let w = entry.content_rect().width().floor();
            // Sub-pixel jitter would redraw for nothing.
            if w > 0.0
                && width
                    .get_untracked()
                    .is_none_or(|old: f64| (old - w).abs() >= 1.0)
            {
                set_width.set(Some(w));
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            // No ResizeObserver: draw once at the width the element has now.
            set_width.set(Some(f64::from(node.client_width()).max(280.0)));
            return;
        };
        observer.observe(&node);
        let keep = send_wrapper::SendWrapper::new((observer, on_resize));
        on_cleanup(move || keep.0.disconnect());
    });
    width
}
