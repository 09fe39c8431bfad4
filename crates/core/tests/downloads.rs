//! The downloads as a spreadsheet sees them: every CSV parses with a standard reader (the
//! `csv` crate) into rows of the header's width, its numeric columns hold numbers, and no
//! cell is a formula, for every chart, the data pack's tables and hostile random texts.

use talent_core::catalog::Chart;
use talent_core::link::export::{csv, decimal, neutralised, Cell, Sheet, BOM};
use talent_core::link::tidy::{
    self, CHART_COLUMNS, NUMERIC_CHART_COLUMNS, NUMERIC_FACT_COLUMNS, UNITS,
};
use talent_core::model::random::SplitMix64;
use talent_core::{Dataset, Lang};

/// What makes a spreadsheet evaluate a cell, the full-width forms included.
const FORMULA_START: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// A cell a spreadsheet would run: one that starts (after spaces) with a formula
/// character, unless it is a plain negative number.
fn is_formula(cell: &str) -> bool {
    let Some(first) = cell.trim_start_matches(' ').chars().next() else {
        return false;
    };
    FORMULA_START.contains(&first) && !(first == '-' && cell.parse::<f64>().is_ok())
}

/// Parses a CSV document strictly: a byte-order mark first, CRLF after every record and
/// nowhere else outside quotes, and every record as wide as the header.
fn parse(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("no byte-order mark: {text:.40}"));
    assert!(body.ends_with("\r\n"), "the last record ends with CRLF");
    let mut quoted = false;
    let mut previous = '\0';
    for c in body.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => assert_eq!(previous, '\r', "a bare LF outside quotes"),
            _ => {}
        }
        previous = c;
    }
    assert!(!quoted, "a quote is left open");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("not valid CSV: {e}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The text a cell must read back as.
fn expected(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => neutralised(t).into_owned(),
        Cell::Number(v) => decimal(*v).unwrap_or_default(),
        Cell::Empty => String::new(),
    }
}

/// Writes, parses and checks a sheet: the header, each cell as written, no formula.
fn round_trip(sheet: &Sheet, numeric: &[&str]) -> Vec<Vec<String>> {
    let rows = parse(&csv(sheet));
    assert_eq!(rows[0], sheet.headers, "one header row, then the data");
    assert_eq!(rows.len(), sheet.rows.len() + 1);
    for (row, cells) in rows[1..].iter().zip(&sheet.rows) {
        let want: Vec<String> = cells.iter().map(expected).collect();
        assert_eq!(row, &want);
        for (header, cell) in sheet.headers.iter().zip(row) {
            assert!(
                !is_formula(cell),
                "{header}: {cell:?} would run as a formula"
            );
            if numeric.contains(header) && !cell.is_empty() {
                assert!(
                    cell.parse::<f64>().is_ok() && !cell.starts_with('+'),
                    "{header}: {cell:?} is not a number"
                );
            }
        }
    }
    rows
}

#[test]
fn hostile_texts_read_back_as_inert_text() {
    let hostile = [
        "=HYPERLINK(\"http://example.invalid\",\"x\")",
        "=HYPERLINK(1)",
        "@A1",
        "+1+1",
        "-cmd",
        "-2+3",
        "\t=1",
        "\r=1",
        "\n=1",
        " =1",
        "\u{ff1d}SUM(A1)",
        "say \"hi\"",
        "a,\"b\"\r\nc",
        "x;=1",
        "'=1",
        "",
    ];
    let sheet = Sheet {
        headers: vec!["text", "number"],
        rows: hostile
            .iter()
            .map(|t| vec![Cell::text(*t), Cell::Number(-3.0)])
            .collect(),
    };
    let rows = round_trip(&sheet, &["number"]);
    // Each hostile text is one field that reads back with an apostrophe in front when it
    // could start a formula: `=HYPERLINK(1)` as `'=HYPERLINK(1)`; -3 stays a number.
    assert_eq!(rows[2], ["'=HYPERLINK(1)", "-3"]);
    assert_eq!(rows[4], ["'+1+1", "-3"]);
    assert_eq!(rows[7], ["'\t=1", "-3"]);
    assert_eq!(rows[13], ["a,\"b\"\r\nc", "-3"]);
}

#[test]
fn random_texts_and_numbers_always_parse_and_never_run() {
    const PIECES: [&str; 24] = [
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "\"",
        ",",
        ";",
        " ",
        "a",
        "中",
        "，",
        "\u{ff1d}",
        "\u{ff20}",
        "'",
        "1",
        ".",
        "cmd|' /C calc'!A0",
        "SUM(",
        ")",
        "e",
    ];
    let numbers = [
        0.0,
        -0.0,
        -3.0,
        39.0,
        1.0 / 3.0,
        -1e-9,
        1e21,
        -2.5e300,
        f64::NAN,
        f64::NEG_INFINITY,
    ];
    let mut rng = SplitMix64::new(0x2545_f491_4f6c_dd1d);
    let mut below = |n: usize| rng.below(n as u64) as usize;
    for _ in 0..2_000 {
        let width = 1 + below(4);
        let rows = (0..below(5))
            .map(|_| {
                (0..width)
                    .map(|_| match below(3) {
                        0 => Cell::Number(numbers[below(numbers.len())]),
                        1 => Cell::Empty,
                        _ => Cell::text(
                            (0..below(6))
                                .map(|_| PIECES[below(PIECES.len())])
                                .collect::<String>(),
                        ),
                    })
                    .collect()
            })
            .collect();
        let headers = ["a", "b", "c", "d"][..width].to_vec();
        round_trip(&Sheet { headers, rows }, &[]);
    }
}

#[test]
fn every_chart_csv_parses_with_numbers_in_its_numeric_columns() {
    let data = Dataset::embedded();
    let column = |name: &str| CHART_COLUMNS.iter().position(|c| c.name == name).unwrap();
    for chart in Chart::ALL {
        let mut editions = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            let sheet = tidy::chart_sheet(chart, data, lang).expect("the chart's data");
            assert!(!sheet.rows.is_empty(), "{chart:?}");
            let rows = round_trip(&sheet, &NUMERIC_CHART_COLUMNS);
            for row in &rows[1..] {
                assert_eq!(row[column("chart")], chart.code());
                assert!(
                    UNITS.iter().any(|u| u.code == row[column("unit")]),
                    "{row:?}"
                );
                assert!(
                    ["stated", "derived", "bound", "not_reported"]
                        .contains(&row[column("status")].as_str()),
                    "{row:?}"
                );
                assert!(
                    ["", "exact", "approx", "lt", "gt"]
                        .contains(&row[column("qualifier")].as_str()),
                    "{row:?}"
                );
                let reported = !row[column("value")].is_empty();
                assert_eq!(reported, row[column("status")] != "not_reported", "{row:?}");
                assert!(!row[column("category_label")].is_empty(), "{row:?}");
                if row[column("status")] == "derived" {
                    assert!(!row[column("formula")].is_empty(), "{row:?}");
                }
            }
            editions.push(rows);
        }
        // The two editions differ only in their labels, the sources' names and the formulas'
        // words.
        let machine = [
            "chart",
            "category",
            "series",
            "year",
            "value",
            "unit",
            "qualifier",
            "status",
            "ci_low",
            "ci_high",
            "sample_size",
            "sample_size_estimated",
            "source_url",
            "fact_ids",
        ];
        for (en, zh) in editions[0].iter().zip(&editions[1]) {
            for name in machine {
                assert_eq!(en[column(name)], zh[column(name)], "{chart:?} {name}");
            }
        }
    }
}

#[test]
fn the_data_pack_tables_parse_and_keep_every_record() {
    let data = Dataset::embedded();
    let mut facts = 0;
    for dataset in &data.datasets {
        let sheet = tidy::facts_sheet(data, &dataset.key);
        facts += round_trip(&sheet, &NUMERIC_FACT_COLUMNS).len() - 1;
    }
    assert_eq!(facts, data.facts.len(), "every fact in one report's file");
    let n = |sheet: Sheet| round_trip(&sheet, &[]).len() - 1;
    assert_eq!(n(tidy::discrepancies_sheet(data)), data.discrepancies.len());
    assert_eq!(n(tidy::not_found_sheet(data)), data.not_found.len());
    assert_eq!(n(tidy::datasets_sheet(data)), data.datasets.len());
    assert_eq!(n(tidy::seeds_sheet(data)), data.seeds.len());
}
