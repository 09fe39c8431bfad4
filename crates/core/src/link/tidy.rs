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
    Confidence, DiscrepancyKind, Fact, FactValue, Qualifier, Related, Severity,
    Status as FactStatus,
};
use crate::layout::change::{change_interval, interval, ChangeSeries, PartsSeries, Point};
use crate::layout::lines::{LinesSeries, TornadoSeries};
use crate::model::projection::Baseline;
use crate::model::sampling::Interval;
use crate::series::career_flows::{CareerFlow, DenominatorUnit};
use crate::series::cities::CityDegree;
use crate::series::display::CellKind;
use crate::series::regions::{region_key, CountryNetwork};
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

/// A code a column holds and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The code as the files write it.
    pub code: &'static str,
    /// What it means; `{code}` in the text is the code.
    pub meaning: Text,
}

impl Code {
    /// "code: meaning" in `lang`.
    pub fn line(self, lang: Lang) -> String {
        self.meaning.fill(lang, &[("code", self.code)])
    }
}

const fn code(code: &'static str, meaning: Text) -> Code {
    Code { code, meaning }
}

/// The codes of the chart files' `status`, `qualifier` and `unit` columns.
pub const CHART_CODES: [Code; 14] = [
    code(status_code(CellKind::Stated), copy::DOWNLOADS_CODE_STATED),
    code(status_code(CellKind::Derived), copy::DOWNLOADS_CODE_DERIVED),
    code(status_code(CellKind::Bound), copy::DOWNLOADS_CODE_BOUND),
    code(
        status_code(CellKind::NotReported),
        copy::DOWNLOADS_CODE_NOT_REPORTED,
    ),
    code(qualifier_code(Qualifier::Exact), copy::DOWNLOADS_CODE_EXACT),
    code(
        qualifier_code(Qualifier::Approx),
        copy::DOWNLOADS_CODE_APPROX,
    ),
    code(qualifier_code(Qualifier::Lt), copy::DOWNLOADS_CODE_LT),
    code(qualifier_code(Qualifier::Gt), copy::DOWNLOADS_CODE_GT),
    UNITS[0],
    UNITS[1],
    UNITS[2],
    UNITS[3],
    UNITS[4],
    UNITS[5],
];

/// The units a chart's records use.
pub const UNITS: [Code; 6] = [
    code("percent", copy::DOWNLOADS_CODE_PERCENT),
    code("percentage_points", copy::DOWNLOADS_CODE_PERCENTAGE_POINTS),
    code("scholars", copy::DOWNLOADS_CODE_SCHOLARS),
    code("researchers", copy::DOWNLOADS_CODE_RESEARCHERS),
    code("subfields", copy::DOWNLOADS_CODE_SUBFIELDS),
    code("weighted_degree", copy::DOWNLOADS_CODE_WEIGHTED_DEGREE),
];

const PERCENT: &str = UNITS[0].code;
const POINTS: &str = UNITS[1].code;
const RESEARCHERS: &str = UNITS[3].code;
const WEIGHTED_DEGREE: &str = UNITS[5].code;

/// The codes of the facts' `status` column.
pub const FACT_STATUS_CODES: [Code; 4] = [
    code(
        fact_status_code(FactStatus::Seed),
        copy::DOWNLOADS_CODE_SEED,
    ),
    code(
        fact_status_code(FactStatus::SeedVerified),
        copy::DOWNLOADS_CODE_SEED_VERIFIED,
    ),
    code(
        fact_status_code(FactStatus::SeedConflict),
        copy::DOWNLOADS_CODE_SEED_CONFLICT,
    ),
    code(
        fact_status_code(FactStatus::Supplementary),
        copy::DOWNLOADS_CODE_SUPPLEMENTARY,
    ),
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
        Unit::Percent => PERCENT,
        Unit::Scholars => UNITS[2].code,
        Unit::Researchers => RESEARCHERS,
        Unit::Subfields => UNITS[4].code,
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
            let name = fact.source(self.lang);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let source = if names.is_empty() {
            source_line(self.data, self.chart.datasets(), self.lang)
        } else {
            names.join(copy::LIST_SEPARATOR.get(self.lang))
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
            // The shares of change charts; the other charts set their own.
            unit: PERCENT,
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
        Series::Career(flow) => career_records(&maker, &flow),
        Series::CountryFlows(net) => region_flow_records(&maker, &net),
        Series::RegionNet(net) => region_net_records(&maker, &net),
        Series::CityNet(cities) => city_net_records(&maker, &cities),
        Series::CityDots(cities) => city_dot_records(&maker, &cities),
        Series::Lines(series) => lines_records(&maker, &series),
        Series::Tornado(series) => tornado_records(&maker, &series),
    })
}

/// A share (0 to 1) as a percentage to two decimals.
fn percent_of(share: f64) -> f64 {
    (share * 10_000.0).round() / 100.0
}

/// The projection of the default scenario, year by year, with its band, and the observed
/// points: modelled values are derived (the model's), observed ones stated.
fn lines_records(maker: &Maker, series: &LinesSeries) -> Vec<Record> {
    let mut out = Vec::new();
    for line in &series.lines {
        for (i, value) in line.values.iter().enumerate() {
            let mut record = maker.record(Some(percent_of(*value)), CellKind::Derived, Vec::new());
            record.category.clone_from(&line.key);
            record.category_label.clone_from(&line.label);
            record.series = "model".into();
            record.series_label = copy::WHATIF_MODEL.get(maker.lang).to_string();
            record.year = Some(series.start + i as u16);
            record.interval = line.band.as_ref().and_then(|(low, high)| {
                Some((percent_of(*low.get(i)?), percent_of(*high.get(i)?)))
            });
            record.formula = copy::DOWNLOADS_SCENARIO_DEFAULTS
                .get(maker.lang)
                .to_string();
            out.push(record);
        }
    }
    for o in &series.observed {
        let Some(line) = series.lines.get(o.line) else {
            continue;
        };
        let mut record = maker.record(Some(percent_of(o.value)), CellKind::Stated, Vec::new());
        record.category.clone_from(&line.key);
        record.category_label.clone_from(&line.label);
        record.series = "observed".into();
        record.series_label = copy::WHATIF_OBSERVED.get(maker.lang).to_string();
        record.year = Some(o.year);
        out.push(record);
    }
    out
}

/// The US share at the horizon with each slider at either end of its range.
fn tornado_records(maker: &Maker, series: &TornadoSeries) -> Vec<Record> {
    let mut out = Vec::new();
    for swing in &series.swings {
        for (key, end, outcome) in [
            ("low", &swing.ends.0, swing.outcome.0),
            ("high", &swing.ends.1, swing.outcome.1),
        ] {
            let mut record = maker.record(Some(percent_of(outcome)), CellKind::Derived, Vec::new());
            record.category.clone_from(&swing.key);
            record.category_label.clone_from(&swing.label);
            record.series = key.into();
            record.series_label.clone_from(end);
            record.formula.clone_from(&series.outcome);
            out.push(record);
        }
    }
    out
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

/// A figure in a formula: whole numbers without decimals, others with one.
fn figure(value: f64, lang: Lang) -> String {
    format::number(value, usize::from(value.fract().abs() > 1e-9), lang)
}

/// The change from `a` to `b` in percentage points, with Newcombe's interval.
fn change_record(maker: &Maker, a: &Point, b: &Point) -> Record {
    let n = |v: f64| figure(v, maker.lang);
    let mut record = maker.record(
        Some(b.value - a.value),
        CellKind::Derived,
        vec![a.fact.clone(), b.fact.clone()],
    );
    record.year = None;
    record.unit = POINTS;
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
                .and_then(|f| UNITS.iter().find(|u| u.code == f.unit))
                .map_or(RESEARCHERS, |u| u.code);
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

/// A career Sankey: one record per ribbon, from its source node (the category) to its
/// target (the series).
fn career_records(maker: &Maker, flow: &CareerFlow) -> Vec<Record> {
    let lang = maker.lang;
    let name = |id: &str| {
        flow.node(id)
            .map_or_else(String::new, |n| flow.text(n.label, lang))
    };
    let unit = match flow.denominator.unit {
        DenominatorUnit::People => RESEARCHERS,
        DenominatorUnit::Percent => PERCENT,
    };
    flow.links
        .iter()
        .map(|link| {
            let facts: Vec<String> = link.facts.iter().map(|f| f.to_string()).collect();
            let status = match &link.formula {
                Some(_) => CellKind::Derived,
                None => CellKind::of_stated(
                    facts
                        .first()
                        .and_then(|id| maker.data.fact(id))
                        .and_then(|f| f.qualifier),
                ),
            };
            let mut record = maker.record(Some(link.value), status, facts);
            record.category = link.source.to_string();
            record.category_label = name(link.source);
            record.series = link.target.to_string();
            record.series_label = name(link.target);
            record.unit = unit;
            record.sample = Some((flow.denominator.value, false));
            record.formula = link.formula.clone().unwrap_or_default();
            record
        })
        .collect()
}

/// Facts behind the region matrix, which the atlas estimates from MacroPolo's 2019 shares.
fn region_facts() -> Vec<String> {
    Baseline::sources().into_iter().map(String::from).collect()
}

/// The region Sankey: researchers per 100 of the pool, from region of study (the
/// category) to region of work (the series).
fn region_flow_records(maker: &Maker, net: &CountryNetwork) -> Vec<Record> {
    let lang = maker.lang;
    net.flows
        .iter()
        .map(|f| {
            let mut record = maker.record(Some(f.value), CellKind::Derived, region_facts());
            record.category = region_key(f.origin).to_string();
            record.category_label = f.origin.label(lang).to_string();
            record.series = region_key(f.work).to_string();
            record.series_label = f.work.label(lang).to_string();
            record.year = Some(net.year);
            record.formula = copy::DOWNLOADS_REGION_ESTIMATE.get(lang).to_string();
            record
        })
        .collect()
}

/// The net flow of each region: those working there less those who studied there, per
/// 100 of the pool.
fn region_net_records(maker: &Maker, net: &CountryNetwork) -> Vec<Record> {
    let n = |v: f64| figure(v, maker.lang);
    net.metrics
        .iter()
        .map(|m| {
            let mut record = maker.record(Some(m.net), CellKind::Derived, region_facts());
            record.category = region_key(m.region).to_string();
            record.category_label = m.region.label(maker.lang).to_string();
            record.year = Some(net.year);
            record.unit = POINTS;
            record.formula = format!("{} − {}", n(m.working), n(m.studied));
            record
        })
        .collect()
}

fn city_record(maker: &Maker, city: &CityDegree, value: f64, status: CellKind) -> Record {
    let mut record = maker.record(Some(value), status, vec![city.fact_id.clone()]);
    record.category.clone_from(&city.fact_id);
    record.category_label = match maker.lang {
        Lang::En => city.city_en.clone(),
        Lang::Zh => city.city_zh.clone(),
    };
    record.unit = WEIGHTED_DEGREE;
    record
}

/// The net flow of each city of Table 2, as the app computes it from the row.
fn city_net_records(maker: &Maker, cities: &[CityDegree]) -> Vec<Record> {
    let n = |v: f64| figure(v, maker.lang);
    cities
        .iter()
        .map(|c| {
            let mut record = city_record(maker, c, c.net_computed, CellKind::Derived);
            record.formula = format!("{} − {}", n(c.dwi), n(c.dwo));
            record
        })
        .collect()
}

/// The arrivals and departures of each city of Table 2, as the table states them.
fn city_dot_records(maker: &Maker, cities: &[CityDegree]) -> Vec<Record> {
    let mut out = Vec::new();
    for c in cities {
        for (key, label, value) in [
            ("arrivals", copy::FLOWS_ARRIVALS, c.dwi),
            ("departures", copy::FLOWS_DEPARTURES, c.dwo),
        ] {
            let qualifier = maker.data.fact(&c.fact_id).and_then(|f| f.qualifier);
            let mut record = city_record(maker, c, value, CellKind::of_stated(qualifier));
            record.series = key.to_string();
            record.series_label = label.get(maker.lang).to_string();
            out.push(record);
        }
    }
    out
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
pub const FACT_COLUMNS: [Column; 23] = [
    column("id", copy::DOWNLOADS_FACT_COLUMN_ID),
    column("dataset", copy::DOWNLOADS_FACT_COLUMN_DATASET),
    column("value", copy::DOWNLOADS_FACT_COLUMN_VALUE),
    column("value_text", copy::DOWNLOADS_FACT_COLUMN_VALUE_TEXT),
    column("unit", copy::DOWNLOADS_FACT_COLUMN_UNIT),
    column("year", copy::DOWNLOADS_FACT_COLUMN_YEAR),
    column("qualifier", copy::DOWNLOADS_FACT_COLUMN_QUALIFIER),
    column("population_en", copy::DOWNLOADS_FACT_COLUMN_POPULATION_EN),
    column("population_zh", copy::DOWNLOADS_FACT_COLUMN_POPULATION_ZH),
    column("source_en", copy::DOWNLOADS_FACT_COLUMN_SOURCE_EN),
    column("source_zh", copy::DOWNLOADS_FACT_COLUMN_SOURCE_ZH),
    column("url", copy::DOWNLOADS_FACT_COLUMN_URL),
    column("status", copy::DOWNLOADS_FACT_COLUMN_STATUS),
    column("confidence", copy::DOWNLOADS_FACT_COLUMN_CONFIDENCE),
    column("label_en", copy::DOWNLOADS_FACT_COLUMN_LABEL_EN),
    column("label_zh", copy::DOWNLOADS_FACT_COLUMN_LABEL_ZH),
    column(
        "reader_label_en",
        copy::DOWNLOADS_FACT_COLUMN_READER_LABEL_EN,
    ),
    column(
        "reader_label_zh",
        copy::DOWNLOADS_FACT_COLUMN_READER_LABEL_ZH,
    ),
    column("note_en", copy::DOWNLOADS_FACT_COLUMN_NOTE_EN),
    column("note_zh", copy::DOWNLOADS_FACT_COLUMN_NOTE_ZH),
    column("values", copy::DOWNLOADS_FACT_COLUMN_VALUES),
    column("columns", copy::DOWNLOADS_FACT_COLUMN_COLUMNS),
    column("seed", copy::DOWNLOADS_FACT_COLUMN_SEED),
];

/// The numeric columns of a facts sheet.
pub const NUMERIC_FACT_COLUMNS: [&str; 2] = ["value", "year"];

/// The columns of `pack/discrepancies.csv`.
pub const DISCREPANCY_COLUMNS: [Column; 8] = [
    column("id", copy::DOWNLOADS_DISCREPANCY_COLUMN_ID),
    column("severity", copy::DOWNLOADS_DISCREPANCY_COLUMN_SEVERITY),
    column("kind", copy::DOWNLOADS_DISCREPANCY_COLUMN_KIND),
    column("facts", copy::DOWNLOADS_DISCREPANCY_COLUMN_FACTS),
    column("title_en", copy::DOWNLOADS_DISCREPANCY_COLUMN_TITLE_EN),
    column("title_zh", copy::DOWNLOADS_DISCREPANCY_COLUMN_TITLE_ZH),
    column(
        "description_en",
        copy::DOWNLOADS_DISCREPANCY_COLUMN_DESCRIPTION_EN,
    ),
    column(
        "description_zh",
        copy::DOWNLOADS_DISCREPANCY_COLUMN_DESCRIPTION_ZH,
    ),
];

/// The columns of `pack/not-found.csv`.
pub const NOT_FOUND_COLUMNS: [Column; 3] = [
    column("key", copy::DOWNLOADS_NOT_FOUND_COLUMN_KEY),
    column("detail_en", copy::DOWNLOADS_NOT_FOUND_COLUMN_DETAIL_EN),
    column("detail_zh", copy::DOWNLOADS_NOT_FOUND_COLUMN_DETAIL_ZH),
];

/// The columns of `pack/datasets.csv`.
pub const DATASET_COLUMNS: [Column; 11] = [
    column("key", copy::DOWNLOADS_DATASET_COLUMN_KEY),
    column("name_en", copy::DOWNLOADS_DATASET_COLUMN_NAME_EN),
    column("name_zh", copy::DOWNLOADS_DATASET_COLUMN_NAME_ZH),
    column("publisher_en", copy::DOWNLOADS_DATASET_COLUMN_PUBLISHER_EN),
    column("publisher_zh", copy::DOWNLOADS_DATASET_COLUMN_PUBLISHER_ZH),
    column("credit_en", copy::DOWNLOADS_DATASET_COLUMN_CREDIT_EN),
    column("credit_zh", copy::DOWNLOADS_DATASET_COLUMN_CREDIT_ZH),
    column(
        "description_en",
        copy::DOWNLOADS_DATASET_COLUMN_DESCRIPTION_EN,
    ),
    column(
        "description_zh",
        copy::DOWNLOADS_DATASET_COLUMN_DESCRIPTION_ZH,
    ),
    column("url", copy::DOWNLOADS_DATASET_COLUMN_URL),
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

/// The machine name of a kind of discrepancy, as `data/reader/pack.toml` spells it.
pub const fn kind_code(kind: DiscrepancyKind) -> &'static str {
    match kind {
        DiscrepancyKind::Contradiction => "contradiction",
        DiscrepancyKind::Denominator => "denominator",
        DiscrepancyKind::Bound => "bound",
        DiscrepancyKind::Definition => "definition",
        DiscrepancyKind::Rounding => "rounding",
        DiscrepancyKind::Unplaced => "unplaced",
        DiscrepancyKind::Consistent => "consistent",
        DiscrepancyKind::Unverified => "unverified",
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
                let both = |text: &dyn Fn(Lang) -> String| {
                    [Cell::text(text(Lang::En)), Cell::text(text(Lang::Zh))]
                };
                let mut row = vec![
                    Cell::text(&f.id),
                    Cell::text(&f.dataset),
                    Cell::number(number),
                    Cell::text(text),
                    Cell::text(&f.unit),
                    Cell::Number(f64::from(f.year)),
                    Cell::text(f.qualifier.map_or("", qualifier_code)),
                ];
                row.extend(both(&|l| f.population(l).to_string()));
                row.extend(both(&|l| f.source(l).to_string()));
                row.extend([
                    Cell::text(&f.url),
                    Cell::text(fact_status_code(f.status)),
                    Cell::text(confidence_code(f.confidence)),
                    Cell::text(&f.label_en),
                    Cell::text(&f.label_zh),
                ]);
                row.extend(both(&|l| f.label(l).to_string()));
                row.extend(both(&|l| f.note(l).unwrap_or_default().to_string()));
                row.extend([
                    Cell::text(pairs(&f.values)),
                    Cell::text(pairs(&f.columns)),
                    Cell::text(&f.seed),
                ]);
                row
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
                let mut row = vec![Cell::text(&d.key)];
                for text in [&d.name, &d.publisher, &d.credit, &d.description] {
                    row.extend([Cell::text(&text.en), Cell::text(&text.zh)]);
                }
                row.extend([Cell::text(&d.url), Cell::text(d.seeds.join(ITEMS))]);
                row
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
                    Cell::text(kind_code(d.kind)),
                    Cell::text(d.facts.join(ITEMS)),
                    Cell::text(&d.title.en),
                    Cell::text(&d.title.zh),
                    Cell::text(&d.description.en),
                    Cell::text(&d.description.zh),
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
            .map(|n| {
                vec![
                    Cell::text(&n.key),
                    Cell::text(&n.detail.en),
                    Cell::text(&n.detail.zh),
                ]
            })
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
    fn flows_have_a_record_per_ribbon_and_row() {
        // Carnegie: of the 10 now in China, 2 + 2 + 5 are described: 10 − 2 − 2 − 5 = 1.
        let carnegie = of(Chart::CareersCarnegie);
        let rest = find(&carnegie, "cg_cn", "cg_cn_nr");
        assert_eq!((rest.value, rest.status), (Some(1.0), CellKind::Derived));
        assert_eq!(
            (rest.unit, rest.sample),
            ("researchers", Some((100.0, false)))
        );
        assert_eq!(find(&carnegie, "cg_2019", "cg_us").value, Some(87.0));
        // Table 2, Beijing: Dwi 14 − Dwo 33 = −19, and both degrees as stated.
        let net = of(Chart::CityNet);
        let beijing = find(&net, "sh24_t2_beijing", "");
        assert_eq!(
            (beijing.value, beijing.formula.as_str()),
            (Some(-19.0), "14 − 33")
        );
        assert_eq!(beijing.unit, "weighted_degree");
        let dots = of(Chart::CityDots);
        assert_eq!(find(&dots, "sh24_t2_beijing", "arrivals").value, Some(14.0));
        assert_eq!(
            find(&dots, "sh24_t2_beijing", "departures").value,
            Some(33.0)
        );
        // MacroPolo 2019: the US employs 59 per 100 and trained 20: net +39 points.
        let regions = of(Chart::RegionNet);
        let us = find(&regions, "us", "");
        assert!((us.value.unwrap() - 39.0).abs() < 1e-9, "{:?}", us.value);
        assert_eq!(us.formula, "59 − 20");
        // The region matrix is the atlas's estimate: derived, summing to the pool of 100.
        let flows = of(Chart::CountryFlows);
        let total: f64 = flows.iter().filter_map(|r| r.value).sum();
        assert!((total - 100.0).abs() < 1e-9, "{total}");
        assert!(flows.iter().all(|r| r.status == CellKind::Derived));
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
