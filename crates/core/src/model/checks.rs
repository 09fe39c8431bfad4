//! The app's own checks of the discrepancies the sources contain ("Discrepancies found"
//! in the sources README), made fair and quiet:
//!
//! - a [`Verdict::Contradiction`] only where two statements cannot both be right as
//!   written (Shanghai's text says no information-retrieval scholar, its Table 1 lists
//!   two); arithmetic that adds up, and parts a source leaves unplaced, are a
//!   [`Verdict::Note`], never a verdict;
//! - every working is true as written: `=` only where the result shown is exact, `≈`
//!   where it is rounded, and a sum the source never claims is written as what it gives
//!   and what it leaves out ("41 in industry + 19 in academia = 60; 11 of the 71 not
//!   placed"), never as "60 = 71";
//! - a share is judged against the base the source means, with the other base shown;
//! - a bound is a bound ("fewer than 10,000" is satisfied by 5,368);
//! - stated numbers come from data fields: the facts, and `data/stated.toml` for the few
//!   the pack carries only in words ([`STATED`]); nothing is parsed out of labels.
//!
//! Every figure is read from the data pack by fact id; labels, workings and readings
//! are copy texts (`data/copy/sources.toml`, section `check`) filled with them. A check
//! whose facts are missing is left out (the tests list every check the pack gives).

use crate::copy;
use crate::data::labels::label;
use crate::data::{Dataset, Discrepancy, DiscrepancyKind, Qualifier, Text};
use crate::model::derived::{self, both, equals, given, shown, within};
use crate::model::metrics::share;
use crate::series::cities::city_network;
use crate::series::subfields::shanghai_scholars;
use crate::Lang;

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

/// The discrepancies the app checks, in the order [`all_checks`] lists them.
pub const CHECKED: [&str; 9] = [D01, D02, D03, D08, D10, D12, D22, D30, D32];

/// Subfields of an AI 2000 list. With [`AI2000_PER_SUBFIELD`], the list's definition
/// (its name), not a cited figure.
pub const AI2000_SUBFIELDS: f64 = 20.0;
/// Scholars an AI 2000 list ranks in each subfield.
pub const AI2000_PER_SUBFIELD: f64 = 100.0;
/// Places in an AI 2000 list: 20 subfields x 100 scholars.
pub const AI2000_PLACES: f64 = AI2000_SUBFIELDS * AI2000_PER_SUBFIELD;

/// A number a source states that the data pack carries only in words, read from
/// `data/stated.toml` (see [`STATED`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stated {
    /// Stable key the code asks for.
    pub key: &'static str,
    /// The fact it is stated with (its source, year and link).
    pub fact: &'static str,
    /// The number, in `unit`.
    pub value: f64,
    /// `percent` for shares in percent, `percentage points` for changes of them.
    pub unit: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/stated.rs"));

/// The stated number with this key, if `data/stated.toml` has it.
///
/// ```
/// use talent_core::model::checks::stated;
/// let drop = stated("mobility_drop_2019_2022").unwrap();
/// assert_eq!((drop.fact, drop.value), ("mp22_immigrant_share", 13.0));
/// assert!(stated("no_such_key").is_none());
/// ```
pub fn stated(key: &str) -> Option<&'static Stated> {
    STATED.iter().find(|s| s.key == key)
}

/// What a check finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Two statements cannot both be right as written.
    Contradiction,
    /// A claim checked against the right base or bound agrees.
    Consistent,
    /// Arithmetic shown and not judged: parts that add up, parts the source leaves
    /// unplaced, a base the figures imply.
    Note,
}

impl Verdict {
    /// Every verdict, the one that matters most first.
    pub const ALL: [Verdict; 3] = [Verdict::Contradiction, Verdict::Consistent, Verdict::Note];

    /// The word a reader sees.
    pub const fn name(self) -> copy::Text {
        match self {
            Verdict::Contradiction => copy::VERDICT_CONTRADICTION,
            Verdict::Consistent => copy::VERDICT_CONSISTENT,
            Verdict::Note => copy::VERDICT_NOTE,
        }
    }

    /// A stable code for markup and downloads: `contradiction`, `consistent`, `note`.
    pub const fn code(self) -> &'static str {
        match self {
            Verdict::Contradiction => "contradiction",
            Verdict::Consistent => "consistent",
            Verdict::Note => "note",
        }
    }
}

/// The word a reader sees for the kind of a discrepancy.
pub const fn kind_name(kind: DiscrepancyKind) -> copy::Text {
    match kind {
        DiscrepancyKind::Contradiction => copy::KIND_CONTRADICTION,
        DiscrepancyKind::Denominator => copy::KIND_DENOMINATOR,
        DiscrepancyKind::Bound => copy::KIND_BOUND,
        DiscrepancyKind::Definition => copy::KIND_DEFINITION,
        DiscrepancyKind::Rounding => copy::KIND_ROUNDING,
        DiscrepancyKind::Unplaced => copy::KIND_UNPLACED,
        DiscrepancyKind::Consistent => copy::KIND_CONSISTENT,
        DiscrepancyKind::Unverified => copy::KIND_UNVERIFIED,
    }
}

/// A stable code for the kind of a discrepancy, for markup and downloads.
pub const fn kind_code(kind: DiscrepancyKind) -> &'static str {
    match kind {
        DiscrepancyKind::Contradiction => "contradiction",
        DiscrepancyKind::Denominator => "denominator",
        DiscrepancyKind::Bound => "bound",
        DiscrepancyKind::Definition => "definition",
        DiscrepancyKind::Rounding => "rounding",
        DiscrepancyKind::Unplaced => "unplaced",
        DiscrepancyKind::Consistent => "consistent",
        DiscrepancyKind::Unverified => "unverified",
    }
}

/// One check: what is checked, the arithmetic, what it shows, and the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Id of the discrepancy (sources README, `Dataset::discrepancies`) it checks.
    pub discrepancy: &'static str,
    /// Unique key of this check (several checks can look at one discrepancy).
    pub key: &'static str,
    /// Ids of the facts read.
    pub facts: Vec<String>,
    /// What the check finds.
    pub verdict: Verdict,
    /// What is checked.
    pub label: Text,
    /// The arithmetic with the figures read from the pack, true as written.
    pub working: Text,
    /// What it shows, judged against the right base or bound.
    pub reading: Text,
    /// The numbers the working shows, by name, unrounded (for tests and downloads).
    pub values: Vec<(&'static str, f64)>,
}

impl Check {
    /// A number of the working by name.
    ///
    /// ```
    /// use talent_core::model::checks::checks_for;
    /// use talent_core::model::checks::D02;
    /// use talent_core::Dataset;
    /// let checks = checks_for(Dataset::embedded(), D02);
    /// // 41 in industry + 19 in academia = 60 placed of 71.
    /// assert_eq!(checks[0].value("placed"), Some(60.0));
    /// ```
    pub fn value(&self, name: &str) -> Option<f64> {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
    }
}

/// A number for a placeholder: as the source gives it (whole or with its decimals).
fn n(value: f64) -> String {
    given(value)
}

/// A count of people in a sentence: "71" in English, "71人" in Chinese.
fn people(value: f64, lang: Lang) -> String {
    copy::CHECK_PEOPLE.fill(lang, &[("n", &given(value))])
}

/// A label as it reads inside an English sentence: "information retrieval", not
/// "Information retrieval" (Chinese has no case).
fn in_sentence(text: &str, lang: Lang) -> String {
    let mut chars = text.chars();
    match (lang, chars.next()) {
        (Lang::En, Some(first)) => first.to_lowercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}

/// A percentage: "57.7%".
fn pct(value: f64, decimals: usize, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &shown(value, decimals))])
}

/// Whether the source claims its parts make up the whole, or only describes some.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// The source gives the total as made of these parts: a gap contradicts it.
    Complete,
    /// The source describes some of the whole: a gap is parts it does not place.
    Partial,
}

/// One part of a sum: its copy text (with `{n}`, and `{place}` for a place's share), its
/// value, and the place's label key if it has one.
type Part = (copy::Text, f64, Option<&'static str>);

/// A sum check: the parts, the total the source gives, and what the source claims.
struct Sum<'a> {
    discrepancy: &'static str,
    key: &'static str,
    label: Text,
    parts: &'a [Part],
    total: f64,
    claim: Claim,
    /// How a sum or total reads: a count of people or a percentage.
    unit: fn(f64, Lang) -> String,
    facts: &'a [&'a str],
}

impl Sum<'_> {
    fn check(self) -> Check {
        let sum: f64 = self.parts.iter().map(|(_, v, _)| v).sum();
        let gap = self.total - sum;
        let unit = self.unit;
        let parts = |lang: Lang| {
            let joined: Vec<String> = self
                .parts
                .iter()
                .map(|(text, v, place)| {
                    let place = place.map_or("", |key| label(key, lang));
                    text.fill(lang, &[("n", &n(*v)), ("place", place)])
                })
                .collect();
            joined.join(copy::CHECK_PLUS.get(lang))
        };
        let values = |lang: Lang| {
            vec![
                ("parts", parts(lang)),
                ("sum", unit(sum, lang)),
                ("total", unit(self.total, lang)),
                ("unplaced", unit(gap, lang)),
            ]
        };
        // Integer counts and whole percentages: equality is exact.
        let (working, reading, verdict) = if gap.abs() < 1e-9 {
            (copy::CHECK_SUM_EQUAL, copy::CHECK_ADDS_UP, Verdict::Note)
        } else if gap > 0.0 && self.claim == Claim::Partial {
            (copy::CHECK_SUM_PLACED, copy::CHECK_UNPLACED, Verdict::Note)
        } else {
            (
                copy::CHECK_SUM_DIFFERS,
                copy::CHECK_DOES_NOT_ADD_UP,
                Verdict::Contradiction,
            )
        };
        Check {
            discrepancy: self.discrepancy,
            key: self.key,
            facts: self.facts.iter().map(|f| (*f).to_owned()).collect(),
            verdict,
            label: self.label,
            working: both(working, values),
            reading: both(reading, values),
            values: vec![("sum", sum), ("total", self.total), ("unplaced", gap)],
        }
    }
}

/// A copy text without placeholders, in both languages.
fn plain(text: copy::Text) -> Text {
    both(text, |_| Vec::new())
}

/// d01: the 2015 start the stated growth implies, against the stated bound. The start
/// is the derived figure [`derived::itpo_implied_2015_base`], computed there once.
fn d01(data: &Dataset) -> Option<Check> {
    let (start_fact, end_fact, rate) = derived::itpo_growth_facts(data)?;
    let implied = derived::itpo_implied_2015_base(data)?;
    let bound = start_fact.number()?;
    let end = end_fact.number()?;
    let years = end_fact.year.checked_sub(start_fact.year)?;
    let ok = within(implied.value, bound, start_fact.qualifier);
    // The rate a start of exactly the bound would give, for the reader's comparison.
    let rate_from_bound = crate::model::metrics::cagr(bound, end, f64::from(years))? * 100.0;
    let bound_word = match start_fact.qualifier {
        Some(Qualifier::Lt) => copy::CHART_UNDER,
        Some(Qualifier::Gt) => copy::CHART_OVER,
        Some(Qualifier::Approx) => copy::CHART_ABOUT,
        _ => copy::CHECK_EXACTLY,
    };
    let values = |lang: Lang| {
        vec![
            ("end", shown(end, 0)),
            ("rate", n(rate)),
            ("power", derived::superscript(years)),
            ("eq", equals(implied.value, 0).to_owned()),
            ("start", shown(implied.value, 0)),
            ("year", start_fact.year.to_string()),
            (
                "bound",
                bound_word.fill(lang, &[("value", &shown(bound, 0))]),
            ),
            ("plain_bound", shown(bound, 0)),
            ("rate_from_bound", shown(rate_from_bound, 1)),
        ]
    };
    let (reading, verdict) = if ok {
        (copy::CHECK_D01_WITHIN, Verdict::Consistent)
    } else {
        (copy::CHECK_D01_OUTSIDE, Verdict::Contradiction)
    };
    Some(Check {
        discrepancy: D01,
        key: "implied_start_within_bound",
        facts: implied.facts.iter().map(|f| (*f).to_owned()).collect(),
        verdict,
        label: both(copy::CHECK_D01_LABEL, values),
        working: both(copy::CHECK_D01_WORKING, values),
        reading: both(reading, values),
        values: vec![
            ("implied_start", implied.value),
            ("bound", bound),
            ("rate", rate),
            ("rate_from_bound", rate_from_bound),
        ],
    })
}

/// d02: where the brief places the US scholars, and its "two thirds" against the base it
/// means (the 60 it places) with the other base (all 71) shown.
fn d02(data: &Dataset) -> Vec<Check> {
    const INDUSTRY: &str = "sh24_top100_us_industry";
    const STATED: &str = "sh24_top100_us_industry_share_stated";
    const ACADEMIA: &str = "sh24_top100_us_academia";
    const US: &str = "sh24_top100_us_count";
    const TOP: &str = "sh24_top100_sample_size";
    let (Some(industry), Some(academia), Some(us)) = (
        data.number(INDUSTRY),
        data.number(ACADEMIA),
        data.number(US),
    ) else {
        return Vec::new();
    };
    let top = data.number(TOP).map_or_else(String::new, n);
    let mut out = vec![Sum {
        discrepancy: D02,
        key: "us_scholars_by_sector",
        label: both(copy::CHECK_D02_SECTORS_LABEL, |_| {
            vec![("top", top.clone())]
        }),
        parts: &[
            (copy::CHECK_PART_INDUSTRY, industry, None),
            (copy::CHECK_PART_ACADEMIA, academia, None),
        ],
        total: us,
        claim: Claim::Partial,
        unit: people,
        facts: &[INDUSTRY, ACADEMIA, US],
    }
    .check()];
    out[0].values.push(("placed", industry + academia));
    let placed = industry + academia;
    if let (Some(stated), Some(of_placed), Some(of_all)) = (
        data.number(STATED),
        share(industry, placed),
        share(industry, us),
    ) {
        let (stated, of_placed, of_all) = (stated * 100.0, of_placed * 100.0, of_all * 100.0);
        // A share stated as a simple fraction ("two thirds") is read as about that.
        let fits = |x: f64| within(x, stated, Some(Qualifier::Approx));
        let (reading, verdict) = match (fits(of_placed), fits(of_all)) {
            (true, _) => (copy::CHECK_D02_FITS_PLACED, Verdict::Consistent),
            (false, true) => (copy::CHECK_D02_FITS_ALL, Verdict::Consistent),
            (false, false) => (copy::CHECK_D02_FITS_NEITHER, Verdict::Contradiction),
        };
        let values = |lang: Lang| {
            vec![
                ("stated", pct(stated, 1, lang)),
                ("industry", n(industry)),
                ("placed", n(placed)),
                ("total", n(us)),
                ("eq_placed", equals(of_placed, 1).to_owned()),
                ("of_placed", pct(of_placed, 1, lang)),
                ("eq_all", equals(of_all, 1).to_owned()),
                ("of_all", pct(of_all, 1, lang)),
            ]
        };
        out.push(Check {
            discrepancy: D02,
            key: "industry_share_base",
            facts: vec![INDUSTRY.into(), ACADEMIA.into(), US.into(), STATED.into()],
            verdict,
            label: both(copy::CHECK_D02_SHARE_LABEL, values),
            working: both(copy::CHECK_D02_SHARE_WORKING, values),
            reading: both(reading, values),
            values: vec![
                ("stated", stated),
                ("share_of_placed", of_placed),
                ("share_of_all", of_all),
            ],
        });
    }
    out
}

/// d03: the text's count of Shanghai's information-retrieval scholars against the rows
/// of its own Table 1 in that subfield.
fn d03(data: &Dataset) -> Option<Check> {
    const STATED: &str = "sh24_shanghai_count_information_retrieval";
    const SUBFIELD: &str = "information_retrieval";
    let stated = data.number(STATED)?;
    let rows: Vec<_> = shanghai_scholars(data)
        .into_iter()
        .filter(|s| s.subfield == SUBFIELD)
        .collect();
    let count = rows.len() as f64;
    let names = |lang: Lang| {
        let listed: Vec<String> = rows
            .iter()
            .map(|s| {
                let name = match lang {
                    Lang::En => &s.name_pinyin,
                    Lang::Zh => &s.name_zh,
                };
                copy::CHECK_NAME_RANK.fill(lang, &[("name", name), ("rank", &s.rank.to_string())])
            })
            .collect();
        listed.join(copy::LIST_SEPARATOR.get(lang))
    };
    let values = |lang: Lang| {
        vec![
            ("subfield", in_sentence(label(SUBFIELD, lang), lang)),
            ("stated", people(stated, lang)),
            ("rows", people(count, lang)),
            ("names", names(lang)),
        ]
    };
    let (reading, verdict) = if (count - stated).abs() < 1e-9 {
        (copy::CHECK_D03_AGREE, Verdict::Consistent)
    } else {
        (copy::CHECK_D03_DISAGREE, Verdict::Contradiction)
    };
    let mut facts = vec![STATED.to_owned()];
    facts.extend(rows.iter().map(|s| s.fact.clone()));
    Some(Check {
        discrepancy: D03,
        key: "shanghai_ir_text_vs_table",
        facts,
        verdict,
        label: both(copy::CHECK_D03_LABEL, values),
        working: both(copy::CHECK_D03_WORKING, values),
        reading: both(reading, values),
        values: vec![("stated", stated), ("rows", count)],
    })
}

/// d08: Hoover's whole-percent share of authors with US ties, against the two bases
/// reported for the study: it is the share of the base that rounds to it.
fn d08(data: &Dataset) -> Option<Check> {
    const TIES: &str = "hv25_us_ties";
    const CAREERS: &str = "hv25_authors_with_affiliation_history";
    const CITATIONS: &str = "hv25_authors_with_data";
    let ties = data.number(TIES)?;
    let stated = data.fact(TIES)?.related("share_pct_hoover")?;
    let a = data.number(CAREERS)?;
    let b = data.number(CITATIONS)?;
    let share_a = share(ties, a)? * 100.0;
    let share_b = share(ties, b)? * 100.0;
    // A share stated in whole percent: it fits when the computed share rounds to it.
    let rounds_to = |x: f64| (x - stated).abs() < 0.5 + 1e-9;
    let (reading, verdict, base) = match (rounds_to(share_a), rounds_to(share_b)) {
        (true, false) => (copy::CHECK_D08_ONE_BASE, Verdict::Consistent, a),
        (false, true) => (copy::CHECK_D08_ONE_BASE, Verdict::Consistent, b),
        (true, true) => (copy::CHECK_D08_BOTH_BASES, Verdict::Consistent, a),
        (false, false) => (copy::CHECK_D08_NO_BASE, Verdict::Contradiction, a),
    };
    let values = |lang: Lang| {
        vec![
            ("stated", pct(stated, 0, lang)),
            ("ties", n(ties)),
            ("a", n(a)),
            ("b", n(b)),
            ("eq_a", equals(share_a, 1).to_owned()),
            ("share_a", pct(share_a, 1, lang)),
            ("eq_b", equals(share_b, 1).to_owned()),
            ("share_b", pct(share_b, 1, lang)),
            ("base", n(base)),
        ]
    };
    Some(Check {
        discrepancy: D08,
        key: "us_ties_share_base",
        facts: vec![TIES.into(), CAREERS.into(), CITATIONS.into()],
        verdict,
        label: both(copy::CHECK_D08_LABEL, values),
        working: both(copy::CHECK_D08_WORKING, values),
        reading: both(reading, values),
        values: vec![("share_of_a", share_a), ("share_of_b", share_b)],
    })
}

/// d10: the career paths the article describes for the authors with US ties, and
/// Hoover's "nearly 70%" now in China against the range those paths allow.
fn d10(data: &Dataset) -> Vec<Check> {
    const TIES: &str = "hv25_us_ties";
    const RETURN: &str = "hv25_us_ties_china_start_return";
    const TO_CHINA: &str = "hv25_us_ties_us_start_to_china";
    const NOW_US: &str = "hv25_us_ties_china_start_now_us";
    const NOW_CHINA: &str = "hv25_us_tied_now_in_china_share";
    let (Some(ties), Some(back), Some(moved), Some(now_us)) = (
        data.number(TIES),
        data.number(RETURN),
        data.number(TO_CHINA),
        data.number(NOW_US),
    ) else {
        return Vec::new();
    };
    let mut out = vec![Sum {
        discrepancy: D10,
        key: "us_tied_paths",
        label: plain(copy::CHECK_D10_PATHS_LABEL),
        parts: &[
            (copy::CHECK_PART_BACK_IN_CHINA, back, None),
            (copy::CHECK_PART_US_TO_CHINA, moved, None),
            (copy::CHECK_PART_NOW_US, now_us, None),
        ],
        total: ties,
        claim: Claim::Partial,
        unit: people,
        facts: &[RETURN, TO_CHINA, NOW_US, TIES],
    }
    .check()];
    let unplaced = ties - back - moved - now_us;
    if let (Some(stated), Some(low), Some(high)) = (
        data.number(NOW_CHINA),
        share(back + moved, ties),
        share(back + moved + unplaced, ties),
    ) {
        let (low, high) = (low * 100.0, high * 100.0);
        let fits = (low..=high).contains(&stated);
        // How many of the unplaced would have to be in China for the stated share.
        let needed = (stated / 100.0 * ties).round() - (back + moved);
        let values = |lang: Lang| {
            vec![
                ("stated", pct(stated, 0, lang)),
                ("back", n(back)),
                ("moved", n(moved)),
                ("ties", n(ties)),
                ("eq_low", equals(low, 1).to_owned()),
                ("low", pct(low, 1, lang)),
                ("unplaced", people(unplaced, lang)),
                ("high_n", n(back + moved + unplaced)),
                ("eq_high", equals(high, 1).to_owned()),
                ("high", pct(high, 1, lang)),
                ("needed", people(needed, lang)),
            ]
        };
        let (reading, verdict) = if fits {
            (copy::CHECK_D10_SHARE_FITS, Verdict::Consistent)
        } else {
            (copy::CHECK_D10_SHARE_OUTSIDE, Verdict::Contradiction)
        };
        out.push(Check {
            discrepancy: D10,
            key: "now_in_china_range",
            facts: vec![
                RETURN.into(),
                TO_CHINA.into(),
                NOW_US.into(),
                TIES.into(),
                NOW_CHINA.into(),
            ],
            verdict,
            label: both(copy::CHECK_D10_SHARE_LABEL, values),
            working: both(copy::CHECK_D10_SHARE_WORKING, values),
            reading: both(reading, values),
            values: vec![
                ("stated", stated),
                ("low", low),
                ("high", high),
                ("needed", needed),
            ],
        });
    }
    out
}

/// How far the difference of two shares stated in whole percent can be from the true
/// difference: each is off by at most half a point, so their difference by at most 1.
const WHOLE_PERCENT_DIFFERENCE: f64 = 1.0;

/// d12: the fall from 2019 to 2022 computed from the two trackers, against the fall
/// Tracker 2.0 states ([`STATED`], `mobility_drop_2019_2022`).
fn d12(data: &Dataset) -> Option<Check> {
    const Y2019: &str = "mp19_immigrant_share";
    const Y2022: &str = "mp22_immigrant_share";
    let from = data.fact(Y2019)?;
    let to = data.fact(Y2022)?;
    let (a, b) = (from.number()?, to.number()?);
    let drop = stated("mobility_drop_2019_2022").filter(|s| s.fact == Y2022)?;
    let fall = a - b;
    let gap = (fall - drop.value).abs();
    let implied = b + drop.value;
    let values = |_: Lang| {
        vec![
            ("y1", from.year.to_string()),
            ("y2", to.year.to_string()),
            ("a", n(a)),
            ("b", n(b)),
            ("fall", n(fall)),
            ("stated", n(drop.value)),
            ("implied", n(implied)),
            ("gap", n(gap)),
            ("max", n(WHOLE_PERCENT_DIFFERENCE)),
        ]
    };
    let (reading, verdict) = if gap <= WHOLE_PERCENT_DIFFERENCE + 1e-9 {
        (copy::CHECK_D12_AGREE, Verdict::Consistent)
    } else {
        (copy::CHECK_D12_DISAGREE, Verdict::Contradiction)
    };
    Some(Check {
        discrepancy: D12,
        key: "mobility_fall",
        facts: vec![Y2019.into(), Y2022.into()],
        verdict,
        label: both(copy::CHECK_D12_LABEL, values),
        working: both(copy::CHECK_D12_WORKING, values),
        reading: both(reading, values),
        values: vec![
            ("fall", fall),
            ("stated", drop.value),
            ("implied_2019", implied),
        ],
    })
}

/// d22: Carnegie's 87 in the US by role, the 100 by place, and the returnees described.
fn d22(data: &Dataset) -> Vec<Check> {
    const COMPANIES: &str = "cg25_us_companies";
    const PROFESSORS: &str = "cg25_us_professors";
    const PHD: &str = "cg25_us_phd_postdoc";
    const STILL: &str = "cg25_still_us";
    const CHINA: &str = "cg25_moved_china";
    const OTHER: &str = "cg25_other_countries";
    const COHORT: &str = "cg25_cohort_size";
    const FOUNDERS: &str = "cg25_returnee_founders";
    const LEADERS: &str = "cg25_returnee_bigtech_leaders";
    const RETURNED_PROFESSORS: &str = "cg25_returnee_professors";
    let v = |id: &str| data.number(id);
    let cohort = v(COHORT).map_or_else(String::new, n);
    let mut out = Vec::new();
    if let (Some(c), Some(p), Some(d), Some(still)) =
        (v(COMPANIES), v(PROFESSORS), v(PHD), v(STILL))
    {
        out.push(
            Sum {
                discrepancy: D22,
                key: "still_in_us_by_role",
                label: both(copy::CHECK_D22_ROLES_LABEL, |_| {
                    vec![("cohort", cohort.clone())]
                }),
                parts: &[
                    (copy::CHECK_PART_COMPANIES, c, None),
                    (copy::CHECK_PART_PROFESSORS, p, None),
                    (copy::CHECK_PART_PHD, d, None),
                ],
                total: still,
                claim: Claim::Complete,
                unit: people,
                facts: &[COMPANIES, PROFESSORS, PHD, STILL],
            }
            .check(),
        );
    }
    if let (Some(still), Some(china), Some(other), Some(total)) =
        (v(STILL), v(CHINA), v(OTHER), v(COHORT))
    {
        out.push(
            Sum {
                discrepancy: D22,
                key: "cohort_by_place",
                label: both(copy::CHECK_D22_PLACES_LABEL, |_| {
                    vec![("cohort", cohort.clone())]
                }),
                parts: &[
                    (copy::CHECK_PART_IN_US, still, None),
                    (copy::CHECK_PART_IN_CHINA, china, None),
                    (copy::CHECK_PART_ELSEWHERE, other, None),
                ],
                total,
                claim: Claim::Complete,
                unit: people,
                facts: &[STILL, CHINA, OTHER, COHORT],
            }
            .check(),
        );
    }
    if let (Some(f), Some(l), Some(p), Some(china)) =
        (v(FOUNDERS), v(LEADERS), v(RETURNED_PROFESSORS), v(CHINA))
    {
        out.push(
            Sum {
                discrepancy: D22,
                key: "returnees_described",
                label: plain(copy::CHECK_D22_RETURNEES_LABEL),
                parts: &[
                    (copy::CHECK_PART_FOUNDERS, f, None),
                    (copy::CHECK_PART_LEADERS, l, None),
                    (copy::CHECK_PART_PROFESSORS, p, None),
                ],
                total: china,
                claim: Claim::Partial,
                unit: people,
                facts: &[FOUNDERS, LEADERS, RETURNED_PROFESSORS, CHINA],
            }
            .check(),
        );
    }
    out
}

/// A percentage in a sum: "58%".
fn percent(value: f64, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &given(value))])
}

/// d30: MacroPolo's shares that it also states as a total, and Table 2's arithmetic
/// over all its rows (computed once, in [`city_network`]).
fn d30(data: &Dataset) -> Vec<Check> {
    let v = |id: &str| data.number(id);
    let related = |id: &str, key: &str| data.fact(id).and_then(|f| f.related(key));
    let year = |id: &str| {
        data.fact(id)
            .map_or_else(String::new, |f| f.year.to_string())
    };
    // (key, label, [(place, fact)], (total fact, related key or "" for its value)).
    type Spec = (
        &'static str,
        copy::Text,
        &'static [(&'static str, &'static str)],
        (&'static str, &'static str),
    );
    const SUMS: [Spec; 5] = [
        (
            "us_institutions_2019",
            copy::CHECK_D30_US_INSTITUTIONS,
            &[
                ("us", "mp19_us_inst_origin_share_us"),
                ("cn", "mp19_us_inst_origin_share_china"),
            ],
            ("mp22_us_inst_us_plus_china_share", "y2019"),
        ),
        (
            "us_institutions_2022",
            copy::CHECK_D30_US_INSTITUTIONS,
            &[
                ("us", "mp22_us_inst_origin_share_us"),
                ("cn", "mp22_us_inst_origin_share_china"),
            ],
            ("mp22_us_inst_us_plus_china_share", "y2022"),
        ),
        (
            "work_us_china_2022",
            copy::CHECK_D30_WORK,
            &[
                ("us", "mp22_work_share_us"),
                ("cn", "mp22_work_share_china"),
            ],
            ("mp22_us_china_combined", "work_pct"),
        ),
        (
            "origin_china_us_2022",
            copy::CHECK_D30_ORIGIN,
            &[
                ("cn", "mp22_origin_share_china"),
                ("us", "mp22_origin_share_us"),
            ],
            ("mp22_us_china_combined", "origin_pct"),
        ),
        (
            "origin_four_2019",
            copy::CHECK_D30_ORIGIN,
            &[
                ("cn", "mp19_origin_share_china"),
                ("us", "mp19_origin_share_us"),
                ("eu", "mp19_origin_share_europe"),
                ("in", "mp19_origin_share_india"),
            ],
            ("mp19_origin_big4_share", ""),
        ),
    ];
    let mut out = Vec::new();
    for (key, title, places, (total_id, total_key)) in SUMS {
        let total = if total_key.is_empty() {
            v(total_id)
        } else {
            related(total_id, total_key)
        };
        let values: Option<Vec<f64>> = places.iter().map(|(_, id)| v(id)).collect();
        let (Some(total), Some(values)) = (total, values) else {
            continue;
        };
        let texts: Vec<Part> = places
            .iter()
            .zip(&values)
            .map(|((place, _), value)| (copy::CHECK_PART_PLACE, *value, Some(*place)))
            .collect();
        let mut facts: Vec<&str> = places.iter().map(|(_, id)| *id).collect();
        facts.push(total_id);
        let y = year(places[0].1);
        out.push(
            Sum {
                discrepancy: D30,
                key,
                label: both(title, |_| vec![("year", y.clone())]),
                parts: &texts,
                total,
                claim: Claim::Complete,
                unit: percent,
                facts: &facts,
            }
            .check(),
        );
    }
    out.extend(table2(data));
    out
}

/// Table 2 in one check: its sums, nets and ranks over every row.
fn table2(data: &Dataset) -> Option<Check> {
    let cities = city_network(data);
    if cities.is_empty() {
        return None;
    }
    let rows = cities.len() as f64;
    let count = |ok: fn(&crate::series::cities::CityDegree) -> bool| {
        cities.iter().filter(|c| ok(c)).count() as f64
    };
    let (sums, nets, ranks) = (
        count(|c| c.sum_ok),
        count(|c| c.net_ok),
        count(|c| c.rank_ok),
    );
    let bad = rows - sums.min(nets).min(ranks);
    let values = |_: Lang| {
        vec![
            ("rows", n(rows)),
            ("sums", n(sums)),
            ("nets", n(nets)),
            ("ranks", n(ranks)),
            ("bad", n(bad)),
        ]
    };
    let (reading, verdict) = if bad == 0.0 {
        (copy::CHECK_TABLE2_ADDS_UP, Verdict::Note)
    } else {
        (copy::CHECK_TABLE2_DISAGREES, Verdict::Contradiction)
    };
    Some(Check {
        discrepancy: D30,
        key: "table2_arithmetic",
        facts: cities.iter().map(|c| c.fact_id.clone()).collect(),
        verdict,
        label: both(copy::CHECK_TABLE2_LABEL, values),
        working: both(copy::CHECK_TABLE2_WORKING, values),
        reading: both(reading, values),
        values: vec![
            ("rows", rows),
            ("sums", sums),
            ("nets", nets),
            ("ranks", ranks),
        ],
    })
}

/// The base a count and its share stated to `decimals` places imply, as the range the
/// share's rounding allows: `count / (share ± half a unit of its last place)`.
fn implied_base(count: f64, share_pct: f64, decimals: i32) -> Option<(f64, f64, f64)> {
    let half = 0.5 * 10f64.powi(-decimals);
    let base = share(count, share_pct / 100.0)?;
    let low = share(count, (share_pct + half) / 100.0)?;
    let high = share(count, (share_pct - half) / 100.0)?;
    Some((base, low, high))
}

/// d32: the scholar bases the 2020 US and China counts and shares imply agree within the
/// rounding of the shares, and they are distinct scholars, not the list's places.
fn d32(data: &Dataset) -> Vec<Check> {
    const US_N: &str = "ai2000_2020_us_count";
    const US_PCT: &str = "ai2000_2020_us_share";
    const CN_N: &str = "ai2000_2020_china_count";
    const CN_PCT: &str = "ai2000_2020_china_share";
    let (Some(us_n), Some(us_pct), Some(cn_n), Some(cn_pct)) = (
        data.number(US_N),
        data.number(US_PCT),
        data.number(CN_N),
        data.number(CN_PCT),
    ) else {
        return Vec::new();
    };
    // Both shares are stated to one decimal (61.4%, 9.3%).
    let (Some(us), Some(cn)) = (implied_base(us_n, us_pct, 1), implied_base(cn_n, cn_pct, 1))
    else {
        return Vec::new();
    };
    let overlap = us.1.max(cn.1) <= us.2.min(cn.2);
    let mean = (us.0 + cn.0) / 2.0;
    let facts: Vec<String> = [US_N, US_PCT, CN_N, CN_PCT].map(String::from).to_vec();
    let values = |lang: Lang| {
        vec![
            ("us_place", label("us", lang).to_owned()),
            ("cn_place", label("cn", lang).to_owned()),
            ("us_n", n(us_n)),
            ("us_pct", n(us_pct)),
            ("eq_us", equals(us.0, 0).to_owned()),
            ("us_base", shown(us.0, 0)),
            ("cn_n", n(cn_n)),
            ("cn_pct", n(cn_pct)),
            ("eq_cn", equals(cn.0, 0).to_owned()),
            ("cn_base", shown(cn.0, 0)),
            ("base", shown(mean, 0)),
            ("places", shown(AI2000_PLACES, 0)),
            (
                "year",
                data.fact(US_N)
                    .map_or_else(String::new, |f| f.year.to_string()),
            ),
        ]
    };
    let (reading, verdict) = if overlap {
        (copy::CHECK_D32_AGREE, Verdict::Consistent)
    } else {
        (copy::CHECK_D32_DISAGREE, Verdict::Contradiction)
    };
    vec![
        Check {
            discrepancy: D32,
            key: "implied_bases",
            facts: facts.clone(),
            verdict,
            label: both(copy::CHECK_D32_LABEL, values),
            working: both(copy::CHECK_D32_WORKING, values),
            reading: both(reading, values),
            values: vec![("us_base", us.0), ("cn_base", cn.0)],
        },
        Check {
            discrepancy: D32,
            key: "scholars_not_places",
            facts,
            verdict: Verdict::Note,
            label: both(copy::CHECK_D32_PLACES_LABEL, values),
            working: both(copy::CHECK_D32_PLACES_WORKING, values),
            reading: both(copy::CHECK_D32_PLACES_READING, values),
            values: vec![("base", mean), ("places", AI2000_PLACES)],
        },
    ]
}

/// All consistency checks, in discrepancy order ([`CHECKED`]), each computed once.
///
/// Arguments: the data pack. Returns every check whose facts are present.
/// Complexity: O(f) for f facts (each lookup is a map search).
///
/// ```
/// use talent_core::model::checks::{all_checks, Verdict, D01};
/// use talent_core::Dataset;
/// let checks = all_checks(Dataset::embedded());
/// let d01 = checks.iter().find(|c| c.discrepancy == D01).unwrap();
/// // 52,000 / 1.287^9 = 5,368, under the stated "fewer than 10,000": consistent.
/// assert_eq!(d01.verdict, Verdict::Consistent);
/// assert!((d01.value("implied_start").unwrap() - 5367.8).abs() < 0.1);
/// ```
pub fn all_checks(data: &Dataset) -> Vec<Check> {
    CHECKED.iter().flat_map(|id| checks_for(data, id)).collect()
}

/// The checks of one discrepancy, in the order [`all_checks`] lists them; none for an id
/// outside [`CHECKED`].
///
/// ```
/// use talent_core::model::checks::{all_checks, checks_for, D02};
/// use talent_core::Dataset;
/// let data = Dataset::embedded();
/// let d02 = checks_for(data, D02);
/// assert!(!d02.is_empty() && d02.iter().all(|c| c.discrepancy == D02));
/// assert!(checks_for(data, "d99_unknown").is_empty());
/// ```
pub fn checks_for(data: &Dataset, id: &str) -> Vec<Check> {
    match id {
        D01 => d01(data).into_iter().collect(),
        D02 => d02(data),
        D03 => d03(data).into_iter().collect(),
        D08 => d08(data).into_iter().collect(),
        D10 => d10(data),
        D12 => d12(data).into_iter().collect(),
        D22 => d22(data),
        D30 => d30(data),
        D32 => d32(data),
        _ => Vec::new(),
    }
}

/// Whether a fact belongs to one of `datasets`.
fn in_datasets(data: &Dataset, fact: &str, datasets: &[&str]) -> bool {
    data.fact(fact)
        .is_some_and(|f| datasets.contains(&f.dataset.as_str()))
}

/// A discrepancy that concerns some datasets, with the app's checks of it that read
/// their facts.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceNote<'a> {
    /// The finding, with its reader title, description and kind.
    pub discrepancy: &'a Discrepancy,
    /// The checks of it that read a fact of the datasets (none when it is not checked).
    pub checks: Vec<Check>,
}

impl SourceNote<'_> {
    /// A real contradiction: the kind the pack gives it, or a check that finds one.
    pub fn is_contradiction(&self) -> bool {
        self.discrepancy.kind == DiscrepancyKind::Contradiction
            || self
                .checks
                .iter()
                .any(|c| c.verdict == Verdict::Contradiction)
    }
}

/// The notes on the sources of a chart or a page: every discrepancy with a fact in one
/// of `datasets` (a chart's [`crate::catalog::Chart::datasets`]), in pack order, each with
/// the checks of it that read a fact of those datasets.
///
/// Complexity: O(d · f) for d discrepancies of f facts each, plus the checks.
///
/// ```
/// use talent_core::catalog::Chart;
/// use talent_core::model::checks::notes_on;
/// use talent_core::Dataset;
/// let notes = notes_on(Dataset::embedded(), Chart::Shanghai.datasets());
/// // Table 1's information-retrieval rows contradict the brief's text.
/// assert!(notes.iter().any(|n| n.is_contradiction()));
/// ```
pub fn notes_on<'a>(data: &'a Dataset, datasets: &[&str]) -> Vec<SourceNote<'a>> {
    let checks = all_checks(data);
    data.discrepancies
        .iter()
        .filter(|d| d.facts.iter().any(|f| in_datasets(data, f, datasets)))
        .map(|d| SourceNote {
            discrepancy: d,
            checks: checks
                .iter()
                .filter(|c| c.discrepancy == d.id)
                .filter(|c| c.facts.iter().any(|f| in_datasets(data, f, datasets)))
                .cloned()
                .collect(),
        })
        .collect()
}

/// Whether a discrepancy changes the story: severity high, or a contradiction.
pub fn changes_the_story(discrepancy: &Discrepancy) -> bool {
    discrepancy.severity == crate::data::Severity::High
        || discrepancy.kind == DiscrepancyKind::Contradiction
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
    fn every_check_is_there_once_and_reads_known_facts() {
        let all = checks();
        let mut keys: Vec<&str> = all.iter().map(|c| c.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        let data = Dataset::embedded();
        for c in &all {
            assert!(
                data.discrepancies.iter().any(|d| d.id == c.discrepancy),
                "{}",
                c.discrepancy
            );
            for f in &c.facts {
                assert!(data.fact(f).is_some(), "{f}");
            }
        }
        // 1 (d01) + 2 (d02) + 1 (d03) + 1 (d08) + 2 (d10) + 1 (d12) + 3 (d22)
        // + 5 sums + 1 for Table 2 (d30) + 2 (d32) = 19.
        assert_eq!(all.len(), 19);
    }

    #[test]
    fn checks_for_gives_each_discrepancy_its_own_checks_and_nothing_else() {
        let data = Dataset::embedded();
        let mut joined = Vec::new();
        for id in CHECKED {
            let own = checks_for(data, id);
            assert!(!own.is_empty(), "{id} has checks");
            assert!(own.iter().all(|c| c.discrepancy == id), "{id}");
            joined.extend(own.into_iter().map(|c| c.key));
        }
        let all: Vec<&str> = checks().into_iter().map(|c| c.key).collect();
        assert_eq!(joined, all);
        assert!(checks_for(data, "d01").is_empty(), "ids match whole");
    }

    #[test]
    fn d01_the_implied_start_is_under_the_bound() {
        let all = checks();
        // 1.287^9 = exp(9 × ln 1.287) = exp(9 × 0.252314) = exp(2.270826) = 9.687393;
        // 52000 / 9.687393 = 5367.80 < 10,000: consistent with "fewer than 10,000".
        let c = get(&all, "implied_start_within_bound");
        assert!(near(c.value("implied_start"), 5367.80, 0.01));
        assert_eq!(c.verdict, Verdict::Consistent);
        assert_eq!(
            c.working.en,
            "52,000 ÷ (1 + 28.7%)⁹ ≈ 5,368; stated for 2015: under 10,000"
        );
        // From exactly 10,000: 5.2^(1/9) = exp(1.648659 / 9) = 1.201036 -> 20.1%.
        assert!(near(c.value("rate_from_bound"), 20.1036, 1e-4));
        assert!(c.reading.en.contains("20.1%"), "{}", c.reading.en);
    }

    #[test]
    fn d02_two_thirds_fits_the_sixty_placed() {
        let all = checks();
        // 41 + 19 = 60 placed; 71 - 60 = 11 not placed: a note, not a verdict.
        let s = get(&all, "us_scholars_by_sector");
        assert_eq!(s.verdict, Verdict::Note);
        assert_eq!(s.value("unplaced"), Some(11.0));
        assert_eq!(
            s.working.en,
            "41 in industry + 19 in academia = 60; 11 of the 71 not placed"
        );
        // 41/60 = 68.33% (within 5% of 66.7: |68.33 - 66.7| = 1.63 <= 3.34);
        // 41/71 = 57.75% (9.0 points off). Judged against the 60.
        let c = get(&all, "industry_share_base");
        assert!(near(c.value("share_of_placed"), 68.333, 1e-3));
        assert!(near(c.value("share_of_all"), 57.746, 1e-3));
        assert_eq!(c.verdict, Verdict::Consistent);
        assert_eq!(
            c.working.en,
            "41 of the 60 placed ≈ 68.3%; 41 of all 71 ≈ 57.7%"
        );
    }

    #[test]
    fn d03_text_and_table_contradict() {
        let all = checks();
        // Text: 0; Table 1: Minyi Guo (53) and Weinan Zhang (88) in information retrieval.
        let c = get(&all, "shanghai_ir_text_vs_table");
        assert_eq!((c.value("stated"), c.value("rows")), (Some(0.0), Some(2.0)));
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert!(
            c.working.en.contains("Minyi Guo, No. 53"),
            "{}",
            c.working.en
        );
        assert!(c.working.zh.contains("过敏意，第53名"), "{}", c.working.zh);
        assert_eq!(c.facts.len(), 3, "the text's count and the two rows");
    }

    #[test]
    fn d08_hoover_24_is_a_share_of_201() {
        let all = checks();
        // 49/201 = 24.378% rounds to 24; 49/211 = 23.223% rounds to 23.
        let c = get(&all, "us_ties_share_base");
        assert!(near(c.value("share_of_a"), 24.378, 1e-3));
        assert!(near(c.value("share_of_b"), 23.223, 1e-3));
        assert_eq!(c.verdict, Verdict::Consistent);
        assert!(
            c.reading.en.contains("only a base of 201 gives 24%"),
            "{}",
            c.reading.en
        );
    }

    #[test]
    fn d10_paths_and_the_range_for_nearly_70() {
        let all = checks();
        // 19 + 11 + 9 = 39 described; 49 - 39 = 10 not placed: a note.
        let s = get(&all, "us_tied_paths");
        assert_eq!(
            (s.value("sum"), s.value("unplaced")),
            (Some(39.0), Some(10.0))
        );
        assert_eq!(s.verdict, Verdict::Note);
        // Known in China 30/49 = 61.22%; all 10 unplaced too, 40/49 = 81.63%;
        // 70 lies inside; 0.70 × 49 = 34.3 -> 34, 34 - 30 = 4 of the 10 needed.
        let c = get(&all, "now_in_china_range");
        assert!(near(c.value("low"), 61.2245, 1e-4));
        assert!(near(c.value("high"), 81.6327, 1e-4));
        assert_eq!(c.value("needed"), Some(4.0));
        assert_eq!(c.verdict, Verdict::Consistent);
    }

    #[test]
    fn d12_thirteen_points_contradicts_fifty_three() {
        let all = checks();
        // 53 - 42 = 11; stated 13; 42 + 13 = 55; |11 - 13| = 2 > 1 (rounding allows 1).
        let c = get(&all, "mobility_fall");
        assert_eq!(c.value("fall"), Some(11.0));
        assert_eq!(c.value("stated"), Some(13.0));
        assert_eq!(c.value("implied_2019"), Some(55.0));
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(
            c.working.en,
            "2019: 53%; 2022: 42%, a fall of 11 points. Tracker 2.0 says 13 points, which puts 2019 at 42% + 13 points = 55%"
        );
    }

    #[test]
    fn d22_carnegie_adds_up_and_one_returnee_is_not_placed() {
        let all = checks();
        // 41 + 40 + 6 = 87 and 87 + 10 + 3 = 100: notes that add up.
        for key in ["still_in_us_by_role", "cohort_by_place"] {
            let c = get(&all, key);
            assert_eq!(c.verdict, Verdict::Note, "{key}");
            assert_eq!(c.value("unplaced"), Some(0.0), "{key}");
        }
        assert_eq!(
            get(&all, "still_in_us_by_role").working.en,
            "41 at companies + 40 professors + 6 PhD students or postdocs = 87"
        );
        // 2 + 2 + 5 = 9 of 10: never "9 = 10".
        let r = get(&all, "returnees_described");
        assert_eq!(
            (r.value("sum"), r.value("unplaced")),
            (Some(9.0), Some(1.0))
        );
        assert_eq!(r.verdict, Verdict::Note);
        assert_eq!(
            r.working.en,
            "2 founders + 2 leaders at large tech companies + 5 professors = 9; 1 of the 10 not placed"
        );
    }

    #[test]
    fn d30_sums_and_table2_add_up() {
        let all = checks();
        // 31 + 27 = 58; 37 + 38 = 75; 42 + 28 = 70; 47 + 18 = 65; 29 + 20 + 18 + 8 = 75.
        for (key, total) in [
            ("us_institutions_2019", 58.0),
            ("us_institutions_2022", 75.0),
            ("work_us_china_2022", 70.0),
            ("origin_china_us_2022", 65.0),
            ("origin_four_2019", 75.0),
        ] {
            let c = get(&all, key);
            assert_eq!(
                (c.value("sum"), c.value("total")),
                (Some(total), Some(total)),
                "{key}"
            );
            assert_eq!(c.verdict, Verdict::Note);
        }
        assert_eq!(
            get(&all, "work_us_china_2022").working.en,
            "United States 42% + China 28% = 70%"
        );
        assert_eq!(
            get(&all, "work_us_china_2022").working.zh,
            "美国42%+中国28%=70%"
        );
        // Table 2: 15 rows, every sum, net and rank as printed (Beijing 14 + 33 = 47).
        let t = get(&all, "table2_arithmetic");
        assert_eq!(t.value("rows"), Some(15.0));
        assert_eq!(
            (t.value("sums"), t.value("nets"), t.value("ranks")),
            (Some(15.0), Some(15.0), Some(15.0))
        );
        assert_eq!(t.verdict, Verdict::Note);
    }

    #[test]
    fn d32_bases_agree_within_rounding() {
        let all = checks();
        // 1128 / 0.614 = 1837.13 (range 1128/0.6145 = 1835.64 to 1128/0.6135 = 1838.63);
        // 171 / 0.093 = 1838.71 (171/0.0935 = 1828.88 to 171/0.0925 = 1848.65): overlap.
        let a = get(&all, "implied_bases");
        assert!(near(a.value("us_base"), 1837.13, 0.01));
        assert!(near(a.value("cn_base"), 1838.71, 0.01));
        assert_eq!(a.verdict, Verdict::Consistent);
        // Mean (1837.13 + 1838.71) / 2 = 1837.92 scholars for 2,000 places: a note.
        let b = get(&all, "scholars_not_places");
        assert!(near(b.value("base"), 1837.92, 0.01));
        assert_eq!(b.verdict, Verdict::Note);
        let (base, low, high) = implied_base(171.0, 9.3, 1).unwrap();
        assert!(near(Some(low), 1828.88, 0.01) && near(Some(high), 1848.65, 0.01));
        assert!(near(Some(base), 1838.71, 0.01));
    }

    #[test]
    fn a_claimed_total_that_does_not_add_up_is_a_contradiction() {
        // 2 + 3 = 5 against a stated 6: complete claim -> contradiction; partial -> note
        // with 1 not placed; 4 + 3 = 7 > 6 is a contradiction either way.
        let make = |parts: &[Part], total, claim| {
            Sum {
                discrepancy: D22,
                key: "t",
                label: Text::default(),
                parts,
                total,
                claim,
                unit: people,
                facts: &[],
            }
            .check()
        };
        let p = [
            (copy::CHECK_PART_FOUNDERS, 2.0, None),
            (copy::CHECK_PART_PROFESSORS, 3.0, None),
        ];
        let c = make(&p, 6.0, Claim::Complete);
        assert_eq!(c.verdict, Verdict::Contradiction);
        assert_eq!(
            c.working.en,
            "2 founders + 3 professors = 5, but the source gives 6"
        );
        assert_eq!(make(&p, 6.0, Claim::Partial).verdict, Verdict::Note);
        let over = [
            (copy::CHECK_PART_FOUNDERS, 4.0, None),
            (copy::CHECK_PART_PROFESSORS, 3.0, None),
        ];
        assert_eq!(
            make(&over, 6.0, Claim::Partial).verdict,
            Verdict::Contradiction
        );
    }

    #[test]
    fn only_real_contradictions_are_red() {
        // The kinds the pack gives agree with the verdicts: a checked discrepancy is a
        // contradiction exactly when one of its checks finds one.
        let data = Dataset::embedded();
        for id in CHECKED {
            let d = data.discrepancies.iter().find(|d| d.id == id).unwrap();
            let red = checks_for(data, id)
                .iter()
                .any(|c| c.verdict == Verdict::Contradiction);
            assert_eq!(red, d.kind == DiscrepancyKind::Contradiction, "{id}");
        }
        let red: Vec<&str> = checks()
            .into_iter()
            .filter(|c| c.verdict == Verdict::Contradiction)
            .map(|c| c.key)
            .collect();
        assert_eq!(red, ["shanghai_ir_text_vs_table", "mobility_fall"]);
    }

    #[test]
    fn no_working_is_false_as_written() {
        // Every "a = b" in a working has an exact result: a rounded one says ≈. The
        // sums check themselves; here every "=" is followed by the exact value shown.
        for c in checks() {
            for text in [&c.working.en, &c.working.zh, &c.label.en, &c.reading.en] {
                assert!(!text.contains('{'), "{}: {text}", c.key);
            }
            // No "x = y (stated)" equations of the old form.
            assert!(!c.working.en.contains("(stated)"), "{}", c.key);
        }
    }

    #[test]
    fn notes_of_a_chart_are_its_datasets_discrepancies() {
        let data = Dataset::embedded();
        // ITPO's chart: d01 (bound, checked, consistent) and d15 (definitions).
        let notes = notes_on(data, &["itpo_dongbi_2025"]);
        let ids: Vec<&str> = notes.iter().map(|n| n.discrepancy.id.as_str()).collect();
        assert!(
            ids.contains(&D01) && ids.contains(&"d15_itpo_vs_digital_science_counts"),
            "{ids:?}"
        );
        assert!(notes.iter().all(|n| !n.is_contradiction()));
        let d01 = notes.iter().find(|n| n.discrepancy.id == D01).unwrap();
        assert_eq!(d01.checks.len(), 1);
        // Table 2's chart gets the one Table 2 check of d30, not MacroPolo's sums.
        let city = notes_on(data, &["aminer_shanghai_2024_table2"]);
        let d30 = city.iter().find(|n| n.discrepancy.id == D30).unwrap();
        let keys: Vec<&str> = d30.checks.iter().map(|c| c.key).collect();
        assert_eq!(keys, ["table2_arithmetic"]);
    }
}
