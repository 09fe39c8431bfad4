//! Canvases that draw sharp on high-DPI screens and redraw when their frame resizes.
//!
//! plotters-canvas draws in canvas pixels, so the backing store is sized to
//! CSS size × `devicePixelRatio` and draw functions scale fonts and strokes by the
//! same ratio.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use::use_element_size;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Size of a canvas in CSS pixels and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasSize {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Device pixels per CSS pixel.
    pub ratio: f64,
}

/// A drawing area in device pixels and the ratio to scale CSS sizes by.
pub struct Surface {
    /// The plotters area covering the whole canvas.
    pub area: DrawingArea<CanvasBackend, Shift>,
    /// Device pixels per CSS pixel.
    pub ratio: f64,
    /// Width in CSS pixels.
    pub width: f64,
    canvas: HtmlCanvasElement,
}

impl Surface {
    /// A CSS length in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.ratio).round() as i32
    }

    /// The canvas's 2D context, for charts that draw without plotters.
    pub fn context(&self) -> Option<CanvasRenderingContext2d> {
        self.canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
    }

    /// Clears the whole canvas to transparent, for a layer drawn over another.
    pub fn clear(&self) {
        if let Some(context) = self.context() {
            let (width, height) = (self.canvas.width(), self.canvas.height());
            context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        }
    }

    /// A font of `css_size` CSS pixels.
    pub fn font(&self, css_size: f64) -> FontDesc<'static> {
        FontDesc::new(
            FontFamily::SansSerif,
            css_size * self.ratio,
            FontStyle::Normal,
        )
    }
}

/// A pixel ratio that, while set, replaces the screen's: the chart frame sets it to
/// redraw its canvas at export resolution. Provided by each chart frame.
#[derive(Clone, Copy)]
pub struct ExportRatio(pub RwSignal<Option<f64>>);

/// Tracks the width of a container; the chart height follows from it.
pub fn use_canvas_size(
    container: NodeRef<Div>,
    height: impl Fn(f64) -> f64 + Send + Sync + 'static,
) -> Memo<CanvasSize> {
    let size = use_element_size(container);
    let export = use_context::<ExportRatio>();
    Memo::new(move |_| {
        let width = size.width.get().floor();
        let screen = gloo_utils::window().device_pixel_ratio().max(1.0);
        let ratio = export.and_then(|e| e.0.get()).unwrap_or(screen);
        CanvasSize {
            width,
            height: height(width),
            ratio,
        }
    })
}

/// Marks the end of a chart's draw on the page's performance timeline as
/// `chart-drawn:<id>`, for the benchmark (`tests/bench/run.mjs`) and for anyone profiling
/// the page. Marks are not cleared: clearing by name costs more than the mark, on every
/// step of a dragged slider, and a mark is a few bytes. Does nothing without
/// `window.performance`.
fn mark_drawn(id: &str) {
    if let Some(performance) = gloo_utils::window().performance() {
        let _ = performance.mark(&format!("chart-drawn:{id}"));
    }
}

/// Draws a chart on `canvas` at `size` whenever anything `draw` reads changes, and
/// marks the end of every draw (`chart-drawn:<id>`).
pub fn redraw(
    id: &'static str,
    canvas: NodeRef<Canvas>,
    size: Memo<CanvasSize>,
    draw: impl Fn(&Surface) + 'static,
) {
    paint(canvas, size, move |surface| {
        draw(surface);
        mark_drawn(id);
    });
}

/// Draws on `canvas` at `size` whenever anything `draw` reads changes: a chart's layer
/// that changes less often than its marks (axes under a line chart), so it is not
/// redrawn with them and marks no draw.
pub fn paint(canvas: NodeRef<Canvas>, size: Memo<CanvasSize>, draw: impl Fn(&Surface) + 'static) {
    Effect::new(move |_| {
        let (Some(canvas), size) = (canvas.get(), size.get()) else {
            return;
        };
        if let Some(surface) = surface(&canvas, size) {
            draw(&surface);
        }
    });
}

/// A chart's canvas layers as one image, drawn in document order onto a canvas the size
/// of the first: what the reader sees, for the PNG download.
pub fn flatten(layers: &[HtmlCanvasElement]) -> Option<HtmlCanvasElement> {
    let [first, rest @ ..] = layers else {
        return None;
    };
    if rest.is_empty() {
        return Some(first.clone());
    }
    let image: HtmlCanvasElement = gloo_utils::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    image.set_width(first.width());
    image.set_height(first.height());
    let context: CanvasRenderingContext2d = image.get_context("2d").ok()??.dyn_into().ok()?;
    for layer in layers {
        context
            .draw_image_with_html_canvas_element(layer, 0.0, 0.0)
            .ok()?;
    }
    Some(image)
}

/// Sizes the canvas backing store for the screen and returns a surface to draw on.
fn surface(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<Surface> {
    if size.width < 1.0 || size.height < 1.0 {
        return None;
    }
    let device_width = (size.width * size.ratio).round() as u32;
    let device_height = (size.height * size.ratio).round() as u32;
    if canvas.width() != device_width || canvas.height() != device_height {
        canvas.set_width(device_width);
        canvas.set_height(device_height);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{}px", size.width));
    let _ = style.set_property("height", &format!("{}px", size.height));
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    Some(Surface {
        area: backend.into_drawing_area(),
        ratio: size.ratio,
        width: size.width,
        canvas: canvas.clone(),
    })
}
