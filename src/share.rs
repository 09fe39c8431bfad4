//! Share and cite the current view: its link, the Web Share sheet where the browser
//! has one, and a text citation and BibTeX entry with the scenario and sources.

use crate::i18n::{messages, Msg};
use crate::shell::nav_label;
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::link::cite::{citation, view_datasets};
use talent_core::link::url_state::View;
use talent_core::Dataset;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Object, Promise, Reflect};

messages! { ShareMsg {
    Heading => "Share and cite this view", "分享与引用此视图";
    LinkLabel => "Link to exactly this view", "指向当前视图的链接";
    Copy => "Copy link", "复制链接";
    Copied => "Link copied", "链接已复制";
    CopyFailed => "Copy the link from the box above", "请从上方文本框复制链接";
    Share => "Share…", "分享…";
    Cite => "Cite this view", "引用此视图";
    CopyCitation => "Copy citation", "复制引用";
    CopyBibtex => "Copy BibTeX", "复制 BibTeX";
}}

thread_local! {
    /// The page's address without its query: the app changes only the query, and asking
    /// the browser on every slider step costs more than the rest of the link.
    static BASE: String = {
        let location = gloo_utils::window().location();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    };
    /// The date of this visit, the citation's access date (read once, like the address).
    static TODAY: String = {
        let iso: String = web_sys::js_sys::Date::new_0().to_iso_string().into();
        iso.chars().take(10).collect()
    };
}

/// The link of the current state, built from the signals (not the debounced address bar).
fn link_of(query: &str) -> String {
    BASE.with(|base| {
        if query.is_empty() {
            base.clone()
        } else {
            format!("{base}?{query}")
        }
    })
}

/// Calls `navigator.<object>.<method>(argument)` if the browser has it; its promise.
fn navigator_call(path: &[&str], argument: &JsValue) -> Option<Promise> {
    let mut target: JsValue = gloo_utils::window().navigator().into();
    let (method, objects) = path.split_last()?;
    for name in objects {
        target = Reflect::get(&target, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined())?;
    }
    let function: Function = Reflect::get(&target, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    function.call1(&target, argument).ok()?.dyn_into().ok()
}

fn copy_text(text: String, status: RwSignal<Option<ShareMsg>>) {
    let Some(promise) = navigator_call(&["clipboard", "writeText"], &JsValue::from_str(&text))
    else {
        status.set(Some(ShareMsg::CopyFailed));
        return;
    };
    leptos::task::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(Some(if done {
            ShareMsg::Copied
        } else {
            ShareMsg::CopyFailed
        }));
    });
}

/// The share-and-cite panel at the end of every view.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let status = RwSignal::new(None::<ShareMsg>);
    let link = Memo::new(move |_| link_of(&state.url_state().to_query()));
    let cite = Memo::new(move |_| {
        let view = state.view.get();
        let lang = lang.get();
        let scenario = state.scenario.get();
        citation(
            Dataset::embedded(),
            nav_label(view).text(lang),
            &link.get(),
            &TODAY.with(String::clone),
            (view == View::WhatIf).then_some(&scenario),
            view_datasets(view),
            lang,
        )
    });
    let can_share = navigator_has_share();
    let on_share = move |_| {
        let data = Object::new();
        let _ = Reflect::set(
            &data,
            &"title".into(),
            &Msg::AppName.text(lang.get_untracked()).into(),
        );
        let _ = Reflect::set(&data, &"url".into(), &link.get_untracked().into());
        if let Some(promise) = navigator_call(&["share"], &data) {
            // The reader may cancel the sheet; that is not an error.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    view! {
        <section class="share" aria-labelledby="share-heading" data-testid="share-panel">
            <h2 id="share-heading">{move || ShareMsg::Heading.text(lang.get())}</h2>
            <label for="share-link">{move || ShareMsg::LinkLabel.text(lang.get())}</label>
            <div class="share-row">
                <input id="share-link" type="text" readonly data-testid="share-link" prop:value=move || link.get() />
                <button data-testid="copy-link" on:click=move |_| copy_text(link.get_untracked(), status)>
                    {move || ShareMsg::Copy.text(lang.get())}
                </button>
                {can_share.then(|| view! {
                    <button data-testid="web-share" on:click=on_share>{move || ShareMsg::Share.text(lang.get())}</button>
                })}
            </div>
            <p class="share-status" role="status" data-testid="share-status">
                {move || status.get().map(|m| m.text(lang.get()))}
            </p>
            <details class="cite">
                <summary>{move || ShareMsg::Cite.text(lang.get())}</summary>
                <p data-testid="citation-text">{move || cite.get().0}</p>
                <button on:click=move |_| copy_text(cite.get_untracked().0, status)>{move || ShareMsg::CopyCitation.text(lang.get())}</button>
                <pre data-testid="citation-bibtex">{move || cite.get().1}</pre>
                <button on:click=move |_| copy_text(cite.get_untracked().1, status)>{move || ShareMsg::CopyBibtex.text(lang.get())}</button>
            </details>
        </section>
    }
}

fn navigator_has_share() -> bool {
    let navigator: JsValue = gloo_utils::window().navigator().into();
    Reflect::get(&navigator, &"share".into()).is_ok_and(|v| v.is_function())
}
