//! The components a reader sees, named for what they show. Only these and `app` touch the DOM.

mod chart_figure;
mod dashboard;
mod language;
mod status;

pub use chart_figure::{ChartContext, ChartFigure, LegendEntry};
pub use dashboard::Dashboard;
pub use language::LanguageSwitch;
pub use status::{LoadErrorPanel, Loading};
