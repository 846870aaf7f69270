//! What the studio asks of the browser: the files chosen or dropped (their sizes first, their
//! bytes only when the sizes pass), today's date, downloads, and a panel when the WASM panics.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::check::{refuse_unread, Checked};
use super::takeaway::day;
use super::words::W;

/// A file's name and bytes.
pub type Read = (String, Vec<u8>);

/// The files of a file input or a drop, taken out of its list at once: the list empties when the
/// input is cleared for the next choice.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The files, read; refused before reading when their sizes together are over the limit (a
/// 100 MB file is never read into memory).
pub async fn read_files(files: Vec<web_sys::File>) -> Result<Vec<Read>, Checked> {
    let sizes: Vec<u64> = files.iter().map(|f| f.size().max(0.0) as u64).collect();
    if let Some(refused) = refuse_unread(&sizes) {
        return Err(refused);
    }
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let bytes = match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            // A file that went away between choosing and reading reads as empty: the importer
            // then says the file is empty.
            Err(_) => Vec::new(),
        };
        out.push((f.name(), bytes));
    }
    Ok(out)
}

/// Today in the editor's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    day(d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Hands `text` to the browser as a download named `name`.
pub fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let a = leptos::prelude::document()
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
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
}

/// After a panic nothing in Rust runs again: the panel is plain DOM, in both languages, with a
/// link that reloads the page.
pub fn show_panic_panel() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(panel)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    if doc.get_element_by_id("panic").is_some() {
        return;
    }
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic");
    for (tag, words) in [("vi", W::Panic.words()[0]), ("en", W::Panic.words()[1])] {
        if let Ok(p) = doc.create_element("p") {
            let _ = p.set_attribute("lang", tag);
            p.set_text_content(Some(words));
            let _ = panel.append_child(&p);
        }
    }
    if let Ok(a) = doc.create_element("a") {
        let href = doc
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        let [vi, en] = W::Reload.words();
        a.set_text_content(Some(&format!("{vi} / {en}")));
        let _ = panel.append_child(&a);
    }
    let _ = body.prepend_with_node_1(&panel);
}
