//! The country flow graph: undergraduate region -> work region, derived from the
//! MacroPolo 2019 shares, with net gain or loss, weighted degrees and betweenness.

use super::strings::{fill, FlowsMsg};
use super::{share, signed};
use crate::chart_frame::{ChartFrame, TableData};
use crate::charts::network::{Mark, RowChart, RowDatum, RowStyle};
use crate::charts::sankey::{FlowChartData, FlowLinkDatum, FlowNodeDatum, SankeyChart, Tip, Tone};
use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::data::labels::label;
use talent_core::format;
use talent_core::model::projection::{Baseline, Region};
use talent_core::series::regions::{country_network, CountryNetwork, RegionMetrics};

fn tone(region: Region) -> Tone {
    match region {
        Region::Us => Tone::Us,
        Region::China => Tone::China,
        Region::Rest => Tone::Other,
    }
}

/// Researchers per 100 in the pool, one decimal.
pub fn per_hundred(value: f64, lang: Lang) -> String {
    fill(
        FlowsMsg::PerHundred.text(lang),
        &[("n", format::number(value, 1, lang))],
    )
}

fn metrics_tip(m: &RegionMetrics, lang: Lang) -> String {
    fill(
        FlowsMsg::RegionTip.text(lang),
        &[
            ("arrive", format::number(m.arrivals, 1, lang)),
            ("leave", format::number(m.departures, 1, lang)),
            ("stay", format::number(m.stayed, 1, lang)),
        ],
    )
}

/// The two-stage Sankey of the graph.
pub fn chart_data(net: &CountryNetwork, lang: Lang) -> FlowChartData {
    let stages = [label("origin", lang), label("work", lang)];
    let mut nodes: Vec<(Region, usize)> = Vec::new();
    let mut data = FlowChartData {
        stages: stages.iter().map(|s| s.to_string()).collect(),
        description: fill(
            FlowsMsg::SankeyDescription.text(lang),
            &[(
                "title",
                fill(
                    FlowsMsg::CountryTitle.text(lang),
                    &[("year", net.year.to_string())],
                ),
            )],
        ),
        ..FlowChartData::default()
    };
    for (stage, stage_name) in stages.iter().enumerate() {
        for region in net.regions_in(stage) {
            let Some(m) = net.metrics_of(region) else {
                continue;
            };
            let value = if stage == 0 { m.studied } else { m.working };
            let name = region.label(lang).to_string();
            nodes.push((region, stage));
            data.nodes.push(FlowNodeDatum {
                key: CountryNetwork::node_id(region, stage),
                stage,
                label: name.clone(),
                value_text: format::number(value, 1, lang),
                reported: true,
                derived: false,
                tone: tone(region),
                tip: Tip {
                    heading: format!("{name} · {stage_name}"),
                    value: per_hundred(value, lang),
                    detail: format!("{}. {}", metrics_tip(m, lang), Msg::DerivedBy.text(lang)),
                },
            });
        }
    }
    let index = |region: Region, stage: usize| nodes.iter().position(|&n| n == (region, stage));
    for flow in &net.flows {
        let (Some(s), Some(t)) = (index(flow.origin, 0), index(flow.work, 1)) else {
            continue;
        };
        let from = flow.origin.label(lang);
        let studied = net.metrics_of(flow.origin).map_or(0.0, |m| m.studied);
        let kind = if flow.is_move() {
            FlowsMsg::Moved
        } else {
            FlowsMsg::StayHome
        };
        data.links.push(FlowLinkDatum {
            source: s,
            target: t,
            value: flow.value,
            tone: tone(flow.origin),
            tip: Tip {
                heading: format!("{from} → {}", flow.work.label(lang)),
                value: per_hundred(flow.value, lang),
                detail: format!(
                    "{}; {}. {}",
                    fill(
                        FlowsMsg::ShareOf.text(lang),
                        &[
                            ("share", share(flow.share_of_origin, lang)),
                            ("node", from.to_string()),
                            ("total", per_hundred(studied, lang)),
                        ],
                    ),
                    kind.text(lang),
                    Msg::DerivedBy.text(lang)
                ),
            },
        });
    }
    data
}

/// Every flow: from, to, value, share of the origin, basis.
pub fn flow_table(net: &CountryNetwork, lang: Lang) -> TableData {
    TableData {
        headers: [
            FlowsMsg::From,
            FlowsMsg::To,
            FlowsMsg::Value,
            FlowsMsg::ShareOfSource,
            FlowsMsg::Basis,
        ]
        .iter()
        .map(|m| m.text(lang).to_string())
        .collect(),
        rows: net
            .flows
            .iter()
            .map(|f| {
                let kind = if f.is_move() {
                    FlowsMsg::Moved
                } else {
                    FlowsMsg::StayHome
                };
                vec![
                    f.origin.label(lang).to_string(),
                    f.work.label(lang).to_string(),
                    per_hundred(f.value, lang),
                    share(f.share_of_origin, lang),
                    format!("{}; {}", kind.text(lang), Msg::DerivedBy.text(lang)),
                ]
            })
            .collect(),
    }
}

/// The metrics of every region as a table.
pub fn metrics_table(net: &CountryNetwork, lang: Lang) -> TableData {
    let t = |m: FlowsMsg| m.text(lang).to_string();
    let one = |v: f64| format::number(v, 1, lang);
    TableData {
        headers: vec![
            t(FlowsMsg::Region),
            t(FlowsMsg::Studied),
            t(FlowsMsg::Working),
            t(FlowsMsg::Stayed),
            t(FlowsMsg::InDegree),
            t(FlowsMsg::OutDegree),
            t(FlowsMsg::Degree),
            t(FlowsMsg::Net),
            t(FlowsMsg::Betweenness),
        ],
        rows: net
            .metrics
            .iter()
            .map(|m| {
                vec![
                    m.region.label(lang).to_string(),
                    one(m.studied),
                    one(m.working),
                    one(m.stayed),
                    one(m.arrivals),
                    one(m.departures),
                    one(m.weighted_degree),
                    signed(m.net, 1, lang),
                    format!(
                        "{} ({})",
                        format::number(m.normalised, 2, lang),
                        format::number(m.betweenness, 0, lang)
                    ),
                ]
            })
            .collect(),
    }
}

/// The country flow graph, its net bars and its metrics.
#[component]
pub fn Regions() -> impl IntoView {
    let lang = use_app_state().lang;
    let net = StoredValue::new(country_network(Baseline::embedded()));
    let year = net.with_value(|n| n.year.to_string());
    let with_year = move |m: FlowsMsg| {
        let year = year.clone();
        Signal::derive(move || fill(m.text(lang.get()), &[("year", year.clone())]))
    };
    let t = move |m: FlowsMsg| Signal::derive(move || m.text(lang.get()).to_string());
    let data = Signal::derive(move || net.with_value(|n| chart_data(n, lang.get())));
    let table = Signal::derive(move || net.with_value(|n| flow_table(n, lang.get())));
    let metrics = Signal::derive(move || net.with_value(|n| metrics_table(n, lang.get())));
    let rows = Signal::derive(move || {
        let l = lang.get();
        net.with_value(|n| {
            n.metrics
                .iter()
                .map(|m| RowDatum {
                    label: m.region.label(l).to_string(),
                    a: m.net,
                    b: 0.0,
                    value_text: signed(m.net, 1, l),
                    tip: Tip {
                        heading: m.region.label(l).to_string(),
                        value: fill(FlowsMsg::PerHundred.text(l), &[("n", signed(m.net, 1, l))]),
                        detail: metrics_tip(m, l),
                    },
                })
                .collect()
        })
    });
    let key = super::key(
        lang,
        [
            (FlowsMsg::Gain, Mark::Gain),
            (FlowsMsg::RegionLoss, Mark::Loss),
        ],
    );
    view! {
        <ChartFrame
            id="country-flows"
            title=with_year(FlowsMsg::CountryTitle)
            subtitle=with_year(FlowsMsg::CountrySubtitle)
            caveat=t(FlowsMsg::CountryCaveat)
            source=t(FlowsMsg::SourceCountries)
            table=table
        >
            <SankeyChart id="country-flows" data=data />
        </ChartFrame>
        <ChartFrame
            id="region-net"
            title=t(FlowsMsg::RegionNetTitle)
            subtitle=with_year(FlowsMsg::RegionNetSubtitle)
            caveat=t(FlowsMsg::MetricsNote)
            source=t(FlowsMsg::SourceCountries)
            table=metrics
        >
            <RowChart id="region-net" style=RowStyle::Net rows=rows key=key description=t(FlowsMsg::RegionNetTitle) />
            <h3>{move || FlowsMsg::MetricsHeading.text(lang.get())}</h3>
            <div class="table-wrap">
                <table data-testid="region-metrics">
                    <thead>
                        <tr>{move || metrics.get().headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || metrics.get().rows.into_iter().map(|row| {
                            let mut cells = row.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{head}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </ChartFrame>
    }
}
