//! The city rows of Table 2 of seed 000 (the education-flow network's weighted degrees),
//! with the app's own arithmetic check.

use crate::data::{Dataset, Fact};

/// Dataset key of Table 2 of seed 000 (top-15 cities of the education-flow network).
pub const TABLE2_DATASET: &str = "aminer_shanghai_2024_table2";

/// One city row of Table 2 of seed 000, with the app's own arithmetic check.
#[derive(Clone, Debug, PartialEq)]
pub struct CityDegree {
    /// Fact id of the row.
    pub fact_id: String,
    /// Stated rank by Dw (ties share a rank).
    pub rank: u32,
    /// City name in English.
    pub city_en: String,
    /// City name in Chinese.
    pub city_zh: String,
    /// ISO country code.
    pub country_code: String,
    /// Stated weighted degree Dw.
    pub dw: f64,
    /// Stated weighted in-degree Dwi (later degrees earned here).
    pub dwi: f64,
    /// Stated weighted out-degree Dwo (earlier degrees earned here, then left).
    pub dwo: f64,
    /// Stated net value Dwi - Dwo, if the row gives one.
    pub net_stated: Option<f64>,
    /// `dwi - dwo` computed by the app.
    pub net_computed: f64,
    /// `dwi + dwo == dw`.
    pub sum_ok: bool,
    /// `dwi - dwo == net_stated` (false when no net is stated).
    pub net_ok: bool,
    /// The stated rank equals 1 + the number of listed cities with a larger Dw.
    pub rank_ok: bool,
}

/// A numeric Table 2 column, read from the row's columns or, failing that, its values.
fn table_number(fact: &Fact, key: &str) -> Option<f64> {
    fact.column_number(key).or_else(|| fact.related(key))
}

/// Integers in the table are exact in f64, so equality within a tiny epsilon is exact.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The 15 city rows of Table 2 of seed 000 (dataset [`TABLE2_DATASET`]) with the
/// stated Dw, Dwi, Dwo and net, and the app's checks `Dwi + Dwo == Dw`,
/// `Dwi - Dwo == net` and the rank against the Dw order.
///
/// Table 2 states only node degrees, not the edges of the education-flow network, so
/// the app can check the arithmetic and the ranking but cannot rebuild the graph or
/// recompute betweenness for these cities; [`FlowGraph`] is for edge lists.
///
/// Returns rows sorted by stated rank (file order within ties); rows missing Dw, Dwi or
/// Dwo are skipped. An empty vector if the dataset has no Table 2.
/// Complexity: O(r^2) for r rows (the rank check), r = 15.
///
/// ```
/// use talent_core::{series::cities::city_network, Dataset};
/// let cities = city_network(Dataset::embedded());
/// assert_eq!(cities.len(), 15);
/// assert_eq!((cities[0].city_en.as_str(), cities[0].dw), ("San Francisco", 77.0));
/// assert!(cities.iter().all(|c| c.sum_ok && c.net_ok && c.rank_ok));
/// ```
pub fn city_network(data: &Dataset) -> Vec<CityDegree> {
    let text = |fact: &Fact, key: &str| fact.column_text(key).unwrap_or_default().to_owned();
    let mut rows: Vec<CityDegree> = data
        .facts_of(TABLE2_DATASET)
        .filter_map(|fact| {
            let dw = table_number(fact, "dw")?;
            let dwi = table_number(fact, "dwi")?;
            let dwo = table_number(fact, "dwo")?;
            let net_stated = table_number(fact, "dwi_minus_dwo");
            let rank = table_number(fact, "rank")
                .filter(|r| r.is_finite() && *r >= 0.0)
                .map_or(0, |r| r.round() as u32);
            let net_computed = dwi - dwo;
            Some(CityDegree {
                fact_id: fact.id.clone(),
                rank,
                city_en: text(fact, "city_en"),
                city_zh: text(fact, "city_zh"),
                country_code: text(fact, "country_code"),
                dw,
                dwi,
                dwo,
                net_stated,
                net_computed,
                sum_ok: same(dwi + dwo, dw),
                net_ok: net_stated.is_some_and(|n| same(n, net_computed)),
                rank_ok: false,
            })
        })
        .collect();
    let all_dw: Vec<f64> = rows.iter().map(|r| r.dw).collect();
    for row in &mut rows {
        let above = all_dw.iter().filter(|&&d| d > row.dw).count();
        row.rank_ok = row.rank as usize == above + 1;
    }
    crate::order::sorted(rows, &|a, b| a.rank.cmp(&b.rank))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table2_rows_check_out() {
        // Beijing: 14 + 33 = 47 = Dw; 14 - 33 = -19 = stated net. Rank 3: two cities
        // (San Francisco 77, Boston 49) have a larger Dw, 1 + 2 = 3.
        let cities = city_network(Dataset::embedded());
        let beijing = cities.iter().find(|c| c.city_en == "Beijing").unwrap();
        assert_eq!((beijing.dw, beijing.dwi, beijing.dwo), (47.0, 14.0, 33.0));
        assert_eq!(beijing.net_computed, -19.0);
        assert_eq!(beijing.net_stated, Some(-19.0));
        assert_eq!(beijing.rank, 3);
        assert_eq!(beijing.city_zh, "北京");
        assert_eq!(beijing.country_code, "CN");
        assert!(beijing.sum_ok && beijing.net_ok && beijing.rank_ok);
        // Shanghai ties at rank 9 with Dw 13: eight cities above (77, 49, 47, 38, 25, 20,
        // 16, 14), 1 + 8 = 9. Dwi 0, Dwo 13: net -13.
        let shanghai = cities.iter().find(|c| c.city_en == "Shanghai").unwrap();
        assert_eq!((shanghai.rank, shanghai.net_computed), (9, -13.0));
        assert!(shanghai.rank_ok);
    }
}
