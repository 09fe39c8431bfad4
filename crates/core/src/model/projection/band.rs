//! The uncertainty band (equation (11) of the module docs): every input that comes from
//! a sample is drawn [`DRAWS`] times from its 95% Wilson interval, the calibration is
//! run again on each draw, and the band of a year is the 5th to 95th percentile of the
//! scenario over the draws.
//!
//! The draws and their calibrations depend only on the data, not on the sliders, so
//! they are computed once per [`Model`] and kept: each draw is stored as its own 2019
//! table and the amount each default moves in it. A scenario is then run once per draw
//! with every parameter moved by that amount, which is how the sampling error of the
//! data carries over to whatever the reader set. Re-calibrating per draw (rather than
//! keeping one calibration) matters: the turnover rate is weakly pinned down by two
//! snapshots, and a fixed calibration would hide that.

use super::calibration::{defaults_of, search};
use super::inputs::DRAW_DIMENSIONS;
use super::params::Param;
use super::run::{walk, Baseline, Model, Output, Projection, Rates, YearPoint};
use super::scenario::Scenario;
use super::{Matrix, CHINA, START_INDEX, US};
use crate::model::random::SplitMix64;

/// Draws of the inputs.
pub const DRAWS: usize = 400;

/// Seed of the draws: a fixed number, so the same scenario always gives the same band.
const SEED: u64 = 0x2019_2022_0087_0100;

/// The band's percentiles: 5th and 95th, a 90% band.
pub const BAND_PERCENTILES: (f64, f64) = (0.05, 0.95);

/// One draw of the inputs, re-calibrated.
#[derive(Clone, Debug, PartialEq)]
struct Draw {
    /// The 2019 table of the draw.
    baseline: Matrix,
    /// The draw's defaults minus the central defaults, per parameter.
    shift: [f64; Param::COUNT],
    /// The draw's calibrated values.
    calibrated: [f64; 4],
    /// The draw's calibration residual, squared percentage points.
    residual_pp2: f64,
}

/// The draws of one model, computed once.
#[derive(Clone, Debug, PartialEq)]
pub struct Draws {
    draws: Vec<Draw>,
}

impl Draws {
    fn compute(model: &Model) -> Draws {
        let mut rng = SplitMix64::new(SEED);
        let central = model.calibration().values.to_array();
        let defaults = model.defaults().values();
        let draws = (0..DRAWS)
            .map(|_| {
                let z: [f64; DRAW_DIMENSIONS] = std::array::from_fn(|_| rng.normal());
                let inputs = model.inputs().perturbed(&z);
                // Starting from the central values: the draws are near them.
                let found = search(&inputs, central);
                let values = *defaults_of(&inputs, found.point).values();
                // The 2019 top tier is 100 by definition in every draw: the size of
                // the tier is a census (NeurIPS papers), not a sample.
                let table = Baseline::of(&inputs).stock;
                let total: f64 = table.iter().flatten().sum();
                Draw {
                    baseline: table.map(|row| row.map(|v| v * START_INDEX / total)),
                    shift: std::array::from_fn(|i| values[i] - defaults[i]),
                    calibrated: found.point,
                    residual_pp2: found.value,
                }
            })
            .collect();
        Draws { draws }
    }

    /// The calibrated values over the draws: `(low, high)` percentiles of each of
    /// [`Calibrated::PARAMS`](super::calibration::Calibrated::PARAMS).
    pub fn calibrated_ranges(&self) -> [Interval; 4] {
        std::array::from_fn(|i| {
            let v: Vec<f64> = self.draws.iter().map(|d| d.calibrated[i]).collect();
            interval(&v, &mut Vec::new())
        })
    }

    /// The largest calibration residual of a draw, as a root mean square error over the
    /// targets in percentage points.
    pub fn worst_fit_pp(&self) -> f64 {
        let targets = super::calibration::Measure::TARGETS.len() as f64;
        self.draws
            .iter()
            .map(|d| (d.residual_pp2 / targets).sqrt())
            .fold(0.0, f64::max)
    }
}

/// A low and a high value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

/// The band of one year: an [`Interval`] per [`Output`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandPoint {
    /// Calendar year.
    pub year: u16,
    /// In [`Output::ALL`] order.
    pub ranges: [Interval; Output::COUNT],
}

impl BandPoint {
    /// The interval of one output.
    pub fn get(&self, output: Output) -> Interval {
        self.ranges[output.index()]
    }
}

/// A horizon figure a sentence can quote: low, central and high.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HorizonFigure {
    /// What it is.
    pub output: Output,
    /// The band's lower end.
    pub low: f64,
    /// The scenario's own value.
    pub central: f64,
    /// The band's upper end.
    pub high: f64,
}

/// A projection with its band.
#[derive(Clone, Debug, PartialEq)]
pub struct Banded {
    /// The scenario's own run.
    pub projection: Projection,
    /// One band point per year, start year first.
    pub band: Vec<BandPoint>,
    /// Every output at the horizon; Carnegie's cohort in whole people.
    pub horizon: [HorizonFigure; Output::COUNT],
    /// Share of the draws in which China's share of the top tier passes the US's by the
    /// horizon.
    pub crossover_share: f64,
}

/// `(low, high)` percentiles of the values (linear interpolation between order
/// statistics, as R's type 7). `keys` is scratch space, reused between calls.
fn interval(values: &[f64], keys: &mut Vec<u64>) -> Interval {
    let (low, high) = BAND_PERCENTILES;
    keys.clear();
    keys.extend(values.iter().map(|&v| order_key(v)));
    let last = keys.len().saturating_sub(1) as f64;
    let (low, below) = order_statistic(keys, last * low);
    // The high percentile's order statistics lie above the low one's, so the second
    // selection only searches what the first left from there on.
    let (high, _) = order_statistic(&mut keys[below..], last * high - below as f64);
    Interval { low, high }
}

/// A double as an integer with the same order (its bits, the sign bit flipped for
/// positive numbers and all bits for negative ones), so that selecting among integers
/// orders the doubles; [`from_order_key`] undoes it.
fn order_key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// The value at fractional rank `h` (0 = smallest), interpolated between the two order
/// statistics around it, and the rank below it; reorders the keys so that everything
/// from that rank on is not smaller. NaN for no keys.
fn order_statistic(keys: &mut [u64], h: f64) -> (f64, usize) {
    if keys.is_empty() {
        return (f64::NAN, 0);
    }
    let h = h.clamp(0.0, (keys.len() - 1) as f64);
    // In 0..len: h is at most len - 1.
    let below = h.floor() as usize;
    let (_, &mut at, above) = keys.select_nth_unstable(below);
    // The next order statistic is the smallest of those above.
    let next = above.iter().copied().min().unwrap_or(at);
    let (at, next) = (from_order_key(at), from_order_key(next));
    (at + (h - below as f64) * (next - at), below)
}

impl Model {
    /// The draws of the band, computed on first use.
    pub fn draws(&self) -> &Draws {
        self.draws.get_or_init(|| Draws::compute(self))
    }

    /// The scenario with its band and horizon figures. The last result is kept, since a
    /// page asks for the same scenario's band for its chart and for its sentence.
    pub fn banded(&self, scenario: &Scenario) -> Banded {
        let s = scenario.clamped_with(self.defaults());
        if let Ok(last) = self.last_band.lock() {
            if let Some((key, banded)) = last.as_ref() {
                if *key == s {
                    return banded.clone();
                }
            }
        }
        let banded = self.banded_uncached(&s);
        if let Ok(mut last) = self.last_band.lock() {
            *last = Some((s, banded.clone()));
        }
        banded
    }

    fn banded_uncached(&self, scenario: &Scenario) -> Banded {
        let s = *scenario;
        let projection = self.project(&s);
        let years = projection.points.len();
        let draws = &self.draws().draws;
        let n = draws.len();
        let cohort = self.inputs().carnegie.retention.cohort;
        // values[(year × outputs + output) × draws + draw]
        let mut values = vec![0.0; years * Output::COUNT * n];
        let mut crossed = 0usize;
        for (d, draw) in draws.iter().enumerate() {
            let moved = std::array::from_fn(|i| s.values()[i] + draw.shift[i]);
            let rates = Rates::of(&Scenario::from_values(moved).clamped_with(self.defaults()));
            let mut passed = false;
            walk(
                &draw.baseline,
                cohort,
                &rates,
                (years - 1) as u16,
                |offset, stock, newcomers, group| {
                    let point = YearPoint::new(offset, *stock, newcomers, group);
                    passed |= point.work_share[CHINA] > point.work_share[US];
                    let row = usize::from(offset) * Output::COUNT;
                    for (k, output) in Output::ALL.into_iter().enumerate() {
                        values[(row + k) * n + d] = output.of(&point);
                    }
                },
            );
            crossed += usize::from(passed);
        }
        let mut keys = Vec::with_capacity(n);
        let band: Vec<BandPoint> = values
            .chunks(Output::COUNT * n)
            .zip(&projection.points)
            .map(|(year, point)| {
                let mut columns = year.chunks(n);
                BandPoint {
                    year: point.year,
                    ranges: Output::ALL.map(|output| {
                        let column = columns.next().unwrap_or(&[]);
                        match output {
                            // The size is the same in every draw (a census, and every
                            // draw starts at 100): no band, no sorting.
                            Output::Size => Interval {
                                low: point.size,
                                high: point.size,
                            },
                            _ => interval(column, &mut keys),
                        }
                    }),
                }
            })
            .collect();
        let last = projection.last();
        let people = last.cohort_people();
        let end = band
            .last()
            .map_or([NO_INTERVAL; Output::COUNT], |b| b.ranges);
        let horizon = std::array::from_fn(|k| {
            let output = Output::ALL[k];
            let range = end[k];
            match output {
                Output::Cohort(r) => HorizonFigure {
                    output,
                    low: range.low.round(),
                    central: f64::from(people[r.index()]),
                    high: range.high.round(),
                },
                _ => HorizonFigure {
                    output,
                    low: range.low,
                    central: output.of(last),
                    high: range.high,
                },
            }
        });
        Banded {
            projection,
            band,
            horizon,
            crossover_share: crossed as f64 / n.max(1) as f64,
        }
    }
}

const NO_INTERVAL: Interval = Interval {
    low: f64::NAN,
    high: f64::NAN,
};

/// [`Model::banded`] with the embedded model.
pub fn banded(scenario: &Scenario) -> Banded {
    Model::embedded().banded(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        // 0, 1, ..., 100: the 5th percentile of 101 values is at h = 100 × 0.05 = 5,
        // exactly the value 5; the 95th at 95.
        let v: Vec<f64> = (0..=100).rev().map(f64::from).collect();
        assert_eq!(
            interval(&v, &mut Vec::new()),
            Interval {
                low: 5.0,
                high: 95.0
            }
        );
        // 1, 2, 3, 4: h = 3 × 0.05 = 0.15, so 1 + 0.15 × (2 - 1) = 1.15; and
        // h = 3 × 0.95 = 2.85, so 3 + 0.85 × (4 - 3) = 3.85.
        let i = interval(&[4.0, 2.0, 1.0, 3.0], &mut Vec::new());
        assert!((i.low - 1.15).abs() < 1e-12 && (i.high - 3.85).abs() < 1e-12);
        // The integer keys keep the order of doubles of both signs, and come back.
        let xs = [-3.5, -0.0, 0.0, 1e-300, 2.0, f64::MAX];
        for pair in xs.windows(2) {
            assert!(order_key(pair[0]) <= order_key(pair[1]));
        }
        for x in xs {
            assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
        }
    }
}
