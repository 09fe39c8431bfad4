//! Tests of the what-if projection (`talent_core::model::projection`).

use talent_core::model::projection::{
    backtest, carnegie_check, observed_points, project, project_from, Baseline, Preset, Region,
    Scenario, EQUATIONS_EN, EQUATIONS_ZH, GROWTH_MAX, GROWTH_MIN, MAX_END_YEAR, MIN_END_YEAR,
    RETENTION_MAX, RETENTION_MIN, RETENTION_VIEW_YEARS,
};
use talent_core::{Dataset, Lang};

const US: usize = 0;
const CHINA: usize = 1;
const REST: usize = 2;

fn data() -> &'static Dataset {
    Dataset::embedded()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, tol: f64) {
    assert!(
        close(actual, expected, tol),
        "expected {expected} +/- {tol}, got {actual}"
    );
}

/// Small deterministic xorshift64 generator for property tests.
struct XorShift(u64);

impl XorShift {
    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn shares(&mut self) -> [f64; 3] {
        let raw = [self.unit(), self.unit(), self.unit()];
        let sum: f64 = raw.iter().sum();
        raw.map(|v| v / sum)
    }
}

fn random_scenario(rng: &mut XorShift) -> Scenario {
    let origin = rng.shares();
    let us = rng.shares();
    let china = rng.shares();
    let rest = rng.shares();
    Scenario {
        end_year: MIN_END_YEAR
            + (rng.next_u64() % u64::from(MAX_END_YEAR - MIN_END_YEAR + 1)) as u16,
        cohort_growth: rng.range(GROWTH_MIN, GROWTH_MAX),
        first_cohort: rng.range(0.0, 1.0),
        origin_us: origin[0],
        origin_china: origin[1],
        origin_rest: origin[2],
        us_stay: us[0],
        us_to_china: us[1],
        us_to_rest: us[2],
        china_to_us: china[0],
        china_stay: china[1],
        china_to_rest: china[2],
        rest_to_us: rest[0],
        rest_to_china: rest[1],
        rest_stay: rest[2],
        us_retention_china: rng.range(RETENTION_MIN, RETENTION_MAX),
        other_retention: rng.range(RETENTION_MIN, RETENTION_MAX),
        return_home_share: rng.unit(),
    }
}

// ---------------------------------------------------------------- baseline

#[test]
fn baseline_matrix_has_the_macropolo_2019_margins() {
    let b = Baseline::from_dataset(data());
    assert_eq!(b.year, 2019);
    assert_close(b.total(), 100.0, 1e-9);
    // Rows: origin shares 29% China, 20% US, 51% rest (100 - 29 - 20).
    let row = |o: usize| b.stock[o].iter().sum::<f64>();
    assert_close(row(CHINA), 29.0, 1e-9);
    assert_close(row(US), 20.0, 1e-9);
    assert_close(row(REST), 51.0, 1e-9);
    // Columns: work shares 59% US, 11% China, 30% rest.
    let col = |w: usize| b.stock.iter().map(|r| r[w]).sum::<f64>();
    assert_close(col(US), 59.0, 1e-9);
    assert_close(col(CHINA), 11.0, 1e-9);
    assert_close(col(REST), 30.0, 1e-9);
    // Origin mix of US-based researchers: 27% China, 31% US.
    assert_close(b.stock[CHINA][US] / col(US), 0.27, 1e-12);
    assert_close(b.stock[US][US] / col(US), 0.31, 1e-12);
    assert!(b.stock.iter().flatten().all(|&v| v >= 0.0));
}

#[test]
fn baseline_cells_worked_out_by_hand() {
    let s = Baseline::from_dataset(data()).stock;
    // China in US = 0.27 * 59 = 15.93; US in US = 0.31 * 59 = 18.29;
    // rest in US = 59 - 15.93 - 18.29 = 24.78.
    assert_close(s[CHINA][US], 15.93, 1e-9);
    assert_close(s[US][US], 18.29, 1e-9);
    assert_close(s[REST][US], 24.78, 1e-9);
    // China in China = 0.37 * 29 = 10.73 (below the 11 at work in China);
    // the other 0.27 in China are rest-of-world origin, none US origin.
    assert_close(s[CHINA][CHINA], 10.73, 1e-9);
    assert_close(s[US][CHINA], 0.0, 1e-12);
    assert_close(s[REST][CHINA], 0.27, 1e-9);
    // Remainders in the rest of the world: 29 - 15.93 - 10.73 = 2.34;
    // 20 - 18.29 = 1.71; 51 - 24.78 - 0.27 = 25.95.
    assert_close(s[CHINA][REST], 2.34, 1e-9);
    assert_close(s[US][REST], 1.71, 1e-9);
    assert_close(s[REST][REST], 25.95, 1e-9);
    // China-origin in the US are 15.93 / 29 = 55% of China origin, close to the
    // separately stated 56% who study or work at US institutions.
    assert_close(s[CHINA][US] / 29.0, 0.56, 0.02);
}

// ---------------------------------------------------------------- defaults

#[test]
fn defaults_worked_out_by_hand() {
    let s = Scenario::default();
    assert_eq!(s, Scenario::from_dataset(data()));
    assert_eq!(s.end_year, 2040);
    // Retention: 0.87^(1/6): ln 0.87 = -0.139262, / 6 = -0.023210, exp = 0.977057.
    assert_close(s.us_retention_china, 0.977057, 1e-6);
    assert_close(s.other_retention, 0.977057, 1e-6);
    assert_close(s.us_retention_china_six_years(), 0.87, 1e-12);
    // Return split 10 : 3 -> 10 / 13 = 0.769231.
    assert_close(s.return_home_share, 0.769231, 1e-6);
    // Cohort growth: (2671 / 1428)^(1/3) - 1; 2671 / 1428 = 1.870448,
    // ln = 0.626178, / 3 = 0.208726, exp = 1.232107.
    assert_close(s.cohort_growth, 0.232107, 1e-6);
    assert_close(s.first_cohort, s.cohort_growth, 1e-15);
    // Origin shares 2022: 47% China, 18% US, 35% rest.
    assert_close(s.origin_china, 0.47, 1e-12);
    assert_close(s.origin_us, 0.18, 1e-12);
    assert_close(s.origin_rest, 0.35, 1e-12);
    // China-origin first jobs 2022: 36% US, 51% China, 13% elsewhere.
    assert_close(s.china_to_us, 0.36, 1e-12);
    assert_close(s.china_stay, 0.51, 1e-12);
    assert_close(s.china_to_rest, 0.13, 1e-12);
    // US origin, 2022 matrix: in US 0.37 * 0.42 = 0.1554 of 0.18 -> 0.863333.
    assert_close(s.us_stay, 0.863333, 1e-6);
    assert_close(s.us_to_china, 0.0, 1e-12);
    assert_close(s.us_to_rest, 0.136667, 1e-6);
    // Rest origin, 2022 matrix: in US 0.42 - 0.1596 - 0.1554 = 0.105 of 0.35 -> 0.30;
    // in China 0.28 - 0.51 * 0.47 = 0.0403 of 0.35 -> 0.115143.
    assert_close(s.rest_to_us, 0.30, 1e-9);
    assert_close(s.rest_to_china, 0.115143, 1e-6);
    assert_close(s.rest_stay, 0.584857, 1e-6);
}

#[test]
fn every_source_id_is_a_number_in_the_pack() {
    let d = data();
    let mut ids: Vec<&str> = Scenario::sources().into_iter().map(|(_, id)| id).collect();
    ids.extend(Baseline::sources());
    for preset in Preset::ALL {
        ids.extend(preset.sources());
    }
    for id in ids {
        assert!(
            d.number(id).is_some(),
            "fact `{id}` missing or not a number"
        );
    }
    let fields: Vec<&str> = Scenario::sources().into_iter().map(|(f, _)| f).collect();
    for field in [
        "cohort_growth",
        "first_cohort",
        "origin_china",
        "china_to_us",
        "china_stay",
        "us_retention_china",
        "return_home_share",
    ] {
        assert!(fields.contains(&field), "{field} has no source");
    }
}

#[test]
fn six_year_view_matches_the_carnegie_window() {
    let d = data();
    let start = d.fact("cg25_cohort_size").unwrap().year;
    let end = d.fact("cg25_still_us").unwrap().year;
    assert_eq!(end - start, RETENTION_VIEW_YEARS);
    let mut s = Scenario::default();
    s.set_us_retention_china_six_years(0.5);
    assert_close(s.us_retention_china, 0.5f64.powf(1.0 / 6.0), 1e-12);
    assert_close(s.us_retention_china_six_years(), 0.5, 1e-12);
    s.set_us_retention_china_six_years(0.87);
    assert_close(
        s.us_retention_china,
        Scenario::default().us_retention_china,
        1e-12,
    );
}

// ---------------------------------------------------------------- Carnegie

#[test]
fn default_parameters_reproduce_carnegie_87_of_100() {
    let c = carnegie_check(data(), &Scenario::default());
    assert_eq!(c.years, 6);
    assert_close(c.cohort, 100.0, 0.0);
    assert_close(c.in_us, 87.0, 0.5);
    assert_eq!(c.in_china.round(), 10.0);
    assert_eq!(c.elsewhere.round(), 3.0);
    assert_close(c.in_us + c.in_china + c.elsewhere, 100.0, 1e-9);
    assert_eq!(
        (c.observed_in_us, c.observed_in_china, c.observed_elsewhere),
        (87.0, 10.0, 3.0)
    );
}

#[test]
fn carnegie_cohort_by_hand_through_project_from() {
    let d = data();
    let baseline = Baseline::try_carnegie_cohort(d).unwrap();
    let s = Scenario {
        first_cohort: 0.0,
        end_year: 2025,
        ..Scenario::default()
    };
    let p = project_from(&baseline, &s);
    assert_eq!(p.points.len(), 7);
    let last = p.last();
    // 100 * r^6 = 87 directly, plus a little back from the 3 who moved elsewhere
    // (their own leavers split 10:3 between China and the US): 87.04.
    assert_close(last.stock[CHINA][US], 87.04, 0.01);
    // Returnees count everyone who came home: 10.13, all still in China.
    assert_close(last.returnees_to_china, 10.13, 0.01);
    assert_close(last.stock[CHINA][CHINA], last.returnees_to_china, 1e-9);
    assert_eq!(last.china_origin_share_of_us, 1.0);
}

// ---------------------------------------------------------------- projection

#[test]
fn projection_starts_at_the_observed_2019_point() {
    let p = project(&Scenario::default());
    assert_eq!(p.points.len(), 2040 - 2019 + 1);
    let first = &p.points[0];
    assert_eq!(first.year, 2019);
    assert_close(first.share(Region::Us), 0.59, 1e-12);
    assert_close(first.share(Region::China), 0.11, 1e-12);
    assert_close(first.share(Region::Rest), 0.30, 1e-12);
    assert_close(first.china_origin_share_of_us, 0.27, 1e-12);
    assert_eq!(first.returnees_to_china, 0.0);
    assert_eq!(first.us_net_inflow, 0.0);
    assert_eq!(p.last().year, 2040);
    assert!(p.at(2030).is_some() && p.at(2041).is_none());
}

#[test]
fn first_year_worked_out_by_hand() {
    let p = project(&Scenario::default());
    let y = p.at(2020).unwrap();
    // r = 0.977057, 1 - r = 0.022943, h = 10/13, N = 23.2107 (g * 100).
    // China column 2020 = 11
    //   - 0.022943 * 0.27 (rest origin leaving China)               = -0.006195
    //   + h * 0.022943 * (15.93 + 2.34) (China origin coming home)  = +0.322438
    //   + (1 - h) * 0.022943 * 24.78 (rest origin, US -> China)     = +0.131196
    //   + (1 - h) * 0.022943 * 1.71 (US origin, rest -> China)      = +0.009054
    //   + 23.2107 * (0.47 * 0.51 + 0.35 * 0.115143) = 23.2107 * 0.28 = +6.498996
    //   = 17.955489, over a pool of 123.2107: 0.145730.
    assert_close(y.total, 123.2107, 1e-4);
    assert_close(y.working[CHINA], 17.9555, 1e-3);
    assert_close(y.share(Region::China), 0.145730, 1e-5);
    assert_close(y.returnees_to_china, 0.322438, 1e-5);
}

#[test]
fn the_pool_grows_like_neurips_with_default_cohorts() {
    let s = Scenario::default();
    let p = project(&s);
    for point in &p.points {
        let expected = 100.0 * (1.0 + s.cohort_growth).powi(i32::from(point.year - 2019));
        assert_close(point.total, expected, 1e-9 * expected);
    }
    // The pool of 2022 is to 2019 as NeurIPS accepted papers: 2671 / 1428.
    assert_close(p.at(2022).unwrap().total / 100.0, 2671.0 / 1428.0, 1e-9);
}

#[test]
fn returnees_accumulate_and_net_inflow_is_arrivals_minus_departures() {
    let p = project(&Scenario::default());
    for pair in p.points.windows(2) {
        assert!(pair[1].returnees_to_china >= pair[0].returnees_to_china);
        let (a, b) = (&pair[0], &pair[1]);
        // Change of the US pool = net inflow + all new US-origin entrants: those who
        // start at home add to the pool, and those who start abroad are counted as
        // departures without ever being in it.
        let s = Scenario::default();
        let cohort =
            100.0 * s.first_cohort * (1.0 + s.cohort_growth).powi(i32::from(a.year - 2019));
        assert_close(
            b.working[US] - a.working[US],
            b.us_net_inflow + cohort * s.origin_us,
            1e-9 * b.total,
        );
    }
}

#[test]
fn default_crossover_and_a_scenario_where_china_passes_the_us() {
    let default = project(&Scenario::default());
    assert_eq!(default.crossover_year, None, "2022 pattern: US stays ahead");
    let mut s = Scenario::default();
    s.set_share_china_stay(0.9);
    s.set_share_origin_china(0.6);
    let p = project(&s);
    let year = p.crossover_year.expect("China passes the US");
    assert!(year > 2019 && year <= 2040);
    let at = p.at(year).unwrap();
    let before = p.at(year - 1).unwrap();
    assert!(at.working[CHINA] > at.working[US]);
    assert!(before.working[CHINA] <= before.working[US]);
}

// ---------------------------------------------------------------- back-test

#[test]
fn backtest_with_defaults() {
    let b = backtest(data(), &Scenario::default());
    assert_eq!((b.start_year, b.year), (2019, 2022));
    assert_eq!(b.observed[US], 0.42);
    assert_eq!(b.observed[CHINA], 0.28);
    // The stock keeps the 2019 researchers, so the model lags the 2022 snapshot:
    // US 49.9% vs 42% (+7.9 pp), China 19.8% vs 28% (-8.2 pp).
    assert_close(b.error_pp[US], 7.93, 0.01);
    assert_close(b.error_pp[CHINA], -8.22, 0.01);
    assert_close(b.mean_abs_error_pp, (7.93 + 8.22) / 2.0, 0.01);
    assert_close(b.error_pp.iter().sum::<f64>(), 0.0, 1e-9);
    assert_close(b.observed_china_origin_share_of_us, 0.38, 1e-12);
    assert!(b.model_china_origin_share_of_us > 0.27 && b.model_china_origin_share_of_us < 0.38);
}

#[test]
fn backtest_2019_pattern_misses_by_more() {
    let d = data();
    let old = backtest(d, &Preset::Pattern2019.apply(d));
    let new = backtest(d, &Preset::Pattern2022.apply(d));
    // With 2019 cohorts China barely moves: 11.9% vs 28% observed.
    assert_close(old.error_pp[CHINA], -16.11, 0.01);
    assert_close(old.error_pp[US], 15.39, 0.01);
    assert!(old.mean_abs_error_pp > new.mean_abs_error_pp);
    // The horizon of the scenario does not matter.
    let short = Scenario {
        end_year: 2020,
        ..Scenario::default()
    };
    assert_eq!(backtest(d, &short), backtest(d, &Scenario::default()));
}

#[test]
fn observed_points_are_macropolo_2019_and_2022() {
    let [a, b] = observed_points(data());
    assert_eq!((a.year, b.year), (2019, 2022));
    assert_close(a.work_share[US], 0.59, 1e-12);
    assert_close(a.work_share[CHINA], 0.11, 1e-12);
    assert_close(a.work_share[REST], 0.30, 1e-12);
    assert_close(b.work_share[US], 0.42, 1e-12);
    assert_close(b.work_share[CHINA], 0.28, 1e-12);
    assert_close(a.china_origin_share_of_us, 0.27, 1e-12);
    assert_close(b.china_origin_share_of_us, 0.38, 1e-12);
}

// ---------------------------------------------------------------- clamping and setters

#[test]
fn clamped_replaces_nan_and_infinity_by_defaults() {
    let d = Scenario::default();
    let mut s = d;
    s.cohort_growth = f64::NAN;
    s.first_cohort = f64::INFINITY;
    s.us_retention_china = f64::NEG_INFINITY;
    s.other_retention = f64::NAN;
    s.return_home_share = f64::NAN;
    s.china_to_us = f64::NAN;
    let c = s.clamped();
    assert_eq!(c.cohort_growth, d.cohort_growth);
    assert_eq!(c.first_cohort, d.first_cohort);
    assert_eq!(c.us_retention_china, d.us_retention_china);
    assert_eq!(c.other_retention, d.other_retention);
    assert_eq!(c.return_home_share, d.return_home_share);
    assert_close(c.china_to_us, d.china_to_us, 1e-12);
    assert_close(c.china_stay, d.china_stay, 1e-12);
}

#[test]
fn clamped_bounds_every_field_and_renormalises_groups() {
    let s = Scenario {
        end_year: 3000,
        cohort_growth: 9.0,
        first_cohort: -1.0,
        us_retention_china: 0.1,
        other_retention: 2.0,
        return_home_share: -0.5,
        origin_us: 2.0,
        origin_china: 2.0,
        origin_rest: 4.0, // clamped to 1, then 1 : 1 : 1
        china_to_us: 0.0,
        china_stay: 0.0,
        china_to_rest: 0.0, // all zero: default row
        us_stay: -3.0,
        us_to_china: 0.2,
        us_to_rest: 0.2,
        ..Scenario::default()
    };
    let c = s.clamped();
    assert_eq!(c.end_year, MAX_END_YEAR);
    assert_eq!(c.cohort_growth, GROWTH_MAX);
    assert_eq!(c.first_cohort, 0.0);
    assert_eq!(c.us_retention_china, RETENTION_MIN);
    assert_eq!(c.other_retention, RETENTION_MAX);
    assert_eq!(c.return_home_share, 0.0);
    for v in c.origin() {
        assert_close(v, 1.0 / 3.0, 1e-12);
    }
    let d = Scenario::default();
    assert_eq!(
        (c.china_to_us, c.china_stay, c.china_to_rest),
        (d.china_to_us, d.china_stay, d.china_to_rest)
    );
    assert_eq!((c.us_stay, c.us_to_china, c.us_to_rest), (0.0, 0.5, 0.5));
    let early = Scenario {
        end_year: 1990,
        ..Scenario::default()
    };
    assert_eq!(early.clamped().end_year, MIN_END_YEAR);
    assert_eq!(Scenario::default().clamped(), Scenario::default());
}

#[test]
fn garbage_scenarios_project_without_panicking() {
    let s = Scenario {
        end_year: 0,
        cohort_growth: f64::NAN,
        origin_us: f64::NAN,
        origin_china: f64::NAN,
        origin_rest: f64::NAN,
        rest_to_us: f64::INFINITY,
        ..Scenario::default()
    };
    let p = project(&s);
    assert_eq!(p.last().year, MIN_END_YEAR);
    for point in &p.points {
        assert!(point.work_share.iter().all(|v| v.is_finite()));
        assert_close(point.work_share.iter().sum(), 1.0, 1e-9);
    }
}

#[test]
fn moving_one_china_share_rescales_the_others() {
    let mut s = Scenario::default(); // 0.36 / 0.51 / 0.13
    s.set_share_china_to_us(0.5);
    // The other two keep their 51 : 13 ratio in the remaining 0.5:
    // 0.51 * 0.5 / 0.64 = 0.3984375 and 0.13 * 0.5 / 0.64 = 0.1015625.
    assert_close(s.china_to_us, 0.5, 1e-15);
    assert_close(s.china_stay, 0.3984375, 1e-12);
    assert_close(s.china_to_rest, 0.1015625, 1e-12);
    s.set_share_china_stay(1.0);
    assert_eq!(
        (s.china_to_us, s.china_stay, s.china_to_rest),
        (0.0, 1.0, 0.0)
    );
    // Both others at 0: the remainder is split evenly.
    s.set_share_china_stay(0.4);
    assert_close(s.china_to_us, 0.3, 1e-15);
    assert_close(s.china_to_rest, 0.3, 1e-15);
    s.set_share_china_to_rest(1.7);
    assert_eq!(s.china_to_rest, 1.0);
    assert_eq!(s.china_to_us + s.china_stay, 0.0);
    // NaN goes back to the default of that share.
    s.set_share_china_to_us(f64::NAN);
    assert_close(s.china_to_us, Scenario::default().china_to_us, 1e-15);
    assert_close(s.china_to_us + s.china_stay + s.china_to_rest, 1.0, 1e-12);
}

#[test]
fn moving_one_origin_share_rescales_the_others() {
    let mut s = Scenario::default(); // 0.18 / 0.47 / 0.35
    s.set_share_origin_china(0.6);
    // 0.18 * 0.4 / 0.53 = 0.135849, 0.35 * 0.4 / 0.53 = 0.264151.
    assert_close(s.origin_us, 0.135849, 1e-6);
    assert_close(s.origin_rest, 0.264151, 1e-6);
    s.set_share_origin_us(-1.0);
    assert_eq!(s.origin_us, 0.0);
    s.set_share_origin_rest(0.25);
    assert_close(s.origin_china, 0.75, 1e-12);
    assert_close(s.origin().iter().sum(), 1.0, 1e-12);
}

#[test]
fn scalar_setters_clamp() {
    let d = Scenario::default();
    let mut s = d;
    s.set_us_retention_china(1.5);
    assert_eq!(s.us_retention_china, RETENTION_MAX);
    s.set_us_retention_china(0.0);
    assert_eq!(s.us_retention_china, RETENTION_MIN);
    s.set_us_retention_china(f64::NAN);
    assert_eq!(s.us_retention_china, d.us_retention_china);
    s.set_us_retention_china_six_years(f64::INFINITY);
    assert_eq!(s.us_retention_china, d.us_retention_china);
    s.set_cohort_growth(-3.0);
    assert_eq!(s.cohort_growth, GROWTH_MIN);
    s.set_cohort_growth(f64::NAN);
    assert_eq!(s.cohort_growth, d.cohort_growth);
    s.set_end_year(2100);
    assert_eq!(s.end_year, MAX_END_YEAR);
}

// ---------------------------------------------------------------- presets

#[test]
fn preset_2019_pattern() {
    let s = Preset::Pattern2019.apply(data());
    let d = Scenario::default();
    // Origin 29 / 20 / 51, China-undergrad paths 56% US, 37% China, 7% elsewhere.
    assert_close(s.origin_china, 0.29, 1e-12);
    assert_close(s.origin_us, 0.20, 1e-12);
    assert_close(s.origin_rest, 0.51, 1e-12);
    assert_close(s.china_to_us, 0.56, 1e-12);
    assert_close(s.china_stay, 0.37, 1e-12);
    assert_close(s.china_to_rest, 0.07, 1e-12);
    // US origin: 18.29 of 20 in the US = 0.9145; rest origin: 24.78 of 51 = 0.485882,
    // 0.27 of 51 = 0.005294 in China.
    assert_close(s.us_stay, 0.9145, 1e-9);
    assert_close(s.us_to_rest, 0.0855, 1e-9);
    assert_close(s.rest_to_us, 0.485882, 1e-6);
    assert_close(s.rest_to_china, 0.005294, 1e-6);
    // Retention and growth are untouched.
    assert_eq!(s.us_retention_china, d.us_retention_china);
    assert_eq!(s.cohort_growth, d.cohort_growth);
}

#[test]
fn preset_2022_pattern_is_the_default_pattern() {
    let d = data();
    assert_eq!(Preset::Pattern2022.apply(d), Scenario::default());
    // Applied to another scenario it restores the pattern but keeps the rest.
    let mut base = Preset::Pattern2019.apply(d);
    base.set_us_retention_china(0.9);
    let s = Preset::Pattern2022.apply_to(d, &base);
    assert_close(s.china_to_us, 0.36, 1e-12);
    assert_close(s.china_stay, 0.51, 1e-12);
    assert_close(s.origin_china, 0.47, 1e-12);
    assert_eq!(s.us_retention_china, 0.9);
}

#[test]
fn preset_carnegie_retention() {
    let d = data();
    let mut base = Scenario::default();
    base.set_us_retention_china(0.6);
    base.other_retention = 0.7;
    base.return_home_share = 0.1;
    base.set_share_china_to_us(0.2);
    let s = Preset::CarnegieRetention.apply_to(d, &base);
    assert_close(s.us_retention_china, 0.977057, 1e-6);
    assert_close(s.other_retention, 0.977057, 1e-6);
    assert_close(s.return_home_share, 10.0 / 13.0, 1e-12);
    assert_eq!(s.china_to_us, 0.2);
    assert_eq!(Preset::CarnegieRetention.apply(d), Scenario::default());
}

#[test]
fn preset_departures_up_75_percent() {
    let d = data();
    let s = Preset::ChinaInitiativeDepartures.apply(d);
    // 1 - (1 - 0.977057) * 1.75 = 1 - 0.022943 * 1.75 = 0.959850; over six years
    // 0.959850^6 = exp(6 * -0.040978) = 0.782 (vs 0.87).
    assert_close(s.us_retention_china, 0.959850, 1e-6);
    assert_close(s.us_retention_china_six_years(), 0.782, 1e-3);
    assert_eq!(s.other_retention, Scenario::default().other_retention);
    // Idempotent: applied twice it does not compound.
    assert_eq!(Preset::ChinaInitiativeDepartures.apply_to(d, &s), s);
    // More departures: a lower US share at the horizon, more returnees.
    let (a, b) = (project(&Scenario::default()), project(&s));
    assert!(b.last().share(Region::Us) < a.last().share(Region::Us));
    assert!(b.last().returnees_to_china > a.last().returnees_to_china);
}

#[test]
fn preset_us_net_inflow_zero_balances_2025() {
    let d = data();
    let base = Scenario::default();
    let s = Preset::UsNetInflowZero.apply(d);
    let net = project(&s).at(2025).unwrap().us_net_inflow;
    assert_close(net, 0.0, 1e-6);
    // With defaults the US gains researchers in 2025; zero needs a much smaller pull.
    assert!(project(&base).at(2025).unwrap().us_net_inflow > 1.0);
    assert!(s.china_to_us < base.china_to_us && s.rest_to_us < base.rest_to_us);
    // Both rows scaled by the same factor.
    assert_close(
        s.china_to_us / base.china_to_us,
        s.rest_to_us / base.rest_to_us,
        1e-9,
    );
    // Other fields unchanged, coupled rows still add up to 1.
    assert_eq!(s.us_retention_china, base.us_retention_china);
    assert_eq!(s.origin(), base.origin());
    assert_close(s.china_to_us + s.china_stay + s.china_to_rest, 1.0, 1e-12);
    assert_close(s.rest_to_us + s.rest_to_china + s.rest_stay, 1.0, 1e-12);
    // Works from a short horizon too.
    let mut short = base;
    short.end_year = 2021;
    let t = Preset::UsNetInflowZero.apply_to(d, &short);
    assert_eq!(t.end_year, 2021);
    assert_close(t.china_to_us, s.china_to_us, 1e-12);
}

#[test]
fn preset_reset_and_keys_and_labels() {
    let d = data();
    let mut messy = Preset::ChinaInitiativeDepartures.apply(d);
    messy.set_share_china_stay(0.9);
    messy.end_year = 2030;
    assert_eq!(Preset::Reset.apply_to(d, &messy), Scenario::default());
    for preset in Preset::ALL {
        assert_eq!(Preset::from_key(preset.key()), Some(preset));
        assert!(!preset.label(d, Lang::En).is_empty());
        assert!(!preset.label(d, Lang::Zh).is_empty());
        let s = preset.apply(d);
        assert_eq!(s, s.clamped(), "{preset:?} gives a valid scenario");
    }
    assert_eq!(
        Preset::ChinaInitiativeDepartures.label(d, Lang::En),
        "Departures up 75% (China Initiative years)"
    );
    assert_eq!(
        Preset::UsNetInflowZero.label(d, Lang::En),
        "US net inflow zero (2025)"
    );
    assert!(Preset::Reset.sources().is_empty());
    assert!(Preset::ChinaInitiativeDepartures
        .sources()
        .contains(&"pnas_departure_increase"));
}

// ---------------------------------------------------------------- properties

#[test]
fn property_shares_are_valid_for_many_scenarios() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let s = random_scenario(&mut rng);
        let p = project(&s);
        assert_eq!(p.last().year, s.end_year);
        let mut returnees = 0.0;
        for point in &p.points {
            for v in point.work_share {
                assert!((0.0..=1.0).contains(&v), "share {v} out of range in {s:?}");
            }
            let sum: f64 = point.work_share.iter().sum();
            assert!((sum - 1.0).abs() < 1e-9, "shares sum to {sum} in {s:?}");
            assert!((0.0..=1.0).contains(&point.china_origin_share_of_us));
            assert!(point.stock.iter().flatten().all(|&v| v >= -1e-12));
            assert!(point.returnees_to_china >= returnees);
            returnees = point.returnees_to_china;
        }
        if let Some(year) = p.crossover_year {
            let at = p.at(year).unwrap();
            assert!(at.working[CHINA] > at.working[US]);
        }
    }
}

#[test]
fn property_us_share_never_falls_when_us_retention_rises() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..300 {
        let mut low = random_scenario(&mut rng);
        low.end_year = MAX_END_YEAR;
        let mut high = low;
        low.us_retention_china = rng.range(RETENTION_MIN, RETENTION_MAX);
        high.us_retention_china = rng.range(low.us_retention_china, RETENTION_MAX);
        let (a, b) = (project(&low), project(&high));
        for (x, y) in a.points.iter().zip(&b.points) {
            assert!(
                y.share(Region::Us) >= x.share(Region::Us) - 1e-12,
                "US share fell from {} to {} in {} when retention rose from {} to {}",
                x.share(Region::Us),
                y.share(Region::Us),
                x.year,
                low.us_retention_china,
                high.us_retention_china
            );
        }
    }
}

#[test]
fn property_clamped_is_idempotent_and_coupled_groups_sum_to_one() {
    let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..300 {
        let mut s = random_scenario(&mut rng);
        // Push some fields out of range.
        s.china_to_us = rng.range(-2.0, 3.0);
        s.origin_rest = rng.range(-2.0, 3.0);
        s.us_retention_china = rng.range(-1.0, 2.0);
        let c = s.clamped();
        assert_eq!(c.clamped(), c);
        let p = c.first_jobs();
        for group in [c.origin(), p[0], p[1], p[2]] {
            assert!((group.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            assert!(group.iter().all(|v| (0.0..=1.0).contains(v)));
        }
        let mut t = c;
        t.set_share_china_to_us(rng.range(-0.5, 1.5));
        assert!((t.china_to_us + t.china_stay + t.china_to_rest - 1.0).abs() < 1e-12);
    }
}

// ---------------------------------------------------------------- equations

#[test]
fn module_docs_show_the_same_equations_as_the_constant() {
    let source = include_str!("../src/model/projection.rs");
    let docs: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let start = docs
        .iter()
        .position(|l| *l == "```text")
        .expect("text block")
        + 1;
    let end = start + docs[start..].iter().position(|l| *l == "```").unwrap();
    assert_eq!(docs[start..end].join("\n"), EQUATIONS_EN);
}

#[test]
fn both_languages_have_the_nine_steps() {
    for n in 1..=9 {
        let tag = format!("({n})");
        assert!(EQUATIONS_EN.contains(&tag), "EN lacks {tag}");
        assert!(EQUATIONS_ZH.contains(&tag), "ZH lacks {tag}");
    }
    assert!(EQUATIONS_EN.contains("not forecasts"));
    assert!(EQUATIONS_ZH.contains("不是预测"));
}
