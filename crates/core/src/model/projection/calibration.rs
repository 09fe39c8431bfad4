//! Calibration: the parameters no source states, found so that a run from MacroPolo
//! 2019 reproduces MacroPolo 2022 (equation (9) of the module docs); the back-test
//! that shows the fit for any scenario; and Carnegie's cohort through a scenario.

use super::inputs::{Inputs, Snapshot, PATTERN_2019, PATTERN_2022};
use super::params::{Group, Param};
use super::run::{walk, Model, Rates, YearPoint};
use super::scenario::Scenario;
use super::{Matrix, Region, CHINA, DEFAULT_END_YEAR, REST, START_INDEX, US};

/// The parameters the calibration finds, in [`Calibrated::PARAMS`] order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibrated {
    /// Share of the top tier who leave it each year.
    pub exit: f64,
    /// China-origin share of newcomers.
    pub origin_china: f64,
    /// Share of China-origin newcomers who start work in the US.
    pub china_to_us: f64,
    /// Share of China-origin newcomers who start work in China.
    pub china_stay: f64,
}

impl Calibrated {
    /// The parameters, in the order of [`Calibrated::to_array`].
    pub const PARAMS: [Param; 4] = [
        Param::Exit,
        Param::OriginChina,
        Param::ChinaToUs,
        Param::ChinaStay,
    ];

    fn from_array([exit, origin_china, china_to_us, china_stay]: [f64; 4]) -> Calibrated {
        Calibrated {
            exit,
            origin_china,
            china_to_us,
            china_stay,
        }
    }

    /// The values in [`Calibrated::PARAMS`] order.
    pub fn to_array(&self) -> [f64; 4] {
        [
            self.exit,
            self.origin_china,
            self.china_to_us,
            self.china_stay,
        ]
    }
}

/// A figure of a MacroPolo snapshot the model can be compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Share of the top tier working in a region.
    WorkShare(Region),
    /// China-origin share of US-based researchers.
    ChinaOriginShareOfUs,
    /// US-origin share of US-based researchers.
    UsOriginShareOfUs,
    /// Share of the top tier with an undergraduate degree from a region.
    OriginShare(Region),
}

impl Measure {
    /// The figures the calibration matches (in 2022).
    pub const TARGETS: [Measure; 5] = [
        Measure::WorkShare(Region::Us),
        Measure::WorkShare(Region::China),
        Measure::WorkShare(Region::Rest),
        Measure::ChinaOriginShareOfUs,
        Measure::OriginShare(Region::China),
    ];

    /// Every figure the back-test shows: the targets, then two the calibration does not
    /// use, as a check.
    pub const ALL: [Measure; 7] = [
        Measure::WorkShare(Region::Us),
        Measure::WorkShare(Region::China),
        Measure::WorkShare(Region::Rest),
        Measure::ChinaOriginShareOfUs,
        Measure::OriginShare(Region::China),
        Measure::UsOriginShareOfUs,
        Measure::OriginShare(Region::Us),
    ];

    /// Whether the calibration matches it.
    pub fn is_target(self) -> bool {
        Measure::TARGETS.contains(&self)
    }

    /// The measure in a model year.
    pub fn of_model(self, point: &YearPoint) -> f64 {
        let origin = |o: usize| point.stock[o].iter().sum::<f64>() / point.size;
        match self {
            Measure::WorkShare(r) => point.share(r),
            Measure::ChinaOriginShareOfUs => point.china_origin_share_of_us,
            Measure::UsOriginShareOfUs => {
                let us: f64 = point.stock.iter().map(|row| row[US]).sum();
                point.stock[US][US] / us
            }
            Measure::OriginShare(r) => origin(r.index()),
        }
    }

    /// The measure as the snapshot states it (rest = 1 - US - China).
    pub fn of_snapshot(self, s: &Snapshot) -> f64 {
        match self {
            Measure::WorkShare(r) => s.work()[r.index()],
            Measure::ChinaOriginShareOfUs => s.us_based_china,
            Measure::UsOriginShareOfUs => s.us_based_us,
            Measure::OriginShare(r) => s.origin()[r.index()],
        }
    }

    /// Fact ids of the observed figure, out of a snapshot's [`MeasureFacts`] (two for
    /// the rest of the world, which is what the US and China leave).
    fn facts(self, ids: &'static MeasureFacts) -> &'static [&'static str] {
        match self {
            Measure::WorkShare(Region::Us) => &ids[0..1],
            Measure::WorkShare(Region::China) => &ids[1..2],
            Measure::WorkShare(Region::Rest) => &ids[0..2],
            Measure::ChinaOriginShareOfUs => &ids[2..3],
            Measure::UsOriginShareOfUs => &ids[3..4],
            Measure::OriginShare(Region::China) => &ids[4..5],
            Measure::OriginShare(Region::Us) => &ids[5..6],
            Measure::OriginShare(Region::Rest) => &ids[4..6],
        }
    }
}

/// A snapshot's fact ids in the order [`Measure::facts`] slices them: work US, work
/// China, China-origin and US-origin shares of US-based researchers, China and US origin.
type MeasureFacts = [&'static str; 6];

const fn measure_facts(p: super::inputs::PatternIds) -> MeasureFacts {
    [
        p.work_us,
        p.work_china,
        p.us_inst_china,
        p.us_inst_us,
        p.origin_china,
        p.origin_us,
    ]
}
const FACTS_2019: MeasureFacts = measure_facts(PATTERN_2019);
const FACTS_2022: MeasureFacts = measure_facts(PATTERN_2022);

/// One figure, model against observed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitRow {
    /// Year of the snapshot.
    pub year: u16,
    /// What is compared.
    pub measure: Measure,
    /// Fact ids of the observed figure.
    pub facts: &'static [&'static str],
    /// The model's value (a share, 0-1).
    pub model: f64,
    /// The observed value (a share, 0-1).
    pub observed: f64,
}

impl FitRow {
    /// Model minus observed, in percentage points.
    pub fn error_pp(&self) -> f64 {
        100.0 * (self.model - self.observed)
    }
}

/// The optimiser the calibration used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Optimiser {
    /// Nelder–Mead simplex search (reflection 1, expansion 2, contraction and shrink
    /// 1/2), on the sum of squared errors in percentage points.
    NelderMead,
}

/// How the calibration was found, as data for the Sources & method page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Method {
    /// The optimiser.
    pub optimiser: Optimiser,
    /// The parameters it searched ([`Calibrated::PARAMS`]).
    pub free: [Param; 4],
    /// The groups taken as MacroPolo 2022 states them (the first jobs of US- and
    /// rest-of-world-origin newcomers), and, in the origin mix, the ratio of US to
    /// rest-of-world origin.
    pub fixed: [Group; 2],
    /// The figures it matched ([`Measure::TARGETS`], in the year of the target).
    pub targets: [Measure; 5],
    /// Where the search started.
    pub start: [f64; 4],
    /// Simplex iterations.
    pub iterations: u32,
    /// Runs of the model.
    pub evaluations: u32,
    /// Sum of squared errors at the end, in squared percentage points.
    pub residual_pp2: f64,
    /// True when the simplex shrank below the tolerance before the iteration limit.
    pub converged: bool,
}

/// The calibration: the values found, the fit, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// The values found.
    pub values: Calibrated,
    /// The default scenario they give (with the parameters from data).
    pub defaults: Scenario,
    /// Model against observed, 2019 (the start, equal by construction) and 2022.
    pub fit: Vec<FitRow>,
    /// How they were found.
    pub method: Method,
}

/// The default scenario of `inputs` with calibrated values `theta`
/// ([`Calibrated::PARAMS`] order): the horizon, growth from NeurIPS, retention and
/// return split from Carnegie, the first jobs of US- and rest-of-world-origin newcomers
/// and the US : rest-of-world ratio of the origin mix from MacroPolo 2022.
fn scenario_of(inputs: &Inputs, theta: [f64; 4]) -> Scenario {
    let c = Calibrated::from_array(theta);
    let target = &inputs.target;
    let origin = target.origin();
    let others = origin[US] + origin[REST];
    let scale = if others > 0.0 {
        (1.0 - c.origin_china) / others
    } else {
        0.0
    };
    let mut s = Scenario::from_values([f64::NAN; Param::COUNT]);
    let mut set = |p: Param, v: f64| s.set_raw(p, v);
    set(Param::EndYear, f64::from(DEFAULT_END_YEAR));
    set(Param::Growth, inputs.growth);
    set(Param::Exit, c.exit);
    let groups: [(Group, [f64; 3]); 4] = [
        (
            Group::Origin,
            [origin[US] * scale, c.origin_china, origin[REST] * scale],
        ),
        (
            Group::FirstJobs(Region::China),
            [
                c.china_to_us,
                c.china_stay,
                1.0 - c.china_to_us - c.china_stay,
            ],
        ),
        (Group::FirstJobs(Region::Us), target.row(US)),
        (Group::FirstJobs(Region::Rest), target.row(REST)),
    ];
    for (group, shares) in groups {
        for (p, v) in group.members().into_iter().zip(shares) {
            set(p, v);
        }
    }
    let retention = inputs.carnegie.retention.per_year;
    set(Param::RetentionUsChina, retention);
    set(Param::RetentionOther, retention);
    set(Param::ReturnHome, inputs.carnegie.return_home());
    s
}

/// The model's year `years` after the start, for a valid scenario, without building a
/// projection.
fn year_after(start: &Matrix, s: &Scenario, years: u16) -> YearPoint {
    let mut end = (*start, 0.0);
    walk(
        start,
        0.0,
        &Rates::of(s),
        years,
        |_, stock, newcomers, _| {
            end = (*stock, newcomers);
        },
    );
    YearPoint::new(years, end.0, end.1, [0.0; 3])
}

/// Squared error in percentage points over the targets.
fn residual(point: &YearPoint, target: &Snapshot) -> f64 {
    Measure::TARGETS
        .iter()
        .map(|m| (100.0 * (m.of_model(point) - m.of_snapshot(target))).powi(2))
        .sum()
}

/// The nearest point of the search box: exit, origin share and each first-job share in
/// [0, 1], the two China-origin first-job shares adding up to at most 1.
fn into_box(theta: [f64; 4]) -> [f64; 4] {
    let [exit, origin, to_us, stay] = theta.map(|v| v.clamp(0.0, 1.0));
    let jobs = to_us + stay;
    let scale = if jobs > 1.0 { 1.0 / jobs } else { 1.0 };
    [exit, origin, to_us * scale, stay * scale]
}

/// Weight of the squared distance outside the box, in squared percentage points per
/// squared unit: the objective outside is the objective at the nearest point inside plus
/// this penalty, continuous at the boundary, so the simplex settles on a boundary
/// optimum (turnover at 100%, say) instead of stalling at a cliff.
const OUTSIDE_WEIGHT: f64 = 1e4;

/// Calibrates from the snapshot's own pattern, and records the fit.
pub(crate) fn calibrate(inputs: &Inputs) -> Calibration {
    let target = &inputs.target;
    let china = target.row(CHINA);
    // The search starts halfway on turnover and at the 2022 snapshot's own China-origin
    // share and China-origin row.
    let start = [0.5, target.origin_china, china[US], china[CHINA]];
    let found = search(inputs, start);
    let defaults = scenario_of(inputs, found.point);
    Calibration {
        values: Calibrated::from_array(found.point),
        defaults,
        fit: backtest_of(inputs, &defaults).rows,
        method: Method {
            optimiser: Optimiser::NelderMead,
            free: Calibrated::PARAMS,
            fixed: [Group::FirstJobs(Region::Us), Group::FirstJobs(Region::Rest)],
            targets: Measure::TARGETS,
            start,
            iterations: found.iterations,
            evaluations: found.evaluations,
            residual_pp2: found.value,
            converged: found.converged,
        },
    }
}

/// What a search found.
pub(crate) struct Found {
    /// The values, in the box, in [`Calibrated::PARAMS`] order.
    pub point: [f64; 4],
    /// Squared error at them, pp².
    pub value: f64,
    pub iterations: u32,
    pub evaluations: u32,
    pub converged: bool,
}

/// Minimises the squared error of the 2022 targets over [`Calibrated`] from `start`.
pub(crate) fn search(inputs: &Inputs, start: [f64; 4]) -> Found {
    let base = inputs
        .start
        .matrix()
        .map(|row| row.map(|v| v * START_INDEX));
    let years = inputs.target.year.saturating_sub(inputs.start.year);
    let fit = |theta: [f64; 4]| {
        residual(
            &year_after(&base, &scenario_of(inputs, theta), years),
            &inputs.target,
        )
    };
    let found = nelder_mead(
        |theta: &[f64; 4]| {
            let inside = into_box(*theta);
            let outside: f64 = (0..4).map(|i| (theta[i] - inside[i]).powi(2)).sum();
            fit(inside) + OUTSIDE_WEIGHT * outside
        },
        into_box(start),
        SIMPLEX_STEP,
    );
    let point = into_box(found.point);
    Found {
        point,
        value: fit(point),
        iterations: found.iterations,
        evaluations: found.evaluations + 1,
        converged: found.converged,
    }
}

/// The default scenario of calibrated values (see [`scenario_of`]).
pub(crate) fn defaults_of(inputs: &Inputs, point: [f64; 4]) -> Scenario {
    scenario_of(inputs, point)
}

/// First step of the simplex along each parameter (shares, so 5 points).
const SIMPLEX_STEP: f64 = 0.05;

/// The simplex stops when its points differ by less than this in every parameter and
/// objective (numerical tolerance, not data).
const SIMPLEX_TOLERANCE: f64 = 1e-10;

/// Iteration limit of the simplex (a few hundred are enough for four parameters).
const SIMPLEX_ITERATIONS: u32 = 2_000;

struct Minimum<const N: usize> {
    point: [f64; N],
    iterations: u32,
    evaluations: u32,
    converged: bool,
}

/// Nelder–Mead on `f` from `start`, the first simplex `step` away along each axis.
fn nelder_mead<const N: usize>(
    f: impl Fn(&[f64; N]) -> f64,
    start: [f64; N],
    step: f64,
) -> Minimum<N> {
    let mut evaluations = 0;
    let mut eval = |x: &[f64; N]| {
        evaluations += 1;
        f(x)
    };
    let mut simplex: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    simplex.push((start, eval(&start)));
    for i in 0..N {
        let mut x = start;
        // Step inwards from a bound at 1 (all parameters are shares).
        x[i] += if start[i] + step > 1.0 { -step } else { step };
        simplex.push((x, eval(&x)));
    }
    let along = |from: &[f64; N], to: &[f64; N], t: f64| -> [f64; N] {
        std::array::from_fn(|i| from[i] + t * (to[i] - from[i]))
    };
    let mut iterations = 0;
    let mut converged = false;
    while iterations < SIMPLEX_ITERATIONS {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (simplex[0], simplex[N]);
        let spread = (0..N)
            .map(|i| {
                simplex
                    .iter()
                    .map(|(x, _)| (x[i] - best.0[i]).abs())
                    .fold(0.0, f64::max)
            })
            .fold(0.0, f64::max);
        if spread < SIMPLEX_TOLERANCE && worst.1 - best.1 < SIMPLEX_TOLERANCE {
            converged = true;
            break;
        }
        iterations += 1;
        let centroid: [f64; N] =
            std::array::from_fn(|i| simplex[..N].iter().map(|(x, _)| x[i]).sum::<f64>() / N as f64);
        let reflected = along(&centroid, &worst.0, -1.0);
        let fr = eval(&reflected);
        if fr < best.1 {
            let expanded = along(&centroid, &worst.0, -2.0);
            let fe = eval(&expanded);
            simplex[N] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < simplex[N - 1].1 {
            simplex[N] = (reflected, fr);
        } else {
            // Contract towards the better of the worst point and its reflection.
            let (toward, f_toward) = if fr < worst.1 { (reflected, fr) } else { worst };
            let contracted = along(&centroid, &toward, 0.5);
            let fc = eval(&contracted);
            if fc < f_toward {
                simplex[N] = (contracted, fc);
            } else {
                for point in simplex.iter_mut().skip(1) {
                    let x = along(&best.0, &point.0, 0.5);
                    *point = (x, eval(&x));
                }
            }
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    Minimum {
        point: simplex[0].0,
        iterations,
        evaluations,
        converged,
    }
}

/// The scenario run from 2019 to 2022 against both MacroPolo snapshots.
#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    /// Start year (2019).
    pub start_year: u16,
    /// Year compared (2022).
    pub year: u16,
    /// Every [`Measure`] in 2019 (equal by construction) and in 2022.
    pub rows: Vec<FitRow>,
}

impl Backtest {
    /// The row of one measure in one year.
    pub fn row(&self, year: u16, measure: Measure) -> Option<&FitRow> {
        self.rows
            .iter()
            .find(|r| r.year == year && r.measure == measure)
    }

    /// Largest error of the 2022 targets, in percentage points.
    pub fn max_abs_error_pp(&self) -> f64 {
        self.rows
            .iter()
            .filter(|r| r.year == self.year && r.measure.is_target())
            .map(|r| r.error_pp().abs())
            .fold(0.0, f64::max)
    }
}

fn backtest_of(inputs: &Inputs, s: &Scenario) -> Backtest {
    let base = inputs
        .start
        .matrix()
        .map(|row| row.map(|v| v * START_INDEX));
    let years = inputs.target.year.saturating_sub(inputs.start.year);
    let start = YearPoint::new(0, base, 0.0, [0.0; 3]);
    let end = year_after(&base, s, years);
    let mut rows = Vec::with_capacity(2 * Measure::ALL.len());
    let snapshots = [
        (&start, &inputs.start, &FACTS_2019),
        (&end, &inputs.target, &FACTS_2022),
    ];
    for (point, snapshot, ids) in snapshots {
        for m in Measure::ALL {
            rows.push(FitRow {
                year: snapshot.year,
                measure: m,
                facts: m.facts(ids),
                model: m.of_model(point),
                observed: m.of_snapshot(snapshot),
            });
        }
    }
    Backtest {
        start_year: inputs.start.year,
        year: inputs.target.year,
        rows,
    }
}

/// Carnegie's cohort run through a scenario: the group of China-origin researchers in
/// the US in 2019, followed as people (no turnover, no newcomers) to 2025.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CarnegieCheck {
    /// Years followed (2025 - 2019).
    pub years: u16,
    /// Size of the group (`cg25_cohort_size`).
    pub cohort: f64,
    /// Model: expected people in the US, China and elsewhere.
    pub model: [f64; 3],
    /// Model in whole people.
    pub whole: [u32; 3],
    /// Observed: still in the US, in China, elsewhere (`cg25_still_us`,
    /// `cg25_moved_china`, `cg25_other_countries`).
    pub observed: [f64; 3],
}

impl Model {
    /// The scenario from 2019 to 2022 against MacroPolo 2019 and 2022 (the horizon of
    /// the scenario does not matter).
    pub fn backtest(&self, scenario: &Scenario) -> Backtest {
        backtest_of(self.inputs(), &scenario.clamped_with(self.defaults()))
    }

    /// Carnegie's cohort through the scenario's retention and return split.
    pub fn carnegie_check(&self, scenario: &Scenario) -> CarnegieCheck {
        let s = scenario.clamped_with(self.defaults());
        let carnegie = &self.inputs().carnegie;
        let years = carnegie.retention.years;
        let mut group = [0.0; 3];
        walk(
            &[[0.0; 3]; 3],
            carnegie.retention.cohort,
            &Rates::of(&s),
            years,
            |_, _, _, g| group = g,
        );
        CarnegieCheck {
            years,
            cohort: carnegie.retention.cohort,
            model: group,
            whole: super::whole_people(group),
            observed: carnegie.observed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nelder_mead_finds_the_minimum_of_a_bowl() {
        // (x - 0.3)² + 10 (y - 0.7)²: minimum 0 at (0.3, 0.7).
        let m = nelder_mead(
            |p: &[f64; 2]| (p[0] - 0.3).powi(2) + 10.0 * (p[1] - 0.7).powi(2),
            [0.5, 0.5],
            0.1,
        );
        assert!(m.converged);
        assert!((m.point[0] - 0.3).abs() < 1e-5 && (m.point[1] - 0.7).abs() < 1e-5);
    }

    #[test]
    fn into_box_keeps_points_inside_and_projects_the_others() {
        assert_eq!(into_box([0.5, 0.5, 0.3, 0.5]), [0.5, 0.5, 0.3, 0.5]);
        // Exit -0.2 -> 0; 0.6 + 0.9 = 1.5 -> scaled by 1/1.5 to 0.4 and 0.6.
        let p = into_box([-0.2, 1.3, 0.6, 0.9]);
        assert_eq!(p[0], 0.0);
        assert_eq!(p[1], 1.0);
        assert!((p[2] - 0.4).abs() < 1e-12 && (p[3] - 0.6).abs() < 1e-12);
    }
}
