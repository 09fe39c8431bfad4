//! Sampling error of the shares the sources estimate from samples (MacroPolo's NeurIPS
//! authors, Carnegie's 100, Hoover's 201): Wilson score intervals for one share, and
//! Newcombe's interval for the change between two independent samples.
//!
//! Both assume a simple random sample of people. MacroPolo sampled *papers* and counted
//! their authors, so co-authors are not independent and the true uncertainty is somewhat
//! wider; the page says so beside every interval.

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A share and its 95% interval, all as fractions (0.29 = 29%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The estimate.
    pub estimate: f64,
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

/// The Wilson score interval of a share `p` observed in a sample of `n`.
///
/// `low, high = (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)`. `None` when `n` is
/// not positive or `p` is outside 0–1.
///
/// ```
/// use talent_core::model::sampling::wilson;
/// // 87 of 100: centre (0.87 + 0.0192) / 1.0384 = 0.8564, half-width
/// // 1.96 × √(0.001131 + 0.0000960) / 1.0384 = 0.0661: 79.0% to 92.2%.
/// let i = wilson(0.87, 100.0).unwrap();
/// assert!((i.low - 0.7902).abs() < 1e-4 && (i.high - 0.9224).abs() < 1e-4);
/// ```
pub fn wilson(p: f64, n: f64) -> Option<Interval> {
    if !(p.is_finite() && n.is_finite()) || n <= 0.0 || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(Interval {
        estimate: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// Newcombe's interval (method 10, from two Wilson intervals) for the change `p2 − p1`
/// between two independent samples.
///
/// ```
/// use talent_core::model::sampling::change;
/// // 29% of 675 (2019) to 47% of 867 (2022): +18 points, 95% interval about
/// // +13.3 to +22.6 points, which excludes zero.
/// let c = change((0.29, 675.0), (0.47, 867.0)).unwrap();
/// assert!((c.estimate - 0.18).abs() < 1e-12);
/// assert!(c.low > 0.13 && c.low < 0.136 && c.high > 0.223 && c.high < 0.229);
/// ```
pub fn change(first: (f64, f64), second: (f64, f64)) -> Option<Interval> {
    let a = wilson(first.0, first.1)?;
    let b = wilson(second.0, second.1)?;
    let d = b.estimate - a.estimate;
    Some(Interval {
        estimate: d,
        low: d - ((b.estimate - b.low).powi(2) + (a.high - a.estimate).powi(2)).sqrt(),
        high: d + ((b.high - b.estimate).powi(2) + (a.estimate - a.low).powi(2)).sqrt(),
    })
}

impl Interval {
    /// Whether the interval leaves out zero: a change larger than the sampling error.
    pub fn excludes_zero(&self) -> bool {
        self.low > 0.0 || self.high < 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_the_formula_worked_by_hand() {
        // 29% of 675: z²/n = 3.8415/675 = 0.005691; centre (0.29 + 0.002846) / 1.005691
        // = 0.29119; half 1.96 × √(0.29 × 0.71 / 675 + 3.8415 / (4 × 675²)) / 1.005691
        // = 1.96 × √(0.00030504 + 0.00000211) / 1.005691 = 0.03415: 25.70% to 32.53%.
        let i = wilson(0.29, 675.0).expect("valid");
        assert!((i.low - 0.2570).abs() < 2e-4, "{}", i.low);
        assert!((i.high - 0.3253).abs() < 2e-4, "{}", i.high);
        // The ends of the range stay inside 0–1.
        let none = wilson(0.0, 20.0).expect("valid");
        assert_eq!(none.low, 0.0);
        assert!(none.high > 0.15 && none.high < 0.17);
        assert_eq!(wilson(0.5, 0.0), None);
        assert_eq!(wilson(1.2, 10.0), None);
    }

    #[test]
    fn a_one_point_gap_in_small_subsamples_is_within_the_error() {
        // 37% to 38% of about 364 US-based authors each: the interval spans zero.
        let c = change((0.37, 364.0), (0.38, 364.0)).expect("valid");
        assert!(!c.excludes_zero());
        // 59% of 675 to 42% of 867 (US work share): −17 points, clearly outside it.
        assert!(change((0.59, 675.0), (0.42, 867.0))
            .expect("valid")
            .excludes_zero());
    }
}
