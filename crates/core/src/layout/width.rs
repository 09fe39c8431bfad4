//! Width classes: every chart is designed at a few fixed widths and scaled to its frame.
//!
//! A chart's static picture (baked at build time) and its interactive canvas must have the
//! same size on the same screen, or the page would jump when the wasm takes over. So a
//! chart is laid out at the design width of its class, never at the frame's exact width,
//! and both the picture and the canvas are that design scaled to the frame: same aspect
//! ratio, same marks, same line breaks. Four classes keep the scale between about 0.85 and
//! 1.2, so text stays near its design size on any phone or desktop.

/// A range of frame widths that share one design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WidthClass {
    /// Phones (frames under 380 px).
    Narrow,
    /// Large phones, small tablets (380 to 539 px).
    Medium,
    /// Tablets, narrow windows (540 to 719 px).
    Wide,
    /// Desktops (720 px and more).
    Full,
}

impl WidthClass {
    /// Every class, narrowest first.
    pub const ALL: [WidthClass; 4] = [
        WidthClass::Narrow,
        WidthClass::Medium,
        WidthClass::Wide,
        WidthClass::Full,
    ];

    /// The width the chart is laid out at, in CSS pixels.
    pub const fn design_width(self) -> f64 {
        match self {
            WidthClass::Narrow => 340.0,
            WidthClass::Medium => 460.0,
            WidthClass::Wide => 620.0,
            WidthClass::Full => 800.0,
        }
    }

    /// The narrowest frame of the class, in CSS pixels (0 for the first).
    pub const fn min_frame(self) -> f64 {
        match self {
            WidthClass::Narrow => 0.0,
            WidthClass::Medium => 380.0,
            WidthClass::Wide => 540.0,
            WidthClass::Full => 720.0,
        }
    }

    /// The class of a frame `width` CSS pixels wide.
    ///
    /// ```
    /// use talent_core::layout::width::WidthClass;
    /// assert_eq!(WidthClass::of(328.0), WidthClass::Narrow);
    /// assert_eq!(WidthClass::of(380.0), WidthClass::Medium);
    /// assert_eq!(WidthClass::of(862.0), WidthClass::Full);
    /// ```
    pub fn of(width: f64) -> WidthClass {
        WidthClass::ALL
            .into_iter()
            .rev()
            .find(|c| width >= c.min_frame())
            .unwrap_or(WidthClass::Narrow)
    }

    /// The short name used in file names and `data-width` attributes.
    pub const fn code(self) -> &'static str {
        match self {
            WidthClass::Narrow => "n",
            WidthClass::Medium => "m",
            WidthClass::Wide => "w",
            WidthClass::Full => "f",
        }
    }

    /// The class named by [`WidthClass::code`].
    pub fn from_code(code: &str) -> Option<WidthClass> {
        WidthClass::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_tile_the_widths_and_keep_the_scale_near_one() {
        // Frames from 300 px (a 332 px phone) to 926 px (the widest page) stay within
        // about 0.85 and 1.2 of their design: 300 / 340 = 0.88, 379 / 340 = 1.11,
        // 380 / 460 = 0.83, 539 / 460 = 1.17, 540 / 620 = 0.87, 719 / 620 = 1.16,
        // 720 / 800 = 0.90, 926 / 800 = 1.16.
        for width in (300..=926).map(f64::from) {
            let class = WidthClass::of(width);
            let scale = width / class.design_width();
            assert!((0.82..=1.2).contains(&scale), "{width}: {class:?} {scale}");
        }
        for class in WidthClass::ALL {
            assert_eq!(WidthClass::of(class.min_frame()), class);
            assert_eq!(WidthClass::from_code(class.code()), Some(class));
        }
    }
}
