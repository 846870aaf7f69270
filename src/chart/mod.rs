//! Charts: pure layout (scales, positions, hit-testing) and plotters drawing from that layout.
//!
//! Layout is computed here, in plain numbers, and plotters is told exactly where to draw, so what
//! is drawn and what hit-testing reasons about always agree, and both are testable natively. The
//! drawing is generic over plotters' `DrawingBackend`: the browser and the native build (tests, and
//! charts pre-rendered at build time) run the same code.

pub mod bars;
pub mod draw;
pub mod dumbbell;
pub mod goals;
pub mod line;
pub mod mark;
pub mod ranking;
pub mod scale;
pub mod text;

pub use draw::{
    bars_chart, dumbbell_chart, goals_chart, line_chart, ranking_chart, Options, Theme,
};
pub use mark::{
    hit, step, tooltip_box, Drawn, Mark, MarkEnd, MarkKey, Series, Tooltip, TooltipBox,
    TOOLTIP_GAP, TOOLTIP_MAX_WIDTH,
};
