//! Chart components: a canvas, one drawing effect, and the interaction around it.

pub mod bars;
pub mod keys;
pub mod lines;
pub mod network;
pub mod sankey;
