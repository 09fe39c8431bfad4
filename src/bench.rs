//! Benchmark hooks, compiled only with `--features bench` (see `scripts/bench.sh`); the
//! shipped build carries none of this.
//!
//! `bench_flow_matrix(n)` runs a synthetic `n` x `n` country flow matrix through the
//! country flow view's pipeline and charts: the core's moves graph with weighted
//! degrees, net flow and betweenness, then the view's Sankey of the matrix folded to its
//! largest countries (`talent_core::series::regions::fold_matrix`) and the net bars of every
//! country, mounted at the end of `<main>`. The matrix and the pipeline are the same code as
//! the native bench (`crates/core/benches/common/mod.rs`, included below).

use crate::charts::network::{KeyItem, Mark, RowChart, RowDatum, RowStyle};
use crate::charts::sankey::{FlowChartData, FlowLinkDatum, FlowNodeDatum, SankeyChart, Tip, Tone};
use crate::state::AppState;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use talent_core::graph::Brandes;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[allow(dead_code)]
mod synthetic {
    include!("../crates/core/benches/common/mod.rs");
}

thread_local! {
    /// The mounted charts of the last call; replacing it unmounts them.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    gloo_utils::window().performance().map_or(0.0, |p| p.now())
}

/// Longest stretch of core work between two yields to the page, in milliseconds: well
/// under the 50 ms after which the browser reports a long task.
const SLICE_MS: f64 = 15.0;

/// Lets the browser handle input and paint before the next slice of work.
async fn yield_to_page() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Runs a synthetic `n` x `n` flow matrix through the core and mounts the flow view's
/// charts of it (test ids `bench-flows`, `bench-net`; draw marks
/// `chart-drawn:bench-flows` and `chart-drawn:bench-net`). The work is spread over tasks
/// of about [`SLICE_MS`]: the moves graph, then betweenness a few sources at a time
/// (`talent_core::graph::Brandes`), then the per-country figures. Resolves with the
/// milliseconds from the call until the figures were ready, yields included.
#[wasm_bindgen]
pub async fn bench_flow_matrix(n: usize) -> f64 {
    let start = now();
    let matrix = synthetic::flow_matrix(n, synthetic::SEED);
    let moves = synthetic::moves_graph(&matrix);
    yield_to_page().await;
    let mut run = Brandes::new(&moves);
    let mut slice = now();
    while !run.advance(1) {
        if now() - slice >= SLICE_MS {
            yield_to_page().await;
            slice = now();
        }
    }
    let centrality = moves.centrality_of(run.into_values());
    let metrics = synthetic::place_metrics(&matrix, &moves, centrality);
    let core_ms = now() - start;
    yield_to_page().await;

    let tip = |heading: String, value: f64| Tip {
        heading,
        value: format!("{value:.1}"),
        detail: String::new(),
    };
    let mut data = FlowChartData {
        stages: vec!["Degree".into(), "Work".into()],
        description: format!("Synthetic {n} x {n} flow matrix"),
        ..FlowChartData::default()
    };
    let folded = talent_core::series::regions::fold_matrix(&matrix, synthetic::SANKEY_PLACES);
    let slots = folded.matrix.len();
    for stage in 0..2 {
        for i in 0..slots {
            let value: f64 = if stage == 0 {
                folded.matrix[i].iter().sum()
            } else {
                folded.matrix.iter().map(|row| row[i]).sum()
            };
            let name = synthetic::folded_name(&folded, i);
            data.nodes.push(FlowNodeDatum {
                key: format!("{stage}_{i}"),
                stage,
                label: name.clone(),
                value_text: format!("{value:.1}"),
                reported: true,
                derived: false,
                tone: Tone::Other,
                tip: tip(name, value),
            });
        }
    }
    for (origin, row) in folded.matrix.iter().enumerate() {
        for (work, &value) in row.iter().enumerate() {
            data.links.push(FlowLinkDatum {
                source: origin,
                target: slots + work,
                value,
                tone: Tone::Other,
                tip: tip(
                    format!(
                        "{} → {}",
                        synthetic::folded_name(&folded, origin),
                        synthetic::folded_name(&folded, work)
                    ),
                    value,
                ),
            });
        }
    }
    let rows: Vec<RowDatum> = metrics
        .iter()
        .enumerate()
        .map(|(i, m)| RowDatum {
            label: synthetic::country_name(i),
            a: m.net,
            b: 0.0,
            value_text: format!("{:+.1}", m.net),
            tip: tip(synthetic::country_name(i), m.net),
        })
        .collect();
    let key = vec![
        KeyItem {
            label: "Gain".into(),
            mark: Mark::Gain,
        },
        KeyItem {
            label: "Loss".into(),
            mark: Mark::Loss,
        },
    ];

    let document = gloo_utils::document();
    let Some(parent) = document
        .query_selector("main")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return core_ms;
    };
    MOUNTED.with(|m| m.borrow_mut().take());
    let handle = leptos::mount::mount_to(parent, move || {
        provide_context(AppState::detached());
        view! {
            <section class="view" data-testid="bench-flow-matrix">
                <SankeyChart id="bench-flows" data=Signal::stored(data) />
                <RowChart
                    id="bench-net"
                    style=RowStyle::Net
                    rows=Signal::stored(rows)
                    key=Signal::stored(key)
                    description=Signal::stored(String::from("Synthetic net flows"))
                />
            </section>
        }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    core_ms
}
