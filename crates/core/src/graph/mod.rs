//! Weighted directed flow graphs (who studied where, then moved where) and their
//! centrality, one algorithm per file.

pub mod brandes;
pub mod flow_graph;

pub use brandes::Brandes;
pub use flow_graph::{Centrality, FlowGraph, NodeDegree};
