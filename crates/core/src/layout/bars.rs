//! Placement of horizontal bars in a chart area, in pixels.
//!
//! Pure geometry so that drawing, hit-testing for tooltips and keyboard focus
//! all agree on where a bar is.

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
