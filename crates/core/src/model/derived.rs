//! Figures the app derives from cited facts, each carrying its formula, so the views
//! can show how a number was obtained and what it is compared with.
//!
//! Every input is read from the data pack by fact id; a derived figure whose inputs are
//! missing or undefined is `None`, never NaN. Labels, formulas and comparisons are copy
//! texts (`data/copy/sources.toml`, section `derived`) filled with the figures, so both
//! languages say the same thing, and every formula is true as written: `=` only where
//! the shown result is exact, `≈` where it is rounded.

use crate::copy;
use crate::data::{Dataset, Qualifier, Text};
use crate::model::metrics::{annualised_retention, implied_start, share};
use crate::{format, Lang};

/// One derived figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// Stable id.
    pub id: &'static str,
    /// Ids of the facts used.
    pub facts: Vec<&'static str>,
    /// The derived value, in `unit`.
    pub value: f64,
    /// Unit of `value` (`percent` = percentage points).
    pub unit: &'static str,
    /// What it is.
    pub label: Text,
    /// The computation with the figures read from the pack, ending in the result.
    pub formula: Text,
    /// What the value is compared with and what the comparison shows, if anything.
    pub comparison: Option<Text>,
    /// A stated fact the value can be compared with, and its value.
    pub compare_with: Option<(&'static str, f64)>,
}

/// A copy text filled in both languages; `values` gives the placeholders in one language.
pub(crate) fn both<'a>(text: copy::Text, values: impl Fn(Lang) -> Vec<(&'a str, String)>) -> Text {
    let fill = |lang: Lang| {
        let values = values(lang);
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        text.fill(lang, &pairs)
    };
    Text {
        en: fill(Lang::En),
        zh: fill(Lang::Zh),
    }
}

/// A number as a formula shows it: grouped digits, `decimals` places.
pub(crate) fn shown(value: f64, decimals: usize) -> String {
    format::number(value, decimals, Lang::En)
}

/// A stated number as the source gives it: as many decimals as it has, up to two.
pub(crate) fn given(value: f64) -> String {
    format::exact(value, Lang::En)
}

/// The sign between a computation and its result shown with `decimals` places: `=`
/// when the shown result is exact, `≈` when it is rounded, so no formula is false as
/// written.
pub(crate) fn equals(value: f64, decimals: usize) -> &'static str {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    if ((value * scale).round() - value * scale).abs() < 1e-9 {
        "="
    } else {
        "≈"
    }
}

/// How far from "about x" a value may be and still fit it: 5% of x. A source's "about"
/// rounds to a figure people remember; 5% keeps "about 10,000" between 9,500 and 10,500.
pub(crate) const ABOUT: f64 = 0.05;

/// Whether `value` satisfies a stated figure read as the source qualifies it: under a
/// bound stated "fewer than", over one stated "more than", within [`ABOUT`] of one stated
/// "about", and equal (to float noise) to one stated as exact. Bounds are bounds: 5,368
/// satisfies "fewer than 10,000".
///
/// ```
/// use talent_core::data::Qualifier;
/// use talent_core::model::derived::within;
/// assert!(within(5368.0, 10_000.0, Some(Qualifier::Lt)));
/// assert!(!within(10_000.0, 10_000.0, Some(Qualifier::Lt)));
/// assert!(within(9_600.0, 10_000.0, Some(Qualifier::Approx)));
/// assert!(!within(9_400.0, 10_000.0, None));
/// ```
pub fn within(value: f64, stated: f64, qualifier: Option<Qualifier>) -> bool {
    match qualifier {
        Some(Qualifier::Lt) => value < stated,
        Some(Qualifier::Gt) => value > stated,
        Some(Qualifier::Approx) => (value - stated).abs() <= ABOUT * stated.abs(),
        Some(Qualifier::Exact) | None => (value - stated).abs() < 1e-9,
    }
}

/// A whole exponent as superscript digits: 9 as "⁹", 10 as "¹⁰".
///
/// ```
/// use talent_core::model::derived::superscript;
/// assert_eq!(superscript(9), "⁹");
/// assert_eq!(superscript(10), "¹⁰");
/// ```
pub fn superscript(n: u16) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).map(|d| DIGITS[d as usize]))
        .collect()
}

/// Share of China-undergrad top-tier researchers (NeurIPS 2019 sample) who work at US
/// institutions, from MacroPolo's shares:
/// `(China share among US-institution researchers 27% × US work share 59%) / China
/// origin share 29%` = 54.9%. Compared with the stated 56% who "study or work" at US
/// institutions (`mp19_china_ug_in_us`); the small gap fits the wider "study or work".
///
/// Returns `None` if a fact is missing or the origin share is not positive.
/// Complexity: O(1) lookups.
///
/// ```
/// use talent_core::{model::derived::china_origin_working_in_us_2019, Dataset};
/// let d = china_origin_working_in_us_2019(Dataset::embedded()).unwrap();
/// // 27 × 59 / 29 = 1593 / 29 = 54.93
/// assert!((d.value - 54.931).abs() < 1e-3);
/// assert_eq!(d.compare_with, Some(("mp19_china_ug_in_us", 56.0)));
/// ```
pub fn china_origin_working_in_us_2019(data: &Dataset) -> Option<Derived> {
    const CN_AMONG_US: &str = "mp19_us_inst_origin_share_china";
    const US_WORK: &str = "mp19_work_share_us";
    const CN_ORIGIN: &str = "mp19_origin_share_china";
    const STATED: &str = "mp19_china_ug_in_us";
    let cn_among_us = data.number(CN_AMONG_US)?;
    let us_work = data.number(US_WORK)?;
    let cn_origin = data.number(CN_ORIGIN)?;
    // Shares in percent: (a% × b%) / c% = a × b / c percent.
    let value = share(cn_among_us * us_work, cn_origin)?;
    let year = data.fact(US_WORK)?.year.to_string();
    let stated = data.number(STATED);
    Some(Derived {
        id: "china_origin_working_in_us_2019",
        facts: vec![CN_AMONG_US, US_WORK, CN_ORIGIN],
        value,
        unit: "percent",
        label: both(copy::DERIVED_CHINA_ORIGIN_IN_US_LABEL, |_| {
            vec![("year", year.clone())]
        }),
        formula: both(copy::DERIVED_CHINA_ORIGIN_IN_US_FORMULA, |_| {
            vec![
                ("among_us", given(cn_among_us)),
                ("us_work", given(us_work)),
                ("origin", given(cn_origin)),
                ("eq", equals(value, 1).to_owned()),
                ("value", shown(value, 1)),
            ]
        }),
        comparison: stated.map(|s| {
            both(copy::DERIVED_CHINA_ORIGIN_IN_US_COMPARED, |_| {
                vec![("stated", given(s)), ("value", shown(value, 1))]
            })
        }),
        compare_with: stated.map(|v| (STATED, v)),
    })
}

/// Carnegie's follow-up as counts: the cohort, how many were still at US institutions,
/// the years between, and the constant yearly retention they imply. The one place the
/// yearly retention is computed: [`carnegie_yearly_retention`] shows it with its
/// formula, and the what-if model takes its default from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CarnegieRetention {
    /// Still at US institutions at the end (`cg25_still_us`).
    pub kept: f64,
    /// The cohort at the start (`cg25_cohort_size`).
    pub cohort: f64,
    /// Years between the two facts (2025 - 2019).
    pub years: u16,
    /// `(kept / cohort)^(1 / years)`.
    pub per_year: f64,
}

/// Fact ids of [`CarnegieRetention`]: still in the US, cohort.
pub const CARNEGIE_RETENTION_FACTS: [&str; 2] = ["cg25_still_us", "cg25_cohort_size"];

/// Reads [`CarnegieRetention`] from the pack; `None` if a fact is missing or the numbers
/// are undefined (see [`annualised_retention`]).
///
/// ```
/// use talent_core::{model::derived::carnegie_retention, Dataset};
/// let c = carnegie_retention(Dataset::embedded()).unwrap();
/// // 0.87^(1/6) = 0.977057
/// assert_eq!((c.kept, c.cohort, c.years), (87.0, 100.0, 6));
/// assert!((c.per_year - 0.977057).abs() < 1e-6);
/// ```
pub fn carnegie_retention(data: &Dataset) -> Option<CarnegieRetention> {
    let [kept_id, cohort_id] = CARNEGIE_RETENTION_FACTS;
    let kept_fact = data.fact(kept_id)?;
    let cohort_fact = data.fact(cohort_id)?;
    let kept = kept_fact.number()?;
    let cohort = cohort_fact.number()?;
    let years = kept_fact.year.checked_sub(cohort_fact.year)?;
    let per_year = annualised_retention(kept, cohort, f64::from(years))?;
    Some(CarnegieRetention {
        kept,
        cohort,
        years,
        per_year,
    })
}

/// The constant yearly US retention implied by Carnegie's 87 of 100 still at US
/// institutions after 6 years (2019 -> 2025, from the facts' years):
/// `(87/100)^(1/6)` = 97.71% a year, i.e. about 2.3% leave each year.
///
/// Returns `None` if a fact is missing or the numbers are undefined.
/// Complexity: O(1) lookups.
///
/// ```
/// use talent_core::{model::derived::carnegie_yearly_retention, Dataset};
/// let d = carnegie_yearly_retention(Dataset::embedded()).unwrap();
/// // 0.87^(1/6) = 0.977057
/// assert!((d.value - 97.7057).abs() < 1e-4);
/// ```
pub fn carnegie_yearly_retention(data: &Dataset) -> Option<Derived> {
    let c = carnegie_retention(data)?;
    let [kept_id, cohort_id] = CARNEGIE_RETENTION_FACTS;
    let end = data.fact(kept_id)?.year.to_string();
    let start = data.fact(cohort_id)?.year.to_string();
    let value = c.per_year * 100.0;
    Some(Derived {
        id: "carnegie_yearly_retention",
        facts: CARNEGIE_RETENTION_FACTS.to_vec(),
        value,
        unit: "percent per year",
        label: both(copy::DERIVED_CARNEGIE_RETENTION_LABEL, |_| {
            vec![("start", start.clone())]
        }),
        formula: both(copy::DERIVED_CARNEGIE_RETENTION_FORMULA, |_| {
            vec![
                ("kept", given(c.kept)),
                ("cohort", given(c.cohort)),
                ("years", c.years.to_string()),
                ("start", start.clone()),
                ("end", end.clone()),
                ("eq", equals(value, 1).to_owned()),
                ("value", shown(value, 1)),
            ]
        }),
        comparison: None,
        compare_with: None,
    })
}

/// The 2015 base of China's AI researchers implied by the stated 28.7% CAGR and the
/// 52,000 of 2024 over the 9 years between the facts' years: `52000 / 1.287^9` = 5,368,
/// compared with the stated bound "fewer than 10,000" (discrepancy d01), which it
/// satisfies: a bound is not a value.
///
/// Returns `None` if a fact is missing or the rate is -100% or less.
/// Complexity: O(1) lookups.
///
/// ```
/// use talent_core::{model::derived::itpo_implied_2015_base, Dataset};
/// let d = itpo_implied_2015_base(Dataset::embedded()).unwrap();
/// // 52000 / 1.287^9 = 52000 / 9.687393 = 5367.8
/// assert!((d.value - 5367.8).abs() < 0.1);
/// ```
pub fn itpo_implied_2015_base(data: &Dataset) -> Option<Derived> {
    let (start_fact, end_fact, rate) = itpo_growth_facts(data)?;
    let end = end_fact.number()?;
    let years = end_fact.year.checked_sub(start_fact.year)?;
    let value = implied_start(end, rate / 100.0, f64::from(years))?;
    let bound = start_fact.number();
    let year = start_fact.year.to_string();
    Some(Derived {
        id: "itpo_implied_2015_base",
        facts: vec![ITPO_END, ITPO_RATE, ITPO_START],
        value,
        unit: "researchers",
        label: both(copy::DERIVED_ITPO_START_LABEL, |_| {
            vec![("year", year.clone()), ("rate", given(rate))]
        }),
        formula: both(copy::DERIVED_ITPO_START_FORMULA, |_| {
            vec![
                ("end", shown(end, 0)),
                ("rate", given(rate)),
                ("power", superscript(years)),
                ("eq", equals(value, 0).to_owned()),
                ("value", shown(value, 0)),
            ]
        }),
        comparison: bound.map(|b| {
            let text = match (start_fact.qualifier, within(value, b, start_fact.qualifier)) {
                (Some(Qualifier::Lt), true) => copy::DERIVED_ITPO_START_UNDER,
                (Some(Qualifier::Lt), false) => copy::DERIVED_ITPO_START_NOT_UNDER,
                _ => copy::DERIVED_ITPO_START_AGAINST,
            };
            both(text, |_| {
                vec![
                    ("bound", shown(b, 0)),
                    ("year", year.clone()),
                    ("value", shown(value, 0)),
                ]
            })
        }),
        compare_with: bound.map(|v| (ITPO_START, v)),
    })
}

/// ITPO and Dongbi Data: China's AI researchers in 2015 (a bound) and 2024, and the
/// stated yearly growth between them.
pub(crate) const ITPO_START: &str = "itpo_china_researchers_2015";
/// See [`ITPO_START`].
pub(crate) const ITPO_END: &str = "itpo_china_researchers_2024";
/// See [`ITPO_START`].
pub(crate) const ITPO_RATE: &str = "itpo_china_cagr_2015_2024";

/// The start and end facts of ITPO's growth and its stated rate in percent a year.
pub(crate) fn itpo_growth_facts(
    data: &Dataset,
) -> Option<(&crate::data::Fact, &crate::data::Fact, f64)> {
    Some((
        data.fact(ITPO_START)?,
        data.fact(ITPO_END)?,
        data.number(ITPO_RATE)?,
    ))
}

/// Every derived figure whose inputs are present, in a fixed order.
///
/// Complexity: O(1) lookups per figure.
///
/// ```
/// use talent_core::{model::derived::all_derived, Dataset};
/// assert_eq!(all_derived(Dataset::embedded()).len(), 3);
/// ```
pub fn all_derived(data: &Dataset) -> Vec<Derived> {
    [
        china_origin_working_in_us_2019(data),
        carnegie_yearly_retention(data),
        itpo_implied_2015_base(data),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_origin_us_work_share() {
        // 27 × 59 = 1593; 1593 / 29 = 54.931 (29 × 54.931 = 1592.999). Stated: 56.
        let d = china_origin_working_in_us_2019(Dataset::embedded()).unwrap();
        assert!((d.value - 54.931).abs() < 1e-3);
        // 54.931 shown as 54.9 is rounded, so the formula says ≈.
        assert!(
            d.formula.en.ends_with("27% × 59% ÷ 29% ≈ 54.9%"),
            "{}",
            d.formula.en
        );
        assert!(
            d.formula.zh.ends_with("27%×59%÷29%≈54.9%"),
            "{}",
            d.formula.zh
        );
        let (_, stated) = d.compare_with.unwrap();
        // 56 - 54.93 = 1.07 pp below the stated 'study or work' share.
        assert!((stated - d.value - 1.069).abs() < 1e-3);
        assert!(d.comparison.unwrap().en.contains("56%"));
    }

    #[test]
    fn carnegie_retention() {
        // years 2025 - 2019 = 6; ln 0.87 = -0.139262; / 6 = -0.0232103;
        // exp = 0.977057 -> 97.7057% a year, shown 97.7 (rounded: ≈).
        let d = carnegie_yearly_retention(Dataset::embedded()).unwrap();
        assert!((d.value - 97.7057).abs() < 1e-4);
        assert_eq!(
            d.formula.en,
            "(87 ÷ 100)^(1/6) ≈ 97.7% a year, over the 6 years 2019 to 2025"
        );
    }

    #[test]
    fn implied_base_is_under_the_bound() {
        // 2024 - 2015 = 9 years; 1.287^9 = 9.687393; 52000 / 9.687393 = 5367.80.
        let d = itpo_implied_2015_base(Dataset::embedded()).unwrap();
        assert!((d.value - 5367.80).abs() < 0.01);
        assert_eq!(d.formula.en, "52,000 ÷ (1 + 28.7%)⁹ ≈ 5,368");
        assert_eq!(
            d.compare_with,
            Some(("itpo_china_researchers_2015", 10_000.0))
        );
        // 5,368 < 10,000: consistent with "fewer than 10,000".
        let c = d.comparison.unwrap();
        assert!(
            c.en.contains("fewer than 10,000 for 2015: consistent"),
            "{}",
            c.en
        );
    }

    #[test]
    fn equals_only_for_exact_results() {
        // 60 shown with 0 decimals is exact; 68.333 with 1 is not; 0.5 with 1 is.
        assert_eq!(equals(60.0, 0), "=");
        assert_eq!(equals(41.0 / 60.0 * 100.0, 1), "≈");
        assert_eq!(equals(0.5, 1), "=");
        assert_eq!(shown(5367.8, 0), "5,368");
        assert_eq!(given(28.7), "28.7");
    }

    #[test]
    fn derived_values_are_finite_and_texts_bilingual() {
        for d in all_derived(Dataset::embedded()) {
            assert!(d.value.is_finite(), "{}", d.id);
            for t in [&d.label, &d.formula] {
                assert!(!t.en.is_empty() && !t.zh.is_empty() && !t.en.contains('{'));
            }
        }
    }
}
