//! Saving a file the app made (CSV, PNG) through a temporary link.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `href` (a `blob:` or `data:` URL) to the reader as a file called `name`.
fn save(href: &str, name: &str) -> Option<()> {
    let document = gloo_utils::document();
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(href);
    link.set_download(name);
    link.click();
    Some(())
}

/// Saves text as a UTF-8 file. A byte-order mark lets spreadsheet programs read
/// Chinese text correctly.
pub fn save_text(text: &str, name: &str, mime: &str) {
    let parts = js_sys_array(&format!("\u{feff}{text}"));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let saved = Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| Url::create_object_url_with_blob(&blob).ok())
        .and_then(|url| {
            let result = save(&url, name);
            let _ = Url::revoke_object_url(&url);
            result
        });
    if saved.is_none() {
        leptos::logging::warn!("could not save {name}");
    }
}

/// Saves a `data:` URL (a canvas image) as a file.
pub fn save_data_url(url: &str, name: &str) {
    if save(url, name).is_none() {
        leptos::logging::warn!("could not save {name}");
    }
}

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}
