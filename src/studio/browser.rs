//! What the studio asks of the browser: the files chosen or dropped (their sizes first, their
//! bytes only when the sizes pass), today's date, downloads, and a panel when the WASM panics.

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

/// Hands `text` to the browser as a download named `name`: the reader's own way.
pub use crate::views::download_text;

/// After a panic the studio says so in both languages, as the reader's page does.
pub fn show_panic_panel() {
    let [vi, en] = W::Panic.words();
    crate::state::show_panic_panel([("vi", vi), ("en", en)], W::Reload.words());
}
