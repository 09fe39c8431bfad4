//! One drawing function per kind of chart: a plan and a palette in, a [`Scene`] out.

pub mod bars;
pub mod change;
pub mod frame;

use crate::palette::{Palette, Rgb};
use talent_core::layout::bars::MarkStyle;
use talent_core::series::display::CellKind;

/// What the reader is doing with a chart, drawn on top of its marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interaction {
    /// The mark under the pointer or the keyboard focus (index into the plan's marks).
    pub focus: Option<usize>,
    /// The category highlighted in every chart of the page (its key).
    pub highlight: Option<String>,
}

/// Fill and outline of a mark of `style`: stated marks solid, derived ones a lighter fill
/// with a full-colour outline, bounds a lighter fill (their open end is drawn by the chart),
/// not-reported ones nothing (they have no length).
pub(crate) fn mark_colours(palette: &Palette, style: MarkStyle) -> (Option<Rgb>, Option<Rgb>) {
    let place = palette.place(style.place);
    let base = palette.tint(place, style.step);
    match style.kind {
        CellKind::Stated => (Some(base), None),
        CellKind::Derived | CellKind::Bound => (Some(palette.tint(place, 1)), Some(base)),
        CellKind::NotReported => (None, Some(palette.not_reported)),
    }
}

/// The scene of any plan of the catalogue.
pub fn scene(
    plan: &talent_core::catalog::Plan,
    palette: &Palette,
    state: &Interaction,
) -> crate::Scene {
    use talent_core::catalog::Plan;
    match plan {
        Plan::Bars(p) => bars::bars(p, palette, state),
        Plan::Change(p) => change::change(p, palette, state),
        Plan::Parts(p) => change::parts(p, palette, state),
    }
}
