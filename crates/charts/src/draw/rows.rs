//! Row charts of a flow network: diverging bars of net flow around a zero line, or a ring
//! and a filled dot per row on a shared axis; every mark in its place's colour.

use super::FlowInteraction;
use crate::palette::Palette;
use crate::scene::{Scene, Stroke};
use talent_core::layout::row_chart::{size, RowChartPlan, RowShape};

/// The scene of a row chart.
pub fn rows(plan: &RowChartPlan, palette: &Palette, state: &FlowInteraction<usize>) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    if let Some(row) = state.active().and_then(|i| plan.rows.get(i)) {
        scene.fill_rect([0.0, row.band.0, plan.width, row.band.1], palette.highlight);
    }
    for [from, to] in &plan.grid {
        scene.line(vec![*from, *to], palette.grid, 1.0);
    }
    if let Some([from, to]) = plan.zero {
        scene.line(vec![from, to], palette.muted, 1.0);
    }
    for run in &plan.axis_text {
        scene.run(run, palette.muted);
    }
    for (i, row) in plan.rows.iter().enumerate() {
        let colour = palette.place(row.place);
        let ringed = state.ringed(i);
        match &row.shape {
            RowShape::Bar { bounds, value } => {
                scene.fill_rect(*bounds, colour);
                if ringed {
                    let [x0, y0, x1, y1] = *bounds;
                    scene.stroke_rect([x0 - 2.0, y0 - 2.0, x1 + 2.0, y1 + 2.0], palette.focus, 2.0);
                }
                scene.run(value, palette.text);
            }
            RowShape::Dots { y, a_x, b_x } => {
                let (line, width) = if ringed {
                    (palette.focus, 2.5)
                } else {
                    (palette.muted, 1.5)
                };
                scene.line(vec![(*a_x, *y), (*b_x, *y)], line, width);
                // The ring (second value) under the filled dot (first value): both stay
                // visible when they coincide.
                scene.circle(
                    (*b_x, *y),
                    size::RING,
                    Some(palette.background.into()),
                    Some(Stroke {
                        colour: colour.into(),
                        width: 2.5,
                    }),
                );
                scene.circle((*a_x, *y), size::DOT, Some(colour.into()), None);
            }
        }
        let active = state.active() == Some(i);
        for run in &row.text {
            let mut run = run.clone();
            run.bold = active;
            scene.run(&run, palette.text);
        }
    }
    scene
}
