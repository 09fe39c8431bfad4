//! What moves the horizon: two scenarios side by side (for a "pin as baseline" table)
//! and a tornado of the sliders.

use super::params::Param;
use super::run::{Model, Output};
use super::scenario::Scenario;
use super::{CHINA, US};

/// One output of two scenarios at the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// What is compared.
    pub output: Output,
    /// The scenario's value.
    pub scenario: f64,
    /// The pinned baseline's value.
    pub baseline: f64,
    /// Scenario minus baseline (for shares, multiply by 100 for percentage points).
    pub difference: f64,
}

/// Two scenarios compared at the horizon of the first.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The year compared: the scenario's horizon (the baseline is run to it too).
    pub year: u16,
    /// One row per [`Output`], in [`Output::ALL`] order.
    pub rows: Vec<Difference>,
}

/// One bar of the tornado: the horizon's US and China work shares with one slider at
/// each end of its range, the others at the scenario's values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    /// The slider.
    pub param: Param,
    /// The low end of its range.
    pub low: f64,
    /// The high end of its range.
    pub high: f64,
    /// US and China work shares with the slider at the low end.
    pub at_low: [f64; 2],
    /// US and China work shares with the slider at the high end.
    pub at_high: [f64; 2],
}

impl TornadoBar {
    /// The larger of the two shares' swings between the ends, in percentage points.
    pub fn swing_pp(&self) -> f64 {
        (0..2)
            .map(|i| 100.0 * (self.at_high[i] - self.at_low[i]).abs())
            .fold(0.0, f64::max)
    }
}

impl Model {
    /// Each output of `scenario` and `baseline` at the scenario's horizon, with the
    /// difference; Carnegie's cohort in whole people.
    pub fn compare(&self, scenario: &Scenario, baseline: &Scenario) -> Comparison {
        let a = self.project(scenario);
        let year = a.last().year;
        let b = self.project(&baseline.with(Param::EndYear, f64::from(year)));
        let (pa, pb) = (a.last(), b.last());
        let (wa, wb) = (pa.cohort_people(), pb.cohort_people());
        let rows = Output::ALL
            .into_iter()
            .map(|output| {
                let (x, y) = match output {
                    Output::Cohort(r) => (f64::from(wa[r.index()]), f64::from(wb[r.index()])),
                    _ => (output.of(pa), output.of(pb)),
                };
                Difference {
                    output,
                    scenario: x,
                    baseline: y,
                    difference: x - y,
                }
            })
            .collect();
        Comparison { year, rows }
    }

    /// The tornado: every slider but the horizon, set to the low and the high end of its
    /// range in turn (a share of a group rescales its partners, as on the page), sorted
    /// by [`TornadoBar::swing_pp`], largest first.
    pub fn tornado(&self, scenario: &Scenario) -> Vec<TornadoBar> {
        let s = scenario.clamped_with(self.defaults());
        let shares = |v: f64, p: Param| {
            let last = *self.project(&s.with(p, v)).last();
            [last.work_share[US], last.work_share[CHINA]]
        };
        let mut bars: Vec<TornadoBar> = Param::sliders()
            .filter(|&p| p != Param::EndYear)
            .map(|param| {
                let (low, high) = param.range();
                TornadoBar {
                    param,
                    low,
                    high,
                    at_low: shares(low, param),
                    at_high: shares(high, param),
                }
            })
            .collect();
        bars.sort_by(|a, b| b.swing_pp().total_cmp(&a.swing_pp()));
        bars
    }
}
