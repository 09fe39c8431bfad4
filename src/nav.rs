//! Moving between pages without reloading: a link to another view fetches that view's
//! baked page (from the offline cache once the service worker has it), swaps its `<main>`
//! in, and mounts its islands, so language, theme and scenario stay as they are. The
//! islands of the page left are unmounted, which frees everything they held.

use crate::state::{self, AppState};
use leptos::prelude::*;
use talent_core::link::url_state::View;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

/// The folder of `view`'s page under the root, keeping the `zh/` of the current page.
fn page_path(view: View) -> String {
    let zh = gloo_utils::document()
        .document_element()
        .and_then(|r| r.get_attribute("data-default-lang"))
        .as_deref()
        == Some("zh");
    format!("{}{}", if zh { "zh/" } else { "" }, view.path())
}

async fn fetch_main(url: &str) -> Option<(Element, String)> {
    let response = JsFuture::from(gloo_utils::window().fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let parser = web_sys::DomParser::new().ok()?;
    let doc = parser
        .parse_from_string(&text, web_sys::SupportedType::TextHtml)
        .ok()?;
    let main = doc.query_selector("main").ok()??;
    Some((main, doc.title()))
}

/// Shows `view`: fetches its page, swaps the main element, remounts the islands, and
/// (`push`) adds a history entry. On failure (offline without a cached copy) the browser
/// loads the page itself.
pub fn go(state: AppState, view: View, hash: Option<String>, push: bool) {
    let root = state::site_root();
    let path = page_path(view);
    let page = format!("{root}{path}");
    leptos::task::spawn_local(async move {
        let fetched = fetch_main(&format!("{page}index.html")).await;
        let document = gloo_utils::document();
        let (Some((fresh, title)), Some(old)) =
            (fetched, document.query_selector("main").ok().flatten())
        else {
            let _ = gloo_utils::window().location().set_href(&page);
            return;
        };
        state::flush();
        apply_head_links();
        crate::islands::unmount();
        let Ok(fresh) = document.adopt_node(&fresh) else {
            return;
        };
        let _ = old.replace_with_with_node_1(&fresh);
        document.set_title(&title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-page", view.code());
        }
        mark_current(view);
        state.url.update(|u| u.view = view);
        if push {
            let query = state.url.with_untracked(|u| u.to_query());
            let target = format!(
                "{page}{}{}",
                if query.is_empty() {
                    String::new()
                } else {
                    format!("?{query}")
                },
                hash.clone().unwrap_or_default()
            );
            if let Ok(history) = gloo_utils::window().history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&target));
            }
        }
        crate::islands::mount(state);
        arrive(hash.as_deref());
    });
}

thread_local! {
    /// The head's icon and manifest links with their addresses resolved against the page
    /// the app started on, until the first move in place applies them.
    static HEAD_LINKS: std::cell::RefCell<Vec<(Element, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The head's icon and manifest links are relative to the first page's folder, and moving
/// in place changes the folder of the address: the browser would then look for the icon in
/// the new folder (and miss). Their addresses are resolved at start and written at the
/// first move, not before: a browser fetches an icon again when its link changes, even to
/// the same address, and a visit that stays on its page should fetch each file once.
fn remember_head_links() {
    let document = gloo_utils::document();
    let (Ok(links), Some(base)) = (
        document.query_selector_all(
            "head link[rel~=icon], head link[rel=manifest], head link[rel=apple-touch-icon]",
        ),
        document.base_uri().ok().flatten(),
    ) else {
        return;
    };
    let mut resolved = Vec::new();
    for i in 0..links.length() {
        let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Some(url) = link
            .get_attribute("href")
            .and_then(|href| web_sys::Url::new_with_base(&href, &base).ok())
        {
            resolved.push((link, url.href()));
        }
    }
    HEAD_LINKS.with(|h| *h.borrow_mut() = resolved);
}

/// Writes the resolved head links (once: later calls find none left).
fn apply_head_links() {
    for (link, href) in HEAD_LINKS.with(|h| std::mem::take(&mut *h.borrow_mut())) {
        let _ = link.set_attribute("href", &href);
    }
}

/// Moves the reader to the target of a link: its chart, or the top of the new page,
/// focusing it so keyboard and screen-reader users land there too.
pub fn arrive(hash: Option<&str>) {
    let document = gloo_utils::document();
    let target = hash
        .map(|h| h.trim_start_matches('#'))
        .filter(|h| !h.is_empty())
        .and_then(|id| document.get_element_by_id(id))
        .or_else(|| document.query_selector("main").ok().flatten());
    if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        if hash.is_some() && !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
        if hash.is_none() {
            gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        } else {
            target.scroll_into_view();
        }
    }
}

/// `aria-current` on the navigation item of `view`.
fn mark_current(view: View) {
    let Ok(links) = gloo_utils::document().query_selector_all(".site-nav a[data-view]") else {
        return;
    };
    for i in 0..links.length() {
        if let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if link.get_attribute("data-view").as_deref() == Some(view.code()) {
                let _ = link.set_attribute("aria-current", "page");
                reveal(&link);
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
    }
}

/// Scrolls the phone's sideways navigation so that `link` is in it whole (at 360 px the
/// last items start off screen), without moving the page.
fn reveal(link: &Element) {
    let Some(nav) = link.closest(".site-nav").ok().flatten() else {
        return;
    };
    let (item, bar) = (
        link.get_bounding_client_rect(),
        nav.get_bounding_client_rect(),
    );
    let over = item.right() - bar.right();
    if over > 0.0 {
        nav.set_scroll_left(nav.scroll_left() + over.ceil() as i32);
    }
}

/// Clicks on the page's links and controls, handled once for the whole document: view
/// links navigate inside the app, language links switch the language, the theme button
/// the theme. Modified clicks (new tab, new window) are the browser's.
pub fn wire(state: AppState) {
    mark_current(state.url.with_untracked(|u| u.view));
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Ok(Some(link)) = target.closest("a[data-view]") {
            let Some(view) = link
                .get_attribute("data-view")
                .and_then(|c| View::from_code(&c))
            else {
                return;
            };
            let hash = link
                .get_attribute("href")
                .and_then(|h| h.split_once('#').map(|(_, hash)| format!("#{hash}")));
            ev.prevent_default();
            if view == state.url.with_untracked(|u| u.view) {
                arrive(hash.as_deref());
            } else {
                go(state, view, hash, true);
            }
        } else if let Ok(Some(link)) = target.closest("a[data-lang]") {
            let lang = match link.get_attribute("data-lang").as_deref() {
                Some("zh") => talent_core::Lang::Zh,
                _ => talent_core::Lang::En,
            };
            ev.prevent_default();
            state.url.update(|u| u.lang = Some(lang));
        } else if let Ok(Some(button)) = target.closest("[data-copy-link]") {
            if let Some(code) = button.get_attribute("data-copy-link") {
                crate::share::copy_link(state, &code);
            }
        } else if let Ok(Some(control)) = target.closest("[data-download]") {
            let format = control
                .get_attribute("data-download")
                .and_then(|f| crate::export::Format::from_code(&f));
            let chart = control.get_attribute("data-chart");
            if let (Some(format), Some(chart)) = (format, chart) {
                // The app's picture of the reader's state; if it cannot make one, the
                // page's own link downloads the default view.
                if crate::export::download(state, &chart, format) {
                    ev.prevent_default();
                }
            }
        } else if let Ok(Some(_)) = target.closest("[data-copy-page]") {
            crate::share::copy_page(state);
        } else if let Ok(Some(_)) = target.closest("[data-share-sheet]") {
            crate::share::share_sheet(state);
        } else if let Ok(Some(_)) = target.closest("[data-theme-toggle]") {
            let dark = state.theme() == talent_charts::Theme::Dark;
            use talent_core::link::url_state::Theme;
            state
                .url
                .update(|u| u.theme = Some(if dark { Theme::Light } else { Theme::Dark }));
        }
    });
    let _ = gloo_utils::document()
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget(); // lives as long as the page

    // Back and Forward: the entry's page and state.
    let on_pop = Closure::<dyn Fn()>::new(move || {
        state::cancel();
        let location = gloo_utils::window().location();
        let root_path = web_sys::Url::new(&state::site_root())
            .map(|u| u.pathname())
            .unwrap_or_default();
        let view = View::of_path(&location.pathname().unwrap_or_default(), &root_path);
        let (mut url, _) = talent_core::link::url_state::UrlState::from_query(
            &location.search().unwrap_or_default(),
        );
        let current = state.url.with_untracked(|u| u.view);
        url.view = current;
        state.url.set(url);
        if view != current {
            go(state, view, None, false);
        }
    });
    gloo_utils::window().set_onpopstate(Some(on_pop.as_ref().unchecked_ref()));
    on_pop.forget();

    remember_head_links();

    // The theme button only works with the app running: show it now.
    if let Ok(Some(button)) = gloo_utils::document().query_selector("[data-theme-toggle]") {
        let _ = button.remove_attribute("hidden");
        Effect::new(move |_| {
            let dark = state.theme() == talent_charts::Theme::Dark;
            let _ = button.set_attribute("aria-pressed", if dark { "true" } else { "false" });
        });
    }
    // Language links carry the whole state, so a new tab opens the same view.
    Effect::new(move |_| {
        let base = state.url.get();
        let Ok(links) = gloo_utils::document().query_selector_all("a[data-lang]") else {
            return;
        };
        for i in 0..links.length() {
            let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let lang = match link.get_attribute("data-lang").as_deref() {
                Some("zh") => talent_core::Lang::Zh,
                _ => talent_core::Lang::En,
            };
            let mut target = base.clone();
            target.lang = Some(lang);
            let _ = link.set_attribute("href", &format!("?{}", target.to_query()));
            let current = state.lang.get() == lang;
            let _ = if current {
                link.set_attribute("aria-current", "true")
            } else {
                link.remove_attribute("aria-current")
            };
        }
    });
}
