//! Ready-made scenarios that say what they do: each lists every parameter it sets (old
//! value, new value, the facts the new value comes from), so the page can show them and
//! mark the ones that have no slider; a preset whose figure measures another population
//! says so.
//!
//! Two earlier presets are gone. "US net inflow zero" scaled the first jobs of new
//! China- and rest-of-world-origin researchers to Zeki's 2025 break-even, but Zeki's
//! population excludes China (`zeki25_coverage`), and in a top tier with turnover a
//! net inflow mixes moving countries with entering the tier. "2022 pattern" is what the
//! calibrated defaults already are (see [`Reset`](Preset::Reset)).

use super::inputs::{CARNEGIE_RETURN_FACTS, CHINA_UG_IN_US_2019, DEPARTURE_INCREASE, PATTERN_2019};
use super::params::{Group, Param};
use super::run::Model;
use super::scenario::Scenario;
use super::{Region, REST, US};
use crate::model::derived::CARNEGIE_RETENTION_FACTS;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Ready-made scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Preset {
    /// Newcomers as the 2019 top tier was: MacroPolo 2019's origin mix and where each
    /// origin worked, China-origin newcomers split as the China-origin researchers who
    /// studied or worked in the US (56%) and in China (37%). Moves parameters without a
    /// slider (the origin mix, the US- and rest-of-world-origin first jobs).
    Pattern2019,
    /// Retention and return split back to Carnegie: yearly retention
    /// (`cg25_still_us` / `cg25_cohort_size`)^(1/6) for everyone abroad, return share
    /// `cg25_moved_china` / (`cg25_moved_china` + `cg25_other_countries`).
    CarnegieRetention,
    /// Departures of China-origin researchers from the US up by
    /// `pnas_departure_increase` percent (the China Initiative years): the Carnegie
    /// departure rate `1 - r` times `1 + increase / 100`. PNAS counts all US-based
    /// scientists of Chinese descent, identified by surname, not top-tier AI researchers
    /// with a Chinese undergraduate degree: see [`Preset::population_mismatch`].
    ChinaInitiativeDepartures,
    /// Every default ([`Model::defaults`]).
    Reset,
}

/// One parameter a preset sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamChange {
    /// The parameter (it may have no slider: see [`Param::is_slider`]).
    pub param: Param,
    /// Its value before.
    pub old: f64,
    /// Its value after.
    pub new: f64,
    /// Fact ids the new value comes from.
    pub facts: &'static [&'static str],
}

/// A preset's figure measures another population than the model's: the page should say
/// so next to the preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopulationMismatch {
    /// The fact whose population differs.
    pub fact: &'static str,
    /// The discrepancy record of the data pack that describes the difference.
    pub discrepancy: &'static str,
}

const DEPARTURE_FACTS: [&str; 3] = [
    DEPARTURE_INCREASE,
    CARNEGIE_RETENTION_FACTS[0],
    CARNEGIE_RETENTION_FACTS[1],
];

const PATTERN_2019_FACTS: [&str; 8] = {
    let m = PATTERN_2019.matrix_ids();
    [
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        m[6],
        CHINA_UG_IN_US_2019,
    ]
};

impl Preset {
    /// All presets, in display order.
    pub const ALL: [Preset; 4] = [
        Preset::Pattern2019,
        Preset::CarnegieRetention,
        Preset::ChinaInitiativeDepartures,
        Preset::Reset,
    ];

    /// Stable short key.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Pattern2019 => "p2019",
            Preset::CarnegieRetention => "carnegie",
            Preset::ChinaInitiativeDepartures => "departures",
            Preset::Reset => "reset",
        }
    }

    /// The preset with this key.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Button label; the figures in it come from the data pack.
    pub fn label(self, model: &Model, lang: Lang) -> String {
        let increase = 100.0 * model.inputs().presets.departure_increase;
        match (self, lang) {
            (Preset::Pattern2019, Lang::En) => "2019 pattern".into(),
            (Preset::Pattern2019, Lang::Zh) => "2019年模式".into(),
            (Preset::CarnegieRetention, Lang::En) => "Carnegie retention".into(),
            (Preset::CarnegieRetention, Lang::Zh) => "卡内基留美率".into(),
            (Preset::ChinaInitiativeDepartures, Lang::En) => {
                format!("Departures up {increase}% (China Initiative years)")
            }
            (Preset::ChinaInitiativeDepartures, Lang::Zh) => {
                format!("离美比例上升{increase}%（“中国行动计划”时期）")
            }
            (Preset::Reset, Lang::En) => "Reset".into(),
            (Preset::Reset, Lang::Zh) => "重置".into(),
        }
    }

    /// The figure of another population the preset uses, if any.
    pub fn population_mismatch(self) -> Option<PopulationMismatch> {
        match self {
            Preset::ChinaInitiativeDepartures => Some(PopulationMismatch {
                fact: DEPARTURE_FACTS[0],
                discrepancy: "d21_china_initiative_population",
            }),
            _ => None,
        }
    }

    /// Every parameter the preset sets, applied to `base` (for [`Preset::Reset`], the
    /// ones that differ from the defaults), in [`Param::ALL`] order.
    pub fn changes(self, model: &Model, base: &Scenario) -> Vec<ParamChange> {
        let base = base.clamped_with(model.defaults());
        let inputs = model.inputs();
        let carnegie = &inputs.carnegie;
        let retention = carnegie.retention.per_year;
        let mut set: Vec<(Param, f64, &'static [&'static str])> = Vec::new();
        match self {
            Preset::Pattern2019 => {
                let start = &inputs.start;
                let to_us = inputs.presets.china_to_us_2019;
                let in_china = start.china_origin_in_china;
                let china = [to_us, in_china, (1.0 - to_us - in_china).max(0.0)];
                let sum: f64 = china.iter().sum();
                let groups = [
                    (Group::Origin, start.origin()),
                    (Group::FirstJobs(Region::China), china.map(|v| v / sum)),
                    (Group::FirstJobs(Region::Us), start.row(US)),
                    (Group::FirstJobs(Region::Rest), start.row(REST)),
                ];
                for (group, shares) in groups {
                    for (p, v) in group.members().into_iter().zip(shares) {
                        set.push((p, v, &PATTERN_2019_FACTS));
                    }
                }
            }
            Preset::CarnegieRetention => {
                set.push((
                    Param::RetentionUsChina,
                    retention,
                    &CARNEGIE_RETENTION_FACTS,
                ));
                set.push((Param::RetentionOther, retention, &CARNEGIE_RETENTION_FACTS));
                set.push((
                    Param::ReturnHome,
                    carnegie.return_home(),
                    &CARNEGIE_RETURN_FACTS,
                ));
            }
            Preset::ChinaInitiativeDepartures => {
                let factor = 1.0 + inputs.presets.departure_increase;
                let r = 1.0 - (1.0 - retention) * factor;
                set.push((Param::RetentionUsChina, r, &DEPARTURE_FACTS));
            }
            Preset::Reset => {
                let d = model.defaults();
                for p in Param::ALL {
                    if d.get(p).to_bits() != base.get(p).to_bits() {
                        set.push((p, d.get(p), p.facts()));
                    }
                }
            }
        }
        set.sort_by_key(|(p, ..)| *p);
        set.into_iter()
            .map(|(param, new, facts)| {
                let (min, max) = param.range();
                ParamChange {
                    param,
                    old: base.get(param),
                    new: new.clamp(min, max),
                    facts,
                }
            })
            .collect()
    }

    /// True when the preset sets a parameter that has no slider (the page shows it).
    pub fn moves_hidden(self, model: &Model, base: &Scenario) -> bool {
        self.changes(model, base)
            .iter()
            .any(|c| !c.param.is_slider())
    }

    /// The preset applied to `base`: only the parameters it sets change.
    pub fn apply_to(self, model: &Model, base: &Scenario) -> Scenario {
        let mut s = base.clamped_with(model.defaults());
        for change in self.changes(model, base) {
            s.set_raw(change.param, change.new);
        }
        s.clamped_with(model.defaults())
    }

    /// The preset applied to the defaults.
    pub fn apply(self, model: &Model) -> Scenario {
        self.apply_to(model, model.defaults())
    }
}
