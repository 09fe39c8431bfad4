//! The Subfields page: the Shanghai brief's statements per subfield as a matrix (it gives
//! no counts, so there is nothing to plot), the charts of the catalogue, and Table 1 itself
//! with names in both scripts.

use crate::html::{bi, each, pair};
use crate::Site;
use maud::{html, Markup};
use talent_core::copy::{self, Text};
use talent_core::data::labels::label;
use talent_core::series::subfields::{shanghai_scholars, us_china_standings, Standing};
use talent_core::Lang;

const STANDINGS: [(Standing, Text, &str); 4] = [
    (Standing::UsLead, copy::SUBFIELDS_US_LEAD, "us"),
    (Standing::Tie, copy::SUBFIELDS_TIE, "tie"),
    (Standing::ChinaStrong, copy::SUBFIELDS_CHINA_STRONG, "cn"),
    (Standing::ChinaNone, copy::SUBFIELDS_CHINA_NONE, "none"),
];

/// The matrix of the brief's statements: subfields as rows, kinds of statement as columns.
pub fn standings(site: &Site, prefix: &str) -> Markup {
    let standings = us_china_standings(site.data);
    let mut subfields: Vec<&'static str> = Vec::new();
    for s in &standings {
        if !subfields.contains(&s.subfield) {
            subfields.push(s.subfield);
        }
    }
    html! {
        figure.chart.matrix-figure id="standings" aria-labelledby="standings-title" {
            div.chart-head {
                h2 id="standings-title" { (bi(copy::SUBFIELDS_MATRIX_TITLE)) }
                p.subtitle { (bi(copy::SUBFIELDS_MATRIX_SUBTITLE)) }
            }
            div.table-wrap tabindex="0" role="region" aria-labelledby="standings-title" {
                table.matrix {
                    thead {
                        tr {
                            th scope="col" { (bi(copy::SUBFIELDS_SUBFIELD)) }
                            @for (_, name, _) in STANDINGS { th scope="col" { (bi(name)) } }
                        }
                    }
                    tbody {
                        @for subfield in &subfields {
                            tr {
                                th scope="row" { (each(|l| label(subfield, l).to_string())) }
                                @for (kind, name, class) in STANDINGS {
                                    @let marked = standings.iter().any(|s| s.subfield == *subfield && s.standing == kind);
                                    td.mark.(class) {
                                        @if marked {
                                            span aria-hidden="true" { "●" }
                                            span.visually-hidden { (bi(name)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            figcaption {
                ul.notes { li { (bi(copy::SUBFIELDS_MATRIX_NOTE)) } }
                p.source {
                    (bi(copy::CHART_SOURCE)) (pair(": ", "："))
                    (each(|l| talent_core::catalog::source_line(site.data, &["aminer_shanghai_2024"], l)))
                    " · "
                    a href={ (prefix) "sources/" } data-view="sources" { (bi(copy::CHART_SOURCES_LINK)) }
                }
            }
        }
    }
}

/// Table 1 of the brief, and the subfields its text says Shanghai has none in.
pub fn scholars(site: &Site) -> Markup {
    let data = site.data;
    let scholars = shanghai_scholars(data);
    let zero: Vec<&'static str> = [
        "robotics",
        "knowledge_engineering",
        "information_retrieval",
        "hci",
    ]
    .into_iter()
    .filter(|key| {
        let id = match *key {
            "hci" => "sh24_shanghai_count_human_computer_interaction".to_string(),
            other => format!("sh24_shanghai_count_{other}"),
        };
        data.number(&id) == Some(0.0)
    })
    .collect();
    let sector = |industry: bool, lang: Lang| {
        label(if industry { "industry" } else { "academia" }, lang).to_string()
    };
    html! {
        section.scholars aria-labelledby="scholars-heading" {
            h2 id="scholars-heading" { (bi(copy::SUBFIELDS_SCHOLARS_HEADING)) }
            div.table-wrap tabindex="0" role="region" aria-labelledby="scholars-heading" {
                table.scholar-table {
                    thead {
                        tr {
                            th scope="col" { (bi(copy::SUBFIELDS_SUBFIELD)) }
                            th scope="col" { (bi(copy::SUBFIELDS_RANK)) }
                            th scope="col" { (bi(copy::SUBFIELDS_NAME)) }
                            th scope="col" { (bi(copy::SUBFIELDS_INSTITUTION)) }
                            th scope="col" { (bi(copy::SUBFIELDS_SECTOR)) }
                        }
                    }
                    tbody {
                        @for s in &scholars {
                            tr {
                                td { (each(|l| label(s.subfield, l).to_string())) }
                                td { (s.rank) }
                                th scope="row" { span lang="zh-Hans" { (s.name_zh) } " " span lang="en" { (s.name_pinyin) } }
                                td { (each(|l| s.institution(l).to_string())) }
                                td { (each(|l| sector(s.industry, l))) }
                            }
                        }
                    }
                }
            }
            h3 { (bi(copy::SUBFIELDS_NONE_HEADING)) }
            ul.inline-list {
                @for key in &zero { li { (each(|l| label(key, l).to_string())) } }
            }
            p.caveat { (bi(copy::SUBFIELDS_NONE_NOTE)) }
        }
    }
}
