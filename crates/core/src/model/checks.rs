//! Consistency checks that reproduce the discrepancies of the sources README
//! ("Discrepancies found") from the embedded facts.
//!
//! Every figure is read from the data pack by fact id ([`Dataset::number`],
//! [`Fact::related`]); no cited figure is written here as a literal. A check compares a
//! stated value with a value the app computes, within a tolerance in the stated unit.
//! When a fact is missing, the check is still listed, with `None` for the missing value
//! and `holds == false`.

use crate::data::{Dataset, Fact};
use crate::model::metrics::{cagr, implied_start, percentage_point_change, share};
use crate::series::cities::TABLE2_DATASET;

/// d01: China's AI researchers, <10,000 (2015) -> 52,000 (2024) at a stated 28.7% CAGR.
pub const D01: &str = "d01_cagr_28_7";
/// d02: 41 of 71 US top-100 scholars in industry called 'about 2/3'.
pub const D02: &str = "d02_us_industry_two_thirds";
/// d03: the text says Shanghai has no information-retrieval scholar; Table 1 lists two.
pub const D03: &str = "d03_shanghai_ir_zero";
/// d08: DeepSeek authors with US ties, 49 of 201 or of 211.
pub const D08: &str = "d08_deepseek_denominator";
/// d10: the 49 US-tied DeepSeek authors split 19 + 11 + 9.
pub const D10: &str = "d10_deepseek_us_path_split";
/// d12: mobility 53% (2019) -> 42% (2022), stated as a 13 pp drop.
pub const D12: &str = "d12_mobility_53_vs_55";
/// d22: Carnegie cohort of 100 and its returnees.
pub const D22: &str = "d22_carnegie_returnees";
/// d30: sums that are stated and add up.
pub const D30: &str = "d30_sum_checks_ok";
/// d32: AI 2000 (2020) counts and shares imply ~1,838 scholars, not 2,000.
pub const D32: &str = "d32_ai2000_2020_denominator";

/// Places in an AI 2000 list: 20 subfields x 100 scholars. This is the list's
/// definition (its name), not a cited figure.
pub const AI2000_PLACES: f64 = 2000.0;

/// Differences below this are float noise, not disagreement.
const EPS: f64 = 1e-9;

/// One consistency check: a stated figure against the app's own arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Id of the discrepancy (sources README, `Dataset::discrepancies`) it reproduces.
    pub id: &'static str,
    /// Unique key of this check (several checks can reproduce one discrepancy).
    pub key: String,
    /// Ids of the facts read.
    pub facts: Vec<String>,
    /// What is checked, in English.
    pub label_en: String,
    /// What is checked, in Chinese.
    pub label_zh: String,
    /// The stated value (`None` if a fact is missing).
    pub stated: Option<f64>,
    /// The value the app computes (`None` if undefined or a fact is missing).
    pub computed: Option<f64>,
    /// Unit of `stated`, `computed` and `tolerance`.
    pub unit: &'static str,
    /// Largest difference `|stated - computed|` still counted as agreement.
    pub tolerance: f64,
    /// The computation, in English, with the figures read from the pack.
    pub formula_en: String,
    /// The computation, in Chinese.
    pub formula_zh: String,
    /// Both values exist and agree within `tolerance`.
    pub holds: bool,
}

impl Check {
    /// `computed - stated`, when both exist.
    ///
    /// ```
    /// use talent_core::model::checks::{all_checks, D12};
    /// use talent_core::Dataset;
    /// let checks = all_checks(Dataset::embedded());
    /// let d12 = checks.iter().find(|c| c.id == D12).unwrap();
    /// // computed -11 pp vs stated -13 pp: a gap of +2 pp.
    /// assert_eq!(d12.difference(), Some(2.0));
    /// ```
    pub fn difference(&self) -> Option<f64> {
        Some(self.computed? - self.stated?)
    }
}

/// Formats a figure for a formula: shortest exact form, `?` if missing.
fn show(x: Option<f64>) -> String {
    x.map_or_else(|| "?".to_owned(), |v| format!("{v}"))
}

/// The first number that follows `marker` in `text` (digits and one decimal point).
fn number_after(text: &str, marker: &str) -> Option<f64> {
    let start = text.find(marker)? + marker.len();
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok().filter(|v: &f64| v.is_finite())
}

/// Builder for one check.
struct Spec<'a> {
    id: &'static str,
    key: String,
    facts: &'a [&'a str],
    label_en: String,
    label_zh: String,
    unit: &'static str,
    tolerance: f64,
}

impl Spec<'_> {
    fn check(
        self,
        stated: Option<f64>,
        computed: Option<f64>,
        formula_en: String,
        formula_zh: String,
    ) -> Check {
        let holds = match (stated, computed) {
            (Some(s), Some(c)) => (s - c).abs() <= self.tolerance + EPS,
            _ => false,
        };
        Check {
            id: self.id,
            key: self.key,
            facts: self.facts.iter().map(|f| (*f).to_owned()).collect(),
            label_en: self.label_en,
            label_zh: self.label_zh,
            stated,
            computed,
            unit: self.unit,
            tolerance: self.tolerance,
            formula_en,
            formula_zh,
            holds,
        }
    }
}

/// Sum of several optional figures; `None` if any is missing.
fn sum(values: &[Option<f64>]) -> Option<f64> {
    values.iter().copied().sum()
}

/// Years between the reference years of two facts.
fn years_between(data: &Dataset, from: &str, to: &str) -> Option<f64> {
    let a = data.fact(from)?.year;
    let b = data.fact(to)?.year;
    Some(f64::from(b) - f64::from(a))
}

/// A stated sum check: `parts` should add up to `whole`.
fn sum_check(
    id: &'static str,
    key: &str,
    (label_en, label_zh): (&str, &str),
    parts: &[Option<f64>],
    whole: Option<f64>,
    facts: &[&str],
    unit: &'static str,
) -> Check {
    let expr = parts
        .iter()
        .map(|p| show(*p))
        .collect::<Vec<_>>()
        .join(" + ");
    Spec {
        id,
        key: key.to_owned(),
        facts,
        label_en: label_en.to_owned(),
        label_zh: label_zh.to_owned(),
        unit,
        tolerance: 0.0,
    }
    .check(
        whole,
        sum(parts),
        format!("{expr} = {} (stated)", show(whole)),
        format!("{expr} = {}（原文）", show(whole)),
    )
}

/// d01: CAGR from the endpoints (over 9 and over 10 years) against the stated 28.7%,
/// and the 2015 base the stated rate implies against "fewer than 10,000".
///
/// "Fewer than 10,000" is read as "just under 10,000": the base checks allow 10%
/// (down to 9,000). Even from 9,000 the CAGR would be 21.5%, far from 28.7%.
fn d01(data: &Dataset) -> Vec<Check> {
    const START: &str = "itpo_china_researchers_2015";
    const END: &str = "itpo_china_researchers_2024";
    const RATE: &str = "itpo_china_cagr_2015_2024";
    let facts = [START, END, RATE];
    let start = data.number(START);
    let end = data.number(END);
    let stated = data.number(RATE);
    let span = years_between(data, START, END);
    let mut out = Vec::new();
    // 9 yearly steps 2015 -> 2024, and the 10-year reading that counts both end years.
    for (years, key) in [
        (span, "cagr_9_years"),
        (span.map(|y| y + 1.0), "cagr_10_years"),
    ] {
        let computed = match (start, end, years) {
            (Some(s), Some(e), Some(y)) => cagr(s, e, y).map(|r| r * 100.0),
            _ => None,
        };
        let expr = format!(
            "(({}/{})^(1/{}) - 1) × 100",
            show(end),
            show(start),
            show(years)
        );
        out.push(
            Spec {
                id: D01,
                key: key.to_owned(),
                facts: &facts,
                label_en: format!("CAGR over {} years vs stated", show(years)),
                label_zh: format!("{}年年复合增长率与原文对比", show(years)),
                unit: "percent per year",
                tolerance: 0.5,
            }
            .check(
                stated,
                computed,
                format!("CAGR = {expr}"),
                format!("年复合增长率 = {expr}"),
            ),
        );
    }
    for (years, key) in [
        (span, "implied_base_9_years"),
        (span.map(|y| y + 1.0), "implied_base_10_years"),
    ] {
        let computed = match (end, stated, years) {
            (Some(e), Some(r), Some(y)) => implied_start(e, r / 100.0, y),
            _ => None,
        };
        let expr = format!("{} / (1 + {}/100)^{}", show(end), show(stated), show(years));
        out.push(
            Spec {
                id: D01,
                key: key.to_owned(),
                facts: &facts,
                label_en: format!(
                    "2015 base implied by the stated CAGR over {} years",
                    show(years)
                ),
                label_zh: format!("按原文增速倒推的2015年基数（{}年）", show(years)),
                unit: "researchers",
                tolerance: start.map_or(0.0, |s| s * 0.1),
            }
            .check(
                start,
                computed,
                format!("implied 2015 base = {expr}"),
                format!("隐含2015年基数 = {expr}"),
            ),
        );
    }
    out
}

/// d02: 41/71 against the stated 2/3, and 41 + 19 against 71.
fn d02(data: &Dataset) -> Vec<Check> {
    const INDUSTRY: &str = "sh24_top100_us_industry";
    const STATED: &str = "sh24_top100_us_industry_share_stated";
    const ACADEMIA: &str = "sh24_top100_us_academia";
    const US: &str = "sh24_top100_us_count";
    let industry = data.number(INDUSTRY);
    let academia = data.number(ACADEMIA);
    let us = data.number(US);
    let computed = match (industry, us) {
        (Some(i), Some(u)) => share(i, u),
        _ => None,
    };
    let expr = format!("{} / {}", show(industry), show(us));
    vec![
        Spec {
            id: D02,
            key: "industry_share".into(),
            facts: &[INDUSTRY, STATED, US],
            label_en: "Industry share of US top-100 scholars vs 'about 2/3'".into(),
            label_zh: "美国顶尖学者企业界占比与原文“约2/3”对比".into(),
            unit: "fraction",
            tolerance: 0.02,
        }
        .check(
            data.number(STATED),
            computed,
            format!("industry share = {expr}"),
            format!("企业界占比 = {expr}"),
        ),
        sum_check(
            D02,
            "industry_plus_academia",
            (
                "US top-100 scholars: industry + academia vs total",
                "美国顶尖学者：企业界 + 学术界与总数对比",
            ),
            &[industry, academia],
            us,
            &[INDUSTRY, ACADEMIA, US],
            "scholars",
        ),
    ]
}

/// d08: 49/201 and 49/211 against Hoover's 24% (rounding to whole percent: ±0.5 pp).
fn d03(data: &Dataset) -> Check {
    let stated_id = "sh24_shanghai_count_information_retrieval";
    let rows = crate::series::subfields::shanghai_scholars(data)
        .into_iter()
        .filter(|s| s.subfield == "information_retrieval")
        .count() as f64;
    Spec {
        id: D03,
        key: "shanghai_ir_rows".to_owned(),
        facts: &[stated_id],
        label_en: "Shanghai scholars in information retrieval: text vs Table 1".to_owned(),
        label_zh: "上海信息检索领域学者：正文与表1".to_owned(),
        unit: "scholars",
        tolerance: 0.0,
    }
    .check(
        data.number(stated_id),
        Some(rows),
        format!("rows of Table 1 in information retrieval = {rows}"),
        format!("表1中信息检索领域的行数 = {rows}"),
    )
}

fn d08(data: &Dataset) -> Vec<Check> {
    const TIES: &str = "hv25_us_ties";
    let ties = data.number(TIES);
    let stated = data.fact(TIES).and_then(|f| f.related("share_pct_hoover"));
    [
        "hv25_authors_with_affiliation_history",
        "hv25_authors_with_data",
    ]
    .into_iter()
    .map(|denominator_id| {
        let denominator = data.number(denominator_id);
        let computed = match (ties, denominator) {
            (Some(t), Some(d)) => share(t, d).map(|s| s * 100.0),
            _ => None,
        };
        let expr = format!("{} / {} × 100", show(ties), show(denominator));
        Spec {
            id: D08,
            key: format!("us_ties_share_of_{}", show(denominator)),
            facts: &[TIES, denominator_id],
            label_en: format!(
                "US-tied share of {} authors vs Hoover's stated share",
                show(denominator)
            ),
            label_zh: format!(
                "以{}人为分母的美国经历占比与胡佛报告对比",
                show(denominator)
            ),
            unit: "percent",
            tolerance: 0.5,
        }
        .check(
            stated,
            computed,
            format!("US-tied share = {expr}"),
            format!("有美国经历占比 = {expr}"),
        )
    })
    .collect()
}

/// d10: 19 + 11 + 9 against 49, and (19 + 11)/49 against 'nearly 70%' (±3 pp).
fn d10(data: &Dataset) -> Vec<Check> {
    const TIES: &str = "hv25_us_ties";
    const RETURN: &str = "hv25_us_ties_china_start_return";
    const TO_CHINA: &str = "hv25_us_ties_us_start_to_china";
    const NOW_US: &str = "hv25_us_ties_china_start_now_us";
    const NOW_CHINA: &str = "hv25_us_tied_now_in_china_share";
    let ties = data.number(TIES);
    let back = data.number(RETURN);
    let moved = data.number(TO_CHINA);
    let now_us = data.number(NOW_US);
    let in_china = match (back, moved, ties) {
        (Some(b), Some(m), Some(t)) => share(b + m, t).map(|s| s * 100.0),
        _ => None,
    };
    let expr = format!("({} + {}) / {} × 100", show(back), show(moved), show(ties));
    vec![
        sum_check(
            D10,
            "paths_account_for_all",
            (
                "Described career paths vs US-tied authors",
                "已描述的职业路径人数与有美国经历者总数对比",
            ),
            &[back, moved, now_us],
            ties,
            &[RETURN, TO_CHINA, NOW_US, TIES],
            "researchers",
        ),
        Spec {
            id: D10,
            key: "now_in_china_share".into(),
            facts: &[RETURN, TO_CHINA, TIES, NOW_CHINA],
            label_en: "US-tied authors now in China vs 'nearly 70%'".into(),
            label_zh: "有美国经历者目前在中国的比例与“近70%”对比".into(),
            unit: "percent",
            tolerance: 3.0,
        }
        .check(
            data.number(NOW_CHINA),
            in_china,
            format!("now in China = {expr}"),
            format!("目前在中国 = {expr}"),
        ),
    ]
}

/// d12: 42% - 53% = -11 pp against the stated 13 pp drop. The pack states the drop
/// only in the label of `mp22_immigrant_share` ("down 13 pp from 2019"), so it is read
/// from there.
fn d12(data: &Dataset) -> Check {
    const Y2019: &str = "mp19_immigrant_share";
    const Y2022: &str = "mp22_immigrant_share";
    let from = data.number(Y2019);
    let to = data.number(Y2022);
    let stated = data
        .fact(Y2022)
        .and_then(|f| number_after(&f.label_en, "down "))
        .map(|drop| -drop);
    let computed = match (from, to) {
        (Some(a), Some(b)) => Some(percentage_point_change(a, b)),
        _ => None,
    };
    let expr = format!("{} - {}", show(to), show(from));
    Spec {
        id: D12,
        key: "mobility_change_pp".into(),
        facts: &[Y2019, Y2022],
        label_en: "Change in researchers working outside their undergrad country, 2019 -> 2022"
            .into(),
        label_zh: "在本科所在国以外工作的研究人员占比变化（2019→2022）".into(),
        unit: "percentage points",
        tolerance: 0.5,
    }
    .check(
        stated,
        computed,
        format!("change = {expr} pp"),
        format!("变化 = {expr} 个百分点"),
    )
}

/// d22: Carnegie 41 + 40 + 6 = 87, 87 + 10 + 3 = 100, and 2 + 2 + 5 against 10.
fn d22(data: &Dataset) -> Vec<Check> {
    let n = |id: &str| data.number(id);
    vec![
        sum_check(
            D22,
            "still_in_us_split",
            (
                "Still in the US: companies + professors + PhD/postdoc",
                "仍在美国：企业 + 教授 + 博士/博士后",
            ),
            &[
                n("cg25_us_companies"),
                n("cg25_us_professors"),
                n("cg25_us_phd_postdoc"),
            ],
            n("cg25_still_us"),
            &[
                "cg25_us_companies",
                "cg25_us_professors",
                "cg25_us_phd_postdoc",
                "cg25_still_us",
            ],
            "researchers",
        ),
        sum_check(
            D22,
            "cohort_split",
            (
                "Cohort of 2019: US + China + other countries",
                "2019年群体：美国 + 中国 + 其他国家",
            ),
            &[
                n("cg25_still_us"),
                n("cg25_moved_china"),
                n("cg25_other_countries"),
            ],
            n("cg25_cohort_size"),
            &[
                "cg25_still_us",
                "cg25_moved_china",
                "cg25_other_countries",
                "cg25_cohort_size",
            ],
            "researchers",
        ),
        sum_check(
            D22,
            "returnees_described",
            (
                "Returnees described: founders + big-tech leaders + professors",
                "已描述的回国者：创业者 + 大厂负责人 + 教授",
            ),
            &[
                n("cg25_returnee_founders"),
                n("cg25_returnee_bigtech_leaders"),
                n("cg25_returnee_professors"),
            ],
            n("cg25_moved_china"),
            &[
                "cg25_returnee_founders",
                "cg25_returnee_bigtech_leaders",
                "cg25_returnee_professors",
                "cg25_moved_china",
            ],
            "researchers",
        ),
    ]
}

/// d30: MacroPolo sums, and Dw = Dwi + Dwo and the net value for every Table 2 row.
fn d30(data: &Dataset) -> Vec<Check> {
    let n = |id: &str| data.number(id);
    let r = |id: &str, key: &str| data.fact(id).and_then(|f| f.related(key));
    let mut out = vec![
        sum_check(
            D30,
            "us_inst_us_plus_china_2019",
            (
                "US institutions 2019: US-origin + China-origin",
                "2019年美国机构：美国出身 + 中国出身",
            ),
            &[
                n("mp19_us_inst_origin_share_us"),
                n("mp19_us_inst_origin_share_china"),
            ],
            r("mp22_us_inst_us_plus_china_share", "y2019"),
            &[
                "mp19_us_inst_origin_share_us",
                "mp19_us_inst_origin_share_china",
                "mp22_us_inst_us_plus_china_share",
            ],
            "percent",
        ),
        sum_check(
            D30,
            "us_inst_us_plus_china_2022",
            (
                "US institutions 2022: US-origin + China-origin",
                "2022年美国机构：美国出身 + 中国出身",
            ),
            &[
                n("mp22_us_inst_origin_share_us"),
                n("mp22_us_inst_origin_share_china"),
            ],
            r("mp22_us_inst_us_plus_china_share", "y2022"),
            &[
                "mp22_us_inst_origin_share_us",
                "mp22_us_inst_origin_share_china",
                "mp22_us_inst_us_plus_china_share",
            ],
            "percent",
        ),
        sum_check(
            D30,
            "work_us_plus_china_2022",
            ("Work in 2022: US + China", "2022年工作地：美国 + 中国"),
            &[n("mp22_work_share_us"), n("mp22_work_share_china")],
            r("mp22_us_china_combined", "work_pct"),
            &[
                "mp22_work_share_us",
                "mp22_work_share_china",
                "mp22_us_china_combined",
            ],
            "percent",
        ),
        sum_check(
            D30,
            "origin_china_plus_us_2022",
            ("Origin in 2022: China + US", "2022年本科来源：中国 + 美国"),
            &[n("mp22_origin_share_china"), n("mp22_origin_share_us")],
            r("mp22_us_china_combined", "origin_pct"),
            &[
                "mp22_origin_share_china",
                "mp22_origin_share_us",
                "mp22_us_china_combined",
            ],
            "percent",
        ),
        sum_check(
            D30,
            "origin_big4_2019",
            (
                "Origin in 2019: China + US + Europe + India",
                "2019年本科来源：中国 + 美国 + 欧洲 + 印度",
            ),
            &[
                n("mp19_origin_share_china"),
                n("mp19_origin_share_us"),
                n("mp19_origin_share_europe"),
                n("mp19_origin_share_india"),
            ],
            n("mp19_origin_big4_share"),
            &[
                "mp19_origin_share_china",
                "mp19_origin_share_us",
                "mp19_origin_share_europe",
                "mp19_origin_share_india",
                "mp19_origin_big4_share",
            ],
            "percent",
        ),
    ];
    out.extend(data.facts_of(TABLE2_DATASET).flat_map(table2_checks));
    out
}

/// Dw = Dwi + Dwo and Dwi - Dwo = stated net for one Table 2 row.
fn table2_checks(fact: &Fact) -> [Check; 2] {
    let city = fact.column_text("city_en").unwrap_or(&fact.id).to_owned();
    let city_zh = fact.column_text("city_zh").unwrap_or(&fact.id).to_owned();
    let dw = fact.related("dw");
    let dwi = fact.related("dwi");
    let dwo = fact.related("dwo");
    let net = fact.related("dwi_minus_dwo");
    let facts = [fact.id.as_str()];
    let net_computed = dwi.zip(dwo).map(|(i, o)| i - o);
    let net_expr = format!("{} - {}", show(dwi), show(dwo));
    let sum_expr = format!("{} + {}", show(dwi), show(dwo));
    [
        Spec {
            id: D30,
            key: format!("table2_dw_{}", fact.id),
            facts: &facts,
            label_en: format!("{city}: Dw = Dwi + Dwo"),
            label_zh: format!("{city_zh}：加权度 = 加权入度 + 加权出度"),
            unit: "weighted degree",
            tolerance: 0.0,
        }
        .check(
            dw,
            sum(&[dwi, dwo]),
            format!("Dwi + Dwo = {sum_expr}"),
            format!("加权入度 + 加权出度 = {sum_expr}"),
        ),
        Spec {
            id: D30,
            key: format!("table2_net_{}", fact.id),
            facts: &facts,
            label_en: format!("{city}: Dwi - Dwo = stated net"),
            label_zh: format!("{city_zh}：加权入度 - 加权出度 = 原文净值"),
            unit: "weighted degree",
            tolerance: 0.0,
        }
        .check(
            net,
            net_computed,
            format!("Dwi - Dwo = {net_expr}"),
            format!("加权入度 - 加权出度 = {net_expr}"),
        ),
    ]
}

/// d32: the scholar base implied by the 2020 US count and share, against the one
/// implied by the China count and share (they agree: rounding of 9.3% alone moves
/// 171/0.093 by about ±10), and against the list's 2,000 places (it does not: some
/// scholars hold more than one place).
fn d32(data: &Dataset) -> Vec<Check> {
    const US_N: &str = "ai2000_2020_us_count";
    const US_PCT: &str = "ai2000_2020_us_share";
    const CN_N: &str = "ai2000_2020_china_count";
    const CN_PCT: &str = "ai2000_2020_china_share";
    let base = |count: &str, pct: &str| -> Option<f64> {
        let n = data.number(count)?;
        let p = data.number(pct)?;
        share(n, p / 100.0)
    };
    let from_us = base(US_N, US_PCT);
    let from_china = base(CN_N, CN_PCT);
    let us_expr = format!(
        "{} / ({}/100)",
        show(data.number(US_N)),
        show(data.number(US_PCT))
    );
    let cn_expr = format!(
        "{} / ({}/100)",
        show(data.number(CN_N)),
        show(data.number(CN_PCT))
    );
    let facts = [US_N, US_PCT, CN_N, CN_PCT];
    let mean = from_us.zip(from_china).map(|(a, b)| (a + b) / 2.0);
    vec![
        Spec {
            id: D32,
            key: "implied_bases_agree".into(),
            facts: &facts,
            label_en: "Scholar base implied by the US figures vs by the China figures".into(),
            label_zh: "由美国数据与由中国数据倒推的学者总数对比".into(),
            unit: "scholars",
            tolerance: 10.0,
        }
        .check(
            from_us,
            from_china,
            format!("{us_expr} vs {cn_expr}"),
            format!("{us_expr} 对比 {cn_expr}"),
        ),
        Spec {
            id: D32,
            key: "implied_base_vs_places".into(),
            facts: &facts,
            label_en: "Implied number of scholars vs the 2,000 places of the list".into(),
            label_zh: "倒推的学者人数与榜单2000个席位对比".into(),
            unit: "scholars",
            tolerance: 10.0,
        }
        .check(
            Some(AI2000_PLACES),
            mean,
            format!("mean of {us_expr} and {cn_expr}, vs {AI2000_PLACES} places"),
            format!("{us_expr} 与 {cn_expr} 的平均值，对比 {AI2000_PLACES} 个席位"),
        ),
    ]
}

/// All consistency checks, in discrepancy order (`CHECKED`: d01, d02, d03, d08, d10,
/// d12, d22, d30, d32); d30 ends with two checks per Table 2 row.
///
/// Arguments: the data pack. Returns every check, with `holds` set; a check whose
/// facts are missing has `None` values and does not hold.
/// Complexity: O(f) for f facts (each lookup is a map search).
///
/// ```
/// use talent_core::model::checks::{all_checks, D01, D30};
/// use talent_core::Dataset;
/// let checks = all_checks(Dataset::embedded());
/// let cagr = checks.iter().find(|c| c.key == "cagr_9_years").unwrap();
/// // (52000/10000)^(1/9) - 1 = 20.1%, not the stated 28.7%.
/// assert_eq!(cagr.id, D01);
/// assert!((cagr.computed.unwrap() - 20.10).abs() < 0.01);
/// assert!(!cagr.holds);
/// assert!(checks.iter().filter(|c| c.id == D30).all(|c| c.holds));
/// ```
pub fn all_checks(data: &Dataset) -> Vec<Check> {
    CHECKED.iter().flat_map(|id| checks_for(data, id)).collect()
}

/// The discrepancies the app checks, in the order `all_checks` lists them.
pub const CHECKED: [&str; 9] = [D01, D02, D03, D08, D10, D12, D22, D30, D32];

/// The checks of one discrepancy, in the order `all_checks` lists them; none for an id
/// outside `CHECKED`. A chart's checks panel needs only its own, not all of them.
///
/// ```
/// use talent_core::model::checks::{all_checks, checks_for, D02};
/// use talent_core::Dataset;
/// let data = Dataset::embedded();
/// let d02 = checks_for(data, D02);
/// assert!(!d02.is_empty() && d02.iter().all(|c| c.id == D02));
/// assert_eq!(d02.len(), all_checks(data).iter().filter(|c| c.id == D02).count());
/// assert!(checks_for(data, "d99_unknown").is_empty());
/// ```
pub fn checks_for(data: &Dataset, id: &str) -> Vec<Check> {
    match id {
        D01 => d01(data),
        D02 => d02(data),
        D03 => vec![d03(data)],
        D08 => d08(data),
        D10 => d10(data),
        D12 => vec![d12(data)],
        D22 => d22(data),
        D30 => d30(data),
        D32 => d32(data),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks() -> Vec<Check> {
        all_checks(Dataset::embedded())
    }

    fn get<'a>(all: &'a [Check], key: &str) -> &'a Check {
        all.iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no check {key}"))
    }

    fn near(x: Option<f64>, want: f64, eps: f64) -> bool {
        x.is_some_and(|x| (x - want).abs() <= eps)
    }

    #[test]
    fn keys_are_unique_and_ids_are_known_discrepancies() {
        let all = checks();
        let mut keys: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        let data = Dataset::embedded();
        for c in &all {
            assert!(data.discrepancies.iter().any(|d| d.id == c.id), "{}", c.id);
            for f in &c.facts {
                assert!(data.fact(f).is_some(), "{f}");
            }
        }
        // 4 (d01) + 2 (d02) + 1 (d03) + 2 (d08) + 2 (d10) + 1 (d12) + 3 (d22)
        // + 5 + 2 x 15 (d30) + 2 (d32) = 52.
        assert_eq!(all.len(), 52);
    }

    #[test]
    fn checks_for_gives_each_discrepancy_its_own_checks_and_nothing_else() {
        let data = Dataset::embedded();
        let mut joined = Vec::new();
        for id in CHECKED {
            let own = checks_for(data, id);
            assert!(!own.is_empty(), "{id} has checks");
            assert!(own.iter().all(|c| c.id == id), "{id}");
            joined.extend(own.into_iter().map(|c| c.key));
        }
        let all: Vec<String> = checks().into_iter().map(|c| c.key).collect();
        assert_eq!(joined, all);
        assert!(checks_for(data, "d01").is_empty(), "ids match whole");
    }

    #[test]
    fn d01_cagr_and_implied_base() {
        let all = checks();
        // 5.2^(1/9) = exp(1.648659/9) = exp(0.183184) = 1.201036 -> 20.10%.
        let c = get(&all, "cagr_9_years");
        assert!(near(c.computed, 20.1036, 1e-4));
        assert_eq!(c.stated, Some(28.7));
        assert_eq!(c.formula_en, "CAGR = ((52000/10000)^(1/9) - 1) × 100");
        assert!(!c.holds);
        // exp(1.648659/10) = 1.179235 -> 17.92%.
        assert!(near(get(&all, "cagr_10_years").computed, 17.9235, 1e-4));
        // 52000 / 1.287^9 = 52000 / 9.687393 = 5367.8, not ~10,000.
        let b = get(&all, "implied_base_9_years");
        assert!(near(b.computed, 5367.80, 0.01));
        assert_eq!(b.stated, Some(10_000.0));
        assert!(!b.holds);
        // 52000 / 1.287^10 = 52000 / 12.467675 = 4170.8.
        assert!(near(
            get(&all, "implied_base_10_years").computed,
            4170.79,
            0.01
        ));
    }

    #[test]
    fn d02_two_thirds_and_missing_eleven() {
        let all = checks();
        // 41/71 = 0.5775 vs 0.667: gap 0.089 > 0.02.
        let c = get(&all, "industry_share");
        assert!(near(c.computed, 0.57746, 1e-5));
        assert!(!c.holds);
        // 41 + 19 = 60 vs 71: 11 unaccounted.
        let s = get(&all, "industry_plus_academia");
        assert_eq!((s.computed, s.stated), (Some(60.0), Some(71.0)));
        assert_eq!(s.difference(), Some(-11.0));
        assert!(!s.holds);
    }

    #[test]
    fn d08_hoover_24_matches_201_not_211() {
        let all = checks();
        // 49/201 = 24.38% -> rounds to 24: holds. 49/211 = 23.22% -> 23: does not.
        let a = get(&all, "us_ties_share_of_201");
        assert!(near(a.computed, 24.378, 1e-3));
        assert!(a.holds);
        let b = get(&all, "us_ties_share_of_211");
        assert!(near(b.computed, 23.223, 1e-3));
        assert!(!b.holds);
    }

    #[test]
    fn d10_paths_and_share_in_china() {
        let all = checks();
        // 19 + 11 + 9 = 39 of 49.
        let s = get(&all, "paths_account_for_all");
        assert_eq!((s.computed, s.stated), (Some(39.0), Some(49.0)));
        assert!(!s.holds);
        // (19 + 11)/49 = 30/49 = 61.22% vs 'nearly 70%'.
        let c = get(&all, "now_in_china_share");
        assert!(near(c.computed, 61.2245, 1e-4));
        assert!(!c.holds);
    }

    #[test]
    fn d12_drop_is_11_not_13() {
        let all = checks();
        // 42 - 53 = -11 pp; the label says 'down 13 pp' -> -13.
        let c = get(&all, "mobility_change_pp");
        assert_eq!((c.computed, c.stated), (Some(-11.0), Some(-13.0)));
        assert!(!c.holds);
    }

    #[test]
    fn d22_carnegie_sums() {
        let all = checks();
        // 41 + 40 + 6 = 87 and 87 + 10 + 3 = 100 hold; 2 + 2 + 5 = 9 vs 10 does not.
        assert!(get(&all, "still_in_us_split").holds);
        assert!(get(&all, "cohort_split").holds);
        let r = get(&all, "returnees_described");
        assert_eq!((r.computed, r.stated), (Some(9.0), Some(10.0)));
        assert!(!r.holds);
        assert_eq!(r.formula_en, "2 + 2 + 5 = 10 (stated)");
    }

    #[test]
    fn d30_sums_hold() {
        let all = checks();
        // 31 + 27 = 58; 37 + 38 = 75; 42 + 28 = 70; 47 + 18 = 65; 29 + 20 + 18 + 8 = 75.
        for (key, total) in [
            ("us_inst_us_plus_china_2019", 58.0),
            ("us_inst_us_plus_china_2022", 75.0),
            ("work_us_plus_china_2022", 70.0),
            ("origin_china_plus_us_2022", 65.0),
            ("origin_big4_2019", 75.0),
        ] {
            let c = get(&all, key);
            assert_eq!((c.computed, c.stated), (Some(total), Some(total)), "{key}");
            assert!(c.holds);
        }
        // Beijing: 14 + 33 = 47; 14 - 33 = -19.
        let dw = get(&all, "table2_dw_sh24_t2_beijing");
        assert_eq!(dw.computed, Some(47.0));
        let net = get(&all, "table2_net_sh24_t2_beijing");
        assert_eq!(net.computed, Some(-19.0));
        assert!(dw.holds && net.holds);
    }

    #[test]
    fn d32_implied_base() {
        let all = checks();
        // 1128 / 0.614 = 1837.13; 171 / 0.093 = 1838.71: 1.6 apart, agree within 10.
        let a = get(&all, "implied_bases_agree");
        assert!(near(a.stated, 1837.13, 0.01));
        assert!(near(a.computed, 1838.71, 0.01));
        assert!(a.holds);
        // mean (1837.13 + 1838.71)/2 = 1837.92, about 162 below 2,000 places.
        let b = get(&all, "implied_base_vs_places");
        assert!(near(b.computed, 1837.92, 0.01));
        assert!(!b.holds);
    }

    #[test]
    fn number_after_reads_the_first_number() {
        // "down 13 pp" -> 13; no marker -> None; marker without digits -> None.
        assert_eq!(
            number_after("x (down 13 pp from 2019)", "down "),
            Some(13.0)
        );
        assert_eq!(number_after("down 2.5 pp", "down "), Some(2.5));
        assert_eq!(number_after("up 13 pp", "down "), None);
        assert_eq!(number_after("down pp", "down "), None);
    }

    #[test]
    fn a_missing_fact_gives_none_and_fails() {
        // Spec with a missing stated value: holds is false, no NaN.
        let c = Spec {
            id: D01,
            key: "x".into(),
            facts: &[],
            label_en: String::new(),
            label_zh: String::new(),
            unit: "u",
            tolerance: 1.0,
        }
        .check(None, Some(1.0), String::new(), String::new());
        assert!(!c.holds);
        assert_eq!(c.difference(), None);
        // sum of parts with one missing is None and is shown as '?'.
        assert_eq!(sum(&[Some(1.0), None]), None);
        assert_eq!(show(None), "?");
    }
}
