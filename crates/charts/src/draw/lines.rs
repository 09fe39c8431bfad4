//! Line charts with bands, observed points and a ghost baseline; tornado charts.

use crate::palette::Palette;
use crate::scene::{Anchor, Scene, Stroke};
use talent_core::layout::lines::{size, LinesPlan, TornadoPlan};

/// The scene of a line chart; the focus is a year index.
pub fn lines(plan: &LinesPlan, palette: &Palette, focus: Option<usize>) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    let [left, right, _, bottom] = plan.plot;
    for (y, text) in &plan.y_ticks {
        scene.line(vec![(left, *y), (right, *y)], palette.grid.alpha(0.7), 1.0);
        scene.text(
            (left - 6.0, *y),
            text.clone(),
            size::TICK,
            false,
            Anchor::End,
            palette.muted,
        );
    }
    for (x, text) in &plan.x_ticks {
        scene.line(vec![(*x, bottom), (*x, bottom + 4.0)], palette.grid, 1.0);
        scene.text(
            (*x, bottom + 14.0),
            text.clone(),
            size::TICK,
            false,
            Anchor::Middle,
            palette.muted,
        );
    }
    scene.line(vec![(left, bottom), (right, bottom)], palette.muted, 1.0);
    // Bands first, under every line.
    for line in &plan.lines {
        if let Some(band) = &line.band {
            scene.polygon(band.clone(), palette.place(line.place).alpha(0.16));
        }
    }
    for line in &plan.lines {
        if let Some(baseline) = &line.baseline {
            let colour = palette.place(line.place).alpha(0.55);
            for pair in baseline.windows(2) {
                scene.dashed(pair[0], pair[1], 4.0, 3.0, colour, 1.5);
            }
        }
    }
    if let Some(i) = focus {
        let x = plan.x_of(i);
        scene.line(vec![(x, plan.plot[2]), (x, bottom)], palette.focus, 1.5);
    }
    for line in &plan.lines {
        scene.line(line.points.clone(), palette.place(line.place), 2.5);
        if let Some(i) = focus {
            if let Some(p) = line.points.get(i) {
                scene.circle(*p, 4.0, Some(palette.place(line.place).into()), None);
            }
        }
    }
    for ((x, y), line) in &plan.observed {
        let colour = plan
            .lines
            .get(*line)
            .map_or(palette.text, |l| palette.place(l.place));
        let r = 5.5;
        let diamond = vec![(*x, y - r), (x + r, *y), (*x, y + r), (x - r, *y)];
        scene.polygon(diamond.clone(), palette.background);
        let mut outline = diamond;
        outline.push((*x, y - r));
        scene.line(outline, colour, 2.0);
    }
    for label in &plan.labels {
        let colour = plan
            .lines
            .get(label.line)
            .map_or(palette.text, |l| palette.place(l.place));
        let (x, y) = label.at;
        scene.line(
            vec![(right + 2.0, label.from_y), (x - 3.0, y + size::LINE / 2.0)],
            colour.alpha(0.6),
            1.0,
        );
        for (i, text) in label.lines.iter().enumerate() {
            scene.text(
                (x, y + size::LINE * i as f64),
                text.clone(),
                size::LABEL,
                i == 0,
                Anchor::Start,
                if i == 0 { colour } else { palette.text },
            );
        }
    }
    scene
}

/// The scene of a tornado; the focus is a swing index.
pub fn tornado(plan: &TornadoPlan, palette: &Palette, focus: Option<usize>) -> Scene {
    let mut scene = Scene::new(plan.width, plan.height, palette.background);
    let colour = palette.place(plan.place);
    scene.text(
        (plan.label_x, 10.0),
        plan.heading.clone(),
        12.0,
        true,
        Anchor::Start,
        palette.muted,
    );
    let bottom = plan.swings.last().map_or(30.0, |s| s.band.1);
    for (x, text) in &plan.ticks {
        scene.line(vec![(*x, 22.0), (*x, bottom)], palette.grid.alpha(0.6), 1.0);
        scene.text(
            (*x, bottom + 12.0),
            text.clone(),
            12.0,
            false,
            Anchor::Middle,
            palette.muted,
        );
    }
    for (i, s) in plan.swings.iter().enumerate() {
        let middle = (s.band.0 + s.band.1) / 2.0;
        if focus == Some(i) {
            scene.fill_rect(
                [0.0, s.band.0 + 1.0, plan.width, s.band.1 - 1.0],
                palette.panel,
            );
        }
        let first = middle - 8.0 * (s.lines.len() as f64 - 1.0);
        for (l, line) in s.lines.iter().enumerate() {
            scene.text(
                (plan.label_x - 8.0, first + 16.0 * l as f64),
                line.clone(),
                13.0,
                focus == Some(i),
                Anchor::End,
                palette.text,
            );
        }
        scene.fill_rect(
            [
                s.bar.0,
                middle - 8.0,
                s.bar.1.max(s.bar.0 + 1.0),
                middle + 8.0,
            ],
            palette.tint(colour, 1),
        );
        let [(xa, ta), (xb, tb)] = &s.ends;
        let anchor = |x: f64, other: f64| {
            if x <= other {
                Anchor::End
            } else {
                Anchor::Start
            }
        };
        scene.text(
            (*xa, middle),
            ta.clone(),
            12.0,
            false,
            anchor(*xa, *xb),
            palette.text,
        );
        scene.text(
            (*xb, middle),
            tb.clone(),
            12.0,
            false,
            anchor(*xb, *xa),
            palette.text,
        );
    }
    let (cx, text) = &plan.centre;
    scene.line(vec![(*cx, 20.0), (*cx, bottom)], colour, 2.0);
    scene.circle(
        (*cx, 20.0),
        3.0,
        Some(colour.into()),
        Some(Stroke {
            colour: palette.background.into(),
            width: 1.0,
        }),
    );
    scene.text(
        (cx + 6.0, bottom + 12.0),
        text.clone(),
        12.0,
        true,
        Anchor::Start,
        colour,
    );
    scene
}
