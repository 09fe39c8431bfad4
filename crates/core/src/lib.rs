//! Pure metrics core of the AI talent explainer.
//!
//! No browser types live here: the embedded data pack, the metrics the views show,
//! chart series, layouts and the URL codec are plain Rust, tested natively with
//! `cargo test -p talent_core`.
#![warn(missing_docs)]

pub mod bar_layout;
pub mod career_flows;
pub mod checks;
pub mod cite;
pub mod countries;
pub mod dataset;
pub mod derived;
pub mod export;
pub mod format;
pub mod labels;
pub mod metrics;
pub mod net_flow;
pub mod network;
pub mod order;
pub mod projection;
pub mod sankey;
pub mod sankey_labels;
pub mod series;
pub mod subfields;
pub mod url_state;

pub use dataset::{Dataset, Fact, Lang};
