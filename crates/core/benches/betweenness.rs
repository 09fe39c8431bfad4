//! Betweenness centrality (Brandes) of a random directed graph of 1,000 nodes and
//! 5,000 edges (budget: 50 milliseconds).
//!
//! Every node gets one edge out to a random other node (so all 1,000 nodes exist), then
//! random distinct edges are added until there are 5,000. Fixed seed.
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::HashSet;
use std::hint::black_box;
use talent_core::graph::FlowGraph;

#[allow(dead_code)]
mod common;
use common::{Rng, SEED};

const NODES: usize = 1_000;
const EDGES: usize = 5_000;

fn graph() -> FlowGraph {
    let mut rng = Rng::new(SEED);
    let mut seen = HashSet::new();
    let mut edges = Vec::with_capacity(EDGES);
    let mut from = 0;
    while edges.len() < EDGES {
        // First one edge out of every node, then random pairs.
        let source = if from < NODES { from } else { rng.below(NODES) };
        let target = if from < NODES {
            (source + 1 + rng.below(NODES - 1)) % NODES
        } else {
            rng.below(NODES)
        };
        if source != target && seen.insert((source, target)) {
            let weight = 1.0 + rng.below(20) as f64;
            edges.push((format!("n{source}"), format!("n{target}"), weight));
            from += 1;
        }
    }
    FlowGraph::from_edges(&edges)
}

fn bench(c: &mut Criterion) {
    let g = graph();
    assert_eq!((g.node_count(), g.edge_count()), (NODES, EDGES));
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(20);
    group.bench_function("1000_nodes_5000_edges", |b| {
        b.iter(|| black_box(&g).centrality())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
