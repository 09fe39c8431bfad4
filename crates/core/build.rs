//! Turns the human-edited TOML data pack into compact JSON at build time, so the wasm
//! carries a small JSON parser instead of a TOML one. Validation happens in
//! `dataset::Dataset::parse`, which the native tests run on the same bytes.

use std::{env, fs, path::Path};

const FACTS: &str = "data/facts.toml";
/// Top-level tables of the data pack that are not fact tables.
const NON_FACT_TABLES: [&str; 4] = ["meta", "datasets", "discrepancies", "not_found"];

fn main() {
    println!("cargo:rerun-if-changed={FACTS}");
    let text = fs::read_to_string(FACTS).expect("read data/facts.toml");
    let pack: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{FACTS}: {e}"));

    let mut facts = Vec::new();
    for (table, rows) in &pack {
        if NON_FACT_TABLES.contains(&table.as_str()) {
            continue;
        }
        let rows = rows
            .as_array()
            .unwrap_or_else(|| panic!("{FACTS}: [{table}] must be an array of tables"));
        for row in rows {
            let mut row = row.clone();
            if let Some(fields) = row.as_table_mut() {
                fields.insert("dataset".into(), toml::Value::String(table.clone()));
            }
            facts.push(row);
        }
    }
    let take = |key: &str| {
        pack.get(key)
            .cloned()
            .unwrap_or(toml::Value::Array(Vec::new()))
    };
    let json = serde_json::json!({
        "datasets": take("datasets"),
        "facts": facts,
        "discrepancies": take("discrepancies"),
        "not_found": take("not_found"),
    });
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("facts.json");
    fs::write(out, json.to_string()).expect("write facts.json");
}
