//! The What-if page comes alive: its baked sliders, presets, baseline button and texts
//! are enabled and kept in step with the scenario in the link. The two charts are
//! ordinary chart islands (their plans read the scenario); the texts come from the same
//! functions the page baker used, in both languages, so nothing moves when the app
//! takes over.

use crate::state::AppState;
use leptos::prelude::*;
use talent_core::model::projection::{Banded, Model, Param, Preset, Scenario};
use talent_core::series::whatif;
use talent_core::{Dataset, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

fn all(selector: &str) -> Vec<Element> {
    let Ok(list) = gloo_utils::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// Writes `f(lang)` into both language spans of `[data-text=key]`.
fn set_text(key: &str, f: impl Fn(Lang) -> String) {
    for element in all(&format!("[data-text=\"{key}\"]")) {
        for lang in LANGS {
            let code = if lang == Lang::Zh { "zh" } else { "en" };
            if let Ok(Some(span)) = element.query_selector(&format!("[data-l={code}]")) {
                let text = f(lang);
                if span.text_content().as_deref() != Some(text.as_str()) {
                    span.set_text_content(Some(&text));
                }
            }
        }
    }
}

/// Replaces the rows of a table body with `rows(lang)` for both languages.
fn set_rows(selector: &str, rows: impl Fn(Lang) -> Vec<[String; 4]>) {
    let Some(body) = all(selector).into_iter().next() else {
        return;
    };
    let document = gloo_utils::document();
    let (en, zh) = (rows(Lang::En), rows(Lang::Zh));
    body.set_inner_html("");
    for (a, b) in en.iter().zip(&zh) {
        let Ok(tr) = document.create_element("tr") else {
            continue;
        };
        for c in 0..4 {
            let Ok(cell) = document.create_element(if c == 0 { "th" } else { "td" }) else {
                continue;
            };
            if c == 0 {
                let _ = cell.set_attribute("scope", "row");
            }
            for (lang, text) in [("en", &a[c]), ("zh", &b[c])] {
                if let Ok(span) = document.create_element("span") {
                    let _ = span.set_attribute("data-l", lang);
                    let _ = span.set_attribute("lang", if lang == "zh" { "zh-Hans" } else { "en" });
                    span.set_text_content(Some(text));
                    let _ = cell.append_child(&span);
                }
            }
            let _ = tr.append_child(&cell);
        }
        let _ = body.append_child(&tr);
    }
}

/// Enables and wires the page's controls; does nothing on other pages.
pub fn wire(state: AppState) {
    if all("[data-whatif]").is_empty() {
        return;
    }
    let data = Dataset::embedded();
    let model = Model::embedded();
    let scenario = Memo::new(move |_| state.url.with(|u| u.scenario.rounded()));
    let baseline = Memo::new(move |_| {
        state
            .url
            .with(|u| u.baseline.as_ref().map(Scenario::rounded))
    });
    let banded = Memo::new(move |_| scenario.with(|s| model.banded(s)));

    for element in all("[data-whatif] [disabled]") {
        let _ = element.remove_attribute("disabled");
    }
    // Sliders: the input event writes the scenario (rounded to the slider's step).
    for input in all("input[data-param]") {
        let Some(param) = input
            .get_attribute("data-param")
            .and_then(|k| Param::from_key(&k))
        else {
            continue;
        };
        let on_input = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Ok(value) = input.value().parse::<f64>() else {
                return;
            };
            state.url.update(|u| {
                u.scenario.set(param, whatif::from_slider(param, value));
                u.scenario = u.scenario.rounded();
            });
        });
        let _ = input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let on_input = send_wrapper::SendWrapper::new(on_input);
        let target = send_wrapper::SendWrapper::new(input.clone());
        on_cleanup(move || {
            let _ = target
                .remove_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        });
        // The slider follows the scenario when it changes otherwise (a preset, Reset,
        // Back); written only when it differs, so a dragged slider is left alone.
        let input: HtmlInputElement = input.unchecked_into();
        Effect::new(move |_| {
            let wanted = scenario.with(|s| whatif::slider_value(param, s));
            if input
                .value()
                .parse::<f64>()
                .map_or(true, |v| (v - wanted).abs() > 1e-9)
            {
                input.set_value(&wanted.to_string());
            }
            let text = scenario.with(|s| whatif::value_text(param, s, state.lang.get()));
            let _ = input.set_attribute("aria-valuetext", &text);
        });
    }
    // Every text of the page that follows the scenario.
    Effect::new(move |_| {
        scenario.with(|s| {
            for param in Param::sliders() {
                set_text(&format!("value-{}", param.key()), |l| {
                    whatif::value_text(param, s, l)
                });
            }
            set_text("value-cr", |l| whatif::pct(s.get(Param::ChinaToRest), l));
            set_text("carnegie", |l| whatif::carnegie_line(data, model, s, l));
            set_rows("[data-backtest-rows]", |l| {
                whatif::backtest_rows(model, s, l)
            });
        });
    });
    Effect::new(move |_| {
        banded.with(|b: &Banded| {
            set_text("sentence", |l| whatif::sentence(b, l));
            for (i, key) in ["china-origin", "cohort", "size"].into_iter().enumerate() {
                set_text(&format!("result-{key}"), |l| {
                    whatif::results(data, b, l)
                        .get(i)
                        .map(|f| f.value.clone())
                        .unwrap_or_default()
                });
            }
        });
    });
    // Presets: pressed when applying them would change nothing.
    for button in all("button[data-preset]") {
        let Some(preset) = button
            .get_attribute("data-preset")
            .and_then(|k| Preset::from_key(&k))
        else {
            continue;
        };
        Effect::new(move |_| {
            let pressed = scenario.with(|s| preset.apply_to(model, s).rounded() == *s);
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        });
    }
    // The baseline: pinned, compared, shown as ghost lines by the chart's plan.
    let pin_buttons = all("button[data-pin]");
    Effect::new(move |_| {
        let pinned = baseline.get();
        for button in &pin_buttons {
            let _ = button.set_attribute(
                "aria-pressed",
                if pinned.is_some() { "true" } else { "false" },
            );
        }
        for element in all("[data-compare], [data-pinned-note]") {
            if pinned.is_some() {
                let _ = element.remove_attribute("hidden");
            } else {
                let _ = element.set_attribute("hidden", "");
            }
        }
        if let Some(b) = pinned {
            scenario.with(|s| {
                let (year, _) = whatif::compare_rows(data, model, s, &b, Lang::En);
                set_text("compare-heading", |l| {
                    talent_core::copy::WHATIF_COMPARE_HEADING
                        .fill(l, &[("year", &year.to_string())])
                });
                set_rows("[data-compare-rows]", |l| {
                    whatif::compare_rows(data, model, s, &b, l).1
                });
            });
        }
    });
}

/// Clicks on the What-if page's buttons (called by the document's click handler).
pub fn click(state: AppState, target: &Element) -> bool {
    let model = Model::embedded();
    if let Ok(Some(button)) = target.closest("button[data-preset]") {
        if let Some(preset) = button
            .get_attribute("data-preset")
            .and_then(|k| Preset::from_key(&k))
        {
            state
                .url
                .update(|u| u.scenario = preset.apply_to(model, &u.scenario).rounded());
        }
        return true;
    }
    if let Ok(Some(_)) = target.closest("button[data-reset]") {
        state
            .url
            .update(|u| u.scenario = model.defaults().rounded());
        return true;
    }
    if let Ok(Some(_)) = target.closest("button[data-pin]") {
        state.url.update(|u| {
            u.baseline = match u.baseline {
                Some(_) => None,
                None => Some(u.scenario.rounded()),
            };
        });
        return true;
    }
    false
}
