//! A scenario: one value per [`Param`], kept valid (in range, coupled shares adding up
//! to 1) and, for links, rounded to each parameter's step.

use super::params::{Group, Param};
use super::{Matrix, Model, RETENTION_VIEW_YEARS};
use serde::{Deserialize, Serialize};

/// Below this, a group of shares counts as empty (numerical tolerance, not data).
const TINY: f64 = 1e-12;

/// A group of shares this close to a sum of 1 is left as it is, so that repairing twice
/// changes nothing (numerical tolerance, not data).
pub(crate) const SUM_TOLERANCE: f64 = 1e-9;

/// The parameters of a what-if run, one value per [`Param`]; shares are fractions
/// (0.27, not 27). Read and write them with [`Scenario::get`] and [`Scenario::set`];
/// moving one share of a [`Group`] rescales the other two so the three add up to 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    values: [f64; Param::COUNT],
}

impl Default for Scenario {
    /// The defaults of the embedded data pack ([`Model::defaults`]), built once.
    fn default() -> Self {
        *Model::embedded().defaults()
    }
}

/// Why [`Scenario::repaired`] changed a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixReason {
    /// Not a finite number: the default is used.
    NotANumber,
    /// Outside the parameter's range: the nearest bound is used.
    OutOfRange,
    /// The shares of its group did not add up to 1: they were rescaled.
    SharesRescaled,
}

/// One value [`Scenario::repaired`] changed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fix {
    /// The parameter.
    pub param: Param,
    /// The value before.
    pub from: f64,
    /// The value after.
    pub to: f64,
    /// Why.
    pub reason: FixReason,
}

impl Scenario {
    /// A scenario from raw values in [`Param::ALL`] order (not checked: see
    /// [`Scenario::repaired`]).
    pub const fn from_values(values: [f64; Param::COUNT]) -> Scenario {
        Scenario { values }
    }

    /// Every value, in [`Param::ALL`] order.
    pub fn values(&self) -> &[f64; Param::COUNT] {
        &self.values
    }

    /// One parameter.
    pub fn get(&self, param: Param) -> f64 {
        self.values[param.index()]
    }

    /// The horizon as a year, [`MIN_END_YEAR`](super::MIN_END_YEAR) to
    /// [`MAX_END_YEAR`](super::MAX_END_YEAR).
    pub fn end_year(&self) -> u16 {
        let (min, max) = Param::EndYear.range();
        let year = self.get(Param::EndYear);
        let year = if year.is_finite() { year } else { max };
        // In range of u16 after the clamp.
        year.round().clamp(min, max) as u16
    }

    /// The three shares of a group, in member order.
    pub fn group(&self, group: Group) -> [f64; 3] {
        group.members().map(|p| self.get(p))
    }

    /// Origin mix of newcomers, in region order.
    pub fn origin(&self) -> [f64; 3] {
        self.group(Group::Origin)
    }

    /// Where newcomers of each origin start work: `[origin][work]`, rows sum to 1.
    pub fn first_jobs(&self) -> Matrix {
        super::Region::ALL.map(|o| self.group(Group::FirstJobs(o)))
    }

    /// Sets a parameter, clamped to its range (NaN or infinite: left as it is). A share
    /// of a group takes the value and the other two are rescaled in proportion (evenly
    /// when both are 0), so the group still adds up to 1.
    pub fn set(&mut self, param: Param, value: f64) {
        if !value.is_finite() {
            return;
        }
        let (min, max) = param.range();
        let value = value.clamp(min, max);
        match param.group() {
            Some((group, index)) => {
                let shares = couple(self.group(group), index, value);
                self.set_group(group, shares);
            }
            None => self.values[param.index()] = value,
        }
    }

    /// The scenario with one parameter set (see [`Scenario::set`]).
    pub fn with(mut self, param: Param, value: f64) -> Scenario {
        self.set(param, value);
        self
    }

    /// Sets the horizon, clamped.
    pub fn set_end_year(&mut self, year: u16) {
        self.set(Param::EndYear, f64::from(year));
    }

    pub(crate) fn set_raw(&mut self, param: Param, value: f64) {
        self.values[param.index()] = value;
    }

    fn set_group(&mut self, group: Group, shares: [f64; 3]) {
        for (p, v) in group.members().into_iter().zip(shares) {
            self.values[p.index()] = v;
        }
    }

    /// US retention of China-origin researchers over [`RETENTION_VIEW_YEARS`] years:
    /// the share of a group still in the US after six years (Carnegie's measure).
    pub fn us_retention_china_six_years(&self) -> f64 {
        self.get(Param::RetentionUsChina)
            .powi(i32::from(RETENTION_VIEW_YEARS))
    }

    /// Sets US retention of China-origin researchers from its six-year value:
    /// per year = six-year value^(1/6).
    pub fn set_us_retention_china_six_years(&mut self, six_years: f64) {
        if six_years.is_finite() {
            let per_year = six_years
                .clamp(0.0, 1.0)
                .powf(1.0 / f64::from(RETENTION_VIEW_YEARS));
            self.set(Param::RetentionUsChina, per_year);
        }
    }

    /// True when every value is finite and in range and every group adds up to 1.
    pub fn is_valid(&self) -> bool {
        Param::ALL.into_iter().all(|p| {
            let (min, max) = p.range();
            let v = self.get(p);
            v.is_finite() && (min..=max).contains(&v)
        }) && Group::ALL
            .into_iter()
            .all(|g| (self.group(g).iter().sum::<f64>() - 1.0).abs() <= SUM_TOLERANCE)
    }

    /// The nearest valid scenario ([`Scenario::repaired`] with every value given),
    /// falling back on the embedded defaults.
    pub fn clamped(&self) -> Scenario {
        self.clamped_with(&Scenario::default())
    }

    pub(crate) fn clamped_with(&self, defaults: &Scenario) -> Scenario {
        self.repaired(defaults, |_| true).0
    }

    /// The nearest valid scenario and what was changed to get there.
    ///
    /// A value that is not a finite number takes its default from `defaults`; one out
    /// of range takes the nearest bound. A group of shares that does not add up to 1
    /// keeps the shares that were `given` (when they leave room) and rescales the others
    /// to fill the rest, in proportion; when all three were given, or the given ones
    /// exceed 1, the given ones are scaled to add up to 1 and the others set to 0.
    /// A group with nothing left takes its defaults. Repairing a valid scenario changes
    /// nothing.
    pub fn repaired(
        &self,
        defaults: &Scenario,
        given: impl Fn(Param) -> bool,
    ) -> (Scenario, Vec<Fix>) {
        let mut s = *self;
        let mut fixes = Vec::new();
        for p in Param::ALL {
            let v = self.get(p);
            let (min, max) = p.range();
            let (to, reason) = if !v.is_finite() {
                (defaults.get(p).clamp(min, max), FixReason::NotANumber)
            } else if v < min || v > max {
                (v.clamp(min, max), FixReason::OutOfRange)
            } else {
                continue;
            };
            s.values[p.index()] = to;
            fixes.push(Fix {
                param: p,
                from: v,
                to,
                reason,
            });
        }
        for group in Group::ALL {
            let before = s.group(group);
            if (before.iter().sum::<f64>() - 1.0).abs() <= SUM_TOLERANCE {
                continue;
            }
            let pinned = group.members().map(&given);
            let after = fill(before, pinned).unwrap_or_else(|| defaults.group(group));
            s.set_group(group, after);
            for ((p, from), to) in group.members().into_iter().zip(before).zip(after) {
                if from.to_bits() != to.to_bits() {
                    fixes.push(Fix {
                        param: p,
                        from,
                        to,
                        reason: FixReason::SharesRescaled,
                    });
                }
            }
        }
        (s, fixes)
    }

    /// The scenario as a link carries it: every value that is not its default rounded to
    /// its parameter's step, a group of shares rounded as a whole so that it still adds
    /// up to exactly 1 (largest remainders). Values equal to their defaults are kept
    /// exactly, so an unchanged parameter stays the data's value. Expects a valid
    /// scenario; rounding twice changes nothing.
    pub fn rounded(&self) -> Scenario {
        self.rounded_with(&Scenario::default())
    }

    pub(crate) fn rounded_with(&self, defaults: &Scenario) -> Scenario {
        let mut s = *self;
        for p in Param::ALL.into_iter().filter(|p| p.group().is_none()) {
            if self.get(p).to_bits() != defaults.get(p).to_bits() {
                let (min, max) = p.range();
                s.values[p.index()] = round_to(self.get(p), p.decimals()).clamp(min, max);
            }
        }
        for group in Group::ALL {
            let shares = self.group(group);
            if shares != defaults.group(group) {
                let decimals = group.members()[0].decimals();
                s.set_group(group, round_group(shares, decimals));
            }
        }
        s
    }
}

/// Sets `group[index]` to `value` and rescales the other two so the group sums to 1.
fn couple(group: [f64; 3], index: usize, value: f64) -> [f64; 3] {
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
    for (j, slot) in out.iter_mut().enumerate() {
        *slot = if j == index {
            value
        } else if others > TINY {
            clean[j] * remainder / others
        } else {
            remainder / 2.0
        };
    }
    out
}

/// Repairs a group of shares in [0, 1] that does not add up to 1 (see
/// [`Scenario::repaired`]); `None` when nothing is left to scale.
fn fill(shares: [f64; 3], pinned: [bool; 3]) -> Option<[f64; 3]> {
    let sum_where = |want: bool| -> f64 {
        (0..3)
            .filter(|&i| pinned[i] == want)
            .map(|i| shares[i])
            .sum()
    };
    let (fixed, free) = (sum_where(true), sum_where(false));
    let any_free = pinned.contains(&false);
    if any_free && fixed <= 1.0 + SUM_TOLERANCE {
        let room = (1.0 - fixed).max(0.0);
        let free_count = pinned.iter().filter(|p| !**p).count() as f64;
        return Some([0, 1, 2].map(|i| match (pinned[i], free > TINY) {
            (true, _) => shares[i],
            (false, true) => shares[i] * room / free,
            (false, false) => room / free_count,
        }));
    }
    (fixed > TINY).then(|| [0, 1, 2].map(|i| if pinned[i] { shares[i] / fixed } else { 0.0 }))
}

/// `value * 10^decimals`, snapped to the nearest integer when it is within rounding noise
/// of one (so a value already on the grid never moves).
fn units(value: f64, decimals: u8) -> f64 {
    let scaled = value * 10f64.powi(i32::from(decimals));
    let nearest = scaled.round();
    if (scaled - nearest).abs() < 1e-6 {
        nearest
    } else {
        scaled
    }
}

/// A value rounded to `decimals` decimals: the double nearest to the decimal number.
pub(crate) fn round_to(value: f64, decimals: u8) -> f64 {
    units(value, decimals).round() / 10f64.powi(i32::from(decimals))
}

/// Three shares adding up to 1 rounded to `decimals` so they still add up to exactly 1:
/// each is rounded down, and the units left over go to the largest remainders (the
/// first of equal ones).
fn round_group(shares: [f64; 3], decimals: u8) -> [f64; 3] {
    let scale = 10f64.powi(i32::from(decimals));
    let raw = shares.map(|v| units(v, decimals));
    let mut whole = raw.map(f64::floor);
    let left = (scale - whole.iter().sum::<f64>()).round().max(0.0) as usize;
    let mut order = [0, 1, 2];
    // Largest remainder first; a stable sort keeps the first of equal ones first.
    order.sort_by(|&a, &b| (raw[b] - whole[b]).total_cmp(&(raw[a] - whole[a])));
    for &i in order.iter().take(left) {
        whole[i] += 1.0;
    }
    whole.map(|u| u / scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_group_keeps_the_sum_and_is_idempotent() {
        // 0.3404 + 0.5093 + 0.1503 = 1: to 2 decimals 34 + 50 + 15 = 99 units after
        // rounding down, and the one left over goes to the largest remainder, 0.93 of
        // 0.5093: 0.34, 0.51, 0.15.
        let r = round_group([0.3404, 0.5093, 0.1503], 2);
        assert_eq!(r, [0.34, 0.51, 0.15]);
        assert_eq!(round_group(r, 2), r);
        // Thirds: 33 + 33 + 33 = 99, the unit goes to the first: 0.34, 0.33, 0.33.
        let third = 1.0 / 3.0;
        assert_eq!(round_group([third; 3], 2), [0.34, 0.33, 0.33]);
    }

    #[test]
    fn round_to_is_idempotent_on_noisy_values() {
        // The old links' noise: 0.07 written as 0.06999999999999995.
        assert_eq!(round_to(0.069_999_999_999_999_95, 2), 0.07);
        assert_eq!(round_to(0.07, 2), 0.07);
        assert_eq!(round_to(0.977_057, 3), 0.977);
        assert_eq!(round_to(2030.4, 0), 2030.0);
    }

    #[test]
    fn fill_keeps_what_was_given() {
        // cu = 0.9 given, the others 0.5093 and 0.1503 not: they share the 0.1 left in
        // proportion, 0.1 × 0.5093 / 0.6596 = 0.07721 and 0.1 × 0.1503 / 0.6596 = 0.02279.
        let f = fill([0.9, 0.5093, 0.1503], [true, false, false]).unwrap();
        assert_eq!(f[0], 0.9);
        assert!((f[1] - 0.077_213).abs() < 1e-6);
        assert!((f.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // All three given, 0.9 × 3 = 2.7: each becomes 1/3.
        let g = fill([0.9, 0.9, 0.9], [true; 3]).unwrap();
        assert!(g.iter().all(|v| (v - 1.0 / 3.0).abs() < 1e-12));
        // Nothing left to scale.
        assert_eq!(fill([0.0; 3], [true; 3]), None);
    }
}
