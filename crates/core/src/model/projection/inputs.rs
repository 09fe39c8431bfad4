//! The figures the model reads from the data pack, by fact id, with the sample sizes
//! their uncertainty comes from: MacroPolo's 2019 and 2022 snapshots, NeurIPS accepted
//! papers, Carnegie's follow-up.

use super::{Matrix, MissingFact, CHINA, REST, US};
use crate::data::Dataset;
use crate::model::derived::{carnegie_retention, CarnegieRetention, CARNEGIE_RETENTION_FACTS};
use crate::model::metrics::{annualised_retention, wilson_bound};

/// Fact ids of one MacroPolo snapshot.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PatternIds {
    pub origin_china: &'static str,
    pub origin_us: &'static str,
    pub work_us: &'static str,
    pub work_china: &'static str,
    pub us_inst_china: &'static str,
    pub us_inst_us: &'static str,
    /// China-origin researchers in China (2019: at Chinese institutions; 2022: who did
    /// graduate school in China, the only 2022 figure, a proxy).
    pub china_ug_china: &'static str,
}

impl PatternIds {
    /// Every id the snapshot is built from.
    pub const fn matrix_ids(self) -> [&'static str; 7] {
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
}

pub(crate) const PATTERN_2019: PatternIds = PatternIds {
    origin_china: "mp19_origin_share_china",
    origin_us: "mp19_origin_share_us",
    work_us: "mp19_work_share_us",
    work_china: "mp19_work_share_china",
    us_inst_china: "mp19_us_inst_origin_share_china",
    us_inst_us: "mp19_us_inst_origin_share_us",
    china_ug_china: "mp19_china_ug_in_china",
};

pub(crate) const PATTERN_2022: PatternIds = PatternIds {
    origin_china: "mp22_origin_share_china",
    origin_us: "mp22_origin_share_us",
    work_us: "mp22_work_share_us",
    work_china: "mp22_work_share_china",
    us_inst_china: "mp22_us_inst_origin_share_china",
    us_inst_us: "mp22_us_inst_origin_share_us",
    china_ug_china: "mp22_china_ug_grad_in_china",
};

/// China-origin researchers who study or work at US institutions in 2019 (the China-origin
/// newcomers of the 2019 pattern).
pub(crate) const CHINA_UG_IN_US_2019: &str = "mp19_china_ug_in_us";

/// Sample of MacroPolo 2019: 675 authors.
const SAMPLE_2019: &str = "mp19_sample_size";

/// Sample of MacroPolo 2022: 867 authors of 186 papers (a low-confidence secondary
/// figure, the only one in the pack).
const SAMPLE_2022: (&str, &str) = ("mp22_sample_papers", "authors");

/// NeurIPS accepted papers in 2019 and 2022: the growth of the top tier.
pub(crate) const GROWTH_FACTS: [&str; 2] = ["mp19_neurips_accepted", "mp22_neurips_accepted"];

/// Carnegie's leavers: back in China, in other countries.
pub(crate) const CARNEGIE_RETURN_FACTS: [&str; 2] = ["cg25_moved_china", "cg25_other_countries"];

/// The MacroPolo 2022 figures the calibration matches (see `calibration`).
pub(crate) const TARGET_FACTS: [&str; 4] = [
    PATTERN_2022.work_us,
    PATTERN_2022.work_china,
    PATTERN_2022.us_inst_china,
    PATTERN_2022.origin_china,
];

/// Facts of the first jobs of US-origin newcomers (the US-origin row of 2022).
pub(crate) const US_ROW_2022_FACTS: [&str; 3] = [
    PATTERN_2022.us_inst_us,
    PATTERN_2022.work_us,
    PATTERN_2022.origin_us,
];

/// A number from the pack.
pub(crate) fn number(data: &Dataset, id: &'static str) -> Result<f64, MissingFact> {
    data.number(id)
        .filter(|v| v.is_finite())
        .ok_or(MissingFact(id))
}

/// A share as a fraction: `percent` facts are divided by 100.
pub(crate) fn share(data: &Dataset, id: &'static str) -> Result<f64, MissingFact> {
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

pub(crate) fn year(data: &Dataset, id: &'static str) -> Result<u16, MissingFact> {
    data.fact(id).map(|f| f.year).ok_or(MissingFact(id))
}

/// One MacroPolo snapshot: the published margins and inner shares (fractions) and the
/// sample they come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    /// Year of the sample.
    pub year: u16,
    /// Authors sampled.
    pub sample: f64,
    /// Share with a Chinese undergraduate degree.
    pub origin_china: f64,
    /// Share with a US undergraduate degree.
    pub origin_us: f64,
    /// Share working in the US.
    pub work_us: f64,
    /// Share working in China.
    pub work_china: f64,
    /// China-origin share of US-based researchers.
    pub us_based_china: f64,
    /// US-origin share of US-based researchers.
    pub us_based_us: f64,
    /// Share of China-origin researchers who are in China (2019: at Chinese institutions;
    /// 2022: who did graduate school in China, the only 2022 figure, a proxy).
    pub china_origin_in_china: f64,
}

/// Number of shares of a snapshot that a draw perturbs.
pub(crate) const SNAPSHOT_SHARES: usize = 7;

impl Snapshot {
    fn read(data: &Dataset, ids: PatternIds, sample: f64) -> Result<Snapshot, MissingFact> {
        Ok(Snapshot {
            year: year(data, ids.work_us)?,
            sample,
            origin_china: share(data, ids.origin_china)?,
            origin_us: share(data, ids.origin_us)?,
            work_us: share(data, ids.work_us)?,
            work_china: share(data, ids.work_china)?,
            us_based_china: share(data, ids.us_inst_china)?,
            us_based_us: share(data, ids.us_inst_us)?,
            china_origin_in_china: share(data, ids.china_ug_china)?,
        })
    }

    /// Origin shares in region order (rest = 1 - US - China).
    pub fn origin(&self) -> [f64; 3] {
        [
            self.origin_us,
            self.origin_china,
            (1.0 - self.origin_us - self.origin_china).max(0.0),
        ]
    }

    /// Work shares in region order (rest = 1 - US - China).
    pub fn work(&self) -> [f64; 3] {
        [
            self.work_us,
            self.work_china,
            (1.0 - self.work_us - self.work_china).max(0.0),
        ]
    }

    /// The origin x work table as fractions of the pool, built from the margins in the
    /// order of equation (1) of the module docs.
    pub fn matrix(&self) -> Matrix {
        let origin = self.origin();
        let mut m = [[0.0; 3]; 3];
        m[CHINA][US] = self.us_based_china * self.work_us;
        m[US][US] = self.us_based_us * self.work_us;
        m[REST][US] = (self.work_us - m[CHINA][US] - m[US][US]).max(0.0);
        m[CHINA][CHINA] = (self.china_origin_in_china * self.origin_china).min(self.work_china);
        // MacroPolo does not break down the few non-Chinese researchers in China; the
        // model counts them all as rest-of-world origin and none as US origin.
        m[US][CHINA] = 0.0;
        m[REST][CHINA] = (self.work_china - m[CHINA][CHINA]).max(0.0);
        for o in [US, CHINA, REST] {
            m[o][REST] = (origin[o] - m[o][US] - m[o][CHINA]).max(0.0);
        }
        m
    }

    /// Where researchers of one origin work, as shares of that origin (a row of
    /// [`Snapshot::matrix`] scaled to 1; all at home if the row is empty).
    pub fn row(&self, origin: usize) -> [f64; 3] {
        let row = self.matrix()[origin];
        let sum: f64 = row.iter().sum();
        if sum > 0.0 {
            row.map(|v| v / sum)
        } else {
            let mut home = [0.0; 3];
            home[origin] = 1.0;
            home
        }
    }

    /// The snapshot with each share moved to its Wilson bound at the deviates `z`
    /// (see [`wilson_bound`]). Shares of a part of the sample use that part's size:
    /// US-based researchers for the origin mix at US institutions, China-origin
    /// researchers for where they are.
    pub(crate) fn perturbed(&self, z: &[f64]) -> Snapshot {
        let n = self.sample;
        let us_based = n * self.work_us;
        let china_origin = n * self.origin_china;
        let at = |value: f64, n: f64, z: f64| wilson_bound(value, n, z).unwrap_or(value);
        Snapshot {
            year: self.year,
            sample: n,
            origin_china: at(self.origin_china, n, z[0]),
            origin_us: at(self.origin_us, n, z[1]),
            work_us: at(self.work_us, n, z[2]),
            work_china: at(self.work_china, n, z[3]),
            us_based_china: at(self.us_based_china, us_based, z[4]),
            us_based_us: at(self.us_based_us, us_based, z[5]),
            china_origin_in_china: at(self.china_origin_in_china, china_origin, z[6]),
        }
    }
}

/// Carnegie's follow-up of the 100 China-origin researchers at US institutions in 2019.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Carnegie {
    /// Cohort, still in the US, years and the yearly retention they imply.
    pub retention: CarnegieRetention,
    /// Back in China at the end (`cg25_moved_china`).
    pub to_china: f64,
    /// In other countries at the end (`cg25_other_countries`).
    pub elsewhere: f64,
    /// Year of the cohort (2019).
    pub start_year: u16,
}

impl Carnegie {
    /// Share of leavers who went back to China rather than elsewhere.
    pub fn return_home(&self) -> f64 {
        self.to_china / (self.to_china + self.elsewhere)
    }

    /// Still in the US, in China, elsewhere at the end.
    pub fn observed(&self) -> [f64; 3] {
        [self.retention.kept, self.to_china, self.elsewhere]
    }

    fn perturbed(&self, z: &[f64]) -> Carnegie {
        let c = self.retention;
        let kept_share = wilson_bound(c.kept / c.cohort, c.cohort, z[0]).unwrap_or(1.0);
        let kept = c.cohort * kept_share;
        let leavers = self.to_china + self.elsewhere;
        let home = wilson_bound(self.return_home(), leavers, z[1]).unwrap_or(1.0);
        Carnegie {
            retention: CarnegieRetention {
                kept,
                per_year: annualised_retention(kept, c.cohort, f64::from(c.years))
                    .unwrap_or(c.per_year),
                ..c
            },
            to_china: leavers * home,
            elsewhere: leavers * (1.0 - home),
            start_year: self.start_year,
        }
    }
}

/// Figures only the presets use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PresetFigures {
    /// China-origin researchers who study or work at US institutions, 2019
    /// (`mp19_china_ug_in_us`).
    pub china_to_us_2019: f64,
    /// Rise of the departure rate of US-based scientists of Chinese descent after the
    /// China Initiative, as a fraction (`pnas_departure_increase`: 75% -> 0.75).
    pub departure_increase: f64,
}

/// PNAS: departures of US-based scientists of Chinese descent up 75% after 2018.
pub(crate) const DEPARTURE_INCREASE: &str = "pnas_departure_increase";

/// Everything the model reads from the data pack.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// MacroPolo 2019: the start of every run.
    pub start: Snapshot,
    /// MacroPolo 2022: what the calibration matches.
    pub target: Snapshot,
    /// Yearly growth of the top tier as a fraction of its 2019 size:
    /// (NeurIPS accepted 2022 - 2019) / (years × 2019), so the 2022 top tier is to the
    /// 2019 one as the 2022 conference to the 2019 one.
    pub growth: f64,
    /// Carnegie's follow-up.
    pub carnegie: Carnegie,
    /// Figures of the presets (not sampled).
    pub presets: PresetFigures,
}

/// Normal deviates one draw of the inputs takes: seven shares of each snapshot and two
/// Carnegie proportions (87 of 100 still in the US; 10 of 13 leavers in China).
pub(crate) const DRAW_DIMENSIONS: usize = 2 * SNAPSHOT_SHARES + 2;

impl Inputs {
    /// Reads the inputs.
    ///
    /// # Errors
    /// [`MissingFact`] naming the first fact that is missing or not a finite number.
    pub fn from_dataset(data: &Dataset) -> Result<Inputs, MissingFact> {
        let n19 = number(data, SAMPLE_2019)?;
        let (sample_id, authors) = SAMPLE_2022;
        let n22 = data
            .fact(sample_id)
            .and_then(|f| f.related(authors))
            .filter(|n| n.is_finite() && *n > 0.0)
            .ok_or(MissingFact(sample_id))?;
        let [papers19, papers22] = GROWTH_FACTS;
        let span = year(data, papers22)?
            .saturating_sub(year(data, papers19)?)
            .max(1);
        let (p19, p22) = (number(data, papers19)?, number(data, papers22)?);
        let growth = (p22 - p19) / (f64::from(span) * p19);
        if !growth.is_finite() {
            return Err(MissingFact(papers22));
        }
        let [kept_id, cohort_id] = CARNEGIE_RETENTION_FACTS;
        let retention = carnegie_retention(data).ok_or(MissingFact(kept_id))?;
        let [china_id, other_id] = CARNEGIE_RETURN_FACTS;
        let carnegie = Carnegie {
            retention,
            to_china: number(data, china_id)?,
            elsewhere: number(data, other_id)?,
            start_year: year(data, cohort_id)?,
        };
        if !(carnegie.return_home().is_finite()) {
            return Err(MissingFact(china_id));
        }
        Ok(Inputs {
            start: Snapshot::read(data, PATTERN_2019, n19)?,
            target: Snapshot::read(data, PATTERN_2022, n22)?,
            growth,
            carnegie,
            presets: PresetFigures {
                china_to_us_2019: share(data, CHINA_UG_IN_US_2019)?,
                departure_increase: share(data, DEPARTURE_INCREASE)?,
            },
        })
    }

    /// The inputs with every sampled proportion moved to its Wilson bound at the
    /// deviates `z` (NeurIPS paper counts are a census and stay as they are).
    pub(crate) fn perturbed(&self, z: &[f64; DRAW_DIMENSIONS]) -> Inputs {
        let (start, rest) = z.split_at(SNAPSHOT_SHARES);
        let (target, carnegie) = rest.split_at(SNAPSHOT_SHARES);
        Inputs {
            start: self.start.perturbed(start),
            target: self.target.perturbed(target),
            growth: self.growth,
            carnegie: self.carnegie.perturbed(carnegie),
            presets: self.presets,
        }
    }
}
