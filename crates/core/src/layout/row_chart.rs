//! A row chart of a flow network laid out in one language at one width class: diverging
//! bars of net flow (gains right of zero, losses left) or dot rows of arrivals and
//! departures, with labels, axis, tooltips, hit-testing and keyboard moves.
//!
//! The geometry is [`rows::diverging`] and [`rows::dots`]; text is measured with the one
//! deterministic [`text_width`], so the height depends only on the data, the language and
//! the width class. A label that needs two lines makes its row taller, never overlapping.

use super::measure::text_width;
use super::rows::{diverging, dots};
use super::sankey_chart::runs;
use super::sankey_labels::{Align, Line, NavKey, TextBox};
use super::text::{wrap, Anchor, TextRun};
use super::tip::Tip;
use super::width::WidthClass;
use crate::copy;
use crate::format;
use crate::series::flows::{RowChartData, RowKey, RowStyle};
use crate::series::place::Place;
use crate::Lang;

/// Sizes of a row chart, in design pixels.
pub mod size {
    /// Radius of the filled dot (the first value).
    pub const DOT: f64 = 4.5;
    /// Radius of the ring (the second value).
    pub const RING: f64 = 6.5;
    /// Axis labels and the direction captions of a diverging chart.
    pub const AXIS: f64 = 11.0;
    /// Line height of axis labels and captions.
    pub const AXIS_LINE: f64 = 13.0;
    /// Room below the last row for the tick labels of a dot chart.
    pub const TICKS: f64 = 24.0;
    /// Space between a bar's end and its value, and between the zero line and a caption.
    pub const PAD: f64 = 5.0;
    /// Space above the first row when there is no caption.
    pub const TOP: f64 = 4.0;
    /// Room kept right of the axis end of a dot chart (for the ring).
    pub const RIGHT: f64 = 16.0;
}

/// The marks of one row.
#[derive(Clone, Debug, PartialEq)]
pub enum RowShape {
    /// A bar from zero to the value, and the value at its outer end.
    Bar {
        /// Left, top, right, bottom (at least 1 px wide).
        bounds: [f64; 4],
        /// The value text.
        value: TextRun,
    },
    /// A ring at the second value under a filled dot at the first, joined by a line.
    Dots {
        /// Vertical centre of the row.
        y: f64,
        /// x of the first value (the filled dot).
        a_x: f64,
        /// x of the second value (the ring).
        b_x: f64,
    },
}

/// One row: its band, label, marks and tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMark {
    /// Stable key (not shown).
    pub key: String,
    /// Top and bottom of the row's band (hit-testing, the focus band).
    pub band: (f64, f64),
    /// The place whose colour its marks take.
    pub place: Place,
    /// The label's box, right-aligned before the plot.
    pub label: TextBox,
    /// The label's lines, placed.
    pub text: Vec<TextRun>,
    /// Its marks.
    pub shape: RowShape,
    /// Tooltip.
    pub tip: Tip,
}

/// A row chart laid out in one language at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct RowChartPlan {
    /// Design width.
    pub width: f64,
    /// Design height: depends only on the data, the language and the width class.
    pub height: f64,
    /// Which chart.
    pub style: RowStyle,
    /// Label size.
    pub font: f64,
    /// Label line height.
    pub line_height: f64,
    /// Rows, top to bottom: the keyboard's order too.
    pub rows: Vec<RowMark>,
    /// The zero line of a diverging chart.
    pub zero: Option<[(f64, f64); 2]>,
    /// The grid lines of a dot chart, one per tick.
    pub grid: Vec<[(f64, f64); 2]>,
    /// Tick labels (dots) or direction captions (diverging bars).
    pub axis_text: Vec<TextRun>,
    /// What the marks and colours mean.
    pub legend: Vec<RowKey>,
    /// What the chart shows and how to use it, for screen readers.
    pub description: String,
}

/// Lines of `text` placed in a box ending (`Align::Right`) or starting at `x`, from `top`.
fn caption(text: &str, x: f64, room: f64, align: Align, top: f64) -> TextBox {
    let lines: Vec<Line> = wrap(text, room.max(1.0), &|s| text_width(s, size::AXIS, false))
        .into_iter()
        .map(|text| Line { text, bold: None })
        .collect();
    let widest = lines
        .iter()
        .map(|l| text_width(&l.text, size::AXIS, false))
        .fold(0.0, f64::max);
    let (x0, x1) = match align {
        Align::Right => (x - widest, x),
        Align::Left => (x, x + widest),
    };
    TextBox {
        y1: top + lines.len() as f64 * size::AXIS_LINE,
        lines,
        x0,
        x1,
        y0: top,
        align,
        anchor_y: top,
    }
}

impl RowChartPlan {
    /// Lays out `chart` at the design width of `class`.
    pub fn new(chart: &RowChartData, lang: Lang, class: WidthClass) -> RowChartPlan {
        let width = class.design_width();
        let narrow = width < 520.0;
        let (font, line_height) = if narrow { (12.0, 14.0) } else { (13.0, 16.0) };
        let rows = &chart.rows;
        let widest = rows
            .iter()
            .map(|r| text_width(&r.label, font, false))
            .fold(0.0, f64::max);
        let label_width =
            (widest + 16.0).clamp(width * 0.22, width * if narrow { 0.36 } else { 0.3 });
        let wrapped: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                wrap(&r.label, label_width - 12.0, &|s| {
                    text_width(s, font, false)
                })
            })
            .collect();
        let heights: Vec<f64> = wrapped
            .iter()
            .map(|lines| (lines.len() as f64 * line_height + 12.0).max(30.0))
            .collect();

        let mut zero = None;
        let mut grid = Vec::new();
        let mut axis_text = Vec::new();
        let (shapes, tops, height): (Vec<RowShape>, Vec<f64>, f64) = match chart.style {
            RowStyle::Net => {
                let values: Vec<f64> = rows.iter().map(|r| r.a).collect();
                let value_widths: Vec<f64> = rows
                    .iter()
                    .map(|r| text_width(&r.value_text, font, true))
                    .collect();
                let lay = |top: f64| {
                    diverging(
                        &values,
                        &heights,
                        &value_widths,
                        width,
                        label_width,
                        size::PAD,
                        top,
                    )
                };
                // The captions sit above the rows on each side of the zero line, which
                // does not depend on where the rows start.
                let zero_x = lay(0.0).zero_x;
                let mut boxes = Vec::new();
                if let Some([loss, gain]) = &chart.directions {
                    let side = |negative: bool| {
                        values
                            .iter()
                            .any(|v| if negative { *v < 0.0 } else { *v > 0.0 })
                    };
                    if side(true) {
                        let text = copy::ROWS_TOWARDS_LOSS.fill(lang, &[("text", loss)]);
                        let x = zero_x - size::PAD;
                        boxes.push(caption(&text, x, x, Align::Right, size::TOP));
                    }
                    if side(false) {
                        let text = copy::ROWS_TOWARDS_GAIN.fill(lang, &[("text", gain)]);
                        let x = zero_x + size::PAD;
                        boxes.push(caption(&text, x, width - x, Align::Left, size::TOP));
                    }
                }
                let top = boxes
                    .iter()
                    .map(|b| b.y1 + size::PAD)
                    .fold(size::TOP, f64::max);
                for b in &boxes {
                    axis_text.extend(runs(b, size::AXIS, size::AXIS_LINE));
                }
                let d = lay(top);
                zero = Some([(d.zero_x, top), (d.zero_x, d.bottom)]);
                let shapes = d
                    .rows
                    .iter()
                    .zip(rows)
                    .map(|(row, datum)| {
                        let inset = ((row.bottom - row.top) * 0.22).min(9.0);
                        RowShape::Bar {
                            bounds: [
                                row.bar_x0,
                                row.top + inset,
                                row.bar_x1.max(row.bar_x0 + 1.0),
                                row.bottom - inset,
                            ],
                            value: TextRun {
                                x: row.value_x,
                                y: (row.top + row.bottom) / 2.0,
                                anchor: match row.value_align {
                                    Align::Left => Anchor::Start,
                                    Align::Right => Anchor::End,
                                },
                                text: datum.value_text.clone(),
                                size: font,
                                bold: true,
                            },
                        }
                    })
                    .collect();
                let tops = d.rows.iter().map(|r| r.top).collect();
                (shapes, tops, d.bottom + size::TOP)
            }
            RowStyle::Dots => {
                let pairs: Vec<(f64, f64)> = rows.iter().map(|r| (r.a, r.b)).collect();
                let d = dots(&pairs, &heights, width, label_width, size::RIGHT, size::TOP);
                for &(value, x) in &d.ticks {
                    grid.push([(x, size::TOP), (x, d.bottom)]);
                    axis_text.push(TextRun {
                        x,
                        y: d.bottom + size::PAD + size::AXIS_LINE / 2.0,
                        anchor: Anchor::Middle,
                        text: format::exact(value, lang),
                        size: size::AXIS,
                        bold: false,
                    });
                }
                let shapes = d
                    .rows
                    .iter()
                    .map(|row| RowShape::Dots {
                        y: (row.top + row.bottom) / 2.0,
                        a_x: row.a_x,
                        b_x: row.b_x,
                    })
                    .collect();
                let tops = d.rows.iter().map(|r| r.top).collect();
                (shapes, tops, d.bottom + size::TICKS)
            }
        };
        let marks = rows
            .iter()
            .zip(shapes)
            .enumerate()
            .map(|(i, (datum, shape))| {
                let band = (tops[i], tops[i] + heights[i]);
                let text_height = wrapped[i].len() as f64 * line_height;
                let y0 = band.0 + (heights[i] - text_height) / 2.0;
                let label = TextBox {
                    lines: wrapped[i]
                        .iter()
                        .map(|text| Line {
                            text: text.clone(),
                            bold: None,
                        })
                        .collect(),
                    x0: 0.0,
                    x1: label_width - 8.0,
                    y0,
                    y1: y0 + text_height,
                    align: Align::Right,
                    anchor_y: y0 + text_height / 2.0,
                };
                RowMark {
                    key: datum.key.clone(),
                    band,
                    place: datum.place,
                    text: runs(&label, font, line_height),
                    label,
                    shape,
                    tip: datum.tip.clone(),
                }
            })
            .collect();
        let description = copy::ROWS_DESCRIPTION.fill(
            lang,
            &[("title", &chart.title), ("n", &rows.len().to_string())],
        );
        RowChartPlan {
            width,
            height: height.ceil(),
            style: chart.style,
            font,
            line_height,
            rows: marks,
            zero,
            grid,
            axis_text,
            legend: chart.key.clone(),
            description: copy::FLOWS_THEN.fill(
                lang,
                &[
                    ("first", &description),
                    ("second", copy::ROWS_KEYBOARD_HINT.get(lang)),
                ],
            ),
        }
    }

    /// The row whose band contains `y` (the whole width counts, so short bars are easy to
    /// hit).
    pub fn hit(&self, y: f64) -> Option<usize> {
        self.rows.iter().position(|r| y >= r.band.0 && y < r.band.1)
    }

    /// Where `key` moves the keyboard focus from `current`: Up and Left to the row above,
    /// Down and Right to the row below, Home and End to the first and last; with nothing
    /// focused, the first row (the last for End). `None` only when there are no rows.
    pub fn step(&self, current: Option<usize>, key: NavKey) -> Option<usize> {
        let last = self.rows.len().checked_sub(1)?;
        Some(match (key, current) {
            (NavKey::Home, _) => 0,
            (NavKey::End, _) => last,
            (_, None) => 0,
            (NavKey::Up | NavKey::Left, Some(i)) => i.saturating_sub(1).min(last),
            (NavKey::Down | NavKey::Right, Some(i)) => (i + 1).min(last),
        })
    }

    /// The tooltip of a row.
    pub fn tip(&self, row: usize) -> Option<&Tip> {
        self.rows.get(row).map(|r| &r.tip)
    }

    /// Where the tooltip of a row points: under its band, half-way along its label.
    pub fn tip_at(&self, row: usize) -> Option<(f64, f64)> {
        self.rows.get(row).map(|r| (r.label.x1 / 2.0, r.band.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::projection::Baseline;
    use crate::series::cities::city_network;
    use crate::series::flows::{city_dot_rows, city_net_rows, region_net_rows, RowDatum};
    use crate::series::regions::country_network;
    use crate::Dataset;

    fn row(key: &str, a: f64, b: f64) -> RowDatum {
        RowDatum {
            key: key.into(),
            label: key.to_uppercase(),
            place: Place::Other,
            a,
            b,
            value_text: format::signed(a, 0, Lang::En),
            tip: Tip::default(),
        }
    }

    fn chart(style: RowStyle, rows: Vec<RowDatum>) -> RowChartData {
        RowChartData {
            style,
            rows,
            key: Vec::new(),
            directions: None,
            title: "T".into(),
        }
    }

    /// Every row chart of the Flows view in both languages at every width class.
    fn every_plan() -> Vec<(String, RowChartPlan)> {
        let data = Dataset::embedded();
        let cities = city_network(data);
        let net = country_network(Baseline::embedded());
        let mut plans = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            for class in WidthClass::ALL {
                for (name, chart) in [
                    ("region net", region_net_rows(&net, lang)),
                    ("city net", city_net_rows(&cities, lang)),
                    ("city dots", city_dot_rows(&cities, lang)),
                ] {
                    plans.push((
                        format!("{name} {lang:?} {class:?}"),
                        RowChartPlan::new(&chart, lang, class),
                    ));
                }
            }
        }
        plans
    }

    fn run_box(run: &TextRun) -> [f64; 4] {
        let w = text_width(&run.text, run.size, run.bold);
        let x0 = match run.anchor {
            Anchor::Start => run.x,
            Anchor::Middle => run.x - w / 2.0,
            Anchor::End => run.x - w,
        };
        [x0, run.y - run.size / 2.0, x0 + w, run.y + run.size / 2.0]
    }

    #[test]
    fn hand_worked_diverging_rows() {
        // Two one-line rows at full width (800 px): each band is max(16 + 12, 30) = 30 px
        // from the top margin of 4, so (4, 34) and (34, 64); the chart is 64 + 4 tall.
        let plan = RowChartPlan::new(
            &chart(
                RowStyle::Net,
                vec![row("a", -10.0, 0.0), row("b", 30.0, 0.0)],
            ),
            Lang::En,
            WidthClass::Full,
        );
        assert_eq!(plan.rows[0].band, (4.0, 34.0));
        assert_eq!(plan.rows[1].band, (34.0, 64.0));
        assert_eq!(plan.height, 68.0);
        // Rows are hit across the whole width, top inclusive.
        assert_eq!(plan.hit(4.0), Some(0));
        assert_eq!(plan.hit(33.9), Some(0));
        assert_eq!(plan.hit(34.0), Some(1));
        assert_eq!((plan.hit(64.0), plan.hit(2.0)), (None, None));
        // Bars are 10 : 30 long, either side of the zero line, inset 30 × 0.22 = 6.6 px.
        let bar = |i: usize| match &plan.rows[i].shape {
            RowShape::Bar { bounds, value } => (*bounds, value.clone()),
            other => panic!("{other:?}"),
        };
        let ((a, a_text), (b, b_text)) = (bar(0), bar(1));
        let zero = plan.zero.expect("zero line")[0].0;
        assert!((a[2] - zero).abs() < 1e-9 && (b[0] - zero).abs() < 1e-9);
        assert!((3.0 * (a[2] - a[0]) - (b[2] - b[0])).abs() < 1e-9);
        assert!((a[1] - 10.6).abs() < 1e-9 && (a[3] - 27.4).abs() < 1e-9);
        // The loss's value ends 5 px left of its bar, the gain's starts 5 px right.
        assert_eq!((a_text.anchor, a_text.text.as_str()), (Anchor::End, "-10"));
        assert!((a_text.x - (a[0] - 5.0)).abs() < 1e-9);
        assert_eq!(
            (b_text.anchor, b_text.text.as_str()),
            (Anchor::Start, "+30")
        );
        assert!((b_text.x - (b[2] + 5.0)).abs() < 1e-9);
        // Labels end 8 px before the plot, which starts at 22% of the width (short
        // labels): 800 × 0.22 − 8 = 168.
        assert!((plan.rows[0].label.x1 - 168.0).abs() < 1e-9);
        assert_eq!(plan.rows[0].text[0].anchor, Anchor::End);
    }

    #[test]
    fn keyboard_moves_stay_in_the_rows() {
        let plan = RowChartPlan::new(
            &chart(
                RowStyle::Dots,
                vec![row("a", 1.0, 2.0), row("b", 3.0, 4.0), row("c", 5.0, 0.0)],
            ),
            Lang::En,
            WidthClass::Narrow,
        );
        assert_eq!(plan.step(None, NavKey::Down), Some(0));
        assert_eq!(plan.step(None, NavKey::End), Some(2));
        assert_eq!(plan.step(Some(0), NavKey::Down), Some(1));
        assert_eq!(plan.step(Some(2), NavKey::Right), Some(2));
        assert_eq!(plan.step(Some(0), NavKey::Up), Some(0));
        assert_eq!(plan.step(Some(2), NavKey::Home), Some(0));
        let empty = RowChartPlan::new(
            &chart(RowStyle::Net, Vec::new()),
            Lang::En,
            WidthClass::Full,
        );
        assert_eq!(empty.step(None, NavKey::Down), None);
        // Dots: the largest value is 5; 5 / 4 = 1.25 rounds up to a step of 2, and 4 < 5,
        // so the axis runs 0, 2, 4, 6. The ring of c's 0 sits at the axis origin.
        let ticks: Vec<&str> = plan.axis_text.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(ticks, ["0", "2", "4", "6"]);
        match plan.rows[2].shape {
            RowShape::Dots { b_x, .. } => assert_eq!(b_x, plan.grid[0][0].0),
            ref other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rows_labels_and_captions_never_overlap() {
        for (name, plan) in every_plan() {
            let mut texts: Vec<[f64; 4]> = plan.axis_text.iter().map(run_box).collect();
            let first_row = plan.rows.first().map_or(0.0, |r| r.band.0);
            for pair in plan.rows.windows(2) {
                assert_eq!(pair[0].band.1, pair[1].band.0, "{name}: bands tile");
            }
            for (i, row) in plan.rows.iter().enumerate() {
                let l = &row.label;
                assert!(
                    l.y0 >= row.band.0 && l.y1 <= row.band.1,
                    "{name}: label {i} in its band"
                );
                for run in &row.text {
                    let b = run_box(run);
                    assert!(b[0] >= -0.5, "{name}: {run:?} on the canvas");
                    texts.push(b);
                }
                if let RowShape::Bar { bounds, value } = &row.shape {
                    let b = run_box(value);
                    assert!(
                        b[0] >= l.x1 && b[2] <= plan.width + 0.5,
                        "{name}: value {i} inside"
                    );
                    assert!(
                        b[2] <= bounds[0] + 1e-9 || b[0] >= bounds[2] - 1e-9,
                        "{name}: value {i} off its bar"
                    );
                    assert!(bounds[0] >= l.x1, "{name}: bar {i} right of its label");
                    texts.push(b);
                }
            }
            // Captions above the first row.
            for run in &plan.axis_text {
                if plan.style == RowStyle::Net {
                    assert!(
                        run_box(run)[3] <= first_row,
                        "{name}: caption above the rows"
                    );
                }
            }
            for (i, a) in texts.iter().enumerate() {
                for b in &texts[i + 1..] {
                    let apart = a[2] <= b[0] + 1e-9
                        || b[2] <= a[0] + 1e-9
                        || a[3] <= b[1] + 1e-9
                        || b[3] <= a[1] + 1e-9;
                    assert!(apart, "{name}: {a:?} and {b:?} overlap");
                }
            }
            let bottom = plan.rows.last().map_or(0.0, |r| r.band.1);
            assert!(bottom <= plan.height, "{name}");
        }
    }
}
