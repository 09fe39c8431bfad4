//! Reader text: `data/reader/pack.toml` and `data/reader/facts.toml` joined to the curated
//! data pack (`data/facts.toml`), entry by entry.
//!
//! `facts.toml` is written for curators: its labels and notes name seed files and ids, and
//! its names, sources and populations are English only. Readers get the texts of the two
//! reader files instead, in English and Chinese. [`attach`] joins them and reports every
//! problem, each naming its entry: a reader text missing a language, an entry naming an id
//! `facts.toml` does not have, an entry of `facts.toml` without reader text, and a text that
//! breaks the rules of [`super::typography`] or uses a term the glossary rejects.
//! `build.rs` includes this file (`#[path]`) and fails the build on any problem; the crate
//! compiles it for its tests.

use super::typography::{chinese_problems, english_problems, Glossary};
use super::wire::{
    DatasetInfo, Discrepancy, DiscrepancyKind, FactOf, NotFound, Pack, Seed, Severity, SharedText,
    Text,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::convert::Infallible;

/// The reader file for everything but the facts' labels and notes.
pub const PACK_FILE: &str = "data/reader/pack.toml";
/// The reader file for the facts' labels and notes.
pub const FACTS_FILE: &str = "data/reader/facts.toml";

/// A reader text as a reader file writes it, `{ en = "...", zh = "..." }`. A missing
/// language is reported by [`attach`], naming the entry, rather than failing the parse.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextIn {
    /// English.
    #[serde(default)]
    pub en: String,
    /// Simplified Chinese.
    #[serde(default)]
    pub zh: String,
}

/// `data/reader/pack.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackText {
    /// By dataset key.
    #[serde(default)]
    pub datasets: BTreeMap<String, DatasetText>,
    /// One per distinct `source` string of the facts.
    #[serde(default)]
    pub sources: Vec<Rewording>,
    /// One per distinct `population` string of the facts.
    #[serde(default)]
    pub populations: Vec<Rewording>,
    /// By discrepancy id.
    #[serde(default)]
    pub discrepancies: BTreeMap<String, DiscrepancyText>,
    /// By not-found key.
    #[serde(default)]
    pub not_found: BTreeMap<String, NotFoundText>,
}

/// The reader text of a dataset.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetText {
    /// The report's name.
    pub name: Option<TextIn>,
    /// Outlet and date.
    pub publisher: Option<TextIn>,
    /// One or two sentences for Sources & method.
    pub description: Option<TextIn>,
    /// A short credit for source lines.
    pub credit: Option<TextIn>,
}

/// A curator string of `facts.toml` (a `source` or a `population`) and what readers see.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rewording {
    /// The exact string of `facts.toml`.
    pub original: String,
    /// English.
    #[serde(default)]
    pub en: String,
    /// Simplified Chinese.
    #[serde(default)]
    pub zh: String,
}

/// The reader text of a discrepancy.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscrepancyText {
    /// One line: what disagrees.
    pub title: Option<TextIn>,
    /// The fair account.
    pub description: Option<TextIn>,
    /// What kind of finding it is.
    pub kind: Option<DiscrepancyKind>,
}

/// The reader text of a not-found record.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotFoundText {
    /// What is missing.
    pub detail: Option<TextIn>,
}

/// `data/reader/facts.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactTexts {
    /// By fact id.
    #[serde(default)]
    pub facts: BTreeMap<String, FactText>,
}

/// The reader text of a fact.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactText {
    /// The label.
    pub label: Option<TextIn>,
    /// The caveat: exactly for the facts whose curator entry has a note.
    pub note: Option<TextIn>,
}

/// A `[[datasets]]` entry of `facts.toml`, without its curator texts.
#[derive(Debug, Deserialize)]
pub struct CuratedDataset {
    /// Key.
    pub key: String,
    /// Main address.
    #[serde(default)]
    pub url: String,
    /// Seed files that cite it.
    #[serde(default)]
    pub seeds: Vec<String>,
}

/// A `[[discrepancies]]` entry of `facts.toml`, without its curator description.
#[derive(Debug, Deserialize)]
pub struct CuratedDiscrepancy {
    /// Id.
    pub id: String,
    /// The facts involved.
    pub facts: Vec<String>,
    /// How serious.
    pub severity: Severity,
}

/// A `[[not_found]]` entry of `facts.toml`, without its curator detail.
#[derive(Debug, Deserialize)]
pub struct CuratedNotFound {
    /// Key.
    pub key: String,
}

/// What `facts.toml` and `seeds.toml` hold, before reader text is attached. Each fact's
/// `source` and `population` are the curator strings; its `label` and `note` hold the
/// curator's texts (the note in both languages), which stand in for reader text only
/// while an empty `reader/facts.toml` is allowed.
#[derive(Debug, Default)]
pub struct Curated {
    /// Reports.
    pub datasets: Vec<CuratedDataset>,
    /// Figures, in file order.
    pub facts: Vec<FactOf<String>>,
    /// Findings.
    pub discrepancies: Vec<CuratedDiscrepancy>,
    /// Figures not found.
    pub not_found: Vec<CuratedNotFound>,
    /// Seed documents.
    pub seeds: Vec<Seed>,
}

/// The data pack with its reader text, or every problem found, each naming its entry.
///
/// With `allow_empty_reader_facts`, a `reader/facts.toml` without any entry is accepted
/// and the facts keep the curator's labels and notes; a file with entries must have one
/// for every fact.
///
/// # Errors
/// The list of problems, in file order.
pub fn attach(
    curated: Curated,
    pack: PackText,
    facts: FactTexts,
    glossary: &Glossary,
    allow_empty_reader_facts: bool,
) -> Result<Pack, Vec<String>> {
    let mut check = Check {
        glossary,
        problems: Vec::new(),
    };
    let datasets = datasets(&mut check, curated.datasets, pack.datasets);
    let mut sources = Table::new(&mut check, "sources", pack.sources);
    let mut populations = Table::new(&mut check, "populations", pack.populations);
    let facts = fact_texts(
        &mut check,
        curated.facts,
        facts,
        allow_empty_reader_facts,
        &mut sources,
        &mut populations,
    );
    sources.report_unused(&mut check);
    populations.report_unused(&mut check);
    let discrepancies = discrepancies(&mut check, curated.discrepancies, pack.discrepancies);
    let not_found = not_found(&mut check, curated.not_found, pack.not_found);
    if !check.problems.is_empty() {
        return Err(check.problems);
    }
    Ok(Pack {
        datasets,
        facts,
        discrepancies,
        not_found,
        seeds: curated.seeds,
        sources: sources.texts,
        populations: populations.texts,
        for_the_app: false,
    })
}

/// Problems found so far, and the glossary texts are checked against.
struct Check<'g> {
    glossary: &'g Glossary,
    problems: Vec<String>,
}

impl Check<'_> {
    fn problem(&mut self, file: &str, message: String) {
        self.problems.push(format!("{file}: {message}"));
    }

    /// The reader entry of a record of `facts.toml`, reported when missing.
    fn entry<T>(&mut self, file: &str, at: &str, entry: Option<T>) -> Option<T> {
        if entry.is_none() {
            self.problem(file, format!("{at} is missing"));
        }
        entry
    }

    /// One field of an entry: `None` when the entry itself is missing (reported once by
    /// [`Check::entry`]), `Some(None)` when the entry lacks the field.
    fn field(&mut self, file: &str, at: &str, name: &str, value: Option<Option<TextIn>>) -> Text {
        match value {
            None => Text::default(),
            Some(value) => self.text(file, &format!("{at} {name}"), value),
        }
    }

    /// A reader text, with a problem for each missing language and each broken rule.
    fn text(&mut self, file: &str, at: &str, text: Option<TextIn>) -> Text {
        let Some(TextIn { en, zh }) = text else {
            self.problem(file, format!("{at} is missing"));
            return Text::default();
        };
        for (lang, value) in [("en", &en), ("zh", &zh)] {
            if value.trim().is_empty() {
                self.problem(file, format!("{at} has no `{lang}`"));
            }
        }
        for problem in english_problems(&en) {
            self.problem(file, format!("{at}.en: {problem}"));
        }
        if !zh.trim().is_empty() {
            for problem in chinese_problems(&zh, self.glossary) {
                self.problem(file, format!("{at}.zh: {problem}"));
            }
        }
        Text { en, zh }
    }
}

fn datasets(
    check: &mut Check<'_>,
    curated: Vec<CuratedDataset>,
    mut texts: BTreeMap<String, DatasetText>,
) -> Vec<DatasetInfo> {
    let file = PACK_FILE;
    let datasets = curated
        .into_iter()
        .map(|dataset| {
            let at = format!("[datasets.{}]", dataset.key);
            let (name, publisher, description, credit) =
                match check.entry(file, &at, texts.remove(&dataset.key)) {
                    Some(t) => (
                        Some(t.name),
                        Some(t.publisher),
                        Some(t.description),
                        Some(t.credit),
                    ),
                    None => (None, None, None, None),
                };
            let mut field = |name: &str, value| check.field(file, &at, name, value);
            DatasetInfo {
                name: field("name", name),
                publisher: field("publisher", publisher),
                description: field("description", description),
                credit: field("credit", credit),
                key: dataset.key,
                url: dataset.url,
                seeds: dataset.seeds,
            }
        })
        .collect();
    for key in texts.keys() {
        check.problem(
            file,
            format!("[datasets.{key}] names no dataset of facts.toml"),
        );
    }
    datasets
}

/// The reader texts of one kind of shared curator string (sources or populations), each
/// distinct text stored once.
struct Table {
    kind: &'static str,
    /// Curator string -> (index into `texts`, used by a fact).
    index: BTreeMap<String, (u16, bool)>,
    texts: Vec<Text>,
    /// Curator strings without a reader entry, reported once each.
    missing: Vec<String>,
}

impl Table {
    fn new(check: &mut Check<'_>, kind: &'static str, entries: Vec<Rewording>) -> Self {
        let mut table = Table {
            kind,
            index: BTreeMap::new(),
            texts: Vec::new(),
            missing: Vec::new(),
        };
        for entry in entries {
            let at = format!("[[{kind}]] «{}»", entry.original);
            let text = check.text(
                PACK_FILE,
                &at,
                Some(TextIn {
                    en: entry.en,
                    zh: entry.zh,
                }),
            );
            if table.index.contains_key(&entry.original) {
                check.problem(PACK_FILE, format!("{at} is listed twice"));
                continue;
            }
            let position = match table.texts.iter().position(|t| *t == text) {
                Some(position) => position,
                None => {
                    table.texts.push(text);
                    table.texts.len() - 1
                }
            };
            let position = u16::try_from(position).expect("fewer than 65,536 distinct texts");
            table.index.insert(entry.original, (position, false));
        }
        table
    }

    /// The index of a fact's curator string, or 0 after reporting it missing (the pack is
    /// not built when anything is reported).
    fn resolve(&mut self, check: &mut Check<'_>, fact: &str, original: &str) -> u16 {
        if let Some((position, used)) = self.index.get_mut(original) {
            *used = true;
            return *position;
        }
        if !self.missing.iter().any(|m| m == original) {
            self.missing.push(original.to_owned());
            check.problem(
                PACK_FILE,
                format!(
                    "[[{}]] has no entry for «{original}» (of fact `{fact}` and maybe others)",
                    self.kind
                ),
            );
        }
        0
    }

    fn report_unused(&self, check: &mut Check<'_>) {
        for (original, _) in self.index.iter().filter(|(_, (_, used))| !used) {
            check.problem(
                PACK_FILE,
                format!(
                    "[[{}]] «{original}» is not the {} of any fact",
                    self.kind,
                    self.kind.trim_end_matches('s')
                ),
            );
        }
    }
}

fn fact_texts(
    check: &mut Check<'_>,
    curated: Vec<FactOf<String>>,
    texts: FactTexts,
    allow_empty_reader_facts: bool,
    sources: &mut Table,
    populations: &mut Table,
) -> Vec<FactOf<u16>> {
    let file = FACTS_FILE;
    let fallback = texts.facts.is_empty() && allow_empty_reader_facts;
    let mut texts = texts.facts;
    let facts = curated
        .into_iter()
        .map(|mut fact| {
            let at = format!("[facts.{}]", fact.id);
            match texts.remove(&fact.id) {
                Some(text) => {
                    fact.label = check.text(file, &format!("{at} label"), text.label);
                    fact.note = match (fact.note.is_some(), text.note) {
                        (true, note @ Some(_)) => {
                            Some(check.text(file, &format!("{at} note"), note))
                        }
                        (true, None) => {
                            check.problem(file, format!("{at} has no note; facts.toml has one"));
                            None
                        }
                        (false, Some(_)) => {
                            check.problem(
                                file,
                                format!("{at} has a note; facts.toml has none for this fact"),
                            );
                            None
                        }
                        (false, None) => None,
                    };
                }
                None if fallback => {}
                None => check.problem(file, format!("{at} is missing")),
            }
            let id = fact.id.clone();
            let mapped: Result<_, Infallible> = fact.try_map_shared(|which, original| {
                Ok(match which {
                    SharedText::Source => sources.resolve(check, &id, &original),
                    SharedText::Population => populations.resolve(check, &id, &original),
                })
            });
            let Ok(fact) = mapped;
            fact
        })
        .collect();
    for id in texts.keys() {
        check.problem(file, format!("[facts.{id}] names no fact of facts.toml"));
    }
    facts
}

fn discrepancies(
    check: &mut Check<'_>,
    curated: Vec<CuratedDiscrepancy>,
    mut texts: BTreeMap<String, DiscrepancyText>,
) -> Vec<Discrepancy> {
    let file = PACK_FILE;
    let records = curated
        .into_iter()
        .map(|record| {
            let at = format!("[discrepancies.{}]", record.id);
            let text = check.entry(file, &at, texts.remove(&record.id));
            let kind = match text.as_ref().map(|t| t.kind) {
                Some(Some(kind)) => kind,
                Some(None) => {
                    check.problem(file, format!("{at} has no kind"));
                    DiscrepancyKind::Unverified
                }
                None => DiscrepancyKind::Unverified,
            };
            let (title, description) =
                text.map_or((None, None), |t| (Some(t.title), Some(t.description)));
            Discrepancy {
                title: check.field(file, &at, "title", title),
                description: check.field(file, &at, "description", description),
                kind,
                id: record.id,
                facts: record.facts,
                severity: record.severity,
            }
        })
        .collect();
    for id in texts.keys() {
        check.problem(
            file,
            format!("[discrepancies.{id}] names no discrepancy of facts.toml"),
        );
    }
    records
}

fn not_found(
    check: &mut Check<'_>,
    curated: Vec<CuratedNotFound>,
    mut texts: BTreeMap<String, NotFoundText>,
) -> Vec<NotFound> {
    let file = PACK_FILE;
    let records = curated
        .into_iter()
        .map(|record| {
            let at = format!("[not_found.{}]", record.key);
            let text = check.entry(file, &at, texts.remove(&record.key));
            NotFound {
                detail: check.field(file, &at, "detail", text.map(|t| t.detail)),
                key: record.key,
            }
        })
        .collect();
    for key in texts.keys() {
        check.problem(
            file,
            format!("[not_found.{key}] names no not-found record of facts.toml"),
        );
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::typography::Term;
    use crate::data::{Confidence, FactValue, Status};

    fn fact(id: &str, note: Option<&str>) -> FactOf<String> {
        FactOf {
            id: id.into(),
            dataset: "d".into(),
            value: FactValue::Number(1.0),
            qualifier: None,
            values: BTreeMap::new(),
            unit: "u".into(),
            year: 2020,
            population: "Pop (curator)".into(),
            source: "Src (curator)".into(),
            url: String::new(),
            seed: "none".into(),
            status: Status::Seed,
            confidence: Confidence::High,
            label_en: format!("{id} (curator, seed 000)"),
            label_zh: format!("{id}（编者）"),
            label: Text {
                en: format!("{id} (curator, seed 000)"),
                zh: format!("{id}（编者）"),
            },
            note: note.map(|n| Text {
                en: n.into(),
                zh: n.into(),
            }),
            columns: BTreeMap::new(),
        }
    }

    /// Two facts sharing a source and a population; the second has a curator note.
    fn curated() -> Curated {
        Curated {
            datasets: vec![CuratedDataset {
                key: "d".into(),
                url: String::new(),
                seeds: Vec::new(),
            }],
            facts: vec![fact("a", None), fact("b", Some("see d13"))],
            discrepancies: vec![CuratedDiscrepancy {
                id: "x1".into(),
                facts: vec!["a".into()],
                severity: Severity::Low,
            }],
            not_found: vec![CuratedNotFound { key: "n1".into() }],
            seeds: Vec::new(),
        }
    }

    const PACK: &str = r#"
[datasets.d]
name = { en = "The report", zh = "报告" }
publisher = { en = "Its outlet, April 2024", zh = "出版方，2024年4月" }
description = { en = "What it counts.", zh = "它统计什么。" }
credit = { en = "Report (2024)", zh = "报告（2024）" }

[[sources]]
original = "Src (curator)"
en = "The report, 12 April 2024"
zh = "报告，2024年4月12日"

[[populations]]
original = "Pop (curator)"
en = "Researchers counted"
zh = "统计的研究人员"

[discrepancies.x1]
kind = "rounding"
title = { en = "About 20% for 21.6%", zh = "21.6%写作“约20%”" }
description = { en = "A rounding.", zh = "只是取整。" }

[not_found.n1]
detail = { en = "Not found.", zh = "未找到。" }
"#;

    const FACTS: &str = r#"
[facts.a]
label = { en = "Share of A", zh = "甲的占比" }

[facts.b]
label = { en = "Share of B", zh = "乙的占比" }
note = { en = "A caveat.", zh = "一条说明。" }
"#;

    fn glossary() -> Glossary {
        Glossary {
            terms: vec![Term {
                en: "researcher".into(),
                zh: "研究人员".into(),
                short: None,
                reject: vec!["研究者".into()],
                allow: Vec::new(),
                why: "one word".into(),
            }],
        }
    }

    fn run(pack: &str, facts: &str, allow_empty: bool) -> Result<Pack, Vec<String>> {
        let pack: PackText = toml::from_str(pack).expect("pack parses");
        let facts: FactTexts = toml::from_str(facts).expect("facts parse");
        attach(curated(), pack, facts, &glossary(), allow_empty)
    }

    fn problems(pack: &str, facts: &str) -> Vec<String> {
        run(pack, facts, false).expect_err("problems")
    }

    #[test]
    fn complete_reader_text_is_attached_and_shared_texts_are_stored_once() {
        let pack = run(PACK, FACTS, false).expect("complete");
        assert_eq!(pack.sources.len(), 1);
        assert_eq!(pack.populations.len(), 1);
        assert_eq!((pack.facts[0].source, pack.facts[1].source), (0, 0));
        assert_eq!(pack.sources[0].zh, "报告，2024年4月12日");
        assert_eq!(pack.facts[0].label.zh, "甲的占比");
        assert_eq!(
            pack.facts[0].label_en, "a (curator, seed 000)",
            "kept for now"
        );
        assert_eq!(pack.facts[0].note, None);
        assert_eq!(
            pack.facts[1].note.as_ref().map(|n| n.en.as_str()),
            Some("A caveat.")
        );
        assert_eq!(pack.discrepancies[0].kind, DiscrepancyKind::Rounding);
        assert_eq!(pack.datasets[0].credit.en, "Report (2024)");
        assert_eq!(pack.not_found[0].detail.zh, "未找到。");
    }

    #[test]
    fn two_curator_strings_that_read_the_same_share_one_text() {
        let mut curated = curated();
        curated.facts[1].source = "Src (curator, other wording)".into();
        let extra = PACK.replace(
            "[[populations]]",
            "[[sources]]\noriginal = \"Src (curator, other wording)\"\nen = \"The report, 12 April 2024\"\nzh = \"报告，2024年4月12日\"\n\n[[populations]]",
        );
        let pack = attach(
            curated,
            toml::from_str(&extra).unwrap(),
            toml::from_str(FACTS).unwrap(),
            &glossary(),
            false,
        )
        .expect("complete");
        assert_eq!(pack.sources.len(), 1, "one text for two originals");
        assert_eq!((pack.facts[0].source, pack.facts[1].source), (0, 0));
    }

    #[test]
    fn a_missing_language_names_the_entry_and_the_field() {
        let pack = PACK.replace(
            r#"credit = { en = "Report (2024)", zh = "报告（2024）" }"#,
            r#"credit = { en = "Report (2024)" }"#,
        );
        assert_eq!(
            problems(&pack, FACTS),
            ["data/reader/pack.toml: [datasets.d] credit has no `zh`"]
        );
        let pack = PACK.replace("zh = \"统计的研究人员\"\n", "");
        assert_eq!(
            problems(&pack, FACTS),
            ["data/reader/pack.toml: [[populations]] «Pop (curator)» has no `zh`"]
        );
    }

    #[test]
    fn a_missing_entry_is_reported_once_and_a_missing_field_by_name() {
        let pack = PACK.replace(
            "[not_found.n1]\ndetail = { en = \"Not found.\", zh = \"未找到。\" }\n",
            "",
        );
        assert_eq!(
            problems(&pack, FACTS),
            ["data/reader/pack.toml: [not_found.n1] is missing"]
        );
        let pack = PACK.replace("kind = \"rounding\"\n", "");
        assert_eq!(
            problems(&pack, FACTS),
            ["data/reader/pack.toml: [discrepancies.x1] has no kind"]
        );
    }

    #[test]
    fn entries_naming_unknown_ids_are_reported() {
        let pack = format!(
            "{PACK}\n[datasets.zz]\n[discrepancies.zz]\n[not_found.zz]\n\n[[sources]]\noriginal = \"Nobody's\"\nen = \"Nobody\"\nzh = \"无人\"\n"
        );
        let facts = format!("{FACTS}\n[facts.zz]\nlabel = {{ en = \"Z\", zh = \"丙\" }}\n");
        let found = problems(&pack, &facts);
        for expected in [
            "[datasets.zz] names no dataset of facts.toml",
            "[discrepancies.zz] names no discrepancy of facts.toml",
            "[not_found.zz] names no not-found record of facts.toml",
            "[[sources]] «Nobody's» is not the source of any fact",
            "data/reader/facts.toml: [facts.zz] names no fact of facts.toml",
        ] {
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{expected}: {found:?}"
            );
        }
        assert_eq!(found.len(), 5, "{found:?}");
    }

    #[test]
    fn a_curator_string_without_reader_text_is_reported_once() {
        let pack = PACK.replace(
            "[[populations]]\noriginal = \"Pop (curator)\"\nen = \"Researchers counted\"\nzh = \"统计的研究人员\"\n",
            "",
        );
        assert_eq!(
            problems(&pack, FACTS),
            ["data/reader/pack.toml: [[populations]] has no entry for «Pop (curator)» (of fact `a` and maybe others)"]
        );
        let twice = PACK.replace("[[populations]]", "[[sources]]\noriginal = \"Src (curator)\"\nen = \"Again\"\nzh = \"再次\"\n\n[[populations]]");
        assert_eq!(
            problems(&twice, FACTS),
            ["data/reader/pack.toml: [[sources]] «Src (curator)» is listed twice"]
        );
    }

    #[test]
    fn every_fact_needs_its_label_and_exactly_its_notes() {
        let only_a = "[facts.a]\nlabel = { en = \"A\", zh = \"甲\" }\n";
        assert_eq!(
            run(PACK, only_a, true).expect_err("b is missing"),
            ["data/reader/facts.toml: [facts.b] is missing"],
            "a file with entries must have them all, whatever the switch"
        );
        let note_on_a = FACTS.replace(
            "label = { en = \"Share of A\", zh = \"甲的占比\" }",
            "label = { en = \"Share of A\", zh = \"甲的占比\" }\nnote = { en = \"Extra.\", zh = \"多余。\" }",
        );
        assert_eq!(
            problems(PACK, &note_on_a),
            ["data/reader/facts.toml: [facts.a] has a note; facts.toml has none for this fact"]
        );
        let no_note_on_b =
            FACTS.replace("note = { en = \"A caveat.\", zh = \"一条说明。\" }\n", "");
        assert_eq!(
            problems(PACK, &no_note_on_b),
            ["data/reader/facts.toml: [facts.b] has no note; facts.toml has one"]
        );
    }

    #[test]
    fn an_empty_fact_file_is_accepted_only_behind_the_temporary_switch() {
        let pack = run(PACK, "", true).expect("allowed while the file is empty");
        assert_eq!(
            pack.facts[0].label.en, "a (curator, seed 000)",
            "the curator's label stands in"
        );
        assert_eq!(
            pack.facts[1].note.as_ref().map(|n| n.zh.as_str()),
            Some("see d13")
        );
        assert_eq!(
            problems(PACK, ""),
            [
                "data/reader/facts.toml: [facts.a] is missing",
                "data/reader/facts.toml: [facts.b] is missing"
            ]
        );
    }

    #[test]
    fn texts_breaking_the_rules_are_reported_with_their_entry() {
        let pack = PACK
            .replace("zh = \"统计的研究人员\"", "zh = \"统计的研究者 (2024 年)\"")
            .replace(
                "en = \"Researchers counted\"",
                "en = \"Researchers counted (seed 000)\"",
            );
        let found = problems(&pack, FACTS);
        let at = "data/reader/pack.toml: [[populations]] «Pop (curator)»";
        for expected in [
            ".en: internal identifier",
            ".zh: rejected term «研究者»: use 研究人员",
            ".zh: half-width punctuation",
            ".zh: space next to Chinese",
        ] {
            let expected = format!("{at}{expected}");
            assert!(
                found.iter().any(|p| p.starts_with(&expected)),
                "{expected}: {found:?}"
            );
        }
        // One identifier, the rejected term, two half-width parentheses and two spaces.
        assert_eq!(found.len(), 6, "{found:?}");
    }
}
