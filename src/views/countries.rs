//! Where top AI talent comes from and where it works, by country.

use crate::chart_frame::{ChartFrame, TableData};
use crate::charts::bars::{BarChart, BarDatum};
use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::format;
use talent_core::labels::region;
use talent_core::series::{top100_by_country, BarSeries, BarValue, Unit};
use talent_core::Dataset;

/// The Countries page.
#[component]
pub fn CountriesView() -> impl IntoView {
    let state = use_app_state();
    let t = move |msg: Msg| Signal::derive(move || msg.text(state.lang.get()).to_string());
    let series = Memo::new(move |_| top100_by_country(Dataset::embedded(), state.lang.get()));
    let bars = Signal::derive(move || bar_data(&series.get(), state.lang.get()));
    let table = Signal::derive(move || bar_table(&bars.get(), state.lang.get()));
    let max = Signal::derive(move || series.get().max_value());
    view! {
        <section class="view" data-testid="view-countries">
            <h1>{move || Msg::NavCountries.text(state.lang.get())}</h1>
            <ChartFrame
                id="top100"
                title=t(Msg::Top100Title)
                subtitle=t(Msg::Top100Subtitle)
                caveat=t(Msg::Top100Caveat)
                source=t(Msg::Top100Source)
                table=table
            >
                <BarChart id="top100" data=bars max=max />
            </ChartFrame>
        </section>
    }
}

fn unit_text(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Scholars => Msg::UnitScholars.text(lang),
        Unit::Percent => Msg::UnitPercent.text(lang),
    }
}

/// The bars of a series in the reader's language, with tooltip details.
pub fn bar_data(series: &BarSeries, lang: Lang) -> Vec<BarDatum> {
    let data = Dataset::embedded();
    series
        .bars
        .iter()
        .map(|bar| {
            let unit = unit_text(series.unit, lang);
            let (value_text, basis) = match &bar.value {
                BarValue::Stated { value, fact } => (
                    format!("{} {unit}", format::number(*value, 0, lang)),
                    data.fact(fact)
                        .map(|f| f.label(lang).to_string())
                        .unwrap_or_default(),
                ),
                BarValue::Derived { value, formula, .. } => (
                    format!(
                        "{} {unit} ({})",
                        format::number(*value, 0, lang),
                        Msg::Derived.text(lang)
                    ),
                    format!("{}: {formula}", Msg::Derived.text(lang)),
                ),
                BarValue::NotReported { fact } => (
                    Msg::NotReported.text(lang).to_string(),
                    fact.as_deref()
                        .and_then(|id| data.fact(id))
                        .map(|f| f.label(lang).to_string())
                        .unwrap_or_default(),
                ),
            };
            BarDatum {
                label: region(&bar.key, lang).to_string(),
                value: bar.value.value(),
                value_text,
                detail: format!("{} · {basis}", series.year),
                derived: matches!(bar.value, BarValue::Derived { .. }),
            }
        })
        .collect()
}

/// The table of exactly the plotted bars.
pub fn bar_table(bars: &[BarDatum], lang: Lang) -> TableData {
    TableData {
        headers: vec![
            Msg::Category.text(lang).into(),
            Msg::Value.text(lang).into(),
            Msg::Basis.text(lang).into(),
        ],
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), b.value_text.clone(), b.detail.clone()])
            .collect(),
    }
}
