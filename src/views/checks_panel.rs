//! The app's own arithmetic beside a stated figure.

use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::model::checks::{checks_for, Check};
use talent_core::{format, Dataset};

fn amount(value: Option<f64>, unit: &str, lang: Lang) -> String {
    let Some(value) = value else {
        return Msg::NotReported.text(lang).to_string();
    };
    match unit {
        "fraction" => format::percent(value * 100.0, 1, lang),
        u if u.starts_with("percent") => format::percent(value, 1, lang),
        _ => format::number(value, if value.fract().abs() < 1e-9 { 0 } else { 1 }, lang),
    }
}

/// One row per check: what is checked, the stated figure, the app's result, the formula.
pub fn check_row(check: &Check, lang: Lang) -> (String, String, String, String, bool) {
    let (label, formula) = match lang {
        Lang::En => (&check.label_en, &check.formula_en),
        Lang::Zh => (&check.label_zh, &check.formula_zh),
    };
    (
        label.clone(),
        amount(check.stated, check.unit, lang),
        amount(check.computed, check.unit, lang),
        formula.clone(),
        check.holds,
    )
}

/// The checks that reproduce one discrepancy of the sources.
#[component]
pub fn ChecksPanel(
    /// Discrepancy id, e.g. `d02_us_industry_two_thirds`.
    id: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let checks = checks_for(Dataset::embedded(), id);
    view! {
        <aside class="checks" data-testid=format!("checks-{id}")>
            <h3>{move || Msg::AppCheck.text(lang.get())}</h3>
            <ul>
                {checks.into_iter().map(|check| {
                    let row = Memo::new(move |_| check_row(&check, lang.get()));
                    view! {
                        <li class:fails=move || !row.get().4>
                            <span class="check-label">{move || row.get().0}</span>
                            <span>{move || Msg::StatedFigure.text(lang.get())} " " <strong>{move || row.get().1}</strong></span>
                            <span>{move || Msg::AppComputes.text(lang.get())} " " <strong>{move || row.get().2}</strong> " = " <code>{move || row.get().3}</code></span>
                            <span class="verdict">{move || if row.get().4 { Msg::Holds.text(lang.get()) } else { Msg::DoesNotHold.text(lang.get()) }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p><a href=format!("?v=1&view=sources#{id}")>{id}</a></p>
        </aside>
    }
}
