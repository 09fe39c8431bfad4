//! Every string of the What-if view and of its block in Sources & method, in both
//! languages. Sentences with numbers are functions: the numbers come from the model
//! and the data pack, never from this file.

use crate::i18n::Lang;
use talent_core::format;

crate::i18n::messages! { WhatIfMsg {
    Heading => "What if the US kept fewer of its China-origin AI researchers?",
        "如果美国留住的中国来源AI研究人员更少，会怎样？";
    Intro => "Move the sliders to change how many China-origin researchers the US keeps and where new researchers start work. The model re-projects, year by year from MacroPolo's 2019 baseline, where top-tier AI researchers would work. Every default comes from the data pack.",
        "拖动滑块，改变美国留住中国来源研究人员的比例以及新一届研究人员开始工作的地点。模型从 MacroPolo 2019 年的基线出发，逐年重新推算顶尖AI研究人员将在哪里工作。所有默认值均来自数据包。";
    NotForecast => "These are scenarios, not forecasts: the outputs show what follows from the assumptions on the sliders, nothing more.",
        "以下是情景，不是预测：输出只展示滑块上的假设会推出什么结果。";
    MethodLink => "Equations, defaults and their sources", "模型公式、默认值及其来源";
    Assumptions => "Assumptions", "假设";
    RetentionLabel => "US retention of China-origin researchers", "美国对中国来源研究人员的留任率";
    RetentionHint => "Share of those working in the US who are still there a year later",
        "在美国工作的人中，一年后仍留在美国的比例";
    ToUsLabel => "New China-origin researchers who start work in the US",
        "新一届中国来源研究人员中赴美工作的比例";
    StayLabel => "New China-origin researchers who start work in China",
        "新一届中国来源研究人员中留在中国工作的比例";
    CoupledHint => "These two and the rest of the world add up to 100%: moving one rescales the others.",
        "这两项与“世界其他地区”之和为100%：移动其中一项，其余各项按比例调整。";
    ElsewhereLabel => "Start work in the rest of the world", "在世界其他地区开始工作";
    GrowthLabel => "Yearly growth of new cohorts", "新一届研究人员人数的年增长率";
    GrowthHint => "Default: growth of NeurIPS accepted papers, 2019 to 2022", "默认值：NeurIPS 录用论文数 2019—2022 年的增长率";
    HorizonLabel => "Horizon", "推演至";
    APerYear => "a year", "每年";
    Presets => "Presets", "预设情景";
    PresetsHint => "A preset changes only the assumptions it is about; the others stay as they are.",
        "预设情景只改变与之相关的假设，其余保持不变。";
    ChartTitle => "Where top-tier AI researchers would work", "顶尖AI研究人员将在哪里工作";
    ChartCaveat => "The model keeps every researcher in the pool and adds a growing cohort each year. MacroPolo's samples are each year's NeurIPS authors, so the observed 2022 mix changed faster than a stock of people can (see the back-test below).",
        "模型保留库中的每一位研究人员，并每年加入不断增长的新一届人员。MacroPolo 的样本是当年的 NeurIPS 作者，因此观测到的 2022 年结构变化快于人员存量所能达到的速度（见下方回测）。";
    KeyModel => "Scenario (model)", "情景（模型）";
    KeyObserved => "Observed, MacroPolo", "观测值（MacroPolo）";
    Year => "Year", "年份";
    ObservedRow => "observed, MacroPolo", "观测值，MacroPolo";
    Results => "Results", "结果";
    ChinaOriginShare => "China-origin share of US-based researchers", "在美研究人员中中国来源的占比";
    Returnees => "Returnees to China since 2019", "2019年以来回到中国的人数";
    Crossover => "China's pool passes the US's", "中国的研究人员总量超过美国";
    PoolSize => "All top-tier researchers", "顶尖研究人员总量";
    Checks => "Checks against the data", "与数据对照检验";
    BacktestIntro => "Back-test: the same settings run from 2019 to 2022, compared with MacroPolo 2022.",
        "回测：以相同设置从 2019 年运行到 2022 年，与 MacroPolo 2022 年数据对照。";
    Observed => "Observed", "观测值";
    Error => "Error", "误差";
    BacktestCaveat => "The error is large because MacroPolo samples each year's authors (closer to a flow) while the model follows a stock of people: it lags the 2022 snapshot.",
        "误差较大，是因为 MacroPolo 抽样的是每年的作者（更接近流量），而模型追踪的是人员存量，因此落后于 2022 年的快照。";
    MethodHeading => "What-if model: equations and defaults", "情景推演模型：公式与默认值";
    DefaultValue => "Defaults and the facts they come from", "默认值及其依据的数据";
    StartMatrix => "2019 start (origin × work)", "2019 年起点（来源 × 工作地）";
    NotFromData => "Not from data", "非数据来源的设定";
    PresetSources => "Presets and their facts", "预设情景及其依据";
}}

/// The "over six years" phrase, with the window length from the model.
pub fn over_years(years: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!("over {years} years"),
        Lang::Zh => format!("{years}年累计"),
    }
}

/// A share (0 to 1) as a percentage, one decimal unless it is whole.
pub fn pct(share: f64, lang: Lang) -> String {
    let points = share * 100.0;
    let decimals = if (points - points.round()).abs() < 0.05 {
        0
    } else {
        1
    };
    format::percent(points, decimals, lang)
}

/// A share (0 to 1) as a percentage with one decimal.
pub fn pct1(share: f64, lang: Lang) -> String {
    format::percent(share * 100.0, 1, lang)
}

/// A signed yearly growth ("+23.2%").
pub fn growth(share: f64, lang: Lang) -> String {
    let text = pct1(share, lang);
    if share > 0.0 && !text.starts_with('-') {
        format!("+{text}")
    } else {
        text
    }
}

/// US retention per year and over the six-year window.
pub fn retention_text(per_year: f64, over: f64, years: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} a year · {} {}",
            pct1(per_year, lang),
            pct1(over, lang),
            over_years(years, lang)
        ),
        Lang::Zh => format!(
            "每年 {} · {} {}",
            pct1(per_year, lang),
            over_years(years, lang),
            pct1(over, lang)
        ),
    }
}

/// "not before 2040" or the year.
pub fn crossover_text(year: Option<u16>, horizon: u16, lang: Lang) -> String {
    match (year, lang) {
        (Some(y), Lang::En) => format!("in {y}"),
        (Some(y), Lang::Zh) => format!("{y}年"),
        (None, Lang::En) => format!("not before {horizon}"),
        (None, Lang::Zh) => format!("{horizon}年前不会"),
    }
}

/// "per 100 researchers in the 2019 pool".
pub fn per_pool(pool: f64, year: u16, lang: Lang) -> String {
    let pool = format::number(pool, 0, lang);
    match lang {
        Lang::En => format!("per {pool} researchers in the {year} pool"),
        Lang::Zh => format!("以{year}年总量 {pool} 人计"),
    }
}

/// "The US net inflow in 2025" check line.
pub fn net_inflow_text(year: u16, model: f64, zeki: &str, pool: &str, lang: Lang) -> String {
    let model = format::number(model, 1, lang);
    let signed = if model.starts_with('-') || model == "0.0" {
        model
    } else {
        format!("+{model}")
    };
    match lang {
        Lang::En => format!(
            "US net inflow in {year}: model {signed} researchers {pool}; Zeki: {zeki} (break-even)."
        ),
        Lang::Zh => {
            format!("{year}年美国净流入：模型 {signed} 人（{pool}）；Zeki：{zeki}（收支平衡）。")
        }
    }
}

/// Why Zeki's figure is not the model's population.
pub fn zeki_note(individuals: f64, countries: f64, lang: Lang) -> String {
    let (n, c) = (
        format::number(individuals, 0, lang),
        format::number(countries, 0, lang),
    );
    match lang {
        Lang::En => format!("Zeki tracks about {n} AI professionals in {c} countries, China not covered: a far wider group than the top tier modelled here."),
        Lang::Zh => format!("Zeki 追踪的是{c}个国家约{n}名AI人才（不含中国），远比本模型中的顶尖层级宽泛。"),
    }
}

/// The Carnegie cohort check line.
#[allow(clippy::too_many_arguments)]
pub fn carnegie_text(
    cohort: f64,
    start: u16,
    years: u16,
    in_us: f64,
    in_china: f64,
    elsewhere: f64,
    observed: [f64; 3],
    lang: Lang,
) -> String {
    let n = |v: f64| format::number(v, 1, lang);
    let o = |v: f64| format::number(v, 0, lang);
    let cohort = o(cohort);
    let end = start + years;
    match lang {
        Lang::En => format!(
            "Carnegie cohort: of {cohort} China-origin researchers in the US in {start}, these settings keep {} in the US after {years} years, {} in China and {} elsewhere (observed in {end}: {}, {} and {}).",
            n(in_us), n(in_china), n(elsewhere), o(observed[0]), o(observed[1]), o(observed[2])
        ),
        Lang::Zh => format!(
            "卡内基追踪队列：{start}年在美国的{cohort}名中国来源研究人员，按当前设置{years}年后有{}人仍在美国、{}人在中国、{}人在其他地区（{end}年观测值：{}、{}、{}）。",
            n(in_us), n(in_china), n(elsewhere), o(observed[0]), o(observed[1]), o(observed[2])
        ),
    }
}

/// The numbers of the scenario sentence.
pub struct SentenceValues {
    /// US retention of China-origin researchers per year.
    pub retention: f64,
    /// The same over the six-year window.
    pub retention_over: f64,
    /// Length of the window.
    pub window: u16,
    /// Share of new China-origin researchers who start in the US.
    pub to_us: f64,
    /// Share who start in China.
    pub stay: f64,
    /// Yearly growth of new cohorts.
    pub growth: f64,
    /// Horizon.
    pub year: u16,
    /// Shares working in the US, China, rest of the world at the horizon.
    pub shares: [f64; 3],
    /// China-origin share of US-based researchers at the horizon.
    pub china_origin: f64,
    /// First year China's pool is larger, if before the horizon.
    pub crossover: Option<u16>,
}

/// "If the US keeps 90% of China-origin researchers each year and 30% of new ones go
/// to the US, by 2035 ..." with every number from the sliders and the projection.
pub fn sentence(v: &SentenceValues, lang: Lang) -> String {
    let p = |x: f64| pct(x, lang);
    let p1 = |x: f64| pct1(x, lang);
    let [us, cn, rest] = v.shares;
    match lang {
        Lang::En => {
            let growth = if v.growth < 0.0 {
                format!("shrink by {} a year", p1(-v.growth))
            } else {
                format!("grow by {} a year", p1(v.growth))
            };
            let crossover = match v.crossover {
                Some(y) => {
                    format!("China's pool of top-tier researchers would pass the US's in {y}")
                }
                None => format!("China's pool would not pass the US's before {}", v.year),
            };
            format!(
                "If the US keeps {} of its China-origin researchers each year ({} over {} years), {} of new China-origin researchers start work in the US and {} in China, and new cohorts {growth}, then by {}, {} of top-tier AI researchers would work in the US, {} in China and {} in the rest of the world. China-origin researchers would be {} of those in the US, and {crossover}.",
                p1(v.retention), p1(v.retention_over), v.window, p(v.to_us), p(v.stay),
                v.year, p1(us), p1(cn), p1(rest), p1(v.china_origin)
            )
        }
        Lang::Zh => {
            let growth = if v.growth < 0.0 {
                format!("每年减少{}", p1(-v.growth))
            } else {
                format!("每年增长{}", p1(v.growth))
            };
            let crossover = match v.crossover {
                Some(y) => format!("中国的顶尖研究人员总量将在{y}年超过美国"),
                None => format!("中国的研究人员总量在{}年前不会超过美国", v.year),
            };
            format!(
                "如果美国每年留住{}的中国来源研究人员（{}年累计{}），新一届中国来源研究人员中{}赴美工作、{}留在中国，新一届人数{growth}，那么到{}年，{}的顶尖AI研究人员将在美国工作，{}在中国，{}在世界其他地区。在美研究人员中将有{}来自中国；{crossover}。",
                p1(v.retention), v.window, p1(v.retention_over), p(v.to_us), p(v.stay),
                v.year, p1(us), p1(cn), p1(rest), p1(v.china_origin)
            )
        }
    }
}

/// Display name of a scenario field in Sources & method.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (en, zh) = match field {
        "end_year" => ("Horizon", "推演至"),
        "cohort_growth" => (
            "Yearly growth of new cohorts (g)",
            "新一届人数年增长率（g）",
        ),
        "first_cohort" => (
            "First new cohort, 2020, as a share of the 2019 pool (n)",
            "2020 年首届新人员占 2019 年总量的比例（n）",
        ),
        "origin_us" => (
            "New cohorts: US origin (a_US)",
            "新一届：美国来源（a_美国）",
        ),
        "origin_china" => (
            "New cohorts: China origin (a_China)",
            "新一届：中国来源（a_中国）",
        ),
        "origin_rest" => (
            "New cohorts: rest-of-world origin (a_Rest)",
            "新一届：其他地区来源（a_其他）",
        ),
        "china_to_us" => (
            "China origin, first job in the US",
            "中国来源，首份工作在美国",
        ),
        "china_stay" => (
            "China origin, first job in China",
            "中国来源，首份工作在中国",
        ),
        "china_to_rest" => (
            "China origin, first job in the rest of the world",
            "中国来源，首份工作在其他地区",
        ),
        "us_stay" => ("US origin, first job in the US", "美国来源，首份工作在美国"),
        "us_to_china" => ("US origin, first job in China", "美国来源，首份工作在中国"),
        "us_to_rest" => (
            "US origin, first job in the rest of the world",
            "美国来源，首份工作在其他地区",
        ),
        "rest_to_us" => (
            "Rest-of-world origin, first job in the US",
            "其他地区来源，首份工作在美国",
        ),
        "rest_to_china" => (
            "Rest-of-world origin, first job in China",
            "其他地区来源，首份工作在中国",
        ),
        "rest_stay" => (
            "Rest-of-world origin, first job in the rest of the world",
            "其他地区来源，首份工作在其他地区",
        ),
        "us_retention_china" => (
            "US retention of China-origin researchers, a year (r_US)",
            "美国对中国来源研究人员的年留任率（r_美国）",
        ),
        "other_retention" => (
            "Retention of everyone else working abroad, a year (r_other)",
            "其他在境外工作人员的年留任率（r_其他）",
        ),
        "return_home_share" => (
            "Share of leavers who go home (h)",
            "离开者中回到来源地的比例（h）",
        ),
        other => return other.to_string(),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// The constants of the model that are not from data.
pub fn not_from_data(
    pool: f64,
    us_in_china: f64,
    years: (u16, u16),
    retention: (f64, f64),
    growth: (f64, f64),
    lang: Lang,
) -> Vec<String> {
    let n = |v: f64| format::number(v, 0, lang);
    let p = |v: f64| pct(v, lang);
    match lang {
        Lang::En => vec![
            format!("Size of the 2019 pool: P = {} (a normalisation: stocks read as researchers per {} of 2019).", n(pool), n(pool)),
            format!("US-origin researchers working in China at the start: {} (MacroPolo does not break down the few non-Chinese researchers in China).", n(us_in_china)),
            format!("Horizon: {} to {}.", years.0, years.1),
            format!("Slider ranges: retention {} to {} a year; growth of new cohorts {} to {} a year.", p(retention.0), p(retention.1), p(growth.0), p(growth.1)),
        ],
        Lang::Zh => vec![
            format!("2019 年总量：P = {}（归一化：存量按每 {} 名 2019 年研究人员计）。", n(pool), n(pool)),
            format!("起点时在中国工作的美国来源研究人员：{}（MacroPolo 未细分在中国的少数非中国研究人员）。", n(us_in_china)),
            format!("推演期限：{}—{} 年。", years.0, years.1),
            format!("滑块范围：年留任率 {}—{}；新一届人数年增长率 {}—{}。", p(retention.0), p(retention.1), p(growth.0), p(growth.1)),
        ],
    }
}
