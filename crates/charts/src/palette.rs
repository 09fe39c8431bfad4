//! The app's colours, defined once: charts read them here, and the page's stylesheet
//! gets the same values as CSS custom properties from [`css_variables`] (written into
//! `public/palette.css`; a test fails when that file and this table disagree).
//!
//! One colour per place in every chart: the United States blue, China vermillion, the
//! rest of the world bluish green (Okabe–Ito, safe for the common colour-vision
//! deficiencies), every other country neutral grey. Years, sectors and tiers are told apart
//! by lightness ([`Palette::tint`]) or pattern, never by another hue. Marks keep at least
//! 3:1 contrast against the background and text 4.5:1 (tested).

use talent_core::series::place::Place;

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour mixed with `other`: `amount` 0 is this colour, 1 is `other`.
    pub fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let a = amount.clamp(0.0, 1.0);
        let channel = |x: u8, y: u8| (f64::from(x) * (1.0 - a) + f64::from(y) * a).round() as u8;
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// Light or dark page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on white.
    Light,
    /// Light text on near-black.
    Dark,
}

impl Theme {
    /// Both themes.
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// `light` or `dark`, as in file names and `data-theme`.
    pub const fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The colours of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Page and chart background.
    pub background: Rgb,
    /// Panels (controls, notes) on the page.
    pub panel: Rgb,
    /// Text.
    pub text: Rgb,
    /// Secondary text: axes, notes, not-reported labels.
    pub muted: Rgb,
    /// Grid lines and outlines.
    pub grid: Rgb,
    /// Links and the selected navigation item.
    pub accent: Rgb,
    /// Focus rings and the focused mark.
    pub focus: Rgb,
    /// The band behind a highlighted category.
    pub highlight: Rgb,
    /// Marks of parts a source does not report (outlines, hatching).
    pub not_reported: Rgb,
    /// The United States.
    pub us: Rgb,
    /// China.
    pub china: Rgb,
    /// The rest of the world.
    pub rest: Rgb,
    /// Any other country.
    pub other: Rgb,
}

/// Colours on a light page.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xff, 0xff, 0xff),
    panel: Rgb(0xf4, 0xf6, 0xf8),
    text: Rgb(0x1f, 0x23, 0x28),
    muted: Rgb(0x4a, 0x50, 0x57),
    grid: Rgb(0xc9, 0xcd, 0xd2),
    accent: Rgb(0x00, 0x5a, 0x8c),
    focus: Rgb(0xb3, 0x36, 0x00),
    highlight: Rgb(0xff, 0xf1, 0xd6),
    not_reported: Rgb(0x85, 0x8b, 0x92),
    us: Rgb(0x00, 0x72, 0xb2),
    china: Rgb(0xd5, 0x5e, 0x00),
    rest: Rgb(0x00, 0x9e, 0x73),
    other: Rgb(0x7b, 0x83, 0x8c),
};

/// Colours on a dark page.
pub const DARK: Palette = Palette {
    background: Rgb(0x15, 0x18, 0x1c),
    panel: Rgb(0x22, 0x26, 0x2b),
    text: Rgb(0xe6, 0xe8, 0xeb),
    muted: Rgb(0xb4, 0xba, 0xc2),
    grid: Rgb(0x4a, 0x50, 0x57),
    accent: Rgb(0x6c, 0xc0, 0xf0),
    focus: Rgb(0xff, 0x8a, 0x50),
    highlight: Rgb(0x3a, 0x32, 0x20),
    not_reported: Rgb(0x8e, 0x95, 0x9c),
    us: Rgb(0x56, 0xb4, 0xe9),
    china: Rgb(0xf0, 0x7b, 0x3f),
    rest: Rgb(0x3c, 0xc2, 0x9e),
    other: Rgb(0x9a, 0xa3, 0xac),
};

impl Palette {
    /// The palette of a theme.
    pub const fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// The colour of a place; a neutral mark takes the muted text colour.
    pub fn place(&self, place: Place) -> Rgb {
        match place {
            Place::Us => self.us,
            Place::China => self.china,
            Place::Rest => self.rest,
            Place::Other => self.other,
            Place::Neutral => self.muted,
        }
    }

    /// A lighter (on a light page) or darker (on a dark page) step of a colour, for the
    /// earlier year, the second sector or the wider tier of the same place. `step` 1 is the
    /// first step back towards the background.
    pub fn tint(&self, colour: Rgb, step: u8) -> Rgb {
        colour.mix(self.background, 0.42 * f64::from(step.min(2)))
    }
}

/// The palette as CSS custom properties for both themes: the light ones on `:root`, the
/// dark ones for `[data-theme=dark]` and, without a choice, for a system in dark mode.
pub fn css_variables() -> String {
    fn block(p: &Palette) -> String {
        let pairs = [
            ("bg", p.background),
            ("panel", p.panel),
            ("text", p.text),
            ("muted", p.muted),
            ("line", p.grid),
            ("accent", p.accent),
            ("focus", p.focus),
            ("highlight", p.highlight),
            ("not-reported", p.not_reported),
            ("place-us", p.us),
            ("place-cn", p.china),
            ("place-rest", p.rest),
            ("place-other", p.other),
        ];
        let mut css: String = pairs
            .iter()
            .map(|(name, colour)| format!("  --{name}: {};\n", colour.hex()))
            .collect();
        // The lighter steps of each place, for HTML legends of years and sectors.
        for (name, colour) in [
            ("us", p.us),
            ("cn", p.china),
            ("rest", p.rest),
            ("other", p.other),
            ("neutral", p.muted),
        ] {
            for step in 1..=2 {
                css.push_str(&format!(
                    "  --place-{name}-{step}: {};\n",
                    p.tint(colour, step).hex()
                ));
            }
        }
        css
    }
    format!(
        "/* Generated from crates/charts/src/palette.rs (cargo run -p talent_site -- palette). Do not edit. */\n\
         :root {{\n{light}  color-scheme: light;\n}}\n\
         :root[data-theme=\"dark\"] {{\n{dark}  color-scheme: dark;\n}}\n\
         @media (prefers-color-scheme: dark) {{\n  :root:not([data-theme=\"light\"]) {{\n{dark_indented}    color-scheme: dark;\n  }}\n}}\n",
        light = block(&LIGHT),
        dark = block(&DARK),
        dark_indented = block(&DARK)
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_text_keep_their_contrast_in_both_themes() {
        for theme in Theme::ALL {
            let p = Palette::of(theme);
            for (name, c) in [
                ("us", p.us),
                ("cn", p.china),
                ("rest", p.rest),
                ("other", p.other),
            ] {
                assert!(
                    c.contrast(p.background) >= 3.0,
                    "{theme:?} {name}: {}",
                    c.contrast(p.background)
                );
                // The lighter step of a place (the earlier year) is still visible.
                assert!(
                    p.tint(c, 1).contrast(p.background) >= 1.5,
                    "{theme:?} {name} tint"
                );
            }
            for (name, c) in [("text", p.text), ("muted", p.muted), ("accent", p.accent)] {
                assert!(
                    c.contrast(p.background) >= 4.5,
                    "{theme:?} {name}: {}",
                    c.contrast(p.background)
                );
                assert!(c.contrast(p.panel) >= 4.5, "{theme:?} {name} on panel");
            }
            assert!(p.focus.contrast(p.background) >= 3.0, "{theme:?} focus");
            assert!(
                p.not_reported.contrast(p.background) >= 3.0,
                "{theme:?} not reported"
            );
        }
    }

    #[test]
    fn contrast_and_mixing_are_the_wcag_arithmetic() {
        // Black on white is the maximum, (1 + 0.05) / (0 + 0.05) = 21.
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        // Half-way between black and white rounds 127.5 up to 128.
        assert_eq!(
            Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 0.5),
            Rgb(128, 128, 128)
        );
        assert_eq!(Rgb(0x00, 0x72, 0xb2).hex(), "#0072b2");
    }

    #[test]
    fn the_stylesheet_carries_the_palette() {
        let css = css_variables();
        assert!(css.contains("--place-us: #0072b2;"));
        assert!(css.contains("--place-cn: #f07b3f;"));
        // The committed stylesheet is the generated one.
        let committed = include_str!("../../../public/palette.css");
        assert_eq!(
            committed, css,
            "public/palette.css is stale: run `cargo run -p talent_site -- palette`"
        );
    }
}
