//! The embedded data pack: every figure with its source, parsed once and validated.
//!
//! The human-edited file is `data/facts.toml`; `build.rs` turns it into JSON that is
//! compiled into the binary, so nothing is fetched at run time.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

const FACTS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/facts.json"));

/// A language the data pack carries labels in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// How a stated figure relates to the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// Stated as exact.
    Exact,
    /// "About", "nearly".
    Approx,
    /// "Fewer than", "under".
    Lt,
    /// "More than", "over".
    Gt,
}

/// How far a figure has been checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated in a seed document, not checked further.
    Seed,
    /// Stated in a seed and confirmed in an original or near-original source.
    SeedVerified,
    /// Stated in a seed but in conflict with another source or with the seed itself.
    SeedConflict,
    /// Not in the seeds; added from the original reports.
    Supplementary,
}

/// How much the figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Secondary or unverified.
    Low,
    /// Checked in part, or definitional caveats.
    Medium,
    /// Checked against the original.
    High,
}

/// The main value of a fact: a number, a phrase, or a list (rankings, named subfields).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A number, in the fact's `unit`.
    Number(f64),
    /// A qualitative statement.
    Text(String),
    /// An ordered list of names.
    List(Vec<String>),
}

/// One related number or label in a fact's `values` table.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Related {
    /// A number.
    Number(f64),
    /// A label.
    Text(String),
}

/// One cited figure.
#[derive(Clone, Debug, Deserialize)]
pub struct Fact {
    /// Stable snake_case id, unique in the pack.
    pub id: String,
    /// Key of the dataset (report) the fact belongs to.
    pub dataset: String,
    /// The figure itself.
    pub value: FactValue,
    /// Exact, approximate, lower or upper bound.
    pub qualifier: Option<Qualifier>,
    /// Related numbers stated with the figure (breakdowns, table columns).
    #[serde(default)]
    pub values: BTreeMap<String, Related>,
    /// Unit; `percent` means percentage points.
    pub unit: String,
    /// Reference year of the data.
    pub year: u16,
    /// What exactly was counted.
    pub population: String,
    /// The report or organisation.
    pub source: String,
    /// Where the figure was found, or empty.
    #[serde(default)]
    pub url: String,
    /// Seed file that states it, or `none`.
    pub seed: String,
    /// How far it was checked.
    pub status: Status,
    /// How much to trust it.
    pub confidence: Confidence,
    /// Short English label.
    pub label_en: String,
    /// Short Chinese label.
    pub label_zh: String,
    /// Caveats.
    pub note: Option<String>,
    /// Table-specific columns (Table 1 and Table 2 of seed 000).
    #[serde(flatten)]
    pub columns: BTreeMap<String, serde_json::Value>,
}

impl Fact {
    /// The number, if the fact is numeric.
    pub fn number(&self) -> Option<f64> {
        match self.value {
            FactValue::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A related number from `values`.
    pub fn related(&self, key: &str) -> Option<f64> {
        match self.values.get(key) {
            Some(Related::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// A text column (Table 1 and 2 rows).
    pub fn column_text(&self, key: &str) -> Option<&str> {
        self.columns.get(key).and_then(serde_json::Value::as_str)
    }

    /// A numeric column (Table 1 and 2 rows).
    pub fn column_number(&self, key: &str) -> Option<f64> {
        self.columns.get(key).and_then(serde_json::Value::as_f64)
    }

    /// The label in the given language.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Zh => &self.label_zh,
        }
    }

    /// True when the figure is a percentage (in percentage points).
    pub fn is_percent(&self) -> bool {
        self.unit.starts_with("percent")
    }
}

/// One report the facts come from.
#[derive(Clone, Debug, Deserialize)]
pub struct DatasetInfo {
    /// Key used as `Fact::dataset`.
    pub key: String,
    /// Full name of the report.
    pub name: String,
    /// Publisher and date.
    pub publisher: String,
    /// Main address, or empty.
    #[serde(default)]
    pub url: String,
    /// Seed files that cite it.
    #[serde(default)]
    pub seeds: Vec<String>,
    /// What it measures and how.
    #[serde(default)]
    pub description: String,
}

/// How much a discrepancy changes the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Checked and fine, or context.
    Info,
    /// Rounding, typo or minor.
    Low,
    /// Definitional or denominator problem.
    Medium,
    /// Changes the story.
    High,
}

/// A finding that stated figures disagree with each other or with arithmetic.
#[derive(Clone, Debug, Deserialize)]
pub struct Discrepancy {
    /// Stable id, e.g. `d01_cagr_28_7`.
    pub id: String,
    /// Ids of the facts involved.
    pub facts: Vec<String>,
    /// How serious it is.
    pub severity: Severity,
    /// What disagrees and why.
    pub description: String,
}

/// A figure that was searched for and not found.
#[derive(Clone, Debug, Deserialize)]
pub struct NotFound {
    /// Stable key.
    pub key: String,
    /// What is missing.
    pub detail: String,
}

/// The whole data pack.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Reports.
    pub datasets: Vec<DatasetInfo>,
    /// Figures.
    pub facts: Vec<Fact>,
    /// Findings of disagreement.
    pub discrepancies: Vec<Discrepancy>,
    /// Figures not found.
    pub not_found: Vec<NotFound>,
    #[serde(skip)]
    index: BTreeMap<String, usize>,
}

/// Why the data pack is not valid.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The JSON does not have the expected shape.
    Parse(String),
    /// Two facts share an id.
    DuplicateId(String),
    /// A fact has no source or no population.
    MissingSource(String),
    /// A fact names a dataset that is not listed.
    UnknownDataset {
        /// The fact.
        fact: String,
        /// The dataset key it names.
        dataset: String,
    },
    /// A discrepancy refers to a fact that does not exist.
    UnknownFact {
        /// The discrepancy.
        discrepancy: String,
        /// The missing fact id.
        fact: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parse(e) => write!(f, "data pack does not parse: {e}"),
            Self::DuplicateId(id) => write!(f, "fact id `{id}` is used twice"),
            Self::MissingSource(id) => write!(f, "fact `{id}` has no source or population"),
            Self::UnknownDataset { fact, dataset } => {
                write!(f, "fact `{fact}` names unknown dataset `{dataset}`")
            }
            Self::UnknownFact { discrepancy, fact } => {
                write!(f, "discrepancy `{discrepancy}` names unknown fact `{fact}`")
            }
        }
    }
}

impl std::error::Error for DataError {}

impl Dataset {
    /// Parses and validates a data pack in the JSON form `build.rs` writes.
    ///
    /// # Errors
    /// A [`DataError`] naming the first fact or record that breaks a rule.
    pub fn parse(json: &str) -> Result<Self, DataError> {
        let mut data: Dataset =
            serde_json::from_str(json).map_err(|e| DataError::Parse(e.to_string()))?;
        for (position, fact) in data.facts.iter().enumerate() {
            if data.index.insert(fact.id.clone(), position).is_some() {
                return Err(DataError::DuplicateId(fact.id.clone()));
            }
            if fact.source.trim().is_empty() || fact.population.trim().is_empty() {
                return Err(DataError::MissingSource(fact.id.clone()));
            }
            if !data.datasets.iter().any(|d| d.key == fact.dataset) {
                return Err(DataError::UnknownDataset {
                    fact: fact.id.clone(),
                    dataset: fact.dataset.clone(),
                });
            }
        }
        for record in &data.discrepancies {
            if let Some(missing) = record.facts.iter().find(|id| !data.index.contains_key(*id)) {
                return Err(DataError::UnknownFact {
                    discrepancy: record.id.clone(),
                    fact: missing.clone(),
                });
            }
        }
        Ok(data)
    }

    /// The data pack compiled into the binary.
    ///
    /// # Panics
    /// Never in a released build: the native test suite parses the same bytes.
    pub fn embedded() -> &'static Dataset {
        static DATA: LazyLock<Dataset> = LazyLock::new(|| {
            Dataset::parse(FACTS_JSON).expect("embedded data pack is validated by the tests")
        });
        &DATA
    }

    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.index.get(id).map(|&position| &self.facts[position])
    }

    /// The numeric value of a fact, if it exists and is a number.
    pub fn number(&self, id: &str) -> Option<f64> {
        self.fact(id).and_then(Fact::number)
    }

    /// The report a fact belongs to.
    pub fn dataset_of(&self, fact: &Fact) -> Option<&DatasetInfo> {
        self.datasets.iter().find(|d| d.key == fact.dataset)
    }

    /// All facts of one dataset, in file order.
    pub fn facts_of<'a>(&'a self, dataset: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        self.facts.iter().filter(move |f| f.dataset == dataset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pack_parses_and_indexes_every_fact() {
        let data = Dataset::parse(FACTS_JSON).expect("valid pack");
        assert_eq!(data.facts.len(), 318, "facts in the pack (README: 318)");
        assert_eq!(data.discrepancies.len(), 33);
        assert_eq!(data.number("sh24_top100_us_count"), Some(71.0));
        assert_eq!(
            data.fact("sh24_t2_beijing")
                .and_then(|f| f.related("dwi_minus_dwo")),
            Some(-19.0)
        );
    }

    fn minimal(fact_fields: &str) -> String {
        format!(
            r#"{{"datasets":[{{"key":"d","name":"D","publisher":"P"}}],
                "facts":[{{"id":"a","dataset":"d","value":1,"unit":"u","year":2020,
                  "seed":"none","status":"seed","confidence":"high",
                  "label_en":"A","label_zh":"甲"{fact_fields}}}],
                "discrepancies":[],"not_found":[]}}"#
        )
    }

    #[test]
    fn a_fact_without_source_is_rejected() {
        let json = minimal(r#","population":"p","source":"  ""#);
        assert_eq!(
            Dataset::parse(&json).unwrap_err(),
            DataError::MissingSource("a".into())
        );
    }

    #[test]
    fn a_fact_with_source_is_accepted() {
        let json = minimal(r#","population":"p","source":"Report""#);
        assert!(Dataset::parse(&json).is_ok());
    }

    #[test]
    fn a_discrepancy_naming_an_unknown_fact_is_rejected() {
        let json = minimal(r#","population":"p","source":"Report""#).replace(
            r#""discrepancies":[]"#,
            r#""discrepancies":[{"id":"x","facts":["zzz"],"severity":"low","description":""}]"#,
        );
        assert!(matches!(
            Dataset::parse(&json),
            Err(DataError::UnknownFact { fact, .. }) if fact == "zzz"
        ));
    }
}
