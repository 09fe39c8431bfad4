//! Flows: career paths as Sankey diagrams, the city education-flow network, and the
//! regions researchers study in and work in as a flow graph.

pub mod careers;
pub mod cities;
pub mod method;
pub mod regions;
pub mod strings;

use crate::charts::network::{KeyItem, Mark};
use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use strings::FlowsMsg;
use talent_core::format;

/// Decimals needed to show `value` exactly up to two places: 41 -> 0, 5.6 -> 1, 49.28 -> 2.
pub fn decimals(value: f64) -> usize {
    let exact = |scale: f64| ((value * scale) - (value * scale).round()).abs() < 1e-6;
    if exact(1.0) {
        0
    } else if exact(10.0) {
        1
    } else {
        2
    }
}

/// A number with the decimals it needs.
pub fn num(value: f64, lang: Lang) -> String {
    format::number(value, decimals(value), lang)
}

/// A number with a sign in front of gains: `+53`, `-19`, `0`.
pub fn signed(value: f64, places: usize, lang: Lang) -> String {
    let text = format::number(value, places, lang);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// A share (0 to 1) as a percentage with one decimal.
pub fn share(value: f64, lang: Lang) -> String {
    format::percent(value * 100.0, 1, lang)
}

/// A chart key of two entries, in the reader's language.
pub fn key(lang: RwSignal<Lang>, entries: [(FlowsMsg, Mark); 2]) -> Signal<Vec<KeyItem>> {
    Signal::derive(move || {
        let l = lang.get();
        entries
            .iter()
            .map(|&(msg, mark)| KeyItem {
                label: msg.text(l).to_string(),
                mark,
            })
            .collect()
    })
}

/// The Flows page.
#[component]
pub fn FlowsView() -> impl IntoView {
    let lang = use_app_state().lang;
    let t = move |msg: FlowsMsg| msg.text(lang.get());
    view! {
        <section class="view" data-testid="view-flows">
            <h1>{move || Msg::NavFlows.text(lang.get())}</h1>
            <p class="intro">{move || t(FlowsMsg::Intro)}</p>
            <h2>{move || t(FlowsMsg::CareersHeading)}</h2>
            <p class="intro">{move || t(FlowsMsg::CareersLead)}</p>
            <careers::Careers />
            <h2>{move || t(FlowsMsg::CitiesHeading)}</h2>
            <p class="intro">{move || t(FlowsMsg::CitiesLead)}</p>
            <cities::Cities />
            <h2>{move || t(FlowsMsg::CountriesHeading)}</h2>
            <p class="intro">{move || t(FlowsMsg::CountriesLead)}</p>
            <regions::Regions />
            <details class="flows-method-details" data-testid="flows-method-details">
                <summary>{move || t(FlowsMsg::MethodSummary)}</summary>
                <method::FlowsMethod />
            </details>
        </section>
    }
}
