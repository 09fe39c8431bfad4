//! What-if model: a yearly projection of the top tier of AI researchers by origin and
//! work place, from MacroPolo 2019, calibrated to MacroPolo 2022 and to Carnegie's
//! follow-up, with an uncertainty band.
//!
//! **These are scenarios, not forecasts.** MacroPolo's top tier is each year's set of
//! authors of accepted NeurIPS papers, closer to a flow than to a stock of people: the
//! model lets researchers leave the tier each year and newcomers take their places, and
//! moves the ones who stay between the US, China and the rest of the world. Carnegie
//! followed a closed group of people instead, so the model follows that group on its
//! own, with the same moves and no turnover: both sources hold at once.
//!
//! Every parameter is a [`Param`]: one table gives its link key, range, step, where its
//! default comes from (facts, the calibration, or a design choice) and whether it has a
//! slider. [`Model`] reads the data pack once, calibrates the parameters no source
//! states ([`Calibration`]) and builds the defaults; [`Model::banded`] adds the band,
//! [`Model::compare`] a pinned baseline, [`Model::tornado`] the sensitivity of the
//! horizon, [`Preset`] the ready-made scenarios.
//!
//! # Equations
//!
//! The same text is in [`EQUATIONS_EN`] and [`EQUATIONS_ZH`] for the Sources & method
//! page (a test keeps this block and [`EQUATIONS_EN`] identical).
//!
//! ```text
//! These are scenarios, not forecasts: the model shows what follows from the assumptions on the sliders, nothing more.
//!
//! Notation. The top tier of a year is MacroPolo's pool: the authors of that year's accepted NeurIPS papers, so researchers enter it and leave it. S[o,w](t) is the top tier at the end of year t by origin o (country of the undergraduate degree) and work place w (headquarters country of the employer), as an index: the 2019 top tier is 100. o and w are US, China or Rest (the rest of the world); home(o) is the place of origin. P(t) is the sum of S[o,w](t) over o and w.
//!
//! (1) Start, 2019 (MacroPolo 2019). O_o: origin shares. W_w: work shares. c, u: China- and US-origin shares of US-based researchers. k: share of China-origin researchers at Chinese institutions.
//!     S[China,US] = 100·c·W_US      S[US,US] = 100·u·W_US      S[Rest,US] = 100·W_US − S[China,US] − S[US,US]
//!     S[China,China] = 100·min(k·O_China, W_China)      S[US,China] = 0      S[Rest,China] = 100·W_China − S[China,China]
//!     S[o,Rest] = 100·O_o − S[o,US] − S[o,China]   (the rest of each origin works in the rest of the world)
//! (2) Size: P(t) = 100·(1 + G·(t − 2019)), a straight line. Default G = (Q_2022 − Q_2019) / (3·Q_2019), Q being the accepted NeurIPS papers of the year, so that P(2022) / 100 = Q_2022 / Q_2019.
//! (3) Turnover: a share x of every S[o,w] leaves the top tier each year; T[o,w] = (1 − x)·S[o,w](t−1) stay.
//! (4) Moves: of those who stay and work abroad (w ≠ home(o)), L[o,w] = (1 − r[o,w])·T[o,w] leave their place; a share h of them goes home, the other 1 − h to the third place (neither home nor w). r[China,US] = r_US, the US retention of China-origin researchers, and r = r_other for the others; those who work at home do not move. Default r_US = r_other = (K/M)^(1/(2025 − 2019)), K of Carnegie's M China-origin researchers at US institutions in 2019 being still there in 2025, and h = B/(B + E), B of the others back in China and E in other countries.
//! (5) Newcomers: N(t) = P(t) − (1 − x)·P(t−1) join, with origin shares a (Σ_o a_o = 1) and first jobs p (Σ_w p[o,w] = 1 for every o): E[o,w](t) = N(t)·a_o·p[o,w].
//! (6) Update: S[o,w](t) = T[o,w] − L[o,w] + E[o,w](t), plus h·Σ_v L[o,v] when w = home(o), or (1 − h)·L[o,v] when w ≠ home(o), v being the other place abroad.
//! (7) Outputs. Share working in w: s_w(t) = Σ_o S[o,w](t) / P(t). China-origin share of US-based researchers: S[China,US](t) / Σ_o S[o,US](t). Size of the top tier: P(t), an index (2019 = 100), not a head count. Crossover: the first year with s_China(t) > s_US(t), or none before the horizon.
//! (8) Carnegie's cohort: its China-origin researchers at US institutions in 2019 are a closed group of people, followed through the moves of (4) only, with no turnover and no newcomers: C_US(t), C_China(t), C_Rest(t), shown as whole people. With the defaults, M·r_US^6 = K of them never leave the US, by construction.
//! (9) Calibration. No source states x, a_China, p[China,US] or p[China,China]. A Nelder–Mead search finds them: it minimises the sum of squared errors, in percentage points, of a run from 2019 against MacroPolo 2022's US, China and Rest work shares, its China-origin share of US-based researchers and its China-origin share of the top tier. The first jobs of US- and Rest-origin newcomers and the ratio of a_US to a_Rest are MacroPolo 2022's, read from its table as in (1).
//! (10) Back-test: model minus observed, in percentage points, for 2019 and 2022, of the figures of (9) and of two the calibration does not use, the US-origin share of US-based researchers and the US-origin share of the top tier.
//! (11) Band: 400 draws of the inputs that come from samples (MacroPolo's shares with their sample sizes, Carnegie's share still in the US and share back in China), each input at the bound of its 95% Wilson interval for a standard normal deviate; each draw is calibrated again, and every parameter of the scenario moves by as much as its default moves in the draw. The band runs from the 5th to the 95th percentile of the draws.
//!
//! Sliders: r_US (per year, and r_US^6 over six years), p[China,US] and p[China,China] (moving one rescales the other China-origin shares so that the three add up to 1), G, and the horizon (up to 2040).
//! ```
//!
//! # The 2019 table
//!
//! MacroPolo gives margins, not the full origin x work table, so the start table is
//! built from them in the order of step (1): the US column from the US work share and
//! the origin mix of US-based researchers; China-origin researchers in China from the
//! share of China-undergrad researchers at Chinese institutions, capped at the China
//! work share; the few other researchers working in China counted as rest-of-world
//! origin; each origin's remainder in the rest of the world, so every row adds up to its
//! origin share and every column to its work share. The same construction on the 2022
//! figures gives the first jobs of US- and rest-of-world-origin newcomers (2022 has no
//! share of China-origin researchers working in China, so its graduate-school split is
//! the proxy there, as the data pack notes).
//!
//! # What the calibration says
//!
//! Two snapshots three years apart cannot tell turnover from a change of pattern: a
//! slow turnover with newcomers very unlike the 2022 pool fits them as well as a fast
//! one with newcomers like it. Taking the US- and rest-of-world-origin newcomers as 2022
//! shows them picks a fast turnover, so a large part of the top tier is new each year
//! and the first jobs of newcomers weigh more on the horizon than how long researchers
//! stay. The band re-calibrates every draw, so this weak identification shows in it.

mod band;
mod calibration;
mod inputs;
mod params;
mod presets;
mod run;
mod scenario;
mod sensitivity;

pub use band::{
    banded, BandPoint, Banded, Draws, HorizonFigure, Interval, BAND_PERCENTILES, DRAWS,
};
pub use calibration::{
    Backtest, Calibrated, Calibration, CarnegieCheck, FitRow, Measure, Method, Optimiser,
};
pub use inputs::{Carnegie, Inputs, PresetFigures, Snapshot};
pub use params::{
    Group, Param, Source, Spec, Unit, GROWTH_MAX, GROWTH_MIN, RETENTION_MAX, RETENTION_MIN,
};
pub use presets::{ParamChange, PopulationMismatch, Preset};
pub use run::{project, whole_people, Baseline, Model, Output, OutputUnit, Projection, YearPoint};
pub use scenario::{Fix, FixReason, Scenario};
pub use sensitivity::{Comparison, Difference, TornadoBar};

use crate::data::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The model equations in English, as plain text for the Sources & method page.
pub const EQUATIONS_EN: &str = r#"These are scenarios, not forecasts: the model shows what follows from the assumptions on the sliders, nothing more.

Notation. The top tier of a year is MacroPolo's pool: the authors of that year's accepted NeurIPS papers, so researchers enter it and leave it. S[o,w](t) is the top tier at the end of year t by origin o (country of the undergraduate degree) and work place w (headquarters country of the employer), as an index: the 2019 top tier is 100. o and w are US, China or Rest (the rest of the world); home(o) is the place of origin. P(t) is the sum of S[o,w](t) over o and w.

(1) Start, 2019 (MacroPolo 2019). O_o: origin shares. W_w: work shares. c, u: China- and US-origin shares of US-based researchers. k: share of China-origin researchers at Chinese institutions.
    S[China,US] = 100·c·W_US      S[US,US] = 100·u·W_US      S[Rest,US] = 100·W_US − S[China,US] − S[US,US]
    S[China,China] = 100·min(k·O_China, W_China)      S[US,China] = 0      S[Rest,China] = 100·W_China − S[China,China]
    S[o,Rest] = 100·O_o − S[o,US] − S[o,China]   (the rest of each origin works in the rest of the world)
(2) Size: P(t) = 100·(1 + G·(t − 2019)), a straight line. Default G = (Q_2022 − Q_2019) / (3·Q_2019), Q being the accepted NeurIPS papers of the year, so that P(2022) / 100 = Q_2022 / Q_2019.
(3) Turnover: a share x of every S[o,w] leaves the top tier each year; T[o,w] = (1 − x)·S[o,w](t−1) stay.
(4) Moves: of those who stay and work abroad (w ≠ home(o)), L[o,w] = (1 − r[o,w])·T[o,w] leave their place; a share h of them goes home, the other 1 − h to the third place (neither home nor w). r[China,US] = r_US, the US retention of China-origin researchers, and r = r_other for the others; those who work at home do not move. Default r_US = r_other = (K/M)^(1/(2025 − 2019)), K of Carnegie's M China-origin researchers at US institutions in 2019 being still there in 2025, and h = B/(B + E), B of the others back in China and E in other countries.
(5) Newcomers: N(t) = P(t) − (1 − x)·P(t−1) join, with origin shares a (Σ_o a_o = 1) and first jobs p (Σ_w p[o,w] = 1 for every o): E[o,w](t) = N(t)·a_o·p[o,w].
(6) Update: S[o,w](t) = T[o,w] − L[o,w] + E[o,w](t), plus h·Σ_v L[o,v] when w = home(o), or (1 − h)·L[o,v] when w ≠ home(o), v being the other place abroad.
(7) Outputs. Share working in w: s_w(t) = Σ_o S[o,w](t) / P(t). China-origin share of US-based researchers: S[China,US](t) / Σ_o S[o,US](t). Size of the top tier: P(t), an index (2019 = 100), not a head count. Crossover: the first year with s_China(t) > s_US(t), or none before the horizon.
(8) Carnegie's cohort: its China-origin researchers at US institutions in 2019 are a closed group of people, followed through the moves of (4) only, with no turnover and no newcomers: C_US(t), C_China(t), C_Rest(t), shown as whole people. With the defaults, M·r_US^6 = K of them never leave the US, by construction.
(9) Calibration. No source states x, a_China, p[China,US] or p[China,China]. A Nelder–Mead search finds them: it minimises the sum of squared errors, in percentage points, of a run from 2019 against MacroPolo 2022's US, China and Rest work shares, its China-origin share of US-based researchers and its China-origin share of the top tier. The first jobs of US- and Rest-origin newcomers and the ratio of a_US to a_Rest are MacroPolo 2022's, read from its table as in (1).
(10) Back-test: model minus observed, in percentage points, for 2019 and 2022, of the figures of (9) and of two the calibration does not use, the US-origin share of US-based researchers and the US-origin share of the top tier.
(11) Band: 400 draws of the inputs that come from samples (MacroPolo's shares with their sample sizes, Carnegie's share still in the US and share back in China), each input at the bound of its 95% Wilson interval for a standard normal deviate; each draw is calibrated again, and every parameter of the scenario moves by as much as its default moves in the draw. The band runs from the 5th to the 95th percentile of the draws.

Sliders: r_US (per year, and r_US^6 over six years), p[China,US] and p[China,China] (moving one rescales the other China-origin shares so that the three add up to 1), G, and the horizon (up to 2040)."#;

/// The model equations in Simplified Chinese, as plain text for the Sources & method page.
pub const EQUATIONS_ZH: &str = r#"以下是情景，不是预测：模型只展示滑块上的假设会推出什么结果。

符号。某一年的顶尖层级即MacroPolo的人才群体，也就是当年NeurIPS录用论文的作者，因此研究人员会进入这一层级，也会离开。S[o,w](t)：第t年末顶尖层级中本科毕业国为o、工作所在国（按雇主总部）为w的研究人员，以指数表示，2019年的顶尖层级为100。o和w取US（美国）、China（中国）或Rest（世界其他地区）。home(o)：本科毕业国。P(t)：对所有o和w求和的S[o,w](t)。

（1）起点：2019年（MacroPolo 2019）。O_o：各本科毕业国的占比。W_w：各工作所在国的占比。c、u：在美研究人员中本科毕业于中国、美国者的占比。k：本科毕业于中国的研究人员中在中国机构工作者的占比。
    S[China,US] = 100·c·W_US      S[US,US] = 100·u·W_US      S[Rest,US] = 100·W_US − S[China,US] − S[US,US]
    S[China,China] = 100·min(k·O_China, W_China)      S[US,China] = 0      S[Rest,China] = 100·W_China − S[China,China]
    S[o,Rest] = 100·O_o − S[o,US] − S[o,China]   （各本科毕业国的其余人员在世界其他地区工作）
（2）规模：P(t) = 100·(1 + G·(t − 2019))，按直线增长。默认G = (Q_2022 − Q_2019) / (3·Q_2019)，其中Q为当年NeurIPS录用论文数，因此P(2022) / 100 = Q_2022 / Q_2019。
（3）更替：每年每个S[o,w]中有比例x的人离开顶尖层级；留下的为T[o,w] = (1 − x)·S[o,w](t−1)。
（4）流动：留下且在本科毕业国以外工作（w ≠ home(o)）的人中，有L[o,w] = (1 − r[o,w])·T[o,w]离开所在地；其中比例h回到本科毕业国，其余1 − h前往第三地（既非本科毕业国，也非w）。r[China,US] = r_US，即本科毕业于中国的研究人员的留美率；其余的r = r_other；在本科毕业国工作的人不流动。默认r_US = r_other = (K/M)^(1/(2025 − 2019))，其中M为卡内基追踪样本中2019年在美国机构工作、本科毕业于中国的研究人员人数，K为其中2025年仍在美国者；h = B/(B + E)，B为其余人中回到中国者，E为前往其他国家者。
（5）新进入者：每年进入的人数为N(t) = P(t) − (1 − x)·P(t−1)，本科毕业国占比为a（Σ_o a_o = 1），首份工作去向为p（对每个o，Σ_w p[o,w] = 1），即E[o,w](t) = N(t)·a_o·p[o,w]。
（6）更新：S[o,w](t) = T[o,w] − L[o,w] + E[o,w](t)；在本科毕业国（w = home(o)）另加h·Σ_v L[o,v]，在境外（w ≠ home(o)）另加L[o,v]中比例为1 − h的部分，其中v为另一个境外地点。
（7）输出。在w工作的占比：s_w(t) = Σ_o S[o,w](t) / P(t)。在美研究人员中本科毕业于中国者的占比：S[China,US](t) / Σ_o S[o,US](t)。顶尖层级规模：P(t)，为指数（以2019年为100），不是人数。交叉年份：中国占比首次超过美国占比的年份，即s_China(t) > s_US(t)；若在期限内没有，则为“无”。
（8）卡内基追踪样本：2019年在美国机构工作、本科毕业于中国的研究人员是一个封闭的人群，只经历（4）中的流动，没有更替，也没有新进入者：C_US(t)、C_China(t)、C_Rest(t)，以整数人数显示。采用默认值时，M·r_US^6 = K，即从未离开美国的人数按构造等于观测值。
（9）校准。没有来源给出x、a_China、p[China,US]和p[China,China]，它们由Nelder–Mead搜索求得：使从2019年起运行的结果与MacroPolo 2022年的美国、中国和其他地区工作占比、在美研究人员中本科毕业于中国者的占比以及顶尖层级中本科毕业于中国者的占比之间的误差平方和（以百分点计）最小。本科毕业于美国和其他地区的新进入者的首份工作去向，以及a_US与a_Rest之比，取自MacroPolo 2022，按（1）的方法由其数据表得出。
（10）回测：报告2019年和2022年模型值减观测值（单位为百分点），包括（9）中的各项，以及校准未使用的两项：在美研究人员中本科毕业于美国者的占比、顶尖层级中本科毕业于美国者的占比。
（11）区间：对来自样本的输入抽取400次（MacroPolo的各项占比及其样本量，卡内基追踪样本中仍在美国者和回到中国者的比例）。每次抽取中，每个输入取其95% Wilson区间在一个标准正态偏差处的边界；每次抽取都重新校准，情景中的每个参数按其默认值在该次抽取中的变动量平移。区间为各次抽取结果的第5至第95百分位数。

滑块：r_US（每年，以及六年累计的r_US^6）、p[China,US]与p[China,China]（移动其中一个时，本科毕业于中国的新进入者的其余占比按比例调整，使三者之和保持为1）、G，以及期限（最晚到2040年）。"#;

/// Size of the 2019 top tier in the model: an index, not a head count, so that every
/// table reads "per 100 in the 2019 top tier".
pub const START_INDEX: f64 = 100.0;

/// First year the horizon slider allows (one year after the 2019 start).
pub const MIN_END_YEAR: u16 = 2020;

/// Last year the horizon slider allows ("horizon up to 2040"; a design choice, not data).
pub const MAX_END_YEAR: u16 = 2040;

/// Default horizon: the longest one.
pub const DEFAULT_END_YEAR: u16 = MAX_END_YEAR;

/// Length in years of the "over six years" view of US retention: the Carnegie
/// follow-up window, 2019 to 2025 (a test checks it against the facts' years).
pub const RETENTION_VIEW_YEARS: u16 = 6;

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
