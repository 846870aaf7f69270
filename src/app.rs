//! The app shell: panic panel, URL state, and the three honest states (loading, error, ready).

use leptos::prelude::*;

use crate::chart_id::ChartId;
use crate::fetch;
use crate::i18n::{t, Key, Lang};
use crate::snapshot::Pillar;
use crate::views::{
    ChartContext, Dashboard, EmbedView, LanguageSwitch, LoadErrorPanel, Loading, SnapshotPicker,
};

/// Installs the panic panel and mounts the app in place of the static loading text.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_panel();
    }));
    // A plain loading line goes at once; a pre-rendered page stays until the app can replace it.
    if let Some(boot) = document().get_element_by_id("boot") {
        if !boot.class_list().contains("prerendered") {
            boot.remove();
        }
    }
    leptos::mount::mount_to_body(App);
}

/// A WASM panic must never leave a blank page: after it, nothing in Rust runs again, so the panel
/// is plain DOM, built without Leptos, with a link that reloads the page.
fn show_panic_panel() {
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
    for (lang, title, body_text) in [
        (
            Lang::Vi,
            t(Lang::Vi, Key::PanicTitle),
            t(Lang::Vi, Key::PanicBody),
        ),
        (
            Lang::En,
            t(Lang::En, Key::PanicTitle),
            t(Lang::En, Key::PanicBody),
        ),
    ] {
        if let Ok(p) = doc.create_element("p") {
            let _ = p.set_attribute("lang", lang.tag());
            p.set_text_content(Some(&format!("{title}. {body_text}")));
            let _ = panel.append_child(&p);
        }
    }
    if let Ok(a) = doc.create_element("a") {
        let href = doc
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        a.set_text_content(Some(&format!(
            "{} / {}",
            t(Lang::Vi, Key::Reload),
            t(Lang::En, Key::Reload)
        )));
        let _ = panel.append_child(&a);
    }
    let _ = body.prepend_with_node_1(&panel);
}

/// Called by whatever the app shows first once the data are in (ready or error): the
/// pre-rendered page, if any, gives way to the app in the same frame, so nothing shifts.
/// The app is laid out (invisibly) beside the pre-rendered page and revealed once the data are in
/// and every chart has drawn itself at its real width, so nothing moves when it takes over.
#[derive(Clone, Copy)]
pub struct AppReady {
    pub ready: RwSignal<bool>,
    /// Charts created but not yet drawn.
    pub pending: RwSignal<i32>,
}

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

/// The chart (`pillars`, …) whose pre-rendered mark has the focus, if any: its figure is
/// `chart-ID` (or `chart-ID-LANG`).
fn focused_static_chart(boot: &web_sys::Element) -> Option<String> {
    let active = document().active_element()?;
    if !boot.contains(Some(&active)) {
        return None;
    }
    let figure = active.closest(".chart-figure").ok().flatten()?;
    let id = figure.id();
    let rest = id.strip_prefix("chart-")?;
    ChartId::parse(rest.split('-').next()?).map(|c| c.as_str().to_string())
}

/// Follows `prefers-color-scheme: dark`, live, so the charts switch with the system theme.
fn prefers_dark() -> Signal<bool> {
    let Some(mql) = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok())
        .flatten()
    else {
        return Signal::stored(false);
    };
    let dark = RwSignal::new(mql.matches());
    let mql2 = mql.clone();
    let on_change =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || dark.set(mql2.matches()));
    let _ = mql.add_event_listener_with_callback(
        "change",
        wasm_bindgen::JsCast::unchecked_ref(on_change.as_ref()),
    );
    // The listener lives as long as the page.
    on_change.forget();
    dark.into()
}

/// Reads `name` from the page's query string.
pub fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

/// Writes `name=value` into the URL without reloading, so a copied link opens the same view.
pub fn set_query(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(search) = location.search() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if value.is_empty() {
        params.delete(name);
    } else {
        params.set(name, value);
    }
    let path = location.pathname().unwrap_or_default();
    let url = format!("{path}?{}", String::from(params.to_string()));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(
        query("lang")
            .and_then(|l| Lang::from_tag(&l))
            .unwrap_or_default(),
    );
    // An embed is `embed-CHART.html` (its chart pre-rendered, named by `<html data-embed>`) or,
    // as first published, `?embed=CHART` on the page.
    let embed = query("embed")
        .or_else(|| document().document_element()?.get_attribute("data-embed"))
        .and_then(|e| ChartId::parse(&e));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        // The same titles as the pre-rendered pages: the chart's in an embed, the site's else.
        document().set_title(&match embed {
            Some(chart) => format!(
                "{} · {}",
                crate::present::chart_title(l, chart),
                t(l, Key::AppName)
            ),
            None => format!("{} · {}", t(l, Key::AppName), t(l, Key::Tagline)),
        });
    });
    provide_context(lang);
    let pillar = RwSignal::new(
        query("pillar").and_then(|p| Pillar::ALL.into_iter().find(|x| x.as_str() == p)),
    );
    // `?theme=light|dark` forces a theme (embeds on a host page of either colour); else the
    // reader's system setting decides.
    let theme = query("theme");
    let forced = match theme.as_deref() {
        Some("dark") => Some(true),
        Some("light") => Some(false),
        _ => None,
    };
    if let (Some(t), Some(html)) = (theme.as_deref(), document().document_element()) {
        if t == "dark" || t == "light" {
            let _ = html.set_attribute("data-theme", t);
        }
    }
    let dark = match forced {
        Some(d) => Signal::stored(d),
        None => prefers_dark(),
    };
    provide_context(ChartContext { lang, pillar, dark });
    if embed.is_some() {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("class", "embedded");
        }
    }

    // One load: the manifest, then the snapshot. The manifest is kept even when the snapshot
    // fails, so the picker of the other snapshots keeps working beside the error.
    let selected = RwSignal::new(query("snapshot"));
    let data = LocalResource::new(move || {
        let id = selected.get();
        async move {
            match fetch::load_manifest().await {
                Err(e) => (None, Err(e)),
                Ok(m) => {
                    let result = fetch::load(m.clone(), id, query("v")).await;
                    (Some(m), result)
                }
            }
        }
    });
    let retry = move || data.refetch();

    // The browser tests prove that a panic shows the panel rather than a blank page; this is the
    // only way to cause one on purpose, and it changes no figure.
    if query("panic-test").is_some() {
        request_animation_frame(|| panic!("panic-test requested in the URL"));
    }

    let prerendered = document()
        .get_element_by_id("boot")
        .is_some_and(|b| b.class_list().contains("prerendered"));
    let ready = RwSignal::new(!prerendered);
    let pending = RwSignal::new(0);
    provide_context(AppReady { ready, pending });
    let revealed = Memo::new(move |_| ready.get() && pending.get() <= 0);
    Effect::new(move |_| {
        if revealed.get() {
            if let Some(boot) = document().get_element_by_id("boot") {
                let focused = focused_static_chart(&boot);
                boot.remove();
                // A reader who had tabbed into a pre-rendered chart keeps their place.
                if let Some(area) = focused.and_then(|id| {
                    document()
                        .query_selector(&format!("[data-testid=chart-{id}]"))
                        .ok()
                        .flatten()
                }) {
                    if let Ok(area) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(area) {
                        let _ = area.focus();
                    }
                }
            }
        }
    });

    if let Some(chart) = embed {
        return view! {
            <main id="main" class="embed-main" class:pending=move || !revealed.get()>
                <Suspense fallback=move || view! { <Loading lang=lang /> }>
                    {move || Suspend::new(async move {
                        match data.await.1 {
                            Ok(loaded) => view! { <EmbedView loaded=loaded chart=chart lang=lang /> }.into_any(),
                            Err(error) => view! { <LoadErrorPanel error=error lang=lang on_retry=retry /> }.into_any(),
                        }
                    })}
                </Suspense>
            </main>
        }
        .into_any();
    }

    view! {
        <div id="app" class:pending=move || !revealed.get()>
        <header class="site">
            <p class="brand">
                <span class="name">{move || t(lang.get(), Key::AppName)}</span>
                <span class="tagline">{move || t(lang.get(), Key::Tagline)}</span>
            </p>
            <div class="site-controls">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        data
                            .await
                            .0
                            .filter(|m| m.snapshots.len() > 1)
                            .map(|m| view! { <SnapshotPicker manifest=m selected=selected lang=lang /> })
                    })}
                </Suspense>
                <LanguageSwitch lang=lang />
            </div>
        </header>
        <main id="main">
            <Suspense fallback=move || view! { <Loading lang=lang /> }>
                {move || Suspend::new(async move {
                    match data.await.1 {
                        Ok(loaded) => view! { <Dashboard loaded=loaded lang=lang /> }.into_any(),
                        Err(error) => {
                            view! { <LoadErrorPanel error=error lang=lang on_retry=retry /> }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </main>
        </div>
    }
    .into_any()
}
