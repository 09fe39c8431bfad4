//! Turns the human-edited TOML data pack (`data/facts.toml`, and `data/seeds.toml` for the
//! seed documents) into the compact binary form the crate embeds
//! (postcard, `OUT_DIR/facts.postcard`), so the wasm carries neither a TOML nor a JSON
//! parser, nor any field names. The types are shared with the crate
//! (`src/data/wire.rs`). Validation happens in `data::Dataset::decode`, which the
//! native tests run on the same bytes.

#[path = "build/copy.rs"]
mod copy;
#[path = "src/data/wire.rs"]
mod wire;

use serde::de::DeserializeOwned;
use std::{collections::BTreeMap, env, fs, path::Path};
use wire::{Fact, FactValue, Pack, Related};

const FACTS: &str = "data/facts.toml";
const SEEDS: &str = "data/seeds.toml";
const WIRE: &str = "src/data/wire.rs";
/// Optional keys of a fact row that hold lists (year ranges, further addresses, other
/// seeds citing the figure). The app reads none of them, so they are not embedded.
const UNUSED_LISTS: [&str; 3] = ["year_range", "urls_extra", "also_in_seeds"];

fn main() {
    copy::generate();
    println!("cargo:rerun-if-changed={FACTS}");
    println!("cargo:rerun-if-changed={SEEDS}");
    println!("cargo:rerun-if-changed={WIRE}");
    let text = fs::read_to_string(FACTS).expect("read data/facts.toml");
    let mut tables: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{FACTS}: {e}"));

    tables.remove("meta");
    let datasets = section(&mut tables, "datasets", FACTS);
    let discrepancies = section(&mut tables, "discrepancies", FACTS);
    let not_found = section(&mut tables, "not_found", FACTS);
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

    let seeds_text = fs::read_to_string(SEEDS).expect("read data/seeds.toml");
    let mut seed_tables: toml::Table =
        toml::from_str(&seeds_text).unwrap_or_else(|e| panic!("{SEEDS}: {e}"));
    let seeds = section(&mut seed_tables, "seeds", SEEDS);

    let pack = Pack {
        datasets,
        facts,
        discrepancies,
        not_found,
        seeds,
    };
    let bytes = postcard::to_allocvec(&pack).expect("encode the data pack");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("facts.postcard");
    fs::write(out, bytes).expect("write facts.postcard");
}

/// A top-level array of tables read straight into its wire type; empty when absent.
fn section<T: DeserializeOwned>(tables: &mut toml::Table, key: &str, file: &str) -> Vec<T> {
    tables.remove(key).map_or_else(Vec::new, |value| {
        value
            .try_into()
            .unwrap_or_else(|e| panic!("{file}: [[{key}]]: {e}"))
    })
}

/// One fact row: the fields every fact has, then every other key as a column.
fn fact(dataset: &str, mut row: toml::Table) -> Fact {
    let id: String = required(&mut row, "id", &format!("a [[{dataset}]] row"));
    let at = format!("fact `{id}`");
    Fact {
        id,
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
        label_en: required(&mut row, "label_en", &at),
        label_zh: required(&mut row, "label_zh", &at),
        note: optional(&mut row, "note", &at),
        columns: columns(row, &at),
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
