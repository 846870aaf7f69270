//! The components a reader sees, named for what they show. Only these and `app` touch the DOM.

mod chart_figure;
mod charts;
mod dashboard;
mod embed;
mod language;
mod status;
mod tools;

pub use chart_figure::{ChartContext, ChartFigure};
pub use dashboard::Dashboard;
pub use embed::EmbedView;
pub use language::LanguageSwitch;
pub use status::{LoadErrorPanel, Loading, SnapshotPicker};
