//! Weighted directed flow networks (who studied where, then moved where): weighted
//! degrees and betweenness centrality, plus the city table of seed 000 (Table 2).

use super::brandes::Brandes;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// A weighted directed flow graph: nodes are place names, an edge `a -> b` of weight
/// `w` means `w` people moved from `a` to `b`.
#[derive(Clone, Debug, Default)]
pub struct FlowGraph {
    pub(super) graph: DiGraph<String, f64>,
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
    /// use talent_core::graph::FlowGraph;
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
    /// use talent_core::graph::FlowGraph;
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
    /// use talent_core::graph::FlowGraph;
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
    /// use talent_core::graph::FlowGraph;
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
    /// use talent_core::graph::FlowGraph;
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
}
