//! Chart series: the numbers a chart plots, each tied to the fact it comes from.
//!
//! A series holds logical values only (no pixels). Missing figures stay missing:
//! [`BarValue::NotReported`] is drawn as "not reported", never as zero.

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
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Stable key (a region key from [`crate::labels`]), used for highlighting and links.
    pub key: String,
    /// The value and where it comes from.
    pub value: BarValue,
}

/// What the values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// People.
    Scholars,
    /// Percentage points of a population.
    Percent,
}

/// A set of bars that share a unit, a year and a population.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSeries {
    /// Unit of every bar.
    pub unit: Unit,
    /// Reference year of the data.
    pub year: u16,
    /// Size of the population the bars divide, if stated.
    pub sample: Option<f64>,
    /// The bars, in display order.
    pub bars: Vec<Bar>,
}

impl BarSeries {
    /// Largest plotted value (0 when nothing is plotted).
    pub fn max_value(&self) -> f64 {
        self.bars
            .iter()
            .filter_map(|b| b.value.value())
            .fold(0.0, f64::max)
    }
}

fn stated(data: &Dataset, key: &str, fact: &str) -> Bar {
    let value = match data.number(fact) {
        Some(value) => BarValue::Stated {
            value,
            fact: fact.to_string(),
        },
        None => BarValue::NotReported { fact: None },
    };
    Bar {
        key: key.to_string(),
        value,
    }
}

/// AMiner AI 2000 global top 100 (2024) by country of current institution.
///
/// # Data
/// Seed 000 states US 71 and China 11 and ranks Canada third without a count
/// (its Figure 1 is an image). The remaining places are derived: 100 − 71 − 11,
/// which includes Canada.
pub fn top100_by_country(data: &Dataset, lang: Lang) -> BarSeries {
    let sample = data.number("sh24_top100_sample_size");
    let mut bars = vec![
        stated(data, "us", "sh24_top100_us_count"),
        stated(data, "cn", "sh24_top100_china_count"),
        Bar {
            key: "ca".into(),
            value: BarValue::NotReported {
                fact: Some("sh24_top100_canada_rank".into()),
            },
        },
    ];
    let counted: Option<f64> = bars[..2].iter().map(|b| b.value.value()).sum();
    if let (Some(total), Some(counted)) = (sample, counted) {
        let value = total - counted;
        let parts: Vec<String> = bars[..2]
            .iter()
            .filter_map(|b| b.value.value())
            .map(|v| crate::format::number(v, 0, lang))
            .collect();
        bars.push(Bar {
            key: "other_incl_ca".into(),
            value: BarValue::Derived {
                value,
                formula: format!(
                    "{} − {}",
                    crate::format::number(total, 0, lang),
                    parts.join(" − ")
                ),
                facts: vec![
                    "sh24_top100_sample_size".into(),
                    "sh24_top100_us_count".into(),
                    "sh24_top100_china_count".into(),
                ],
            },
        });
    }
    BarSeries {
        unit: Unit::Scholars,
        year: 2024,
        sample,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top100_has_us_china_canada_not_reported_and_the_derived_rest() {
        let series = top100_by_country(Dataset::embedded(), Lang::En);
        let values: Vec<Option<f64>> = series.bars.iter().map(|b| b.value.value()).collect();
        // 100 − 71 − 11 = 18 places for Canada and every other country.
        assert_eq!(values, vec![Some(71.0), Some(11.0), None, Some(18.0)]);
        assert_eq!(series.sample, Some(100.0));
        assert_eq!(series.max_value(), 71.0);
        match &series.bars[3].value {
            BarValue::Derived { formula, .. } => assert_eq!(formula, "100 − 71 − 11"),
            other => panic!("expected a derived bar, got {other:?}"),
        }
    }
}
