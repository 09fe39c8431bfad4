//! The charts of the AI talent explainer, drawn once for every backend.
//!
//! A chart goes through three steps, each a pure function:
//!
//! 1. its plan (`talent_core::layout`, `*Plan`): where every mark and label goes, in the
//!    design pixels of its width class, and what each mark says in a tooltip;
//! 2. its drawing (`draw_*` here): the plan and a [`Palette`] become a [`Scene`], a list of
//!    rectangles, lines, polygons, circles and texts with their colours;
//! 3. painting ([`paint`]): a scene goes onto any plotters
//!    [`DrawingBackend`](plotters_backend::DrawingBackend) at any scale: the canvas in the
//!    browser, SVG for the static pictures baked into the pages and for downloads, a
//!    bitmap for link previews.
//!
//! Curves, dashes and hatching, which plotters' backends lack, are geometry in the scene
//! (flattened curves, dash segments, clipped hatch lines), so there is one drawing stack.

pub mod draw;
pub mod palette;
#[cfg(feature = "raster")]
pub mod raster;
pub mod scene;
#[cfg(feature = "svg")]
pub mod svg;

pub use palette::{Palette, Theme};
pub use scene::{paint, Scene};
