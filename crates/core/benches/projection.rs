//! One projection from the 2019 baseline to the 2040 horizon (budget: 50 microseconds).
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use talent_core::model::projection::{project, Scenario, MAX_END_YEAR};

fn bench(c: &mut Criterion) {
    let mut scenario = Scenario::default();
    scenario.set_end_year(MAX_END_YEAR);
    // Build the embedded baseline and defaults once, outside the measurement.
    black_box(project(&scenario));
    c.bench_function("project_2019_to_2040", |b| {
        b.iter(|| project(black_box(&scenario)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
