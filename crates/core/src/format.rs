//! Numbers as readers of each language expect them.

use crate::Lang;

/// Formats a number with thousands separators and a fixed number of decimals.
///
/// Both English and Chinese group digits by thousands with a comma in running text
/// about statistics; Chinese puts no space before a percent sign either.
///
/// ```
/// use talent_core::{format::number, Lang};
/// assert_eq!(number(52000.0, 0, Lang::En), "52,000");
/// assert_eq!(number(-1234.567, 1, Lang::Zh), "-1,234.6");
/// ```
pub fn number(value: f64, decimals: usize, _lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::with_capacity(fixed.len() + whole.len() / 3 + 1);
    for (position, digit) in whole.chars().enumerate() {
        if position > 0 && (whole.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Formats percentage points (29 means 29%).
///
/// ```
/// use talent_core::{format::percent, Lang};
/// assert_eq!(percent(57.746, 1, Lang::En), "57.7%");
/// ```
pub fn percent(points: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", number(points, decimals, lang))
}

/// Formats a signed change in percentage points.
///
/// ```
/// use talent_core::{format::point_change, Lang};
/// assert_eq!(point_change(11.0, Lang::En), "+11 pp");
/// assert_eq!(point_change(-7.0, Lang::Zh), "-7个百分点");
/// ```
pub fn point_change(points: f64, lang: Lang) -> String {
    let sign = if points > 0.0 { "+" } else { "" };
    let digits = number(points, if points.fract() == 0.0 { 0 } else { 1 }, lang);
    match lang {
        Lang::En => format!("{sign}{digits} pp"),
        Lang::Zh => format!("{sign}{digits}个百分点"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_rounds() {
        assert_eq!(number(0.0, 0, Lang::En), "0");
        assert_eq!(number(999.5, 0, Lang::En), "1,000");
        assert_eq!(number(1_234_567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(number(123.0, 0, Lang::En), "123");
    }

    #[test]
    fn negative_zero_after_rounding_has_no_sign() {
        assert_eq!(number(-0.04, 1, Lang::En), "0.0");
        assert_eq!(number(-19.0, 0, Lang::En), "-19");
    }

    #[test]
    fn non_finite_is_a_dash_not_nan() {
        assert_eq!(number(f64::NAN, 1, Lang::En), "–");
    }
}
