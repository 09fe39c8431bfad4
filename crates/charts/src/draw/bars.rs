//! Horizontal bars: a row per category, a bar per series.

use super::{mark_colours, Interaction};
use crate::palette::Palette;
use crate::scene::{Anchor, Scene};
use talent_core::layout::bars::{size, BarPlan};
use talent_core::series::display::CellKind;

/// The scene of a bar chart.
pub fn bars(plan: &BarPlan, palette: &Palette, state: &Interaction) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    for label in &plan.labels {
        if state.highlight.as_deref() == Some(label.key.as_str()) {
            scene.fill_rect(
                [0.0, label.band.0 + 1.0, plan.width, label.band.1 - 1.0],
                palette.highlight,
            );
        }
    }
    for label in &plan.labels {
        let bold = state.highlight.as_deref() == Some(label.key.as_str());
        for (i, line) in label.lines.iter().enumerate() {
            scene.text(
                (label.x, label.y + size::LINE * i as f64),
                line.clone(),
                size::LABEL,
                bold,
                Anchor::End,
                palette.text,
            );
        }
    }
    for (i, mark) in plan.marks.iter().enumerate() {
        let focused = state.focus == Some(i);
        let (fill, outline) = mark_colours(palette, mark.style);
        let middle = (mark.top + mark.bottom) / 2.0;
        match mark.x1 {
            Some(x1) => {
                let x1 = x1.max(mark.x0 + 1.0);
                let bounds = [mark.x0, mark.top, x1, mark.bottom];
                if let Some(fill) = fill {
                    scene.fill_rect(bounds, fill);
                }
                match (mark.style.kind, outline) {
                    (CellKind::Bound, Some(outline)) => {
                        // Solid on three sides, dashed at the open end: the value lies
                        // somewhere below it.
                        scene.line(
                            vec![
                                (x1, mark.top + 0.75),
                                (mark.x0 + 0.75, mark.top + 0.75),
                                (mark.x0 + 0.75, mark.bottom - 0.75),
                                (x1, mark.bottom - 0.75),
                            ],
                            outline,
                            1.5,
                        );
                        scene.dashed(
                            (x1 - 0.75, mark.top),
                            (x1 - 0.75, mark.bottom),
                            3.0,
                            2.5,
                            outline,
                            1.5,
                        );
                    }
                    (_, Some(outline)) => scene.stroke_rect(bounds, outline, 1.5),
                    _ => {}
                }
                if focused {
                    scene.stroke_rect(
                        [mark.x0 - 2.0, mark.top - 2.0, x1 + 2.0, mark.bottom + 2.0],
                        palette.focus,
                        2.0,
                    );
                }
                scene.text(
                    (mark.text_x, middle),
                    mark.text.clone(),
                    size::VALUE,
                    false,
                    Anchor::Start,
                    palette.text,
                );
            }
            None => {
                // No length: a short dash on the axis and the words, never a bar.
                let colour = if focused {
                    palette.focus
                } else {
                    palette.not_reported
                };
                scene.line(
                    vec![(mark.x0, middle), (mark.x0 + 10.0, middle)],
                    colour,
                    2.0,
                );
                scene.text(
                    (mark.x0 + 16.0, middle),
                    mark.text.clone(),
                    size::VALUE,
                    false,
                    Anchor::Start,
                    if focused {
                        palette.focus
                    } else {
                        palette.muted
                    },
                );
            }
        }
    }
    // The value axis.
    if let Some(first) = plan.marks.first() {
        scene.line(
            vec![(first.x0, 0.0), (first.x0, plan.height)],
            palette.grid,
            1.0,
        );
    }
    scene
}
