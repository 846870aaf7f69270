use leptos::prelude::*;

use crate::app::set_query;
use crate::i18n::{t, Key, Lang};

/// The visible switch to the other language, labelled in that language ("English" / "Tiếng Việt").
#[component]
pub fn LanguageSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let switch = move |_| {
        let next = lang.get().other();
        lang.set(next);
        set_query("lang", next.tag());
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
