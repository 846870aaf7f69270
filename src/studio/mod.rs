//! The data editors' studio (`studio.html`): check, preview and compare a snapshot in the browser
//! before publishing it. Its own WASM entry (`chiso-studio`): the reader's app never names this
//! module, so none of it, nor the importer it reads spreadsheets with, is in the reader's WASM.
//!
//! Pure, tested natively: what the editor gave, read and checked through the importer
//! ([`check`], the one way in), where a JSON path is in the text ([`lines`]), the comparison
//! with the published version ([`compare`]), what the editor takes away ([`takeaway`]), and the
//! studio's words ([`words`]). In the browser only: the page ([`page`] and the parts it shows),
//! which previews the snapshot with the reader's own components (`views`).

pub mod check;
pub mod compare;
pub mod lines;
pub mod takeaway;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod preview;
#[cfg(target_arch = "wasm32")]
mod problems;
#[cfg(target_arch = "wasm32")]
mod published;

#[cfg(target_arch = "wasm32")]
pub use page::start;
