//! The components a reader sees, named for what they show. With `app`, `state`, `hooks` and
//! `fetch`, the only code that touches the browser.

mod cards;
mod chart_figure;
mod charts;
mod dashboard;
mod embed;
mod language;
mod nav;
mod ranking_page;
mod shared;
mod status;
mod tools;
mod tooltip;

pub use dashboard::Dashboard;
pub use embed::EmbedView;
pub use language::LanguageSwitch;
pub use ranking_page::RankingPage;
pub use shared::Brand;
pub use status::{LoadErrorPanel, Loading, SnapshotPicker};
pub use tools::download_text;
