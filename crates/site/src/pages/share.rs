//! "Share and cite this page", at the end of every page: its link, a credit line that fits
//! under a chart in an article, a text citation and a BibTeX entry. Baked for the page's
//! default state; the app keeps the link and the citation in step with the state.

use crate::html::{bi, code, each, tag, LANGS};
use crate::shell::nav_label;
use crate::Site;
use maud::{html, Markup};
use talent_core::link::cite::{citation, credit, view_datasets};
use talent_core::link::url_state::{UrlState, View};
use talent_core::model::projection::Model;
use talent_core::{copy, Lang};

/// The address of a page for a reader in `lang`: absolute with the site's URL, else
/// relative to the page (`prefix` leads to the root); the app writes the absolute one.
fn page_link(site: &Site, view: View, prefix: &str, lang: Lang) -> String {
    let path = UrlState {
        view,
        ..UrlState::default()
    }
    .shared_path(lang);
    match &site.url {
        Some(url) => format!("{}/{path}", url.trim_end_matches('/')),
        None => format!("{prefix}{path}"),
    }
}

/// The section.
pub fn section(site: &Site, view: View, prefix: &str) -> Markup {
    let link = |lang| page_link(site, view, prefix, lang);
    // The What-if page cites its scenario: the model's defaults until the reader moves a slider.
    let scenario = (view == View::WhatIf).then(|| Model::embedded().defaults());
    let cite = |lang| {
        let title = nav_label(view).get(lang);
        citation(
            site.data,
            title,
            &link(lang),
            None,
            scenario,
            view_datasets(view),
            lang,
        )
    };
    html! {
        section.share-cite aria-labelledby="share-title" data-share-view=(view.code()) {
            h2 id="share-title" { (bi(copy::CITE_SHARE_HEADING)) }
            p.share-label id="share-link-label" { (bi(copy::CITE_LINK_LABEL)) }
            div.share-row {
                @for lang in LANGS {
                    input type="text" readonly value=(link(lang)) aria-labelledby="share-link-label"
                        lang=(tag(lang)) data-l=(code(lang)) data-share-link=(code(lang));
                }
                button type="button" data-copy-page="" hidden { (bi(copy::CITE_COPY_PAGE)) }
                button type="button" data-share-sheet="" hidden { (bi(copy::CITE_SHARE_SHEET)) }
            }
            p.copy-status role="status" data-copy-status="page" {}
            @if !view_datasets(view).is_empty() {
                p.credit { strong { (bi(copy::CITE_CREDIT_LABEL)) } " " (each(|l| credit(site.data, view_datasets(view), l))) }
            }
            details.citation {
                summary { (bi(copy::CITE_CITATION)) }
                p data-text="citation" { (each(|l| cite(l).0)) }
                p { strong { (bi(copy::CITE_BIBTEX)) } }
                pre data-text="bibtex" { (each(|l| cite(l).1)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talent_core::Dataset;

    fn site(url: Option<&str>) -> Site {
        Site {
            data: Dataset::embedded(),
            out: std::env::temp_dir(),
            head: String::new(),
            url: url.map(str::to_string),
        }
    }

    #[test]
    fn each_language_links_to_its_own_page() {
        let html = section(
            &site(Some("https://example.org/atlas/")),
            View::Flows,
            "../",
        )
        .into_string();
        assert!(
            html.contains(r#"value="https://example.org/atlas/flows/""#),
            "{html}"
        );
        assert!(
            html.contains(r#"value="https://example.org/atlas/zh/flows/""#),
            "{html}"
        );
        // Without the site's address, links relative to the page, which the app makes absolute.
        let html = section(&site(None), View::Flows, "../../").into_string();
        assert!(html.contains(r#"value="../../zh/flows/""#), "{html}");
    }

    #[test]
    fn the_what_if_citation_names_the_default_scenario_and_others_none() {
        let whatif = section(&site(None), View::WhatIf, "../").into_string();
        assert!(whatif.contains("Scenario: "), "{whatif}");
        assert!(whatif.contains("情景："), "{whatif}");
        let flows = section(&site(None), View::Flows, "../").into_string();
        assert!(!flows.contains("Scenario: "), "{flows}");
        // Flows credits Carnegie and Hoover among its reports.
        assert!(
            flows.contains("Carnegie (2025)") && flows.contains("Hoover"),
            "{flows}"
        );
    }
}
