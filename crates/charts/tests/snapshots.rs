//! SVG snapshots of every chart of the catalogue (`Chart::ALL`) in its default state, as
//! the pages bake them: both languages, both themes, the narrowest and the widest width
//! class; and the export frame a download writes. A change to anything that moves a pixel
//! shows as a diff of reviewable SVG and fails until the snapshots are accepted with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test -p talent_charts --features
//! svg`) after looking at the pictures. Interaction states: `snapshots_flows.rs`.

use talent_charts::draw::{scene, Reading};
use talent_charts::{svg, Palette, Theme};
use talent_core::catalog::Chart;
use talent_core::layout::width::WidthClass;
use talent_core::link::url_state::UrlState;
use talent_core::{Dataset, Lang};

const CLASSES: [WidthClass; 2] = [WidthClass::Narrow, WidthClass::Full];
const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

#[test]
fn every_chart_in_both_languages_themes_and_extreme_widths() {
    let data = Dataset::embedded();
    let state = UrlState::default();
    for chart in Chart::ALL {
        for lang in LANGS {
            let title = chart.text(data, lang).title;
            for class in CLASSES {
                let plan = chart
                    .plan(data, &state, lang, class)
                    .unwrap_or_else(|e| panic!("{}: {e}", chart.code()));
                for theme in Theme::ALL {
                    let picture = scene(&plan, Palette::of(theme), &Reading::default());
                    assert!(
                        picture.items.len() > 1,
                        "{}: an empty picture",
                        chart.code()
                    );
                    let name = format!(
                        "{}-{}-{}-{}",
                        chart.code(),
                        lang_code(lang),
                        class.code(),
                        theme.code()
                    );
                    insta::assert_snapshot!(name, svg::document(&picture, &title));
                }
            }
        }
    }
}

/// The export frame of the sector bars (a legend, a note, a link and a date) in both
/// languages, as the SVG download writes it.
#[test]
fn export_frame() {
    use talent_charts::draw::frame::{frame, legend, Date, Export};
    let data = Dataset::embedded();
    let palette = Palette::of(Theme::Light);
    for lang in LANGS {
        let chart = Chart::Sectors;
        let plan = chart
            .plan(data, &UrlState::default(), lang, WidthClass::Full)
            .expect("plan");
        let export = Export {
            lang,
            text: chart.text(data, lang),
            legend: legend(&plan),
            date: Date::new(2026, 12, 1),
            link: Some("https://example.org/talent/countries/#sectors".into()),
            scenario: None,
        };
        let scene = frame(
            &scene(&plan, palette, &Reading::default()),
            &export,
            palette,
        );
        let title = &export.text.title;
        insta::assert_snapshot!(
            format!("frame-sectors-{}", lang_code(lang)),
            svg::document(&scene, title)
        );
    }
}
