//! The city education-flow network (Table 2 of seed 000): net flow as diverging bars,
//! arrivals and departures as dots, and the table's own arithmetic checked.

use super::strings::{fill, FlowsMsg};
use super::{key, num, signed};
use crate::chart_frame::{ChartFrame, TableData};
use crate::charts::network::{Mark, RowChart, RowDatum, RowStyle};
use crate::charts::sankey::Tip;
use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::model::checks::D30;
use talent_core::series::cities::{city_network, CityDegree};
use talent_core::Dataset;

fn city_name(city: &CityDegree, lang: Lang) -> String {
    match lang {
        Lang::En => city.city_en.clone(),
        Lang::Zh => city.city_zh.clone(),
    }
}

fn tip(city: &CityDegree, lang: Lang) -> Tip {
    Tip {
        heading: city_name(city, lang),
        value: fill(
            FlowsMsg::CityTip.text(lang),
            &[
                ("dwi", num(city.dwi, lang)),
                ("dwo", num(city.dwo, lang)),
                ("net", signed(city.net_computed, 0, lang)),
            ],
        ),
        detail: fill(
            FlowsMsg::CityDetail.text(lang),
            &[("dw", num(city.dw, lang)), ("rank", city.rank.to_string())],
        ),
    }
}

/// Rows of the net-flow chart: largest gain first, ties in rank order.
pub fn net_rows(cities: &[CityDegree], lang: Lang) -> Vec<RowDatum> {
    let sorted = talent_core::order::sorted(cities.iter().collect(), &|a: &&CityDegree, b| {
        b.net_computed.total_cmp(&a.net_computed)
    });
    sorted
        .into_iter()
        .map(|c| RowDatum {
            label: city_name(c, lang),
            a: c.net_computed,
            b: 0.0,
            value_text: signed(c.net_computed, 0, lang),
            tip: tip(c, lang),
        })
        .collect()
}

/// Rows of the dot chart, in rank order: filled dot Dwi, ring Dwo.
pub fn dot_rows(cities: &[CityDegree], lang: Lang) -> Vec<RowDatum> {
    cities
        .iter()
        .map(|c| RowDatum {
            label: city_name(c, lang),
            a: c.dwi,
            b: c.dwo,
            value_text: String::new(),
            tip: tip(c, lang),
        })
        .collect()
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// Table 2 as the app reads it, with its checks.
pub fn city_table(cities: &[CityDegree], lang: Lang) -> TableData {
    let t = |m: FlowsMsg| m.text(lang).to_string();
    TableData {
        headers: vec![
            t(FlowsMsg::City),
            t(FlowsMsg::Rank),
            "Dw".into(),
            "Dwi".into(),
            "Dwo".into(),
            t(FlowsMsg::NetStated),
            t(FlowsMsg::NetComputed),
            t(FlowsMsg::CheckColumn),
        ],
        rows: cities
            .iter()
            .map(|c| {
                vec![
                    city_name(c, lang),
                    c.rank.to_string(),
                    num(c.dw, lang),
                    num(c.dwi, lang),
                    num(c.dwo, lang),
                    c.net_stated
                        .map_or_else(|| Msg::NotReported.text(lang).to_string(), |n| num(n, lang)),
                    num(c.net_computed, lang),
                    format!("{} {}", mark(c.sum_ok), mark(c.net_ok)),
                ]
            })
            .collect(),
    }
}

/// Both city charts and the arithmetic checks.
#[component]
pub fn Cities() -> impl IntoView {
    let lang = use_app_state().lang;
    let cities = StoredValue::new(city_network(Dataset::embedded()));
    let count = cities.with_value(Vec::len);
    let t = move |m: FlowsMsg| Signal::derive(move || m.text(lang.get()).to_string());
    let with_n = move |m: FlowsMsg| {
        Signal::derive(move || fill(m.text(lang.get()), &[("n", count.to_string())]))
    };
    let table = Signal::derive(move || cities.with_value(|c| city_table(c, lang.get())));
    let losers = Signal::derive(move || {
        let l = lang.get();
        let names: Vec<String> = cities.with_value(|c| {
            let losing: Vec<&CityDegree> = c.iter().filter(|c| c.net_computed < 0.0).collect();
            talent_core::order::sorted(losing, &|a, b| a.net_computed.total_cmp(&b.net_computed))
                .into_iter()
                .map(|c| format!("{} {}", city_name(c, l), signed(c.net_computed, 0, l)))
                .collect()
        });
        let separator = if l == Lang::Zh { "、" } else { ", " };
        fill(
            FlowsMsg::NetCaveat.text(l),
            &[("list", names.join(separator))],
        )
    });
    let net_key = key(
        lang,
        [(FlowsMsg::Gain, Mark::Gain), (FlowsMsg::Loss, Mark::Loss)],
    );
    let dot_key = key(
        lang,
        [
            (FlowsMsg::Arrivals, Mark::DotA),
            (FlowsMsg::Departures, Mark::DotB),
        ],
    );
    let checks = move || {
        let l = lang.get();
        cities.with_value(|c| {
            let n = c.len();
            let lines = [
                (FlowsMsg::SumHolds, c.iter().filter(|c| c.sum_ok).count()),
                (FlowsMsg::NetHolds, c.iter().filter(|c| c.net_ok).count()),
                (FlowsMsg::RankHolds, c.iter().filter(|c| c.rank_ok).count()),
            ];
            lines
                .into_iter()
                .map(|(m, k)| {
                    let holds = k == n;
                    view! {
                        <li class:fails=!holds>
                            <span>{fill(m.text(l), &[("k", k.to_string()), ("n", n.to_string())])}</span>
                            <span class="verdict">{if holds { Msg::Holds.text(l) } else { Msg::DoesNotHold.text(l) }}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ChartFrame
            id="city-net"
            title=t(FlowsMsg::NetTitle)
            subtitle=with_n(FlowsMsg::NetSubtitle)
            caveat=losers
            source=t(FlowsMsg::SourceTable2)
            table=table
        >
            <RowChart
                id="city-net"
                style=RowStyle::Net
                rows=Signal::derive(move || cities.with_value(|c| net_rows(c, lang.get())))
                key=net_key
                description=t(FlowsMsg::NetTitle)
            />
            <aside class="checks" data-testid="city-checks">
                <h3>{move || FlowsMsg::ArithmeticHeading.text(lang.get())}</h3>
                <ul>{checks}</ul>
                <p><a href=format!("?v=1&view=sources#{D30}")>{D30}</a></p>
            </aside>
        </ChartFrame>
        <ChartFrame
            id="city-dots"
            title=t(FlowsMsg::DotsTitle)
            subtitle=with_n(FlowsMsg::DotsSubtitle)
            caveat=t(FlowsMsg::DotsCaveat)
            source=t(FlowsMsg::SourceTable2)
            table=table
        >
            <RowChart
                id="city-dots"
                style=RowStyle::Dots
                rows=Signal::derive(move || cities.with_value(|c| dot_rows(c, lang.get())))
                key=dot_key
                description=t(FlowsMsg::DotsTitle)
            />
        </ChartFrame>
    }
}
