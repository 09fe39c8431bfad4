//! Text widths for chart layout: one deterministic measure for every backend.
//!
//! Charts are laid out natively (static pictures baked at build time, snapshot tests) and
//! in the browser (the interactive canvas). If each measured text with its own fonts, a
//! label that fits on one would wrap on the other, and a chart could change height when
//! the wasm takes over or between engines. So every layout measures with the advance widths
//! below instead of asking a font: DejaVu Sans (regular and bold) for printable ASCII and a
//! few typographic marks, one em for CJK ideographs, kana and full-width forms (Noto Sans
//! CJK's advance), and 0.6 em for anything else. DejaVu Sans is one of the widest common
//! sans-serif faces, so text measured here fits in the narrower system fonts that readers'
//! browsers render it with. A native test compares the table with the installed fonts
//! (`fonts-dejavu-core`, `fonts-noto-cjk`), so it cannot drift from them.

/// Advance widths of U+0020..=U+007E in DejaVu Sans, in thousandths of an em.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Advance widths of U+0020..=U+007E in DejaVu Sans Bold, in thousandths of an em.
const BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// Marks outside ASCII that charts print, with their regular and bold advances.
const MARKS: [(char, u16, u16); 8] = [
    ('–', 500, 500),
    ('—', 1000, 1000),
    ('·', 318, 380),
    ('×', 838, 838),
    ('…', 1000, 1000),
    ('−', 838, 838),
    ('→', 838, 838),
    ('é', 615, 678),
];

/// Curly quotes: a CJK font sets them one em wide in Chinese text and a Latin font about
/// half that in English, so they count as one em (never too narrow).
const QUOTES: [char; 4] = ['‘', '’', '“', '”'];

/// Advance of a character not in the tables, in thousandths of an em.
const OTHER: u16 = 600;

/// True for characters set one em wide: CJK punctuation, kana and ideographs from U+2E80,
/// compatibility ideographs, vertical forms and full-width forms.
pub fn is_full_width(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

fn advance(c: char, bold: bool) -> u16 {
    let code = c as u32;
    if (0x20..0x7F).contains(&code) {
        let table = if bold { &BOLD } else { &REGULAR };
        return table[(code - 0x20) as usize];
    }
    if is_full_width(c) || QUOTES.contains(&c) {
        return 1000;
    }
    MARKS.iter().find(|(m, _, _)| *m == c).map_or(
        OTHER,
        |&(_, regular, bold_width)| {
            if bold {
                bold_width
            } else {
                regular
            }
        },
    )
}

/// Width of `text` set at `size` pixels, regular or bold, in the same pixels.
///
/// ```
/// use talent_core::layout::measure::text_width;
/// // "US": U 732 + S 635 = 1367 thousandths of an em; at 10 px, 13.67 px.
/// assert!((text_width("US", 10.0, false) - 13.67).abs() < 1e-9);
/// // Two ideographs are two ems.
/// assert_eq!(text_width("美国", 14.0, false), 28.0);
/// ```
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(advance(c, bold))).sum();
    f64::from(thousandths) * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::{Font, FontRef};

    fn read(path: &str) -> Vec<u8> {
        std::fs::read(path).unwrap_or_else(|e| {
            panic!("{path}: {e} (scripts/setup.sh installs fonts-dejavu-core and fonts-noto-cjk)")
        })
    }

    /// The font's advance of `c` in thousandths of an em, rounded as the table is.
    fn font_advance(font: &FontRef, c: char) -> u16 {
        let units = font.units_per_em().expect("scalable font");
        (font.h_advance_unscaled(font.glyph_id(c)) / units * 1000.0).round() as u16
    }

    #[test]
    fn the_tables_are_the_installed_fonts() {
        let regular = read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        let bold = read("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
        let regular = FontRef::try_from_slice(&regular).expect("DejaVu Sans");
        let bold = FontRef::try_from_slice(&bold).expect("DejaVu Sans Bold");
        for c in (0x20u8..0x7F).map(char::from) {
            assert_eq!(
                advance(c, false),
                font_advance(&regular, c),
                "{c:?} regular"
            );
            assert_eq!(advance(c, true), font_advance(&bold, c), "{c:?} bold");
        }
        for (c, _, _) in MARKS {
            // U+2212 MINUS has the plus sign's width in DejaVu Sans.
            assert_eq!(
                advance(c, false),
                font_advance(&regular, c),
                "{c:?} regular"
            );
            assert_eq!(advance(c, true), font_advance(&bold, c), "{c:?} bold");
        }
    }

    #[test]
    fn cjk_is_one_em_in_noto_sans_cjk() {
        let bytes = read("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        let font = FontRef::try_from_slice(&bytes).expect("Noto Sans CJK");
        for c in "美国中国研究人员，。：；（）、《》".chars() {
            assert!(is_full_width(c), "{c}");
            assert_eq!(font_advance(&font, c), 1000, "{c}");
        }
        assert!(!is_full_width('A') && !is_full_width('%'));
    }

    #[test]
    fn widths_add_up_by_character() {
        // "Top 20%": T 611 + o 612 + p 635 + space 318 + 2 636 + 0 636 + % 950 = 4398.
        assert!((text_width("Top 20%", 1000.0, false) - 4398.0).abs() < 1e-9);
        // Mixed: "AI研究" = A 684 + I 295 + 2 × 1000 = 2979.
        assert!((text_width("AI研究", 1000.0, false) - 2979.0).abs() < 1e-9);
        // Bold is wider: "US" bold 812 + 720 = 1532.
        assert!((text_width("US", 1000.0, true) - 1532.0).abs() < 1e-9);
        // Unknown characters take 0.6 em.
        assert!((text_width("ß", 10.0, false) - 6.0).abs() < 1e-9);
        assert_eq!(text_width("", 14.0, true), 0.0);
    }
}
