//! Small browser hooks, one file each, each removing what it set up when its owner goes away.

mod prefers_dark;
mod width;

pub use prefers_dark::use_prefers_dark;
pub use width::use_width;
