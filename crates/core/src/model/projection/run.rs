//! The model built from the data pack, and one run of it: equations (2) to (8) of the
//! module docs.

use super::band::Draws;
use super::calibration::{calibrate, Calibration};
use super::inputs::Inputs;
use super::params::Param;
use super::scenario::Scenario;
use super::{Matrix, MissingFact, Region, CHINA, REST, START_INDEX, US};
use crate::data::Dataset;
use std::sync::{LazyLock, OnceLock};

/// The 2019 top tier the projection starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    /// Year of the table (2019 for MacroPolo 1.0).
    pub year: u16,
    /// Researchers by `[origin][work]`, as an index: the 2019 top tier is
    /// [`START_INDEX`].
    pub stock: Matrix,
}

impl Baseline {
    /// The MacroPolo 2019 table of the embedded data pack.
    pub fn embedded() -> &'static Baseline {
        Model::embedded().baseline()
    }

    /// The baseline of a data pack.
    ///
    /// # Errors
    /// [`MissingFact`] naming the first fact that is missing.
    pub fn try_from_dataset(data: &Dataset) -> Result<Baseline, MissingFact> {
        Ok(Baseline::of(&Inputs::from_dataset(data)?))
    }

    pub(crate) fn of(inputs: &Inputs) -> Baseline {
        Baseline {
            year: inputs.start.year,
            stock: inputs
                .start
                .matrix()
                .map(|row| row.map(|v| v * START_INDEX)),
        }
    }

    /// The facts the table is built from (for the downloads' sources).
    pub fn sources() -> [&'static str; 7] {
        super::inputs::PATTERN_2019.matrix_ids()
    }

    /// All researchers in the table.
    pub fn total(&self) -> f64 {
        self.stock.iter().flatten().sum()
    }
}

/// The model of one data pack: its inputs, the 2019 table, the calibration and the
/// default scenario it gives. Build it once ([`Model::embedded`] for the embedded pack);
/// the uncertainty band's draws are computed the first time a band is asked for.
#[derive(Debug)]
pub struct Model {
    inputs: Inputs,
    baseline: Baseline,
    calibration: Calibration,
    defaults: Scenario,
    pub(crate) draws: OnceLock<Draws>,
    /// The last scenario banded and its band ([`Model::banded`]).
    pub(crate) last_band: std::sync::Mutex<Option<(Scenario, super::Banded)>>,
}

static EMBEDDED: LazyLock<Model> =
    LazyLock::new(|| Model::from_dataset(Dataset::embedded()).unwrap_or_else(|e| panic!("{e}")));

impl Model {
    /// Reads the inputs, calibrates, and builds the defaults.
    ///
    /// # Errors
    /// [`MissingFact`] naming the first fact that is missing or not a finite number.
    pub fn from_dataset(data: &Dataset) -> Result<Model, MissingFact> {
        Ok(Model::from_inputs(Inputs::from_dataset(data)?))
    }

    pub(crate) fn from_inputs(inputs: Inputs) -> Model {
        let calibration = calibrate(&inputs);
        Model {
            baseline: Baseline::of(&inputs),
            defaults: calibration.defaults,
            inputs,
            calibration,
            draws: OnceLock::new(),
            last_band: std::sync::Mutex::new(None),
        }
    }

    /// The model of the embedded data pack, built once.
    ///
    /// # Panics
    /// Never: the tests check that the embedded pack holds every fact.
    pub fn embedded() -> &'static Model {
        &EMBEDDED
    }

    /// What the model read from the data pack.
    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    /// The 2019 table.
    pub fn baseline(&self) -> &Baseline {
        &self.baseline
    }

    /// How the parameters no source states were found.
    pub fn calibration(&self) -> &Calibration {
        &self.calibration
    }

    /// The default scenario: every parameter from the data or the calibration.
    pub fn defaults(&self) -> &Scenario {
        &self.defaults
    }

    /// The scenario (made valid first) from the 2019 table to its horizon.
    pub fn project(&self, scenario: &Scenario) -> Projection {
        let s = scenario.clamped_with(&self.defaults);
        let years = s.end_year().saturating_sub(self.baseline.year);
        run(
            &self.baseline,
            self.inputs.carnegie.retention.cohort,
            &s,
            years,
        )
    }
}

/// Projects the scenario with the embedded model.
pub fn project(scenario: &Scenario) -> Projection {
    Model::embedded().project(scenario)
}

/// The rates of one scenario, read once per run, as the coefficients of one year's step
/// for the top tier (with its turnover) and for Carnegie's cohort (without).
pub(crate) struct Rates {
    /// Share of the top tier who stay in it a year: 1 - exit.
    keep: f64,
    /// Newcomers by `[origin][work]` as shares of all newcomers: `a_o · p[o][w]`.
    newcomers: Matrix,
    /// Growth of the top tier a year, as a fraction of its start.
    growth: f64,
    pool: Moves,
    cohort: Moves,
}

/// One year's moves (equations (3) and (4)) for a given share that stays in the group:
/// for each origin o, `map[o][w][v]` is the share of those in place v at the start of
/// the year who are in place w at its end (so each origin's row of the table is
/// multiplied by its own 3 x 3 matrix). The columns of `map[o]` add up to the share
/// that stays in the group.
struct Moves {
    map: [Matrix; 3],
}

impl Moves {
    fn new(s: &Scenario, keep: f64) -> Moves {
        let h = s.get(Param::ReturnHome);
        let mut map = [[[0.0; 3]; 3]; 3];
        for (o, m) in map.iter_mut().enumerate() {
            for v in [US, CHINA, REST] {
                if v == o {
                    // At home nobody moves.
                    m[o][o] = keep;
                    continue;
                }
                let retention = if o == CHINA && v == US {
                    s.get(Param::RetentionUsChina)
                } else {
                    s.get(Param::RetentionOther)
                };
                let movers = keep * (1.0 - retention);
                // Indices are 0, 1, 2: the third place is what o and v leave of 3.
                let third = 3 - o - v;
                m[v][v] = keep - movers;
                m[o][v] = h * movers;
                m[third][v] = (1.0 - h) * movers;
            }
        }
        Moves { map }
    }

    /// One year of moves of the researchers of one origin (equations (3), (4) and (6)
    /// without newcomers): where they are at the end of the year, from where they were.
    #[inline]
    fn step(&self, origin: usize, row: &[f64; 3]) -> [f64; 3] {
        let m = &self.map[origin];
        let to = |w: usize| m[w][0] * row[0] + m[w][1] * row[1] + m[w][2] * row[2];
        [to(US), to(CHINA), to(REST)]
    }
}

impl Rates {
    pub(crate) fn of(s: &Scenario) -> Rates {
        let keep = 1.0 - s.get(Param::Exit);
        let origin = s.origin();
        let jobs = s.first_jobs();
        Rates {
            keep,
            newcomers: [0, 1, 2].map(|o| jobs[o].map(|p| origin[o] * p)),
            growth: s.get(Param::Growth),
            pool: Moves::new(s, keep),
            cohort: Moves::new(s, 1.0),
        }
    }
}

/// The state of the model at the end of one year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearPoint {
    /// Calendar year.
    pub year: u16,
    /// The top tier by `[origin][work]`, as an index (2019 top tier = [`START_INDEX`]).
    pub stock: Matrix,
    /// Size of the top tier, as an index (2019 = [`START_INDEX`]).
    pub size: f64,
    /// Share working in the US, China and the rest of the world; sums to 1.
    pub work_share: [f64; 3],
    /// Share of US-based researchers who are China-origin.
    pub china_origin_share_of_us: f64,
    /// Share of this year's top tier who joined it this year (0 in the start year).
    pub newcomer_share: f64,
    /// Carnegie's cohort by where they work (expected people: a real group, see
    /// [`whole_people`]).
    pub cohort: [f64; 3],
}

impl YearPoint {
    pub(crate) fn new(year: u16, stock: Matrix, newcomers: f64, cohort: [f64; 3]) -> YearPoint {
        let mut working = [0.0; 3];
        for row in &stock {
            for (w, v) in row.iter().enumerate() {
                working[w] += v;
            }
        }
        let size: f64 = working.iter().sum();
        let work_share = if size > 0.0 {
            working.map(|v| v / size)
        } else {
            [0.0; 3]
        };
        YearPoint {
            year,
            stock,
            size,
            work_share,
            china_origin_share_of_us: if working[US] > 0.0 {
                stock[CHINA][US] / working[US]
            } else {
                0.0
            },
            newcomer_share: if size > 0.0 { newcomers / size } else { 0.0 },
            cohort,
        }
    }

    /// Share of researchers working in `region`.
    pub fn share(&self, region: Region) -> f64 {
        self.work_share[region.index()]
    }

    /// Carnegie's cohort in whole people (largest remainders, adding up to the cohort).
    pub fn cohort_people(&self) -> [u32; 3] {
        whole_people(self.cohort)
    }
}

/// A figure of a projected year that the page can quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    /// Share of the top tier working in a region (a share, 0-1).
    WorkShare(Region),
    /// China-origin share of US-based researchers (a share, 0-1).
    ChinaOriginShareOfUs,
    /// Size of the top tier (an index, 2019 = [`START_INDEX`]).
    Size,
    /// Carnegie's cohort working in a region (people of a real group).
    Cohort(Region),
}

/// What an [`Output`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputUnit {
    /// A share, 0-1.
    Share,
    /// An index, 2019 = [`START_INDEX`].
    Index,
    /// People of Carnegie's cohort.
    People,
}

impl Output {
    /// Every output, in display order.
    pub const ALL: [Output; 8] = [
        Output::WorkShare(Region::Us),
        Output::WorkShare(Region::China),
        Output::WorkShare(Region::Rest),
        Output::ChinaOriginShareOfUs,
        Output::Size,
        Output::Cohort(Region::Us),
        Output::Cohort(Region::China),
        Output::Cohort(Region::Rest),
    ];

    /// Number of outputs.
    pub const COUNT: usize = Output::ALL.len();

    /// Position in [`Output::ALL`].
    pub fn index(self) -> usize {
        Output::ALL
            .iter()
            .position(|&o| o == self)
            .unwrap_or_default()
    }

    /// The value in a year.
    pub fn of(self, point: &YearPoint) -> f64 {
        match self {
            Output::WorkShare(r) => point.share(r),
            Output::ChinaOriginShareOfUs => point.china_origin_share_of_us,
            Output::Size => point.size,
            Output::Cohort(r) => point.cohort[r.index()],
        }
    }

    /// What it counts.
    pub fn unit(self) -> OutputUnit {
        match self {
            Output::WorkShare(_) | Output::ChinaOriginShareOfUs => OutputUnit::Share,
            Output::Size => OutputUnit::Index,
            Output::Cohort(_) => OutputUnit::People,
        }
    }
}

/// Expected head counts of a real group as whole people: each rounded down, the people
/// left over given to the largest remainders (the first of equal ones), so the counts add
/// up to the group's size rounded.
///
/// ```
/// use talent_core::model::projection::whole_people;
/// // 87.04 + 10.13 + 2.83 = 100: 87, 10, 2 after rounding down, and the one left over
/// // goes to the largest remainder, 0.83: 87, 10, 3.
/// assert_eq!(whole_people([87.04, 10.13, 2.83]), [87, 10, 3]);
/// ```
pub fn whole_people(expected: [f64; 3]) -> [u32; 3] {
    let clean = expected.map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 });
    let total = clean.iter().sum::<f64>().round();
    let mut whole = clean.map(f64::floor);
    let left = (total - whole.iter().sum::<f64>()).max(0.0) as usize;
    let mut order = [0, 1, 2];
    order.sort_by(|&a, &b| (clean[b] - whole[b]).total_cmp(&(clean[a] - whole[a])));
    for &i in order.iter().take(left) {
        whole[i] += 1.0;
    }
    // Whole, non-negative and at most the group's size.
    whole.map(|v| v as u32)
}

/// A projection: one point per year from the baseline year to the horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Start year first.
    pub points: Vec<YearPoint>,
    /// First year China's share of the top tier is larger than the US's, or `None`
    /// before the horizon.
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

/// Runs a valid scenario for `years` years from the baseline; `cohort` is the size of
/// Carnegie's group, all in the US at the start.
pub(crate) fn run(baseline: &Baseline, cohort: f64, s: &Scenario, years: u16) -> Projection {
    let rates = Rates::of(s);
    let mut points = Vec::with_capacity(usize::from(years) + 1);
    walk(
        &baseline.stock,
        cohort,
        &rates,
        years,
        |offset, stock, newcomers, group| {
            points.push(YearPoint::new(
                baseline.year + offset,
                *stock,
                newcomers,
                group,
            ));
        },
    );
    let crossover_year = points
        .iter()
        .find(|p| p.work_share[CHINA] > p.work_share[US])
        .map(|p| p.year);
    Projection {
        points,
        crossover_year,
    }
}

/// Steps the top tier and Carnegie's cohort `years` times, calling `visit` with the
/// years since the start, the table, the year's newcomers and the cohort by place
/// (the start first, with no newcomers).
pub(crate) fn walk(
    start: &Matrix,
    cohort: f64,
    rates: &Rates,
    years: u16,
    mut visit: impl FnMut(u16, &Matrix, f64, [f64; 3]),
) {
    let start_size: f64 = start.iter().flatten().sum();
    let mut stock = *start;
    // Carnegie's cohort: China-origin researchers, all in the US at the start.
    let mut group = [cohort, 0.0, 0.0];
    visit(0, &stock, 0.0, group);
    let mut size = start_size;
    for offset in 1..=years {
        // Equation (2): the size grows by the same number each year.
        let next_size = start_size * (1.0 + rates.growth * f64::from(offset));
        let newcomers = (next_size - rates.keep * size).max(0.0);
        for o in [US, CHINA, REST] {
            let moved = rates.pool.step(o, &stock[o]);
            let share = &rates.newcomers[o];
            for w in [US, CHINA, REST] {
                stock[o][w] = moved[w] + newcomers * share[w];
            }
        }
        group = rates.cohort.step(CHINA, &group);
        size = next_size;
        visit(offset, &stock, newcomers, group);
    }
}
