//! Placement of horizontal bars in a chart area, in pixels.
//!
//! Pure geometry so that drawing, hit-testing for tooltips and keyboard focus
//! all agree on where a bar is. [`BarPlan`] is the whole chart in one language at one
//! width class; [`layout`] is the bare row geometry.

use super::measure::text_width;
use super::text::wrap;
use super::tip::Tip;
use super::width::WidthClass;
use crate::data::labels::label;
use crate::series::display::{self, Cell, CellKind};
use crate::series::place::Place;
use crate::series::BarSeries;
use crate::{Dataset, Lang};

/// Where one row of a horizontal bar chart sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarRow {
    /// Top of the row band.
    pub top: f64,
    /// Bottom of the row band.
    pub bottom: f64,
    /// Left edge of the bar (the value axis origin).
    pub x0: f64,
    /// Right edge of the bar; `None` when the value is not reported.
    pub x1: Option<f64>,
}

impl BarRow {
    /// True when the point is inside the row band (the whole width, so short bars are easy to hit).
    pub fn contains_y(&self, y: f64) -> bool {
        y >= self.top && y < self.bottom
    }
}

/// Geometry of a horizontal bar chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarGeometry {
    /// Total width in pixels.
    pub width: f64,
    /// Total height in pixels.
    pub height: f64,
    /// Room on the left for category labels.
    pub label_width: f64,
    /// Room on the right of the longest bar for its value label.
    pub value_width: f64,
}

/// Lays out bars in groups of `per_group` (one per series), one group per category
/// row; bars share a linear scale from 0 to `max`. `values` is group-major: bar `j`
/// of group `i` is at `i * per_group + j`, and so is its row in the result.
///
/// Within a group, bars share 80% of the band; the rest separates groups.
/// Returns an empty list when the area is too small to draw anything.
///
/// ```
/// use talent_core::layout::bars::{layout, BarGeometry};
/// let g = BarGeometry { width: 300.0, height: 100.0, label_width: 100.0, value_width: 50.0 };
/// let rows = layout(&[Some(150.0), None], 1, 150.0, g);
/// assert_eq!(rows[0].x1, Some(250.0)); // 100 + 150 px of plot width
/// assert_eq!(rows[1].x1, None);
/// ```
pub fn layout(
    values: &[Option<f64>],
    per_group: usize,
    max: f64,
    geometry: BarGeometry,
) -> Vec<BarRow> {
    let plot_width = geometry.width - geometry.label_width - geometry.value_width;
    if values.is_empty() || per_group == 0 || plot_width <= 0.0 || geometry.height <= 0.0 {
        return Vec::new();
    }
    let groups = values.len().div_ceil(per_group);
    let band = geometry.height / groups as f64;
    let (inner, pad) = if per_group == 1 {
        (band, 0.0)
    } else {
        (band * 0.8, band * 0.1)
    };
    let sub = inner / per_group as f64;
    let scale = if max > 0.0 && max.is_finite() {
        plot_width / max
    } else {
        0.0
    };
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let top = band * (i / per_group) as f64 + pad + sub * (i % per_group) as f64;
            BarRow {
                top,
                bottom: top + sub,
                x0: geometry.label_width,
                x1: value
                    .filter(|v| v.is_finite())
                    .map(|v| geometry.label_width + v.max(0.0) * scale),
            }
        })
        .collect()
}

/// The row under a vertical position, if any.
pub fn row_at(rows: &[BarRow], y: f64) -> Option<usize> {
    rows.iter().position(|row| row.contains_y(y))
}

/// Sizes of a bar chart, in design pixels.
pub mod size {
    /// Category labels.
    pub const LABEL: f64 = 14.0;
    /// Value labels.
    pub const VALUE: f64 = 13.0;
    /// Line height of a wrapped label.
    pub const LINE: f64 = 17.0;
    /// Height of a row of a one-series chart.
    pub const ROW: f64 = 40.0;
    /// Height of one bar of a several-series chart.
    pub const BAR: f64 = 20.0;
    /// Gap between the groups of a several-series chart.
    pub const GROUP_GAP: f64 = 14.0;
    /// Space between a bar's end and its value.
    pub const VALUE_GAP: f64 = 6.0;
}

/// How a bar is coloured: its place, how many steps lighter, and how it came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkStyle {
    /// The place whose colour it takes.
    pub place: Place,
    /// Lightness steps towards the background (0 = full colour).
    pub step: u8,
    /// Stated, derived, a bound, or not reported.
    pub kind: CellKind,
}

/// One bar: where it is, how it looks and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct BarMark {
    /// Index of its category row.
    pub group: usize,
    /// Index of its series.
    pub series: usize,
    /// Top, bottom of the bar.
    pub top: f64,
    /// Bottom of the bar.
    pub bottom: f64,
    /// Left end (the value axis origin).
    pub x0: f64,
    /// Right end; `None` when not reported.
    pub x1: Option<f64>,
    /// Colour and kind.
    pub style: MarkStyle,
    /// The value as printed beside the bar.
    pub text: String,
    /// Where the value text starts.
    pub text_x: f64,
    /// Tooltip.
    pub tip: Tip,
}

/// A category label, on one or two lines, right-aligned before the bars.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLabel {
    /// Stable key of the category (for highlighting across charts).
    pub key: String,
    /// Lines, top to bottom.
    pub lines: Vec<String>,
    /// Right end of the lines.
    pub x: f64,
    /// Vertical centre of the first line.
    pub y: f64,
    /// Top and bottom of the category's band (highlight, hit-testing).
    pub band: (f64, f64),
}

/// A legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// What the colour stands for.
    pub label: String,
    /// How its marks look.
    pub style: MarkStyle,
}

/// A horizontal bar chart, laid out in one language at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct BarPlan {
    /// Design width.
    pub width: f64,
    /// Design height.
    pub height: f64,
    /// One label per category row.
    pub labels: Vec<BarLabel>,
    /// Every bar, group by group, in series order: the keyboard's order too.
    pub marks: Vec<BarMark>,
    /// The series, when there are several.
    pub legend: Vec<LegendEntry>,
}

impl BarPlan {
    /// Lays out `series` in `lang` at the design width of `class`.
    pub fn new(data: &Dataset, series: &BarSeries, lang: Lang, class: WidthClass) -> BarPlan {
        let width = class.design_width();
        let per = series.series.len().max(1);
        let cells: Vec<Vec<Cell>> = series
            .groups
            .iter()
            .map(|g| {
                g.cells
                    .iter()
                    .map(|v| display::cell(data, v, series.unit, series.year, lang))
                    .collect()
            })
            .collect();
        let label_texts: Vec<&str> = series.groups.iter().map(|g| label(&g.key, lang)).collect();
        let widest_label = label_texts
            .iter()
            .map(|t| text_width(t, size::LABEL, false))
            .fold(0.0, f64::max);
        let label_width = (widest_label + 12.0).clamp(width * 0.28, width * 0.45);
        // One scale for every bar, as long as it can be while each bar's value text still
        // fits to its right: bar i ends at label_width + v_i * scale, then its text.
        let room = width - label_width - size::VALUE_GAP - 2.0;
        let max = series.max_value();
        let scale = cells
            .iter()
            .flatten()
            .filter_map(|c| Some((c.value?, text_width(&c.text, size::VALUE, false))))
            .filter(|(v, _)| *v > 0.0)
            .map(|(v, text)| (room - text).max(room * 0.2) / v)
            .fold(if max > 0.0 { room / max } else { 0.0 }, f64::min);
        let series_places: Vec<Place> = series.series.iter().map(|k| Place::of_key(k)).collect();
        let series_are_places = series_places.iter().all(|p| *p != Place::Neutral) && per > 1;

        let mut labels = Vec::new();
        let mut marks = Vec::new();
        let mut top = 0.0;
        for (g, group) in series.groups.iter().enumerate() {
            let lines = {
                let room = label_width - 10.0;
                let wrapped = wrap(label_texts[g], room, &|s| text_width(s, size::LABEL, false));
                if wrapped.len() <= 2 {
                    wrapped
                } else {
                    // Two lines at most: the rest joins the second line, which the label
                    // column may then overflow to the left (the label stays readable).
                    let mut two = wrapped[..1].to_vec();
                    two.push(wrapped[1..].join(if lang == Lang::Zh { "" } else { " " }));
                    two
                }
            };
            let bars_height = if per > 1 {
                size::BAR * per as f64
            } else {
                size::ROW
            };
            let label_height = size::LINE * lines.len() as f64 + 8.0;
            let band = bars_height.max(label_height);
            let pad = if per > 1 { size::GROUP_GAP / 2.0 } else { 0.0 };
            let (band_top, band_bottom) = (top, top + band + 2.0 * pad);
            let first_line =
                (band_top + band_bottom) / 2.0 - size::LINE * (lines.len() as f64 - 1.0) / 2.0;
            labels.push(BarLabel {
                key: group.key.clone(),
                lines,
                x: label_width - 8.0,
                y: first_line,
                band: (band_top, band_bottom),
            });
            let bars_top = (band_top + band_bottom) / 2.0 - bars_height / 2.0;
            for (s, cell) in cells[g].iter().enumerate() {
                let (bar_top, bar_bottom) = if per > 1 {
                    let t = bars_top + size::BAR * s as f64;
                    (t + 2.0, t + size::BAR - 2.0)
                } else {
                    (bars_top + 8.0, bars_top + size::ROW - 8.0)
                };
                let x1 = cell.value.map(|v| label_width + v.max(0.0) * scale);
                let place = if series_are_places {
                    series_places[s]
                } else {
                    Place::of_key(&group.key)
                };
                let step = if series_are_places { 0 } else { s.min(2) as u8 };
                let name = (per > 1).then(|| label(&series.series[s], lang));
                let heading = match name {
                    Some(name) => format!("{} · {name}", label_texts[g]),
                    None => label_texts[g].to_string(),
                };
                marks.push(BarMark {
                    group: g,
                    series: s,
                    top: bar_top,
                    bottom: bar_bottom,
                    x0: label_width,
                    x1,
                    style: MarkStyle {
                        place,
                        step,
                        kind: cell.kind,
                    },
                    text: cell.text.clone(),
                    text_x: x1.map_or(label_width + 4.0, |x| x + size::VALUE_GAP),
                    tip: Tip {
                        heading,
                        value: cell.text.clone(),
                        detail: cell.detail.clone(),
                    },
                });
            }
            top = band_bottom;
        }
        let legend = if per > 1 {
            series
                .series
                .iter()
                .enumerate()
                .map(|(s, key)| LegendEntry {
                    label: label(key, lang).to_string(),
                    style: MarkStyle {
                        place: if series_are_places {
                            series_places[s]
                        } else {
                            Place::Neutral
                        },
                        step: if series_are_places { 0 } else { s.min(2) as u8 },
                        kind: CellKind::Stated,
                    },
                })
                .collect()
        } else {
            Vec::new()
        };
        BarPlan {
            width,
            height: top.max(1.0),
            labels,
            marks,
            legend,
        }
    }

    /// The mark whose row band contains `y`, for pointers: the whole width of a bar's
    /// row counts, so short bars are easy to hit.
    pub fn mark_at(&self, y: f64) -> Option<usize> {
        let group = self
            .labels
            .iter()
            .position(|l| y >= l.band.0 && y < l.band.1)?;
        let in_group: Vec<usize> = (0..self.marks.len())
            .filter(|&i| self.marks[i].group == group)
            .collect();
        // The nearest bar of the group by its centre.
        in_group.into_iter().min_by(|&a, &b| {
            let d = |i: usize| ((self.marks[i].top + self.marks[i].bottom) / 2.0 - y).abs();
            d(a).total_cmp(&d(b))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEOMETRY: BarGeometry = BarGeometry {
        width: 500.0,
        height: 200.0,
        label_width: 120.0,
        value_width: 80.0,
    };

    #[test]
    fn bars_are_proportional_and_bands_tile_the_height() {
        // Plot width 500 − 120 − 80 = 300 px for max 75: 4 px per unit.
        let rows = layout(
            &[Some(75.0), Some(15.0), None, Some(0.0)],
            1,
            75.0,
            GEOMETRY,
        );
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].x1, Some(420.0)); // 120 + 75 × 4
        assert_eq!(rows[1].x1, Some(180.0)); // 120 + 15 × 4
        assert_eq!(rows[2].x1, None);
        assert_eq!(rows[3].x1, Some(120.0));
        // 200 px / 4 rows = 50 px bands, edge to edge.
        assert_eq!((rows[2].top, rows[2].bottom), (100.0, 150.0));
        assert_eq!(row_at(&rows, 149.9), Some(2));
        assert_eq!(row_at(&rows, 200.0), None);
    }

    #[test]
    fn groups_split_their_band_between_series() {
        // 2 groups of 2 bars in 200 px: 100 px bands, 10 px padding, 40 px per bar.
        let rows = layout(&[Some(1.0), Some(2.0), Some(3.0), None], 2, 3.0, GEOMETRY);
        let bands: Vec<(f64, f64)> = rows.iter().map(|r| (r.top, r.bottom)).collect();
        assert_eq!(
            bands,
            [(10.0, 50.0), (50.0, 90.0), (110.0, 150.0), (150.0, 190.0)]
        );
        assert_eq!(row_at(&rows, 95.0), None); // the gap between groups
        assert_eq!(row_at(&rows, 120.0), Some(2));
    }

    #[test]
    fn degenerate_input_gives_no_rows_and_no_nan() {
        assert!(layout(&[], 1, 10.0, GEOMETRY).is_empty());
        assert!(layout(&[Some(1.0)], 0, 1.0, GEOMETRY).is_empty());
        let narrow = BarGeometry {
            width: 150.0,
            ..GEOMETRY
        };
        assert!(layout(&[Some(1.0)], 1, 1.0, narrow).is_empty());
        let rows = layout(&[Some(f64::NAN), Some(5.0)], 1, 0.0, GEOMETRY);
        assert_eq!(rows[0].x1, None);
        assert_eq!(rows[1].x1, Some(120.0));
    }
}
