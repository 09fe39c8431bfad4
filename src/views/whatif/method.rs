//! The What-if block of Sources & method (`#projection`): the equations, every
//! default with the facts it comes from, the presets' facts, and the constants that
//! are not from data.

use super::strings::{self, WhatIfMsg};
use crate::i18n::Lang;
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::format;
use talent_core::model::projection::{
    Baseline, Preset, Scenario, BASELINE_POOL, EQUATIONS_EN, EQUATIONS_ZH, GROWTH_MAX, GROWTH_MIN,
    MAX_END_YEAR, MIN_END_YEAR, RETENTION_MAX, RETENTION_MIN, RETENTION_VIEW_YEARS,
    US_IN_CHINA_AT_START,
};
use talent_core::Dataset;

/// Id of the section, used in links (`?v=1&view=sources#projection`).
pub const SECTION_ID: &str = "projection";

/// Scrolls the section into view and puts its fragment in the address bar (without a
/// new history entry), once it is on the page.
pub fn show_projection_section() {
    let document = gloo_utils::document();
    let Some(section) = document.get_element_by_id(SECTION_ID) else {
        return;
    };
    section.scroll_into_view();
    let location = gloo_utils::window().location();
    if location.hash().unwrap_or_default() != format!("#{SECTION_ID}") {
        let url = format!(
            "{}{}#{SECTION_ID}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = gloo_utils::window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// One fact as "label: value (year)".
fn fact_line(data: &Dataset, id: &str, lang: Lang) -> String {
    let Some(fact) = data.fact(id) else {
        return String::new();
    };
    let value = match fact.number() {
        Some(v) if fact.is_percent() => {
            format::percent(v, if v.fract() == 0.0 { 0 } else { 1 }, lang)
        }
        Some(v) => format!(
            "{} {}",
            format::number(v, if v.fract() == 0.0 { 0 } else { 1 }, lang),
            fact.unit
        ),
        None => String::new(),
    };
    match lang {
        Lang::En => format!("{}: {value} ({})", fact.label(lang), fact.year),
        Lang::Zh => format!("{}：{value}（{}年）", fact.label(lang), fact.year),
    }
}

/// A colon before a value, as each language writes it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// The default of a scenario field, as the sliders show it.
fn default_text(defaults: &Scenario, field: &str, lang: Lang) -> String {
    let value = defaults.field(field);
    match (field, value) {
        ("end_year", Some(v)) => format!("{v:.0}"),
        ("us_retention_china" | "other_retention", Some(v)) => strings::retention_text(
            v,
            v.powi(i32::from(RETENTION_VIEW_YEARS)),
            RETENTION_VIEW_YEARS,
            lang,
        ),
        ("cohort_growth", Some(v)) => strings::growth(v, lang),
        (_, Some(v)) => strings::pct1(v, lang),
        (_, None) => String::new(),
    }
}

/// Fields in the order they first appear, each with its fact ids.
fn grouped(pairs: Vec<(&'static str, &'static str)>) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for (field, id) in pairs {
        match out.iter_mut().find(|(f, _)| *f == field) {
            Some((_, ids)) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            None => out.push((field, vec![id])),
        }
    }
    out
}

#[component]
fn FactList(ids: Vec<&'static str>) -> impl IntoView {
    let lang = use_app_state().lang;
    let data = Dataset::embedded();
    view! {
        <ul class="projection-facts">
            {ids.into_iter().map(|id| view! {
                <li>
                    <code>{id}</code> " "
                    {move || fact_line(data, id, lang.get())}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The `#projection` section of Sources & method.
#[component]
pub fn ProjectionMethod() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let data = Dataset::embedded();
    let t = move |m: WhatIfMsg| m.text(lang.get());
    let defaults = Scenario::from_dataset(data);

    // Opened from a link that names the section: scroll to it once it is drawn.
    Effect::new(move |_| {
        let hash = gloo_utils::window().location().hash().unwrap_or_default();
        if hash == format!("#{SECTION_ID}") {
            request_animation_frame(show_projection_section);
        }
    });

    let mut fields = vec![("end_year", Vec::new())];
    fields.extend(grouped(Scenario::sources()));
    let parameters = fields
        .into_iter()
        .map(|(field, ids)| {
            let from_data = !ids.is_empty();
            view! {
                <div class="projection-param" data-testid=format!("projection-default-{field}")>
                    <dt>
                        {move || strings::field_label(field, lang.get())}
                        {move || colon(lang.get())}
                        <strong>{move || default_text(&defaults, field, lang.get())}</strong>
                    </dt>
                    <dd>
                        {if from_data {
                            view! { <FactList ids=ids /> }.into_any()
                        } else {
                            view! { <span>{move || t(WhatIfMsg::NotFromData)}</span> }.into_any()
                        }}
                    </dd>
                </div>
            }
        })
        .collect_view();

    let presets = Preset::ALL
        .into_iter()
        .filter(|p| !p.sources().is_empty())
        .map(|preset| {
            view! {
                <div class="projection-param">
                    <dt><strong>{move || preset.label(data, lang.get())}</strong></dt>
                    <dd><FactList ids=preset.sources() /></dd>
                </div>
            }
        })
        .collect_view();

    let constants = move || {
        strings::not_from_data(
            BASELINE_POOL,
            US_IN_CHINA_AT_START,
            (MIN_END_YEAR, MAX_END_YEAR),
            (RETENTION_MIN, RETENTION_MAX),
            (GROWTH_MIN, GROWTH_MAX),
            lang.get(),
        )
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view()
    };

    view! {
        <section
            id=SECTION_ID
            class="projection-method"
            data-testid="sources-projection"
            aria-labelledby="projection-heading"
        >
            <h2 id="projection-heading">{move || t(WhatIfMsg::MethodHeading)}</h2>
            <pre class="equations" data-testid="projection-equations">
                {move || match lang.get() {
                    Lang::En => EQUATIONS_EN,
                    Lang::Zh => EQUATIONS_ZH,
                }}
            </pre>
            <h3>{move || t(WhatIfMsg::DefaultValue)}</h3>
            <dl class="projection-params">{parameters}</dl>
            <h3>{move || t(WhatIfMsg::StartMatrix)}</h3>
            <FactList ids=Baseline::sources() />
            <h3>{move || t(WhatIfMsg::PresetSources)}</h3>
            <dl class="projection-params">{presets}</dl>
            <h3>{move || t(WhatIfMsg::NotFromData)}</h3>
            <ul>{constants}</ul>
        </section>
    }
}
