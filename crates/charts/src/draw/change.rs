//! Change charts: dumbbells on one axis, the change written at the right.

use super::Interaction;
use crate::palette::Palette;
use crate::scene::{Anchor, Scene, Stroke};
use talent_core::layout::change::{size, ChangePlan, PartsPlan};

/// The scene of a change chart. The focus is a row index.
pub fn change(plan: &ChangePlan, palette: &Palette, state: &Interaction) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    let (ax0, ax1, axis_top) = plan.axis;
    // Year key, top right of the axis: hollow = earlier, filled = later.
    let key_y = size::KEY / 2.0;
    let later_w = talent_core::layout::measure::text_width(&plan.key.1, size::TICK, false);
    let later_x = ax1 - later_w;
    scene.circle(
        (later_x - 10.0, key_y),
        5.0,
        Some(palette.text.into()),
        None,
    );
    scene.text(
        (later_x, key_y),
        plan.key.1.clone(),
        size::TICK,
        false,
        Anchor::Start,
        palette.muted,
    );
    let earlier_w = talent_core::layout::measure::text_width(&plan.key.0, size::TICK, false);
    let earlier_x = later_x - 24.0 - earlier_w;
    scene.circle(
        (earlier_x - 10.0, key_y),
        4.5,
        Some(palette.background.into()),
        Some(Stroke {
            colour: palette.text.into(),
            width: 1.5,
        }),
    );
    scene.text(
        (earlier_x, key_y),
        plan.key.0.clone(),
        size::TICK,
        false,
        Anchor::Start,
        palette.muted,
    );
    // Grid and axis.
    for (x, text) in &plan.ticks {
        scene.line(
            vec![(*x, size::KEY - 4.0), (*x, axis_top)],
            palette.grid.alpha(0.6),
            1.0,
        );
        scene.text(
            (*x, axis_top + 12.0),
            text.clone(),
            size::TICK,
            false,
            Anchor::Middle,
            palette.muted,
        );
    }
    scene.line(vec![(ax0, axis_top), (ax1, axis_top)], palette.grid, 1.0);
    for (i, row) in plan.rows.iter().enumerate() {
        let focused = state.focus == Some(i);
        let highlighted = state.highlight.as_deref() == Some(row.key.as_str());
        if highlighted || focused {
            let band = if focused {
                palette.panel
            } else {
                palette.highlight
            };
            scene.fill_rect([0.0, row.band.0 + 1.0, plan.width, row.band.1 - 1.0], band);
        }
        let first = row.y - size::LINE * (row.lines.len() as f64 - 1.0) / 2.0;
        for (l, line) in row.lines.iter().enumerate() {
            scene.text(
                (plan.label_x - 8.0, first + size::LINE * l as f64),
                line.clone(),
                size::LABEL,
                highlighted,
                Anchor::End,
                palette.text,
            );
        }
        let colour = palette.place(row.place);
        if let [a, b] = row.dots.as_slice() {
            scene.line(
                vec![(a.x, row.y), (b.x, row.y)],
                palette.tint(colour, 1),
                3.0,
            );
        }
        for dot in &row.dots {
            if dot.later {
                scene.circle((dot.x, dot.y), size::DOT, Some(colour.into()), None);
            } else {
                scene.circle(
                    (dot.x, dot.y),
                    size::DOT - 0.75,
                    Some(palette.background.into()),
                    Some(Stroke {
                        colour: colour.into(),
                        width: 2.0,
                    }),
                );
            }
            let anchor = if dot.text_ends {
                Anchor::End
            } else if dot.text_at.1 < dot.y {
                Anchor::Middle
            } else {
                Anchor::Start
            };
            scene.text(
                dot.text_at,
                dot.text.clone(),
                size::VALUE,
                false,
                anchor,
                palette.text,
            );
        }
        if focused {
            scene.stroke_rect(
                [1.0, row.band.0 + 1.0, plan.width - 1.0, row.band.1 - 1.0],
                palette.focus,
                2.0,
            );
        }
        scene.text(
            (plan.change_x, row.y),
            row.change.clone(),
            size::VALUE,
            row.significant,
            Anchor::Start,
            if row.significant {
                palette.text
            } else {
                palette.muted
            },
        );
    }
    scene
}

/// The scene of a parts bar. The focus is a segment index.
pub fn parts(plan: &PartsPlan, palette: &Palette, state: &Interaction) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    let (top, bottom) = plan.bar;
    for (i, s) in plan.segments.iter().enumerate() {
        let colour = palette.place(s.place);
        let bounds = [s.x.0, top, s.x.1, bottom];
        if s.derived {
            scene.fill_rect(bounds, palette.tint(colour, 2));
            scene.hatch(bounds, 6.0, palette.tint(colour, 1), 1.0);
        } else {
            scene.fill_rect(bounds, colour);
        }
        // A thin gap between segments, in the background colour.
        if i > 0 {
            scene.line(vec![(s.x.0, top), (s.x.0, bottom)], palette.background, 2.0);
        }
        if let Some(text) = &s.inside {
            let ink = if s.derived {
                palette.text
            } else {
                palette.background
            };
            scene.text(
                ((s.x.0 + s.x.1) / 2.0, (top + bottom) / 2.0),
                text.clone(),
                size::VALUE,
                true,
                Anchor::Middle,
                ink,
            );
        }
        let (kx, ky) = s.key_at;
        let swatch = [kx, ky - 7.0, kx + 14.0, ky + 7.0];
        if s.derived {
            scene.fill_rect(swatch, palette.tint(colour, 2));
            scene.hatch(swatch, 4.0, palette.tint(colour, 1), 1.0);
        } else {
            scene.fill_rect(swatch, colour);
        }
        let focused = state.focus == Some(i);
        scene.text(
            (kx + 20.0, ky),
            s.key_text.clone(),
            size::VALUE,
            focused,
            Anchor::Start,
            palette.text,
        );
        if focused {
            scene.stroke_rect(
                [s.x.0, top - 2.0, s.x.1.max(s.x.0 + 2.0), bottom + 2.0],
                palette.focus,
                2.0,
            );
        }
    }
    scene
}
