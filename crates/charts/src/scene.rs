//! A chart as a list of primitives, and the one painter that puts it on any plotters
//! backend.
//!
//! Coordinates are design pixels (the width class's design width across); [`paint`]
//! multiplies them by a scale: the device pixels per design pixel of a canvas, or a fixed
//! factor for SVG (whose viewBox then scales it again to the frame). Backends take integer
//! coordinates, so painting at a scale of 2 or more keeps curves smooth.

use crate::palette::Rgb;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};
use talent_core::layout::text::TextRun;

/// The font every chart text asks for: the system's interface font, the one the page uses
/// (each system falls back to its own CJK face). Layout never depends on which font a
/// browser picks (see `talent_core::layout::measure`).
pub const FONT_STACK: &str = "system-ui, sans-serif";

/// A colour with its opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    /// The colour.
    pub rgb: Rgb,
    /// Opacity, 0 to 1.
    pub alpha: f64,
}

impl From<Rgb> for Colour {
    fn from(rgb: Rgb) -> Colour {
        Colour { rgb, alpha: 1.0 }
    }
}

impl Rgb {
    /// This colour at `alpha` opacity.
    pub fn alpha(self, alpha: f64) -> Colour {
        Colour { rgb: self, alpha }
    }
}

/// A stroke: colour and width in design pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub colour: Colour,
    /// Width.
    pub width: f64,
}

/// Horizontal anchor of a text (defined in the core, whose plans place every text).
pub use talent_core::layout::text::Anchor;

/// One thing to paint.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An axis-aligned rectangle.
    Rect {
        /// Left, top, right, bottom.
        bounds: [f64; 4],
        /// Fill, if any.
        fill: Option<Colour>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// An open polyline.
    Line {
        /// The points, in order.
        points: Vec<(f64, f64)>,
        /// Its stroke.
        stroke: Stroke,
    },
    /// A filled polygon.
    Polygon {
        /// The corners, in order.
        points: Vec<(f64, f64)>,
        /// Its fill.
        fill: Colour,
    },
    /// A circle.
    Circle {
        /// Centre.
        centre: (f64, f64),
        /// Radius.
        radius: f64,
        /// Fill, if any.
        fill: Option<Colour>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// One line of text, vertically centred on `at.1`.
    Text {
        /// Anchor point.
        at: (f64, f64),
        /// The text.
        text: String,
        /// Size in design pixels.
        size: f64,
        /// Bold or regular.
        bold: bool,
        /// Which end of the text `at.0` is.
        anchor: Anchor,
        /// Colour.
        colour: Colour,
    },
}

/// A chart ready to paint: its size in design pixels and its items, back to front.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    /// Width in design pixels.
    pub width: f64,
    /// Height in design pixels.
    pub height: f64,
    /// What to paint, in order.
    pub items: Vec<Item>,
}

impl Scene {
    /// An empty scene of the given size, its background filled with `background`.
    pub fn new(width: f64, height: f64, background: Rgb) -> Scene {
        Scene {
            width,
            height,
            items: vec![Item::Rect {
                bounds: [0.0, 0.0, width, height],
                fill: Some(background.into()),
                stroke: None,
            }],
        }
    }

    /// A filled rectangle.
    pub fn fill_rect(&mut self, bounds: [f64; 4], fill: impl Into<Colour>) {
        self.items.push(Item::Rect {
            bounds,
            fill: Some(fill.into()),
            stroke: None,
        });
    }

    /// An outlined rectangle.
    pub fn stroke_rect(&mut self, bounds: [f64; 4], colour: impl Into<Colour>, width: f64) {
        self.items.push(Item::Rect {
            bounds,
            fill: None,
            stroke: Some(Stroke {
                colour: colour.into(),
                width,
            }),
        });
    }

    /// A straight line or polyline.
    pub fn line(&mut self, points: Vec<(f64, f64)>, colour: impl Into<Colour>, width: f64) {
        if points.len() >= 2 {
            self.items.push(Item::Line {
                points,
                stroke: Stroke {
                    colour: colour.into(),
                    width,
                },
            });
        }
    }

    /// A dashed straight line: `dash` drawn, `gap` left, from `from` to `to`.
    pub fn dashed(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        dash: f64,
        gap: f64,
        colour: impl Into<Colour>,
        width: f64,
    ) {
        self.dashed_path(&[from, to], dash, gap, colour, width);
    }

    /// A dashed polyline (a flattened curve): `dash` drawn, `gap` left, the pattern running
    /// on across its corners.
    pub fn dashed_path(
        &mut self,
        points: &[(f64, f64)],
        dash: f64,
        gap: f64,
        colour: impl Into<Colour>,
        width: f64,
    ) {
        let colour = colour.into();
        if dash <= 0.0 || points.len() < 2 {
            return;
        }
        let gap = gap.max(0.0);
        // Distance along the path where each point lies.
        let mut along = vec![0.0];
        for pair in points.windows(2) {
            let step = (pair[1].0 - pair[0].0).hypot(pair[1].1 - pair[0].1);
            along.push(along.last().copied().unwrap_or(0.0) + step);
        }
        let length = along.last().copied().unwrap_or(0.0);
        let at = |d: f64| {
            let i = along
                .partition_point(|&a| a <= d)
                .clamp(1, points.len() - 1);
            let (a, b) = (points[i - 1], points[i]);
            let span = along[i] - along[i - 1];
            let t = if span > 0.0 {
                (d - along[i - 1]) / span
            } else {
                0.0
            };
            (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
        };
        let mut start = 0.0;
        while start < length {
            let end = (start + dash).min(length);
            // The dash, with every corner of the path it passes.
            let mut piece = vec![at(start)];
            piece.extend(
                (0..points.len())
                    .filter(|&i| along[i] > start && along[i] < end)
                    .map(|i| points[i]),
            );
            piece.push(at(end));
            self.line(piece, colour, width);
            start = end + gap;
        }
    }

    /// Diagonal hatching inside a rectangle (lines rising to the right, `spacing` apart
    /// along the bottom edge), clipped to it: the mark of a part a source does not report.
    pub fn hatch(&mut self, bounds: [f64; 4], spacing: f64, colour: impl Into<Colour>, width: f64) {
        let colour = colour.into();
        let [x0, y0, x1, y1] = bounds;
        let (w, h) = (x1 - x0, y1 - y0);
        if w <= 0.0 || h <= 0.0 || spacing <= 0.0 {
            return;
        }
        // Lines x + y = c (in box coordinates from the bottom-left), for c from spacing
        // to w + h, clipped to the box.
        let mut c = spacing;
        while c < w + h {
            let start = (c.min(w), (c - c.min(w)));
            let end = ((c - h).max(0.0), c.min(h));
            self.line(
                vec![(x0 + start.0, y1 - start.1), (x0 + end.0, y1 - end.1)],
                colour,
                width,
            );
            c += spacing;
        }
    }

    /// A filled polygon.
    pub fn polygon(&mut self, points: Vec<(f64, f64)>, fill: impl Into<Colour>) {
        if points.len() >= 3 {
            self.items.push(Item::Polygon {
                points,
                fill: fill.into(),
            });
        }
    }

    /// A circle, filled, outlined or both.
    pub fn circle(
        &mut self,
        centre: (f64, f64),
        radius: f64,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
    ) {
        self.items.push(Item::Circle {
            centre,
            radius,
            fill,
            stroke,
        });
    }

    /// One line of text.
    pub fn text(
        &mut self,
        at: (f64, f64),
        text: impl Into<String>,
        size: f64,
        bold: bool,
        anchor: Anchor,
        colour: impl Into<Colour>,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.items.push(Item::Text {
                at,
                text,
                size,
                bold,
                anchor,
                colour: colour.into(),
            });
        }
    }

    /// A text placed by a plan, in `colour`.
    pub fn run(&mut self, run: &TextRun, colour: impl Into<Colour>) {
        self.text(
            (run.x, run.y),
            run.text.clone(),
            run.size,
            run.bold,
            run.anchor,
            colour,
        );
    }

    /// Paints `other` on this scene with its top-left corner at `at`: a chart inside its
    /// export frame, a frame inside a link preview.
    pub fn place(&mut self, other: &Scene, at: (f64, f64)) {
        self.items
            .extend(other.items.iter().map(|item| item.moved(at)));
    }
}

impl Item {
    /// The same item moved by `(dx, dy)`.
    pub fn moved(&self, (dx, dy): (f64, f64)) -> Item {
        let shift = |points: &[(f64, f64)]| points.iter().map(|(x, y)| (x + dx, y + dy)).collect();
        match self {
            Item::Rect {
                bounds: [x0, y0, x1, y1],
                fill,
                stroke,
            } => Item::Rect {
                bounds: [x0 + dx, y0 + dy, x1 + dx, y1 + dy],
                fill: *fill,
                stroke: *stroke,
            },
            Item::Line { points, stroke } => Item::Line {
                points: shift(points),
                stroke: *stroke,
            },
            Item::Polygon { points, fill } => Item::Polygon {
                points: shift(points),
                fill: *fill,
            },
            Item::Circle {
                centre,
                radius,
                fill,
                stroke,
            } => Item::Circle {
                centre: (centre.0 + dx, centre.1 + dy),
                radius: *radius,
                fill: *fill,
                stroke: *stroke,
            },
            Item::Text {
                at,
                text,
                size,
                bold,
                anchor,
                colour,
            } => Item::Text {
                at: (at.0 + dx, at.1 + dy),
                text: text.clone(),
                size: *size,
                bold: *bold,
                anchor: *anchor,
                colour: *colour,
            },
        }
    }
}

/// Points along a cubic Bézier curve (defined in the core, where plans flatten their
/// curves once for drawing and hit-testing alike).
pub use talent_core::layout::curve::cubic;

/// Paints `scene` on `backend`, every coordinate and size multiplied by `scale`.
pub fn paint<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let point = |(x, y): (f64, f64)| -> BackendCoord {
        ((x * scale).round() as i32, (y * scale).round() as i32)
    };
    let stroke_style = |s: &Stroke| Style {
        colour: s.colour,
        width: (s.width * scale).round().max(1.0) as u32,
    };
    backend.ensure_prepared()?;
    for item in &scene.items {
        match item {
            Item::Rect {
                bounds: [x0, y0, x1, y1],
                fill,
                stroke,
            } => {
                if let Some(fill) = fill {
                    let style = Style {
                        colour: *fill,
                        width: 1,
                    };
                    backend.draw_rect(point((*x0, *y0)), point((*x1, *y1)), &style, true)?;
                }
                if let Some(stroke) = stroke {
                    // Inset by half the stroke so the outline stays inside the box; a closed
                    // path rather than an outlined rectangle, which plotters' SVG backend
                    // draws one unit wide whatever the stroke.
                    let inset = stroke.width / 2.0;
                    let (left, top, right, bottom) =
                        (x0 + inset, y0 + inset, x1 - inset, y1 - inset);
                    backend.draw_path(
                        [
                            (left, top),
                            (right, top),
                            (right, bottom),
                            (left, bottom),
                            (left, top),
                        ]
                        .map(point),
                        &stroke_style(stroke),
                    )?;
                }
            }
            Item::Line { points, stroke } => {
                backend.draw_path(points.iter().copied().map(point), &stroke_style(stroke))?;
            }
            Item::Polygon { points, fill } => {
                let style = Style {
                    colour: *fill,
                    width: 1,
                };
                backend.fill_polygon(points.iter().copied().map(point), &style)?;
            }
            Item::Circle {
                centre,
                radius,
                fill,
                stroke,
            } => {
                let r = (radius * scale).round().max(1.0) as u32;
                if let Some(fill) = fill {
                    let style = Style {
                        colour: *fill,
                        width: 1,
                    };
                    backend.draw_circle(point(*centre), r, &style, true)?;
                }
                if let Some(stroke) = stroke {
                    backend.draw_circle(point(*centre), r, &stroke_style(stroke), false)?;
                }
            }
            Item::Text {
                at,
                text,
                size,
                bold,
                anchor,
                colour,
            } => {
                let style = TextStyle {
                    colour: *colour,
                    size: size * scale,
                    bold: *bold,
                    anchor: *anchor,
                };
                backend.draw_text(text, &style, point(*at))?;
            }
        }
    }
    backend.present()
}

fn backend_colour(c: Colour) -> BackendColor {
    BackendColor {
        alpha: c.alpha,
        rgb: (c.rgb.0, c.rgb.1, c.rgb.2),
    }
}

/// A stroke or fill for the backends.
struct Style {
    colour: Colour,
    width: u32,
}

impl BackendStyle for Style {
    fn color(&self) -> BackendColor {
        backend_colour(self.colour)
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text style for the backends. Vector backends (canvas, SVG) set the text with the
/// browser's fonts; bitmaps need `talent_charts::raster`, whose backend sets it with glyphs of
/// its own (`raster` feature).
pub(crate) struct TextStyle {
    pub(crate) colour: Colour,
    pub(crate) size: f64,
    pub(crate) bold: bool,
    pub(crate) anchor: Anchor,
}

/// A backend that would draw text pixel by pixel through plotters' own glyph path, which
/// this crate does not provide: a bitmap has to be painted by `talent_charts::raster` instead,
/// so that no picture is ever made without its text.
#[derive(Debug)]
pub struct NoFontError;

impl std::fmt::Display for NoFontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("text on a bitmap needs talent_charts::raster (the `raster` feature)")
    }
}

impl std::error::Error for NoFontError {}

impl BackendTextStyle for TextStyle {
    type FontError = NoFontError;

    fn color(&self) -> BackendColor {
        backend_colour(self.colour)
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        let h = match self.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        Pos::new(h, VPos::Center)
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_STACK)
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), NoFontError> {
        let width = talent_core::layout::measure::text_width(text, self.size, self.bold);
        Ok(((0, 0), (width.round() as i32, self.size.round() as i32)))
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, NoFontError> {
        Err(NoFontError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_is_clipped_to_its_box() {
        let mut scene = Scene::default();
        // A 10 x 4 box hatched every 4 px: c = 4, 8, 12 (< 14).
        scene.hatch([0.0, 0.0, 10.0, 4.0], 4.0, Rgb(0, 0, 0), 1.0);
        let lines: Vec<_> = scene
            .items
            .iter()
            .map(|item| match item {
                Item::Line { points, .. } => points.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        // c = 4: from (4, bottom) up to (0, 4 above the bottom = top).
        assert_eq!(lines[0], vec![(4.0, 4.0), (0.0, 0.0)]);
        // c = 8: from (8, bottom) to (4, top).
        assert_eq!(lines[1], vec![(8.0, 4.0), (4.0, 0.0)]);
        // c = 12: from the right edge at height 2 to (8, top).
        assert_eq!(lines[2], vec![(10.0, 2.0), (8.0, 0.0)]);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn dashes_run_on_around_corners() {
        let mut scene = Scene::default();
        // An L of 4 + 4 px, dash 3 gap 2: [0, 3] on the first leg; [5, 8] starts 1 px down
        // the second leg and ends at its end, (4, 4).
        scene.dashed_path(
            &[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)],
            3.0,
            2.0,
            Rgb(0, 0, 0),
            1.0,
        );
        let pieces: Vec<_> = scene
            .items
            .iter()
            .map(|item| match item {
                Item::Line { points, .. } => points.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            pieces,
            vec![vec![(0.0, 0.0), (3.0, 0.0)], vec![(4.0, 1.0), (4.0, 4.0)]]
        );
        // A dash across the corner keeps it: 2 px dashes, 1 px gaps, the second from 3 to 5.
        let mut scene = Scene::default();
        scene.dashed_path(
            &[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)],
            2.0,
            1.0,
            Rgb(0, 0, 0),
            1.0,
        );
        match &scene.items[1] {
            Item::Line { points, .. } => {
                assert_eq!(points, &vec![(3.0, 0.0), (4.0, 0.0), (4.0, 1.0)]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dashes_cover_the_line_with_gaps() {
        let mut scene = Scene::default();
        // 10 px at dash 3 gap 2: [0,3], [5,8], [10,10] is empty so not drawn.
        scene.dashed((0.0, 0.0), (10.0, 0.0), 3.0, 2.0, Rgb(0, 0, 0), 1.0);
        let spans: Vec<_> = scene
            .items
            .iter()
            .map(|item| match item {
                Item::Line { points, .. } => (points[0].0, points[1].0),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(spans, vec![(0.0, 3.0), (5.0, 8.0)]);
    }

    #[test]
    fn a_placed_scene_moves_every_item() {
        let mut inner = Scene::new(20.0, 10.0, Rgb(1, 2, 3));
        inner.line(vec![(0.0, 0.0), (20.0, 10.0)], Rgb(0, 0, 0), 1.0);
        inner.circle((5.0, 5.0), 2.0, None, None);
        inner.text((20.0, 5.0), "x", 10.0, false, Anchor::End, Rgb(0, 0, 0));
        let mut outer = Scene::new(100.0, 50.0, Rgb(9, 9, 9));
        outer.place(&inner, (10.0, 30.0));
        // After the outer background: the inner one at 10..30 x 30..40, then the line,
        // the circle and the text, each 10 right and 30 down.
        assert_eq!(outer.items.len(), 5);
        assert!(
            matches!(outer.items[1], Item::Rect { bounds, .. } if bounds == [10.0, 30.0, 30.0, 40.0])
        );
        assert!(
            matches!(&outer.items[2], Item::Line { points, .. } if points == &[(10.0, 30.0), (30.0, 40.0)])
        );
        assert!(
            matches!(outer.items[3], Item::Circle { centre, radius, .. } if centre == (15.0, 35.0) && radius == 2.0)
        );
        assert!(matches!(outer.items[4], Item::Text { at, .. } if at == (30.0, 35.0)));
    }
}
