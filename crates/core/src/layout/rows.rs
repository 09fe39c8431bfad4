//! Row charts of gains and losses: diverging bars of net flow, and dot rows of
//! arrivals and departures on one axis.

use super::sankey_labels::Align;

/// Where one row of a diverging bar chart sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DivergingRow {
    /// Top of the row band.
    pub top: f64,
    /// Bottom of the row band.
    pub bottom: f64,
    /// Left end of the bar.
    pub bar_x0: f64,
    /// Right end of the bar.
    pub bar_x1: f64,
    /// Where the value text is anchored.
    pub value_x: f64,
    /// `Right`: the text ends at `value_x` (negative values, left of the bar);
    /// `Left`: it starts there (zero and positive values, right of the bar).
    pub value_align: Align,
}

/// A diverging bar chart: a label lane, then bars left (negative) or right (positive)
/// of a zero line, each with its value text outside the bar end.
#[derive(Clone, Debug, PartialEq)]
pub struct DivergingLayout {
    /// The zero line.
    pub zero_x: f64,
    /// Pixels per unit.
    pub scale: f64,
    /// Right edge of the label lane.
    pub label_width: f64,
    /// Rows, in input order, stacked from `top`.
    pub rows: Vec<DivergingRow>,
    /// Bottom of the last row.
    pub bottom: f64,
}

/// Lays out diverging bars in `width` pixels: labels take `label_width`, the widest
/// value text on each side (`value_widths`, plus `pad`) is kept free, and one scale
/// fits the most negative and the most positive value in the rest.
///
/// Guarantees (tested): every value text lies in `[label_width, width]` and never on
/// its bar; bars never enter the label lane.
///
/// ```
/// use talent_core::layout::rows::diverging;
/// // Values -10 and +30, 20-px value texts, 4-px pad: 24 px kept on each side,
/// // 400 - 100 - 48 = 252 px for 40 units: 6.3 px per unit, zero at 100 + 24 + 63.
/// let d = diverging(&[-10.0, 30.0], &[20.0; 2], &[20.0; 2], 400.0, 100.0, 4.0, 0.0);
/// assert!((d.scale - 6.3).abs() < 1e-9 && (d.zero_x - 187.0).abs() < 1e-9);
/// ```
pub fn diverging(
    values: &[f64],
    row_heights: &[f64],
    value_widths: &[f64],
    width: f64,
    label_width: f64,
    pad: f64,
    top: f64,
) -> DivergingLayout {
    let n = values.len().min(row_heights.len()).min(value_widths.len());
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let room = |negative: bool| {
        (0..n)
            .filter(|&i| (finite(values[i]) < 0.0) == negative)
            .map(|i| value_widths[i] + pad)
            .fold(0.0, f64::max)
    };
    let (left_room, right_room) = (room(true), room(false));
    let neg = (0..n).map(|i| -finite(values[i])).fold(0.0, f64::max);
    let pos = (0..n).map(|i| finite(values[i])).fold(0.0, f64::max);
    let plot = (width - label_width - left_room - right_room).max(0.0);
    let scale = if neg + pos > 0.0 {
        plot / (neg + pos)
    } else {
        0.0
    };
    let zero_x = label_width + left_room + neg * scale;
    let mut y = top;
    let rows = (0..n)
        .map(|i| {
            let v = finite(values[i]);
            let end = zero_x + v * scale;
            let (bar_x0, bar_x1) = if v < 0.0 {
                (end, zero_x)
            } else {
                (zero_x, end)
            };
            let (value_x, value_align) = if v < 0.0 {
                (bar_x0 - pad, Align::Right)
            } else {
                (bar_x1 + pad, Align::Left)
            };
            let row = DivergingRow {
                top: y,
                bottom: y + row_heights[i],
                bar_x0,
                bar_x1,
                value_x,
                value_align,
            };
            y += row_heights[i];
            row
        })
        .collect();
    DivergingLayout {
        zero_x,
        scale,
        label_width,
        rows,
        bottom: y,
    }
}

/// Where one row of a dot chart (two values on one axis) sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DotRow {
    /// Top of the row band.
    pub top: f64,
    /// Bottom of the row band.
    pub bottom: f64,
    /// x of the first value.
    pub a_x: f64,
    /// x of the second value.
    pub b_x: f64,
}

/// A dot chart: one row per item, two dots per row on a shared axis from 0.
#[derive(Clone, Debug, PartialEq)]
pub struct DotLayout {
    /// x of the value 0.
    pub x0: f64,
    /// x of the axis end.
    pub x1: f64,
    /// Pixels per unit.
    pub scale: f64,
    /// Axis ticks: (value, x).
    pub ticks: Vec<(f64, f64)>,
    /// Rows, in input order, stacked from `top`.
    pub rows: Vec<DotRow>,
    /// Bottom of the last row.
    pub bottom: f64,
}

/// Round tick values from 0 covering `max` with about `count` steps of 1, 2, 2.5 or 5
/// times a power of ten; the last tick is at or above `max`.
///
/// ```
/// use talent_core::layout::rows::nice_ticks;
/// // 65 / 4 = 16.25 -> step 20; 60 < 65, so the axis runs to 80.
/// assert_eq!(nice_ticks(65.0, 4), [0.0, 20.0, 40.0, 60.0, 80.0]);
/// ```
pub fn nice_ticks(max: f64, count: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0];
    }
    let raw = max / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw - 1e-12)
        .unwrap_or(10.0 * magnitude);
    let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=steps).map(|k| k as f64 * step).collect()
}

/// Lays out dot rows in `width` pixels: labels take `label_width`, `right_pad` is kept
/// at the right, and the axis runs from 0 to the last of [`nice_ticks`] of the largest
/// value.
///
/// ```
/// use talent_core::layout::rows::dots;
/// // Largest value 65 -> axis 0..80 over 300 - 100 - 20 = 180 px: 2.25 px per unit.
/// let d = dots(&[(65.0, 12.0)], &[30.0], 300.0, 100.0, 20.0, 10.0);
/// assert_eq!((d.rows[0].a_x, d.rows[0].b_x), (100.0 + 65.0 * 2.25, 100.0 + 12.0 * 2.25));
/// ```
pub fn dots(
    pairs: &[(f64, f64)],
    row_heights: &[f64],
    width: f64,
    label_width: f64,
    right_pad: f64,
    top: f64,
) -> DotLayout {
    let n = pairs.len().min(row_heights.len());
    let finite = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let max = pairs
        .iter()
        .map(|&(a, b)| finite(a).max(finite(b)))
        .fold(0.0, f64::max);
    let tick_values = nice_ticks(max, 4);
    let axis_max = tick_values.last().copied().unwrap_or(1.0).max(1e-9);
    let x0 = label_width;
    let x1 = (width - right_pad).max(x0);
    let scale = (x1 - x0) / axis_max;
    let ticks = tick_values.iter().map(|&v| (v, x0 + v * scale)).collect();
    let mut y = top;
    let rows = (0..n)
        .map(|i| {
            let (a, b) = pairs[i];
            let row = DotRow {
                top: y,
                bottom: y + row_heights[i],
                a_x: x0 + finite(a) * scale,
                b_x: x0 + finite(b) * scale,
            };
            y += row_heights[i];
            row
        })
        .collect();
    DotLayout {
        x0,
        x1,
        scale,
        ticks,
        rows,
        bottom: y,
    }
}

/// Index of the row whose band contains `y` (top inclusive, bottom exclusive).
pub fn row_at(bands: &[(f64, f64)], y: f64) -> Option<usize> {
    bands
        .iter()
        .position(|&(top, bottom)| y >= top && y < bottom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::cities::city_network;
    use crate::Dataset;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn diverging_bars_keep_values_between_labels_and_edge() {
        // Hand-worked in the doc example: scale 6.3, zero at 187.
        let d = diverging(
            &[-10.0, 30.0],
            &[20.0; 2],
            &[20.0; 2],
            400.0,
            100.0,
            4.0,
            0.0,
        );
        // -10: bar [187 - 63, 187] = [124, 187], text ends at 120 (starts at 100).
        assert!(close(d.rows[0].bar_x0, 124.0) && close(d.rows[0].bar_x1, 187.0));
        assert!(close(d.rows[0].value_x, 120.0));
        assert_eq!(d.rows[0].value_align, Align::Right);
        // +30: bar [187, 376], text from 380 to 400.
        assert!(close(d.rows[1].bar_x1, 376.0) && close(d.rows[1].value_x, 380.0));
        assert_eq!(
            (d.rows[1].top, d.rows[1].bottom, d.bottom),
            (20.0, 40.0, 40.0)
        );
        // Only positive values: no room kept on the left; zero at the label lane.
        let d = diverging(&[5.0, 0.0], &[10.0; 2], &[12.0; 2], 200.0, 50.0, 4.0, 0.0);
        assert!(close(d.zero_x, 50.0));
        assert_eq!(d.rows[1].bar_x0, d.rows[1].bar_x1);
    }

    #[test]
    fn city_net_flows_fit_at_phone_and_desktop_widths() {
        let cities = city_network(Dataset::embedded());
        let values: Vec<f64> = cities.iter().map(|c| c.net_computed).collect();
        // 7 px per character of the value text, e.g. "+53" = 21 px.
        let widths: Vec<f64> = values
            .iter()
            .map(|v| format!("{v:+}").chars().count() as f64 * 7.0)
            .collect();
        for width in [302.0, 862.0] {
            let label = width * 0.3;
            let d = diverging(
                &values,
                &vec![24.0; values.len()],
                &widths,
                width,
                label,
                4.0,
                0.0,
            );
            for (i, row) in d.rows.iter().enumerate() {
                let (t0, t1) = match row.value_align {
                    Align::Right => (row.value_x - widths[i], row.value_x),
                    Align::Left => (row.value_x, row.value_x + widths[i]),
                };
                assert!(
                    t0 >= label - 1e-9 && t1 <= width + 1e-9,
                    "row {i} text inside"
                );
                assert!(
                    t1 <= row.bar_x0 + 1e-9 || t0 >= row.bar_x1 - 1e-9,
                    "text off bar"
                );
                assert!(row.bar_x0 >= label - 1e-9 && row.bar_x1 <= width);
                // Bars are proportional: |value| × scale.
                assert!(close(row.bar_x1 - row.bar_x0, values[i].abs() * d.scale));
            }
        }
    }

    #[test]
    fn ticks_and_dots() {
        assert_eq!(nice_ticks(65.0, 4), [0.0, 20.0, 40.0, 60.0, 80.0]);
        // 33 / 4 = 8.25 -> 10; 40 >= 33.
        assert_eq!(nice_ticks(33.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        // 9 / 4 = 2.25 -> 2.5.
        assert_eq!(nice_ticks(9.0, 4), [0.0, 2.5, 5.0, 7.5, 10.0]);
        // Exactly on a tick: no extra step.
        assert_eq!(nice_ticks(40.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 4), [0.0]);
        let d = dots(
            &[(65.0, 12.0), (0.0, 13.0)],
            &[30.0, 30.0],
            300.0,
            100.0,
            20.0,
            10.0,
        );
        assert_eq!(d.scale, 2.25);
        assert_eq!(d.rows[1].a_x, 100.0);
        assert_eq!((d.rows[1].top, d.bottom), (40.0, 70.0));
        assert_eq!(d.ticks.last(), Some(&(80.0, 280.0)));
        assert_eq!(row_at(&[(0.0, 10.0), (10.0, 20.0)], 10.0), Some(1));
        assert_eq!(row_at(&[(0.0, 10.0)], 10.0), None);
    }
}
