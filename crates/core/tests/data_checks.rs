//! Integration tests over the real embedded data pack: sources, sums that must add up,
//! and the discrepancies the checks reproduce.

use talent_core::model::checks::{all_checks, Check, D01, D02, D08, D10, D12, D22, D30, D32};
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
        .filter(|c| c.id == id)
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
fn every_reproduced_discrepancy_is_in_the_pack() {
    for id in [D01, D02, D08, D10, D12, D22, D30, D32] {
        assert!(
            data().discrepancies.iter().any(|d| d.id == id),
            "{id} not in the pack"
        );
        assert!(!checks_of(id).is_empty(), "no check for {id}");
    }
}

#[test]
fn checks_have_no_nan_and_show_their_formula() {
    for c in all_checks(data()) {
        assert!(c.stated.is_some_and(f64::is_finite), "{}: stated", c.key);
        assert!(
            c.computed.is_some_and(f64::is_finite),
            "{}: computed",
            c.key
        );
        assert!(!c.formula_en.contains('?') && !c.formula_zh.contains('?'));
        assert!(!c.facts.is_empty(), "{}", c.key);
    }
}

#[test]
fn d01_does_not_hold() {
    // 20.1% (9 years) and 17.9% (10 years) vs 28.7%; implied bases 5,368 and 4,171
    // vs 10,000.
    let d01 = checks_of(D01);
    assert_eq!(d01.len(), 4);
    assert!(d01.iter().all(|c| !c.holds));
}

#[test]
fn d30_holds() {
    // 5 MacroPolo sums + 2 checks x 15 Table 2 rows = 35, all exact.
    let d30 = checks_of(D30);
    assert_eq!(d30.len(), 35);
    assert!(d30.iter().all(|c| c.holds));
}

#[test]
fn other_discrepancies_reproduce_as_described() {
    let holds = |key: &str| {
        all_checks(data())
            .into_iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no check {key}"))
            .holds
    };
    // d02: 41/71 is not 2/3; 41 + 19 is not 71.
    assert!(!holds("industry_share"));
    assert!(!holds("industry_plus_academia"));
    // d08: Hoover's 24% matches 49/201, not 49/211.
    assert!(holds("us_ties_share_of_201"));
    assert!(!holds("us_ties_share_of_211"));
    // d10: 39 of 49 described; 61% is not 'nearly 70%'.
    assert!(!holds("paths_account_for_all"));
    assert!(!holds("now_in_china_share"));
    // d12: 11 pp, not 13 pp.
    assert!(!holds("mobility_change_pp"));
    // d22: 87 and 100 add up; 9 of 10 returnees described.
    assert!(holds("still_in_us_split"));
    assert!(holds("cohort_split"));
    assert!(!holds("returnees_described"));
    // d32: the two implied bases agree with each other but not with 2,000.
    assert!(holds("implied_bases_agree"));
    assert!(!holds("implied_base_vs_places"));
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
