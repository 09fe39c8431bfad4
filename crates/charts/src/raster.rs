//! Glyphs for bitmap backends (link-preview PNGs at build time): Noto Sans CJK SC, which
//! covers Latin and Chinese, read from the fonts `scripts/setup.sh` installs.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use plotters_backend::BackendColor;
use std::sync::LazyLock;

const REGULAR: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const BOLD: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
/// Index of the Simplified Chinese face in the Noto Sans CJK collections.
const SC: u32 = 2;

static FONTS: LazyLock<Option<(&'static [u8], &'static [u8])>> = LazyLock::new(|| {
    let read = |path: &str| {
        std::fs::read(path)
            .ok()
            .map(|b| &*Box::leak(b.into_boxed_slice()))
    };
    Some((read(REGULAR)?, read(BOLD)?))
});

/// Whether the fonts are installed (a bitmap without them would have no text).
pub fn available() -> bool {
    FONTS.is_some()
}

/// Rasterises `text` with its left end at `pos.0` and its vertical centre at `pos.1`.
pub fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
    text: &str,
    size: f64,
    bold: bool,
    colour: BackendColor,
    pos: (i32, i32),
    mut draw: F,
) -> Result<(), E> {
    let Some((regular, bold_bytes)) = *FONTS else {
        return Ok(());
    };
    let bytes = if bold { bold_bytes } else { regular };
    let Ok(font) = FontRef::try_from_slice_and_index(bytes, SC) else {
        return Ok(());
    };
    let font = font.into_scaled(PxScale::from(size as f32));
    // plotters has already moved `pos` for the anchor using the measure table's width.
    // The box plotters anchors is `size` tall with its top at `pos.1`: centre the glyphs in it.
    let baseline = pos.1 as f32 + size as f32 / 2.0 + (font.ascent() + font.descent()) / 2.0;
    let mut x = pos.0 as f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            x += font.kern(p, id);
        }
        let glyph = id.with_scale_and_position(font.scale(), ab_glyph::point(x, baseline));
        x += font.h_advance(id);
        previous = Some(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            let mut result = Ok(());
            outline.draw(|gx, gy, coverage| {
                if result.is_ok() && coverage > 0.0 {
                    let alpha = colour.alpha * f64::from(coverage);
                    result = draw(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        BackendColor {
                            alpha,
                            rgb: colour.rgb,
                        },
                    );
                }
            });
            result?;
        }
    }
    Ok(())
}
