//! Writes every flow chart as SVG into a folder, to look at them:
//! `cargo run -p talent_charts --features svg --example flow_pictures -- /tmp/flows`.

use std::path::PathBuf;
use talent_charts::draw::rows::rows;
use talent_charts::draw::sankey::sankey;
use talent_charts::draw::FlowInteraction;
use talent_charts::{svg, Palette, Scene, Theme};
use talent_core::layout::row_chart::RowChartPlan;
use talent_core::layout::sankey::Hit;
use talent_core::layout::sankey_chart::SankeyChartPlan;
use talent_core::layout::width::WidthClass;
use talent_core::model::projection::Baseline;
use talent_core::series::career_flows::career_flows;
use talent_core::series::cities::city_network;
use talent_core::series::flows::{city_dot_rows, city_net_rows, region_net_rows};
use talent_core::series::regions::country_network;
use talent_core::{Dataset, Lang};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/flows".into()),
    );
    std::fs::create_dir_all(&dir).expect("folder");
    let data = Dataset::embedded();
    let flows = career_flows(data).expect("flows");
    let cities = city_network(data);
    let net = country_network(Baseline::embedded());
    let write = |name: &str, scene: Scene| {
        let path = dir.join(format!("{name}.svg"));
        std::fs::write(&path, svg::document(&scene, name)).expect("write");
    };
    for lang in [Lang::En, Lang::Zh] {
        let l = if lang == Lang::En { "en" } else { "zh" };
        for class in WidthClass::ALL {
            for theme in Theme::ALL {
                let p = Palette::of(theme);
                let tag = format!("{l}-{}-{}", class.code(), theme.code());
                for flow in &flows {
                    let plan = SankeyChartPlan::career(flow, lang, class).expect("plan");
                    write(
                        &format!("{}-{tag}", flow.key.as_str()),
                        sankey(&plan, p, &FlowInteraction::default()),
                    );
                    let pinned = FlowInteraction {
                        focus: None,
                        pinned: Some(Hit::Node(1)),
                    };
                    write(
                        &format!("{}-pin-{tag}", flow.key.as_str()),
                        sankey(&plan, p, &pinned),
                    );
                }
                let plan =
                    SankeyChartPlan::regions(Baseline::embedded(), lang, class).expect("plan");
                write(
                    &format!("regions-{tag}"),
                    sankey(&plan, p, &FlowInteraction::default()),
                );
                let none = FlowInteraction::default();
                let focus = FlowInteraction {
                    focus: Some(2),
                    pinned: None,
                };
                write(
                    &format!("region-net-{tag}"),
                    rows(
                        &RowChartPlan::new(&region_net_rows(&net, lang), lang, class),
                        p,
                        &none,
                    ),
                );
                write(
                    &format!("city-net-{tag}"),
                    rows(
                        &RowChartPlan::new(&city_net_rows(&cities, lang), lang, class),
                        p,
                        &focus,
                    ),
                );
                write(
                    &format!("city-dots-{tag}"),
                    rows(
                        &RowChartPlan::new(&city_dot_rows(&cities, lang), lang, class),
                        p,
                        &none,
                    ),
                );
            }
        }
    }
}
