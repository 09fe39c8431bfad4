//! One drawing function per kind of chart: a plan and a palette in, a [`Scene`] out.

pub mod bars;
pub mod change;
pub mod frame;
pub mod lines;
pub mod rows;
pub mod sankey;

use crate::palette::{Palette, Rgb};
use talent_core::catalog::{Focus, Plan};
use talent_core::layout::bars::MarkStyle;
use talent_core::series::display::CellKind;

/// What the reader is doing with a chart, drawn on top of its marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interaction {
    /// The mark under the pointer or the keyboard focus (an index into the plan's marks).
    pub focus: Option<usize>,
    /// The category highlighted in every chart of the page (its key).
    pub highlight: Option<String>,
}

/// What the reader is doing with any chart of the catalogue: the focus, the category
/// highlighted across the page and the Sankey node or link pinned in the link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// Under the pointer or the keyboard focus.
    pub focus: Option<Focus>,
    /// The highlighted category's key.
    pub highlight: Option<String>,
    /// The pinned node or link's key.
    pub pinned: Option<String>,
}

/// What the reader is doing with a flow chart: the mark under the pointer or the keyboard
/// focus, and the one pinned by a click, a tap or the page's link. `H` is what the chart's
/// plan hits: a node or link of a Sankey (`talent_core::layout::sankey::Hit`), a row
/// index of a row chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowInteraction<H> {
    /// Under the pointer or the keyboard focus.
    pub focus: Option<H>,
    /// Pinned.
    pub pinned: Option<H>,
}

impl<H> Default for FlowInteraction<H> {
    fn default() -> Self {
        FlowInteraction {
            focus: None,
            pinned: None,
        }
    }
}

impl<H: Copy + PartialEq> FlowInteraction<H> {
    /// What the chart highlights: the focused mark, else the pinned one.
    pub fn active(&self) -> Option<H> {
        self.focus.or(self.pinned)
    }

    /// True for the marks that get a focus ring: the focused one and the pinned one.
    pub fn ringed(&self, hit: H) -> bool {
        self.focus == Some(hit) || self.pinned == Some(hit)
    }
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
pub fn scene(plan: &Plan, palette: &Palette, reading: &Reading) -> crate::Scene {
    let index = match reading.focus {
        Some(Focus::Mark(i)) => Some(i),
        _ => None,
    };
    let simple = Interaction {
        focus: index,
        highlight: reading.highlight.clone(),
    };
    match plan {
        Plan::Bars(p) => bars::bars(p, palette, &simple),
        Plan::Change(p) => change::change(p, palette, &simple),
        Plan::Parts(p) => change::parts(p, palette, &simple),
        Plan::Sankey(p) => {
            let focus = match reading.focus {
                Some(Focus::Flow(h)) => Some(h),
                _ => None,
            };
            let pinned = reading.pinned.as_deref().and_then(|k| p.find(k));
            sankey::sankey(p, palette, &FlowInteraction { focus, pinned })
        }
        Plan::Rows(p) => {
            let pinned = reading
                .highlight
                .as_deref()
                .and_then(|k| p.rows.iter().position(|r| r.key == k));
            rows::rows(
                p,
                palette,
                &FlowInteraction {
                    focus: index,
                    pinned,
                },
            )
        }
        Plan::Lines(p) => lines::lines(p, palette, index),
        Plan::Tornado(p) => lines::tornado(p, palette, index),
    }
}
