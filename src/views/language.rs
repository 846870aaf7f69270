use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::state::update_route;

/// The visible switch to the other language, labelled in that language ("English" / "Tiếng Việt").
#[component]
pub fn LanguageSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let switch = move |_| {
        let next = lang.get().other();
        lang.set(next);
        update_route(|r| r.lang = Some(next));
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            lang=move || lang.get().other().tag()
            on:click=switch
        >
            {move || t(lang.get(), Key::SwitchLanguage)}
        </button>
    }
}
