//! Small, total arithmetic the views and checks share: shares, percentage-point
//! changes, compound annual growth and yearly retention.
//!
//! Every function is total: an input for which the quantity is undefined (a zero
//! denominator, a negative base, a non-finite number) gives `None`, never a silent NaN.
//! Rates are fractions (`0.201` = 20.1% a year); only [`percentage_point_change`]
//! works in percentage points.

/// True when every number is finite (not NaN, not infinite).
fn finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

/// The fraction `part / whole`.
///
/// Arguments: a part and the whole it belongs to, in the same unit.
/// Returns the fraction (0-1 when `0 <= part <= whole`; it is not clamped, so a part
/// larger than the whole gives more than 1 and shows the inconsistency), or `None`
/// when `whole <= 0` or an input is not finite.
///
/// ```
/// use talent_core::model::metrics::share;
/// // 41 of the 71 US top-100 scholars are in industry: 41/71 = 0.577...
/// assert!((share(41.0, 71.0).unwrap() - 0.5775).abs() < 1e-4);
/// assert_eq!(share(1.0, 0.0), None);
/// ```
pub fn share(part: f64, whole: f64) -> Option<f64> {
    if !finite(&[part, whole]) || whole <= 0.0 {
        return None;
    }
    Some(part / whole)
}

/// The change from one percentage to another, in percentage points (`to - from`).
///
/// Arguments: both values in percent (53 = 53%).
/// Returns `to_pct - from_pct`; negative for a fall. A NaN input gives NaN (the only
/// function here that returns a plain `f64`, because the difference of two finite
/// numbers is always defined).
///
/// ```
/// use talent_core::model::metrics::percentage_point_change;
/// // 53% (2019) -> 42% (2022) is a fall of 11 percentage points.
/// assert_eq!(percentage_point_change(53.0, 42.0), -11.0);
/// ```
pub fn percentage_point_change(from_pct: f64, to_pct: f64) -> f64 {
    to_pct - from_pct
}

/// Compound annual growth rate: the constant yearly rate `r` with
/// `start * (1 + r)^years = end`, i.e. `(end / start)^(1 / years) - 1`.
///
/// Arguments: start and end values (same unit) and the number of yearly steps.
/// Returns the rate as a fraction (`0.201` = 20.1% a year), or `None` when
/// `start <= 0`, `end < 0`, `years <= 0` or an input is not finite.
/// Complexity: O(1).
///
/// ```
/// use talent_core::model::metrics::cagr;
/// // 10,000 -> 52,000 over 9 years: 5.2^(1/9) - 1 = 0.201 (20.1% a year).
/// assert!((cagr(10_000.0, 52_000.0, 9.0).unwrap() - 0.2010).abs() < 1e-4);
/// assert_eq!(cagr(0.0, 52_000.0, 9.0), None);
/// ```
pub fn cagr(start: f64, end: f64, years: f64) -> Option<f64> {
    if !finite(&[start, end, years]) || start <= 0.0 || end < 0.0 || years <= 0.0 {
        return None;
    }
    Some((end / start).powf(years.recip()) - 1.0)
}

/// The start value a stated growth rate implies: `end / (1 + rate)^years`.
///
/// Arguments: the end value, the yearly rate as a fraction (`0.287` = 28.7%), the
/// number of yearly steps.
/// Returns the implied start value, or `None` when `rate <= -1` (the base would be
/// infinite or negative), `years < 0`, `end < 0` or an input is not finite.
/// Complexity: O(1).
///
/// ```
/// use talent_core::model::metrics::implied_start;
/// // 52,000 after 9 years at 28.7%: 52000 / 1.287^9 = 5,368.
/// assert!((implied_start(52_000.0, 0.287, 9.0).unwrap() - 5_367.8).abs() < 0.1);
/// ```
pub fn implied_start(end: f64, rate: f64, years: f64) -> Option<f64> {
    if !finite(&[end, rate, years]) || rate <= -1.0 || years < 0.0 || end < 0.0 {
        return None;
    }
    let factor = (1.0 + rate).powf(years);
    (factor.is_finite() && factor > 0.0).then(|| end / factor)
}

/// The constant yearly retention that keeps `kept` of `total` after `years` years:
/// `(kept / total)^(1 / years)`.
///
/// Arguments: how many stayed, the starting cohort, the number of years.
/// Returns the yearly retention factor (0-1), or `None` when `total <= 0`,
/// `kept < 0`, `kept > total`, `years <= 0` or an input is not finite.
/// Complexity: O(1). [`compound`] is the inverse.
///
/// ```
/// use talent_core::model::metrics::annualised_retention;
/// // Carnegie: 87 of 100 still in the US after 6 years (2019 -> 2025): 0.87^(1/6).
/// assert!((annualised_retention(87.0, 100.0, 6.0).unwrap() - 0.977057).abs() < 1e-6);
/// ```
pub fn annualised_retention(kept: f64, total: f64, years: f64) -> Option<f64> {
    if !finite(&[kept, total, years]) || total <= 0.0 || kept < 0.0 || kept > total {
        return None;
    }
    if years <= 0.0 {
        return None;
    }
    Some((kept / total).powf(years.recip()))
}

/// A yearly factor compounded over several years: `rate^years`; the inverse of
/// [`annualised_retention`] (and `compound(1 + g, n)` is the growth factor of a
/// yearly growth `g`).
///
/// Arguments: the yearly factor (for example a retention of `0.977`), the years.
/// Returns the factor over the whole period, or `None` when `rate < 0`, `years < 0`
/// or an input is not finite (or the result overflows).
/// Complexity: O(1).
///
/// ```
/// use talent_core::model::metrics::{annualised_retention, compound};
/// let yearly = annualised_retention(87.0, 100.0, 6.0).unwrap();
/// assert!((compound(yearly, 6.0).unwrap() - 0.87).abs() < 1e-12);
/// ```
pub fn compound(rate: f64, years: f64) -> Option<f64> {
    if !finite(&[rate, years]) || rate < 0.0 || years < 0.0 {
        return None;
    }
    let out = rate.powf(years);
    out.is_finite().then_some(out)
}

/// A bound of the Wilson score interval of a proportion, at a standard normal deviate.
///
/// `share` is the observed proportion (0-1) of a sample of `n`; `z` is signed: the
/// lower bound for `z < 0`, the upper for `z > 0`, the share itself for `z = 0`, so
/// `z = ±1.96` gives the 95% interval. The bound is monotonic in `z` and stays in
/// [0, 1] (unlike the normal approximation), which is why the uncertainty band draws
/// its inputs with it.
///
/// Returns `None` when `n <= 0`, `share` is outside [0, 1] or an input is not finite.
/// Complexity: O(1).
///
/// ```
/// use talent_core::model::metrics::wilson_bound;
/// // Carnegie: 87 of 100. Centre (0.87 + 1.96²/200) / (1 + 1.96²/100)
/// // = 0.889208 / 1.038416 = 0.856310; half-width
/// // 1.96·sqrt(0.87·0.13/100 + 1.96²/40000) / 1.038416 = 0.068657 / 1.038416 = 0.066117.
/// assert!((wilson_bound(0.87, 100.0, -1.96).unwrap() - 0.790193).abs() < 1e-5);
/// assert!((wilson_bound(0.87, 100.0, 1.96).unwrap() - 0.922427).abs() < 1e-5);
/// assert_eq!(wilson_bound(0.87, 100.0, 0.0), Some(0.87));
/// ```
pub fn wilson_bound(share: f64, n: f64, z: f64) -> Option<f64> {
    if !finite(&[share, n, z]) || n <= 0.0 || !(0.0..=1.0).contains(&share) {
        return None;
    }
    if z == 0.0 {
        return Some(share);
    }
    let z2 = z * z;
    let centre = share + z2 / (2.0 * n);
    let spread = z * (share * (1.0 - share) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre + spread) / (1.0 + z2 / n)).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64, eps: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= eps)
    }

    #[test]
    fn share_of_us_industry_scholars() {
        // 41 / 71: 71 * 0.5775 = 41.0025, so 41/71 = 0.57746...
        assert!(close(share(41.0, 71.0), 0.57746, 1e-5));
        // 49 / 201 = 0.24378 (201 * 0.24378 = 48.9998); 49 / 211 = 0.23223.
        assert!(close(share(49.0, 201.0), 0.24378, 1e-5));
        assert!(close(share(49.0, 211.0), 0.23223, 1e-5));
    }

    #[test]
    fn share_is_undefined_without_a_positive_whole() {
        // whole = 0 or negative has no meaning; NaN inputs are refused too.
        assert_eq!(share(1.0, 0.0), None);
        assert_eq!(share(1.0, -5.0), None);
        assert_eq!(share(f64::NAN, 5.0), None);
        assert_eq!(share(1.0, f64::INFINITY), None);
        // 0 of 10 is 0.
        assert_eq!(share(0.0, 10.0), Some(0.0));
    }

    #[test]
    fn percentage_point_changes() {
        // 53 -> 42: 42 - 53 = -11 pp (not the stated -13).
        assert_eq!(percentage_point_change(53.0, 42.0), -11.0);
        // 10 -> 26: 26 - 10 = +16 pp.
        assert_eq!(percentage_point_change(10.0, 26.0), 16.0);
    }

    #[test]
    fn cagr_of_china_researchers_over_nine_and_ten_years() {
        // (52000/10000)^(1/9) = 5.2^(1/9) = exp(ln 5.2 / 9) = exp(1.648659 / 9)
        //   = exp(0.183184) = 1.201036 -> 20.1% a year.
        assert!(close(cagr(10_000.0, 52_000.0, 9.0), 0.201036, 1e-6));
        // over 10 years: exp(1.648659 / 10) = exp(0.164866) = 1.179235 -> 17.9%.
        assert!(close(cagr(10_000.0, 52_000.0, 10.0), 0.179235, 1e-6));
    }

    #[test]
    fn cagr_of_a_doubling_and_edge_cases() {
        // 100 -> 121 over 2 years: sqrt(1.21) = 1.1 -> 10%.
        assert!(close(cagr(100.0, 121.0, 2.0), 0.1, 1e-12));
        // unchanged value: 0% growth; a fall to 0: -100%.
        assert!(close(cagr(5.0, 5.0, 3.0), 0.0, 1e-12));
        assert!(close(cagr(5.0, 0.0, 3.0), -1.0, 1e-12));
        // undefined inputs.
        assert_eq!(cagr(0.0, 10.0, 3.0), None);
        assert_eq!(cagr(-1.0, 10.0, 3.0), None);
        assert_eq!(cagr(1.0, -10.0, 3.0), None);
        assert_eq!(cagr(1.0, 10.0, 0.0), None);
        assert_eq!(cagr(1.0, f64::NAN, 3.0), None);
    }

    #[test]
    fn implied_2015_base_of_a_28_7_percent_cagr() {
        // 1.287^9 = exp(9 ln 1.287) = exp(9 * 0.252314) = exp(2.270826) = 9.687393;
        // 52000 / 9.687393 = 5367.80 (about 5,400).
        assert!(close(implied_start(52_000.0, 0.287, 9.0), 5_367.80, 0.01));
        // 1.287^10 = 9.687393 * 1.287 = 12.467675; 52000 / 12.467675 = 4170.79 (~4,200).
        assert!(close(implied_start(52_000.0, 0.287, 10.0), 4_170.79, 0.01));
    }

    #[test]
    fn implied_start_edge_cases() {
        // 121 after 2 years at 10%: 121 / 1.21 = 100.
        assert!(close(implied_start(121.0, 0.1, 2.0), 100.0, 1e-9));
        // zero years: the start is the end.
        assert_eq!(implied_start(7.0, 0.5, 0.0), Some(7.0));
        // a rate of -100% or less has no finite base.
        assert_eq!(implied_start(10.0, -1.0, 2.0), None);
        assert_eq!(implied_start(10.0, 0.1, -1.0), None);
        assert_eq!(implied_start(f64::INFINITY, 0.1, 1.0), None);
    }

    #[test]
    fn carnegie_yearly_retention() {
        // ln 0.87 = -0.139262; / 6 = -0.0232103; exp(-0.0232103) = 0.977057.
        assert!(close(
            annualised_retention(87.0, 100.0, 6.0),
            0.977057,
            1e-6
        ));
        // 81 of 100 over 2 years: sqrt(0.81) = 0.9.
        assert!(close(annualised_retention(81.0, 100.0, 2.0), 0.9, 1e-12));
    }

    #[test]
    fn annualised_retention_edge_cases() {
        assert_eq!(annualised_retention(1.0, 0.0, 6.0), None);
        assert_eq!(annualised_retention(-1.0, 100.0, 6.0), None);
        assert_eq!(annualised_retention(101.0, 100.0, 6.0), None);
        assert_eq!(annualised_retention(87.0, 100.0, 0.0), None);
        // nobody kept: 0 a year.
        assert_eq!(annualised_retention(0.0, 100.0, 6.0), Some(0.0));
    }

    #[test]
    fn compound_inverts_annualised_retention() {
        // 0.9^2 = 0.81; 0.977057^6 = 0.87 (the Carnegie 87 of 100).
        assert!(close(compound(0.9, 2.0), 0.81, 1e-12));
        let yearly = annualised_retention(87.0, 100.0, 6.0);
        assert!(close(yearly.and_then(|r| compound(r, 6.0)), 0.87, 1e-12));
        // growth: 1.1^2 = 1.21.
        assert!(close(compound(1.1, 2.0), 1.21, 1e-12));
        assert_eq!(compound(-0.5, 0.5), None);
        assert_eq!(compound(0.5, -1.0), None);
        assert_eq!(compound(10.0, 1e6), None);
    }
}
