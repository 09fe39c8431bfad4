//! "Cite this view": a text citation and a BibTeX entry naming the view, its link,
//! the scenario parameters where there are some, and the reports the view draws on.

use crate::link::url_state::View;
use crate::model::projection::{Model, Param, Scenario, Unit, RETENTION_VIEW_YEARS};
use crate::{format, Dataset, Lang};

/// Title of the app in citations.
pub const APP_TITLE: &str = "AI Talent Atlas: an interactive explainer of global AI talent";

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

/// One parameter's value as a citation writes it, in the reader's language.
fn cited_value(param: Param, scenario: &Scenario, lang: Lang) -> String {
    let value = scenario.get(param);
    let start = Model::embedded().baseline().year;
    let pct = |v: f64| format::percent(v * 100.0, 1, lang);
    match (param.spec().unit, lang) {
        (Unit::Year, Lang::En) => scenario.end_year().to_string(),
        (Unit::Year, Lang::Zh) => format!("{}年", scenario.end_year()),
        (Unit::Share, _) => pct(value),
        (Unit::PerYear, Lang::En) => format!("{} a year", pct(value)),
        (Unit::PerYear, Lang::Zh) => format!("每年{}", pct(value)),
        (Unit::Retention, Lang::En) => format!(
            "{} a year ({} over {RETENTION_VIEW_YEARS} years)",
            pct(value),
            pct(value.powi(i32::from(RETENTION_VIEW_YEARS)))
        ),
        (Unit::Retention, Lang::Zh) => format!(
            "每年{}（{RETENTION_VIEW_YEARS}年累计{}）",
            pct(value),
            pct(value.powi(i32::from(RETENTION_VIEW_YEARS)))
        ),
        (Unit::OfStartPerYear, Lang::En) => format!("{} of its {start} size a year", pct(value)),
        (Unit::OfStartPerYear, Lang::Zh) => format!("每年相当于{start}年规模的{}", pct(value)),
    }
}

/// The what-if parameters a reader sets (the sliders), as one line of text.
pub fn scenario_line(scenario: &Scenario, lang: Lang) -> String {
    let s = scenario.clamped();
    let parts: Vec<String> = Param::sliders()
        .map(|p| match lang {
            Lang::En => format!("{} {}", p.label(lang), cited_value(p, &s, lang)),
            Lang::Zh => format!("{}{}", p.label(lang), cited_value(p, &s, lang)),
        })
        .collect();
    match lang {
        Lang::En => format!("scenario: {}", parts.join("; ")),
        Lang::Zh => format!("情景：{}", parts.join("；")),
    }
}

/// A text citation and a BibTeX entry for a view.
///
/// `accessed` is the date the reader cites it (YYYY-MM-DD); `scenario` is given for the
/// What-if view.
pub fn citation(
    data: &Dataset,
    view_title: &str,
    link: &str,
    accessed: &str,
    scenario: Option<&Scenario>,
    datasets: &[&str],
    lang: Lang,
) -> (String, String) {
    let sources: Vec<String> = datasets
        .iter()
        .filter_map(|key| data.datasets.iter().find(|d| d.key == *key))
        .map(|d| match lang {
            Lang::En => format!("{} ({})", d.name(lang), d.publisher(lang)),
            Lang::Zh => format!("{}（{}）", d.name(lang), d.publisher(lang)),
        })
        .collect();
    let scenario = scenario.map(|s| scenario_line(s, lang));
    let year = accessed.get(..4).unwrap_or(accessed);
    let mut text = format!("{APP_TITLE}. \"{view_title}\". {link} (accessed {accessed}).");
    if let Some(line) = &scenario {
        text.push_str(&format!(" {line}."));
    }
    if !sources.is_empty() {
        text.push_str(&format!(" Sources: {}.", sources.join("; ")));
    }
    let mut note = scenario.unwrap_or_default();
    if !sources.is_empty() {
        if !note.is_empty() {
            note.push_str(". ");
        }
        note.push_str(&format!("Sources: {}", sources.join("; ")));
    }
    let escape = |s: &str| {
        s.replace(['{', '}'], "")
            .replace('%', "\\%")
            .replace('&', "\\&")
    };
    let mut note = format!("Accessed {accessed}. {note}");
    note.truncate(note.trim_end().len());
    let bibtex = format!(
        "@misc{{aitalentatlas{year},\n  title = {{{{{}}}: {}}},\n  howpublished = {{\\url{{{link}}}}},\n  year = {{{year}}},\n  note = {{{}}}\n}}",
        escape(APP_TITLE),
        escape(view_title),
        escape(&note),
    );
    (text, bibtex)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "2026-11-22",
            Some(&scenario),
            view_datasets(View::WhatIf),
            Lang::En,
        );
        // 0.9 a year over six years is 0.9^6 = 0.531441, shown as 53.1%.
        assert!(
            text.contains(
                "US retention of China-origin researchers 90.0% a year (53.1% over 6 years)"
            ),
            "{text}"
        );
        assert!(text.contains("who start work in the US 30.0%"), "{text}");
        assert!(text.contains("horizon 2040"), "{text}");
        // Growth: (2671 - 1428) / (3 × 1428) = 29.0% of the 2019 size a year.
        assert!(
            text.contains("growth of the top tier 29.0% of its 2019 size a year"),
            "{text}"
        );
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
        assert!(line.contains("推演至2040年"), "{line}");
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
