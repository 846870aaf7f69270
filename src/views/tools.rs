//! The journalist's tools under each chart: embed, downloads (PNG, SVG, CSV, JSON) and share.
//! The bytes come from `export` (pure); this module only hands them to the browser.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::{Drawn, Theme};
use crate::chart_id::ChartId;
use crate::export::{self, Caption, EmbedSpec};
use crate::i18n::{t, Key, Lang};
use crate::route::ThemeChoice;
use crate::state::{page_base, SnapshotMeta};
use crate::views::charts::ChartSpec;

fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let a = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = a {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The click has started the download; the URL can go once the event loop turns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
}

fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
}

/// Hands `text` to the browser as a download named `name` (the studio's downloads too).
pub fn download_text(name: &str, mime: &str, text: &str) {
    if let Some(b) = text_blob(text, mime) {
        download_blob(name, &b);
    }
}

/// Draws the standalone SVG onto a canvas at twice its size and downloads it as PNG.
fn download_png(name: String, svg: String, width: f64, height: f64) {
    let Some(blob) = text_blob(&svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let canvas = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        let scale = 2.0;
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else { return };
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(b) = blob {
                download_blob(&name, &b);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

fn can_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false)
}

/// Buttons under a chart. `drawn` is the chart as the reader sees it now.
#[component]
pub fn ChartTools(
    spec: ChartSpec,
    drawn: Memo<Option<Drawn>>,
    dark: Signal<bool>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let meta = expect_context::<SnapshotMeta>();
    let id = spec.id;
    let meta = StoredValue::new(meta);
    let status = RwSignal::new(String::new());
    let file = move |ext: &str| meta.with_value(|m| export::file_name(&m.id, id, ext));
    let theme = move || {
        if dark.get_untracked() {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    };
    let caption = {
        let spec = spec.clone();
        move || Caption {
            title: spec.title.get_untracked(),
            as_of: spec.as_of.get_untracked(),
            source: spec.source.get_untracked(),
            summary: spec.summary.get_untracked(),
        }
    };
    let svg_doc = {
        move || {
            drawn.get_untracked().map(|d| {
                (
                    export::svg_document(&d, &caption(), &theme()),
                    d.width + 32.0,
                    d.height + 120.0,
                )
            })
        }
    };
    let svg_doc2 = svg_doc;
    let on_png = move |_| {
        if let Some((svg, w, h)) = svg_doc() {
            download_png(file("png"), svg, w, h);
        }
    };
    let on_svg = move |_| {
        if let Some((svg, _, _)) = svg_doc2() {
            download_text(&file("svg"), "image/svg+xml;charset=utf-8", &svg);
        }
    };
    let spec_csv = spec.clone();
    let on_csv = move |_| {
        let csv = export::csv(
            &spec_csv.table.get_untracked(),
            &spec_csv.source.get_untracked(),
            &spec_csv.as_of.get_untracked(),
        );
        download_text(&file("csv"), "text/csv;charset=utf-8", &csv);
    };
    let json_href = meta.with_value(|m| m.path.clone());
    let json_name = meta.with_value(|m| format!("{}-{}.json", m.id, m.version));

    // The share link pins the version, so it keeps showing what the journalist saw.
    let share_url = move || meta.with_value(|m| m.page_link(lang.get_untracked(), id, true));
    let on_copy_link = move |_| {
        let url = share_url();
        copy_to_clipboard(url, move |ok| {
            status.set(
                if ok {
                    t(lang.get_untracked(), Key::LinkCopied)
                } else {
                    t(lang.get_untracked(), Key::LinkNotCopied)
                }
                .into(),
            )
        });
    };
    let spec_share = spec.clone();
    let on_share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&spec_share.title.get_untracked());
        data.set_text(&spec_share.summary.get_untracked());
        data.set_url(&share_url());
        let promise = window().navigator().share_with_data(&data);
        leptos::task::spawn_local(async move {
            // A reader closing the share sheet is not an error worth a message.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };

    // The dialog exists only while it is open: few readers embed, and every chart carrying its own
    // form would hold a few hundred more nodes in every reader's memory.
    let dialog_open = RwSignal::new(false);
    let open = move |_| dialog_open.set(true);
    let id_str = id.as_str();
    view! {
        <div class="chart-share" data-testid=format!("tools-{id_str}")>
            <button type="button" data-testid=format!("embed-{id_str}") on:click=open>{move || t(lang.get(), Key::Embed)}</button>
            <button type="button" data-testid=format!("png-{id_str}") on:click=on_png>"PNG"</button>
            <button type="button" data-testid=format!("svg-{id_str}") on:click=on_svg>"SVG"</button>
            <button type="button" data-testid=format!("csv-{id_str}") on:click=on_csv>"CSV"</button>
            <a class="button" href=json_href download=json_name data-testid=format!("json-{id_str}")>"JSON"</a>
            <button type="button" data-testid=format!("copy-link-{id_str}") on:click=on_copy_link>{move || t(lang.get(), Key::CopyLink)}</button>
            {can_share().then(|| view! { <button type="button" on:click=on_share>{move || t(lang.get(), Key::Share)}</button> })}
            <p class="tool-status" role="status">{move || status.get()}</p>
            {move || dialog_open.get().then(|| view! { <EmbedDialog open=dialog_open spec=spec.clone() drawn=drawn lang=lang /> })}
        </div>
    }
}

#[component]
fn EmbedDialog(
    open: RwSignal<bool>,
    spec: ChartSpec,
    drawn: Memo<Option<Drawn>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let meta = expect_context::<SnapshotMeta>();
    let pin = RwSignal::new(true);
    let theme = RwSignal::new(ThemeChoice::Auto);
    let copied = RwSignal::new(String::new());
    let id = spec.id;
    let title = spec.title;
    // The height that shows this chart whole at any column width, computed by the build
    // (`prerender::fixed_height`) and given in the page's head; none in `make dev`.
    let fixed = document()
        .query_selector(export::HEIGHTS_SELECTOR)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .and_then(|c| export::height_in(&c, id));
    let embed = Memo::new(move |_| {
        // Without the build's height: room for the title, as-of, source and legend around the
        // drawing.
        let height = fixed.unwrap_or_else(|| {
            drawn
                .with(|d| d.as_ref().map_or(480.0, |d| d.height + 260.0))
                .round() as u32
        });
        EmbedSpec {
            base: page_base(),
            chart: id,
            lang: lang.get(),
            theme: theme.get(),
            pin: pin.get().then(|| (meta.id.clone(), meta.version.clone())),
            title: format!("{} — {}", title.get(), t(lang.get(), Key::AppName)),
            height,
        }
    });
    let copy = move |text: String| {
        copy_to_clipboard(text, move |ok| {
            copied.set(
                if ok {
                    t(lang.get_untracked(), Key::Copied)
                } else {
                    t(lang.get_untracked(), Key::CopyByHand)
                }
                .into(),
            )
        })
    };
    let copy2 = copy;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Modal once in the document; the browser then returns the focus to the Embed button on close.
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let id_str = ChartId::as_str(id);
    let snippet_id = format!("snippet-{id_str}");
    let fixed_id = format!("fixed-{id_str}");
    view! {
        <dialog node_ref=dialog class="embed-dialog" data-testid=format!("embed-dialog-{id_str}") aria-labelledby=format!("embed-title-{id_str}") on:close=move |_| open.set(false)>
            <h2 id=format!("embed-title-{id_str}")>{move || t(lang.get(), Key::EmbedChart)}": " {move || title.get()}</h2>
            <label class="check">
                <input type="checkbox" prop:checked=move || pin.get() on:change=move |ev| pin.set(event_target_checked(&ev)) />
                {move || t(lang.get(), Key::PinVersion)}
            </label>
            <label class="select">
                {move || t(lang.get(), Key::Theme)}
                <select on:change=move |ev| theme.set(ThemeChoice::parse(&event_target_value(&ev)).unwrap_or_default())>
                    <option value=ThemeChoice::Auto.as_str()>{move || t(lang.get(), Key::ThemeAuto)}</option>
                    <option value=ThemeChoice::Light.as_str()>{move || t(lang.get(), Key::ThemeLight)}</option>
                    <option value=ThemeChoice::Dark.as_str()>{move || t(lang.get(), Key::ThemeDark)}</option>
                </select>
            </label>
            <label for=snippet_id.clone()>{move || t(lang.get(), Key::EmbedCode)}</label>
            <textarea id=snippet_id readonly rows="6" data-testid=format!("snippet-{id_str}") prop:value=move || embed.get().snippet()></textarea>
            <button type="button" on:click=move |_| copy(embed.get_untracked().snippet())>{move || t(lang.get(), Key::CopyEmbedCode)}</button>
            <label for=fixed_id.clone()>{move || t(lang.get(), Key::FixedCode)}</label>
            <textarea id=fixed_id readonly rows="3" data-testid=format!("fixed-{id_str}") prop:value=move || embed.get().fixed_snippet()></textarea>
            <button type="button" on:click=move |_| copy2(embed.get_untracked().fixed_snippet())>{move || t(lang.get(), Key::CopyFixedCode)}</button>
            <p role="status">{move || copied.get()}</p>
            <button type="button" class="close" on:click=close>{move || t(lang.get(), Key::Close)}</button>
        </dialog>
    }
}
