//! Sankey diagrams: translucent ribbons, node rectangles by kind (solid, derived light with
//! an outline, not reported hatched), labels in their lanes and stage headings.

use super::{mark_colours, FlowInteraction};
use crate::palette::Palette;
use crate::scene::Scene;
use talent_core::layout::sankey::Hit;
use talent_core::layout::sankey_chart::SankeyChartPlan;
use talent_core::series::display::CellKind;

/// Opacity of a ribbon: at rest, lit by the active mark, or dimmed because another one is
/// active.
const RIBBON: f64 = 0.42;
const RIBBON_LIT: f64 = 0.72;
const RIBBON_DIM: f64 = 0.1;
/// Opacity of a dimmed node and its label.
const NODE_DIM: f64 = 0.3;
const LABEL_DIM: f64 = 0.55;
/// Dashes of the edges of a ribbon into a part the source does not report.
const DASH: f64 = 4.0;
const DASH_GAP: f64 = 3.0;
/// Spacing of the hatching of a not-reported node.
const HATCH: f64 = 4.0;

/// The scene of a Sankey chart.
pub fn sankey(plan: &SankeyChartPlan, palette: &Palette, state: &FlowInteraction<Hit>) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    let active = state.active();
    let (lit_links, lit_nodes) = plan.highlight(active);
    let lit = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(true);

    for (l, link) in plan.links.iter().enumerate() {
        let alpha = match (active.is_some(), lit(&lit_links, l)) {
            (false, _) => RIBBON,
            (true, true) => RIBBON_LIT,
            (true, false) => RIBBON_DIM,
        };
        let not_reported = link.style.kind == CellKind::NotReported;
        let colour = if not_reported {
            palette.not_reported
        } else {
            palette.place(link.style.place)
        };
        scene.polygon(link.outline.clone(), colour.alpha(alpha));
        if not_reported {
            let edge = palette
                .not_reported
                .alpha(if lit(&lit_links, l) { 0.9 } else { 0.3 });
            let (top, bottom) = link.edges();
            scene.dashed_path(top, DASH, DASH_GAP, edge, 1.0);
            scene.dashed_path(bottom, DASH, DASH_GAP, edge, 1.0);
        }
    }
    // Rings after every ribbon, so no ribbon covers them.
    for (l, link) in plan.links.iter().enumerate() {
        if state.ringed(Hit::Link(l)) {
            let mut ring = link.outline.clone();
            ring.extend(link.outline.first().copied());
            scene.line(ring, palette.focus, 2.0);
        }
    }

    for (n, node) in plan.nodes.iter().enumerate() {
        let alpha = if lit(&lit_nodes, n) { 1.0 } else { NODE_DIM };
        let bounds = node.bounds;
        let (fill, outline) = mark_colours(palette, node.style);
        match node.style.kind {
            CellKind::NotReported => {
                let grey = palette.not_reported.alpha(alpha);
                scene.fill_rect(bounds, palette.background);
                scene.hatch(bounds, HATCH, grey, 1.0);
                scene.stroke_rect(bounds, grey, 1.0);
            }
            _ => {
                // Derived marks sit on the background so that the ribbons under their
                // light fill do not show through.
                scene.fill_rect(bounds, palette.background);
                if let Some(fill) = fill {
                    scene.fill_rect(bounds, fill.alpha(alpha));
                }
                if let Some(outline) = outline {
                    scene.stroke_rect(bounds, outline.alpha(alpha), 1.5);
                }
            }
        }
        if state.ringed(Hit::Node(n)) {
            let [x0, y0, x1, y1] = bounds;
            scene.stroke_rect([x0 - 2.0, y0 - 2.0, x1 + 2.0, y1 + 2.0], palette.focus, 2.0);
        }
    }

    for (n, node) in plan.nodes.iter().enumerate() {
        let colour = if lit(&lit_nodes, n) {
            palette.text.alpha(1.0)
        } else {
            palette.muted.alpha(LABEL_DIM)
        };
        if let Some([from, to]) = node.leader {
            scene.line(vec![from, to], palette.muted.alpha(0.8), 1.0);
        }
        for run in &node.text {
            scene.run(run, colour);
        }
        if state.ringed(Hit::Node(n)) && !node.label.lines.is_empty() {
            let l = &node.label;
            scene.stroke_rect(
                [l.x0 - 2.0, l.y0 - 1.0, l.x1 + 2.0, l.y1 + 1.0],
                palette.focus,
                1.0,
            );
        }
    }
    for run in &plan.headings {
        scene.run(run, palette.muted);
    }
    scene
}
