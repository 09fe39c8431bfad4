//! The app's state, read from the link at start and written back as it changes: a new
//! page is a new history entry, anything else replaces the current one (after the reader
//! pauses, so a dragged slider does not flood the history).

use leptos::prelude::*;
use std::cell::RefCell;
use talent_charts::Theme;
use talent_core::link::url_state::{Notice, UrlState, View};
use talent_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long the link waits for the reader to pause before it is rewritten.
const LINK_DEBOUNCE_MS: i32 = 150;

/// Signals every island reads; everything here but `system_dark` is part of a link.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The link state: page, language and theme choices, toggles, highlight, scenario.
    pub url: RwSignal<UrlState>,
    /// The language shown (the link's, else the page's default, else the browser's).
    pub lang: Memo<Lang>,
    /// Whether the system asks for dark colours.
    pub system_dark: RwSignal<bool>,
    /// Parts of the opening link that could not be used.
    pub issues: RwSignal<Vec<Notice>>,
}

/// The address of the site's root, from the app script's own URL (Trunk puts it there).
/// Worked out once, when the app starts: the head keeps the first page's relative URLs
/// while moving in place changes the address's folder (from the root to `sources/`, say).
pub fn site_root() -> String {
    thread_local! {
        static ROOT: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }
    ROOT.with(|root| {
        root.get_or_init(|| {
            let document = gloo_utils::document();
            document
                .query_selector("meta[name=trunk-app]")
                .ok()
                .flatten()
                .and_then(|meta| meta.get_attribute("data-js"))
                .and_then(|js| {
                    web_sys::Url::new_with_base(&js, &document.base_uri().ok().flatten()?).ok()
                })
                .and_then(|url| web_sys::Url::new_with_base("./", &url.href()).ok())
                .map_or_else(|| "./".to_string(), |url| url.href())
        })
        .clone()
    })
}

/// The language the page opens in without a choice in the link: `zh/` pages Chinese,
/// others the browser's.
fn default_lang() -> Lang {
    let root = gloo_utils::document().document_element();
    if root
        .and_then(|r| r.get_attribute("data-default-lang"))
        .as_deref()
        == Some("zh")
    {
        return Lang::Zh;
    }
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

/// What one page's islands read of the state, through memos of the page's owner. A
/// signal keeps every reader it ever had (reactive_graph never forgets a disposed one), so
/// charts that read the app's signals directly would stay in memory after their page is
/// left; through these, the app's signals gain three readers per page shown.
#[derive(Clone, Copy)]
pub struct PageState {
    /// The link state.
    pub url: Memo<UrlState>,
    /// The language shown.
    pub lang: Memo<Lang>,
    /// Light or dark.
    pub theme: Memo<Theme>,
}

impl AppState {
    /// The page's view of the state; call it under the page's owner.
    pub fn for_page(self) -> PageState {
        PageState {
            url: Memo::new(move |_| self.url.get()),
            lang: Memo::new(move |_| self.lang.get()),
            theme: Memo::new(move |_| self.theme()),
        }
    }

    /// Whether charts and page use dark colours: the reader's choice, else the system's.
    pub fn theme(self) -> Theme {
        match self.url.with(|u| u.theme) {
            Some(talent_core::link::url_state::Theme::Dark) => Theme::Dark,
            Some(talent_core::link::url_state::Theme::Light) => Theme::Light,
            None if self.system_dark.get() => Theme::Dark,
            None => Theme::Light,
        }
    }
}

thread_local! {
    static PENDING: RefCell<Option<(i32, String)>> = const { RefCell::new(None) };
}

fn current_query() -> String {
    gloo_utils::window().location().search().unwrap_or_default()
}

/// Creates the state from the page's address, and keeps the address, the history and
/// `<html lang data-theme>` in step with it.
pub fn create() -> AppState {
    let location = gloo_utils::window().location();
    let (mut url, issues) = UrlState::from_query(&current_query());
    let root_path = web_sys::Url::new(&site_root())
        .map(|u| u.pathname())
        .unwrap_or_default();
    url.view = View::of_path(&location.pathname().unwrap_or_default(), &root_path);
    let url = RwSignal::new(url);
    let default = default_lang();
    let state = AppState {
        url,
        lang: Memo::new(move |_| url.with(|u| u.lang).unwrap_or(default)),
        system_dark: RwSignal::new(false),
        issues: RwSignal::new(issues),
    };

    if let Ok(Some(query)) = gloo_utils::window().match_media("(prefers-color-scheme: dark)") {
        state.system_dark.set(query.matches());
        let on_change = Closure::<dyn Fn()>::new({
            let query = query.clone();
            move || state.system_dark.set(query.matches())
        });
        query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget(); // lives as long as the page
    }

    // The page's language and theme: any attribute set on <html> restyles the whole
    // page, so only when they change.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let theme = url.with(|u| u.theme);
        if let Some(root) = gloo_utils::document().document_element() {
            let _ = root.set_attribute("lang", crate::lang_tag(lang));
            let _ = match theme {
                Some(talent_core::link::url_state::Theme::Dark) => {
                    root.set_attribute("data-theme", "dark")
                }
                Some(talent_core::link::url_state::Theme::Light) => {
                    root.set_attribute("data-theme", "light")
                }
                None => root.remove_attribute("data-theme"),
            };
        }
    });

    // The address follows the state (debounced); the page itself changes by navigation
    // (crate::nav), which pushes its own entry.
    Effect::new(move |_| {
        let query = url.with(|u| u.to_query());
        schedule_replace(query);
    });
    state
}

/// The address of the current page with `query`.
pub fn address(query: &str) -> String {
    let path = gloo_utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

fn schedule_replace(query: String) {
    let window = gloo_utils::window();
    if let Some((handle, _)) = PENDING.with(|p| p.borrow_mut().take()) {
        window.clear_timeout_with_handle(handle);
    }
    let target = query.clone();
    let write = Closure::once_into_js(move || {
        PENDING.with(|p| p.borrow_mut().take());
        replace_now(&target);
    });
    if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        write.unchecked_ref(),
        LINK_DEBOUNCE_MS,
    ) {
        PENDING.with(|p| p.borrow_mut().replace((handle, query)));
    }
}

/// Writes a pending rewrite now (before the page changes, so the entry being left keeps
/// its last state).
pub fn flush() {
    if let Some((handle, query)) = PENDING.with(|p| p.borrow_mut().take()) {
        gloo_utils::window().clear_timeout_with_handle(handle);
        replace_now(&query);
    }
}

/// Forgets a pending rewrite (Back and Forward: the entry already has its state).
pub fn cancel() {
    if let Some((handle, _)) = PENDING.with(|p| p.borrow_mut().take()) {
        gloo_utils::window().clear_timeout_with_handle(handle);
    }
}

fn replace_now(query: &str) {
    let current = current_query();
    let hash = gloo_utils::window().location().hash().unwrap_or_default();
    if current.trim_start_matches('?') == query {
        return;
    }
    if let Ok(history) = gloo_utils::window().history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{}{hash}", address(query))),
        );
    }
}
