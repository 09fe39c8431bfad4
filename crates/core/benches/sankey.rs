//! A Sankey layout of 50 nodes and 200 links (budget: 1 millisecond).
//!
//! Five stages of ten nodes; every link goes from a random node to a random node of a
//! later stage, with a random value. Fixed seed, so every run lays out the same graph.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use talent_core::layout::sankey::{layout, LayoutParams, SankeyLink, SankeyNode};

#[allow(dead_code)]
mod common;
use common::{Rng, SEED};

const STAGES: usize = 5;
const PER_STAGE: usize = 10;
const LINKS: usize = 200;

fn graph() -> (Vec<SankeyNode>, Vec<SankeyLink>) {
    let mut rng = Rng::new(SEED);
    let nodes: Vec<SankeyNode> = (0..STAGES * PER_STAGE)
        .map(|i| SankeyNode::new(format!("n{i}"), i / PER_STAGE))
        .collect();
    let links = (0..LINKS)
        .map(|_| {
            let source_stage = rng.below(STAGES - 1);
            let target_stage = source_stage + 1 + rng.below(STAGES - 1 - source_stage);
            let source = source_stage * PER_STAGE + rng.below(PER_STAGE);
            let target = target_stage * PER_STAGE + rng.below(PER_STAGE);
            SankeyLink::new(
                format!("n{source}"),
                format!("n{target}"),
                1.0 + 99.0 * rng.unit(),
            )
        })
        .collect();
    (nodes, links)
}

fn bench(c: &mut Criterion) {
    let (nodes, links) = graph();
    let params = LayoutParams::new(960.0, 600.0);
    assert!(layout(&nodes, &links, &params).is_ok());
    c.bench_function("sankey_layout_50_nodes_200_links", |b| {
        b.iter(|| layout(black_box(&nodes), black_box(&links), black_box(&params)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
