//! App-wide state, read from the link at start-up and written back as it changes.

use leptos::prelude::*;
use talent_core::url_state::{Issue, UrlState, View};
use talent_core::Lang;
use wasm_bindgen::prelude::*;

/// Signals every view reads.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The page shown.
    pub view: RwSignal<View>,
    /// The language of every string and label.
    pub lang: RwSignal<Lang>,
    /// Whether the link fixed the language (so it is written back into links).
    pub lang_in_link: RwSignal<bool>,
    /// Parts of the opening link that were ignored, shown once as a notice.
    pub link_issues: RwSignal<Vec<Issue>>,
}

/// The state provided by [`provide_app_state`].
pub fn use_app_state() -> AppState {
    expect_context()
}

fn current_query() -> String {
    gloo_utils::window().location().search().unwrap_or_default()
}

fn browser_lang() -> Lang {
    let preferred = gloo_utils::window()
        .navigator()
        .language()
        .unwrap_or_default();
    if preferred.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

fn apply(state: AppState, url: &UrlState) {
    state.view.set(url.view);
    state.lang_in_link.set(url.lang.is_some());
    state.lang.set(url.lang.unwrap_or_else(browser_lang));
}

/// Creates the state from the current link and keeps link, history and `<html lang>` in step.
pub fn provide_app_state() -> AppState {
    let (url, issues) = UrlState::from_query(&current_query());
    let state = AppState {
        view: RwSignal::new(url.view),
        lang: RwSignal::new(Lang::En),
        lang_in_link: RwSignal::new(false),
        link_issues: RwSignal::new(issues),
    };
    apply(state, &url);
    provide_context(state);

    // Back and Forward restore the view the entry was made for.
    let on_pop = Closure::<dyn Fn()>::new(move || {
        let (url, _) = UrlState::from_query(&current_query());
        apply(state, &url);
    });
    gloo_utils::window().set_onpopstate(Some(on_pop.as_ref().unchecked_ref()));
    on_pop.forget(); // lives as long as the page

    Effect::new(move |previous: Option<View>| {
        let view = state.view.get();
        let lang = state.lang.get();
        let url = UrlState {
            view,
            lang: state.lang_in_link.get().then_some(lang),
        };
        // A new view is a new history entry; other changes replace the current one.
        write_link(&url, previous.is_some_and(|p| p != view));
        if let Some(root) = gloo_utils::document().document_element() {
            let _ = root.set_attribute("lang", lang_tag(lang));
        }
        view
    });
    state
}

/// The BCP 47 tag of a language, for `<html lang>`.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-Hans",
    }
}

fn write_link(url: &UrlState, push: bool) {
    let query = url.to_query();
    let location = gloo_utils::window().location();
    let path = location.pathname().unwrap_or_default();
    let target = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if current_query().trim_start_matches('?') == query {
        return;
    }
    let Ok(history) = gloo_utils::window().history() else {
        return;
    };
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&target))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
    };
    if let Err(err) = result {
        leptos::logging::warn!("could not update the link: {err:?}");
    }
}
