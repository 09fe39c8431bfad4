//! Files a reader takes away: CSV that spreadsheets and chart tools open as they are, and
//! file names that say what they contain.
//!
//! A [`Sheet`] holds typed cells, so the writer knows a number from a text: numbers are
//! written as plain decimals (`-3`, `39.5`, never `+39` or `1e21`), and a text that a
//! spreadsheet would run as a formula is neutralised with a leading apostrophe, as OWASP's
//! guidance on CSV injection advises. The file is UTF-8 with a byte-order mark (Excel
//! reads it as UTF-8 only then), one header row, no comment lines, RFC 4180 quoting and
//! CRLF line ends.

use std::borrow::Cow;

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A text, written as it is unless a spreadsheet would take it for a formula.
    Text(String),
    /// A number, written as a plain decimal; a non-finite one is written empty.
    Number(f64),
    /// Nothing: a value the source does not report, a column that does not apply.
    Empty,
}

impl Cell {
    /// A text cell, or an empty one for an empty text.
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    /// A number cell, or an empty one for `None`.
    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// A table for a CSV file: machine headers and rows of typed cells.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Sheet {
    /// Column headers (snake_case, the same in every language edition).
    pub headers: Vec<&'static str>,
    /// Rows, each with one cell per header.
    pub rows: Vec<Vec<Cell>>,
}

/// The byte-order mark that starts every CSV file.
pub const BOM: char = '\u{feff}';

/// Characters that make a spreadsheet read a cell as a formula (or that hide one after
/// them), including the full-width forms a Chinese input method types.
const FORMULA_START: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// A number as a plain decimal: at most six decimals, no trailing zeros, no exponent, no
/// `+`, no `-0`. `None` for NaN and infinities.
///
/// ```
/// use talent_core::link::export::decimal;
/// assert_eq!(decimal(39.0).as_deref(), Some("39"));
/// assert_eq!(decimal(-3.25).as_deref(), Some("-3.25"));
/// // 1,079 / 2,000 × 100 in floating point is 53.949999999999996.
/// assert_eq!(decimal(1079.0 / 2000.0 * 100.0).as_deref(), Some("53.95"));
/// assert_eq!(decimal(-0.0000001).as_deref(), Some("0"));
/// assert_eq!(decimal(f64::NAN), None);
/// ```
pub fn decimal(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let fixed = format!("{value:.6}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    Some(if trimmed == "-0" { "0" } else { trimmed }.to_string())
}

/// A text that no spreadsheet runs: one whose first character (or first after leading
/// spaces) would start a formula gets a leading apostrophe, which spreadsheets show as
/// text and do not evaluate.
///
/// ```
/// use talent_core::link::export::neutralised;
/// assert_eq!(neutralised("=HYPERLINK(1)"), "'=HYPERLINK(1)");
/// assert_eq!(neutralised("  @A1"), "'  @A1");
/// assert_eq!(neutralised("a=b"), "a=b");
/// ```
pub fn neutralised(text: &str) -> Cow<'_, str> {
    let first = text.trim_start_matches(' ').chars().next();
    if first.is_some_and(|c| FORMULA_START.contains(&c)) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A field as RFC 4180 writes it: quoted when it holds a separator, a quote, a line break
/// or a tab (semicolons too, so that a spreadsheet set to split on them keeps the field
/// whole), with its quotes doubled.
fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', ';', '"', '\n', '\r', '\t']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

fn cell_text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => field(&neutralised(text)).into_owned().into(),
        Cell::Number(value) => decimal(*value).map_or(Cow::Borrowed(""), Cow::Owned),
        Cell::Empty => Cow::Borrowed(""),
    }
}

/// The CSV document of a sheet.
///
/// ```
/// use talent_core::link::export::{csv, Cell, Sheet};
/// let sheet = Sheet {
///     headers: vec!["category", "value", "note"],
///     rows: vec![vec![Cell::text("US"), Cell::Number(71.0), Cell::text("-about, roughly")]],
/// };
/// assert_eq!(csv(&sheet), "\u{feff}category,value,note\r\nUS,71,\"'-about, roughly\"\r\n");
/// ```
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header: Vec<Cell> = sheet.headers.iter().map(|h| Cell::text(*h)).collect();
    for row in std::iter::once(&header).chain(&sheet.rows) {
        let start = out.len();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&cell_text(cell));
        }
        // A record of one empty field would be a blank line, which readers skip.
        if out.len() == start {
            out.push_str("\"\"");
        }
        out.push_str("\r\n");
    }
    out
}

/// A file name from an app name, a chart id and qualifiers: lowercase ASCII words
/// joined by `_`, anything else dropped.
///
/// ```
/// use talent_core::link::export::file_name;
/// assert_eq!(file_name(&["ai-talent", "origin", "2022", "Elite"], "csv"), "ai-talent_origin_2022_elite.csv");
/// ```
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let words: Vec<String> = parts
        .iter()
        .map(|p| {
            p.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}.{extension}", words.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_that_need_it_and_doubles_their_quotes() {
        let sheet = Sheet {
            headers: vec!["a", "b", "c"],
            rows: vec![vec![
                Cell::text("52,000 researchers"),
                Cell::text("say \"about\""),
                Cell::text("line one\nline two"),
            ]],
        };
        assert_eq!(
            csv(&sheet),
            "\u{feff}a,b,c\r\n\"52,000 researchers\",\"say \"\"about\"\"\",\"line one\nline two\"\r\n"
        );
    }

    #[test]
    fn numbers_are_plain_and_only_texts_are_neutralised() {
        let sheet = Sheet {
            headers: vec!["n", "m", "t", "e"],
            rows: vec![vec![
                Cell::Number(-3.0),
                Cell::Number(f64::INFINITY),
                Cell::text("-3"),
                Cell::number(None),
            ]],
        };
        // A negative number stays a number; the same characters as a text do not.
        assert_eq!(csv(&sheet), "\u{feff}n,m,t,e\r\n-3,,'-3,\r\n");
    }

    #[test]
    fn hostile_texts_are_neutralised_and_stay_one_field() {
        for (input, written) in [
            ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
            ("@A1", "'@A1"),
            ("+1+1", "'+1+1"),
            ("-cmd", "'-cmd"),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\r=1\""),
            (" =1", "' =1"),
            ("\u{ff1d}1+1", "'\u{ff1d}1+1"),
            ("=\"x\"", "\"'=\"\"x\"\"\""),
            ("a;=1", "\"a;=1\""),
            ("fine", "fine"),
        ] {
            let sheet = Sheet {
                headers: vec!["x"],
                rows: vec![vec![Cell::text(input)]],
            };
            assert_eq!(
                csv(&sheet),
                format!("\u{feff}x\r\n{written}\r\n"),
                "{input:?}"
            );
        }
    }

    #[test]
    fn a_row_of_one_empty_field_is_not_a_blank_line() {
        let sheet = Sheet {
            headers: vec!["x"],
            rows: vec![vec![Cell::Empty]],
        };
        assert_eq!(csv(&sheet), "\u{feff}x\r\n\"\"\r\n");
    }

    #[test]
    fn file_names_drop_what_a_file_system_may_refuse() {
        assert_eq!(file_name(&["a/b", "中文", "x y"], "png"), "ab_xy.png");
    }
}
