//! The code a newsroom pastes to embed one chart: an iframe of the chart's embed page and
//! the few lines that resize it from the height messages the page sends.

use crate::catalog::Chart;
use crate::layout::width::WidthClass;
use crate::link::url_state::UrlState;
use crate::{Dataset, Lang};

/// Room an embed needs around its chart (title, subtitle, notes, source, link), in CSS
/// pixels: the fixed height of an iframe without the resizing script is the widest
/// design's chart plus this.
const CHROME: f64 = 260.0;

/// A fixed height that fits the chart's widest design in either language.
pub fn height(data: &Dataset, chart: Chart) -> f64 {
    let state = UrlState::default();
    [Lang::En, Lang::Zh]
        .into_iter()
        .filter_map(|lang| chart.plan(data, &state, lang, WidthClass::Full).ok())
        .map(|plan| plan.size().1)
        .fold(0.0, f64::max)
        + CHROME
}

/// The iframe of the embed page at `src` and its resizing script.
///
/// ```
/// use talent_core::catalog::Chart;
/// use talent_core::link::embed::snippet;
/// let code = snippet(Chart::Origin, "https://example.org/embed/origin/?lang=en", 600.0, "A \"title\"");
/// assert!(code.starts_with("<iframe id=\"ai-talent-atlas-origin\" title=\"A &quot;title&quot;\""));
/// assert!(code.contains("datawrapper-height"));
/// ```
pub fn snippet(chart: Chart, src: &str, height: f64, title: &str) -> String {
    let id = format!("ai-talent-atlas-{}", chart.code());
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe id=\"{id}\" title=\"{title}\" src=\"{src}\" width=\"100%\" height=\"{height}\" style=\"width:100%;border:0\" loading=\"lazy\"></iframe>\n<script>window.addEventListener(\"message\",function(e){{var h=e.data&&e.data[\"datawrapper-height\"];if(!h)return;for(var k in h){{var f=document.getElementById(k);if(f)f.style.height=h[k]+\"px\";}}}});</script>",
        title = attr(title),
        src = attr(src),
        height = height.round(),
    )
}
