//! The story page at the site's root: headline, standfirst, and the key findings, each a
//! sentence built from the data pack with the chart that proves it.

use crate::figure::{figure, Style};
use crate::html::{bi, each};
use crate::layout::MAIN;
use crate::Site;
use maud::{html, Markup};
use talent_core::catalog::Chart;
use talent_core::copy::{self, Text};
use talent_core::layout::change::{interval, range_text, Point};
use talent_core::link::url_state::View;
use talent_core::series::changes::{self, Measure};
use talent_core::{format, Dataset, Lang};

/// A finding: its chart, heading, sentence and the page with the full chart.
pub struct Finding {
    /// The chart that proves it.
    pub chart: Chart,
    /// One line.
    pub title: Text,
    /// The sentence, filled from the data.
    pub sentence: fn(&Dataset, Lang) -> String,
    /// The full chart on its view's page.
    pub full: Chart,
}

fn pct(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(
        || copy::CHART_NOT_REPORTED.get(lang).to_string(),
        |v| {
            copy::UNIT_PERCENT.fill(
                lang,
                &[("n", &format::number(v, usize::from(v.fract() != 0.0), lang))],
            )
        },
    )
}

fn count(data: &Dataset, fact: &str, lang: Lang) -> String {
    data.number(fact)
        .map_or_else(String::new, |v| format::number(v, 0, lang))
}

fn year(data: &Dataset, fact: &str) -> String {
    data.fact(fact)
        .map_or_else(String::new, |f| f.year.to_string())
}

fn origin(data: &Dataset, lang: Lang) -> String {
    copy::FINDING_ORIGIN_SENTENCE.fill(
        lang,
        &[
            ("from", &pct(data.number("mp19_origin_share_china"), lang)),
            ("to", &pct(data.number("mp22_origin_share_china"), lang)),
            ("year_from", &year(data, "mp19_origin_share_china")),
            ("year_to", &year(data, "mp22_origin_share_china")),
        ],
    )
}

fn work(data: &Dataset, lang: Lang) -> String {
    copy::FINDING_WORK_SENTENCE.fill(
        lang,
        &[
            ("us_from", &pct(data.number("mp19_work_share_us"), lang)),
            ("us_to", &pct(data.number("mp22_work_share_us"), lang)),
            ("cn_from", &pct(data.number("mp19_work_share_china"), lang)),
            ("cn_to", &pct(data.number("mp22_work_share_china"), lang)),
        ],
    )
}

fn usinst(data: &Dataset, lang: Lang) -> String {
    copy::FINDING_USINST_SENTENCE.fill(
        lang,
        &[
            (
                "cn",
                &pct(data.number("mp22_us_inst_origin_share_china"), lang),
            ),
            (
                "us",
                &pct(data.number("mp22_us_inst_origin_share_us"), lang),
            ),
            (
                "cn_from",
                &pct(data.number("mp19_us_inst_origin_share_china"), lang),
            ),
            (
                "us_from",
                &pct(data.number("mp19_us_inst_origin_share_us"), lang),
            ),
            ("year_from", &year(data, "mp19_us_inst_origin_share_china")),
            ("year_to", &year(data, "mp22_us_inst_origin_share_china")),
        ],
    )
}

fn stay(data: &Dataset, lang: Lang) -> String {
    let range = match (
        data.number("cg25_still_us"),
        data.number("cg25_cohort_size"),
    ) {
        (Some(n), Some(total)) => interval(&Point {
            value: n / total * 100.0,
            sample: Some(total),
            sample_derived: false,
            detail: String::new(),
            fact: "cg25_still_us".into(),
        })
        .map_or_else(String::new, |i| range_text(i, lang)),
        _ => String::new(),
    };
    copy::FINDING_STAY_SENTENCE.fill(
        lang,
        &[
            ("total", &count(data, "cg25_cohort_size", lang)),
            ("n", &count(data, "cg25_still_us", lang)),
            ("cn", &count(data, "cg25_moved_china", lang)),
            ("year_from", &year(data, "cg25_cohort_size")),
            ("year_to", &year(data, "cg25_still_us")),
            ("range", &range),
        ],
    )
}

fn deepseek(data: &Dataset, lang: Lang) -> String {
    copy::FINDING_DEEPSEEK_SENTENCE.fill(
        lang,
        &[
            (
                "total",
                &count(data, "hv25_authors_with_affiliation_history", lang),
            ),
            ("n", &count(data, "hv25_never_left_china", lang)),
            ("us", &count(data, "hv25_us_ties", lang)),
        ],
    )
}

fn top100(data: &Dataset, lang: Lang) -> String {
    copy::FINDING_TOP100_SENTENCE.fill(
        lang,
        &[
            ("total", &count(data, "sh24_top100_sample_size", lang)),
            ("us", &count(data, "sh24_top100_us_count", lang)),
            ("cn", &count(data, "sh24_top100_china_count", lang)),
        ],
    )
}

/// The findings, in reading order.
pub const FINDINGS: [Finding; 6] = [
    Finding {
        chart: Chart::FindingOrigin,
        title: copy::FINDING_ORIGIN_TITLE,
        sentence: origin,
        full: Chart::Origin,
    },
    Finding {
        chart: Chart::FindingWork,
        title: copy::FINDING_WORK_TITLE,
        sentence: work,
        full: Chart::Work,
    },
    Finding {
        chart: Chart::FindingUsInst,
        title: copy::FINDING_USINST_TITLE,
        sentence: usinst,
        full: Chart::UsInst,
    },
    Finding {
        chart: Chart::FindingStay,
        title: copy::FINDING_STAY_TITLE,
        sentence: stay,
        full: Chart::CareersCarnegie,
    },
    Finding {
        chart: Chart::FindingDeepSeek,
        title: copy::FINDING_DEEPSEEK_TITLE,
        sentence: deepseek,
        full: Chart::CareersDeepSeek,
    },
    Finding {
        chart: Chart::FindingTop100,
        title: copy::FINDING_TOP100_TITLE,
        sentence: top100,
        full: Chart::Top100,
    },
];

/// Claims the findings make without a number, checked against the data: a change in
/// the data pack that made one false fails the bake instead of publishing it.
pub fn check_claims(data: &Dataset) -> Result<(), String> {
    let shares = |measure: Measure| changes::top_tier_change(data, measure, &[], Lang::En);
    let later =
        |row: &talent_core::layout::change::ChangeRow| row.to.as_ref().map_or(0.0, |p| p.value);
    let largest = |measure: Measure| {
        shares(measure)
            .rows
            .iter()
            .max_by(|a, b| later(a).total_cmp(&later(b)))
            .map(|r| r.key.clone())
    };
    if largest(Measure::Origin).as_deref() != Some("cn") {
        return Err("the story says China trains the most top-tier researchers; the data no longer shows it".into());
    }
    if largest(Measure::Work).as_deref() != Some("us") {
        return Err("the story says the US employs the most top-tier researchers; the data no longer shows it".into());
    }
    let us_inst = changes::us_institutions_change(data, &["cn", "us"], Lang::En);
    if let [cn, us] = us_inst.rows.as_slice() {
        if let (Some(a), Some(b)) = (&cn.to, &us.to) {
            let gap = talent_core::model::sampling::change(
                (b.value / 100.0, b.sample.unwrap_or(0.0)),
                (a.value / 100.0, a.sample.unwrap_or(0.0)),
            );
            if gap.is_some_and(|g| g.excludes_zero()) {
                return Err("the story says the China/US gap at US institutions is within the sampling error; it no longer is".into());
            }
        }
    }
    Ok(())
}

/// The story page's main element.
pub fn body(site: &Site, prefix: &str) -> Result<Markup, String> {
    check_claims(site.data)?;
    let mut sections = Vec::new();
    for finding in &FINDINGS {
        let plans = crate::figure::write_pictures(site, finding.chart)?;
        let view = finding.full.view();
        sections.push(html! {
            section.finding id={ "f-" (finding.chart.code()) } {
                h2 { (bi(finding.title)) }
                p.finding-sentence { (each(|lang| (finding.sentence)(site.data, lang))) }
                (figure(site, finding.chart, &plans, &MAIN, prefix, Style::Finding))
                p.more {
                    a href={ (prefix) (view.path()) "#" (finding.full.code()) } data-view=(view.code()) {
                        (bi(copy::CHART_FULL_CHART)) " →"
                    }
                }
            }
        });
    }
    Ok(html! {
        main id="main" tabindex="-1" {
            article.story {
                header.story-head {
                    p.kicker { (bi(copy::STORY_KICKER)) }
                    h1 { (bi(copy::STORY_HEADLINE)) }
                    p.standfirst { (bi(copy::STORY_STANDFIRST)) }
                    p.method-note { (bi(copy::STORY_METHOD_NOTE)) }
                }
                @for s in sections { (s) }
                nav.explore aria-labelledby="explore-label" {
                    h2 id="explore-label" { (bi(copy::STORY_MORE)) }
                    ul {
                        li { a href={ (prefix) "countries/" } data-view="countries" { (bi(copy::STORY_MORE_COUNTRIES)) } }
                        li { a href={ (prefix) "flows/" } data-view="flows" { (bi(copy::STORY_MORE_FLOWS)) } }
                        li { a href={ (prefix) "whatif/" } data-view="whatif" { (bi(copy::STORY_MORE_WHATIF)) } }
                        li { a href={ (prefix) "sources/" } data-view="sources" { (bi(copy::STORY_MORE_SOURCES)) } }
                    }
                }
            }
            (super::share::section(site, View::Story, prefix))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_findings_read_their_numbers_from_the_data_pack() {
        let data = Dataset::embedded();
        let s = origin(data, Lang::En);
        assert!(
            s.contains(&format!(
                "{}%",
                data.number("mp19_origin_share_china").expect("fact")
            )),
            "{s}"
        );
        assert!(
            s.contains(&format!(
                "{}%",
                data.number("mp22_origin_share_china").expect("fact")
            )),
            "{s}"
        );
        let z = stay(data, Lang::Zh);
        // 87 of 100: Wilson 79.0% to 92.2%.
        assert!(z.contains("87人") && z.contains("79.0%至92.2%"), "{z}");
        for f in &FINDINGS {
            for lang in [Lang::En, Lang::Zh] {
                let text = (f.sentence)(data, lang);
                assert!(!text.contains('{'), "{text}");
            }
        }
        check_claims(data).expect("the story's claims hold");
    }
}
