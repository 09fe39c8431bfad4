//! Link previews: for every page (each view in each language) a 1200 x 630 PNG of the
//! view's main chart in its export frame with the title, the source and the site's name,
//! painted natively by the chart code (`talent_charts::raster`) and named by the pages'
//! `og:image`. Without the fonts the bake fails with the font's name: a preview is never
//! written without its words.

use crate::html::{code, LANGS};
use crate::Site;
use talent_charts::draw::frame::{self, letterbox, Export};
use talent_charts::draw::{scene, Reading};
use talent_charts::raster::{self, Bitmap};
use talent_charts::{Palette, Theme};
use talent_core::catalog::Chart;
use talent_core::layout::width::WidthClass;
use talent_core::link::url_state::{UrlState, View};
use talent_core::{Dataset, Lang};

/// Size of a preview in pixels: what Open Graph and large Twitter cards show.
pub const SIZE: (f64, f64) = (1200.0, 630.0);

/// Previews are light: most feeds and chat apps show them on a light card.
const THEME: Theme = Theme::Light;

/// The file of a page's preview, relative to the site's root.
pub fn path(view: View, lang: Lang) -> String {
    format!("previews/{}-{}.png", view.code(), code(lang))
}

/// The chart a view's preview shows: one that reads at thumbnail size (few rows), the
/// story's first finding for the story and for the sources (whose page has no chart).
pub fn main_chart(view: View) -> Option<Chart> {
    Some(match view {
        View::Story | View::Sources => Chart::FindingOrigin,
        View::Countries => Chart::Top100,
        View::Subfields => Chart::Leaders,
        View::Flows => Chart::CareersCarnegie,
        View::WhatIf => Chart::WhatIfShares,
    })
}

/// The preview of `view` in `lang`.
///
/// The chart is framed at the width class that lets it fill the picture best (the
/// largest scale at which its frame fits 1200 x 630, so its text is as large as it can
/// be), then centred on the frame's background.
pub fn picture(data: &Dataset, view: View, lang: Lang) -> Result<Bitmap, String> {
    let chart = main_chart(view).ok_or("the catalogue has no chart for the previews")?;
    let palette = Palette::of(THEME);
    let mut text = chart.text(data, lang);
    // A preview is a thumbnail: what the chart is and where it comes from.
    text.subtitle.clear();
    text.notes.clear();
    let mut best: Option<(f64, talent_charts::Scene)> = None;
    for class in WidthClass::ALL {
        let plan = chart
            .plan(data, &UrlState::default(), lang, class)
            .map_err(|e| e.to_string())?;
        let export = Export {
            lang,
            text: text.clone(),
            legend: frame::legend(&plan),
            date: None,
            link: None,
            scenario: None,
        };
        let framed = frame::frame(
            &scene(&plan, palette, &Reading::default()),
            &export,
            palette,
        );
        let scale = (SIZE.0 / framed.width).min(SIZE.1 / framed.height);
        // Ties go to the wider class, which wraps its labels less.
        if best.as_ref().is_none_or(|(s, _)| scale >= *s) {
            best = Some((scale, framed));
        }
    }
    let (_, framed) = best.ok_or("no width class")?;
    let (scene, scale) = letterbox(&framed, SIZE.0, SIZE.1, palette.background);
    raster::render(&scene, scale).map_err(|e| format!("preview of {}: {e}", view.code()))
}

/// Writes the preview of every page.
pub fn write(site: &Site) -> Result<(), String> {
    for view in View::ALL {
        for lang in LANGS {
            let bitmap = picture(site.data, view, lang)?;
            site.write(&path(view, lang), &bitmap.png())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use talent_charts::palette::Rgb;

    fn count(bitmap: &Bitmap, wanted: impl Fn((u8, u8, u8)) -> bool) -> usize {
        (0..bitmap.height)
            .flat_map(|y| (0..bitmap.width).map(move |x| (x, y)))
            .filter(|&(x, y)| wanted(bitmap.pixel(x, y)))
            .count()
    }

    fn near(a: (u8, u8, u8), b: Rgb) -> bool {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).abs();
        d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2) <= 24
    }

    #[test]
    fn every_preview_is_1200_by_630_with_text_and_marks() {
        let data = Dataset::embedded();
        let palette = Palette::of(THEME);
        for view in View::ALL {
            for lang in LANGS {
                let name = path(view, lang);
                let bitmap = picture(data, view, lang).expect("preview");
                assert_eq!((bitmap.width, bitmap.height), (1200, 630), "{name}");
                let bg = palette.background;
                let background = count(&bitmap, |p| p == (bg.0, bg.1, bg.2));
                let all = 1200 * 630;
                // Not blank: at least 3% of the picture is drawn on.
                assert!(all - background > all * 3 / 100, "{name}: blank");
                // Text in the text colour (title, site, labels): thousands of pixels; the
                // chart's only other mark in it, the key's filled dot, has about 80.
                let text = count(&bitmap, |p| near(p, palette.text));
                assert!(text > 1_000, "{name}: {text} pixels of text");
                // Marks in the US or China colour (two dots of the smallest chart are
                // already about 2 × π × 6² = 226 pixels).
                let marks = count(&bitmap, |p| near(p, palette.us) || near(p, palette.china));
                assert!(marks > 150, "{name}: {marks} pixels of marks");
            }
        }
    }

    #[test]
    fn each_view_previews_a_chart_of_its_own_page() {
        for view in View::ALL {
            let chart = main_chart(view).expect("a chart");
            // Sources & method has no chart: it shows the story's first finding.
            let page = if view == View::Sources {
                View::Story
            } else {
                view
            };
            assert_eq!(chart.view(), page, "{view:?}");
        }
        assert_eq!(path(View::WhatIf, Lang::Zh), "previews/whatif-zh.png");
    }
}
