//! Chỉ số: official indicator figures as charts a citizen can trust and a journalist can embed.
//!
//! Data flows one way, one module per step:
//! `public/data/*.json` → [`fetch`](crate::fetch) (browser only) → [`validate`] into the typed
//! [`snapshot`] model → [`chart`] layout (pure geometry) → plotters drawing → [`views`] (browser
//! only) with interaction. Everything but `fetch`, `views` and `app` is plain Rust with no browser
//! imports, tested natively with `cargo test`, and the chart code runs natively too so the charts
//! can be drawn at build time.

pub mod chart;
pub mod chart_id;
pub mod diff;
pub mod export;
pub mod format;
pub mod i18n;
pub mod import;
pub mod load;
pub mod markup;
pub mod order;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod present;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod snapshot;
// The data editors' studio: natively for the tests, in the browser only in its own WASM
// (`--features studio`), so the reader's is compiled without a line of it.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub mod studio;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod views;
