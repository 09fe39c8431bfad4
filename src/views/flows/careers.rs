//! The career-path Sankeys: Carnegie 2025, DeepSeek's authors (Hoover 2025) and the
//! MacroPolo China pathways, one at a time behind a selector.

use super::strings::{fill, FlowsMsg};
use super::{num, share};
use crate::chart_frame::{ChartFrame, TableData};
use crate::charts::sankey::{FlowChartData, FlowLinkDatum, FlowNodeDatum, SankeyChart, Tip, Tone};
use crate::i18n::Lang;
use crate::state::use_app_state;
use crate::views::checks_panel::ChecksPanel;
use leptos::prelude::*;
use talent_core::model::checks::{D08, D10, D22};
use talent_core::series::career_flows::{
    career_flows, CareerFlow, DenominatorUnit, FlowKey, FlowLink,
};
use talent_core::Dataset;

/// A value in the flow's unit: `41 researchers` or `49.28%`.
pub fn amount(value: f64, unit: DenominatorUnit, lang: Lang) -> String {
    match unit {
        DenominatorUnit::People if (value - 1.0).abs() < 1e-9 => {
            fill(FlowsMsg::PersonOne.text(lang), &[("n", num(value, lang))])
        }
        DenominatorUnit::People => fill(FlowsMsg::People.text(lang), &[("n", num(value, lang))]),
        DenominatorUnit::Percent => short(value, unit, lang),
    }
}

/// A value as printed beside a node: the number alone (the unit is in the subtitle).
pub fn short(value: f64, unit: DenominatorUnit, lang: Lang) -> String {
    match unit {
        DenominatorUnit::People => num(value, lang),
        DenominatorUnit::Percent => format!("{}%", num(value, lang)),
    }
}

/// The colour role of a node of the career flows.
fn tone_of(id: &str, reported: bool) -> Tone {
    if !reported {
        return Tone::NotReported;
    }
    match id {
        "cg_2019" | "hv_all" | "mp19_ug" | "mp22_ug" => Tone::Neutral,
        "hv_us_ties" => Tone::Mixed,
        "cg_other" => Tone::Other,
        "hv_stayed_us" | "mp19_us" | "mp22_grad_us" | "mp19_us_work_us" => Tone::Us,
        id if id.starts_with("cg_us") => Tone::Us,
        _ => Tone::China,
    }
}

/// A link takes the colour of its branch: its source, or its target when it leaves the
/// starting group; flows into a not-reported part are grey.
pub fn link_tone(source: Tone, target: Tone) -> Tone {
    if target == Tone::NotReported {
        Tone::NotReported
    } else if source == Tone::Neutral {
        target
    } else {
        source
    }
}

/// How a link's value was obtained.
fn basis(link: &FlowLink, target_reported: bool, lang: Lang) -> String {
    match (&link.formula, target_reported) {
        (Some(formula), false) => fill(
            FlowsMsg::NotReportedAs.text(lang),
            &[("formula", formula.clone())],
        ),
        (None, false) => FlowsMsg::NotReportedPart.text(lang).to_string(),
        (Some(formula), true) => fill(
            FlowsMsg::DerivedAs.text(lang),
            &[("formula", formula.clone())],
        ),
        (None, true) => FlowsMsg::Stated.text(lang).to_string(),
    }
}

/// The chart data of a flow, in `lang`.
pub fn chart_data(flow: &CareerFlow, lang: Lang) -> FlowChartData {
    let unit = flow.denominator.unit;
    let total = flow.denominator.value;
    let index = |id: &str| flow.nodes.iter().position(|n| n.id == id);
    let nodes: Vec<FlowNodeDatum> = flow
        .nodes
        .iter()
        .map(|n| {
            let label = n.label.get(lang).to_string();
            let value = match unit {
                DenominatorUnit::People => format!(
                    "{} · {}",
                    amount(n.value, unit, lang),
                    fill(
                        FlowsMsg::OfDenominator.text(lang),
                        &[
                            ("share", share(n.value / total, lang)),
                            ("total", amount(total, unit, lang)),
                        ],
                    )
                ),
                DenominatorUnit::Percent => fill(
                    FlowsMsg::PercentOfSample.text(lang),
                    &[("n", amount(n.value, unit, lang))],
                ),
            };
            let incoming_formula = flow
                .links
                .iter()
                .find(|l| l.target == n.id)
                .and_then(|l| l.formula.clone());
            let derived = n.reported && n.fact.is_none() && incoming_formula.is_some();
            let detail = if !n.reported {
                FlowsMsg::NotReportedPart.text(lang).to_string()
            } else if n.fact.is_some() {
                FlowsMsg::Stated.text(lang).to_string()
            } else if let Some(formula) = incoming_formula {
                fill(FlowsMsg::DerivedAs.text(lang), &[("formula", formula)])
            } else {
                String::new()
            };
            FlowNodeDatum {
                key: n.id.to_string(),
                stage: n.stage,
                value_text: short(n.value, unit, lang),
                reported: n.reported,
                derived,
                tone: tone_of(n.id, n.reported),
                tip: Tip {
                    heading: label.clone(),
                    value,
                    detail,
                },
                label,
            }
        })
        .collect();
    let links = flow
        .links
        .iter()
        .filter_map(|l| {
            let (s, t) = (index(l.source)?, index(l.target)?);
            let (source, target) = (&flow.nodes[s], &flow.nodes[t]);
            let from = source.label.get(lang);
            let to = target.label.get(lang);
            let share_text = fill(
                FlowsMsg::ShareOf.text(lang),
                &[
                    ("share", share(l.share_of_source, lang)),
                    ("node", from.to_string()),
                    ("total", amount(source.value, unit, lang)),
                ],
            );
            Some(FlowLinkDatum {
                source: s,
                target: t,
                value: l.value,
                tone: link_tone(nodes[s].tone, nodes[t].tone),
                tip: Tip {
                    heading: format!("{from} → {to}"),
                    value: amount(l.value, unit, lang),
                    detail: format!("{share_text}. {}", basis(l, target.reported, lang)),
                },
            })
        })
        .collect();
    FlowChartData {
        nodes,
        links,
        stages: flow
            .stages
            .iter()
            .map(|s| s.get(lang).to_string())
            .collect(),
        description: fill(
            FlowsMsg::SankeyDescription.text(lang),
            &[("title", flow.title.get(lang).to_string())],
        ),
    }
}

/// Every flow of the diagram as a table row: from, to, value, share of source, basis.
pub fn flow_table(flow: &CareerFlow, lang: Lang) -> TableData {
    let unit = flow.denominator.unit;
    let node = |id: &str| flow.node(id);
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
        rows: flow
            .links
            .iter()
            .map(|l| {
                let source = node(l.source);
                let target = node(l.target);
                vec![
                    source.map_or_else(String::new, |n| n.label.get(lang).to_string()),
                    target.map_or_else(String::new, |n| n.label.get(lang).to_string()),
                    amount(l.value, unit, lang),
                    share(l.share_of_source, lang),
                    basis(l, target.is_none_or(|n| n.reported), lang),
                ]
            })
            .collect(),
    }
}

/// What is counted, with the denominator.
fn subtitle(flow: &CareerFlow, lang: Lang) -> String {
    let what = flow.denominator.label.get(lang).to_string();
    match flow.denominator.unit {
        DenominatorUnit::People => fill(
            FlowsMsg::CountedPeople.text(lang),
            &[("what", what), ("n", num(flow.denominator.value, lang))],
        ),
        DenominatorUnit::Percent => fill(FlowsMsg::CountedPercent.text(lang), &[("what", what)]),
    }
}

/// The DeepSeek denominator statement (d08), every figure from the data pack.
fn hoover_denominator(flow: &CareerFlow, lang: Lang) -> Option<String> {
    let data = Dataset::embedded();
    let n = flow.denominator.value;
    let m = data.number("hv25_authors_with_data")?;
    let ties = flow.node("hv_us_ties")?.value;
    let pct = data.fact("hv25_us_ties")?.related("share_pct_hoover")?;
    let rest = flow.node("hv_ties_nr").map_or(0.0, |node| node.value);
    Some(fill(
        FlowsMsg::HooverDenominator.text(lang),
        &[
            ("n", num(n, lang)),
            ("m", num(m, lang)),
            ("pct", num(pct, lang)),
            ("ties", num(ties, lang)),
            ("a", share(ties / n, lang)),
            ("b", share(ties / m, lang)),
            ("rest", num(rest, lang)),
        ],
    ))
}

fn caveat(flow: &CareerFlow, lang: Lang) -> String {
    let note = flow.note.get(lang).to_string();
    match flow.key {
        FlowKey::HooverDeepSeek2025 => match hoover_denominator(flow, lang) {
            Some(extra) => format!("{extra} {note}"),
            None => note,
        },
        _ => note,
    }
}

fn source(key: FlowKey) -> FlowsMsg {
    match key {
        FlowKey::Carnegie2025 => FlowsMsg::SourceCarnegie,
        FlowKey::HooverDeepSeek2025 => FlowsMsg::SourceHoover,
        FlowKey::MacroPoloChinaPathways => FlowsMsg::SourceMacroPolo,
    }
}

/// The selector and the Sankey of the chosen flow.
#[component]
pub fn Careers() -> impl IntoView {
    let lang = use_app_state().lang;
    let flows = StoredValue::new(career_flows(Dataset::embedded()).unwrap_or_else(|err| {
        leptos::logging::error!("career flows: {err}");
        Vec::new()
    }));
    // The diagram shown and its pinned item live in the link state.
    let state = use_app_state();
    let key = Memo::new(move |_| {
        state.flow.with(|f| {
            f.as_deref()
                .and_then(|code| FlowKey::ALL.into_iter().find(|k| k.as_str() == code))
                .unwrap_or(FlowKey::Carnegie2025)
        })
    });
    let choose = move |value: FlowKey| {
        if key.get_untracked() != value {
            state.pin.set(None);
        }
        state
            .flow
            .set((value != FlowKey::Carnegie2025).then(|| value.as_str().to_string()));
    };
    let flow = Memo::new(move |_| {
        let k = key.get();
        flows.with_value(|all| all.iter().find(|f| f.key == k).cloned())
    });
    let text = move |f: fn(&CareerFlow, Lang) -> String| {
        Signal::derive(move || {
            flow.with(|flow| flow.as_ref().map(|flow| f(flow, lang.get())))
                .unwrap_or_default()
        })
    };
    let title = text(|f, l| f.title.get(l).to_string());
    let data = Signal::derive(move || {
        flow.with(|f| f.as_ref().map(|f| chart_data(f, lang.get())))
            .unwrap_or_default()
    });
    let table = Signal::derive(move || {
        flow.with(|f| f.as_ref().map(|f| flow_table(f, lang.get())))
            .unwrap_or_default()
    });
    let choices = [
        (FlowKey::Carnegie2025, FlowsMsg::PickCarnegie),
        (FlowKey::HooverDeepSeek2025, FlowsMsg::PickHoover),
        (FlowKey::MacroPoloChinaPathways, FlowsMsg::PickMacroPolo),
    ];
    view! {
        <div class="controls" role="group" aria-label=move || FlowsMsg::CareersHeading.text(lang.get())>
            <fieldset>
                <legend>{move || FlowsMsg::Dataset.text(lang.get())}</legend>
                {choices.into_iter().map(|(value, name)| view! {
                    <button
                        data-testid=format!("flow-{}", value.as_str())
                        aria-pressed=move || (key.get() == value).to_string()
                        on:click=move |_| choose(value)
                    >{move || name.text(lang.get())}</button>
                }).collect_view()}
            </fieldset>
        </div>
        <ChartFrame
            id="careers"
            title=title
            subtitle=text(subtitle)
            caveat=text(caveat)
            source=Signal::derive(move || source(key.get()).text(lang.get()).to_string())
            table=table
        >
            <SankeyChart id="careers" data=data pin=state.pin />
            {move || match key.get() {
                FlowKey::Carnegie2025 => view! { <ChecksPanel id=D22 /> }.into_any(),
                FlowKey::HooverDeepSeek2025 => view! { <ChecksPanel id=D08 /> <ChecksPanel id=D10 /> }.into_any(),
                FlowKey::MacroPoloChinaPathways => ().into_any(),
            }}
        </ChartFrame>
    }
}
