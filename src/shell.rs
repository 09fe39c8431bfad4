//! The app shell: header, navigation, language switch, link notices and the current view.

use crate::i18n::{Lang, Msg};
use crate::share::SharePanel;
use crate::state::{provide_app_state, use_app_state};
use crate::views::{
    countries::CountriesView, flows::FlowsView, sources::SourcesView, subfields::SubfieldsView,
    whatif::WhatIfView,
};
use leptos::prelude::*;
use talent_core::link::url_state::{Theme, View};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    view! {
        <Header />
        <LinkNotice />
        <main id="main" tabindex="-1">
            {move || match state.view.get() {
                View::Countries => view! { <CountriesView /> }.into_any(),
                View::Subfields => view! { <SubfieldsView /> }.into_any(),
                View::Flows => view! { <FlowsView /> }.into_any(),
                View::WhatIf => view! { <WhatIfView /> }.into_any(),
                View::Sources => view! { <SourcesView /> }.into_any(),
            }}
            <SharePanel />
        </main>
    }
}

/// The navigation name of a view.
pub fn nav_label(view: View) -> Msg {
    match view {
        View::Countries => Msg::NavCountries,
        View::Subfields => Msg::NavSubfields,
        View::Flows => Msg::NavFlows,
        View::WhatIf => Msg::NavWhatIf,
        View::Sources => Msg::NavSources,
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = use_app_state();
    let t = move |msg: Msg| msg.text(state.lang.get());
    view! {
        <header class="site-header">
            <div class="brand">
                <p class="app-name">{move || t(Msg::AppName)}</p>
                <p class="tagline">{move || t(Msg::AppTagline)}</p>
            </div>
            <nav aria-label=move || t(Msg::NavLabel)>
                <ul>
                    {View::ALL.into_iter().map(|view| view! {
                        <li>
                            <a
                                href=format!("?v=1&view={}", view.code())
                                data-testid=format!("nav-{}", view.code())
                                aria-current=move || (state.view.get() == view).then_some("page")
                                on:click=move |ev| {
                                    // Plain clicks stay in the app; modified clicks open a new tab.
                                    if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key()) {
                                        ev.prevent_default();
                                        state.view.set(view);
                                    }
                                }
                            >
                                {move || t(nav_label(view))}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
            <button
                class="theme-toggle"
                data-testid="theme-toggle"
                aria-pressed=move || state.dark().to_string()
                on:click=move |_| {
                    let dark = state.dark();
                    state.theme.set(Some(if dark { Theme::Light } else { Theme::Dark }));
                }
            >
                {move || t(Msg::DarkMode)}
            </button>
            <div class="lang-switch" role="group" aria-label=move || t(Msg::LanguageLabel)>
                {[(Lang::En, "English"), (Lang::Zh, "简体中文")].into_iter().map(|(lang, name)| view! {
                    <button
                        lang=crate::state::lang_tag(lang)
                        data-testid=format!("lang-{}", crate::state::lang_tag(lang))
                        aria-pressed=move || (state.lang.get() == lang).to_string()
                        on:click=move |_| {
                            state.lang_in_link.set(true);
                            state.lang.set(lang);
                        }
                    >
                        {name}
                    </button>
                }).collect_view()}
            </div>
        </header>
    }
}

/// Says once which parts of the opening link were ignored.
#[component]
fn LinkNotice() -> impl IntoView {
    let state = use_app_state();
    let t = move |msg: Msg| msg.text(state.lang.get());
    view! {
        <Show when=move || !state.link_issues.get().is_empty()>
            <div class="notice" role="status" data-testid="link-notice">
                <span>
                    {move || t(Msg::LinkProblem)} " "
                    {move || state.link_issues.get().iter().map(|i| format!("{}={}", i.key, i.raw)).collect::<Vec<_>>().join(", ")}
                </span>
                <button on:click=move |_| state.link_issues.set(Vec::new())>{move || t(Msg::Dismiss)}</button>
            </div>
        </Show>
    }
}
