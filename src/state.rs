//! Page-wide state and the link, for the shell (`app`) and every view alike (browser only).
//!
//! Below both: the shell provides these, the views read them, and neither imports the other for
//! them. The link is read and written through [`Route`], so no view builds or parses a query
//! string of its own.

use leptos::prelude::*;

use crate::chart_id::ChartId;
use crate::i18n::Lang;
use crate::route::Route;
use crate::snapshot::Loaded;
use crate::snapshot::Pillar;

/// The link the page was opened with (or last rewrote).
pub fn route() -> Route {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Route::parse(&search)
}

/// Rewrites the link without reloading, so a copied link opens the same view. The fragment
/// (`#chart-…`) and the parameters the app does not read are kept.
pub fn update_route(change: impl FnOnce(&mut Route)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut r = route();
    change(&mut r);
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{}{hash}", r.query());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The site's folder (`https://host/path/`): the page is its index, and embeds are files beside
/// it (`…/embed-pillars.html` links back to `…/`).
pub fn page_base() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let path = loc.pathname().unwrap_or_default();
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{}{dir}", loc.origin().unwrap_or_default())
}

/// What the page shares with every chart: language, chosen pillar, theme, the ranking shown.
#[derive(Clone, Copy)]
pub struct ChartContext {
    pub lang: RwSignal<Lang>,
    pub pillar: RwSignal<Option<Pillar>>,
    pub dark: Signal<bool>,
    /// The ranking the ranking chart shows (a ranking id), the default where `None`.
    pub ranking: RwSignal<Option<String>>,
}

/// Which snapshot version the page shows, for the version note, file names, pins and links.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotMeta {
    pub id: String,
    pub version: String,
    pub path: String,
    pub published: String,
    /// The newest version in the manifest.
    pub latest: String,
    /// Whether the link names the version.
    pub pinned: bool,
}

impl SnapshotMeta {
    pub fn new(loaded: &Loaded, route: &Route) -> SnapshotMeta {
        SnapshotMeta {
            id: loaded.entry.id.clone(),
            version: loaded.version.version.clone(),
            path: loaded.version.path.clone(),
            published: loaded.version.published.clone(),
            latest: loaded
                .entry
                .latest()
                .map(|v| v.version.clone())
                .unwrap_or_default(),
            pinned: route.pinned(),
        }
    }

    /// The full page in `lang` at one chart, pinned to this version or following the latest.
    pub fn page_link(&self, lang: Lang, chart: ChartId, pinned: bool) -> String {
        let pin = pinned.then_some((self.id.as_str(), self.version.as_str()));
        Route::page_link(&page_base(), lang, pin, chart)
    }
}

/// The app is laid out (invisibly) beside the pre-rendered page and revealed once the data are in
/// and every chart has drawn itself at its real width, so nothing moves when it takes over.
#[derive(Clone, Copy)]
pub struct AppReady {
    pub ready: RwSignal<bool>,
    /// Charts created but not yet drawn.
    pub pending: RwSignal<i32>,
}

/// Called by whatever the app shows first once the data are in (ready or error).
pub fn mark_ready() {
    if let Some(a) = use_context::<AppReady>() {
        Effect::new(move |_| a.ready.set(true));
    }
}

/// A chart counts itself in on creation and out on its first drawing (or when it goes away).
pub fn chart_pending() -> impl Fn() + Clone + Send + Sync + 'static {
    let a = use_context::<AppReady>();
    if let Some(a) = a {
        a.pending.update(|n| *n += 1);
    }
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    move || {
        if let Some(a) = a {
            if !done.swap(true, std::sync::atomic::Ordering::Relaxed) {
                a.pending.update(|n| *n -= 1);
            }
        }
    }
}

/// After a panic nothing in Rust runs again, so the panel is plain DOM, built without Leptos:
/// `lines` as `(lang tag, text)`, and a link that reloads the page, named by `reload` (`[vi,
/// en]`). Shown once, first in the body. The reader's app and the studio both end this way.
pub fn show_panic_panel(lines: [(&str, &str); 2], reload: [&str; 2]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic").is_some() {
        return;
    }
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic");
    for (tag, text) in lines {
        if let Ok(p) = doc.create_element("p") {
            let _ = p.set_attribute("lang", tag);
            p.set_text_content(Some(text));
            let _ = panel.append_child(&p);
        }
    }
    if let Ok(a) = doc.create_element("a") {
        let href = doc
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        a.set_text_content(Some(&format!("{} / {}", reload[0], reload[1])));
        let _ = panel.append_child(&a);
    }
    let _ = body.prepend_with_node_1(&panel);
}
