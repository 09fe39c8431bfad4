//! Horizontal bar chart, one row per category and one bar per series, with
//! tooltips by mouse, touch and keyboard and a highlight shared across charts.

use crate::canvas::{redraw, use_canvas_size, Surface};
use crate::i18n::Msg;
use crate::state::use_app_state;
use crate::text_measure::text_width;
use crate::theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use talent_core::layout::bars::{layout, row_at, BarGeometry, BarRow};

/// What one bar shows, already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct BarDatum {
    /// Plotted value; `None` is drawn as "not reported".
    pub value: Option<f64>,
    /// The value as text, with its unit.
    pub value_text: String,
    /// Tooltip detail: year, basis and source.
    pub detail: String,
    /// Computed by the app rather than stated by a source.
    pub derived: bool,
}

/// One category row.
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroupDatum {
    /// Stable key, shared by the charts of a view for highlighting.
    pub key: String,
    /// Category label.
    pub label: String,
    /// One bar per series.
    pub bars: Vec<BarDatum>,
}

const GROUP_HEIGHT: f64 = 44.0;
const BAR_HEIGHT: f64 = 24.0;
const FONT: f64 = 14.0;
const VALUE_FONT_GROUPED: f64 = 13.0;

fn chart_height(groups: usize, per_group: usize) -> f64 {
    let per_group = per_group.max(1) as f64;
    let band = if per_group > 1.0 {
        BAR_HEIGHT * per_group / 0.8
    } else {
        GROUP_HEIGHT
    };
    band * groups.max(1) as f64
}

/// A bar chart of `groups`, bars scaled from 0 to `max`; `series` names the bars of
/// a group (a legend is shown when there are several).
#[component]
pub fn BarChart(
    /// Stable id for tests.
    id: &'static str,
    /// The rows.
    groups: Signal<Vec<BarGroupDatum>>,
    /// Names of the series, in bar order.
    series: Signal<Vec<String>>,
    /// Value at the right end of the scale.
    max: Signal<f64>,
    /// The highlighted category key, shared by the charts of a view.
    #[prop(optional)]
    highlight: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let state = use_app_state();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let per_group = Memo::new(move |_| series.with(Vec::len).max(1));
    let count = Memo::new(move |_| groups.with(Vec::len));
    let size = use_canvas_size(container, move |_| {
        chart_height(count.get(), per_group.get())
    });
    let focus = RwSignal::new(None::<usize>);
    let placed = RwSignal::new(Vec::<BarRow>::new());
    let highlighted = move || highlight.and_then(|h| h.get());

    redraw(id, canvas, size, move |surface| {
        let not_reported = Msg::NotReported.text(state.lang.get());
        let result = groups.with(|groups| {
            let drawing = Drawing {
                palette: theme::palette(state.dark()),
                groups,
                per_group: per_group.get(),
                max: max.get(),
                focus: focus.get(),
                highlight: highlighted(),
                not_reported,
            };
            drawing
                .draw(surface, surface.width)
                .map(|rows| placed.set(rows))
        });
        if let Err(err) = result {
            leptos::logging::error!("bar chart {id}: {err}");
        }
    });

    let bar_at = move |index: usize| {
        let per = per_group.get_untracked();
        groups.with_untracked(|g| g.get(index / per).map(|group| (group.clone(), index % per)))
    };
    let pick = move |y: f64| focus.set(placed.with_untracked(|rows| row_at(rows, y)));
    // Clicking (or Enter on) a bar highlights its category in every chart of the view;
    // again clears it.
    let toggle_highlight = move |index: usize| {
        if let (Some(highlight), Some((group, _))) = (highlight, bar_at(index)) {
            highlight.update(|h| {
                *h = if h.as_ref() == Some(&group.key) {
                    None
                } else {
                    Some(group.key)
                }
            });
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(index) = placed.with_untracked(|rows| row_at(rows, f64::from(ev.offset_y()))) {
            toggle_highlight(index);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let current = focus.get_untracked();
        let next = match (ev.key().as_str(), current) {
            ("Enter" | " ", Some(i)) => {
                toggle_highlight(i);
                Some(i)
            }
            (key, _) => match super::keys::list_step(key, current, placed.with_untracked(Vec::len))
            {
                Some(next) => next,
                None => return,
            },
        };
        ev.prevent_default();
        focus.set(next);
    };

    let tooltip = move || {
        let index = focus.get()?;
        let (group, series_index) = bar_at(index)?;
        let row = placed.with(|p| p.get(index).copied())?;
        let bar = group.bars.get(series_index)?.clone();
        let name = series.with(|s| {
            if s.len() > 1 {
                s.get(series_index).cloned()
            } else {
                None
            }
        });
        let heading = match name {
            Some(name) => format!("{} · {name}", group.label),
            None => group.label,
        };
        Some((heading, bar, row))
    };
    let announcement = move || {
        tooltip()
            .map(|(heading, bar, _)| format!("{heading}: {}. {}", bar.value_text, bar.detail))
            .unwrap_or_default()
    };
    let description = move || {
        let lang = state.lang.get();
        let names = series.get();
        let rows: Vec<String> = groups
            .get()
            .iter()
            .map(|g| {
                let values: Vec<String> = g
                    .bars
                    .iter()
                    .enumerate()
                    .map(|(i, b)| match names.get(i).filter(|_| names.len() > 1) {
                        Some(name) => format!("{name} {}", b.value_text),
                        None => b.value_text.clone(),
                    })
                    .collect();
                format!("{}: {}", g.label, values.join(", "))
            })
            .collect();
        format!("{}. {}", rows.join("; "), Msg::ChartKeyboardHint.text(lang))
    };

    view! {
        <div class="bar-chart" data-testid=format!("{id}-chart")>
            <Show when=move || { per_group.get() > 1 }>
                <ul class="legend" aria-hidden="true">
                    {move || series.get().into_iter().enumerate().map(|(i, name)| view! {
                        <li><span class="swatch" style:background=move || theme::palette(state.dark()).series_css(i)></span>{name}</li>
                    }).collect_view()}
                </ul>
            </Show>
            <div class="canvas-wrap" node_ref=container>
                <canvas
                    node_ref=canvas
                    tabindex="0"
                    role="img"
                    aria-label=description
                    on:pointermove=move |ev| pick(f64::from(ev.offset_y()))
                    on:pointerdown=move |ev| pick(f64::from(ev.offset_y()))
                    on:pointerleave=move |ev: web_sys::PointerEvent| {
                        if ev.pointer_type() == "mouse" { focus.set(None) }
                    }
                    on:click=on_click
                    on:keydown=on_key
                    on:blur=move |_| focus.set(None)
                ></canvas>
                {move || tooltip().map(|(heading, bar, row)| view! {
                    <div
                        class="tooltip"
                        role="tooltip"
                        data-testid="tooltip"
                        style:top=format!("{}px", row.bottom + 2.0)
                        style:left=format!("{}px", row.x0)
                    >
                        <strong>{heading}</strong>
                        <span class="tooltip-value">{bar.value_text}</span>
                        <span class="tooltip-detail">{bar.detail}</span>
                    </div>
                })}
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{id}-live")>{announcement}</p>
        </div>
    }
}

type DrawResult<T> =
    Result<T, DrawingAreaErrorKind<<plotters_canvas::CanvasBackend as DrawingBackend>::ErrorType>>;

/// One frame of a bar chart.
struct Drawing<'a> {
    palette: &'static theme::Palette,
    groups: &'a [BarGroupDatum],
    per_group: usize,
    max: f64,
    focus: Option<usize>,
    highlight: Option<String>,
    not_reported: &'a str,
}

impl Drawing<'_> {
    /// Draws and returns where each bar went (CSS pixels), for hit-testing.
    fn draw(&self, surface: &Surface, width: f64) -> DrawResult<Vec<BarRow>> {
        let area = &surface.area;
        let colours = self.palette;
        area.fill(&colours.background)?;
        let label_font = surface.font(FONT);
        let widest = self
            .groups
            .iter()
            .map(|g| text_width(&g.label, FONT, false))
            .fold(0.0, f64::max);
        let value_font = if self.per_group > 1 {
            VALUE_FONT_GROUPED
        } else {
            FONT
        };
        let widest_value = self
            .groups
            .iter()
            .flat_map(|g| g.bars.iter().filter(|b| b.value.is_some()))
            .map(|b| text_width(&b.value_text, value_font, false))
            .fold(0.0, f64::max);
        let geometry = BarGeometry {
            width,
            height: chart_height(self.groups.len(), self.per_group),
            label_width: (widest + 14.0).clamp(width * 0.25, width * 0.42),
            value_width: (widest_value + 12.0).min(width * 0.4),
        };
        let values: Vec<Option<f64>> = self
            .groups
            .iter()
            .flat_map(|g| (0..self.per_group).map(|i| g.bars.get(i).and_then(|b| b.value)))
            .collect();
        let rows = layout(&values, self.per_group, self.max, geometry);
        let px = |v: f64| surface.px(v);
        let value_style = TextStyle::from(surface.font(value_font)).color(&colours.text);
        let muted = TextStyle::from(surface.font(12.0)).color(&colours.muted);
        for (g, group) in self.groups.iter().enumerate() {
            let first = g * self.per_group;
            let Some(band_rows) = rows.get(first..first + self.per_group) else {
                break;
            };
            let highlighted = self.highlight.as_deref() == Some(group.key.as_str());
            let top = band_rows[0].top;
            let bottom = band_rows[band_rows.len() - 1].bottom;
            if highlighted {
                area.draw(&Rectangle::new(
                    [(0, px(top - 2.0)), (px(width), px(bottom + 2.0))],
                    colours.highlight_band.filled(),
                ))?;
            }
            let label_style = TextStyle::from(if highlighted {
                label_font.clone().style(FontStyle::Bold)
            } else {
                label_font.clone()
            })
            .color(&colours.text);
            self.draw_label(
                surface,
                &group.label,
                geometry.label_width,
                (top + bottom) / 2.0,
                &label_style,
            )?;
            for (i, (bar, row)) in group.bars.iter().zip(band_rows).enumerate() {
                let focused = self.focus == Some(first + i);
                let middle = px((row.top + row.bottom) / 2.0);
                let inset = if self.per_group > 1 {
                    2.0
                } else {
                    (row.bottom - row.top) * 0.2
                };
                let (y0, y1) = (px(row.top + inset), px(row.bottom - inset));
                match row.x1 {
                    Some(x1) => {
                        let colour = if focused {
                            colours.focus
                        } else {
                            colours.series(i)
                        };
                        let right = px(x1).max(px(row.x0) + 1);
                        let corners = [(px(row.x0), y0), (right, y1)];
                        if bar.derived {
                            area.draw(&Rectangle::new(corners, colour.mix(0.35).filled()))?;
                            area.draw(&Rectangle::new(
                                corners,
                                colour.stroke_width(px(1.5) as u32),
                            ))?;
                        } else {
                            area.draw(&Rectangle::new(corners, colour.filled()))?;
                        }
                        area.draw(&Text::new(
                            bar.value_text.clone(),
                            (right + px(6.0), middle),
                            value_style.pos(Pos::new(HPos::Left, VPos::Center)),
                        ))?;
                    }
                    None => {
                        let outline = if focused { colours.focus } else { colours.grid };
                        let right = px(row.x0 + 88.0);
                        area.draw(&Rectangle::new(
                            [(px(row.x0), y0), (right, y1)],
                            outline.stroke_width(px(1.0).max(1) as u32),
                        ))?;
                        area.draw(&Text::new(
                            self.not_reported.to_string(),
                            (px(row.x0 + 6.0), middle),
                            muted.pos(Pos::new(HPos::Left, VPos::Center)),
                        ))?;
                    }
                }
            }
        }
        area.present()?;
        Ok(rows)
    }

    /// A category label right-aligned before the bars, on two lines when too long.
    fn draw_label(
        &self,
        surface: &Surface,
        text: &str,
        label_width: f64,
        middle: f64,
        style: &TextStyle,
    ) -> DrawResult<()> {
        let room = label_width - 10.0;
        let lines = if text_width(text, FONT, false) <= room {
            vec![text.to_string()]
        } else {
            split_in_two(text)
        };
        let line_height = FONT * 1.2;
        let first = middle - line_height * (lines.len() as f64 - 1.0) / 2.0;
        for (i, line) in lines.into_iter().enumerate() {
            surface.area.draw(&Text::new(
                line,
                (
                    surface.px(label_width - 8.0),
                    surface.px(first + line_height * i as f64),
                ),
                style.pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        Ok(())
    }
}

/// Splits a label near its middle: at a space for Latin text, between characters for Chinese.
fn split_in_two(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let middle = chars.len() / 2;
    let space = (0..chars.len())
        .filter(|&i| chars[i] == ' ')
        .min_by_key(|&i| i.abs_diff(middle));
    let (head, tail) = match space {
        Some(i) => (&chars[..i], &chars[i + 1..]),
        None => chars.split_at(middle),
    };
    vec![head.iter().collect(), tail.iter().collect()]
}
