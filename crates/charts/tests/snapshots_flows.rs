//! SVG snapshots of flow charts in an interaction state: a Sankey with a pinned node and
//! one with a focused link (the default states are in `snapshots.rs`, with every chart).
//! Accept changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test -p
//! talent_charts --features svg`) after looking at the pictures.

use talent_charts::draw::sankey::sankey;
use talent_charts::draw::FlowInteraction;
use talent_charts::{svg, Palette, Theme};
use talent_core::layout::sankey::Hit;
use talent_core::layout::sankey_chart::SankeyChartPlan;
use talent_core::layout::width::WidthClass;
use talent_core::series::career_flows::{CareerFlow, FlowKey};
use talent_core::{Dataset, Lang};

fn career(key: FlowKey, lang: Lang, class: WidthClass) -> SankeyChartPlan {
    let flow = CareerFlow::build(key, Dataset::embedded()).expect("flow");
    SankeyChartPlan::career(&flow, lang, class).expect("plan")
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
