//! Scenes as bitmaps (link-preview PNGs at build time, natively): plotters' bitmap backend
//! paints the shapes, and the text is set here with Noto Sans CJK SC, which covers Latin
//! and Chinese, read from the fonts `scripts/setup.sh` installs.
//!
//! Text sits where the SVG's does: the same anchor point, the same size in pixels per em,
//! start, middle or end on the anchor by the glyphs' own advance widths (as a browser
//! aligns `text-anchor`), and the baseline half an x-height below the anchor (the SVG's
//! `dy="0.5ex"`), so the lowercase letters are centred on it.
//!
//! Without the fonts nothing is drawn: [`render`] fails with the font's name and path, so
//! a build never ships a picture without its words.

use crate::scene::{paint, Scene};
use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use plotters_bitmap::BitMapBackend;
use std::sync::LazyLock;

/// The regular face and where it is read from.
pub const REGULAR: (&str, &str) = (
    "Noto Sans CJK SC Regular",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
);
/// The bold face and where it is read from.
pub const BOLD: (&str, &str) = (
    "Noto Sans CJK SC Bold",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
);
/// Index of the Simplified Chinese face in the Noto Sans CJK collections (JP, KR, SC, TC,
/// HK, then the monospaced ones; `fc-query` lists them).
const SC: u32 = 2;

/// Why a scene could not become a bitmap.
#[derive(Clone, Debug, PartialEq)]
pub enum RasterError {
    /// A font is not installed or cannot be read.
    Font {
        /// The face.
        name: &'static str,
        /// Its file.
        path: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// The font has no glyph for a character of a text.
    Glyph {
        /// The character.
        missing: char,
        /// The text it is in.
        text: String,
    },
    /// The scene is empty or too large for a bitmap.
    Size(f64, f64),
    /// The bitmap backend failed.
    Backend(String),
}

impl std::fmt::Display for RasterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RasterError::Font { name, path, reason } => write!(
                f,
                "the font {name} ({path}) cannot be read: {reason}; install fonts-noto-cjk \
                 (scripts/setup.sh does)"
            ),
            RasterError::Glyph { missing, text } => write!(
                f,
                "{} has no glyph for {missing:?} (U+{:04X}) in {text:?}",
                REGULAR.0, *missing as u32
            ),
            RasterError::Size(w, h) => write!(f, "a bitmap cannot be {w} by {h} pixels"),
            RasterError::Backend(e) => write!(f, "the bitmap backend failed: {e}"),
        }
    }
}

impl std::error::Error for RasterError {}

/// One face, ready to set text.
struct Face {
    font: FontRef<'static>,
    /// Height of a lowercase x over the em.
    x_height: f32,
}

impl Face {
    fn load((name, path): (&'static str, &'static str)) -> Result<Face, RasterError> {
        let error = |reason: String| RasterError::Font { name, path, reason };
        let bytes = std::fs::read(path).map_err(|e| error(e.to_string()))?;
        // Read once per process and kept for its life: the faces borrow the bytes.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let font =
            FontRef::try_from_slice_and_index(bytes, SC).map_err(|e| error(e.to_string()))?;
        let em = font
            .units_per_em()
            .ok_or_else(|| error("not a scalable font".into()))?;
        let x = font
            .outline(font.glyph_id('x'))
            .ok_or_else(|| error("no outline for x".into()))?;
        Ok(Face {
            // The x sits on the baseline: its outline is one x-height tall.
            x_height: (x.bounds.max.y - x.bounds.min.y).abs() / em,
            font,
        })
    }

    /// The scale whose em is `size` pixels (ab_glyph scales by ascent minus descent).
    fn scale(&self, size: f32) -> PxScale {
        let em = self.font.units_per_em().unwrap_or(1000.0);
        PxScale::from(size * self.font.height_unscaled() / em)
    }

    /// The glyphs of `text` and its advance width at `size`, or the first character the
    /// face lacks.
    fn shape(&self, text: &str, size: f32) -> Result<(Vec<(GlyphId, f32)>, f32), char> {
        let scaled = self.font.as_scaled(self.scale(size));
        let mut x = 0.0;
        let mut previous = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = self.font.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                return Err(c);
            }
            if let Some(p) = previous {
                x += scaled.kern(p, id);
            }
            glyphs.push((id, x));
            x += scaled.h_advance(id);
            previous = Some(id);
        }
        Ok((glyphs, x))
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

static FACES: LazyLock<Result<Faces, RasterError>> = LazyLock::new(|| {
    Ok(Faces {
        regular: Face::load(REGULAR)?,
        bold: Face::load(BOLD)?,
    })
});

fn faces() -> Result<&'static Faces, RasterError> {
    FACES.as_ref().map_err(Clone::clone)
}

/// An RGB bitmap, row by row, three bytes a pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct Bitmap {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 3` bytes.
    pub rgb: Vec<u8>,
}

impl Bitmap {
    /// The colour of the pixel at `(x, y)`.
    pub fn pixel(&self, x: u32, y: u32) -> (u8, u8, u8) {
        let i = 3 * (y as usize * self.width as usize + x as usize);
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    /// The bitmap as a PNG file.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        // Writing into a Vec cannot fail, and the buffer has the size of the header.
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(&self.rgb);
        }
        out
    }
}

/// `scene` painted at `scale` device pixels per design pixel.
pub fn render(scene: &Scene, scale: f64) -> Result<Bitmap, RasterError> {
    let faces = faces()?;
    let (w, h) = (scene.width * scale, scene.height * scale);
    if !(1.0..=16_384.0).contains(&w) || !(1.0..=16_384.0).contains(&h) {
        return Err(RasterError::Size(w, h));
    }
    let (width, height) = (w.round() as u32, h.round() as u32);
    let mut rgb = vec![0; width as usize * height as usize * 3];
    {
        let mut backend = Glyphs {
            inner: BitMapBackend::with_buffer(&mut rgb, (width, height)),
            faces,
        };
        paint(&mut backend, scene, scale).map_err(|e| match e {
            DrawingErrorKind::DrawingError(GlyphError::Missing(missing, text)) => {
                RasterError::Glyph { missing, text }
            }
            other => RasterError::Backend(other.to_string()),
        })?;
    }
    Ok(Bitmap { width, height, rgb })
}

/// An error of the glyph-setting backend.
#[derive(Debug)]
enum GlyphError<E> {
    Missing(char, String),
    Inner(E),
}

impl<E: std::fmt::Display> std::fmt::Display for GlyphError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GlyphError::Missing(c, text) => write!(f, "no glyph for {c:?} in {text:?}"),
            GlyphError::Inner(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error> std::error::Error for GlyphError<E> {}

/// A backend that sets text with [`Face`]s and passes everything else to `inner`.
struct Glyphs<DB> {
    inner: DB,
    faces: &'static Faces,
}

fn lift<E>(e: DrawingErrorKind<E>) -> DrawingErrorKind<GlyphError<E>>
where
    E: std::error::Error + Send + Sync,
{
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(GlyphError::Inner(e)),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

impl<DB: DrawingBackend> DrawingBackend for Glyphs<DB> {
    type ErrorType = GlyphError<DB::ErrorType>;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared().map_err(lift)
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present().map_err(lift)
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color).map_err(lift)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style).map_err(lift)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner
            .draw_rect(upper_left, bottom_right, style, fill)
            .map_err(lift)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style).map_err(lift)
    }
    /// Circles are drawn here, antialiased as a browser draws the SVG's: plotters' bitmap
    /// circles have jagged edges, and its thick outlines leave gaps.
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let colour = style.color();
        let r = f64::from(radius);
        // An outline is centred on the radius, as SVG strokes are.
        let half = if fill {
            0.0
        } else {
            f64::from(style.stroke_width()) / 2.0
        };
        let reach = (r + half).ceil() as i32 + 1;
        let (cx, cy) = (f64::from(center.0), f64::from(center.1));
        for y in center.1 - reach..=center.1 + reach {
            for x in center.0 - reach..=center.0 + reach {
                // Plotters' bitmap puts coordinate (x, y) on the pixel (x, y) (lines and
                // rectangles too), so distances run between pixel indices. Coverage falls
                // off over one pixel.
                let d = (f64::from(x) - cx).hypot(f64::from(y) - cy);
                let coverage = if fill {
                    r - d + 0.5
                } else {
                    half - (d - r).abs() + 0.5
                }
                .clamp(0.0, 1.0);
                if coverage > 0.0 {
                    let ink = BackendColor {
                        alpha: colour.alpha * coverage,
                        rgb: colour.rgb,
                    };
                    self.draw_pixel((x, y), ink)?;
                }
            }
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style).map_err(lift)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let face = match style.style() {
            FontStyle::Bold => &self.faces.bold,
            _ => &self.faces.regular,
        };
        let size = style.size() as f32;
        let (glyphs, width) = face.shape(text, size).map_err(|c| {
            DrawingErrorKind::DrawingError(GlyphError::Missing(c, text.to_string()))
        })?;
        let left = pos.0 as f32
            - match style.anchor().h_pos {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        // The anchor's vertical position is always the centre in this crate's scenes.
        let baseline = pos.1 as f32 + face.x_height * size / 2.0;
        let scale = face.scale(size);
        let (w, h) = self.get_size();
        for (id, x) in glyphs {
            let glyph = id.with_scale_and_position(scale, ab_glyph::point(left + x, baseline));
            let Some(outline) = face.font.outline_glyph(glyph) else {
                continue; // a space
            };
            let bounds = outline.px_bounds();
            let mut result = Ok(());
            outline.draw(|gx, gy, coverage| {
                let (x, y) = (
                    bounds.min.x as i32 + gx as i32,
                    bounds.min.y as i32 + gy as i32,
                );
                let inside = x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h;
                if result.is_ok() && inside && coverage > 0.0 {
                    let ink = BackendColor {
                        alpha: colour.alpha * f64::from(coverage.min(1.0)),
                        rgb: colour.rgb,
                    };
                    result = self.inner.draw_pixel((x, y), ink);
                }
            });
            result.map_err(lift)?;
        }
        Ok(())
    }
}
