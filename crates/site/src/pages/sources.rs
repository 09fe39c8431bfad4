//! The Sources & method page, built for a reader who wants to use the numbers:
//!
//! 1. "How to read these numbers": who each source counts and how many, what origin and
//!    work country mean, why a yearly sample is not a stock, and how sampling error and
//!    derived figures are shown, every number filled from the data pack;
//! 2. the discrepancies that change the story (severity high, or a contradiction), each
//!    with its account and, where the app checks it, the app's own arithmetic;
//! 3. everything else collapsed, one `<details>` per section: the articles checked, the
//!    reports, every figure (a table per report), the derived figures, the other notes,
//!    what was not found, and the what-if model's equations.
//!
//! [`source_notes`] is the collapsed "Notes on the sources" line under a chart.
//! Machine ids appear only in `data-*` attributes, never as text; anchors are numbered.

use crate::html::{bi, code, each, each_markup, pair, tag};
use crate::shell::nav_label;
use crate::Site;
use maud::{html, Markup};
use talent_core::catalog::Chart;
use talent_core::copy::{self, Text};
use talent_core::data::labels::label;
use talent_core::data::{Confidence, DatasetInfo, Discrepancy, FactValue, Qualifier, Seed, Status};
use talent_core::link::url_state::View;
use talent_core::model::checks::{self, all_checks, kind_code, kind_name, Check, SourceNote};
use talent_core::model::derived::all_derived;
use talent_core::model::projection::{EQUATIONS_EN, EQUATIONS_ZH};
use talent_core::model::sampling::{change, wilson};
use talent_core::series::changes::sample_size;
use talent_core::series::countries::Tier;
use talent_core::series::display::qualified;
use talent_core::{format, Dataset, Fact, Lang};

/// The page's `<main>`.
pub fn body(site: &Site, prefix: &str) -> Result<Markup, String> {
    let data = site.data;
    let checks = all_checks(data);
    let (story, others): (Vec<&Discrepancy>, Vec<&Discrepancy>) = data
        .discrepancies
        .iter()
        .partition(|d| checks::changes_the_story(d));
    // Contradictions first: they are what a reader must not miss.
    let story = talent_core::order::sorted(story, &|a: &&Discrepancy, b: &&Discrepancy| {
        let red = |d: &Discrepancy| d.kind != talent_core::data::DiscrepancyKind::Contradiction;
        red(a).cmp(&red(b))
    });
    if story.is_empty() {
        return Err("the data pack has no discrepancy that changes the story".into());
    }
    let own = |d: &Discrepancy| -> Vec<&Check> {
        checks.iter().filter(|c| c.discrepancy == d.id).collect()
    };
    Ok(html! {
        main id="main" tabindex="-1" {
            article.view.sources-page data-view=(View::Sources.code()) {
                h1 { (bi(nav_label(View::Sources))) }
                p.intro { (bi(copy::VIEW_SOURCES_INTRO)) }
                (how_to_read(data))
                section.story-notes aria-labelledby="story-notes" {
                    h2 id="story-notes" { (bi(copy::SOURCES_STORY_HEADING)) }
                    p.section-intro { (bi(copy::SOURCES_STORY_INTRO)) }
                    @for d in &story { (discrepancy(data, d, &own(d), 3)) }
                }
                section.reference aria-labelledby="reference" {
                    h2 id="reference" { (bi(copy::SOURCES_REFERENCE)) }
                    p.section-intro { (bi(copy::SOURCES_REFERENCE_INTRO)) }
                    (seeds(data))
                    (datasets(data))
                    (figures(data))
                    (derived(data))
                    (collapsed("other-notes", count(copy::SOURCES_REFERENCE_OTHERS, others.len()), html! {
                        @for d in &others { (discrepancy(data, d, &own(d), 4)) }
                    }))
                    (collapsed("not-found", count(copy::SOURCES_REFERENCE_NOT_FOUND, data.not_found.len()), html! {
                        ul.plain-list {
                            @for nf in &data.not_found {
                                li data-not-found=(nf.key) { (each(|l| nf.detail(l).to_owned())) }
                            }
                        }
                    }))
                    (collapsed("model", bi(copy::SOURCES_REFERENCE_MODEL), html! {
                        @for (lang, text) in [(Lang::En, EQUATIONS_EN), (Lang::Zh, EQUATIONS_ZH)] {
                            pre.equations lang=(tag(lang)) data-l=(code(lang)) { (subscripts(text)) }
                        }
                    }))
                }
                p.back-to-top { a href={ (prefix) "sources/#main" } { (bi(copy::SOURCES_BACK_TO_TOP)) } }
            }
            (super::share::section(site, View::Sources, prefix))
        }
    })
}

/// The model's plain-text equations with their subscripts set as subscripts: `W_US`
/// becomes W<sub>US</sub>, `Σ_o` Σ<sub>o</sub> (a subscript is the run of letters and
/// digits after `_`).
fn subscripts(text: &str) -> Markup {
    let mut parts = text.split('_');
    let first = parts.next().unwrap_or_default();
    html! {
        (first)
        @for part in parts {
            @let end = part.find(|c: char| !c.is_alphanumeric()).unwrap_or(part.len());
            sub { (&part[..end]) } (&part[end..])
        }
    }
}

/// A heading with a count, in both languages: "The reports (22)".
fn count(text: Text, n: usize) -> Markup {
    each(|l| text.fill(l, &[("n", &n.to_string())]))
}

/// One collapsed section of the reference part.
fn collapsed(id: &str, summary: Markup, content: Markup) -> Markup {
    html! {
        details.reference-section id=(id) {
            summary { h3 { (summary) } }
            div.reference-body { (content) }
        }
    }
}

/// A percentage with the decimals it needs, as the source gives it: "29%", "61.4%".
fn pct(value: f64, lang: Lang) -> String {
    copy::UNIT_PERCENT.fill(lang, &[("n", &format::exact(value, lang))])
}

/// A whole number with thousands grouped: "52,000".
fn whole(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(
        || copy::CHART_NOT_REPORTED.get(lang).to_owned(),
        |v| format::number(v, 0, lang),
    )
}

/// A fact's reference year, or nothing.
fn year(data: &Dataset, id: &str) -> String {
    data.fact(id)
        .map_or_else(String::new, |f| f.year.to_string())
}

/// A stated number of `data/stated.toml`, as the source gives it.
fn stated(key: &str, lang: Lang) -> String {
    checks::stated(key).map_or_else(
        || copy::CHART_NOT_REPORTED.get(lang).to_owned(),
        |s| format::exact(s.value, lang),
    )
}

/// "How to read these numbers": half a page, every number from the data pack.
fn how_to_read(data: &Dataset) -> Markup {
    let macropolo = |lang: Lang| {
        let papers = data.number("mp22_sample_papers");
        // The 2022 sample comes from a secondary summary: the sentence says so.
        let secondary = data
            .fact("mp22_sample_papers")
            .filter(|f| f.confidence == Confidence::Low)
            .map_or("", |_| copy::SOURCES_READ_SECONDARY.get(lang));
        copy::SOURCES_READ_MACROPOLO.fill(
            lang,
            &[
                ("top_share", &stated("top_tier_share_of_field", lang)),
                (
                    "n2019",
                    &whole(sample_size(data, 2019, Tier::TopTier), lang),
                ),
                ("y2019", &year(data, "mp19_sample_size")),
                (
                    "n2022",
                    &whole(sample_size(data, 2022, Tier::TopTier), lang),
                ),
                ("papers2022", &whole(papers, lang)),
                ("y2022", &year(data, "mp22_sample_papers")),
                ("elite2019", &stated("elite_share_of_field_2019", lang)),
                ("elite2022", &stated("elite_share_of_field_2022", lang)),
                ("secondary", secondary),
            ],
        )
    };
    let carnegie = |lang: Lang| {
        copy::SOURCES_READ_CARNEGIE.fill(
            lang,
            &[
                ("cohort", &whole(data.number("cg25_cohort_size"), lang)),
                ("y2019", &year(data, "cg25_cohort_size")),
                ("y2025", &year(data, "cg25_still_us")),
            ],
        )
    };
    let hoover = |lang: Lang| {
        copy::SOURCES_READ_HOOVER.fill(
            lang,
            &[
                ("total", &whole(data.number("hv25_authors_total"), lang)),
                (
                    "careers",
                    &whole(data.number("hv25_authors_with_affiliation_history"), lang),
                ),
                (
                    "citations",
                    &whole(data.number("hv25_authors_with_data"), lang),
                ),
            ],
        )
    };
    let aminer = |lang: Lang| {
        copy::SOURCES_READ_AMINER.fill(
            lang,
            &[
                ("per", &whole(Some(checks::AI2000_PER_SUBFIELD), lang)),
                ("subfields", &whole(Some(checks::AI2000_SUBFIELDS), lang)),
                ("places", &whole(Some(checks::AI2000_PLACES), lang)),
                ("top", &whole(data.number("sh24_top100_sample_size"), lang)),
            ],
        )
    };
    let counts = |lang: Lang| {
        copy::SOURCES_READ_COUNTS.fill(
            lang,
            &[
                (
                    "china_itpo",
                    &whole(data.number("itpo_china_researchers_2024"), lang),
                ),
                (
                    "us_itpo",
                    &whole(data.number("itpo_us_researchers_2024"), lang),
                ),
                ("y2024", &year(data, "itpo_china_researchers_2024")),
                (
                    "china_ds",
                    &whole(data.number("ds25_china_active_ai_researchers"), lang),
                ),
            ],
        )
    };
    let counted: [(Text, &dyn Fn(Lang) -> String); 5] = [
        (copy::SOURCES_NAME_MACROPOLO, &macropolo),
        (copy::SOURCES_NAME_CARNEGIE, &carnegie),
        (copy::SOURCES_NAME_HOOVER, &hoover),
        (copy::SOURCES_NAME_AMINER, &aminer),
        (copy::SOURCES_NAME_COUNTS, &counts),
    ];
    let retention = all_derived(data)
        .into_iter()
        .find(|d| d.id == "carnegie_yearly_retention");
    html! {
        section.how-to-read aria-labelledby="how-to-read" {
            h2 id="how-to-read" { (bi(copy::SOURCES_READ_HEADING)) }
            p { (bi(copy::SOURCES_READ_LEAD)) }
            h3 { (bi(copy::SOURCES_READ_COUNTS_HEADING)) }
            ul.read-counts {
                @for (name, sentence) in counted {
                    li { strong { (bi(name)) } (pair(": ", "：")) (each(sentence)) }
                }
            }
            p { (bi(copy::SOURCES_READ_ORIGIN)) }
            p { (bi(copy::SOURCES_READ_WORK)) }
            p { (bi(copy::SOURCES_READ_STOCK)) }
            p { (each(|l| sampling_error(data, l))) }
            @if let Some(d) = retention {
                p { (each(|l| copy::SOURCES_READ_DERIVED.fill(l, &[("formula", d.formula.get(l))]))) }
            }
        }
    }
}

/// The sampling-error paragraph, with MacroPolo's China-origin share as the example: its
/// Wilson interval in 2019 and Newcombe's interval for the change to 2022.
fn sampling_error(data: &Dataset, lang: Lang) -> String {
    let first = data.number("mp19_origin_share_china");
    let second = data.number("mp22_origin_share_china");
    let (n1, n2) = (
        sample_size(data, 2019, Tier::TopTier),
        sample_size(data, 2022, Tier::TopTier),
    );
    let (Some(a), Some(b), Some(n1), Some(n2)) = (first, second, n1, n2) else {
        return String::new();
    };
    let (Some(one), Some(moved)) = (
        wilson(a / 100.0, n1),
        change((a / 100.0, n1), (b / 100.0, n2)),
    ) else {
        return String::new();
    };
    let points = |x: f64| format::signed(x * 100.0, 1, lang);
    let share = |x: f64| format::percent(x * 100.0, 1, lang);
    let verdict = if moved.excludes_zero() {
        copy::CHANGE_BEYOND_ERROR
    } else {
        copy::CHANGE_WITHIN_ERROR
    };
    copy::SOURCES_READ_ERROR.fill(
        lang,
        &[
            ("share", &pct(a, lang)),
            ("n", &whole(Some(n1), lang)),
            ("year", &year(data, "mp19_origin_share_china")),
            ("low", &share(one.low)),
            ("high", &share(one.high)),
            ("share2", &pct(b, lang)),
            ("year2", &year(data, "mp22_origin_share_china")),
            ("change", &points(moved.estimate)),
            ("change_low", &points(moved.low)),
            ("change_high", &points(moved.high)),
            ("verdict", verdict.get(lang)),
        ],
    )
}

/// The anchor of a discrepancy on this page: its place in the pack, numbered from 1.
fn anchor(data: &Dataset, discrepancy: &Discrepancy) -> String {
    let at = data
        .discrepancies
        .iter()
        .position(|d| d.id == discrepancy.id)
        .map_or(0, |i| i + 1);
    format!("note-{at}")
}

/// One discrepancy: title, kind, account, and the app's checks of it.
fn discrepancy(data: &Dataset, d: &Discrepancy, checks: &[&Check], level: u8) -> Markup {
    let title = each(|l| d.title(l).to_owned());
    html! {
        article.discrepancy id=(anchor(data, d)) data-discrepancy=(d.id) data-kind=(kind_code(d.kind)) {
            @if level == 3 { h3 { (title) } } @else { h4 { (title) } }
            p.kind { span.badge { (bi(kind_name(d.kind))) } }
            p.account { (each(|l| d.description(l).to_owned())) }
            @if !checks.is_empty() {
                div.app-check {
                    p.app-check-title { (bi(copy::SOURCES_APP_CHECK)) }
                    ul { @for c in checks { (check(c)) } }
                }
            }
        }
    }
}

/// One check: its verdict, what is checked, the working and what it shows.
fn check(c: &Check) -> Markup {
    html! {
        li.check data-check=(c.key) data-verdict=(c.verdict.code()) {
            p.check-head {
                span.verdict { (bi(c.verdict.name())) }
                " "
                span.check-label { (each(|l| c.label.get(l).to_owned())) }
            }
            p.working { (each(|l| c.working.get(l).to_owned())) }
            p.reading { (each(|l| c.reading.get(l).to_owned())) }
        }
    }
}

/// "12 April 2024", "2024年4月12日"; `None` unless the date is `YYYY-MM-DD`.
fn date(iso: &str, lang: Lang) -> Option<String> {
    Some(talent_core::format::Date::parse(iso)?.written(lang))
}

/// The credits of the reports a seed's figures belong to, each once:
/// "MacroPolo (2020); Carnegie (2025)".
fn cited_reports(data: &Dataset, seed: &Seed, lang: Lang) -> String {
    let mut credits: Vec<&str> = Vec::new();
    for d in data
        .datasets
        .iter()
        .filter(|d| d.seeds.contains(&seed.file))
    {
        if !credits.contains(&d.credit(lang)) {
            credits.push(d.credit(lang));
        }
    }
    credits.join(copy::LIST_SEPARATOR.get(lang))
}

/// The seed documents, each by its headline (never by its number).
fn seeds(data: &Dataset) -> Markup {
    let given = |s: &str, missing: Text, lang: Lang| {
        if s.is_empty() {
            missing.get(lang).to_owned()
        } else {
            s.to_owned()
        }
    };
    let title = copy::SOURCES_REFERENCE_SEEDS;
    collapsed(
        "articles",
        count(title, data.seeds.len()),
        html! {
            p { (bi(copy::SOURCES_REFERENCE_SEEDS_INTRO)) }
            ul.plain-list.seeds {
                @for seed in &data.seeds {
                    li data-seed=(seed.file) {
                        (each_markup(|l| match (l, seed.title.is_empty()) {
                            (Lang::En, true) => html! { cite { (seed.title_en) } },
                            (Lang::En, false) => html! {
                                cite { (seed.title_en) } " (" cite.verbatim lang="zh" { (seed.title) } ")"
                            },
                            (Lang::Zh, true) => html! { (copy::SOURCES_UNTITLED.get(Lang::Zh)) },
                            (Lang::Zh, false) => html! { "《" cite.verbatim lang="zh" { (seed.title) } "》" },
                        }))
                        br;
                        (each(|l| {
                            let outlet = match l { Lang::En => &seed.outlet_en, Lang::Zh => &seed.outlet };
                            let when = date(&seed.date, l)
                                .unwrap_or_else(|| copy::SOURCES_DATE_NOT_GIVEN.get(l).to_owned());
                            let outlet = given(outlet, copy::SOURCES_OUTLET_NOT_GIVEN, l);
                            format!("{outlet}{}{when}", copy::LIST_SEPARATOR.get(l))
                        }))
                        br;
                        (each(|l| copy::SOURCES_FIGURES_IN.fill(l, &[("reports", &cited_reports(data, seed, l))])))
                        @if !seed.url.is_empty() {
                            " · " a href=(seed.url) rel="noopener" { (bi(copy::SOURCES_LINK)) }
                        }
                    }
                }
            }
        },
    )
}

/// The reports, with their publisher, what they measure and their address.
fn datasets(data: &Dataset) -> Markup {
    collapsed(
        "reports",
        count(copy::SOURCES_REFERENCE_DATASETS, data.datasets.len()),
        html! {
            ul.plain-list.reports {
                @for d in &data.datasets {
                    li data-dataset=(d.key) {
                        strong { (each(|l| d.name(l).to_owned())) }
                        br;
                        span.publisher { (each(|l| d.publisher(l).to_owned())) }
                        br;
                        (each(|l| d.description(l).to_owned()))
                        @if !d.url.is_empty() {
                            " " a href=(d.url) rel="noopener" { (bi(copy::SOURCES_LINK)) }
                        }
                    }
                }
            }
        },
    )
}

/// The words for how far a figure was checked.
const fn status(s: Status) -> Text {
    match s {
        Status::Seed => copy::SOURCES_STATUS_SEED,
        Status::SeedVerified => copy::SOURCES_STATUS_SEED_VERIFIED,
        Status::SeedConflict => copy::SOURCES_STATUS_SEED_CONFLICT,
        Status::Supplementary => copy::SOURCES_STATUS_SUPPLEMENTARY,
    }
}

/// The words for how far a figure can be trusted.
const fn confidence(c: Confidence) -> Text {
    match c {
        Confidence::High => copy::SOURCES_CONFIDENCE_HIGH,
        Confidence::Medium => copy::SOURCES_CONFIDENCE_MEDIUM,
        Confidence::Low => copy::SOURCES_CONFIDENCE_LOW,
    }
}

/// A figure's value as a reader reads it: the number with its unit in words and the
/// source's qualifier ("under 10,000", "66.7%", "No. 53"); a value stated in words
/// says so (the words are the curator's English and stay in the downloads).
fn value_text(fact: &Fact, lang: Lang) -> String {
    let v = match &fact.value {
        FactValue::Number(v) => *v,
        FactValue::List(items) => return list_text(items, lang),
        FactValue::Text(_) => return copy::SOURCES_STATED_IN_WORDS.get(lang).to_owned(),
    };
    let unit = fact.unit.as_str();
    let with = |text: Text, n: f64| text.fill(lang, &[("n", &format::exact(n, lang))]);
    let starts = |prefix: &str| unit.starts_with(prefix);
    let text = if starts("fraction") {
        pct(v * 100.0, lang)
    } else if starts("percentage points") {
        with(copy::SOURCES_UNIT_POINTS, v)
    } else if starts("percent") || unit == "top percent" {
        pct(v, lang)
    } else if starts("global rank") || starts("rank") {
        with(copy::SOURCES_UNIT_RANK, v)
    } else if unit == "year" {
        // A calendar year is not grouped: 2023, not 2,023.
        format!("{v:.0}")
    } else if starts("years") || unit == "consecutive years" {
        with(copy::SOURCES_UNIT_YEARS, v)
    } else if unit == "days" {
        with(copy::SOURCES_UNIT_DAYS, v)
    } else if starts("papers") || unit == "publications" {
        with(copy::SOURCES_UNIT_PAPERS, v)
    } else if starts("institutions") || starts("universities") {
        with(copy::SOURCES_UNIT_INSTITUTIONS, v)
    } else if starts("ratio") || starts("x ") {
        with(copy::SOURCES_UNIT_TIMES, v)
    } else if starts("million USD") {
        // Chinese counts large sums in 亿 (100 million): 926 million is 9.26亿.
        let n = if lang == Lang::Zh { v / 100.0 } else { v };
        with(copy::SOURCES_UNIT_MUSD, n)
    } else {
        with(copy::SOURCES_UNIT_NUMBER, v)
    };
    qualified(
        text,
        fact.qualifier.filter(|q| *q != Qualifier::Exact),
        lang,
    )
}

/// The text that most of `facts` share (first in file order among equals), if at least
/// two share it: said once above a table instead of in every row.
fn most_common<'a>(facts: &[&'a Fact], text: impl Fn(&'a Fact) -> &'a str) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for f in facts {
        let t = text(f);
        let n = facts.iter().filter(|g| text(g) == t).count();
        if n >= 2 && best.is_none_or(|(_, m)| n > m) {
            best = Some((t, n));
        }
    }
    best.map(|(t, _)| t)
}

/// The label keys of the subfields and countries a list value can name.
const LIST_NAMES: [&str; 16] = [
    "machine_learning",
    "computer_vision",
    "nlp",
    "speech",
    "information_retrieval",
    "multimedia",
    "robotics",
    "knowledge_engineering",
    "hci",
    "data_mining",
    "us",
    "cn",
    "uk",
    "ca",
    "de",
    "jp",
];

/// A list value (subfields, countries) in the reader's language, when every item is a
/// name the app has in both languages; otherwise "stated in words".
fn list_text(items: &[String], lang: Lang) -> String {
    let named: Option<Vec<&str>> = items
        .iter()
        .map(|item| {
            LIST_NAMES
                .iter()
                .find(|key| label(key, Lang::En).eq_ignore_ascii_case(item))
                .map(|key| label(key, lang))
        })
        .collect();
    named.map_or_else(
        || copy::SOURCES_STATED_IN_WORDS.get(lang).to_owned(),
        |names| names.join(copy::LIST_SEPARATOR.get(lang)),
    )
}

/// Every figure, a table per report.
fn figures(data: &Dataset) -> Markup {
    let columns = [
        copy::SOURCES_COLUMN_FIGURE,
        copy::SOURCES_COLUMN_VALUE,
        copy::SOURCES_COLUMN_YEAR,
        copy::SOURCES_COLUMN_POPULATION,
        copy::SOURCES_COLUMN_SOURCE,
        copy::SOURCES_COLUMN_CONFIDENCE,
        copy::SOURCES_COLUMN_STATUS,
        copy::SOURCES_COLUMN_NOTE,
    ];
    let report = |d: &DatasetInfo| -> Markup {
        let facts: Vec<&Fact> = data.facts_of(&d.key).collect();
        let at = data
            .datasets
            .iter()
            .position(|x| x.key == d.key)
            .map_or(0, |i| i + 1);
        let heading = format!("figures-{at}");
        // The source and the population most rows share are said once, above the table.
        let source = most_common(&facts, |f| f.source(Lang::En));
        let population = most_common(&facts, |f| f.population(Lang::En));
        let shared = |text: &str, common: Option<&str>| common == Some(text);
        html! {
            @if !facts.is_empty() {
                section.figure-table aria-labelledby=(heading) data-dataset=(d.key) {
                    h4 id=(heading) {
                        (each(|l| d.name(l).to_owned()))
                        " "
                        span.figure-count { (count(copy::SOURCES_FIGURES_OF, facts.len())) }
                    }
                    @if let Some(f) = facts.iter().find(|f| shared(f.source(Lang::En), source)) {
                        p.table-common { (each(|l| copy::SOURCES_COMMON_SOURCE.fill(l, &[("source", f.source(l))]))) }
                    }
                    @if let Some(f) = facts.iter().find(|f| shared(f.population(Lang::En), population)) {
                        p.table-common { (each(|l| copy::SOURCES_COMMON_POPULATION.fill(l, &[("population", f.population(l))]))) }
                    }
                    div.table-wrap tabindex="0" role="region" aria-labelledby=(heading) {
                        table.figures {
                            thead { tr { @for c in columns { th scope="col" { (bi(c)) } } } }
                            tbody {
                                @for f in &facts {
                                    tr data-fact=(f.id) {
                                        th scope="row" { (each(|l| f.label(l).to_owned())) }
                                        td.value { (each(|l| value_text(f, l))) }
                                        td { (f.year) }
                                        td {
                                            @if shared(f.population(Lang::En), population) {
                                                (bi(copy::SOURCES_AS_ABOVE))
                                            } @else {
                                                (each(|l| f.population(l).to_owned()))
                                            }
                                        }
                                        td {
                                            @if shared(f.source(Lang::En), source) {
                                                (bi(copy::SOURCES_AS_ABOVE))
                                            } @else {
                                                (each(|l| f.source(l).to_owned()))
                                            }
                                            @if !f.url.is_empty() {
                                                " " a href=(f.url) rel="noopener" { (bi(copy::SOURCES_LINK)) }
                                            }
                                        }
                                        td { (bi(confidence(f.confidence))) }
                                        td { (bi(status(f.status))) }
                                        td { @if f.note.is_some() { (each(|l| f.note(l).unwrap_or_default().to_owned())) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    collapsed(
        "figures",
        count(copy::SOURCES_REFERENCE_FIGURES, data.facts.len()),
        html! {
            p { (bi(copy::SOURCES_REFERENCE_FIGURES_INTRO)) }
            @for d in &data.datasets { (report(d)) }
        },
    )
}

/// The derived figures with their formulas and comparisons.
fn derived(data: &Dataset) -> Markup {
    let all = all_derived(data);
    collapsed(
        "derived",
        count(copy::SOURCES_REFERENCE_DERIVED, all.len()),
        html! {
            p { (bi(copy::SOURCES_REFERENCE_DERIVED_INTRO)) }
            ul.plain-list {
                @for d in &all {
                    li data-derived=(d.id) {
                        strong { (each(|l| d.label.get(l).to_owned())) }
                        p.working { (each(|l| d.formula.get(l).to_owned())) }
                        @if let Some(c) = &d.comparison {
                            p.reading { (each(|l| c.get(l).to_owned())) }
                        }
                    }
                }
            }
        },
    )
}

/// The collapsed "Notes on the sources" line under a chart: how many notes concern its
/// datasets and how many are contradictions, each linked to its account on this page.
/// Empty when no note concerns the chart. `prefix` leads from the chart's page to the
/// site's root.
pub fn source_notes(site: &Site, chart: Chart, prefix: &str) -> Markup {
    let notes = checks::notes_on(site.data, chart.datasets());
    if notes.is_empty() {
        return html! {};
    }
    let red = notes.iter().filter(|n| n.is_contradiction()).count();
    let summary = |lang: Lang| {
        let n = notes.len().to_string();
        let k = red.to_string();
        let head = if notes.len() == 1 {
            copy::SOURCES_NOTES_ONE
        } else {
            copy::SOURCES_NOTES_MANY
        };
        let tail = match red {
            0 => String::new(),
            1 => copy::SOURCES_NOTES_ONE_CONTRADICTION.fill(lang, &[("n", &k)]),
            _ => copy::SOURCES_NOTES_CONTRADICTIONS.fill(lang, &[("n", &k)]),
        };
        format!("{}{tail}", head.fill(lang, &[("n", &n)]))
    };
    html! {
        details.source-notes data-notes=(notes.len()) data-contradictions=(red) {
            summary { (each(summary)) }
            ul {
                @for note in &notes { (note_line(site.data, note, prefix)) }
            }
            p.all-notes { a href={ (prefix) "sources/#story-notes" } data-view="sources" { (bi(copy::SOURCES_ALL_NOTES)) } }
        }
    }
}

/// One line of [`source_notes`]: the kind, and the title linked to its account.
fn note_line(data: &Dataset, note: &SourceNote, prefix: &str) -> Markup {
    let d = note.discrepancy;
    let kind = if note.is_contradiction() {
        kind_name(talent_core::data::DiscrepancyKind::Contradiction)
    } else {
        kind_name(d.kind)
    };
    html! {
        li data-kind=(kind_code(d.kind)) data-contradiction[note.is_contradiction()] {
            span.badge { (bi(kind)) }
            " "
            a href={ (prefix) "sources/#" (anchor(data, d)) } data-view="sources" { (each(|l| d.title(l).to_owned())) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::reading::{pairs, text_of};
    use talent_core::data::typography::english_problems;

    fn site() -> Site {
        Site {
            data: Dataset::embedded(),
            out: std::env::temp_dir(),
            head: String::new(),
            url: None,
        }
    }

    /// The page's HTML.
    fn page() -> String {
        body(&site(), "../").expect("the page bakes").into_string()
    }

    #[test]
    fn no_internal_identifier_reaches_a_reader() {
        let html = page();
        let text = text_of(&html);
        let problems = english_problems(&text);
        assert!(
            problems.is_empty(),
            "{:?}",
            problems.iter().map(|p| &p.found).collect::<Vec<_>>()
        );
        // The ids are there, but only as attributes.
        assert!(html.contains("data-fact=\"sh24_top100_us_count\""));
        assert!(!text.contains("sh24_top100_us_count"));
        assert!(!text.to_lowercase().contains("seed 00"));
        let notes = source_notes(&site(), Chart::Shanghai, "../").into_string();
        assert!(english_problems(&text_of(&notes)).is_empty());
    }

    #[test]
    fn how_to_read_fills_every_number_from_the_data() {
        let html = page();
        let read = &html[html.find("how-to-read").unwrap()..html.find("story-notes").unwrap()];
        let text = text_of(read);
        assert!(!text.contains('{'), "a placeholder is left: {text}");
        // MacroPolo: 675 authors (2019), 867 authors of 186 papers (2022); Carnegie's
        // 100; Hoover's 223, 201 and 211; AI 2000: 20 × 100 = 2,000 places; ITPO 52,000
        // and 63,000; Digital Science 30,000.
        for figure in [
            "675", "867", "186", "100", "223", "201", "211", "2,000", "52,000", "63,000", "30,000",
            "0.5%", "2%", "20%",
        ] {
            assert!(text.contains(figure), "{figure} missing");
        }
        // 29% of 675: Wilson 25.7% to 32.5% (worked in model::sampling's tests); the
        // change to 47% of 867 is +18.0 points, +13.3 to +22.6 (Newcombe).
        assert!(text.contains("between 25.7% and 32.5%"), "{text}");
        assert!(text.contains("is +18.0 points, between +13."), "{text}");
        assert!(text.contains("25.7%至32.5%"), "{text}");
        // Carnegie's yearly retention, with its formula.
        assert!(text.contains("(87 ÷ 100)^(1/6) ≈ 97.7% a year"), "{text}");
    }

    #[test]
    fn the_story_notes_are_the_high_and_contradictory_ones_with_their_checks() {
        let html = page();
        let story =
            &html[html.find("id=\"story-notes\"").unwrap()..html.find("id=\"reference\"").unwrap()];
        let data = Dataset::embedded();
        let chosen: Vec<&str> = data
            .discrepancies
            .iter()
            .filter(|d| checks::changes_the_story(d))
            .map(|d| d.id.as_str())
            .collect();
        // High: d01, d02, d03, d15, d17, d31; contradictions: d03, d05, d12.
        assert_eq!(chosen.len(), 8, "{chosen:?}");
        for id in &chosen {
            assert!(
                story.contains(&format!("data-discrepancy=\"{id}\"")),
                "{id}"
            );
        }
        // The contradictions come first, and only they are marked red.
        let first = story.find("data-kind=\"").unwrap();
        assert!(story[first..].starts_with("data-kind=\"contradiction\""));
        assert_eq!(story.matches("data-verdict=\"contradiction\"").count(), 2);
        // d02's check shows both bases; d01's says the bound holds.
        assert!(story.contains("41 of the 60 placed ≈ 68.3%; 41 of all 71 ≈ 57.7%"));
        assert!(story.contains("52,000 ÷ (1 + 28.7%)⁹ ≈ 5,368; stated for 2015: under 10,000"));
        // The rest are collapsed: 33 - 8 = 25 other notes.
        assert!(html.contains("Other notes on the sources (25)"));
    }

    #[test]
    fn no_equation_is_false_as_written() {
        // The old page printed "60 = 41 + 19 = 71 (stated)" and "9 = 2 + 2 + 5 = 10
        // (stated)". Every sum "a + b = c" of the page (its own texts: the model's
        // equations are another module's) must hold as written, in both languages.
        let html = page();
        let own = html.split("<pre").next().unwrap_or_default();
        assert!(!text_of(own).contains("(stated)"));
        // The number nearest to a sign: the last one before it, the first one after it.
        let digits = |s: &str| -> Option<f64> {
            let kept: String = s
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .filter(|c| *c != ',')
                .collect();
            kept.trim_end_matches('.').parse().ok()
        };
        let last = |s: &str| -> Option<f64> {
            let start = s.rfind(|c: char| c.is_ascii_digit())?;
            let head = &s[..=start];
            let from = head
                .char_indices()
                .rfind(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
                .map_or(0, |(i, c)| i + c.len_utf8());
            digits(&head[from..])
        };
        let mut sums = 0;
        let texts: Vec<String> = pairs(own)
            .into_iter()
            .flat_map(|(en, zh)| [en, zh])
            .map(|t| t.replace(" + ", "+").replace(" = ", "="))
            .collect();
        for sentence in texts.iter().flat_map(|t| t.split([';', '；', '。'])) {
            let Some((lhs, rhs)) = sentence.split_once('=') else {
                continue;
            };
            let mut terms = lhs.split('+');
            let Some(first) = terms.next() else { continue };
            let rest: Vec<&str> = terms.collect();
            if rest.is_empty() {
                continue;
            }
            let (Some(a), Some(others), Some(total)) = (
                last(first),
                rest.iter().map(|t| digits(t)).collect::<Option<Vec<f64>>>(),
                digits(rhs),
            ) else {
                continue;
            };
            let sum = a + others.iter().sum::<f64>();
            assert!((sum - total).abs() < 1e-9, "false as written: {sentence}");
            sums += 1;
        }
        // Carnegie's two sums, MacroPolo's five and the partial ones, in both languages.
        assert!(sums >= 20, "{sums} sums checked");
        // The sums the sources leave partial say so.
        let text = text_of(own);
        assert!(text.contains("2 founders + 2 leaders at large tech companies + 5 professors = 9; 1 of the 10 not placed"));
        assert!(text.contains("41 in industry + 19 in academia = 60; 11 of the 71 not placed"));
    }

    #[test]
    fn values_read_with_their_units_and_qualifiers() {
        let data = Dataset::embedded();
        let v = |id: &str, lang| value_text(data.fact(id).unwrap(), lang);
        assert_eq!(v("itpo_china_researchers_2015", Lang::En), "under 10,000");
        assert_eq!(v("itpo_china_researchers_2015", Lang::Zh), "不足10,000");
        // 0.667 as a fraction is 66.7%.
        assert_eq!(v("sh24_top100_us_industry_share_stated", Lang::En), "66.7%");
        assert_eq!(v("sh24_t1_row11_guo_minyi", Lang::Zh), "第53名");
        assert_eq!(v("hv25_us_tied_now_in_china_share", Lang::En), "about 70%");
        // A list of subfields in the reader's language; a phrase is "stated in words".
        assert_eq!(
            v("sh24_subfield_china_strong_areas", Lang::Zh),
            "数据挖掘；多媒体"
        );
        assert_eq!(v("mp22_elite_work_us", Lang::En), "stated in words");
        // 926 million dollars: 9.26亿美元.
        assert_eq!(v("usf_nitrd_core_ai_fy2024", Lang::Zh), "9.26亿美元");
        assert_eq!(
            date("2024-04-12", Lang::Zh).as_deref(),
            Some("2024年4月12日")
        );
        assert_eq!(
            date("2024-04-12", Lang::En).as_deref(),
            Some("12 April 2024")
        );
        assert_eq!(date("", Lang::En), None);
    }

    #[test]
    fn seeds_are_cited_by_headline_not_number() {
        let html = page();
        let data = Dataset::embedded();
        let text = text_of(&html);
        for seed in &data.seeds {
            assert!(text.contains(&seed.title_en), "{}", seed.title_en);
        }
        // The untitled translation says so in Chinese and names what it cites.
        assert!(html.contains("无标题"));
        assert!(html.contains("文中数字所属的报告：MacroPolo（2020）"));
        assert!(html.contains("未注明出处；未注明日期"));
    }

    #[test]
    fn the_notes_line_counts_notes_and_contradictions() {
        let site = site();
        // Shanghai's Table 1 chart: its notes include the information-retrieval
        // contradiction; the counts in the summary match the list.
        let notes = checks::notes_on(site.data, Chart::Shanghai.datasets());
        let red = notes.iter().filter(|n| n.is_contradiction()).count();
        assert!(red >= 1);
        let html = source_notes(&site, Chart::Shanghai, "../").into_string();
        assert!(html.contains(&format!("data-notes=\"{}\"", notes.len())));
        assert_eq!(html.matches("<li ").count(), notes.len());
        assert!(html.contains(&format!("{} notes on the sources", notes.len())));
        assert!(html.contains("href=\"../sources/#note-"));
        // The pool chart has notes and no contradiction: d01 is a bound that holds.
        let pool = source_notes(&site, Chart::Pool, "").into_string();
        assert!(pool.contains("data-contradictions=\"0\""), "{pool}");
        assert!(
            !text_of(&pool).to_lowercase().contains("contradiction"),
            "{pool}"
        );
    }
}
