//! Sankey diagram on a canvas: stage-separated nodes, ribbons, and labels in lanes that
//! no ribbon crosses, with tooltips by mouse, touch and keyboard.
//!
//! Layout, label placement, hit-testing, highlighting and keyboard moves are pure core
//! code (`talent_core::layout::sankey_labels`); this component measures text (cached), draws
//! with the canvas 2D context and wires the events.

use crate::canvas::{redraw, use_canvas_size};
use crate::text_measure::{text_width, FAMILY};
use crate::theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::style::RGBColor;
use talent_core::layout::sankey::{Hit, LinkLayout, SankeyLink, SankeyNode};
use talent_core::layout::sankey_labels::{
    highlight, line_width, plan, step, Align, NavKey, NodeLabel, PlanStyle, SankeyPlan, TextBox,
};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

crate::i18n::messages! { SankeyMsg {
    KeyboardHint => "Tab to the chart, then use the arrow keys: Up and Down move within a column or between the flows of one node, Right and Left follow the flows; Esc clears. Click or tap to pin a tooltip.",
        "用 Tab 键进入图表后使用方向键：上下键在同一列的节点之间或同一节点的流向之间移动，左右键沿流向移动；按 Esc 清除。点击或轻触可固定提示。";
    Flows => "flows", "条流向";
}}

/// What a mark stands for; decides its colour. Colour is never the only cue: every
/// node is labelled and not-reported marks are also hatched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A starting group (the whole sample).
    Neutral,
    /// The United States.
    Us,
    /// China.
    China,
    /// Other countries or the rest of the world.
    Other,
    /// A group with ties to more than one place.
    Mixed,
    /// A part the source does not report.
    NotReported,
}

impl Tone {
    /// Okabe–Ito colours from the theme (blue, vermillion, bluish green, reddish purple;
    /// sky blue for the US on a dark page) and greys.
    pub fn colour(self, dark: bool) -> RGBColor {
        let palette = theme::palette(dark);
        match self {
            Tone::Neutral => palette.muted,
            Tone::Us if dark => theme::SERIES_US_DARK,
            Tone::Us => theme::SERIES_US,
            Tone::China => theme::SERIES_CHINA,
            Tone::Other => theme::SERIES_REST,
            Tone::Mixed => palette.series(3),
            Tone::NotReported => theme::NOT_REPORTED,
        }
    }
}

/// A colour as CSS `rgba(...)`.
pub fn css(c: RGBColor, alpha: f64) -> String {
    format!("rgba({},{},{},{alpha})", c.0, c.1, c.2)
}

/// Tooltip text of a node or link, already in the reader's language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Tip {
    /// First line, bold.
    pub heading: String,
    /// The count and share.
    pub value: String,
    /// Basis, formula, caveat.
    pub detail: String,
}

/// One node to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowNodeDatum {
    /// Stable key (the same in every language), for links that pin it.
    pub key: String,
    /// Stage (column).
    pub stage: usize,
    /// Label in the lane.
    pub label: String,
    /// Value printed in bold after the label.
    pub value_text: String,
    /// `false` for a part the source does not report (drawn hatched).
    pub reported: bool,
    /// Computed by the app from stated figures (drawn light with an outline).
    pub derived: bool,
    /// Colour role.
    pub tone: Tone,
    /// Tooltip.
    pub tip: Tip,
}

/// One link to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLinkDatum {
    /// Index of the source node.
    pub source: usize,
    /// Index of the target node.
    pub target: usize,
    /// Size.
    pub value: f64,
    /// Colour role.
    pub tone: Tone,
    /// Tooltip.
    pub tip: Tip,
}

/// Everything a Sankey chart shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FlowChartData {
    /// Nodes; within a stage, top to bottom.
    pub nodes: Vec<FlowNodeDatum>,
    /// Links, in drawing order.
    pub links: Vec<FlowLinkDatum>,
    /// Column headings, left to right.
    pub stages: Vec<String>,
    /// Short description for screen readers (what the diagram shows).
    pub description: String,
}

impl FlowChartData {
    fn sankey_input(&self) -> (Vec<SankeyNode>, Vec<SankeyLink>, Vec<NodeLabel>) {
        let nodes = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let node = SankeyNode::new(format!("n{i}"), n.stage);
                if n.reported {
                    node
                } else {
                    node.unreported()
                }
            })
            .collect();
        let links = self
            .links
            .iter()
            .map(|l| SankeyLink::new(format!("n{}", l.source), format!("n{}", l.target), l.value))
            .collect();
        let labels = self
            .nodes
            .iter()
            .map(|n| NodeLabel {
                name: n.label.clone(),
                value: n.value_text.clone(),
            })
            .collect();
        (nodes, links, labels)
    }

    fn tip(&self, hit: Hit) -> Option<&Tip> {
        match hit {
            Hit::Node(n) => self.nodes.get(n).map(|n| &n.tip),
            Hit::Link(l) => self.links.get(l).map(|l| &l.tip),
        }
    }

    /// The key of a node (`its key`) or link (`source key-target key`), for links that
    /// pin it.
    pub fn key_of(&self, hit: Hit) -> Option<String> {
        match hit {
            Hit::Node(n) => self.nodes.get(n).map(|n| n.key.clone()),
            Hit::Link(l) => {
                let link = self.links.get(l)?;
                let (s, t) = (self.nodes.get(link.source)?, self.nodes.get(link.target)?);
                Some(format!("{}-{}", s.key, t.key))
            }
        }
    }

    /// The node or link with this key.
    pub fn find(&self, key: &str) -> Option<Hit> {
        if let Some(n) = self.nodes.iter().position(|n| n.key == key) {
            return Some(Hit::Node(n));
        }
        (0..self.links.len())
            .find(|&l| self.key_of(Hit::Link(l)).as_deref() == Some(key))
            .map(Hit::Link)
    }
}

/// Measures with the page's cached canvas measurement.
fn measure(text: &str, size: f64, bold: bool) -> f64 {
    text_width(text, size, bold)
}

/// The plan of `data` at `width` CSS pixels, or `None` when it cannot be laid out.
fn plan_for(data: &FlowChartData, width: f64) -> Option<SankeyPlan> {
    if width < 40.0 || data.nodes.is_empty() {
        return None;
    }
    let (nodes, links, labels) = data.sankey_input();
    match plan(
        &nodes,
        &links,
        &labels,
        &data.stages,
        width,
        PlanStyle::for_width(width),
        &measure,
    ) {
        Ok(plan) => Some(plan),
        Err(err) => {
            leptos::logging::warn!("sankey layout: {err}");
            None
        }
    }
}

/// The hatching of not-reported marks, for HTML keys.
pub const HATCH_CSS: &str = "repeating-linear-gradient(135deg, #8a9096 0 1px, transparent 1px 4px)";

/// Extra pixels around shapes for touch.
const TOUCH_SLOP: f64 = 8.0;

/// A Sankey diagram with hover, click-to-pin, touch and keyboard focus.
#[component]
pub fn SankeyChart(
    /// Stable id for tests.
    id: &'static str,
    /// What to draw.
    data: Signal<FlowChartData>,
    /// Where the key of the pinned node or link is kept (e.g. in the link state).
    #[prop(optional)]
    pin: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let state = crate::state::use_app_state();
    let lang = state.lang;
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_canvas_size(container, move |width| {
        data.with(|d| plan_for(d, width))
            .map_or(200.0, |p| p.height.ceil())
    });
    let placed = Memo::new(move |_| {
        let width = size.get().width;
        data.with(|d| plan_for(d, width))
    });
    let active = RwSignal::new(None::<Hit>);
    let pinned = RwSignal::new(false);
    // Keeps the pinned item and the shared pin in step.
    let set_focus = move |hit: Option<Hit>, pin_it: bool| {
        active.set(hit);
        pinned.set(pin_it && hit.is_some());
        if let Some(pin) = pin {
            let key = if pin_it {
                hit.and_then(|h| data.with_untracked(|d| d.key_of(h)))
            } else {
                None
            };
            if pin.get_untracked() != key {
                pin.set(key);
            }
        }
    };
    // A new diagram, or a pin set from outside (a link, Back): show the pinned item;
    // without one, nothing is focused.
    Effect::new(move |_| {
        let key = pin.and_then(|p| p.get());
        let target = data.with(|d| key.as_deref().and_then(|k| d.find(k)));
        match target {
            Some(hit) => {
                if active.get_untracked() != Some(hit) || !pinned.get_untracked() {
                    active.set(Some(hit));
                    pinned.set(true);
                }
            }
            None => {
                active.set(None);
                pinned.set(false);
            }
        }
    });

    redraw(id, canvas, size, move |surface| {
        let Some(ctx) = surface.context() else { return };
        let focus = active.get();
        let dark = state.dark();
        placed.with(|plan| {
            data.with(|data| {
                if let Some(plan) = plan {
                    draw(&ctx, plan, data, focus, dark, surface.ratio, surface.width);
                }
            });
        });
    });

    let hit_at = move |x: f64, y: f64, slop: f64| {
        placed.with_untracked(|p| p.as_ref().and_then(|p| p.hit(x, y, slop)))
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if pinned.get_untracked() {
            return;
        }
        let slop = if ev.pointer_type() == "mouse" {
            0.0
        } else {
            TOUCH_SLOP
        };
        let hit = hit_at(f64::from(ev.offset_x()), f64::from(ev.offset_y()), slop);
        if active.get_untracked() != hit {
            active.set(hit);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let hit = hit_at(f64::from(ev.offset_x()), f64::from(ev.offset_y()), 2.0);
        match hit {
            Some(hit) if pinned.get_untracked() && active.get_untracked() == Some(hit) => {
                set_focus(Some(hit), false);
            }
            Some(hit) => set_focus(Some(hit), true),
            None => set_focus(None, false),
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = match ev.key().as_str() {
            "ArrowUp" => NavKey::Up,
            "ArrowDown" => NavKey::Down,
            "ArrowLeft" => NavKey::Left,
            "ArrowRight" => NavKey::Right,
            "Home" => NavKey::Home,
            "End" => NavKey::End,
            "Escape" => {
                set_focus(None, false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let next = placed.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| step(&p.laned.layout, active.get_untracked(), key))
        });
        set_focus(next, true);
    };

    let tooltip = move || {
        let hit = active.get()?;
        let tip = data.with(|d| d.tip(hit).cloned())?;
        let (x, y, width) = placed.with(|p| {
            let p = p.as_ref()?;
            let layout = &p.laned.layout;
            let (x, y) = match hit {
                Hit::Node(n) => {
                    let node = layout.nodes.get(n)?;
                    let label = p.labels.get(n)?;
                    let x = if label.align == Align::Right {
                        label.x0
                    } else {
                        node.x0
                    };
                    (x, node.y1.max(label.y1))
                }
                Hit::Link(l) => {
                    let link = layout.links.get(l)?;
                    let x = (link.x0 + link.x1) / 2.0;
                    let y = link.centre_y_at(x).unwrap_or(link.y0) + link.width / 2.0;
                    (x, y)
                }
            };
            Some((x, y, layout.width))
        })?;
        Some((tip, x, y, width))
    };
    let announcement = move || {
        tooltip()
            .map(|(tip, ..)| format!("{}: {}. {}", tip.heading, tip.value, tip.detail))
            .unwrap_or_default()
    };
    let description = move || {
        let l = lang.get();
        data.with(|d| {
            format!(
                "{} ({} {}). {}",
                d.description,
                d.links.len(),
                SankeyMsg::Flows.text(l),
                SankeyMsg::KeyboardHint.text(l)
            )
        })
    };
    let has_unreported = move || data.with(|d| d.nodes.iter().any(|n| !n.reported));
    let has_derived = move || data.with(|d| d.nodes.iter().any(|n| n.derived));

    view! {
        <div class="bar-chart" data-testid=format!("{id}-chart")>
            <div class="canvas-wrap" node_ref=container>
                <canvas
                    node_ref=canvas
                    tabindex="0"
                    role="img"
                    aria-label=description
                    on:pointermove=on_move
                    on:pointerleave=move |ev: web_sys::PointerEvent| {
                        if ev.pointer_type() == "mouse" && !pinned.get_untracked() {
                            active.set(None);
                        }
                    }
                    on:click=on_click
                    on:keydown=on_key
                ></canvas>
                {move || tooltip().map(|(tip, x, y, width)| {
                    let right = x > width * 0.55;
                    view! {
                        <div
                            class="tooltip"
                            role="tooltip"
                            data-testid="tooltip"
                            style:top=format!("{}px", y + 6.0)
                            style:left=if right { "auto".to_string() } else { format!("{}px", x.max(0.0)) }
                            style:right=if right { format!("{}px", (width - x).max(0.0)) } else { "auto".to_string() }
                        >
                            <strong>{tip.heading}</strong>
                            <span class="tooltip-value">{tip.value}</span>
                            <span class="tooltip-detail">{tip.detail}</span>
                        </div>
                    }
                })}
            </div>
            <ul class="legend" data-testid=format!("{id}-key")>
                <Show when=has_unreported>
                    <li>
                        <span class="swatch" style:background=HATCH_CSS style:border="1px solid #8a9096"></span>
                        {move || crate::i18n::Msg::NotReported.text(lang.get())}
                    </li>
                </Show>
                <Show when=has_derived>
                    <li>
                        <span class="swatch" style:background="rgba(0,114,178,0.35)" style:border="1.5px solid #0072b2"></span>
                        {move || crate::i18n::Msg::DerivedBy.text(lang.get())}
                    </li>
                </Show>
            </ul>
            <p class="visually-hidden" aria-live="polite" data-testid=format!("{id}-live")>{announcement}</p>
        </div>
    }
}

/// A CSS font for the canvas, in the family text is measured with.
pub fn font(size: f64, bold: bool) -> String {
    let weight = if bold { "bold " } else { "" };
    format!("{weight}{size}px {FAMILY}")
}

/// Draws a wrapped text box: each line's text, then its bold tail.
pub fn draw_text_box(
    ctx: &CanvasRenderingContext2d,
    text_box: &TextBox,
    size: f64,
    line_height: f64,
    colour: &str,
) {
    ctx.set_fill_style_str(colour);
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    for (k, line) in text_box.lines.iter().enumerate() {
        let y = text_box.y0 + line_height * (k as f64 + 0.5);
        let total = line_width(line, size, &measure);
        let x = match text_box.align {
            Align::Left => text_box.x0,
            Align::Right => text_box.x1 - total,
        };
        ctx.set_font(&font(size, false));
        let _ = ctx.fill_text(&line.text, x, y);
        if let Some(bold) = &line.bold {
            let offset = if line.text.is_empty() {
                0.0
            } else {
                measure(&format!("{} ", line.text), size, false)
            };
            ctx.set_font(&font(size, true));
            let _ = ctx.fill_text(bold, x + offset, y);
        }
    }
}

/// Fills `x0..x1 × y0..y1` with thin diagonal hatching.
fn hatch(ctx: &CanvasRenderingContext2d, x0: f64, y0: f64, x1: f64, y1: f64, colour: &str) {
    ctx.save();
    ctx.begin_path();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    let height = y1 - y0;
    let mut x = x0 - height;
    while x < x1 {
        ctx.move_to(x, y1);
        ctx.line_to(x + height, y0);
        x += 4.0;
    }
    ctx.stroke();
    ctx.restore();
}

fn ribbon_path(ctx: &CanvasRenderingContext2d, link: &LinkLayout) {
    let half = link.width / 2.0;
    let xm = (link.x0 + link.x1) / 2.0;
    ctx.begin_path();
    ctx.move_to(link.x0, link.y0 - half);
    ctx.bezier_curve_to(
        xm,
        link.y0 - half,
        xm,
        link.y1 - half,
        link.x1,
        link.y1 - half,
    );
    ctx.line_to(link.x1, link.y1 + half);
    ctx.bezier_curve_to(
        xm,
        link.y1 + half,
        xm,
        link.y0 + half,
        link.x0,
        link.y0 + half,
    );
    ctx.close_path();
}

fn draw(
    ctx: &CanvasRenderingContext2d,
    plan: &SankeyPlan,
    data: &FlowChartData,
    focus: Option<Hit>,
    dark: bool,
    ratio: f64,
    width: f64,
) {
    let ink = theme::palette(dark);
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.set_fill_style_str(&css(ink.background, 1.0));
    ctx.fill_rect(0.0, 0.0, width, plan.height + 2.0);
    let layout = &plan.laned.layout;
    let (lit_links, lit_nodes) = match focus {
        Some(hit) => highlight(layout, hit),
        None => (
            vec![true; layout.links.len()],
            vec![true; layout.nodes.len()],
        ),
    };
    let dim = focus.is_some();
    let grey = Tone::NotReported.colour(dark);

    // Ribbons.
    for (l, link) in layout.links.iter().enumerate() {
        let Some(datum) = data.links.get(l) else {
            continue;
        };
        let alpha = match (dim, lit_links[l]) {
            (false, _) => 0.42,
            (true, true) => 0.72,
            (true, false) => 0.1,
        };
        ribbon_path(ctx, link);
        ctx.set_fill_style_str(&css(datum.tone.colour(dark), alpha));
        ctx.fill();
        if !layout.nodes[link.target].reported {
            // Dashed edges mark a flow into a part the source does not report.
            let _ = ctx.set_line_dash(&JsValue::from(vec![4.0_f64, 3.0]));
            ctx.set_stroke_style_str(&css(grey, if lit_links[l] { 0.9 } else { 0.3 }));
            ctx.set_line_width(1.0);
            ctx.stroke();
            let _ = ctx.set_line_dash(&JsValue::from(Vec::<f64>::new()));
        }
        if focus == Some(Hit::Link(l)) {
            ribbon_path(ctx, link);
            ctx.set_stroke_style_str(&css(ink.focus, 1.0));
            ctx.set_line_width(2.0);
            ctx.stroke();
        }
    }

    // Nodes: filled, or hatched and outlined when not reported.
    for (n, node) in layout.nodes.iter().enumerate() {
        let Some(datum) = data.nodes.get(n) else {
            continue;
        };
        let height = node.height().max(1.0);
        let alpha = if lit_nodes[n] { 1.0 } else { 0.3 };
        let node_width = node.x1 - node.x0;
        if node.reported && datum.derived {
            let colour = datum.tone.colour(dark);
            ctx.set_fill_style_str(&css(ink.background, 1.0));
            ctx.fill_rect(node.x0, node.y0, node_width, height);
            ctx.set_fill_style_str(&css(colour, 0.35 * alpha));
            ctx.fill_rect(node.x0, node.y0, node_width, height);
            ctx.set_stroke_style_str(&css(colour, alpha));
            ctx.set_line_width(1.5);
            ctx.stroke_rect(
                node.x0 + 0.75,
                node.y0 + 0.75,
                node_width - 1.5,
                (height - 1.5).max(0.0),
            );
        } else if node.reported {
            ctx.set_fill_style_str(&css(datum.tone.colour(dark), alpha));
            ctx.fill_rect(node.x0, node.y0, node_width, height);
        } else {
            ctx.set_fill_style_str(&css(ink.background, 1.0));
            ctx.fill_rect(node.x0, node.y0, node_width, height);
            hatch(
                ctx,
                node.x0,
                node.y0,
                node.x1,
                node.y0 + height,
                &css(grey, alpha),
            );
            ctx.set_stroke_style_str(&css(grey, alpha));
            ctx.set_line_width(1.0);
            ctx.stroke_rect(
                node.x0 + 0.5,
                node.y0 + 0.5,
                node_width - 1.0,
                (height - 1.0).max(0.0),
            );
        }
        if focus == Some(Hit::Node(n)) {
            ctx.set_stroke_style_str(&css(ink.focus, 1.0));
            ctx.set_line_width(2.0);
            ctx.stroke_rect(node.x0 - 2.0, node.y0 - 2.0, node_width + 4.0, height + 4.0);
        }
    }

    // Labels, with a short leader when nudged away from their node.
    let style = plan.style;
    for (n, label) in plan.labels.iter().enumerate() {
        if label.lines.is_empty() {
            continue;
        }
        let Some(node) = layout.nodes.get(n) else {
            continue;
        };
        let colour = if lit_nodes[n] {
            css(ink.text, 1.0)
        } else {
            css(ink.muted, 0.55)
        };
        let centre = (label.y0 + label.y1) / 2.0;
        let reach = ((label.y1 - label.y0) / 2.0 - style.line_height / 2.0).max(0.0);
        if (centre - label.anchor_y).abs() > reach + 1.0 {
            let (from_x, to_x) = match label.align {
                Align::Right => (node.x0 - 1.0, label.x1 + 1.0),
                Align::Left => (node.x1 + 1.0, label.x0 - 1.0),
            };
            let to_y = label.anchor_y.clamp(
                label.y0 + style.line_height / 2.0,
                label.y1 - style.line_height / 2.0,
            );
            ctx.begin_path();
            ctx.move_to(from_x, label.anchor_y);
            ctx.line_to(to_x, to_y);
            ctx.set_stroke_style_str(&css(ink.muted, 0.8));
            ctx.set_line_width(1.0);
            ctx.stroke();
        }
        draw_text_box(ctx, label, style.font, style.line_height, &colour);
        if focus == Some(Hit::Node(n)) {
            ctx.set_stroke_style_str(&css(ink.focus, 1.0));
            ctx.set_line_width(1.0);
            ctx.stroke_rect(
                label.x0 - 2.0,
                label.y0 - 1.0,
                label.x1 - label.x0 + 4.0,
                label.y1 - label.y0 + 2.0,
            );
        }
    }

    // Column headings.
    ctx.set_fill_style_str(&css(ink.muted, 1.0));
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    ctx.set_font(&font(style.heading_font, true));
    for heading in &plan.headings {
        for (k, line) in heading.lines.iter().enumerate() {
            let y = heading.y0 + style.heading_line_height * (k as f64 + 0.5);
            let _ = ctx.fill_text(&line.text, heading.x0, y);
        }
    }
}
