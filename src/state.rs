//! App-wide state, read from the link at start-up and written back as it changes:
//! a new view is a new history entry, everything else replaces the current one
//! (debounced, so dragging a slider does not flood the history API).

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;
use talent_core::link::url_state::{Issue, Theme, UrlState, View};
use talent_core::model::projection::Scenario;
use talent_core::series::countries::Tier;
use talent_core::Lang;
use wasm_bindgen::prelude::*;

/// How long the link waits for a slider to settle before it is rewritten.
const LINK_DEBOUNCE_MS: u32 = 150;

/// Signals every view reads. Everything here is part of a shared link.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The page shown.
    pub view: RwSignal<View>,
    /// The language of every string and label.
    pub lang: RwSignal<Lang>,
    /// Whether the link fixed the language (so it is written back into links).
    pub lang_in_link: RwSignal<bool>,
    /// The reader's colour theme; `None` follows the system.
    pub theme: RwSignal<Option<Theme>>,
    /// Countries: MacroPolo edition.
    pub year: RwSignal<u16>,
    /// Countries: MacroPolo tier.
    pub tier: RwSignal<Tier>,
    /// Countries: origin chart sorted by value.
    pub sorted: RwSignal<bool>,
    /// Countries: highlighted category.
    pub highlight: RwSignal<Option<String>>,
    /// Flows: the career-path diagram shown.
    pub flow: RwSignal<Option<String>>,
    /// Flows: the pinned node or link.
    pub pin: RwSignal<Option<String>>,
    /// What-if: the scenario on the sliders.
    pub scenario: RwSignal<Scenario>,
    /// Parts of the opening link that were ignored, shown once as a notice.
    pub link_issues: RwSignal<Vec<Issue>>,
    /// Whether the system asks for dark colours (not part of links).
    pub system_dark: RwSignal<bool>,
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

impl AppState {
    fn new(url: &UrlState, issues: Vec<Issue>) -> AppState {
        AppState {
            view: RwSignal::new(url.view),
            lang: RwSignal::new(url.lang.unwrap_or_else(browser_lang)),
            lang_in_link: RwSignal::new(url.lang.is_some()),
            theme: RwSignal::new(url.theme),
            year: RwSignal::new(url.year),
            tier: RwSignal::new(url.tier),
            sorted: RwSignal::new(url.sorted),
            highlight: RwSignal::new(url.highlight.clone()),
            flow: RwSignal::new(url.flow.clone()),
            pin: RwSignal::new(url.pin.clone()),
            scenario: RwSignal::new(url.scenario),
            link_issues: RwSignal::new(issues),
            system_dark: RwSignal::new(false),
        }
    }

    /// The state of a default link, tied to neither the link nor the history: for the
    /// benchmark hooks, which mount charts outside the app (`--features bench`).
    #[cfg(feature = "bench")]
    pub fn detached() -> AppState {
        AppState::new(&UrlState::default(), Vec::new())
    }

    /// Sets every signal from a link (Back and Forward).
    fn apply(self, url: &UrlState) {
        self.view.set(url.view);
        self.lang_in_link.set(url.lang.is_some());
        self.lang.set(url.lang.unwrap_or_else(browser_lang));
        self.theme.set(url.theme);
        self.year.set(url.year);
        self.tier.set(url.tier);
        self.sorted.set(url.sorted);
        self.highlight.set(url.highlight.clone());
        self.flow.set(url.flow.clone());
        self.pin.set(url.pin.clone());
        self.scenario.set(url.scenario);
    }

    /// Whether charts and page use dark colours: the reader's choice, else the system's.
    pub fn dark(self) -> bool {
        match self.theme.get() {
            Some(theme) => theme == Theme::Dark,
            None => self.system_dark.get(),
        }
    }

    /// The link state of the current signals (tracked).
    pub fn url_state(self) -> UrlState {
        UrlState {
            view: self.view.get(),
            lang: self.lang_in_link.get().then(|| self.lang.get()),
            theme: self.theme.get(),
            year: self.year.get(),
            tier: self.tier.get(),
            sorted: self.sorted.get(),
            highlight: self.highlight.get(),
            flow: self.flow.get(),
            pin: self.pin.get(),
            scenario: self.scenario.get(),
        }
    }
}

thread_local! {
    /// The debounced rewrite of the current entry, and the query it will write.
    static PENDING_LINK: RefCell<Option<(Timeout, String)>> = const { RefCell::new(None) };
}

/// Writes a pending rewrite now, so the entry being left keeps its final state.
fn flush_pending_link() {
    if let Some((timeout, query)) = PENDING_LINK.with(|p| p.borrow_mut().take()) {
        timeout.cancel();
        write_link(&query, false);
    }
}

/// Creates the state from the current link and keeps link, history and `<html lang>` in step.
pub fn provide_app_state() -> AppState {
    let (url, issues) = UrlState::from_query(&current_query());
    let state = AppState::new(&url, issues);
    provide_context(state);

    // Charts follow the system's colour scheme while the reader has not chosen one.
    if let Ok(Some(query)) = gloo_utils::window().match_media("(prefers-color-scheme: dark)") {
        state.system_dark.set(query.matches());
        let on_change = Closure::<dyn Fn()>::new({
            let query = query.clone();
            move || state.system_dark.set(query.matches())
        });
        query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget(); // lives as long as the page
    }

    // Back and Forward restore the state the entry was made for.
    let on_pop = Closure::<dyn Fn()>::new(move || {
        PENDING_LINK.with(|p| p.borrow_mut().take());
        let (url, _) = UrlState::from_query(&current_query());
        state.apply(&url);
    });
    gloo_utils::window().set_onpopstate(Some(on_pop.as_ref().unchecked_ref()));
    on_pop.forget(); // lives as long as the page

    Effect::new(move |previous: Option<View>| {
        let url = state.url_state();
        let query = url.to_query();
        if previous.is_some_and(|p| p != url.view) {
            flush_pending_link();
            write_link(&query, true);
        } else {
            let pending = query.clone();
            // A fired timeout stays stored until replaced; flushing it again is a no-op.
            let timeout = Timeout::new(LINK_DEBOUNCE_MS, move || write_link(&pending, false));
            PENDING_LINK.with(|p| p.borrow_mut().replace((timeout, query)));
        }
        url.view
    });

    // The page's language and theme, in an effect of their own: any attribute set on
    // <html> restyles the whole page, which must not happen on every slider step.
    Effect::new(move |_| {
        let (lang, theme) = (state.lang.get(), state.theme.get());
        if let Some(root) = gloo_utils::document().document_element() {
            let _ = root.set_attribute("lang", lang_tag(lang));
            match theme {
                Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
                Some(Theme::Light) => root.set_attribute("data-theme", "light"),
                None => root.remove_attribute("data-theme"),
            }
            .ok();
        }
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

fn write_link(query: &str, push: bool) {
    if current_query().trim_start_matches('?') == query {
        return;
    }
    let location = gloo_utils::window().location();
    let path = location.pathname().unwrap_or_default();
    let target = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
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
