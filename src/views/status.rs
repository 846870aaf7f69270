use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::load::LoadError;

#[component]
pub fn Loading(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="loading">
            {move || t(lang.get(), Key::Loading)}
        </p>
    }
}

/// At most this many field problems are listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 20;

/// The error state: what failed, in which file, each problem with its field path, in the reader's
/// language first and the other language beside it; and a retry button.
#[component]
pub fn LoadErrorPanel(
    error: LoadError,
    lang: RwSignal<Lang>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let file = error.file().to_string();
    let problems: Vec<_> = error
        .problems()
        .map(|p| p.iter().cloned().collect())
        .unwrap_or_default();
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let error2 = error.clone();
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>{move || t(lang.get(), Key::LoadFailed)}</h2>
            <p class="summary">
                <span>{move || error.summary(lang.get())}</span>
                " "
                <span class="other-lang" lang=move || lang.get().other().tag()>
                    {move || error2.summary(lang.get().other())}
                </span>
            </p>
            <p class="file">
                {move || t(lang.get(), Key::ProblemsIn)} ": " <code data-testid="error-file">{file}</code>
            </p>
            <ul class="problems">
                {problems
                    .into_iter()
                    .take(SHOWN_PROBLEMS)
                    .map(|p| {
                        let kind = p.kind.clone();
                        view! {
                            <li data-testid="problem">
                                <code>{p.path.clone()}</code>
                                ": "
                                <span>{move || p.kind.message(lang.get())}</span>
                                " "
                                <span class="other-lang" lang=move || lang.get().other().tag()>
                                    {move || kind.message(lang.get().other())}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(hidden > 0).then(|| view! { <p>"+" {hidden} " …"</p> })}
            <button type="button" class="retry" data-testid="retry" on:click=move |_| on_retry()>
                {move || t(lang.get(), Key::Retry)}
            </button>
        </section>
    }
}
