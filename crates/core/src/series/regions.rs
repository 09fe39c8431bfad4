//! Net flows: the country flow graph derived from the MacroPolo 2019 origin × work
//! table, and the geometry of the charts that show gains and losses (diverging bars of
//! net flow, dot rows of arrivals and departures).
//!
//! # The country graph
//!
//! [`Baseline::stock`] is a 3 × 3 table of top-tier researchers by region of
//! undergraduate degree (origin) and region of the employer (work), per 100 in the
//! 2019 pool. MacroPolo publishes only its margins and a few inner shares; the table is
//! *derived* (see the [`projection`](crate::model::projection) module docs for the steps).
//! [`country_network`] reads it as a flow graph:
//!
//! - every cell `[o][w]` with a value is a flow from origin `o` to work region `w`;
//! - cells off the diagonal are *moves* and become the weighted edges of a
//!   [`FlowGraph`]: arrivals (weighted in-degree), departures (weighted out-degree),
//!   weighted degree, net = arrivals − departures, and betweenness (Brandes, hop counts
//!   along the direction of the moves);
//! - the diagonal (working in the region of one's degree) is kept as `stayed`; it is
//!   not a move, so it counts in no degree.
//!
//! Net per region equals researchers working there minus researchers who studied
//! there: column sum − row sum, since the diagonal cancels.

use crate::graph::FlowGraph;
use crate::layout::sankey::{SankeyLink, SankeyNode};
use crate::model::projection::{Baseline, Region};

/// Cells at or below this are empty (no flow drawn).
const EPS: f64 = 1e-9;

/// Stable key of a region, used as node name and id.
pub fn region_key(region: Region) -> &'static str {
    match region {
        Region::Us => "us",
        Region::China => "cn",
        Region::Rest => "rest",
    }
}

/// One flow of the country graph: researchers with a degree from `origin` working in
/// `work`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionFlow {
    /// Region of the undergraduate degree.
    pub origin: Region,
    /// Region of the employer.
    pub work: Region,
    /// Researchers per 100 in the pool.
    pub value: f64,
    /// `value / researchers of this origin`, in `[0, 1]`.
    pub share_of_origin: f64,
}

impl RegionFlow {
    /// True when the flow leaves its origin region (an edge of the moves graph).
    pub fn is_move(&self) -> bool {
        self.origin != self.work
    }
}

/// The metrics of one region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionMetrics {
    /// The region.
    pub region: Region,
    /// Researchers with a degree from here (row sum).
    pub studied: f64,
    /// Researchers working here (column sum).
    pub working: f64,
    /// Researchers working where they studied (diagonal).
    pub stayed: f64,
    /// Weighted in-degree of the moves graph: moved here from elsewhere.
    pub arrivals: f64,
    /// Weighted out-degree of the moves graph: studied here, work elsewhere.
    pub departures: f64,
    /// `arrivals + departures`.
    pub weighted_degree: f64,
    /// `arrivals - departures` (= `working - studied`).
    pub net: f64,
    /// Unnormalised betweenness in the moves graph.
    pub betweenness: f64,
    /// Betweenness over `(n - 1)(n - 2)`.
    pub normalised: f64,
}

/// The country flow graph with its metrics.
#[derive(Clone, Debug)]
pub struct CountryNetwork {
    /// Year of the table.
    pub year: u16,
    /// Every non-empty cell, origin-major in region order.
    pub flows: Vec<RegionFlow>,
    /// One entry per region, in region order.
    pub metrics: Vec<RegionMetrics>,
    /// The whole pool (100).
    pub total: f64,
    /// The moves (off-diagonal cells) as a petgraph flow graph.
    pub moves: FlowGraph,
}

/// Reads the baseline table as a flow graph (see the module docs).
///
/// ```
/// use talent_core::series::regions::country_network;
/// use talent_core::model::projection::Baseline;
/// let net = country_network(Baseline::embedded());
/// let sum: f64 = net.metrics.iter().map(|m| m.net).sum();
/// assert!(sum.abs() < 1e-9); // every move leaves one region and reaches another
/// ```
pub fn country_network(baseline: &Baseline) -> CountryNetwork {
    let stock = baseline.stock;
    let mut flows = Vec::new();
    for origin in Region::ALL {
        let row = stock[origin.index()];
        let studied: f64 = row.iter().sum();
        for work in Region::ALL {
            let value = row[work.index()];
            if value.is_finite() && value > EPS {
                flows.push(RegionFlow {
                    origin,
                    work,
                    value,
                    share_of_origin: if studied > 0.0 { value / studied } else { 0.0 },
                });
            }
        }
    }
    let edges: Vec<(&str, &str, f64)> = flows
        .iter()
        .filter(|f| f.is_move())
        .map(|f| (region_key(f.origin), region_key(f.work), f.value))
        .collect();
    let moves = FlowGraph::from_edges(&edges);
    let centrality = moves.centrality();
    let metrics = Region::ALL
        .iter()
        .map(|&region| {
            let i = region.index();
            let studied: f64 = stock[i].iter().sum();
            let working: f64 = stock.iter().map(|row| row[i]).sum();
            let degree = moves.degree(region_key(region));
            let (arrivals, departures) = degree.map_or((0.0, 0.0), |d| (d.in_degree, d.out_degree));
            let central = centrality.iter().find(|c| c.name == region_key(region));
            RegionMetrics {
                region,
                studied,
                working,
                stayed: stock[i][i],
                arrivals,
                departures,
                weighted_degree: arrivals + departures,
                net: arrivals - departures,
                betweenness: central.map_or(0.0, |c| c.betweenness),
                normalised: central.map_or(0.0, |c| c.normalised),
            }
        })
        .collect();
    CountryNetwork {
        year: baseline.year,
        flows,
        metrics,
        total: baseline.total(),
        moves,
    }
}

impl CountryNetwork {
    /// Sankey id of a region's node in `stage` 0 (origin) or 1 (work).
    pub fn node_id(region: Region, stage: usize) -> String {
        let side = if stage == 0 { "origin" } else { "work" };
        format!("{side}_{}", region_key(region))
    }

    /// The regions that appear in `stage` (0 origin, 1 work), in region order.
    pub fn regions_in(&self, stage: usize) -> Vec<Region> {
        Region::ALL
            .into_iter()
            .filter(|&r| {
                self.flows.iter().any(|f| {
                    if stage == 0 {
                        f.origin == r
                    } else {
                        f.work == r
                    }
                })
            })
            .collect()
    }

    /// The graph as a two-stage Sankey (origin → work); nodes are the regions of
    /// [`Self::regions_in`] stage 0 then stage 1, links follow [`Self::flows`].
    pub fn sankey_input(&self) -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        let nodes = (0..2)
            .flat_map(|stage| {
                self.regions_in(stage)
                    .into_iter()
                    .map(move |r| SankeyNode::new(Self::node_id(r, stage), stage))
            })
            .collect();
        let links = self
            .flows
            .iter()
            .map(|f| {
                SankeyLink::new(
                    Self::node_id(f.origin, 0),
                    Self::node_id(f.work, 1),
                    f.value,
                )
            })
            .collect();
        (nodes, links)
    }

    /// The metrics of one region.
    pub fn metrics_of(&self, region: Region) -> Option<&RegionMetrics> {
        self.metrics.iter().find(|m| m.region == region)
    }
}

/// A flow matrix folded to its largest places, for a Sankey that stays readable and
/// quick to draw however many countries the matrix has.
#[derive(Clone, Debug, PartialEq)]
pub struct FoldedMatrix {
    /// Indices of the places kept, largest first.
    pub kept: Vec<usize>,
    /// True when the last row and column sum the places not kept.
    pub other: bool,
    /// The folded matrix: rows are origins, columns work places, in `kept` order, then
    /// "other" if any.
    pub matrix: Vec<Vec<f64>>,
}

/// Keeps the `keep` places with the most researchers (studied there plus working there;
/// ties by index) and sums every other row and column into one "other" place, so a
/// Sankey of an `n` x `n` matrix has at most `keep + 1` nodes a side and `(keep + 1)²`
/// ribbons instead of `n²`. The total is unchanged. Folding a single place would only
/// rename it, so with `n <= keep + 1` every place is kept. Non-finite or negative cells
/// count as 0. Rows shorter than the matrix are read as zero-padded.
///
/// ```
/// use talent_core::series::regions::fold_matrix;
/// let m = vec![vec![5.0, 1.0, 0.0], vec![2.0, 3.0, 1.0], vec![0.0, 1.0, 1.0]];
/// let f = fold_matrix(&m, 1);
/// assert_eq!((f.kept.clone(), f.other), (vec![0], true));
/// assert_eq!(f.matrix, vec![vec![5.0, 1.0], vec![2.0, 6.0]]);
/// ```
pub fn fold_matrix(matrix: &[Vec<f64>], keep: usize) -> FoldedMatrix {
    let n = matrix.len();
    let cell = |o: usize, w: usize| {
        let v = matrix[o].get(w).copied().unwrap_or(0.0);
        if v.is_finite() {
            v.max(0.0)
        } else {
            0.0
        }
    };
    let size: Vec<f64> = (0..n)
        .map(|i| (0..n).map(|j| cell(i, j) + cell(j, i)).sum())
        .collect();
    let mut ranked = crate::order::stable_order(n, &|a, b| size[b].total_cmp(&size[a]));
    let other = n > keep + 1;
    ranked.truncate(if other { keep } else { n });
    let slots = ranked.len() + usize::from(other);
    // Position of each place in the folded matrix: kept ones in rank order, then other.
    let mut slot = vec![slots.saturating_sub(1); n];
    for (position, &place) in ranked.iter().enumerate() {
        slot[place] = position;
    }
    let mut folded = vec![vec![0.0; slots]; slots];
    for o in 0..n {
        for w in 0..n {
            folded[slot[o]][slot[w]] += cell(o, w);
        }
    }
    FoldedMatrix {
        kept: ranked,
        other,
        matrix: folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// A hand-made table: origin rows US, China, Rest; work columns US, China, Rest.
    fn toy() -> Baseline {
        Baseline {
            year: 2019,
            stock: [[20.0, 0.0, 2.0], [16.0, 10.0, 3.0], [25.0, 1.0, 23.0]],
        }
    }

    #[test]
    fn toy_table_gives_hand_computed_degrees_and_betweenness() {
        // Moves: US->Rest 2; China->US 16, China->Rest 3; Rest->US 25, Rest->China 1.
        // US:    arrivals 16 + 25 = 41, departures 2, degree 43, net +39.
        // China: arrivals 1, departures 16 + 3 = 19, degree 20, net -18.
        // Rest:  arrivals 2 + 3 = 5, departures 25 + 1 = 26, degree 31, net -21.
        // Net = working - studied: US 61 - 22 = 39, China 11 - 29 = -18, Rest 28 - 49 = -21.
        // Betweenness (hops): the only pair without a direct edge is US -> China,
        // whose one shortest path US -> Rest -> China runs through Rest: Rest 1, others 0;
        // normalised by (3 - 1)(3 - 2) = 2: Rest 0.5.
        let net = country_network(&toy());
        let m = |r: Region| *net.metrics_of(r).expect("region");
        let row = |x: RegionMetrics| {
            (
                x.arrivals,
                x.departures,
                x.weighted_degree,
                x.net,
                x.betweenness,
                x.normalised,
            )
        };
        assert_eq!(row(m(Region::Us)), (41.0, 2.0, 43.0, 39.0, 0.0, 0.0));
        assert_eq!(row(m(Region::China)), (1.0, 19.0, 20.0, -18.0, 0.0, 0.0));
        assert_eq!(row(m(Region::Rest)), (5.0, 26.0, 31.0, -21.0, 1.0, 0.5));
        for x in &net.metrics {
            assert!(close(x.net, x.working - x.studied));
        }
        assert_eq!(
            (m(Region::Us).stayed, m(Region::China).stayed),
            (20.0, 10.0)
        );
        // 8 non-empty cells (US -> China is 0); shares of origin: China -> US 16 / 29.
        assert_eq!(net.flows.len(), 8);
        let cn_us = net
            .flows
            .iter()
            .find(|f| f.origin == Region::China && f.work == Region::Us)
            .expect("flow");
        assert!(close(cn_us.share_of_origin, 16.0 / 29.0));
        assert_eq!(net.moves.edge_count(), 5);
        assert_eq!(net.total, 100.0);
        // The Sankey has 3 + 3 nodes and one link per flow.
        let (nodes, links) = net.sankey_input();
        assert_eq!((nodes.len(), links.len()), (6, 8));
        assert_eq!(links[0].source, "origin_us");
        assert_eq!(links[0].target, "work_us");
    }

    #[test]
    fn embedded_table_nets_match_the_margins() {
        // The embedded 2019 table (projection docs): net per region is the work share
        // minus the origin share, in points of the pool: e.g. US = 100 × (W_US - O_US).
        let data = Dataset::embedded();
        let pct = |id: &str| data.number(id).expect("fact");
        let net = country_network(Baseline::embedded());
        let us = net.metrics_of(Region::Us).expect("us");
        assert!(close(
            us.net,
            pct("mp19_work_share_us") - pct("mp19_origin_share_us")
        ));
        let cn = net.metrics_of(Region::China).expect("cn");
        assert!(close(
            cn.net,
            pct("mp19_work_share_china") - pct("mp19_origin_share_china")
        ));
        let total: f64 = net.metrics.iter().map(|m| m.net).sum();
        assert!(total.abs() < 1e-9);
        // The US gains and China loses: the direction of the published margins.
        assert!(us.net > 0.0 && cn.net < 0.0);
        for f in &net.flows {
            assert!(f.value > 0.0 && f.share_of_origin > 0.0 && f.share_of_origin <= 1.0);
        }
    }

    #[test]
    fn folding_keeps_the_largest_places_and_the_total() {
        // Sizes (row + column sums): a 10+10=20, b 4+5=9, c 1+7=8, d 9+2=11.
        let m = vec![
            vec![6.0, 1.0, 1.0, 2.0],
            vec![1.0, 2.0, 1.0, 0.0],
            vec![0.0, 0.0, 1.0, 0.0],
            vec![3.0, 2.0, 4.0, 0.0],
        ];
        let f = fold_matrix(&m, 2);
        assert_eq!(f.kept, vec![0, 3]);
        assert!(f.other);
        // Rows a, d, other (b + c); columns a, d, other (b + c).
        assert_eq!(
            f.matrix,
            vec![
                vec![6.0, 2.0, 2.0],
                vec![3.0, 0.0, 6.0],
                vec![1.0, 0.0, 4.0],
            ]
        );
        let total = |m: &[Vec<f64>]| m.iter().flatten().sum::<f64>();
        assert_eq!(total(&f.matrix), total(&m));
    }

    #[test]
    fn folding_one_place_or_none_keeps_everything() {
        let m = vec![vec![1.0, f64::NAN], vec![-2.0, 4.0]];
        let f = fold_matrix(&m, 1);
        assert_eq!((f.kept, f.other), (vec![1, 0], false));
        // Bad cells count as 0; order follows the ranking (b: 4 + 4 = 8, a: 1 + 1 = 2).
        assert_eq!(f.matrix, vec![vec![4.0, 0.0], vec![0.0, 1.0]]);
        assert_eq!(fold_matrix(&[], 3).matrix, Vec::<Vec<f64>>::new());
    }
}
