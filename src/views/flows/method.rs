//! The Flows part of Sources & method: the denominators of the career Sankeys, their
//! derived flows, how the country table is derived, and what the city network holds.

use super::careers::amount;
use super::strings::FlowsMsg;
use crate::i18n::Msg;
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::format;
use talent_core::model::projection::{Baseline, Region};
use talent_core::series::career_flows::career_flows;
use talent_core::Dataset;

/// The `id="flows-method"` block of Sources & method.
#[component]
pub fn FlowsMethod() -> impl IntoView {
    let lang = use_app_state().lang;
    let t = move |m: FlowsMsg| m.text(lang.get());
    let flows = career_flows(Dataset::embedded()).unwrap_or_default();
    let baseline = *Baseline::embedded();
    let careers = move || {
        let l = lang.get();
        flows
            .iter()
            .map(|flow| {
                let unit = flow.denominator.unit;
                let derived: Vec<String> = flow
                    .links
                    .iter()
                    .filter_map(|link| {
                        let formula = link.formula.as_ref()?;
                        let name = |id: &str| {
                            flow.node(id)
                                .map_or(id.to_string(), |n| n.label.get(l).to_string())
                        };
                        let unreported = flow.node(link.target).is_some_and(|n| !n.reported);
                        Some(format!(
                            "{} → {}: {} = {}{}",
                            name(link.source),
                            name(link.target),
                            formula,
                            amount(link.value, unit, l),
                            if unreported {
                                format!(" ({})", Msg::NotReported.text(l))
                            } else {
                                String::new()
                            }
                        ))
                    })
                    .collect();
                let fact = flow.denominator.fact.map(|f| {
                    view! { " (" <code style:overflow-wrap="anywhere">{f}</code> ")" }
                });
                view! {
                    <li>
                        <strong>{flow.title.get(l)}</strong> ": "
                        {flow.denominator.label.get(l)} " = " {amount(flow.denominator.value, unit, l)} {fact}
                        {(!derived.is_empty()).then(|| view! {
                            <div>
                                {FlowsMsg::MethodDerived.text(l)}
                                <ul>{derived.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                            </div>
                        })}
                        {(!flow.discrepancies.is_empty()).then(|| view! {
                            <div>
                                {flow.discrepancies.iter().map(|d| view! {
                                    <a href=format!("#{d}")>{*d}</a> " "
                                }).collect_view()}
                            </div>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let matrix = move || {
        let l = lang.get();
        view! {
            <div class="table-wrap">
                <table class="matrix" data-testid="flows-matrix">
                    <thead>
                        <tr>
                            <th scope="col">{FlowsMsg::OriginWork.text(l)}</th>
                            {Region::ALL.iter().map(|r| view! { <th scope="col">{r.label(l)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {Region::ALL.iter().map(|origin| view! {
                            <tr>
                                <th scope="row">{origin.label(l)}</th>
                                {Region::ALL.iter().map(|work| view! {
                                    <td>{format::number(baseline.stock[origin.index()][work.index()], 2, l)}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <section class="projection-method" id="flows-method" data-testid="flows-method">
            <h2>{move || t(FlowsMsg::MethodHeading)}</h2>
            <p>{move || t(FlowsMsg::MethodCareers)}</p>
            <ul>{careers}</ul>
            <p>{move || t(FlowsMsg::MethodCountries)}</p>
            {matrix}
            <p>
                {move || t(FlowsMsg::MethodFacts)} " "
                {Baseline::sources().into_iter().map(|id| view! { <code>{id}</code> " " }).collect_view()}
            </p>
            <p>{move || t(FlowsMsg::MethodCities)}</p>
        </section>
    }
}
