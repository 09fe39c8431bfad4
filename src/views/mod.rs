//! One module per page of the app.

pub mod bar_data;
pub mod checks_panel;
pub mod countries;
pub mod flows;
pub mod sources;
pub mod subfields;
pub mod whatif;

/// A placeholder page for a view whose charts are still to come. Every view is routed
/// now; it is kept for new ones.
#[allow(dead_code)]
pub mod coming {
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
}
