//! The preview: the snapshot as readers will see it once published, drawn by the reader's own
//! components (`views::Dashboard`, `views::RankingPage`) with every chart, in either language,
//! at a phone's width or a desktop's. The charts follow their container's width as they follow
//! a reader's screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::page::Both;
use super::words::W;
use crate::hooks::use_prefers_dark;
use crate::i18n::Lang;
use crate::present::page_name;
use crate::route::View;
use crate::snapshot::Loaded;
use crate::state::ChartContext;
use crate::views::{Dashboard, RankingPage};

#[component]
pub fn Preview(loaded: Loaded) -> impl IntoView {
    let lang = RwSignal::new(Lang::Vi);
    let phone = RwSignal::new(false);
    let page = RwSignal::new(View::Overview);
    provide_context(ChartContext {
        lang,
        pillar: RwSignal::new(None),
        dark: use_prefers_dark(),
        ranking: RwSignal::new(None),
    });
    let loaded = StoredValue::new(loaded);
    // The page's own links between its pages switch the preview's page instead of leaving the
    // studio for the published site.
    let on_click = move |ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[data-view]").ok().flatten());
        if let Some(view) = link
            .and_then(|a| a.get_attribute("data-view"))
            .and_then(|v| View::parse(&v))
        {
            ev.prevent_default();
            page.set(view);
        }
    };
    let choice = move |pressed: Signal<bool>,
                       on: Box<dyn Fn() + Send + Sync>,
                       label: AnyView,
                       id: &'static str| {
        view! {
            <button type="button" data-testid=id aria-pressed=move || pressed.get().to_string() on:click=move |_| on()>
                {label}
            </button>
        }
    };
    view! {
        <section class="studio-step" aria-labelledby="step-preview" data-testid="studio-preview-step">
            <h2 id="step-preview"><Both w=W::StepPreview /></h2>
            <p><Both w=W::PreviewIntro /></p>
            <div class="preview-controls">
                <div role="group" aria-labelledby="preview-lang-label">
                    <span id="preview-lang-label" class="picker-label"><Both w=W::PageLanguage /></span>
                    {choice(Signal::derive(move || lang.get() == Lang::Vi), Box::new(move || lang.set(Lang::Vi)),
                        view! { <span lang="vi">{W::Vietnamese.words()[0]}</span> }.into_any(), "preview-vi")}
                    {choice(Signal::derive(move || lang.get() == Lang::En), Box::new(move || lang.set(Lang::En)),
                        view! { <span lang="en">{W::English.words()[1]}</span> }.into_any(), "preview-en")}
                </div>
                <div role="group" aria-labelledby="preview-width-label">
                    <span id="preview-width-label" class="picker-label"><Both w=W::Width /></span>
                    {choice(Signal::derive(move || phone.get()), Box::new(move || phone.set(true)),
                        view! { <Both w=W::Phone /> }.into_any(), "preview-phone")}
                    {choice(Signal::derive(move || !phone.get()), Box::new(move || phone.set(false)),
                        view! { <Both w=W::Desktop /> }.into_any(), "preview-desktop")}
                </div>
                <div role="group" aria-labelledby="preview-page-label">
                    <span id="preview-page-label" class="picker-label"><Both w=W::Page /></span>
                    {View::ALL.into_iter().map(|v| choice(
                        Signal::derive(move || page.get() == v),
                        Box::new(move || page.set(v)),
                        view! { <span lang="vi">{page_name(Lang::Vi, v)}</span> " " <span class="other-lang" lang="en">{page_name(Lang::En, v)}</span> }.into_any(),
                        if v == View::Overview { "preview-overview" } else { "preview-ranking" },
                    )).collect_view()}
                </div>
            </div>
            <div class="preview-scroll" tabindex="0" role="region" aria-labelledby="step-preview">
                <div
                    class="preview-frame"
                    class:phone=move || phone.get()
                    data-testid="studio-preview"
                    data-width=move || if phone.get() { "phone" } else { "desktop" }
                    lang=move || lang.get().tag()
                    on:click=on_click
                >
                    {move || {
                        let l = loaded.get_value();
                        match page.get() {
                            View::Overview => view! { <Dashboard loaded=l lang=lang /> }.into_any(),
                            View::Ranking => view! { <RankingPage loaded=l lang=lang /> }.into_any(),
                        }
                    }}
                </div>
            </div>
        </section>
    }
}
