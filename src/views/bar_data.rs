//! Turns core bar series into what a bar chart and its table show, in the reader's language.

use crate::chart_frame::TableData;
use crate::charts::bars::{BarDatum, BarGroupDatum};
use crate::i18n::{Lang, Msg};
use talent_core::data::labels::label;
use talent_core::data::Qualifier;
use talent_core::format;
use talent_core::series::{BarSeries, BarValue, Unit};
use talent_core::Dataset;

fn unit_suffix(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Scholars, _) => Msg::UnitScholars.text(lang),
        (Unit::Researchers, _) => Msg::UnitResearchers.text(lang),
        (Unit::Subfields, _) => Msg::UnitSubfields.text(lang),
        (Unit::Percent, _) => "%",
    }
}

/// A value with its unit: "71 scholars", "29%", "52,000 researchers".
pub fn value_text(value: f64, unit: Unit, lang: Lang) -> String {
    let decimals = if value.fract().abs() > 1e-9 && unit == Unit::Percent {
        1
    } else {
        0
    };
    let digits = format::number(value, decimals, lang);
    match unit {
        Unit::Percent => format!("{digits}%"),
        _ => match lang {
            Lang::En => format!("{digits} {}", unit_suffix(unit, lang)),
            Lang::Zh => format!("{digits}{}", unit_suffix(unit, lang)),
        },
    }
}

fn qualified(text: String, qualifier: Option<Qualifier>, lang: Lang) -> String {
    let prefix = match qualifier {
        Some(Qualifier::Lt) => Msg::FewerThan,
        Some(Qualifier::Gt) => Msg::MoreThan,
        Some(Qualifier::Approx) => Msg::About,
        _ => return text,
    };
    format!("{}{text}", prefix.text(lang))
}

/// The text and tooltip detail of one bar.
pub fn bar_datum(cell: &BarValue, unit: Unit, year: u16, lang: Lang) -> BarDatum {
    let data = Dataset::embedded();
    let (value_text, detail) = match cell {
        BarValue::Stated { value, fact } => {
            let fact = data.fact(fact);
            let text = qualified(
                value_text(*value, unit, lang),
                fact.and_then(|f| f.qualifier),
                lang,
            );
            let detail = fact.map_or_else(String::new, |f| {
                let source = data.dataset_of(f).map_or("", |d| d.publisher.as_str());
                format!("{} · {} · {source}", f.year, f.label(lang))
            });
            (text, detail)
        }
        BarValue::Derived { value, formula, .. } => (
            format!(
                "{} ({})",
                value_text(*value, unit, lang),
                Msg::Derived.text(lang)
            ),
            format!("{year} · {}: {formula}", Msg::DerivedBy.text(lang)),
        ),
        BarValue::NotReported { fact } => (
            Msg::NotReported.text(lang).to_string(),
            fact.as_deref().and_then(|id| data.fact(id)).map_or_else(
                || Msg::NotPublished.text(lang).to_string(),
                |f| f.label(lang).to_string(),
            ),
        ),
    };
    BarDatum {
        value: cell.value(),
        value_text,
        detail,
        derived: matches!(cell, BarValue::Derived { .. }),
    }
}

/// The rows of a bar chart.
pub fn bar_groups(series: &BarSeries, lang: Lang) -> Vec<BarGroupDatum> {
    series
        .groups
        .iter()
        .map(|group| BarGroupDatum {
            key: group.key.clone(),
            label: label(&group.key, lang).to_string(),
            bars: group
                .cells
                .iter()
                .map(|c| bar_datum(c, series.unit, series.year, lang))
                .collect(),
        })
        .collect()
}

/// The names of the series of a chart.
pub fn series_names(series: &BarSeries, lang: Lang) -> Vec<String> {
    series
        .series
        .iter()
        .map(|key| label(key, lang).to_string())
        .collect()
}

/// The table of exactly the plotted bars: one row per bar, with its basis.
pub fn bar_table(groups: &[BarGroupDatum], names: &[String], lang: Lang) -> TableData {
    let mut headers = vec![Msg::Category.text(lang).to_string()];
    if names.len() > 1 {
        headers.push(Msg::Series.text(lang).to_string());
    }
    headers.push(Msg::Value.text(lang).to_string());
    headers.push(Msg::Basis.text(lang).to_string());
    let rows = groups
        .iter()
        .flat_map(|g| {
            g.bars.iter().enumerate().map(move |(i, bar)| {
                let mut row = vec![g.label.clone()];
                if names.len() > 1 {
                    row.push(names.get(i).cloned().unwrap_or_default());
                }
                row.push(bar.value_text.clone());
                row.push(bar.detail.clone());
                row
            })
        })
        .collect();
    TableData { headers, rows }
}
