//! Horizontal bar chart with tooltips by mouse, touch and keyboard.

use crate::canvas::{surface, use_canvas_size, Surface};
use crate::i18n::Msg;
use crate::state::use_app_state;
use crate::theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use talent_core::bar_layout::{layout, row_at, BarGeometry, BarRow};

/// What one bar shows, already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct BarDatum {
    /// Category label.
    pub label: String,
    /// Plotted value; `None` is drawn as "not reported".
    pub value: Option<f64>,
    /// The value as text, with its unit.
    pub value_text: String,
    /// Tooltip detail: year, basis and source.
    pub detail: String,
    /// Computed by the app rather than stated by a source.
    pub derived: bool,
}

const ROW_HEIGHT: f64 = 44.0;
const VALUE_WIDTH: f64 = 110.0;

fn geometry(width: f64, rows: usize) -> BarGeometry {
    BarGeometry {
        width,
        height: ROW_HEIGHT * rows as f64,
        label_width: (width * 0.38).min(190.0),
        value_width: VALUE_WIDTH.min(width * 0.3),
    }
}

/// A horizontal bar chart of `data`, with bars scaled from 0 to `max`.
#[component]
pub fn BarChart(
    /// Stable id for tests.
    id: &'static str,
    /// The bars.
    data: Signal<Vec<BarDatum>>,
    /// Value at the right end of the scale.
    max: Signal<f64>,
) -> impl IntoView {
    let state = use_app_state();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let rows = Memo::new(move |_| data.with(Vec::len));
    let size = use_canvas_size(container, move |_| ROW_HEIGHT * rows.get().max(1) as f64);
    let focus = RwSignal::new(None::<usize>);

    let placed = Memo::new(move |_| {
        let values: Vec<Option<f64>> = data.with(|d| d.iter().map(|b| b.value).collect());
        layout(&values, max.get(), geometry(size.get().width, values.len()))
    });

    Effect::new(move |_| {
        let (Some(canvas), size) = (canvas.get(), size.get()) else {
            return;
        };
        let Some(surface) = surface(&canvas, size) else {
            return;
        };
        let lang = state.lang.get();
        let result = data.with(|bars| {
            draw(
                &surface,
                bars,
                &placed.get(),
                focus.get(),
                Msg::NotReported.text(lang),
            )
        });
        if let Err(err) = result {
            leptos::logging::error!("bar chart {id}: {err}");
        }
    });

    let pick = move |y: f64| focus.set(row_at(&placed.get_untracked(), y));
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let count = rows.get_untracked();
        if count == 0 {
            return;
        }
        let next = match (ev.key().as_str(), focus.get_untracked()) {
            ("ArrowDown" | "ArrowRight", Some(i)) => Some((i + 1).min(count - 1)),
            ("ArrowUp" | "ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
            ("ArrowDown" | "ArrowRight" | "ArrowUp" | "ArrowLeft", None) | ("Home", _) => Some(0),
            ("End", _) => Some(count - 1),
            ("Escape", _) => None,
            _ => return,
        };
        ev.prevent_default();
        focus.set(next);
    };

    let tooltip = move || {
        let index = focus.get()?;
        let bar = data.with(|d| d.get(index).cloned())?;
        let row = placed.with(|p| p.get(index).copied())?;
        Some((bar, row))
    };
    let announcement = move || {
        tooltip()
            .map(|(bar, _)| format!("{}: {}. {}", bar.label, bar.value_text, bar.detail))
            .unwrap_or_default()
    };

    view! {
        <div class="bar-chart" node_ref=container data-testid=format!("{id}-chart")>
            <canvas
                node_ref=canvas
                tabindex="0"
                role="img"
                aria-label=move || {
                    let parts: Vec<String> = data.get().iter().map(|b| format!("{} {}", b.label, b.value_text)).collect();
                    format!("{}. {}", parts.join("; "), Msg::ChartKeyboardHint.text(state.lang.get()))
                }
                on:pointermove=move |ev| pick(f64::from(ev.offset_y()))
                on:pointerdown=move |ev| pick(f64::from(ev.offset_y()))
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" { focus.set(None) }
                }
                on:keydown=on_key
                on:blur=move |_| focus.set(None)
            ></canvas>
            {move || tooltip().map(|(bar, row)| view! {
                <div
                    class="tooltip"
                    role="tooltip"
                    data-testid="tooltip"
                    style=format!("top:{}px;left:{}px", row.bottom - 4.0, row.x0)
                >
                    <strong>{bar.label}</strong>
                    <span class="tooltip-value">{bar.value_text}</span>
                    <span class="tooltip-detail">{bar.detail}</span>
                </div>
            })}
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{id}-live")>{announcement}</p>
        </div>
    }
}

fn draw(
    surface: &Surface,
    bars: &[BarDatum],
    rows: &[BarRow],
    focus: Option<usize>,
    not_reported: &str,
) -> Result<(), DrawingAreaErrorKind<<plotters_canvas::CanvasBackend as DrawingBackend>::ErrorType>>
{
    let area = &surface.area;
    area.fill(&theme::BACKGROUND)?;
    let px = |v: f64| surface.px(v);
    let label_style = TextStyle::from(surface.font(14.0)).color(&theme::TEXT);
    let value_style = TextStyle::from(surface.font(14.0)).color(&theme::TEXT);
    let muted = TextStyle::from(surface.font(13.0)).color(&theme::MUTED);
    for (index, (bar, row)) in bars.iter().zip(rows).enumerate() {
        let focused = focus == Some(index);
        let middle = px((row.top + row.bottom) / 2.0);
        let inset = (row.bottom - row.top) * 0.2;
        let (top, bottom) = (px(row.top + inset), px(row.bottom - inset));
        area.draw(&Text::new(
            bar.label.clone(),
            (px(row.x0 - 8.0), middle),
            label_style.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        match row.x1 {
            Some(x1) => {
                let colour = match (focused, bar.derived) {
                    (true, _) => theme::FOCUS,
                    (false, true) => theme::DERIVED,
                    (false, false) => theme::STATED,
                };
                let right = px(x1).max(px(row.x0) + 1);
                area.draw(&Rectangle::new(
                    [(px(row.x0), top), (right, bottom)],
                    colour.filled(),
                ))?;
                area.draw(&Text::new(
                    bar.value_text.clone(),
                    (right + px(6.0), middle),
                    value_style.pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
            None => {
                let outline = if focused { theme::FOCUS } else { theme::GRID };
                let right = px(row.x0 + 96.0);
                area.draw(&Rectangle::new(
                    [(px(row.x0), top), (right, bottom)],
                    outline.stroke_width(px(1.0).max(1) as u32),
                ))?;
                area.draw(&Text::new(
                    not_reported.to_string(),
                    (px(row.x0 + 8.0), middle),
                    muted.pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
        }
    }
    area.present()
}
