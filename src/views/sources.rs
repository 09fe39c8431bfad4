//! Sources & method: every dataset, its figures, and the discrepancies found.

use crate::i18n::Msg;
use crate::state::use_app_state;
use crate::views::whatif::method::ProjectionMethod;
use leptos::prelude::*;
use talent_core::Dataset;

/// The Sources & method page.
#[component]
pub fn SourcesView() -> impl IntoView {
    let state = use_app_state();
    let t = move |msg: Msg| msg.text(state.lang.get());
    let data = Dataset::embedded();
    view! {
        <section class="view sources" data-testid="view-sources">
            <h1>{move || t(Msg::NavSources)}</h1>
            <p>{move || t(Msg::SourcesIntro)}</p>
            <h2>{move || t(Msg::Datasets)}</h2>
            {data.datasets.iter().map(|d| {
                let count = data.facts_of(&d.key).count();
                view! {
                    <article class="dataset" id=d.key.clone()>
                        <h3>{d.name.clone()}</h3>
                        <p class="publisher">{d.publisher.clone()}</p>
                        <p>{d.description.clone()}</p>
                        <p class="meta">
                            {count} " " {move || t(Msg::Figures)}
                            {(!d.url.is_empty()).then(|| view! { " · " <a href=d.url.clone() rel="noopener">{d.url.clone()}</a> })}
                        </p>
                    </article>
                }
            }).collect_view()}
            <h2>{move || t(Msg::Discrepancies)}</h2>
            <ul class="discrepancies">
                {data.discrepancies.iter().map(|d| view! {
                    <li id=d.id.clone()>
                        <strong>{d.id.clone()}</strong> " (" {format!("{:?}", d.severity).to_lowercase()} "): " {d.description.clone()}
                    </li>
                }).collect_view()}
            </ul>
            <ProjectionMethod />
        </section>
    }
}
