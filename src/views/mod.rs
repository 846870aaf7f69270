//! The components a reader sees, named for what they show. Only these and `app` touch the DOM.

mod dashboard;
mod language;
mod pillar_chart;
mod status;

pub use dashboard::Dashboard;
pub use language::LanguageSwitch;
pub use pillar_chart::PillarChart;
pub use status::{LoadErrorPanel, Loading};
