//! The catalogue of charts: every chart of the app with its stable id, its page, its
//! texts and its plan. The page baker, the interactive islands, the embeds, the downloads
//! and the tests all iterate [`Chart::ALL`], so a chart is defined once.

use crate::copy::{self, Text};
use crate::layout::bars::BarPlan;
use crate::layout::change::{ChangePlan, ChangeSeries, PartsPlan, PartsSeries};
use crate::layout::width::WidthClass;
use crate::link::url_state::{UrlState, View};
use crate::series::changes::{self, Measure};
use crate::series::countries::{self, Tier};
use crate::series::BarSeries;
use crate::{format, Dataset, Lang};

/// A chart of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chart {
    /// Story: China-undergraduate share of the top tier, 2019 and 2022.
    FindingOrigin,
    /// Story: US and China work shares, 2019 and 2022.
    FindingWork,
    /// Story: origins at US institutions, 2019 and 2022.
    FindingUsInst,
    /// Story: where Carnegie's 100 were in 2025.
    FindingStay,
    /// Story: DeepSeek authors' career paths.
    FindingDeepSeek,
    /// Story: AMiner's top 100 by country.
    FindingTop100,
    /// Countries: origin shares of every place, 2019 and 2022.
    Origin,
    /// Countries: work shares of every place, 2019 and 2022.
    Work,
    /// Countries: the most elite tier, whose definition changed.
    Elite,
    /// Countries: origins at US institutions.
    UsInst,
    /// Countries: AMiner's top 100 by country.
    Top100,
    /// Countries: the top 100's US and Chinese scholars by sector.
    Sectors,
    /// Countries: AI researcher counts (ITPO and Dongbi Data).
    Pool,
    /// Countries: the US and China in the AI 2000 editions.
    Editions,
}

/// What a chart plots, before layout: the series its plan and its downloads share.
#[derive(Clone, Debug, PartialEq)]
pub enum Series {
    /// Bars of categories, one per series.
    Bars(BarSeries),
    /// Two years of each category.
    Change(ChangeSeries),
    /// A whole and its parts.
    Parts(PartsSeries),
}

/// A chart laid out in one language at one width class.
#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    /// Horizontal bars.
    Bars(BarPlan),
    /// Dumbbells of a change.
    Change(ChangePlan),
    /// One bar split into parts.
    Parts(PartsPlan),
}

/// The numbers a chart plots, as a table: what its Table view and its CSV show.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub headers: Vec<String>,
    /// Rows of cells; the first cell of a row names it.
    pub rows: Vec<Vec<String>>,
}

impl Plan {
    /// The plotted numbers as a table, in the plan's language.
    pub fn table(&self, lang: Lang) -> Table {
        let h = |t: Text| t.get(lang).to_string();
        match self {
            Plan::Bars(p) => {
                let several = !p.legend.is_empty();
                let mut headers = vec![h(copy::CHART_CATEGORY)];
                if several {
                    headers.push(h(copy::CHART_SERIES));
                }
                headers.extend([h(copy::CHART_VALUE), h(copy::CHART_BASIS)]);
                let rows = p
                    .marks
                    .iter()
                    .map(|m| {
                        let mut row = vec![p.labels[m.group].lines.join(" ")];
                        if several {
                            row.push(
                                p.legend
                                    .get(m.series)
                                    .map_or_else(String::new, |l| l.label.clone()),
                            );
                        }
                        row.extend([m.text.clone(), m.tip.detail.clone()]);
                        row
                    })
                    .collect();
                Table { headers, rows }
            }
            Plan::Change(p) => Table {
                headers: vec![
                    h(copy::CHART_CATEGORY),
                    p.key.0.clone(),
                    p.key.1.clone(),
                    h(copy::CHANGE_HEADING),
                    h(copy::CHART_BASIS),
                ],
                rows: p
                    .rows
                    .iter()
                    .map(|r| {
                        let value = |later: bool| {
                            r.dots
                                .iter()
                                .find(|d| d.later == later)
                                .map_or_else(|| h(copy::CHART_NOT_REPORTED), |d| d.text.clone())
                        };
                        vec![
                            r.lines.join(" "),
                            value(false),
                            value(true),
                            r.change.clone(),
                            r.tip.detail.clone(),
                        ]
                    })
                    .collect(),
            },
            Plan::Parts(p) => Table {
                headers: vec![
                    h(copy::CHART_CATEGORY),
                    h(copy::CHART_VALUE),
                    h(copy::CHART_BASIS),
                ],
                rows: p
                    .segments
                    .iter()
                    .map(|s| {
                        vec![
                            s.tip.heading.clone(),
                            s.tip.value.clone(),
                            s.tip.detail.clone(),
                        ]
                    })
                    .collect(),
            },
        }
    }

    /// The tooltip of every mark, in keyboard order.
    pub fn tips(&self) -> Vec<&crate::layout::tip::Tip> {
        match self {
            Plan::Bars(p) => p.marks.iter().map(|m| &m.tip).collect(),
            Plan::Change(p) => p.rows.iter().map(|r| &r.tip).collect(),
            Plan::Parts(p) => p.segments.iter().map(|s| &s.tip).collect(),
        }
    }

    /// Design width and height.
    pub fn size(&self) -> (f64, f64) {
        match self {
            Plan::Bars(p) => (p.width, p.height),
            Plan::Change(p) => (p.width, p.height),
            Plan::Parts(p) => (p.width, p.height),
        }
    }
}

/// Why a chart cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanError {
    /// The chart.
    pub chart: &'static str,
    /// What is missing.
    pub reason: String,
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart `{}`: {}", self.chart, self.reason)
    }
}

impl std::error::Error for PlanError {}

/// The words around a chart, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartText {
    /// What it shows.
    pub title: String,
    /// What is counted and the sample.
    pub subtitle: String,
    /// Caveats a reader must know.
    pub notes: Vec<String>,
    /// The sources, by outlet and date.
    pub source: String,
}

const STORY_ORIGIN: &[&str] = &["cn", "us"];
const STORY_WORK: &[&str] = &["us", "cn"];

impl Chart {
    /// Every chart, page by page.
    pub const ALL: [Chart; 14] = [
        Chart::FindingOrigin,
        Chart::FindingWork,
        Chart::FindingUsInst,
        Chart::FindingStay,
        Chart::FindingDeepSeek,
        Chart::FindingTop100,
        Chart::Origin,
        Chart::Work,
        Chart::Elite,
        Chart::UsInst,
        Chart::Top100,
        Chart::Sectors,
        Chart::Pool,
        Chart::Editions,
    ];

    /// The stable id: in links (`#top100`, `chart=top100`), element ids and file names.
    pub const fn code(self) -> &'static str {
        match self {
            Chart::FindingOrigin => "finding-origin",
            Chart::FindingWork => "finding-work",
            Chart::FindingUsInst => "finding-usinst",
            Chart::FindingStay => "finding-stay",
            Chart::FindingDeepSeek => "finding-deepseek",
            Chart::FindingTop100 => "finding-top100",
            Chart::Origin => "origin",
            Chart::Work => "work",
            Chart::Elite => "elite",
            Chart::UsInst => "usinst",
            Chart::Top100 => "top100",
            Chart::Sectors => "sectors",
            Chart::Pool => "pool",
            Chart::Editions => "editions",
        }
    }

    /// The chart with a stable id.
    pub fn from_code(code: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The page the chart is on.
    pub const fn view(self) -> View {
        match self {
            Chart::FindingOrigin
            | Chart::FindingWork
            | Chart::FindingUsInst
            | Chart::FindingStay
            | Chart::FindingDeepSeek
            | Chart::FindingTop100 => View::Story,
            Chart::Origin
            | Chart::Work
            | Chart::Elite
            | Chart::UsInst
            | Chart::Top100
            | Chart::Sectors
            | Chart::Pool
            | Chart::Editions => View::Countries,
        }
    }

    /// The charts of a page, in page order.
    pub fn of_view(view: View) -> impl Iterator<Item = Chart> {
        Chart::ALL.into_iter().filter(move |c| c.view() == view)
    }

    /// The datasets the chart's figures come from (for its source line and citation).
    pub const fn datasets(self) -> &'static [&'static str] {
        match self {
            Chart::FindingOrigin
            | Chart::FindingWork
            | Chart::FindingUsInst
            | Chart::Origin
            | Chart::Work
            | Chart::UsInst => &["macropolo_2019", "macropolo_2022"],
            Chart::Elite => &["macropolo_2019", "macropolo_2022"],
            Chart::FindingStay => &["carnegie_2025"],
            Chart::FindingDeepSeek => &["hoover_deepseek_2025"],
            Chart::FindingTop100 | Chart::Top100 | Chart::Sectors => &["aminer_shanghai_2024"],
            Chart::Pool => &["itpo_dongbi_2025"],
            Chart::Editions => &["aminer_ai2000_editions"],
        }
    }

    fn texts(self) -> (Text, Text) {
        match self {
            Chart::FindingOrigin => (copy::FINDING_ORIGIN_CHART_TITLE, copy::CHART_SUB_TOP_TIER),
            Chart::FindingWork => (copy::FINDING_WORK_CHART_TITLE, copy::CHART_SUB_TOP_TIER),
            Chart::FindingUsInst => (copy::FINDING_USINST_CHART_TITLE, copy::CHART_SUB_US_INST),
            Chart::FindingStay => (copy::FINDING_STAY_CHART_TITLE, copy::CHART_SUB_CARNEGIE),
            Chart::FindingDeepSeek => (copy::FINDING_DEEPSEEK_CHART_TITLE, copy::CHART_SUB_HOOVER),
            Chart::FindingTop100 => (copy::FINDING_TOP100_CHART_TITLE, copy::CHART_SUB_TOP100),
            Chart::Origin => (copy::CHART_ORIGIN_TITLE, copy::CHART_SUB_TOP_TIER),
            Chart::Work => (copy::CHART_WORK_TITLE, copy::CHART_SUB_TOP_TIER),
            Chart::Elite => (copy::CHART_ELITE_TITLE, copy::CHART_SUB_ELITE),
            Chart::UsInst => (copy::CHART_USINST_TITLE, copy::CHART_SUB_US_INST),
            Chart::Top100 => (copy::CHART_TOP100_TITLE, copy::CHART_SUB_TOP100),
            Chart::Sectors => (copy::CHART_SECTORS_TITLE, copy::CHART_SUB_SECTORS),
            Chart::Pool => (copy::CHART_POOL_TITLE, copy::CHART_SUB_POOL),
            Chart::Editions => (copy::CHART_EDITIONS_TITLE, copy::CHART_SUB_EDITIONS),
        }
    }

    fn notes(self) -> &'static [Text] {
        match self {
            Chart::FindingOrigin | Chart::Origin => &[
                copy::NOTE_ORIGIN_NOT_NATIONALITY,
                copy::NOTE_SAMPLE_OF_PAPERS,
            ],
            Chart::FindingWork | Chart::Work => {
                &[copy::NOTE_WORK_IS_HQ, copy::NOTE_SAMPLE_OF_PAPERS]
            }
            Chart::FindingUsInst | Chart::UsInst => {
                &[copy::NOTE_SUBSAMPLE_DERIVED, copy::NOTE_SAMPLE_OF_PAPERS]
            }
            Chart::Elite => &[copy::NOTE_ELITE_REDEFINED],
            Chart::FindingStay => &[copy::NOTE_CARNEGIE_RETENTION],
            Chart::FindingDeepSeek => &[copy::NOTE_DEEPSEEK_DENOMINATOR],
            Chart::FindingTop100 | Chart::Top100 => &[copy::NOTE_TOP100_CANADA],
            Chart::Sectors => &[copy::NOTE_SECTORS_UNPLACED],
            Chart::Pool => &[copy::NOTE_POOL_DEFINITIONS],
            Chart::Editions => &[copy::NOTE_EDITIONS],
        }
    }

    /// The chart's title, subtitle, notes and source line in `lang`.
    pub fn text(self, data: &Dataset, lang: Lang) -> ChartText {
        let (title, subtitle) = self.texts();
        let n = |v: Option<f64>| v.map_or_else(String::new, |v| format::number(v, 0, lang));
        let values: Vec<(&str, String)> = vec![
            ("n2019", n(changes::sample_size(data, 2019, Tier::TopTier))),
            ("n2022", n(changes::sample_size(data, 2022, Tier::TopTier))),
            ("n2019_elite", n(data.number("mp19_elite_sample_size"))),
            (
                "n2022_elite",
                n(changes::sample_size(data, 2022, Tier::Elite)),
            ),
            ("n", n(data.number("cg25_cohort_size"))),
            (
                "n_hoover",
                n(data.number("hv25_authors_with_affiliation_history")),
            ),
            ("n_top", n(data.number("sh24_top100_sample_size"))),
        ];
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        ChartText {
            title: title.get(lang).to_string(),
            subtitle: subtitle.fill(lang, &pairs),
            notes: self
                .notes()
                .iter()
                .map(|t| t.get(lang).to_string())
                .collect(),
            source: source_line(data, self.datasets(), lang),
        }
    }

    /// What the chart plots, with labels in `lang`: its plan and its downloads both start
    /// here.
    pub fn series(self, data: &Dataset, lang: Lang) -> Result<Series, PlanError> {
        let missing = |what: &str| PlanError {
            chart: self.code(),
            reason: format!("the data pack lacks {what}"),
        };
        let change = |series: ChangeSeries| {
            if series.rows.is_empty() {
                return Err(missing("every row"));
            }
            Ok(Series::Change(series))
        };
        let parts = |series: Option<PartsSeries>| {
            series
                .map(Series::Parts)
                .ok_or_else(|| missing("a part of the whole"))
        };
        let bars = |series: BarSeries| {
            if series.groups.is_empty() {
                return Err(missing("every bar"));
            }
            Ok(Series::Bars(series))
        };
        match self {
            Chart::FindingOrigin => change(changes::top_tier_change(
                data,
                Measure::Origin,
                STORY_ORIGIN,
                lang,
            )),
            Chart::FindingWork => change(changes::top_tier_change(
                data,
                Measure::Work,
                STORY_WORK,
                lang,
            )),
            Chart::FindingUsInst => {
                change(changes::us_institutions_change(data, &["cn", "us"], lang))
            }
            Chart::FindingStay => parts(changes::carnegie_cohort(data, lang)),
            Chart::FindingDeepSeek => parts(changes::deepseek_paths(data, lang)),
            Chart::FindingTop100 => parts(changes::top100_parts(data, lang)),
            Chart::Origin => change(changes::top_tier_change(data, Measure::Origin, &[], lang)),
            Chart::Work => change(changes::top_tier_change(data, Measure::Work, &[], lang)),
            Chart::Elite => change(changes::elite_origin(data, lang)),
            Chart::UsInst => change(changes::us_institutions_change(data, &[], lang)),
            Chart::Top100 => bars(countries::top100_by_country(data, lang)),
            Chart::Sectors => bars(countries::top100_by_sector(data, lang)),
            Chart::Pool => bars(countries::researcher_pool(data)),
            Chart::Editions => bars(countries::ai2000_editions(data, lang)),
        }
    }

    /// The chart's plan for the state of a link, in `lang` at `class`.
    pub fn plan(
        self,
        data: &Dataset,
        state: &UrlState,
        lang: Lang,
        class: WidthClass,
    ) -> Result<Plan, PlanError> {
        let _ = state;
        Ok(match self.series(data, lang)? {
            Series::Bars(series) => Plan::Bars(BarPlan::new(data, &series, lang, class)),
            Series::Change(series) => Plan::Change(ChangePlan::new(&series, lang, class)),
            Series::Parts(series) => Plan::Parts(PartsPlan::new(&series, lang, class)),
        })
    }
}

/// "MacroPolo (June 2020; 2023 update)": the publishers of the chart's datasets.
pub fn source_line(data: &Dataset, datasets: &[&str], lang: Lang) -> String {
    let mut names: Vec<&str> = Vec::new();
    for key in datasets {
        if let Some(d) = data.datasets.iter().find(|d| d.key == *key) {
            if !names.contains(&d.publisher.as_str()) {
                names.push(&d.publisher);
            }
        }
    }
    names.join(copy::LIST_SEPARATOR.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_plans_in_every_language_and_class() {
        let data = Dataset::embedded();
        let state = UrlState::default();
        for chart in Chart::ALL {
            assert_eq!(Chart::from_code(chart.code()), Some(chart));
            for lang in [Lang::En, Lang::Zh] {
                let text = chart.text(data, lang);
                assert!(
                    !text.title.is_empty() && !text.source.is_empty(),
                    "{chart:?}"
                );
                assert!(!text.subtitle.contains('{'), "{chart:?}: {}", text.subtitle);
                for class in WidthClass::ALL {
                    let plan = chart
                        .plan(data, &state, lang, class)
                        .unwrap_or_else(|e| panic!("{e}"));
                    let (w, h) = plan.size();
                    assert_eq!(w, class.design_width());
                    assert!(h > 20.0, "{chart:?} {h}");
                }
            }
        }
    }
}
