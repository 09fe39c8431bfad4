// Deterministic synthetic inputs shared by the criterion benches and by the app's
// `bench` feature (src/bench.rs includes this file), so the native and the browser
// measurements see the same data. No crates: a SplitMix64 generator with a fixed seed.
// Plain `//` comments only: the file is also pulled in with `include!`.

use std::collections::HashMap;
use talent_core::graph::FlowGraph;
use talent_core::series::regions::FoldedMatrix;

/// The seed of every synthetic input.
pub const SEED: u64 = 0x5EED_2040;

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and good enough for test data.
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n
    }
}

/// A dense synthetic `n` x `n` country flow matrix: researchers by country of degree
/// (row) and country of work (column). Country sizes are heavy-tailed (a few large
/// countries, many small ones), every cell is positive, and most people work where they
/// studied (the diagonal is 20 times a typical cell).
pub fn flow_matrix(n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Rng::new(seed);
    let size: Vec<f64> = (0..n).map(|_| (4.0 * rng.unit()).exp()).collect();
    (0..n)
        .map(|origin| {
            (0..n)
                .map(|work| {
                    let cell = size[origin] * size[work] * (0.05 + rng.unit());
                    if origin == work {
                        20.0 * cell
                    } else {
                        cell
                    }
                })
                .collect()
        })
        .collect()
}

/// The name of country `i` of a synthetic matrix.
pub fn country_name(i: usize) -> String {
    format!("Country {:03}", i + 1)
}

/// How many places a flow Sankey shows; the rest are folded into one
/// (`talent_core::series::regions::fold_matrix`).
pub const SANKEY_PLACES: usize = 12;

/// The name of slot `i` of a folded synthetic matrix.
pub fn folded_name(folded: &FoldedMatrix, i: usize) -> String {
    folded.kept.get(i).map_or_else(
        || "Other countries".to_string(),
        |&place| country_name(place),
    )
}

/// What the country flow view computes per country (see `talent_core::series::regions`).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMetrics {
    /// Researchers with a degree from here (row sum).
    pub studied: f64,
    /// Researchers working here (column sum).
    pub working: f64,
    /// Working where they studied (diagonal).
    pub stayed: f64,
    /// Weighted in-degree of the moves graph.
    pub arrivals: f64,
    /// Weighted out-degree of the moves graph.
    pub departures: f64,
    /// `arrivals - departures`.
    pub net: f64,
    /// Unnormalised betweenness in the moves graph.
    pub betweenness: f64,
    /// Betweenness over `(n - 1)(n - 2)`.
    pub normalised: f64,
}

/// The country flow view's pipeline on an `n` x `n` matrix, as `country_network` runs it
/// on the 3 x 3 MacroPolo table: off-diagonal cells become the edges of a
/// `FlowGraph` (moves), then weighted degrees, net flow and betweenness per country.
pub fn matrix_network(matrix: &[Vec<f64>]) -> (FlowGraph, Vec<PlaceMetrics>) {
    let moves = moves_graph(matrix);
    let metrics = place_metrics(matrix, &moves, moves.centrality());
    (moves, metrics)
}

/// The moves graph of a matrix: every positive off-diagonal cell is an edge.
pub fn moves_graph(matrix: &[Vec<f64>]) -> FlowGraph {
    let n = matrix.len();
    let names: Vec<String> = (0..n).map(country_name).collect();
    let mut edges = Vec::new();
    for (origin, row) in matrix.iter().enumerate() {
        for (work, &value) in row.iter().enumerate() {
            if origin != work && value.is_finite() && value > 1e-9 {
                edges.push((names[origin].as_str(), names[work].as_str(), value));
            }
        }
    }
    FlowGraph::from_edges(&edges)
}

/// Per-country figures from the matrix, its moves graph and that graph's centrality.
pub fn place_metrics(
    matrix: &[Vec<f64>],
    moves: &FlowGraph,
    centrality: Vec<talent_core::graph::Centrality>,
) -> Vec<PlaceMetrics> {
    let n = matrix.len();
    let names: Vec<String> = (0..n).map(country_name).collect();
    let centrality: HashMap<String, (f64, f64)> = centrality
        .into_iter()
        .map(|c| (c.name, (c.betweenness, c.normalised)))
        .collect();
    (0..n)
        .map(|i| {
            let (arrivals, departures) = moves
                .degree(&names[i])
                .map_or((0.0, 0.0), |d| (d.in_degree, d.out_degree));
            let (betweenness, normalised) = centrality.get(&names[i]).copied().unwrap_or_default();
            PlaceMetrics {
                studied: matrix[i].iter().sum(),
                working: matrix.iter().map(|row| row[i]).sum(),
                stayed: matrix[i][i],
                arrivals,
                departures,
                net: arrivals - departures,
                betweenness,
                normalised,
            }
        })
        .collect()
}
