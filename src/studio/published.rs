//! Once the snapshot is ready: the published version of the same snapshot is loaded (the
//! manifest, then its latest version, as the page loads them), and the studio shows the
//! comparison with that version, figure by figure, the preview and what the editor takes away.

use leptos::prelude::*;

use super::browser::{download_text, today};
use super::check::Ready;
use super::compare::{compare, kind_name, kind_word, Comparison};
use super::page::{Both, BothText};
use super::preview::Preview;
use super::takeaway::{as_published, take_away, TakeAway};
use super::words::{against, first_version, loud_warning, version_line, W};
use crate::fetch::{load, load_manifest};
use crate::i18n::Lang;
use crate::import::Step;
use crate::load::LoadError;
use crate::snapshot::{Loaded, Manifest};

/// The published side of snapshot `id`.
#[derive(Debug, Clone)]
pub enum Published {
    /// No version of it is published.
    New { id: String, manifest: Manifest },
    /// Its latest version, as the page loads it.
    Found { id: String, old: Box<Loaded> },
    /// The manifest or the version could not be loaded (offline, or broken).
    Unavailable {
        id: String,
        error: LoadError,
        manifest: Option<Manifest>,
    },
}

impl Published {
    fn id(&self) -> &str {
        match self {
            Published::New { id, .. }
            | Published::Found { id, .. }
            | Published::Unavailable { id, .. } => id,
        }
    }

    fn manifest(&self) -> Option<&Manifest> {
        match self {
            Published::New { manifest, .. } => Some(manifest),
            Published::Found { old, .. } => Some(&old.manifest),
            Published::Unavailable { manifest, .. } => manifest.as_ref(),
        }
    }
}

pub async fn load_published(id: String) -> Published {
    let manifest = match load_manifest().await {
        Ok(m) => m,
        Err(error) => {
            return Published::Unavailable {
                id,
                error,
                manifest: None,
            }
        }
    };
    if manifest.entry(&id).is_none() {
        return Published::New { id, manifest };
    }
    match load(manifest.clone(), Some(id.clone()), None).await {
        Ok(old) => Published::Found {
            id,
            old: Box::new(old),
        },
        Err(error) => Published::Unavailable {
            id,
            error,
            manifest: Some(manifest),
        },
    }
}

/// The comparison, the preview and the take-away of a snapshot ready to publish.
#[component]
pub fn Outcome(ready: Ready, published: LocalResource<Option<Published>>) -> impl IntoView {
    let ready = StoredValue::new(ready);
    move || {
        let id = ready.with_value(|r| r.snapshot.id.clone());
        // The last published side loaded may be another snapshot's, while this one's loads.
        let Some(p) = published.get().flatten().filter(|p| p.id() == id) else {
            return view! {
                <p class="loading" role="status" data-testid="studio-loading-published"><Both w=W::LoadingPublished /></p>
            }
            .into_any();
        };
        let day = today();
        let (loaded, comparison, take) = ready.with_value(|r| {
            let manifest = p.manifest();
            (
                as_published(manifest, &r.snapshot, &r.json, &day),
                match &p {
                    Published::Found { old, .. } => Some(compare(&old.snapshot, &r.snapshot)),
                    _ => None,
                },
                take_away(manifest, &r.snapshot, &r.json, &day),
            )
        });
        let loud = comparison.as_ref().map_or(0, Comparison::loud);
        view! {
            <ComparisonView published=p comparison=comparison />
            <Preview loaded=loaded />
            <TakeAwayView take=take loud=loud />
        }
        .into_any()
    }
}

#[component]
fn ComparisonView(published: Published, comparison: Option<Comparison>) -> impl IntoView {
    let body = match (&published, comparison) {
        (Published::New { id, .. }, _) => view! {
            <p data-testid="studio-new"><BothText vi=first_version(Lang::Vi, id) en=first_version(Lang::En, id) /></p>
        }
        .into_any(),
        (Published::Unavailable { error, .. }, _) => view! {
            <p class="load-error" data-testid="studio-unavailable">
                <Both w=W::PublishedUnavailable />
                " "
                <BothText vi=error.summary(Lang::Vi) en=error.summary(Lang::En) />
            </p>
        }
        .into_any(),
        (Published::Found { old, .. }, Some(c)) => {
            let v = &old.version;
            let loud = c.loud();
            let [sum_vi, sum_en] = c.summary.clone();
            let lines = c
                .lines
                .into_iter()
                .map(|l| {
                    let [vi, en] = l.said;
                    let [kind_vi, kind_en] = kind_word(l.kind).words();
                    view! {
                        <li data-testid="change" data-kind=kind_name(l.kind) data-loud=l.loud.to_string() class:loud=l.loud>
                            {l.loud.then(|| view! { <span class="loud-mark" aria-hidden="true">"⚠ "</span> })}
                            <span class="kind"><span lang="vi">{kind_vi}</span> " / " <span lang="en">{kind_en}</span></span>
                            " "
                            <span lang="vi" data-testid="change-vi"><span class="what">{vi.what}</span> ": " {vi.old} " → " {vi.new}</span>
                            <br />
                            <span class="other-lang" lang="en" data-testid="change-en"><span class="what">{en.what}</span> ": " {en.old} " → " {en.new}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p><BothText vi=against(Lang::Vi, &v.version, &v.published) en=against(Lang::En, &v.version, &v.published) /></p>
                {(loud > 0).then(|| view! {
                    <p class="loud-warning" role="alert" data-testid="studio-loud">
                        <strong><span aria-hidden="true">"⚠ "</span><Both w=W::Notice /> ": "</strong>
                        <BothText vi=loud_warning(Lang::Vi, loud) en=loud_warning(Lang::En, loud) />
                    </p>
                })}
                <p data-testid="studio-summary"><BothText vi=sum_vi en=sum_en /></p>
                <ul class="changes">{lines}</ul>
            }
            .into_any()
        }
        (Published::Found { .. }, None) => ().into_any(),
    };
    view! {
        <section class="studio-step" aria-labelledby="step-compare" data-testid="studio-compare">
            <h2 id="step-compare"><Both w=W::StepCompare /></h2>
            {body}
        </section>
    }
}

#[component]
fn TakeAwayView(take: Result<TakeAway, String>, loud: usize) -> impl IntoView {
    let body = match take {
        Err(version) => {
            let s = Step::Unchanged { version };
            view! { <p data-testid="studio-unchanged"><BothText vi=s.message(Lang::Vi) en=s.message(Lang::En) /></p> }
                .into_any()
        }
        Ok(t) => takeaway_body(t, loud).into_any(),
    };
    view! {
        <section class="studio-step" aria-labelledby="step-takeaway" data-testid="studio-takeaway">
            <h2 id="step-takeaway"><Both w=W::StepTakeAway /></h2>
            {body}
        </section>
    }
}

fn takeaway_body(t: TakeAway, loud: usize) -> impl IntoView {
    // A published value removed or turned unknown is never taken away unnoticed: the editor
    // says it is meant (as `chiso-import --accept-removals` does).
    let confirmed = RwSignal::new(loud == 0);
    let t = StoredValue::new(t);
    let (version, published, entry_json, file_name, entry_name) = t.with_value(|t| {
        (
            t.entry.version.clone(),
            t.entry.published.clone(),
            t.entry_json.clone(),
            t.file_name.clone(),
            t.entry_file_name.clone(),
        )
    });
    let has_manifest = t.with_value(|t| t.manifest_json.is_some());
    let steps = t.with_value(|t| t.steps.clone());
    let steps = steps
        .into_iter()
        .map(|s| {
            let extra = (has_manifest && matches!(s, Step::EditManifest { .. }))
                .then(|| view! { <br /><Both w=W::ReplaceManifest /> });
            view! { <li><BothText vi=s.message(Lang::Vi) en=s.message(Lang::En) />{extra}</li> }
        })
        .collect_view();
    let off = move || !confirmed.get();
    let json_label = file_name.clone();
    view! {
        <p data-testid="studio-version"><BothText vi=version_line(Lang::Vi, &version, &published) en=version_line(Lang::En, &version, &published) /></p>
        {(loud > 0).then(|| view! {
            <p class="loud-warning">
                <label class="check">
                    <input type="checkbox" data-testid="studio-confirm" on:change=move |ev| confirmed.set(event_target_checked(&ev)) />
                    " " <Both w=W::ConfirmRemovals />
                </label>
            </p>
        })}
        <h3><Both w=W::Downloads /></h3>
        <div class="chart-share downloads">
            <button type="button" data-testid="download-json" disabled=off
                on:click=move |_| t.with_value(|t| download_text(&t.file_name, "application/json;charset=utf-8", &t.json))>
                <Both w=W::DownloadJson /> " (" <code>{json_label}</code> ")"
            </button>
            <button type="button" data-testid="download-entry" disabled=off
                on:click=move |_| t.with_value(|t| download_text(&t.entry_file_name, "application/json;charset=utf-8", &t.entry_json))>
                <Both w=W::DownloadEntry /> " (" <code>{entry_name}</code> ")"
            </button>
            {has_manifest.then(|| view! {
                <button type="button" data-testid="download-manifest" disabled=off
                    on:click=move |_| t.with_value(|t| {
                        if let Some(m) = &t.manifest_json {
                            download_text("index.json", "application/json;charset=utf-8", m);
                        }
                    })>
                    <Both w=W::DownloadManifest /> " (" <code>"index.json"</code> ")"
                </button>
            })}
        </div>
        {(!has_manifest).then(|| view! { <p class="loud-warning" data-testid="studio-no-manifest"><Both w=W::ManifestUnknown /></p> })}
        <h3><Both w=W::Entry /></h3>
        <pre class="entry" data-testid="studio-entry">{entry_json}</pre>
        <h3><Both w=W::Steps /></h3>
        <ol class="steps" data-testid="studio-steps">{steps}</ol>
    }
}
