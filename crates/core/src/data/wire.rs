//! The data pack's types as they travel from `build.rs` into the binary.
//!
//! `build.rs` includes this file too (`#[path]`), so the encoder and the decoder share one
//! definition. The embedded form is [postcard](https://docs.rs/postcard): compact,
//! field order instead of field names, enum variants by index. It is not self-describing,
//! so nothing here may use `#[serde(untagged)]`, `#[serde(flatten)]` or
//! `skip_serializing_if`, and the order of fields and variants is the format: `build.rs`
//! and the crate are always compiled from the same file, so they cannot disagree. The
//! `rename_all` attributes are for `build.rs`, which reads some of these types straight
//! from the TOML (`Seed`, the enums); the reader files have their own types
//! (`reader.rs`).

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

/// A reader text in both languages. Every text a reader sees comes in this type, so a
/// text without its other language cannot be built.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

/// One cited figure. `S` is how the figure holds the texts it shares with other figures
/// (its source and its population): the original curator string while `build.rs` reads
/// `facts.toml`, an index into [`Pack::sources`] and [`Pack::populations`] on the wire,
/// so that the binary carries each text once, and a shared pointer once decoded
/// (`data::Fact`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactOf<S> {
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
    /// What exactly was counted, for readers.
    pub population: S,
    /// The report or organisation, as a reader cites it.
    pub source: S,
    /// Where the figure was found, or empty.
    pub url: String,
    /// Seed file that states it, or `none`.
    pub seed: String,
    /// How far it was checked.
    pub status: Status,
    /// How much to trust it.
    pub confidence: Confidence,
    /// The curator's short English label (`facts.toml`); readers see [`FactOf::label`].
    pub label_en: String,
    /// The curator's short Chinese label (`facts.toml`); readers see [`FactOf::label`].
    pub label_zh: String,
    /// The label readers see (`reader/facts.toml`).
    pub label: Text,
    /// The caveat readers see (`reader/facts.toml`), for the facts whose curator entry
    /// has a note.
    pub note: Option<Text>,
    /// Table-specific columns (Table 1 and Table 2 of the Shanghai brief): every other key
    /// of the row that holds a number or a text.
    pub columns: BTreeMap<String, Related>,
}

/// Which of a fact's shared texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedText {
    /// [`FactOf::source`].
    Source,
    /// [`FactOf::population`].
    Population,
}

impl<S> FactOf<S> {
    /// The same fact with its shared texts (source and population) turned into another
    /// form by `f`: curator strings into indices, indices into shared pointers.
    ///
    /// # Errors
    /// The first error of `f`.
    pub fn try_map_shared<T, E>(
        self,
        mut f: impl FnMut(SharedText, S) -> Result<T, E>,
    ) -> Result<FactOf<T>, E> {
        let FactOf {
            id,
            dataset,
            value,
            qualifier,
            values,
            unit,
            year,
            population,
            source,
            url,
            seed,
            status,
            confidence,
            label_en,
            label_zh,
            label,
            note,
            columns,
        } = self;
        Ok(FactOf {
            population: f(SharedText::Population, population)?,
            source: f(SharedText::Source, source)?,
            id,
            dataset,
            value,
            qualifier,
            values,
            unit,
            year,
            url,
            seed,
            status,
            confidence,
            label_en,
            label_zh,
            label,
            note,
            columns,
        })
    }
}

/// One report the facts come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    /// Key used as `Fact::dataset`.
    pub key: String,
    /// The report's name for readers.
    pub name: Text,
    /// Outlet and date, as a reader cites them.
    pub publisher: Text,
    /// What it measures and how, in one or two sentences.
    pub description: Text,
    /// A short credit for source lines: "MacroPolo (2020)".
    pub credit: Text,
    /// Main address, or empty.
    pub url: String,
    /// Seed files that cite it.
    pub seeds: Vec<String>,
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

/// What kind of finding a discrepancy is, so that a page can mark as wrong only what is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscrepancyKind {
    /// A source contradicts itself or another source: both cannot be right as written.
    Contradiction,
    /// A share is right or wrong depending on what it is a share of.
    Denominator,
    /// A bound ("under 10,000") taken as a value; consistent within the bound.
    Bound,
    /// The figures count different things (populations, definitions, documents).
    Definition,
    /// Rounding, truncation or a slip of the pen; nothing is wrong once read as meant.
    Rounding,
    /// The parts a source describes do not add up to its total: some are not placed.
    Unplaced,
    /// Checked, and the figures agree.
    Consistent,
    /// Stated in one place and not checked anywhere else: no verdict.
    Unverified,
}

/// A finding about stated figures: where they disagree with each other or with
/// arithmetic, or a check that they agree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// Stable id, e.g. `d01_cagr_28_7`.
    pub id: String,
    /// Ids of the facts involved.
    pub facts: Vec<String>,
    /// How serious it is.
    pub severity: Severity,
    /// What kind of finding it is.
    pub kind: DiscrepancyKind,
    /// One line: what disagrees.
    pub title: Text,
    /// What disagrees, judged against the right denominator and bounds.
    pub description: Text,
}

/// A figure that was searched for and not found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotFound {
    /// Stable key.
    pub key: String,
    /// What is missing.
    pub detail: Text,
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
    /// Figures, in file order; their sources and populations are indices into
    /// `sources` and `populations`.
    pub facts: Vec<FactOf<u16>>,
    /// Findings of disagreement.
    pub discrepancies: Vec<Discrepancy>,
    /// Figures not found.
    pub not_found: Vec<NotFound>,
    /// The seed documents facts and datasets cite.
    pub seeds: Vec<Seed>,
    /// Each distinct source citation once.
    pub sources: Vec<Text>,
    /// Each distinct population once.
    pub populations: Vec<Text>,
    /// Whether this is the app's copy, without prose and provenance ([`Pack::for_the_app`]).
    pub for_the_app: bool,
}

impl Pack {
    /// The pack the wasm carries: what charts, their tooltips, tables, citations and the
    /// what-if model read. The prose around them (notes, populations, descriptions,
    /// discrepancies, what was not found, the curators' labels) and the provenance the
    /// Sources page and the downloads show (each figure's citation, address and seed, the
    /// reports' addresses, the seed documents) are in the baked pages and files, so the
    /// app's copy leaves them out. `data::tests` checks that every chart plans, tabulates
    /// and cites the same from this pack as from the whole one.
    pub fn for_the_app(mut self) -> Pack {
        let blank = Text::default();
        for fact in &mut self.facts {
            fact.label_en.clear();
            fact.label_zh.clear();
            fact.note = None;
            fact.url.clear();
            fact.seed = "none".into();
        }
        for text in self.populations.iter_mut().chain(&mut self.sources) {
            *text = blank.clone();
        }
        for d in &mut self.datasets {
            d.description = blank.clone();
            d.url.clear();
            d.seeds.clear();
        }
        for d in &mut self.discrepancies {
            d.title = blank.clone();
            d.description = blank.clone();
        }
        for n in &mut self.not_found {
            n.detail = blank.clone();
        }
        self.seeds.clear();
        self.for_the_app = true;
        self
    }
}
