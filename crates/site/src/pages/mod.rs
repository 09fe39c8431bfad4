//! One module per page; each returns the page's `<main>`.

pub mod charts;
pub mod embed;
pub mod share;
pub mod sources;
pub mod story;
pub mod subfields;
pub mod whatif;

use crate::Site;
use maud::Markup;
use talent_core::link::url_state::View;

/// The `<main>` of `view`'s page.
pub fn body(site: &Site, view: View, prefix: &str) -> Result<Markup, String> {
    match view {
        View::Story => story::body(site, prefix),
        View::WhatIf => whatif::body(site, prefix),
        View::Sources => sources::body(site, prefix),
        _ => charts::body(site, view, prefix),
    }
}

/// Reading a baked page as a reader does, for the tests: its text and its bilingual pairs.
#[cfg(test)]
pub(crate) mod reading {
    /// `&amp;` and friends back to their characters.
    pub fn unescape(s: &str) -> String {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// The text of the page, tags removed (attributes are not text).
    pub fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        unescape(&out)
    }

    /// Every bilingual pair of plain-text spans (`html::pair`), English and Chinese.
    pub fn pairs(html: &str) -> Vec<(String, String)> {
        const EN: &str = "<span lang=\"en\" data-l=\"en\">";
        const ZH: &str = "<span lang=\"zh-Hans\" data-l=\"zh\">";
        html.split(EN)
            .skip(1)
            .filter_map(|rest| {
                let (en, rest) = rest.split_once("</span>")?;
                let (zh, _) = rest.strip_prefix(ZH)?.split_once("</span>")?;
                (!en.contains('<') && !zh.contains('<')).then(|| (unescape(en), unescape(zh)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::reading::{pairs, text_of};
    use super::*;
    use talent_core::data::typography::{chinese_problems, english_problems, Glossary, Rule};
    use talent_core::Dataset;

    /// Every page's `<main>`, baked into a folder of this test's own (charts write their
    /// pictures).
    fn pages() -> Vec<(View, String)> {
        let site = Site {
            data: Dataset::embedded(),
            out: std::env::temp_dir().join("talent-site-every-page"),
            head: String::new(),
            url: None,
        };
        View::ALL
            .into_iter()
            .map(|view| {
                let html = body(&site, view, "../").unwrap_or_else(|e| panic!("{view:?}: {e}"));
                (view, html.into_string())
            })
            .collect()
    }

    #[test]
    fn every_page_has_each_text_in_both_languages_and_chinese_that_follows_the_rules() {
        let glossary = Glossary::embedded();
        for (view, html) in pages() {
            let en = html.matches("<span lang=\"en\" data-l=\"en\">").count();
            let zh = html
                .matches("<span lang=\"zh-Hans\" data-l=\"zh\">")
                .count();
            assert_eq!(en, zh, "{view:?}: every text has its other language");
            let pairs = pairs(&html);
            assert!(pairs.len() > 20, "{view:?}: {} texts", pairs.len());
            // BibTeX is code for a reference manager, not prose.
            for (e, z) in pairs.iter().filter(|(_, z)| !z.starts_with("@misc{")) {
                // Numbers and proper names read the same in both ("66.7%", "MacroPolo").
                let same = e == z;
                let words = z.chars().any(|c| c.is_ascii_alphabetic());
                let problems: Vec<_> = chinese_problems(z, glossary)
                    .into_iter()
                    .filter(|p| !(p.rule == Rule::NoChinese && (same || !words)))
                    .collect();
                assert!(problems.is_empty(), "{view:?}: {z}: {problems:?}");
            }
        }
    }

    #[test]
    fn no_page_shows_a_reader_an_internal_identifier() {
        for (view, html) in pages() {
            let problems = english_problems(&text_of(&html));
            assert!(
                problems.is_empty(),
                "{view:?}: {:?}",
                problems.iter().map(|p| &p.found).collect::<Vec<_>>()
            );
        }
    }
}
