//! What-if model: a yearly stock-flow projection of top-tier AI researchers by
//! origin and work location, starting from the MacroPolo 2019 baseline.
//!
//! **These are scenarios, not forecasts.** The model takes the 2019 pool of
//! top-tier researchers (MacroPolo: authors of accepted NeurIPS 2019 papers, about the
//! top 20%), adds a new cohort each year, and moves people between the US, China and
//! the rest of the world with a few yearly rates. Every default comes from the data
//! pack by fact id ([`Scenario::sources`], [`Baseline::sources`], [`Preset::sources`]);
//! the only constants that are not from data are named ([`BASELINE_POOL`],
//! [`US_IN_CHINA_AT_START`], the slider ranges and two numerical tolerances).
//!
//! # Equations
//!
//! The same text is in [`EQUATIONS_EN`] and [`EQUATIONS_ZH`] for the Sources & method
//! page (a test keeps this block and [`EQUATIONS_EN`] identical).
//!
//! ```text
//! These are scenarios, not forecasts: the model shows what follows from the assumptions on the sliders, nothing more.
//!
//! Notation. S[o,w](t) is the number of top-tier AI researchers of origin o (country of the undergraduate degree) who work in w (headquarters country of the employer) at the end of year t; o and w are US, China or Rest (rest of the world). home(o) is the place of origin. The 2019 pool is set to P = 100.
//!
//! (1) Start, 2019 (MacroPolo 2019). O_o: origin shares. W_w: work shares. c, u: China- and US-origin shares of US-based researchers. k: share of China-origin researchers at Chinese institutions.
//!     S[China,US] = P·c·W_US      S[US,US] = P·u·W_US      S[Rest,US] = P·W_US − S[China,US] − S[US,US]
//!     S[China,China] = P·min(k·O_China, W_China)      S[US,China] = 0      S[Rest,China] = P·W_China − S[China,China]
//!     S[o,Rest] = P·O_o − S[o,US] − S[o,China]   (the rest of each origin works in the rest of the world)
//! (2) New cohort: N(t) = n·P·(1 + g)^(t − 2020) for t ≥ 2020. Default n = g = (NeurIPS accepted papers 2022 / 2019)^(1/(2022 − 2019)) − 1, so the pool grows like the conference.
//! (3) Entrants: E[o,w](t) = N(t)·a_o·p[o,w], with origin shares a (Σ_o a_o = 1) and first jobs p (Σ_w p[o,w] = 1 for every o).
//! (4) Leavers: L[o,w](t) = (1 − r[o,w])·S[o,w](t−1) for every w ≠ home(o), with r[China,US] = r_US and r = r_other for the others. Researchers who work at home do not leave, and nobody leaves the top tier.
//!     Default r_US = r_other = (cohort still in the US in 2025 / cohort in the US in 2019)^(1/(2025 − 2019)) (Carnegie).
//! (5) A share h of the leavers goes home; the other 1 − h moves to the third place (neither home nor w). Default h = returned to China / (returned to China + moved to other countries) (Carnegie).
//! (6) Update at home, w = home(o): S[o,w](t) = S[o,w](t−1) + h·Σ_v L[o,v](t) + E[o,w](t), summing over the places v abroad.
//!     Update abroad, w ≠ home(o): S[o,w](t) = S[o,w](t−1) − L[o,w](t) + (1 − h)·L[o,v](t) + E[o,w](t), where v is the other place abroad.
//! (7) Outputs. Share working in w: s_w(t) = Σ_o S[o,w](t) / Σ_o Σ_w S[o,w](t). China-origin share of US-based researchers: S[China,US](t) / Σ_o S[o,US](t). Returnees to China since 2019: R(t) = Σ_τ≤t h·(L[China,US](τ) + L[China,Rest](τ)). Crossover: the first year t with Σ_o S[o,China](t) > Σ_o S[o,US](t), or none before the horizon.
//! (8) US net inflow in year t: researchers who start working in the US from another place (entrants of other origins, US-origin researchers coming home, movers) minus those who stop working there (leavers, US-origin entrants who start abroad).
//! (9) Back-test: run 2019 → 2022 and report 100·(s_w(2022) − observed share) in percentage points for the US and China (MacroPolo 2022).
//!
//! Sliders: r_US (per year, and r_US^6 over six years), p[China,US] and p[China,China] (moving one rescales the other China-origin shares so that the three add up to 1), g, and the horizon (up to 2040).
//! ```
//!
//! # The 2019 matrix
//!
//! MacroPolo gives margins, not the full origin x work table, so the start matrix is
//! built from them in the order of step (1):
//!
//! * the US column from the US work share and the origin mix of US-based researchers
//!   (`mp19_us_inst_origin_share_china`, `mp19_us_inst_origin_share_us`; the rest of the
//!   US column is rest-of-world origin);
//! * China-origin researchers in China from the share of China-undergrad researchers at
//!   Chinese institutions (`mp19_china_ug_in_china`), capped at the China work share;
//!   the few other researchers working in China are counted as rest-of-world origin
//!   and none as US origin ([`US_IN_CHINA_AT_START`]);
//! * each origin's remainder works in the rest of the world, so every row adds up to
//!   its origin share and every column to its work share.
//!
//! The same construction on the 2022 figures gives the first-job pattern of the
//! '2022 pattern' (US- and rest-of-world-origin rows); the China-origin row of each
//! pattern is the stated China-undergrad split (2019: where they study or work;
//! 2022: where they did graduate school, a proxy for the first job).
//!
//! # Reading the back-test
//!
//! MacroPolo's pool is each year's set of NeurIPS authors, closer to a flow than to a
//! stock, and its 2022 mix changed faster than any stock of people can. A stock-flow
//! model that keeps the 2019 researchers in the pool therefore lags the 2022 snapshot;
//! [`backtest`] shows by how many percentage points, for the scenario on the sliders.

use crate::data::{Dataset, Lang};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// The model equations in English, as plain text for the Sources & method page.
pub const EQUATIONS_EN: &str = r#"These are scenarios, not forecasts: the model shows what follows from the assumptions on the sliders, nothing more.

Notation. S[o,w](t) is the number of top-tier AI researchers of origin o (country of the undergraduate degree) who work in w (headquarters country of the employer) at the end of year t; o and w are US, China or Rest (rest of the world). home(o) is the place of origin. The 2019 pool is set to P = 100.

(1) Start, 2019 (MacroPolo 2019). O_o: origin shares. W_w: work shares. c, u: China- and US-origin shares of US-based researchers. k: share of China-origin researchers at Chinese institutions.
    S[China,US] = P·c·W_US      S[US,US] = P·u·W_US      S[Rest,US] = P·W_US − S[China,US] − S[US,US]
    S[China,China] = P·min(k·O_China, W_China)      S[US,China] = 0      S[Rest,China] = P·W_China − S[China,China]
    S[o,Rest] = P·O_o − S[o,US] − S[o,China]   (the rest of each origin works in the rest of the world)
(2) New cohort: N(t) = n·P·(1 + g)^(t − 2020) for t ≥ 2020. Default n = g = (NeurIPS accepted papers 2022 / 2019)^(1/(2022 − 2019)) − 1, so the pool grows like the conference.
(3) Entrants: E[o,w](t) = N(t)·a_o·p[o,w], with origin shares a (Σ_o a_o = 1) and first jobs p (Σ_w p[o,w] = 1 for every o).
(4) Leavers: L[o,w](t) = (1 − r[o,w])·S[o,w](t−1) for every w ≠ home(o), with r[China,US] = r_US and r = r_other for the others. Researchers who work at home do not leave, and nobody leaves the top tier.
    Default r_US = r_other = (cohort still in the US in 2025 / cohort in the US in 2019)^(1/(2025 − 2019)) (Carnegie).
(5) A share h of the leavers goes home; the other 1 − h moves to the third place (neither home nor w). Default h = returned to China / (returned to China + moved to other countries) (Carnegie).
(6) Update at home, w = home(o): S[o,w](t) = S[o,w](t−1) + h·Σ_v L[o,v](t) + E[o,w](t), summing over the places v abroad.
    Update abroad, w ≠ home(o): S[o,w](t) = S[o,w](t−1) − L[o,w](t) + (1 − h)·L[o,v](t) + E[o,w](t), where v is the other place abroad.
(7) Outputs. Share working in w: s_w(t) = Σ_o S[o,w](t) / Σ_o Σ_w S[o,w](t). China-origin share of US-based researchers: S[China,US](t) / Σ_o S[o,US](t). Returnees to China since 2019: R(t) = Σ_τ≤t h·(L[China,US](τ) + L[China,Rest](τ)). Crossover: the first year t with Σ_o S[o,China](t) > Σ_o S[o,US](t), or none before the horizon.
(8) US net inflow in year t: researchers who start working in the US from another place (entrants of other origins, US-origin researchers coming home, movers) minus those who stop working there (leavers, US-origin entrants who start abroad).
(9) Back-test: run 2019 → 2022 and report 100·(s_w(2022) − observed share) in percentage points for the US and China (MacroPolo 2022).

Sliders: r_US (per year, and r_US^6 over six years), p[China,US] and p[China,China] (moving one rescales the other China-origin shares so that the three add up to 1), g, and the horizon (up to 2040)."#;

/// The model equations in Simplified Chinese, as plain text for the Sources & method page.
pub const EQUATIONS_ZH: &str = r#"以下是情景，不是预测：模型只展示滑块上的假设会推出什么结果。

符号。S[o,w](t) 为第 t 年末来源地为 o（本科学位所在国）、工作地为 w（雇主总部所在国）的顶尖 AI 研究人员人数；o 和 w 取 美国、中国 或 其他（世界其他地区）。home(o) 为来源地。2019 年的总量设为 P = 100。

(1) 起点：2019 年（MacroPolo 2019）。O_o：来源地占比。W_w：工作地占比。c、u：在美研究人员中中国来源、美国来源的占比。k：中国来源研究人员在中国机构工作的占比。
    S[中国,美国] = P·c·W_美国      S[美国,美国] = P·u·W_美国      S[其他,美国] = P·W_美国 − S[中国,美国] − S[美国,美国]
    S[中国,中国] = P·min(k·O_中国, W_中国)      S[美国,中国] = 0      S[其他,中国] = P·W_中国 − S[中国,中国]
    S[o,其他] = P·O_o − S[o,美国] − S[o,中国]   （各来源的其余人员在世界其他地区工作）
(2) 新一届人员：N(t) = n·P·(1 + g)^(t − 2020)，t ≥ 2020。默认 n = g = (NeurIPS 2022 年录用论文数 / 2019 年)^(1/(2022 − 2019)) − 1，即总量与会议规模同步增长。
(3) 新进入者：E[o,w](t) = N(t)·a_o·p[o,w]，其中 a 为来源地占比（Σ_o a_o = 1），p 为首份工作的去向（对每个 o，Σ_w p[o,w] = 1）。
(4) 离开者：对每个 w ≠ home(o)，L[o,w](t) = (1 − r[o,w])·S[o,w](t−1)；r[中国,美国] = r_美国，其余 r = r_其他。在来源地工作的人员不会离开，也没有人退出顶尖层级。
    默认 r_美国 = r_其他 = (2025 年仍在美国的人数 / 2019 年在美国的人数)^(1/(2025 − 2019))（卡内基）。
(5) 离开者中比例 h 回到来源地，其余 1 − h 前往第三地（既非来源地也非 w）。默认 h = 回到中国的人数 / (回到中国的人数 + 前往其他国家的人数)（卡内基）。
(6) 在来源地更新，w = home(o)：S[o,w](t) = S[o,w](t−1) + h·Σ_v L[o,v](t) + E[o,w](t)，对所有境外地点 v 求和。
    在境外更新，w ≠ home(o)：S[o,w](t) = S[o,w](t−1) − L[o,w](t) + (1 − h)·L[o,v](t) + E[o,w](t)，v 为另一个境外地点。
(7) 输出。在 w 工作的占比：s_w(t) = Σ_o S[o,w](t) / Σ_o Σ_w S[o,w](t)。在美研究人员中中国来源的占比：S[中国,美国](t) / Σ_o S[o,美国](t)。2019 年以来回到中国的人数：R(t) = Σ_τ≤t h·(L[中国,美国](τ) + L[中国,其他](τ))。交叉年份：首个满足 Σ_o S[o,中国](t) > Σ_o S[o,美国](t) 的年份 t；若在期限内没有则为“无”。
(8) 第 t 年美国净流入：从其他地方来到美国开始工作的人数（其他来源的新进入者、回国的美国来源人员、转移者）减去停止在美国工作的人数（离开者、在境外开始工作的美国来源新进入者）。
(9) 回测：从 2019 年运行到 2022 年，报告美国和中国的 100·(s_w(2022) − 观测占比)，单位为百分点（MacroPolo 2022）。

滑块：r_美国（每年，以及六年累计的 r_美国^6）、p[中国,美国] 与 p[中国,中国]（移动其中一个时，其余中国来源占比按比例调整，使三者之和保持为 1）、g，以及期限（最晚 2040 年）。"#;

/// Size of the 2019 pool in the model. Not a figure from data: a normalisation so that
/// stocks read as "per 100 top-tier researchers of 2019".
pub const BASELINE_POOL: f64 = 100.0;

/// US-origin researchers working in China at the start. Not from data: MacroPolo does
/// not break down the few non-Chinese researchers in China, and the model counts them
/// all as rest-of-world origin.
pub const US_IN_CHINA_AT_START: f64 = 0.0;

/// First year the horizon slider allows (one year after the 2019 baseline).
pub const MIN_END_YEAR: u16 = 2020;

/// Last year the horizon slider allows ("horizon up to 2040"; a design choice, not data).
pub const MAX_END_YEAR: u16 = 2040;

/// Default horizon: the longest one.
pub const DEFAULT_END_YEAR: u16 = MAX_END_YEAR;

/// Lowest yearly retention the sliders and [`Scenario::clamped`] allow. A design
/// choice, not data: below one half a yearly stock model stops making sense (more than
/// 98% gone in six years), and above it the US share rises with US retention (a
/// property test checks it over many scenarios).
pub const RETENTION_MIN: f64 = 0.5;

/// Highest yearly retention: nobody leaves.
pub const RETENTION_MAX: f64 = 1.0;

/// Lowest yearly growth of new cohorts (a slider range, not data).
pub const GROWTH_MIN: f64 = -0.2;

/// Highest yearly growth of new cohorts (a slider range, not data; the NeurIPS
/// 2019-2022 default is inside it).
pub const GROWTH_MAX: f64 = 0.5;

/// Largest first cohort, as a fraction of the 2019 pool (a range, not data).
pub const FIRST_COHORT_MAX: f64 = 1.0;

/// Length in years of the "over six years" view of US retention: the Carnegie
/// follow-up window, 2019 to 2025 (a test checks it against the years of
/// `cg25_cohort_size` and `cg25_still_us`).
pub const RETENTION_VIEW_YEARS: u16 = 6;

/// Below this, a group of shares counts as empty (numerical tolerance, not data).
const TINY: f64 = 1e-12;

/// A group of shares this close to a sum of 1 is left as it is, so that clamping twice
/// changes nothing (numerical tolerance, not data).
const SUM_TOLERANCE: f64 = 1e-12;

const US: usize = 0;
const CHINA: usize = 1;
const REST: usize = 2;

/// A 3 x 3 table indexed `[origin][work]`, both in [`Region`] order (US, China, Rest).
pub type Matrix = [[f64; 3]; 3];

/// A place of origin or of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Region {
    /// United States.
    Us,
    /// Mainland China.
    China,
    /// Rest of the world.
    Rest,
}

impl Region {
    /// All regions, in index order.
    pub const ALL: [Region; 3] = [Region::Us, Region::China, Region::Rest];

    /// Index into [`Matrix`] rows and columns and into share arrays.
    pub const fn index(self) -> usize {
        match self {
            Region::Us => US,
            Region::China => CHINA,
            Region::Rest => REST,
        }
    }

    /// Display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Region::Us, Lang::En) => "US",
            (Region::China, Lang::En) => "China",
            (Region::Rest, Lang::En) => "Rest of world",
            (Region::Us, Lang::Zh) => "美国",
            (Region::China, Lang::Zh) => "中国",
            (Region::Rest, Lang::Zh) => "世界其他地区",
        }
    }
}

/// A fact the model needs is missing from the data pack, or is not a usable number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingFact(pub &'static str);

impl fmt::Display for MissingFact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "projection needs fact `{}` as a finite number", self.0)
    }
}

impl std::error::Error for MissingFact {}

fn number(data: &Dataset, id: &'static str) -> Result<f64, MissingFact> {
    data.number(id)
        .filter(|v| v.is_finite())
        .ok_or(MissingFact(id))
}

/// A share as a fraction: `percent` facts are divided by 100.
fn share(data: &Dataset, id: &'static str) -> Result<f64, MissingFact> {
    let fact = data.fact(id).ok_or(MissingFact(id))?;
    let value = fact
        .number()
        .filter(|v| v.is_finite())
        .ok_or(MissingFact(id))?;
    Ok(if fact.is_percent() {
        value / 100.0
    } else {
        value
    })
}

fn year(data: &Dataset, id: &'static str) -> Result<u16, MissingFact> {
    data.fact(id).map(|f| f.year).ok_or(MissingFact(id))
}

fn finite(value: f64, id: &'static str) -> Result<f64, MissingFact> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(MissingFact(id))
    }
}

/// Fact ids of one MacroPolo snapshot.
#[derive(Clone, Copy)]
struct PatternIds {
    origin_china: &'static str,
    origin_us: &'static str,
    work_us: &'static str,
    work_china: &'static str,
    us_inst_china: &'static str,
    us_inst_us: &'static str,
    china_ug_us: &'static str,
    china_ug_china: &'static str,
}

const PATTERN_2019: PatternIds = PatternIds {
    origin_china: "mp19_origin_share_china",
    origin_us: "mp19_origin_share_us",
    work_us: "mp19_work_share_us",
    work_china: "mp19_work_share_china",
    us_inst_china: "mp19_us_inst_origin_share_china",
    us_inst_us: "mp19_us_inst_origin_share_us",
    china_ug_us: "mp19_china_ug_in_us",
    china_ug_china: "mp19_china_ug_in_china",
};

const PATTERN_2022: PatternIds = PatternIds {
    origin_china: "mp22_origin_share_china",
    origin_us: "mp22_origin_share_us",
    work_us: "mp22_work_share_us",
    work_china: "mp22_work_share_china",
    us_inst_china: "mp22_us_inst_origin_share_china",
    us_inst_us: "mp22_us_inst_origin_share_us",
    china_ug_us: "mp22_china_ug_grad_in_us",
    china_ug_china: "mp22_china_ug_grad_in_china",
};

impl PatternIds {
    /// Ids the start matrix is built from.
    fn matrix_ids(self) -> [&'static str; 7] {
        [
            self.origin_china,
            self.origin_us,
            self.work_us,
            self.work_china,
            self.us_inst_china,
            self.us_inst_us,
            self.china_ug_china,
        ]
    }

    /// Ids of every parameter of the pattern.
    fn all_ids(self) -> [&'static str; 8] {
        [
            self.origin_china,
            self.origin_us,
            self.work_us,
            self.work_china,
            self.us_inst_china,
            self.us_inst_us,
            self.china_ug_us,
            self.china_ug_china,
        ]
    }

    /// `(parameter, fact id)` pairs of a scenario built on this pattern.
    fn sources(self, out: &mut Vec<(&'static str, &'static str)>) {
        out.push(("origin_us", self.origin_us));
        out.push(("origin_china", self.origin_china));
        out.push(("origin_rest", self.origin_us));
        out.push(("origin_rest", self.origin_china));
        out.push(("china_to_us", self.china_ug_us));
        out.push(("china_stay", self.china_ug_china));
        out.push(("china_to_rest", self.china_ug_us));
        out.push(("china_to_rest", self.china_ug_china));
        for param in ["us_stay", "us_to_china", "us_to_rest"] {
            out.extend([self.us_inst_us, self.work_us, self.origin_us].map(|id| (param, id)));
        }
        for param in ["rest_to_us", "rest_to_china", "rest_stay"] {
            out.extend(self.matrix_ids().map(|id| (param, id)));
        }
    }
}

/// One MacroPolo snapshot as an origin x work matrix of fractions (see the module docs).
struct Snapshot {
    origin: [f64; 3],
    matrix: Matrix,
    china_first_jobs: [f64; 3],
}

fn snapshot(data: &Dataset, ids: PatternIds) -> Result<Snapshot, MissingFact> {
    let origin_china = share(data, ids.origin_china)?;
    let origin_us = share(data, ids.origin_us)?;
    let origin = [
        origin_us,
        origin_china,
        (1.0 - origin_china - origin_us).max(0.0),
    ];
    let work_us = share(data, ids.work_us)?;
    let work_china = share(data, ids.work_china)?;
    let china_among_us_based = share(data, ids.us_inst_china)?;
    let us_among_us_based = share(data, ids.us_inst_us)?;
    let china_in_china = share(data, ids.china_ug_china)?;

    let mut m = [[0.0; 3]; 3];
    m[CHINA][US] = china_among_us_based * work_us;
    m[US][US] = us_among_us_based * work_us;
    m[REST][US] = (work_us - m[CHINA][US] - m[US][US]).max(0.0);
    m[CHINA][CHINA] = (china_in_china * origin_china).min(work_china);
    m[US][CHINA] = US_IN_CHINA_AT_START;
    m[REST][CHINA] = (work_china - m[CHINA][CHINA] - m[US][CHINA]).max(0.0);
    for o in [US, CHINA, REST] {
        m[o][REST] = (origin[o] - m[o][US] - m[o][CHINA]).max(0.0);
    }

    let to_us = share(data, ids.china_ug_us)?;
    let china_first_jobs = normalise(
        [
            to_us,
            china_in_china,
            (1.0 - to_us - china_in_china).max(0.0),
        ],
        [0.0, 1.0, 0.0],
    );
    Ok(Snapshot {
        origin,
        matrix: m,
        china_first_jobs,
    })
}

impl Snapshot {
    /// Where each origin's new researchers start work: the snapshot's rows for US and
    /// rest-of-world origin, the stated split for China origin.
    fn first_jobs(&self) -> Matrix {
        let mut p = [[0.0; 3]; 3];
        for o in [US, CHINA, REST] {
            let mut home = [0.0; 3];
            home[o] = 1.0;
            p[o] = normalise(self.matrix[o], home);
        }
        p[CHINA] = self.china_first_jobs;
        p
    }
}

/// Clamps each entry into [0, 1] and scales the group to sum 1; `fallback` if empty.
fn normalise(group: [f64; 3], fallback: [f64; 3]) -> [f64; 3] {
    let clean = group.map(|v| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.0
        }
    });
    let sum: f64 = clean.iter().sum();
    if (sum - 1.0).abs() <= SUM_TOLERANCE {
        clean
    } else if sum > TINY {
        clean.map(|v| v / sum)
    } else {
        fallback
    }
}

/// Sets `group[index]` to `value` and rescales the other two so the group sums to 1.
fn couple(group: [f64; 3], index: usize, value: f64, fallback: f64) -> [f64; 3] {
    let value = if value.is_finite() { value } else { fallback };
    let value = if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let clean = group.map(|v| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.0
        }
    });
    let others: f64 = (0..3).filter(|&j| j != index).map(|j| clean[j]).sum();
    let remainder = 1.0 - value;
    let mut out = [0.0; 3];
    for j in 0..3 {
        out[j] = if j == index {
            value
        } else if others > TINY {
            clean[j] * remainder / others
        } else {
            remainder / 2.0
        };
    }
    out
}

fn clamp_or(value: f64, lo: f64, hi: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value.clamp(lo, hi)
    } else {
        fallback.clamp(lo, hi)
    }
}

const GROWTH_IDS: [&str; 2] = ["mp19_neurips_accepted", "mp22_neurips_accepted"];
const RETENTION_IDS: [&str; 2] = ["cg25_still_us", "cg25_cohort_size"];
const RETURN_IDS: [&str; 2] = ["cg25_moved_china", "cg25_other_countries"];

/// Yearly growth of NeurIPS accepted papers, 2019 to 2022.
fn neurips_growth(data: &Dataset) -> Result<f64, MissingFact> {
    let [id19, id22] = GROWTH_IDS;
    let years = f64::from(year(data, id22)?.saturating_sub(year(data, id19)?).max(1));
    let growth = (number(data, id22)? / number(data, id19)?).powf(1.0 / years) - 1.0;
    finite(growth, id22)
}

/// Yearly retention implied by the Carnegie follow-up: (still in US / cohort)^(1/years).
fn carnegie_retention(data: &Dataset) -> Result<f64, MissingFact> {
    let [still, cohort] = RETENTION_IDS;
    let years = f64::from(
        year(data, still)?
            .saturating_sub(year(data, cohort)?)
            .max(1),
    );
    finite(
        (number(data, still)? / number(data, cohort)?).powf(1.0 / years),
        still,
    )
}

/// Share of Carnegie leavers who went back to China rather than elsewhere.
fn carnegie_return_share(data: &Dataset) -> Result<f64, MissingFact> {
    let [china, other] = RETURN_IDS;
    let china_n = number(data, china)?;
    finite(china_n / (china_n + number(data, other)?), china)
}

/// The parameters of a what-if run. Shares are fractions (0.27, not 27).
///
/// Three groups of fields are coupled and always add up to 1: the origin shares of new
/// cohorts, and for each origin the split of its new researchers between work places.
/// Use the `set_share_*` methods to move one and rescale the others.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Last projected year, [`MIN_END_YEAR`] to [`MAX_END_YEAR`].
    pub end_year: u16,
    /// Yearly growth of new cohorts (0.1 = +10% a year), [`GROWTH_MIN`] to [`GROWTH_MAX`].
    /// Default: growth of NeurIPS accepted papers 2019 to 2022.
    pub cohort_growth: f64,
    /// Size of the first new cohort (2020) as a fraction of the 2019 pool, 0 to
    /// [`FIRST_COHORT_MAX`]. Default: the NeurIPS growth, so the pool grows like the
    /// conference.
    pub first_cohort: f64,
    /// Share of new researchers with a US undergraduate degree.
    pub origin_us: f64,
    /// Share of new researchers with a Chinese undergraduate degree.
    pub origin_china: f64,
    /// Share of new researchers with an undergraduate degree from the rest of the world.
    pub origin_rest: f64,
    /// Share of new China-origin researchers who start work in the US (slider).
    pub china_to_us: f64,
    /// Share of new China-origin researchers who start work in China (slider).
    pub china_stay: f64,
    /// Share of new China-origin researchers who start work in the rest of the world.
    pub china_to_rest: f64,
    /// Share of new US-origin researchers who start work in the US.
    pub us_stay: f64,
    /// Share of new US-origin researchers who start work in China.
    pub us_to_china: f64,
    /// Share of new US-origin researchers who start work in the rest of the world.
    pub us_to_rest: f64,
    /// Share of new rest-of-world-origin researchers who start work in the US.
    pub rest_to_us: f64,
    /// Share of new rest-of-world-origin researchers who start work in China.
    pub rest_to_china: f64,
    /// Share of new rest-of-world-origin researchers who start work in the rest of the world.
    pub rest_stay: f64,
    /// Yearly retention of China-origin researchers working in the US (slider),
    /// [`RETENTION_MIN`] to [`RETENTION_MAX`]. Default from Carnegie.
    pub us_retention_china: f64,
    /// Yearly retention of every other researcher working abroad. Default: the same
    /// Carnegie rate, the only measured yearly retention in the data pack.
    pub other_retention: f64,
    /// Share of leavers who go home rather than to the third place, 0 to 1.
    /// Default from Carnegie (returned to China vs moved to other countries).
    pub return_home_share: f64,
}

static DEFAULT_SCENARIO: LazyLock<Scenario> =
    LazyLock::new(|| Scenario::from_dataset(Dataset::embedded()));

impl Default for Scenario {
    /// The defaults from the embedded data pack: [`Scenario::from_dataset`].
    fn default() -> Self {
        *DEFAULT_SCENARIO
    }
}

impl Scenario {
    /// Every default from the data pack: the 2022 pattern of new cohorts (origin shares
    /// and first jobs, the latest observed), Carnegie retention and return split, NeurIPS
    /// cohort growth, horizon [`DEFAULT_END_YEAR`].
    ///
    /// # Errors
    /// [`MissingFact`] naming the first fact that is missing or not a finite number.
    pub fn try_from_dataset(data: &Dataset) -> Result<Scenario, MissingFact> {
        let growth = neurips_growth(data)?;
        let retention = carnegie_retention(data)?;
        let mut scenario = Scenario {
            end_year: DEFAULT_END_YEAR,
            cohort_growth: growth,
            first_cohort: growth,
            origin_us: 0.0,
            origin_china: 0.0,
            origin_rest: 0.0,
            china_to_us: 0.0,
            china_stay: 0.0,
            china_to_rest: 0.0,
            us_stay: 0.0,
            us_to_china: 0.0,
            us_to_rest: 0.0,
            rest_to_us: 0.0,
            rest_to_china: 0.0,
            rest_stay: 0.0,
            us_retention_china: retention,
            other_retention: retention,
            return_home_share: carnegie_return_share(data)?,
        };
        scenario.set_pattern(&snapshot(data, PATTERN_2022)?);
        Ok(scenario)
    }

    /// [`Scenario::try_from_dataset`], for a pack known to hold the facts.
    ///
    /// # Panics
    /// If a fact is missing; never with [`Dataset::embedded`] (the tests check it).
    pub fn from_dataset(data: &Dataset) -> Scenario {
        Scenario::try_from_dataset(data).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A field by its name, as [`Scenario::sources`] names it; `end_year` as a number.
    /// `None` for a name that is not a field.
    pub fn field(&self, name: &str) -> Option<f64> {
        Some(match name {
            "end_year" => f64::from(self.end_year),
            "cohort_growth" => self.cohort_growth,
            "first_cohort" => self.first_cohort,
            "origin_us" => self.origin_us,
            "origin_china" => self.origin_china,
            "origin_rest" => self.origin_rest,
            "china_to_us" => self.china_to_us,
            "china_stay" => self.china_stay,
            "china_to_rest" => self.china_to_rest,
            "us_stay" => self.us_stay,
            "us_to_china" => self.us_to_china,
            "us_to_rest" => self.us_to_rest,
            "rest_to_us" => self.rest_to_us,
            "rest_to_china" => self.rest_to_china,
            "rest_stay" => self.rest_stay,
            "us_retention_china" => self.us_retention_china,
            "other_retention" => self.other_retention,
            "return_home_share" => self.return_home_share,
            _ => return None,
        })
    }

    /// Which fact ids each default comes from, as `(field, fact id)` pairs; a field
    /// derived from several facts appears once per fact. `end_year` is not from data.
    pub fn sources() -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        for id in GROWTH_IDS {
            out.push(("cohort_growth", id));
            out.push(("first_cohort", id));
        }
        PATTERN_2022.sources(&mut out);
        for id in RETENTION_IDS {
            out.push(("us_retention_china", id));
            out.push(("other_retention", id));
        }
        for id in RETURN_IDS {
            out.push(("return_home_share", id));
        }
        out
    }

    fn set_pattern(&mut self, snap: &Snapshot) {
        self.set_origin(snap.origin);
        let p = snap.first_jobs();
        self.set_first_jobs(US, p[US]);
        self.set_first_jobs(CHINA, p[CHINA]);
        self.set_first_jobs(REST, p[REST]);
    }

    /// Origin shares of new cohorts, in [`Region`] order.
    pub fn origin(&self) -> [f64; 3] {
        [self.origin_us, self.origin_china, self.origin_rest]
    }

    fn set_origin(&mut self, group: [f64; 3]) {
        [self.origin_us, self.origin_china, self.origin_rest] = group;
    }

    /// Where each origin's new researchers start work: `[origin][work]`, rows sum to 1.
    pub fn first_jobs(&self) -> Matrix {
        [
            [self.us_stay, self.us_to_china, self.us_to_rest],
            [self.china_to_us, self.china_stay, self.china_to_rest],
            [self.rest_to_us, self.rest_to_china, self.rest_stay],
        ]
    }

    fn set_first_jobs(&mut self, origin: usize, row: [f64; 3]) {
        match origin {
            US => [self.us_stay, self.us_to_china, self.us_to_rest] = row,
            CHINA => [self.china_to_us, self.china_stay, self.china_to_rest] = row,
            _ => [self.rest_to_us, self.rest_to_china, self.rest_stay] = row,
        }
    }

    /// Every field in its valid range, coupled shares renormalised to sum 1; a NaN or
    /// infinite field takes its default, and so does a group of shares that is all 0.
    pub fn clamped(&self) -> Scenario {
        self.clamped_with(&Scenario::default())
    }

    fn clamped_with(&self, d: &Scenario) -> Scenario {
        let mut s = *self;
        s.end_year = self.end_year.clamp(MIN_END_YEAR, MAX_END_YEAR);
        s.cohort_growth = clamp_or(self.cohort_growth, GROWTH_MIN, GROWTH_MAX, d.cohort_growth);
        s.first_cohort = clamp_or(self.first_cohort, 0.0, FIRST_COHORT_MAX, d.first_cohort);
        s.us_retention_china = clamp_or(
            self.us_retention_china,
            RETENTION_MIN,
            RETENTION_MAX,
            d.us_retention_china,
        );
        s.other_retention = clamp_or(
            self.other_retention,
            RETENTION_MIN,
            RETENTION_MAX,
            d.other_retention,
        );
        s.return_home_share = clamp_or(self.return_home_share, 0.0, 1.0, d.return_home_share);
        let fix = |group: [f64; 3], fallback: [f64; 3]| {
            let filled = [0, 1, 2].map(|i| {
                if group[i].is_finite() {
                    group[i]
                } else {
                    fallback[i]
                }
            });
            normalise(filled, fallback)
        };
        s.set_origin(fix(self.origin(), d.origin()));
        let (p, dp) = (self.first_jobs(), d.first_jobs());
        for o in [US, CHINA, REST] {
            s.set_first_jobs(o, fix(p[o], dp[o]));
        }
        s
    }

    fn set_china_share(&mut self, index: usize, value: f64) {
        let row = self.first_jobs()[CHINA];
        let fallback = Scenario::default().first_jobs()[CHINA][index];
        self.set_first_jobs(CHINA, couple(row, index, value, fallback));
    }

    /// Sets the share of new China-origin researchers who start in the US and rescales
    /// the other two China-origin shares proportionally (evenly if both are 0).
    pub fn set_share_china_to_us(&mut self, value: f64) {
        self.set_china_share(US, value);
    }

    /// Sets the share of new China-origin researchers who stay in China, rescaling the
    /// other two.
    pub fn set_share_china_stay(&mut self, value: f64) {
        self.set_china_share(CHINA, value);
    }

    /// Sets the share of new China-origin researchers who start in the rest of the
    /// world, rescaling the other two.
    pub fn set_share_china_to_rest(&mut self, value: f64) {
        self.set_china_share(REST, value);
    }

    fn set_origin_share(&mut self, index: usize, value: f64) {
        let fallback = Scenario::default().origin()[index];
        self.set_origin(couple(self.origin(), index, value, fallback));
    }

    /// Sets the US-origin share of new cohorts, rescaling the other two origins.
    pub fn set_share_origin_us(&mut self, value: f64) {
        self.set_origin_share(US, value);
    }

    /// Sets the China-origin share of new cohorts, rescaling the other two origins.
    pub fn set_share_origin_china(&mut self, value: f64) {
        self.set_origin_share(CHINA, value);
    }

    /// Sets the rest-of-world-origin share of new cohorts, rescaling the other two.
    pub fn set_share_origin_rest(&mut self, value: f64) {
        self.set_origin_share(REST, value);
    }

    /// Sets the yearly US retention of China-origin researchers, clamped to
    /// [`RETENTION_MIN`]..=[`RETENTION_MAX`]; NaN or infinite takes the default.
    pub fn set_us_retention_china(&mut self, per_year: f64) {
        self.us_retention_china = clamp_or(
            per_year,
            RETENTION_MIN,
            RETENTION_MAX,
            Scenario::default().us_retention_china,
        );
    }

    /// US retention of China-origin researchers over [`RETENTION_VIEW_YEARS`] years:
    /// the share of a cohort still in the US after six years (Carnegie's measure).
    pub fn us_retention_china_six_years(&self) -> f64 {
        self.us_retention_china
            .powi(i32::from(RETENTION_VIEW_YEARS))
    }

    /// Sets US retention of China-origin researchers from its six-year value:
    /// per year = six-year value^(1/6).
    pub fn set_us_retention_china_six_years(&mut self, six_years: f64) {
        let per_year = if six_years.is_finite() {
            six_years
                .clamp(0.0, 1.0)
                .powf(1.0 / f64::from(RETENTION_VIEW_YEARS))
        } else {
            f64::NAN
        };
        self.set_us_retention_china(per_year);
    }

    /// Sets the yearly growth of new cohorts, clamped to [`GROWTH_MIN`]..=[`GROWTH_MAX`].
    pub fn set_cohort_growth(&mut self, growth: f64) {
        self.cohort_growth = clamp_or(
            growth,
            GROWTH_MIN,
            GROWTH_MAX,
            Scenario::default().cohort_growth,
        );
    }

    /// Sets the horizon, clamped to [`MIN_END_YEAR`]..=[`MAX_END_YEAR`].
    pub fn set_end_year(&mut self, year: u16) {
        self.end_year = year.clamp(MIN_END_YEAR, MAX_END_YEAR);
    }

    /// Multiplies the shares of new China- and rest-of-world-origin researchers who
    /// start in the US by `factor`, rescaling the other shares of each row.
    fn scale_us_attraction(&mut self, factor: f64) {
        let p = self.first_jobs();
        for o in [CHINA, REST] {
            let row = couple(p[o], US, p[o][US] * factor, p[o][US]);
            self.set_first_jobs(o, row);
        }
    }
}

/// The 2019 stock the projection starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    /// Year of the stock (2019 for MacroPolo 1.0).
    pub year: u16,
    /// Researchers by `[origin][work]`.
    pub stock: Matrix,
}

static EMBEDDED_BASELINE: LazyLock<Baseline> =
    LazyLock::new(|| Baseline::from_dataset(Dataset::embedded()));

impl Baseline {
    /// The MacroPolo 2019 matrix scaled to [`BASELINE_POOL`] (see the module docs).
    ///
    /// # Errors
    /// [`MissingFact`] naming the first fact that is missing.
    pub fn try_from_dataset(data: &Dataset) -> Result<Baseline, MissingFact> {
        let snap = snapshot(data, PATTERN_2019)?;
        Ok(Baseline {
            year: year(data, PATTERN_2019.work_us)?,
            stock: snap.matrix.map(|row| row.map(|v| v * BASELINE_POOL)),
        })
    }

    /// [`Baseline::try_from_dataset`], for a pack known to hold the facts.
    ///
    /// # Panics
    /// If a fact is missing; never with [`Dataset::embedded`].
    pub fn from_dataset(data: &Dataset) -> Baseline {
        Baseline::try_from_dataset(data).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The baseline of the embedded data pack, built once.
    pub fn embedded() -> &'static Baseline {
        &EMBEDDED_BASELINE
    }

    /// The Carnegie cohort: `cg25_cohort_size` China-origin researchers in the US in
    /// 2019 and nobody else.
    ///
    /// # Errors
    /// [`MissingFact`] if the cohort fact is missing.
    pub fn try_carnegie_cohort(data: &Dataset) -> Result<Baseline, MissingFact> {
        let [_, cohort] = RETENTION_IDS;
        let mut stock = [[0.0; 3]; 3];
        stock[CHINA][US] = number(data, cohort)?;
        Ok(Baseline {
            year: year(data, cohort)?,
            stock,
        })
    }

    /// Fact ids the matrix is built from.
    pub fn sources() -> Vec<&'static str> {
        PATTERN_2019.matrix_ids().to_vec()
    }

    /// All researchers in the stock.
    pub fn total(&self) -> f64 {
        self.stock.iter().flatten().sum()
    }
}

/// The state of the model at the end of one year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearPoint {
    /// Calendar year.
    pub year: u16,
    /// Researchers by `[origin][work]` (2019 pool = [`BASELINE_POOL`]).
    pub stock: Matrix,
    /// All researchers.
    pub total: f64,
    /// Researchers by work location, in [`Region`] order.
    pub working: [f64; 3],
    /// Share of researchers working in the US, China and the rest of the world; sums to 1.
    pub work_share: [f64; 3],
    /// Share of US-based researchers who are China-origin.
    pub china_origin_share_of_us: f64,
    /// China-origin researchers who came back to China from abroad since the start year.
    pub returnees_to_china: f64,
    /// Arrivals in US work minus departures during the year (0 in the start year).
    pub us_net_inflow: f64,
}

impl YearPoint {
    fn new(year: u16, stock: Matrix, returnees_to_china: f64, us_net_inflow: f64) -> YearPoint {
        let mut working = [0.0; 3];
        for row in &stock {
            for (w, v) in row.iter().enumerate() {
                working[w] += v;
            }
        }
        let total: f64 = working.iter().sum();
        let work_share = if total > 0.0 {
            working.map(|v| v / total)
        } else {
            [0.0; 3]
        };
        let china_origin_share_of_us = if working[US] > 0.0 {
            stock[CHINA][US] / working[US]
        } else {
            0.0
        };
        YearPoint {
            year,
            stock,
            total,
            working,
            work_share,
            china_origin_share_of_us,
            returnees_to_china,
            us_net_inflow,
        }
    }

    /// Share of researchers working in `region`.
    pub fn share(&self, region: Region) -> f64 {
        self.work_share[region.index()]
    }
}

/// A projection: one point per year from the baseline year to the horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Start year first.
    pub points: Vec<YearPoint>,
    /// First year China's working pool is larger than the US's, or `None` before the
    /// horizon.
    pub crossover_year: Option<u16>,
}

impl Projection {
    /// The point of one year.
    pub fn at(&self, year: u16) -> Option<&YearPoint> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The point at the horizon.
    ///
    /// # Panics
    /// Never: a projection always holds at least its start point.
    pub fn last(&self) -> &YearPoint {
        self.points.last().expect("a projection has a start point")
    }
}

/// Projects the scenario from the embedded 2019 baseline.
pub fn project(scenario: &Scenario) -> Projection {
    project_from(Baseline::embedded(), scenario)
}

/// Projects the scenario (clamped first) from a given baseline.
pub fn project_from(baseline: &Baseline, scenario: &Scenario) -> Projection {
    let s = scenario.clamped();
    let start = baseline.year;
    let end = s.end_year.max(start);
    let mut points = Vec::with_capacity(usize::from(end - start) + 1);
    let mut stock = baseline
        .stock
        .map(|row| row.map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 }));
    let origin = s.origin();
    let first_jobs = s.first_jobs();
    let mut cohort = s.first_cohort * stock.iter().flatten().sum::<f64>();
    let mut returnees = 0.0;
    points.push(YearPoint::new(start, stock, returnees, 0.0));
    for year in start.saturating_add(1)..=end {
        let flows = step(&stock, &s, &origin, &first_jobs, cohort);
        stock = flows.stock;
        returnees += flows.returnees_to_china;
        points.push(YearPoint::new(year, stock, returnees, flows.us_net_inflow));
        cohort *= 1.0 + s.cohort_growth;
    }
    let crossover_year = points
        .iter()
        .find(|p| p.working[CHINA] > p.working[US])
        .map(|p| p.year);
    Projection {
        points,
        crossover_year,
    }
}

struct Step {
    stock: Matrix,
    returnees_to_china: f64,
    us_net_inflow: f64,
}

/// One year of equations (4) to (8).
fn step(stock: &Matrix, s: &Scenario, origin: &[f64; 3], first_jobs: &Matrix, cohort: f64) -> Step {
    let h = s.return_home_share;
    let mut next = *stock;
    let mut arrivals = [0.0; 3];
    let mut departures = [0.0; 3];
    let mut returnees_to_china = 0.0;
    for home in [US, CHINA, REST] {
        for w in [US, CHINA, REST] {
            if w == home {
                continue;
            }
            let retention = if home == CHINA && w == US {
                s.us_retention_china
            } else {
                s.other_retention
            };
            let leavers = (1.0 - retention) * stock[home][w];
            let back = h * leavers;
            let onward = leavers - back;
            // Indices are 0, 1, 2: the third place is what home and w leave of 3.
            let third = 3 - home - w;
            next[home][w] -= leavers;
            next[home][home] += back;
            next[home][third] += onward;
            departures[w] += leavers;
            arrivals[home] += back;
            arrivals[third] += onward;
            if home == CHINA {
                returnees_to_china += back;
            }
        }
        for w in [US, CHINA, REST] {
            let entrants = cohort * origin[home] * first_jobs[home][w];
            next[home][w] += entrants;
            if w != home {
                arrivals[w] += entrants;
                departures[home] += entrants;
            }
        }
    }
    Step {
        stock: next,
        returnees_to_china,
        us_net_inflow: arrivals[US] - departures[US],
    }
}

/// An observed MacroPolo point to draw next to the projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observed {
    /// Year of the sample.
    pub year: u16,
    /// Share working in the US, China and the rest of the world (rest = 1 - US - China).
    pub work_share: [f64; 3],
    /// Share of US-based researchers who are China-origin.
    pub china_origin_share_of_us: f64,
}

fn observed(data: &Dataset, ids: PatternIds) -> Result<Observed, MissingFact> {
    let us = share(data, ids.work_us)?;
    let china = share(data, ids.work_china)?;
    Ok(Observed {
        year: year(data, ids.work_us)?,
        work_share: [us, china, (1.0 - us - china).max(0.0)],
        china_origin_share_of_us: share(data, ids.us_inst_china)?,
    })
}

/// The observed 2019 and 2022 points (MacroPolo `mp19_work_share_*`,
/// `mp22_work_share_*`, `*_us_inst_origin_share_china`).
///
/// # Panics
/// If a fact is missing; never with [`Dataset::embedded`].
pub fn observed_points(data: &Dataset) -> [Observed; 2] {
    [PATTERN_2019, PATTERN_2022].map(|ids| observed(data, ids).unwrap_or_else(|e| panic!("{e}")))
}

/// The scenario run from 2019 to 2022 against MacroPolo 2022.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backtest {
    /// Start year (2019).
    pub start_year: u16,
    /// Year compared (2022).
    pub year: u16,
    /// Model shares working in the US, China and the rest of the world.
    pub model: [f64; 3],
    /// Observed shares (`mp22_work_share_us`, `mp22_work_share_china`, rest).
    pub observed: [f64; 3],
    /// Model minus observed, in percentage points.
    pub error_pp: [f64; 3],
    /// Mean absolute error over the US and China, in percentage points.
    pub mean_abs_error_pp: f64,
    /// Model China-origin share of US-based researchers.
    pub model_china_origin_share_of_us: f64,
    /// Observed China-origin share of US-based researchers (`mp22_us_inst_origin_share_china`).
    pub observed_china_origin_share_of_us: f64,
}

/// Runs the scenario from the 2019 baseline to 2022 and compares with MacroPolo 2022.
///
/// # Panics
/// If a MacroPolo fact is missing; never with [`Dataset::embedded`].
pub fn backtest(data: &Dataset, scenario: &Scenario) -> Backtest {
    let baseline = Baseline::from_dataset(data);
    let target = observed(data, PATTERN_2022).unwrap_or_else(|e| panic!("{e}"));
    let mut s = scenario.clamped();
    s.end_year = target.year;
    let projection = project_from(&baseline, &s);
    let point = projection
        .at(target.year)
        .unwrap_or_else(|| projection.last());
    let error_pp = [0, 1, 2].map(|i| 100.0 * (point.work_share[i] - target.work_share[i]));
    Backtest {
        start_year: baseline.year,
        year: point.year,
        model: point.work_share,
        observed: target.work_share,
        error_pp,
        mean_abs_error_pp: (error_pp[US].abs() + error_pp[CHINA].abs()) / 2.0,
        model_china_origin_share_of_us: point.china_origin_share_of_us,
        observed_china_origin_share_of_us: target.china_origin_share_of_us,
    }
}

/// The Carnegie cohort run through the scenario: 100 China-origin researchers in the
/// US in 2019, no new entrants, six years.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CarnegieCheck {
    /// Years followed (2025 - 2019).
    pub years: u16,
    /// Cohort size (`cg25_cohort_size`).
    pub cohort: f64,
    /// Model: still in the US.
    pub in_us: f64,
    /// Model: in China.
    pub in_china: f64,
    /// Model: in the rest of the world.
    pub elsewhere: f64,
    /// Observed still in the US (`cg25_still_us`).
    pub observed_in_us: f64,
    /// Observed in China (`cg25_moved_china`).
    pub observed_in_china: f64,
    /// Observed elsewhere (`cg25_other_countries`).
    pub observed_elsewhere: f64,
}

/// Runs the Carnegie cohort through the scenario's retention and return split.
///
/// # Panics
/// If a Carnegie fact is missing; never with [`Dataset::embedded`].
pub fn carnegie_check(data: &Dataset, scenario: &Scenario) -> CarnegieCheck {
    let run = || -> Result<CarnegieCheck, MissingFact> {
        let baseline = Baseline::try_carnegie_cohort(data)?;
        let [still, cohort] = RETENTION_IDS;
        let [china, other] = RETURN_IDS;
        let mut s = scenario.clamped();
        s.first_cohort = 0.0;
        s.end_year = year(data, still)?;
        let projection = project_from(&baseline, &s);
        let point = projection.last();
        Ok(CarnegieCheck {
            years: point.year - baseline.year,
            cohort: number(data, cohort)?,
            in_us: point.stock[CHINA][US],
            in_china: point.stock[CHINA][CHINA],
            elsewhere: point.stock[CHINA][REST],
            observed_in_us: number(data, still)?,
            observed_in_china: number(data, china)?,
            observed_elsewhere: number(data, other)?,
        })
    };
    run().unwrap_or_else(|e| panic!("{e}"))
}

/// Ready-made scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Preset {
    /// New cohorts as in 2019: MacroPolo 2019 origin shares and China-undergrad paths
    /// (`mp19_origin_share_*`, `mp19_china_ug_in_us`, `mp19_china_ug_in_china`), other
    /// origins' first jobs from the 2019 matrix.
    Pattern2019,
    /// New cohorts as in 2022: MacroPolo 2022 origin shares and China-undergrad graduate
    /// split (`mp22_origin_share_*`, `mp22_china_ug_grad_in_us`,
    /// `mp22_china_ug_grad_in_china`), other origins' first jobs from the 2022 matrix.
    /// These are also the defaults.
    Pattern2022,
    /// Retention and return split back to Carnegie: yearly retention
    /// (`cg25_still_us` / `cg25_cohort_size`)^(1/6) for everyone abroad, return share
    /// `cg25_moved_china` / (`cg25_moved_china` + `cg25_other_countries`).
    CarnegieRetention,
    /// Departures of China-origin researchers from the US up by
    /// `pnas_departure_increase` percent (China Initiative years): the Carnegie
    /// departure rate 1 - r times 1 + increase / 100.
    ChinaInitiativeDepartures,
    /// US net inflow zero in 2025 (`zeki25_us_net_flow`, break-even): the shares of new
    /// China- and rest-of-world-origin researchers who start in the US are scaled by one
    /// factor, found by bisection, so that arrivals equal departures in 2025.
    UsNetInflowZero,
    /// Every default from the data ([`Scenario::from_dataset`]).
    Reset,
}

impl Preset {
    /// All presets, in display order.
    pub const ALL: [Preset; 6] = [
        Preset::Pattern2019,
        Preset::Pattern2022,
        Preset::CarnegieRetention,
        Preset::ChinaInitiativeDepartures,
        Preset::UsNetInflowZero,
        Preset::Reset,
    ];

    /// Stable short key (for URLs).
    pub fn key(self) -> &'static str {
        match self {
            Preset::Pattern2019 => "p2019",
            Preset::Pattern2022 => "p2022",
            Preset::CarnegieRetention => "carnegie",
            Preset::ChinaInitiativeDepartures => "departures",
            Preset::UsNetInflowZero => "net-zero",
            Preset::Reset => "reset",
        }
    }

    /// The preset with this key.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Fact ids the preset's values come from (empty for [`Preset::Reset`], whose
    /// sources are [`Scenario::sources`]).
    pub fn sources(self) -> Vec<&'static str> {
        match self {
            Preset::Pattern2019 => PATTERN_2019.all_ids().to_vec(),
            Preset::Pattern2022 => PATTERN_2022.all_ids().to_vec(),
            Preset::CarnegieRetention => [RETENTION_IDS, RETURN_IDS].concat(),
            Preset::ChinaInitiativeDepartures => {
                [RETENTION_IDS.as_slice(), &[DEPARTURE_INCREASE_ID]].concat()
            }
            Preset::UsNetInflowZero => vec![NET_FLOW_ID],
            Preset::Reset => Vec::new(),
        }
    }

    /// Button label; the figures in it come from the data pack.
    pub fn label(self, data: &Dataset, lang: Lang) -> String {
        let increase = data
            .number(DEPARTURE_INCREASE_ID)
            .map_or_else(String::new, |v| format!("{v}"));
        let net_year = data
            .fact(NET_FLOW_ID)
            .map_or_else(String::new, |f| f.year.to_string());
        match (self, lang) {
            (Preset::Pattern2019, Lang::En) => "2019 pattern".into(),
            (Preset::Pattern2019, Lang::Zh) => "2019 年模式".into(),
            (Preset::Pattern2022, Lang::En) => "2022 pattern".into(),
            (Preset::Pattern2022, Lang::Zh) => "2022 年模式".into(),
            (Preset::CarnegieRetention, Lang::En) => "Carnegie retention".into(),
            (Preset::CarnegieRetention, Lang::Zh) => "卡内基留美率".into(),
            (Preset::ChinaInitiativeDepartures, Lang::En) => {
                format!("Departures up {increase}% (China Initiative years)")
            }
            (Preset::ChinaInitiativeDepartures, Lang::Zh) => {
                format!("离美率上升 {increase}%（“中国行动计划”时期）")
            }
            (Preset::UsNetInflowZero, Lang::En) => format!("US net inflow zero ({net_year})"),
            (Preset::UsNetInflowZero, Lang::Zh) => format!("美国净流入为零（{net_year}）"),
            (Preset::Reset, Lang::En) => "Reset".into(),
            (Preset::Reset, Lang::Zh) => "重置".into(),
        }
    }

    /// The preset applied to the defaults.
    ///
    /// # Panics
    /// If a fact is missing; never with [`Dataset::embedded`].
    pub fn apply(self, data: &Dataset) -> Scenario {
        self.apply_to(data, &Scenario::from_dataset(data))
    }

    /// The preset applied to `base`: only the fields the preset is about change
    /// (all of them for [`Preset::Reset`]).
    ///
    /// # Panics
    /// If a fact is missing; never with [`Dataset::embedded`].
    pub fn apply_to(self, data: &Dataset, base: &Scenario) -> Scenario {
        self.try_apply_to(data, base)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn try_apply_to(self, data: &Dataset, base: &Scenario) -> Result<Scenario, MissingFact> {
        let mut s = base.clamped();
        match self {
            Preset::Pattern2019 => s.set_pattern(&snapshot(data, PATTERN_2019)?),
            Preset::Pattern2022 => s.set_pattern(&snapshot(data, PATTERN_2022)?),
            Preset::CarnegieRetention => {
                let retention = carnegie_retention(data)?;
                s.us_retention_china = retention;
                s.other_retention = retention;
                s.return_home_share = carnegie_return_share(data)?;
            }
            Preset::ChinaInitiativeDepartures => {
                let factor = 1.0 + number(data, DEPARTURE_INCREASE_ID)? / 100.0;
                s.us_retention_china = 1.0 - (1.0 - carnegie_retention(data)?) * factor;
            }
            Preset::UsNetInflowZero => s = us_net_inflow_zero(data, &s)?,
            Preset::Reset => s = Scenario::try_from_dataset(data)?,
        }
        Ok(s.clamped_with(&s))
    }
}

const DEPARTURE_INCREASE_ID: &str = "pnas_departure_increase";
const NET_FLOW_ID: &str = "zeki25_us_net_flow";

/// Bisection steps for the net-inflow preset (numerical, not data): 2^-50 of the range.
const BISECTION_STEPS: u32 = 50;

/// Scales US attraction so the US net inflow in the Zeki year equals the Zeki figure.
fn us_net_inflow_zero(data: &Dataset, base: &Scenario) -> Result<Scenario, MissingFact> {
    let target = number(data, NET_FLOW_ID)?;
    let target_year = year(data, NET_FLOW_ID)?;
    let baseline = Baseline::try_from_dataset(data)?;
    let with = |factor: f64| {
        let mut s = *base;
        s.scale_us_attraction(factor);
        s
    };
    let net = |factor: f64| {
        let mut s = with(factor);
        s.end_year = target_year;
        project_from(&baseline, &s)
            .at(target_year)
            .map_or(0.0, |p| p.us_net_inflow)
    };
    if net(1.0) <= target {
        return Ok(with(1.0));
    }
    if net(0.0) >= target {
        return Ok(with(0.0));
    }
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..BISECTION_STEPS {
        let mid = 0.5 * (lo + hi);
        if net(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(with(0.5 * (lo + hi)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_readable_by_name() {
        let s = Scenario::default();
        // Destructured in full so that a new field breaks this test until it has a name.
        let Scenario {
            end_year,
            cohort_growth,
            first_cohort,
            origin_us,
            origin_china,
            origin_rest,
            china_to_us,
            china_stay,
            china_to_rest,
            us_stay,
            us_to_china,
            us_to_rest,
            rest_to_us,
            rest_to_china,
            rest_stay,
            us_retention_china,
            other_retention,
            return_home_share,
        } = s;
        let expected = [
            ("end_year", f64::from(end_year)),
            ("cohort_growth", cohort_growth),
            ("first_cohort", first_cohort),
            ("origin_us", origin_us),
            ("origin_china", origin_china),
            ("origin_rest", origin_rest),
            ("china_to_us", china_to_us),
            ("china_stay", china_stay),
            ("china_to_rest", china_to_rest),
            ("us_stay", us_stay),
            ("us_to_china", us_to_china),
            ("us_to_rest", us_to_rest),
            ("rest_to_us", rest_to_us),
            ("rest_to_china", rest_to_china),
            ("rest_stay", rest_stay),
            ("us_retention_china", us_retention_china),
            ("other_retention", other_retention),
            ("return_home_share", return_home_share),
        ];
        for (name, value) in expected {
            assert_eq!(s.field(name), Some(value), "{name}");
        }
        for (name, _) in Scenario::sources() {
            assert!(
                s.field(name).is_some(),
                "source field {name} has no accessor"
            );
        }
        assert_eq!(s.field("no_such_field"), None);
    }
}
