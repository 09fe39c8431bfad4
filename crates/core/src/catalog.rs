//! The catalogue of charts: every chart of the app with its stable id, its page, its
//! texts and its plan. The page baker, the interactive islands, the embeds, the downloads
//! and the tests all iterate [`Chart::ALL`], so a chart is defined once.

use crate::copy::{self, Text};
use crate::layout::bars::BarPlan;
use crate::layout::change::{ChangePlan, ChangeSeries, PartsPlan, PartsSeries};
use crate::layout::lines::{LinesPlan, LinesSeries, TornadoPlan, TornadoSeries};
use crate::layout::row_chart::RowChartPlan;
use crate::layout::sankey::Hit;
use crate::layout::sankey_chart::SankeyChartPlan;
use crate::layout::sankey_labels::NavKey;
use crate::layout::tip::Tip;
use crate::layout::width::WidthClass;
use crate::link::url_state::{UrlState, View};
use crate::model::projection::Baseline;
use crate::model::projection::Model;
use crate::series::career_flows::{career_flows, CareerFlow, FlowKey};
use crate::series::changes::{self, Measure};
use crate::series::cities::{city_network, CityDegree};
use crate::series::countries::{self, Tier};
use crate::series::flows::{self, RowChartData};
use crate::series::regions::{country_network, CountryNetwork};
use crate::series::subfields;
use crate::series::whatif;
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
    /// Subfields: the countries of each subfield's number-one scholar.
    Leaders,
    /// Subfields: Shanghai's top-100-per-subfield scholars by subfield and sector.
    Shanghai,
    /// Flows: where Carnegie's 100 went.
    CareersCarnegie,
    /// Flows: DeepSeek authors' career paths.
    CareersDeepSeek,
    /// Flows: where China-undergraduate researchers studied and work (MacroPolo).
    CareersMacroPolo,
    /// Flows: from undergraduate region to work region, MacroPolo 2019.
    CountryFlows,
    /// Flows: net flow of each region.
    RegionNet,
    /// Flows: net flow of the Shanghai brief's cities.
    CityNet,
    /// Flows: arrivals and departures of those cities.
    CityDots,
    /// What-if: the projected work shares with their band.
    WhatIfShares,
    /// What-if: which slider moves the US share most.
    WhatIfSensitivity,
}

/// What the reader has focused in a chart: a mark by index, or a node or link of a Sankey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A bar, row, dumbbell or part, in keyboard order.
    Mark(usize),
    /// A Sankey's node or link.
    Flow(Hit),
}

/// What a chart plots, before layout: the series its plan and its downloads share.
#[derive(Clone, Debug)]
pub enum Series {
    /// Bars of categories, one per series.
    Bars(BarSeries),
    /// Two years of each category.
    Change(ChangeSeries),
    /// A whole and its parts.
    Parts(PartsSeries),
    /// A career-path Sankey.
    Career(CareerFlow),
    /// The Sankey of regions of study and of work.
    CountryFlows(CountryNetwork),
    /// The net flow of each region.
    RegionNet(CountryNetwork),
    /// The net flow of each city of the Shanghai brief's Table 2.
    CityNet(Vec<CityDegree>),
    /// The arrivals and departures of those cities.
    CityDots(Vec<CityDegree>),
    /// Projected shares with their bands (the what-if).
    Lines(LinesSeries),
    /// What each slider does to the horizon (the what-if).
    Tornado(TornadoSeries),
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
    /// A Sankey diagram.
    Sankey(SankeyChartPlan),
    /// Rows of diverging bars or dots.
    Rows(RowChartPlan),
    /// Lines over years with bands.
    Lines(LinesPlan),
    /// A tornado of swings.
    Tornado(TornadoPlan),
}

pub use crate::series::display::{ChartText, Table};

impl Plan {
    /// The plotted numbers as a table, in the plan's language (the flow charts build
    /// theirs from their series: see [`Chart::table`]).
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
            Plan::Lines(p) => Table {
                headers: vec![
                    h(copy::CHART_YEAR),
                    h(copy::CHART_VALUE),
                    h(copy::CHART_BASIS),
                ],
                rows: p
                    .tips
                    .iter()
                    .map(|t| vec![t.heading.clone(), t.value.clone(), t.detail.clone()])
                    .collect(),
            },
            Plan::Tornado(p) => Table {
                headers: vec![h(copy::CHART_CATEGORY), h(copy::CHART_VALUE)],
                rows: p
                    .swings
                    .iter()
                    .map(|s| vec![s.tip.heading.clone(), s.tip.value.clone()])
                    .collect(),
            },
            Plan::Sankey(_) | Plan::Rows(_) => Table::default(),
        }
    }

    /// The tooltip of every mark, in keyboard order (for the picture's description).
    pub fn tips(&self) -> Vec<&Tip> {
        match self {
            Plan::Bars(p) => p.marks.iter().map(|m| &m.tip).collect(),
            Plan::Change(p) => p.rows.iter().map(|r| &r.tip).collect(),
            Plan::Parts(p) => p.segments.iter().map(|s| &s.tip).collect(),
            Plan::Sankey(p) => p.nodes.iter().map(|n| &n.tip).collect(),
            Plan::Rows(p) => p.rows.iter().map(|r| &r.tip).collect(),
            Plan::Lines(p) => p.tips.iter().collect(),
            Plan::Tornado(p) => p.swings.iter().map(|s| &s.tip).collect(),
        }
    }

    /// Design width and height.
    pub fn size(&self) -> (f64, f64) {
        match self {
            Plan::Bars(p) => (p.width, p.height),
            Plan::Change(p) => (p.width, p.height),
            Plan::Parts(p) => (p.width, p.height),
            Plan::Sankey(p) => (p.width, p.height),
            Plan::Rows(p) => (p.width, p.height),
            Plan::Lines(p) => (p.width, p.height),
            Plan::Tornado(p) => (p.width, p.height),
        }
    }

    /// What is under a point (design pixels); `touch` widens the targets.
    pub fn hit(&self, x: f64, y: f64, touch: bool) -> Option<Focus> {
        match self {
            Plan::Bars(p) => p.mark_at(y).map(Focus::Mark),
            Plan::Change(p) => p.row_at(y).map(Focus::Mark),
            Plan::Parts(p) => p.segment_at(x, y).map(Focus::Mark),
            Plan::Sankey(p) => {
                let slop = if touch {
                    crate::layout::sankey_chart::TOUCH_SLOP
                } else {
                    0.0
                };
                p.hit(x, y, slop).map(Focus::Flow)
            }
            Plan::Rows(p) => p.hit(y).map(Focus::Mark),
            Plan::Lines(p) => p.year_at(x).map(Focus::Mark),
            Plan::Tornado(p) => p.swing_at(y).map(Focus::Mark),
        }
    }

    /// Where a key moves the focus: `Some(new focus)` (`None` inside it after Esc) for
    /// the keys a chart answers, `None` for others.
    pub fn step(&self, current: Option<Focus>, key: &str) -> Option<Option<Focus>> {
        let nav = match key {
            "ArrowUp" => NavKey::Up,
            "ArrowDown" => NavKey::Down,
            "ArrowLeft" => NavKey::Left,
            "ArrowRight" => NavKey::Right,
            "Home" => NavKey::Home,
            "End" => NavKey::End,
            "Escape" => return Some(None),
            _ => return None,
        };
        let index = |f: Option<Focus>| match f {
            Some(Focus::Mark(i)) => Some(i),
            _ => None,
        };
        let list = |total: usize| -> Option<Option<Focus>> {
            let last = total.checked_sub(1)?;
            let next = match (nav, index(current)) {
                (NavKey::Home, _) | (_, None) => 0,
                (NavKey::End, _) => last,
                (NavKey::Up | NavKey::Left, Some(i)) => i.saturating_sub(1),
                (NavKey::Down | NavKey::Right, Some(i)) => (i + 1).min(last),
            };
            Some(Some(Focus::Mark(next)))
        };
        match self {
            Plan::Sankey(p) => {
                let hit = match current {
                    Some(Focus::Flow(h)) => Some(h),
                    _ => None,
                };
                Some(p.step(hit, nav).map(Focus::Flow))
            }
            Plan::Rows(p) => Some(p.step(index(current), nav).map(Focus::Mark)),
            other => list(other.tips().len()),
        }
    }

    /// The tooltip of the focus and where it hangs (design pixels).
    pub fn tip(&self, focus: Focus) -> Option<(&Tip, (f64, f64))> {
        match (self, focus) {
            (Plan::Bars(p), Focus::Mark(i)) => {
                p.marks.get(i).map(|m| (&m.tip, (m.x0, m.bottom + 4.0)))
            }
            (Plan::Change(p), Focus::Mark(i)) => {
                p.rows.get(i).map(|r| (&r.tip, (p.label_x, r.band.1)))
            }
            (Plan::Parts(p), Focus::Mark(i)) => {
                p.segments.get(i).map(|s| (&s.tip, (s.x.0, p.bar.1 + 4.0)))
            }
            (Plan::Sankey(p), Focus::Flow(h)) => Some((p.tip(h)?, p.tip_at(h)?)),
            (Plan::Rows(p), Focus::Mark(i)) => Some((p.tip(i)?, p.tip_at(i)?)),
            (Plan::Lines(p), Focus::Mark(i)) => Some((
                p.tips.get(i)?,
                (p.x_of(i).min(p.width * 0.55), p.plot[3] + 4.0),
            )),
            (Plan::Tornado(p), Focus::Mark(i)) => {
                p.swings.get(i).map(|s| (&s.tip, (p.label_x, s.band.1)))
            }
            _ => None,
        }
    }

    /// The stable key of the focus: a category to highlight across the page's charts, or
    /// the node or link a Sankey pins (kept in the link).
    pub fn key(&self, focus: Focus) -> Option<String> {
        match (self, focus) {
            (Plan::Bars(p), Focus::Mark(i)) => {
                p.marks.get(i).map(|m| p.labels[m.group].key.clone())
            }
            (Plan::Change(p), Focus::Mark(i)) => p.rows.get(i).map(|r| r.key.clone()),
            (Plan::Parts(p), Focus::Mark(i)) => p.segments.get(i).map(|s| s.key.clone()),
            (Plan::Sankey(p), Focus::Flow(h)) => p.key_of(h).map(str::to_string),
            (Plan::Rows(p), Focus::Mark(i)) => p.rows.get(i).map(|r| r.key.clone()),
            // A year or a lever is not a category to highlight.
            (Plan::Lines(_) | Plan::Tornado(_), _) => None,
            _ => None,
        }
    }

    /// Whether choosing a mark pins it (a Sankey) rather than highlighting its category.
    pub fn pins(&self) -> bool {
        matches!(self, Plan::Sankey(_))
    }

    /// The focus a pinned key names, if this plan has it.
    pub fn find(&self, key: &str) -> Option<Focus> {
        match self {
            Plan::Sankey(p) => p.find(key).map(Focus::Flow),
            _ => None,
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

const STORY_ORIGIN: &[&str] = &["cn", "us"];
const STORY_WORK: &[&str] = &["us", "cn"];

impl Chart {
    /// Every chart, page by page.
    pub const ALL: [Chart; 25] = [
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
        Chart::Leaders,
        Chart::Shanghai,
        Chart::CareersCarnegie,
        Chart::CareersDeepSeek,
        Chart::CareersMacroPolo,
        Chart::CountryFlows,
        Chart::RegionNet,
        Chart::CityNet,
        Chart::CityDots,
        Chart::WhatIfShares,
        Chart::WhatIfSensitivity,
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
            Chart::Leaders => "leaders",
            Chart::Shanghai => "shanghai",
            Chart::CareersCarnegie => "careers-carnegie",
            Chart::CareersDeepSeek => "careers-deepseek",
            Chart::CareersMacroPolo => "careers-macropolo",
            Chart::CountryFlows => "country-flows",
            Chart::RegionNet => "region-net",
            Chart::CityNet => "city-net",
            Chart::CityDots => "city-dots",
            Chart::WhatIfShares => "whatif-shares",
            Chart::WhatIfSensitivity => "whatif-sensitivity",
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
            Chart::Leaders | Chart::Shanghai => View::Subfields,
            Chart::CareersCarnegie
            | Chart::CareersDeepSeek
            | Chart::CareersMacroPolo
            | Chart::CountryFlows
            | Chart::RegionNet
            | Chart::CityNet
            | Chart::CityDots => View::Flows,
            Chart::WhatIfShares | Chart::WhatIfSensitivity => View::WhatIf,
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
            Chart::Editions | Chart::Leaders => &["aminer_ai2000_editions"],
            Chart::Shanghai => &["aminer_shanghai_2024_table1"],
            Chart::CareersCarnegie => &["carnegie_2025"],
            Chart::CareersDeepSeek => &["hoover_deepseek_2025"],
            Chart::CareersMacroPolo | Chart::CountryFlows | Chart::RegionNet => {
                &["macropolo_2019", "macropolo_2022"]
            }
            Chart::CityNet | Chart::CityDots => &["aminer_shanghai_2024_table2"],
            Chart::WhatIfShares | Chart::WhatIfSensitivity => {
                &["macropolo_2019", "macropolo_2022", "carnegie_2025"]
            }
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
            Chart::Leaders => (copy::CHART_LEADERS_TITLE, copy::CHART_SUB_LEADERS),
            Chart::Shanghai => (copy::CHART_SHANGHAI_TITLE, copy::CHART_SUB_SHANGHAI),
            Chart::WhatIfShares => (copy::CHART_WHATIF_TITLE, copy::CHART_SUB_WHATIF),
            Chart::WhatIfSensitivity => {
                (copy::CHART_SENSITIVITY_TITLE, copy::CHART_SUB_SENSITIVITY)
            }
            // The flow charts' texts are built with their series (see `flow_text`).
            _ => (copy::APP_NAME, copy::APP_DESCRIPTION),
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
            Chart::Leaders => &[copy::NOTE_LEADERS],
            Chart::Shanghai => &[copy::NOTE_SHANGHAI],
            Chart::WhatIfShares => &[copy::NOTE_WHATIF_BAND, copy::NOTE_WHATIF_TIER],
            Chart::WhatIfSensitivity => &[copy::NOTE_WHATIF_TIER],
            _ => &[],
        }
    }

    /// The career flow a careers chart shows.
    fn career_flow(self, data: &Dataset) -> Option<CareerFlow> {
        let key = match self {
            Chart::CareersCarnegie => FlowKey::Carnegie2025,
            Chart::CareersDeepSeek => FlowKey::HooverDeepSeek2025,
            Chart::CareersMacroPolo => FlowKey::MacroPoloChinaPathways,
            _ => return None,
        };
        career_flows(data).ok()?.into_iter().find(|f| f.key == key)
    }

    /// The texts of the flow charts, built with their series.
    fn flow_text(self, data: &Dataset, lang: Lang) -> Option<ChartText> {
        let net = || country_network(Baseline::embedded());
        match self {
            Chart::CareersCarnegie | Chart::CareersDeepSeek | Chart::CareersMacroPolo => {
                Some(flows::career_text(&self.career_flow(data)?, data, lang))
            }
            Chart::CountryFlows => Some(flows::region_text(&net(), data, lang)),
            Chart::RegionNet => Some(flows::region_net_text(&net(), data, lang)),
            Chart::CityNet => Some(flows::city_net_text(&city_network(data), data, lang)),
            Chart::CityDots => Some(flows::city_dots_text(&city_network(data), data, lang)),
            _ => None,
        }
    }

    /// The numbers the chart plots, as its Table view and CSV show them.
    pub fn table(self, data: &Dataset, state: &UrlState, lang: Lang) -> Table {
        let net = || country_network(Baseline::embedded());
        match self {
            Chart::CareersCarnegie | Chart::CareersDeepSeek | Chart::CareersMacroPolo => self
                .career_flow(data)
                .map(|f| flows::career_table(&f, lang))
                .unwrap_or_default(),
            Chart::CountryFlows => flows::region_table(&net(), lang),
            Chart::RegionNet => flows::region_metrics_table(&net(), lang),
            Chart::CityNet | Chart::CityDots => flows::city_table(&city_network(data), lang),
            _ => self
                .plan(data, state, lang, WidthClass::Full)
                .map(|p| p.table(lang))
                .unwrap_or_default(),
        }
    }

    /// The chart's title, subtitle, notes and source line in `lang`.
    pub fn text(self, data: &Dataset, lang: Lang) -> ChartText {
        if let Some(text) = self.flow_text(data, lang) {
            return text;
        }
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
            (
                "people",
                n(Some(
                    subfields::distinct_people(&subfields::shanghai_scholars(data)) as f64,
                )),
            ),
            (
                "rows",
                n(Some(subfields::shanghai_scholars(data).len() as f64)),
            ),
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
            Chart::Leaders => bars(subfields::subfield_leaders_2022(data)),
            Chart::Shanghai => bars(subfields::shanghai_by_subfield(data, lang)),
            Chart::CareersCarnegie | Chart::CareersDeepSeek | Chart::CareersMacroPolo => self
                .career_flow(data)
                .map(Series::Career)
                .ok_or_else(|| missing("the career flow")),
            Chart::CountryFlows => Ok(Series::CountryFlows(country_network(Baseline::embedded()))),
            Chart::RegionNet => Ok(Series::RegionNet(country_network(Baseline::embedded()))),
            Chart::CityNet => Ok(Series::CityNet(city_network(data))),
            Chart::CityDots => Ok(Series::CityDots(city_network(data))),
            Chart::WhatIfShares | Chart::WhatIfSensitivity => {
                Ok(self.whatif_series(&UrlState::default(), lang))
            }
        }
    }

    /// The series of a what-if chart for the scenario (and pinned baseline) of a link.
    fn whatif_series(self, state: &UrlState, lang: Lang) -> Series {
        let model = Model::embedded();
        let scenario = state.scenario.rounded();
        match self {
            Chart::WhatIfSensitivity => Series::Tornado(whatif::tornado(model, &scenario, lang)),
            _ => {
                let banded = model.banded(&scenario);
                let baseline = state.baseline.as_ref().map(|b| model.banded(&b.rounded()));
                Series::Lines(whatif::lines(model, &banded, baseline.as_ref(), lang))
            }
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
        let sankey = |plan: Result<SankeyChartPlan, crate::layout::sankey::SankeyError>| {
            plan.map(Plan::Sankey).map_err(|e| PlanError {
                chart: self.code(),
                reason: e.to_string(),
            })
        };
        let rows = |rows: RowChartData| Plan::Rows(RowChartPlan::new(&rows, lang, class));
        let series = match self {
            // The what-if charts follow the link's scenario.
            Chart::WhatIfShares | Chart::WhatIfSensitivity => self.whatif_series(state, lang),
            _ => self.series(data, lang)?,
        };
        Ok(match series {
            Series::Lines(series) => Plan::Lines(LinesPlan::new(&series, lang, class)),
            Series::Tornado(series) => Plan::Tornado(TornadoPlan::new(&series, lang, class)),
            Series::Bars(series) => Plan::Bars(BarPlan::new(data, &series, lang, class)),
            Series::Change(series) => Plan::Change(ChangePlan::new(&series, lang, class)),
            Series::Parts(series) => Plan::Parts(PartsPlan::new(&series, lang, class)),
            Series::Career(flow) => sankey(SankeyChartPlan::career(&flow, lang, class))?,
            Series::CountryFlows(net) => sankey(SankeyChartPlan::new(
                &flows::region_chart(&net, lang),
                lang,
                class,
            ))?,
            Series::RegionNet(net) => rows(flows::region_net_rows(&net, lang)),
            Series::CityNet(cities) => rows(flows::city_net_rows(&cities, lang)),
            Series::CityDots(cities) => rows(flows::city_dot_rows(&cities, lang)),
        })
    }
}

/// "MacroPolo (2020, 2024); Carnegie (2025)": the short credits of the chart's datasets,
/// one outlet once with its years together (the full citations are in Sources & method
/// and in the downloads).
///
/// ```
/// use talent_core::catalog::source_line;
/// use talent_core::{Dataset, Lang};
/// let data = Dataset::embedded();
/// let keys = ["macropolo_2019", "macropolo_2022", "carnegie_2025"];
/// assert_eq!(source_line(data, &keys, Lang::En), "MacroPolo (2020, 2024); Carnegie (2025)");
/// assert_eq!(source_line(data, &keys, Lang::Zh), "MacroPolo（2020、2024）；卡内基（2025）");
/// ```
pub fn source_line(data: &Dataset, datasets: &[&str], lang: Lang) -> String {
    let (open, close, years_separator) = match lang {
        Lang::En => (" (", ")", ", "),
        Lang::Zh => ("（", "）", "、"),
    };
    // (outlet, its years), in the order of first mention; a credit without years stands alone.
    let mut outlets: Vec<(&str, Vec<&str>)> = Vec::new();
    for key in datasets {
        let Some(d) = data.datasets.iter().find(|d| d.key == *key) else {
            continue;
        };
        let credit = d.credit(lang);
        let (outlet, years) = credit
            .strip_suffix(close)
            .and_then(|c| c.rsplit_once(open))
            .map_or((credit, None), |(outlet, years)| (outlet, Some(years)));
        match outlets.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, list)) => list.extend(years.filter(|y| !list.contains(y))),
            None => outlets.push((outlet, years.into_iter().collect())),
        }
    }
    outlets
        .iter()
        .map(|(outlet, years)| {
            if years.is_empty() {
                (*outlet).to_string()
            } else {
                format!("{outlet}{open}{}{close}", years.join(years_separator))
            }
        })
        .collect::<Vec<_>>()
        .join(copy::LIST_SEPARATOR.get(lang))
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
