//! A page of charts: its heading, its introduction and every chart the catalogue puts on
//! it, in order.

use crate::figure::{figure, write_pictures, Style};
use crate::html::bi;
use crate::layout::MAIN;
use crate::shell::nav_label;
use crate::Site;
use maud::{html, Markup};
use talent_core::catalog::Chart;
use talent_core::copy::{self, Text};
use talent_core::link::url_state::View;

/// The introduction of a view's page.
pub const fn intro(view: View) -> Text {
    match view {
        View::Story => copy::STORY_STANDFIRST,
        View::Countries => copy::VIEW_COUNTRIES_INTRO,
        View::Subfields => copy::VIEW_SUBFIELDS_INTRO,
        View::Flows => copy::VIEW_FLOWS_INTRO,
        View::WhatIf => copy::VIEW_WHATIF_INTRO,
        View::Sources => copy::VIEW_SOURCES_INTRO,
    }
}

/// The main element of a view's page.
pub fn body(site: &Site, view: View, prefix: &str) -> Result<Markup, String> {
    let mut figures = Vec::new();
    for chart in Chart::of_view(view) {
        let plans = write_pictures(site, chart)?;
        figures.push(figure(site, chart, &plans, &MAIN, prefix, Style::Page));
    }
    let (before, after) = match view {
        View::Subfields => (
            Some(super::subfields::standings(site, prefix)),
            Some(super::subfields::scholars(site)),
        ),
        _ => (None, None),
    };
    Ok(html! {
        main id="main" tabindex="-1" {
            section.view data-view=(view.code()) {
                h1 { (bi(nav_label(view))) }
                p.intro { (bi(intro(view))) }
                @if let Some(b) = before { (b) }
                @for f in figures { (f) }
                @if let Some(a) = after { (a) }
            }
            (super::share::section(site, view, prefix))
        }
    })
}
