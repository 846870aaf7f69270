use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::load::LoadError;
use crate::present;
use crate::snapshot::Text;
use crate::state::{mark_ready, update_route};

/// The loading state. On a slow network it says how long it has waited, against the `deadline`
/// (seconds) after which the request is given up.
#[component]
pub fn Loading(lang: RwSignal<Lang>, deadline: u32) -> impl IntoView {
    let start = std::cell::Cell::new(js_sys::Date::now());
    let waited = RwSignal::new(0u32);
    let max = deadline;
    let root = NodeRef::<leptos::html::Div>::new();
    let handle = set_interval_with_handle(
        move || {
            // A `Suspense` keeps its fallback alive (to show it again when it suspends again), so
            // this timer outlives the loading: while the line is off the page, it only waits,
            // without a reactive update every half second for the life of the page.
            if root.get_untracked().is_some_and(|el| !el.is_connected()) {
                start.set(js_sys::Date::now());
                if waited.get_untracked() > 0 {
                    waited.set(0);
                }
                return;
            }
            let n = ((js_sys::Date::now() - start.get()) / 1000.0) as u32;
            waited.set(n);
            // While the pre-rendered page is on screen the app is hidden: its status line speaks.
            if n >= 2 {
                if let Some(line) = document().query_selector("#boot > .loading").ok().flatten() {
                    let n = n.min(max);
                    line.set_text_content(Some(&present::slow_network(
                        lang.get_untracked(),
                        n,
                        max,
                        true,
                    )));
                    let _ = line.set_attribute("data-testid", "slow");
                }
            }
        },
        std::time::Duration::from_millis(500),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    view! {
        <div class="loading" role="status" data-testid="loading" node_ref=root>
            <p>{move || t(lang.get(), Key::Loading)}</p>
            {move || (waited.get() >= 2).then(|| {
                let n = waited.get().min(max);
                view! {
                    <p data-testid="slow">
                        {present::slow_network(lang.get(), n, max, false)}
                    </p>
                    <progress max=max value=n aria-hidden="true"></progress>
                }
            })}
        </div>
    }
}

/// Chooses among the snapshots of the manifest (shown when there is more than one).
#[component]
pub fn SnapshotPicker(
    manifest: crate::snapshot::Manifest,
    selected: RwSignal<Option<String>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let current = move || selected.get().unwrap_or_else(|| manifest.default.clone());
    let entries = manifest.snapshots.clone();
    view! {
        <label class="snapshot-picker">
            <span>{move || t(lang.get(), Key::Dataset)}</span>
            <select data-testid="snapshot-picker" on:change=move |ev| {
                let id = event_target_value(&ev);
                update_route(|r| {
                    r.version = None;
                    r.indicator = None;
                    r.snapshot = Some(id.clone());
                });
                selected.set(Some(id));
            }>
                {entries.into_iter().map(|e| {
                    let id = e.id.clone();
                    let id2 = e.id.clone();
                    let current = current.clone();
                    view! {
                        <option value=id selected=move || current() == id2>{move || lang.get().pick(&e.title).to_string()}</option>
                    }
                }).collect_view()}
            </select>
        </label>
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
    // Each problem's words in both languages, worked out once: the list is not re-read.
    let problems: Vec<(String, Text)> = error
        .problems()
        .map(|p| {
            p.iter()
                .map(|p| {
                    let words = Text {
                        vi: p.kind.message(Lang::Vi),
                        en: p.kind.message(Lang::En),
                    };
                    (p.path.clone(), words)
                })
                .collect()
        })
        .unwrap_or_default();
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    mark_ready();
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
                    .map(|(path, words)| {
                        let other = words.clone();
                        view! {
                            <li data-testid="problem">
                                <code>{path}</code>
                                ": "
                                <span>{move || lang.get().pick(&words).to_string()}</span>
                                " "
                                <span class="other-lang" lang=move || lang.get().other().tag()>
                                    {move || lang.get().other().pick(&other).to_string()}
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
