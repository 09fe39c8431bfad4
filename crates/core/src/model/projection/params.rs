//! The one table of scenario parameters: every parameter of a what-if run, slider or
//! not, with its link key, range, precision, where its default comes from, and its
//! label. The model, the link codec, the presets, the sensitivity table and the tests
//! all read this table through [`Param::ALL`]; nothing else lists the parameters.

use super::inputs::{
    CARNEGIE_RETURN_FACTS, GROWTH_FACTS, PATTERN_2022, TARGET_FACTS, US_ROW_2022_FACTS,
};
use super::{Region, MAX_END_YEAR, MIN_END_YEAR};
use crate::model::derived::CARNEGIE_RETENTION_FACTS;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// A parameter of a what-if run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Param {
    /// Last projected year.
    EndYear,
    /// Yearly growth of the top tier, as a fraction of its 2019 size (a straight line).
    Growth,
    /// Share of the top tier who leave it each year (turnover).
    Exit,
    /// Newcomers with a US undergraduate degree.
    OriginUs,
    /// Newcomers with a Chinese undergraduate degree.
    OriginChina,
    /// Newcomers with an undergraduate degree from the rest of the world.
    OriginRest,
    /// China-origin newcomers who start work in the US.
    ChinaToUs,
    /// China-origin newcomers who start work in China.
    ChinaStay,
    /// China-origin newcomers who start work in the rest of the world.
    ChinaToRest,
    /// US-origin newcomers who start work in the US.
    UsStay,
    /// US-origin newcomers who start work in China.
    UsToChina,
    /// US-origin newcomers who start work in the rest of the world.
    UsToRest,
    /// Rest-of-world-origin newcomers who start work in the US.
    RestToUs,
    /// Rest-of-world-origin newcomers who start work in China.
    RestToChina,
    /// Rest-of-world-origin newcomers who start work in the rest of the world.
    RestStay,
    /// Yearly US retention of China-origin researchers.
    RetentionUsChina,
    /// Yearly retention of every other researcher working abroad.
    RetentionOther,
    /// Share of those who leave a place abroad who go home rather than to the third place.
    ReturnHome,
}

/// Where a parameter's default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A design choice of the app, not a figure (the horizon).
    Design,
    /// Computed from these facts of the data pack.
    Facts(&'static [&'static str]),
    /// Found by the calibration against these observed facts (MacroPolo 2022), since no
    /// source states it.
    Calibrated(&'static [&'static str]),
}

/// What a parameter's number measures, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A calendar year.
    Year,
    /// A share, 0 to 1 (shown as a percentage).
    Share,
    /// A yearly rate, 0 to 1 (shown as a percentage a year).
    PerYear,
    /// A yearly retention, 0 to 1 (shown a year and over six years, Carnegie's window).
    Retention,
    /// Growth a year as a fraction of the 2019 top tier (0.29 = 29 more per 100 a year).
    OfStartPerYear,
}

/// A group of three shares that always add up to 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// The origin mix of newcomers.
    Origin,
    /// Where newcomers of one origin start work.
    FirstJobs(Region),
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 4] = [
        Group::Origin,
        Group::FirstJobs(Region::Us),
        Group::FirstJobs(Region::China),
        Group::FirstJobs(Region::Rest),
    ];

    /// The members, in [`Region`] order (of origin for [`Group::Origin`], of work
    /// place for [`Group::FirstJobs`]).
    pub const fn members(self) -> [Param; 3] {
        use Param::*;
        match self {
            Group::Origin => [OriginUs, OriginChina, OriginRest],
            Group::FirstJobs(Region::Us) => [UsStay, UsToChina, UsToRest],
            Group::FirstJobs(Region::China) => [ChinaToUs, ChinaStay, ChinaToRest],
            Group::FirstJobs(Region::Rest) => [RestToUs, RestToChina, RestStay],
        }
    }
}

/// One row of the parameter table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// Link key; short and stable (part of link version 1).
    pub key: &'static str,
    /// Lowest valid value.
    pub min: f64,
    /// Highest valid value.
    pub max: f64,
    /// Decimals a link keeps; the slider and the link move in steps of `10^-decimals`.
    pub decimals: u8,
    /// Whether the page shows a slider for it.
    pub slider: bool,
    /// Where the default comes from.
    pub source: Source,
    /// What the number measures.
    pub unit: Unit,
    /// Label in English.
    pub label_en: &'static str,
    /// Label in Simplified Chinese.
    pub label_zh: &'static str,
}

/// Lowest yearly retention the sliders allow. A design choice, not data: below one
/// half a yearly model of staying stops making sense (more than 98% gone in six years).
pub const RETENTION_MIN: f64 = 0.5;

/// Highest yearly retention: nobody leaves.
pub const RETENTION_MAX: f64 = 1.0;

/// Lowest growth of the top tier: the conference stops growing. No source in the data
/// pack shows NeurIPS shrinking, so the slider does not go below it.
pub const GROWTH_MIN: f64 = 0.0;

/// Highest growth of the top tier, a year, as a fraction of its 2019 size: about twice
/// the pace of NeurIPS accepted papers 2019 -> 2022 (2,671 - 1,428 = 1,243 more in three
/// years, 29.0% of 1,428 a year), so the default sits mid-range and the slider spans a
/// conference that stops growing to one that grows twice as fast as it did. The growth
/// is a straight line, not compound: at the default the 2040 top tier is about 7 times
/// the 2019 one (100 + 21 × 29.0 = 709), at this maximum about 13.6 times (100 + 21 × 60),
/// where 29% compound growth would make it 200 times. A design choice scaled by data,
/// stated as such.
pub const GROWTH_MAX: f64 = 0.6;

/// Links and sliders never give shares finer than this many decimals.
const SHARE_DECIMALS: u8 = 3;

/// Sliders of the China-origin newcomers move by whole percentage points.
const SLIDER_SHARE_DECIMALS: u8 = 2;

const fn spec(
    key: &'static str,
    (min, max): (f64, f64),
    decimals: u8,
    slider: bool,
    source: Source,
    unit: Unit,
    (label_en, label_zh): (&'static str, &'static str),
) -> Spec {
    Spec {
        key,
        min,
        max,
        decimals,
        slider,
        source,
        unit,
        label_en,
        label_zh,
    }
}

const SHARE: (f64, f64) = (0.0, 1.0);
const RETENTION: (f64, f64) = (RETENTION_MIN, RETENTION_MAX);
const CALIBRATED: Source = Source::Calibrated(&TARGET_FACTS);
const US_ROW: Source = Source::Facts(&US_ROW_2022_FACTS);
const REST_ROW: Source = Source::Facts(&PATTERN_2022.matrix_ids());

impl Param {
    /// Every parameter, in link order.
    pub const ALL: [Param; 18] = [
        Param::EndYear,
        Param::Growth,
        Param::Exit,
        Param::OriginUs,
        Param::OriginChina,
        Param::OriginRest,
        Param::ChinaToUs,
        Param::ChinaStay,
        Param::ChinaToRest,
        Param::UsStay,
        Param::UsToChina,
        Param::UsToRest,
        Param::RestToUs,
        Param::RestToChina,
        Param::RestStay,
        Param::RetentionUsChina,
        Param::RetentionOther,
        Param::ReturnHome,
    ];

    /// Number of parameters.
    pub const COUNT: usize = Param::ALL.len();

    /// Position in [`Param::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The table row: the one place each parameter is described.
    pub const fn spec(self) -> Spec {
        use Param::*;
        use Source::Facts;
        use Unit::*;
        let years = (MIN_END_YEAR as f64, MAX_END_YEAR as f64);
        let share = SHARE_DECIMALS;
        let slider_share = SLIDER_SHARE_DECIMALS;
        match self {
            EndYear => spec(
                "end",
                years,
                0,
                true,
                Source::Design,
                Year,
                ("horizon", "推演至"),
            ),
            Growth => spec(
                "g",
                (GROWTH_MIN, GROWTH_MAX),
                2,
                true,
                Facts(&GROWTH_FACTS),
                OfStartPerYear,
                ("growth of the top tier", "顶尖层级的增长"),
            ),
            Exit => spec(
                "ex",
                SHARE,
                share,
                false,
                CALIBRATED,
                PerYear,
                (
                    "researchers who leave the top tier",
                    "离开顶尖层级的研究人员比例",
                ),
            ),
            OriginUs => spec(
                "ou",
                SHARE,
                share,
                false,
                CALIBRATED,
                Share,
                (
                    "newcomers with a US undergraduate degree",
                    "新进入者中本科毕业于美国的比例",
                ),
            ),
            OriginChina => spec(
                "oc",
                SHARE,
                share,
                false,
                CALIBRATED,
                Share,
                (
                    "newcomers with a Chinese undergraduate degree",
                    "新进入者中本科毕业于中国的比例",
                ),
            ),
            OriginRest => spec(
                "or",
                SHARE,
                share,
                false,
                CALIBRATED,
                Share,
                (
                    "newcomers with an undergraduate degree from the rest of the world",
                    "新进入者中本科毕业于世界其他地区的比例",
                ),
            ),
            ChinaToUs => spec(
                "cu",
                SHARE,
                slider_share,
                true,
                CALIBRATED,
                Share,
                (
                    "China-origin newcomers who start work in the US",
                    "本科毕业于中国的新进入者首份工作在美国的比例",
                ),
            ),
            ChinaStay => spec(
                "cc",
                SHARE,
                slider_share,
                true,
                CALIBRATED,
                Share,
                (
                    "China-origin newcomers who start work in China",
                    "本科毕业于中国的新进入者首份工作在中国的比例",
                ),
            ),
            ChinaToRest => spec(
                "cr",
                SHARE,
                slider_share,
                false,
                CALIBRATED,
                Share,
                (
                    "China-origin newcomers who start work elsewhere",
                    "本科毕业于中国的新进入者首份工作在世界其他地区的比例",
                ),
            ),
            UsStay => spec(
                "uu",
                SHARE,
                share,
                false,
                US_ROW,
                Share,
                (
                    "US-origin newcomers who start work in the US",
                    "本科毕业于美国的新进入者首份工作在美国的比例",
                ),
            ),
            UsToChina => spec(
                "uc",
                SHARE,
                share,
                false,
                US_ROW,
                Share,
                (
                    "US-origin newcomers who start work in China",
                    "本科毕业于美国的新进入者首份工作在中国的比例",
                ),
            ),
            UsToRest => spec(
                "ur",
                SHARE,
                share,
                false,
                US_ROW,
                Share,
                (
                    "US-origin newcomers who start work elsewhere",
                    "本科毕业于美国的新进入者首份工作在世界其他地区的比例",
                ),
            ),
            RestToUs => spec(
                "ru",
                SHARE,
                share,
                false,
                REST_ROW,
                Share,
                (
                    "rest-of-world-origin newcomers who start work in the US",
                    "本科毕业于世界其他地区的新进入者首份工作在美国的比例",
                ),
            ),
            RestToChina => spec(
                "rc",
                SHARE,
                share,
                false,
                REST_ROW,
                Share,
                (
                    "rest-of-world-origin newcomers who start work in China",
                    "本科毕业于世界其他地区的新进入者首份工作在中国的比例",
                ),
            ),
            RestStay => spec(
                "rr",
                SHARE,
                share,
                false,
                REST_ROW,
                Share,
                (
                    "rest-of-world-origin newcomers who start work in the rest of the world",
                    "本科毕业于世界其他地区的新进入者首份工作在世界其他地区的比例",
                ),
            ),
            RetentionUsChina => spec(
                "r",
                RETENTION,
                3,
                true,
                Facts(&CARNEGIE_RETENTION_FACTS),
                Retention,
                (
                    "US retention of China-origin researchers",
                    "本科毕业于中国的研究人员的留美率",
                ),
            ),
            RetentionOther => spec(
                "ro",
                RETENTION,
                3,
                false,
                Facts(&CARNEGIE_RETENTION_FACTS),
                Retention,
                (
                    "other researchers abroad who stay where they work",
                    "其他在本科毕业国以外工作的研究人员留在当地的比例",
                ),
            ),
            ReturnHome => spec(
                "h",
                SHARE,
                share,
                false,
                Facts(&CARNEGIE_RETURN_FACTS),
                Share,
                (
                    "movers who go home rather than to a third place",
                    "离开者中回到本科毕业国（而非前往第三地）的比例",
                ),
            ),
        }
    }

    /// Link key.
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The parameter with this link key.
    pub fn from_key(key: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Valid range, `(min, max)`.
    pub fn range(self) -> (f64, f64) {
        let s = self.spec();
        (s.min, s.max)
    }

    /// Decimals a link keeps.
    pub fn decimals(self) -> u8 {
        self.spec().decimals
    }

    /// Slider and link step: one unit of the last decimal.
    pub fn step(self) -> f64 {
        10f64.powi(-i32::from(self.decimals()))
    }

    /// Whether the page shows a slider for it.
    pub fn is_slider(self) -> bool {
        self.spec().slider
    }

    /// Fact ids the default comes from (the observed targets for calibrated
    /// parameters; none for the horizon).
    pub fn facts(self) -> &'static [&'static str] {
        match self.spec().source {
            Source::Design => &[],
            Source::Facts(ids) | Source::Calibrated(ids) => ids,
        }
    }

    /// The group of shares it belongs to, and its place in the group.
    pub fn group(self) -> Option<(Group, usize)> {
        Group::ALL
            .into_iter()
            .find_map(|g| g.members().iter().position(|&m| m == self).map(|i| (g, i)))
    }

    /// Label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.spec().label_en,
            Lang::Zh => self.spec().label_zh,
        }
    }

    /// The default of the embedded data pack ([`Model::defaults`](super::Model::defaults)).
    pub fn default_value(self) -> f64 {
        super::Model::embedded().defaults().get(self)
    }

    /// The slider parameters, in table order.
    pub fn sliders() -> impl Iterator<Item = Param> {
        Param::ALL.into_iter().filter(|p| p.is_slider())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        let mut keys: Vec<&str> = Param::ALL.iter().map(|p| p.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Param::COUNT, "link keys are unique");
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i, "{p:?}");
            assert_eq!(Param::from_key(p.key()), Some(p));
            let (min, max) = p.range();
            assert!(min < max, "{p:?}");
            // Bounds on the link's grid, so rounding a value in range stays in range.
            for bound in [min, max] {
                let units = bound / p.step();
                assert!((units - units.round()).abs() < 1e-9, "{p:?} bound {bound}");
            }
            assert!(!p.label(Lang::En).is_empty() && !p.label(Lang::Zh).is_empty());
        }
        for g in Group::ALL {
            let members = g.members();
            for (i, m) in members.into_iter().enumerate() {
                assert_eq!(m.group(), Some((g, i)));
                // A group shares one grid, so its rounded members add up to exactly 1.
                assert_eq!(m.decimals(), members[0].decimals(), "{m:?}");
            }
        }
        assert_eq!(Param::from_key("c0"), None, "retired key");
    }
}
