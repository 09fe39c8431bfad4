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
    side: 0.0,
    side_from: f64::INFINITY,
};

/// The What-if chart: the main column, less the controls' column (20rem and a 1rem gap)
/// beside it from 900 px on.
pub const WHATIF: PageLayout = PageLayout {
    side: 336.0,
    side_from: 900.0,
    ..MAIN
};

/// A chart-only embed page: 12 px of padding.
pub const EMBED: PageLayout = PageLayout {
    max: 100_000.0,
    pad_narrow: 12.0,
    pad_wide: 12.0,
    breakpoint: 640.0,
    side: 0.0,
    side_from: f64::INFINITY,
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
    /// Width a column beside the chart takes (with its gap), from `side_from` on.
    pub side: f64,
    /// Viewport width from which the side column is there.
    pub side_from: f64,
}

impl PageLayout {
    /// The frame width of a chart at a viewport width.
    pub fn frame(&self, viewport: f64) -> f64 {
        let pad = if viewport < self.breakpoint {
            self.pad_narrow
        } else {
            self.pad_wide
        };
        let side = if viewport >= self.side_from {
            self.side
        } else {
            0.0
        };
        viewport.min(self.max) - 2.0 * pad - side
    }

    /// The viewport ranges (whole CSS pixels, `[from, to)`) whose frame is in `class`: one
    /// range, or two when a side column appears and the frame narrows again.
    pub fn viewports(&self, class: WidthClass) -> Vec<(u32, Option<u32>)> {
        let mut ranges = Vec::new();
        let mut start = None;
        for v in 1..4_000u32 {
            let inside = WidthClass::of(self.frame(f64::from(v))) == class;
            match (inside, start) {
                (true, None) => start = Some(v),
                (false, Some(s)) => {
                    ranges.push((s, Some(v)));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            ranges.push((s, None));
        }
        ranges
    }

    /// The `media` of a picture's source, or `None` for the fallback image (the narrowest
    /// class on a light page). Sources are listed widest class first and the first match
    /// wins, so each query says exactly where its class applies.
    pub fn media(&self, class: WidthClass, theme: Theme) -> Option<String> {
        let ranges: Vec<String> = self
            .viewports(class)
            .into_iter()
            .filter(|(from, _)| *from > 1 || class != WidthClass::Narrow)
            .map(|(from, to)| match to {
                Some(to) if from > 1 => {
                    format!("(min-width: {from}px) and (max-width: {}px)", to - 1)
                }
                Some(to) => format!("(max-width: {}px)", to - 1),
                None => format!("(min-width: {from}px)"),
            })
            .collect();
        let width = if class == WidthClass::Narrow && ranges.is_empty() {
            None
        } else if ranges.is_empty() {
            return None;
        } else {
            Some(ranges.join(", "))
        };
        let dark = (theme == Theme::Dark).then(|| "(prefers-color-scheme: dark)".to_string());
        match (dark, width) {
            (Some(d), Some(w)) => Some(
                w.split(", ")
                    .map(|range| format!("{d} and {range}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
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
        assert_eq!(MAIN.viewports(WidthClass::Medium), [(412, Some(572))]);
        assert_eq!(MAIN.viewports(WidthClass::Wide), [(572, Some(784))]);
        assert_eq!(MAIN.viewports(WidthClass::Full), [(784, None)]);
        assert_eq!(MAIN.media(WidthClass::Narrow, Theme::Light), None);
        assert_eq!(
            MAIN.media(WidthClass::Full, Theme::Dark).as_deref(),
            Some("(prefers-color-scheme: dark) and (min-width: 784px)")
        );
        // Embeds: 12 px each side.
        assert_eq!(EMBED.viewports(WidthClass::Medium)[0].0, 404);
        // What-if: Full from 784 to 899 px, then the controls take 336 px: at 900 the
        // frame is 900 − 64 − 336 = 500 (Medium) and reaches 540 (Wide) at 940.
        assert_eq!(WHATIF.viewports(WidthClass::Full), [(784, Some(900))]);
        assert_eq!(
            WHATIF.viewports(WidthClass::Wide),
            [(572, Some(784)), (940, None)]
        );
        assert_eq!(
            WHATIF.media(WidthClass::Wide, Theme::Light).as_deref(),
            Some("(min-width: 572px) and (max-width: 783px), (min-width: 940px)")
        );
    }
}
