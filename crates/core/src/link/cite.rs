//! "Cite this view": a text citation and a BibTeX entry naming the view, its link,
//! the scenario parameters where there are some, and the reports the view draws on.

use crate::catalog::source_line;
use crate::copy;
use crate::format::Date;
use crate::link::url_state::View;
use crate::model::projection::Scenario;
use crate::{Dataset, Lang};

/// The datasets (report keys) a view draws its figures from.
pub fn view_datasets(view: View) -> &'static [&'static str] {
    match view {
        View::Story => &[
            "macropolo_2019",
            "macropolo_2022",
            "carnegie_2025",
            "hoover_deepseek_2025",
            "aminer_shanghai_2024",
        ],
        View::Countries => &[
            "aminer_shanghai_2024",
            "macropolo_2019",
            "macropolo_2022",
            "itpo_dongbi_2025",
            "digital_science_2025",
            "aminer_ai2000_editions",
        ],
        View::Subfields => &[
            "aminer_shanghai_2024",
            "aminer_shanghai_2024_table1",
            "aminer_ai2000_editions",
        ],
        View::Flows => &[
            "carnegie_2025",
            "hoover_deepseek_2025",
            "macropolo_2019",
            "macropolo_2022",
            "aminer_shanghai_2024_table2",
        ],
        View::WhatIf => &[
            "macropolo_2019",
            "macropolo_2022",
            "carnegie_2025",
            "pnas_china_initiative_2023",
            "zeki_2025",
        ],
        View::Sources => &[],
    }
}

/// The what-if parameters a reader sets (the sliders), as one line of text, each value
/// printed as its slider prints it.
pub fn scenario_line(scenario: &Scenario, lang: Lang) -> String {
    let parts: Vec<String> = crate::series::whatif::parameters(scenario, lang)
        .iter()
        .map(|(name, value)| copy::WHATIF_VALUE_OF.fill(lang, &[("name", name), ("value", value)]))
        .collect();
    copy::CITE_SCENARIO.fill(
        lang,
        &[("params", &parts.join(copy::LIST_SEPARATOR.get(lang)))],
    )
}

/// A credit line that fits under a chart in an article: "Source: AI Talent Atlas, from
/// MacroPolo (2020, 2024)".
///
/// ```
/// use talent_core::link::cite::credit;
/// use talent_core::{Dataset, Lang};
/// let line = credit(Dataset::embedded(), &["macropolo_2019", "macropolo_2022"], Lang::Zh);
/// assert_eq!(line, "来源：全球AI人才图谱，据MacroPolo（2020、2024）");
/// ```
pub fn credit(data: &Dataset, datasets: &[&str], lang: Lang) -> String {
    copy::CITE_CREDIT.fill(lang, &[("list", &source_line(data, datasets, lang))])
}

/// A text citation and a BibTeX entry for a view.
///
/// `accessed` is the day the reader cites it (`None` for a placeholder the reader fills
/// in); `scenario` is given for the What-if view.
pub fn citation(
    data: &Dataset,
    view_title: &str,
    link: &str,
    accessed: Option<Date>,
    scenario: Option<&Scenario>,
    datasets: &[&str],
    lang: Lang,
) -> (String, String) {
    let sources: Vec<String> = datasets
        .iter()
        .filter_map(|key| data.datasets.iter().find(|d| d.key == *key))
        .map(|d| {
            copy::CITE_SOURCE.fill(
                lang,
                &[("name", d.name(lang)), ("publisher", d.publisher(lang))],
            )
        })
        .collect();
    let date = accessed.map_or_else(
        || copy::CITE_DATE_PLACEHOLDER.get(lang).to_string(),
        |d| d.cited(lang),
    );
    let date = date.as_str();
    let scenario = scenario.map(|s| scenario_line(s, lang)).unwrap_or_default();
    let sources_text = if sources.is_empty() {
        String::new()
    } else {
        copy::CITE_SOURCES.fill(
            lang,
            &[("list", &sources.join(copy::LIST_SEPARATOR.get(lang)))],
        )
    };
    let app = copy::CITE_APP_TITLE.get(lang);
    let text = copy::CITE_TEXT.fill(
        lang,
        &[
            ("app", app),
            ("view", view_title),
            ("link", link),
            ("date", date),
            ("scenario", &scenario),
            ("sources", &sources_text),
        ],
    );
    let year = accessed.map_or_else(|| "YYYY".to_string(), |d| d.year().to_string());
    let escape = |s: &str| {
        s.replace(['{', '}'], "")
            .replace('%', "\\%")
            .replace('&', "\\&")
    };
    let note = copy::CITE_BIBTEX_NOTE.fill(
        lang,
        &[
            ("date", date),
            ("scenario", &scenario),
            ("sources", &sources_text),
        ],
    );
    let bibtex = format!(
        "@misc{{aitalentatlas{year},\n  title = {{{{{}}}: {}}},\n  howpublished = {{\\url{{{link}}}}},\n  year = {{{year}}},\n  note = {{{}}}\n}}",
        escape(app),
        escape(view_title),
        escape(note.trim()),
    );
    (text, bibtex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::projection::Param;

    #[test]
    fn a_what_if_citation_names_its_parameters_and_sources() {
        let data = Dataset::embedded();
        let mut scenario = Scenario::default();
        scenario.set(Param::RetentionUsChina, 0.9);
        scenario.set(Param::ChinaToUs, 0.3);
        let (text, bibtex) = citation(
            data,
            "What-if",
            "https://example.org/talent/?v=1&view=whatif&r=0.9",
            Date::new(2026, 11, 22),
            Some(&scenario),
            view_datasets(View::WhatIf),
            Lang::En,
        );
        // 0.9 a year over six years is 0.9^6 = 0.531441, shown as 53.1%.
        assert!(text.contains("90.0% a year · 53.1% over 6 years"), "{text}");
        assert!(text.contains("who start work in the US 30%"), "{text}");
        assert!(text.contains("horizon 2040"), "{text}");
        // Growth: (2671 - 1428) / (3 × 1428) = 29.0% of the 2019 size a year, whole.
        assert!(text.contains("+29% of its 2019 size a year"), "{text}");
        assert!(text.contains("Carnegie's 2025 follow-up"), "{text}");
        assert!(bibtex.starts_with("@misc{aitalentatlas2026,"), "{bibtex}");
        assert!(
            bibtex.contains("\\url{https://example.org/talent/?v=1&view=whatif&r=0.9}"),
            "{bibtex}"
        );
        assert!(bibtex.contains("90.0\\%"), "{bibtex}");
        // Braces balance, so BibTeX can parse it.
        let open = bibtex.matches('{').count();
        assert_eq!(open, bibtex.matches('}').count());
    }

    #[test]
    fn the_chinese_line_uses_full_width_separators_and_every_slider() {
        let line = scenario_line(&Scenario::default(), Lang::Zh);
        assert!(line.starts_with("情景："), "{line}");
        assert_eq!(
            line.matches('；').count(),
            Param::sliders().count() - 1,
            "{line}"
        );
        assert!(line.contains("推演至2040"), "{line}");
        assert!(!line.contains(';') && !line.contains(':'), "{line}");
    }

    #[test]
    fn every_view_dataset_exists() {
        let data = Dataset::embedded();
        for view in View::ALL {
            for key in view_datasets(view) {
                assert!(data.datasets.iter().any(|d| d.key == *key), "{key}");
            }
        }
    }
}
