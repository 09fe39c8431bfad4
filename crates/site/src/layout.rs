//! How wide a chart's frame is on each page, as a function of the viewport: the page's
//! stylesheet sets the same widths (`public/app.css`, `main` and `.embed`), and the
//! pictures' `media` queries are computed from them here, so the browser picks the
//! picture of the width class the frame is in.

use talent_charts::Theme;
use talent_core::layout::width::WidthClass;

/// The main column: at most 960 px wide, with 16 px of padding each side under 640 px
/// of viewport and 32 px from there.
pub const MAIN: PageLayout = PageLayout {
    max: 960.0,
    pad_narrow: 16.0,
    pad_wide: 32.0,
    breakpoint: 640.0,
};

/// A chart-only embed page: 12 px of padding.
pub const EMBED: PageLayout = PageLayout {
    max: 100_000.0,
    pad_narrow: 12.0,
    pad_wide: 12.0,
    breakpoint: 640.0,
};

/// The widths of a page's column.
#[derive(Clone, Copy, Debug)]
pub struct PageLayout {
    /// Widest the column gets, padding included.
    pub max: f64,
    /// Padding each side below the breakpoint.
    pub pad_narrow: f64,
    /// Padding each side from the breakpoint on.
    pub pad_wide: f64,
    /// Viewport width where the padding changes.
    pub breakpoint: f64,
}

impl PageLayout {
    /// The frame width of a chart at a viewport width.
    pub fn frame(&self, viewport: f64) -> f64 {
        let pad = if viewport < self.breakpoint {
            self.pad_narrow
        } else {
            self.pad_wide
        };
        viewport.min(self.max) - 2.0 * pad
    }

    /// The narrowest viewport (whole CSS pixels) whose frame is in `class`.
    pub fn min_viewport(&self, class: WidthClass) -> u32 {
        (1..10_000)
            .find(|&v| self.frame(f64::from(v)) >= class.min_frame())
            .unwrap_or(1)
    }

    /// The `media` of a picture's source, or `None` for the fallback image (the narrowest
    /// class on a light page).
    pub fn media(&self, class: WidthClass, theme: Theme) -> Option<String> {
        let width = (class != WidthClass::Narrow)
            .then(|| format!("(min-width: {}px)", self.min_viewport(class)));
        let dark = (theme == Theme::Dark).then(|| "(prefers-color-scheme: dark)".to_string());
        match (dark, width) {
            (Some(d), Some(w)) => Some(format!("{d} and {w}")),
            (Some(d), None) => Some(d),
            (None, Some(w)) => Some(w),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_column_switches_class_where_its_frame_does() {
        // 412 − 32 = 380 (Medium), 572 − 32 = 540 (Wide), 784 − 64 = 720 (Full).
        assert_eq!(MAIN.min_viewport(WidthClass::Medium), 412);
        assert_eq!(MAIN.min_viewport(WidthClass::Wide), 572);
        assert_eq!(MAIN.min_viewport(WidthClass::Full), 784);
        assert_eq!(MAIN.media(WidthClass::Narrow, Theme::Light), None);
        assert_eq!(
            MAIN.media(WidthClass::Full, Theme::Dark).as_deref(),
            Some("(prefers-color-scheme: dark) and (min-width: 784px)")
        );
        // Embeds: 12 px each side.
        assert_eq!(EMBED.min_viewport(WidthClass::Medium), 404);
    }
}
