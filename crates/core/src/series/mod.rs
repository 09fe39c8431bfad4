//! Chart series: the numbers a chart plots, each tied to the fact it comes from.
//!
//! A series holds logical values only (no pixels). Missing figures stay missing:
//! [`BarValue::NotReported`] is drawn as "not reported", never as zero.

pub mod career_flows;
pub mod changes;
pub mod cities;
pub mod countries;
pub mod display;
pub mod flows;
pub mod place;
pub mod regions;
pub mod subfields;
pub mod whatif;

use crate::format;
use crate::{Dataset, Lang};

/// What a bar stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum BarValue {
    /// A figure stated by a source (fact id).
    Stated {
        /// The figure.
        value: f64,
        /// The fact it comes from.
        fact: String,
    },
    /// A figure the app computes from stated ones.
    Derived {
        /// The result.
        value: f64,
        /// The arithmetic, with the stated figures written in.
        formula: String,
        /// The facts it uses.
        facts: Vec<String>,
    },
    /// The source does not give this figure.
    NotReported {
        /// What the source does say (a fact id), if anything.
        fact: Option<String>,
    },
}

impl BarValue {
    /// The number to plot, if there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Self::Stated { value, .. } | Self::Derived { value, .. } => Some(*value),
            Self::NotReported { .. } => None,
        }
    }

    /// The facts behind the bar.
    pub fn facts(&self) -> Vec<&str> {
        match self {
            Self::Stated { fact, .. } => vec![fact.as_str()],
            Self::Derived { facts, .. } => facts.iter().map(String::as_str).collect(),
            Self::NotReported { fact } => fact.iter().map(String::as_str).collect(),
        }
    }

    /// The stated figure of a fact, or "not reported" when the pack lacks it.
    pub fn stated(data: &Dataset, fact: &str) -> BarValue {
        match data.number(fact) {
            Some(value) => BarValue::Stated {
                value,
                fact: fact.to_string(),
            },
            None => BarValue::NotReported { fact: None },
        }
    }

    /// A figure the source does not give, with the fact that says what it does give.
    pub fn missing(fact: &str) -> BarValue {
        BarValue::NotReported {
            fact: Some(fact.to_string()),
        }
    }
}

/// One row of a bar chart: a category and one bar per series.
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    /// Stable key of the category (see [`crate::data::labels::label`]), used for highlighting.
    pub key: String,
    /// One value per series of the chart, in series order.
    pub cells: Vec<BarValue>,
}

/// What the values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// People.
    Scholars,
    /// Percentage points of a population.
    Percent,
    /// Researchers (headcounts of a pool).
    Researchers,
    /// AI subfields.
    Subfields,
}

/// A bar chart's numbers: rows of categories, each with one bar per series.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSeries {
    /// Unit of every bar.
    pub unit: Unit,
    /// Reference year of the data.
    pub year: u16,
    /// Size of the population the bars divide, if stated.
    pub sample: Option<f64>,
    /// Keys of the series (see [`crate::data::labels::label`]); one for a simple bar chart.
    pub series: Vec<String>,
    /// The rows, in display order.
    pub groups: Vec<BarGroup>,
}

impl BarSeries {
    /// Largest plotted value (0 when nothing is plotted).
    pub fn max_value(&self) -> f64 {
        self.values().fold(0.0, f64::max)
    }

    fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.groups
            .iter()
            .flat_map(|g| g.cells.iter().filter_map(BarValue::value))
    }

    /// The same rows ordered by the first series, largest first; not-reported rows last.
    /// The sort is stable, so ties keep the source's order.
    pub fn sorted_by_value(&self) -> BarSeries {
        let mut sorted = self.clone();
        let key = |g: &BarGroup| g.cells.first().and_then(BarValue::value);
        sorted.groups = crate::order::sorted(sorted.groups, &|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        sorted
    }
}

/// The remainder of a total once stated parts are taken away, as a derived bar.
///
/// Returns "not reported" when the total or a part is missing.
pub fn remainder(data: &Dataset, total: &str, parts: &[&str], lang: Lang) -> BarValue {
    let Some(whole) = data.number(total) else {
        return BarValue::NotReported { fact: None };
    };
    let values: Option<Vec<f64>> = parts.iter().map(|id| data.number(id)).collect();
    let Some(values) = values else {
        return BarValue::NotReported { fact: None };
    };
    let mut formula = format::number(whole, 0, lang);
    for value in &values {
        formula.push_str(" − ");
        formula.push_str(&format::number(*value, 0, lang));
    }
    BarValue::Derived {
        value: whole - values.iter().sum::<f64>(),
        formula,
        facts: std::iter::once(total)
            .chain(parts.iter().copied())
            .map(String::from)
            .collect(),
    }
}

/// A group with one stated value per fact id.
pub fn stated_group(data: &Dataset, key: &str, facts: &[&str]) -> BarGroup {
    BarGroup {
        key: key.to_string(),
        cells: facts.iter().map(|id| BarValue::stated(data, id)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(key: &str, value: Option<f64>) -> BarGroup {
        let cell = match value {
            Some(value) => BarValue::Stated {
                value,
                fact: String::new(),
            },
            None => BarValue::NotReported { fact: None },
        };
        BarGroup {
            key: key.into(),
            cells: vec![cell],
        }
    }

    #[test]
    fn sorting_puts_largest_first_and_missing_last_keeping_ties_in_order() {
        let series = BarSeries {
            unit: Unit::Percent,
            year: 2019,
            sample: None,
            series: vec!["origin".into()],
            groups: vec![
                group("a", Some(3.0)),
                group("b", None),
                group("c", Some(29.0)),
                group("d", Some(3.0)),
            ],
        };
        let keys: Vec<String> = series
            .sorted_by_value()
            .groups
            .into_iter()
            .map(|g| g.key)
            .collect();
        assert_eq!(keys, ["c", "a", "d", "b"]);
        assert_eq!(series.max_value(), 29.0);
    }

    #[test]
    fn remainder_subtracts_the_stated_parts_and_writes_the_formula() {
        let data = Dataset::embedded();
        // 71 US scholars − 41 industry − 19 academia = 11 not described.
        let rest = remainder(
            data,
            "sh24_top100_us_count",
            &["sh24_top100_us_industry", "sh24_top100_us_academia"],
            Lang::En,
        );
        assert_eq!(rest.value(), Some(11.0));
        match rest {
            BarValue::Derived { formula, facts, .. } => {
                assert_eq!(formula, "71 − 41 − 19");
                assert_eq!(facts.len(), 3);
            }
            other => panic!("expected derived, got {other:?}"),
        }
        assert_eq!(remainder(data, "no_such_fact", &[], Lang::En).value(), None);
    }
}
