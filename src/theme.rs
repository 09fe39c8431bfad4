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

/// Chart colours of one theme. Series colours follow Okabe–Ito and keep at least 3:1
/// contrast against the theme's background; text keeps 4.5:1.
pub struct Palette {
    /// Chart text.
    pub text: RGBColor,
    /// Secondary text.
    pub muted: RGBColor,
    /// Grid lines and outlines of not-reported marks.
    pub grid: RGBColor,
    /// Chart background.
    pub background: RGBColor,
    /// The focused mark.
    pub focus: RGBColor,
    /// Background band behind a highlighted category.
    pub highlight_band: RGBColor,
    series: [RGBColor; 4],
}

/// Colours on a light page.
pub const LIGHT: Palette = Palette {
    text: TEXT,
    muted: MUTED,
    grid: GRID,
    background: BACKGROUND,
    focus: FOCUS,
    highlight_band: HIGHLIGHT_BAND,
    series: [
        RGBColor(0x00, 0x5a, 0x8c),
        RGBColor(0xb3, 0x6b, 0x00),
        RGBColor(0x00, 0x7a, 0x5e),
        RGBColor(0xa8, 0x4a, 0x86),
    ],
};

/// Colours on a dark page.
pub const DARK: Palette = Palette {
    text: RGBColor(0xe6, 0xe8, 0xeb),
    muted: RGBColor(0xb4, 0xba, 0xc2),
    grid: RGBColor(0x5a, 0x61, 0x69),
    background: RGBColor(0x15, 0x18, 0x1c),
    focus: RGBColor(0xff, 0x8a, 0x50),
    highlight_band: RGBColor(0x3a, 0x32, 0x20),
    series: [
        RGBColor(0x56, 0xb4, 0xe9),
        RGBColor(0xe6, 0x9f, 0x00),
        RGBColor(0x3c, 0xc2, 0x9e),
        RGBColor(0xcc, 0x79, 0xa7),
    ],
};

/// The palette of a theme.
pub fn palette(dark: bool) -> &'static Palette {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

impl Palette {
    /// The colour of series `index`.
    pub fn series(&self, index: usize) -> RGBColor {
        self.series[index % self.series.len()]
    }

    /// The colour of series `index` as a CSS value, for HTML legends.
    pub fn series_css(&self, index: usize) -> String {
        let RGBColor(r, g, b) = self.series(index);
        format!("#{r:02x}{g:02x}{b:02x}")
    }
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
/// Flows: marks of parts a source does not report (hatched, dashed), about 3:1 on the
/// light and 5:1 on the dark background.
pub const NOT_REPORTED: RGBColor = RGBColor(0x8a, 0x90, 0x96);
