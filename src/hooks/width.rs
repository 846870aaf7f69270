//! The content width of an element, kept up to date by a `ResizeObserver`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The content width of `el` in CSS px, once known, kept up to date (a rotated phone or an opened
/// sidebar both redraw the chart at its new width). The observer is disconnected when the calling
/// component goes away.
pub fn use_width(el: NodeRef<leptos::html::Div>) -> ReadSignal<Option<f64>> {
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
                // Every chart's observer reports in the same frame; drawing each in a task of its
                // own keeps the main thread free to answer the reader between them.
                set_timeout(move || set_width.set(Some(w)), std::time::Duration::ZERO);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            set_width.set(Some(f64::from(node.client_width()).max(280.0)));
            return;
        };
        observer.observe(&node);
        let keep = send_wrapper::SendWrapper::new((observer, on_resize));
        on_cleanup(move || keep.0.disconnect());
    });
    width
}
