//! Tidy data for the downloads: one [`Record`] per value a chart plots, with numbers as
//! numbers, built from the chart's series (the ones its plan draws, not its display text),
//! and the data pack's own tables, each as a [`Sheet`] for [`csv`](super::export::csv).
//!
//! A chart's records cover all of its data: both years of a change chart (and the change,
//! where the two years measure the same thing), every part of a whole, every bar, with
//! the figures a source does not report as rows whose value is empty.

use super::export::{Cell, Sheet};
use crate::catalog::{source_line, Chart, PlanError, Series};
use crate::copy::{self, Text};
use crate::data::labels::label;
use crate::data::{
    Confidence, Fact, FactValue, Qualifier, Related, Severity, Status as FactStatus,
};
use crate::layout::change::{change_interval, interval, ChangeSeries, PartsSeries, Point};
use crate::model::sampling::Interval;
use crate::series::display::CellKind;
use crate::series::{BarSeries, BarValue, Unit};
use crate::{format, Dataset, Lang};

/// A column of a download: its machine header and what it holds, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header, snake_case, the same in every edition.
    pub name: &'static str,
    /// What the column holds.
    pub meaning: Text,
}

const fn column(name: &'static str, meaning: Text) -> Column {
    Column { name, meaning }
}

/// The columns of a chart's CSV, in order.
pub const CHART_COLUMNS: [Column; 18] = [
    column("chart", copy::DOWNLOADS_CHART_COLUMN_CHART),
    column("category", copy::DOWNLOADS_CHART_COLUMN_CATEGORY),
    column(
        "category_label",
        copy::DOWNLOADS_CHART_COLUMN_CATEGORY_LABEL,
    ),
    column("series", copy::DOWNLOADS_CHART_COLUMN_SERIES),
    column("series_label", copy::DOWNLOADS_CHART_COLUMN_SERIES_LABEL),
    column("year", copy::DOWNLOADS_CHART_COLUMN_YEAR),
    column("value", copy::DOWNLOADS_CHART_COLUMN_VALUE),
    column("unit", copy::DOWNLOADS_CHART_COLUMN_UNIT),
    column("qualifier", copy::DOWNLOADS_CHART_COLUMN_QUALIFIER),
    column("status", copy::DOWNLOADS_CHART_COLUMN_STATUS),
    column("ci_low", copy::DOWNLOADS_CHART_COLUMN_CI_LOW),
    column("ci_high", copy::DOWNLOADS_CHART_COLUMN_CI_HIGH),
    column("sample_size", copy::DOWNLOADS_CHART_COLUMN_SAMPLE_SIZE),
    column(
        "sample_size_estimated",
        copy::DOWNLOADS_CHART_COLUMN_SAMPLE_SIZE_ESTIMATED,
    ),
    column("formula", copy::DOWNLOADS_CHART_COLUMN_FORMULA),
    column("source", copy::DOWNLOADS_CHART_COLUMN_SOURCE),
    column("source_url", copy::DOWNLOADS_CHART_COLUMN_SOURCE_URL),
    column("fact_ids", copy::DOWNLOADS_CHART_COLUMN_FACT_IDS),
];

/// The columns of a chart's CSV whose cells are numbers (or empty).
pub const NUMERIC_CHART_COLUMNS: [&str; 5] = ["year", "value", "ci_low", "ci_high", "sample_size"];

/// The units a chart's records use (the README explains each).
pub const UNITS: [&str; 5] = [
    "percent",
    "percentage_points",
    "scholars",
    "researchers",
    "subfields",
];

/// Separates the items of a list in one cell (fact ids, list values).
const ITEMS: &str = ";";

/// One value a chart plots.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The chart's id.
    pub chart: &'static str,
    /// The category's key.
    pub category: String,
    /// The category as the chart labels it.
    pub category_label: String,
    /// The series' key, empty for a chart of one series.
    pub series: String,
    /// The series as the chart labels it.
    pub series_label: String,
    /// The year the figure refers to; `None` for a change between two years.
    pub year: Option<u16>,
    /// The figure; `None` when the source does not report it.
    pub value: Option<f64>,
    /// One of [`UNITS`].
    pub unit: &'static str,
    /// How the figure relates to the true value; `None` when not reported.
    pub qualifier: Option<Qualifier>,
    /// Stated, derived, a bound, or not reported.
    pub status: CellKind,
    /// The 95% interval of a share from a sample, in the record's unit.
    pub interval: Option<(f64, f64)>,
    /// The size of the sample or whole the value is of, and whether the atlas estimated it.
    pub sample: Option<(f64, bool)>,
    /// The arithmetic of a derived value.
    pub formula: String,
    /// The reports the figure comes from.
    pub source: String,
    /// Where it was found.
    pub source_url: String,
    /// The facts behind it.
    pub facts: Vec<String>,
}

/// The machine name of a kind of value (the `status` column).
pub const fn status_code(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Stated => "stated",
        CellKind::Derived => "derived",
        CellKind::Bound => "bound",
        CellKind::NotReported => "not_reported",
    }
}

/// The machine name of a qualifier (the `qualifier` column).
pub const fn qualifier_code(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "exact",
        Qualifier::Approx => "approx",
        Qualifier::Lt => "lt",
        Qualifier::Gt => "gt",
    }
}

const fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percent",
        Unit::Scholars => "scholars",
        Unit::Researchers => "researchers",
        Unit::Subfields => "subfields",
    }
}

/// Makes the records of one chart in one language, each with its facts' maker.
struct Maker<'a> {
    data: &'a Dataset,
    chart: Chart,
    lang: Lang,
}

impl Maker<'_> {
    fn facts(&self, ids: &[String]) -> Vec<&Fact> {
        ids.iter().filter_map(|id| self.data.fact(id)).collect()
    }

    /// The distinct sources of the facts (the chart's reports when there are none), and
    /// the facts' distinct addresses (their report's when they have none).
    fn sources_of(&self, ids: &[String]) -> (String, String) {
        let facts = self.facts(ids);
        let mut names: Vec<&str> = Vec::new();
        for fact in &facts {
            if !names.contains(&fact.source.as_str()) {
                names.push(&fact.source);
            }
        }
        // The sources' own names, in English and their own scripts: the same in both
        // editions, like every machine column.
        let source = if names.is_empty() {
            source_line(self.data, self.chart.datasets(), Lang::En)
        } else {
            names.join(copy::LIST_SEPARATOR.get(Lang::En))
        };
        let mut urls: Vec<&str> = Vec::new();
        for fact in &facts {
            if !fact.url.is_empty() && !urls.contains(&fact.url.as_str()) {
                urls.push(&fact.url);
            }
        }
        if urls.is_empty() {
            let reports = facts.iter().filter_map(|f| self.data.dataset_of(f)).chain(
                self.chart
                    .datasets()
                    .iter()
                    .filter_map(|key| self.data.datasets.iter().find(|d| d.key == *key)),
            );
            urls.extend(reports.map(|d| d.url.as_str()).find(|u| !u.is_empty()));
        }
        // Addresses hold no spaces, so a space separates them.
        (source, urls.join(" "))
    }

    /// The qualifier of a value computed from `ids`: exact when every input is, else
    /// approximate.
    fn derived_qualifier(&self, ids: &[String]) -> Qualifier {
        let exact = self
            .facts(ids)
            .iter()
            .all(|f| matches!(f.qualifier, None | Some(Qualifier::Exact)));
        if exact {
            Qualifier::Exact
        } else {
            Qualifier::Approx
        }
    }

    fn year(&self, ids: &[String]) -> Option<u16> {
        self.facts(ids).first().map(|f| f.year)
    }

    /// A record with the fields every kind of chart fills the same way.
    fn record(&self, value: Option<f64>, status: CellKind, facts: Vec<String>) -> Record {
        let (source, source_url) = self.sources_of(&facts);
        let qualifier = match status {
            CellKind::NotReported => None,
            CellKind::Derived => Some(self.derived_qualifier(&facts)),
            CellKind::Stated | CellKind::Bound => Some(
                self.facts(&facts)
                    .first()
                    .and_then(|f| f.qualifier)
                    .unwrap_or(Qualifier::Exact),
            ),
        };
        Record {
            chart: self.chart.code(),
            category: String::new(),
            category_label: String::new(),
            series: String::new(),
            series_label: String::new(),
            year: self.year(&facts),
            value,
            // The shares of change charts; bars and parts set their own.
            unit: "percent",
            qualifier,
            status,
            interval: None,
            sample: None,
            formula: String::new(),
            source,
            source_url,
            facts,
        }
    }
}

/// An interval as percentages to two decimals: its own error is far larger than that.
fn percent_range(i: Interval) -> (f64, f64) {
    let round = |v: f64| (v * 10_000.0).round() / 100.0;
    (round(i.low), round(i.high))
}

/// Every value `chart` plots, with labels in `lang`.
///
/// # Errors
/// When the data pack lacks what the chart needs (as [`Chart::plan`]).
pub fn records(chart: Chart, data: &Dataset, lang: Lang) -> Result<Vec<Record>, PlanError> {
    let maker = Maker { data, chart, lang };
    Ok(match chart.series(data, lang)? {
        Series::Bars(series) => bar_records(&maker, &series),
        Series::Change(series) => change_records(&maker, &series),
        Series::Parts(series) => parts_records(&maker, &series),
    })
}

fn bar_records(maker: &Maker, series: &BarSeries) -> Vec<Record> {
    let mut out = Vec::new();
    for group in &series.groups {
        for (j, cell) in group.cells.iter().enumerate() {
            let facts: Vec<String> = cell.facts().into_iter().map(String::from).collect();
            let (status, formula) = match cell {
                BarValue::Stated { fact, .. } => (
                    CellKind::of_stated(maker.data.fact(fact).and_then(|f| f.qualifier)),
                    String::new(),
                ),
                BarValue::Derived { formula, .. } => (CellKind::Derived, formula.clone()),
                BarValue::NotReported { .. } => (CellKind::NotReported, String::new()),
            };
            let key = if series.series.len() > 1 {
                series.series.get(j).cloned().unwrap_or_default()
            } else {
                String::new()
            };
            let mut record = maker.record(cell.value(), status, facts);
            record.year = record.year.or(Some(series.year));
            record.category_label = label(&group.key, maker.lang).to_string();
            record.category.clone_from(&group.key);
            record.series_label = if key.is_empty() {
                String::new()
            } else {
                label(&key, maker.lang).to_string()
            };
            record.series = key;
            record.unit = unit_code(series.unit);
            record.sample = series.sample.map(|n| (n, false));
            record.formula = formula;
            out.push(record);
        }
    }
    out
}

fn change_records(maker: &Maker, series: &ChangeSeries) -> Vec<Record> {
    let lang = maker.lang;
    let (y0, y1) = series.years;
    let mut out = Vec::new();
    for row in &series.rows {
        let mut labelled = |mut record: Record, series_key: String, series_label: String| {
            record.category.clone_from(&row.key);
            record.category_label.clone_from(&row.label);
            record.series = series_key;
            record.series_label = series_label;
            out.push(record);
        };
        for (point, year) in [(&row.from, y0), (&row.to, y1)] {
            let key = format!("y{year}");
            let mut record = match point {
                Some(p) => {
                    let qualifier = maker.data.fact(&p.fact).and_then(|f| f.qualifier);
                    let mut r = maker.record(
                        Some(p.value),
                        CellKind::of_stated(qualifier),
                        vec![p.fact.clone()],
                    );
                    r.interval = interval(p).map(percent_range);
                    r.sample = p.sample.map(|n| (n, p.sample_derived));
                    r
                }
                None => maker.record(None, CellKind::NotReported, Vec::new()),
            };
            record.year = Some(year);
            let series_label = label(&key, lang).to_string();
            labelled(record, key, series_label);
        }
        if let (Some(a), Some(b), true) = (&row.from, &row.to, series.comparable) {
            labelled(
                change_record(maker, a, b),
                "change".into(),
                copy::DOWNLOADS_CHANGE_SERIES
                    .fill(lang, &[("from", &y0.to_string()), ("to", &y1.to_string())]),
            );
        }
    }
    out
}

/// The change from `a` to `b` in percentage points, with Newcombe's interval.
fn change_record(maker: &Maker, a: &Point, b: &Point) -> Record {
    let n = |v: f64| {
        let decimals = usize::from(v.fract().abs() > 1e-9);
        format::number(v, decimals, maker.lang)
    };
    let mut record = maker.record(
        Some(b.value - a.value),
        CellKind::Derived,
        vec![a.fact.clone(), b.fact.clone()],
    );
    record.year = None;
    record.unit = "percentage_points";
    record.interval = change_interval(a, b).map(percent_range);
    record.formula = format!("{} − {}", n(b.value), n(a.value));
    record
}

fn parts_records(maker: &Maker, series: &PartsSeries) -> Vec<Record> {
    series
        .parts
        .iter()
        .map(|part| {
            let status = match &part.formula {
                Some(_) => CellKind::Derived,
                None => CellKind::of_stated(
                    part.facts
                        .first()
                        .and_then(|id| maker.data.fact(id))
                        .and_then(|f| f.qualifier),
                ),
            };
            let unit = maker
                .facts(&part.facts)
                .first()
                .and_then(|f| UNITS.iter().find(|u| **u == f.unit))
                .copied()
                .unwrap_or("researchers");
            let mut record = maker.record(Some(part.count), status, part.facts.clone());
            record.category.clone_from(&part.key);
            record.category_label.clone_from(&part.label);
            record.unit = unit;
            record.sample = Some((series.total, false));
            record.formula = part.formula.clone().unwrap_or_default();
            record
        })
        .collect()
}

/// Records as a sheet with [`CHART_COLUMNS`].
pub fn records_sheet(records: &[Record]) -> Sheet {
    Sheet {
        headers: CHART_COLUMNS.iter().map(|c| c.name).collect(),
        rows: records
            .iter()
            .map(|r| {
                vec![
                    Cell::text(r.chart),
                    Cell::text(&r.category),
                    Cell::text(&r.category_label),
                    Cell::text(&r.series),
                    Cell::text(&r.series_label),
                    Cell::number(r.year.map(f64::from)),
                    Cell::number(r.value),
                    Cell::text(r.unit),
                    Cell::text(r.qualifier.map_or("", qualifier_code)),
                    Cell::text(status_code(r.status)),
                    Cell::number(r.interval.map(|i| i.0)),
                    Cell::number(r.interval.map(|i| i.1)),
                    Cell::number(r.sample.map(|s| s.0)),
                    Cell::text(r.sample.map_or("", |s| if s.1 { "true" } else { "false" })),
                    Cell::text(&r.formula),
                    Cell::text(&r.source),
                    Cell::text(&r.source_url),
                    Cell::text(r.facts.join(ITEMS)),
                ]
            })
            .collect(),
    }
}

/// The sheet of `chart`'s records in `lang`.
///
/// # Errors
/// When the data pack lacks what the chart needs.
pub fn chart_sheet(chart: Chart, data: &Dataset, lang: Lang) -> Result<Sheet, PlanError> {
    Ok(records_sheet(&records(chart, data, lang)?))
}

/// The columns of a report's facts (`pack/facts/<report>.csv`).
pub const FACT_COLUMNS: [Column; 18] = [
    column("id", copy::DOWNLOADS_FACT_COLUMN_ID),
    column("dataset", copy::DOWNLOADS_FACT_COLUMN_DATASET),
    column("value", copy::DOWNLOADS_FACT_COLUMN_VALUE),
    column("value_text", copy::DOWNLOADS_FACT_COLUMN_VALUE_TEXT),
    column("unit", copy::DOWNLOADS_FACT_COLUMN_UNIT),
    column("year", copy::DOWNLOADS_FACT_COLUMN_YEAR),
    column("qualifier", copy::DOWNLOADS_FACT_COLUMN_QUALIFIER),
    column("population", copy::DOWNLOADS_FACT_COLUMN_POPULATION),
    column("source", copy::DOWNLOADS_FACT_COLUMN_SOURCE),
    column("url", copy::DOWNLOADS_FACT_COLUMN_URL),
    column("status", copy::DOWNLOADS_FACT_COLUMN_STATUS),
    column("confidence", copy::DOWNLOADS_FACT_COLUMN_CONFIDENCE),
    column("label_en", copy::DOWNLOADS_FACT_COLUMN_LABEL_EN),
    column("label_zh", copy::DOWNLOADS_FACT_COLUMN_LABEL_ZH),
    column("note", copy::DOWNLOADS_FACT_COLUMN_NOTE),
    column("values", copy::DOWNLOADS_FACT_COLUMN_VALUES),
    column("columns", copy::DOWNLOADS_FACT_COLUMN_COLUMNS),
    column("seed", copy::DOWNLOADS_FACT_COLUMN_SEED),
];

/// The numeric columns of a facts sheet.
pub const NUMERIC_FACT_COLUMNS: [&str; 2] = ["value", "year"];

/// The columns of `pack/discrepancies.csv`.
pub const DISCREPANCY_COLUMNS: [Column; 4] = [
    column("id", copy::DOWNLOADS_DISCREPANCY_COLUMN_ID),
    column("severity", copy::DOWNLOADS_DISCREPANCY_COLUMN_SEVERITY),
    column("facts", copy::DOWNLOADS_DISCREPANCY_COLUMN_FACTS),
    column(
        "description",
        copy::DOWNLOADS_DISCREPANCY_COLUMN_DESCRIPTION,
    ),
];

/// The columns of `pack/not-found.csv`.
pub const NOT_FOUND_COLUMNS: [Column; 2] = [
    column("key", copy::DOWNLOADS_NOT_FOUND_COLUMN_KEY),
    column("detail", copy::DOWNLOADS_NOT_FOUND_COLUMN_DETAIL),
];

/// The columns of `pack/datasets.csv`.
pub const DATASET_COLUMNS: [Column; 6] = [
    column("key", copy::DOWNLOADS_DATASET_COLUMN_KEY),
    column("name", copy::DOWNLOADS_DATASET_COLUMN_NAME),
    column("publisher", copy::DOWNLOADS_DATASET_COLUMN_PUBLISHER),
    column("url", copy::DOWNLOADS_DATASET_COLUMN_URL),
    column("description", copy::DOWNLOADS_DATASET_COLUMN_DESCRIPTION),
    column("seeds", copy::DOWNLOADS_DATASET_COLUMN_SEEDS),
];

/// The columns of `pack/seeds.csv`.
pub const SEED_COLUMNS: [Column; 7] = [
    column("file", copy::DOWNLOADS_SEED_COLUMN_FILE),
    column("title", copy::DOWNLOADS_SEED_COLUMN_TITLE),
    column("title_en", copy::DOWNLOADS_SEED_COLUMN_TITLE_EN),
    column("outlet", copy::DOWNLOADS_SEED_COLUMN_OUTLET),
    column("outlet_en", copy::DOWNLOADS_SEED_COLUMN_OUTLET_EN),
    column("date", copy::DOWNLOADS_SEED_COLUMN_DATE),
    column("url", copy::DOWNLOADS_SEED_COLUMN_URL),
];

fn headers(columns: &[Column]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
}

/// `name=value` pairs in one cell: `count=49;share_pct_hoover=24`.
fn pairs(map: &std::collections::BTreeMap<String, Related>) -> String {
    map.iter()
        .map(|(key, value)| match value {
            Related::Number(n) => {
                format!("{key}={}", super::export::decimal(*n).unwrap_or_default())
            }
            Related::Text(t) => format!("{key}={t}"),
        })
        .collect::<Vec<_>>()
        .join(ITEMS)
}

/// The machine name of how far a fact was checked, as `data/facts.toml` spells it.
pub const fn fact_status_code(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Seed => "seed",
        FactStatus::SeedVerified => "seed_verified",
        FactStatus::SeedConflict => "seed_conflict",
        FactStatus::Supplementary => "supplementary",
    }
}

/// The machine name of a confidence, as `data/facts.toml` spells it.
pub const fn confidence_code(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Low => "low",
        Confidence::Medium => "medium",
        Confidence::High => "high",
    }
}

/// The machine name of a severity, as `data/facts.toml` spells it.
pub const fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// Every fact of one report of the pack, in file order.
pub fn facts_sheet(data: &Dataset, dataset: &str) -> Sheet {
    Sheet {
        headers: headers(&FACT_COLUMNS),
        rows: data
            .facts_of(dataset)
            .map(|f| {
                let (number, text) = match &f.value {
                    FactValue::Number(n) => (Some(*n), String::new()),
                    FactValue::Text(t) => (None, t.clone()),
                    FactValue::List(items) => (None, items.join(ITEMS)),
                };
                vec![
                    Cell::text(&f.id),
                    Cell::text(&f.dataset),
                    Cell::number(number),
                    Cell::text(text),
                    Cell::text(&f.unit),
                    Cell::Number(f64::from(f.year)),
                    Cell::text(f.qualifier.map_or("", qualifier_code)),
                    Cell::text(&f.population),
                    Cell::text(&f.source),
                    Cell::text(&f.url),
                    Cell::text(fact_status_code(f.status)),
                    Cell::text(confidence_code(f.confidence)),
                    Cell::text(&f.label_en),
                    Cell::text(&f.label_zh),
                    Cell::text(f.note.clone().unwrap_or_default()),
                    Cell::text(pairs(&f.values)),
                    Cell::text(pairs(&f.columns)),
                    Cell::text(&f.seed),
                ]
            })
            .collect(),
    }
}

/// The reports of the pack.
pub fn datasets_sheet(data: &Dataset) -> Sheet {
    Sheet {
        headers: headers(&DATASET_COLUMNS),
        rows: data
            .datasets
            .iter()
            .map(|d| {
                vec![
                    Cell::text(&d.key),
                    Cell::text(&d.name),
                    Cell::text(&d.publisher),
                    Cell::text(&d.url),
                    Cell::text(&d.description),
                    Cell::text(d.seeds.join(ITEMS)),
                ]
            })
            .collect(),
    }
}

/// Where the sources disagree.
pub fn discrepancies_sheet(data: &Dataset) -> Sheet {
    Sheet {
        headers: headers(&DISCREPANCY_COLUMNS),
        rows: data
            .discrepancies
            .iter()
            .map(|d| {
                vec![
                    Cell::text(&d.id),
                    Cell::text(severity_code(d.severity)),
                    Cell::text(d.facts.join(ITEMS)),
                    Cell::text(&d.description),
                ]
            })
            .collect(),
    }
}

/// The figures looked for and not found.
pub fn not_found_sheet(data: &Dataset) -> Sheet {
    Sheet {
        headers: headers(&NOT_FOUND_COLUMNS),
        rows: data
            .not_found
            .iter()
            .map(|n| vec![Cell::text(&n.key), Cell::text(&n.detail)])
            .collect(),
    }
}

/// The articles the atlas set out to check.
pub fn seeds_sheet(data: &Dataset) -> Sheet {
    Sheet {
        headers: headers(&SEED_COLUMNS),
        rows: data
            .seeds
            .iter()
            .map(|s| {
                [
                    &s.file,
                    &s.title,
                    &s.title_en,
                    &s.outlet,
                    &s.outlet_en,
                    &s.date,
                    &s.url,
                ]
                .into_iter()
                .map(Cell::text)
                .collect()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(chart: Chart) -> Vec<Record> {
        records(chart, Dataset::embedded(), Lang::En).expect("the chart's data")
    }

    fn find<'a>(records: &'a [Record], category: &str, series: &str) -> &'a Record {
        records
            .iter()
            .find(|r| r.category == category && r.series == series)
            .unwrap_or_else(|| panic!("no record {category}/{series}"))
    }

    #[test]
    fn the_top_100_has_stated_not_reported_and_derived_rows() {
        let rows = of(Chart::Top100);
        let us = find(&rows, "us", "");
        assert_eq!((us.value, us.status), (Some(71.0), CellKind::Stated));
        assert_eq!(
            (us.unit, us.year, us.sample),
            ("scholars", Some(2024), Some((100.0, false)))
        );
        assert_eq!(us.facts, ["sh24_top100_us_count"]);
        // Canada's count is not given: an empty value, never zero, tied to its rank.
        let ca = find(&rows, "ca", "");
        assert_eq!(
            (ca.value, ca.status, ca.qualifier),
            (None, CellKind::NotReported, None)
        );
        assert_eq!(ca.facts, ["sh24_top100_canada_rank"]);
        // 100 − 71 − 11 = 18, with its formula.
        let rest = find(&rows, "other_incl_ca", "");
        assert_eq!((rest.value, rest.status), (Some(18.0), CellKind::Derived));
        assert_eq!(rest.formula, "100 − 71 − 11");
        assert_eq!(rest.category_label, "Canada and all others");
    }

    #[test]
    fn a_change_chart_has_both_years_with_intervals_and_the_change() {
        let rows = of(Chart::Origin);
        // 29% of 675 (2019): Wilson 25.70% to 32.53% (worked in model::sampling).
        let cn19 = find(&rows, "cn", "y2019");
        assert_eq!((cn19.value, cn19.year), (Some(29.0), Some(2019)));
        assert_eq!(cn19.interval, Some((25.70, 32.53)));
        assert_eq!(cn19.sample, Some((675.0, false)));
        let cn22 = find(&rows, "cn", "y2022");
        assert_eq!(
            (cn22.value, cn22.sample),
            (Some(47.0), Some((867.0, false)))
        );
        // 47 − 29 = +18 points; Newcombe's interval about +13.3 to +22.6.
        let change = find(&rows, "cn", "change");
        assert_eq!(change.value, Some(18.0));
        assert_eq!((change.unit, change.year), ("percentage_points", None));
        assert_eq!(change.formula, "47 − 29");
        let (low, high) = change.interval.expect("both years from samples");
        assert!(
            low > 13.0 && low < 13.6 && high > 22.3 && high < 22.9,
            "{low} {high}"
        );
        assert_eq!(change.series_label, "Change, 2019 to 2022");
        // Both years of every place either edition reports; Iran only in 2019.
        let ir22 = find(&rows, "ir", "y2022");
        assert_eq!((ir22.value, ir22.status), (None, CellKind::NotReported));
        assert!(!rows
            .iter()
            .any(|r| r.category == "ir" && r.series == "change"));
    }

    #[test]
    fn subsample_sizes_are_marked_estimated_and_elite_has_no_change() {
        // 59% of 675 = 398.25, about 398 authors at US institutions in 2019.
        let rows = of(Chart::UsInst);
        assert_eq!(find(&rows, "cn", "y2019").sample, Some((398.0, true)));
        // The elite tier changed definition: two years, no change row.
        let elite = of(Chart::Elite);
        assert!(elite.iter().all(|r| r.series != "change"));
        assert_eq!(find(&elite, "us", "y2019").sample, None);
        assert_eq!(find(&elite, "us", "y2019").interval, None);
    }

    #[test]
    fn parts_and_bounds_keep_their_kind() {
        // Hoover: 201 − 111 − 49 = 41 authors whose path is not described.
        let rows = of(Chart::FindingDeepSeek);
        let rest = find(&rows, "other", "");
        assert_eq!((rest.value, rest.status), (Some(41.0), CellKind::Derived));
        assert_eq!(rest.formula, "201 − 111 − 49");
        assert_eq!(rest.sample, Some((201.0, false)));
        assert_eq!(rest.unit, "researchers");
        // 'Under 10,000' in 2015 is a bound, not a count.
        let pool = of(Chart::Pool);
        let cn15 = find(&pool, "cn_2015", "");
        assert_eq!(
            (cn15.value, cn15.status, cn15.qualifier, cn15.year),
            (
                Some(10000.0),
                CellKind::Bound,
                Some(Qualifier::Lt),
                Some(2015)
            )
        );
        // AI 2000, 2023: 1,079 / 2,000 × 100 = 53.95% (derived); 2022 not reported.
        let editions = of(Chart::Editions);
        let us23 = find(&editions, "y2023", "us");
        assert!((us23.value.unwrap() - 53.95).abs() < 1e-9);
        assert_eq!(us23.status, CellKind::Derived);
        assert_eq!(find(&editions, "y2022", "cn").status, CellKind::NotReported);
        assert_eq!(find(&editions, "y2022", "cn").year, Some(2022));
    }

    #[test]
    fn sources_name_the_fact_and_its_address() {
        let rows = of(Chart::FindingStay);
        let us = find(&rows, "us", "");
        assert!(us.source.starts_with("Carnegie Endowment"), "{}", us.source);
        assert!(
            us.source_url.contains("carnegieendowment.org"),
            "{}",
            us.source_url
        );
    }
}
