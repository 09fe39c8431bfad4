//! Integration tests over the real embedded data pack: sources, sums that must add up,
//! and the discrepancies the checks reproduce.

use talent_core::model::checks::{
    all_checks, Check, Verdict, D01, D02, D08, D10, D12, D22, D30, D32,
};
use talent_core::model::derived::all_derived;
use talent_core::series::cities::{city_network, TABLE2_DATASET};
use talent_core::{Dataset, Lang};

fn data() -> &'static Dataset {
    Dataset::embedded()
}

fn num(id: &str) -> f64 {
    data()
        .number(id)
        .unwrap_or_else(|| panic!("fact {id} is missing or not numeric"))
}

fn checks_of(id: &str) -> Vec<Check> {
    all_checks(data())
        .into_iter()
        .filter(|c| c.discrepancy == id)
        .collect()
}

#[test]
fn every_fact_has_a_source_and_a_population() {
    for fact in &data().facts {
        for lang in [Lang::En, Lang::Zh] {
            assert!(
                !fact.source(lang).trim().is_empty(),
                "{} has no source",
                fact.id
            );
            assert!(
                !fact.population(lang).trim().is_empty(),
                "{} has no population",
                fact.id
            );
        }
        assert!(
            data().dataset_of(fact).is_some(),
            "{} has no dataset",
            fact.id
        );
    }
}

#[test]
fn carnegie_cohort_adds_up() {
    // 87 + 10 + 3 = 100 and 41 + 40 + 6 = 87.
    assert_eq!(
        num("cg25_still_us") + num("cg25_moved_china") + num("cg25_other_countries"),
        num("cg25_cohort_size")
    );
    assert_eq!(
        num("cg25_us_companies") + num("cg25_us_professors") + num("cg25_us_phd_postdoc"),
        num("cg25_still_us")
    );
}

#[test]
fn table2_rows_add_up() {
    // Every row: Dw = Dwi + Dwo and Dwi - Dwo = stated net (e.g. San Francisco:
    // 65 + 12 = 77, 65 - 12 = 53).
    let rows: Vec<_> = data().facts_of(TABLE2_DATASET).collect();
    assert_eq!(rows.len(), 15);
    for row in rows {
        let v = |k: &str| {
            row.related(k)
                .unwrap_or_else(|| panic!("{} has no {k}", row.id))
        };
        assert_eq!(v("dwi") + v("dwo"), v("dw"), "{}", row.id);
        assert_eq!(v("dwi") - v("dwo"), v("dwi_minus_dwo"), "{}", row.id);
        assert_eq!(row.number(), Some(v("dw")), "{}", row.id);
    }
    let cities = city_network(data());
    assert_eq!(cities.len(), 15);
    assert!(cities.iter().all(|c| c.sum_ok && c.net_ok && c.rank_ok));
    // Sum of Dw over the 15 listed cities:
    // 77+49+47+38+25+20+16+14+13+13+13+12+12+12+11 = 372.
    assert_eq!(cities.iter().map(|c| c.dw).sum::<f64>(), 372.0);
}

#[test]
fn macropolo_origin_shares_do_not_exceed_100() {
    // Single countries/regions only (not the alternative Europe figure, not the
    // China+US+Europe+India total). 2019: 29+20+18+8+5+4+3+3 = 90.
    // 2022: 47+18+12+5+2+2+2+2 = 90.
    for (prefix, want) in [("mp19_origin_share_", 90.0), ("mp22_origin_share_", 90.0)] {
        let total: f64 = data()
            .facts
            .iter()
            .filter(|f| f.id.starts_with(prefix) && !f.id.ends_with("_alt"))
            .filter_map(|f| f.number())
            .sum();
        assert!(total <= 100.0, "{prefix}: {total}");
        assert_eq!(total, want, "{prefix}");
    }
}

#[test]
fn every_checked_discrepancy_is_in_the_pack() {
    for id in [D01, D02, D08, D10, D12, D22, D30, D32] {
        assert!(
            data().discrepancies.iter().any(|d| d.id == id),
            "{id} not in the pack"
        );
        assert!(!checks_of(id).is_empty(), "no check for {id}");
    }
}

#[test]
fn checks_show_their_working_in_both_languages() {
    for c in all_checks(data()) {
        assert!(c.values.iter().all(|(_, v)| v.is_finite()), "{}", c.key);
        for text in [&c.label, &c.working, &c.reading] {
            assert!(!text.en.is_empty() && !text.zh.is_empty(), "{}", c.key);
            assert!(
                !text.en.contains('{') && !text.zh.contains('{'),
                "{}",
                c.key
            );
        }
        assert!(!c.facts.is_empty(), "{}", c.key);
    }
}

#[test]
fn d01_is_a_bound_that_holds() {
    // 52,000 / 1.287^9 = 5,368, under "fewer than 10,000": one consistent check.
    let d01 = checks_of(D01);
    assert_eq!(d01.len(), 1);
    assert_eq!(d01[0].verdict, Verdict::Consistent);
}

#[test]
fn d30_is_arithmetic_that_adds_up() {
    // 5 MacroPolo sums + 1 check over the 15 rows of Table 2, all notes.
    let d30 = checks_of(D30);
    assert_eq!(d30.len(), 6);
    assert!(d30.iter().all(|c| c.verdict == Verdict::Note));
}

#[test]
fn other_discrepancies_read_fairly() {
    let verdict = |key: &str| {
        all_checks(data())
            .into_iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no check {key}"))
            .verdict
    };
    // d02: 41 + 19 = 60 placed of 71 (a note); 41/60 = 68% fits "two thirds".
    assert_eq!(verdict("us_scholars_by_sector"), Verdict::Note);
    assert_eq!(verdict("industry_share_base"), Verdict::Consistent);
    // d08: Hoover's 24% is 49/201 (24.4%), not 49/211 (23.2%).
    assert_eq!(verdict("us_ties_share_base"), Verdict::Consistent);
    // d10: 39 of 49 described (a note); 'nearly 70%' lies within 61%-82%.
    assert_eq!(verdict("us_tied_paths"), Verdict::Note);
    assert_eq!(verdict("now_in_china_range"), Verdict::Consistent);
    // d12: 53 - 42 = 11 points, not 13: a contradiction.
    assert_eq!(verdict("mobility_fall"), Verdict::Contradiction);
    // d22: 87 and 100 add up; 9 of 10 returnees described.
    assert_eq!(verdict("still_in_us_by_role"), Verdict::Note);
    assert_eq!(verdict("cohort_by_place"), Verdict::Note);
    assert_eq!(verdict("returnees_described"), Verdict::Note);
    // d32: both implied bases are about 1,838 scholars, for 2,000 places.
    assert_eq!(verdict("implied_bases"), Verdict::Consistent);
    assert_eq!(verdict("scholars_not_places"), Verdict::Note);
}

#[test]
fn derived_figures_compare_with_stated_ones() {
    let derived = all_derived(data());
    assert_eq!(derived.len(), 3);
    // 27 × 59 / 29 = 54.9 vs the stated 56: within 2 pp.
    let share = &derived[0];
    let (_, stated) = share
        .compare_with
        .expect("compared with mp19_china_ug_in_us");
    assert!((stated - share.value).abs() < 2.0);
}
