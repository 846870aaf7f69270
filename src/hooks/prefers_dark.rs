//! `prefers-color-scheme: dark`, live, so the charts switch with the system theme.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the reader's system asks for dark colours, following changes; the listener is removed
/// when the calling component goes away.
pub fn use_prefers_dark() -> Signal<bool> {
    let Some(mql) = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok())
        .flatten()
    else {
        return Signal::stored(false);
    };
    let dark = RwSignal::new(mql.matches());
    let source = mql.clone();
    let on_change = Closure::<dyn Fn()>::new(move || dark.set(source.matches()));
    let _ = mql.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    let keep = send_wrapper::SendWrapper::new((mql, on_change));
    on_cleanup(move || {
        let (mql, on_change) = &*keep;
        let _ =
            mql.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    });
    dark.into()
}
