//! Row charts of a flow network: diverging bars of net flow (gains right of zero,
//! losses left) and dot rows of two degrees per place (arrivals and departures), with
//! tooltips by mouse, touch and keyboard.
//!
//! Geometry is pure core code (`talent_core::series::regions`); labels wrap with the cached
//! text measurement.

use super::sankey::{css, draw_text_box, font, Tip};
use crate::canvas::{redraw, use_canvas_size};
use crate::text_measure::text_width;
use crate::theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::style::RGBColor;
use talent_core::layout::rows::{diverging, dots, row_at, DivergingLayout, DotLayout};
use talent_core::layout::sankey_labels::{Align, Line, TextBox};
use talent_core::layout::text::wrap;
use web_sys::CanvasRenderingContext2d;

crate::i18n::messages! { RowsMsg {
    KeyboardHint => "Tab to the chart, then use the Up and Down arrow keys to move between rows; Esc clears. Click or tap a row to pin its tooltip.",
        "用 Tab 键进入图表后，用上下方向键在各行之间移动；按 Esc 清除。点击或轻触某行可固定提示。";
}}

/// Marks of a row chart, light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Bars of net gain (Okabe–Ito bluish green).
    Gain,
    /// Bars of net loss (Okabe–Ito reddish purple).
    Loss,
    /// Filled dots: the first value of a row (Okabe–Ito blue).
    DotA,
    /// Rings: the second value of a row (Okabe–Ito orange).
    DotB,
}

impl Mark {
    /// The theme's Okabe–Ito series colour for the mark, light or dark.
    pub fn colour(self, dark: bool) -> RGBColor {
        let palette = theme::palette(dark);
        palette.series(match self {
            Mark::DotA => 0,
            Mark::DotB => 1,
            Mark::Gain => 2,
            Mark::Loss => 3,
        })
    }
}

/// One row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDatum {
    /// Row label (place name).
    pub label: String,
    /// Net value (diverging bars) or first value (dots: a filled dot).
    pub a: f64,
    /// Second value (dots: a ring); unused by diverging bars.
    pub b: f64,
    /// The value printed at the end of a diverging bar.
    pub value_text: String,
    /// Tooltip.
    pub tip: Tip,
}

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStyle {
    /// Diverging bars of `a` around zero.
    Net,
    /// A filled dot at `a`, a ring at `b`, joined by a line.
    Dots,
}

/// Where everything goes at one width.
#[derive(Clone, Debug, PartialEq)]
struct RowPlan {
    labels: Vec<TextBox>,
    font: f64,
    line_height: f64,
    net: Option<DivergingLayout>,
    dots: Option<DotLayout>,
    height: f64,
}

const TOP: f64 = 4.0;
const AXIS: f64 = 24.0;
const PAD: f64 = 5.0;

fn row_plan(rows: &[RowDatum], style: RowStyle, width: f64) -> Option<RowPlan> {
    if width < 40.0 || rows.is_empty() {
        return None;
    }
    let narrow = width < 520.0;
    let (font_size, line_height) = if narrow { (12.0, 14.0) } else { (13.0, 16.0) };
    let widest = rows
        .iter()
        .map(|r| text_width(&r.label, font_size, false))
        .fold(0.0, f64::max);
    let label_width = (widest + 16.0).clamp(width * 0.22, width * if narrow { 0.36 } else { 0.3 });
    let room = label_width - 12.0;
    let wrapped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&r.label, room, &|s| text_width(s, font_size, false)))
        .collect();
    let heights: Vec<f64> = wrapped
        .iter()
        .map(|lines| (lines.len() as f64 * line_height + 12.0).max(30.0))
        .collect();
    let (net, dot_layout, bottom) = match style {
        RowStyle::Net => {
            let values: Vec<f64> = rows.iter().map(|r| r.a).collect();
            let value_widths: Vec<f64> = rows
                .iter()
                .map(|r| text_width(&r.value_text, font_size, true))
                .collect();
            let d = diverging(
                &values,
                &heights,
                &value_widths,
                width,
                label_width,
                PAD,
                TOP,
            );
            let bottom = d.bottom + TOP;
            (Some(d), None, bottom)
        }
        RowStyle::Dots => {
            let pairs: Vec<(f64, f64)> = rows.iter().map(|r| (r.a, r.b)).collect();
            let d = dots(&pairs, &heights, width, label_width, 16.0, TOP);
            let bottom = d.bottom + AXIS;
            (None, Some(d), bottom)
        }
    };
    let labels = wrapped
        .into_iter()
        .zip(&heights)
        .scan(TOP, |y, (lines, &h)| {
            let text_height = lines.len() as f64 * line_height;
            let top = *y + (h - text_height) / 2.0;
            *y += h;
            Some(TextBox {
                lines: lines
                    .into_iter()
                    .map(|text| Line { text, bold: None })
                    .collect(),
                x0: 0.0,
                x1: label_width - 8.0,
                y0: top,
                y1: top + text_height,
                align: Align::Right,
                anchor_y: top + text_height / 2.0,
            })
        })
        .collect();
    Some(RowPlan {
        labels,
        font: font_size,
        line_height,
        net,
        dots: dot_layout,
        height: bottom.ceil(),
    })
}

impl RowPlan {
    fn bands(&self) -> Vec<(f64, f64)> {
        match (&self.net, &self.dots) {
            (Some(d), _) => d.rows.iter().map(|r| (r.top, r.bottom)).collect(),
            (_, Some(d)) => d.rows.iter().map(|r| (r.top, r.bottom)).collect(),
            _ => Vec::new(),
        }
    }
}

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyItem {
    /// What the mark means.
    pub label: String,
    /// The mark.
    pub mark: Mark,
}

/// A row chart with hover, click-to-pin, touch and keyboard focus.
#[component]
pub fn RowChart(
    /// Stable id for tests.
    id: &'static str,
    /// Which chart.
    style: RowStyle,
    /// The rows, top to bottom.
    rows: Signal<Vec<RowDatum>>,
    /// Legend entries.
    key: Signal<Vec<KeyItem>>,
    /// What the chart shows, for screen readers.
    description: Signal<String>,
) -> impl IntoView {
    let state = crate::state::use_app_state();
    let lang = state.lang;
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_canvas_size(container, move |width| {
        rows.with(|r| row_plan(r, style, width))
            .map_or(100.0, |p| p.height)
    });
    let placed = Memo::new(move |_| {
        let width = size.get().width;
        rows.with(|r| row_plan(r, style, width))
    });
    let focus = RwSignal::new(None::<usize>);
    let pinned = RwSignal::new(false);

    redraw(id, canvas, size, move |surface| {
        let Some(ctx) = surface.context() else { return };
        let focused = focus.get();
        let dark = state.dark();
        placed.with(|plan| {
            rows.with(|rows| {
                if let Some(plan) = plan {
                    draw(
                        &ctx,
                        plan,
                        rows,
                        focused,
                        dark,
                        surface.ratio,
                        surface.width,
                    );
                }
            });
        });
    });

    let row_of =
        move |y: f64| placed.with_untracked(|p| p.as_ref().and_then(|p| row_at(&p.bands(), y)));
    let on_move = move |ev: web_sys::PointerEvent| {
        if pinned.get_untracked() {
            return;
        }
        let row = row_of(f64::from(ev.offset_y()));
        if focus.get_untracked() != row {
            focus.set(row);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| match row_of(f64::from(ev.offset_y())) {
        Some(row) if pinned.get_untracked() && focus.get_untracked() == Some(row) => {
            pinned.set(false);
        }
        Some(row) => {
            focus.set(Some(row));
            pinned.set(true);
        }
        None => {
            focus.set(None);
            pinned.set(false);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let total = rows.with_untracked(Vec::len);
        let Some(next) = super::keys::list_step(&ev.key(), focus.get_untracked(), total) else {
            return;
        };
        ev.prevent_default();
        focus.set(next);
        pinned.set(next.is_some());
    };

    let tooltip = move || {
        let index = focus.get()?;
        let tip = rows.with(|r| r.get(index).map(|r| r.tip.clone()))?;
        let (x, y) = placed.with(|p| {
            let p = p.as_ref()?;
            let band = p.bands().get(index).copied()?;
            let x = p.labels.get(index).map_or(0.0, |l| l.x1 * 0.5);
            Some((x, band.1))
        })?;
        Some((tip, x, y))
    };
    let announcement = move || {
        tooltip()
            .map(|(tip, ..)| format!("{}: {}. {}", tip.heading, tip.value, tip.detail))
            .unwrap_or_default()
    };
    let label = move || {
        format!(
            "{} {}",
            description.get(),
            RowsMsg::KeyboardHint.text(lang.get())
        )
    };

    view! {
        <div class="bar-chart" data-testid=format!("{id}-chart")>
            <ul class="legend" aria-hidden="true">
                {move || {
                    let dark = state.dark();
                    key.get().into_iter().map(|item| {
                        let colour = css(item.mark.colour(dark), 1.0);
                        let ring = item.mark == Mark::DotB;
                        let background = if ring { "transparent".to_string() } else { colour.clone() };
                        let border = format!("{} solid {colour}", if ring { "2px" } else { "1px" });
                        view! {
                            <li>
                                <span class="swatch" style:background=background style:border=border style:border-radius=if ring { "50%" } else { "2px" }></span>
                                {item.label}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <div class="canvas-wrap" node_ref=container>
                <canvas
                    node_ref=canvas
                    tabindex="0"
                    role="img"
                    aria-label=label
                    on:pointermove=on_move
                    on:pointerleave=move |ev: web_sys::PointerEvent| {
                        if ev.pointer_type() == "mouse" && !pinned.get_untracked() {
                            focus.set(None);
                        }
                    }
                    on:click=on_click
                    on:keydown=on_key
                    on:blur=move |_| {
                        focus.set(None);
                        pinned.set(false);
                    }
                ></canvas>
                {move || tooltip().map(|(tip, x, y)| view! {
                    <div
                        class="tooltip"
                        role="tooltip"
                        data-testid="tooltip"
                        style:top=format!("{}px", y + 2.0)
                        style:left=format!("{}px", x.max(0.0))
                    >
                        <strong>{tip.heading}</strong>
                        <span class="tooltip-value">{tip.value}</span>
                        <span class="tooltip-detail">{tip.detail}</span>
                    </div>
                })}
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{id}-live")>{announcement}</p>
        </div>
    }
}

fn draw(
    ctx: &CanvasRenderingContext2d,
    plan: &RowPlan,
    rows: &[RowDatum],
    focus: Option<usize>,
    dark: bool,
    ratio: f64,
    width: f64,
) {
    let ink = theme::palette(dark);
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.set_fill_style_str(&css(ink.background, 1.0));
    ctx.fill_rect(0.0, 0.0, width, plan.height + 2.0);
    let bands = plan.bands();
    if let Some(i) = focus {
        if let Some(&(top, bottom)) = bands.get(i) {
            ctx.set_fill_style_str(&css(ink.highlight_band, 1.0));
            ctx.fill_rect(0.0, top, width, bottom - top);
        }
    }
    let last = bands.last().map_or(TOP, |b| b.1);
    if let Some(d) = &plan.net {
        // Zero line.
        ctx.set_stroke_style_str(&css(ink.muted, 1.0));
        ctx.set_line_width(1.0);
        ctx.begin_path();
        ctx.move_to(d.zero_x.round() + 0.5, TOP);
        ctx.line_to(d.zero_x.round() + 0.5, last);
        ctx.stroke();
        for (i, (row, datum)) in d.rows.iter().zip(rows).enumerate() {
            let inset = ((row.bottom - row.top) * 0.22).min(9.0);
            let colour = if datum.a < 0.0 {
                Mark::Loss
            } else {
                Mark::Gain
            }
            .colour(dark);
            let focused = focus == Some(i);
            ctx.set_fill_style_str(&css(if focused { ink.focus } else { colour }, 1.0));
            ctx.fill_rect(
                row.bar_x0,
                row.top + inset,
                (row.bar_x1 - row.bar_x0).max(1.0),
                row.bottom - row.top - 2.0 * inset,
            );
            ctx.set_fill_style_str(&css(ink.text, 1.0));
            ctx.set_font(&font(plan.font, true));
            ctx.set_text_baseline("middle");
            ctx.set_text_align(match row.value_align {
                Align::Left => "left",
                Align::Right => "right",
            });
            let _ = ctx.fill_text(&datum.value_text, row.value_x, (row.top + row.bottom) / 2.0);
            ctx.set_text_align("left");
        }
    }
    if let Some(d) = &plan.dots {
        ctx.set_font(&font(11.0, false));
        ctx.set_text_baseline("top");
        ctx.set_text_align("center");
        for &(value, x) in &d.ticks {
            ctx.set_stroke_style_str(&css(ink.grid, 1.0));
            ctx.set_line_width(1.0);
            ctx.begin_path();
            ctx.move_to(x.round() + 0.5, TOP);
            ctx.line_to(x.round() + 0.5, last);
            ctx.stroke();
            ctx.set_fill_style_str(&css(ink.muted, 1.0));
            let _ = ctx.fill_text(&format!("{value}"), x, last + 5.0);
        }
        ctx.set_text_align("left");
        for (i, row) in d.rows.iter().enumerate() {
            let y = (row.top + row.bottom) / 2.0;
            let focused = focus == Some(i);
            ctx.set_stroke_style_str(&css(if focused { ink.focus } else { ink.muted }, 1.0));
            ctx.set_line_width(if focused { 2.5 } else { 1.5 });
            ctx.begin_path();
            ctx.move_to(row.a_x, y);
            ctx.line_to(row.b_x, y);
            ctx.stroke();
            // Ring (second value) under the filled dot (first value): both stay visible
            // when they coincide.
            ctx.begin_path();
            let _ = ctx.arc(row.b_x, y, 6.5, 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str(&css(ink.background, 1.0));
            ctx.fill();
            ctx.set_stroke_style_str(&css(Mark::DotB.colour(dark), 1.0));
            ctx.set_line_width(2.5);
            ctx.stroke();
            ctx.begin_path();
            let _ = ctx.arc(row.a_x, y, 4.5, 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str(&css(Mark::DotA.colour(dark), 1.0));
            ctx.fill();
        }
    }
    for (i, label) in plan.labels.iter().enumerate() {
        let colour = if focus == Some(i) {
            css(ink.focus, 1.0)
        } else {
            css(ink.text, 1.0)
        };
        draw_text_box(ctx, label, plan.font, plan.line_height, &colour);
    }
}
