//! SVG documents of a scene, through plotters' SVG backend: the static pictures baked into
//! the pages, the SVG downloads and the snapshot tests.

use crate::scene::{paint, Scene};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};
use plotters_svg::SVGBackend;

/// SVG coordinates per design pixel: backends take integers, so two steps per pixel keep
/// curves and thin strokes smooth when the picture is scaled up.
pub const SCALE: f64 = 2.0;

/// plotters' SVG backend writes `font-size` as the requested size divided by 1.24 (its
/// convention for plotters' own fonts); the canvas backend writes the size as it is. Text
/// sizes are multiplied by this before they reach the SVG backend so both agree.
const SVG_FONT_SIZE_FACTOR: f64 = 1.24;

/// The scene as a standalone SVG document: `width` and `height` in design pixels (its
/// size on a page before CSS scales it), a viewBox in [`SCALE`] units, and `title` as its
/// accessible name.
pub fn document(scene: &Scene, title: &str) -> String {
    let (w, h) = (
        (scene.width * SCALE).round() as u32,
        (scene.height * SCALE).round() as u32,
    );
    let mut body = String::new();
    {
        let mut backend = SameTextSize(SVGBackend::with_string(&mut body, (w, h)));
        // Writing into a String cannot fail.
        let _ = paint(&mut backend, scene, SCALE);
    }
    // Replace plotters' opening tag with one that sizes the picture in design pixels and
    // names it for screen readers.
    let start = body.find("<svg").unwrap_or(0);
    let end = body[start..].find('>').map_or(0, |i| start + i + 1);
    let title = escape(title);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{title}\">\n<title>{title}</title>\n{}",
        fmt(scene.width),
        fmt(scene.height),
        compact(body[end..].trim_start())
    )
}

/// Drops what plotters writes that changes nothing (full opacity, no stroke, the newlines
/// around a text's content), so the pictures baked into pages stay small.
fn compact(body: &str) -> String {
    body.replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(">\n", ">")
        .replace("\n</text>", "</text>")
}

/// A design length as SVG writes it: at most two decimals, no trailing zeros.
fn fmt(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// plotters' SVG backend with text sizes corrected to match the canvas backend.
struct SameTextSize<'a>(SVGBackend<'a>);

struct Scaled<'s, S: BackendTextStyle>(&'s S);

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * SVG_FONT_SIZE_FACTOR
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> plotters_backend::text_anchor::Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

impl DrawingBackend for SameTextSize<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, &Scaled(style), pos)
    }
}
