//! Pure metrics core of the AI talent explainer.
//!
//! No browser types live here: the embedded data pack, the metrics the views show,
//! chart series, layouts and the URL codec are plain Rust, tested natively with
//! `cargo test -p talent_core`.
#![warn(missing_docs)]

pub mod dataset;

pub use dataset::{Dataset, Fact, Lang};
