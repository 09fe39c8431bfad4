//! Pure metrics core of the AI talent explainer.
//!
//! No browser types live here: the embedded data pack, the metrics the views show,
//! chart series, layouts and the link codec are plain Rust, tested natively with
//! `cargo test -p talent_core`. The modules follow the pipeline:
//!
//! - [`data`]: the embedded data pack, decoded and validated, and display labels;
//! - [`model`]: metrics, derived figures, the app's checks of the sources, the what-if
//!   projection;
//! - [`graph`]: weighted flow graphs and Brandes' betweenness;
//! - [`series`]: what each chart plots (`*Series`), tied to the facts it comes from;
//! - [`layout`]: where it goes (`*Plan` and the layouts behind them), in pixels;
//! - [`link`]: the link codec, citations and downloads.
#![warn(missing_docs)]

pub mod catalog;
pub mod copy;
pub mod data;
pub mod format;
pub mod graph;
pub mod layout;
pub mod link;
pub mod model;
pub mod order;
pub mod series;

pub use data::{Dataset, Fact, Lang};
