//! Downloads of what the reader sees: a chart in the link's state (year, tier, highlight,
//! pinned flow, scenario) in its export frame, with the title, what it counts, notes and
//! source as the page writes them, the link to this state and today's date; light
//! colours, as a PNG at twice the design size or as an SVG.
//!
//! The page offers the SVG of the default view as a plain link; the app replaces it with
//! the reader's state when clicked, and shows the PNG button.

use crate::share::{chart_link, today};
use crate::state::AppState;
use leptos::prelude::*;
use plotters_canvas::CanvasBackend;
use talent_charts::draw::frame::{self, Export};
use talent_charts::{paint, svg, Palette, Scene, Theme};
use talent_core::catalog::{Chart, ChartText};
use talent_core::layout::width::WidthClass;
use talent_core::{Dataset, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

/// Pixels of the PNG per design pixel: sharp on a retina screen and in print at column width.
const PNG_SCALE: f64 = 2.0;

/// The file format of a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A bitmap painted on a canvas.
    Png,
    /// A vector document.
    Svg,
}

impl Format {
    /// The format a `data-download` attribute names.
    pub fn from_code(code: &str) -> Option<Format> {
        match code {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }
}

/// Shows the PNG buttons (the page cannot make a PNG without the app).
pub fn wire() {
    crate::share::each("button[data-download]", |button| {
        let _ = button.remove_attribute("hidden");
    });
}

fn lang_code(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "zh"
    } else {
        "en"
    }
}

/// The text of the first element matching `selector`, in `lang`.
fn text_in(selector: &str, lang: Lang) -> String {
    gloo_utils::document()
        .query_selector(&format!("{selector} [data-l={}]", lang_code(lang)))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The chart's texts as its page writes them (the app carries none of them itself).
fn chart_text(chart: Chart, lang: Lang) -> ChartText {
    let id = chart.code();
    let mut notes = Vec::new();
    crate::share::each(
        &format!("[data-notes={id}] li [data-l={}]", lang_code(lang)),
        |e: Element| notes.extend(e.text_content()),
    );
    ChartText {
        title: text_in(&format!("#{id}-title"), lang),
        subtitle: text_in(&format!("[data-subtitle={id}]"), lang),
        notes,
        source: text_in(&format!("[data-source={id}]"), lang),
    }
}

/// The framed scene of `chart` in the reader's state, and its title.
fn framed(state: AppState, chart: Chart, lang: Lang) -> Option<(Scene, String)> {
    let url = state.url.get_untracked();
    let plan = chart
        .plan(Dataset::embedded(), &url, lang, WidthClass::Full)
        .ok()?;
    let text = chart_text(chart, lang);
    let title = text.title.clone();
    let mut export = Export::of(chart, &plan, text, &url, lang);
    // The picture's link opens in the picture's language, whatever the browser's.
    let in_lang = talent_core::link::url_state::UrlState {
        lang: Some(lang),
        ..url.clone()
    };
    export.link = Some(chart_link(&in_lang, chart, lang));
    export.date = today();
    Some((
        frame::exported(&plan, &url, &export, Palette::of(Theme::Light)),
        title,
    ))
}

/// Saves `url` (an object URL) as `name` and lets it go.
fn save(url: &str, name: &str) {
    let document = gloo_utils::document();
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(url);
        link.set_download(name);
        link.click();
    }
    // The browser reads the object URL after the click's task: let it go a minute later
    // (revoked at once, Firefox and Safari cancel the download).
    let url = url.to_string();
    let release = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo_utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(
        release.as_ref().unchecked_ref(),
        60_000,
    );
    release.forget(); // called once by the browser
}

/// Makes and saves the picture of the chart `code`; false if the app cannot (the page's
/// own link then downloads the default view).
pub fn download(state: AppState, code: &str, format: Format) -> bool {
    let lang = state.lang.get_untracked();
    let Some(chart) = Chart::from_code(code) else {
        return false;
    };
    let Some((scene, title)) = framed(state, chart, lang) else {
        return false;
    };
    let name = format!("ai-talent-atlas-{code}-{}", lang_code(lang));
    match format {
        Format::Svg => {
            let parts = js_sys::Array::of1(&JsValue::from_str(&svg::document(&scene, &title)));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("image/svg+xml");
            let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            else {
                return false;
            };
            let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
                return false;
            };
            save(&url, &format!("{name}.svg"));
            true
        }
        Format::Png => {
            let Some(canvas) = gloo_utils::document()
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            else {
                return false;
            };
            canvas.set_width((scene.width * PNG_SCALE).round() as u32);
            canvas.set_height((scene.height * PNG_SCALE).round() as u32);
            let Some(mut backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
                return false;
            };
            if paint(&mut backend, &scene, PNG_SCALE).is_err() {
                return false;
            }
            let on_blob = Closure::once(move |blob: Option<web_sys::Blob>| {
                if let Some(url) =
                    blob.and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
                {
                    save(&url, &format!("{name}.png"));
                }
            });
            let made = canvas.to_blob(on_blob.as_ref().unchecked_ref()).is_ok();
            on_blob.forget(); // called once by the browser
            made
        }
    }
}
