//! Line charts of shares over years, with a band around each line, observed points, a
//! pinned baseline drawn as a ghost, labels at the line ends, and a tooltip per year; and
//! tornado charts of how far each parameter moves an outcome.

use super::measure::text_width;
use super::rows::nice_ticks;
use super::text::spread;
use super::tip::Tip;
use super::width::WidthClass;
use crate::copy;
use crate::format;
use crate::series::place::Place;
use crate::Lang;

/// Sizes of a line chart, in design pixels.
pub mod size {
    /// Axis text.
    pub const TICK: f64 = 12.0;
    /// End labels.
    pub const LABEL: f64 = 13.0;
    /// Line height of an end label.
    pub const LINE: f64 = 16.0;
    /// Room above the plot.
    pub const TOP: f64 = 14.0;
    /// Room below the plot for the year axis.
    pub const BOTTOM: f64 = 28.0;
}

/// One line: a share (0 to 1) per year, with the band of its uncertainty.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    /// Stable key (`us`, `cn`, `rest`).
    pub key: String,
    /// Name in the reader's language.
    pub label: String,
    /// Its colour.
    pub place: Place,
    /// One share per year from the chart's first year.
    pub values: Vec<f64>,
    /// The band's low and high per year, if the line has one.
    pub band: Option<(Vec<f64>, Vec<f64>)>,
    /// A pinned baseline's values, drawn as a ghost line.
    pub baseline: Option<Vec<f64>>,
}

/// An observed share, drawn as a hollow diamond.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    /// Year.
    pub year: u16,
    /// Index of the line it belongs to.
    pub line: usize,
    /// Share (0 to 1).
    pub value: f64,
}

/// What a line chart plots, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct LinesSeries {
    /// The first year.
    pub start: u16,
    /// The lines.
    pub lines: Vec<LineSeries>,
    /// Observed points.
    pub observed: Vec<Observed>,
    /// Who observed them ("MacroPolo").
    pub observed_by: String,
}

/// An end label of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct EndLabel {
    /// Which line.
    pub line: usize,
    /// Left end and vertical centre of its first line of text.
    pub at: (f64, f64),
    /// Name, then the last value.
    pub lines: Vec<String>,
    /// The y of the line's last point, for a short leader.
    pub from_y: f64,
}

/// A line chart laid out at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct LinesPlan {
    /// Design width.
    pub width: f64,
    /// Design height.
    pub height: f64,
    /// The plot: left, right, top, bottom.
    pub plot: [f64; 4],
    /// First and last year.
    pub years: (u16, u16),
    /// Share at the top of the plot (0 to 1).
    pub top_share: f64,
    /// Share ticks: y and text.
    pub y_ticks: Vec<(f64, String)>,
    /// Year ticks: x and text.
    pub x_ticks: Vec<(f64, String)>,
    /// Each line as points, its band as a polygon, its baseline as points.
    pub lines: Vec<LineMark>,
    /// Observed points: centre and line.
    pub observed: Vec<((f64, f64), usize)>,
    /// End labels.
    pub labels: Vec<EndLabel>,
    /// One tooltip per year, in year order.
    pub tips: Vec<Tip>,
}

/// One line of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct LineMark {
    /// Colour.
    pub place: Place,
    /// The line.
    pub points: Vec<(f64, f64)>,
    /// The band: the high edge left to right, then the low edge right to left.
    pub band: Option<Vec<(f64, f64)>>,
    /// The pinned baseline.
    pub baseline: Option<Vec<(f64, f64)>>,
}

fn percent(share: f64, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &format::number(share * 100.0, 0, lang))])
}

impl LinesPlan {
    /// Lays out `series` at `class`'s design width; the height follows from the width.
    pub fn new(series: &LinesSeries, lang: Lang, class: WidthClass) -> LinesPlan {
        let width = class.design_width();
        let height = (width * 0.56).clamp(230.0, 400.0);
        let years = series
            .lines
            .iter()
            .map(|l| l.values.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let end = series.start + (years - 1) as u16;
        let highest = series
            .lines
            .iter()
            .flat_map(|l| {
                l.values
                    .iter()
                    .chain(l.band.iter().flat_map(|(_, high)| high.iter()))
                    .chain(l.baseline.iter().flatten())
            })
            .chain(series.observed.iter().map(|o| &o.value))
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let ticks = nice_ticks((highest * 100.0).max(10.0), 4);
        let top_share = ticks.last().copied().unwrap_or(100.0) / 100.0;
        // Room on the right for the end labels: the widest name or value.
        let widest = series
            .lines
            .iter()
            .map(|l| {
                text_width(&l.label, size::LABEL, true).max(text_width("100%", size::LABEL, false))
            })
            .fold(0.0, f64::max);
        let left = text_width("100%", size::TICK, false) + 8.0;
        let right = width - widest - 14.0;
        let (top, bottom) = (size::TOP, height - size::BOTTOM);
        let x = |i: usize| left + (right - left) * i as f64 / (years - 1).max(1) as f64;
        let y = |share: f64| bottom - (bottom - top) * (share / top_share).clamp(0.0, 1.0);
        let to_points = |values: &[f64]| -> Vec<(f64, f64)> {
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (x(i), y(*v)))
                .collect()
        };
        let lines: Vec<LineMark> = series
            .lines
            .iter()
            .map(|l| LineMark {
                place: l.place,
                points: to_points(&l.values),
                band: l.band.as_ref().map(|(low, high)| {
                    let mut polygon = to_points(high);
                    polygon.extend(to_points(low).into_iter().rev());
                    polygon
                }),
                baseline: l.baseline.as_deref().map(to_points),
            })
            .collect();
        // End labels: name and last value, spread apart so they never overlap.
        let wanted: Vec<f64> = lines
            .iter()
            .map(|l| l.points.last().map_or(bottom, |p| p.1))
            .collect();
        let heights = vec![size::LINE * 2.0; lines.len()];
        let tops = spread(&wanted, &heights, 2.0, 0.0, height - size::BOTTOM + 10.0);
        let labels = series
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| EndLabel {
                line: i,
                at: (right + 10.0, tops[i] + size::LINE / 2.0),
                lines: vec![
                    l.label.clone(),
                    l.values
                        .last()
                        .map_or_else(String::new, |v| percent(*v, lang)),
                ],
                from_y: wanted[i],
            })
            .collect();
        let step = if width < 400.0 { 5 } else { 2 };
        let x_ticks = (0..years)
            .filter(|i| i % step == 0 || *i == years - 1)
            .filter(|i| *i == years - 1 || (years - 1 - i) > step / 2 || years <= step)
            .map(|i| (x(i), (series.start + i as u16).to_string()))
            .collect();
        let y_ticks = ticks
            .iter()
            .map(|t| (y(t / 100.0), percent(t / 100.0, lang)))
            .collect();
        let tips = (0..years)
            .map(|i| {
                let year = series.start + i as u16;
                let values: Vec<String> = series
                    .lines
                    .iter()
                    .map(|l| {
                        let value = l
                            .values
                            .get(i)
                            .map_or_else(String::new, |v| percent(*v, lang));
                        match l
                            .band
                            .as_ref()
                            .and_then(|(low, high)| Some((low.get(i)?, high.get(i)?)))
                        {
                            Some((low, high)) => copy::LINES_VALUE_RANGE.fill(
                                lang,
                                &[
                                    ("name", &l.label),
                                    ("value", &value),
                                    ("low", &format::number(low * 100.0, 0, lang)),
                                    ("high", &format::number(high * 100.0, 0, lang)),
                                ],
                            ),
                            None => copy::LINES_VALUE
                                .fill(lang, &[("name", &l.label), ("value", &value)]),
                        }
                    })
                    .collect();
                let observed: Vec<String> = series
                    .observed
                    .iter()
                    .filter(|o| o.year == year)
                    .filter_map(|o| {
                        let l = series.lines.get(o.line)?;
                        Some(copy::LINES_VALUE.fill(
                            lang,
                            &[("name", &l.label), ("value", &percent(o.value, lang))],
                        ))
                    })
                    .collect();
                Tip {
                    heading: copy::LINES_YEAR.fill(lang, &[("year", &year.to_string())]),
                    value: values.join(copy::LIST_SEPARATOR.get(lang)),
                    detail: if observed.is_empty() {
                        String::new()
                    } else {
                        copy::LINES_OBSERVED.fill(
                            lang,
                            &[
                                ("by", &series.observed_by),
                                ("values", &observed.join(copy::LIST_SEPARATOR.get(lang))),
                            ],
                        )
                    },
                }
            })
            .collect();
        let observed = series
            .observed
            .iter()
            .filter(|o| o.year >= series.start && o.year <= end && o.line < series.lines.len())
            .map(|o| ((x(usize::from(o.year - series.start)), y(o.value)), o.line))
            .collect();
        LinesPlan {
            width,
            height,
            plot: [left, right, top, bottom],
            years: (series.start, end),
            top_share,
            y_ticks,
            x_ticks,
            lines,
            observed,
            labels,
            tips,
        }
    }

    /// The year nearest to `x`, as an index from the first year.
    pub fn year_at(&self, x: f64) -> Option<usize> {
        let [left, right, ..] = self.plot;
        let n = usize::from(self.years.1 - self.years.0) + 1;
        if x < left - 20.0 || x > right + 20.0 || n == 0 {
            return None;
        }
        let t = ((x - left) / (right - left).max(1.0)).clamp(0.0, 1.0);
        Some((t * (n - 1) as f64).round() as usize)
    }

    /// The x of a year index.
    pub fn x_of(&self, index: usize) -> f64 {
        let [left, right, ..] = self.plot;
        let n = usize::from(self.years.1 - self.years.0).max(1);
        left + (right - left) * index as f64 / n as f64
    }
}

/// A parameter's swing: the outcome with the parameter at the low and the high end of its
/// range, the others held.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    /// Stable key of the parameter.
    pub key: String,
    /// Its name in the reader's language.
    pub label: String,
    /// The parameter's low and high end, as printed.
    pub ends: (String, String),
    /// The outcome at the low and at the high end (0 to 1).
    pub outcome: (f64, f64),
}

/// A tornado: which levers move an outcome most.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoSeries {
    /// What the outcome is ("US share in 2040").
    pub outcome: String,
    /// Its value with every parameter as it is (0 to 1).
    pub centre: f64,
    /// One swing per parameter, largest first.
    pub swings: Vec<Swing>,
    /// The colour of the outcome's place.
    pub place: Place,
}

/// One bar of a tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct SwingMark {
    /// Label lines, right-aligned at the label column's end.
    pub lines: Vec<String>,
    /// Top and bottom of the row.
    pub band: (f64, f64),
    /// The bar from the low end's outcome to the high end's.
    pub bar: (f64, f64),
    /// The two end texts: x and text, the low end's first.
    pub ends: [(f64, String); 2],
    /// Tooltip.
    pub tip: Tip,
}

/// A tornado laid out at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoPlan {
    /// Design width.
    pub width: f64,
    /// Design height.
    pub height: f64,
    /// Right end of the label column.
    pub label_x: f64,
    /// x of the centre value, and its text.
    pub centre: (f64, String),
    /// Axis ticks: x and text.
    pub ticks: Vec<(f64, String)>,
    /// The outcome's colour.
    pub place: Place,
    /// The heading over the bars.
    pub heading: String,
    /// Bars, largest swing first.
    pub swings: Vec<SwingMark>,
}

impl TornadoPlan {
    /// Lays out `series` at `class`'s design width.
    pub fn new(series: &TornadoSeries, lang: Lang, class: WidthClass) -> TornadoPlan {
        let width = class.design_width();
        let label_x = (width * 0.36).min(240.0);
        let (lo, hi) = series
            .swings
            .iter()
            .flat_map(|s| [s.outcome.0, s.outcome.1])
            .chain([series.centre])
            .fold((1.0_f64, 0.0_f64), |(a, b), v| (a.min(v), b.max(v)));
        let pad = 0.02;
        let (lo, hi) = ((lo - pad).max(0.0), (hi + pad).min(1.0));
        let end_room = text_width("100%", 12.0, false) + 6.0;
        let (x0, x1) = (label_x + end_room, width - end_room);
        let x = |v: f64| x0 + (x1 - x0) * ((v - lo) / (hi - lo).max(1e-9));
        let row: f64 = 38.0;
        let mut top = 26.0;
        let swings = series
            .swings
            .iter()
            .map(|s| {
                let lines =
                    super::text::wrap(&s.label, label_x - 10.0, &|t| text_width(t, 13.0, false));
                let height = row.max(lines.len() as f64 * 16.0 + 8.0);
                let band = (top, top + height);
                top += height;
                let (a, b) = (x(s.outcome.0), x(s.outcome.1));
                let left_first = a <= b;
                let (la, lb) = if left_first {
                    (a - 4.0, b + 4.0)
                } else {
                    (a + 4.0, b - 4.0)
                };
                SwingMark {
                    lines,
                    band,
                    bar: (a.min(b), a.max(b)),
                    ends: [
                        (la, percent(s.outcome.0, lang)),
                        (lb, percent(s.outcome.1, lang)),
                    ],
                    tip: Tip {
                        heading: s.label.clone(),
                        value: copy::TORNADO_SWING.fill(
                            lang,
                            &[
                                ("low_end", &s.ends.0),
                                ("low", &percent(s.outcome.0, lang)),
                                ("high_end", &s.ends.1),
                                ("high", &percent(s.outcome.1, lang)),
                            ],
                        ),
                        detail: copy::TORNADO_HELD.fill(lang, &[("outcome", &series.outcome)]),
                    },
                }
            })
            .collect();
        let ticks = nice_ticks(hi * 100.0, 4)
            .into_iter()
            .filter(|t| *t / 100.0 >= lo && *t / 100.0 <= hi)
            .map(|t| (x(t / 100.0), percent(t / 100.0, lang)))
            .collect();
        TornadoPlan {
            width,
            height: top + 26.0,
            label_x,
            centre: (x(series.centre), percent(series.centre, lang)),
            ticks,
            place: series.place,
            heading: series.outcome.clone(),
            swings,
        }
    }

    /// The swing whose row contains `y`.
    pub fn swing_at(&self, y: f64) -> Option<usize> {
        self.swings
            .iter()
            .position(|s| y >= s.band.0 && y < s.band.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(values: Vec<f64>) -> LineSeries {
        LineSeries {
            key: "us".into(),
            label: "US".into(),
            place: Place::Us,
            values,
            band: None,
            baseline: None,
        }
    }

    #[test]
    fn years_and_shares_map_linearly_onto_the_plot() {
        let series = LinesSeries {
            start: 2019,
            lines: vec![line(vec![0.59, 0.5, 0.42])],
            observed: vec![Observed {
                year: 2021,
                line: 0,
                value: 0.42,
            }],
            observed_by: "MacroPolo".into(),
        };
        let plan = LinesPlan::new(&series, Lang::En, WidthClass::Full);
        let [left, right, top, bottom] = plan.plot;
        // Ticks of 0–59% in about 4 steps: 20s, to 60%.
        assert!((plan.top_share - 0.6).abs() < 1e-12);
        let first = plan.lines[0].points[0];
        assert!((first.0 - left).abs() < 1e-9);
        // 59% of a 0–60% axis: 59/60 of the way up.
        assert!((first.1 - (bottom - (bottom - top) * 0.59 / 0.6)).abs() < 1e-9);
        assert!((plan.lines[0].points[2].0 - right).abs() < 1e-9);
        assert_eq!(plan.observed[0].0, plan.lines[0].points[2]);
        assert_eq!(plan.year_at(right), Some(2));
        assert_eq!(plan.tips.len(), 3);
        assert!(
            plan.tips[2].detail.contains("42%"),
            "{}",
            plan.tips[2].detail
        );
    }

    #[test]
    fn a_band_is_a_closed_polygon_around_its_line() {
        let mut l = line(vec![0.4, 0.4]);
        l.band = Some((vec![0.3, 0.35], vec![0.5, 0.45]));
        let series = LinesSeries {
            start: 2019,
            lines: vec![l],
            observed: vec![],
            observed_by: String::new(),
        };
        let plan = LinesPlan::new(&series, Lang::En, WidthClass::Narrow);
        let band = plan.lines[0].band.clone().expect("band");
        // High edge left to right, then low edge right to left: 4 corners.
        assert_eq!(band.len(), 4);
        assert!(band[0].1 < plan.lines[0].points[0].1 && band[3].1 > plan.lines[0].points[0].1);
        assert!(
            plan.tips[0].value.contains("30") && plan.tips[0].value.contains("50"),
            "{}",
            plan.tips[0].value
        );
    }

    #[test]
    fn a_tornado_orders_bars_from_their_outcomes() {
        let series = TornadoSeries {
            outcome: "US share in 2040".into(),
            centre: 0.41,
            place: Place::Us,
            swings: vec![
                Swing {
                    key: "a".into(),
                    label: "First jobs in the US".into(),
                    ends: ("0%".into(), "100%".into()),
                    outcome: (0.2, 0.68),
                },
                Swing {
                    key: "b".into(),
                    label: "US retention".into(),
                    ends: ("50%".into(), "100%".into()),
                    outcome: (0.31, 0.43),
                },
            ],
        };
        let plan = TornadoPlan::new(&series, Lang::En, WidthClass::Full);
        let [a, b] = [&plan.swings[0], &plan.swings[1]];
        assert!(a.bar.1 - a.bar.0 > b.bar.1 - b.bar.0);
        assert!(plan.centre.0 > a.bar.0 && plan.centre.0 < a.bar.1);
        assert_eq!(plan.swing_at(a.band.0 + 1.0), Some(0));
        assert_eq!(a.ends[0].1, "20%");
    }
}
