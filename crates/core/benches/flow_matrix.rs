//! A synthetic 200 x 200 country flow matrix through what the country flow view runs:
//! the moves graph with weighted degrees, net flow and betweenness (`network`), and the
//! two-stage Sankey plan with its label lanes of the matrix folded to its 12 largest
//! countries plus "other" (`sankey_plan`). The app runs the same code in the browser on
//! the real (much smaller) matrices, so this bounds what a larger data pack would cost.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use talent_core::layout::sankey::{SankeyLink, SankeyNode};
use talent_core::layout::sankey_labels::{plan, NodeLabel, PlanStyle};
use talent_core::series::regions::{fold_matrix, FoldedMatrix};

#[allow(dead_code)]
mod common;
use common::{flow_matrix, folded_name, matrix_network, SANKEY_PLACES, SEED};

const N: usize = 200;
const WIDTH: f64 = 1000.0;

/// Text width without a browser: an average glyph of 0.55 em.
fn measure(text: &str, size: f64, _bold: bool) -> f64 {
    text.chars().count() as f64 * size * 0.55
}

fn sankey_input(folded: &FoldedMatrix) -> (Vec<SankeyNode>, Vec<SankeyLink>, Vec<NodeLabel>) {
    let matrix = &folded.matrix;
    let n = matrix.len();
    let nodes = (0..2)
        .flat_map(|stage| (0..n).map(move |i| SankeyNode::new(format!("{stage}_{i}"), stage)))
        .collect();
    let mut links = Vec::with_capacity(n * n);
    for (o, row) in matrix.iter().enumerate() {
        for (w, &value) in row.iter().enumerate() {
            links.push(SankeyLink::new(format!("0_{o}"), format!("1_{w}"), value));
        }
    }
    let labels = (0..2)
        .flat_map(|stage| {
            (0..n).map(move |i| {
                let value = if stage == 0 {
                    matrix[i].iter().sum::<f64>()
                } else {
                    matrix.iter().map(|r| r[i]).sum()
                };
                NodeLabel {
                    name: folded_name(folded, i),
                    value: format!("{value:.1}"),
                }
            })
        })
        .collect();
    (nodes, links, labels)
}

fn bench(c: &mut Criterion) {
    let matrix = flow_matrix(N, SEED);
    let (moves, metrics) = matrix_network(&matrix);
    assert_eq!((moves.node_count(), moves.edge_count()), (N, N * (N - 1)));
    assert!(metrics.iter().map(|m| m.net).sum::<f64>().abs() < 1e-6);
    let folded = fold_matrix(&matrix, SANKEY_PLACES);
    let (nodes, links, labels) = sankey_input(&folded);
    let headings = vec!["Degree".to_string(), "Work".to_string()];
    let style = PlanStyle::for_width(WIDTH);
    assert!(plan(&nodes, &links, &labels, &headings, WIDTH, style, &measure).is_ok());

    let mut group = c.benchmark_group("flow_matrix_200");
    group.sample_size(20);
    group.bench_function("network", |b| b.iter(|| matrix_network(black_box(&matrix))));
    // Folding, the Sankey input and its plan: what the view does with a matrix.
    group.bench_function("sankey_plan", |b| {
        b.iter(|| {
            let folded = fold_matrix(black_box(&matrix), SANKEY_PLACES);
            let (nodes, links, labels) = sankey_input(&folded);
            plan(&nodes, &links, &labels, &headings, WIDTH, style, &measure)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
