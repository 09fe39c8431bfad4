//! A chart alone, for an iframe in someone else's article: title, subtitle, the chart
//! (interactive once the wasm starts), notes, source and a link back to the full view.

use crate::figure::{figure, write_pictures, Style};
use crate::html::bi;
use crate::layout::EMBED;
use crate::Site;
use maud::{html, Markup};
use talent_core::catalog::Chart;
use talent_core::copy;

/// The main element of `chart`'s embed page.
pub fn body(site: &Site, chart: Chart, prefix: &str) -> Result<Markup, String> {
    let plans = write_pictures(site, chart)?;
    Ok(html! {
        main id="main" {
            (figure(site, chart, &plans, &EMBED, prefix, Style::Page))
            p.embed-credit {
                a href={ (prefix) (chart.view().path()) "#" (chart.code()) } target="_blank" rel="noopener" data-full-link=(chart.code()) {
                    (bi(copy::APP_NAME)) " · " (bi(copy::CHART_BACK_TO_FULL)) " →"
                }
            }
        }
    })
}
