//! Figures the app derives from cited facts, each carrying its formula, so the views
//! can show how a number was obtained and what it is compared with.
//!
//! Every input is read from the data pack by fact id; a derived figure whose inputs are
//! missing or undefined is `None`, never NaN.

use crate::data::Dataset;
use crate::model::metrics::{annualised_retention, implied_start, share};

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
    /// What it is, in English.
    pub label_en: &'static str,
    /// What it is, in Chinese.
    pub label_zh: &'static str,
    /// The computation with the figures read from the pack, in English.
    pub formula_en: String,
    /// The computation, in Chinese.
    pub formula_zh: String,
    /// A stated fact the value can be compared with, and its value.
    pub compare_with: Option<(&'static str, f64)>,
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
    Some(Derived {
        id: "china_origin_working_in_us_2019",
        facts: vec![CN_AMONG_US, US_WORK, CN_ORIGIN],
        value,
        unit: "percent",
        label_en: "China-undergrad top-tier researchers working at US institutions (2019, derived)",
        label_zh: "本科毕业于中国的顶尖研究人员在美国机构工作的比例（2019，推算）",
        formula_en: format!(
            "China share at US institutions × US work share / China origin share = \
             {cn_among_us}% × {us_work}% / {cn_origin}%"
        ),
        formula_zh: format!(
            "在美机构中国出身占比 × 美国工作占比 / 中国出身占比 = \
             {cn_among_us}% × {us_work}% / {cn_origin}%"
        ),
        compare_with: data.number(STATED).map(|v| (STATED, v)),
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
    let end = data.fact(kept_id)?.year;
    let start = data.fact(cohort_id)?.year;
    let (kept, cohort, years) = (c.kept, c.cohort, c.years);
    Some(Derived {
        id: "carnegie_yearly_retention",
        facts: CARNEGIE_RETENTION_FACTS.to_vec(),
        value: c.per_year * 100.0,
        unit: "percent per year",
        label_en: "Yearly US retention implied by Carnegie's 2019 cohort (derived)",
        label_zh: "卡内基2019年追踪样本隐含的年均留美率（推算）",
        formula_en: format!("({kept}/{cohort})^(1/{years}) × 100, years = {end} - {start}"),
        formula_zh: format!("({kept}/{cohort})^(1/{years}) × 100，年数 = {end} - {start}"),
        compare_with: None,
    })
}

/// The 2015 base of China's AI researchers implied by the stated 28.7% CAGR and the
/// 52,000 of 2024 over the 9 years between the facts' years: `52000 / 1.287^9` = 5,368,
/// compared with the stated "fewer than 10,000" (discrepancy d01).
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
    const START: &str = "itpo_china_researchers_2015";
    const END: &str = "itpo_china_researchers_2024";
    const RATE: &str = "itpo_china_cagr_2015_2024";
    let end_fact = data.fact(END)?;
    let start_fact = data.fact(START)?;
    let end = end_fact.number()?;
    let rate = data.number(RATE)?;
    let years = f64::from(end_fact.year) - f64::from(start_fact.year);
    let value = implied_start(end, rate / 100.0, years)?;
    Some(Derived {
        id: "itpo_implied_2015_base",
        facts: vec![END, RATE, START],
        value,
        unit: "researchers",
        label_en: "China's 2015 AI researchers implied by the stated 28.7% CAGR (derived)",
        label_zh: "按原文年复合增速倒推的2015年中国AI研究人员数（推算）",
        formula_en: format!("{end} / (1 + {rate}/100)^{years}"),
        formula_zh: format!("{end} / (1 + {rate}/100)^{years}"),
        compare_with: start_fact.number().map(|v| (START, v)),
    })
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
        assert_eq!(
            d.formula_en,
            "China share at US institutions × US work share / China origin share = \
             27% × 59% / 29%"
        );
        let (_, stated) = d.compare_with.unwrap();
        // 56 - 54.93 = 1.07 pp below the stated 'study or work' share.
        assert!((stated - d.value - 1.069).abs() < 1e-3);
    }

    #[test]
    fn carnegie_retention() {
        // years 2025 - 2019 = 6; ln 0.87 = -0.139262; / 6 = -0.0232103;
        // exp = 0.977057 -> 97.7057% a year.
        let d = carnegie_yearly_retention(Dataset::embedded()).unwrap();
        assert!((d.value - 97.7057).abs() < 1e-4);
        assert_eq!(d.formula_en, "(87/100)^(1/6) × 100, years = 2025 - 2019");
    }

    #[test]
    fn implied_base() {
        // 2024 - 2015 = 9 years; 1.287^9 = 9.687393; 52000 / 9.687393 = 5367.80.
        let d = itpo_implied_2015_base(Dataset::embedded()).unwrap();
        assert!((d.value - 5367.80).abs() < 0.01);
        assert_eq!(d.formula_en, "52000 / (1 + 28.7/100)^9");
        assert_eq!(
            d.compare_with,
            Some(("itpo_china_researchers_2015", 10_000.0))
        );
    }

    #[test]
    fn derived_values_are_finite() {
        for d in all_derived(Dataset::embedded()) {
            assert!(d.value.is_finite(), "{}", d.id);
        }
    }
}
