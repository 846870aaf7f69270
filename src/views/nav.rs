//! The links between the pages of a snapshot, keeping the reader's language, theme and pinned
//! version.

use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::markup::class;
use crate::present;
use crate::route::{Route, View};
use crate::state::{page_base, route};

#[component]
pub fn PageNav(current: View, lang: RwSignal<Lang>) -> impl IntoView {
    let href = move |v: View| {
        let now = route();
        let keep = Route {
            lang: Some(lang.get()),
            theme: now.theme,
            snapshot: now.snapshot,
            version: now.version,
            ..Route::default()
        };
        format!("{}{}{}", page_base(), v.file(), keep.query())
    };
    view! {
        <nav class=class::PAGE_NAV aria-label=move || t(lang.get(), Key::Pages) data-testid="page-nav">
            {View::ALL.into_iter().map(|v| view! {
                <a
                    href=move || href(v)
                    data-view=v.as_str()
                    aria-current=(v == current).then_some("page")
                >
                    {move || present::page_name(lang.get(), v)}
                </a>
            }).collect_view()}
        </nav>
    }
}
