//! The AI Talent Atlas in the browser: the baked pages come alive in place.
//!
//! Every page arrives complete from the static host (texts in both languages, charts as
//! pictures, tables), baked by `crates/site`. This crate makes it interactive: it reads
//! the state from the link, mounts a Leptos island on each chart (a canvas drawn by
//! `talent_charts` from the same plan as the picture, with tooltips and keyboard), moves
//! between pages without reloading, and keeps the link in step with the state.

pub mod island;
pub mod islands;
pub mod nav;
pub mod share;
pub mod state;

use leptos::prelude::Owner;
use talent_core::Lang;

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
