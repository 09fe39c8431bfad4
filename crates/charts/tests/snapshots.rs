//! SVG snapshots of every chart in its default state: both languages, both themes, the
//! narrowest and the widest width class. A change to anything that moves a pixel shows
//! as a diff of reviewable SVG and fails until the snapshots are accepted with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test -p talent_charts --features svg`).

use talent_charts::draw::{bars::bars, Interaction};
use talent_charts::{svg, Palette, Scene, Theme};
use talent_core::layout::bars::BarPlan;
use talent_core::layout::width::WidthClass;
use talent_core::series::countries::{top100_by_country, top100_by_sector};
use talent_core::{Dataset, Lang};

const CLASSES: [WidthClass; 2] = [WidthClass::Narrow, WidthClass::Full];
const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Snapshots `scene_of(lang, class, palette)` in every language, class and theme.
fn check(name: &str, scene_of: impl Fn(Lang, WidthClass, &Palette) -> Scene) {
    for lang in LANGS {
        for class in CLASSES {
            for theme in Theme::ALL {
                let scene = scene_of(lang, class, Palette::of(theme));
                assert!(scene.items.len() > 1, "{name}: an empty picture");
                let snapshot = format!(
                    "{name}-{}-{}-{}",
                    lang_code(lang),
                    class.code(),
                    theme.code()
                );
                insta::assert_snapshot!(snapshot, svg::document(&scene, name));
            }
        }
    }
}

#[test]
fn top100_bars() {
    let data = Dataset::embedded();
    check("top100", |lang, class, palette| {
        let plan = BarPlan::new(data, &top100_by_country(data, lang), lang, class);
        bars(&plan, palette, &Interaction::default())
    });
}

#[test]
fn sector_bars() {
    let data = Dataset::embedded();
    check("sectors", |lang, class, palette| {
        let plan = BarPlan::new(data, &top100_by_sector(data, lang), lang, class);
        bars(&plan, palette, &Interaction::default())
    });
}

/// The export frame of the sector bars (a legend, a note, a link and a date) in both
/// languages, as the SVG download writes it.
#[test]
fn export_frame() {
    use talent_charts::draw::frame::{frame, legend, Date, Export};
    use talent_core::catalog::Chart;
    use talent_core::link::url_state::UrlState;
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
            &talent_charts::draw::scene(&plan, palette, &talent_charts::draw::Reading::default()),
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
