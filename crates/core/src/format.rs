//! Numbers as readers of each language expect them.

use crate::copy;
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

/// Formats a number with the decimals it needs to be exact up to two places:
/// `41`, `5.6`, `49.28`.
///
/// ```
/// use talent_core::{format::exact, Lang};
/// assert_eq!(exact(41.0, Lang::En), "41");
/// assert_eq!(exact(5.6, Lang::En), "5.6");
/// assert_eq!(exact(1.126, Lang::En), "1.13");
/// ```
pub fn exact(value: f64, lang: Lang) -> String {
    let whole_at = |scale: f64| ((value * scale) - (value * scale).round()).abs() < 1e-6;
    let decimals = if whole_at(1.0) {
        0
    } else if whole_at(10.0) {
        1
    } else {
        2
    };
    number(value, decimals, lang)
}

/// Formats a number with a plus sign in front of gains: `+53`, `-19`, `0`.
///
/// ```
/// use talent_core::{format::signed, Lang};
/// assert_eq!(signed(53.0, 0, Lang::En), "+53");
/// assert_eq!(signed(-19.0, 0, Lang::En), "-19");
/// assert_eq!(signed(0.04, 1, Lang::En), "0.0");
/// ```
pub fn signed(value: f64, decimals: usize, lang: Lang) -> String {
    let text = number(value, decimals, lang);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// Formats a share (0 to 1) as a percentage with one decimal.
///
/// ```
/// use talent_core::{format::share, Lang};
/// assert_eq!(share(41.0 / 87.0, Lang::En), "47.1%");
/// ```
pub fn share(value: f64, lang: Lang) -> String {
    percent(value * 100.0, 1, lang)
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

/// A calendar date, passed in by the caller (nothing in the core reads a clock): the day
/// a reader exports or cites a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it is one: month 1 to 12, day within the month (Gregorian leap years).
    ///
    /// ```
    /// use talent_core::format::Date;
    /// assert!(Date::new(2028, 2, 29).is_some());
    /// assert!(Date::new(2026, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The date as a citation writes it: `2026-12-01`, `2026年12月1日`.
    ///
    /// ```
    /// use talent_core::{format::Date, Lang};
    /// let day = Date::new(2026, 12, 1).unwrap();
    /// assert_eq!(day.cited(Lang::En), "2026-12-01");
    /// assert_eq!(day.cited(Lang::Zh), "2026年12月1日");
    /// ```
    pub fn cited(self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{}-{:02}-{:02}", self.year, self.month, self.day),
            Lang::Zh => format!("{}年{}月{}日", self.year, self.month, self.day),
        }
    }

    /// A date written `YYYY-MM-DD`, if it is one.
    ///
    /// ```
    /// use talent_core::format::Date;
    /// assert_eq!(Date::parse("2024-04-12"), Date::new(2024, 4, 12));
    /// assert_eq!(Date::parse("2024-04"), None);
    /// assert_eq!(Date::parse("2024-13-01"), None);
    /// ```
    pub fn parse(iso: &str) -> Option<Date> {
        let mut parts = iso.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The date as prose writes it: "12 April 2024", "2024年4月12日".
    ///
    /// ```
    /// use talent_core::{format::Date, Lang};
    /// let day = Date::new(2024, 4, 12).unwrap();
    /// assert_eq!(day.written(Lang::En), "12 April 2024");
    /// assert_eq!(day.written(Lang::Zh), "2024年4月12日");
    /// ```
    pub fn written(self, lang: Lang) -> String {
        self.fill(copy::SOURCES_DATE, lang)
    }

    /// The frame's date line: "Exported 1 December 2026", "2026年12月1日导出".
    pub fn exported(self, lang: Lang) -> String {
        self.fill(copy::EXPORT_FRAME_DATE, lang)
    }

    /// `template` with the day, the month's name and the year.
    fn fill(self, template: copy::Text, lang: Lang) -> String {
        let month = [
            copy::EXPORT_MONTH_M01,
            copy::EXPORT_MONTH_M02,
            copy::EXPORT_MONTH_M03,
            copy::EXPORT_MONTH_M04,
            copy::EXPORT_MONTH_M05,
            copy::EXPORT_MONTH_M06,
            copy::EXPORT_MONTH_M07,
            copy::EXPORT_MONTH_M08,
            copy::EXPORT_MONTH_M09,
            copy::EXPORT_MONTH_M10,
            copy::EXPORT_MONTH_M11,
            copy::EXPORT_MONTH_M12,
        ][usize::from(self.month - 1)];
        template.fill(
            lang,
            &[
                ("day", &self.day.to_string()),
                ("month", month.get(lang)),
                ("year", &self.year.to_string()),
            ],
        )
    }
}
