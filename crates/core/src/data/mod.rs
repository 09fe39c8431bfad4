//! The embedded data pack: every figure with its source, decoded once and validated.
//!
//! The human-edited files are `data/facts.toml` (the curated figures), `data/seeds.toml`,
//! the reader text of `data/reader/` and `data/glossary.toml`; `build.rs` joins and checks
//! them (`src/data/reader.rs`, [`typography`]) and encodes them with serde into a compact
//! binary form ([postcard](https://docs.rs/postcard), types in `data/wire.rs`) that is
//! compiled into the binary, so nothing is fetched or parsed as text at run time. Every text a reader sees
//! is a [`Text`], in English and Chinese; the accessors take a [`Lang`].

pub mod labels;
#[cfg(test)]
mod reader;
pub mod typography;
mod wire;

pub use typography::Glossary;
pub use wire::{
    Confidence, DatasetInfo, Discrepancy, DiscrepancyKind, FactOf, FactValue, NotFound, Pack,
    Qualifier, Related, Seed, Severity, SharedText, Status, Text,
};

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// The data pack as `build.rs` encodes it.
const FACTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/facts.postcard"));
/// The glossary as `build.rs` encodes it (linked only where [`Glossary::embedded`] is used).
const GLOSSARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/glossary.postcard"));

/// A language the data pack carries its texts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// One cited figure, decoded: its source and population texts are shared with the other
/// figures that have the same ones.
pub type Fact = FactOf<Arc<Text>>;

impl Text {
    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
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

    /// The label a reader sees, in the given language.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }

    /// The caveat a reader sees, if the figure has one.
    pub fn note(&self, lang: Lang) -> Option<&str> {
        self.note.as_ref().map(|note| note.get(lang))
    }

    /// What exactly was counted.
    pub fn population(&self, lang: Lang) -> &str {
        self.population.get(lang)
    }

    /// The report or organisation, as a reader cites it.
    pub fn source(&self, lang: Lang) -> &str {
        self.source.get(lang)
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

impl DatasetInfo {
    /// The report's name.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// Outlet and date, as a reader cites them.
    pub fn publisher(&self, lang: Lang) -> &str {
        self.publisher.get(lang)
    }

    /// What it measures and how.
    pub fn description(&self, lang: Lang) -> &str {
        self.description.get(lang)
    }

    /// A short credit for source lines: "MacroPolo (2020)".
    pub fn credit(&self, lang: Lang) -> &str {
        self.credit.get(lang)
    }
}

impl Discrepancy {
    /// One line: what disagrees.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// The account of it.
    pub fn description(&self, lang: Lang) -> &str {
        self.description.get(lang)
    }
}

impl NotFound {
    /// What is missing.
    pub fn detail(&self, lang: Lang) -> &str {
        self.detail.get(lang)
    }
}

impl Glossary {
    /// The glossary compiled into the binary (`data/glossary.toml`), for checking UI text.
    ///
    /// # Panics
    /// Never in a released build: the native test suite decodes the same bytes.
    pub fn embedded() -> &'static Glossary {
        static GLOSSARY_TERMS: LazyLock<Glossary> = LazyLock::new(|| {
            postcard::from_bytes(GLOSSARY).expect("embedded glossary is decoded by the tests")
        });
        &GLOSSARY_TERMS
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
    /// A fact's source or population points past the pack's table of texts.
    UnknownText {
        /// The fact.
        fact: String,
        /// Which text.
        which: SharedText,
        /// The index it holds.
        index: u16,
    },
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
            Self::UnknownText { fact, which, index } => {
                write!(
                    f,
                    "fact `{fact}`: {which:?} text {index} is not in the pack"
                )
            }
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
            sources,
            populations,
            for_the_app,
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
        let shared = |texts: Vec<Text>| texts.into_iter().map(Arc::new).collect::<Vec<_>>();
        let (sources, populations) = (shared(sources), shared(populations));
        let facts = facts
            .into_iter()
            .map(|fact| {
                let id = fact.id.clone();
                fact.try_map_shared(|which, index| {
                    let table = match which {
                        SharedText::Source => &sources,
                        SharedText::Population => &populations,
                    };
                    table
                        .get(usize::from(index))
                        .cloned()
                        .ok_or_else(|| DataError::UnknownText {
                            fact: id.clone(),
                            which,
                            index,
                        })
                })
            })
            .collect::<Result<Vec<Fact>, DataError>>()?;
        let blank = |text: &Text| text.en.trim().is_empty() || text.zh.trim().is_empty();
        let mut index = BTreeMap::new();
        for (position, fact) in facts.iter().enumerate() {
            if index.insert(fact.id.clone(), position).is_some() {
                return Err(DataError::DuplicateId(fact.id.clone()));
            }
            // The app's copy carries neither (`Pack::for_the_app`).
            if !for_the_app && (blank(&fact.source) || blank(&fact.population)) {
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

    /// The app's copy of the pack (`Pack::for_the_app`, what the wasm embeds) leaves out
    /// what only the baked pages show; everything the app computes from it must come out
    /// the same as from the whole pack.
    #[test]
    fn the_apps_pack_plans_tabulates_and_cites_every_chart_as_the_whole_one() {
        use crate::catalog::Chart;
        use crate::layout::width::WidthClass;
        use crate::link::cite::{citation, credit, view_datasets};
        use crate::link::url_state::{UrlState, View};
        use crate::model::projection::Param;
        use crate::series::countries::{Tier, MACROPOLO_YEARS};
        let (pack, _) = postcard::take_from_bytes::<Pack>(FACTS).expect("the embedded pack");
        let app = Dataset::from_pack(pack.for_the_app()).expect("the app's pack validates");
        let full = Dataset::embedded();
        // The what-if model reads the same inputs (charts use the model of the embedded pack).
        let inputs =
            |d: &Dataset| format!("{:?}", crate::model::projection::Inputs::from_dataset(d));
        assert_eq!(inputs(full), inputs(&app));
        let mut states = vec![UrlState::default()];
        for year in MACROPOLO_YEARS {
            states.push(UrlState {
                year,
                tier: Tier::Elite,
                sorted: true,
                ..UrlState::default()
            });
        }
        let mut whatif = UrlState::default();
        whatif.scenario.set(Param::RetentionUsChina, 0.8);
        whatif.baseline = Some(UrlState::default().scenario);
        let scenario = whatif.scenario;
        states.push(whatif);
        let mut compared = 0;
        for chart in Chart::ALL {
            for state in &states {
                for lang in [Lang::En, Lang::Zh] {
                    for class in WidthClass::ALL {
                        let plan = |d: &Dataset| format!("{:?}", chart.plan(d, state, lang, class));
                        assert_eq!(plan(full), plan(&app), "{chart:?} {lang:?} {class:?}");
                        compared += 1;
                    }
                    assert_eq!(
                        chart.table(full, state, lang),
                        chart.table(&app, state, lang)
                    );
                    assert_eq!(
                        credit(full, chart.datasets(), lang),
                        credit(&app, chart.datasets(), lang)
                    );
                }
            }
        }
        assert!(compared >= Chart::ALL.len() * 8 * 4, "{compared} plans");
        for view in View::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let cite = |d: &Dataset| {
                    citation(
                        d,
                        "t",
                        "l",
                        None,
                        Some(&scenario),
                        view_datasets(view),
                        lang,
                    )
                };
                assert_eq!(cite(full), cite(&app), "{view:?}");
            }
        }
    }
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

    fn text(en: &str, zh: &str) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    fn minimal(population: &str, source: &str) -> Pack {
        Pack {
            datasets: vec![DatasetInfo {
                key: "d".into(),
                name: text("D", "丁"),
                publisher: text("P", "丙"),
                description: text("What D counts", "丁统计什么"),
                credit: text("D (2020)", "丁（2020）"),
                url: String::new(),
                seeds: Vec::new(),
            }],
            facts: vec![FactOf {
                id: "a".into(),
                dataset: "d".into(),
                value: FactValue::Number(1.0),
                qualifier: None,
                values: BTreeMap::new(),
                unit: "u".into(),
                year: 2020,
                population: 0,
                source: 0,
                url: String::new(),
                seed: "none".into(),
                status: Status::Seed,
                confidence: Confidence::High,
                label_en: "A (curator)".into(),
                label_zh: "甲（编者）".into(),
                label: text("A", "甲"),
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
            sources: vec![text(source, "报告")],
            populations: vec![text(population, "人群")],
            for_the_app: false,
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
            kind: DiscrepancyKind::Consistent,
            title: Text::default(),
            description: Text::default(),
        });
        assert!(matches!(
            round_trip(&pack),
            Err(DataError::UnknownFact { fact, .. }) if fact == "zzz"
        ));
    }

    #[test]
    fn a_fact_reads_its_texts_in_both_languages() {
        let data = round_trip(&minimal("People counted", "Report")).expect("valid");
        let fact = data.fact("a").expect("fact");
        assert_eq!(
            (fact.label(Lang::En), fact.label(Lang::Zh)),
            ("A", "甲"),
            "the reader label, not the curator's"
        );
        assert_eq!(
            fact.label_en, "A (curator)",
            "the curator label stays readable"
        );
        assert_eq!(fact.population(Lang::En), "People counted");
        assert_eq!(fact.population(Lang::Zh), "人群");
        assert_eq!(fact.source(Lang::Zh), "报告");
        assert_eq!(fact.note(Lang::En), None);
        let dataset = data.dataset_of(fact).expect("dataset");
        assert_eq!(dataset.credit(Lang::Zh), "丁（2020）");
        assert_eq!(dataset.name(Lang::En), "D");
    }

    #[test]
    fn facts_share_one_copy_of_a_repeated_source() {
        let mut pack = minimal("p", "Report");
        let mut second = pack.facts[0].clone();
        second.id = "b".into();
        pack.facts.push(second);
        let data = round_trip(&pack).expect("valid");
        let (a, b) = (data.fact("a").unwrap(), data.fact("b").unwrap());
        assert!(Arc::ptr_eq(&a.source, &b.source));
        assert!(Arc::ptr_eq(&a.population, &b.population));
    }

    #[test]
    fn a_fact_pointing_past_the_text_tables_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.facts[0].population = 1;
        assert_eq!(
            round_trip(&pack).unwrap_err(),
            DataError::UnknownText {
                fact: "a".into(),
                which: SharedText::Population,
                index: 1
            }
        );
    }

    #[test]
    fn a_source_without_its_chinese_is_rejected() {
        let mut pack = minimal("p", "Report");
        pack.sources[0].zh = String::new();
        assert_eq!(
            round_trip(&pack).unwrap_err(),
            DataError::MissingSource("a".into())
        );
    }

    #[test]
    fn the_embedded_pack_stores_each_source_and_population_once() {
        let data = Dataset::embedded();
        let distinct = |get: fn(&Fact) -> &Arc<Text>| {
            let mut seen: Vec<&Arc<Text>> = Vec::new();
            for fact in &data.facts {
                if !seen.iter().any(|s| Arc::ptr_eq(s, get(fact))) {
                    seen.push(get(fact));
                }
            }
            seen.len()
        };
        // The curated pack has 38 distinct source strings and 174 populations; some read
        // the same for readers and are stored once, so there are at most that many texts.
        let (sources, populations) = (distinct(|f| &f.source), distinct(|f| &f.population));
        assert!((20..=38).contains(&sources), "{sources}");
        assert!((100..=174).contains(&populations), "{populations}");
        let shanghai = data.fact("sh24_top100_us_count").unwrap();
        let table_row = data.fact("sh24_t2_beijing").unwrap();
        assert!(
            Arc::ptr_eq(&shanghai.source, &table_row.source),
            "the brief's text and its Table 2 cite the same source"
        );
    }

    #[test]
    fn the_embedded_glossary_decodes_and_holds_the_decided_terms() {
        let glossary = Glossary::embedded();
        let zh = |en: &str| {
            glossary
                .terms
                .iter()
                .find(|t| t.en == en)
                .map(|t| t.zh.as_str())
        };
        assert_eq!(zh("US retention"), Some("留美率"));
        assert_eq!(zh("researcher"), Some("研究人员"));
        assert!(glossary.inconsistencies().is_empty());
    }

    /// Every reader text's problems, each with where it is, for the tests below.
    fn problems_of<'a>(texts: impl IntoIterator<Item = (String, &'a Text)>) -> Vec<String> {
        let glossary = Glossary::embedded();
        let mut found = Vec::new();
        for (at, text) in texts {
            for p in typography::english_problems(&text.en) {
                found.push(format!("{at}.en: {p}"));
            }
            for p in typography::chinese_problems(&text.zh, glossary) {
                found.push(format!("{at}.zh: {p}"));
            }
        }
        found
    }

    #[test]
    fn every_reader_text_of_the_pack_follows_the_rules() {
        let data = Dataset::embedded();
        let mut texts: Vec<(String, &Text)> = Vec::new();
        for d in &data.datasets {
            for (field, text) in [
                ("name", &d.name),
                ("publisher", &d.publisher),
                ("description", &d.description),
                ("credit", &d.credit),
            ] {
                texts.push((format!("{} {field}", d.key), text));
            }
        }
        for f in &data.facts {
            texts.push((format!("{} source", f.id), &*f.source));
            texts.push((format!("{} population", f.id), &*f.population));
        }
        for d in &data.discrepancies {
            texts.push((format!("{} title", d.id), &d.title));
            texts.push((format!("{} description", d.id), &d.description));
        }
        for n in &data.not_found {
            texts.push((format!("{} detail", n.key), &n.detail));
        }
        assert!(texts
            .iter()
            .all(|(_, t)| !t.en.is_empty() && !t.zh.is_empty()));
        let found = problems_of(texts);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn every_fact_has_reader_text_that_follows_the_rules() {
        let data = Dataset::embedded();
        let mut texts: Vec<(String, &Text)> = Vec::new();
        for f in &data.facts {
            texts.push((format!("{} label", f.id), &f.label));
            if let Some(note) = &f.note {
                texts.push((format!("{} note", f.id), note));
            }
        }
        let found = problems_of(texts);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn only_real_contradictions_are_marked_as_contradictions() {
        let data = Dataset::embedded();
        let kind = |id: &str| {
            data.discrepancies
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.kind)
        };
        let contradictions: Vec<&str> = data
            .discrepancies
            .iter()
            .filter(|d| d.kind == DiscrepancyKind::Contradiction)
            .map(|d| d.id.as_str())
            .collect();
        // The Shanghai brief's text against its own Table 1 and its own heading, and
        // MacroPolo's two editions on the same 2019 share (53% against 42% + 13 = 55%).
        assert_eq!(
            contradictions,
            [
                "d03_shanghai_ir_zero",
                "d05_us_all_subfields_heading",
                "d12_mobility_53_vs_55"
            ]
        );
        // 'Under 10,000' is a bound: 52,000 / 1.287^9 = 5,368, under it.
        assert_eq!(kind("d01_cagr_28_7"), Some(DiscrepancyKind::Bound));
        // 41 of the 60 placed is 68%, 'two thirds'; 41 of 71 is 57.7%.
        assert_eq!(
            kind("d02_us_industry_two_thirds"),
            Some(DiscrepancyKind::Denominator)
        );
        assert_eq!(kind("d30_sum_checks_ok"), Some(DiscrepancyKind::Consistent));
    }
}
