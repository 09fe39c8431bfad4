//! Where each chart's marks go, in pixels: pure geometry shared by drawing,
//! hit-testing and keyboard focus.

pub mod bars;
pub mod change;
pub mod curve;
pub mod lines;
pub mod measure;
pub mod row_chart;
pub mod rows;
pub mod sankey;
pub mod sankey_chart;
pub mod sankey_labels;
pub mod text;
pub mod tip;
pub mod width;
