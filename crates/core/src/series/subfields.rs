//! Series of the Subfields view: what the seed says about US and Chinese strength per
//! AI subfield, and Shanghai's top-100-per-subfield scholars (Table 1 of seed 000).
//!
//! The seed gives no per-subfield counts for the US or China (its Figure 2 is an image),
//! so the comparison is qualitative, as stated, with its contradictions.

use crate::series::{BarGroup, BarSeries, BarValue, Unit};
use crate::{Dataset, Fact, Lang};

/// Dataset key of Table 1 of seed 000.
pub const TABLE1_DATASET: &str = "aminer_shanghai_2024_table1";

/// What the seed says about the US and China in one subfield.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The US has a marked lead.
    UsLead,
    /// China is on par with the US.
    Tie,
    /// China shows strong reserves.
    ChinaStrong,
    /// China has no top scholar at all.
    ChinaNone,
}

/// One statement of the seed about a subfield.
#[derive(Clone, Debug, PartialEq)]
pub struct SubfieldStanding {
    /// Subfield key (see [`crate::data::labels::label`]).
    pub subfield: &'static str,
    /// What the seed says.
    pub standing: Standing,
    /// The fact that says it.
    pub fact: &'static str,
}

/// English names the seed's lists use, and our keys.
const SUBFIELD_NAMES: &[(&str, &str)] = &[
    ("machine learning", "machine_learning"),
    ("computer vision", "computer_vision"),
    ("natural language processing", "nlp"),
    ("speech recognition", "speech"),
    ("information retrieval", "information_retrieval"),
    ("multimedia", "multimedia"),
    ("robotics", "robotics"),
    ("knowledge engineering", "knowledge_engineering"),
    ("human-computer interaction", "hci"),
    ("data mining", "data_mining"),
];

/// The key of a subfield named in the data pack (any case), if known.
pub fn subfield_key(name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    SUBFIELD_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, key)| *key)
}

fn listed(data: &Dataset, fact: &'static str, standing: Standing) -> Vec<SubfieldStanding> {
    let Some(crate::data::FactValue::List(names)) = data.fact(fact).map(|f| &f.value) else {
        return Vec::new();
    };
    names
        .iter()
        .filter_map(|name| subfield_key(name))
        .map(|subfield| SubfieldStanding {
            subfield,
            standing,
            fact,
        })
        .collect()
}

/// Every US-versus-China statement of seed 000, in the order the seed makes them.
///
/// A subfield can appear twice: the seed lists human-computer interaction as a US
/// lead and, separately, says China has no top scholar there.
pub fn us_china_standings(data: &Dataset) -> Vec<SubfieldStanding> {
    let mut out = listed(data, "sh24_subfield_us_lead_areas", Standing::UsLead);
    if data.fact("sh24_subfield_speech_us_china_tie").is_some() {
        out.push(SubfieldStanding {
            subfield: "speech",
            standing: Standing::Tie,
            fact: "sh24_subfield_speech_us_china_tie",
        });
    }
    out.extend(listed(
        data,
        "sh24_subfield_china_strong_areas",
        Standing::ChinaStrong,
    ));
    if data.number("sh24_subfield_hci_china_count") == Some(0.0) {
        out.push(SubfieldStanding {
            subfield: "hci",
            standing: Standing::ChinaNone,
            fact: "sh24_subfield_hci_china_count",
        });
    }
    out
}

/// One row of Table 1: a Shanghai scholar in the global top 100 of a subfield.
#[derive(Clone, Debug, PartialEq)]
pub struct ShanghaiScholar {
    /// Subfield key.
    pub subfield: &'static str,
    /// Rank in the subfield's global top 100.
    pub rank: u32,
    /// Name in Chinese characters.
    pub name_zh: String,
    /// Name in pinyin.
    pub name_pinyin: String,
    /// Institution, English.
    pub institution_en: String,
    /// Institution, Chinese.
    pub institution_zh: String,
    /// True for industry, false for academia and research institutes.
    pub industry: bool,
    /// The fact of the row.
    pub fact: String,
}

impl ShanghaiScholar {
    fn from_fact(fact: &Fact) -> Option<ShanghaiScholar> {
        Some(ShanghaiScholar {
            subfield: subfield_key(fact.column_text("subfield_en")?)?,
            rank: fact.column_number("global_rank")? as u32,
            name_zh: fact.column_text("name_zh")?.to_string(),
            name_pinyin: fact.column_text("name_pinyin")?.to_string(),
            institution_en: fact.column_text("institution_en")?.to_string(),
            institution_zh: fact.column_text("institution_zh")?.to_string(),
            industry: fact.column_text("sector_en")?.starts_with("industry"),
            fact: fact.id.clone(),
        })
    }

    /// The institution in a language.
    pub fn institution(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.institution_en,
            Lang::Zh => &self.institution_zh,
        }
    }
}

/// The rows of Table 1, in table order (16 rows for 15 people: one is listed twice).
pub fn shanghai_scholars(data: &Dataset) -> Vec<ShanghaiScholar> {
    data.facts_of(TABLE1_DATASET)
        .filter_map(ShanghaiScholar::from_fact)
        .collect()
}

/// Subfields the seed's text names with zero Shanghai scholars, with the fact.
const SHANGHAI_ZERO: &[(&str, &str)] = &[
    ("robotics", "sh24_shanghai_count_robotics"),
    (
        "knowledge_engineering",
        "sh24_shanghai_count_knowledge_engineering",
    ),
    (
        "information_retrieval",
        "sh24_shanghai_count_information_retrieval",
    ),
    ("hci", "sh24_shanghai_count_human_computer_interaction"),
];

/// Shanghai's top-100-per-subfield scholars by subfield and sector.
///
/// # Data
/// Counts are derived by counting the rows of Table 1 (a person listed in two
/// subfields counts in both). Subfields the text says have none are added with the
/// stated zero, except where the table itself lists scholars: information retrieval
/// has two rows although the text says zero (discrepancy d03), and the table wins.
pub fn shanghai_by_subfield(data: &Dataset, lang: Lang) -> BarSeries {
    let scholars = shanghai_scholars(data);
    let mut order: Vec<&'static str> = Vec::new();
    for scholar in &scholars {
        if !order.contains(&scholar.subfield) {
            order.push(scholar.subfield);
        }
    }
    let count = |subfield: &str, industry: bool| {
        let rows: Vec<&ShanghaiScholar> = scholars
            .iter()
            .filter(|s| s.subfield == subfield && s.industry == industry)
            .collect();
        BarValue::Derived {
            value: rows.len() as f64,
            formula: match lang {
                Lang::En => format!("{} rows of Table 1", rows.len()),
                Lang::Zh => format!("表1中{}行", rows.len()),
            },
            facts: rows.iter().map(|s| s.fact.clone()).collect(),
        }
    };
    let mut groups: Vec<BarGroup> = order
        .iter()
        .map(|subfield| BarGroup {
            key: (*subfield).to_string(),
            cells: vec![count(subfield, true), count(subfield, false)],
        })
        .collect();
    for (subfield, fact) in SHANGHAI_ZERO {
        if !order.contains(subfield) {
            groups.push(BarGroup {
                key: (*subfield).to_string(),
                cells: vec![BarValue::stated(data, fact), BarValue::stated(data, fact)],
            });
        }
    }
    BarSeries {
        unit: Unit::Scholars,
        year: 2024,
        sample: data.number("sh24_shanghai_top_talent_count"),
        series: vec!["industry".into(), "academia".into()],
        groups,
    }
}

/// The number of distinct people in Table 1 (a person can hold two rows).
pub fn distinct_people(scholars: &[ShanghaiScholar]) -> usize {
    let mut names: Vec<&str> = scholars.iter().map(|s| s.name_pinyin.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// Subfields whose number-one scholar works in each country, AI 2000 2022.
///
/// # Data
/// The closest published figure to "top scholars per subfield by country": the seed's
/// own per-subfield counts (Figure 2) are an image and were not found (nf01).
pub fn subfield_leaders_2022(data: &Dataset) -> BarSeries {
    const COUNTRIES: [(&str, &str); 6] = [
        ("US", "us"),
        ("China", "cn"),
        ("Germany", "de"),
        ("Canada", "ca"),
        ("Japan", "jp"),
        ("France", "fr"),
    ];
    let fact = "ai2000_2022_subfield_top1_by_country";
    let groups = COUNTRIES
        .iter()
        .map(|(name, key)| BarGroup {
            key: (*key).to_string(),
            cells: vec![data.fact(fact).and_then(|f| f.related(name)).map_or(
                BarValue::NotReported { fact: None },
                |value| BarValue::Stated {
                    value,
                    fact: fact.to_string(),
                },
            )],
        })
        .collect();
    BarSeries {
        unit: Unit::Subfields,
        year: 2022,
        sample: None,
        series: vec!["subfields".into()],
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standings_follow_the_seed_lists() {
        let standings = us_china_standings(Dataset::embedded());
        let us_lead: Vec<&str> = standings
            .iter()
            .filter(|s| s.standing == Standing::UsLead)
            .map(|s| s.subfield)
            .collect();
        assert_eq!(us_lead, ["machine_learning", "nlp", "robotics", "hci"]);
        let china: Vec<&str> = standings
            .iter()
            .filter(|s| s.standing == Standing::ChinaStrong)
            .map(|s| s.subfield)
            .collect();
        assert_eq!(china, ["data_mining", "multimedia"]);
        assert!(standings
            .iter()
            .any(|s| s.subfield == "speech" && s.standing == Standing::Tie));
        assert!(standings
            .iter()
            .any(|s| s.subfield == "hci" && s.standing == Standing::ChinaNone));
    }

    #[test]
    fn table1_has_sixteen_rows_for_fifteen_people() {
        let scholars = shanghai_scholars(Dataset::embedded());
        assert_eq!(scholars.len(), 16);
        assert_eq!(distinct_people(&scholars), 15);
        // Shaoqing Ren (NIO), Jianping Shi and Xiaoou Tang (SenseTime) are in industry: 3 people.
        let mut industry: Vec<&str> = scholars
            .iter()
            .filter(|s| s.industry)
            .map(|s| s.name_pinyin.as_str())
            .collect();
        industry.dedup();
        assert_eq!(industry.len(), 3);
    }

    #[test]
    fn shanghai_counts_by_subfield_and_sector() {
        let series = shanghai_by_subfield(Dataset::embedded(), Lang::En);
        let row = |key: &str| -> Vec<Option<f64>> {
            series
                .groups
                .iter()
                .find(|g| g.key == key)
                .unwrap()
                .cells
                .iter()
                .map(BarValue::value)
                .collect()
        };
        // Table 1, computer vision: Ren #4, Shi #44 and Tang #20 in industry (Tang's row says
        // "industry (deceased)"); Qiao #48 and Dong #87 in academia: 3 + 2.
        assert_eq!(row("computer_vision"), vec![Some(3.0), Some(2.0)]);
        assert_eq!(row("multimedia"), vec![Some(0.0), Some(4.0)]);
        assert_eq!(row("information_retrieval"), vec![Some(0.0), Some(2.0)]); // the table, not the text's 0
        assert_eq!(row("robotics"), vec![Some(0.0), Some(0.0)]);
        assert_eq!(row("hci"), vec![Some(0.0), Some(0.0)]);
        // 16 rows in all.
        let total: f64 = series
            .groups
            .iter()
            .flat_map(|g| g.cells.iter().filter_map(BarValue::value))
            .sum();
        assert_eq!(total, 16.0);
    }

    #[test]
    fn subfield_leaders_read_the_breakdown() {
        let series = subfield_leaders_2022(Dataset::embedded());
        let values: Vec<Option<f64>> = series.groups.iter().map(|g| g.cells[0].value()).collect();
        assert_eq!(
            values,
            vec![
                Some(13.0),
                Some(2.0),
                Some(2.0),
                Some(2.0),
                Some(1.0),
                Some(1.0)
            ]
        );
    }
}
