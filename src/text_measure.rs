//! Text widths for chart layout, measured once and cached.
//!
//! plotters measures text by inserting a styled `<span>` into the page, which a
//! strict Content Security Policy (no inline styles) blocks and which forces a layout.
//! A 2D context's `measureText` needs neither, and the cache makes redraws free.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The font every chart label uses, as a CSS family list.
pub const FAMILY: &str = "sans-serif";

thread_local! {
    static CONTEXT: Option<CanvasRenderingContext2d> = gloo_utils::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into().ok());
    static WIDTHS: RefCell<HashMap<(String, u32, bool), f64>> = RefCell::new(HashMap::new());
}

/// Width in CSS pixels of `text` at `size` CSS pixels.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let key = (text.to_string(), (size * 10.0).round() as u32, bold);
    if let Some(width) = WIDTHS.with(|w| w.borrow().get(&key).copied()) {
        return width;
    }
    let width = CONTEXT.with(|context| {
        let Some(context) = context else {
            // No canvas support: a rough average glyph width keeps layouts sane.
            return text.chars().count() as f64 * size * 0.6;
        };
        let weight = if bold { "bold " } else { "" };
        context.set_font(&format!("{weight}{size}px {FAMILY}"));
        context.measure_text(text).map_or(0.0, |m| m.width())
    });
    WIDTHS.with(|w| w.borrow_mut().insert(key, width));
    width
}
