//! Colours of chart marks and text. The series palette is Okabe–Ito, safe for the
//! common forms of colour blindness; every colour also has a text label beside it.

use plotters::style::RGBColor;

/// Chart text.
pub const TEXT: RGBColor = RGBColor(0x1f, 0x23, 0x28);
/// Secondary text (axes, notes); 7:1 on white.
pub const MUTED: RGBColor = RGBColor(0x4a, 0x50, 0x57);
/// Grid lines and outlines of not-reported marks.
pub const GRID: RGBColor = RGBColor(0xc9, 0xcd, 0xd2);
/// Chart background.
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// The focused or highlighted mark.
pub const FOCUS: RGBColor = RGBColor(0xc0, 0x3a, 0x00);
/// Background band behind a highlighted category.
pub const HIGHLIGHT_BAND: RGBColor = RGBColor(0xff, 0xf1, 0xd6);

/// Series colours (Okabe–Ito blue, vermilion-free orange, bluish green, reddish purple),
/// each at least 3:1 against white.
const SERIES: [(u8, u8, u8); 4] = [
    (0x00, 0x5a, 0x8c),
    (0xb3, 0x6b, 0x00),
    (0x00, 0x7a, 0x5e),
    (0xa8, 0x4a, 0x86),
];

/// The colour of series `index`.
pub fn series(index: usize) -> RGBColor {
    let (r, g, b) = SERIES[index % SERIES.len()];
    RGBColor(r, g, b)
}

/// The same colour as a CSS value, for HTML legends.
pub fn series_css(index: usize) -> String {
    let (r, g, b) = SERIES[index % SERIES.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}
/// What-if series: people working in the US (Okabe–Ito blue).
pub const SERIES_US: RGBColor = RGBColor(0x00, 0x72, 0xb2);
/// What-if series: people working in China (Okabe–Ito vermillion).
pub const SERIES_CHINA: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
/// What-if series: people working in the rest of the world (Okabe–Ito bluish green).
pub const SERIES_REST: RGBColor = RGBColor(0x00, 0x9e, 0x73);
/// What-if series on a dark page: people working in the US (Okabe–Ito sky blue; the
/// vermillion and bluish green keep more than 4.5:1 on the dark background).
pub const SERIES_US_DARK: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
