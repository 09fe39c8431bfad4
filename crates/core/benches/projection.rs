//! The what-if model's costs:
//!
//! - `banded_2019_to_2040`: one calibrated projection from 2019 to 2040 with its band
//!   (400 draws) and horizon figures, the work of one slider step (budget: 1 ms);
//! - `project_2019_to_2040`: the projection alone;
//! - `model_and_draws_once`: reading the data pack, calibrating, and calibrating the 400
//!   draws of the band, which happens once, on the first band a page asks for.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use talent_core::model::projection::{Model, Param};
use talent_core::Dataset;

fn bench(c: &mut Criterion) {
    let model = Model::embedded();
    // A scenario off the defaults, as after a slider step.
    let scenario = model.defaults().with(Param::ChinaToUs, 0.45);
    // Calibrate the draws once, outside the measurement.
    black_box(model.banded(&scenario));
    // The model keeps the last band it made: alternate between two slider positions so
    // that every iteration computes its band, as a slider step does.
    let steps = [scenario, model.defaults().with(Param::ChinaToUs, 0.46)];
    let mut step = 0;
    c.bench_function("banded_2019_to_2040", |b| {
        b.iter(|| {
            step = 1 - step;
            model.banded(black_box(&steps[step]))
        })
    });
    c.bench_function("project_2019_to_2040", |b| {
        b.iter(|| model.project(black_box(&scenario)))
    });
    let mut group = c.benchmark_group("once");
    group.sample_size(10);
    group.bench_function("model_and_draws_once", |b| {
        b.iter(|| {
            let m = Model::from_dataset(black_box(Dataset::embedded())).unwrap();
            black_box(m.draws());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
