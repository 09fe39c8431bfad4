//! Turns the human-edited data pack into the compact binary form the crate embeds
//! (postcard, `OUT_DIR/facts.postcard`), so the wasm carries neither a TOML nor a JSON
//! parser, nor any field names:
//!
//! - `data/facts.toml`, the curated figures, and `data/seeds.toml`, the seed documents;
//! - `data/reader/pack.toml` and `data/reader/facts.toml`, the text readers see, in English
//!   and Chinese, joined to the figures by `src/data/reader.rs`;
//! - `data/stated.toml`, the numbers the sources state only in words, for the checks
//!   (`OUT_DIR/stated.rs`, `build/stated.rs`);
//! - `data/glossary.toml`, the Chinese terms the reader text must use (also embedded on its
//!   own, `OUT_DIR/glossary.postcard`, for tests and UI code).
//!
//! The build fails, listing every problem with the entry it belongs to, when a reader text
//! misses a language, names an unknown id, breaks the typography rules of
//! `src/data/typography.rs` or uses a rejected term, or when an entry of `facts.toml` has no
//! reader text. The types are shared with the crate (`src/data/wire.rs`); structural
//! validation happens in `data::Dataset::decode`, which the native tests run on the same
//! bytes.

#[path = "build/copy.rs"]
mod copy;
#[path = "src/data/reader.rs"]
mod reader;
#[path = "build/stated.rs"]
mod stated;
#[path = "src/data/typography.rs"]
mod typography;
#[path = "src/data/wire.rs"]
mod wire;

use reader::{CuratedDataset, CuratedDiscrepancy, CuratedNotFound, FactTexts, PackText};
use serde::de::DeserializeOwned;
use std::{collections::BTreeMap, env, fs, path::Path};
use typography::Glossary;
use wire::{FactOf, FactValue, Related, Text};

const FACTS: &str = "data/facts.toml";
const SEEDS: &str = "data/seeds.toml";
const GLOSSARY: &str = "data/glossary.toml";
const SOURCES: [&str; 3] = [
    "src/data/wire.rs",
    "src/data/reader.rs",
    "src/data/typography.rs",
];
/// Optional keys of a fact row that hold lists (year ranges, further addresses, other
/// seeds citing the figure). The app reads none of them, so they are not embedded.
const UNUSED_LISTS: [&str; 3] = ["year_range", "urls_extra", "also_in_seeds"];

fn main() {
    for file in [
        FACTS,
        SEEDS,
        GLOSSARY,
        reader::PACK_FILE,
        reader::FACTS_FILE,
    ]
    .into_iter()
    .chain(SOURCES)
    {
        println!("cargo:rerun-if-changed={file}");
    }

    let mut tables: toml::Table = parse(FACTS);
    tables.remove("meta");
    let datasets: Vec<CuratedDataset> = section(&mut tables, "datasets", FACTS);
    let discrepancies: Vec<CuratedDiscrepancy> = section(&mut tables, "discrepancies", FACTS);
    let not_found: Vec<CuratedNotFound> = section(&mut tables, "not_found", FACTS);
    // Every other top-level table is a fact table named after its dataset key.
    let mut facts = Vec::new();
    for (table, rows) in tables {
        let toml::Value::Array(rows) = rows else {
            panic!("{FACTS}: [{table}] must be an array of tables");
        };
        for row in rows {
            let toml::Value::Table(row) = row else {
                panic!("{FACTS}: [[{table}]] rows must be tables");
            };
            facts.push(fact(&table, row));
        }
    }
    // The numbers stated only in words, tied to the facts that state them.
    stated::generate(&facts.iter().map(|f| f.id.as_str()).collect());
    let mut seed_tables: toml::Table = parse(SEEDS);
    let seeds = section(&mut seed_tables, "seeds", SEEDS);

    let glossary: Glossary = parse(GLOSSARY);
    let inconsistencies = glossary.inconsistencies();
    assert!(
        inconsistencies.is_empty(),
        "{GLOSSARY}:\n{}",
        inconsistencies.join("\n")
    );
    // The app's own texts follow the same rules as the pack's.
    copy::generate(&glossary);
    let pack_text: PackText = parse(reader::PACK_FILE);
    let fact_texts: FactTexts = parse(reader::FACTS_FILE);
    let curated = reader::Curated {
        datasets,
        facts,
        discrepancies,
        not_found,
        seeds,
    };
    let pack = reader::attach(curated, pack_text, fact_texts, &glossary, false).unwrap_or_else(
        |problems| {
            panic!(
                "{} problems in the reader text:\n{}",
                problems.len(),
                problems.join("\n")
            )
        },
    );
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    // The wasm draws charts and their tooltips; the prose around them (notes, populations,
    // descriptions, discrepancies, what was not found, the curators' labels) is in the
    // baked pages, so the wasm's copy of the pack leaves it out (about 130 KB raw).
    let pack = if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        slim(pack)
    } else {
        pack
    };
    let bytes = postcard::to_allocvec(&pack).expect("encode the data pack");
    fs::write(out.join("facts.postcard"), bytes).expect("write facts.postcard");
    let bytes = postcard::to_allocvec(&glossary).expect("encode the glossary");
    fs::write(out.join("glossary.postcard"), bytes).expect("write glossary.postcard");
}

/// The pack without the prose only the baked pages show.
fn slim(mut pack: wire::Pack) -> wire::Pack {
    let blank = wire::Text::default();
    for fact in &mut pack.facts {
        fact.label_en.clear();
        fact.label_zh.clear();
        fact.note = None;
    }
    for text in &mut pack.populations {
        *text = blank.clone();
    }
    for d in &mut pack.datasets {
        d.description = blank.clone();
    }
    for d in &mut pack.discrepancies {
        d.title = blank.clone();
        d.description = blank.clone();
    }
    for n in &mut pack.not_found {
        n.detail = blank.clone();
    }
    pack
}

/// A whole file read into its type, or a panic naming the file.
fn parse<T: DeserializeOwned>(file: &str) -> T {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("read {file}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// A top-level array of tables read straight into its wire type; empty when absent.
fn section<T: DeserializeOwned>(tables: &mut toml::Table, key: &str, file: &str) -> Vec<T> {
    tables.remove(key).map_or_else(Vec::new, |value| {
        value
            .try_into()
            .unwrap_or_else(|e| panic!("{file}: [[{key}]]: {e}"))
    })
}

/// One fact row: the fields every fact has, then every other key as a column. Its source
/// and population stay the curator's strings, and its label and note the curator's texts,
/// until `reader::attach` joins the reader text.
fn fact(dataset: &str, mut row: toml::Table) -> FactOf<String> {
    let id: String = required(&mut row, "id", &format!("a [[{dataset}]] row"));
    let at = format!("fact `{id}`");
    let label_en: String = required(&mut row, "label_en", &at);
    let label_zh: String = required(&mut row, "label_zh", &at);
    let note: Option<String> = optional(&mut row, "note", &at);
    FactOf {
        dataset: dataset.to_owned(),
        value: fact_value(required(&mut row, "value", &at), &at),
        qualifier: optional(&mut row, "qualifier", &at),
        values: optional::<toml::Table>(&mut row, "values", &at)
            .unwrap_or_default()
            .into_iter()
            .map(|(key, value)| {
                let related = related(&value).unwrap_or_else(|| {
                    panic!("{FACTS}: {at}: values.{key} must be a number or a text")
                });
                (key, related)
            })
            .collect(),
        unit: required(&mut row, "unit", &at),
        year: required(&mut row, "year", &at),
        population: required(&mut row, "population", &at),
        source: required(&mut row, "source", &at),
        url: optional(&mut row, "url", &at).unwrap_or_default(),
        seed: required(&mut row, "seed", &at),
        status: required(&mut row, "status", &at),
        confidence: required(&mut row, "confidence", &at),
        label: Text {
            en: label_en.clone(),
            zh: label_zh.clone(),
        },
        label_en,
        label_zh,
        note: note.map(|note| Text {
            en: note.clone(),
            zh: note,
        }),
        columns: columns(row, &at),
        id,
    }
}

/// The keys of a row that are not fact fields: Table 1 and Table 2 columns.
fn columns(rest: toml::Table, at: &str) -> BTreeMap<String, Related> {
    let mut columns = BTreeMap::new();
    for (key, value) in rest {
        match related(&value) {
            Some(related) => {
                columns.insert(key, related);
            }
            None if UNUSED_LISTS.contains(&key.as_str()) && value.is_array() => {}
            None => {
                panic!("{FACTS}: {at}: `{key}` is neither a fact field nor a number or text column")
            }
        }
    }
    columns
}

fn required<T: DeserializeOwned>(row: &mut toml::Table, key: &str, at: &str) -> T {
    optional(row, key, at).unwrap_or_else(|| panic!("{FACTS}: {at} has no `{key}`"))
}

fn optional<T: DeserializeOwned>(row: &mut toml::Table, key: &str, at: &str) -> Option<T> {
    row.remove(key).map(|value| {
        value
            .try_into()
            .unwrap_or_else(|e| panic!("{FACTS}: {at}: `{key}`: {e}"))
    })
}

fn number(value: &toml::Value) -> Option<f64> {
    match value {
        #[allow(clippy::cast_precision_loss)] // counts in the pack are far below 2^53
        toml::Value::Integer(n) => Some(*n as f64),
        toml::Value::Float(x) => Some(*x),
        _ => None,
    }
}

fn related(value: &toml::Value) -> Option<Related> {
    match value {
        toml::Value::String(text) => Some(Related::Text(text.clone())),
        other => number(other).map(Related::Number),
    }
}

fn fact_value(value: toml::Value, at: &str) -> FactValue {
    if let Some(n) = number(&value) {
        return FactValue::Number(n);
    }
    match value {
        toml::Value::String(text) => FactValue::Text(text),
        toml::Value::Array(items) => FactValue::List(
            items
                .into_iter()
                .map(|item| match item {
                    toml::Value::String(text) => text,
                    other => panic!("{FACTS}: {at}: list values must be texts, not {other}"),
                })
                .collect(),
        ),
        other => panic!("{FACTS}: {at}: `value` must be a number, a text or a list, not {other}"),
    }
}
