//! The studio page: the way in (a file chosen or dropped, or JSON pasted), the problems, and once
//! the snapshot is ready the preview, the comparison and the take-away (`published`). Every
//! phrase is said in Vietnamese first and in English beside it.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{files_of, read_files, show_panic_panel, today, Read};
use super::check::{check, Checked};
use super::problems::Problems;
use super::published::{load_published, Outcome};
use super::words::W;
use crate::import::Input;

/// The template a data editor starts from, copied into the site by the build.
const TEMPLATE: &str = "templates/ba-ria-vung-tau-2023.xlsx";
/// What the file input offers (the importer reads these; anything else is refused by its bytes).
const ACCEPT: &str = ".json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The name a pasted text is checked under: it is meant to be a snapshot JSON.
const PASTED: &str = "pasted.json";

/// Installs the panic panel and mounts the studio in place of the loading line.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_panel();
    }));
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(Studio);
}

/// A phrase in Vietnamese, then in English beside it.
#[component]
pub fn Both(w: W) -> impl IntoView {
    let [vi, en] = w.words();
    view! { <span lang="vi">{vi}</span> " " <span class="other-lang" lang="en">{en}</span> }
}

/// A sentence worked out in both languages.
#[component]
pub fn BothText(vi: String, en: String) -> impl IntoView {
    view! { <span lang="vi">{vi}</span> " " <span class="other-lang" lang="en">{en}</span> }
}

#[component]
fn Studio() -> impl IntoView {
    let checked = RwSignal::new(None::<Arc<Checked>>);
    let names = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    // How many checks have ended: the browser tests wait for the next one.
    let runs = RwSignal::new(0u32);
    let done = move |c: Checked| {
        checked.set(Some(Arc::new(c)));
        busy.set(false);
        runs.update(|n| *n += 1);
    };
    // The snapshot ready, by id: the published version of that id is loaded to compare with.
    let ready_id = Memo::new(move |_| {
        checked.with(|c| {
            c.as_ref()
                .and_then(|c| c.ready())
                .map(|r| r.snapshot.id.clone())
        })
    });
    let published = LocalResource::new(move || {
        let id = ready_id.get();
        async move {
            match id {
                Some(id) => Some(load_published(id).await),
                None => None,
            }
        }
    });

    let run = move |files: Vec<Read>| {
        busy.set(true);
        checked.set(None);
        names.set(files.iter().map(|(n, _)| n.clone()).collect());
        // The check holds the main thread (a large workbook for a second): let the status
        // paint first.
        set_timeout(
            move || {
                let inputs: Vec<Input> = files
                    .iter()
                    .map(|(name, bytes)| Input { name, bytes })
                    .collect();
                done(check(&inputs, &today()));
            },
            Duration::from_millis(20),
        );
    };
    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        names.set(files.iter().map(|f| f.name()).collect());
        leptos::task::spawn_local(async move {
            match read_files(files).await {
                Ok(files) => run(files),
                Err(refused) => done(refused),
            }
        });
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        take(files_of(input.files()));
        // The same file, edited and chosen again, is read again.
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let pasted = NodeRef::<leptos::html::Textarea>::new();
    let on_paste_check = move |_| {
        if let Some(t) = pasted.get_untracked() {
            run(vec![(PASTED.to_string(), t.value().into_bytes())]);
        }
    };

    view! {
        <header class="site studio-header">
            <div class="brand">
                <h1 class="name"><Both w=W::Title /></h1>
                <p class="tagline"><Both w=W::Intro /></p>
                <p class="tagline"><Both w=W::Private /></p>
            </div>
        </header>
        <main id="main" class="studio">
            <section class="studio-step" aria-labelledby="step-file">
                <h2 id="step-file"><Both w=W::StepFile /></h2>
                <p>
                    <a href=TEMPLATE download="" data-testid="studio-template"><Both w=W::Template /></a>
                    " "
                    <span class="hint"><Both w=W::TemplateCsv /></span>
                </p>
                <div
                    class="drop-zone"
                    class:dragging=move || dragging.get()
                    data-testid="studio-drop"
                    on:dragover=on_dragover
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <p><Both w=W::DropHint /></p>
                    <label for="studio-file" class="file-label"><Both w=W::ChooseFile /></label>
                    <input id="studio-file" type="file" multiple accept=ACCEPT data-testid="studio-file" on:change=on_change />
                </div>
                <label for="studio-paste" class="paste-label"><Both w=W::PasteLabel /></label>
                <textarea id="studio-paste" node_ref=pasted rows="6" spellcheck="false" data-testid="studio-paste"></textarea>
                <button type="button" data-testid="studio-paste-check" on:click=on_paste_check><Both w=W::CheckPasted /></button>
            </section>
            <section class="studio-step" aria-labelledby="step-check" data-testid="studio-check" data-runs=move || runs.get().to_string()>
                <h2 id="step-check"><Both w=W::StepCheck /></h2>
                {move || {
                    let n = names.get();
                    (!n.is_empty()).then(|| view! { <p class="checked-files" data-testid="studio-files"><code>{n.join(", ")}</code></p> })
                }}
                {move || busy.get().then(|| view! { <p class="loading" role="status"><Both w=W::Reading /></p> })}
                {move || checked.get().map(|c| view! { <Problems checked=c /> })}
            </section>
            {move || {
                let c = checked.get()?;
                let ready = c.ready()?.clone();
                Some(view! { <Outcome ready=ready published=published /> })
            }}
        </main>
    }
}
