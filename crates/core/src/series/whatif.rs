//! What the What-if page says about a scenario, in one language: the sliders' values, the
//! sentence with ranges, the figures at the horizon, the comparison with a pinned
//! baseline, the back-test, and the series of its two charts. The page baker writes the
//! defaults' texts and the app rewrites them as the sliders move, from these same
//! functions, so the page does not change when the app takes over.

use crate::copy::{self, Text};
use crate::format;
use crate::layout::lines::{LineSeries, LinesSeries, Observed, Swing, TornadoSeries};
use crate::model::projection::{
    Banded, Measure, Model, Output, Param, Preset, Region, Scenario, RETENTION_VIEW_YEARS,
};
use crate::series::place::Place;
use crate::{Dataset, Lang};

/// A share (0 to 1) as a whole percentage: "42%".
pub fn pct(share: f64, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &format::number(share * 100.0, 0, lang))])
}

/// A share (0 to 1) with one decimal: "97.7%".
pub fn pct1(share: f64, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &format::number(share * 100.0, 1, lang))])
}

/// A slider's value in slider units (percent for shares, years for the horizon).
pub fn slider_value(param: Param, scenario: &Scenario) -> f64 {
    let v = scenario.get(param);
    match param {
        Param::EndYear => v,
        _ => v * 100.0,
    }
}

/// A slider's step and range in slider units.
pub fn slider_range(param: Param) -> (f64, f64, f64) {
    let (lo, hi) = param.range();
    let step = param.step();
    match param {
        Param::EndYear => (lo, hi, 1.0),
        _ => (lo * 100.0, hi * 100.0, step * 100.0),
    }
}

/// The model value of a slider position.
pub fn from_slider(param: Param, value: f64) -> f64 {
    match param {
        Param::EndYear => value.round(),
        _ => value / 100.0,
    }
}

/// A slider's value as text: "97.7% a year · 87.0% over 6 years", "34%", "2040".
pub fn value_text(param: Param, scenario: &Scenario, lang: Lang) -> String {
    let v = scenario.get(param);
    match param {
        Param::EndYear => format!("{}", scenario.end_year()),
        Param::RetentionUsChina => copy::WHATIF_RETENTION_VALUE.fill(
            lang,
            &[
                ("per_year", &pct1(v, lang)),
                ("six", &pct1(scenario.us_retention_china_six_years(), lang)),
                ("years", &RETENTION_VIEW_YEARS.to_string()),
            ],
        ),
        Param::Growth => copy::WHATIF_GROWTH_VALUE.fill(lang, &[("n", &pct(v, lang))]),
        _ => pct(v, lang),
    }
}

/// The parameters a reader sets (the sliders) as (name, value as its slider prints it),
/// for the citation and the export frame of a scenario.
pub fn parameters(scenario: &Scenario, lang: Lang) -> Vec<(String, String)> {
    let s = scenario.rounded();
    Param::sliders()
        .map(|p| (p.label(lang).to_string(), value_text(p, &s, lang)))
        .collect()
}

/// The help line under a slider.
pub fn hint(param: Param, data: &Dataset, lang: Lang) -> Option<String> {
    let n = |id: &str| {
        data.number(id)
            .map_or_else(String::new, |v| format::number(v, 0, lang))
    };
    match param {
        Param::RetentionUsChina => Some(copy::WHATIF_HINT_R.fill(
            lang,
            &[
                ("stayed", &n("cg25_still_us")),
                ("cohort", &n("cg25_cohort_size")),
                ("years", &RETENTION_VIEW_YEARS.to_string()),
            ],
        )),
        Param::Growth => Some(copy::WHATIF_HINT_G.get(lang).to_string()),
        Param::EndYear => Some(copy::WHATIF_HINT_END.get(lang).to_string()),
        _ => None,
    }
}

/// The sentence of a banded run: the US and China shares at the horizon with their
/// ranges, and how often China passes the US in the draws.
pub fn sentence(banded: &Banded, lang: Lang) -> String {
    let get = |o: Output| banded.horizon.iter().find(|h| h.output == o).copied();
    let (Some(us), Some(cn)) = (
        get(Output::WorkShare(Region::Us)),
        get(Output::WorkShare(Region::China)),
    ) else {
        return String::new();
    };
    let whole = |v: f64| format::number(v * 100.0, 0, lang);
    let mut text = copy::WHATIF_SENTENCE.fill(
        lang,
        &[
            ("year", &banded.projection.last().year.to_string()),
            ("us_low", &whole(us.low)),
            ("us_high", &whole(us.high)),
            ("us", &pct(us.central, lang)),
            ("cn_low", &whole(cn.low)),
            ("cn_high", &whole(cn.high)),
            ("cn", &pct(cn.central, lang)),
        ],
    );
    if banded.crossover_share > 0.0 {
        text.push(' ');
        if lang == Lang::Zh {
            text.pop();
        }
        text.push_str(
            &copy::WHATIF_CROSSOVER.fill(lang, &[("share", &pct(banded.crossover_share, lang))]),
        );
    }
    text
}

/// One figure at the horizon: its name and its value with range.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Stable key (`data-result`).
    pub key: &'static str,
    /// What it is.
    pub name: String,
    /// Its value and range.
    pub value: String,
}

/// The figures at the horizon the page lists.
pub fn results(data: &Dataset, banded: &Banded, lang: Lang) -> Vec<Figure> {
    let get = |o: Output| banded.horizon.iter().find(|h| h.output == o).copied();
    let whole = |v: f64| format::number(v * 100.0, 0, lang);
    let cohort = data
        .number("cg25_cohort_size")
        .map_or_else(String::new, |v| format::number(v, 0, lang));
    let mut out = Vec::new();
    if let Some(h) = get(Output::ChinaOriginShareOfUs) {
        out.push(Figure {
            key: "china-origin",
            name: copy::WHATIF_RESULT_CHINA_ORIGIN.get(lang).to_string(),
            value: copy::WHATIF_SHARE_RANGE.fill(
                lang,
                &[
                    ("low", &whole(h.low)),
                    ("high", &whole(h.high)),
                    ("central", &pct(h.central, lang)),
                ],
            ),
        });
    }
    if let Some(h) = get(Output::Cohort(Region::Us)) {
        let people = |v: f64| format::number(v.round(), 0, lang);
        out.push(Figure {
            key: "cohort",
            name: copy::WHATIF_RESULT_COHORT.fill(lang, &[("cohort", &cohort)]),
            value: copy::WHATIF_PEOPLE_RANGE.fill(
                lang,
                &[
                    ("low", &people(h.low)),
                    ("high", &people(h.high)),
                    ("central", &people(h.central)),
                ],
            ),
        });
    }
    if let Some(h) = get(Output::Size) {
        let index = |v: f64| format::number(v, 0, lang);
        out.push(Figure {
            key: "size",
            name: copy::WHATIF_RESULT_SIZE.get(lang).to_string(),
            value: copy::WHATIF_INDEX_VALUE.fill(
                lang,
                &[
                    ("low", &index(h.low)),
                    ("high", &index(h.high)),
                    ("central", &index(h.central)),
                ],
            ),
        });
    }
    out
}

/// The name of a region of the model.
pub fn region_name(region: Region) -> Text {
    match region {
        Region::Us => copy::WHATIF_US,
        Region::China => copy::WHATIF_CHINA,
        Region::Rest => copy::WHATIF_REST,
    }
}

fn place(region: Region) -> Place {
    match region {
        Region::Us => Place::Us,
        Region::China => Place::China,
        Region::Rest => Place::Rest,
    }
}

/// The line chart's series: the work shares with their band, the observed 2019 and 2022
/// points, and the pinned baseline as ghost lines.
pub fn lines(model: &Model, banded: &Banded, baseline: Option<&Banded>, lang: Lang) -> LinesSeries {
    let points = &banded.projection.points;
    let start = points.first().map_or(2019, |p| p.year);
    let lines = Region::ALL
        .into_iter()
        .map(|r| {
            let output = Output::WorkShare(r);
            LineSeries {
                key: place(r).code().to_string(),
                label: region_name(r).get(lang).to_string(),
                place: place(r),
                values: points.iter().map(|p| p.share(r)).collect(),
                band: Some((
                    banded.band.iter().map(|b| b.get(output).low).collect(),
                    banded.band.iter().map(|b| b.get(output).high).collect(),
                )),
                baseline: baseline
                    .map(|b| b.projection.points.iter().map(|p| p.share(r)).collect()),
            }
        })
        .collect();
    let observed = model
        .calibration()
        .fit
        .iter()
        .filter_map(|row| match row.measure {
            Measure::WorkShare(r) => Some(Observed {
                year: row.year,
                line: r.index(),
                value: row.observed,
            }),
            _ => None,
        })
        .collect();
    LinesSeries {
        start,
        lines,
        observed,
        observed_by: copy::WHATIF_OBSERVED_BY.get(lang).to_string(),
    }
}

/// The tornado of the US share at the horizon.
pub fn tornado(model: &Model, scenario: &Scenario, lang: Lang) -> TornadoSeries {
    let centre = model.project(scenario).last().share(Region::Us);
    let mut bars = model.tornado(scenario);
    bars.sort_by(|a, b| {
        let swing = |t: &crate::model::projection::TornadoBar| (t.at_high[0] - t.at_low[0]).abs();
        swing(b).total_cmp(&swing(a))
    });
    let end = |param: Param, v: f64| value_text(param, &scenario.with(param, v), lang);
    TornadoSeries {
        outcome: copy::WHATIF_US_SHARE_2040
            .fill(lang, &[("year", &scenario.end_year().to_string())]),
        centre,
        place: Place::Us,
        swings: bars
            .iter()
            .filter(|b| b.param != Param::EndYear)
            .map(|b| Swing {
                key: b.param.key().to_string(),
                label: b.param.label(lang).to_string(),
                ends: (end(b.param, b.low), end(b.param, b.high)),
                outcome: (b.at_low[0], b.at_high[0]),
            })
            .collect(),
    }
}

/// The largest swing of the US share among the first-job sliders and the retention
/// slider, in whole percentage points, for the page's introduction.
pub fn levers(model: &Model, scenario: &Scenario) -> (f64, f64) {
    let bars = model.tornado(scenario);
    let swing = |params: &[Param]| {
        bars.iter()
            .filter(|b| params.contains(&b.param))
            .map(|b| 100.0 * (b.at_high[0] - b.at_low[0]).abs())
            .fold(0.0, f64::max)
            .round()
    };
    (
        swing(&[Param::ChinaToUs, Param::ChinaStay]),
        swing(&[Param::RetentionUsChina]),
    )
}

/// The name of a back-test figure.
pub fn measure_name(measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::WorkShare(r) => {
            copy::BACKTEST_WORK.fill(lang, &[("place", region_name(r).get(lang))])
        }
        Measure::ChinaOriginShareOfUs => copy::BACKTEST_CHINA_ORIGIN_OF_US.get(lang).to_string(),
        Measure::UsOriginShareOfUs => copy::BACKTEST_US_ORIGIN_OF_US.get(lang).to_string(),
        Measure::OriginShare(r) => {
            copy::BACKTEST_ORIGIN.fill(lang, &[("place", region_name(r).get(lang))])
        }
    }
}

/// The back-test of a scenario: one row per figure and year (2022 only: 2019 is the
/// start and equal by construction), model, observed and error.
pub fn backtest_rows(model: &Model, scenario: &Scenario, lang: Lang) -> Vec<[String; 4]> {
    let test = model.backtest(scenario);
    test.rows
        .iter()
        .filter(|r| r.year == test.year)
        .map(|r| {
            [
                measure_name(r.measure, lang),
                pct1(r.model, lang),
                pct(r.observed, lang),
                crate::layout::change::points_text(100.0 * (r.model - r.observed), lang),
            ]
        })
        .collect()
}

/// Carnegie's cohort: the model against what Carnegie found.
pub fn carnegie_line(data: &Dataset, model: &Model, scenario: &Scenario, lang: Lang) -> String {
    let c = model.carnegie_check(scenario);
    let n = |v: f64| format::number(v, 0, lang);
    let start = data.fact("cg25_cohort_size").map_or(2019, |f| f.year);
    copy::WHATIF_CARNEGIE.fill(
        lang,
        &[
            ("cohort", &n(c.cohort)),
            ("start", &start.to_string()),
            ("end", &(start + c.years).to_string()),
            ("us", &c.whole[0].to_string()),
            ("cn", &c.whole[1].to_string()),
            ("rest", &c.whole[2].to_string()),
            ("o_us", &n(c.observed[0])),
            ("o_cn", &n(c.observed[1])),
            ("o_rest", &n(c.observed[2])),
        ],
    )
}

/// The values the calibration found, named.
pub fn calibrated_line(model: &Model, lang: Lang) -> String {
    let c = &model.calibration().values;
    let items: Vec<String> = [
        (Param::Exit, c.exit),
        (Param::OriginChina, c.origin_china),
        (Param::ChinaToUs, c.china_to_us),
        (Param::ChinaStay, c.china_stay),
    ]
    .into_iter()
    .map(|(p, v)| {
        copy::WHATIF_VALUE_OF.fill(lang, &[("name", p.label(lang)), ("value", &pct1(v, lang))])
    })
    .collect();
    copy::WHATIF_CALIBRATED.fill(
        lang,
        &[("values", &items.join(copy::LIST_SEPARATOR.get(lang)))],
    )
}

/// What a preset sets, each change as "name: from → to", hidden parameters marked.
pub fn preset_changes(
    model: &Model,
    preset: Preset,
    scenario: &Scenario,
    lang: Lang,
) -> Vec<String> {
    preset
        .changes(model, scenario)
        .into_iter()
        .map(|c| {
            let from = value_text(c.param, &scenario.with(c.param, c.old), lang);
            let to = value_text(c.param, &scenario.with(c.param, c.new), lang);
            let mut line = copy::WHATIF_SETS.fill(
                lang,
                &[("param", c.param.label(lang)), ("from", &from), ("to", &to)],
            );
            if !c.param.is_slider() {
                // Chinese takes no space before its full-width parenthesis.
                if lang == Lang::En {
                    line.push(' ');
                }
                line.push_str(copy::WHATIF_HIDDEN.get(lang));
            }
            line
        })
        .collect()
}

/// The rows of the comparison with a pinned baseline: the work shares, the China-origin
/// share of US-based researchers and Carnegie's cohort in the US.
pub fn compare_rows(
    data: &Dataset,
    model: &Model,
    scenario: &Scenario,
    baseline: &Scenario,
    lang: Lang,
) -> (u16, Vec<[String; 4]>) {
    let c = model.compare(scenario, baseline);
    let cohort = data
        .number("cg25_cohort_size")
        .map_or_else(String::new, |v| format::number(v, 0, lang));
    let rows = c
        .rows
        .iter()
        .filter(|d| {
            !matches!(
                d.output,
                Output::Size | Output::Cohort(Region::China | Region::Rest)
            )
        })
        .map(|d| {
            let (name, a, b, diff) = match d.output {
                Output::WorkShare(r) => (
                    copy::BACKTEST_WORK.fill(lang, &[("place", region_name(r).get(lang))]),
                    pct(d.scenario, lang),
                    pct(d.baseline, lang),
                    crate::layout::change::points_text(100.0 * d.difference, lang),
                ),
                Output::ChinaOriginShareOfUs => (
                    copy::WHATIF_RESULT_CHINA_ORIGIN.get(lang).to_string(),
                    pct(d.scenario, lang),
                    pct(d.baseline, lang),
                    crate::layout::change::points_text(100.0 * d.difference, lang),
                ),
                _ => (
                    copy::WHATIF_RESULT_COHORT.fill(lang, &[("cohort", &cohort)]),
                    format::number(d.scenario, 0, lang),
                    format::number(d.baseline, 0, lang),
                    format::number(d.difference, 0, lang),
                ),
            };
            [name, a, b, diff]
        })
        .collect();
    (c.year, rows)
}
