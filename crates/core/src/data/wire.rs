//! The data pack's types as they travel from `build.rs` into the binary.
//!
//! `build.rs` includes this file too (`#[path]`), so the encoder and the decoder share one
//! definition. The embedded form is [postcard](https://docs.rs/postcard): compact,
//! field order instead of field names, enum variants by index. It is not self-describing,
//! so nothing here may use `#[serde(untagged)]`, `#[serde(flatten)]` or
//! `skip_serializing_if`, and the order of fields and variants is the format: `build.rs`
//! and the crate are always compiled from the same file, so they cannot disagree. The
//! `rename_all` and `default` attributes are for `build.rs`, which reads some of these
//! types straight from the TOML.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a stated figure relates to the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FactValue {
    /// A number, in the fact's `unit`.
    Number(f64),
    /// A qualitative statement.
    Text(String),
    /// An ordered list of names.
    List(Vec<String>),
}

/// One related number or label: an entry of a fact's `values` table, or a table-specific
/// column of a Table 1 or Table 2 row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Related {
    /// A number.
    Number(f64),
    /// A label.
    Text(String),
}

/// One cited figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Table-specific columns (Table 1 and Table 2 of seed 000): every other key of the
    /// row that holds a number or a text.
    pub columns: BTreeMap<String, Related>,
}

/// One report the facts come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotFound {
    /// Stable key.
    pub key: String,
    /// What is missing.
    pub detail: String,
}

/// A seed document: one of the Chinese-language articles the explainer set out to check
/// (`data/seeds.toml`). Empty texts are what the document does not give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seed {
    /// File name, as facts and datasets cite it, e.g. `000_d00e38d578165ecb.txt`.
    pub file: String,
    /// Headline as printed.
    pub title: String,
    /// Headline in English, or what the document is when it has none.
    pub title_en: String,
    /// Publication, as printed.
    pub outlet: String,
    /// Publication, in English.
    pub outlet_en: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Address.
    pub url: String,
}

/// The whole data pack as encoded, before validation and indexing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Reports.
    pub datasets: Vec<DatasetInfo>,
    /// Figures, in file order.
    pub facts: Vec<Fact>,
    /// Findings of disagreement.
    pub discrepancies: Vec<Discrepancy>,
    /// Figures not found.
    pub not_found: Vec<NotFound>,
    /// The seed documents facts and datasets cite.
    pub seeds: Vec<Seed>,
}
