//! The embedded data pack: every figure with its source, decoded once and validated.
//!
//! The human-edited files are `data/facts.toml` and `data/seeds.toml`; `build.rs` encodes
//! them with serde into a compact binary form ([postcard](https://docs.rs/postcard), types
//! in `dataset/wire.rs`) that is compiled into the binary, so nothing is fetched or
//! parsed as text at run time.

pub mod labels;
mod wire;

pub use wire::{
    Confidence, DatasetInfo, Discrepancy, Fact, FactValue, NotFound, Pack, Qualifier, Related,
    Seed, Severity, Status,
};

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

/// The data pack as `build.rs` encodes it.
const FACTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/facts.postcard"));

/// A language the data pack carries labels in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
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
        match self.columns.get(key) {
            Some(Related::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// A numeric column (Table 1 and 2 rows).
    pub fn column_number(&self, key: &str) -> Option<f64> {
        match self.columns.get(key) {
            Some(Related::Number(n)) => Some(*n),
            _ => None,
        }
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

    /// The number of the seed document that states the figure (`000` for the seed file
    /// `000_d00e38d578165ecb.txt`), or `None` when no seed does (`none`).
    ///
    /// ```
    /// use talent_core::Dataset;
    /// let data = Dataset::embedded();
    /// assert_eq!(data.fact("sh24_top100_us_count").unwrap().seed_number(), Some("000"));
    /// assert_eq!(data.fact("mp22_elite_us_share_change_pp").unwrap().seed_number(), None);
    /// ```
    pub fn seed_number(&self) -> Option<&str> {
        seed_number(&self.seed)
    }
}

impl Seed {
    /// The three-digit number readers know the seed by: `000` for `000_d00e38d578165ecb.txt`.
    pub fn number(&self) -> Option<&str> {
        seed_number(&self.file)
    }
}

/// The leading three digits of a seed file name, if it has them.
fn seed_number(file: &str) -> Option<&str> {
    let number = file.split('_').next()?;
    (number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
}

/// The whole data pack, validated and indexed by fact id.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Reports.
    pub datasets: Vec<DatasetInfo>,
    /// Figures.
    pub facts: Vec<Fact>,
    /// Findings of disagreement.
    pub discrepancies: Vec<Discrepancy>,
    /// Figures not found.
    pub not_found: Vec<NotFound>,
    /// The seed documents, as `data/seeds.toml` lists them.
    pub seeds: Vec<Seed>,
    index: BTreeMap<String, usize>,
}

/// Why the data pack is not valid.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The bytes do not decode to a data pack (truncated, trailing or mistyped data).
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
    /// A fact or dataset cites a seed document that is not listed (or a seed file name
    /// without its three-digit number).
    UnknownSeed {
        /// The fact id or dataset key.
        cited_by: String,
        /// The seed file it names.
        seed: String,
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
            Self::Parse(e) => write!(f, "data pack does not decode: {e}"),
            Self::DuplicateId(id) => write!(f, "fact id `{id}` is used twice"),
            Self::MissingSource(id) => write!(f, "fact `{id}` has no source or population"),
            Self::UnknownDataset { fact, dataset } => {
                write!(f, "fact `{fact}` names unknown dataset `{dataset}`")
            }
            Self::UnknownSeed { cited_by, seed } => {
                write!(f, "`{cited_by}` cites unknown seed `{seed}`")
            }
            Self::UnknownFact { discrepancy, fact } => {
                write!(f, "discrepancy `{discrepancy}` names unknown fact `{fact}`")
            }
        }
    }
}

impl std::error::Error for DataError {}

impl Dataset {
    /// Decodes and validates a data pack in the binary form `build.rs` writes.
    ///
    /// # Errors
    /// [`DataError::Parse`] if the bytes are not exactly one encoded [`Pack`], else what
    /// [`Dataset::from_pack`] finds.
    pub fn decode(bytes: &[u8]) -> Result<Self, DataError> {
        let (pack, rest) = postcard::take_from_bytes::<Pack>(bytes)
            .map_err(|e| DataError::Parse(e.to_string()))?;
        if !rest.is_empty() {
            return Err(DataError::Parse(format!(
                "{} bytes after the data pack",
                rest.len()
            )));
        }
        Dataset::from_pack(pack)
    }

    /// Validates and indexes a data pack.
    ///
    /// # Errors
    /// A [`DataError`] naming the first fact or record that breaks a rule.
    pub fn from_pack(pack: Pack) -> Result<Self, DataError> {
        let Pack {
            datasets,
            facts,
            discrepancies,
            not_found,
            seeds,
        } = pack;
        if let Some(bad) = seeds.iter().find(|s| s.number().is_none()) {
            return Err(DataError::UnknownSeed {
                cited_by: "seeds".into(),
                seed: bad.file.clone(),
            });
        }
        let unknown_seed = |cited_by: &str, seed: &str| {
            (seed != "none" && !seeds.iter().any(|s| s.file == seed)).then(|| {
                DataError::UnknownSeed {
                    cited_by: cited_by.to_owned(),
                    seed: seed.to_owned(),
                }
            })
        };
        for dataset in &datasets {
            if let Some(error) = dataset
                .seeds
                .iter()
                .find_map(|s| unknown_seed(&dataset.key, s))
            {
                return Err(error);
            }
        }
        let mut index = BTreeMap::new();
        for (position, fact) in facts.iter().enumerate() {
            if index.insert(fact.id.clone(), position).is_some() {
                return Err(DataError::DuplicateId(fact.id.clone()));
            }
            if fact.source.trim().is_empty() || fact.population.trim().is_empty() {
                return Err(DataError::MissingSource(fact.id.clone()));
            }
            if let Some(error) = unknown_seed(&fact.id, &fact.seed) {
                return Err(error);
            }
            if !datasets.iter().any(|d| d.key == fact.dataset) {
                return Err(DataError::UnknownDataset {
                    fact: fact.id.clone(),
                    dataset: fact.dataset.clone(),
                });
            }
        }
        for record in &discrepancies {
            if let Some(missing) = record.facts.iter().find(|id| !index.contains_key(*id)) {
                return Err(DataError::UnknownFact {
                    discrepancy: record.id.clone(),
                    fact: missing.clone(),
                });
            }
        }
        Ok(Dataset {
            datasets,
            facts,
            discrepancies,
            not_found,
            seeds,
            index,
        })
    }

    /// The data pack compiled into the binary.
    ///
    /// # Panics
    /// Never in a released build: the native test suite decodes the same bytes.
    pub fn embedded() -> &'static Dataset {
        static DATA: LazyLock<Dataset> = LazyLock::new(|| {
            Dataset::decode(FACTS).expect("embedded data pack is validated by the tests")
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

    /// The seed document with this file name.
    pub fn seed(&self, file: &str) -> Option<&Seed> {
        self.seeds.iter().find(|s| s.file == file)
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
    fn embedded_pack_decodes_and_indexes_every_fact() {
        let data = Dataset::decode(FACTS).expect("valid pack");
        assert_eq!(data.facts.len(), 318, "facts in the pack (README: 318)");
        assert_eq!(data.discrepancies.len(), 33);
        assert_eq!(data.number("sh24_top100_us_count"), Some(71.0));
        assert_eq!(
            data.fact("sh24_t2_beijing")
                .and_then(|f| f.related("dwi_minus_dwo")),
            Some(-19.0)
        );
    }

    #[test]
    fn table_columns_keep_their_texts_and_numbers() {
        let data = Dataset::decode(FACTS).expect("valid pack");
        let beijing = data.fact("sh24_t2_beijing").expect("Table 2 row");
        assert_eq!(beijing.column_text("city_en"), Some("Beijing"));
        assert_eq!(beijing.column_number("rank"), Some(3.0));
        assert_eq!(beijing.column_text("rank"), None, "a number is not a text");
        assert_eq!(
            beijing.column_number("city_en"),
            None,
            "a text is not a number"
        );
    }

    #[test]
    fn a_cut_or_padded_blob_is_an_error_not_a_panic() {
        assert!(matches!(
            Dataset::decode(&FACTS[..FACTS.len() / 2]),
            Err(DataError::Parse(_))
        ));
        assert!(matches!(Dataset::decode(&[]), Err(DataError::Parse(_))));
        let mut padded = FACTS.to_vec();
        padded.push(0);
        assert!(matches!(Dataset::decode(&padded), Err(DataError::Parse(_))));
    }

    fn minimal(population: &str, source: &str) -> Pack {
        Pack {
            datasets: vec![DatasetInfo {
                key: "d".into(),
                name: "D".into(),
                publisher: "P".into(),
                url: String::new(),
                seeds: Vec::new(),
                description: String::new(),
            }],
            facts: vec![Fact {
                id: "a".into(),
                dataset: "d".into(),
                value: FactValue::Number(1.0),
                qualifier: None,
                values: BTreeMap::new(),
                unit: "u".into(),
                year: 2020,
                population: population.into(),
                source: source.into(),
                url: String::new(),
                seed: "none".into(),
                status: Status::Seed,
                confidence: Confidence::High,
                label_en: "A".into(),
                label_zh: "甲".into(),
                note: None,
                columns: BTreeMap::new(),
            }],
            discrepancies: Vec::new(),
            not_found: Vec::new(),
            seeds: vec![Seed {
                file: "007_abc.txt".into(),
                title: String::new(),
                title_en: "Seven".into(),
                outlet: String::new(),
                outlet_en: String::new(),
                date: String::new(),
                url: String::new(),
            }],
        }
    }

    /// Through the same encoding `build.rs` uses.
    fn round_trip(pack: &Pack) -> Result<Dataset, DataError> {
        Dataset::decode(&postcard::to_allocvec(pack).expect("encode"))
    }

    #[test]
    fn a_fact_without_source_is_rejected() {
        assert_eq!(
            round_trip(&minimal("p", "  ")).unwrap_err(),
            DataError::MissingSource("a".into())
        );
    }

    #[test]
    fn a_fact_with_source_is_accepted() {
        let data = round_trip(&minimal("p", "Report")).expect("valid");
        assert_eq!(data.number("a"), Some(1.0));
    }

    #[test]
    fn every_seed_cited_is_listed_and_numbered() {
        let data = Dataset::decode(FACTS).expect("valid pack");
        let numbers: Vec<_> = data.seeds.iter().filter_map(Seed::number).collect();
        assert_eq!(numbers, ["000", "001", "002", "003", "004"]);
        let cited = |file: &str| data.seeds.iter().any(|s| s.file == file);
        assert!(data
            .facts
            .iter()
            .all(|f| f.seed == "none" || cited(&f.seed)));
        assert!(data
            .datasets
            .iter()
            .flat_map(|d| &d.seeds)
            .all(|s| cited(s)));
    }

    #[test]
    fn a_seed_that_is_not_listed_is_rejected_for_a_fact_and_a_dataset() {
        let mut pack = minimal("p", "Report");
        pack.facts[0].seed = "007_abc.txt".into();
        assert!(round_trip(&pack).is_ok(), "a listed seed");
        pack.facts[0].seed = "008_def.txt".into();
        assert_eq!(
            round_trip(&pack).unwrap_err(),
            DataError::UnknownSeed {
                cited_by: "a".into(),
                seed: "008_def.txt".into()
            }
        );
        let mut pack = minimal("p", "Report");
        pack.datasets[0].seeds = vec!["009.txt".into()];
        assert!(matches!(
            round_trip(&pack),
            Err(DataError::UnknownSeed { cited_by, .. }) if cited_by == "d"
        ));
    }

    #[test]
    fn a_seed_file_without_its_number_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.seeds[0].file = "seven.txt".into();
        assert!(matches!(
            round_trip(&pack),
            Err(DataError::UnknownSeed { seed, .. }) if seed == "seven.txt"
        ));
    }

    #[test]
    fn a_fact_of_an_unlisted_dataset_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.facts[0].dataset = "zzz".into();
        assert!(matches!(
            round_trip(&pack),
            Err(DataError::UnknownDataset { dataset, .. }) if dataset == "zzz"
        ));
    }

    #[test]
    fn a_repeated_fact_id_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.facts.push(pack.facts[0].clone());
        assert_eq!(
            round_trip(&pack).unwrap_err(),
            DataError::DuplicateId("a".into())
        );
    }

    #[test]
    fn a_discrepancy_naming_an_unknown_fact_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.discrepancies.push(Discrepancy {
            id: "x".into(),
            facts: vec!["zzz".into()],
            severity: Severity::Low,
            description: String::new(),
        });
        assert!(matches!(
            round_trip(&pack),
            Err(DataError::UnknownFact { fact, .. }) if fact == "zzz"
        ));
    }
}
