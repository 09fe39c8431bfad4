//! A chart's figure on a page: title, subtitle, the static picture (one SVG per
//! language, width class and theme, written to `charts/<id>/`, of which the browser loads
//! the one its screen needs), notes, source, the table of its numbers and its actions.
//! The wasm later draws the same plan on a canvas in the picture's place.

use crate::html::{bi, code, each, pair, LANGS};
use crate::layout::PageLayout;
use crate::Site;
use maud::{html, Markup};
use talent_charts::draw::{scene, Reading};
use talent_charts::{svg, Palette, Theme};
use talent_core::catalog::{Chart, Plan};
use talent_core::copy;
use talent_core::layout::width::WidthClass;
use talent_core::link::cite::credit;
use talent_core::link::url_state::UrlState;
use talent_core::Lang;

/// The file of one picture, relative to the site's root.
pub fn picture_path(chart: Chart, lang: Lang, class: WidthClass, theme: Theme) -> String {
    format!(
        "charts/{}/{}-{}-{}.svg",
        chart.code(),
        code(lang),
        class.code(),
        theme.code()
    )
}

/// Writes every picture of `chart` and returns the plans of its default state, one per
/// language and class (the page needs their sizes and tables).
pub fn write_pictures(site: &Site, chart: Chart) -> Result<Vec<(Lang, WidthClass, Plan)>, String> {
    let state = UrlState::default();
    let mut plans = Vec::new();
    for lang in LANGS {
        let title = chart.text(site.data, lang).title;
        for class in WidthClass::ALL {
            let plan = chart
                .plan(site.data, &state, lang, class)
                .map_err(|e| e.to_string())?;
            for theme in Theme::ALL {
                let scene = scene(&plan, Palette::of(theme), &Reading::default());
                let doc = svg::document(&scene, &title);
                site.write(&picture_path(chart, lang, class, theme), doc.as_bytes())?;
            }
            plans.push((lang, class, plan));
        }
    }
    Ok(plans)
}

/// The `<picture>` of one language: a source per width class and theme, narrowest last
/// in the fallback `<img>`.
fn picture(
    chart: Chart,
    lang: Lang,
    plans: &[(Lang, WidthClass, Plan)],
    layout: &PageLayout,
    prefix: &str,
    alt: &str,
) -> Markup {
    let size = |class: WidthClass| {
        plans
            .iter()
            .find(|(l, c, _)| *l == lang && *c == class)
            .map_or((0.0, 0.0), |(_, _, p)| p.size())
    };
    let dims = |class: WidthClass| {
        let (w, h) = size(class);
        (format!("{}", w.round()), format!("{}", h.round()))
    };
    let narrow = dims(WidthClass::Narrow);
    let tag = crate::html::tag(lang);
    html! {
        picture lang=(tag) data-l=(code(lang)) {
            @for class in WidthClass::ALL.into_iter().rev() {
                @for theme in [Theme::Dark, Theme::Light] {
                    @if let Some(media) = layout.media(class, theme) {
                        @let (w, h) = dims(class);
                        source media=(media)
                            srcset={ (prefix) (picture_path(chart, lang, class, theme)) }
                            width=(w) height=(h);
                    }
                }
            }
            // Lazy, so the other language's picture, hidden, is never fetched; the page's
            // own language loads at once ([`eager_pictures`]).
            img src={ (prefix) (picture_path(chart, lang, WidthClass::Narrow, Theme::Light)) }
                width=(narrow.0) height=(narrow.1) alt=(alt) loading="lazy" decoding="async";
        }
    }
}

/// `page` with the pictures of `lang`, the language it opens in, loaded at once (no
/// `loading="lazy"`): the other language's stay lazy and, hidden, are fetched only if the
/// reader switches language.
pub fn eager_pictures(page: &str, lang: Lang) -> String {
    let open = format!("<picture lang=\"{}\"", crate::html::tag(lang));
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find(&open) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find("</picture>")
            .map_or(tail.len(), |e| e + "</picture>".len());
        out.push_str(&tail[..end].replace(" loading=\"lazy\"", ""));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A short description of the chart for its picture's alternative text: title and the
/// values, mark by mark.
fn alt_text(site: &Site, chart: Chart, plans: &[(Lang, WidthClass, Plan)], lang: Lang) -> String {
    let title = chart.text(site.data, lang).title;
    let values: Vec<String> = plans
        .iter()
        .find(|(l, c, _)| *l == lang && *c == WidthClass::Full)
        .map(|(_, _, p)| {
            p.tips()
                .iter()
                .map(|t| format!("{}: {}", t.heading, t.value))
                .collect()
        })
        .unwrap_or_default();
    format!("{title}. {}", values.join(copy::LIST_SEPARATOR.get(lang)))
}

/// How a figure sits on its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A chart of a view's page: an `h2` title and everything under it.
    Page,
    /// A finding's chart on the story page: an `h3` label (the finding's heading says what
    /// it shows), what it counts under the picture.
    Finding,
    /// The What-if chart, pinned at the top of a phone's screen: title, picture and
    /// source in the figure; what it counts, the notes, the table and the downloads in a
    /// block of their own that the page puts after the controls ([`figure_parts`]).
    Pinned,
}

/// The figure of `chart` with the pictures written by [`write_pictures`].
pub fn figure(
    site: &Site,
    chart: Chart,
    plans: &[(Lang, WidthClass, Plan)],
    layout: &PageLayout,
    prefix: &str,
    style: Style,
) -> Markup {
    let (figure, details) = figure_parts(site, chart, plans, layout, prefix, style);
    html! { (figure) (details) }
}

/// The figure and, for [`Style::Pinned`], its details apart (empty otherwise).
pub fn figure_parts(
    site: &Site,
    chart: Chart,
    plans: &[(Lang, WidthClass, Plan)],
    layout: &PageLayout,
    prefix: &str,
    style: Style,
) -> (Markup, Markup) {
    let id = chart.code();
    let text = |lang: Lang| chart.text(site.data, lang);
    let table = |lang: Lang| chart.table(site.data, &UrlState::default(), lang);
    let title = each(|l| text(l).title);
    // `data-subtitle`, `data-notes` and `data-source` mark the texts the app frames a
    // downloaded picture with.
    let subtitle = html! { p.subtitle id={ (id) "-subtitle" } data-subtitle=(id) { (each(|l| text(l).subtitle)) } };
    let source = html! {
        p.source {
            (bi(copy::CHART_SOURCE)) (pair(": ", "：")) span data-source=(id) { (each(|l| text(l).source)) }
            " · "
            a href={ (prefix) "sources/" } data-view="sources" { (bi(copy::CHART_SOURCES_LINK)) }
        }
    };
    let notes = html! {
        @let notes_en = text(Lang::En).notes;
        @if !notes_en.is_empty() {
            ul.notes data-notes=(id) {
                @for (i, _) in notes_en.iter().enumerate() {
                    li { (each(|l| text(l).notes.get(i).cloned().unwrap_or_default())) }
                }
            }
        }
    };
    let rest = html! {
        (share(site, chart, prefix))
        details.chart-table data-table=(id) {
            summary { (bi(copy::CHART_SHOW_TABLE)) }
            @for lang in LANGS {
                @let t = table(lang);
                div.table-wrap lang=(crate::html::tag(lang)) data-l=(code(lang)) tabindex="0" role="region" aria-labelledby={ (id) "-title" } {
                    table {
                        thead { tr { @for h in &t.headers { th scope="col" { (h) } } } }
                        tbody {
                            @for row in &t.rows {
                                tr {
                                    @for (i, cell) in row.iter().enumerate() {
                                        @if i == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        (crate::downloads::links(chart, prefix))
    };
    let plot = html! {
        (legend(plans))
        div.plot data-plot=(id) {
            @for lang in LANGS {
                (picture(chart, lang, plans, layout, prefix, &alt_text(site, chart, plans, lang)))
            }
        }
    };
    let head = html! {
        div.chart-head {
            @if style == Style::Finding {
                h3 id={ (id) "-title" } { (title) }
            } @else {
                h2 id={ (id) "-title" } { (title) }
            }
            @if style == Style::Page {
                (subtitle)
            }
        }
    };
    match style {
        Style::Pinned => (
            html! {
                figure.chart.pinned id=(id) data-chart=(id) aria-labelledby={ (id) "-title" } aria-describedby={ (id) "-subtitle" } {
                    (head)
                    (plot)
                    figcaption { (source) }
                }
            },
            html! {
                div.chart-details data-details=(id) {
                    (subtitle)
                    (notes)
                    (crate::pages::sources::source_notes(site, chart, prefix))
                    (rest)
                }
            },
        ),
        _ => (
            html! {
                figure.chart id=(id) data-chart=(id) aria-labelledby={ (id) "-title" } {
                    (head)
                    (plot)
                    @if style == Style::Finding {
                        p.sample-line data-subtitle=(id) { (each(|l| text(l).subtitle)) }
                    }
                    figcaption {
                        (notes)
                        (source)
                        (crate::pages::sources::source_notes(site, chart, prefix))
                    }
                    (rest)
                }
            },
            html! {},
        ),
    }
}

/// The key of a chart whose series are told apart by colour (bars with several series,
/// Sankeys), in both languages; change and parts charts draw theirs in the picture.
fn legend(plans: &[(Lang, WidthClass, Plan)]) -> Markup {
    let entries = |lang: Lang| -> Vec<talent_core::layout::bars::LegendEntry> {
        plans
            .iter()
            .find(|(l, c, _)| *l == lang && *c == WidthClass::Full)
            .map(|(_, _, p)| match p {
                Plan::Bars(b) => b.legend.clone(),
                Plan::Sankey(s) => s.legend.clone(),
                _ => Vec::new(),
            })
            .unwrap_or_default()
    };
    let kind = |k: talent_core::series::display::CellKind| match k {
        talent_core::series::display::CellKind::Stated => "stated",
        talent_core::series::display::CellKind::Derived => "derived",
        talent_core::series::display::CellKind::Bound => "bound",
        talent_core::series::display::CellKind::NotReported => "not-reported",
    };
    html! {
        @if !entries(Lang::En).is_empty() {
            @for lang in LANGS {
                ul.legend lang=(crate::html::tag(lang)) data-l=(code(lang)) aria-hidden="true" {
                    @for e in entries(lang) {
                        li {
                            span.swatch data-place=(e.style.place.code()) data-step=(e.style.step) data-kind=(kind(e.style.kind)) {}
                            (e.label)
                        }
                    }
                }
            }
        }
    }
}

/// Copy a link to the chart, embed it: the app fills in the current state; without it the
/// snippet links the chart's default state.
fn share(site: &Site, chart: Chart, prefix: &str) -> Markup {
    let id = chart.code();
    let base = site.url.as_deref().map_or_else(
        || prefix.to_string(),
        |u| format!("{}/", u.trim_end_matches('/')),
    );
    let height = talent_core::link::embed::height(site.data, chart);
    html! {
        div.chart-share {
            button type="button" data-copy-link=(id) hidden { (bi(copy::CHART_COPY_LINK)) }
            span.copy-status role="status" data-copy-status=(id) {}
            p.credit { strong { (bi(copy::CITE_CREDIT_LABEL)) } " " (each(|l| credit(site.data, chart.datasets(), l))) }
            details {
                summary { (bi(copy::CHART_EMBED)) }
                p { (bi(copy::CHART_EMBED_HELP)) }
                @for lang in LANGS {
                    @let src = format!("{base}embed/{id}/?lang={}", code(lang));
                    label.embed-url lang=(crate::html::tag(lang)) data-l=(code(lang)) {
                        (copy::CHART_EMBED_URL.get(lang))
                        input type="text" readonly value=(src) data-embed-url=(id);
                    }
                    textarea.embed-code readonly rows="6" lang=(crate::html::tag(lang)) data-l=(code(lang)) data-embed-code=(id)
                        aria-label=(copy::CHART_EMBED.get(lang)) {
                        (talent_core::link::embed::snippet(chart, &src, height, &chart.text(site.data, lang).title))
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictures_of_the_page_language_load_at_once_the_others_lazily() {
        let page = concat!(
            r#"<picture lang="en" data-l="en"><img src="a" loading="lazy"></picture>"#,
            r#"<picture lang="zh-Hans" data-l="zh"><img src="b" loading="lazy"></picture>"#,
            r#"<img src="c" loading="lazy">"#,
        );
        assert_eq!(
            eager_pictures(page, Lang::Zh),
            concat!(
                r#"<picture lang="en" data-l="en"><img src="a" loading="lazy"></picture>"#,
                r#"<picture lang="zh-Hans" data-l="zh"><img src="b"></picture>"#,
                r#"<img src="c" loading="lazy">"#,
            )
        );
        assert_eq!(
            eager_pictures(page, Lang::En),
            page.replacen(r#"<img src="a" loading="lazy">"#, r#"<img src="a">"#, 1)
        );
    }
}
