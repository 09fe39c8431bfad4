//! The interactive parts of the current page, mounted into its baked markup: every chart
//! of the catalogue found in `<main>`. Navigating away unmounts them all, which disposes
//! their reactive owners, effects, observers and listeners.

use crate::island::ChartIsland;
use crate::state::AppState;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use talent_core::catalog::Chart;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

thread_local! {
    /// The unmount handles of the mounted islands (dropping one unmounts it).
    static MOUNTED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// The owner of the page's own effects (share links, embed codes).
    static PAGE: RefCell<Option<Owner>> = const { RefCell::new(None) };
}

/// Mounts an island for every chart in the page's `<main>`, and the page's sharing.
pub fn mount(state: AppState) {
    let owner = Owner::new();
    owner.with(|| {
        crate::share::wire(state);
        crate::export::wire();
        crate::whatif::wire(state);
    });
    let page = owner.with(|| state.for_page());
    PAGE.with(|p| p.borrow_mut().replace(owner.clone()));
    let document = gloo_utils::document();
    let Ok(plots) = document.query_selector_all("main [data-plot]") else {
        return;
    };
    for i in 0..plots.length() {
        let Some(plot) = plots.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let Some(chart) = plot
            .get_attribute("data-plot")
            .and_then(|c| Chart::from_code(&c))
        else {
            continue;
        };
        let target = plot.clone();
        // Under the page's owner: an owner made under the app's (which lives as long as
        // the page) would leave its allocation in that owner's list of children.
        let handle = owner.with(|| {
            leptos::mount::mount_to(target, move || {
                view! { <ChartIsland chart=chart plot=plot state=state page=page /> }
            })
        });
        MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
    }
}

/// Unmounts every island of the page.
pub fn unmount() {
    let handles = MOUNTED.with(|m| std::mem::take(&mut *m.borrow_mut()));
    drop(handles);
    if let Some(owner) = PAGE.with(|p| p.borrow_mut().take()) {
        owner.cleanup();
    }
}
