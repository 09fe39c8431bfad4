//! Links, embeds and citations kept in step with the state: "Copy link to this chart"
//! copies the page's link with the chart's id, each embed box holds an iframe of the
//! chart's embed page with the same state, and the page's "Share and cite" section holds
//! the page's link and a citation of what the reader sees (the What-if scenario with it).

use crate::state::{site_root, AppState};
use leptos::prelude::*;
use talent_core::catalog::Chart;
use talent_core::format::Date;
use talent_core::link::cite::{citation, view_datasets};
use talent_core::link::url_state::{UrlState, View};
use talent_core::{copy, Dataset, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// The link of `chart` on its page with `url`'s state, for a reader in `lang`:
/// `<root>zh/countries/?v=2&y=2022#origin`.
pub fn chart_link(url: &UrlState, chart: Chart, lang: Lang) -> String {
    let state = UrlState {
        view: chart.view(),
        ..url.clone()
    };
    format!(
        "{}{}#{}",
        site_root(),
        state.shared_path(lang),
        chart.code()
    )
}

/// The link of the page with `url`'s state, for a reader in `lang`.
pub fn page_link(url: &UrlState, lang: Lang) -> String {
    format!("{}{}", site_root(), url.shared_path(lang))
}

/// Today, in the reader's time zone, for "accessed on".
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// The address of `chart`'s embed page with `url`'s state in `lang`.
pub fn embed_src(url: &UrlState, chart: Chart, lang: Lang) -> String {
    let mut state = url.clone();
    state.lang = Some(lang);
    format!(
        "{}embed/{}/?{}",
        site_root(),
        chart.code(),
        state.to_query()
    )
}

/// Calls `f` on every element matching `selector`.
pub fn each(selector: &str, mut f: impl FnMut(Element)) {
    let Ok(list) = gloo_utils::document().query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(element);
        }
    }
}

/// A chart's title in `lang`, as the baked page writes it.
pub fn title(chart: Chart, lang: Lang) -> String {
    let code = if lang == Lang::Zh { "zh" } else { "en" };
    gloo_utils::document()
        .query_selector(&format!("#{}-title [data-l={code}]", chart.code()))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Shows the copy and share buttons (they need the app) and keeps the embed boxes, the
/// page's link and its citation in step.
pub fn wire(state: AppState) {
    each("[data-copy-link], [data-copy-page]", |button| {
        let _ = button.remove_attribute("hidden");
    });
    let navigator = gloo_utils::window().navigator();
    if js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
        each("[data-share-sheet]", |button| {
            let _ = button.remove_attribute("hidden");
        });
    }
    Effect::new(move |_| {
        let url = state.url.get();
        let scenario = (url.view == View::WhatIf).then_some(&url.scenario);
        let date = today();
        for lang in [Lang::En, Lang::Zh] {
            let link = page_link(&url, lang);
            let code = if lang == Lang::Zh { "zh" } else { "en" };
            each(&format!("input[data-share-link={code}]"), |input| {
                if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                    input.set_value(&link);
                }
            });
            let view_title = view_title(lang);
            let (text, bibtex) = citation(
                Dataset::embedded(),
                &view_title,
                &link,
                date,
                scenario,
                view_datasets(url.view),
                lang,
            );
            for (key, value) in [("citation", text), ("bibtex", bibtex)] {
                each(&format!("[data-text={key}] [data-l={code}]"), |e| {
                    e.set_text_content(Some(&value));
                });
            }
        }
    });
    Effect::new(move |_| {
        let url = state.url.get();
        let data = Dataset::embedded();
        each("textarea[data-embed-code]", |area| {
            let Some(chart) = area
                .get_attribute("data-embed-code")
                .and_then(|c| Chart::from_code(&c))
            else {
                return;
            };
            let lang = if area.get_attribute("data-l").as_deref() == Some("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
            let code = talent_core::link::embed::snippet(
                chart,
                &embed_src(&url, chart, lang),
                talent_core::link::embed::height(data, chart),
                &title(chart, lang),
            );
            if let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&code);
            }
        });
        each("input[data-embed-url]", |input| {
            let Some(chart) = input
                .get_attribute("data-embed-url")
                .and_then(|c| Chart::from_code(&c))
            else {
                return;
            };
            let lang = if input.closest("[data-l=zh]").ok().flatten().is_some() {
                Lang::Zh
            } else {
                Lang::En
            };
            if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                input.set_value(&embed_src(&url, chart, lang));
            }
        });
    });
}

/// The page's title in `lang`, as its `h1` writes it.
fn view_title(lang: Lang) -> String {
    let code = if lang == Lang::Zh { "zh" } else { "en" };
    gloo_utils::document()
        .query_selector(&format!("main h1 [data-l={code}]"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Copies the link of the chart `code` and says so beside the button.
pub fn copy_link(state: AppState, code: &str) {
    let Some(chart) = Chart::from_code(code) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let link = state.url.with_untracked(|u| chart_link(u, chart, lang));
    copy_with_status(state, link, code);
}

/// Copies the page's link and says so under the button.
pub fn copy_page(state: AppState) {
    let lang = state.lang.get_untracked();
    let link = state.url.with_untracked(|u| page_link(u, lang));
    copy_with_status(state, link, "page");
}

/// Opens the system's share sheet with the page's title and link.
pub fn share_sheet(state: AppState) {
    let lang = state.lang.get_untracked();
    let link = state.url.with_untracked(|u| page_link(u, lang));
    let data = web_sys::ShareData::new();
    data.set_title(&gloo_utils::document().title());
    data.set_url(&link);
    let promise = gloo_utils::window().navigator().share_with_data(&data);
    // A reader who closes the sheet rejects the promise: nothing to say.
    leptos::task::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}

/// Writes `link` to the clipboard and says so in `[data-copy-status=key]`.
fn copy_with_status(state: AppState, link: String, key: &str) {
    let lang = state.lang.get_untracked();
    let status = gloo_utils::document()
        .query_selector(&format!("[data-copy-status=\"{key}\"]"))
        .ok()
        .flatten();
    let clipboard = gloo_utils::window().navigator().clipboard();
    leptos::task::spawn_local(async move {
        let copied = JsFuture::from(clipboard.write_text(&link)).await.is_ok();
        if let Some(status) = status {
            // Without clipboard access, the link itself, to copy by hand.
            status.set_text_content(Some(if copied {
                copy::CHART_COPIED.get(lang)
            } else {
                &link
            }));
        }
    });
}
