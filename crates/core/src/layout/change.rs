//! Change charts: a dumbbell per category, the earlier and the later value on one fixed
//! axis joined by a line, and the change written beside it with whether it is larger than
//! the sampling error.

use super::measure::text_width;
use super::rows::nice_ticks;
use super::text::wrap;
use super::tip::Tip;
use super::width::WidthClass;
use crate::copy;
use crate::format;
use crate::model::sampling::{change, wilson, Interval};
use crate::series::place::Place;
use crate::Lang;

/// Sizes of a change chart, in design pixels.
pub mod size {
    /// Category labels.
    pub const LABEL: f64 = 14.0;
    /// Value and change labels.
    pub const VALUE: f64 = 13.0;
    /// Axis tick labels.
    pub const TICK: f64 = 12.0;
    /// Line height of a wrapped label.
    pub const LINE: f64 = 17.0;
    /// Height of one row.
    pub const ROW: f64 = 46.0;
    /// Room above the rows for the year key.
    pub const KEY: f64 = 26.0;
    /// Room below the rows for the axis.
    pub const AXIS: f64 = 24.0;
    /// Radius of a dot.
    pub const DOT: f64 = 6.0;
}

/// One value of a change series: a share in percent and the sample it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Percent (29 = 29%).
    pub value: f64,
    /// Size of the sample the share is of, if it is from one.
    pub sample: Option<f64>,
    /// Whether the sample size is derived (a subsample estimated from a share).
    pub sample_derived: bool,
    /// What the figure is and where it comes from, for the tooltip.
    pub detail: String,
    /// The fact it comes from (downloads name it).
    pub fact: String,
}

/// A category with its two values; either may be missing (not reported).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// Stable key (a place key: `us`, `cn`, ...), for colour and highlighting.
    pub key: String,
    /// Label in the reader's language.
    pub label: String,
    /// The earlier value.
    pub from: Option<Point>,
    /// The later value.
    pub to: Option<Point>,
}

/// What a change chart plots, already in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSeries {
    /// The earlier and later years.
    pub years: (u16, u16),
    /// The rows, top to bottom.
    pub rows: Vec<ChangeRow>,
    /// Whether the two years measure the same thing, so the change means something.
    pub comparable: bool,
}

/// A dot of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    /// Centre.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// The later year (filled) or the earlier (hollow).
    pub later: bool,
    /// The value as printed.
    pub text: String,
    /// Where the value text goes, and which end it hangs from.
    pub text_at: (f64, f64),
    /// Whether the text ends at `text_at` (left of the dot) or starts there.
    pub text_ends: bool,
}

/// One row of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRowPlan {
    /// Stable key.
    pub key: String,
    /// Its place (colour).
    pub place: Place,
    /// Label lines, right-aligned at `label_x`.
    pub lines: Vec<String>,
    /// Vertical centre of the row.
    pub y: f64,
    /// Top and bottom of the row's band.
    pub band: (f64, f64),
    /// The dots present (earlier first).
    pub dots: Vec<Dot>,
    /// The change as printed ("+18 pts"), or "not reported" for a missing year.
    pub change: String,
    /// Whether the change is larger than the sampling error (drawn bold).
    pub significant: bool,
    /// Tooltip.
    pub tip: Tip,
}

/// A change chart laid out in one language at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangePlan {
    /// Design width.
    pub width: f64,
    /// Design height.
    pub height: f64,
    /// Right end of the label column.
    pub label_x: f64,
    /// Left end of the change column.
    pub change_x: f64,
    /// Axis: left and right ends in pixels, and its top.
    pub axis: (f64, f64, f64),
    /// Axis ticks: position and text.
    pub ticks: Vec<(f64, String)>,
    /// The year key: earlier and later year as printed.
    pub key: (String, String),
    /// Rows.
    pub rows: Vec<ChangeRowPlan>,
}

fn percent(value: f64, lang: Lang) -> String {
    let decimals = usize::from(value.fract().abs() > 1e-9);
    copy::UNIT_PERCENT.fill(lang, &[("n", &format::number(value, decimals, lang))])
}

/// "+18 pts", "−7 pts", "0 pts".
pub fn points_text(points: f64, lang: Lang) -> String {
    let rounded = (points * 10.0).round() / 10.0;
    let decimals = usize::from(rounded.fract().abs() > 1e-9);
    let digits = format::number(rounded.abs(), decimals, lang);
    let sign = if rounded > 0.0 {
        "+"
    } else if rounded < 0.0 {
        "−"
    } else {
        ""
    };
    copy::UNIT_POINTS.fill(lang, &[("n", &format!("{sign}{digits}"))])
}

/// The interval of a point, if it comes from a sample.
pub fn interval(point: &Point) -> Option<Interval> {
    wilson(point.value / 100.0, point.sample?)
}

/// The interval of the change between two points from independent samples.
pub fn change_interval(from: &Point, to: &Point) -> Option<Interval> {
    change(
        (from.value / 100.0, from.sample?),
        (to.value / 100.0, to.sample?),
    )
}

/// "25.7%–32.5%".
pub fn range_text(i: Interval, lang: Lang) -> String {
    copy::CHANGE_RANGE.fill(
        lang,
        &[
            ("low", &format::number(i.low * 100.0, 1, lang)),
            ("high", &format::number(i.high * 100.0, 1, lang)),
        ],
    )
}

impl ChangePlan {
    /// Lays out `series` at the design width of `class`.
    pub fn new(series: &ChangeSeries, lang: Lang, class: WidthClass) -> ChangePlan {
        let width = class.design_width();
        let (y0, y1) = series.years;
        let widest_label = series
            .rows
            .iter()
            .map(|r| text_width(&r.label, size::LABEL, false))
            .fold(0.0, f64::max);
        let label_x = (widest_label + 10.0).clamp(width * 0.22, width * 0.36);
        let changes: Vec<(String, bool)> = series
            .rows
            .iter()
            .map(|row| match (&row.from, &row.to) {
                (Some(a), Some(b)) if series.comparable => (
                    points_text(b.value - a.value, lang),
                    change_interval(a, b).is_some_and(|i| i.excludes_zero()),
                ),
                (Some(_), Some(_)) => (copy::CHANGE_NOT_COMPARABLE.get(lang).to_string(), false),
                _ => (copy::CHART_NOT_REPORTED.get(lang).to_string(), false),
            })
            .collect();
        let widest_change = changes
            .iter()
            .map(|(t, bold)| text_width(t, size::VALUE, *bold))
            .fold(0.0, f64::max);
        let change_width = widest_change + 12.0;
        let max = series
            .rows
            .iter()
            .flat_map(|r| [&r.from, &r.to])
            .flatten()
            .map(|p| p.value)
            .fold(0.0, f64::max);
        let ticks = nice_ticks(max.max(1.0), if width < 400.0 { 3 } else { 5 });
        let axis_max = ticks.last().copied().unwrap_or(100.0).max(1.0);
        // Room for a value text on either side of the axis ends.
        let pad = text_width("100%", size::VALUE, false) / 2.0 + 2.0;
        let (ax0, ax1) = (label_x + pad + 4.0, width - change_width - pad);
        let x_of = |v: f64| ax0 + (ax1 - ax0) * v / axis_max;

        let mut rows = Vec::new();
        let mut top = size::KEY;
        for (row, (change_text, significant)) in series.rows.iter().zip(changes) {
            let lines = wrap(&row.label, label_x - 8.0, &|s| {
                text_width(s, size::LABEL, false)
            });
            let height = size::ROW.max(size::LINE * lines.len() as f64 + 10.0);
            let y = top + height / 2.0;
            let mut dots = Vec::new();
            let both = row.from.is_some() && row.to.is_some();
            let rises = match (&row.from, &row.to) {
                (Some(a), Some(b)) => b.value >= a.value,
                _ => true,
            };
            for (point, later) in [(&row.from, false), (&row.to, true)] {
                let Some(point) = point else { continue };
                let x = x_of(point.value);
                // Texts go outside the pair: the lower value's to the left, the higher's
                // to the right; a lone dot's above it.
                let outward_left = both && (later != rises);
                let (text_at, text_ends) = if !both {
                    ((x, y - size::DOT - 9.0), false)
                } else if outward_left {
                    ((x - size::DOT - 4.0, y), true)
                } else {
                    ((x + size::DOT + 4.0, y), false)
                };
                dots.push(Dot {
                    x,
                    y,
                    later,
                    text: percent(point.value, lang),
                    text_at,
                    text_ends,
                });
            }
            let year_text = |year: u16, p: &Option<Point>| match p {
                Some(p) => {
                    let mut s = copy::CHANGE_YEAR_VALUE.fill(
                        lang,
                        &[
                            ("year", &year.to_string()),
                            ("value", &percent(p.value, lang)),
                        ],
                    );
                    if let Some(i) = interval(p) {
                        s.push_str(
                            &copy::CHANGE_INTERVAL.fill(lang, &[("range", &range_text(i, lang))]),
                        );
                    }
                    s
                }
                None => copy::CHANGE_YEAR_VALUE.fill(
                    lang,
                    &[
                        ("year", &year.to_string()),
                        ("value", copy::CHART_NOT_REPORTED.get(lang)),
                    ],
                ),
            };
            let verdict = match (&row.from, &row.to) {
                (Some(a), Some(b)) if series.comparable => match change_interval(a, b) {
                    Some(i) if i.excludes_zero() => copy::CHANGE_BEYOND_ERROR.get(lang),
                    Some(_) => copy::CHANGE_WITHIN_ERROR.get(lang),
                    None => "",
                },
                (Some(_), Some(_)) => copy::CHANGE_NOT_COMPARABLE_LONG.get(lang),
                _ => "",
            };
            let details: Vec<&str> = [&row.from, &row.to]
                .into_iter()
                .flatten()
                .map(|p| p.detail.as_str())
                .filter(|d| !d.is_empty())
                .collect();
            let mut detail = [year_text(y0, &row.from), year_text(y1, &row.to)]
                .join(copy::LIST_SEPARATOR.get(lang));
            if !verdict.is_empty() {
                detail.push_str(copy::SENTENCE_SEPARATOR.get(lang));
                detail.push_str(verdict);
            }
            if let Some(first) = details.first() {
                detail.push_str(copy::SENTENCE_SEPARATOR.get(lang));
                detail.push_str(first);
            }
            rows.push(ChangeRowPlan {
                key: row.key.clone(),
                place: Place::of_key(&row.key),
                lines,
                y,
                band: (top, top + height),
                dots,
                tip: Tip {
                    heading: row.label.clone(),
                    value: change_text.clone(),
                    detail,
                },
                change: change_text,
                significant,
            });
            top += height;
        }
        let axis_top = top + 4.0;
        ChangePlan {
            width,
            height: axis_top + size::AXIS,
            label_x,
            change_x: width - change_width + 8.0,
            axis: (ax0, ax1, axis_top),
            ticks: ticks.iter().map(|&t| (x_of(t), percent(t, lang))).collect(),
            key: (y0.to_string(), y1.to_string()),
            rows,
        }
    }

    /// The row whose band contains `y`.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        self.rows.iter().position(|r| y >= r.band.0 && y < r.band.1)
    }
}

/// One part of a whole: a count, its place and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Stable key.
    pub key: String,
    /// Colour.
    pub place: Place,
    /// Label in the reader's language ("still at US institutions").
    pub label: String,
    /// The count.
    pub count: f64,
    /// The arithmetic when the app computed the count (a remainder); `None` when stated.
    pub formula: Option<String>,
    /// The facts it comes from: the stated one, or those the formula uses.
    pub facts: Vec<String>,
    /// What it is and where it comes from.
    pub detail: String,
}

impl Part {
    /// Whether the app computed the count rather than a source stating it.
    pub fn is_derived(&self) -> bool {
        self.formula.is_some()
    }
}

/// A whole split into parts, drawn as one bar: Carnegie's 100, Hoover's 201.
#[derive(Clone, Debug, PartialEq)]
pub struct PartsSeries {
    /// The parts, in order.
    pub parts: Vec<Part>,
    /// The whole (the sample).
    pub total: f64,
}

/// A segment of the bar and its key entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Stable key.
    pub key: String,
    /// Colour.
    pub place: Place,
    /// Derived (lighter, outlined).
    pub derived: bool,
    /// Left and right end.
    pub x: (f64, f64),
    /// The count, printed in the segment when it fits.
    pub inside: Option<String>,
    /// Key entry: swatch at `key_at`, then the text.
    pub key_at: (f64, f64),
    /// Key text: "87 still at US institutions".
    pub key_text: String,
    /// Tooltip.
    pub tip: Tip,
}

/// A parts bar laid out at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct PartsPlan {
    /// Design width.
    pub width: f64,
    /// Design height.
    pub height: f64,
    /// Top and bottom of the bar.
    pub bar: (f64, f64),
    /// The segments, left to right.
    pub segments: Vec<Segment>,
}

impl PartsPlan {
    /// Lays out `series` at the design width of `class`, its key in rows under the bar.
    pub fn new(series: &PartsSeries, lang: Lang, class: WidthClass) -> PartsPlan {
        let width = class.design_width();
        let bar = (4.0, 40.0);
        let total = series.total.max(1.0);
        let mut x = 0.0;
        let mut key_y = bar.1 + 22.0;
        let mut key_x = 0.0;
        let mut segments = Vec::new();
        for part in &series.parts {
            let w = width * part.count.max(0.0) / total;
            let count = format::number(part.count, 0, lang);
            let key_text = copy::PARTS_KEY.fill(lang, &[("n", &count), ("label", &part.label)]);
            let entry = 14.0 + 6.0 + text_width(&key_text, size::VALUE, false) + 16.0;
            if key_x > 0.0 && key_x + entry > width {
                key_x = 0.0;
                key_y += 22.0;
            }
            let share = part.count / total * 100.0;
            let inside = (text_width(&count, size::VALUE, true) + 8.0 <= w).then(|| count.clone());
            segments.push(Segment {
                key: part.key.clone(),
                place: part.place,
                derived: part.is_derived(),
                x: (x, x + w),
                inside,
                key_at: (key_x, key_y),
                key_text,
                tip: Tip {
                    heading: part.label.clone(),
                    value: copy::PARTS_OF.fill(
                        lang,
                        &[
                            ("n", &count),
                            ("total", &format::number(total, 0, lang)),
                            ("share", &percent((share * 10.0).round() / 10.0, lang)),
                        ],
                    ),
                    detail: part.detail.clone(),
                },
            });
            x += w;
            key_x += entry;
        }
        PartsPlan {
            width,
            height: key_y + 14.0,
            bar,
            segments,
        }
    }

    /// The segment at `(x, y)`: on the bar by its span, on the key by its entry's line.
    pub fn segment_at(&self, x: f64, y: f64) -> Option<usize> {
        if y >= self.bar.0 && y < self.bar.1 {
            return self.segments.iter().position(|s| x >= s.x.0 && x < s.x.1);
        }
        self.segments.iter().position(|s| {
            (y - s.key_at.1).abs() <= 10.0
                && x >= s.key_at.0
                && x < s.key_at.0 + 20.0 + text_width(&s.key_text, size::VALUE, false)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(value: f64, sample: f64) -> Option<Point> {
        Some(Point {
            value,
            sample: Some(sample),
            sample_derived: false,
            detail: String::new(),
            fact: String::new(),
        })
    }

    #[test]
    fn a_change_is_placed_on_one_axis_and_judged_against_the_sampling_error() {
        let series = ChangeSeries {
            years: (2019, 2022),
            comparable: true,
            rows: vec![
                ChangeRow {
                    key: "cn".into(),
                    label: "China".into(),
                    from: point(29.0, 675.0),
                    to: point(47.0, 867.0),
                },
                ChangeRow {
                    key: "us".into(),
                    label: "United States".into(),
                    from: point(20.0, 675.0),
                    to: point(18.0, 867.0),
                },
            ],
        };
        let plan = ChangePlan::new(&series, Lang::En, WidthClass::Full);
        // Ticks of 0..47 in about 5 steps: step 10, axis to 50.
        assert_eq!(plan.ticks.last().map(|t| t.1.as_str()), Some("50%"));
        let (ax0, ax1, _) = plan.axis;
        let cn = &plan.rows[0];
        // 29% and 47% of a 0–50% axis.
        assert!((cn.dots[0].x - (ax0 + (ax1 - ax0) * 29.0 / 50.0)).abs() < 1e-9);
        assert!((cn.dots[1].x - (ax0 + (ax1 - ax0) * 47.0 / 50.0)).abs() < 1e-9);
        assert_eq!(cn.change, "+18 pts");
        assert!(cn.significant);
        // −2 points on these samples: Newcombe's interval about −6.1 to +2.0, so it is
        // within the sampling error.
        let us = &plan.rows[1];
        assert_eq!(us.change, "−2 pts");
        assert!(!us.significant);
        // The rising pair's earlier text sits to its left, the falling pair's later one.
        assert!(cn.dots[0].text_ends && !cn.dots[1].text_ends);
        assert!(!us.dots[0].text_ends && us.dots[1].text_ends);
        assert_eq!(plan.row_at(us.y), Some(1));
    }

    #[test]
    fn parts_fill_the_bar_in_proportion() {
        let part = |key: &str, count: f64| Part {
            key: key.into(),
            place: Place::of_key(key),
            label: key.into(),
            count,
            formula: None,
            facts: Vec::new(),
            detail: String::new(),
        };
        let series = PartsSeries {
            parts: vec![part("us", 87.0), part("cn", 10.0), part("other", 3.0)],
            total: 100.0,
        };
        let plan = PartsPlan::new(&series, Lang::En, WidthClass::Narrow);
        // 340 px: 87% = 295.8 px, then 34 px, then 10.2 px.
        assert!((plan.segments[0].x.1 - 295.8).abs() < 1e-9);
        assert!((plan.segments[2].x.1 - 340.0).abs() < 1e-9);
        assert_eq!(plan.segments[0].inside.as_deref(), Some("87"));
        // "3" does not fit in 10.2 px.
        assert_eq!(plan.segments[2].inside, None);
        assert_eq!(plan.segments[0].tip.value, "87 of 100 (87%)");
        assert_eq!(plan.segment_at(300.0, 20.0), Some(1));
    }
}
