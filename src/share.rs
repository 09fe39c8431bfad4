//! Links to one chart and the code to embed it, kept in step with the state: "Copy link
//! to this chart" copies the page's link with the chart's id, and each embed box holds an
//! iframe of the chart's embed page with the same state.

use crate::state::{site_root, AppState};
use leptos::prelude::*;
use talent_core::catalog::Chart;
use talent_core::link::url_state::UrlState;
use talent_core::{copy, Dataset, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// The link of `chart` on its page with `url`'s state: `<root>countries/?v=2#origin`.
pub fn chart_link(url: &UrlState, chart: Chart) -> String {
    let query = url.to_query();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    format!(
        "{}{}{query}#{}",
        site_root(),
        chart.view().path(),
        chart.code()
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

fn each(selector: &str, mut f: impl FnMut(Element)) {
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

/// Shows the copy buttons (they need the app) and keeps the embed boxes in step.
pub fn wire(state: AppState) {
    each("[data-copy-link]", |button| {
        let _ = button.remove_attribute("hidden");
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
    });
}

/// Copies the link of the chart `code` and says so beside the button.
pub fn copy_link(state: AppState, code: &str) {
    let Some(chart) = Chart::from_code(code) else {
        return;
    };
    let link = state.url.with_untracked(|u| chart_link(u, chart));
    let lang = state.lang.get_untracked();
    let status = gloo_utils::document()
        .query_selector(&format!("[data-copy-status=\"{code}\"]"))
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
