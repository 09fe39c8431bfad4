//! SVG snapshots of the flow charts (career-path and region Sankeys, region and city row
//! charts) in their default state: both languages, both themes, the narrowest and the
//! widest width class; and a Sankey with a pinned node and one with a focused link. Accept
//! changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test -p talent_charts
//! --features svg`) after looking at the pictures.

use talent_charts::draw::rows::rows;
use talent_charts::draw::sankey::sankey;
use talent_charts::draw::FlowInteraction;
use talent_charts::{svg, Palette, Scene, Theme};
use talent_core::layout::row_chart::RowChartPlan;
use talent_core::layout::sankey::Hit;
use talent_core::layout::sankey_chart::SankeyChartPlan;
use talent_core::layout::width::WidthClass;
use talent_core::model::projection::Baseline;
use talent_core::series::career_flows::{CareerFlow, FlowKey};
use talent_core::series::cities::city_network;
use talent_core::series::flows::{city_dot_rows, city_net_rows, region_net_rows};
use talent_core::series::regions::country_network;
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

fn career(key: FlowKey, lang: Lang, class: WidthClass) -> SankeyChartPlan {
    let flow = CareerFlow::build(key, Dataset::embedded()).expect("flow");
    SankeyChartPlan::career(&flow, lang, class).expect("plan")
}

#[test]
fn career_sankeys() {
    for key in FlowKey::ALL {
        check(key.as_str(), |lang, class, palette| {
            sankey(
                &career(key, lang, class),
                palette,
                &FlowInteraction::default(),
            )
        });
    }
}

#[test]
fn region_sankey() {
    check("regions", |lang, class, palette| {
        let plan = SankeyChartPlan::regions(Baseline::embedded(), lang, class).expect("plan");
        sankey(&plan, palette, &FlowInteraction::default())
    });
}

#[test]
fn row_charts() {
    let cities = city_network(Dataset::embedded());
    let net = country_network(Baseline::embedded());
    let none = FlowInteraction::default();
    check("region-net", |lang, class, palette| {
        rows(
            &RowChartPlan::new(&region_net_rows(&net, lang), lang, class),
            palette,
            &none,
        )
    });
    check("city-net", |lang, class, palette| {
        rows(
            &RowChartPlan::new(&city_net_rows(&cities, lang), lang, class),
            palette,
            &none,
        )
    });
    check("city-dots", |lang, class, palette| {
        rows(
            &RowChartPlan::new(&city_dot_rows(&cities, lang), lang, class),
            palette,
            &none,
        )
    });
}

#[test]
fn pinned_node_and_focused_link() {
    // Carnegie at full width with China pinned: China's branch lit, the rest dimmed, rings
    // on the node and its label.
    let plan = career(FlowKey::Carnegie2025, Lang::En, WidthClass::Full);
    let pinned = FlowInteraction {
        focus: None,
        pinned: plan.find("cg_cn"),
    };
    assert!(matches!(pinned.pinned, Some(Hit::Node(_))));
    let scene = sankey(&plan, Palette::of(Theme::Light), &pinned);
    insta::assert_snapshot!(
        "carnegie-pinned-china",
        svg::document(&scene, "carnegie pinned")
    );
    // DeepSeek at phone width in Chinese, dark, with the flow of the US-tied authors who
    // stayed in the US focused: the flow from all authors to the US-tied ones lit too.
    let plan = career(FlowKey::HooverDeepSeek2025, Lang::Zh, WidthClass::Narrow);
    let focused = FlowInteraction {
        focus: plan.find("hv_us_ties-hv_stayed_us"),
        pinned: None,
    };
    assert!(matches!(focused.focus, Some(Hit::Link(_))));
    let scene = sankey(&plan, Palette::of(Theme::Dark), &focused);
    insta::assert_snapshot!(
        "hoover-focused-link",
        svg::document(&scene, "hoover focused")
    );
}
