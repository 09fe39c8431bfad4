//! What a chart cell says to a reader: its value with unit and qualifier, and the basis a
//! tooltip and a table give for it, in one language.

use super::{BarValue, Unit};
use crate::copy;
use crate::data::Qualifier;
use crate::{format, Dataset, Lang};

/// How a figure came to be, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// Stated by a source.
    Stated,
    /// Computed by the app from stated figures (its formula is in the detail).
    Derived,
    /// A bound the source gives ("under 10,000"): drawn open-ended.
    Bound,
    /// Not given by the source: drawn without length.
    NotReported,
}

impl CellKind {
    /// The kind of a figure a source states: a bound when it says "under" or "over".
    pub fn of_stated(qualifier: Option<Qualifier>) -> CellKind {
        match qualifier {
            Some(Qualifier::Lt | Qualifier::Gt) => CellKind::Bound,
            _ => CellKind::Stated,
        }
    }
}

/// One cell of a chart, ready to draw and to read.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The number to plot; `None` when not reported.
    pub value: Option<f64>,
    /// The value as text, with unit and qualifier: "71 scholars", "under 10,000".
    pub text: String,
    /// The basis: year, what the figure is, and its source; or the formula.
    pub detail: String,
    /// How it came to be.
    pub kind: CellKind,
}

/// Decimals a value is printed with: whole numbers as they are, percentages with one
/// decimal when they have a fraction.
fn decimals(value: f64, unit: Unit) -> usize {
    if unit == Unit::Percent && value.fract().abs() > 1e-9 {
        1
    } else {
        0
    }
}

/// A value with its unit, singular or plural: "71 scholars", "1 subfield", "29%".
///
/// ```
/// use talent_core::series::{display::value_text, Unit};
/// use talent_core::Lang;
/// assert_eq!(value_text(1.0, Unit::Subfields, Lang::En), "1 subfield");
/// assert_eq!(value_text(52000.0, Unit::Researchers, Lang::Zh), "52,000人");
/// assert_eq!(value_text(57.75, Unit::Percent, Lang::En), "57.8%");
/// ```
pub fn value_text(value: f64, unit: Unit, lang: Lang) -> String {
    let digits = format::number(value, decimals(value, unit), lang);
    let one = (value - 1.0).abs() < 1e-9;
    let text = match (unit, one) {
        (Unit::Percent, _) => copy::UNIT_PERCENT,
        (Unit::Scholars, true) => copy::UNIT_SCHOLAR,
        (Unit::Scholars, false) => copy::UNIT_SCHOLARS,
        (Unit::Researchers, true) => copy::UNIT_RESEARCHER,
        (Unit::Researchers, false) => copy::UNIT_RESEARCHERS,
        (Unit::Subfields, true) => copy::UNIT_SUBFIELD,
        (Unit::Subfields, false) => copy::UNIT_SUBFIELDS,
    };
    text.fill(lang, &[("n", &digits)])
}

/// A value text with the source's qualifier: "under 10,000 researchers".
pub fn qualified(text: String, qualifier: Option<Qualifier>, lang: Lang) -> String {
    let wrapper = match qualifier {
        Some(Qualifier::Lt) => copy::CHART_UNDER,
        Some(Qualifier::Gt) => copy::CHART_OVER,
        Some(Qualifier::Approx) => copy::CHART_ABOUT,
        _ => return text,
    };
    wrapper.fill(lang, &[("value", &text)])
}

/// The reader's view of one cell of a series.
pub fn cell(data: &Dataset, value: &BarValue, unit: Unit, year: u16, lang: Lang) -> Cell {
    match value {
        BarValue::Stated { value, fact } => {
            let fact = data.fact(fact);
            let qualifier = fact.and_then(|f| f.qualifier);
            let kind = CellKind::of_stated(qualifier);
            let text = qualified(value_text(*value, unit, lang), qualifier, lang);
            let detail = fact.map_or_else(String::new, |f| {
                let source = data.dataset_of(f).map_or("", |d| d.credit(lang));
                format!("{} · {} · {source}", f.year, f.label(lang))
            });
            Cell {
                value: Some(*value),
                text,
                detail,
                kind,
            }
        }
        BarValue::Derived { value, formula, .. } => Cell {
            value: Some(*value),
            text: copy::CHART_DERIVED_VALUE
                .fill(lang, &[("value", &value_text(*value, unit, lang))]),
            detail: format!("{year} · {}: {formula}", copy::CHART_DERIVED_BY.get(lang)),
            kind: CellKind::Derived,
        },
        BarValue::NotReported { fact } => Cell {
            value: None,
            text: copy::CHART_NOT_REPORTED.get(lang).to_string(),
            detail: fact
                .as_deref()
                .and_then(|id| data.fact(id))
                .map_or_else(String::new, |f| f.label(lang).to_string()),
            kind: CellKind::NotReported,
        },
    }
}

/// A chart's numbers as a table, in one language: the HTML table beside the chart (its
/// CSV download is tidy data: see [`crate::link::tidy`]).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub headers: Vec<String>,
    /// Rows, each with one cell per heading.
    pub rows: Vec<Vec<String>>,
}

/// The words around a chart, in one language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartText {
    /// What it shows.
    pub title: String,
    /// What is counted and the sample.
    pub subtitle: String,
    /// Caveats a reader must know.
    pub notes: Vec<String>,
    /// The sources, by outlet and date.
    pub source: String,
}
