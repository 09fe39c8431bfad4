//! Line chart of shares per year, with observed points drawn as distinct marks,
//! direct labels at the line ends, and tooltips by mouse, touch and keyboard.
//!
//! Layout (where each year and share sits) is one pure [`Frame`], used alike by the
//! drawing, the pointer hit-test, the tooltip position and the label placement.

use crate::canvas::{paint, redraw, use_canvas_size, Surface};
use crate::i18n::Lang;
use crate::state::use_app_state;
use crate::theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use talent_core::format;

crate::i18n::messages! { LinesMsg {
    ObservedBy => "Observed:", "观测值来源：";
    KeyboardHint => "Use the left and right arrow keys to move between years; Home and End jump to the first and last year; Esc closes the tooltip.",
        "使用左右方向键在年份之间移动；Home 和 End 跳到第一年和最后一年；按 Esc 关闭提示。";
    From => "from", "从";
    To => "to", "到";
}}

/// One line: a share (0 to 1) per year from [`LineChartData::start_year`].
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Direct label at the end of the line.
    pub label: String,
    /// Line colour; the label, not the colour, tells lines apart.
    pub colour: RGBColor,
    /// One share per year.
    pub values: Vec<f64>,
}

/// An observed value drawn as a hollow diamond on the line's colour.
#[derive(Clone, Debug, PartialEq)]
pub struct ObservedMark {
    /// Year of the observation.
    pub year: u16,
    /// Index of the line it belongs to.
    pub line: usize,
    /// The observed share (0 to 1).
    pub value: f64,
}

/// Everything the chart plots.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LineChartData {
    /// Year of the first value of every line.
    pub start_year: u16,
    /// The lines.
    pub lines: Vec<Line>,
    /// Observed points; those outside the years of the lines are not drawn.
    pub observed: Vec<ObservedMark>,
    /// Who observed them, for the tooltip ("MacroPolo").
    pub observed_source: String,
}

impl LineChartData {
    /// Last year with a value.
    pub fn end_year(&self) -> u16 {
        let years = self.lines.iter().map(|l| l.values.len()).max().unwrap_or(1);
        self.start_year + (years.max(1) - 1) as u16
    }

    /// Observed marks inside the plotted years.
    pub fn visible_observed(&self) -> impl Iterator<Item = &ObservedMark> + '_ {
        let (start, end) = (self.start_year, self.end_year());
        self.observed
            .iter()
            .filter(move |m| m.year >= start && m.year <= end && m.line < self.lines.len())
    }
}

/// " (observed 42%)" after a model value.
fn observed_suffix(observed: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" (observed {observed})"),
        Lang::Zh => format!("（观测值 {observed}）"),
    }
}

/// A share as a percentage for labels: one decimal, none for whole observed figures.
pub fn share_text(value: f64, lang: Lang) -> String {
    let points = value * 100.0;
    let decimals = if (points - points.round()).abs() < 1e-9 {
        0
    } else {
        1
    };
    format::percent(points, decimals, lang)
}

const FONT: f64 = 12.0;
const LABEL_FONT: f64 = 13.0;
const LABEL_LINE: f64 = 16.0;
const STUB: f64 = 14.0;
const LEFT: f64 = 40.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;

/// Where everything sits, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// Left edge of the plot.
    pub left: f64,
    /// Right edge of the plot.
    pub right: f64,
    /// Top of the plot (share 1).
    pub top: f64,
    /// Bottom of the plot (share 0).
    pub bottom: f64,
    /// First year.
    pub start: u16,
    /// Last year.
    pub end: u16,
}

impl Frame {
    /// The frame of a canvas, with `label_width` CSS pixels kept for direct labels.
    pub fn new(width: f64, height: f64, start: u16, end: u16, label_width: f64) -> Frame {
        let right = (width - label_width - STUB - 6.0).max(LEFT + 20.0);
        Frame {
            width,
            height,
            left: LEFT,
            right,
            top: TOP,
            bottom: (height - BOTTOM).max(TOP + 20.0),
            start,
            end: end.max(start),
        }
    }

    /// Horizontal position of a year.
    pub fn x(&self, year: u16) -> f64 {
        if self.end == self.start {
            return (self.left + self.right) / 2.0;
        }
        let t = f64::from(year.saturating_sub(self.start)) / f64::from(self.end - self.start);
        self.left + t * (self.right - self.left)
    }

    /// Vertical position of a share (0 to 1).
    pub fn y(&self, share: f64) -> f64 {
        self.bottom - share.clamp(0.0, 1.0) * (self.bottom - self.top)
    }

    /// The year nearest to a horizontal position.
    pub fn year_at(&self, x: f64) -> u16 {
        if self.end == self.start || self.right <= self.left {
            return self.start;
        }
        let t = ((x - self.left) / (self.right - self.left)).clamp(0.0, 1.0);
        self.start + (t * f64::from(self.end - self.start)).round() as u16
    }

    /// Years to label on the axis: the first, round years at least `min_gap` pixels
    /// apart, and the last.
    pub fn ticks(&self, min_gap: f64) -> Vec<u16> {
        let span = self.end - self.start;
        if span == 0 {
            return vec![self.start];
        }
        let per_year = (self.right - self.left) / f64::from(span);
        let step = [1u16, 2, 5, 10, 20]
            .into_iter()
            .find(|s| f64::from(*s) * per_year >= min_gap)
            .unwrap_or(20);
        let mut ticks = vec![self.start];
        let close = |a: u16, b: u16| f64::from(b - a) * per_year < min_gap;
        let first_round = (self.start / step + 1) * step;
        for year in (first_round..self.end).step_by(usize::from(step)) {
            if !close(*ticks.last().unwrap_or(&self.start), year) {
                ticks.push(year);
            }
        }
        if let Some(&last) = ticks.last() {
            if last != self.end {
                if close(last, self.end) && ticks.len() > 1 {
                    ticks.pop();
                }
                if !close(*ticks.last().unwrap_or(&self.start), self.end) {
                    ticks.push(self.end);
                }
            }
        }
        ticks
    }
}

/// Spreads label centres (sorted by the caller's order) so that they are at least `gap`
/// apart and inside `top..=bottom`, moving each as little as possible.
pub fn spread_labels(wanted: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    let order =
        talent_core::order::stable_order(wanted.len(), &|a, b| wanted[a].total_cmp(&wanted[b]));
    let mut placed: Vec<f64> = order.iter().map(|&i| wanted[i]).collect();
    for i in 0..placed.len() {
        let min = if i == 0 { top } else { placed[i - 1] + gap };
        placed[i] = placed[i].max(min);
    }
    let n = placed.len();
    for i in (0..n).rev() {
        let max = if i + 1 == n {
            bottom
        } else {
            placed[i + 1] - gap
        };
        placed[i] = placed[i].min(max);
    }
    let mut out = vec![0.0; n];
    for (k, &i) in order.iter().enumerate() {
        out[i] = placed[k];
    }
    out
}

/// Widest text of `texts` at the label font, in CSS pixels (measured by the browser,
/// cached, without inline styles).
fn text_width(texts: &[String], bold: bool) -> f64 {
    texts
        .iter()
        .map(|t| crate::text_measure::text_width(t, LABEL_FONT, bold))
        .fold(0.0, f64::max)
}

/// A line chart of shares per year.
#[component]
pub fn LineChart(
    /// Stable id for tests.
    id: &'static str,
    /// What to plot.
    data: Signal<LineChartData>,
) -> impl IntoView {
    let state = use_app_state();
    let container = NodeRef::<Div>::new();
    // Two layers: the axes, redrawn only when they change, under the marks.
    let (axes, canvas) = (NodeRef::<Canvas>::new(), NodeRef::<Canvas>::new());
    let size = use_canvas_size(container, |width| (width * 0.6).clamp(240.0, 360.0));
    let focus = RwSignal::new(None::<u16>);

    // Measured only when the labels change (language), not on every slider step.
    let labels = Memo::new(move |_| {
        data.with(|d| d.lines.iter().map(|l| l.label.clone()).collect::<Vec<_>>())
    });
    let label_width = Memo::new(move |_| {
        let names = text_width(&labels.get(), false);
        let value = text_width(&["100.0%".to_string()], true);
        names.max(value).ceil() + 2.0
    });
    let span = Memo::new(move |_| data.with(|d| (d.start_year, d.end_year())));
    let frame = Memo::new(move |_| {
        let size = size.get();
        let (start, end) = span.get();
        Frame::new(size.width, size.height, start, end, label_width.get())
    });

    let report = move |result: DrawResult| {
        if let Err(err) = result {
            leptos::logging::error!("line chart {id}: {err}");
        }
    };
    paint(axes, size, move |surface| {
        report(draw_axes(
            surface,
            &frame.get(),
            state.lang.get(),
            ink(state.dark()),
        ));
    });
    redraw(id, canvas, size, move |surface| {
        let (lang, frame, ink) = (state.lang.get(), frame.get(), ink(state.dark()));
        report(data.with(|d| draw_marks(surface, &frame, d, focus.get(), lang, ink)));
    });

    // A year that no longer exists (shorter horizon) closes the tooltip.
    Effect::new(move |_| {
        let (start, end) = span.get();
        if focus.get_untracked().is_some_and(|y| y < start || y > end) {
            focus.set(None);
        }
    });

    let pick = move |x: f64| focus.set(Some(frame.get_untracked().year_at(x)));
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let (start, end) = span.get_untracked();
        let next = match (ev.key().as_str(), focus.get_untracked()) {
            ("ArrowRight" | "ArrowUp", Some(y)) => Some((y + 1).min(end)),
            ("ArrowLeft" | "ArrowDown", Some(y)) => Some(y.saturating_sub(1).max(start)),
            ("ArrowRight" | "ArrowUp" | "ArrowLeft" | "ArrowDown", None) | ("Home", _) => {
                Some(start)
            }
            ("End", _) => Some(end),
            ("Escape", _) => None,
            _ => return,
        };
        ev.prevent_default();
        focus.set(next);
    };

    // Tooltip rows for the focused year: (label, model value, observed value).
    let tooltip = move || {
        let year = focus.get()?;
        let lang = state.lang.get();
        data.with(|d| {
            let index = usize::from(year.checked_sub(d.start_year)?);
            let rows: Vec<(String, String, Option<String>)> = d
                .lines
                .iter()
                .enumerate()
                .filter_map(|(i, line)| {
                    let value = line.values.get(index)?;
                    let observed = d
                        .visible_observed()
                        .find(|m| m.line == i && m.year == year)
                        .map(|m| share_text(m.value, lang));
                    Some((line.label.clone(), share_text(*value, lang), observed))
                })
                .collect();
            Some((year, rows, d.observed_source.clone()))
        })
    };
    let announcement = move || {
        let lang = state.lang.get();
        tooltip()
            .map(|(year, rows, source)| {
                let parts: Vec<String> = rows
                    .iter()
                    .map(|(label, value, observed)| {
                        let suffix = observed
                            .as_deref()
                            .map(|o| observed_suffix(o, lang))
                            .unwrap_or_default();
                        format!("{label} {value}{suffix}")
                    })
                    .collect();
                let by = if rows.iter().any(|r| r.2.is_some()) {
                    format!("; {} {source}", LinesMsg::ObservedBy.text(lang))
                } else {
                    String::new()
                };
                format!("{year}: {}{by}", parts.join("; "))
            })
            .unwrap_or_default()
    };
    let summary = move || {
        let lang = state.lang.get();
        let text = data.with(|d| {
            let (start, end) = (d.start_year, d.end_year());
            let parts: Vec<String> = d
                .lines
                .iter()
                .filter_map(|l| {
                    Some(format!(
                        "{} {} {} ({start}) {} {} ({end})",
                        l.label,
                        LinesMsg::From.text(lang),
                        share_text(*l.values.first()?, lang),
                        LinesMsg::To.text(lang),
                        share_text(*l.values.last()?, lang),
                    ))
                })
                .collect();
            parts.join("; ")
        });
        format!("{text}. {}", LinesMsg::KeyboardHint.text(lang))
    };
    let tooltip_x = move || {
        let year = focus.get()?;
        let frame = frame.get();
        Some((frame.x(year), frame.width, frame.top))
    };

    view! {
        <div class="line-chart" node_ref=container data-testid=format!("{id}-chart")>
            <canvas node_ref=axes class="chart-axes" aria-hidden="true"></canvas>
            <canvas
                node_ref=canvas
                class="chart-marks"
                tabindex="0"
                role="img"
                aria-label=summary
                on:pointermove=move |ev| pick(f64::from(ev.offset_x()))
                on:pointerdown=move |ev| pick(f64::from(ev.offset_x()))
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" { focus.set(None) }
                }
                on:keydown=on_key
                on:blur=move |_| focus.set(None)
            ></canvas>
            {move || tooltip().map(|(year, rows, source)| {
                let lang = state.lang.get_untracked();
                let (x, width, top) = tooltip_x().unwrap_or((0.0, 0.0, 0.0));
                // Beside the focused year, on the side with more room.
                let (left, right) = if x < width / 2.0 {
                    (format!("{}px", x + 10.0), "auto".to_string())
                } else {
                    ("auto".to_string(), format!("{}px", width - x + 10.0))
                };
                view! {
                    <div
                        class="tooltip line-tooltip"
                        role="tooltip"
                        data-testid=format!("{id}-tooltip")
                        style:top=format!("{top}px")
                        style:left=left
                        style:right=right
                    >
                        <strong>{year}</strong>
                        {rows.iter().map(|(label, value, observed)| view! {
                            <span>
                                {label.clone()} " " <b>{value.clone()}</b>
                                {observed.as_deref().map(|o| observed_suffix(o, lang))}
                            </span>
                        }).collect_view()}
                        {rows.iter().any(|r| r.2.is_some()).then(|| view! {
                            <span class="tooltip-detail">{LinesMsg::ObservedBy.text(lang)} " " {source}</span>
                        })}
                    </div>
                }
            })}
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{id}-live")>{announcement}</p>
        </div>
    }
}

/// Background, text and grid colours of the chart for the page theme.
#[derive(Clone, Copy)]
struct Ink {
    background: RGBColor,
    text: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
}

/// Light: the theme constants. Dark: the page's dark colours (`--bg`, `--text`,
/// `--muted`, `--line` in `public/app.css`), so the canvas matches the page.
fn ink(dark: bool) -> Ink {
    if dark {
        Ink {
            background: RGBColor(0x15, 0x18, 0x1c),
            text: RGBColor(0xe6, 0xe8, 0xeb),
            muted: RGBColor(0xb4, 0xba, 0xc2),
            grid: RGBColor(0x4a, 0x50, 0x57),
        }
    } else {
        Ink {
            background: theme::BACKGROUND,
            text: theme::TEXT,
            muted: theme::MUTED,
            grid: theme::GRID,
        }
    }
}

type DrawResult =
    Result<(), DrawingAreaErrorKind<<plotters_canvas::CanvasBackend as DrawingBackend>::ErrorType>>;

/// The layer under the lines: background, grid and both axes. It changes only with the
/// frame, the language and the theme, so a slider step does not redraw it.
fn draw_axes(surface: &Surface, frame: &Frame, lang: Lang, ink: Ink) -> DrawResult {
    let area = &surface.area;
    area.fill(&ink.background)?;
    let px = |v: f64| surface.px(v);
    let at = |x: f64, y: f64| (px(x), px(y));
    let thin = px(1.0).max(1) as u32;
    let axis_text = TextStyle::from(surface.font(FONT)).color(&ink.muted);

    // Grid and share axis, every 20 percentage points.
    for step in 0..=5 {
        let share = f64::from(step) * 0.2;
        let y = frame.y(share);
        area.draw(&PathElement::new(
            vec![at(frame.left, y), at(frame.right, y)],
            ink.grid.stroke_width(thin),
        ))?;
        area.draw(&Text::new(
            format::percent(share * 100.0, 0, lang),
            at(frame.left - 6.0, y),
            axis_text.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    // Year axis.
    for year in frame.ticks(44.0) {
        let x = frame.x(year);
        area.draw(&PathElement::new(
            vec![at(x, frame.bottom), at(x, frame.bottom + 4.0)],
            ink.muted.stroke_width(thin),
        ))?;
        area.draw(&Text::new(
            year.to_string(),
            at(x, frame.bottom + 7.0),
            axis_text.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    area.present()
}

/// The layer over the axes: the lines, observed points, the focused year and the
/// direct labels, on a transparent canvas.
fn draw_marks(
    surface: &Surface,
    frame: &Frame,
    data: &LineChartData,
    focus: Option<u16>,
    lang: Lang,
    ink: Ink,
) -> DrawResult {
    surface.clear();
    let area = &surface.area;
    let px = |v: f64| surface.px(v);
    let at = |x: f64, y: f64| (px(x), px(y));
    let thin = px(1.0).max(1) as u32;

    // Focused year: a guide line under the marks.
    if let Some(year) = focus {
        let x = frame.x(year);
        area.draw(&PathElement::new(
            vec![at(x, frame.top), at(x, frame.bottom)],
            ink.muted.stroke_width(thin),
        ))?;
    }

    // Lines.
    let stroke = px(2.5).max(2) as u32;
    for line in &data.lines {
        let points: Vec<(i32, i32)> = line
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| at(frame.x(data.start_year + i as u16), frame.y(*v)))
            .collect();
        area.draw(&PathElement::new(points, line.colour.stroke_width(stroke)))?;
    }

    // Observed points: hollow diamonds, a different shape from anything on the lines.
    let half = 6.5;
    // Drawn last line first, so that the first lines' marks are on top where they meet.
    let marks = (0..data.lines.len())
        .rev()
        .flat_map(|line| data.visible_observed().filter(move |m| m.line == line));
    for mark in marks {
        let colour = data.lines[mark.line].colour;
        let (x, y) = (frame.x(mark.year), frame.y(mark.value));
        let diamond = vec![
            at(x, y - half),
            at(x + half, y),
            at(x, y + half),
            at(x - half, y),
        ];
        area.draw(&Polygon::new(diamond.clone(), ink.background.filled()))?;
        let mut outline = diamond;
        outline.push(at(x, y - half));
        area.draw(&PathElement::new(
            outline,
            colour.stroke_width(px(2.0).max(1) as u32),
        ))?;
    }

    // Focused year: a dot on every line.
    if let Some(year) = focus {
        let index = usize::from(year.saturating_sub(data.start_year));
        for line in &data.lines {
            if let Some(v) = line.values.get(index) {
                let centre = at(frame.x(year), frame.y(*v));
                area.draw(&Circle::new(centre, px(5.0), ink.background.filled()))?;
                area.draw(&Circle::new(centre, px(4.0), line.colour.filled()))?;
            }
        }
    }

    // Direct labels at the line ends: name, then the last value. Labels too close to
    // each other are spread apart, so each gets a leader from the end of its line.
    let ends: Vec<f64> = data
        .lines
        .iter()
        .map(|l| frame.y(l.values.last().copied().unwrap_or(0.0)))
        .collect();
    let block = 2.0 * LABEL_LINE + 2.0;
    let centres = spread_labels(
        &ends,
        block,
        frame.top + block / 2.0 - 6.0,
        frame.bottom + 6.0 - block / 2.0,
    );
    let name_style = TextStyle::from(surface.font(LABEL_FONT)).color(&ink.text);
    let value_style = TextStyle::from(FontDesc::new(
        FontFamily::SansSerif,
        LABEL_FONT * surface.ratio,
        FontStyle::Bold,
    ))
    .color(&ink.text);
    let text_x = frame.right + STUB + 4.0;
    for ((line, end_y), centre) in data.lines.iter().zip(&ends).zip(&centres) {
        // A dot ends the line; a thin leader, clearly not data, leads to the label.
        area.draw(&Circle::new(
            at(frame.right, *end_y),
            px(3.0),
            line.colour.filled(),
        ))?;
        area.draw(&PathElement::new(
            vec![
                at(frame.right + 4.0, *end_y),
                at(frame.right + STUB - 2.0, *centre),
            ],
            line.colour.stroke_width(thin),
        ))?;
        area.draw(&Text::new(
            line.label.clone(),
            at(text_x, centre - 1.0),
            name_style.pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
        let last = line.values.last().copied().unwrap_or(0.0);
        area.draw(&Text::new(
            share_text(last, lang),
            at(text_x, centre + 1.0),
            value_style.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_positions_round_trip() {
        let frame = Frame::new(600.0, 300.0, 2019, 2040, 80.0);
        for year in 2019..=2040 {
            assert_eq!(frame.year_at(frame.x(year)), year);
        }
        assert_eq!(frame.year_at(-50.0), 2019);
        assert_eq!(frame.year_at(5000.0), 2040);
        assert!((frame.y(0.0) - frame.bottom).abs() < 1e-9);
        assert!((frame.y(1.0) - frame.top).abs() < 1e-9);
    }

    #[test]
    fn ticks_keep_first_and_last_and_do_not_crowd() {
        let frame = Frame::new(300.0, 240.0, 2019, 2040, 80.0);
        let ticks = frame.ticks(44.0);
        assert_eq!(ticks.first(), Some(&2019));
        assert_eq!(ticks.last(), Some(&2040));
        let per_year = (frame.right - frame.left) / 21.0;
        for pair in ticks.windows(2) {
            assert!(f64::from(pair[1] - pair[0]) * per_year >= 44.0, "{ticks:?}");
        }
        let one = Frame::new(300.0, 240.0, 2019, 2019, 80.0);
        assert_eq!(one.ticks(44.0), vec![2019]);
    }

    #[test]
    fn labels_spread_apart_and_stay_inside() {
        let out = spread_labels(&[100.0, 101.0, 99.0], 30.0, 0.0, 300.0);
        let mut sorted = out.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(sorted[1] - sorted[0] >= 30.0 - 1e-9 && sorted[2] - sorted[1] >= 30.0 - 1e-9);
        let low = spread_labels(&[299.0, 300.0], 30.0, 0.0, 300.0);
        assert!(low.iter().all(|v| *v <= 300.0));
        assert_eq!(
            spread_labels(&[10.0, 200.0], 30.0, 0.0, 300.0),
            vec![10.0, 200.0]
        );
    }
}
