//! The embed view: one chart alone, with its title, as-of, source, data version and a link back
//! to the full page; it tells the host page its height, and listens to nothing.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::export::ChartId;
use crate::fetch::Loaded;
use crate::i18n::{t, Key, Lang};
use crate::views::chart_figure::ChartFigure;
use crate::views::charts;
use crate::views::dashboard::{meta, VersionNote};
use crate::views::tools::page_url;

#[component]
pub fn EmbedView(loaded: Loaded, chart: ChartId, lang: RwSignal<Lang>) -> impl IntoView {
    let m = meta(&loaded);
    let full_page = page_url(&m, lang.get_untracked(), chart, m.pinned);
    provide_context(m);
    let s = StoredValue::new(loaded.snapshot);
    let spec = charts::spec(chart, s, lang);
    post_height();
    crate::app::mark_ready();
    // Invisible (but laid out, so the chart can measure itself) until the chart has drawn at its
    // real width: nothing on screen moves when it appears.
    let app = use_context::<crate::app::AppReady>();
    let shown = move || app.is_none_or(|a| a.ready.get() && a.pending.get() <= 0);
    view! {
        <div class="embed" data-testid="embed" class:pending=move || !shown()>
            <ChartFigure spec=spec />
            <footer class="embed-footer">
                <VersionNote lang=lang />
                <a href=full_page target="_blank" rel="noopener" data-testid="full-page-link">
                    {move || t(lang.get(), Key::SeeFullPage)}
                </a>
            </footer>
        </div>
    }
}

/// Sends the page's height to the host page now and whenever it changes. Only the height is sent
/// (there is nothing secret in it, so to any origin); no message is ever read.
fn post_height() {
    let Some(win) = web_sys::window() else { return };
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let Some(root) = win.document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = std::cell::Cell::new(-1.0);
    let root2 = root.clone();
    let send = Closure::<dyn Fn()>::new(move || {
        let h = root2.get_bounding_client_rect().height().ceil();
        if (h - last.get()).abs() < 1.0 {
            return;
        }
        last.set(h);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"chiso:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
        let _ = parent.post_message(&msg, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    send.forget();
}
