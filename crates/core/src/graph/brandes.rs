//! Brandes' betweenness centrality, a batch of sources at a time.

use super::flow_graph::FlowGraph;
use petgraph::graph::DiGraph;

/// Brandes' algorithm a batch of sources at a time: one breadth-first search per node,
/// each adding that source's dependencies to the betweenness of the others. A caller on
/// a browser's main thread can spread a large graph over several tasks instead of
/// blocking the page; [`FlowGraph::betweenness`] runs it to the end in one go.
///
/// ```
/// use talent_core::graph::{Brandes, FlowGraph};
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
}
