//! Bitmaps: text lands where the SVG puts it (on its anchor, at its size, inside its
//! measured box), and a missing glyph fails instead of drawing nothing.
#![cfg(feature = "raster")]

use talent_charts::palette::Rgb;
use talent_charts::raster::{render, Bitmap, RasterError};
use talent_charts::scene::Anchor;
use talent_charts::Scene;
use talent_core::layout::measure::text_width;

const WHITE: Rgb = Rgb(255, 255, 255);
const INK: Rgb = Rgb(0, 0, 0);

/// One text on a white 240 x 60 scene, painted at `scale`.
fn one(text: &str, size: f64, anchor: Anchor, at: (f64, f64), scale: f64) -> Bitmap {
    let mut scene = Scene::new(240.0, 60.0, WHITE);
    scene.text(at, text, size, false, anchor, INK);
    render(&scene, scale).expect("the fonts are installed (scripts/setup.sh)")
}

/// The inked pixels (darker than mid-grey): left, top, right, bottom (inclusive) and how
/// many, each of `x` and `y` divided by `scale` back into design pixels.
fn ink(bitmap: &Bitmap, scale: f64) -> ([f64; 4], usize) {
    let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    let mut count = 0;
    for y in 0..bitmap.height {
        for x in 0..bitmap.width {
            let (r, g, b) = bitmap.pixel(x, y);
            if u32::from(r) + u32::from(g) + u32::from(b) < 3 * 128 {
                let (x, y) = (f64::from(x) / scale, f64::from(y) / scale);
                bounds = [
                    bounds[0].min(x),
                    bounds[1].min(y),
                    bounds[2].max(x),
                    bounds[3].max(y),
                ];
                count += 1;
            }
        }
    }
    (bounds, count)
}

/// The measured box of a text: its measured width, one em tall around the anchor.
fn measured(text: &str, size: f64, anchor: Anchor, at: (f64, f64)) -> [f64; 4] {
    let w = text_width(text, size, false);
    let left = match anchor {
        Anchor::Start => at.0,
        Anchor::Middle => at.0 - w / 2.0,
        Anchor::End => at.0 - w,
    };
    [left, at.1 - size / 2.0, left + w, at.1 + size / 2.0]
}

#[test]
fn text_ink_stays_in_its_measured_box_for_every_anchor() {
    // 20-px texts anchored at (120, 30): the measured box of "Talent" is 20 px tall
    // (20 to 40) and T 611 + a 613 + l 278 + e 615 + n 634 + t 392 = 3143 thousandths
    // of an em wide, 62.86 px.
    assert!((text_width("Talent", 20.0, false) - 62.86).abs() < 1e-9);
    // Full-width brackets sit to one side of their em, so the ink of the last text does
    // not show where its advance starts and ends: only its box is checked.
    for (text, ends_in_ink) in [
        ("Talent", true),
        ("人才图谱", true),
        ("AI 2000（美国）", false),
    ] {
        for anchor in [Anchor::Start, Anchor::Middle, Anchor::End] {
            let (size, at) = (20.0, (120.0, 30.0));
            let (bounds, count) = ink(&one(text, size, anchor, at, 1.0), 1.0);
            let [x0, y0, x1, y1] = measured(text, size, anchor, at);
            let name = format!("{text:?} {anchor:?}");
            // Ink exists, and covers a fair part of the box (glyphs are not tiny).
            assert!(count > 40, "{name}: {count} inked pixels");
            assert!(
                bounds[3] - bounds[1] > 0.5 * size,
                "{name}: ink {bounds:?} is too short for a {size}-px text"
            );
            // Not far outside the measured box: ideographs rise a little above the em
            // centred on the x-height, 0.15 em allowed on every side.
            let slack = 0.15 * size;
            assert!(
                bounds[0] >= x0 - slack
                    && bounds[2] <= x1 + slack
                    && bounds[1] >= y0 - slack
                    && bounds[3] <= y1 + slack,
                "{name}: ink {bounds:?} outside {:?}",
                [x0, y0, x1, y1]
            );
            // On its anchor: starting at it, centred on it or ending at it (a glyph's side
            // bearing keeps ink up to 0.15 em from the edge of its advance).
            let centre = (bounds[0] + bounds[2] + 1.0) / 2.0;
            if !ends_in_ink {
                continue;
            }
            match anchor {
                Anchor::Start => assert!(
                    (at.0..at.0 + slack).contains(&bounds[0]),
                    "{name}: starts at {}",
                    bounds[0]
                ),
                Anchor::Middle => {
                    assert!((centre - at.0).abs() <= 1.5, "{name}: centred on {centre}")
                }
                Anchor::End => assert!(
                    (at.0 - slack..=at.0).contains(&(bounds[2] + 1.0)),
                    "{name}: ends at {}",
                    bounds[2] + 1.0
                ),
            }
        }
    }
}

#[test]
fn lowercase_letters_are_centred_on_the_anchor_at_their_size() {
    // "xxxx" has no ascenders or descenders: its ink is one x-height tall, centred on the
    // anchor (the SVG's dy="0.5ex"). Noto Sans CJK's x-height is 0.536 em (the outline
    // of x), so at 40 px about 21 px tall, between 19.5 and 40.5 around y = 30.
    let (bounds, _) = ink(&one("xxxx", 40.0, Anchor::Start, (10.0, 30.0), 1.0), 1.0);
    let height = bounds[3] + 1.0 - bounds[1];
    assert!((19.0..=23.0).contains(&height), "x-height {height}");
    let middle = (bounds[1] + bounds[3] + 1.0) / 2.0;
    assert!((middle - 30.0).abs() <= 1.0, "centred at {middle}");
    // Two ideographs at 20 px are set one em each: ink about 2 em wide, not less than
    // 85% of the measured 40 px (a font scaled by its line height would give 69%).
    let (bounds, _) = ink(&one("美国", 20.0, Anchor::Start, (10.0, 30.0), 1.0), 1.0);
    let width = bounds[2] + 1.0 - bounds[0];
    assert!((34.0..=40.0).contains(&width), "ink {width} px wide");
}

#[test]
fn painting_at_twice_the_scale_doubles_the_positions() {
    let at = (200.0, 30.0);
    let once = ink(&one("Talent", 16.0, Anchor::End, at, 1.0), 1.0).0;
    let twice = ink(&one("Talent", 16.0, Anchor::End, at, 2.0), 2.0).0;
    // Both end at the anchor, in design pixels, within a device pixel of each other.
    assert!(
        (once[2] + 1.0 - (twice[2] + 0.5)).abs() <= 1.0,
        "{once:?} {twice:?}"
    );
    let middle = |b: [f64; 4], px: f64| (b[1] + b[3] + px) / 2.0;
    assert!((middle(once, 1.0) - middle(twice, 0.5)).abs() <= 1.0);
}

#[test]
fn a_character_the_font_lacks_fails_the_picture() {
    let mut scene = Scene::new(100.0, 20.0, WHITE);
    scene.text((0.0, 10.0), "a\u{E000}b", 12.0, false, Anchor::Start, INK);
    match render(&scene, 1.0) {
        Err(RasterError::Glyph { missing, text }) => {
            assert_eq!(missing, '\u{E000}');
            assert_eq!(text, "a\u{E000}b");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_font_names_itself() {
    let error = RasterError::Font {
        name: talent_charts::raster::REGULAR.0,
        path: talent_charts::raster::REGULAR.1,
        reason: "No such file or directory".into(),
    };
    let message = error.to_string();
    assert!(message.contains("Noto Sans CJK SC Regular"), "{message}");
    assert!(message.contains("NotoSansCJK-Regular.ttc"), "{message}");
}

#[test]
fn shapes_under_and_over_text_keep_their_order() {
    // A black bar with white text on it: the text is painted after the bar, so pixels
    // inside the text's box are white again.
    let mut scene = Scene::new(120.0, 40.0, WHITE);
    scene.fill_rect([0.0, 0.0, 120.0, 40.0], INK);
    scene.text((60.0, 20.0), "Talent", 20.0, true, Anchor::Middle, WHITE);
    let bitmap = render(&scene, 1.0).expect("fonts");
    let white = (0..bitmap.height)
        .flat_map(|y| (0..bitmap.width).map(move |x| (x, y)))
        .filter(|&(x, y)| bitmap.pixel(x, y).0 > 200)
        .count();
    assert!(white > 40, "{white} white pixels");
    // The PNG file starts with its signature and carries the size in its header.
    let png = bitmap.png();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        120
    );
    assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), 40);
}
