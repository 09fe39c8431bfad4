//! Says once, above the page, which parts of the opening link were changed or left out,
//! in the reader's language; the page itself opens as the nearest valid state.

use crate::state::AppState;
use leptos::prelude::*;
use talent_core::copy;
use talent_core::link::url_state::{Change, Notice};
use talent_core::Lang;

fn describe(notice: &Notice, lang: Lang) -> String {
    let to = |v: f64| format!("{}", (v * 10_000.0).round() / 10_000.0);
    let (text, to) = match notice.change {
        Change::Ignored => (copy::NOTICE_IGNORED, String::new()),
        Change::UnknownVersion => (copy::NOTICE_UNKNOWN_VERSION, String::new()),
        Change::Retired => (copy::NOTICE_RETIRED, String::new()),
        Change::Clamped { to: v } => (copy::NOTICE_CLAMPED, to(v)),
        Change::Rescaled { to: v } => (copy::NOTICE_RESCALED, to(v)),
        Change::BaselineDropped => (copy::NOTICE_BASELINE_DROPPED, String::new()),
    };
    text.fill(
        lang,
        &[("key", &notice.key), ("raw", &notice.raw), ("to", &to)],
    )
}

/// The notice, while there is something to say and the reader has not dismissed it.
#[component]
pub fn LinkNotice(state: AppState) -> impl IntoView {
    view! {
        <Show when=move || !state.issues.with(Vec::is_empty)>
            <div class="notice" role="status" data-link-notice="">
                <p>
                    {move || copy::APP_LINK_NOTICE.get(state.lang.get())} " "
                    {move || {
                        let lang = state.lang.get();
                        state.issues.with(|all| all.iter().map(|n| describe(n, lang)).collect::<Vec<_>>().join(copy::LIST_SEPARATOR.get(lang)))
                    }}
                </p>
                <button type="button" on:click=move |_| state.issues.set(Vec::new())>
                    {move || copy::APP_DISMISS.get(state.lang.get())}
                </button>
            </div>
        </Show>
    }
}
