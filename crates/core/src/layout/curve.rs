//! Curves flattened into points, and the point-in-shape tests that hit-testing needs.
//!
//! A Sankey ribbon is flattened once, in its plan; the same polygon is painted and
//! hit-tested, so what a reader points at is exactly what is drawn.

/// A point in design pixels: `(x, y)`, y downwards.
pub type Point = (f64, f64);

/// Points along a cubic Bézier curve from `p0` to `p3` with control points `p1` and `p2`:
/// `segments + 1` points, both ends included.
///
/// ```
/// use talent_core::layout::curve::cubic;
/// // Control points on the ends' levels: the midpoint is half-way across and down.
/// let points = cubic((0.0, 0.0), (5.0, 0.0), (5.0, 10.0), (10.0, 10.0), 2);
/// assert_eq!(points, vec![(0.0, 0.0), (5.0, 5.0), (10.0, 10.0)]);
/// ```
pub fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, segments: usize) -> Vec<Point> {
    let n = segments.max(1);
    (0..=n)
        .map(|i| {
            let t = i as f64 / n as f64;
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            (
                a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
                a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
            )
        })
        .collect()
}

/// True when `(x, y)` is inside the closed polygon `points` (even-odd rule; a point exactly
/// on an edge may fall either way).
pub fn inside(points: &[Point], x: f64, y: f64) -> bool {
    let mut inside = false;
    let n = points.len();
    for i in 0..n {
        let (xi, yi) = points[i];
        let (xj, yj) = points[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < xj + (y - yj) * (xi - xj) / (yi - yj) {
            inside = !inside;
        }
    }
    inside
}

/// Distance from `(x, y)` to the nearest edge of the closed polygon `points`.
pub fn distance_to_outline(points: &[Point], x: f64, y: f64) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[(i + n - 1) % n], points[i]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let length = dx * dx + dy * dy;
            let t = if length > 0.0 {
                (((x - a.0) * dx + (y - a.1) * dy) / length).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (x - a.0 - t * dx).hypot(y - a.1 - t * dy)
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_inside_a_square_and_near_its_edges() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        assert!(inside(&square, 5.0, 5.0));
        assert!(!inside(&square, 11.0, 5.0));
        assert!(!inside(&square, 5.0, -0.1));
        // (13, 14) is 3 right and 4 below the corner (10, 10): 5 away.
        assert!((distance_to_outline(&square, 13.0, 14.0) - 5.0).abs() < 1e-12);
        // Inside, 2 from the left edge and 8 from the right.
        assert!((distance_to_outline(&square, 2.0, 5.0) - 2.0).abs() < 1e-12);
        assert!(!inside(&[], 0.0, 0.0));
    }

    #[test]
    fn a_cubic_has_its_ends_and_the_asked_number_of_points() {
        // t = 1/4: weights 27/64, 27/64, 9/64, 1/64 on x = 0, 5, 5, 10 give
        // (135 + 45 + 10) / 64 = 2.96875; on y = 0, 0, 10, 10: (90 + 10) / 64 = 1.5625.
        let points = cubic((0.0, 0.0), (5.0, 0.0), (5.0, 10.0), (10.0, 10.0), 4);
        assert_eq!(points.len(), 5);
        assert_eq!(points[1], (2.968_75, 1.562_5));
        assert_eq!(points[4], (10.0, 10.0));
        assert_eq!(
            cubic((1.0, 1.0), (1.0, 1.0), (1.0, 1.0), (2.0, 2.0), 0).len(),
            2
        );
    }
}
