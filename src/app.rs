//! The app shell: panic panel, the page-wide state from the link, and the three honest states
//! (loading, error, ready). It provides what `state` defines; the views read it from there.

use leptos::prelude::*;

use crate::chart_id::{ChartId, FigureId};
use crate::fetch;
use crate::hooks::use_prefers_dark;
use crate::i18n::{t, Key, Lang};
use crate::markup::class;
use crate::route::View;
use crate::state::{route, AppReady, ChartContext};
use crate::views::{
    Brand, Dashboard, EmbedView, LanguageSwitch, LoadErrorPanel, Loading, RankingPage,
    SnapshotPicker,
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

/// A WASM panic must never leave a blank page: the panel says so in both languages.
fn show_panic_panel() {
    let line = |lang| format!("{}. {}", t(lang, Key::PanicTitle), t(lang, Key::PanicBody));
    crate::state::show_panic_panel(
        [
            (Lang::Vi.tag(), &line(Lang::Vi)),
            (Lang::En.tag(), &line(Lang::En)),
        ],
        [t(Lang::Vi, Key::Reload), t(Lang::En, Key::Reload)],
    );
}

/// The chart whose pre-rendered mark has the focus, if any (named by its figure's id).
fn focused_static_chart(boot: &web_sys::Element) -> Option<ChartId> {
    let active = document().active_element()?;
    if !boot.contains(Some(&active)) {
        return None;
    }
    let figure = active.closest(".chart-figure").ok().flatten()?;
    FigureId::parse(&figure.id()).map(|f| f.chart)
}

#[component]
pub fn App() -> impl IntoView {
    let link = route();
    let lang = RwSignal::new(link.lang());
    // An embed is `embed-CHART.html` (its chart pre-rendered, named by `<html data-embed>`) or,
    // as first published, `?embed=CHART` on the page.
    let embed = link.embed.or_else(|| {
        document()
            .document_element()?
            .get_attribute("data-embed")
            .and_then(|e| ChartId::parse(&e))
    });
    // The page: the ranking page's own file says so (`<html data-view>`), as `?view=` does.
    let page = link
        .view
        .or_else(|| {
            document()
                .document_element()?
                .get_attribute("data-view")
                .and_then(|v| View::parse(&v))
        })
        .unwrap_or_default();
    // This WASM may draw one page alone (see `View::in_build`): a link to the other page, or to
    // the embed of one of its charts, goes to that page's file with the whole link kept. The
    // loader does so before any WASM is fetched; this is for a page served without it.
    let wanted = embed.map_or(page, View::of);
    if !wanted.in_build() {
        let location = window().location();
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let file = match wanted.file() {
            "" => "./",
            f => f,
        };
        let _ = location.replace(&format!("{file}{search}{hash}"));
        return view! { <Loading lang=lang deadline=fetch::TIMEOUT_SECONDS /> }.into_any();
    }
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        // The same titles as the pre-rendered pages: the chart's in an embed, the site's else.
        document().set_title(&match embed {
            Some(_) => crate::present::document_title(l, embed),
            None => crate::present::page_title(l, page),
        });
    });
    provide_context(lang);
    let pillar = RwSignal::new(link.pillar);
    // `?theme=light|dark` forces a theme (embeds on a host page of either colour); else the
    // reader's system setting decides.
    let forced = link.theme.and_then(|t| t.forced_dark());
    if let (Some(t), Some(html)) = (link.theme, document().document_element()) {
        if t.forced_dark().is_some() {
            let _ = html.set_attribute("data-theme", t.as_str());
        }
    }
    let dark = match forced {
        Some(d) => Signal::stored(d),
        None => use_prefers_dark(),
    };
    let ranking = RwSignal::new(link.ranking.clone());
    provide_context(ChartContext {
        lang,
        pillar,
        dark,
        ranking,
    });
    if embed.is_some() {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("class", "embedded");
        }
    }

    // One load: the manifest, then the snapshot. The manifest is kept even when the snapshot
    // fails, so the picker of the other snapshots keeps working beside the error.
    let selected = RwSignal::new(link.snapshot.clone());
    let data = LocalResource::new(move || {
        let id = selected.get();
        async move {
            match fetch::load_manifest().await {
                Err(e) => (None, Err(e)),
                Ok(m) => {
                    let result = fetch::load(m.clone(), id, route().version).await;
                    (Some(m), result)
                }
            }
        }
    });
    let retry = move || data.refetch();

    // The browser tests prove that a panic shows the panel rather than a blank page; this is the
    // only way to cause one on purpose, and it changes no figure.
    if link.panic_test {
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
                        .query_selector(&format!("[data-testid=chart-{}]", id.as_str()))
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
                <Suspense fallback=move || view! { <Loading lang=lang deadline=fetch::TIMEOUT_SECONDS /> }>
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
        <header class=class::SITE>
            <Brand lang=lang />
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
            <Suspense fallback=move || view! { <Loading lang=lang deadline=fetch::TIMEOUT_SECONDS /> }>
                {move || Suspend::new(async move {
                    match data.await.1 {
                        // Only this build's pages are compiled in (the others went above).
                        Ok(loaded) => match page {
                            View::Overview if View::Overview.in_build() => view! { <Dashboard loaded=loaded lang=lang /> }.into_any(),
                            View::Ranking if View::Ranking.in_build() => view! { <RankingPage loaded=loaded lang=lang /> }.into_any(),
                            _ => ().into_any(),
                        },
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
