//! Weighted directed flow networks (who studied where, then moved where): weighted
//! degrees and betweenness centrality, plus the city table of seed 000 (Table 2).

use crate::dataset::{Dataset, Fact};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Dataset key of Table 2 of seed 000 (top-15 cities of the education-flow network).
pub const TABLE2_DATASET: &str = "aminer_shanghai_2024_table2";

/// A weighted directed flow graph: nodes are place names, an edge `a -> b` of weight
/// `w` means `w` people moved from `a` to `b`.
#[derive(Clone, Debug, Default)]
pub struct FlowGraph {
    graph: DiGraph<String, f64>,
    index: HashMap<String, NodeIndex>,
}

/// Weighted degrees of one node.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeDegree {
    /// Node name.
    pub name: String,
    /// Weighted in-degree: sum of the weights of incoming edges (arrivals).
    pub in_degree: f64,
    /// Weighted out-degree: sum of the weights of outgoing edges (departures).
    pub out_degree: f64,
    /// `in_degree + out_degree` (Table 2's Dw).
    pub total: f64,
    /// `in_degree - out_degree`; positive = net inflow.
    pub net: f64,
}

/// Betweenness centrality of one node.
#[derive(Clone, Debug, PartialEq)]
pub struct Centrality {
    /// Node name.
    pub name: String,
    /// Unnormalised betweenness: sum over ordered pairs `(s, t)`, `s != v != t`, of the
    /// share of shortest `s -> t` paths that pass through the node.
    pub betweenness: f64,
    /// `betweenness / ((n - 1)(n - 2))`, the directed normalisation (0-1); 0 when
    /// `n <= 2`, where no node can lie between two others.
    pub normalised: f64,
}

impl FlowGraph {
    /// Builds the graph from an edge list `(from, to, weight)`.
    ///
    /// Nodes are created in order of first appearance. Duplicate edges `a -> b` are
    /// merged by summing their weights. Edges with a non-finite weight (NaN, infinite)
    /// are dropped, so no degree is ever NaN. Self-loops are kept: they count in both
    /// the in- and out-degree and never lie on a shortest path.
    ///
    /// Complexity: O(m) expected, for m edges.
    ///
    /// ```
    /// use talent_core::network::FlowGraph;
    /// let g = FlowGraph::from_edges(&[("a", "b", 3.0), ("a", "b", 1.0)]);
    /// assert_eq!(g.node_count(), 2);
    /// assert_eq!(g.edge_count(), 1);
    /// assert_eq!(g.degree("b").unwrap().in_degree, 4.0);
    /// ```
    pub fn from_edges<S: AsRef<str>>(edges: &[(S, S, f64)]) -> Self {
        let mut out = Self::default();
        // Edge lookup by endpoints: petgraph's `find_edge` walks a node's edge list,
        // which makes a dense graph's construction cubic.
        let mut existing = HashMap::with_capacity(edges.len());
        for (from, to, weight) in edges {
            if !weight.is_finite() {
                continue;
            }
            let a = out.node(from.as_ref());
            let b = out.node(to.as_ref());
            match existing.entry((a, b)) {
                Entry::Occupied(edge) => out.graph[*edge.get()] += *weight,
                Entry::Vacant(slot) => {
                    slot.insert(out.graph.add_edge(a, b, *weight));
                }
            }
        }
        out
    }

    /// The node index of `name`, adding the node if it is new.
    fn node(&mut self, name: &str) -> NodeIndex {
        if let Some(&ix) = self.index.get(name) {
            return ix;
        }
        let ix = self.graph.add_node(name.to_owned());
        self.index.insert(name.to_owned(), ix);
        ix
    }

    /// The underlying petgraph graph (node weights are names, edge weights flows).
    pub fn graph(&self) -> &DiGraph<String, f64> {
        &self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of distinct directed edges (after merging duplicates).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Node names, in order of first appearance.
    pub fn names(&self) -> Vec<&str> {
        self.graph
            .node_indices()
            .map(|ix| self.graph[ix].as_str())
            .collect()
    }

    fn degree_of(&self, ix: NodeIndex) -> NodeDegree {
        let sum = |dir| {
            self.graph
                .edges_directed(ix, dir)
                .map(|e| *e.weight())
                .sum::<f64>()
        };
        let in_degree = sum(Direction::Incoming);
        let out_degree = sum(Direction::Outgoing);
        NodeDegree {
            name: self.graph[ix].clone(),
            in_degree,
            out_degree,
            total: in_degree + out_degree,
            net: in_degree - out_degree,
        }
    }

    /// Weighted degrees of every node, in node order.
    ///
    /// Returns an empty vector for an empty graph. Complexity: O(n + m).
    ///
    /// ```
    /// use talent_core::network::FlowGraph;
    /// let g = FlowGraph::from_edges(&[("a", "b", 2.0), ("b", "c", 1.0)]);
    /// let d = g.degrees();
    /// assert_eq!((d[1].in_degree, d[1].out_degree, d[1].net), (2.0, 1.0, 1.0));
    /// ```
    pub fn degrees(&self) -> Vec<NodeDegree> {
        self.graph
            .node_indices()
            .map(|ix| self.degree_of(ix))
            .collect()
    }

    /// Weighted degrees of the node called `name`, or `None` if there is none.
    ///
    /// ```
    /// use talent_core::network::FlowGraph;
    /// let g = FlowGraph::from_edges(&[("a", "b", 2.0)]);
    /// assert_eq!(g.degree("a").unwrap().net, -2.0);
    /// assert!(g.degree("z").is_none());
    /// ```
    pub fn degree(&self, name: &str) -> Option<NodeDegree> {
        self.index.get(name).map(|&ix| self.degree_of(ix))
    }

    /// Unnormalised betweenness centrality of every node (in node order), by Brandes'
    /// algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
    /// J. Math. Sociology 25(2), 2001).
    ///
    /// Paths follow edge direction and every edge has length 1: the weights are flow
    /// counts (how many people moved), so a heavier edge is a *stronger* tie, not a
    /// longer one. Using them as lengths would make the busiest routes look farthest,
    /// and inverting them would make the result depend on an arbitrary transform;
    /// hop counts keep the measure about the structure of who connects to whom.
    ///
    /// Returns an empty vector for an empty graph.
    /// Complexity: O(n m) time, O(n + m) memory (one breadth-first search per node).
    ///
    /// ```
    /// use talent_core::network::FlowGraph;
    /// // a -> b -> c: only b lies between two others (the pair a, c).
    /// let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)]);
    /// assert_eq!(g.betweenness(), vec![0.0, 1.0, 0.0]);
    /// ```
    pub fn betweenness(&self) -> Vec<f64> {
        let mut run = Brandes::new(self);
        run.advance(usize::MAX);
        run.into_values()
    }

    /// Betweenness of every node, unnormalised and normalised by `(n - 1)(n - 2)`
    /// (the number of ordered pairs of other nodes in a directed graph).
    ///
    /// Returns an empty vector for an empty graph; for `n <= 2` every value is 0.
    /// Complexity: O(n m).
    ///
    /// ```
    /// use talent_core::network::FlowGraph;
    /// let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)]);
    /// let c = g.centrality();
    /// assert_eq!((c[1].name.as_str(), c[1].betweenness, c[1].normalised), ("b", 1.0, 0.5));
    /// ```
    pub fn centrality(&self) -> Vec<Centrality> {
        self.centrality_of(self.betweenness())
    }

    /// [`centrality`](Self::centrality) from betweenness values already computed (in
    /// node order), such as those of a [`Brandes`] run spread over several tasks.
    pub fn centrality_of(&self, betweenness: Vec<f64>) -> Vec<Centrality> {
        let n = self.graph.node_count();
        let pairs = if n > 2 {
            ((n - 1) * (n - 2)) as f64
        } else {
            0.0
        };
        betweenness
            .into_iter()
            .zip(self.graph.node_indices())
            .map(|(b, ix)| Centrality {
                name: self.graph[ix].clone(),
                betweenness: b,
                normalised: if pairs > 0.0 { b / pairs } else { 0.0 },
            })
            .collect()
    }
}

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
/// use talent_core::{network::city_network, Dataset};
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

/// Brandes' algorithm a batch of sources at a time: one breadth-first search per node,
/// each adding that source's dependencies to the betweenness of the others. A caller on
/// a browser's main thread can spread a large graph over several tasks instead of
/// blocking the page; [`FlowGraph::betweenness`] runs it to the end in one go.
///
/// ```
/// use talent_core::network::{Brandes, FlowGraph};
/// let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)]);
/// let mut run = Brandes::new(&g);
/// while !run.advance(1) {}
/// assert_eq!(run.into_values(), g.betweenness());
/// ```
pub struct Brandes {
    outgoing: Adjacency,
    /// The next source.
    next: usize,
    centrality: Vec<f64>,
    /// The breadth-first queue and, read backwards, the order of non-increasing
    /// distance; one spare slot, as the search writes every neighbour before it knows
    /// whether it is new.
    order: Vec<u32>,
    /// Shortest paths from the source.
    sigma: Vec<f64>,
    distance: Vec<u32>,
    /// `(1 + delta[w]) / sigma[w]` of each node whose dependency delta is final.
    share: Vec<f64>,
    /// The shortest-path successors found by the search, grouped by node in search
    /// order; one spare slot, as the search writes every neighbour before it knows
    /// whether it is a successor.
    successors: Vec<u32>,
    /// `successors[first[i]..first[i + 1]]` are the successors of `order[i]`.
    first: Vec<usize>,
}

impl Brandes {
    /// A run over `graph`, with no source searched yet.
    pub fn new(graph: &FlowGraph) -> Self {
        let n = graph.node_count();
        Self {
            outgoing: Adjacency::outgoing(&graph.graph),
            next: 0,
            centrality: vec![0.0; n],
            order: vec![0; n + 1],
            sigma: vec![0.0; n],
            distance: vec![UNREACHED; n],
            share: vec![0.0; n],
            successors: vec![0; graph.edge_count() + 1],
            first: vec![0; n + 1],
        }
    }

    /// Searches from up to `sources` more nodes; true once every node has been a source.
    pub fn advance(&mut self, sources: usize) -> bool {
        let end = self.centrality.len().min(self.next.saturating_add(sources));
        for s in self.next..end {
            self.search_from(s);
        }
        self.next = end;
        self.is_done()
    }

    /// True once every node has been a source.
    pub fn is_done(&self) -> bool {
        self.next >= self.centrality.len()
    }

    /// Sources searched so far, of the number of nodes.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.centrality.len())
    }

    /// Unnormalised betweenness of every node, in node order (partial sums until
    /// [`is_done`](Self::is_done)).
    pub fn into_values(self) -> Vec<f64> {
        self.centrality
    }

    /// One source's breadth-first search and dependency accumulation. The inner loops
    /// are branch-free: on random graphs whether a neighbour is new or on a shortest
    /// path is unpredictable, and mispredicted branches dominated.
    fn search_from(&mut self, s: usize) {
        let Self {
            outgoing,
            centrality,
            order,
            sigma,
            distance,
            share,
            successors,
            first,
            ..
        } = self;
        sigma.fill(0.0);
        distance.fill(UNREACHED);
        sigma[s] = 1.0;
        distance[s] = 0;
        order[0] = s as u32;
        let mut reached = 1;

        // Breadth-first search counting shortest paths (sigma) from s.
        let mut head = 0;
        let mut found = 0;
        while head < reached {
            let v = order[head] as usize;
            first[head] = found;
            head += 1;
            let next = distance[v] + 1;
            let paths = sigma[v];
            for &w in outgoing.of(v) {
                let old = distance[w as usize];
                let new = old == UNREACHED;
                order[reached] = w;
                reached += usize::from(new);
                let d = if new { next } else { old };
                distance[w as usize] = d;
                let successor = d == next;
                sigma[w as usize] += if successor { paths } else { 0.0 };
                successors[found] = w;
                found += usize::from(successor);
            }
        }
        first[reached] = found;

        // Dependencies in order of non-increasing distance, pulled from successors
        // (Brandes' recurrence): delta[v] = sigma[v] * sum over the successors w of v
        // of (1 + delta[w]) / sigma[w]. The source, order[0], gets none.
        for i in (1..reached).rev() {
            let v = order[i] as usize;
            let sum: f64 = successors[first[i]..first[i + 1]]
                .iter()
                .map(|&w| share[w as usize])
                .sum();
            let delta = sigma[v] * sum;
            centrality[v] += delta;
            share[v] = (1.0 + delta) / sigma[v];
        }
    }
}

/// Distance of a node not (yet) reached by a breadth-first search.
const UNREACHED: u32 = u32::MAX;

/// Neighbour lists of a graph in one flat array (compressed sparse rows).
struct Adjacency {
    /// `starts[v]..starts[v + 1]` indexes the neighbours of `v` in `targets`.
    starts: Vec<usize>,
    /// Node positions as `u32`, half the cache footprint of `usize` on 64-bit hosts.
    targets: Vec<u32>,
}

impl Adjacency {
    /// The out-neighbours of every node of `graph`, an entry per edge.
    fn outgoing(graph: &DiGraph<String, f64>) -> Self {
        let n = graph.node_count();
        let mut starts = vec![0; n + 1];
        for edge in graph.raw_edges() {
            starts[edge.source().index() + 1] += 1;
        }
        for v in 0..n {
            starts[v + 1] += starts[v];
        }
        let mut filled = starts.clone();
        let mut targets = vec![0; starts[n]];
        for edge in graph.raw_edges() {
            let from = edge.source().index();
            // petgraph's default indices are u32, so this never saturates.
            targets[filled[from]] = u32::try_from(edge.target().index()).unwrap_or(u32::MAX);
            filled[from] += 1;
        }
        Self { starts, targets }
    }

    fn of(&self, v: usize) -> &[u32] {
        &self.targets[self.starts[v]..self.starts[v + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_name(g: &FlowGraph) -> HashMap<String, (f64, f64)> {
        g.centrality()
            .into_iter()
            .map(|c| (c.name, (c.betweenness, c.normalised)))
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn degrees_merge_duplicate_edges() {
        // a->b 3 and a->b 1 merge to a->b 4; b->c 2.
        // a: in 0, out 4, total 4, net -4. b: in 4, out 2, total 6, net +2.
        // c: in 2, out 0, total 2, net +2.
        let g = FlowGraph::from_edges(&[("a", "b", 3.0), ("b", "c", 2.0), ("a", "b", 1.0)]);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.names(), vec!["a", "b", "c"]);
        let d = g.degrees();
        let row = |x: &NodeDegree| (x.in_degree, x.out_degree, x.total, x.net);
        assert_eq!(row(&d[0]), (0.0, 4.0, 4.0, -4.0));
        assert_eq!(row(&d[1]), (4.0, 2.0, 6.0, 2.0));
        assert_eq!(row(&d[2]), (2.0, 0.0, 2.0, 2.0));
    }

    #[test]
    fn non_finite_weights_are_dropped_and_self_loops_count_both_ways() {
        // a->b NaN dropped (no nodes created); c->c 2: in 2, out 2, total 4, net 0.
        let g = FlowGraph::from_edges(&[("a", "b", f64::NAN), ("c", "c", 2.0)]);
        assert_eq!(g.node_count(), 1);
        let c = g.degree("c").unwrap();
        assert_eq!(
            (c.in_degree, c.out_degree, c.total, c.net),
            (2.0, 2.0, 4.0, 0.0)
        );
        assert_eq!(g.betweenness(), vec![0.0]);
    }

    #[test]
    fn directed_path() {
        // a->b->c: the only pair with an intermediate is (a, c), through b: b = 1.
        // n = 3: (n-1)(n-2) = 2, so b normalised = 1/2.
        let g = FlowGraph::from_edges(&[("a", "b", 5.0), ("b", "c", 1.0)]);
        let c = by_name(&g);
        assert_eq!(c["a"], (0.0, 0.0));
        assert_eq!(c["b"], (1.0, 0.5));
        assert_eq!(c["c"], (0.0, 0.0));
    }

    #[test]
    fn two_way_star() {
        // hub h with leaves x, y, z linked both ways. Ordered leaf pairs: 3 * 2 = 6,
        // each with one shortest path x->h->y through h: h = 6. Leaves are on no
        // shortest path between others: 0. n = 4: (3)(2) = 6, h normalised = 1.
        let edges = [
            ("x", "h", 1.0),
            ("h", "x", 1.0),
            ("y", "h", 1.0),
            ("h", "y", 1.0),
            ("z", "h", 1.0),
            ("h", "z", 1.0),
        ];
        let c = by_name(&FlowGraph::from_edges(&edges));
        assert_eq!(c["h"], (6.0, 1.0));
        for leaf in ["x", "y", "z"] {
            assert_eq!(c[leaf], (0.0, 0.0));
        }
    }

    #[test]
    fn out_star_has_no_intermediaries() {
        // h->x, h->y, h->z: every shortest path has one edge, so everything is 0.
        let g = FlowGraph::from_edges(&[("h", "x", 1.0), ("h", "y", 1.0), ("h", "z", 1.0)]);
        assert_eq!(g.betweenness(), vec![0.0; 4]);
    }

    #[test]
    fn diamond_splits_two_equal_paths() {
        // a->b->d and a->c->d are both shortest a->d paths (length 2): sigma(a,d) = 2,
        // each through b or c once, so b = 1/2 and c = 1/2. No other pair has an
        // intermediate (a->b, a->c, b->d, c->d are direct; b, c do not reach each other).
        // n = 4: normalised = 0.5 / 6 = 1/12.
        let g = FlowGraph::from_edges(&[
            ("a", "b", 1.0),
            ("a", "c", 9.0),
            ("b", "d", 1.0),
            ("c", "d", 1.0),
        ]);
        let c = by_name(&g);
        assert_eq!(c["a"], (0.0, 0.0));
        assert_eq!(c["d"], (0.0, 0.0));
        for mid in ["b", "c"] {
            assert!(close(c[mid].0, 0.5));
            assert!(close(c[mid].1, 1.0 / 12.0));
        }
    }

    #[test]
    fn weights_do_not_change_path_lengths() {
        // a->b->c (weights 1, 1) and a shortcut a->c of weight 100: a->c is one hop,
        // so b lies on no shortest path: b = 0 whatever the weights.
        let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 100.0)]);
        assert_eq!(g.betweenness(), vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn disconnected_graph() {
        // a->b->c plus a separate d->e. Only (a, c) has an intermediate: b = 1.
        // Pairs across components have no path and add nothing.
        // n = 5: (4)(3) = 12, b normalised = 1/12.
        let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("d", "e", 1.0)]);
        let c = by_name(&g);
        assert_eq!(c["b"].0, 1.0);
        assert!(close(c["b"].1, 1.0 / 12.0));
        for other in ["a", "c", "d", "e"] {
            assert_eq!(c[other], (0.0, 0.0));
        }
        // two separate edges only: nothing in between.
        let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("c", "d", 1.0)]);
        assert_eq!(g.betweenness(), vec![0.0; 4]);
    }

    #[test]
    fn cycle_of_three() {
        // a->b->c->a: pairs with an intermediate: (a,c) via b, (b,a) via c, (c,b) via a.
        // Each node: 1. n = 3: normalised 1/2.
        let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0)]);
        for (_, (b, norm)) in by_name(&g) {
            assert_eq!((b, norm), (1.0, 0.5));
        }
    }

    /// Betweenness by its definition, for comparison: over ordered pairs (s, t) with
    /// s != v != t, the share of shortest s -> t paths through v is
    /// sigma(s, v) sigma(v, t) / sigma(s, t) when d(s, v) + d(v, t) = d(s, t).
    fn betweenness_by_definition(n: usize, edges: &[(usize, usize)]) -> Vec<f64> {
        // Hop distances and shortest-path counts from every node, by breadth-first search.
        let mut dist = vec![vec![usize::MAX; n]; n];
        let mut count = vec![vec![0.0; n]; n];
        for s in 0..n {
            dist[s][s] = 0;
            count[s][s] = 1.0;
            let mut frontier = vec![s];
            while !frontier.is_empty() {
                let mut next = Vec::new();
                for &v in &frontier {
                    for &(a, w) in edges {
                        if a != v {
                            continue;
                        }
                        if dist[s][w] == usize::MAX {
                            dist[s][w] = dist[s][v] + 1;
                            next.push(w);
                        }
                        if dist[s][w] == dist[s][v] + 1 {
                            count[s][w] += count[s][v];
                        }
                    }
                }
                frontier = next;
            }
        }
        (0..n)
            .map(|v| {
                let mut sum = 0.0;
                for s in (0..n).filter(|&s| s != v) {
                    for t in (0..n).filter(|&t| t != v && t != s) {
                        let (sv, vt, st) = (dist[s][v], dist[v][t], dist[s][t]);
                        if sv != usize::MAX && vt != usize::MAX && sv + vt == st {
                            sum += count[s][v] * count[v][t] / count[s][t];
                        }
                    }
                }
                sum
            })
            .collect()
    }

    #[test]
    fn brandes_matches_the_definition_on_random_graphs() {
        // A fixed linear congruential generator: the same graphs on every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % bound
        };
        for trial in 0..20 {
            let n = 3 + trial % 8;
            let mut edges: Vec<(usize, usize)> = Vec::new();
            for _ in 0..n * 3 {
                let (a, b) = (next(n), next(n));
                if !edges.contains(&(a, b)) {
                    edges.push((a, b));
                }
            }
            let names: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
            // Every node appears first, in order, through a zero-weight self-loop.
            let mut list: Vec<(&str, &str, f64)> = names
                .iter()
                .map(|x| (x.as_str(), x.as_str(), 0.0))
                .collect();
            list.extend(
                edges
                    .iter()
                    .map(|&(a, b)| (names[a].as_str(), names[b].as_str(), 1.0)),
            );
            let got = FlowGraph::from_edges(&list).betweenness();
            let want = betweenness_by_definition(n, &edges);
            for (v, (g, w)) in got.iter().zip(&want).enumerate() {
                assert!((g - w).abs() < 1e-9, "trial {trial}, node {v}: {g} != {w}");
            }
        }
    }

    #[test]
    fn a_run_in_batches_gives_the_one_go_result() {
        let names = ["a", "b", "c", "d", "e"];
        let edges: Vec<(&str, &str, f64)> =
            [(0, 1), (1, 2), (2, 3), (3, 1), (1, 4), (4, 3), (0, 4)]
                .iter()
                .map(|&(x, y)| (names[x], names[y], 1.0))
                .collect();
        let g = FlowGraph::from_edges(&edges);
        let mut run = Brandes::new(&g);
        assert_eq!(run.progress(), (0, 5));
        assert!(!run.advance(2));
        assert_eq!(run.progress(), (2, 5));
        assert!(!run.advance(2));
        assert!(run.advance(2));
        assert!(run.advance(2), "advancing a finished run changes nothing");
        assert_eq!(run.progress(), (5, 5));
        assert_eq!(run.into_values(), g.betweenness());
    }

    #[test]
    fn empty_graph() {
        let edges: [(&str, &str, f64); 0] = [];
        let g = FlowGraph::from_edges(&edges);
        assert_eq!(g.node_count(), 0);
        assert!(g.degrees().is_empty());
        assert!(g.betweenness().is_empty());
        assert!(g.centrality().is_empty());
        assert!(g.degree("a").is_none());
    }

    #[test]
    fn two_nodes_normalise_to_zero() {
        // n = 2: (n-1)(n-2) = 0, no node can be in between; normalised is 0, not NaN.
        let g = FlowGraph::from_edges(&[("a", "b", 1.0), ("b", "a", 1.0)]);
        assert!(g.centrality().iter().all(|c| c.normalised == 0.0));
    }

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
