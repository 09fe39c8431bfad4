//! The AI Talent Atlas in the browser: the baked pages come alive in place.
//!
//! Every page arrives complete from the static host (texts in both languages, charts as
//! pictures, tables), baked by `crates/site`. This crate makes it interactive: it reads
//! the state from the link, mounts a Leptos island on each chart (a canvas drawn by
//! `talent_charts` from the same plan as the picture, with tooltips and keyboard), moves
//! between pages without reloading, and keeps the link in step with the state.

pub mod export;
pub mod island;
pub mod islands;
pub mod nav;
pub mod notice;
pub mod share;
pub mod state;
pub mod whatif;

use leptos::prelude::Owner;
use talent_core::Lang;
use wasm_bindgen::JsCast;

/// The BCP 47 tag of a language, for `<html lang>`.
pub const fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-Hans",
    }
}

/// Starts the app on the page that is loaded.
pub fn start() {
    // Effects run on the browser's task queue (mount_to would set this up for the first
    // island; the state's effects come before any).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // The app's state lives as long as the page: its owner is never disposed.
    let owner = Owner::new();
    owner.set();
    let state = state::create();
    nav::wire(state);
    // The link's notice sits above <main>, outside the islands a navigation replaces.
    let document = gloo_utils::document();
    if let (Ok(slot), Some(main)) = (
        document.create_element("div"),
        document.query_selector("main").ok().flatten(),
    ) {
        slot.set_class_name("link-notice");
        if let (Some(parent), Ok(slot)) =
            (main.parent_node(), slot.dyn_into::<web_sys::HtmlElement>())
        {
            let _ = parent.insert_before(&slot, Some(&main));
            leptos::mount::mount_to(
                slot,
                move || leptos::view! { <notice::LinkNotice state=state /> },
            )
            .forget();
        }
    }
    islands::mount(state);
    if let Some(hash) = gloo_utils::window()
        .location()
        .hash()
        .ok()
        .filter(|h| h.len() > 1)
    {
        nav::arrive(Some(&hash));
    }
    std::mem::forget(owner);
}
