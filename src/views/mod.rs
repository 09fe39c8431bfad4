//! One module per page of the app.

pub mod bar_data;
pub mod checks_panel;
pub mod countries;
pub mod sources;
pub mod subfields;
pub mod whatif;

use crate::i18n::Msg;
use crate::state::use_app_state;
use leptos::prelude::*;

/// A page whose charts are still to come.
#[component]
pub fn Coming(heading: Msg) -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="view" data-testid="view-coming">
            <h1>{move || heading.text(state.lang.get())}</h1>
            <p class="coming">{move || Msg::ComingSoon.text(state.lang.get())}</p>
        </section>
    }
}
